//! The quotation finder on the `PolNeAR` development articles, scored as
//! `shared/tools/score_quotes.py` scores them (a port of its core): gold quotes are the quoted
//! stretches of four words or more inside an attribution's Content; a prediction matches a gold
//! quote when they overlap by half the shorter at least; speakers are judged by the last word of
//! the Source's head (named), or by the speaker's surname standing in the Source's window of
//! sentences (pronoun, nominal), or by a role ending in the same word (nominal).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::polnear_words::{clean_word, is_not_name, is_trailing, PRONOUNS};
use crate::shared_data;

#[test]
fn polnear_dev_quotes_and_speakers() {
    let Some(dir) = shared_data("quotes/polnear/dev") else { return };
    let score = score_dir(&dir);
    eprintln!("{score}");
    // Measured when the finder was written, on the rule-based names: F1 0.987, speaker accuracy
    // 0.852 (named 0.895, pronoun 0.804, nominal 0.716); on the trained recognizer's names: F1
    // 0.987, speaker accuracy 0.841 (named 0.893, pronoun 0.772, nominal 0.704); with the
    // trained speaker ranker (models/speakers.txt): F1 0.987, speaker accuracy 0.891 (named
    // 0.908, pronoun 0.842, nominal 0.901); with its features of addressee, mention inside the
    // quotation, most mentioned and capitals, and no organisation a frameless quotation's
    // speaker: F1 0.987, speaker accuracy 0.893 (named 0.906, pronoun 0.853, nominal 0.914);
    // with titles in quotation marks no quotations and the ranker retrained: F1 0.986, speaker
    // accuracy 0.897 (named 0.912, pronoun 0.853, nominal 0.913), as score_quotes.py gives. The floors sit a little below, to catch regressions; the
    // issue's goal of 0.90 overall is not reached yet (pronoun 0.85 is).
    assert!(score.f1() >= 0.97, "{score}");
    assert!(score.accuracy(None) >= 0.885, "{score}");
    assert!(score.accuracy(Some(Group::Named)) >= 0.895, "{score}");
    assert!(score.accuracy(Some(Group::Pronoun)) >= 0.84, "{score}");
    assert!(score.accuracy(Some(Group::Nominal)) >= 0.89, "{score}");
}

#[test]
fn the_port_of_the_scorer_scores_a_perfect_prediction_perfectly() {
    let text = "Intro line.\n\"We will win this race in the fall,\" Jane Doe said on Monday.\n";
    let start = text.find("We").unwrap();
    let end = text.find(",\"").unwrap() + 1;
    let attributions = vec![Attribution {
        id: "E1".to_owned(),
        content: vec![(12 + 1, 12 + 1 + (end - start))],
        source: vec![(text.find("Jane").unwrap(), text.find(" said").unwrap())],
    }];
    let article = Article::new(text, &attributions);
    assert_eq!(article.gold.len(), 1);
    assert_eq!(article.gold[0].group, Some(Group::Named));
    let mut score = Score::default();
    article.score(&[(start, end, Some("Jane Doe".to_owned()))], &mut score);
    assert_eq!((score.matched_gold, score.predictions, score.matched_predictions), (1, 1, 1));
    assert!((score.accuracy(None) - 1.0).abs() < 1e-9);
    let mut wrong = Score::default();
    article.score(&[(start, end, Some("John Roe".to_owned()))], &mut wrong);
    assert!(wrong.accuracy(None).abs() < 1e-9);
}

/// Scores every `<stem>.txt` / `<stem>.ann` pair of `dir`.
fn score_dir(dir: &Path) -> Score {
    let mut stems: BTreeSet<String> = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ann") {
            stems.insert(path.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    assert!(!stems.is_empty(), "no articles in {}", dir.display());
    let mut score = Score::default();
    for stem in stems {
        let text = std::fs::read_to_string(dir.join(format!("{stem}.txt"))).unwrap();
        let ann = std::fs::read_to_string(dir.join(format!("{stem}.ann"))).unwrap();
        let article = Article::new(&text, &read_ann(&ann));
        let predictions: Vec<(usize, usize, Option<String>)> = newsbrief::find_quotations(&text)
            .into_iter()
            .map(|q| (q.start, q.end, q.speaker.map(|s| s.name)))
            .collect();
        article.score(&predictions, &mut score);
    }
    score
}

/// The speaker groups of the scorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Named,
    Pronoun,
    Nominal,
}

