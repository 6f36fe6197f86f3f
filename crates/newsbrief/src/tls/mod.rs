//! Timeline summarization: the most important dated events of a story over its whole life, as
//! at most `dates` days with at most `sentences` sentences each, every sentence quoted from a
//! report with its byte span.
//!
//! The design follows the date-wise approach of Ghalandari & Ifrim 2020 (news-tls), itself after
//! Tran et al. 2013 and Martschat & Markert 2018: first pick the days, then summarise each day.
//!
//! 1. **Days** ([`dates`]): every report that names a day (a temporal expression resolved to a
//!    calendar day against its publication day) votes for it, its vote worth the relevance to the
//!    story of its most relevant sentence naming the day, and more when the report was published
//!    after the day (it looks back on an event); the reports published on a named day add to it.
//!    A report naming its own publication day by a full date casts no vote for it: that is its
//!    dateline, a photo caption or a "last updated" line, not an event. The days with most votes
//!    are taken.
//! 2. **Candidates** for a day: the sentences fit for a summary that name it, and the first
//!    sentences naming no day of the reports published on it or the day after (news tells the
//!    day's events first, the next morning). A sentence that leans on the one before it ("He
//!    said ...", "But ...", a piece of a quotation) cannot stand alone in a timeline and is left out.
//!    Nor does a sentence tell a day it names only as the anchor of another event ("the toll has
//!    risen since Tuesday's quake", "the slick spread after the rig sank on Thursday": see
//!    [`anchor_only`]) or as its report's dateline.
//! 3. **Sentences** for a day: by cosine with the centroid of the day's candidates (what the
//!    reports of that day share) plus [`TOPIC_WEIGHT`] times the cosine with the story's centroid
//!    (what the story is about, which keeps out sentences of other news that name the same day),
//!    plus [`NAMED_BONUS`] for a sentence that names the day (it surely tells that day, where a
//!    lead sentence may tell the day before) and [`FULL_DATE_BONUS`] more when a later report names
//!    it by a full date ("On April 21 the president lifted ..." is how timelines and looks back
//!    tell events), leaving out repeats: the same text, or a tf-idf
//!    cosine above [`REDUNDANT`] with a sentence already in the timeline, on any day.
//!
//! Days are ranked until `dates` of them have a sentence. The constants were chosen on two of the
//! four Timeline17 development topics (those whose SHA-256 of the name is odd); the README gives
//! the figures on all four.

pub(crate) mod dates;

use std::borrow::Cow;

use chrono::{Duration, NaiveDate};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::analysis::{AnalyzedArticle, Depth};
use crate::brief::SummarySentence;
use crate::summarize::features::{dot, normalised};
use crate::summarize::Features;
use crate::timex::{find_timexes, Timex, TimexType, TimexValue};
pub use dates::DayEvidence;
use dates::{day_evidence, rank_days, DayMention, Publication};

/// The weight of a sentence's cosine with the story's centroid against its cosine with the
/// centroid of its day's candidates.
const TOPIC_WEIGHT: f32 = 2.0;
/// How many of a report's first sentences stand for the events of the day it was published.
const LEAD_SENTENCES: usize = 5;
/// A report tells the events of the day it is published and of the day before.
const REPORT_DAYS: i64 = 2;
/// Cosine above which a sentence repeats one already in the timeline.
const REDUNDANT: f32 = 0.5;
/// Added to the score of a candidate that names its day, against a lead sentence of a report.
const NAMED_BONUS: f32 = 0.1;
/// How many words before a temporal expression, within its clause, [`anchor_only`] looks at.
const ANCHOR_WINDOW: usize = 5;
/// Added again when a report published after the day names it by a full date ("on April 20"),
/// the way a timeline or a look back tells an event.
const FULL_DATE_BONUS: f32 = 0.1;

/// What a timeline summary may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineOptions {
    /// At most this many days.
    pub dates: usize,
    /// At most this many sentences a day.
    pub sentences: usize,
    /// No day before this one.
    pub start: Option<NaiveDate>,
    /// No day after this one.
    pub end: Option<NaiveDate>,
}

