//! The HTML form of a brief: one self-contained page (no external asset, readable and printable
//! without script) with the summary, an SVG timeline on a date axis, corroborated facts and
//! conflicts with a chart of which source supports which, quotes by speaker, entities by kind,
//! the sources table, and each source's text with the cited spans marked and anchored, so that
//! every source mark links to the very words it cites.
//!
//! Escaping is done in one place: every string from the brief goes through `maud`'s `html!`
//! interpolation, which escapes `&`, `<`, `>` and `"`. The only unescaped pieces
//! ([`PreEscaped`]) are the style sheet and script below, which are constants, and markup built
//! from numbers.

use std::collections::HashMap;
use std::io;

use chrono::{Datelike, Months, NaiveDate};
use maud::{html, Markup, PreEscaped, DOCTYPE};

use crate::brief::{Brief, Quote, SourceInfo};
use crate::error::Result;
use crate::mention::EntityKind;
use crate::render::Renderer;
use crate::tokens::{one_line, word_count};

/// Renders a brief as one self-contained HTML page.
#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

impl Renderer for Html {
    fn render(&self, brief: &Brief, out: &mut dyn io::Write) -> Result<()> {
        out.write_all(page(brief).into_string().as_bytes())?;
        Ok(())
    }
}

/// The page's style sheet: readable from 320 px up, and printable.
const STYLE: &str = r"
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dde5;--accent:#1f5fbf;--fact:#1e7d4f;--conflict:#b3541e;--hl:#ffe08a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:62rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.25rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid var(--line)}
h3{font-size:1rem;margin:1rem 0 .3rem}
p,li,td,th,summary{overflow-wrap:anywhere}
.meta{color:var(--muted);margin:.2rem 0}
nav ul{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem}
a{color:var(--accent)}
a.cite{font-size:.75em;font-weight:600;text-decoration:none;border:1px solid var(--accent);border-radius:.6em;padding:0 .35em;margin-left:.2em;white-space:nowrap;vertical-align:.1em}
a.cite:hover,a.cite:focus{background:var(--accent);color:#fff}
.summary p{margin:.5rem 0}
.empty{color:var(--muted);font-style:italic}
svg.axis{width:100%;height:auto;display:block;margin:.5rem 0}
svg.axis text{font:11px system-ui,sans-serif;fill:var(--muted)}
svg.axis .n{fill:#fff;font-size:9px;font-weight:700}
svg.axis a:hover *{opacity:.8}
.legend{font-size:.85rem;color:var(--muted)}
ol.events{padding-left:0;list-style:none}
ol.events li{display:grid;grid-template-columns:2.2rem 6.5rem 1fr;gap:.4rem;padding:.35rem 0;border-top:1px solid var(--line)}
ol.events .num{font-weight:700;color:var(--accent)}
ol.events time{font-variant-numeric:tabular-nums;color:var(--muted)}
ul.facts{list-style:none;padding:0}
ul.facts li{padding:.5rem .8rem;margin:.5rem 0;border-left:5px solid var(--fact);background:#eef8f2}
ul.facts li.conflict{border-left-color:var(--conflict);background:#fdf1ea}
.tag{display:inline-block;font-size:.7rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:0 .4em;border-radius:.3em;color:#fff;background:var(--fact);margin-right:.4em}
.conflict .tag{background:var(--conflict)}
.variants{margin:.3rem 0 0;padding-left:1.2rem}
ul.facts ul.variants li{border:0;background:none;padding:.1rem 0;margin:0;list-style:disc}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}
thead th{overflow-wrap:normal;white-space:nowrap}
td.day{white-space:nowrap}
table.support th[scope=row]{font-weight:400}
table.support td.dot{text-align:center;width:2.2rem}
table.support td.yes::before{content:'●';color:var(--fact)}
table.support tr.conflict td.yes::before{color:var(--conflict)}
table.support td.shown::before{content:'◆'}
blockquote{margin:.3rem 0;padding:.2rem .8rem;border-left:3px solid var(--line)}
.quotes li{list-style:none;margin:.4rem 0}
.quotes ul{padding-left:0}
ul.chips{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem}
ul.chips li{border:1px solid var(--line);border-radius:1rem;padding:.1rem .6rem;font-size:.9rem}
.small{font-size:.8rem;color:var(--muted)}
details{border:1px solid var(--line);border-radius:.4rem;margin:.5rem 0;padding:.3rem .7rem}
details summary{cursor:pointer;font-weight:600}
.text{white-space:pre-wrap;font-size:.95rem}
mark{background:#fff3c4;color:inherit;padding:0}
mark:target{background:var(--hl);outline:2px solid var(--conflict)}
li:target{background:var(--hl)}
footer{color:var(--muted);font-size:.8rem;padding:2rem 1rem}
@media (max-width:40rem){
 body{font-size:15px}
 .scroll svg.axis{min-width:36rem}
 ol.events li{grid-template-columns:1.8rem 1fr}
 ol.events li .what{grid-column:1/-1}
 table.sources thead{display:none}
 table.sources tr{display:block;border-bottom:2px solid var(--line);padding:.3rem 0}
 table.sources td{display:block;border:0;padding:.1rem 0}
 table.sources td[data-h]::before{content:attr(data-h) ': ';color:var(--muted)}
}
@media print{
 nav,.noprint{display:none}
 body{font-size:11pt}
 header,main,footer{max-width:none;padding:0}
 a{color:inherit;text-decoration:none}
 a.cite{border-color:#777}
 h2{break-after:avoid}
 li,tr,blockquote,svg{break-inside:avoid}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
";

/// An enhancement only: opens the source text that holds a linked span (browsers that do not
/// open a closed `<details>` on fragment navigation), and every source text before printing. It
/// marks the page `data-script="on"`, which tells a test that the page's own script runs.
const SCRIPT: &str = r"
(function(){
document.documentElement.setAttribute('data-script','on');
function reveal(){var id=decodeURIComponent(location.hash.slice(1));var t=id&&document.getElementById(id);
for(var e=t;e;e=e.parentElement){if(e.tagName==='DETAILS'){e.open=true;}}if(t){t.scrollIntoView({block:'center'});}}
window.addEventListener('hashchange',reveal);if(location.hash){reveal();}
window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});});
})();
";

/// What the page knows of each source: its index (for anchors) and label (for display).
struct Index<'a> {
    brief: &'a Brief,
    by_id: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    fn new(brief: &'a Brief) -> Self {
        let mut by_id = HashMap::new();
        for (i, source) in brief.sources.iter().enumerate() {
            by_id.entry(source.id.as_str()).or_insert(i);
        }
        Self { brief, by_id }
    }

    fn source(&self, id: &str) -> Option<(usize, &'a SourceInfo)> {
        self.by_id.get(id).map(|&i| (i, &self.brief.sources[i]))
    }

    /// A source mark: the source's label, linking to the cited span in its text when the span is
    /// one of that text, else to the source itself.
    fn cite(&self, id: &str, span: Option<(usize, usize)>) -> Markup {
        let Some((index, source)) = self.source(id) else {
            return html! { span.cite.small { (id) } };
        };
        let href = match span {
            Some((start, end)) if valid_span(&source.text, start, end) => format!("#{}", span_id(index, start, end)),
            _ => format!("#{}", source_anchor(index)),
        };
        let tip = describe(source);
        html! { a.cite href=(href) title=(tip) { (source.label) } }
    }

    /// Marks of several sources, each linking to its source.
    fn cites(&self, ids: &[String]) -> Markup {
        html! { @for id in ids { (self.cite(id, None)) } }
    }
}

/// A source's outlet, title and date, for tooltips and headings.
fn describe(source: &SourceInfo) -> String {
    let parts: Vec<&str> = [source.outlet.as_deref(), source.title.as_deref(), source.published.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    if parts.is_empty() {
        source.label.clone()
    } else {
        one_line(&parts.join(" · "))
    }
}

fn source_anchor(index: usize) -> String {
    format!("src{}", index + 1)
}

fn span_id(index: usize, start: usize, end: usize) -> String {
    format!("c{}-{start}-{end}", index + 1)
}

fn valid_span(text: &str, start: usize, end: usize) -> bool {
    start < end && text.get(start..end).is_some()
}

/// The page.
fn page(brief: &Brief) -> Markup {
    let index = Index::new(brief);
    let title = brief
        .title
        .as_deref()
        .map_or_else(|| format!("Brief of {} report{}", brief.sources.len(), plural(brief.sources.len())), one_line);
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="newsbrief";
                title { (title) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { (title) }
                    p.meta { (header_line(brief)) }
                    nav aria-label="Sections" {
                        ul {
                            li { a href="#summary" { "Summary" } }
                            @if !brief.timeline.is_empty() { li { a href="#timeline" { "Timeline" } } }
                            @if !brief.corroborated.is_empty() || !brief.conflicts.is_empty() {
                                li { a href="#facts" { "Facts and conflicts" } }
                            }
                            @if !brief.quotes.is_empty() { li { a href="#quotes" { "Quotes" } } }
                            @if !brief.entities.is_empty() { li { a href="#entities" { "Entities" } } }
                            li { a href="#sources" { "Sources" } }
                        }
                    }
                }
                main {
                    (summary(&index))
                    (timeline(&index))
                    (facts(&index))
                    (quotes(&index))
                    (entities(&index))
                    (sources(&index))
                }
                footer { "Made by newsbrief from " (brief.sources.len()) " report" (plural(brief.sources.len()))
                    ". Every excerpt is quoted verbatim; its mark links to its place in the source." }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn header_line(brief: &Brief) -> String {
    let mut dates: Vec<&str> = brief.sources.iter().filter_map(|s| s.published.as_deref()).collect();
    dates.sort_unstable();
    let span = match (dates.first(), dates.last()) {
        (Some(first), Some(last)) if first != last => format!(" · {first} to {last}"),
        (Some(first), _) => format!(" · {first}"),
        _ => String::new(),
    };
    let words: usize = brief.summary.iter().map(|s| word_count(&s.text)).sum();
    let n = brief.sources.len();
    format!("{n} source{}{span} · summary of {words} words", plural(n))
}

fn summary(index: &Index) -> Markup {
    let brief = index.brief;
    // One paragraph per run of sentences from the same source.
    let mut runs: Vec<Vec<&crate::brief::SummarySentence>> = Vec::new();
    for sentence in &brief.summary {
        match runs.last_mut() {
            Some(run) if run[0].source == sentence.source => run.push(sentence),
            _ => runs.push(vec![sentence]),
        }
    }
    html! {
        section #summary .summary {
            h2 { "Summary" }
            @if runs.is_empty() { p.empty { "No sentence of the sources fits a summary." } }
            @for run in &runs {
                p {
                    @for (i, sentence) in run.iter().enumerate() {
                        @if i > 0 { " " }
                        (one_line(&sentence.text))
                        (index.cite(&sentence.source, Some((sentence.start, sentence.end))))
                    }
                }
            }
        }
    }
}

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grain {
    Day,
    Month,
    Year,
}

/// The days a timeline date covers, `start..end`, and its precision; `None` for a date that is
/// not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn interval(date: &str) -> Option<(NaiveDate, NaiveDate, Grain)> {
    let parts: Vec<&str> = date.split('-').collect();
    let number = |text: &str, digits: usize| (text.len() == digits).then(|| text.parse::<u32>().ok()).flatten();
    let year = i32::try_from(number(parts.first()?, 4)?).ok()?;
    match parts.len() {
        1 => Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year + 1, 1, 1)?, Grain::Year)),
        2 => {
            let start = NaiveDate::from_ymd_opt(year, number(parts[1], 2)?, 1)?;
            Some((start, start.checked_add_months(Months::new(1))?, Grain::Month))
        }
        3 => {
            let day = NaiveDate::from_ymd_opt(year, number(parts[1], 2)?, number(parts[2], 2)?)?;
            Some((day, day.succ_opt()?, Grain::Day))
        }
        _ => None,
    }
}

