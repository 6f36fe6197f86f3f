//! The store: analysed articles kept with the stories they were clustered into. Adding a batch
//! is one write transaction: catch up with what other writers committed, drop articles already
//! stored, cluster the rest in order, write the articles, the stories they changed and the
//! document-frequency increments, commit.

use std::path::Path;

use newsbrief::{analyze, AnalyzedArticle, Article, Depth, ANALYSIS_VERSION};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::cluster::{ArticleFeatures, Clusterer, Params, StoryId};
use crate::codec::{decode_analysis, encode_analysis};
use crate::error::{Error, Result};
use crate::pg::{is_postgres_url, PgStorage};
use crate::sqlite::SqliteStorage;
use crate::storage::{
    ArticleRecord, CountKind, QueuedArticle, Share, Storage, StoredArticle, StoryRecord, StorySummary, Transaction,
};

/// Opens (or creates) the store named by `db`, with the default clustering settings: a
/// `PostgreSQL` database when `db` is a `postgres://` or `postgresql://` URL
/// ([`PgStorage::connect`]), else the `SQLite` file at that path ([`SqliteStorage::open`]).
///
/// # Errors
///
/// As [`PgStorage::connect`] or [`SqliteStorage::open`].
pub fn open(db: &str) -> Result<Store> {
    let storage: Box<dyn Storage> = if is_postgres_url(db) {
        Box::new(PgStorage::connect(db)?)
    } else {
        Box::new(SqliteStorage::open(Path::new(db))?)
    };
    Ok(Store::new(storage, Params::default()))
}

/// What became of one article of a batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Stored, in a story it started (`created`) or joined.
    Added {
        /// The story.
        story: StoryId,
        /// Whether the article started it.
        created: bool,
    },
    /// Already stored (the same cleaned text), or given twice in the batch: kept once.
    Duplicate,
}

/// What one batch of a shared stream did (see [`Store::add_shared`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SharedBatch {
    /// What became of the articles clustered in its transaction, of any shard, in stream order.
    pub clustered: Vec<Outcome>,
    /// The stream's articles still queued after it, waiting for a shard to pass their place.
    pub waiting: u64,
    /// The place every shard of the stream has passed.
    pub passed_by_all: u64,
}

/// A store of articles and stories behind a [`Storage`].
pub struct Store {
    storage: Box<dyn Storage>,
    params: Params,
    clusterer: Clusterer,
    /// The batch sequence number the clusterer reflects.
    synced: u64,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("synced", &self.synced)
            .field("stories", &self.clusterer.stories())
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (or creates) the `SQLite` store at `path`, with the default clustering settings.
    ///
    /// # Errors
    ///
    /// As [`SqliteStorage::open`].
    pub fn open(path: &Path) -> Result<Self> {
        Ok(Self::new(Box::new(SqliteStorage::open(path)?), Params::default()))
    }

    /// A store behind any storage, clustering with `params`. The clustering state is loaded
    /// from the storage on the first [`Store::add`].
    pub fn new(storage: Box<dyn Storage>, params: Params) -> Self {
        Self { storage, params, clusterer: Clusterer::new(params), synced: 0 }
    }

    /// Adds a batch of analysed articles, in order, in one transaction: each new article joins
    /// a story or starts one; an article already stored, or given earlier in the batch, is a
    /// duplicate. Returns what became of each article; when this returns, the batch is durable.
    ///
    /// # Errors
    ///
    /// When the storage fails; nothing of the batch is then stored.
    pub fn add(&mut self, articles: &[AnalyzedArticle]) -> Result<Vec<Outcome>> {
        let result = self.add_batch(articles);
        self.forget_on_error(result)
    }

    /// Passes `result` on; after a failed batch, the clusterer may hold changes the storage
    /// rolled back, so it is emptied, to be reloaded whole with the next batch.
    fn forget_on_error<T>(&mut self, result: Result<T>) -> Result<T> {
        if result.is_err() {
            self.clusterer = Clusterer::new(self.params);
            self.synced = 0;
        }
        result
    }

