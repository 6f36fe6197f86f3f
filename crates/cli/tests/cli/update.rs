//! `newsbrief brief NEW... --known OLD...` and `brief --story ID --since DATE`: update briefs tell
//! only what the known reports did not.

use std::collections::BTreeSet;

use newsbrief::one_line;
use serde_json::Value;

use crate::support::{example_dir, run};

fn json(args: &[&str]) -> Value {
    let run = run(args);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    serde_json::from_str(&run.stdout).expect("the brief is JSON")
}

fn example(file: &str) -> String {
    example_dir().join(file).display().to_string()
}

/// The lower-case words of `text` longer than three letters.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 3).map(str::to_lowercase).collect()
}

/// The sentences of the known reports, as the `sentences` command splits them.
fn known_sentences(files: &[String]) -> Vec<String> {
    let mut sentences = Vec::new();
    for file in files {
        let run = run(&["sentences", file]);
        assert_eq!(run.code, 0, "stderr: {}", run.stderr);
        sentences.extend(run.stdout.lines().map(str::to_owned));
    }
    sentences
}

/// True when most words of `sentence` stand in one of `known`.
fn told_before(sentence: &str, known: &[String]) -> bool {
    let words = words(sentence);
    known.iter().any(|k| {
        let k = self::words(k);
        words.len() >= 4 && words.iter().filter(|w| k.contains(*w)).count() * 10 >= words.len() * 7
    })
}

/// Every excerpt of a JSON brief is the span of its source's text it claims to be.
fn check_spans(brief: &Value) {
    let texts: Vec<(&str, &str)> = brief["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), s["text"].as_str().unwrap()))
        .collect();
    for part in ["summary", "quotes", "timeline"] {
        for excerpt in brief[part].as_array().unwrap() {
            let id = excerpt["source"].as_str().unwrap();
            let text = texts.iter().find(|(s, _)| *s == id).map(|(_, t)| *t).expect("a listed source");
            let at = |key: &str| usize::try_from(excerpt[key].as_u64().unwrap()).unwrap();
            let span = at("start")..at("end");
            assert_eq!(text.get(span), excerpt["text"].as_str(), "{part}: {excerpt}");
        }
    }
}

#[test]
fn the_2011_report_briefed_with_the_2009_ones_known_repeats_nothing_they_told() {
    let known: Vec<String> = [
        "000_7fbbb022c37d34bd.txt",
        "001_daa0ea3d565551e9.txt",
        "002_d29d39b4454c52de.txt",
        "003_3360867b0691abaf.txt",
    ]
    .iter()
    .map(|f| example(f))
    .collect();
    let new = example("004_347165b2df7807e8.txt");
    let mut args = vec!["brief", new.as_str(), "--format", "json", "--words", "150", "--known"];
    args.extend(known.iter().map(String::as_str));
    let update = json(&args);
    check_spans(&update);
    assert_eq!(update["sources"].as_array().unwrap().len(), 1);
    assert_eq!(update["known"].as_array().unwrap().len(), 4);
    let told = known_sentences(&known);
    let summary = update["summary"].as_array().unwrap();
    assert!(!summary.is_empty());
    for sentence in summary.iter().chain(update["quotes"].as_array().unwrap()) {
        let text = one_line(sentence["text"].as_str().unwrap());
        assert!(!told_before(&text, &told), "told before: {text}");
    }
    // The timeline tells no event of 2009 that the known reports dated.
    for entry in update["timeline"].as_array().unwrap() {
        let date = entry["date"].as_str().unwrap();
        assert!(!date.starts_with("2009-03") || !told_before(entry["text"].as_str().unwrap(), &told), "{entry}");
    }
}

#[test]
fn sentences_a_known_report_told_leave_the_summary() {
    let new = example("001_daa0ea3d565551e9.txt");
    let plain = json(&["brief", &new, "--format", "json", "--words", "120"]);
    let texts = |brief: &Value| -> Vec<String> {
        brief["summary"].as_array().unwrap().iter().map(|s| one_line(s["text"].as_str().unwrap())).collect()
    };
    let plain_texts = texts(&plain);
    assert!(plain_texts.len() >= 3, "{plain_texts:?}");
    // A known report that retells the first and the third sentence of the plain summary.
    let dir = tempfile::tempdir().unwrap();
    let known = dir.path().join("known.txt");
    std::fs::write(&known, format!("{}\n\n{}\n", plain_texts[0], plain_texts[2])).unwrap();
    let update = json(&["brief", &new, "--format", "json", "--words", "120", "--known", known.to_str().unwrap()]);
    check_spans(&update);
    let update_texts = texts(&update);
    assert!(!update_texts.is_empty());
    assert!(!update_texts.contains(&plain_texts[0]) && !update_texts.contains(&plain_texts[2]), "{update_texts:?}");
    assert!(update_texts.contains(&plain_texts[1]), "{update_texts:?}");
}

#[test]
fn known_conflicts_with_a_story_and_an_empty_known_file_updates_everything() {
    let new = example("001_daa0ea3d565551e9.txt");
    let clash = run(&["brief", "--story", "1", "--known", &new]);
    assert_eq!(clash.code, 2, "{}", clash.stderr);
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let plain = json(&["brief", &new, "--format", "json"]);
    let update = json(&["brief", &new, "--format", "json", "--known", empty.to_str().unwrap()]);
    assert_eq!(plain["summary"], update["summary"]);
}
