//! Word clusters learned from unlabeled text by the exchange algorithm (Kneser and Ney 1993;
//! Martin, Liermann and Ney 1998): words are moved between a fixed number of classes as long
//! as the likelihood of a class bigram model of the text grows, the objective of Brown
//! clustering. Coarser levels cluster the classes of the finer one the same way, so the levels
//! nest like the prefixes of Brown clusters' bit strings.
//!
//! Deterministic: words are visited in a fixed order (by count, then spelling) and ties keep a
//! word where it is.

use rustc_hash::FxHashMap;

use super::lexicon::{cluster_form, Clusters};
use super::tokenize::{normal_form, tokenize, Token};
use crate::sentences::split_sentences;

/// How to learn clusters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterOptions {
    /// Number of classes per level, finest first (each smaller than the one before).
    pub sizes: Vec<usize>,
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
    /// Passes over the words at each level.
    pub iterations: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions { sizes: vec![1024, 256, 64], min_count: 3, iterations: 12 }
    }
}

/// Learns word clusters from raw texts (each split into sentences and tokens as the recognizer
/// does). The clusters' levels are given coarse to fine.
pub fn learn_clusters(texts: &[&str], options: &ClusterOptions) -> Clusters {
    // The text as ids in order of first sight, sentences ended by `u32::MAX`.
    let mut first_ids: FxHashMap<String, u32> = FxHashMap::default();
    let mut words: Vec<String> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut sequence: Vec<u32> = Vec::new();
    for_each_sentence(texts, |sentence| {
        for word in sentence {
            let id = *first_ids.entry(word.clone()).or_insert_with(|| {
                words.push(word.clone());
                counts.push(0);
                u32::try_from(words.len() - 1).unwrap_or(u32::MAX - 1)
            });
            counts[id as usize] += 1;
            sequence.push(id);
        }
        sequence.push(u32::MAX);
    });
    // Final ids: 0 stands for every rare word, 1 for a sentence boundary, then the words by
    // count and spelling.
    let mut vocabulary: Vec<(String, u32)> =
        words.iter().zip(&counts).filter(|&(_, &n)| n >= options.min_count).map(|(w, &n)| (w.clone(), n)).collect();
    vocabulary.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let final_ids: FxHashMap<&str, u32> =
        vocabulary.iter().enumerate().map(|(i, (w, _))| (w.as_str(), u32::try_from(i + 2).unwrap_or(0))).collect();
    let remap: Vec<u32> = words.iter().map(|w| final_ids.get(w.as_str()).copied().unwrap_or(0)).collect();
    let mut bigrams: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    let mut prev = 1;
    for &id in &sequence {
        let id = if id == u32::MAX { 1 } else { remap[id as usize] };
        *bigrams.entry((prev, id)).or_default() += 1;
        prev = id;
    }
    let mut graph = Graph::new(vocabulary.len() + 2, bigrams);
    let mut levels: Vec<Vec<u16>> = Vec::new();
    for &size in &options.sizes {
        if size < 2 || size > usize::from(u16::MAX) {
            continue;
        }
        let classes = exchange(&graph, size, options.iterations);
        graph = graph.collapse(&classes, size);
        // Each word's class at this level: through the finer levels' classes.
        let word_classes: Vec<u16> = match levels.last() {
            None => classes.iter().map(|&c| u16::try_from(c).unwrap_or(0)).collect(),
            Some(finer) => finer.iter().map(|&c| u16::try_from(classes[usize::from(c)]).unwrap_or(0)).collect(),
        };
        levels.push(word_classes);
    }
    levels.reverse();
    let level_count = levels.len();
    Clusters::from_words(
        level_count,
        vocabulary.into_iter().enumerate().map(|(i, (word, _))| (word, levels.iter().map(|l| l[i + 2]).collect())),
    )
}

/// The sentences of raw texts as cluster forms of their tokens.
fn for_each_sentence(texts: &[&str], mut f: impl FnMut(&[String])) {
    let mut tokens: Vec<Token> = Vec::new();
    let mut words = Vec::new();
    for text in texts {
        for sentence in split_sentences(text) {
            tokens.clear();
            tokenize(text, sentence.start, sentence.end, &mut tokens);
            words.clear();
            words.extend(tokens.iter().map(|t| cluster_form(&normal_form(&text[t.start..t.end])).into_owned()));
            f(&words);
        }
    }
}

