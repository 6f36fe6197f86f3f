//! The recognizer's model: label scheme, two stages of weights, clusters and gazetteer; tagging
//! a document with it (Viterbi decoding sentence by sentence; the second stage reads what the
//! first found across the whole document); and its file format.
//!
//! File format (version 2), all numbers little-endian, not compressed (so that reading it is
//! a copy, not an inflate, and the shipped model's weights are read in place): the 8-byte
//! header `NBNER` + version (u8) + 2 zero bytes; scheme (u8), feature set (u32), labels L (u32);
//! cluster levels (u32), words (u32), each word as length (u16), UTF-8 bytes and its level ids
//! (u16 each); gazetteer entries (u32), longest name (u32), each as key (u64) and types (u8);
//! vocabulary words (u32), each as length (u16) and UTF-8 bytes; stages S (u32), each as
//! transitions (L + 1 rows of L f32, the first row from the sentence start), end scores (L f32)
//! and weight scale (f32); features (u32), slots (u32); then the feature table (see
//! `FeatureTable`): the slots, then per feature its key, stages and S × L weights (i16).

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::features::{lower_key, Document, FeatureSet, Part};
use super::lexicon::{Clusters, Gazetteer, Vocabulary};
use crate::mention::EntityKind;

/// The file format's version.
const VERSION: u8 = 2;
/// The file's first bytes.
const MAGIC: &[u8; 5] = b"NBNER";

/// Entity types in label order.
pub(crate) const KINDS: [EntityKind; 4] =
    [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Other];

/// How entity spans are spelled as token labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Begin, inside, outside (9 labels).
    Bio,
    /// Begin, inside, last, outside, unit (17 labels).
    Bilou,
}

impl Scheme {
    /// Number of labels; label 0 is outside.
    pub(crate) fn labels(self) -> usize {
        match self {
            Scheme::Bio => 9,
            Scheme::Bilou => 17,
        }
    }

    fn width(self) -> usize {
        match self {
            Scheme::Bio => 2,
            Scheme::Bilou => 4,
        }
    }

    /// The entity type index of a label (0 person .. 3 other), `None` for outside.
    pub(crate) fn kind(self, label: usize) -> Option<usize> {
        (label > 0).then(|| (label - 1) / self.width())
    }

    /// The label's role: 0 begin, 1 inside, 2 last, 3 unit (BIO has only 0 and 1).
    fn role(self, label: usize) -> usize {
        (label - 1) % self.width()
    }

    fn label(self, kind: usize, role: usize) -> usize {
        1 + kind * self.width() + role
    }

    /// Whether `next` may follow `prev` (`None`: the sentence start).
    pub(crate) fn allowed(self, prev: Option<usize>, next: usize) -> bool {
        let open = prev.filter(|&p| p > 0).and_then(|p| match (self, self.role(p)) {
            (Scheme::Bilou, 0 | 1) => Some(self.kind(p)),
            _ => None,
        });
        let continues = next > 0 && self.role(next) == 1 || (self == Scheme::Bilou && next > 0 && self.role(next) == 2);
        match self {
            Scheme::Bilou => match open {
                Some(kind) => continues && self.kind(next) == kind,
                None => !continues,
            },
            Scheme::Bio => !continues || prev.is_some_and(|p| p > 0 && self.kind(p) == self.kind(next)),
        }
    }

    /// Whether a sentence may end on `last`.
    pub(crate) fn may_end(self, last: usize) -> bool {
        self == Scheme::Bio || last == 0 || self.role(last) >= 2
    }

    /// Token labels for entity spans `(start, end, kind)` over `len` tokens.
    pub(crate) fn encode(self, spans: &[(usize, usize, usize)], len: usize) -> Vec<usize> {
        let mut labels = vec![0; len];
        for &(start, end, kind) in spans {
            for (i, label) in labels.iter_mut().enumerate().take(end).skip(start) {
                let role = match self {
                    Scheme::Bio => usize::from(i > start),
                    Scheme::Bilou if end - start == 1 => 3,
                    Scheme::Bilou if i == start => 0,
                    Scheme::Bilou if i + 1 == end => 2,
                    Scheme::Bilou => 1,
                };
                *label = self.label(kind, role);
            }
        }
        labels
    }

