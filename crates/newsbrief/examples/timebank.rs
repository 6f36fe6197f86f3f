//! Tags the TempEval-3 TimeBank documents and prints predictions in the shape
//! `shared/tools/score_timex.py` scores (DATE and TIME expressions, byte offsets):
//!
//! `cargo run --release -p newsbrief --example timebank -- ../shared/data/timex/timebank.jsonl > /tmp/timex.jsonl`
//! then `python3 ../shared/tools/score_timex.py ../shared/data/timex/timebank.jsonl /tmp/timex.jsonl`.
//!
//! `--half a` or `--half b` keeps the documents of one half of the corpus (split by a hash of
//! the document id, so that rules tuned on one half can be checked on the other); `--gold`
//! prints those documents' gold lines instead of predictions, to score the half against:
//!
//! `cargo run --release -p newsbrief --example timebank -- ../shared/data/timex/timebank.jsonl --half b --gold > /tmp/gold-b.jsonl`
//! then the same with `--half b` alone into `/tmp/timex-b.jsonl`, and
//! `python3 ../shared/tools/score_timex.py /tmp/gold-b.jsonl /tmp/timex-b.jsonl`.

// An example reports on standard output.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use newsbrief::{find_timexes, TimexType};

/// The half of the corpus (`'a'` or `'b'`) a document id falls in: the low bit of its 64-bit
/// FNV-1a hash, so that the split is fixed and unrelated to the documents' order or contents.
fn half(id: &str) -> char {
    let hash = newsbrief::fnv1a(id.as_bytes());
    if hash & 1 == 0 {
        'a'
    } else {
        'b'
    }
}

fn main() -> ExitCode {
    let mut path = "../shared/data/timex/timebank.jsonl".to_owned();
    let mut only: Option<char> = None;
    let mut gold = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--half" => match args.next().as_deref() {
                Some("a") => only = Some('a'),
                Some("b") => only = Some('b'),
                _ => {
                    eprintln!("--half: expected a or b");
                    return ExitCode::FAILURE;
                }
            },
            "--gold" => gold = true,
            _ => path = arg,
        }
    }
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("{path}: cannot be read");
        return ExitCode::FAILURE;
    };
    for (number, line) in data.lines().enumerate() {
        let Ok(document) = serde_json::from_str::<serde_json::Value>(line) else {
            eprintln!("{path}:{}: invalid JSON", number + 1);
            return ExitCode::FAILURE;
        };
        if only.is_some_and(|h| h != half(document["id"].as_str().unwrap_or_default())) {
            continue;
        }
        if gold {
            println!("{line}");
            continue;
        }
        let text = document["text"].as_str().unwrap_or_default();
        let dct = document["dct"].as_str().unwrap_or_default();
        let Some(dct) = dct.get(..10).and_then(|d| d.parse().ok()) else {
            eprintln!("{path}:{}: no creation date", number + 1);
            return ExitCode::FAILURE;
        };
        let timexes: Vec<serde_json::Value> = find_timexes(text, dct)
            .into_iter()
            .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
            .map(|t| serde_json::json!({"start": t.start, "end": t.end, "value": t.value}))
            .collect();
        println!("{}", serde_json::json!({"id": document["id"], "timexes": timexes}));
    }
    ExitCode::SUCCESS
}
