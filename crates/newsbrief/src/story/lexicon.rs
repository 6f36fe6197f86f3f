//! The closed word classes the quotation finder reads the frame of a quotation with: verbs of
//! speech, pronouns, determiners, titles, adverbs and the other function words that end a noun
//! phrase. Each list says where it comes from. None names a person, an outlet or a place: who
//! speaks is always read from the article itself.

/// Verbs that report speech or writing, as lemmas; [`is_speech_verb`] knows their inflections.
///
/// Source: textacy's reporting verbs (`textacy.extract.triples._reporting_verbs`, 59 lemmas, the
/// list textacy's `direct_quotations` keys on), with the verbs of saying in rsyntax's
/// `ENGLISH_SAY_VERBS` and the verbs of posting, exclaiming and answering that news copy uses in
/// place of "said" (tweet, quip, joke, shout, chant, retort, counter, caution, vow, pledge, ...),
/// and the verbs that take a quotation as what someone is called (call, describe, dub, label,
/// brand, term).
pub(crate) const SPEECH_LEMMAS: &[&str] = &[
    "accuse",
    "acknowledge",
    "add",
    "admit",
    "advise",
    "affirm",
    "agree",
    "allege",
    "announce",
    "answer",
    "argue",
    "ask",
    "assert",
    "assure",
    "attest",
    "blast",
    "boast",
    "brag",
    "brand",
    "call",
    "caution",
    "chant",
    "charge",
    "chide",
    "claim",
    "comment",
    "complain",
    "concede",
    "conclude",
    "confide",
    "confirm",
    "contend",
    "continue",
    "counter",
    "cry",
    "declare",
    "demand",
    "deny",
    "describe",
    "disclose",
    "dub",
    "email",
    "emphasize",
    "exclaim",
    "explain",
    "grumble",
    "insist",
    "joke",
    "label",
    "lament",
    "maintain",
    "marvel",
    "mention",
    "muse",
    "note",
    "observe",
    "offer",
    "opine",
    "plead",
    "pledge",
    "point",
    "post",
    "predict",
    "proclaim",
    "promise",
    "protest",
    "quip",
    "read",
    "recall",
    "recount",
    "reiterate",
    "remark",
    "remind",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "say",
    "scoff",
    "scream",
    "shout",
    "snap",
    "speak",
    "state",
    "stress",
    "suggest",
    "tell",
    "term",
    "testify",
    "text",
    "thunder",
    "tweet",
    "urge",
    "vow",
    "warn",
    "wonder",
    "write",
    "yell",
];

/// Inflections of [`SPEECH_LEMMAS`] that the regular rules (-s, -ed, -ing, a final e or y
/// changed) do not make. Source: standard English irregular verbs, for the lemmas above.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("cried", "cry"),
    ("cries", "cry"),
    ("replied", "reply"),
    ("replies", "reply"),
    ("denied", "deny"),
    ("denies", "deny"),
    ("testified", "testify"),
    ("testifies", "testify"),
];

/// The lemma of `word` if it is a form of a verb of speech (`said`, `adds`, `tweeting`, ...).
pub(crate) fn speech_lemma(word: &str) -> Option<&'static str> {
    let lower = word.to_ascii_lowercase();
    if let Some(&(_, lemma)) = IRREGULAR.iter().find(|(form, _)| *form == lower) {
        return Some(lemma);
    }
    let candidates = [
        Some(lower.as_str()),
        lower.strip_suffix('s'),
        lower.strip_suffix("es"),
        lower.strip_suffix("ed"),
        lower.strip_suffix('d'),
        lower.strip_suffix("ing"),
    ];
    for stem in candidates.into_iter().flatten() {
        if let Some(lemma) = SPEECH_LEMMAS.iter().find(|l| **l == stem) {
            return Some(lemma);
        }
        // "admitted", "quipping": a final consonant doubled before -ed or -ing.
        let bytes = stem.as_bytes();
        if stem.len() + 2 <= lower.len() && bytes.len() >= 2 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2] {
            let single = &stem[..stem.len() - 1];
            if let Some(lemma) = SPEECH_LEMMAS.iter().find(|l| **l == single) {
                return Some(lemma);
            }
        }
        // "noting", "quoting": the final e dropped before -ing.
        if lower.ends_with("ing") && stem.len() + 3 == lower.len() {
            let with_e = format!("{stem}e");
            if let Some(lemma) = SPEECH_LEMMAS.iter().find(|l| **l == with_e) {
                return Some(lemma);
            }
        }
    }
    None
}

