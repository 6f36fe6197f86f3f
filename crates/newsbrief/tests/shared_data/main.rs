//! Tests on the development data in `../shared/data` (third-party, not shipped): each test
//! skips with a message when the data is absent.

mod extraction;
mod golden_rules;
mod multinews;
mod timebank;

use std::path::PathBuf;

/// The path of a file under `../shared/data`, or `None` (with a message) when it is absent.
pub(crate) fn shared_data(relative: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data").join(relative);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}
