//! The word lists and the word cleaning of `../shared/tools/score_quotes.py`, ported once: for
//! the port of the scorer in the `polnear` test, and for the `train_speakers` example, which
//! includes this file by its path.

/// Words the scorer takes for pronouns (its `PRONOUNS`).
pub(crate) const PRONOUNS: &[&str] = &[
    "he", "she", "they", "we", "i", "you", "it", "him", "her", "them", "us", "me", "one", "both", "who", "whom",
    "which", "that", "this", "these", "those", "others", "some", "many", "most", "all", "several", "few", "each",
    "either", "neither",
];

/// Titles and determiners the scorer never takes for a name; with the pronouns, its `NOT_NAMES`.
const TITLES: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "president",
    "vice",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "secretary",
    "gen",
    "general",
    "judge",
    "justice",
    "mayor",
    "chairman",
    "chairwoman",
    "chair",
    "speaker",
    "leader",
    "minister",
    "ambassador",
    "director",
    "chief",
    "pope",
    "lt",
    "col",
    "sgt",
    "capt",
    "candidate",
    "nominee",
    "attorney",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "rev",
    "sir",
    "lady",
    "lord",
    "first",
    "former",
    "then",
];

/// Words the scorer drops from the end of a head (its `TRAILING`).
const TRAILING: &[&str] = &[
    "jr",
    "sr",
    "ii",
    "iii",
    "iv",
    "himself",
    "herself",
    "themselves",
    "itself",
    "myself",
    "ourselves",
    "yourself",
    "also",
    "too",
    "alone",
];

/// True for a word the scorer never takes for a name (its `NOT_NAMES`), in any case.
pub(crate) fn is_not_name(word: &str) -> bool {
    let word = word.to_lowercase();
    PRONOUNS.contains(&word.as_str()) || TITLES.contains(&word.as_str())
}

/// True for a word the scorer drops from the end of a head ("Jr.", "himself"), in any case.
pub(crate) fn is_trailing(word: &str) -> bool {
    TRAILING.contains(&word.to_lowercase().as_str())
}

/// A word without the scorer's surrounding punctuation and a possessive ending (its `clean_word`).
pub(crate) fn clean_word(word: &str) -> String {
    let trimmed = word.trim_matches(|c: char| "\"'\u{201c}\u{201d}\u{2018}\u{2019}()[]{}.,;:!?*".contains(c));
    let trimmed = trimmed.strip_suffix("'s").or_else(|| trimmed.strip_suffix("\u{2019}s")).unwrap_or(trimmed);
    trimmed.trim_end_matches(['\'', '\u{2019}']).to_owned()
}
