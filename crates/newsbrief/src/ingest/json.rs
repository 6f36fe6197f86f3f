//! Articles given as JSON: one object per line (JSON lines), or an array of objects.
//!
//! An article object has `text` or `html`, and optionally `id` (a string or number), `title`,
//! `url`, `published`, `outlet` and `byline` (a string or an array of names).

use serde_json::{Map, Value};

use crate::article::{Metadata, RawArticle, RawBody};
use crate::dates::find_date;
use crate::diagnostic::Diagnostic;

/// Reads one article per non-blank line; a bad line is reported with its number and skipped.
pub(crate) fn read_lines(name: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<RawArticle> {
    let mut articles = Vec::new();
    for (index, line) in text.lines().enumerate() {
        match read_json_line(name, index + 1, line) {
            Ok(Some(article)) => articles.push(article),
            Ok(None) => {}
            Err(diagnostic) => diagnostics.push(diagnostic),
        }
    }
    articles
}

/// Reads line `line_number` of the JSON-lines input `name` (for readers that stream a large
/// input line by line): the article it holds, `None` for a blank line, or an error diagnostic
/// naming the input and line.
///
/// # Errors
///
/// An error diagnostic when the line is not a JSON object with a `text` or `html` string.
pub fn read_json_line(name: &str, line_number: usize, line: &str) -> Result<Option<RawArticle>, Diagnostic> {
    if line.trim().is_empty() {
        return Ok(None);
    }
    let input = format!("{name}:{line_number}");
    serde_json::from_str::<Value>(line)
        .map_err(|err| format!("invalid JSON: {err}"))
        .and_then(|value| article_from_value(&input, &value))
        .map(Some)
        .map_err(|message| Diagnostic::error(name, message).at_line(line_number))
}

/// Reads a JSON document holding one article object or an array of them.
pub(crate) fn read_document(name: &str, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Vec<RawArticle> {
    let value = match serde_json::from_str::<Value>(text) {
        Ok(value) => value,
        Err(err) => {
            let diagnostic = Diagnostic::error(name, format!("invalid JSON: {err}")).at_line(err.line());
            diagnostics.push(diagnostic);
            return Vec::new();
        }
    };
    let items = match value {
        Value::Array(items) => items,
        other => vec![other],
    };
    let mut articles = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let input = format!("{name}[{index}]");
        match article_from_value(&input, item) {
            Ok(article) => articles.push(article),
            Err(message) => diagnostics.push(Diagnostic::error(&input, message)),
        }
    }
    articles
}

fn article_from_value(input: &str, value: &Value) -> Result<RawArticle, String> {
    let Value::Object(fields) = value else {
        return Err("expected a JSON object with a \"text\" or \"html\" field".to_owned());
    };
    let body = match (string_field(fields, "text"), string_field(fields, "html")) {
        (Some(text), _) => RawBody::Text(text),
        (None, Some(html)) => RawBody::Html(html),
        (None, None) => return Err("the object has no \"text\" or \"html\" string field".to_owned()),
    };
    let byline = match fields.get("byline") {
        Some(Value::Array(names)) => {
            let names: Vec<&str> = names.iter().filter_map(Value::as_str).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => string_field(fields, "byline"),
    };
    let given = Metadata {
        title: string_field(fields, "title"),
        published: string_field(fields, "published").and_then(|p| find_date(&p)).map(|(date, _)| date),
        byline,
        outlet: string_field(fields, "outlet"),
        dateline: None,
        url: string_field(fields, "url"),
        language: string_field(fields, "language"),
    };
    let given_id = match fields.get("id") {
        Some(Value::Number(number)) => Some(number.to_string()),
        _ => string_field(fields, "id"),
    };
    Ok(RawArticle { input: input.to_owned(), given_id, body, given })
}

fn string_field(fields: &Map<String, Value>, key: &str) -> Option<String> {
    fields.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_good_lines_and_reports_bad_ones_by_number() {
        let text = concat!(
            "{\"text\": \"Body one.\", \"title\": \"T\", \"published\": \"2009-03-06T08:00:00Z\", \"byline\": [\"A\", \"B\"]}\n",
            "\n",
            "{\"text\": \"broken\n",
            "{\"html\": \"<p>Two</p>\", \"outlet\": \"Wire\"}\n",
            "[1, 2]\n",
        );
        let mut diagnostics = Vec::new();
        let articles = read_lines("in.jsonl", text, &mut diagnostics);
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].input, "in.jsonl:1");
        assert_eq!(articles[0].given.published.map(|d| d.to_string()).as_deref(), Some("2009-03-06"));
        assert_eq!(articles[0].given.byline.as_deref(), Some("A, B"));
        assert_eq!(articles[1].body, RawBody::Html("<p>Two</p>".into()));
        let lines: Vec<_> = diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![Some(3), Some(5)]);
        assert!(diagnostics[0].to_string().starts_with("error: in.jsonl:3: invalid JSON"));
    }
}
