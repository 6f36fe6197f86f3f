//! The details of a statement that reports give with different values: amounts (counts, sums of
//! money, shares) with the words on either side of them, and days of the week.
//!
//! An amount is read as it is written ("at least 20 people", "$1.2 million", "15%", "twelve
//! soldiers") with how exactly it is meant: a hedged amount ("about 20", "more than 400") stands
//! for the values within a tenth of it, one written with a scale word ("1.2 million") for those
//! within the rounding of its last digit. Numbers that are parts of dates,
//! times, years, scores or identifiers ("Feb. 19", "10:30", "2011", "3-2", "9/11") are no amounts.

use std::sync::LazyLock;

use chrono::{Datelike, Weekday};
use regex::Regex;

use crate::dates::{month_number, WEEKDAYS};
use crate::timex::lexicon::{cardinal, cardinal_pattern};
use crate::tokens::ContentTerms;

/// Words before a number that make it approximate or a bound: "about 20", "at least 15".
const HEDGES: &str = "about|around|approximately|roughly|nearly|almost|some|more than|over|at least|up to|\
                      fewer than|less than|close to|an estimated|as many as|as much as|upwards of|just over|\
                      just under|under";

/// Scale words, and the abbreviations newsrooms write them with ("$2.5bn", "£40m"), with their
/// values.
const SCALES: [(&str, f64); 12] = [
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("mn", 1e6),
    ("mln", 1e6),
    ("bn", 1e9),
    ("bln", 1e9),
    ("tn", 1e12),
    ("m", 1e6),
    ("k", 1e3),
];

/// Scale abbreviations that also stand for units ("a 5m wall" is five metres, "a 10k run" ten
/// kilometres): read as scales only after a currency sign ("$40m").
const SCALES_WITH_CURRENCY_ONLY: [&str; 2] = ["m", "k"];

static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:\b(?P<hedge>{HEDGES})\s+)?(?P<currency>[$£€])?(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\b{}\b)(?:\s*(?P<scale>hundred|thousand|million|billion|trillion|mln|mn|bln|bn|tn|m|k)\b)?(?:\s*(?P<percent>%|percent\b|per cent\b))?",
        cardinal_pattern()
    ))
    .expect("valid regex")
});

static WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?:{})\b", WEEKDAYS.join("|"))).expect("valid regex"));

/// What an amount measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// A number of things.
    Count,
    /// A sum of money (written with a currency sign).
    Money,
    /// A share, in percent.
    Percent,
}

/// An amount a statement gives.
#[derive(Debug, Clone)]
pub(super) struct Amount {
    /// Byte offset in the article's text of the value as written, hedge included.
    pub(super) start: usize,
    /// Byte offset just past it (past the scale word and percent sign, when given).
    pub(super) end: usize,
    /// The value.
    pub(super) value: f64,
    /// How far another value may lie and still be this one, rounded.
    pub(super) tolerance: f64,
    /// What it measures.
    pub(super) unit: Unit,
    /// The content words around it, as terms with the words as written: up to two within three
    /// words before it and up to two within three words after it, in its clause ("killed at
    /// least 15 people", "a crew of 40", "a 55-member crew").
    pub(super) around: Vec<(u64, String)>,
}

impl Amount {
    /// The word that makes `other` the same detail: the same kind of amount with the same
    /// content word around it.
    pub(super) fn same_detail(&self, other: &Amount) -> Option<&str> {
        if self.unit != other.unit {
            return None;
        }
        self.around.iter().find(|(term, _)| other.around.iter().any(|(t, _)| t == term)).map(|(_, word)| word.as_str())
    }

    /// True when `other` gives the same value, within the rounding of either.
    pub(super) fn same_value(&self, other: &Amount) -> bool {
        (self.value - other.value).abs() <= self.tolerance.max(other.tolerance) + 1e-9 * self.value.abs()
    }
}

