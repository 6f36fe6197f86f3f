//! An English sentence splitter for news text.
//!
//! Every sentence is a byte span of the text it was split from. Architecture Invariant: the spans
//! are in order, do not overlap, start and end on non-whitespace, and what lies between two
//! consecutive spans is whitespace only, so the spans and the gaps concatenate back to the text.
//!
//! The text is first cut into blocks at line breaks: a paragraph break always ends a sentence,
//! and a single line break does unless the next line starts in lower case after a line that was
//! wrapped (a long one, prose, or one ending in a comma or a function word), so headings and list
//! items written without stops stand alone. Within a block,
//! boundaries are decided at each run of terminal punctuation, in the manner of pySBD and
//! `pragmatic_segmenter` (the Golden Rules) but by kinds rather than cases:
//!
//! - after a full stop, the word before it is classified ([`words`]): a title before a name
//!   never ends a sentence ("Mr.", "Gen.", "v."); an abbreviation before a number neither
//!   ("No. 5", "p. 55"); company forms and states ("Inc.", "Calif.") end one before a
//!   capitalised word not written in capitals; other abbreviations ("U.S.", "Jan.") and initials
//!   end one only when a capitalised function word follows ("in the U.S. How", not "the U.S.
//!   Government");
//!   "a.m."/"p.m." end one unless a time zone, day or month follows or the sentence so far is
//!   only a fronted time phrase ("At 5 a.m. Mr. Smith went"); any other word ends one unless a
//!   lower-case word follows;
//! - a full stop with no space after it ends a sentence between a lower-case word (or a year)
//!   and a capitalised word ("world.Today"), never inside an address, e-mail or file name, and
//!   a footnote reference after a stop ("world.[3] Today") goes with the sentence it follows;
//! - "!" and "?" end a sentence unless a lower-case word follows, after any closing quotes and
//!   brackets ("'Well!' thought Alice");
//! - an ellipsis ("...", "…") ends a sentence when a capitalised word follows, a fourth stop
//!   ("....") marks the end of the sentence, a spaced one (". . .") is an omission inside it,
//!   and one in brackets ("[...]") is always an omission; a doubled stop ("Calif..") is a stop;
//! - a quotation or bracket after which the sentence goes on ("...,” he said", "'Well!' thought
//!   Alice") is part of that sentence: nothing inside it ends one ([`quotes`]); in one that opens
//!   inside a sentence, "!" and "?" end none ("chants of “Ted! Ted!”") but a full stop before a
//!   capitalised word still does (a quotation of whole sentences); a bracket that stands alone
//!   between sentences ("(Transcript)") is a sentence of its own;
//! - list items ("1.", "b)", "(iii)", bullets) start sentences, unless the list is an
//!   enumeration inside a sentence ([`lists`]).

mod lists;
mod quotes;
mod words;

#[cfg(test)]
mod held_out;

use lists::Lists;
use quotes::Region;
use words::Before;

/// One sentence: a byte range `start..end` of the text it was split from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Sentence {
    /// Byte offset of the sentence's first character.
    pub start: usize,
    /// Byte offset just past the sentence's last character.
    pub end: usize,
}

impl Sentence {
    /// The sentence's text within `source`, the text it was split from.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }
}

/// Closing quotation marks and brackets, which stay with the sentence they end.
const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '»'];
/// Opening quotation marks and brackets, skipped to find the first letter of a word.
const OPENING: &[char] = &['"', '“', '‘', '\'', '(', '[', '«', '„', '`', '¿', '¡'];
/// Marks that end a sentence like "!" and "?".
const EXCLAMATIONS: &[char] = &['!', '?', '‼', '⁇', '⁈', '⁉'];
/// The commonest top-level domains, which make "example.Com" an address.
const TOP_LEVEL_DOMAINS: &[&str] = &["com", "org", "net", "gov", "edu", "int", "mil", "info", "biz", "co", "uk", "io"];
/// Full-width terminal marks of Chinese and Japanese text, which need no space after them.
const FULL_WIDTH: &[char] = &['。', '！', '？'];

/// Splits `text` into sentences.
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (start, end) in blocks(text) {
        Block::new(text, start, end).split(&mut sentences);
    }
    sentences
}

