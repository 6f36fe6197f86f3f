//! The timeline: every sentence that dates an event (a day, month or year resolved against its
//! report's publication day) becomes an entry, at the finest date it names; the same event told by several reports (same
//! date, much the same words) is one entry listing them all, in the words of the earliest report.

use std::collections::BTreeSet;

use crate::brief::TimelineEntry;
use crate::story::Story;
use crate::timex::{Day, TimexValue};

/// Share of shared content terms (Jaccard) from which two dated sentences tell one event.
pub(crate) const SAME_EVENT: f64 = 0.2;

struct Event {
    date: String,
    /// The article and sentence span whose words tell it.
    source: usize,
    start: usize,
    end: usize,
    terms: BTreeSet<u32>,
    sources: Vec<usize>,
}

/// The timeline of the story, by date.
pub(crate) fn build(story: &Story<'_>) -> Vec<TimelineEntry> {
    let mut order: Vec<usize> = (0..story.articles.len()).collect();
    order.sort_by_key(|&i| (story.days[i].is_none(), story.days[i], i));
    let mut events: Vec<Event> = Vec::new();
    for &index in &order {
        let article = story.articles[index];
        // Each expression belongs to the sentence that holds it.
        let timexes: Vec<(usize, String)> =
            story.dates[index].iter().filter_map(|t| calendar_date(&t.value).map(|date| (t.start, date))).collect();
        for (position, sentence) in article.sentences.iter().enumerate() {
            // A page's line (a date and a widget's time, a caption in capitals) tells no event.
            if !crate::summarize::features::is_prose(&article.text[sentence.start..sentence.end]) {
                continue;
            }
            // A sentence is one entry, at the finest date it names (a day before a month), the
            // first of those: listed under each of its dates, it would repeat itself.
            let Some(date) = timexes
                .iter()
                .filter(|(at, _)| (sentence.start..sentence.end).contains(at))
                .max_by_key(|&&(at, ref date)| (date.len(), std::cmp::Reverse(at)))
                .map(|(_, date)| date.clone())
            else {
                continue;
            };
            let sentence_terms: BTreeSet<u32> = story.sentence(index, position).terms.iter().map(|&(t, _)| t).collect();
            let same = events.iter_mut().find(|e| e.date == date && jaccard(&e.terms, &sentence_terms) >= SAME_EVENT);
            match same {
                Some(event) => {
                    if !event.sources.contains(&index) {
                        event.sources.push(index);
                    }
                    event.terms.extend(sentence_terms.iter().copied());
                }
                None => events.push(Event {
                    date,
                    source: index,
                    start: sentence.start,
                    end: sentence.end,
                    terms: sentence_terms,
                    sources: vec![index],
                }),
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
                text: story.articles[e.source].text[e.start..e.end].to_owned(),
                source: story.id(e.source).to_owned(),
                start: e.start,
                end: e.end,
                sources: ids.into_iter().map(|i| story.id(i).to_owned()).collect(),
            }
        })
        .collect()
}

/// The calendar part of a value: a day, month or year, fully known (a time of day is dropped);
/// weeks, quarters, seasons and references to the present are no timeline dates.
pub(crate) fn calendar_date(value: &TimexValue) -> Option<String> {
    match value.without_time() {
        date @ (TimexValue::Year(_) | TimexValue::Month(..) | TimexValue::Day(Day::Date { .. }))
            if date.is_specified() =>
        {
            Some(date.to_string())
        }
        _ => None,
    }
}

/// The Jaccard similarity of two sets given in ascending order without repeats (a `BTreeSet`'s
/// iterator, a sorted and deduplicated slice).
pub(crate) fn jaccard<T: Ord>(
    a: impl IntoIterator<Item = T, IntoIter: ExactSizeIterator>,
    b: impl IntoIterator<Item = T, IntoIter: ExactSizeIterator>,
) -> f64 {
    let (a, b) = (a.into_iter(), b.into_iter());
    let (a_len, b_len) = (a.len(), b.len());
    let (mut a, mut b) = (a.peekable(), b.peekable());
    let mut shared = 0usize;
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => {
                a.next();
            }
            std::cmp::Ordering::Greater => {
                b.next();
            }
            std::cmp::Ordering::Equal => {
                shared += 1;
                a.next();
                b.next();
            }
        }
    }
    let union = a_len + b_len - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tests_support::full;
    use crate::story::tests_support::with_story;

    #[test]
    fn dates_events_and_merges_the_same_event() {
        let a = full("The ministers met in Geneva on Friday. The treaty expires in December.", Some("2009-03-07"));
        let b = full("Ministers met in Geneva on Friday, officials said.", Some("2009-03-06"));
        let timeline = with_story(&[&a, &b], build);
        let got: Vec<(&str, &str, &str, Vec<&str>)> = timeline
            .iter()
            .map(|e| {
                let sources = e.sources.iter().map(|id| if *id == a.id { "a" } else { "b" }).collect();
                (e.date.as_str(), e.text.as_str(), if e.source == a.id { "a" } else { "b" }, sources)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("2009-03-06", "Ministers met in Geneva on Friday, officials said.", "b", vec!["a", "b"]),
                ("2009-12", "The treaty expires in December.", "a", vec!["a"]),
            ]
        );
        assert_eq!(&b.text[timeline[0].start..timeline[0].end], timeline[0].text);
        let date = |value: &str| calendar_date(&value.parse().unwrap());
        assert_eq!(date("2009-03-07TMO").as_deref(), Some("2009-03-07"));
        assert_eq!(date("2009").as_deref(), Some("2009"));
        assert_eq!(date("2009-W10"), None);
        assert_eq!(date("XXXX-12-25"), None);
        assert_eq!(date("PRESENT_REF"), None);
    }

    #[test]
    fn a_sentence_is_one_entry_at_the_finest_date_it_names() {
        let a = full(
            "Talks start in Moscow on May 18, before the July summit. The treaty expires in December or in 2010.",
            Some("2009-05-07"),
        );
        let timeline = with_story(&[&a], build);
        let got: Vec<(&str, &str)> = timeline.iter().map(|e| (e.date.as_str(), e.text.as_str())).collect();
        assert_eq!(
            got,
            [
                ("2009-05-18", "Talks start in Moscow on May 18, before the July summit."),
                ("2009-12", "The treaty expires in December or in 2010.")
            ]
        );
    }
}
