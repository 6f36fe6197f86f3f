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
//! [`Told`] indexes what the known reports say, once, so that each question costs a look-up of
//! the terms or the day involved, not a pass over every known report.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::analysis::AnalyzedArticle;
use crate::brief::Brief;
use crate::story::timeline::{calendar_date, jaccard, SAME_EVENT};

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
        let mut told =
            Told { idf, postings: FxHashMap::default(), sentences: 0, events: FxHashMap::default(), texts: Vec::new() };
        for (article, day) in known.iter().zip(days) {
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
    fn jaccard_of_sorted_sets() {
        assert!((jaccard(&[1, 2, 3], &[2, 3, 4]) - 0.5).abs() < 1e-9);
        assert!(jaccard(&[0u64; 0], &[0u64; 0]).abs() < 1e-9);
        assert_eq!(distinct(&[3, 1, 3, 2]), [1, 2, 3]);
    }
}
