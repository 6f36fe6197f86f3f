//! The sentence splitter on the 48 English Golden Rules (pySBD passes 47): all 48 must pass.

use crate::shared_data;

#[test]
fn passes_all_48_golden_rules() {
    let Some(path) = shared_data("sbd/golden_en.jsonl") else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but ../shared/data/sbd/golden_en.jsonl is absent"
        );
        return;
    };
    let data = std::fs::read_to_string(path).unwrap();
    let mut failed = Vec::new();
    let mut total = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = case["text"].as_str().unwrap();
        let expected: Vec<&str> = case["sentences"].as_array().unwrap().iter().map(|s| s.as_str().unwrap()).collect();
        let got: Vec<&str> = newsbrief::split_sentences(text).iter().map(|s| s.text(text)).collect();
        total += 1;
        if got != expected {
            failed.push((text.to_owned(), got.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>()));
        }
    }
    assert_eq!(total, 48);
    assert!(failed.is_empty(), "{} of 48 failed: {failed:#?}", failed.len());
}
