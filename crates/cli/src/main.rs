//! The `newsbrief` command: brief a pile of news reports, or split text into sentences.
//!
//! Exit codes: 0 on success, 1 on bad input, 2 on bad usage.

mod input;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::builder::TypedValueParser as _;
use clap::{Parser, Subcommand, ValueEnum};
use newsbrief::{Diagnostic, Json, Markdown, Pipeline, Renderer, Severity};

/// Read several news reports of one story and write one sourced brief.
#[derive(Debug, Parser)]
#[command(name = "newsbrief", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Brief the reports: a summary with each sentence's source, and a table of the sources.
    Brief(BriefArgs),
    /// Split text into sentences, one per line (as pySBD does).
    Sentences(SentencesArgs),
}

#[derive(Debug, clap::Args)]
struct BriefArgs {
    /// Files, folders (read recursively, in sorted order) or `-` for standard input. Plain text,
    /// HTML, JSON lines (`text` or `html`, optional `title`, `url`, `published`, `outlet`,
    /// `byline`) or Multi-News (`|||||` between articles).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The summary's word budget; no sentence is cut to fit.
    #[arg(long, default_value_t = newsbrief::DEFAULT_WORDS, value_parser = clap::value_parser!(u32).range(1..).map(|n| n as usize))]
    words: usize,
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

#[derive(Debug, clap::Args)]
struct SentencesArgs {
    /// A text file, or `-` for standard input.
    #[arg(default_value = "-", value_name = "PATH")]
    path: PathBuf,
    /// `text`: one sentence per line, line breaks inside a sentence printed as spaces;
    /// `json`: an array of `{"text", "start", "end"}` with byte offsets into the decoded input.
    #[arg(long, value_enum, default_value_t = SentencesFormat::Text)]
    format: SentencesFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SentencesFormat {
    /// One sentence per line.
    Text,
    /// A JSON array with byte spans.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Brief(args) => brief(&args),
        Command::Sentences(args) => sentences(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("newsbrief: error: {err:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| cause.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe))
}

fn brief(args: &BriefArgs) -> Result<()> {
    let pipeline = Pipeline::builder().words(args.words).build()?;
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
    write_output(args.output.as_ref(), |out| Ok(renderer.render(&brief, out)?))
}

fn sentences(args: &SentencesArgs) -> Result<()> {
    let (inputs, diagnostics) = input::gather(std::slice::from_ref(&args.path))?;
    report(&diagnostics);
    let Some(input) = inputs.first() else { bail!("{}: cannot be read", args.path.display()) };
    let (text, warning) =
        newsbrief::read_text(&input.name, &input.bytes).map_err(|d| anyhow::anyhow!("{}: {}", d.input, d.message))?;
    report(warning.as_slice());
    let spans = newsbrief::split_sentences(&text);
    write_output(None, |out| {
        match args.format {
            SentencesFormat::Text => {
                for span in &spans {
                    writeln!(out, "{}", span.text(&text).split_whitespace().collect::<Vec<_>>().join(" "))?;
                }
            }
            SentencesFormat::Json => {
                let items: Vec<serde_json::Value> = spans
                    .iter()
                    .map(|s| serde_json::json!({"text": s.text(&text), "start": s.start, "end": s.end}))
                    .collect();
                serde_json::to_writer_pretty(&mut *out, &items)?;
                writeln!(out)?;
            }
        }
        Ok(())
    })
}

fn report(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("newsbrief: {diagnostic}");
    }
}

/// Runs `write` on a buffered writer to `path`, or to standard output, and flushes it.
fn write_output(path: Option<&PathBuf>, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    if let Some(path) = path {
        let file = File::create(path).with_context(|| format!("{}: cannot create the output file", path.display()))?;
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        out.flush().with_context(|| format!("{}: cannot write the output file", path.display()))?;
    } else {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        write(&mut out)?;
        out.flush()?;
    }
    Ok(())
}
