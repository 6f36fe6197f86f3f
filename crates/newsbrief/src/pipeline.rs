//! The pipeline: read inputs into cleaned articles, then brief them.

use chrono::NaiveDate;

use crate::article::{Article, RawArticle, RawBody};
use crate::brief::{Brief, SourceInfo, SummarySentence};
use crate::clean::clean;
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::ingest::{html, read_input};
use crate::off_topic::off_topic;
use crate::published::infer_missing;
use crate::sentences::{split_sentences, Sentence};
use crate::summarize::{summarize, Algorithm, Budget, Document, Features};
use crate::tokens::word_count;

/// The summary's word budget when none is given.
pub const DEFAULT_WORDS: usize = 150;

/// Turns articles into a brief. Build one with [`Pipeline::builder`].
#[derive(Debug, Clone)]
pub struct Pipeline {
    budget: Budget,
    algorithm: Algorithm,
    analysis: bool,
}

/// Configures a [`Pipeline`].
#[derive(Debug, Clone)]
pub struct PipelineBuilder {
    budget: Budget,
    algorithm: Algorithm,
    analysis: bool,
}

impl PipelineBuilder {
    /// The summary's word budget: no summary is longer, and no sentence is cut to fit.
    #[must_use]
    pub fn words(mut self, words: usize) -> Self {
        self.budget.words = words;
        self
    }

    /// The summarization algorithm ([`Algorithm::Default`] unless set).
    #[must_use]
    pub fn algorithm(mut self, algorithm: Algorithm) -> Self {
        self.algorithm = algorithm;
        self
    }

    /// Whether briefs carry the story's analysis (timeline, quotes, entities); on by default.
    /// Off, a brief is its sources and summary only, as summary evaluations need.
    #[must_use]
    pub fn analysis(mut self, analysis: bool) -> Self {
        self.analysis = analysis;
        self
    }

    /// Picks sentences until the word budget is reached, letting the last one run past it, for
    /// benchmark runs that then cut the summary to exactly the budget. Off by default.
    #[must_use]
    pub fn fill_budget(mut self, fill: bool) -> Self {
        self.budget.fill = fill;
        self
    }

    /// The configured pipeline.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when the word budget is zero.
    pub fn build(self) -> Result<Pipeline> {
        if self.budget.words == 0 {
            return Err(Error::Config("the word budget must be at least 1".to_owned()));
        }
        Ok(Pipeline { budget: self.budget, algorithm: self.algorithm, analysis: self.analysis })
    }
}

impl Default for Pipeline {
    fn default() -> Self {
        Self { budget: Budget { words: DEFAULT_WORDS, fill: false }, algorithm: Algorithm::Default, analysis: true }
    }
}

impl Pipeline {
    /// A builder with the default settings.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder {
            budget: Budget { words: DEFAULT_WORDS, fill: false },
            algorithm: Algorithm::Default,
            analysis: true,
        }
    }

    /// Reads one input's bytes into cleaned articles, with the problems found on the way.
    /// `name` is the input as the user named it; it appears in diagnostics and in the brief.
    pub fn read(&self, name: &str, bytes: &[u8]) -> (Vec<Article>, Vec<Diagnostic>) {
        let (raws, mut diagnostics) = read_input(name, bytes);
        let mut articles = Vec::new();
        for raw in raws {
            match prepare(raw) {
                Ok(article) => articles.push(article),
                Err(diagnostic) => diagnostics.push(diagnostic),
            }
        }
        (articles, diagnostics)
    }

    /// Briefs the articles of one story. Source ids follow the order of `articles`.
    pub fn brief(&self, articles: &[Article]) -> Brief {
        let sentences: Vec<Vec<Sentence>> = articles.iter().map(|a| split_sentences(&a.text)).collect();
        let ids: Vec<String> = (1..=articles.len()).map(|n| format!("s{n}")).collect();
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        let known: Vec<_> = articles.iter().map(|a| a.meta.published).collect();
        let published = infer_missing(&texts, &known);
        let off_topic = off_topic(&texts);
        let sources = articles
            .iter()
            .zip(&ids)
            .zip(&published)
            .zip(&off_topic)
            .map(|(((article, id), published), off_topic)| SourceInfo {
                off_topic: *off_topic,
                ..source_info(id, article, *published)
            })
            .collect();

        // Reading order: by publication day (undated last), then input order; reports about
        // another story take no part.
        let mut order: Vec<usize> = (0..articles.len()).filter(|&i| !off_topic[i]).collect();
        order.sort_by_key(|&i| (published[i].is_none(), published[i].map(|(day, _)| day), i));
        let documents: Vec<Document<'_>> =
            order.iter().map(|&i| Document { text: &articles[i].text, sentences: &sentences[i] }).collect();
        let language = main_language(order.iter().map(|&i| articles[i].meta.language.as_deref()));
        // The summary and the facts read the same terms of each sentence.
        let features = Features::extract_in(&documents, language);
        let summary = summarize(&features, self.budget, self.algorithm)
            .into_iter()
            .map(|pick| {
                let article = order[pick.document];
                let span = sentences[article][pick.sentence];
                SummarySentence {
                    text: span.text(&articles[article].text).to_owned(),
                    source: ids[article].clone(),
                    start: span.start,
                    end: span.end,
                }
            })
            .collect();
        if !self.analysis {
            return Brief { sources, summary, ..Brief::default() };
        }
        // The analysis runs over the reports that tell the story, in reading order.
        let story_sources: Vec<crate::story::Source<'_>> = order
            .iter()
            .map(|&i| crate::story::Source {
                id: &ids[i],
                text: &articles[i].text,
                sentences: &sentences[i],
                published: published[i].map(|(day, _)| day),
            })
            .collect();
        let analysis = crate::story::analyze(&story_sources, &features);
        Brief {
            sources,
            summary,
            timeline: analysis.timeline,
            quotes: analysis.quotes,
            entities: analysis.entities,
            corroborated: analysis.corroborated,
            conflicts: analysis.conflicts,
        }
    }
}