/// Byte ranges of the blocks between hard line breaks.
fn blocks(text: &str) -> Vec<(usize, usize)> {
    let mut blocks = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    for (i, _) in text.match_indices('\n') {
        let line = &text[line_start..i];
        line_start = i + 1;
        let next_line = text[i + 1..].trim_start_matches([' ', '\t', '\r']);
        let paragraph_break = next_line.starts_with('\n');
        if paragraph_break || !hard_wrapped(line, next_line) {
            blocks.push((start, i));
            start = i + 1;
        }
    }
    blocks.push((start, text.len()));
    blocks
}

/// Lower-case words that cannot end a sentence: articles, prepositions, conjunctions,
/// auxiliaries and relative pronouns.
const OPEN_ENDINGS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "onto", "about", "above",
    "across", "after", "against", "along", "among", "around", "before", "behind", "below", "beneath", "beside",
    "between", "beyond", "during", "except", "inside", "near", "over", "past", "since", "through", "toward", "towards",
    "under", "until", "upon", "within", "without", "and", "or", "but", "nor", "if", "because", "while", "as", "than",
    "that", "which", "who", "whose", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "must", "his", "her", "its", "their", "our", "my", "your", "this",
    "these", "those",
];

/// True when the line break after `line` is a hard wrap inside a sentence: the next line starts
/// in lower case, and `line` is long enough to have been wrapped (40 characters or more), is
/// prose (a sentence ends inside it), or cannot end a sentence (a comma, a dash, an article, a
/// preposition, ...). Other short lines before lower-case ones are items of a list written
/// without stops.
fn hard_wrapped(line: &str, next_line: &str) -> bool {
    if !next_line.starts_with(char::is_lowercase) {
        return false;
    }
    let line = line.trim();
    let prose = line.contains(". ") || line.contains("? ") || line.contains("! ");
    if prose || line.chars().nth(39).is_some() || line.ends_with([',', ';', '-', '–', '—', '(', '/', '&']) {
        return true;
    }
    let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
    OPEN_ENDINGS.contains(&last)
}

/// The state of splitting one block.
struct Block<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    lists: Lists,
    regions: Vec<Region>,
    /// The first region whose opening the scan has not reached.
    next_region: usize,
    /// The first list item the scan has not reached.
    next_item: usize,
    /// Nothing before this offset ends a sentence: the closing mark of a quotation or bracket
    /// after which the sentence goes on, or that stands alone.
    quiet_until: usize,
    /// No "!" or "?" before this offset ends a sentence: the closing mark of a quotation or
    /// bracket that opened inside the sentence (chants of "Ted! Ted!"; a full stop in it may still
    /// end one, as in a long quotation of whole sentences).
    quiet_exclamations_until: usize,
    /// A bracket standing alone between sentences, which ends one at its closing mark once the
    /// scan has passed it: (closing mark, just past it).
    alone: Option<(usize, usize)>,
    /// Where the current sentence starts.
    sentence_start: usize,
    boundaries: Vec<usize>,
}

impl<'a> Block<'a> {
    fn new(text: &'a str, start: usize, end: usize) -> Self {
        Block {
            text,
            start,
            end,
            lists: lists::find(text, start, end),
            regions: quotes::regions(text, start, end),
            next_region: 0,
            next_item: 0,
            quiet_until: 0,
            quiet_exclamations_until: 0,
            alone: None,
            sentence_start: start,
            boundaries: Vec::new(),
        }
    }

