//! Alignment: which statements of different reports say the same thing, which reports are
//! copies of one another, and how aligned statements group into facts.
//!
//! Two statements align when their tf-idf vectors (idf over the story's sentences, each sentence
//! also seen with the one after it) are close, or close enough and they share an anchor that
//! paraphrase keeps: a name, an amount or a short quoted phrase. Candidate pairs come from an
//! index of the story's less common terms, so no pass runs over every pair of sentences.
//!
//! Copies count once: two statements of near-identical wording are one voice (a wire paragraph
//! reprinted, or boilerplate such as a share prompt two pages carry), and two reports most of
//! whose statements are such copies are one voice throughout. A fact is a group of aligned
//! statements, at most one per report, around its most central statement, that two voices or
//! more make.

use rustc_hash::FxHashMap;

use super::statements::Statement;
use crate::summarize::features::dot;
use crate::summarize::Features;

/// Statements this close align whatever else they share.
pub(super) const CLOSE: f32 = 0.35;
/// Statements this close align when they share an anchor.
pub(super) const NEAR: f32 = 0.25;
/// Aligned statements share this many content words besides names: what is said of a name, not
/// only the name.
const SHARED_WORDS: usize = 2;
/// Statements that quote the same short phrase align when they share this many words of names,
/// however they word the rest: a word set in quotation marks marks what is said of whom.
const SHARED_NAMES: usize = 2;
/// Sentences this close may be read with the sentence after them.
const WINDOW_FLOOR: f32 = 0.25;
/// Statements this close are copies of one wording.
pub(super) const COPY: f32 = 0.85;
/// Reports whose statements are copies for at least this share of the shorter one's are copies.
const COPIED_SHARE: f32 = 0.5;
/// A term in at most this share of the story's sentences (but at least a few) indexes
/// candidate pairs.
const INDEXED_SHARE: usize = 10;

/// Two aligned statements (indices into the statements, `a < b`) and how close they are.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pair {
    /// The first statement.
    pub(super) a: usize,
    /// The second statement.
    pub(super) b: usize,
    /// Their similarity.
    pub(super) similarity: f32,
}

/// The aligned pairs of statements of different reports, sorted.
pub(super) fn pairs(statements: &[Statement], features: &Features) -> Vec<Pair> {
    let limit = (features.len() / INDEXED_SHARE).max(8);
    let mut postings: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for (index, statement) in statements.iter().enumerate() {
        for term in statement.window_terms() {
            if features.term_sentences[term as usize] as usize <= limit {
                postings.entry(term).or_default().push(index);
            }
        }
    }
    let mut seen = vec![usize::MAX; statements.len()];
    let mut found = Vec::new();
    for (a, statement) in statements.iter().enumerate() {
        for term in statement.window_terms() {
            let Some(list) = postings.get(&term) else { continue };
            for &b in list.iter().filter(|&&b| b > a) {
                if seen[b] == a || statements[b].source == statement.source {
                    continue;
                }
                seen[b] = a;
                let similarity = similarity(statement, &statements[b]);
                let other = &statements[b];
                let close = similarity >= CLOSE || similarity >= NEAR && share_anchor(statement, other);
                let quoted = statement.quoted.keys().any(|q| other.quoted.contains_key(q));
                if close && shared_words(statement, other) >= SHARED_WORDS
                    || quoted && shared_names(statement, other) >= SHARED_NAMES
                {
                    found.push(Pair { a, b, similarity });
                }
            }
        }
    }
    found.sort_by_key(|p| (p.a, p.b));
    found
}

/// How close two statements are: the cosine of their sentences, or, when that is already
/// near, of one sentence and the other seen with the sentence after it, whichever is highest
/// (a fact is often told over two sentences, but the next sentence alone is another statement).
pub(super) fn similarity(a: &Statement, b: &Statement) -> f32 {
    let alone = dot(&a.vector, &b.vector);
    if alone < WINDOW_FLOOR {
        return alone;
    }
    let mut best = alone;
    if !a.window.is_empty() {
        best = best.max(dot(&a.window, &b.vector));
    }
    if !b.window.is_empty() {
        best = best.max(dot(&a.vector, &b.window));
    }
    best
}

/// The span of `member` that tells what `central` does: its sentence, or its sentence with the
/// next when that is closer.
pub(super) fn span_against(member: &Statement, central: &Statement) -> (usize, usize) {
    let alone = dot(&member.vector, &central.vector).max(dot(&member.vector, &central.window));
    if !member.window.is_empty() && dot(&member.window, &central.vector) > alone {
        (member.start, member.window_end)
    } else {
        (member.start, member.end)
    }
}

/// The number of content terms two sentences share outside the names either gives.
fn shared_words(a: &Statement, b: &Statement) -> usize {
    a.terms
        .iter()
        .filter(|t| b.terms.binary_search(t).is_ok())
        .filter(|t| a.name_terms.binary_search(t).is_err() && b.name_terms.binary_search(t).is_err())
        .count()
}

/// The number of terms of names two sentences share.
fn shared_names(a: &Statement, b: &Statement) -> usize {
    a.name_terms.iter().filter(|t| b.name_terms.binary_search(t).is_ok()).count()
}

/// True when two statements give the same amount or quote the same short phrase.
fn share_anchor(a: &Statement, b: &Statement) -> bool {
    let amounts = a.amounts.iter().any(|x| b.amounts.iter().any(|y| x.unit == y.unit && x.same_value(y)));
    let quoted = a.quoted.keys().any(|q| b.quoted.contains_key(q));
    amounts || quoted
}

