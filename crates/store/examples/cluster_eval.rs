//! Development harness for the story clusterer: reads gold-labelled streams
//! (`{id, story, ...}` lines, as in `../shared/data/stories`), analyses every article once, then
//! clusters each stream (whole, and each hash-half of its stories alone) for every setting
//! given, printing B-cubed precision, recall and F1.
//!
//! `cargo run --release -p story-store --example cluster_eval -- [--set key=v1,v2,...]... STREAM...`
//!
//! With `--oracle`, the gold stories are forced and it prints how each article's gold story
//! scores against the best other one; `--errors` also lists each article that another story
//! would take (its gold label, the other story's gold label, size and score).
//!
//! `--pairs OUT.tsv` writes, with the gold stories forced in each hash-half alone, one line per
//! article and candidate story (stream, half, article number, gold or not, the pair features:
//! terms and names cosines, time term, dated, strangers, cast shortfall, log story size,
//! similarity, named, margin); `scripts/cluster_lr.py` fits a logistic regression on half A of
//! them, and `--model WEIGHTS` clusters with it in place of the threshold.

// A tool that reports on standard output.
#![allow(clippy::print_stdout)]
// Settings come as numbers from the command line, and scores are short names as in the papers.
#![allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::many_single_char_names)]

use std::fmt::Write as _;

use std::collections::HashMap;

use rayon::prelude::*;
use story_store::cluster::{ArticleFeatures, Clusterer, Evidence, Params};

struct Stream {
    name: String,
    /// Features and gold story, in stream order.
    articles: Vec<(ArticleFeatures, String)>,
    /// The hash-half of each article's id.
    halves: Vec<usize>,
}

fn main() {
    let mut grids: Vec<(String, Vec<f32>)> = Vec::new();
    let mut paths = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--set" {
            let spec = args.next().expect("--set key=v1,v2");
            let (key, values) = spec.split_once('=').expect("key=values");
            grids.push((key.to_owned(), values.split(',').map(|v| v.parse().expect("a number")).collect()));
        } else {
            paths.push(arg);
        }
    }
    let oracle = paths.iter().any(|p| p == "--oracle" || p == "--errors");
    let errors = paths.iter().any(|p| p == "--errors");
    paths.retain(|p| p != "--oracle" && p != "--errors");
    if let Some(at) = paths.iter().position(|p| p == "--pairs") {
        let out = paths.remove(at + 1);
        paths.remove(at);
        let streams: Vec<Stream> = paths.iter().map(|p| load(p)).collect();
        let mut text = String::new();
        for stream in &streams {
            for half in 0..2 {
                dump_pairs(stream, half, &mut text);
            }
        }
        std::fs::write(out, text).unwrap();
        return;
    }
    if let Some(at) = paths.iter().position(|p| p == "--model") {
        let file = paths.remove(at + 1);
        paths.remove(at);
        let text = std::fs::read_to_string(file).expect("a readable weights file");
        let weights: Vec<f32> = text.split_whitespace().map(|w| w.parse().expect("a number")).collect();
        assert_eq!(weights.len(), 11, "a bias and 10 weights");
        let streams: Vec<Stream> = paths.iter().map(|p| load(p)).collect();
        println!("{}", report(&streams, String::new(), |articles| score_model(articles, &weights)));
        return;
    }
    let streams: Vec<Stream> = paths.iter().map(|p| load(p)).collect();
    let mut settings = vec![Params::default()];
    for (key, values) in &grids {
        settings = settings.into_iter().flat_map(|p| values.iter().map(move |&v| with(p, key, v))).collect();
    }
    if oracle {
        for params in settings {
            println!("{}", describe(&params, &grids));
            for stream in &streams {
                report_oracle(stream, params, errors);
            }
        }
        return;
    }
    for params in settings {
        println!("{}", report(&streams, describe(&params, &grids), |articles| score(articles, params)));
    }
}

/// One line of figures after `line`: for each stream, B-cubed P, R and F1 of the whole stream and
/// F1 of each hash-half alone, as `score` clusters them; then the mean F1 of the halves.
fn report(
    streams: &[Stream],
    mut line: String,
    score: impl Fn(&[(ArticleFeatures, String)]) -> (f64, f64, f64),
) -> String {
    let mut halves = [0.0, 0.0];
    for stream in streams {
        let (p, r, f) = score(&stream.articles);
        let (a, b) = (score(&stream.half(0)).2, score(&stream.half(1)).2);
        halves[0] += a;
        halves[1] += b;
        write!(line, "  {}: P {p:.3} R {r:.3} F {f:.4} (A {a:.4} B {b:.4})", stream.name).unwrap();
    }
    let n = streams.len() as f64;
    write!(line, "  | mean A {:.4} B {:.4}", halves[0] / n, halves[1] / n).unwrap();
    line
}

