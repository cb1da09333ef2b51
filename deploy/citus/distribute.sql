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

-- Small tables keyed by content, joined from every shard: one copy on every node. Every ingest
-- updates the rollups in its own transaction; see README.md for when to distribute them instead.
SELECT create_reference_table('distinct_events');
SELECT create_reference_table('rollup_month');
SELECT create_reference_table('rollup_province');
SELECT create_reference_table('rollup_province_month');
SELECT create_reference_table('rollup_award_type_month');
SELECT create_reference_table('rollup_award_type_province');
SELECT create_reference_table('rollup_issuer_level_month');
SELECT create_reference_table('rollup_issuer');
SELECT create_reference_table('rollup_issuer_month');
SELECT create_reference_table('rollup_recipient_kind_month');

-- stays local: schema_migrations
-- (The migrator runs on the coordinator and takes its advisory lock there.)
