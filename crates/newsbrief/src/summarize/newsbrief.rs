//! `default`, newsbrief's own summarizer. It combines what works for news clusters:
//!
//! - **coverage of the story's shared phrases**: content bigrams that several reports use are
//!   the concepts a summary should cover (after Gillick & Favre 2009), weighted by how many
//!   reports beyond the first use them; shared single terms count too, a quarter as much;
//! - **position**: news puts the essentials first, so a sentence's gain is divided by its place
//!   in its report (1 for the first, 2 for the second, ...);
//! - **redundancy removal**: a concept counts once, and a sentence too like one picked is left out
//!   (this also collapses copies of the same wire story);
//! - **quality and readability**: no fragments, captions, questions, addresses or transcripts in
//!   capitals (see `features`); a sentence that leans on its predecessor ("He said", "But", the
//!   second half of a quotation, "I" with no speaker) weighs less, and is only taken once its
//!   predecessor is (a report's first sentence never leans on anything).
//!
//! Each step adds the sentence with the best gain of uncovered concepts per word. The constants
//! were tuned on the 100 Multi-News dev clusters as a whole (see the README for the figures on
//! each half).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use crate::summarize::features::dot;
use crate::summarize::{Budget, Features, Summarizer};

/// newsbrief's default summarizer.
pub(crate) struct Newsbrief;

/// The weight of a shared single term against a shared bigram.
const TERM_WEIGHT: f32 = 0.25;
/// The factor for a sentence leaning on its predecessor.
const LEANING_FACTOR: f32 = 0.6;
/// Cosine above which a sentence repeats one already picked.
const REDUNDANT: f32 = 0.5;

impl Summarizer for Newsbrief {
    fn select(&self, features: &Features, budget: Budget) -> Vec<usize> {
        let vectors = features.tfidf_vectors();
        let single_report = features.documents <= 1;
        let mut bigram_weight: Vec<f32> = features
            .bigram_documents
            .iter()
            .zip(&features.bigram_count)
            .map(|(&docs, &count)| shared_weight(docs, count, single_report))
            .collect();
        let mut term_weight: Vec<f32> = features
            .term_documents
            .iter()
            .zip(&features.term_count)
            .map(|(&docs, &count)| TERM_WEIGHT * shared_weight(docs, count, single_report))
            .collect();
        let prior: Vec<f32> = features
            .sentences
            .iter()
            .map(|s| {
                let leaning = if s.leans { LEANING_FACTOR } else { 1.0 };
                leaning / (1.0 + s.position as f32) / s.words.max(1) as f32
            })
            .collect();

        let score = |i: usize, bigram_weight: &[f32], term_weight: &[f32]| {
            let s = &features.sentences[i];
            let bigrams: f32 = s.bigrams.iter().map(|&b| bigram_weight[b as usize]).sum();
            let terms: f32 = s.terms.iter().map(|&(t, _)| term_weight[t as usize]).sum();
            (bigrams + terms) * prior[i]
        };
        // Lazy greedy: gains only fall as concepts get covered, so a stale score is an upper
        // bound, and a sentence whose fresh score still tops the heap is the best.
        let mut heap: BinaryHeap<Candidate> = (0..features.sentences.len())
            .filter(|&i| features.sentences[i].eligible)
            .map(|i| Candidate { score: score(i, &bigram_weight, &term_weight), index: i, round: 0 })
            .collect();
        let mut most_similar = vec![0f32; features.sentences.len()];
        let mut picked: Vec<usize> = Vec::new();
        let mut is_picked = vec![false; features.sentences.len()];
        // Sentences leaning on a predecessor not (yet) picked, by that predecessor.
        let mut waiting: Vec<Vec<Candidate>> = vec![Vec::new(); features.sentences.len()];
        let mut remaining = budget.words;
        while let Some(top) = heap.pop() {
            let i = top.index;
            let sentence = &features.sentences[i];
            if !budget.fits(sentence.words, remaining) || most_similar[i] > REDUNDANT {
                continue;
            }
            if sentence.leans && sentence.position > 0 && !is_picked[i - 1] {
                waiting[i - 1].push(top);
                continue;
            }
            if top.round != picked.len() {
                let fresh = Candidate { score: score(i, &bigram_weight, &term_weight), index: i, round: picked.len() };
                heap.push(fresh);
                continue;
            }
            for &b in &sentence.bigrams {
                bigram_weight[b as usize] = 0.0;
            }
            for &(t, _) in &sentence.terms {
                term_weight[t as usize] = 0.0;
            }
            picked.push(i);
            is_picked[i] = true;
            heap.extend(waiting[i].drain(..));
            remaining = remaining.saturating_sub(sentence.words);
            for (j, similar) in most_similar.iter_mut().enumerate() {
                *similar = similar.max(dot(&vectors[i], &vectors[j]));
            }
        }
        picked
    }
}

/// A sentence on the heap, with the score it had when the summary held `round` sentences.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    score: f32,
    index: usize,
    round: usize,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Candidate {}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Candidate {
    /// Higher score first; among equal scores, the earlier sentence.
    fn cmp(&self, other: &Self) -> Ordering {
        self.score.total_cmp(&other.score).then(other.index.cmp(&self.index))
    }
}

/// The weight of a concept used in `docs` reports, `count` times in all: the number of reports
/// beyond the first that use it, or with a single report, the repetitions beyond the first.
fn shared_weight(docs: u32, count: u32, single_report: bool) -> f32 {
    if single_report {
        count.saturating_sub(1) as f32
    } else {
        docs.saturating_sub(1) as f32
    }
}
