//! The Porter stemmer exactly as NLTK implements it in its default `NLTK_EXTENSIONS` mode, which
//! is what `rouge-score` uses: Porter (1980) with Martin Porter's later changes and NLTK's own
//! (a table of irregular forms, "ies"/"ied" on four-letter words, `y` to `i` only after a
//! consonant, the "alli", "fulli" and "logi" rules of step 2).

/// Words mapped straight to their stem, bypassing the rules.
const IRREGULAR: &[(&str, &str)] = &[
    ("sky", "sky"),
    ("skies", "sky"),
    ("dying", "die"),
    ("lying", "lie"),
    ("tying", "tie"),
    ("news", "news"),
    ("innings", "inning"),
    ("inning", "inning"),
    ("outings", "outing"),
    ("outing", "outing"),
    ("cannings", "canning"),
    ("canning", "canning"),
    ("howe", "howe"),
    ("proceed", "proceed"),
    ("exceed", "exceed"),
    ("succeed", "succeed"),
];

/// The stem of a lowercase word.
pub fn stem(word: &str) -> String {
    if let Some((_, stem)) = IRREGULAR.iter().find(|(form, _)| *form == word) {
        return (*stem).to_owned();
    }
    let mut w: Vec<char> = word.chars().collect();
    if w.len() <= 2 {
        return word.to_owned();
    }
    step1a(&mut w);
    step1b(&mut w);
    step1c(&mut w);
    step2(&mut w);
    step3(&mut w);
    step4(&mut w);
    step5a(&mut w);
    step5b(&mut w);
    w.into_iter().collect()
}

/// A condition on the stem left once a suffix is removed.
type Condition = fn(&[char]) -> bool;

fn is_consonant(w: &[char], i: usize) -> bool {
    match w[i] {
        'a' | 'e' | 'i' | 'o' | 'u' => false,
        'y' => i == 0 || !is_consonant(w, i - 1),
        _ => true,
    }
}

/// The number of vowel-consonant sequences, Porter's *m*.
fn measure(w: &[char]) -> usize {
    (1..w.len()).filter(|&i| !is_consonant(w, i - 1) && is_consonant(w, i)).count()
}

fn positive_measure(w: &[char]) -> bool {
    measure(w) > 0
}

fn measure_above_one(w: &[char]) -> bool {
    measure(w) > 1
}

fn contains_vowel(w: &[char]) -> bool {
    (0..w.len()).any(|i| !is_consonant(w, i))
}

fn ends_double_consonant(w: &[char]) -> bool {
    let n = w.len();
    n >= 2 && w[n - 1] == w[n - 2] && is_consonant(w, n - 1)
}

/// Porter's *o: the stem ends consonant-vowel-consonant, the last not w, x or y (NLTK also
/// accepts a two-letter vowel-consonant stem).
fn ends_cvc(w: &[char]) -> bool {
    let n = w.len();
    (n >= 3
        && is_consonant(w, n - 3)
        && !is_consonant(w, n - 2)
        && is_consonant(w, n - 1)
        && !matches!(w[n - 1], 'w' | 'x' | 'y'))
        || (n == 2 && !is_consonant(w, 0) && is_consonant(w, 1))
}

fn ends_with(w: &[char], suffix: &str) -> bool {
    let n = suffix.chars().count();
    w.len() >= n && w[w.len() - n..].iter().copied().eq(suffix.chars())
}

fn replace_suffix(w: &mut Vec<char>, suffix_len: usize, replacement: &str) {
    w.truncate(w.len() - suffix_len);
    w.extend(replacement.chars());
}

/// Applies the first rule whose suffix the word ends with: when its condition holds on the stem
/// the suffix is replaced, otherwise the word is left as it is and no later rule is tried.
fn apply_rules(w: &mut Vec<char>, rules: &[(&str, &str, Option<Condition>)]) {
    for &(suffix, replacement, condition) in rules {
        if ends_with(w, suffix) {
            let stem_len = w.len() - suffix.chars().count();
            if condition.is_none_or(|holds| holds(&w[..stem_len])) {
                replace_suffix(w, suffix.chars().count(), replacement);
            }
            return;
        }
    }
}

fn step1a(w: &mut Vec<char>) {
    if ends_with(w, "ies") && w.len() == 4 {
        replace_suffix(w, 3, "ie");
        return;
    }
    apply_rules(w, &[("sses", "ss", None), ("ies", "i", None), ("ss", "ss", None), ("s", "", None)]);
}

