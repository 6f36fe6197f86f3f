//! Conflicts: the same detail given different values by reports that tell one fact.
//!
//! Within a fact's statements: amounts of the same thing (the same kind of amount with the same
//! word beside it: "15 people" / "at least 20 people"), unless one is the other rounded ("about
//! 20" / "19"); the day an event happened, when each statement names one; the short phrase
//! quoted beside one they all quote ("welcome" ... "farewell" / "goodbye"); an object's size.
//! Across the story's quotations: the same quotation (most of its words in the same order)
//! worded differently within (a word put for another, not one left out or a spelling), or given
//! to different people by name.
//!
//! A report that gives two values of one detail takes no side; one that gives two amounts or
//! days of one detail tells of a change or a step ("$80, later settling on $100"), not of a
//! disagreement, and there is no conflict. Copies of one report count once.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use super::align::Group;
use super::statements::Statement;
use crate::brief::{Conflict, Entity, Quote, Variant};
use crate::mention::{Attribution, EntityKind};
use crate::pattern::CharClass;
use crate::story::entities::fold;
use crate::story::Story;
use crate::tokens::{term_hash, ContentTerms};

/// Words that give an object's size.
const SIZES: &[&str] =
    &["small", "tiny", "little", "large", "big", "huge", "giant", "oversized", "enormous", "miniature", "massive"];
/// Words that may stand between a size and its object.
const COLOURS: &[&str] = &[
    "red", "blue", "green", "yellow", "black", "white", "grey", "gray", "orange", "pink", "purple", "brown", "golden",
    "silver",
];
/// Two quotations are one when their longest common word sequence holds this many content words
/// at least.
const QUOTE_WORDS: usize = 4;
/// ... and this share of the content words of the one with fewer.
const SAME_QUOTE: f32 = 0.6;
/// A stretch of more words than this in place of another is no rewording of one quotation.
const REWORDED: usize = 4;

/// The characters of words: letters (Unicode `Alphabetic`) and numbers (Unicode category `N`).
static WORD_CHAR: LazyLock<CharClass> = LazyLock::new(|| CharClass::new(r"[\p{Alphabetic}\p{N}]"));
/// Letters (Unicode `Alphabetic`).
static LETTER: LazyLock<CharClass> = LazyLock::new(|| CharClass::new(r"\p{Alphabetic}"));

