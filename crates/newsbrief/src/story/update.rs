//! Update briefs: what is new in some reports since others were read.
//!
//! An update brief is the brief of the new reports with everything the known reports already
//! told left out:
//!
//! - a summary sentence repeats a known one when their tf-idf cosine (idf over the known and new
//!   sentences together) is above [`REPEATS`], the threshold under which no two summary
//!   sentences of any brief are alike: such sentences are not candidates;
//! - a timeline entry was told when a known report dates the same day (or month, or year) in a
//!   sentence sharing as many words as the timeline asks of two reports of one event;
//! - a quotation was told when a known report holds the same words;
//! - a corroborated fact was told when a known sentence repeats it, as for summary sentences.
//!
//! The summary also leans towards what is new ([`weigh_for_update`]): a term's weight is scaled
//! by its novelty (the share of new reports using it against the share of known ones), and a
//! sentence's gain by the day it tells (raised when it dates an event on the newest report's day
//! or the day before, lowered when it dates one before the new reports' days: background), by
//! the age of its report against the newest, and lowered when it holds quotation marks (words
//! said rather than events).
//!
//! [`Told`] indexes what the known reports say, once, so that each question costs a look-up of
//! the terms or the day involved, not a pass over every known report.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::analysis::AnalyzedArticle;
use crate::brief::Brief;
use crate::story::timeline::{calendar_date, jaccard, SAME_EVENT};
use crate::summarize::Features;

/// Cosine above which a sentence repeats a known one (the summarizers' own threshold for two
/// summary sentences alike).
pub(crate) const REPEATS: f32 = 0.5;

/// What the known reports of an update told, indexed for look-ups.
pub(crate) struct Told<'a> {
    /// Per term: its inverse sentence frequency over the known and new sentences.
    idf: FxHashMap<u64, f32>,
    /// Per term: the known sentences holding it, with the term's weight in their unit vector.
    postings: FxHashMap<u64, Vec<(u32, f32)>>,
    /// The number of known sentences.
    sentences: usize,
    /// Per date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`): the distinct terms of each known sentence
    /// dating an event then.
    events: FxHashMap<String, Vec<Vec<u64>>>,
    /// The known reports' texts.
    texts: Vec<&'a str>,
    /// Per term: the number of known reports using it.
    known_documents: FxHashMap<u64, u32>,
}

impl<'a> Told<'a> {
    /// Indexes the `known` reports (published on `days`), with idf taken over their sentences
    /// and those of the `new` reports.
    pub(crate) fn new(known: &[&'a AnalyzedArticle], days: &[Option<NaiveDate>], new: &[&AnalyzedArticle]) -> Self {
        let mut frequency: FxHashMap<u64, u32> = FxHashMap::default();
        let mut total = 0usize;
        for sentence in known.iter().chain(new).flat_map(|a| &a.sentences) {
            total += 1;
            for term in distinct(&sentence.terms) {
                *frequency.entry(term).or_insert(0) += 1;
            }
        }
        let n = total.max(1) as f32;
        let idf: FxHashMap<u64, f32> = frequency.into_iter().map(|(t, sf)| (t, (n / sf as f32).ln() + 1.0)).collect();
        let mut told = Told {
            idf,
            postings: FxHashMap::default(),
            sentences: 0,
            events: FxHashMap::default(),
            texts: Vec::new(),
            known_documents: FxHashMap::default(),
        };
        for (article, day) in known.iter().zip(days) {
            let mut used: Vec<u64> = article.sentences.iter().flat_map(|s| s.terms.iter().copied()).collect();
            used.sort_unstable();
            used.dedup();
            for term in used {
                *told.known_documents.entry(term).or_insert(0) += 1;
            }
            for sentence in &article.sentences {
                let index = u32::try_from(told.sentences).unwrap_or(u32::MAX);
                for (term, weight) in told.vector(&sentence.terms) {
                    told.postings.entry(term).or_default().push((index, weight));
                }
                told.sentences += 1;
            }
            for timex in crate::tls::timexes(article, *day).iter() {
                let Some(date) = calendar_date(&timex.value) else { continue };
                let position = article.sentences.partition_point(|s| s.end <= timex.start);
                if let Some(sentence) = article.sentences.get(position).filter(|s| s.start <= timex.start) {
                    told.events.entry(date).or_default().push(distinct(&sentence.terms));
                }
            }
            told.texts.push(&article.text);
        }
        told
    }

    /// The unit tf-idf vector of a sentence's terms, by term.
    fn vector(&self, terms: &[u64]) -> Vec<(u64, f32)> {
        let mut counts: FxHashMap<u64, f32> = FxHashMap::default();
        for &term in terms {
            *counts.entry(term).or_insert(0.0) += 1.0;
        }
        let mut vector: Vec<(u64, f32)> =
            counts.into_iter().map(|(t, tf)| (t, tf * self.idf.get(&t).copied().unwrap_or(1.0))).collect();
        vector.sort_unstable_by_key(|&(t, _)| t);
        let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut vector {
                *w /= norm;
            }
        }
        vector
    }

