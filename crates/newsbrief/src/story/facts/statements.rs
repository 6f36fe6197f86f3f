//! Statements: the sentences of a story that can state a fact, with what alignment and the
//! conflict finders read of them.
//!
//! A statement is a sentence fit to stand alone in a brief (a whole sentence of reasonable
//! length, as the summarizer judges it), seen alone and together with the sentence after it,
//! since a fact is often told over two ("The mayor opened the new bridge on Sunday. It cost the
//! city $40 million"). Each carries its tf-idf vector over the story's sentences, its terms
//! and those that stand in names the article's analysis found, its amounts and days, and the short phrases it quotes.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::values::{amounts, dated, weekdays, Amount, DayMention};
use crate::story::Story;
use crate::summarize::features::normalised;
use crate::timex::{Day, TimexValue};
use crate::tokens::ContentTerms;

static SHORT_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#""([^"\s]+(?: [^"\s]+){0,2}?)[,.]?"|“([^”\s]+(?: [^”\s]+){0,2}?)[,.]?”"#).expect("valid regex")
});

/// One statement of one report.
pub(super) struct Statement {
    /// The article it is in (its index in the story).
    pub(super) source: usize,
    /// The sentence's byte range in the article's text.
    pub(super) start: usize,
    /// Byte offset just past the sentence.
    pub(super) end: usize,
    /// Byte offset just past the sentence after it (`end` when there is none).
    pub(super) window_end: usize,
    /// Leans on the sentence before it ("He said ..."): a poor way to tell a fact alone.
    pub(super) leans: bool,
    /// Unit-length tf-idf vector of the sentence (sorted term id and weight).
    pub(super) vector: Vec<(u32, f32)>,
    /// Unit-length tf-idf vector of the sentence and the one after it (empty when none).
    pub(super) window: Vec<(u32, f32)>,
    /// The sentence's content terms (stable ids), sorted, without repeats.
    pub(super) terms: Vec<u64>,
    /// Those of them that stand in names the article's analysis found, sorted.
    pub(super) name_terms: Vec<u64>,
    /// The amounts the sentence gives.
    pub(super) amounts: Vec<Amount>,
    /// The days of the week (or dates) the sentence names.
    pub(super) days: Vec<DayMention>,
    /// Short phrases (three words at most) the sentence and the one after it quote, lowercased,
    /// with where each first stands.
    pub(super) quoted: BTreeMap<String, (usize, usize)>,
}

impl Statement {
    /// The terms of the statement's window (or of the sentence when alone).
    pub(super) fn window_terms(&self) -> impl Iterator<Item = u32> + '_ {
        let window = if self.window.is_empty() { &self.vector } else { &self.window };
        window.iter().map(|&(term, _)| term)
    }
}

/// The statements of every article of the story. Numbers within the dates and times the
/// analysis found ("50,000 years ago", "the 1990s") are parts of them, no amounts.
pub(super) fn statements(story: &Story<'_>) -> Vec<Statement> {
    let features = story.features;
    let vectors = features.tfidf_vectors();
    let mut statements = Vec::new();
    let mut first = 0;
    for (index, article) in story.articles.iter().enumerate() {
        let terms = ContentTerms::for_language(article.meta.language.as_deref());
        let count = article.sentences.len();
        let resolved: Vec<DayMention> = story.dates[index]
            .iter()
            .filter_map(|t| match t.value.without_time() {
                TimexValue::Day(day @ Day::Date { .. }) => day.date().map(|date| dated(t.start, t.end, date)),
                _ => None,
            })
            .collect();
        for (position, sentence) in article.sentences.iter().enumerate() {
            let global = first + position;
            if !features.sentences[global].eligible {
                continue;
            }
            let next = (position + 1 < count).then(|| global + 1);
            let window = next.map_or_else(Vec::new, |n| sum(&vectors[global], &vectors[n]));
            let window_end = next.map_or(sentence.end, |_| article.sentences[position + 1].end);
            let range = sentence.start..sentence.end;
            let mut own: Vec<u64> = sentence.terms.clone();
            own.sort_unstable();
            own.dedup();
            let mut name_terms: Vec<u64> = article
                .entities
                .iter()
                .filter(|m| range.contains(&m.start))
                .flat_map(|m| terms.terms(&article.text[m.start..m.end]))
                .collect();
            name_terms.sort_unstable();
            name_terms.dedup();
            // A day expression straddling the sentence's end (a split inside it) is not the sentence's.
            let mut days: Vec<DayMention> =
                resolved.iter().filter(|d| range.contains(&d.start) && d.end <= range.end).cloned().collect();
            if story.days[index].is_none() {
                days = weekdays(&article.text, range.clone());
            }
            for day in &mut days {
                day.read_around(&article.text, range.clone(), &terms);
            }
            statements.push(Statement {
                source: index,
                start: sentence.start,
                end: sentence.end,
                window_end,
                leans: features.sentences[global].leans,
                vector: vectors[global].clone(),
                window,
                terms: own,
                name_terms,
                amounts: amounts(&article.text, range.clone(), &terms)
                    .into_iter()
                    .filter(|a| !story.dates[index].iter().any(|t| t.start < a.end && a.start < t.end))
                    .collect(),
                days,
                quoted: short_quotes(&article.text, sentence.start..window_end),
            });
        }
        first += count;
    }
    statements
}

