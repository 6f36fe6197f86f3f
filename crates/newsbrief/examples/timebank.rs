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
//!
//! `--errors` prints, instead of predictions, each error the scorer counts (matched one to one
//! by any overlap, as it does): `missed` (a gold expression no prediction overlaps), `spurious`
//! (a prediction no gold expression takes) and `value` (matched, values differ), with the gold
//! and predicted words and values and the text around them, one tab-separated line each:
//! `cargo run --release -p newsbrief --example timebank -- --half a --errors`.
//!
//! `--show` prints every expression found (all types), tab-separated with its type, value and
//! the text around it, to read the tagger on news without gold; it also reads lines that give
//! the creation date as `published` (the Timeline17 articles):
//! `cargo run --release -p newsbrief --example timebank -- ../shared/data/tls/haiti/articles.jsonl --show`.

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
    let mut errors = false;
    let mut show = false;
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
            "--errors" => errors = true,
            "--show" => show = true,
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
        let dct = document["dct"].as_str().or_else(|| document["published"].as_str()).unwrap_or_default();
        let Some(dct) = dct.get(..10).and_then(|d| d.parse().ok()) else {
            eprintln!("{path}:{}: no creation date", number + 1);
            return ExitCode::FAILURE;
        };
        if show {
            let id = document["id"].as_str().unwrap_or_default();
            for t in find_timexes(text, dct) {
                let kind = serde_json::to_value(t.kind).unwrap_or_default();
                let kind = kind.as_str().unwrap_or_default();
                println!("{id}\t{}\t{kind}\t{}\t{}", t.text, t.value, around(text, t.start, t.end));
            }
            continue;
        }
        let found: Vec<newsbrief::Timex> = find_timexes(text, dct)
            .into_iter()
            .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
            .collect();
        if errors {
            print_errors(&document, text, &found);
            continue;
        }
        let timexes: Vec<serde_json::Value> =
            found.into_iter().map(|t| serde_json::json!({"start": t.start, "end": t.end, "value": t.value})).collect();
        println!("{}", serde_json::json!({"id": document["id"], "timexes": timexes}));
    }
    ExitCode::SUCCESS
}

/// The byte offset of the character at `chars` in `text` (gold offsets count characters).
fn byte_at(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(b, _)| b)
}

/// The text around bytes `start..end`, on one line, with the expression in brackets.
fn around(text: &str, start: usize, end: usize) -> String {
    let floor = |mut b: usize| {
        while !text.is_char_boundary(b) {
            b -= 1;
        }
        b
    };
    let from = floor(start.saturating_sub(60));
    let to = floor((end + 60).min(text.len()));
    format!("{}[{}]{}", &text[from..start], &text[start..end], &text[end..to]).replace(['\n', '\t'], " ")
}

/// Prints the errors of one document as the scorer counts them: gold DATE and TIME expressions
/// in order, each taking the first prediction it overlaps that no earlier one took.
fn print_errors(document: &serde_json::Value, text: &str, found: &[newsbrief::Timex]) {
    let id = document["id"].as_str().unwrap_or_default();
    let mut used = vec![false; found.len()];
    for gold in document["timexes"].as_array().into_iter().flatten() {
        if !matches!(gold["type"].as_str(), Some("DATE" | "TIME")) {
            continue;
        }
        let offset = |key: &str| usize::try_from(gold[key].as_u64().unwrap_or_default()).unwrap_or_default();
        let (start, end) = (byte_at(text, offset("start")), byte_at(text, offset("end")));
        let value = gold["value"].as_str().unwrap_or_default();
        let matched = (0..found.len()).find(|&i| !used[i] && found[i].start < end && start < found[i].end);
        match matched {
            None => println!("missed\t{id}\t{}\t{value}\t\t\t{}", &text[start..end], around(text, start, end)),
            Some(i) => {
                used[i] = true;
                let ours = found[i].value.to_string();
                if ours != value {
                    println!(
                        "value\t{id}\t{}\t{value}\t{}\t{ours}\t{}",
                        &text[start..end],
                        found[i].text,
                        around(text, start.min(found[i].start), end.max(found[i].end))
                    );
                }
            }
        }
    }
    for (t, _) in found.iter().zip(&used).filter(|(_, &u)| !u) {
        println!("spurious\t{id}\t\t\t{}\t{}\t{}", t.text, t.value, around(text, t.start, t.end));
    }
}