/// Width of the timeline's drawing, in SVG units; it scales to the page.
const AXIS_WIDTH: f64 = 800.0;
const AXIS_MARGIN: f64 = 24.0;
const LANE_HEIGHT: f64 = 20.0;
const AXIS_TOP: f64 = 26.0;

/// Ticks for an axis over `lo..hi`: at most about eight, at whole days, months or years.
fn ticks(lo: NaiveDate, hi: NaiveDate) -> Vec<(NaiveDate, String)> {
    let days = (hi - lo).num_days();
    let mut ticks = Vec::new();
    if days <= 70 {
        let step = [1, 2, 7, 14].into_iter().find(|step| days / step <= 8).unwrap_or(14);
        let mut day = lo;
        while day <= hi {
            // The year is shown on the first tick and where it changes.
            let new_year = ticks.last().is_none_or(|(last, _): &(NaiveDate, String)| last.year() != day.year());
            let label = if new_year { day.format("%-d %b %Y").to_string() } else { day.format("%-d %b").to_string() };
            ticks.push((day, label));
            day += chrono::Duration::days(step);
        }
        return ticks;
    }
    let months = days / 30;
    let step =
        [1, 2, 3, 6, 12, 24, 60, 120, 300, 600, 1200].into_iter().find(|step| months / step <= 8).unwrap_or(1200);
    let step = u32::try_from(step).unwrap_or(1200);
    // The first month at or after lo whose number since year 0 is a multiple of the step.
    let mut month = NaiveDate::from_ymd_opt(lo.year(), lo.month(), 1).unwrap_or(lo);
    if month < lo {
        month = month.checked_add_months(Months::new(1)).unwrap_or(hi);
    }
    let ordinal = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
    while ordinal(month).rem_euclid(i64::from(step)) != 0 && month <= hi {
        month = month.checked_add_months(Months::new(1)).unwrap_or(hi);
    }
    while month <= hi {
        let label = if step >= 12 {
            month.format("%Y").to_string()
        } else if ticks.last().is_none_or(|(last, _): &(NaiveDate, String)| last.year() != month.year()) {
            month.format("%b %Y").to_string()
        } else {
            month.format("%b").to_string()
        };
        ticks.push((month, label));
        match month.checked_add_months(Months::new(step)) {
            Some(next) => month = next,
            None => break,
        }
    }
    ticks
}

