//! `newsbrief sentences`: the sentence splitter on its own.

use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;

use crate::input;
use crate::output::write_output;

/// Arguments of `newsbrief sentences`.
#[derive(Debug, clap::Args)]
pub(crate) struct SentencesArgs {
    /// A text file, or `-` for standard input.
    #[arg(default_value = "-", value_name = "PATH")]
    path: PathBuf,
    /// `text`: one sentence per line, line breaks inside a sentence printed as spaces;
    /// `json`: an array of `{"text", "start", "end"}` with byte offsets into the decoded input.
    #[arg(long, value_enum, default_value_t = SentencesFormat::Text)]
    format: SentencesFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SentencesFormat {
    /// One sentence per line.
    Text,
    /// A JSON array with byte spans.
    Json,
}

/// Runs `newsbrief sentences`.
pub(crate) fn run(args: &SentencesArgs) -> Result<()> {
    let text = input::read_one_text(&args.path)?;
    let spans = newsbrief::split_sentences(&text);
    write_output(None, |out| {
        match args.format {
            SentencesFormat::Text => {
                for span in &spans {
                    writeln!(out, "{}", newsbrief::one_line(span.text(&text)))?;
                }
            }
            SentencesFormat::Json => {
                let items: Vec<serde_json::Value> = spans
                    .iter()
                    .map(|s| serde_json::json!({"text": s.text(&text), "start": s.start, "end": s.end}))
                    .collect();
                serde_json::to_writer_pretty(&mut *out, &items)?;
                writeln!(out)?;
            }
        }
        Ok(())
    })
}
