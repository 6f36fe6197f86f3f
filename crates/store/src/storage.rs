//! The storage trait: what the store needs from a database, in the store's own terms, so that
//! `SQLite` (the default, [`crate::SqliteStorage`]) and `PostgreSQL` ([`crate::PgStorage`], shared
//! by several processes) can stand behind it.
//!
//! The [`Store`](crate::Store) calls a [`Storage`] for reads, and opens one write
//! [`Transaction`] per batch of articles. A transaction must be exclusive among writers (a
//! second writer waits until the first commits), and what it writes must become visible all at
//! once, on [`Transaction::commit`], or not at all. Every change is tagged with a batch sequence
//! number, so that a writer can catch up with what other writers committed since it last looked
//! ([`Transaction::changes_since`]) instead of reloading everything.

use chrono::NaiveDate;
use newsbrief::Metadata;

use crate::cluster::{StoryId, StoryProfile};
use crate::error::Result;

/// An article's stored content, the same in the store and in a shared stream's queue: its
/// identity, where it was read from, its cleaned text and metadata (enough to analyse it again),
/// and its encoded analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    /// The stable id (SHA-256 of the cleaned text, 16 hex digits).
    pub id: String,
    /// The id the input gave it, if any.
    pub given_id: Option<String>,
    /// The input it was read from.
    pub input: String,
    /// The cleaned text.
    pub text: String,
    /// What is known about the report.
    pub meta: Metadata,
    /// The analysis format version the encoded analysis was made with.
    pub analysis_version: u32,
    /// The encoded analysis (see [`crate::codec`]).
    pub analysis: Vec<u8>,
}

/// One article as stored: its content, its place in the store's ingest order and its story.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleRecord {
    /// Its place in the store's ingest order (1 for the first article stored).
    pub position: u64,
    /// The story it belongs to.
    pub story: StoryId,
    /// What is stored of it.
    pub article: StoredArticle,
}

/// One story as stored: the clusterer's profile and a title for listings.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryRecord {
    /// What the clusterer keeps of it (id, days, article count, centroids).
    pub profile: StoryProfile,
    /// A title: the headline of its first titled article, else the opening of its first article.
    pub title: Option<String>,
}

/// A story as listed: id, title, days, articles (by the ids their inputs gave, else their stored
/// ids, in ingest order) and the number of distinct outlets.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StorySummary {
    /// The story's id.
    pub id: StoryId,
    /// Its title.
    pub title: Option<String>,
    /// The earliest publication day of its articles.
    pub first: Option<NaiveDate>,
    /// The latest publication day of its articles.
    pub last: Option<NaiveDate>,
    /// Its articles' ids.
    pub articles: Vec<String>,
    /// The number of distinct outlets among its articles.
    pub outlets: usize,
}

/// A worker's share of a stream that several ingest workers read at once, each queuing the
/// articles of its shard (see [`crate::Store::add_shared`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Share {
    /// The stream, by a key all its workers agree on.
    pub stream: u64,
    /// This worker's shard (0-based).
    pub shard: u64,
    /// The number of shards.
    pub shards: u64,
}

/// The place a shard records when it has read its whole stream: past every article.
pub const STREAM_END: u64 = i64::MAX as u64;

/// An analysed article of a shared stream, waiting in the queue at its place in the stream until
/// every shard has passed that place.
#[derive(Debug, Clone, PartialEq)]
pub struct QueuedArticle {
    /// Its place in the stream (0 for the first article read).
    pub place: u64,
    /// What is stored of it.
    pub article: StoredArticle,
}

/// What other writers changed since a batch sequence number.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    /// The last batch sequence number committed.
    pub sequence: u64,
    /// The number of articles stored.
    pub articles: u64,
    /// Stories written after the given sequence number, as they are now.
    pub stories: Vec<StoryProfile>,
    /// Term document frequencies changed after it, as they are now.
    pub terms: Vec<(u64, u32)>,
    /// Name-word document frequencies changed after it, as they are now.
    pub names: Vec<(u64, u32)>,
}

/// Which document-frequency table a count belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountKind {
    /// Content terms.
    Terms,
    /// Name words.
    Names,
}

