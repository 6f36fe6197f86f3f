//! The store through the binary: `ingest`, `stories`, `brief --story`, bad lines, and
//! durability (an ingest killed with SIGKILL loses no reported commit; two ingests at once on one
//! store corrupt and duplicate nothing), on `SQLite` and, when `NEWSBRIEF_TEST_POSTGRES` names a
//! server, on `PostgreSQL` (see `story_store::testing`); sharded workers sharing one stream.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use story_store::testing::TestDb;

use crate::support::run;

const BIN: &str = env!("CARGO_BIN_EXE_newsbrief");

/// `n` invented articles from `first` on, as JSON lines: each tells one of a few made-up events
/// (so that stories form) in words of its own (so that no two texts are the same).
fn stream(first: usize, n: usize) -> String {
    const EVENTS: &[&str] = &[
        "Floodwaters rose along the Merrow river in the town of Castlebrook, and engineers opened the sluices of the Halden dam",
        "The Orvane Motors strike at the Pellham plant entered another day as union leader Dara Quill rejected the wage offer",
        "Astronomers at the Kettering observatory tracked the comet Vesh-7 as it passed close to the planet Jupiter",
        "The Lowmark city council voted on the new tram line to Eastfield despite protests by shop owners on Ferris Street",
    ];
    let mut out = String::new();
    for i in first..first + n {
        let event = EVENTS[i % EVENTS.len()];
        let day = 1 + (i / 40) % 28;
        writeln!(
            out,
            "{{\"id\": \"a{i}\", \"published\": \"2021-03-{day:02}\", \"text\": \"{event}, report number {i} said. \
             A witness, number {i}, described the scene in detail and officials promised an update on day {day}.\"}}"
        )
        .unwrap();
    }
    out
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// Each stored article's given id with the number of times it is listed, and the stories.
fn listed(db: &str) -> (BTreeMap<String, usize>, serde_json::Value) {
    let listing = run(&["stories", "--db", db, "--format", "json"]);
    assert_eq!(listing.code, 0, "{}", listing.stderr);
    let stories: serde_json::Value = serde_json::from_str(&listing.stdout).unwrap();
    let mut ids = BTreeMap::new();
    for story in stories.as_array().unwrap() {
        for id in story["articles"].as_array().unwrap() {
            *ids.entry(id.as_str().unwrap().to_owned()).or_default() += 1;
        }
    }
    (ids, stories)
}

#[test]
fn ingest_lists_stories_and_briefs_one() {
    for store in TestDb::all("cli_ingest_lists_stories") {
        ingest_list_and_brief(&store);
    }
}

fn ingest_list_and_brief(store: &TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let db = store.db.clone();
    let input = write(dir.path(), "in.jsonl", &stream(0, 12));
    let first = run(&["ingest", "--db", &db, &input]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first.stdout.contains("articles read: 12\nnew: 12\nduplicate: 0\nrejected: 0\nstories created: 4\n"),
        "{}",
        first.stdout
    );
    let again = run(&["ingest", "--db", &db, &input]);
    assert!(again.stdout.contains("new: 0\nduplicate: 12\n"), "{}", again.stdout);

    let (ids, stories) = listed(&db);
    assert_eq!(ids.len(), 12);
    assert!(ids.values().all(|&n| n == 1));
    let stories = stories.as_array().unwrap();
    assert_eq!(stories.len(), 4);
    let story = &stories[0];
    let keys: BTreeSet<&str> = story.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, BTreeSet::from(["id", "title", "first", "last", "articles", "outlets"]));
    assert_eq!(story["articles"], serde_json::json!(["a0", "a4", "a8"]));
    assert_eq!(story["first"], "2021-03-01");

    let table = run(&["stories", "--db", &db]);
    assert!(table.stdout.lines().next().unwrap().contains("articles"), "{}", table.stdout);
    assert_eq!(table.stdout.lines().count(), 5);
    let later = run(&["stories", "--db", &db, "--since", "2021-04-01"]);
    assert_eq!(later.stdout.lines().count(), 1, "{}", later.stdout);

    let id = story["id"].to_string();
    let brief = run(&["brief", "--db", &db, "--story", &id, "--format", "json"]);
    assert_eq!(brief.code, 0, "{}", brief.stderr);
    let brief: serde_json::Value = serde_json::from_str(&brief.stdout).unwrap();
    assert_eq!(brief["sources"].as_array().unwrap().len(), 3);
    let update = run(&["brief", "--db", &db, "--story", &id, "--since", "2021-04-01"]);
    assert_eq!(update.code, 1);
    assert!(update.stderr.contains("no article published on or after 2021-04-01"), "{}", update.stderr);
    let missing = run(&["brief", "--db", &db, "--story", "999"]);
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("no story 999"), "{}", missing.stderr);
    let no_store = run(&["stories", "--db", &dir.path().join("none.db").display().to_string()]);
    assert_eq!(no_store.code, 1);
    store.check();
}

