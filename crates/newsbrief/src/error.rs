//! The library's error type: real failures only (I/O while rendering, bad configuration).
//!
//! Messy content is not an error: stages return their value together with
//! [`Diagnostic`](crate::Diagnostic)s instead.

use std::io;

/// Everything that can fail in the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Writing rendered output failed.
    #[error("cannot write output: {0}")]
    Io(#[from] io::Error),
    /// Serialising the brief as JSON failed.
    #[error("cannot serialise the brief: {0}")]
    Json(#[from] serde_json::Error),
    /// A configuration value is out of range.
    #[error("invalid configuration: {0}")]
    Config(String),
}

/// The library's result type.
pub type Result<T> = std::result::Result<T, Error>;
