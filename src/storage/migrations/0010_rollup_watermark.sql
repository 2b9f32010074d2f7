-- The score rollups hold every event up to folded_seq; the writer folds later events into them
-- every few hundred commits instead of at every commit, and the score queries count the events
-- above folded_seq from their rows (storage/README.md, "Rollups"). Existing rollups hold every
-- event already.
CREATE TABLE rollup_watermark (
  only       INTEGER PRIMARY KEY CHECK (only = 1),
  folded_seq INTEGER NOT NULL
);
INSERT INTO rollup_watermark (only, folded_seq) VALUES (1, COALESCE((SELECT MAX(seq) FROM events), 0));
