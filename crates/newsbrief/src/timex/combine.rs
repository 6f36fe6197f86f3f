//! Joining neighbouring expressions that say one thing together: a position within a year and
//! its year ("the third quarter" + "of 1990", "this year's" + "third quarter", "March 5" + ",
//! 1998"), a time and its day ("5 p.m. EST" + "Nov. 9", "Friday" + "at noon"), and a weekday
//! beside the date it falls on ("Sunday" + ", March 8"). Each rule looks only at the two
//! expressions and the few words between them; modifiers ("early", "the end of") are then taken
//! into the expression they modify.

use std::sync::LazyLock;

use regex::Regex;

use super::resolve::{Spec, YearOf, YearPart};
use super::value::{TimeOfDay, TimexValue};
use super::TimexType;

/// An expression found in the text, not yet anchored.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: TimexType,
    pub(super) spec: Spec,
}

/// The year an expression gives, when it gives one and nothing finer.
fn year_of(spec: &Spec) -> Option<YearOf> {
    match spec {
        Spec::Value(TimexValue::Year(year)) => year.calendar().map(YearOf::Given),
        Spec::Shift { unit: super::value::Unit::Year, n, anchor, time: None } => Some(YearOf::Shifted(*n, *anchor)),
        _ => None,
    }
}

/// A position within a year that says no year.
fn yearless(spec: &Spec) -> Option<(YearPart, Option<TimeOfDay>)> {
    match spec {
        Spec::InYear(part, YearOf::Chosen(_) | YearOf::OnWeekday(_), time) => Some((*part, *time)),
        _ => None,
    }
}

/// A day that can take a time of day, with that time.
fn at_time(spec: &Spec, time: TimeOfDay) -> Option<Spec> {
    Some(match spec {
        Spec::Value(TimexValue::Day(day)) => Spec::Value(TimexValue::Time(*day, time)),
        Spec::InYear(part @ (YearPart::Date(..) | YearPart::Holiday(_)), year, None) => {
            Spec::InYear(*part, *year, Some(time))
        }
        Spec::Weekday(weekday, which, None) => Spec::Weekday(*weekday, *which, Some(time)),
        Spec::Shift { unit: super::value::Unit::Day, n, anchor, time: None } => {
            Spec::Shift { unit: super::value::Unit::Day, n: *n, anchor: *anchor, time: Some(time) }
        }
        _ => return None,
    })
}

fn is_dated_day(spec: &Spec) -> bool {
    matches!(spec, Spec::Value(TimexValue::Day(_)) | Spec::InYear(YearPart::Date(..), _, None))
}

/// The joined reading of `a`, the words `between`, and `b`, when they say one thing.
fn join(a: &Found, between: &str, b: &Found) -> Option<(TimexType, Spec)> {
    let gap = between.trim().to_ascii_lowercase();
    let gap = gap.trim_start_matches(',').trim();
    // A position and its year after it: "March 1998", "March 5, 1998", "the summer of 1994".
    if let (Some((part, time)), Some(year)) = (yearless(&a.spec), year_of(&b.spec)) {
        if matches!(gap, "" | "of" | "in") {
            return Some((a.kind, Spec::InYear(part, year, time)));
        }
    }
    // A year and a position after it: "this year's third quarter", "the 1990 first half".
    if let (Some(year), Some((part, time))) = (year_of(&a.spec), yearless(&b.spec)) {
        if matches!(gap, "" | "'s" | "\u{2019}s") && !between.contains(',') {
            return Some((b.kind, Spec::InYear(part, year, time)));
        }
    }
    // A time and its day: "5 p.m. EST Nov. 9", "noon Friday", "10 a.m. on Monday".
    if let Spec::Clock(time) = a.spec {
        if matches!(gap, "" | "on") {
            if let Some(spec) = at_time(&b.spec, time) {
                return Some((TimexType::Time, spec));
            }
        }
    }
    // A day and its time: "Friday at noon", "March 5 at 10 a.m.", "yesterday at 5 p.m.".
    if let Spec::Clock(time) = b.spec {
        if matches!(gap, "" | "at") {
            if let Some(spec) = at_time(&a.spec, time) {
                return Some((TimexType::Time, spec));
            }
        }
    }
    // A weekday and the date it falls on: "Sunday, March 8", "Friday, Oct. 13, 1989"; the
    // weekday tells the year of a date without one.
    if let Spec::Weekday(weekday, _, time) = a.spec {
        if is_dated_day(&b.spec) && gap.is_empty() {
            let spec = match &b.spec {
                Spec::InYear(part, YearOf::Chosen(_), None) => Spec::InYear(*part, YearOf::OnWeekday(weekday), time),
                other => match time {
                    Some(time) => at_time(other, time)?,
                    None => other.clone(),
                },
            };
            return Some((a.kind, spec));
        }
    }
    None
}

/// The neighbours of `found` (in text order, not overlapping) joined where they say one thing.
pub(super) fn combine(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut joined: Vec<Found> = Vec::with_capacity(found.len());
    for next in found {
        if let Some(last) = joined.last_mut() {
            let between = &text[last.end..next.start];
            if between.len() <= 6 {
                if let Some((kind, spec)) = join(last, between, &next) {
                    last.end = next.end;
                    last.kind = kind;
                    last.spec = spec;
                    continue;
                }
            }
        }
        joined.push(next);
    }
    joined
}

static MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bthe\s+)?(?:\bvery\s+)?\b(?:early|late|mid|middle\s+of|beginning\s+of|start\s+of|end\s+of|close\s+of|turn\s+of)(?:\s+the)?(?:\s+|-)$")
        .expect("valid regex")
});

/// `found` with the modifiers right before each date or time taken in ("early", "mid-",
/// "the end of"): TimeML spans hold them (the value does not change).
pub(super) fn take_modifiers(text: &str, found: &mut [Found]) {
    let mut previous_end = 0;
    for f in found.iter_mut() {
        if matches!(f.kind, TimexType::Date | TimexType::Time) {
            let mut from = f.start.saturating_sub(24).max(previous_end);
            while !text.is_char_boundary(from) {
                from += 1;
            }
            if let Some(m) = MODIFIER.find(&text[from..f.start]) {
                f.start = from + m.start();
            }
        }
        previous_end = f.end;
    }
}
