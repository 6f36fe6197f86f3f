//! Online story clustering: each article, as it arrives, joins the story it is most like or
//! starts a new one. Pure and deterministic: no I/O, no clock, no randomness; the same articles
//! in the same order give the same stories, whether clustered in one run or restored from
//! stored state between runs.
//!
//! An article is compared with stories through two channels, its content terms and the words of
//! the names it mentions, each weighted by tf-idf (sublinear term frequency, inverse document
//! frequency over all articles seen so far). A story is represented by a centroid of its articles,
//! cut to its heaviest terms, and the days it covers; the centroid can decay (`Params::decay`:
//! recent articles weigh more), but on the dev streams no decay did best, so by default it is a
//! plain sum, and a story follows its evolution through the terms new articles bring and its
//! latest day. Candidate stories are found through inverted indexes over their heaviest
//! terms, scanning for each of the article's heaviest terms only the stories most recently active
//! under it: the cost per article is bounded by the settings (amortized: stale index entries are
//! skipped and compacted), never by the number of stories. Time enters as a term that grows
//! with the log-ratio of a neutral gap to the gap between the article's day and the story's
//! days. When the article or the story is undated, time cannot tell two events of one kind
//! apart (two earthquakes, two Oscar hosts), and the names must: the similarity is lowered when
//! neither the article's heaviest name word is among the story's names nor the story's among the
//! article's (`Params::protagonist`).

mod features;
mod index;
mod profile;

pub use features::{day_number, day_of, ArticleFeatures};
pub use profile::{StoryId, StoryProfile};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use index::{DocumentFrequencies, Postings};

/// The settings of the clusterer: one setting serves every stream.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Params {
    /// The least similarity (after the time penalty) for an article to join a story.
    pub threshold: f32,
    /// The weight of the names channel in the similarity; content terms weigh the rest.
    pub name_weight: f32,
    /// How much of a story's centroid is kept each time an article joins it (1: a plain sum).
    pub decay: f32,
    /// The number of terms (and of name words) a story's centroid keeps.
    pub profile_terms: usize,
    /// The number of a story's heaviest terms (and name words) it is indexed under.
    pub index_terms: usize,
    /// The number of the article's heaviest terms (and name words) looked up in the indexes.
    pub query_terms: usize,
    /// The most stories scanned under one term, the most recently active first.
    pub scan: usize,
    /// The number of candidates per channel compared in full.
    pub candidates: usize,
    /// The weight of the time term, `time_weight * (ln(1 + time_neutral / time_scale) -
    /// ln(1 + gap / time_scale))` for a gap in days between a dated article and a dated story
    /// (0 when either is undated): the log of how much likelier the gap is within one story than
    /// between two, up to scale.
    pub time_weight: f32,
    /// The scale of the time term, in days.
    pub time_scale: f32,
    /// The gap (in days) that tells nothing: a shorter one between a dated article and a dated
    /// story raises their similarity, a longer one lowers it.
    pub time_neutral: f32,
    /// The gap (in days) past which a longer one tells nothing more: the time term is bounded
    /// below, so that a story can go on after months of silence when its content says so.
    pub time_cap: f32,
    /// Combine the channels by a weighted geometric mean (when positive) rather than a sum.
    pub geometric: f32,
    /// Subtracted from the similarity of an article and a story, one of them undated, when
    /// neither the article's heaviest name word (by tf-idf) is among the story's names nor the
    /// story's heaviest among the article's: two events of one kind with different protagonists.
    #[serde(default)]
    pub protagonist: f32,
    /// Subtracted from the similarity of an article and a story, one of them undated and both
    /// naming someone or somewhere, for each unit their names cosine falls short of
    /// `names_neutral`: `names_gap * max(0, names_neutral - names cosine)`. Undated, reports of
    /// one event share its cast of names; a second event of the same kind shares the topic's
    /// words and often its places, but fewer of its names.
    #[serde(default)]
    pub names_gap: f32,
    /// The names cosine of an undated pair below which `names_gap` applies.
    #[serde(default)]
    pub names_neutral: f32,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            threshold: 0.2,
            name_weight: 0.2,
            decay: 1.0,
            profile_terms: 1000,
            index_terms: 300,
            query_terms: 30,
            scan: 200,
            candidates: 10,
            time_weight: 0.08,
            time_scale: 7.0,
            time_neutral: 30.0,
            time_cap: 365.0,
            geometric: 1.0,
            protagonist: 0.1,
            names_gap: 0.4,
            names_neutral: 0.5,
        }
    }
}

