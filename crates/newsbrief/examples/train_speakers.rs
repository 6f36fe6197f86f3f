//! Trains the speaker ranker that newsbrief ships (`crates/newsbrief/models/speakers.txt`) on the
//! `PolNeAR` training articles, and reports how often it picks a right speaker.
//!
//! `cargo run --release -p newsbrief --example train_speakers` (from the repository root, with
//! `../shared` beside it) rebuilds the shipped model; the run is deterministic. The labels are
//! the scorer's: `scripts/polnear_speaker_gold.py` reads the gold quotes through
//! `../shared/tools/score_quotes.py` (run by this example with `python3`), and a candidate is
//! right when the scorer would take it for the quotation's speaker (see `accepted` below).
//! Only quotations whose frame names nobody outright are ranked (a pronoun, a role, a
//! continuation or nothing; see `newsbrief::speaker_training`).
//!
//! Figures printed: for each hash half of train (FNV-1a of the stem, even = 0 / odd = 1), the
//! share of ranked quotations whose frame pick is right, and whose ranker pick is right for a
//! ranker trained on the other half only (held out), then the shipped model, trained on both.
//! Options: `--data DIR` (default `../shared/data/quotes/polnear/train`), `--gold PATH` (the
//! script's output, instead of running it), `--output PATH` (`-` for none), `--epochs N`,
//! `--l2 X`, `--threshold X`.

// An example reports on standard output.
#![allow(clippy::print_stdout)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../tests/shared_data/polnear_words.rs"]
mod polnear_words;

use polnear_words::{clean_word, is_not_name, is_trailing};

use newsbrief::speaker_training::{speaker_choices, RankerOptions, SpeakerChoice, SpeakerRanker};

/// What the scorer knows of one gold quote.
#[derive(serde::Deserialize)]
struct Gold {
    start: usize,
    end: usize,
    group: Option<String>,
    last: Option<String>,
    window: Option<String>,
}

