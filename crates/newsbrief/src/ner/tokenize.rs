//! Words for the recognizer: raw text cut into tokens as CoNLL-2003 (Penn Treebank style) cuts
//! them, each a byte span of the text, and the normal form the model reads (curly quotes and
//! dashes made ASCII).
//!
//! White space separates tokens; quotes, brackets and final punctuation come off a word; the
//! clitics `'s`, `n't`, `'re`, `'ve`, `'ll`, `'d` and `'m` are tokens of their own; a word keeps
//! inner hyphens, periods, commas and slashes (`U.S.-led`, `1,200`, `1992/93`), and the final
//! period of an abbreviation (`U.S.`, `Inc.`, `E.`); dashes between words are tokens; a web or
//! mail address is one token.

use std::borrow::Cow;

/// One token: `text[start..end]`, always on character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offset of the token's first character.
    pub(crate) start: usize,
    /// Byte offset just past the token.
    pub(crate) end: usize,
}

/// Abbreviations that keep their final period (lowercase, without the period). Initials (`E.`)
/// and words with an inner period (`U.S.`, `a.m.`) keep theirs without being listed.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "maj", "capt", "sgt", "cmdr",
    "adm", "cpl", "rev", "hon", "supt", "insp", "det", "atty", "pres", "st", "mt", "ft", "jr", "sr", "inc", "corp",
    "co", "ltd", "bros", "plc", "llc", "dept", "univ", "assn", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "calif", "fla", "ariz", "conn", "mass", "mich", "minn", "penn", "wash",
    "wis", "ore", "okla", "tenn", "ind", "ill", "neb", "nev", "colo", "kan", "ky", "md", "va", "vt", "ala", "ark",
    "del", "ga", "la", "miss", "mo", "mont", "pa", "tex", "wyo", "no", "vol", "fig", "approx", "est", "ave", "blvd",
];

/// Characters that come off the front of a word.
fn opens(c: char) -> bool {
    matches!(c, '"' | '\'' | '`' | '(' | '[' | '{' | '<' | '“' | '‘' | '«' | '‹' | '„' | '‚' | '¿' | '¡' | '*' | '#')
}

/// Characters that come off the end of a word (the period is handled apart).
fn closes(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | ')' | ']' | '}' | '>' | '”' | '’' | '»' | '›' | ',' | ';' | ':' | '!' | '?' | '…' | '*'
    )
}

/// Dashes that stand between words as tokens of their own.
fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '‒')
}

/// Appends to `tokens` the tokens of `text[start..end]`.
pub(crate) fn tokenize(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let Some(region) = text.get(start..end) else { return };
    let mut chunk_start = None;
    for (offset, c) in region.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = chunk_start.take() {
                chunk(text, start + s, start + offset, tokens);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(offset);
        }
    }
    if let Some(s) = chunk_start {
        chunk(text, start + s, end, tokens);
    }
}

/// Cuts one run of non-space characters into tokens.
fn chunk(text: &str, mut start: usize, mut end: usize, tokens: &mut Vec<Token>) {
    if is_address(&text[start..end]) {
        let mut core_end = end;
        while let Some(c) = text[start..core_end].chars().next_back() {
            if closes(c) || c == '.' {
                core_end -= c.len_utf8();
            } else {
                break;
            }
        }
        tokens.push(Token { start, end: core_end });
        push_singles(text, core_end, end, tokens);
        return;
    }
    // Leading punctuation, one character a token ("``" and "--" stay together); an apostrophe
    // stays on a clitic or a year ("'s", "'96").
    while start < end {
        let c = text[start..end].chars().next().unwrap_or(' ');
        if matches!(c, '\'' | '’') && is_clitic_or_year(&text[start + c.len_utf8()..end]) {
            break;
        }
        if opens(c) || is_dash(c) {
            let len = repeat_len(&text[start..end], c);
            tokens.push(Token { start, end: start + len });
            start += len;
        } else if text[start..end].starts_with("--") || text[start..end].starts_with("...") {
            let c0 = if text[start..end].starts_with("--") { '-' } else { '.' };
            let len = repeat_len(&text[start..end], c0);
            tokens.push(Token { start, end: start + len });
            start += len;
        } else {
            break;
        }
    }
    // Trailing punctuation, kept aside and pushed after the word.
    let mut trailing = Vec::new();
    while start < end {
        let word = &text[start..end];
        let c = word.chars().next_back().unwrap_or(' ');
        if closes(c) || is_dash(c) {
            let len = repeat_len_back(word, c);
            trailing.push(Token { start: end - len, end });
            end -= len;
        } else if c == '.' {
            let dots = repeat_len_back(word, '.');
            if dots == 1 && keeps_period(&word[..word.len() - 1]) {
                break;
            }
            trailing.push(Token { start: end - dots, end });
            end -= dots;
        } else if word.ends_with("--") {
            let len = repeat_len_back(word, '-');
            trailing.push(Token { start: end - len, end });
            end -= len;
        } else {
            break;
        }
    }
    if start < end {
        inner(text, start, end, tokens);
    }
    tokens.extend(trailing.into_iter().rev());
}

