//! The `PostgreSQL` storage: one database shared by several ingest workers and servers, with the
//! same tables, schema versions and migrations as the `SQLite` storage (the `SQLite` schema files
//! with `BYTEA` for `BLOB`).
//!
//! Writers are serialized by a transaction-scoped advisory lock (`pg_advisory_xact_lock`) taken
//! first thing in every write transaction: clustering needs the whole current state, so batches
//! are applied one after another. The transaction runs at `READ COMMITTED`, so each statement
//! after the lock sees everything committed before it was granted: the writer then catches up
//! with [`Transaction::changes_since`] and clusters against the latest state. A worker killed
//! while holding the lock loses its connection; the server then rolls its transaction back and
//! releases the lock. Readers take no lock (multi-version reads never wait for the writer).
//!
//! A transaction keeps the articles and stories it is given and writes them in bulk (one
//! statement per table, through `unnest` of arrays) when it commits or reads, so that the time
//! under the lock does not grow with the round trips of one statement per row.

use std::cell::RefCell;

use chrono::NaiveDate;
use postgres::{Client, GenericClient, NoTls};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::cluster::StoryId;
use crate::codec::{decode_profile, encode_profile};
use crate::columns::{day_text, kind_number, parse_day, signed, unsigned, ArticleColumns, ARTICLE_COLUMNS};
use crate::error::{Error, Result};
use crate::sqlite::{MIGRATIONS, SCHEMA_VERSION};
use crate::storage::{
    ArticleRecord, Changes, CountKind, QueuedArticle, Share, Storage, StoredArticle, StoryRecord, StorySummary,
    Transaction,
};

/// The advisory lock every writer of a database takes ("newsbrie" in ASCII).
const WRITE_LOCK: i64 = 0x6e65_7773_6272_6965;

/// Session settings: a writer waits at most this long for the write lock (as `SQLite`'s busy
/// timeout), and a session that stops talking inside a transaction is ended, releasing the lock.
const SESSION_SETTINGS: &str = "SET lock_timeout = '120s'; SET idle_in_transaction_session_timeout = '120s'";

/// Whether `db` names a `PostgreSQL` database (a `postgres://` or `postgresql://` URL) rather
/// than an `SQLite` file.
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// A store kept in a `PostgreSQL` database.
pub struct PgStorage {
    client: RefCell<Client>,
}

impl std::fmt::Debug for PgStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStorage").finish_non_exhaustive()
    }
}

impl PgStorage {
    /// Connects to the database at `url` (`postgres://user@host:port/db`, or any connection
    /// string `PostgreSQL` clients take; no TLS), creating the store's tables in the connection's
    /// schema if needed and migrating an older schema to the current one.
    ///
    /// # Errors
    ///
    /// When the URL is malformed, the server cannot be reached or refuses the user, the schema
    /// holds tables but no store ([`Error::Damaged`]), or the store was written by a newer
    /// version ([`Error::NewerSchema`]).
    pub fn connect(url: &str) -> Result<Self> {
        let config: postgres::Config = url.parse()?;
        let mut client = config.connect(NoTls)?;
        client.batch_execute(SESSION_SETTINGS)?;
        migrate(&mut client)?;
        Ok(Self { client: RefCell::new(client) })
    }

    /// Checks the store's invariants: every article's story is stored, each story's article
    /// count is the number of its articles, and the recorded article count is the number of
    /// articles.
    ///
    /// # Errors
    ///
    /// [`Error::Damaged`] naming the problems found; when the database cannot be read.
    pub fn check(&self) -> Result<()> {
        let mut client = self.client.borrow_mut();
        let row = client.query_one(
            "SELECT (SELECT COUNT(*) FROM articles WHERE story NOT IN (SELECT id FROM stories)),
                    (SELECT COUNT(*) FROM stories s
                     WHERE s.articles <> (SELECT COUNT(*) FROM articles a WHERE a.story = s.id)),
                    (SELECT COUNT(*) FROM articles)",
            &[],
        )?;
        let (orphans, miscounted, articles): (i64, i64, i64) = (row.get(0), row.get(1), row.get(2));
        let recorded = meta_value(&mut *client, "articles")?;
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
        schema_version(&mut *self.client.borrow_mut())
    }
}

