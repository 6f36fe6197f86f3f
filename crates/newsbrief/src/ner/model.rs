//! The recognizer's model: label scheme, two stages of weights, clusters and gazetteer; tagging
//! a document with it (Viterbi decoding sentence by sentence; the second stage reads what the
//! first found across the whole document); and its file format.
//!
//! File format (version 1), all numbers little-endian, the whole deflate-compressed after the
//! 8-byte header `NBNER` + version (u8) + 2 zero bytes: scheme (u8), feature set (u32), labels
//! L (u32); cluster levels (u32), words (u32), each word as length (u16), UTF-8 bytes and its
//! level ids (u16 each); gazetteer entries (u32), longest name (u32), each as key (u64) and
//! types (u8); vocabulary words (u32), each as length (u16) and UTF-8 bytes; stages (u32), each
//! as: transitions (L + 1 rows of L f32, the first row from the sentence start), end scores (L
//! f32), features (u32), weight scale (f32), the sorted keys (u64 each), then the weights,
//! feature after feature, L i16 each (multiplied by the scale).

use std::io::{Read, Write};

use rustc_hash::FxHashMap;

use super::features::{Document, FeatureSet};
use super::lexicon::{Clusters, Gazetteer, Vocabulary};
use crate::mention::EntityKind;

/// The file format's version.
const VERSION: u8 = 1;
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

/// One stage's weights.
#[derive(Debug, Clone, Default)]
pub(crate) struct Weights {
    /// The feature key of each row of `values`.
    pub(crate) keys: Vec<u64>,
    /// Row after row, one weight per label, in units of `scale` (16 bits keep the table small
    /// enough to stay in cache).
    values: Vec<i16>,
    scale: f32,
    /// `labels + 1` rows of `labels`: from the start (row 0) or from label `p` (row `p + 1`).
    pub(crate) transitions: Vec<f32>,
    /// Score of ending a sentence on each label.
    pub(crate) ends: Vec<f32>,
}

impl Weights {
    /// Zero weights and no features.
    fn empty(labels: usize) -> Self {
        Weights::quantized(Vec::new(), &[], vec![0.0; (labels + 1) * labels], vec![0.0; labels])
    }

    /// Weights with the rows `values` (one per key) rounded to 16 bits.
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

    /// Adds row `row`'s weights (in units of the scale) to `scores`.
    fn add_row(&self, row: u32, scores: &mut [i32]) {
        let at = row as usize * scores.len();
        if let Some(values) = self.values.get(at..at + scores.len()) {
            for (score, &weight) in scores.iter_mut().zip(values) {
                *score += i32::from(weight);
            }
        }
    }

    fn write(&self, labels: usize, body: &mut Vec<u8>) {
        for &x in self.transitions.iter().chain(&self.ends) {
            body.extend_from_slice(&x.to_le_bytes());
        }
        let mut keys: Vec<(u64, u32)> =
            self.keys.iter().enumerate().map(|(row, &k)| (k, u32::try_from(row).unwrap_or(u32::MAX))).collect();
        keys.sort_unstable();
        put_len(body, keys.len());
        body.extend_from_slice(&self.scale.to_le_bytes());
        for &(key, _) in &keys {
            body.extend_from_slice(&key.to_le_bytes());
        }
        for &(_, row) in &keys {
            let at = row as usize * labels;
            for &q in &self.values[at..at + labels] {
                body.extend_from_slice(&q.to_le_bytes());
            }
        }
    }

    fn read(labels: usize, r: &mut Reader<'_>) -> Result<Self, ModelError> {
        let mut transitions = Vec::with_capacity((labels + 1) * labels);
        for _ in 0..(labels + 1) * labels {
            transitions.push(r.f32()?);
        }
        let mut ends = Vec::with_capacity(labels);
        for _ in 0..labels {
            ends.push(r.f32()?);
        }
        let feature_count = r.len()?;
        let scale = r.f32()?;
        let mut keys = Vec::with_capacity(feature_count.min(1 << 24));
        for _ in 0..feature_count {
            keys.push(r.u64()?);
        }
        let mut values = Vec::with_capacity(feature_count.min(1 << 24) * labels);
        for _ in 0..feature_count * labels {
            values.push(r.i16()?);
        }
        Ok(Weights { keys, values, scale, transitions, ends })
    }
}

