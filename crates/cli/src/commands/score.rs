//! `newsbrief score`: ROUGE of candidate/reference pairs given as JSON lines.

use std::path::PathBuf;

use anyhow::{bail, Result};
use rouge::{Scorer, Scores};
use serde_json::{json, Value};

use crate::output::{read_to_string, write_output};
use crate::scores_json;

/// Arguments of `newsbrief score`.
#[derive(Debug, clap::Args)]
pub(crate) struct ScoreArgs {
    /// JSON lines `{"candidate", "reference"}` or `{"candidate", "references": [..]}`, or `-`.
    #[arg(value_name = "PAIRS.jsonl")]
    path: PathBuf,
    /// Score without Porter stemming.
    #[arg(long)]
    no_stem: bool,
    /// With several references, take for each measure the reference with the best F1 (the
    /// default is the mean of the per-reference scores).
    #[arg(long)]
    max: bool,
    /// Exit with 0 even when bad lines were skipped.
    #[arg(long)]
    skip_bad: bool,
}

/// Runs `newsbrief score`: a line of scores per input line (`{"error": ...}` for a bad one), then
/// a line with the means over the good ones.
pub(crate) fn run(args: &ScoreArgs) -> Result<()> {
    let text = read_to_string(&args.path)?;
    let scorer = Scorer::new(!args.no_stem);
    let name = args.path.display().to_string();
    let mut all = Vec::new();
    let mut bad = 0;
    write_output(None, |out| {
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match parse_pair(line) {
                Ok((candidate, references)) => {
                    let references: Vec<&str> = references.iter().map(String::as_str).collect();
                    let scores = if args.max {
                        scorer.score_max(&candidate, &references)
                    } else {
                        scorer.score_mean(&candidate, &references)
                    };
                    writeln!(out, "{}", Value::Object(scores_json::scores(&scores)))?;
                    all.push(scores);
                }
                Err(message) => {
                    eprintln!("newsbrief: error: {name}:{}: {message}", index + 1);
                    writeln!(out, "{}", json!({"line": index + 1, "error": message}))?;
                    bad += 1;
                }
            }
        }
        let mut last = scores_json::scores(&Scores::mean(&all));
        last.insert("pairs".to_owned(), json!(all.len()));
        writeln!(out, "{}", Value::Object(last))?;
        Ok(())
    })?;
    if bad > 0 && !args.skip_bad {
        bail!("{name}: {bad} bad line(s) skipped");
    }
    Ok(())
}

fn parse_pair(line: &str) -> Result<(String, Vec<String>), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let candidate = value["candidate"].as_str().ok_or("no \"candidate\" string")?.to_owned();
    let references: Vec<String> = match (&value["reference"], &value["references"]) {
        (Value::String(one), _) => vec![one.clone()],
        (_, Value::Array(many)) => many.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => return Err("no \"reference\" string or \"references\" array".to_owned()),
    };
    if references.is_empty() {
        return Err("no reference".to_owned());
    }
    Ok((candidate, references))
}
