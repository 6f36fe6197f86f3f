//! `newsbrief score` and `newsbrief eval`: outputs, bad lines, and the dev set when present.

use std::fs;
use std::path::PathBuf;

use serde_json::Value;

use crate::support::{example_dir, run};

fn lines(stdout: &str) -> Vec<Value> {
    stdout.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect()
}

#[test]
fn score_prints_a_line_per_pair_then_the_means() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pairs.jsonl");
    fs::write(
        &path,
        concat!(
            "{\"candidate\": \"the cat sat\", \"reference\": \"the cat sat\"}\n",
            "{\"candidate\": \"the cat sat\", \"references\": [\"the cat sat\", \"a dog ran\"]}\n",
        ),
    )
    .unwrap();
    let mean = run(&["score", path.to_str().unwrap()]);
    assert_eq!(mean.code, 0, "{}", mean.stderr);
    let out = lines(&mean.stdout);
    assert_eq!(out.len(), 3);
    assert_eq!(out[0]["rouge1"]["fmeasure"], 1.0);
    assert_eq!(out[1]["rouge1"]["fmeasure"], 0.5);
    assert_eq!(out[2]["pairs"], 2);
    assert_eq!(out[2]["rouge1"]["fmeasure"], 0.75);
    for key in ["rouge1", "rouge2", "rougeL", "rougeLsum", "rougeSU4"] {
        assert!(out[0][key]["precision"].is_number(), "{key}");
    }
    let max = run(&["score", "--max", path.to_str().unwrap()]);
    assert_eq!(lines(&max.stdout)[1]["rouge1"]["fmeasure"], 1.0);
}

#[test]
fn score_reports_bad_lines_by_number() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pairs.jsonl");
    fs::write(&path, "{\"candidate\": \"a\", \"reference\": \"a\"}\n{\"candidate\": 3}\nnot json\n").unwrap();
    let strict = run(&["score", path.to_str().unwrap()]);
    assert_eq!(strict.code, 1);
    assert!(strict.stderr.contains("pairs.jsonl:2: no \"candidate\" string"), "{}", strict.stderr);
    assert!(strict.stderr.contains("pairs.jsonl:3: invalid JSON"), "{}", strict.stderr);
    let out = lines(&strict.stdout);
    assert_eq!(out.len(), 4);
    assert_eq!(out[1]["line"], 2);
    assert_eq!(out[3]["pairs"], 1);
    assert_eq!(run(&["score", "--skip-bad", path.to_str().unwrap()]).code, 0);
}

/// A two-cluster dataset made of the example's reports, with a made-up reference.
fn tiny_dataset(dir: &std::path::Path) -> PathBuf {
    let reports: Vec<String> = fs::read_dir(example_dir())
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap().replace('\n', " NEWLINE_CHAR "))
        .collect();
    let reference = "Clinton and Lavrov met in Geneva to reset relations. She gave him a button.";
    let path = dir.join("data.jsonl");
    let first = serde_json::json!({"id": "reset-1", "documents": reports[..3], "summary": reference});
    let second = serde_json::json!({"id": 2, "documents": reports[2..], "summaries": [reference, "Lavrov spoke."]});
    fs::write(&path, format!("{first}\n{second}\n{{\"id\": \"empty\", \"documents\": [], \"summary\": \"x\"}}\n"))
        .unwrap();
    path
}

#[test]
fn eval_prints_one_json_object_and_saves_summaries() {
    let dir = tempfile::tempdir().unwrap();
    let data = tiny_dataset(dir.path());
    let saved = dir.path().join("out");
    let run = run(&[
        "eval",
        data.to_str().unwrap(),
        "--words",
        "40",
        "--truncate",
        "--format",
        "json",
        "--save",
        saved.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "the empty cluster is a bad line: {}", run.stderr);
    assert!(run.stderr.contains("data.jsonl:3: cluster empty has no documents"), "{}", run.stderr);
    let out = lines(&run.stdout);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0]["clusters"], 2);
    assert_eq!(out[0]["words"], 40);
    assert!(out[0]["seconds"].as_f64().unwrap() > 0.0);
    for key in ["rouge1", "rouge2", "rougeL", "rougeLsum", "rougeSU4"] {
        let f = out[0][key]["fmeasure"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&f), "{key}: {f}");
    }
    assert!(out[0]["rouge1"]["fmeasure"].as_f64().unwrap() > 0.0);
    for id in ["reset-1", "2"] {
        let summary = fs::read_to_string(saved.join(format!("{id}.txt"))).unwrap();
        assert_eq!(summary.split_whitespace().count(), 40, "{id}: {summary}");
        assert!(summary.lines().count() >= 2, "one sentence per line: {summary}");
    }
}

#[test]
fn eval_table_and_skip_bad() {
    let dir = tempfile::tempdir().unwrap();
    let data = tiny_dataset(dir.path());
    let run = run(&["eval", data.to_str().unwrap(), "--skip-bad"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("| rougeSU4 |"), "{}", run.stdout);
    assert!(run.stdout.contains("clusters/s"));
}

#[test]
fn eval_on_the_dev_set_stays_above_the_lead_baseline_on_rouge_1() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/multinews/dev.jsonl");
    if !path.exists() {
        assert!(std::env::var("CI").map_or(true, |ci| ci != "true"), "{} is absent under CI=true", path.display());
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let run = run(&["eval", path.to_str().unwrap(), "--words", "300", "--truncate", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(out["clusters"], 100);
    // The peers' best on these clusters (shared/tools/peers.py): lead, R-1 43.78 and R-2 15.19.
    // The default summarizer measured 45.49 and 16.83 when it was tuned; these floors catch a
    // regression below the peers, not noise.
    assert!(out["rouge1"]["fmeasure"].as_f64().unwrap() > 0.4378, "{out}");
    assert!(out["rouge2"]["fmeasure"].as_f64().unwrap() > 0.1519, "{out}");
}

#[test]
fn eval_and_brief_are_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let data = tiny_dataset(dir.path());
    let without_time = |stdout: String| {
        let mut value: Value = serde_json::from_str(&stdout).unwrap();
        value.as_object_mut().unwrap().remove("seconds");
        value
    };
    let args = ["eval", data.to_str().unwrap(), "--words", "80", "--format", "json", "--skip-bad"];
    let first = without_time(run(&args).stdout);
    for _ in 0..3 {
        assert_eq!(without_time(run(&args).stdout), first);
    }
    let example = example_dir();
    let brief = |_: usize| run(&["brief", example.to_str().unwrap(), "--format", "json"]).stdout;
    assert_eq!(brief(0), brief(1));
}
