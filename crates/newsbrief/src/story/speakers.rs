//! Who says each quotation of one article. The text outside the quotations (the quotation's
//! "frame") is cut into words, every long quotation standing as one opaque token, and read
//! sentence by sentence:
//!
//! 1. **Beside the quotation**: after it, a noun phrase and a verb of speech ("...," Smith said /
//!    he added / the spokesman told reporters) or the verb first ("...," said Smith, a former
//!    aide) or "according to" a noun phrase; before it, the subject of the nearest verb of speech
//!    (Smith told reporters: "..." / Smith, who ..., said "..."), the phrase before a colon, or,
//!    for a quotation inside a sentence without such a verb, the subject of the nearest verb or
//!    of the sentence (Smith called the plan "..."). A participle ("..., adding") hangs on the
//!    subject of its clause.
//! 2. **A transcript label** opening the paragraph ("SMITH: ...").
//! 3. **Continuation**: a quotation with no frame of its own is the previous quotation's, in the
//!    same paragraph or at the end of the one before (the multi-paragraph convention), or the
//!    speaker of the speech reported in the sentence before it; after a paragraph ending in a
//!    colon it is that colon's subject's.
//!
//! The phrase found is a name, a pronoun or a role ("a senior official"). A name resolves to its
//! fullest form in the article ("Trump" to "Donald Trump"); "he" or "she" to the nearest
//! compatible person before it, sentence by sentence back, a sentence's subject before its other
//! names (Hobbs's order), a sentence whose subject is the same pronoun passing the reference on,
//! people whose gender, learned from the article (honorifics, and the he/his or she/her that
//! follow a lone name), disagrees skipped; "it" or "they" to the subject before it when that is a
//! role or an organisation; a role to the name in apposition to it ("the spokesman, Jane Doe,")
//! or to itself. What cannot be resolved is left unattributed.

use std::ops::Range;

use crate::mention::Attribution as Via;
use crate::mention::{EntityKind, EntityMention};
use crate::sentences::Sentence;
use crate::story::lexicon::{
    is_adverbial, is_function_word, is_not_name, is_participle, is_preposition, is_speech_verb, is_title, speech_lemma,
    Gender, DETERMINERS, GENDERED_PRONOUNS, IRREGULAR_PAST, NAME_PARTICLES, NAME_SUFFIXES, SUBJECT_PRONOUNS,
};
use crate::story::quotes::{Quotation, SpeakerFound};
use crate::story::speaker_ranker::{SpeakerCandidate, SpeakerChoice, SpeakerRanker, FEATURES};

/// How many frame sentences before the anchor the ranker's candidates may be named in.
const CANDIDATE_SENTENCES: usize = 8;

/// What the ranker weighs of one person's mentions up to a quotation.
#[derive(Debug, Default)]
struct Seen {
    /// The latest mention before the anchor, within the candidate sentences (index of names).
    latest: Option<usize>,
    /// The first mention after the anchor in the quotation's sentence.
    after: Option<usize>,
    /// Mentions before the quotation.
    count: usize,
    /// Some mention before the quotation is followed by a verb of speech.
    speaks: bool,
    /// Some mention stands beside the frame's role word.
    role_match: bool,
    /// Some mention has an honorific.
    honorific: bool,
}

/// One token of the frame: a word, a punctuation mark, or a whole long quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Token {
    start: usize,
    end: usize,
    kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TokenKind {
    Word,
    Punct,
    /// The quotation of this index in the article's list.
    Quote(usize),
}

/// What kind of phrase names a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PhraseKind {
    Name,
    Pronoun,
    Role,
}

/// A noun phrase: tokens `first..=last`; `appositive` a name beside a role ("the spokesman,
/// Jane Doe,").
#[derive(Debug, Clone, PartialEq, Eq)]
struct Phrase {
    first: usize,
    last: usize,
    kind: PhraseKind,
    appositive: Option<Range<usize>>,
}

/// How a quotation's speaker was found.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Attribution {
    /// A phrase of the frame, through a label or not.
    Phrase(Phrase, bool),
    /// The speaker of an earlier quotation (its index).
    Continued(usize),
    /// Picked by the ranker among the people named before.
    Inferred,
}

/// A name written in the article outside quotations, titles and possessive left out.
#[derive(Debug, Clone)]
struct NameMention {
    /// Token range of the name itself (titles excluded).
    tokens: Range<usize>,
    /// The frame sentence it stands in.
    sentence: usize,
    /// The name's words joined by single spaces.
    core: String,
    /// Where it stands in its sentence.
    standing: Standing,
    /// It follows "the" ("the White House"): no person.
    determined: bool,
    /// What the recognizer says it is, if it says.
    kind: Option<EntityKind>,
    /// A gendered honorific stands before it.
    honorific: Option<Gender>,
}

/// Where a name stands in its sentence, most likely antecedent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Standing {
    /// It is (in) the subject of its sentence.
    Subject,
    /// Anywhere else not below.
    Plain,
    /// It modifies a noun after it ("Democratic front-runner", "the Trump campaign").
    Modifier,
    /// It follows a preposition ("with Smith"), or is a conjunct of one that does.
    AfterPreposition,
}

/// One article, read for its speakers.
struct Reader<'a> {
    text: &'a str,
    tokens: Vec<Token>,
    /// Token ranges of the frame sentences.
    sentences: Vec<Range<usize>>,
    /// The paragraph of each frame sentence.
    paragraph_of: Vec<usize>,
    /// The frame sentence of each token.
    sentence_of: Vec<usize>,
    /// Names outside quotations, in order.
    names: Vec<NameMention>,
    /// Evidence of gender for each full name: (male, female) votes.
    genders: rustc_hash::FxHashMap<String, (i32, i32)>,
    /// The recognizer's named entities, in order.
    mentions: &'a [EntityMention],
    /// Capitalised words opening a sentence that nothing else shows to be names.
    initial_unknown: Vec<bool>,
    /// The subject of each frame sentence, if found.
    subjects: Vec<Option<Phrase>>,
    /// Where each quotation's text ends.
    quote_ends: Vec<usize>,
    /// Where the closing marks of short quotations start, in order.
    short_closes: Vec<usize>,
}

/// The speaker of each quotation of `quotations` (long ones; others get `None`), in order, the
/// frames that name nobody outright decided by `ranker` (`None`: the frames' picks alone); each
/// quotation the ranker decides on is pushed, with its candidates, to `choices` when given.
pub(crate) fn attribute_with(
    text: &str,
    sentences: &[Sentence],
    mentions: &[EntityMention],
    quotations: &[Quotation],
    ranker: Option<&SpeakerRanker>,
    mut choices: Option<&mut Vec<SpeakerChoice>>,
) -> Vec<Option<SpeakerFound>> {
    let mut reader = Reader::new(text, sentences, mentions, quotations);
    reader.add_usual_genders();
    let people = reader.people();
    let mut found: Vec<Option<SpeakerFound>> = vec![None; quotations.len()];
    let mut attributions: Vec<Option<Attribution>> = vec![None; quotations.len()];
    for (t, token) in reader.tokens.iter().enumerate() {
        let TokenKind::Quote(q) = token.kind else { continue };
        let mut attribution = reader.attribution(t, &attributions);
        let mut speaker = match &attribution {
            Some(Attribution::Phrase(phrase, label)) => reader.speaker(phrase, *label),
            Some(Attribution::Continued(previous)) => {
                found[*previous].clone().map(|s| SpeakerFound { via: Via::Continued, ..s })
            }
            Some(Attribution::Inferred) | None => None,
        };
        // A frame that names nobody outright: the ranker weighs the people named before.
        let undecided = speaker.as_ref().is_none_or(|s| matches!(s.via, Via::Pronoun | Via::Role | Via::Continued));
        if quotations[q].long && undecided {
            let phrase = match &attribution {
                Some(Attribution::Phrase(phrase, _)) => Some(phrase),
                _ => None,
            };
            let candidates = reader.candidates(t, q, phrase, speaker.as_ref(), &found, &people);
            if let Some(ranker) = ranker {
                if let Some((best, p)) = ranker.best(&candidates.iter().map(|c| c.0.clone()).collect::<Vec<_>>()) {
                    let (candidate, mention) = &candidates[best];
                    match (&speaker, mention) {
                        // The frame's phrase stands for the person picked: its span is kept.
                        (Some(s), _) if matches!(s.via, Via::Pronoun | Via::Role) => {
                            speaker = Some(SpeakerFound { name: candidate.name.clone(), ..s.clone() });
                        }
                        (Some(s), _) if same_person(&s.name, &candidate.name) => {}
                        (_, Some(range))
                            if speaker.is_some()
                                || p >= ranker.threshold && !reader.continues_unattributed(t, quotations, &found) =>
                        {
                            let (start, end) = (reader.tokens[range.start].start, reader.tokens[range.end - 1].end);
                            speaker = Some(SpeakerFound {
                                start,
                                end,
                                text: text[start..end].to_owned(),
                                name: candidate.name.clone(),
                                via: Via::Inferred,
                            });
                            attribution = Some(Attribution::Inferred);
                        }
                        _ => {}
                    }
                }
            }
            if let Some(choices) = choices.as_deref_mut() {
                choices.push(SpeakerChoice {
                    start: quotations[q].start,
                    end: quotations[q].end,
                    frame: speaker.as_ref().map(|s| s.via),
                    candidates: candidates.into_iter().map(|c| c.0).collect(),
                });
            }
        }
        // A phrase that resolves to nobody leaves the quotation unattributed, and so does a
        // continuation of one.
        attributions[q] = if speaker.is_some() { attribution } else { None };
        found[q] = speaker;
    }
    found
}

impl<'a> Reader<'a> {
    fn new(text: &'a str, sentences: &[Sentence], mentions: &'a [EntityMention], quotations: &[Quotation]) -> Self {
        let tokens = tokenize(text, quotations);
        // A frame sentence starts where a sentence of the splitter starts outside a long
        // quotation, and at every line.
        let mut starts: Vec<usize> = sentences.iter().map(|s| s.start).collect();
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        starts.sort_unstable();
        starts.dedup();
        let mut frame: Vec<Range<usize>> = Vec::new();
        let mut paragraph_of = Vec::new();
        let mut sentence_of = Vec::with_capacity(tokens.len());
        let mut next_start = 0;
        let mut paragraph = 0;
        let mut initial = vec![false; tokens.len()];
        let mut pending_initial = true;
        for (t, token) in tokens.iter().enumerate() {
            let mut boundary = frame.is_empty();
            let mut new_line = false;
            while next_start < starts.len() && starts[next_start] <= token.start {
                boundary = true;
                new_line |= starts[next_start] > 0 && text.as_bytes()[starts[next_start] - 1] == b'\n';
                next_start += 1;
                pending_initial = true;
            }
            match token.kind {
                TokenKind::Word => {
                    // `"...?" Smith said`: a word right after a quotation does not open a
                    // sentence, whatever the splitter says.
                    initial[t] = pending_initial && !(t > 0 && matches!(tokens[t - 1].kind, TokenKind::Quote(_)));
                    pending_initial = false;
                }
                TokenKind::Quote(_) => pending_initial = false,
                TokenKind::Punct => {}
            }
            if boundary {
                if new_line && !frame.is_empty() {
                    paragraph += 1;
                }
                frame.push(t..t);
                paragraph_of.push(paragraph);
            }
            if let Some(last) = frame.last_mut() {
                last.end = t + 1;
            }
            // Sentences the splitter starts inside a quotation are the quotation's own.
            if matches!(token.kind, TokenKind::Quote(_)) {
                while next_start < starts.len() && starts[next_start] < token.end {
                    next_start += 1;
                }
            }
            sentence_of.push(frame.len() - 1);
        }
        let mut reader = Reader {
            text,
            tokens,
            sentences: frame,
            paragraph_of,
            sentence_of,
            names: Vec::new(),
            genders: rustc_hash::FxHashMap::default(),
            mentions,
            initial_unknown: Vec::new(),
            subjects: Vec::new(),
            quote_ends: quotations.iter().map(|q| q.end).collect(),
            short_closes: quotations
                .iter()
                .filter(|q| !q.long)
                .filter_map(|q| q.close.as_ref().map(|c| c.start))
                .collect(),
        };
        reader.initial_unknown = vec![false; reader.tokens.len()];
        reader.initial_unknown = reader.unknown_openers(&initial);
        reader.subjects = reader.sentences.iter().map(|r| reader.sentence_subject(r.start, r.end)).collect();
        reader.names = reader.find_names();
        reader.genders = reader.learn_genders();
        reader
    }

