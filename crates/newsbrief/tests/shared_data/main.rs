//! Tests on the development data in `../shared/data` (third-party, not shipped): each test
//! skips with a message when the data is absent, and fails when the environment variable `CI`
//! is `true`.

mod golden_rules;
mod multinews;
mod polnear;
mod timebank;

use std::path::PathBuf;

/// The path of a file under `../shared/data`, or `None` (with a message) when it is absent.
///
/// # Panics
///
/// When it is absent and `CI=true`: continuous integration must run every test.
pub(crate) fn shared_data(relative: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(relative);
    if path.exists() {
        Some(path)
    } else {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{} is absent and CI=true", path.display());
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}
