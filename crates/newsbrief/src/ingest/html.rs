//! Articles from web pages. The body and most metadata come from `rs-trafilatura` (a Rust port
//! of trafilatura, chosen by measurement on the article-extraction benchmark: see the README);
//! its HTML result is turned into paragraphs here, one per block element. When it finds no body,
//! the text of the page's paragraphs outside navigation, headers, footers, asides, figures and
//! forms is taken instead, and meta tags fill what metadata it left empty.

use dom_query::{Document, NodeRef};

use crate::article::Metadata;
use crate::dates::find_date;
use crate::tokens::one_line;

/// Elements that end one paragraph and start another.
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

/// The article text of an HTML page, paragraphs separated by blank lines, and its metadata.
pub(crate) fn extract(html: &str) -> (String, Metadata) {
    let page = Document::from(html);
    let mut meta = meta_tags(&page);
    // A page whose body holds no text has no article, whatever its head says.
    if page.select("body").text().trim().is_empty() {
        return (String::new(), meta);
    }
    // No cut on the text's length: the input limit bounds it, and nothing may be lost silently.
    let options = rs_trafilatura::Options { max_extracted_len: usize::MAX, ..rs_trafilatura::Options::default() };
    let extracted = rs_trafilatura::extract_with_options(html, &options).ok();
    let mut text = String::new();
    if let Some(result) = &extracted {
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
        text = unwrap_lines(&result.content_text).join("\n\n");
    }
    if text.trim().is_empty() {
        let body = page.select("body");
        let root = body.nodes().first().copied().unwrap_or_else(|| page.root());
        text = paragraphs(&root, CHROME).join("\n\n");
    }
    (text, meta)
}

/// The text of `node` as paragraphs: one per block element, whitespace collapsed, skipping the
/// elements named in `skip`.
fn paragraphs(node: &NodeRef<'_>, skip: &[&str]) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    walk(node, skip, &mut current, &mut paragraphs);
    flush(&mut current, &mut paragraphs);
    paragraphs
}

fn walk(node: &NodeRef<'_>, skip: &[&str], current: &mut String, paragraphs: &mut Vec<String>) {
    for child in node.children() {
        if child.is_text() {
            current.push_str(&child.text());
        } else if child.is_element() {
            let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            if skip.contains(&name.as_str()) || matches!(name.as_str(), "script" | "style" | "noscript" | "template") {
                continue;
            }
            let block = BLOCKS.contains(&name.as_str());
            if block {
                flush(current, paragraphs);
            }
            walk(&child, skip, current, paragraphs);
            if block {
                flush(current, paragraphs);
            }
        }
    }
}

/// Paragraphs of extracted text whose lines may be wrapped as in the page's source: a line that
/// starts in lower case after a line that closes no sentence goes on that line.
fn unwrap_lines(text: &str) -> Vec<String> {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut open = false;
    for line in text.lines() {
        let line = one_line(line);
        if line.is_empty() {
            open = false;
            continue;
        }
        match paragraphs.last_mut() {
            Some(last)
                if open
                    && !last.ends_with(['.', '!', '?', ':'])
                    && (line.starts_with(char::is_lowercase) || crate::clean::ends_with_function_word(last)) =>
            {
                last.push(' ');
                last.push_str(&line);
            }
            _ => paragraphs.push(line),
        }
        open = true;
    }
    paragraphs
}

fn flush(current: &mut String, paragraphs: &mut Vec<String>) {
    let text = one_line(current);
    if !text.is_empty() {
        paragraphs.push(text);
    }
    current.clear();
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

    #[test]
    fn wrapped_lines_join_their_paragraph() {
        let text = "Photos\n which were released online show the actress, \nlooking stunning.\n\nKate Henshaw\nVeteran actress.";
        assert_eq!(
            unwrap_lines(text),
            [
                "Photos which were released online show the actress, looking stunning.",
                "Kate Henshaw",
                "Veteran actress."
            ]
        );
    }

    #[test]
    fn paragraphs_follow_block_elements() {
        let page = Document::from("<div>One <b>two</b><br>three<p>four</p> five</div>");
        assert_eq!(paragraphs(&page.root(), &[]), ["One two", "three", "four", "five"]);
    }
}
