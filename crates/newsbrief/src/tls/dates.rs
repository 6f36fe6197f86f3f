//! Date selection for a timeline summary: which days of a story matter most.
//!
//! A day matters when many reports mention it (Ghalandari & Ifrim 2020 found the count of
//! mentions a strong date ranker, near their supervised one): every report that names a day in a
//! sentence about the story casts one vote for it, worth the relevance of its most relevant
//! sentence naming that day (the cosine of the sentence with the story's centroid), so that a
//! report counts once however often it repeats a day, and a day named only in passing, in a
//! sentence about something else, counts little.
//!
//! Two more signals of news-tls's supervised ranker (its features count mentions from reports
//! published before and after a day, and the reports published on it) are mixed in without
//! training:
//!
//! - a report published after the day it names looks back on it: a day still told days later
//!   was an event of the story, where a day named ahead (a planned vote, a deadline) or on the
//!   day itself may be only news of the moment, so such a vote weighs [`LATER_WEIGHT`] times as
//!   much;
//! - a day on which many reports about the story were published is a busy day of the story: each
//!   report published on a named day adds [`PUBLISHED_WEIGHT`] times the relevance of its first
//!   sentence.

use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

/// How much more a vote counts when the report was published after the day it names.
pub(crate) const LATER_WEIGHT: f32 = 3.0;
/// The weight of a report published on a day, against a report naming it.
pub(crate) const PUBLISHED_WEIGHT: f32 = 1.0;

/// One mention of a day: the report that makes it, and how relevant to the story its sentence is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DayMention {
    /// The index of the report.
    pub(crate) article: usize,
    /// The day mentioned.
    pub(crate) day: NaiveDate,
    /// The relevance of the mentioning sentence to the story, in `[0, 1]`.
    pub(crate) relevance: f32,
    /// The day the report was published, if known.
    pub(crate) published: Option<NaiveDate>,
    /// The report names the day by a full date ("April 20").
    pub(crate) full: bool,
}

/// One report's publication: its day, and how relevant to the story its first sentence is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Publication {
    /// The day the report was published.
    pub(crate) day: NaiveDate,
    /// The relevance of its first sentence to the story, in `[0, 1]`.
    pub(crate) relevance: f32,
}

/// What the reports say of one day: the evidence a day is ranked by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayEvidence {
    /// The day.
    pub day: NaiveDate,
    /// The score of the hand-set ranking: votes, later votes weighed three times, and
    /// publications.
    pub heuristic: f32,
    /// The summed votes of the reports naming the day, published on it or before.
    pub votes_before: f32,
    /// The summed votes of the reports naming the day, published after it.
    pub votes_after: f32,
    /// How many reports published on it or before name the day.
    pub reports_before: f32,
    /// How many reports published after it name the day.
    pub reports_after: f32,
    /// On how many distinct later days reports name the day.
    pub later_days: f32,
    /// How many reports published after it name the day by a full date.
    pub full_after: f32,
    /// The summed relevance of the first sentences of the reports published on the day.
    pub published: f32,
    /// How many reports were published on the day.
    pub published_count: f32,
    /// Days from the day to the last report naming it (0 when none is later).
    pub last_gap: f32,
}

impl DayEvidence {
    /// The evidence as numbers, in the order of [`DayEvidence::NAMES`].
    pub fn values(&self) -> [f32; 10] {
        [
            self.heuristic,
            self.votes_before,
            self.votes_after,
            self.reports_before,
            self.reports_after,
            self.later_days,
            self.full_after,
            self.published,
            self.published_count,
            self.last_gap,
        ]
    }

    /// The names of the [`DayEvidence::values`].
    pub const NAMES: [&str; 10] = [
        "heuristic",
        "votes_before",
        "votes_after",
        "reports_before",
        "reports_after",
        "later_days",
        "full_after",
        "published",
        "published_count",
        "last_gap",
    ];
}

