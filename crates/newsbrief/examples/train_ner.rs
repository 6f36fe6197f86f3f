//! Trains the named-entity model that newsbrief ships (`crates/newsbrief/models/ner-conll2003.bin`)
//! from the CoNLL-2003 English data and unlabeled news text in `../shared/data`, and reports its
//! exact span+type F1 on the development set (`dev.txt`, eng.testa) after every epoch: on the whole
//! set and on its two halves (documents split by a hash of their id; hyperparameters were tuned on
//! half 0 only).
//!
//! `cargo run --release -p newsbrief --example train_ner` (from the repository root, with
//! `../shared` beside it) rebuilds the shipped model; the run is deterministic. Options for
//! experiments (the defaults are those of the shipped model): `--shared DIR` (default
//! `../shared/data`), `--output PATH` (`-` for none), `--epochs N`, `--seed N`,
//! `--scheme bio|bilou`, `--no-clusters`, `--no-gazetteer`, `--one-stage`, `--folds N`,
//! `--no-doc-case`, `--narrow`, `--runs N`, `--prune X`, `--title-case P`, `--min-word-count N`,
//! `--cluster-sizes 1024,256,64`, `--cluster-min N`, `--cluster-iterations N`,
//! `--clusters-cache PATH` (read clusters from PATH if it exists, else learn and write them
//! there), `--shipped-clusters` (take the clusters of the model this build embeds instead of
//! learning them: with the other defaults, this gives the shipped file byte for byte).

// An example reports on standard output.
#![allow(clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use newsbrief::ner_training::{
    dev_half, evaluate, learn_clusters, parse_conll, title_case_headlines, train, ClusterOptions, Clusters,
    ConllDocument, Counts, Recognizer, Scheme, TrainOptions,
};

