//! Tags the TempEval-3 TimeBank documents and prints predictions in the shape
//! `shared/tools/score_timex.py` scores (DATE and TIME expressions, byte offsets):
//!
//! `cargo run --release -p newsbrief --example timebank -- ../shared/data/timex/timebank.jsonl > /tmp/timex.jsonl`
//! then `python3 ../shared/tools/score_timex.py ../shared/data/timex/timebank.jsonl /tmp/timex.jsonl`.

// An example reports on standard output.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;

use newsbrief::{find_timexes, TimexType};

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/timex/timebank.jsonl".to_owned());
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("{path}: cannot be read");
        return ExitCode::FAILURE;
    };
    for (number, line) in data.lines().enumerate() {
        let Ok(document) = serde_json::from_str::<serde_json::Value>(line) else {
            eprintln!("{path}:{}: invalid JSON", number + 1);
            return ExitCode::FAILURE;
        };
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
