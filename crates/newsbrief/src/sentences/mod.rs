//! An English sentence splitter for news text.
//!
//! Every sentence is a byte span of the text it was split from. Architecture Invariant: the spans
//! are in order, do not overlap, start and end on non-whitespace, and what lies between two
//! consecutive spans is whitespace only, so the spans and the gaps concatenate back to the text.
//!
//! Boundaries are decided by rules in the manner of pySBD (Golden Rules): abbreviations before a
//! period ("Mr.", "U.S.", "a.m.", "Jan."), initials, numbers, addresses, closing quotes and
//! brackets, ellipses written "..." or ". . .", numbered and bulleted lists, and line breaks
//! (a paragraph break always ends a sentence; a single line break does unless the next line
//! starts in lower case).

use std::sync::LazyLock;

use regex::Regex;

/// One sentence: a byte range `start..end` of the text it was split from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Sentence {
    /// Byte offset of the sentence's first character.
    pub start: usize,
    /// Byte offset just past the sentence's last character.
    pub end: usize,
}

impl Sentence {
    /// The sentence's text within `source`, the text it was split from.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// Abbreviations that come before a name or number: never the end of a sentence.
const PREFIXES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "cmdr",
    "adm", "cpl", "pvt", "rev", "hon", "supt", "insp", "det", "atty", "pres", "st", "mt", "ft", "fr", "p", "pp", "fig",
    "figs", "vol", "ch", "vs", "v", "n°", "no", "nos", "art", "sec", "op", "cf",
];
/// Prefixes that count only when capitalised ("No. 5" but not "said no.").
const CAPITALISED_ONLY: &[&str] = &["no", "nos", "art", "sec", "op", "v"];
/// Abbreviations that may end a sentence: a boundary only when a sentence opener follows.
const ABBREVIATIONS: &[&str] = &[
    "co", "corp", "inc", "ltd", "llc", "plc", "bros", "jr", "sr", "etc", "al", "approx", "est", "dept", "univ", "assn",
    "ave", "blvd", "ph.d", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "ala", "ariz", "ark", "calif", "colo", "conn",
    "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb",
    "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wis", "wyo", "min", "max", "ft", "oz", "lb", "lbs", "yr",
    "yrs", "hr", "hrs",
];
/// Capitalised words that open a new sentence after an abbreviation that may end one.
const OPENERS: &[&str] = &[
    "I",
    "He",
    "She",
    "It",
    "They",
    "We",
    "You",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Their",
    "His",
    "Her",
    "Its",
    "Our",
    "My",
    "A",
    "An",
    "But",
    "And",
    "However",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "What",
    "How",
    "Why",
    "Who",
    "Where",
    "After",
    "Before",
    "Since",
    "While",
    "Although",
    "Meanwhile",
    "Yet",
    "So",
    "Still",
    "Then",
    "Now",
    "Later",
    "Earlier",
    "According",
    "Is",
    "Are",
    "Was",
    "Do",
    "Does",
    "Did",
    "Can",
    "Will",
];
/// Time zones that follow "a.m." or "p.m." inside a sentence (so do days and months).
const TIME_ZONES: &[&str] = &[
    "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "PT", "PST", "PDT", "GMT", "UTC", "BST", "CET", "Eastern",
    "Central", "Mountain", "Pacific",
];
/// Months shortened with a stop that follow "a.m." or "p.m." inside a sentence.
const DOTTED_MONTHS: &[&str] = &["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

/// A word that may follow "a.m." or "p.m." inside a sentence: a time zone, a day, a month.
fn follows_a_time(word: &str) -> bool {
    TIME_ZONES.contains(&word)
        || crate::dates::WEEKDAYS.contains(&word)
        || crate::dates::MONTHS.contains(&word)
        || DOTTED_MONTHS.contains(&word)
}

const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '»'];
const OPENING: &[char] = &['"', '“', '‘', '\'', '(', '[', '«', '¿', '¡'];
const BULLETS: &[char] = &['•', '⁃', '▪', '◦', '‣', '●'];

static DOTTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\p{L}\.)+\p{L}?$").expect("valid regex"));
static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s•⁃▪◦‣●])(?P<value>\d{1,3}|[a-z])(?P<punct>\.\)|\.|\))\s").expect("valid regex")
});

/// Splits `text` into sentences.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (start, end) in blocks(text) {
        split_block(text, start, end, &mut sentences);
    }
    sentences
}

/// Byte ranges of the blocks between hard line breaks.
fn blocks(text: &str) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let rest = &text[i + 1..];
            let next_line_start = rest.trim_start_matches([' ', '\t', '\r']);
            let paragraph_break = next_line_start.starts_with('\n');
            let continues = next_line_start.chars().next().is_some_and(char::is_lowercase);
            if paragraph_break || !continues {
                blocks.push((start, i));
                start = i + 1;
            }
        }
        i += 1;
    }
    blocks.push((start, text.len()));
    blocks
}

/// A list of numbered or lettered items in a block: where items start (a forced boundary), and
/// the marker punctuation after which no boundary may fall.
struct Lists {
    item_starts: Vec<usize>,
    marker_ends: Vec<usize>,
}

fn find_lists(text: &str, start: usize, end: usize) -> Lists {
    let block = &text[start..end];
    let mut lists = Lists { item_starts: Vec::new(), marker_ends: Vec::new() };
    for (offset, ch) in block.char_indices() {
        if BULLETS.contains(&ch) && offset > 0 {
            lists.item_starts.push(start + offset);
        }
    }
    let markers: Vec<(usize, &str, usize)> = LIST_MARKER
        .captures_iter(block)
        .map(|caps| {
            let value = caps.name("value").expect("value always matches");
            let punct = caps.name("punct").expect("punct always matches");
            (start + value.start(), value.as_str(), start + punct.start())
        })
        .collect();
    for &(at, _, punct) in &markers {
        let before = text[start..at].trim_end();
        if before.is_empty() || before.ends_with(BULLETS) {
            lists.marker_ends.push(punct);
        }
    }
    // A chain of consecutive markers (1, 2, 3 or a, b, c) starting at the block's start is a list.
    let Some(&(first_at, first_value, _)) = markers.first() else { return lists };
    if !text[start..first_at].trim().trim_matches(BULLETS).is_empty() {
        return lists;
    }
    let mut expected = successor(first_value);
    let mut chain = vec![markers[0]];
    for &marker in &markers[1..] {
        if Some(marker.1.to_owned()) == expected {
            expected = successor(marker.1);
            chain.push(marker);
        }
    }
    if chain.len() >= 2 {
        for &(at, _, punct) in &chain {
            lists.marker_ends.push(punct);
            if at > first_at && !text[start..at].trim_end().ends_with(BULLETS) {
                lists.item_starts.push(at);
            }
        }
    }
    lists
}

fn successor(value: &str) -> Option<String> {
    if let Ok(number) = value.parse::<u32>() {
        return Some((number + 1).to_string());
    }
    let letter = value.chars().next()?;
    (letter < 'z').then(|| char::from(letter as u8 + 1).to_string())
}

fn split_block(text: &str, start: usize, end: usize, out: &mut Vec<Sentence>) {
    let lists = find_lists(text, start, end);
    let mut boundaries: Vec<usize> = lists.item_starts.clone();
    let mut i = start;
    while i < end {
        let ch = text[i..].chars().next().expect("i is on a char boundary");
        let boundary = match ch {
            '!' | '?' => {
                let run_end = skip_while(text, i, end, |c| matches!(c, '!' | '?' | '.'));
                let after = skip_while(text, run_end, end, |c| CLOSERS.contains(&c));
                i = run_end;
                starts_new_sentence(text, after, end).then_some(after)
            }
            '.' => {
                let (decision, next) = period(text, start, i, end, &lists);
                i = next;
                decision
            }
            _ => {
                i += ch.len_utf8();
                None
            }
        };
        if let Some(at) = boundary {
            boundaries.push(at);
        }
    }
    boundaries.sort_unstable();
    boundaries.dedup();
    let mut from = start;
    for at in boundaries.into_iter().chain(std::iter::once(end)) {
        push_trimmed(text, from, at, out);
        from = at.max(from);
    }
}

