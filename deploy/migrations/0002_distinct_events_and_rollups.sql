-- Distinct events and the rollup tables statistics are served from.
--
-- The same ceremony reported by several articles (same day, province, organiser and award groups) is one
-- distinct event: its awards are counted once, from the first report, and it remembers how many articles
-- report it. Statistics are read from small rollup tables that every write keeps current in its own
-- transaction (see "Rollups" below); the base tables stay the source of truth they are rebuilt from.
--
-- Distribution (Citus): articles, events and awards share the distribution key article_id; distinct_events
-- and the rollup tables are small and keyed by content, so they can be reference tables.

-- One award group as the fingerprint of its event sees it.
CREATE FUNCTION award_group_key(award_type TEXT, award_name TEXT, issuer TEXT, recipient_kind TEXT,
                                recipient_count BIGINT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT concat_ws(E'\x1f', award_type, award_name, issuer, recipient_kind,
                   COALESCE(recipient_count::TEXT, '-'))
$$;

-- What makes two reports one event: the day, the province, the organiser and the award groups (keys
-- sorted). NULL when the report cannot be matched safely: no full date, no province, or neither an
-- organiser nor an award.
CREATE FUNCTION event_fingerprint(date_year INTEGER, date_month INTEGER, date_day INTEGER,
                                  province TEXT, organizer TEXT, award_groups TEXT[]) RETURNS BYTEA
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN date_year > 0 AND date_month > 0 AND date_day > 0 AND province <> ''
         AND (organizer <> '' OR cardinality(award_groups) > 0)
    THEN sha256(convert_to(concat_ws(E'\x1e', date_year, date_month, date_day, province, organizer,
                                     array_to_string(award_groups, E'\x1d')), 'UTF8'))
  END
$$;

CREATE TABLE distinct_events (
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- event_fingerprint() of its reports; NULL for a report that matches no other.
  fingerprint         BYTEA UNIQUE,
  -- The report whose award records are counted: the first one stored.
  first_event_id      BIGINT NOT NULL,
  -- How many articles report it (an article reporting it twice counts once).
  mention_count       INTEGER NOT NULL CHECK (mention_count > 0)
);

ALTER TABLE events ADD COLUMN distinct_event_id BIGINT REFERENCES distinct_events (id);
CREATE INDEX events_distinct_event_id ON events (distinct_event_id);
-- False for the award records of a report that restates an earlier report of the same event.
ALTER TABLE awards ADD COLUMN counted BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX articles_parser_version ON articles (parser_version, id);

-- Existing reports: match them up exactly as new ones will be.
CREATE TEMPORARY TABLE existing_fingerprints ON COMMIT DROP AS
SELECT ev.id AS event_id, ev.article_id,
       event_fingerprint(ev.date_year, ev.date_month, ev.date_day, ev.province, ev.organizer,
                         COALESCE(array_agg(g.key ORDER BY g.key) FILTER (WHERE aw.id IS NOT NULL),
                                  '{}')) AS fingerprint
FROM events ev
LEFT JOIN awards aw ON aw.event_id = ev.id
CROSS JOIN LATERAL (SELECT award_group_key(aw.award_type, aw.award_name, aw.issuer,
                                           aw.recipient_kind, aw.recipient_count) AS key) g
GROUP BY ev.id, ev.article_id;
INSERT INTO distinct_events (fingerprint, first_event_id, mention_count)
SELECT fingerprint, min(event_id), count(DISTINCT article_id) FROM existing_fingerprints
WHERE fingerprint IS NOT NULL GROUP BY fingerprint;
INSERT INTO distinct_events (fingerprint, first_event_id, mention_count)
SELECT NULL, event_id, 1 FROM existing_fingerprints WHERE fingerprint IS NULL;
UPDATE events ev SET distinct_event_id = de.id
FROM existing_fingerprints fp
JOIN distinct_events de ON de.fingerprint = fp.fingerprint OR (fp.fingerprint IS NULL AND
                                                              de.fingerprint IS NULL AND
                                                              de.first_event_id = fp.event_id)
WHERE ev.id = fp.event_id;
UPDATE awards aw SET counted = (ev.id = de.first_event_id)
FROM events ev JOIN distinct_events de ON de.id = ev.distinct_event_id
WHERE aw.event_id = ev.id;
ALTER TABLE events ALTER COLUMN distinct_event_id SET NOT NULL;

-- Every counted award record with the dimensions statistics group and filter by. An award is dated by
-- its event, else by its article's publication date (in the article's own offset); 0 when neither says.
-- `mentions` is how many articles report the record's event (1 for a record without an event).
DROP VIEW award_facts;
CREATE VIEW award_facts AS
SELECT
  aw.id AS award_id,
  aw.article_id,
  aw.event_id,
  ev.distinct_event_id,
  COALESCE(de.mention_count, 1) AS mentions,
  aw.award_type,
  aw.award_name,
  aw.issuer,
  aw.issuer_level,
  aw.recipient_kind,
  aw.recipient_count,
  COALESCE(ev.kind, 'UNSPECIFIED') AS event_kind,
  COALESCE(ev.province, '') AS province,
  COALESCE(ev.current_province, '') AS current_province,
  COALESCE(ev.movement, '') AS movement,
  COALESCE(ev.organizer, '') AS organizer,
  ar.source,
  ar.published_at,
  CASE WHEN ev.date_year > 0 THEN ev.date_year
       ELSE COALESCE(EXTRACT(YEAR FROM pub.local_time)::INT, 0) END AS award_year,
  CASE WHEN ev.date_year > 0 THEN ev.date_month
       ELSE COALESCE(EXTRACT(MONTH FROM pub.local_time)::INT, 0) END AS award_month,
  CASE WHEN ev.date_year > 0 THEN ev.date_day
       ELSE COALESCE(EXTRACT(DAY FROM pub.local_time)::INT, 0) END AS award_day
