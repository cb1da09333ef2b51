-- Keys that let events and awards be distributed by article_id next to their article (Citus; see
-- deploy/citus): a distributed table's primary key must contain its distribution column, and a foreign key
-- between distributed tables must join on the distribution columns. On one PostgreSQL the keys are as
-- unique as before (ids come from identity columns), and the plain indexes on id keep lookups and paging
-- by id as fast.
ALTER TABLE awards DROP CONSTRAINT awards_event_id_fkey;
ALTER TABLE events DROP CONSTRAINT events_pkey;
ALTER TABLE events ADD PRIMARY KEY (article_id, id);
CREATE INDEX events_id ON events (id);
ALTER TABLE awards DROP CONSTRAINT awards_pkey;
ALTER TABLE awards ADD PRIMARY KEY (article_id, id);
CREATE INDEX awards_id ON awards (id);
-- MATCH SIMPLE, as before: an award without an event (event_id NULL) is not checked.
ALTER TABLE awards ADD CONSTRAINT awards_event_fkey FOREIGN KEY (article_id, event_id)
  REFERENCES events (article_id, id) ON DELETE CASCADE;