    /// The highest cosine of a sentence with content `terms` with any known sentence.
    pub(crate) fn closest(&self, terms: &[u64]) -> f32 {
        let mut sums: FxHashMap<u32, f32> = FxHashMap::default();
        for (term, weight) in self.vector(terms) {
            for &(sentence, known) in self.postings.get(&term).map_or(&[][..], Vec::as_slice) {
                *sums.entry(sentence).or_insert(0.0) += weight * known;
            }
        }
        sums.into_values().fold(0.0, f32::max)
    }

    /// True when a sentence with content `terms` repeats a known one.
    pub(crate) fn repeats(&self, terms: &[u64]) -> bool {
        self.sentences > 0 && self.closest(terms) > REPEATS
    }

    /// True when a known report dates an event on `date` in a sentence sharing enough of
    /// `terms` (Jaccard) to tell the same event.
    pub(crate) fn told_event(&self, date: &str, terms: &[u64]) -> bool {
        let terms = distinct(terms);
        self.events.get(date).is_some_and(|known| known.iter().any(|k| jaccard(k, &terms) >= SAME_EVENT))
    }

    /// True when a known report holds the quoted words `text`.
    pub(crate) fn told_quote(&self, text: &str) -> bool {
        let words = crate::tokens::one_line(text);
        !words.is_empty() && self.texts.iter().any(|t| t.contains(text) || t.contains(&words))
    }
}

/// Leaves out of `brief` (made from the `new` reports) the timeline entries, quotations and
/// corroborated facts that the known reports told.
pub(crate) fn leave_out_told(brief: &mut Brief, new: &[&AnalyzedArticle], told: &Told<'_>) {
    let terms_at = |source: &str, start: usize| -> Vec<u64> {
        new.iter()
            .find(|a| a.id == source)
            .and_then(|a| a.sentences.iter().find(|s| s.start <= start && start < s.end.max(s.start + 1)))
            .map(|s| s.terms.clone())
            .unwrap_or_default()
    };
    brief.timeline.retain(|entry| !told.told_event(&entry.date, &terms_at(&entry.source, entry.start)));
    brief.quotes.retain(|quote| !told.told_quote(&quote.text));
    brief.corroborated.retain(|fact| !told.repeats(&terms_at(&fact.source, fact.start)));
}

/// Smoothing of the shares of reports using a term, in the novelty of the term.
const NOVELTY_SMOOTHING: f32 = 0.05;
/// Days before the newest report's day still counted as "the day's events".
const RECENT_DAYS: u64 = 1;
/// The factor for a sentence dating an event on the newest days.
const DATED_RECENT: f32 = 3.0;
/// The factor for a sentence dating an event before the new reports' days (background).
const DATED_BEFORE: f32 = 0.5;
/// The factor for a sentence holding quotation marks (words said, not events).
const QUOTED: f32 = 0.3;
/// The factor per day a report is older than the newest one.
const AGE_FACTOR: f32 = 0.3;

