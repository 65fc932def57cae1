-- eventwire store schema, version 3: indexes for the filters a shared store answers most.
-- A migration file is never edited once released; the next change is 0004_*.sql.
-- Portable SQL, statements separated by ";" at line end (see schema.sql).

CREATE INDEX IF NOT EXISTS events_type ON events (type);
CREATE INDEX IF NOT EXISTS events_location_country ON events (location_country);
CREATE INDEX IF NOT EXISTS articles_status ON articles (status);
