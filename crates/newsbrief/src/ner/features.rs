//! What the recognizer knows of each token, as hashed feature keys: the word and its
//! neighbours, shape, affixes, where it stands in the sentence, how the same word is written
//! elsewhere in the document, its word clusters and the gazetteer entries it falls in; and for
//! a second stage, how a first one labelled the same words and names across the document.
//!
//! Training and tagging compute features with the same code, so a model and its tagger agree.

use rustc_hash::FxHashMap;

use super::lexicon::{Clusters, Gazetteer, Vocabulary};

/// A 64-bit FNV-1a hash built piece by piece: the feature keys, stable across platforms and
/// crate versions (the shipped model depends on them).
#[derive(Clone, Copy)]
pub(crate) struct Key(u64);

impl Key {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    /// A key for the feature template `template`.
    pub(crate) fn new(template: u8) -> Self {
        Key(Self::OFFSET).byte(template)
    }

    /// Adds one byte.
    pub(crate) fn byte(self, byte: u8) -> Self {
        Key((self.0 ^ u64::from(byte)).wrapping_mul(Self::PRIME))
    }

    /// Adds a string and a separator.
    pub(crate) fn str(self, text: &str) -> Self {
        let mut key = self;
        for &b in text.as_bytes() {
            key = key.byte(b);
        }
        key.byte(0xff)
    }

    /// Adds a number.
    pub(crate) fn num(self, n: u32) -> Self {
        n.to_le_bytes().into_iter().fold(self, Key::byte)
    }

    /// The finished key.
    pub(crate) fn finish(self) -> u64 {
        self.0
    }
}

/// Feature templates (the first byte of each key).
mod t {
    pub(super) const BIAS: u8 = 0;
    pub(super) const FORM: u8 = 1;
    pub(super) const LOWER: u8 = 2;
    pub(super) const SHAPE: u8 = 3;
    pub(super) const PREFIX: u8 = 4;
    pub(super) const SUFFIX: u8 = 5;
    pub(super) const FLAGS: u8 = 6;
    pub(super) const BIGRAM: u8 = 7;
    pub(super) const SHAPES: u8 = 8;
    pub(super) const DOC_CASE: u8 = 9;
    pub(super) const CLUSTER: u8 = 10;
    pub(super) const GAZETTEER: u8 = 11;
    pub(super) const AGGREGATE: u8 = 12;
    pub(super) const SHAPE_CONTEXT: u8 = 13;
    pub(super) const CAPS_LOWER: u8 = 14;
}

/// What features to compute: the model's switches, stored in its header.
// Independent switches, one per family of features.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct FeatureSet {
    /// Words two tokens away.
    pub(crate) wide_window: bool,
    /// Word clusters.
    pub(crate) clusters: bool,
    /// Gazetteer matches.
    pub(crate) gazetteer: bool,
    /// How the word is written elsewhere in the document.
    pub(crate) doc_case: bool,
    /// A second stage that reads how the first labelled the same words across the document.
    pub(crate) two_stage: bool,
}

impl FeatureSet {
    /// Every feature on.
    pub(crate) const ALL: FeatureSet =
        FeatureSet { wide_window: true, clusters: true, gazetteer: true, doc_case: true, two_stage: true };

    pub(crate) fn to_bits(self) -> u32 {
        u32::from(self.wide_window)
            | u32::from(self.clusters) << 1
            | u32::from(self.gazetteer) << 2
            | u32::from(self.doc_case) << 3
            | u32::from(self.two_stage) << 4
    }

    pub(crate) fn from_bits(bits: u32) -> Self {
        FeatureSet {
            wide_window: bits & 1 != 0,
            clusters: bits & 2 != 0,
            gazetteer: bits & 4 != 0,
            doc_case: bits & 8 != 0,
            two_stage: bits & 16 != 0,
        }
    }
}

/// How a word is capitalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// No letters.
    None,
    /// All letters lowercase.
    Lower,
    /// First letter uppercase, some lowercase after.
    Title,
    /// All letters uppercase.
    Upper,
    /// Lowercase first, uppercase later ("iPhone").
    Mixed,
}

