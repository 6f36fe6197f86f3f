//! Regular expressions that cost little to build when they find nothing.
//!
//! A pattern with Unicode classes (`\p{Lu}`, `\p{L}`) compiles to large automata: a few such
//! patterns cost more to build than a short brief takes to compute, in every process. Most of
//! them look for something rare (a dateline, a photo credit, an outlet speaking of itself), so a
//! [`Pattern`] first runs a *screen*: the same pattern with every large class widened to its
//! ASCII part plus all non-ASCII characters, which builds fifty times faster. The screen matches wherever the pattern does (each class only grew; assertions and
//! everything else are kept), so where the screen finds nothing the pattern finds nothing, and
//! the full pattern is built only the first time the screen matches. Results are those of the
//! full pattern, always.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::{Captures, Regex};
use regex_automata::meta;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look};

/// A regular expression built only when a cheap screen says it may match.
pub(crate) struct Pattern {
    source: Cow<'static, str>,
    screen: OnceLock<Option<meta::Regex>>,
    full: OnceLock<Regex>,
}

impl Pattern {
    /// A pattern over `source` (regex syntax); nothing is compiled until it is used.
    pub(crate) fn new(source: impl Into<Cow<'static, str>>) -> Self {
        Pattern { source: source.into(), screen: OnceLock::new(), full: OnceLock::new() }
    }

    /// The full regular expression, built on first use.
    ///
    /// # Panics
    /// When the pattern is not valid (the patterns are constants, checked by tests).
    fn full(&self) -> &Regex {
        self.full.get_or_init(|| Regex::new(&self.source).expect("valid regex"))
    }

    /// The full regular expression when it may match in `haystack` (the screen matches there),
    /// else `None`: nothing can match.
    fn on(&self, haystack: &str) -> Option<&Regex> {
        let screen = self.screen.get_or_init(|| screen_of(&self.source));
        match screen {
            Some(screen) if !screen.is_match(haystack) => None,
            _ => Some(self.full()),
        }
    }

    /// True when the pattern matches somewhere in `haystack`.
    pub(crate) fn is_match(&self, haystack: &str) -> bool {
        self.on(haystack).is_some_and(|re| re.is_match(haystack))
    }

    /// The groups of the leftmost-first match in `haystack`.
    pub(crate) fn captures<'h>(&self, haystack: &'h str) -> Option<Captures<'h>> {
        self.on(haystack)?.captures(haystack)
    }
}

/// A class of characters read from regular expression syntax (`[\p{Alphabetic}\p{N}]`): the
/// characters the `regex` crate's class holds, by the same Unicode tables, tested without
/// building an automaton for them.
pub(crate) struct CharClass {
    ranges: Vec<(char, char)>,
    /// Which ASCII characters the class holds, one bit each: most text is ASCII, answered
    /// without a search of the ranges.
    ascii: u128,
}

impl CharClass {
    /// The class `source` names (regex syntax of one class); empty when it names none.
    pub(crate) fn new(source: &str) -> Self {
        let ranges: Vec<(char, char)> = match regex_syntax::parse(source).map(Hir::into_kind) {
            Ok(HirKind::Class(Class::Unicode(class))) => class.ranges().iter().map(|r| (r.start(), r.end())).collect(),
            _ => Vec::new(),
        };
        let mut class = CharClass { ranges, ascii: 0 };
        class.ascii = ('\0'..='\x7f').filter(|&c| class.in_ranges(c)).fold(0, |bits, c| bits | 1 << u32::from(c));
        class
    }

    /// True when the class holds `c`.
    pub(crate) fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            self.ascii >> u32::from(c) & 1 == 1
        } else {
            self.in_ranges(c)
        }
    }

    /// True when one of the class's ranges holds `c`.
    fn in_ranges(&self, c: char) -> bool {
        let after = self.ranges.partition_point(|&(start, _)| start <= c);
        after > 0 && c <= self.ranges[after - 1].1
    }
}

/// The screen of a pattern: its syntax with each class widened, or `None` when the pattern has
/// no class to widen (the full pattern is then as cheap to build) or does not parse (the full
/// pattern reports that).
fn screen_of(source: &str) -> Option<meta::Regex> {
    let hir = regex_syntax::parse(source).ok()?;
    let (widened, changed) = widen(&hir);
    if !changed {
        return None;
    }
    // The screen answers `is_match` only: no groups. A screen anchored at the start of the
    // text fails or matches within a few characters, so it needs no lazy DFA (and so no reverse
    // automaton, half the cost of building it).
    let mut config = meta::Config::new().which_captures(regex_automata::nfa::thompson::WhichCaptures::None);
    if widened.properties().look_set_prefix().contains(Look::Start) {
        config = config.hybrid(false);
    }
    meta::Regex::builder().configure(config).build_from_hir(&widened).ok()
}

/// `hir` with every large class (see [`is_large`]) replaced by its ASCII part plus all
/// non-ASCII characters, and whether any was replaced. The result matches a superset of what
/// `hir` matches.
fn widen(hir: &Hir) -> (Hir, bool) {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) if is_large(class) => {
            let mut ranges: Vec<ClassUnicodeRange> = class
                .ranges()
                .iter()
                .filter(|r| r.start() <= '\x7f')
                .map(|r| ClassUnicodeRange::new(r.start(), r.end().min('\x7f')))
                .collect();
            ranges.push(ClassUnicodeRange::new('\u{80}', char::MAX));
            (Hir::class(Class::Unicode(ClassUnicode::new(ranges))), true)
        }
        HirKind::Repetition(repetition) => {
            let (sub, changed) = widen(&repetition.sub);
            let mut repetition = repetition.clone();
            repetition.sub = Box::new(sub);
            (Hir::repetition(repetition), changed)
        }
        HirKind::Capture(capture) => {
            let (sub, changed) = widen(&capture.sub);
            let mut capture = capture.clone();
            capture.sub = Box::new(sub);
            (Hir::capture(capture), changed)
        }
        HirKind::Concat(subs) => {
            let (subs, changed) = widen_all(subs);
            (Hir::concat(subs), changed)
        }
        HirKind::Alternation(subs) => {
            let (subs, changed) = widen_all(subs);
            (Hir::alternation(subs), changed)
        }
        _ => (hir.clone(), false),
    }
}

