//! Direct quotations and their speakers. A quotation is text in straight or curly double quotes
//! of four words or more (shorter ones are scare quotes or single terms). Its speaker is named
//! beside it ("...," Lavrov said / said Lavrov / Obama told reporters: "..."), or is the person
//! a pronoun stands for ("he said": the subject of the last sentence that named one), or, for a
//! quotation standing alone, the speaker of the quotation before it.

use std::sync::LazyLock;

use regex::Regex;

use crate::story::entities::SPEECH_VERBS;

/// A quotation found in a paragraph, with how its speaker is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Byte offset of the quoted words in the paragraph's text.
    pub(crate) start: usize,
    /// Byte offset past them.
    pub(crate) end: usize,
    /// How the speaker is given.
    pub(crate) speaker: Speaker,
}

/// How a quotation's speaker is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Speaker {
    /// By name (as written).
    Named(String),
    /// By a pronoun: the person last spoken of.
    Pronoun,
    /// Not at all: the speaker of the quotation before, if any.
    Unsaid,
}

static QUOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#""([^"]+)"|“([^”]+)”"#).expect("valid regex"));

fn verbs() -> String {
    SPEECH_VERBS.join("|")
}

const NAME: &str = r"\p{Lu}[\p{L}’'\.-]*(?:\s+(?:(?:de|von|van|der|del|la|al|bin)\s+)?\p{Lu}[\p{L}’'\.-]*)*";
const PREPOSITIONS: &[&str] =
    &["at", "to", "with", "by", "from", "for", "of", "over", "on", "in", "about", "toward", "towards"];

static AFTER_NAME_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*,?\s*(?:(?P<pronoun>he|she|they)|(?P<name>{NAME}))\s+(?:{})\b", verbs()))
        .expect("valid regex")
});
static AFTER_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s*,?\s*(?:{})\s+(?P<rest>[^.;!?]*)", verbs())).expect("valid regex"));
static NAME_RUN: LazyLock<Regex> = LazyLock::new(|| Regex::new(NAME).expect("valid regex"));
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<pronoun>\b[Hh]e|\b[Ss]he|\b[Tt]hey)|(?P<name>{NAME}))\s+(?:{})\b[^.!?]{{0,40}}?[:,]?\s*$",
        verbs()
    ))
    .expect("valid regex")
});

/// The quotations of a paragraph, in order.
pub(crate) fn find(paragraph: &str) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for caps in QUOTE.captures_iter(paragraph) {
        let inner = caps.get(1).or_else(|| caps.get(2)).expect("one of the two groups matches");
        if inner.as_str().split_whitespace().count() < 4 {
            continue;
        }
        let whole = caps.get(0).expect("group 0 always matches");
        let after = &paragraph[whole.end()..];
        let before = &paragraph[..whole.start()];
        let speaker = attribution_after(after).or_else(|| attribution_before(before)).unwrap_or_else(|| {
            // A later quotation in a paragraph whose earlier one was attributed keeps that speaker.
            found.last().map_or(Speaker::Unsaid, |previous| previous.speaker.clone())
        });
        found.push(Found { start: inner.start(), end: inner.end(), speaker });
    }
    found
}

fn attribution_after(after: &str) -> Option<Speaker> {
    if let Some(caps) = AFTER_NAME_VERB.captures(after) {
        return Some(speaker(&caps));
    }
    // "said Lavrov", "said the Nato's Secretary General, Jaap de Hoop Scheffer".
    let rest = AFTER_VERB.captures(after)?.name("rest")?.as_str();
    let first_word = rest.split_whitespace().next().unwrap_or("");
    if matches!(first_word, "he" | "she" | "they") {
        return Some(Speaker::Pronoun);
    }
    let segments: Vec<&str> = rest.split(", ").collect();
    let name_in = |segment: &str| -> Option<String> {
        let segment = segment.trim_start().trim_start_matches("the ");
        let name = NAME_RUN.find(segment)?;
        // The name must open the segment (a few lowercase words at most before it).
        (segment[..name.start()].split_whitespace().count() <= 1)
            .then(|| name.as_str().trim_end_matches(['.', ',']).to_owned())
    };
    let first = name_in(segments[0])?;
    let titled =
        first.contains("’s") || first.contains("'s") || first.split_whitespace().any(|w| TITLE_WORDS.contains(&w));
    if titled {
        if let Some(next) = segments.get(1).and_then(|s| name_in(s)) {
            return Some(Speaker::Named(next));
        }
    }
    Some(Speaker::Named(first))
}

/// Words of titles: a name made of them is a role, and the person follows it.
const TITLE_WORDS: &[&str] =
    &["Secretary", "General", "Minister", "President", "Chairman", "Director", "Spokesman", "Spokeswoman", "Chief"];

fn attribution_before(before: &str) -> Option<Speaker> {
    let caps = BEFORE.captures(before)?;
    if let Some(name) = caps.name("name") {
        // "looking over at Lavrov added": a name after a preposition is no subject.
        let previous = before[..name.start()].trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
        if PREPOSITIONS.contains(&previous.to_ascii_lowercase().as_str()) {
            return None;
        }
    }
    Some(speaker(&caps))
}

fn speaker(caps: &regex::Captures<'_>) -> Speaker {
    match caps.name("name") {
        Some(name) => Speaker::Named(name.as_str().trim_end_matches(['.', ',']).to_owned()),
        None => Speaker::Pronoun,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(paragraph: &str, expect: &[(&str, Speaker)]) {
        let got: Vec<(&str, Speaker)> =
            find(paragraph).into_iter().map(|f| (&paragraph[f.start..f.end], f.speaker)).collect();
        assert_eq!(got, expect, "{paragraph}");
    }

    fn named(name: &str) -> Speaker {
        Speaker::Named(name.to_owned())
    }

    #[test]
    fn speakers_named_beside_the_quotation() {
        check(
            "\"We did not agree on everything,\" Lavrov said. \"I think we can arrive.\"",
            &[("We did not agree on everything,", named("Lavrov")), ("I think we can arrive.", named("Lavrov"))],
        );
        check(
            "\"We will do everything to reach an agreement,\" said Lavrov.",
            &[("We will do everything to reach an agreement,", named("Lavrov"))],
        );
        check("“Ministers reached agreement to formally resume the council,” said the Nato’s Secretary General, Jaap de Hoop Scheffer.", &[
            ("Ministers reached agreement to formally resume the council,", named("Jaap de Hoop Scheffer")),
        ]);
        check(
            "Obama told reporters: \"We have an excellent opportunity to reset.\"",
            &[("We have an excellent opportunity to reset.", named("Obama"))],
        );
        check("\"It is old thinking to say so,\" she said.", &[("It is old thinking to say so,", Speaker::Pronoun)]);
        check(
            "\"We want to normalize the relationship.\"",
            &[("We want to normalize the relationship.", Speaker::Unsaid)],
        );
    }

    #[test]
    fn scare_quotes_and_objects_of_prepositions_are_no_speakers() {
        check("Clinton described the meeting as \"a fresh start.\"", &[]);
        check("\"This is just the beginning,\" said Clinton, and looking over at Lavrov added: \"and this was a good beginning for us.\"", &[
            ("This is just the beginning,", named("Clinton")),
            ("and this was a good beginning for us.", named("Clinton")),
        ]);
    }
}