/// The amounts in `text[range]`, with `terms` to read the words around them.
pub(super) fn amounts(text: &str, range: std::ops::Range<usize>, terms: &ContentTerms) -> Vec<Amount> {
    let sentence = &text[range.clone()];
    let mut found = Vec::new();
    if !may_hold_amount(sentence) {
        return found;
    }
    for caps in AMOUNT.captures_iter(sentence) {
        let whole = caps.get(0).expect("group 0 always matches");
        let number = caps.name("number").expect("the pattern has a number");
        let written = number.as_str();
        if written.eq_ignore_ascii_case("one") || !stands_alone(sentence, number.start(), whole.end()) {
            continue;
        }
        let (currency, scale, percent) = (caps.name("currency"), caps.name("scale"), caps.name("percent"));
        if scale.is_some_and(|s| currency.is_none() && SCALES_WITH_CURRENCY_ONLY.contains(&s.as_str())) {
            // "5m" without a currency: metres or millions, unclear; no amount rather than a wrong one.
            continue;
        }
        let Some((mut value, mut precision)) = parse_number(written) else { continue };
        let plain = currency.is_none() && scale.is_none() && percent.is_none();
        if plain && written.len() == 4 && !written.contains([',', '.']) && (1000.0..3000.0).contains(&value) {
            // A year.
            continue;
        }
        if plain && next_to_calendar(sentence, number.start(), whole.end()) {
            continue;
        }
        if converts(sentence, whole.start(), found.last().map(|a: &Amount| a.end - range.start)) {
            continue;
        }
        if let Some(scale) = scale {
            let factor = SCALES.iter().find(|(w, _)| w.eq_ignore_ascii_case(scale.as_str())).map_or(1.0, |(_, f)| *f);
            value *= factor;
            precision *= factor;
        }
        // A hedge allows a tenth either way; a scale word, the rounding of the last digit written.
        let hedged = if caps.name("hedge").is_some() { value / 10.0 } else { 0.0 };
        let rounded = if scale.is_some() { precision / 2.0 } else { 0.0 };
        let tolerance = hedged.max(rounded);
        let unit = match (currency, percent) {
            (Some(_), _) => Unit::Money,
            (None, Some(_)) => Unit::Percent,
            (None, None) => Unit::Count,
        };
        let mut around = words_before(&sentence[..whole.start()], terms);
        around.extend(words_after(&sentence[whole.end()..], terms));
        found.push(Amount {
            start: range.start + whole.start(),
            end: range.start + whole.end(),
            value,
            tolerance,
            unit,
            around,
        });
    }
    found
}

/// False when `sentence` holds no digit and no number word but "one" (which is no amount):
/// the pattern, slow to run for its captures, need not run then.
fn may_hold_amount(sentence: &str) -> bool {
    sentence.bytes().any(|b| b.is_ascii_digit())
        || sentence
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.len() >= 3 && !w.eq_ignore_ascii_case("one") && cardinal(w).is_some())
}

/// The value of a number written in digits (with thousands separators) or words, and the value
/// of its last written digit.
fn parse_number(written: &str) -> Option<(f64, f64)> {
    if written.starts_with(|c: char| c.is_ascii_digit()) {
        let digits = written.replace(',', "");
        let value: f64 = digits.parse().ok()?;
        let precision = if let Some((_, decimals)) = digits.split_once('.') {
            10f64.powi(-i32::try_from(decimals.len()).ok()?)
        } else {
            let zeros = digits.len() - digits.trim_end_matches('0').len();
            10f64.powi(i32::try_from(zeros.min(digits.len().saturating_sub(1))).ok()?)
        };
        return Some((value, precision));
    }
    let value = f64::from(cardinal(written)?);
    Some((value, if value >= 20.0 && value % 10.0 == 0.0 { 10.0 } else { 1.0 }))
}

/// True when the number at `start..end` of `sentence` is not part of a longer token: a score,
/// a fraction, a code, a time or a version ("3-2", "9/11", "B-52", "10:30", "1.2.3").
fn stands_alone(sentence: &str, start: usize, end: usize) -> bool {
    let before = sentence[..start].chars().next_back();
    let after: Vec<char> = sentence[end..].chars().take(2).collect();
    let joined = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | ':' | '-' | '.' | '_'));
    let digit_after = after.get(1).is_some_and(char::is_ascii_digit);
    let glued_after = match after.first() {
        Some(c) if c.is_alphanumeric() => true,
        Some('/' | ':' | '_') => true,
        Some('-' | '.' | ',') => digit_after,
        _ => false,
    };
    let currency = matches!(before, Some('$' | '£' | '€'));
    !(glued_after || joined(before) && !currency)
}

