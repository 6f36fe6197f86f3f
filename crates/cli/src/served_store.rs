//! The story store behind the server's [`Stories`] boundary: `newsbrief serve --db FILE` hands
//! the server a [`ServedStore`], which ingests, lists and briefs through `story_store::Store`.
//!
//! The store takes one writer at a time (`Store::add` needs `&mut`), so it sits behind a mutex;
//! requests reach it on the server's blocking pool, never on the async threads.

use std::sync::{Mutex, MutexGuard};

use chrono::NaiveDate;
use newsbrief::{AnalyzedArticle, Brief, Pipeline};
use newsbrief_server::{Ingested, StoreError, Stories, StorySummary};
use story_store::{Outcome, Store};

/// A story store shared by the server's request handlers.
#[derive(Debug)]
pub(crate) struct ServedStore {
    store: Mutex<Store>,
}

impl ServedStore {
    /// Serves `store`.
    pub(crate) fn new(store: Store) -> Self {
        Self { store: Mutex::new(store) }
    }

    fn lock(&self) -> MutexGuard<'_, Store> {
        // A handler that panicked while holding the lock left no partial write behind: a batch
        // is one transaction, rolled back unless committed.
        self.store.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

fn failed(err: &story_store::Error) -> StoreError {
    StoreError::Failed(err.to_string())
}

impl Stories for ServedStore {
    fn ingest(&self, articles: Vec<AnalyzedArticle>) -> Result<Vec<Ingested>, StoreError> {
        let mut store = self.lock();
        let outcomes = store.add(&articles).map_err(|err| failed(&err))?;
        let mut ingested = Vec::with_capacity(articles.len());
        for (article, outcome) in articles.iter().zip(outcomes) {
            let (story, new_story) = match outcome {
                Outcome::Added { story, created } => (story, created),
                Outcome::Duplicate => match store.story_of(&article.id).map_err(|err| failed(&err))? {
                    Some(story) => (story, false),
                    // Given twice in one request: the first copy's story.
                    None => continue,
                },
            };
            ingested.push(Ingested { id: article.id.clone(), story: story.to_string(), new_story });
        }
        Ok(ingested)
    }

    fn list(&self) -> Result<Vec<StorySummary>, StoreError> {
        let stories = self.lock().stories(None).map_err(|err| failed(&err))?;
        Ok(stories
            .into_iter()
            .map(|story| StorySummary {
                id: story.id.to_string(),
                title: story.title,
                articles: story.articles.len(),
                first: story.first.map(|day| day.to_string()),
                last: story.last.map(|day| day.to_string()),
            })
            .collect())
    }

    fn brief(&self, id: &str, since: Option<NaiveDate>, pipeline: &Pipeline) -> Result<Option<Brief>, StoreError> {
        let Ok(story) = id.parse::<u64>() else {
            return Ok(None);
        };
        // Read under the lock, brief outside it: briefs of several stories are made at once.
        let articles = match self.lock().story_articles(story) {
            Ok(articles) => articles,
            Err(story_store::Error::NoSuchStory(_)) => return Ok(None),
            Err(err) => return Err(failed(&err)),
        };
        // Nothing published since that day: an update brief with nothing new.
        Ok(Some(
            crate::commands::brief::story_brief(pipeline, articles, since)
                .unwrap_or_else(|| pipeline.brief_analyzed(&[])),
        ))
    }
}
