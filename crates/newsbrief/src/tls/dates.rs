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
use rustc_hash::FxHashMap;

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
    /// The report was published after the day it names.
    pub(crate) later: bool,
}

/// One report's publication: its day, and how relevant to the story its first sentence is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Publication {
    /// The day the report was published.
    pub(crate) day: NaiveDate,
    /// The relevance of its first sentence to the story, in `[0, 1]`.
    pub(crate) relevance: f32,
}

/// The days mentioned within `start..=end` (either bound optional), best first: by the summed
/// votes of the reports (each report's vote worth its most relevant mention of the day, times
/// [`LATER_WEIGHT`] when it looks back), plus [`PUBLISHED_WEIGHT`] times the relevance of the
/// `publications` on the day, then earlier first on a tie. Only days some report names are ranked.
pub(crate) fn rank_days(
    mentions: &[DayMention],
    publications: &[Publication],
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Vec<(NaiveDate, f32)> {
    let inside = |day: NaiveDate| start.is_none_or(|s| day >= s) && end.is_none_or(|e| day <= e);
    let mut best: FxHashMap<(usize, NaiveDate), f32> = FxHashMap::default();
    for mention in mentions.iter().filter(|m| inside(m.day)) {
        let vote = best.entry((mention.article, mention.day)).or_insert(0.0);
        let weight = if mention.later { LATER_WEIGHT } else { 1.0 };
        *vote = vote.max(weight * mention.relevance.max(0.0));
    }
    let mut scores: FxHashMap<NaiveDate, f32> = FxHashMap::default();
    for ((_, day), vote) in best {
        *scores.entry(day).or_insert(0.0) += vote;
    }
    scores.retain(|_, score| *score > 0.0);
    for publication in publications {
        if let Some(score) = scores.get_mut(&publication.day) {
            *score += PUBLISHED_WEIGHT * publication.relevance.max(0.0);
        }
    }
    let mut ranked: Vec<(NaiveDate, f32)> = scores.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    /// A mention made on the day itself or before it.
    fn mention(article: usize, on: &str, relevance: f32) -> DayMention {
        DayMention { article, day: day(on), relevance, later: false }
    }

    /// A mention made by a report published after the day.
    fn looking_back(article: usize, on: &str, relevance: f32) -> DayMention {
        DayMention { later: true, ..mention(article, on, relevance) }
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
        let got = rank_days(mentions, publications, start.map(day), end.map(day));
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
        let mentions = [looking_back(0, "2011-05-12", 0.2), mention(0, "2011-05-12", 0.5)];
        check(&mentions, None, None, &[("2011-05-12", 0.6)]);
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
}