    fn add_batch(&mut self, articles: &[AnalyzedArticle]) -> Result<Vec<Outcome>> {
        let Self { storage, clusterer, synced, .. } = self;
        let mut tx = storage.begin()?;
        let sequence = catch_up(clusterer, *synced, tx.as_mut())?;
        let outcomes = cluster_batch(clusterer, tx.as_mut(), articles, sequence)?;
        tx.commit(sequence, clusterer.articles())?;
        *synced = sequence;
        Ok(outcomes)
    }

    /// Adds a batch of one worker's share of a stream that several workers read at once, so
    /// that the stories come out as one worker would make them of the whole stream, whatever
    /// the order in which the workers' batches reach the store.
    ///
    /// In one transaction: the batch's articles are queued at their places in the stream
    /// (`articles` pairs each with its place, counting every article of the stream from 0, of
    /// all shards), the share records that it has passed place `passed` (every article of its
    /// shard before it is now queued; [`crate::STREAM_END`] when its input is read to the end), and the
    /// queued articles before the place every shard has passed are clustered, in stream order.
    /// Articles waiting for a slower shard stay queued, durably: that shard's next batch, or
    /// its worker run again after a crash, clusters them.
    ///
    /// # Errors
    ///
    /// When the storage fails; nothing of the batch is then stored.
    pub fn add_shared(
        &mut self,
        share: Share,
        articles: &[(u64, AnalyzedArticle)],
        passed: u64,
    ) -> Result<SharedBatch> {
        let result = self.add_shared_batch(share, articles, passed);
        self.forget_on_error(result)
    }

    fn add_shared_batch(
        &mut self,
        share: Share,
        articles: &[(u64, AnalyzedArticle)],
        passed: u64,
    ) -> Result<SharedBatch> {
        let Self { storage, clusterer, synced, .. } = self;
        let mut tx = storage.begin()?;
        let sequence = catch_up(clusterer, *synced, tx.as_mut())?;
        let queued: Vec<QueuedArticle> =
            articles.iter().map(|(place, article)| QueuedArticle { place: *place, article: stored(article) }).collect();
        tx.enqueue(share.stream, &queued)?;
        tx.pass(share, passed)?;
        let passed_by_all = tx.passed_by_all(share)?;
        let ready: Vec<AnalyzedArticle> =
            tx.dequeue(share.stream, passed_by_all)?.into_iter().map(|q| analysis_of(q.article)).collect();
        let clustered = cluster_batch(clusterer, tx.as_mut(), &ready, sequence)?;
        let waiting = tx.queued(share.stream)?;
        tx.commit(sequence, clusterer.articles())?;
        *synced = sequence;
        Ok(SharedBatch { clustered, waiting, passed_by_all })
    }

    /// The stories active since `since` (their latest day on or after it), or all stories.
    ///
    /// # Errors
    ///
    /// When the storage cannot be read.
    pub fn stories(&self, since: Option<chrono::NaiveDate>) -> Result<Vec<StorySummary>> {
        self.storage.stories(since)
    }

    /// The analysed articles of a story, in ingest order. An article whose stored analysis has
    /// another format version (or cannot be decoded) is analysed again from its stored text.
    ///
    /// # Errors
    ///
    /// [`Error::NoSuchStory`] for an unknown story; when the storage cannot be read.
    pub fn story_articles(&self, story: StoryId) -> Result<Vec<AnalyzedArticle>> {
        let records = self.storage.story_articles(story)?;
        if records.is_empty() {
            return Err(Error::NoSuchStory(story));
        }
        Ok(records.into_iter().map(|r| analysis_of(r.article)).collect())
    }

    /// The story of the stored article with this id (see `newsbrief::article_id`), if any.
    ///
    /// # Errors
    ///
    /// When the storage cannot be read.
    pub fn story_of(&self, article: &str) -> Result<Option<StoryId>> {
        self.storage.story_of(article)
    }

    /// The number of articles stored.
    ///
    /// # Errors
    ///
    /// When the storage cannot be read.
    pub fn article_count(&self) -> Result<u64> {
        self.storage.article_count()
    }
}

/// Brings the clusterer up to what other writers committed after batch `synced`; returns the
/// sequence number of the batch about to be written.
fn catch_up(clusterer: &mut Clusterer, synced: u64, tx: &mut dyn Transaction) -> Result<u64> {
    let changes = tx.changes_since(synced)?;
    clusterer.restore_counts(changes.articles, &changes.terms, &changes.names);
    for profile in changes.stories {
        clusterer.restore_story(profile);
    }
    Ok(changes.sequence + 1)
}

