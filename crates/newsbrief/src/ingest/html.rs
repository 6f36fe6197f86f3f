//! Articles from web pages. The body and most metadata come from `rs-trafilatura` (a Rust port
//! of trafilatura, chosen by measurement on the article-extraction benchmark: see the README);
//! its HTML result is turned into paragraphs here, one per block element. When it finds no body,
//! the text of the page's paragraphs outside navigation, headers, footers, asides, figures and
//! forms is taken instead, and meta tags fill what metadata it left empty.

use std::sync::LazyLock;

use dom_query::{Document, NodeRef};
use regex::Regex;

use crate::article::Metadata;
use crate::dates::find_date;
use crate::diagnostic::Diagnostic;
use crate::ingest::boilerplate;
use crate::tokens::one_line;

/// Elements that end one block of text and start another.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "br",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "main",
    "aside",
    "nav",
    "form",
    "details",
    "summary",
    "address",
];
/// Elements whose text is never article body.
const CHROME: &[&str] =
    &["nav", "header", "footer", "aside", "figure", "figcaption", "form", "script", "style", "noscript", "button"];

/// The element a block of text stands in, as far as telling body from boilerplate goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Tag {
    /// A paragraph, or any block not named below.
    #[default]
    Paragraph,
    /// A list item or definition (`li`, `dt`, `dd`).
    ListItem,
    /// A table cell (`td`, `th`).
    Cell,
}

impl Tag {
    fn of(element: &str) -> Self {
        match element {
            "li" | "dt" | "dd" => Tag::ListItem,
            "td" | "th" => Tag::Cell,
            _ => Tag::Paragraph,
        }
    }
}

/// One block of a page's text (a paragraph, heading, list item or cell), white space collapsed,
/// with how much of it is the text of links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// The text on one line.
    pub(crate) text: String,
    /// Characters of the text other than white space.
    pub(crate) chars: usize,
    /// Of those, the characters inside links.
    pub(crate) link_chars: usize,
    /// Of those, the characters inside an element whose class or id names boilerplate.
    pub(crate) unlikely_chars: usize,
    /// The innermost block element holding the text.
    pub(crate) tag: Tag,
    /// Whether a second extractor (Readability) took the same text as the page's article.
    pub(crate) in_second: bool,
}