    /// Entity spans `(start, end, kind)` of a label sequence.
    pub(crate) fn decode(self, labels: &[usize]) -> Vec<(usize, usize, usize)> {
        let mut spans = Vec::new();
        let mut open: Option<(usize, usize)> = None;
        for (i, &label) in labels.iter().enumerate() {
            let kind = self.kind(label);
            let continues = kind.is_some() && self.role(label) != 0 && self.role(label) != 3;
            if let Some((start, k)) = open {
                if !(continues && kind == Some(k)) {
                    spans.push((start, i, k));
                    open = None;
                }
            }
            if let Some(k) = kind {
                if open.is_none() {
                    open = Some((i, k));
                }
            }
        }
        if let Some((start, k)) = open {
            spans.push((start, labels.len(), k));
        }
        spans
    }
}

/// One stage's weights, as training gives them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    /// The feature key of each row of `values`.
    keys: Vec<u64>,
    /// Row after row, one weight per label, in units of `scale`.
    values: Vec<i16>,
    scale: f32,
    /// `labels + 1` rows of `labels`: from the start (row 0) or from label `p` (row `p + 1`).
    transitions: Vec<f32>,
    /// Score of ending a sentence on each label.
    ends: Vec<f32>,
}

impl Weights {
    /// Zero weights and no features.
    fn empty(labels: usize) -> Self {
        Weights::quantized(Vec::new(), &[], vec![0.0; (labels + 1) * labels], vec![0.0; labels])
    }

    /// Weights with the rows `values` (one per key) rounded to 16 bits (which keeps the table
    /// small enough to stay in cache).
    pub(crate) fn quantized(keys: Vec<u64>, values: &[f32], transitions: Vec<f32>, ends: Vec<f32>) -> Self {
        let largest = values.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 { largest / f32::from(i16::MAX) } else { 1.0 };
        let values = values
            .iter()
            .map(|&w| {
                // Rounded into i16's range by construction of the scale.
                #[allow(clippy::cast_possible_truncation)]
                let q = (w / scale).round().clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16;
                q
            })
            .collect();
        Weights { keys, values, scale, transitions, ends }
    }
}

/// A stage's scores besides its feature weights.
#[derive(Debug, Clone)]
struct Stage {
    /// The unit of the stage's feature weights.
    scale: f32,
    /// As [`Weights::transitions`].
    transitions: Vec<f32>,
    /// As [`Weights::ends`].
    ends: Vec<f32>,
    /// The same, with the moves the scheme forbids ruled out, for decoding.
    masked: Masked,
}

/// The feature weights of every stage, as the model file holds them (and read in place from
/// the shipped model, not copied): an open-addressing table of slots, then a record per feature
/// key holding the key and each stage's weights side by side (zeros where a stage lacks the
/// feature), so that one lookup and one contiguous read serve both stages. A slot holds 32 bits
/// of the key and the record's number, so that the slots are small (and stay in cache) and a
/// found key costs one more read, of its record.
///
/// Layout, numbers little-endian: slots (a power of two of them, at least one empty), each
/// the key's low 32 bits (u32) and the record (u32; `u32::MAX`: empty); then the records in
/// key order, each the key (u64), a bit per stage that has the feature (u8) and the weights
/// (labels × stages i16, in units of each stage's scale).
#[derive(Debug, Clone)]
struct FeatureTable {
    /// Weights per record: labels × stages.
    width: usize,
    /// Number of records.
    records: usize,
    /// Number of slots, a power of two.
    slots: usize,
    /// 64 less the base-2 logarithm of the number of slots.
    shift: u32,
    /// The slots, then the records.
    bytes: Cow<'static, [u8]>,
}

/// Bytes of a slot of [`FeatureTable`].
const SLOT: usize = 8;
/// Bytes of a record of [`FeatureTable`] before its weights.
const RECORD_HEAD: usize = 9;

impl FeatureTable {
    /// A table over `bytes` laid out as described, of `slots` slots (a power of two, at least
    /// 2) and `records` records of `width` weights; `None` when the sizes do not fit.
    fn new(width: usize, slots: usize, records: usize, bytes: Cow<'static, [u8]>) -> Option<Self> {
        let size = slots.checked_mul(SLOT)?.checked_add(records.checked_mul(RECORD_HEAD + 2 * width)?)?;
        (slots.is_power_of_two() && slots >= 2 && records < slots && bytes.len() == size).then(|| FeatureTable {
            width,
            records,
            slots,
            shift: 64 - slots.trailing_zeros(),
            bytes,
        })
    }

