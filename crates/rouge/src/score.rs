//! Precision, recall and F1.

/// Precision, recall and their harmonic mean, each in [0, 1].
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// The share of the candidate's units found in the reference.
    pub precision: f64,
    /// The share of the reference's units found in the candidate.
    pub recall: f64,
    /// The harmonic mean of precision and recall (0 when both are 0).
    pub fmeasure: f64,
}

impl Score {
    /// A score from precision and recall, with F1 computed as `rouge-score` does.
    pub fn new(precision: f64, recall: f64) -> Self {
        let fmeasure = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Self { precision, recall, fmeasure }
    }

    /// A score from a count of matched units and the two totals; a zero total counts as one.
    pub fn from_counts(matched: usize, candidate_total: usize, reference_total: usize) -> Self {
        Self::new(matched as f64 / candidate_total.max(1) as f64, matched as f64 / reference_total.max(1) as f64)
    }

    /// The field-wise mean of `scores` (zero for none).
    pub fn mean(scores: &[Score]) -> Score {
        if scores.is_empty() {
            return Score::default();
        }
        let n = scores.len() as f64;
        Score {
            precision: scores.iter().map(|s| s.precision).sum::<f64>() / n,
            recall: scores.iter().map(|s| s.recall).sum::<f64>() / n,
            fmeasure: scores.iter().map(|s| s.fmeasure).sum::<f64>() / n,
        }
    }
}
