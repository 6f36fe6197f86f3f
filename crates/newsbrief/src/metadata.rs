//! Recognisers for what a plain-text report shows about itself: date lines, bylines, datelines,
//! agency tags, site footers and outlet names in web addresses.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::dates::find_date;
use crate::pattern::Pattern;

static BYLINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(r"^(?i:by|written by|posted by)\s+(\p{Lu}[\p{L}.'’-]*(?:,?\s+(?:and\s+)?[\p{L}.'’-]+)*)$")
});
static DATELINE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(concat!(
        r"^(?P<place>\p{Lu}[\p{Lu}.'’ -]+?|\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?(?: \p{Lu}\p{Ll}+)?)",
        r"(?:,\s*\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?)?",
        r"(?:,\s*\p{Lu}\p{Ll}+\.?\s+\d\d?)?",
        r"\s*(?:\((?P<agency>[^()]+)\))?",
        r"\s*(?:--?|—|–)\s+",
        r"(?P<rest>[\p{Lu}\d“‘\x22'])"
    ))
});
/// The longest agency name an opening tag holds.
const MAX_AGENCY_CHARS: usize = 29;
/// An agency tag opening a paragraph without a place ("(Wire) A fund opened", "(Wire) -- ...").
static OPENING_AGENCY: LazyLock<Pattern> = LazyLock::new(|| {
    // The agency's length (at most 29 characters) is checked in code: a bounded repetition of a
    // Unicode class would compile to 28 copies of it, a third of a short run's time.
    Pattern::new(r"^\((?P<agency>\p{Lu}[\p{L}\d.&'’ -]+)\)\s*(?:--?|—|–)?\s*(?P<rest>[\p{Lu}\d“‘\x22'])")
});
/// A station or masthead line with its town, as local broadcasters head their pages
/// ("WXYZ – Springfield, Ill.", "Channel 9 News - Dayton, Ohio").
static MASTHEAD_PLACE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(concat!(
        r"^(?P<name>\p{Lu}[\p{Lu}\d]{2,5}(?:-\p{Lu}{2})?|(?:\p{Lu}[\p{L}\d.&'’]*\s){0,3}(?:News|TV|Radio|Times|Post))",
        r"\s+[-–—|]\s+\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)*,\s\p{Lu}[\p{L}.]+\.?$"
    ))
});
/// An outlet speaking of its own reporting at the start of a paragraph ("Channel 9 News has
/// learned ...").
static SELF_REFERENCE: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"(?m)(?:^|[.!?][\x22”’]?[ \t]+)(?P<name>\p{Lu}[\p{Lu}\d]{1,5}(?: (?:News|TV))?|(?:\p{Lu}[\p{L}\d.&'’]* ){1,3}(?:News|TV|Radio)) +(?:has +(?:learned|obtained|confirmed|been +told)|is +learning)\b",
    )
});
static AGENCY_TAG: LazyLock<Pattern> =
    LazyLock::new(|| Pattern::new(r"(?P<keep>[.!?\x22”’])\s*\((?P<agency>\p{L}[\p{L}-]+)\)$"));
static SITE_FOOTER: LazyLock<Pattern> = LazyLock::new(|| {
    Pattern::new(
        r"^(?P<name>(?:The )?\p{Lu}[\p{L}.&'’-]*(?: \p{Lu}[\p{L}.&'’-]*)*) (?:Articles|Archives?|Home|Homepage)$",
    )
});
/// A time of day right after a date ("May 7, 2009 7:41 PM", "Mon Aug 23, 2010 5:26 pm EDT").
static CLOCK_AFTER: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"^[\s,|/-]*(?:at\s+)?\d{1,2}:\d{2}\b"));
static HOST: LazyLock<Pattern> = LazyLock::new(|| Pattern::new(r"(?i)^https?://(?:www\d?\.|m\.|amp\.)?([a-z0-9.-]+)"));

