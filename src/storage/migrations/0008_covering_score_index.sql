-- Scores the rollups cannot answer (two filters, or a filter with a group by another dimension)
-- are summed over the events in the time range (storage/README.md, fallback path). Read from
-- the table, every event costs its whole row (~2 KB with its verbatim and analysis); this index
-- holds the columns those sums read, in time order, so the scan reads ~60 bytes an event. It
-- replaces events_by_time, its prefix: in live traffic new entries still land on the last page.
CREATE INDEX events_for_scores ON events (
  occurred_at_ms, agent_id, team_id, queue, channel, touchpoint, platform,
  nps, csat, ces, sentiment_score, negative_verbatim);
DROP INDEX events_by_time;
