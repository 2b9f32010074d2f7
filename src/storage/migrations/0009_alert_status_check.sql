-- The alerts' status CHECK, written `status IN ('open', 'acknowledged', 'resolved')`, made
-- SQLite build a temporary b-tree of the three values at every insert and update of an alert
-- (OpenEphemeral in its program; callgrind under tools/bench/ingest's load: ~11,000
-- instructions an alert, a fifth of raising it). The same check as comparisons builds nothing.
-- SQLite cannot change a CHECK in place: the table is rebuilt, rows and index included. No
-- table references alerts, so dropping the old one checks no foreign key.
CREATE TABLE alerts_rebuilt (
  seq                INTEGER PRIMARY KEY,
  event_seq          INTEGER NOT NULL UNIQUE REFERENCES events (seq) ON DELETE CASCADE,
  created_at_ms      INTEGER NOT NULL,
  severity           INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3),  -- low .. critical
  status             TEXT    NOT NULL
                     CHECK (status = 'open' OR status = 'acknowledged' OR status = 'resolved'),
  team_id            TEXT    NOT NULL,  -- copies of the event's, for the list filters' indexes
  agent_id           TEXT    NOT NULL,
  acknowledged_by    TEXT    NOT NULL DEFAULT '',
  acknowledged_at_ms INTEGER,
  resolved_by        TEXT    NOT NULL DEFAULT '',
  resolved_at_ms     INTEGER,
  note               TEXT    NOT NULL DEFAULT ''
);

INSERT INTO alerts_rebuilt
  (seq, event_seq, created_at_ms, severity, status, team_id, agent_id, acknowledged_by,
   acknowledged_at_ms, resolved_by, resolved_at_ms, note)
SELECT seq, event_seq, created_at_ms, severity, status, team_id, agent_id, acknowledged_by,
       acknowledged_at_ms, resolved_by, resolved_at_ms, note
FROM alerts;

DROP TABLE alerts;
ALTER TABLE alerts_rebuilt RENAME TO alerts;
CREATE INDEX alerts_by_status ON alerts (status, seq, severity, team_id, agent_id);
