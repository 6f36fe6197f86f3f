//! The boundary to a story store: what the server asks of one ([`Stories`]), and [`NoStore`],
//! which answers every call with [`StoreError::Unavailable`] (503 `{"error": "no store"}`).

use chrono::NaiveDate;
use newsbrief::{AnalyzedArticle, Brief, Pipeline};
use serde::{Deserialize, Serialize};

/// Why a store could not answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The server runs without a store.
    #[error("no store")]
    Unavailable,
    /// The store failed (a damaged file, a full disk); the message is shown to the client.
    #[error("store error: {0}")]
    Failed(String),
}

/// Where an ingested article went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ingested {
    /// The article's id (see `newsbrief::article_id`).
    pub id: String,
    /// The id of the story it joined.
    pub story: String,
    /// True when the article started a new story.
    pub new_story: bool,
}

/// One story of the store, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorySummary {
    /// The story's id, as `GET /api/stories/{id}` takes it.
    pub id: String,
    /// A headline naming it, if any.
    pub title: Option<String>,
    /// How many articles it holds.
    pub articles: usize,
    /// The day of its first and last article, `YYYY-MM-DD`.
    pub first: Option<String>,
    /// See `first`.
    pub last: Option<String>,
}

/// What the server needs of a story store. Methods block (they run on the blocking pool); an
/// implementation shares itself between threads.
pub trait Stories: Send + Sync + 'static {
    /// Adds analysed articles to the store and says which story each joined.
    ///
    /// # Errors
    ///
    /// [`StoreError`] when there is no store or it fails.
    fn ingest(&self, articles: Vec<AnalyzedArticle>) -> Result<Vec<Ingested>, StoreError>;

    /// The stories of the store, most recent first.
    ///
    /// # Errors
    ///
    /// As [`Stories::ingest`].
    fn list(&self) -> Result<Vec<StorySummary>, StoreError>;

    /// The brief of story `id` made by `pipeline`; with `since`, an update brief of what its
    /// articles published on or after that day add. `None` when there is no such story.
    ///
    /// # Errors
    ///
    /// As [`Stories::ingest`].
    fn brief(&self, id: &str, since: Option<NaiveDate>, pipeline: &Pipeline) -> Result<Option<Brief>, StoreError>;
}

/// No store: every call is [`StoreError::Unavailable`].
#[derive(Debug, Clone, Copy, Default)]
pub struct NoStore;

impl Stories for NoStore {
    fn ingest(&self, _: Vec<AnalyzedArticle>) -> Result<Vec<Ingested>, StoreError> {
        Err(StoreError::Unavailable)
    }

    fn list(&self) -> Result<Vec<StorySummary>, StoreError> {
        Err(StoreError::Unavailable)
    }

    fn brief(&self, _: &str, _: Option<NaiveDate>, _: &Pipeline) -> Result<Option<Brief>, StoreError> {
        Err(StoreError::Unavailable)
    }
}
