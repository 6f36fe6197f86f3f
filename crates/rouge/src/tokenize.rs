//! Tokenization as `rouge-score` 0.1.2 does it: lowercase, every run of characters outside
//! `[a-z0-9]` becomes a space, and (when stemming) tokens longer than three characters are
//! Porter-stemmed.

use crate::porter;

/// The tokens of `text`, stemmed when `stem` is set.
pub fn tokenize(text: &str, stem: bool) -> Vec<String> {
    // Python's str.lower() and Rust's to_lowercase() both follow Unicode's full case mapping,
    // so characters that lowercase into ASCII (the Kelvin sign, dotted capital I) count alike.
    let lower = text.to_lowercase();
    lower
        .split(|c: char| !c.is_ascii_lowercase() && !c.is_ascii_digit())
        .filter(|token| !token.is_empty())
        .map(|token| if stem && token.len() > 3 { porter::stem(token) } else { token.to_owned() })
        .filter(|token| !token.is_empty() && token.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
        .collect()
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
