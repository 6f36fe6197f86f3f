//! ROUGE-SU4 as ROUGE-1.5.5 computes it (`-2 4 -u`): skip-bigrams with at most four tokens
//! between, plus unigrams, counted in one bag and clipped.
//!
//! ROUGE-1.5.5 adds the unigram of every token but the last (its loop stops one short), and so
//! does this implementation, so that its figures stay comparable with published ones.

use std::collections::HashMap;

use crate::score::Score;

/// The most tokens that may stand between the two of a skip-bigram.
const SKIP_DISTANCE: usize = 4;

/// A unit of the bag: a unigram, or a skip-bigram.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Unit {
    One(u32),
    Two(u32, u32),
}

/// ROUGE-SU4 between token-id sequences.
pub(crate) fn rouge_su4(candidate: &[u32], reference: &[u32]) -> Score {
    let (candidate_units, candidate_total) = units(candidate);
    let (reference_units, reference_total) = units(reference);
    let matched: usize =
        reference_units.iter().map(|(unit, &count)| count.min(candidate_units.get(unit).copied().unwrap_or(0))).sum();
    if candidate_total == 0 || reference_total == 0 {
        return Score::new(0.0, 0.0);
    }
    Score::from_counts(matched, candidate_total, reference_total)
}

fn units(tokens: &[u32]) -> (HashMap<Unit, usize>, usize) {
    let mut bag = HashMap::new();
    let mut total = 0;
    for i in 0..tokens.len().saturating_sub(1) {
        *bag.entry(Unit::One(tokens[i])).or_insert(0) += 1;
        total += 1;
        for j in i + 1..tokens.len().min(i + SKIP_DISTANCE + 2) {
            *bag.entry(Unit::Two(tokens[i], tokens[j])).or_insert(0) += 1;
            total += 1;
        }
    }
    (bag, total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_units_as_rouge_1_5_5() {
        // "a b c": unigrams a, b (not the last), skip-bigrams ab, ac, bc.
        assert_eq!(units(&[1, 2, 3]).1, 5);
        // Seven tokens: unigrams 6; pairs within distance 4: 5 + 5 + 4 + 3 + 2 + 1 = 20.
        assert_eq!(units(&[1, 2, 3, 4, 5, 6, 7]).1, 26);
        assert_eq!(units(&[1]).1, 0);
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
