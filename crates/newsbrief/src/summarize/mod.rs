//! Extractive multi-document summarization: several algorithms behind one [`Summarizer`] trait,
//! chosen by [`Algorithm`], sharing one reading of the sentences ([`Features`]) and one budget
//! rule ([`Budget`]). Every algorithm returns sentences of the sources, never new text.
//!
//! | algorithm | reference |
//! | --- | --- |
//! | `lead` | the first sentences of each report in turn (the news baseline) |
//! | `centroid` | Radev et al. 2004, *Centroid-based summarization of multiple documents* |
//! | `lexrank` | Erkan & Radev 2004, *LexRank: graph-based lexical centrality as salience* |
//! | `textrank` | Mihalcea & Tarau 2004, *TextRank: bringing order into texts* |
//! | `mmr` | Carbonell & Goldstein 1998, *The use of MMR, diversity-based reranking* |
//! | `coverage` | Lin & Bilmes 2011, *A class of submodular functions for document summarization* |
//! | `default` | newsbrief's own: see [`newsbrief`](self::newsbrief) |

mod centroid;
mod coverage;
pub(crate) mod features;
mod graph;
mod lead;
mod mmr;
mod newsbrief;

use std::fmt;
use std::str::FromStr;

pub use features::Features;
use features::{dot, SentenceFeatures};

/// How the word budget bounds a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// The number of words.
    pub words: usize,
    /// When set, sentences are picked until the budget is reached and the last may run past it
    /// (for benchmark runs that cut the summary to exactly `words` words); otherwise no summary
    /// is longer than the budget.
    pub fill: bool,
}

impl Budget {
    /// True when a sentence of `words` words may still be added with `remaining` words left.
    pub(crate) fn fits(self, words: usize, remaining: usize) -> bool {
        remaining > 0 && (words <= remaining || self.fill)
    }
}

/// A picked sentence: which document, which sentence of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pick {
    /// Index of the document.
    pub(crate) document: usize,
    /// Index of the sentence within the document.
    pub(crate) sentence: usize,
}

/// A summarization algorithm: picks sentences of a cluster within a budget.
pub(crate) trait Summarizer {
    /// Indices into `features.sentences` of the picked sentences, in any order.
    fn select(&self, features: &Features, budget: Budget) -> Vec<usize>;
}

/// The summarization algorithms newsbrief offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[non_exhaustive]
pub enum Algorithm {
    /// newsbrief's own: position, centrality across reports, coverage of the story's shared
    /// terms and phrases, redundancy removal and sentence quality.
    #[default]
    Default,
    /// The first sentences of each report in turn.
    Lead,
    /// Closeness to the cluster's tf-idf centroid (Radev et al. 2004).
    Centroid,
    /// PageRank over the cosine-similarity graph (Erkan & Radev 2004).
    LexRank,
    /// PageRank over word-overlap similarity (Mihalcea & Tarau 2004).
    TextRank,
    /// Maximal marginal relevance against the centroid (Carbonell & Goldstein 1998).
    Mmr,
    /// Budgeted submodular coverage and diversity (Lin & Bilmes 2011).
    Coverage,
}

impl Algorithm {
    /// Every algorithm, default first.
    pub const ALL: [Algorithm; 7] = [
        Algorithm::Default,
        Algorithm::Lead,
        Algorithm::Centroid,
        Algorithm::LexRank,
        Algorithm::TextRank,
        Algorithm::Mmr,
        Algorithm::Coverage,
    ];

    /// The algorithm's name, as `--algorithm` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Default => "default",
            Algorithm::Lead => "lead",
            Algorithm::Centroid => "centroid",
            Algorithm::LexRank => "lexrank",
            Algorithm::TextRank => "textrank",
            Algorithm::Mmr => "mmr",
            Algorithm::Coverage => "coverage",
        }
    }

    fn summarizer(self) -> &'static dyn Summarizer {
        match self {
            Algorithm::Default => &newsbrief::Newsbrief,
            Algorithm::Lead => &lead::Lead,
            Algorithm::Centroid => &centroid::Centroid,
            Algorithm::LexRank => &graph::LexRank,
            Algorithm::TextRank => &graph::TextRank,
            Algorithm::Mmr => &mmr::Mmr,
            Algorithm::Coverage => &coverage::Coverage,
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Algorithm {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Algorithm::ALL.into_iter().find(|a| a.name().eq_ignore_ascii_case(name)).ok_or_else(|| {
            let names: Vec<&str> = Algorithm::ALL.iter().map(|a| a.name()).collect();
            format!("unknown algorithm {name:?}; choose one of {}", names.join(", "))
        })
    }
}