    /// Which tokens stand in a title-case headline: none of them shows a name.
    fn headlines(&self) -> Vec<bool> {
        let mut headline = vec![false; self.tokens.len()];
        for run in self.paragraph_ranges() {
            let line = &self.text[self.tokens[run.start].start..self.tokens[run.end - 1].end];
            let words: Vec<&str> = line.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).collect();
            let is_capitalised = |w: &str| w.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase);
            let capitalised = words.iter().filter(|w| is_capitalised(w)).count();
            // Title case leaves only function words in lower case; a sentence has verbs there.
            let lower_case_content = words.iter().any(|w| {
                !is_capitalised(w)
                    && !is_function_word(w.trim_matches(|c: char| !c.is_alphanumeric()))
                    && !DETERMINERS.contains(&w.to_lowercase().as_str())
            });
            if words.len() >= 4 && capitalised * 10 >= words.len() * 7 && !lower_case_content {
                run.for_each(|t| headline[t] = true);
            }
        }
        headline
    }

    /// Which tokens are capitalised words that show no name: in a headline, or opening a
    /// sentence (`initial`) when the article never capitalises them inside one and no other
    /// capitalised word, colon (a label) or verb of speech follows.
    fn unknown_openers(&self, initial: &[bool]) -> Vec<bool> {
        let headline = self.headlines();
        let bare = |t: usize| self.word(t).trim_end_matches("'s").trim_end_matches("’s");
        let inside: rustc_hash::FxHashSet<&str> = (0..self.tokens.len())
            .filter(|&t| !initial[t] && !headline[t] && self.is_capitalised(t))
            .map(bare)
            .collect();
        (0..self.tokens.len())
            .map(|t| {
                headline[t]
                    || initial[t]
                        && self.is_capitalised(t)
                        && !inside.contains(bare(t))
                        && !(t + 1 < self.tokens.len() && (self.is_capitalised(t + 1) || self.is_punct(t + 1, &[":"])))
                        && !self.verb_of_speech_follows(t)
            })
            .collect()
    }

    fn word(&self, t: usize) -> &'a str {
        let token = self.tokens[t];
        &self.text[token.start..token.end]
    }

    fn is_word(&self, t: usize) -> bool {
        self.tokens[t].kind == TokenKind::Word
    }

    fn is_punct(&self, t: usize, marks: &[&str]) -> bool {
        self.tokens[t].kind == TokenKind::Punct && marks.contains(&self.word(t))
    }

    fn lower(&self, t: usize) -> String {
        self.word(t).to_lowercase()
    }

    /// A capitalised word that may be part of a name (titles included); a sentence's first
    /// word alone only if the article also capitalises it inside a sentence or a verb of speech
    /// follows it.
    fn is_name_word(&self, t: usize) -> bool {
        self.is_capitalised(t) && !self.initial_unknown[t]
    }

    /// A capitalised word that is no function word, calendar word or hyphenated adjective.
    fn is_capitalised(&self, t: usize) -> bool {
        if !self.is_word(t) {
            return false;
        }
        let word = self.word(t);
        let Some(first) = word.chars().next() else { return false };
        if !first.is_uppercase() {
            return false;
        }
        let bare = word.trim_end_matches("'s").trim_end_matches("’s");
        // "Texas-based", "Pro-choice": an adjective, not a name.
        let adjective = bare.split('-').skip(1).any(|part| part.chars().next().is_some_and(char::is_lowercase));
        !adjective && !is_not_name(bare) && !crate::dates::is_calendar_word(bare.trim_end_matches('.'))
    }

    fn is_possessive(&self, t: usize) -> bool {
        let word = self.word(t);
        self.is_word(t) && (word.ends_with("'s") || word.ends_with("’s"))
    }

    fn is_pronoun(&self, t: usize) -> bool {
        self.is_word(t) && SUBJECT_PRONOUNS.iter().any(|(p, _)| *p == self.lower(t))
    }

    fn is_determiner(&self, t: usize) -> bool {
        self.is_word(t) && DETERMINERS.contains(&self.lower(t).as_str())
    }

    /// A lower-case word that may head or modify a noun phrase: not a function word and not a
    /// verb of speech in a past or -ing form.
    fn is_content_word(&self, t: usize) -> bool {
        if !self.is_word(t) {
            return false;
        }
        let word = self.word(t);
        let lower = word.to_lowercase();
        let verb_form = is_speech_verb(word)
            && (lower.ends_with("ed")
                || lower.ends_with("ing")
                || ["said", "told", "wrote", "spoke"].contains(&lower.as_str()));
        word.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
            && !is_function_word(word)
            && !verb_form
            && !DETERMINERS.contains(&lower.as_str())
            && !self.is_pronoun(t)
    }

    /// A verb of speech at token `t` (with "put it" and "according to" handled by the callers).
    fn is_cue_verb(&self, t: usize) -> bool {
        if !self.is_word(t) || !is_speech_verb(self.word(t)) {
            return false;
        }
        // "Said Smith," opens a sentence; "The Washington Post" holds no verb.
        let sentence_start =
            self.sentences.get(self.sentence_of.get(t).copied().unwrap_or(usize::MAX)).map_or(0, |r| r.start);
        if self.word(t).chars().next().is_some_and(char::is_uppercase) && (sentence_start..t).any(|i| self.is_word(i)) {
            return false;
        }
        // "the caustic chant", "a new report", "his statement": a noun after a determiner.
        let lower = self.lower(t);
        let finite = lower.ends_with("ed")
            || lower.ends_with("ing")
            || ["said", "told", "wrote", "spoke"].contains(&lower.as_str());
        if finite || t == 0 {
            return true;
        }
        // A determiner or possessive before it, modifiers between: "the caustic chant", "Trump's
        // Virginia state director".
        if lower.ends_with('s') {
            // "the group's reports", "Trump's over-the-top comments" (a compound modifier
            // between), but "a Carrier executive tells".
            let compound = |k: usize| {
                self.is_word(k)
                    && self.word(k).contains('-')
                    && self.word(k).chars().next().is_some_and(char::is_lowercase)
            };
            let before = if t >= 2 && compound(t - 1) { t - 2 } else { t - 1 };
            return !(self.is_determiner(before) || self.is_possessive(before));
        }
        let mut k = t;
        while k > 0 && t - k < 4 {
            k -= 1;
            if self.is_determiner(k) || self.is_possessive(k) {
                return false;
            }
            if !self.is_word(k)
                || is_adverbial(self.word(k))
                || is_function_word(self.word(k))
                || self.is_cue_verb_form(k)
            {
                break;
            }
        }
        true
    }

    /// True when a verb of speech follows token `t`, adverbs between ("Smith also said").
    fn verb_of_speech_follows(&self, t: usize) -> bool {
        let mut k = t + 1;
        while k < self.tokens.len() && self.is_word(k) && is_adverbial(self.word(k)) {
            k += 1;
        }
        k < self.tokens.len() && self.is_cue_verb(k)
    }

    /// A word that looks like the finite verb after a subject: a verb of speech, an auxiliary,
    /// an irregular past, or a lower-case -ed or -s form.
    fn is_verb_like(&self, k: usize) -> bool {
        if !self.is_word(k) {
            return false;
        }
        let word = self.word(k);
        let lower = word.to_lowercase();
        if !word.chars().next().is_some_and(char::is_lowercase) || DETERMINERS.contains(&lower.as_str()) {
            return false;
        }
        [
            "has", "had", "have", "is", "was", "are", "were", "will", "would", "could", "can", "did", "does", "may",
            "might", "should", "must",
        ]
        .contains(&lower.as_str())
            || IRREGULAR_PAST.contains(&lower.as_str())
            || !is_function_word(word)
                && (self.is_cue_verb(k)
                    || lower.ends_with("ed")
                    || lower.ends_with("ing")
                    || lower.ends_with('s') && !lower.ends_with("ss"))
    }

    /// A finite or -ing form of a verb of speech ("said", "adding"), never a noun.
    fn is_cue_verb_form(&self, t: usize) -> bool {
        let lower = self.lower(t);
        is_speech_verb(&lower)
            && (lower.ends_with("ed")
                || lower.ends_with("ing")
                || ["said", "told", "wrote", "spoke"].contains(&lower.as_str()))
    }

    /// True when the word at token `t`, after the head of a role phrase, is more likely its
    /// verb than part of it: an -ed form ("the agency declined"), or an -s form before an
    /// object ("the page lists him", "the email goes on").
    fn ends_role(&self, t: usize, first: usize) -> bool {
        if t <= first + 1 || !self.is_word(t) {
            return false;
        }
        let lower = self.lower(t);
        let previous = self.lower(t - 1);
        if (lower.ends_with("ed") || IRREGULAR_PAST.contains(&lower.as_str()))
            && !previous.ends_with("ly")
            && !self.is_determiner(t - 1)
        {
            return true;
        }
        if lower.ends_with('s') && !lower.ends_with("ss") && !self.is_possessive(t) && t + 1 < self.tokens.len() {
            let next = t + 1;
            return matches!(self.tokens[next].kind, TokenKind::Quote(_))
                || self.is_punct(next, &[":"])
                || self.is_determiner(next)
                || self.is_word(next)
                    && [
                        "him", "her", "them", "it", "us", "that", "how", "what", "on", "up", "out", "off", "down",
                        "will", "would", "can", "could", "should", "may", "might", "must",
                    ]
                    .contains(&self.lower(next).as_str());
        }
        false
    }

    // ------------------------------------------------------------------ noun phrases

    /// The name run ending at token `t` (inclusive), back to `lo`: capitalised words, name
    /// particles between them, initials.
    fn name_run_back(&self, t: usize, lo: usize) -> usize {
        let mut first = t;
        while first > lo {
            let p = first - 1;
            if self.is_name_word(p) && !self.is_possessive(p) {
                first = p;
            } else if p > lo
                && NAME_PARTICLES.contains(&self.word(p))
                && self.is_name_word(p - 1)
                && !self.is_possessive(p - 1)
            {
                first = p - 1;
            } else {
                break;
            }
        }
        first
    }

    /// The noun phrase ending at token `t` (inclusive), not reaching before `lo`.
    fn phrase_back(&self, t: usize, lo: usize) -> Option<Phrase> {
        if !self.is_word(t) {
            return None;
        }
        if self.is_pronoun(t) {
            return Some(Phrase { first: t, last: t, kind: PhraseKind::Pronoun, appositive: None });
        }
        let phrase = if self.is_name_word(t) || NAME_SUFFIXES.contains(&self.lower(t).as_str()) {
            let first = self.name_run_back(t, lo);
            if (first..=t).all(|i| is_title(self.word(i))) {
                // "the President said": a title alone is a role.
                let first = if first > lo && self.is_determiner(first - 1) { first - 1 } else { first };
                Phrase { first, last: t, kind: PhraseKind::Role, appositive: None }
            } else {
                Phrase { first, last: t, kind: PhraseKind::Name, appositive: None }
            }
        } else if self.is_content_word(t) {
            let mut first = t;
            let mut determined = false;
            while first > lo && t - first < 6 {
                let p = first - 1;
                if self.is_determiner(p) {
                    first = p;
                    determined = true;
                    break;
                }
                if self.is_possessive(p) && self.word(p).chars().next().is_some_and(char::is_uppercase) {
                    first = self.name_run_back(p, lo);
                    determined = true;
                    break;
                }
                if self.is_content_word(p) || (self.is_name_word(p) && !self.is_possessive(p)) {
                    first = p;
                    continue;
                }
                break;
            }
            let plural = self.word(t).ends_with('s') && t - first <= 2;
            if !determined && !plural {
                return None;
            }
            Phrase { first, last: t, kind: PhraseKind::Role, appositive: None }
        } else {
            return None;
        };
        // "a spokesman for the campaign said": the phrase before the preposition is the head.
        let phrase = if phrase.kind == PhraseKind::Name
            && phrase.first > lo
            && self.is_word(phrase.first - 1)
            && self.lower(phrase.first - 1) == "the"
        {
            Phrase { first: phrase.first - 1, ..phrase }
        } else {
            phrase
        };
        if phrase.first >= lo + 2 && self.is_word(phrase.first - 1) {
            let preposition = self.lower(phrase.first - 1);
            // Not "with": "a positive note with Smith" is no role of Smith's.
            if ["for", "of", "at", "from"].contains(&preposition.as_str()) {
                if let Some(outer) = self.phrase_back(phrase.first - 2, lo) {
                    if outer.kind == PhraseKind::Role && outer.last == phrase.first - 2 {
                        return Some(Phrase { last: phrase.last, ..outer });
                    }
                    if outer.kind == PhraseKind::Name {
                        let (start, end) = (self.tokens[outer.first].start, self.tokens[phrase.last].end);
                        let mention = self.mention_over(start, end);
                        // "the Federation of Teachers": one name the recognizer holds whole.
                        if mention.is_some_and(|m| m.start <= self.tokens[outer.last].start && m.end >= end) {
                            return Some(Phrase { last: phrase.last, ..outer });
                        }
                        // "Smith of the Center for Studies said": the person the chain of
                        // prepositional phrases hangs on, however long the chain.
                        let person_end = self.tokens[outer.last].end;
                        if self.kind_of(self.tokens[outer.first].start, person_end) == Some(EntityKind::Person) {
                            return Some(outer);
                        }
                    }
                }
            }
        }
        Some(phrase)
    }

    /// The end (exclusive) of the name run starting at token `t`, before `hi`: capitalised
    /// words, name particles between them, suffixes; a possessive word ends it.
    fn name_run_forward(&self, t: usize, hi: usize) -> usize {
        let mut end = t;
        while end < hi {
            if end > t && self.is_possessive(end - 1) {
                break;
            }
            if self.is_name_word(end) || end > t && NAME_SUFFIXES.contains(&self.lower(end).as_str()) {
                end += 1;
            } else if end > t && end + 1 < hi && NAME_PARTICLES.contains(&self.word(end)) && self.is_name_word(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        end
    }

    /// A lower-case word that may stand between a name and the name it describes ("Trump
    /// campaign manager Jane Doe"): a content word that is no verb form.
    fn is_role_word(&self, t: usize) -> bool {
        let lower = self.lower(t);
        self.is_content_word(t)
            && !self.is_cue_verb(t)
            && !IRREGULAR_PAST.contains(&lower.as_str())
            && (!lower.ends_with('s') || lower.ends_with("ss"))
            && !lower.ends_with("ed")
            && !lower.ends_with("ing")
            && !lower.ends_with("ly")
    }

    /// The noun phrase starting at token `t`, ending before `hi`.
    fn phrase_forward(&self, t: usize, hi: usize) -> Option<Phrase> {
        if t >= hi || !self.is_word(t) {
            return None;
        }
        if self.is_pronoun(t) {
            return Some(Phrase { first: t, last: t, kind: PhraseKind::Pronoun, appositive: None });
        }
        if self.is_name_word(t) {
            let end = self.name_run_forward(t, hi);
            if !self.is_possessive(end - 1) {
                // "Trump campaign manager Jane Doe": role words, then the name they describe.
                let mut k = end;
                while k < hi && k - end < 3 && self.is_role_word(k) {
                    k += 1;
                }
                if k > end && k < hi && self.is_name_word(k) {
                    let last = self.name_run_forward(k, hi) - 1;
                    if !self.is_possessive(last) {
                        return Some(Phrase { first: k, last, kind: PhraseKind::Name, appositive: None });
                    }
                }
                // "Time magazine", "Harper officials": a name modifying the head noun after it.
                let plural_head = k == end
                    && k < hi
                    && self.is_content_word(k)
                    && self.word(k).ends_with('s')
                    && k + 1 < hi
                    && self.is_verb_like(k + 1);
                if k > end || plural_head {
                    let last = if plural_head { k } else { k - 1 };
                    if k == hi
                        || !self.is_word(last + 1)
                        || self.is_verb_like(last + 1)
                        || is_function_word(self.word(last + 1))
                    {
                        return Some(
                            self.with_appositive(
                                Phrase { first: t, last, kind: PhraseKind::Role, appositive: None },
                                hi,
                            ),
                        );
                    }
                }
                let kind = if (t..end).all(|i| is_title(self.word(i))) { PhraseKind::Role } else { PhraseKind::Name };
                // "Smith and Jones": both speak.
                let mut last = end - 1;
                if kind == PhraseKind::Name && end + 1 < hi && self.lower(end) == "and" && self.is_name_word(end + 1) {
                    let second = self.name_run_forward(end + 1, hi);
                    if !(self.is_possessive(second - 1) || second < hi && self.is_role_word(second)) {
                        last = second - 1;
                    }
                }
                let phrase = Phrase { first: t, last, kind, appositive: None };
                return Some(self.with_appositive(phrase, hi));
            }
        }
        self.role_forward(t, hi)
    }

    /// The role phrase starting at token `t`, before `hi`.
    fn role_forward(&self, t: usize, hi: usize) -> Option<Phrase> {
        // A role: a determiner or possessive, modifiers, and a head ("the Florida senator",
        // "Harper's campaign", "a senior administration official", "two aides").
        let mut end = t;
        while end < hi && end - t < 10 && self.is_word(end) {
            let lower = self.lower(end);
            let name_like = self.is_name_word(end) || NAME_SUFFIXES.contains(&lower.as_str());
            let joins = name_like
                || self.is_capitalised(end)
                || self.is_content_word(end)
                || (end > t && crate::dates::is_calendar_word(self.word(end).trim_end_matches('.')))
                || (end > t
                    && ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
                        .contains(&lower.as_str()))
                || (end > t && ["first", "last", "only", "former", "longtime", "then"].contains(&lower.as_str()))
                || (end == t && self.is_determiner(end))
                || (end > t && self.is_determiner(end) && self.is_possessive(end - 1))
                || (NAME_PARTICLES.contains(&lower.as_str()) && end > t && self.is_name_word(end - 1));
            // "the report says": a verb of speech after the head ends the phrase.
            if !joins
                || (end > t && self.is_cue_verb(end) && !name_like && !self.is_determiner(end - 1))
                || !name_like && self.ends_role(end, t)
            {
                break;
            }
            end += 1;
        }
        if end == t {
            return None;
        }
        let last = end - 1;
        let phrase = if self.is_name_word(last) || NAME_SUFFIXES.contains(&self.lower(last).as_str()) {
            // The head is the last name run of the phrase: "the campaign's spokesman Jane Doe"
            // is Jane Doe, "the White House" a name, "the governor of Ohio" a role.
            let first = self.name_run_back(last, t);
            if (first..=last).all(|i| is_title(self.word(i))) || first > t && self.is_possessive(first - 1) {
                Phrase { first: t, last, kind: PhraseKind::Role, appositive: None }
            } else {
                Phrase { first, last, kind: PhraseKind::Name, appositive: None }
            }
        } else {
            let determined = self.is_determiner(t) || self.is_possessive(t);
            let plural = self.word(last).ends_with('s') && last - t <= 1;
            // A role needs a head after its determiner ("The first incident" is no "The").
            if !determined && !plural || !self.is_content_word(last) && !self.is_possessive(last) {
                return None;
            }
            Phrase { first: t, last, kind: PhraseKind::Role, appositive: None }
        };
        // "a spokeswoman for the agency": a role takes its prepositional phrase along.
        let phrase = match phrase.kind {
            PhraseKind::Role
                if phrase.last + 2 < hi
                    && self.is_word(phrase.last + 1)
                    && ["for", "of", "at", "with", "from", "to"].contains(&self.lower(phrase.last + 1).as_str()) =>
            {
                match self.phrase_forward(phrase.last + 2, hi) {
                    Some(object) if object.kind != PhraseKind::Pronoun => Phrase { last: object.last, ..phrase },
                    _ => phrase,
                }
            }
            _ => phrase,
        };
        Some(self.with_appositive(phrase, hi))
    }

    /// A role followed by ", Name," takes the name as its appositive.
    fn with_appositive(&self, phrase: Phrase, hi: usize) -> Phrase {
        if phrase.kind != PhraseKind::Role || phrase.last + 2 >= hi || !self.is_punct(phrase.last + 1, &[","]) {
            return phrase;
        }
        let start = phrase.last + 2;
        let end = if self.is_name_word(start) { self.name_run_forward(start, hi) } else { start };
        let closed = end == hi || self.is_punct(end, &[",", ".", ";", "("]) || !self.is_word(end);
        let titles_only = (start..end).all(|i| is_title(self.word(i)));
        if end > start && closed && !titles_only && end - start <= 5 {
            Phrase { appositive: Some(start..end), ..phrase }
        } else {
            phrase
        }
    }

    /// The subject of the verb at token `v`, within its sentence starting at token `lo`.
    fn subject_of(&self, v: usize, lo: usize) -> Option<Phrase> {
        let mut j = v;
        // Adverbs and auxiliaries between subject and verb ("also said", "has long said").
        while j > lo && self.is_word(j - 1) && is_adverbial(self.word(j - 1)) {
            j -= 1;
        }
        // "Smith on Tuesday said", "Smith last week told".
        let before_time = j;
        while j > lo
            && self.is_word(j - 1)
            && (crate::dates::is_calendar_word(self.word(j - 1).trim_end_matches('.'))
                || ["on", "last", "this", "night", "morning", "afternoon", "evening", "week", "month", "year"]
                    .contains(&self.lower(j - 1).as_str()))
        {
            j -= 1;
        }
        if !(j..before_time).any(|i| crate::dates::is_calendar_word(self.word(i).trim_end_matches('.')))
            && !(j..before_time).any(|i| ["week", "month", "year", "night"].contains(&self.lower(i).as_str()))
        {
            j = before_time;
        }
        if j == lo {
            return None;
        }
        let mut t = j - 1;
        // "Smith (R-Texas) said", "Smith - a former aide - said": the phrase before the aside.
        if let Some(opening) = self.aside_start(t, lo) {
            if opening == lo {
                return None;
            }
            t = opening - 1;
        }
        if self.is_punct(t, &[","]) {
            // "Smith, a former aide, said" / "Smith, who ..., said" / "Smith, during a visit to
            // Columbus, Ohio, said": the phrase before the leftmost comma of the aside that does
            // not follow a preposition, with a name between the commas as its appositive.
            let reach =
                (lo..t).rev().take(40).take_while(|&i| !matches!(self.tokens[i].kind, TokenKind::Quote(_))).last()?;
            let commas: Vec<usize> = (reach..t).filter(|&i| self.is_punct(i, &[","])).collect();
            for &opening in &commas {
                if opening == lo {
                    continue;
                }
                let Some(outer) = self.phrase_back(opening - 1, lo) else { continue };
                if outer.last != opening - 1 {
                    continue;
                }
                let after_preposition = outer.first > lo
                    && self.is_word(outer.first - 1)
                    && is_function_word(self.word(outer.first - 1))
                    && !["and", "but", "so", "then"].contains(&self.lower(outer.first - 1).as_str());
                if after_preposition {
                    continue;
                }
                let Some(outer) = self.relative_antecedent(outer, lo) else { continue };
                let next = commas.iter().copied().find(|&c| c > opening).unwrap_or(t);
                let inner_is_name = opening + 1 < next && (opening + 1..next).all(|i| self.is_name_word(i));
                if outer.kind == PhraseKind::Role && inner_is_name {
                    return Some(Phrase { appositive: Some(opening + 1..next), ..outer });
                }
                return Some(outer);
            }
            return None;
        }
        // A name ending before `t` opens a chain of "of" and "for" phrases ending at `t`.
        let phrase = self.phrase_back(t, lo)?;
        if phrase.last != t && phrase.kind != PhraseKind::Name {
            return None;
        }
        // "Jane Doe, the party's spokeswoman said": a name before the role, one comma between.
        if phrase.kind == PhraseKind::Role && phrase.first > lo + 1 && self.is_punct(phrase.first - 1, &[","]) {
            if let Some(name) = self
                .phrase_back(phrase.first - 2, lo)
                .filter(|p| p.kind == PhraseKind::Name && p.last == phrase.first - 2)
            {
                let opens =
                    name.first == lo || !self.is_word(name.first - 1) || !is_function_word(self.word(name.first - 1));
                if opens {
                    return Some(name);
                }
            }
        }
        self.relative_antecedent(phrase, lo)
    }

    /// The opening bracket or dash of the aside that token `t` closes (`)` or a dash), not
    /// before `lo`.
    fn aside_start(&self, t: usize, lo: usize) -> Option<usize> {
        const DASHES: [&str; 4] = ["-", "—", "–", "--"];
        if self.is_punct(t, &[")"]) {
            return (lo..t).rev().take(15).find(|&i| self.is_punct(i, &["("]));
        }
        if self.is_punct(t, &DASHES) {
            return (lo..t)
                .rev()
                .take(30)
                .take_while(|&i| !matches!(self.tokens[i].kind, TokenKind::Quote(_)))
                .find(|&i| self.is_punct(i, &DASHES));
        }
        None
    }

    /// The token after an aside opening at token `t` (`(` or a dash), before `hi`.
    fn aside_end(&self, t: usize, hi: usize) -> Option<usize> {
        const DASHES: [&str; 4] = ["-", "—", "–", "--"];
        if self.is_punct(t, &["("]) {
            return (t + 1..hi).take(15).find(|&i| self.is_punct(i, &[")"])).map(|i| i + 1);
        }
        if self.is_punct(t, &DASHES) {
            return (t + 1..hi)
                .take(30)
                .take_while(|&i| !matches!(self.tokens[i].kind, TokenKind::Quote(_)))
                .find(|&i| self.is_punct(i, &DASHES))
                .map(|i| i + 1);
        }
        None
    }

    /// "Smith, who said": the phrase a relative pronoun stands for.
    fn relative_antecedent(&self, phrase: Phrase, lo: usize) -> Option<Phrase> {
        if phrase.kind != PhraseKind::Pronoun || self.lower(phrase.first) != "who" {
            return Some(phrase);
        }
        let mut t = phrase.first;
        if t > lo && self.is_punct(t - 1, &[","]) {
            t -= 1;
        }
        if t == lo {
            return None;
        }
        self.phrase_back(t - 1, lo).filter(|p| p.kind != PhraseKind::Pronoun)
    }

    /// The subject of the sentence whose tokens run from `lo` to before `hi`: its first noun
    /// phrase followed by a verb, after connectives and introductory phrases set off by commas.
    fn sentence_subject(&self, lo: usize, hi: usize) -> Option<Phrase> {
        let mut i = lo;
        while i < hi && !self.is_word(i) {
            i += 1;
        }
        while i < hi
            && self.is_word(i)
            && ["but", "and", "so", "yet", "still", "meanwhile", "however", "instead", "now", "then", "also"]
                .contains(&self.lower(i).as_str())
        {
            i += 1;
            if i < hi && self.is_punct(i, &[","]) {
                i += 1;
            }
        }
        // The first word, then the word after each comma (an introductory phrase before it).
        let starts = std::iter::once(i).chain((i..hi).filter(|&k| self.is_punct(k, &[","])).map(|k| k + 1));
        let mut fallback = None;
        for (n, start) in starts.enumerate() {
            if start >= hi || !self.is_word(start) || n > 4 {
                break;
            }
            let lower = self.lower(start);
            // A verb of speech opening the sentence ("Said Smith, ..."), unless the recognizer
            // reads it as a name ("Snap closed its store").
            let named = self.mention_over(self.tokens[start].start, self.tokens[start].end).is_some();
            let opener = is_function_word(&lower) && !self.is_pronoun(start) && !self.is_determiner(start)
                || self.is_cue_verb(start) && !named
                || is_participle(&lower);
            if opener {
                continue;
            }
            let Some(phrase) = self.phrase_forward(start, hi) else { continue };
            if phrase.kind == PhraseKind::Pronoun && lower == "who" {
                continue;
            }
            // A subject is followed by its verb (adverbs, a bracketed aside and a
            // prepositional phrase aside) or an appositive.
            let mut k = phrase.appositive.as_ref().map_or(phrase.last + 1, |a| a.end + 1);
            if k < hi {
                if let Some(end) = self.aside_end(k, hi) {
                    k = end;
                }
            }
            if k < hi && self.is_word(k) && ["of", "for", "at", "from", "with"].contains(&self.lower(k).as_str()) {
                let mut m = k + 1;
                while m < hi
                    && m - k <= 7
                    && self.is_word(m)
                    && (self.is_name_word(m)
                        || self.is_determiner(m)
                        || self.is_content_word(m) && !self.ends_role(m, k))
                {
                    m += 1;
                }
                k = m;
            }
            let mut auxiliary = false;
            while k < hi && self.is_word(k) && is_adverbial(self.word(k)) && !is_participle(self.word(k)) {
                auxiliary |= self.is_verb_like(k);
                k += 1;
            }
            if k >= hi {
                continue;
            }
            let verb_like = auxiliary || self.is_verb_like(k);
            // "the groups who wrote to her say": a relative clause follows a subject too.
            let relative = self.is_word(k) && ["who", "which"].contains(&self.lower(k).as_str());
            if verb_like || relative {
                return Some(phrase);
            }
            if n == 0 && self.is_punct(k, &[","]) {
                // "Smith, a former aide to the senator, said": the verb after a later comma.
                let verb_after_aside =
                    (k + 1..hi).take(40).any(|c| self.is_punct(c, &[","]) && c + 1 < hi && self.is_verb_like(c + 1));
                if verb_after_aside {
                    return Some(phrase);
                }
                fallback = Some(phrase);
            }
        }
        fallback
    }

    // ------------------------------------------------------------------ attribution

    /// How the quotation at token `q` is attributed.
    fn attribution(&self, q: usize, earlier: &[Option<Attribution>]) -> Option<Attribution> {
        let s = self.sentence_of[q];
        let Range { start: lo, end: mut hi } = self.sentences[s].clone();
        // `"... Really?" Smith said.`: the splitter ends a sentence after "?" or "!" and a
        // closing mark; the attribution after it still belongs to the quotation.
        // `"... ." Smith said.` likewise when the next sentence is only that.
        if (q + 1..hi).all(|i| !self.is_word(i))
            && s + 1 < self.sentences.len()
            && self.paragraph_of[s + 1] == self.paragraph_of[s]
        {
            let next = self.sentences[s + 1].clone();
            if next.start < next.end && self.is_word(next.start) {
                if let Some(phrase) = self.after(q, next.end) {
                    let words = (next.start..next.end).filter(|&i| self.is_word(i)).count();
                    if self.quote_ends_open(q) || words <= phrase.last + 1 - phrase.first + 4 {
                        return Some(Attribution::Phrase(phrase, false));
                    }
                }
            }
        }
        if let Some(phrase) = self.after(q, hi) {
            return Some(Attribution::Phrase(phrase, false));
        }
        if let Some(found) = self.before(q, lo) {
            return Some(found);
        }
        if let Some(phrase) = self.later(q, hi) {
            return Some(Attribution::Phrase(phrase, false));
        }
        // No verb of speech: the subject of the nearest verb before the quotation ("..., while
        // Smith proposed ..."), or of the sentence ("Smith called the plan ...").
        if (lo..q).any(|i| self.is_word(i)) {
            let verb = (lo..q)
                .rev()
                .take_while(|&i| !matches!(self.tokens[i].kind, TokenKind::Quote(_)))
                .find(|&i| self.is_verb_like(i) && !is_participle(self.word(i)) && !is_adverbial(self.word(i)));
            if let Some(phrase) = verb.and_then(|v| self.subject_of(v, lo)).or_else(|| self.sentence_subject(lo, q)) {
                return Some(Attribution::Phrase(phrase, false));
            }
        }
        // A quotation with words before it in its sentence and no speaker there stays
        // unattributed, unless they hold no verb ("For the others, "...""); one opening its
        // sentence (a connective aside) continues what came before.
        let connective = |i: usize| {
            ["but", "and", "so", "yet", "still", "indeed", "also", "then", "again", "now", "or"]
                .contains(&self.lower(i).as_str())
        };
        let verbless = (lo..q).all(|i| !self.is_verb_like(i));
        if (lo..q).any(|i| self.is_word(i) && !connective(i)) && !verbless {
            return None;
        }
        hi = q;
        // No frame of its own: the quotation or the speech reported in the sentence before
        // (in the paragraph, or closing the paragraph before when this one opens with it).
        let paragraph = self.paragraph_of[s];
        let opens_paragraph = self.sentence_starts_paragraph_with_quote(s, q);
        let first = self.paragraph_start(s);
        if s > 0 && (s > first || opens_paragraph) && self.paragraph_of[s - 1] + 1 >= paragraph {
            let before = self.sentences[s - 1].clone();
            let last_quote = before.clone().rev().find_map(|i| match self.tokens[i].kind {
                TokenKind::Quote(index) => Some(index),
                _ => None,
            });
            if let Some(index) = last_quote {
                return earlier[index].is_some().then_some(Attribution::Continued(index));
            }
            if before.start < before.end && self.is_punct(before.end - 1, &[":"]) {
                return self.colon_cue(before.end - 1, before.start).map(|(p, label)| Attribution::Phrase(p, label));
            }
            if let Some(phrase) = self.reported_speaker(before) {
                return Some(Attribution::Phrase(phrase, false));
            }
        }
        // Else the last quotation earlier in the paragraph.
        let previous = (self.sentences[first].start..hi).rev().find_map(|i| match self.tokens[i].kind {
            TokenKind::Quote(index) => Some(index),
            _ => None,
        })?;
        earlier[previous].is_some().then_some(Attribution::Continued(previous))
    }

    /// The subject of the last verb of speech of a sentence without quotation ("Smith said
    /// the plan would fail."), or the phrase after its "according to".
    fn reported_speaker(&self, sentence: Range<usize>) -> Option<Phrase> {
        let lo = sentence.start;
        for t in sentence.clone().rev() {
            if !self.is_word(t) {
                continue;
            }
            if self.lower(t) == "according" && t + 1 < sentence.end && self.lower(t + 1) == "to" {
                return self.phrase_forward(t + 2, sentence.end);
            }
            if self.is_cue_verb(t) {
                if let Some(phrase) = self.verb_subject(t, lo) {
                    return Some(phrase);
                }
            }
        }
        None
    }

    /// The token ranges of the paragraphs.
    fn paragraph_ranges(&self) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for (s, sentence) in self.sentences.iter().enumerate() {
            match ranges.last_mut() {
                Some(last) if s > 0 && self.paragraph_of[s - 1] == self.paragraph_of[s] => last.end = sentence.end,
                _ => ranges.push(sentence.clone()),
            }
        }
        ranges
    }

    /// The first frame sentence of the paragraph of sentence `s`.
    fn paragraph_start(&self, s: usize) -> usize {
        let paragraph = self.paragraph_of[s];
        (0..=s).rev().take_while(|&i| self.paragraph_of[i] == paragraph).last().unwrap_or(s)
    }

    /// True when the quotation at token `q` opens its paragraph.
    fn sentence_starts_paragraph_with_quote(&self, s: usize, q: usize) -> bool {
        self.paragraph_start(s) == s && (self.sentences[s].start..q).all(|i| !self.is_word(i))
    }

    /// The speaker named after the quotation at token `q`: `, Smith said` / `, said Smith` /
    /// `, according to Smith`.
    fn after(&self, q: usize, hi: usize) -> Option<Phrase> {
        let mut t = q + 1;
        while t < hi && self.is_punct(t, &[",", "-", "—", "–", "…", "'", "’", "\"", ")"]) {
            t += 1;
        }
        if t >= hi || !self.is_word(t) {
            return None;
        }
        if self.lower(t) == "according" && t + 1 < hi && self.lower(t + 1) == "to" {
            return self.phrase_forward(t + 2, hi);
        }
        if self.is_cue_verb(t) && !is_participle(self.word(t)) {
            // "said Smith": the subject after the verb.
            let mut s = t + 1;
            while s < hi && self.is_word(s) && is_adverbial(self.word(s)) && !self.is_pronoun(s) {
                s += 1;
            }
            return self
                .phrase_forward(s, hi)
                .filter(|p| p.kind != PhraseKind::Pronoun || self.lower(p.first) != "who");
        }
        // `"...," exhorted the actress`, `"...," begins a message`: any verb form, the subject
        // after it, when the quotation's sentence goes on.
        let word = self.word(t);
        let verb_form = word.chars().next().is_some_and(char::is_lowercase)
            && !is_function_word(word)
            && !self.is_determiner(t)
            && (word.ends_with("ed") || word.ends_with('s'));
        let opens_sentence = (self.sentences[self.sentence_of[q]].start..q).all(|i| !self.is_word(i));
        if verb_form && self.quote_ends_open(q) && opens_sentence {
            if let Some(phrase) = self.phrase_forward(t + 1, hi).filter(|p| p.kind != PhraseKind::Pronoun) {
                return Some(phrase);
            }
        }
        // "Smith said", "a spokesman for the campaign said", "Smith, a former aide, said".
        let phrase = self.phrase_forward(t, hi)?;
        let mut v = phrase.appositive.as_ref().map_or(phrase.last + 1, |a| a.end);
        if phrase.appositive.is_some() && v < hi && self.is_punct(v, &[","]) {
            v += 1;
        } else if v < hi && self.is_punct(v, &[","]) {
            v = self.after_aside(v, hi)?;
        }
        // A prepositional phrase after the head ("a spokesman for the campaign said"), and an
        // aside after it ("Smith from the university, who ..., said").
        if v < hi && self.is_word(v) && ["for", "of", "at", "with", "from"].contains(&self.lower(v).as_str()) {
            v = (v + 1..hi.min(v + 8)).find(|&i| self.is_cue_verb(i) || !self.is_word(i)).unwrap_or(hi);
            if v < hi && self.is_punct(v, &[","]) {
                v = self.after_aside(v, hi)?;
            }
        }
        while v < hi && self.is_word(v) && is_adverbial(self.word(v)) {
            v += 1;
        }
        if v >= hi || !self.is_word(v) || is_participle(self.word(v)) {
            return None;
        }
        // Any verb after a quotation that ends in a comma, question or exclamation mark
        // (`"...?" Smith pressed`, `"...," Smith barked`), a verb of speech after any other.
        let word = self.word(v);
        let open_ending = self.quote_ends_open(q) && opens_sentence;
        let verb_form = word.chars().next().is_some_and(char::is_lowercase)
            && !is_function_word(word)
            && (word.ends_with("ed") || word.ends_with('s'));
        // Right after a phrase that follows a quotation, a verb of speech is a verb ("the
        // email read").
        (self.is_cue_verb(v) || is_speech_verb(word) || open_ending && verb_form).then_some(phrase)
    }

    /// The token after an appositive or relative clause between commas, the first at token `v`.
    fn after_aside(&self, v: usize, hi: usize) -> Option<usize> {
        let close = (v + 1..hi.min(v + 25))
            .find(|&i| self.is_punct(i, &[","]) || !self.is_word(i) && !self.is_punct(i, &["-", "'", "’"]))?;
        self.is_punct(close, &[","]).then_some(close + 1)
    }

    /// True when the quotation at token `q` ends in a comma, question or exclamation mark: the
    /// sentence goes on with its attribution.
    fn quote_ends_open(&self, q: usize) -> bool {
        let TokenKind::Quote(index) = self.tokens[q].kind else { return false };
        self.text[..self.quote_ends[index]].trim_end().ends_with([',', '?', '!', '-', '—'])
    }

    /// True when the word at token `v` follows a quotation, a comma between them at most
    /// (`"...," said Smith`), a short one included.
    fn follows_quote(&self, v: usize, lo: usize) -> bool {
        if v == lo {
            return false;
        }
        let mut k = v - 1;
        if self.is_punct(k, &[","]) && k > lo {
            if matches!(self.tokens[k - 1].kind, TokenKind::Quote(_)) {
                return true;
            }
            k -= 1;
        }
        if matches!(self.tokens[k].kind, TokenKind::Quote(_)) {
            return true;
        }
        let (from, to) = (self.tokens[k].end, self.tokens[v].start);
        let first = self.short_closes.partition_point(|&c| c < from);
        self.short_closes.get(first).is_some_and(|&c| c < to)
    }

    /// The speaker given before the quotation at token `q` in its sentence (from token `lo`).
    fn before(&self, q: usize, lo: usize) -> Option<Attribution> {
        let mut t = q;
        while t > lo {
            t -= 1;
            if !self.is_word(t) {
                if self.is_punct(t, &[":"]) {
                    if let Some((phrase, label)) = self.colon_cue(t, lo) {
                        return Some(Attribution::Phrase(phrase, label));
                    }
                }
                continue;
            }
            let lower = self.lower(t);
            if lower == "according" && t + 1 < q && self.lower(t + 1) == "to" {
                if let Some(phrase) = self.phrase_forward(t + 2, q) {
                    return Some(Attribution::Phrase(phrase, false));
                }
            }
            // "as Smith put it". The nearest verb of speech decides: its subject, or else the
            // sentence's.
            let put_it = (lower == "put" || lower == "puts") && t + 1 < q && self.lower(t + 1) == "it";
            if self.is_cue_verb(t) || put_it {
                return self
                    .verb_subject(t, lo)
                    .or_else(|| self.sentence_subject(lo, t))
                    .map(|p| Attribution::Phrase(p, false));
            }
        }
        None
    }

    /// The subject of the verb of speech at token `v`: before it, or, when it follows a
    /// quotation, the phrase after it; a passive's agent ("asked by Smith"); for a participle
    /// after a comma or "and", the subject of the sentence.
    fn verb_subject(&self, v: usize, lo: usize) -> Option<Phrase> {
        let word = self.word(v);
        let hi = self.sentences[self.sentence_of[v]].end;
        // "told Smith", "reminded Smith": the name after such a verb is whom it addresses, never
        // its subject inverted, as it may be after "said".
        let inverts = !matches!(speech_lemma(word), Some("tell" | "remind" | "assure" | "inform"));
        if inverts && self.follows_quote(v, lo) && !is_participle(word) {
            // `"...," said Smith, "..."`.
            if let Some(p) = self.phrase_forward(v + 1, hi) {
                return Some(p);
            }
        }
        let connective = |i: usize| {
            self.is_word(i) && ["but", "and", "so", "yet", "still", "also", "then"].contains(&self.lower(i).as_str())
        };
        if v == lo || (lo..v).all(|i| !self.is_word(i) || connective(i)) {
            if is_participle(word) {
                // "Adding, ..." opening a sentence: the subject of the sentence before.
                let s = self.sentence_of[v];
                return (s > 0)
                    .then(|| self.sentences[s - 1].clone())
                    .and_then(|r| self.sentence_subject(r.start, r.end));
            }
            // "Said Smith, ..." opening the sentence.
            return self.phrase_forward(v + 1, hi);
        }
        // "..., explained Smith, "..."": a verb after a comma, a name and a comma after it.
        if inverts && v > lo && self.is_punct(v - 1, &[","]) && !is_participle(word) {
            if let Some(p) = self.phrase_forward(v + 1, hi) {
                let after = p.appositive.as_ref().map_or(p.last + 1, |a| a.end);
                // "Smith, an aide, said Jones "understood ..."": a quotation going on in lower
                // case right after the name is that name's predicate, and the speaker is the
                // verb's subject before it.
                let predicate = after < hi
                    && matches!(self.tokens[after].kind, TokenKind::Quote(_))
                    && self.text[self.tokens[after].start..self.tokens[after].end]
                        .chars()
                        .find(|c| c.is_alphabetic())
                        .is_some_and(char::is_lowercase);
                if p.kind != PhraseKind::Pronoun
                    && !predicate
                    && (after >= hi
                        || self.is_punct(after, &[",", "."])
                        || matches!(self.tokens[after].kind, TokenKind::Quote(_)))
                {
                    return Some(p);
                }
            }
        }
        if word.ends_with("ed") && v + 2 < hi && self.lower(v + 1) == "by" {
            if let Some(p) = self.phrase_forward(v + 2, hi) {
                return Some(p);
            }
        }
        if is_participle(word) {
            // "with Smith noting": the name before; "..., saying" or "a statement saying": the
            // sentence's subject.
            let mut k = v;
            while k > lo && self.is_word(k - 1) && is_adverbial(self.word(k - 1)) {
                k -= 1;
            }
            if k > lo && (self.is_name_word(k - 1) || self.is_pronoun(k - 1)) {
                if let Some(p) = self.subject_of(v, lo) {
                    return Some(p);
                }
            }
            // "with Smith tweeting ... and asking": the subject of the participle before.
            let person_before = |w: usize| {
                self.is_name_word(w - 1)
                    || self.is_pronoun(w - 1) && ["he", "she"].contains(&self.lower(w - 1).as_str())
            };
            if let Some(w) =
                (lo + 1..v).rev().find(|&w| self.is_cue_verb(w) && is_participle(self.word(w)) && person_before(w))
            {
                if let Some(p) = self.subject_of(w, lo) {
                    return Some(p);
                }
            }
            return self.sentence_subject(lo, v);
        }
        if v > lo && self.is_word(v - 1) && ["and", "but", "or", "then"].contains(&self.lower(v - 1).as_str()) {
            return self.sentence_subject(lo, v);
        }
        self.subject_of(v, lo).or_else(|| {
            // "Smith was quoted as saying", passives and the like: the sentence's subject.
            (v > lo && self.is_word(v - 1) && is_adverbial(self.word(v - 1)))
                .then(|| self.sentence_subject(lo, v))
                .flatten()
        })
    }

    /// The speaker named after the quotation at token `q` further on in its sentence (before
    /// `hi`): "... is too much, Smith said later" / "..., said Smith".
    fn later(&self, q: usize, hi: usize) -> Option<Phrase> {
        for t in q + 1..hi {
            if matches!(self.tokens[t].kind, TokenKind::Quote(_)) {
                return None;
            }
            if !self.is_word(t) {
                continue;
            }
            if self.lower(t) == "according" && t + 1 < hi && self.lower(t + 1) == "to" {
                return self.phrase_forward(t + 2, hi);
            }
            if self.is_cue_verb(t) && !is_participle(self.word(t)) {
                if t > q + 1 && self.is_punct(t - 1, &[","]) {
                    if let Some(p) = self.phrase_forward(t + 1, hi) {
                        return Some(p);
                    }
                }
                return self.subject_of(t, q + 1);
            }
        }
        None
    }

    /// The speaker before a colon at token `c`: a label opening the paragraph ("SMITH:"), the
    /// subject of a verb before it ("Smith said:", "Smith resisted:"), or a phrase.
    fn colon_cue(&self, c: usize, lo: usize) -> Option<(Phrase, bool)> {
        if c == lo {
            return None;
        }
        let t = c - 1;
        // A name right before the colon opening its clause: a label at the start of the
        // paragraph ("SMITH:"), a name elsewhere ("Pollsters agree - Jane Doe:").
        if let Some(phrase) = self.phrase_back(t, lo).filter(|p| p.last == t && p.kind == PhraseKind::Name) {
            if phrase.first == lo && self.paragraph_start(self.sentence_of[lo]) == self.sentence_of[lo] {
                return Some((phrase, true));
            }
            if phrase.first == lo || self.is_punct(phrase.first - 1, &["-", "—", "–", ".", ";"]) {
                return Some((phrase, false));
            }
        }
        // The nearest verb of speech before the colon ("Smith said on Twitter:", "as Smith put
        // it:").
        for v in (lo..c).rev() {
            if matches!(self.tokens[v].kind, TokenKind::Quote(_)) {
                break;
            }
            // "When Trump suggested ..., Rubio fired back:": the clause before the colon has its
            // own subject.
            if self.is_punct(v, &[","]) {
                if let Some(p) = self.sentence_subject(v + 1, c) {
                    return Some((p, false));
                }
            }
            let put_it = self.is_word(v)
                && ["put", "puts"].contains(&self.lower(v).as_str())
                && v + 1 < c
                && self.lower(v + 1) == "it";
            if self.is_cue_verb(v) || put_it {
                return self.verb_subject(v, lo).or_else(|| self.sentence_subject(lo, v)).map(|p| (p, false));
            }
        }
        // A name right before the colon, not the object of most prepositions ("doesn't
        // surprise pollster Jane Doe:", "More from Jane Doe:", but not "on Twitter:").
        if let Some(phrase) = self.phrase_back(t, lo).filter(|p| p.last == t && p.kind == PhraseKind::Name) {
            // The noun phrase the name ends: "the Dutch newspaper NRC Handelsblad".
            let first = (phrase.first > lo)
                .then(|| self.phrase_back(phrase.first - 1, lo))
                .flatten()
                .filter(|p| p.kind == PhraseKind::Role && p.last == phrase.first - 1)
                .map_or(phrase.first, |p| p.first);
            let preposition = first > lo
                && self.is_word(first - 1)
                && is_function_word(self.word(first - 1))
                && !["from", "by"].contains(&self.lower(first - 1).as_str());
            if !preposition {
                return Some((phrase, false));
            }
        }
        if !self.is_word(t) {
            return None;
        }
        let word = self.word(t);
        let lower = word.to_lowercase();
        let verb_like = word.chars().next().is_some_and(char::is_lowercase)
            && !is_function_word(word)
            && (lower.ends_with("ed") || lower.ends_with('s'));
        if verb_like {
            let subject = self.subject_of(t, lo).or_else(|| self.sentence_subject(lo, t));
            return subject.map(|p| (p, false));
        }
        // "in a statement:", "Smith resisted:": the sentence's subject; in a short introduction
        // ("Partial transcript as follows:"), its first words.
        self.sentence_subject(lo, c).map(|p| (p, false)).or_else(|| {
            let words: Vec<usize> = (lo..c).filter(|&i| self.is_word(i)).collect();
            if words.is_empty() || words.len() > 5 {
                return None;
            }
            let last = words.iter().copied().take_while(|&i| !is_function_word(self.word(i))).last()?;
            let head = self.word(last);
            (head.chars().all(char::is_alphabetic) && !is_adverbial(head) && !self.is_pronoun(last))
                .then_some((Phrase { first: words[0], last, kind: PhraseKind::Role, appositive: None }, false))
        })
    }

    // ------------------------------------------------------------------ resolution

    /// The speaker a phrase stands for, or `None` when it resolves to nobody.
    fn speaker(&self, phrase: &Phrase, label: bool) -> Option<SpeakerFound> {
        let start = self.tokens[phrase.first].start;
        let end = self.tokens[phrase.last].end;
        let text = self.text[start..end].to_owned();
        let (name, via) = match phrase.kind {
            PhraseKind::Name => {
                // "Smith and Jones": each name in its fullest form.
                let parts: Vec<String> = (phrase.first..=phrase.last)
                    .collect::<Vec<_>>()
                    .split(|&i| self.is_word(i) && self.lower(i) == "and")
                    .filter(|part| !part.is_empty())
                    .filter_map(|part| Some(self.fullest(&self.core_name(part[0]..part[part.len() - 1] + 1)?, part[0])))
                    .collect();
                if parts.is_empty() {
                    return None;
                }
                (parts.join(" and "), if label { Via::Label } else { Via::Named })
            }
            PhraseKind::Pronoun => (self.antecedent(phrase.first)?, Via::Pronoun),
            PhraseKind::Role => match &phrase.appositive {
                Some(names) => (self.fullest(&self.core_name(names.clone())?, names.start), Via::Role),
                None => (text.trim_end_matches("'s").trim_end_matches("’s").to_owned(), Via::Role),
            },
        };
        Some(SpeakerFound { start, end, text, name, via })
    }

    /// The words of a name run without its titles and possessive ending, joined by spaces.
    fn core_name(&self, tokens: Range<usize>) -> Option<String> {
        let words: Vec<&str> = tokens.map(|t| self.word(t)).collect();
        // Titles before the name ("New Jersey Gov. Chris Christie"): the words after the last.
        let after_title = words.iter().rposition(|w| is_title(w)).map_or(0, |i| i + 1);
        let mut core: Vec<&str> = if after_title < words.len() { words[after_title..].to_vec() } else { words };
        // "the Federation of Teachers": the name without its article.
        if core.len() > 1 && core[0].eq_ignore_ascii_case("the") {
            core.remove(0);
        }
        while core.len() > 1 && core.last().is_some_and(|w| NAME_SUFFIXES.contains(&w.to_lowercase().as_str())) {
            core.pop();
        }
        let last = core.pop()?;
        let last = last.trim_end_matches("'s").trim_end_matches("’s").trim_end_matches(['\'', '’']);
        core.push(last);
        let joined = core.join(" ");
        (!joined.is_empty()).then_some(joined)
    }

    /// The fullest form, in the article, of the name `core` written at token `at`: the longest
    /// name ending with the same words, the nearest before `at` first when several differ.
    fn fullest(&self, core: &str, at: usize) -> String {
        self.fullest_of(core, at, None)
    }

    /// [`Self::fullest`] for a mention of a known gender ("Mrs. Harper"): full names the
    /// article shows to be of the other gender are passed over.
    fn fullest_of(&self, core: &str, at: usize, gender: Option<Gender>) -> String {
        let suffix = format!(" {core}");
        let mut best: Option<(&NameMention, usize)> = None;
        for mention in &self.names {
            if mention.core != core && !mention.core.ends_with(&suffix) {
                continue;
            }
            if let Some(wanted) = gender.filter(|_| mention.core != core) {
                let (male, female) = self.genders.get(&mention.core).copied().unwrap_or((0, 0));
                let other = match wanted {
                    Gender::Male => female > male,
                    Gender::Female => male > female,
                    _ => false,
                };
                if other || mention.honorific.is_some_and(|h| h != wanted) {
                    continue;
                }
            }
            let words = mention.core.split(' ').count();
            // Before `at` and nearest, then after `at` and nearest.
            let distance = if mention.tokens.start <= at {
                at - mention.tokens.start
            } else {
                usize::MAX / 2 + mention.tokens.start - at
            };
            let better = match best {
                None => true,
                Some((b, d)) => {
                    let bw = b.core.split(' ').count();
                    words > bw || words == bw && distance < d
                }
            };
            if better {
                best = Some((mention, distance));
            }
        }
        best.map_or_else(|| core.to_owned(), |(m, _)| m.core.clone())
    }

    /// The person a pronoun at token `p` stands for, by Hobbs's order: the sentence of the
    /// pronoun before it, then each sentence before, its subject and names not after a
    /// preposition first, skipping people of another gender.
    fn antecedent(&self, p: usize) -> Option<String> {
        let pronoun = self.lower(p);
        let wanted = SUBJECT_PRONOUNS.iter().find(|(w, _)| *w == pronoun).map(|(_, g)| *g)?;
        if matches!(wanted, Gender::Unknown) && pronoun != "who" {
            return None;
        }
        let s = self.sentence_of[p];
        if matches!(wanted, Gender::Plural | Gender::Neuter) {
            return self.thing_antecedent(p);
        }
        let first = self.names.partition_point(|n| n.sentence + 6 < s);
        let last = self.names.partition_point(|n| n.tokens.start < p);
        for sentence in (s.saturating_sub(6)..=s).rev() {
            // A sentence before whose subject is the same pronoun ("He was adamant ...") only
            // passes the reference on.
            if sentence != s {
                if let Some(subject) = self.subjects[sentence].as_ref().filter(|p| p.kind == PhraseKind::Pronoun) {
                    if self.lower(subject.first) == pronoun {
                        continue;
                    }
                }
            }
            let in_sentence: Vec<&NameMention> =
                self.names[first..last].iter().filter(|n| n.sentence == sentence).collect();
            // The subject first, then the subjects of other verbs ("which Smith said"), names
            // not after a preposition, modifiers ("the Trump campaign"), then the others (in the
            // pronoun's own sentence, not those).
            let speaks = |n: &NameMention| {
                n.standing != Standing::AfterPreposition
                    && n.tokens.end < self.tokens.len()
                    && self.is_cue_verb(n.tokens.end)
            };

            let ordered = in_sentence
                .iter()
                .filter(|n| n.standing == Standing::Subject)
                .chain(in_sentence.iter().filter(|n| n.standing != Standing::Subject && speaks(n)))
                .chain(in_sentence.iter().filter(|n| n.standing == Standing::Plain && !speaks(n)))
                .chain(in_sentence.iter().filter(|n| n.standing == Standing::Modifier && !speaks(n)))
                .chain(in_sentence.iter().filter(|n| n.standing == Standing::AfterPreposition && sentence != s));
            for name in ordered {
                if self.compatible(name, wanted) {
                    return Some(self.fullest_of(&name.core, name.tokens.start, name.honorific.or(Some(wanted))));
                }
            }
        }
        None
    }

    /// What "it" or "they" at token `p` stands for: the subject of the nearest sentence (its
    /// own, before the pronoun, or one of the three before) that names no person: a role ("the
    /// email", "the protesters") or an organisation.
    fn thing_antecedent(&self, p: usize) -> Option<String> {
        let s = self.sentence_of[p];
        for sentence in (s.saturating_sub(3)..=s).rev() {
            let range = self.sentences[sentence].clone();
            let hi = if sentence == s { p } else { range.end };
            let Some(subject) = self.sentence_subject(range.start, hi) else { continue };
            match subject.kind {
                PhraseKind::Role => {
                    let text = &self.text[self.tokens[subject.first].start..self.tokens[subject.last].end];
                    return Some(text.trim_end_matches("'s").trim_end_matches("’s").to_owned());
                }
                PhraseKind::Name => {
                    let mention = self
                        .names
                        .iter()
                        .find(|n| subject.first <= n.tokens.start && n.tokens.end <= subject.last + 1)?;
                    let organisation = matches!(mention.kind, Some(EntityKind::Organization))
                        || is_acronym(&mention.core)
                        || mention.determined;
                    return organisation.then(|| self.fullest(&mention.core, mention.tokens.start));
                }
                PhraseKind::Pronoun => {}
            }
        }
        None
    }

    /// True when `name` may be what a pronoun of gender `wanted` stands for.
    fn compatible(&self, name: &NameMention, wanted: Gender) -> bool {
        let person = !matches!(name.kind, Some(EntityKind::Place | EntityKind::Organization | EntityKind::Other))
            && !is_acronym(&name.core)
            && !name.determined;
        match wanted {
            Gender::Male | Gender::Female => {
                if !person {
                    return false;
                }
                // "Mrs. Harper" is a woman whatever other Harpers the article names.
                if let Some(honorific) = name.honorific {
                    return honorific == wanted;
                }
                let full = self.fullest(&name.core, name.tokens.start);
                let (male, female) = self.genders.get(&full).copied().unwrap_or((0, 0));
                match wanted {
                    Gender::Male => male >= female,
                    _ => female >= male,
                }
            }
            Gender::Plural | Gender::Neuter => {
                matches!(name.kind, Some(EntityKind::Organization)) || is_acronym(&name.core)
            }
            Gender::Unknown => person,
        }
    }

    // ------------------------------------------------------------------ the ranker's candidates

    /// True when the quotation at token `t` follows, in its paragraph, a long quotation left
    /// unattributed: it continues that one, and stays unattributed with it.
    fn continues_unattributed(&self, t: usize, quotations: &[Quotation], found: &[Option<SpeakerFound>]) -> bool {
        let first = self.sentences[self.paragraph_start(self.sentence_of[t])].start;
        (first..t).rev().find_map(|i| match self.tokens[i].kind {
            TokenKind::Quote(index) if quotations[index].long => Some(found[index].is_none()),
            _ => None,
        }) == Some(true)
    }

    /// The fullest form of each name of [`Self::names`], in the same order.
    fn people(&self) -> Vec<String> {
        self.names.iter().map(|n| self.fullest(&n.core, n.tokens.start)).collect()
    }

    /// True when a verb of speech follows the name (not after a preposition).
    fn speaks(&self, name: &NameMention) -> bool {
        name.standing != Standing::AfterPreposition
            && name.tokens.end < self.tokens.len()
            && self.is_cue_verb(name.tokens.end)
    }

    /// True when the name is the object of a verb of speech that has a subject before it ("he
    /// told The Associated Press"), not the inverted subject of one ("...," said Smith).
    fn addressed(&self, name: &NameMention) -> bool {
        let start = name.tokens.start;
        let sentence_start = self.sentences[name.sentence].start;
        let mut verb = start;
        // A determiner between: "told the Times".
        if verb > sentence_start && self.is_word(verb - 1) && DETERMINERS.contains(&self.lower(verb - 1).as_str()) {
            verb -= 1;
        }
        verb >= sentence_start + 2 && self.is_cue_verb(verb - 1) && self.is_word(verb - 2)
    }

    /// Each person named up to the quotation at token `t` (named again in the
    /// [`CANDIDATE_SENTENCES`] frame sentences up to `anchor`, or after it in the quotation's
    /// sentence, or not), with what the ranker weighs of their mentions; names inside the
    /// frame's `role` phrase left out, and for a `pronoun` anchor names modifying a noun.
    fn people_near<'p>(
        &self,
        t: usize,
        anchor: usize,
        role: Option<&Phrase>,
        pronoun: bool,
        people: &'p [String],
    ) -> Vec<(&'p str, Seen)> {
        let role_head = role.map(|p| self.lower(p.last).trim_end_matches("'s").trim_end_matches("’s").to_owned());
        let inside = role.map(|p| p.first..p.last + 1);
        let s = self.sentence_of[t];
        let lo = self.sentence_of[anchor].saturating_sub(CANDIDATE_SENTENCES);
        let mut seen: Vec<(&str, Seen)> = Vec::new();
        for (i, name) in self.names.iter().enumerate() {
            if name.sentence > s {
                break;
            }
            // A name inside the frame's role phrase ("Trump's campaign manager") is not who speaks.
            if inside.as_ref().is_some_and(|r| r.contains(&name.tokens.start)) {
                continue;
            }
            let person = people[i].as_str();
            let k = seen.iter().position(|(p, _)| *p == person).unwrap_or_else(|| {
                seen.push((person, Seen::default()));
                seen.len() - 1
            });
            let entry = &mut seen[k].1;
            if name.tokens.start < t {
                entry.count += 1;
                entry.speaks |= self.speaks(name);
                entry.honorific |= name.honorific.is_some();
                if let Some(head) = role_head.as_deref() {
                    let near = name.tokens.start.saturating_sub(3)..(name.tokens.end + 3).min(self.tokens.len());
                    entry.role_match |=
                        near.filter(|&k| self.is_word(k)).any(|k| self.lower(k).trim_end_matches("'s") == head);
                }
            }
            // A name modifying a noun ("the Smith administration") is no antecedent of a pronoun.
            if name.sentence >= lo && !(pronoun && name.standing == Standing::Modifier) {
                if name.tokens.start < anchor {
                    entry.latest = Some(i);
                } else if name.sentence == s && entry.after.is_none() && name.tokens.start != anchor {
                    entry.after = Some(i);
                }
            }
        }
        seen
    }

    /// True when `wanted` is a gender ("he", "she") that `person` (written `name` last) cannot
    /// be: no person ([`Self::compatible`]), or of the other gender by an honorific or by more
    /// votes.
    fn gender_disagrees(&self, person: &str, name: &NameMention, wanted: Gender) -> bool {
        if !matches!(wanted, Gender::Male | Gender::Female) {
            return false;
        }
        if !self.compatible(name, wanted) {
            return true;
        }
        if let Some(honorific) = name.honorific {
            return honorific != wanted;
        }
        let (male, female) = self.genders.get(person).copied().unwrap_or((0, 0));
        match wanted {
            Gender::Male => female > male,
            _ => male > female,
        }
    }

    /// The features of a candidate's latest mention `name` that do not depend on the
    /// quotation: gender agreement with a pronoun of gender `wanted`, what it names, whether it
    /// is written in capitals or addressed by a verb of speech.
    fn name_features(&self, name: &NameMention, person: &str, wanted: Option<Gender>, set: &mut impl FnMut(&str, f64)) {
        if let Some(wanted @ (Gender::Male | Gender::Female)) = wanted {
            let (male, female) = self.genders.get(person).copied().unwrap_or((0, 0));
            let (agree, disagree) = match wanted {
                Gender::Male => (male > female, female > male),
                _ => (female > male, male > female),
            };
            let honorific = name.honorific.map(|h| h == wanted);
            set("gender_agrees", f64::from(u8::from(honorific.unwrap_or(agree))));
            set("gender_disagrees", f64::from(u8::from(honorific.map_or(disagree, |a| !a))));
        }
        let organisation = matches!(name.kind, Some(EntityKind::Organization)) || is_acronym(&name.core);
        if matches!(wanted, Some(Gender::Plural | Gender::Neuter)) && organisation {
            set("plural_organisation", 1.0);
        }
        let kind = match name.kind {
            Some(EntityKind::Person) => "person",
            Some(EntityKind::Organization) => "organisation",
            Some(EntityKind::Place) => "place",
            _ => "untyped",
        };
        set(kind, 1.0);
        set("acronym", f64::from(u8::from(is_acronym(&name.core))));
        set("determined", f64::from(u8::from(name.determined)));
        set("all_capitals", f64::from(u8::from(in_capitals(&name.core))));
        set("addressee", f64::from(u8::from(self.addressed(name))));
    }

    /// The candidate speakers of the quotation `q` at token `t` whose frame phrase (if any) is
    /// `phrase` and gives `speaker`: each person named in the [`CANDIDATE_SENTENCES`] frame
    /// sentences up to the anchor (the pronoun, or the quotation) or later in the quotation's
    /// sentence, with the token range of the mention a speaker would point at; and the frame's
    /// own pick when it is none of them.
    fn candidates(
        &self,
        t: usize,
        q: usize,
        phrase: Option<&Phrase>,
        speaker: Option<&SpeakerFound>,
        found: &[Option<SpeakerFound>],
        people: &[String],
    ) -> Vec<(SpeakerCandidate, Option<Range<usize>>)> {
        let pronoun = phrase.filter(|p| p.kind == PhraseKind::Pronoun);
        let anchor = pronoun.map_or(t, |p| p.first);
        let wanted = pronoun.and_then(|p| {
            let word = self.lower(p.first);
            SUBJECT_PRONOUNS.iter().find(|(w, _)| *w == word).map(|(_, g)| *g)
        });
        let s = self.sentence_of[t];
        let anchor_sentence = self.sentence_of[anchor];
        let mut seen =
            self.people_near(t, anchor, phrase.filter(|p| p.kind == PhraseKind::Role), pronoun.is_some(), people);
        seen.retain(|(_, e)| e.latest.is_some() || e.after.is_some());
        // Recency: the latest mention before the anchor first.
        let mut by_recency: Vec<usize> = (0..seen.len()).filter(|&k| seen[k].1.latest.is_some()).collect();
        by_recency.sort_by_key(|&k| std::cmp::Reverse(seen[k].1.latest.map_or(0, |i| self.names[i].tokens.start)));
        let previous = found[..q].iter().rev().flatten().next().map(|s| s.name.as_str());
        let earlier: Vec<&str> = found[..q].iter().flatten().map(|s| s.name.as_str()).collect();
        let frame = speaker.map(|s| s.via);
        let rule_feature = rule_feature(frame);
        let paragraph = self.paragraph_of[s];
        let quoted = &self.text[self.tokens[t].start..self.tokens[t].end];
        let most = seen.iter().map(|(_, e)| e.count).max().unwrap_or(0);
        let mut out = Vec::new();
        for (k, (person, e)) in seen.iter().enumerate() {
            let mut f = vec![0.0; FEATURES.len()];
            let mut set = |feature: &str, value: f64| {
                if let Some(i) = FEATURES.iter().position(|n| *n == feature) {
                    f[i] = value;
                }
            };
            let Some(mention) = e.latest.or(e.after) else { continue };
            let name = &self.names[mention];
            // Agreement is a constraint, not a preference: "he" or "she" stands for no place,
            // organisation or person of the other gender.
            if wanted.is_some_and(|w| self.gender_disagrees(person, name, w)) {
                continue;
            }
            if never_speaks(name, frame.is_none()) {
                continue;
            }
            if let (Some(feature), Some(s)) = (rule_feature, speaker) {
                if same_person(&s.name, person) {
                    set(feature, 1.0);
                }
            }
            if e.latest.is_some() {
                let distance = anchor_sentence - name.sentence;
                set(
                    match distance {
                        0 => "distance_0",
                        1 => "distance_1",
                        2 => "distance_2",
                        3 => "distance_3",
                        4 | 5 => "distance_4_5",
                        _ => "distance_6_more",
                    },
                    1.0,
                );
                let rank = by_recency.iter().position(|&r| r == k).unwrap_or(3);
                set(["rank_0", "rank_1", "rank_2", "rank_3_more"][rank.min(3)], 1.0);
                if rank == 0 {
                    set("none_rank_0", f64::from(u8::from(frame.is_none())));
                    set("pronoun_rank_0", f64::from(u8::from(pronoun.is_some())));
                }
            } else {
                set("after_only", 1.0);
            }
            set("log_mentions", (1.0 + e.count as f64).ln());
            match name.standing {
                Standing::Subject => {
                    set("subject", 1.0);
                    set("pronoun_subject", f64::from(u8::from(pronoun.is_some())));
                }
                Standing::Modifier => set("modifier", 1.0),
                Standing::AfterPreposition => set("after_preposition", 1.0),
                Standing::Plain => {}
            }
            if self.speaks(name) {
                set("speaks", 1.0);
                set("none_speaks", f64::from(u8::from(frame.is_none())));
            }
            set("ever_speaks", f64::from(u8::from(e.speaks)));
            if previous == Some(*person) {
                set("previous_speaker", 1.0);
                set("none_previous_speaker", f64::from(u8::from(frame.is_none())));
            }
            set("earlier_speaker", f64::from(u8::from(earlier.contains(person))));
            self.name_features(name, person, wanted, &mut set);
            set("same_paragraph", f64::from(u8::from(self.paragraph_of[name.sentence] == paragraph)));
            set("role_match", f64::from(u8::from(e.role_match)));
            set("honorific", f64::from(u8::from(e.honorific)));
            set("in_quote", f64::from(u8::from(contains_word(quoted, person.rsplit(' ').next().unwrap_or(person)))));
            set("most_mentioned", f64::from(u8::from(e.count > 0 && e.count == most)));
            out.push((SpeakerCandidate { name: (*person).to_owned(), features: f }, Some(name.tokens.clone())));
        }
        // The frame's own pick, when it is none of the people named near.
        if let (Some(feature), Some(s)) = (rule_feature, speaker) {
            if !out.iter().any(|(c, _)| same_person(&c.name, &s.name)) {
                let f = FEATURES.iter().map(|n| f64::from(u8::from(*n == feature || *n == "rule_outside"))).collect();
                out.push((SpeakerCandidate { name: s.name.clone(), features: f }, None));
            }
        }
        out
    }

    // ------------------------------------------------------------------ the article's names

    /// Every name run outside quotations, titles left out.
    fn find_names(&self) -> Vec<NameMention> {
        let mut names = Vec::new();
        let mut t = 0;
        while t < self.tokens.len() {
            if !self.is_name_word(t) {
                t += 1;
                continue;
            }
            let s = self.sentence_of[t];
            let hi = self.sentences[s].end;
            let mut end = t + 1;
            while end < hi {
                if self.is_name_word(end - 1) && self.is_possessive(end - 1) {
                    break;
                }
                if self.is_name_word(end) || NAME_SUFFIXES.contains(&self.lower(end).as_str()) && end > t {
                    end += 1;
                } else if end + 1 < hi && NAME_PARTICLES.contains(&self.word(end)) && self.is_name_word(end + 1) {
                    end += 2;
                } else {
                    break;
                }
            }
            let run = t..end;
            t = end;
            let words: Vec<&str> = run.clone().map(|i| self.word(i)).collect();
            let title_end = words.iter().rposition(|w| is_title(w)).map_or(0, |i| i + 1);
            if title_end == words.len() {
                continue;
            }
            let honorific = words[..title_end].iter().rev().find_map(|w| crate::story::lexicon::honorific(w));
            let Some(core) = self.core_name(run.clone()) else { continue };
            let name_tokens = run.start + title_end..run.end;
            let previous = (run.start > self.sentences[s].start).then(|| self.lower(run.start - 1));
            // "the White House", but not "the Trump campaign".
            let determined = previous.as_deref() == Some("the") && !(run.end < hi && self.is_content_word(run.end));
            // "between Washington and Russia": a conjunct shares its preposition.
            let after_preposition = previous.as_deref().is_some_and(is_preposition)
                || previous.as_deref().is_some_and(|w| w == "and" || w == "or")
                    && names.last().is_some_and(|n: &NameMention| {
                        n.standing == Standing::AfterPreposition && n.tokens.end + 1 == run.start
                    });
            let subject = self.subjects[s]
                .as_ref()
                .is_some_and(|p| p.first <= name_tokens.start && name_tokens.end <= p.last + 1);
            let standing = if subject {
                Standing::Subject
            } else if after_preposition {
                Standing::AfterPreposition
            } else if run.end < hi && self.is_content_word(run.end) {
                Standing::Modifier
            } else {
                Standing::Plain
            };
            let kind = self.kind_of(self.tokens[name_tokens.start].start, self.tokens[name_tokens.end - 1].end);
            names.push(NameMention { tokens: name_tokens, sentence: s, core, standing, determined, kind, honorific });
        }
        names
    }

    /// What the recognizer's mentions say the text `start..end` names.
    fn kind_of(&self, start: usize, end: usize) -> Option<EntityKind> {
        self.mention_over(start, end).map(|m| m.kind)
    }

    /// The first of the recognizer's mentions (in text order) that overlaps `start..end`.
    fn mention_over(&self, start: usize, end: usize) -> Option<&'a EntityMention> {
        let first = self.mentions.partition_point(|m| m.end <= start);
        self.mentions.get(first).filter(|m| m.start < end)
    }

    /// Gives each person's full name its first name's usual gender (one vote) when the article
    /// itself tells nothing of it.
    fn add_usual_genders(&mut self) {
        for name in &self.names {
            if matches!(name.kind, Some(EntityKind::Place | EntityKind::Organization)) {
                continue;
            }
            let full = self.fullest(&name.core, name.tokens.start);
            let mut words = full.split_whitespace();
            let (Some(first), Some(_)) = (words.next(), words.next()) else { continue };
            if self.genders.get(&full).is_some_and(|&(male, female)| male + female > 0) {
                continue;
            }
            let votes = match super::first_names::usual_gender(first) {
                Some(Gender::Male) => (1, 0),
                Some(Gender::Female) => (0, 1),
                _ => continue,
            };
            self.genders.insert(full, votes);
        }
    }

    /// Gender evidence for each full name: (male, female) counts from honorifics and from the
    /// gendered pronouns that follow a sentence naming one person alone.
    fn learn_genders(&self) -> rustc_hash::FxHashMap<String, (i32, i32)> {
        let mut votes: rustc_hash::FxHashMap<String, (i32, i32)> = rustc_hash::FxHashMap::default();
        for name in &self.names {
            // An honorific votes for the one full name it can belong to ("Mrs. Harper" for no
            // Harper when the article names two).
            let suffix = format!(" {}", name.core);
            let fuller: rustc_hash::FxHashSet<&str> =
                self.names.iter().filter(|m| m.core.ends_with(&suffix)).map(|m| m.core.as_str()).collect();
            let full = if fuller.len() == 1 { self.fullest(&name.core, name.tokens.start) } else { name.core.clone() };
            match name.honorific {
                Some(Gender::Male) => votes.entry(full).or_default().0 += 3,
                Some(Gender::Female) => votes.entry(full).or_default().1 += 3,
                _ => {}
            }
        }
        let mut n = 0;
        for (t, token) in self.tokens.iter().enumerate() {
            if token.kind != TokenKind::Word {
                continue;
            }
            let lower = self.lower(t);
            let Some(&(_, gender)) = GENDERED_PRONOUNS.iter().find(|(p, _)| *p == lower) else { continue };
            // "she said" beside a quotation is what the votes are for: it casts none.
            if t + 1 < self.tokens.len() && self.is_cue_verb(t + 1) {
                continue;
            }
            let s = self.sentence_of[t];
            while n < self.names.len() && self.names[n].tokens.start < t {
                n += 1;
            }
            // An object pronoun does not stand for the subject of its own clause ("Smith
            // scolded him"): "him", and "her" before no noun, vote only from the sentence before.
            let object = lower == "him"
                || lower == "her"
                    && (t + 1 >= self.tokens.len() || !self.is_word(t + 1) || is_function_word(self.word(t + 1)));
            if object && self.names[..n].last().is_some_and(|m| m.sentence == s) {
                continue;
            }
            // The people named in this sentence before the pronoun, or else in the one before.
            let window: Vec<&NameMention> = self.names[..n]
                .iter()
                .rev()
                .take_while(|m| m.sentence + 1 >= s)
                .filter(|m| {
                    !matches!(m.kind, Some(EntityKind::Place | EntityKind::Organization)) && !is_acronym(&m.core)
                })
                .collect();
            let here: Vec<&&NameMention> = window.iter().filter(|m| m.sentence == s).collect();
            let pool: Vec<String> = if here.is_empty() {
                window.iter().map(|m| self.fullest(&m.core, m.tokens.start)).collect()
            } else {
                here.iter().map(|m| self.fullest(&m.core, m.tokens.start)).collect()
            };
            let Some(first) = pool.first() else { continue };
            if pool.iter().all(|p| p == first) {
                let entry = votes.entry(first.clone()).or_default();
                match gender {
                    Gender::Male => entry.0 += 1,
                    _ => entry.1 += 1,
                }
            }
        }
        votes
    }
}

