//! Training the recognizer: CoNLL-format data read into documents, gazetteers built across
//! folds (each training document sees only the names of the other folds, as unseen text will),
//! and an averaged structured perceptron (Collins 2002) over the feature keys of `features.rs`,
//! in two stages: the second learns from first-stage labels of each fold given by a first stage
//! trained on the other folds (as it will see labels of unseen text).
//!
//! Deterministic: documents are shuffled with a seeded generator, and every map is read in a
//! sorted or insertion order.

use rustc_hash::FxHashMap;

use super::features::{Document, FeatureSet};
use super::lexicon::{Clusters, Gazetteer, Vocabulary};
use super::model::{viterbi, Recognizer, Scheme, Weights, KINDS};
use super::tokenize::normal_form;
use crate::mention::EntityKind;

/// One sentence of CoNLL data: tokens and entity spans over them (end exclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConllSentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// `(start, end, kind)` token ranges of the named entities.
    pub entities: Vec<(usize, usize, EntityKind)>,
}

/// One document of CoNLL data.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ConllDocument {
    /// The sentences.
    pub sentences: Vec<ConllSentence>,
}

impl ConllDocument {
    /// The document as `shared/tools/score_ner.py texts` writes it: tokens joined by spaces,
    /// sentences by line breaks.
    pub fn text(&self) -> String {
        self.sentences.iter().map(|s| s.tokens.join(" ")).collect::<Vec<_>>().join("\n")
    }
}

/// Reads CoNLL-format text (`token ... tag` lines, IOB1 or IOB2 tags in the last column,
/// `-DOCSTART-` lines between documents) as `shared/tools/score_ner.py` does; tags other than
/// PER, ORG, LOC and MISC are read as outside.
pub fn parse_conll(text: &str) -> Vec<ConllDocument> {
    let mut documents = Vec::new();
    let mut document = ConllDocument::default();
    let mut sentence: Vec<(String, String)> = Vec::new();
    let finish_sentence = |sentence: &mut Vec<(String, String)>, document: &mut ConllDocument| {
        if !sentence.is_empty() {
            let tags: Vec<&str> = sentence.iter().map(|(_, t)| t.as_str()).collect();
            let entities = chunks(&tags);
            document.sentences.push(ConllSentence { tokens: sentence.drain(..).map(|(w, _)| w).collect(), entities });
        }
    };
    for line in text.lines() {
        let columns: Vec<&str> = line.split_whitespace().collect();
        match columns.as_slice() {
            [] => finish_sentence(&mut sentence, &mut document),
            ["-DOCSTART-", ..] => {
                finish_sentence(&mut sentence, &mut document);
                if !document.sentences.is_empty() {
                    documents.push(std::mem::take(&mut document));
                }
            }
            [token, .., tag] => sentence.push(((*token).to_owned(), (*tag).to_owned())),
            [token] => sentence.push(((*token).to_owned(), "O".to_owned())),
        }
    }
    finish_sentence(&mut sentence, &mut document);
    if !document.sentences.is_empty() {
        documents.push(document);
    }
    documents
}

/// Entity spans of a tag sequence, with conlleval's rules for where chunks begin and end.
fn chunks(tags: &[&str]) -> Vec<(usize, usize, EntityKind)> {
    let split = |tag: &str| -> (char, Option<EntityKind>) {
        let Some((prefix, kind)) = tag.split_once('-') else { return ('O', None) };
        let kind = match kind {
            "PER" => EntityKind::Person,
            "ORG" => EntityKind::Organization,
            "LOC" => EntityKind::Place,
            "MISC" => EntityKind::Other,
            _ => return ('O', None),
        };
        (prefix.chars().next().unwrap_or('O'), Some(kind))
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let (mut prev_prefix, mut prev_kind) = ('O', None);
    for (i, tag) in tags.iter().copied().chain(std::iter::once("O")).enumerate() {
        let (prefix, kind) = split(tag);
        let ends = start.is_some()
            && (matches!(prev_prefix, 'E' | 'S')
                || (matches!(prev_prefix, 'B' | 'I') && (matches!(prefix, 'B' | 'S' | 'O') || kind != prev_kind)));
        if ends {
            if let (Some(s), Some(k)) = (start, prev_kind) {
                out.push((s, i, k));
            }
            start = None;
        }
        let begins = matches!(prefix, 'B' | 'S')
            || (matches!(prefix, 'I' | 'E') && (matches!(prev_prefix, 'E' | 'S' | 'O') || kind != prev_kind));
        if begins {
            start = Some(i);
        }
        (prev_prefix, prev_kind) = (prefix, kind);
    }
    out
}

/// Small words a headline leaves in lowercase.
const HEADLINE_LOWERCASE: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "for", "of", "in", "on", "at", "to", "by", "with", "from", "as",
    "via", "vs", "vs.", "into", "up", "off", "per",
];

