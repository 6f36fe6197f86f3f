//! `newsbrief entities`: names with their kinds, as text lines, JSON with byte spans, or
//! `score_ner.py` prediction lines; bad input handled like the other commands.

use serde_json::Value;

use crate::support::{run, run_with_stdin};

const TEXT: &str = "“We will act,” Angela Merkel told reporters in Berlin — after talks with Siemens.";

#[test]
fn json_gives_each_name_with_its_exact_text_and_byte_span() {
    let run = run_with_stdin(&["entities", "-", "--format", "json"], TEXT.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let names: Value = serde_json::from_str(&run.stdout).unwrap();
    let names = names.as_array().unwrap();
    let found: Vec<(&str, &str)> =
        names.iter().map(|n| (n["text"].as_str().unwrap(), n["kind"].as_str().unwrap())).collect();
    assert!(found.contains(&("Angela Merkel", "person")), "{found:?}");
    assert!(found.contains(&("Berlin", "place")), "{found:?}");
    for name in names {
        let offset = |key: &str| usize::try_from(name[key].as_u64().unwrap()).unwrap();
        assert_eq!(&TEXT[offset("start")..offset("end")], name["text"].as_str().unwrap());
    }
}

#[test]
fn text_gives_a_name_and_its_kind_a_line() {
    let run = run_with_stdin(&["entities"], TEXT.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.lines().any(|l| l == "Angela Merkel\tperson"), "{}", run.stdout);
}

#[test]
fn jsonl_tags_each_line_for_the_scorer() {
    let input = "{\"id\": \"d0001\", \"text\": \"Peter Blackburn\\nBRUSSELS 1996-08-22\"}\n{\"id\": \"d0002\", \"text\": \"\"}\n";
    let run = run_with_stdin(&["entities", "--jsonl"], input.as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let rows: Vec<Value> = run.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], "d0001");
    assert_eq!(
        rows[0]["entities"],
        serde_json::json!([{"start": 0, "end": 15, "kind": "person"}, {"start": 16, "end": 24, "kind": "place"}])
    );
    assert_eq!(rows[1]["entities"], serde_json::json!([]));
}

#[test]
fn bad_input_is_reported_with_its_name() {
    let missing = run(&["entities", "no/such/file.txt"]);
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("no/such/file.txt"), "{}", missing.stderr);
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("image.png");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    let run_binary = run(&["entities", binary.to_str().unwrap()]);
    assert_eq!(run_binary.code, 1);
    assert!(run_binary.stderr.contains("image.png"), "{}", run_binary.stderr);
    let bad_line = run_with_stdin(&["entities", "--jsonl"], b"{\"id\": 1, \"text\": \"a\"}\nnot json\n");
    assert_eq!(bad_line.code, 1);
    assert!(bad_line.stderr.contains("-:2: invalid JSON"), "{}", bad_line.stderr);
    assert!(!bad_line.stderr.contains("panicked"));
}
