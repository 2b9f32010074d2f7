-- Counts per hour bucket and dimension value, so scores read a few rows per hour instead of
-- every event (storage/README.md). Each stored event adds to one total row (dimension = '',
-- value = '') and to one row per dimension it has a value for, in the transaction that stores it.
-- The counters are exactly the fields of score_totals.
CREATE TABLE score_rollups (
  hour               INTEGER NOT NULL,  -- hours since the Unix epoch, UTC: occurred_at_ms / 3600000
  dimension          TEXT    NOT NULL,  -- agent_id, team_id, queue, channel, touchpoint, platform, ''
  value              TEXT    NOT NULL,
  nps_promoters      INTEGER NOT NULL DEFAULT 0,
  nps_passives       INTEGER NOT NULL DEFAULT 0,
  nps_detractors     INTEGER NOT NULL DEFAULT 0,
  csat_responses     INTEGER NOT NULL DEFAULT 0,
  csat_satisfied     INTEGER NOT NULL DEFAULT 0,
  csat_sum           INTEGER NOT NULL DEFAULT 0,
  ces_responses      INTEGER NOT NULL DEFAULT 0,
  ces_easy           INTEGER NOT NULL DEFAULT 0,
  ces_sum            INTEGER NOT NULL DEFAULT 0,
  verbatims          INTEGER NOT NULL DEFAULT 0,
  negative_verbatims INTEGER NOT NULL DEFAULT 0,
  sentiment_sum      REAL    NOT NULL DEFAULT 0,
  PRIMARY KEY (dimension, value, hour)
) WITHOUT ROWID;