fn step1b(w: &mut Vec<char>) {
    if ends_with(w, "ied") {
        let replacement = if w.len() == 4 { "ie" } else { "i" };
        replace_suffix(w, 3, replacement);
        return;
    }
    if ends_with(w, "eed") {
        if positive_measure(&w[..w.len() - 3]) {
            replace_suffix(w, 3, "ee");
        }
        return;
    }
    let removed = ["ed", "ing"].iter().find_map(|suffix| {
        let n = suffix.len();
        (ends_with(w, suffix) && contains_vowel(&w[..w.len() - n])).then_some(n)
    });
    let Some(n) = removed else { return };
    w.truncate(w.len() - n);
    if ends_with(w, "at") || ends_with(w, "bl") || ends_with(w, "iz") {
        w.push('e');
    } else if ends_double_consonant(w) {
        if !matches!(w[w.len() - 1], 'l' | 's' | 'z') {
            w.pop();
        }
    } else if measure(w) == 1 && ends_cvc(w) {
        w.push('e');
    }
}

fn step1c(w: &mut Vec<char>) {
    if ends_with(w, "y") {
        let stem = &w[..w.len() - 1];
        if stem.len() > 1 && is_consonant(stem, stem.len() - 1) {
            replace_suffix(w, 1, "i");
        }
    }
}

fn step2(w: &mut Vec<char>) {
    if ends_with(w, "alli") && positive_measure(&w[..w.len() - 4]) {
        replace_suffix(w, 4, "al");
        step2(w);
        return;
    }
    let p = Some(positive_measure as Condition);
    // "logi" keeps its "l" with the stem when measuring (so "geo", "theo" count).
    let logi: Condition = |stem| positive_measure(&[stem, &['l']].concat());
    apply_rules(
        w,
        &[
            ("ational", "ate", p),
            ("tional", "tion", p),
            ("enci", "ence", p),
            ("anci", "ance", p),
            ("izer", "ize", p),
            ("bli", "ble", p),
            ("alli", "al", p),
            ("entli", "ent", p),
            ("eli", "e", p),
            ("ousli", "ous", p),
            ("ization", "ize", p),
            ("ation", "ate", p),
            ("ator", "ate", p),
            ("alism", "al", p),
            ("iveness", "ive", p),
            ("fulness", "ful", p),
            ("ousness", "ous", p),
            ("aliti", "al", p),
            ("iviti", "ive", p),
            ("biliti", "ble", p),
            ("fulli", "ful", p),
            ("logi", "log", Some(logi)),
        ],
    );
}

fn step3(w: &mut Vec<char>) {
    let p = Some(positive_measure as Condition);
    apply_rules(
        w,
        &[
            ("icate", "ic", p),
            ("ative", "", p),
            ("alize", "al", p),
            ("iciti", "ic", p),
            ("ical", "ic", p),
            ("ful", "", p),
            ("ness", "", p),
        ],
    );
}

fn step4(w: &mut Vec<char>) {
    let m = Some(measure_above_one as Condition);
    let ion: Condition = |stem| measure(stem) > 1 && matches!(stem.last(), Some('s' | 't'));
    apply_rules(
        w,
        &[
            ("al", "", m),
            ("ance", "", m),
            ("ence", "", m),
            ("er", "", m),
            ("ic", "", m),
            ("able", "", m),
            ("ible", "", m),
            ("ant", "", m),
            ("ement", "", m),
            ("ment", "", m),
            ("ent", "", m),
            ("ion", "", Some(ion)),
            ("ou", "", m),
            ("ism", "", m),
            ("ate", "", m),
            ("iti", "", m),
            ("ous", "", m),
            ("ive", "", m),
            ("ize", "", m),
        ],
    );
}

fn step5a(w: &mut Vec<char>) {
    if ends_with(w, "e") {
        let stem = &w[..w.len() - 1];
        let m = measure(stem);
        if m > 1 || (m == 1 && !ends_cvc(stem)) {
            w.pop();
        }
    }
}

fn step5b(w: &mut Vec<char>) {
    if ends_with(w, "ll") && measure(&w[..w.len() - 1]) > 1 {
        w.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::stem;

    #[test]
    fn paper_and_nltk_examples() {
        let cases = [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("ties", "tie"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("sing", "sing"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("falling", "fall"),
            ("filing", "file"),
            ("happy", "happi"),
            ("enjoy", "enjoy"),
            ("relational", "relat"),
            ("generalization", "gener"),
            ("hopefulness", "hope"),
            ("skies", "sky"),
            ("dying", "die"),
            ("spied", "spi"),
            ("died", "die"),
            ("geology", "geolog"),
            ("controlling", "control"),
            ("is", "is"),
        ];
        for (word, expected) in cases {
            assert_eq!(stem(word), expected, "{word}");
        }
    }
}