/// Where an article went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assignment {
    /// The story it joined or started.
    pub story: StoryId,
    /// Whether it started the story.
    pub created: bool,
    /// Its similarity to the story it joined (after the time penalty); 0 for a new story.
    pub score: f32,
}

/// The parts of an article's similarity to a story (see [`Clusterer::evidence`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evidence {
    /// The cosine of their content terms.
    pub terms: f32,
    /// The cosine of their name words.
    pub names: f32,
    /// The time term before its weight (0 unless both are dated).
    pub time: f32,
    /// Whether both are dated.
    pub dated: bool,
    /// Whether both name someone or somewhere.
    pub named: bool,
    /// Whether the protagonist term applies (undated, neither's heaviest name word in the other).
    pub strangers: bool,
    /// How far the names cosine of an undated pair falls short of `Params::names_neutral`.
    pub cast: f32,
    /// How many articles the story has.
    pub articles: u32,
    /// The similarity these make with the settings.
    pub similarity: f32,
}

/// The online clusterer: its settings, what it has seen (article count, document frequencies)
/// and the stories' profiles with their indexes.
#[derive(Debug, Clone)]
pub struct Clusterer {
    params: Params,
    articles: u64,
    df: [DocumentFrequencies; 2],
    stories: FxHashMap<StoryId, StoryProfile>,
    postings: [Postings; 2],
    next_story: StoryId,
}

/// The two channels an article is compared through.
#[derive(Debug, Clone, Copy)]
enum Channel {
    Terms = 0,
    Names = 1,
}

impl Clusterer {
    /// An empty clusterer.
    pub fn new(params: Params) -> Self {
        Self {
            params,
            articles: 0,
            df: Default::default(),
            stories: FxHashMap::default(),
            postings: Default::default(),
            next_story: 1,
        }
    }

    /// Its settings.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// The number of articles it has seen.
    pub fn articles(&self) -> u64 {
        self.articles
    }

    /// The number of stories it knows.
    pub fn stories(&self) -> usize {
        self.stories.len()
    }

    /// The profile of a story.
    pub fn story(&self, id: StoryId) -> Option<&StoryProfile> {
        self.stories.get(&id)
    }

    /// Sets what has been seen from stored state: the article count, and how many articles hold
    /// each term and each name word. Stories are restored with [`Clusterer::restore_story`].
    pub fn restore_counts(&mut self, articles: u64, terms: &[(u64, u32)], names: &[(u64, u32)]) {
        self.articles = articles;
        for &(term, count) in terms {
            self.df[Channel::Terms as usize].set(term, count);
        }
        for &(name, count) in names {
            self.df[Channel::Names as usize].set(name, count);
        }
    }

    /// Puts a stored story profile in place of the one held (if any), with its index entries.
    pub fn restore_story(&mut self, profile: StoryProfile) {
        let id = profile.id;
        match self.stories.get(&id) {
            Some(held) if *held == profile => return,
            Some(held) => {
                let keys = held.keys.clone();
                self.unindex(&keys);
            }
            None => {}
        }
        self.next_story = self.next_story.max(id + 1);
        self.stories.insert(id, profile);
        self.index(id);
    }

    /// Assigns one article: it joins the most similar story found through the indexes if the
    /// similarity reaches the threshold, or starts a new story. The story's profile and the
    /// document frequencies are updated.
    pub fn assign(&mut self, article: &ArticleFeatures) -> Assignment {
        self.observe(article);
        let ranked = self.rank(article);
        match ranked.first() {
            Some(&(story, score)) if score >= self.params.threshold => {
                self.join(Some(story), article);
                Assignment { story, created: false, score }
            }
            _ => Assignment { story: self.join(None, article), created: true, score: 0.0 },
        }
    }