/// The document with its all-capitals sentences (for which `choose` holds, given their index)
/// written in headline style instead: each word capitalised, small words lowercase, and words
/// the document writes otherwise in its plain sentences (acronyms, names) as it writes them
/// there. Labels are kept. Training sees some headlines this way, since news on the web writes
/// headlines so and CoNLL-2003 in capitals.
pub fn title_case_headlines(document: &ConllDocument, choose: impl Fn(usize) -> bool) -> ConllDocument {
    let caps: Vec<bool> = document
        .sentences
        .iter()
        .map(|s| super::features::is_caps(&s.tokens.iter().map(String::as_str).collect::<Vec<_>>()))
        .collect();
    // The most frequent spelling of each word in the plain sentences.
    let mut spellings: FxHashMap<String, FxHashMap<&str, usize>> = FxHashMap::default();
    for (sentence, &upper) in document.sentences.iter().zip(&caps) {
        if !upper {
            for token in sentence.tokens.iter().skip(1) {
                *spellings.entry(token.to_lowercase()).or_default().entry(token.as_str()).or_default() += 1;
            }
        }
    }
    let true_case = |lower: &str| -> Option<&str> {
        spellings.get(lower)?.iter().max_by_key(|&(form, n)| (*n, std::cmp::Reverse(*form))).map(|(form, _)| *form)
    };
    let mut out = document.clone();
    for (n, sentence) in out.sentences.iter_mut().enumerate() {
        if !caps[n] || !choose(n) {
            continue;
        }
        for token in &mut sentence.tokens {
            let lower = token.to_lowercase();
            *token = match true_case(&lower) {
                Some(form) if form != lower => form.to_owned(),
                _ if HEADLINE_LOWERCASE.contains(&lower.as_str()) => lower,
                _ => {
                    let mut chars = lower.chars();
                    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
                }
            };
        }
    }
    out
}

/// How to train.
// Independent switches, one per family of features.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Label scheme.
    pub scheme: Scheme,
    /// Passes over the training documents (for each stage).
    pub epochs: usize,
    /// Seed of the document shuffle.
    pub seed: u64,
    /// Folds for the gazetteer features and the first stage's labels of training documents
    /// (at least 2).
    pub folds: usize,
    /// Gazetteer features.
    pub gazetteer: bool,
    /// Words two tokens away as features.
    pub wide_window: bool,
    /// How the word is written elsewhere in the document as features.
    pub doc_case: bool,
    /// A second stage reading the first one's labels across the document.
    pub two_stage: bool,
    /// Features whose averaged weights all lie within this of zero are dropped.
    pub prune: f32,
    /// Perceptrons trained on different orders of the documents, whose weights are averaged.
    pub runs: usize,
    /// Words seen fewer times in the training data are read as unknown (see [`Vocabulary`]);
    /// at most 1 keeps every word.
    pub min_word_count: u32,
    /// Training documents' capitals headlines written in headline style, each with this
    /// chance (see [`title_case_headlines`]).
    pub title_case: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            scheme: Scheme::Bilou,
            epochs: 10,
            seed: 2003,
            folds: 5,
            gazetteer: true,
            wide_window: true,
            doc_case: true,
            two_stage: true,
            prune: 0.0,
            runs: 3,
            title_case: 0.5,
            min_word_count: 3,
        }
    }
}