fn case_of(word: &str) -> Case {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else { return Case::None };
    let (mut upper, mut lower) = (usize::from(first.is_uppercase()), usize::from(first.is_lowercase()));
    for c in letters {
        upper += usize::from(c.is_uppercase());
        lower += usize::from(c.is_lowercase());
    }
    if first.is_uppercase() {
        if lower == 0 {
            Case::Upper
        } else {
            Case::Title
        }
    } else if upper == 0 {
        Case::Lower
    } else {
        Case::Mixed
    }
}

/// How a sentence is written: case tells names apart only in plain sentences.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Ordinary sentence case.
    Plain,
    /// All in capitals (at least two words).
    Caps,
    /// Headline style: at least three words of four letters or more, nearly all capitalised.
    Title,
}

fn style(words: &[&Word]) -> Style {
    let cased: Vec<Case> = words.iter().map(|w| w.case).filter(|c| *c != Case::None).collect();
    if cased.iter().filter(|c| **c == Case::Upper).count() >= 2
        && cased.iter().all(|c| *c == Case::Upper || *c == Case::None)
    {
        return Style::Caps;
    }
    let long: Vec<&&Word> = words.iter().filter(|w| w.case != Case::None && w.lower.chars().count() >= 4).collect();
    let capitalised = long.iter().filter(|w| w.is_capitalised()).count();
    if long.len() >= 3 && capitalised * 5 >= long.len() * 4 {
        Style::Title
    } else {
        Style::Plain
    }
}

/// Whether a sentence of tokens is all in capitals.
pub(crate) fn is_caps(tokens: &[&str]) -> bool {
    let words: Vec<Word> = tokens.iter().map(|t| Word::new(t)).collect();
    style(&words.iter().collect::<Vec<_>>()) == Style::Caps
}

/// The word's shape: letters as `X`/`x`, digits `d`, runs longer than two cut to two, other
/// characters as they are ("Xx", "X.X.", "dd-dd").
fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    let mut run = 0;
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
        } else {
            run = 1;
            last = s;
        }
        if run <= 2 {
            out.push(s);
        }
    }
    out
}

/// The lowercase form with digits as `0`: what context features read.
pub(super) fn lower_form(word: &str) -> String {
    if word.is_ascii() {
        // The same as below, without Unicode case tables.
        return word
            .bytes()
            .map(|b| if b.is_ascii_digit() { '0' } else { char::from(b.to_ascii_lowercase()) })
            .collect();
    }
    word.chars().flat_map(char::to_lowercase).map(|c| if c.is_ascii_digit() { '0' } else { c }).collect()
}

/// One token as the features see it.
pub(crate) struct Word {
    /// The normal form.
    pub(super) form: String,
    /// Lowercase, digits as `0`.
    pub(super) lower: String,
    shape: String,
    case: Case,
    /// Whether the vocabulary knows the word (else its spelling is no feature).
    known: bool,
}

impl Word {
    fn new(form: &str) -> Self {
        Word { form: form.to_owned(), lower: lower_form(form), shape: shape(form), case: case_of(form), known: true }
    }

    /// The lowercase form as features read it: `<unk>` for an unknown word.
    fn feature_lower(&self) -> &str {
        if self.known {
            &self.lower
        } else {
            "<unk>"
        }
    }

    /// Whether the word has a capital letter.
    pub(super) fn is_capitalised(&self) -> bool {
        matches!(self.case, Case::Title | Case::Upper | Case::Mixed)
    }
}

/// A document's tokens in sentences, with what is known of each word across the document.
pub(crate) struct Document {
    /// Per spelling (normal form), in order of first occurrence: the word.
    spelled: Vec<Word>,
    /// Per token: its spelling's number.
    spellings: Vec<u32>,
    /// Token ranges of the sentences.
    sentences: Vec<(usize, usize)>,
    /// Per sentence: how it is written.
    styles: Vec<Style>,
    /// Per lowercase form: how often it is written capitalised and lowercase where case tells
    /// (not first in its sentence, in a plain sentence).
    case_counts: FxHashMap<String, (u32, u32)>,
}