/// How near after the amount before it a bracketed amount must open to restate it.
const CONVERSION_GAP: usize = 30;

/// True when the amount at `start` opens a bracket shortly after the amount that ended at
/// `previous`: a conversion into other units ("216,000 square kilometers (83,000 square
/// miles)", "$420 (£326)"), rounded on its own, which restates that amount and is none itself.
fn converts(sentence: &str, start: usize, previous: Option<usize>) -> bool {
    let Some(previous) = previous else { return false };
    let head = sentence[..start].trim_end();
    head.ends_with('(') && previous <= head.len() && head.len() - previous <= CONVERSION_GAP
}

/// Units of time that, with "ago", "earlier" or "later" after them, make a number part of a date.
const TIME_UNITS: [&str; 9] = ["second", "minute", "hour", "day", "week", "month", "year", "decade", "centurie"];

/// True when the number at `start..end` is a day of a month or an hour ("Feb. 19", "19 March",
/// "10 a.m."), or counts units of time back or on from a date ("49,000 years ago").
fn next_to_calendar(sentence: &str, start: usize, end: usize) -> bool {
    let previous = sentence[..start].split_whitespace().next_back().unwrap_or("");
    let mut after = sentence[end..].split_whitespace();
    let next = after.next().unwrap_or("");
    let then = after.next().unwrap_or("").trim_end_matches(|c: char| !c.is_alphabetic()).to_ascii_lowercase();
    let unit = next.to_ascii_lowercase();
    let unit = unit.trim_end_matches('s');
    if TIME_UNITS.contains(&unit) && matches!(then.as_str(), "ago" | "earlier" | "later") {
        return true;
    }
    let month = |word: &str| {
        let word = word.trim_matches(|c: char| !c.is_alphabetic());
        word.len() >= 3 && word.starts_with(char::is_uppercase) && month_number(word).is_some()
    };
    let hour = ["a.m", "p.m", "am", "pm", "a.m.", "p.m.", "GMT", "ET", "EST", "BST", "o'clock"];
    month(previous) || month(next) || hour.iter().any(|h| next.trim_end_matches([',', ';']).eq_ignore_ascii_case(h))
}

/// Punctuation that ends the clause an amount stands in.
const CLAUSE: [char; 11] = [',', ';', ':', '.', '(', ')', '"', '“', '”', '—', '?'];

/// Up to two content words within the three words after an amount, before any punctuation.
fn words_after(rest: &str, terms: &ContentTerms) -> Vec<(u64, String)> {
    let clause = rest.split(CLAUSE).next().unwrap_or("");
    content_words(clause.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).take(3), terms)
}

/// Up to two content words within the three words before an amount, after any punctuation.
fn words_before(head: &str, terms: &ContentTerms) -> Vec<(u64, String)> {
    let clause = head.rsplit(CLAUSE).next().unwrap_or("");
    let words: Vec<&str> =
        clause.rsplit(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty()).take(3).collect();
    content_words(words.into_iter().rev(), terms)
}

/// The content words among `words` (two at most), as terms with the words as written.
fn content_words<'w>(words: impl Iterator<Item = &'w str>, terms: &ContentTerms) -> Vec<(u64, String)> {
    words
        .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()) && cardinal(w).is_none())
        .filter_map(|w| terms.term(w).map(|t| (t, w.to_lowercase())))
        .take(2)
        .collect()
}

