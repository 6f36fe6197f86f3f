//! The story behind the reports: stages that read the analysed articles of one story together
//! (entities merged across spellings, quotations with their speakers, a dated timeline, facts
//! several reports state and details they disagree on), plus the story-wide step that comes
//! first (reports about another story set aside).
//!
//! Every stage is a function over a [`Story`]: the analysed articles that tell the story, in
//! reading order, with what is known of them story-wide. No stage analyses an article's text
//! again: what one article shows is in its [`AnalyzedArticle`].

pub(crate) mod entities;
pub(crate) mod facts;
pub(crate) mod first_names;
pub(crate) mod lexicon;
pub(crate) mod off_topic;
pub(crate) mod quotes;
pub(crate) mod speaker_ranker;
pub(crate) mod speakers;
pub(crate) mod timeline;
pub(crate) mod update;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::analysis::AnalyzedArticle;
use crate::brief::{Conflict, Corroboration, Entity, Quote, TimelineEntry};
use crate::mention::{Attribution, EntityKind};
use crate::summarize::features::SentenceFeatures;
use crate::summarize::Features;
use crate::timex::{Timex, TimexType};
use entities::{fold, merge, story_mention, Mention};

/// The reports that tell one story, as the story stages read them.
pub(crate) struct Story<'a> {
    /// The analysed articles, in reading order.
    pub(crate) articles: Vec<&'a AnalyzedArticle>,
    /// Their publication days, where known.
    pub(crate) days: Vec<Option<NaiveDate>>,
    /// Their dates and times (DATE and TIME expressions), resolved against `days`.
    pub(crate) dates: Vec<Vec<Timex>>,
    /// The summarizer's reading of their sentences, article by article in the same order.
    pub(crate) features: &'a Features,
    /// The index in `features` of each article's first sentence.
    first_sentence: Vec<usize>,
}

impl<'a> Story<'a> {
    /// The story of `articles` (in reading order) published on `days`, read by `features`.
    pub(crate) fn new(
        articles: Vec<&'a AnalyzedArticle>,
        days: Vec<Option<NaiveDate>>,
        features: &'a Features,
    ) -> Self {
        let dates = articles
            .iter()
            .zip(&days)
            .map(|(article, day)| {
                article
                    .timexes_on(*day)
                    .iter()
                    .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
                    .cloned()
                    .collect()
            })
            .collect();
        let first_sentence = articles
            .iter()
            .scan(0, |next, article| {
                let first = *next;
                *next += article.sentences.len();
                Some(first)
            })
            .collect();
        Story { articles, days, dates, features, first_sentence }
    }

    /// The summarizer's reading of sentence `position` of the article at `index`.
    pub(crate) fn sentence(&self, index: usize, position: usize) -> &'a SentenceFeatures {
        &self.features.sentences[self.first_sentence[index] + position]
    }

    /// The source id of the article at `index`.
    pub(crate) fn id(&self, index: usize) -> &'a str {
        &self.articles[index].id
    }
}

/// What the story's analysis finds.
pub(crate) struct Analysis {
    /// The dated events.
    pub(crate) timeline: Vec<TimelineEntry>,
    /// The quotations.
    pub(crate) quotes: Vec<Quote>,
    /// The entities.
    pub(crate) entities: Vec<Entity>,
    /// Facts two reports or more state.
    pub(crate) corroborated: Vec<Corroboration>,
    /// Details the reports give differently.
    pub(crate) conflicts: Vec<Conflict>,
}

/// Runs every stage over the story.
pub(crate) fn analyze(story: &Story<'_>) -> Analysis {
    let ids: Vec<String> = (0..story.articles.len()).map(|i| story.id(i).to_owned()).collect();
    let mentions: Vec<Mention> = story
        .articles
        .iter()
        .enumerate()
        .flat_map(|(index, article)| {
            article.entities.iter().filter_map(move |m| story_mention(&article.text, m, index))
        })
        .collect();
    let (mut entities, entity_of) = merge(&mentions, &ids);
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    for (mention, &entity) in mentions.iter().zip(&entity_of) {
        by_key.insert(fold(&mention.name), entity);
    }
    let quotes = quotes_of(story, &entities, &by_key);
    let timeline = timeline::build(story);
    let (corroborated, conflicts) = facts::find(story, &quotes, &entities);
    entities.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    Analysis { timeline, quotes, entities, corroborated, conflicts }
}

