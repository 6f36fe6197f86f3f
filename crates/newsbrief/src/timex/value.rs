//! [`TimexValue`]: a TimeML value as a type. It is written and read as the TimeML string
//! (`Display` and `FromStr`, and serde as that string), and tells the calendar what it covers:
//! its [`Granularity`], its [`day_range`](TimexValue::day_range), and a chronological order.
//!
//! The forms are those TimeML writes for dates, times and durations: `2009-03-06`, `2009-03`,
//! `2009`, `199` (the 1990s), `19` (the 1900s), `2009-W10`, `2009-W10-WE`, `2009-Q1`,
//! `2009-H2`, `2008-SU`, `2009-03-06T19:41`, `2009-03-06TEV`, `P3Y`, `PT2H30M`, `PRESENT_REF`,
//! `PAST_REF`, `FUTURE_REF`, and any digit or field unknown as `X` (`XXXX-12-25`, `199X`,
//! `1998-WXX`, `XXXX-WXX-2TNI`, `PXY`). A recurrence (TimeML's SET type) is written in one of
//! these forms too (`P1W` weekly, `XXXX-WXX-1` on Mondays): its type says it recurs, not its value.
//! Any other string of TimeML's alphabet is kept as written ([`TimexValue::Other`]).

use std::cmp::Ordering;
use std::fmt::{self, Write as _};
use std::str::FromStr;

use chrono::{Datelike, Duration as Days, NaiveDate, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// `N` decimal digits of a year, a decade or a century, each known or unknown (`X`): `1998`,
/// `199X`, `XXXX`; `199` is the decade of the 1990s, `19` the century of the 1900s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Digits<const N: usize>(pub [Option<u8>; N]);

/// The four digits of a year.
pub type Year = Digits<4>;

impl<const N: usize> Digits<N> {
    /// The digits of `number` (its last `N` digits), all known.
    pub fn known(number: u32) -> Self {
        let mut digits = [None; N];
        let mut rest = number;
        for digit in digits.iter_mut().rev() {
            // A remainder by ten fits a byte.
            *digit = Some(u8::try_from(rest % 10).unwrap_or(0));
            rest /= 10;
        }
        Digits(digits)
    }

    /// All digits unknown.
    pub const fn unknown() -> Self {
        Digits([None; N])
    }

    /// The number the digits write, when every one is known.
    pub fn number(self) -> Option<u32> {
        self.0.iter().try_fold(0u32, |n, d| d.map(|d| n * 10 + u32::from(d)))
    }

    fn write(self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        for digit in self.0 {
            out.write_char(digit.map_or('X', |d| char::from(b'0' + d % 10)))?;
        }
        Ok(())
    }

    fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != N {
            return None;
        }
        let mut digits = [None; N];
        for (digit, &b) in digits.iter_mut().zip(bytes) {
            *digit = match b {
                b'0'..=b'9' => Some(b - b'0'),
                b'X' => None,
                _ => return None,
            };
        }
        Some(Digits(digits))
    }
}

impl Year {
    /// The year as a calendar year, when all its digits are known.
    pub fn calendar(self) -> Option<i32> {
        self.number().and_then(|n| i32::try_from(n).ok())
    }

    /// The year of a calendar year from 0 to 9999.
    pub fn of(year: i32) -> Option<Self> {
        u32::try_from(year).ok().filter(|&y| y <= 9999).map(Self::known)
    }
}

/// A season, as TimeML writes it (`SP`, `SU`, `FA`, `WI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Fall,
    /// December to February (the winter of 1998 begins in December 1998).
    Winter,
}

