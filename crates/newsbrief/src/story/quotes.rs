//! Direct quotations of one article and who says them, as byte spans.
//!
//! Quotation marks are read paragraph by paragraph (line by line): `“` opens and `”` closes;
//! the straight `"` and the doubled apostrophe `''` open outside a quotation and close inside
//! one; a quotation still open at the end of its paragraph ends there (the multi-paragraph
//! convention, where the next paragraph opens with a fresh mark). A quotation of four words or
//! more is a direct quotation; shorter ones are scare quotes, terms or titles and are read as
//! part of the sentence around them. Who speaks is found by [`speakers`](super::speakers).

use serde::{Deserialize, Serialize};

use crate::mention::{Attribution, EntityKind, EntityMention, QuoteMention, SpeakerMention};
use crate::sentences::{split_sentences, Sentence};
use crate::story::speaker_ranker::{self, SpeakerRanker};
use crate::story::{lexicon, speakers};

/// Quotations shorter than this many words are no direct quotations.
pub(crate) const MIN_WORDS: usize = 4;

/// A direct quotation: `text` is the article's `start..end` (byte offsets), the quoted words
/// without their quotation marks, with who says them if the article tells.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteFound {
    /// Byte offset of the first quoted character.
    pub start: usize,
    /// Byte offset just past the last quoted character.
    pub end: usize,
    /// The quoted words.
    pub text: String,
    /// Who says them, or `None` when the article does not tell clearly.
    pub speaker: Option<SpeakerFound>,
}

/// The speaker of a quotation: the mention `text` at `start..end` (a name, pronoun, role or
/// label as written) and the name it stands for in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerFound {
    /// Byte offset of the mention.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The mention as written ("Trump", "he", "a senior official", "SMITH").
    pub text: String,
    /// The fullest name the mention stands for in the article ("Donald Trump"), or the role
    /// phrase itself when the article names nobody for it.
    pub name: String,
    /// How the mention gives the speaker.
    pub via: Attribution,
}

/// One pair of quotation marks (or an opening mark left open to the end of its paragraph).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Quotation {
    /// The opening mark.
    pub(crate) open: std::ops::Range<usize>,
    /// The closing mark, if the paragraph has one.
    pub(crate) close: Option<std::ops::Range<usize>>,
    /// Byte offset of the quoted text (whitespace trimmed).
    pub(crate) start: usize,
    /// Byte offset past the quoted text (whitespace trimmed).
    pub(crate) end: usize,
    /// It holds at least [`MIN_WORDS`] words: a direct quotation.
    pub(crate) long: bool,
}

/// The direct quotations of one article with their speakers, in order. `sentences` are the
/// article's sentences ([`split_sentences`]) and `mentions` its named entities, in order; the
/// function keeps no state from one article to the next.
pub(crate) fn find_quotes(text: &str, sentences: &[Sentence], mentions: &[EntityMention]) -> Vec<QuoteFound> {
    find_quotes_with(text, sentences, mentions, None)
}

/// [`find_quotes`] with the given speaker ranker (`None`: the shipped one).
pub(crate) fn find_quotes_with(
    text: &str,
    sentences: &[Sentence],
    mentions: &[EntityMention],
    ranker: Option<&SpeakerRanker>,
) -> Vec<QuoteFound> {
    let names = speaker_names(mentions);
    let quotations = quotations(text);
    let ranker = ranker.unwrap_or_else(|| speaker_ranker::shipped());
    let speakers = speakers::attribute_with(text, sentences, &names, &quotations, Some(ranker), None);
    quotations
        .iter()
        .zip(speakers)
        .filter(|(q, _)| q.long)
        .map(|(q, speaker)| QuoteFound { start: q.start, end: q.end, text: text[q.start..q.end].to_owned(), speaker })
        .collect()
}

/// The recognizer's mentions that may speak or stand behind a pronoun: a name of kind "other"
/// (a nationality, an event, a work, or a name nothing types) is no one a pronoun stands for,
/// nor a speaker.
pub(crate) fn speaker_names(mentions: &[EntityMention]) -> Vec<EntityMention> {
    mentions.iter().filter(|m| m.kind != EntityKind::Other).copied().collect()
}

