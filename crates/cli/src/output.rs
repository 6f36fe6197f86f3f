//! Writing results: to a file or standard output, buffered; diagnostics to standard error.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use newsbrief::Diagnostic;

/// Runs `write` on a buffered writer to `path`, or to standard output, and flushes it.
pub(crate) fn write_output(path: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    if let Some(path) = path {
        let file = File::create(path).with_context(|| format!("{}: cannot create the output file", path.display()))?;
        let mut out = BufWriter::new(file);
        write(&mut out)?;
        out.flush().with_context(|| format!("{}: cannot write the output file", path.display()))?;
    } else {
        let stdout = io::stdout();
        let mut out = BufWriter::new(stdout.lock());
        write(&mut out)?;
        out.flush()?;
    }
    Ok(())
}

/// Prints diagnostics on standard error, one a line.
pub(crate) fn report(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        eprintln!("newsbrief: {diagnostic}");
    }
}

/// Reads the whole of `path`, or standard input for `-`, as UTF-8 text.
pub(crate) fn read_to_string(path: &Path) -> Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        io::Read::read_to_string(&mut io::stdin().lock(), &mut text)
            .context("cannot read standard input as UTF-8 text")?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).with_context(|| format!("{}: cannot read the file as UTF-8 text", path.display()))
    }
}
