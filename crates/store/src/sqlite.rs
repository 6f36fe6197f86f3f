//! The `SQLite` storage: one database file in WAL mode (readers never block the writer), a busy
//! timeout so that concurrent writers wait for each other, write transactions that take the
//! write lock at once (`BEGIN IMMEDIATE`), full synchronous commits, and a versioned schema
//! upgraded by migrations when a store is opened.
//!
//! Schema (version 1): `meta(key, value)` holds `schema`, `sequence` (the last batch) and
//! `articles`; `stories(id, title, first_day, last_day, articles, seq, profile)`;
//! `articles(id, position, story, given_id, input, published, outlet, title, meta, text,
//! analysis_version, analysis)`; `counts(kind, term, count, seq)` the document frequencies.
//! Version 2 adds a shared stream's queue: `queue(stream, place, id, given_id, input, meta, text,
//! analysis_version, analysis)` and `shards(stream, shard, shards, passed)`.
//! Term ids (unsigned 64-bit) are stored as the signed integers with the same bits.

use std::path::Path;
use std::time::Duration;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::cluster::StoryId;
use crate::codec::{decode_profile, encode_profile};
use crate::columns::{day_text, kind_number, parse_day, signed, unsigned, ArticleColumns, ARTICLE_COLUMNS};
use crate::error::{Error, Result};
use crate::storage::{
    ArticleRecord, Changes, CountKind, QueuedArticle, Share, Storage, StoryRecord, StorySummary, Transaction,
};

/// The newest schema version this code writes; stores of older versions are migrated on open.
pub const SCHEMA_VERSION: u32 = 2;

/// Each schema version's migration from the one before, in order (index 0 makes version 1).
pub(crate) const MIGRATIONS: &[&str] = &[include_str!("schema/v1.sql"), include_str!("schema/v2.sql")];

/// How long a writer waits for another to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(120);

/// A store kept in one `SQLite` database file.
#[derive(Debug)]
pub struct SqliteStorage {
    connection: Connection,
}

impl SqliteStorage {
    /// Opens (creating it if needed) the store in the database file at `path`, migrating an
    /// older schema to the current one.
    ///
    /// # Errors
    ///
    /// When the file cannot be opened or written, holds something else than a store, or was
    /// written by a newer version ([`Error::NewerSchema`]).
    pub fn open(path: &Path) -> Result<Self> {
        // Switching a new file to WAL and reading its schema can meet another process doing the
        // same, and SQLite answers "locked" there without calling the busy handler: try again
        // until the busy timeout has passed.
        let started = std::time::Instant::now();
        loop {
            match Self::setup(Connection::open(path)?) {
                Err(Error::Sqlite(err)) if is_busy(&err) && started.elapsed() < BUSY_TIMEOUT => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                result => return result,
            }
        }
    }

    /// A store in memory, for tests.
    ///
    /// # Errors
    ///
    /// When `SQLite` cannot allocate it.
    pub fn in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?)
    }

    fn setup(mut connection: Connection) -> Result<Self> {
        connection.busy_timeout(BUSY_TIMEOUT)?;
        connection.pragma_update(None, "journal_mode", "WAL")?;
        connection.pragma_update(None, "synchronous", "FULL")?;
        connection.pragma_update(None, "foreign_keys", "ON")?;
        migrate(&mut connection)?;
        Ok(Self { connection })
    }

    /// Checks the database (`SQLite`'s `integrity_check`) and the store's invariants: every
    /// article's story is stored, each story's article count is the number of its articles,
    /// and the recorded article count is the number of articles.
    ///
    /// # Errors
    ///
    /// [`Error::Damaged`] naming the first problem found; when the database cannot be read.
    pub fn check(&self) -> Result<()> {
        let integrity: String = self.connection.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
        if integrity != "ok" {
            return Err(Error::Damaged(format!("integrity check: {integrity}")));
        }
        let orphans: i64 = self.connection.query_row(
            "SELECT COUNT(*) FROM articles WHERE story NOT IN (SELECT id FROM stories)",
            [],
            |row| row.get(0),
        )?;
        let miscounted: i64 = self.connection.query_row(
            "SELECT COUNT(*) FROM stories s WHERE s.articles <> (SELECT COUNT(*) FROM articles a WHERE a.story = s.id)",
            [],
            |row| row.get(0),
        )?;
        let articles: i64 = self.connection.query_row("SELECT COUNT(*) FROM articles", [], |row| row.get(0))?;
        let recorded = meta_value(&self.connection, "articles")?;
        if orphans > 0 || miscounted > 0 || unsigned(articles) != recorded {
            return Err(Error::Damaged(format!(
                "{orphans} articles without their story, {miscounted} stories with a wrong article count, \
                 {articles} articles where {recorded} are recorded"
            )));
        }
        Ok(())
    }

    /// The schema version of the store.
    ///
    /// # Errors
    ///
    /// When the database cannot be read.
    pub fn schema_version(&self) -> Result<u32> {
        schema_version(&self.connection)
    }
}