    /// The table of the stages' weights.
    fn of(labels: usize, stages: &[&Weights]) -> Self {
        // Every key with the stage and row it comes from, in key order (then stage order).
        let mut all: Vec<(u64, usize, usize)> = stages
            .iter()
            .enumerate()
            .flat_map(|(stage, weights)| weights.keys.iter().enumerate().map(move |(row, &key)| (key, stage, row)))
            .collect();
        all.sort_unstable();
        let width = labels * stages.len();
        let mut keys: Vec<(u64, u8)> = Vec::new();
        let mut rows: Vec<i16> = Vec::new();
        for (key, stage, row) in all {
            if keys.last().is_none_or(|&(last, _)| last != key) {
                keys.push((key, 0));
                rows.resize(rows.len() + width, 0);
            }
            let Some(values) = stages[stage].values.get(row * labels..(row + 1) * labels) else { continue };
            let at = rows.len() - width + stage * labels;
            rows[at..at + labels].copy_from_slice(values);
            if let Some(last) = keys.last_mut() {
                last.1 |= 1 << stage;
            }
        }
        // At most two thirds full (and at least half empty when the count is a power of two).
        let slots = (keys.len() + keys.len() / 2 + 1).next_power_of_two().max(2);
        let shift = 64 - slots.trailing_zeros();
        let mut slot_rows = vec![(0u32, u32::MAX); slots];
        for (record, &(key, _)) in keys.iter().enumerate() {
            let mut at = home(key, shift);
            while slot_rows[at].1 != u32::MAX {
                at = (at + 1) & (slots - 1);
            }
            slot_rows[at] = (check(key), u32::try_from(record).unwrap_or(u32::MAX));
        }
        let mut bytes = Vec::with_capacity(slots * SLOT + keys.len() * (RECORD_HEAD + 2 * width));
        for (check, record) in slot_rows {
            bytes.extend_from_slice(&check.to_le_bytes());
            bytes.extend_from_slice(&record.to_le_bytes());
        }
        for (&(key, stages), weights) in keys.iter().zip(rows.chunks_exact(width.max(1))) {
            bytes.extend_from_slice(&key.to_le_bytes());
            bytes.push(stages);
            for weight in weights {
                bytes.extend_from_slice(&weight.to_le_bytes());
            }
        }
        let records = keys.len();
        FeatureTable { width, records, slots, shift, bytes: Cow::Owned(bytes) }
    }

    /// The weights of a feature key (`width` little-endian i16).
    #[inline]
    fn get(&self, key: u64) -> Option<&[u8]> {
        let mut at = home(key, self.shift);
        // At most once round the slots (a damaged table might have no empty one).
        for _ in 0..self.slots {
            let record = self.slot_record(at)?;
            if self.slot_check(at) == check(key) {
                if let Some(weights) = self.weights_of(record, key) {
                    return Some(weights);
                }
            }
            at = (at + 1) & (self.slots - 1);
        }
        None
    }

    /// The record of slot `at`, `None` when the slot is empty.
    #[inline]
    fn slot_record(&self, at: usize) -> Option<u32> {
        let bytes = self.bytes.get(at * SLOT + 4..at * SLOT + 8)?;
        let record = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        (record != u32::MAX).then_some(record)
    }

