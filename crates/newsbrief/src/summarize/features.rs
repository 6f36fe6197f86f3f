//! What the summarizers know of each sentence: its place, length, stemmed content terms and
//! content bigrams (as ids), whether it is fit for a summary, and tf-idf vectors for similarity.

use rustc_hash::FxHashMap;

use crate::analysis::AnalyzedArticle;

/// Sentence openers that lean on an earlier sentence ("He said", "But").
const LEANING_OPENERS: &[&str] = &[
    "He",
    "She",
    "They",
    "It",
    "His",
    "Her",
    "Their",
    "Its",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "Also",
    "However",
    "Yet",
    "So",
    "Still",
    "Then",
    "Instead",
    "Meanwhile",
    "Such",
];

/// One sentence as the summarizers see it.
#[derive(Debug, Clone)]
pub(crate) struct SentenceFeatures {
    /// Index of its document.
    pub(crate) document: usize,
    /// Its index among its document's sentences.
    pub(crate) position: usize,
    /// Its number of words.
    pub(crate) words: usize,
    /// Distinct content-term ids with their counts, sorted by id.
    pub(crate) terms: Vec<(u32, u32)>,
    /// Distinct content-bigram ids, sorted.
    pub(crate) bigrams: Vec<u32>,
    /// Fit for a summary: a whole statement of reasonable length, not a question, fragment,
    /// headline or address.
    pub(crate) eligible: bool,
    /// Opens with a word that leans on an earlier sentence ("He", "But"), holds only part of
    /// a quotation, or speaks in the first person with no speaker named.
    pub(crate) leans: bool,
}

/// What the summarizers know of a cluster's sentences: place, length, stemmed content terms and
/// bigrams, fitness for a summary, and cluster-wide counts.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// The sentences, document by document.
    pub(crate) sentences: Vec<SentenceFeatures>,
    /// The number of documents.
    pub(crate) documents: usize,
    /// Per term id: in how many documents it occurs.
    pub(crate) term_documents: Vec<u32>,
    /// Per term id: in how many sentences it occurs.
    pub(crate) term_sentences: Vec<u32>,
    /// Per term id: how often it occurs in all.
    pub(crate) term_count: Vec<u32>,
    /// Per bigram id: in how many documents it occurs.
    pub(crate) bigram_documents: Vec<u32>,
    /// Per bigram id: how often it occurs in all.
    pub(crate) bigram_count: Vec<u32>,
}

impl Features {
    /// Reads the sentences of the analysed articles, in the order given (the reading order).
    ///
    /// # Panics
    ///
    /// With more than 2³² distinct terms or bigrams, far more than inputs within the 50 MB
    /// limit can hold.
    pub fn from_articles(articles: &[&AnalyzedArticle]) -> Self {
        let mut term_ids: FxHashMap<u64, u32> = FxHashMap::default();
        let mut bigram_ids: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        let mut features = Features { documents: articles.len(), ..Features::default() };
        let mut last_document_of_term: Vec<usize> = Vec::new();
        let mut last_document_of_bigram: Vec<usize> = Vec::new();
        for (d, article) in articles.iter().enumerate() {
            for (position, sentence) in article.sentences.iter().enumerate() {
                let mut sequence: Vec<u32> = sentence
                    .terms
                    .iter()
                    .map(|&hash| {
                        let next = u32::try_from(term_ids.len()).expect("fewer than 2^32 terms");
                        *term_ids.entry(hash).or_insert(next)
                    })
                    .collect();
                let vocabulary = term_ids.len();
                features.term_count.resize(vocabulary, 0);
                features.term_documents.resize(vocabulary, 0);
                features.term_sentences.resize(vocabulary, 0);
                last_document_of_term.resize(vocabulary, usize::MAX);
                let mut bigrams: Vec<u32> = sequence
                    .windows(2)
                    .map(|pair| {
                        let next = u32::try_from(bigram_ids.len()).expect("fewer than 2^32 bigrams");
                        *bigram_ids.entry((pair[0], pair[1])).or_insert(next)
                    })
                    .collect();
                features.bigram_count.resize(bigram_ids.len(), 0);
                features.bigram_documents.resize(bigram_ids.len(), 0);
                last_document_of_bigram.resize(bigram_ids.len(), usize::MAX);
                for &b in &bigrams {
                    features.bigram_count[b as usize] += 1;
                    if last_document_of_bigram[b as usize] != d {
                        last_document_of_bigram[b as usize] = d;
                        features.bigram_documents[b as usize] += 1;
                    }
                }
                bigrams.sort_unstable();
                bigrams.dedup();
                sequence.sort_unstable();
                let mut terms: Vec<(u32, u32)> = Vec::new();
                for id in sequence {
                    features.term_count[id as usize] += 1;
                    match terms.last_mut() {
                        Some((last, count)) if *last == id => *count += 1,
                        _ => terms.push((id, 1)),
                    }
                }
                for &(id, _) in &terms {
                    features.term_sentences[id as usize] += 1;
                    if last_document_of_term[id as usize] != d {
                        last_document_of_term[id as usize] = d;
                        features.term_documents[id as usize] += 1;
                    }
                }
                features.sentences.push(SentenceFeatures {
                    document: d,
                    position,
                    words: sentence.words,
                    eligible: sentence.worthy,
                    leans: sentence.leans,
                    terms,
                    bigrams,
                });
            }
        }
        features
    }

