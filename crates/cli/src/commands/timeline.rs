//! `newsbrief timeline`: the most important dated events of a story over its whole life
//! (timeline summarization), as at most `--dates` days of at most `--sentences` sentences.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::ValueEnum;
use newsbrief::{Pipeline, StoryTimeline, TimelineOptions};

use crate::commands::brief::read_analyzed;
use crate::output::write_output;

/// Arguments of `newsbrief timeline`.
#[derive(Debug, clap::Args)]
pub(crate) struct TimelineArgs {
    /// Files, folders (read recursively, in sorted order) or `-` for standard input, in any
    /// format `brief` reads (JSON lines with `"published"` give each report its day).
    #[arg(required_unless_present = "story", conflicts_with = "story", value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Summarize a story of the store (`newsbrief stories` lists them) instead of files.
    #[arg(long, value_name = "ID")]
    story: Option<u64>,
    /// The store, with `--story`: an `SQLite` file or a `PostgreSQL` URL.
    #[arg(long, default_value = "newsbrief.db", value_name = "FILE|URL")]
    db: String,
    /// At most this many days.
    #[arg(long, default_value_t = 10)]
    dates: usize,
    /// At most this many sentences a day.
    #[arg(long, default_value_t = 2)]
    sentences: usize,
    /// No day before this one (`YYYY-MM-DD`).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
    start: Option<NaiveDate>,
    /// No day after this one (`YYYY-MM-DD`).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
    end: Option<NaiveDate>,
    /// `md`: a heading a day and a line a sentence with its report; `json`:
    /// `{"timeline": [{"date", "sentences": [{"text", "source", "start", "end"}]}], "sources": [..]}`.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Md)]
    format: TimelineFormat,
    /// Print, instead of the timeline, a JSON line per day named within the window with the
    /// evidence its rank comes from (what `scripts/tls_fit_days.py` fits the date ranker on).
    #[arg(long)]
    days: bool,
    /// Write the timeline to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Fail on any bad input instead of reading the good ones.
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TimelineFormat {
    /// Markdown.
    Md,
    /// JSON, every sentence with its report and byte span.
    Json,
}

/// Parses a day given as `YYYY-MM-DD`.
fn day(text: &str) -> Result<NaiveDate, String> {
    text.parse().map_err(|_| format!("expected a day as YYYY-MM-DD, not {text:?}"))
}

/// Runs `newsbrief timeline`.
pub(crate) fn run(args: &TimelineArgs) -> Result<()> {
    if let (Some(start), Some(end)) = (args.start, args.end) {
        if start > end {
            bail!("--start {start} is after --end {end}");
        }
    }
    // The timeline reads sentences, their terms and dates: no names or quotations.
    let pipeline = Pipeline::builder().analysis(false).build()?;
    let articles = match args.story {
        Some(story) => crate::commands::stories::open_existing(&args.db)?
            .story_articles(story)
            .with_context(|| format!("{}: cannot read story {story}", crate::commands::stories::shown(&args.db)))?,
        None => read_analyzed(&pipeline, &args.paths, args.strict, true)?,
    };
    let options = TimelineOptions { dates: args.dates, sentences: args.sentences, start: args.start, end: args.end };
    if args.days {
        let evidence = newsbrief::timeline_day_evidence(&articles, &options);
        return write_output(args.output.as_deref(), |out| {
            for day in &evidence {
                serde_json::to_writer(&mut *out, day).context("cannot write the evidence")?;
                writeln!(out)?;
            }
            Ok(())
        });
    }
    let timeline = newsbrief::summarize_timeline(&articles, &options);
    write_output(args.output.as_deref(), |out| match args.format {
        TimelineFormat::Json => {
            serde_json::to_writer(&mut *out, &timeline).context("cannot write the timeline")?;
            writeln!(out)?;
            Ok(())
        }
        TimelineFormat::Md => markdown(&timeline, out),
    })
}

/// The timeline in Markdown: a heading a day, a line a sentence, each marked with its report
/// (the id its input gave, else its stable id).
fn markdown(timeline: &StoryTimeline, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "# Timeline")?;
    for day in &timeline.timeline {
        writeln!(out, "\n## {}\n", day.date)?;
        for sentence in &day.sentences {
            let source = timeline.sources.iter().find(|s| s.id == sentence.source);
            let name = source.and_then(|s| s.given_id.as_deref()).unwrap_or(&sentence.source);
            writeln!(out, "- {} [{}]", newsbrief::one_line(&sentence.text), name)?;
        }
    }
    Ok(())
}
