//! The whole pipeline on the 100 Multi-News dev clusters: every cluster briefs, within budget,
//! with verbatim sentences, and cleaning keeps nearly all of the text; the story's analysis
//! quotes and dates only what the reports say, and ties facts to several of them.

use newsbrief::{one_line, Article, Brief, Pipeline, Severity};

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
        for sentence in &brief.summary {
            let index = brief.sources.iter().position(|s| s.id == sentence.source).unwrap();
            assert_eq!(&articles[index].text[sentence.start..sentence.end], sentence.text);
        }
        check_analysis(&cluster["id"].to_string(), &brief, &articles);
        clusters += 1;
    }
    assert_eq!(clusters, 100);
    // A few dev documents are nothing but a link prompt ("More from this journal").
    assert!(dropped <= 3, "{dropped} of the 281 documents were dropped as empty");
    // Cleaning removes debris, headlines and datelines, and must keep the articles whole.
    let kept = kept_words as f64 / raw_words as f64;
    assert!(kept > 0.97, "cleaning kept only {:.1}% of the words", kept * 100.0);
}

/// What the analysis says stands in the reports it names.
fn check_analysis(cluster: &str, brief: &Brief, articles: &[Article]) {
    let text_of = |id: &str| {
        let index =
            brief.sources.iter().position(|s| s.id == id).unwrap_or_else(|| panic!("{cluster}: no source {id}"));
        one_line(&articles[index].text)
    };
    for quote in &brief.quotes {
        assert!(text_of(&quote.source).contains(&one_line(&quote.text)), "{cluster}: {quote:?} is not in its source");
        let speaker = brief.entities.iter().find(|e| e.name == quote.speaker);
        assert!(
            speaker.is_some_and(|e| e.kind == "person" || e.kind == "organization"),
            "{cluster}: the speaker of {quote:?} is no person or organisation among the entities"
        );
    }
    for pair in brief.timeline.windows(2) {
        assert!(pair[0].date <= pair[1].date, "{cluster}: the timeline is out of order at {:?}", pair[1]);
    }
    for entry in &brief.timeline {
        assert!(
            entry.sources.iter().any(|s| text_of(s).contains(&one_line(&entry.text))),
            "{cluster}: {entry:?} is in none of its sources"
        );
    }
    for fact in &brief.corroborated {
        let mut sources = fact.sources.clone();
        sources.dedup();
        assert!(sources.len() >= 2, "{cluster}: {fact:?} has fewer than two sources");
        assert!(
            sources.iter().any(|s| text_of(s).contains(&fact.text)),
            "{cluster}: {fact:?} is in none of its sources"
        );
    }
    for conflict in &brief.conflicts {
        let values: std::collections::BTreeSet<&str> = conflict.variants.iter().map(|v| v.value.as_str()).collect();
        assert!(values.len() >= 2, "{cluster}: {conflict:?} gives fewer than two values");
    }
}
