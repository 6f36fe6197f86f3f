//! Cleaning scraped text: page debris removed, the article kept whole, and what the page shows
//! about the report (headline, date line, byline, dateline, agency tag, address) taken aside.
//!
//! Cleaning works on lines. Every line is first normalised (markup remnants and odd whitespace
//! removed), then classified. The lines before the first line of prose form the header, where
//! the headline, date line and byline live and where short lines are navigation; the lines after
//! the last line of prose form the footer, where short lines are site chrome. Debris (layout class
//! names, crumbs, reading times, share prompts, photo captions and credits, reporting credits,
//! bare labels, address lines) is removed wherever it stands. No rule names an outlet.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

use crate::article::Metadata;
use crate::metadata;
use crate::pattern::Pattern;
use crate::tokens::{is_stopword, ContentTerms};

/// Remnants of HTML markup in scraped text: only names of real HTML elements, so that text in
/// angle brackets ("<The Palace: Tale of Jang Noksu>") is kept.
static TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)</?(?:p|br|hr|div|span|a|b|i|u|em|strong|small|sup|sub|img|figure|figcaption|picture|source|",
        r"ul|ol|li|h[1-6]|blockquote|table|thead|tbody|tr|td|th|section|article|header|footer|nav|aside|",
        r"iframe|script|style|noscript|font|center|time|abbr|cite|code|pre|button|svg|path|meta|link)",
        r"(?:\s[^<>]*)?/?>"
    ))
    .expect("valid regex")
});
static MD_IMAGE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)").expect("valid regex"));
static MD_LINK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").expect("valid regex"));
static MD_EMPHASIS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*\*([^*]+)\*\*").expect("valid regex"));
static MD_HEADING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^#{1,6}\s+").expect("valid regex"));
static BOLD_CREDIT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S.*\*\*[^*]+\*\*\s*$").expect("valid regex"));

static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Posted|Published|Updated|Last [Uu]pdated|Modified)(?: on)?\s*:\s").expect("valid regex")
});
static CLASS_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[•·*–-]\s*)?[a-z0-9]+(?:-[a-z0-9]+)+$").expect("valid regex"));
static CRUMB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^(?:you are here\b|home\s*[>»/|›])").expect("valid regex"));
static READ_TIME: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?i)^\d+\s*(?:min|mins|minute|minutes)\.?\s*read$"));
static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)^(?:share|share this(?: article| story| page)?|tweet|e-?mail|print|comments?|advertisement|",
        r"sponsored(?: content)?|related(?: articles| stories| content| coverage| news)?|more from\b.*|",
        r"read more\b.*|see also\b.*|follow us\b.*|sign up\b.*|subscribe\b.*|click here\b.*|",
        r"image copyright\b.*|story highlights|hide caption|toggle caption|enlarge this image|",
        r"(?:back to )?top|next|previous|loading\b.*|watch(?: video)?|listen|skip to .*|",
        r"recommended(?: stories)?|trending(?: now)?|most (?:read|popular|viewed)|you may also like\b.*|",
        r"don'?t miss\b.*|see more\b.*|more stories\b.*|also read\b.*|updated(?: at| on)?\b.*|",
        r"source:.*|sources:.*)[:.!]?$"
    ))
    .expect("valid regex")
});
static TAG_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:tags|tagged|tagged with|filed under|categories|topics|related topics|keywords)\b\s*:?\s")
        .expect("valid regex")
});
static LABEL: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^\p{L}[\p{L} ]*:$"));
static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(?:additional |contributing |further )?(?:reporting|writing|editing|compiled|research|graphics?|photos?|video) by\b")
        .expect("valid regex")
});
static PHOTO_CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(?:file )?(?:photo|photograph|image|picture|credit|caption)s?(?: credit)?\s*[:/][^.]*\)?$")
        .expect("valid regex")
});
static CAPTION_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\([^()]*\b(?i:photo|photograph|image|picture)s?\s*[:/][^()]*\)|",
        r"\((?:R|L|C|L-R|R-L|left|right|center|centre|front|back)\)|",
        r"\[(?i:file|photo|image|picture)s?\s*:[^\]]*\]\s*$|^©|\[\s*(?:VIDEO|INSIGHT|PICTURES|REACTION|POLL)\s*\]|",
        // A gallery's teaser: words cut short, then the credit ("... (Associated Press)").
        r"(?:\.\.\.|…)\s*\([^()]{2,40}\)\s*$"
    ))
    .expect("valid regex")
});
/// How photo and video captions open on news pages ("Image copyright ...", "Photo by ...",
/// "FILE - In this ... file photo", a video player's "EMBED" or "CLOSE" label).
static CAPTION_OPENER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(concat!(
        r"^(?:(?i:image copyright|image caption|media caption|media playback is unsupported|photo(?:graph)? by|",
        r"photo courtesy|file photo|(?:photo|image|video)\s*:|enlarge this image|(?:hide|toggle) caption)|",
        r"FILE\s*[-–—]|EMBED\b|Embed\s|CLOSE\s|(?:\p{Lu}[\p{L}.]*\s){0,4}Photos?\s*[,/])"
    ))
});
static GLUED_CREDIT: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"[\p{Ll}\d)]\.\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){1,3}$"));
static ADDRESS_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:original |source |canonical )?(?:url|link|address|source|permalink)\s*:\s*)?<?(https?://[^\s<>]+)>?$",
    ).expect("valid regex")
});

