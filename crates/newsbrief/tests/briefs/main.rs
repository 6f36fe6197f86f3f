//! Golden briefs: the Markdown and JSON briefs of the shipped example and of two Multi-News dev
//! clusters, as insta snapshots. A change to a brief shows here as a snapshot diff, to be read
//! like code before it is accepted (`cargo insta review`). The dev clusters' snapshots leave out
//! the sources' texts (third-party data); they are skipped when `../shared` is absent, and fail
//! then under `CI=true`.

use std::path::PathBuf;

use newsbrief::{Brief, OutputFormat, Pipeline};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The brief of `reports` (name, bytes), read and briefed as the CLI does.
fn brief(reports: &[(String, Vec<u8>)]) -> Brief {
    let pipeline = Pipeline::default();
    let articles: Vec<_> = reports
        .iter()
        .flat_map(|(name, bytes)| pipeline.read(name, bytes).0)
        .map(|article| pipeline.analyze(article))
        .collect();
    let brief = pipeline.brief_analyzed(&articles);
    assert_eq!(brief.check_spans(), Ok(()));
    brief
}

fn markdown(brief: &Brief) -> String {
    let mut out = Vec::new();
    newsbrief::render(brief, OutputFormat::Markdown, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn the_example() {
    let dir = root().join("examples/reset");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let reports: Vec<(String, Vec<u8>)> =
        files.iter().map(|f| (f.display().to_string(), std::fs::read(f).unwrap())).collect();
    let brief = brief(&reports);
    insta::assert_snapshot!("example.md", markdown(&brief));
    insta::assert_json_snapshot!("example.json", brief);
}

#[test]
// FIXME: dev-cluster-1 gives "They are crying and I keep telling them ..." to the Associated Press
// (attribution "inferred"): the quotation before it, "he told The Associated Press", is a
// hospital official's, whom the article never names; that "he" resolves to a capitalised
// adjective ("North African", typed "other" by the recognizer), and the ranker, weighing the
// continuation, prefers the outlet. It should stay unattributed. An organisation is now never
// inferred for a quotation without frame, but this one has a frame (a continuation); barring
// organisations from continuations too, or "other" names from "he"/"she", measured worse on the
// held-out PolNeAR train halves taken together (0.9329 / 0.9145 and 0.9264 / 0.9087 against
// 0.9341 / 0.9142), and the first would give it to "North African" instead. The Markdown and
// HTML briefs at least mark it "(speaker inferred)".
fn two_dev_clusters() {
    let path = root().join("../shared/data/multinews/dev.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        assert!(std::env::var("CI").map_or(true, |ci| ci != "true"), "{} is absent under CI=true", path.display());
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    for (n, line) in data.lines().take(2).enumerate() {
        let cluster: serde_json::Value = serde_json::from_str(line).unwrap();
        let reports: Vec<(String, Vec<u8>)> = cluster["documents"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, d)| (format!("doc{i}.txt"), d.as_str().unwrap().replace("NEWLINE_CHAR", "\n").into_bytes()))
            .collect();
        let brief = brief(&reports);
        insta::assert_snapshot!(format!("dev-cluster-{}.md", n + 1), markdown(&brief));
        insta::assert_json_snapshot!(format!("dev-cluster-{}.json", n + 1), brief, { ".sources[].text" => "[text]" });
    }
}
