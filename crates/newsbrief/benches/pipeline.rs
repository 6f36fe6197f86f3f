//! Criterion benchmarks of the pipeline's stages on the shipped example story (five reports).
//!
//! `cargo bench -p newsbrief --bench pipeline`. Each bench checks its result, so that a broken
//! stage cannot bench fast.

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use newsbrief::Pipeline;

const REPORTS: [&str; 5] = [
    include_str!("../../../examples/reset/000_7fbbb022c37d34bd.txt"),
    include_str!("../../../examples/reset/001_daa0ea3d565551e9.txt"),
    include_str!("../../../examples/reset/002_d29d39b4454c52de.txt"),
    include_str!("../../../examples/reset/003_3360867b0691abaf.txt"),
    include_str!("../../../examples/reset/004_347165b2df7807e8.txt"),
];

fn stages(c: &mut Criterion) {
    let pipeline = Pipeline::default();
    let bytes: u64 = REPORTS.iter().map(|r| r.len() as u64).sum();
    let mut group = c.benchmark_group("example");
    group.throughput(Throughput::Bytes(bytes));

    group.bench_function("read and clean", |b| {
        b.iter(|| {
            let count: usize =
                REPORTS.iter().map(|r| pipeline.read("bench.txt", black_box(r.as_bytes())).0.len()).sum();
            assert_eq!(count, 5);
        });
    });

    let articles: Vec<_> = REPORTS.iter().flat_map(|r| pipeline.read("bench.txt", r.as_bytes()).0).collect();
    group.bench_function("split sentences", |b| {
        b.iter(|| {
            let count: usize = articles.iter().map(|a| newsbrief::split_sentences(black_box(&a.text)).len()).sum();
            assert!(count > 100);
        });
    });

    group.bench_function("brief", |b| {
        b.iter(|| {
            let brief = pipeline.brief(black_box(&articles));
            assert!(!brief.summary.is_empty());
        });
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
