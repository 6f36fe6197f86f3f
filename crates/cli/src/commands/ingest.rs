//! `newsbrief ingest`: read articles from files, folders and JSON-lines streams, analyse them (a
//! batch at a time, in parallel) and add them to the store, where each joins a story or starts
//! one, in input order. Every batch is one transaction: what was committed stays committed
//! whatever happens later. JSON-lines inputs (and standard input holding JSON lines) are read a
//! line at a time, so a stream of any length runs in bounded memory.
//!
//! Several workers share one stream with `--shard K/N`: each reads the whole input and keeps the
//! articles whose text hashes to its shard, so that N workers on one (`PostgreSQL`) store take
//! every article once between them, and the same article, wherever it appears, always goes to
//! the same worker. Each worker queues its articles at their places in the stream and records
//! how far it has read; the store clusters the queue in stream order up to the place every
//! worker has passed (`Store::add_shared`), so the stories are those one worker would make.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsbrief::{fnv1a, Article, Diagnostic, Pipeline, Severity, MAX_INPUT_BYTES};
use rayon::prelude::*;
use story_store::{Outcome, Share, Store, STREAM_END};

use crate::output::report;

/// Arguments of `newsbrief ingest`.
#[derive(Debug, clap::Args)]
pub(crate) struct IngestArgs {
    /// Files, folders (read recursively, in sorted order) or `-` for standard input: plain text,
    /// HTML, JSON lines (`{"id", "text"|"html", "published", "title", "url", "outlet"}`, all but
    /// the text optional), a JSON array, or Multi-News.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// The store: an `SQLite` file (created if missing) or a `PostgreSQL` URL
    /// (`postgres://user@host:port/db`, shared by several workers and servers).
    #[arg(long, default_value = "newsbrief.db", value_name = "FILE|URL")]
    pub(crate) db: String,
    /// Take only shard K of N of the input (1 <= K <= N): the articles whose text hashes to it.
    /// N workers given the same inputs (in the same order) and shards 1/N to N/N share them, each
    /// article once, and the stories are those one worker would make of the whole stream: each
    /// worker queues its articles, and whichever commits clusters the queue in stream order as
    /// far as every shard has read. The summary's new/duplicate counts and stories are then of
    /// the articles this worker clustered, of any shard.
    #[arg(long, value_name = "K/N", value_parser = Shard::parse)]
    shard: Option<Shard>,
    /// Articles analysed and committed together.
    #[arg(long, default_value_t = 256, value_parser = crate::positive)]
    batch: usize,
    /// Report each commit on standard error (`committed N articles, through INPUT`).
    #[arg(long)]
    verbose: bool,
}

/// One of N shards of an input: the articles whose text's hash modulo N is `index`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// Parses `K/N` (1-based K).
    fn parse(text: &str) -> Result<Self, String> {
        let (k, n) = text.split_once('/').ok_or("expected K/N, as 2/4")?;
        let k: u64 = k.trim().parse().map_err(|e| format!("K: {e}"))?;
        let n: u64 = n.trim().parse().map_err(|e| format!("N: {e}"))?;
        if n == 0 || k == 0 || k > n {
            return Err(format!("{k}/{n}: K must be between 1 and N"));
        }
        Ok(Self { index: k - 1, count: n })
    }

    /// Whether the article with this text is in the shard.
    fn takes(self, text: &str) -> bool {
        fnv1a(text.as_bytes()) % self.count == self.index
    }

    /// The share of the stream these inputs make, keyed by the inputs as named and the number of
    /// shards: the workers of one shared ingest must be given the same inputs in the same order.
    fn share(self, paths: &[PathBuf]) -> Share {
        let mut key = Vec::new();
        for path in paths {
            key.extend_from_slice(path.as_os_str().as_encoded_bytes());
            key.push(0);
        }
        key.extend_from_slice(self.count.to_string().as_bytes());
        // Kept below 2^63 so that every store reads it back alike.
        Share { stream: fnv1a(&key) >> 1, shard: self.index, shards: self.count }
    }
}

/// What an ingest did, for the summary.
#[derive(Debug, Default)]
struct Tally {
    read: usize,
    other_shards: Option<usize>,
    new: usize,
    duplicate: usize,
    rejected: usize,
    reasons: std::collections::BTreeMap<String, usize>,
    created_ids: std::collections::BTreeSet<u64>,
    extended: std::collections::BTreeSet<u64>,
    /// For a shared stream: its articles still queued, waiting for a shard to read that far.
    waiting: Option<u64>,
}

/// The articles read so far and not yet committed, and what to do with them.
struct Ingest<'a> {
    pipeline: Pipeline,
    store: Store,
    pending: Vec<Article>,
    /// The pending articles' places in the stream (for a shared stream).
    places: Vec<u64>,
    /// The number of articles of the stream read so far, of every shard.
    read_in_stream: u64,
    /// This worker's share of a shared stream.
    share: Option<Share>,
    batch: usize,
    tally: Tally,
    committed: usize,
    verbose: bool,
    shard: Option<Shard>,
    progress: &'a ProgressBar,
}

