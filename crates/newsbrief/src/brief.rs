//! The brief: plain data with public fields, every claim traced to a byte span of a source.
//!
//! The JSON field names are the interface of `newsbrief brief --format json` and of the HTTP
//! API; keep them, and raise [`SCHEMA_VERSION`] when their meaning changes.
//!
//! Architecture Invariant: every summary sentence, timeline entry, quotation, corroborated fact
//! and conflict variant names its `source` (a source's `id`) and a byte span `start..end` of that
//! source's `text`, and `text[start..end]` is the excerpt the item quotes. [`Brief::check_spans`]
//! checks this for any reader.

use serde::{Deserialize, Serialize};

use crate::mention::{Attribution, EntityKind};

/// The version of the brief's JSON form.
pub const SCHEMA_VERSION: u32 = 2;

/// The brief of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// The version of this form ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// What the story is, in the words of one report's headline; `None` when no report has a
    /// headline fit to name it.
    pub title: Option<String>,
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
    /// For an update brief, the reports already known: nothing they told is repeated, and no
    /// excerpt quotes them (`sources` lists only the new reports). Empty (and left out of the
    /// JSON form) for a brief of everything.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub known: Vec<KnownSource>,
}

/// A report an update brief takes as already known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownSource {
    /// Its stable id, as a source's `id`.
    pub id: String,
    /// A short label for display, `k1`, `k2`, ... in input order.
    pub label: String,
    /// The outlet or agency that published it.
    pub outlet: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its publication day, `YYYY-MM-DD`.
    pub published: Option<String>,
}

impl Default for Brief {
    fn default() -> Self {
        Self {
            schema_version: SCHEMA_VERSION,
            title: None,
            sources: Vec::new(),
            summary: Vec::new(),
            timeline: Vec::new(),
            quotes: Vec::new(),
            entities: Vec::new(),
            corroborated: Vec::new(),
            conflicts: Vec::new(),
            known: Vec::new(),
        }
    }
}

/// One report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// Stable id, derived from the report's cleaned text (the same report has the same id in
    /// every brief and store).
    pub id: String,
    /// A short label for display, `s1`, `s2`, ... in input order.
    pub label: String,
    /// The outlet or agency that published it.
    pub outlet: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// Its publication day, `YYYY-MM-DD`.
    pub published: Option<String>,
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
    /// Its cleaned text: every span of the brief that names this source is a byte range of it.
    pub text: String,
}

/// One summary sentence, verbatim from its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub date: String,
    /// What happened: the sentence that tells it, exactly as it stands in `source`.
    pub text: String,
    /// The id of the source whose words are shown.
    pub source: String,
    /// Byte offset of the sentence in that source's cleaned text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Ids of every source that reports the event.
    pub sources: Vec<String>,
}

/// A direct quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Who says it: the speaker's canonical entity name, or the role the report gives ("a
    /// spokesman"); `None` when the report does not tell.
    pub speaker: Option<String>,
    /// How the report gives the speaker.
    pub attribution: Option<Attribution>,
    /// The quoted words, exactly as they stand in the source.
    pub text: String,
    /// The id of the source it comes from.
    pub source: String,
    /// Byte offset of the quoted words in the source's cleaned text.
    pub start: usize,
    /// Byte offset just past them.
    pub end: usize,
    /// Byte span of the speaker mention (name, pronoun or role) in the same text.
    pub speaker_span: Option<Span>,
}

impl Quote {
    /// The note a reader sees beside a speaker the trained ranker picked because no cue in the
    /// report names one (`Attribution::Inferred`); `None` for a speaker the report gives.
    pub fn speaker_note(&self) -> Option<&'static str> {
        (self.attribution == Some(Attribution::Inferred)).then_some("(speaker inferred)")
    }
}

/// A byte range `start..end` of a source's cleaned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

/// A person, organisation, place or other named thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The fullest form of the name.
    pub name: String,
    /// What it is, decided over all its mentions.
    pub kind: EntityKind,
    /// Other spellings and short forms found.
    pub aliases: Vec<String>,
    /// How often it is mentioned.
    pub mentions: usize,
    /// Ids of the sources that mention it.
    pub sources: Vec<String>,
}

/// A statement several sources make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corroboration {
    /// The statement, in one source's words, exactly as they stand there.
    pub text: String,
    /// The id of the source whose words are shown.
    pub source: String,
    /// Byte offset of the statement in that source's cleaned text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Ids of the sources that make it.
    pub sources: Vec<String>,
    /// How each other source makes it: one excerpt of each, in its own words.
    #[serde(default)]
    pub statements: Vec<Excerpt>,
}

/// A stretch of one source's text, exactly as it stands there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excerpt {
    /// The text, exactly as it stands in the source's cleaned text.
    pub text: String,
    /// The id of the source.
    pub source: String,
    /// Byte offset of its start in the source's cleaned text.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
}