    /// The number of distinct terms.
    pub(crate) fn vocabulary(&self) -> usize {
        self.term_count.len()
    }

    /// The number of sentences.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    /// True when there is no sentence.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// Unit-length tf-idf vectors of the sentences (sparse, as sorted term id and weight), idf
    /// taken over the cluster's sentences.
    pub fn tfidf_vectors(&self) -> Vec<Vec<(u32, f32)>> {
        let n = self.sentences.len().max(1) as f32;
        let idf: Vec<f32> = self.term_sentences.iter().map(|&sf| (n / sf.max(1) as f32).ln() + 1.0).collect();
        self.sentences
            .iter()
            .map(|s| normalised(s.terms.iter().map(|&(t, tf)| (t, tf as f32 * idf[t as usize])).collect()))
            .collect()
    }
}

/// `vector` scaled to unit length (empty stays empty).
pub(crate) fn normalised(mut vector: Vec<(u32, f32)>) -> Vec<(u32, f32)> {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut vector {
            *w /= norm;
        }
    }
    vector
}

/// The cosine of every pair of unit-length sparse `vectors`, as a dense `n`×`n` matrix row
/// after row (each pair computed once).
pub(crate) fn cosine_matrix(vectors: &[Vec<(u32, f32)>]) -> Vec<f32> {
    let n = vectors.len();
    let mut cosines = vec![0f32; n * n];
    for i in 0..n {
        for j in i..n {
            let cosine = dot(&vectors[i], &vectors[j]);
            cosines[i * n + j] = cosine;
            cosines[j * n + i] = cosine;
        }
    }
    cosines
}