/// Bigram counts between items (words, or classes of a finer level).
struct Graph {
    /// Per item: following items and counts (the item itself left out).
    right: Vec<Vec<(u32, u32)>>,
    /// Per item: preceding items and counts (the item itself left out).
    left: Vec<Vec<(u32, u32)>>,
    /// Per item: how often it follows itself.
    own: Vec<u32>,
    /// Per item: bigrams it begins and ends.
    begins: Vec<u64>,
    ends: Vec<u64>,
}

impl Graph {
    fn new(items: usize, bigrams: FxHashMap<(u32, u32), u32>) -> Self {
        let mut graph = Graph {
            right: vec![Vec::new(); items],
            left: vec![Vec::new(); items],
            own: vec![0; items],
            begins: vec![0; items],
            ends: vec![0; items],
        };
        let mut pairs: Vec<((u32, u32), u32)> = bigrams.into_iter().collect();
        pairs.sort_unstable();
        for ((a, b), n) in pairs {
            let (a, b) = (a as usize, b as usize);
            graph.begins[a] += u64::from(n);
            graph.ends[b] += u64::from(n);
            if a == b {
                graph.own[a] += n;
            } else {
                graph.right[a].push((u32::try_from(b).unwrap_or(0), n));
                graph.left[b].push((u32::try_from(a).unwrap_or(0), n));
            }
        }
        graph
    }

    /// The graph of the classes.
    fn collapse(&self, classes: &[usize], size: usize) -> Graph {
        let mut bigrams: FxHashMap<(u32, u32), u32> = FxHashMap::default();
        for (a, right) in self.right.iter().enumerate() {
            let ca = u32::try_from(classes[a]).unwrap_or(0);
            for &(b, n) in right {
                let cb = u32::try_from(classes[b as usize]).unwrap_or(0);
                *bigrams.entry((ca, cb)).or_default() += n;
            }
            if self.own[a] > 0 {
                *bigrams.entry((ca, ca)).or_default() += self.own[a];
            }
        }
        Graph::new(size, bigrams)
    }
}

/// `x ln x`, from a table for small counts.
struct XLogX(Vec<f64>);

impl XLogX {
    fn new(len: usize) -> Self {
        XLogX((0..len).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect())
    }

    fn at(&self, x: u64) -> f64 {
        usize::try_from(x).ok().and_then(|i| self.0.get(i)).copied().unwrap_or_else(|| x as f64 * (x as f64).ln())
    }
}

/// Assigns the graph's items to `size` classes, maximizing the class bigram likelihood.
/// Item 0 (rare words) and 1 (the boundary) are clustered like any other.
fn exchange(graph: &Graph, size: usize, iterations: usize) -> Vec<usize> {
    let items = graph.right.len();
    // Items by count, most frequent first; the first `size` get a class each, the rest in turn.
    let mut order: Vec<usize> = (0..items).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(graph.begins[i] + graph.ends[i]), i));
    let mut state = Exchange::new(graph, size, &order);
    for _ in 0..iterations {
        let mut moved = 0;
        for &w in &order {
            state.gather(w);
            let from = state.class[w];
            state.shift(w, from, false);
            // The class where w adds most; ties keep it where it was.
            let mut best = from;
            let mut best_gain = state.gain(w, from);
            for b in 0..size {
                if b != from {
                    let g = state.gain(w, b);
                    if g > best_gain + 1e-9 {
                        best = b;
                        best_gain = g;
                    }
                }
            }
            state.shift(w, best, true);
            if best != from {
                state.class[w] = best;
                moved += 1;
            }
            state.clear();
        }
        if moved == 0 {
            break;
        }
    }
    state.class
}

/// The exchange algorithm's counts: each item's class, class bigram and unigram counts, and
/// the classes of the neighbours of the item being moved.
struct Exchange<'g> {
    graph: &'g Graph,
    size: usize,
    class: Vec<usize>,
    /// Bigram counts between classes, `size × size`.
    pair: Vec<u64>,
    begins: Vec<u64>,
    ends: Vec<u64>,
    f: XLogX,
    /// Counts of the moved item's right and left neighbours by class, and those classes.
    to_right: Vec<u64>,
    to_left: Vec<u64>,
    right_classes: Vec<usize>,
    left_classes: Vec<usize>,
}