/// A training document: its sentences' token ranges, gold labels, and the rows (in the
/// feature dictionary) of each token's features.
#[derive(Clone)]
struct Example {
    sentences: Vec<(usize, usize)>,
    gold: Vec<usize>,
    /// Feature rows of token `i`: `rows[offsets[i]..offsets[i + 1]]`.
    rows: Vec<u32>,
    offsets: Vec<usize>,
}

impl Example {
    fn token_rows(&self, i: usize) -> &[u32] {
        &self.rows[self.offsets[i]..self.offsets[i + 1]]
    }

    /// The label scores of the tokens `s..e` under `weights` (a row of `labels` per feature row).
    fn scores<W: Copy>(&self, s: usize, e: usize, labels: usize, weights: &[W], as_f32: impl Fn(W) -> f32) -> Vec<f32> {
        let mut scores = vec![0.0f32; (e - s) * labels];
        for i in s..e {
            let token_scores = &mut scores[(i - s) * labels..(i - s + 1) * labels];
            for &row in self.token_rows(i) {
                let at = row as usize * labels;
                if let Some(row_weights) = weights.get(at..at + labels) {
                    for (score, &w) in token_scores.iter_mut().zip(row_weights) {
                        *score += as_f32(w);
                    }
                }
            }
        }
        scores
    }

    /// The example with more feature rows for each token.
    fn with(&self, more: &[Vec<u32>]) -> Example {
        let mut rows = Vec::with_capacity(self.rows.len() + more.iter().map(Vec::len).sum::<usize>());
        let mut offsets = vec![0];
        for (i, extra) in more.iter().enumerate() {
            rows.extend_from_slice(self.token_rows(i));
            rows.extend_from_slice(extra);
            offsets.push(rows.len());
        }
        Example { sentences: self.sentences.clone(), gold: self.gold.clone(), rows, offsets }
    }
}

/// Feature keys and their rows.
#[derive(Default)]
struct Dictionary {
    index: FxHashMap<u64, u32>,
    keys: Vec<u64>,
}

impl Dictionary {
    fn row(&mut self, key: u64) -> u32 {
        if let Some(&row) = self.index.get(&key) {
            return row;
        }
        let row = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        self.index.insert(key, row);
        self.keys.push(key);
        row
    }
}

/// Dense weights over dictionary rows, with transition and end scores.
struct Dense {
    weights: Vec<f32>,
    transitions: Vec<f32>,
    ends: Vec<f32>,
}

impl Dense {
    /// The mean of several weight sets of one shape.
    fn mean(mut all: Vec<Dense>) -> Dense {
        let Some(mut sum) = all.pop() else {
            return Dense { weights: Vec::new(), transitions: Vec::new(), ends: Vec::new() };
        };
        let n = all.len() + 1;
        for other in all {
            for (a, b) in [
                (&mut sum.weights, &other.weights),
                (&mut sum.transitions, &other.transitions),
                (&mut sum.ends, &other.ends),
            ] {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
            }
        }
        #[allow(clippy::cast_possible_truncation)]
        let scale = 1.0 / n as f32;
        for x in sum.weights.iter_mut().chain(&mut sum.transitions).chain(&mut sum.ends) {
            *x *= scale;
        }
        sum
    }

    /// The best labels of the example's sentence `s..e`.
    fn decode(&self, scheme: Scheme, example: &Example, s: usize, e: usize) -> Vec<usize> {
        let scores = example.scores(s, e, scheme.labels(), &self.weights, |w| w);
        viterbi(scheme, &scores, &self.transitions, &self.ends)
    }

    /// Names of a whole example: token ranges and type indices.
    fn names(&self, scheme: Scheme, example: &Example) -> Vec<(usize, usize, usize)> {
        let mut names = Vec::new();
        for &(s, e) in &example.sentences {
            let labels = self.decode(scheme, example, s, e);
            names.extend(scheme.decode(&labels).into_iter().map(|(a, b, k)| (s + a, s + b, k)));
        }
        names
    }

