-- Counts per hour and per UTC day, dimension and value (storage/README.md, "Rollups"): the
-- SQLite tables score_rollups and score_rollups_daily with their alert counters (SQLite
-- migrations 0002, 0003 and 0005 in one step, as this schema starts with them). Each stored
-- event adds to one total row (dimension = '', value = '') and one row per dimension it has a
-- value for, with INSERT … ON CONFLICT DO UPDATE in the transaction that stores it, so several
-- instances add to the same rows without losing a count.
CREATE TABLE score_rollups (
  hour               BIGINT NOT NULL,  -- hours since the Unix epoch, UTC
  dimension          TEXT   COLLATE "C" NOT NULL,  -- agent_id, team_id, …, or ''
  value              TEXT   COLLATE "C" NOT NULL,
  nps_promoters      BIGINT NOT NULL DEFAULT 0,
  nps_passives       BIGINT NOT NULL DEFAULT 0,
  nps_detractors     BIGINT NOT NULL DEFAULT 0,
  csat_responses     BIGINT NOT NULL DEFAULT 0,
  csat_satisfied     BIGINT NOT NULL DEFAULT 0,
  csat_sum           BIGINT NOT NULL DEFAULT 0,
  ces_responses      BIGINT NOT NULL DEFAULT 0,
  ces_easy           BIGINT NOT NULL DEFAULT 0,
  ces_sum            BIGINT NOT NULL DEFAULT 0,
  verbatims          BIGINT NOT NULL DEFAULT 0,
  negative_verbatims BIGINT NOT NULL DEFAULT 0,
  alerts_total       BIGINT NOT NULL DEFAULT 0,
  alerts_open        BIGINT NOT NULL DEFAULT 0,
  sentiment_sum      DOUBLE PRECISION NOT NULL DEFAULT 0,
  PRIMARY KEY (dimension, value, hour)
);

-- Keyed (dimension, day, value): grouping by a dimension reads only the days in range.
CREATE TABLE score_rollups_daily (
  day                BIGINT NOT NULL,  -- days since the Unix epoch, UTC: floor(hour / 24)
  dimension          TEXT   COLLATE "C" NOT NULL,
  value              TEXT   COLLATE "C" NOT NULL,
  nps_promoters      BIGINT NOT NULL DEFAULT 0,
  nps_passives       BIGINT NOT NULL DEFAULT 0,
  nps_detractors     BIGINT NOT NULL DEFAULT 0,
  csat_responses     BIGINT NOT NULL DEFAULT 0,
  csat_satisfied     BIGINT NOT NULL DEFAULT 0,
  csat_sum           BIGINT NOT NULL DEFAULT 0,
  ces_responses      BIGINT NOT NULL DEFAULT 0,
  ces_easy           BIGINT NOT NULL DEFAULT 0,
  ces_sum            BIGINT NOT NULL DEFAULT 0,
  verbatims          BIGINT NOT NULL DEFAULT 0,
  negative_verbatims BIGINT NOT NULL DEFAULT 0,
  alerts_total       BIGINT NOT NULL DEFAULT 0,
  alerts_open        BIGINT NOT NULL DEFAULT 0,
  sentiment_sum      DOUBLE PRECISION NOT NULL DEFAULT 0,
  PRIMARY KEY (dimension, day, value)
);
