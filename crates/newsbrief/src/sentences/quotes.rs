//! Quotations and brackets within a block: where each opens and closes, and whether the
//! sentence goes on after it.
//!
//! Quotation marks are paired by kind (double: `"` `“ ”` `„` `« »` and the typewriter pairs
//! ` `` ` / `''`; single: `'` `‘ ’`; round and square brackets), a straight mark being an
//! opening one after white space or an opening bracket and a closing one before white space or
//! punctuation. An apostrophe inside a word ("don’t") is neither. The same kind does not nest, so
//! an opening mark met while another of its kind is open replaces it: the first was never closed,
//! and a stray mark must not pair with one far away (nested brackets are rare in news; the inner
//! pair is kept). A mark that is never closed in the block makes no region, nor does an
//! apostrophe of possession ("the feds' rules") or a single quotation longer than 500 bytes
//! (apostrophes paired by mistake).

/// The longest stretch in bytes taken for a quotation in single marks: longer ones pair
/// apostrophes ("'em", "the feds' rules") by mistake.
const MAX_SINGLE_QUOTATION: usize = 500;

/// A quotation or bracketed stretch: byte offsets of its marks in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Region {
    /// Where the opening mark starts.
    pub(super) open: usize,
    /// Where the closing mark starts.
    pub(super) close: usize,
    /// Just past the closing mark.
    pub(super) close_end: usize,
    /// A bracket rather than a quotation.
    pub(super) bracket: bool,
    /// The sentence goes on after the closing mark: a lower-case word, a comma, a semicolon, a
    /// colon or a dash follows ("'Well!' thought Alice", "\"Stop!\", he said"), or one of these
    /// comes last inside ("“We won,” Smith said").
    pub(super) continues: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    OpenDouble,
    CloseDouble,
    OpenSingle,
    CloseSingle,
    OpenRound,
    CloseRound,
    OpenSquare,
    CloseSquare,
}

/// The regions of `text[start..end]`, ordered by their opening mark.
#[allow(
    clippy::needless_bitwise_bool,
    reason = "bitwise on purpose: no branch per byte, so that testing sixteen bytes at a time is vectorised"
)]
pub(super) fn regions(text: &str, start: usize, end: usize) -> Vec<Region> {
    let block = &text[start..end];
    let bytes = block.as_bytes();
    let mut regions = Vec::new();
    let mut open_double: Option<usize> = None;
    let mut open_single: Option<usize> = None;
    let mut open_round: Option<usize> = None;
    let mut open_square: Option<usize> = None;
    let mut offset = 0;
    loop {
        // Every mark is one of these ASCII bytes or starts with 0xC2 (« ») or 0xE2 (“ ” ‘ ’ „).
        let marked = |b: u8| {
            (b == b'"')
                | (b == b'\'')
                | (b == b'`')
                | (b == b'(')
                | (b == b')')
                | (b == b'[')
                | (b == b']')
                | (b == 0xC2)
                | (b == 0xE2)
        };
        offset = super::next_marked(bytes, offset, bytes.len(), marked);
        if offset >= bytes.len() {
            break;
        }
        let at = start + offset;
        let c = block[offset..].chars().next().expect("offset is on a char boundary");
        let mut width = c.len_utf8();
        let previous = block[..offset].chars().next_back();
        let mut next = block[offset + width..].chars().next();
        // The typewriter pairs `` and '' count as one double mark.
        let doubled = matches!(c, '`' | '\'') && next == Some(c);
        if doubled {
            width += 1;
            next = block[offset + width..].chars().next();
        }
        offset += width;
        let mark = if doubled { double_mark(c, previous, next) } else { mark(c, previous, next) };
        let Some(mark) = mark else { continue };
        // "the feds' rules": after an "s" and before a lower-case word, an apostrophe of possession.
        let possessive = previous == Some('s') && block[offset..].trim_start().starts_with(char::is_lowercase);
        if mark == Mark::CloseSingle && possessive {
            continue;
        }
        match mark {
            Mark::OpenDouble => open_double = Some(at),
            Mark::OpenSingle => open_single = Some(at),
            Mark::OpenRound => open_round = Some(at),
            Mark::OpenSquare => open_square = Some(at),
            Mark::CloseDouble | Mark::CloseSingle | Mark::CloseRound | Mark::CloseSquare => {
                let slot = match mark {
                    Mark::CloseDouble => &mut open_double,
                    Mark::CloseSingle => &mut open_single,
                    Mark::CloseRound => &mut open_round,
                    _ => &mut open_square,
                };
                // A single quotation is short; a longer stretch pairs an apostrophe by mistake.
                let mistaken = |open: usize| mark == Mark::CloseSingle && at - open > MAX_SINGLE_QUOTATION;
                if let Some(open) = slot.take().filter(|&open| !mistaken(open)) {
                    let bracket = matches!(mark, Mark::CloseRound | Mark::CloseSquare);
                    regions.push(region(text, end, open, at, at + width, bracket));
                }
            }
        }
    }
    regions.sort_unstable_by_key(|r| r.open);
    regions
}

