//! The two extractors `newsbrief extract` combines, each alone, on a folder of web pages, for
//! the README's comparison: prints `{id: {"articleBody": text}}` as
//! `shared/tools/score_extraction.py` reads it.
//!
//! `cargo run --release -p newsbrief --example extractors -- rs-trafilatura|dom_smoothie DIR [OPTIONS]`
//!
//! rs-trafilatura runs with its default options, as the article-extraction benchmark runs it,
//! unless OPTIONS (comma-separated) names some of `precision`, `recall`, `no-fallback`,
//! `no-tables`, `deduplicate`, `markdown` (its Markdown output instead of its text) and
//! `article` (every page taken as an article); `dom_smoothie` (Readability) gives its article's
//! text.

// An example reports on standard output.
#![allow(clippy::print_stdout)]

use std::collections::BTreeMap;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (extractor, dir, flags) = match args.as_slice() {
        [extractor, dir] => (extractor, dir, ""),
        [extractor, dir, flags] => (extractor, dir, flags.as_str()),
        _ => {
            eprintln!("usage: extractors rs-trafilatura|dom_smoothie DIR [OPTIONS]");
            std::process::exit(2);
        }
    };
    let mut options = rs_trafilatura::Options::default();
    for flag in flags.split(',').filter(|f| !f.is_empty()) {
        match flag {
            "precision" => options.favor_precision = true,
            "recall" => options.favor_recall = true,
            "no-fallback" => options.use_fallback_extraction = false,
            "no-tables" => options.include_tables = false,
            "deduplicate" => options.deduplicate = true,
            "markdown" => options.output_markdown = true,
            "article" => options.page_type = Some(rs_trafilatura::page_type::PageType::Article),
            other => {
                eprintln!("unknown option {other}");
                std::process::exit(2);
            }
        }
    }
    let mut entries: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(err) => {
            eprintln!("{dir}: {err}");
            std::process::exit(1);
        }
    };
    entries.sort();
    let mut out = BTreeMap::new();
    for path in entries {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let id = name.trim_end_matches(".gz").trim_end_matches(".html").to_owned();
        let Some(html) = std::fs::read(&path).ok().and_then(|bytes| newsbrief::read_text(&name, &bytes).ok()) else {
            eprintln!("{name}: unreadable");
            continue;
        };
        let text = match extractor.as_str() {
            "rs-trafilatura" => rs_trafilatura::extract_with_options(&html.0, &options)
                .map(|r| if options.output_markdown { r.content_markdown.unwrap_or_default() } else { r.content_text })
                .unwrap_or_default(),
            "dom_smoothie" => dom_smoothie::Readability::new(html.0.as_str(), None, None)
                .and_then(|mut r| r.parse())
                .map(|a| a.text_content.to_string())
                .unwrap_or_default(),
            other => {
                eprintln!("unknown extractor {other}");
                std::process::exit(2);
            }
        };
        out.insert(id, serde_json::json!({ "articleBody": text }));
    }
    println!("{}", serde_json::Value::Object(out.into_iter().collect()));
}
