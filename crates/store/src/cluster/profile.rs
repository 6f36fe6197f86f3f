//! A story as the clusterer sees it: a decayed centroid of its articles' terms and name words,
//! the days it covers and how many articles it has.

use serde::{Deserialize, Serialize};

use super::{ArticleFeatures, Params};

/// A story's id: a positive number, never reused.
pub type StoryId = u64;

/// What the clusterer keeps of a story. Stored as it is, so that clustering resumes exactly
/// where it stopped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryProfile {
    /// The story's id.
    pub id: StoryId,
    /// How many articles joined it.
    pub articles: u32,
    /// The earliest publication day of its articles (a day number), if any is dated.
    pub first_day: Option<i32>,
    /// The latest publication day of its articles, if any is dated.
    pub last_day: Option<i32>,
    /// The clusterer's article count when the story last changed: orders stories by activity.
    pub stamp: u64,
    /// The decayed sum of its articles' unit term vectors (sublinear term frequencies), cut to
    /// the heaviest terms by tf-idf, sorted by id.
    pub terms: Vec<(u64, f32)>,
    /// The same for name words.
    pub names: Vec<(u64, f32)>,
    /// The lengths of the two centroids weighted by idf when the story last changed.
    pub norms: [f32; 2],
    /// The heaviest terms (and name words) by tf-idf when the story last changed, sorted by
    /// id: those the story is indexed under.
    pub keys: [Vec<u64>; 2],
}

impl StoryProfile {
    /// A story with no article yet.
    pub fn new(id: StoryId) -> Self {
        Self {
            id,
            articles: 0,
            first_day: None,
            last_day: None,
            stamp: 0,
            terms: Vec::new(),
            names: Vec::new(),
            norms: [0.0; 2],
            keys: [Vec::new(), Vec::new()],
        }
    }

    /// The number of days between `day` and the days the story covers (0 within them), or
    /// `None` when either is undated.
    pub fn gap(&self, day: Option<i32>) -> Option<i32> {
        match (day, self.first_day, self.last_day) {
            (Some(day), Some(first), Some(last)) => Some((first - day).max(day - last).max(0)),
            _ => None,
        }
    }

    /// Adds an article: the centroids decay, take the article's unit vectors, and keep their
    /// heaviest entries by the idf given.
    pub(crate) fn add(
        &mut self,
        article: &ArticleFeatures,
        stamp: u64,
        params: &Params,
        terms_idf: impl Fn(u64) -> f32,
        names_idf: impl Fn(u64) -> f32,
    ) {
        self.articles += 1;
        self.stamp = stamp;
        if let Some(day) = article.day {
            self.first_day = Some(self.first_day.map_or(day, |first| first.min(day)));
            self.last_day = Some(self.last_day.map_or(day, |last| last.max(day)));
        }
        let (terms, terms_norm, terms_keys) = blend(&self.terms, &article.terms, params, &terms_idf);
        let (names, names_norm, names_keys) = blend(&self.names, &article.names, params, &names_idf);
        self.terms = terms;
        self.names = names;
        self.norms = [terms_norm, names_norm];
        self.keys = [terms_keys, names_keys];
    }
}

/// `decay * centroid + unit(sublinear(counts))`, cut to the `profile_terms` heaviest by idf,
/// sorted by id, with its length weighted by idf and its `index_terms` heaviest terms.
fn blend(
    centroid: &[(u64, f32)],
    counts: &[(u64, f32)],
    params: &Params,
    idf: &impl Fn(u64) -> f32,
) -> (Vec<(u64, f32)>, f32, Vec<u64>) {
    let norm = counts.iter().map(|&(_, tf)| (1.0 + tf.ln()).powi(2)).sum::<f32>().sqrt();
    let mut merged: Vec<(u64, f32)> = Vec::with_capacity(centroid.len() + counts.len());
    let (mut i, mut j) = (0, 0);
    while i < centroid.len() || j < counts.len() {
        let take_old = j >= counts.len() || (i < centroid.len() && centroid[i].0 < counts[j].0);
        let take_new = i >= centroid.len() || (j < counts.len() && counts[j].0 < centroid[i].0);
        if take_old {
            merged.push((centroid[i].0, centroid[i].1 * params.decay));
            i += 1;
        } else if take_new {
            merged.push((counts[j].0, (1.0 + counts[j].1.ln()) / norm));
            j += 1;
        } else {
            merged.push((counts[j].0, centroid[i].1 * params.decay + (1.0 + counts[j].1.ln()) / norm));
            i += 1;
            j += 1;
        }
    }
    let weights: Vec<f32> = merged.iter().map(|&(term, w)| w * idf(term)).collect();
    let keep = heaviest(&merged, &weights, params.profile_terms);
    let keys = heaviest(&merged, &weights, params.index_terms);
    let mut length = 0.0;
    let kept: Vec<(u64, f32)> = merged
        .iter()
        .zip(&weights)
        .filter(|&(&(term, _), &w)| keep(w, term))
        .map(|(&entry, &w)| {
            length += w * w;
            entry
        })
        .collect();
    let keys: Vec<u64> =
        merged.iter().zip(&weights).filter(|&(&(term, _), &w)| keys(w, term)).map(|(e, _)| e.0).collect();
    (kept, f32::sqrt(length), keys)
}

/// A test for the `n` heaviest entries of `entries` (weights in `weights`, ties to the lower
/// id), without sorting them all.
fn heaviest(entries: &[(u64, f32)], weights: &[f32], n: usize) -> impl Fn(f32, u64) -> bool {
    let cut = (entries.len() > n).then(|| {
        let mut order: Vec<(f32, u64)> = weights.iter().zip(entries).map(|(&w, &(term, _))| (w, term)).collect();
        order.select_nth_unstable_by(n, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        order[n]
    });
    move |w: f32, term: u64| cut.is_none_or(|cut| w > cut.0 || (w.total_cmp(&cut.0).is_eq() && term < cut.1))
}