impl<'g> Exchange<'g> {
    fn new(graph: &'g Graph, size: usize, order: &[usize]) -> Self {
        let items = graph.right.len();
        let mut class = vec![0usize; items];
        for (rank, &item) in order.iter().enumerate() {
            class[item] = rank % size;
        }
        let mut pair = vec![0u64; size * size];
        let mut begins = vec![0u64; size];
        let mut ends = vec![0u64; size];
        for a in 0..items {
            for &(b, n) in &graph.right[a] {
                pair[class[a] * size + class[b as usize]] += u64::from(n);
            }
            pair[class[a] * size + class[a]] += u64::from(graph.own[a]);
            begins[class[a]] += graph.begins[a];
            ends[class[a]] += graph.ends[a];
        }
        Exchange {
            graph,
            size,
            class,
            pair,
            begins,
            ends,
            f: XLogX::new(1 << 20),
            to_right: vec![0; size],
            to_left: vec![0; size],
            right_classes: Vec::new(),
            left_classes: Vec::new(),
        }
    }

    /// Counts `w`'s neighbours by class.
    fn gather(&mut self, w: usize) {
        for &(v, n) in &self.graph.right[w] {
            let c = self.class[v as usize];
            if self.to_right[c] == 0 {
                self.right_classes.push(c);
            }
            self.to_right[c] += u64::from(n);
        }
        for &(v, n) in &self.graph.left[w] {
            let c = self.class[v as usize];
            if self.to_left[c] == 0 {
                self.left_classes.push(c);
            }
            self.to_left[c] += u64::from(n);
        }
    }

    /// Forgets the neighbour counts of the moved item.
    fn clear(&mut self) {
        for &c in &self.right_classes {
            self.to_right[c] = 0;
        }
        for &c in &self.left_classes {
            self.to_left[c] = 0;
        }
        self.right_classes.clear();
        self.left_classes.clear();
    }

    /// Adds `w`'s counts to class `b` (`add`), or takes them out of it.
    fn shift(&mut self, w: usize, b: usize, add: bool) {
        let size = self.size;
        let graph = self.graph;
        let apply = |x: &mut u64, n: u64| if add { *x += n } else { *x -= n };
        for &c in &self.right_classes {
            apply(&mut self.pair[b * size + c], self.to_right[c]);
        }
        for &c in &self.left_classes {
            apply(&mut self.pair[c * size + b], self.to_left[c]);
        }
        apply(&mut self.pair[b * size + b], u64::from(graph.own[w]));
        apply(&mut self.begins[b], graph.begins[w]);
        apply(&mut self.ends[b], graph.ends[w]);
    }

    /// How much the likelihood grows when `w` (taken out of its class) goes into class `b`.
    fn gain(&self, w: usize, b: usize) -> f64 {
        let (size, xlogx, pair) = (self.size, &self.f, &self.pair);
        let mut gain = 0.0;
        for &c in &self.right_classes {
            if c != b {
                let count = pair[b * size + c];
                gain += xlogx.at(count + self.to_right[c]) - xlogx.at(count);
            }
        }
        for &c in &self.left_classes {
            if c != b {
                let count = pair[c * size + b];
                gain += xlogx.at(count + self.to_left[c]) - xlogx.at(count);
            }
        }
        let count = pair[b * size + b];
        gain += xlogx.at(count + self.to_right[b] + self.to_left[b] + u64::from(self.graph.own[w])) - xlogx.at(count);
        gain -= xlogx.at(self.begins[b] + self.graph.begins[w]) - xlogx.at(self.begins[b]);
        gain -= xlogx.at(self.ends[b] + self.graph.ends[w]) - xlogx.at(self.ends[b]);
        gain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_like_contexts_share_a_class() {
        let mut texts = Vec::new();
        for (a, b) in [("Paris", "Rome"), ("Rome", "Oslo"), ("Oslo", "Paris"), ("Lima", "Oslo"), ("Paris", "Lima")] {
            texts.push(format!("She flew from {a} to {b} today. He ate a red apple and a green pear."));
            texts.push(format!("They drove from {b} to {a} yesterday. We ate a green apple and a red pear."));
        }
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let clusters = learn_clusters(&texts, &ClusterOptions { sizes: vec![8, 3], min_count: 2, iterations: 10 });
        let class = |w: &str| clusters.get(w, &w.to_lowercase()).unwrap().to_vec();
        assert_eq!(class("Paris"), class("Rome"));
        assert_eq!(class("Oslo"), class("Lima"));
        assert_eq!(class("apple"), class("pear"));
        assert_ne!(class("Paris")[1], class("apple")[1]);
        assert_eq!(class("Paris").len(), 2);
    }
}
