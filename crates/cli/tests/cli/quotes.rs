//! `newsbrief quotes`: the quotations of one article with byte spans and speakers.

use serde_json::Value;

use crate::support::{run, run_with_stdin};

const ARTICLE: &str = "Mrs. Ann Lee met Tom Kay in Ohio on Monday.\n\n\
\"We have a lot of work left to do,\" she said. \"And we will do it.\"\n\n\
\u{201c}I doubt the deal will hold for long,\u{201d} said a senior aide to Kay.\n";

#[test]
fn json_gives_spans_and_speakers() {
    let out = run_with_stdin(&["quotes", "-", "--format", "json"], ARTICLE.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let quotes: Value = serde_json::from_str(&out.stdout).unwrap();
    let quotes = quotes.as_array().unwrap();
    assert_eq!(quotes.len(), 3, "{quotes:?}");
    let span = |value: &Value| {
        let offset = |key: &str| usize::try_from(value[key].as_u64().unwrap()).unwrap();
        &ARTICLE[offset("start")..offset("end")]
    };
    for quote in quotes {
        assert_eq!(span(quote), quote["text"].as_str().unwrap());
        assert_eq!(span(&quote["speaker"]), quote["speaker"]["text"].as_str().unwrap());
    }
    let speakers: Vec<(&str, &str)> = quotes
        .iter()
        .map(|q| (q["speaker"]["name"].as_str().unwrap(), q["speaker"]["via"].as_str().unwrap()))
        .collect();
    assert_eq!(speakers, [("Ann Lee", "pronoun"), ("Ann Lee", "continued"), ("a senior aide to Kay", "role")]);
}

#[test]
fn text_gives_a_line_per_quotation() {
    let out = run_with_stdin(&["quotes"], ARTICLE.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[0], "Ann Lee\tpronoun\tWe have a lot of work left to do,");
    assert_eq!(lines.len(), 3);
    // An unattributed quotation is marked with dashes.
    let out = run_with_stdin(
        &["quotes"],
        b"\"Nobody knows who said these words,\" the note read, or so.\n\"And nobody will.\"",
    );
    assert!(out.stdout.lines().all(|l| l.split('\t').count() == 3), "{}", out.stdout);
}

#[test]
fn a_missing_file_is_bad_input() {
    let out = run(&["quotes", "/no/such/article.txt"]);
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("/no/such/article.txt"), "{}", out.stderr);
}