/// Words that make up outlet names in web addresses ("the", "times", "post"...), besides the
/// words of the report itself.
const MASTHEAD_WORDS: &[&str] = &[
    "the",
    "times",
    "news",
    "post",
    "daily",
    "herald",
    "journal",
    "tribune",
    "press",
    "telegraph",
    "guardian",
    "mail",
    "star",
    "independent",
    "globe",
    "chronicle",
    "gazette",
    "observer",
    "express",
    "sun",
    "mirror",
    "review",
    "today",
    "world",
    "online",
    "weekly",
    "monitor",
    "record",
    "courier",
    "standard",
    "examiner",
    "inquirer",
    "bulletin",
    "dispatch",
    "register",
    "sentinel",
    "reporter",
    "wire",
    "magazine",
    "radio",
    "tv",
    "network",
    "media",
    "business",
    "insider",
    "street",
    "week",
    "new",
    "york",
    "city",
    "national",
    "public",
];

/// A line that is a date line ("May 7, 2009 / 7:41 PM", "March 07, 2009|Paul Richter",
/// "Article published on the 2009-03-06 ..."): its date and any name given beside it.
pub(crate) fn date_line(line: &str) -> Option<(NaiveDate, Option<String>)> {
    // A date line is short and holds the year's digits: skip the search on anything else.
    if line.len() > 200 || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let (date, range) = find_date(line)?;
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    let rest_words = rest.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    let sentence_like = line.trim_end().ends_with(['.', '!', '?']) && rest_words > 2;
    if rest_words > 10 || sentence_like {
        return None;
    }
    let name =
        line[range.end..].split('|').skip(1).map(str::trim).find(|piece| looks_like_name(piece)).map(str::to_owned);
    Some((date, name))
}

/// The author named by a byline ("By Jane Roe", "By Jane Roe and John Doe").
/// How far into a text a publication stamp is looked for.
const STAMP_REACH: usize = 300;

/// The day of a publication stamp near the start of a text: a full date followed by a time of
/// day ("BILOXI | Mon Aug 23, 2010 5:26 pm EDT BILOXI (Wire) - ..."). A date with a clock time is
/// when a page was stamped, not when an event happened (on 2,655 Timeline17 articles, 515 of the
/// 520 such stamps give the publication day; on TimeBank none is found, and none is wrong).
pub(crate) fn publication_stamp(text: &str) -> Option<NaiveDate> {
    let mut reach = STAMP_REACH.min(text.len());
    while !text.is_char_boundary(reach) {
        reach -= 1;
    }
    let head = &text[..reach];
    let mut from = 0;
    while let Some((date, range)) = find_date(&head[from..]) {
        let end = from + range.end;
        if CLOCK_AFTER.is_match(&text[end..]) {
            return Some(date);
        }
        from = end;
    }
    None
}

pub(crate) fn byline(line: &str) -> Option<String> {
    if line.split_whitespace().count() > 9 {
        return None;
    }
    BYLINE.captures(line).map(|caps| caps[1].trim_end_matches([',', ';']).to_owned())
}

/// True for two to four capitalised words, as in a person's name.
fn looks_like_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&words.len()) && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A dateline at the start of a paragraph: its place, the agency if one is named, and the byte
/// length of the dateline (where the sentence begins).
pub(crate) fn dateline(paragraph: &str) -> Option<(String, Option<String>, usize)> {
    let caps = DATELINE.captures(paragraph)?;
    let place = caps["place"].trim().to_owned();
    let agency = caps.name("agency").map(|a| a.as_str().trim().to_owned());
    let all_caps = place.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    if !all_caps && agency.is_none() && !caps[0].contains(" - ") && !caps[0].contains(" — ") {
        return None;
    }
    Some((place, agency, caps.name("rest").expect("rest always matches").start()))
}

/// An agency tag opening a paragraph with no place before it ("(Wire) A fund opened"): the
/// agency, and the byte length of the tag (where the sentence begins). Tags that hold a colon
/// or name a picture are captions, not agencies.
pub(crate) fn opening_agency(paragraph: &str) -> Option<(String, usize)> {
    let caps = OPENING_AGENCY.captures(paragraph)?;
    if caps["agency"].chars().count() > MAX_AGENCY_CHARS {
        return None;
    }
    let agency = caps["agency"].trim();
    let caption = ["Photo", "Image", "Credit", "Video", "File", "Getty"].iter().any(|w| agency.starts_with(w));
    (!caption).then(|| (agency.to_owned(), caps.name("rest").expect("rest always matches").start()))
}

/// The outlet of a station or masthead line with its town ("WXYZ – Springfield, Ill.").
pub(crate) fn masthead_place(line: &str) -> Option<String> {
    MASTHEAD_PLACE.captures(line).map(|caps| caps["name"].to_owned())
}