/// A trained named-entity recognizer.
#[derive(Debug, Clone)]
pub struct Recognizer {
    pub(crate) scheme: Scheme,
    pub(crate) features: FeatureSet,
    /// The first stage, on each sentence alone.
    pub(crate) first: Weights,
    /// The second stage, which also reads the first one's labels across the document.
    pub(crate) second: Option<Weights>,
    pub(crate) clusters: Clusters,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) vocabulary: Vocabulary,
    /// Feature key → its rows in the first and second stage (`u32::MAX` where it has none),
    /// so that a key is looked up once for both.
    index: FxHashMap<u64, [u32; 2]>,
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
        let mut index: FxHashMap<u64, [u32; 2]> = FxHashMap::default();
        for (stage, weights) in std::iter::once(&first).chain(second.as_ref()).enumerate() {
            for (row, &key) in weights.keys.iter().enumerate() {
                index.entry(key).or_insert([u32::MAX; 2])[stage] = u32::try_from(row).unwrap_or(u32::MAX);
            }
        }
        Recognizer { scheme, features, first, second, clusters, gazetteer, vocabulary, index }
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

    /// Number of weighted features (of both stages).
    pub fn feature_count(&self) -> usize {
        self.first.keys.len() + self.second.as_ref().map_or(0, |w| w.keys.len())
    }

    /// Names in `doc`: token ranges and type indices, in order.
    pub(crate) fn tag(&self, doc: &Document) -> Vec<(usize, usize, usize)> {
        let labels = self.scheme.labels();
        let stages = 1 + usize::from(self.second.is_some());
        // Per stage, the scores of the static features of every token, in units of its scale.
        let mut sums = vec![vec![0i32; doc.len() * labels]; stages];
        let mut keys = Vec::new();
        for (n, &(s, _)) in doc.sentences().iter().enumerate() {
            doc.features(n, self.features, &self.clusters, &self.gazetteer, &mut keys);
            for (i, token_keys) in keys.iter().enumerate() {
                let at = (s + i) * labels;
                for key in token_keys {
                    let Some(rows) = self.index.get(key) else { continue };
                    for (stage, weights) in std::iter::once(&self.first).chain(self.second.as_ref()).enumerate() {
                        if rows[stage] != u32::MAX {
                            weights.add_row(rows[stage], &mut sums[stage][at..at + labels]);
                        }
                    }
                }
            }
        }
        let scores = |sums: &[i32], scale: f32| -> Vec<f32> { sums.iter().map(|&x| x as f32 * scale).collect() };
        let first = Masked::new(self.scheme, &self.first);
        let first_scores = scores(&sums[0], self.first.scale);
        let mut names = Vec::new();
        for &(s, e) in doc.sentences() {
            let labels = first.viterbi(&first_scores[s * labels..e * labels]);
            names.extend(self.scheme.decode(&labels).into_iter().map(|(a, b, k)| (s + a, s + b, k)));
        }
        let Some(second_weights) = &self.second else { return names };
        let second = Masked::new(self.scheme, second_weights);
        let more = doc.aggregate(&names);
        let stage_two = &mut sums[1];
        for (i, token_keys) in more.iter().enumerate() {
            for key in token_keys {
                if let Some(rows) = self.index.get(key).filter(|rows| rows[1] != u32::MAX) {
                    second_weights.add_row(rows[1], &mut stage_two[i * labels..(i + 1) * labels]);
                }
            }
        }
        let stage_two = scores(stage_two, second_weights.scale);
        names.clear();
        for &(s, e) in doc.sentences() {
            let labels = second.viterbi(&stage_two[s * labels..e * labels]);
            names.extend(self.scheme.decode(&labels).into_iter().map(|(a, b, k)| (s + a, s + b, k)));
        }
        names
    }

    /// The model as file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut body = Vec::new();
        body.push(match self.scheme {
            Scheme::Bio => 0,
            Scheme::Bilou => 1,
        });
        put_u32(&mut body, self.features.to_bits());
        let labels = self.scheme.labels();
        put_len(&mut body, labels);
        put_len(&mut body, self.clusters.levels);
        let words = self.clusters.sorted();
        put_len(&mut body, words.len());
        for (word, ids) in words {
            put_str(&mut body, word);
            for id in ids {
                body.extend_from_slice(&id.to_le_bytes());
            }
        }
        let mut entries: Vec<(u64, u8)> = self.gazetteer.entries.iter().map(|(&k, &v)| (k, v)).collect();
        entries.sort_unstable();
        put_len(&mut body, entries.len());
        put_len(&mut body, self.gazetteer.longest);
        for (key, types) in entries {
            body.extend_from_slice(&key.to_le_bytes());
            body.push(types);
        }
        let mut vocabulary: Vec<&str> = self.vocabulary.words.iter().map(String::as_str).collect();
        vocabulary.sort_unstable();
        put_len(&mut body, vocabulary.len());
        for word in vocabulary {
            put_str(&mut body, word);
        }
        put_len(&mut body, 1 + usize::from(self.second.is_some()));
        self.first.write(labels, &mut body);
        if let Some(second) = &self.second {
            second.write(labels, &mut body);
        }
        let mut out = Vec::with_capacity(body.len() / 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[VERSION, 0, 0]);
        let mut encoder = flate2::write::DeflateEncoder::new(out, flate2::Compression::best());
        // Writing to a Vec cannot fail.
        let _ = encoder.write_all(&body);
        encoder.finish().unwrap_or_default()
    }

    /// Reads a model file.
    ///
    /// # Errors
    ///
    /// When the bytes are not a model of this format version, or are cut short or damaged.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let err = |m: &str| ModelError(m.to_owned());
        if bytes.len() < 8 || &bytes[..5] != MAGIC {
            return Err(err("not a newsbrief entity model"));
        }
        if bytes[5] != VERSION {
            return Err(ModelError(format!("model format version {} (this build reads {VERSION})", bytes[5])));
        }
        let mut body = Vec::new();
        flate2::read::DeflateDecoder::new(&bytes[8..])
            .read_to_end(&mut body)
            .map_err(|e| ModelError(format!("damaged model: {e}")))?;
        let mut r = Reader { bytes: &body, at: 0 };
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
        let mut words = Vec::with_capacity(word_count.min(1 << 20));
        for _ in 0..word_count {
            let word = r.str()?;
            let mut ids = Vec::with_capacity(levels.min(64));
            for _ in 0..levels {
                ids.push(r.u16()?);
            }
            words.push((word, ids));
        }
        let clusters = Clusters::from_words(levels, words);
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
            vocabulary.words.insert(r.str()?);
        }
        let stages = r.len()?;
        if !(1..=2).contains(&stages) {
            return Err(err("a model has one or two stages"));
        }
        let first = Weights::read(labels, &mut r)?;
        let second = if stages == 2 { Some(Weights::read(labels, &mut r)?) } else { None };
        if r.at != body.len() {
            return Err(err("trailing bytes after the model"));
        }
        Ok(Recognizer::new(scheme, features, first, second, clusters, gazetteer, vocabulary))
    }
}

