-- The fact views join an award to its event, and a reported record to its award, by the co-located keys
-- of 0003 — (article_id, id) — instead of by id alone. The answers are the same (an award's event is in
-- its own article: the awards_event_fkey says so), but since 0003 the planner knows no uniqueness of id
-- alone: it estimated ~30 events per award and chose, for every write's rollup statement, a merge join
-- over all stored awards (46 ms per single-article write at 10,000 articles, growing with the table).
-- Joined by primary key it looks up the few rows it needs; on Citus these are co-located joins.
CREATE OR REPLACE VIEW award_facts AS
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
LEFT JOIN events ev ON ev.article_id = aw.article_id AND ev.id = aw.event_id
LEFT JOIN distinct_events de ON de.id = ev.distinct_event_id
CROSS JOIN LATERAL (
  SELECT (ar.published_at AT TIME ZONE 'UTC')
         + make_interval(mins => COALESCE(ar.published_utc_offset_minutes, 0)) AS local_time
) pub
WHERE aw.counted;

-- As before, and the article each reported record was stored with (`award_article_id`), so the record
-- is found by its primary key.
CREATE OR REPLACE VIEW article_reports AS
SELECT ev.article_id, aw.id AS award_id, aw.article_id AS award_article_id
FROM events ev
JOIN distinct_events de ON de.id = ev.distinct_event_id
JOIN awards aw ON aw.event_id = de.first_event_id AND aw.counted
UNION ALL
SELECT aw.article_id, aw.id, aw.article_id
FROM awards aw
WHERE aw.event_id IS NULL AND aw.counted;

CREATE OR REPLACE VIEW rollup_contributions AS
SELECT 'A'::TEXT AS part, f.article_id, f.distinct_event_id AS unit, f.province, f.current_province,
       f.issuer, f.issuer_level, f.award_type, f.recipient_kind, f.award_year, f.award_month,
       f.recipient_count
FROM award_facts f
UNION ALL
SELECT 'R', r.article_id, f.distinct_event_id, f.province, f.current_province, f.issuer,
       f.issuer_level, f.award_type, f.recipient_kind, f.award_year, f.award_month, NULL
FROM article_reports r
JOIN award_facts f ON f.article_id = r.award_article_id AND f.award_id = r.award_id;
