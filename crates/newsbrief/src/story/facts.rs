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
use crate::story::Story;
use crate::timex::{Day, TimexValue};

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
static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{Alphabetic}\p{N}]+").expect("valid regex"));
/// Words that give an object's size.
const SIZES: &[&str] =
    &["small", "tiny", "little", "large", "big", "huge", "giant", "oversized", "enormous", "miniature", "massive"];
/// Words that may stand between a size and its object.
const COLOURS: &[&str] = &[
    "red", "blue", "green", "yellow", "black", "white", "grey", "gray", "orange", "pink", "purple", "brown", "golden",
    "silver",
];

/// Where a value stands: an article and a byte range of its text.
type At = (usize, usize, usize);

/// One statement: a sentence (which carries the anchors) seen with its neighbours.
struct Statement {
    /// The article it is in.
    source: usize,
    /// The sentence's byte range.
    start: usize,
    end: usize,
    /// The byte range of the sentence with the one after it: what disagreements are read in.
    window: (usize, usize),
    /// Content terms of the sentence and its neighbours.
    terms: BTreeSet<u32>,
    /// Content terms of the sentence alone.
    own_terms: BTreeSet<u32>,
    /// Capitalised words of the sentence and its neighbours.
    names: BTreeSet<String>,
    /// Dates the sentence gives (`YYYY-MM-DD` or `YYYY-MM`).
    dates: BTreeSet<String>,
    /// Short phrases the sentence and the next quote, lowercased, with where each first stands.
    quoted: BTreeMap<String, (usize, usize)>,
}

