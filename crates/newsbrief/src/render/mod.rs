//! Renderers: a [`Brief`](crate::Brief) written out as Markdown, JSON or HTML, chosen by
//! [`OutputFormat`].

mod html;
mod json;
mod markdown;

use std::fmt;
use std::io;
use std::str::FromStr;

use crate::brief::Brief;
use crate::error::Result;

pub use html::Html;
pub use json::Json;
pub use markdown::Markdown;

/// Writes a brief in one output format.
///
/// Renderers write to any `io::Write` (a file, standard output, a buffer); callers pick one by
/// [`OutputFormat`].
pub trait Renderer {
    /// Writes `brief` to `out`.
    ///
    /// # Errors
    ///
    /// [`Error::Io`](crate::Error::Io) when writing fails, [`Error::Json`](crate::Error::Json)
    /// when the brief cannot be serialised.
    fn render(&self, brief: &Brief, out: &mut dyn io::Write) -> Result<()>;
}

/// The output formats of a brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum OutputFormat {
    /// Markdown, readable in a terminal.
    #[default]
    Markdown,
    /// JSON: the brief's fields as they are, with the spans of every excerpt.
    Json,
    /// One self-contained HTML page: the summary with marks that open each sentence in its
    /// source, an SVG timeline, facts and conflicts charted by source, quotes, entities, sources.
    Html,
}

impl OutputFormat {
    /// Every format, the default first.
    pub const ALL: [OutputFormat; 3] = [OutputFormat::Markdown, OutputFormat::Json, OutputFormat::Html];

    /// The format's name, as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Markdown => "md",
            OutputFormat::Json => "json",
            OutputFormat::Html => "html",
        }
    }

    /// The renderer that writes this format.
    pub fn renderer(self) -> &'static dyn Renderer {
        match self {
            OutputFormat::Markdown => &Markdown,
            OutputFormat::Json => &Json,
            OutputFormat::Html => &Html,
        }
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for OutputFormat {
    type Err = String;

    fn from_str(name: &str) -> std::result::Result<Self, Self::Err> {
        match name.to_ascii_lowercase().as_str() {
            "markdown" => Ok(OutputFormat::Markdown),
            other => OutputFormat::ALL.into_iter().find(|f| f.name() == other).ok_or_else(|| {
                let names: Vec<&str> = OutputFormat::ALL.iter().map(|f| f.name()).collect();
                format!("unknown format {name:?}; choose one of {}", names.join(", "))
            }),
        }
    }
}

/// Writes `brief` to `out` in `format`.
///
/// # Errors
///
/// As [`Renderer::render`].
pub fn render(brief: &Brief, format: OutputFormat, out: &mut dyn io::Write) -> Result<()> {
    format.renderer().render(brief, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for format in OutputFormat::ALL {
            assert_eq!(format.name().parse::<OutputFormat>(), Ok(format));
        }
        assert_eq!("Markdown".parse::<OutputFormat>(), Ok(OutputFormat::Markdown));
        assert!("pdf".parse::<OutputFormat>().unwrap_err().contains("choose one of md, json, html"));
    }
}