/// A migration written for `SQLite`, in `PostgreSQL`'s words: the schema files use only types
/// both know but `BLOB`, which `PostgreSQL` calls `BYTEA`.
fn postgres_sql(sqlite: &str) -> String {
    sqlite.replace(" BLOB", " BYTEA")
}

/// Brings the schema up to [`SCHEMA_VERSION`] in one transaction holding the write lock (two
/// processes opening a new store do not both create it).
fn migrate(client: &mut Client) -> Result<()> {
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
    let found = schema_version(&mut tx)?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema { found, known: SCHEMA_VERSION });
    }
    for (index, migration) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        tx.batch_execute(&postgres_sql(migration))?;
        let version = i64::try_from(index + 1).expect("fewer than 2^63 schema versions");
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('schema', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&version],
        )?;
    }
    tx.commit()?;
    Ok(())
}

/// The schema version recorded in the connection's schema (0 when it holds no table).
fn schema_version(client: &mut impl GenericClient) -> Result<u32> {
    let row = client.query_one(
        "SELECT COUNT(*) FILTER (WHERE table_name = 'meta'), COUNT(*) FROM information_schema.tables
         WHERE table_schema = current_schema()",
        &[],
    )?;
    let (meta, tables): (i64, i64) = (row.get(0), row.get(1));
    if meta == 0 {
        if tables > 0 {
            return Err(Error::Damaged("the database holds tables but no store".to_owned()));
        }
        return Ok(0);
    }
    let version = client.query_opt("SELECT value FROM meta WHERE key = 'schema'", &[])?.map(|row| row.get::<_, i64>(0));
    u32::try_from(version.unwrap_or(0)).map_err(|_| Error::Damaged("a bad schema version".to_owned()))
}

fn meta_value(client: &mut impl GenericClient, key: &str) -> Result<u64> {
    let value = client.query_opt("SELECT value FROM meta WHERE key = $1", &[&key])?.map(|row| row.get::<_, i64>(0));
    Ok(value.map_or(0, unsigned))
}

