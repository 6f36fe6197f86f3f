//! Gathering inputs from the command line: files, folders (read recursively, in sorted order)
//! and `-` for standard input, each read into bytes with its name.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use newsbrief::{Diagnostic, MAX_INPUT_BYTES};

/// One input: its name as the user gave it (or as found in a folder) and its bytes.
pub(crate) struct Input {
    pub(crate) name: String,
    pub(crate) bytes: Vec<u8>,
}

/// Reads every input named by `paths`. A path that does not exist is an error; an unreadable or
/// oversized file, or a folder without files, is reported as a diagnostic and passed over.
pub(crate) fn gather(paths: &[PathBuf]) -> Result<(Vec<Input>, Vec<Diagnostic>)> {
    let mut inputs = Vec::new();
    let mut diagnostics = Vec::new();
    let mut read_stdin = false;
    for path in paths {
        if path.as_os_str() == "-" {
            if read_stdin {
                bail!("standard input (-) is named more than once");
            }
            read_stdin = true;
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .take(MAX_INPUT_BYTES + 1)
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            inputs.push(Input { name: "-".to_owned(), bytes });
            continue;
        }
        let metadata = fs::metadata(path)
            .with_context(|| format!("{}: no such file or folder, or it cannot be read", path.display()))?;
        if metadata.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files, &mut diagnostics);
            if files.is_empty() {
                diagnostics.push(Diagnostic::error(&path.display().to_string(), "the folder holds no files"));
            }
            for file in files {
                read_file(&file, &mut inputs, &mut diagnostics);
            }
        } else {
            read_file(path, &mut inputs, &mut diagnostics);
        }
    }
    Ok((inputs, diagnostics))
}

/// Reads the one text input `path` (a file or `-`), decoded, reporting any warning.
pub(crate) fn read_one_text(path: &Path) -> Result<String> {
    let (inputs, diagnostics) = gather(std::slice::from_ref(&path.to_path_buf()))?;
    crate::output::report(&diagnostics);
    let Some(input) = inputs.first() else { bail!("{}: cannot be read", path.display()) };
    let (text, warning) =
        newsbrief::read_text(&input.name, &input.bytes).map_err(|d| anyhow::anyhow!("{}: {}", d.input, d.message))?;
    crate::output::report(warning.as_slice());
    Ok(text)
}

/// Collects the files under `folder`, recursively and in sorted order, leaving out hidden ones.
pub(crate) fn walk(folder: &Path, files: &mut Vec<PathBuf>, diagnostics: &mut Vec<Diagnostic>) {
    let entries = match fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(err) => {
            diagnostics
                .push(Diagnostic::error(&folder.display().to_string(), format!("cannot read the folder: {err}")));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            walk(&path, files, diagnostics);
        } else {
            files.push(path);
        }
    }
}

fn read_file(path: &Path, inputs: &mut Vec<Input>, diagnostics: &mut Vec<Diagnostic>) {
    let name = path.display().to_string();
    match fs::metadata(path) {
        Ok(metadata) if metadata.len() > MAX_INPUT_BYTES => {
            let message =
                format!("the file is {} MB, more than the {} MB limit", metadata.len() >> 20, MAX_INPUT_BYTES >> 20);
            diagnostics.push(Diagnostic::error(&name, message));
        }
        Ok(_) => match fs::read(path) {
            Ok(bytes) => inputs.push(Input { name, bytes }),
            Err(err) => diagnostics.push(Diagnostic::error(&name, format!("cannot read the file: {err}"))),
        },
        Err(err) => diagnostics.push(Diagnostic::error(&name, format!("cannot read the file: {err}"))),
    }
}