impl Document {
    /// Builds a document from the normal forms of its tokens, sentence by sentence; words the
    /// vocabulary does not know are read as unknown.
    pub(crate) fn new<'a, S, W>(sentences: S, vocabulary: &Vocabulary) -> Self
    where
        S: IntoIterator<Item = W>,
        W: IntoIterator<Item = &'a str>,
    {
        let mut spelled = Vec::new();
        let mut spellings = Vec::new();
        let mut numbers: FxHashMap<&'a str, u32> = FxHashMap::default();
        let mut ranges = Vec::new();
        for sentence in sentences {
            let start = spellings.len();
            for form in sentence {
                let number = *numbers.entry(form).or_insert_with(|| {
                    let mut word = Word::new(form);
                    word.known = vocabulary.knows(&word.lower);
                    spelled.push(word);
                    u32::try_from(spelled.len() - 1).unwrap_or(u32::MAX)
                });
                spellings.push(number);
            }
            if spellings.len() > start {
                ranges.push((start, spellings.len()));
            }
        }
        let mut doc =
            Document { spelled, spellings, sentences: ranges, styles: Vec::new(), case_counts: FxHashMap::default() };
        doc.styles = doc.sentences.iter().map(|&(s, e)| style(&doc.words(s, e))).collect();
        for (&(s, e), &style) in doc.sentences.iter().zip(&doc.styles) {
            if style != Style::Plain {
                continue;
            }
            for i in s + 1..e {
                let word = &doc.spelled[doc.spellings[i] as usize];
                let (capitalised, lowercase) = match word.case {
                    Case::Title | Case::Upper => (1, 0),
                    Case::Lower => (0, 1),
                    _ => continue,
                };
                let counts = match doc.case_counts.get_mut(word.lower.as_str()) {
                    Some(counts) => counts,
                    None => doc.case_counts.entry(word.lower.clone()).or_default(),
                };
                counts.0 += capitalised;
                counts.1 += lowercase;
            }
        }
        doc
    }

    /// The word of token `i`.
    fn word(&self, i: usize) -> &Word {
        &self.spelled[self.spellings[i] as usize]
    }

    /// The words of tokens `s..e`.
    fn words(&self, s: usize, e: usize) -> Vec<&Word> {
        (s..e).map(|i| self.word(i)).collect()
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.spellings.len()
    }

    /// Token ranges of the sentences (empty sentences left out).
    pub(crate) fn sentences(&self) -> &[(usize, usize)] {
        &self.sentences
    }

    /// The static features of every token of sentence `sentence`, one list per token (for
    /// training; tagging takes them one by one from [`Document::each_feature`]).
    pub(crate) fn features(
        &self,
        sentence: usize,
        set: FeatureSet,
        clusters: &Clusters,
        gazetteer: &Gazetteer,
        out: &mut Vec<Vec<u64>>,
    ) {
        let (s, e) = self.sentences[sentence];
        out.clear();
        out.resize_with(e - s, Vec::new);
        self.each_feature(sentence, set, clusters, gazetteer, |i, key| out[i].push(key));
    }

    /// Number of different spellings (normal forms) of the document's tokens.
    pub(crate) fn spelling_count(&self) -> usize {
        self.spelled.len()
    }

    /// The spelling of token `i`, a number below [`Document::spelling_count`].
    pub(crate) fn spelling(&self, i: usize) -> usize {
        self.spellings[i] as usize
    }