impl Storage for PgStorage {
    fn begin(&mut self) -> Result<Box<dyn Transaction + '_>> {
        let mut tx = self.client.get_mut().transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])?;
        Ok(Box::new(PgTransaction { tx, articles: Vec::new(), stories: Vec::new() }))
    }

    fn stories(&self, since: Option<NaiveDate>) -> Result<Vec<StorySummary>> {
        let since = since.map(|d| d.format("%Y-%m-%d").to_string());
        let mut client = self.client.borrow_mut();
        // One snapshot for both reads, so that a writer committing in between cannot make the
        // articles name a story the listing lacks.
        let mut tx = client.build_transaction().isolation_level(postgres::IsolationLevel::RepeatableRead).start()?;
        let rows = tx.query(
            "SELECT id, title, first_day, last_day FROM stories
             WHERE $1::text IS NULL OR last_day >= $1 ORDER BY id",
            &[&since],
        )?;
        let mut stories: Vec<StorySummary> = rows
            .iter()
            .map(|row| StorySummary {
                id: unsigned(row.get(0)),
                title: row.get(1),
                first: parse_day(row.get(2)),
                last: parse_day(row.get(3)),
                articles: Vec::new(),
                outlets: 0,
            })
            .collect();
        let index: FxHashMap<StoryId, usize> = stories.iter().enumerate().map(|(i, s)| (s.id, i)).collect();
        let mut outlets: Vec<FxHashSet<String>> = vec![FxHashSet::default(); stories.len()];
        for row in tx.query("SELECT story, COALESCE(given_id, id), outlet FROM articles ORDER BY position", &[])? {
            let Some(&at) = index.get(&unsigned(row.get(0))) else { continue };
            stories[at].articles.push(row.get(1));
            if let Some(outlet) = row.get::<_, Option<String>>(2) {
                outlets[at].insert(outlet);
            }
        }
        tx.commit()?;
        for (story, outlets) in stories.iter_mut().zip(outlets) {
            story.outlets = outlets.len();
        }
        Ok(stories)
    }

    fn story_articles(&self, story: StoryId) -> Result<Vec<ArticleRecord>> {
        let rows = self.client.borrow_mut().query(
            &format!("SELECT {ARTICLE_COLUMNS}, position, story FROM articles WHERE story = $1 ORDER BY position"),
            &[&signed(story)],
        )?;
        let mut records = Vec::with_capacity(rows.len());
        for row in rows {
            records.push(ArticleRecord {
                position: unsigned(row.get(7)),
                story: unsigned(row.get(8)),
                article: article_columns(&row).into_article("article")?,
            });
        }
        Ok(records)
    }

    fn article_count(&self) -> Result<u64> {
        meta_value(&mut *self.client.borrow_mut(), "articles")
    }

    fn story_of(&self, article: &str) -> Result<Option<StoryId>> {
        let row = self.client.borrow_mut().query_opt("SELECT story FROM articles WHERE id = $1", &[&article])?;
        Ok(row.map(|row| unsigned(row.get(0))))
    }
}

/// A write transaction holding the write lock, with the articles and stories not yet written.
struct PgTransaction<'a> {
    tx: postgres::Transaction<'a>,
    articles: Vec<ArticleRecord>,
    stories: Vec<(StoryRecord, u64)>,
}

