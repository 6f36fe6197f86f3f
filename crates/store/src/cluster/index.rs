//! The clusterer's indexes: how many articles hold each term, and for each term the stories
//! whose centroid holds it, ordered by their last activity.

use rustc_hash::FxHashMap;

use super::StoryId;

/// How many articles hold each term (or name word).
#[derive(Debug, Clone, Default)]
pub(crate) struct DocumentFrequencies {
    pub(super) counts: FxHashMap<u64, u32>,
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

/// One story listed under a term: the stamp it had when listed, its weight for the term and its
/// centroid's length.
#[derive(Debug, Clone, Copy)]
struct Entry {
    stamp: u64,
    story: StoryId,
    weight: f32,
    norm: f32,
}

/// The stories listed under one term, in the order of their stamps, and how many of the entries
/// are stale (their story has changed since).
#[derive(Debug, Clone, Default)]
struct List {
    entries: Vec<Entry>,
    stale: usize,
}

/// For each term, the stories indexed under it with their weight and centroid length, in the
/// order of their stamps (unique: one story changes per article), so that the most recently
/// active come last. A story that changes is listed again with its new stamp; its old entries
/// are stale, skipped when read and dropped once they are half of a list.
#[derive(Debug, Clone, Default)]
pub(crate) struct Postings {
    lists: FxHashMap<u64, List>,
}

impl Postings {
    /// Lists a story under each of its key terms (sorted by id, all in its centroid) with the
    /// term's weight in its centroid. `stamp_of` gives each story's current stamp.
    pub(crate) fn insert(
        &mut self,
        story: StoryId,
        stamp: u64,
        keys: &[u64],
        centroid: &[(u64, f32)],
        norm: f32,
        stamp_of: impl Fn(StoryId) -> Option<u64>,
    ) {
        let mut rest = centroid;
        for &term in keys {
            let at = rest.partition_point(|&(id, _)| id < term);
            rest = &rest[at..];
            let weight = rest.first().filter(|e| e.0 == term).map_or(0.0, |e| e.1);
            let list = self.lists.entry(term).or_default();
            if list.stale * 2 > list.entries.len() {
                list.entries.retain(|e| stamp_of(e.story) == Some(e.stamp));
                list.stale = 0;
            }
            let entry = Entry { stamp, story, weight, norm };
            if list.entries.last().is_none_or(|last| last.stamp < stamp) {
                list.entries.push(entry);
            } else {
                // Restoring stored stories, which come in any order.
                let at = list.entries.partition_point(|e| e.stamp < stamp);
                list.entries.insert(at, entry);
            }
        }
    }

    /// Marks a story's entries under its key terms as stale (the story changed).
    pub(crate) fn retire(&mut self, keys: &[u64]) {
        for term in keys {
            if let Some(list) = self.lists.get_mut(term) {
                list.stale += 1;
            }
        }
    }

    /// Up to `limit` stories listed under `term`, the most recently active first: (story,
    /// weight, centroid length). `stamp_of` gives each story's current stamp.
    pub(crate) fn recent<'a>(
        &'a self,
        term: u64,
        limit: usize,
        stamp_of: impl Fn(StoryId) -> Option<u64> + 'a,
    ) -> impl Iterator<Item = (StoryId, f32, f32)> + 'a {
        let entries = self.lists.get(&term).map_or(&[][..], |list| &list.entries[..]);
        entries
            .iter()
            .rev()
            .filter(move |e| stamp_of(e.story) == Some(e.stamp))
            .take(limit)
            .map(|e| (e.story, e.weight, e.norm))
    }
}