impl Season {
    const CODES: [(Season, &'static str); 4] =
        [(Season::Spring, "SP"), (Season::Summer, "SU"), (Season::Fall, "FA"), (Season::Winter, "WI")];

    fn code(self) -> &'static str {
        Self::CODES.iter().find(|(s, _)| *s == self).map_or("", |(_, c)| c)
    }

    /// The month it begins in.
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A part of the day, as TimeML writes it (`MO`, `MI`, `AF`, `EV`, `NI`, `DT`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartOfDay {
    /// The morning.
    Morning,
    /// Midday.
    Midday,
    /// The afternoon.
    Afternoon,
    /// The evening.
    Evening,
    /// The night.
    Night,
    /// The daytime.
    Daytime,
}

impl PartOfDay {
    const CODES: [(PartOfDay, &'static str); 6] = [
        (PartOfDay::Morning, "MO"),
        (PartOfDay::Midday, "MI"),
        (PartOfDay::Afternoon, "AF"),
        (PartOfDay::Evening, "EV"),
        (PartOfDay::Night, "NI"),
        (PartOfDay::Daytime, "DT"),
    ];

    fn code(self) -> &'static str {
        Self::CODES.iter().find(|(p, _)| *p == self).map_or("", |(_, c)| c)
    }
}

/// The time of a day: a clock time (`19:41`, `19:41:05`, `19`) or a part of the day (`EV`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    /// Hour (0 to 24), with minute and second when given.
    Clock {
        /// The hour, 0 to 24.
        hour: u8,
        /// The minute, when given.
        minute: Option<u8>,
        /// The second, when given (only with a minute).
        second: Option<u8>,
    },
    /// A part of the day.
    Part(PartOfDay),
}

/// A day: a calendar date (`2009-03-06`, `XXXX-12-25`, `1998-XX-XX`) or a day of an ISO week
/// (`2009-W10-5`, `XXXX-WXX-2`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Day {
    /// A calendar date; month and day may be unknown.
    Date {
        /// The year.
        year: Year,
        /// The month (1 to 12), when known.
        month: Option<u8>,
        /// The day of the month, when known.
        day: Option<u8>,
    },
    /// A day of an ISO week; the week may be unknown.
    Week {
        /// The ISO week-numbering year.
        year: Year,
        /// The ISO week (1 to 53), when known.
        week: Option<u8>,
        /// The day of the week, 1 (Monday) to 7 (Sunday).
        weekday: u8,
    },
}

impl Day {
    /// The calendar day it names, when it names one.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Day::Date { year, month, day } => {
                NaiveDate::from_ymd_opt(year.calendar()?, u32::from(month?), u32::from(day?))
            }
            Day::Week { year, week, weekday } => {
                let weekday = Weekday::try_from(weekday.checked_sub(1)?).ok()?;
                NaiveDate::from_isoywd_opt(year.calendar()?, u32::from(week?), weekday)
            }
        }
    }

    /// The day of a calendar date.
    pub fn of(date: NaiveDate) -> Option<Self> {
        Some(Day::Date {
            year: Year::of(date.year())?,
            month: u8::try_from(date.month()).ok(),
            day: u8::try_from(date.day()).ok(),
        })
    }
}

/// A unit of a duration, as TimeML writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// `ML`.
    Millennium,
    /// `CE`.
    Century,
    /// `DE`.
    Decade,
    /// `Y`.
    Year,
    /// `Q`.
    Quarter,
    /// `M` before `T`.
    Month,
    /// `W`.
    Week,
    /// `WE`.
    Weekend,
    /// `D`.
    Day,
    /// `H` (after `T`).
    Hour,
    /// `M` after `T`.
    Minute,
    /// `S` (after `T`).
    Second,
}

impl Unit {
    const DATE_CODES: [(Unit, &'static str); 9] = [
        (Unit::Millennium, "ML"),
        (Unit::Century, "CE"),
        (Unit::Decade, "DE"),
        (Unit::Year, "Y"),
        (Unit::Quarter, "Q"),
        (Unit::Month, "M"),
        (Unit::Weekend, "WE"),
        (Unit::Week, "W"),
        (Unit::Day, "D"),
    ];
    const TIME_CODES: [(Unit, &'static str); 3] = [(Unit::Hour, "H"), (Unit::Minute, "M"), (Unit::Second, "S")];

    /// True for the units written after `T`.
    pub fn is_time(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }

    fn code(self) -> &'static str {
        let codes = if self.is_time() { &Self::TIME_CODES[..] } else { &Self::DATE_CODES[..] };
        codes.iter().find(|(u, _)| *u == self).map_or("", |(_, c)| c)
    }
}

/// A length of time: amounts of units (`P1Y6M`, `PT2H30M`), an amount unknown as `X` (`PXY`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Duration {
    /// The amounts, each with its unit: the date units first, then the time units.
    pub parts: Vec<(Option<u32>, Unit)>,
}

impl Duration {
    /// `amount` of one unit (`None`: an unknown amount).
    pub fn of(amount: Option<u32>, unit: Unit) -> Self {
        Duration { parts: vec![(amount, unit)] }
    }
}

/// How fine a value is, from the coarsest to the finest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Granularity {
    /// A century.
    Century,
    /// A decade.
    Decade,
    /// A year.
    Year,
    /// Half a year.
    Half,
    /// A quarter.
    Quarter,
    /// A season.
    Season,
    /// A month.
    Month,
    /// A week or a weekend.
    Week,
    /// A day.
    Day,
    /// A time of day.
    Time,
}