/// One attribution: its Content and Source pieces as character ranges.
struct Attribution {
    id: String,
    content: Vec<(usize, usize)>,
    source: Vec<(usize, usize)>,
}

/// Counts over articles.
#[derive(Default)]
struct Score {
    gold: usize,
    predictions: usize,
    matched_predictions: usize,
    matched_gold: usize,
    /// Per group: judged, correct.
    speakers: BTreeMap<Group, (usize, usize)>,
}

impl Score {
    fn f1(&self) -> f64 {
        let precision = self.matched_predictions as f64 / self.predictions.max(1) as f64;
        let recall = self.matched_gold as f64 / self.gold.max(1) as f64;
        2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE)
    }

    fn accuracy(&self, group: Option<Group>) -> f64 {
        let (n, correct) = self
            .speakers
            .iter()
            .filter(|(g, _)| group.is_none_or(|wanted| **g == wanted))
            .fold((0, 0), |(n, c), (_, (gn, gc))| (n + gn, c + gc));
        correct as f64 / n.max(1) as f64
    }
}

impl std::fmt::Display for Score {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "polnear: quote F1 {:.4} (P {:.4}, R {:.4}), speaker accuracy {:.4} (named {:.4}, pronoun {:.4}, nominal {:.4}), {:?}",
            self.f1(),
            self.matched_predictions as f64 / self.predictions.max(1) as f64,
            self.matched_gold as f64 / self.gold.max(1) as f64,
            self.accuracy(None),
            self.accuracy(Some(Group::Named)),
            self.accuracy(Some(Group::Pronoun)),
            self.accuracy(Some(Group::Nominal)),
            self.speakers
        )
    }
}

/// The attributions of a brat `.ann` file.
fn read_ann(ann: &str) -> Vec<Attribution> {
    let mut spans: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    let mut events: Vec<(String, BTreeMap<String, Vec<String>>)> = Vec::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(middle)) = (fields.next(), fields.next()) else { continue };
        if id.starts_with('T') {
            let Some((_, offsets)) = middle.split_once(' ') else { continue };
            let pieces = offsets
                .split(';')
                .filter_map(|p| p.split_once(' '))
                .filter_map(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
                .collect();
            spans.insert(id, pieces);
        } else if id.starts_with('E') {
            let mut roles: BTreeMap<String, Vec<String>> = BTreeMap::new();
            for part in middle.split_whitespace() {
                let (role, target) = part.split_once(':').unwrap_or((part, ""));
                roles
                    .entry(role.trim_end_matches(|c: char| c.is_ascii_digit()).to_owned())
                    .or_default()
                    .push(target.to_owned());
            }
            events.push((id.to_owned(), roles));
        }
    }
    events
        .into_iter()
        .map(|(id, roles)| {
            let pieces = |role: &str| -> Vec<(usize, usize)> {
                let mut all: Vec<(usize, usize)> = roles
                    .get(role)
                    .into_iter()
                    .flatten()
                    .filter_map(|t| spans.get(t.as_str()))
                    .flatten()
                    .copied()
                    .collect();
                all.sort_unstable();
                all
            };
            Attribution { id, content: pieces("Content"), source: pieces("Source") }
        })
        .collect()
}

/// A gold quote: byte range, its attribution, its group and what judges its speaker.
struct Gold {
    attribution: String,
    start: usize,
    end: usize,
    group: Option<Group>,
    last: String,
    window: String,
}

