//! Telling a page's article from its boilerplate, block by block: a logistic model over what
//! each block of the extracted content looks like (length, share of link text, closing
//! punctuation, element) and where it stands (the text before and after it, its neighbours).
//!
//! The model's weights were fitted on half of the development pages of the article-extraction
//! benchmark by `scripts/train_boilerplate.py`, from the features `newsbrief extract --format
//! blocks` prints; the other half checks them.

use crate::ingest::html::{Block, Tag};

/// How many features describe a block.
pub(crate) const FEATURES: usize = 21;

/// The names of the features, in the order [`features`] gives them.
pub(crate) const FEATURE_NAMES: [&str; FEATURES] = [
    "log_chars",
    "log_words",
    "link_share",
    "closes_sentence",
    "list_item",
    "table_cell",
    "digit_share",
    "capitalized_share",
    "text_from_block_share",
    "previous_link_share",
    "next_link_share",
    "previous_log_chars",
    "next_log_chars",
    "after_last_prose",
    "before_first_prose",
    "boilerplate_class_share",
    "stopword_share",
    "next_closes_sentence",
    "run_link_share",
    "log_run_blocks",
    "in_second_extractor",
];

/// The features of each block: what it looks like, what stands around it, and whether the
/// second extractor took it too (see [`FEATURE_NAMES`]).
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
        // The share of the page's text from this block's start to the end: counting the block
        // itself, so that a block holding most of the page does not read as standing at its end.
        let from_block = total.saturating_sub(before);
        let previous = index.checked_sub(1).map(|i| &blocks[i]);
        let next = blocks.get(index + 1);
        let words: Vec<&str> = block.text.split_whitespace().collect();
        let (digits, alphanumeric) = block.text.chars().fold((0usize, 0usize), |(d, a), c| {
            (d + usize::from(c.is_numeric()), a + usize::from(c.is_alphanumeric()))
        });
        // Of the words that start with a cased letter, how many start with a capital.
        let (capitalized, cased) = words
            .iter()
            .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
            .filter(|c| c.is_uppercase() || c.is_lowercase())
            .fold((0usize, 0usize), |(u, n), c| (u + usize::from(c.is_uppercase()), n + 1));
        let stop = stopwords.as_ref().map_or(0, |set| {
            words
                .iter()
                .filter(|w| set.contains(w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str()))
                .count()
        });
        let (run_link, run_blocks) = runs[index];
        rows.push([
            length(block),
            (1.0 + words.len() as f64).ln(),
            link(block),
            flag(closes_sentence(&block.text)),
            flag(block.tag == Tag::ListItem),
            flag(block.tag == Tag::Cell),
            share(digits, alphanumeric),
            share(capitalized, cased),
            from_block as f64 / total as f64,
            previous.map_or(0.0, link),
            next.map_or(0.0, link),
            previous.map_or(0.0, length),
            next.map_or(0.0, length),
            flag(last_prose.is_some_and(|last| index > last)),
            flag(first_prose.is_some_and(|first| index < first)),
            share(block.unlikely_chars, block.chars),
            share(stop, words.len()),
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
        let end =
            if prose[start] { start + 1 } else { (start..blocks.len()).find(|&i| prose[i]).unwrap_or(blocks.len()) };
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

/// The model's weights: the intercept, then one weight per feature (for features as they are,
/// not standardized), as `scripts/train_boilerplate.py` prints them.
#[rustfmt::skip]
const WEIGHTS: [f64; FEATURES + 1] = [
    -9.684_693, // intercept
    0.863_268, // log_chars
    -0.006_137, // log_words
    -0.814_164, // link_share
    0.451_270, // closes_sentence
    1.057_363, // list_item
    0.963_599, // table_cell
    1.856_391, // digit_share
    1.527_608, // capitalized_share
    2.554_410, // text_from_block_share
    -1.137_238, // previous_link_share
    -0.195_486, // next_link_share
    0.295_589, // previous_log_chars
    0.338_381, // next_log_chars
    0.586_147, // after_last_prose
    -1.038_126, // before_first_prose
    0.568_473, // boilerplate_class_share
    0.775_555, // stopword_share
    -0.925_820, // next_closes_sentence
    -3.479_788, // run_link_share
    0.420_546, // log_run_blocks
    4.597_096, // in_second_extractor
];

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
///
/// The model only prunes what stands around an article: when it would keep nothing, it has
/// misjudged the page (a fragment, a page of one paragraph), and every block is kept.
pub(crate) fn body(blocks: &[Block]) -> Vec<bool> {
    let kept: Vec<bool> = scores(blocks).iter().map(|p| *p >= 0.5).collect();
    if kept.contains(&true) {
        kept
    } else {
        vec![true; blocks.len()]
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A block of `text`, `links` of its characters link text, taken by the second extractor or not.
    fn block(text: &str, links: usize, second: bool, tag: Tag) -> Block {
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        Block { text: text.to_owned(), chars, link_chars: links.min(chars), unlikely_chars: 0, tag, in_second: second }
    }

    fn prose(text: &str) -> Block {
        block(text, 0, true, Tag::Paragraph)
    }

    fn link(text: &str) -> Block {
        block(text, usize::MAX, false, Tag::ListItem)
    }

    /// Checks which blocks are kept as body.
    fn check(blocks: &[Block], expect: &[bool]) {
        let kept = body(blocks);
        let shown: Vec<(&str, bool)> = blocks.iter().map(|b| b.text.as_str()).zip(kept.iter().copied()).collect();
        assert_eq!(kept, expect, "{shown:#?}");
    }

    const ARTICLE: [&str; 3] = [
        "The ministers agreed in Geneva on Friday to resume the arms talks next month, officials said, after a long dinner.",
        "The talks had been frozen since the war last summer, and both sides said they hoped to reach a new treaty soon.",
        "Diplomats from both countries will meet in Moscow on May 18 to prepare the first round of the negotiations.",
    ];

    #[test]
    fn keeps_the_article_and_drops_the_links_to_other_stories_after_it() {
        let mut blocks: Vec<Block> = ARTICLE.iter().map(|p| prose(p)).collect();
        blocks.push(block("Related stories", 0, false, Tag::Paragraph));
        blocks.push(link("Storm closes the harbour for a second day"));
        blocks.push(link("Council votes to rebuild the old bridge"));
        blocks.push(link("Five things to do this weekend"));
        check(&blocks, &[true, true, true, false, false, false, false]);
    }

    /// Issue 14: a block holding most of the page (several paragraphs run together, missed by the
    /// second extractor, ending on a caption) was dropped because the share of text after it
    /// left its own length out, and it read as standing at the page's end.
    #[test]
    fn i14_a_block_holding_most_of_the_page_is_kept() {
        let long = format!("{} Photo: the launch pad at dawn", ARTICLE.join(" ").repeat(40));
        let blocks = [
            block(&long, 0, false, Tag::Paragraph),
            prose(ARTICLE[0]),
            block("Share this story", 0, false, Tag::Paragraph),
            link("Storm closes the harbour for a second day"),
        ];
        check(&blocks, &[true, true, false, false]);
    }

    #[test]
    fn a_page_the_model_would_empty_is_kept_whole() {
        check(&[link("Home"), link("World")], &[true, true]);
        check(&[], &[]);
    }

    #[test]
    fn runs_of_blocks_that_are_not_prose_share_their_link_text() {
        let blocks = [prose(ARTICLE[0]), block("More:", 0, false, Tag::Paragraph), link("Storm closes the harbour")];
        let prose_flags: Vec<bool> = blocks.iter().map(is_prose).collect();
        assert_eq!(prose_flags, [true, false, false]);
        let runs = runs(&blocks, &prose_flags);
        assert_eq!(runs[0], (0.0, 1));
        // "More:" (5 characters) and the link (21) form one run of 2 blocks.
        assert_eq!(runs[1], (21.0 / 26.0, 2));
        assert_eq!(runs[1], runs[2]);
    }

    #[test]
    fn sentences_close_in_any_script_and_inside_quotes() {
        for (text, closes) in [
            ("He left.", true),
            ("\u{201c}We agree,\u{201d} she said.", true),
            ("\u{201c}Is it over?\u{201d}", true),
            ("これで完了しました。", true),
            ("Related stories", false),
            ("Read more:", false),
        ] {
            assert_eq!(closes_sentence(text), closes, "{text}");
        }
    }

    #[test]
    fn features_are_finite_for_odd_blocks() {
        let blocks = [block("", 0, false, Tag::Cell), block("\u{200b}", 0, false, Tag::Paragraph), link("1 2 3")];
        for row in features(&blocks) {
            assert!(row.iter().all(|x| x.is_finite()), "{row:?}");
        }
    }
}
