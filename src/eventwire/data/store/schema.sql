-- eventwire store schema, version 1: the first migration (see store/migrate.py).
-- Never edit it once released: a change to the schema is a new file
-- migrations/NNNN_what.sql, applied in order to every store when it is opened.
-- Portable SQL: DuckDB and PostgreSQL both accept every statement here (TEXT[] lists,
-- DOUBLE PRECISION, DATE, TIMESTAMP).  Statements are separated by ";" at line end.
-- Whole records are kept as JSON text in `record` columns for lossless round trips;
-- the typed columns beside them exist for querying and export.

CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    url TEXT,
    publisher TEXT,
    title TEXT,
    published TEXT,
    published_basis TEXT,
    published_date DATE,
    language TEXT,
    status TEXT NOT NULL,
    error_codes TEXT[],
    error_messages TEXT[],
    byline TEXT,
    source TEXT,
    n_events INTEGER NOT NULL,
    ingested_at TIMESTAMP NOT NULL,
    record TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS actors (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    id TEXT NOT NULL,
    name TEXT,
    country TEXT,
    sector TEXT,
    kind TEXT,
    metonym BOOLEAN,
    span_text TEXT,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS places (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    name TEXT,
    geonameid BIGINT,
    lat DOUBLE PRECISION,
    lon DOUBLE PRECISION,
    country TEXT,
    admin1 TEXT,
    feature TEXT,
    precision INTEGER,
    span_text TEXT,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS times (
    article_id TEXT NOT NULL,
    idx INTEGER NOT NULL,
    value TEXT,
    granularity TEXT,
    relative BOOLEAN,
    since BOOLEAN,
    span_text TEXT,
    span_start INTEGER,
    span_end INTEGER,
    PRIMARY KEY (article_id, idx)
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT,
    content_text TEXT,
    content_start INTEGER,
    content_end INTEGER,
    cue_text TEXT,
    speaker_name TEXT,
    speaker_actor_id TEXT,
    speaker_anonymous BOOLEAN,
    speaker_description TEXT,
    via TEXT,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS events (
    id TEXT NOT NULL,
    article_id TEXT NOT NULL,
    type TEXT NOT NULL,
    mode TEXT,
    contexts TEXT[],
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    cameo TEXT,
    actors TEXT[],
    actor_names TEXT[],
    actor_countries TEXT[],
    actor_sectors TEXT[],
    recipients TEXT[],
    recipient_names TEXT[],
    recipient_countries TEXT[],
    recipient_sectors TEXT[],
    location TEXT,
    location_geonameid BIGINT,
    location_lat DOUBLE PRECISION,
    location_lon DOUBLE PRECISION,
    location_country TEXT,
    location_admin1 TEXT,
    location_feature TEXT,
    location_precision INTEGER,
    date TEXT,
    date_granularity TEXT,
    date_basis TEXT,
    event_date DATE,
    modality TEXT NOT NULL,
    attribution TEXT[],
    fatalities INTEGER,
    injured INTEGER,
    arrested INTEGER,
    evidence TEXT,
    evidence_start INTEGER,
    evidence_end INTEGER,
    confidence DOUBLE PRECISION,
    incident_id TEXT,
    grade TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS incidents (
    id TEXT PRIMARY KEY,
    grade TEXT NOT NULL,
    reasons TEXT[],
    event_ids TEXT[],
    article_ids TEXT[],
    sources TEXT[]
);

CREATE INDEX IF NOT EXISTS events_event_date ON events (event_date);
CREATE INDEX IF NOT EXISTS events_incident ON events (incident_id);
CREATE INDEX IF NOT EXISTS actors_id ON actors (id);
