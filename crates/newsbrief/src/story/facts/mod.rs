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

    /// Reports of a case: each a text and its publication day.
    type Reports<'a> = &'a [(&'a str, Option<&'a str>)];
    /// A case of conflicts: the reports, the facts and the conflicts expected (see [`check`]).
    type ConflictCase<'a> = (Reports<'a>, &'a [&'a str], &'a [(&'a str, &'a str)]);

    /// Checks the facts and conflicts of the reports `(text, day)`. Sources are written `s1`,
    /// `s2`, ...; each fact expected is the sources that make it ("s1 s2"), each conflict what
    /// it is about and its values ("15 | at least 20"), in the order found. Every span is checked
    /// against its source's text.
    fn check(reports: &[(&str, Option<&str>)], facts: &[&str], conflicts: &[(&str, &str)]) {
        let analyzed: Vec<AnalyzedArticle> = reports.iter().map(|(text, day)| full(text, *day)).collect();
        let articles: Vec<&AnalyzedArticle> = analyzed.iter().collect();
        let (found_facts, found_conflicts) = with_story(&articles, |story| {
            let analysis = crate::story::analyze(story);
            (analysis.corroborated, analysis.conflicts)
        });
        let label = |id: &str| {
            let index = analyzed.iter().position(|a| a.id == id).expect("a source of the story");
            format!("s{}", index + 1)
        };
        let text_of = |id: &str| &analyzed.iter().find(|a| a.id == id).expect("a source of the story").text;
        for fact in &found_facts {
            assert_eq!(&text_of(&fact.source)[fact.start..fact.end], fact.text);
            for excerpt in &fact.statements {
                assert_eq!(&text_of(&excerpt.source)[excerpt.start..excerpt.end], excerpt.text);
            }
        }
        for variant in found_conflicts.iter().flat_map(|c| &c.variants) {
            assert_eq!(&text_of(&variant.source)[variant.start..variant.end], variant.value);
        }
        let got_facts: Vec<String> =
            found_facts.iter().map(|f| f.sources.iter().map(|s| label(s)).collect::<Vec<_>>().join(" ")).collect();
        let got_conflicts: Vec<(String, String)> = found_conflicts
            .iter()
            .map(|c| (c.about.clone(), c.variants.iter().map(|v| v.value.as_str()).collect::<Vec<_>>().join(" | ")))
            .collect();
        let want_conflicts: Vec<(String, String)> =
            conflicts.iter().map(|&(about, values)| (about.to_owned(), values.to_owned())).collect();
        assert_eq!(got_facts, facts, "facts of {reports:?}: {found_facts:#?}");
        assert_eq!(got_conflicts, want_conflicts, "conflicts of {reports:?}");
    }

    #[test]
    fn statements_of_different_reports_align_when_they_say_the_same_thing() {
        let cases: &[(Reports<'_>, &[&str])] = &[
            // A paraphrase sharing rare words and a name.
            (
                &[
                    ("The Orvanian parliament voted to dissolve the national fisheries board on Tuesday. Nothing else was decided.", None),
                    ("Lawmakers in Orvania voted on Tuesday to dissolve the fisheries board, ending decades of its rule. The weather was fine.", None),
                ],
                &["s1 s2"],
            ),
            // Two reports on different things share common words only.
            (
                &[
                    ("The city council approved a new budget for the coming year after a long debate.", None),
                    ("A storm damaged several houses near the coast, and the council said repairs would take a year.", None),
                ],
                &[],
            ),
            // A fact told over two sentences in one report and in one in the other.
            (
                &[
                    ("Mayor Tilda Brunswick opened the new Kestrel Bridge over the river on Sunday. The bridge cost the city $40 million to build.", None),
                    ("The $40 million Kestrel Bridge, opened by Mayor Tilda Brunswick on Sunday, links both halves of the city.", None),
                ],
                &["s1 s2"],
            ),
            // Copies of one wording (a share prompt, a wire story) are one voice: no fact, and a
            // wire story and a paraphrase of it are a fact of two voices (three reports).
            (
                &[
                    ("Share this story with friends on social media by clicking the buttons below the article. The port of Valdmar reopened after a strike by dock workers.", None),
                    ("Share this story with friends on social media by clicking the buttons below the article. Farmers in the valley expect a poor harvest this year.", None),
                ],
                &[],
            ),
            (
                &[
                    ("The port of Valdmar reopened on Monday after a three-week strike by dock workers ended in a pay deal. Ferries sailed again by noon.", None),
                    ("The port of Valdmar reopened on Monday after a three-week strike by dock workers ended in a pay deal. Ferries sailed again by noon, the agency said.", None),
                    ("Valdmar's port was back in business on Monday once dock workers accepted a pay offer, ending their three-week walkout. Shops in town were glad.", None),
                ],
                &["s1 s2 s3"],
            ),
            (
                &[
                    ("The port of Valdmar reopened on Monday after a three-week strike by dock workers ended in a pay deal. Ferries sailed again by noon.", None),
                    ("The port of Valdmar reopened on Monday after a three-week strike by dock workers ended in a pay deal. Ferries sailed again by noon, the agency said.", None),
                ],
                &[],
            ),
        ];
        for (reports, facts) in cases {
            check(reports, facts, &[]);
        }
    }

    #[test]
    fn the_same_detail_given_different_values_is_a_conflict() {
        let cases: &[ConflictCase<'_>] = &[
            // Counts of the same thing.
            (
                &[
                    ("Police said 15 people were killed when the Halvard dam burst near Orlen village.", None),
                    ("At least 20 people were killed when the Halvard dam burst near the village of Orlen.", None),
                ],
                &["s1 s2"],
                &[("the number (“people”)", "15 | At least 20")],
            ),
            // Rounding is no conflict.
            (
                &[
                    ("About 20 people were killed when the Halvard dam burst near Orlen village.", None),
                    ("Nineteen people were killed when the Halvard dam burst near the village of Orlen.", None),
                ],
                &["s1 s2"],
                &[],
            ),
            // A report that gives both values tells of a step, not a disagreement.
            (
                &[
                    ("Hollis agreed to pay $80 for the Brenmoor painting at the auction, the dealer said.", None),
                    ("Hollis paid $100 for the Brenmoor painting at the auction, the dealer said.", None),
                    ("Hollis first offered to pay $80 for the Brenmoor painting at the auction, later settling on $100.", None),
                ],
                &["s1 s2 s3"],
                &[],
            ),
            // Numbers in dates are no amounts.
            (
                &[
                    ("Stone tools found in the Warrel cave were made 49,000 years ago by early settlers, the team said.", None),
                    ("Stone tools found in the Warrel cave were made 45,000 years ago by early settlers, researchers said.", None),
                ],
                &["s1 s2"],
                &[],
            ),
            // Days, in reports without a day of their own.
            (
                &[
                    ("The Halvard dam burst on Saturday near Orlen village, flooding hundreds of homes.", None),
                    ("The Halvard dam burst on Friday near the village of Orlen, flooding hundreds of homes.", None),
                ],
                &["s1 s2"],
                &[("the day", "Saturday | Friday")],
            ),
            // Days of different things told in one fact: no conflict.
            (
                &[
                    ("The Halvard dam burst near Orlen village, and the flood reached the town on Saturday, police said.", None),
                    ("The Halvard dam burst near the village of Orlen, police said on Monday in a statement.", None),
                ],
                &["s1 s2"],
                &[],
            ),
            // A short quoted phrase beside one both quote.
            (
                &[
                    ("The sign at the Brask museum read \"welcome\" but the translation said \"farewell\" instead.", None),
                    ("A sign meant to read \"welcome\" at the Brask museum said \"goodbye\" instead, visitors noted.", None),
                ],
                &["s1 s2"],
                &[("what was written or said in place of “welcome”", "farewell | goodbye")],
            ),
            // A spelling of one word is no conflict.
            (
                &[
                    ("The sign at the Brask museum read \"welcome\" but the translation said \"farewel\" instead.", None),
                    ("A sign meant to read \"welcome\" at the Brask museum said \"farewell\" instead, visitors noted.", None),
                ],
                &["s1 s2"],
                &[],
            ),
        ];
        for (reports, facts, conflicts) in cases {
            check(reports, facts, conflicts);
        }
    }

    #[test]
    fn one_quotation_worded_differently_or_given_to_different_people_is_a_conflict() {
        let cases: &[(Reports<'_>, &[(&str, &str)])] = &[
            // A word put for another within one quotation.
            (
                &[
                    ("\"We will rebuild every single house that the flood destroyed in this valley,\" said Governor Marta Ellingsen.", None),
                    ("\"We will rebuild every single home that the flood destroyed in this valley,\" said Governor Marta Ellingsen.", None),
                ],
                &[("the words of the quotation “we will rebuild every single house…”", "house | home")],
            ),
            // One quotation, two speakers named in full.
            (
                &[
                    ("\"We will rebuild every single house that the flood destroyed in this valley,\" said Marta Ellingsen, the governor.", None),
                    ("\"We will rebuild every single house that the flood destroyed in this valley,\" said Piotr Haldane, the mayor.", None),
                ],
                &[("who said “we will rebuild every single house…”", "Marta Ellingsen | Piotr Haldane")],
            ),
            // One quotation, one speaker named in full and then by surname: no conflict.
            (
                &[
                    ("\"We will rebuild every single house that the flood destroyed in this valley,\" said Marta Ellingsen, the governor.", None),
                    ("Governor Marta Ellingsen visited the valley. \"We will rebuild every single house that the flood destroyed in this valley,\" Ellingsen said.", None),
                ],
                &[],
            ),
        ];
        for (reports, conflicts) in cases {
            let analyzed: Vec<AnalyzedArticle> = reports.iter().map(|(text, day)| full(text, *day)).collect();
            let articles: Vec<&AnalyzedArticle> = analyzed.iter().collect();
            let found = with_story(&articles, |story| crate::story::analyze(story).conflicts);
            let got: Vec<(String, String)> = found
                .iter()
                .map(|c| (c.about.clone(), c.variants.iter().map(|v| v.value.as_str()).collect::<Vec<_>>().join(" | ")))
                .collect();
            let want: Vec<(String, String)> = conflicts.iter().map(|&(a, v)| (a.to_owned(), v.to_owned())).collect();
            assert_eq!(got, want, "{reports:?}");
        }
    }

    #[test]
    fn the_example_s_button_gives_a_fact_and_two_conflicts() {
        check(
            &[
                ("Clinton gave Lavrov an oversized red button labeled \"reset\" in Russian. It said \"overcharge\" instead.", Some("2009-03-07")),
                ("Clinton handed Lavrov a small object marked \"reset\" in Geneva. The word read \"overload\" instead.", Some("2009-03-06")),
            ],
            &["s1 s2"],
            &[
                ("what was written or said in place of “reset”", "overcharge | overload"),
                ("the size of the button", "oversized | small"),
            ],
        );
        check(
            &[
                ("The arms reduction treaty called START expires in December, diplomats said.", Some("2009-05-07")),
                ("The START arms reduction treaty expires on 5 December, officials said.", Some("2009-03-06")),
                ("A storm hit the coast in December.", Some("2009-03-06")),
            ],
            &["s1 s2"],
            &[],
        );
        assert!(conflicts::spelling_variants("sergei", "sergey"));
        assert!(!conflicts::spelling_variants("overload", "overcharge"));
    }
}
