//! Anchoring: what an expression says ([`Spec`]: "March", "last week", "the next day", "at
//! 5 p.m.") and the one mechanism that turns it into a value against an anchor.
//!
//! Deictic expressions ("yesterday", "last week", "two years ago", "this summer") count from the
//! creation date; anaphoric ones ("the next day", "that year", "a week later", "the quarter")
//! from the last date the text mentioned, as TimeML does. A calendar position named without its
//! year or week ("March 5", "the third quarter", "Christmas", "Friday") is placed among its
//! occurrences around the anchor: the last one not after it when the sentence speaks of the
//! past, the first one not before it when it speaks of the future, and otherwise the nearest.

use chrono::{Datelike, Duration as Days, NaiveDate, Weekday};

use super::lexicon::Holiday;
use super::value::{Day, Digits, Granularity, Season, TimeOfDay, TimexValue, Unit, Year};

/// What the sentence around an expression says of time: its tense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    /// The sentence speaks of the past.
    Past,
    /// It speaks of the future.
    Future,
    /// A verb in the present governs the expression ("the treaty expires in December").
    Present,
    /// Neither could be read.
    Unknown,
}

/// Which occurrence a modifier asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Which {
    /// "last March": the last one wholly before the anchor.
    Last,
    /// "this March": the one around the anchor, or in its year (or week).
    This,
    /// "next March": the first one wholly after the anchor.
    Next,
    /// No modifier: the tense decides.
    ByTense,
}

/// What a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    /// The creation date.
    Dct,
    /// The last date the text mentioned (the creation date before any).
    Reference,
}

/// A position within a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearPart {
    /// A month (1 to 12).
    Month(u32),
    /// A day: month and day.
    Date(u32, u32),
    /// A season.
    Season(Season),
    /// A quarter (1 to 4).
    Quarter(u8),
    /// A half (1 or 2).
    Half(u8),
    /// A holiday.
    Holiday(Holiday),
}

/// The year of a [`YearPart`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearOf {
    /// Not given: the occurrence is chosen by the modifier or the tense.
    Chosen(Which),
    /// Given ("March 1998").
    Given(i32),
    /// Counted from an anchor's year ("next year's first quarter").
    Shifted(i32, Anchor),
    /// The year in which the day falls on this weekday ("Saturday, April 25").
    OnWeekday(Weekday),
}

/// What an expression says, before it is anchored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Spec {
    /// A value that needs no anchor.
    Value(TimexValue),
    /// A position within a year, maybe with a time of day ("March 5", "Christmas Eve").
    InYear(YearPart, YearOf, Option<TimeOfDay>),
    /// A day of the week, maybe with a time of day.
    Weekday(Weekday, Which, Option<TimeOfDay>),
    /// A weekend ("the weekend", "this weekend").
    Weekend(Which),
    /// `n` units from an anchor ("yesterday", "last week", "the next day", "two years ago").
    Shift { unit: Unit, n: i32, anchor: Anchor, time: Option<TimeOfDay> },
    /// `n` years before the anchor, in the unit of the period the text speaks of ("a year
    /// earlier" after "third-quarter profit" is that quarter a year before), or in the unit
    /// given ("the year-earlier quarter"); else as a year ("a year ago" counts from the creation
    /// date, "a year earlier" from the last date mentioned).
    YearsBefore(i32, Option<Unit>, Anchor),
    /// A time of the day the text speaks of ("at 5 p.m.").
    Clock(TimeOfDay),
    /// The date last mentioned ("until then").
    Then,
}

/// What anchoring may look at.
pub(super) struct Context<'a> {
    /// The creation date.
    pub dct: NaiveDate,
    /// The tense of the sentence around the expression.
    pub tense: Tense,
    /// The tense of the verb the expression hangs on, if one comes right before it.
    pub governing: Tense,
    /// The last fully known date or time the text mentioned before the expression.
    pub reference: Option<&'a TimexValue>,
}