/// The outlet that speaks of its own reporting in a text ("Channel 9 News has learned").
pub(crate) fn self_reference(text: &str) -> Option<String> {
    SELF_REFERENCE.captures(text).map(|caps| caps["name"].to_owned())
}

/// An agency tag closing a paragraph ("... on Saturday morning. (dpa)"): the agency, and the
/// byte length of the paragraph without the tag.
pub(crate) fn trailing_agency(paragraph: &str) -> Option<(String, usize)> {
    let caps = AGENCY_TAG.captures(paragraph)?;
    let agency = &caps["agency"];
    (agency.chars().count() <= 12).then(|| (agency.to_owned(), caps.name("keep").expect("keep always matches").end()))
}

/// The site named by a footer or crumb line such as "Daily Example Articles".
pub(crate) fn site_footer(line: &str) -> Option<String> {
    if line.split_whitespace().count() > 6 {
        return None;
    }
    SITE_FOOTER.captures(line).map(|caps| caps["name"].to_owned())
}

/// An outlet name read from a web address, by splitting the host name into words that the
/// report uses or that outlet names often use ("themoscowtimes.com" gives "The Moscow Times").
/// Falls back to the bare host name when it cannot be split.
pub(crate) fn outlet_from_url(url: &str, report: &str) -> Option<String> {
    let host = HOST.captures(url)?.get(1)?.as_str().to_ascii_lowercase();
    let labels: Vec<&str> = host.split('.').collect();
    let label = match labels.len() {
        0 | 1 => return None,
        2 => labels[0],
        n if labels[n - 2].len() <= 3 && labels[n - 1].len() == 2 => labels[n - 3],
        n => labels[n - 2],
    };
    let mut vocabulary: HashSet<String> = MASTHEAD_WORDS.iter().map(|w| (*w).to_owned()).collect();
    vocabulary.extend(report.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() >= 2).map(str::to_lowercase));
    match segment(label, &vocabulary) {
        Some(words) => Some(words.iter().map(|w| capitalise(w)).collect::<Vec<_>>().join(" ")),
        None => Some(host.clone()),
    }
}

