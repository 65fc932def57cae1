-- eventwire store schema, version 4: what corroboration keeps between ingests.
-- `copies` gives each article its copy group (syndicated copies share one) and its MinHash
-- signature; `copy_bands` is the locality-sensitive index that finds candidate copies;
-- events are looked up by (type, date) to find the incident a new report belongs to.
-- A migration file is never edited once released; the next change is 0005_*.sql.

CREATE TABLE IF NOT EXISTS copies (
    article_id TEXT PRIMARY KEY,
    copy_group TEXT NOT NULL,
    signature TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS copy_bands (
    band TEXT NOT NULL,
    article_id TEXT NOT NULL
);

CREATE INDEX IF NOT EXISTS copy_bands_band ON copy_bands (band);
CREATE INDEX IF NOT EXISTS events_type_date ON events (type, event_date);
