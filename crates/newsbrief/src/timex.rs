//! Temporal expressions: found by rules and normalised to TimeML values against the report's
//! creation date ("on Friday" in a report of Saturday 7 March 2009 is `2009-03-06`).
//!
//! Each rule is a pattern and a resolver; where matches overlap, the longest wins (then the
//! earliest). Values follow TimeML: `2009-03-06`, `2009-03`, `2009`, `2009-W10`, `2009-Q1`,
//! `2008-SU`, `198` (the 1980s), `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`,
//! `2009-03-06TEV`, `2009-03-06T19:41`, durations `P1W`, sets `P1D`. Whether a weekday or month
//! without a year lies before or after the creation date is read from the tense around it.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::{Captures, Regex};
use serde::{Deserialize, Serialize};

use crate::dates::{self, month_number};

/// What a temporal expression denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: a day, month, year, quarter, season, week.
    Date,
    /// A time of day.
    Time,
    /// A length of time.
    Duration,
    /// A recurrence.
    Set,
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte offset of its start in the text.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// Its words.
    pub text: String,
    /// What it denotes.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// Its normalised value.
    pub value: String,
}

const NUMBER_WORDS: &str =
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few|\d+)";

type Resolver = fn(&Captures<'_>, &Context) -> Option<(TimexType, String)>;

/// What resolving an expression may look at: the creation date, and whether the sentence
/// around it speaks of the future.
struct Context {
    dct: NaiveDate,
    future: bool,
    past: bool,
    /// The report speaks of quarterly results.
    quarterly: bool,
}

struct Rule {
    pattern: Regex,
    resolve: Resolver,
}

/// A rule; its pattern is compiled without Unicode classes (all its words are ASCII), which
/// makes it far quicker to build and to run.
fn rule(pattern: &str, resolve: Resolver) -> Rule {
    let ascii = format!("(?-u){pattern}");
    let pattern = Regex::new(&ascii).or_else(|_| Regex::new(pattern)).expect("valid timex pattern");
    Rule { pattern, resolve }
}

static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
    let months = format!("(?:{}|{})", dates::MONTHS.join("|"), dates::MONTH_ABBREVIATIONS.join("|"));
    let weekdays = format!("(?:{})", dates::WEEKDAYS.join("|"));
    vec![
        rule(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)", |c, _| day(num(&c[1])?, num(&c[2])?, num(&c[3])?)),
        rule(&format!(r"(?-u:\b)({months})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})(?-u:\b)"), |c, _| {
            day(num(&c[3])?, month_number(&c[1])?, num(&c[2])?)
        }),
        rule(&format!(r"(?-u:\b)(\d{{1,2}}) ({months})\.?,? (\d{{4}})(?-u:\b)"), |c, _| {
            day(num(&c[3])?, month_number(&c[2])?, num(&c[1])?)
        }),
        rule(
            &format!(r"(?-u:\b)(?:(?i:early|late|mid)[- ])?({months})\.? (\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)"),
            |c, x| {
                let month = month_number(&c[1])?;
                day(year_for_day(month, x), month, num(&c[2])?)
            },
        ),
        rule(&format!(r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?({months})(?-u:\b)"), |c, x| {
            let month = month_number(&c[2])?;
            day(year_for_day(month, x), month, num(&c[1])?)
        }),
        rule(
            &format!(r"(?-u:\b)(\d{{1,2}})(?::(\d{{2}}))? ?(?i:(a\.m\.|p\.m\.)) (?:(?i:on) )?({weekdays})(?-u:\b)"),
            |c, x| {
                let (hour, minute) = clock(&c[1], c.get(2).map(|m| m.as_str()), &c[3])?;
                let date = weekday_date(c[4].parse().ok()?, None, x);
                Some((TimexType::Time, format!("{date}T{hour:02}:{minute:02}")))
            },
        ),
        rule(&format!(r"(?-u:\b)(?i:(noon|midnight)) (?:(?i:on) )?({weekdays})(?-u:\b)"), |c, x| {
            let time = if c[1].eq_ignore_ascii_case("noon") { "12:00" } else { "24:00" };
            let date = weekday_date(c[2].parse().ok()?, None, x);
            Some((TimexType::Time, format!("{date}T{time}")))
        }),
        rule(&format!(r"(?-u:\b)(?:(?i:early|late|mid)[- ])?({months})\.?,? (\d{{4}})(?-u:\b)"), |c, _| {
            Some((TimexType::Date, format!("{}-{:02}", num::<i32>(&c[2])?, month_number(&c[1])?)))
        }),
        rule(&format!(r"(?-u:\b)(?:((?i:last|this|next|early|late|mid))[- ])?({months})(?-u:\b)"), resolve_month),
        rule(r"(?-u:\b)(?:(?i:fiscal) )?(1[5-9]\d\d|20\d\d)(?-u:\b)", |c, _| Some((TimexType::Date, c[1].to_owned()))),
        rule(r"(?-u:\b)(?i:the )?(?:(?i:early|mid|late)[- ])?(1[5-9]\d|20\d)0'?s(?-u:\b)", |c, _| {
            Some((TimexType::Date, c[1].to_owned()))
        }),
        rule(
            &format!(
                r"(?-u:\b)(?:((?i:last|this|next|on)) )?({weekdays})(?: ((?i:morning|afternoon|evening|night)))?(?-u:\b)"
            ),
            resolve_weekday,
        ),
        rule(
            r"(?-u:\b)(?i:(early|late) )?(?i:(today|yesterday|tomorrow))(?: (?i:(morning|afternoon|evening|night)))?(?-u:\b)",
            resolve_day_word,
        ),
        rule(r"(?-u:\b)(?i:this (morning|afternoon|evening)|(tonight))(?-u:\b)", |c, x| {
            let part = if c.get(2).is_some() { "NI" } else { part_of_day(&c[1])? };
            Some((TimexType::Time, format!("{}T{part}", x.dct)))
        }),
        rule(r"(?-u:\b)(?i:now|currently|right now|at the moment|these days)(?-u:\b)", |_, _| {
            Some((TimexType::Date, "PRESENT_REF".to_owned()))
        }),
        rule(r"(?-u:\b)(?i:recently|lately)(?-u:\b)", |_, _| Some((TimexType::Date, "PAST_REF".to_owned()))),
        rule(r"(?-u:\b)(?i:the future)(?-u:\b)", |_, _| Some((TimexType::Date, "FUTURE_REF".to_owned()))),
        rule(
            r"(?-u:\b)(?i:(last|this|next|the past|the coming|the current|(?:earlier|later) this|early next|late last|early this|late this)) (?i:(week|weekend|month|year|quarter|summer|winter|spring|fall|autumn))(?-u:\b)",
            resolve_relative_unit,
        ),
        rule(
            &format!(
                r"(?-u:\b)({NUMBER_WORDS})[- ](?i:(day|week|month|year|quarter))s? (?i:(ago|earlier|before|later|from now))(?-u:\b)"
            ),
            resolve_offset,
        ),
        rule(
            r"(?-u:\b)(?i:(?:the )?(?:fiscal )?(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter)(?-u:\b)",
            |c, x| {
                let quarter = match c[1].to_ascii_lowercase().as_str() {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    _ => 4,
                };
                let current = (x.dct.month0() / 3) + 1;
                let year = if quarter >= current && !x.future {
                    x.dct.year() - i32::from(quarter > current)
                } else {
                    x.dct.year()
                };
                Some((TimexType::Date, format!("{year}-Q{quarter}")))
            },
        ),
        rule(r"(?-u:\b)(?i:the (?:latest |most recent |recent )?(?:quarter|period))(?-u:\b)", |_, x| {
            let (year, quarter) = last_completed_quarter(x.dct);
            Some((TimexType::Date, format!("{year}-Q{quarter}")))
        }),
        rule(r"(?-u:\b)(?i:(?:the )?year-(?:earlier|ago)(?: (quarter|period))?)(?-u:\b)", |c, x| {
            let (year, quarter) = last_completed_quarter(x.dct);
            if c.get(1).is_some() || x.quarterly {
                Some((TimexType::Date, format!("{}-Q{quarter}", year - 1)))
            } else {
                Some((TimexType::Date, (x.dct.year() - 1).to_string()))
            }
        }),
        rule(r"(?-u:\b)(?i:year-end|the end of the year)(?-u:\b)", |_, x| {
            Some((TimexType::Date, format!("{}-12-31", x.dct.year())))
        }),
        rule(r"(?-u:\b)(?i:the weekend)(?-u:\b)", |_, x| {
            let saturday = previous_weekday(x.dct - Duration::days(1), Weekday::Sat);
            let week = saturday.iso_week();
            Some((TimexType::Date, format!("{}-W{:02}-WE", week.year(), week.week())))
        }),
        rule(r"(?-u:\b)(\d{1,2})(?::(\d{2}))? ?(?i:(a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b)))", |c, x| {
            let (hour, minute) = clock(&c[1], c.get(2).map(|m| m.as_str()), &c[3])?;
            Some((TimexType::Time, format!("{}T{hour:02}:{minute:02}", x.dct)))
        }),
        rule(r"(?-u:\b)(?i:(noon|midnight))(?-u:\b)", |c, x| {
            let time = if c[1].eq_ignore_ascii_case("noon") { "12:00" } else { "24:00" };
            Some((TimexType::Time, format!("{}T{time}", x.dct)))
        }),
        rule(
            &format!(r"(?-u:\b)({NUMBER_WORDS})[- ](?i:(hour|day|week|month|year|decade|century))s?(?-u:\b)"),
            |c, _| {
                let n = number_word(&c[1])?;
                let unit = match c[2].to_ascii_lowercase().as_str() {
                    "hour" => return Some((TimexType::Duration, format!("PT{n}H"))),
                    "day" => "D",
                    "week" => "W",
                    "month" => "M",
                    "year" => "Y",
                    "decade" => "DE",
                    _ => "CE",
                };
                Some((TimexType::Duration, format!("P{n}{unit}")))
            },
        ),
        rule(
            r"(?-u:\b)(?i:(?:every|each) (day|week|month|year)|(daily|weekly|monthly|annually|yearly))(?-u:\b)",
            |c, _| {
                let unit = c.get(1).or_else(|| c.get(2)).map(|m| m.as_str().to_ascii_lowercase())?;
                let code = match unit.as_str() {
                    "day" | "daily" => "D",
                    "week" | "weekly" => "W",
                    "month" | "monthly" => "M",
                    _ => "Y",
                };
                Some((TimexType::Set, format!("P1{code}")))
            },
        ),
    ]
});

