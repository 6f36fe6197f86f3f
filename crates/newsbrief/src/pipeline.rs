//! The pipeline: read inputs into cleaned articles, analyse each article once, then brief the
//! analysed articles of one story.

use crate::analysis::{analyze, AnalyzedArticle, Depth};
use crate::article::{Article, RawArticle, RawBody};
use crate::brief::{Brief, KnownSource, SourceInfo, SummarySentence, SCHEMA_VERSION};
use crate::clean::clean;
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::ingest::{html, read_input};
use crate::story::off_topic::off_topic;
use crate::story::update::{leave_out_told, Told};
use crate::story::Story;
use crate::summarize::{summarize, Algorithm, Budget, Features};
use crate::tokens::{one_line, word_count};

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

    /// Whether briefs carry the story's analysis (timeline, quotes, entities, facts); on by
    /// default. Off, articles are analysed for a summary only ([`Depth::Summary`]) and a brief
    /// is its sources and summary, as summary evaluations need.
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
    /// `name` is the input as the user named it; it appears in diagnostics.
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

    /// How deep this pipeline analyses articles: fully when briefs carry the story's analysis.
    pub fn depth(&self) -> Depth {
        if self.analysis {
            Depth::Full
        } else {
            Depth::Summary
        }
    }

    /// Analyses one article, as deep as this pipeline's briefs need.
    pub fn analyze(&self, article: Article) -> AnalyzedArticle {
        analyze(article, self.depth())
    }

    /// Briefs the articles of one story: analyses each, then briefs them
    /// ([`Pipeline::brief_analyzed`]).
    pub fn brief(&self, articles: &[Article]) -> Brief {
        let analyzed: Vec<AnalyzedArticle> = articles.iter().map(|a| self.analyze(a.clone())).collect();
        self.brief_analyzed(&analyzed)
    }

    /// Briefs the analysed articles of one story. Sources are listed in the order given, labelled
    /// `s1`, `s2`, ...; an article given twice (the same id) is listed and read once. Reports
    /// without a publication day are read last, and their relative dates ("on Friday") are not
    /// resolved: no day is guessed for them.
    pub fn brief_analyzed(&self, articles: &[AnalyzedArticle]) -> Brief {
        let mut seen = rustc_hash::FxHashSet::default();
        let articles: Vec<&AnalyzedArticle> = articles.iter().filter(|a| seen.insert(a.id.as_str())).collect();
        self.brief_of(&articles, None)
    }

    /// An update brief: what the `new` articles tell that the `known` ones did not. Its summary
    /// is picked from the new articles' sentences, leaving out any that repeats a known sentence
    /// (tf-idf cosine above 0.5, the summaries' own bar for two sentences alike); its timeline,
    /// quotations, entities and facts are those of the new articles, less the events, quotations
    /// and facts a known article told. `sources` lists the new articles only (a new article that
    /// is also known is known), and `known` lists the known ones (`k1`, `k2`, ...); no excerpt
    /// quotes a known article.
    pub fn brief_update(&self, new: &[AnalyzedArticle], known: &[AnalyzedArticle]) -> Brief {
        let mut seen = rustc_hash::FxHashSet::default();
        let known: Vec<&AnalyzedArticle> = known.iter().filter(|a| seen.insert(a.id.as_str())).collect();
        let new: Vec<&AnalyzedArticle> = new.iter().filter(|a| seen.insert(a.id.as_str())).collect();
        let days: Vec<Option<chrono::NaiveDate>> = known.iter().map(|a| a.meta.published).collect();
        let told = Told::new(&known, &days, &new);
        let mut brief = self.brief_of(&new, Some(&told));
        brief.known = known
            .iter()
            .zip(&days)
            .enumerate()
            .map(|(i, (article, day))| KnownSource {
                id: article.id.clone(),
                label: format!("k{}", i + 1),
                outlet: article.meta.outlet.clone(),
                title: article.meta.title.clone(),
                published: day.map(|d| d.format("%Y-%m-%d").to_string()),
            })
            .collect();
        brief
    }

    /// The brief of distinct `articles`; with `told`, an update leaving out what it holds.
    fn brief_of(&self, articles: &[&AnalyzedArticle], told: Option<&Told<'_>>) -> Brief {
        let published: Vec<Option<chrono::NaiveDate>> = articles.iter().map(|a| a.meta.published).collect();
        let off_topic = off_topic(articles);
        let sources: Vec<SourceInfo> = articles
            .iter()
            .enumerate()
            .map(|(i, article)| source_info(i, article, published[i], off_topic[i]))
            .collect();

        // Reading order: by publication day (undated last), then input order; reports about
        // another story take no part.
        let mut order: Vec<usize> = (0..articles.len()).filter(|&i| !off_topic[i]).collect();
        order.sort_by_key(|&i| (published[i].is_none(), published[i], i));
        let story_articles: Vec<&AnalyzedArticle> = order.iter().map(|&i| articles[i]).collect();
        // The summary and the story's stages read the same terms of each sentence.
        let mut features = Features::from_articles(&story_articles);
        // The summary weighs terms over every report given, those set aside too (placed after
        // the others), whose sentences are no candidates: a report left alone by a page's scrap
        // is summarized as it was beside it, not by the statistics of one report.
        let mut every = off_topic.contains(&true).then(|| {
            let set_aside = (0..articles.len()).filter(|&i| off_topic[i]).map(|i| articles[i]);
            let every: Vec<&AnalyzedArticle> = story_articles.iter().copied().chain(set_aside).collect();
            let mut every = Features::from_articles(&every);
            for sentence in every.sentences.iter_mut().filter(|s| s.document >= story_articles.len()) {
                sentence.eligible = false;
            }
            every
        });
        if let Some(told) = told {
            // A sentence that repeats a known one is no candidate for an update's summary.
            for features in std::iter::once(&mut features).chain(every.as_mut()) {
                for sentence in features.sentences.iter_mut().filter(|s| s.document < story_articles.len()) {
                    let terms = &story_articles[sentence.document].sentences[sentence.position].terms;
                    if sentence.eligible && told.repeats(terms) {
                        sentence.eligible = false;
                    }
                }
            }
        }
        let summary: Vec<SummarySentence> = summarize(every.as_ref().unwrap_or(&features), self.budget, self.algorithm)
            .into_iter()
            .filter(|pick| pick.document < story_articles.len())
            .map(|pick| {
                let article = story_articles[pick.document];
                let sentence = &article.sentences[pick.sentence];
                SummarySentence {
                    text: sentence.text(&article.text).to_owned(),
                    source: article.id.clone(),
                    start: sentence.start,
                    end: sentence.end,
                }
            })
            .collect();
        let title = story_title(&story_articles, &summary);
        let mut brief = Brief { schema_version: SCHEMA_VERSION, title, sources, summary, ..Brief::default() };
        if self.analysis {
            let days = order.iter().map(|&i| published[i]).collect();
            let analysis = crate::story::analyze(&Story::new(story_articles.clone(), days, &features));
            brief.timeline = analysis.timeline;
            brief.quotes = analysis.quotes;
            brief.entities = analysis.entities;
            brief.corroborated = analysis.corroborated;
            brief.conflicts = analysis.conflicts;
            if let Some(told) = told {
                leave_out_told(&mut brief, &story_articles, told);
            }
        }
        brief
    }
}