fn region(text: &str, end: usize, open: usize, close: usize, close_end: usize, bracket: bool) -> Region {
    let goes_on = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–' | '-' | '―');
    let next = text[close_end..end].trim_start().chars().next();
    let last = text[open..close].trim_end().chars().next_back();
    let continues = next.is_some_and(|c| c.is_lowercase() || goes_on(c)) || last.is_some_and(goes_on);
    Region { open, close, close_end, bracket, continues }
}

/// True for a character after which a straight quotation mark opens.
fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"'))
}

/// True for a character before which a straight quotation mark closes.
fn closes_before(c: Option<char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric())
}

fn mark(c: char, previous: Option<char>, next: Option<char>) -> Option<Mark> {
    let space_before = previous.is_none_or(char::is_whitespace);
    let space_after = next.is_none_or(char::is_whitespace);
    match c {
        '“' | '„' | '«' => (!space_after).then_some(Mark::OpenDouble),
        '”' | '»' => (!space_before).then_some(Mark::CloseDouble),
        '"' => double_mark(c, previous, next),
        '‘' => (!space_after).then_some(Mark::OpenSingle),
        '\'' | '’' => {
            if opens_after(previous) && next.is_some_and(char::is_alphabetic) {
                Some(Mark::OpenSingle)
            } else if !space_before && closes_before(next) {
                Some(Mark::CloseSingle)
            } else {
                None
            }
        }
        '(' => Some(Mark::OpenRound),
        ')' => Some(Mark::CloseRound),
        '[' => Some(Mark::OpenSquare),
        ']' => Some(Mark::CloseSquare),
        _ => None,
    }
}

/// A straight double mark (or a typewriter pair) by its neighbours.
fn double_mark(c: char, previous: Option<char>, next: Option<char>) -> Option<Mark> {
    let space_before = previous.is_none_or(char::is_whitespace);
    let space_after = next.is_none_or(char::is_whitespace);
    if c == '`' {
        return (!space_after).then_some(Mark::OpenDouble);
    }
    if opens_after(previous) && !space_after {
        Some(Mark::OpenDouble)
    } else if !space_before && closes_before(next) {
        Some(Mark::CloseDouble)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The regions of `text` as (quoted text, continues).
    fn check(text: &str, expect: &[(&str, bool)]) {
        let got: Vec<(&str, bool)> =
            regions(text, 0, text.len()).iter().map(|r| (&text[r.open..r.close_end], r.continues)).collect();
        assert_eq!(got, expect, "input: {text:?}");
    }

    #[test]
    fn pairs_quotation_marks_and_brackets() {
        check("'Well!' thought Alice.", &[("'Well!'", true)]);
        check("\"Stop!\", he said.", &[("\"Stop!\"", true)]);
        check("She said “Go.” Then she left.", &[("“Go.”", false)]);
        check("It’s the students’ books.", &[]);
        check("Why not ' take 'of it? The feds' rules, they said.", &[]);
        check("``Yes,'' he said.", &[("``Yes,''", true)]);
        check("“We won,” Smith said.", &[("“We won,”", true)]);
        check("He (the driver) left [twice].", &[("(the driver)", true), ("[twice]", false)]);
        check("“Ted! Ted! Ted” were cut short.", &[("“Ted! Ted! Ted”", true)]);
        check("A “dangling quote and “a closed one” here.", &[("“a closed one”", true)]);
        check("(a (nested) one)", &[("(nested)", true)]);
        check("(Posted by: a | (aside) then much later) text", &[("(aside)", true)]);
        check("no marks at all", &[]);
        check("a ) stray closer and an open ( one", &[]);
    }
}
