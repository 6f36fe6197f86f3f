//! `newsbrief extract`, and web pages as input to `brief`: bad pages get a result or a clear
//! diagnostic, never a panic; an HTML version of a report briefs as its plain-text one does.

use std::fs;
use std::io::Write;

use newsbrief::one_line;
use serde_json::Value;

use crate::support::{example_dir, run, run_with_stdin};

const ARTICLE: &str = r#"<!doctype html><html lang="en"><head><title>Talks resume | Daily Example</title>
<meta property="og:site_name" content="Daily Example"><meta property="og:title" content="Talks resume">
<meta property="article:published_time" content="2009-03-06T10:00:00Z"><meta name="author" content="Jane Roe">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks resume</h1>
<p>The ministers agreed in Geneva on Friday to resume the arms talks next month, officials said, after a long
dinner that ran late into the night at the lakeside hotel where both delegations stayed.</p>
<p>The talks had been frozen since the war last summer, and both sides said they hoped to reach a new treaty
on strategic weapons before the old one expires in December of this year.</p>
<p>Diplomats from both countries will meet in Moscow on May 18 to prepare the first round of negotiations,
which are expected to last several months and to involve military experts.</p></article>
<footer>Copyright Daily Example. All rights reserved.</footer></body></html>"#;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn extracts_body_and_metadata_from_plain_and_gzipped_pages() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.html"), ARTICLE).unwrap();
    fs::write(dir.path().join("b.html.gz"), gzip(ARTICLE.as_bytes())).unwrap();
    let run = run(&["extract", dir.path().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pages: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(pages.as_array().unwrap().len(), 2);
    for page in pages.as_array().unwrap() {
        assert_eq!(page["title"], "Talks resume");
        assert_eq!(page["published"], "2009-03-06");
        assert_eq!(page["outlet"], "Daily Example");
        assert_eq!(page["byline"], "Jane Roe");
        assert_eq!(page["language"], "en");
        let text = page["text"].as_str().unwrap();
        assert!(text.contains("The ministers agreed in Geneva on Friday"), "{text}");
        assert!(!text.contains("Copyright") && !text.contains("Home"), "{text}");
    }
    let benchmark = crate::support::run(&["extract", dir.path().to_str().unwrap(), "--format", "benchmark"]);
    let ids: Value = serde_json::from_str(&benchmark.stdout).unwrap();
    assert!(ids["a"]["articleBody"].is_string() && ids["b"]["articleBody"].is_string(), "{ids}");
}

#[test]
fn blocks_show_what_the_boilerplate_classifier_saw_and_kept() {
    let related = "<ul><li><a href=\"/a\">Storm closes the harbour for a second day</a></li>\
                   <li><a href=\"/b\">Council votes to rebuild the old bridge</a></li>\
                   <li><a href=\"/c\">Five things to do this weekend in town</a></li></ul>";
    let page = ARTICLE.replace("</article>", &format!("</article>{related}"));
    let run = run_with_stdin(&["extract", "-", "--format", "blocks"], page.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let blocks: Vec<Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let kept: Vec<&str> = blocks.iter().filter(|b| b["body"] == true).map(|b| b["text"].as_str().unwrap()).collect();
    assert_eq!(kept.len(), 3, "{kept:#?}");
    assert!(kept[0].starts_with("The ministers agreed in Geneva"), "{kept:#?}");
    for block in &blocks {
        assert_eq!(block["id"], "-");
        let score = block["score"].as_f64().unwrap();
        assert_eq!(block["body"] == true, score >= 0.5, "{block}");
        let names: Vec<&str> = block["features"].as_array().unwrap().iter().map(|f| f[0].as_str().unwrap()).collect();
        assert!(names.contains(&"link_share") && names.contains(&"in_second_extractor"), "{names:?}");
    }
    assert!(!kept.iter().any(|text| text.contains("Storm closes")), "{kept:#?}");
}

#[test]
fn bad_pages_get_a_result_or_a_named_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated.html", ARTICLE.as_bytes()[..ARTICLE.len() / 2].to_vec()),
        ("nobody.html", b"<html><head><title>Nothing here</title></head></html>".to_vec()),
        ("empty.html", Vec::new()),
        ("fake.html.gz", b"<html><body><p>not gzip</p></body></html>".to_vec()),
        ("shift_jis.html", {
            let mut page = b"<html><head><meta charset=\"Shift_JIS\"></head><body><p>".to_vec();
            page.extend_from_slice(&encoding_rs::SHIFT_JIS.encode("東京で閣僚が会談し、来月の軍縮交渉の再開で合意したと当局者が述べた。").0);
            page.extend_from_slice(b"</p></body></html>");
            page
        }),
        ("latin1.html", b"<html><head><meta charset=\"windows-1252\"></head><body><p>The caf\xe9 owners agreed on Friday to reopen the old market next month, officials said.</p></body></html>".to_vec()),
    ];
    for (name, bytes) in &cases {
        fs::write(dir.path().join(name), bytes).unwrap();
    }
    for (name, _) in &cases {
        let path = dir.path().join(name);
        let run = run(&["extract", path.to_str().unwrap(), "--format", "text"]);
        assert!(!run.stderr.contains("panicked"), "{name}: {}", run.stderr);
        let (stream, expected) = match *name {
            "truncated.html" => (&run.stdout, "The ministers agreed".to_owned()),
            "nobody.html" => (&run.stderr, format!("{name}: the page has no article text")),
            "empty.html" => (&run.stderr, format!("{name}: the input is empty")),
            "fake.html.gz" => (&run.stderr, format!("{name}: the name ends in .gz but the data is not gzip")),
            "shift_jis.html" => (&run.stdout, "東京で閣僚が会談".to_owned()),
            "latin1.html" => (&run.stdout, "café".to_owned()),
            _ => unreachable!(),
        };
        assert!(stream.contains(&expected), "{name}: expected {expected:?} in {stream}");
        assert_eq!(run.code, i32::from(run.stdout.is_empty()), "{name}: {}", run.stderr);
    }
}