/// The quotations of every article, their speakers written as the story's entity names.
fn quotes_of(story: &Story<'_>, entities: &[Entity], by_key: &FxHashMap<String, usize>) -> Vec<Quote> {
    let mut quotes = Vec::new();
    for (index, article) in story.articles.iter().enumerate() {
        for quote in &article.quotes {
            let mut speaker = quote.speaker.as_ref().map(|s| (s.name.clone(), s.via, (s.start, s.end)));
            if let Some((name, via, _)) = &mut speaker {
                match resolve_name(name, by_key, entities) {
                    // A place or a thing does not speak: the attribution was misread.
                    Some(e) if matches!(entities[e].kind, EntityKind::Place | EntityKind::Other) => speaker = None,
                    Some(e) => entities[e].name.clone_into(name),
                    // A name no mention stands for is a role ("the spokesman"), unless it was
                    // given as a name.
                    None if *via == Attribution::Named => speaker = None,
                    None => {}
                }
            }
            quotes.push(Quote {
                speaker: speaker.as_ref().map(|(name, _, _)| name.clone()),
                attribution: speaker.as_ref().map(|(_, via, _)| *via),
                text: article.text[quote.start..quote.end].to_owned(),
                source: story.id(index).to_owned(),
                start: quote.start,
                end: quote.end,
                speaker_span: speaker.map(|(_, _, (start, end))| crate::brief::Span { start, end }),
            });
        }
    }
    quotes
}

/// The entity a written name stands for: the same spelling, the one entity whose name ends
/// with it (a surname), or the one person whose first and last names it shares ("Mary
/// Smith" for "Mary Anne Smith").
fn resolve_name(name: &str, by_key: &FxHashMap<String, usize>, entities: &[Entity]) -> Option<usize> {
    if let Some(&e) = by_key.get(&fold(name)) {
        return Some(e);
    }
    // Capitalised words before a name that the recognizer left out, a role or a title
    // ("Archaeologist Jane Roe"): the longest name of two words or more it ends with, after
    // capitalised words only ("a spokesman for Jane Roe" is no Jane Roe).
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = words.iter().take_while(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    for first in 1..capitalised.min(words.len().saturating_sub(1)) {
        if let Some(&e) = by_key.get(&fold(&words[first..].join(" "))) {
            return Some(e);
        }
    }
    let only = |candidates: Vec<usize>| (candidates.len() == 1).then(|| candidates[0]);
    only((0..entities.len()).filter(|&e| entities[e].name.ends_with(&format!(" {name}"))).collect()).or_else(|| {
        only(
            (0..entities.len())
                .filter(|&e| entities[e].kind == EntityKind::Person && entities::same_person(name, &entities[e].name))
                .collect(),
        )
    })
}

/// Stories of short texts, for the tests of the stages.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;

    /// Runs `stage` on the story of `articles`, in the order given, each on its publication day.
    pub(crate) fn with_story<T>(articles: &[&AnalyzedArticle], stage: impl FnOnce(&Story<'_>) -> T) -> T {
        let features = Features::from_articles(articles);
        let days = articles.iter().map(|a| a.meta.published).collect();
        stage(&Story::new(articles.to_vec(), days, &features))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> Entity {
        Entity { name: name.to_owned(), kind: EntityKind::Person, aliases: vec![], mentions: 1, sources: vec![] }
    }

    #[test]
    fn a_speaker_resolves_to_the_one_entity_it_names() {
        let entities = [person("Hillary Rodham Clinton"), person("Bill Clinton"), person("Sam Poe")];
        let by_key: FxHashMap<String, usize> = [(fold("Sam Poe"), 2)].into_iter().collect();
        assert_eq!(resolve_name("Sam Poe", &by_key, &entities), Some(2));
        assert_eq!(resolve_name("Hillary Clinton", &by_key, &entities), Some(0), "first and last names");
        assert_eq!(resolve_name("Poe", &by_key, &entities), Some(2), "a surname");
        assert_eq!(resolve_name("Clinton", &by_key, &entities), None, "two Clintons");
        assert_eq!(resolve_name("Ann Roe", &by_key, &entities), None);
        assert_eq!(resolve_name("Archaeologist Sam Poe", &by_key, &entities), Some(2), "a role before the name");
        assert_eq!(resolve_name("Chief Executive Sam Poe", &by_key, &entities), Some(2));
        assert_eq!(resolve_name("A spokesman for Sam Poe", &by_key, &entities), None, "not Sam Poe");
    }
}