/// A TimeML value (see the module documentation for its forms).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum TimexValue {
    /// A century: `19` is 1900 to 1999.
    Century(Digits<2>),
    /// A decade: `199` is 1990 to 1999.
    Decade(Digits<3>),
    /// A year: `1998`, `199X`.
    Year(Year),
    /// Half a year: `1998-H1` (half 1 or 2, or unknown).
    Half(Year, Option<u8>),
    /// A quarter: `1998-Q3`, `1998-QX`.
    Quarter(Year, Option<u8>),
    /// A season: `1998-SU`.
    Season(Year, Season),
    /// A month: `1998-01`, `1998-XX`.
    Month(Year, Option<u8>),
    /// An ISO week: `1998-W02`, `1998-WXX`.
    Week(Year, Option<u8>),
    /// The weekend of an ISO week: `1998-W02-WE`.
    Weekend(Year, Option<u8>),
    /// A day: `1998-01-08`, `XXXX-12-25`, `XXXX-WXX-1`.
    Day(Day),
    /// A time of a day: `1998-01-08T10:30`, `1998-01-08TEV`, `XXXX-WXX-2TNI`.
    Time(Day, TimeOfDay),
    /// A length of time: `P3Y`, `PT2H`, `PXM`.
    Duration(Duration),
    /// The present.
    PresentRef,
    /// Some time in the past.
    PastRef,
    /// Some time in the future.
    FutureRef,
    /// Any other value of TimeML's alphabet (capitals, digits, `-`, `:`, `.`, `_`), as written.
    Other(String),
}

/// A string that is no TimeML value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a TimeML value: {0:?}")]
pub struct ParseTimexValueError(String);

impl TimexValue {
    /// The day of a calendar date.
    pub fn day(date: NaiveDate) -> Option<Self> {
        Day::of(date).map(TimexValue::Day)
    }

    /// How fine it is; `None` for durations, references and other values.
    pub fn granularity(&self) -> Option<Granularity> {
        Some(match self {
            TimexValue::Century(_) => Granularity::Century,
            TimexValue::Decade(_) => Granularity::Decade,
            TimexValue::Year(_) => Granularity::Year,
            TimexValue::Half(..) => Granularity::Half,
            TimexValue::Quarter(..) => Granularity::Quarter,
            TimexValue::Season(..) => Granularity::Season,
            TimexValue::Month(..) => Granularity::Month,
            TimexValue::Week(..) | TimexValue::Weekend(..) => Granularity::Week,
            TimexValue::Day(_) => Granularity::Day,
            TimexValue::Time(..) => Granularity::Time,
            _ => return None,
        })
    }

