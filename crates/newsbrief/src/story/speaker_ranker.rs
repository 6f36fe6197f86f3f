//! The trained ranker that picks who says a quotation when its frame names nobody outright: the
//! frame gives a pronoun ("he said"), a role ("the spokesman said"), only a continuation of the
//! quotation before, or nothing. [`speakers`](super::speakers) lists the candidates (the people
//! named in the sentences up to the quotation, and the frame's own phrase) with the features
//! below; the ranker is a conditional logit model over them (a softmax of a weighted sum of
//! features), trained on the `PolNeAR` training articles by
//! `cargo run --release -p newsbrief --example train_speakers`, and shipped as
//! `models/speakers.txt`, one `feature weight` line each.

use std::fmt::Write as _;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use crate::mention::Attribution;

/// The names of the candidate features, in the order of [`SpeakerCandidate::features`].
pub const FEATURES: &[&str] = &[
    // The frame's own resolution picks this candidate, by the kind of frame.
    "rule_pronoun",
    "rule_role",
    "rule_continued",
    // The candidate is the frame's own pick and none of the people named near: a role phrase
    // ("the spokesman"), or someone named further back.
    "rule_outside",
    // Frame sentences from the candidate's latest mention (before the anchor: the pronoun, or
    // the quotation) to the anchor's sentence.
    "distance_0",
    "distance_1",
    "distance_2",
    "distance_3",
    "distance_4_5",
    "distance_6_more",
    // Named only after the anchor, in the quotation's sentence.
    "after_only",
    // Recency rank among the named candidates.
    "rank_0",
    "rank_1",
    "rank_2",
    "rank_3_more",
    // ln(1 + mentions before the quotation ends).
    "log_mentions",
    // Where its latest mention stands.
    "subject",
    "modifier",
    "after_preposition",
    // Its latest mention is followed by a verb of speech; some mention is.
    "speaks",
    "ever_speaks",
    // It is the speaker of the previous quotation; of any earlier one.
    "previous_speaker",
    "earlier_speaker",
    // A gendered pronoun frame and what the article tells of the candidate's gender.
    "gender_agrees",
    "gender_disagrees",
    // "they"/"it" and an organisation.
    "plural_organisation",
    // Its latest mention is in the quotation's paragraph.
    "same_paragraph",
    // A mention of it stands beside the frame's role word ("spokesman Josh Earnest").
    "role_match",
    // What the recognizer says it is.
    "person",
    "organisation",
    "place",
    "untyped",
    "acronym",
    "determined",
    "honorific",
    // Interactions with the kind of frame: no speaker at all, a pronoun.
    "none_rank_0",
    "none_speaks",
    "none_previous_speaker",
    "pronoun_rank_0",
    "pronoun_subject",
    // Its latest mention is the object of a verb of speech ("he told The Associated Press"):
    // whom a speaker addresses.
    "addressee",
    // Its last word is a word of the quotation itself ("I met Smith"): talked about, rarely
    // the one talking.
    "in_quote",
    // No candidate is mentioned more often before the quotation.
    "most_mentioned",
    // Its latest mention is written all in capitals and is no acronym (a headline's words).
    "all_capitals",
];

/// One speaker a quotation may have, with its features ([`FEATURES`] order).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerCandidate {
    /// The name (fullest form in the article) or the frame's role phrase.
    pub name: String,
    /// Feature values, in [`FEATURES`] order.
    pub features: Vec<f64>,
}

/// One quotation whose speaker the ranker chooses, with its candidates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerChoice {
    /// Byte offset of the quoted words.
    pub start: usize,
    /// Byte offset just past them.
    pub end: usize,
    /// How the frame alone gives the speaker, if it does.
    pub frame: Option<Attribution>,
    /// The speakers it may have.
    pub candidates: Vec<SpeakerCandidate>,
}

/// A conditional logit model over candidate speakers.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerRanker {
    /// One weight per feature, in [`FEATURES`] order.
    pub weights: Vec<f64>,
    /// A quotation whose frame gives no speaker gets the best candidate only when its
    /// probability reaches this.
    pub threshold: f64,
}