/// The corroborated facts and the conflicts among the story's reports.
pub(crate) fn find(story: &Story<'_>) -> (Vec<Corroboration>, Vec<Conflict>) {
    if story.articles.len() < 2 {
        return (Vec::new(), Vec::new());
    }
    let statements = statements(story);
    if statements.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let features = story.features;
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
            let same_quote = a.quoted.keys().any(|q| b.quoted.contains_key(q))
                && a.names.intersection(&b.names).count() >= SHARED_NAMES;
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
        let best = &statements[best];
        corroborated.push(Corroboration {
            text: story.articles[best.source].text[best.start..best.end].to_owned(),
            source: story.id(best.source).to_owned(),
            start: best.start,
            end: best.end,
            sources: reports.iter().map(|&s| story.id(s).to_owned()).collect(),
        });
        conflicts.extend(disagreements(members, &statements, story));
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

/// The statements of every article, with their anchors.
fn statements(story: &Story<'_>) -> Vec<Statement> {
    let mut statements = Vec::new();
    for (index, article) in story.articles.iter().enumerate() {
        let dates: Vec<(usize, String)> =
            story.dates[index].iter().filter_map(|t| day_or_month(&t.value).map(|d| (t.start, d))).collect();
        let sentences = &article.sentences;
        // Each sentence was read once, by the summarizer; a statement unites its neighbours'.
        let own: Vec<BTreeSet<u32>> = (0..sentences.len())
            .map(|position| story.sentence(index, position).terms.iter().map(|&(term, _)| term).collect())
            .collect();
        let names: Vec<BTreeSet<String>> = sentences
            .iter()
            .map(|s| NAME.find_iter(s.text(&article.text)).map(|m| m.as_str().to_lowercase()).collect())
            .collect();
        let quotes: Vec<BTreeMap<String, (usize, usize)>> =
            sentences.iter().map(|s| short_quotes(s.text(&article.text), s.start)).collect();
        let next = |i: usize| (i + 2).min(sentences.len());
        for (i, sentence) in sentences.iter().enumerate() {
            let around = i.saturating_sub(1)..next(i);
            let mut quoted: BTreeMap<String, (usize, usize)> = BTreeMap::new();
            for (phrase, at) in quotes[i..next(i)].iter().flatten() {
                quoted.entry(phrase.clone()).or_insert(*at);
            }
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
                start: sentence.start,
                end: sentence.end,
                window: (sentence.start, sentences[next(i) - 1].end),
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

/// The short phrases a sentence quotes (at most three words), lowercased, with their byte
/// ranges in the article (`offset` is the sentence's).
fn short_quotes(sentence: &str, offset: usize) -> BTreeMap<String, (usize, usize)> {
    let mut quoted = BTreeMap::new();
    if !sentence.contains(['"', '“']) {
        return quoted;
    }
    for phrase in SHORT_QUOTE.captures_iter(sentence).filter_map(|c| c.get(1).or_else(|| c.get(2))) {
        let text = phrase.as_str().trim_end_matches([',', '.', '!', '?', ';', ':']);
        if !text.is_empty() {
            let start = offset + phrase.start();
            quoted.entry(text.to_lowercase()).or_insert((start, start + text.len()));
        }
    }
    quoted
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

/// Where each value of a detail stands, report by report (the first place in each).
type Values = BTreeMap<String, BTreeMap<usize, At>>;

fn note(values: &mut Values, key: String, at: At) {
    values.entry(key).or_default().entry(at.0).or_insert(at);
}

/// The details the statements of one fact give differently.
fn disagreements(members: &[usize], statements: &[Statement], story: &Story<'_>) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    // Quoted phrases: beside a phrase every quoting report quotes, the ones only some quote.
    let quoting: Vec<&Statement> = members.iter().map(|&m| &statements[m]).filter(|s| !s.quoted.is_empty()).collect();
    let reports: BTreeSet<usize> = quoting.iter().map(|s| s.source).collect();
    let shared: BTreeSet<&String> = quoting
        .iter()
        .flat_map(|s| s.quoted.keys())
        .filter(|q| reports.iter().all(|r| quoting.iter().any(|s| s.source == *r && s.quoted.contains_key(*q))))
        .collect();
    if reports.len() >= 2 {
        if let Some(anchor) = shared.iter().next() {
            let mut by_value = Values::new();
            for statement in &quoting {
                for (phrase, &(start, end)) in statement.quoted.iter().filter(|(q, _)| !shared.contains(q)) {
                    note(&mut by_value, phrase.clone(), (statement.source, start, end));
                }
            }
            push_conflict(&mut conflicts, format!("what was written or said in place of “{anchor}”"), &by_value, story);
        }
    }
    // Counts of the same thing.
    let mut counts: BTreeMap<String, Values> = BTreeMap::new();
    for &m in members {
        let statement = &statements[m];
        let (from, to) = statement.window;
        let window = &story.articles[statement.source].text[from..to];
        for caps in COUNT.captures_iter(window) {
            let number = caps.get(1).expect("the pattern has a number");
            let value = number.as_str().trim_end_matches([',', '.']);
            let start = from + number.start();
            let at = (statement.source, start, start + value.len());
            note(counts.entry(caps[2].to_owned()).or_default(), value.to_owned(), at);
        }
    }
    for (thing, values) in &counts {
        push_conflict(&mut conflicts, format!("the number of {thing}"), values, story);
    }
    // Sizes of the same object.
    let mut sizes = Values::new();
    let mut object = String::new();
    for &m in members {
        let statement = &statements[m];
        let (from, to) = statement.window;
        let window = &story.articles[statement.source].text[from..to];
        let words: Vec<(String, usize, usize)> =
            WORD.find_iter(window).map(|w| (w.as_str().to_lowercase(), from + w.start(), from + w.end())).collect();
        for (i, (word, start, end)) in words.iter().enumerate() {
            if SIZES.contains(&word.as_str()) {
                note(&mut sizes, word.clone(), (statement.source, *start, *end));
                if object.is_empty() {
                    if let Some((noun, _, _)) = words[i + 1..].iter().find(|(w, _, _)| !COLOURS.contains(&w.as_str())) {
                        object.clone_from(noun);
                    }
                }
            }
        }
    }
    push_conflict(&mut conflicts, format!("the size of the {object}"), &sizes, story);
    conflicts
}

/// Adds a conflict when two values or more are each given by reports that give no other.
fn push_conflict(conflicts: &mut Vec<Conflict>, about: String, values: &Values, story: &Story<'_>) {
    let mut variants: Vec<Variant> = Vec::new();
    for (value, places) in values {
        let exclusive: Vec<&At> = places
            .values()
            .filter(|(r, _, _)| values.iter().all(|(v, others)| v == value || !others.contains_key(r)))
            .collect();
        if let Some(&&(source, start, end)) = exclusive.first() {
            variants.push(Variant {
                value: story.articles[source].text[start..end].to_owned(),
                source: story.id(source).to_owned(),
                start,
                end,
                sources: exclusive.iter().map(|&&(r, _, _)| story.id(r).to_owned()).collect(),
            });
        }
    }
    let only_spellings =
        variants.windows(2).all(|pair| spelling_variants(&pair[0].value.to_lowercase(), &pair[1].value.to_lowercase()));
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
    use crate::analysis::tests_support::full;
    use crate::analysis::AnalyzedArticle;
    use crate::story::tests_support::with_story;

    /// Facts and conflicts of the reports `(text, day)`, with sources written `s1`, `s2`, ...
    fn run(texts: &[(&str, &str)]) -> (Vec<Corroboration>, Vec<Conflict>) {
        let analyzed: Vec<AnalyzedArticle> = texts.iter().map(|(text, day)| full(text, Some(day))).collect();
        let articles: Vec<&AnalyzedArticle> = analyzed.iter().collect();
        let (mut facts, mut conflicts) = with_story(&articles, find);
        let label = |id: &mut String| {
            let index = analyzed.iter().position(|a| a.id == *id).expect("a source of the story");
            *id = format!("s{}", index + 1);
        };
        for fact in &mut facts {
            assert_eq!(&analyzed.iter().find(|a| a.id == fact.source).unwrap().text[fact.start..fact.end], fact.text);
            fact.sources.iter_mut().for_each(label);
        }
        for variant in conflicts.iter_mut().flat_map(|c| &mut c.variants) {
            assert_eq!(
                &analyzed.iter().find(|a| a.id == variant.source).unwrap().text[variant.start..variant.end],
                variant.value
            );
            variant.sources.iter_mut().for_each(label);
        }
        (facts, conflicts)
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
