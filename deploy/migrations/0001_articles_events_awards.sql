-- Articles as submitted, the gatherings they report and the award records read from them.
-- Enumerations are stored as the upper-case codes of the annotation guide ('CONFERENCE',
-- 'CERTIFICATE_OF_MERIT', 'COLLECTIVE'), readable in ad-hoc SQL; the services map them to protobuf enums.

CREATE TABLE articles (
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  url                 TEXT,
  source              TEXT NOT NULL DEFAULT '',
  request_id          TEXT,
  -- SHA-256 of the text folded as the parser compares it: the same article resubmitted with other
  -- Unicode composition or quotes is recognised as already stored.
  identity_hash       BYTEA NOT NULL,
  title               TEXT NOT NULL DEFAULT '',
  author              TEXT NOT NULL DEFAULT '',
  published_at        TIMESTAMPTZ,
  -- The offset the date line was written in, so local calendar dates can be recovered.
  published_utc_offset_minutes INTEGER,
  text                TEXT NOT NULL,
  parser_version      INTEGER NOT NULL,
  created_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX articles_url_key ON articles (url) WHERE url IS NOT NULL;
CREATE UNIQUE INDEX articles_request_id_key ON articles (request_id) WHERE request_id IS NOT NULL;
CREATE UNIQUE INDEX articles_identity_key ON articles (identity_hash) WHERE url IS NULL;

CREATE TABLE events (
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id          BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  ordinal             INTEGER NOT NULL,
  kind                TEXT NOT NULL,
  date_year           SMALLINT NOT NULL DEFAULT 0,
  date_month          SMALLINT NOT NULL DEFAULT 0,
  date_day            SMALLINT NOT NULL DEFAULT 0,
  province            TEXT NOT NULL DEFAULT '',
  current_province    TEXT NOT NULL DEFAULT '',
  organizer           TEXT NOT NULL DEFAULT '',
  movement            TEXT NOT NULL DEFAULT '',
  period_start_year   SMALLINT NOT NULL DEFAULT 0,
  period_end_year     SMALLINT NOT NULL DEFAULT 0,
  span_begin          BIGINT NOT NULL,
  span_end            BIGINT NOT NULL,
  confidence          DOUBLE PRECISION NOT NULL,
  UNIQUE (article_id, ordinal)
);

CREATE TABLE awards (
  id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id          BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  event_id            BIGINT REFERENCES events (id) ON DELETE CASCADE,
  ordinal             INTEGER NOT NULL,
  award_type          TEXT NOT NULL,
  award_name          TEXT NOT NULL DEFAULT '',
  issuer              TEXT NOT NULL DEFAULT '',
  issuer_level        TEXT NOT NULL DEFAULT 'UNSPECIFIED',
  recipient_kind      TEXT NOT NULL DEFAULT 'UNSPECIFIED',
  recipient_count     BIGINT,
  recipients          TEXT[] NOT NULL DEFAULT '{}',
  presenter           TEXT NOT NULL DEFAULT '',
  span_begin          BIGINT NOT NULL,
  span_end            BIGINT NOT NULL,
  confidence          DOUBLE PRECISION NOT NULL,
  UNIQUE (article_id, ordinal)
);
CREATE INDEX awards_event_id ON awards (event_id);

-- Every award with the dimensions statistics group and filter by. An award is dated by its event, else by
-- its article's publication date (in the article's own offset); 0 when neither says.
CREATE VIEW award_facts AS
SELECT
  aw.id AS award_id,
  aw.article_id,
  aw.event_id,
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
CROSS JOIN LATERAL (
  SELECT (ar.published_at AT TIME ZONE 'UTC')
         + make_interval(mins => COALESCE(ar.published_utc_offset_minutes, 0)) AS local_time
) pub;

-- Every event with the dimensions listings filter by; dated like award_facts.
CREATE VIEW event_facts AS
SELECT
  ev.id AS event_id,
  ev.article_id,
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
JOIN articles ar ON ar.id = ev.article_id
CROSS JOIN LATERAL (
  SELECT (ar.published_at AT TIME ZONE 'UTC')
         + make_interval(mins => COALESCE(ar.published_utc_offset_minutes, 0)) AS local_time
) pub;
