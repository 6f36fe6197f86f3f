//! Words and terms: counting words, and turning text into stemmed content terms for scoring.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

/// Common English words that carry no topic.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "s",
    "t",
    "mr",
    "mrs",
    "ms",
    "one",
    "two",
    "new",
    "year",
    "years",
    "told",
    "say",
    "may",
    "might",
    "must",
    "shall",
    "us",
    "last",
    "first",
    "like",
    "get",
    "got",
    "make",
    "made",
    "many",
    "much",
    "well",
    "even",
    "back",
    "still",
    "way",
    "since",
];

/// `text` on one line: every run of white space made one space, none at either end.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The number of words in `text`: whitespace-separated pieces holding a letter or digit.
pub fn word_count(text: &str) -> usize {
    if text.is_ascii() {
        text.as_bytes().split(u8::is_ascii_whitespace).filter(|w| w.iter().any(u8::is_ascii_alphanumeric)).count()
    } else {
        text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
    }
}

/// True for a common English word that carries no topic.
pub(crate) fn is_stopword(lowercase_word: &str) -> bool {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| STOPWORDS.iter().copied().collect());
    SET.contains(lowercase_word)
}

/// Ids for the content terms of a text: each word lowercased, stopwords and one-letter words
/// dropped, stemmed when asked; a word is looked at once however often it recurs.
pub(crate) struct TermIds {
    tokenizer: Option<Tokenizer>,
    stopwords: Option<FxHashSet<&'static str>>,
    words: FxHashMap<String, Option<u32>>,
    terms: FxHashMap<String, u32>,
}

impl TermIds {
    /// Term ids for English, stemmed terms (`stem`) or lowercase words.
    pub(crate) fn new(stem: bool) -> Self {
        Self::for_language(None, stem)
    }

    /// Term ids for text in `language` (an ISO 639-1 code; English when `None`), with that
    /// language's stopwords and stemmer where the crates have them.
    pub(crate) fn for_language(language: Option<&str>, stem: bool) -> Self {
        let language = language.filter(|l| *l != "en");
        let stopwords = language.map(|code| stop_words::lookup(code).unwrap_or(&[]).iter().copied().collect());
        let tokenizer = if stem {
            match language {
                None => Some(Tokenizer::english()),
                Some(code) => stemmer_algorithm(code)
                    .map(|algorithm| Tokenizer { stemmer: Stemmer::create(algorithm), cached: false }),
            }
        } else {
            None
        };
        Self { tokenizer, stopwords, words: FxHashMap::default(), terms: FxHashMap::default() }
    }

    /// The id of the term `word` gives, or `None` for a stopword.
    pub(crate) fn id(&mut self, word: &str) -> Option<u32> {
        if let Some(&id) = self.words.get(word) {
            return id;
        }
        let lower = word.to_lowercase();
        let stop = match &self.stopwords {
            Some(list) => list.contains(lower.as_str()),
            None => is_stopword(&lower),
        };
        let id = (!stop && lower.chars().count() > 1).then(|| {
            let term = match &self.tokenizer {
                Some(tokenizer) => tokenizer.stem(&lower),
                None => lower,
            };
            let next = u32::try_from(self.terms.len()).expect("fewer than 2^32 terms");
            *self.terms.entry(term).or_insert(next)
        });
        self.words.insert(word.to_owned(), id);
        id
    }

    /// The number of distinct terms seen.
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    /// The ids of the terms of `text`, in order.
    pub(crate) fn ids<'a>(&'a mut self, text: &'a str) -> impl Iterator<Item = u32> + 'a {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).filter_map(|word| self.id(word))
    }
}

/// The Snowball stemmer for an ISO 639-1 language code, where `rust-stemmers` has one.
fn stemmer_algorithm(code: &str) -> Option<Algorithm> {
    Some(match code {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "nb" | "no" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// Turns text into lowercase, stemmed content terms (stopwords dropped).
pub(crate) struct Tokenizer {
    stemmer: Stemmer,
    /// Whether stems are remembered in the thread's (English) cache.
    cached: bool,
}

impl Tokenizer {
    /// A tokenizer for English.
    pub(crate) fn english() -> Self {
        Self { stemmer: Stemmer::create(Algorithm::English), cached: true }
    }

    /// The stem of a lowercase word. English stems are remembered per thread (up to a bound),
    /// since the same words recur across the reports and stories a thread handles.
    pub(crate) fn stem(&self, lowercase_word: &str) -> String {
        const REMEMBERED: usize = 200_000;
        thread_local! {
            static STEMS: std::cell::RefCell<FxHashMap<String, String>> = std::cell::RefCell::new(FxHashMap::default());
        }
        if !self.cached {
            return self.stemmer.stem(lowercase_word).into_owned();
        }
        STEMS.with(|stems| {
            let mut stems = stems.borrow_mut();
            if let Some(stem) = stems.get(lowercase_word) {
                return stem.clone();
            }
            if stems.len() >= REMEMBERED {
                stems.clear();
            }
            let stem = self.stemmer.stem(lowercase_word).into_owned();
            stems.insert(lowercase_word.to_owned(), stem.clone());
            stem
        })
    }

    /// The content terms of `text`, in order.
    pub(crate) fn terms(&self, text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| !is_stopword(w))
            .filter(|w| w.chars().count() > 1)
            .map(|w| self.stem(&w))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words() {
        assert_eq!(word_count("Hello, world — it's 2009 !"), 4);
        assert_eq!(word_count(""), 0);
    }

    #[test]
    fn other_languages_get_their_stopwords_and_stemmer() {
        let mut french = TermIds::for_language(Some("fr"), true);
        let ids: Vec<u32> = french.ids("Les ministres ont repris les négociations avec le ministre").collect();
        // "les", "ont", "avec", "le" are stopwords; "ministres" and "ministre" share a stem.
        assert_eq!(ids, [0, 1, 2, 0]);
        let mut unknown = TermIds::for_language(Some("xx"), true);
        assert_eq!(unknown.ids("alpha beta alpha").count(), 3);
    }

    #[test]
    fn terms_are_stemmed_content_words() {
        let terms = Tokenizer::english().terms("The ministers agreed to resume the talks in Geneva.");
        assert_eq!(terms, vec!["minist", "agre", "resum", "talk", "geneva"]);
    }
}
