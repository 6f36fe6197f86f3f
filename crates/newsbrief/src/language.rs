//! The language of a text, detected with `whatlang`, as an ISO 639-1 code where one exists
//! (ISO 639-3 otherwise).

/// ISO 639-3 codes and their ISO 639-1 equivalents, for the languages `whatlang` knows that have one.
const TWO_LETTER: &[(&str, &str)] = &[
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
    ("zul", "zu"),
];

/// How much of a text the detector reads: a few paragraphs tell the language as well as a book.
const SAMPLE_BYTES: usize = 600;

/// The language of `text`, when the detector is sure of it.
pub(crate) fn detect(text: &str) -> Option<String> {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if plainly_english(sample) {
        return Some("en".to_owned());
    }
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = info.lang().code();
    Some(TWO_LETTER.iter().find(|(three, _)| *three == code).map_or(code, |(_, two)| two).to_owned())
}

/// True for a sample that is plainly English prose: at least 30 words, over a quarter of them
/// English stopwords, and "the" among them at least one word in fifty. This spares the
/// detector (the costliest step of reading a report) on most news in English.
fn plainly_english(sample: &str) -> bool {
    let words: Vec<String> =
        sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    if words.len() < 30 {
        return false;
    }
    let stopwords = words.iter().filter(|w| crate::tokens::is_stopword(w)).count();
    let the = words.iter().filter(|w| *w == "the").count();
    stopwords * 4 > words.len() && the * 50 >= words.len()
}

#[cfg(test)]
mod tests {
    use super::{detect, plainly_english};

    #[test]
    fn detects_common_languages() {
        let check = |text: &str, expect: Option<&str>| assert_eq!(detect(text).as_deref(), expect, "{text}");
        check(
            "The ministers agreed in Geneva on Friday to resume the arms talks next month, officials said.",
            Some("en"),
        );
        check(
            "Les ministres se sont mis d'accord vendredi à Genève pour reprendre les négociations le mois prochain.",
            Some("fr"),
        );
        check(
            "Die Minister haben sich am Freitag in Genf darauf geeinigt, die Gespräche im nächsten Monat fortzusetzen.",
            Some("de"),
        );
        check("ok", None);
        let english = "The ministers agreed in Geneva on Friday to resume the arms talks next month, officials said, \
                       after the dinner that ran late into the night at the hotel by the lake.";
        assert!(plainly_english(english));
        let french = "Les ministres se sont mis d'accord vendredi à Genève pour reprendre les négociations le mois \
                      prochain, ont déclaré des responsables, après un dîner qui s'est prolongé tard dans la nuit.";
        assert!(!plainly_english(french));
        assert_eq!(detect(french).as_deref(), Some("fr"));
    }
}
