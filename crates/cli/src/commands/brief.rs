//! `newsbrief brief`: read the reports, brief them, render the brief.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::ValueEnum;
use newsbrief::{Json, Markdown, Pipeline, Renderer, Severity};

use crate::input;
use crate::output::{report, write_output};

/// Arguments of `newsbrief brief`.
#[derive(Debug, clap::Args)]
pub(crate) struct BriefArgs {
    /// Files, folders (read recursively, in sorted order) or `-` for standard input. Plain text,
    /// HTML, JSON lines (`text` or `html`, optional `title`, `url`, `published`, `outlet`,
    /// `byline`) or Multi-News (`|||||` between articles).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The summary's word budget; no sentence is cut to fit.
    #[arg(long, default_value_t = newsbrief::DEFAULT_WORDS, value_parser = crate::positive)]
    words: usize,
    /// The summarizer: `default` (newsbrief's own), or for comparison `lead`, `centroid`
    /// (Radev et al. 2004), `lexrank` (Erkan & Radev 2004), `textrank` (Mihalcea & Tarau 2004),
    /// `mmr` (Carbonell & Goldstein 1998) or `coverage` (Lin & Bilmes 2011).
    #[arg(long, default_value = "default", value_parser = crate::algorithm())]
    algorithm: newsbrief::Algorithm,
    /// Output format.
    #[arg(long, value_enum, default_value_t = BriefFormat::Md)]
    format: BriefFormat,
    /// Write the brief to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Fail on any bad input instead of briefing the good ones.
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum BriefFormat {
    /// Markdown, readable in a terminal.
    Md,
    /// JSON, with byte spans of every summary sentence.
    Json,
}

/// Runs `newsbrief brief`.
pub(crate) fn run(args: &BriefArgs) -> Result<()> {
    let pipeline = Pipeline::builder().words(args.words).algorithm(args.algorithm).build()?;
    let (inputs, mut diagnostics) = input::gather(&args.paths)?;
    let mut articles = Vec::new();
    for input in &inputs {
        let (read, problems) = pipeline.read(&input.name, &input.bytes);
        articles.extend(read);
        diagnostics.extend(problems);
    }
    report(&diagnostics);
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    if args.strict && errors > 0 {
        bail!("{errors} bad input(s), and --strict is set");
    }
    if articles.is_empty() {
        bail!("no article could be read from the input");
    }
    let brief = pipeline.brief(&articles);
    let renderer: &dyn Renderer = match args.format {
        BriefFormat::Md => &Markdown,
        BriefFormat::Json => &Json,
    };
    write_output(args.output.as_deref(), |out| Ok(renderer.render(&brief, out)?))
}