/// Options of [`SpeakerRanker::train`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankerOptions {
    /// Passes over the training choices.
    pub epochs: usize,
    /// Step size of stochastic gradient ascent.
    pub learning_rate: f64,
    /// L2 penalty per step.
    pub l2: f64,
    /// The threshold of the model trained.
    pub threshold: f64,
}

impl Default for RankerOptions {
    fn default() -> Self {
        RankerOptions { epochs: 30, learning_rate: 0.05, l2: 1e-4, threshold: 0.5 }
    }
}

static SHIPPED_TEXT: &str = include_str!("../../models/speakers.txt");

static SHIPPED: LazyLock<SpeakerRanker> =
    LazyLock::new(|| SpeakerRanker::from_text(SHIPPED_TEXT).unwrap_or_else(SpeakerRanker::neutral));

/// The ranker newsbrief ships.
pub(crate) fn shipped() -> &'static SpeakerRanker {
    &SHIPPED
}

impl SpeakerRanker {
    /// A ranker that prefers nothing but the frame's own pick (used when the shipped file is
    /// damaged, which a test rules out).
    pub fn neutral() -> Self {
        let mut weights = vec![0.0; FEATURES.len()];
        for (w, name) in weights.iter_mut().zip(FEATURES) {
            if name.starts_with("rule_") {
                *w = 10.0;
            }
        }
        SpeakerRanker { weights, threshold: 1.1 }
    }

    /// Reads a model written by [`Self::to_text`]: `threshold X` and one `feature weight` line
    /// per feature (`#` comments and blank lines skipped); `None` when a line does not parse or
    /// names an unknown feature.
    pub fn from_text(text: &str) -> Option<Self> {
        let mut weights = vec![0.0; FEATURES.len()];
        let mut threshold = 0.5;
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (name, value) = line.split_once(char::is_whitespace)?;
            let value: f64 = value.trim().parse().ok().filter(|v: &f64| v.is_finite())?;
            if name == "threshold" {
                threshold = value;
            } else {
                weights[FEATURES.iter().position(|f| *f == name)?] = value;
            }
        }
        Some(SpeakerRanker { weights, threshold })
    }

    /// The model as text: a comment, the threshold, then one `feature weight` line each.
    pub fn to_text(&self) -> String {
        let mut out = String::from(
            "# Speaker ranker of newsbrief (conditional logit); rebuilt by\n\
             # `cargo run --release -p newsbrief --example train_speakers`.\n",
        );
        // Writing to a String cannot fail.
        let _ = writeln!(out, "threshold {}", self.threshold);
        for (name, w) in FEATURES.iter().zip(&self.weights) {
            let _ = writeln!(out, "{name} {w:.6}");
        }
        out
    }

    /// The weighted sum of a candidate's features.
    fn score(&self, candidate: &SpeakerCandidate) -> f64 {
        self.weights.iter().zip(&candidate.features).map(|(w, f)| w * f).sum()
    }

    /// The probability of each candidate (a softmax of their scores).
    pub fn probabilities(&self, candidates: &[SpeakerCandidate]) -> Vec<f64> {
        let scores: Vec<f64> = candidates.iter().map(|c| self.score(c)).collect();
        let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let exp: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
        let sum: f64 = exp.iter().sum();
        exp.iter().map(|e| e / sum).collect()
    }

    /// The best candidate and its probability, if there are candidates.
    pub fn best(&self, candidates: &[SpeakerCandidate]) -> Option<(usize, f64)> {
        let p = self.probabilities(candidates);
        p.iter().copied().enumerate().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
    }

    /// Trains a ranker on choices and, for each, which of its candidates are right: stochastic
    /// gradient ascent on the log of the probability of the right ones, in the given order
    /// (deterministic), weights averaged over all steps. Choices with no right candidate teach
    /// nothing and are skipped.
    pub fn train(choices: &[(SpeakerChoice, Vec<bool>)], options: RankerOptions) -> Self {
        let n = FEATURES.len();
        let mut w = vec![0.0; n];
        let mut sum = vec![0.0; n];
        let mut steps = 0.0;
        for _ in 0..options.epochs {
            for (choice, right) in choices {
                if !right.iter().any(|&r| r) || choice.candidates.len() < 2 {
                    continue;
                }
                let model = SpeakerRanker { weights: w.clone(), threshold: options.threshold };
                let p = model.probabilities(&choice.candidates);
                let p_right: f64 = p.iter().zip(right).filter(|(_, r)| **r).map(|(p, _)| p).sum();
                for (k, weight) in w.iter_mut().enumerate() {
                    let mut expected_right = 0.0;
                    let mut expected = 0.0;
                    for ((c, pc), r) in choice.candidates.iter().zip(&p).zip(right) {
                        let f = c.features.get(k).copied().unwrap_or(0.0);
                        expected += pc * f;
                        if *r {
                            expected_right += pc * f;
                        }
                    }
                    let gradient = expected_right / p_right.max(1e-12) - expected;
                    *weight += options.learning_rate * gradient - options.l2 * *weight;
                }
                for (s, x) in sum.iter_mut().zip(&w) {
                    *s += x;
                }
                steps += 1.0;
            }
        }
        let weights = if steps > 0.0 { sum.iter().map(|s| s / steps).collect() } else { w };
        SpeakerRanker { weights, threshold: options.threshold }
    }
}

