//! Test support (this crate's tests, and other crates' with the `test-support` feature): the
//! stores a storage-level test runs on. `SQLite` always; `PostgreSQL` when the environment
//! variable `NEWSBRIEF_TEST_POSTGRES` holds a server's URL (`postgres://user@host:port/db`, a
//! user allowed to create databases), each test then in a fresh database of its own, dropped
//! afterwards. Without the variable the `PostgreSQL` runs are skipped with a message, but fail
//! when `CI=true`.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::pg::PgStorage;
use crate::sqlite::SqliteStorage;
use crate::storage::Storage;
use crate::store::Store;

/// The environment variable naming the `PostgreSQL` server the tests use.
pub const POSTGRES_VARIABLE: &str = "NEWSBRIEF_TEST_POSTGRES";

/// A fresh, empty store for one test: a file in a temporary folder, or a database of its own.
#[derive(Debug)]
pub struct TestDb {
    /// `"sqlite"` or `"postgresql"`, for messages.
    pub kind: &'static str,
    /// What [`crate::open`] and `--db` take: the file's path or the database's URL.
    pub db: String,
    cleanup: Cleanup,
}

#[derive(Debug)]
enum Cleanup {
    Folder(#[allow(dead_code)] tempfile::TempDir),
    Database { server: String, name: String },
}

static DATABASES: AtomicUsize = AtomicUsize::new(0);

impl TestDb {
    /// A store in a new `SQLite` file.
    ///
    /// # Panics
    ///
    /// When no temporary folder can be made.
    pub fn sqlite() -> Self {
        let folder = tempfile::tempdir().expect("a temporary folder");
        let db = folder.path().join("news.db").display().to_string();
        Self { kind: "sqlite", db, cleanup: Cleanup::Folder(folder) }
    }

    /// A store in a new database of the `PostgreSQL` server named by [`POSTGRES_VARIABLE`],
    /// named after `test`; `None`, with a message, when the variable is unset.
    ///
    /// # Panics
    ///
    /// When the variable is unset and `CI=true`, or the server refuses to create the database.
    pub fn postgres(test: &str) -> Option<Self> {
        let Some(server) = std::env::var(POSTGRES_VARIABLE).ok().filter(|url| !url.is_empty()) else {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{POSTGRES_VARIABLE} is not set: the PostgreSQL runs of {test} cannot run in CI"
            );
            eprintln!("{test}: skipping PostgreSQL ({POSTGRES_VARIABLE} is not set)");
            return None;
        };
        let tag: String = test.chars().filter(char::is_ascii_alphanumeric).take(30).collect();
        let name = format!(
            "nb_{}_{}_{}",
            tag.to_ascii_lowercase(),
            std::process::id(),
            DATABASES.fetch_add(1, Ordering::Relaxed)
        );
        let mut client = connect(&server).expect("the test server accepts connections");
        client.batch_execute(&format!("CREATE DATABASE \"{name}\"")).expect("the test server creates a database");
        let separator = if server.contains('?') { '&' } else { '?' };
        let db = format!("{server}{separator}dbname={name}");
        Some(Self { kind: "postgresql", db, cleanup: Cleanup::Database { server, name } })
    }

    /// A fresh store of each kind available: `SQLite`, then `PostgreSQL` (see
    /// [`TestDb::postgres`]).
    pub fn all(test: &str) -> Vec<Self> {
        std::iter::once(Self::sqlite()).chain(Self::postgres(test)).collect()
    }

    /// A new connection to the store.
    ///
    /// # Panics
    ///
    /// When the store cannot be opened.
    pub fn storage(&self) -> Box<dyn Storage> {
        match self.cleanup {
            Cleanup::Folder(_) => Box::new(SqliteStorage::open(Path::new(&self.db)).expect("the store opens")),
            Cleanup::Database { .. } => Box::new(PgStorage::connect(&self.db).expect("the store opens")),
        }
    }

    /// A new [`Store`] on the store, with the default settings.
    ///
    /// # Panics
    ///
    /// When the store cannot be opened.
    pub fn store(&self) -> Store {
        crate::open(&self.db).unwrap_or_else(|err| panic!("{}: the store opens: {err}", self.kind))
    }

    /// Checks the store's invariants (see [`SqliteStorage::check`] and [`PgStorage::check`]).
    ///
    /// # Panics
    ///
    /// When they do not hold.
    pub fn check(&self) {
        let checked = match self.cleanup {
            Cleanup::Folder(_) => SqliteStorage::open(Path::new(&self.db)).and_then(|s| s.check()),
            Cleanup::Database { .. } => PgStorage::connect(&self.db).and_then(|s| s.check()),
        };
        assert_eq!(checked.map_err(|e| e.to_string()), Ok(()), "{}", self.kind);
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Cleanup::Database { server, name } = &self.cleanup {
            // Best effort: a database left behind only takes room on a throwaway server.
            if let Ok(mut client) = connect(server) {
                let _ = client.batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
            }
        }
    }
}

fn connect(url: &str) -> Result<postgres::Client, postgres::Error> {
    url.parse::<postgres::Config>()?.connect(postgres::NoTls)
}
