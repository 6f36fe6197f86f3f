//! Writes the compatibility fixture of the current schema version,
//! `crates/store/tests/fixtures/schema-v{N}.db`: a store of a few invented reports, which the
//! tests open with every later version of the code (the fixtures of earlier versions are kept).
//!
//! `cargo run -p story-store --example write_fixture`

// A tool that reports on standard output.
#![allow(clippy::print_stdout)]

use story_store::{cluster::Params, SqliteStorage, Store, SCHEMA_VERSION};

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let path = dir.join(format!("schema-v{SCHEMA_VERSION}.db"));
    let text = std::fs::read_to_string(dir.join("reports.jsonl")).expect("the fixture's reports");
    let _ = std::fs::remove_file(&path);
    let pipeline = newsbrief::Pipeline::default();
    let (articles, diagnostics) = pipeline.read("reports.jsonl", text.as_bytes());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let analyzed: Vec<_> = articles.into_iter().map(|a| pipeline.analyze(a)).collect();
    let mut store = Store::new(Box::new(SqliteStorage::open(&path).expect("a new store")), Params::default());
    store.add(&analyzed[..4]).expect("the first batch");
    store.add(&analyzed[4..]).expect("the second batch");
    drop(store);
    let connection = rusqlite::Connection::open(&path).expect("the store");
    connection.execute_batch("PRAGMA journal_mode = DELETE; VACUUM;").expect("compacted");
    println!("wrote {}", path.display());
}
