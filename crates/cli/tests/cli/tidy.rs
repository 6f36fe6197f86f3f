//! Repository hygiene: every Rust file opens with a `//!` comment saying what it owns.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() && name != "target" && !name.starts_with('.') {
            rust_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

#[test]
fn every_rust_file_opens_with_a_module_comment() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rust_files(&root.join("crates"), &mut files);
    assert!(files.len() > 20, "found only {} files", files.len());
    let missing: Vec<_> =
        files.iter().filter(|f| !std::fs::read_to_string(f).unwrap().trim_start().starts_with("//!")).collect();
    assert!(missing.is_empty(), "files without a //! comment: {missing:?}");
}

/// The words of a name, for matching whole words.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn no_name_of_the_example_in_library_code() {
    // The rules must serve any story: the example's people, organisations and places appear in
    // no source file outside its tests (the part of a file before `#[cfg(test)]`).
    let expected = crate::support::expected();
    let mut names: Vec<String> = Vec::new();
    for entity in expected["entities"].as_array().expect("the expectations list entities") {
        names.push(entity["name"].as_str().unwrap().to_owned());
        names.extend(entity["aliases"].as_array().into_iter().flatten().map(|a| a.as_str().unwrap().to_owned()));
    }
    assert!(names.len() > 5, "{names:?}");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for krate in ["newsbrief", "store", "server", "cli"] {
        rust_files(&root.join("crates").join(krate).join("src"), &mut files);
    }
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        found.extend(names.iter().filter(|n| contains_word(code, n)).map(|n| format!("{n} in {}", file.display())));
    }
    assert!(found.is_empty(), "{found:#?}");
}