impl Context<'_> {
    /// The day an anchor stands for at `unit`: the reference's first day when it is at least
    /// as fine as the unit, else the creation date.
    fn anchor_day(&self, anchor: Anchor, unit: Granularity) -> NaiveDate {
        match (anchor, self.reference) {
            (Anchor::Reference, Some(reference)) if reference.granularity().is_some_and(|g| g >= unit) => {
                reference.day_range().map_or(self.dct, |(first, _)| first)
            }
            _ => self.dct,
        }
    }
}

/// The value `spec` takes in `context`.
pub(super) fn resolve(spec: &Spec, x: &Context<'_>) -> Option<TimexValue> {
    match spec {
        Spec::Value(value) => Some(value.clone()),
        Spec::InYear(part, year, time) => in_year(*part, *year, *time, x),
        Spec::Weekday(weekday, which, time) => {
            let anchor = x.dct;
            let candidates: Vec<(NaiveDate, NaiveDate)> = (-1..=1)
                .map(|week| {
                    let monday = anchor - Days::days(i64::from(anchor.weekday().num_days_from_monday()));
                    let day = monday + Days::days(i64::from(weekday.num_days_from_monday()) + 7 * week);
                    (day, day)
                })
                .collect();
            let day = candidates[choose(&candidates, *which, x.tense, anchor, |d| d.iso_week() == anchor.iso_week())].0;
            Some(with_time(Day::of(day)?, *time))
        }
        Spec::Weekend(which) => {
            let anchor = x.dct;
            let candidates: Vec<(NaiveDate, NaiveDate)> = (-1..=1)
                .map(|week| {
                    let monday = anchor - Days::days(i64::from(anchor.weekday().num_days_from_monday()));
                    let saturday = monday + Days::days(5 + 7 * week);
                    (saturday, saturday + Days::days(1))
                })
                .collect();
            let saturday =
                candidates[choose(&candidates, *which, x.tense, anchor, |d| d.iso_week() == anchor.iso_week())].0;
            let week = saturday.iso_week();
            Some(TimexValue::Weekend(Year::of(week.year())?, u8::try_from(week.week()).ok()))
        }
        Spec::Shift { unit, n, anchor, time } => shift(*unit, *n, *anchor, *time, x),
        Spec::YearsBefore(n, unit, anchor) => {
            let quarter_of = |day: NaiveDate| u8::try_from(day.month0() / 3 + 1).ok();
            match (unit, x.reference) {
                (Some(Unit::Quarter), reference) => {
                    // The quarter the text speaks of, or else the last one ended.
                    let day = match reference {
                        Some(r) if r.granularity().is_some_and(|g| g >= Granularity::Quarter) => r.day_range()?.0,
                        _ => x.dct.checked_sub_months(chrono::Months::new(3))?,
                    };
                    Some(TimexValue::Quarter(Year::of(day.year() - n)?, quarter_of(day)))
                }
                (_, Some(TimexValue::Quarter(year, quarter))) => {
                    Some(TimexValue::Quarter(Year::of(year.calendar()? - n)?, *quarter))
                }
                (_, Some(TimexValue::Half(year, half))) => {
                    Some(TimexValue::Half(Year::of(year.calendar()? - n)?, *half))
                }
                _ => Some(TimexValue::Year(Year::of(x.anchor_day(*anchor, Granularity::Year).year() - n)?)),
            }
        }
        Spec::Then => x.reference.cloned(),
        Spec::Clock(time) => {
            let day = x.anchor_day(Anchor::Reference, Granularity::Day);
            Some(with_time(Day::of(day)?, Some(*time)))
        }
    }
}

fn with_time(day: Day, time: Option<TimeOfDay>) -> TimexValue {
    match time {
        Some(time) => TimexValue::Time(day, time),
        None => TimexValue::Day(day),
    }
}

