//! ROUGE-SU4 as ROUGE-1.5.5 computes it (`-2 4 -u`): skip-bigrams with at most four tokens
//! between, plus unigrams, counted in one bag and clipped.
//!
//! ROUGE-1.5.5 adds the unigram of every token but the last (its loop stops one short), and so
//! does this implementation, so that its figures stay comparable with published ones.

use crate::score::Score;

/// The most tokens that may stand between the two of a skip-bigram.
const SKIP_DISTANCE: usize = 4;

/// ROUGE-SU4 between token-id sequences.
pub(crate) fn rouge_su4(candidate: &[u32], reference: &[u32]) -> Score {
    let candidate_units = units(candidate);
    let reference_units = units(reference);
    if candidate_units.is_empty() || reference_units.is_empty() {
        return Score::new(0.0, 0.0);
    }
    Score::from_counts(matched(&candidate_units, &reference_units), candidate_units.len(), reference_units.len())
}

/// The bag of units as sorted codes: a skip-bigram (a, b) is `a << 32 | b + 1`, a unigram a is
/// `a << 32` (token ids are below 2^32 - 1, so the two never meet).
fn units(tokens: &[u32]) -> Vec<u64> {
    let mut bag = Vec::new();
    for i in 0..tokens.len().saturating_sub(1) {
        let first = u64::from(tokens[i]) << 32;
        bag.push(first);
        for &second in &tokens[i + 1..tokens.len().min(i + SKIP_DISTANCE + 2)] {
            bag.push(first | (u64::from(second) + 1));
        }
    }
    bag.sort_unstable();
    bag
}

/// The size of the multiset intersection of two sorted bags (clipped counts).
fn matched(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut count) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                i += 1;
                j += 1;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_units_as_rouge_1_5_5() {
        // "a b c": unigrams a, b (not the last), skip-bigrams ab, ac, bc.
        assert_eq!(units(&[1, 2, 3]).len(), 5);
        // Seven tokens: unigrams 6; pairs within distance 4: 5 + 5 + 4 + 3 + 2 + 1 = 20.
        assert_eq!(units(&[1, 2, 3, 4, 5, 6, 7]).len(), 26);
        assert!(units(&[1]).is_empty());
    }

    #[test]
    fn hand_computed_scores() {
        // Candidate "a b c", reference "a c b": candidate units {a, b, ab, ac, bc},
        // reference units {a, c, ac, ab, cb}; matched a, ab, ac = 3 of 5 each way.
        let score = rouge_su4(&[1, 2, 3], &[1, 3, 2]);
        assert!((score.precision - 0.6).abs() < 1e-12 && (score.recall - 0.6).abs() < 1e-12);
        // Candidate "a b", reference "a b c d e f g h": candidate units {a, ab} (2);
        // reference 7 unigrams + 5+5+5+4+3+2+1 = 25 pairs = 32 units; matched a, ab = 2.
        let score = rouge_su4(&[1, 2], &[1, 2, 3, 4, 5, 6, 7, 8]);
        assert!((score.precision - 1.0).abs() < 1e-12);
        assert!((score.recall - 2.0 / 32.0).abs() < 1e-12);
        assert_eq!(rouge_su4(&[], &[1, 2]), Score::default());
    }
}