/// True for `SQLite`'s "database is busy" and "database is locked".
fn is_busy(err: &rusqlite::Error) -> bool {
    matches!(err.sqlite_error_code(), Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked))
}

/// Brings the schema up to [`SCHEMA_VERSION`], one migration a version, in one transaction that
/// takes the write lock first (two processes opening a new store do not both create it).
fn migrate(connection: &mut Connection) -> Result<()> {
    let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = schema_version(&tx)?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema { found, known: SCHEMA_VERSION });
    }
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.execute_batch(migration)?;
        let version = u32::try_from(index + 1).expect("fewer than 2^32 schema versions");
        tx.execute("INSERT INTO meta (key, value) VALUES ('schema', ?1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", params![version])?;
    }
    tx.commit()?;
    Ok(())
}

/// The schema version recorded in the database (0 for an empty database).
fn schema_version(connection: &Connection) -> Result<u32> {
    let has_meta: bool = connection.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')",
        [],
        |row| row.get(0),
    )?;
    if !has_meta {
        let tables: i64 = connection.query_row("SELECT COUNT(*) FROM sqlite_master", [], |row| row.get(0))?;
        if tables > 0 {
            return Err(Error::Damaged("the database holds tables but no store".to_owned()));
        }
        return Ok(0);
    }
    let version: Option<i64> =
        connection.query_row("SELECT value FROM meta WHERE key = 'schema'", [], |row| row.get(0)).optional()?;
    u32::try_from(version.unwrap_or(0)).map_err(|_| Error::Damaged("a bad schema version".to_owned()))
}

fn meta_value(connection: &Connection, key: &str) -> Result<u64> {
    let value: Option<i64> =
        connection.query_row("SELECT value FROM meta WHERE key = ?1", [key], |row| row.get(0)).optional()?;
    Ok(value.map_or(0, unsigned))
}

