-- Every stored survey and message, one row each. (kind, source, id) is the idempotency key of
-- ingestion: a second copy of an event conflicts here and is reported as a duplicate.
-- Empty text means "not given"; NULL scores mean "not answered".
CREATE TABLE events (
  seq               INTEGER PRIMARY KEY,  -- insertion order
  kind              TEXT    NOT NULL CHECK (kind IN ('survey', 'message')),
  source            TEXT    NOT NULL,
  id                TEXT    NOT NULL,
  occurred_at_ms    INTEGER NOT NULL,
  received_at_ms    INTEGER NOT NULL,
  channel           TEXT    NOT NULL,
  touchpoint        TEXT    NOT NULL,
  agent_id          TEXT    NOT NULL,
  team_id           TEXT    NOT NULL,
  queue             TEXT    NOT NULL,
  platform          TEXT    NOT NULL,
  customer_id       TEXT    NOT NULL,
  interaction_id    TEXT    NOT NULL,
  language          TEXT    NOT NULL,
  nps               INTEGER CHECK (nps BETWEEN 0 AND 10),
  csat              INTEGER CHECK (csat BETWEEN 1 AND 5),
  ces               INTEGER CHECK (ces BETWEEN 1 AND 7),
  message_kind      TEXT    NOT NULL,
  is_public         INTEGER NOT NULL CHECK (is_public IN (0, 1)),
  author_id         TEXT    NOT NULL,
  author_name       TEXT    NOT NULL,
  conversation_id   TEXT    NOT NULL,
  post_id           TEXT    NOT NULL,
  parent_id         TEXT    NOT NULL,
  page_id           TEXT    NOT NULL,
  verbatim          TEXT    NOT NULL,
  analysis_json     TEXT    NOT NULL,
  sentiment_score   REAL,                 -- NULL when there is no verbatim
  negative_verbatim INTEGER NOT NULL CHECK (negative_verbatim IN (0, 1)),
  detractor         INTEGER NOT NULL CHECK (detractor IN (0, 1)),
  reasons           TEXT    NOT NULL CHECK (json_type(reasons) = 'array'),  -- JSON array of text
  UNIQUE (kind, source, id)               -- also the index of find()
);

-- Erasure of a customer (DELETE /v1/customers/{id}) looks events up by customer.
CREATE INDEX events_by_customer ON events (customer_id);

-- Scores the rollups cannot answer are aggregated over events within a time range.
CREATE INDEX events_by_time ON events (occurred_at_ms);
