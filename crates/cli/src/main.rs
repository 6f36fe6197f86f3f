//! The `newsbrief` command: brief a pile of news reports, split text into sentences, score
//! summaries with ROUGE, evaluate the summarizer on datasets, and keep a store of stories.
//!
//! Exit codes: 0 on success, 1 on bad input, 2 on bad usage.

mod commands;
mod input;
mod output;
mod scores_json;

use std::io;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
    Brief(commands::brief::BriefArgs),
    /// Split text into sentences, one per line (as pySBD does).
    Sentences(commands::sentences::SentencesArgs),
    /// Score candidate summaries against references with ROUGE, as rouge-score does.
    Score(commands::score::ScoreArgs),
    /// Summarize every cluster of a dataset and score the summaries with ROUGE.
    Eval(commands::eval::EvalArgs),
    /// Extract the article body and metadata of web pages.
    Extract(commands::extract::ExtractArgs),
    /// Find temporal expressions and resolve them against the text's creation date.
    Dates(commands::dates::DatesArgs),
    /// Render a saved JSON brief again, as Markdown, JSON or HTML.
    Render(commands::render::RenderArgs),
    /// Find the direct quotations of an article and who says them.
    Quotes(commands::quotes::QuotesArgs),
    /// Serve the HTTP API and the web app.
    Serve(commands::serve::ServeArgs),
    /// Find the named entities of a text: people, organisations, places and other names.
    Entities(commands::entities::EntitiesArgs),
    /// Add articles to a store, where each joins a story or starts one.
    Ingest(commands::ingest::IngestArgs),
    /// List the stories of a store.
    Stories(commands::stories::StoriesArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Brief(args) => commands::brief::run(&args),
        Command::Sentences(args) => commands::sentences::run(&args),
        Command::Score(args) => commands::score::run(&args),
        Command::Eval(args) => commands::eval::run(&args),
        Command::Extract(args) => commands::extract::run(&args),
        Command::Dates(args) => commands::dates::run(&args),
        Command::Render(args) => commands::render::run(&args),
        Command::Quotes(args) => commands::quotes::run(&args),
        Command::Serve(args) => commands::serve::run(&args),
        Command::Entities(args) => commands::entities::run(&args),
        Command::Ingest(args) => commands::ingest::run(&args),
        Command::Stories(args) => commands::stories::run(&args),
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

/// Parses an algorithm name, listing the names in `--help`.
fn algorithm() -> impl clap::builder::TypedValueParser<Value = newsbrief::Algorithm> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(newsbrief::Algorithm::ALL.map(newsbrief::Algorithm::name))
        .try_map(|name| name.parse::<newsbrief::Algorithm>())
}

/// Parses an output format name, listing the names in `--help`.
fn output_format() -> impl clap::builder::TypedValueParser<Value = newsbrief::OutputFormat> {
    use clap::builder::TypedValueParser as _;
    clap::builder::PossibleValuesParser::new(newsbrief::OutputFormat::ALL.map(newsbrief::OutputFormat::name))
        .try_map(|name| name.parse::<newsbrief::OutputFormat>())
}

/// Parses a whole number of at least 1 (a word budget).
fn positive(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(0) => Err("must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(err) => Err(err.to_string()),
    }
}