/// The evidence of gender `text` gives each full name, by its honorifics and the gendered
/// pronouns after a sentence naming one person alone: (name, male votes, female votes), in no
/// order; what the first-name table learns from.
pub(crate) fn gender_evidence(
    text: &str,
    sentences: &[Sentence],
    mentions: &[EntityMention],
    quotations: &[Quotation],
) -> Vec<(String, i32, i32)> {
    let reader = Reader::new(text, sentences, mentions, quotations);
    reader.genders.into_iter().map(|(name, (male, female))| (name, male, female)).collect()
}

/// The ranker's feature for the frame's own pick, by the kind of frame (none when the frame
/// names someone outright or no one).
fn rule_feature(frame: Option<Via>) -> Option<&'static str> {
    match frame {
        Some(Via::Pronoun) => Some("rule_pronoun"),
        Some(Via::Role) => Some("rule_role"),
        Some(Via::Continued) => Some("rule_continued"),
        _ => None,
    }
}

/// True when the name cannot be a quotation's speaker: a place never speaks; when no frame
/// tells who speaks (`frameless`), neither does an organisation (an outlet named before a
/// quotation is where it was said, not who said it) nor a name written all in capitals (a
/// headline's words).
fn never_speaks(name: &NameMention, frameless: bool) -> bool {
    let organisation = matches!(name.kind, Some(EntityKind::Organization)) || is_acronym(&name.core);
    name.kind == Some(EntityKind::Place) || frameless && (organisation || in_capitals(&name.core))
}