/// The unit-length sum of two unit-length sparse vectors sorted by id.
fn sum(first: &[(u32, f32)], second: &[(u32, f32)]) -> Vec<(u32, f32)> {
    let mut merged = Vec::with_capacity(first.len() + second.len());
    let (mut left, mut right) = (first.iter().peekable(), second.iter().peekable());
    loop {
        let next = match (left.peek(), right.peek()) {
            (Some(&&(term, weight)), Some(&&(other, more))) if term == other => {
                left.next();
                right.next();
                (term, weight + more)
            }
            (Some(&&(term, _)), Some(&&(other, _))) if term < other => *left.next().expect("peeked"),
            (Some(_), None) => *left.next().expect("peeked"),
            (_, Some(_)) => *right.next().expect("peeked"),
            (None, None) => break,
        };
        merged.push(next);
    }
    normalised(merged)
}

/// The short phrases `text[range]` quotes (at most three words), lowercased, with their byte
/// ranges in `text`.
pub(super) fn short_quotes(text: &str, range: std::ops::Range<usize>) -> BTreeMap<String, (usize, usize)> {
    let mut quoted = BTreeMap::new();
    let part = &text[range.clone()];
    if !part.contains(['"', '“']) {
        return quoted;
    }
    for phrase in SHORT_QUOTE.captures_iter(part).filter_map(|c| c.get(1).or_else(|| c.get(2))) {
        let written = phrase.as_str().trim_end_matches([',', '.', '!', '?', ';', ':']);
        if !written.is_empty() {
            let start = range.start + phrase.start();
            quoted.entry(written.to_lowercase()).or_insert((start, start + written.len()));
        }
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::full;
    use crate::analysis::AnalyzedArticle;
    use crate::story::tests_support::with_story;

    #[test]
    fn statements_are_the_sentences_fit_to_stand_alone_with_their_details() {
        let texts = [
            "Police said at least 15 people were killed on Saturday in Benghazi. Reuters. Nothing else happened in the city that day.",
            "Short one.",
        ];
        let analyzed: Vec<AnalyzedArticle> = texts.iter().map(|t| full(t, None)).collect();
        let articles: Vec<&AnalyzedArticle> = analyzed.iter().collect();
        with_story(&articles, |story| {
            let found = statements(story);
            let spans: Vec<&str> = found.iter().map(|s| &texts[s.source][s.start..s.end]).collect();
            assert_eq!(
                spans,
                [
                    "Police said at least 15 people were killed on Saturday in Benghazi.",
                    "Nothing else happened in the city that day."
                ]
            );
            let first = &found[0];
            assert_eq!(first.window_end, texts[0].find(" Nothing").unwrap());
            assert_eq!(first.amounts.len(), 1);
            assert_eq!(&texts[0][first.days[0].start..first.days[0].end], "Saturday");
            assert_eq!(first.name_terms, [crate::tokens::term_hash("benghazi")], "the name found");
            assert!(found[1].window.is_empty(), "the last sentence has no window");
        });
    }

    #[test]
    fn short_quoted_phrases_are_read_with_their_places() {
        let text = "The button said \"reset\" but read “overload.” He said \"this is far too long to count\".";
        let found: Vec<(String, &str)> =
            short_quotes(text, 0..text.len()).into_iter().map(|(k, (s, e))| (k, &text[s..e])).collect();
        assert_eq!(found, [("overload".to_owned(), "overload"), ("reset".to_owned(), "reset")]);
    }
}
