//! Facts several reports state, and details on which they disagree.
//!
//! A statement is pinned by an anchor that paraphrase keeps: the date it gives (resolved against
//! its report's day; the same day, or the same month when one gives only the month) or a short phrase it quotes ("reset"). Two statements of
//! different reports state one fact when they share an anchor and enough else: two rare content
//! words for a date, two named people or organisations for a quoted phrase. A statement is a
//! sentence seen with its neighbours, since a fact is often told over two ("Clinton handed Lavrov
//! a small object. The word was supposed to say 'reset'"). Statements of one fact form a group; a
//! group spanning two reports or more is a corroborated fact, told in the words of the earliest.
//!
//! Within a group, reports disagree when they quote different short phrases beside the shared
//! one, give different numbers of the same thing, or give an object different sizes; values that
//! are spellings of one word are no conflict.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::brief::{Conflict, Corroboration, Variant};
use crate::story::Source;
use crate::summarize::Features;
use crate::timex::{Day, Timex, TimexValue};
use crate::tokens::one_line;

/// A term in at most one sentence of this many of the story is rare enough to tie two
/// statements.
const RARE_ONE_IN: usize = 10;
/// Rare terms a date-anchored pair must share besides the date.
const SHARED_RARE: usize = 2;
/// Names a quote-anchored pair must share besides the quoted phrase.
const SHARED_NAMES: usize = 2;

static SHORT_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""([^"\s]+(?: [^"\s]+){0,2}?)[,.]?"|“([^”\s]+(?: [^”\s]+){0,2}?)[,.]?”"#).expect("valid regex")
});
static NAME: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{Lu}[\p{L}-]{2,}").expect("valid regex"));
static COUNT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d[\d,.]*) ([a-z]{3,})\b").expect("valid regex"));
/// Words that give an object's size.
const SIZES: &[&str] =
    &["small", "tiny", "little", "large", "big", "huge", "giant", "oversized", "enormous", "miniature", "massive"];
/// Words that may stand between a size and its object.
const COLOURS: &[&str] = &[
    "red", "blue", "green", "yellow", "black", "white", "grey", "gray", "orange", "pink", "purple", "brown", "golden",
    "silver",
];

/// One statement: a sentence (which carries the anchors) seen with its neighbours.
struct Statement {
    source: usize,
    /// The sentence itself.
    sentence: String,
    /// The sentence with the one after it: what disagreements are read in.
    window: String,
    /// Content terms of the sentence and its neighbours.
    terms: BTreeSet<u32>,
    /// Content terms of the sentence alone.
    own_terms: BTreeSet<u32>,
    /// Capitalised words of the sentence and its neighbours.
    names: BTreeSet<String>,
    /// Dates the sentence gives (`YYYY-MM-DD` or `YYYY-MM`).
    dates: BTreeSet<String>,
    /// Short phrases the sentence and the next quote, lowercased.
    quoted: BTreeSet<String>,
}