impl Default for TimelineOptions {
    fn default() -> Self {
        Self { dates: 10, sentences: 2, start: None, end: None }
    }
}

/// A story's timeline summary: its most important days, each with the sentences that tell it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryTimeline {
    /// The days, in calendar order.
    pub timeline: Vec<TimelineDay>,
    /// The reports the sentences are quoted from, in input order.
    pub sources: Vec<TimelineSource>,
}

/// One day of a timeline summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineDay {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// What happened, most telling sentence first; each is the span `start..end` of the
    /// cleaned text of the report `source` (a stable report id).
    pub sentences: Vec<SummarySentence>,
}

/// A report a timeline summary quotes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineSource {
    /// Its stable id (derived from its cleaned text, as in a brief).
    pub id: String,
    /// The id its input gave it (a JSON `"id"` field), if any.
    pub given_id: Option<String>,
    /// Its publication day, `YYYY-MM-DD`, known or inferred.
    pub published: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its outlet.
    pub outlet: Option<String>,
}

impl StoryTimeline {
    /// Checks that every sentence is the span of its report's cleaned text that it claims to be,
    /// reading the texts from `articles`, and that its report is listed.
    ///
    /// # Errors
    ///
    /// A message naming the first sentence that is not.
    pub fn check_spans(&self, articles: &[AnalyzedArticle]) -> Result<(), String> {
        for sentence in self.timeline.iter().flat_map(|day| &day.sentences) {
            if !self.sources.iter().any(|s| s.id == sentence.source) {
                return Err(format!("{:?} names source {}, which is not listed", sentence.text, sentence.source));
            }
            let text = articles
                .iter()
                .find(|a| a.id == sentence.source)
                .map(|a| a.text.as_str())
                .ok_or_else(|| format!("no article has the id {}", sentence.source))?;
            if text.get(sentence.start..sentence.end) != Some(sentence.text.as_str()) {
                return Err(format!(
                    "{:?} is not {}[{}..{}]",
                    sentence.text, sentence.source, sentence.start, sentence.end
                ));
            }
        }
        Ok(())
    }
}

/// The timeline summary of the story the `articles` tell (an article given twice is read once).
pub fn summarize_timeline(articles: &[AnalyzedArticle], options: &TimelineOptions) -> StoryTimeline {
    let story = Story::read(articles);
    let ranked = rank_days(&story.evidence(options));
    let (features, named, days) = (&story.features, &story.named, &story.days);

    // Candidates of each day: the sentences that tell it, then the lead sentences of its reports.
    let mut candidates: FxHashMap<NaiveDate, Vec<usize>> = FxHashMap::default();
    for (i, sentence) in features.sentences.iter().enumerate() {
        if !sentence.eligible || sentence.leans {
            continue;
        }
        for &day in &named[i] {
            if !story.dateline(i, day) && !story.anchored.contains(&(i, day)) {
                candidates.entry(day).or_default().push(i);
            }
        }
        if named[i].is_empty() && sentence.position < LEAD_SENTENCES {
            if let Some(published) = days[sentence.document] {
                for back in 0..REPORT_DAYS {
                    candidates.entry(published - Duration::days(back)).or_default().push(i);
                }
            }
        }
    }

    let mut chosen: Vec<usize> = Vec::new();
    let mut timeline: Vec<(NaiveDate, Vec<usize>)> = Vec::new();
    for (day, _) in ranked {
        if timeline.len() >= options.dates || options.sentences == 0 {
            break;
        }
        let Some(pool) = candidates.get(&day) else { continue };
        let bonus = |i: usize| {
            let document = features.sentences[i].document;
            let looks_back = story.in_full.contains(&(i, day)) && days[document].is_some_and(|p| p > day);
            match (named[i].contains(&day), looks_back) {
                (true, true) => NAMED_BONUS + FULL_DATE_BONUS,
                (true, false) => NAMED_BONUS,
                (false, _) => 0.0,
            }
        };
        let picked = summarize_day(pool, &story.vectors, &story.relevance, bonus, &chosen, options.sentences, |i| {
            let s = &features.sentences[i];
            let article = story.articles[s.document];
            article.sentences[s.position].text(&article.text)
        });
        if !picked.is_empty() {
            chosen.extend(&picked);
            timeline.push((day, picked));
        }
    }
    quoted(&story.articles, days, features, timeline)
}