impl QuoteFound {
    /// The quotation as the analysis of its article keeps it: spans only.
    pub(crate) fn mention(&self) -> QuoteMention {
        // The comma that hands a quotation over to its attribution ("...," she said) is no
        // part of the words quoted.
        let kept = self.text.trim_end_matches([',', ' ']);
        QuoteMention {
            start: self.start,
            end: self.start + kept.len(),
            speaker: self.speaker.as_ref().map(|s| SpeakerMention {
                start: s.start,
                end: s.end,
                name: s.name.clone(),
                via: s.via,
            }),
        }
    }
}

/// The direct quotations of one article's text with their speakers, in order: the article is
/// split into sentences and its names found by the rule-based recognizer first.
///
/// ```
/// let text = "\"We will not back down from this fight,\" Jane Doe said on Monday.";
/// let quotes = newsbrief::find_quotations(text);
/// assert_eq!(quotes[0].text, "We will not back down from this fight,");
/// assert_eq!(quotes[0].speaker.as_ref().unwrap().name, "Jane Doe");
/// ```
pub fn find_quotations(text: &str) -> Vec<QuoteFound> {
    let sentences = split_sentences(text);
    let mentions = crate::ner::find_entities_in_sentences(text, &sentences);
    find_quotes(text, &sentences, &mentions)
}

/// Every quotation of `text`, paragraph (line) by paragraph, in order.
pub(crate) fn quotations(text: &str) -> Vec<Quotation> {
    let mut found = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        let mut open: Option<std::ops::Range<usize>> = None;
        let mut i = 0;
        while i < line.len() {
            let rest = &line[i..];
            let (mark, len) = if rest.starts_with('“') {
                (opening_or_mistyped(&line[..i], &rest['“'.len_utf8()..]), '“'.len_utf8())
            } else if rest.starts_with('”') {
                (Mark::Close, '”'.len_utf8())
            } else if rest.starts_with('"') {
                (Mark::Either, 1)
            } else if rest.starts_with("''") {
                (Mark::Either, 2)
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
                continue;
            };
            let range = line_start + i..line_start + i + len;
            match (mark, open.take()) {
                (Mark::Open, previous) => {
                    // A second opening mark ends the quotation left open before it.
                    if let Some(previous) = previous {
                        found.push(quotation(text, previous, Some(range.start..range.start)));
                    }
                    open = Some(range);
                }
                (Mark::Close | Mark::Either, Some(previous)) => found.push(quotation(text, previous, Some(range))),
                (Mark::Either, None) => open = Some(range),
                // A stray closing mark.
                (Mark::Close, None) => {}
            }
            i += len;
        }
        if let Some(previous) = open {
            found.push(quotation(text, previous, None));
        }
        line_start += line.len() + 1;
    }
    found
}

/// What an opening curly mark between `before` and `after` is: an opening mark, or a closing
/// one typed the wrong way round, as its place shows (the way typographers' smart quotes tell
/// them apart): the end of the line or a stop right after it, or a word right before it and a
/// space after it ("... a brief nap “. Buyers ...").
fn opening_or_mistyped(before: &str, after: &str) -> Mark {
    let next = after.chars().next();
    let previous = before.chars().next_back();
    let closes = next.is_none_or(|c| matches!(c, '.' | ',' | ';' | ':' | '!' | '?'))
        || next.is_some_and(char::is_whitespace) && previous.is_some_and(|c| !c.is_whitespace());
    if closes {
        Mark::Close
    } else {
        Mark::Open
    }
}

#[derive(Clone, Copy)]
enum Mark {
    Open,
    Close,
    Either,
}