    /// Calls `f` with each static feature key of each token of sentence `sentence`: the
    /// token's place in the sentence and the key, token after token, each token's keys in one
    /// fixed order (the order training sums them in). Nothing is allocated per token.
    pub(crate) fn each_feature(
        &self,
        sentence: usize,
        set: FeatureSet,
        clusters: &Clusters,
        gazetteer: &Gazetteer,
        mut f: impl FnMut(usize, u64),
    ) {
        let (s, e) = self.sentences[sentence];
        let style = self.styles[sentence];
        let words = self.words(s, e);
        let gazetteer_marks = if set.gazetteer { gazetteer.marks(&words) } else { Vec::new() };
        let sentence_clusters: Vec<Option<&[u16]>> =
            if set.clusters { words.iter().map(|w| clusters.get(&w.form, &w.lower)).collect() } else { Vec::new() };
        for i in s..e {
            let mut push = |key: u64| f(i - s, key);
            let word = self.word(i);
            let at = |offset: isize| -> Option<&Word> {
                let j = i.checked_add_signed(offset)?;
                (j >= s && j < e).then(|| self.word(j))
            };
            push(Key::new(t::BIAS).finish());
            push(form_key(word));
            for (offset, part) in [(0, Part::Own), (-1, Part::Before), (1, Part::After)] {
                push(lower_key(part, at(offset)));
            }
            if set.wide_window {
                for (offset, part) in [(-2, Part::TwoBefore), (2, Part::TwoAfter)] {
                    push(lower_key(part, at(offset)));
                }
            }
            self.context_features(i, s, e, style, &mut push, |push| {
                affix_keys(word, push);
            });
            if set.doc_case {
                push(self.doc_case_key(i, s, style));
            }
            if set.clusters {
                for (offset, part) in [(0isize, Part::Own), (-1, Part::Before), (1, Part::After)] {
                    if let Some(j) = i.checked_add_signed(offset).filter(|&j| j >= s && j < e) {
                        cluster_keys(part, sentence_clusters[j - s], &mut push);
                    }
                }
            }
            if set.gazetteer {
                gazetteer_keys(gazetteer_marks[i - s], &mut push);
            }
        }
    }

    /// Calls `f` with the keys of the features of token `i` of sentence `sentence` that read
    /// its place or its neighbours: every static feature but those of
    /// [`Document::spelling_features`] (the sum of the two families is that of
    /// [`Document::each_feature`], in another order).
    pub(crate) fn token_features(
        &self,
        sentence: usize,
        set: FeatureSet,
        gazetteer: &Gazetteer,
        mut f: impl FnMut(usize, u64),
    ) {
        let (s, e) = self.sentences[sentence];
        let style = self.styles[sentence];
        let gazetteer_marks = if set.gazetteer { gazetteer.marks(&self.words(s, e)) } else { Vec::new() };
        for i in s..e {
            let mut push = |key: u64| f(i - s, key);
            push(Key::new(t::BIAS).finish());
            self.context_features(i, s, e, style, &mut push, |_| {});
            if set.doc_case {
                push(self.doc_case_key(i, s, style));
            }
            if set.gazetteer {
                gazetteer_keys(gazetteer_marks[i - s], &mut push);
            }
        }
    }

    /// Calls `f` with the keys of the features a token has for being of spelling `spelling`
    /// (itself, or as the neighbour it is of other tokens: [`Part`]), which are the same for
    /// every token of that spelling.
    pub(crate) fn spelling_features(
        &self,
        spelling: usize,
        set: FeatureSet,
        clusters: &Clusters,
        mut f: impl FnMut(Part, u64),
    ) {
        let word = &self.spelled[spelling];
        let ids = if set.clusters { clusters.get(&word.form, &word.lower) } else { None };
        f(Part::Own, form_key(word));
        let parts: &[Part] = if set.wide_window { &Part::ALL } else { &Part::ALL[..3] };
        for &part in parts {
            f(part, lower_key(part, Some(word)));
        }
        affix_keys(word, &mut |key| f(Part::Own, key));
        if set.clusters {
            for part in [Part::Own, Part::Before, Part::After] {
                cluster_keys(part, ids, &mut |key| f(part, key));
            }
        }
    }