/// Decides whether the period at `i` ends a sentence; returns the boundary, if any, and where
/// scanning goes on.
fn period(text: &str, block_start: usize, i: usize, end: usize, lists: &Lists) -> (Option<usize>, usize) {
    // A run of dots, perhaps spaced: ".", "...", ". . . .".
    let mut run_end = i + 1;
    let mut dots = 1;
    let mut spaced = false;
    loop {
        let rest = &text[run_end..end];
        if rest.starts_with('.') {
            run_end += 1;
            dots += 1;
        } else if rest.starts_with(" .") && !rest.starts_with(" .\u{20}\u{20}") {
            run_end += 2;
            dots += 1;
            spaced = true;
        } else {
            break;
        }
    }
    let attached = i > block_start && !text[..i].ends_with(char::is_whitespace);
    let after = skip_while(text, run_end, end, |c| CLOSERS.contains(&c));
    if dots >= 2 {
        let next_upper = next_word(text, after, end).is_some_and(|w| w.starts_with(char::is_uppercase));
        let decision = if spaced && attached && dots >= 4 {
            // "compounds. . . . The": the word's own period ends it; the ellipsis opens the next.
            (next_upper && text[after..end].starts_with(char::is_whitespace)).then_some(i + 1)
        } else if dots >= 4 {
            (next_upper || after == end).then_some(after)
        } else {
            None
        };
        let next = if decision == Some(i + 1) { i + 1 } else { run_end };
        return (decision, next);
    }
    if after < end && !text[after..].starts_with(char::is_whitespace) {
        return (None, run_end);
    }
    if lists.marker_ends.contains(&i) {
        return (None, run_end);
    }
    let word = word_before(text, block_start, i);
    let Some(next) = next_word(text, after, end) else { return (Some(after), run_end) };
    let first = next.trim_start_matches(OPENING).chars().next().unwrap_or(' ');
    if first.is_lowercase() {
        return (None, run_end);
    }
    let lower = word.to_lowercase();
    let is_prefix = PREFIXES.contains(&lower.as_str())
        && (!CAPITALISED_ONLY.contains(&lower.as_str()) || word.starts_with(char::is_uppercase));
    if is_prefix {
        return (None, run_end);
    }
    if word.chars().count() == 1 && word.starts_with(char::is_uppercase) {
        // An initial ("Jonas E. Smith"), unless it is the pronoun "I" closing a sentence.
        let pronoun = word == "I" && previous_word_is_lowercase(text, block_start, i - 1);
        return ((pronoun && first.is_uppercase()).then_some(after), run_end);
    }
    let is_time = matches!(lower.as_str(), "a.m" | "p.m");
    let is_abbreviation = ABBREVIATIONS.contains(&lower.as_str()) || DOTTED.is_match(word);
    if is_time {
        let words_so_far = text[block_start..i].split_whitespace().count();
        let continues = follows_a_time(next) || first.is_ascii_digit() || words_so_far < 4;
        return ((!continues).then_some(after), run_end);
    }
    if is_abbreviation {
        let opener = next.trim_start_matches(OPENING);
        let opener = opener.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        return (OPENERS.contains(&opener).then_some(after), run_end);
    }
    (Some(after), run_end)
}

/// The word just before byte `i`, without opening quotes or brackets.
fn word_before(text: &str, block_start: usize, i: usize) -> &str {
    last_word(&text[block_start..i]).trim_start_matches(OPENING)
}

fn previous_word_is_lowercase(text: &str, block_start: usize, i: usize) -> bool {
    last_word(text[block_start..i].trim_end()).starts_with(char::is_lowercase)
}

/// The text after the last whitespace character of `text`.
fn last_word(text: &str) -> &str {
    text.rsplit(char::is_whitespace).next().unwrap_or(text)
}

/// The word starting after whitespace at `at`, if the text goes on.
fn next_word(text: &str, at: usize, end: usize) -> Option<&str> {
    let rest = text[at..end].trim_start();
    let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    (!rest.is_empty()).then(|| &rest[..word_end])
}

