//! ROUGE scores exactly as Google's `rouge-score` 0.1.2 computes them — ROUGE-N, ROUGE-L and
//! ROUGE-Lsum, with its tokenization and NLTK's Porter stemmer — plus ROUGE-SU4 as the original
//! ROUGE-1.5.5 counts it. No dependency on the rest of newsbrief.
//!
//! ```
//! use rouge::Scorer;
//!
//! let scorer = Scorer::new(true);
//! let scores = scorer.score("The cat was found under the bed.", "The cat was under the bed.");
//! assert!((scores.rouge1.recall - 1.0).abs() < 1e-12);
//! assert!((scores.rouge1.precision - 6.0 / 7.0).abs() < 1e-12);
//! assert_eq!(scorer.rouge_l("a b c", "a b c").fmeasure, 1.0);
//! ```

mod lcs;
mod ngram;
pub mod porter;
mod score;
mod skip;
mod tokenize;

use rustc_hash::FxHashMap;

pub use score::Score;
pub use tokenize::tokenize;

/// ROUGE-1, ROUGE-2, ROUGE-L, ROUGE-Lsum and ROUGE-SU4 of one candidate against one reference.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Unigram overlap.
    pub rouge1: Score,
    /// Bigram overlap.
    pub rouge2: Score,
    /// Longest common subsequence over the whole text.
    pub rouge_l: Score,
    /// Summary-level union LCS over newline-separated sentences.
    pub rouge_lsum: Score,
    /// Skip-bigrams (at most four tokens apart) plus unigrams.
    pub rouge_su4: Score,
}

impl Scores {
    /// The field-wise mean of `all` (zero for none).
    pub fn mean(all: &[Scores]) -> Scores {
        Self::combine(all, |scores| Score::mean(&scores))
    }

    /// For each measure, the score of `all` with the best F1 (zero for none).
    pub fn best(all: &[Scores]) -> Scores {
        Self::combine(all, |scores| {
            scores.into_iter().max_by(|a, b| a.fmeasure.total_cmp(&b.fmeasure)).unwrap_or_default()
        })
    }

    /// Applies `combine` to each measure's scores across `all`.
    fn combine(all: &[Scores], combine: impl Fn(Vec<Score>) -> Score) -> Scores {
        let pick = |field: fn(&Scores) -> Score| combine(all.iter().map(field).collect());
        Scores {
            rouge1: pick(|s| s.rouge1),
            rouge2: pick(|s| s.rouge2),
            rouge_l: pick(|s| s.rouge_l),
            rouge_lsum: pick(|s| s.rouge_lsum),
            rouge_su4: pick(|s| s.rouge_su4),
        }
    }
}

/// Scores candidates against references, with or without Porter stemming.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scorer {
    stem: bool,
}

/// Token ids for one scoring: each distinct raw token is stemmed once, and equal tokens share
/// an id.
#[derive(Default)]
struct Interner {
    raw: FxHashMap<String, Option<u32>>,
    final_ids: FxHashMap<String, u32>,
}

impl Interner {
    /// The id of the token `raw` becomes (stemmed when `stem` is set), or `None` when it
    /// becomes no token.
    fn id(&mut self, raw: &str, stem: bool) -> Option<u32> {
        if let Some(&id) = self.raw.get(raw) {
            return id;
        }
        let id = tokenize::finish(raw, stem).map(|token| {
            let next = u32::try_from(self.final_ids.len()).expect("fewer than 2^32 distinct tokens");
            *self.final_ids.entry(token).or_insert(next)
        });
        self.raw.insert(raw.to_owned(), id);
        id
    }
}

/// A text as token ids, whole and by newline-separated sentence.
struct Tokens {
    all: Vec<u32>,
    sentences: Vec<Vec<u32>>,
}

impl Scorer {
    /// A scorer; `stem` turns on Porter stemming of tokens longer than three characters.
    pub fn new(stem: bool) -> Self {
        Self { stem }
    }

    /// ROUGE-N for any `n` ≥ 1 (`n` = 0 scores zero).
    pub fn rouge_n(&self, candidate: &str, reference: &str, n: usize) -> Score {
        let (c, r) = self.pair(candidate, reference);
        ngram::rouge_n(&c.all, &r.all, n)
    }

    /// ROUGE-L: the longest common subsequence of the two texts.
    pub fn rouge_l(&self, candidate: &str, reference: &str) -> Score {
        let (c, r) = self.pair(candidate, reference);
        lcs::rouge_l(&c.all, &r.all)
    }

