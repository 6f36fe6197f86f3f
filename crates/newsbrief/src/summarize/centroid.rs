//! `centroid` (Radev et al. 2004): sentences ranked by cosine with the cluster's tf-idf centroid,
//! picked in that order, leaving out those too similar to one already picked.

use crate::summarize::features::{dot, normalised};
use crate::summarize::{by_score, pick_in_order, Budget, Features, Summarizer};

/// Centroid-based summarization.
pub(crate) struct Centroid;

/// Cosine above which a sentence repeats one already picked.
pub(crate) const REDUNDANT: f32 = 0.5;

/// The unit-length sum of the sentence vectors.
pub(crate) fn centroid(vocabulary: usize, vectors: &[Vec<(u32, f32)>]) -> Vec<(u32, f32)> {
    let mut sum = vec![0f32; vocabulary];
    for vector in vectors {
        for &(t, w) in vector {
            sum[t as usize] += w;
        }
    }
    let dense: Vec<(u32, f32)> = sum
        .into_iter()
        .enumerate()
        .filter(|(_, w)| *w > 0.0)
        .map(|(t, w)| (u32::try_from(t).expect("term ids fit u32"), w))
        .collect();
    normalised(dense)
}

impl Summarizer for Centroid {
    fn select(&self, features: &Features, budget: Budget) -> Vec<usize> {
        let vectors = features.tfidf_vectors();
        let center = centroid(features.vocabulary(), &vectors);
        let scores: Vec<f32> = vectors.iter().map(|v| dot(v, &center)).collect();
        pick_in_order(features, &vectors, by_score(&scores), budget, REDUNDANT)
    }
}
