//! Tests on the development data in `../shared/data` (third-party, not shipped): each test
//! skips with a message when the data is absent, and fails when it is absent under `CI=true`.

mod extraction;
mod golden_rules;
mod multinews;
mod ner;
mod polnear;
mod polnear_words;
mod timebank;
mod tls;

use std::path::PathBuf;

/// The path of a file under `../shared/data`, or `None` (with a message) when it is absent.
///
/// # Panics
///
/// When it is absent and the environment variable `CI` is `true`: CI must run these tests.
pub(crate) fn shared_data(relative: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(relative);
    if path.exists() {
        Some(path)
    } else if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!("{} is absent, and CI=true requires the shared data", path.display());
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}