/// Clusters the articles, in order, and writes them, the stories they changed and the
/// document-frequency increments into the transaction of batch `sequence`: each new article
/// joins a story or starts one; an article already stored, or given earlier in the batch, is a
/// duplicate.
fn cluster_batch(
    clusterer: &mut Clusterer,
    tx: &mut dyn Transaction,
    articles: &[AnalyzedArticle],
    sequence: u64,
) -> Result<Vec<Outcome>> {
    let mut outcomes = Vec::with_capacity(articles.len());
    let mut records = Vec::new();
    let mut titles: FxHashMap<StoryId, Option<String>> = FxHashMap::default();
    let mut changed: Vec<StoryId> = Vec::new();
    let mut term_counts: FxHashMap<u64, u32> = FxHashMap::default();
    let mut name_counts: FxHashMap<u64, u32> = FxHashMap::default();
    let mut in_batch: FxHashSet<&str> = FxHashSet::default();
    for article in articles {
        if !in_batch.insert(&article.id) || tx.has_article(&article.id)? {
            outcomes.push(Outcome::Duplicate);
            continue;
        }
        let features = ArticleFeatures::of(article);
        let assignment = clusterer.assign(&features);
        for &(term, _) in &features.terms {
            *term_counts.entry(term).or_default() += 1;
        }
        for &(name, _) in &features.names {
            *name_counts.entry(name).or_default() += 1;
        }
        if assignment.created {
            titles.insert(assignment.story, story_title(article));
        }
        changed.push(assignment.story);
        records.push(ArticleRecord {
            position: clusterer.articles(),
            story: assignment.story,
            article: stored(article),
        });
        outcomes.push(Outcome::Added { story: assignment.story, created: assignment.created });
    }
    changed.sort_unstable();
    changed.dedup();
    for id in changed {
        let profile = clusterer.story(id).expect("a story just assigned to").clone();
        let title = titles.remove(&id).flatten();
        tx.put_story(&StoryRecord { profile, title }, sequence)?;
    }
    tx.add_counts(CountKind::Terms, &sorted(term_counts), sequence)?;
    tx.add_counts(CountKind::Names, &sorted(name_counts), sequence)?;
    for record in &records {
        tx.insert_article(record)?;
    }
    Ok(outcomes)
}

/// What is stored of an analysed article.
fn stored(article: &AnalyzedArticle) -> StoredArticle {
    StoredArticle {
        id: article.id.clone(),
        given_id: article.given_id.clone(),
        input: article.input.clone(),
        text: article.text.clone(),
        meta: article.meta.clone(),
        analysis_version: article.version,
        analysis: encode_analysis(article),
    }
}

/// The analysis of a stored article: decoded when it has the current format, made again from
/// the stored text and metadata otherwise.
fn analysis_of(stored: StoredArticle) -> AnalyzedArticle {
    if stored.analysis_version == ANALYSIS_VERSION {
        if let Ok(article) = decode_analysis(&stored.analysis, stored.text.clone()) {
            return article;
        }
    }
    let article = Article { input: stored.input, given_id: stored.given_id, text: stored.text, meta: stored.meta };
    analyze(article, Depth::Full)
}

/// A new story's title: its first article's headline, else that article's opening sentence
/// (at most about 100 characters).
fn story_title(article: &AnalyzedArticle) -> Option<String> {
    if let Some(title) = &article.meta.title {
        return Some(newsbrief::one_line(title));
    }
    let first = article.sentences.first()?.text(&article.text);
    let line = newsbrief::one_line(first);
    if line.chars().count() <= 100 {
        return Some(line);
    }
    let cut: String = line.chars().take(100).collect();
    let at_word = cut.rfind(' ').map_or(cut.as_str(), |at| &cut[..at]);
    Some(format!("{at_word}…"))
}

