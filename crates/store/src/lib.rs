//! story-store: a store of analysed news articles grouped into stories as they arrive.
//!
//! Articles come in as [`newsbrief::AnalyzedArticle`]s; [`Store::add`] keeps each once (by its
//! stable id), assigns it to a story with the online [`cluster::Clusterer`] and commits the batch
//! in one transaction of a [`Storage`] (`SQLite` by default, [`SqliteStorage`]; or `PostgreSQL`,
//! [`PgStorage`], shared by several workers and servers: [`open`] picks one by its argument). Stories are listed
//! with [`Store::stories`], and a story's articles read back, ready to brief, with
//! [`Store::story_articles`].
//!
//! ```
//! use story_store::{Outcome, Store, SqliteStorage, cluster::Params};
//!
//! let mut store = Store::new(Box::new(SqliteStorage::in_memory().unwrap()), Params::default());
//! let pipeline = newsbrief::Pipeline::default();
//! let text = "A magnitude 6.1 earthquake struck the island of Varnholm on Sunday, killing ten people.";
//! let (articles, _) = pipeline.read("a.txt", text.as_bytes());
//! let analyzed: Vec<_> = articles.into_iter().map(|a| pipeline.analyze(a)).collect();
//! let outcomes = store.add(&analyzed).unwrap();
//! assert!(matches!(outcomes[0], Outcome::Added { created: true, .. }));
//! // The same article again is kept once.
//! assert_eq!(store.add(&analyzed).unwrap(), vec![Outcome::Duplicate]);
//! let stories = store.stories(None).unwrap();
//! assert_eq!(stories.len(), 1);
//! assert_eq!(store.story_articles(stories[0].id).unwrap()[0].text, text);
//! ```

pub mod cluster;
pub mod codec;
mod columns;
mod error;
mod pg;
mod sqlite;
mod storage;
mod store;
#[cfg(any(test, feature = "test-support"))]
pub mod testing;

pub use error::{Error, Result};
pub use pg::{is_postgres_url, PgStorage};
pub use sqlite::{SqliteStorage, SCHEMA_VERSION};
pub use storage::{
    ArticleRecord, Changes, CountKind, QueuedArticle, Share, Storage, StoredArticle, StoryRecord, StorySummary,
    Transaction, STREAM_END,
};
pub use store::{open, Outcome, SharedBatch, Store};
