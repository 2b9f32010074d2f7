-- Erasure by customer or by author (DELETE /v1/customers/{id}, /v1/authors/{id}) scans this
-- narrow index instead of looking the id up in an index of its own. Ids a feed does not hand
-- out in order (customers always, authors, random survey ids) put each new event on a page of
-- its own in such an index, and a commit rewrites every page it touches: with random customer
-- ids, 13-15 KB written an event instead of ~6.5, and 15,000-21,000 instead of 27,000-31,000
-- req/s under tools/bench/ingest's load (storage/README.md, "Random ids"). Keyed by arrival,
-- every new entry lands on the last page. A scan reads ~30 bytes an event: ~35 ms a million
-- events, on the writer, for a request that comes rarely.
DROP INDEX events_by_customer;
DROP INDEX events_by_author;
CREATE INDEX events_people ON events (seq, customer_id, author_id);
