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

/// The 64-bit FNV-1a hash of `bytes`: stable across runs, builds, versions and machines (unlike
/// the standard library's hasher), for ids that are stored or shared (terms, shards of a
/// stream, hash halves of a data set).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// A stable 64-bit id of a term (FNV-1a of its UTF-8 bytes): the same term has the same id in
/// every article, run and version, so that terms can be stored and compared across articles
/// without a shared vocabulary.
pub(crate) fn term_hash(term: &str) -> u64 {
    fnv1a(term.as_bytes())
}

/// Turns text into content terms, as stable ids: each word lowercased, stopwords and one-letter
/// words dropped, stemmed with the language's Snowball stemmer where one exists.
pub(crate) struct ContentTerms {
    tokenizer: Option<Tokenizer>,
    stopwords: Option<FxHashSet<&'static str>>,
}

impl ContentTerms {
    /// Content terms of text in `language` (an ISO 639-1 code; English when `None`), with that
    /// language's stopwords and stemmer where the crates have them.
    pub(crate) fn for_language(language: Option<&str>) -> Self {
        let language = language.filter(|l| *l != "en");
        let stopwords = language.map(|code| stop_words::lookup(code).unwrap_or(&[]).iter().copied().collect());
        let tokenizer = match language {
            None => Some(Tokenizer::english()),
            Some(code) => stemmer_algorithm(code)
                .map(|algorithm| Tokenizer { stemmer: Stemmer::create(algorithm), english: false }),
        };
        Self { tokenizer, stopwords }
    }

    /// The term id of one word, or `None` for a stopword or a one-letter word. English words
    /// are remembered per thread (up to a bound), since the same words recur across the articles
    /// a thread analyses.
    pub(crate) fn term(&self, word: &str) -> Option<u64> {
        const REMEMBERED: usize = 200_000;
        thread_local! {
            static ENGLISH: std::cell::RefCell<FxHashMap<String, Option<u64>>> =
                std::cell::RefCell::new(FxHashMap::default());
        }
        if !self.tokenizer.as_ref().is_some_and(|t| t.english) {
            return self.compute(word);
        }
        ENGLISH.with(|known| {
            if let Some(&term) = known.borrow().get(word) {
                return term;
            }
            let term = self.compute(word);
            let mut known = known.borrow_mut();
            if known.len() >= REMEMBERED {
                known.clear();
            }
            known.insert(word.to_owned(), term);
            term
        })
    }

    fn compute(&self, word: &str) -> Option<u64> {
        let lower = word.to_lowercase();
        let stop = match &self.stopwords {
            Some(list) => list.contains(lower.as_str()),
            None => is_stopword(&lower),
        };
        if stop || lower.chars().nth(1).is_none() {
            return None;
        }
        Some(match &self.tokenizer {
            Some(tokenizer) => term_hash(&tokenizer.stemmer.stem(&lower)),
            None => term_hash(&lower),
        })
    }

    /// The term ids of `text`, in order.
    pub(crate) fn terms(&self, text: &str) -> Vec<u64> {
        words(text).filter_map(|word| self.term(word)).collect()
    }
}

/// The alphanumeric runs of `text`: the words terms are made of.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
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

/// A Snowball stemmer, and whether it is the English one (whose terms are remembered).
pub(crate) struct Tokenizer {
    stemmer: Stemmer,
    english: bool,
}

impl Tokenizer {
    /// The English stemmer.
    pub(crate) fn english() -> Self {
        Self { stemmer: Stemmer::create(Algorithm::English), english: true }
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
        let french = ContentTerms::for_language(Some("fr"));
        let terms = french.terms("Les ministres ont repris les négociations avec le ministre");
        // "les", "ont", "avec", "le" are stopwords; "ministres" and "ministre" share a stem.
        assert_eq!(terms.len(), 4);
        assert_eq!(terms[0], terms[3]);
        let unknown = ContentTerms::for_language(Some("xx"));
        assert_eq!(unknown.terms("alpha beta alpha"), [term_hash("alpha"), term_hash("beta"), term_hash("alpha")]);
    }

    #[test]
    fn terms_are_stemmed_content_words_with_stable_ids() {
        let terms = ContentTerms::for_language(None).terms("The ministers agreed to resume the talks in Geneva.");
        let expected: Vec<u64> = ["minist", "agre", "resum", "talk", "geneva"].iter().map(|t| term_hash(t)).collect();
        assert_eq!(terms, expected);
        // FNV-1a 64 test vectors: the ids must never change, since stores keep them.
        assert_eq!(term_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(term_hash("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
