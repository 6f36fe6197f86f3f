//! Temporal expressions: found by rules and normalised to TimeML values against the report's
//! creation date ("on Friday" in a report of Saturday 7 March 2009 is `2009-03-06`).
//!
//! Four steps, each in its own module:
//!
//! 1. [`rules`]: patterns by family (after `HeidelTime`'s English resources) read each match into
//!    what it says, unanchored ("March", "last week", "the next day"); where matches overlap,
//!    the longest wins, then the earliest.
//! 2. [`combine`]: neighbours that say one thing together are joined ("the third quarter" +
//!    "of 1990"; "5 p.m." + "Nov. 9"), and modifiers ("early", "the end of") taken in.
//! 3. [`tense`]: the tense of the sentence around an expression, from its nearest verb.
//! 4. [`resolve`]: one anchoring mechanism, in reading order: deictic expressions count from
//!    the creation date, anaphoric ones from the last date mentioned, and positions named
//!    without their year or week are placed by modifier and tense.
//!
//! Values are [`TimexValue`]s, written as TimeML writes them (`2009-03-06`, `2009-W10`,
//! `2009-Q1`, `2008-SU`, `199`, `PRESENT_REF`, `2009-03-06T19:41`, `P1W`, ...).

mod combine;
pub(crate) mod lexicon;
mod resolve;
mod rules;
mod tense;
mod value;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use value::{
    Day, Digits, Duration, Granularity, ParseTimexValueError, PartOfDay, Season, TimeOfDay, TimexValue, Unit, Year,
};

use combine::Found;
use resolve::{Context, Spec, Tense, Which, YearOf};

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
    pub value: TimexValue,
}

/// True when anchoring `spec` needs the tense of its sentence.
fn needs_tense(spec: &Spec) -> bool {
    matches!(
        spec,
        Spec::InYear(_, YearOf::Chosen(Which::ByTense) | YearOf::OnWeekday(_), _)
            | Spec::Weekday(_, Which::ByTense, _)
            | Spec::Weekend(Which::ByTense)
    )
}

