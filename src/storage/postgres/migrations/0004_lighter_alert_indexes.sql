-- The same indexes as SQLite migration 0007 leave, for the same reason: each is written with
-- every detractor, and the per-team and per-agent ones scatter a group's writes over one page
-- per team and agent. Filtered lists walk alerts_by_status or the alerts newest first.
DROP INDEX alerts_by_team;
DROP INDEX alerts_by_agent;
DROP INDEX alert_log_by_alert;
-- The status index carries what the filters test, so a filtered list of open alerts reads the
-- index alone until it has its page. Its key still starts (status, seq): new alerts land on
-- one page.
DROP INDEX alerts_by_status;
CREATE INDEX alerts_by_status ON alerts (status, seq, severity, team_id, agent_id);
