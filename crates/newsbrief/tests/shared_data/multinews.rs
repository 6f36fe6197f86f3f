//! The whole pipeline on the 100 Multi-News dev clusters: every cluster briefs, within budget,
//! with verbatim sentences, and cleaning keeps nearly all of the text; the story's analysis
//! quotes and dates only what the reports say, and ties facts to several of them.

use newsbrief::{Brief, EntityKind, Pipeline, Severity};

use crate::shared_data;

#[test]
fn every_dev_cluster_briefs_verbatim_within_budget() {
    let Some(path) = shared_data("multinews/dev.jsonl") else { return };
    let data = std::fs::read_to_string(path).unwrap();
    let pipeline = Pipeline::builder().words(150).build().unwrap();
    let (mut raw_words, mut kept_words, mut clusters, mut dropped) = (0, 0, 0, 0);
    for line in data.lines() {
        let cluster: serde_json::Value = serde_json::from_str(line).unwrap();
        let mut articles = Vec::new();
        for (i, document) in cluster["documents"].as_array().unwrap().iter().enumerate() {
            let text = document.as_str().unwrap().replace("NEWLINE_CHAR", "\n");
            raw_words += newsbrief::word_count(&text);
            let (read, diagnostics) = pipeline.read(&format!("doc{i}.txt"), text.as_bytes());
            dropped += diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            articles.extend(read);
        }
        kept_words += articles.iter().map(|a| newsbrief::word_count(&a.text)).sum::<usize>();
        let brief = pipeline.brief(&articles);
        let words: usize = brief.summary.iter().map(|s| newsbrief::word_count(&s.text)).sum();
        assert!(words <= 150, "{}: {words} words", cluster["id"]);
        assert!(!brief.summary.is_empty(), "{}: empty summary", cluster["id"]);
        check_analysis(&cluster["id"].to_string(), &brief);
        clusters += 1;
    }
    assert_eq!(clusters, 100);
    // A few dev documents are nothing but a link prompt ("More from this journal").
    assert!(dropped <= 3, "{dropped} of the 281 documents were dropped as empty");
    // Cleaning removes debris, headlines and datelines, and must keep the articles whole.
    let kept = kept_words as f64 / raw_words as f64;
    assert!(kept > 0.97, "cleaning kept only {:.1}% of the words", kept * 100.0);
}

/// What the brief shows stands in the reports it names, at the spans it gives; speakers are
/// people or organisations; facts have two sources, conflicts two values.
fn check_analysis(cluster: &str, brief: &Brief) {
    if let Err(problem) = brief.check_spans() {
        panic!("{cluster}: {problem}");
    }
    for quote in &brief.quotes {
        if let Some(entity) = brief.entities.iter().find(|e| Some(&e.name) == quote.speaker.as_ref()) {
            assert!(
                matches!(entity.kind, EntityKind::Person | EntityKind::Organization),
                "{cluster}: the speaker of {quote:?} is no person or organisation"
            );
        }
    }
    for pair in brief.timeline.windows(2) {
        assert!(pair[0].date <= pair[1].date, "{cluster}: the timeline is out of order at {:?}", pair[1]);
    }
    for fact in &brief.corroborated {
        let mut sources = fact.sources.clone();
        sources.dedup();
        assert!(sources.len() >= 2, "{cluster}: {fact:?} has fewer than two sources");
        assert!(sources.contains(&fact.source), "{cluster}: {fact:?} is told in the words of another source");
    }
    for conflict in &brief.conflicts {
        let values: std::collections::BTreeSet<&str> = conflict.variants.iter().map(|v| v.value.as_str()).collect();
        assert!(values.len() >= 2, "{cluster}: {conflict:?} gives fewer than two values");
    }
}
