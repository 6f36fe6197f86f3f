//! `newsbrief serve`: the HTTP API and web app (`newsbrief-server`), bound to loopback unless
//! told otherwise, with a write token required when reachable from elsewhere.

use std::net::SocketAddr;
use std::time::Duration;

use std::sync::Arc;

use anyhow::Result;
use newsbrief_server::{Config, Limits, NoStore, Stories, TOKEN_VARIABLE};

use crate::served_store::ServedStore;

/// Arguments of `newsbrief serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// The address to listen on; a non-loopback address needs a token.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The story store to serve (`POST /api/articles`, `GET /api/stories`): an `SQLite` file,
    /// created when missing, or a `PostgreSQL` URL; without it those routes answer 503.
    #[arg(long, value_name = "FILE|URL")]
    db: Option<String>,
    /// The token every `POST` needs (`Authorization: Bearer TOKEN`); read from `NEWSBRIEF_TOKEN`
    /// when not given.
    #[arg(long)]
    token: Option<String>,
    /// The most articles in one request.
    #[arg(long, default_value_t = Limits::default().max_articles, value_parser = crate::positive)]
    max_articles: usize,
    /// The largest request body, in MiB.
    #[arg(long, default_value_t = 4, value_parser = crate::positive)]
    max_body_mib: usize,
    /// How long a request may take, in seconds.
    #[arg(long, default_value_t = 30, value_parser = crate::positive)]
    timeout: usize,
    /// How many briefs are computed at once (default: the number of cores).
    #[arg(long, value_parser = crate::positive)]
    workers: Option<usize>,
}

/// Runs `newsbrief serve` until it is stopped.
pub(crate) fn run(args: &ServeArgs) -> Result<()> {
    let stories: Arc<dyn Stories> = match &args.db {
        Some(db) => Arc::new(ServedStore::new(crate::commands::stories::open(db)?)),
        None => Arc::new(NoStore),
    };
    let defaults = Limits::default();
    let config = Config {
        addr: args.addr,
        token: args.token.clone().or_else(|| std::env::var(TOKEN_VARIABLE).ok().filter(|t| !t.is_empty())),
        limits: Limits {
            max_body_bytes: args.max_body_mib.saturating_mul(1024 * 1024),
            max_articles: args.max_articles,
            timeout: Duration::from_secs(u64::try_from(args.timeout).unwrap_or(u64::MAX)),
            workers: args.workers.unwrap_or(defaults.workers),
            ..defaults
        },
    };
    newsbrief_server::run_with(&config, stories, |addr| {
        eprintln!("newsbrief: serving on http://{addr}/ (Ctrl-C stops)");
    })?;
    Ok(())
}
