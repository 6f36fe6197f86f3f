//! `newsbrief dates`: the temporal expressions of a text, resolved against its creation date.

use std::path::PathBuf;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use clap::ValueEnum;

use crate::input;
use crate::output::write_output;

/// Arguments of `newsbrief dates`.
#[derive(Debug, clap::Args)]
pub(crate) struct DatesArgs {
    /// A text file, or `-` for standard input.
    #[arg(default_value = "-", value_name = "PATH")]
    path: PathBuf,
    /// The text's creation (publication) date, `YYYY-MM-DD`, against which "on Friday" or
    /// "last month" are resolved.
    #[arg(long, value_name = "YYYY-MM-DD")]
    dct: String,
    /// `text`: one expression a line (`text`, type and value, tab-separated); `json`: an array
    /// of `{"start", "end", "text", "type", "value"}` with byte offsets into the decoded input.
    #[arg(long, value_enum, default_value_t = DatesFormat::Text)]
    format: DatesFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DatesFormat {
    /// One expression a line.
    Text,
    /// A JSON array with byte spans.
    Json,
}

/// Runs `newsbrief dates`.
pub(crate) fn run(args: &DatesArgs) -> Result<()> {
    let dct: NaiveDate = args
        .dct
        .get(..10)
        .and_then(|d| d.parse().ok())
        .with_context(|| format!("--dct {}: expected a date as YYYY-MM-DD", args.dct))?;
    let text = input::read_one_text(&args.path)?;
    let timexes = newsbrief::find_timexes(&text, dct);
    write_output(None, |out| {
        match args.format {
            DatesFormat::Text => {
                for timex in &timexes {
                    let kind = serde_json::to_value(timex.kind)?;
                    writeln!(out, "{}\t{}\t{}", timex.text, kind.as_str().unwrap_or_default(), timex.value)?;
                }
            }
            DatesFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &timexes)?;
                writeln!(out)?;
            }
        }
        Ok(())
    })
}