    /// The first and last day it covers, when it is a fully known point or period of the
    /// calendar (a time of day covers its day); `None` for durations, references and values with
    /// an unknown field.
    pub fn day_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let years = |first: u32, count: u32| -> Option<(NaiveDate, NaiveDate)> {
            let first = i32::try_from(first).ok()?;
            let last = first + i32::try_from(count).ok()? - 1;
            Some((NaiveDate::from_ymd_opt(first, 1, 1)?, NaiveDate::from_ymd_opt(last, 12, 31)?))
        };
        let months = |year: Year, first: u32, count: u32| -> Option<(NaiveDate, NaiveDate)> {
            let year = year.calendar()?;
            let start = NaiveDate::from_ymd_opt(year, first, 1)?;
            let end = start.checked_add_months(chrono::Months::new(count))? - Days::days(1);
            Some((start, end))
        };
        match self {
            TimexValue::Century(digits) => years(digits.number()? * 100, 100),
            TimexValue::Decade(digits) => years(digits.number()? * 10, 10),
            TimexValue::Year(year) => years(year.number()?, 1),
            TimexValue::Half(year, half) => months(*year, u32::from(half.filter(|h| (1..=2).contains(h))?) * 6 - 5, 6),
            TimexValue::Quarter(year, q) => months(*year, u32::from(q.filter(|q| (1..=4).contains(q))?) * 3 - 2, 3),
            TimexValue::Season(year, season) => months(*year, season.first_month(), 3),
            TimexValue::Month(year, month) => months(*year, u32::from((*month)?), 1),
            TimexValue::Week(year, week) | TimexValue::Weekend(year, week) => {
                let monday = NaiveDate::from_isoywd_opt(year.calendar()?, u32::from((*week)?), Weekday::Mon)?;
                if matches!(self, TimexValue::Weekend(..)) {
                    Some((monday + Days::days(5), monday + Days::days(6)))
                } else {
                    Some((monday, monday + Days::days(6)))
                }
            }
            TimexValue::Day(day) | TimexValue::Time(day, _) => day.date().map(|d| (d, d)),
            _ => None,
        }
    }

    /// The value without its time of day: a time's day, anything else as it is.
    #[must_use]
    pub fn without_time(&self) -> TimexValue {
        match self {
            TimexValue::Time(day, _) => TimexValue::Day(*day),
            other => other.clone(),
        }
    }

    /// True when every field is known (no `X`): a fully specified date, time or duration.
    pub fn is_specified(&self) -> bool {
        match self {
            TimexValue::Duration(d) => d.parts.iter().all(|(amount, _)| amount.is_some()),
            TimexValue::PresentRef | TimexValue::PastRef | TimexValue::FutureRef | TimexValue::Other(_) => false,
            other => other.day_range().is_some(),
        }
    }

    /// Where it stands in the chronological order: calendar values by their first day, the
    /// longer first; everything else after them.
    fn position(&self) -> (u8, Option<NaiveDate>, Option<std::cmp::Reverse<NaiveDate>>) {
        match self.day_range() {
            Some((first, last)) => (0, Some(first), Some(std::cmp::Reverse(last))),
            None => (1, None, None),
        }
    }

    /// The variant's place in the declaration, which breaks ties between equal strings.
    fn rank(&self) -> u8 {
        match self {
            TimexValue::Century(_) => 0,
            TimexValue::Decade(_) => 1,
            TimexValue::Year(_) => 2,
            TimexValue::Half(..) => 3,
            TimexValue::Quarter(..) => 4,
            TimexValue::Season(..) => 5,
            TimexValue::Month(..) => 6,
            TimexValue::Week(..) => 7,
            TimexValue::Weekend(..) => 8,
            TimexValue::Day(_) => 9,
            TimexValue::Time(..) => 10,
            TimexValue::Duration(_) => 11,
            TimexValue::PresentRef => 12,
            TimexValue::PastRef => 13,
            TimexValue::FutureRef => 14,
            TimexValue::Other(_) => 15,
        }
    }
}

/// Chronological: calendar values by their first day, a longer period before a shorter one
/// that begins the same day (`2009` < `2009-03` < `2009-03-01` < `2009-03-01T10:00` <
/// `2009-03-02`); then, after all of them, the rest by their TimeML strings.
impl Ord for TimexValue {
    fn cmp(&self, other: &Self) -> Ordering {
        self.position()
            .cmp(&other.position())
            .then_with(|| self.to_string().cmp(&other.to_string()))
            .then_with(|| self.rank().cmp(&other.rank()))
    }
}