struct Args {
    shared: PathBuf,
    output: Option<PathBuf>,
    clusters: bool,
    cluster_options: ClusterOptions,
    clusters_cache: Option<PathBuf>,
    shipped_clusters: bool,
    train: TrainOptions,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        shared: PathBuf::from("../shared/data"),
        output: Some(PathBuf::from("crates/newsbrief/models/ner-conll2003.bin")),
        clusters: true,
        cluster_options: ClusterOptions::default(),
        clusters_cache: None,
        shipped_clusters: false,
        train: TrainOptions::default(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--shared" => args.shared = PathBuf::from(value()?),
            "--output" => args.output = Some(value()?).filter(|v| v != "-").map(PathBuf::from),
            "--epochs" => args.train.epochs = value()?.parse().map_err(|e| format!("--epochs: {e}"))?,
            "--seed" => args.train.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--title-case" => args.train.title_case = value()?.parse().map_err(|e| format!("--title-case: {e}"))?,
            "--min-word-count" => {
                args.train.min_word_count = value()?.parse().map_err(|e| format!("--min-word-count: {e}"))?;
            }
            "--runs" => args.train.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--prune" => args.train.prune = value()?.parse().map_err(|e| format!("--prune: {e}"))?,
            "--scheme" => {
                args.train.scheme = match value()?.as_str() {
                    "bio" => Scheme::Bio,
                    "bilou" => Scheme::Bilou,
                    other => return Err(format!("--scheme {other}: expected bio or bilou")),
                }
            }
            "--no-clusters" => args.clusters = false,
            "--no-gazetteer" => args.train.gazetteer = false,
            "--one-stage" => args.train.two_stage = false,
            "--folds" => args.train.folds = value()?.parse().map_err(|e| format!("--folds: {e}"))?,
            "--no-doc-case" => args.train.doc_case = false,
            "--narrow" => args.train.wide_window = false,
            "--cluster-sizes" => {
                args.cluster_options.sizes = value()?
                    .split(',')
                    .map(str::parse)
                    .collect::<Result<_, _>>()
                    .map_err(|e| format!("--cluster-sizes: {e}"))?;
            }
            "--cluster-min" => {
                args.cluster_options.min_count = value()?.parse().map_err(|e| format!("--cluster-min: {e}"))?;
            }
            "--cluster-iterations" => {
                args.cluster_options.iterations = value()?.parse().map_err(|e| format!("--cluster-iterations: {e}"))?;
            }
            "--clusters-cache" => args.clusters_cache = Some(PathBuf::from(value()?)),
            "--shipped-clusters" => args.shipped_clusters = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Unlabeled news text from `../shared/data`: the story streams (Multi-News, ECB+, Timeline17
/// articles), the `PolNeAR` articles, and the CoNLL training text itself (without its labels).
fn unlabeled_texts(shared: &Path, train: &[ConllDocument]) -> Result<Vec<String>, String> {
    let mut texts = Vec::new();
    for stream in ["multinews-dev.jsonl", "ecbplus.jsonl", "t17-dev.jsonl"] {
        let data = read(&shared.join("stories").join(stream))?;
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let article: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{stream}: {e}"))?;
            for field in ["title", "text"] {
                if let Some(text) = article[field].as_str() {
                    texts.push(text.to_owned());
                }
            }
        }
    }
    for split in ["train", "dev"] {
        let folder = shared.join("quotes/polnear").join(split);
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)
            .map_err(|e| format!("{}: {e}", folder.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            texts.push(read(&path)?);
        }
    }
    texts.extend(train.iter().map(ConllDocument::text));
    Ok(texts)
}

fn clusters(args: &Args, train: &[ConllDocument]) -> Result<Clusters, String> {
    if !args.clusters {
        return Ok(Clusters::default());
    }
    if args.shipped_clusters {
        let clusters = Recognizer::shipped().clusters().clone();
        eprintln!("clusters of the shipped model: {} words", clusters.len());
        return Ok(clusters);
    }
    if let Some(cache) = args.clusters_cache.as_deref().filter(|c| c.exists()) {
        eprintln!("clusters read from {}", cache.display());
        return Ok(Clusters::from_text(&read(cache)?));
    }
    let started = Instant::now();
    let texts = unlabeled_texts(&args.shared, train)?;
    let bytes: usize = texts.iter().map(String::len).sum();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let clusters = learn_clusters(&refs, &args.cluster_options);
    eprintln!(
        "clusters: {} words from {} texts ({:.1} MB) in {:.1} s",
        clusters.len(),
        texts.len(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    if let Some(cache) = &args.clusters_cache {
        std::fs::write(cache, clusters.to_text()).map_err(|e| format!("{}: {e}", cache.display()))?;
    }
    Ok(clusters)
}

fn line(name: &str, counts: Counts) -> String {
    let (p, r, f) = counts.scores();
    format!("{name} F1 {f:.4} (P {p:.4} R {r:.4})")
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let train_docs = parse_conll(&read(&args.shared.join("ner/conll2003/train.txt"))?);
    let dev_docs = parse_conll(&read(&args.shared.join("ner/conll2003/dev.txt"))?);
    eprintln!("train: {} documents; dev: {} documents", train_docs.len(), dev_docs.len());
    let clusters = clusters(&args, &train_docs)?;
    // The development set with its capitals headlines in headline style: how well names are
    // found in headlines written as the web writes them.
    let titled_docs: Vec<ConllDocument> = dev_docs.iter().map(|d| title_case_headlines(d, |_| true)).collect();
    let started = Instant::now();
    let model = train(&train_docs, &clusters, &args.train, |epoch, model| {
        let mut halves = [Counts::default(); 2];
        let mut titled = Counts::default();
        for (n, (doc, titled_doc)) in dev_docs.iter().zip(&titled_docs).enumerate() {
            let half = dev_half(&format!("d{:04}", n + 1));
            halves[half] = halves[half] + evaluate(model, doc);
            if half == 0 {
                titled = titled + evaluate(model, titled_doc);
            }
        }
        println!(
            "epoch {epoch:2} ({:.0} s): dev {}; half 0 {}; half 1 {}; half 0 with headline style {}",
            started.elapsed().as_secs_f64(),
            line("all", halves[0] + halves[1]),
            line("", halves[0]),
            line("", halves[1]),
            line("", titled),
        );
    });
    let bytes = model.to_bytes();
    println!("model: {} features, {} bytes", model.feature_count(), bytes.len());
    if let Some(output) = &args.output {
        std::fs::write(output, &bytes).map_err(|e| format!("{}: {e}", output.display()))?;
        println!("wrote {}", output.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("train_ner: {err}");
            ExitCode::FAILURE
        }
    }
}