/// Splits a word at dashes, and slashes between letters ("Reuters/AP"), and before clitics.
fn inner(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let word = &text[start..end];
    // A dash (or "--", "...") between two words, or a slash between two letters.
    let mut from = 0;
    let mut previous = None;
    for (offset, c) in word.char_indices() {
        let before = previous.replace(c);
        if offset < from {
            continue;
        }
        let rest = &word[offset..];
        let len = if c == '/' {
            let after = rest[1..].chars().next();
            if before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic) {
                1
            } else {
                continue;
            }
        } else if is_dash(c) {
            repeat_len(rest, c)
        } else if rest.starts_with("--") {
            repeat_len(rest, '-')
        } else if rest.starts_with("...") {
            repeat_len(rest, '.')
        } else {
            continue;
        };
        if offset > from {
            clitics(text, start + from, start + offset, tokens);
        }
        tokens.push(Token { start: start + offset, end: start + offset + len });
        from = offset + len;
    }
    if from < word.len() {
        clitics(text, start + from, end, tokens);
    }
}

/// Splits off a final clitic (`'s`, `n't`, `'ll`, ...), with a straight or curly apostrophe.
fn clitics(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    let word = &text[start..end];
    let lower = word.to_lowercase();
    let mut cut = None;
    for apostrophe in ["'", "’"] {
        if let Some(stem) = lower.strip_suffix("t").and_then(|w| w.strip_suffix(apostrophe)) {
            if stem.ends_with('n') && stem.len() > 1 && stem.is_char_boundary(stem.len() - 1) {
                cut = Some(stem.len() - 1);
            }
        }
        for suffix in ["s", "re", "ve", "ll", "d", "m"] {
            if let Some(stem) = lower.strip_suffix(suffix).and_then(|w| w.strip_suffix(apostrophe)) {
                if !stem.is_empty() && cut.is_none() {
                    cut = Some(stem.len());
                }
            }
        }
    }
    // Lowercasing may change byte lengths; cut only where the original agrees.
    match cut {
        Some(at) if lower.len() == word.len() && word.is_char_boundary(at) && at > 0 => {
            tokens.push(Token { start, end: start + at });
            tokens.push(Token { start: start + at, end });
        }
        _ => tokens.push(Token { start, end }),
    }
}