/// Every quotation of `text` whose frame names nobody outright, with its candidate speakers:
/// what [`SpeakerRanker::train`] learns from. The article is split and its names found as
/// [`find_quotations`](crate::find_quotations) does; the frame's own picks, not the ranker's,
/// give the earlier speakers.
pub fn speaker_choices(text: &str) -> Vec<SpeakerChoice> {
    let sentences = crate::sentences::split_sentences(text);
    let mentions = crate::ner::find_entities_in_sentences(text, &sentences);
    let names: Vec<_> = mentions.iter().filter(|m| m.kind != crate::mention::EntityKind::Other).copied().collect();
    let quotations = super::quotes::quotations(text);
    let mut choices = Vec::new();
    super::speakers::attribute_with(text, &sentences, &names, &quotations, None, Some(&mut choices));
    choices
}

/// [`find_quotations`](crate::find_quotations) with the given ranker in place of the shipped
/// one: to measure a ranker trained on part of the data on the rest.
pub fn find_quotations_ranked(text: &str, ranker: &SpeakerRanker) -> Vec<super::quotes::QuoteFound> {
    let sentences = crate::sentences::split_sentences(text);
    let mentions = crate::ner::find_entities_in_sentences(text, &sentences);
    super::quotes::find_quotes_with(text, &sentences, &mentions, Some(ranker))
}