/// The dot product of two sparse vectors sorted by id (their cosine when both are unit length).
pub(crate) fn dot(a: &[(u32, f32)], b: &[(u32, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// What a summary needs to know of a sentence of `words` words and content `terms`: whether it
/// is fit for a summary, and whether it leans on the sentence before it.
pub(crate) fn judge_sentence(text: &str, words: usize, terms: &[u64]) -> (bool, bool) {
    let mut distinct = terms.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    let worthy = is_summary_worthy(text, words, distinct.len());
    let leans = leans_on_context(text) || unattributed_first_person(text) || !quotes_balanced(text);
    (worthy, leans)
}

/// True for a sentence fit for a summary: a whole statement of reasonable length, not a
/// question, a fragment, a headline or a web address.
fn is_summary_worthy(text: &str, words: usize, terms: usize) -> bool {
    let closing = text.trim_end_matches(['"', '”', '’', '\'', ')']);
    let opens_well = text
        .trim_start_matches(['"', '“', '‘', '\'', '('])
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    (6..=60).contains(&words)
        && terms >= 3
        && closing.ends_with(['.', '!'])
        && opens_well
        && !text.contains("http")
        && !text.contains('|')
        && !mostly_capitals(text)
        && !names_a_website(text)
}

/// True for a sentence written as prose, fit for a timeline: four words or more, some of them
/// in lower case, not set mostly in capitals and holding no "|" (a page's widget line such as
/// "9:04 PM ET Sun, 3 Sept 2017 | 02:51" is none).
pub(crate) fn is_prose(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower_words = words.iter().filter(|w| w.chars().next().is_some_and(char::is_lowercase)).count();
    words.len() >= 4 && lower_words >= 2 && !text.contains('|') && !mostly_capitals(text)
}

/// True when the sentence's double quotation marks pair up: a sentence holding only the start
/// or the end of a quotation is a piece of a longer one.
fn quotes_balanced(text: &str) -> bool {
    let straight = text.matches('"').count();
    let opening = text.matches('“').count();
    let closing = text.matches('”').count();
    straight % 2 == 0 && opening == closing
}

/// True for text set mostly in capitals (broadcast transcripts, shouted headlines).
fn mostly_capitals(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    letters > 0 && capitals * 2 > letters
}

/// True for text naming a web address ("stay with example.com for more"): promotion, not news.
fn names_a_website(text: &str) -> bool {
    text.split_whitespace().any(|word| {
        let word = word.trim_end_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        word.starts_with("www.") || [".com", ".org", ".net", ".co.uk"].iter().any(|tld| word.ends_with(tld))
    })
}

fn leans_on_context(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    LEANING_OPENERS.contains(&first.trim_end_matches(','))
}

/// True for a sentence in the first person outside quotation marks ("I've tried to ..."):
/// a speaker's words with no one named to say them.
fn unattributed_first_person(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    matches!(first, "I" | "I'm" | "I've" | "I'd" | "I'll" | "I’m" | "I’ve" | "We" | "We're" | "We’re" | "My" | "Our")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_told_from_page_lines() {
        assert!(is_prose("The ship sank on Friday."));
        assert!(is_prose("Did the ship sink on Friday?"));
        assert!(!is_prose("9:04 PM ET Sun, 3 Sept 2017 | 02:51"));
        assert!(!is_prose("UPDATED: Friday, March 5, 2010"));
        assert!(!is_prose("THE SHIP SANK ON FRIDAY, OFFICIALS SAY"));
        assert!(!is_prose("Posted on Friday."));
    }

    #[test]
    fn counts_terms_bigrams_and_documents() {
        let texts = ["Ministers agreed to resume talks. Talks resume today.", "The ministers agreed again."];
        let analyzed: Vec<AnalyzedArticle> = texts.iter().map(|t| crate::analysis::tests_support::summary(t)).collect();
        let articles: Vec<&AnalyzedArticle> = analyzed.iter().collect();
        let features = Features::from_articles(&articles);
        assert_eq!(features.sentences.len(), 3);
        // minist, agre, resum, talk, today
        assert_eq!(features.vocabulary(), 5);
        let talk = features.sentences[0].terms[3];
        assert_eq!(talk, (3, 1));
        assert_eq!(features.term_count[3], 2);
        assert_eq!(features.term_documents[0], 2, "ministers in both documents");
        assert_eq!(features.bigram_documents[0], 2, "minist agre in both documents");
        assert!(!features.sentences[1].eligible, "too short");
        let vectors = features.tfidf_vectors();
        assert!((dot(&vectors[0], &vectors[0]) - 1.0).abs() < 1e-5);
        let cosines = cosine_matrix(&vectors);
        assert_eq!(cosines.len(), 9);
        for i in 0..3 {
            for j in 0..3 {
                assert_eq!(cosines[i * 3 + j].to_bits(), dot(&vectors[i], &vectors[j]).to_bits(), "({i}, {j})");
            }
        }
        assert!(cosines[2] > 0.0, "the first and last sentences share words");
        assert!(cosines[5].abs() < 1e-9, "the last two sentences share none");
    }
}
