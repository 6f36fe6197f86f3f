//! ROUGE-L (LCS over the whole text) and ROUGE-Lsum (summary-level union LCS over sentences,
//! counting each token at most as often as both texts hold it, as ROUGE-1.5.5 does).

use rustc_hash::FxHashMap;

use crate::score::Score;

/// ROUGE-L between token-id sequences.
pub(crate) fn rouge_l(candidate: &[u32], reference: &[u32]) -> Score {
    if candidate.is_empty() || reference.is_empty() {
        return Score::default();
    }
    let length = lcs_length(reference, candidate);
    Score::new(length as f64 / candidate.len() as f64, length as f64 / reference.len() as f64)
}

/// ROUGE-Lsum between sentence lists of token ids.
pub(crate) fn rouge_lsum(candidate: &[Vec<u32>], reference: &[Vec<u32>]) -> Score {
    if candidate.is_empty() || reference.is_empty() {
        return Score::default();
    }
    let candidate_total: usize = candidate.iter().map(Vec::len).sum();
    let reference_total: usize = reference.iter().map(Vec::len).sum();
    if candidate_total == 0 || reference_total == 0 {
        return Score::default();
    }
    let mut candidate_left: FxHashMap<u32, usize> = FxHashMap::default();
    let mut reference_left: FxHashMap<u32, usize> = FxHashMap::default();
    for &token in candidate.iter().flatten() {
        *candidate_left.entry(token).or_insert(0) += 1;
    }
    for &token in reference.iter().flatten() {
        *reference_left.entry(token).or_insert(0) += 1;
    }
    let mut hits: usize = 0;
    let mut table = Vec::new();
    for sentence in reference {
        let mut union: Vec<usize> = candidate.iter().flat_map(|c| lcs_indices(sentence, c, &mut table)).collect();
        union.sort_unstable();
        union.dedup();
        for index in union {
            let token = sentence[index];
            let (c, r) = (candidate_left.get_mut(&token), reference_left.get_mut(&token));
            if let (Some(c), Some(r)) = (c, r) {
                if *c > 0 && *r > 0 {
                    hits += 1;
                    *c -= 1;
                    *r -= 1;
                }
            }
        }
    }
    Score::new(hits as f64 / candidate_total as f64, hits as f64 / reference_total as f64)
}

/// The length of the longest common subsequence, computed 64 positions of `b` at a time with
/// the bit-parallel algorithm of Allison & Dix (1986) in Hyyrö's (2004) form.
fn lcs_length(a: &[u32], b: &[u32]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let blocks = b.len().div_ceil(64);
    // For each distinct token of `a`, the bit mask of its positions in `b`.
    let mut masks: FxHashMap<u32, Vec<u64>> = FxHashMap::default();
    for &x in a {
        masks.entry(x).or_insert_with(|| {
            let mut mask = vec![0u64; blocks];
            for (j, &y) in b.iter().enumerate() {
                if y == x {
                    mask[j / 64] |= 1 << (j % 64);
                }
            }
            mask
        });
    }
    // v holds a zero for every position of `b` the LCS so far ends at or before (Hyyrö's V').
    let mut v = vec![u64::MAX; blocks];
    for x in a {
        let mask = &masks[x];
        let mut carry = false;
        for (block, &m) in v.iter_mut().zip(mask) {
            let u = *block & m;
            let (sum, overflow_a) = block.overflowing_add(u);
            let (sum, overflow_b) = sum.overflowing_add(u64::from(carry));
            carry = overflow_a || overflow_b;
            *block = sum | (*block - u);
        }
    }
    // Bits past the end of `b` in the last block never match and stay set: every zero counts.
    v.iter().map(|block| block.count_zeros() as usize).sum()
}

/// Indices into `reference` of one longest common subsequence with `candidate`, read out of the
/// full table exactly as `rouge-score` does (preferring to move left only on a strictly larger
/// value), so that the union over candidate sentences is the same.
fn lcs_indices(reference: &[u32], candidate: &[u32], table: &mut Vec<u32>) -> Vec<usize> {
    let (rows, cols) = (reference.len(), candidate.len());
    let width = cols + 1;
    table.clear();
    table.resize((rows + 1) * width, 0);
    for (i, &token) in reference.iter().enumerate() {
        let (done, rest) = table.split_at_mut((i + 1) * width);
        let above = &done[i * width..];
        let row = &mut rest[..width];
        for (j, &other) in candidate.iter().enumerate() {
            row[j + 1] = if token == other { above[j] + 1 } else { above[j + 1].max(row[j]) };
        }
    }
    let (mut i, mut j) = (rows, cols);
    let mut indices = Vec::new();
    while i > 0 && j > 0 {
        if reference[i - 1] == candidate[j - 1] {
            indices.push(i - 1);
            i -= 1;
            j -= 1;
        } else if table[i * width + j - 1] > table[(i - 1) * width + j] {
            j -= 1;
        } else {
            i -= 1;
        }
    }
    indices.reverse();
    indices
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn bit_parallel_length_matches_the_table(
            a in proptest::collection::vec(0u32..4, 0..150),
            b in proptest::collection::vec(0u32..4, 0..150),
        ) {
            proptest::prop_assert_eq!(lcs_length(&a, &b), lcs_indices(&a, &b, &mut Vec::new()).len());
        }
    }

    #[test]
    fn lcs_of_known_sequences() {
        assert_eq!(lcs_length(&[1, 2, 3, 4], &[1, 3, 4]), 3);
        assert_eq!(lcs_indices(&[1, 2, 3, 4], &[1, 3, 4], &mut Vec::new()), [0, 2, 3]);
        assert_eq!(lcs_length(&[], &[1]), 0);
    }

    #[test]
    fn summary_level_counts_each_token_once() {
        // Reference sentence "1 2 3" against candidate sentences "1 2" and "2 3": the union LCS
        // is all three tokens, but the candidate has two 2s and the reference one.
        let score = rouge_lsum(&[vec![1, 2], vec![2, 3]], &[vec![1, 2, 3]]);
        assert_eq!((score.precision, score.recall), (0.75, 1.0));
    }
}