    /// The key bits slot `at` holds.
    #[inline]
    fn slot_check(&self, at: usize) -> u32 {
        self.bytes.get(at * SLOT..at * SLOT + 4).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Adds the weights of each key of the batch to the sums at its place, and empties the
    /// batch. The slots of all keys are read first, then the records: reads that do not wait
    /// for one another, so that the processor overlaps their cache misses.
    fn add_batch(&self, batch: &mut Batch, sums: &mut [i32]) {
        batch.records.clear();
        batch.records.extend(batch.keys.iter().map(|&key| self.candidate(key)));
        for ((&key, &at), &record) in batch.keys.iter().zip(&batch.places).zip(&batch.records) {
            let Some(record) = record else { continue };
            // A record whose key differs (32 bits alike) sends the key through the whole search.
            let weights = self.weights_of(record, key).or_else(|| self.get(key));
            if let (Some(weights), Some(sums)) = (weights, sums.get_mut(at..at + self.width)) {
                add(sums, weights);
            }
        }
        batch.keys.clear();
        batch.places.clear();
    }

    /// The record of the first slot on the key's path that holds its low 32 bits (`None`:
    /// none, so the key has no record).
    #[inline]
    fn candidate(&self, key: u64) -> Option<u32> {
        let mut at = home(key, self.shift);
        for _ in 0..self.slots {
            let record = self.slot_record(at)?;
            if self.slot_check(at) == check(key) {
                return Some(record);
            }
            at = (at + 1) & (self.slots - 1);
        }
        None
    }

    /// The weights of record `record` if its key is `key`.
    #[inline]
    fn weights_of(&self, record: u32, key: u64) -> Option<&[u8]> {
        let size = RECORD_HEAD + 2 * self.width;
        let start = self.slots * SLOT + record as usize * size;
        let bytes = self.bytes.get(start..start + size)?;
        let found =
            u64::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]]);
        (found == key).then(|| &bytes[RECORD_HEAD..])
    }

    /// Number of features of each stage, summed.
    fn feature_count(&self) -> usize {
        let size = RECORD_HEAD + 2 * self.width;
        (0..self.records)
            .filter_map(|r| self.bytes.get(self.slots * SLOT + r * size + 8))
            .map(|stages| stages.count_ones() as usize)
            .sum()
    }
}

/// The slot where a key's search begins, in a table of `64 - shift` bits of slots.
fn home(key: u64, shift: u32) -> usize {
    // Fibonacci hashing: the top bits of the key times 2^64 / φ.
    #[allow(clippy::cast_possible_truncation)]
    let at = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize;
    at
}

/// Feature keys to look up, each with the place of its token's sums.
#[derive(Default)]
struct Batch {
    keys: Vec<u64>,
    places: Vec<usize>,
    /// The keys' candidate records, while they are looked up.
    records: Vec<Option<u32>>,
}

impl Batch {
    fn push(&mut self, key: u64, place: usize) {
        self.keys.push(key);
        self.places.push(place);
    }
}

/// The 32 bits of a feature key that its slot holds.
fn check(key: u64) -> u32 {
    // The low bits; the slot's place comes from the high ones.
    #[allow(clippy::cast_possible_truncation)]
    let low = key as u32;
    low
}

/// Adds sums of weights to scores.
#[inline]
fn add32(scores: &mut [i32], sums: &[i32]) {
    for (score, &sum) in scores.iter_mut().zip(sums) {
        *score += sum;
    }
}

/// Adds weights (little-endian i16) to scores.
#[inline]
fn add(scores: &mut [i32], weights: &[u8]) {
    for (score, weight) in scores.iter_mut().zip(weights.chunks_exact(2)) {
        *score += i32::from(i16::from_le_bytes([weight[0], weight[1]]));
    }
}

/// A trained named-entity recognizer.
#[derive(Debug, Clone)]
pub struct Recognizer {
    pub(crate) scheme: Scheme,
    pub(crate) features: FeatureSet,
    /// The first stage, on each sentence alone; then the second, which also reads the first
    /// one's labels across the document, if there is one.
    stages: Vec<Stage>,
    /// The weights of both stages.
    table: FeatureTable,
    pub(crate) clusters: Clusters,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) vocabulary: Vocabulary,
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub(crate) String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ModelError {}

impl Recognizer {
    /// A recognizer of these parts.
    pub(crate) fn new(
        scheme: Scheme,
        features: FeatureSet,
        first: Weights,
        second: Option<Weights>,
        clusters: Clusters,
        gazetteer: Gazetteer,
        vocabulary: Vocabulary,
    ) -> Self {
        let weights: Vec<&Weights> = std::iter::once(&first).chain(second.as_ref()).collect();
        let table = FeatureTable::of(scheme.labels(), &weights);
        let stages =
            std::iter::once(first).chain(second).map(|w| Stage::new(scheme, w.scale, w.transitions, w.ends)).collect();
        Recognizer { scheme, features, stages, table, clusters, gazetteer, vocabulary }
    }

    /// A recognizer that finds nothing.
    pub(crate) fn empty() -> Self {
        let scheme = Scheme::Bio;
        let first = Weights::empty(scheme.labels());
        Recognizer::new(
            scheme,
            FeatureSet::ALL,
            first,
            None,
            Clusters::default(),
            Gazetteer::default(),
            Vocabulary::default(),
        )
    }