    /// The weights of the rows that have any beyond `prune`, keyed by feature.
    fn to_weights(&self, labels: usize, dictionary: &Dictionary, prune: f32) -> Weights {
        let mut keys = Vec::new();
        let mut values = Vec::new();
        for (row, &key) in dictionary.keys.iter().enumerate() {
            let Some(w) = self.weights.get(row * labels..(row + 1) * labels) else { break };
            if w.iter().any(|x| x.abs() > prune) {
                keys.push(key);
                values.extend_from_slice(w);
            }
        }
        Weights::quantized(keys, &values, self.transitions.clone(), self.ends.clone())
    }
}

/// Weights being learned, with the sums for averaging.
struct Perceptron {
    labels: usize,
    weights: Vec<f64>,
    /// Sum of `step × update`, for the average (`weights - sums / step`).
    sums: Vec<f64>,
    transitions: Vec<f64>,
    transition_sums: Vec<f64>,
    ends: Vec<f64>,
    end_sums: Vec<f64>,
    step: f64,
}

impl Perceptron {
    fn new(labels: usize, rows: usize) -> Self {
        Perceptron {
            labels,
            weights: vec![0.0; rows * labels],
            sums: vec![0.0; rows * labels],
            transitions: vec![0.0; (labels + 1) * labels],
            transition_sums: vec![0.0; (labels + 1) * labels],
            ends: vec![0.0; labels],
            end_sums: vec![0.0; labels],
            step: 1.0,
        }
    }

    fn update_rows(&mut self, rows: &[u32], label: usize, delta: f64) {
        for &row in rows {
            let at = row as usize * self.labels + label;
            self.weights[at] += delta;
            self.sums[at] += self.step * delta;
        }
    }

    fn update_transition(&mut self, prev: Option<usize>, label: usize, delta: f64) {
        let at = prev.map_or(0, |p| p + 1) * self.labels + label;
        self.transitions[at] += delta;
        self.transition_sums[at] += self.step * delta;
    }

    fn update_end(&mut self, label: usize, delta: f64) {
        self.ends[label] += delta;
        self.end_sums[label] += self.step * delta;
    }

    /// The averaged weights.
    fn averaged(&self) -> Dense {
        #[allow(clippy::cast_possible_truncation)]
        let average = |w: &[f64], s: &[f64]| w.iter().zip(s).map(|(w, s)| (w - s / self.step) as f32).collect();
        Dense {
            weights: average(&self.weights, &self.sums),
            transitions: average(&self.transitions, &self.transition_sums),
            ends: average(&self.ends, &self.end_sums),
        }
    }

    /// One pass over `examples` in the order given, updating on every sentence tagged wrong.
    fn epoch(&mut self, scheme: Scheme, examples: &[&Example]) {
        for example in examples {
            for &(s, e) in &example.sentences {
                let predicted = self.decode(scheme, example, s, e);
                let gold = &example.gold[s..e];
                if predicted != gold {
                    for i in s..e {
                        let (g, p) = (gold[i - s], predicted[i - s]);
                        let (gp, pp) =
                            if i > s { (Some(gold[i - s - 1]), Some(predicted[i - s - 1])) } else { (None, None) };
                        if g != p {
                            self.update_rows(example.token_rows(i), g, 1.0);
                            self.update_rows(example.token_rows(i), p, -1.0);
                        }
                        if (gp, g) != (pp, p) {
                            self.update_transition(gp, g, 1.0);
                            self.update_transition(pp, p, -1.0);
                        }
                    }
                    let (g, p) = (gold[e - s - 1], predicted[e - s - 1]);
                    if g != p {
                        self.update_end(g, 1.0);
                        self.update_end(p, -1.0);
                    }
                }
                self.step += 1.0;
            }
        }
    }

