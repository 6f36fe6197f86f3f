//! `mmr` (Carbonell & Goldstein 1998): repeatedly pick the sentence that best balances relevance
//! (cosine with the cluster centroid) against redundancy (its highest cosine with a sentence
//! already picked): λ·relevance − (1 − λ)·redundancy.

use crate::summarize::centroid::{centroid, REDUNDANT};
use crate::summarize::features::dot;
use crate::summarize::{Budget, Features, Summarizer};

/// Maximal marginal relevance.
pub(crate) struct Mmr;

/// The weight of relevance against redundancy.
const LAMBDA: f32 = 0.7;

impl Summarizer for Mmr {
    fn select(&self, features: &Features, budget: Budget) -> Vec<usize> {
        let vectors = features.tfidf_vectors();
        let center = centroid(features.vocabulary(), &vectors);
        let relevance: Vec<f32> = vectors.iter().map(|v| dot(v, &center)).collect();
        let mut redundancy = vec![0f32; vectors.len()];
        let mut picked: Vec<usize> = Vec::new();
        let mut remaining = budget.words;
        loop {
            let best = (0..vectors.len())
                .filter(|&i| {
                    let s = &features.sentences[i];
                    s.eligible && !picked.contains(&i) && budget.fits(s.words, remaining) && redundancy[i] <= REDUNDANT
                })
                .map(|i| (i, LAMBDA * relevance[i] - (1.0 - LAMBDA) * redundancy[i]))
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            let Some((i, _)) = best else { break };
            picked.push(i);
            remaining = remaining.saturating_sub(features.sentences[i].words);
            for (j, r) in redundancy.iter_mut().enumerate() {
                *r = r.max(dot(&vectors[i], &vectors[j]));
            }
        }
        picked
    }
}
