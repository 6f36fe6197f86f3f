//! `lead`: the first sentences of each report in turn — first sentences of all reports, then
//! second sentences, and so on — the classic news baseline. Sentences unfit for a summary are
//! passed over, and so are near-duplicates of a sentence already picked (copies of the same
//! wire story).

use crate::summarize::centroid::REDUNDANT;
use crate::summarize::{pick_in_order, Budget, Features, Summarizer};

/// The lead baseline.
pub(crate) struct Lead;

impl Summarizer for Lead {
    fn select(&self, features: &Features, budget: Budget) -> Vec<usize> {
        let mut order: Vec<usize> = (0..features.sentences.len()).collect();
        order.sort_by_key(|&i| (features.sentences[i].position, features.sentences[i].document));
        pick_in_order(features, &features.tfidf_vectors(), order, budget, REDUNDANT)
    }
}
