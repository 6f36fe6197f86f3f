//! Telling a page's article from its boilerplate, block by block: a logistic model over what
//! each block of the extracted content looks like (length, share of link text, closing
//! punctuation, element) and where it stands (the text before and after it, its neighbours).
//!
//! The model's weights were fitted on half of the development pages of the article-extraction
//! benchmark by `scripts/train_boilerplate.py`, from the features `newsbrief extract --format
//! blocks` prints; the other half checks them.

use crate::ingest::html::{Block, Tag};

/// How many features describe a block.
pub(crate) const FEATURES: usize = 25;

/// The features of each block, in the order of `FEATURES` in `scripts/train_boilerplate.py`.
pub(crate) fn features(blocks: &[Block]) -> Vec<[f64; FEATURES]> {
    let total: usize = blocks.iter().map(|b| b.chars).sum::<usize>().max(1);
    let prose: Vec<bool> = blocks.iter().map(is_prose).collect();
    let first_prose = prose.iter().position(|p| *p);
    let last_prose = prose.iter().rposition(|p| *p);
    let stopwords = stopwords(blocks);
    let runs = runs(blocks, &prose);
    let link = |b: &Block| share(b.link_chars, b.chars);
    let length = |b: &Block| (1.0 + b.chars as f64).ln();
    let mut before = 0;
    let mut rows = Vec::with_capacity(blocks.len());
    for (index, block) in blocks.iter().enumerate() {
        let after = total.saturating_sub(before + block.chars);
        let previous = index.checked_sub(1).map(|i| &blocks[i]);
        let next = blocks.get(index + 1);
        let words: Vec<&str> = block.text.split_whitespace().collect();
        let (digits, alphanumeric) = block.text.chars().fold((0usize, 0usize), |(d, a), c| {
            (d + usize::from(c.is_numeric()), a + usize::from(c.is_alphanumeric()))
        });
        let cased: Vec<bool> = words
            .iter()
            .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
            .filter(|c| c.is_uppercase() || c.is_lowercase())
            .map(char::is_uppercase)
            .collect();
        let stop = stopwords.as_ref().map_or(0, |set| {
            words.iter().filter(|w| set.contains(w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str())).count()
        });
        let (run_link, run_blocks) = runs[index];
        rows.push([
            length(block),
            (1.0 + words.len() as f64).ln(),
            link(block),
            flag(closes_sentence(&block.text)),
            flag(block.text.ends_with([':', '：'])),
            flag(block.tag == Tag::Heading),
            flag(block.tag == Tag::ListItem),
            flag(block.tag == Tag::Cell),
            share(digits, alphanumeric),
            share(cased.iter().filter(|u| **u).count(), cased.len()),
            before as f64 / total as f64,
            after as f64 / total as f64,
            previous.map_or(0.0, link),
            next.map_or(0.0, link),
            previous.map_or(0.0, length),
            next.map_or(0.0, length),
            flag(last_prose.is_some_and(|last| index > last)),
            flag(first_prose.is_some_and(|first| index < first)),
            share(block.unlikely_chars, block.chars),
            share(stop, words.len()),
            previous.map_or(0.0, |b| flag(closes_sentence(&b.text))),
            next.map_or(0.0, |b| flag(closes_sentence(&b.text))),
            run_link,
            (1.0 + run_blocks as f64).ln(),
            flag(block.in_second),
        ]);
        before += block.chars;
    }
    rows
}

/// 1 for true, 0 for false.
fn flag(value: bool) -> f64 {
    f64::from(u8::from(value))
}

/// For each block, the share of link text and the number of blocks of the run of blocks that
/// are not prose it belongs to (a prose block is a run of its own).
fn runs(blocks: &[Block], prose: &[bool]) -> Vec<(f64, usize)> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut start = 0;
    while start < blocks.len() {
        let end = if prose[start] {
            start + 1
        } else {
            (start..blocks.len()).find(|&i| prose[i]).unwrap_or(blocks.len())
        };
        let run = &blocks[start..end];
        let chars: usize = run.iter().map(|b| b.chars).sum();
        let links: usize = run.iter().map(|b| b.link_chars).sum();
        out.extend(std::iter::repeat_n((share(links, chars), run.len()), run.len()));
        start = end;
    }
    out
}

/// The stopwords of the language of the page's longest block, if the language is known and
/// has a list.
fn stopwords(blocks: &[Block]) -> Option<rustc_hash::FxHashSet<&'static str>> {
    let longest = blocks.iter().max_by_key(|b| b.text.len())?;
    let language = crate::language::detect(&longest.text)?;
    Some(stop_words::lookup(&language)?.iter().copied().collect())
}

/// The model's weights: the intercept, then one weight per feature.
const WEIGHTS: [f64; FEATURES + 1] = [0.0; FEATURES + 1];

/// The probability, for each block, that it belongs to the article's body.
pub(crate) fn scores(blocks: &[Block]) -> Vec<f64> {
    features(blocks)
        .iter()
        .map(|row| {
            let z = WEIGHTS[0] + row.iter().zip(&WEIGHTS[1..]).map(|(x, w)| x * w).sum::<f64>();
            1.0 / (1.0 + (-z).exp())
        })
        .collect()
}

/// Which blocks are the article's body: those the model gives even odds or better.
pub(crate) fn body(blocks: &[Block]) -> Vec<bool> {
    scores(blocks).iter().map(|p| *p >= 0.5).collect()
}

/// `part` as a share of `whole`, 0 when `whole` is.
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// True for a block of running prose: fifty characters or more, closing a sentence somewhere.
fn is_prose(block: &Block) -> bool {
    block.chars >= 50 && block.text.contains(['.', '!', '?', '。', '！', '？'])
}

/// True when the text ends with a full stop, question or exclamation mark (in any script),
/// perhaps inside closing quotation marks or brackets.
fn closes_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '\'', ')', '»', '」', '』', ' '])
        .ends_with(['.', '!', '?', '。', '！', '？', '…'])
}
