//! The store's errors: real failures (a database that cannot be opened or written, a damaged or
//! newer store), never bad article content.

/// What can go wrong with a store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The `SQLite` database failed (cannot be opened, locked past the busy timeout, full disk).
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The `PostgreSQL` database failed (a bad URL, the server unreachable or refusing the user,
    /// the write lock held by another writer past the lock timeout, a lost connection).
    #[error("postgresql: {0}")]
    Postgres(#[from] postgres::Error),
    /// The store was written by a newer version of newsbrief.
    #[error(
        "the store has schema version {found}, newer than the {known} this newsbrief knows: use a newer newsbrief"
    )]
    NewerSchema {
        /// The version found in the store.
        found: u32,
        /// The newest version this code knows.
        known: u32,
    },
    /// Stored data that cannot be read back.
    #[error("damaged store: {0}")]
    Damaged(String),
    /// A story that the store does not hold.
    #[error("no story {0} in the store")]
    NoSuchStory(u64),
}

/// The store's result type.
pub type Result<T> = std::result::Result<T, Error>;
