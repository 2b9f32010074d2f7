-- alert_log.seq is the stream position consoles resume from (0004). AUTOINCREMENT kept it from
-- ever being given twice, at the price of reading and rewriting the sqlite_sequence row at every
-- insert: ~3,100 instructions an alert and one more WAL page a commit (callgrind on the writer
-- under tools/bench/ingest's load, where most events raise an alert).
-- No statement deletes from alert_log: an erasure or a purge takes an alert and its event, never
-- the record of what the consoles were sent. So its largest seq never goes back, and SQLite's own
-- choice for a new row, the largest seq plus one, never gives a seq twice either
-- (SqliteErasure.AStreamSeqIsNotGivenAgainAfterTheNewestAlertWasErased).
-- The table is rebuilt, rows kept; nothing references it. Dropping it drops its sqlite_sequence row.
CREATE TABLE alert_log_rebuilt (
  seq       INTEGER PRIMARY KEY,
  alert_seq INTEGER,                 -- the alert changed; NULL for a creation (the alert is seq)
  kind      TEXT    NOT NULL CHECK (kind IN ('alert', 'alert_update')),
  at_ms     INTEGER NOT NULL
);
INSERT INTO alert_log_rebuilt (seq, alert_seq, kind, at_ms)
  SELECT seq, alert_seq, kind, at_ms FROM alert_log;
DROP TABLE alert_log;
ALTER TABLE alert_log_rebuilt RENAME TO alert_log;