#[test]
fn bad_lines_are_reported_by_number_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db").display().to_string();
    let mut text = stream(0, 2);
    text.push_str("{\"text\": \"broken\n[1, 2]\n{\"title\": \"no text\"}\n");
    text.push_str(&stream(2, 1));
    let input = write(dir.path(), "in.jsonl", &text);
    let result = run(&["ingest", "--db", &db, &input]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    for line in [3, 4, 5] {
        assert!(result.stderr.contains(&format!("in.jsonl:{line}: ")), "line {line}: {}", result.stderr);
    }
    assert!(result.stdout.contains("articles read: 3\n"), "{}", result.stdout);
    assert!(
        result.stdout.contains("rejected: 3 (3 invalid JSON)") || result.stdout.contains("rejected: 3 ("),
        "{}",
        result.stdout
    );
    assert_eq!(listed(&db).0.len(), 3);
}

#[test]
fn a_killed_ingest_loses_no_reported_commit() {
    for store in TestDb::all("cli_a_killed_ingest") {
        killed_ingest(&store);
    }
}

fn killed_ingest(store: &TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let db = store.db.clone();
    let total = 4_000;
    let input = write(dir.path(), "in.jsonl", &stream(0, total));
    let mut child = Command::new(BIN)
        .args(["ingest", "--db", &db, "--batch", "20", "--verbose", &input])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reported = 0;
    let mut commits = 0;
    for line in BufReader::new(child.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        // "newsbrief: committed N articles, through in.jsonl:L"
        if let Some(rest) = line.strip_prefix("newsbrief: committed ") {
            reported = rest.rsplit(':').next().unwrap().parse::<usize>().unwrap();
            commits += 1;
            if commits == 3 {
                child.kill().unwrap(); // SIGKILL
                break;
            }
        }
    }
    let status = child.wait().unwrap();
    assert!(!status.success(), "the ingest finished before it was killed");
    assert!(reported >= 60);
    let (ids, _) = listed(&db);
    let lost: Vec<String> = (0..reported).map(|i| format!("a{i}")).filter(|id| !ids.contains_key(id)).collect();
    assert!(lost.is_empty(), "lost after the kill: {lost:?}");
    assert!(ids.len() < total, "all {total} articles were stored before the kill");
    store.check();

    // The store takes the rest of the stream after the crash, each article once.
    let resumed = run(&["ingest", "--db", &db, &input]);
    assert_eq!(resumed.code, 0, "{}", resumed.stderr);
    let (ids, _) = listed(&db);
    assert_eq!(ids.len(), total);
    assert!(ids.values().all(|&n| n == 1));
    store.check();
}

#[test]
fn two_ingests_at_once_corrupt_and_duplicate_nothing() {
    for store in TestDb::all("cli_two_ingests_at_once") {
        two_ingests(&store);
    }
}

