//! Entities of a story: the names each article's recognizer found (`AnalyzedArticle::entities`),
//! merged across spellings and reports ("Yuri Petrov" / "Yury Petrov" / "Petrov", "UNESCO" /
//! "Unesco"), titles and roles left out of the names ("Chief Executive Jane Roe" is Jane Roe), the
//! fullest form as the name and the kind most mentions give.

use std::collections::BTreeSet;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::brief::Entity;
use crate::mention::{EntityKind, EntityMention};
use crate::story::lexicon;

/// The kinds, in the order a tie between them is decided.
const KINDS: [EntityKind; 4] = [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Other];

fn kind_index(kind: EntityKind) -> usize {
    KINDS.iter().position(|&k| k == kind).expect("every kind is listed")
}

/// One mention of a name in one report, as merging reads it.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// The name as written, without a title, role or possessive.
    pub(crate) name: String,
    /// The index of the report (in the story).
    pub(crate) source: usize,
    /// What the recognizer says it is (a person when an honorific stands by it).
    pub(crate) kind: EntityKind,
    /// Whether an honorific ("Mr.", "Ms") opens it or stands just before it.
    pub(crate) honored: bool,
}

/// A mention of an article's text, for merging: the name as written there without the titles
/// and roles before it ("President", "Chief Executive") or a possessive after it; `None` when
/// nothing of a name is left.
pub(crate) fn story_mention(text: &str, mention: &EntityMention, source: usize) -> Option<Mention> {
    let written = text.get(mention.start..mention.end)?;
    let written = written.trim_end_matches("’s").trim_end_matches("'s").trim_end_matches(['\'', '’', ',']);
    // A full stop ends the name when it ends an abbreviation ("U.S.", "Jr."), written inside the
    // mention or just after it (a sentence's last word shares its stop with the sentence).
    let stop_after = text[mention.end..].starts_with('.') && !written.ends_with('.');
    let bare = written.trim_end_matches('.');
    let written: std::borrow::Cow<'_, str> = if abbreviation_ends(bare) && (written.ends_with('.') || stop_after) {
        format!("{bare}.").into()
    } else {
        bare.into()
    };
    let words: Vec<&str> = written.split_whitespace().collect();
    // An honorific or academic title opening the name or just before it ("Mr. West", "Dr
    // West") makes it a person's, whatever the recognizer read.
    let word_before = text[..mention.start].split_whitespace().next_back().unwrap_or("");
    let honored = [word_before, words.first().copied().unwrap_or("")].iter().any(|w| lexicon::marks_person(w));
    let kind = if honored { EntityKind::Person } else { mention.kind };
    // A person's name starts after the titles that open it.
    let first = if kind == EntityKind::Person {
        words
            .iter()
            .take_while(|w| words.len() > 1 && lexicon::is_title(&w.to_lowercase()))
            .count()
            .min(words.len() - 1)
    } else {
        0
    };
    // An organisation's name is the same without the company form after it ("Snap Inc."), but
    // not a partnership's ("Smith & Co.").
    let mut last = words.len();
    if kind == EntityKind::Organization && last > 1 {
        let form = words[last - 1].trim_end_matches('.').to_lowercase();
        let before = words[last - 2].trim_end_matches(',');
        if lexicon::COMPANY_FORMS.contains(&form.as_str()) && before != "&" && !before.eq_ignore_ascii_case("and") {
            last -= 1;
        }
    }
    let name = words.get(first..last)?.join(" ");
    let name = if last < words.len() { name.trim_end_matches(',').to_owned() } else { name };
    (name.chars().any(char::is_alphabetic)).then_some(Mention { name, source, kind, honored })
}

/// True when `name` (its full stop left off) ends with an abbreviation that takes one: an
/// initialism ("U.S", "D.C") or a name suffix ("Jr", "Sr").
fn abbreviation_ends(name: &str) -> bool {
    let last = name.split_whitespace().next_back().unwrap_or("");
    (last.contains('.') && last.chars().all(|c| c == '.' || c.is_alphabetic()))
        || (name.contains(' ') && lexicon::NAME_SUFFIXES.contains(&last.to_lowercase().as_str()))
}