impl PgTransaction<'_> {
    /// Writes the articles and stories kept so far, stories first (articles refer to them).
    fn flush(&mut self) -> Result<()> {
        if !self.stories.is_empty() {
            // One row per story (the last profile given, the first title), as a statement may
            // not change a row twice.
            let mut rows: Vec<(StoryRecord, u64)> = Vec::with_capacity(self.stories.len());
            let mut at: FxHashMap<StoryId, usize> = FxHashMap::default();
            for (story, sequence) in self.stories.drain(..) {
                if let Some(&i) = at.get(&story.profile.id) {
                    let title = rows[i].0.title.take().or(story.title);
                    rows[i] = (StoryRecord { title, ..story }, sequence);
                } else {
                    at.insert(story.profile.id, rows.len());
                    rows.push((story, sequence));
                }
            }
            let ids: Vec<i64> = rows.iter().map(|(s, _)| signed(s.profile.id)).collect();
            let titles: Vec<Option<&str>> = rows.iter().map(|(s, _)| s.title.as_deref()).collect();
            let firsts: Vec<Option<String>> = rows.iter().map(|(s, _)| day_text(s.profile.first_day)).collect();
            let lasts: Vec<Option<String>> = rows.iter().map(|(s, _)| day_text(s.profile.last_day)).collect();
            let counts: Vec<i64> = rows.iter().map(|(s, _)| i64::from(s.profile.articles)).collect();
            let sequences: Vec<i64> = rows.iter().map(|&(_, q)| signed(q)).collect();
            let profiles: Vec<Vec<u8>> = rows.iter().map(|(s, _)| encode_profile(&s.profile)).collect();
            self.tx.execute(
                "INSERT INTO stories (id, title, first_day, last_day, articles, seq, profile)
                 SELECT * FROM unnest($1::int8[], $2::text[], $3::text[], $4::text[], $5::int8[], $6::int8[],
                                      $7::bytea[])
                 ON CONFLICT (id) DO UPDATE SET first_day = excluded.first_day, last_day = excluded.last_day,
                     articles = excluded.articles, seq = excluded.seq, profile = excluded.profile",
                &[&ids, &titles, &firsts, &lasts, &counts, &sequences, &profiles],
            )?;
        }
        if !self.articles.is_empty() {
            let records = std::mem::take(&mut self.articles);
            let rows: Vec<&StoredArticle> = records.iter().map(|r| &r.article).collect();
            let ids: Vec<&str> = rows.iter().map(|a| a.id.as_str()).collect();
            let positions: Vec<i64> = records.iter().map(|r| signed(r.position)).collect();
            let stories: Vec<i64> = records.iter().map(|r| signed(r.story)).collect();
            let given: Vec<Option<&str>> = rows.iter().map(|a| a.given_id.as_deref()).collect();
            let inputs: Vec<&str> = rows.iter().map(|a| a.input.as_str()).collect();
            let published: Vec<Option<String>> =
                rows.iter().map(|a| a.meta.published.map(|d| d.format("%Y-%m-%d").to_string())).collect();
            let outlets: Vec<Option<&str>> = rows.iter().map(|a| a.meta.outlet.as_deref()).collect();
            let titles: Vec<Option<&str>> = rows.iter().map(|a| a.meta.title.as_deref()).collect();
            let metas: Vec<String> =
                rows.iter().map(|a| serde_json::to_string(&a.meta).expect("metadata always encodes")).collect();
            let texts: Vec<&str> = rows.iter().map(|a| a.text.as_str()).collect();
            let versions: Vec<i64> = rows.iter().map(|a| i64::from(a.analysis_version)).collect();
            let analyses: Vec<&[u8]> = rows.iter().map(|a| a.analysis.as_slice()).collect();
            self.tx.execute(
                "INSERT INTO articles (id, position, story, given_id, input, published, outlet, title, meta, text,
                                       analysis_version, analysis)
                 SELECT * FROM unnest($1::text[], $2::int8[], $3::int8[], $4::text[], $5::text[], $6::text[],
                                      $7::text[], $8::text[], $9::text[], $10::text[], $11::int8[], $12::bytea[])",
                &[
                    &ids, &positions, &stories, &given, &inputs, &published, &outlets, &titles, &metas, &texts,
                    &versions, &analyses,
                ],
            )?;
        }
        Ok(())
    }
}