/// One event placed on the axis.
struct Placed<'a> {
    number: usize,
    date: &'a str,
    text: &'a str,
    grain: Grain,
    x0: f64,
    x1: f64,
    lane: usize,
}

/// Places the dated events on a date axis: days as dots, months and years as bars as long as
/// they last, in lanes so that no two overlap.
fn place(brief: &Brief) -> (Vec<Placed<'_>>, NaiveDate, NaiveDate) {
    let dated: Vec<(usize, &crate::brief::TimelineEntry, (NaiveDate, NaiveDate, Grain))> =
        brief.timeline.iter().enumerate().filter_map(|(i, e)| interval(&e.date).map(|iv| (i, e, iv))).collect();
    let Some(lo) = dated.iter().map(|(_, _, (start, _, _))| *start).min() else {
        return (Vec::new(), NaiveDate::MIN, NaiveDate::MIN);
    };
    let hi = dated.iter().map(|(_, _, (_, end, _))| *end).max().unwrap_or(lo);
    // A little room on each side, so that the first and last dots are not cut.
    let pad = ((hi - lo).num_days() / 40).max(1);
    let (lo, hi) = (lo - chrono::Duration::days(pad), hi + chrono::Duration::days(pad));
    let span = (hi - lo).num_days().max(1) as f64;
    let x = |d: NaiveDate| AXIS_MARGIN + (d - lo).num_days() as f64 / span * (AXIS_WIDTH - 2.0 * AXIS_MARGIN);
    let mut placed: Vec<Placed> = dated
        .iter()
        .map(|&(i, entry, (start, end, grain))| {
            let (mut x0, mut x1) = (x(start), x(end));
            if grain == Grain::Day || x1 - x0 < 16.0 {
                let middle = f64::midpoint(x0, x1);
                (x0, x1) = (middle - 8.0, middle + 8.0);
            }
            Placed { number: i + 1, date: &entry.date, text: &entry.text, grain, x0, x1, lane: 0 }
        })
        .collect();
    placed.sort_by(|a, b| a.x0.total_cmp(&b.x0).then(a.number.cmp(&b.number)));
    let mut lane_ends: Vec<f64> = Vec::new();
    for event in &mut placed {
        let lane = lane_ends.iter().position(|&end| end + 2.0 <= event.x0).unwrap_or(lane_ends.len());
        if lane == lane_ends.len() {
            lane_ends.push(event.x1);
        } else {
            lane_ends[lane] = event.x1;
        }
        event.lane = lane;
    }
    (placed, lo, hi)
}

