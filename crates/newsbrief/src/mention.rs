//! Names and quotations found in one text, as byte spans: the shared vocabulary of the named-entity
//! recognizer, the quotation finder and the story stages that merge their findings across reports.

use serde::{Deserialize, Serialize};

/// What a named entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, agency, party, team or other organisation.
    Organization,
    /// A country, city, region or other place.
    Place,
    /// Any other named thing (an event, a nationality, a work, a product).
    Other,
}

impl EntityKind {
    /// The kind's name as the JSON interface writes it (`person`, `organization`, `place`, `other`).
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }
}

/// One mention of a named entity: `text[start..end]` is the name as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EntityMention {
    /// Byte offset of the name's first character.
    pub start: usize,
    /// Byte offset just past the name.
    pub end: usize,
    /// What it names.
    pub kind: EntityKind,
}

/// How a quotation's speaker is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Attribution {
    /// Named beside the quotation ("..., Smith said").
    Named,
    /// By a pronoun standing for someone named before ("he said").
    Pronoun,
    /// By a role or description ("the spokesman said").
    Role,
    /// By a transcript label ("SMITH: ...").
    Label,
    /// Not at all: the quotation continues the one before, and has its speaker.
    Continued,
    /// No cue names the speaker: the trained ranker picked the person most likely speaking,
    /// and the mention is their latest name before the quotation.
    Inferred,
}

/// Who speaks a quotation, as the article gives it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SpeakerMention {
    /// Byte offset of the speaker mention (name, pronoun or role as written).
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// The name it stands for within the article, in its fullest form ("Anna Berg" for "she"
    /// or "Berg"), or the role itself when no name is known ("the spokesman").
    pub name: String,
    /// How the speaker is given.
    pub via: Attribution,
}

/// A direct quotation: `text[start..end]` is the quoted words, without the quotation marks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct QuoteMention {
    /// Byte offset of the quoted words.
    pub start: usize,
    /// Byte offset just past them.
    pub end: usize,
    /// Who says them, when the article tells; `None` rather than a guess.
    pub speaker: Option<SpeakerMention>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_serialize_as_their_names() {
        for kind in [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Other] {
            assert_eq!(serde_json::to_string(&kind).unwrap(), format!("\"{}\"", kind.name()));
        }
    }
}
