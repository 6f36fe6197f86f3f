//! Reports about another story: a link that pointed elsewhere, a wrong page archived, a page of
//! site boilerplate. A report that shares almost nothing with every other one is set aside when
//! the others, without it, do belong together (three reports or more), or when it is a scrap
//! beside the longest report (under a third of its words, and under a few paragraphs): a page's
//! remnant ("Add a location to your Tweets") is no story of its own. Two long reports that share
//! nothing are both kept: there is no telling which one strays.

use rustc_hash::FxHashMap;

use crate::analysis::AnalyzedArticle;
use crate::summarize::features::{dot, normalised};

/// Cosine (tf-idf over the reports) below which two reports share no story.
const UNRELATED: f32 = 0.07;

/// A report unrelated to the others with fewer than the longest report's words divided by this,
/// and fewer than [`SCRAP_WORDS`], is a scrap of a page, not a story.
const SCRAP_RATIO: usize = 3;

/// The fewest words of a report that may tell a story of its own beside a longer one: a short
/// news item runs to a few paragraphs, a page's notice to one.
const SCRAP_WORDS: usize = 120;

/// For each article, whether it is about another story than the rest.
pub(crate) fn off_topic(articles: &[&AnalyzedArticle]) -> Vec<bool> {
    let n = articles.len();
    if n < 2 {
        return vec![false; n];
    }
    // Each article's content terms, as ids local to this call.
    let mut ids: FxHashMap<u64, u32> = FxHashMap::default();
    let counts: Vec<FxHashMap<u32, f32>> = articles
        .iter()
        .map(|article| {
            let mut counts = FxHashMap::default();
            for &term in article.sentences.iter().flat_map(|s| &s.terms) {
                let next = u32::try_from(ids.len()).expect("fewer than 2^32 terms");
                let id = *ids.entry(term).or_insert(next);
                *counts.entry(id).or_insert(0.0) += 1.0;
            }
            counts
        })
        .collect();
    let mut document_frequency = vec![0f32; ids.len()];
    for c in &counts {
        for &t in c.keys() {
            document_frequency[t as usize] += 1.0;
        }
    }
    let vectors: Vec<Vec<(u32, f32)>> = counts
        .iter()
        .map(|c| {
            let mut v: Vec<(u32, f32)> = c
                .iter()
                .map(|(&t, &tf)| (t, tf.sqrt() * (1.0 + (n as f32 / document_frequency[t as usize]).ln())))
                .collect();
            v.sort_unstable_by_key(|&(t, _)| t);
            normalised(v)
        })
        .collect();
    let closest: Vec<f32> =
        (0..n).map(|i| (0..n).filter(|&j| j != i).map(|j| dot(&vectors[i], &vectors[j])).fold(0.0, f32::max)).collect();
    let longest = (0..n).max_by_key(|&i| (articles[i].words, std::cmp::Reverse(i))).expect("two reports or more");
    (0..n)
        .map(|i| {
            // Stray only if the others, without it, still form a story, or if it is a scrap.
            let others_belong = n >= 3 && (0..n).filter(|&j| j != i).any(|j| closest[j] >= UNRELATED);
            let scrap = i != longest
                && articles[i].words < SCRAP_WORDS
                && articles[i].words * SCRAP_RATIO < articles[longest].words;
            closest[i] < UNRELATED && (others_belong || scrap)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_aside_the_report_about_something_else() {
        let story: Vec<AnalyzedArticle> = [
            "The ministers agreed in Geneva to resume arms talks next month, officials said.",
            "Arms talks between the ministers will resume in Geneva next month.",
            "Starting in 1996, Alexa Internet has been donating crawl data to the Internet Archive.",
        ]
        .iter()
        .map(|t| crate::analysis::tests_support::summary(t))
        .collect();
        let all: Vec<&AnalyzedArticle> = story.iter().collect();
        assert_eq!(off_topic(&all), [false, false, true]);
        assert_eq!(off_topic(&all[..2]), [false, false]);
        assert_eq!(off_topic(&[all[0], all[1], all[1]]), [false, false, false]);
    }

    #[test]
    fn sets_aside_a_scrap_of_a_page_beside_a_longer_report() {
        let report = "The ministers agreed in Geneva to resume arms talks next month, officials said. \
                      Arms talks between the ministers broke down in March over missile numbers. \
                      Both delegations will bring new proposals, a spokesman for the talks said.";
        let scrap = "Add a location to your Tweets.";
        let other = "Storms flooded coastal towns on Sunday and thousands of homes lost power overnight. \
                     Rescue crews used boats to reach families trapped on roofs, the county sheriff said.";
        let story: Vec<AnalyzedArticle> =
            [scrap, report, other].iter().map(|t| crate::analysis::tests_support::summary(t)).collect();
        let all: Vec<&AnalyzedArticle> = story.iter().collect();
        assert_eq!(off_topic(&all[..2]), [true, false]);
        assert_eq!(off_topic(&all), [true, false, false], "a long unrelated report is not a scrap");
        assert_eq!(off_topic(&all[1..]), [false, false], "two unrelated reports: which strays is not known");
    }
}
