//! `newsbrief extract`: the article body and metadata of web pages.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use clap::ValueEnum;
use newsbrief::{extract_page, page_blocks, Article, Diagnostic};
use rayon::prelude::*;
use serde_json::{json, Map, Value};

use crate::input;
use crate::output::{report, write_output};

/// Arguments of `newsbrief extract`.
#[derive(Debug, clap::Args)]
pub(crate) struct ExtractArgs {
    /// Web pages (`.html`, `.htm`, also gzip-compressed as `.html.gz`), folders of them (read
    /// recursively, in sorted order), or `-` for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// `json`: an array of pages with metadata and text; `text`: each page's text under a
    /// heading; `benchmark`: `{id: {"articleBody": text}}`, id being the file name without
    /// `.html.gz` or `.html`, as the article-extraction benchmark scores it; `blocks`: one JSON
    /// line per block of each page's main content, with the boilerplate classifier's features,
    /// score and decision (for training and inspecting it).
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    format: ExtractFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// An array of `{"path", "title", "published", "byline", "outlet", "url", "language", "text"}`.
    Json,
    /// Plain text, one page after another.
    Text,
    /// `{id: {"articleBody": text}}`.
    Benchmark,
    /// `{"id", "index", "text", "features": [[name, value], ...], "score", "body"}` lines.
    Blocks,
}

/// Runs `newsbrief extract`: pages are extracted in parallel, results in input order.
pub(crate) fn run(args: &ExtractArgs) -> Result<()> {
    let (inputs, mut diagnostics) = input::gather(&args.paths)?;
    if matches!(args.format, ExtractFormat::Blocks) {
        return run_blocks(&inputs, diagnostics);
    }
    let results: Vec<Result<Article, Diagnostic>> =
        inputs.par_iter().map(|input| extract_page(&input.name, &input.bytes)).collect();
    let mut pages = Vec::new();
    for result in results {
        match result {
            Ok(page) => pages.push(page),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    report(&diagnostics);
    if pages.is_empty() {
        bail!("no page could be extracted");
    }
    write_output(None, |out| {
        match args.format {
            ExtractFormat::Json => {
                let items: Vec<Value> = pages.iter().map(page_json).collect();
                serde_json::to_writer_pretty(&mut *out, &items)?;
                writeln!(out)?;
            }
            ExtractFormat::Text => {
                for page in &pages {
                    writeln!(out, "==> {} <==\n{}\n", page.input, page.text)?;
                }
            }
            ExtractFormat::Blocks => unreachable!("blocks are written by run_blocks"),
            ExtractFormat::Benchmark => {
                let mut object = Map::new();
                for page in &pages {
                    object.insert(page_id(&page.input), json!({"articleBody": page.text}));
                }
                serde_json::to_writer(&mut *out, &Value::Object(object))?;
                writeln!(out)?;
            }
        }
        Ok(())
    })
}

/// Writes the blocks of every page as JSON lines, pages in input order.
fn run_blocks(inputs: &[input::Input], mut diagnostics: Vec<Diagnostic>) -> Result<()> {
    let results: Vec<_> = inputs.par_iter().map(|input| page_blocks(&input.name, &input.bytes)).collect();
    let mut pages = Vec::new();
    for (input, result) in inputs.iter().zip(results) {
        match result {
            Ok(blocks) => pages.push((page_id(&input.name), blocks)),
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    report(&diagnostics);
    if pages.is_empty() {
        bail!("no page could be extracted");
    }
    write_output(None, |out| {
        for (id, blocks) in &pages {
            for (index, block) in blocks.iter().enumerate() {
                let features: Vec<Value> = block.features.iter().map(|(name, value)| json!([name, value])).collect();
                let line = json!({"id": id, "index": index, "text": block.text, "features": features, "score": block.score, "body": block.body});
                serde_json::to_writer(&mut *out, &line)?;
                writeln!(out)?;
            }
        }
        Ok(())
    })
}

fn page_json(page: &Article) -> Value {
    let meta = &page.meta;
    json!({
        "path": page.input,
        "title": meta.title,
        "published": meta.published.map(|d| d.format("%Y-%m-%d").to_string()),
        "byline": meta.byline,
        "outlet": meta.outlet,
        "url": meta.url,
        "language": meta.language,
        "text": page.text,
    })
}

/// The file name without its folder and without `.html.gz`, `.htm.gz`, `.html` or `.htm`.
fn page_id(path: &str) -> String {
    let name = Path::new(path).file_name().map_or_else(|| path.to_owned(), |n| n.to_string_lossy().into_owned());
    for suffix in [".html.gz", ".htm.gz", ".html", ".htm"] {
        if let Some(id) = name.strip_suffix(suffix) {
            return id.to_owned();
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::page_id;

    #[test]
    fn ids_drop_the_folder_and_extensions() {
        assert_eq!(page_id("data/html/04a6.html.gz"), "04a6");
        assert_eq!(page_id("page.htm"), "page");
        assert_eq!(page_id("-"), "-");
    }
}
