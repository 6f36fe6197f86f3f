//! One analysis per article: everything the story stages need from a report, computed once,
//! from the report alone (no state shared across articles), and serialisable so that a store can
//! keep it.
//!
//! Architecture Invariant: an [`AnalyzedArticle`] depends on its article only: analysing a
//! report gives the same value whatever else is briefed or stored with it. Every span it holds
//! (sentences, dates, names, quotations, speakers) is a byte range of its cleaned `text`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::article::{Article, Metadata};
use crate::mention::{EntityMention, QuoteMention};
use crate::sentences::{split_sentences, Sentence};
use crate::summarize::features::judge_sentence;
use crate::timex::{find_timexes, Timex};
use crate::tokens::{word_count, ContentTerms};

/// The version of the [`AnalyzedArticle`] format and of what fills it; a store re-analyses
/// articles kept in another. Bumped whenever a stage's output changes, not only the layout
/// (2: names from the trained recognizer, typed temporal expressions with their prepositions;
/// 3: speakers decided by the trained speaker ranker; 4: the ranker's new features, and no
/// organisation inferred as a frameless quotation's speaker; 5: invisible marks inside words
/// cleaned away, titles in quotation marks no quotations; 6: no headline taken from a page's
/// story highlights or a credit line).
pub const ANALYSIS_VERSION: u32 = 6;

/// How much of an article is analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Depth {
    /// Sentences and their terms: what a summary needs.
    Summary,
    /// Also dates, names and quotations: what the story's analysis needs.
    #[default]
    Full,
}

/// One sentence of an analysed article, with what the summarizers and story stages read of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyzedSentence {
    /// Byte offset of its first character in the article's text.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// Its number of words.
    pub words: usize,
    /// Its content terms in order (stemmed, stopwords dropped), as stable ids.
    pub terms: Vec<u64>,
    /// Fit for a summary: a whole statement of reasonable length, not a question, fragment,
    /// headline or address.
    pub worthy: bool,
    /// Leans on the sentence before it ("He said", "But", the second half of a quotation, an
    /// unattributed "I"): read well only after it.
    pub leans: bool,
}

impl AnalyzedSentence {
    /// Its span in the article's text.
    pub fn span(&self) -> Sentence {
        Sentence { start: self.start, end: self.end }
    }

    /// Its text within `article_text`.
    pub fn text<'a>(&self, article_text: &'a str) -> &'a str {
        &article_text[self.start..self.end]
    }
}

/// One report, analysed once: its cleaned text and metadata, sentences and their terms, and,
/// at [`Depth::Full`], its dates, names and quotations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalyzedArticle {
    /// The format version ([`ANALYSIS_VERSION`]) this value was made with.
    pub version: u32,
    /// Stable id: the first 16 hex digits of the SHA-256 of the cleaned text.
    pub id: String,
    /// The id the input gave the article (a JSON `"id"` field), if any.
    pub given_id: Option<String>,
    /// The input it was read from, as the user named it (local provenance: a brief does not
    /// carry it).
    pub input: String,
    /// The cleaned text; every span below is a byte range of it.
    pub text: String,
    /// What is known about the report.
    pub meta: Metadata,
    /// The number of words of the text (the sum over its sentences).
    pub words: usize,
    /// How much was analysed.
    pub depth: Depth,
    /// The sentences, in order.
    pub sentences: Vec<AnalyzedSentence>,
    /// The day the dates below were resolved against (the publication day when known).
    pub dates_resolved_on: Option<NaiveDate>,
    /// Temporal expressions, resolved against `dates_resolved_on` (none without a day).
    pub timexes: Vec<Timex>,
    /// Names of people, organisations, places and other things.
    pub entities: Vec<EntityMention>,
    /// Direct quotations with their speakers as the article gives them.
    pub quotes: Vec<QuoteMention>,
}

impl AnalyzedArticle {
    /// The sentence spans.
    pub fn spans(&self) -> Vec<Sentence> {
        self.sentences.iter().map(AnalyzedSentence::span).collect()
    }

    /// The temporal expressions resolved against `day`: those kept when it is the day they were
    /// resolved against, found again otherwise (a day inferred from sibling reports).
    pub fn timexes_on(&self, day: Option<NaiveDate>) -> std::borrow::Cow<'_, [Timex]> {
        match day {
            _ if self.depth == Depth::Summary => std::borrow::Cow::Borrowed(&[]),
            Some(day) if self.dates_resolved_on != Some(day) => std::borrow::Cow::Owned(find_timexes(&self.text, day)),
            None => std::borrow::Cow::Borrowed(&[]),
            Some(_) => std::borrow::Cow::Borrowed(&self.timexes),
        }
    }
}

/// The stable id of a cleaned text: the first 16 hex digits of its SHA-256.
pub fn article_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    format!("{:016x}", u64::from_be_bytes(first))
}

/// Analyses one article to `depth`.
pub fn analyze(article: Article, depth: Depth) -> AnalyzedArticle {
    let spans = split_sentences(&article.text);
    let terms = ContentTerms::for_language(article.meta.language.as_deref());
    let sentences: Vec<AnalyzedSentence> = spans
        .iter()
        .map(|span| {
            let text = span.text(&article.text);
            let sentence_terms = terms.terms(text);
            let words = word_count(text);
            let (worthy, leans) = judge_sentence(text, words, &sentence_terms);
            AnalyzedSentence { start: span.start, end: span.end, words, terms: sentence_terms, worthy, leans }
        })
        .collect();
    let (dates_resolved_on, timexes, entities, quotes) = match depth {
        Depth::Summary => (None, Vec::new(), Vec::new(), Vec::new()),
        Depth::Full => {
            let day = article.meta.published;
            let timexes = day.map(|day| find_timexes(&article.text, day)).unwrap_or_default();
            let entities = crate::ner::find_entities_in_sentences(&article.text, &spans);
            let quotes = crate::story::quotes::find_quotes(&article.text, &spans, &entities)
                .iter()
                .map(crate::story::quotes::QuoteFound::mention)
                .collect();
            (day, timexes, entities, quotes)
        }
    };
    AnalyzedArticle {
        version: ANALYSIS_VERSION,
        id: article_id(&article.text),
        given_id: article.given_id,
        input: article.input,
        words: sentences.iter().map(|s| s.words).sum(),
        meta: article.meta,
        text: article.text,
        depth,
        sentences,
        dates_resolved_on,
        timexes,
        entities,
        quotes,
    }
}

