//! `newsbrief eval`: summarize every cluster of a dataset and score the summaries against the
//! human references with stemmed ROUGE, in parallel, results in input order.
//!
//! Scoring follows the peers' convention (`shared/tools/peers.py`): the candidate is the summary
//! with one sentence per line; ROUGE-1/2/L/SU4 take the reference as it is, ROUGE-Lsum takes it
//! split into sentences (by newsbrief's splitter), one per line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressDrawTarget};
use newsbrief::{prepare, Algorithm, Metadata, Pipeline, RawArticle, RawBody};
use rayon::prelude::*;
use rouge::{Scorer, Scores};
use serde_json::{json, Value};

use crate::output::{read_to_string, write_output};
use crate::scores_json;

/// Arguments of `newsbrief eval`.
// Command-line switches are booleans by nature.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, clap::Args)]
pub(crate) struct EvalArgs {
    /// JSON lines `{"id", "documents": [str], "summary": str}` (or `"summaries": [str]`);
    /// documents may write line breaks as `NEWLINE_CHAR`.
    #[arg(value_name = "DATASET.jsonl")]
    path: PathBuf,
    /// The summary's word budget.
    #[arg(long, default_value_t = 300, value_parser = crate::positive)]
    words: usize,
    /// The summarizer (see `newsbrief brief --help`).
    #[arg(long, default_value = "default", value_parser = crate::algorithm())]
    algorithm: Algorithm,
    /// `table` for people, `json` for one JSON object with the mean scores.
    #[arg(long, value_enum, default_value_t = EvalFormat::Table)]
    format: EvalFormat,
    /// Fill the budget and cut the last sentence to exactly `--words` words, as benchmark papers do.
    #[arg(long)]
    truncate: bool,
    /// Write each cluster's summary to `DIR/<id>.txt`, one sentence per line.
    #[arg(long, value_name = "DIR")]
    save: Option<PathBuf>,
    /// With several references, take for each measure the one with the best F1 (default: mean).
    #[arg(long)]
    max: bool,
    /// Score without Porter stemming.
    #[arg(long)]
    no_stem: bool,
    /// Exit with 0 even when bad lines were skipped.
    #[arg(long)]
    skip_bad: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum EvalFormat {
    /// A table of precision, recall and F1 per measure, with speed.
    Table,
    /// One JSON object.
    Json,
}

/// One cluster of the dataset.
struct Cluster {
    id: String,
    documents: Vec<String>,
    references: Vec<String>,
}

/// Runs `newsbrief eval`.
pub(crate) fn run(args: &EvalArgs) -> Result<()> {
    let started = Instant::now();
    let name = args.path.display().to_string();
    let text = read_to_string(&args.path)?;
    let mut clusters = Vec::new();
    let mut bad = 0;
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match parse_cluster(line, index + 1) {
            Ok(cluster) => clusters.push(cluster),
            Err(message) => {
                eprintln!("newsbrief: error: {name}:{}: {message}", index + 1);
                bad += 1;
            }
        }
    }
    let pipeline = Pipeline::builder()
        .words(args.words)
        .fill_budget(args.truncate)
        .algorithm(args.algorithm)
        .analysis(false)
        .build()?;
    let scorer = Scorer::new(!args.no_stem);
    let progress = ProgressBar::with_draw_target(Some(clusters.len() as u64), ProgressDrawTarget::stderr());
    let results: Vec<(Vec<String>, Scores)> = clusters
        .par_iter()
        .map(|cluster| {
            let lines = summarize(&pipeline, cluster, args.words, args.truncate);
            let scores = score(scorer, &lines.join("\n"), &cluster.references, args.max);
            progress.inc(1);
            (lines, scores)
        })
        .collect();
    progress.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();

    if let Some(dir) = &args.save {
        save(dir, &clusters, &results)?;
    }
    let mean = Scores::mean(&results.iter().map(|(_, s)| *s).collect::<Vec<_>>());
    let input_bytes: usize = clusters.iter().flat_map(|c| &c.documents).map(String::len).sum();
    write_output(None, |out| match args.format {
        EvalFormat::Json => {
            let mut object = scores_json::scores(&mean);
            object.insert("clusters".to_owned(), json!(clusters.len()));
            object.insert("words".to_owned(), json!(args.words));
            object.insert("seconds".to_owned(), json!(seconds));
            writeln!(out, "{}", Value::Object(object))?;
            Ok(())
        }
        EvalFormat::Table => write_table(out, args, clusters.len(), &mean, seconds, input_bytes),
    })?;
    if bad > 0 && !args.skip_bad {
        bail!("{name}: {bad} bad line(s) skipped");
    }
    Ok(())
}

fn parse_cluster(line: &str, line_number: usize) -> Result<Cluster, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let id = match &value["id"] {
        Value::String(id) => id.clone(),
        Value::Number(id) => id.to_string(),
        _ => format!("line{line_number}"),
    };
    let strings = |v: &Value| -> Vec<String> {
        v.as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_owned).collect()
    };
    let documents: Vec<String> = strings(&value["documents"])
        .into_iter()
        .map(|d| d.replace("NEWLINE_CHAR", "\n"))
        .filter(|d| !d.trim().is_empty())
        .collect();
    let mut references = strings(&value["summaries"]);
    if let Some(summary) = value["summary"].as_str() {
        references.insert(0, summary.to_owned());
    }
    references.retain(|r| !r.trim().is_empty());
    if documents.is_empty() {
        return Err(format!("cluster {id} has no documents"));
    }
    if references.is_empty() {
        return Err(format!("cluster {id} has no reference summary"));
    }
    Ok(Cluster { id, documents, references })
}