    /// ROUGE-Lsum: union LCS of each reference sentence with all candidate sentences, sentences
    /// being the non-empty lines of each text.
    pub fn rouge_lsum(&self, candidate: &str, reference: &str) -> Score {
        let (c, r) = self.pair(candidate, reference);
        lcs::rouge_lsum(&c.sentences, &r.sentences)
    }

    /// ROUGE-SU4: skip-bigrams with at most four tokens between, plus unigrams.
    pub fn rouge_su4(&self, candidate: &str, reference: &str) -> Score {
        let (c, r) = self.pair(candidate, reference);
        skip::rouge_su4(&c.all, &r.all)
    }

    /// All five scores, tokenizing each text once.
    pub fn score(&self, candidate: &str, reference: &str) -> Scores {
        let (c, r) = self.pair(candidate, reference);
        Scores {
            rouge1: ngram::rouge_n(&c.all, &r.all, 1),
            rouge2: ngram::rouge_n(&c.all, &r.all, 2),
            rouge_l: lcs::rouge_l(&c.all, &r.all),
            rouge_lsum: lcs::rouge_lsum(&c.sentences, &r.sentences),
            rouge_su4: skip::rouge_su4(&c.all, &r.all),
        }
    }

    /// The mean of the scores against each reference (zero for no reference).
    pub fn score_mean(&self, candidate: &str, references: &[&str]) -> Scores {
        let all: Vec<Scores> = references.iter().map(|r| self.score(candidate, r)).collect();
        Scores::mean(&all)
    }

    /// For each measure, the score against the reference with the best F1.
    pub fn score_max(&self, candidate: &str, references: &[&str]) -> Scores {
        let all: Vec<Scores> = references.iter().map(|r| self.score(candidate, r)).collect();
        Scores::best(&all)
    }

    fn pair(self, candidate: &str, reference: &str) -> (Tokens, Tokens) {
        let mut ids = Interner::default();
        (self.tokens(candidate, &mut ids), self.tokens(reference, &mut ids))
    }

    fn tokens(self, text: &str, ids: &mut Interner) -> Tokens {
        // Tokens never span a line break, so the whole text's tokens are its lines' tokens.
        let sentences: Vec<Vec<u32>> = text
            .split('\n')
            .filter(|line| !line.is_empty())
            .map(|line| {
                let lower = line.to_lowercase();
                tokenize::raw_tokens(&lower).filter_map(|raw| ids.id(raw, self.stem)).collect()
            })
            .collect();
        Tokens { all: sentences.concat(), sentences }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn identical_texts_score_one(text in "[a-z ]{0,40}[a-z]{1,8}") {
            let scores = Scorer::new(true).score(&text, &text);
            proptest::prop_assert!((scores.rouge1.fmeasure - 1.0).abs() < 1e-12);
            proptest::prop_assert!((scores.rouge_l.fmeasure - 1.0).abs() < 1e-12);
            proptest::prop_assert!((scores.rouge_lsum.fmeasure - 1.0).abs() < 1e-12);
        }

        #[test]
        fn scores_lie_in_the_unit_interval_and_f1_is_symmetric(a in "[a-d \\n.]{0,60}", b in "[a-d \\n.]{0,60}") {
            let scorer = Scorer::new(false);
            let ab = scorer.score(&a, &b);
            let ba = scorer.score(&b, &a);
            for (x, y) in [(ab.rouge1, ba.rouge1), (ab.rouge2, ba.rouge2), (ab.rouge_l, ba.rouge_l), (ab.rouge_su4, ba.rouge_su4)] {
                for v in [x.precision, x.recall, x.fmeasure] {
                    proptest::prop_assert!((0.0..=1.0).contains(&v));
                }
                proptest::prop_assert!((x.fmeasure - y.fmeasure).abs() < 1e-12);
                proptest::prop_assert!((x.precision - y.recall).abs() < 1e-12);
            }
        }
    }

    #[test]
    fn max_and_mean_over_references() {
        let scorer = Scorer::new(false);
        let mean = scorer.score_mean("a b", &["a b", "c d"]);
        let max = scorer.score_max("a b", &["a b", "c d"]);
        assert!((mean.rouge1.fmeasure - 0.5).abs() < 1e-12);
        assert!((max.rouge1.fmeasure - 1.0).abs() < 1e-12);
        assert_eq!(scorer.score_mean("a", &[]), Scores::default());
    }
}
