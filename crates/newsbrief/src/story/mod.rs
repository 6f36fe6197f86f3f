//! The story behind the reports: entities merged across spellings, quotations with their
//! speakers, and a dated timeline. Each part has its own module; this one runs them over the
//! sources that tell the story (reports about another story take no part).

pub(crate) mod entities;
pub(crate) mod facts;
pub(crate) mod lexicon;
pub(crate) mod quotes;
pub(crate) mod speakers;
pub(crate) mod timeline;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::brief::{Conflict, Corroboration, Entity, Quote, TimelineEntry};
use crate::sentences::Sentence;
use crate::summarize::Features;
use crate::timex::{find_timexes, Timex, TimexType};
use entities::{fold, mentions, merge, Mention};

/// One source as the analysis sees it.
pub(crate) struct Source<'a> {
    /// Its id (`s1`, ...).
    pub(crate) id: &'a str,
    /// Its cleaned text.
    pub(crate) text: &'a str,
    /// Its sentences.
    pub(crate) sentences: &'a [Sentence],
    /// Its publication day, if known.
    pub(crate) published: Option<NaiveDate>,
}

/// What the analysis finds.
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

/// Analyses the sources; `features` is the summarizer's reading of their sentences, source by
/// source in the same order.
pub(crate) fn analyze(sources: &[Source<'_>], features: &Features) -> Analysis {
    let ids: Vec<String> = sources.iter().map(|s| s.id.to_owned()).collect();
    // Mentions of names, sentence by sentence.
    let mut found: Vec<Mention> = Vec::new();
    for (index, source) in sources.iter().enumerate() {
        for sentence in source.sentences {
            found.extend(mentions(sentence.text(source.text), index));
        }
    }
    // A sentence-opening word is a name only if it stands as one inside some sentence too.
    let known: rustc_hash::FxHashSet<String> = found.iter().filter(|m| !m.tentative).map(|m| fold(&m.name)).collect();
    let all: Vec<Mention> = found.into_iter().filter(|m| !m.tentative || known.contains(&fold(&m.name))).collect();
    let (entities, entity_of) = merge(&all, &ids);
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    for (mention, &entity) in all.iter().zip(&entity_of) {
        by_key.insert(fold(&mention.name), entity);
    }
    let quotes = find_quotes(sources, &entities, &by_key);
    // Dates and times of each report, tagged once for the timeline and the facts.
    let dated = dates_and_times(sources);
    let timeline = timeline::build(sources, &dated);
    let mut entities = entities;
    entities.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    let (corroborated, conflicts) = facts::find(sources, &dated, features);
    Analysis { timeline, quotes, entities, corroborated, conflicts }
}

/// The dates and times of each source, resolved against its publication day (none without one).
pub(crate) fn dates_and_times(sources: &[Source<'_>]) -> Vec<Vec<Timex>> {
    sources
        .iter()
        .map(|s| match s.published {
            Some(day) => find_timexes(s.text, day)
                .into_iter()
                .filter(|t| matches!(t.kind, TimexType::Date | TimexType::Time))
                .collect(),
            None => Vec::new(),
        })
        .collect()
}

/// The quotations of every source whose speaker's name in the article resolves to a person or
/// organisation among the entities, with that entity's name.
fn find_quotes(sources: &[Source<'_>], entities: &[Entity], by_key: &FxHashMap<String, usize>) -> Vec<Quote> {
    let is_speaker = |e: &usize| matches!(entities[*e].kind.as_str(), "person" | "organization");
    let mut quotes = Vec::new();
    for source in sources {
        let mentions = quotes::entity_mentions(source.text, source.sentences);
        for found in quotes::find_quotes(source.text, source.sentences, &mentions) {
            let Some(speaker) = found.speaker else { continue };
            let Some(entity) = resolve_name(&speaker.name, by_key, entities).filter(is_speaker) else { continue };
            quotes.push(Quote {
                speaker: entities[entity].name.clone(),
                text: found.text.trim_end_matches([',', ' ']).to_owned(),
                source: source.id.to_owned(),
            });
        }
    }
    quotes
}

/// The entity a written name stands for: the same spelling, or the one entity whose name ends
/// with it (a surname).
fn resolve_name(name: &str, by_key: &FxHashMap<String, usize>, entities: &[Entity]) -> Option<usize> {
    if let Some(&e) = by_key.get(&fold(name)) {
        return Some(e);
    }
    let candidates: Vec<usize> =
        (0..entities.len()).filter(|&e| entities[e].name.ends_with(&format!(" {name}"))).collect();
    (candidates.len() == 1).then(|| candidates[0])
}