/// One article read as the scorer reads it.
struct Article {
    gold: Vec<Gold>,
    minor: Vec<(usize, usize)>,
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "reps", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr", "inc",
    "co", "corp", "ltd", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "prof", "rev", "ft", "mt", "u.s", "u.n", "d.c", "a.m", "p.m", "u.k", "e.g", "i.e", "ave", "blvd",
];

static MARK: LazyLock<Regex> = LazyLock::new(|| Regex::new("\u{201c}|\u{201d}|\"|''").unwrap());
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new("\n+|[.!?]+[\"'\u{201d}\u{2019})\\]]*\\s+").unwrap());
static CUT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new("[,(;:\u{2014}\u{2013}]| -+ | (?:who|whose|which|that|for|with|at|from|in|on) | of [a-z]").unwrap()
});
static CAPITALISED: LazyLock<Regex> = LazyLock::new(|| Regex::new("[A-Z][\\w'\u{2019}.-]*").unwrap());
static LAST_WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new("[\\w.]+$").unwrap());

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && !is_not_name(word)
}

fn words_of(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text.split_whitespace().map(clean_word).filter(|w| !w.is_empty()).collect();
    while words.last().is_some_and(|w| is_trailing(w)) {
        words.pop();
    }
    words
}

/// The words of the head of a source or speaker string.
fn head_words(text: &str) -> Vec<String> {
    let padded = format!(" {text} ");
    let cut = CUT.find(&padded);
    let head = match cut {
        Some(m) if m.start() > 0 => &padded[..m.start()],
        _ => text,
    };
    let mut words = words_of(head);
    if let Some(m) = cut.filter(|m| m.as_str() == ",") {
        if !words.last().is_some_and(|w| capitalised(w)) {
            let appositive = words_of(padded[m.end()..].split(',').next().unwrap_or(""));
            let all_capitalised = appositive.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if !appositive.is_empty() && all_capitalised && appositive.last().is_some_and(|w| capitalised(w)) {
                words = appositive;
            }
        }
    }
    words
}

fn surname(speaker: &str) -> Option<String> {
    head_words(speaker).into_iter().rev().find(|w| capitalised(w))
}

/// An article's text by characters, as the scorer (Python) indexes it.
struct Characters<'a> {
    text: &'a str,
    chars: Vec<char>,
    /// Byte offset of each character, and of the end.
    byte_of: Vec<usize>,
    /// Where the scorer's sentences start.
    starts: Vec<usize>,
    /// Words the text capitalises inside a sentence.
    mid_caps: BTreeSet<String>,
}

impl<'a> Characters<'a> {
    fn new(text: &'a str) -> Self {
        let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of.push(text.len());
        let mut chars =
            Characters { text, chars: text.chars().collect(), byte_of, starts: vec![0], mid_caps: BTreeSet::new() };
        for m in SENTENCE_END.find_iter(text) {
            let dot = chars.char_of(m.start());
            if !m.as_str().contains('\n') && m.as_str().starts_with('.') && chars.after_abbreviation(dot) {
                continue;
            }
            let start = chars.char_of(m.end());
            chars.starts.push(start);
        }
        chars.mid_caps = CAPITALISED
            .find_iter(text)
            .filter(|m| !chars.opens_sentence(chars.char_of(m.start())))
            .map(|m| clean_word(m.as_str()))
            .collect();
        chars
    }

    fn char_of(&self, byte: usize) -> usize {
        self.byte_of.partition_point(|&b| b < byte)
    }