fn timeline_svg(brief: &Brief) -> Markup {
    let (placed, lo, hi) = place(brief);
    if placed.is_empty() {
        return html! {};
    }
    let lanes = placed.iter().map(|p| p.lane).max().unwrap_or(0) + 1;
    let height = AXIS_TOP + lanes as f64 * LANE_HEIGHT + 8.0;
    let span = (hi - lo).num_days().max(1) as f64;
    let x = |d: NaiveDate| AXIS_MARGIN + (d - lo).num_days() as f64 / span * (AXIS_WIDTH - 2.0 * AXIS_MARGIN);
    let label = format!(
        "Timeline of {} dated events from {} to {}",
        placed.len(),
        placed.iter().map(|p| p.date).min().unwrap_or(""),
        placed.iter().map(|p| p.date).max().unwrap_or("")
    );
    html! {
        svg.axis xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {AXIS_WIDTH} {height:.0}"))
            role="img" aria-label=(label) {
            line x1=(AXIS_MARGIN) y1="18" x2=(AXIS_WIDTH - AXIS_MARGIN) y2="18" stroke="#8a93a6" stroke-width="1" {}
            @for (day, text) in ticks(lo, hi) {
                @let tx = format!("{:.1}", x(day));
                // Labels near an edge lean inwards, so that none is cut.
                @let anchor = if x(day) < 60.0 { "start" } else if x(day) > AXIS_WIDTH - 60.0 { "end" } else { "middle" };
                line x1=(tx) y1="14" x2=(tx) y2=(format!("{:.0}", height - 4.0)) stroke="#e3e6ec" stroke-width="1" {}
                text x=(tx) y="11" text-anchor=(anchor) { (text) }
            }
            @for event in &placed {
                @let y = AXIS_TOP + event.lane as f64 * LANE_HEIGHT;
                a href=(format!("#t{}", event.number)) {
                    title { (event.date) ": " (one_line(event.text)) }
                    @match event.grain {
                        Grain::Day => {
                            circle cx=(format!("{:.1}", f64::midpoint(event.x0, event.x1))) cy=(format!("{:.1}", y + 8.0)) r="8"
                                fill="#1f5fbf" {}
                        }
                        Grain::Month => {
                            rect x=(format!("{:.1}", event.x0)) y=(format!("{y:.1}")) width=(format!("{:.1}", event.x1 - event.x0))
                                height="16" rx="3" fill="#5c8fd6" {}
                        }
                        Grain::Year => {
                            rect x=(format!("{:.1}", event.x0)) y=(format!("{y:.1}")) width=(format!("{:.1}", event.x1 - event.x0))
                                height="16" rx="3" fill="#b7cdee" stroke="#5c8fd6" {}
                        }
                    }
                    @let cx = if event.grain == Grain::Day { f64::midpoint(event.x0, event.x1) } else { event.x0 + 8.0 };
                    text.n x=(format!("{cx:.1}")) y=(format!("{:.1}", y + 11.5)) text-anchor="middle"
                        style=(if event.grain == Grain::Year { "fill:#1d2330" } else { "" }) { (event.number) }
                }
            }
        }
    }
}

fn timeline(index: &Index) -> Markup {
    let brief = index.brief;
    if brief.timeline.is_empty() {
        return html! {};
    }
    html! {
        section #timeline {
            h2 { "Timeline" }
            div.scroll { (timeline_svg(brief)) }
            p.legend { "● a day · ▬ a month · ▭ a year; each mark is numbered as in the list below." }
            ol.events {
                @for (i, entry) in brief.timeline.iter().enumerate() {
                    li id=(format!("t{}", i + 1)) {
                        span.num { (i + 1) }
                        time datetime=(entry.date) { (entry.date) }
                        span.what {
                            (one_line(&entry.text))
                            (index.cite(&entry.source, Some((entry.start, entry.end))))
                            @for id in entry.sources.iter().filter(|id| **id != entry.source) { (index.cite(id, None)) }
                        }
                    }
                }
            }
        }
    }
}

fn facts(index: &Index) -> Markup {
    let brief = index.brief;
    if brief.corroborated.is_empty() && brief.conflicts.is_empty() {
        return html! {};
    }
    html! {
        section #facts {
            h2 { "Corroborated facts and conflicts" }
            ul.facts {
                @for (i, fact) in brief.corroborated.iter().enumerate() {
                    li.fact id=(format!("f{}", i + 1)) {
                        span.tag { "F" (i + 1) " · " (fact.sources.len()) " sources" }
                        (one_line(&fact.text))
                        (index.cite(&fact.source, Some((fact.start, fact.end))))
                        @for id in fact.sources.iter().filter(|id| **id != fact.source) { (index.cite(id, None)) }
                    }
                }
                @for (i, conflict) in brief.conflicts.iter().enumerate() {
                    li.conflict id=(format!("x{}", i + 1)) {
                        span.tag { "Conflict " (i + 1) }
                        (one_line(&conflict.about))
                        ul.variants {
                            @for variant in &conflict.variants {
                                li { "“" (one_line(&variant.value)) "”"
                                    (index.cite(&variant.source, Some((variant.start, variant.end))))
                                    @for id in variant.sources.iter().filter(|id| **id != variant.source) { (index.cite(id, None)) }
                                }
                            }
                        }
                    }
                }
            }
            (support_chart(index))
        }
    }
}