/// A detail reported with different values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    /// What the detail is.
    pub about: String,
    /// The values given, each with its sources.
    pub variants: Vec<Variant>,
}

/// One value of a conflicting detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// The value as reported.
    pub value: String,
    /// The id of the source where the value is shown.
    pub source: String,
    /// Byte offset of the value in that source's cleaned text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// Ids of the sources that give it.
    pub sources: Vec<String>,
}

impl Brief {
    /// The display label (`s1`, ...) of the source with id `id`, or the id itself when no
    /// source has it.
    pub fn label<'a>(&'a self, id: &'a str) -> &'a str {
        self.sources.iter().find(|s| s.id == id).map_or(id, |s| s.label.as_str())
    }

    /// Every excerpt the brief quotes, as `(what, source id, start, end, text shown)`.
    pub fn excerpts(&self) -> Vec<(&'static str, &str, usize, usize, &str)> {
        let mut excerpts = Vec::new();
        for s in &self.summary {
            excerpts.push(("summary", s.source.as_str(), s.start, s.end, s.text.as_str()));
        }
        for e in &self.timeline {
            excerpts.push(("timeline", e.source.as_str(), e.start, e.end, e.text.as_str()));
        }
        for q in &self.quotes {
            excerpts.push(("quote", q.source.as_str(), q.start, q.end, q.text.as_str()));
        }
        for c in &self.corroborated {
            excerpts.push(("corroborated", c.source.as_str(), c.start, c.end, c.text.as_str()));
            for e in &c.statements {
                excerpts.push(("corroborated", e.source.as_str(), e.start, e.end, e.text.as_str()));
            }
        }
        for v in self.conflicts.iter().flat_map(|c| &c.variants) {
            excerpts.push(("conflict", v.source.as_str(), v.start, v.end, v.value.as_str()));
        }
        excerpts
    }

    /// Checks that every excerpt is the span of its source's text it claims to be, that every
    /// source id named anywhere is a source of the brief, and that no known report of an update
    /// is also one of its sources.
    ///
    /// # Errors
    ///
    /// A message naming the first excerpt or id that is not.
    pub fn check_spans(&self) -> std::result::Result<(), String> {
        let text_of = |id: &str| self.sources.iter().find(|s| s.id == id).map(|s| s.text.as_str());
        for (what, id, start, end, shown) in self.excerpts() {
            let text = text_of(id).ok_or_else(|| format!("{what} names source {id:?}, which the brief lacks"))?;
            match text.get(start..end) {
                Some(slice) if slice == shown => {}
                Some(slice) => return Err(format!("{what} shows {shown:?} but {id}[{start}..{end}] is {slice:?}")),
                None => return Err(format!("{what} span {start}..{end} is not a span of source {id}")),
            }
        }
        for q in &self.quotes {
            if let Some(Span { start, end }) = q.speaker_span {
                let text = text_of(&q.source).unwrap_or("");
                if text.get(start..end).is_none() {
                    return Err(format!("speaker span {start}..{end} is not a span of source {}", q.source));
                }
            }
        }
        let listed = self
            .timeline
            .iter()
            .flat_map(|e| &e.sources)
            .chain(self.entities.iter().flat_map(|e| &e.sources))
            .chain(self.corroborated.iter().flat_map(|c| &c.sources))
            .chain(self.conflicts.iter().flat_map(|c| c.variants.iter().flat_map(|v| &v.sources)));
        for id in listed {
            if text_of(id).is_none() {
                return Err(format!("source {id:?} is named but not listed"));
            }
        }
        if let Some(known) = self.known.iter().find(|k| text_of(&k.id).is_some()) {
            return Err(format!("source {:?} is listed both as new and as known", known.id));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brief() -> Brief {
        Brief {
            sources: vec![SourceInfo {
                id: "ab12".to_owned(),
                label: "s1".to_owned(),
                text: "Talks resume. Ministers met.".to_owned(),
                ..SourceInfo::default()
            }],
            summary: vec![SummarySentence {
                text: "Ministers met.".to_owned(),
                source: "ab12".to_owned(),
                start: 14,
                end: 28,
            }],
            ..Brief::default()
        }
    }

    #[test]
    fn spans_are_checked_against_the_sources_text() {
        let mut brief = brief();
        assert_eq!(brief.check_spans(), Ok(()));
        assert_eq!(brief.label("ab12"), "s1");
        brief.summary[0].start = 13;
        assert!(brief.check_spans().unwrap_err().contains("summary shows"));
        brief.summary[0].source = "zz".to_owned();
        assert!(brief.check_spans().unwrap_err().contains("lacks"));
    }

    #[test]
    fn the_json_form_round_trips() {
        let brief = brief();
        let json = serde_json::to_string(&brief).unwrap();
        assert!(json.starts_with("{\"schema_version\":2,"), "{json}");
        let back: Brief = serde_json::from_str(&json).unwrap();
        assert_eq!(back, brief);
    }
}
