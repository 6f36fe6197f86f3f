//! Criterion benchmark of the online clusterer's cost per article as the store grows: one
//! article assigned to a clusterer that already holds 1k, 10k or 100k synthetic articles
//! (stories of 40 topic terms and 5 names, each article 25 topic terms, 60 background terms
//! drawn from a skewed 50k-term vocabulary, and a day near its story's start). The goal: the
//! cost at 100k at most 1.3 times that at 10k.
//!
//! `cargo bench -p story-store --bench cluster`

// criterion_group! makes an undocumented public function.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use story_store::cluster::{ArticleFeatures, Clusterer, Params};

/// A small deterministic generator (xorshift64*), so that the benchmark needs no crate for it.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The `i`-th synthetic article: its story (a new story every 50 articles on average) and its
/// features.
fn article(rng: &mut Rng, i: u64) -> (u64, ArticleFeatures) {
    let stories = 1 + i / 50;
    let story = rng.below(stories);
    let mut terms: Vec<(u64, f32)> = (0..25).map(|_| (1_000_000 + story * 1000 + rng.below(40), 1.0)).collect();
    // Background terms: squaring a uniform number skews the draw towards frequent terms.
    terms.extend((0..60).map(|_| {
        let u = rng.below(50_000);
        (u * u / 50_000, 1.0)
    }));
    let mut names: Vec<(u64, f32)> = (0..4).map(|_| (story * 10 + rng.below(5), 1.0)).collect();
    names.push((5_000_000 + rng.below(100_000), 1.0));
    for list in [&mut terms, &mut names] {
        list.sort_unstable_by_key(|&(id, _)| id);
        list.dedup_by(|a, b| {
            if a.0 == b.0 {
                b.1 += a.1;
                true
            } else {
                false
            }
        });
    }
    let day = i32::try_from(737_000 + story * 2 + rng.below(5)).expect("a day number");
    (story, ArticleFeatures { day: Some(day), terms, names })
}

fn growth(c: &mut Criterion) {
    let mut group = c.benchmark_group("assign");
    group.sample_size(30);
    for size in [1_000u64, 10_000, 100_000] {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut clusterer = Clusterer::new(Params::default());
        for i in 0..size {
            clusterer.assign(&article(&mut rng, i).1);
        }
        let true_stories = 1 + size / 50;
        assert!(
            clusterer.stories() as u64 <= true_stories * 2,
            "{} stories for {true_stories} synthetic ones",
            clusterer.stories()
        );
        let mut i = size;
        group.bench_function(BenchmarkId::from_parameter(size), |b| {
            b.iter(|| {
                let (_, features) = article(&mut rng, i);
                i += 1;
                let assignment = clusterer.assign(&features);
                assert!(assignment.story > 0);
                assignment
            });
        });
    }
    group.finish();
}

criterion_group!(benches, growth);
criterion_main!(benches);
