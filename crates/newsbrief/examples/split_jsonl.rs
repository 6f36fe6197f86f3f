//! Splits many texts at once, for comparing the sentence splitter with another one.
//!
//! `cargo run --release -p newsbrief --example split_jsonl < texts.jsonl > spans.jsonl` reads
//! lines `{"id", "text"}` and writes lines `{"id", "spans": [[start, end], ...]}`, the sentences
//! as offsets in Unicode code points (as Python counts them), so that `scripts/sentences_diff.py`
//! can set them beside pySBD's.

// An example reports on standard output.
#![allow(clippy::print_stdout)]

use std::io::{BufRead, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let stdin = std::io::stdin().lock();
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    for (number, line) in stdin.lines().enumerate() {
        let line = match line {
            Ok(line) => line,
            Err(err) => {
                eprintln!("standard input: {err}");
                return ExitCode::FAILURE;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let item: serde_json::Value = match serde_json::from_str(&line) {
            Ok(item) => item,
            Err(err) => {
                eprintln!("standard input:{}: {err}", number + 1);
                return ExitCode::FAILURE;
            }
        };
        let text = item["text"].as_str().unwrap_or_default();
        let to_chars = |byte: usize| text[..byte].chars().count();
        let spans: Vec<[usize; 2]> =
            newsbrief::split_sentences(text).iter().map(|s| [to_chars(s.start), to_chars(s.end)]).collect();
        let out = serde_json::json!({"id": item["id"], "spans": spans});
        if writeln!(stdout, "{out}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if stdout.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
