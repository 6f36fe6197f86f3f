//! `newsbrief entities`: the named entities of a text (people, organisations, places, other
//! names), as byte spans, from the shipped statistical recognizer.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use newsbrief::EntityMention;

use crate::input;
use crate::output::write_output;

/// Arguments of `newsbrief entities`.
#[derive(Debug, clap::Args)]
pub(crate) struct EntitiesArgs {
    /// A text file, or `-` for standard input.
    #[arg(default_value = "-", value_name = "PATH")]
    path: PathBuf,
    /// `text`: one name a line (the name and its kind, tab-separated); `json`: an array of
    /// `{"start", "end", "text", "kind"}` with byte offsets into the decoded input.
    #[arg(long, value_enum, default_value_t = EntitiesFormat::Text)]
    format: EntitiesFormat,
    /// Read JSON lines `{"id", "text"}` (as `score_ner.py texts` writes them) and print one line
    /// `{"id", "entities": [{"start", "end", "kind"}]}` for each (as `score_ner.py score` reads them).
    #[arg(long, conflicts_with = "format")]
    jsonl: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum EntitiesFormat {
    /// One name a line.
    Text,
    /// A JSON array with byte spans.
    Json,
}

/// Runs `newsbrief entities`.
pub(crate) fn run(args: &EntitiesArgs) -> Result<()> {
    let text = input::read_one_text(&args.path)?;
    if args.jsonl {
        return run_jsonl(args, &text);
    }
    let mentions = newsbrief::find_entities(&text);
    write_output(None, |out| {
        match args.format {
            EntitiesFormat::Text => {
                for mention in &mentions {
                    writeln!(
                        out,
                        "{}\t{}",
                        newsbrief::one_line(&text[mention.start..mention.end]),
                        mention.kind.name()
                    )?;
                }
            }
            EntitiesFormat::Json => {
                let items: Vec<serde_json::Value> = mentions.iter().map(|m| json(&text, m, true)).collect();
                serde_json::to_writer_pretty(&mut *out, &items)?;
                writeln!(out)?;
            }
        }
        Ok(())
    })
}

/// One mention as JSON, with its text or without.
fn json(text: &str, mention: &EntityMention, with_text: bool) -> serde_json::Value {
    let mut value = serde_json::json!({"start": mention.start, "end": mention.end});
    if with_text {
        value["text"] = text[mention.start..mention.end].into();
    }
    value["kind"] = mention.kind.name().into();
    value
}

/// The `--jsonl` mode: every line's text tagged.
fn run_jsonl(args: &EntitiesArgs, data: &str) -> Result<()> {
    let mut rows = Vec::new();
    for (number, line) in data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let row: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: invalid JSON", args.path.display(), number + 1))?;
        let Some(text) = row["text"].as_str() else {
            bail!("{}:{}: no \"text\" string", args.path.display(), number + 1);
        };
        let entities: Vec<serde_json::Value> =
            newsbrief::find_entities(text).iter().map(|m| json(text, m, false)).collect();
        rows.push(serde_json::json!({"id": row["id"], "entities": entities}));
    }
    write_output(None, |out| {
        for row in &rows {
            serde_json::to_writer(&mut *out, row)?;
            writeln!(out)?;
        }
        Ok(())
    })
}