impl PartialOrd for TimexValue {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

fn write_two(out: &mut fmt::Formatter<'_>, value: Option<u8>) -> fmt::Result {
    match value {
        Some(v) => write!(out, "{v:02}"),
        None => out.write_str("XX"),
    }
}

fn write_day(out: &mut fmt::Formatter<'_>, day: &Day) -> fmt::Result {
    match *day {
        Day::Date { year, month, day } => {
            year.write(out)?;
            out.write_char('-')?;
            write_two(out, month)?;
            out.write_char('-')?;
            write_two(out, day)
        }
        Day::Week { year, week, weekday } => {
            year.write(out)?;
            out.write_str("-W")?;
            write_two(out, week)?;
            write!(out, "-{weekday}")
        }
    }
}

impl fmt::Display for TimexValue {
    fn fmt(&self, out: &mut fmt::Formatter<'_>) -> fmt::Result {
        let one = |out: &mut fmt::Formatter<'_>, value: Option<u8>| match value {
            Some(v) => write!(out, "{v}"),
            None => out.write_char('X'),
        };
        match self {
            TimexValue::Century(digits) => digits.write(out),
            TimexValue::Decade(digits) => digits.write(out),
            TimexValue::Year(year) => year.write(out),
            TimexValue::Half(year, half) => {
                year.write(out)?;
                out.write_str("-H")?;
                one(out, *half)
            }
            TimexValue::Quarter(year, quarter) => {
                year.write(out)?;
                out.write_str("-Q")?;
                one(out, *quarter)
            }
            TimexValue::Season(year, season) => {
                year.write(out)?;
                write!(out, "-{}", season.code())
            }
            TimexValue::Month(year, month) => {
                year.write(out)?;
                out.write_char('-')?;
                write_two(out, *month)
            }
            TimexValue::Week(year, week) | TimexValue::Weekend(year, week) => {
                year.write(out)?;
                out.write_str("-W")?;
                write_two(out, *week)?;
                if matches!(self, TimexValue::Weekend(..)) {
                    out.write_str("-WE")?;
                }
                Ok(())
            }
            TimexValue::Day(day) => write_day(out, day),
            TimexValue::Time(day, time) => {
                write_day(out, day)?;
                out.write_char('T')?;
                match *time {
                    TimeOfDay::Clock { hour, minute, second } => {
                        write!(out, "{hour:02}")?;
                        if let Some(minute) = minute {
                            write!(out, ":{minute:02}")?;
                            if let Some(second) = second {
                                write!(out, ":{second:02}")?;
                            }
                        }
                        Ok(())
                    }
                    TimeOfDay::Part(part) => out.write_str(part.code()),
                }
            }
            TimexValue::Duration(duration) => {
                out.write_char('P')?;
                let mut in_time = false;
                for &(amount, unit) in &duration.parts {
                    if unit.is_time() && !in_time {
                        out.write_char('T')?;
                        in_time = true;
                    }
                    match amount {
                        Some(n) => write!(out, "{n}")?,
                        None => out.write_char('X')?,
                    }
                    out.write_str(unit.code())?;
                }
                Ok(())
            }
            TimexValue::PresentRef => out.write_str("PRESENT_REF"),
            TimexValue::PastRef => out.write_str("PAST_REF"),
            TimexValue::FutureRef => out.write_str("FUTURE_REF"),
            TimexValue::Other(text) => out.write_str(text),
        }
    }
}

/// Two digits (or `XX`) within `low..=high`: `Some(None)` for `XX`, `None` for neither.
// The inner `None` is a field TimeML writes as `X`, the outer one no field of this form.
#[allow(clippy::option_option)]
fn two(text: &str, low: u8, high: u8) -> Option<Option<u8>> {
    match text {
        "XX" => Some(None),
        _ if text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()) => {
            let n: u8 = text.parse().ok()?;
            (low..=high).contains(&n).then_some(Some(n))
        }
        _ => None,
    }
}

/// One digit (or `X`) within `low..=high`: `Some(None)` for `X`, `None` for neither.
#[allow(clippy::option_option)]
fn one(text: &str, low: u8, high: u8) -> Option<Option<u8>> {
    match text.as_bytes() {
        [b'X'] => Some(None),
        [d @ b'0'..=b'9'] if (low..=high).contains(&(d - b'0')) => Some(Some(d - b'0')),
        _ => None,
    }
}

fn parse_day(text: &str) -> Option<Day> {
    let (year, rest) = (Year::parse(text.get(..4)?)?, text.get(4..)?);
    if let Some(rest) = rest.strip_prefix("-W") {
        let (week, weekday) = rest.split_once('-')?;
        let week = two(week, 1, 53)?;
        let weekday = one(weekday, 1, 7)??;
        return Some(Day::Week { year, week, weekday });
    }
    let rest = rest.strip_prefix('-')?;
    let (month, day) = rest.split_once('-')?;
    let (month, day) = (two(month, 1, 12)?, two(day, 1, 31)?);
    // A fully known date must exist.
    if let (Some(y), Some(m), Some(d)) = (year.calendar(), month, day) {
        NaiveDate::from_ymd_opt(y, u32::from(m), u32::from(d))?;
    }
    Some(Day::Date { year, month, day })
}

fn parse_time(text: &str) -> Option<TimeOfDay> {
    if let Some(&(part, _)) = PartOfDay::CODES.iter().find(|(_, code)| *code == text) {
        return Some(TimeOfDay::Part(part));
    }
    let mut fields = text.split(':');
    let hour = two(fields.next()?, 0, 24)??;
    let minute = fields.next().map(|m| two(m, 0, 59)).map_or(Some(None), |m| m.flatten().map(Some))?;
    let second = fields.next().map(|s| two(s, 0, 60)).map_or(Some(None), |s| s.flatten().map(Some))?;
    if fields.next().is_some() || (hour == 24 && minute.unwrap_or(0) + second.unwrap_or(0) > 0) {
        return None;
    }
    Some(TimeOfDay::Clock { hour, minute, second })
}

