//! `newsbrief sentences`: one sentence per line, or JSON with byte spans.

use serde_json::Value;

use crate::support::{run, run_with_stdin};

#[test]
fn one_sentence_per_line_with_inner_line_breaks_as_spaces() {
    let run = run_with_stdin(
        &["sentences"],
        "Mr. Smith went to Washington.\nHe met the U.S. envoy there. It\nwent well.".as_bytes(),
    );
    assert_eq!(run.code, 0);
    assert_eq!(run.stdout, "Mr. Smith went to Washington.\nHe met the U.S. envoy there.\nIt went well.\n");
}

#[test]
fn json_gives_exact_text_and_byte_spans() {
    let text = "Zürich is calm. It\nrained.";
    let run = run_with_stdin(&["sentences", "-", "--format", "json"], text.as_bytes());
    let spans: Value = serde_json::from_str(&run.stdout).unwrap();
    let spans = spans.as_array().unwrap();
    assert_eq!(spans.len(), 2);
    for span in spans {
        let offset = |key: &str| usize::try_from(span[key].as_u64().unwrap()).unwrap();
        let (start, end) = (offset("start"), offset("end"));
        assert_eq!(&text[start..end], span["text"].as_str().unwrap());
    }
    assert_eq!(spans[1]["text"], "It\nrained.");
}

#[test]
fn reads_a_file() {
    let dir = crate::support::example_dir();
    let run = run(&["sentences", dir.join("004_347165b2df7807e8.txt").to_str().unwrap()]);
    assert_eq!(run.code, 0);
    assert!(run
        .stdout
        .lines()
        .any(|l| l == "The next round of talks is slanted for Jan. 26 at the NATO-Russia Council in Brussels."));
}

#[test]
fn dates_resolves_against_the_creation_date() {
    let text = "Lavrov and Clinton met in Geneva on Friday. The treaty expires in December.";
    let run = run_with_stdin(&["dates", "--dct", "2009-03-07", "--format", "json"], text.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let timexes: Value = serde_json::from_str(&run.stdout).unwrap();
    let values: Vec<(&str, &str, &str)> = timexes
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["text"].as_str().unwrap(), t["type"].as_str().unwrap(), t["value"].as_str().unwrap()))
        .collect();
    assert_eq!(values, [("Friday", "DATE", "2009-03-06"), ("December", "DATE", "2009-12")]);
    for t in timexes.as_array().unwrap() {
        let offset = |key: &str| usize::try_from(t[key].as_u64().unwrap()).unwrap();
        let (start, end) = (offset("start"), offset("end"));
        assert_eq!(&text[start..end], t["text"].as_str().unwrap());
    }
    let bad = run_with_stdin(&["dates", "--dct", "March"], text.as_bytes());
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("--dct March: expected a date as YYYY-MM-DD"), "{}", bad.stderr);
}
