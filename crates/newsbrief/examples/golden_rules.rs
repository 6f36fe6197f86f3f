//! Scores the sentence splitter on the English Golden Rules of pySBD and `pragmatic_segmenter`.
//!
//! `cargo run --release -p newsbrief --example golden_rules -- ../shared/data/sbd/golden_en.jsonl`
//! prints each failed case and then `golden rules: N of M passed`.

// An example reports on standard output.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/sbd/golden_en.jsonl".to_owned());
    let data = match std::fs::read_to_string(&path) {
        Ok(data) => data,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let (mut passed, mut total) = (0, 0);
    for (number, line) in data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let case: serde_json::Value = match serde_json::from_str(line) {
            Ok(case) => case,
            Err(err) => {
                eprintln!("{path}:{}: {err}", number + 1);
                return ExitCode::FAILURE;
            }
        };
        let text = case["text"].as_str().unwrap_or_default();
        let expected: Vec<&str> =
            case["sentences"].as_array().into_iter().flatten().filter_map(|s| s.as_str()).collect();
        let got: Vec<&str> = newsbrief::split_sentences(text).iter().map(|s| s.text(text)).collect();
        total += 1;
        if got == expected {
            passed += 1;
        } else {
            println!("FAIL {}: {text:?}\n  expected {expected:?}\n  got      {got:?}", case["id"]);
        }
    }
    println!("golden rules: {passed} of {total} passed");
    ExitCode::SUCCESS
}
