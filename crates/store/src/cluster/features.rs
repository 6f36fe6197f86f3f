//! What the clustering reads of an article: its publication day, its content terms and the words
//! of the names it mentions, each with a count, computed from the article's analysis alone.

use chrono::{Datelike, NaiveDate};
use newsbrief::AnalyzedArticle;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// The features of one article, as the clusterer compares them with stories.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleFeatures {
    /// The publication day, as days since the first of January of year 1 (CE), if known.
    pub day: Option<i32>,
    /// Content terms (stemmed, stopwords dropped; stable ids) and how often each occurs, sorted
    /// by id.
    pub terms: Vec<(u64, f32)>,
    /// The words of the names of people, organisations and places it mentions, folded to
    /// lowercase letters and digits, as stable ids, with their counts, sorted by id.
    pub names: Vec<(u64, f32)>,
}

impl ArticleFeatures {
    /// The features of an analysed article.
    pub fn of(article: &AnalyzedArticle) -> Self {
        let mut terms: FxHashMap<u64, f32> = FxHashMap::default();
        for sentence in &article.sentences {
            for &term in &sentence.terms {
                *terms.entry(term).or_default() += 1.0;
            }
        }
        let mut names: FxHashMap<u64, f32> = FxHashMap::default();
        for mention in &article.entities {
            let Some(name) = article.text.get(mention.start..mention.end) else { continue };
            for word in name.split(|c: char| !c.is_alphanumeric()) {
                let folded: String = word.chars().flat_map(char::to_lowercase).collect();
                if folded.chars().nth(1).is_some() {
                    *names.entry(name_id(&folded)).or_default() += 1.0;
                }
            }
        }
        Self { day: article.meta.published.map(day_number), terms: sorted(terms), names: sorted(names) }
    }
}

/// A day as a number of days (since the first of January of year 1).
pub fn day_number(day: NaiveDate) -> i32 {
    day.num_days_from_ce()
}

/// The day of a day number, if it is one.
pub fn day_of(number: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(number)
}

/// A stable id of a folded name word (FNV-1a, salted so that it never equals a content term's id
/// by design: both spaces are kept apart anyway).
fn name_id(folded: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325 ^ 0x6e61_6d65; // "name"
    for byte in folded.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

fn sorted(counts: FxHashMap<u64, f32>) -> Vec<(u64, f32)> {
    let mut list: Vec<(u64, f32)> = counts.into_iter().collect();
    list.sort_unstable_by_key(|&(id, _)| id);
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn analyzed(text: &str, published: Option<&str>) -> AnalyzedArticle {
        let meta = newsbrief::Metadata { published: published.map(|d| d.parse().unwrap()), ..Default::default() };
        let article = newsbrief::Article { input: "a.txt".into(), given_id: None, text: text.into(), meta };
        newsbrief::analyze(article, newsbrief::Depth::Full)
    }

    #[test]
    fn counts_terms_and_name_words_sorted_by_id() {
        let features = analyze_one();
        assert_eq!(features.day, Some(day_number("2010-01-13".parse().unwrap())));
        assert!(features.terms.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(features.names.windows(2).all(|w| w[0].0 < w[1].0));
        // "quake" occurs twice; the names give the words "port", "lune", "veller".
        assert!(features.terms.iter().any(|&(_, count)| (count - 2.0).abs() < f32::EPSILON));
        assert!(features.names.contains(&(name_id("lune"), 1.0)), "{:?}", features.names);
        for word in ["port", "lune", "veller"] {
            assert!(features.names.iter().any(|n| n.0 == name_id(word)), "{word}: {:?}", features.names);
        }
        assert!(!features.names.iter().any(|n| n.0 == name_id("quake")));
    }

    fn analyze_one() -> ArticleFeatures {
        ArticleFeatures::of(&analyzed(
            "A strong quake struck near Port-de-Lune on Tuesday. President Ada Veller said the quake \
             destroyed the palace. Veller spoke on radio.",
            Some("2010-01-13"),
        ))
    }

    #[test]
    fn day_numbers_round_trip() {
        let day: NaiveDate = "2009-03-06".parse().unwrap();
        assert_eq!(day_of(day_number(day)), Some(day));
    }
}