/// One block of text of a web page's main content, with what the boilerplate classifier saw and
/// decided: for training and inspecting the classifier (`newsbrief extract --format blocks`).
#[derive(Debug, Clone, PartialEq)]
pub struct PageBlock {
    /// The block's text on one line.
    pub text: String,
    /// The classifier's features of the block, by name.
    pub features: Vec<(&'static str, f64)>,
    /// The classifier's probability that the block is article body.
    pub score: f64,
    /// Whether the block is kept as article body.
    pub body: bool,
}

/// The blocks of text of one web page's main content, each with the boilerplate classifier's
/// features and decision.
///
/// # Errors
///
/// An error diagnostic naming the input when it cannot be read (too large, not text, damaged
/// gzip).
pub fn page_blocks(name: &str, bytes: &[u8]) -> Result<Vec<PageBlock>, Diagnostic> {
    let (text, _) = super::read_text(name, bytes)?;
    let (blocks, _) = extract_blocks(&text);
    let features = boilerplate::features(&blocks);
    let scores = boilerplate::scores(&blocks);
    let body = boilerplate::body(&blocks);
    Ok(blocks
        .into_iter()
        .zip(features)
        .zip(scores.into_iter().zip(body))
        .map(|((block, features), (score, body))| PageBlock {
            text: block.text,
            features: boilerplate::FEATURE_NAMES.into_iter().zip(features).collect(),
            score,
            body,
        })
        .collect())
}

/// The article text of an HTML page, paragraphs separated by blank lines, and its metadata.
pub(crate) fn extract(html: &str) -> (String, Metadata) {
    let (blocks, meta) = extract_blocks(html);
    let kept = boilerplate::body(&blocks);
    let text = blocks.iter().zip(kept).filter(|(_, keep)| *keep).map(|(b, _)| b.text.as_str()).collect::<Vec<_>>();
    (text.join("\n\n"), meta)
}

/// The blocks of text of an HTML page's main content, before boilerplate blocks are told apart,
/// and its metadata.
pub(crate) fn extract_blocks(html: &str) -> (Vec<Block>, Metadata) {
    let page = Document::from(html);
    let mut meta = meta_tags(&page);
    let body = page.select("body");
    let Some(root) = body.nodes().first().copied() else { return (Vec::new(), meta) };
    // The page's text, to tell what the extractor's text was in the page.
    let mut walker = Walker::new(&[], false);
    walker.marks_only = true;
    walker.walk(&root);
    // A page whose body holds no text has no article, whatever its head says.
    if walker.stream.is_empty() && root.text().trim().is_empty() {
        return (Vec::new(), meta);
    }
    // No cut on the text's length: the input limit bounds it, and nothing may be lost silently.
    // Every page is read as an article: telling forums, shops and listings apart costs the
    // extractor a third of its time and changes nothing on news pages.
    let options = rs_trafilatura::Options {
        max_extracted_len: usize::MAX,
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..rs_trafilatura::Options::default()
    };
    let mut blocks = Vec::new();
    // The extractors take time that grows with the square of the nesting depth; a page nested
    // deeper than any real one is read by the plain walk alone.
    let extracted =
        (walker.depth <= MAX_DEPTH).then(|| rs_trafilatura::extract_with_options(html, &options).ok()).flatten();
    if let Some(result) = extracted {
        let found = &result.metadata;
        let from_extractor = Metadata {
            title: found.title.clone().filter(|t| !t.trim().is_empty()),
            published: found.date.map(|d| d.date_naive()),
            byline: found.author.clone().filter(|a| !a.trim().is_empty()),
            outlet: found.sitename.clone().filter(|s| !s.trim().is_empty()),
            dateline: None,
            url: found.url.clone().filter(|u| !u.trim().is_empty()),
            language: found.language.clone().filter(|l| !l.trim().is_empty()),
        };
        // The extractor reads JSON-LD and more; meta tags only fill its gaps.
        let tags = std::mem::take(&mut meta);
        meta = from_extractor;
        meta.fill_from(tags);
        // The extractor's text holds the body as it judged it; the page around it tells which
        // of that text was links, and in what kind of element it stood.
        blocks = line_blocks(&result.content_text);
        mark(&mut blocks, &walker.stream, &walker.marks);
    }
    if blocks.is_empty() {
        blocks = blocks_of(&root, CHROME, false);
    }
    if walker.depth <= MAX_DEPTH {
        second_opinion(&mut blocks, page);
    }
    (blocks, meta)
}

/// Marks the blocks whose text Readability (`dom_smoothie`), an extractor of another kind, also
/// takes as the page's article.
fn second_opinion(blocks: &mut [Block], page: Document) {
    let Ok(mut readability) = dom_smoothie::Readability::with_document(page, None, None) else { return };
    let Ok(article) = readability.parse() else { return };
    let text: String = article.text_content.chars().filter(|c| !c.is_whitespace()).collect();
    for block in blocks {
        let key: String = block.text.chars().filter(|c| !c.is_whitespace()).collect();
        block.in_second = !key.is_empty() && text.contains(&key);
    }
}

/// The deepest nesting of elements the extractors are given: real pages stay far below it (the
/// development pages of the extraction benchmark reach 51).
const MAX_DEPTH: usize = 512;

/// Gives each block of text the marks of the same text in the page (`stream`, the page's text
/// without white space, and `marks`, the marks of each of its characters), found in order: a
/// block whose text the page does not hold as it is keeps none.
fn mark(blocks: &mut [Block], stream: &str, marks: &[Mark]) {
    let char_starts: Vec<usize> = stream.char_indices().map(|(at, _)| at).collect();
    let mut cursor = 0;
    for block in blocks {
        let key: String = block.text.chars().filter(|c| !c.is_whitespace()).collect();
        if key.is_empty() {
            continue;
        }
        let found = stream[cursor..].find(&key).map(|at| at + cursor).or_else(|| stream.find(&key));
        let Some(at) = found else { continue };
        let first = char_starts.partition_point(|&start| start < at);
        let Some(span) = marks.get(first..first + block.chars) else { continue };
        block.link_chars = span.iter().filter(|m| m.link).count();
        block.unlikely_chars = span.iter().filter(|m| m.unlikely).count();
        if let Some(first) = span.first() {
            block.tag = first.tag;
        }
        cursor = at + key.len();
    }
}

/// The blocks of plain text: one per line, wrapped lines joined.
fn line_blocks(text: &str) -> Vec<Block> {
    let mut walker = Walker::new(&[], true);
    walker.runs.push((text.to_owned(), Mark::default()));
    walker.flush();
    walker.blocks
}

/// The text under `node` as blocks: one per block element, white space collapsed, skipping the
/// elements named in `skip`. With `lines`, each line of text is a block of its own too (wrapped
/// lines joined).
fn blocks_of(node: &NodeRef<'_>, skip: &[&str], lines: bool) -> Vec<Block> {
    let mut walker = Walker::new(skip, lines);
    walker.walk(node);
    walker.flush();
    walker.blocks
}

/// What the page says about one character of its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Mark {
    /// It is the text of a link.
    link: bool,
    /// It stands in an element whose class or id names boilerplate ("sidebar", "related").
    unlikely: bool,
    /// The innermost block element holding it.
    tag: Tag,
}