    /// The word clusters the model reads (to train another model on the same clusters:
    /// [`Clusters::to_text`] writes them as `train_ner --clusters-cache` reads them).
    pub fn clusters(&self) -> &Clusters {
        &self.clusters
    }

    /// Number of weighted features (of both stages).
    pub fn feature_count(&self) -> usize {
        self.table.feature_count()
    }

    /// Names in `doc`: token ranges and type indices, in order.
    pub(crate) fn tag(&self, doc: &Document) -> Vec<(usize, usize, usize)> {
        let labels = self.scheme.labels();
        let width = self.table.width;
        // Per token, the scores of its static features, `labels` per stage, in units of each
        // stage's scale (integers, so that the order of the sums does not matter). The
        // features a token has for its spelling or its neighbours' are summed once per spelling
        // and part, then added to every token they apply to.
        let parts = Part::ALL.len();
        let mut batch = Batch::default();
        for spelling in 0..doc.spelling_count() {
            doc.spelling_features(spelling, self.features, &self.clusters, |part, key| {
                batch.push(key, (spelling * parts + part as usize) * width);
            });
        }
        let mut spelling_sums = vec![0i32; doc.spelling_count() * parts * width];
        self.table.add_batch(&mut batch, &mut spelling_sums);
        // A neighbour past the sentence's edge: its lowercase form's key alone.
        let mut edge_sums = vec![0i32; parts * width];
        for part in Part::ALL {
            if let Some(row) = self.table.get(lower_key(part, None)) {
                let at = part as usize * width;
                add(&mut edge_sums[at..at + width], row);
            }
        }
        let used_parts: &[Part] = if self.features.wide_window { &Part::ALL } else { &Part::ALL[..3] };
        let mut sums = vec![0i32; doc.len() * width];
        for (n, &(s, e)) in doc.sentences().iter().enumerate() {
            for i in s..e {
                let token = &mut sums[i * width..(i + 1) * width];
                for &part in used_parts {
                    // The token whose spelling gives this part of token i's features.
                    let from = i.checked_add_signed(part.offset()).filter(|&j| j >= s && j < e);
                    let at = part as usize * width;
                    match from {
                        Some(j) => {
                            let at = doc.spelling(j) * parts * width + at;
                            add32(token, &spelling_sums[at..at + width]);
                        }
                        None => add32(token, &edge_sums[at..at + width]),
                    }
                }
            }
            doc.token_features(n, self.features, &self.gazetteer, |i, key| batch.push(key, (s + i) * width));
        }
        self.table.add_batch(&mut batch, &mut sums);
        let Some(first) = self.stages.first() else { return Vec::new() };
        let mut names = self.decode(doc, &sums, 0, first);
        let Some(second) = self.stages.get(1) else { return names };
        for (i, token_keys) in doc.aggregate(&names).iter().enumerate() {
            for &key in token_keys {
                if let Some(row) = self.table.get(key) {
                    let at = i * width + labels;
                    add(&mut sums[at..at + labels], &row[2 * labels..]);
                }
            }
        }
        names = self.decode(doc, &sums, 1, second);
        names
    }

    /// The names stage `n` finds, sentence by sentence, from the summed weights of every token.
    fn decode(&self, doc: &Document, sums: &[i32], n: usize, stage: &Stage) -> Vec<(usize, usize, usize)> {
        let labels = self.scheme.labels();
        let width = self.table.width;
        let mut names = Vec::new();
        let mut scores = Vec::new();
        for &(s, e) in doc.sentences() {
            scores.clear();
            for t in s..e {
                let at = t * width + n * labels;
                scores.extend(sums[at..at + labels].iter().map(|&x| x as f32 * stage.scale));
            }
            let path = stage.masked.viterbi(&scores);
            names.extend(self.scheme.decode(&path).into_iter().map(|(a, b, k)| (s + a, s + b, k)));
        }
        names
    }

