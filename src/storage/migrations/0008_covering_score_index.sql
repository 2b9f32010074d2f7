-- Scores the rollups cannot answer (two filters, or a filter with a group by another dimension)
-- are summed over the events in the time range (storage/README.md, fallback path). Read from
-- the table, every event costs its whole row (~2 KB with its verbatim and analysis); this index
-- holds the columns those sums read, in time order, so the scan reads ~60 bytes an event. It
-- replaces events_by_time, its prefix. `seq` comes second so that events of the same instant
-- (a batch with one timestamp, a form's minute-precision dates) are ordered by arrival, as in
-- the old index, and land on the last page: ordered by agent next, each group commit dirtied one
-- page per agent, a third of the durable throughput in tools/bench/ingest (one timestamp).
CREATE INDEX events_for_scores ON events (
  occurred_at_ms, seq, agent_id, team_id, queue, channel, touchpoint, platform,
  nps, csat, ces, sentiment_score, negative_verbatim);
DROP INDEX events_by_time;