/// The cleaned article and what the page showed about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cleaned {
    /// The article text: paragraphs separated by blank lines.
    pub(crate) text: String,
    /// What the text showed about the report.
    pub(crate) found: Metadata,
}

/// What one line of the input is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// Text of the article, or a line to judge by its place (headline, crosshead, chrome).
    Text,
    /// A markdown heading.
    Heading,
    /// Page debris, to be removed.
    Debris,
    /// A reporting or editing credit: part of the page's article, not of the story.
    Credit,
    /// A photo caption or credit.
    Caption,
    /// A date line, with the name beside the date if any.
    Date(chrono::NaiveDate, Option<String>),
    /// A byline.
    Byline(String),
    /// A line giving the report's address.
    Address(String),
}

struct Line {
    text: String,
    kind: Kind,
}

/// Cleans a plain-text report.
pub(crate) fn clean(raw: &str) -> Cleaned {
    let mut normalised: Vec<(String, Option<Kind>)> = Vec::new();
    let mut after_blank = true;
    for line in raw.lines().flat_map(split_at_stamps) {
        let (text, kind) = normalise(line);
        if text.is_empty() {
            after_blank = true;
            continue;
        }
        // A hard-wrapped line: it goes on the sentence the line before left open.
        if let Some((previous, None)) = normalised.last_mut() {
            if !after_blank && kind.is_none() && continues(previous, &text) {
                previous.push(' ');
                previous.push_str(&text);
                continue;
            }
        }
        after_blank = false;
        normalised.push((text, kind));
    }
    let mut lines: Vec<Line> = normalised
        .into_iter()
        .map(|(text, kind)| Line { kind: kind.unwrap_or_else(|| classify(&text)), text })
        .collect();
    mark_repeated_captions(&mut lines);

    let mut found = Metadata::default();
    let first_prose = lines.iter().position(|l| l.kind == Kind::Text && is_prose(&l.text));
    let last_prose = lines.iter().rposition(|l| l.kind == Kind::Text && is_prose(&l.text));
    // Without any prose there is no telling header from footer: every line is body.
    let (first_prose, last_prose) = match (first_prose, last_prose) {
        (Some(first), Some(last)) => (first, last),
        _ => (0, lines.len()),
    };
    let lead: Vec<&str> =
        lines[first_prose..].iter().filter(|l| l.kind == Kind::Text).take(3).map(|l| l.text.as_str()).collect();
    let title_index = headline_index(&lines[..first_prose], &lead.join(" "));

    let mut kept: Vec<String> = Vec::new();
    for (index, line) in lines.into_iter().enumerate() {
        let words = line.text.split_whitespace().count();
        match line.kind {
            Kind::Debris | Kind::Caption | Kind::Credit => {}
            Kind::Date(date, name) => {
                found.published.get_or_insert(date);
                if found.byline.is_none() {
                    found.byline = name;
                }
            }
            Kind::Byline(name) => {
                found.byline.get_or_insert(name);
            }
            Kind::Address(url) => {
                found.url.get_or_insert(url);
            }
            _ if Some(index) == title_index => found.title = Some(line.text),
            Kind::Heading | Kind::Text if index < first_prose || index > last_prose => {
                if let Some(site) = metadata::site_footer(&line.text) {
                    found.outlet.get_or_insert(site);
                } else if let Some(outlet) = metadata::masthead_place(&line.text).filter(|_| index < first_prose) {
                    found.outlet.get_or_insert(outlet);
                } else if (index < first_prose && words >= 5)
                    || (index > last_prose && (words > 6 || ends_sentence(&line.text)))
                {
                    kept.push(line.text);
                }
            }
            Kind::Heading | Kind::Text => kept.push(line.text),
        }
    }

    let text = take_marks(&mut kept, &mut found);
    Cleaned { text, found }
}