static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#""[^"]*"|“[^”]*”"#).expect("valid regex"));
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:was|were|had|did|rose|fell|came|went|took|began|ago|last)(?-u:\b)")
        .expect("valid regex")
});
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:will|'ll|shall|going to|plans? to|scheduled|next|(?:is|are|was|were) (?:due )?to (?:be|meet|address|visit|attend|hold|start|begin|travel|arrive|sign|speak))(?-u:\b)").expect("valid regex")
});

/// The temporal expressions of `text`, resolved against the creation date `dct`.
pub fn find_timexes(text: &str, dct: NaiveDate) -> Vec<Timex> {
    // A report of quarterly results counts years by quarters ("a year ago" is that quarter).
    let quarterly = text.to_ascii_lowercase().matches("quarter").count() >= 2;
    // The tense of each sentence, read once however many expressions it holds.
    let mut tenses: rustc_hash::FxHashMap<(usize, usize), (bool, bool)> = rustc_hash::FxHashMap::default();
    let mut found: Vec<Timex> = Vec::new();
    for rule in RULES.iter() {
        for caps in rule.pattern.captures_iter(text) {
            let Some(whole) = caps.get(0) else { continue };
            let span = sentence_span(text, whole.start(), whole.end());
            let (future, past) = *tenses.entry(span).or_insert_with(|| {
                let sentence = QUOTED.replace_all(&text[span.0..span.1], " ");
                let future = FUTURE.is_match(&sentence);
                (future, !future && PAST.is_match(&sentence))
            });
            let context = Context { dct, future, past, quarterly };
            if let Some((kind, value)) = (rule.resolve)(&caps, &context) {
                found.push(Timex {
                    start: whole.start(),
                    end: whole.end(),
                    text: whole.as_str().to_owned(),
                    kind,
                    value,
                });
            }
        }
    }
    // Longest first, then earliest: keep each expression that overlaps none kept before it.
    found.sort_by(|a, b| (b.end - b.start).cmp(&(a.end - a.start)).then(a.start.cmp(&b.start)));
    let mut kept: Vec<Timex> = Vec::new();
    for timex in found {
        if kept.iter().all(|k| timex.end <= k.start || k.end <= timex.start) {
            kept.push(timex);
        }
    }
    kept.sort_by_key(|t| t.start);
    kept
}

