-- Alerts per score group (CONTRACT §4 Scores: "alerts": {"open", "total"}), counted in the
-- rollups like the scores: an alert adds to alerts_total and alerts_open of its event's rows in
-- the transaction that raises it, and takes one from alerts_open in the transaction that first
-- acknowledges or resolves it. "open" is the alert status `open`, as in GET /v1/alerts.
ALTER TABLE score_rollups ADD COLUMN alerts_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE score_rollups ADD COLUMN alerts_open INTEGER NOT NULL DEFAULT 0;
ALTER TABLE score_rollups_daily ADD COLUMN alerts_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE score_rollups_daily ADD COLUMN alerts_open INTEGER NOT NULL DEFAULT 0;

-- A database upgraded from version 4 already has alerts: count them into the rows of their
-- events (which exist: the event's own transaction wrote them). Floor division for the hour,
-- as SQLite's `/` truncates towards zero.
CREATE TEMP TABLE alert_counts AS
WITH raised AS (
  SELECT (e.occurred_at_ms - ((e.occurred_at_ms % 3600000) + 3600000) % 3600000) / 3600000
           AS hour,
         e.agent_id, e.team_id, e.queue, e.channel, e.touchpoint, e.platform,
         a.status = 'open' AS still_open
  FROM alerts a JOIN events e ON e.seq = a.event_seq
), keyed AS (
  SELECT hour, '' AS dimension, '' AS value, still_open FROM raised
  UNION ALL SELECT hour, 'agent_id', agent_id, still_open FROM raised WHERE agent_id <> ''
  UNION ALL SELECT hour, 'team_id', team_id, still_open FROM raised WHERE team_id <> ''
  UNION ALL SELECT hour, 'queue', queue, still_open FROM raised WHERE queue <> ''
  UNION ALL SELECT hour, 'channel', channel, still_open FROM raised WHERE channel <> ''
  UNION ALL SELECT hour, 'touchpoint', touchpoint, still_open FROM raised WHERE touchpoint <> ''
  UNION ALL SELECT hour, 'platform', platform, still_open FROM raised WHERE platform <> ''
)
SELECT hour, dimension, value, COUNT(*) AS total, SUM(still_open) AS open
FROM keyed GROUP BY hour, dimension, value;

UPDATE score_rollups SET alerts_total = c.total, alerts_open = c.open
FROM temp.alert_counts c
WHERE score_rollups.hour = c.hour AND score_rollups.dimension = c.dimension
  AND score_rollups.value = c.value;

UPDATE score_rollups_daily SET alerts_total = d.total, alerts_open = d.open
FROM (SELECT (hour - ((hour % 24) + 24) % 24) / 24 AS day, dimension, value,
             SUM(total) AS total, SUM(open) AS open
      FROM temp.alert_counts GROUP BY 1, 2, 3) d
WHERE score_rollups_daily.day = d.day AND score_rollups_daily.dimension = d.dimension
  AND score_rollups_daily.value = d.value;

DROP TABLE temp.alert_counts;