    /// The model as file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[VERSION, 0, 0]);
        out.push(match self.scheme {
            Scheme::Bio => 0,
            Scheme::Bilou => 1,
        });
        put_u32(&mut out, self.features.to_bits());
        put_len(&mut out, self.scheme.labels());
        put_len(&mut out, self.clusters.levels);
        let words = self.clusters.sorted();
        put_len(&mut out, words.len());
        for (word, ids) in words {
            put_str(&mut out, word);
            for id in ids {
                out.extend_from_slice(&id.to_le_bytes());
            }
        }
        let mut entries: Vec<(u64, u8)> = self.gazetteer.entries.iter().map(|(&k, &v)| (k, v)).collect();
        entries.sort_unstable();
        put_len(&mut out, entries.len());
        put_len(&mut out, self.gazetteer.longest);
        for (key, types) in entries {
            out.extend_from_slice(&key.to_le_bytes());
            out.push(types);
        }
        let mut vocabulary: Vec<&str> = self.vocabulary.words.iter().map(AsRef::as_ref).collect();
        vocabulary.sort_unstable();
        put_len(&mut out, vocabulary.len());
        for word in vocabulary {
            put_str(&mut out, word);
        }
        put_len(&mut out, self.stages.len());
        for stage in &self.stages {
            for &x in stage.transitions.iter().chain(&stage.ends) {
                out.extend_from_slice(&x.to_le_bytes());
            }
            out.extend_from_slice(&stage.scale.to_le_bytes());
        }
        put_len(&mut out, self.table.records);
        put_len(&mut out, self.table.slots);
        out.extend_from_slice(&self.table.bytes);
        out
    }

    /// Reads a model file.
    ///
    /// # Errors
    ///
    /// When the bytes are not a model of this format version, or are cut short or damaged.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        Recognizer::parse(bytes, |word| Cow::Owned(word.to_owned()), |table| Cow::Owned(table.to_vec()))
    }

    /// Reads a model file that lives as long as the program (as `include_bytes!` gives it):
    /// its feature weights are read in place, not copied, so that reading the model costs
    /// little more than its word lists.
    ///
    /// # Errors
    ///
    /// As [`Recognizer::from_bytes`].
    pub fn from_static(bytes: &'static [u8]) -> Result<Self, ModelError> {
        Recognizer::parse(bytes, Cow::Borrowed, Cow::Borrowed)
    }

    /// Reads a model file, keeping its words as `word` gives them and its feature table as
    /// `table` gives it (borrowed from a static file, copied from another).
    fn parse<'a>(
        bytes: &'a [u8],
        word: impl Fn(&'a str) -> Cow<'static, str>,
        table: impl FnOnce(&'a [u8]) -> Cow<'static, [u8]>,
    ) -> Result<Self, ModelError> {
        let err = |m: &str| ModelError(m.to_owned());
        if bytes.len() < 8 || &bytes[..5] != MAGIC {
            return Err(err("not a newsbrief entity model"));
        }
        if bytes[5] != VERSION {
            return Err(ModelError(format!("model format version {} (this build reads {VERSION})", bytes[5])));
        }
        let mut r = Reader { bytes, at: 8 };
        let scheme = match r.u8()? {
            0 => Scheme::Bio,
            1 => Scheme::Bilou,
            _ => return Err(err("unknown label scheme")),
        };
        let features = FeatureSet::from_bits(r.u32()?);
        let labels = r.len()?;
        if labels != scheme.labels() {
            return Err(err("label count does not fit the scheme"));
        }
        let levels = r.len()?;
        let word_count = r.len()?;
        let mut clusters = Clusters::with_capacity(levels, word_count.min(1 << 20));
        let mut ids = Vec::with_capacity(levels.min(64));
        for _ in 0..word_count {
            let word = word(r.str()?);
            ids.clear();
            for _ in 0..levels {
                ids.push(r.u16()?);
            }
            clusters.insert(word, &ids);
        }
        let entry_count = r.len()?;
        let longest = r.len()?;
        let mut gazetteer = Gazetteer { entries: FxHashMap::default(), longest };
        gazetteer.entries.reserve(entry_count.min(1 << 20));
        for _ in 0..entry_count {
            let key = r.u64()?;
            gazetteer.entries.insert(key, r.u8()?);
        }
        let word_count = r.len()?;
        let mut vocabulary = Vocabulary::default();
        vocabulary.words.reserve(word_count.min(1 << 20));
        for _ in 0..word_count {
            vocabulary.words.insert(word(r.str()?));
        }
        let stage_count = r.len()?;
        if !(1..=2).contains(&stage_count) {
            return Err(err("a model has one or two stages"));
        }
        let mut stages = Vec::with_capacity(stage_count);
        for _ in 0..stage_count {
            let transitions = r.f32s((labels + 1) * labels)?;
            let ends = r.f32s(labels)?;
            stages.push(Stage::new(scheme, r.f32()?, transitions, ends));
        }
        let records = r.len()?;
        let slots = r.len()?;
        let width = labels * stage_count;
        let size = records
            .checked_mul(RECORD_HEAD + 2 * width)
            .and_then(|size| size.checked_add(slots.checked_mul(SLOT)?))
            .ok_or_else(|| err("the model is cut short"))?;
        let region = bytes.get(r.at..).unwrap_or_default();
        if region.len() < size {
            return Err(err("the model is cut short"));
        }
        if region.len() > size {
            return Err(err("trailing bytes after the model"));
        }
        let table = FeatureTable::new(width, slots, records, table(region))
            .ok_or_else(|| err("the model's feature table does not fit its sizes"))?;
        Ok(Recognizer { scheme, features, stages, table, clusters, gazetteer, vocabulary })
    }
}

