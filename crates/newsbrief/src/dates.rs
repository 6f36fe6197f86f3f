//! Finding full calendar dates in short strings: date lines, meta tags, JSON fields, URLs.
//!
//! This is the date reading that metadata needs ("May 7, 2009", "5 March 2009", "2009-03-06",
//! ".../2011/01/13/..."); relative expressions ("on Friday") are not resolved here.

use std::ops::Range;
use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::pattern::Pattern;

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

static ISO: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"\b(\d{4})-(\d{2})-(\d{2})(?:\b|T)"));
static MONTH_DAY_YEAR: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(format!(r"(?i)\b({MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")));
static DAY_MONTH_YEAR: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(format!(r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})\.?,?\s+(\d{{4}})\b"))
});
static URL_PATH: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)"));

/// The days of the week, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The months, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The months as news shortens them, without the stop ("Sept" before "Sep", so that a pattern
/// built from the list takes the longer).
pub(crate) const MONTH_ABBREVIATIONS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec"];

/// A day's or a month's name, whole or shortened (without the stop).
pub(crate) fn is_calendar_word(word: &str) -> bool {
    WEEKDAYS.contains(&word) || MONTHS.contains(&word) || MONTH_ABBREVIATIONS.contains(&word)
}

/// The month number (1-12) of an English month name or abbreviation.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    (1..=12).zip(MONTHS).find(|(_, m)| m[..3].eq_ignore_ascii_case(prefix)).map(|(number, _)| number)
}

/// The first full date (day, month and year) written in `text`, with its byte range.
///
/// When several forms occur, the one that starts first wins.
pub(crate) fn find_date(text: &str) -> Option<(NaiveDate, Range<usize>)> {
    let mut found: Vec<(NaiveDate, Range<usize>)> = Vec::new();
    let mut push = |caps: regex::Captures<'_>, y: usize, m: usize, d: usize, named_month: bool| {
        let year = caps[y].parse::<i32>().ok();
        let month = if named_month { month_number(&caps[m]) } else { caps[m].parse::<u32>().ok() };
        let day = caps[d].parse::<u32>().ok();
        if let (Some(year), Some(month), Some(day)) = (year, month, day) {
            if let Some(date) = NaiveDate::from_ymd_opt(year, month, day) {
                let whole = caps.get(0).expect("group 0 always matches");
                found.push((date, whole.range()));
            }
        }
    };
    if let Some(caps) = ISO.captures(text) {
        push(caps, 1, 2, 3, false);
    }
    if let Some(caps) = MONTH_DAY_YEAR.captures(text) {
        push(caps, 3, 1, 2, true);
    }
    if let Some(caps) = DAY_MONTH_YEAR.captures(text) {
        push(caps, 3, 2, 1, true);
    }
    if let Some(caps) = URL_PATH.captures(text) {
        push(caps, 1, 2, 3, false);
    }
    found.into_iter().min_by_key(|(_, range)| range.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Option<&str>) {
        let got = find_date(text).map(|(date, range)| format!("{date} {}", &text[range]));
        assert_eq!(got.as_deref(), expect, "input: {text:?}");
    }

    #[test]
    fn finds_written_dates() {
        check("May 7, 2009 / 7:41 PM / 8 years ago", Some("2009-05-07 May 7, 2009"));
        check("March 07, 2009|Paul Richter", Some("2009-03-07 March 07, 2009"));
        check("Article published on the 2009-03-06 Latest update 2009-03-06 08:22 TU", Some("2009-03-06 2009-03-06"));
        check("in Brussels, 5 March 2009(Photo: AFP)", Some("2009-03-05 5 March 2009"));
        check("Jan. 26th, 2011", Some("2011-01-26 Jan. 26th, 2011"));
        check("2011-01-13T09:30:00Z", Some("2011-01-13 2011-01-13T"));
        check("https://example.com/2011/01/13/lavrov-raises", Some("2011-01-13 /2011/01/13/"));
    }

    #[test]
    fn ignores_partial_and_impossible_dates() {
        check("on Friday", None);
        check("March 2009", None);
        check("February 30, 2009", None);
        check("2009-13-01", None);
    }
}
