//! Reports about another story: a link that pointed elsewhere, a wrong page archived, a page of
//! site boilerplate. With three reports or more, a report that shares almost nothing with every
//! other one, while those others do belong together, is set aside; with two reports there is no
//! telling which one strays, so nothing is set aside.

use rustc_hash::FxHashMap;

use crate::analysis::AnalyzedArticle;
use crate::summarize::features::{dot, normalised};

/// Cosine (tf-idf over the reports) below which two reports share no story.
const UNRELATED: f32 = 0.07;

/// For each article, whether it is about another story than the rest.
pub(crate) fn off_topic(articles: &[&AnalyzedArticle]) -> Vec<bool> {
    let n = articles.len();
    if n < 3 {
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
    (0..n)
        .map(|i| {
            // Stray only if the others, without it, still form a story.
            let others_belong = (0..n).filter(|&j| j != i).any(|j| closest[j] >= UNRELATED);
            closest[i] < UNRELATED && others_belong
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
}
