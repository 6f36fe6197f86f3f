//! Numbered, lettered and bulleted lists within a block.
//!
//! A list marker is a number (`1.`, `2)`, `(3)`, `4.)`), a lower-case letter (`a.`, `b)`,
//! `(c)`), an upper-case letter in brackets (`A)`, `(B)`) or a lower-case Roman numeral (`i.`,
//! `(ii)`), standing at the block's start or after white space or a bullet. Markers of one style
//! whose values follow each other (1, 2, 3; a, b, c; i, ii, iii) form a chain. A chain of two or
//! more is a list, and each of its items starts a sentence, when it stands where a sentence may
//! start (at the block's start, or after a colon or the end of a sentence) and no item is joined
//! to the next by a comma, a semicolon, "and" or "or": otherwise it is an enumeration inside a
//! sentence ("we need (a) money and (b) time"). Either way, a marker's full stop ends nothing. A
//! bullet (`•`, `▪`, ...) inside a block always starts an item.

/// Bullets that start list items.
pub(super) const BULLETS: &[char] = &['•', '⁃', '▪', '◦', '‣', '●'];

/// What the lists of a block decide.
#[derive(Debug, Default)]
pub(super) struct Lists {
    /// Where items start: forced sentence starts, ascending.
    pub(super) item_starts: Vec<usize>,
    /// Byte offsets of the full stops of markers, which end no sentence.
    pub(super) marker_stops: Vec<usize>,
}

/// How a marker is written: brackets around it or after it, and a full stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Style {
    class: Class,
    opening_bracket: bool,
    stop: bool,
    closing_bracket: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Number,
    Lower,
    Upper,
    Roman,
}

#[derive(Debug, Clone, Copy)]
struct Marker {
    /// Where the marker starts (its opening bracket, or its value).
    at: usize,
    /// Where its full stop is, if it has one.
    stop: Option<usize>,
    style: Style,
    value: u32,
}

/// Finds the lists of `text[start..end]`.
pub(super) fn find(text: &str, start: usize, end: usize) -> Lists {
    let mut lists = Lists::default();
    let block = &text[start..end];
    // Every bullet starts with the byte 0xE2.
    let mut offset = 1;
    loop {
        offset = super::next_marked(block.as_bytes(), offset, block.len(), |b| b == 0xE2);
        if offset >= block.len() {
            break;
        }
        if block[offset..].starts_with(BULLETS) {
            lists.item_starts.push(start + offset);
        }
        offset += 1;
    }
    let markers = markers(text, start, end);
    if markers.is_empty() {
        return lists;
    }
    let mut in_chain = vec![false; markers.len()];
    for chain in chains(&markers) {
        for &m in &chain {
            in_chain[m] = true;
            lists.marker_stops.extend(markers[m].stop);
        }
        if is_list(text, start, &markers, &chain) {
            for &m in &chain {
                let before = text[start..markers[m].at].trim_end();
                if !before.is_empty() && !before.ends_with(BULLETS) {
                    lists.item_starts.push(markers[m].at);
                }
            }
        }
    }
    // A lone marker at the block's start or after a bullet is still a marker ("1. The end").
    for (m, marker) in markers.iter().enumerate() {
        let before = text[start..marker.at].trim_end();
        if !in_chain[m] && (before.is_empty() || before.ends_with(BULLETS)) {
            lists.marker_stops.extend(marker.stop);
        }
    }
    lists.item_starts.sort_unstable();
    lists.item_starts.dedup();
    lists.marker_stops.sort_unstable();
    lists
}

/// The markers of a block, in order: found from their full stop or closing bracket.
#[allow(
    clippy::needless_bitwise_bool,
    reason = "bitwise on purpose: no branch per byte, so that testing sixteen bytes at a time is vectorised"
)]
fn markers(text: &str, start: usize, end: usize) -> Vec<Marker> {
    let block = &text[start..end];
    let bytes = block.as_bytes();
    let mut markers = Vec::new();
    let mut next = 0;
    loop {
        let p = super::next_marked(bytes, next, bytes.len(), |b| (b == b'.') | (b == b')'));
        if p >= bytes.len() {
            break;
        }
        next = p + 1;
        let b = bytes[p];
        if b == b')' && p > 0 && bytes[p - 1] == b'.' {
            continue;
        }
        let value_len = bytes[..p].iter().rev().take(5).take_while(|b| b.is_ascii_alphanumeric()).count();
        if value_len == 0 || value_len > 4 {
            continue;
        }
        let value_start = p - value_len;
        let opening_bracket = value_start > 0 && bytes[value_start - 1] == b'(';
        let marker_start = value_start - usize::from(opening_bracket);
        let may_start =
            block[..marker_start].chars().next_back().is_none_or(|c| c.is_whitespace() || BULLETS.contains(&c));
        if !may_start {
            continue;
        }
        let stop = b == b'.';
        let mut after = p + 1;
        let closing_bracket = !stop || bytes.get(after) == Some(&b')');
        if stop && closing_bracket {
            after += 1;
        }
        let followed_by_space = block[after..].starts_with(char::is_whitespace);
        if !followed_by_space || (opening_bracket && !closing_bracket) {
            continue;
        }
        for (class, value) in values(&block[value_start..p]) {
            if class == Class::Upper && !closing_bracket {
                continue;
            }
            let style = Style { class, opening_bracket, stop, closing_bracket };
            markers.push(Marker { at: start + marker_start, stop: stop.then_some(start + p), style, value });
        }
    }
    markers
}

