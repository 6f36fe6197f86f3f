//! Measures what an article's analysis costs to store in each candidate encoding: mean bytes
//! per article of the cleaned text, the analysis (without its text) as JSON, and as postcard.
//!
//! `cargo run --release -p story-store --example encoding_sizes -- STREAM.jsonl`

// A tool that reports on standard output.
#![allow(clippy::print_stdout)]

use rayon::prelude::*;

fn main() {
    let path = std::env::args().nth(1).expect("a JSON-lines stream");
    let bytes = std::fs::read(&path).expect("a readable stream");
    let pipeline = newsbrief::Pipeline::default();
    let (articles, _) = pipeline.read(&path, &bytes);
    let sizes: Vec<[usize; 3]> = articles
        .into_par_iter()
        .map(|article| {
            let analyzed = pipeline.analyze(article);
            let without_text = newsbrief::AnalyzedArticle { text: String::new(), ..analyzed.clone() };
            let json = serde_json::to_vec(&without_text).expect("JSON").len();
            [analyzed.text.len(), json, story_store::codec::encode_analysis(&analyzed).len()]
        })
        .collect();
    let n = sizes.len().max(1) as f64;
    let mean = |i: usize| sizes.iter().map(|s| s[i] as f64).sum::<f64>() / n;
    println!(
        "{} articles: text {:.0} B, analysis as JSON {:.0} B, as postcard {:.0} B ({:.2}x smaller)",
        sizes.len(),
        mean(0),
        mean(1),
        mean(2),
        mean(1) / mean(2)
    );
}