/// How many ranges of non-ASCII characters make a class worth widening: Unicode categories
/// (`\p{Lu}`, `\d`) have hundreds, while the classes of case folding (`[Kk\u{212A}]`) or white
/// space have a few, cost little, and are better left alone (widened, they would make every
/// letter of a case-insensitive word a large class).
const LARGE_CLASS: usize = 16;

/// True when `class` holds more than [`LARGE_CLASS`] ranges of non-ASCII characters.
fn is_large(class: &ClassUnicode) -> bool {
    class.ranges().iter().filter(|r| r.end() > '\x7f').count() > LARGE_CLASS
}

/// Each of `hirs` widened, and whether any changed.
fn widen_all(hirs: &[Hir]) -> (Vec<Hir>, bool) {
    let mut changed = false;
    let widened = hirs
        .iter()
        .map(|hir| {
            let (hir, c) = widen(hir);
            changed |= c;
            hir
        })
        .collect();
    (widened, changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks that `pattern` finds in each text exactly what the plain regex finds, and that
    /// the screen matches wherever the regex does.
    fn check(pattern: &str, texts: &[&str]) {
        let screened = Pattern::new(pattern.to_owned());
        let plain = Regex::new(pattern).expect("valid regex");
        let groups =
            |caps: Option<Captures<'_>>| caps.map(|c| c.iter().map(|g| g.map(|g| g.range())).collect::<Vec<_>>());
        for text in texts {
            assert_eq!(screened.is_match(text), plain.is_match(text), "{pattern} on {text:?}");
            assert_eq!(groups(screened.captures(text)), groups(plain.captures(text)), "{pattern} on {text:?}");
            assert!(!plain.is_match(text) || screened.on(text).is_some(), "the screen of {pattern} on {text:?}");
        }
    }

    #[test]
    fn unicode_classes_find_what_the_regex_finds() {
        check(
            r"^(?P<place>\p{Lu}[\p{Lu}.'’ -]+?|\p{Lu}\p{Ll}+)\s*(?:--?|—|–)\s+(?P<rest>[\p{Lu}\d“])",
            &[
                "WASHINGTON — The",
                "ZÜRICH - Über",
                "Zürich – “Quote”",
                "São Paulo — É",
                "washington — the",
                "ÆØÅ -- 12",
                "",
                "No dateline here — at all",
            ],
        );
        check(
            r"[\p{Ll}\d)]\.\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,3}$",
            &["the end.Jane Doe", "the end.Ösel Ünal", "the end. Jane Doe", "ünïcödé.Ärger Über", "x"],
        );
        check(r"[\p{Alphabetic}\p{N}]+(?:['’][\p{Alphabetic}]+)?", &["don’t stop 12 ½ 東京 l'été", "…", ""]);
    }

    #[test]
    fn case_folding_and_boundaries_are_kept() {
        // Case folding brings non-ASCII characters into ASCII words (the Kelvin sign folds to k).
        check(r"(?i)\bkilo\b", &["KILO", "\u{212a}ilo", "kilogram", "é kilo é", "ékilo"]);
        check(r"\bété\b", &["été", "l'été", "étés", "ete"]);
    }

    #[test]
    fn ascii_patterns_have_no_screen() {
        assert!(screen_of(r"\b(\d{4})-(\d{2})").is_some(), "Unicode \\d is widened");
        assert!(screen_of(r"(?-u)\b[0-9]{4}\b").is_none());
        assert!(screen_of(r"abc|d[ef]").is_none());
        assert!(screen_of(r"(").is_none());
        assert!(screen_of(r"(?i)\bskip\s+this\b").is_none(), "case folding and white space are small classes");
    }

    #[test]
    fn a_class_holds_what_the_regex_class_holds() {
        for source in [r"[\p{Alphabetic}\p{N}]", r"\p{Lu}", "[a-cx]"] {
            let class = CharClass::new(source);
            let regex = Regex::new(&format!("^{source}$")).expect("valid regex");
            let mut buf = [0; 4];
            // Every ASCII character (answered from the bitmap), then a sample of the rest.
            for c in ('\0'..='\x7f')
                .chain((0..=u32::from(char::MAX)).step_by(7).filter_map(char::from_u32))
                .chain(['a', 'c', 'd', 'x', 'É', '\u{88f}'])
            {
                assert_eq!(class.contains(c), regex.is_match(c.encode_utf8(&mut buf)), "{source} {c:?}");
            }
        }
        assert!(!CharClass::new("ab").contains('a'), "not a class");
    }

    #[test]
    fn a_pattern_that_finds_nothing_is_not_built() {
        let pattern = Pattern::new(r"\p{Lu}\p{Ll}+ News");
        assert!(pattern.captures("nothing to see here").is_none());
        assert!(pattern.full.get().is_none());
        assert_eq!(pattern.captures("Channel News").map(|c| c[0].len()), Some(12));
        assert!(pattern.full.get().is_some());
    }
}