/// Class and id words that name boilerplate: the words of Readability.js's `unlikelyCandidates`
/// and `negative` patterns.
static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"-ad-|ad-break|agegate|ai2html|banner|breadcrumbs|combx|comment|community|com-|contact|cover-wrap|",
        r"disqus|extra|footer|gdpr|header|hidden|legends|masthead|media|menu|meta|outbrain|pager|pagination|",
        r"popup|promo|related|remark|replies|rss|scroll|share|shopping|shoutbox|sidebar|skyscraper|social|",
        r"sponsor|supplemental|tags|widget|yom-remote"
    ))
    .expect("valid regex")
});
/// Walks a tree of elements, gathering the text of the block being read as runs of text with
/// their marks.
struct Walker<'s> {
    skip: &'s [&'s str],
    lines: bool,
    /// Only `stream` and `marks` are wanted, not blocks.
    marks_only: bool,
    runs: Vec<(String, Mark)>,
    tag: Tag,
    blocks: Vec<Block>,
    /// The text of all blocks without white space.
    stream: String,
    /// The marks of each character of `stream`.
    marks: Vec<Mark>,
    /// The deepest nesting of elements met.
    depth: usize,
}

/// One step of the walk: entering a node (with the marks its parent gives it, and its depth), or
/// leaving a block element (with the tag of the block around it).
enum Step<'a> {
    Enter(NodeRef<'a>, Mark, usize),
    Leave(Tag),
}