/// The story's title: among the headlines of the reports that tell the story, the one whose
/// words the reports share most (each content word counts once for every other report that uses
/// it), then the one of the report that gives the summary the most sentences, then the earliest
/// in reading order. `None` when no headline shares a word with another report: a title must name
/// the story, not one report's angle or its site.
fn story_title(articles: &[&AnalyzedArticle], summary: &[SummarySentence]) -> Option<String> {
    let vocabularies: Vec<rustc_hash::FxHashSet<u64>> =
        articles.iter().map(|a| a.sentences.iter().flat_map(|s| s.terms.iter().copied()).collect()).collect();
    let cited = |id: &str| summary.iter().filter(|s| s.source == id).count();
    articles
        .iter()
        .enumerate()
        .filter_map(|(i, article)| {
            let title = article.meta.title.as_deref()?;
            let terms = crate::tokens::ContentTerms::for_language(article.meta.language.as_deref());
            let mut words = terms.terms(title);
            words.sort_unstable();
            words.dedup();
            let shared: usize = words
                .iter()
                .map(|w| vocabularies.iter().enumerate().filter(|&(j, v)| j != i && v.contains(w)).count())
                .sum();
            (shared > 0 || articles.len() == 1).then(|| ((shared, cited(&article.id), std::cmp::Reverse(i)), title))
        })
        .max_by_key(|(rank, _)| *rank)
        .map(|(_, title)| one_line(title))
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
    Ok(Article { input: name.to_owned(), given_id: None, text: body, meta })
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
    Ok(Article { input: raw.input, given_id: raw.given_id, text: cleaned.text, meta })
}

fn source_info(
    index: usize,
    article: &AnalyzedArticle,
    published: Option<chrono::NaiveDate>,
    off_topic: bool,
) -> SourceInfo {
    let meta = &article.meta;
    SourceInfo {
        id: article.id.clone(),
        label: format!("s{}", index + 1),
        outlet: meta.outlet.clone(),
        title: meta.title.clone(),
        published: published.map(|day| day.format("%Y-%m-%d").to_string()),
        byline: meta.byline.clone(),
        words: article.words,
        dateline: meta.dateline.clone(),
        url: meta.url.clone(),
        language: meta.language.clone(),
        off_topic,
        text: article.text.clone(),
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
            proptest::prop_assert_eq!(brief.check_spans(), Ok(()));
        }

        #[test]
        fn any_text_reads_and_briefs_without_panic(text in "(\\PC|\n|<p>|</p>|\\|\\|\\|\\|\\||NEWLINE_CHAR|\\. ){0,300}") {
            let pipeline = Pipeline::default();
            let (articles, _) = pipeline.read("fuzz.txt", text.as_bytes());
            let brief = pipeline.brief(&articles);
            proptest::prop_assert_eq!(brief.check_spans(), Ok(()));
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
            let brief = pipeline.brief(&articles);
            proptest::prop_assert_eq!(brief.check_spans(), Ok(()));
        }
    }

    #[test]
    fn zero_word_budget_is_a_configuration_error() {
        assert!(matches!(Pipeline::builder().words(0).build(), Err(Error::Config(_))));
    }
}