/// The classes a marker's text may be read as, with its value in each.
fn values(text: &str) -> Vec<(Class, u32)> {
    let mut values = Vec::new();
    if text.len() <= 2 && text.bytes().all(|b| b.is_ascii_digit()) {
        values.extend(text.parse().ok().map(|n| (Class::Number, n)));
    }
    if text.len() == 1 {
        let c = text.as_bytes()[0];
        if c.is_ascii_lowercase() {
            values.push((Class::Lower, u32::from(c - b'a') + 1));
        } else if c.is_ascii_uppercase() {
            values.push((Class::Upper, u32::from(c - b'A') + 1));
        }
    }
    if let Some(n) = roman(text) {
        values.push((Class::Roman, n));
    }
    values
}

/// The value of a lower-case Roman numeral up to 39.
fn roman(text: &str) -> Option<u32> {
    const NUMERALS: [&str; 39] = [
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii",
        "xviii", "xix", "xx", "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi", "xxvii", "xxviii", "xxix", "xxx", "xxxi",
        "xxxii", "xxxiii", "xxxiv", "xxxv", "xxxvi", "xxxvii", "xxxviii", "xxxix",
    ];
    NUMERALS.iter().position(|&n| n == text).and_then(|p| u32::try_from(p + 1).ok())
}

/// Chains of two or more markers of one style with consecutive values, as marker indices.
fn chains(markers: &[Marker]) -> Vec<Vec<usize>> {
    let mut open: Vec<Vec<usize>> = Vec::new();
    for (m, marker) in markers.iter().enumerate() {
        let extends = open.iter().position(|chain| {
            let last = &markers[*chain.last().expect("chains are never empty")];
            last.style == marker.style && last.value + 1 == marker.value && last.at < marker.at
        });
        match extends {
            Some(c) => open[c].push(m),
            None => open.push(vec![m]),
        }
    }
    open.into_iter().filter(|chain| chain.len() >= 2).collect()
}

/// True when a chain is a list whose items are sentences, not an enumeration inside one.
fn is_list(text: &str, start: usize, markers: &[Marker], chain: &[usize]) -> bool {
    let first = markers[chain[0]].at;
    let before = text[start..first].trim_end().trim_end_matches(BULLETS).trim_end();
    let at_sentence_start = before.is_empty()
        || before.ends_with([':', '.', '!', '?'])
        || before.ends_with(|c: char| matches!(c, '"' | '”' | '’' | '\'' | ')') && before.len() > 1);
    if !at_sentence_start {
        return false;
    }
    chain.windows(2).all(|pair| {
        let item = text[markers[pair[0]].at..markers[pair[1]].at].trim_end();
        let last_word = item.rsplit(char::is_whitespace).next().unwrap_or("");
        !item.ends_with([',', ';']) && !matches!(last_word, "and" | "or" | "&")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The item starts and marker stops of `text`, as the text from each.
    fn check(text: &str, items: &[&str], stops: usize) {
        let lists = find(text, 0, text.len());
        let got: Vec<&str> = lists.item_starts.iter().map(|&at| &text[at..]).collect();
        assert_eq!(got, items, "items of {text:?}");
        assert_eq!(lists.marker_stops.len(), stops, "marker stops of {text:?}");
    }

    #[test]
    fn finds_lists_and_enumerations() {
        check("1. The first item 2. The second item", &["2. The second item"], 2);
        check("1) The first item 2) The second item", &["2) The second item"], 0);
        check("a. The first item b. The second item", &["b. The second item"], 2);
        check("• 9. The first item • 10. The second item", &["• 10. The second item"], 2);
        check("You need: (i) a pen (ii) paper", &["(i) a pen (ii) paper", "(ii) paper"], 0);
        check("We need (a) money, (b) time and (c) luck.", &[], 0);
        check("We need (1) money and (2) time.", &[], 0);
        check("1. The end", &[], 1);
        check("Roe v. Wade and item 2. Next", &[], 0);
        check("(A) first (B) second", &["(B) second"], 0);
    }
}