FROM awards aw
JOIN articles ar ON ar.id = aw.article_id
LEFT JOIN events ev ON ev.id = aw.event_id
LEFT JOIN distinct_events de ON de.id = ev.distinct_event_id
CROSS JOIN LATERAL (
  SELECT (ar.published_at AT TIME ZONE 'UTC')
         + make_interval(mins => COALESCE(ar.published_utc_offset_minutes, 0)) AS local_time
) pub
WHERE aw.counted;

-- Every distinct event (its first report) with the dimensions listings filter by; dated like award_facts.
DROP VIEW event_facts;
CREATE VIEW event_facts AS
SELECT
  ev.id AS event_id,
  ev.article_id,
  ev.distinct_event_id,
  ev.kind AS event_kind,
  ev.province,
  ev.current_province,
  ev.movement,
  ev.organizer,
  ar.source,
  ar.published_at,
  CASE WHEN ev.date_year > 0 THEN ev.date_year
       ELSE COALESCE(EXTRACT(YEAR FROM pub.local_time)::INT, 0) END AS award_year,
  CASE WHEN ev.date_year > 0 THEN ev.date_month
       ELSE COALESCE(EXTRACT(MONTH FROM pub.local_time)::INT, 0) END AS award_month,
  CASE WHEN ev.date_year > 0 THEN ev.date_day
       ELSE COALESCE(EXTRACT(DAY FROM pub.local_time)::INT, 0) END AS award_day
FROM events ev
JOIN distinct_events de ON de.first_event_id = ev.id
JOIN articles ar ON ar.id = ev.article_id
CROSS JOIN LATERAL (
  SELECT (ar.published_at AT TIME ZONE 'UTC')
         + make_interval(mins => COALESCE(ar.published_utc_offset_minutes, 0)) AS local_time
) pub;

