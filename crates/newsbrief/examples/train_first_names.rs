//! Learns the table of first names and their usual gender that newsbrief ships
//! (`crates/newsbrief/models/first-names.txt`) from unlabeled news text in `../shared`: for each
//! article, the gender evidence the speaker reader gathers for each full name (honorifics, and
//! "he" or "she" after a sentence naming one person alone), summed by the name's first word.
//!
//! `cargo run --release -p newsbrief --example train_first_names` (from the repository root,
//! with `../shared` beside it) rewrites the shipped file; the run is deterministic. The texts:
//! the Multi-News dev documents, the Timeline17 articles, the story streams and the `PolNeAR`
//! training articles (not its dev articles, on which speakers are scored); an article met twice
//! counts once. `--shared DIR` reads another copy of the data, `--output PATH` writes elsewhere.

// An example reports on standard output.
#![allow(clippy::print_stdout)]

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Fewest votes a first name needs to be written to the table.
const MIN_VOTES: i32 = 3;

fn main() -> ExitCode {
    let mut shared = PathBuf::from("../shared");
    let mut output = PathBuf::from("crates/newsbrief/models/first-names.txt");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--shared", Some(dir)) => shared = dir.into(),
            ("--output", Some(path)) => output = path.into(),
            _ => {
                eprintln!("usage: train_first_names [--shared DIR] [--output PATH]");
                return ExitCode::FAILURE;
            }
        }
    }
    let texts = match read_texts(&shared.join("data")) {
        Ok(texts) => texts,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let evidence: Vec<Vec<(String, i32, i32)>> =
        texts.iter().map(|text| newsbrief::speaker_training::gender_evidence(text)).collect();
    let mut votes: BTreeMap<String, (i32, i32)> = BTreeMap::new();
    for (name, male, female) in evidence.into_iter().flatten() {
        let mut words = name.split_whitespace();
        let (Some(first), Some(_)) = (words.next(), words.next()) else { continue };
        let is_first_name = first.chars().next().is_some_and(char::is_uppercase)
            && first.chars().count() > 1
            && first.chars().all(|c| c.is_alphabetic() || c == '-');
        if !is_first_name {
            continue;
        }
        let entry = votes.entry(first.to_lowercase()).or_default();
        entry.0 += male;
        entry.1 += female;
    }
    let mut table = String::from(
        "# First names and their gender votes (male female) in unlabeled news text of ../shared\n\
         # (Multi-News dev, Timeline17, the story streams, PolNeAR train): research data.\n\
         # Rebuilt by `cargo run --release -p newsbrief --example train_first_names`.\n",
    );
    let mut kept = 0;
    for (name, (male, female)) in &votes {
        if male + female >= MIN_VOTES {
            let _ = writeln!(table, "{name} {male} {female}");
            kept += 1;
        }
    }
    if let Err(error) = std::fs::write(&output, table) {
        eprintln!("{}: cannot be written: {error}", output.display());
        return ExitCode::FAILURE;
    }
    println!(
        "{} texts, {} first names, {kept} with {MIN_VOTES} votes or more written to {}",
        texts.len(),
        votes.len(),
        output.display()
    );
    ExitCode::SUCCESS
}

/// The distinct article texts of the corpora under `data`.
fn read_texts(data: &Path) -> Result<Vec<String>, String> {
    let mut texts = Vec::new();
    let mut jsonl = vec![data.join("multinews/dev.jsonl")];
    for dir in ["tls", "stories"] {
        let folder = data.join(dir);
        let entries = std::fs::read_dir(&folder).map_err(|e| format!("{}: cannot be read: {e}", folder.display()))?;
        let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                jsonl.push(path.join("articles.jsonl"));
            } else if path.extension().is_some_and(|e| e == "jsonl") {
                jsonl.push(path);
            }
        }
    }
    for path in &jsonl {
        let content = std::fs::read_to_string(path).map_err(|e| format!("{}: cannot be read: {e}", path.display()))?;
        for (n, line) in content.lines().enumerate() {
            let value: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
            if let Some(documents) = value.get("documents").and_then(|d| d.as_array()) {
                texts.extend(documents.iter().filter_map(|d| d.as_str()).map(str::to_owned));
            } else if let Some(text) = value.get("text").and_then(|t| t.as_str()) {
                texts.push(text.to_owned());
            }
        }
    }
    let polnear = data.join("quotes/polnear/train");
    let entries = std::fs::read_dir(&polnear).map_err(|e| format!("{}: cannot be read: {e}", polnear.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        texts.push(std::fs::read_to_string(&path).map_err(|e| format!("{}: cannot be read: {e}", path.display()))?);
    }
    let mut seen = HashSet::new();
    texts.retain(|text| seen.insert(newsbrief::fnv1a(text.as_bytes())));
    Ok(texts)
}