/// The byte span of the sentence around `start..end` (up to the nearest stops or line breaks).
/// Its tense is read without the words it quotes: a quotation's tense is its speaker's.
fn sentence_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let from = text[..start].rfind(['.', '!', '?', '\n']).map_or(0, |p| p + 1);
    let to = text[end..].find(['.', '!', '?', '\n']).map_or(text.len(), |p| end + p);
    (from, to)
}

fn num<T: std::str::FromStr>(text: &str) -> Option<T> {
    text.parse().ok()
}

fn day(year: i32, month: u32, day: u32) -> Option<(TimexType, String)> {
    NaiveDate::from_ymd_opt(year, month, day).map(|d| (TimexType::Date, d.to_string()))
}

fn number_word(word: &str) -> Option<String> {
    let n = match word.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => "1",
        "two" => "2",
        "three" => "3",
        "four" => "4",
        "five" => "5",
        "six" => "6",
        "seven" => "7",
        "eight" => "8",
        "nine" => "9",
        "ten" => "10",
        "eleven" => "11",
        "twelve" => "12",
        "fifteen" => "15",
        "twenty" => "20",
        "thirty" => "30",
        "several" | "a few" => "X",
        digits if digits.chars().all(|c| c.is_ascii_digit()) => return Some(digits.to_owned()),
        _ => return None,
    };
    Some(n.to_owned())
}

