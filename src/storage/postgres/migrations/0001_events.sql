-- Every stored survey and message, one row each: the same columns and checks as the SQLite
-- schema (src/storage/migrations/0001_events.sql). (kind, source, id) is the idempotency key,
-- shared by every instance on this database: a second copy conflicts here, whichever instance
-- receives it. Empty text means "not given"; NULL scores mean "not answered".
-- Keys and dimensions use the "C" collation: groups sort byte-wise as in SQLite, whatever the
-- database's locale.
CREATE TABLE events (
  seq               BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- insertion order
  kind              TEXT    COLLATE "C" NOT NULL CHECK (kind IN ('survey', 'message')),
  source            TEXT    COLLATE "C" NOT NULL,
  id                TEXT    COLLATE "C" NOT NULL,
  occurred_at_ms    BIGINT  NOT NULL,
  received_at_ms    BIGINT  NOT NULL,
  channel           TEXT    COLLATE "C" NOT NULL,
  touchpoint        TEXT    COLLATE "C" NOT NULL,
  agent_id          TEXT    COLLATE "C" NOT NULL,
  team_id           TEXT    COLLATE "C" NOT NULL,
  queue             TEXT    COLLATE "C" NOT NULL,
  platform          TEXT    COLLATE "C" NOT NULL,
  customer_id       TEXT    COLLATE "C" NOT NULL,
  interaction_id    TEXT    NOT NULL,
  language          TEXT    NOT NULL,
  nps               SMALLINT CHECK (nps BETWEEN 0 AND 10),
  csat              SMALLINT CHECK (csat BETWEEN 1 AND 5),
  ces               SMALLINT CHECK (ces BETWEEN 1 AND 7),
  message_kind      TEXT    NOT NULL,
  is_public         BOOLEAN NOT NULL,
  author_id         TEXT    COLLATE "C" NOT NULL,
  author_name       TEXT    NOT NULL,
  conversation_id   TEXT    NOT NULL,
  post_id           TEXT    NOT NULL,
  parent_id         TEXT    NOT NULL,
  page_id           TEXT    NOT NULL,
  verbatim          TEXT    NOT NULL,
  analysis_json     TEXT    NOT NULL,
  sentiment_score   DOUBLE PRECISION,     -- NULL when there is no verbatim
  negative_verbatim BOOLEAN NOT NULL,
  detractor         BOOLEAN NOT NULL,
  reasons           JSONB   NOT NULL CHECK (jsonb_typeof(reasons) = 'array'),  -- of strings
  UNIQUE (kind, source, id)               -- also the index of find()
);

-- Erasure of a customer, of a social author (partial: surveys have no author).
CREATE INDEX events_by_customer ON events (customer_id);
CREATE INDEX events_by_author ON events (author_id) WHERE author_id <> '';

-- Scores the rollups cannot answer are aggregated over events within a time range.
CREATE INDEX events_by_time ON events (occurred_at_ms);