/// A name without the suffix that ends it ("Leslie Merritt Jr." is Leslie Merritt), for
/// comparing surnames.
fn without_suffix(name: &str) -> &str {
    match name.rsplit_once(' ') {
        Some((rest, last)) if lexicon::NAME_SUFFIXES.contains(&last.to_lowercase().as_str()) => rest.trim_end(),
        _ => name,
    }
}

/// A name folded to lowercase letters and digits without their accents, for comparing
/// spellings ("Sinn Féin" is "Sinn Fein"); a leading "The" is left out ("The Associated Press"
/// is the Associated Press).
pub(crate) fn fold(name: &str) -> String {
    without_article(name)
        .nfd()
        .filter(|&c| c.is_alphanumeric() && !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// A name without the "The" that opens it, when more follows.
fn without_article(name: &str) -> &str {
    match name.split_once(' ') {
        Some((first, rest)) if first.eq_ignore_ascii_case("the") && !rest.trim().is_empty() => rest.trim_start(),
        _ => name,
    }
}

/// Merges mentions into entities: same name up to case and punctuation; a lone surname (or a
/// name within a longer one) into the one full name that ends with it, and a lone first name
/// into the one person's name it opens; full names whose surnames agree and first names differ
/// by one letter ("Sergei" / "Sergey").
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
    // Names are compared without a suffix: "Merritt" is the surname of "Leslie Merritt Jr.".
    let fullest: Vec<&str> = fullest.iter().map(|name| without_suffix(name)).collect();
    // Spelling variants share a last word: compare only within each last word's groups.
    let mut by_last_word: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (i, name) in fullest.iter().enumerate() {
        by_last_word.entry(name.split_whitespace().last().unwrap_or("")).or_default().push(i);
    }
    for i in 0..groups.len() {
        let last = fullest[i].split_whitespace().last().unwrap_or("");
        let earlier = by_last_word[last].iter().copied().take_while(|&j| j < i);
        if let Some(j) = earlier.filter(|&j| parent[j] == j).find(|&j| same_person(fullest[i], fullest[j])) {
            parent[i] = j;
        }
    }
    join_surnames(&groups, &fullest, &mut parent);
    join_first_names(&groups, &fullest, &mut parent);
    // An acronym joins the one name whose initials it spells ("FBI": Federal Bureau of
    // Investigation), the function words of that name skipped.
    for i in 0..groups.len() {
        if parent[i] != i || !is_acronym(fullest[i]) || groups[i].kind() == EntityKind::Person {
            continue;
        }
        let spelled: Vec<usize> = (0..groups.len())
            .filter(|&j| j != i && parent[j] == j && groups[j].kind() != EntityKind::Person)
            .filter(|&j| initials(fullest[j]).is_some_and(|initials| initials == fullest[i]))
            .collect();
        if let [one] = spelled[..] {
            parent[i] = one;
        }
    }
    let root = |i: usize| root_of(&parent, i);
    // Fold every group into its root, roots in order of first mention.
    let mut merged: Vec<Group> = Vec::new();
    let mut root_of_entity: Vec<usize> = Vec::new();
    let mut entity_of_group = vec![usize::MAX; groups.len()];
    for (i, group) in groups.iter().enumerate() {
        let r = root(i);
        if entity_of_group[r] == usize::MAX {
            entity_of_group[r] = merged.len();
            merged.push(Group::new(String::new()));
            root_of_entity.push(r);
        }
        merged[entity_of_group[r]].absorb(group.clone());
    }
    let entities = merged
        .into_iter()
        .zip(root_of_entity)
        .map(|(g, r)| {
            let name = g.fullest();
            // A spelling that differs only by an opening "The" is no alias.
            let aliases: Vec<String> =
                g.spellings.iter().filter(|s| without_article(s) != without_article(&name)).cloned().collect();
            Entity {
                name,
                kind: g.kind_given(&groups[r]),
                aliases,
                mentions: g.mentions,
                sources: g.sources.iter().map(|&s| ids[s].clone()).collect(),
            }
        })
        .collect();
    (entities, group_of_mention.into_iter().map(|g| entity_of_group[root(g)]).collect())
}

/// Shorter names first join the fuller ones they end: "Saleh" and "Abdullah Saleh" both join
/// "Ali Abdullah Saleh"; `parent[i]` becomes the group a group joins.
fn join_surnames(groups: &[Group], fullest: &[&str], parent: &mut [usize]) {
    let mut by_length: Vec<usize> = (0..groups.len()).collect();
    by_length.sort_by_key(|&i| std::cmp::Reverse(fullest[i].split_whitespace().count()));
    for &i in &by_length {
        let short = fullest[i];
        let person = groups[i].kind() == EntityKind::Person;
        let organization = groups[i].kind() == EntityKind::Organization;
        if parent[i] != i || (short.contains(' ') && !person && !organization) || groups[i].kind() == EntityKind::Place
        {
            continue;
        }
        // A surname joins the one person whose name ends with it ("Lyon" is no surname of
        // "Interpol Lyon"); several candidates are one when each ends the fullest.
        let mut longer: Vec<usize> = (0..groups.len())
            .filter(|&j| j != i && parent[j] == j && ends_with_word(fullest[j], short))
            .filter(|&j| groups[j].kind() == EntityKind::Person || person || groups[j].kind() == groups[i].kind())
            .collect();
        // A person's surname looks among people first: "Hall" is Lavall Hall, not City Hall.
        if person && longer.iter().any(|&j| groups[j].kind() == EntityKind::Person) {
            longer.retain(|&j| groups[j].kind() == EntityKind::Person);
        }
        // A long surname misspelt by one letter ("Linneaus") is the one person's it nearly ends.
        if longer.is_empty() && person && !short.contains(' ') && short.chars().count() >= MIN_MISSPELT_LETTERS {
            longer = (0..groups.len())
                .filter(|&j| j != i && parent[j] == j && groups[j].kind() == EntityKind::Person)
                .filter(|&j| {
                    let last = fullest[j].rsplit(' ').next().unwrap_or("");
                    fullest[j].contains(' ') && one_letter_off(last, short)
                })
                .collect();
            if longer.len() > 1 {
                continue;
            }
        }
        let Some(&fullest_one) = longer.iter().max_by_key(|&&j| (fullest[j].len(), std::cmp::Reverse(j))) else {
            continue;
        };
        if longer.iter().all(|&j| j == fullest_one || ends_with_word(fullest[fullest_one], fullest[j])) {
            parent[i] = fullest_one;
        }
    }
}

/// The group `i` joins in the end: its parent's parent, and so on, up to a group that joins none.
fn root_of(parent: &[usize], mut i: usize) -> usize {
    while parent[i] != i {
        i = parent[i];
    }
    i
}

/// A lone first name joins the one person whose full name opens with it ("Gloria" is Gloria
/// Hiroko Chapman), when it ends no person's name: `parent[i]` becomes that person's group.
fn join_first_names(groups: &[Group], fullest: &[&str], parent: &mut [usize]) {
    for i in 0..groups.len() {
        let name = fullest[i];
        if parent[i] != i || groups[i].kind() != EntityKind::Person || name.contains(' ') {
            continue;
        }
        let people = (0..groups.len()).filter(|&j| j != i && groups[j].kind() == EntityKind::Person);
        if people.clone().any(|j| ends_with_word(fullest[j], name)) {
            continue;
        }
        let mut opened: Vec<usize> = people
            .filter(|&j| fullest[j].contains(' ') && fullest[j].split_whitespace().next() == Some(name))
            .map(|j| root_of(parent, j))
            .collect();
        opened.sort_unstable();
        opened.dedup();
        if let [one] = opened[..] {
            parent[i] = one;
        }
    }
}

#[derive(Debug, Clone)]
struct Group {
    keys: BTreeSet<String>,
    spellings: BTreeSet<String>,
    /// How many mentions gave each kind (person, organization, place, other).
    kinds: [usize; 4],
    /// How many mentions an honorific stood by.
    honored: usize,
    mentions: usize,
    sources: BTreeSet<usize>,
}

impl Group {
    fn new(key: String) -> Self {
        Group {
            keys: [key].into(),
            spellings: BTreeSet::new(),
            kinds: [0; 4],
            honored: 0,
            mentions: 0,
            sources: BTreeSet::new(),
        }
    }

    fn add(&mut self, mention: &Mention) {
        self.spellings.insert(mention.name.clone());
        self.kinds[kind_index(mention.kind)] += 1;
        self.honored += usize::from(mention.honored);
        self.mentions += 1;
        self.sources.insert(mention.source);
    }

    fn absorb(&mut self, other: Group) {
        self.keys.extend(other.keys);
        self.spellings.extend(other.spellings);
        for (mine, theirs) in self.kinds.iter_mut().zip(other.kinds) {
            *mine += theirs;
        }
        self.mentions += other.mentions;
        self.honored += other.honored;
        self.sources.extend(other.sources);
    }

    /// The kind most of the mentions give (on a tie: person, then organization, place, other).
    fn kind(&self) -> EntityKind {
        let best = (0..4).max_by_key(|&k| (self.kinds[k], std::cmp::Reverse(k))).expect("four kinds");
        KINDS[best]
    }

    /// The kind of an entity of these mentions, whose name the others joined is `root`'s: a
    /// person's when an honorific stood by one of them ("Ms. Pao") or when most of the root's
    /// mentions (two at least) read it as a person's (the recognizer reads a full name better
    /// than a lone surname: "Parker, a professor emeritus" read as an organisation does not make
    /// Eugene Parker one); else the kind most mentions give.
    fn kind_given(&self, root: &Group) -> EntityKind {
        if self.honored > 0 || root.agreed_kind() == Some(EntityKind::Person) {
            EntityKind::Person
        } else {
            self.kind()
        }
    }

    /// The kind more than half of the mentions give, when two or more give it.
    fn agreed_kind(&self) -> Option<EntityKind> {
        (0..4).find(|&k| self.kinds[k] >= 2 && 2 * self.kinds[k] > self.mentions).map(|k| KINDS[k])
    }

    /// The fullest spelling: most words (an opening "The" not counted, and a spelling without
    /// it preferred), then one not shouted (a name of several words, or one word of more than
    /// six letters, all in capitals is a headline's, a dateline's or a signature's: "KANYE WEST"
    /// is Kanye West, "CHARLOTTESVILLE" Charlottesville), then upper-case acronyms, then
    /// the most letters.
    fn fullest(&self) -> String {
        self.spellings
            .iter()
            .max_by_key(|s| {
                let bare = without_article(s);
                let words = bare.split_whitespace().count();
                // Capitals throughout are a dateline's or a headline's ("CHARLOTTESVILLE"), but
                // an acronym's when short ("OPEC", "UNICEF").
                let shouted = (words > 1 || bare.chars().count() > 6) && !bare.chars().any(char::is_lowercase);
                (words, bare.len() == s.len(), !shouted, s.chars().filter(|c| c.is_uppercase()).count(), s.len())
            })
            .cloned()
            .unwrap_or_default()
    }
}

/// True for two full names of one person: same last word, and first words equal or one letter
/// apart ("Sergei" / "Sergey").
pub(crate) fn same_person(a: &str, b: &str) -> bool {
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

/// True for a name written as an acronym: one word of two to six capital letters.
fn is_acronym(name: &str) -> bool {
    (2..=6).contains(&name.len()) && name.chars().all(|c| c.is_ascii_uppercase())
}

/// The initials of a name of two words or more, its function words ("of", "for") left out:
/// `None` when a remaining word does not start with a capital.
fn initials(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().filter(|w| !lexicon::is_function_word(w)).collect();
    if words.len() < 2 {
        return None;
    }
    words.iter().map(|w| w.chars().next().filter(char::is_ascii_uppercase)).collect()
}

/// The fewest letters of a surname taken for a misspelling of another one letter off: shorter
/// names one letter apart are often different names ("Dunn", "Donn").
const MIN_MISSPELT_LETTERS: usize = 6;

/// True for two words one letter apart with the same first letter: one letter changed, or two
/// neighbours swapped ("Linneaus" / "Linnaeus").
fn one_letter_off(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a.first() != b.first() || a == b {
        return false;
    }
    let differ: Vec<usize> = (0..a.len()).filter(|&k| a[k] != b[k]).collect();
    match differ[..] {
        [_] => true,
        [k, l] => l == k + 1 && a[k] == b[l] && a[l] == b[k],
        _ => false,
    }
}

/// True when `long` ends with the words of `short` (a surname, or a shorter form).
fn ends_with_word(long: &str, short: &str) -> bool {
    long.len() > short.len() && long.ends_with(short) && long[..long.len() - short.len()].ends_with(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(name: &str, kind: EntityKind, source: usize) -> Mention {
        Mention { name: name.to_owned(), source, kind, honored: false }
    }

    #[test]
    fn titles_and_possessives_are_left_out_of_names() {
        let text = "Chief Executive Jane Roe's plan and President Sam Poe";
        let got = |span: &str, kind| {
            let start = text.find(span).unwrap();
            story_mention(text, &EntityMention { start, end: start + span.len(), kind }, 0).map(|m| m.name)
        };
        assert_eq!(got("Chief Executive Jane Roe's", EntityKind::Person).as_deref(), Some("Jane Roe"));
        assert_eq!(got("President Sam Poe", EntityKind::Person).as_deref(), Some("Sam Poe"));
        assert_eq!(got("President", EntityKind::Person).as_deref(), Some("President"), "a title alone stays");
        assert_eq!(got("Chief Executive", EntityKind::Organization).as_deref(), Some("Chief Executive"));
    }

    /// The story mention of the first `span` of `text`, read by the recognizer as `kind`: its
    /// name and kind.
    fn named(text: &str, span: &str, kind: EntityKind) -> Option<(String, EntityKind)> {
        let start = text.find(span).unwrap();
        story_mention(text, &EntityMention { start, end: start + span.len(), kind }, 0).map(|m| (m.name, m.kind))
    }

    #[test]
    fn an_honorific_makes_a_name_a_persons() {
        let text = "Mr. West and Ms Gray Hill met in West Bank.";
        let got = |span: &str| named(text, span, EntityKind::Place);
        assert_eq!(got("Mr. West"), Some(("West".to_owned(), EntityKind::Person)));
        assert_eq!(got("Gray Hill"), Some(("Gray Hill".to_owned(), EntityKind::Person)));
        assert_eq!(got("West Bank"), Some(("West Bank".to_owned(), EntityKind::Place)));
    }

    #[test]
    fn a_company_is_named_without_its_company_form() {
        let text = "Snap Inc. and Acme, Ltd. hired Spiegel & Co. and Inc.";
        let got = |span: &str| named(text, span, EntityKind::Organization).map(|(name, _)| name);
        assert_eq!(got("Snap Inc."), Some("Snap".to_owned()));
        assert_eq!(got("Acme, Ltd."), Some("Acme".to_owned()));
        assert_eq!(got("Spiegel & Co."), Some("Spiegel & Co".to_owned()), "a partnership keeps it");
        assert_eq!(got("Inc."), Some("Inc".to_owned()), "a form alone stays");
    }

    #[test]
    fn an_academic_title_makes_a_name_a_persons() {
        let text = "Dr Stone and Professor Vale met Prof. Lee Hill at Stone University.";
        let got = |span: &str| named(text, span, EntityKind::Organization);
        assert_eq!(got("Dr Stone"), Some(("Stone".to_owned(), EntityKind::Person)));
        assert_eq!(got("Professor Vale"), Some(("Vale".to_owned(), EntityKind::Person)));
        assert_eq!(got("Lee Hill"), Some(("Lee Hill".to_owned(), EntityKind::Person)), "the title before it");
        assert_eq!(got("Stone University"), Some(("Stone University".to_owned(), EntityKind::Organization)));
    }

    #[test]
    fn abbreviations_keep_their_full_stop_and_a_sentence_keeps_its_own() {
        let text = "He flew to the U.S. with Leslie Merritt Jr. and Ann Lee. Then the U.S";
        let got = |span: &str, nth: usize, kind| {
            let start = text.match_indices(span).nth(nth).unwrap().0;
            story_mention(text, &EntityMention { start, end: start + span.len(), kind }, 0).map(|m| m.name)
        };
        assert_eq!(got("U.S", 0, EntityKind::Place).as_deref(), Some("U.S."), "the stop after the span");
        assert_eq!(got("U.S.", 0, EntityKind::Place).as_deref(), Some("U.S."));
        assert_eq!(got("U.S", 1, EntityKind::Place).as_deref(), Some("U.S"), "no stop written");
        assert_eq!(got("Leslie Merritt Jr", 0, EntityKind::Person).as_deref(), Some("Leslie Merritt Jr."));
        assert_eq!(got("Ann Lee.", 0, EntityKind::Person).as_deref(), Some("Ann Lee"));
        assert_eq!(got("Ann Lee", 0, EntityKind::Person).as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_name_of_several_words_in_capitals_gives_way_to_its_written_form() {
        let found = [
            mention("KANYE WEST", EntityKind::Person, 0),
            mention("Kanye West", EntityKind::Person, 1),
            mention("NATO", EntityKind::Organization, 0),
            mention("Nato", EntityKind::Organization, 1),
            mention("CHARLOTTESVILLE", EntityKind::Place, 0),
            mention("Charlottesville", EntityKind::Place, 1),
        ];
        let (entities, _) = merge(&found, &["a".to_owned(), "b".to_owned()]);
        let names: Vec<&str> = entities.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Kanye West", "NATO", "Charlottesville"], "a long word in capitals is a dateline's");
    }

    #[test]
    fn spellings_with_and_without_accents_are_one_name() {
        let found = [
            mention("Sinn Féin", EntityKind::Organization, 0),
            mention("Sinn Fein", EntityKind::Organization, 1),
            mention("Sinn Fein", EntityKind::Organization, 1),
            mention("José Ruiz", EntityKind::Person, 0),
            mention("Jose Ruiz", EntityKind::Person, 1),
        ];
        let (entities, entity_of) = merge(&found, &["a".to_owned(), "b".to_owned()]);
        assert_eq!(entity_of, [0, 0, 0, 1, 1], "{entities:?}");
        assert_eq!(fold("Sinn Féin"), fold("sinn fein"));
    }

    #[test]
    fn a_surname_joins_a_full_name_ending_with_a_suffix() {
        let found = [mention("Leslie Merritt Jr.", EntityKind::Person, 0), mention("Merritt", EntityKind::Person, 0)];
        let (entities, entity_of) = merge(&found, &["a".to_owned()]);
        assert_eq!(entity_of, [0, 0], "{entities:?}");
        assert_eq!(entities[0].name, "Leslie Merritt Jr.");
    }

    #[test]
    fn spellings_of_one_person_merge_different_people_do_not_and_most_mentions_decide_the_kind() {
        let found = [
            mention("Sergei Lavrov", EntityKind::Person, 0),
            mention("Sergey Lavrov", EntityKind::Person, 1),
            mention("Lavrov", EntityKind::Organization, 1),
            mention("Lavrov", EntityKind::Person, 0),
            mention("Sergei Ivanov", EntityKind::Person, 0),
            mention("Wells Fargo", EntityKind::Place, 0),
            mention("Wells Fargo", EntityKind::Organization, 1),
            mention("Wells Fargo", EntityKind::Organization, 1),
        ];
        let (entities, entity_of) = merge(&found, &["a".to_owned(), "b".to_owned()]);
        let people: Vec<&str> =
            entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.as_str()).collect();
        assert_eq!(people.len(), 2, "{entities:?}");
        assert!(people.iter().any(|n| n.contains("Lavrov")) && people.iter().any(|n| n.contains("Ivanov")));
        assert_eq!(entity_of[0], entity_of[2], "a surname joins the one full name ending with it");
        let bank = &entities[entity_of[5]];
        assert_eq!((bank.name.as_str(), bank.kind), ("Wells Fargo", EntityKind::Organization));
        assert_eq!(bank.sources, ["a", "b"]);
    }

    #[test]
    fn a_full_name_mostly_read_as_a_person_decides_the_kind_and_a_surname_looks_among_people_first() {
        let found = [
            mention("Ada Parker", EntityKind::Person, 0),
            mention("Ada Parker", EntityKind::Person, 1),
            mention("Parker", EntityKind::Organization, 0),
            mention("Parker", EntityKind::Organization, 1),
            mention("Parker", EntityKind::Organization, 1),
            mention("Parker Space Probe", EntityKind::Organization, 1),
            mention("Lavall Hall", EntityKind::Person, 0),
            mention("City Hall", EntityKind::Organization, 0),
            mention("Hall", EntityKind::Person, 1),
            mention("Town Hall", EntityKind::Organization, 1),
            mention("Hall", EntityKind::Organization, 0),
            mention("Green Rover Van", EntityKind::Person, 0),
            mention("Van", EntityKind::Organization, 0),
            mention("Van", EntityKind::Organization, 1),
        ];
        let (entities, entity_of) = merge(&found, &["a".to_owned(), "b".to_owned()]);
        let person = &entities[entity_of[0]];
        assert_eq!(entity_of[2], entity_of[0], "{entities:?}");
        assert_eq!((person.name.as_str(), person.kind, person.mentions), ("Ada Parker", EntityKind::Person, 5));
        assert_ne!(entity_of[5], entity_of[0], "the probe named after her is another entity");
        assert_eq!(entity_of[8], entity_of[6], "a person's surname joins the person, not a building");
        assert_ne!(entity_of[7], entity_of[6]);
        assert_eq!(entities[entity_of[6]].kind, EntityKind::Person);
        let vehicle = &entities[entity_of[11]];
        assert_eq!(entity_of[12], entity_of[11]);
        assert_eq!(vehicle.kind, EntityKind::Organization, "a full name read once does not outvote the rest");
        let found = [
            mention("Ada Parker", EntityKind::Place, 0),
            mention("Ada Parker", EntityKind::Place, 0),
            mention("Parker", EntityKind::Person, 0),
            mention("Parker", EntityKind::Person, 0),
            mention("Parker", EntityKind::Person, 0),
        ];
        let (entities, _) = merge(&found, &["a".to_owned()]);
        assert_eq!(entities[0].kind, EntityKind::Person, "only a person's full name outvotes the rest");
        let mut found = vec![mention("Pao", EntityKind::Organization, 0); 3];
        found.push(Mention { honored: true, ..mention("Pao", EntityKind::Person, 0) });
        let (entities, _) = merge(&found, &["a".to_owned()]);
        assert_eq!(entities[0].kind, EntityKind::Person, "an honorific outvotes the rest");
    }

    #[test]
    fn a_long_surname_misspelt_by_one_letter_joins_its_person() {
        let found = [
            mention("Carl Linnaeus", EntityKind::Person, 0),
            mention("Linneaus", EntityKind::Person, 1),
            mention("Ann Dunn", EntityKind::Person, 0),
            mention("Donn", EntityKind::Person, 1),
            mention("Lindsey", EntityKind::Person, 1),
        ];
        let (entities, entity_of) = merge(&found, &["a".to_owned(), "b".to_owned()]);
        assert_eq!(entity_of[1], entity_of[0], "{entities:?}");
        assert_ne!(entity_of[3], entity_of[2], "a short name one letter off is another name");
        assert!(one_letter_off("Linneaus", "Linnaeus") && one_letter_off("Sergei", "Sergey"));
        assert!(!one_letter_off("Linnaeus", "Linnaeus") && !one_letter_off("Lindsey", "Linzsay"));
    }

    #[test]
    fn a_lone_first_name_joins_the_one_person_it_opens() {
        let found = [
            mention("Gloria Hiroko Chapman", EntityKind::Person, 0),
            mention("Gloria", EntityKind::Person, 0),
            mention("Mark David Chapman", EntityKind::Person, 0),
            mention("Mark", EntityKind::Person, 0),
            mention("Chapman", EntityKind::Person, 0),
            mention("Ann Lee", EntityKind::Person, 0),
            mention("Ann Roe", EntityKind::Person, 0),
            mention("Ann", EntityKind::Person, 0),
            mention("Mark Twain Museum", EntityKind::Organization, 0),
        ];
        let (entities, entity_of) = merge(&found, &["a".to_owned()]);
        assert_eq!(entity_of[1], entity_of[0], "{entities:?}");
        assert_eq!(entity_of[3], entity_of[2]);
        assert_ne!(entity_of[0], entity_of[2]);
        assert!(entity_of[4] != entity_of[0] && entity_of[4] != entity_of[2], "which Chapman is not known");
        assert!(entity_of[7] != entity_of[5] && entity_of[7] != entity_of[6], "which Ann is not known");
    }

    #[test]
    fn acronyms_join_the_name_they_spell_and_articles_are_left_out() {
        let found = [
            mention("The Democratic National Committee", EntityKind::Organization, 0),
            mention("DNC", EntityKind::Organization, 1),
            mention("Federal Bureau of Investigation", EntityKind::Organization, 0),
            mention("FBI", EntityKind::Organization, 1),
            mention("Bureau of Investigation", EntityKind::Organization, 1),
            mention("National Defense Council", EntityKind::Organization, 0),
            mention("NDC", EntityKind::Organization, 0),
            mention("Nevada Dental Clinic", EntityKind::Organization, 0),
            mention("Vermont Frost Heaves", EntityKind::Organization, 0),
            mention("Frost Heaves", EntityKind::Organization, 1),
            mention("Democratic National Committee", EntityKind::Organization, 1),
            mention("The Bachelor", EntityKind::Other, 1),
        ];
        let (entities, entity_of) = merge(&found, &["a".to_owned(), "b".to_owned()]);
        assert_eq!(entity_of[0], entity_of[1]);
        assert_eq!(entities[entity_of[1]].name, "Democratic National Committee");
        assert_eq!(entity_of[2], entity_of[3]);
        assert_eq!(entity_of[2], entity_of[4], "a shorter form of an organisation's name joins it");
        assert_ne!(entity_of[6], entity_of[5], "two names spell NDC: which one is not known");
        assert_ne!(entity_of[6], entity_of[7]);
        assert_eq!(entity_of[8], entity_of[9]);
        assert_eq!(entity_of[0], entity_of[10], "an opening \"The\" does not make another name");
        assert_eq!(entities[entity_of[11]].name, "The Bachelor", "a name that is only \"The\" and more keeps it");
    }

    #[test]
    fn shorter_forms_join_the_fullest_name_they_end() {
        let found = [
            mention("Ali Abdullah Saleh", EntityKind::Person, 0),
            mention("Abdullah Saleh", EntityKind::Person, 0),
            mention("Saleh", EntityKind::Person, 0),
            mention("Ann Roe", EntityKind::Person, 0),
            mention("Tom Roe", EntityKind::Person, 0),
            mention("Roe", EntityKind::Person, 0),
        ];
        let (entities, entity_of) = merge(&found, &["a".to_owned()]);
        assert_eq!(entity_of[0], entity_of[1]);
        assert_eq!(entity_of[0], entity_of[2]);
        assert_eq!(entities[entity_of[0]].mentions, 3);
        assert_ne!(entity_of[3], entity_of[4], "two people");
        assert!(entity_of[5] != entity_of[3] && entity_of[5] != entity_of[4], "which Roe is not known");
    }
}