/// Takes out of the kept paragraphs what marks the report rather than tells the story — a
/// headline repeated before the body, the dateline and agency tags — into `found`, with the
/// publication stamp and the outlet the text names; the article text is what is left.
fn take_marks(kept: &mut [String], found: &mut Metadata) -> String {
    if let (Some(title), Some(first)) = (&found.title, kept.first_mut()) {
        if let Some(rest) = first.strip_prefix(title.as_str()) {
            if !rest.trim().is_empty() {
                *first = rest.trim_start().to_owned();
            }
        }
    }
    // The dateline opens the first paragraph of the story proper, which may follow a standfirst.
    for paragraph in kept.iter_mut().take(3) {
        if let Some((place, agency, start)) = metadata::dateline(paragraph) {
            found.dateline = Some(place);
            if agency.is_some() {
                found.outlet = agency;
            }
            *paragraph = paragraph[start..].to_owned();
            break;
        }
        if let Some((agency, start)) = metadata::opening_agency(paragraph) {
            found.outlet = Some(agency);
            *paragraph = paragraph[start..].to_owned();
            break;
        }
    }
    if let Some(last) = kept.last_mut() {
        if let Some((agency, end)) = metadata::trailing_agency(last) {
            found.outlet.get_or_insert(agency);
            last.truncate(end);
        }
    }
    let text = kept.join("\n\n");
    if found.published.is_none() {
        found.published = metadata::publication_stamp(&text);
    }
    if found.outlet.is_none() {
        found.outlet = metadata::self_reference(&text);
    }
    if found.outlet.is_none() {
        found.outlet = found.url.as_deref().and_then(|url| metadata::outlet_from_url(url, &text));
    }
    text
}

/// Splits a line before each time stamp it carries ("... Posted: Monday, June 23, 2014 ...
/// Updated: ..."), so that a headline and its stamps are judged apart.
fn split_at_stamps(line: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut from = 0;
    for stamp in STAMP.find_iter(line) {
        pieces.push(&line[from..stamp.start()]);
        from = stamp.start();
    }
    pieces.push(&line[from..]);
    pieces
}

/// True when `next` continues the sentence `previous` left open: the line before ends without
/// closing a sentence and this one starts in lower case.
fn continues(previous: &str, next: &str) -> bool {
    !ends_sentence(previous)
        && !previous.ends_with(':')
        && (next.starts_with(char::is_lowercase) || ends_with_function_word(previous))
}