/// True when a name is written all in capitals and is no acronym ("TOP STORIES").
fn in_capitals(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase) && !is_acronym(name)
}

/// Whether `word` occurs in `text` with no letter or digit on either side.
fn contains_word(text: &str, word: &str) -> bool {
    !word.is_empty()
        && text.match_indices(word).any(|(i, _)| {
            let before = text[..i].chars().next_back().is_some_and(char::is_alphanumeric);
            let after = text[i + word.len()..].chars().next().is_some_and(char::is_alphanumeric);
            !before && !after
        })
}

/// True when two names given for speakers are one person's: the same, or one the other's first
/// or last words ("Jane Doe" and "Doe", "Ahmed al-Said" and "Ahmed").
fn same_person(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    !short.is_empty()
        && (long == short
            || long.strip_suffix(short).is_some_and(|rest| rest.ends_with(' '))
            || long.strip_prefix(short).is_some_and(|rest| rest.starts_with(' ')))
}

/// True for a name written in capitals ("CNN", "FBI").
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) && !name.contains(' ')
}

/// Abbreviations that keep their period as part of the word. Source: AP-style abbreviations of
/// titles and company forms.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "sen", "rep", "reps", "gov", "gen", "lt", "col", "maj", "capt", "sgt",
    "cmdr", "adm", "rev", "st", "jr", "sr", "inc", "co", "corp", "ltd", "ft", "mt", "vs",
];