impl<'s> Walker<'s> {
    fn new(skip: &'s [&'s str], lines: bool) -> Self {
        Walker {
            skip,
            lines,
            marks_only: false,
            runs: Vec::new(),
            tag: Tag::Paragraph,
            blocks: Vec::new(),
            stream: String::new(),
            marks: Vec::new(),
            depth: 0,
        }
    }

    /// Walks the children of `node` in document order, with a stack of its own rather than
    /// recursion, so that no nesting depth can overflow the call stack.
    fn walk(&mut self, node: &NodeRef<'_>) {
        let mut stack: Vec<Step<'_>> =
            node.children().into_iter().rev().map(|c| Step::Enter(c, Mark::default(), 1)).collect();
        while let Some(step) = stack.pop() {
            match step {
                Step::Leave(outer) => {
                    self.flush();
                    self.tag = outer;
                }
                Step::Enter(child, mut mark, depth) => {
                    if child.is_text() {
                        mark.tag = self.tag;
                        let text = child.text();
                        if self.marks_only {
                            for c in text.chars().filter(|c| !c.is_whitespace()) {
                                self.stream.push(c);
                                self.marks.push(mark);
                            }
                        } else {
                            self.runs.push((text.to_string(), mark));
                        }
                        continue;
                    }
                    if !child.is_element() {
                        continue;
                    }
                    self.depth = self.depth.max(depth);
                    let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
                    if self.skip.contains(&name.as_str())
                        || matches!(name.as_str(), "script" | "style" | "noscript" | "template")
                    {
                        continue;
                    }
                    if BLOCKS.contains(&name.as_str()) {
                        self.flush();
                        stack.push(Step::Leave(self.tag));
                        self.tag = Tag::of(&name);
                    }
                    mark.link |= name == "a";
                    let names =
                        format!("{} {}", child.attr("class").unwrap_or_default(), child.attr("id").unwrap_or_default())
                            .to_ascii_lowercase();
                    if names.len() > 1 {
                        mark.unlikely |= UNLIKELY.is_match(&names);
                    }
                    stack.extend(child.children().into_iter().rev().map(|c| Step::Enter(c, mark, depth + 1)));
                }
            }
        }
    }

    /// Ends the block being read.
    fn flush(&mut self) {
        let runs = std::mem::take(&mut self.runs);
        if !self.lines {
            self.push(&runs);
            return;
        }
        // Each line of text is a block, unless it continues the line before.
        let mut line: Vec<(String, Mark)> = Vec::new();
        let mut lines: Vec<Vec<(String, Mark)>> = Vec::new();
        for (text, mark) in runs {
            let mut pieces = text.split('\n').peekable();
            while let Some(piece) = pieces.next() {
                line.push((piece.to_owned(), mark));
                if pieces.peek().is_some() {
                    lines.push(std::mem::take(&mut line));
                }
            }
        }
        lines.push(line);
        let mut joined: Vec<Vec<(String, Mark)>> = Vec::new();
        let mut previous = String::new();
        for line in lines {
            let text = one_line(&line.iter().map(|(t, _)| t.as_str()).collect::<String>());
            if text.is_empty() {
                previous.clear();
                continue;
            }
            match joined.last_mut() {
                Some(last) if !previous.is_empty() && continues(&previous, &text) => {
                    last.push((" ".to_owned(), Mark::default()));
                    last.extend(line);
                }
                _ => joined.push(line),
            }
            previous = text;
        }
        for line in joined {
            self.push(&line);
        }
    }

    /// Adds a block of these runs of text, if they hold any.
    fn push(&mut self, runs: &[(String, Mark)]) {
        let text = one_line(&runs.iter().map(|(t, _)| t.as_str()).collect::<String>());
        if text.is_empty() {
            return;
        }
        let mut block = Block { chars: 0, link_chars: 0, unlikely_chars: 0, tag: self.tag, in_second: false, text };
        for (run, mark) in runs {
            for c in run.chars().filter(|c| !c.is_whitespace()) {
                block.chars += 1;
                block.link_chars += usize::from(mark.link);
                block.unlikely_chars += usize::from(mark.unlikely);
                self.stream.push(c);
                self.marks.push(*mark);
            }
        }
        self.blocks.push(block);
    }
}

/// True when a line of wrapped text continues the line before: that line closes no sentence,
/// and this one starts in lower case or the line before ends on a function word.
fn continues(previous: &str, line: &str) -> bool {
    !previous.ends_with(['.', '!', '?', ':'])
        && (line.starts_with(char::is_lowercase) || crate::clean::ends_with_function_word(previous))
}

