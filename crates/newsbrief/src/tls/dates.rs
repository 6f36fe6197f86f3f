//! Date selection for a timeline summary: which days of a story matter most.
//!
//! A day matters when many reports mention it (Ghalandari & Ifrim 2020 found the count of
//! mentions a strong date ranker, near their supervised one): every report that names a day in a
//! sentence about the story casts one vote for it, worth the relevance of its most relevant
//! sentence naming that day (the cosine of the sentence with the story's centroid), so that a
//! report counts once however often it repeats a day, and a day named only in passing, in a
//! sentence about something else, counts little.

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

/// One mention of a day: the report that makes it, and how relevant to the story its sentence is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct DayMention {
    /// The index of the report.
    pub(crate) article: usize,
    /// The day mentioned.
    pub(crate) day: NaiveDate,
    /// The relevance of the mentioning sentence to the story, in `[0, 1]`.
    pub(crate) relevance: f32,
}

/// The days mentioned within `start..=end` (either bound optional), best first: by the summed
/// votes of the reports (each report's vote worth its most relevant mention of the day), then
/// earlier first on a tie.
pub(crate) fn rank_days(
    mentions: &[DayMention],
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
) -> Vec<(NaiveDate, f32)> {
    let inside = |day: NaiveDate| start.is_none_or(|s| day >= s) && end.is_none_or(|e| day <= e);
    let mut best: FxHashMap<(usize, NaiveDate), f32> = FxHashMap::default();
    for mention in mentions.iter().filter(|m| inside(m.day)) {
        let vote = best.entry((mention.article, mention.day)).or_insert(0.0);
        *vote = vote.max(mention.relevance.max(0.0));
    }
    let mut scores: FxHashMap<NaiveDate, f32> = FxHashMap::default();
    for ((_, day), vote) in best {
        *scores.entry(day).or_insert(0.0) += vote;
    }
    let mut ranked: Vec<(NaiveDate, f32)> = scores.into_iter().filter(|&(_, score)| score > 0.0).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn mention(article: usize, on: &str, relevance: f32) -> DayMention {
        DayMention { article, day: day(on), relevance }
    }

    fn check(mentions: &[DayMention], start: Option<&str>, end: Option<&str>, expect: &[(&str, f32)]) {
        let got = rank_days(mentions, start.map(day), end.map(day));
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
}