/// True when a line ends on a word that cannot end a sentence ("the", "and", "of").
pub(crate) fn ends_with_function_word(line: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "for", "with", "by", "at", "from", "as", "that",
        "which", "who", "its", "their", "his", "her",
    ];
    line.split_whitespace().last().is_some_and(|w| FUNCTION_WORDS.contains(&w))
}

/// Normalises one line: markup remnants, markdown and odd whitespace removed. Returns the line,
/// and its kind when the markup alone tells it.
fn normalise(line: &str) -> (String, Option<Kind>) {
    let mut kind = None;
    if line.contains("**")
        && BOLD_CREDIT.is_match(line)
        && !line.trim_start().starts_with("**")
        && bold_tail_is_short(line)
    {
        kind = Some(Kind::Caption);
    }
    let mut text = line.to_owned();
    // Each pattern only runs on lines holding the character it needs.
    if text.contains('<') {
        text = TAG.replace_all(&text, " ").into_owned();
    }
    if text.contains("](") {
        text = MD_IMAGE.replace_all(&text, " ").into_owned();
        text = MD_LINK.replace_all(&text, "$1").into_owned();
    }
    if text.contains("**") {
        text = MD_EMPHASIS.replace_all(&text, "$1").into_owned();
    }
    let trimmed = text.trim_start();
    if let Some(found) = MD_HEADING.find(trimmed) {
        text = trimmed[found.end()..].to_owned();
        kind.get_or_insert(Kind::Heading);
    }
    // Invisible marks inside words (a soft hyphen, a word joiner, a byte-order mark) go: they
    // would split or hide a name ("\u{ad}Chapman").
    if text.contains(INVISIBLE_IN_WORDS) {
        text.retain(|c| !INVISIBLE_IN_WORDS.contains(&c));
    }
    let text = text
        .split(|c: char| c.is_whitespace() || c == '\u{200b}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    (text, kind)
}

/// Characters that show nothing and join or break nothing a reader sees: the soft hyphen, the
/// word joiner and the byte-order mark (the zero-width space is taken as a space).
const INVISIBLE_IN_WORDS: [char; 3] = ['\u{ad}', '\u{2060}', '\u{feff}'];

/// True when the bold text closing a line is short enough to be a credit (a name).
fn bold_tail_is_short(line: &str) -> bool {
    let inner = line.trim_end().trim_end_matches("**");
    inner.rfind("**").is_some_and(|at| inner[at + 2..].chars().count() <= 60)
}

fn classify(text: &str) -> Kind {
    let words = text.split_whitespace().count();
    // Cheap conditions guard each pattern: most lines are prose and need none of them.
    if !text.chars().any(char::is_alphabetic)
        || (words <= 3 && CLASS_NAME.is_match(text))
        || CRUMB.is_match(text)
        || (words <= 4 && READ_TIME.is_match(text))
        || (text.len() <= 40 && text.ends_with(':') && LABEL.is_match(text))
        || (words <= 8 && PROMPT.is_match(text))
        || (text.starts_with(['T', 't', 'F', 'f', 'C', 'c', 'K', 'k', 'R', 'r']) && TAG_LIST.is_match(text))
    {
        return Kind::Debris;
    }
    if words <= 30 && CREDIT.is_match(text) {
        return Kind::Credit;
    }
    if CAPTION_OPENER.is_match(text)
        || (text.len() <= 100 && PHOTO_CREDIT.is_match(text))
        || (text.contains(['(', '[', '©']) && CAPTION_MARK.is_match(text))
        || GLUED_CREDIT.is_match(text)
    {
        return Kind::Caption;
    }
    if text.contains("http") {
        if let Some(caps) = ADDRESS_LINE.captures(text) {
            return Kind::Address(caps[1].to_owned());
        }
    }
    if let Some((date, name)) = metadata::date_line(text) {
        return Kind::Date(date, name);
    }
    if let Some(name) = metadata::byline(text) {
        return Kind::Byline(name);
    }
    Kind::Text
}

/// The headline among the header lines: the first markdown heading, or else the first line that
/// reads as a headline and shares two content words or more with the lead (`lead`, the first paragraphs of
/// the body) — a headline tells the story the lead tells, where a site name, a section label, a
/// dateline or a caption does not. A line reads as a headline when it has three words or more and
/// at most thirty, is neither a sentence closed by a full stop (a standfirst) nor cut off (`|`,
/// `:` at its end), opens with neither a bracket nor a bullet, and holds a lowercase word or a
/// function word (a line of capitalised names alone is a masthead or a place).
fn headline_index(header: &[Line], lead: &str) -> Option<usize> {
    if let Some(heading) = header.iter().position(|l| l.kind == Kind::Heading) {
        return Some(heading);
    }
    let terms = ContentTerms::for_language(None);
    let lead_terms: FxHashSet<u64> = terms.terms(lead).into_iter().collect();
    // A page's "Story highlights" open bullets that sum up the story: they run to the lead, and
    // none is the headline.
    let highlights = header.iter().position(|l| l.text.to_lowercase().starts_with("story highlights"));
    let shared: Vec<(usize, usize)> = header[..highlights.unwrap_or(header.len())]
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind == Kind::Text && reads_as_headline(&l.text))
        .map(|(i, l)| {
            let own: FxHashSet<u64> = terms.terms(&l.text).into_iter().collect();
            (i, own.intersection(&lead_terms).count())
        })
        .collect();
    // Headlines come first: the first line telling the lead in two words or more, else the line
    // sharing most with it.
    shared
        .iter()
        .find(|&&(_, n)| n >= 2)
        .or_else(|| shared.iter().filter(|&&(_, n)| n >= 1).max_by_key(|&&(i, n)| (n, std::cmp::Reverse(i))))
        .map(|&(i, _)| i)
}

