//! Renderers: a [`Brief`](crate::Brief) written out as Markdown or JSON.

mod json;
mod markdown;

use std::io;

use crate::brief::Brief;
use crate::error::Result;

pub use json::Json;
pub use markdown::Markdown;

/// Writes a brief in one output format.
///
/// Renderers write to any `io::Write` (a file, standard output, a buffer); the CLI picks one
/// by `--format`.
pub trait Renderer {
    /// Writes `brief` to `out`.
    ///
    /// # Errors
    ///
    /// [`Error::Io`](crate::Error::Io) when writing fails, [`Error::Json`](crate::Error::Json)
    /// when the brief cannot be serialised.
    fn render(&self, brief: &Brief, out: &mut dyn io::Write) -> Result<()>;
}