    fn decode(&self, scheme: Scheme, example: &Example, s: usize, e: usize) -> Vec<usize> {
        // Scores are sums of counts far inside f32's exact range; decoding with the current
        // weights as f32 is exact enough.
        #[allow(clippy::cast_possible_truncation)]
        let narrow = |w: f64| w as f32;
        let scores = example.scores(s, e, self.labels, &self.weights, narrow);
        let transitions: Vec<f32> = self.transitions.iter().map(|&w| narrow(w)).collect();
        let ends: Vec<f32> = self.ends.iter().map(|&w| narrow(w)).collect();
        viterbi(scheme, &scores, &transitions, &ends)
    }
}

/// A small seeded generator (SplitMix64) for the shuffle.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = usize::try_from(self.next() % (i as u64 + 1)).unwrap_or(0);
            items.swap(i, j);
        }
    }
}

fn kind_index(kind: EntityKind) -> usize {
    KINDS.iter().position(|&k| k == kind).unwrap_or(3)
}

/// Gazetteer of the names in `documents` (those for which `take` holds).
fn gazetteer_of(documents: &[ConllDocument], take: impl Fn(usize) -> bool) -> Gazetteer {
    let mut gazetteer = Gazetteer::default();
    for (d, document) in documents.iter().enumerate() {
        if !take(d) {
            continue;
        }
        for sentence in &document.sentences {
            for &(s, e, kind) in &sentence.entities {
                let words: Vec<String> =
                    sentence.tokens[s..e].iter().map(|t| super::features::lower_form(&normal_form(t))).collect();
                let kind = u8::try_from(kind_index(kind)).unwrap_or(3);
                gazetteer.add(words.iter().map(String::as_str), kind);
            }
        }
    }
    gazetteer
}

/// Trains one stage for `epochs` passes over `examples`, as `runs` perceptrons that see the
/// examples in different orders (each shuffled anew each pass) and whose averaged weights are
/// averaged (which lessens how much the result depends on the order); calls `after_epoch` with
/// the weights after each pass.
fn learn(
    scheme: Scheme,
    rows: usize,
    examples: &[&Example],
    options: &TrainOptions,
    mut after_epoch: impl FnMut(usize, &Dense),
) -> Dense {
    let runs = options.runs.max(1);
    let mut perceptrons: Vec<Perceptron> = (0..runs).map(|_| Perceptron::new(scheme.labels(), rows)).collect();
    let mut orders: Vec<Vec<&Example>> = vec![examples.to_vec(); runs];
    let mut randoms: Vec<SplitMix> = (0..runs as u64).map(|r| SplitMix(options.seed.wrapping_add(r))).collect();
    let mut last = None;
    for epoch in 1..=options.epochs {
        for ((perceptron, order), random) in perceptrons.iter_mut().zip(&mut orders).zip(&mut randoms) {
            random.shuffle(order);
            perceptron.epoch(scheme, order);
        }
        let dense = Dense::mean(perceptrons.iter().map(Perceptron::averaged).collect());
        after_epoch(epoch, &dense);
        last = Some(dense);
    }
    last.unwrap_or_else(|| Dense::mean(perceptrons.iter().map(Perceptron::averaged).collect()))
}

/// The words of `documents` seen at least `min_count` times (every word when `min_count` is at
/// most 1).
fn vocabulary_of(documents: &[ConllDocument], min_count: u32) -> Vocabulary {
    if min_count <= 1 {
        return Vocabulary::default();
    }
    let mut counts: FxHashMap<String, u32> = FxHashMap::default();
    for token in documents.iter().flat_map(|d| &d.sentences).flat_map(|s| &s.tokens) {
        *counts.entry(super::features::lower_form(&normal_form(token))).or_default() += 1;
    }
    Vocabulary {
        words: counts.into_iter().filter(|&(_, n)| n >= min_count).map(|(w, _)| std::borrow::Cow::Owned(w)).collect(),
    }
}