/// The language most of the reports are in (ties: the first met), if any is known.
fn main_language<'a>(languages: impl Iterator<Item = Option<&'a str>>) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for language in languages.flatten() {
        match counts.iter_mut().find(|(l, _)| *l == language) {
            Some((_, n)) => *n += 1,
            None => counts.push((language, 1)),
        }
    }
    counts.iter().rev().max_by_key(|(_, n)| *n).map(|(l, _)| *l)
}

/// The article of one web page as `newsbrief extract` shows it: the body as paragraphs (the
/// blocks of the extractor's text that the boilerplate classifier keeps) and the metadata the
/// page gives (with the language detected from the body), before the line cleaning that briefs
/// add.
///
/// # Errors
///
/// An error diagnostic naming the input when it cannot be read (too large, not text, damaged
/// gzip) or holds no text.
pub fn extract_page(name: &str, bytes: &[u8]) -> std::result::Result<Article, Diagnostic> {
    let (text, _) = crate::ingest::read_text(name, bytes)?;
    let (body, mut meta) = html::extract(&text);
    if let Some(language) = crate::language::detect(&body) {
        meta.language = Some(language);
    }
    if word_count(&body) == 0 {
        return Err(Diagnostic::error(name, "the page has no article text"));
    }
    Ok(Article { input: name.to_owned(), text: body, meta })
}

/// Cleans one raw article and gathers its metadata.
///
/// # Errors
///
/// An error diagnostic naming the input when no text is left once page debris is removed.
pub fn prepare(raw: RawArticle) -> std::result::Result<Article, Diagnostic> {
    let mut meta = raw.given;
    let text = match raw.body {
        RawBody::Text(text) => text,
        RawBody::Html(page) => {
            let (text, found) = html::extract(&page);
            meta.fill_from(found);
            text
        }
    };
    let cleaned = clean(&text);
    // What the text is written in outweighs what a page declares.
    let detected = crate::language::detect(&cleaned.text);
    if detected.is_some() {
        meta.language = detected;
    }
    meta.fill_from(cleaned.found);
    if word_count(&cleaned.text) == 0 {
        return Err(Diagnostic::error(&raw.input, "the article has no text once page debris is removed"));
    }
    Ok(Article { input: raw.input, text: cleaned.text, meta })
}

fn source_info(id: &str, article: &Article, published: Option<(NaiveDate, bool)>) -> SourceInfo {
    let meta = &article.meta;
    SourceInfo {
        id: id.to_owned(),
        path: article.input.clone(),
        outlet: meta.outlet.clone(),
        title: meta.title.clone(),
        published: published.map(|(day, _)| day.format("%Y-%m-%d").to_string()),
        published_inferred: published.is_some_and(|(_, inferred)| inferred),
        byline: meta.byline.clone(),
        words: word_count(&article.text),
        dateline: meta.dateline.clone(),
        url: meta.url.clone(),
        language: meta.language.clone(),
        off_topic: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn any_bytes_read_and_brief_without_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..4096)) {
            let pipeline = Pipeline::default();
            let (articles, _) = pipeline.read("fuzz", &bytes);
            let brief = pipeline.brief(&articles);
            for sentence in &brief.summary {
                let index = brief.sources.iter().position(|s| s.id == sentence.source).unwrap();
                proptest::prop_assert_eq!(&articles[index].text[sentence.start..sentence.end], sentence.text.as_str());
            }
        }

        #[test]
        fn any_text_reads_and_briefs_without_panic(text in "(\\PC|\n|<p>|</p>|\\|\\|\\|\\|\\||NEWLINE_CHAR|\\. ){0,300}") {
            let pipeline = Pipeline::default();
            let (articles, _) = pipeline.read("fuzz.txt", text.as_bytes());
            let _ = pipeline.brief(&articles);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        #[test]
        fn any_page_extracts_and_briefs_without_panic(
            page in "(<p>|</p>|<div>|</div>|<article>|<script>|</script>|<!--|-->|<meta charset=\"shift_jis\">|<h1>|<li>|\\PC){0,200}",
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512),
        ) {
            let _ = extract_page("page.html", page.as_bytes());
            let _ = extract_page("page.html.gz", &bytes);
            let pipeline = Pipeline::default();
            let (articles, _) = pipeline.read("page.html", page.as_bytes());
            let _ = pipeline.brief(&articles);
        }
    }

    #[test]
    fn zero_word_budget_is_a_configuration_error() {
        assert!(matches!(Pipeline::builder().words(0).build(), Err(Error::Config(_))));
    }
}
