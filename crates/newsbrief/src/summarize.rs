//! A first extractive multi-document summary: sentences scored by how much of the story's
//! shared vocabulary they carry and by their place in their report, picked greedily within a
//! word budget, with near-duplicates left out, then put in reading order.

use std::collections::{HashMap, HashSet};

use crate::sentences::Sentence;
use crate::tokens::{word_count, Tokenizer};

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
/// How much a term still counts once a picked sentence covers it.
const COVERED_WEIGHT: f64 = 0.3;
/// Jaccard similarity of term sets from which two sentences count as near-duplicates.
const DUPLICATE_SIMILARITY: f64 = 0.5;

/// One report's sentences as the summarizer sees them.
pub(crate) struct Document<'a> {
    /// The report's cleaned text.
    pub(crate) text: &'a str,
    /// Its sentences.
    pub(crate) sentences: &'a [Sentence],
}

/// A picked sentence: which document, which sentence of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pick {
    /// Index of the document.
    pub(crate) document: usize,
    /// Index of the sentence within the document.
    pub(crate) sentence: usize,
}

struct Candidate {
    pick: Pick,
    words: usize,
    /// Distinct term ids, sorted, so that sums over them do not depend on hashing order.
    terms: Vec<usize>,
    prior: f64,
}

/// How the word budget bounds a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Budget {
    /// The number of words.
    pub(crate) words: usize,
    /// When set, sentences are picked until the budget is reached and the last may run past it
    /// (for benchmark runs that cut the summary to exactly `words` words); otherwise no summary
    /// is longer than the budget.
    pub(crate) fill: bool,
}

/// Picks sentences for a summary within `budget`, in the order the documents are given and the
/// sentences stand in them (the caller orders documents for reading).
pub(crate) fn summarize(documents: &[Document<'_>], budget: Budget) -> Vec<Pick> {
    let tokenizer = Tokenizer::english();
    let mut vocabulary: HashMap<String, usize> = HashMap::new();
    let mut frequency: Vec<f64> = Vec::new();
    let mut documents_with: Vec<HashSet<usize>> = Vec::new();
    let mut candidates = Vec::new();
    for (d, document) in documents.iter().enumerate() {
        for (s, sentence) in document.sentences.iter().enumerate() {
            let text = sentence.text(document.text);
            let mut terms = Vec::new();
            for term in tokenizer.terms(text) {
                let next_id = vocabulary.len();
                let id = *vocabulary.entry(term).or_insert(next_id);
                if id == frequency.len() {
                    frequency.push(0.0);
                    documents_with.push(HashSet::new());
                }
                frequency[id] += 1.0;
                documents_with[id].insert(d);
                terms.push(id);
            }
            terms.sort_unstable();
            terms.dedup();
            let words = word_count(text);
            if is_summary_worthy(text, words, terms.len()) {
                let position = 1.0 + 1.0 / (1.0 + s as f64);
                let leaning = if leans_on_context(text) { 0.6 } else { 1.0 };
                candidates.push(Candidate {
                    pick: Pick { document: d, sentence: s },
                    words,
                    terms,
                    prior: position * leaning,
                });
            }
        }
    }
    let mut weight: Vec<f64> =
        frequency.iter().zip(&documents_with).map(|(&tf, docs)| (1.0 + tf.ln()) * docs.len() as f64).collect();

    let mut picked: Vec<usize> = Vec::new();
    let mut remaining = budget.words;
    while remaining > 0 {
        let best = candidates
            .iter()
            .enumerate()
            .filter(|(i, c)| !picked.contains(i) && (c.words <= remaining || budget.fill))
            .filter(|(_, c)| picked.iter().all(|&p| similarity(&candidates[p].terms, &c.terms) < DUPLICATE_SIMILARITY))
            .map(|(i, c)| (i, score(c, &weight)))
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let Some((index, _)) = best else { break };
        remaining = remaining.saturating_sub(candidates[index].words);
        for &term in &candidates[index].terms {
            weight[term] *= COVERED_WEIGHT;
        }
        picked.push(index);
    }
    let mut picks: Vec<Pick> = picked.into_iter().map(|i| candidates[i].pick).collect();
    picks.sort_by_key(|p| (p.document, p.sentence));
    picks
}

fn score(candidate: &Candidate, weight: &[f64]) -> f64 {
    let coverage: f64 = candidate.terms.iter().map(|&t| weight[t]).sum();
    candidate.prior * coverage / (candidate.words as f64).powf(0.7)
}

/// Jaccard similarity of two sorted, distinct term lists.
fn similarity(a: &[usize], b: &[usize]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        1.0
    } else {
        shared as f64 / union as f64
    }
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
}

fn leans_on_context(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    LEANING_OPENERS.contains(&first.trim_end_matches(','))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    fn run(texts: &[&str], budget: usize) -> Vec<String> {
        let splits: Vec<Vec<Sentence>> = texts.iter().map(|t| split_sentences(t)).collect();
        let documents: Vec<Document<'_>> =
            texts.iter().zip(&splits).map(|(text, sentences)| Document { text, sentences }).collect();
        summarize(&documents, Budget { words: budget, fill: false })
            .into_iter()
            .map(|p| splits[p.document][p.sentence].text(texts[p.document]).to_owned())
            .collect()
    }

    #[test]
    fn prefers_what_several_reports_share_and_keeps_the_budget() {
        let picks = run(
            &[
                "The ministers agreed in Geneva to resume the arms talks next month. The weather was mild and sunny that day.",
                "Ministers meeting in Geneva agreed to resume arms talks, officials said. A band played in the old square.",
            ],
            15,
        );
        assert_eq!(picks.len(), 1);
        assert!(picks[0].contains("Geneva"), "{picks:?}");
    }

    #[test]
    fn leaves_out_near_duplicates_and_questions() {
        let picks = run(
            &[
                "The ministers agreed in Geneva to resume the arms talks next month.",
                "The ministers agreed in Geneva to resume the arms talks next month, officials said.",
                "Will the ministers agree in Geneva to resume the arms talks next month?",
            ],
            100,
        );
        assert_eq!(picks.len(), 1, "{picks:?}");
    }

    #[test]
    fn filling_the_budget_lets_the_last_sentence_run_past_it() {
        let text = ["The ministers agreed in Geneva to resume the arms talks next month. A band played all night in the old square of the city."];
        assert_eq!(run(&text, 5), Vec::<String>::new());
        let splits = split_sentences(text[0]);
        let documents = [Document { text: text[0], sentences: &splits }];
        assert_eq!(summarize(&documents, Budget { words: 5, fill: true }).len(), 1);
    }

    #[test]
    fn empty_input_gives_an_empty_summary() {
        assert!(run(&[], 100).is_empty());
        assert!(run(&["Too short."], 100).is_empty());
    }
}