/// A training document's features (as dictionary rows, the dictionary growing) and gold labels.
fn prepare(
    document: &ConllDocument,
    scheme: Scheme,
    features: FeatureSet,
    clusters: &Clusters,
    gazetteer: &Gazetteer,
    vocabulary: &Vocabulary,
    dictionary: &mut Dictionary,
) -> (Document, Example) {
    // Document::new leaves out empty sentences; so do the gold labels.
    let sentences: Vec<&ConllSentence> = document.sentences.iter().filter(|s| !s.tokens.is_empty()).collect();
    let forms: Vec<Vec<String>> =
        sentences.iter().map(|s| s.tokens.iter().map(|t| normal_form(t).into_owned()).collect()).collect();
    let doc = Document::new(forms.iter().map(|s| s.iter().map(String::as_str)), vocabulary);
    let mut example =
        Example { sentences: doc.sentences().to_vec(), gold: Vec::new(), rows: Vec::new(), offsets: vec![0] };
    let mut token_keys = Vec::new();
    for (n, sentence) in sentences.iter().enumerate() {
        let spans: Vec<(usize, usize, usize)> =
            sentence.entities.iter().map(|&(s, e, k)| (s, e, kind_index(k))).collect();
        example.gold.extend(scheme.encode(&spans, sentence.tokens.len()));
        doc.features(n, features, clusters, gazetteer, &mut token_keys);
        for keys in &token_keys {
            example.rows.extend(keys.iter().map(|&k| dictionary.row(k)));
            example.offsets.push(example.rows.len());
        }
    }
    (doc, example)
}

/// Trains a recognizer on `documents` with `clusters`, calling `after_epoch` with the model
/// after every pass of the last stage (to follow its score on development data).
///
/// The first stage is trained on all documents; with two stages, it is also trained on all
/// folds but one, for each fold, to label that fold's documents as it would unseen text, and
/// the second stage learns from those labels.
pub fn train(
    documents: &[ConllDocument],
    clusters: &Clusters,
    options: &TrainOptions,
    mut after_epoch: impl FnMut(usize, &Recognizer),
) -> Recognizer {
    let scheme = options.scheme;
    let labels = scheme.labels();
    let features = FeatureSet {
        wide_window: options.wide_window,
        clusters: !clusters.is_empty(),
        gazetteer: options.gazetteer,
        doc_case: options.doc_case,
        two_stage: options.two_stage,
    };
    let folds = options.folds.max(2);
    let fold_of = |d: usize| d % folds;
    let fold_gazetteers: Vec<Gazetteer> = (0..folds)
        .map(|k| if options.gazetteer { gazetteer_of(documents, |d| fold_of(d) != k) } else { Gazetteer::default() })
        .collect();
    let gazetteer = if options.gazetteer { gazetteer_of(documents, |_| true) } else { Gazetteer::default() };

    // Some headlines in headline style, chosen by a seeded hash of their place.
    let documents: Vec<ConllDocument> = documents
        .iter()
        .enumerate()
        .map(|(d, document)| {
            title_case_headlines(document, |n| {
                let draw = SplitMix(options.seed ^ ((d as u64) << 32) ^ n as u64).next();
                ((draw >> 11) as f64 / (1u64 << 53) as f64) < options.title_case
            })
        })
        .collect();
    let vocabulary = vocabulary_of(&documents, options.min_word_count);
    let mut dictionary = Dictionary::default();
    let (docs, examples): (Vec<Document>, Vec<Example>) = documents
        .iter()
        .enumerate()
        .map(|(d, document)| {
            prepare(document, scheme, features, clusters, &fold_gazetteers[fold_of(d)], &vocabulary, &mut dictionary)
        })
        .unzip();
    let all: Vec<&Example> = examples.iter().collect();
    let recognizer = |first: &Dense, second: Option<(&Dense, &Dictionary)>, prune: f32| {
        Recognizer::new(
            scheme,
            features,
            first.to_weights(labels, &dictionary, prune),
            second.map(|(dense, dictionary)| dense.to_weights(labels, dictionary, prune)),
            clusters.clone(),
            gazetteer.clone(),
            vocabulary.clone(),
        )
    };
    if !options.two_stage {
        let first = learn(scheme, dictionary.keys.len(), &all, options, |epoch, dense| {
            after_epoch(epoch, &recognizer(dense, None, 0.0));
        });
        return recognizer(&first, None, options.prune);
    }
    let first = learn(scheme, dictionary.keys.len(), &all, options, |_, _| {});
    // The first stage's names in each fold, from a first stage that has not seen the fold.
    let mut names = vec![Vec::new(); examples.len()];
    for k in 0..folds {
        let others: Vec<&Example> =
            examples.iter().enumerate().filter(|(d, _)| fold_of(*d) != k).map(|(_, e)| e).collect();
        let held_out = learn(scheme, dictionary.keys.len(), &others, options, |_, _| {});
        for (d, example) in examples.iter().enumerate().filter(|(d, _)| fold_of(*d) == k) {
            names[d] = held_out.names(scheme, example);
        }
    }
    let mut second_dictionary = Dictionary { index: dictionary.index.clone(), keys: dictionary.keys.clone() };
    let second_examples: Vec<Example> = examples
        .iter()
        .zip(&docs)
        .zip(&names)
        .map(|((example, doc), names)| {
            let more: Vec<Vec<u32>> = doc
                .aggregate(names)
                .iter()
                .map(|keys| keys.iter().map(|&k| second_dictionary.row(k)).collect())
                .collect();
            example.with(&more)
        })
        .collect();
    let second_all: Vec<&Example> = second_examples.iter().collect();
    let second = learn(scheme, second_dictionary.keys.len(), &second_all, options, |epoch, dense| {
        after_epoch(epoch, &recognizer(&first, Some((dense, &second_dictionary)), 0.0));
    });
    recognizer(&first, Some((&second, &second_dictionary)), options.prune)
}

