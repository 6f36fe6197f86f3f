//! Helpers: the shipped example as API articles, a small in-memory story store behind the
//! `Stories` boundary (each ingest call is one story), and a server on a free loopback port.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;
use newsbrief::{AnalyzedArticle, Brief, Pipeline};
use newsbrief_server::{ArticleInput, Config, Ingested, StoreError, Stories, StorySummary};

/// The folder of the shipped example story.
pub(crate) fn example_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/reset")
}

/// The example's five reports, in file order, as text.
pub(crate) fn example_texts() -> Vec<String> {
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(example_dir()).unwrap().map(|entry| entry.unwrap().path()).collect();
    paths.sort();
    paths.iter().map(|path| std::fs::read_to_string(path).unwrap()).collect()
}

/// The example's five reports as API articles.
pub(crate) fn example_articles() -> Vec<ArticleInput> {
    example_texts().into_iter().map(|text| ArticleInput { text: Some(text), ..ArticleInput::default() }).collect()
}

/// A test store: every `ingest` call makes one story of its articles.
#[derive(Default)]
pub(crate) struct MemoryStories {
    stories: Mutex<Vec<Vec<AnalyzedArticle>>>,
}

impl Stories for MemoryStories {
    fn ingest(&self, articles: Vec<AnalyzedArticle>) -> Result<Vec<Ingested>, StoreError> {
        let mut stories = self.stories.lock().unwrap();
        let story = format!("story-{}", stories.len() + 1);
        let ingested =
            articles.iter().map(|a| Ingested { id: a.id.clone(), story: story.clone(), new_story: true }).collect();
        stories.push(articles);
        Ok(ingested)
    }

    fn list(&self) -> Result<Vec<StorySummary>, StoreError> {
        let stories = self.stories.lock().unwrap();
        Ok(stories
            .iter()
            .enumerate()
            .map(|(i, articles)| StorySummary {
                id: format!("story-{}", i + 1),
                title: articles.iter().find_map(|a| a.meta.title.clone()),
                articles: articles.len(),
                first: None,
                last: None,
            })
            .collect())
    }

    fn brief(&self, id: &str, since: Option<NaiveDate>, pipeline: &Pipeline) -> Result<Option<Brief>, StoreError> {
        let stories = self.stories.lock().unwrap();
        let Some(index) = id.strip_prefix("story-").and_then(|n| n.parse::<usize>().ok()) else {
            return Ok(None);
        };
        let Some(articles) = index.checked_sub(1).and_then(|i| stories.get(i)) else {
            return Ok(None);
        };
        let chosen: Vec<AnalyzedArticle> = articles
            .iter()
            .filter(|a| since.is_none_or(|day| a.meta.published.is_some_and(|p| p >= day)))
            .cloned()
            .collect();
        Ok(Some(pipeline.brief_analyzed(&chosen)))
    }
}

/// Starts a server with `config` and `stories` on a free loopback port, in a thread of its own
/// that lives as long as the test process; returns its address.
pub(crate) fn start(config: Config, stories: Arc<dyn Stories>) -> SocketAddr {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let config = Config { addr: SocketAddr::from(([127, 0, 0, 1], 0)), ..config };
        newsbrief_server::run_with(&config, stories, |addr| sender.send(addr).unwrap()).unwrap();
    });
    receiver.recv_timeout(std::time::Duration::from_secs(30)).expect("the server starts")
}