/// The frame's tokens: words (with abbreviation periods and inner apostrophes), punctuation
/// marks, and every long quotation as one token from its opening mark to its closing one. The
/// marks of short quotations are left out and their words kept.
fn tokenize(text: &str, quotations: &[Quotation]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut marks: Vec<Range<usize>> = Vec::new();
    for q in quotations {
        marks.push(q.open.clone());
        if let Some(close) = &q.close {
            marks.push(close.clone());
        }
    }
    marks.sort_by_key(|m| m.start);
    let mut long = quotations.iter().enumerate().filter(|(_, q)| q.long).peekable();
    let mut mark = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        if let Some((index, q)) = long.peek() {
            if q.open.start == i {
                let end = q.close.as_ref().map_or(q.end, |c| c.end);
                tokens.push(Token { start: i, end, kind: TokenKind::Quote(*index) });
                long.next();
                i = end;
                continue;
            }
        }
        while mark < marks.len() && marks[mark].end <= i {
            mark += 1;
        }
        if mark < marks.len() && marks[mark].start == i {
            i = marks[mark].end;
            continue;
        }
        let Some(c) = text[i..].chars().next() else { break };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric()
            || (matches!(c, '@' | '#' | '$') && text[i + 1..].starts_with(|n: char| n.is_alphanumeric()))
        {
            let mut end = i + c.len_utf8();
            while end < text.len() {
                let Some(n) = text[end..].chars().next() else { break };
                let next_alnum = text[end + n.len_utf8()..].starts_with(|x: char| x.is_alphanumeric());
                if n.is_alphanumeric() || matches!(n, '_' | '&') || matches!(n, '\'' | '’' | '-' | '.') && next_alnum
                {
                    // A quotation mark is never inside a word.
                    if matches!(n, '\'' | '’') && marks.iter().any(|m| m.start == end) {
                        break;
                    }
                    end += n.len_utf8();
                } else {
                    break;
                }
            }
            // "Mr.", "U.S.", "J.": an abbreviation keeps its period.
            if end < text.len() && bytes[end] == b'.' {
                let word = &text[i..end];
                let lower = word.to_ascii_lowercase();
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if initial || word.contains('.') || ABBREVIATIONS.contains(&lower.as_str()) {
                    end += 1;
                }
            }
            tokens.push(Token { start: i, end, kind: TokenKind::Word });
            i = end;
            continue;
        }
        tokens.push(Token { start: i, end: i + c.len_utf8(), kind: TokenKind::Punct });
        i += c.len_utf8();
    }
    tokens
}
