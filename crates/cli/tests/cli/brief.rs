//! `newsbrief brief` on the shipped example story: sources, dates, outlets, verbatim summary
//! sentences and no page debris.

use newsbrief::one_line;
use serde_json::Value;

use crate::support::{example_dir, expected, run};

fn brief_json(extra: &[&str]) -> Value {
    let dir = example_dir();
    let mut args = vec!["brief", dir.to_str().expect("utf-8 path"), "--format", "json"];
    args.extend(extra);
    let run = run(&args);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    serde_json::from_str(&run.stdout).expect("the brief is JSON")
}

/// The example's files, in the order a folder is read (sorted): source `s1` is the first.
fn example_files() -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(example_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    files.sort();
    files
}

fn source_for_file<'a>(brief: &'a Value, file: &str) -> &'a Value {
    let index = example_files().iter().position(|f| f == file).unwrap();
    &brief["sources"][index]
}

/// The file each source id was read from.
fn file_of_id(brief: &Value) -> std::collections::BTreeMap<String, String> {
    brief["sources"]
        .as_array()
        .unwrap()
        .iter()
        .zip(example_files())
        .map(|(s, file)| (s["id"].as_str().unwrap().to_owned(), file))
        .collect()
}

#[test]
fn sources_carry_every_publication_date_and_most_outlets() {
    let brief = brief_json(&[]);
    let expected = expected();
    let sources = expected["sources"].as_array().unwrap();
    assert_eq!(brief["sources"].as_array().unwrap().len(), sources.len());
    let mut outlets_found = 0;
    // FIXME: the dpa report (002) shows no date; its day (2009-03-06) was once inferred from its
    // weekday mentions and its closest dated sibling, a rule that gave the right day for 36 of the
    // 92 Timeline17 reports it dated, and that was removed. Until the day can be read from the
    // text, it is left unknown, never guessed.
    let undated = ["002_d29d39b4454c52de.txt"];
    for wanted in sources {
        let file = wanted["file"].as_str().unwrap();
        let got = source_for_file(&brief, file);
        if undated.contains(&file) {
            assert_eq!(got["published"], Value::Null, "date of {file}");
        } else {
            assert_eq!(got["published"], wanted["published"], "date of {file}");
        }
        if got["outlet"].as_str().is_some_and(|o| o.eq_ignore_ascii_case(wanted["outlet"].as_str().unwrap())) {
            outlets_found += 1;
        }
    }
    assert!(outlets_found >= 4, "only {outlets_found} outlets of 5 found");
    assert!(brief["sources"].as_array().unwrap().iter().all(|s| s["off_topic"] == false), "all five tell one story");
    let labels: Vec<&str> = brief["sources"].as_array().unwrap().iter().map(|s| s["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["s1", "s2", "s3", "s4", "s5"]);
    for source in brief["sources"].as_array().unwrap() {
        let text = source["text"].as_str().unwrap();
        assert_eq!(source["id"], newsbrief::article_id(text), "the id is the hash of the cleaned text");
        assert!(source.get("path").is_none(), "no local path in the brief");
    }
}

#[test]
fn summary_sentences_are_verbatim_and_within_budget() {
    for words in ["150", "60", "400"] {
        let brief = brief_json(&["--words", words]);
        let summary = brief["summary"].as_array().unwrap();
        assert!(!summary.is_empty());
        let mut total = 0;
        for sentence in summary {
            let text = sentence["text"].as_str().unwrap();
            total += text.split_whitespace().count();
            let id = sentence["source"].as_str().unwrap();
            let raw = std::fs::read_to_string(example_dir().join(&file_of_id(&brief)[id])).unwrap();
            assert!(one_line(&raw).contains(&one_line(text)), "not verbatim in {id}: {text}");
            let source = brief["sources"].as_array().unwrap().iter().find(|s| s["id"] == id).unwrap();
            let offset = |key: &str| usize::try_from(sentence[key].as_u64().unwrap()).unwrap();
            let (start, end) = (offset("start"), offset("end"));
            assert_eq!(&source["text"].as_str().unwrap()[start..end], text);
        }
        assert!(total <= words.parse().unwrap(), "{total} words for a budget of {words}");
    }
}

#[test]
fn no_debris_in_either_format() {
    let dir = example_dir();
    let markdown = run(&["brief", dir.to_str().unwrap()]);
    let json = run(&["brief", dir.to_str().unwrap(), "--format", "json"]);
    assert_eq!(markdown.code, 0);
    for debris in expected()["debris"].as_array().unwrap() {
        let debris = debris.as_str().unwrap();
        assert!(!markdown.stdout.contains(debris), "markdown holds {debris:?}");
        assert!(!json.stdout.contains(debris), "json holds {debris:?}");
    }
}

#[test]
fn markdown_marks_sources_and_lists_them() {
    let dir = example_dir();
    let run = run(&["brief", dir.to_str().unwrap()]);
    assert!(run.stdout.contains("## Summary"));
    assert!(run.stdout.contains("## Sources"));
    assert!(run
        .stdout
        .contains("| s5 | The Moscow Times | 2011-01-13 | Lavrov Raises Reset Stakes | Nikolaus von Twickel |"));
    assert!(run.stdout.matches("[s").count() >= 2);
}

#[test]
fn json_has_the_interface_fields() {
    let brief = brief_json(&[]);
    assert_eq!(brief["schema_version"], newsbrief::SCHEMA_VERSION);
    assert!(brief["title"].is_string());
    for key in ["sources", "summary", "timeline", "quotes", "entities", "corroborated", "conflicts"] {
        assert!(brief[key].is_array(), "{key}");
    }
    for key in ["id", "label", "outlet", "title", "published", "byline", "words", "text"] {
        assert!(brief["sources"][0].get(key).is_some(), "sources[].{key}");
    }
    for (list, keys) in [
        ("summary", &["text", "source", "start", "end"][..]),
        ("timeline", &["date", "text", "source", "start", "end", "sources"]),
        ("quotes", &["speaker", "attribution", "text", "source", "start", "end", "speaker_span"]),
        ("entities", &["name", "kind", "aliases", "mentions", "sources"]),
        ("corroborated", &["text", "source", "start", "end", "sources"]),
        ("conflicts", &["about", "variants"]),
    ] {
        for key in keys {
            assert!(brief[list][0].get(key).is_some(), "{list}[].{key}");
        }
    }
    for key in ["value", "source", "start", "end", "sources"] {
        assert!(brief["conflicts"][0]["variants"][0].get(key).is_some(), "conflicts[].variants[].{key}");
    }
    // Every excerpt is the span of its source's text it claims to be.
    let typed: newsbrief::Brief = serde_json::from_value(brief).unwrap();
    assert_eq!(typed.check_spans(), Ok(()));
}

#[test]
fn output_file_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.md");
    let example = example_dir();
    let file = example.join("000_7fbbb022c37d34bd.txt");
    let run_file = run(&["brief", file.to_str().unwrap(), "--output", out.to_str().unwrap()]);
    assert_eq!(run_file.code, 0, "{}", run_file.stderr);
    let written = std::fs::read_to_string(&out).unwrap();
    assert!(written.contains("| s1 | Reuters | 2009-05-07 |"), "{written}");

    let text = std::fs::read(&file).unwrap();
    let from_stdin = crate::support::run_with_stdin(&["brief", "-"], &text);
    assert_eq!(from_stdin.code, 0);
    assert!(from_stdin.stdout.contains("| s1 | Reuters | 2009-05-07 |"));
}

#[test]
fn jsonl_and_multinews_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("articles.jsonl");
    std::fs::write(
        &jsonl,
        concat!(
            "{\"text\": \"Ministers agreed in Geneva on Friday to resume arms talks next month, officials said.\", \"outlet\": \"Wire One\", \"published\": \"2009-03-06\", \"title\": \"Talks resume\"}\n",
            "{\"html\": \"<html><body><p>The ministers agreed to resume the arms talks in Geneva, diplomats said.</p></body></html>\", \"outlet\": \"Wire Two\"}\n",
        ),
    )
    .unwrap();
    let run_jsonl = run(&["brief", jsonl.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run_jsonl.code, 0, "{}", run_jsonl.stderr);
    let brief: Value = serde_json::from_str(&run_jsonl.stdout).unwrap();
    assert_eq!(brief["sources"][0]["outlet"], "Wire One");
    assert_eq!(brief["sources"][0]["published"], "2009-03-06");
    assert_eq!(brief["sources"][1]["outlet"], "Wire Two");
    assert_eq!(brief["sources"][1]["label"], "s2");

    let multinews = dir.path().join("cluster.txt");
    std::fs::write(
        &multinews,
        "Ministers agreed in Geneva on Friday to resume arms talks. NEWLINE_CHAR NEWLINE_CHAR The talks were frozen last summer. ||||| The ministers agreed to resume the arms talks in Geneva, diplomats said. |||||",
    )
    .unwrap();
    let run_multinews = run(&["brief", multinews.to_str().unwrap(), "--format", "json"]);
    assert_eq!(run_multinews.code, 0, "{}", run_multinews.stderr);
    let brief: Value = serde_json::from_str(&run_multinews.stdout).unwrap();
    assert_eq!(brief["sources"].as_array().unwrap().len(), 2);
}

#[test]
fn every_algorithm_briefs_the_example_within_budget() {
    for algorithm in ["default", "lead", "centroid", "lexrank", "textrank", "mmr", "coverage"] {
        let brief = brief_json(&["--algorithm", algorithm, "--words", "120"]);
        let summary = brief["summary"].as_array().unwrap();
        let words: usize = summary.iter().map(|s| s["text"].as_str().unwrap().split_whitespace().count()).sum();
        assert!(!summary.is_empty() && words <= 120, "{algorithm}: {words} words");
    }
    let bad = run(&["brief", example_dir().to_str().unwrap(), "--algorithm", "nope"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("possible values: default, lead"), "{}", bad.stderr);
}

#[test]
fn a_report_about_another_story_is_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    for file in ["000_7fbbb022c37d34bd.txt", "001_daa0ea3d565551e9.txt", "002_d29d39b4454c52de.txt"] {
        std::fs::copy(example_dir().join(file), dir.path().join(file)).unwrap();
    }
    std::fs::write(
        dir.path().join("zz_other.txt"),
        "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet Archive. \
         Flowing in every day, these data are added to the Wayback Machine after an embargo period.",
    )
    .unwrap();
    let run = run(&["brief", dir.path().to_str().unwrap(), "--format", "json"]);
    let brief: Value = serde_json::from_str(&run.stdout).unwrap();
    let flags: Vec<bool> =
        brief["sources"].as_array().unwrap().iter().map(|s| s["off_topic"].as_bool().unwrap()).collect();
    assert_eq!(flags, [false, false, false, true]);
    let stray = &brief["sources"][3]["id"];
    assert!(brief["summary"].as_array().unwrap().iter().all(|s| s["source"] != *stray));
    let markdown = crate::support::run(&["brief", dir.path().to_str().unwrap()]).stdout;
    assert!(markdown.contains("s4 is about another story"), "{markdown}");
    assert!(markdown.contains("| s4 (off topic) |"), "{markdown}");
}

/// The last word of a name, for comparing speakers ("Sergey Lavrov" and "Sergei Lavrov").
fn surname(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or("")
}

#[test]
fn every_expected_quote_has_its_speaker() {
    let brief = brief_json(&[]);
    let quotes = brief["quotes"].as_array().unwrap();
    for wanted in expected()["quotes"].as_array().unwrap() {
        let starts = wanted["starts"].as_str().unwrap();
        let speakers: Vec<&str> = quotes
            .iter()
            .filter(|q| q["text"].as_str().unwrap().starts_with(starts))
            .map(|q| q["speaker"].as_str().unwrap_or("(unattributed)"))
            .collect();
        assert!(!speakers.is_empty(), "no quote starting {starts:?}");
        for speaker in speakers {
            assert_eq!(surname(speaker), surname(wanted["speaker"].as_str().unwrap()), "speaker of {starts:?}");
        }
    }
}

#[test]
fn every_expected_entity_is_one_entity_with_its_aliases() {
    let brief = brief_json(&[]);
    let entities = brief["entities"].as_array().unwrap();
    let names_of = |e: &Value| -> Vec<String> {
        std::iter::once(e["name"].as_str().unwrap().to_owned())
            .chain(e["aliases"].as_array().unwrap().iter().map(|a| a.as_str().unwrap().to_owned()))
            .collect()
    };
    for wanted in expected()["entities"].as_array().unwrap() {
        let group = names_of(wanted);
        let holding: Vec<&Value> = entities.iter().filter(|e| names_of(e).iter().any(|n| group.contains(n))).collect();
        assert_eq!(holding.len(), 1, "{group:?} is spread over {holding:?}");
        let names = names_of(holding[0]);
        assert!(group.iter().all(|g| names.contains(g)), "{group:?} not all in {names:?}");
    }
    // Two different people are never one entity: all names of a person share their last word,
    // but for a first name written alone ("Sergey").
    for entity in entities.iter().filter(|e| e["kind"] == "person") {
        let names = names_of(entity);
        let first_name = names[0].split_whitespace().next().filter(|_| names[0].contains(' ')).unwrap_or("");
        let surnames: std::collections::BTreeSet<&str> =
            names.iter().filter(|n| n.as_str() != first_name).map(|n| surname(n)).collect();
        assert_eq!(surnames.len(), 1, "{names:?}");
    }
}

#[test]
fn every_expected_event_is_on_the_timeline() {
    let brief = brief_json(&[]);
    let timeline = brief["timeline"].as_array().unwrap();
    // FIXME: NATO's agreement of Thursday 2009-03-05 and Lavrov's address of Saturday 2009-03-07
    // are dated only by the dpa report, whose own day is unknown (see
    // `sources_carry_every_publication_date_and_most_outlets`).
    let told_only_by_undated = ["2009-03-05", "2009-03-07"];
    for wanted in expected()["timeline"].as_array().unwrap() {
        let date = wanted["date"].as_str().unwrap();
        if told_only_by_undated.contains(&date) {
            continue;
        }
        let words: Vec<&str> = wanted["words"].as_array().unwrap().iter().map(|w| w.as_str().unwrap()).collect();
        let found = timeline.iter().any(|e| {
            let text = e["text"].as_str().unwrap().to_lowercase();
            e["date"] == date && words.iter().all(|w| text.contains(&w.to_lowercase()))
        });
        assert!(found, "no timeline entry on {date} with {words:?}");
    }
    let dates: Vec<&str> = timeline.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|pair| pair[0] <= pair[1]), "sorted by date: {dates:?}");
}

