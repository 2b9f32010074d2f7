-- Alerts (CONTRACT §4 Alerts): one per detractor event, written in the transaction that stores
-- the event. Everything else an alert shows (reasons, verbatim, analysis, scores, dimensions) is
-- read from its event, so nothing is stored twice and erasing the event erases the alert.
--
-- The console stream: every creation and every change of an alert is one row of alert_log, in
-- commit order. Its seq is the stream position consoles resume from (SSE Last-Event-ID,
-- WebSocket ?since=). AUTOINCREMENT so that a seq is never reused, even after the newest rows
-- were erased: a console's Last-Event-ID must never point at something else later.
CREATE TABLE alert_log (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  alert_seq INTEGER,                 -- the alert changed; NULL for a creation (the alert is seq)
  kind      TEXT    NOT NULL CHECK (kind IN ('alert', 'alert_update')),
  at_ms     INTEGER NOT NULL
);
CREATE INDEX alert_log_by_alert ON alert_log (alert_seq);

-- An alert's id is "al-<seq>", seq being the alert_log row of its creation.
CREATE TABLE alerts (
  seq                INTEGER PRIMARY KEY,
  event_seq          INTEGER NOT NULL UNIQUE REFERENCES events (seq) ON DELETE CASCADE,
  created_at_ms      INTEGER NOT NULL,
  severity           INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3),  -- low .. critical
  status             TEXT    NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
  team_id            TEXT    NOT NULL,  -- copies of the event's, for the list filters' indexes
  agent_id           TEXT    NOT NULL,
  acknowledged_by    TEXT    NOT NULL DEFAULT '',
  acknowledged_at_ms INTEGER,
  resolved_by        TEXT    NOT NULL DEFAULT '',
  resolved_at_ms     INTEGER,
  note               TEXT    NOT NULL DEFAULT ''
);
-- The list is newest first within a status, a team or an agent.
CREATE INDEX alerts_by_status ON alerts (status, seq);
CREATE INDEX alerts_by_team ON alerts (team_id, seq);
CREATE INDEX alerts_by_agent ON alerts (agent_id, seq);

-- Outbound webhook deliveries ([[sinks.webhook]]), one row per alert and sink, written with the
-- alert: a committed alert always has its deliveries queued, and a restart loses none.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  webhook_id      TEXT    NOT NULL UNIQUE,  -- the same on every attempt: receivers dedupe on it
  sink            TEXT    NOT NULL,
  alert_seq       INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  created_at_ms   INTEGER NOT NULL,
  next_attempt_ms INTEGER NOT NULL,
  last_error      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (next_attempt_ms);

-- Deliveries that exhausted their retry schedule, for an admin to list and replay.
CREATE TABLE dead_letters (
  id            INTEGER PRIMARY KEY,
  webhook_id    TEXT    NOT NULL UNIQUE,
  sink          TEXT    NOT NULL,
  alert_seq     INTEGER NOT NULL,
  attempts      INTEGER NOT NULL,
  created_at_ms INTEGER NOT NULL,
  died_at_ms    INTEGER NOT NULL,
  last_error    TEXT    NOT NULL
);

-- Sinks that answered 410 Gone: their deliveries are kept but no longer attempted.
CREATE TABLE disabled_sinks (
  sink           TEXT    PRIMARY KEY,
  disabled_at_ms INTEGER NOT NULL,
  reason         TEXT    NOT NULL
);
