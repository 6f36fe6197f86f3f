//! Criterion benchmarks of the pipeline's stages: reading and cleaning, splitting, analysing each
//! article (for a summary: sentences and terms; in full: also dates, names and quotations),
//! finding temporal expressions (`find_timexes`),
//! reading the story's sentences (`Features::from_articles`), scoring (tf-idf vectors), selecting
//! (the default summarizer) and the whole brief, with and without the story's analysis — on the
//! shipped example story and, when `../shared` is present, on the documents of the first 20
//! Multi-News dev clusters taken as one pile (a large input).
//!
//! `cargo bench -p newsbrief --bench pipeline`. Each bench checks its result, so that a broken
//! stage cannot bench fast.

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use newsbrief::stages::{select, Budget, Features};
use newsbrief::{
    analyze, find_entities, find_timexes, split_sentences, Algorithm, AnalyzedArticle, Article, Depth, Pipeline,
};

/// The creation date the temporal expressions are resolved against (any day: the work is the same).
const DCT: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2009, 3, 7) {
    Some(day) => day,
    None => panic!("a valid day"),
};

const REPORTS: [&str; 5] = [
    include_str!("../../../examples/reset/000_7fbbb022c37d34bd.txt"),
    include_str!("../../../examples/reset/001_daa0ea3d565551e9.txt"),
    include_str!("../../../examples/reset/002_d29d39b4454c52de.txt"),
    include_str!("../../../examples/reset/003_3360867b0691abaf.txt"),
    include_str!("../../../examples/reset/004_347165b2df7807e8.txt"),
];

/// Clusters of raw report texts: the example, and Multi-News dev clusters when present.
fn clusters() -> Vec<(String, Vec<String>)> {
    let mut clusters = vec![("example".to_owned(), REPORTS.iter().map(|r| (*r).to_owned()).collect())];
    let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/multinews/dev.jsonl");
    match std::fs::read_to_string(dev) {
        Ok(data) => {
            let documents: Vec<String> = data
                .lines()
                .take(20)
                .flat_map(|line| {
                    let cluster: serde_json::Value = serde_json::from_str(line).expect("dev lines are JSON");
                    cluster["documents"]
                        .as_array()
                        .expect("dev clusters have documents")
                        .iter()
                        .map(|d| d.as_str().expect("documents are strings").replace("NEWLINE_CHAR", "\n"))
                        .collect::<Vec<_>>()
                })
                .collect();
            clusters.push(("multinews-20".to_owned(), documents));
        }
        Err(_) => eprintln!("skipped the Multi-News clusters: {dev} is absent"),
    }
    clusters
}