/// Runs `newsbrief ingest`.
pub(crate) fn run(args: &IngestArgs) -> Result<()> {
    let store = crate::commands::stories::open(&args.db)?;
    let progress = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    progress.set_style(
        ProgressStyle::with_template("{spinner} {pos} articles read, {per_sec} {msg}").expect("a valid template"),
    );
    let mut ingest = Ingest {
        pipeline: Pipeline::default(),
        store,
        pending: Vec::new(),
        places: Vec::new(),
        read_in_stream: 0,
        share: args.shard.map(|shard| shard.share(&args.paths)),
        batch: args.batch,
        tally: Tally { other_shards: args.shard.map(|_| 0), ..Tally::default() },
        committed: 0,
        verbose: args.verbose,
        shard: args.shard,
        progress: &progress,
    };
    let mut stdin_read = false;
    for path in &args.paths {
        if path.as_os_str() == "-" {
            if stdin_read {
                bail!("standard input (-) is named more than once");
            }
            stdin_read = true;
            ingest.read_stream("-", BufReader::new(io::stdin().lock()))?;
            continue;
        }
        let metadata = std::fs::metadata(path)
            .with_context(|| format!("{}: no such file or folder, or it cannot be read", path.display()))?;
        if metadata.is_dir() {
            let mut files = Vec::new();
            let mut diagnostics = Vec::new();
            crate::input::walk(path, &mut files, &mut diagnostics);
            if files.is_empty() {
                diagnostics.push(Diagnostic::error(&path.display().to_string(), "the folder holds no files"));
            }
            ingest.reject(&diagnostics);
            for file in files {
                ingest.read_file(&file)?;
            }
        } else {
            ingest.read_file(path)?;
        }
    }
    ingest.commit(true)?;
    progress.finish_and_clear();
    let tally = &ingest.tally;
    crate::output::write_output(None, |out| summarize(tally, out))?;
    if tally.read == 0 && tally.rejected > 0 {
        bail!("no article could be read from the input");
    }
    Ok(())
}