#[test]
fn expected_facts_are_corroborated_and_conflicts_found() {
    let undated = ["002_d29d39b4454c52de.txt"];
    let brief = brief_json(&[]);
    let file_of = file_of_id(&brief);
    let files = |ids: &Value| -> Vec<String> {
        let mut files: Vec<String> =
            ids.as_array().unwrap().iter().map(|id| file_of[id.as_str().unwrap()].clone()).collect();
        files.sort();
        files
    };
    let corroborated: Vec<Vec<String>> =
        brief["corroborated"].as_array().unwrap().iter().map(|c| files(&c["sources"])).collect();
    for wanted in expected()["corroborated"].as_array().unwrap() {
        let mut want: Vec<String> =
            wanted["files"].as_array().unwrap().iter().map(|f| f.as_str().unwrap().to_owned()).collect();
        want.sort();
        // FIXME: the undated dpa report tells the START treaty's expiry over two sentences ("...
        // a follow up to the START treaty ... It expires on 5 December."), and the alignment
        // does not tie them to the other report's one; the date that once tied them cannot be
        // resolved there (see `every_expected_event_is_on_the_timeline`). The button and NATO
        // facts, which the dpa report also makes, are found and checked.
        if wanted["files"].as_array().unwrap().iter().any(|f| undated.contains(&f.as_str().unwrap()))
            && wanted["fact"].as_str().unwrap().contains("START")
        {
            continue;
        }
        assert!(corroborated.contains(&want), "{}: {want:?} not among {corroborated:?}", wanted["fact"]);
    }
    let conflicts = brief["conflicts"].as_array().unwrap();
    for wanted in expected()["conflicts"].as_array().unwrap() {
        let want: Vec<(String, Vec<String>)> = wanted["variants"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["value"].as_str().unwrap().to_owned(),
                    v["files"].as_array().unwrap().iter().map(|f| f.as_str().unwrap().to_owned()).collect(),
                )
            })
            .collect();
        let found = conflicts.iter().any(|c| {
            let got: Vec<(String, Vec<String>)> = c["variants"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| (v["value"].as_str().unwrap().to_owned(), files(&v["sources"])))
                .collect();
            want.iter().all(|w| got.contains(w))
        });
        assert!(found, "{}: {want:?} not among {conflicts:?}", wanted["about"]);
    }
}
