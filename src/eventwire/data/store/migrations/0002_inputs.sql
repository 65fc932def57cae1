-- eventwire store schema, version 2: `inputs` records every processed input by its key
-- (input id, canonical URL or content hash), so that a resumed or repeated ingest skips
-- it before running any NLP.  IF NOT EXISTS: stores opened by a development version
-- may already have it.

CREATE TABLE IF NOT EXISTS inputs (
    key TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    status TEXT,
    source TEXT
);