    #[allow(
        clippy::needless_bitwise_bool,
        reason = "bitwise on purpose: no branch per byte, so that testing sixteen bytes at a time is vectorised"
    )]
    fn split(mut self, out: &mut Vec<Sentence>) {
        let bytes = self.text.as_bytes();
        let mut i = self.start;
        loop {
            // Every terminal mark is ".", "!", "?" or starts with a byte from 0xE2 up ("…", "‼", "。").
            i = next_marked(bytes, i, self.end, |b| (b == b'.') | (b == b'!') | (b == b'?') | (b >= 0xE2));
            if i >= self.end {
                break;
            }
            let c = self.text[i..].chars().next().expect("i is on a char boundary");
            if !(matches!(c, '.' | '…') || EXCLAMATIONS.contains(&c) || FULL_WIDTH.contains(&c)) {
                i += c.len_utf8();
                continue;
            }
            self.catch_up(i);
            let (boundary, next) = if FULL_WIDTH.contains(&c) {
                let after = self.skip_closers(i + c.len_utf8());
                (Some(after), after)
            } else if EXCLAMATIONS.contains(&c) {
                self.exclamation(i)
            } else {
                self.full_stop(i)
            };
            if let Some(at) = boundary {
                self.accept(i, at, EXCLAMATIONS.contains(&c));
            }
            i = next.max(i + 1);
            while !self.text.is_char_boundary(i) {
                i += 1;
            }
        }
        self.catch_up(self.end);
        let mut boundaries = self.boundaries;
        boundaries.extend_from_slice(&self.lists.item_starts);
        boundaries.sort_unstable();
        let mut from = self.start;
        for at in boundaries.into_iter().chain(std::iter::once(self.end)) {
            if at > from {
                push_trimmed(self.text, from, at, out);
                from = at;
            }
        }
    }

    /// Brings the quotations, brackets and list items that start at or before `i` into the state.
    fn catch_up(&mut self, i: usize) {
        while let Some(&region) = self.regions.get(self.next_region).filter(|r| r.open <= i) {
            self.next_region += 1;
            self.pass_items(region.open);
            self.flush_alone(region.open);
            if region.continues {
                self.quiet_until = self.quiet_until.max(region.close);
            } else if self.embedded(region) {
                self.quiet_exclamations_until = self.quiet_exclamations_until.max(region.close);
            } else if region.bracket && self.stands_alone(region) {
                self.quiet_until = self.quiet_until.max(region.close);
                self.alone = Some((region.close, region.close_end));
            }
        }
        self.flush_alone(i);
        self.pass_items(i);
    }

    /// Ends the sentence at a bracket standing alone once the scan is past it.
    fn flush_alone(&mut self, i: usize) {
        if let Some((close, close_end)) = self.alone.filter(|&(close, _)| close < i) {
            self.alone = None;
            self.accept(close, close_end, false);
        }
    }

    /// True when a quotation or bracket opens inside the current sentence (after a word, and
    /// not right after a colon, which introduces whole sentences).
    fn embedded(&self, region: Region) -> bool {
        let before = &self.text[self.sentence_start.min(region.open)..region.open];
        has_word(before) && !before.trim_end().ends_with(':')
    }

    fn pass_items(&mut self, i: usize) {
        while let Some(&item) = self.lists.item_starts.get(self.next_item).filter(|&&at| at <= i) {
            self.next_item += 1;
            self.sentence_start = self.sentence_start.max(item);
        }
    }

    /// True for a bracket that stands between two sentences, not at the block's start, and is
    /// followed by a capitalised word ("... injured. (Transcript) An ..."); a list marker ("(b)")
    /// is no such bracket.
    fn stands_alone(&self, region: Region) -> bool {
        let inside = &self.text[region.open..region.close];
        self.sentence_start > self.start
            && self.lists.item_starts.binary_search(&region.open).is_err()
            && inside.chars().filter(|c| c.is_alphanumeric()).nth(1).is_some()
            && self.text[region.close_end..self.end].starts_with(char::is_whitespace)
            && next_word(self.text, region.close_end, self.end).is_some_and(starts_upper)
    }

    /// Records a boundary at `at`, decided by the punctuation at `mark` (an exclamation or
    /// question mark, or not), unless it falls inside a quotation or bracket that belongs to the
    /// sentence, or the sentence so far has no word.
    fn accept(&mut self, mark: usize, at: usize, exclamation: bool) {
        if at <= self.sentence_start || at > self.end {
            return;
        }
        let inside = |until: usize| mark < until && at <= until;
        if inside(self.quiet_until) || (exclamation && inside(self.quiet_exclamations_until)) {
            return;
        }
        if !has_word(&self.text[self.sentence_start..at]) {
            return;
        }
        self.boundaries.push(at);
        self.sentence_start = at;
    }

    fn skip_closers(&self, from: usize) -> usize {
        skip_while(self.text, from, self.end, |c| CLOSERS.contains(&c))
    }

    /// A run of "!" and "?" (perhaps with stops) at `i`: the boundary, if any, and where the
    /// scan goes on.
    fn exclamation(&self, i: usize) -> (Option<usize>, usize) {
        let run_end = skip_while(self.text, i, self.end, |c| EXCLAMATIONS.contains(&c) || matches!(c, '.' | '…'));
        let after = self.skip_closers(run_end);
        if after >= self.end {
            return (Some(self.end), run_end);
        }
        if self.text[after..].starts_with(char::is_whitespace) {
            let new = next_word(self.text, after, self.end).is_none_or(|w| !starts_lower(w));
            return (new.then_some(after), run_end);
        }
        let missing_space = after == run_end && self.joins_two_sentences(i, run_end);
        (missing_space.then_some(after), run_end)
    }

    /// A full stop or ellipsis at `i`: the boundary, if any, and where the scan goes on.
    fn full_stop(&self, i: usize) -> (Option<usize>, usize) {
        let text = self.text;
        // A run of stops, perhaps spaced: ".", "...", "…", ". . . .".
        let mut run_end = i;
        let mut dots = 0;
        let mut spaced = false;
        loop {
            let rest = &text[run_end..self.end];
            if rest.starts_with('.') {
                run_end += 1;
                dots += 1;
            } else if rest.starts_with('…') {
                run_end += '…'.len_utf8();
                dots += 3;
            } else if dots > 0 && rest.starts_with(" .") && !rest.starts_with(" .  ") {
                run_end += 2;
                dots += 1;
                spaced = true;
            } else {
                break;
            }
        }
        let after = self.skip_closers(run_end);
        if dots >= 2 {
            return self.ellipsis(i, run_end, after, dots, spaced);
        }
        if self.lists.marker_stops.binary_search(&i).is_ok() {
            return (None, run_end);
        }
        if after < self.end && !text[after..].starts_with(char::is_whitespace) {
            if after != run_end {
                return (None, run_end);
            }
            if let Some(reference_end) = self.footnote_after(i, run_end) {
                return (Some(reference_end), reference_end);
            }
            return (self.joins_two_sentences(i, run_end).then_some(after), run_end);
        }
        let Some(next) = next_word(text, after, self.end) else { return (Some(after), run_end) };
        let bracketed = next.starts_with(['(', '[']);
        let first = next.trim_start_matches(OPENING).chars().next().unwrap_or(' ');
        let word = self.word_before(i);
        if first.is_ascii_digit() && words::before_numbers(word) {
            return (None, run_end);
        }
        // After a closing bracket or quotation mark the stop follows no abbreviation: "(R). After".
        let closed = last_word(&text[self.start..i]).ends_with(CLOSERS);
        let before = if closed { Before::Word } else { words::classify(word) };
        let decision = match before {
            Before::Title => false,
            Before::Initial => {
                // An initial stands in a name; "I" or a letter after a lower-case word may end a
                // sentence ("you and I. Did", "vitamin C. It").
                self.previous_word(i).starts_with(char::is_lowercase) && words::is_opener(next)
            }
            Before::Time => {
                let fronted = words::is_time_phrase(&text[self.sentence_start.min(i)..i]);
                !first.is_lowercase() && !fronted && !words::follows_a_time(next.trim_start_matches(OPENING))
            }
            Before::Abbreviation => words::is_opener(next),
            // Not before a bracket ("RICHMOND, Va. (AP) — A detective") nor a word in capitals,
            // which goes on the name ("Siemens Co. KG", "Acme Inc. CEO Jane Doe").
            Before::Final => first.is_uppercase() && !bracketed && !is_all_capitals(next),
            Before::Word => !first.is_lowercase() || bracketed,
        };
        (decision.then_some(after), run_end)
    }

    /// A run of two or more stops at `i`, ending at `run_end`.
    fn ellipsis(&self, i: usize, run_end: usize, after: usize, dots: usize, spaced: bool) -> (Option<usize>, usize) {
        let text = self.text;
        let attached = i > self.start && !text[..i].ends_with(char::is_whitespace);
        let space_after = after < self.end && text[after..].starts_with(char::is_whitespace);
        let next = next_word(text, after, self.end);
        let next_upper = next.is_some_and(starts_upper);
        // An ellipsis in brackets marks an omission: "Bohr [...] used".
        if text[..i].trim_end().ends_with(['[', '(']) && text[run_end..].starts_with([']', ')']) {
            return (None, run_end);
        }
        let decision = if dots == 2 && !spaced {
            // A doubled stop ("Calif.. Cameron") is a stop.
            (after >= self.end || (space_after && !next.is_some_and(starts_lower))).then_some(after)
        } else if spaced && attached && dots >= 4 && text[i..].starts_with('.') {
            // "compounds. . . . The": the word's own stop ends it; the ellipsis opens the next.
            (next_upper && space_after).then_some(i + 1)
        } else if dots >= 4 {
            (next_upper || after >= self.end).then_some(after)
        } else if !spaced {
            (next_upper && space_after).then_some(after)
        } else {
            None
        };
        let next_index = if decision == Some(i + 1) { i + 1 } else { run_end };
        (decision, next_index)
    }

    /// The end of a footnote reference right after the stop at `i` ("world.[3] Today",
    /// "world.12 Today"), when a capitalised word follows it.
    fn footnote_after(&self, i: usize, run_end: usize) -> Option<usize> {
        let word = self.word_before(i);
        if word.chars().count() < 2
            || !word.ends_with(|c: char| c.is_lowercase())
            || words::classify(word) != Before::Word
            || words::before_numbers(word)
        {
            return None;
        }
        let rest = &self.text[run_end..self.end];
        let length = footnote_length(rest)?;
        let reference_end = run_end + length;
        let follows = self.text[reference_end..self.end].starts_with(char::is_whitespace)
            && next_word(self.text, reference_end, self.end).is_some_and(starts_upper);
        follows.then_some(reference_end)
    }

    /// True when the mark at `i`, followed at `run_end` by a letter with no space between,
    /// joins two sentences ("world.Today", "2008.Then"), not a name, address or file.
    fn joins_two_sentences(&self, i: usize, run_end: usize) -> bool {
        let text = self.text;
        let mut right = text[run_end..self.end].chars();
        let (Some(first), Some(second)) = (right.next(), right.next()) else { return false };
        if !first.is_uppercase() || !second.is_lowercase() {
            return false;
        }
        let left: Vec<char> = text[self.start..i].chars().rev().take(2).collect();
        let joined =
            left.len() == 2 && (left.iter().all(|c| c.is_lowercase()) || left.iter().all(char::is_ascii_digit));
        if !joined {
            return false;
        }
        let token_start = i - last_word(&text[self.start..i]).len();
        let token_end = text[run_end..self.end].find(char::is_whitespace).map_or(self.end, |p| run_end + p);
        let token = &text[token_start..token_end];
        let rest_of_token = text[run_end..token_end].trim_end_matches(|c: char| !c.is_alphanumeric());
        let looks_like_address = token.contains(['@', '/', '\\'])
            || token.starts_with("www")
            || rest_of_token.contains('.')
            || TOP_LEVEL_DOMAINS.iter().any(|d| rest_of_token.eq_ignore_ascii_case(d));
        !looks_like_address && words::classify(self.word_before(i)) == Before::Word
    }

    /// The word just before the mark at `i`, without opening or closing quotes and brackets.
    fn word_before(&self, i: usize) -> &'a str {
        last_word(&self.text[self.start..i]).trim_start_matches(OPENING).trim_end_matches(CLOSERS)
    }

    /// The word before [`Self::word_before`], without opening quotes and brackets.
    fn previous_word(&self, i: usize) -> &'a str {
        let before = &self.text[self.start..i];
        let word_start = before.rfind(char::is_whitespace).unwrap_or(0);
        last_word(before[..word_start].trim_end()).trim_start_matches(OPENING)
    }
}

