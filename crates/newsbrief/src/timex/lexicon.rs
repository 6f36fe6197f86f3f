//! The words of temporal expressions, as closed classes of English: numbers and ordinals in
//! words, calendar units, seasons, parts of the day, decades in words, holidays (fixed days and
//! days computed from the calendar), and the irregular past forms of verbs the tense reader
//! needs. Each class comes with the regular-expression alternation that matches it.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::value::{PartOfDay, Season, Unit};

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const ORDINAL_ONES: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const ORDINAL_TENS: [&str; 8] =
    ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

/// A cardinal number from 1 to 99 in words ("seven", "twenty-four", "twenty four").
pub(crate) fn cardinal_pattern() -> String {
    let ones = ONES[1..].join("|");
    let tens = TENS.join("|");
    let units = ONES[1..10].join("|");
    format!("(?:(?:{tens})(?:[- ](?:{units}))?|{ones})")
}

/// An ordinal from 1st to 99th in words ("eighth", "twenty-first").
pub(super) fn ordinal_pattern() -> String {
    let ones = ORDINAL_ONES[1..].join("|");
    let tens = TENS.join("|");
    let ordinal_tens = ORDINAL_TENS.join("|");
    let units = ORDINAL_ONES[1..10].join("|");
    format!("(?:(?:{tens})[- ](?:{units})|{ordinal_tens}|{ones})")
}

/// The value of a cardinal from 1 to 99 in words or digits.
pub(crate) fn cardinal(word: &str) -> Option<u32> {
    number_in(word, &ONES, &TENS)
}

/// The value of an ordinal from 1st to 99th in words ("eighth") or digits ("8th", "8").
pub(super) fn ordinal(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        return lower.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse().ok();
    }
    if let Some(n) = (0u32..).zip(ORDINAL_TENS).find(|(_, w)| *w == lower).map(|(i, _)| 20 + 10 * i) {
        return Some(n);
    }
    number_in(&lower, &ORDINAL_ONES, &TENS)
}

fn number_in(word: &str, ones: &[&str; 20], tens: &[&str; 8]) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    if !lower.is_empty() && lower.bytes().all(|b| b.is_ascii_digit()) {
        return lower.parse().ok();
    }
    let index = |list: &[&str], w: &str| list.iter().position(|x| *x == w).and_then(|i| u32::try_from(i).ok());
    match lower.split_once(['-', ' ']) {
        Some((ten, one)) => {
            let ten = index(tens, ten)?;
            let one = index(&ones[..10], one).filter(|&n| n > 0)?;
            Some(20 + 10 * ten + one)
        }
        None => index(ones, &lower).or_else(|| index(tens, &lower).map(|t| 20 + 10 * t)),
    }
}

/// Words for a count: a cardinal, digits, or a vague amount ("several", "a few").
pub(super) fn count_pattern() -> String {
    format!(r"(?:\d+(?:\.\d+)?|{}|a couple of|a few|few|several|a|an|one|some|many|a number of)", cardinal_pattern())
}

/// The amount a count gives: `Some(None)` for a vague one ("several"), `None` for no count.
// The inner `None` is an amount TimeML writes as `X`, the outer one no count at all.
#[allow(clippy::option_option)]
pub(super) fn count(words: &str) -> Option<Option<u32>> {
    let lower = words.to_ascii_lowercase();
    match lower.as_str() {
        "a" | "an" => Some(Some(1)),
        "a couple of" | "a few" | "few" | "several" | "some" | "many" | "a number of" => Some(None),
        _ if lower.contains('.') => None,
        _ => cardinal(&lower).map(Some),
    }
}

/// The calendar units' words, singular and plural.
pub(super) const UNIT_WORDS: [&str; 25] = [
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "weekend",
    "weekends",
    "week",
    "weeks",
    "fortnight",
    "fortnights",
    "month",
    "months",
    "quarter",
    "quarters",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "millennium",
];

/// The calendar units, singular or plural ("day", "weeks", "centuries").
pub(super) const UNIT_PATTERN: &str = r"(?:seconds?|minutes?|hours?|days?|weekends?|weeks?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millenni(?:um|a))";

/// The unit a unit word names, with how many of it one such word is ("fortnight": two weeks).
pub(super) fn unit(word: &str) -> Option<(Unit, u32)> {
    let lower = word.to_ascii_lowercase();
    let singular = lower.trim_end_matches('s');
    Some(match singular {
        "second" => (Unit::Second, 1),
        "minute" => (Unit::Minute, 1),
        "hour" => (Unit::Hour, 1),
        "day" => (Unit::Day, 1),
        "weekend" => (Unit::Weekend, 1),
        "week" => (Unit::Week, 1),
        "fortnight" => (Unit::Week, 2),
        "month" => (Unit::Month, 1),
        "quarter" => (Unit::Quarter, 1),
        "year" => (Unit::Year, 1),
        "decade" => (Unit::Decade, 1),
        "century" | "centurie" => (Unit::Century, 1),
        "millennium" | "millennia" => (Unit::Millennium, 1),
        _ => return None,
    })
}