/// True for a form of a verb of speech.
pub(crate) fn is_speech_verb(word: &str) -> bool {
    speech_lemma(word).is_some()
}

/// True for an -ing form (a participle hangs on the subject of its clause: "..., saying").
pub(crate) fn is_participle(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ing")
}

/// Subject pronouns that can stand for a speaker, with the gender they call for. Source: the
/// English personal pronouns; "who" is the relative pronoun ("Smith, who said ...").
pub(crate) const SUBJECT_PRONOUNS: &[(&str, Gender)] = &[
    ("he", Gender::Male),
    ("she", Gender::Female),
    ("they", Gender::Plural),
    ("it", Gender::Neuter),
    ("we", Gender::Plural),
    ("i", Gender::Unknown),
    ("who", Gender::Unknown),
];

/// Pronouns of every case that show a person's gender when they follow a mention of the person.
/// Source: the English personal and possessive pronouns.
pub(crate) const GENDERED_PRONOUNS: &[(&str, Gender)] = &[
    ("he", Gender::Male),
    ("him", Gender::Male),
    ("his", Gender::Male),
    ("himself", Gender::Male),
    ("she", Gender::Female),
    ("her", Gender::Female),
    ("hers", Gender::Female),
    ("herself", Gender::Female),
];

/// What a pronoun or a name can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// A man.
    Male,
    /// A woman.
    Female,
    /// A group or an organisation ("they", "we").
    Plural,
    /// A thing or an organisation ("it").
    Neuter,
    /// Nothing tells.
    Unknown,
}

/// Honorifics and the gender they show. Source: English honorifics.
pub(crate) const HONORIFICS: &[(&str, Gender)] = &[
    ("mr", Gender::Male),
    ("mr.", Gender::Male),
    ("messrs.", Gender::Male),
    ("sir", Gender::Male),
    ("mrs", Gender::Female),
    ("mrs.", Gender::Female),
    ("ms", Gender::Female),
    ("ms.", Gender::Female),
    ("miss", Gender::Female),
    ("madam", Gender::Female),
    ("dame", Gender::Female),
];

/// Abbreviated company forms written after a company's name ("Snap Inc.", "BP plc"), lower-cased
/// without their full stop. Source: the legal forms of English, US and European companies.
pub(crate) const COMPANY_FORMS: &[&str] = &["inc", "corp", "co", "ltd", "llc", "plc", "lp", "llp", "ag", "nv", "gmbh"];

/// Academic titles, which a person bears whatever the gender (lower-cased, with and without
/// the abbreviation's full stop). Source: English academic titles.
const ACADEMIC_TITLES: &[&str] = &["dr", "dr.", "prof", "prof.", "professor"];

/// True when `word` shows that a person's name follows: an honorific or an academic title
/// ("Mrs.", "Dr"), compared in lower case.
pub(crate) fn marks_person(word: &str) -> bool {
    honorific(word).is_some() || ACADEMIC_TITLES.contains(&word.to_ascii_lowercase().as_str())
}

/// The gender an honorific shows (`"Mrs."`: female), compared in lower case; `None` for a word
/// that is no honorific.
pub(crate) fn honorific(word: &str) -> Option<Gender> {
    let lower = word.to_ascii_lowercase();
    HONORIFICS.iter().find(|(h, _)| *h == lower).map(|&(_, gender)| gender)
}