    /// Features of a token in its context: from the bigram to the capitals lowercase key in
    /// [`Document::each_feature`]'s order, with `affixes` called where the affixes stand.
    fn context_features(
        &self,
        i: usize,
        s: usize,
        e: usize,
        style: Style,
        push: &mut impl FnMut(u64),
        affixes: impl FnOnce(&mut dyn FnMut(u64)),
    ) {
        let word = self.word(i);
        let at = |offset: isize| -> Option<&Word> {
            let j = i.checked_add_signed(offset)?;
            (j >= s && j < e).then(|| self.word(j))
        };
        let lower_at = |offset: isize| at(offset).map_or(if offset < 0 { "<s>" } else { "</s>" }, Word::feature_lower);
        let lower = word.feature_lower();
        let shape_at = |offset: isize| at(offset).map_or("<b>", |w| &w.shape);
        let style_byte = style as u8;
        push(Key::new(t::BIGRAM).byte(0).str(lower_at(-1)).str(lower).finish());
        push(Key::new(t::BIGRAM).byte(1).str(lower).str(lower_at(1)).finish());
        push(Key::new(t::SHAPE).byte(style_byte).str(&word.shape).finish());
        push(Key::new(t::SHAPES).byte(0).str(shape_at(-1)).str(&word.shape).finish());
        push(Key::new(t::SHAPES).byte(1).str(&word.shape).str(shape_at(1)).finish());
        push(Key::new(t::SHAPES).byte(2).str(shape_at(-1)).str(&word.shape).str(shape_at(1)).finish());
        push(Key::new(t::SHAPE_CONTEXT).byte(0).str(lower_at(-1)).str(&word.shape).finish());
        push(Key::new(t::SHAPE_CONTEXT).byte(1).str(&word.shape).str(lower_at(1)).finish());
        push(Key::new(t::FLAGS).byte(position(i, s, e)).byte(style_byte).byte(word.case as u8).finish());
        if style != Style::Plain {
            push(Key::new(t::CAPS_LOWER).byte(style_byte).str(lower).finish());
        }
        affixes(push);
    }

    /// How the word of token `i` (of the sentence beginning at `s`) is written elsewhere in the
    /// document, as a feature key.
    fn doc_case_key(&self, i: usize, s: usize, style: Style) -> u64 {
        let word = self.word(i);
        let (capitalised, lowercase) = self.case_counts.get(&word.lower).copied().unwrap_or_default();
        // Leave out this token's own occurrence.
        let own_counts = i > s && style == Style::Plain;
        let capitalised = capitalised - u32::from(own_counts && matches!(word.case, Case::Title | Case::Upper));
        let lowercase = lowercase - u32::from(own_counts && word.case == Case::Lower);
        let seen: u8 = match (capitalised > 0, lowercase > 0) {
            (false, false) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (true, true) => 3,
        };
        let first = u8::from(i > s);
        Key::new(t::DOC_CASE).byte(seen).byte(word.case as u8).byte(first).finish()
    }

