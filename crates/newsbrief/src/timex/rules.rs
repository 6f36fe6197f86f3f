//! The recognition rules, by family (after `HeidelTime`'s English resources): explicit dates and
//! their parts, positions within a year (months, days, seasons, quarters, halves, holidays),
//! years, decades and centuries, weekdays and day words, expressions relative to the creation
//! date or to the last date mentioned, times of day, durations, recurrences and references to
//! the present, past and future. Each rule is a pattern over words and a reading of its match
//! into a [`Spec`]; anchoring is left to [`super::resolve`], and joining neighbours ("the third
//! quarter" + "of 1990") to [`super::combine`].

use std::sync::{LazyLock, OnceLock};

use chrono::Weekday;
use regex::{Captures, Regex, RegexBuilder};

use super::lexicon;
use super::resolve::{Anchor, Spec, Which, YearOf, YearPart};
use super::value::{Day, Digits, Duration, PartOfDay, TimeOfDay, TimexValue, Unit, Year};
use super::TimexType;
use crate::dates::{self, month_number};

/// One match a rule read: what it is and what it says. A rule whose pattern has a group named
/// `t` marks only that group's words (the words around it are context).
pub(super) type Reading = (TimexType, Spec);

type Read = fn(&Captures<'_>, &str) -> Option<Reading>;

/// A rule: where to look, what to match there, and the reading of its matches.
///
/// Patterns that may begin with common words ("the", "early", "last") are slow to search for,
/// so such a rule searches for its distinctive words (`scan`: "quarter", "Friday") and then
/// matches its whole pattern (`full`) from the word starts just before each of them.
pub(super) struct Rule {
    scan: Regex,
    /// The whole pattern, built the first time `scan` finds something (many rules' words, such
    /// as "quarter" or "fiscal", occur in few texts).
    full: Option<(String, OnceLock<Regex>)>,
    read: Read,
}

/// How far before its distinctive words a rule's match may begin.
const REACH: usize = 48;

impl Rule {
    /// The readings of the rule's matches in `text`: byte span and reading.
    pub(super) fn find(&self, text: &str, out: &mut Vec<(usize, usize, Reading)>) {
        let mut push = |caps: &Captures<'_>| {
            let Some(whole) = caps.name("t").or_else(|| caps.get(0)) else { return };
            if let Some(reading) = (self.read)(caps, text) {
                out.push((whole.start(), whole.end(), reading));
            }
        };
        let Some((pattern, full)) = &self.full else {
            for caps in self.scan.captures_iter(text) {
                push(&caps);
            }
            return;
        };
        let mut covered = 0;
        for found in self.scan.find_iter(text) {
            let full = full.get_or_init(|| compile(pattern));
            if found.end() <= covered {
                continue;
            }
            let bytes = text.as_bytes();
            let mut at = found.start().saturating_sub(REACH).max(covered);
            while !text.is_char_boundary(at) {
                at += 1;
            }
            // The match is sought in a window that ends at white space well after the find, so
            // that a failed attempt does not search the rest of the text.
            let mut limit = (found.end() + REACH).min(text.len());
            while limit < text.len() && !bytes[limit].is_ascii_whitespace() {
                limit += 1;
            }
            let window = &text[..limit];
            // The leftmost match that holds the find.
            while let Some(m) = full.find_at(window, at) {
                if m.start() > found.start() {
                    break;
                }
                if m.end() >= found.end() {
                    if let Some(caps) = full.captures_at(window, m.start()) {
                        covered = m.end();
                        push(&caps);
                    }
                    break;
                }
                at = m.end().max(m.start() + 1);
                while !text.is_char_boundary(at) {
                    at += 1;
                }
            }
        }
    }
}

fn compile(pattern: &str) -> Regex {
    RegexBuilder::new(pattern).unicode(false).build().or_else(|_| Regex::new(pattern)).expect("valid timex pattern")
}

/// A rule that searches for its whole pattern; it is compiled without Unicode classes when it
/// can be (its words are ASCII), which makes it quicker to build and to run.
fn rule(pattern: &str, read: Read) -> Rule {
    Rule { scan: compile(pattern), full: None, read }
}

/// A rule that searches for `scan` and matches `full` from just before each find.
fn scanned(scan: &str, full: &str, read: Read) -> Rule {
    Rule { scan: compile(scan), full: Some((full.to_owned(), OnceLock::new())), read }
}

/// An alternation of words given in lowercase, matching them in lowercase, capitalised or in
/// capitals (searching for a few spellings is much quicker than for any case).
fn any_case(words: &[&str]) -> String {
    let mut spellings: Vec<String> = Vec::new();
    for word in words {
        let mut capitalised = word.to_string();
        if let Some(first) = capitalised.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        spellings.extend([(*word).to_owned(), capitalised, word.to_ascii_uppercase()]);
    }
    format!(r"\b(?:{})\b", spellings.iter().map(|w| regex::escape(w)).collect::<Vec<_>>().join("|"))
}

fn month_pattern() -> String {
    format!(r"(?:{}|(?:{})\.?)", dates::MONTHS.join("|"), dates::MONTH_ABBREVIATIONS.join("|"))
}

const WEEKDAY: &str = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const DAY_NUMBER: &str = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
const APPROXIMATE: &str = r"(?i:about|around|approximately|nearly|almost|roughly|some|over|more than|less than|at least|just|only|barely|close to|up to|under|fewer than|within|the last|the past|the next|the first|the final|the coming|the previous|the following)";
const TIME_ZONE: &str = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CET|local time)";

/// The words before `start`, lowercased, nearest first (at most `count`).
fn words_before(text: &str, start: usize, count: usize) -> Vec<String> {
    text[..start]
        .rsplit(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .take(count)
        .map(str::to_ascii_lowercase)
        .collect()
}

/// The word after `end`, lowercased ("" at the end of the text).
fn word_after(text: &str, end: usize) -> String {
    text[end..]
        .trim_start_matches([' ', ','])
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '%' || c == '$'))
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