/// The novelty of a term used by a share `new` of the new reports and `known` of the known
/// ones: a factor in (0, 2) on its weight, 1 when the shares are equal, towards 2 for a term
/// only the new reports use and towards 0 for one they no longer use.
fn novelty(new: f32, known: f32) -> f32 {
    let ratio = (new + NOVELTY_SMOOTHING) / (known + NOVELTY_SMOOTHING);
    2.0 * ratio / (1.0 + ratio)
}

/// The days of an update's new reports, as `YYYY-MM-DD`, for comparing resolved dates.
struct Window {
    /// The day before the oldest new report's day: earlier dates are background.
    from: String,
    /// The first of the newest days (the newest report's day less [`RECENT_DAYS`]).
    recent: String,
    /// The newest report's day.
    to: String,
}

impl Window {
    /// The window of reports published from `first` to `last`.
    fn new(first: NaiveDate, last: NaiveDate) -> Self {
        let day = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
        let from = first - chrono::Days::new(1);
        Window { from: day(from), recent: day((last - chrono::Days::new(RECENT_DAYS)).max(from)), to: day(last) }
    }

    /// The factor for a sentence dating an event on `date` (`YYYY-MM-DD`, `YYYY-MM` or
    /// `YYYY`): [`DATED_RECENT`] on the newest days, [`DATED_BEFORE`] before the window (a
    /// month or year before the window's month or year), none otherwise.
    fn factor(&self, date: &str) -> Option<f32> {
        if date.len() == self.to.len() && self.recent.as_str() <= date && date <= self.to.as_str() {
            Some(DATED_RECENT)
        } else if self.from.get(..date.len()).is_some_and(|from| date < from) {
            Some(DATED_BEFORE)
        } else {
            None
        }
    }
}

/// Weighs the summary `features` of the new reports (`articles`, in reading order) for an
/// update: terms by their novelty against the known reports, sentences by the day they tell
/// (the newest days first, background last), the age of their report, and quotation marks.
/// Nothing changes when nothing is known.
pub(crate) fn weigh_for_update(features: &mut Features, articles: &[&AnalyzedArticle], told: &Told<'_>) {
    if told.texts.is_empty() {
        return;
    }
    let known = told.texts.len() as f32;
    let documents = features.documents.max(1) as f32;
    features.term_boost = features
        .term_hashes
        .iter()
        .zip(&features.term_documents)
        .map(|(hash, &docs)| {
            novelty(docs as f32 / documents, told.known_documents.get(hash).copied().unwrap_or(0) as f32 / known)
        })
        .collect();
    let days: Vec<NaiveDate> = articles.iter().filter_map(|a| a.meta.published).collect();
    let (Some(&first), Some(&last)) = (days.iter().min(), days.iter().max()) else { return };
    let window = Window::new(first, last);
    let factors: Vec<Vec<f32>> = articles.iter().map(|article| sentence_factors(article, &window, last)).collect();
    for sentence in &mut features.sentences {
        if let Some(&factor) = factors.get(sentence.document).and_then(|f| f.get(sentence.position)) {
            sentence.weight = factor;
        }
    }
}

/// The factor of each sentence of `article` in an update of the reports of `window`, the
/// newest published on `last`.
fn sentence_factors(article: &AnalyzedArticle, window: &Window, last: NaiveDate) -> Vec<f32> {
    // Per sentence: the factor of the dates it names, the newest days first.
    let mut dated: Vec<Option<f32>> = vec![None; article.sentences.len()];
    for timex in crate::tls::timexes(article, article.meta.published).iter() {
        let Some(factor) = calendar_date(&timex.value).and_then(|date| window.factor(&date)) else { continue };
        let position = article.sentences.partition_point(|s| s.end <= timex.start);
        if let Some(slot) = dated.get_mut(position) {
            *slot = Some(slot.map_or(factor, |f| f.max(factor)));
        }
    }
    let age = article.meta.published.map_or(0, |day| (last - day).num_days().max(0));
    let recency = AGE_FACTOR.powi(i32::try_from(age).unwrap_or(i32::MAX));
    article
        .sentences
        .iter()
        .zip(dated)
        .map(|(sentence, dated)| {
            let quoted = if sentence.text(&article.text).contains(['"', '“', '”']) { QUOTED } else { 1.0 };
            recency * dated.unwrap_or(1.0) * quoted
        })
        .collect()
}