-- Every counted award record an article reports: those of the first report of every event it reports
-- (its own, or an earlier article's), and its own records given at no event.
CREATE VIEW article_reports AS
SELECT ev.article_id, aw.id AS award_id
FROM events ev
JOIN distinct_events de ON de.id = ev.distinct_event_id
JOIN awards aw ON aw.event_id = de.first_event_id AND aw.counted
UNION ALL
SELECT aw.article_id, aw.id
FROM awards aw
WHERE aw.event_id IS NULL AND aw.counted;

-- Rollups.
--
-- What an article contributes to the statistics, one row per (part, record):
--   part 'A' — the counted award records it carries (award and recipient sums; `unit` is the distinct
--              event, counted once per group for the `events` metric);
--   part 'R' — for the `articles` metric, every record it reports (article_reports), with `unit` the
--              record's distinct event (NULL for records given at no event). The metric counts distinct
--              (article, unit) pairs per group: an event reported by three articles counts three.
-- A rollup groups these rows by its key columns. Adding an article adds its contributions; re-parsing
-- subtracts the contributions of the articles involved and adds them back afterwards. Sums over any
-- event-level column (province, date, ...) are exact because a unit has one value of each; a rollup is
-- only read grouped by all of its award-level key columns (issuer, award type, ...).
CREATE VIEW rollup_contributions AS
SELECT 'A'::TEXT AS part, f.article_id, f.distinct_event_id AS unit, f.province, f.current_province,
       f.issuer, f.issuer_level, f.award_type, f.recipient_kind, f.award_year, f.award_month,
       f.recipient_count
FROM award_facts f
UNION ALL
SELECT 'R', r.article_id, f.distinct_event_id, f.province, f.current_province, f.issuer,
       f.issuer_level, f.award_type, f.recipient_kind, f.award_year, f.award_month, NULL
FROM article_reports r
JOIN award_facts f ON f.award_id = r.award_id;

CREATE TABLE rollup_month (
  award_year SMALLINT NOT NULL, award_month SMALLINT NOT NULL,
  award_records BIGINT NOT NULL, recipients BIGINT NOT NULL, collective_recipients BIGINT NOT NULL,
  individual_recipients BIGINT NOT NULL, events BIGINT NOT NULL, articles BIGINT NOT NULL,
  PRIMARY KEY (award_year, award_month));
CREATE TABLE rollup_province (
  province TEXT NOT NULL, current_province TEXT NOT NULL,
  award_records BIGINT NOT NULL, recipients BIGINT NOT NULL, collective_recipients BIGINT NOT NULL,
  individual_recipients BIGINT NOT NULL, events BIGINT NOT NULL, articles BIGINT NOT NULL,
  PRIMARY KEY (province, current_province));
CREATE TABLE rollup_province_month (
  province TEXT NOT NULL, current_province TEXT NOT NULL, award_year SMALLINT NOT NULL,
  award_month SMALLINT NOT NULL,
  award_records BIGINT NOT NULL, recipients BIGINT NOT NULL, collective_recipients BIGINT NOT NULL,
  individual_recipients BIGINT NOT NULL, events BIGINT NOT NULL, articles BIGINT NOT NULL,
  PRIMARY KEY (province, current_province, award_year, award_month));
CREATE TABLE rollup_award_type_month (
  award_type TEXT NOT NULL, award_year SMALLINT NOT NULL, award_month SMALLINT NOT NULL,
  award_records BIGINT NOT NULL, recipients BIGINT NOT NULL, collective_recipients BIGINT NOT NULL,
  individual_recipients BIGINT NOT NULL, events BIGINT NOT NULL, articles BIGINT NOT NULL,
  PRIMARY KEY (award_type, award_year, award_month));
CREATE TABLE rollup_award_type_province (
  award_type TEXT NOT NULL, province TEXT NOT NULL, current_province TEXT NOT NULL,
  award_records BIGINT NOT NULL, recipients BIGINT NOT NULL, collective_recipients BIGINT NOT NULL,
  individual_recipients BIGINT NOT NULL, events BIGINT NOT NULL, articles BIGINT NOT NULL,
  PRIMARY KEY (award_type, province, current_province));
CREATE TABLE rollup_issuer_level_month (
  issuer_level TEXT NOT NULL, award_year SMALLINT NOT NULL, award_month SMALLINT NOT NULL,
  award_records BIGINT NOT NULL, recipients BIGINT NOT NULL, collective_recipients BIGINT NOT NULL,
  individual_recipients BIGINT NOT NULL, events BIGINT NOT NULL, articles BIGINT NOT NULL,
  PRIMARY KEY (issuer_level, award_year, award_month));
CREATE TABLE rollup_issuer (
  issuer TEXT NOT NULL,
  award_records BIGINT NOT NULL, recipients BIGINT NOT NULL, collective_recipients BIGINT NOT NULL,
  individual_recipients BIGINT NOT NULL, events BIGINT NOT NULL, articles BIGINT NOT NULL,
  PRIMARY KEY (issuer));
CREATE TABLE rollup_issuer_month (
  issuer TEXT NOT NULL, award_year SMALLINT NOT NULL, award_month SMALLINT NOT NULL,
  award_records BIGINT NOT NULL, recipients BIGINT NOT NULL, collective_recipients BIGINT NOT NULL,
  individual_recipients BIGINT NOT NULL, events BIGINT NOT NULL, articles BIGINT NOT NULL,
  PRIMARY KEY (issuer, award_year, award_month));
CREATE TABLE rollup_recipient_kind_month (
  recipient_kind TEXT NOT NULL, award_year SMALLINT NOT NULL, award_month SMALLINT NOT NULL,
  award_records BIGINT NOT NULL, recipients BIGINT NOT NULL, collective_recipients BIGINT NOT NULL,
  individual_recipients BIGINT NOT NULL, events BIGINT NOT NULL, articles BIGINT NOT NULL,
  PRIMARY KEY (recipient_kind, award_year, award_month));

-- Rollups of the records stored so far; afterwards every write keeps them current.
CREATE TEMPORARY TABLE existing_contributions ON COMMIT DROP AS
SELECT * FROM rollup_contributions;
CREATE FUNCTION pg_temp.fill_rollup(rollup TEXT, key_columns TEXT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO %I SELECT %s, '
    'count(*) FILTER (WHERE part = ''A''), '
    'COALESCE(sum(recipient_count) FILTER (WHERE part = ''A''), 0), '
    'COALESCE(sum(recipient_count) FILTER (WHERE part = ''A'' AND recipient_kind = ''COLLECTIVE''), 0), '
    'COALESCE(sum(recipient_count) FILTER (WHERE part = ''A'' AND recipient_kind = ''INDIVIDUAL''), 0), '
    'count(DISTINCT unit) FILTER (WHERE part = ''A''), '
    'count(DISTINCT (article_id, unit)) FILTER (WHERE part = ''R'') '
    'FROM existing_contributions GROUP BY %s', rollup, key_columns, key_columns);
END
$$;
SELECT pg_temp.fill_rollup('rollup_month', 'award_year, award_month');
SELECT pg_temp.fill_rollup('rollup_province', 'province, current_province');
SELECT pg_temp.fill_rollup('rollup_province_month',
                           'province, current_province, award_year, award_month');
SELECT pg_temp.fill_rollup('rollup_award_type_month', 'award_type, award_year, award_month');
SELECT pg_temp.fill_rollup('rollup_award_type_province',
                           'award_type, province, current_province');
SELECT pg_temp.fill_rollup('rollup_issuer_level_month', 'issuer_level, award_year, award_month');
SELECT pg_temp.fill_rollup('rollup_issuer', 'issuer');
SELECT pg_temp.fill_rollup('rollup_issuer_month', 'issuer, award_year, award_month');
SELECT pg_temp.fill_rollup('rollup_recipient_kind_month', 'recipient_kind, award_year, award_month');