fn which(word: Option<&str>) -> Which {
    match word.map(str::to_ascii_lowercase).as_deref() {
        Some("last" | "past" | "previous") => Which::Last,
        Some("next" | "coming" | "this coming") => Which::Next,
        Some("this" | "current") => Which::This,
        _ => Which::ByTense,
    }
}

fn part(word: Option<regex::Match<'_>>) -> Option<TimeOfDay> {
    word.and_then(|w| lexicon::part_of_day(w.as_str())).map(TimeOfDay::Part)
}

// Readings are returned by functions that may fail; these two build the ones that cannot.
#[allow(clippy::unnecessary_wraps)]
fn date(kind: TimexType, spec: Spec) -> Option<Reading> {
    Some((kind, spec))
}

#[allow(clippy::unnecessary_wraps)]
fn value(kind: TimexType, value: TimexValue) -> Option<Reading> {
    Some((kind, Spec::Value(value)))
}

/// A year written with two digits, in the century that puts it nearest the creation year is
/// not known here: the twentieth for 50 to 99, the twenty-first below.
fn two_digit_year(digits: &str) -> Option<i32> {
    let n: i32 = digits.parse().ok()?;
    Some(if n >= 50 { 1900 + n } else { 2000 + n })
}

/// True when a four-digit number reads as a year here: not an amount ("$1990", "1,998"), a
/// percentage, or a count of a plural noun ("2000 soldiers") unless a word of time introduces it.
fn reads_as_year(text: &str, start: usize, end: usize) -> bool {
    let mut before = text[..start].chars().rev();
    let previous = before.next();
    if previous.is_some_and(|c| matches!(c, '$' | '#' | '\u{a3}' | '\u{20ac}' | '/' | '+'))
        || (matches!(previous, Some(',' | '.')) && before.next().is_some_and(|c| c.is_ascii_digit()))
    {
        return false;
    }
    if text[end..].starts_with(['%', ',', '.']) && text.as_bytes()[end..].get(1).is_some_and(u8::is_ascii_digit) {
        return false;
    }
    if text[end..].starts_with(['-', '/']) && text.as_bytes()[end..].get(1).is_some_and(u8::is_ascii_alphanumeric) {
        // "1990-91" keeps its first year; "1998-2000" too; "2000-strong" does not.
        if !text[end + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
    }
    // A year before Christ is no year of the calendar this tagger writes.
    if text[end..].trim_start().starts_with("B.C") || text[end..].trim_start().starts_with("BC") {
        return false;
    }
    let next = word_after(text, end);
    let next_is_lowercase = text[end..].trim_start_matches([' ', ',']).starts_with(|c: char| c.is_ascii_lowercase());
    if matches!(next.as_str(), "percent" | "%" | "per" | "times") {
        return false;
    }
    let introduced = words_before(text, start, 1).first().is_some_and(|w| {
        matches!(
            w.as_str(),
            "in" | "since"
                | "of"
                | "by"
                | "until"
                | "till"
                | "from"
                | "through"
                | "before"
                | "after"
                | "during"
                | "fiscal"
                | "year"
                | "early"
                | "late"
                | "mid"
                | "end"
                | "to"
                | "and"
                | "or"
                | "between"
                | "for"
        ) || dates::MONTHS.iter().chain(&dates::MONTH_ABBREVIATIONS).any(|m| m.eq_ignore_ascii_case(w))
    }) || after_month_day(text, start);
    // A plural noun after the number makes it a count ("1500 jobs", "2000 soldiers").
    let plural =
        next_is_lowercase && next.len() > 3 && next.ends_with('s') && !next.ends_with("ss") && !next.contains('\'');
    introduced || !plural
}

/// True when a month and a day come right before `start` ("Sept. 11, " before "2001"): the
/// number there is the year of that date, whatever follows it.
fn after_month_day(text: &str, start: usize) -> bool {
    let before = words_before(text, start, 2);
    let [day, month] = before.as_slice() else { return false };
    let day = day.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    day.len() <= 2
        && day.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        && dates::MONTHS.iter().chain(&dates::MONTH_ABBREVIATIONS).any(|m| m.eq_ignore_ascii_case(month))
}

/// True when "of" and a number or a common noun follow `end`: "1000s of people" and "the 10s
/// of 1000s" are counts, not decades.
fn counts_of(text: &str, end: usize) -> bool {
    text[end..].strip_prefix(" of ").is_some_and(|rest| {
        let word: String = rest.chars().take_while(char::is_ascii_alphanumeric).collect();
        word.starts_with(|c: char| c.is_ascii_digit())
            || (word.starts_with(|c: char| c.is_ascii_lowercase()) && !matches!(word.as_str(), "the" | "a" | "this"))
    })
}

/// True when `start` begins a sentence (or a line, or a quotation).
fn sentence_start(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '"', '\'', '(', '`', '\u{201c}']);
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', ';']) || before.ends_with("--")
}

/// The rules, built once.
pub(super) static RULES: LazyLock<Vec<Rule>> = LazyLock::new(build);

