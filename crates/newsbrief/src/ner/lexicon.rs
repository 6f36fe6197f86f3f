//! The recognizer's word knowledge besides its weights: word clusters learned from unlabeled
//! news text (which words occur in like contexts), and a gazetteer of the names its training
//! data labels, with their types.

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use super::features::{Key, Word};

/// Word clusters at a few granularities, coarse to fine: each word's class ids.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Clusters {
    /// Class ids per granularity.
    pub(crate) levels: usize,
    /// Each word's row in `ids`; a model read from a static file borrows its words from it.
    pub(crate) index: FxHashMap<Cow<'static, str>, u32>,
    pub(crate) ids: Vec<u16>,
}

impl Clusters {
    /// Clusters from words and their class ids (each `levels` long).
    pub(crate) fn from_words(levels: usize, words: impl IntoIterator<Item = (String, Vec<u16>)>) -> Self {
        let mut clusters = Clusters { levels, ..Clusters::default() };
        for (word, ids) in words {
            clusters.insert(word, &ids);
        }
        clusters
    }

    /// No words yet, with room for `words` words of `levels` class ids each (reading a model
    /// without growing the table as it fills).
    pub(crate) fn with_capacity(levels: usize, words: usize) -> Self {
        let mut index = FxHashMap::default();
        index.reserve(words);
        Clusters { levels, index, ids: Vec::with_capacity(words.saturating_mul(levels).min(1 << 24)) }
    }

    /// Adds a word with its class ids (`levels` of them; other counts are skipped); a word
    /// already held keeps its ids.
    pub(crate) fn insert(&mut self, word: impl Into<Cow<'static, str>>, ids: &[u16]) {
        if ids.len() != self.levels {
            return;
        }
        let at = u32::try_from(self.index.len()).unwrap_or(u32::MAX);
        if let std::collections::hash_map::Entry::Vacant(slot) = self.index.entry(word.into()) {
            slot.insert(at);
            self.ids.extend_from_slice(ids);
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The class ids of a word: of its form, else of its capitalised or lowercase form.
    pub(crate) fn get(&self, form: &str, lower: &str) -> Option<&[u16]> {
        if self.index.is_empty() {
            return None;
        }
        let key = cluster_form(form);
        let found = self.index.get(key.as_ref()).or_else(|| {
            let mut chars = lower.chars();
            let title: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
            self.index.get(title.as_str()).or_else(|| self.index.get(lower))
        })?;
        let at = *found as usize * self.levels;
        self.ids.get(at..at + self.levels)
    }

    /// The clusters as text: a word a line, then its class ids, tab-separated.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (word, ids) in self.sorted() {
            out.push_str(word);
            for id in ids {
                out.push('\t');
                out.push_str(&id.to_string());
            }
            out.push('\n');
        }
        out
    }

    /// Clusters read from [`Clusters::to_text`]'s form; lines that do not fit are passed over.
    pub fn from_text(text: &str) -> Self {
        let rows: Vec<(String, Vec<u16>)> = text
            .lines()
            .filter_map(|line| {
                let mut fields = line.split('\t');
                let word = fields.next().filter(|w| !w.is_empty())?;
                let ids: Option<Vec<u16>> = fields.map(|f| f.parse().ok()).collect();
                Some((word.to_owned(), ids?))
            })
            .collect();
        let levels = rows.first().map_or(0, |r| r.1.len());
        Clusters::from_words(levels, rows)
    }

    /// The words and their ids, sorted by word (for a stable file).
    pub(crate) fn sorted(&self) -> Vec<(&str, &[u16])> {
        let mut words: Vec<(&str, &[u16])> = self
            .index
            .iter()
            .map(|(w, &at)| (w.as_ref(), &self.ids[at as usize * self.levels..(at as usize + 1) * self.levels]))
            .collect();
        words.sort_unstable();
        words
    }
}

/// The words the training data holds often enough for their spelling to be a feature
/// (lowercase, digits as `0`); any other word is read as unknown, in training as in tagging, so
/// that the model learns what unknown words look like. Empty: every word is known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabulary {
    /// The words; a model read from a static file borrows them from it.
    pub(crate) words: FxHashSet<Cow<'static, str>>,
}

impl Vocabulary {
    /// Whether the word (its lowercase form) is known.
    pub(crate) fn knows(&self, lower: &str) -> bool {
        self.words.is_empty() || self.words.contains(lower)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are no words (and so every word is known).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The form under which a word is clustered: as written, digits as `0`.
pub(crate) fn cluster_form(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        Cow::Owned(word.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect())
    } else {
        Cow::Borrowed(word)
    }
}

/// Names and their types (a bit per type: person, organisation, place, other), keyed by a hash
/// of their lowercase words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gazetteer {
    pub(crate) entries: FxHashMap<u64, u8>,
    /// The most words in a name.
    pub(crate) longest: usize,
}

/// Names longer than this are left out of gazetteers.
pub(crate) const LONGEST_NAME: usize = 6;

impl Gazetteer {
    /// Adds a name (its lowercase words) of type `kind` (0 person, 1 organisation, 2 place,
    /// 3 other).
    pub(crate) fn add<'a>(&mut self, lower_words: impl IntoIterator<Item = &'a str>, kind: u8) {
        let mut key = Key::new(b'G');
        let mut n = 0;
        for word in lower_words {
            key = key.str(word);
            n += 1;
        }
        if n == 0 || n > LONGEST_NAME {
            return;
        }
        *self.entries.entry(key.finish()).or_default() |= 1 << kind;
        self.longest = self.longest.max(n);
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no names.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Per word of a sentence, the marks of the names it falls in, a bit each: mark
    /// `4 × type + place`, the place of the word in the name being 0 first, 1 inside, 2 last,
    /// 3 alone.
    pub(crate) fn marks(&self, words: &[&Word]) -> Vec<u16> {
        let mut marks = vec![0u16; words.len()];
        if self.entries.is_empty() {
            return marks;
        }
        for start in 0..words.len() {
            if !words[start].is_capitalised() {
                continue;
            }
            let mut key = Key::new(b'G');
            for end in start + 1..=(start + self.longest).min(words.len()) {
                key = key.str(&words[end - 1].lower);
                let Some(&types) = self.entries.get(&key.finish()) else { continue };
                for kind in 0..4u8 {
                    if types & (1 << kind) == 0 {
                        continue;
                    }
                    if end - start == 1 {
                        marks[start] |= 1 << (kind * 4 + 3);
                        continue;
                    }
                    marks[start] |= 1 << (kind * 4);
                    for mark in &mut marks[start + 1..end - 1] {
                        *mark |= 1 << (kind * 4 + 1);
                    }
                    marks[end - 1] |= 1 << (kind * 4 + 2);
                }
            }
        }
        marks
    }
}