/// Splits `label` into the fewest words of `vocabulary`, or `None` when it cannot be split.
fn segment(label: &str, vocabulary: &HashSet<String>) -> Option<Vec<String>> {
    let n = label.len();
    if n == 0 || !label.is_ascii() {
        return None;
    }
    // best[i]: the fewest words that spell label[..i], with the start of the last word.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in 1..=n {
        for start in 0..end {
            let Some((count, _)) = best[start] else { continue };
            if vocabulary.contains(&label[start..end]) && best[end].is_none_or(|(c, _)| count + 1 < c) {
                best[end] = Some((count + 1, start));
            }
        }
    }
    best[n]?;
    let mut words = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        words.push(label[start..end].to_owned());
        end = start;
    }
    words.reverse();
    Some(words)
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_named_by_the_text() {
        assert_eq!(opening_agency("(Wire) A fund opened on Monday."), Some(("Wire".to_owned(), 7)));
        assert_eq!(opening_agency("(Wire.com) -- A fund opened.").map(|(a, _)| a).as_deref(), Some("Wire.com"));
        assert_eq!(opening_agency("(Photo: Jane Roe) A fund opened."), None);
        assert_eq!(opening_agency("(File) A fund opened."), None);
        assert_eq!(opening_agency("(and so) it goes."), None);
        let longest = format!("({}) A fund opened.", "W".repeat(MAX_AGENCY_CHARS));
        assert!(opening_agency(&longest).is_some());
        let longer = format!("({}) A fund opened.", "W".repeat(MAX_AGENCY_CHARS + 1));
        assert_eq!(opening_agency(&longer), None);
        assert_eq!(masthead_place("WXYZ – Springfield, Ill.").as_deref(), Some("WXYZ"));
        assert_eq!(masthead_place("Channel Nine News - Dayton, Ohio").as_deref(), Some("Channel Nine News"));
        assert_eq!(masthead_place("Police – Springfield, Ill. said"), None);
        assert_eq!(
            self_reference("Intro.\nChannel Nine News has learned that the mayor quit.").as_deref(),
            Some("Channel Nine News")
        );
        assert_eq!(self_reference("Police have learned that the mayor quit."), None);
        assert_eq!(
            self_reference("The player died. KQRT News is learning the two were friends.").as_deref(),
            Some("KQRT News"),
            "within a paragraph, at a sentence's start"
        );
        assert_eq!(self_reference("Aides told Channel Nine News has learned nothing."), None, "not a subject");
    }

    #[test]
    fn a_date_stamped_with_a_time_of_day_near_the_start_is_a_publication_stamp() {
        let day = |text: &str| publication_stamp(text).map(|d| d.to_string());
        assert_eq!(
            day("BILOXI | Mon Aug 23, 2010 5:26 pm EDT BILOXI (Wire) - A fund opened."),
            Some("2010-08-23".into())
        );
        assert_eq!(day("Posted on March 5, 2012, at 10:02 a.m. The council met."), Some("2012-03-05".into()));
        assert_eq!(day("The bridge opened on May 7, 2009, and closed a year later."), None, "an event's day");
        assert_eq!(day(&format!("{} May 7, 2009 7:41 PM", "word ".repeat(80))), None, "too far in");
        assert_eq!(day("é May 7, 2009"), None);
    }

    #[test]
    fn date_lines() {
        let check = |line: &str, expect: Option<(&str, Option<&str>)>| {
            let got = date_line(line).map(|(d, n)| (d.to_string(), n));
            assert_eq!(got, expect.map(|(d, n)| (d.to_owned(), n.map(str::to_owned))), "{line}");
        };
        check("May 7, 2009 / 7:41 PM / 8 years ago", Some(("2009-05-07", None)));
        check("March 07, 2009|Paul Richter", Some(("2009-03-07", Some("Paul Richter"))));
        check("Article published on the 2009-03-06 Latest update 2009-03-06 08:22 TU", Some(("2009-03-06", None)));
        check("On May 7, 2009, Clinton met Lavrov in Washington.", None);
        check(
            "US Secretary of State Hillary Clinton at the Nato Foreign Ministers meeting in Brussels, 5 March 2009",
            None,
        );
    }

    #[test]
    fn bylines() {
        assert_eq!(byline("By Nikolaus von Twickel").as_deref(), Some("Nikolaus von Twickel"));
        assert_eq!(byline("By Jane Roe and John Doe").as_deref(), Some("Jane Roe and John Doe"));
        assert_eq!(byline("By the time the talks began, nothing was left of the plan."), None);
    }

    #[test]
    fn datelines() {
        let check = |text: &str, expect: Option<(&str, Option<&str>, &str)>| {
            let got = dateline(text).map(|(p, a, at)| (p, a, text[at..].to_owned()));
            let expect = expect.map(|(p, a, rest)| (p.to_owned(), a.map(str::to_owned), rest.to_owned()));
            assert_eq!(got, expect, "{text}");
        };
        check("WASHINGTON (Reuters) - Secretary of State", Some(("WASHINGTON", Some("Reuters"), "Secretary of State")));
        check("GENEVA — The U.S. and Russia", Some(("GENEVA", None, "The U.S. and Russia")));
        check("Geneva - US Secretary of State", Some(("Geneva", None, "US Secretary of State")));
        check("LONDON, March 6 (AP) -- Prices rose", Some(("LONDON", Some("AP"), "Prices rose")));
        check("Clinton—who had arrived late—spoke first.", None);
        check("The talks - which began today - ended.", None);
    }

    #[test]
    fn agency_tags_and_footers() {
        assert_eq!(trailing_agency("on Saturday morning. (dpa)"), Some(("dpa".to_owned(), 20)));
        assert_eq!(trailing_agency("a crosshead (NATO)"), None);
        assert_eq!(site_footer("Los Angeles Times Articles").as_deref(), Some("Los Angeles Times"));
        assert_eq!(site_footer("He said it was over."), None);
    }

    #[test]
    fn outlets_from_addresses() {
        let report = "Lavrov spoke in Moscow on Thursday.";
        let check = |url: &str, expect: Option<&str>| assert_eq!(outlet_from_url(url, report).as_deref(), expect);
        check("https://www.themoscowtimes.com/2011/01/13/lavrov-raises-reset-stakes-a4198", Some("The Moscow Times"));
        check("https://www.example.co.uk/news/1", Some("example.co.uk"));
        check("http://dailynews.com/x", Some("Daily News"));
        check("not a url", None);
    }
}