impl Transaction for PgTransaction<'_> {
    fn changes_since(&mut self, sequence: u64) -> Result<Changes> {
        self.flush()?;
        let mut changes = Changes {
            sequence: meta_value(&mut self.tx, "sequence")?,
            articles: meta_value(&mut self.tx, "articles")?,
            ..Changes::default()
        };
        if changes.sequence <= sequence {
            return Ok(changes);
        }
        let since = signed(sequence);
        for row in self.tx.query("SELECT profile FROM stories WHERE seq > $1 ORDER BY id", &[&since])? {
            changes.stories.push(decode_profile(row.get(0))?);
        }
        for row in
            self.tx.query("SELECT kind, term, count FROM counts WHERE seq > $1 ORDER BY kind, term", &[&since])?
        {
            let term = unsigned(row.get(1));
            let count = u32::try_from(row.get::<_, i64>(2)).unwrap_or(u32::MAX);
            if row.get::<_, i64>(0) == 0 {
                changes.terms.push((term, count));
            } else {
                changes.names.push((term, count));
            }
        }
        Ok(changes)
    }

    fn has_article(&mut self, id: &str) -> Result<bool> {
        if self.articles.iter().any(|r| r.article.id == id) {
            return Ok(true);
        }
        let row = self.tx.query_one("SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1)", &[&id])?;
        Ok(row.get(0))
    }

    fn insert_article(&mut self, article: &ArticleRecord) -> Result<()> {
        self.articles.push(article.clone());
        Ok(())
    }

    fn put_story(&mut self, story: &StoryRecord, sequence: u64) -> Result<()> {
        self.stories.push((story.clone(), sequence));
        Ok(())
    }

    fn add_counts(&mut self, kind: CountKind, counts: &[(u64, u32)], sequence: u64) -> Result<()> {
        let mut summed: FxHashMap<u64, i64> = FxHashMap::default();
        for &(term, count) in counts {
            *summed.entry(term).or_default() += i64::from(count);
        }
        let terms: Vec<i64> = summed.keys().map(|&t| signed(t)).collect();
        let values: Vec<i64> = summed.values().copied().collect();
        self.tx.execute(
            "INSERT INTO counts (kind, term, count, seq) SELECT $1, term, count, $2 FROM unnest($3::int8[], $4::int8[])
                 AS given (term, count)
             ON CONFLICT (kind, term) DO UPDATE SET count = counts.count + excluded.count, seq = excluded.seq",
            &[&kind_number(kind), &signed(sequence), &terms, &values],
        )?;
        Ok(())
    }

    fn enqueue(&mut self, stream: u64, articles: &[QueuedArticle]) -> Result<()> {
        if articles.is_empty() {
            return Ok(());
        }
        let places: Vec<i64> = articles.iter().map(|q| signed(q.place)).collect();
        let articles: Vec<&StoredArticle> = articles.iter().map(|q| &q.article).collect();
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        let given: Vec<Option<&str>> = articles.iter().map(|a| a.given_id.as_deref()).collect();
        let inputs: Vec<&str> = articles.iter().map(|a| a.input.as_str()).collect();
        let metas: Vec<String> =
            articles.iter().map(|a| serde_json::to_string(&a.meta).expect("metadata always encodes")).collect();
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let versions: Vec<i64> = articles.iter().map(|a| i64::from(a.analysis_version)).collect();
        let analyses: Vec<&[u8]> = articles.iter().map(|a| a.analysis.as_slice()).collect();
        self.tx.execute(
            "INSERT INTO queue (stream, place, id, given_id, input, meta, text, analysis_version, analysis)
             SELECT $1, * FROM unnest($2::int8[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                      $8::int8[], $9::bytea[])
             ON CONFLICT (stream, place) DO NOTHING",
            &[&signed(stream), &places, &ids, &given, &inputs, &metas, &texts, &versions, &analyses],
        )?;
        Ok(())
    }

    fn pass(&mut self, share: Share, passed: u64) -> Result<()> {
        self.tx.execute(
            "INSERT INTO shards (stream, shard, shards, passed) VALUES ($1, $2, $3, $4)
             ON CONFLICT (stream, shard) DO UPDATE SET passed = GREATEST(shards.passed, excluded.passed)",
            &[&signed(share.stream), &signed(share.shard), &signed(share.shards), &signed(passed)],
        )?;
        Ok(())
    }

    fn passed_by_all(&mut self, share: Share) -> Result<u64> {
        let row = self.tx.query_one(
            "SELECT COUNT(*), MIN(passed) FROM shards WHERE stream = $1 AND shards = $2",
            &[&signed(share.stream), &signed(share.shards)],
        )?;
        let (shards, least): (i64, Option<i64>) = (row.get(0), row.get(1));
        Ok(if unsigned(shards) < share.shards { 0 } else { least.map_or(0, unsigned) })
    }

    fn dequeue(&mut self, stream: u64, before: u64) -> Result<Vec<QueuedArticle>> {
        let rows = self.tx.query(
            &format!("DELETE FROM queue WHERE stream = $1 AND place < $2 RETURNING {ARTICLE_COLUMNS}, place"),
            &[&signed(stream), &signed(before)],
        )?;
        let mut articles = Vec::with_capacity(rows.len());
        for row in rows {
            articles.push(QueuedArticle {
                place: unsigned(row.get(7)),
                article: article_columns(&row).into_article("queued article")?,
            });
        }
        articles.sort_unstable_by_key(|a| a.place);
        Ok(articles)
    }

    fn queued(&mut self, stream: u64) -> Result<u64> {
        let row = self.tx.query_one("SELECT COUNT(*) FROM queue WHERE stream = $1", &[&signed(stream)])?;
        Ok(unsigned(row.get(0)))
    }

    fn commit(mut self: Box<Self>, sequence: u64, articles: u64) -> Result<()> {
        self.flush()?;
        self.tx.execute(
            "INSERT INTO meta (key, value) VALUES ('sequence', $1), ('articles', $2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            &[&signed(sequence), &signed(articles)],
        )?;
        self.tx.commit()?;
        Ok(())
    }
}

