//! The timeline: every sentence that dates an event (a day, month or year resolved against its
//! report's publication day) becomes an entry; the same event told by several reports (same
//! date, much the same words) is one entry listing them all, in the words of the earliest report.

use std::collections::BTreeSet;

use crate::brief::TimelineEntry;
use crate::story::Source;
use crate::timex::{Day, Timex, TimexValue};
use crate::tokens::{one_line, TermIds};

/// Share of shared content terms (Jaccard) from which two dated sentences tell one event.
const SAME_EVENT: f64 = 0.2;

struct Event {
    date: String,
    text: String,
    terms: BTreeSet<u32>,
    sources: Vec<usize>,
}

/// The timeline of the sources, by date; `dated` holds each source's dates and times.
pub(crate) fn build(sources: &[Source<'_>], dated: &[Vec<Timex>]) -> Vec<TimelineEntry> {
    let mut order: Vec<usize> = (0..sources.len()).collect();
    order.sort_by_key(|&i| (sources[i].published.is_none(), sources[i].published, i));
    let mut terms = TermIds::new(true);
    let mut events: Vec<Event> = Vec::new();
    for &index in &order {
        let source = &sources[index];
        // Each expression belongs to the sentence that holds it.
        let timexes: Vec<(usize, String)> =
            dated[index].iter().filter_map(|t| calendar_date(&t.value).map(|date| (t.start, date))).collect();
        for sentence in source.sentences {
            let text = sentence.text(source.text);
            let dates: BTreeSet<String> = timexes
                .iter()
                .filter(|(at, _)| (sentence.start..sentence.end).contains(at))
                .map(|(_, date)| date.clone())
                .collect();
            if dates.is_empty() {
                continue;
            }
            let sentence_terms: BTreeSet<u32> = terms.ids(text).collect();
            for date in dates {
                let same =
                    events.iter_mut().find(|e| e.date == date && jaccard(&e.terms, &sentence_terms) >= SAME_EVENT);
                match same {
                    Some(event) => {
                        if !event.sources.contains(&index) {
                            event.sources.push(index);
                        }
                        event.terms.extend(sentence_terms.iter().copied());
                    }
                    None => events.push(Event {
                        date,
                        text: one_line(text),
                        terms: sentence_terms.clone(),
                        sources: vec![index],
                    }),
                }
            }
        }
    }
    events.sort_by(|a, b| a.date.cmp(&b.date));
    events
        .into_iter()
        .map(|e| {
            let mut ids: Vec<usize> = e.sources;
            ids.sort_unstable();
            TimelineEntry {
                date: e.date,
                text: e.text,
                sources: ids.into_iter().map(|i| sources[i].id.to_owned()).collect(),
            }
        })
        .collect()
}

/// The calendar part of a value: a day, month or year, fully known (a time of day is dropped);
/// weeks, quarters, seasons and references to the present are no timeline dates.
fn calendar_date(value: &TimexValue) -> Option<String> {
    match value.without_time() {
        date @ (TimexValue::Year(_) | TimexValue::Month(..) | TimexValue::Day(Day::Date { .. }))
            if date.is_specified() =>
        {
            Some(date.to_string())
        }
        _ => None,
    }
}

fn jaccard(a: &BTreeSet<u32>, b: &BTreeSet<u32>) -> f64 {
    let shared = a.intersection(b).count();
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences::split_sentences;

    #[test]
    fn dates_events_and_merges_the_same_event() {
        let a = "The ministers met in Geneva on Friday. The treaty expires in December.";
        let b = "Ministers met in Geneva on Friday, officials said.";
        let (sa, sb) = (split_sentences(a), split_sentences(b));
        let sources = [
            Source { id: "s1", text: a, sentences: &sa, published: Some("2009-03-07".parse().unwrap()) },
            Source { id: "s2", text: b, sentences: &sb, published: Some("2009-03-06".parse().unwrap()) },
        ];
        let timeline = build(&sources, &crate::story::dates_and_times(&sources));
        let got: Vec<(&str, &str, Vec<&str>)> = timeline
            .iter()
            .map(|e| (e.date.as_str(), e.text.as_str(), e.sources.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(
            got,
            [
                ("2009-03-06", "Ministers met in Geneva on Friday, officials said.", vec!["s1", "s2"]),
                ("2009-12", "The treaty expires in December.", vec!["s1"]),
            ]
        );
        let date = |value: &str| calendar_date(&value.parse().unwrap());
        assert_eq!(date("2009-03-07TMO").as_deref(), Some("2009-03-07"));
        assert_eq!(date("2009").as_deref(), Some("2009"));
        assert_eq!(date("2009-W10"), None);
        assert_eq!(date("XXXX-12-25"), None);
        assert_eq!(date("PRESENT_REF"), None);
    }
}
