//! Helpers: running the binary, and paths to the shipped example.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// What one run of the binary gave.
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Runs `newsbrief` with `args`, feeding `stdin` to it.
pub(crate) fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsbrief"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // A child that fails before reading its input closes the pipe: that is not a test failure.
    if let Err(err) = child.stdin.take().expect("stdin is piped").write_all(stdin) {
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "stdin takes the input");
    }
    let output = child.wait_with_output().expect("the binary finishes");
    Run {
        code: output.status.code().expect("the binary exits with a code"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `newsbrief` with `args` and empty standard input.
pub(crate) fn run(args: &[&str]) -> Run {
    run_with_stdin(args, b"")
}

/// The folder of the shipped example story.
pub(crate) fn example_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/reset")
}

/// What a careful reader finds in the example (`examples/reset.expected.json`).
pub(crate) fn expected() -> serde_json::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/reset.expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("the expectations ship with the example"))
        .expect("the expectations are JSON")
}
