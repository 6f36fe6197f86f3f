//! Integration tests: the `newsbrief` binary run on real reports and on bad input.

mod bad_input;
mod brief;
mod entities;
mod extract;
mod quotes;
mod render;
mod score_eval;
mod sentences;
mod store;
mod support;
mod tidy;