fn parse_duration(text: &str) -> Option<Duration> {
    let body = text.strip_prefix('P')?;
    let (date, time) = match body.split_once('T') {
        Some((date, time)) => (date, Some(time)),
        None => (body, None),
    };
    let mut parts = Vec::new();
    for (section, codes) in [(Some(date), &Unit::DATE_CODES[..]), (time, &Unit::TIME_CODES[..])] {
        let Some(mut rest) = section else { continue };
        if section == time && rest.is_empty() {
            return None;
        }
        while !rest.is_empty() {
            let amount_len =
                if rest.starts_with('X') { 1 } else { rest.bytes().take_while(u8::is_ascii_digit).count() };
            if amount_len == 0 {
                return None;
            }
            let amount = match &rest[..amount_len] {
                "X" => None,
                digits if digits.len() > 1 && digits.starts_with('0') => return None,
                digits => Some(digits.parse().ok()?),
            };
            rest = &rest[amount_len..];
            let &(unit, code) = codes.iter().find(|(_, code)| rest.starts_with(code))?;
            parts.push((amount, unit));
            rest = &rest[code.len()..];
        }
    }
    (!parts.is_empty()).then_some(Duration { parts })
}

fn parse_value(text: &str) -> Option<TimexValue> {
    match text {
        "PRESENT_REF" => return Some(TimexValue::PresentRef),
        "PAST_REF" => return Some(TimexValue::PastRef),
        "FUTURE_REF" => return Some(TimexValue::FutureRef),
        _ => {}
    }
    if text.starts_with('P') {
        return parse_duration(text).map(TimexValue::Duration);
    }
    match text.len() {
        2 => return Digits::parse(text).map(TimexValue::Century),
        3 => return Digits::parse(text).map(TimexValue::Decade),
        4 => return Digits::parse(text).map(TimexValue::Year),
        _ => {}
    }
    if let Some((day, time)) = text.split_once('T') {
        return Some(TimexValue::Time(parse_day(day)?, parse_time(time)?));
    }
    let year = Year::parse(text.get(..4)?)?;
    let rest = text.get(4..)?.strip_prefix('-')?;
    if let Some(half) = rest.strip_prefix('H') {
        return Some(TimexValue::Half(year, one(half, 1, 2)?));
    }
    if let Some(quarter) = rest.strip_prefix('Q') {
        return Some(TimexValue::Quarter(year, one(quarter, 1, 4)?));
    }
    if let Some(&(season, _)) = Season::CODES.iter().find(|(_, code)| *code == rest) {
        return Some(TimexValue::Season(year, season));
    }
    if let Some(week) = rest.strip_prefix('W') {
        if let Some(week) = week.strip_suffix("-WE") {
            return Some(TimexValue::Weekend(year, two(week, 1, 53)?));
        }
        if week.len() == 2 {
            return Some(TimexValue::Week(year, two(week, 1, 53)?));
        }
        return parse_day(text).map(TimexValue::Day);
    }
    if rest.len() == 2 {
        return Some(TimexValue::Month(year, two(rest, 1, 12)?));
    }
    parse_day(text).map(TimexValue::Day)
}

impl FromStr for TimexValue {
    type Err = ParseTimexValueError;

    /// Reads a TimeML value; a string of TimeML's alphabet in no form this type models is kept
    /// as [`TimexValue::Other`], and anything else (empty, lowercase, spaces) is an error.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        if let Some(value) = parse_value(text) {
            return Ok(value);
        }
        let alphabet = |b: u8| b.is_ascii_uppercase() || b.is_ascii_digit() || matches!(b, b'-' | b':' | b'.' | b'_');
        if !text.is_empty() && text.bytes().all(alphabet) {
            Ok(TimexValue::Other(text.to_owned()))
        } else {
            Err(ParseTimexValueError(text.to_owned()))
        }
    }
}

/// Compares what is written to it with a string, without building the written string.
struct SameAs<'a> {
    rest: &'a str,
    same: bool,
}

impl fmt::Write for SameAs<'_> {
    fn write_str(&mut self, piece: &str) -> fmt::Result {
        match self.rest.strip_prefix(piece) {
            Some(rest) if self.same => self.rest = rest,
            _ => self.same = false,
        }
        Ok(())
    }
}

/// A value equals the TimeML string it is written as (`value == "2009-03-06"`).
impl PartialEq<str> for TimexValue {
    fn eq(&self, other: &str) -> bool {
        let mut compare = SameAs { rest: other, same: true };
        write!(compare, "{self}").is_ok() && compare.same && compare.rest.is_empty()
    }
}

