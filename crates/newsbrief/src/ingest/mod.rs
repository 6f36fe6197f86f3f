//! Reading inputs: an input's bytes become one or more [`RawArticle`]s.
//!
//! The format is recognised by the input's name and by its content: plain text, HTML, JSON
//! lines (one article per line), a JSON array of articles, and the Multi-News convention
//! (articles separated by `|||||`, line breaks written as `NEWLINE_CHAR`).

pub(crate) mod boilerplate;
mod decode;
pub(crate) mod html;
mod json;
mod multinews;

use crate::article::{Metadata, RawArticle, RawBody};
use crate::diagnostic::Diagnostic;

pub(crate) use decode::{decode, gunzip};
pub use json::read_json_line;

/// Inputs larger than this many bytes are refused.
pub const MAX_INPUT_BYTES: u64 = 50 * 1024 * 1024;

/// The formats an input can be in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, one article.
    Text,
    /// An HTML page, one article.
    Html,
    /// One JSON object per line, each an article.
    JsonLines,
    /// A JSON array of article objects, or one article object.
    Json,
    /// Several plain-text articles separated by `|||||`, with `NEWLINE_CHAR` for line breaks.
    MultiNews,
}

/// Recognises the format of an input from its name and its decoded text.
pub fn detect_format(name: &str, text: &str) -> Format {
    let lower_name = name.to_ascii_lowercase();
    let lower_name = lower_name.strip_suffix(".gz").unwrap_or(&lower_name);
    let extension = lower_name.rsplit_once('.').map_or("", |(_, ext)| ext);
    match extension {
        "jsonl" | "ndjson" => return Format::JsonLines,
        "json" => return Format::Json,
        "html" | "htm" | "xhtml" => return Format::Html,
        _ => {}
    }
    let start = text.trim_start();
    if start.starts_with('{') {
        return Format::JsonLines;
    }
    if start.starts_with('[') && serde_json::from_str::<serde_json::Value>(start).is_ok() {
        return Format::Json;
    }
    if start.starts_with('<') {
        let head: String = start.chars().take(4096).collect::<String>().to_ascii_lowercase();
        if ["<html", "<!doctype html", "<body", "<head", "<article"].iter().any(|tag| head.contains(tag)) {
            return Format::Html;
        }
    }
    if text.contains("|||||") || text.contains("NEWLINE_CHAR") {
        return Format::MultiNews;
    }
    Format::Text
}

/// Decodes one input's bytes as text (for tools that work on raw text, such as the sentence
/// splitter): the text, and a warning when its encoding had to be guessed.
///
/// # Errors
///
/// An error diagnostic naming the input when it is too large, empty, binary or compressed.
pub fn read_text(name: &str, bytes: &[u8]) -> Result<(String, Option<Diagnostic>), Diagnostic> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        let message =
            format!("the input is {} MB, more than the {} MB limit", bytes.len() >> 20, MAX_INPUT_BYTES >> 20);
        return Err(Diagnostic::error(name, message));
    }
    let bytes = gunzip(name, bytes).map_err(|err| Diagnostic::error(name, err.message()))?;
    let decoded = decode(&bytes).map_err(|err| Diagnostic::error(name, err.message()))?;
    let warning = decoded
        .guessed_windows_1252
        .then(|| Diagnostic::warning(name, "the input is not valid UTF-8; read it as Windows-1252"));
    Ok((decoded.text, warning))
}

/// Reads one input: decodes its bytes, recognises its format and splits it into articles.
///
/// Problems are returned as diagnostics, never as panics: an input that cannot be read at all
/// gives no article and an error diagnostic naming it; a bad line of a JSON-lines input gives an
/// error diagnostic with its line number, and the other lines are still read.
pub fn read_input(name: &str, bytes: &[u8]) -> (Vec<RawArticle>, Vec<Diagnostic>) {
    let (text, warning) = match read_text(name, bytes) {
        Ok(read) => read,
        Err(diagnostic) => return (Vec::new(), vec![diagnostic]),
    };
    let mut diagnostics: Vec<Diagnostic> = warning.into_iter().collect();
    let articles = match detect_format(name, &text) {
        Format::Text => {
            vec![RawArticle {
                input: name.to_owned(),
                given_id: None,
                body: RawBody::Text(text),
                given: Metadata::default(),
            }]
        }
        Format::Html => {
            vec![RawArticle {
                input: name.to_owned(),
                given_id: None,
                body: RawBody::Html(text),
                given: Metadata::default(),
            }]
        }
        Format::JsonLines => json::read_lines(name, &text, &mut diagnostics),
        Format::Json => json::read_document(name, &text, &mut diagnostics),
        Format::MultiNews => multinews::split(name, &text),
    };
    (articles, diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_formats() {
        let cases = [
            ("a.txt", "Plain words.", Format::Text),
            ("a.jsonl", "anything", Format::JsonLines),
            ("-", "{\"text\": \"x\"}\n", Format::JsonLines),
            ("-", "[{\"text\": \"x\"}]", Format::Json),
            ("page", "<!DOCTYPE html><html><body><p>x</p></body></html>", Format::Html),
            ("a.txt", "<p>A caption</p>\n\nWords.", Format::Text),
            ("dev", "First. NEWLINE_CHAR Second. ||||| Third.", Format::MultiNews),
        ];
        for (name, text, expect) in cases {
            assert_eq!(detect_format(name, text), expect, "{name}: {text}");
        }
    }

    #[test]
    fn refuses_oversized_and_binary_input_with_a_named_error() {
        let (articles, diagnostics) = read_input("big.bin", b"\0\x01\x02");
        assert!(articles.is_empty());
        assert_eq!(diagnostics[0].to_string(), "error: big.bin: the input looks like a binary file, not text");
    }
}
