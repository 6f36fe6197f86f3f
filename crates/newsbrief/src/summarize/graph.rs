//! Graph centrality: `lexrank` (Erkan & Radev 2004) and `textrank` (Mihalcea & Tarau 2004).
//! Both rank sentences by PageRank over a sentence-similarity graph and pick them in rank order,
//! leaving out those too similar to one already picked; they differ in the similarity.

use crate::summarize::centroid::REDUNDANT;
use crate::summarize::features::cosine_matrix;
use crate::summarize::{by_score, pick_in_order, Budget, Features, Summarizer};

/// LexRank: tf-idf cosine, edges above a threshold, degree-normalised.
pub(crate) struct LexRank;

/// TextRank: shared words over the sum of the logs of the sentence lengths.
pub(crate) struct TextRank;

/// LexRank's cosine threshold for an edge.
const LEXRANK_THRESHOLD: f32 = 0.1;
/// PageRank's damping factor.
const DAMPING: f32 = 0.85;
/// Power iterations (the ranks have settled well before).
const ITERATIONS: usize = 40;

impl Summarizer for LexRank {
    fn select(&self, features: &Features, budget: Budget) -> Vec<usize> {
        let vectors = features.tfidf_vectors();
        let n = vectors.len();
        // An edge joins two different sentences whose cosine passes the threshold.
        let weights: Vec<f32> = cosine_matrix(&vectors)
            .iter()
            .enumerate()
            .map(|(k, &cosine)| if k / n != k % n && cosine > LEXRANK_THRESHOLD { 1.0 } else { 0.0 })
            .collect();
        let ranks = pagerank(&weights, n);
        pick_in_order(features, &vectors, by_score(&ranks), budget, REDUNDANT)
    }
}

impl Summarizer for TextRank {
    fn select(&self, features: &Features, budget: Budget) -> Vec<usize> {
        let vectors = features.tfidf_vectors();
        let n = features.sentences.len();
        let mut weights = vec![0f32; n * n];
        for i in 0..n {
            for j in i + 1..n {
                let (a, b) = (&features.sentences[i].terms, &features.sentences[j].terms);
                let denominator = (a.len() as f32).ln() + (b.len() as f32).ln();
                if denominator > 0.0 {
                    let shared = shared_terms(a, b) as f32;
                    weights[i * n + j] = shared / denominator;
                    weights[j * n + i] = shared / denominator;
                }
            }
        }
        let ranks = pagerank(&weights, n);
        pick_in_order(features, &vectors, by_score(&ranks), budget, REDUNDANT)
    }
}

fn shared_terms(a: &[(u32, u32)], b: &[(u32, u32)]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// PageRank over the dense `n`×`n` weight matrix (row `i` holds the edges out of `i`).
pub(crate) fn pagerank(weights: &[f32], n: usize) -> Vec<f32> {
    if n == 0 {
        return Vec::new();
    }
    let out: Vec<f32> = (0..n).map(|i| weights[i * n..(i + 1) * n].iter().sum()).collect();
    let base = (1.0 - DAMPING) / n as f32;
    let mut rank = vec![1.0 / n as f32; n];
    for _ in 0..ITERATIONS {
        let mut next = vec![base; n];
        for i in 0..n {
            if out[i] > 0.0 {
                let share = DAMPING * rank[i] / out[i];
                for (j, value) in next.iter_mut().enumerate() {
                    *value += share * weights[i * n + j];
                }
            } else {
                // A sentence with no edge spreads its rank evenly.
                let share = DAMPING * rank[i] / n as f32;
                for value in &mut next {
                    *value += share;
                }
            }
        }
        rank = next;
    }
    rank
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagerank_favours_the_hub() {
        // 0 — 1, 0 — 2: sentence 0 is linked to both others.
        let weights = [0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
        let ranks = pagerank(&weights, 3);
        assert!(ranks[0] > ranks[1] && (ranks[1] - ranks[2]).abs() < 1e-6);
        assert!((ranks.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    }
}
