//! Criterion benchmark: all five ROUGE scores of the fixture pairs copied into the crate's tests.
//!
//! `cargo bench -p rouge`. The side-by-side speed against `rouge-score` on all 836 fixture pairs
//! is `scripts/rouge_speed.py`.

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use rouge::Scorer;

const PAIRS: &str = include_str!("../tests/fixtures/pairs_sample.jsonl");

fn pairs(c: &mut Criterion) {
    let pairs: Vec<(String, String, bool)> = PAIRS
        .lines()
        .map(|line| {
            let value: serde_json::Value = serde_json::from_str(line).expect("fixture lines are JSON");
            let text = |key: &str| value[key].as_str().expect("fixture fields are strings").to_owned();
            (text("candidate"), text("reference"), value["stemmed"].as_bool().expect("stemmed is a bool"))
        })
        .collect();
    let mut group = c.benchmark_group("rouge");
    group.throughput(Throughput::Elements(pairs.len() as u64));
    group.bench_function("score sample pairs", |b| {
        b.iter(|| {
            let total: f64 = pairs
                .iter()
                .map(|(candidate, reference, stem)| {
                    Scorer::new(*stem).score(black_box(candidate), black_box(reference)).rouge1.fmeasure
                })
                .sum();
            assert!(total > 0.0);
        });
    });
    group.finish();
}

criterion_group!(benches, pairs);
criterion_main!(benches);
