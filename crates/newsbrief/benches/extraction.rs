//! Criterion benchmarks of article extraction from web pages: `extract_page` as a whole (the
//! page read, rs-trafilatura, the page's links and classes, `dom_smoothie`'s second opinion, the
//! boilerplate classifier), and the two extractors alone for comparison — on the 90 development
//! pages of the article-extraction benchmark when `../shared` is present, else on one small
//! page.
//!
//! `cargo bench -p newsbrief --bench extraction`. Each bench checks its result, so that a broken
//! stage cannot bench fast.

// criterion's macros generate undocumented public functions.
#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const PAGE: &str = r#"<!doctype html><html lang="en"><head><title>Talks resume</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks resume</h1>
<p>The ministers agreed in Geneva on Friday to resume the arms talks next month, officials said, after a long
dinner that ran late into the night at the lakeside hotel where both delegations stayed.</p>
<p>The talks had been frozen since the war last summer, and both sides said they hoped to reach a new treaty
on strategic weapons before the old one expires in December of this year.</p></article>
<ul><li><a href="/a">Storm closes the harbour for a second day</a></li><li><a href="/b">Council votes to rebuild the bridge</a></li></ul>
<footer>Copyright Daily Example. All rights reserved.</footer></body></html>"#;

/// The pages to extract, gzip-compressed as the benchmark ships them or plain: the development
/// pages when present, else the small page above.
fn pages() -> (String, Vec<(String, Vec<u8>)>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/extraction/html");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("skipped the development pages: {dir} is absent");
        return ("extraction-example".to_owned(), vec![("page.html".to_owned(), PAGE.as_bytes().to_vec())]);
    };
    let mut pages: Vec<(String, Vec<u8>)> = entries
        .map(|e| {
            let path = e.expect("a readable folder").path();
            let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
            (name, std::fs::read(&path).expect("a readable page"))
        })
        .collect();
    pages.sort();
    ("extraction-dev-90".to_owned(), pages)
}

fn extraction(c: &mut Criterion) {
    let (name, pages) = pages();
    let texts: Vec<String> =
        pages.iter().map(|(name, bytes)| newsbrief::read_text(name, bytes).expect("readable pages").0).collect();
    let bytes: u64 = texts.iter().map(|t| t.len() as u64).sum();
    let mut group = c.benchmark_group(&name);
    group.throughput(Throughput::Bytes(bytes));
    group.sample_size(10);
    group.bench_function("extract_page", |b| {
        b.iter(|| {
            let words: usize = pages
                .iter()
                .filter_map(|(name, bytes)| newsbrief::extract_page(name, black_box(bytes)).ok())
                .map(|page| newsbrief::word_count(&page.text))
                .sum();
            assert!(words >= 40 * pages.len());
        });
    });
    let options = rs_trafilatura::Options {
        page_type: Some(rs_trafilatura::page_type::PageType::Article),
        ..rs_trafilatura::Options::default()
    };
    group.bench_function("rs-trafilatura alone", |b| {
        b.iter(|| {
            let chars: usize = texts
                .iter()
                .filter_map(|t| rs_trafilatura::extract_with_options(black_box(t), &options).ok())
                .map(|r| r.content_text.len())
                .sum();
            assert!(chars >= 200 * texts.len());
        });
    });
    group.bench_function("dom_smoothie alone", |b| {
        b.iter(|| {
            let chars: usize = texts
                .iter()
                .filter_map(|t| dom_smoothie::Readability::new(black_box(t.as_str()), None, None).ok()?.parse().ok())
                .map(|a| a.text_content.len())
                .sum();
            assert!(chars >= 200 * texts.len());
        });
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
