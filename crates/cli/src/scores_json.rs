//! ROUGE scores as JSON, with the field names of `rouge-score`: `rouge1`, `rouge2`, `rougeL`,
//! `rougeLsum` and `rougeSU4`, each `{"precision", "recall", "fmeasure"}`.

use rouge::{Score, Scores};
use serde_json::{json, Map, Value};

/// One score as `{"precision", "recall", "fmeasure"}`.
pub(crate) fn score(score: Score) -> Value {
    json!({"precision": score.precision, "recall": score.recall, "fmeasure": score.fmeasure})
}

/// All five scores as a JSON object.
pub(crate) fn scores(scores: &Scores) -> Map<String, Value> {
    let mut object = Map::new();
    for (name, value) in named(scores) {
        object.insert(name.to_owned(), score(value));
    }
    object
}

/// The five scores with their `rouge-score` names, in a fixed order.
pub(crate) fn named(scores: &Scores) -> [(&'static str, Score); 5] {
    [
        ("rouge1", scores.rouge1),
        ("rouge2", scores.rouge2),
        ("rougeL", scores.rouge_l),
        ("rougeLsum", scores.rouge_lsum),
        ("rougeSU4", scores.rouge_su4),
    ]
}