/// Capitalised words that stand before a person's name as a title, not as part of the name
/// (lower-cased, abbreviations with their period). Source: English civil, military, religious,
/// academic and corporate titles and their AP-style abbreviations, and the honorifics above.
pub(crate) const TITLES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    // British style writes them without a full stop.
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "miss",
    "messrs.",
    "dr.",
    "prof.",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "sen.",
    "senator",
    "rep.",
    "reps.",
    "representative",
    "congressman",
    "congresswoman",
    "gov.",
    "governor",
    "lt.",
    "mayor",
    "secretary",
    "minister",
    "premier",
    "chancellor",
    "ambassador",
    "judge",
    "justice",
    "gen.",
    "general",
    "adm.",
    "admiral",
    "col.",
    "colonel",
    "capt.",
    "captain",
    "sgt.",
    "sergeant",
    "maj.",
    "major",
    "cmdr.",
    "commander",
    "rev.",
    "reverend",
    "father",
    "pope",
    "bishop",
    "archbishop",
    "cardinal",
    "rabbi",
    "imam",
    "sheriff",
    "chief",
    "executive",
    "ceo",
    "cfo",
    "founder",
    "coach",
    "prime",
    "chairman",
    "chairwoman",
    "speaker",
    "leader",
    "attorney",
    "director",
    "commissioner",
    "officer",
    "detective",
    "deputy",
    "former",
    "acting",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sheikh",
    "candidate",
    "nominee",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    // "Secretary of State John Kerry": a name run stops at "of", so "State" opens the rest.
    "state",
];

/// Words a title of a work or a headline leaves in lower case when every other word is
/// capitalised ("Orange Is the New Black", "State of the Union"). Source: the title-case rules of
/// the Chicago Manual of Style and AP (articles, coordinating conjunctions, short prepositions).
pub(crate) const TITLE_CASE_LOWER: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on", "per",
    "to", "up", "via", "vs", "vs.", "with", "from", "into", "onto", "over", "than", "upon",
];

/// True for a title word (`"Sen."`, `"President"`), compared in lower case.
pub(crate) fn is_title(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    TITLES.contains(&lower.as_str())
}

/// Words that open a noun phrase naming who speaks ("the spokesman", "a senior official", "his
/// campaign", "two aides"). Source: English articles, demonstratives, possessive determiners,
/// quantifiers and the cardinal numbers up to ten.
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "some", "several", "many", "most", "both", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "other", "each", "any", "few", "all",
];

/// Words that end a noun phrase or stand between a subject and its verb: prepositions,
/// conjunctions, auxiliaries, negation, relative and object pronouns, and adverbs of time and
/// degree common in attributions ("Smith also said", "Smith has long said", "the aide later
/// told"). Source: the closed classes of English function words (prepositions, coordinating and
/// subordinating conjunctions, modal and auxiliary verbs) and the adverbs of time and manner.
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "amid",
    "among",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "below",
    "beside",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "except",
    "for",
    "from",
    "in",
    "inside",
    "into",
    "like",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "outside",
    "over",
    "per",
    "since",
    "than",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "until",
    "unlike",
    "upon",
    "via",
    "with",
    "within",
    "without",
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "because",
    "although",
    "though",
    "if",
    "unless",
    "when",
    "whenever",
    "where",
    "whereas",
    "while",
    "whether",
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "not",
    "never",
    "no",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "that",
    "him",
    "them",
    "us",
    "me",
    "it",
    "there",
    "here",
    "also",
    "later",
    "then",
    "again",
    "once",
    "still",
    "just",
    "even",
    "only",
    "now",
    "already",
    "recently",
    "previously",
    "earlier",
    "first",
    "last",
    "long",
    "often",
    "always",
    "simply",
    "too",
    "very",
    "ago",
    "today",
    "yesterday",
    "tonight",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
    "week",
    "month",
    "year",
];

/// Simple past forms of frequent irregular English verbs: a word that follows a subject as its
/// verb ("Smith took the stage", "the campaign put out a statement"). Source: the irregular
/// verbs of English grammars, their simple past.
pub(crate) const IRREGULAR_PAST: &[&str] = &[
    "became",
    "began",
    "bought",
    "brought",
    "built",
    "caught",
    "chose",
    "came",
    "cut",
    "dealt",
    "did",
    "drew",
    "drove",
    "fell",
    "felt",
    "fought",
    "found",
    "forgot",
    "gave",
    "got",
    "grew",
    "had",
    "heard",
    "held",
    "hit",
    "hung",
    "kept",
    "knew",
    "laid",
    "led",
    "left",
    "lent",
    "let",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "put",
    "quit",
    "ran",
    "rang",
    "rode",
    "rose",
    "sat",
    "saw",
    "sent",
    "set",
    "shook",
    "shot",
    "sold",
    "sought",
    "spent",
    "spoke",
    "stood",
    "stole",
    "struck",
    "swore",
    "taught",
    "thought",
    "threw",
    "told",
    "took",
    "understood",
    "went",
    "woke",
    "won",
    "wore",
    "wrote",
];

