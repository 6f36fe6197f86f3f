//! `newsbrief brief`: read the reports, brief them, render the brief.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use newsbrief::{AnalyzedArticle, OutputFormat, Pipeline, Severity};
use rayon::iter::{IntoParallelIterator, ParallelIterator};

use crate::input;
use crate::output::{report, write_output};

/// Arguments of `newsbrief brief`.
#[derive(Debug, clap::Args)]
pub(crate) struct BriefArgs {
    /// Files, folders (read recursively, in sorted order) or `-` for standard input. Plain text,
    /// HTML, JSON lines (`text` or `html`, optional `title`, `url`, `published`, `outlet`,
    /// `byline`) or Multi-News (`|||||` between articles).
    #[arg(required_unless_present = "story", conflicts_with = "story", value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Brief a story of the store (`newsbrief stories` lists them) instead of files.
    #[arg(long, value_name = "ID")]
    story: Option<u64>,
    /// With `--story`: an update brief of what is new since this day (YYYY-MM-DD): the story's
    /// articles published before it are known, the others new (undated articles count as known).
    #[arg(long, value_name = "DATE", requires = "story")]
    since: Option<chrono::NaiveDate>,
    /// The store, with `--story`: an `SQLite` file or a `PostgreSQL` URL
    /// (`postgres://user@host:port/db`).
    #[arg(long, default_value = "newsbrief.db", value_name = "FILE|URL")]
    db: String,
    /// The summary's word budget; no sentence is cut to fit.
    #[arg(long, default_value_t = newsbrief::DEFAULT_WORDS, value_parser = crate::positive)]
    words: usize,
    /// The summarizer: `default` (newsbrief's own), or for comparison `lead`, `centroid`
    /// (Radev et al. 2004), `lexrank` (Erkan & Radev 2004), `textrank` (Mihalcea & Tarau 2004),
    /// `mmr` (Carbonell & Goldstein 1998) or `coverage` (Lin & Bilmes 2011).
    #[arg(long, default_value = "default", value_parser = crate::algorithm())]
    algorithm: newsbrief::Algorithm,
    /// Output format: `md` (Markdown), `json` (every excerpt with its source and byte span) or
    /// `html` (one self-contained page).
    #[arg(long, default_value = "md", value_parser = crate::output_format())]
    format: OutputFormat,
    /// Write the brief to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Fail on any bad input instead of briefing the good ones.
    #[arg(long)]
    strict: bool,
    /// Reports already known (files, folders or `-`, read like PATH): the brief becomes an
    /// update, telling only what is new in PATH since them.
    #[arg(long, num_args = 1.., conflicts_with = "story", value_name = "OLD")]
    known: Vec<PathBuf>,
}

/// Runs `newsbrief brief`.
pub(crate) fn run(args: &BriefArgs) -> Result<()> {
    let pipeline = Pipeline::builder().words(args.words).algorithm(args.algorithm).build()?;
    if let Some(story) = args.story {
        return brief_story(args, &pipeline, story);
    }
    let articles = read_analyzed(&pipeline, &args.paths, args.strict, true)?;
    let brief = if args.known.is_empty() {
        pipeline.brief_analyzed(&articles)
    } else {
        // Nothing known yet (an empty file) makes an update of everything. What the known
        // reports told is read from their sentences and dates: no names or quotations needed.
        let summary_only = Pipeline::builder().analysis(false).build()?;
        let known = read_analyzed(&summary_only, &args.known, args.strict, false)?;
        pipeline.brief_update(&articles, &known)
    };
    write_output(args.output.as_deref(), |out| Ok(newsbrief::render(&brief, args.format, out)?))
}

/// Briefs a story of the store: all its articles, or with `--since` what is new since that day.
fn brief_story(args: &BriefArgs, pipeline: &Pipeline, story: u64) -> Result<()> {
    let store = crate::commands::stories::open_existing(&args.db)?;
    let articles = store
        .story_articles(story)
        .with_context(|| format!("{}: cannot read story {story}", crate::commands::stories::shown(&args.db)))?;
    let Some(brief) = story_brief(pipeline, articles, args.since) else {
        bail!("story {story} has no article published on or after {}", args.since.unwrap_or_default());
    };
    write_output(args.output.as_deref(), |out| Ok(newsbrief::render(&brief, args.format, out)?))
}

/// The brief of a story's articles: all of them, or with `since` an update brief of those
/// published on or after that day (an article without a day counts as known). `None` when
/// nothing was published since then.
pub(crate) fn story_brief(
    pipeline: &Pipeline,
    articles: Vec<newsbrief::AnalyzedArticle>,
    since: Option<chrono::NaiveDate>,
) -> Option<newsbrief::Brief> {
    let Some(since) = since else {
        return Some(pipeline.brief_analyzed(&articles));
    };
    let (known, new): (Vec<_>, Vec<_>) =
        articles.into_iter().partition(|a| a.meta.published.is_none_or(|day| day < since));
    (!new.is_empty()).then(|| pipeline.brief_update(&new, &known))
}

/// The least text (bytes of cleaned text, all reports together) analysed on several threads.
const PARALLEL_FROM_BYTES: usize = 256 * 1024;

/// Reads every input of `paths` into articles analysed by `pipeline` (on all cores when there
/// are [`PARALLEL_FROM_BYTES`] of text or more, in input order), reporting problems on standard
/// error.
///
/// # Errors
///
/// When a path does not exist, when no article can be read and one is `required`, or with
/// `strict` on any bad input.
pub(crate) fn read_analyzed(
    pipeline: &Pipeline,
    paths: &[PathBuf],
    strict: bool,
    required: bool,
) -> Result<Vec<AnalyzedArticle>> {
    let (inputs, mut diagnostics) = input::gather(paths)?;
    let mut read = Vec::new();
    for input in &inputs {
        let (articles, problems) = pipeline.read(&input.name, &input.bytes);
        read.extend(articles);
        diagnostics.extend(problems);
    }
    // Threads pay for their start only on a pile of some size: on a few reports one thread does
    // the same work in about the same time, with less CPU.
    let text_bytes: usize = read.iter().map(|article| article.text.len()).sum();
    let articles: Vec<AnalyzedArticle> = if text_bytes >= PARALLEL_FROM_BYTES {
        read.into_par_iter().map(|article| pipeline.analyze(article)).collect()
    } else {
        read.into_iter().map(|article| pipeline.analyze(article)).collect()
    };
    diagnostics.extend(duplicates(&articles));
    report(&diagnostics);
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    if strict && errors > 0 {
        bail!("{errors} bad input(s), and --strict is set");
    }
    if required && articles.is_empty() {
        bail!("no article could be read from the input");
    }
    Ok(articles)
}

/// A warning for every article whose text repeats an earlier one's: it is briefed once.
fn duplicates(articles: &[AnalyzedArticle]) -> Vec<newsbrief::Diagnostic> {
    let mut first: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    articles
        .iter()
        .filter_map(|article| {
            let earlier = *first.entry(&article.id).or_insert(&article.input);
            (earlier != article.input).then(|| {
                newsbrief::Diagnostic::warning(&article.input, format!("the same text as {earlier}: briefed once"))
            })
        })
        .collect()
}
