//! `newsbrief render`: a saved JSON brief rendered again, as Markdown, JSON or HTML (which proves that
//! a brief survives the round trip through its JSON form).

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use newsbrief::{Brief, OutputFormat, SCHEMA_VERSION};

use crate::output::{read_to_string, write_output};

/// Arguments of `newsbrief render`.
#[derive(Debug, clap::Args)]
pub(crate) struct RenderArgs {
    /// A brief saved by `newsbrief brief --format json`, or `-` for standard input.
    #[arg(value_name = "BRIEF.json")]
    path: PathBuf,
    /// Output format.
    #[arg(long, default_value = "md", value_parser = crate::output_format())]
    format: OutputFormat,
    /// Write the rendering to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

/// Runs `newsbrief render`.
pub(crate) fn run(args: &RenderArgs) -> Result<()> {
    let name = args.path.display();
    let text = read_to_string(&args.path)?;
    let version = serde_json::from_str::<serde_json::Value>(&text)
        .with_context(|| format!("{name}: not JSON"))?
        .get("schema_version")
        .and_then(serde_json::Value::as_u64);
    if version != Some(u64::from(SCHEMA_VERSION)) {
        let found = version.map_or_else(|| "none".to_owned(), |v| v.to_string());
        bail!("{name}: a brief of schema version {SCHEMA_VERSION} is expected, this one has {found}");
    }
    let brief: Brief = serde_json::from_str(&text).with_context(|| format!("{name}: not a brief"))?;
    if let Err(problem) = brief.check_spans() {
        bail!("{name}: the brief does not match its sources: {problem}");
    }
    write_output(args.output.as_deref(), |out| Ok(newsbrief::render(&brief, args.format, out)?))
}
