//! One module a subcommand.

pub(crate) mod brief;
pub(crate) mod dates;
pub(crate) mod entities;
pub(crate) mod eval;
pub(crate) mod extract;
pub(crate) mod ingest;
pub(crate) mod quotes;
pub(crate) mod render;
pub(crate) mod score;
pub(crate) mod sentences;
pub(crate) mod serve;
pub(crate) mod stories;