impl Storage for SqliteStorage {
    fn begin(&mut self) -> Result<Box<dyn Transaction + '_>> {
        let tx = self.connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        Ok(Box::new(SqliteTransaction { tx }))
    }

    fn stories(&self, since: Option<NaiveDate>) -> Result<Vec<StorySummary>> {
        let since = since.map(|d| d.format("%Y-%m-%d").to_string());
        let mut statement = self.connection.prepare(
            "SELECT id, title, first_day, last_day FROM stories
             WHERE ?1 IS NULL OR last_day >= ?1 ORDER BY id",
        )?;
        let mut stories: Vec<StorySummary> = statement
            .query_map([&since], |row| {
                Ok(StorySummary {
                    id: unsigned(row.get::<_, i64>(0)?),
                    title: row.get(1)?,
                    first: parse_day(row.get(2)?),
                    last: parse_day(row.get(3)?),
                    articles: Vec::new(),
                    outlets: 0,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let index: rustc_hash::FxHashMap<StoryId, usize> = stories.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let mut outlets: Vec<rustc_hash::FxHashSet<String>> = vec![rustc_hash::FxHashSet::default(); stories.len()];
        let mut articles =
            self.connection.prepare("SELECT story, COALESCE(given_id, id), outlet FROM articles ORDER BY position")?;
        let mut rows = articles.query([])?;
        while let Some(row) = rows.next()? {
            let story = unsigned(row.get::<_, i64>(0)?);
            let Some(&at) = index.get(&story) else { continue };
            stories[at].articles.push(row.get(1)?);
            if let Some(outlet) = row.get::<_, Option<String>>(2)? {
                outlets[at].insert(outlet);
            }
        }
        for (story, outlets) in stories.iter_mut().zip(outlets) {
            story.outlets = outlets.len();
        }
        Ok(stories)
    }

    fn story_articles(&self, story: StoryId) -> Result<Vec<ArticleRecord>> {
        let mut statement = self.connection.prepare(&format!(
            "SELECT {ARTICLE_COLUMNS}, position, story FROM articles WHERE story = ?1 ORDER BY position"
        ))?;
        let rows = statement.query_map([signed(story)], |row| {
            Ok((article_columns(row)?, row.get::<_, i64>(7)?, row.get::<_, i64>(8)?))
        })?;
        let mut records = Vec::new();
        for row in rows {
            let (columns, position, story) = row?;
            records.push(ArticleRecord {
                position: unsigned(position),
                story: unsigned(story),
                article: columns.into_article("article")?,
            });
        }
        Ok(records)
    }

    fn article_count(&self) -> Result<u64> {
        meta_value(&self.connection, "articles")
    }

    fn story_of(&self, article: &str) -> Result<Option<StoryId>> {
        let story: Option<i64> = self
            .connection
            .query_row("SELECT story FROM articles WHERE id = ?1", [article], |row| row.get(0))
            .optional()?;
        Ok(story.map(unsigned))
    }
}

struct SqliteTransaction<'a> {
    tx: rusqlite::Transaction<'a>,
}

impl Transaction for SqliteTransaction<'_> {
    fn changes_since(&mut self, sequence: u64) -> Result<Changes> {
        let mut changes = Changes {
            sequence: meta_value(&self.tx, "sequence")?,
            articles: meta_value(&self.tx, "articles")?,
            ..Changes::default()
        };
        if changes.sequence <= sequence {
            return Ok(changes);
        }
        let since = signed(sequence);
        let mut statement = self.tx.prepare_cached("SELECT profile FROM stories WHERE seq > ?1 ORDER BY id")?;
        let mut rows = statement.query([since])?;
        while let Some(row) = rows.next()? {
            changes.stories.push(decode_profile(&row.get::<_, Vec<u8>>(0)?)?);
        }
        let mut statement =
            self.tx.prepare_cached("SELECT kind, term, count FROM counts WHERE seq > ?1 ORDER BY kind, term")?;
        let mut rows = statement.query([since])?;
        while let Some(row) = rows.next()? {
            let term = unsigned(row.get::<_, i64>(1)?);
            let count = u32::try_from(row.get::<_, i64>(2)?).unwrap_or(u32::MAX);
            if row.get::<_, i64>(0)? == 0 {
                changes.terms.push((term, count));
            } else {
                changes.names.push((term, count));
            }
        }
        Ok(changes)
    }

    fn has_article(&mut self, id: &str) -> Result<bool> {
        let mut statement = self.tx.prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)")?;
        Ok(statement.query_row([id], |row| row.get(0))?)
    }

    fn insert_article(&mut self, record: &ArticleRecord) -> Result<()> {
        let article = &record.article;
        let meta = serde_json::to_string(&article.meta).expect("metadata always encodes");
        let published = article.meta.published.map(|d| d.format("%Y-%m-%d").to_string());
        let mut statement = self.tx.prepare_cached(
            "INSERT INTO articles (id, position, story, given_id, input, published, outlet, title, meta, text,
                                   analysis_version, analysis)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        statement.execute(params![
            article.id,
            signed(record.position),
            signed(record.story),
            article.given_id,
            article.input,
            published,
            article.meta.outlet,
            article.meta.title,
            meta,
            article.text,
            article.analysis_version,
            article.analysis,
        ])?;
        Ok(())
    }

    fn put_story(&mut self, story: &StoryRecord, sequence: u64) -> Result<()> {
        let profile = &story.profile;
        let mut statement = self.tx.prepare_cached(
            "INSERT INTO stories (id, title, first_day, last_day, articles, seq, profile)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (id) DO UPDATE SET first_day = excluded.first_day, last_day = excluded.last_day,
                 articles = excluded.articles, seq = excluded.seq, profile = excluded.profile",
        )?;
        statement.execute(params![
            signed(profile.id),
            story.title,
            day_text(profile.first_day),
            day_text(profile.last_day),
            profile.articles,
            signed(sequence),
            encode_profile(profile),
        ])?;
        Ok(())
    }

    fn add_counts(&mut self, kind: CountKind, counts: &[(u64, u32)], sequence: u64) -> Result<()> {
        let mut statement = self.tx.prepare_cached(
            "INSERT INTO counts (kind, term, count, seq) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (kind, term) DO UPDATE SET count = count + excluded.count, seq = excluded.seq",
        )?;
        for &(term, count) in counts {
            statement.execute(params![kind_number(kind), signed(term), count, signed(sequence)])?;
        }
        Ok(())
    }

    fn enqueue(&mut self, stream: u64, articles: &[QueuedArticle]) -> Result<()> {
        let mut statement = self.tx.prepare_cached(
            "INSERT INTO queue (stream, place, id, given_id, input, meta, text, analysis_version, analysis)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (stream, place) DO NOTHING",
        )?;
        for QueuedArticle { place, article } in articles {
            let meta = serde_json::to_string(&article.meta).expect("metadata always encodes");
            statement.execute(params![
                signed(stream),
                signed(*place),
                article.id,
                article.given_id,
                article.input,
                meta,
                article.text,
                article.analysis_version,
                article.analysis,
            ])?;
        }
        Ok(())
    }

    fn pass(&mut self, share: Share, passed: u64) -> Result<()> {
        let mut statement = self.tx.prepare_cached(
            "INSERT INTO shards (stream, shard, shards, passed) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (stream, shard) DO UPDATE SET passed = MAX(passed, excluded.passed)",
        )?;
        statement.execute(params![signed(share.stream), signed(share.shard), signed(share.shards), signed(passed)])?;
        Ok(())
    }

    fn passed_by_all(&mut self, share: Share) -> Result<u64> {
        let mut statement =
            self.tx.prepare_cached("SELECT COUNT(*), MIN(passed) FROM shards WHERE stream = ?1 AND shards = ?2")?;
        let (shards, least): (i64, Option<i64>) = statement
            .query_row(params![signed(share.stream), signed(share.shards)], |row| Ok((row.get(0)?, row.get(1)?)))?;
        Ok(if unsigned(shards) < share.shards { 0 } else { least.map_or(0, unsigned) })
    }

    fn dequeue(&mut self, stream: u64, before: u64) -> Result<Vec<QueuedArticle>> {
        let mut statement = self.tx.prepare_cached(&format!(
            "DELETE FROM queue WHERE stream = ?1 AND place < ?2 RETURNING {ARTICLE_COLUMNS}, place"
        ))?;
        let rows = statement.query_map(params![signed(stream), signed(before)], |row| {
            Ok((article_columns(row)?, row.get::<_, i64>(7)?))
        })?;
        let mut articles = Vec::new();
        for row in rows {
            let (columns, place) = row?;
            articles.push(QueuedArticle { place: unsigned(place), article: columns.into_article("queued article")? });
        }
        articles.sort_unstable_by_key(|a| a.place);
        Ok(articles)
    }

    fn queued(&mut self, stream: u64) -> Result<u64> {
        let mut statement = self.tx.prepare_cached("SELECT COUNT(*) FROM queue WHERE stream = ?1")?;
        Ok(unsigned(statement.query_row([signed(stream)], |row| row.get(0))?))
    }

    fn commit(self: Box<Self>, sequence: u64, articles: u64) -> Result<()> {
        let mut statement = self.tx.prepare_cached(
            "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        )?;
        statement.execute(params!["sequence", signed(sequence)])?;
        statement.execute(params!["articles", signed(articles)])?;
        drop(statement);
        self.tx.commit()?;
        Ok(())
    }
}

/// The columns of a stored article at the start of a row, in [`ARTICLE_COLUMNS`] order.
fn article_columns(row: &rusqlite::Row) -> rusqlite::Result<ArticleColumns> {
    Ok(ArticleColumns {
        id: row.get(0)?,
        given_id: row.get(1)?,
        input: row.get(2)?,
        text: row.get(3)?,
        meta: row.get(4)?,
        analysis_version: row.get(5)?,
        analysis: row.get(6)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::Params;
    use crate::store::{Outcome, Store};

    fn fixtures() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
    }

    fn reports() -> Vec<newsbrief::AnalyzedArticle> {
        let text = std::fs::read_to_string(fixtures().join("reports.jsonl")).unwrap();
        let pipeline = newsbrief::Pipeline::default();
        pipeline.read("reports.jsonl", text.as_bytes()).0.into_iter().map(|a| pipeline.analyze(a)).collect()
    }

    #[test]
    fn every_shipped_schema_version_opens_and_takes_new_articles() {
        let reports = reports();
        for version in 1..=SCHEMA_VERSION {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("store.db");
            std::fs::copy(fixtures().join(format!("schema-v{version}.db")), &path).unwrap();
            let storage = SqliteStorage::open(&path).unwrap();
            assert_eq!(storage.schema_version().unwrap(), SCHEMA_VERSION);
            assert_eq!(storage.check().map_err(|e| e.to_string()), Ok(()));
            let mut store = Store::new(Box::new(storage), Params::default());
            let stories = store.stories(None).unwrap();
            let groups: Vec<Vec<String>> = stories.iter().map(|s| s.articles.clone()).collect();
            assert_eq!(groups, [vec!["q1", "q2", "q3"], vec!["t1", "t2"], vec!["e1", "e2"]], "version {version}");
            assert_eq!(stories[0].title.as_deref(), Some("Quake hits Velmora"));
            assert_eq!((stories[0].first, stories[0].outlets), ("2021-05-02".parse().ok(), 2));
            // Stored analyses read back as the current code analyses the same reports (decoded,
            // or made again when their format version is another).
            let quake = store.story_articles(stories[0].id).unwrap();
            let expected: Vec<_> =
                reports.iter().filter(|a| a.given_id.as_deref().unwrap().starts_with('q')).cloned().collect();
            assert_eq!(quake, expected);
            let outcomes = store.add(&reports[..1]).unwrap();
            assert_eq!(outcomes, vec![Outcome::Duplicate]);
            let pipeline = newsbrief::Pipeline::default();
            let text = "Aftershocks rattled Velmora again on Wednesday as rescuers searched the destroyed homes of the earthquake's victims.";
            let (more, _) = pipeline.read("more.txt", text.as_bytes());
            let outcomes = store.add(&[pipeline.analyze(more[0].clone())]).unwrap();
            assert_eq!(outcomes, vec![Outcome::Added { story: stories[0].id, created: false }]);
        }
    }

    #[test]
    fn a_newer_schema_or_another_database_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store.db");
        drop(SqliteStorage::open(&path).unwrap());
        let connection = Connection::open(&path).unwrap();
        connection.execute("UPDATE meta SET value = 99 WHERE key = 'schema'", []).unwrap();
        drop(connection);
        assert!(matches!(SqliteStorage::open(&path), Err(Error::NewerSchema { found: 99, known: SCHEMA_VERSION })));
        let other = dir.path().join("other.db");
        Connection::open(&other).unwrap().execute_batch("CREATE TABLE notes (text TEXT);").unwrap();
        assert!(matches!(SqliteStorage::open(&other), Err(Error::Damaged(_))));
    }
}
