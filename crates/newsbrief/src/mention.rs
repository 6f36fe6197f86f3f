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
