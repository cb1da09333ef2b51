-- Turns a migrated Laurel database into a distributed one on Citus (12 or newer), run once on the
-- coordinator after `laurel-migrate` has created the schema and before the services take traffic:
--   psql "$COORDINATOR_URL" -f deploy/citus/distribute.sql
-- tests/deploy/citus_compatibility_test reads the calls below as the distribution plan and checks the
-- migrated schema against Citus' rules for it; deploy/citus/README.md explains the choices.

-- An article and everything read from it live on one shard: ingest writes, GetArticle and the
-- listings' per-article joins are single-shard (router) queries.
SELECT create_distributed_table('articles', 'id');
SELECT create_distributed_table('events', 'article_id', colocate_with => 'articles');
SELECT create_distributed_table('awards', 'article_id', colocate_with => 'articles');

-- stays local: schema_migrations
-- (The migrator runs on the coordinator and takes its advisory lock there.)