/// The byte ranges of the words of `text`: the longest runs of [`WORD_CHAR`] characters.
fn words_of(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (WORD_CHAR.contains(c), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                words.push((from, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        words.push((from, text.len()));
    }
    words
}

/// The byte ranges of the tokens of a quotation: words, each with the letters after an
/// apostrophe that follows it ("don't", "l'été"), as `[\p{Alphabetic}\p{N}]+(?:['’]\p{Alphabetic}+)?`
/// finds them.
fn quote_tokens(text: &str) -> Vec<(usize, usize)> {
    let mut tokens: Vec<(usize, usize)> = Vec::new();
    for (start, end) in words_of(text) {
        // Letters after the apostrophe of the token before may have taken in the word's start.
        let start = tokens.last().map_or(start, |&(_, last)| start.max(last));
        if start >= end {
            continue;
        }
        let mut end = end;
        let mut rest = text[end..].chars();
        if let Some(apostrophe @ ('\'' | '’')) = rest.next() {
            let letters: usize = rest.take_while(|&c| LETTER.contains(c)).map(char::len_utf8).sum();
            if letters > 0 {
                end += apostrophe.len_utf8() + letters;
            }
        }
        tokens.push((start, end));
    }
    tokens
}

/// Where one report gives one value: its index in the story and a byte range of its text.
type Seen = (usize, usize, usize);

/// The conflict over `about` among `classes` of values (each the places that give one value),
/// when two values or more remain after setting aside reports that give several.
fn conflict(about: String, classes: &[Vec<Seen>], voice: &[usize], story: &Story<'_>) -> Option<Conflict> {
    let reports_of = |class: &Vec<Seen>| class.iter().map(|s| s.0).collect::<BTreeSet<usize>>();
    let all: Vec<BTreeSet<usize>> = classes.iter().map(reports_of).collect();
    let mut variants = Vec::new();
    let mut voices = BTreeSet::new();
    for (i, class) in classes.iter().enumerate() {
        let exclusive: BTreeSet<usize> = all[i]
            .iter()
            .copied()
            .filter(|r| all.iter().enumerate().all(|(j, other)| j == i || !other.contains(r)))
            .collect();
        let Some(&(source, start, end)) = class.iter().find(|s| exclusive.contains(&s.0)) else { continue };
        voices.extend(exclusive.iter().map(|&r| voice[r]));
        variants.push(Variant {
            value: story.articles[source].text[start..end].to_owned(),
            source: story.id(source).to_owned(),
            start,
            end,
            sources: exclusive.iter().map(|&r| story.id(r).to_owned()).collect(),
        });
    }
    // Words one letter apart are spellings of one word; numbers one digit apart are not.
    let spellings = variants.iter().all(|v| !v.value.contains(|c: char| c.is_ascii_digit()))
        && variants
            .windows(2)
            .all(|pair| spelling_variants(&pair[0].value.to_lowercase(), &pair[1].value.to_lowercase()));
    (variants.len() >= 2 && voices.len() >= 2 && !spellings).then_some(Conflict { about, variants })
}

/// True when a report gives two of the values: a change or a step it tells ("$80, later
/// settling on $100"), not a disagreement among reports.
fn one_tells_several(classes: &[Vec<Seen>]) -> bool {
    let reports: Vec<BTreeSet<usize>> = classes.iter().map(|c| c.iter().map(|s| s.0).collect()).collect();
    reports.iter().enumerate().any(|(i, x)| reports[i + 1..].iter().any(|y| !x.is_disjoint(y)))
}

/// Splits `items` into classes of equal values (each item joins the first class whose first
/// item it equals).
fn classes<T>(items: &[T], same: impl Fn(&T, &T) -> bool) -> Vec<Vec<usize>> {
    let mut classes: Vec<Vec<usize>> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match classes.iter_mut().find(|c| same(&items[c[0]], item)) {
            Some(class) => class.push(i),
            None => classes.push(vec![i]),
        }
    }
    classes
}

/// The details the statements of one fact give differently.
pub(super) fn in_group(group: &Group, statements: &[Statement], voice: &[usize], story: &Story<'_>) -> Vec<Conflict> {
    let members: Vec<&Statement> = group.members.iter().map(|&m| &statements[m]).collect();
    let mut conflicts = Vec::new();
    conflicts.extend(amounts(&members, voice, story));
    conflicts.extend(days(&members, voice, story));
    conflicts.extend(quoted_phrases(&members, voice, story));
    conflicts.extend(sizes(&members, voice, story));
    conflicts
}

/// Amounts of the same thing with different values.
fn amounts(members: &[&Statement], voice: &[usize], story: &Story<'_>) -> Vec<Conflict> {
    let nodes: Vec<(usize, &super::values::Amount)> =
        members.iter().flat_map(|s| s.amounts.iter().map(move |a| (s.source, a))).collect();
    // Details: amounts of the same thing in different reports, joined.
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    for i in 0..nodes.len() {
        for j in i + 1..nodes.len() {
            if nodes[i].0 != nodes[j].0 && nodes[i].1.same_detail(nodes[j].1).is_some() {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut conflicts = Vec::new();
    for detail in 0..nodes.len() {
        let items: Vec<(usize, &super::values::Amount)> =
            (0..nodes.len()).filter(|&i| root(&mut parent, i) == detail).map(|i| nodes[i]).collect();
        if items.len() < 2 {
            continue;
        }
        let split = classes(&items, |x, y| x.1.same_value(y.1));
        // A report that gives a value anywhere in its statement, of whatever, gives it.
        let seen: Vec<Vec<Seen>> = split
            .iter()
            .map(|class| {
                let first = items[class[0]].1;
                let mut seen: Vec<Seen> =
                    class.iter().map(|&i| (items[i].0, items[i].1.start, items[i].1.end)).collect();
                for &(source, amount) in &nodes {
                    if amount.unit == first.unit && amount.same_value(first) && seen.iter().all(|s| s.0 != source) {
                        seen.push((source, amount.start, amount.end));
                    }
                }
                seen
            })
            .collect();
        let word = items
            .iter()
            .flat_map(|x| items.iter().filter(|y| y.0 != x.0).filter_map(|y| x.1.same_detail(y.1)))
            .next()
            .unwrap_or_default();
        if one_tells_several(&seen) {
            continue;
        }
        let about = match items[0].1.unit {
            super::values::Unit::Money => format!("the sum (“{word}”)"),
            super::values::Unit::Percent => format!("the share (“{word}”)"),
            super::values::Unit::Count => format!("the number (“{word}”)"),
        };
        conflicts.extend(conflict(about, &seen, voice, story));
    }
    conflicts
}

fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// Different days of the same thing (a content word around both, as for amounts: not
/// "Sunday's altercation" and "Monday's statement"), where each statement names exactly one.
fn days(members: &[&Statement], voice: &[usize], story: &Story<'_>) -> Vec<Conflict> {
    let named: Vec<(usize, &super::values::DayMention)> =
        members.iter().filter(|s| s.days.len() == 1).map(|s| (s.source, &s.days[0])).collect();
    // A day whose thing another report dates too, on another day.
    let items: Vec<(usize, &super::values::DayMention)> = named
        .iter()
        .filter(|x| named.iter().any(|y| y.0 != x.0 && !y.1.same_day(x.1) && y.1.same_detail(x.1)))
        .copied()
        .collect();
    let split = classes(&items, |x, y| x.1.same_day(y.1));
    if split.len() < 2 {
        return Vec::new();
    }
    let seen: Vec<Vec<Seen>> =
        split.iter().map(|c| c.iter().map(|&i| (items[i].0, items[i].1.start, items[i].1.end)).collect()).collect();
    if one_tells_several(&seen) {
        return Vec::new();
    }
    conflict("the day".to_owned(), &seen, voice, story).into_iter().collect()
}

/// Beside a short phrase every quoting statement quotes, the ones only some quote.
fn quoted_phrases(members: &[&Statement], voice: &[usize], story: &Story<'_>) -> Vec<Conflict> {
    let quoting: Vec<&&Statement> = members.iter().filter(|s| !s.quoted.is_empty()).collect();
    if quoting.len() < 2 {
        return Vec::new();
    }
    let shared: BTreeSet<&String> =
        quoting[0].quoted.keys().filter(|q| quoting.iter().all(|s| s.quoted.contains_key(*q))).collect();
    let Some(anchor) = shared.iter().next() else { return Vec::new() };
    let mut items: Vec<(String, Seen)> = Vec::new();
    for statement in &quoting {
        for (phrase, &(start, end)) in statement.quoted.iter().filter(|(q, _)| !shared.contains(q)) {
            items.push((phrase.clone(), (statement.source, start, end)));
        }
    }
    let split = classes(&items, |x, y| x.0 == y.0);
    let seen: Vec<Vec<Seen>> = split.iter().map(|c| c.iter().map(|&i| items[i].1).collect()).collect();
    conflict(format!("what was written or said in place of “{anchor}”"), &seen, voice, story).into_iter().collect()
}

/// Different sizes of one object.
fn sizes(members: &[&Statement], voice: &[usize], story: &Story<'_>) -> Vec<Conflict> {
    let mut items: Vec<(String, Seen)> = Vec::new();
    let mut object = String::new();
    for statement in members {
        let text = &story.articles[statement.source].text;
        let sentence = &text[statement.start..statement.end];
        let words: Vec<Word> = words_of(sentence)
            .into_iter()
            .map(|(start, end)| (sentence[start..end].to_lowercase(), statement.start + start, statement.start + end))
            .collect();
        for (i, (word, start, end)) in words.iter().enumerate() {
            if SIZES.contains(&word.as_str()) {
                items.push((word.clone(), (statement.source, *start, *end)));
                if object.is_empty() {
                    if let Some((noun, _, _)) = words[i + 1..].iter().find(|(w, _, _)| !COLOURS.contains(&w.as_str())) {
                        object.clone_from(noun);
                    }
                }
            }
        }
    }
    let split = classes(&items, |x, y| x.0 == y.0);
    let seen: Vec<Vec<Seen>> = split.iter().map(|c| c.iter().map(|&i| items[i].1).collect()).collect();
    conflict(format!("the size of the {object}"), &seen, voice, story).into_iter().collect()
}

/// A word of a quotation, lowercased, with its byte range in the article.
type Word = (String, usize, usize);

/// One quotation of the story, as words.
struct Quotation<'q> {
    /// The article it is in.
    source: usize,
    quote: &'q Quote,
    /// Its words, lowercased, contractions written out, each with its byte range in the article.
    words: Vec<Word>,
    /// The hash of each word, compared in place of the word.
    ids: Vec<u64>,
    /// Whether each word is a content word.
    content: Vec<bool>,
    /// The hashes of its content words, sorted, repeats kept.
    content_ids: Vec<u64>,
}

impl<'q> Quotation<'q> {
    fn new(source: usize, quote: &'q Quote, words: Vec<Word>, terms: &ContentTerms) -> Self {
        let ids: Vec<u64> = words.iter().map(|w| term_hash(&w.0)).collect();
        let content: Vec<bool> = words.iter().map(|w| terms.term(&w.0).is_some()).collect();
        let mut content_ids: Vec<u64> = ids.iter().zip(&content).filter(|(_, &c)| c).map(|(&id, _)| id).collect();
        content_ids.sort_unstable();
        Quotation { source, quote, words, ids, content, content_ids }
    }

    /// The most content words any common word sequence of `self` and `other` can hold: the
    /// content words both hold, repeats counted, so that pairs that cannot be one quotation
    /// are set aside before their word sequences are compared.
    fn content_in_common(&self, other: &Quotation<'_>) -> usize {
        let (mut i, mut j, mut common) = (0, 0, 0);
        let (mine, theirs) = (&self.content_ids, &other.content_ids);
        while i < mine.len() && j < theirs.len() {
            match mine[i].cmp(&theirs[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        common
    }
}

/// True when `shared` content words in order are too few to make two quotations of `fewer`
/// content words (the one with fewer) one quotation.
fn too_few(shared: usize, fewer: usize) -> bool {
    shared < QUOTE_WORDS || (shared as f32) < SAME_QUOTE * fewer as f32
}

/// The quotations several reports give differently: worded differently within, or said by
/// different people. Pairs whose content words in common are already too few are set aside
/// before their longest common word sequence is sought.
pub(super) fn in_quotes(quotes: &[Quote], entities: &[Entity], voice: &[usize], story: &Story<'_>) -> Vec<Conflict> {
    let terms = ContentTerms::for_language(None);
    let quotations: Vec<Quotation<'_>> = quotes
        .iter()
        .filter_map(|quote| {
            let source = (0..story.articles.len()).find(|&i| story.id(i) == quote.source)?;
            let words = quote_words(&quote.text, quote.start);
            (words.len() >= QUOTE_WORDS).then(|| Quotation::new(source, quote, words, &terms))
        })
        .collect();
    let mut conflicts = Vec::new();
    let mut speakers: Vec<(usize, usize)> = Vec::new();
    for (i, a) in quotations.iter().enumerate() {
        for b in &quotations[i + 1..] {
            if voice[a.source] == voice[b.source] {
                continue;
            }
            let fewer = a.content_ids.len().min(b.content_ids.len());
            if too_few(a.content_in_common(b), fewer) {
                continue;
            }
            let matched = common_words(&a.ids, &b.ids);
            let shared = matched.iter().filter(|&&(i, _)| a.content[i]).count();
            if too_few(shared, fewer) {
                continue;
            }
            if let Some(conflict) = wording(a, b, &matched, &terms, voice, story) {
                conflicts.push(conflict);
            }
            if let Some(conflict) = speaker(a, b, entities, voice, story) {
                if !speakers.contains(&(a.source, b.source)) {
                    speakers.push((a.source, b.source));
                    conflicts.push(conflict);
                }
            }
        }
    }
    conflicts
}

/// The words of a quotation at `offset` in its article: lowercased, contractions written out
/// ("won't" as "will not", "they're" as "they are"; the possessive or "is" of "'s" dropped).
fn quote_words(text: &str, offset: usize) -> Vec<Word> {
    let mut words = Vec::new();
    for (from, to) in quote_tokens(text) {
        let (start, end) = (offset + from, offset + to);
        let lower = text[from..to].to_lowercase().replace('’', "'");
        let expanded: Vec<&str> = match lower.split_once('\'') {
            None => vec![lower.as_str()],
            Some(("won", "t")) => vec!["will", "not"],
            Some(("can", "t")) => vec!["can", "not"],
            Some((head, "t")) if head.ends_with('n') => vec![&head[..head.len() - 1], "not"],
            Some((head, "re")) => vec![head, "are"],
            Some((head, "ll")) => vec![head, "will"],
            Some((head, "ve")) => vec![head, "have"],
            Some((head, "m")) => vec![head, "am"],
            Some((head, "d")) => vec![head, "would"],
            Some((head, _)) => vec![head],
        };
        words.extend(expanded.into_iter().map(|w| (w.to_owned(), start, end)));
    }
    words
}

/// The longest common subsequence of two word lists (as word hashes), as pairs of indices.
fn common_words(first: &[u64], second: &[u64]) -> Vec<(usize, usize)> {
    let (rows, cols) = (first.len(), second.len());
    let width = cols + 1;
    let mut table = vec![0u16; (rows + 1) * width];
    for row in (0..rows).rev() {
        for col in (0..cols).rev() {
            table[row * width + col] = if first[row] == second[col] {
                table[(row + 1) * width + col + 1].saturating_add(1)
            } else {
                table[(row + 1) * width + col].max(table[row * width + col + 1])
            };
        }
    }
    let (mut row, mut col, mut matched) = (0, 0, Vec::new());
    while row < rows && col < cols {
        if first[row] == second[col] {
            matched.push((row, col));
            row += 1;
            col += 1;
        } else if table[(row + 1) * width + col] >= table[row * width + col + 1] {
            row += 1;
        } else {
            col += 1;
        }
    }
    matched
}

/// The conflict of two renderings of one quotation that put different words in one place
/// between words they share: a content word on each side, not spellings of one word.
fn wording(
    a: &Quotation<'_>,
    b: &Quotation<'_>,
    matched: &[(usize, usize)],
    terms: &ContentTerms,
    voice: &[usize],
    story: &Story<'_>,
) -> Option<Conflict> {
    let content = |w: &Word| terms.term(&w.0).is_some();
    let mut differing: Vec<(&[Word], &[Word])> = Vec::new();
    for pair in matched.windows(2) {
        let (x, y) = (&a.words[pair[0].0 + 1..pair[1].0], &b.words[pair[0].1 + 1..pair[1].1]);
        if x.is_empty() || y.is_empty() || !x.iter().any(content) || !y.iter().any(content) {
            continue;
        }
        if x.len() > REWORDED || y.len() > REWORDED {
            return None;
        }
        let same_terms = x.len() == y.len()
            && x.iter().zip(y).all(|(u, v)| terms.term(&u.0) == terms.term(&v.0) || spelling_variants(&u.0, &v.0));
        if !same_terms {
            differing.push((x, y));
        }
    }
    let ((x, y), (x_last, y_last)) = (differing.first()?, differing.last()?);
    let span = |first: &[Word], last: &[Word]| (first[0].1, last[last.len() - 1].2);
    let (a_span, b_span) = (span(x, x_last), span(y, y_last));
    let opening: Vec<&str> = a.words.iter().take(6).map(|w| w.0.as_str()).collect();
    let seen = [vec![(a.source, a_span.0, a_span.1)], vec![(b.source, b_span.0, b_span.1)]];
    conflict(format!("the words of the quotation “{}…”", opening.join(" ")), &seen, voice, story)
}

/// The conflict of one quotation given to two different people by name (not to a person and
/// the outlet or office that relays the words, nor to a word misread as a name: each is a
/// person the story names in full).
fn speaker(
    a: &Quotation<'_>,
    b: &Quotation<'_>,
    entities: &[Entity],
    voice: &[usize],
    story: &Story<'_>,
) -> Option<Conflict> {
    let ((name_a, span_a), (name_b, span_b)) = (named(a.quote)?, named(b.quote)?);
    // A person the story names in full at least once (not "Detectives" read as a name).
    let person = |name: &str| {
        entities
            .iter()
            .any(|e| e.name == name && e.kind == EntityKind::Person && e.name.split_whitespace().nth(1).is_some())
    };
    if !person(name_a) || !person(name_b) {
        return None;
    }
    if same_person(name_a, name_b) {
        return None;
    }
    let opening: Vec<&str> = a.words.iter().take(6).map(|w| w.0.as_str()).collect();
    let seen = [vec![(a.source, span_a.start, span_a.end)], vec![(b.source, span_b.start, span_b.end)]];
    conflict(format!("who said “{}…”", opening.join(" ")), &seen, voice, story)
}

/// The speaker of a quotation given by name or label, with the span of the mention.
fn named(quote: &Quote) -> Option<(&str, crate::brief::Span)> {
    if !matches!(quote.attribution, Some(Attribution::Named | Attribution::Label)) {
        return None;
    }
    quote.speaker.as_deref().zip(quote.speaker_span)
}

/// True when two names may be one person's: the same name folded, or one holding the other's
/// last word ("Ellingsen" and "Marta Ellingsen").
fn same_person(a: &str, b: &str) -> bool {
    let last = |name: &str| name.split_whitespace().next_back().map(fold).unwrap_or_default();
    let (fa, fb) = (fold(a), fold(b));
    fa == fb
        || a.split_whitespace().map(fold).any(|w| w == last(b))
        || b.split_whitespace().map(fold).any(|w| w == last(a))
}

/// True for two spellings of one word: the same first letter, and one letter put for another,
/// added or left out ("Sergei" / "Sergey", "shining" / "shinning").
pub(super) fn spelling_variants(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.first() != long.first() || long.len() - short.len() > 1 {
        return false;
    }
    let prefix = short.iter().zip(&long).take_while(|(x, y)| x == y).count();
    if prefix == short.len() {
        return true;
    }
    let skip = long.len() - short.len();
    short[prefix + 1 - skip..] == long[prefix + 1..]
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;

    /// Checks that the words and quotation tokens of `text` are what the regular expressions
    /// they replace find.
    fn check(text: &str) {
        static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{Alphabetic}\p{N}]+").expect("valid regex"));
        static QUOTE_TOKEN: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"[\p{Alphabetic}\p{N}]+(?:['’][\p{Alphabetic}]+)?").expect("valid regex"));
        let spans = |re: &Regex| -> Vec<(usize, usize)> { re.find_iter(text).map(|m| (m.start(), m.end())).collect() };
        assert_eq!(words_of(text), spans(&WORD), "{text:?}");
        assert_eq!(quote_tokens(text), spans(&QUOTE_TOKEN), "{text:?}");
    }

    #[test]
    fn words_and_tokens_are_found_as_the_regular_expressions_find_them() {
        for text in [
            "",
            "   ",
            "We won't stop, they're sure: it's 12 o'clock.",
            "l'été2x and l’été’s 3'4 ' 'a a' x''y x'’y ½ 東京 Ⅻ",
            "rock'n'roll don'T 9's A'1b",
            "trailing'",
            "'leading",
            "é'",
            "\u{88f}'\u{88f} ab\u{88f}",
        ] {
            check(text);
        }
        // Every short string over a few kinds of characters.
        let alphabet = ['a', 'É', '7', '½', '\'', '’', ' ', '-'];
        let mut text = String::new();
        for n in 0..alphabet.len().pow(5) {
            text.clear();
            let mut rest = n;
            for _ in 0..5 {
                text.push(alphabet[rest % alphabet.len()]);
                rest /= alphabet.len();
            }
            check(&text);
        }
    }
}