fn describe(params: &Params, grids: &[(String, Vec<f32>)]) -> String {
    let json = serde_json::to_value(params).unwrap();
    grids.iter().map(|(k, _)| format!("{k}={}", json[k])).collect::<Vec<_>>().join(" ")
}

fn with(params: Params, key: &str, value: f32) -> Params {
    let mut json = serde_json::to_value(params).unwrap();
    let slot = json.get_mut(key).unwrap_or_else(|| panic!("no setting {key}"));
    *slot = if slot.is_u64() { serde_json::json!(value as u64) } else { serde_json::json!(value) };
    serde_json::from_value(json).unwrap()
}

fn load(path: &str) -> Stream {
    let text = std::fs::read_to_string(path).expect("a readable stream");
    let mut gold = HashMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let value: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
        gold.insert(value["id"].as_str().unwrap().to_owned(), value["story"].as_str().unwrap().to_owned());
    }
    let pipeline = newsbrief::Pipeline::default();
    let (articles, diagnostics) = pipeline.read(path, text.as_bytes());
    for d in &diagnostics {
        eprintln!("{d}");
    }
    let started = std::time::Instant::now();
    let articles: Vec<(ArticleFeatures, String, usize)> = articles
        .into_par_iter()
        .map(|article| {
            let analyzed = pipeline.analyze(article);
            let story = gold[analyzed.given_id.as_deref().unwrap()].clone();
            (ArticleFeatures::of(&analyzed), story, half_of(analyzed.given_id.as_deref().unwrap()))
        })
        .collect();
    let halves = articles.iter().map(|a| a.2).collect();
    let articles: Vec<(ArticleFeatures, String)> = articles.into_iter().map(|(f, s, _)| (f, s)).collect();
    let name = std::path::Path::new(path).file_stem().unwrap().to_string_lossy().into_owned();
    let dated = articles.iter().filter(|(f, _)| f.day.is_some()).count();
    eprintln!("{name}: {} articles ({dated} dated) analysed in {:.1?}", articles.len(), started.elapsed());
    Stream { name, articles, halves }
}

fn half_of(story: &str) -> usize {
    (newsbrief::fnv1a(story.as_bytes()) >> 7 & 1) as usize
}

impl Stream {
    /// The articles of one hash-half, in stream order.
    fn half(&self, half: usize) -> Vec<(ArticleFeatures, String)> {
        self.articles.iter().zip(&self.halves).filter(|(_, &h)| h == half).map(|(a, _)| a.clone()).collect()
    }
}

fn score(articles: &[(ArticleFeatures, String)], params: Params) -> (f64, f64, f64) {
    let mut clusterer = Clusterer::new(params);
    let predicted: Vec<u64> = articles.iter().map(|(f, _)| clusterer.assign(f).story).collect();
    let gold: Vec<&str> = articles.iter().map(|(_, s)| s.as_str()).collect();
    bcubed(&gold, &predicted)
}

fn bcubed(gold: &[&str], predicted: &[u64]) -> (f64, f64, f64) {
    let mut pairs: HashMap<(&str, u64), f64> = HashMap::new();
    let mut g: HashMap<&str, f64> = HashMap::new();
    let mut p: HashMap<u64, f64> = HashMap::new();
    for (&a, &b) in gold.iter().zip(predicted) {
        *pairs.entry((a, b)).or_default() += 1.0;
        *g.entry(a).or_default() += 1.0;
        *p.entry(b).or_default() += 1.0;
    }
    let n = gold.len() as f64;
    let precision = pairs.iter().map(|(&(_, b), &c)| c * c / p[&b]).sum::<f64>() / n;
    let recall = pairs.iter().map(|(&(a, _), &c)| c * c / g[a]).sum::<f64>() / n;
    (precision, recall, 2.0 * precision * recall / (precision + recall))
}

