//! The words around a full stop: what the word before it is (a title, an abbreviation, a time,
//! an initial) and whether the word after it can only open a new sentence.
//!
//! The lists are of kinds, not of cases: titles that stand before a name, abbreviations that
//! stand before a number, abbreviations that may end a sentence (company forms, months, weekdays,
//! the states' postal-era forms, units), and the closed classes of English function words
//! (pronouns, determiners, conjunctions, prepositions, auxiliaries, sentence adverbs). A
//! capitalised function word cannot continue a sentence after an abbreviation, so it is the
//! evidence that the abbreviation's full stop also ends the sentence ("in the U.S. How about
//! you?" against "the U.S. Government").

/// What the word before a full stop is, as far as sentence boundaries care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Before {
    /// A title or other word that stands before a name ("Mr.", "Gen.", "v."): never the end.
    Title,
    /// An abbreviation that may end a sentence ("Jan.", "U.S.", "etc."): it ends one before a
    /// capitalised function word.
    Abbreviation,
    /// An abbreviation that ends a name at the end of a clause, a company form or a state after a
    /// city ("Inc.", "Ltd.", "Calif."): it ends a sentence before any capitalised word, since a
    /// name going on after it is set off by a comma ("Richmond, Calif., police said").
    Final,
    /// "a.m." or "p.m.".
    Time,
    /// One capital letter: an initial ("Jonas E. Smith") or the pronoun "I".
    Initial,
    /// Any other word.
    Word,
}

/// Titles and other words that stand before a name (compared in lower case).
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mmes", "mme", "mlle", "dr", "drs", "prof", "profs", "gen", "lt", "col", "maj",
    "capt", "sgt", "cmdr", "cdr", "adm", "cpl", "pvt", "pfc", "rev", "hon", "supt", "insp", "det", "atty", "attys",
    "pres", "brig", "msgr", "sen", "sens", "rep", "reps", "gov", "govs", "amb", "fr", "vs",
];

/// Abbreviations that stand before a number ("No. 5", "p. 55", "vol. 3", "ch. 4"): before a
/// digit they never end a sentence, whatever their case.
const BEFORE_NUMBERS: &[&str] = &[
    "no", "nos", "nr", "n°", "p", "pp", "pg", "pgs", "para", "paras", "vol", "vols", "ch", "chap", "chaps", "fig",
    "figs", "art", "arts", "sec", "secs", "sect", "ext", "op", "tel", "ed", "eq", "eqs", "pt", "pts", "ref", "refs",
    "ca", "approx", "est", "ver", "ord",
];

/// Company forms and the states' forms in news style (compared in lower case).
const FINAL: &[&str] = &[
    "inc", "corp", "co", "cos", "ltd", "llc", "plc", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga",
    "ill", "ind", "kan", "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nebr", "nev",
    "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash", "wis", "wisc", "wyo",
];

