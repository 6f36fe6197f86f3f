//! `coverage` (Lin & Bilmes 2011): greedy maximisation of a monotone submodular objective,
//! coverage plus diversity, under the word budget:
//!
//! f(S) = Σᵢ min(Cᵢ(S), α·Cᵢ(V)) + λ·Σₖ √(Σ_{j ∈ Pₖ ∩ S} rⱼ)
//!
//! where Cᵢ(S) is the tf-idf cosine similarity of sentence i to the summary S, Pₖ are clusters
//! of similar sentences and rⱼ is sentence j's mean similarity to all. Each step adds the
//! sentence with the best gain per (length ^ r), passing over near-duplicates of a picked one as
//! every newsbrief summarizer does. The paper clusters with k-means; here the
//! clusters grow around the most central sentences that are not alike (a cheaper stand-in).

use crate::summarize::centroid::REDUNDANT;
use crate::summarize::features::cosine_matrix;
use crate::summarize::{Budget, Features, Summarizer};

/// Budgeted submodular coverage and diversity.
pub(crate) struct Coverage;

/// Saturation: a sentence counts as covered once the summary is this many times as similar to
/// it as the average sentence is (α = A / N).
const A: f32 = 5.0;
/// The weight of diversity against coverage.
const LAMBDA: f32 = 6.0;
/// The exponent of the length in the gain per cost.
const COST_EXPONENT: f32 = 0.3;
/// One cluster for this many sentences.
const SENTENCES_PER_CLUSTER: usize = 5;
/// Seeds of two clusters are less alike than this.
const SEED_SIMILARITY: f32 = 0.3;

impl Summarizer for Coverage {
    fn select(&self, features: &Features, budget: Budget) -> Vec<usize> {
        let vectors = features.tfidf_vectors();
        let n = vectors.len();
        if n == 0 {
            return Vec::new();
        }
        let similarity = cosine_matrix(&vectors);
        let row = |i: usize| &similarity[i * n..(i + 1) * n];
        let total: Vec<f32> = (0..n).map(|i| row(i).iter().sum()).collect();
        let saturation: Vec<f32> = total.iter().map(|t| A / n as f32 * t).collect();
        let reward: Vec<f32> = total.iter().map(|t| t / n as f32).collect();
        let cluster = clusters(n, &reward, &similarity);
        let clusters_count = cluster.iter().max().map_or(0, |m| m + 1);

        let mut most_similar = vec![0f32; n];
        let mut covered = vec![0f32; n];
        let mut cluster_reward = vec![0f32; clusters_count];
        let mut picked: Vec<usize> = Vec::new();
        let mut remaining = budget.words;
        loop {
            let best = (0..n)
                .filter(|&j| {
                    let s = &features.sentences[j];
                    s.eligible
                        && !picked.contains(&j)
                        && budget.fits(s.words, remaining)
                        && most_similar[j] <= REDUNDANT
                })
                .map(|j| {
                    let coverage_gain: f32 = (0..n)
                        .map(|i| {
                            (covered[i] + similarity[i * n + j]).min(saturation[i]) - covered[i].min(saturation[i])
                        })
                        .sum();
                    let k = cluster[j];
                    let diversity_gain = (cluster_reward[k] + reward[j]).sqrt() - cluster_reward[k].sqrt();
                    let gain = coverage_gain + LAMBDA * diversity_gain;
                    (j, gain / (features.sentences[j].words as f32).powf(COST_EXPONENT))
                })
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let Some((j, gain)) = best else { break };
            if gain <= 0.0 {
                break;
            }
            picked.push(j);
            remaining = remaining.saturating_sub(features.sentences[j].words);
            for (i, c) in covered.iter_mut().enumerate() {
                *c += similarity[i * n + j];
            }
            cluster_reward[cluster[j]] += reward[j];
            for (i, similar) in most_similar.iter_mut().enumerate() {
                *similar = similar.max(similarity[i * n + j]);
            }
        }
        picked
    }
}

/// Assigns every sentence to a cluster: seeds are taken in order of centrality, each unlike the
/// seeds before it, and every sentence joins its most similar seed.
fn clusters(n: usize, centrality: &[f32], similarity: &[f32]) -> Vec<usize> {
    let wanted = n.div_ceil(SENTENCES_PER_CLUSTER).max(1);
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| centrality[b].total_cmp(&centrality[a]).then(a.cmp(&b)));
    let mut seeds: Vec<usize> = Vec::new();
    for i in order {
        if seeds.len() == wanted {
            break;
        }
        if seeds.iter().all(|&s| similarity[s * n + i] < SEED_SIMILARITY) {
            seeds.push(i);
        }
    }
    (0..n)
        .map(|i| {
            (0..seeds.len())
                .max_by(|&a, &b| similarity[seeds[a] * n + i].total_cmp(&similarity[seeds[b] * n + i]).then(b.cmp(&a)))
                .unwrap_or(0)
        })
        .collect()
}