#[test]
fn a_ten_megabyte_page_is_extracted_whole() {
    let paragraph =
        "<p>The ministers agreed in Geneva to resume the arms talks next month, officials said late on Friday.</p>\n";
    let mut page = String::from("<html><head><title>Long</title></head><body><article>");
    while page.len() < 10 * 1024 * 1024 {
        page.push_str(paragraph);
    }
    page.push_str("<p>The very last paragraph survives.</p></article></body></html>");
    let run = run_with_stdin(&["extract", "-", "--format", "text"], page.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr.lines().last().unwrap_or(""));
    assert!(run.stdout.contains("The very last paragraph survives."));
}

#[test]
fn an_html_report_briefs_as_its_plain_text_does() {
    let text = fs::read_to_string(example_dir().join("000_7fbbb022c37d34bd.txt")).unwrap();
    let plain = crate::support::run(&[
        "brief",
        example_dir().join("000_7fbbb022c37d34bd.txt").to_str().unwrap(),
        "--format",
        "json",
    ]);
    let plain: Value = serde_json::from_str(&plain.stdout).unwrap();
    // The same report as a web page: its paragraphs in <p>, the page chrome around them.
    let body: String = text.split("\n\n").filter(|p| p.split_whitespace().count() > 12 && !p.starts_with('<')).fold(
        String::new(),
        |mut body, p| {
            body.push_str("<p>");
            body.push_str(p);
            body.push_str("</p>\n");
            body
        },
    );
    let page = format!(
        "<html><head><title>Clinton buries disputes for new Russia ties</title>\
         <meta property=\"og:site_name\" content=\"Reuters\">\
         <meta property=\"article:published_time\" content=\"2009-05-07T19:41:00Z\"></head>\
         <body><nav><a href=\"/\">Home</a></nav><article><h1>Clinton buries disputes for new Russia ties</h1>{body}</article>\
         <footer>All quotes delayed a minimum of 15 minutes.</footer></body></html>"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    fs::write(&path, page).unwrap();
    let html = crate::support::run(&["brief", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let html: Value = serde_json::from_str(&html.stdout).unwrap();
    for key in ["title", "published", "outlet"] {
        assert_eq!(html["sources"][0][key], plain["sources"][0][key], "{key}");
    }
    let sentences = |brief: &Value| -> Vec<String> {
        brief["summary"].as_array().unwrap().iter().map(|s| one_line(s["text"].as_str().unwrap())).collect()
    };
    assert_eq!(sentences(&html), sentences(&plain));
}
