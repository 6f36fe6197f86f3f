//! Prints each input's cleaned text and metadata, to inspect the cleaning rules.
//!
//! `cargo run --example clean -- FILE...`

// An example reports on standard output.
#![allow(clippy::print_stdout)]

fn main() {
    let pipeline = newsbrief::Pipeline::default();
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(err) => {
                eprintln!("{path}: {err}");
                continue;
            }
        };
        let (articles, diagnostics) = pipeline.read(&path, &bytes);
        for diagnostic in diagnostics {
            eprintln!("{diagnostic}");
        }
        for article in articles {
            println!("===== {}\n{:?}\n-----\n{}\n", article.input, article.meta, article.text);
        }
    }
}
