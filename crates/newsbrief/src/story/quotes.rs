//! Direct quotations and their speakers. A quotation is text in straight or curly double quotes
//! of four words or more (shorter ones are scare quotes or single terms). Its speaker is named
//! beside it ("...," Lavrov said / said Lavrov / Obama told reporters: "..."), or is the person
//! a pronoun stands for ("he said": the subject of the last sentence that named one), or, for a
//! quotation standing alone, the speaker of the quotation before it.

use std::sync::LazyLock;

use regex::Regex;

use crate::mention::{Attribution, EntityKind, EntityMention, QuoteMention, SpeakerMention};
use crate::sentences::Sentence;
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
    /// The speaker is the one of the paragraph's quotation before.
    pub(crate) continued: bool,
}

/// How a quotation's speaker is given, with byte offsets in the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Speaker {
    /// By name (as written), at `start..end`.
    Named { name: String, start: usize, end: usize },
    /// By a pronoun at `start..end`: the person last spoken of.
    Pronoun { start: usize, end: usize },
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

/// The quotations of an article with their speakers, resolved within the article: a name to
/// the fullest name of the article that ends with it, a pronoun to the person the last sentence
/// before it is about, a quotation standing alone in its paragraph to that person too.
pub(crate) fn find_quotes(text: &str, sentences: &[Sentence], mentions: &[EntityMention]) -> Vec<QuoteMention> {
    // A person is a mention typed so, or the short form of one ("Smith" of "Anna Smith").
    let named_people: Vec<&str> =
        mentions.iter().filter(|m| m.kind == EntityKind::Person).map(|m| &text[m.start..m.end]).collect();
    let people: Vec<&EntityMention> = mentions
        .iter()
        .filter(|m| {
            let name = &text[m.start..m.end];
            m.kind == EntityKind::Person
                || named_people.iter().any(|full| full.len() > name.len() && full.ends_with(&format!(" {name}")))
        })
        .collect();
    let fullest = |name: &str| -> String {
        people
            .iter()
            .map(|m| &text[m.start..m.end])
            .filter(|full| *full == name || full.ends_with(&format!(" {name}")))
            .max_by_key(|full| full.len())
            .unwrap_or(name)
            .to_owned()
    };
    // The person a sentence is about: its first person mention not after a preposition.
    let subject_of = |sentence: &Sentence| -> Option<&EntityMention> {
        people.iter().copied().find(|m| {
            (sentence.start..sentence.end).contains(&m.start) && !follows_preposition(&text[sentence.start..m.start])
        })
    };
    let mut quotes = Vec::new();
    let mut last_subject: Option<&EntityMention> = None;
    let mut next_sentence = 0;
    let mut offset = 0;
    for paragraph in text.split("\n\n") {
        let paragraph_start = offset;
        offset += paragraph.len() + 2;
        let inside: Vec<&Sentence> =
            sentences[next_sentence..].iter().take_while(|s| s.start < paragraph_start + paragraph.len()).collect();
        for found in find(paragraph) {
            // A quotation standing alone is the last subject's, as one after "he said" is.
            let alone = (found.end - found.start) * 10 >= paragraph.trim().len() * 8;
            let at = |start: usize, end: usize| (paragraph_start + start, paragraph_start + end);
            let speaker = match &found.speaker {
                Speaker::Named { name, start, end } => {
                    let (start, end) = at(*start, *end);
                    let via = if found.continued { Attribution::Continued } else { Attribution::Named };
                    Some(SpeakerMention { start, end, name: fullest(name), via })
                }
                Speaker::Pronoun { start, end } => last_subject.map(|subject| {
                    let (start, end) = at(*start, *end);
                    let via = if found.continued { Attribution::Continued } else { Attribution::Pronoun };
                    SpeakerMention { start, end, name: fullest(&text[subject.start..subject.end]), via }
                }),
                Speaker::Unsaid if alone => last_subject.map(|subject| SpeakerMention {
                    start: subject.start,
                    end: subject.end,
                    name: fullest(&text[subject.start..subject.end]),
                    via: Attribution::Continued,
                }),
                Speaker::Unsaid => None,
            };
            let (start, end) = at(found.start, found.end);
            let quoted = text[start..end].trim_end_matches([',', ' ']);
            quotes.push(QuoteMention { start, end: start + quoted.len(), speaker });
        }
        for sentence in &inside {
            if let Some(subject) = subject_of(sentence) {
                last_subject = Some(subject);
            }
        }
        next_sentence += inside.len();
    }
    quotes
}