/// The evidence for every day some report names within `start..=end` (either bound optional), in
/// calendar order.
pub(crate) fn day_evidence(
    mentions: &[DayMention],
    publications: &[Publication],
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Vec<DayEvidence> {
    let inside = |day: NaiveDate| start.is_none_or(|s| day >= s) && end.is_none_or(|e| day <= e);
    // Each report's vote for each day (its best mention), when it was published, and whether it
    // names the day by a full date.
    let mut best: FxHashMap<(usize, NaiveDate), (f32, Option<NaiveDate>, bool)> = FxHashMap::default();
    for mention in mentions.iter().filter(|m| inside(m.day)) {
        let vote = best.entry((mention.article, mention.day)).or_insert((0.0, mention.published, false));
        vote.0 = vote.0.max(mention.relevance.max(0.0));
        vote.2 |= mention.full;
    }
    let mut days: FxHashMap<NaiveDate, DayEvidence> = FxHashMap::default();
    let mut later_days: FxHashSet<(NaiveDate, NaiveDate)> = FxHashSet::default();
    for (&(_, day), &(vote, published, full)) in &best {
        let evidence = days.entry(day).or_insert_with(|| DayEvidence::empty(day));
        if let Some(published) = published.filter(|&p| p > day) {
            evidence.votes_after += vote;
            evidence.reports_after += 1.0;
            evidence.full_after += f32::from(u8::from(full));
            later_days.insert((day, published));
            #[allow(clippy::cast_precision_loss)] // a span of days
            let gap = (published - day).num_days() as f32;
            evidence.last_gap = evidence.last_gap.max(gap);
        } else {
            evidence.votes_before += vote;
            evidence.reports_before += 1.0;
        }
    }
    for (day, _) in later_days {
        if let Some(evidence) = days.get_mut(&day) {
            evidence.later_days += 1.0;
        }
    }
    for publication in publications {
        if let Some(evidence) = days.get_mut(&publication.day) {
            evidence.published += publication.relevance.max(0.0);
            evidence.published_count += 1.0;
        }
    }
    let mut days: Vec<DayEvidence> = days.into_values().collect();
    for evidence in &mut days {
        evidence.heuristic =
            evidence.votes_before + LATER_WEIGHT * evidence.votes_after + PUBLISHED_WEIGHT * evidence.published;
    }
    days.sort_by_key(|e| e.day);
    days
}

impl DayEvidence {
    fn empty(day: NaiveDate) -> Self {
        Self {
            day,
            heuristic: 0.0,
            votes_before: 0.0,
            votes_after: 0.0,
            reports_before: 0.0,
            reports_after: 0.0,
            later_days: 0.0,
            full_after: 0.0,
            published: 0.0,
            published_count: 0.0,
            last_gap: 0.0,
        }
    }
}

/// The days of `evidence` some report votes for, best first: by [`DayEvidence::heuristic`]
/// (the summed votes of the reports, each worth its most relevant mention of the day, times
/// [`LATER_WEIGHT`] when it looks back, plus [`PUBLISHED_WEIGHT`] times the relevance of the
/// reports published on the day), then earlier first on a tie.
pub(crate) fn rank_days(evidence: &[DayEvidence]) -> Vec<(NaiveDate, f32)> {
    let mut ranked: Vec<(NaiveDate, f32)> =
        evidence.iter().filter(|e| e.votes_before + e.votes_after > 0.0).map(|e| (e.day, e.heuristic)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// A mention made on the day itself.
    fn mention(article: usize, on: &str, relevance: f32) -> DayMention {
        DayMention { article, day: day(on), relevance, published: Some(day(on)), full: false }
    }

    /// A mention made by a report published the day after.
    fn looking_back(article: usize, on: &str, relevance: f32) -> DayMention {
        DayMention { published: day(on).succ_opt(), ..mention(article, on, relevance) }
    }

    fn check(mentions: &[DayMention], start: Option<&str>, end: Option<&str>, expect: &[(&str, f32)]) {
        check_with(mentions, &[], start, end, expect);
    }

    fn check_with(
        mentions: &[DayMention],
        publications: &[Publication],
        start: Option<&str>,
        end: Option<&str>,
        expect: &[(&str, f32)],
    ) {
        let got = rank_days(&day_evidence(mentions, publications, start.map(day), end.map(day)));
        let got: Vec<(String, f32)> =
            got.into_iter().map(|(d, s)| (d.to_string(), (s * 100.0).round() / 100.0)).collect();
        let expect: Vec<(String, f32)> = expect.iter().map(|&(d, s)| (d.to_owned(), s)).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn days_named_by_more_reports_rank_first() {
        let mentions = [
            mention(0, "2010-04-20", 0.5),
            mention(1, "2010-04-20", 0.5),
            mention(2, "2010-04-20", 0.5),
            mention(0, "2010-04-22", 0.5),
            mention(1, "2010-04-22", 0.5),
            mention(2, "2010-05-01", 0.5),
        ];
        check(&mentions, None, None, &[("2010-04-20", 1.5), ("2010-04-22", 1.0), ("2010-05-01", 0.5)]);
    }

    #[test]
    fn a_report_votes_once_per_day_with_its_most_relevant_mention() {
        // Report 0 repeats a day five times; reports 1 and 2 name another once each.
        let mut mentions: Vec<DayMention> = (0..5).map(|_| mention(0, "2011-03-18", 0.2)).collect();
        mentions.push(mention(0, "2011-03-18", 0.6));
        mentions.push(mention(1, "2011-03-15", 0.4));
        mentions.push(mention(2, "2011-03-15", 0.4));
        check(&mentions, None, None, &[("2011-03-15", 0.8), ("2011-03-18", 0.6)]);
    }

    #[test]
    fn days_named_off_the_story_count_little() {
        // Three reports name a day in sentences about something else; two name another in
        // sentences about the story.
        let mentions = [
            mention(0, "2011-06-24", 0.05),
            mention(1, "2011-06-24", 0.05),
            mention(2, "2011-06-24", 0.05),
            mention(3, "2011-06-20", 0.4),
            mention(4, "2011-06-20", 0.3),
        ];
        check(&mentions, None, None, &[("2011-06-20", 0.7), ("2011-06-24", 0.15)]);
    }

    #[test]
    fn days_outside_the_window_are_left_out_and_ties_go_to_the_earlier_day() {
        let mentions = [
            mention(0, "2010-01-11", 0.5),
            mention(0, "2010-01-13", 0.5),
            mention(1, "2010-01-12", 0.5),
            mention(1, "2010-01-24", 0.5),
            mention(2, "2010-01-14", 0.0),
        ];
        check(&mentions, Some("2010-01-12"), Some("2010-01-23"), &[("2010-01-12", 0.5), ("2010-01-13", 0.5)]);
        check(&[], None, None, &[]);
    }

    #[test]
    fn a_day_told_by_later_reports_outranks_one_named_ahead() {
        // Two reports name a coming vote before it happens; one report looks back on a clash.
        let mentions =
            [mention(0, "2011-05-20", 0.4), mention(1, "2011-05-20", 0.4), looking_back(2, "2011-05-12", 0.4)];
        check(&mentions, None, None, &[("2011-05-12", 1.2), ("2011-05-20", 0.8)]);
        // A report looking back votes once, with its best mention weighed.
        let mentions = [looking_back(0, "2011-05-12", 0.2), looking_back(0, "2011-05-12", 0.5)];
        check(&mentions, None, None, &[("2011-05-12", 1.5)]);
    }

    #[test]
    fn reports_published_on_a_named_day_add_to_it() {
        let mentions = [mention(0, "2010-06-01", 0.5), mention(1, "2010-06-02", 0.5)];
        let on = |d: &str, relevance| Publication { day: day(d), relevance };
        // Two relevant reports published on June 2nd lift it; one published on a day no report
        // names adds no day, and a report off the story adds nothing.
        let publications =
            [on("2010-06-02", 0.3), on("2010-06-02", 0.2), on("2010-06-05", 0.9), on("2010-06-01", -0.1)];
        check_with(&mentions, &publications, None, None, &[("2010-06-02", 1.0), ("2010-06-01", 0.5)]);
    }

    #[test]
    fn the_evidence_counts_reports_before_and_after_the_day() {
        let full = |m: DayMention| DayMention { full: true, ..m };
        let later_by =
            |m: DayMention, days: i64| DayMention { published: Some(m.day + chrono::Duration::days(days)), ..m };
        // Report 0 names May 12th on the day; reports 1 and 2 a day later (one by its date, twice),
        // report 3 a week later; report 4 names May 13th ahead of it.
        let mentions = [
            mention(0, "2011-05-12", 0.5),
            full(looking_back(1, "2011-05-12", 0.2)),
            full(looking_back(1, "2011-05-12", 0.4)),
            looking_back(2, "2011-05-12", 0.1),
            later_by(mention(3, "2011-05-12", 0.3), 7),
            DayMention { published: day("2011-05-11").into(), ..mention(4, "2011-05-13", 0.5) },
        ];
        let publications = [Publication { day: day("2011-05-12"), relevance: 0.25 }];
        let evidence = day_evidence(&mentions, &publications, None, None);
        let round = |x: f32| (x * 100.0).round() / 100.0;
        let got: Vec<(String, Vec<f32>)> =
            evidence.iter().map(|e| (e.day.to_string(), e.values().into_iter().map(round).collect())).collect();
        assert_eq!(
            got,
            [
                ("2011-05-12".to_owned(), vec![3.15, 0.5, 0.8, 1.0, 3.0, 2.0, 1.0, 0.25, 1.0, 7.0]),
                ("2011-05-13".to_owned(), vec![0.5, 0.5, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]),
            ]
        );
    }
}