impl Stage {
    fn new(scheme: Scheme, scale: f32, transitions: Vec<f32>, ends: Vec<f32>) -> Self {
        let masked = Masked::of(scheme, &transitions, &ends);
        Stage { scale, transitions, ends, masked }
    }
}

/// A stage's transition and end scores with the moves its scheme forbids left out.
#[derive(Debug, Clone)]
pub(crate) struct Masked {
    labels: usize,
    /// Score of beginning a sentence on each label (minus infinity where forbidden).
    starts: Vec<f32>,
    /// Per label, the labels that may come before it, in label order, with the score of the
    /// move.
    before: Vec<Vec<(usize, f32)>>,
    /// Score of ending a sentence on each label (minus infinity where forbidden).
    ends: Vec<f32>,
}

impl Masked {
    pub(crate) fn of(scheme: Scheme, transitions: &[f32], ends: &[f32]) -> Self {
        let labels = scheme.labels();
        let score = |prev: usize, next: usize| transitions.get(prev * labels + next).copied().unwrap_or(0.0);
        let starts =
            (0..labels).map(|y| if scheme.allowed(None, y) { score(0, y) } else { f32::NEG_INFINITY }).collect();
        let before = (0..labels)
            .map(|y| (0..labels).filter(|&p| scheme.allowed(Some(p), y)).map(|p| (p, score(p + 1, y))).collect())
            .collect();
        let ends = (0..labels)
            .map(|y| if scheme.may_end(y) { ends.get(y).copied().unwrap_or(0.0) } else { f32::NEG_INFINITY })
            .collect();
        Masked { labels, starts, before, ends }
    }

    /// The best label sequence for `scores` (tokens × labels) within the scheme's rules.
    pub(crate) fn viterbi(&self, scores: &[f32]) -> Vec<usize> {
        let labels = self.labels;
        let n = scores.len() / labels;
        if n == 0 {
            return Vec::new();
        }
        let mut best = vec![f32::NEG_INFINITY; n * labels];
        let mut back = vec![0usize; n * labels];
        for y in 0..labels {
            best[y] = self.starts[y] + scores[y];
        }
        for t in 1..n {
            let (done, rest) = best.split_at_mut(t * labels);
            let prev = &done[(t - 1) * labels..];
            for (y, before) in self.before.iter().enumerate() {
                let mut top = f32::NEG_INFINITY;
                let mut arg = 0;
                for &(p, transition) in before {
                    let s = prev[p] + transition;
                    if s > top {
                        top = s;
                        arg = p;
                    }
                }
                rest[y] = top + scores[t * labels + y];
                back[t * labels + y] = arg;
            }
        }
        let mut last = 0;
        let mut top = f32::NEG_INFINITY;
        for y in 0..labels {
            let s = best[(n - 1) * labels + y] + self.ends[y];
            if s > top {
                top = s;
                last = y;
            }
        }
        let mut path = vec![0; n];
        path[n - 1] = last;
        for t in (1..n).rev() {
            path[t - 1] = back[t * labels + path[t]];
        }
        path
    }
}

/// The best label sequence for `scores` (tokens × labels), within the scheme's rules.
pub(crate) fn viterbi(scheme: Scheme, scores: &[f32], transitions: &[f32], ends: &[f32]) -> Vec<usize> {
    Masked::of(scheme, transitions, ends).viterbi(scores)
}