/// Which source supports which fact or variant: a dot where it does, a diamond where the words
/// shown are its own.
fn support_chart(index: &Index) -> Markup {
    let brief = index.brief;
    let columns: Vec<(usize, &SourceInfo)> = brief.sources.iter().enumerate().filter(|(_, s)| !s.off_topic).collect();
    let mut rows: Vec<(String, String, bool, &str, &[String])> = Vec::new();
    for (i, fact) in brief.corroborated.iter().enumerate() {
        let name = format!("F{}: {}", i + 1, shorten(&one_line(&fact.text), 70));
        rows.push((name, format!("#f{}", i + 1), false, fact.source.as_str(), &fact.sources));
    }
    for (i, conflict) in brief.conflicts.iter().enumerate() {
        for variant in &conflict.variants {
            let name = format!("Conflict {}: “{}”", i + 1, one_line(&variant.value));
            rows.push((name, format!("#x{}", i + 1), true, variant.source.as_str(), &variant.sources));
        }
    }
    html! {
        h3 { "Who supports what" }
        div.scroll {
            table.support {
                caption.small { "● the source states it · ◆ its words are the ones shown" }
                thead { tr { th scope="col" { "Fact or variant" }
                    @for (_, source) in &columns { th scope="col" title=(describe(source)) { (source.label) } } } }
                tbody {
                    @for (name, href, conflict, shown, supporters) in &rows {
                        tr.conflict[*conflict] {
                            th scope="row" { a href=(href) { (name) } }
                            @for (_, source) in &columns {
                                @let yes = supporters.contains(&source.id) || source.id == *shown;
                                td.dot.yes[yes].shown[source.id == *shown] {}
                            }
                        }
                    }
                }
            }
        }
    }
}

/// `text` cut after at most `chars` characters, at a word's end, with an ellipsis.
fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(chars).collect();
    // A word cut in the middle is left out.
    let whole = text.chars().nth(chars).is_some_and(char::is_whitespace);
    let cut = if whole { cut.as_str() } else { cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head) };
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

fn quotes(index: &Index) -> Markup {
    let brief = index.brief;
    if brief.quotes.is_empty() {
        return html! {};
    }
    // Speakers in order of their first quotation; unattributed quotations last.
    let mut groups: Vec<(Option<&str>, Vec<&Quote>)> = Vec::new();
    for quote in &brief.quotes {
        let speaker = quote.speaker.as_deref();
        match groups.iter_mut().find(|(s, _)| *s == speaker) {
            Some((_, group)) => group.push(quote),
            None => groups.push((speaker, vec![quote])),
        }
    }
    groups.sort_by_key(|(speaker, _)| speaker.is_none());
    html! {
        section #quotes .quotes {
            h2 { "Quotes" }
            @for (speaker, group) in &groups {
                h3 { (speaker.map_or_else(|| "Unattributed".to_owned(), one_line)) " "
                    span.small { (group.len()) " quotation" (plural(group.len())) } }
                ul {
                    @for quote in group {
                        li { blockquote { "“" (one_line(&quote.text)) "”"
                            (index.cite(&quote.source, Some((quote.start, quote.end))))
                            @if let Some(note) = quote.speaker_note() { " " span.small { (note) } } } }
                    }
                }
            }
        }
    }
}