/// Counts of an exact span-and-type evaluation, as conlleval and `score_ner.py` count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted names with the gold span and type.
    pub correct: usize,
    /// Predicted names.
    pub predicted: usize,
    /// Gold names.
    pub gold: usize,
}

impl Counts {
    /// Precision, recall and F1.
    pub fn scores(self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (ratio(self.correct, self.predicted), ratio(self.correct, self.gold));
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    }

    /// F1.
    pub fn f1(self) -> f64 {
        self.scores().2
    }
}

impl std::ops::Add for Counts {
    type Output = Counts;

    fn add(self, other: Counts) -> Counts {
        Counts {
            correct: self.correct + other.correct,
            predicted: self.predicted + other.predicted,
            gold: self.gold + other.gold,
        }
    }
}

/// Scores the recognizer on one CoNLL document the way `score_ner.py score` does: the
/// document's text as `score_ner.py texts` writes it goes through
/// [`Recognizer::find_entities`], and a predicted name counts as correct when its byte span
/// (trimmed of white space) starts at a gold name's first token and ends at its last, with the
/// same type.
pub fn evaluate(recognizer: &Recognizer, document: &ConllDocument) -> Counts {
    let text = document.text();
    let mut starts = FxHashMap::default();
    let mut ends = FxHashMap::default();
    let mut gold = std::collections::HashSet::new();
    let (mut at, mut base) = (0, 0);
    for (n, sentence) in document.sentences.iter().enumerate() {
        at += usize::from(n > 0);
        for (i, token) in sentence.tokens.iter().enumerate() {
            at += usize::from(i > 0);
            starts.insert(at, base + i);
            at += token.len();
            ends.insert(at, base + i + 1);
        }
        gold.extend(sentence.entities.iter().map(|&(s, e, k)| (base + s, base + e, k)));
        base += sentence.tokens.len();
    }
    let mut predicted = std::collections::HashSet::new();
    let mut off_boundary = 0;
    for mention in recognizer.find_entities(&text) {
        let span = &text[mention.start..mention.end];
        let start = mention.start + (span.len() - span.trim_start().len());
        let end = mention.end - (span.len() - span.trim_end().len());
        match (starts.get(&start), ends.get(&end)) {
            (Some(&s), Some(&e)) if s < e => {
                predicted.insert((s, e, mention.kind));
            }
            _ => off_boundary += 1,
        }
    }
    Counts {
        correct: predicted.intersection(&gold).count(),
        predicted: predicted.len() + off_boundary,
        gold: gold.len(),
    }
}