/// True when `before` (the text of a sentence up to a name) ends with a preposition, maybe
/// followed by capitalised words of a title: the name is no subject ("a meeting with Smith",
/// "with Foreign Minister Smith").
fn follows_preposition(before: &str) -> bool {
    for word in before.split_whitespace().rev() {
        if word.ends_with([',', ';', ':', ')', '"', '”']) {
            return false;
        }
        if !word.starts_with(char::is_uppercase) {
            return PREPOSITIONS.contains(&word.to_ascii_lowercase().as_str());
        }
    }
    false
}

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
        let given = attribution_after(after, whole.end()).or_else(|| attribution_before(before));
        let continued = given.is_none() && found.last().is_some_and(|p| p.speaker != Speaker::Unsaid);
        // A later quotation in a paragraph whose earlier one was attributed keeps that speaker.
        let speaker = given.unwrap_or_else(|| found.last().map_or(Speaker::Unsaid, |p| p.speaker.clone()));
        found.push(Found { start: inner.start(), end: inner.end(), speaker, continued });
    }
    found
}

/// The speaker given after a quotation; `after` starts at byte `offset` of the paragraph.
fn attribution_after(after: &str, offset: usize) -> Option<Speaker> {
    if let Some(caps) = AFTER_NAME_VERB.captures(after) {
        return Some(speaker(&caps, offset));
    }
    // "said Lavrov", "said the Nato's Secretary General, Jaap de Hoop Scheffer".
    let rest = AFTER_VERB.captures(after)?.name("rest")?;
    let rest_offset = offset + rest.start();
    let rest = rest.as_str();
    let first_word = rest.split_whitespace().next().unwrap_or("");
    if matches!(first_word, "he" | "she" | "they") {
        let start = rest_offset + rest.find(first_word).unwrap_or(0);
        return Some(Speaker::Pronoun { start, end: start + first_word.len() });
    }
    let named = |name: String| {
        let start = rest_offset + rest.find(name.as_str()).unwrap_or(0);
        Speaker::Named { end: start + name.len(), start, name }
    };
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
            return Some(named(next));
        }
    }
    Some(named(first))
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
    Some(speaker(&caps, 0))
}

/// The speaker a pattern captured, its offsets moved by `offset`.
fn speaker(caps: &regex::Captures<'_>, offset: usize) -> Speaker {
    if let Some(name) = caps.name("name") {
        let text = name.as_str().trim_end_matches(['.', ',']);
        let start = offset + name.start();
        Speaker::Named { name: text.to_owned(), start, end: start + text.len() }
    } else {
        let pronoun = caps.name("pronoun").expect("the patterns capture a name or a pronoun");
        Speaker::Pronoun { start: offset + pronoun.start(), end: offset + pronoun.end() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How a test writes a speaker: the name or pronoun as it stands in the paragraph.
    #[derive(Debug, PartialEq)]
    enum Said {
        Named(String),
        Pronoun(String),
        Unsaid,
    }

    fn check(paragraph: &str, expect: &[(&str, Said)]) {
        let got: Vec<(&str, Said)> = find(paragraph)
            .into_iter()
            .map(|f| {
                let said = match f.speaker {
                    Speaker::Named { name, start, end } => {
                        assert_eq!(&paragraph[start..end], name, "{paragraph}");
                        Said::Named(name)
                    }
                    Speaker::Pronoun { start, end } => Said::Pronoun(paragraph[start..end].to_owned()),
                    Speaker::Unsaid => Said::Unsaid,
                };
                (&paragraph[f.start..f.end], said)
            })
            .collect();
        assert_eq!(got, expect, "{paragraph}");
    }

    fn named(name: &str) -> Said {
        Said::Named(name.to_owned())
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
        check(
            "\"It is old thinking to say so,\" she said.",
            &[("It is old thinking to say so,", Said::Pronoun("she".to_owned()))],
        );
        check(
            "\"We want to normalize the relationship.\"",
            &[("We want to normalize the relationship.", Said::Unsaid)],
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
