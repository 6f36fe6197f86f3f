//! Diagnostics: problems found in the content of an input that are not failures of the program.

use std::fmt;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The input was used, but something about it was doubtful (a guessed encoding, say).
    Warning,
    /// The input, or the named line of it, was skipped.
    Error,
}

/// A problem with one input, or with one line of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// The input's name as the user gave it (a path, or `-` for standard input).
    pub input: String,
    /// The 1-based line of the input the problem is on, when it concerns one line.
    pub line: Option<usize>,
    /// How serious the problem is.
    pub severity: Severity,
    /// What is wrong, in lowercase words without a final period.
    pub message: String,
}

impl Diagnostic {
    /// An error: the input (or its line) was skipped.
    pub fn error(input: &str, message: impl Into<String>) -> Self {
        Self { input: input.to_owned(), line: None, severity: Severity::Error, message: message.into() }
    }

    /// A warning: the input was used despite the problem.
    pub fn warning(input: &str, message: impl Into<String>) -> Self {
        Self { input: input.to_owned(), line: None, severity: Severity::Warning, message: message.into() }
    }

    /// The same diagnostic, pinned to a 1-based line of the input.
    #[must_use]
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match self.line {
            Some(line) => write!(f, "{level}: {}:{line}: {}", self.input, self.message),
            None => write!(f, "{level}: {}: {}", self.input, self.message),
        }
    }
}
