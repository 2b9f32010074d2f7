-- Erasure of a social author (DELETE /v1/authors/{id}) looks events up by author, as erasure
-- of a customer does by customer (0001). Partial: surveys have no author.
CREATE INDEX events_by_author ON events (author_id) WHERE author_id <> '';