/// Other abbreviations that may end a sentence (compared in lower case), by kind: of
/// organisations, after names, Latin and general ones, of addresses, months and weekdays, units.
const ABBREVIATIONS: [&[&str]; 6] = [
    &["bros", "assn", "assoc", "dept", "depts", "univ", "intl", "natl", "govt", "mfg", "div", "admin"],
    &["jr", "sr", "esq"],
    &["etc", "al", "approx", "est", "viz", "cf", "ca", "misc", "resp", "vol", "vols", "fig", "figs", "ch", "chap"],
    &["ave", "blvd", "rd", "st", "ste", "mt", "ft", "hwy", "fwy", "pkwy", "expy", "apt", "bldg", "sq"],
    &[
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
        "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ],
    &["min", "max", "oz", "lb", "lbs", "yr", "yrs", "hr", "hrs", "mos", "cu", "mi", "gal", "qt"],
];

/// Abbreviations that are also ordinary English words: abbreviations only when capitalised
/// ("Ill." is Illinois, "ill." the end of "he fell ill.").
const CAPITALISED_ONLY: &[&str] =
    &["ill", "miss", "mass", "wash", "la", "pa", "ga", "del", "ind", "mo", "ore", "ark", "mar", "sat", "sun", "wed"];

/// Abbreviations written with inner full stops that the pattern of single letters misses.
const DOTTED_WORDS: &[&str] = &["ph.d", "ph.ds", "m.sc", "b.sc", "d.phil"];

/// The closed classes of English function words, capitalised as at the start of a sentence and
/// separated by spaces: pronouns, determiners, conjunctions, prepositions, auxiliaries (and their
/// negative contractions, the part before the apostrophe), sentence adverbs.
const OPENERS: [&str; 6] = [
    concat!(
        "I You He She It We They This That These Those There Here Who Whom Whose What Which Whatever ",
        "Whoever Everyone Everybody Everything Someone Somebody Something Anyone Anybody Anything Nobody ",
        "Nothing None Each Both All Some Many Most More Few Several Such Another Others",
    ),
    "The A An His Her Its Our Their My Your Every Any No Neither Either",
    concat!(
        "And But Or Nor So Yet Because Although Though While Whereas If Unless Until Since As After ",
        "Before Once When Whenever Where Wherever Whether Why How",
    ),
    concat!(
        "In On At By For From With Without Of To Into Over Under About Above Below Between Among During ",
        "Through Throughout Despite Against Along Across Around Behind Beyond Near Toward Towards Within ",
        "Upon Unlike Amid According",
    ),
    concat!(
        "Is Are Was Were Be Been Being Do Does Did Have Has Had Can Could Will Would Shall Should Might ",
        "Must Don Doesn Didn Isn Aren Wasn Weren Won Couldn Wouldn Shouldn Haven Hasn Hadn",
    ),
    concat!(
        "However Meanwhile Then Now Still Also Instead Nevertheless Moreover Furthermore Indeed Thus ",
        "Therefore Otherwise Later Earlier Not Never Only Even Just Perhaps Yes Already Again Finally ",
        "Eventually Today Yesterday Tomorrow",
    ),
];

/// Time zones that follow "a.m." or "p.m." inside a sentence (so do days and months).
const TIME_ZONES: &[&str] = &[
    "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "PT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "Eastern",
    "Central", "Mountain", "Pacific", "local",
];
/// Months shortened with a stop that follow "a.m." or "p.m." inside a sentence.
const DOTTED_MONTHS: &[&str] = &["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/// Prepositions that open a fronted time phrase ("At 5 a.m. Mr. Smith went to the bank").
const TIME_PREPOSITIONS: &[&str] =
    &["At", "By", "Before", "After", "Until", "Till", "From", "Around", "About", "Since"];

/// What `word` (the text before a full stop, without the stop) is.
pub(super) fn classify(word: &str) -> Before {
    let mut chars = word.chars();
    let (Some(first), rest) = (chars.next(), chars.as_str()) else { return Before::Word };
    if rest.is_empty() {
        return if first.is_uppercase() {
            Before::Initial
        } else if first == 'v' {
            Before::Title
        } else {
            Before::Word
        };
    }
    if word.len() > 8 {
        return Before::Word;
    }
    let lower = word.to_lowercase();
    if matches!(lower.as_str(), "a.m" | "p.m") {
        return Before::Time;
    }
    if TITLES.contains(&lower.as_str()) {
        return Before::Title;
    }
    if CAPITALISED_ONLY.contains(&lower.as_str()) && !first.is_uppercase() {
        return Before::Word;
    }
    if FINAL.contains(&lower.as_str()) {
        return Before::Final;
    }
    if ABBREVIATIONS.iter().any(|kind| kind.contains(&lower.as_str())) {
        return Before::Abbreviation;
    }
    if DOTTED_WORDS.contains(&lower.as_str()) || is_dotted(word) {
        return Before::Abbreviation;
    }
    Before::Word
}

/// True for single letters joined by full stops: "U.S", "e.g", "D.C", "U.S.A".
fn is_dotted(word: &str) -> bool {
    let mut letters = 0;
    let mut expect_letter = true;
    for c in word.chars() {
        if expect_letter && c.is_alphabetic() {
            letters += 1;
            expect_letter = false;
        } else if !expect_letter && c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    letters >= 2 && !expect_letter
}

/// True when `word` is an abbreviation that stands before a number ("no", "p", "vol").
pub(super) fn before_numbers(word: &str) -> bool {
    word.len() <= 6 && BEFORE_NUMBERS.contains(&word.to_lowercase().as_str())
}

/// True when `word` (as it stands after a full stop, perhaps with quotes, brackets or trailing
/// punctuation) is a capitalised function word, which only opens a sentence.
pub(super) fn is_opener(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = word.find(|c: char| !c.is_alphabetic()).unwrap_or(word.len());
    let word = &word[..end];
    !word.is_empty() && OPENERS.iter().any(|class| class.split(' ').any(|w| w == word))
}

/// True when `word` may follow "a.m." or "p.m." inside a sentence: a time zone, a day, a month.
pub(super) fn follows_a_time(word: &str) -> bool {
    let bare = word.trim_end_matches([',', ';', ')']);
    TIME_ZONES.contains(&bare)
        || crate::dates::WEEKDAYS.contains(&bare)
        || crate::dates::MONTHS.contains(&bare)
        || DOTTED_MONTHS.contains(&bare)
        || bare.starts_with(|c: char| c.is_ascii_digit())
}

/// True when `sentence` (the sentence so far) is only a fronted time phrase: a capitalised
/// preposition and at most two more words ("At 5", "Until 10:30"), which is no sentence alone.
pub(super) fn is_time_phrase(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    let first = words.next().unwrap_or("").trim_start_matches(|c: char| !c.is_alphanumeric());
    TIME_PREPOSITIONS.contains(&first) && words.count() <= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_word_before_a_stop() {
        let cases = [
            ("Mr", Before::Title),
            ("gen", Before::Title),
            ("v", Before::Title),
            ("Inc", Before::Final),
            ("co", Before::Final),
            ("Calif", Before::Final),
            ("Jr", Before::Abbreviation),
            ("U.S", Before::Abbreviation),
            ("U.S.A", Before::Abbreviation),
            ("Ph.D", Before::Abbreviation),
            ("Ill", Before::Final),
            ("ill", Before::Word),
            ("a.m", Before::Time),
            ("P.M", Before::Time),
            ("E", Before::Initial),
            ("I", Before::Initial),
            ("world", Before::Word),
            ("x", Before::Word),
            ("", Before::Word),
            ("approximately", Before::Word),
        ];
        for (word, expected) in cases {
            assert_eq!(classify(word), expected, "{word:?}");
        }
    }

    #[test]
    fn openers_are_capitalised_function_words() {
        for (word, expected) in [
            ("The", true),
            ("\"It's", true),
            ("(However,", true),
            ("Don't", true),
            ("Government", false),
            ("the", false),
            ("", false),
        ] {
            assert_eq!(is_opener(word), expected, "{word:?}");
        }
    }

    #[test]
    fn time_words_and_phrases() {
        assert!(follows_a_time("Friday,"));
        assert!(follows_a_time("EST"));
        assert!(!follows_a_time("Mr."));
        assert!(is_time_phrase("At 5"));
        assert!(!is_time_phrase("He left the bank at 6"));
        assert!(before_numbers("No"));
        assert!(before_numbers("pp"));
        assert!(!before_numbers("said"));
    }
}