/// Analyses of short texts, for the tests of the stages that read them.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// `text` as an article read from `name`, published on `published` (`YYYY-MM-DD`).
    pub(crate) fn article(name: &str, text: &str, published: Option<&str>) -> Article {
        Article {
            input: name.to_owned(),
            given_id: None,
            text: text.to_owned(),
            meta: Metadata {
                published: published.map(|d| d.parse().expect("a YYYY-MM-DD day")),
                ..Metadata::default()
            },
        }
    }

    /// `text` analysed for a summary.
    pub(crate) fn summary(text: &str) -> AnalyzedArticle {
        analyze(article("test.txt", text, None), Depth::Summary)
    }

    /// `text`, published on `published`, fully analysed.
    pub(crate) fn full(text: &str, published: Option<&str>) -> AnalyzedArticle {
        analyze(article("test.txt", text, published), Depth::Full)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(text: &str, published: Option<&str>) -> Article {
        tests_support::article("a.txt", text, published)
    }

    const TEXT: &str = "Foreign Minister Anna Berg met the envoy in Oslo on Friday. \"We will keep talking to everyone who listens,\" Berg said.";

    #[test]
    fn every_span_lies_in_the_text_and_the_value_round_trips() {
        let analyzed = analyze(article(TEXT, Some("2009-03-07")), Depth::Full);
        assert_eq!(analyzed.id, article_id(TEXT));
        assert_eq!(analyzed.id.len(), 16);
        assert_eq!(analyzed.sentences.len(), 2);
        for sentence in &analyzed.sentences {
            assert!(!sentence.text(&analyzed.text).is_empty());
        }
        assert!(analyzed.timexes.iter().any(|t| t.value == "2009-03-06"), "{:?}", analyzed.timexes);
        assert!(analyzed.entities.iter().any(|m| &TEXT[m.start..m.end] == "Oslo"), "{:?}", analyzed.entities);
        let quote = analyzed.quotes.first().expect("one quotation");
        assert!(TEXT[quote.start..quote.end].starts_with("We will keep talking"));
        let speaker = quote.speaker.as_ref().expect("a speaker");
        assert_eq!(&TEXT[speaker.start..speaker.end], "Berg");
        let json = serde_json::to_string(&analyzed).unwrap();
        let back: AnalyzedArticle = serde_json::from_str(&json).unwrap();
        assert_eq!(back, analyzed);
    }

    /// Every span the analysis holds is a non-empty range of the text on character boundaries.
    fn spans_hold(analyzed: &AnalyzedArticle) -> Result<(), String> {
        let text = &analyzed.text;
        let valid = |what: &str, start: usize, end: usize| {
            if start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end) {
                Ok(())
            } else {
                Err(format!("{what} {start}..{end} is no span of a text of {} bytes", text.len()))
            }
        };
        for s in &analyzed.sentences {
            valid("sentence", s.start, s.end)?;
        }
        for t in &analyzed.timexes {
            valid("timex", t.start, t.end)?;
        }
        for m in &analyzed.entities {
            valid("entity", m.start, m.end)?;
        }
        for q in &analyzed.quotes {
            valid("quote", q.start, q.end)?;
            if let Some(speaker) = &q.speaker {
                valid("speaker", speaker.start, speaker.end)?;
            }
        }
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn any_text_analyses_into_spans_of_it(
            text in "(\\PC|\n|\"|“|”|said|Mr\\.|Smith|on Friday| |\\. ){0,200}",
            published in proptest::option::of(0i32..20_000),
        ) {
            let day = published.map(|d| NaiveDate::from_num_days_from_ce_opt(d + 700_000).unwrap());
            let article = Article {
                input: "fuzz".to_owned(),
                given_id: None,
                text: text.clone(),
                meta: Metadata { published: day, ..Metadata::default() },
            };
            let analyzed = analyze(article, Depth::Full);
            proptest::prop_assert_eq!(spans_hold(&analyzed), Ok(()));
        }
    }

    #[test]
    fn a_summary_analysis_has_sentences_and_terms_only() {
        let analyzed = analyze(article(TEXT, Some("2009-03-07")), Depth::Summary);
        assert_eq!(analyzed.sentences.len(), 2);
        assert!(analyzed.sentences[0].terms.len() >= 5);
        assert!(analyzed.timexes.is_empty() && analyzed.entities.is_empty() && analyzed.quotes.is_empty());
        assert!(analyzed.timexes_on(Some("2009-03-07".parse().unwrap())).is_empty());
    }

    #[test]
    fn dates_are_resolved_again_against_an_inferred_day() {
        let analyzed = analyze(article(TEXT, None), Depth::Full);
        assert!(analyzed.timexes.is_empty());
        let dates = analyzed.timexes_on(Some("2009-03-07".parse().unwrap()));
        assert!(dates.iter().any(|t| t.value == "2009-03-06"), "{dates:?}");
    }
}
