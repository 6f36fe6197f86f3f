//! The story behind the reports: entities merged across spellings, quotations with their
//! speakers, and a dated timeline. Each part has its own module; this one runs them over the
//! sources that tell the story (reports about another story take no part).

pub(crate) mod entities;
pub(crate) mod facts;
pub(crate) mod quotes;
pub(crate) mod timeline;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;

use crate::brief::{Conflict, Corroboration, Entity, Quote, TimelineEntry};
use crate::sentences::Sentence;
use crate::summarize::Features;
use crate::timex::{find_timexes, Timex, TimexType};
use entities::{fold, mentions, merge, Mention};
use quotes::Speaker;

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
    let mut found: Vec<(usize, usize, Mention)> = Vec::new();
    for (index, source) in sources.iter().enumerate() {
        for (s, sentence) in source.sentences.iter().enumerate() {
            found.extend(mentions(sentence.text(source.text), index).into_iter().map(|m| (index, s, m)));
        }
    }
    // A sentence-opening word is a name only if it stands as one inside some sentence too.
    let known: rustc_hash::FxHashSet<String> =
        found.iter().filter(|(_, _, m)| !m.tentative).map(|(_, _, m)| fold(&m.name)).collect();
    let mut all: Vec<Mention> = Vec::new();
    let mut per_sentence: Vec<Vec<Vec<usize>>> = sources.iter().map(|s| vec![Vec::new(); s.sentences.len()]).collect();
    for (index, s, mention) in found {
        if !mention.tentative || known.contains(&fold(&mention.name)) {
            per_sentence[index][s].push(all.len());
            all.push(mention);
        }
    }
    let (entities, entity_of) = merge(&all, &ids);
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    for (mention, &entity) in all.iter().zip(&entity_of) {
        by_key.insert(fold(&mention.name), entity);
    }
    let quotes = find_quotes(sources, &per_sentence, &all, &entity_of, &entities, &by_key);
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

/// The quotations of every source, their speakers resolved to entity names.
fn find_quotes(
    sources: &[Source<'_>],
    per_sentence: &[Vec<Vec<usize>>],
    mentions: &[Mention],
    entity_of: &[usize],
    entities: &[Entity],
    by_key: &FxHashMap<String, usize>,
) -> Vec<Quote> {
    let is_speaker = |e: usize| matches!(entities[e].kind.as_str(), "person" | "organization");
    let mut quotes = Vec::new();
    for (index, source) in sources.iter().enumerate() {
        // The person each sentence is about: its first person mention not after a preposition.
        let subject_of = |s: usize| -> Option<usize> {
            per_sentence[index][s]
                .iter()
                .filter(|&&m| !mentions[m].after_preposition)
                .map(|&m| entity_of[m])
                .find(|&e| entities[e].kind == "person")
        };
        let mut last_subject: Option<usize> = None;
        let mut sentence = 0;
        let mut offset = 0;
        for paragraph in source.text.split("\n\n") {
            let paragraph_start = offset;
            offset += paragraph.len() + 2;
            let quote_sentences: Vec<usize> = (sentence..source.sentences.len())
                .take_while(|&s| source.sentences[s].start < paragraph_start + paragraph.len())
                .collect();
            for found in quotes::find(paragraph) {
                // A quotation standing alone is the last subject's, as one after "he said" is.
                let alone = (found.end - found.start) * 10 >= paragraph.trim().len() * 8;
                let speaker = match &found.speaker {
                    Speaker::Named(name) => resolve_name(name, by_key, entities),
                    Speaker::Pronoun => last_subject,
                    Speaker::Unsaid if alone => last_subject,
                    Speaker::Unsaid => None,
                };
                if let Some(speaker) = speaker.filter(|&e| is_speaker(e)) {
                    quotes.push(Quote {
                        speaker: entities[speaker].name.clone(),
                        text: paragraph[found.start..found.end].trim_end_matches([',', ' ']).to_owned(),
                        source: source.id.to_owned(),
                    });
                }
            }
            for &s in &quote_sentences {
                if let Some(subject) = subject_of(s) {
                    last_subject = Some(subject);
                }
            }
            sentence += quote_sentences.len();
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