/// The quotation between `open` and `close` (or the end of the line).
fn quotation(text: &str, open: std::ops::Range<usize>, close: Option<std::ops::Range<usize>>) -> Quotation {
    let line_end = text[open.end..].find('\n').map_or(text.len(), |i| open.end + i);
    let raw_end = close.as_ref().map_or(line_end, |c| c.start);
    let inner = &text[open.end..raw_end];
    let start = open.end + (inner.len() - inner.trim_start().len());
    let end = start + inner.trim().len();
    let words = text[start..end].split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    // An empty closing range marks a quotation cut short by the next opening mark.
    let close = close.filter(|c| !c.is_empty());
    Quotation { open, close, start, end, long: words >= MIN_WORDS && !in_title_case(&text[start..end]) }
}

/// True for words written as the title of a work or a headline ("Orange Is the New Black", "A
/// History of English Food."): every word capitalised (or a figure) but the small words title
/// case leaves in lower case, and some letter in lower case (a line in capitals is shouted, not
/// a title), with no exclamation mark (a cheer or a chant: "What a Super Tuesday!"). Speech is
/// not written so.
fn in_title_case(quoted: &str) -> bool {
    if quoted.contains('!') {
        return false;
    }
    let mut lower_letters = false;
    let all_capitalised = quoted.split_whitespace().all(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        lower_letters |= word.chars().any(char::is_lowercase);
        word.is_empty()
            || word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || lexicon::TITLE_CASE_LOWER.contains(&word)
    });
    all_capitalised && lower_letters
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Checks each quotation of `text` (as `(quoted text, speaker name, via)`).
    fn check(text: &str, expect: &[(&str, Option<(&str, Attribution)>)]) {
        let got: Vec<(String, Option<(String, Attribution)>)> = find_quotations(text)
            .into_iter()
            .map(|q| {
                assert_eq!(&text[q.start..q.end], q.text);
                if let Some(s) = &q.speaker {
                    assert_eq!(&text[s.start..s.end], s.text);
                }
                (q.text, q.speaker.map(|s| (s.name, s.via)))
            })
            .collect();
        let expect: Vec<(String, Option<(String, Attribution)>)> =
            expect.iter().map(|(q, s)| ((*q).to_owned(), s.map(|(n, v)| (n.to_owned(), v)))).collect();
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn an_opening_mark_typed_for_a_closing_one_closes() {
        let text = "He said “we will land in new places soon after a brief “nap” :) “. Buyers wait two weeks.";
        let spans: Vec<&str> = quotations(text).iter().filter(|q| q.long).map(|q| &text[q.start..q.end]).collect();
        assert_eq!(spans, ["we will land in new places soon after a brief"]);
        let text = "She said “one two three four five“ and left.";
        let spans: Vec<&str> = quotations(text).iter().filter(|q| q.long).map(|q| &text[q.start..q.end]).collect();
        assert_eq!(spans, ["one two three four five"]);
    }

    #[test]
    fn marks_straight_curly_doubled_and_left_open() {
        let text = "He said \"one two three four\" and “five six seven eight” and ''nine ten eleven twelve''.\n\"Left open at the end of the paragraph\n\"And closed in the next one.\"";
        let spans: Vec<&str> = quotations(text).iter().filter(|q| q.long).map(|q| &text[q.start..q.end]).collect();
        assert_eq!(
            spans,
            [
                "one two three four",
                "five six seven eight",
                "nine ten eleven twelve",
                "Left open at the end of the paragraph",
                "And closed in the next one."
            ]
        );
        // Short quotations are scare quotes, not direct quotations.
        assert!(find_quotations("They called it a \"witch hunt\" on Monday.").is_empty());
        // Bad input never panics.
        for text in ["\"", "”", "''", "“", "\"\n\"", "“”", "a \" b ” c “"] {
            let _ = find_quotations(text);
        }
    }

    proptest! {
        #[test]
        fn no_text_panics_and_spans_hold(text in "[A-Za-z\"“”'’,.:;!?()—\\- \n]{0,200}") {
            for quote in find_quotations(&text) {
                prop_assert_eq!(&text[quote.start..quote.end], quote.text.as_str());
                if let Some(speaker) = quote.speaker {
                    prop_assert_eq!(&text[speaker.start..speaker.end], speaker.text.as_str());
                }
            }
        }

        #[test]
        fn no_sentence_of_words_panics(words in prop::collection::vec(prop::sample::select(vec![
            "\"", "“", "”", "''", ",", ".", ":", "(", ")", "—", "\n\n", "said", "says", "told", "he", "she", "it", "they",
            "who", "the", "a", "spokesman", "Smith", "Jane", "Doe", "Mr.", "Mrs.", "Sen.", "and", "according", "to", "of",
            "adding", "calling", "We", "will", "win", "this", "race", "now", "put", "SMITH", "Monday",
        ]), 0..60)) {
            let text = words.join(" ");
            for quote in find_quotations(&text) {
                prop_assert_eq!(&text[quote.start..quote.end], quote.text.as_str());
            }
        }
    }

    #[test]
    fn titles_of_works_in_quotation_marks_are_no_quotations() {
        check("She said on CNN's \"State of the Union Today.\"", &[]);
        check("The hackers leaked \"Orange Is the New Black\" episodes.", &[]);
        let long = |text: &str| quotations(text).iter().map(|q| q.long).collect::<Vec<_>>();
        assert_eq!(long("Fans shouted \"WE WANT MORE NOW\" at the stage."), [true], "shouted, not a title");
        assert_eq!(long("\"It is a Small World,\" Ann Lee said."), [true]);
        assert_eq!(long("\"Star Trek: The Next Generation\" and \"50 Shades of Grey\""), [false, false]);
    }

    #[test]
    fn named_beside_the_quotation() {
        check(
            "Jane Doe spoke in Ohio.\n\n\"We will not back down from this fight,\" Doe said. \"Not now, not ever.\"",
            &[
                ("We will not back down from this fight,", Some(("Jane Doe", Attribution::Named))),
                ("Not now, not ever.", Some(("Jane Doe", Attribution::Continued))),
            ],
        );
        check(
            "\"The numbers do not add up at all,\" said Sen. John Roe, a Republican from Kansas.",
            &[("The numbers do not add up at all,", Some(("John Roe", Attribution::Named)))],
        );
        check(
            "Acme Corp. chief executive Mary Major told reporters: \"We are not for sale today.\"",
            &[("We are not for sale today.", Some(("Mary Major", Attribution::Named)))],
        );
        check(
            "\"Turnout will decide this race in the end,\" according to Paul Poe.",
            &[("Turnout will decide this race in the end,", Some(("Paul Poe", Attribution::Named)))],
        );
        check(
            "Paul Poe, who ran the state party for a decade, said the plan was \"dead on arrival in the House.\"",
            &[("dead on arrival in the House.", Some(("Paul Poe", Attribution::Named)))],
        );
    }

    #[test]
    fn whom_a_speaker_addresses_or_belongs_to_does_not_speak() {
        // A chain of "of" and "for" phrases hangs on the name that opens it.
        check(
            "Ann Lee of the Main Street Center for Policy Studies said, \"The numbers do not add up at all.\"",
            &[("The numbers do not add up at all.", Some(("Ann Lee", Attribution::Named)))],
        );
        // "told X," is said to X: the subject of "told" speaks.
        check(
            "Tom Kay, who chairs the county party, told Daily Courier, \"We will win this county again.\"",
            &[("We will win this county again.", Some(("Tom Kay", Attribution::Named)))],
        );
        // A name ending a noun phrase after "to" before a colon is whom the words were given to.
        check(
            "Ann Lee spoke at length to the local newspaper Daily Courier: \"We will win this county again.\"",
            &[("We will win this county again.", Some(("Ann Lee", Attribution::Named)))],
        );
    }

    #[test]
    fn a_quotation_split_around_the_verb_has_one_speaker() {
        check(
            "\"We knew the risks,\" Mary Major said, \"and we took them anyway.\"",
            &[
                ("We knew the risks,", Some(("Mary Major", Attribution::Named))),
                ("and we took them anyway.", Some(("Mary Major", Attribution::Named))),
            ],
        );
    }

    #[test]
    fn a_quotation_going_on_after_a_name_is_that_names_predicate() {
        // The name after the verb is the subject of the quoted words; the verb's subject speaks.
        check(
            "Tom Kay, a former aide to the governor, said Ann Lee \"understood she could not win the state alone.\"",
            &[("understood she could not win the state alone.", Some(("Tom Kay", Attribution::Named)))],
        );
        // A quotation opening in capitals after an inverted verb is the name's.
        check(
            "The vote was close, said Ann Lee \"We will count every ballot in the state.\"",
            &[("We will count every ballot in the state.", Some(("Ann Lee", Attribution::Named)))],
        );
    }

    #[test]
    fn a_headline_in_capitals_speaks_no_frameless_quotation() {
        check(
            "WHAT IS WORKING.\n\nTELLING OF THE REFUGEE CRISIS, IN VIRTUAL REALITY \"VR brings the viewer closer into the story.\"",
            &[("VR brings the viewer closer into the story.", None)],
        );
    }

    #[test]
    fn pronouns_follow_gender_and_recency() {
        // Gender from the honorific and from the pronouns that follow a lone name.
        let text = "Mrs. Ann Lee met Tom Kay on Monday. Kay told his aides to wait.\n\n\"We have work left to do,\" she said.\n\n\"I doubt the deal will hold,\" he said.";
        check(
            text,
            &[
                ("We have work left to do,", Some(("Ann Lee", Attribution::Pronoun))),
                ("I doubt the deal will hold,", Some(("Tom Kay", Attribution::Pronoun))),
            ],
        );
        // The nearest compatible person, not the last subject.
        check(
            "Tom Kay spoke first. Then Ann Lee took the stage.\n\n\"This is our moment to act,\" she said.",
            &[("This is our moment to act,", Some(("Ann Lee", Attribution::Pronoun)))],
        );
        // No one to stand for: unattributed.
        check("\"It will be a long night for all,\" she said.", &[("It will be a long night for all,", None)]);
    }

    #[test]
    fn roles_keep_their_phrase_or_take_their_appositive() {
        check(
            "\"The talks are over for this week,\" a senior official said.",
            &[("The talks are over for this week,", Some(("a senior official", Attribution::Role)))],
        );
        check(
            "\"We expect a ruling by Friday at noon,\" the campaign's spokesman, Jim Fay, said.",
            &[("We expect a ruling by Friday at noon,", Some(("Jim Fay", Attribution::Role)))],
        );
        check(
            "\"No decision has been made yet,\" said a spokeswoman for the agency.",
            &[("No decision has been made yet,", Some(("a spokeswoman for the agency", Attribution::Role)))],
        );
    }

    #[test]
    fn pronoun_chains_and_things_that_speak() {
        // "He" opening the sentence before passes the reference on: not the place it names.
        check(
            "Tom Kay spoke in Ohio on Monday. He was adamant that Iowa relations were improving.\n\n\"Today there is more that unites us,\" he said.",
            &[("Today there is more that unites us,", Some(("Tom Kay", Attribution::Pronoun)))],
        );
        // "It" stands for the subject before it, a role.
        check(
            "The campaign's letter went out on Friday. \"We will not be outspent in this state,\" it read.",
            &[("We will not be outspent in this state,", Some(("The campaign's letter", Attribution::Pronoun)))],
        );
        // A name modifying its head noun names no person.
        check(
            "\"The race is far from over for either side,\" wrote Time magazine.",
            &[("The race is far from over for either side,", Some(("Time magazine", Attribution::Role)))],
        );
    }

    #[test]
    fn labels_and_continued_paragraphs() {
        check(
            "HOST: \"So what happens on the first day?\"\n\nMary Major said:\n\n\"We start with the budget and the roads.\n\n\"Then we fix the schools.\"",
            &[
                ("So what happens on the first day?", Some(("HOST", Attribution::Label))),
                ("We start with the budget and the roads.", Some(("Mary Major", Attribution::Named))),
                ("Then we fix the schools.", Some(("Mary Major", Attribution::Continued))),
            ],
        );
    }
}