/// The index of the occurrence (first and last day of each, in order) that `which` and the
/// tense pick around `anchor`; `this` tells the occurrences a "this" may name when none holds
/// the anchor.
fn choose(
    candidates: &[(NaiveDate, NaiveDate)],
    which: Which,
    tense: Tense,
    anchor: NaiveDate,
    this: impl Fn(NaiveDate) -> bool,
) -> usize {
    let holds = |&(first, last): &(NaiveDate, NaiveDate)| first <= anchor && anchor <= last;
    let last_before = |strict: bool| {
        candidates.iter().rposition(|&(first, last)| if strict { last < anchor } else { first <= anchor })
    };
    let first_after = |strict: bool| {
        candidates.iter().position(|&(first, last)| if strict { first > anchor } else { last >= anchor })
    };
    let nearest = || (0..candidates.len()).min_by_key(|&i| distance(candidates[i], anchor)).unwrap_or(0);
    let found = match which {
        Which::Last => last_before(true),
        Which::Next => first_after(true),
        Which::This => candidates.iter().position(holds).or_else(|| candidates.iter().position(|c| this(c.0))),
        Which::ByTense => match tense {
            Tense::Past => last_before(false),
            Tense::Future => first_after(false),
            Tense::Unknown | Tense::Present => Some(nearest()),
        },
    };
    found.unwrap_or_else(nearest)
}

/// Days from `anchor` to a period (0 when it holds the anchor).
fn distance((first, last): (NaiveDate, NaiveDate), anchor: NaiveDate) -> i64 {
    if anchor < first {
        (first - anchor).num_days()
    } else if anchor > last {
        (anchor - last).num_days()
    } else {
        0
    }
}

/// True when the nearest occurrences before and after the anchor are about as far (neither
/// twice as near as the other), so that nearness cannot choose between them.
fn ambiguous(candidates: &[(NaiveDate, NaiveDate)], anchor: NaiveDate) -> bool {
    let before = candidates.iter().filter(|c| c.1 < anchor).map(|&c| distance(c, anchor)).min();
    let after = candidates.iter().filter(|c| c.0 > anchor).map(|&c| distance(c, anchor)).min();
    match (before, after) {
        (Some(b), Some(a)) => a < 2 * b && b < 2 * a,
        _ => false,
    }
}

/// The first and last day of a position within `year`.
fn part_range(part: YearPart, year: i32) -> Option<(NaiveDate, NaiveDate)> {
    let months = |first: u32, count: u32| -> Option<(NaiveDate, NaiveDate)> {
        let start = NaiveDate::from_ymd_opt(year, first, 1)?;
        Some((start, start.checked_add_months(chrono::Months::new(count))? - Days::days(1)))
    };
    match part {
        YearPart::Month(month) => months(month, 1),
        YearPart::Date(month, day) => NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, d)),
        YearPart::Season(season) => months(season.first_month(), 3),
        YearPart::Quarter(quarter) => months(u32::from(quarter) * 3 - 2, 3),
        YearPart::Half(half) => months(u32::from(half) * 6 - 5, 6),
        YearPart::Holiday(holiday) => holiday.in_year(year).map(|d| (d, d)),
    }
}

/// The year whose occurrence of `part` lies nearest `day` (one of its year, the year before and
/// the year after).
pub(super) fn year_nearest(part: YearPart, day: NaiveDate) -> Option<i32> {
    (day.year() - 1..=day.year() + 1)
        .filter_map(|y| part_range(part, y).map(|range| (distance(range, day), y)))
        .min()
        .map(|(_, y)| y)
}

fn part_value(part: YearPart, year: i32, time: Option<TimeOfDay>) -> Option<TimexValue> {
    let y = Year::of(year)?;
    Some(match part {
        YearPart::Month(month) => TimexValue::Month(y, u8::try_from(month).ok()),
        YearPart::Date(month, day) => {
            NaiveDate::from_ymd_opt(year, month, day)?;
            with_time(Day::Date { year: y, month: u8::try_from(month).ok(), day: u8::try_from(day).ok() }, time)
        }
        YearPart::Season(season) => TimexValue::Season(y, season),
        YearPart::Quarter(quarter) => TimexValue::Quarter(y, Some(quarter)),
        YearPart::Half(half) => TimexValue::Half(y, Some(half)),
        YearPart::Holiday(holiday) => with_time(Day::of(holiday.in_year(year)?)?, time),
    })
}