/// With the gold stories forced: how the own story's score compares with the best other one.
fn report_oracle(stream: &Stream, params: Params, errors: bool) {
    let mut clusterer = Clusterer::new(params);
    let mut ids: HashMap<&str, u64> = HashMap::new();
    let mut rows: Vec<(Option<f32>, f32)> = Vec::new(); // (own score if the story exists, best other)
    let mut missed = 0;
    for (features, story) in &stream.articles {
        clusterer.observe(features);
        let ranked = clusterer.rank(features);
        let gold = ids.get(story.as_str()).copied();
        let own = gold.map(|g| ranked.iter().find(|r| r.0 == g).map_or(-1.0, |r| r.1));
        if own == Some(-1.0) {
            missed += 1;
        }
        let other = ranked.iter().filter(|r| Some(r.0) != gold).map(|r| r.1).fold(-1.0, f32::max);
        let misled = other >= params.threshold && own.is_none_or(|o| other > o);
        if errors && misled {
            // The other story that wins over the gold one: its gold label, size and score.
            let best = ranked.iter().find(|r| Some(r.0) != gold).expect("a score above the threshold");
            let label = ids.iter().find(|&(_, &id)| id == best.0).map_or("?", |(label, _)| *label);
            let size = clusterer.story(best.0).map_or(0, |p| p.articles);
            let own = own.map_or("new".to_owned(), |o| format!("{o:.3}"));
            let dated = if features.day.is_some() { "dated" } else { "undated" };
            println!("  {story} ({dated}, own {own}) goes to {label} ({size} articles) at {:.3}", best.1);
        }
        rows.push((own, other));
        let id = clusterer.join(gold, features);
        ids.insert(story, id);
    }
    let joins = rows.iter().filter(|r| r.0.is_some()).count();
    println!(
        "{}: {} articles, {joins} join an existing story, {missed} of them not retrieved",
        stream.name,
        rows.len()
    );
    let mut own: Vec<f32> = rows.iter().filter_map(|r| r.0).collect();
    own.sort_by(f32::total_cmp);
    let q = |f: f64| own[((own.len() - 1) as f64 * f) as usize];
    println!("  own score quantiles 5% {:.3} 25% {:.3} 50% {:.3}", q(0.05), q(0.25), q(0.5));
    for t in [0.02f32, 0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4] {
        let split = rows.iter().filter(|r| r.0.is_some_and(|o| o < t && r.1 < t)).count();
        let wrong = rows.iter().filter(|r| r.0.is_some_and(|o| r.1 >= t && r.1 > o)).count();
        let merged = rows.iter().filter(|r| r.0.is_none() && r.1 >= t).count();
        if t > 0.2 {
            continue;
        }
        print!("  t {t:.2}: {split}/{wrong}/{merged}");
    }
    println!();
}

/// The numbers a pairwise model reads of an article and a candidate story: the evidence's parts,
/// then the margin of its similarity over the best other candidate's (the best one's over the
/// second's for the best).
fn pair_features(evidence: &Evidence, margin: f32) -> [f32; 10] {
    let flag = |b: bool| f32::from(u8::from(b));
    [
        evidence.terms,
        evidence.names,
        evidence.time,
        flag(evidence.dated),
        flag(evidence.strangers),
        evidence.cast,
        (evidence.articles.max(1) as f32).ln(),
        evidence.similarity,
        flag(evidence.named),
        margin,
    ]
}

/// The candidates of an article with their pair features.
fn candidates(clusterer: &Clusterer, features: &ArticleFeatures) -> Vec<(u64, [f32; 10])> {
    let ranked = clusterer.rank(features);
    let best = ranked.first().map_or(0.0, |r| r.1);
    let second = ranked.get(1).map_or(0.0, |r| r.1);
    ranked
        .iter()
        .enumerate()
        .filter_map(|(rank, &(id, score))| {
            let margin = if rank == 0 { score - second } else { score - best };
            Some((id, pair_features(&clusterer.evidence(features, id)?, margin)))
        })
        .collect()
}

/// With the gold stories forced, one tab-separated line per article and candidate story: stream,
/// half, article number, whether the candidate is the gold story, the pair features.
fn dump_pairs(stream: &Stream, half: usize, out: &mut String) {
    let mut clusterer = Clusterer::new(Params::default());
    let mut ids: HashMap<&str, u64> = HashMap::new();
    let part = stream.articles.iter().zip(&stream.halves).filter(|(_, &h)| h == half);
    for (i, ((features, story), _)) in part.enumerate() {
        clusterer.observe(features);
        let gold = ids.get(story.as_str()).copied();
        for (id, row) in candidates(&clusterer, features) {
            write!(out, "{}\t{half}\t{i}\t{}", stream.name, u8::from(Some(id) == gold)).unwrap();
            for v in row {
                write!(out, "\t{v}").unwrap();
            }
            out.push('\n');
        }
        ids.insert(story, clusterer.join(gold, features));
    }
}

/// Clusters with a linear model (`weights`: bias, then one weight per pair feature) in place of
/// the threshold: an article joins the candidate of the highest positive score, else starts a
/// story.
fn score_model(articles: &[(ArticleFeatures, String)], weights: &[f32]) -> (f64, f64, f64) {
    let mut clusterer = Clusterer::new(Params::default());
    let mut predicted = Vec::new();
    for (features, _) in articles {
        clusterer.observe(features);
        let score = |row: &[f32; 10]| weights[0] + weights[1..].iter().zip(row).map(|(w, v)| w * v).sum::<f32>();
        let choice = candidates(&clusterer, features)
            .into_iter()
            .map(|(id, row)| (id, score(&row)))
            .filter(|c| c.1 > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        predicted.push(clusterer.join(choice.map(|c| c.0), features));
    }
    let gold: Vec<&str> = articles.iter().map(|(_, s)| s.as_str()).collect();
    bcubed(&gold, &predicted)
}
