//! How the storages write the store's values into SQL columns, shared by `SQLite` and
//! `PostgreSQL`: ids and sequence numbers as signed 64-bit integers with the same bits, days as
//! `YYYY-MM-DD` text, the document-frequency table as a number, an article's metadata as JSON
//! text and its analysis format version as a number.

use chrono::NaiveDate;
use newsbrief::Metadata;

use crate::cluster::day_of;
use crate::error::{Error, Result};
use crate::storage::{CountKind, StoredArticle};

/// The columns of a [`StoredArticle`], in the order [`ArticleColumns`] reads them, as the
/// `articles` and `queue` tables both name them.
pub(crate) const ARTICLE_COLUMNS: &str = "id, given_id, input, text, meta, analysis_version, analysis";

/// A stored article's columns as read from a row (in [`ARTICLE_COLUMNS`] order), its metadata
/// not yet parsed.
pub(crate) struct ArticleColumns {
    pub(crate) id: String,
    pub(crate) given_id: Option<String>,
    pub(crate) input: String,
    pub(crate) text: String,
    pub(crate) meta: String,
    pub(crate) analysis_version: i64,
    pub(crate) analysis: Vec<u8>,
}

impl ArticleColumns {
    /// The article these columns hold; `kind` names where it was read in the error of bad
    /// metadata ("article", "queued article").
    pub(crate) fn into_article(self, kind: &str) -> Result<StoredArticle> {
        let meta = metadata(&self.meta, &format!("{kind} {}", self.id))?;
        Ok(StoredArticle {
            id: self.id,
            given_id: self.given_id,
            input: self.input,
            text: self.text,
            meta,
            analysis_version: analysis_version(self.analysis_version),
            analysis: self.analysis,
        })
    }
}

/// An article's metadata read back from its JSON column; `what` names the article in the error
/// ("article ID", "queued article ID").
fn metadata(json: &str, what: &str) -> Result<Metadata> {
    serde_json::from_str(json).map_err(|err| Error::Damaged(format!("{what}: bad metadata: {err}")))
}

/// An analysis format version read back from its column (out of range: one no code writes, so
/// that the article is analysed again).
fn analysis_version(column: i64) -> u32 {
    u32::try_from(column).unwrap_or(u32::MAX)
}

/// The unsigned 64-bit number with the same bits (ids and sequence numbers are stored as SQL's
/// signed integers).
#[allow(clippy::cast_sign_loss)]
pub(crate) fn unsigned(value: i64) -> u64 {
    value as u64
}

/// The signed 64-bit number with the same bits as `value`.
#[allow(clippy::cast_possible_wrap)]
pub(crate) fn signed(value: u64) -> i64 {
    value as i64
}

/// A day number as `YYYY-MM-DD`.
pub(crate) fn day_text(day: Option<i32>) -> Option<String> {
    day.and_then(day_of).map(|d| d.format("%Y-%m-%d").to_string())
}

/// A `YYYY-MM-DD` column read back as a day.
pub(crate) fn parse_day(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| t.parse().ok())
}

/// The number a document-frequency table is stored under.
pub(crate) fn kind_number(kind: CountKind) -> i64 {
    match kind {
        CountKind::Terms => 0,
        CountKind::Names => 1,
    }
}
