//! Criterion benchmark of the named-entity recognizer ([`newsbrief::find_entities`]) on one
//! core: the shipped example's five reports, and, when `../shared` is present, the 216
//! documents of CoNLL-2003's development set (51,362 tokens) as `score_ner.py texts` writes them.
//! Throughput is in tokens (white-space separated words), the goal being 100,000 a second.
//!
//! `cargo bench -p newsbrief --bench ner`. Each bench checks the names it finds, so that a
//! broken recognizer cannot bench fast.

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use newsbrief::find_entities;
use newsbrief::ner_training::{parse_conll, ConllDocument};

/// Sets of texts to tag, with the least number of names each should give.
fn corpora() -> Vec<(&'static str, Vec<String>, usize)> {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/reset");
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .expect("the example ships with the repository")
        .map(|entry| entry.expect("the example folder reads").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let reports = paths.iter().map(|path| std::fs::read_to_string(path).expect("the reports are text")).collect();
    let mut corpora = vec![("example", reports, 100)];
    let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/ner/conll2003/dev.txt");
    match std::fs::read_to_string(dev) {
        // The development set holds 5,942 names.
        Ok(data) => corpora.push(("conll-dev", parse_conll(&data).iter().map(ConllDocument::text).collect(), 5_500)),
        Err(_) => eprintln!("skipped the CoNLL development set: {dev} is absent"),
    }
    corpora
}

fn recognizer(c: &mut Criterion) {
    // Parse the model before timing.
    assert!(!find_entities("Paris").is_empty());
    for (name, texts, least) in corpora() {
        let tokens: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
        let mut group = c.benchmark_group(format!("ner/{name}"));
        group.throughput(Throughput::Elements(tokens as u64));
        group.sample_size(20);
        group.bench_function("find_entities", |b| {
            b.iter(|| {
                let names: usize = texts.iter().map(|t| find_entities(black_box(t)).len()).sum();
                assert!(names >= least, "{names} names");
            });
        });
        group.finish();
    }
}

criterion_group!(benches, recognizer);
criterion_main!(benches);