#[allow(clippy::too_many_lines)]
fn build() -> Vec<Rule> {
    let month = month_pattern();
    let ordinal = lexicon::ordinal_pattern();
    let count = lexicon::count_pattern();
    let unit = lexicon::UNIT_PATTERN;
    let season = lexicon::SEASON_PATTERN;
    let part_of_day = lexicon::PART_OF_DAY_PATTERN;
    let cardinal = lexicon::cardinal_pattern();
    vec![
        // ISO dates and times: 2009-03-06, 2009-03-06T19:41.
        rule(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?\b", |c, _| {
            let (year, month, day) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
            let date = Day::of(chrono::NaiveDate::from_ymd_opt(year, month, day)?)?;
            match (c.get(4), c.get(5)) {
                (Some(h), Some(m)) => {
                    let second = c.get(6).and_then(|s| s.as_str().parse().ok());
                    let time =
                        TimeOfDay::Clock { hour: h.as_str().parse().ok()?, minute: m.as_str().parse().ok(), second };
                    value(TimexType::Time, TimexValue::Time(date, time))
                }
                _ => value(TimexType::Date, TimexValue::Day(date)),
            }
        }),
        // Numeric dates, month first as American news writes them (day first when the first
        // number cannot be a month): 3/6/2009, 03/06/09.
        rule(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b", |c, _| {
            let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
            let (month, day) = if a > 12 { (b, a) } else { (a, b) };
            let year = if c[3].len() == 2 { two_digit_year(&c[3])? } else { c[3].parse().ok()? };
            value(TimexType::Date, TimexValue::Day(Day::of(chrono::NaiveDate::from_ymd_opt(year, month, day)?)?))
        }),
        // A month and a day: "March 5", "Jan. 26th", "March eighth".
        rule(&format!(r"\b({month})\s+({DAY_NUMBER}|(?i:{ordinal}))\b"), |c, text| {
            let whole = c.get(0)?;
            // "May 2" followed by ":30" or ",000" is no date.
            if text[whole.end()..].starts_with([':', ','])
                && text[whole.end() + 1..].starts_with(|c: char| c.is_ascii_digit())
            {
                return None;
            }
            let (month, day) = (month_number(&c[1])?, lexicon::ordinal(&c[2])?);
            chrono::NaiveDate::from_ymd_opt(2000, month, day)?;
            date(TimexType::Date, Spec::InYear(YearPart::Date(month, day), YearOf::Chosen(Which::ByTense), None))
        }),
        // A day and a month: "5 March", "the 5th of March", "the eighth of March".
        scanned(
            &format!(r"\b{month}"),
            &format!(r"\b(?:(?i:the)\s+)?({DAY_NUMBER}|(?i:{ordinal}))\s+(?:of\s+)?({month})(?:\s|\b|$)"),
            |c, _| {
                let (month, day) = (month_number(&c[2])?, lexicon::ordinal(&c[1])?);
                chrono::NaiveDate::from_ymd_opt(2000, month, day)?;
                date(TimexType::Date, Spec::InYear(YearPart::Date(month, day), YearOf::Chosen(Which::ByTense), None))
            },
        ),
        // A month alone, maybe with "last", "this" or "next": "in March", "last December".
        // "May" and "March" are also a verb: alone, they need a word of time before them.
        scanned(
            &format!(r"\b{month}"),
            &format!(r"\b(?:((?i:last|this|next|this coming|past))\s+)?({month})(?:\s|\b|$)"),
            |c, text| {
                let name = c[2].trim_end();
                let whole = c.get(0)?;
                if c.get(1).is_none() {
                    let before = words_before(text, whole.start(), 1);
                    let introduced = before.first().is_some_and(|w| {
                        matches!(
                            w.as_str(),
                            "in" | "since"
                                | "of"
                                | "by"
                                | "until"
                                | "till"
                                | "from"
                                | "through"
                                | "before"
                                | "after"
                                | "during"
                                | "early"
                                | "late"
                                | "mid"
                                | "and"
                                | "or"
                                | "to"
                                | "last"
                                | "this"
                                | "next"
                                | "end"
                                | "beginning"
                                | "between"
                                | "for"
                        )
                    });
                    // "May" and "March" are also verbs; a month before a capitalised word is a
                    // first name ("June Scobee Rodgers"), unless a word of time introduces it.
                    let before_name = text[c.get(2)?.end()..]
                        .strip_prefix(' ')
                        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()));
                    if !introduced && (matches!(name, "May" | "March") || before_name) {
                        return None;
                    }
                }
                // An abbreviation alone ("Jan") is often a name: it needs its stop, or a year
                // after it ("Feb 2012").
                let year_after = text[c.get(2)?.end()..]
                    .strip_prefix(' ')
                    .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
                    .is_some_and(|digits| digits.len() == 4);
                if dates::MONTH_ABBREVIATIONS.contains(&name) && !year_after {
                    return None;
                }
                let month = month_number(name)?;
                date(
                    TimexType::Date,
                    Spec::InYear(YearPart::Month(month), YearOf::Chosen(which(c.get(1).map(|m| m.as_str()))), None),
                )
            },
        ),
        // Years: "1998", "fiscal 1998", "FY 2009", "'98".
        scanned(
            &String::from(r"\b(?:1[5-9]\d\d|20\d\d)\b"),
            r"\b(?:((?i:fiscal|FY))\s*)?(1[5-9]\d\d|20\d\d)\b",
            |c, text| {
                let whole = c.get(0)?;
                if c.get(1).is_none() && !reads_as_year(text, whole.start(), whole.end()) {
                    return None;
                }
                value(TimexType::Date, TimexValue::Year(Year::of(c[2].parse().ok()?)?))
            },
        ),
        rule(r"(?:\b(?i:fiscal)\s+|\s|^)'(\d\d)\b", |c, text| {
            let whole = c.get(0)?;
            if text[whole.end()..].starts_with(['s', '\'']) {
                return None;
            }
            let year = two_digit_year(&c[1])?;
            value(TimexType::Date, TimexValue::Year(Year::of(year)?))
        }),
        // Years in words: "nineteen seventy-nine", "two thousand and eight".
        scanned(
            &any_case(&["nineteen", "eighteen", "twenty", "two thousand", "two-thousand"]),
            &format!(
                r"(?i)\b(nineteen|eighteen|twenty)[- ]((?:{cardinal}))\b|\btwo[- ]thousand(?:[- ]and)?[- ]({cardinal})\b"
            ),
            |c, _| {
                let year = match (c.get(1), c.get(2), c.get(3)) {
                    (Some(century), Some(rest), _) => {
                        let rest = lexicon::cardinal(rest.as_str())?;
                        if rest < 10 {
                            return None;
                        }
                        lexicon::cardinal(century.as_str())? * 100 + rest
                    }
                    (_, _, Some(rest)) => 2000 + lexicon::cardinal(rest.as_str())?,
                    _ => return None,
                };
                value(TimexType::Date, TimexValue::Year(Year::known(year)))
            },
        ),
        // Decades: "the 1990s", "the mid-1980s", "the '90s", "the nineties", "the nineteen-nineties".
        scanned(
            &String::from(r"\d{3}0'?s\b"),
            r"(?i)\b(?:the\s+)?(?:(?:early|mid|late)[- ]?)?(\d{3})0'?s\b",
            |c, text| {
                if counts_of(text, c.get(0)?.end()) {
                    return None;
                }
                let decade: u32 = c[1].parse().ok()?;
                // "the 1800s" is a century (the hundreds before 2000 are written so); "the 2000s"
                // a decade.
                if decade % 10 == 0 && decade < 200 {
                    let Digits([a, b]) = Digits::<2>::known(decade / 10);
                    return value(TimexType::Date, TimexValue::Year(Digits([a, b, None, None])));
                }
                value(TimexType::Date, TimexValue::Decade(Digits::known(decade)))
            },
        ),
        scanned(
            &String::from(r"\d0'?s\b"),
            r"(?i)(?:\bthe\s+(?:(?:early|mid|late)[- ]?)?'?|\b(?:early|mid|late)[- ]?'|')(\d)0'?s\b",
            |c, text| {
                if counts_of(text, c.get(0)?.end()) {
                    return None;
                }
                let decade: u32 = c[1].parse().ok()?;
                let century = if decade >= 3 { 19 } else { 20 };
                value(TimexType::Date, TimexValue::Decade(Digits::known(century * 10 + decade)))
            },
        ),
        scanned(
            &any_case(&["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]),
            &format!(
                r"(?i)\bthe\s+(?:(?:early|mid|late)[- ]?)?(?:(nineteen|eighteen|twenty)[- ])?({})\b",
                lexicon::DECADE_WORD_PATTERN
            ),
            |c, _| {
                let century = c.get(1).and_then(|w| lexicon::cardinal(w.as_str())).unwrap_or(19);
                let decade = lexicon::decade_word(&c[2])?;
                value(TimexType::Date, TimexValue::Decade(Digits::known(century * 10 + decade)))
            },
        ),
        // Centuries: "the 20th century", "the nineteenth century".
        scanned(
            &String::from(r"(?i:century)\b"),
            &format!(r"(?i)\b(?:the\s+)?(?:(?:early|mid|late)[- ]?)?(\d{{1,2}}(?:st|nd|rd|th)|{ordinal})[- ]century\b"),
            |c, _| {
                let century = lexicon::ordinal(&c[1])?.checked_sub(1)?;
                let Digits([a, b]) = Digits::<2>::known(century);
                value(TimexType::Date, TimexValue::Year(Digits([a, b, None, None])))
            },
        ),
        // Seasons: "summer", "last winter", "the summer of 1994", "spring 2009".
        scanned(
            &any_case(&["spring", "summer", "autumn", "fall", "winter"]),
            &format!(
                r"(?i)\b(?:(?:the\s+)?(this|last|next|past|coming)\s+|the\s+)?(?:(?:early|late|mid)[- ])?({season})(?:\s+(?:of\s+)?(\d{{4}}))?\b"
            ),
            |c, text| {
                let whole = c.get(0)?;
                let season = lexicon::season(&c[2])?;
                if let Some(year) = c.get(3) {
                    return value(TimexType::Date, TimexValue::Season(Year::of(year.as_str().parse().ok()?)?, season));
                }
                // A capitalised season before a capitalised word names something ("a Summer
                // Infant monitor").
                let season_word = c.get(2)?;
                let capitalised_name = season_word.as_str().starts_with(|c: char| c.is_ascii_uppercase())
                    && !sentence_start(text, season_word.start())
                    && text[season_word.end()..]
                        .strip_prefix(' ')
                        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase()));
                if capitalised_name {
                    return None;
                }
                // "fall" and "spring" are also verbs and nouns: they need a word of time before
                // them, and no preposition of a fall or a spring after them.
                let word = c[2].to_ascii_lowercase();
                if c.get(1).is_none() && matches!(word.as_str(), "fall" | "spring") {
                    let before = words_before(text, whole.start(), 1);
                    let introduced = before.first().is_some_and(|w| {
                        matches!(
                            w.as_str(),
                            "the"
                                | "this"
                                | "last"
                                | "next"
                                | "early"
                                | "late"
                                | "mid"
                                | "in"
                                | "during"
                                | "by"
                                | "until"
                                | "since"
                                | "that"
                        )
                    }) || whole.as_str().len() > word.len();
                    let after = word_after(text, whole.end());
                    if !introduced
                        || matches!(
                            after.as_str(),
                            "of" | "in"
                                | "to"
                                | "from"
                                | "by"
                                | "back"
                                | "short"
                                | "through"
                                | "behind"
                                | "off"
                                | "out"
                                | "over"
                                | "on"
                                | "would"
                                | "will"
                                | "is"
                                | "was"
                                | "has"
                                | "had"
                                | "came"
                                | "comes"
                        )
                    {
                        return None;
                    }
                }
                date(
                    TimexType::Date,
                    Spec::InYear(YearPart::Season(season), YearOf::Chosen(which(c.get(1).map(|m| m.as_str()))), None),
                )
            },
        ),
        // Quarters and halves: "the third quarter", "fourth-quarter", "the fiscal first quarter",
        // "Q3", "the second half", "the first two quarters", "the third quarter of the year".
        scanned(
            &any_case(&["quarter", "half"]),
            r"(?i)\b(?:the\s+)?(?:(?:fiscal|calendar)\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?(quarter|half)(?:\s+of\s+(?:the|this)\s+(?:fiscal\s+|calendar\s+|current\s+)?year)?\b",
            |c, _| {
                let n = lexicon::ordinal(&c[1])?;
                let part = if c[2].eq_ignore_ascii_case("half") {
                    YearPart::Half(u8::try_from(n).ok().filter(|n| (1..=2).contains(n))?)
                } else {
                    YearPart::Quarter(u8::try_from(n).ok()?)
                };
                let of_year = c.get(0)?.as_str().to_ascii_lowercase().ends_with("year");
                let year = if of_year { YearOf::Shifted(0, Anchor::Reference) } else { YearOf::Chosen(Which::ByTense) };
                date(TimexType::Date, Spec::InYear(part, year, None))
            },
        ),
        rule(r"\bQ([1-4])\b", |c, _| {
            date(
                TimexType::Date,
                Spec::InYear(YearPart::Quarter(c[1].parse().ok()?), YearOf::Chosen(Which::ByTense), None),
            )
        }),
        scanned(
            &any_case(&["quarters", "half"]),
            r"(?i)\b(?:the\s+)?(first|last|final|latter)\s+(?:two|2)\s+quarters\b|\bthe\s+(?:latter|last)\s+half\b",
            |c, _| {
                let half = if c.get(1).is_some_and(|w| w.as_str().eq_ignore_ascii_case("first")) { 1 } else { 2 };
                date(TimexType::Date, Spec::InYear(YearPart::Half(half), YearOf::Chosen(Which::ByTense), None))
            },
        ),
        // The period a report of results speaks of: "the quarter", "the latest period", "that
        // quarter", and the same period a year before: "the year-earlier quarter".
        scanned(
            &any_case(&["quarter", "period", "three months"]),
            r"(?i)\b(?:the|that|this)\s+(?:(latest|most recent|recent|same|current|comparable|year-earlier|year-ago|prior-year|previous|prior)\s+)?(?:fiscal\s+)?quarter\b|\b(?:the|that)\s+(latest|most recent|same|comparable|year-earlier|year-ago|prior-year)\s+(?:period|three months)\b",
            |c, _| {
                let modifier = c.get(1).or_else(|| c.get(2)).map(|m| m.as_str().to_ascii_lowercase());
                let (n, anchor) = match modifier.as_deref() {
                    Some("year-earlier" | "year-ago" | "prior-year" | "comparable") => {
                        return date(TimexType::Date, Spec::YearsBefore(1, Some(Unit::Quarter), Anchor::Reference));
                    }
                    // The latest quarter is the last one that has ended.
                    Some("latest" | "most recent" | "recent") => (-1, Anchor::Dct),
                    Some("current") => (0, Anchor::Dct),
                    Some("previous" | "prior") => (-1, Anchor::Reference),
                    _ if c.get(0)?.as_str().to_ascii_lowercase().starts_with("this") => (0, Anchor::Dct),
                    _ => (0, Anchor::Reference),
                };
                date(TimexType::Date, Spec::Shift { unit: Unit::Quarter, n, anchor, time: None })
            },
        ),
        scanned(&any_case(&["year-earlier", "year-ago"]), r"(?i)\b(?:the\s+)?(?:year-earlier|year-ago)\b", |_, _| {
            // "The year-earlier results" are those of the year before the report's own.
            date(TimexType::Date, Spec::YearsBefore(1, None, Anchor::Dct))
        }),
        // Holidays: "Christmas", "Christmas Eve", "Thanksgiving Day", "Easter 2009".
        scanned(
            &format!(r"\b{}", lexicon::holiday_pattern()),
            &format!(r"\b(?:((?i:this|last|next))\s+)?({})(?:,?\s+(\d{{4}}))?\b", lexicon::holiday_pattern()),
            |c, _| {
                let holiday = lexicon::holiday(&c[2])?;
                let year = match c.get(3) {
                    Some(year) => YearOf::Given(year.as_str().parse().ok()?),
                    None => YearOf::Chosen(which(c.get(1).map(|m| m.as_str()))),
                };
                date(TimexType::Date, Spec::InYear(YearPart::Holiday(holiday), year, None))
            },
        ),
        // Units relative to the creation date or to the last date mentioned: "last week", "this
        // year", "next month", "the past year", "earlier this month", "the following day", "that
        // year", "the same week", "the previous quarter", "late last year".
        scanned(
            &any_case(&[
                "day",
                "morning",
                "afternoon",
                "evening",
                "night",
                "week",
                "weekend",
                "month",
                "quarter",
                "year",
                "decade",
                "century",
            ]),
            r"(?i)\b(?:(?:earlier|later|early|late)\s+)?(the\s+)?(this|last|next|past|coming|previous|current|following|prior|same|that)\s+(?:(?:fiscal|calendar)\s+)?(day|morning|afternoon|evening|night|week|weekend|month|quarter|year|decade|century)\b",
            |c, _| {
                let the = c.get(1).is_some();
                let modifier = c[2].to_ascii_lowercase();
                let unit_word = c[3].to_ascii_lowercase();
                // "This Week", its unit capitalised (not in capitals), is a title.
                let unit_capitalised = c[3].starts_with(|c: char| c.is_ascii_uppercase())
                    && c[3][1..].starts_with(|c: char| c.is_ascii_lowercase());
                if unit_capitalised && c[2].starts_with(|c: char| c.is_ascii_uppercase()) {
                    return None;
                }
                // "the past decade" is a length of time.
                if the
                    && matches!(modifier.as_str(), "past" | "last")
                    && matches!(unit_word.as_str(), "decade" | "century")
                {
                    let unit = lexicon::unit(&unit_word)?.0;
                    return value(TimexType::Duration, TimexValue::Duration(Duration::of(Some(1), unit)));
                }
                // "the following month" and "the next day" count from the last date mentioned;
                // "next month" and "last year" from the creation date.
                let (n, anchor) = match modifier.as_str() {
                    "this" | "current" => (0, Anchor::Dct),
                    "last" | "past" => (-1, Anchor::Dct),
                    "next" if the => (1, Anchor::Reference),
                    "coming" | "next" => (1, Anchor::Dct),
                    "following" => (1, Anchor::Reference),
                    "previous" | "prior" => (-1, Anchor::Reference),
                    _ => (0, Anchor::Reference),
                };
                if unit_word == "weekend" && anchor == Anchor::Dct {
                    let which = match n {
                        -1 => Which::Last,
                        1 => Which::Next,
                        _ => Which::This,
                    };
                    return date(TimexType::Date, Spec::Weekend(which));
                }
                let (unit, time) = match unit_word.as_str() {
                    "morning" | "afternoon" | "evening" | "night" => {
                        (Unit::Day, lexicon::part_of_day(&unit_word).map(TimeOfDay::Part))
                    }
                    word => (lexicon::unit(word)?.0, None),
                };
                // "that day" is "this day" of the text's reference; "the coming year" is next year.
                if unit == Unit::Day && time.is_none() && anchor == Anchor::Dct {
                    // "this day" and "last day" are no dates of their own.
                    return None;
                }
                // "last night" and "this morning": a part of the day before or of the creation day.
                let kind = if time.is_some() { TimexType::Time } else { TimexType::Date };
                date(kind, Spec::Shift { unit, n, anchor, time })
            },
        ),
        scanned(
            &any_case(&["before", "after", "later in", "earlier in"]),
            r"(?i)\b(?:later|earlier)\s+in\s+the\s+(day|week|month|year)\b|\b(?:the|a|one)\s+(day|week|month|year)\s+(before|after)\b",
            |c, text| {
                let whole = c.get(0)?;
                let (unit, n) = match (c.get(1), c.get(2), c.get(3)) {
                    (Some(unit), _, _) => (lexicon::unit(unit.as_str())?.0, 0),
                    (_, Some(unit), Some(direction)) => {
                        // "the day before the election" counts from an event, not a date: only "the
                        // day before" that ends its clause counts from the date last mentioned.
                        if text[whole.end()..].trim_start().starts_with(|c: char| c.is_ascii_alphanumeric()) {
                            return None;
                        }
                        (
                            lexicon::unit(unit.as_str())?.0,
                            if direction.as_str().eq_ignore_ascii_case("before") { -1 } else { 1 },
                        )
                    }
                    _ => return None,
                };
                date(TimexType::Date, Spec::Shift { unit, n, anchor: Anchor::Reference, time: None })
            },
        ),
        // A part of a unit the text speaks of: "the end of the month", "the beginning of the year".
        scanned(
            &any_case(&["end", "beginning", "start", "middle", "rest", "remainder", "balance"]),
            r"(?i)\b(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|balance)\s+of\s+the\s+(week|month|quarter|year|decade|century)\b",
            |c, _| {
                let unit = lexicon::unit(&c[1])?.0;
                date(TimexType::Date, Spec::Shift { unit, n: 0, anchor: Anchor::Reference, time: None })
            },
        ),
        // "The weekend": the one before or after, by tense.
        scanned(&any_case(&["weekend"]), r"(?i)\b(?:the|this)\s+weekend\b", |c, _| {
            let which =
                if c.get(0)?.as_str().to_ascii_lowercase().starts_with("this") { Which::This } else { Which::ByTense };
            date(TimexType::Date, Spec::Weekend(which))
        }),
        // The year a report speaks of: "the fiscal year", "the full year".
        scanned(
            &any_case(&["full year", "fiscal year", "calendar year"]),
            r"(?i)\bthe\s+(?:full|fiscal|calendar)\s+year\b",
            |_, _| date(TimexType::Date, Spec::Shift { unit: Unit::Year, n: 0, anchor: Anchor::Dct, time: None }),
        ),
        // "then" after a preposition of time is the date last mentioned ("until then").
        scanned(&any_case(&["then"]), r"(?i)\b(?:until|till|since|by|before|from)\s+(?P<t>then)\b", |_, _| {
            date(TimexType::Date, Spec::Then)
        }),
        // The end of the year: "year-end", "year end".
        rule(r"(?i)\byear[- ]end\b", |_, _| {
            date(TimexType::Date, Spec::Shift { unit: Unit::Year, n: 0, anchor: Anchor::Dct, time: None })
        }),
        // Counts of units before or after: "two years ago", "a week later", "three days earlier",
        // "several months ago", "two weeks from now".
        scanned(
            &any_case(&["ago", "earlier", "later", "from now", "hence"]),
            &format!(r"(?i)\b(?:{APPROXIMATE}\s+)?({count})[- ]({unit})\s+(ago|earlier|later|from now|hence)\b"),
            |c, _| {
                let amount = lexicon::count(&c[1])?;
                let (unit, per) = lexicon::unit(&c[2])?;
                let direction = c[3].to_ascii_lowercase();
                let (sign, anchor) = match direction.as_str() {
                    "ago" => (-1, Anchor::Dct),
                    "earlier" => (-1, Anchor::Reference),
                    "later" => (1, Anchor::Reference),
                    _ => (1, Anchor::Dct),
                };
                let Some(amount) = amount else {
                    let reference = if sign < 0 { TimexValue::PastRef } else { TimexValue::FutureRef };
                    return value(TimexType::Date, reference);
                };
                let n = sign * i32::try_from(amount * per).ok()?;
                if unit == Unit::Year && amount == 1 && direction != "later" {
                    return date(TimexType::Date, Spec::YearsBefore(1, None, anchor));
                }
                if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) {
                    return None;
                }
                date(TimexType::Date, Spec::Shift { unit, n, anchor, time: None })
            },
        ),
        // Weekdays: "Friday", "last Tuesday", "next Monday", "Monday night".
        scanned(
            &format!(r"\b{WEEKDAY}\b"),
            &format!(
                r"\b(?:((?i:last|this|next|this coming|coming|past|previous|early|late|earlier|later))\s+)?({WEEKDAY})(?:\s+((?i:{part_of_day})))?\b"
            ),
            |c, text| {
                let weekday: Weekday = c[2].parse().ok()?;
                let time = part(c.get(3));
                // A weekday after a determiner and before a capitalised word names something ("the
                // Sunday Times"); elsewhere a capital after it is the sentence's ("on Thursday UNESCO
                // agreed"), and one before it too ("The World Court Friday rejected").
                let whole = c.get(0)?;
                let after = &text[whole.end()..];
                let next = after.strip_prefix(' ').unwrap_or_default();
                let next_word: String = next.chars().take_while(char::is_ascii_alphabetic).collect();
                let after_determiner = matches!(
                    words_before(text, whole.start(), 1).first().map(String::as_str),
                    Some("the" | "a" | "an")
                ) || text[..whole.start()].trim_end().ends_with("'s");
                if time.is_none()
                    && after_determiner
                    && next_word.starts_with(|c: char| c.is_ascii_uppercase())
                    && !dates::is_calendar_word(&next_word)
                {
                    return None;
                }
                let kind = if time.is_some() { TimexType::Time } else { TimexType::Date };
                date(kind, Spec::Weekday(weekday, which(c.get(1).map(|m| m.as_str())), time))
            },
        ),
        // Day words: "today", "yesterday", "tomorrow morning", "late yesterday", "tonight",
        // "the day before yesterday", "last night", "this morning".
        scanned(
            &any_case(&["today", "yesterday", "tomorrow", "tonight"]),
            &format!(
                r"(?i)\b(?:(?:early|late|earlier|later)\s+)?(the day before yesterday|the day after tomorrow|today|yesterday|tomorrow|tonight)(?:\s+({part_of_day}))?\b"
            ),
            |c, text| {
                let word = c[1].to_ascii_lowercase();
                // "the Today programme": a capitalised day word within a sentence is a name.
                let whole = c.get(0)?;
                if c[1].starts_with(|c: char| c.is_ascii_uppercase()) && !sentence_start(text, whole.start()) {
                    return None;
                }
                let n = match word.as_str() {
                    "the day before yesterday" => -2,
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    "the day after tomorrow" => 2,
                    _ => 0,
                };
                let time = if word == "tonight" { Some(TimeOfDay::Part(PartOfDay::Night)) } else { part(c.get(2)) };
                let kind = if time.is_some() { TimexType::Time } else { TimexType::Date };
                date(kind, Spec::Shift { unit: Unit::Day, n, anchor: Anchor::Dct, time })
            },
        ),
        scanned(
            &any_case(&["today", "yesterday", "tomorrow"]),
            &format!(
                r"(?i)\b(?:(?:early|late|earlier|later)\s+)?(?:mid-?)?({part_of_day})\s+(today|yesterday|tomorrow)\b"
            ),
            |c, _| {
                let n = match c[2].to_ascii_lowercase().as_str() {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                let time = Some(TimeOfDay::Part(lexicon::part_of_day(&c[1])?));
                date(TimexType::Time, Spec::Shift { unit: Unit::Day, n, anchor: Anchor::Dct, time })
            },
        ),
        // Times of day: "10:30 a.m.", "5 p.m. EST", "14:30 GMT", "noon", "midnight", "ten o'clock".
        rule(
            &format!(
                r"(?i)\b(\d{{1,2}})(?::(\d{{2}}))?(?::(\d{{2}}))?\s*(a\.m\.?|p\.m\.?|am\b|pm\b)(?:\s+{TIME_ZONE}\b)?"
            ),
            |c, _| {
                let mut hour: u8 = c[1].parse().ok()?;
                let minute: u8 = c.get(2).map_or(Some(0), |m| m.as_str().parse().ok())?;
                let second = c.get(3).and_then(|s| s.as_str().parse().ok());
                if hour == 0 || hour > 12 || minute > 59 {
                    return None;
                }
                let pm = c[4].to_ascii_lowercase().starts_with('p');
                if pm && hour < 12 {
                    hour += 12;
                } else if !pm && hour == 12 {
                    hour = 0;
                }
                date(TimexType::Time, Spec::Clock(TimeOfDay::Clock { hour, minute: Some(minute), second }))
            },
        ),
        // A 24-hour clock is a time with its zone ("14:30 GMT", "16:21 UK time"), after "at"
        // ("at 19:52"), or before a date ("19:52 2nd Mar 2012"); alone, "9:30" may be a score,
        // a ratio or a length.
        scanned(
            r"\d:[0-5]\d|\d{4}\s+(?:GMT|UTC)",
            &format!(
                r"(?:\b((?i:at|by|until|till|from|before|after|since))\s+)?\b(?P<t>([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(\s+{TIME_ZONE}\b|\s+(?:UK|US|[A-Z][a-z]+)\s+time\b)?)|\b(?P<z>([01]\d|2[0-3])([0-5]\d)\s+(?:GMT|UTC))\b"
            ),
            |c, text| {
                if c.name("z").is_some() {
                    let (hour, minute) = (c[8].parse().ok()?, c[9].parse().ok()?);
                    return date(
                        TimexType::Time,
                        Spec::Clock(TimeOfDay::Clock { hour, minute: Some(minute), second: None }),
                    );
                }
                let end = c.name("t")?.end();
                let rest = text[end..].trim_start_matches([' ', ',']);
                let before_date = rest.starts_with(|c: char| c.is_ascii_digit())
                    || dates::is_calendar_word(
                        rest.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or_default(),
                    );
                // "1:24" after a stop or inside brackets is a length or a score.
                let previous = text[..c.name("t")?.start()].chars().next_back();
                if c.get(6).is_none()
                    && (c.get(1).is_none() && !before_date || matches!(previous, Some('(' | ':' | '-')))
                {
                    return None;
                }
                let (hour, minute) = (c[3].parse().ok()?, c[4].parse().ok()?);
                let second = c.get(5).and_then(|s| s.as_str().parse().ok());
                date(TimexType::Time, Spec::Clock(TimeOfDay::Clock { hour, minute: Some(minute), second }))
            },
        ),
        scanned(&any_case(&["noon", "midnight", "midday"]), r"(?i)\b(noon|midnight|midday)\b", |c, _| {
            let hour = if c[1].eq_ignore_ascii_case("midnight") { 24 } else { 12 };
            date(TimexType::Time, Spec::Clock(TimeOfDay::Clock { hour, minute: Some(0), second: None }))
        }),
        scanned(&any_case(&["o'clock"]), &format!(r"(?i)\b(\d{{1,2}}|{cardinal})\s+o'clock\b"), |c, _| {
            let hour = u8::try_from(lexicon::cardinal(&c[1])?).ok().filter(|h| (1..=12).contains(h))?;
            date(TimexType::Time, Spec::Clock(TimeOfDay::Clock { hour, minute: Some(0), second: None }))
        }),
        // References to the present, the past and the future.
        scanned(
            &any_case(&["now", "currently", "moment", "present", "days", "nowadays"]),
            r"(?i)\b(?:right\s+now|now|currently|at\s+the\s+moment|at\s+present|these\s+days|nowadays|the\s+present)\b",
            |_, _| value(TimexType::Date, TimexValue::PresentRef),
        ),
        scanned(
            &any_case(&["recently", "lately", "past", "recent"]),
            r"(?i)\b(?:recently|lately|the\s+past|recent\s+(?:years|months|weeks|days|decades|times)|past\s+(?:years|decades))\b",
            |c, text| {
                // "the past" before a count or a unit is a longer expression's ("the past two years").
                let whole = c.get(0)?;
                if whole.as_str().eq_ignore_ascii_case("the past") {
                    let next = word_after(text, whole.end());
                    if lexicon::count(&next).is_some() || lexicon::unit(&next).is_some() {
                        return None;
                    }
                }
                value(TimexType::Date, TimexValue::PastRef)
            },
        ),
        scanned(
            &any_case(&["future", "coming", "later date", "years ahead"]),
            r"(?i)\b(?:the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|(?:the\s+)?coming\s+(?:years|months|weeks|days|decades|quarters)|a\s+later\s+date|the\s+years\s+ahead)\b",
            |_, _| value(TimexType::Date, TimexValue::FutureRef),
        ),
        // Durations: "five years", "a three-year", "the past two weeks", "18 months", "for years".
        scanned(
            &any_case(&lexicon::UNIT_WORDS),
            &format!(r"(?i)\b(?:{APPROXIMATE}\s+)?({count})(?:[- ]and[- ]a[- ]half)?[- ]({unit})(?:[- ]long)?\b"),
            |c, text| {
                let whole = c.get(0)?;
                let after = &text[whole.end()..];
                if after.starts_with("-old") || after.starts_with(" old") || after.starts_with("-year-old") {
                    return None;
                }
                let (unit, per) = lexicon::unit(&c[2])?;
                let amount = lexicon::count(&c[1])?.map(|n| n * per);
                // "once a week", "twice a year", "three times a day": a recurrence.
                let before = words_before(text, whole.start(), 2);
                let recurring = c[1].eq_ignore_ascii_case("a")
                    && before.first().is_some_and(|w| w == "once" || w == "twice" || w == "times");
                let kind = if recurring { TimexType::Set } else { TimexType::Duration };
                value(kind, TimexValue::Duration(Duration::of(amount, unit)))
            },
        ),
        rule(r"(?i)\bfor\s+(years|months|weeks|days|decades|hours)\b", |c, _| {
            value(TimexType::Duration, TimexValue::Duration(Duration::of(None, lexicon::unit(&c[1])?.0)))
        }),
        // Recurrences: "every week", "each Thursday", "daily", "Mondays".
        scanned(
            &any_case(&["every", "each", "per"]),
            &format!(r"(?i)\b(?:every|each|per)\s+(?:other\s+)?({unit}|{WEEKDAY})\b"),
            |c, _| {
                if let Ok(weekday) = c[1].parse::<Weekday>() {
                    let weekday = u8::try_from(weekday.number_from_monday()).ok()?;
                    return value(
                        TimexType::Set,
                        TimexValue::Day(Day::Week { year: Year::unknown(), week: None, weekday }),
                    );
                }
                let (unit, per) = lexicon::unit(&c[1])?;
                value(TimexType::Set, TimexValue::Duration(Duration::of(Some(per), unit)))
            },
        ),
        scanned(
            &any_case(&["daily", "weekly", "monthly", "quarterly", "annually", "yearly", "nightly", "hourly"]),
            r"(?i)\b(daily|weekly|monthly|quarterly|annually|yearly|nightly|hourly)\b",
            |c, _| {
                let unit = match c[1].to_ascii_lowercase().as_str() {
                    "daily" | "nightly" => Unit::Day,
                    "weekly" => Unit::Week,
                    "monthly" => Unit::Month,
                    "quarterly" => Unit::Quarter,
                    "hourly" => Unit::Hour,
                    _ => Unit::Year,
                };
                value(TimexType::Set, TimexValue::Duration(Duration::of(Some(1), unit)))
            },
        ),
        rule(&format!(r"\b({WEEKDAY})s(?:\s+((?i:{part_of_day}))s?)?\b"), |c, _| {
            let weekday: Weekday = c[1].parse().ok()?;
            let day = Day::Week {
                year: Year::unknown(),
                week: None,
                weekday: u8::try_from(weekday.number_from_monday()).ok()?,
            };
            match part(c.get(2)) {
                Some(time) => value(TimexType::Set, TimexValue::Time(day, time)),
                None => value(TimexType::Set, TimexValue::Day(day)),
            }
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_whole_pattern_compiles() {
        let mut scanned = 0;
        for rule in RULES.iter() {
            if let Some((pattern, _)) = &rule.full {
                // `compile` panics on a pattern that does not build.
                compile(pattern);
                scanned += 1;
            }
        }
        assert!(scanned > 0);
    }
}