fn two_ingests(store: &TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let db = store.db.clone();
    // Overlapping streams: articles 800..1200 are in both.
    let one = write(dir.path(), "one.jsonl", &stream(0, 1200));
    let two = write(dir.path(), "two.jsonl", &stream(800, 1200));
    let spawn = |input: &str| {
        Command::new(BIN)
            .args(["ingest", "--db", &db, "--batch", "25", input])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let first = spawn(&one);
    let second = spawn(&two);
    for child in [first, second] {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    let (ids, stories) = listed(&db);
    assert_eq!(ids.len(), 2000);
    assert!(ids.values().all(|&n| n == 1), "an article is listed twice");
    // Four made-up events: each story holds articles of one event only.
    for story in stories.as_array().unwrap() {
        let events: BTreeSet<usize> = story["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| id.as_str().unwrap()[1..].parse::<usize>().unwrap() % 4)
            .collect();
        assert_eq!(events.len(), 1, "a story mixes events: {story}");
    }
    store.check();
    let mut again = Command::new(BIN)
        .args(["ingest", "--db", &db, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    again.stdin.take().unwrap().write_all(stream(1990, 20).as_bytes()).unwrap();
    let output = again.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).contains("new: 10\nduplicate: 10\n"));
}

/// Runs `newsbrief ingest` on `input` in the background, its commits reported on standard error.
fn spawn_worker(db: &str, input: &str, extra: &[&str]) -> std::process::Child {
    Command::new(BIN)
        .args(["ingest", "--db", db, "--batch", "20", "--verbose"])
        .args(extra)
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn sharded_workers_take_a_stream_once_and_a_killed_one_loses_nothing_the_others_or_a_restart_miss() {
    for store in TestDb::all("cli_sharded_workers") {
        sharded_workers(&store);
    }
}

fn sharded_workers(store: &TestDb) {
    let dir = tempfile::tempdir().unwrap();
    let db = store.db.clone();
    let total = 1_500;
    let input = write(dir.path(), "in.jsonl", &stream(0, total));
    // Three workers share the stream; the first is killed (SIGKILL) after its third commit.
    let mut victim = spawn_worker(&db, &input, &["--shard", "1/3"]);
    let others: Vec<_> = ["2/3", "3/3"].iter().map(|shard| spawn_worker(&db, &input, &["--shard", shard])).collect();
    let mut through = 0;
    let mut commits = 0;
    for line in BufReader::new(victim.stderr.take().unwrap()).lines() {
        let line = line.unwrap();
        if let Some(rest) = line.strip_prefix("newsbrief: committed ") {
            through = rest.rsplit(':').next().unwrap().parse::<usize>().unwrap();
            commits += 1;
            if commits == 3 {
                victim.kill().unwrap();
                break;
            }
        }
    }
    assert!(!victim.wait().unwrap().success(), "the first worker finished before it was killed");
    for worker in others {
        let output = worker.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    }
    // The other shards are whole, and the killed worker's shard through its last reported
    // commit: so every line up to it is stored.
    let (ids, _) = listed(&db);
    assert!(ids.values().all(|&n| n == 1), "an article is listed twice");
    let lost: Vec<String> = (0..through).map(|i| format!("a{i}")).filter(|id| !ids.contains_key(id)).collect();
    assert!(lost.is_empty(), "lost after the kill: {lost:?}");
    assert!(ids.len() < total, "the killed worker's whole shard was stored before the kill");
    store.check();

    // The killed worker run again takes the rest of its shard, each article once.
    let rerun = run(&["ingest", "--db", &db, "--shard", "1/3", &input]);
    assert_eq!(rerun.code, 0, "{}", rerun.stderr);
    assert!(rerun.stdout.contains("left to other shards: "), "{}", rerun.stdout);
    let (ids, stories) = listed(&db);
    assert_eq!(ids.len(), total);
    assert!(ids.values().all(|&n| n == 1));
    for story in stories.as_array().unwrap() {
        let events: BTreeSet<usize> = story["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| id.as_str().unwrap()[1..].parse::<usize>().unwrap() % 4)
            .collect();
        assert_eq!(events.len(), 1, "a story mixes events: {story}");
    }
    store.check();
}

#[test]
fn sharded_workers_make_the_stories_one_worker_makes_of_the_stream() {
    for store in TestDb::all("cli_sharded_stories") {
        let dir = tempfile::tempdir().unwrap();
        let input = write(dir.path(), "in.jsonl", &stream(0, 300));
        let alone = TestDb::sqlite();
        let single = run(&["ingest", "--db", &alone.db, "--batch", "20", &input]);
        assert_eq!(single.code, 0, "{}", single.stderr);
        let workers: Vec<_> =
            ["1/3", "2/3", "3/3"].iter().map(|shard| spawn_worker(&store.db, &input, &["--shard", shard])).collect();
        for worker in workers {
            let output = worker.wait_with_output().unwrap();
            assert!(output.status.success(), "{}: {}", store.kind, String::from_utf8_lossy(&output.stderr));
        }
        // Ids, titles, days and articles in order: all as one worker made them.
        assert_eq!(listed(&store.db).1, listed(&alone.db).1, "{}", store.kind);
        store.check();
    }
}