/// A day a statement names: a day of the week, with its date when the report's day is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DayMention {
    /// Byte offset of the expression in the article's text.
    pub(super) start: usize,
    /// Byte offset just past it.
    pub(super) end: usize,
    /// The day of the week.
    pub(super) weekday: Weekday,
    /// The date, when the expression was resolved against the report's day.
    pub(super) date: Option<chrono::NaiveDate>,
    /// The content words around it in its clause, as terms (as for amounts: "the attack on
    /// Sunday", "Monday's statement"); empty until [`DayMention::read_around`].
    pub(super) around: Vec<u64>,
}

impl DayMention {
    /// Reads the content words around the mention in `text[sentence]`.
    pub(super) fn read_around(&mut self, text: &str, sentence: std::ops::Range<usize>, terms: &ContentTerms) {
        // A mention reaching past its sentence's bounds reads nothing there (no panic).
        let mut around = words_before(text.get(sentence.start..self.start).unwrap_or(""), terms);
        around.extend(words_after(text.get(self.end..sentence.end).unwrap_or(""), terms));
        self.around = around.into_iter().map(|(term, _)| term).collect();
    }

    /// True when `other` names the day of the same thing: a content word around both.
    pub(super) fn same_detail(&self, other: &DayMention) -> bool {
        self.around.iter().any(|term| other.around.contains(term))
    }

    /// True when both name one day: the same date when both are known, else the same weekday.
    pub(super) fn same_day(&self, other: &DayMention) -> bool {
        match (self.date, other.date) {
            (Some(a), Some(b)) => a == b,
            _ => self.weekday == other.weekday,
        }
    }
}

/// The days of the week named in `text[range]` ("on Saturday").
pub(super) fn weekdays(text: &str, range: std::ops::Range<usize>) -> Vec<DayMention> {
    WEEKDAY
        .find_iter(&text[range.clone()])
        .filter_map(|m| {
            let index = WEEKDAYS.iter().position(|w| *w == m.as_str())?;
            Some(DayMention {
                start: range.start + m.start(),
                end: range.start + m.end(),
                weekday: Weekday::try_from(u8::try_from(index).ok()?).ok()?,
                date: None,
                around: Vec::new(),
            })
        })
        .collect()
}