fn sorted(counts: FxHashMap<u64, u32>) -> Vec<(u64, u32)> {
    let mut list: Vec<(u64, u32)> = counts.into_iter().collect();
    list.sort_unstable();
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::TestDb;

    /// Short invented reports of three stories, in stream order.
    const REPORTS: &[(&str, &str)] = &[
        ("q1", "A magnitude 6.4 earthquake struck the mountain town of Velmora on Sunday, killing twelve people and destroying hundreds of homes, officials in Velmora said."),
        ("t1", "The Ardent Rovers beat the Calder Kings 3-1 in the cup final at Harrow Park, with striker Tomas Ilgen scoring twice for the Rovers."),
        ("q2", "Rescuers in Velmora pulled survivors from collapsed homes after Sunday's earthquake; the death toll rose to fifteen as aftershocks shook the town."),
        ("e1", "Voters in the province of Ostrava Lenne elected governor Mira Castell on Tuesday after a campaign dominated by taxes and schools."),
        ("t2", "Tomas Ilgen's two goals gave the Ardent Rovers the cup at Harrow Park; the Calder Kings' coach blamed the defence for the final's result."),
        ("q3", "Aid reached Velmora on Tuesday, two days after the earthquake that killed fifteen people, as the government promised to rebuild the destroyed homes."),
        ("e2", "Governor-elect Mira Castell thanked voters in Ostrava Lenne and promised lower taxes and new schools after Tuesday's election win."),
    ];

    fn analyzed(id: &str, text: &str) -> AnalyzedArticle {
        let article = Article {
            input: format!("{id}.txt"),
            given_id: Some(id.to_owned()),
            text: text.into(),
            meta: newsbrief::Metadata::default(),
        };
        analyze(article, Depth::Full)
    }

    fn all() -> Vec<AnalyzedArticle> {
        REPORTS.iter().map(|(id, text)| analyzed(id, text)).collect()
    }

    fn memory_store() -> Store {
        Store::new(Box::new(SqliteStorage::in_memory().unwrap()), Params::default())
    }

    /// The stories as sets of given ids, in a canonical order.
    fn grouping(store: &Store) -> Vec<Vec<String>> {
        let mut groups: Vec<Vec<String>> = store.stories(None).unwrap().into_iter().map(|s| s.articles).collect();
        groups.sort();
        groups
    }

    #[test]
    fn stories_group_the_reports_of_one_event_and_duplicates_are_kept_once() {
        for db in TestDb::all("stories_group_the_reports_of_one_event") {
            let mut store = db.store();
            let outcomes = store.add(&all()).unwrap();
            assert!(outcomes.iter().all(|o| matches!(o, Outcome::Added { .. })), "{}: {outcomes:?}", db.kind);
            assert_eq!(
                grouping(&store),
                vec![
                    vec!["e1".to_owned(), "e2".into()],
                    vec!["q1".into(), "q2".into(), "q3".into()],
                    vec!["t1".into(), "t2".into()]
                ],
                "{}",
                db.kind
            );
            let again = store.add(&all()[..2]).unwrap();
            assert_eq!(again, vec![Outcome::Duplicate, Outcome::Duplicate], "{}", db.kind);
            let twice = vec![analyzed("x", "A new report about nothing else at all, written twice."); 2];
            let outcomes = store.add(&twice).unwrap();
            assert!(matches!(outcomes[0], Outcome::Added { created: true, .. }), "{}", db.kind);
            assert_eq!(outcomes[1], Outcome::Duplicate, "{}", db.kind);
            assert_eq!(store.article_count().unwrap(), 8, "{}", db.kind);
            db.check();
        }
    }

    #[test]
    fn clustering_resumes_exactly_after_reopening_and_alongside_another_writer() {
        let articles = all();
        let mut single = memory_store();
        let expected: Vec<Outcome> =
            articles.iter().flat_map(|a| single.add(std::slice::from_ref(a)).unwrap()).collect();
        for db in TestDb::all("clustering_resumes_exactly") {
            // Two batches with the store closed and opened in between.
            let mut first = db.store();
            let mut outcomes = first.add(&articles[..3]).unwrap();
            drop(first);
            let mut reopened = db.store();
            outcomes.extend(reopened.add(&articles[3..5]).unwrap());
            // Another writer on the same store adds the rest; the first catches up from the storage.
            let mut other = db.store();
            outcomes.extend(other.add(&articles[5..6]).unwrap());
            outcomes.extend(reopened.add(&articles[6..]).unwrap());
            assert_eq!(outcomes, expected, "{}", db.kind);
            assert_eq!(grouping(&reopened), grouping(&single), "{}", db.kind);
            assert_eq!(grouping(&other), grouping(&single), "{}", db.kind);
        }
    }

    #[test]
    fn an_analysis_of_another_version_is_made_again_from_the_stored_text() {
        for db in TestDb::all("an_analysis_of_another_version") {
            let mut store = db.store();
            let mut old = analyzed("q1", REPORTS[0].1);
            let current = old.clone();
            old.version = ANALYSIS_VERSION + 7;
            old.sentences.clear();
            store.add(&[old]).unwrap();
            let story = store.stories(None).unwrap()[0].id;
            assert_eq!(store.story_articles(story).unwrap(), vec![current.clone()], "{}", db.kind);
            assert!(matches!(store.story_articles(story + 1), Err(Error::NoSuchStory(_))), "{}", db.kind);
            assert_eq!(store.story_of(&current.id).unwrap(), Some(story), "{}", db.kind);
            assert_eq!(store.story_of("0000000000000000").unwrap(), None, "{}", db.kind);
        }
    }

    /// `n` invented reports of four made-up events, from `first` on: each in words of its own.
    fn stream(first: usize, n: usize) -> Vec<AnalyzedArticle> {
        const EVENTS: &[&str] = &[
            "Floodwaters rose along the Merrow river in the town of Castlebrook, and engineers opened the sluices of the Halden dam",
            "The Orvane Motors strike at the Pellham plant entered another day as union leader Dara Quill rejected the wage offer",
            "Astronomers at the Kettering observatory tracked the comet Vesh-7 as it passed close to the planet Jupiter",
            "The Lowmark city council voted on the new tram line to Eastfield despite protests by shop owners on Ferris Street",
        ];
        (first..first + n)
            .map(|i| {
                let text = format!(
                    "{}, report number {i} said. A witness, number {i}, described the scene in detail.",
                    EVENTS[i % EVENTS.len()]
                );
                analyzed(&format!("a{i}"), &text)
            })
            .collect()
    }

    /// Each article's given id with the number of times the stories list it, and the set of
    /// events (id modulo 4) of each story.
    fn listing(store: &Store) -> (FxHashMap<String, usize>, Vec<FxHashSet<usize>>) {
        let mut ids: FxHashMap<String, usize> = FxHashMap::default();
        let mut events = Vec::new();
        for story in store.stories(None).unwrap() {
            for id in &story.articles {
                *ids.entry(id.clone()).or_default() += 1;
            }
            events.push(story.articles.iter().map(|id| id[1..].parse::<usize>().unwrap() % 4).collect());
        }
        (ids, events)
    }

    #[test]
    fn several_writers_at_once_store_each_article_once_in_one_story_per_event() {
        let articles = stream(0, 120);
        // One writer alone makes one story per event: so must several.
        let mut single = memory_store();
        single.add(&articles).unwrap();
        assert_eq!(listing(&single).1.len(), 4);
        for db in TestDb::all("several_writers_at_once") {
            let writers = 4;
            let start = std::sync::Barrier::new(writers);
            std::thread::scope(|scope| {
                for w in 0..writers {
                    let (db, start, articles) = (&db, &start, &articles);
                    scope.spawn(move || {
                        let mut store = db.store();
                        // Writer w takes every article whose number modulo 4 is w or w + 1:
                        // each article is given to two writers.
                        let mine: Vec<AnalyzedArticle> = articles
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| matches!((i + 4 - w) % 4, 0 | 1))
                            .map(|(_, a)| a.clone())
                            .collect();
                        start.wait();
                        for batch in mine.chunks(5) {
                            store.add(batch).unwrap();
                        }
                    });
                }
            });
            let store = db.store();
            let (ids, events) = listing(&store);
            assert_eq!(ids.len(), articles.len(), "{}: an article is lost", db.kind);
            assert!(ids.values().all(|&n| n == 1), "{}: an article is stored twice", db.kind);
            assert_eq!(store.article_count().unwrap(), 120, "{}", db.kind);
            assert!(events.iter().all(|e| e.len() == 1), "{}: a story mixes events: {events:?}", db.kind);
            assert_eq!(events.len(), 4, "{}: an event is split: {events:?}", db.kind);
            db.check();
        }
    }

    #[test]
    fn two_writers_seeing_a_storys_first_two_articles_at_once_make_one_story() {
        for db in TestDb::all("two_writers_first_two_articles") {
            let articles = stream(0, 8);
            let mut stores = [db.store(), db.store()];
            for round in 0..4 {
                // The first two reports of an event, one to each writer at once.
                let pair = [&articles[round], &articles[round + 4]];
                let start = std::sync::Barrier::new(2);
                std::thread::scope(|scope| {
                    for (store, article) in stores.iter_mut().zip(pair) {
                        let start = &start;
                        scope.spawn(move || {
                            start.wait();
                            store.add(std::slice::from_ref(article)).unwrap();
                        });
                    }
                });
                let stories = stores[0].stories(None).unwrap();
                let holding: Vec<_> = stories
                    .iter()
                    .filter(|s| pair.iter().any(|a| s.articles.contains(a.given_id.as_ref().unwrap())))
                    .collect();
                assert_eq!(holding.len(), 1, "{}: round {round}: the pair is split: {stories:?}", db.kind);
            }
            db.check();
        }
    }

    #[test]
    fn workers_sharing_a_stream_make_the_stories_of_one_worker_whatever_the_order_of_their_batches() {
        let articles = all();
        for db in TestDb::all("workers_sharing_a_stream") {
            let mut alone = memory_store();
            alone.add(&articles).unwrap();
            let expected = alone.stories(None).unwrap();

            // Three workers, shard = place modulo 3, their batches reaching the store in the
            // worst order: the last places first.
            let mut workers: Vec<Store> = (0..3).map(|_| db.store()).collect();
            let share = |shard| Share { stream: 42, shard, shards: 3 };
            let mine = |shard: u64, places: std::ops::Range<u64>| -> Vec<(u64, AnalyzedArticle)> {
                places.filter(|p| p % 3 == shard).map(|p| (p, articles[usize::try_from(p).unwrap()].clone())).collect()
            };
            let batch = workers[2].add_shared(share(2), &mine(2, 0..7), crate::STREAM_END).unwrap();
            assert_eq!((batch.clustered.len(), batch.waiting, batch.passed_by_all), (0, 2, 0), "{}", db.kind);
            let batch = workers[1].add_shared(share(1), &mine(1, 0..7), crate::STREAM_END).unwrap();
            assert_eq!((batch.clustered.len(), batch.waiting), (0, 4), "{}", db.kind);
            assert!(workers[1].stories(None).unwrap().is_empty(), "{}: clustered before shard 0 passed", db.kind);
            // Shard 0 passes place 4: places 0 to 3 are clustered, in order; 4 and 5 wait.
            let batch = workers[0].add_shared(share(0), &mine(0, 0..4), 4).unwrap();
            assert_eq!((batch.clustered.len(), batch.waiting, batch.passed_by_all), (4, 2, 4), "{}", db.kind);
            // Shard 0 reads on to the end, sending places 0 and 3 again (as a restarted worker
            // does): they are duplicates, the rest is clustered.
            let batch = workers[0].add_shared(share(0), &mine(0, 0..7), crate::STREAM_END).unwrap();
            assert_eq!(batch.waiting, 0, "{}", db.kind);
            assert_eq!(&batch.clustered[..2], &[Outcome::Duplicate, Outcome::Duplicate], "{}", db.kind);
            assert!(batch.clustered[2..].iter().all(|o| matches!(o, Outcome::Added { .. })), "{}", db.kind);
            assert_eq!(workers[1].stories(None).unwrap(), expected, "{}", db.kind);
            db.check();
        }
    }

    #[test]
    fn a_new_story_is_titled_by_its_first_headline_or_opening() {
        let mut article = analyzed("a", &format!("{} And more.", "word ".repeat(40)));
        assert!(story_title(&article).unwrap().ends_with('…'));
        article.meta.title = Some("A  headline\n".into());
        assert_eq!(story_title(&article).as_deref(), Some("A headline"));
    }
}
