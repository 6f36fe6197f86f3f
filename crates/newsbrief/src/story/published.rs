//! Publication days for reports that show none, inferred from the story's other reports.
//!
//! A report without a date line often still says "on Thursday" of what has happened and "on
//! Saturday" of what is to come. Such weekday mentions bound the day it was written to a few
//! weekdays; the report's closest sibling (the dated report sharing most of its vocabulary) fixes
//! the week. The day inferred is the one nearest the sibling's date that agrees with every
//! weekday mention. Without weekday mentions, or without a day that agrees with all of them,
//! nothing is inferred.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

use rustc_hash::FxHashSet;

use crate::analysis::AnalyzedArticle;

static WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    let weekdays = crate::dates::WEEKDAYS.join("|");
    Regex::new(&format!(r"\b(?:(?P<which>last|next|this|on)\s+)?(?P<day>{weekdays})\b(?:'s)?")).expect("valid regex")
});
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:will|'ll|is to|are to|was to|were to|is due|are due|was due|were due|plans? to|planned to|is expected|are expected|scheduled|set to|would|upcoming)\b")
        .expect("valid regex")
});

/// How far from the day of writing a weekday mention may lie.
const WEEK: i64 = 6;

/// A weekday a report mentions, and whether it lies ahead of the day of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mention {
    weekday: Weekday,
    ahead: bool,
}

/// For every article, its publication day if known, else one inferred from its siblings
/// (`Some((day, true))`), else `None`.
pub(crate) fn infer_missing(articles: &[&AnalyzedArticle]) -> Vec<Option<(NaiveDate, bool)>> {
    let known: Vec<Option<NaiveDate>> = articles.iter().map(|a| a.meta.published).collect();
    if known.iter().all(Option::is_some) || known.iter().all(Option::is_none) {
        return known.iter().map(|day| day.map(|d| (d, false))).collect();
    }
    let vocabularies: Vec<FxHashSet<u64>> =
        articles.iter().map(|a| a.sentences.iter().flat_map(|s| s.terms.iter().copied()).collect()).collect();
    (0..articles.len())
        .map(|i| {
            if let Some(day) = known[i] {
                return Some((day, false));
            }
            let sibling = (0..articles.len()).filter(|&j| known[j].is_some()).max_by(|&a, &b| {
                overlap(&vocabularies[i], &vocabularies[a]).total_cmp(&overlap(&vocabularies[i], &vocabularies[b]))
            })?;
            let anchor = known[sibling]?;
            let mentions = weekday_mentions(articles[i]);
            if mentions.is_empty() {
                return None;
            }
            (-WEEK..=WEEK)
                .map(|d| anchor + Duration::days(d))
                .filter_map(|day| {
                    let distances: Option<Vec<i64>> = mentions.iter().map(|m| distance(*m, day)).collect();
                    let cost = (day - anchor).num_days().abs() + distances?.iter().sum::<i64>();
                    Some((cost, day))
                })
                .min()
                .map(|(_, day)| (day, true))
        })
        .collect()
}

/// The share of the smaller vocabulary found in the other.
fn overlap(a: &FxHashSet<u64>, b: &FxHashSet<u64>) -> f64 {
    let smaller = a.len().min(b.len()).max(1);
    a.intersection(b).count() as f64 / smaller as f64
}

fn weekday_mentions(article: &AnalyzedArticle) -> Vec<Mention> {
    let mut mentions = Vec::new();
    for sentence in &article.sentences {
        let sentence = sentence.text(&article.text);
        let ahead_by_tense = FUTURE.is_match(sentence);
        for caps in WEEKDAY.captures_iter(sentence) {
            let weekday = caps["day"].parse::<Weekday>().expect("the pattern names weekdays only");
            let ahead = match caps.name("which").map(|w| w.as_str()) {
                Some("next") => true,
                Some("last") => false,
                _ => ahead_by_tense,
            };
            mentions.push(Mention { weekday, ahead });
        }
    }
    mentions
}

/// How many days lie between `day` and the weekday mentioned, when a report written on `day`
/// can mention it: a past weekday up to six days before (or the day itself), a coming one up to
/// six days after.
fn distance(mention: Mention, day: NaiveDate) -> Option<i64> {
    let from = i64::from(day.weekday().num_days_from_monday());
    let to = i64::from(mention.weekday.num_days_from_monday());
    let (days, allowed) =
        if mention.ahead { ((to - from).rem_euclid(7), 1..=WEEK) } else { ((from - to).rem_euclid(7), 0..=WEEK) };
    allowed.contains(&days).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("valid date")
    }

    fn infer(reports: &[(&str, Option<&str>)]) -> Vec<Option<(NaiveDate, bool)>> {
        let analyzed: Vec<AnalyzedArticle> = reports
            .iter()
            .map(|(text, published)| {
                crate::analysis::analyze(
                    crate::analysis::tests_support::article("t.txt", text, *published),
                    crate::analysis::Depth::Summary,
                )
            })
            .collect();
        infer_missing(&analyzed.iter().collect::<Vec<_>>())
    }

    #[test]
    fn weekdays_and_the_closest_sibling_fix_the_day() {
        let sibling = "The ministers met in Geneva on Friday to discuss the arms treaty and missiles.";
        let undated =
            "The ministers met in Geneva to discuss the arms treaty. On Thursday the alliance agreed to talk. \
                       The minister was to address the conference on Saturday morning.";
        let inferred = infer(&[(sibling, Some("2009-03-07")), (undated, None)]);
        assert_eq!(inferred, vec![Some((day("2009-03-07"), false)), Some((day("2009-03-06"), true))]);
    }

    #[test]
    fn nothing_is_inferred_without_weekdays_or_siblings() {
        let text = "The ministers met in Geneva to discuss the arms treaty.";
        assert_eq!(infer(&[(text, Some("2009-03-07")), (text, None)]), vec![Some((day("2009-03-07"), false)), None]);
        assert_eq!(infer(&[("On Friday they met.", None)]), vec![None]);
    }
}