/// True when a new sentence may start after byte `at`: the block ends, or whitespace and then a
/// word that does not start in lower case.
fn starts_new_sentence(text: &str, at: usize, end: usize) -> bool {
    if at >= end {
        return true;
    }
    if !text[at..].starts_with(char::is_whitespace) {
        return false;
    }
    match next_word(text, at, end) {
        Some(word) => !word.trim_start_matches(OPENING).starts_with(char::is_lowercase),
        None => true,
    }
}

fn skip_while(text: &str, from: usize, end: usize, keep: impl Fn(char) -> bool) -> usize {
    text[from..end].char_indices().find(|&(_, c)| !keep(c)).map_or(end, |(offset, _)| from + offset)
}

fn push_trimmed(text: &str, from: usize, to: usize, out: &mut Vec<Sentence>) {
    if from >= to {
        return;
    }
    let piece = &text[from..to];
    let trimmed_start = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = from + trimmed_start;
        out.push(Sentence { start, end: start + trimmed.len() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[&str]) {
        let got: Vec<&str> = split_sentences(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(got, expect, "input: {text:?}");
    }

    #[test]
    fn golden_rule_samples() {
        check("Hello World. My name is Jonas.", &["Hello World.", "My name is Jonas."]);
        check("My name is Jonas E. Smith.", &["My name is Jonas E. Smith."]);
        check("Let's ask Jane and co. They should know.", &["Let's ask Jane and co.", "They should know."]);
        check("I live in the U.S. How about you?", &["I live in the U.S.", "How about you?"]);
        check("I work for the U.S. Government in Virginia.", &["I work for the U.S. Government in Virginia."]);
        check(
            "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
            &[
                "At 5 a.m. Mr. Smith went to the bank.",
                "He left the bank at 6 P.M.",
                "Mr. Smith then went to the store.",
            ],
        );
        check("She turned to him, \"This is great.\" she said.", &["She turned to him, \"This is great.\" she said."]);
        check("1.) The first item 2.) The second item", &["1.) The first item", "2.) The second item"]);
        check("• 9. The first item • 10. The second item", &["• 9. The first item", "• 10. The second item"]);
        check(
            "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
            &["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"],
        );
        check("I never meant that.... She left the store.", &["I never meant that....", "She left the store."]);
    }

    #[test]
    fn news_cases() {
        check(
            "Formal talks start on Jan. 26 in Brussels. Lavrov said so.",
            &["Formal talks start on Jan. 26 in Brussels.", "Lavrov said so."],
        );
        check(
            "U.S.-Russia ties deteriorated. The U.S. Senate ratified it.",
            &["U.S.-Russia ties deteriorated.", "The U.S. Senate ratified it."],
        );
        check(
            "\"We did not agree,\" Lavrov said. \"I think we can.\"",
            &["\"We did not agree,\" Lavrov said.", "\"I think we can.\""],
        );
        check("Gen. David Petraeus arrived. He spoke.", &["Gen. David Petraeus arrived.", "He spoke."]);
        check("He said no. The talks ended.", &["He said no.", "The talks ended."]);
    }

    #[test]
    fn line_breaks() {
        check("Headline without stop\n\nFirst sentence here.", &["Headline without stop", "First sentence here."]);
        check("A sentence broken\nacross lines. Next one.", &["A sentence broken\nacross lines.", "Next one."]);
        check("Title\nBody starts here.", &["Title", "Body starts here."]);
    }

    #[test]
    fn spans_cover_the_text_with_whitespace_gaps() {
        let text = "  One. Two!  \n\n Three? \"Four.\" ";
        let sentences = split_sentences(text);
        let mut at = 0;
        for s in &sentences {
            assert!(text[at..s.start].trim().is_empty());
            at = s.end;
        }
        assert!(text[at..].trim().is_empty());
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_keeps_the_invariant(text in "\\PC{0,200}") {
            let sentences = split_sentences(&text);
            let mut at = 0;
            for s in &sentences {
                proptest::prop_assert!(s.start >= at && s.start < s.end);
                proptest::prop_assert!(text[at..s.start].trim().is_empty());
                at = s.end;
            }
            proptest::prop_assert!(text[at..].trim().is_empty());
        }
    }
}
