//! The clusterer's indexes: how many articles hold each term, and for each term the stories
//! whose centroid holds it, ordered by their last activity.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::StoryId;

/// How many articles hold each term (or name word).
#[derive(Debug, Clone, Default)]
pub(crate) struct DocumentFrequencies {
    counts: FxHashMap<u64, u32>,
}

impl DocumentFrequencies {
    /// Counts one article's terms (each listed once).
    pub(crate) fn add(&mut self, terms: &[(u64, f32)]) {
        for &(term, _) in terms {
            *self.counts.entry(term).or_default() += 1;
        }
    }

    /// Sets a term's count (restoring stored state).
    pub(crate) fn set(&mut self, term: u64, count: u32) {
        self.counts.insert(term, count);
    }

    /// The inverse document frequency of a term among `articles` articles, smoothed:
    /// `ln((1 + n) / (1 + df)) + 1`.
    pub(crate) fn idf(&self, term: u64, articles: u64) -> f32 {
        let df = self.counts.get(&term).copied().unwrap_or(0);
        ((1.0 + articles as f32) / (1.0 + df as f32)).ln() + 1.0
    }
}

/// For each term, the stories indexed under it with their weight and centroid length,
/// keyed by the stories' stamps (unique: one story changes per article), so that the most
/// recently active come first.
#[derive(Debug, Clone, Default)]
pub(crate) struct Postings {
    lists: FxHashMap<u64, BTreeMap<u64, (StoryId, f32, f32)>>,
}

impl Postings {
    /// Lists a story under each of its key terms (sorted by id, all in its centroid) with the
    /// term's weight in its centroid.
    pub(crate) fn insert(&mut self, story: StoryId, stamp: u64, keys: &[u64], centroid: &[(u64, f32)], norm: f32) {
        let mut rest = centroid;
        for &term in keys {
            let at = rest.partition_point(|&(id, _)| id < term);
            rest = &rest[at..];
            let weight = rest.first().filter(|e| e.0 == term).map_or(0.0, |e| e.1);
            self.lists.entry(term).or_default().insert(stamp, (story, weight, norm));
        }
    }

    /// Takes a story (by its stamp) off the lists of its key terms.
    pub(crate) fn remove(&mut self, stamp: u64, keys: &[u64]) {
        for &term in keys {
            if let Some(list) = self.lists.get_mut(&term) {
                list.remove(&stamp);
                if list.is_empty() {
                    self.lists.remove(&term);
                }
            }
        }
    }

    /// Up to `limit` stories listed under `term`, the most recently active first: (story,
    /// weight, centroid length).
    pub(crate) fn recent(&self, term: u64, limit: usize) -> impl Iterator<Item = (StoryId, f32, f32)> + '_ {
        self.lists.get(&term).into_iter().flat_map(move |list| list.values().rev().take(limit).copied())
    }
}