/// Which half of a development set a document falls in (0 or 1), by a hash of its id (as
/// `score_ner.py` names documents: `d0001`, `d0002`, ...): one half to tune on, one to check.
pub fn dev_half(id: &str) -> usize {
    // FNV's high bits are poorly mixed for short keys; SplitMix mixes them.
    usize::from(SplitMix(super::features::Key::new(b'H').str(id).finish()).next() >> 63 == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n\n\
                          Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nI-PER NNP I-NP B-PER\n\n\
                          -DOCSTART- -X- O O\n\nBRUSSELS NNP I-NP I-LOC\n";

    #[test]
    fn conll_documents_sentences_and_iob1_chunks() {
        let documents = parse_conll(SAMPLE);
        assert_eq!(documents.len(), 2);
        let first = &documents[0].sentences;
        assert_eq!(first[0].entities, [(0, 1, EntityKind::Organization), (2, 3, EntityKind::Other)]);
        assert_eq!(first[1].entities, [(0, 2, EntityKind::Person), (2, 3, EntityKind::Person)]);
        assert_eq!(documents[1].sentences[0].entities, [(0, 1, EntityKind::Place)]);
        assert_eq!(documents[0].text(), "EU rejects German call\nPeter Blackburn I-PER");
    }

    #[test]
    fn training_learns_a_tiny_corpus() {
        let mut text = String::new();
        for (name, place) in [("Smith", "Paris"), ("Jones", "Rome"), ("Brown", "Oslo"), ("Green", "Lima")] {
            for line in [("Mr", "O"), (name, "I-PER"), ("went", "O"), ("to", "O"), (place, "I-LOC"), (".", "O")] {
                text.push_str(&[line.0, "X", "O", line.1, "\n"].join(" "));
            }
            text.push_str("\n-DOCSTART- -X- O O\n");
        }
        let documents = parse_conll(&text);
        let options = TrainOptions { epochs: 5, gazetteer: false, ..TrainOptions::default() };
        let model = train(&documents, &Clusters::default(), &options, |_, _| {});
        let text = "Mr White went to Riga .";
        let found: Vec<(&str, EntityKind)> =
            model.find_entities(text).iter().map(|m| (&text[m.start..m.end], m.kind)).collect();
        assert_eq!(found, [("White", EntityKind::Person), ("Riga", EntityKind::Place)]);
        let read = Recognizer::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(read.find_entities(text), model.find_entities(text));
        let counts = evaluate(&model, &parse_conll("Mr NNP O O\nWhite NNP O I-PER\nin IN O O\nRiga NNP O I-ORG\n")[0]);
        assert_eq!(counts, Counts { correct: 1, predicted: 2, gold: 2 });
        assert!((counts.f1() - 0.5).abs() < 1e-9);
    }

    #[test]
    fn capital_headlines_in_headline_style() {
        let documents = parse_conll(
            "SOCCER NN O O\n- : O O\nJAPAN NNP O I-LOC\nBEAT VB O O\nTHE DT O O\nUSA NNP O I-LOC\n\n\
             Japan NNP O I-LOC\nbeat VB O O\nthe DT O O\nUSA NNP O I-LOC\n.\n",
        );
        let titled = title_case_headlines(&documents[0], |_| true);
        assert_eq!(titled.sentences[0].tokens.join(" "), "Soccer - Japan Beat the USA");
        assert_eq!(titled.sentences[0].entities, documents[0].sentences[0].entities);
        assert_eq!(title_case_headlines(&documents[0], |_| false), documents[0]);
    }

    #[test]
    fn dev_halves_split_documents_about_evenly() {
        let first = (1..=216).filter(|n| dev_half(&format!("d{n:04}")) == 0).count();
        assert_eq!(first, 114);
    }
}