/// The columns of a stored article at the start of a row, in [`ARTICLE_COLUMNS`] order.
fn article_columns(row: &postgres::Row) -> ArticleColumns {
    ArticleColumns {
        id: row.get(0),
        given_id: row.get(1),
        input: row.get(2),
        text: row.get(3),
        meta: row.get(4),
        analysis_version: row.get(5),
        analysis: row.get(6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::TestDb;

    #[test]
    fn urls_name_postgresql_and_anything_else_a_file() {
        assert!(is_postgres_url("postgres://news@127.0.0.1:5432/news"));
        assert!(is_postgres_url("postgresql://news@db.example/news?connect_timeout=5"));
        assert!(!is_postgres_url("newsbrief.db"));
        assert!(!is_postgres_url("./postgres://x"));
    }

    #[test]
    fn every_schema_version_is_written_in_postgresql_types() {
        for migration in MIGRATIONS {
            let sql = postgres_sql(migration);
            assert!(!sql.contains("BLOB"), "{sql}");
            assert_eq!(sql.matches("BYTEA NOT NULL").count(), migration.matches("BLOB NOT NULL").count());
        }
    }

    #[test]
    fn a_bad_url_or_an_unreachable_server_is_an_error_not_a_panic() {
        assert!(matches!(PgStorage::connect("postgres://news@127.0.0.1:notaport/news"), Err(Error::Postgres(_))));
        // Port 1 on loopback: nothing listens there.
        let err = PgStorage::connect("postgres://news@127.0.0.1:1/news?connect_timeout=2").unwrap_err();
        assert!(err.to_string().starts_with("postgresql: "), "{err}");
    }

    #[test]
    fn a_newer_schema_or_another_database_is_refused_and_the_current_one_opened() {
        let Some(db) = TestDb::postgres("pg_newer_schema_refused") else { return };
        let storage = PgStorage::connect(&db.db).unwrap();
        assert_eq!(storage.schema_version().unwrap(), SCHEMA_VERSION);
        // A second open (as another worker would) finds the store made and keeps it.
        assert_eq!(PgStorage::connect(&db.db).unwrap().schema_version().unwrap(), SCHEMA_VERSION);
        storage.client.borrow_mut().execute("UPDATE meta SET value = 99 WHERE key = 'schema'", &[]).unwrap();
        assert!(matches!(PgStorage::connect(&db.db), Err(Error::NewerSchema { found: 99, known: SCHEMA_VERSION })));
        storage
            .client
            .borrow_mut()
            .batch_execute("DROP TABLE articles, stories, counts, meta; CREATE TABLE notes (text TEXT)")
            .unwrap();
        assert!(matches!(PgStorage::connect(&db.db), Err(Error::Damaged(_))));
    }

    #[test]
    fn two_workers_opening_a_new_store_at_once_create_it_once() {
        let Some(db) = TestDb::postgres("pg_two_open_at_once") else { return };
        let opened: Vec<u32> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..4)
                .map(|_| scope.spawn(|| PgStorage::connect(&db.db).and_then(|s| s.schema_version()).unwrap()))
                .collect();
            workers.into_iter().map(|w| w.join().unwrap()).collect()
        });
        assert_eq!(opened, vec![SCHEMA_VERSION; 4]);
        db.check();
    }
}