/// The voice of each report: reports most of whose statements copy one another's share one.
pub(super) fn voices(reports: usize, statements: &[Statement], pairs: &[Pair]) -> Vec<usize> {
    let mut statements_of = vec![0usize; reports];
    for statement in statements {
        statements_of[statement.source] += 1;
    }
    // Per pair of reports, the statements of each that copy one of the other.
    let mut copied: FxHashMap<(usize, usize), (Vec<usize>, Vec<usize>)> = FxHashMap::default();
    for pair in pairs.iter().filter(|p| p.similarity >= COPY) {
        let (x, y) = (statements[pair.a].source, statements[pair.b].source);
        let entry = copied.entry((x.min(y), x.max(y))).or_default();
        let (first, second) = if x < y { (pair.a, pair.b) } else { (pair.b, pair.a) };
        entry.0.push(first);
        entry.1.push(second);
    }
    let mut voice: Vec<usize> = (0..reports).collect();
    let mut keys: Vec<(usize, usize)> = copied.keys().copied().collect();
    keys.sort_unstable();
    for (x, y) in keys {
        let (first, second) = copied.get_mut(&(x, y)).expect("a key of the map");
        for list in [&mut *first, &mut *second] {
            list.sort_unstable();
            list.dedup();
        }
        let shorter = statements_of[x].min(statements_of[y]).max(1);
        if first.len().min(second.len()) as f32 >= COPIED_SHARE * shorter as f32 {
            let (vx, vy) = (root(&mut voice, x), root(&mut voice, y));
            voice[vx.max(vy)] = vx.min(vy);
        }
    }
    (0..reports).map(|r| root(&mut voice, r)).collect()
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// A fact: a central statement and the statements of other reports aligned with it or with one
/// another.
#[derive(Debug, Clone)]
pub(super) struct Group {
    /// The statement whose words tell the fact.
    pub(super) central: usize,
    /// Every statement of the group (the central one included), at most one per report, in
    /// the order of their reports.
    pub(super) members: Vec<usize>,
    /// The number of voices that make it.
    pub(super) voices: usize,
}

/// Groups aligned statements: pairs join in order of similarity, closest first, as long as a
/// group holds at most one statement of each report (so a weak tie cannot pull a statement away
/// from the group of the statements closest to it, and groups do not chain through one report).
/// A group's central statement is the one closest to the others (one that stands alone before
/// one that leans on the sentence before it); copies of one wording count as one voice, and
/// groups of a single voice are dropped. The groups come most voices first, then closest first.
pub(super) fn groups(statements: &[Statement], pairs: &[Pair], voice: &[usize]) -> Vec<Group> {
    let mut order: Vec<&Pair> = pairs.iter().collect();
    order.sort_by(|x, y| y.similarity.total_cmp(&x.similarity).then((x.a, x.b).cmp(&(y.a, y.b))));
    let mut group_of: Vec<usize> = (0..statements.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..statements.len()).map(|s| vec![s]).collect();
    for pair in order {
        let (ga, gb) = (group_of[pair.a], group_of[pair.b]);
        let overlap =
            members[ga].iter().any(|&x| members[gb].iter().any(|&y| statements[x].source == statements[y].source));
        if ga == gb || overlap {
            continue;
        }
        let (keep, gone) = (ga.min(gb), ga.max(gb));
        let moved = std::mem::take(&mut members[gone]);
        for &m in &moved {
            group_of[m] = keep;
        }
        members[keep].extend(moved);
    }
    let mut groups: Vec<(Group, f32)> = Vec::new();
    for mut list in members.into_iter().filter(|m| m.len() >= 2) {
        list.sort_by_key(|&m| (statements[m].source, m));
        let closeness = |m: usize| {
            list.iter().filter(|&&o| o != m).map(|&o| similarity(&statements[m], &statements[o])).sum::<f32>()
        };
        let central = list
            .iter()
            .copied()
            .max_by(|&x, &y| {
                statements[y]
                    .leans
                    .cmp(&statements[x].leans)
                    .then(closeness(x).total_cmp(&closeness(y)))
                    .then(y.cmp(&x))
            })
            .expect("groups hold two statements or more");
        let others: Vec<usize> = list.iter().copied().filter(|&m| m != central).collect();
        let voices = count_voices(central, &others, statements, voice);
        if voices >= 2 {
            let total = closeness(central);
            groups.push((Group { central, members: list, voices }, total / others.len() as f32));
        }
    }
    groups.sort_by(|(x, cx), (y, cy)| y.voices.cmp(&x.voices).then(cy.total_cmp(cx)).then(x.central.cmp(&y.central)));
    groups.into_iter().map(|(group, _)| group).collect()
}

/// The number of voices among a statement and its partners: reports that copy one another
/// count once, and so do statements that are copies of one wording.
fn count_voices(central: usize, others: &[usize], statements: &[Statement], voice: &[usize]) -> usize {
    let members: Vec<usize> = others.iter().copied().chain([central]).collect();
    let mut parent: Vec<usize> = (0..members.len()).collect();
    for i in 0..members.len() {
        for j in i + 1..members.len() {
            let (a, b) = (&statements[members[i]], &statements[members[j]]);
            let copies = voice[a.source] == voice[b.source] || dot(&a.vector, &b.vector) >= COPY;
            if copies {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    (0..members.len()).filter(|&i| root(&mut parent, i) == i).count()
}
