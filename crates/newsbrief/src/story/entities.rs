//! Named entities found by rules, without any model: runs of capitalised words, typed by titles
//! ("Foreign Minister"), organisation words ("Council"), acronyms, the prepositions of places,
//! and speech verbs; merged across spellings and sources ("Sergei Lavrov" / "Sergey Lavrov" /
//! "Lavrov", "NATO" / "Nato"), the fullest form as the name.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

use crate::brief::Entity;

/// Titles that come before a person's name.
const TITLES: &[&str] = &[
    "President",
    "Vice President",
    "Prime Minister",
    "Foreign Minister",
    "Defense Minister",
    "Defence Minister",
    "Minister",
    "Secretary of State",
    "Secretary",
    "Secretary General",
    "Chancellor",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Governor",
    "Gov.",
    "Mayor",
    "General",
    "Gen.",
    "Ambassador",
    "King",
    "Queen",
    "Prince",
    "Pope",
    "Judge",
    "Justice",
    "Chairman",
    "Chief",
    "Director",
    "Commissioner",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Prof.",
    "Sheriff",
    "Deputy",
    "Officer",
    "Lt.",
    "Col.",
    "Capt.",
    "Sgt.",
    "Archbishop",
];
/// Words that make a name an organisation's.
const ORGANISATION_WORDS: &[&str] = &[
    "Council",
    "Committee",
    "Commission",
    "Ministry",
    "Department",
    "Agency",
    "Organization",
    "Organisation",
    "Union",
    "Party",
    "Bank",
    "Fund",
    "Institute",
    "University",
    "College",
    "Association",
    "Corporation",
    "Company",
    "Corp",
    "Inc",
    "Ltd",
    "Group",
    "Endowment",
    "Duma",
    "Senate",
    "Congress",
    "Parliament",
    "Administration",
    "Court",
    "Police",
    "Army",
    "Navy",
    "Forces",
    "Office",
    "Service",
    "Foundation",
    "Times",
    "News",
    "Post",
    "Journal",
    "Press",
    "Reuters",
    "Network",
    "Board",
    "Authority",
    "Alliance",
    "Federation",
    "Assembly",
    "Church",
    "School",
    "Hospital",
    "Airlines",
    "Bureau",
    "Watch",
];
/// Capitalised words that open sentences or stand in titles without naming anything.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Also",
    "Later",
    "Earlier",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Now",
    "According",
    "Asked",
    "Under",
    "With",
    "For",
    "From",
    "To",
    "By",
    "Of",
    "So",
    "Yet",
    "Still",
    "Then",
    "Instead",
    "Meanwhile",
    "However",
    "Analysts",
    "Officials",
];
/// Verbs of speech: the name right before one is a speaker, hence a person or organisation.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "insisted",
    "stressed",
    "warned",
    "explained",
    "noted",
    "declared",
    "announced",
    "argued",
    "asked",
    "replied",
    "wrote",
    "described",
    "reiterated",
    "acknowledged",
    "admitted",
];
/// Prepositions that put a place after them.
const PLACE_PREPOSITIONS: &[&str] = &["in", "to", "from", "near", "into", "across", "throughout", "outside"];

/// The titles, longest first, padded with spaces for matching whole words.
static LONGEST_TITLES_FIRST: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut titles: Vec<String> = TITLES.iter().map(|t| format!(" {t} ")).collect();
    titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
    titles
});

/// The last word of every title: a name holds a title only if it holds one of these.
static TITLE_ENDINGS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| TITLES.iter().filter_map(|t| t.split(' ').next_back()).collect());

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\p{Lu}[\p{L}’'\.]*(?:-\p{Lu}[\p{L}’'\.]*)*",
        r"(?:\s+(?:(?:de|von|van|der|del|la|al|bin|of)\s+)?\p{Lu}[\p{L}’'\.]*(?:-\p{Lu}[\p{L}’'\.]*)*)*"
    ))
    .expect("valid regex")
});

/// One mention of a name in a source's sentence.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// The name as written (titles and possessives removed).
    pub(crate) name: String,
    /// The source index.
    pub(crate) source: usize,
    /// What the context says the name is.
    pub(crate) kind: Kind,
    /// A single capitalised word opening its sentence, with nothing else saying it is a name:
    /// it counts only if the same word stands capitalised inside some sentence.
    pub(crate) tentative: bool,
}

/// What a name denotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// Nothing tells.
    Other,
    /// A place.
    Place,
    /// An organisation.
    Organization,
    /// A person.
    Person,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Other => "other",
            Kind::Place => "place",
            Kind::Organization => "organization",
            Kind::Person => "person",
        }
    }
}

