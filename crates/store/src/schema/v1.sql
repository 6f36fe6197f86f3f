-- Schema version 1 of a newsbrief story store: plain SQL (a PostgreSQL schema would say BYTEA for BLOB).
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
CREATE TABLE stories (
    id BIGINT PRIMARY KEY,
    title TEXT,
    first_day TEXT,
    last_day TEXT,
    articles BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    profile BLOB NOT NULL
);
CREATE INDEX stories_seq ON stories (seq);
CREATE INDEX stories_last_day ON stories (last_day);
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    position BIGINT NOT NULL UNIQUE,
    story BIGINT NOT NULL REFERENCES stories (id),
    given_id TEXT,
    input TEXT NOT NULL,
    published TEXT,
    outlet TEXT,
    title TEXT,
    meta TEXT NOT NULL,
    text TEXT NOT NULL,
    analysis_version BIGINT NOT NULL,
    analysis BLOB NOT NULL
);
CREATE INDEX articles_story ON articles (story, position);
CREATE TABLE counts (
    kind BIGINT NOT NULL,
    term BIGINT NOT NULL,
    count BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (kind, term)
);
CREATE INDEX counts_seq ON counts (seq);
