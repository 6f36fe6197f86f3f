//! The Markdown form of a brief, readable as it is in a terminal: the story's title, the summary
//! with `[s1]`-style source marks (the sources' labels), the analysis sections that have content,
//! then a table of the sources.

use std::io::{self, Write};

use crate::brief::Brief;
use crate::error::Result;
use crate::render::Renderer;
use crate::tokens::one_line;

/// Renders a brief as Markdown.
#[derive(Debug, Clone, Copy, Default)]
pub struct Markdown;

impl Renderer for Markdown {
    fn render(&self, brief: &Brief, out: &mut dyn io::Write) -> Result<()> {
        write_header(brief, out)?;
        write_summary(brief, out)?;
        write_analysis(brief, out)?;
        write_sources(brief, out)?;
        Ok(())
    }
}

fn write_header(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    match &brief.title {
        Some(title) => writeln!(out, "# {}\n", one_line(title))?,
        None => writeln!(out, "# Brief of {} report{}\n", brief.sources.len(), plural(brief.sources.len()))?,
    }
    let mut dates: Vec<&str> = brief.sources.iter().filter_map(|s| s.published.as_deref()).collect();
    dates.sort_unstable();
    let span = match (dates.first(), dates.last()) {
        (Some(first), Some(last)) if first != last => format!(" · {first} to {last}"),
        (Some(first), _) => format!(" · {first}"),
        _ => String::new(),
    };
    let words: usize = brief.summary.iter().map(|s| crate::tokens::word_count(&s.text)).sum();
    let sources = brief.sources.len();
    writeln!(out, "{sources} source{}{span} · summary of {words} words\n", plural(sources))?;
    if !brief.known.is_empty() {
        let known = brief.known.len();
        writeln!(out, "_Update: only what is new since {known} known report{}._\n", plural(known))?;
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The display labels of source ids, in the order of the sources table, joined.
fn labels(brief: &Brief, ids: &[String]) -> String {
    let mut positions: Vec<usize> =
        ids.iter().filter_map(|id| brief.sources.iter().position(|s| s.id == *id)).collect();
    positions.sort_unstable();
    positions.dedup();
    positions.iter().map(|&p| brief.sources[p].label.as_str()).collect::<Vec<_>>().join(", ")
}

fn write_summary(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## Summary\n")?;
    if brief.summary.is_empty() {
        return writeln!(out, "_No sentence of the sources fits a summary._\n");
    }
    let mut previous: Option<&str> = None;
    for sentence in &brief.summary {
        match previous {
            Some(source) if source == sentence.source => write!(out, " ")?,
            Some(_) => write!(out, "\n\n")?,
            None => {}
        }
        write!(out, "{} [{}]", one_line(&sentence.text), brief.label(&sentence.source))?;
        previous = Some(&sentence.source);
    }
    writeln!(out, "\n")
}

fn write_analysis(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    if !brief.timeline.is_empty() {
        writeln!(out, "## Timeline\n")?;
        for entry in &brief.timeline {
            writeln!(out, "- **{}** {} [{}]", entry.date, one_line(&entry.text), labels(brief, &entry.sources))?;
        }
        writeln!(out)?;
    }
    if !brief.quotes.is_empty() {
        writeln!(out, "## Quotes\n")?;
        for quote in &brief.quotes {
            let speaker = quote.speaker.as_deref().unwrap_or("Unattributed");
            // A speaker no cue names is the ranker's guess, and says so.
            let note = quote.speaker_note().map(|note| format!(" {note}")).unwrap_or_default();
            writeln!(out, "- **{speaker}**{note}: “{}” [{}]", one_line(&quote.text), brief.label(&quote.source))?;
        }
        writeln!(out)?;
    }
    if !brief.entities.is_empty() {
        writeln!(out, "## Entities\n")?;
        for entity in &brief.entities {
            let aliases = if entity.aliases.is_empty() {
                String::new()
            } else {
                format!(" (also {})", entity.aliases.join(", "))
            };
            let mentions =
                if entity.mentions == 1 { "1 mention".to_owned() } else { format!("{} mentions", entity.mentions) };
            writeln!(
                out,
                "- **{}**, {}{aliases}: {mentions} [{}]",
                entity.name,
                entity.kind.name(),
                labels(brief, &entity.sources)
            )?;
        }
        writeln!(out)?;
    }
    if !brief.corroborated.is_empty() {
        writeln!(out, "## Corroborated\n")?;
        for fact in &brief.corroborated {
            writeln!(out, "- {} [{}]", one_line(&fact.text), labels(brief, &fact.sources))?;
        }
        writeln!(out)?;
    }
    if !brief.conflicts.is_empty() {
        writeln!(out, "## Conflicts\n")?;
        for conflict in &brief.conflicts {
            let variants: Vec<String> =
                conflict.variants.iter().map(|v| format!("“{}” [{}]", v.value, labels(brief, &v.sources))).collect();
            writeln!(out, "- {}: {}", conflict.about, variants.join(" vs "))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_sources(brief: &Brief, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## Sources\n")?;
    let strays: Vec<&str> = brief.sources.iter().filter(|s| s.off_topic).map(|s| s.label.as_str()).collect();
    if !strays.is_empty() {
        writeln!(
            out,
            "_{} about another story: set aside, not summarized._\n",
            strays.join(", ") + if strays.len() == 1 { " is" } else { " are" }
        )?;
    }
    writeln!(out, "| source | outlet | published | title | byline | language | words | address |")?;
    writeln!(out, "| --- | --- | --- | --- | --- | --- | ---: | --- |")?;
    for source in &brief.sources {
        let cell = |value: &Option<String>| value.as_deref().map_or_else(|| "–".to_owned(), table_cell);
        let id = if source.off_topic { format!("{} (off topic)", source.label) } else { source.label.clone() };
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            id,
            cell(&source.outlet),
            published(source),
            cell(&source.title),
            cell(&source.byline),
            cell(&source.language),
            source.words,
            cell(&source.url)
        )?;
    }
    Ok(())
}

fn published(source: &crate::brief::SourceInfo) -> String {
    source.published.clone().unwrap_or_else(|| "–".to_owned())
}

fn table_cell(text: &str) -> String {
    one_line(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::Entity;
    use crate::mention::Attribution;

    #[test]
    fn entities_are_listed_with_their_aliases_and_a_counted_noun() {
        let entity = |name: &str, aliases: &[&str], mentions| Entity {
            name: name.to_owned(),
            kind: crate::EntityKind::Person,
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            mentions,
            sources: vec!["0a1b".to_owned()],
        };
        let brief = Brief {
            sources: vec![crate::SourceInfo { id: "0a1b".to_owned(), label: "s1".to_owned(), ..Default::default() }],
            entities: vec![entity("Sergey Lavrov", &["Lavrov"], 2), entity("Angela Merkel", &[], 1)],
            ..Brief::default()
        };
        let mut out = Vec::new();
        Markdown.render(&brief, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("## Entities"), "{text}");
        assert!(text.contains("- **Sergey Lavrov**, person (also Lavrov): 2 mentions [s1]"), "{text}");
        assert!(text.contains("- **Angela Merkel**, person: 1 mention [s1]"), "{text}");
    }

    #[test]
    fn a_speaker_the_ranker_inferred_says_so() {
        let quote = |speaker: &str, attribution| crate::brief::Quote {
            speaker: Some(speaker.to_owned()),
            attribution: Some(attribution),
            text: "We will keep talking.".to_owned(),
            source: "0a1b".to_owned(),
            start: 0,
            end: 21,
            speaker_span: None,
        };
        let brief = Brief {
            sources: vec![crate::SourceInfo { id: "0a1b".to_owned(), label: "s1".to_owned(), ..Default::default() }],
            quotes: vec![quote("Anna Berg", Attribution::Named), quote("Tom Roe", Attribution::Inferred)],
            ..Brief::default()
        };
        let mut out = Vec::new();
        Markdown.render(&brief, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("- **Anna Berg**: “We will keep talking.” [s1]"), "{text}");
        assert!(text.contains("- **Tom Roe** (speaker inferred): “We will keep talking.” [s1]"), "{text}");
    }
}
