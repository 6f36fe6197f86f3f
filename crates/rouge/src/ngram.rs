//! ROUGE-N: clipped n-gram overlap.

use rustc_hash::FxHashMap;

use crate::score::Score;

/// ROUGE-N between token-id sequences.
pub(crate) fn rouge_n(candidate: &[u32], reference: &[u32], n: usize) -> Score {
    let candidate_grams = count_ngrams(candidate, n);
    let reference_grams = count_ngrams(reference, n);
    let matched: usize =
        reference_grams.iter().map(|(gram, &count)| count.min(candidate_grams.get(gram).copied().unwrap_or(0))).sum();
    let total = |tokens: &[u32]| (tokens.len() + 1).saturating_sub(n);
    Score::from_counts(matched, total(candidate), total(reference))
}

fn count_ngrams(tokens: &[u32], n: usize) -> FxHashMap<&[u32], usize> {
    let mut counts = FxHashMap::default();
    if n > 0 {
        for gram in tokens.windows(n) {
            *counts.entry(gram).or_insert(0) += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipped_counts() {
        let score = rouge_n(&[1, 1, 1, 1], &[1], 1);
        assert_eq!((score.precision, score.recall), (0.25, 1.0));
        let score = rouge_n(&[1, 2, 3], &[1, 2, 4], 2);
        assert_eq!((score.precision, score.recall), (0.5, 0.5));
        assert_eq!(rouge_n(&[1], &[1], 2), Score::new(0.0, 0.0));
    }
}