/// The seasons ("autumn" and "fall" alike).
pub(super) const SEASON_PATTERN: &str = r"(?:spring|summer|autumn|fall|winter)";

/// The season a word names.
pub(super) fn season(word: &str) -> Option<Season> {
    Some(match word.to_ascii_lowercase().as_str() {
        "spring" => Season::Spring,
        "summer" => Season::Summer,
        "autumn" | "fall" => Season::Fall,
        "winter" => Season::Winter,
        _ => return None,
    })
}

/// The parts of the day.
pub(super) const PART_OF_DAY_PATTERN: &str = r"(?:morning|afternoon|evening|night|midday|noon|daytime)";

/// The part of the day a word names.
pub(super) fn part_of_day(word: &str) -> Option<PartOfDay> {
    Some(match word.to_ascii_lowercase().trim_start_matches("mid-").trim_start_matches("mid") {
        "morning" => PartOfDay::Morning,
        "afternoon" => PartOfDay::Afternoon,
        "evening" => PartOfDay::Evening,
        "night" | "tonight" => PartOfDay::Night,
        "day" | "noon" => PartOfDay::Midday,
        "daytime" => PartOfDay::Daytime,
        _ => return None,
    })
}

/// The decades in words ("the nineties").
pub(super) const DECADE_WORD_PATTERN: &str =
    r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)";

/// The decade (2 to 9) a decade word names.
pub(super) fn decade_word(word: &str) -> Option<u32> {
    let lower = word.to_ascii_lowercase();
    let tens = lower.strip_suffix("ies")?;
    TENS.iter().position(|t| t.strip_suffix('y') == Some(tens)).and_then(|i| u32::try_from(i + 2).ok())
}

/// How a holiday's day is found in a given year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Holiday {
    /// The same day every year: month and day.
    Fixed(u32, u32),
    /// The `n`th (`-1`: the last) weekday of a month.
    NthWeekday(u32, Weekday, i32),
    /// A number of days from Western Easter Sunday.
    Easter(i64),
}

impl Holiday {
    /// Its day in `year`.
    pub(super) fn in_year(self, year: i32) -> Option<NaiveDate> {
        match self {
            Holiday::Fixed(month, day) => NaiveDate::from_ymd_opt(year, month, day),
            Holiday::NthWeekday(month, weekday, n) if n > 0 => {
                NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(n).ok()?)
            }
            Holiday::NthWeekday(month, weekday, _) => {
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)
                }?;
                let last = next - Duration::days(1);
                let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
                Some(last - Duration::days(i64::from(back)))
            }
            Holiday::Easter(offset) => easter(year).map(|d| d + Duration::days(offset)),
        }
    }
}

/// Western Easter Sunday of `year` (the anonymous Gregorian algorithm).
// The algorithm's quantities are known by their published letters.
#[allow(clippy::many_single_char_names)]
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The holidays of the English-speaking calendar news dates events by, with how to find their
/// day: the fixed ones and the ones set by a weekday of a month or by Easter.
pub(super) const HOLIDAYS: [(&str, Holiday); 21] = [
    ("New Year's Day", Holiday::Fixed(1, 1)),
    ("New Year's Eve", Holiday::Fixed(12, 31)),
    ("New Year's", Holiday::Fixed(1, 1)),
    ("Valentine's Day", Holiday::Fixed(2, 14)),
    ("St. Patrick's Day", Holiday::Fixed(3, 17)),
    ("May Day", Holiday::Fixed(5, 1)),
    ("Independence Day", Holiday::Fixed(7, 4)),
    ("Fourth of July", Holiday::Fixed(7, 4)),
    ("Halloween", Holiday::Fixed(10, 31)),
    ("Veterans Day", Holiday::Fixed(11, 11)),
    ("Remembrance Day", Holiday::Fixed(11, 11)),
    ("Christmas Eve", Holiday::Fixed(12, 24)),
    ("Christmas Day", Holiday::Fixed(12, 25)),
    ("Christmas", Holiday::Fixed(12, 25)),
    ("Boxing Day", Holiday::Fixed(12, 26)),
    ("Martin Luther King Day", Holiday::NthWeekday(1, Weekday::Mon, 3)),
    ("Memorial Day", Holiday::NthWeekday(5, Weekday::Mon, -1)),
    ("Labor Day", Holiday::NthWeekday(9, Weekday::Mon, 1)),
    ("Thanksgiving", Holiday::NthWeekday(11, Weekday::Thu, 4)),
    ("Good Friday", Holiday::Easter(-2)),
    ("Easter", Holiday::Easter(0)),
];

/// The holidays' names, the longer first (so that "Christmas Eve" wins over "Christmas").
pub(super) fn holiday_pattern() -> String {
    let mut names: Vec<String> = HOLIDAYS
        .iter()
        .map(|(name, _)| {
            // "Valentine's" and "Veterans" are also written "Valentines" and "Veterans'".
            regex::escape(name)
                .replace('\'', "(?:'|\u{2019})?")
                .replace("Veterans", "Veterans'?")
                .replace("St\\.", "(?:St\\.|Saint)")
        })
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    format!("(?:{})(?: Day| Sunday)?", names.join("|"))
}