/// Whether `rest`, after an apostrophe, is a clitic or two digits of a year, with nothing after.
fn is_clitic_or_year(rest: &str) -> bool {
    let word = rest.trim_end_matches(|c: char| closes(c) || c == '.');
    matches!(word.to_ascii_lowercase().as_str(), "s" | "re" | "ve" | "ll" | "d" | "m" | "t")
        || (word.len() == 2 && word.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `word` (without its final period) is an abbreviation that keeps the period.
fn keeps_period(word: &str) -> bool {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (None, _) => false,
        // An initial: "E.".
        (Some(c), None) => c.is_alphabetic(),
        _ => {
            let letters_and_dots = word.chars().all(|c| c.is_alphabetic() || c == '.');
            (letters_and_dots && word.contains('.'))
                || (word.len() <= 6 && ABBREVIATIONS.contains(&word.to_ascii_lowercase().as_str()))
        }
    }
}

/// Whether a chunk is a web or mail address.
fn is_address(chunk: &str) -> bool {
    let lower = chunk.trim_start_matches(opens).to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || (lower.contains('@') && lower.contains('.') && !lower.starts_with('@'))
}

/// Pushes each character of `text[start..end]` as a token.
fn push_singles(text: &str, start: usize, end: usize, tokens: &mut Vec<Token>) {
    for (offset, c) in text[start..end].char_indices() {
        tokens.push(Token { start: start + offset, end: start + offset + c.len_utf8() });
    }
}

/// Byte length of the run of `c` that begins `text`.
fn repeat_len(text: &str, c: char) -> usize {
    text.chars().take_while(|&x| x == c).count() * c.len_utf8()
}

/// Byte length of the run of `c` that ends `text`.
fn repeat_len_back(text: &str, c: char) -> usize {
    text.chars().rev().take_while(|&x| x == c).count() * c.len_utf8()
}

/// The form the model reads: curly quotes and apostrophes straight, typographic dashes `--`,
/// the ellipsis character `...`.
pub(crate) fn normal_form(token: &str) -> Cow<'_, str> {
    if token.is_ascii() {
        return Cow::Borrowed(token);
    }
    let mut out = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            '“' | '”' | '„' | '«' | '»' => out.push('"'),
            '‘' | '’' | '‚' | '‹' | '›' => out.push('\''),
            '—' | '–' | '―' | '‒' => out.push_str("--"),
            '…' => out.push_str("..."),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str, expected: &[&str]) {
        let mut tokens = Vec::new();
        tokenize(text, 0, text.len(), &mut tokens);
        let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
        assert_eq!(words, expected, "{text}");
    }

    #[test]
    fn punctuation_comes_off_words() {
        check(
            "He said: \"Go (now), please!\"",
            &["He", "said", ":", "\"", "Go", "(", "now", ")", ",", "please", "!", "\""],
        );
        check("It ended...", &["It", "ended", "..."]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        check(
            "The U.S. envoy met Mr. E. Smith of Acme Inc. today.",
            &["The", "U.S.", "envoy", "met", "Mr.", "E.", "Smith", "of", "Acme", "Inc.", "today", "."],
        );
    }

    #[test]
    fn clitics_are_tokens() {
        check("Trump's aide didn't say", &["Trump", "'s", "aide", "did", "n't", "say"]);
        check("Trump’s “plan” isn’t new", &["Trump", "’s", "“", "plan", "”", "is", "n’t", "new"]);
        check("the players' union", &["the", "players", "'", "union"]);
        check("Trump 's plan in '96", &["Trump", "'s", "plan", "in", "'96"]);
    }

    #[test]
    fn words_keep_inner_marks_and_dashes_stand_apart() {
        check(
            "U.S.-led talks on 1,200 troops in 1992/93",
            &["U.S.-led", "talks", "on", "1,200", "troops", "in", "1992/93"],
        );
        check("Paris—and Rome — agreed--finally", &["Paris", "—", "and", "Rome", "—", "agreed", "--", "finally"]);
        check("Jonathan Ernst/Reuters and/or 3/8", &["Jonathan", "Ernst", "/", "Reuters", "and", "/", "or", "3/8"]);
    }

    #[test]
    fn addresses_are_one_token() {
        check(
            "See https://example.com/a.html, or mail a.b@example.org.",
            &["See", "https://example.com/a.html", ",", "or", "mail", "a.b@example.org", "."],
        );
    }

    #[test]
    fn normal_forms_are_ascii_for_quotes_and_dashes() {
        assert_eq!(normal_form("’s"), "'s");
        assert_eq!(normal_form("—"), "--");
        assert_eq!(normal_form("Zürich"), "Zürich");
    }

    proptest! {
        #[test]
        fn tokens_are_ordered_nonempty_spans_on_char_boundaries(text in "\\PC{0,40}|[a-zA-Z.'’\"—-]{0,30}") {
            let mut tokens = Vec::new();
            tokenize(&text, 0, text.len(), &mut tokens);
            let mut last = 0;
            for token in &tokens {
                prop_assert!(token.start >= last && token.start < token.end);
                prop_assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
                prop_assert!(!text[token.start..token.end].chars().any(char::is_whitespace));
                last = token.end;
            }
            let joined: String = tokens.iter().map(|t| &text[t.start..t.end]).collect();
            let without_space: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(joined, without_space);
        }
    }
}