/// A stage's transition and end scores with the moves its scheme forbids made impossible.
pub(crate) struct Masked {
    labels: usize,
    /// `labels + 1` rows of `labels`, as [`Weights::transitions`], forbidden moves at minus
    /// infinity.
    transitions: Vec<f32>,
    ends: Vec<f32>,
}

impl Masked {
    pub(crate) fn new(scheme: Scheme, weights: &Weights) -> Self {
        Masked::of(scheme, &weights.transitions, &weights.ends)
    }

    pub(crate) fn of(scheme: Scheme, transitions: &[f32], ends: &[f32]) -> Self {
        let labels = scheme.labels();
        let mut masked = vec![f32::NEG_INFINITY; (labels + 1) * labels];
        for prev in 0..=labels {
            for next in 0..labels {
                if scheme.allowed(prev.checked_sub(1), next) {
                    masked[prev * labels + next] = transitions.get(prev * labels + next).copied().unwrap_or(0.0);
                }
            }
        }
        let ends = (0..labels)
            .map(|y| if scheme.may_end(y) { ends.get(y).copied().unwrap_or(0.0) } else { f32::NEG_INFINITY })
            .collect();
        Masked { labels, transitions: masked, ends }
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
            best[y] = self.transitions[y] + scores[y];
        }
        for t in 1..n {
            let (done, rest) = best.split_at_mut(t * labels);
            let prev = &done[(t - 1) * labels..];
            for y in 0..labels {
                let mut top = f32::NEG_INFINITY;
                let mut arg = 0;
                for (p, &score) in prev.iter().enumerate() {
                    let s = score + self.transitions[(p + 1) * labels + y];
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

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], ModelError> {
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

    fn i16(&mut self) -> Result<i16, ModelError> {
        Ok(i16::from_le_bytes(self.array()?))
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn len(&mut self) -> Result<usize, ModelError> {
        Ok(self.u32()? as usize)
    }

    fn str(&mut self) -> Result<String, ModelError> {
        let len = usize::from(self.u16()?);
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| ModelError("a word of the model is not UTF-8".to_owned()))
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.array()?))
    }

    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.array()?))
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
    fn bad_files_are_errors() {
        assert!(Recognizer::from_bytes(b"").is_err());
        assert!(Recognizer::from_bytes(b"NBNER\x09\0\0").is_err());
        let bytes = Recognizer::empty().to_bytes();
        assert!(Recognizer::from_bytes(&bytes).is_ok());
        assert!(Recognizer::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }
}
