//! newsbrief reads several news reports of one story and builds a sourced **brief**: an
//! extractive multi-document summary within a word budget, every sentence traced to a byte span
//! of the report it came from, with a table of the sources (outlet, title, date, byline).
//!
//! The library does no I/O of its own: hand it bytes and a name, get articles and diagnostics
//! back; hand it articles, get a [`Brief`]; render the brief to any writer.
//!
//! ```
//! use newsbrief::{Pipeline, Renderer, Markdown};
//!
//! let pipeline = Pipeline::builder().words(40).build().unwrap();
//! let report_a = "GENEVA (Wire) - Ministers agreed on Friday to resume arms talks next month, officials said. \
//!                 The talks had been frozen since the summer.";
//! let report_b = "The ministers agreed to resume the arms talks in Vienna, diplomats said on Friday.";
//! let (mut articles, diagnostics) = pipeline.read("a.txt", report_a.as_bytes());
//! articles.extend(pipeline.read("b.txt", report_b.as_bytes()).0);
//! assert!(diagnostics.is_empty());
//!
//! let brief = pipeline.brief(&articles);
//! assert_eq!(brief.sources[0].outlet.as_deref(), Some("Wire"));
//! for sentence in &brief.summary {
//!     let source = brief.sources.iter().find(|s| s.id == sentence.source).unwrap();
//!     assert_eq!(&source.text[sentence.start..sentence.end], sentence.text);
//! }
//! assert_eq!(brief.check_spans(), Ok(()));
//! let mut markdown = Vec::new();
//! Markdown.render(&brief, &mut markdown).unwrap();
//! assert!(String::from_utf8(markdown).unwrap().contains("## Sources"));
//! ```

mod analysis;
mod article;
mod brief;
mod clean;
mod dates;
mod diagnostic;
mod error;
mod ingest;
mod language;
mod mention;
mod metadata;
mod ner;
mod pattern;
mod pipeline;
mod render;
mod sentences;
mod story;
mod summarize;
mod timex;
mod tls;
mod tokens;

pub use analysis::{analyze, article_id, AnalyzedArticle, AnalyzedSentence, Depth, ANALYSIS_VERSION};
pub use article::{Article, Metadata, RawArticle, RawBody};
pub use brief::{
    Brief, Conflict, Corroboration, Entity, Excerpt, KnownSource, Quote, SourceInfo, Span, SummarySentence,
    TimelineEntry, Variant, SCHEMA_VERSION,
};
pub use diagnostic::{Diagnostic, Severity};
pub use error::{Error, Result};
pub use ingest::html::{page_blocks, PageBlock};
pub use ingest::{detect_format, read_input, read_json_line, read_text, Format, MAX_INPUT_BYTES};
pub use mention::{Attribution, EntityKind, EntityMention, QuoteMention, SpeakerMention};
pub use ner::{find_entities, find_entities_in_sentences};
pub use pipeline::{extract_page, prepare, Pipeline, PipelineBuilder, DEFAULT_WORDS};
pub use render::{render, Html, Json, Markdown, OutputFormat, Renderer};
pub use sentences::{split_sentences, Sentence};
pub use story::quotes::{find_quotations, QuoteFound, SpeakerFound};
pub use summarize::Algorithm;

/// The summarizer's stages, public for benchmarks and for callers that want one stage alone:
/// split ([`split_sentences`]), analyse ([`analyze`]), read the story's sentences
/// ([`Features::from_articles`](stages::Features::from_articles)), score
/// ([`Features::tfidf_vectors`](stages::Features::tfidf_vectors)) and [`select`](stages::select).
pub mod stages {
    pub use crate::summarize::{select, Budget, Features};
}
pub use timex::{find_timexes, Granularity, Timex, TimexType, TimexValue};
pub use tls::{
    summarize_timeline, timeline_day_evidence, DayEvidence, StoryTimeline, TimelineDay, TimelineOptions, TimelineSource,
};

/// The parts of a [`TimexValue`]: years and their digits, days, times of day, seasons, units
/// and durations, for callers that take a value apart.
pub mod timeml {
    pub use crate::timex::{Day, Digits, Duration, ParseTimexValueError, PartOfDay, Season, TimeOfDay, Unit, Year};
}
/// Training and evaluating named-entity models (what the `train_ner` example runs): CoNLL data,
/// word clusters from unlabeled text, the perceptron, and the [`Recognizer`](ner_training::Recognizer)
/// it yields, which reads and writes the model file that [`find_entities`] ships with.
pub mod ner_training {
    pub use crate::ner::{
        dev_half, evaluate, learn_clusters, parse_conll, title_case_headlines, train, ClusterOptions, Clusters,
        ConllDocument, ConllSentence, Counts, Gazetteer, ModelError, Recognizer, Scheme, TrainOptions, Vocabulary,
    };
}
/// Training the speaker ranker that [`find_quotations`] uses when a quotation's frame names
/// nobody outright: the candidates of each such quotation with their features, and the model.
pub mod speaker_training {
    pub use crate::story::speaker_ranker::{
        find_quotations_ranked, gender_evidence, speaker_choices, RankerOptions, SpeakerCandidate, SpeakerChoice,
        SpeakerRanker, FEATURES,
    };
}
pub use tokens::{fnv1a, one_line, word_count};