/// The evidence of gender the article `text` gives each full name (honorifics, and gendered
/// pronouns after a sentence naming one person alone): (name, male votes, female votes); what
/// `examples/train_first_names.rs` sums by first name.
pub fn gender_evidence(text: &str) -> Vec<(String, i32, i32)> {
    let sentences = crate::sentences::split_sentences(text);
    let mentions = crate::ner::find_entities_in_sentences(text, &sentences);
    let names = super::quotes::speaker_names(&mentions);
    let quotations = super::quotes::quotations(text);
    super::speakers::gender_evidence(text, &sentences, &names, &quotations)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(features: &[(&str, f64)]) -> SpeakerCandidate {
        let mut values = vec![0.0; FEATURES.len()];
        for (name, v) in features {
            values[FEATURES.iter().position(|f| f == name).unwrap()] = *v;
        }
        SpeakerCandidate { name: String::new(), features: values }
    }

    #[test]
    fn shipped_model_parses_and_names_every_feature() {
        let model = SpeakerRanker::from_text(SHIPPED_TEXT).expect("models/speakers.txt parses");
        for name in FEATURES {
            assert!(SHIPPED_TEXT.lines().any(|l| l.split_whitespace().next() == Some(name)), "{name} missing");
        }
        assert!(model.threshold > 0.0 && model.threshold <= 1.0);
    }

    #[test]
    fn text_round_trips_and_bad_text_is_refused() {
        let mut model = SpeakerRanker::neutral();
        model.weights[4] = -1.25;
        model.threshold = 0.4;
        assert_eq!(SpeakerRanker::from_text(&model.to_text()), Some(model));
        assert_eq!(SpeakerRanker::from_text("no_such_feature 1.0"), None);
        assert_eq!(SpeakerRanker::from_text("rank_0 many"), None);
        assert_eq!(SpeakerRanker::from_text("rank_0 NaN"), None);
    }

    #[test]
    fn pronoun_candidates_agree_and_skip_noun_modifiers() {
        let text = "Mrs. Ann Lee met Mr. Tom Kay on Monday. She spoke of the Ray administration.\n\n\
                    \"We have work left to do,\" she said.";
        let choices = speaker_choices(text);
        assert_eq!(choices.len(), 1);
        assert_eq!(choices[0].frame, Some(Attribution::Pronoun));
        let names: Vec<&str> = choices[0].candidates.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["Ann Lee"]);
        let rule = FEATURES.iter().position(|f| *f == "rule_pronoun").unwrap();
        assert!(choices[0].candidates[0].features[rule] > 0.0);
    }

    #[test]
    fn a_quotation_without_frame_points_at_the_person_inferred() {
        let text = "Jane Doe took questions after the vote on Monday night.\n\n\
                    \"We will build the bridge next year for everyone.\"";
        let quotes = crate::find_quotations(text);
        let speaker = quotes[0].speaker.as_ref().expect("one person named before");
        assert_eq!((speaker.name.as_str(), speaker.via), ("Jane Doe", Attribution::Inferred));
        assert_eq!(&text[speaker.start..speaker.end], "Jane Doe");
        // Nobody named: nobody inferred.
        assert_eq!(crate::find_quotations("\"We will build the bridge next year for everyone.\"")[0].speaker, None);
    }

    #[test]
    fn an_organisation_is_no_frameless_quotations_speaker() {
        let text = "The Associated Press covered the vote on Monday night.\n\n\
                    \"We will build the bridge next year for everyone.\"";
        let choices = speaker_choices(text);
        assert_eq!(choices.len(), 1);
        assert!(choices[0].candidates.iter().all(|c| !c.name.contains("Press")), "{:?}", choices[0].candidates);
        assert_eq!(crate::find_quotations(text)[0].speaker, None);
    }

    #[test]
    fn the_addressee_and_a_name_inside_the_quotation_are_marked() {
        let text = "Jane Doe told Tom Kay about the plan on Monday. The bridge will cost more.\n\n\
                    \"We will build the bridge next year, Kay, for everyone.\"";
        let choices = speaker_choices(text);
        let feature = |name: &str, feature: &str| {
            let c = choices[0].candidates.iter().find(|c| c.name == name).expect(name);
            c.features[FEATURES.iter().position(|f| *f == feature).unwrap()]
        };
        assert_eq!((feature("Jane Doe", "addressee"), feature("Tom Kay", "addressee")), (0.0, 1.0));
        assert_eq!((feature("Jane Doe", "in_quote"), feature("Tom Kay", "in_quote")), (0.0, 1.0));
        assert!(feature("Jane Doe", "subject") > 0.0);
    }

    #[test]
    fn training_learns_to_prefer_what_is_right() {
        // The right candidate is always the most recent one, whatever the frame says.
        let choice = |right_first: bool| {
            let recent = candidate(&[("rank_0", 1.0), ("distance_0", 1.0)]);
            let older = candidate(&[("rank_1", 1.0), ("distance_3", 1.0), ("rule_pronoun", 1.0)]);
            let candidates = if right_first { vec![recent, older] } else { vec![older, recent] };
            let right = vec![right_first, !right_first];
            (SpeakerChoice { start: 0, end: 1, frame: Some(Attribution::Pronoun), candidates }, right)
        };
        let data: Vec<_> = (0..20).map(|i| choice(i % 2 == 0)).collect();
        let model = SpeakerRanker::train(&data, RankerOptions::default());
        for (c, right) in &data {
            let (best, p) = model.best(&c.candidates).unwrap();
            assert!(right[best] && p > 0.5);
        }
        assert_eq!(model.best(&[]), None);
    }
}