/// The evidence for each day the `articles` name within the window of `options`, in calendar
/// order: what the timeline's days are ranked by (`newsbrief timeline --days` prints it, and
/// `scripts/tls_fit_days.py` fits a supervised ranker from it to compare with the hand-set one).
pub fn timeline_day_evidence(articles: &[AnalyzedArticle], options: &TimelineOptions) -> Vec<DayEvidence> {
    Story::read(articles).evidence(options)
}

/// A story read for its timeline: its reports, their sentences' terms and relevance, and the days
/// each sentence names.
struct Story<'a> {
    /// The reports, each once.
    articles: Vec<&'a AnalyzedArticle>,
    /// Each report's publication day.
    days: Vec<Option<NaiveDate>>,
    /// The sentences of all reports and their terms.
    features: Features,
    /// Each sentence's tf-idf vector.
    vectors: Vec<Vec<(u32, f32)>>,
    /// Each sentence's cosine with the story's centroid.
    relevance: Vec<f32>,
    /// The index of each report's first sentence.
    first: Vec<usize>,
    /// The days each sentence names.
    named: Vec<Vec<NaiveDate>>,
    /// The sentences and days they name by a full date.
    in_full: FxHashSet<(usize, NaiveDate)>,
    /// The sentences and days they name only as the anchor of another event ("since Tuesday").
    anchored: FxHashSet<(usize, NaiveDate)>,
}

impl<'a> Story<'a> {
    /// Reads the `articles` (an article given twice is read once).
    fn read(articles: &'a [AnalyzedArticle]) -> Self {
        let mut seen = FxHashSet::default();
        let articles: Vec<&AnalyzedArticle> = articles.iter().filter(|a| seen.insert(a.id.as_str())).collect();
        let days: Vec<Option<NaiveDate>> = articles.iter().map(|a| a.meta.published).collect();
        let features = Features::from_articles(&articles);
        let vectors = features.tfidf_vectors();
        let story = centroid(features.vocabulary(), vectors.iter());
        let relevance: Vec<f32> = vectors.iter().map(|v| dot(v, &story)).collect();

        let mut first = Vec::with_capacity(articles.len());
        let mut named: Vec<Vec<NaiveDate>> = vec![Vec::new(); features.len()];
        let mut in_full: FxHashSet<(usize, NaiveDate)> = FxHashSet::default();
        let mut anchored: FxHashSet<(usize, NaiveDate)> = FxHashSet::default();
        let mut next = 0;
        for (a, article) in articles.iter().enumerate() {
            first.push(next);
            for timex in timexes(article, days[a]).iter() {
                let Some(day) = calendar_day(timex) else { continue };
                let position = article.sentences.partition_point(|s| s.end <= timex.start);
                let Some(sentence) = article.sentences.get(position).filter(|s| s.start <= timex.start) else {
                    continue;
                };
                if full_date(timex) {
                    in_full.insert((next + position, day));
                }
                if article.text.get(sentence.start..timex.start).is_some_and(anchor_only) {
                    anchored.insert((next + position, day));
                }
                let list = &mut named[next + position];
                if !list.contains(&day) {
                    list.push(day);
                }
            }
            next += article.sentences.len();
        }
        Self { articles, days, features, vectors, relevance, first, named, in_full, anchored }
    }

    /// Whether sentence `i` names `day` only as its report's dateline (see [`dateline`]).
    fn dateline(&self, i: usize, day: NaiveDate) -> bool {
        dateline(self.in_full.contains(&(i, day)), self.days[self.features.sentences[i].document], day)
    }

