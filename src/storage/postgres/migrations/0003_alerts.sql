-- Alerts, the console stream, the outbox (docs/alerts.md; SQLite migration 0004).
--
-- alert_log.seq is the stream position consoles resume from, global to every instance on this
-- database: an identity (a sequence) never hands out a value twice, even after rollbacks or
-- erasures. Transactions that append to it hold the advisory lock "alert stream" until they
-- commit (postgres/README.md), so seqs also become visible in increasing order.
CREATE TABLE alert_log (
  seq       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  alert_seq BIGINT,                  -- the alert changed; NULL for a creation (the alert is seq)
  kind      TEXT   NOT NULL CHECK (kind IN ('alert', 'alert_update')),
  at_ms     BIGINT NOT NULL
);
CREATE INDEX alert_log_by_alert ON alert_log (alert_seq);

-- An alert's id is "al-<seq>", seq being the alert_log row of its creation.
CREATE TABLE alerts (
  seq                BIGINT   PRIMARY KEY,
  event_seq          BIGINT   NOT NULL UNIQUE REFERENCES events (seq) ON DELETE CASCADE,
  created_at_ms      BIGINT   NOT NULL,
  severity           SMALLINT NOT NULL CHECK (severity BETWEEN 0 AND 3),  -- low .. critical
  status             TEXT     NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
  team_id            TEXT     COLLATE "C" NOT NULL,  -- copies of the event's, for the filters
  agent_id           TEXT     COLLATE "C" NOT NULL,
  acknowledged_by    TEXT     NOT NULL DEFAULT '',
  acknowledged_at_ms BIGINT,
  resolved_by        TEXT     NOT NULL DEFAULT '',
  resolved_at_ms     BIGINT,
  note               TEXT     NOT NULL DEFAULT ''
);
CREATE INDEX alerts_by_status ON alerts (status, seq);
CREATE INDEX alerts_by_team ON alerts (team_id, seq);
CREATE INDEX alerts_by_agent ON alerts (agent_id, seq);

-- Outbound webhook deliveries, one row per alert and sink, written with the alert. Instances
-- claim due rows with SELECT … FOR UPDATE SKIP LOCKED and a lease (next_attempt_ms moved
-- forward), so one row is sent by one instance at a time and retried if that instance dies.
CREATE TABLE outbox (
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  webhook_id      TEXT   NOT NULL UNIQUE,  -- the same on every attempt: receivers dedupe on it
  sink            TEXT   NOT NULL,
  alert_seq       BIGINT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  created_at_ms   BIGINT NOT NULL,
  next_attempt_ms BIGINT NOT NULL,
  last_error      TEXT   NOT NULL DEFAULT ''
);
CREATE INDEX outbox_due ON outbox (next_attempt_ms);
CREATE INDEX outbox_by_alert ON outbox (alert_seq);

CREATE TABLE dead_letters (
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  webhook_id    TEXT   NOT NULL UNIQUE,
  sink          TEXT   NOT NULL,
  alert_seq     BIGINT NOT NULL,
  attempts      INTEGER NOT NULL,
  created_at_ms BIGINT NOT NULL,
  died_at_ms    BIGINT NOT NULL,
  last_error    TEXT   NOT NULL
);

CREATE TABLE disabled_sinks (
  sink           TEXT   PRIMARY KEY,
  disabled_at_ms BIGINT NOT NULL,
  reason         TEXT   NOT NULL
);