/// A database that keeps a store. Reads see the last committed state.
pub trait Storage: Send {
    /// Starts the write transaction of one batch, waiting for any other writer to finish.
    ///
    /// # Errors
    ///
    /// When the database cannot be written, or another writer holds it past the busy timeout.
    fn begin(&mut self) -> Result<Box<dyn Transaction + '_>>;

    /// The stories whose latest day is `since` or later (all stories, dated or not, when
    /// `None`), by id.
    ///
    /// # Errors
    ///
    /// When the database cannot be read.
    fn stories(&self, since: Option<NaiveDate>) -> Result<Vec<StorySummary>>;

    /// The articles of a story, in ingest order.
    ///
    /// # Errors
    ///
    /// When the database cannot be read.
    fn story_articles(&self, story: StoryId) -> Result<Vec<ArticleRecord>>;

    /// The story of the stored article with this id, if there is one.
    ///
    /// # Errors
    ///
    /// When the database cannot be read.
    fn story_of(&self, article: &str) -> Result<Option<StoryId>>;

    /// The number of articles stored.
    ///
    /// # Errors
    ///
    /// When the database cannot be read.
    fn article_count(&self) -> Result<u64>;
}

/// One write transaction: reads inside it see its own writes; nothing is visible to others
/// before [`Transaction::commit`], and dropping it without committing rolls it back.
pub trait Transaction {
    /// What was committed after batch `sequence` (everything for 0).
    ///
    /// # Errors
    ///
    /// When the database cannot be read or holds undecodable state.
    fn changes_since(&mut self, sequence: u64) -> Result<Changes>;

    /// Whether an article with this id is stored.
    ///
    /// # Errors
    ///
    /// When the database cannot be read.
    fn has_article(&mut self, id: &str) -> Result<bool>;

    /// Stores a new article.
    ///
    /// # Errors
    ///
    /// When the database cannot be written (or already holds the id).
    fn insert_article(&mut self, article: &ArticleRecord) -> Result<()>;

    /// Stores a story, new or changed, tagged with batch `sequence`. A new story's title is set;
    /// a stored story keeps its title.
    ///
    /// # Errors
    ///
    /// When the database cannot be written.
    fn put_story(&mut self, story: &StoryRecord, sequence: u64) -> Result<()>;

    /// Adds to document frequencies, tagged with batch `sequence`.
    ///
    /// # Errors
    ///
    /// When the database cannot be written.
    fn add_counts(&mut self, kind: CountKind, counts: &[(u64, u32)], sequence: u64) -> Result<()>;

    /// Queues articles of a shared stream at their places; a place already queued keeps what it
    /// holds (a restarted worker reads its stream again).
    ///
    /// # Errors
    ///
    /// When the database cannot be written.
    fn enqueue(&mut self, stream: u64, articles: &[QueuedArticle]) -> Result<()>;

    /// Records that the share's worker has queued every article of its shard before place
    /// `passed` (a recorded place never moves back).
    ///
    /// # Errors
    ///
    /// When the database cannot be written.
    fn pass(&mut self, share: Share, passed: u64) -> Result<()>;

    /// The place every shard of the share's stream has passed: the least recorded, 0 while a
    /// shard has recorded none.
    ///
    /// # Errors
    ///
    /// When the database cannot be read.
    fn passed_by_all(&mut self, share: Share) -> Result<u64>;

    /// Takes out of the queue the stream's articles before place `before`, in stream order.
    ///
    /// # Errors
    ///
    /// When the database cannot be read or written.
    fn dequeue(&mut self, stream: u64, before: u64) -> Result<Vec<QueuedArticle>>;

    /// The number of the stream's articles still queued.
    ///
    /// # Errors
    ///
    /// When the database cannot be read.
    fn queued(&mut self, stream: u64) -> Result<u64>;

    /// Makes the batch's writes visible and durable, recording `sequence` as the last batch and
    /// `articles` as the number of articles stored.
    ///
    /// # Errors
    ///
    /// When the commit fails; nothing of the batch is then stored.
    fn commit(self: Box<Self>, sequence: u64, articles: u64) -> Result<()>;
}
