//! The Multi-News convention: articles separated by `|||||`, line breaks written `NEWLINE_CHAR`.

use crate::article::{Metadata, RawArticle, RawBody};

/// Splits a Multi-News document into its articles; empty pieces are dropped.
pub(crate) fn split(name: &str, text: &str) -> Vec<RawArticle> {
    text.split("|||||")
        .map(|piece| piece.replace("NEWLINE_CHAR", "\n"))
        .filter(|piece| !piece.trim().is_empty())
        .enumerate()
        .map(|(i, piece)| RawArticle {
            input: format!("{name}#{}", i + 1),
            given_id: None,
            body: RawBody::Text(piece.trim().to_owned()),
            given: Metadata::default(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_restores_line_breaks() {
        let articles = split("dev", "One. NEWLINE_CHAR NEWLINE_CHAR Two. ||||| Three. |||||  ");
        let bodies: Vec<_> = articles.iter().map(|a| (a.input.as_str(), a.body.clone())).collect();
        assert_eq!(
            bodies,
            vec![("dev#1", RawBody::Text("One. \n \n Two.".into())), ("dev#2", RawBody::Text("Three.".into()))]
        );
    }
}