/// Metadata from meta tags, `<time>`, `<link rel=canonical>` and the first heading.
fn meta_tags(page: &Document) -> Metadata {
    let meta = |keys: &[&str]| -> Option<String> {
        page.select("meta").nodes().iter().find_map(|m| {
            let key = m.attr("property").or_else(|| m.attr("name")).or_else(|| m.attr("itemprop"))?;
            let content = m.attr("content")?;
            let content = content.trim();
            (keys.iter().any(|k| k.eq_ignore_ascii_case(&key)) && !content.is_empty()).then(|| content.to_owned())
        })
    };
    let first_text =
        |css: &str| page.select(css).nodes().first().map(|n| one_line(&n.text())).filter(|t| !t.is_empty());
    let title = meta(&["og:title", "twitter:title"]).or_else(|| first_text("h1")).or_else(|| first_text("title"));
    let published = meta(&[
        "article:published_time",
        "datePublished",
        "date",
        "pubdate",
        "publishdate",
        "dc.date",
        "sailthru.date",
    ])
    .or_else(|| page.select("time[datetime]").attr("datetime").map(|d| d.to_string()))
    .and_then(|value| find_date(&value))
    .map(|(date, _)| date);
    let byline = meta(&["author", "article:author", "byl"]).filter(|a| !a.starts_with("http"));
    let outlet = meta(&["og:site_name", "application-name", "publisher"]);
    let url = page.select("link[rel=canonical]").attr("href").map(|h| h.to_string()).or_else(|| meta(&["og:url"]));
    let language = page
        .select("html")
        .attr("lang")
        .and_then(|lang| lang.split(['-', '_']).next().map(|l| l.trim().to_ascii_lowercase()))
        .filter(|l| !l.is_empty());
    Metadata { title, published, byline, outlet, dateline: None, url, language }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html lang="en-GB"><head><title>Page title</title>
        <meta property="og:site_name" content="Daily Example">
        <meta property="article:published_time" content="2009-03-06T10:00:00Z">
        <meta name="author" content="Jane Roe">
        <link rel="canonical" href="https://example.com/story"></head>
        <body><nav><p>Home</p><p>World</p></nav>
        <article><h1>Ministers agree to resume arms talks</h1>
        <p>The ministers agreed in Geneva on Friday to resume the arms talks next month, officials said,
        after a long dinner that ran late into the night at the lakeside hotel.</p>
        <figure><figcaption>A photo of the ministers</figcaption></figure>
        <p>The talks had been frozen since the war last summer, and both sides said they hoped to reach
        a new treaty on <b>strategic</b> weapons before the old one expires in December.</p>
        <p>Diplomats from both countries will meet in Moscow on May 18 to prepare the first round of the
        negotiations, which are expected to last several months.</p></article>
        <footer><p>Copyright Daily Example</p></footer></body></html>"#;

    #[test]
    fn takes_the_article_and_its_metadata() {
        let (text, meta) = extract(PAGE);
        assert!(text.contains("The ministers agreed in Geneva on Friday"), "{text}");
        assert!(text.contains("a new treaty on strategic weapons"), "{text}");
        assert!(!text.contains("Copyright"), "{text}");
        assert!(!text.contains("Home"), "{text}");
        assert_eq!(meta.outlet.as_deref(), Some("Daily Example"));
        assert_eq!(meta.published.map(|d| d.to_string()).as_deref(), Some("2009-03-06"));
        assert_eq!(meta.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(meta.url.as_deref(), Some("https://example.com/story"));
        assert_eq!(meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn truncated_html_still_gives_its_text() {
        let (text, _) = extract("<html><body><p>Only this paragraph survived the cut");
        assert_eq!(text, "Only this paragraph survived the cut");
    }

    fn texts(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.text.as_str()).collect()
    }

    #[test]
    fn wrapped_lines_join_their_paragraph() {
        let text = "Photos\n which were released online show the actress, \nlooking stunning.\n\nKate Henshaw\nVeteran actress.";
        assert_eq!(
            texts(&line_blocks(text)),
            [
                "Photos which were released online show the actress, looking stunning.",
                "Kate Henshaw",
                "Veteran actress."
            ]
        );
    }

    #[test]
    fn blocks_follow_block_elements_and_count_link_text() {
        let page =
            Document::from("<div>One <b>two</b><br>three<p>four <a href=x>and five</a></p> six<li>seven</li></div>");
        let blocks = blocks_of(&page.root(), &[], false);
        assert_eq!(texts(&blocks), ["One two", "three", "four and five", "six", "seven"]);
        assert_eq!(
            blocks.iter().map(|b| (b.chars, b.link_chars)).collect::<Vec<_>>(),
            [(6, 0), (5, 0), (11, 7), (3, 0), (5, 0)]
        );
        assert_eq!(blocks[4].tag, Tag::ListItem);
        assert_eq!(blocks[3].tag, Tag::Paragraph);
    }

    #[test]
    fn a_page_nested_deeper_than_any_real_one_is_read_by_the_plain_walk() {
        let depth = MAX_DEPTH + 100;
        let page = format!(
            "<body>{}<p>The one paragraph, deep inside.</p>{}</body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let document = Document::from(page.as_str());
        let mut walker = Walker::new(&[], false);
        walker.walk(&document.select("body").nodes()[0]);
        // The divs, then the paragraph.
        assert_eq!(walker.depth, depth + 1);
        let (blocks, _) = extract_blocks(&page);
        assert_eq!(texts(&blocks), ["The one paragraph, deep inside."]);
    }
}