fn stages(c: &mut Criterion) {
    let pipeline = Pipeline::default();
    let budget = Budget { words: 300, fill: false };
    for (name, texts) in clusters() {
        let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
        let mut group = c.benchmark_group(&name);
        group.throughput(Throughput::Bytes(bytes));
        group.sample_size(20);

        group.bench_function("read and clean", |b| {
            b.iter(|| {
                let count: usize =
                    texts.iter().map(|t| pipeline.read("bench.txt", black_box(t.as_bytes())).0.len()).sum();
                assert!(count >= texts.len() / 2);
            });
        });
        let articles: Vec<Article> = texts.iter().flat_map(|t| pipeline.read("bench.txt", t.as_bytes()).0).collect();
        group.bench_function("split", |b| {
            b.iter(|| {
                let count: usize = articles.iter().map(|a| split_sentences(black_box(&a.text)).len()).sum();
                assert!(count > 50);
            });
        });
        group.bench_function("timex", |b| {
            b.iter(|| {
                let count: usize = articles.iter().map(|a| find_timexes(black_box(&a.text), DCT).len()).sum();
                assert!(count > 10);
            });
        });
        group.bench_function("analyse for a summary", |b| {
            b.iter(|| {
                let sentences: usize =
                    articles.iter().map(|a| analyze(black_box(a.clone()), Depth::Summary).sentences.len()).sum();
                assert!(sentences > 50);
            });
        });
        group.bench_function("analyse in full", |b| {
            b.iter(|| {
                let names: usize =
                    articles.iter().map(|a| analyze(black_box(a.clone()), Depth::Full).entities.len()).sum();
                assert!(names > 10);
            });
        });
        let analyzed: Vec<AnalyzedArticle> = articles.iter().map(|a| analyze(a.clone(), Depth::Full)).collect();
        let story: Vec<&AnalyzedArticle> = analyzed.iter().collect();
        group.bench_function("read the story's sentences", |b| {
            b.iter(|| assert!(!Features::from_articles(black_box(&story)).is_empty()));
        });
        let features = Features::from_articles(&story);
        group.bench_function("score", |b| {
            b.iter(|| assert_eq!(black_box(&features).tfidf_vectors().len(), features.len()));
        });
        group.bench_function("select", |b| {
            b.iter(|| assert!(!select(black_box(&features), budget, Algorithm::Default).is_empty()));
        });
        group.bench_function("brief", |b| {
            b.iter(|| assert!(!pipeline.brief(black_box(&articles)).summary.is_empty()));
        });
        let summary_only = Pipeline::builder().analysis(false).build().expect("valid settings");
        group.bench_function("brief without analysis", |b| {
            b.iter(|| assert!(!summary_only.brief(black_box(&articles)).summary.is_empty()));
        });
        group.bench_function("brief of analysed articles", |b| {
            b.iter(|| assert!(!pipeline.brief_analyzed(black_box(&analyzed)).summary.is_empty()));
        });
        group.finish();
    }
}

/// Every Multi-News dev cluster briefed on its own, with and without the story's analysis: the
/// analysis's cost on real clusters, in one run; and the recognizer alone over the same reports.
fn dev_clusters(c: &mut Criterion) {
    let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/multinews/dev.jsonl");
    let Ok(data) = std::fs::read_to_string(dev) else {
        eprintln!("skipped the dev clusters: {dev} is absent");
        return;
    };
    let with = Pipeline::default();
    let without = Pipeline::builder().analysis(false).build().expect("valid settings");
    let clusters: Vec<Vec<Article>> = data
        .lines()
        .map(|line| {
            let cluster: serde_json::Value = serde_json::from_str(line).expect("dev lines are JSON");
            cluster["documents"]
                .as_array()
                .expect("dev clusters have documents")
                .iter()
                .flat_map(|d| {
                    with.read(
                        "doc.txt",
                        d.as_str().expect("documents are strings").replace("NEWLINE_CHAR", "\n").as_bytes(),
                    )
                    .0
                })
                .collect()
        })
        .collect();
    let mut group = c.benchmark_group("dev-clusters");
    group.sample_size(10);
    for (name, pipeline) in [("brief", &with), ("brief without analysis", &without)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let sentences: usize =
                    clusters.iter().map(|articles| pipeline.brief(black_box(articles)).summary.len()).sum();
                assert!(sentences > 100);
            });
        });
    }
    // The trained recognizer alone over every report: a floor under the analysis's cost.
    group.bench_function("recognizer alone", |b| {
        b.iter(|| {
            let names: usize = clusters.iter().flatten().map(|a| find_entities(black_box(&a.text)).len()).sum();
            assert!(names > 1_000, "{names} names");
        });
    });
    // Articles analysed once (as a store keeps them), then briefed: the story stages' own cost.
    let analyzed: Vec<Vec<AnalyzedArticle>> =
        clusters.iter().map(|articles| articles.iter().map(|a| with.analyze(a.clone())).collect()).collect();
    for (name, pipeline) in [("story stages", &with), ("summary stage", &without)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let sentences: usize =
                    analyzed.iter().map(|articles| pipeline.brief_analyzed(black_box(articles)).summary.len()).sum();
                assert!(sentences > 100);
            });
        });
    }
    group.finish();
}

criterion_group!(benches, stages, dev_clusters);
criterion_main!(benches);
