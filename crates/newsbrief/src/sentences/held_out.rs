//! Held-out cases of the sentence splitter: written before the rules of issue 14 and never used
//! to tune them, one table per kind that failed on unseen data. Each case is a text and the
//! sentences a careful reader finds in it.

/// Exclamations and questions inside quoted speech that goes on, and quotations generally.
pub(super) const QUOTED_SPEECH: &[(&str, &[&str])] = &[
    ("'Stop!' shouted the guard. We froze.", &["'Stop!' shouted the guard.", "We froze."]),
    ("\"Why now?\" asked the reporter. Nobody answered.", &["\"Why now?\" asked the reporter.", "Nobody answered."]),
    ("“Fire!” someone yelled, and the hall emptied.", &["“Fire!” someone yelled, and the hall emptied."]),
    ("'Is it over?' she wondered aloud.", &["'Is it over?' she wondered aloud."]),
    (
        "The crowd chanted “Four more years!” until midnight. Then it rained.",
        &["The crowd chanted “Four more years!” until midnight.", "Then it rained."],
    ),
    (
        "He asked, \"Where are you going?\" She did not reply.",
        &["He asked, \"Where are you going?\"", "She did not reply."],
    ),
    ("“What a day!” he said. “I am tired.”", &["“What a day!” he said.", "“I am tired.”"]),
    ("The sign read 'Keep out!' in red letters.", &["The sign read 'Keep out!' in red letters."]),
    ("Voters asked “Who pays?” and “When?” at every stop.", &["Voters asked “Who pays?” and “When?” at every stop."]),
    ("She shouted “Help! Help!” from the window.", &["She shouted “Help! Help!” from the window."]),
];

/// Abbreviations before numbers.
pub(super) const BEFORE_NUMBERS: &[(&str, &[&str])] = &[
    ("The ship was listed as no. 7 in the registry.", &["The ship was listed as no. 7 in the registry."]),
    ("He ranked No. 2 last year. He is now No. 1.", &["He ranked No. 2 last year.", "He is now No. 1."]),
    ("See vol. 3, ch. 12 for details.", &["See vol. 3, ch. 12 for details."]),
    ("The quote is on pp. 14-15 of the report.", &["The quote is on pp. 14-15 of the report."]),
    ("Art. 5 of the treaty applies. Allies must respond.", &["Art. 5 of the treaty applies.", "Allies must respond."]),
    ("It is shown in fig. 2 and fig. 3.", &["It is shown in fig. 2 and fig. 3."]),
    ("Call ext. 4410 for help.", &["Call ext. 4410 for help."]),
    ("The answer was no. Nobody asked again.", &["The answer was no.", "Nobody asked again."]),
];

/// A missing space after a full stop, question or exclamation mark.
pub(super) const MISSING_SPACE: &[(&str, &[&str])] = &[
    ("The talks ended.Both sides left.", &["The talks ended.", "Both sides left."]),
    ("Prices rose in 2008.Then they fell.", &["Prices rose in 2008.", "Then they fell."]),
    ("Write to press.office@example.org for details.", &["Write to press.office@example.org for details."]),
    ("The file is report.PDF on the site.", &["The file is report.PDF on the site."]),
    ("He works for the U.S.Army now.", &["He works for the U.S.Army now."]),
    ("Visit www.example.com today.", &["Visit www.example.com today."]),
    ("It rained all day.Nobody came.", &["It rained all day.", "Nobody came."]),
];

/// Ellipses, followed by a new sentence or not.
pub(super) const ELLIPSES: &[(&str, &[&str])] = &[
    ("He waited... Nobody came.", &["He waited...", "Nobody came."]),
    ("She hesitated… Then she signed.", &["She hesitated…", "Then she signed."]),
    ("It was... well, complicated.", &["It was... well, complicated."]),
    ("“We will win... and we will win big,” he said.", &["“We will win... and we will win big,” he said."]),
    (
        "The law says that \"no person [...] shall be deprived\" of it.",
        &["The law says that \"no person [...] shall be deprived\" of it."],
    ),
    ("And so it ended.... The next day was calm.", &["And so it ended....", "The next day was calm."]),
];

/// Lists and headings written without stops.
pub(super) const LISTS_AND_HEADINGS: &[(&str, &[&str])] = &[
    ("Key points\n\nThe budget passed. Taxes rise.", &["Key points", "The budget passed.", "Taxes rise."]),
    ("What we know\nThe fire started at noon.", &["What we know", "The fire started at noon."]),
    ("- Schools closed\n- Roads flooded\n- Power cut", &["- Schools closed", "- Roads flooded", "- Power cut"]),
    ("1) Raise taxes 2) Cut spending 3) Repeat", &["1) Raise taxes", "2) Cut spending", "3) Repeat"]),
    ("The plan: 1. Raise taxes 2. Cut spending", &["The plan:", "1. Raise taxes", "2. Cut spending"]),
    ("(a) First option (b) Second option", &["(a) First option", "(b) Second option"]),
    ("They must (a) pay and (b) apologise.", &["They must (a) pay and (b) apologise."]),
    ("• Fewer jobs • Higher prices • Less trust", &["• Fewer jobs", "• Higher prices", "• Less trust"]),
    ("i. Introduction ii. Methods iii. Results", &["i. Introduction", "ii. Methods", "iii. Results"]),
    (
        "BREAKING NEWS\nThe minister has resigned.\nMore to follow",
        &["BREAKING NEWS", "The minister has resigned.", "More to follow"],
    ),
];