fn part_of_day(word: &str) -> Option<&'static str> {
    Some(match word.to_ascii_lowercase().as_str() {
        "morning" => "MO",
        "afternoon" => "AF",
        "evening" => "EV",
        "night" => "NI",
        _ => return None,
    })
}

/// The last day on or before `from` that falls on `weekday`.
fn previous_weekday(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (7 + from.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    from - Duration::days(i64::from(back))
}

/// The first day on or after `from` that falls on `weekday`.
fn next_weekday(from: NaiveDate, weekday: Weekday) -> NaiveDate {
    let ahead = (7 + weekday.num_days_from_monday() - from.weekday().num_days_from_monday()) % 7;
    from + Duration::days(i64::from(ahead))
}

/// The last quarter that ended before `dct`: year and quarter number.
fn last_completed_quarter(dct: NaiveDate) -> (i32, u32) {
    let current = dct.month0() / 3 + 1;
    if current == 1 {
        (dct.year() - 1, 4)
    } else {
        (dct.year(), current - 1)
    }
}

fn resolve_month(c: &Captures<'_>, x: &Context) -> Option<(TimexType, String)> {
    let name = &c[2];
    // "may" and "march" are words too: only the capitalised month counts.
    if !name.starts_with(char::is_uppercase) {
        return None;
    }
    let month = month_number(name)?;
    let modifier = c.get(1).map(|m| m.as_str().to_ascii_lowercase());
    let year = year_for_month(month, modifier.as_deref(), x);
    Some((TimexType::Date, format!("{year}-{month:02}")))
}

/// The year of a day named without one ("Dec. 7"): the report's year, or the next when the
/// sentence speaks of the future and the month is already past.
fn year_for_day(month: u32, x: &Context) -> i32 {
    x.dct.year() + i32::from(x.future && month < x.dct.month())
}

/// The year of a month named without one: "last" and past tense look back, "next" and future
/// tense look ahead, and otherwise it is the report's year.
fn year_for_month(month: u32, modifier: Option<&str>, x: &Context) -> i32 {
    let year = x.dct.year();
    match modifier {
        Some("last") => year - i32::from(month >= x.dct.month()),
        Some("next") => year + i32::from(month <= x.dct.month()),
        Some("this") => year,
        _ if x.future => year + i32::from(month < x.dct.month()),
        _ if x.past => year - i32::from(month > x.dct.month()),
        _ => year,
    }
}

/// Hour and minute of a clock time ("7:41", "p.m."), or `None` when it is no time of day.
fn clock(hour: &str, minute: Option<&str>, half: &str) -> Option<(u32, u32)> {
    let mut hour: u32 = num(hour)?;
    let minute: u32 = minute.map_or(Some(0), |m| m.parse().ok())?;
    let pm = half.to_ascii_lowercase().starts_with('p');
    if hour > 12 || minute > 59 {
        return None;
    }
    if pm && hour < 12 {
        hour += 12;
    } else if !pm && hour == 12 {
        hour = 0;
    }
    Some((hour, minute))
}

/// The day a weekday names: "last" and "next" as said, else by tense (the report's own day
/// when it falls on that weekday).
fn weekday_date(weekday: Weekday, modifier: Option<&str>, x: &Context) -> NaiveDate {
    match modifier {
        Some("last") => previous_weekday(x.dct - Duration::days(1), weekday),
        Some("next") => next_weekday(x.dct + Duration::days(1), weekday),
        _ if x.future => next_weekday(x.dct, weekday),
        _ => previous_weekday(x.dct, weekday),
    }
}

fn resolve_weekday(c: &Captures<'_>, x: &Context) -> Option<(TimexType, String)> {
    let weekday: Weekday = c[2].parse().ok()?;
    let modifier = c.get(1).map(|m| m.as_str().to_ascii_lowercase());
    let date = weekday_date(weekday, modifier.as_deref(), x);
    match c.get(3).and_then(|p| part_of_day(p.as_str())) {
        Some(part) => Some((TimexType::Time, format!("{date}T{part}"))),
        None => Some((TimexType::Date, date.to_string())),
    }
}

// Every resolver has the signature of `Resolver`, whether or not it can fail.
#[allow(clippy::unnecessary_wraps)]
fn resolve_day_word(c: &Captures<'_>, x: &Context) -> Option<(TimexType, String)> {
    let date = match c[2].to_ascii_lowercase().as_str() {
        "yesterday" => x.dct - Duration::days(1),
        "tomorrow" => x.dct + Duration::days(1),
        _ => x.dct,
    };
    if c[2].eq_ignore_ascii_case("tonight") {
        return Some((TimexType::Time, format!("{date}TNI")));
    }
    match c.get(3).and_then(|p| part_of_day(p.as_str())) {
        Some(part) => Some((TimexType::Time, format!("{date}T{part}"))),
        None => Some((TimexType::Date, date.to_string())),
    }
}

// Every resolver has the signature of `Resolver`, whether or not it can fail.
#[allow(clippy::unnecessary_wraps)]
fn resolve_relative_unit(c: &Captures<'_>, x: &Context) -> Option<(TimexType, String)> {
    let modifier = c[1].to_ascii_lowercase();
    let unit = c[2].to_ascii_lowercase();
    let back = modifier.contains("last") || modifier == "the past";
    let ahead = modifier.contains("next") || modifier == "the coming";
    let shift = i32::from(ahead) - i32::from(back);
    let dct = x.dct;
    let value = match unit.as_str() {
        "week" => {
            let week = (dct + Duration::weeks(i64::from(shift))).iso_week();
            format!("{}-W{:02}", week.year(), week.week())
        }
        "weekend" => {
            let saturday = match shift {
                -1 => previous_weekday(dct - Duration::days(1), Weekday::Sat),
                1 => next_weekday(dct + Duration::days(1), Weekday::Sat),
                _ => next_weekday(dct, Weekday::Sat),
            };
            let week = saturday.iso_week();
            format!("{}-W{:02}-WE", week.year(), week.week())
        }
        "month" => {
            let months = dct.year() * 12 + i32::try_from(dct.month0()).unwrap_or(0) + shift;
            format!("{}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1)
        }
        "year" if shift < 0 => year_before(x),
        "year" => (dct.year() + shift).to_string(),
        "quarter" => {
            let quarters = dct.year() * 4 + i32::try_from(dct.month0() / 3).unwrap_or(0) + shift;
            format!("{}-Q{}", quarters.div_euclid(4), quarters.rem_euclid(4) + 1)
        }
        season => {
            let code = match season {
                "summer" => "SU",
                "winter" => "WI",
                "spring" => "SP",
                _ => "FA",
            };
            let year = dct.year() + shift;
            // "Last summer" in a report of the winter after it is this calendar year's summer.
            let year =
                if shift < 0 && code != "WI" && season_start_month(code) < dct.month() { year + 1 } else { year };
            format!("{year}-{code}")
        }
    };
    Some((TimexType::Date, value))
}

fn season_start_month(code: &str) -> u32 {
    match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// A year before the report, as a year, or as the same quarter a year before when the sentence
/// speaks of quarterly results.
fn year_before(x: &Context) -> String {
    if x.quarterly {
        let (year, quarter) = last_completed_quarter(x.dct);
        format!("{}-Q{quarter}", year - 1)
    } else {
        (x.dct.year() - 1).to_string()
    }
}

fn resolve_offset(c: &Captures<'_>, x: &Context) -> Option<(TimexType, String)> {
    let n: i64 = match number_word(&c[1])?.as_str() {
        "X" => return Some((TimexType::Date, "PAST_REF".to_owned())),
        n => n.parse().ok()?,
    };
    let direction = if matches!(c[3].to_ascii_lowercase().as_str(), "later" | "from now") { 1 } else { -1 };
    let dct = x.dct;
    let value = match c[2].to_ascii_lowercase().as_str() {
        "day" => (dct + Duration::days(direction * n)).to_string(),
        "week" => {
            let week = (dct + Duration::weeks(direction * n)).iso_week();
            format!("{}-W{:02}", week.year(), week.week())
        }
        "month" => {
            let months = i64::from(dct.year()) * 12 + i64::from(dct.month0()) + direction * n;
            format!("{}-{:02}", months.div_euclid(12), months.rem_euclid(12) + 1)
        }
        "quarter" => {
            let quarters = i64::from(dct.year()) * 4 + i64::from(dct.month0() / 3) + direction * n;
            format!("{}-Q{}", quarters.div_euclid(4), quarters.rem_euclid(4) + 1)
        }
        _ if n == 1 && direction < 0 => year_before(x),
        _ => (i64::from(dct.year()) + direction * n).to_string(),
    };
    Some((TimexType::Date, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, dct: &str, expect: &[(&str, &str)]) {
        let dct: NaiveDate = dct.parse().unwrap();
        let got: Vec<(String, String)> = find_timexes(text, dct).into_iter().map(|t| (t.text, t.value)).collect();
        let expect: Vec<(String, String)> = expect.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect();
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn weekdays_against_the_report_date() {
        // A report of Saturday 7 March 2009.
        check("Lavrov and Clinton said Friday they agreed.", "2009-03-07", &[("Friday", "2009-03-06")]);
        check("They will meet on Monday.", "2009-03-07", &[("on Monday", "2009-03-09")]);
        check("The talks ended last Tuesday.", "2009-03-07", &[("last Tuesday", "2009-03-03")]);
    }

    #[test]
    fn dates_months_years_and_seasons() {
        check("It expires on 5 December.", "2009-03-06", &[("5 December", "2009-12-05")]);
        check("The treaty expires in December.", "2009-05-07", &[("December", "2009-12")]);
        check("Prices rose in October.", "1998-01-08", &[("October", "1997-10")]);
        check(
            "Talks are set for Jan. 26 and March 07, 2009.",
            "2011-01-13",
            &[("Jan. 26", "2011-01-26"), ("March 07, 2009", "2009-03-07")],
        );
        check("Russia invaded Georgia last summer.", "2009-05-07", &[("last summer", "2008-SU")]);
        check(
            "He arrived last month, in August 1988.",
            "1990-08-15",
            &[("last month", "1990-07"), ("August 1988", "1988-08")],
        );
        check("the 1980s and fiscal 1989", "1990-01-01", &[("the 1980s", "198"), ("fiscal 1989", "1989")]);
    }

    #[test]
    fn relative_days_quarters_and_references() {
        check(
            "Shares fell yesterday and now trade lower.",
            "1998-01-08",
            &[("yesterday", "1998-01-07"), ("now", "PRESENT_REF")],
        );
        check(
            "Third-quarter profit rose from a year earlier; the quarter was strong.",
            "1989-11-02",
            &[("Third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3"), ("the quarter", "1989-Q3")],
        );
        check("Profit rose from a year earlier.", "1989-11-02", &[("a year earlier", "1988")]);
        check(
            "Third-quarter profit rose. Sales were flat from a year earlier.",
            "1989-11-02",
            &[("Third-quarter", "1989-Q3"), ("a year earlier", "1988")],
        );
        check(
            "Sales in the latest quarter rose; two years ago they fell.",
            "1989-11-02",
            &[("the latest quarter", "1989-Q3"), ("two years ago", "1987")],
        );
        check(
            "at 7:41 PM this evening",
            "2009-05-07",
            &[("7:41 PM", "2009-05-07T19:41"), ("this evening", "2009-05-07TEV")],
        );
        check("for five years, every week", "2009-05-07", &[("five years", "P5Y"), ("every week", "P1W")]);
        check("The new week begins; we may go in May.", "2009-03-01", &[("May", "2009-05")]);
        check("The treaty was signed in May.", "2009-03-01", &[("May", "2008-05")]);
    }
}