    /// Counts an article's terms and name words in the document frequencies: the first step of
    /// [`Clusterer::assign`], which [`Clusterer::rank`] and [`Clusterer::join`] follow.
    pub fn observe(&mut self, article: &ArticleFeatures) {
        self.articles += 1;
        self.df[Channel::Terms as usize].add(&article.terms);
        self.df[Channel::Names as usize].add(&article.names);
    }

    /// The candidate stories for an article, found through the indexes, with their similarity
    /// (after the time penalty), the most similar first (the lower id on a tie).
    pub fn rank(&self, article: &ArticleFeatures) -> Vec<(StoryId, f32)> {
        let query = [self.weigh(Channel::Terms, &article.terms), self.weigh(Channel::Names, &article.names)];
        let mut candidates: Vec<StoryId> = Vec::new();
        for channel in [Channel::Terms, Channel::Names] {
            candidates.extend(self.candidates(channel, &query[channel as usize]));
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut ranked: Vec<(StoryId, f32)> =
            candidates.into_iter().map(|id| (id, self.similarity(&query, article.day, &self.stories[&id]))).collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
    }

    /// Adds an article to `story`, or to a new story when `None` (or unknown), and returns the
    /// story's id.
    pub fn join(&mut self, story: Option<StoryId>, article: &ArticleFeatures) -> StoryId {
        let (story, old) = if let Some(old) = story.and_then(|id| self.stories.remove(&id)) {
            (old.id, Some(old))
        } else {
            let id = story.unwrap_or(self.next_story);
            self.next_story = self.next_story.max(id + 1);
            (id, None)
        };
        let mut profile = match old {
            Some(old) => {
                self.unindex(&old.keys);
                old
            }
            None => StoryProfile::new(story),
        };
        let stamp = self.articles;
        let idf = |channel: Channel| {
            let df = &self.df[channel as usize];
            let n = self.articles;
            move |term: u64| df.idf(term, n)
        };
        profile.add(article, stamp, &self.params, idf(Channel::Terms), idf(Channel::Names));
        self.stories.insert(story, profile);
        self.index(story);
        story
    }

    /// The article's vector in one channel: sublinear tf times idf, unit length, sorted by id.
    fn weigh(&self, channel: Channel, counts: &[(u64, f32)]) -> Vec<(u64, f32)> {
        let df = &self.df[channel as usize];
        let mut vector: Vec<(u64, f32)> =
            counts.iter().map(|&(term, tf)| (term, (1.0 + tf.ln()) * df.idf(term, self.articles))).collect();
        normalize(&mut vector);
        vector
    }

    /// The stories that share the most weight with the article in one channel, found through the
    /// index under the article's heaviest terms.
    fn candidates(&self, channel: Channel, query: &[(u64, f32)]) -> Vec<StoryId> {
        let mut heaviest: Vec<&(u64, f32)> = query.iter().collect();
        heaviest.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        heaviest.truncate(self.params.query_terms);
        let df = &self.df[channel as usize];
        let mut scores: FxHashMap<StoryId, f32> = FxHashMap::default();
        for &&(term, weight) in &heaviest {
            let idf = df.idf(term, self.articles);
            let stamp_of = |story: StoryId| self.stories.get(&story).map(|p| p.stamp);
            for (story, story_weight, norm) in self.postings[channel as usize].recent(term, self.params.scan, stamp_of)
            {
                *scores.entry(story).or_default() += weight * story_weight * idf / norm.max(f32::MIN_POSITIVE);
            }
        }
        let mut ranked: Vec<(StoryId, f32)> = scores.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().take(self.params.candidates).map(|(story, _)| story).collect()
    }

    /// What is known of an article joining a story (`None` for an unknown story): the parts of
    /// their similarity, for tools that study or learn the decision.
    pub fn evidence(&self, article: &ArticleFeatures, story: StoryId) -> Option<Evidence> {
        let query = [self.weigh(Channel::Terms, &article.terms), self.weigh(Channel::Names, &article.names)];
        Some(self.weigh_evidence(&query, article.day, self.stories.get(&story)?))
    }

    /// The similarity of an article (its channel vectors and day) to a story, after the time
    /// term.
    fn similarity(&self, query: &[Vec<(u64, f32)>; 2], day: Option<i32>, story: &StoryProfile) -> f32 {
        self.weigh_evidence(query, day, story).similarity
    }

    /// The parts of an article's similarity to a story, and the similarity they make.
    fn weigh_evidence(&self, query: &[Vec<(u64, f32)>; 2], day: Option<i32>, story: &StoryProfile) -> Evidence {
        let terms = self.cosine(Channel::Terms, &query[0], &story.terms, story.norms[0]);
        let names = self.cosine(Channel::Names, &query[1], &story.names, story.norms[1]);
        let named = !story.names.is_empty() && !query[1].is_empty();
        let alpha = self.params.name_weight;
        let content = if self.params.geometric > 0.0 && named {
            terms.max(0.0).powf(1.0 - alpha) * names.max(0.0).powf(alpha)
        } else {
            (1.0 - alpha) * terms + alpha * names
        };
        let gap = story.gap(day);
        let time = match gap {
            Some(gap) => {
                let scale = self.params.time_scale;
                let gap = (gap as f32).min(self.params.time_cap);
                (1.0 + self.params.time_neutral / scale).ln() - (1.0 + gap / scale).ln()
            }
            None => 0.0,
        };
        // Undated, only the names can tell two events of one kind apart: a report of the same
        // event names the story's protagonist and most of its cast.
        let strangers = gap.is_none() && strangers(self.df_names(), self.articles, &query[1], &story.names);
        let cast = if gap.is_none() && named { (self.params.names_neutral - names).max(0.0) } else { 0.0 };
        let similarity = content + self.params.time_weight * time
            - self.params.names_gap * cast
            - if strangers { self.params.protagonist } else { 0.0 };
        Evidence {
            terms,
            names,
            time,
            dated: gap.is_some(),
            named,
            strangers,
            cast,
            articles: story.articles,
            similarity,
        }
    }

    fn df_names(&self) -> &DocumentFrequencies {
        &self.df[Channel::Names as usize]
    }

    /// The cosine of an article's unit vector and a story's centroid weighted by idf, whose
    /// length `norm` was taken when the story last changed. Only the terms they share are
    /// looked up: the cost follows the article's length, not the centroid's.
    fn cosine(&self, channel: Channel, query: &[(u64, f32)], centroid: &[(u64, f32)], norm: f32) -> f32 {
        if norm <= 0.0 {
            return 0.0;
        }
        let df = &self.df[channel as usize];
        let mut dot = 0.0;
        let mut rest = centroid;
        for &(term, weight) in query {
            let at = rest.partition_point(|&(id, _)| id < term);
            rest = &rest[at..];
            match rest.first() {
                Some(&(id, story_weight)) if id == term => dot += weight * story_weight * df.idf(term, self.articles),
                Some(_) => {}
                None => break,
            }
        }
        dot / norm
    }

    /// Lists a held story in the indexes under its keys.
    fn index(&mut self, id: StoryId) {
        let stories = &self.stories;
        let profile = &stories[&id];
        let stamp_of = |story: StoryId| stories.get(&story).map(|p| p.stamp);
        for channel in [Channel::Terms, Channel::Names] {
            let c = channel as usize;
            let centroid = if c == 0 { &profile.terms } else { &profile.names };
            self.postings[c].insert(id, profile.stamp, &profile.keys[c], centroid, profile.norms[c], stamp_of);
        }
    }

    /// Marks a story's index entries (under `keys`, per channel) stale.
    fn unindex(&mut self, keys: &[Vec<u64>; 2]) {
        for channel in [Channel::Terms, Channel::Names] {
            self.postings[channel as usize].retire(&keys[channel as usize]);
        }
    }
}

/// True when both have names and neither's heaviest name word (by tf-idf) is among the other's.
fn strangers(df: &DocumentFrequencies, articles: u64, article: &[(u64, f32)], story: &[(u64, f32)]) -> bool {
    let heaviest = |names: &[(u64, f32)], idf: bool| {
        names
            .iter()
            .map(|&(id, w)| (id, if idf { w * df.idf(id, articles) } else { w }))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(id, _)| id)
    };
    let (Some(of_article), Some(of_story)) = (heaviest(article, false), heaviest(story, true)) else { return false };
    let holds = |names: &[(u64, f32)], id: u64| names.binary_search_by_key(&id, |&(n, _)| n).is_ok();
    !holds(story, of_article) && !holds(article, of_story)
}