    /// The evidence for each day named within the window of `options`, in calendar order.
    fn evidence(&self, options: &TimelineOptions) -> Vec<DayEvidence> {
        let days = &self.days;
        let mentions: Vec<DayMention> = (0..self.features.len())
            .flat_map(|i| self.named[i].iter().map(move |&day| (i, day)))
            .filter(|&(i, day)| !self.dateline(i, day))
            .map(|(i, day)| {
                let article = self.features.sentences[i].document;
                DayMention {
                    article,
                    day,
                    relevance: self.relevance[i],
                    published: days[article],
                    full: self.in_full.contains(&(i, day)),
                }
            })
            .collect();
        let publications: Vec<Publication> = (0..self.articles.len())
            .filter(|&a| !self.articles[a].sentences.is_empty())
            .filter_map(|a| Some(Publication { day: days[a]?, relevance: self.relevance[self.first[a]] }))
            .collect();
        day_evidence(&mentions, &publications, options.start, options.end)
    }
}

/// The timeline of the `picked` sentences of each day (indices into `features`' sentences), in
/// calendar order, with the reports it quotes.
fn quoted(
    articles: &[&AnalyzedArticle],
    days: &[Option<NaiveDate>],
    features: &Features,
    mut timeline: Vec<(NaiveDate, Vec<usize>)>,
) -> StoryTimeline {
    timeline.sort_by_key(|(day, _)| *day);

    let mut cited = vec![false; articles.len()];
    let timeline = timeline
        .into_iter()
        .map(|(day, picked)| TimelineDay {
            date: day.format("%Y-%m-%d").to_string(),
            sentences: picked
                .into_iter()
                .map(|i| {
                    let s = &features.sentences[i];
                    let article = articles[s.document];
                    let sentence = &article.sentences[s.position];
                    cited[s.document] = true;
                    SummarySentence {
                        text: sentence.text(&article.text).to_owned(),
                        source: article.id.clone(),
                        start: sentence.start,
                        end: sentence.end,
                    }
                })
                .collect(),
        })
        .collect();
    let sources = articles
        .iter()
        .enumerate()
        .filter(|&(a, _)| cited[a])
        .map(|(a, article)| TimelineSource {
            id: article.id.clone(),
            given_id: article.given_id.clone(),
            published: days[a].map(|d| d.format("%Y-%m-%d").to_string()),
            title: article.meta.title.clone(),
            outlet: article.meta.outlet.clone(),
        })
        .collect();
    StoryTimeline { timeline, sources }
}

/// Up to `count` sentences of `pool` for one day, best first: by cosine with the pool's centroid
/// plus [`TOPIC_WEIGHT`] times the relevance to the story plus its `bonus` (for naming the day),
/// leaving out texts already picked and sentences too like one in `chosen` or picked before.
fn summarize_day<'a>(
    pool: &[usize],
    vectors: &[Vec<(u32, f32)>],
    relevance: &[f32],
    bonus: impl Fn(usize) -> f32,
    chosen: &[usize],
    count: usize,
    text: impl Fn(usize) -> &'a str,
) -> Vec<usize> {
    let vocabulary = pool.iter().flat_map(|&i| vectors[i].iter().map(|&(t, _)| t as usize + 1)).max().unwrap_or(0);
    let center = centroid(vocabulary, pool.iter().map(|&i| &vectors[i]));
    let score = |i: usize| dot(&vectors[i], &center) + TOPIC_WEIGHT * relevance[i] + bonus(i);
    let mut order: Vec<(f32, usize)> = pool.iter().map(|&i| (score(i), i)).collect();
    order.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    order.dedup_by_key(|&mut (_, i)| i);
    let mut picked: Vec<usize> = Vec::new();
    let mut texts: FxHashSet<&str> = FxHashSet::default();
    for (_, i) in order {
        if picked.len() >= count {
            break;
        }
        let repeats = chosen.iter().chain(&picked).any(|&c| dot(&vectors[c], &vectors[i]) > REDUNDANT);
        if !repeats && texts.insert(text(i)) {
            picked.push(i);
        }
    }
    picked
}