    /// The second stage's features of every token, from the first stage's names (token
    /// ranges and type indices over the whole document): how the same capitalised word is
    /// labelled elsewhere in the document, how the same name is, and the types of longer names
    /// that hold the word or name (after Krishnan and Manning 2006).
    pub(crate) fn aggregate(&self, names: &[(usize, usize, usize)]) -> Vec<Vec<u64>> {
        let n = self.len();
        // Slot per token: 0 outside, 1 + type inside a name.
        let mut slot = vec![0usize; n];
        for &(s, e, kind) in names {
            for x in &mut slot[s..e.min(n)] {
                *x = kind + 1;
            }
        }
        let name_key = |s: usize, e: usize| (s..e).fold(Key::new(b'N'), |k, j| k.str(&self.word(j).lower)).finish();
        let mut words: FxHashMap<&str, [u16; 5]> = FxHashMap::default();
        for (i, &slot) in slot.iter().enumerate() {
            let word = self.word(i);
            if word.is_capitalised() {
                bump(words.entry(&word.lower).or_default(), slot);
            }
        }
        let mut same_names: FxHashMap<u64, [u16; 5]> = FxHashMap::default();
        let mut longer_names: FxHashMap<u64, [u16; 5]> = FxHashMap::default();
        for &(s, e, kind) in names.iter().filter(|&&(s, e, _)| s < e && e <= n) {
            bump(same_names.entry(name_key(s, e)).or_default(), kind + 1);
            // Every shorter run of the name's words (at most six words long) is inside it.
            for a in s..e {
                for b in a + 1..=e.min(a + 6) {
                    if b - a < e - s {
                        bump(longer_names.entry(name_key(a, b)).or_default(), kind + 1);
                    }
                }
            }
        }
        let mut out = vec![Vec::new(); n];
        for i in 0..n {
            let word = self.word(i);
            if !word.is_capitalised() {
                continue;
            }
            if let Some(counts) = words.get(word.lower.as_str()) {
                let mut others = *counts;
                others[slot[i]] = others[slot[i]].saturating_sub(1);
                majority(0, &others, &mut out[i]);
            }
            if let Some(counts) = longer_names.get(&name_key(i, i + 1)) {
                majority(1, counts, &mut out[i]);
            }
        }
        for &(s, e, kind) in names.iter().filter(|&&(s, e, _)| s < e && e <= n) {
            let key = name_key(s, e);
            let mut keys = Vec::new();
            if let Some(counts) = same_names.get(&key) {
                let mut others = *counts;
                others[kind + 1] = others[kind + 1].saturating_sub(1);
                majority(2, &others, &mut keys);
            }
            if e - s > 1 {
                if let Some(counts) = longer_names.get(&key) {
                    majority(3, counts, &mut keys);
                }
            }
            for features in &mut out[s..e] {
                features.extend_from_slice(&keys);
            }
        }
        out
    }
}

/// Where a spelling's feature applies: to its own token, or to the token one or two places
/// after or before it (whose neighbour it is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// The token itself.
    Own,
    /// The token one place after: the spelling is its previous word.
    Before,
    /// The token one place before: the spelling is its next word.
    After,
    /// Two places after: the word two before it.
    TwoBefore,
    /// Two places before: the word two after it.
    TwoAfter,
}

impl Part {
    /// Every part, in the order of their numbers.
    pub(crate) const ALL: [Part; 5] = [Part::Own, Part::Before, Part::After, Part::TwoBefore, Part::TwoAfter];

    /// The offset of the spelling's token from the token the feature applies to.
    pub(crate) fn offset(self) -> isize {
        match self {
            Part::Own => 0,
            Part::Before => -1,
            Part::After => 1,
            Part::TwoBefore => -2,
            Part::TwoAfter => 2,
        }
    }
}

/// The token's place in its sentence `s..e`: 0 first, 2 last, 1 between.
fn position(i: usize, s: usize, e: usize) -> u8 {
    if i == s {
        0
    } else if i + 1 == e {
        2
    } else {
        1
    }
}

/// The key of the word's spelling (the same for every unknown word).
fn form_key(word: &Word) -> u64 {
    Key::new(t::FORM).str(if word.known { &word.form } else { "<unk>" }).finish()
}

/// The key of the lowercase form of the word at `part` (`None`: past the sentence's edge).
pub(crate) fn lower_key(part: Part, word: Option<&Word>) -> u64 {
    let edge = if part.offset() < 0 { "<s>" } else { "</s>" };
    Key::new(t::LOWER).byte(part as u8).str(word.map_or(edge, Word::feature_lower)).finish()
}

/// The keys of the word's prefixes and suffixes of one to four characters, shortest first.
fn affix_keys(word: &Word, push: &mut dyn FnMut(u64)) {
    let lower = word.lower.as_str();
    for n in 1..=lower.chars().take(4).count() {
        let prefix_end = lower.char_indices().nth(n).map_or(lower.len(), |(b, _)| b);
        push(Key::new(t::PREFIX).str(&lower[..prefix_end]).finish());
        let suffix_start = lower.char_indices().rev().nth(n - 1).map_or(0, |(b, _)| b);
        push(Key::new(t::SUFFIX).str(&lower[suffix_start..]).finish());
    }
}