/// The names mentioned in one sentence of source `source`. A capitalised word opening the
/// sentence is only tentatively a name, unless a speech verb follows it ("Lavrov said"): see
/// [`confirm`].
pub(crate) fn mentions(sentence: &str, source: usize) -> Vec<Mention> {
    let mut found = Vec::new();
    for m in NAME.find_iter(sentence) {
        let mut name = m
            .as_str()
            .trim_end_matches(['.', '-'])
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .trim_end_matches(['\'', '’'])
            .to_owned();
        let before = sentence[..m.start()].trim_end();
        let previous_word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        let after = sentence[m.end()..].trim_start();
        let next_word = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        // A title makes a person of the name after it ("Russian Foreign Minister Sergei Lavrov");
        // a title with no name after it is a role, not a name.
        let mut kind = Kind::Other;
        let padded = format!(" {name} ");
        let may_hold_title = name.split_whitespace().any(|w| TITLE_ENDINGS.contains(w));
        for title in LONGEST_TITLES_FIRST.iter().filter(|t| may_hold_title && padded.contains(t.as_str())) {
            if let Some(at) = padded.rfind(title.as_str()) {
                let rest = padded[at + title.len()..].trim();
                if rest.is_empty() {
                    name.clear();
                } else {
                    rest.clone_into(&mut name);
                    kind = Kind::Person;
                }
                break;
            }
        }
        let mut words: Vec<&str> = name.split_whitespace().collect();
        let whole = words.len();
        while words.len() > 1 && words.last().is_some_and(|w| crate::dates::is_calendar_word(w)) {
            words.pop();
        }
        if words.len() < whole {
            name = words.join(" ");
            words = name.split_whitespace().collect();
        }
        if words.is_empty() {
            continue;
        }
        // A sentence's first word is capitalised anyway: drop it when it names nothing.
        let at_start = before.is_empty() || before.ends_with(['.', '"', '“', ':']);
        if words.len() == 1 && not_a_name(words[0]) {
            continue;
        }
        let tentative = words.len() == 1
            && at_start
            && kind == Kind::Other
            && !is_acronym(words[0])
            && !SPEECH_VERBS.contains(&next_word);
        let name = if not_a_name(words[0]) && words.len() > 1 { words[1..].join(" ") } else { name };
        if name.chars().count() < 2 || not_a_name(&name) {
            continue;
        }
        if kind == Kind::Other {
            kind = if name.split([' ', '-']).any(|w| ORGANISATION_WORDS.contains(&w)) || is_acronym(&name) {
                Kind::Organization
            } else if SPEECH_VERBS.contains(&next_word) {
                Kind::Person
            } else if PLACE_PREPOSITIONS.contains(&previous_word) {
                Kind::Place
            } else {
                Kind::Other
            };
        }
        found.push(Mention { name, source, kind, tentative });
    }
    found
}

/// A word that is no name on its own: a function word, a day or a month.
fn not_a_name(word: &str) -> bool {
    NOT_NAMES.contains(&word) || crate::dates::is_calendar_word(word)
}

/// A name folded to lowercase letters and digits, for comparing spellings.
pub(crate) fn fold(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

fn is_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase()) && !word.contains(' ')
}

/// Merges mentions into entities: same name up to case and punctuation; a lone surname (or a
/// name within a longer one) into the one full name that ends with it; full names whose surnames
/// agree and first names differ by one letter ("Sergei" / "Sergey").
pub(crate) fn merge(mentions: &[Mention], ids: &[String]) -> (Vec<Entity>, Vec<usize>) {
    // Group the mentions by their folded spelling.
    let mut groups: Vec<Group> = Vec::new();
    let mut group_of_key: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    let mut group_of_mention: Vec<usize> = Vec::with_capacity(mentions.len());
    for mention in mentions {
        let key = fold(&mention.name);
        let index = *group_of_key.entry(key.clone()).or_insert_with(|| {
            groups.push(Group::new(key));
            groups.len() - 1
        });
        groups[index].add(mention);
        group_of_mention.push(index);
    }
    // Each group points at the group it joins (itself when it joins none).
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    let fullest: Vec<String> = groups.iter().map(Group::fullest).collect();
    // Spelling variants share a last word: compare only within each last word's groups.
    let mut by_last_word: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (i, name) in fullest.iter().enumerate() {
        by_last_word.entry(name.split_whitespace().last().unwrap_or("")).or_default().push(i);
    }
    for i in 0..groups.len() {
        let last = fullest[i].split_whitespace().last().unwrap_or("");
        let earlier = by_last_word[last].iter().copied().take_while(|&j| j < i);
        if let Some(j) = earlier.filter(|&j| parent[j] == j).find(|&j| same_person(&fullest[i], &fullest[j])) {
            parent[i] = j;
        }
    }
    for i in 0..groups.len() {
        let short = &fullest[i];
        if parent[i] != i || (short.contains(' ') && !is_acronym(short)) || groups[i].kind == Kind::Place {
            continue;
        }
        // A surname joins the one person whose name ends with it ("Geneva" is no surname of
        // "United Nations Geneva").
        let longer: Vec<usize> = (0..groups.len())
            .filter(|&j| j != i && parent[j] == j && ends_with_word(&fullest[j], short))
            .filter(|&j| groups[j].kind == Kind::Person || groups[i].kind == Kind::Person)
            .collect();
        if let [only] = longer[..] {
            parent[i] = only;
        }
    }
    let root = |mut i: usize| {
        while parent[i] != i {
            i = parent[i];
        }
        i
    };
    // Fold every group into its root, roots in order of first mention.
    let mut merged: Vec<Group> = Vec::new();
    let mut entity_of_group = vec![usize::MAX; groups.len()];
    for (i, group) in groups.iter().enumerate() {
        let r = root(i);
        if entity_of_group[r] == usize::MAX {
            entity_of_group[r] = merged.len();
            merged.push(Group::new(String::new()));
        }
        merged[entity_of_group[r]].absorb(group.clone());
    }
    let entities = merged
        .into_iter()
        .map(|g| {
            let name = g.fullest();
            let aliases: Vec<String> = g.spellings.iter().filter(|s| **s != name).cloned().collect();
            Entity {
                name,
                kind: g.kind.label().to_owned(),
                aliases,
                mentions: g.mentions,
                sources: g.sources.iter().map(|&s| ids[s].clone()).collect(),
            }
        })
        .collect();
    (entities, group_of_mention.into_iter().map(|g| entity_of_group[root(g)]).collect())
}

