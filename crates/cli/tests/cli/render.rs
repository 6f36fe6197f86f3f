//! `newsbrief render`: a saved JSON brief renders to the same Markdown and JSON as the brief
//! itself (the round trip through the JSON form loses nothing), and a damaged one is refused.

use crate::support::{example_dir, run};

#[test]
fn a_saved_brief_renders_as_the_brief_did() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("brief.json");
    let example = example_dir();
    let json = run(&["brief", example.to_str().unwrap(), "--format", "json", "--output", saved.to_str().unwrap()]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let markdown = run(&["brief", example.to_str().unwrap()]);
    let rendered = run(&["render", saved.to_str().unwrap()]);
    assert_eq!(rendered.code, 0, "{}", rendered.stderr);
    assert_eq!(rendered.stdout, markdown.stdout);
    let again = run(&["render", saved.to_str().unwrap(), "--format", "json"]);
    assert_eq!(again.stdout, std::fs::read_to_string(&saved).unwrap());
}

#[test]
fn a_damaged_or_foreign_brief_is_refused_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("brief.json");
    let example = example_dir();
    run(&["brief", example.to_str().unwrap(), "--format", "json", "--output", saved.to_str().unwrap()]);
    let mut brief: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();

    let shifted = dir.path().join("shifted.json");
    let start = brief["summary"][0]["start"].as_u64().unwrap();
    brief["summary"][0]["start"] = (start + 1).into();
    std::fs::write(&shifted, brief.to_string()).unwrap();
    let refused = run(&["render", shifted.to_str().unwrap()]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("shifted.json: the brief does not match its sources"), "{}", refused.stderr);

    let old = dir.path().join("old.json");
    brief["schema_version"] = 1.into();
    std::fs::write(&old, brief.to_string()).unwrap();
    let refused = run(&["render", old.to_str().unwrap()]);
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.contains("old.json: a brief of schema version 2 is expected, this one has 1"),
        "{}",
        refused.stderr
    );

    let not_json = dir.path().join("notes.json");
    std::fs::write(&not_json, "# notes").unwrap();
    let refused = run(&["render", not_json.to_str().unwrap()]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("notes.json: not JSON"), "{}", refused.stderr);
}

#[test]
fn the_same_report_twice_is_briefed_once_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let report = example_dir().join("000_7fbbb022c37d34bd.txt");
    std::fs::copy(&report, dir.path().join("a.txt")).unwrap();
    std::fs::copy(&report, dir.path().join("b.txt")).unwrap();
    let out = run(&["brief", dir.path().to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stderr.contains("b.txt: the same text as"), "{}", out.stderr);
    let brief: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(brief["sources"].as_array().unwrap().len(), 1);
}

#[test]
fn the_html_report_is_one_page_whose_marks_reach_their_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("brief.json");
    let example = example_dir();
    let json = run(&["brief", example.to_str().unwrap(), "--format", "json", "--output", saved.to_str().unwrap()]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let page = run(&["brief", example.to_str().unwrap(), "--format", "html"]);
    assert_eq!(page.code, 0, "{}", page.stderr);
    let html = page.stdout;
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{}", &html[..100]);
    // Self-contained: no address is fetched (the only link out is a source's own address).
    for fetching in ["src=\"", "<link", "@import", "url("] {
        assert!(!html.contains(fetching), "{fetching}");
    }
    assert_eq!(html.matches("<svg").count(), 1, "one timeline");
    assert!(html.contains("<table class=\"support\">"));
    // Every summary sentence's mark names an anchor that holds exactly that sentence.
    let brief: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&saved).unwrap()).unwrap();
    let sources = brief["sources"].as_array().unwrap();
    for sentence in brief["summary"].as_array().unwrap() {
        let index = sources.iter().position(|s| s["id"] == sentence["source"]).unwrap() + 1;
        let anchor = format!("c{index}-{}-{}", sentence["start"], sentence["end"]);
        assert!(html.contains(&format!("href=\"#{anchor}\"")), "{anchor}");
        let at = html.find(&format!("<mark id=\"{anchor}\">")).unwrap_or_else(|| panic!("no anchor {anchor}"));
        let marked = &html[at..];
        let first_words: String = sentence["text"].as_str().unwrap().chars().take(20).collect();
        assert!(marked[marked.find('>').unwrap() + 1..].starts_with(&first_words.replace('"', "&quot;")), "{anchor}");
    }
    // The saved brief renders to the same page.
    let rendered = run(&["render", saved.to_str().unwrap(), "--format", "html"]);
    assert_eq!(rendered.code, 0, "{}", rendered.stderr);
    assert_eq!(rendered.stdout, html);
}
