-- The same counters per UTC day, so a long range grouped by a dimension reads one row per day
-- and value instead of 24 (storage/README.md). Maintained in the transaction that stores the
-- events, like score_rollups; a query reads the whole days in its range here and only its
-- partial edge days from score_rollups.
-- Keyed (dimension, day, value), not (dimension, value, day): grouping by a dimension then reads
-- only the rows of the days in range, however long the history is.
CREATE TABLE score_rollups_daily (
  day                INTEGER NOT NULL,  -- days since the Unix epoch, UTC: floor(hour / 24)
  dimension          TEXT    NOT NULL,  -- as in score_rollups
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
  PRIMARY KEY (dimension, day, value)
) WITHOUT ROWID;

-- A database upgraded from version 2 already has hourly rows: the daily rows are their sums, so
-- scores stay right across the upgrade. Floor division: SQLite's `/` truncates towards zero.
INSERT INTO score_rollups_daily
SELECT (hour - ((hour % 24) + 24) % 24) / 24, dimension, value,
       SUM(nps_promoters), SUM(nps_passives), SUM(nps_detractors),
       SUM(csat_responses), SUM(csat_satisfied), SUM(csat_sum),
       SUM(ces_responses), SUM(ces_easy), SUM(ces_sum),
       SUM(verbatims), SUM(negative_verbatims), SUM(sentiment_sum)
FROM score_rollups
GROUP BY 1, 2, 3;
