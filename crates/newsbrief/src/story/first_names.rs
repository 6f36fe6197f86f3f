//! The gender a first name usually has in news: a table learned from unlabeled news text (how
//! often "he" or "she" follows a sentence naming one person alone, by the first word of the
//! name), shipped as `models/first-names.txt` and rebuilt by `cargo run --release -p newsbrief
//! --example train_first_names`. A speaker's pronoun uses it only for a name its own article
//! gives no evidence on.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::lexicon::Gender;

/// The shipped table: `name male female` lines, `#` comments.
static SHIPPED_TEXT: &str = include_str!("../../models/first-names.txt");

/// The shipped table, read once.
static SHIPPED: LazyLock<FxHashMap<String, (u32, u32)>> = LazyLock::new(|| parse(SHIPPED_TEXT));

/// Fewest votes a name needs before its usual gender is trusted.
const MIN_VOTES: u32 = 5;

/// Share of its votes the usual gender must hold.
const MIN_SHARE: f64 = 0.9;

/// Reads `name male female` lines; lines that do not parse are skipped.
fn parse(text: &str) -> FxHashMap<String, (u32, u32)> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let name = fields.next()?;
            let male = fields.next()?.parse().ok()?;
            let female = fields.next()?.parse().ok()?;
            Some((name.to_owned(), (male, female)))
        })
        .collect()
}

/// The gender of `first` (a first name as written, any case) by the votes `table` holds, when
/// there are enough of them and they agree.
fn gender_in(table: &FxHashMap<String, (u32, u32)>, first: &str) -> Option<Gender> {
    let &(male, female) = table.get(&first.to_lowercase())?;
    let total = male + female;
    if total < MIN_VOTES {
        return None;
    }
    if f64::from(male) >= MIN_SHARE * f64::from(total) {
        Some(Gender::Male)
    } else if f64::from(female) >= MIN_SHARE * f64::from(total) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender the shipped table gives the first name `first`, if it tells.
pub(crate) fn usual_gender(first: &str) -> Option<Gender> {
    gender_in(&SHIPPED, first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_needs_enough_votes_that_agree() {
        let table = parse("# a comment\nann 0 9\nbob 12 1\nsam 4 4\nkim 0 2\nbad line\n");
        assert_eq!(gender_in(&table, "Ann"), Some(Gender::Female));
        assert_eq!(gender_in(&table, "BOB"), Some(Gender::Male));
        assert_eq!(gender_in(&table, "Sam"), None, "votes split");
        assert_eq!(gender_in(&table, "Kim"), None, "too few votes");
        assert_eq!(gender_in(&table, "Zed"), None, "unknown");
    }

    #[test]
    fn shipped_table_loads_and_tells_common_names() {
        assert!(SHIPPED.len() > 100, "models/first-names.txt holds {} names", SHIPPED.len());
        assert_eq!(usual_gender("John"), Some(Gender::Male));
        assert_eq!(usual_gender("Mary"), Some(Gender::Female));
    }
}