    fn slice(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.byte_of[from.min(self.chars.len())]..self.byte_of[to.min(self.chars.len())]]
    }

    /// Whether the period at character `dot` ends an abbreviation or an initial.
    fn after_abbreviation(&self, dot: usize) -> bool {
        let word = LAST_WORD.find(self.slice(0, dot)).map_or(String::new(), |m| m.as_str().to_lowercase());
        ABBREVIATIONS.contains(&word.as_str()) || word.chars().count() == 1 && word.chars().all(char::is_alphabetic)
    }

    fn opens_sentence(&self, pos: usize) -> bool {
        let chars = &self.chars;
        let mut j = pos;
        while j > 0 && " \t\"'\u{201c}\u{2018}([".contains(chars[j - 1]) {
            j -= 1;
        }
        if j == 0 || chars[j - 1] == '\n' || "!?".contains(chars[j - 1]) {
            return true;
        }
        if chars[j - 1] == '.' {
            return !self.after_abbreviation(j - 1);
        }
        "\u{201d}\"\u{2019}".contains(chars[j - 1]) && j > 1 && ".!?".contains(chars[j - 2])
    }

    /// Whether the characters `from..to` hold a name.
    fn holds_name(&self, from: usize, to: usize) -> bool {
        CAPITALISED
            .find_iter(self.slice(from, to))
            .map(|m| clean_word(m.as_str()))
            .any(|w| capitalised(&w) && self.mid_caps.contains(&w))
    }

    /// The sentence holding `pos` and the two before it, grown back while it holds no name.
    fn window(&self, pos: usize) -> &'a str {
        let k = self.starts.partition_point(|&s| s <= pos) - 1;
        let mut first = k.saturating_sub(2);
        let hi = self.starts.get(k + 1).copied().unwrap_or(self.chars.len()).min(self.chars.len());
        while first > 0 && !self.holds_name(self.starts[first], hi) {
            first -= 1;
        }
        self.slice(self.starts[first], hi)
    }

    /// Character ranges inside double quotation marks, line by line.
    fn quotations(&self) -> Vec<(usize, usize)> {
        let mut quotations = Vec::new();
        let mut line_start = 0;
        for line in self.text.split('\n') {
            let mut inside: Option<usize> = None;
            for m in MARK.find_iter(line) {
                let (s, e) = (self.char_of(line_start + m.start()), self.char_of(line_start + m.end()));
                match m.as_str() {
                    "\u{201c}" => {
                        if let Some(open) = inside {
                            quotations.push((open, s));
                        }
                        inside = Some(e);
                    }
                    "\u{201d}" => {
                        if let Some(open) = inside.take() {
                            quotations.push((open, s));
                        }
                    }
                    _ => match inside.take() {
                        Some(open) => quotations.push((open, s)),
                        None => inside = Some(e),
                    },
                }
            }
            if let Some(open) = inside {
                quotations.push((open, self.char_of(line_start + line.len())));
            }
            line_start += line.len() + 1;
        }
        quotations
    }

    /// The group, head word and window of a Source made of `source` pieces.
    fn classify(&self, source: &[(usize, usize)]) -> (Option<Group>, String, String) {
        let Some(&(source_start, _)) = source.first() else { return (None, String::new(), String::new()) };
        let source_end = source.last().map_or(source_start, |p| p.1);
        let pieces: Vec<&str> = source.iter().map(|&(a, b)| self.slice(a, b)).collect();
        let words = head_words(&pieces.join(" "));
        let last = words.last().cloned().unwrap_or_default();
        let group = if PRONOUNS.contains(&last.to_lowercase().as_str()) {
            Group::Pronoun
        } else if capitalised(&last) {
            let opens = self
                .slice(source_start, source_end)
                .find(&last)
                .map(|b| self.opens_sentence(self.char_of(self.byte_of[source_start.min(self.chars.len())] + b)));
            if self.mid_caps.contains(&last) || opens != Some(true) {
                Group::Named
            } else {
                Group::Nominal
            }
        } else {
            Group::Nominal
        };
        (Some(group), last, self.window(source_start.min(self.chars.len())).to_owned())
    }
}

