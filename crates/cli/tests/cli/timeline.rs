//! `newsbrief timeline` on the shipped example and on a story of the store, and
//! `brief --story ID --since DATE` (an update brief from the store).

use std::fmt::Write as _;

use serde_json::Value;

use crate::support::{example_dir, expected, run};

fn json(args: &[&str]) -> Value {
    let run = run(args);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    serde_json::from_str(&run.stdout).expect("the output is JSON")
}

/// The days of a JSON timeline, checking its budgets, its order and that every sentence names a
/// listed source and a span.
fn days(timeline: &Value, dates: usize, sentences: usize) -> Vec<String> {
    let days = timeline["timeline"].as_array().unwrap();
    assert!(days.len() <= dates, "{timeline}");
    let listed: Vec<&str> = timeline["sources"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    for day in days {
        let told = day["sentences"].as_array().unwrap();
        assert!(!told.is_empty() && told.len() <= sentences, "{day}");
        for sentence in told {
            assert!(listed.contains(&sentence["source"].as_str().unwrap()), "{sentence}");
            let (start, end) = (sentence["start"].as_u64().unwrap(), sentence["end"].as_u64().unwrap());
            assert_eq!(end - start, sentence["text"].as_str().unwrap().len() as u64, "{sentence}");
        }
    }
    let days: Vec<String> = days.iter().map(|d| d["date"].as_str().unwrap().to_owned()).collect();
    assert!(days.windows(2).all(|w| w[0] < w[1]), "{days:?}");
    days
}

#[test]
fn the_example_story_timeline_holds_its_main_days() {
    let dir = example_dir();
    let timeline = json(&["timeline", dir.to_str().unwrap(), "--dates", "3", "--sentences", "2", "--format", "json"]);
    let days = days(&timeline, 3, 2);
    let expected: Vec<String> =
        expected()["timeline"].as_array().unwrap().iter().map(|e| e["date"].as_str().unwrap().to_owned()).collect();
    assert!(days.iter().all(|d| expected.contains(d)), "{days:?} not all in {expected:?}");
    assert!(days.iter().any(|d| d == "2009-03-06"), "the Geneva meeting: {days:?}");

    let window = json(&[
        "timeline",
        dir.to_str().unwrap(),
        "--dates",
        "5",
        "--sentences",
        "1",
        "--start",
        "2010-01-01",
        "--format",
        "json",
    ]);
    assert!(days_of(&window).iter().all(|d| d.as_str() >= "2010-01-01"), "{window}");
    let markdown = run(&["timeline", dir.to_str().unwrap(), "--dates", "2", "--sentences", "1"]);
    assert_eq!(markdown.code, 0, "{}", markdown.stderr);
    assert!(
        markdown.stdout.starts_with("# Timeline\n") && markdown.stdout.contains("\n## 2009-"),
        "{}",
        markdown.stdout
    );
    let backwards = run(&["timeline", dir.to_str().unwrap(), "--start", "2011-01-01", "--end", "2010-01-01"]);
    assert_eq!(backwards.code, 1, "{}", backwards.stderr);
}

fn days_of(timeline: &Value) -> Vec<String> {
    days(timeline, usize::MAX, usize::MAX)
}

/// An invented story over four days, as JSON lines: day by day a few outlets report the flood,
/// each in words of its own, and the later reports repeat the first day's news.
fn flood_stream() -> String {
    const DAYS: &[(&str, &str)] = &[
        ("2021-03-01", "The Halden dam on the Merrow river burst on Monday and flooded the town of Castlebrook"),
        ("2021-03-02", "Rescue boats pulled forty residents of Castlebrook from flooded houses on Tuesday"),
        ("2021-03-03", "Army engineers began building a wall of sandbags around the Castlebrook hospital on Wednesday"),
        (
            "2021-03-04",
            "The water of the Merrow river fell and Castlebrook residents returned to their homes on Thursday",
        ),
    ];
    let mut out = String::new();
    for (d, (day, news)) in DAYS.iter().enumerate() {
        for outlet in 0..3 {
            let mut text = format!("{news}, outlet {outlet} reported.");
            if d > 0 {
                let _ = write!(text, " {}.", DAYS[0].1);
            }
            let _ =
                write!(text, " Officials of Castlebrook said the flood of the Merrow river was the worst in memory.");
            writeln!(out, "{}", serde_json::json!({"id": format!("d{d}o{outlet}"), "published": day, "text": text}))
                .unwrap();
        }
    }
    out
}

#[test]
fn a_stored_story_gives_a_timeline_and_an_update_brief() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db").display().to_string();
    let input = dir.path().join("flood.jsonl");
    std::fs::write(&input, flood_stream()).unwrap();
    let ingest = run(&["ingest", "--db", &db, input.to_str().unwrap()]);
    assert_eq!(ingest.code, 0, "{}", ingest.stderr);
    let stories = json(&["stories", "--db", &db, "--format", "json"]);
    let story =
        stories.as_array().unwrap().iter().max_by_key(|s| s["articles"].as_array().unwrap().len()).expect("a story");
    assert!(story["articles"].as_array().unwrap().len() >= 9, "{stories}");
    let id = story["id"].to_string();

    let timeline =
        json(&["timeline", "--story", &id, "--db", &db, "--dates", "2", "--sentences", "1", "--format", "json"]);
    let days = days(&timeline, 2, 1);
    assert!(days.contains(&"2021-03-01".to_owned()), "the burst, dated by every later report: {timeline}");

    let update = json(&["brief", "--story", &id, "--db", &db, "--since", "2021-03-04", "--format", "json"]);
    assert!(!update["known"].as_array().unwrap().is_empty(), "{update}");
    let summary = update["summary"].as_array().unwrap();
    assert!(!summary.is_empty(), "{update}");
    for sentence in summary {
        let text = sentence["text"].as_str().unwrap();
        assert!(!text.contains("dam on the Merrow river burst"), "told before: {text}");
        assert!(!text.contains("worst in memory"), "told before: {text}");
    }
    let plain = json(&["brief", "--story", &id, "--db", &db, "--format", "json"]);
    assert!(plain["known"].as_array().is_none_or(Vec::is_empty), "{plain}");
    let missing = run(&["timeline", "--story", &id, "--db", dir.path().join("none.db").to_str().unwrap()]);
    assert_eq!(missing.code, 1, "{}", missing.stderr);
}

#[test]
fn the_days_evidence_is_a_json_line_a_day_in_calendar_order() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("flood.jsonl");
    std::fs::write(&input, flood_stream()).unwrap();
    let evidence = run(&["timeline", input.to_str().unwrap(), "--days", "--start", "2021-03-01"]);
    assert_eq!(evidence.code, 0, "{}", evidence.stderr);
    let days: Vec<Value> = evidence.stdout.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    let dates: Vec<&str> = days.iter().map(|d| d["day"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] < w[1]), "{dates:?}");
    assert!(dates.iter().all(|&d| d >= "2021-03-01"), "{dates:?}");
    // The burst on Monday is named by the three reports of that day and the nine after it.
    let monday = days.iter().find(|d| d["day"] == "2021-03-01").expect("Monday has evidence");
    assert_eq!(monday["reports_after"], 9.0, "{monday}");
    assert_eq!(monday["later_days"], 3.0, "{monday}");
    assert_eq!(monday["last_gap"], 3.0, "{monday}");
    assert!(monday["heuristic"].as_f64().unwrap() > 0.0, "{monday}");
}
