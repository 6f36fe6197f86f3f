//! The newsbrief HTTP API and web app: routes and request/response types only; the briefing is
//! the `newsbrief` library's, the story store is reached through the [`Stories`] trait.
//!
//! Routes:
//!
//! - `POST /api/brief`: `{"articles": [{"text"|"html", "title"?, "url"?, "published"?,
//!   "outlet"?}], "words"?}` gives the brief as JSON (`?format=html`: the HTML report).
//! - `POST /api/articles`: the same articles, ingested into the story store.
//! - `GET /api/stories`, `GET /api/stories/{id}` (`?since=YYYY-MM-DD` for an update brief).
//! - `GET /healthz`; `GET /` the web app; `GET /stories/{id}` a story's HTML report.
//!
//! Every error is JSON `{"error": "..."}` with status 400 (bad JSON or query), 401 (missing or
//! wrong token), 404, 413 (body or article count over the limit), 422 (well-formed but unusable
//! request), 500 (a panic, caught) or 503 (busy, timed out, or no store). Briefing runs on the
//! blocking thread pool, at most [`Limits::workers`] at a time.
//!
//! ```no_run
//! let config = newsbrief_server::Config::default();
//! newsbrief_server::run(&config).unwrap();
//! ```

mod api;
mod app;
mod error;
mod stories;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use tokio::sync::Semaphore;

pub use api::{ArticleInput, BriefRequest, ErrorBody, IngestResponse, StoriesResponse};
pub use error::{Error, Result};
pub use stories::{Ingested, NoStore, StoreError, Stories, StorySummary};

/// The environment variable that holds the write token when `--token` is not given.
pub const TOKEN_VARIABLE: &str = "NEWSBRIEF_TOKEN";

/// How much one request may ask of the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest request body, in bytes (413 above).
    pub max_body_bytes: usize,
    /// The most articles in one request (413 above).
    pub max_articles: usize,
    /// The largest word budget a request may ask for (422 above).
    pub max_words: usize,
    /// How long a request may wait for a worker and then work (503 after).
    pub timeout: Duration,
    /// How many briefs are computed at once.
    pub workers: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: 4 * 1024 * 1024,
            max_articles: 100,
            max_words: 2_000,
            timeout: Duration::from_secs(30),
            workers: std::thread::available_parallelism().map_or(2, std::num::NonZero::get),
        }
    }
}

/// The server's settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen; loopback by default.
    pub addr: SocketAddr,
    /// The token write endpoints (every `POST`) require, as `Authorization: Bearer TOKEN`.
    /// Required when `addr` is not a loopback address.
    pub token: Option<String>,
    /// Request limits.
    pub limits: Limits,
}

impl Default for Config {
    fn default() -> Self {
        Self { addr: SocketAddr::from(([127, 0, 0, 1], 8080)), token: None, limits: Limits::default() }
    }
}

impl Config {
    /// Checks that the settings are safe to serve with: a server reachable from elsewhere must
    /// have a write token.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] when `addr` is not loopback and no token is set, or the token is empty.
    pub fn check(&self) -> Result<()> {
        if self.token.as_deref().is_some_and(str::is_empty) {
            return Err(Error::Config("the token is empty".to_owned()));
        }
        if !self.addr.ip().is_loopback() && self.token.is_none() {
            return Err(Error::Config(format!(
                "{} is reachable from other machines: set a token with --token or {TOKEN_VARIABLE}",
                self.addr
            )));
        }
        Ok(())
    }
}

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct AppState {
    pub(crate) token: Option<Arc<str>>,
    pub(crate) limits: Limits,
    pub(crate) workers: Arc<Semaphore>,
    pub(crate) stories: Arc<dyn Stories>,
}

/// The application's routes over a story store (use [`NoStore`] for none), with the limits
/// and token of `config`.
pub fn router(config: &Config, stories: Arc<dyn Stories>) -> Router {
    let state = AppState {
        token: config.token.as_deref().map(Arc::from),
        limits: config.limits,
        workers: Arc::new(Semaphore::new(config.limits.workers.max(1))),
        stories,
    };
    Router::new()
        .route("/", get(app::index))
        .route("/stories/{id}", get(app::story))
        .route("/healthz", get(api::healthz))
        .route("/api/brief", post(api::brief))
        .route("/api/articles", post(api::ingest))
        .route("/api/stories", get(api::list_stories))
        .route("/api/stories/{id}", get(api::story_brief))
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(config.limits.max_body_bytes))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(error::panic_response))
        .with_state(state)
}

/// Serves `router` on `listener` until Ctrl-C (or SIGTERM).
///
/// # Errors
///
/// [`Error::Io`] when the server fails.
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> Result<()> {
    axum::serve(listener, router).with_graceful_shutdown(shutdown()).await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// Checks `config`, binds its address and serves with no story store until stopped; blocks.
/// `ready` is called with the bound address once the server listens.
///
/// # Errors
///
/// [`Error::Config`] for unsafe settings, [`Error::Io`] when the address cannot be bound or the
/// server fails.
pub fn run_with(config: &Config, stories: Arc<dyn Stories>, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    config.check()?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        ready(listener.local_addr()?);
        serve(listener, router(config, stories)).await
    })
}

/// Checks `config`, binds its address and serves with no story store until stopped; blocks.
///
/// # Errors
///
/// As [`run_with`].
pub fn run(config: &Config) -> Result<()> {
    run_with(config, Arc::new(NoStore), |_| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_reachable_from_elsewhere_needs_a_token() {
        let config = |addr: &str, token: Option<&str>| Config {
            addr: addr.parse().unwrap(),
            token: token.map(str::to_owned),
            limits: Limits::default(),
        };
        assert!(config("127.0.0.1:8080", None).check().is_ok());
        assert!(config("[::1]:8080", None).check().is_ok());
        let err = config("0.0.0.0:8080", None).check().unwrap_err().to_string();
        assert!(err.contains("set a token"), "{err}");
        assert!(config("0.0.0.0:8080", Some("s3cret")).check().is_ok());
        assert!(config("127.0.0.1:8080", Some("")).check().is_err());
    }
}
