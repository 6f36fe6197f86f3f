//! Tokenization as `rouge-score` 0.1.2 does it: lowercase, every run of characters outside
//! `[a-z0-9]` becomes a space, and (when stemming) tokens longer than three characters are
//! Porter-stemmed.

use crate::porter;

/// The tokens of `text`, stemmed when `stem` is set.
pub fn tokenize(text: &str, stem: bool) -> Vec<String> {
    // Python's str.lower() and Rust's to_lowercase() both follow Unicode's full case mapping,
    // so characters that lowercase into ASCII (the Kelvin sign, dotted capital I) count alike.
    let lower = text.to_lowercase();
    raw_tokens(&lower).filter_map(|raw| finish(raw, stem)).collect()
}

/// The runs of `[a-z0-9]` in already lowercased text.
pub(crate) fn raw_tokens(lower: &str) -> impl Iterator<Item = &str> {
    lower.split(|c: char| !c.is_ascii_lowercase() && !c.is_ascii_digit()).filter(|token| !token.is_empty())
}

/// A raw token made final: stemmed when asked and longer than three characters, and dropped if
/// it is no longer a run of `[a-z0-9]`.
pub(crate) fn finish(raw: &str, stem: bool) -> Option<String> {
    let token = if stem && raw.len() > 3 { porter::stem(raw) } else { raw.to_owned() };
    (!token.is_empty() && token.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::tokenize;

    #[test]
    fn lowercases_splits_and_stems_long_tokens() {
        assert_eq!(tokenize("The U.S.-Russia talks, 2009!", false), ["the", "u", "s", "russia", "talks", "2009"]);
        assert_eq!(tokenize("The ministers were meeting", true), ["the", "minist", "were", "meet"]);
        assert_eq!(tokenize("dies lies", true), ["die", "lie"]);
        assert_eq!(tokenize("“Café” — naïve", false), ["caf", "na", "ve"]);
        assert!(tokenize("", true).is_empty());
    }
}