/// True for an English preposition (the first part of [`FUNCTION_WORDS`]): a name after one
/// is no subject of its sentence.
pub(crate) fn is_preposition(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    FUNCTION_WORDS.iter().take_while(|w| **w != "and").any(|w| *w == lower)
}

/// True for a function word (compared in lower case).
pub(crate) fn is_function_word(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    FUNCTION_WORDS.contains(&lower.as_str())
}

/// True for an adverb or auxiliary that may stand between a subject and its verb of speech
/// ("Smith also said", "he has repeatedly said", "the aide later told").
pub(crate) fn is_adverbial(word: &str) -> bool {
    // "Kelly", "Skelly": a capitalised word is a name, not an adverb.
    if word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    (lower.len() > 4 && lower.ends_with("ly") && !["only"].contains(&lower.as_str()))
        || [
            "also",
            "later",
            "then",
            "again",
            "once",
            "still",
            "just",
            "even",
            "now",
            "already",
            "recently",
            "previously",
            "earlier",
            "first",
            "long",
            "often",
            "always",
            "never",
            "not",
            "has",
            "have",
            "had",
            "was",
            "is",
            "were",
            "will",
            "would",
            "could",
            "did",
            "does",
            "do",
            "might",
            "may",
            "can",
            "had",
            "further",
            "separately",
            "too",
        ]
        .contains(&lower.as_str())
}

/// Capitalised words that open a sentence without being a name. Source: the English function
/// words above, capitalised, with sentence adverbs and connectives common in news.
pub(crate) const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "as",
    "but",
    "and",
    "or",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "also",
    "later",
    "earlier",
    "today",
    "yesterday",
    "tomorrow",
    "now",
    "according",
    "asked",
    "under",
    "with",
    "for",
    "from",
    "to",
    "by",
    "of",
    "so",
    "yet",
    "still",
    "then",
    "instead",
    "meanwhile",
    "however",
    "though",
    "although",
    "because",
    "despite",
    "during",
    "for",
    "about",
    "indeed",
    "yes",
    "no",
    "not",
    "one",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "every",
    "other",
    "another",
    "any",
    "such",
    "even",
    "just",
    "only",
    "more",
    "much",
    "well",
    "last",
    "next",
    "first",
    "over",
    "among",
    "until",
    "unless",
    "whether",
    "like",
    "unlike",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "has",
    "have",
    "had",
    "let",
    "please",
    "via",
    "per",
    "again",
    "once",
    "here's",
    "there's",
    "it's",
    "that's",
    "what's",
];

/// True for a capitalised word that is no name by itself (compared in lower case).
pub(crate) fn is_not_name(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    NOT_NAMES.contains(&lower.as_str())
}

/// Lower-case words that may stand inside a name between capitalised ones ("Jaap de Hoop
/// Scheffer", "Osama bin Laden"). Source: the name particles of Dutch, German, French, Spanish,
/// Italian, Portuguese and Arabic names.
pub(crate) const NAME_PARTICLES: &[&str] =
    &["de", "van", "von", "der", "den", "del", "della", "la", "le", "al", "bin", "ibn", "da", "dos", "du", "di"];

/// Words that end a name without being its last name (`"Jr."`, `"III"`). Source: English name
/// suffixes.
pub(crate) const NAME_SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_of_speech_verbs_are_known() {
        for (form, lemma) in [
            ("said", "say"),
            ("says", "say"),
            ("saying", "say"),
            ("told", "tell"),
            ("added", "add"),
            ("noting", "note"),
            ("tweeted", "tweet"),
            ("argues", "argue"),
            ("replied", "reply"),
            ("declared", "declare"),
            ("Said", "say"),
            ("admitted", "admit"),
            ("quipped", "quip"),
            ("snapping", "snap"),
        ] {
            assert_eq!(speech_lemma(form), Some(lemma), "{form}");
        }
        for word in ["sad", "address", "sing", "the", "stated"] {
            assert_eq!(speech_lemma(word).is_some(), word == "stated", "{word}");
        }
    }
}
