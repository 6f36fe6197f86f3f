//! `newsbrief stories`: list the stories of a store, as a table or as JSON
//! (`[{"id", "title", "first", "last", "articles": [ids], "outlets"}]`).

use std::path::Path;

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
    /// The store: an `SQLite` file or a `PostgreSQL` URL (`postgres://user@host:port/db`).
    #[arg(long, default_value = "newsbrief.db", value_name = "FILE|URL")]
    db: String,
    /// Only stories with an article published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: StoriesFormat,
}

/// Opens an existing store: a missing `SQLite` file is an error, not a new store (a `PostgreSQL`
/// database gets the store's tables, empty, if it has none).
pub(crate) fn open_existing(db: &str) -> Result<Store> {
    if !story_store::is_postgres_url(db) && !Path::new(db).exists() {
        bail!("{db}: no store there (run `newsbrief ingest --db {db}` first)");
    }
    open(db)
}

/// Opens (or creates) the store `--db` names: an `SQLite` file or a `PostgreSQL` URL.
pub(crate) fn open(db: &str) -> Result<Store> {
    story_store::open(db).with_context(|| format!("{}: cannot open the store", shown(db)))
}

/// The store's name as messages show it: a URL without its password.
pub(crate) fn shown(db: &str) -> String {
    let Some((scheme, rest)) = db.split_once("://") else { return db.to_owned() };
    let authority = rest.split(['/', '?']).next().unwrap_or_default();
    match authority.rsplit_once('@') {
        Some((user, host)) if user.contains(':') => {
            let name = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{name}:***@{host}{}", &rest[authority.len()..])
        }
        _ => db.to_owned(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_is_shown_without_its_password() {
        assert_eq!(shown("postgres://news:s3cret@db.example:5432/news"), "postgres://news:***@db.example:5432/news");
        assert_eq!(
            shown("postgresql://news@127.0.0.1/news?sslmode=disable"),
            "postgresql://news@127.0.0.1/news?sslmode=disable"
        );
        assert_eq!(shown("news.db"), "news.db");
    }
}