/// The temporal expressions of `text`, resolved against the creation date `dct`, in text order.
pub fn find_timexes(text: &str, dct: NaiveDate) -> Vec<Timex> {
    let mut matches = Vec::new();
    for rule in rules::RULES.iter() {
        rule.find(text, &mut matches);
    }
    let mut found: Vec<Found> = Vec::with_capacity(matches.len());
    for (start, end, (kind, spec)) in matches {
        // A rule may match the white space around its words.
        let words = &text[start..end];
        let start = start + (words.len() - words.trim_start().len());
        let end = end - (words.len() - words.trim_end().len());
        if start < end {
            found.push(Found { start, end, kind, spec });
        }
    }
    // Longest first, then earliest: keep each expression that overlaps none kept before it.
    found.sort_by(|a, b| (b.end - b.start).cmp(&(a.end - a.start)).then(a.start.cmp(&b.start)));
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<Found> = Vec::new();
    for f in found {
        let before = taken.range(..f.end).next_back().is_some_and(|(_, &end)| end > f.start);
        if !before {
            taken.insert(f.start, f.end);
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| f.start);
    let mut kept = combine::combine(text, kept);
    combine::take_modifiers(text, &mut kept);

    let mut reference: Option<TimexValue> = None;
    let mut timexes: Vec<Timex> = Vec::with_capacity(kept.len());
    let mut specs = Vec::with_capacity(kept.len());
    // The sentence last read for tense, kept for the expressions after it in the same one.
    let mut sentence: Option<tense::Sentence> = None;
    for mut f in kept {
        // A date without its year in apposition to a day just named ("five days later, on
        // April 20"; "the next afternoon, April 16") names that day: its year is the one that
        // puts it nearest.
        if let (Spec::InYear(part, YearOf::Chosen(Which::ByTense), time), Some(previous)) = (&f.spec, timexes.last()) {
            let gap = text[previous.end..f.start].trim().to_ascii_lowercase();
            let day = previous.value.day_range().filter(|_| previous.value.granularity() >= Some(Granularity::Day));
            if let (true, Some((day, _))) = (matches!(gap.as_str(), "," | ", on" | "on"), day) {
                if let Some(year) = resolve::year_nearest(*part, day) {
                    f.spec = Spec::InYear(*part, YearOf::Given(year), *time);
                }
            }
        }
        // A weekday is placed by the tense of its sentence; a date without its year by the verb
        // it hangs on, else as the nearest occurrence (see `resolve`).
        let (tense, governing) = if needs_tense(&f.spec) {
            let span = tense::sentence_around(text, f.start, f.end);
            if sentence.as_ref().is_none_or(|s| s.span != span) {
                sentence = Some(tense::Sentence::read(text, span));
            }
            let governing = if matches!(f.spec, Spec::InYear(..)) {
                tense::governing_tense(text, span.0, f.start)
            } else {
                Tense::Unknown
            };
            (sentence.as_ref().map_or(Tense::Unknown, |s| s.tense_at(f.start, f.end)), governing)
        } else {
            (Tense::Unknown, Tense::Unknown)
        };
        let context = Context { dct, tense, governing, reference: reference.as_ref() };
        let Some(value) = resolve::resolve(&f.spec, &context) else { continue };
        // A date the text turns to becomes the reference of what follows; a comparison ("a
        // year earlier") does not.
        let comparison = matches!(f.spec, Spec::YearsBefore(..));
        if matches!(f.kind, TimexType::Date | TimexType::Time) && value.day_range().is_some() && !comparison {
            reference = Some(value.clone());
        }
        timexes.push(Timex { start: f.start, end: f.end, text: text[f.start..f.end].to_owned(), kind: f.kind, value });
        specs.push(f.spec);
    }
    quarters_by_their_end(text, &specs, &mut timexes);
    timexes
}

/// "The quarter ended Sept. 30" is the quarter that ends that day, whatever the text spoke of
/// before.
fn quarters_by_their_end(text: &str, specs: &[Spec], timexes: &mut [Timex]) {
    for i in 1..timexes.len() {
        let quarter =
            matches!(specs[i - 1], Spec::Shift { unit: Unit::Quarter, n: 0, anchor: resolve::Anchor::Reference, .. });
        let between = text[timexes[i - 1].end..timexes[i].start].trim().to_ascii_lowercase();
        if !quarter || !matches!(between.as_str(), "ended" | "ending" | "that ended" | "which ended" | "through") {
            continue;
        }
        if let Some((day, _)) =
            timexes[i].value.day_range().filter(|_| timexes[i].value.granularity() >= Some(Granularity::Day))
        {
            use chrono::Datelike;
            if let (Some(year), Ok(quarter)) = (Year::of(day.year()), u8::try_from(day.month0() / 3 + 1)) {
                timexes[i - 1].value = TimexValue::Quarter(year, Some(quarter));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks the expressions found in `text` written on `dct`: their words and values.
    fn check(text: &str, dct: &str, expect: &[(&str, &str)]) {
        let dct: NaiveDate = dct.parse().unwrap();
        let got: Vec<(String, String)> =
            find_timexes(text, dct).into_iter().map(|t| (t.text, t.value.to_string())).collect();
        let expect: Vec<(String, String)> = expect.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect();
        assert_eq!(got, expect, "{text}");
    }

    /// Each case: text, creation date, and the expressions expected in it (words and value).
    type Case = (&'static str, &'static str, &'static [(&'static str, &'static str)]);

    fn check_all(cases: &[Case]) {
        for (text, dct, expect) in cases {
            check(text, dct, expect);
        }
    }

    #[test]
    fn weekdays_by_modifier_and_tense() {
        // 2009-03-07 is a Saturday.
        check_all(&[
            ("The ministers said Friday they agreed.", "2009-03-07", &[("Friday", "2009-03-06")]),
            ("They will meet on Monday.", "2009-03-07", &[("Monday", "2009-03-09")]),
            ("The talks ended last Tuesday.", "2009-03-07", &[("last Tuesday", "2009-03-03")]),
            ("The vote is next Friday.", "2009-03-07", &[("next Friday", "2009-03-13")]),
            ("Talks resume Monday.", "2009-03-07", &[("Monday", "2009-03-09")]),
            ("He arrived Thursday night.", "2009-03-07", &[("Thursday night", "2009-03-05TNI")]),
            (
                "Women's Day is this coming Sunday, March eighth.",
                "1998-03-05",
                &[("this coming Sunday, March eighth", "1998-03-08")],
            ),
            ("Stocks fell on Friday, Oct. 13, 1989.", "1989-10-20", &[("Friday, Oct. 13, 1989", "1989-10-13")]),
        ]);
    }

    #[test]
    fn dates_months_years_and_seasons() {
        check_all(&[
            ("It will expire on 5 December.", "2009-03-06", &[("5 December", "2009-12-05")]),
            ("It expired on 5 December.", "2009-03-06", &[("5 December", "2008-12-05")]),
            ("Talks open on May 5.", "2009-12-06", &[("May 5", "2010-05-05")]),
            ("Talks opened on May 5.", "2009-12-06", &[("May 5", "2009-05-05")]),
            ("The treaty expires in December.", "2009-05-07", &[("December", "2009-12")]),
            ("Prices rose in October.", "1998-01-08", &[("October", "1997-10")]),
            ("The dividend is payable Jan. 2 to holders.", "1989-11-02", &[("Jan. 2", "1990-01-02")]),
            (
                "Talks are set for Jan. 26 and March 07, 2009.",
                "2011-01-13",
                &[("Jan. 26", "2011-01-26"), ("March 07, 2009", "2009-03-07")],
            ),
            (
                "It happened on 3/6/2009 and 2009-03-05.",
                "2009-03-10",
                &[("3/6/2009", "2009-03-06"), ("2009-03-05", "2009-03-05")],
            ),
            ("Russia invaded Georgia last summer.", "2009-05-07", &[("last summer", "2008-SU")]),
            (
                "He arrived last month, in August 1988.",
                "1990-08-15",
                &[("last month", "1990-07"), ("August 1988", "1988-08")],
            ),
            ("the 1980s and fiscal 1989", "1990-01-01", &[("the 1980s", "198"), ("fiscal 1989", "1989")]),
            ("in the mid-1990s and the late '80s", "2009-01-01", &[("the mid-1990s", "199"), ("the late '80s", "198")]),
            ("They searched the 10s of 1000s of people who came.", "2011-02-04", &[]),
            (
                "since the nineties, in the 20th century",
                "2009-01-01",
                &[("the nineties", "199"), ("the 20th century", "19XX")],
            ),
            (
                "in the winter of nineteen ninety-four",
                "1998-02-23",
                &[("the winter of nineteen ninety-four", "1994-WI")],
            ),
            ("The new week begins; we may go in May.", "2009-03-01", &[("May", "2009-05")]),
            ("The treaty was signed in May.", "2009-03-01", &[("May", "2008-05")]),
            // A past narrative speaks around the date it last named: a month nearer the
            // creation date in the future is placed near that date instead.
            (
                "The well blew out on 20 April. Halliburton learned of the failures in February and told BP.",
                "2010-10-29",
                &[("20 April", "2010-04-20"), ("February", "2010-02")],
            ),
            ("Halliburton learned of the failures in February.", "2010-10-29", &[("February", "2011-02")]),
            (
                "Sales in the fall of 1998 rose; prices fall in spring.",
                "1999-01-01",
                &[("the fall of 1998", "1998-FA"), ("spring", "1999-SP")],
            ),
            (
                "It opened early last year and closes mid-March.",
                "2009-01-10",
                &[("early last year", "2008"), ("mid-March", "2009-03")],
            ),
            ("He spent 1998 and 2,000 dollars; 1500 jobs went.", "1999-01-01", &[("1998", "1998")]),
            // The year of a written-out date is one whatever follows it; an abbreviated month
            // without its stop is a month before a year.
            ("a fund for victims of the Sept. 11, 2001, attacks", "2010-10-06", &[("Sept. 11, 2001", "2001-09-11")]),
            ("Trial set for Feb 2012, Jan Smith said.", "2010-10-06", &[("Feb 2012", "2012-02")]),
            // A 24-hour clock with its zone, after "at" or before a date is a time; alone, in
            // brackets or in a score it is none.
            (
                "Posted 16:21 UK time, Friday, 2 March 2012; at 19:52 2nd Mar 2012 he wrote.",
                "2012-03-05",
                &[
                    ("16:21 UK time, Friday, 2 March 2012", "2012-03-02T16:21"),
                    ("19:52 2nd Mar 2012", "2012-03-02T19:52"),
                ],
            ),
            (
                "Aired 16:00:00 ET. It won 5:4; watch (1:24); it was 9:30.",
                "2011-02-04",
                &[("16:00:00 ET", "2011-02-04T16:00:00")],
            ),
            (
                "It ships at Christmas and reopens on Memorial Day.",
                "2009-10-01",
                &[("Christmas", "2009-12-25"), ("Memorial Day", "2010-05-31")],
            ),
        ]);
    }

    #[test]
    fn quarters_halves_and_reports_of_results() {
        check_all(&[
            (
                "Third-quarter profit rose from a year earlier; the quarter was strong.",
                "1989-11-02",
                &[("Third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3"), ("the quarter", "1989-Q3")],
            ),
            ("Profit rose from a year earlier.", "1989-11-02", &[("a year earlier", "1988")]),
            // A report made public on a day of its own quarter speaks of the last one ended.
            (
                "BP offered signs of recovery on Tuesday: crude rose in the quarter, compared to a year earlier.",
                "2010-11-02",
                &[("Tuesday", "2010-11-02"), ("the quarter", "2010-Q3"), ("a year earlier", "2009-Q3")],
            ),
            (
                "In September sales rose; the quarter was strong.",
                "2010-11-02",
                &[("September", "2010-09"), ("the quarter", "2010-Q3")],
            ),
            (
                "Losses continue through the third quarter of 1990.",
                "1989-10-26",
                &[("the third quarter of 1990", "1990-Q3")],
            ),
            ("In this year's third quarter, net rose.", "1989-10-26", &[("this year's third quarter", "1989-Q3")]),
            (
                "It could be effective next year's first quarter.",
                "1989-10-31",
                &[("next year's first quarter", "1990-Q1")],
            ),
            ("Earnings for the last half of 1989 will fall.", "1989-10-26", &[("the last half of 1989", "1989-H2")]),
            (
                "The first two quarters of 1990 will be weak.",
                "1989-10-26",
                &[("The first two quarters of 1990", "1990-H1")],
            ),
        ]);
    }

    #[test]
    fn relative_expressions_and_references() {
        check_all(&[
            (
                "Shares fell yesterday and now trade lower.",
                "1998-01-08",
                &[("yesterday", "1998-01-07"), ("now", "PRESENT_REF")],
            ),
            ("Sales fell; two years ago they rose.", "1989-11-02", &[("two years ago", "1987")]),
            // A date in apposition to a day just named is that day's, however far from the
            // creation date.
            (
                "On April 15 the test failed. Five days later, on April 20, the well blew out.",
                "2010-09-09",
                &[("April 15", "2010-04-15"), ("Five days later", "2010-04-20"), ("April 20", "2010-04-20")],
            ),
            ("It was reported nearly two weeks ago.", "1989-10-30", &[("nearly two weeks ago", "1989-W42")]),
            ("CBS first reported last night that it is so.", "1998-01-20", &[("last night", "1998-01-19TNI")]),
            (
                "On May 22, 1995, he was promoted; the following year he left.",
                "1998-04-18",
                &[("May 22, 1995", "1995-05-22"), ("the following year", "1996")],
            ),
            (
                "He arrived on March 3. The next day he left; a week later he returned.",
                "2009-03-10",
                &[("March 3", "2009-03-03"), ("The next day", "2009-03-04"), ("a week later", "2009-W11")],
            ),
            (
                "It was sold earlier this month and recently resold.",
                "2009-03-10",
                &[("earlier this month", "2009-03"), ("recently", "PAST_REF")],
            ),
            (
                "In the past, it grew; in the future it will shrink.",
                "2009-03-10",
                &[("the past", "PAST_REF"), ("the future", "FUTURE_REF")],
            ),
            ("He met aides at mid-afternoon yesterday.", "1989-11-02", &[("mid-afternoon yesterday", "1989-11-01TAF")]),
            ("The offer expires at 5 p.m. EST Nov. 9.", "1989-11-02", &[("5 p.m. EST Nov. 9", "1989-11-09T17:00")]),
            (
                "at 7:41 PM this evening",
                "2009-05-07",
                &[("7:41 PM", "2009-05-07T19:41"), ("this evening", "2009-05-07TEV")],
            ),
            ("They plan to do it by year end.", "1989-10-26", &[("year end", "1989")]),
        ]);
    }

    #[test]
    fn forms_after_heideltime_families() {
        check_all(&[
            // Numeric, spoken and two-digit years; fiscal years.
            (
                "Results for FY 2009 and fiscal '98 beat 1997.",
                "2010-01-05",
                &[("FY 2009", "2009"), ("fiscal '98", "1998"), ("1997", "1997")],
            ),
            ("The city was hit in nineteen seventy-nine.", "1998-01-21", &[("nineteen seventy-nine", "1979")]),
            ("It closed on 12/25/09.", "2010-01-05", &[("12/25/09", "2009-12-25")]),
            // Centuries, decades, the end of a period.
            (
                "By the end of the month, as in the 1800s.",
                "2009-03-07",
                &[("the end of the month", "2009-03"), ("the 1800s", "18XX")],
            ),
            (
                "In the mid-'60s and the early nineteen-seventies.",
                "2009-03-07",
                &[("the mid-'60s", "196"), ("the early nineteen-seventies", "197")],
            ),
            // Holidays with a year or a modifier.
            (
                "Sales rose at Christmas 2008 and fell last Thanksgiving.",
                "2009-03-07",
                &[("Christmas 2008", "2008-12-25"), ("last Thanksgiving", "2008-11-27")],
            ),
            // Anaphoric expressions count from the last date mentioned.
            (
                "It began on May 5, 1995. That year it grew; until then it had not.",
                "1998-04-18",
                &[("May 5, 1995", "1995-05-05"), ("That year", "1995"), ("then", "1995")],
            ),
            (
                "The vote was on June 3. The day before, he resigned.",
                "2009-07-01",
                &[("June 3", "2009-06-03"), ("The day before", "2009-06-02")],
            ),
            // Reports of results: the quarter a date ends, the latest one, the year before.
            (
                "Sales rose in the quarter ended Sept. 30.",
                "1989-11-02",
                &[("the quarter", "1989-Q3"), ("Sept. 30", "1989-09-30")],
            ),
            (
                "Profit in the latest quarter beat the year-earlier quarter.",
                "1989-11-02",
                &[("the latest quarter", "1989-Q3"), ("the year-earlier quarter", "1988-Q3")],
            ),
            // Weekends and weekday-dated days.
            ("Over the weekend, officials met.", "1990-08-13", &[("the weekend", "1990-W32-WE")]),
            ("The editorial on Saturday, April 25, said so.", "1998-04-24", &[("Saturday, April 25", "1998-04-25")]),
            // Names that look like dates are not dates.
            ("He spoke on ABC's \"This Week\" and to the Sunday Times.", "2009-03-07", &[]),
            ("She guest-edited the Today programme; the fall of Rome and spring up.", "2009-03-07", &[]),
            ("The widow, June Scobee Rodgers, spoke in June.", "2009-03-07", &[("June", "2008-06")]),
            ("It recalled a Summer Infant monitor this winter.", "2009-01-07", &[("this winter", "2008-WI")]),
            ("Canon of Lunar Eclipses, 1500 B.C. to 3000 people", "2009-03-07", &[]),
            // Vague counts are references to the past or future.
            (
                "Several years ago, and in the coming months.",
                "2009-03-07",
                &[("Several years ago", "PAST_REF"), ("the coming months", "FUTURE_REF")],
            ),
        ]);
    }

    #[test]
    fn durations_and_recurrences() {
        type Expected = &'static [(&'static str, TimexType, &'static str)];
        let cases: &[(&str, Expected)] = &[
            (
                "for five years, every week",
                &[("five years", TimexType::Duration, "P5Y"), ("every week", TimexType::Set, "P1W")],
            ),
            ("a 12-year-old boy, twice a week", &[("a week", TimexType::Set, "P1W")]),
            (
                "flights leave on Mondays and daily",
                &[("Mondays", TimexType::Set, "XXXX-WXX-1"), ("daily", TimexType::Set, "P1D")],
            ),
            (
                "in the past two years, for several months",
                &[("the past two years", TimexType::Duration, "P2Y"), ("several months", TimexType::Duration, "PXM")],
            ),
        ];
        for (text, expect) in cases {
            let got: Vec<(String, TimexType, String)> = find_timexes(text, "2009-03-07".parse().unwrap())
                .into_iter()
                .map(|t| (t.text, t.kind, t.value.to_string()))
                .collect();
            let expect: Vec<(String, TimexType, String)> =
                expect.iter().map(|(a, k, v)| ((*a).to_owned(), *k, (*v).to_owned())).collect();
            assert_eq!(got, expect, "{text}");
        }
    }

    /// Texts made of the words and marks temporal expressions are made of, and of characters
    /// that take several bytes, in any order.
    fn temporal_soup() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::strategy::Strategy;
        const PIECES: [&str; 40] = [
            "March",
            "May",
            "Friday",
            "Jan.",
            "5",
            "31",
            "1998",
            "'90s",
            "the",
            "last",
            "next",
            "this",
            "week",
            "year",
            "ago",
            "two",
            "quarter",
            "third",
            "of",
            "on",
            "at",
            "p.m.",
            "10:30",
            "GMT",
            "said",
            "will",
            "was",
            "to",
            "\u{201c}",
            "\u{201d}",
            "\u{2019}s",
            "\u{e9}t\u{e9}",
            ".",
            ",",
            "-",
            " ",
            "\n",
            "Christmas",
            "now",
            "fall",
        ];
        // Pieces are joined by a space three times in four, else run together ("March5").
        proptest::collection::vec((proptest::sample::select(&PIECES[..]), 0..4u8), 0..40).prop_map(|pieces| {
            let mut text = String::new();
            for (piece, join) in pieces {
                text.push_str(piece);
                if join > 0 {
                    text.push(' ');
                }
            }
            text
        })
    }

    proptest::proptest! {
        #[test]
        fn temporal_soup_is_read_without_panic(text in temporal_soup()) {
            for t in find_timexes(&text, "2009-03-07".parse().unwrap()) {
                proptest::prop_assert_eq!(&text[t.start..t.end], t.text.as_str());
                proptest::prop_assert!(t.value.to_string().parse::<TimexValue>().is_ok());
            }
        }

        #[test]
        fn any_text_is_read_without_panic_and_spans_hold(text in "(?s).{0,200}") {
            for t in find_timexes(&text, "2009-03-07".parse().unwrap()) {
                proptest::prop_assert_eq!(&text[t.start..t.end], t.text.as_str());
            }
        }
    }
}
