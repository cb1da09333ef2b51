-- The database roles of a Laurel deployment, run by the database's administrator on each database before
-- the services first start (scripts/lib.sh: laurel_create_roles). Safe to re-run.
--
--   laurel_ingest  ingest-service: owns the schema, which it migrates; reads and writes.
--   laurel_query   query-service: may only read — SELECT on every table and view, now and after every
--                  migration laurel_ingest applies later (default privileges).
--
-- Roles belong to the whole cluster, so this is not a migration: a migration runs as laurel_ingest, which
-- may not create roles. No password is set here; give each role one (ALTER ROLE … PASSWORD) or another
-- authentication method in pg_hba.conf.

DO $$
BEGIN
  CREATE ROLE laurel_ingest LOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;  -- exists already (unique_violation: created concurrently)
END $$;

DO $$
BEGIN
  CREATE ROLE laurel_query LOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;

DO $$
BEGIN
  EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO laurel_ingest', current_database());
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO laurel_query', current_database());
END $$;

GRANT USAGE, CREATE ON SCHEMA public TO laurel_ingest;
GRANT USAGE ON SCHEMA public TO laurel_query;

-- Tables, views and functions an earlier deployment created as another role pass to laurel_ingest, which
-- must own what its migrations alter or replace (owned sequences follow their tables). Functions of
-- extensions stay with their extension.
DO $$
DECLARE
  relation record;
  routine record;
BEGIN
  FOR relation IN
    SELECT c.oid::regclass AS name, c.relkind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
      AND pg_get_userbyid(c.relowner) <> 'laurel_ingest'
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO laurel_ingest',
                   CASE relation.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                         ELSE 'TABLE' END,
                   relation.name);
  END LOOP;
  FOR routine IN
    SELECT p.oid::regprocedure AS signature
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> 'laurel_ingest'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d
                      WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER ROUTINE %s OWNER TO laurel_ingest', routine.signature);
  END LOOP;
END $$;

GRANT SELECT ON ALL TABLES IN SCHEMA public TO laurel_query;
ALTER DEFAULT PRIVILEGES FOR ROLE laurel_ingest IN SCHEMA public GRANT SELECT ON TABLES TO laurel_query;
