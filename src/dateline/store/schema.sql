-- The dateline store, schema version 1 (see store/migrate.py for later versions).
-- Every fact row carries its article_id and the offsets ("start", "end") into that
-- article's text, so any row leads back to the words it came from. Column names are
-- READING.md's words; "end" is an SQL keyword and must be quoted in queries.

CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- One row per input ever offered, keyed by the sha256 of its raw bytes: the skip list
-- of an incremental ingest. status: read | copy (its text equals a stored article's).
CREATE TABLE IF NOT EXISTS inputs (
    content_hash VARCHAR PRIMARY KEY,
    source VARCHAR NOT NULL,
    fetched_at VARCHAR,
    article_id VARCHAR,
    status VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,          -- sha256 of the article text, first 16 hex digits
    source VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,   -- sha256 of the raw bytes it was read from
    story_id VARCHAR NOT NULL,       -- the id of the first article of its story (dedup/)
    publisher VARCHAR,
    headline VARCHAR,
    url VARCHAR,
    language VARCHAR,
    kind VARCHAR,
    published_earliest DATE,
    published_latest DATE,
    published_basis VARCHAR,
    dateline_place VARCHAR,
    dateline_wire VARCHAR,
    text VARCHAR NOT NULL,           -- full text: news links die, the store keeps the words
    reading JSON NOT NULL,           -- the dateline.reading/1 JSON
    minhash UINTEGER[]               -- MinHash of the body's word shingles (dedup/articles.py)
);

CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    type VARCHAR,
    country VARCHAR,
    role VARCHAR,
    part_of VARCHAR,
    code VARCHAR,
    PRIMARY KEY (article_id, id)
);

-- Mentions of actors (kind 'actor') and places (kind 'place'); fact_id is their id.
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    fact_id VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    direct BOOLEAN,
    speaker_text VARCHAR,
    speaker_actor VARCHAR,
    speaker_kind VARCHAR,
    speaker_affiliation VARCHAR,
    speaker_count INTEGER,
    cue VARCHAR,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS sources (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    kind VARCHAR,
    count INTEGER,
    affiliation VARCHAR,
    via VARCHAR,
    actor VARCHAR,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, id)
);

-- id: sha256 of article id, evidence offsets, type, cameo and actor names (stable across
-- re-runs). background: dated well before publication, told as history (dedup/events.py).
CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    local_id VARCHAR NOT NULL,
    type VARCHAR NOT NULL,
    mode VARCHAR,
    cameo VARCHAR,
    cameo_label VARCHAR,
    goldstein DOUBLE,
    plover_score DOUBLE,
    source_actor VARCHAR,
    target_actor VARCHAR,
    source_name VARCHAR,
    target_name VARCHAR,
    modality VARCHAR,
    earliest DATE,
    latest DATE,
    date_basis VARCHAR NOT NULL,     -- event (its own date) | published | none
    background BOOLEAN NOT NULL,
    place_id VARCHAR,
    place_name VARCHAR,
    attribution VARCHAR,
    confidence DOUBLE,
    trigger VARCHAR,
    text VARCHAR NOT NULL,           -- the evidence
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS times (
    article_id VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    earliest DATE,
    latest DATE,
    value VARCHAR,
    type VARCHAR,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR NOT NULL,
    id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    kind VARCHAR,
    geonameid BIGINT,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS quantities (
    article_id VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    value DOUBLE,
    unit VARCHAR,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);

-- One row per input that could not be read; content_hash is '' when no bytes were read.
CREATE TABLE IF NOT EXISTS failures (
    source VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    stage VARCHAR NOT NULL,
    error VARCHAR NOT NULL,
    message VARCHAR NOT NULL,
    PRIMARY KEY (source, content_hash)
);

-- Incidents are rebuilt from events after each ingest (dedup/events.py); the id is derived
-- from the incident's first report, so it survives new reports arriving.
CREATE TABLE IF NOT EXISTS incidents (
    id VARCHAR PRIMARY KEY,
    type VARCHAR NOT NULL,
    source_name VARCHAR,
    target_name VARCHAR,
    place_name VARCHAR,
    earliest DATE,
    latest DATE,
    reports INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    stories INTEGER NOT NULL,
    publishers VARCHAR[],
    goldstein DOUBLE,
    background BOOLEAN NOT NULL
);

CREATE TABLE IF NOT EXISTS incident_events (
    incident_id VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    PRIMARY KEY (incident_id, event_id)
);