/// A resolved day as a [`DayMention`].
pub(super) fn dated(start: usize, end: usize, date: chrono::NaiveDate) -> DayMention {
    DayMention { start, end, weekday: date.weekday(), date: Some(date), around: Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The amounts of `text` as (value as written, value, tolerance, unit, words around).
    fn check(text: &str, expected: &[(&str, f64, f64, Unit, &str)]) {
        let terms = ContentTerms::for_language(None);
        let found: Vec<(String, f64, f64, Unit, String)> = amounts(text, 0..text.len(), &terms)
            .into_iter()
            .map(|a| {
                let around: Vec<&str> = a.around.iter().map(|(_, w)| w.as_str()).collect();
                (text[a.start..a.end].to_owned(), a.value, a.tolerance, a.unit, around.join(" "))
            })
            .collect();
        let expected: Vec<(String, f64, f64, Unit, String)> =
            expected.iter().map(|&(w, v, t, u, a)| (w.to_owned(), v, t, u, a.to_owned())).collect();
        assert_eq!(found, expected, "{text}");
    }

    #[test]
    fn amounts_are_read_with_their_rounding_and_the_word_after() {
        use Unit::{Count, Money, Percent};
        for (text, expected) in [
            ("At least 15 people died.", vec![("At least 15", 15.0, 1.5, Count, "people died")]),
            ("Police said 20 were killed.", vec![("20", 20.0, 0.0, Count, "police killed")]),
            (
                "It cost $1.2 million, or 15% more.",
                vec![("$1.2 million", 1.2e6, 5e4, Money, "cost"), ("15%", 15.0, 0.0, Percent, "")],
            ),
            (
                "Twelve soldiers and about 200 civilians.",
                vec![("Twelve", 12.0, 0.0, Count, "soldiers"), ("about 200", 200.0, 20.0, Count, "soldiers civilians")],
            ),
            ("Some 3,500 homes lost power.", vec![("Some 3,500", 3500.0, 350.0, Count, "homes lost")]),
            ("They sent a 550-member delegation.", vec![("550", 550.0, 0.0, Count, "sent member delegation")]),
            ("An area of 216,000 sq km (83,000 sq miles).", vec![("216,000", 216_000.0, 0.0, Count, "area sq km")]),
            ("The deal was worth about $2.5bn.", vec![("about $2.5bn", 2.5e9, 2.5e8, Money, "deal worth")]),
            (
                "It raised £40m from 3.7 mln savers.",
                vec![("£40m", 4e7, 5e6, Money, "raised"), ("3.7 mln", 3.7e6, 5e4, Count, "raised savers")],
            ),
            ("A 5m wall and a 10k run.", vec![]),
        ] {
            check(text, &expected);
        }
    }

    #[test]
    fn dates_times_years_scores_and_codes_are_no_amounts() {
        for text in [
            "On Feb. 19, 2011 they met.",
            "They met on 19 March at 10 a.m. in 2009.",
            "The score was 3-2 after 9/11 and a B-52 flew at 10:30.",
            "He was one of the first, ranked 5th.",
            "Tools made 49,000 years ago, and three days later.",
        ] {
            check(text, &[]);
        }
    }

    #[test]
    fn same_detail_and_same_value() {
        let terms = ContentTerms::for_language(None);
        let read = |text: &str| amounts(text, 0..text.len(), &terms).remove(0);
        let (fifteen, twenty, about_twenty) =
            (read("killed 15 people"), read("at least 20 people"), read("about 20 protesters"));
        assert_eq!(fifteen.same_detail(&twenty), Some("people"));
        assert!(!fifteen.same_value(&twenty));
        assert_eq!(twenty.same_detail(&about_twenty), None, "people and protesters");
        assert_eq!(read("killed 20 soldiers").same_detail(&read("killed about 19 of them")), Some("killed"));
        assert_eq!(
            read("a delegation of more than 400").same_detail(&read("a 550-member delegation")),
            Some("delegation")
        );
        assert!(read("about 20 killed").same_value(&read("19 killed")));
        assert!(read("$1.2 million").same_value(&read("$1,215,000")));
        assert!(read("$1.7 billion").same_value(&read("$1.7bn")));
        assert!(!read("$1.7 billion").same_value(&read("about $2.5bn")));
        assert_eq!(read("$1.2 million people").same_detail(&read("1.2 million people")), None, "money and people");
        assert!(read("five people").same_value(&read("5 people")));
    }

    #[test]
    fn weekdays_are_found_as_whole_words() {
        let text = "Protests on Saturday, not Sundays, and Friday.";
        let days: Vec<(&str, Weekday)> =
            weekdays(text, 0..text.len()).iter().map(|d| (&text[d.start..d.end], d.weekday)).collect();
        assert_eq!(days, [("Saturday", Weekday::Sat), ("Friday", Weekday::Fri)]);
        let date = chrono::NaiveDate::from_ymd_opt(2011, 2, 19).unwrap();
        assert!(dated(0, 1, date).same_day(&days_of(Weekday::Sat)));
        assert!(!dated(0, 1, date).same_day(&dated(0, 1, date.succ_opt().unwrap())));
    }

    fn days_of(weekday: Weekday) -> DayMention {
        DayMention { start: 0, end: 0, weekday, date: None, around: Vec::new() }
    }

    #[test]
    fn a_day_outside_its_sentence_reads_no_words_and_does_not_panic() {
        let terms = ContentTerms::for_language(None);
        let text = "Talks resumed on Monday. The army left the city on Tuesday.";
        let mut day = DayMention { start: 15, end: 24, weekday: Weekday::Mon, date: None, around: Vec::new() };
        // The second sentence's range starts after the mention: nothing before it is read.
        day.read_around(text, 25..text.len(), &terms);
        let after: Vec<u64> = words_after(&text[24..], &terms).into_iter().map(|(t, _)| t).collect();
        assert_eq!(day.around, after);
        // A sentence ending before the mention: nothing after it is read.
        day.read_around(text, 0..10, &terms);
        let before: Vec<u64> = words_before(&text[..15], &terms).into_iter().map(|(t, _)| t).collect();
        assert_eq!(day.around, before);
    }
}