fn put_u32(out: &mut Vec<u8>, n: u32) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put_len(out: &mut Vec<u8>, n: usize) {
    put_u32(out, u32::try_from(n).unwrap_or(u32::MAX));
}

/// A string as its length (u16) and UTF-8 bytes, cut (on a character boundary) to fit.
fn put_str(out: &mut Vec<u8>, text: &str) {
    let mut len = text.len().min(usize::from(u16::MAX));
    while !text.is_char_boundary(len) {
        len -= 1;
    }
    out.extend_from_slice(&u16::try_from(len).unwrap_or(0).to_le_bytes());
    out.extend_from_slice(&text.as_bytes()[..len]);
}

/// Reads numbers from a byte slice, failing at its end.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| ModelError("the model is cut short".to_owned()))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.array::<1>()?[0])
    }

    fn u16(&mut self) -> Result<u16, ModelError> {
        Ok(u16::from_le_bytes(self.array()?))
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn len(&mut self) -> Result<usize, ModelError> {
        Ok(self.u32()? as usize)
    }

    fn str(&mut self) -> Result<&'a str, ModelError> {
        let len = usize::from(self.u16()?);
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes).map_err(|_| ModelError("a word of the model is not UTF-8".to_owned()))
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.array()?))
    }

    fn f32s(&mut self, n: usize) -> Result<Vec<f32>, ModelError> {
        (0..n).map(|_| self.f32()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_encode_and_decode_spans() {
        let spans = [(0, 2, 0), (2, 3, 2), (5, 8, 1)];
        for scheme in [Scheme::Bio, Scheme::Bilou] {
            let labels = scheme.encode(&spans, 9);
            assert_eq!(scheme.decode(&labels), spans, "{scheme:?}");
            assert!(scheme.allowed(None, labels[0]));
            assert!(labels.windows(2).all(|w| scheme.allowed(Some(w[0]), w[1])), "{scheme:?} {labels:?}");
            assert!(scheme.may_end(labels[8]));
        }
    }

    #[test]
    fn inside_labels_need_an_open_name_of_their_type() {
        let bilou = Scheme::Bilou;
        let (b_per, i_per, l_per, u_per) = (1, 2, 3, 4);
        assert!(!bilou.allowed(None, i_per));
        assert!(!bilou.allowed(Some(0), l_per));
        assert!(bilou.allowed(Some(b_per), l_per));
        assert!(!bilou.allowed(Some(b_per), 0));
        assert!(!bilou.allowed(Some(b_per), 6));
        assert!(bilou.allowed(Some(u_per), b_per));
        assert!(!bilou.may_end(b_per));
        let bio = Scheme::Bio;
        assert!(!bio.allowed(None, 2));
        assert!(bio.allowed(Some(1), 2));
        assert!(!bio.allowed(Some(3), 2));
    }

    #[test]
    fn viterbi_keeps_to_the_rules() {
        let scheme = Scheme::Bilou;
        let labels = scheme.labels();
        // Token scores favour "I-PER" alone, which no valid sequence allows.
        let mut scores = vec![0.0; 2 * labels];
        scores[2] = 5.0;
        scores[labels + 2] = 5.0;
        let path = viterbi(scheme, &scores, &vec![0.0; (labels + 1) * labels], &vec![0.0; labels]);
        assert!(scheme.allowed(None, path[0]) && scheme.allowed(Some(path[0]), path[1]) && scheme.may_end(path[1]));
    }

    #[test]
    fn a_damaged_feature_table_finds_nothing_and_ends() {
        let mut bytes = Recognizer::empty().to_bytes();
        // The empty model's table is its last 16 bytes, two slots: both taken, pointing at a
        // record that does not exist, so no search meets an empty slot.
        let len = bytes.len();
        bytes[len - 16..].fill(0);
        let model = Recognizer::from_bytes(&bytes).unwrap();
        assert!(model.find_entities("Paris is calm. Rome is not.").is_empty());
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(Recognizer::from_bytes(b"").is_err());
        assert!(Recognizer::from_bytes(b"NBNER\x09\0\0").is_err());
        let bytes = Recognizer::empty().to_bytes();
        assert!(Recognizer::from_bytes(&bytes).is_ok());
        assert!(Recognizer::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }
}