/// The corroborated facts and the conflicts among the sources.
/// `dated` holds each source's dates and times; `features` the terms of their sentences.
pub(crate) fn find(
    sources: &[Source<'_>],
    dated: &[Vec<Timex>],
    features: &Features,
) -> (Vec<Corroboration>, Vec<Conflict>) {
    if sources.len() < 2 {
        return (Vec::new(), Vec::new());
    }
    let statements = statements(sources, dated, features);
    if statements.is_empty() {
        return (Vec::new(), Vec::new());
    }
    // Rare: in few of all the sentences of the story.
    let rare_limit = features.len().div_ceil(RARE_ONE_IN).max(2);
    let rare = |term: &u32| features.term_sentences[*term as usize] as usize <= rare_limit;

    let mut parent: Vec<usize> = (0..statements.len()).collect();
    for i in 0..statements.len() {
        for j in i + 1..statements.len() {
            let (a, b) = (&statements[i], &statements[j]);
            if a.source == b.source {
                continue;
            }
            let same_date = same_date(&a.dates, &b.dates)
                && a.terms.intersection(&b.terms).filter(|t| rare(t)).count() >= SHARED_RARE;
            let same_quote = !a.quoted.is_disjoint(&b.quoted) && a.names.intersection(&b.names).count() >= SHARED_NAMES;
            if same_date || same_quote {
                let (ra, rb) = (root(&mut parent, i), root(&mut parent, j));
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..statements.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut corroborated = Vec::new();
    let mut conflicts = Vec::new();
    for members in groups.values() {
        let reports: BTreeSet<usize> = members.iter().map(|&m| statements[m].source).collect();
        if reports.len() < 2 {
            continue;
        }

        // In the words of the statement whose terms most reports share (the earliest on a tie).
        let reports_with = |term: &u32| {
            members
                .iter()
                .filter(|&&m| statements[m].terms.contains(term))
                .map(|&m| statements[m].source)
                .collect::<BTreeSet<_>>()
                .len()
        };
        let best = members
            .iter()
            .copied()
            .max_by_key(|&m| {
                (statements[m].own_terms.iter().filter(|t| reports_with(t) >= 2).count(), std::cmp::Reverse(m))
            })
            .expect("groups are not empty");
        corroborated.push(Corroboration {
            text: statements[best].sentence.clone(),
            sources: reports.iter().map(|&s| sources[s].id.to_owned()).collect(),
        });
        conflicts.extend(disagreements(members, &statements, sources));
    }
    (corroborated, conflicts)
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The statements of every source, with their anchors.
fn statements(sources: &[Source<'_>], dated: &[Vec<Timex>], features: &Features) -> Vec<Statement> {
    let mut statements = Vec::new();
    let mut read = features.sentences.iter();
    for (index, source) in sources.iter().enumerate() {
        let dates: Vec<(usize, String)> =
            dated[index].iter().filter_map(|t| day_or_month(&t.value).map(|d| (t.start, d))).collect();
        let texts: Vec<&str> = source.sentences.iter().map(|s| s.text(source.text)).collect();
        // Each sentence was read once, by the summarizer; a statement unites its neighbours'.
        let own: Vec<BTreeSet<u32>> =
            read.by_ref().take(texts.len()).map(|s| s.terms.iter().map(|&(term, _)| term).collect()).collect();
        let names: Vec<BTreeSet<String>> =
            texts.iter().map(|t| NAME.find_iter(t).map(|m| m.as_str().to_lowercase()).collect()).collect();
        let quotes: Vec<BTreeSet<String>> = texts
            .iter()
            .map(|t| {
                if !t.contains(['"', '“']) {
                    return BTreeSet::new();
                }
                SHORT_QUOTE
                    .captures_iter(t)
                    .filter_map(|c| c.get(1).or_else(|| c.get(2)))
                    .map(|q| q.as_str().trim_end_matches([',', '.', '!', '?', ';', ':']).to_lowercase())
                    .filter(|q| !q.is_empty())
                    .collect()
            })
            .collect();
        let next = |i: usize| (i + 2).min(texts.len());
        for (i, sentence) in source.sentences.iter().enumerate() {
            let around = i.saturating_sub(1)..next(i);
            let window = texts[i..next(i)].join(" ");
            let quoted: BTreeSet<String> = quotes[i..next(i)].iter().flatten().cloned().collect();
            let dates: BTreeSet<String> = dates
                .iter()
                .filter(|(at, _)| (sentence.start..sentence.end).contains(at))
                .map(|(_, d)| d.clone())
                .collect();
            if dates.is_empty() && quoted.is_empty() {
                continue;
            }
            statements.push(Statement {
                source: index,
                sentence: one_line(texts[i]),
                window,
                terms: own[around.clone()].iter().flatten().copied().collect(),
                own_terms: own[i].clone(),
                names: names[around].iter().flatten().cloned().collect(),
                dates,
                quoted,
            });
        }
    }
    statements
}

/// The day (`YYYY-MM-DD`) or month (`YYYY-MM`) of a value that has one, fully known.
fn day_or_month(value: &TimexValue) -> Option<String> {
    match value.without_time() {
        date @ (TimexValue::Month(..) | TimexValue::Day(Day::Date { .. })) if date.is_specified() => {
            Some(date.to_string())
        }
        _ => None,
    }
}

/// True when two statements give one date: the same day, or the same month where one of them
/// gives only the month.
fn same_date(a: &BTreeSet<String>, b: &BTreeSet<String>) -> bool {
    a.iter().any(|x| b.iter().any(|y| x == y || (x.len() != y.len() && x[..7] == y[..7])))
}

/// The details the statements of one fact give differently.
fn disagreements(members: &[usize], statements: &[Statement], sources: &[Source<'_>]) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    // Quoted phrases: beside a phrase every quoting report quotes, the ones only some quote.
    let quoting: Vec<&Statement> = members.iter().map(|&m| &statements[m]).filter(|s| !s.quoted.is_empty()).collect();
    let reports: BTreeSet<usize> = quoting.iter().map(|s| s.source).collect();
    let shared: BTreeSet<String> = quoting
        .iter()
        .flat_map(|s| s.quoted.iter().cloned())
        .filter(|q| reports.iter().all(|r| quoting.iter().any(|s| s.source == *r && s.quoted.contains(q))))
        .collect();
    if reports.len() >= 2 {
        if let Some(anchor) = shared.iter().next() {
            let mut by_value: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
            for statement in &quoting {
                for phrase in statement.quoted.difference(&shared) {
                    by_value.entry(phrase.clone()).or_default().insert(statement.source);
                }
            }
            push_conflict(
                &mut conflicts,
                format!("what was written or said in place of “{anchor}”"),
                &by_value,
                sources,
            );
        }
    }
    // Counts of the same thing.
    let mut counts: BTreeMap<String, BTreeMap<String, BTreeSet<usize>>> = BTreeMap::new();
    for &m in members {
        for caps in COUNT.captures_iter(&statements[m].window) {
            let value = caps[1].trim_end_matches([',', '.']).to_owned();
            counts.entry(caps[2].to_owned()).or_default().entry(value).or_default().insert(statements[m].source);
        }
    }
    for (thing, values) in &counts {
        push_conflict(&mut conflicts, format!("the number of {thing}"), values, sources);
    }
    // Sizes of the same object.
    let mut sizes: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    let mut object = String::new();
    for &m in members {
        let words: Vec<String> = statements[m]
            .window
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        for (i, word) in words.iter().enumerate() {
            if SIZES.contains(&word.as_str()) {
                sizes.entry(word.clone()).or_default().insert(statements[m].source);
                if object.is_empty() {
                    if let Some(noun) = words[i + 1..].iter().find(|w| !COLOURS.contains(&w.as_str())) {
                        object.clone_from(noun);
                    }
                }
            }
        }
    }
    push_conflict(&mut conflicts, format!("the size of the {object}"), &sizes, sources);
    conflicts
}

/// Adds a conflict when two values or more are each given by reports that give no other.
fn push_conflict(
    conflicts: &mut Vec<Conflict>,
    about: String,
    values: &BTreeMap<String, BTreeSet<usize>>,
    sources: &[Source<'_>],
) {
    let mut variants: Vec<Variant> = Vec::new();
    for (value, reports) in values {
        let exclusive: Vec<usize> =
            reports.iter().copied().filter(|r| values.iter().all(|(v, rs)| v == value || !rs.contains(r))).collect();
        if !exclusive.is_empty() {
            variants.push(Variant {
                value: value.clone(),
                sources: exclusive.iter().map(|&r| sources[r].id.to_owned()).collect(),
            });
        }
    }
    let only_spellings = variants.windows(2).all(|pair| spelling_variants(&pair[0].value, &pair[1].value));
    if variants.len() >= 2 && !only_spellings {
        conflicts.push(Conflict { about, variants });
    }
}

/// True for two spellings of one word (at most one letter apart, same first letter).
fn spelling_variants(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a.chars().next() == b.chars().next()
        && a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    fn run(texts: &[(&str, &str)]) -> (Vec<Corroboration>, Vec<Conflict>) {
        let splits: Vec<_> = texts.iter().map(|(t, _)| split_sentences(t)).collect();
        let sources: Vec<Source<'_>> = texts
            .iter()
            .zip(&splits)
            .enumerate()
            .map(|(i, ((text, day), sentences))| Source {
                id: ["s1", "s2", "s3"][i],
                text,
                sentences,
                published: Some(day.parse().unwrap()),
            })
            .collect();
        let documents: Vec<_> =
            sources.iter().map(|s| crate::summarize::Document { text: s.text, sentences: s.sentences }).collect();
        find(&sources, &crate::story::dates_and_times(&sources), &Features::extract(&documents))
    }

    #[test]
    fn a_quoted_word_and_shared_names_tie_paraphrases_and_show_their_differences() {
        let (facts, conflicts) = run(&[
            ("Clinton gave Lavrov an oversized red button labeled \"reset\" in Russian. It said \"overcharge\" instead.", "2009-03-07"),
            ("Clinton handed Lavrov a small object marked \"reset\" in Geneva. The word read \"overload\" instead.", "2009-03-06"),
        ]);
        assert_eq!(facts.len(), 1, "{facts:?}");
        assert_eq!(facts[0].sources, ["s1", "s2"]);
        let found: Vec<(String, Vec<String>)> =
            conflicts.iter().map(|c| (c.about.clone(), c.variants.iter().map(|v| v.value.clone()).collect())).collect();
        assert_eq!(
            found,
            [
                (
                    "what was written or said in place of “reset”".to_owned(),
                    vec!["overcharge".to_owned(), "overload".to_owned()]
                ),
                ("the size of the button".to_owned(), vec!["oversized".to_owned(), "small".to_owned()]),
            ]
        );
    }

    #[test]
    fn a_shared_date_and_rare_words_tie_statements_and_spellings_do_not_conflict() {
        let (facts, conflicts) = run(&[
            ("The arms reduction treaty called START expires in December, diplomats said.", "2009-05-07"),
            ("The START arms reduction treaty expires on 5 December, officials said.", "2009-03-06"),
            ("A storm hit the coast in December.", "2009-03-06"),
        ]);
        assert_eq!(facts.len(), 1, "{facts:?}");
        assert_eq!(facts[0].sources, ["s1", "s2"]);
        assert!(conflicts.is_empty(), "{conflicts:?}");
        assert!(spelling_variants("sergei", "sergey"));
        assert!(!spelling_variants("overload", "overcharge"));
    }
}