fn entities(index: &Index) -> Markup {
    let brief = index.brief;
    if brief.entities.is_empty() {
        return html! {};
    }
    let kinds = [
        (EntityKind::Person, "People"),
        (EntityKind::Organization, "Organisations"),
        (EntityKind::Place, "Places"),
        (EntityKind::Other, "Other names"),
    ];
    html! {
        section #entities {
            h2 { "Entities" }
            @for (kind, heading) in kinds {
                @let members: Vec<_> = brief.entities.iter().filter(|e| e.kind == kind).collect();
                @if !members.is_empty() {
                    h3 { (heading) }
                    ul.chips {
                        @for entity in members {
                            li {
                                strong { (one_line(&entity.name)) }
                                @if !entity.aliases.is_empty() { " " span.small { "also " (entity.aliases.join(", ")) } }
                                " " span.small { "×" (entity.mentions) }
                                (index.cites(&entity.sources))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn sources(index: &Index) -> Markup {
    let brief = index.brief;
    let cited = cited_spans(brief, index);
    let dash = |value: &Option<String>| value.as_deref().map_or_else(|| "–".to_owned(), one_line);
    html! {
        section #sources {
            h2 { "Sources" }
            @let strays: Vec<&str> = brief.sources.iter().filter(|s| s.off_topic).map(|s| s.label.as_str()).collect();
            @if !strays.is_empty() {
                p.empty { (strays.join(", ")) (if strays.len() == 1 { " is" } else { " are" })
                    " about another story: set aside, not summarized." }
            }
            div.scroll {
                table.sources {
                    thead { tr { th { "Source" } th { "Outlet" } th { "Published" } th { "Title" } th { "Byline" }
                        th { "Language" } th { "Words" } th { "Address" } } }
                    tbody {
                        @for (i, source) in brief.sources.iter().enumerate() {
                            tr {
                                td data-h="Source" { a href=(format!("#{}", source_anchor(i))) { (source.label) }
                                    @if source.off_topic { " (off topic)" } }
                                td data-h="Outlet" { (dash(&source.outlet)) }
                                td.day data-h="Published" { (dash(&source.published)) }
                                td data-h="Title" { (dash(&source.title)) }
                                td data-h="Byline" { (dash(&source.byline)) }
                                td data-h="Language" { (dash(&source.language)) }
                                td data-h="Words" { (source.words) }
                                td data-h="Address" {
                                    @match source.url.as_deref() {
                                        Some(url) if is_web_address(url) => { a href=(url) rel="noreferrer nofollow" { (url) } }
                                        Some(url) => { (url) }
                                        None => { "–" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h3 { "Texts" }
            p.small { "Each source's text as it was read; the passages the brief cites are highlighted." }
            @for (i, source) in brief.sources.iter().enumerate() {
                details id=(source_anchor(i)) {
                    summary { (source.label) " · " (describe(source)) }
                    div.text { (marked_text(&source.text, &cited[i], i)) }
                }
            }
        }
    }
}

/// Only `http:` and `https:` addresses become links (never `javascript:` or `data:`).
fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// For each source, the spans the brief cites in its text.
fn cited_spans(brief: &Brief, index: &Index) -> Vec<Vec<(usize, usize)>> {
    let mut cited = vec![Vec::new(); brief.sources.len()];
    for (_, id, start, end, _) in brief.excerpts() {
        if let Some((i, source)) = index.source(id) {
            if valid_span(&source.text, start, end) {
                cited[i].push((start, end));
            }
        }
    }
    cited
}

/// A piece of a source text with its marks.
enum Piece<'a> {
    Text(&'a str),
    Open(usize, usize),
    Close,
}

/// The text split at the cited spans, each span an anchored `<mark>`. Marks nest; a span that
/// crosses the end of an enclosing one is cut there (its anchor is kept).
fn marked_text(text: &str, spans: &[(usize, usize)], index: usize) -> Markup {
    let mut spans: Vec<(usize, usize)> = spans.iter().copied().filter(|&(s, e)| valid_span(text, s, e)).collect();
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    spans.dedup();
    let mut pieces = Vec::new();
    let mut position = 0;
    let mut open: Vec<usize> = Vec::new();
    for (start, end) in spans {
        while let Some(&top) = open.last() {
            if top > start {
                break;
            }
            pieces.push(Piece::Text(&text[position..top]));
            pieces.push(Piece::Close);
            position = top;
            open.pop();
        }
        pieces.push(Piece::Text(&text[position..start]));
        position = start;
        pieces.push(Piece::Open(start, end));
        // The end of a crossing span is cut at its parent's end, which is a char boundary.
        open.push(open.last().map_or(end, |&parent| end.min(parent)));
    }
    while let Some(top) = open.pop() {
        pieces.push(Piece::Text(&text[position..top]));
        pieces.push(Piece::Close);
        position = top;
    }
    pieces.push(Piece::Text(&text[position..]));
    html! {
        @for piece in &pieces {
            @match piece {
                Piece::Text(text) => { (text) }
                Piece::Open(start, end) => { (PreEscaped(format!("<mark id=\"{}\">", span_id(index, *start, *end)))) }
                Piece::Close => { (PreEscaped("</mark>")) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{Conflict, Corroboration, Entity, SummarySentence, TimelineEntry, Variant};
    use proptest::prelude::*;

    fn render(brief: &Brief) -> String {
        let mut out = Vec::new();
        Html.render(brief, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn source(id: &str, label: &str, text: &str) -> SourceInfo {
        SourceInfo { id: id.to_owned(), label: label.to_owned(), text: text.to_owned(), ..SourceInfo::default() }
    }

    fn entry(date: &str, source: &str, text: &str, start: usize) -> TimelineEntry {
        TimelineEntry {
            date: date.to_owned(),
            text: text.to_owned(),
            source: source.to_owned(),
            start,
            end: start + text.len(),
            sources: vec![source.to_owned()],
        }
    }

    /// A brief whose every string field holds `hostile`, and whose spans are real.
    fn brief_with(hostile: &str) -> Brief {
        let text = format!("{hostile} Ministers met. {hostile}");
        let start = hostile.len() + 1;
        let a = |t: &str| t.to_owned();
        Brief {
            title: Some(a(hostile)),
            sources: vec![SourceInfo {
                outlet: Some(a(hostile)),
                title: Some(a(hostile)),
                published: Some(a(hostile)),
                byline: Some(a(hostile)),
                url: Some(a(hostile)),
                language: Some(a(hostile)),
                dateline: Some(a(hostile)),
                ..source("ab", hostile, &text)
            }],
            summary: vec![SummarySentence { text: a(hostile), source: a("ab"), start: 0, end: hostile.len() }],
            timeline: vec![TimelineEntry { date: a(hostile), ..entry("2009", "ab", "Ministers met.", start) }],
            quotes: vec![Quote {
                speaker: Some(a(hostile)),
                attribution: None,
                text: a(hostile),
                source: a("ab"),
                start: 0,
                end: hostile.len(),
                speaker_span: None,
            }],
            entities: vec![Entity {
                name: a(hostile),
                kind: EntityKind::Person,
                aliases: vec![a(hostile)],
                mentions: 1,
                sources: vec![a("ab"), a(hostile)],
            }],
            corroborated: vec![Corroboration {
                text: a(hostile),
                source: a("ab"),
                start: 0,
                end: hostile.len(),
                sources: vec![a("ab")],
                statements: Vec::new(),
            }],
            conflicts: vec![Conflict {
                about: a(hostile),
                variants: vec![Variant {
                    value: a(hostile),
                    source: a(hostile),
                    start: 0,
                    end: 3,
                    sources: vec![a(hostile)],
                }],
            }],
            ..Brief::default()
        }
    }

    /// The tags the renderer writes; anything else after a `<` came from the data.
    const OWN_TAGS: &[&str] = &[
        "!DOCTYPE",
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "h3",
        "p",
        "nav",
        "ul",
        "ol",
        "li",
        "a",
        "main",
        "section",
        "span",
        "svg",
        "line",
        "text",
        "circle",
        "rect",
        "time",
        "table",
        "caption",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "blockquote",
        "strong",
        "div",
        "details",
        "summary",
        "mark",
        "footer",
        "script",
    ];

    /// Every `<` of the page opens or closes one of the renderer's own tags, no tag carries an
    /// event handler attribute, and the only script is the renderer's.
    fn check_escaped(page: &str) {
        let mut rest = page;
        while let Some(at) = rest.find('<') {
            let tag_text = &rest[at + 1..];
            let close = tag_text.find('>').expect("a tag is closed");
            let tag = &tag_text[..close];
            let name = tag.trim_start_matches('/').split([' ', '\n']).next().unwrap_or("");
            assert!(OWN_TAGS.contains(&name), "foreign tag <{tag}> in the page");
            for name in attribute_names(tag) {
                assert!(!name.to_ascii_lowercase().starts_with("on"), "event handler attribute {name} in <{tag}>");
            }
            rest = &tag_text[close..];
        }
        assert_eq!(page.matches("<script").count(), 1, "one script, the renderer's");
        assert!(page.contains(SCRIPT));
    }

    /// The attribute names of a tag's text (`a href="x" title="y"`); values are quoted.
    fn attribute_names(tag: &str) -> Vec<&str> {
        let mut names = Vec::new();
        let mut rest = tag.trim_end_matches('/').split_once(char::is_whitespace).map_or("", |(_, r)| r);
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                return names;
            }
            let end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
            names.push(&rest[..end]);
            rest = &rest[end..];
            if let Some(value) = rest.strip_prefix("=\"") {
                let close = value.find('"').expect("a quoted value is closed");
                rest = &value[close + 1..];
            }
        }
    }

    #[test]
    fn hostile_text_is_shown_as_text() {
        let hostile = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=1\">\"onload=x '&amp;";
        let page = render(&brief_with(hostile));
        check_escaped(&page);
        assert!(page.contains("&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;"), "{page}");
        // A javascript: address is shown, not linked.
        let mut brief = brief_with("x");
        brief.sources[0].url = Some("javascript:alert(1)".to_owned());
        let page = render(&brief);
        assert!(!page.contains("href=\"javascript"), "{page}");
        assert!(page.contains(">javascript:alert(1)<"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn no_raw_markup_from_the_brief_reaches_the_page(hostile in "[<>&\"' =a-z/!\\-]{0,40}") {
            check_escaped(&render(&brief_with(&hostile)));
        }

        #[test]
        fn marks_balance_for_any_spans(spans in proptest::collection::vec((0usize..40, 0usize..40), 0..8)) {
            let text = "Talks résumé in Genève; ministers met — at last.";
            let html = marked_text(text, &spans, 0).into_string();
            prop_assert_eq!(html.matches("<mark ").count(), html.matches("</mark>").count());
            // Without its marks the page shows the text, escaped, whole.
            let plain = html.split("</mark>").collect::<String>();
            let plain = regex::Regex::new("<mark id=\"[^\"]*\">").unwrap().replace_all(&plain, "");
            prop_assert_eq!(plain.as_ref(), text);
        }
    }

    #[test]
    fn summary_marks_link_to_their_sentence_in_the_source_text() {
        let text = "Talks resume. Ministers met in Geneva.";
        let brief = Brief {
            sources: vec![source("ab12", "s1", text)],
            summary: vec![SummarySentence {
                text: "Ministers met in Geneva.".to_owned(),
                source: "ab12".to_owned(),
                start: 14,
                end: 38,
            }],
            quotes: vec![Quote {
                speaker: None,
                attribution: None,
                text: "met in".to_owned(),
                source: "ab12".to_owned(),
                start: 24,
                end: 30,
                speaker_span: None,
            }],
            ..Brief::default()
        };
        let page = render(&brief);
        assert!(page.contains("Ministers met in Geneva.<a class=\"cite\" href=\"#c1-14-38\""), "{page}");
        assert!(page.contains("<details id=\"src1\">"), "{page}");
        assert!(
            page.contains(
                "Talks resume. <mark id=\"c1-14-38\">Ministers <mark id=\"c1-24-30\">met in</mark> Geneva.</mark>"
            ),
            "{page}"
        );
        assert!(page.contains("<h3>Unattributed <span class=\"small\">1 quotation</span></h3>"), "{page}");
    }

    #[test]
    fn bad_spans_and_unknown_sources_do_not_panic() {
        let brief = Brief {
            sources: vec![source("ab", "s1", "Genève")],
            summary: vec![
                SummarySentence { text: "x".to_owned(), source: "ab".to_owned(), start: 3, end: 4 },
                SummarySentence { text: "x".to_owned(), source: "ab".to_owned(), start: 5, end: 99 },
                SummarySentence { text: "x".to_owned(), source: "zz".to_owned(), start: 0, end: 1 },
            ],
            ..Brief::default()
        };
        let page = render(&brief);
        // A span inside a character, or past the end, links to the source as a whole.
        assert_eq!(page.matches("href=\"#src1\"").count(), 3, "{page}");
        assert!(page.contains("<span class=\"cite small\">zz</span>"), "{page}");
    }

    #[test]
    fn long_labels_are_cut_at_a_word() {
        assert_eq!(shorten("Ministers met.", 70), "Ministers met.");
        assert_eq!(shorten("Ministers from both sides met, in Geneva", 30), "Ministers from both sides met…");
        assert_eq!(shorten("Genève Genève Genève", 8), "Genève…");
    }

    #[test]
    fn dates_of_every_grain_are_intervals() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(interval("2009-03-06"), Some((day(2009, 3, 6), day(2009, 3, 7), Grain::Day)));
        assert_eq!(interval("2009-12"), Some((day(2009, 12, 1), day(2010, 1, 1), Grain::Month)));
        assert_eq!(interval("2010"), Some((day(2010, 1, 1), day(2011, 1, 1), Grain::Year)));
        for bad in ["", "2009-13", "2009-02-30", "09-03", "2009-3-6", "PRESENT_REF", "2009-W10"] {
            assert_eq!(interval(bad), None, "{bad}");
        }
    }

    #[test]
    fn ticks_fit_the_span() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let labels = |lo, hi| ticks(lo, hi).into_iter().map(|(_, l)| l).collect::<Vec<_>>().join(" ");
        assert_eq!(labels(day(2009, 3, 1), day(2009, 3, 8)), "1 Mar 2009 2 Mar 3 Mar 4 Mar 5 Mar 6 Mar 7 Mar 8 Mar");
        assert_eq!(labels(day(2009, 2, 20), day(2009, 6, 10)), "Mar 2009 Apr May Jun");
        assert_eq!(labels(day(2008, 7, 20), day(2011, 2, 10)), "Jan 2009 Jul Jan 2010 Jul Jan 2011");
        assert_eq!(labels(day(1990, 1, 1), day(2011, 1, 1)), "1990 1995 2000 2005 2010");
        assert_eq!(labels(day(2009, 1, 31), day(2009, 3, 8)), "31 Jan 2009 7 Feb 14 Feb 21 Feb 28 Feb 7 Mar");
        assert_eq!(labels(day(2008, 12, 30), day(2009, 1, 2)), "30 Dec 2008 31 Dec 1 Jan 2009 2 Jan");
    }

    #[test]
    fn the_timeline_is_drawn_on_a_date_axis() {
        let text =
            "In 2008 it began. In March 2009 talks resumed. On 6 March 2009 they met. On 7 March 2009 they left.";
        let brief = Brief {
            sources: vec![source("ab", "s1", text)],
            timeline: vec![
                entry("2008", "ab", "In 2008 it began.", 0),
                entry("2009-03", "ab", "In March 2009 talks resumed.", 18),
                entry("2009-03-06", "ab", "On 6 March 2009 they met.", 47),
                entry("2009-03-07", "ab", "On 7 March 2009 they left.", 73),
            ],
            ..Brief::default()
        };
        assert_eq!(brief.check_spans(), Ok(()));
        let page = render(&brief);
        let svg = &page[page.find("<svg").unwrap()..page.find("</svg>").unwrap()];
        assert_eq!(svg.matches("<circle").count(), 2, "{svg}");
        assert_eq!(svg.matches("<rect").count(), 2, "{svg}");
        // The year's bar is as long as twelve months' bars.
        let widths: Vec<f64> = regex::Regex::new(r#" width="([0-9.]+)""#)
            .unwrap()
            .captures_iter(svg)
            .map(|c| c[1].parse().unwrap())
            .collect();
        assert_eq!(widths.len(), 2);
        assert!((widths[0] / widths[1] - 365.0 / 31.0).abs() < 0.5, "{widths:?}");
        // The days lie in the month, after the year, left to right.
        let xs: Vec<f64> =
            regex::Regex::new(r#"cx="([0-9.]+)""#).unwrap().captures_iter(svg).map(|c| c[1].parse().unwrap()).collect();
        assert!(xs[0] < xs[1], "{xs:?}");
        for n in 1..=4 {
            assert!(svg.contains(&format!("href=\"#t{n}\"")), "{svg}");
            assert!(page.contains(&format!("<li id=\"t{n}\">")), "{page}");
        }
        assert!(svg.contains(">2008<") || svg.contains(">Jan 2008<") || svg.contains("2009"), "{svg}");
    }

    #[test]
    fn facts_and_conflicts_are_charted_by_source() {
        let text = "Both agreed. The button was big. The button was small.";
        let variant = |value: &str, source: &str, start| Variant {
            value: value.to_owned(),
            source: source.to_owned(),
            start,
            end: start + value.len(),
            sources: vec![source.to_owned()],
        };
        let brief = Brief {
            sources: vec![source("a", "s1", text), source("b", "s2", text), source("c", "s3", text)],
            corroborated: vec![Corroboration {
                text: "Both agreed.".to_owned(),
                source: "a".to_owned(),
                start: 0,
                end: 12,
                sources: vec!["a".to_owned(), "b".to_owned()],
                statements: Vec::new(),
            }],
            conflicts: vec![Conflict {
                about: "the size of the button".to_owned(),
                variants: vec![variant("big", "a", 28), variant("small", "c", 48)],
            }],
            ..Brief::default()
        };
        assert_eq!(brief.check_spans(), Ok(()));
        let page = render(&brief);
        let chart = &page[page.find("<table class=\"support\"").unwrap()..];
        let chart = &chart[..chart.find("</table>").unwrap()];
        let rows: Vec<&str> = chart.split("<tr").skip(2).collect();
        assert_eq!(rows.len(), 3, "{chart}");
        let cells = |row: &str| {
            row.split("<td class=\"")
                .skip(1)
                .map(|c| {
                    if c.starts_with("dot yes shown") {
                        '◆'
                    } else if c.starts_with("dot yes") {
                        '●'
                    } else {
                        '·'
                    }
                })
                .collect::<String>()
        };
        assert_eq!(cells(rows[0]), "◆●·");
        assert_eq!(cells(rows[1]), "◆··");
        assert_eq!(cells(rows[2]), "··◆");
        assert!(rows[1].starts_with(" class=\"conflict\""), "{}", rows[1]);
        assert!(page.contains("<li class=\"conflict\" id=\"x1\">"), "{page}");
    }
}