/// The holiday a name gives.
pub(super) fn holiday(name: &str) -> Option<Holiday> {
    let folded = |s: &str| -> String {
        s.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase().replace("saint", "st")
    };
    let name = folded(name);
    HOLIDAYS
        .iter()
        .filter(|(n, _)| name.starts_with(&folded(n)))
        .max_by_key(|(n, _)| n.len())
        .map(|(_, holiday)| *holiday)
}

/// The irregular past forms (simple past and past participle) of common English verbs, sorted
/// (for a binary search); regular ones are read from their "-ed" ending.
#[rustfmt::skip]
pub(super) const IRREGULAR_PAST: &[&str] = &[
    "arisen", "arose", "ate", "awoke", "beaten", "became", "been", "began", "begun", "bent", "bitten", "bled",
    "blew", "blown", "bore", "borne", "bought", "bound", "bred", "broke", "broken", "brought", "built", "came",
    "caught", "chose", "chosen", "clung", "crept", "dealt", "did", "done", "drawn", "dreamt", "drew", "driven",
    "drove", "dug", "eaten", "fallen", "fed", "fell", "felt", "fled", "flew", "flown", "forbade", "forbidden",
    "forgave", "forgiven", "forgot", "forgotten", "forsaken", "forsook", "fought", "found", "froze", "frozen",
    "gave", "given", "gone", "got", "gotten", "grew", "grown", "had", "heard", "held", "hid", "hidden", "hung",
    "kept", "knelt", "knew", "known", "laid", "leapt", "led", "left", "lent", "lit", "lost", "made", "meant", "met",
    "misled", "mistaken", "mistook", "outgrew", "overcame", "overheard", "overran", "overrode", "oversaw",
    "overseen", "overthrew", "overthrown", "overtook", "paid", "ran", "rang", "rebuilt", "ridden", "risen", "rode",
    "rose", "said", "sang", "sank", "sat", "saw", "seen", "sent", "sewn", "shook", "shot", "shown", "shrank",
    "slain", "slept", "slid", "sold", "sought", "sown", "spat", "sped", "spent", "spoke", "spoken", "sprang",
    "spun", "stank", "stole", "stolen", "stood", "strode", "struck", "stuck", "stung", "swam", "swept", "swollen",
    "swore", "sworn", "swung", "taken", "taught", "thought", "threw", "thrown", "told", "took", "tore", "torn",
    "understood", "undertook", "underwent", "undid", "undone", "upheld", "was", "went", "wept", "were", "withdrawn",
    "withdrew", "withheld", "withstood", "woke", "won", "wore", "worn", "wound", "wove", "woven", "written",
    "wrote",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_and_ordinals_in_words() {
        let cases: &[(&str, Option<u32>)] = &[
            ("seven", Some(7)),
            ("twenty-four", Some(24)),
            ("twenty four", Some(24)),
            ("ninety", Some(90)),
            ("12", Some(12)),
            ("twenty-zero", None),
            ("lots", None),
        ];
        for (word, expected) in cases {
            assert_eq!(cardinal(word), *expected, "{word}");
        }
        let cases: &[(&str, Option<u32>)] = &[
            ("eighth", Some(8)),
            ("twenty-first", Some(21)),
            ("thirtieth", Some(30)),
            ("3rd", Some(3)),
            ("Twelfth", Some(12)),
        ];
        for (word, expected) in cases {
            assert_eq!(ordinal(word), *expected, "{word}");
        }
        assert_eq!(decade_word("nineties"), Some(9));
        assert_eq!(decade_word("Twenties"), Some(2));
        assert_eq!(count("a few"), Some(None));
        assert_eq!(count("an"), Some(Some(1)));
    }

    #[test]
    fn irregular_pasts_are_sorted() {
        assert!(IRREGULAR_PAST.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn finds_holidays_in_a_year() {
        let cases: &[(&str, i32, &str)] = &[
            ("Christmas Eve", 2009, "2009-12-24"),
            ("Christmas", 2009, "2009-12-25"),
            ("Thanksgiving Day", 2009, "2009-11-26"),
            ("Memorial Day", 2009, "2009-05-25"),
            ("Labor Day", 1998, "1998-09-07"),
            ("Easter Sunday", 2009, "2009-04-12"),
            ("Good Friday", 2011, "2011-04-22"),
            ("Saint Patrick's Day", 2009, "2009-03-17"),
            ("Veterans' Day", 2009, "2009-11-11"),
        ];
        let pattern = regex::Regex::new(&format!("^{}$", holiday_pattern())).unwrap();
        for (name, year, expected) in cases {
            assert!(pattern.is_match(name), "{name}");
            let day = holiday(name).and_then(|h| h.in_year(*year)).map(|d| d.to_string());
            assert_eq!(day.as_deref(), Some(*expected), "{name}");
        }
    }
}