/// Whether a temporal expression, given the text of its sentence `before` it, names its day only
/// as the anchor of another event: a temporal preposition or conjunction ("since", "after",
/// "before", "until", "following") within [`ANCHOR_WINDOW`] words before it in its clause, as in
/// "the toll has risen since Tuesday's quake" or "the slick spread after the rig sank on
/// Thursday", where the sentence's own event is not of that day.
fn anchor_only(before: &str) -> bool {
    let clause = before.rsplit([',', ';', ':', '(']).next().unwrap_or(before);
    clause.split_whitespace().rev().take(ANCHOR_WINDOW).any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        matches!(word.as_str(), "since" | "after" | "before" | "until" | "following")
    })
}

/// The unit-length sum of `vectors`, over term ids below `vocabulary`.
fn centroid<'a>(vocabulary: usize, vectors: impl Iterator<Item = &'a Vec<(u32, f32)>>) -> Vec<(u32, f32)> {
    let mut sum = vec![0f32; vocabulary];
    for vector in vectors {
        for &(t, w) in vector {
            sum[t as usize] += w;
        }
    }
    let sparse = (0u32..).zip(sum).filter(|&(_, w)| w > 0.0).collect();
    normalised(sparse)
}

/// The temporal expressions of `article` resolved against `day`: those of its analysis, or, for
/// an article analysed for a summary only, found now.
pub(crate) fn timexes(article: &AnalyzedArticle, day: Option<NaiveDate>) -> Cow<'_, [Timex]> {
    match (article.depth, day) {
        (Depth::Full, _) => article.timexes_on(day),
        (Depth::Summary, Some(day)) => Cow::Owned(find_timexes(&article.text, day)),
        (Depth::Summary, None) => Cow::Borrowed(&[]),
    }
}

/// Whether a temporal expression names its day by a full date, with the day of the month in
/// figures ("April 20", "20/4/2010", "2010-04-20"), not by a weekday or "yesterday".
fn full_date(timex: &Timex) -> bool {
    timex.text.bytes().any(|b| b.is_ascii_digit())
}

/// Whether a report's mention of `day` is only its own dateline, not a vote for the day: a report
/// naming the very day it was `published` by a full date does so in a dateline, a photo caption
/// or a "last updated" line (news tells its own day's events as "on Tuesday" or "today"), and
/// every report carries one.
fn dateline(by_full_date: bool, published: Option<NaiveDate>, day: NaiveDate) -> bool {
    by_full_date && published == Some(day)
}

