//! `newsbrief stories`: list the stories of a store, as a table or as JSON
//! (`[{"id", "title", "first", "last", "articles": [ids], "outlets"}]`).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use story_store::{Store, StorySummary};

use crate::output::write_output;

/// How `newsbrief stories` prints the stories.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum StoriesFormat {
    /// One line a story: id, first and last day, articles, outlets, title.
    Table,
    /// A JSON array of `{"id", "title", "first", "last", "articles", "outlets"}`.
    Json,
}

/// Arguments of `newsbrief stories`.
#[derive(Debug, clap::Args)]
pub(crate) struct StoriesArgs {
    /// The store's database file.
    #[arg(long, default_value = "newsbrief.db", value_name = "FILE")]
    db: PathBuf,
    /// Only stories with an article published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: StoriesFormat,
}

/// Opens an existing store (a missing file is an error, not a new store).
pub(crate) fn open_existing(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!("{}: no store there (run `newsbrief ingest --db {}` first)", db.display(), db.display());
    }
    Store::open(db).with_context(|| format!("{}: cannot open the store", db.display()))
}

/// Runs `newsbrief stories`.
pub(crate) fn run(args: &StoriesArgs) -> Result<()> {
    let store = open_existing(&args.db)?;
    let stories = store.stories(args.since).context("cannot read the stories")?;
    write_output(None, |out| match args.format {
        StoriesFormat::Json => {
            serde_json::to_writer(&mut *out, &stories)?;
            writeln!(out)?;
            Ok(())
        }
        StoriesFormat::Table => table(&stories, out),
    })
}

fn table(stories: &[StorySummary], out: &mut dyn std::io::Write) -> Result<()> {
    let day = |d: Option<NaiveDate>| d.map_or_else(|| "-".to_owned(), |d| d.format("%Y-%m-%d").to_string());
    writeln!(out, "{:>6}  {:<10}  {:<10}  {:>8}  {:>7}  title", "id", "first", "last", "articles", "outlets")?;
    for story in stories {
        writeln!(
            out,
            "{:>6}  {:<10}  {:<10}  {:>8}  {:>7}  {}",
            story.id,
            day(story.first),
            day(story.last),
            story.articles.len(),
            story.outlets,
            story.title.as_deref().unwrap_or("-")
        )?;
    }
    Ok(())
}