/// The first offset from `from` (before `end`) whose byte is `marked`, or `end`. Sixteen bytes
/// are tested at a time with no branch per byte (so `marked` should combine comparisons with `|`,
/// which the compiler turns into vector instructions), the common case being no mark at all.
fn next_marked(bytes: &[u8], mut from: usize, end: usize, marked: impl Fn(u8) -> bool) -> usize {
    while from + 16 <= end {
        if bytes[from..from + 16].iter().fold(false, |any, &b| any | marked(b)) {
            break;
        }
        from += 16;
    }
    bytes.get(from..end).and_then(|rest| rest.iter().position(|&b| marked(b))).map_or(end, |p| from + p)
}

/// The length of a footnote reference at the start of `rest`: one or more bracketed numbers
/// ("[3]", "[4, 5]") or one to three digits followed by white space.
fn footnote_length(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    if bytes.first() == Some(&b'[') {
        let mut at = 0;
        while bytes.get(at) == Some(&b'[') {
            let close = rest[at..].find(']')?;
            let inside = &rest[at + 1..at + close];
            let numbers = !inside.is_empty()
                && inside.bytes().any(|b| b.is_ascii_digit())
                && inside.bytes().all(|b| b.is_ascii_digit() || matches!(b, b',' | b'-' | b' '));
            if !numbers {
                return None;
            }
            at += close + 1;
        }
        return Some(at);
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    ((1..=3).contains(&digits) && rest[digits..].starts_with(char::is_whitespace)).then_some(digits)
}

/// True when `word` has two letters or more, all capitals ("KG", "CEO").
fn is_all_capitals(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(1).is_some() && letters.all(char::is_uppercase)
}

/// True when `text` holds a letter or digit.
fn has_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// True when `word`, after opening quotes and brackets, starts with an upper-case letter.
fn starts_upper(word: &str) -> bool {
    word.trim_start_matches(OPENING).starts_with(char::is_uppercase)
}

/// True when `word`, after opening quotes and brackets, starts with a lower-case letter.
fn starts_lower(word: &str) -> bool {
    word.trim_start_matches(OPENING).starts_with(char::is_lowercase)
}

/// The text after the last whitespace character of `text`.
fn last_word(text: &str) -> &str {
    text.rsplit(char::is_whitespace).next().unwrap_or(text)
}

/// The word starting after whitespace at `at`, if the block goes on.
fn next_word(text: &str, at: usize, end: usize) -> Option<&str> {
    let rest = text[at..end].trim_start();
    let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    (!rest.is_empty()).then(|| &rest[..word_end])
}

fn skip_while(text: &str, from: usize, end: usize, keep: impl Fn(char) -> bool) -> usize {
    text[from..end].char_indices().find(|&(_, c)| !keep(c)).map_or(end, |(offset, _)| from + offset)
}

fn push_trimmed(text: &str, from: usize, to: usize, out: &mut Vec<Sentence>) {
    let piece = &text[from..to];
    let trimmed_start = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = from + trimmed_start;
        out.push(Sentence { start, end: start + trimmed.len() });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that `text` splits into `expect`.
    fn check(text: &str, expect: &[&str]) {
        let got: Vec<&str> = split_sentences(text).iter().map(|s| s.text(text)).collect();
        assert_eq!(got, expect, "input: {text:?}");
    }

    /// Checks every case of a table.
    fn check_all(cases: &[(&str, &[&str])]) {
        for &(text, expect) in cases {
            check(text, expect);
        }
    }

    #[test]
    fn golden_rule_samples() {
        check_all(&[
            ("Hello World. My name is Jonas.", &["Hello World.", "My name is Jonas."]),
            ("My name is Jonas E. Smith.", &["My name is Jonas E. Smith."]),
            ("Let's ask Jane and co. They should know.", &["Let's ask Jane and co.", "They should know."]),
            ("I live in the U.S. How about you?", &["I live in the U.S.", "How about you?"]),
            ("I work for the U.S. Government in Virginia.", &["I work for the U.S. Government in Virginia."]),
            (
                "At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
                &[
                    "At 5 a.m. Mr. Smith went to the bank.",
                    "He left the bank at 6 P.M.",
                    "Mr. Smith then went to the store.",
                ],
            ),
            ("She turned to him, \"This is great.\" she said.", &["She turned to him, \"This is great.\" she said."]),
            ("1.) The first item 2.) The second item", &["1.) The first item", "2.) The second item"]),
            ("• 9. The first item • 10. The second item", &["• 9. The first item", "• 10. The second item"]),
            (
                "We make a good team, you and I. Did you see Albert I. Jones yesterday?",
                &["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"],
            ),
            ("I never meant that.... She left the store.", &["I never meant that....", "She left the store."]),
        ]);
    }

    #[test]
    fn news_cases() {
        check_all(&[
            (
                "Formal talks start on Jan. 26 in Brussels. The minister said so.",
                &["Formal talks start on Jan. 26 in Brussels.", "The minister said so."],
            ),
            (
                "U.S.-Russia ties deteriorated. The U.S. Senate ratified it.",
                &["U.S.-Russia ties deteriorated.", "The U.S. Senate ratified it."],
            ),
            (
                "\"We did not agree,\" the minister said. \"I think we can.\"",
                &["\"We did not agree,\" the minister said.", "\"I think we can.\""],
            ),
            ("Gen. David Petraeus arrived. He spoke.", &["Gen. David Petraeus arrived.", "He spoke."]),
            ("He said no. The talks ended.", &["He said no.", "The talks ended."]),
        ]);
    }

    #[test]
    fn line_breaks() {
        check_all(&[
            ("Headline without stop\n\nFirst sentence here.", &["Headline without stop", "First sentence here."]),
            ("A sentence broken across\nthe lines. Next one.", &["A sentence broken across\nthe lines.", "Next one."]),
            (
                "A sentence broken in the middle, as a long line\ndoes. Next one.",
                &["A sentence broken in the middle, as a long line\ndoes.", "Next one."],
            ),
            ("Title\nBody starts here.", &["Title", "Body starts here."]),
            ("He met her. It\nwent well.", &["He met her.", "It\nwent well."]),
            ("Buy:\napples\npears\nplums", &["Buy:", "apples", "pears", "plums"]),
            ("a) apples\nb) pears", &["a) apples", "b) pears"]),
            (
                "a liar, xenophobe,\nracist and birther who has\nrepeatedly lied",
                &["a liar, xenophobe,\nracist and birther who has\nrepeatedly lied"],
            ),
        ]);
    }

    /// Held-in cases: the kinds found while reading the differential test's half A, one table
    /// per rule family, in words of their own.
    #[test]
    fn abbreviations_by_kind() {
        check_all(&[
            ("Roe v. Wade was decided in 1973.", &["Roe v. Wade was decided in 1973."]),
            (
                "It was sold to Acme Group Inc. Acme, based in Ohio, agreed.",
                &["It was sold to Acme Group Inc.", "Acme, based in Ohio, agreed."],
            ),
            (
                "He was born in Milton, Mass. His father was a banker.",
                &["He was born in Milton, Mass.", "His father was a banker."],
            ),
            ("RICHMOND, Va. (AP) — A detective testified.", &["RICHMOND, Va. (AP) — A detective testified."]),
            ("He lived in Springfield, Ill., for years.", &["He lived in Springfield, Ill., for years."]),
            ("She fell ill. Doctors came.", &["She fell ill.", "Doctors came."]),
            (
                "The bill was by Rep. Gunn (R). After that it passed.",
                &["The bill was by Rep. Gunn (R).", "After that it passed."],
            ),
            ("It happened at 9:30 p.m. Saturday, police said.", &["It happened at 9:30 p.m. Saturday, police said."]),
            ("It ends at 6 p.m. EST on Friday.", &["It ends at 6 p.m. EST on Friday."]),
            ("It ends at 6 p.m. The doors close.", &["It ends at 6 p.m.", "The doors close."]),
            ("Warner Bros. Pictures made it.", &["Warner Bros. Pictures made it."]),
            ("He drank milk, rich in vitamin D. It helped.", &["He drank milk, rich in vitamin D.", "It helped."]),
            ("He moved to Washington D.C. He liked it.", &["He moved to Washington D.C.", "He liked it."]),
            ("The firm is Smith & Co. at noon today.", &["The firm is Smith & Co. at noon today."]),
            ("He works for Siemens Co. KG in Munich.", &["He works for Siemens Co. KG in Munich."]),
        ]);
    }

    #[test]
    fn quotations_and_brackets() {
        check_all(&[
            ("“We lost. They won,” the coach said.", &["“We lost. They won,” the coach said."]),
            ("''I watched him. I learned,'' he said.", &["''I watched him. I learned,'' he said."]),
            ("Fans chanted “Go! Go! Go!” all night.", &["Fans chanted “Go! Go! Go!” all night."]),
            ("Some chanted “USA! USA!”", &["Some chanted “USA! USA!”"]),
            (
                "The act, he wrote, \"needs no permit at all. In forestry, it means more.\" Few agreed.",
                &["The act, he wrote, \"needs no permit at all.", "In forestry, it means more.\"", "Few agreed."],
            ),
            ("“It was a disaster. We lost everything.”", &["“It was a disaster.", "We lost everything.”"]),
            ("ON VISION: “Have an idea. Act on it.”", &["ON VISION: “Have an idea.", "Act on it.”"]),
            (
                "He was hurt. (Transcript) A new video shows it.",
                &["He was hurt.", "(Transcript)", "A new video shows it."],
            ),
            (
                "He spoke. (Update 4:30 p.m. ET) The crowd left.",
                &["He spoke.", "(Update 4:30 p.m. ET)", "The crowd left."],
            ),
            (
                "They are voicing their opinion. (voice over): There is no leader.",
                &["They are voicing their opinion.", "(voice over): There is no leader."],
            ),
            (
                "(Posted by: a reader | (an aside) Nice. Then more.",
                &["(Posted by: a reader | (an aside) Nice.", "Then more."],
            ),
        ]);
    }

    #[test]
    fn stops_without_spaces_and_ellipses() {
        check_all(&[
            (
                "It was allowed to overflow.That would be a mistake.",
                &["It was allowed to overflow.", "That would be a mistake."],
            ),
            (
                "Mail jane.doe@example.com or see example.Org now.",
                &["Mail jane.doe@example.com or see example.Org now."],
            ),
            ("It was in the study.[12] Later work agreed.", &["It was in the study.[12]", "Later work agreed."]),
            ("It's long... Another shot rang out.", &["It's long...", "Another shot rang out."]),
            ("Police arrested a man... (Associated Press)", &["Police arrested a man...", "(Associated Press)"]),
            ("He lives in Palos Verdes, Calif.. He spoke.", &["He lives in Palos Verdes, Calif..", "He spoke."]),
            ("“… Everybody thought so,” he said.", &["“… Everybody thought so,” he said."]),
        ]);
    }

    #[test]
    fn lists_within_a_block() {
        check_all(&[
            (
                "The plan: 1. Cease fire 2. Free detainees 3. Allow protests",
                &["The plan:", "1. Cease fire", "2. Free detainees", "3. Allow protests"],
            ),
            (
                "You can (a) teach; (b) work offshore; or (c) leave.",
                &["You can (a) teach; (b) work offshore; or (c) leave."],
            ),
            ("(a) First option (b) Second option", &["(a) First option", "(b) Second option"]),
        ]);
    }

    #[test]
    fn held_out_quoted_speech() {
        check_all(held_out::QUOTED_SPEECH);
    }

    #[test]
    fn held_out_before_numbers() {
        check_all(held_out::BEFORE_NUMBERS);
    }

    #[test]
    fn held_out_missing_space() {
        check_all(held_out::MISSING_SPACE);
    }

    #[test]
    fn held_out_ellipses() {
        check_all(held_out::ELLIPSES);
    }

    #[test]
    fn held_out_lists_and_headings() {
        check_all(held_out::LISTS_AND_HEADINGS);
    }

    #[test]
    fn held_out_second_set() {
        for &(text, expect) in held_out::SECOND_SET {
            match held_out::SECOND_SET_WRONG_TODAY.iter().find(|(wrong, _)| *wrong == text) {
                // FIXME: the splitter gets these wrong; today's output is asserted so that a change
                // in either direction shows.
                Some(&(_, today)) => {
                    check(text, today);
                    assert_ne!(today, expect, "{text:?} is right now: remove it from SECOND_SET_WRONG_TODAY");
                }
                None => check(text, expect),
            }
        }
    }

    #[test]
    fn spans_cover_the_text_with_whitespace_gaps() {
        let text = "  One. Two!  \n\n Three? \"Four.\" ";
        let sentences = split_sentences(text);
        let mut at = 0;
        for s in &sentences {
            assert!(text[at..s.start].trim().is_empty());
            at = s.end;
        }
        assert!(text[at..].trim().is_empty());
    }

    /// Pieces of news text that exercise every rule, for texts made of them at random.
    const PIECES: &[&str] = &[
        "word",
        "Word",
        "The",
        "I",
        "E.",
        "U.S.",
        "Mr.",
        "No.",
        "p.",
        "a.m.",
        "Inc.",
        "5",
        "1.",
        "2.",
        "a)",
        "b)",
        "(i)",
        "(ii)",
        "•",
        ".",
        "...",
        "…",
        ". . .",
        "!",
        "?",
        "?!",
        "\"",
        "“",
        "”",
        "'",
        "‘",
        "’",
        "``",
        "''",
        "(",
        ")",
        "[",
        "]",
        "[...]",
        ",",
        ":",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "world.Today",
        "x.[3]",
        "www.a.com",
        "。",
        "(Update 5 p.m.)",
        "“Help!”",
        "(Note.)",
    ];

    fn check_invariant(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let sentences = split_sentences(text);
        let mut at = 0;
        for s in &sentences {
            proptest::prop_assert!(s.start >= at && s.start < s.end, "{text:?}: {sentences:?}");
            proptest::prop_assert!(text[at..s.start].trim().is_empty(), "{text:?}: {sentences:?}");
            proptest::prop_assert!(s.text(text).trim() == s.text(text), "{text:?}: {sentences:?}");
            at = s.end;
        }
        proptest::prop_assert!(text[at..].trim().is_empty(), "{text:?}: {sentences:?}");
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_keeps_the_invariant(text in "\\PC{0,200}") {
            check_invariant(&text)?;
        }

        #[test]
        fn keeps_the_invariant_on_news_like_text(pieces in proptest::collection::vec(0..PIECES.len(), 0..60)) {
            let text: String = pieces.iter().map(|&p| PIECES[p]).collect::<Vec<_>>().join(" ");
            check_invariant(&text)?;
            let glued: String = pieces.iter().map(|&p| PIECES[p]).collect();
            check_invariant(&glued)?;
        }
    }
}