/// The distinct values of `terms`, sorted.
fn distinct(terms: &[u64]) -> Vec<u64> {
    let mut terms = terms.to_vec();
    terms.sort_unstable();
    terms.dedup();
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::article;
    use crate::analysis::{analyze, Depth};
    use crate::Pipeline;

    fn report(name: &str, text: &str, day: &str) -> AnalyzedArticle {
        analyze(article(name, text, Some(day)), Depth::Full)
    }

    const KNOWN: &str = "The dam on the Merrow river burst on Monday and flooded the town of Castlebrook. \
        Rescue teams pulled forty people from the water. \"We have never seen the river this high,\" the mayor said.";
    const NEW: &str = "The dam on the Merrow river burst on Monday and flooded the town of Castlebrook. \
        Engineers began pumping water out of the flooded streets on Wednesday. \
        The army sent two hundred soldiers to build a temporary wall of sandbags near the school. \
        \"We have never seen the river this high,\" the mayor said.";

    #[test]
    fn a_known_sentence_repeats_and_a_new_one_does_not() {
        let known = report("k", KNOWN, "2021-03-01");
        let new = report("n", NEW, "2021-03-03");
        let told = Told::new(&[&known], &[known.meta.published], &[&new]);
        let repeated = &new.sentences[0];
        assert_eq!(repeated.text(&new.text), KNOWN.split(". ").next().unwrap().to_owned() + ".");
        assert!(told.repeats(&repeated.terms));
        assert!(told.closest(&repeated.terms) > 0.99);
        let fresh = &new.sentences[1];
        assert!(!told.repeats(&fresh.terms), "{}", told.closest(&fresh.terms));
        assert!(told.told_quote("We have never seen the river this high,"));
        assert!(!told.told_quote("The river has never been this low."));
    }

    #[test]
    fn nothing_known_repeats_nothing() {
        let new = report("n", NEW, "2021-03-03");
        let told = Told::new(&[], &[], &[&new]);
        assert!(new.sentences.iter().all(|s| !told.repeats(&s.terms)));
        assert!(!told.told_quote("We have never seen the river this high,"));
    }

    #[test]
    fn an_event_is_told_when_a_known_report_dates_it_in_like_words() {
        let known = report("k", KNOWN, "2021-03-03");
        let new = report("n", NEW, "2021-03-03");
        let told = Told::new(&[&known], &[known.meta.published], &[&new]);
        // "on Monday" of a report of Wednesday 3 March 2021 is 1 March.
        assert!(told.told_event("2021-03-01", &new.sentences[0].terms));
        assert!(!told.told_event("2021-03-01", &new.sentences[2].terms));
        assert!(!told.told_event("2021-03-02", &new.sentences[0].terms));
    }

    #[test]
    fn an_update_brief_tells_only_what_is_new() {
        let known = [report("k", KNOWN, "2021-03-01")];
        let new = [report("n", NEW, "2021-03-03")];
        let pipeline = Pipeline::builder().words(60).build().unwrap();
        let plain = pipeline.brief_analyzed(&new);
        assert!(plain.summary.iter().any(|s| s.text.starts_with("The dam on the Merrow")), "{:?}", plain.summary);

        let update = pipeline.brief_update(&new, &known);
        assert_eq!(update.check_spans(), Ok(()));
        assert!(!update.summary.is_empty());
        for sentence in &update.summary {
            assert!(!KNOWN.contains(&sentence.text), "{sentence:?} was told before");
            assert_eq!(sentence.source, new[0].id);
        }
        assert!(update.quotes.iter().all(|q| !KNOWN.contains(&q.text)), "{:?}", update.quotes);
        assert_eq!(update.known.len(), 1);
        assert_eq!(update.known[0].id, known[0].id);
        assert_eq!(update.sources.len(), 1);
    }

    #[test]
    fn a_report_both_new_and_known_is_known() {
        let known = [report("k", KNOWN, "2021-03-01")];
        let pipeline = Pipeline::default();
        let update = pipeline.brief_update(&known, &known);
        assert!(update.summary.is_empty() && update.sources.is_empty(), "{update:?}");
        assert_eq!(update.known.len(), 1);
    }

    #[test]
    fn novelty_raises_new_terms_and_lowers_dropped_ones() {
        assert!((novelty(0.4, 0.4) - 1.0).abs() < 1e-6);
        assert!(novelty(0.5, 0.0) > 1.8, "{}", novelty(0.5, 0.0));
        assert!(novelty(0.0, 0.5) < 0.2, "{}", novelty(0.0, 0.5));
        assert!(novelty(0.3, 0.1) > 1.0 && novelty(0.3, 0.1) < 2.0);
    }

    #[test]
    fn the_window_raises_the_newest_days_and_lowers_earlier_ones() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let window = Window::new(day("2021-03-01"), day("2021-03-05"));
        assert_eq!(window.factor("2021-03-05"), Some(DATED_RECENT));
        assert_eq!(window.factor("2021-03-04"), Some(DATED_RECENT));
        assert_eq!(window.factor("2021-03-02"), None, "in the window, not the newest days");
        assert_eq!(window.factor("2021-02-28"), None, "the day before the first report tells it");
        assert_eq!(window.factor("2021-02-27"), Some(DATED_BEFORE));
        assert_eq!(window.factor("2021-01"), Some(DATED_BEFORE));
        assert_eq!(window.factor("2020"), Some(DATED_BEFORE));
        assert_eq!(window.factor("2021-02"), None, "the month of the window's first day");
        assert_eq!(window.factor("2021-03"), None);
        assert_eq!(window.factor("2021-03-09"), None, "a day to come");
        // One day of reports: the newest days are that day and the one before.
        let one = Window::new(day("2021-03-05"), day("2021-03-05"));
        assert_eq!(one.factor("2021-03-04"), Some(DATED_RECENT));
        assert_eq!(one.factor("2021-03-03"), Some(DATED_BEFORE));
    }

    const DAY_REPORT: &str = "Engineers began pumping water out of the flooded streets of Castlebrook on Wednesday. \
        The town last flooded in 2009, when the old dam gave way after a week of rain. \
        \"The water is going down at last,\" an engineer told reporters near the bridge. \
        The army sent two hundred soldiers to build a wall of sandbags near the school.";

    #[test]
    fn sentences_of_the_day_weigh_more_than_background_and_quotations() {
        let new = report("n", DAY_REPORT, "2021-03-03");
        let window = Window::new(day_of(&new), day_of(&new));
        let factors = sentence_factors(&new, &window, day_of(&new));
        assert_eq!(factors, [DATED_RECENT, DATED_BEFORE, QUOTED, 1.0]);
        let older = report("o", DAY_REPORT, "2021-03-02");
        let factors = sentence_factors(&older, &window, day_of(&new));
        assert!((factors[3] - AGE_FACTOR).abs() < 1e-6, "a report a day older than the newest");
    }

    fn day_of(article: &AnalyzedArticle) -> NaiveDate {
        article.meta.published.unwrap()
    }

    #[test]
    fn nothing_known_weighs_nothing() {
        let new = report("n", DAY_REPORT, "2021-03-03");
        let articles = [&new];
        let mut features = Features::from_articles(&articles);
        weigh_for_update(&mut features, &articles, &Told::new(&[], &[], &articles));
        assert!(features.term_boost.is_empty());
        assert!(features.sentences.iter().all(|s| s.weight.to_bits() == 1f32.to_bits()));

        let known = report("k", KNOWN, "2021-03-01");
        weigh_for_update(&mut features, &articles, &Told::new(&[&known], &[known.meta.published], &articles));
        assert_eq!(features.term_boost.len(), features.vocabulary());
        assert!(features.sentences[0].weight > features.sentences[1].weight);
    }

    #[test]
    fn jaccard_of_sorted_sets() {
        assert!((jaccard(&[1, 2, 3], &[2, 3, 4]) - 0.5).abs() < 1e-9);
        assert!(jaccard(&[0u64; 0], &[0u64; 0]).abs() < 1e-9);
        assert_eq!(distinct(&[3, 1, 3, 2]), [1, 2, 3]);
    }
}