/// The keys of a word's cluster ids (or of having none) at `part` (own, before or after).
fn cluster_keys(part: Part, ids: Option<&[u16]>, push: &mut dyn FnMut(u64)) {
    let tag = 8 * part as u8;
    if let Some(ids) = ids {
        for (level, &id) in ids.iter().enumerate() {
            let level = u8::try_from(level).unwrap_or(u8::MAX);
            push(Key::new(t::CLUSTER).byte(tag + level).num(u32::from(id)).finish());
        }
    } else {
        push(Key::new(t::CLUSTER).byte(tag + 7).finish());
    }
}

/// The keys of a word's gazetteer marks (bits, see [`Gazetteer::marks`]), in ascending order.
fn gazetteer_keys(marks: u16, push: &mut dyn FnMut(u64)) {
    for mark in (0..16u8).filter(|&m| marks & (1 << m) != 0) {
        push(Key::new(t::GAZETTEER).byte(mark).finish());
    }
}

/// Counts one more label in slot `slot`.
fn bump(counts: &mut [u16; 5], slot: usize) {
    counts[slot] = counts[slot].saturating_add(1);
}

/// Features of a label count (slots: outside, then the four types): the most frequent slot,
/// and whether it is all, most or less than half of the count.
fn majority(what: u8, counts: &[u16; 5], out: &mut Vec<u64>) {
    let total: u32 = counts.iter().map(|&c| u32::from(c)).sum();
    if total == 0 {
        return;
    }
    let (best, &n) = counts.iter().enumerate().max_by_key(|&(i, n)| (*n, usize::MAX - i)).unwrap_or((0, &0));
    let share: u8 = if u32::from(n) == total { 2 } else { u8::from(2 * u32::from(n) > total) };
    let best = u8::try_from(best).unwrap_or(0);
    out.push(Key::new(t::AGGREGATE).byte(what).byte(best).finish());
    out.push(Key::new(t::AGGREGATE).byte(what).byte(best).byte(share).finish());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_forms_put_zeros_for_digits() {
        assert_eq!(lower_form("McDonald's"), "mcdonald's");
        assert_eq!(lower_form("F-16s"), "f-00s");
        assert_eq!(lower_form("ZÜRICH-2"), "zürich-0");
    }

    #[test]
    fn shapes_cut_long_runs() {
        assert_eq!(shape("Washington"), "Xxx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1996-08-22"), "dd-dd-dd");
        assert_eq!(shape("McDonald"), "XxXxx");
    }

    #[test]
    fn cases() {
        assert_eq!(case_of("NATO"), Case::Upper);
        assert_eq!(case_of("Nato"), Case::Title);
        assert_eq!(case_of("iPhone"), Case::Mixed);
        assert_eq!(case_of("said"), Case::Lower);
        assert_eq!(case_of("1996"), Case::None);
    }

    #[test]
    fn sentence_styles() {
        let style_of = |text: &str| {
            let words: Vec<Word> = text.split(' ').map(Word::new).collect();
            style(&words.iter().collect::<Vec<_>>())
        };
        assert_eq!(style_of("SOCCER - JAPAN GET LUCKY WIN ."), Style::Caps);
        assert_eq!(style_of("Trump Says He Will Fire Mueller Over Russia Probe"), Style::Title);
        assert_eq!(style_of("Paris is calm , said Jacques Chirac ."), Style::Plain);
        assert_eq!(style_of("NATO said so ."), Style::Plain);
    }

    #[test]
    fn doc_case_counts_leave_out_first_words_and_headlines() {
        let doc = Document::new(
            [
                vec!["JAPAN", "WIN", "."],
                vec!["Japan", "beat", "Syria", "."],
                vec!["Fans", "in", "Japan", "cheered", "the", "win", "."],
            ],
            &Vocabulary::default(),
        );
        assert_eq!(doc.case_counts.get("japan"), Some(&(1, 0)));
        assert_eq!(doc.case_counts.get("win"), Some(&(0, 1)));
        assert_eq!(doc.case_counts.get("fans"), None);
        assert_eq!(doc.styles[..2], [Style::Caps, Style::Plain]);
    }
}