impl Ingest<'_> {
    /// Reads one file: JSON lines a line at a time, anything else whole.
    fn read_file(&mut self, path: &Path) -> Result<()> {
        let name = path.display().to_string();
        let lines =
            path.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
        if lines {
            return match File::open(path) {
                Ok(file) => self.read_stream(&name, BufReader::new(file)),
                Err(err) => {
                    self.reject(&[Diagnostic::error(&name, format!("cannot read the file: {err}"))]);
                    Ok(())
                }
            };
        }
        let bytes = match std::fs::metadata(path) {
            Ok(metadata) if metadata.len() > MAX_INPUT_BYTES => {
                let message = format!(
                    "the file is {} MB, more than the {} MB limit",
                    metadata.len() >> 20,
                    MAX_INPUT_BYTES >> 20
                );
                self.reject(&[Diagnostic::error(&name, message)]);
                return Ok(());
            }
            _ => match std::fs::read(path) {
                Ok(bytes) => bytes,
                Err(err) => {
                    self.reject(&[Diagnostic::error(&name, format!("cannot read the file: {err}"))]);
                    return Ok(());
                }
            },
        };
        self.read_whole(&name, &bytes)
    }

    /// Reads a whole input's bytes (any format the pipeline reads).
    fn read_whole(&mut self, name: &str, bytes: &[u8]) -> Result<()> {
        let (articles, diagnostics) = self.pipeline.read(name, bytes);
        self.reject(&diagnostics);
        for article in articles {
            self.push(article)?;
        }
        Ok(())
    }

    /// Reads a stream: a line at a time when it holds JSON lines (its first non-blank byte is
    /// `{`), whole otherwise.
    fn read_stream(&mut self, name: &str, mut reader: impl BufRead) -> Result<()> {
        let first = loop {
            let buffer = reader.fill_buf().with_context(|| format!("{name}: cannot read"))?;
            match buffer.iter().position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF)) {
                Some(at) => break Some(buffer[at]),
                None if buffer.is_empty() => break None,
                None => {
                    let len = buffer.len();
                    reader.consume(len);
                }
            }
        };
        if first != Some(b'{') {
            let mut bytes = Vec::new();
            reader.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes).with_context(|| format!("{name}: cannot read"))?;
            return self.read_whole(name, &bytes);
        }
        let mut line = Vec::new();
        let mut number = 0;
        loop {
            line.clear();
            let read = reader.read_until(b'\n', &mut line).with_context(|| format!("{name}: cannot read"))?;
            if read == 0 {
                return Ok(());
            }
            number += 1;
            let bytes = if number == 1 { line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&line) } else { &line };
            let Ok(text) = std::str::from_utf8(bytes) else {
                self.reject(&[Diagnostic::error(name, "the line is not valid UTF-8").at_line(number)]);
                continue;
            };
            match newsbrief::read_json_line(name, number, text) {
                Ok(Some(raw)) => match newsbrief::prepare(raw) {
                    Ok(article) => self.push(article)?,
                    Err(diagnostic) => self.reject(&[diagnostic]),
                },
                Ok(None) => {}
                Err(diagnostic) => self.reject(&[diagnostic]),
            }
        }
    }

    /// Reports problems; errors count as rejected inputs, by reason.
    fn reject(&mut self, diagnostics: &[Diagnostic]) {
        if diagnostics.is_empty() {
            return;
        }
        self.progress.suspend(|| report(diagnostics));
        for diagnostic in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
            self.tally.rejected += 1;
            let reason = diagnostic.message.split(':').next().unwrap_or_default().to_owned();
            *self.tally.reasons.entry(reason).or_default() += 1;
        }
    }

    fn push(&mut self, article: Article) -> Result<()> {
        let place = self.read_in_stream;
        self.read_in_stream += 1;
        if let (Some(shard), Some(others)) = (self.shard, self.tally.other_shards.as_mut()) {
            if !shard.takes(&article.text) {
                *others += 1;
                return Ok(());
            }
        }
        self.tally.read += 1;
        self.progress.inc(1);
        self.pending.push(article);
        self.places.push(place);
        if self.pending.len() >= self.batch {
            self.commit(false)?;
        }
        Ok(())
    }

    /// Analyses the pending articles in parallel and adds them to the store in input order; on
    /// a shared stream, queues them at their places and records how far this worker has read
    /// (to the end when `end`), clustering what every worker has passed.
    fn commit(&mut self, end: bool) -> Result<()> {
        if self.pending.is_empty() && !(end && self.share.is_some()) {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        let places = std::mem::take(&mut self.places);
        let last_input = pending.last().map(|a| a.input.clone()).unwrap_or_default();
        let analyzed: Vec<_> = pending.into_par_iter().map(|article| self.pipeline.analyze(article)).collect();
        let read = analyzed.len();
        let outcomes = if let Some(share) = self.share {
            let passed = if end { STREAM_END } else { self.read_in_stream };
            let placed: Vec<_> = places.into_iter().zip(analyzed).collect();
            let batch =
                self.store.add_shared(share, &placed, passed).context("cannot add the articles to the store")?;
            self.tally.waiting = Some(batch.waiting);
            batch.clustered
        } else {
            self.store.add(&analyzed).context("cannot add the articles to the store")?
        };
        self.committed += read;
        for outcome in outcomes {
            match outcome {
                Outcome::Added { story, created: true } => {
                    self.tally.new += 1;
                    self.tally.created_ids.insert(story);
                }
                Outcome::Added { story, created: false } => {
                    self.tally.new += 1;
                    self.tally.extended.insert(story);
                }
                Outcome::Duplicate => self.tally.duplicate += 1,
            }
        }
        if self.verbose {
            let committed = self.committed;
            self.progress.suspend(|| eprintln!("newsbrief: committed {committed} articles, through {last_input}"));
        }
        Ok(())
    }
}

/// Writes what was read, stored and rejected, and how the stories changed.
fn summarize(tally: &Tally, out: &mut dyn std::io::Write) -> Result<()> {
    let reasons: Vec<String> = tally.reasons.iter().map(|(reason, n)| format!("{n} {reason}")).collect();
    let extended = tally.extended.difference(&tally.created_ids).count();
    writeln!(out, "articles read: {}", tally.read)?;
    writeln!(out, "new: {}", tally.new)?;
    writeln!(out, "duplicate: {}", tally.duplicate)?;
    if reasons.is_empty() {
        writeln!(out, "rejected: {}", tally.rejected)?;
    } else {
        writeln!(out, "rejected: {} ({})", tally.rejected, reasons.join("; "))?;
    }
    writeln!(out, "stories created: {}", tally.created_ids.len())?;
    writeln!(out, "stories extended: {extended}")?;
    if let Some(others) = tally.other_shards {
        writeln!(out, "left to other shards: {others}")?;
    }
    if let Some(waiting) = tally.waiting {
        writeln!(out, "queued until every shard has read that far: {waiting}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_parsed_and_share_articles_out_evenly_each_to_one() {
        assert_eq!(Shard::parse("2/4"), Ok(Shard { index: 1, count: 4 }));
        for bad in ["0/4", "5/4", "1/0", "1", "a/b", ""] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
        let shards: Vec<Shard> = (1..=4).map(|k| Shard::parse(&format!("{k}/4")).unwrap()).collect();
        let mut sizes = [0; 4];
        for i in 0..4000 {
            let text = format!("Report number {i} of the day.");
            let takers: Vec<usize> = (0..4).filter(|&s| shards[s].takes(&text)).collect();
            assert_eq!(takers.len(), 1, "{text}");
            sizes[takers[0]] += 1;
        }
        assert!(sizes.iter().all(|&n| (900..=1100).contains(&n)), "{sizes:?}");
        // The hash is FNV-1a's, fixed: workers built apart agree.
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
