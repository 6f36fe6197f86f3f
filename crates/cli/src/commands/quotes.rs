//! `newsbrief quotes`: the direct quotations of one article and who says them.

use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;

use crate::input;
use crate::output::write_output;

/// Arguments of `newsbrief quotes`.
#[derive(Debug, clap::Args)]
pub(crate) struct QuotesArgs {
    /// A text file (one article), or `-` for standard input.
    #[arg(default_value = "-", value_name = "PATH")]
    path: PathBuf,
    /// `text`: one quotation a line (speaker, how the speaker is given, and the quoted words,
    /// tab-separated; `-` for an unattributed one); `json`: an array of `{"start", "end",
    /// "text", "speaker": {"start", "end", "text", "name", "via"} | null}` with byte offsets
    /// into the decoded input.
    #[arg(long, value_enum, default_value_t = QuotesFormat::Text)]
    format: QuotesFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum QuotesFormat {
    /// One quotation a line.
    Text,
    /// A JSON array with byte spans.
    Json,
}

/// Runs `newsbrief quotes`.
pub(crate) fn run(args: &QuotesArgs) -> Result<()> {
    let text = input::read_one_text(&args.path)?;
    let quotes = newsbrief::find_quotations(&text);
    write_output(None, |out| {
        match args.format {
            QuotesFormat::Text => {
                for quote in &quotes {
                    let (name, via) = match &quote.speaker {
                        Some(speaker) => (speaker.name.as_str(), serde_json::to_value(speaker.via)?),
                        None => ("-", serde_json::Value::String("-".to_owned())),
                    };
                    writeln!(
                        out,
                        "{name}\t{}\t{}",
                        via.as_str().unwrap_or_default(),
                        newsbrief::one_line(&quote.text)
                    )?;
                }
            }
            QuotesFormat::Json => {
                serde_json::to_writer_pretty(&mut *out, &quotes)?;
                writeln!(out)?;
            }
        }
        Ok(())
    })
}