impl Article {
    fn new(text: &str, attributions: &[Attribution]) -> Self {
        let chars = Characters::new(text);
        let quotations = chars.quotations();
        let mut gold = Vec::new();
        let mut minor = Vec::new();
        for attribution in attributions {
            for &(qs, qe) in &quotations {
                let inter: Vec<(usize, usize)> =
                    attribution.content.iter().map(|&(s, e)| (qs.max(s), qe.min(e))).filter(|(s, e)| s < e).collect();
                let (Some(first), Some(last)) = (inter.first(), inter.last()) else { continue };
                let (mut s, mut e) = (first.0, last.1.min(chars.chars.len()));
                while s < e && chars.chars[s].is_whitespace() {
                    s += 1;
                }
                while e > s && chars.chars[e - 1].is_whitespace() {
                    e -= 1;
                }
                let quoted = chars.slice(s, e);
                if !quoted.chars().any(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let (start, end) = (chars.byte_of[s], chars.byte_of[e]);
                if quoted.split_whitespace().count() < 4 {
                    minor.push((start, end));
                    continue;
                }
                let (group, last, window) = chars.classify(&attribution.source);
                gold.push(Gold { attribution: attribution.id.clone(), start, end, group, last, window });
            }
        }
        Article { gold, minor }
    }

    fn speaker_ok(gold: &Gold, speaker: Option<&str>) -> bool {
        let speaker = speaker.unwrap_or("");
        let surname = surname(speaker);
        match gold.group {
            None => true,
            Some(Group::Named) => surname.is_some_and(|s| s.to_lowercase() == gold.last.to_lowercase()),
            Some(group) => {
                let in_window = surname.is_some_and(|s| {
                    Regex::new(&format!("(?:^|[^\\w]){}(?:[^\\w]|$)", regex::escape(&s)))
                        .unwrap()
                        .is_match(&gold.window)
                });
                if in_window {
                    return true;
                }
                let norm = |w: &str| {
                    let lower = w.to_lowercase();
                    lower.strip_suffix('s').map_or(lower.clone(), str::to_owned)
                };
                group == Group::Nominal && head_words(speaker).last().is_some_and(|w| norm(w) == norm(&gold.last))
            }
        }
    }

    /// Adds this article's counts for `predictions` (byte ranges and speaker names) to `score`.
    fn score(&self, predictions: &[(usize, usize, Option<String>)], score: &mut Score) {
        score.gold += self.gold.len();
        let overlap = |a: (usize, usize), b: (usize, usize)| a.1.min(b.1).saturating_sub(a.0.max(b.0));
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for (p, &(ps, pe, _)) in predictions.iter().enumerate() {
            for (g, gold) in self.gold.iter().enumerate() {
                let ov = overlap((ps, pe), (gold.start, gold.end));
                if ov > 0 && 2 * ov >= (pe - ps).min(gold.end - gold.start) {
                    candidates.push((ov, p, g));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut owner: BTreeMap<usize, usize> = BTreeMap::new();
        let mut attribution_of: BTreeMap<usize, &str> = BTreeMap::new();
        let mut cover: BTreeMap<usize, usize> = BTreeMap::new();
        for (ov, p, g) in candidates {
            let gold = &self.gold[g];
            if owner.contains_key(&g) || attribution_of.get(&p).is_some_and(|a| *a != gold.attribution) {
                continue;
            }
            let size = predictions[p].1 - predictions[p].0;
            if cover.get(&p).is_some_and(|c| 2 * (c + ov) < size) {
                continue;
            }
            owner.insert(g, p);
            attribution_of.insert(p, &gold.attribution);
            *cover.entry(p).or_default() += ov;
        }
        for (&g, &p) in &owner {
            let gold = &self.gold[g];
            if let Some(group) = gold.group {
                let entry = score.speakers.entry(group).or_default();
                entry.0 += 1;
                entry.1 += usize::from(Self::speaker_ok(gold, predictions[p].2.as_deref()));
            }
        }
        for (p, &(ps, pe, _)) in predictions.iter().enumerate() {
            if attribution_of.contains_key(&p) {
                score.matched_predictions += 1;
                score.predictions += 1;
            } else if !self.minor.iter().any(|&m| {
                let ov = overlap((ps, pe), m);
                ov > 0 && 2 * ov >= (pe - ps).min(m.1 - m.0)
            }) {
                score.predictions += 1;
            }
        }
        score.matched_gold += owner.len();
    }
}
