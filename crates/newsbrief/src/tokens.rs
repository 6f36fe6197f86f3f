//! Words and terms: counting words, and turning text into stemmed content terms for scoring.

use rust_stemmers::{Algorithm, Stemmer};

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

/// The number of words in `text`: whitespace-separated pieces holding a letter or digit.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// Turns text into lowercase, stemmed content terms (stopwords dropped).
pub(crate) struct Tokenizer {
    stemmer: Stemmer,
}

impl Tokenizer {
    /// A tokenizer for English.
    pub(crate) fn english() -> Self {
        Self { stemmer: Stemmer::create(Algorithm::English) }
    }

    /// The content terms of `text`, in order.
    pub(crate) fn terms(&self, text: &str) -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| !STOPWORDS.contains(&w.as_str()))
            .filter(|w| w.chars().count() > 1)
            .map(|w| self.stemmer.stem(&w).into_owned())
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
    fn terms_are_stemmed_content_words() {
        let terms = Tokenizer::english().terms("The ministers agreed to resume the talks in Geneva.");
        assert_eq!(terms, vec!["minist", "agre", "resum", "talk", "geneva"]);
    }
}