fn in_year(part: YearPart, year: YearOf, time: Option<TimeOfDay>, x: &Context<'_>) -> Option<TimexValue> {
    let which = match year {
        YearOf::Given(year) => return part_value(part, year, time),
        YearOf::Shifted(n, anchor) => {
            return part_value(part, x.anchor_day(anchor, Granularity::Year).year() + n, time)
        }
        YearOf::Chosen(which) => which,
        YearOf::OnWeekday(_) => Which::ByTense,
    };
    let anchor = x.dct;
    let on_weekday = |y: i32| match year {
        YearOf::OnWeekday(weekday) => part_range(part, y).is_some_and(|(first, _)| first.weekday() == weekday),
        _ => true,
    };
    let mut years: Vec<i32> =
        (anchor.year() - 1..=anchor.year() + 1).filter(|&y| part_range(part, y).is_some() && on_weekday(y)).collect();
    if years.is_empty() {
        years = (anchor.year() - 1..=anchor.year() + 1).filter(|&y| part_range(part, y).is_some()).collect();
    }
    let candidates: Vec<(NaiveDate, NaiveDate)> = years.iter().filter_map(|&y| part_range(part, y)).collect();
    if candidates.is_empty() {
        return None;
    }
    // The verb the expression hangs on tells its direction; without one, the nearest occurrence
    // is meant, unless the other side's is not even twice as far: then the sentence's tense
    // decides, and a sentence in the present speaks of the coming one ("expires in December").
    // A verb in the present speaks of the coming one, when nothing in the sentence speaks of
    // the past.
    let tense = match (x.governing, x.tense) {
        (Tense::Present, Tense::Past) | (Tense::Unknown, _) if !ambiguous(&candidates, anchor) => Tense::Unknown,
        (Tense::Present | Tense::Unknown, Tense::Unknown | Tense::Present | Tense::Future) => Tense::Future,
        (Tense::Present | Tense::Unknown, Tense::Past) => Tense::Past,
        (governing, _) => governing,
    };
    let mut pick = choose(&candidates, which, tense, anchor, |first| first.year() == anchor.year());
    // A past narrative speaks around the date it last named: when nearness to the creation date
    // would put a date in the future, nearness to that date decides.
    if which == Which::ByTense && tense == Tense::Unknown && x.tense == Tense::Past && candidates[pick].0 > anchor {
        let told = x.reference.filter(|r| r.granularity().is_some_and(|g| g >= Granularity::Month));
        if let Some((first, _)) = told.and_then(TimexValue::day_range).filter(|&(first, _)| first < anchor) {
            pick = (0..candidates.len()).min_by_key(|&i| distance(candidates[i], first)).unwrap_or(pick);
        }
    }
    part_value(part, years[pick], time)
}

