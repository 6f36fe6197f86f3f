//! The brief: plain data with public fields, every summary line traced to a span of a source.
//!
//! The JSON field names are the interface of `newsbrief brief --format json`; keep them.

use serde::Serialize;

/// The brief of one story.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Brief {
    /// The reports the brief was made from, in input order.
    pub sources: Vec<SourceInfo>,
    /// The summary, sentence by sentence, in reading order.
    pub summary: Vec<SummarySentence>,
    /// Dated events of the story, by date.
    pub timeline: Vec<TimelineEntry>,
    /// Direct quotations with their speakers.
    pub quotes: Vec<Quote>,
    /// People, organisations and places, merged across spellings.
    pub entities: Vec<Entity>,
    /// Statements that two or more sources make.
    pub corroborated: Vec<Corroboration>,
    /// Details that sources report with different values.
    pub conflicts: Vec<Conflict>,
}

/// One report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceInfo {
    /// Stable id, `s1`, `s2`, ... in input order.
    pub id: String,
    /// The input it was read from (a path, `-`, or `path:line` for a JSON-lines file).
    pub path: String,
    /// The outlet or agency that published it.
    pub outlet: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its publication day, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// True when the report shows no date and `published` was inferred from the weekdays it
    /// mentions and the dates of its sibling reports.
    pub published_inferred: bool,
    /// Its author or authors.
    pub byline: Option<String>,
    /// The number of words of its cleaned text.
    pub words: usize,
    /// The place of its dateline.
    pub dateline: Option<String>,
    /// The address it was taken from.
    pub url: Option<String>,
    /// Its language, as an ISO 639-1 code where one exists.
    pub language: Option<String>,
    /// True when the report is about another story than the rest: it is listed, but nothing of
    /// it enters the summary or the analysis.
    pub off_topic: bool,
}

/// One summary sentence, verbatim from its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SummarySentence {
    /// The sentence, exactly as it stands in the source's cleaned text.
    pub text: String,
    /// The id of the source it comes from.
    pub source: String,
    /// Byte offset of its start in the source's cleaned text.
    pub start: usize,
    /// Byte offset just past its end in the source's cleaned text.
    pub end: usize,
}

/// A dated event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TimelineEntry {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// What happened, in the reports' words.
    pub text: String,
    /// Ids of every source that reports it.
    pub sources: Vec<String>,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The speaker's canonical entity name.
    pub speaker: String,
    /// The quoted words.
    pub text: String,
    /// The id of the source it comes from.
    pub source: String,
}

/// A person, organisation, place or other named thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    /// The fullest form of the name.
    pub name: String,
    /// `person`, `organization`, `place` or `other`.
    pub kind: String,
    /// Other spellings and short forms found.
    pub aliases: Vec<String>,
    /// How often it is mentioned.
    pub mentions: usize,
    /// Ids of the sources that mention it.
    pub sources: Vec<String>,
}

/// A statement several sources make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Corroboration {
    /// The statement, in one source's words.
    pub text: String,
    /// Ids of the sources that make it.
    pub sources: Vec<String>,
}

/// A detail reported with different values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// What the detail is.
    pub about: String,
    /// The values given, each with its sources.
    pub variants: Vec<Variant>,
}

/// One value of a conflicting detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Variant {
    /// The value as reported.
    pub value: String,
    /// Ids of the sources that give it.
    pub sources: Vec<String>,
}
