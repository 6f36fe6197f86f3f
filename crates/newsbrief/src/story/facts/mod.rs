//! Facts several reports state, and details on which they disagree.
//!
//! A fact is a statement two reports or more make, found by alignment rather than by anchors:
//! every sentence fit to stand alone is a statement ([`statements`]); statements of different
//! reports align when their tf-idf vectors over the story's sentences are close, or close enough
//! and they share a name, an amount or a quoted phrase ([`align`]); aligned statements group
//! around the most central one, at most one per report, and a group that two voices make (copies
//! of one report, or of one wording, count once) is a corroborated fact, told in the words of
//! its central statement.
//!
//! Within a fact, reports disagree when they give the same detail different values: amounts of
//! the same thing, days, short quoted phrases, sizes; across the story, one quotation worded
//! differently or given to different people ([`conflicts`]). Amounts are read by [`values`].

mod align;
mod conflicts;
mod statements;
mod values;

use std::collections::BTreeSet;

use crate::brief::{Conflict, Corroboration, Entity, Excerpt, Quote, Variant};
use crate::story::Story;

/// The corroborated facts and the conflicts among the story's reports, given its quotations and
/// entities.
pub(crate) fn find(story: &Story<'_>, quotes: &[Quote], entities: &[Entity]) -> (Vec<Corroboration>, Vec<Conflict>) {
    if story.articles.len() < 2 {
        return (Vec::new(), Vec::new());
    }
    let statements = statements::statements(story);
    let pairs = align::pairs(&statements, story.features);
    let voice = align::voices(story.articles.len(), &statements, &pairs);
    let groups = align::groups(&statements, &pairs, &voice);
    let mut corroborated = Vec::new();
    let mut conflicts: Vec<Conflict> = Vec::new();
    for group in &groups {
        let central = &statements[group.central];
        let reports: BTreeSet<usize> = group.members.iter().map(|&m| statements[m].source).collect();
        corroborated.push(Corroboration {
            text: story.articles[central.source].text[central.start..central.end].to_owned(),
            source: story.id(central.source).to_owned(),
            start: central.start,
            end: central.end,
            sources: reports.iter().map(|&s| story.id(s).to_owned()).collect(),
            statements: group
                .members
                .iter()
                .filter(|&&m| m != group.central)
                .map(|&m| {
                    let member = &statements[m];
                    let (start, end) = align::span_against(member, central);
                    Excerpt {
                        text: story.articles[member.source].text[start..end].to_owned(),
                        source: story.id(member.source).to_owned(),
                        start,
                        end,
                    }
                })
                .collect(),
        });
        for conflict in conflicts::in_group(group, &statements, &voice, story) {
            push_new(&mut conflicts, conflict);
        }
    }
    for conflict in conflicts::in_quotes(quotes, entities, &voice, story) {
        push_new(&mut conflicts, conflict);
    }
    (corroborated, conflicts)
}

/// Adds `conflict`, or merges it into one it shares a value with (the same span of the same
/// source): a third report's value joins the variants, or the sources of the variant it repeats.
fn push_new(conflicts: &mut Vec<Conflict>, conflict: Conflict) {
    let span = |v: &Variant| (v.source.clone(), v.start, v.end);
    let Some(known) = conflicts.iter_mut().find(|c| {
        c.about == conflict.about && c.variants.iter().any(|v| conflict.variants.iter().any(|w| span(v) == span(w)))
    }) else {
        conflicts.push(conflict);
        return;
    };
    for variant in conflict.variants {
        if known.variants.iter().any(|v| span(v) == span(&variant)) {
            continue;
        }
        match known.variants.iter_mut().find(|v| v.value.to_lowercase() == variant.value.to_lowercase()) {
            Some(same) => {
                for source in variant.sources {
                    if !same.sources.contains(&source) {
                        same.sources.push(source);
                    }
                }
            }
            None => known.variants.push(variant),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::full;
    use crate::analysis::AnalyzedArticle;
    use crate::story::tests_support::with_story;

    /// Facts and conflicts of the reports `(text, day)`, with sources written `s1`, `s2`, ...
    fn run(texts: &[(&str, &str)]) -> (Vec<Corroboration>, Vec<Conflict>) {
        let analyzed: Vec<AnalyzedArticle> = texts.iter().map(|(text, day)| full(text, Some(day))).collect();
        let articles: Vec<&AnalyzedArticle> = analyzed.iter().collect();
        let (mut facts, mut conflicts) = with_story(&articles, |story| {
            let analysis = crate::story::analyze(story);
            (analysis.corroborated, analysis.conflicts)
        });
        let label = |id: &mut String| {
            let index = analyzed.iter().position(|a| a.id == *id).expect("a source of the story");
            *id = format!("s{}", index + 1);
        };
        for fact in &mut facts {
            assert_eq!(&analyzed.iter().find(|a| a.id == fact.source).unwrap().text[fact.start..fact.end], fact.text);
            fact.sources.iter_mut().for_each(label);
        }
        for variant in conflicts.iter_mut().flat_map(|c| &mut c.variants) {
            assert_eq!(
                &analyzed.iter().find(|a| a.id == variant.source).unwrap().text[variant.start..variant.end],
                variant.value
            );
            variant.sources.iter_mut().for_each(label);
        }
        (facts, conflicts)
    }

    #[test]
    fn a_quoted_word_and_shared_names_tie_paraphrases_and_show_their_differences() {
        let (facts, conflicts) = run(&[
            ("Clinton gave Lavrov an oversized red button labeled \"reset\" in Russian. It said \"overcharge\" instead.", "2009-03-07"),
            ("Clinton handed Lavrov a small object marked \"reset\" in Geneva. The word read \"overload\" instead.", "2009-03-06"),
        ]);
        assert_eq!(facts.len(), 1, "{facts:?}");
        assert_eq!(facts[0].sources, ["s1", "s2"]);
        let found: Vec<(String, Vec<String>)> =
            conflicts.iter().map(|c| (c.about.clone(), c.variants.iter().map(|v| v.value.clone()).collect())).collect();
        assert_eq!(
            found,
            [
                (
                    "what was written or said in place of “reset”".to_owned(),
                    vec!["overcharge".to_owned(), "overload".to_owned()]
                ),
                ("the size of the button".to_owned(), vec!["oversized".to_owned(), "small".to_owned()]),
            ]
        );
    }

    #[test]
    fn a_shared_date_and_rare_words_tie_statements_and_spellings_do_not_conflict() {
        let (facts, conflicts) = run(&[
            ("The arms reduction treaty called START expires in December, diplomats said.", "2009-05-07"),
            ("The START arms reduction treaty expires on 5 December, officials said.", "2009-03-06"),
            ("A storm hit the coast in December.", "2009-03-06"),
        ]);
        assert_eq!(facts.len(), 1, "{facts:?}");
        assert_eq!(facts[0].sources, ["s1", "s2"]);
        assert!(conflicts.is_empty(), "{conflicts:?}");
        assert!(conflicts::spelling_variants("sergei", "sergey"));
        assert!(!conflicts::spelling_variants("overload", "overcharge"));
    }
}
