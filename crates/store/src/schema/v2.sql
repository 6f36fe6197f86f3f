-- Schema version 2 of a newsbrief story store: the queue of a stream shared by several ingest workers
-- (`newsbrief ingest --shard K/N`). Each worker queues its share of the stream's articles, analysed, at
-- their places in the stream, and records in `shards` the place it has passed; whoever holds the write
-- lock clusters the queued articles in stream order, up to the place every shard has passed, so that the
-- stories are those one worker would make of the stream.
CREATE TABLE queue (
    stream BIGINT NOT NULL,
    place BIGINT NOT NULL,
    id TEXT NOT NULL,
    given_id TEXT,
    input TEXT NOT NULL,
    meta TEXT NOT NULL,
    text TEXT NOT NULL,
    analysis_version BIGINT NOT NULL,
    analysis BLOB NOT NULL,
    PRIMARY KEY (stream, place)
);
CREATE TABLE shards (
    stream BIGINT NOT NULL,
    shard BIGINT NOT NULL,
    shards BIGINT NOT NULL,
    passed BIGINT NOT NULL,
    PRIMARY KEY (stream, shard)
);
