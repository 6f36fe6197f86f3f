//! Articles: one report, its cleaned text and what is known about it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What is known about a report besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The day the report was published.
    pub published: Option<NaiveDate>,
    /// Who wrote it, without a leading "By".
    pub byline: Option<String>,
    /// The outlet or agency that published it.
    pub outlet: Option<String>,
    /// The place named in the dateline ("WASHINGTON (Reuters) -" gives "WASHINGTON").
    pub dateline: Option<String>,
    /// The address the report was taken from.
    pub url: Option<String>,
    /// The report's language, as an ISO 639-1 code where one exists.
    pub language: Option<String>,
}

impl Metadata {
    /// Fills every field that is empty here from `other`; fields already set are kept.
    pub fn fill_from(&mut self, other: Metadata) {
        fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
            if slot.is_none() {
                *slot = value;
            }
        }
        fill(&mut self.title, other.title);
        fill(&mut self.published, other.published);
        fill(&mut self.byline, other.byline);
        fill(&mut self.outlet, other.outlet);
        fill(&mut self.dateline, other.dateline);
        fill(&mut self.url, other.url);
        fill(&mut self.language, other.language);
    }
}

/// The body of a report as it was read, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawBody {
    /// Plain text, possibly with page debris around the article.
    Text(String),
    /// An HTML page or fragment.
    Html(String),
}

/// One report as read from an input, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawArticle {
    /// The input it came from, as the user named it (with `:N` for line N of a JSON-lines file).
    pub input: String,
    /// The id the input gives the article (a JSON `"id"` field), if any.
    pub given_id: Option<String>,
    /// The body as read.
    pub body: RawBody,
    /// Metadata given explicitly by the input (JSON fields), which wins over what the text shows.
    pub given: Metadata,
}

/// One cleaned report, ready for analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The input it came from, as the user named it.
    pub input: String,
    /// The id the input gives the article (a JSON `"id"` field), if any.
    pub given_id: Option<String>,
    /// The cleaned article text: page debris removed, paragraphs separated by blank lines.
    /// Every span in a brief is a byte range of this text.
    pub text: String,
    /// What is known about the report.
    pub meta: Metadata,
}