#[derive(Debug, Clone)]
struct Group {
    keys: BTreeSet<String>,
    spellings: BTreeSet<String>,
    kind: Kind,
    mentions: usize,
    sources: BTreeSet<usize>,
}

impl Group {
    fn new(key: String) -> Self {
        Group {
            keys: [key].into(),
            spellings: BTreeSet::new(),
            kind: Kind::Other,
            mentions: 0,
            sources: BTreeSet::new(),
        }
    }

    fn add(&mut self, mention: &Mention) {
        self.spellings.insert(mention.name.clone());
        self.kind = self.kind.max(mention.kind);
        self.mentions += 1;
        self.sources.insert(mention.source);
    }

    fn absorb(&mut self, other: Group) {
        self.keys.extend(other.keys);
        self.spellings.extend(other.spellings);
        self.kind = self.kind.max(other.kind);
        self.mentions += other.mentions;
        self.sources.extend(other.sources);
    }

    /// The fullest spelling: most words, then upper-case acronyms, then the most letters.
    fn fullest(&self) -> String {
        self.spellings
            .iter()
            .max_by_key(|s| (s.split_whitespace().count(), s.chars().filter(|c| c.is_uppercase()).count(), s.len()))
            .cloned()
            .unwrap_or_default()
    }
}

/// True for two full names of one person: same last word, and first words equal or one letter
/// apart ("Sergei" / "Sergey").
fn same_person(a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split_whitespace().collect(), b.split_whitespace().collect());
    if wa.len() < 2 || wb.len() < 2 || wa.last() != wb.last() {
        return false;
    }
    let (fa, fb) = (wa[0], wb[0]);
    fa == fb
        || (fa.len() == fb.len()
            && fa.chars().zip(fb.chars()).filter(|(x, y)| x != y).count() <= 1
            && fa.chars().next() == fb.chars().next())
}

/// True when `long` ends with the words of `short` (a surname, or a shorter form).
fn ends_with_word(long: &str, short: &str) -> bool {
    long.len() > short.len() && long.ends_with(short) && long[..long.len() - short.len()].ends_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(sentence: &str) -> Vec<(String, Kind)> {
        mentions(sentence, 0).into_iter().map(|m| (m.name, m.kind)).collect()
    }

    #[test]
    fn a_title_makes_a_person_and_is_left_out_of_the_name() {
        assert_eq!(
            names("Clinton met Russian Foreign Minister Sergei Lavrov in Geneva."),
            [
                ("Clinton".to_owned(), Kind::Other),
                ("Sergei Lavrov".to_owned(), Kind::Person),
                ("Geneva".to_owned(), Kind::Place)
            ]
        );
    }

    #[test]
    fn days_and_months_are_no_names_nor_parts_of_one() {
        assert_eq!(names("She is to meet Sergei Lavrov Friday."), [("Sergei Lavrov".to_owned(), Kind::Other)]);
        assert!(names("The next round is set for Jan. 26 and for March.").is_empty());
    }

    #[test]
    fn spellings_of_one_person_merge_and_different_people_do_not() {
        let found: Vec<Mention> = [
            "Foreign Minister Sergei Lavrov said so.",
            "Sergey Lavrov spoke in Geneva.",
            "Lavrov said no.",
            "Foreign Minister Sergei Ivanov said nothing.",
        ]
        .iter()
        .flat_map(|s| mentions(s, 0))
        .collect();
        let (entities, _) = merge(&found, &["s1".to_owned()]);
        let people: Vec<&str> = entities.iter().filter(|e| e.kind == "person").map(|e| e.name.as_str()).collect();
        assert_eq!(people.len(), 2, "{entities:?}");
        assert!(people.iter().any(|n| n.contains("Lavrov")) && people.iter().any(|n| n.contains("Ivanov")));
    }
}