/// `n` units from the anchor, at the granularity of the unit.
fn shift(unit: Unit, n: i32, anchor: Anchor, time: Option<TimeOfDay>, x: &Context<'_>) -> Option<TimexValue> {
    let granularity = match unit {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => Granularity::Day,
        Unit::Week | Unit::Weekend => Granularity::Week,
        Unit::Month => Granularity::Month,
        Unit::Quarter => Granularity::Quarter,
        Unit::Year => Granularity::Year,
        Unit::Decade => Granularity::Decade,
        Unit::Century | Unit::Millennium => Granularity::Century,
    };
    let mut day = x.anchor_day(anchor, granularity);
    let mut n = n;
    // "The quarter" a report of results speaks of is the last one ended, unless the text has
    // turned to a period of its own: a day of the report's own quarter (the day it is made
    // public) is no such period.
    if unit == Unit::Quarter && n == 0 && anchor == Anchor::Reference {
        let quarter = |d: NaiveDate| (d.year(), d.month0() / 3);
        let report_day = x.reference.is_none_or(|r| r.granularity().is_some_and(|g| g >= Granularity::Week));
        if report_day && quarter(day) == quarter(x.dct) {
            day = x.dct;
            n = -1;
        }
    }
    let months = |per: i32| -> (i32, i32) {
        let index = day.year() * 12 / per + i32::try_from(day.month0()).unwrap_or(0) / per + n;
        (index.div_euclid(12 / per), index.rem_euclid(12 / per) + 1)
    };
    Some(match unit {
        Unit::Day | Unit::Hour | Unit::Minute | Unit::Second => {
            let shifted = if unit == Unit::Day { day + Days::days(i64::from(n)) } else { day };
            with_time(Day::of(shifted)?, time)
        }
        Unit::Week | Unit::Weekend => {
            let week = (day + Days::weeks(i64::from(n))).iso_week();
            let (year, number) = (Year::of(week.year())?, u8::try_from(week.week()).ok());
            if unit == Unit::Week {
                TimexValue::Week(year, number)
            } else {
                TimexValue::Weekend(year, number)
            }
        }
        Unit::Month => {
            let (year, month) = months(1);
            TimexValue::Month(Year::of(year)?, u8::try_from(month).ok())
        }
        Unit::Quarter => {
            let (year, quarter) = months(3);
            TimexValue::Quarter(Year::of(year)?, u8::try_from(quarter).ok())
        }
        Unit::Year => TimexValue::Year(Year::of(day.year() + n)?),
        Unit::Decade => TimexValue::Decade(Digits::known(u32::try_from(day.year() / 10 + n).ok()?)),
        Unit::Century | Unit::Millennium => {
            let century = u32::try_from(day.year() / 100 + n).ok()?;
            let Digits([a, b]) = Digits::<2>::known(century);
            TimexValue::Year(Digits([a, b, None, None]))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(spec: &Spec, tense: Tense, reference: Option<&str>, expected: &str) {
        let reference: Option<TimexValue> = reference.map(|r| r.parse().unwrap());
        let x = Context { dct: "2009-03-07".parse().unwrap(), tense, governing: tense, reference: reference.as_ref() };
        let got = resolve(spec, &x).map(|v| v.to_string());
        assert_eq!(got.as_deref(), Some(expected), "{spec:?} {tense:?}");
    }

    #[test]
    fn places_positions_by_modifier_and_tense() {
        // The creation date is Saturday 7 March 2009.
        let month = |m, which| Spec::InYear(YearPart::Month(m), YearOf::Chosen(which), None);
        check(&month(12, Which::ByTense), Tense::Past, None, "2008-12");
        check(&month(12, Which::ByTense), Tense::Future, None, "2009-12");
        check(&month(4, Which::ByTense), Tense::Unknown, None, "2009-04");
        // Nearly as far before as after: a sentence in the present speaks of the coming one.
        check(&month(10, Which::ByTense), Tense::Unknown, None, "2009-10");
        check(&month(11, Which::ByTense), Tense::Unknown, None, "2008-11");
        check(&month(3, Which::Last), Tense::Unknown, None, "2008-03");
        check(&month(3, Which::Next), Tense::Unknown, None, "2010-03");
        check(&month(3, Which::ByTense), Tense::Future, None, "2009-03");
        let season = |s, which| Spec::InYear(YearPart::Season(s), YearOf::Chosen(which), None);
        check(&season(Season::Summer, Which::This), Tense::Unknown, None, "2009-SU");
        check(&season(Season::Winter, Which::Last), Tense::Unknown, None, "2008-WI");
        check(&season(Season::Summer, Which::Last), Tense::Unknown, None, "2008-SU");
        check(&season(Season::Summer, Which::ByTense), Tense::Future, None, "2009-SU");
        let quarter = Spec::InYear(YearPart::Quarter(4), YearOf::Chosen(Which::ByTense), None);
        check(&quarter, Tense::Past, None, "2008-Q4");
        let weekday = |w, which| Spec::Weekday(w, which, None);
        check(&weekday(Weekday::Fri, Which::ByTense), Tense::Past, None, "2009-03-06");
        check(&weekday(Weekday::Sat, Which::ByTense), Tense::Past, None, "2009-03-07");
        check(&weekday(Weekday::Mon, Which::ByTense), Tense::Future, None, "2009-03-09");
        check(&weekday(Weekday::Mon, Which::ByTense), Tense::Unknown, None, "2009-03-09");
        check(&weekday(Weekday::Tue, Which::Last), Tense::Unknown, None, "2009-03-03");
        check(&weekday(Weekday::Fri, Which::Next), Tense::Unknown, None, "2009-03-13");
        check(&Spec::Weekend(Which::ByTense), Tense::Past, None, "2009-W10-WE");
        check(&Spec::Weekend(Which::Next), Tense::Unknown, None, "2009-W11-WE");
        let christmas = Spec::InYear(YearPart::Holiday(Holiday::Fixed(12, 25)), YearOf::Chosen(Which::ByTense), None);
        check(&christmas, Tense::Past, None, "2008-12-25");
    }

    #[test]
    fn shifts_from_the_creation_date_or_the_reference() {
        let shift = |unit, n, anchor| Spec::Shift { unit, n, anchor, time: None };
        check(&shift(Unit::Day, -1, Anchor::Dct), Tense::Unknown, None, "2009-03-06");
        check(&shift(Unit::Week, -1, Anchor::Dct), Tense::Unknown, None, "2009-W09");
        check(&shift(Unit::Month, -3, Anchor::Dct), Tense::Unknown, None, "2008-12");
        check(&shift(Unit::Quarter, 1, Anchor::Dct), Tense::Unknown, None, "2009-Q2");
        check(&shift(Unit::Year, -2, Anchor::Dct), Tense::Unknown, None, "2007");
        check(&shift(Unit::Decade, 0, Anchor::Dct), Tense::Unknown, None, "200");
        check(&shift(Unit::Century, 0, Anchor::Dct), Tense::Unknown, None, "20XX");
        check(&shift(Unit::Day, 1, Anchor::Reference), Tense::Unknown, Some("1995-05-22"), "1995-05-23");
        check(&shift(Unit::Year, 1, Anchor::Reference), Tense::Unknown, Some("1995-05-22"), "1996");
        // A reference coarser than the unit leaves the creation date as the anchor.
        check(&shift(Unit::Day, 1, Anchor::Reference), Tense::Unknown, Some("1995"), "2009-03-08");
        let years_before = |unit, anchor| Spec::YearsBefore(1, unit, anchor);
        check(&years_before(None, Anchor::Dct), Tense::Unknown, Some("1989-Q3"), "1988-Q3");
        check(&years_before(None, Anchor::Dct), Tense::Unknown, Some("1995-03-01"), "2008");
        check(&years_before(None, Anchor::Reference), Tense::Unknown, Some("1995-03-01"), "1994");
        check(&years_before(Some(Unit::Quarter), Anchor::Reference), Tense::Unknown, Some("2009-03-01"), "2008-Q1");
        check(&years_before(Some(Unit::Quarter), Anchor::Reference), Tense::Unknown, None, "2007-Q4");
        let five_pm = TimeOfDay::Clock { hour: 17, minute: Some(0), second: None };
        check(&Spec::Clock(five_pm), Tense::Unknown, Some("2009-03-05"), "2009-03-05T17:00");
        check(&Spec::Clock(five_pm), Tense::Unknown, None, "2009-03-07T17:00");
    }
}
