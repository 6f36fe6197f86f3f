//! Finds the direct quotations of every article of a `PolNeAR` folder (`<stem>.txt` files) and
//! prints them in the shape `shared/tools/score_quotes.py` scores, one article a line:
//! `{"id", "quotes": [{"text", "speaker", "start", "end", "via"}]}` (byte offsets).
//!
//! `cargo run --release -p newsbrief --example polnear -- ../shared/data/quotes/polnear/dev > /tmp/q.jsonl`
//! then `python3 ../shared/tools/score_quotes.py ../shared/data/quotes/polnear/dev /tmp/q.jsonl`.
//!
//! `--half 0` or `--half 1` keeps the articles of one half, split by the FNV-1a hash of the
//! stem (even or odd), the split `scripts/polnear_halves.py` makes into folders for the scorer.
//! `--ranker PATH` uses the speaker ranker of PATH (as `train_speakers --output` writes it) in
//! place of the shipped one.

// An example reports on standard output.
#![allow(clippy::print_stdout)]

use std::path::PathBuf;
use std::process::ExitCode;

use newsbrief::speaker_training::{find_quotations_ranked, SpeakerRanker};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut dir = None;
    let mut half = None;
    let mut ranker = None;
    while let Some(arg) = args.next() {
        if arg == "--ranker" {
            let path = args.next().unwrap_or_default();
            let Some(model) = std::fs::read_to_string(&path).ok().and_then(|t| SpeakerRanker::from_text(&t)) else {
                eprintln!("{path}: no speaker ranker");
                return ExitCode::FAILURE;
            };
            ranker = Some(model);
        } else if arg == "--half" {
            half = args.next().and_then(|h| h.parse::<u64>().ok());
        } else {
            dir = Some(PathBuf::from(arg));
        }
    }
    let dir = dir.unwrap_or_else(|| PathBuf::from("../shared/data/quotes/polnear/dev"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{}: cannot be read", dir.display());
        return ExitCode::FAILURE;
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let stem = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        if half.is_some_and(|h| newsbrief::fnv1a(stem.as_bytes()) % 2 != h) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{}: cannot be read as UTF-8", path.display());
            return ExitCode::FAILURE;
        };
        let found = match &ranker {
            Some(model) => find_quotations_ranked(&text, model),
            None => newsbrief::find_quotations(&text),
        };
        let quotes: Vec<serde_json::Value> = found
            .into_iter()
            .map(|q| {
                let (speaker, via) = q.speaker.map_or((None, None), |s| (Some(s.name), Some(s.via)));
                serde_json::json!({"text": q.text, "speaker": speaker, "start": q.start, "end": q.end, "via": via})
            })
            .collect();
        println!("{}", serde_json::json!({"id": stem, "quotes": quotes}));
    }
    ExitCode::SUCCESS
}
