//! The JSON form of a brief: the `Brief` fields as they are, pretty-printed.

use std::io;

use crate::brief::Brief;
use crate::error::Result;
use crate::render::Renderer;

/// Renders a brief as pretty-printed JSON.
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl Renderer for Json {
    fn render(&self, brief: &Brief, out: &mut dyn io::Write) -> Result<()> {
        serde_json::to_writer_pretty(&mut *out, brief)?;
        writeln!(out)?;
        Ok(())
    }
}