/// Scales a vector to unit length (a zero vector stays zero).
fn normalize(vector: &mut [(u64, f32)]) {
    let norm = vector.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in vector.iter_mut() {
            *w /= norm;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An article of made-up terms and name words (ids), on day `day`.
    fn article(terms: &[u64], names: &[u64], day: Option<i32>) -> ArticleFeatures {
        let counts = |ids: &[u64]| {
            let mut list: Vec<(u64, f32)> = ids.iter().map(|&id| (id, 1.0)).collect();
            list.sort_unstable_by_key(|e| e.0);
            list
        };
        ArticleFeatures { day, terms: counts(terms), names: counts(names) }
    }

    /// Two events of the same kind (shared terms 1-6) with their own terms and names, and
    /// unrelated background articles.
    fn stream(second_event_day: i32) -> Vec<ArticleFeatures> {
        let mut articles = Vec::new();
        for i in 0..6u64 {
            articles.push(article(&[1, 2, 3, 4, 5, 6, 100 + i % 3, 110, 111, 200 + i], &[50, 51], Some(1000)));
            articles.push(article(&[300 + i, 301 + i, 302 + i, 303 + i], &[60 + i], Some(1000)));
        }
        for i in 0..6u64 {
            articles.push(article(
                &[1, 2, 3, 4, 5, 6, 120 + i % 3, 130, 131, 220 + i],
                &[70, 71],
                Some(second_event_day),
            ));
        }
        articles
    }

    #[test]
    fn events_of_one_kind_are_told_apart_and_reports_of_one_event_grouped() {
        let mut clusterer = Clusterer::new(Params::default());
        let stories: Vec<StoryId> = stream(1400).iter().map(|a| clusterer.assign(a).story).collect();
        let first: Vec<StoryId> = (0..6).map(|i| stories[2 * i]).collect();
        let second = &stories[12..];
        assert!(first.iter().all(|&s| s == first[0]), "{stories:?}");
        assert!(second.iter().all(|&s| s == second[0]), "{stories:?}");
        assert_ne!(first[0], second[0]);
    }

    #[test]
    fn undated_events_of_one_kind_with_other_protagonists_are_told_apart() {
        // The second event's reports share the first's terms, and one name word (a place, 90)
        // but not its protagonist (50); undated, only the names can tell them apart.
        let first = |i: u64| article(&[1, 2, 3, 100 + i, 110, 111, 112, 113], &[50, 90], None);
        let second = |i: u64| article(&[1, 2, 3, 120 + i, 130, 131, 132, 133], &[70, 90], None);
        let cluster = |params: Params| {
            let mut clusterer = Clusterer::new(params);
            let stories: Vec<StoryId> =
                (0..4).map(first).chain((0..4).map(second)).map(|a| clusterer.assign(&a).story).collect();
            stories[0] != stories[4] && stories[..4].iter().all(|&s| s == stories[0])
        };
        assert!(cluster(Params::default()));
        assert!(cluster(Params { names_gap: 0.0, ..Params::default() }), "the protagonist term alone");
        assert!(cluster(Params { protagonist: 0.0, ..Params::default() }), "the cast term alone");
        assert!(
            !cluster(Params { protagonist: 0.0, names_gap: 0.0, ..Params::default() }),
            "the names alone did not tell them apart"
        );
        // A report of the first event naming its protagonist joins it.
        let mut clusterer = Clusterer::new(Params::default());
        let story = clusterer.assign(&first(0)).story;
        assert_eq!(clusterer.assign(&article(&[1, 2, 3, 107, 110, 111, 112, 113], &[50, 91], None)).story, story);
    }

    #[test]
    fn undated_a_story_sharing_few_of_the_article_s_names_asks_for_more_content() {
        // The article names the story's place and protagonist (50, 90) but also a cast of its
        // own (70-73): the protagonist term does not apply, the cast term does.
        let story = article(&[1, 2, 3, 4, 5, 6], &[50, 51, 52, 53, 90], None);
        let newcomer = article(&[1, 2, 3, 4, 5, 9], &[50, 70, 71, 72, 73, 90], None);
        let score = |params: Params, day: Option<i32>| {
            let mut clusterer = Clusterer::new(params);
            clusterer.assign(&ArticleFeatures { day, ..story.clone() });
            let newcomer = ArticleFeatures { day, ..newcomer.clone() };
            clusterer.observe(&newcomer);
            clusterer.rank(&newcomer)[0].1
        };
        let without = Params { names_gap: 0.0, ..Params::default() };
        assert!(score(Params::default(), None) < score(without, None) - 0.01);
        // Dated, time tells events apart and the term stays out.
        assert!((score(Params::default(), Some(1000)) - score(without, Some(1000))).abs() < 1e-6);
    }

    #[test]
    fn evidence_gives_the_parts_of_the_similarity_ranked() {
        let mut clusterer = Clusterer::new(Params::default());
        let story = clusterer.assign(&article(&[1, 2, 3, 4], &[50, 51, 52], None)).story;
        let newcomer = article(&[1, 2, 3, 9], &[50, 70, 71], None);
        clusterer.observe(&newcomer);
        let evidence = clusterer.evidence(&newcomer, story).unwrap();
        assert_eq!(clusterer.rank(&newcomer)[0], (story, evidence.similarity));
        // The heaviest name words (by idf) are each side's own: 70 or 71, and 51 or 52.
        assert!(!evidence.dated && evidence.named && evidence.strangers, "{evidence:?}");
        assert!(evidence.terms > 0.0 && evidence.names > 0.0 && evidence.time == 0.0, "{evidence:?}");
        assert!((evidence.cast - (0.5 - evidence.names).max(0.0)).abs() < 1e-6, "{evidence:?}");
        assert_eq!(clusterer.evidence(&newcomer, story + 1), None);
    }

    #[test]
    fn a_long_gap_asks_for_more_shared_content() {
        let params = Params::default();
        let near = article(&[1, 2, 3, 9], &[], Some(1000));
        let far = article(&[1, 2, 3, 9], &[], Some(3000));
        let mut clusterer = Clusterer::new(params);
        clusterer.assign(&article(&[1, 2, 3, 4, 5, 6], &[], Some(1000)));
        clusterer.observe(&near);
        let near_score = clusterer.rank(&near)[0].1;
        let far_score = clusterer.rank(&far)[0].1;
        assert!(near_score > far_score, "{near_score} {far_score}");
        // Past the cap, a longer gap costs nothing more.
        let farther = article(&[1, 2, 3, 9], &[], Some(9000));
        assert!((clusterer.rank(&farther)[0].1 - far_score).abs() < 1e-6);
    }

    #[test]
    fn restored_state_clusters_exactly_as_the_state_it_was_taken_from() {
        let articles = stream(1001);
        let mut whole = Clusterer::new(Params::default());
        let expected: Vec<Assignment> = articles.iter().map(|a| whole.assign(a)).collect();

        let mut first = Clusterer::new(Params::default());
        let mut got: Vec<Assignment> = articles[..9].iter().map(|a| first.assign(a)).collect();
        // What a store keeps: counts and profiles (restored here in reverse order).
        let mut restored = Clusterer::new(Params::default());
        let counts = |channel: usize| {
            let mut list: Vec<(u64, u32)> = first.df[channel].counts.iter().map(|(&t, &c)| (t, c)).collect();
            list.sort_unstable();
            list
        };
        restored.restore_counts(first.articles(), &counts(0), &counts(1));
        let mut ids: Vec<StoryId> = first.stories.keys().copied().collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        for id in ids {
            restored.restore_story(first.stories[&id].clone());
        }
        got.extend(articles[9..].iter().map(|a| restored.assign(a)));
        assert_eq!(got, expected);
    }
}