/// True for a credit line: a participle, "by" and a name ("Directed by Peter Jackson", "Photographed
/// by Ann Lee"), or a review's cast ("With Saoirse Ronan, Stanley Tucci and Mark Wahlberg").
fn is_credit(words: &[&str]) -> bool {
    let names =
        |names: &[&str]| !names.is_empty() && names.iter().all(|w| w.starts_with(char::is_uppercase) || *w == "and");
    match words {
        [done, by, name @ ..] if done.ends_with("ed") && by.eq_ignore_ascii_case("by") => {
            name.len() <= 4 && names(name)
        }
        [with, cast @ ..] if *with == "With" || *with == "Starring" => cast.len() >= 4 && names(cast),
        _ => false,
    }
}

/// True for a line that can be a headline (see [`headline_index`]).
fn reads_as_headline(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let text = text.trim();
    (3..=30).contains(&words.len())
        && !text.ends_with(['|', ':', '.'])
        && !text.starts_with(['(', '[', '*', '•', '-', '–', '>'])
        && !is_credit(&words)
        && words.iter().any(|w| {
            let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
            bare.starts_with(char::is_lowercase) || is_stopword(&bare.to_lowercase())
        })
}

/// Marks as captions the lines that repeat the start of an earlier caption (pages often print a
/// caption twice, once with its credit and once without).
fn mark_repeated_captions(lines: &mut [Line]) {
    let mut captions: Vec<String> = Vec::new();
    let bare = |text: &str| text.trim_start_matches(['|', ' ']).trim_end_matches(['(', ' ']).to_owned();
    for line in lines.iter_mut() {
        if line.kind == Kind::Caption {
            captions.push(bare(&line.text));
        } else if line.kind == Kind::Text
            && line.text.len() >= 20
            && captions.iter().any(|caption| caption.starts_with(&bare(&line.text)))
        {
            line.kind = Kind::Caption;
        }
    }
}