/// The cluster's summary, one sentence a line, cut to `words` words when `truncate` is set.
fn summarize(pipeline: &Pipeline, cluster: &Cluster, words: usize, truncate: bool) -> Vec<String> {
    let articles: Vec<_> = cluster
        .documents
        .iter()
        .enumerate()
        .filter_map(|(i, document)| {
            let raw = RawArticle {
                input: format!("{}#{}", cluster.id, i + 1),
                given_id: None,
                body: RawBody::Text(document.clone()),
                given: Metadata::default(),
            };
            prepare(raw).ok()
        })
        .collect();
    let brief = pipeline.brief(&articles);
    let lines: Vec<String> = brief.summary.iter().map(|s| newsbrief::one_line(&s.text)).collect();
    if truncate {
        cut_to_words(lines, words)
    } else {
        lines
    }
}

/// Keeps the first `words` words of the lines, cutting the line where the budget ends.
fn cut_to_words(lines: Vec<String>, words: usize) -> Vec<String> {
    let mut kept = Vec::new();
    let mut used = 0;
    for line in lines {
        let count = line.split_whitespace().count();
        if used + count > words {
            if words > used {
                kept.push(line.split_whitespace().take(words - used).collect::<Vec<_>>().join(" "));
            }
            break;
        }
        used += count;
        kept.push(line);
    }
    kept
}

fn score(scorer: Scorer, candidate: &str, references: &[String], max: bool) -> Scores {
    let per_reference: Vec<Scores> = references
        .iter()
        .map(|reference| {
            // The reference one sentence a line: ROUGE-Lsum needs the lines, and the other
            // measures see the same tokens (tokens never span whitespace).
            let sentences: Vec<&str> =
                newsbrief::split_sentences(reference).iter().map(|s| s.text(reference)).collect();
            scorer.score(candidate, &sentences.join("\n"))
        })
        .collect();
    if max {
        Scores::best(&per_reference)
    } else {
        Scores::mean(&per_reference)
    }
}

fn save(dir: &Path, clusters: &[Cluster], results: &[(Vec<String>, Scores)]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create the folder", dir.display()))?;
    for (cluster, (lines, _)) in clusters.iter().zip(results) {
        let file_name: String =
            cluster.id.chars().map(|c| if c.is_alphanumeric() || "-_.".contains(c) { c } else { '_' }).collect();
        let path = dir.join(format!("{file_name}.txt"));
        let mut text = lines.join("\n");
        text.push('\n');
        std::fs::write(&path, text).with_context(|| format!("{}: cannot write the summary", path.display()))?;
    }
    Ok(())
}

fn write_table(
    out: &mut dyn Write,
    args: &EvalArgs,
    clusters: usize,
    mean: &Scores,
    seconds: f64,
    input_bytes: usize,
) -> Result<()> {
    let cut = if args.truncate { ", cut to exactly that" } else { "" };
    let stem = if args.no_stem { "unstemmed" } else { "stemmed" };
    writeln!(
        out,
        "{clusters} clusters, algorithm {}, {} words{cut}, {stem} ROUGE (scores in %)",
        args.algorithm, args.words
    )?;
    writeln!(out, "| measure | precision | recall | F1 |")?;
    writeln!(out, "| --- | ---: | ---: | ---: |")?;
    for (name, score) in scores_json::named(mean) {
        writeln!(
            out,
            "| {name} | {:.2} | {:.2} | {:.2} |",
            100.0 * score.precision,
            100.0 * score.recall,
            100.0 * score.fmeasure
        )?;
    }
    let per_second = clusters as f64 / seconds.max(f64::EPSILON);
    let mib_per_second = input_bytes as f64 / (1024.0 * 1024.0) / seconds.max(f64::EPSILON);
    writeln!(out, "{seconds:.2} s, {per_second:.1} clusters/s, {mib_per_second:.2} MiB of input text/s")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_to_exactly_the_budget() {
        let lines = vec!["one two three".to_owned(), "four five six".to_owned()];
        assert_eq!(cut_to_words(lines.clone(), 4), ["one two three", "four"]);
        assert_eq!(cut_to_words(lines.clone(), 3), ["one two three"]);
        assert_eq!(cut_to_words(lines, 10), ["one two three", "four five six"]);
    }

    #[test]
    fn parses_clusters_and_reports_what_is_missing() {
        let cluster =
            parse_cluster(r#"{"id": 7, "documents": ["a NEWLINE_CHAR b", " "], "summaries": ["x", "y"]}"#, 1).unwrap();
        assert_eq!((cluster.id.as_str(), cluster.documents.len(), cluster.references.len()), ("7", 1, 2));
        assert_eq!(cluster.documents[0], "a \n b");
        assert_eq!(
            parse_cluster(r#"{"documents": [], "summary": "x"}"#, 3).err().unwrap(),
            "cluster line3 has no documents"
        );
        assert!(parse_cluster(r#"{"documents": ["a"]}"#, 1).err().unwrap().contains("no reference"));
        assert!(parse_cluster("{", 1).err().unwrap().starts_with("invalid JSON"));
    }
}