impl PartialEq<&str> for TimexValue {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl Serialize for TimexValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimexValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> TimexValue {
        text.parse().unwrap()
    }

    #[test]
    fn reads_and_writes_every_form() {
        let day = |y: u32, m: u8, d: u8| Day::Date { year: Year::known(y), month: Some(m), day: Some(d) };
        let cases: &[(&str, TimexValue)] = &[
            ("2009-03-06", TimexValue::Day(day(2009, 3, 6))),
            ("2009-03", TimexValue::Month(Year::known(2009), Some(3))),
            ("2009", TimexValue::Year(Year::known(2009))),
            ("199X", TimexValue::Year(Digits([Some(1), Some(9), Some(9), None]))),
            ("199", TimexValue::Decade(Digits::known(199))),
            ("19", TimexValue::Century(Digits::known(19))),
            ("2009-W10", TimexValue::Week(Year::known(2009), Some(10))),
            ("1998-WXX", TimexValue::Week(Year::known(1998), None)),
            ("2009-W10-WE", TimexValue::Weekend(Year::known(2009), Some(10))),
            ("2009-Q1", TimexValue::Quarter(Year::known(2009), Some(1))),
            ("1988-QX", TimexValue::Quarter(Year::known(1988), None)),
            ("1989-H2", TimexValue::Half(Year::known(1989), Some(2))),
            ("2008-SU", TimexValue::Season(Year::known(2008), Season::Summer)),
            ("XXXX-12-25", TimexValue::Day(Day::Date { year: Year::unknown(), month: Some(12), day: Some(25) })),
            ("1998-XX-XX", TimexValue::Day(Day::Date { year: Year::known(1998), month: None, day: None })),
            (
                "2009-03-06T19:41",
                TimexValue::Time(day(2009, 3, 6), TimeOfDay::Clock { hour: 19, minute: Some(41), second: None }),
            ),
            (
                "1998-02-13T14:35:00",
                TimexValue::Time(day(1998, 2, 13), TimeOfDay::Clock { hour: 14, minute: Some(35), second: Some(0) }),
            ),
            ("2009-03-06TEV", TimexValue::Time(day(2009, 3, 6), TimeOfDay::Part(PartOfDay::Evening))),
            (
                "XXXX-WXX-2TNI",
                TimexValue::Time(
                    Day::Week { year: Year::unknown(), week: None, weekday: 2 },
                    TimeOfDay::Part(PartOfDay::Night),
                ),
            ),
            ("P1W", TimexValue::Duration(Duration::of(Some(1), Unit::Week))),
            ("PXY", TimexValue::Duration(Duration::of(None, Unit::Year))),
            ("P2DE", TimexValue::Duration(Duration::of(Some(2), Unit::Decade))),
            ("P1Y6M", TimexValue::Duration(Duration { parts: vec![(Some(1), Unit::Year), (Some(6), Unit::Month)] })),
            (
                "PT9M30S",
                TimexValue::Duration(Duration { parts: vec![(Some(9), Unit::Minute), (Some(30), Unit::Second)] }),
            ),
            ("PRESENT_REF", TimexValue::PresentRef),
            ("PAST_REF", TimexValue::PastRef),
            ("FUTURE_REF", TimexValue::FutureRef),
            // Forms this type does not model are kept as written.
            ("P9L", TimexValue::Other("P9L".to_owned())),
            ("2009-02-30", TimexValue::Other("2009-02-30".to_owned())),
            ("1998-13", TimexValue::Other("1998-13".to_owned())),
        ];
        for (text, expected) in cases {
            assert_eq!(&value(text), expected, "{text}");
            assert_eq!(expected.to_string(), *text);
        }
        for bad in ["", "march", "2009 03", "P1Y "] {
            assert!(bad.parse::<TimexValue>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn day_ranges_granularities_and_order() {
        let range = |text: &str| value(text).day_range().map(|(a, b)| (a.to_string(), b.to_string()));
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("19", Some(("1900-01-01", "1999-12-31"))),
            ("199", Some(("1990-01-01", "1999-12-31"))),
            ("1998", Some(("1998-01-01", "1998-12-31"))),
            ("1998-H2", Some(("1998-07-01", "1998-12-31"))),
            ("1998-Q1", Some(("1998-01-01", "1998-03-31"))),
            ("1998-WI", Some(("1998-12-01", "1999-02-28"))),
            ("2000-02", Some(("2000-02-01", "2000-02-29"))),
            ("2009-W10", Some(("2009-03-02", "2009-03-08"))),
            ("2009-W10-WE", Some(("2009-03-07", "2009-03-08"))),
            ("2009-W10-5", Some(("2009-03-06", "2009-03-06"))),
            ("2009-03-06T19:41", Some(("2009-03-06", "2009-03-06"))),
            ("1998-QX", None),
            ("XXXX-12-25", None),
            ("P1W", None),
            ("PRESENT_REF", None),
        ];
        for (text, expected) in cases {
            let expected = expected.map(|(a, b)| (a.to_owned(), b.to_owned()));
            assert_eq!(range(text), expected, "{text}");
            assert_eq!(value(text).is_specified(), expected.is_some() || *text == "P1W", "{text}");
        }
        assert_eq!(value("2009-03-06TEV").granularity(), Some(Granularity::Time));
        assert_eq!(value("2009-W10-WE").granularity(), Some(Granularity::Week));
        assert_eq!(value("P1W").granularity(), None);
        assert_eq!(value("2009-03-06TEV").without_time(), value("2009-03-06"));
        assert!(value("2009-03-06TEV") == "2009-03-06TEV" && value("2009-03-06TEV") != "2009-03-06");
        let mut values: Vec<TimexValue> =
            ["PRESENT_REF", "2009-03-02", "2009-03-01T10:00", "2009-03", "2009-03-01", "2009", "P1D", "2008-WI"]
                .iter()
                .map(|t| value(t))
                .collect();
        values.sort();
        let sorted: Vec<String> = values.iter().map(ToString::to_string).collect();
        assert_eq!(
            sorted,
            ["2008-WI", "2009", "2009-03", "2009-03-01", "2009-03-01T10:00", "2009-03-02", "P1D", "PRESENT_REF"]
        );
    }

    #[test]
    fn serializes_as_the_timeml_string() {
        let json = serde_json::to_string(&value("2009-W10-WE")).unwrap();
        assert_eq!(json, "\"2009-W10-WE\"");
        assert_eq!(serde_json::from_str::<TimexValue>(&json).unwrap(), value("2009-W10-WE"));
        assert!(serde_json::from_str::<TimexValue>("\"next week\"").is_err());
    }

    /// TimeML values in every form, with digits and fields chosen at random.
    fn timeml() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let year = "[0-9X]{4}";
        let regex = |pattern: &str| proptest::string::string_regex(pattern).unwrap().boxed();
        let forms: Vec<BoxedStrategy<String>> = vec![
            regex("[0-9X]{2,4}"),
            regex(&format!("{year}-(0[1-9]|1[0-2]|XX)")),
            regex(&format!("{year}-(Q[1-4X]|H[12X]|SP|SU|FA|WI)")),
            regex(&format!("{year}-W([0-4][1-9]|5[0-3]|XX)(-WE|-[1-7])?")),
            regex(&format!("{year}-(0[1-9]|1[0-2]|XX)-(0[1-9]|1[0-9]|2[0-8]|XX)")),
            regex(&format!("{year}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])T(([01][0-9]|2[0-3])(:[0-5][0-9](:[0-5][0-9])?)?|MO|MI|AF|EV|NI|DT)")),
            regex("P([1-9][0-9]{0,2}|X)(ML|CE|DE|Y|Q|M|WE|W|D)"),
            regex("P([1-9][0-9]?Y)?([1-9][0-9]?M)?(T[1-9][0-9]?H([1-9][0-9]?M)?)?").prop_filter("not empty", |s| s.len() > 1).boxed(),
            regex("(PRESENT|PAST|FUTURE)_REF"),
            regex("[A-Z0-9_:.-]{1,12}"),
        ];
        proptest::strategy::Union::new(forms)
    }

    proptest::proptest! {
        #[test]
        fn display_gives_back_what_from_str_read(text in timeml()) {
            let value: TimexValue = text.parse().unwrap();
            proptest::prop_assert_eq!(value.to_string(), text.clone());
            proptest::prop_assert_eq!(value.to_string().parse::<TimexValue>().unwrap(), value);
        }

        #[test]
        fn any_string_is_read_without_panic(text in ".{0,24}") {
            if let Ok(value) = text.parse::<TimexValue>() {
                proptest::prop_assert_eq!(value.to_string(), text);
            }
        }
    }
}