/// True for a line of running prose: ten words or more, closing a sentence somewhere.
fn is_prose(text: &str) -> bool {
    text.split_whitespace().count() >= 10 && text.contains(['.', '!', '?', '"', '”'])
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '\''])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(raw: &str, text: &str, title: Option<&str>) {
        let cleaned = clean(raw);
        assert_eq!(cleaned.text, text);
        assert_eq!(cleaned.found.title.as_deref(), title);
    }

    const BODY: &str = "The ministers met on Friday to talk about the treaty, officials said.";

    #[test]
    fn removes_header_navigation_and_takes_the_headline() {
        check(
            &format!(
                "Search\n\n/ languages\n\nPick a language\n\nTreaty talks resume in Geneva\n\n5 Min Read\n\n{BODY}"
            ),
            BODY,
            Some("Treaty talks resume in Geneva"),
        );
    }

    #[test]
    fn removes_layout_class_lists_credits_and_labels() {
        check(
            &format!("{BODY}\n\nAdditional reporting by Jane Roe\n\n0 : 0\n  • narrow-browser-and-phone\n  • wide-browser\n\nTopics:\n"),
            BODY,
            None,
        );
    }

    #[test]
    fn removes_captions_and_their_repeats() {
        let raw = format!(
            "<p>The minister (L) speaks to reporters in Geneva, March 6, 2009.John Smith</p>\n\n\
             A minister at the meeting in Brussels, 5 March 2009(Photo: AFP)\n\n\
             A minister at the meeting in Brussels, 5 March 2009\n(Photo: AFP)\n\n\
             The minister summing up the year to reporters Thursday. **Jane Roe**\n\n\
             Protesters march past the town hall, Saturday, May 3, 2014. Police continue... (Wire Service)\n\n{BODY}"
        );
        check(&raw, BODY, None);
    }

    #[test]
    fn strips_markup_but_keeps_titles_in_angle_brackets() {
        check(
            &format!(
                "<p>{BODY}</p>\n\nThe troupe staged <The Palace: Tale of Jang Noksu> at the festival in October.<br/>"
            ),
            &format!("{BODY}\n\nThe troupe staged <The Palace: Tale of Jang Noksu> at the festival in October."),
            None,
        );
    }

    #[test]
    fn invisible_marks_inside_words_go() {
        let cleaned = clean("Mark \u{ad}Chapman said \u{feff}he will wait\u{2060}.");
        assert_eq!(cleaned.text, "Mark Chapman said he will wait.");
    }

    #[test]
    fn joins_hard_wrapped_lines() {
        check(
            &format!("{BODY}\nPhotos which were released online show the actress\nlooking stunning in new\nmake-up photos.\n\n{BODY}"),
            &format!("{BODY}\n\nPhotos which were released online show the actress looking stunning in new make-up photos.\n\n{BODY}"),
            None,
        );
    }

    #[test]
    fn keeps_crossheads_and_quotes_inside_the_body() {
        let raw = format!("{BODY}\n\n\"Toxic Assets\" of Past\n\n\"We agree,\" she said.\n\n{BODY}");
        check(&raw, &format!("{BODY}\n\n\"Toxic Assets\" of Past\n\n\"We agree,\" she said.\n\n{BODY}"), None);
    }

    #[test]
    fn takes_dateline_agency_and_site_footer() {
        let cleaned = clean(&format!(
            "YOU ARE HERE: Home\n\nTalks in Geneva\n\nMarch 07, 2009|Jane Roe\n\nGENEVA (Wire) - {BODY} (xyz)\n\nDaily Planet Articles"
        ));
        assert_eq!(cleaned.text, BODY);
        assert_eq!(cleaned.found.dateline.as_deref(), Some("GENEVA"));
        assert_eq!(cleaned.found.outlet.as_deref(), Some("Wire"));
        assert_eq!(cleaned.found.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(cleaned.found.published.map(|d| d.to_string()).as_deref(), Some("2009-03-07"));
    }

    #[test]
    fn strips_a_headline_repeated_before_the_first_paragraph() {
        let cleaned = clean(&format!("ROUNDUP: Talks resume\n\nROUNDUP: Talks resumeGeneva\u{a0} - {BODY}"));
        assert_eq!(cleaned.text, BODY);
        assert_eq!(cleaned.found.dateline.as_deref(), Some("Geneva"));
    }

    #[test]
    fn markdown_heading_byline_and_address() {
        let cleaned = clean(&format!(
            "\n# Stakes Raised\n\nBy [Jane Roe](#)\n\nJanuary 13, 2011\n\n{BODY}\n\nOriginal url: <https://www.thetreatytimes.com/2011/01/13/x>"
        ));
        assert_eq!(cleaned.text, BODY);
        assert_eq!(cleaned.found.title.as_deref(), Some("Stakes Raised"));
        assert_eq!(cleaned.found.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(cleaned.found.url.as_deref(), Some("https://www.thetreatytimes.com/2011/01/13/x"));
        assert_eq!(cleaned.found.outlet.as_deref(), Some("The Treaty Times"));
    }

    #[test]
    fn headline_and_time_stamps_on_one_line() {
        let body = "A police officer bought a new ring for a woman whose ring was stolen, the hospital said.";
        let cleaned = clean(&format!(
            "Officer replaces stolen ring Posted: Monday, June 23, 2014 11:03 PM EDT Updated: Monday, August 18, 2014 11:03 PM EDT\n\n{body}"
        ));
        assert_eq!(cleaned.text, body);
        assert_eq!(cleaned.found.title.as_deref(), Some("Officer replaces stolen ring"));
        assert_eq!(cleaned.found.published.map(|d| d.to_string()).as_deref(), Some("2014-06-23"));
    }

    #[test]
    fn the_headline_is_the_header_line_that_tells_the_lead() {
        let body = "Three people were killed when gunshots fired from an SUV caused a crash on the Las Vegas Strip, police said.";
        for header in [
            "WFTV – Orlando, Fla.\n\nThree killed after gunshots cause fiery crash on Las Vegas Strip",
            "Three killed after gunshots cause fiery crash on Las Vegas Strip\n\nBBC News, Lima",
            "Image copyright Getty Images Image caption The Strip at night\n\nThree killed after gunshots cause fiery crash on Las Vegas Strip",
        ] {
            let cleaned = clean(&format!("{header}\n\n{body}"));
            assert_eq!(cleaned.found.title.as_deref(), Some("Three killed after gunshots cause fiery crash on Las Vegas Strip"), "{header}");
            assert_eq!(cleaned.text, body, "{header}");
        }
        assert_eq!(clean(&format!("NEW YORK (Wire)\n\n{body}")).found.title, None, "a dateline is no headline");
        assert_eq!(
            clean(&format!("Sign up for our newsletter today\n\n{body}")).found.title,
            None,
            "shares nothing with the lead"
        );
        let highlights =
            "Story highlights Police say three people died\n\nGunshots fired from an SUV caused a crash on the Strip";
        assert_eq!(clean(&format!("{highlights}\n\n{body}")).found.title, None, "highlights are no headline");
        let review =
            "Ann Lee\n\nDirected by Peter Jackson\n\nPeter Jackson directed the film about the crash, a review said.";
        assert_eq!(clean(review).found.title, None, "a credit line is no headline");
        let cast =
            "With Peter Jackson, Ann Lee and Tom Roe\n\nPeter Jackson and Ann Lee star in the film about the crash.";
        assert_eq!(clean(cast).found.title, None, "a cast is no headline");
    }

    #[test]
    fn text_without_prose_is_kept_rather_than_lost() {
        check("Fire at the docks.\n\nTwo hurt", "Fire at the docks.\n\nTwo hurt", None);
    }
}
