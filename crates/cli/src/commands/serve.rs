//! `newsbrief serve`: the HTTP API and web app (`newsbrief-server`), bound to loopback unless
//! told otherwise, with a write token required when reachable from elsewhere.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Result};
use newsbrief_server::{Config, Limits, TOKEN_VARIABLE};

/// Arguments of `newsbrief serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// The address to listen on; a non-loopback address needs a token.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The story store to serve (`POST /api/articles`, `GET /api/stories`).
    #[arg(long, value_name = "FILE")]
    db: Option<PathBuf>,
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
    if let Some(db) = &args.db {
        // The store (crates/store) plugs in through newsbrief_server::Stories once it lands.
        bail!("{}: this build has no story store; serve without --db", db.display());
    }
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
    newsbrief_server::run_with(&config, std::sync::Arc::new(newsbrief_server::NoStore), |addr| {
        eprintln!("newsbrief: serving on http://{addr}/ (Ctrl-C stops)");
    })?;
    Ok(())
}