/// Picks sentences for a summary within `budget` with `algorithm`, in the order the documents
/// were read into `features` and the sentences stand in them (the caller orders documents for
/// reading).
pub(crate) fn summarize(features: &Features, budget: Budget, algorithm: Algorithm) -> Vec<Pick> {
    select(features, budget, algorithm)
        .into_iter()
        .map(|i| {
            let s: &SentenceFeatures = &features.sentences[i];
            Pick { document: s.document, sentence: s.position }
        })
        .collect()
}

/// The sentences `algorithm` picks within `budget`, as indices into the features' sentences
/// (document by document, in order), sorted.
pub fn select(features: &Features, budget: Budget, algorithm: Algorithm) -> Vec<usize> {
    let mut picked = algorithm.summarizer().select(features, budget);
    picked.sort_unstable();
    picked.dedup();
    picked
}

/// Picks sentences in `order` while the budget allows, passing over those unfit for a summary
/// and those whose cosine with a picked one exceeds `max_similarity`.
pub(crate) fn pick_in_order(
    features: &Features,
    vectors: &[Vec<(u32, f32)>],
    order: impl IntoIterator<Item = usize>,
    budget: Budget,
    max_similarity: f32,
) -> Vec<usize> {
    let mut picked: Vec<usize> = Vec::new();
    let mut remaining = budget.words;
    for i in order {
        let sentence = &features.sentences[i];
        if remaining == 0 {
            break;
        }
        if !sentence.eligible || !budget.fits(sentence.words, remaining) {
            continue;
        }
        if picked.iter().any(|&p| dot(&vectors[p], &vectors[i]) > max_similarity) {
            continue;
        }
        remaining = remaining.saturating_sub(sentence.words);
        picked.push(i);
    }
    picked
}

/// Indices sorted by descending score (ties: earlier first).
pub(crate) fn by_score(scores: &[f32]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(texts: &[&str]) -> (Vec<crate::analysis::AnalyzedArticle>, Features) {
        let analyzed: Vec<_> = texts.iter().map(|t| crate::analysis::tests_support::summary(t)).collect();
        let features = Features::from_articles(&analyzed.iter().collect::<Vec<_>>());
        (analyzed, features)
    }

    fn run(texts: &[&str], budget: usize, algorithm: Algorithm) -> Vec<String> {
        let (analyzed, features) = features(texts);
        summarize(&features, Budget { words: budget, fill: false }, algorithm)
            .into_iter()
            .map(|p| analyzed[p.document].sentences[p.sentence].text(texts[p.document]).to_owned())
            .collect()
    }

    const STORY: [&str; 3] = [
        "The ministers agreed in Geneva to resume the arms talks next month. The weather was mild and sunny that day. \
         A band played in the old square of the city all evening.",
        "Ministers meeting in Geneva agreed to resume arms talks, officials said. The talks had been frozen since the war.",
        "The arms talks will resume next month, the ministers said in Geneva. Officials said the talks had been frozen.",
    ];

    #[test]
    fn every_algorithm_keeps_the_budget_and_prefers_the_shared_story() {
        for algorithm in Algorithm::ALL {
            for budget in [15, 40] {
                let picks = run(&STORY, budget, algorithm);
                let words: usize = picks.iter().map(|s| s.split_whitespace().count()).sum();
                assert!(words <= budget, "{algorithm}: {picks:?}");
                assert!(picks.iter().any(|p| p.contains("talks")), "{algorithm}: {picks:?}");
            }
        }
    }

    #[test]
    fn near_duplicates_and_questions_are_left_out() {
        let texts = [
            "The ministers agreed in Geneva to resume the arms talks next month.",
            "The ministers agreed in Geneva to resume the arms talks next month, officials said.",
            "Will the ministers agree in Geneva to resume the arms talks next month?",
        ];
        for algorithm in Algorithm::ALL {
            let picks = run(&texts, 100, algorithm);
            assert_eq!(picks.len(), 1, "{algorithm}: {picks:?}");
        }
    }

    #[test]
    fn empty_input_gives_an_empty_summary() {
        for algorithm in Algorithm::ALL {
            assert!(run(&[], 100, algorithm).is_empty());
            assert!(run(&["Too short."], 100, algorithm).is_empty());
        }
    }

    #[test]
    fn filling_the_budget_lets_the_last_sentence_run_past_it() {
        let text = ["The ministers agreed in Geneva to resume the arms talks next month. A band played all night in the old square of the city."];
        assert!(run(&text, 5, Algorithm::Default).is_empty());
        let (_, features) = features(&text);
        assert_eq!(summarize(&features, Budget { words: 5, fill: true }, Algorithm::Default).len(), 1);
    }

    #[test]
    fn names_round_trip() {
        for algorithm in Algorithm::ALL {
            assert_eq!(algorithm.name().parse::<Algorithm>(), Ok(algorithm));
        }
        assert!("nope".parse::<Algorithm>().unwrap_err().contains("choose one of default, lead"));
    }
}
