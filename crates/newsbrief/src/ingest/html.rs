//! A first article extraction from HTML: the text of the page's paragraphs, and metadata from
//! meta tags. Page chrome (navigation, headers, footers, asides, figures, forms) is left out.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};

use crate::article::Metadata;
use crate::dates::find_date;

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("valid CSS selector")
}

static BLOCKS: LazyLock<Selector> = LazyLock::new(|| selector("p, h1, h2, h3, h4, blockquote, li, pre"));
static ARTICLE: LazyLock<Selector> = LazyLock::new(|| selector("article, [itemprop=articleBody], main"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static META: LazyLock<Selector> = LazyLock::new(|| selector("meta"));
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel=canonical]"));

/// Elements whose text is never article body.
const CHROME: &[&str] =
    &["nav", "header", "footer", "aside", "figure", "figcaption", "form", "script", "style", "noscript", "button"];

/// The article text of an HTML page, paragraphs separated by blank lines, and its metadata.
pub(crate) fn extract(html: &str) -> (String, Metadata) {
    let page = Html::parse_document(html);
    let root =
        page.select(&ARTICLE).next().or_else(|| page.select(&BODY).next()).unwrap_or_else(|| page.root_element());
    let mut paragraphs: Vec<String> = Vec::new();
    for block in root.select(&BLOCKS) {
        if is_inside_chrome(block) || has_block_child(block) {
            continue;
        }
        let text = collapse_whitespace(&block.text().collect::<String>());
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    if paragraphs.is_empty() {
        let text = collapse_whitespace(&root.text().collect::<Vec<_>>().join(" "));
        if !text.is_empty() {
            paragraphs.push(text);
        }
    }
    (paragraphs.join("\n\n"), metadata(&page))
}

fn is_inside_chrome(element: ElementRef<'_>) -> bool {
    element.ancestors().filter_map(ElementRef::wrap).any(|a| CHROME.contains(&a.value().name()))
}

/// True when a block holds other blocks (a `li` holding `p`s): the inner blocks are taken instead.
fn has_block_child(element: ElementRef<'_>) -> bool {
    element.select(&BLOCKS).any(|inner| inner.id() != element.id())
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn metadata(page: &Html) -> Metadata {
    let meta = |keys: &[&str]| -> Option<String> {
        page.select(&META).find_map(|m| {
            let element = m.value();
            let key = element.attr("property").or_else(|| element.attr("name")).or_else(|| element.attr("itemprop"))?;
            let content = element.attr("content")?.trim();
            (keys.iter().any(|k| k.eq_ignore_ascii_case(key)) && !content.is_empty()).then(|| content.to_owned())
        })
    };
    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| page.select(&H1).next().map(|h| collapse_whitespace(&h.text().collect::<String>())))
        .or_else(|| page.select(&TITLE).next().map(|t| collapse_whitespace(&t.text().collect::<String>())))
        .filter(|t| !t.is_empty());
    let published = meta(&[
        "article:published_time",
        "datePublished",
        "date",
        "pubdate",
        "publishdate",
        "dc.date",
        "sailthru.date",
    ])
    .or_else(|| page.select(&TIME).next().and_then(|t| t.value().attr("datetime")).map(str::to_owned))
    .and_then(|value| find_date(&value))
    .map(|(date, _)| date);
    let byline = meta(&["author", "article:author", "byl"]).filter(|a| !a.starts_with("http"));
    let outlet = meta(&["og:site_name", "application-name", "publisher"]);
    let url = page
        .select(&CANONICAL)
        .next()
        .and_then(|l| l.value().attr("href"))
        .map(str::to_owned)
        .or_else(|| meta(&["og:url"]));
    Metadata { title, published, byline, outlet, dateline: None, url }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_paragraphs_and_meta_and_skips_chrome() {
        let page = r#"<!doctype html><html><head><title>Page title</title>
            <meta property="og:site_name" content="Daily Example">
            <meta property="article:published_time" content="2009-03-06T10:00:00Z">
            <meta name="author" content="Jane Roe">
            <link rel="canonical" href="https://example.com/story"></head>
            <body><nav><p>Home</p><p>World</p></nav>
            <article><h1>Big   news</h1><p>First paragraph.</p><figure><figcaption>A photo</figcaption></figure>
            <p>Second <b>bold</b> paragraph.</p></article>
            <footer><p>Copyright</p></footer></body></html>"#;
        let (text, meta) = extract(page);
        assert_eq!(text, "Big news\n\nFirst paragraph.\n\nSecond bold paragraph.");
        assert_eq!(meta.title.as_deref(), Some("Big news"));
        assert_eq!(meta.outlet.as_deref(), Some("Daily Example"));
        assert_eq!(meta.published.map(|d| d.to_string()).as_deref(), Some("2009-03-06"));
        assert_eq!(meta.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(meta.url.as_deref(), Some("https://example.com/story"));
    }

    #[test]
    fn truncated_html_still_gives_its_text() {
        let (text, _) = extract("<html><body><p>Only this paragraph survived the cut");
        assert_eq!(text, "Only this paragraph survived the cut");
    }
}