#[derive(serde::Deserialize)]
struct GoldArticle {
    id: String,
    gold: Vec<Gold>,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("train_speakers: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut data = PathBuf::from("../shared/data/quotes/polnear/train");
    let mut gold_path = None;
    let mut output = Some(PathBuf::from("crates/newsbrief/models/speakers.txt"));
    let mut options = RankerOptions::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--data" => data = PathBuf::from(value()?),
            "--gold" => gold_path = Some(PathBuf::from(value()?)),
            "--output" => output = Some(value()?).filter(|v| v != "-").map(PathBuf::from),
            "--epochs" => options.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--l2" => options.l2 = value()?.parse().map_err(|e| format!("--l2: {e}"))?,
            "--threshold" => options.threshold = value()?.parse().map_err(|e| format!("--threshold: {e}"))?,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    let gold_text = if let Some(path) = gold_path {
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?
    } else {
        let out = std::process::Command::new("python3")
            .arg("scripts/polnear_speaker_gold.py")
            .arg(&data)
            .output()
            .map_err(|e| format!("python3 scripts/polnear_speaker_gold.py: {e}"))?;
        if !out.status.success() {
            return Err(format!("polnear_speaker_gold.py failed: {}", String::from_utf8_lossy(&out.stderr)));
        }
        String::from_utf8(out.stdout).map_err(|e| e.to_string())?
    };
    let mut gold: HashMap<String, Vec<Gold>> = HashMap::new();
    for line in gold_text.lines().filter(|l| !l.trim().is_empty()) {
        let article: GoldArticle = serde_json::from_str(line).map_err(|e| format!("gold line: {e}"))?;
        gold.insert(article.id, article.gold);
    }
    let mut stems: Vec<&String> = gold.keys().collect();
    stems.sort();
    // The labelled choices of each half.
    let mut halves: [Vec<(SpeakerChoice, Vec<bool>)>; 2] = [Vec::new(), Vec::new()];
    for stem in stems {
        let path = data.join(format!("{stem}.txt"));
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let half = usize::from(newsbrief::fnv1a(stem.as_bytes()) % 2 == 1);
        for choice in speaker_choices(&text) {
            let Some(g) = matching_gold(&gold[stem], choice.start, choice.end) else { continue };
            let Some(group) = g.group.as_deref() else { continue };
            let right = choice.candidates.iter().map(|c| accepted(group, g, &c.name)).collect();
            halves[half].push((choice, right));
        }
    }
    let options_line = format!("epochs {}, l2 {}, threshold {}", options.epochs, options.l2, options.threshold);
    println!("ranker options: {options_line}");
    for half in 0..2 {
        let held_out = SpeakerRanker::train(&halves[1 - half], options);
        report(&format!("train half {half}, ranker trained on half {}", 1 - half), &halves[half], &held_out);
    }
    let all: Vec<(SpeakerChoice, Vec<bool>)> = halves.concat();
    let model = SpeakerRanker::train(&all, options);
    report("all train, shipped ranker (trained on it)", &all, &model);
    if let Some(path) = output {
        std::fs::write(&path, model.to_text()).map_err(|e| format!("{}: {e}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// Prints, over the ranked quotations of `choices`, how often the frame's pick and the ranker's
/// are right, overall and by the kind of frame.
fn report(title: &str, choices: &[(SpeakerChoice, Vec<bool>)], model: &SpeakerRanker) {
    let mut rows: Vec<(String, [usize; 5])> = Vec::new();
    for (choice, right) in choices {
        let frame = choice.frame.map_or("none".to_owned(), |v| format!("{v:?}").to_lowercase());
        // The frame's pick is the candidate with a rule feature (none when the frame gives none).
        let rule = choice.candidates.iter().position(|c| c.features[..3].iter().any(|&f| f > 0.0));
        let rule_right = rule.is_some_and(|r| right[r]);
        let best = model.best(&choice.candidates);
        let ranked_right = best.is_some_and(|(b, p)| right[b] && (choice.frame.is_some() || p >= model.threshold));
        let ranked_any_right = best.is_some_and(|(b, _)| right[b]);
        for key in [frame.clone(), "all".to_owned()] {
            let i = rows.iter().position(|(k, _)| *k == key).unwrap_or_else(|| {
                rows.push((key, [0; 5]));
                rows.len() - 1
            });
            let row = &mut rows[i].1;
            row[0] += 1;
            row[1] += usize::from(rule_right);
            row[2] += usize::from(ranked_right);
            row[3] += usize::from(ranked_any_right);
            row[4] += usize::from(right.iter().any(|&r| r));
        }
    }
    println!("{title}:");
    for (key, [n, rule, ranked, any, reachable]) in rows {
        println!(
            "  {key:<10} n {n:>5}  frame right {:.3}  ranker right {:.3} (without threshold {:.3}, some candidate right {:.3})",
            ratio(rule, n),
            ratio(ranked, n),
            ratio(any, n),
            ratio(reachable, n)
        );
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The gold quote the quotation `start..end` matches as the scorer matches: overlapping by at
/// least half of the shorter, the largest overlap.
fn matching_gold(gold: &[Gold], start: usize, end: usize) -> Option<&Gold> {
    gold.iter()
        .map(|g| (g, end.min(g.end).saturating_sub(start.max(g.start))))
        .filter(|(g, overlap)| *overlap > 0 && 2 * overlap >= (end - start).min(g.end - g.start))
        .max_by_key(|(_, overlap)| *overlap)
        .map(|(g, _)| g)
}

/// Whether the scorer takes `speaker` for the speaker of gold quote `g` of group `group`: for a
/// named Source, its surname is the Source's last word; for a pronoun, its surname is a word of
/// the scorer's window; for a nominal, that or the same head word ("the official" /
/// "official"). The window holds every name near the pronoun, so a pronoun's label does not
/// tell which of them it stands for: the ranker's candidates are filtered by agreement first
/// (see `speakers.rs`).
fn accepted(group: &str, g: &Gold, speaker: &str) -> bool {
    let last = g.last.as_deref().unwrap_or("");
    let surname = surname(speaker);
    if group == "named" {
        return surname.is_some_and(|s| s.to_lowercase() == last.to_lowercase());
    }
    if let (Some(s), Some(window)) = (&surname, &g.window) {
        if contains_word(window, s) {
            return true;
        }
    }
    if group == "nominal" {
        let norm = |w: &str| {
            let w = w.to_lowercase();
            w.strip_suffix('s').map_or(w.clone(), str::to_owned)
        };
        return head_words(speaker).last().is_some_and(|w| norm(w) == norm(last));
    }
    false
}

/// Whether `word` occurs in `text` with no word character on either side.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
        let after = text[i + word.len()..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_');
        !before && !after
    })
}

/// The scorer's head of a speaker string: cut at the first `, ( ; :` or dash, or a relative or
/// preposition, its words cleaned of punctuation and possessives, trailing "Jr."s dropped.
fn head_words(speaker: &str) -> Vec<String> {
    let padded = format!(" {speaker} ");
    let mut cut = padded.len();
    if let Some(i) = padded.find([',', '(', ';', ':', '—', '–']) {
        cut = cut.min(i);
    }
    for word in
        [" -- ", " - ", " who ", " whose ", " which ", " that ", " for ", " with ", " at ", " from ", " in ", " on "]
    {
        if let Some(i) = padded.find(word) {
            cut = cut.min(i);
        }
    }
    let head = if cut > 0 { &padded[..cut] } else { padded.as_str() };
    let mut words: Vec<String> = head.split_whitespace().map(clean_word).filter(|w| !w.is_empty()).collect();
    while words.last().is_some_and(|w| is_trailing(w)) {
        words.pop();
    }
    words
}

/// The last capitalised word of the head that is no title or pronoun.
fn surname(speaker: &str) -> Option<String> {
    head_words(speaker).into_iter().rev().find(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_not_name(w))
}
