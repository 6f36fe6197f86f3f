//! Bad input: a clear message naming the input, exit code 1 (2 for bad usage), never a panic.

use std::fs;

use proptest::prelude::*;

use crate::support::{example_dir, run, run_with_stdin};

const GOOD: &str = "Ministers agreed in Geneva on Friday to resume arms talks next month, officials said.";

fn assert_clean_failure(args: &[&str], code: i32, names: &str) {
    let run = run(args);
    assert_eq!(run.code, code, "args {args:?}; stderr: {}", run.stderr);
    assert!(run.stderr.contains(names), "stderr does not name {names:?}: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn missing_path() {
    assert_clean_failure(&["brief", "no/such/file.txt"], 1, "no/such/file.txt");
}

#[test]
fn empty_folder() {
    let dir = tempfile::tempdir().unwrap();
    let name = dir.path().to_str().unwrap();
    assert_clean_failure(&["brief", name], 1, "the folder holds no files");
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.png");
    fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    assert_clean_failure(&["brief", path.to_str().unwrap()], 1, "image.png: the input looks like a binary file");
}

#[test]
fn empty_and_debris_only_articles() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    assert_clean_failure(&["brief", empty.to_str().unwrap()], 1, "empty.txt: the input is empty");
    let debris = dir.path().join("debris.txt");
    fs::write(&debris, "5 Min Read\n\n0 : 0\n  • narrow-browser-and-phone\n").unwrap();
    assert_clean_failure(&["brief", debris.to_str().unwrap()], 1, "debris.txt: the article has no text");
}

#[test]
fn file_over_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = fs::File::create(&path).unwrap();
    file.set_len(newsbrief::MAX_INPUT_BYTES + 1).unwrap();
    assert_clean_failure(
        &["brief", path.to_str().unwrap()],
        1,
        "huge.txt: the file is 50 MB, more than the 50 MB limit",
    );
}

#[test]
fn invalid_json_line_is_named_and_the_rest_is_briefed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    fs::write(&path, format!("{{\"text\": \"{GOOD}\"}}\n{{\"text\": oops}}\n")).unwrap();
    let lenient = run(&["brief", path.to_str().unwrap()]);
    assert_eq!(lenient.code, 0, "{}", lenient.stderr);
    assert!(lenient.stderr.contains("feed.jsonl:2: invalid JSON"), "{}", lenient.stderr);
    assert!(lenient.stdout.contains("Ministers agreed in Geneva"));
    assert_clean_failure(&["brief", "--strict", path.to_str().unwrap()], 1, "feed.jsonl:2: invalid JSON");
}

#[test]
fn folder_with_good_and_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), GOOD).unwrap();
    fs::write(dir.path().join("b.bin"), b"\0\x01\x02\x03").unwrap();
    fs::write(dir.path().join("c.txt"), b"").unwrap();
    let run = run(&["brief", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("b.bin: the input looks like a binary file"));
    assert!(run.stderr.contains("c.txt: the input is empty"));
    let brief: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(brief["sources"].as_array().unwrap().len(), 1);
}

#[test]
fn invalid_utf8_is_read_as_windows_1252_with_a_warning() {
    let run = run_with_stdin(
        &["brief", "-"],
        b"The caf\xe9 owners agreed on Friday to reopen the old market next month, officials said.",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("-: the input is not valid UTF-8"));
    assert!(run.stdout.contains("café"));
}

#[test]
fn bad_usage_exits_with_two() {
    for args in [
        &["brief", "--no-such-flag", "x"][..],
        &["brief"],
        &["brief", "x", "--words", "0"],
        &["brief", "x", "--format", "pdf"],
        &["frobnicate"],
    ] {
        let run = run(args);
        assert_eq!(run.code, 2, "args {args:?}: {}", run.stderr);
    }
}

#[test]
fn help_for_every_command() {
    for args in
        [&["--help"][..], &["brief", "--help"], &["sentences", "--help"], &["score", "--help"], &["eval", "--help"]]
    {
        let run = run(args);
        assert_eq!(run.code, 0);
        assert!(run.stdout.contains("Usage"));
    }
}

#[test]
fn truncated_html_and_truncated_reports_do_not_panic() {
    let report = fs::read(example_dir().join("000_7fbbb022c37d34bd.txt")).unwrap();
    let html = b"<!doctype html><html><head><title>T</title></head><body><article><p>Ministers agreed in Geneva on Friday to resume talks, officials said.</p><p>More text";
    for input in [&report[..], &html[..]] {
        for cut in (1..input.len()).step_by(97) {
            let run = run_with_stdin(&["brief", "-"], &input[..cut]);
            assert!(run.code == 0 || run.code == 1, "cut at {cut}: {}", run.stderr);
            assert!(!run.stderr.contains("panicked"), "cut at {cut}: {}", run.stderr);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let run = run_with_stdin(&["brief", "-"], &bytes);
        prop_assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
        prop_assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}