/// The calendar day a date or time expression names, when it names one (`2010-04-20`,
/// `2010-04-20T14:00`, `2010-W16-2`); months, years, weeks and references to the present name none.
fn calendar_day(timex: &Timex) -> Option<NaiveDate> {
    if !matches!(timex.kind, TimexType::Date | TimexType::Time) {
        return None;
    }
    match &timex.value {
        TimexValue::Day(day) | TimexValue::Time(day, _) => day.date(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::article;
    use crate::analysis::{analyze, Depth};

    fn analysed(name: &str, text: &str, published: &str, depth: Depth) -> AnalyzedArticle {
        analyze(article(name, text, Some(published)), depth)
    }

    /// Four reports of an oil spill over a week, and one of other news.
    fn story(depth: Depth) -> Vec<AnalyzedArticle> {
        [
            ("a", "2010-04-21", "An explosion on the drilling rig in the Gulf of Mexico killed eleven workers on Tuesday. The rig burned through the night as boats sprayed water on the fire."),
            ("b", "2010-04-22", "The drilling rig sank in the Gulf of Mexico on Thursday, two days after the explosion that killed eleven workers. Oil began to leak from the well beneath the sunken rig."),
            ("c", "2010-04-23", "Oil from the well spread across the Gulf of Mexico on Friday after the rig sank on Thursday. Officials said the explosion on Tuesday had killed eleven workers on the rig."),
            ("d", "2010-04-29", "The oil slick from the sunken rig reached the coast on Thursday, officials said. The explosion on the rig on April 20 killed eleven workers and the well still leaks oil."),
            ("e", "2010-04-23", "A football club sacked its manager on Friday after a run of heavy defeats. The chairman thanked the manager for his years of work."),
        ]
        .iter()
        .map(|(name, day, text)| analysed(name, text, day, depth))
        .collect()
    }

    fn summary(articles: &[AnalyzedArticle], options: &TimelineOptions) -> Vec<(String, Vec<String>)> {
        let timeline = summarize_timeline(articles, options);
        assert_eq!(timeline.check_spans(articles), Ok(()));
        timeline.timeline.into_iter().map(|d| (d.date, d.sentences.into_iter().map(|s| s.text).collect())).collect()
    }

    #[test]
    fn the_most_named_days_are_told_by_their_sentences() {
        for depth in [Depth::Full, Depth::Summary] {
            let articles = story(depth);
            let options = TimelineOptions { dates: 2, sentences: 1, ..TimelineOptions::default() };
            let got = summary(&articles, &options);
            let days: Vec<&str> = got.iter().map(|(d, _)| d.as_str()).collect();
            assert_eq!(days, ["2010-04-20", "2010-04-22"], "{depth:?}: {got:?}");
            assert!(got[0].1[0].contains("explosion"), "{got:?}");
            // Thursday is told by its own report (the rig sank, oil began to leak), not by the
            // report of Friday naming it only as the anchor of Friday's event ("after the rig
            // sank on Thursday").
            assert!(articles[1].text.contains(got[1].1[0].as_str()), "{got:?}");
        }
    }

    #[test]
    fn budgets_and_window_are_kept_and_nothing_repeats() {
        let articles = story(Depth::Full);
        let options = TimelineOptions { dates: 3, sentences: 2, start: "2010-04-21".parse().ok(), end: None };
        let got = summary(&articles, &options);
        assert!(got.len() <= 3 && !got.is_empty(), "{got:?}");
        assert!(got.iter().all(|(d, s)| d.as_str() >= "2010-04-21" && !s.is_empty() && s.len() <= 2), "{got:?}");
        assert!(got.windows(2).all(|w| w[0].0 < w[1].0), "days in calendar order: {got:?}");
        let all: Vec<&String> = got.iter().flat_map(|(_, s)| s).collect();
        let distinct: FxHashSet<&String> = all.iter().copied().collect();
        assert_eq!(all.len(), distinct.len(), "{got:?}");
    }

    #[test]
    fn a_day_is_told_by_the_story_before_other_news_of_that_day() {
        let articles = story(Depth::Full);
        let friday = "2010-04-23".parse().ok();
        let options = TimelineOptions { dates: 1, sentences: 1, start: friday, end: friday };
        let got = summary(&articles, &options);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1[0].starts_with("Oil from the well"), "{got:?}");
    }

    #[test]
    fn a_day_named_only_as_the_anchor_of_another_event_is_not_told_by_that_sentence() {
        // Two reports of Saturday name Thursday: one tells what happened then, one tells Friday's
        // news "since" and "after" Thursday's; the second is the more central but not of Thursday.
        let articles: Vec<AnalyzedArticle> = [
            ("a", "Oil from the leaking well spread across the bay since the rig sank on Thursday, officials said."),
            (
                "b",
                "Oil from the leaking well spread across the bay after the rig sank on Thursday, the coast guard said.",
            ),
            ("c", "The burning rig sank into the bay on Thursday."),
        ]
        .iter()
        .map(|(name, text)| analysed(name, text, "2010-04-24", Depth::Full))
        .collect();
        let thursday = "2010-04-22".parse().ok();
        let options = TimelineOptions { dates: 1, sentences: 1, start: thursday, end: thursday };
        let got = summary(&articles, &options);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1[0].starts_with("The burning rig"), "{got:?}");

        assert!(anchor_only("Oil spread across the bay since "));
        assert!(anchor_only("The toll rose after the rig sank on "));
        assert!(anchor_only("Talks stalled until "));
        assert!(!anchor_only("The rig sank in the Gulf of Mexico on "), "no anchor word");
        assert!(!anchor_only("After the blast, the rig sank on "), "the anchor word is in another clause");
        assert!(!anchor_only("Oil spread after the blast and the slick grew for days and reached the coast on "));
        assert!(!anchor_only(""));
    }

    #[test]
    fn a_dateline_does_not_tell_its_day() {
        // A report's dateline names its own day by its date; the report of the next day tells it.
        let articles = [
            analysed(
                "a",
                "Updated April 29, 2010 at 10:00 about the rig oil well leak and the coast.",
                "2010-04-29",
                Depth::Full,
            ),
            analysed(
                "b",
                "Oil from the leaking well of the rig reached the coast on Thursday.",
                "2010-04-30",
                Depth::Full,
            ),
        ];
        let thursday = "2010-04-29".parse().ok();
        let options = TimelineOptions { dates: 1, sentences: 2, start: thursday, end: thursday };
        let got = summary(&articles, &options);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, ["Oil from the leaking well of the rig reached the coast on Thursday."], "{got:?}");
    }

    #[test]
    fn a_sentence_leaning_on_the_one_before_is_left_out() {
        // The two reports that open with "It" tell the day most alike, but cannot stand alone.
        let articles: Vec<AnalyzedArticle> = [
            ("a", "It sank in the Gulf of Mexico on Thursday after burning for two days, officials said."),
            ("b", "It sank in the Gulf of Mexico on Thursday after burning for two days, the coast guard said."),
            ("c", "The burning drilling rig sank into the sea on Thursday, leaving oil on the water."),
        ]
        .iter()
        .map(|(name, text)| analysed(name, text, "2010-04-23", Depth::Full))
        .collect();
        let thursday = "2010-04-22".parse().ok();
        let options = TimelineOptions { dates: 1, sentences: 1, start: thursday, end: thursday };
        let got = summary(&articles, &options);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1[0].starts_with("The burning drilling rig"), "{got:?}");
    }

    #[test]
    fn a_sentence_naming_the_day_comes_before_a_lead_sentence_like_it() {
        // A report of Thursday opens with no day named; one of Saturday names Thursday.
        let articles = [
            analysed("a", "Oil from the leaking well reached the coast of Louisiana.", "2010-04-29", Depth::Full),
            analysed(
                "b",
                "Oil from the leaking well reached the coast of Louisiana on Thursday.",
                "2010-05-01",
                Depth::Full,
            ),
        ];
        let thursday = "2010-04-29".parse().ok();
        let options = TimelineOptions { dates: 1, sentences: 1, start: thursday, end: thursday };
        let got = summary(&articles, &options);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1[0].ends_with("on Thursday."), "{got:?}");
    }

    #[test]
    fn a_later_report_naming_the_day_by_its_date_comes_first() {
        // Two reports of Saturday tell Thursday alike, one naming it "on Thursday", one by its date.
        for (first, second) in [("on Thursday", "on April 29"), ("on April 29", "on Thursday")] {
            let articles = [
                analysed(
                    "a",
                    &format!("Oil from the leaking well reached the coast {first}."),
                    "2010-05-01",
                    Depth::Full,
                ),
                analysed(
                    "b",
                    &format!("Oil from the leaking well reached the coast {second}."),
                    "2010-05-01",
                    Depth::Full,
                ),
            ];
            let thursday = "2010-04-29".parse().ok();
            let options = TimelineOptions { dates: 1, sentences: 1, start: thursday, end: thursday };
            let got = summary(&articles, &options);
            assert_eq!(got.len(), 1, "{got:?}");
            assert!(got[0].1[0].ends_with("on April 29."), "{got:?}");
        }
    }

    #[test]
    fn a_dateline_is_no_vote_for_its_day() {
        // Both reports of Friday carry a dateline; only Thursday, when the rig sank, is an event.
        let articles: Vec<AnalyzedArticle> = [
            ("a", "2010-04-23", "WASHINGTON, April 23, 2010 - Oil from the sunken rig spread across the Gulf of Mexico. The rig sank on Thursday after burning for two days."),
            ("b", "2010-04-23", "HOUSTON, April 23, 2010 - Oil from the well spread toward the coast. Workers tried to cap the well of the rig that sank on Thursday."),
            ("c", "2010-04-24", "The slick from the rig that sank on April 22 reached the coast of the Gulf of Mexico."),
        ]
        .iter()
        .map(|(name, day, text)| analysed(name, text, day, Depth::Full))
        .collect();
        let options = TimelineOptions { dates: 2, sentences: 1, ..TimelineOptions::default() };
        let got = summary(&articles, &options);
        let days: Vec<&str> = got.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(days, ["2010-04-22"], "{got:?}");

        let friday: NaiveDate = "2010-04-23".parse().unwrap();
        assert!(dateline(true, Some(friday), friday));
        assert!(!dateline(false, Some(friday), friday), "'today' or 'on Friday' in a report of Friday");
        assert!(!dateline(true, friday.succ_opt(), friday), "a later report looking back");
        assert!(!dateline(true, None, friday));
    }

    #[test]
    fn nothing_to_date_gives_an_empty_timeline() {
        assert!(summary(&[], &TimelineOptions::default()).is_empty());
        let undated = [analyze(article("a", "No date at all here, only words about a rig.", None), Depth::Full)];
        assert!(summary(&undated, &TimelineOptions::default()).is_empty());
        let articles = story(Depth::Full);
        assert!(summary(&articles, &TimelineOptions { sentences: 0, ..TimelineOptions::default() }).is_empty());
        assert!(summary(&articles, &TimelineOptions { dates: 0, ..TimelineOptions::default() }).is_empty());
    }

    #[test]
    fn only_calendar_days_count() {
        let timex =
            |kind, value: &str| Timex { start: 0, end: 1, text: String::new(), kind, value: value.parse().unwrap() };
        assert_eq!(calendar_day(&timex(TimexType::Date, "2010-04-20")), "2010-04-20".parse().ok());
        assert_eq!(calendar_day(&timex(TimexType::Time, "2010-04-20T14:00")), "2010-04-20".parse().ok());
        assert_eq!(calendar_day(&timex(TimexType::Date, "2010-04")), None);
        assert_eq!(calendar_day(&timex(TimexType::Date, "2010-W16")), None);
        assert_eq!(calendar_day(&timex(TimexType::Date, "XXXX-04-20")), None);
        assert_eq!(calendar_day(&timex(TimexType::Duration, "2010-04-20")), None);
        assert_eq!(calendar_day(&timex(TimexType::Date, "PRESENT_REF")), None);
    }

    #[test]
    fn a_full_date_has_the_day_in_figures() {
        let timex = |text: &str| Timex {
            start: 0,
            end: text.len(),
            text: text.to_owned(),
            kind: TimexType::Date,
            value: "2010-04-20".parse().unwrap(),
        };
        assert!(full_date(&timex("April 20")));
        assert!(full_date(&timex("20 April 2010")));
        assert!(full_date(&timex("2010-04-20")));
        assert!(!full_date(&timex("Tuesday")));
        assert!(!full_date(&timex("yesterday")));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        #[test]
        fn any_text_summarizes_without_panic(text in "(\\PC|\n|\\. |on Friday|March 3|2010-04-2\\d){0,200}", dates in 0usize..5, sentences in 0usize..3) {
            let articles = [analysed("a", &text, "2010-04-22", Depth::Full), analysed("b", &text, "2010-04-23", Depth::Summary)];
            let options = TimelineOptions { dates, sentences, start: None, end: None };
            let timeline = summarize_timeline(&articles, &options);
            proptest::prop_assert_eq!(timeline.check_spans(&articles), Ok(()));
            proptest::prop_assert!(timeline.timeline.len() <= dates);
        }
    }
}
