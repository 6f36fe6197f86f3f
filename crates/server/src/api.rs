//! The JSON API: request and response types, the body extractor that turns every rejection into
//! a JSON error, the token check, and the handlers, which run the library's work on the
//! blocking pool within the limits.

use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{FromRequest, Path, Query, Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::NaiveDate;
use newsbrief::{AnalyzedArticle, Brief, OutputFormat, Pipeline, Severity};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::stories::{Ingested, StoreError, StorySummary};
use crate::AppState;

/// One article of a request: `text` or `html`, and what is known about it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleInput {
    /// The article as plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The article as an HTML page or fragment (used when `text` is absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
    /// Its headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Where it was published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Its publication day (`YYYY-MM-DD`, or any full date the library reads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The outlet that published it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

/// The body of `POST /api/brief` and `POST /api/articles`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefRequest {
    /// The articles, in order.
    pub articles: Vec<ArticleInput>,
    /// The summary's word budget (the library's default when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<usize>,
}

/// The body of every error response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// What went wrong, in lowercase words.
    pub error: String,
}

/// The answer to `POST /api/articles`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestResponse {
    /// Where each article went, in request order.
    pub articles: Vec<Ingested>,
}

/// The answer to `GET /api/stories`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoriesResponse {
    /// The stories of the store.
    pub stories: Vec<StorySummary>,
}

/// A JSON body: malformed JSON is 400, JSON of the wrong shape 422, too large a body 413.
pub(crate) struct JsonBody<T>(pub(crate) T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let bytes = Bytes::from_request(request, state).await.map_err(|rejection| {
            let status = rejection.status();
            let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
                "the request body is too large".to_owned()
            } else {
                rejection.body_text().to_lowercase()
            };
            ApiError::new(status, message)
        })?;
        serde_json::from_slice(&bytes).map(JsonBody).map_err(|err| {
            let status = match err.classify() {
                serde_json::error::Category::Data => StatusCode::UNPROCESSABLE_ENTITY,
                _ => StatusCode::BAD_REQUEST,
            };
            ApiError::new(status, format!("invalid JSON: {err}"))
        })
    }
}

/// Checks the write token, when the server has one: `Authorization: Bearer TOKEN`.
fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &state.token else {
        return Ok(());
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or("");
    if same(given.as_bytes(), token.as_bytes()) {
        Ok(())
    } else {
        Err(ApiError::new(StatusCode::UNAUTHORIZED, "a valid token is required (Authorization: Bearer TOKEN)"))
    }
}

/// Compares two secrets in time that depends on their lengths only.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0
}

/// Runs `work` on the blocking pool when a worker is free, within the request time limit.
pub(crate) async fn run_blocking<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let deadline = Instant::now() + state.limits.timeout;
    let busy = || ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the server is busy: try again later");
    let permit = tokio::time::timeout_at(deadline.into(), Arc::clone(&state.workers).acquire_owned())
        .await
        .map_err(|_| busy())?
        .map_err(|_| busy())?;
    let task = tokio::task::spawn_blocking(move || {
        // The permit is held until the work ends, even when the client has stopped waiting.
        let _permit = permit;
        work()
    });
    match tokio::time::timeout_at(deadline.into(), task).await {
        Err(_) => Err(ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "the request took too long")),
        Ok(Err(join)) if join.is_panic() => Err(ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")),
        Ok(Err(_)) => Err(busy()),
        Ok(Ok(result)) => result,
    }
}

/// The pipeline a request asks for.
fn pipeline(state: &AppState, words: Option<usize>) -> Result<Pipeline, ApiError> {
    let words = words.unwrap_or(newsbrief::DEFAULT_WORDS);
    if words == 0 || words > state.limits.max_words {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("words must be between 1 and {}", state.limits.max_words),
        ));
    }
    Pipeline::builder()
        .words(words)
        .build()
        .map_err(|err| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, err.to_string()))
}

/// Reads and analyses the request's articles; any article that cannot be read is a 422 naming it.
fn analyze(pipeline: &Pipeline, articles: &[ArticleInput]) -> Result<Vec<AnalyzedArticle>, ApiError> {
    let unprocessable = |message: String| ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, message);
    for (i, article) in articles.iter().enumerate() {
        if article.text.is_none() && article.html.is_none() {
            return Err(unprocessable(format!("articles[{i}] has neither \"text\" nor \"html\"")));
        }
    }
    // The library reads a JSON array of such objects exactly as `newsbrief brief` reads a file.
    let json = serde_json::to_vec(articles).map_err(|err| unprocessable(err.to_string()))?;
    let (read, diagnostics) = pipeline.read("articles.json", &json);
    if let Some(problem) = diagnostics.iter().find(|d| d.severity == Severity::Error) {
        return Err(unprocessable(problem.to_string()));
    }
    if read.is_empty() {
        return Err(unprocessable("no article could be read from the request".to_owned()));
    }
    Ok(read.into_iter().map(|article| pipeline.analyze(article)).collect())
}

fn check_count(state: &AppState, request: &BriefRequest) -> Result<(), ApiError> {
    if request.articles.is_empty() {
        return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "the request has no article"));
    }
    if request.articles.len() > state.limits.max_articles {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("{} articles: at most {} in one request", request.articles.len(), state.limits.max_articles),
        ));
    }
    Ok(())
}

/// `?format=` of `POST /api/brief` and `GET /api/stories/{id}`.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct BriefQuery {
    format: Option<String>,
    since: Option<String>,
}

impl BriefQuery {
    fn format(&self) -> Result<OutputFormat, ApiError> {
        match self.format.as_deref() {
            None => Ok(OutputFormat::Json),
            Some(name) => name.parse().map_err(|err: String| ApiError::new(StatusCode::BAD_REQUEST, err)),
        }
    }

    pub(crate) fn since(&self) -> Result<Option<NaiveDate>, ApiError> {
        self.since
            .as_deref()
            .map(|day| {
                NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|_| {
                    ApiError::new(StatusCode::BAD_REQUEST, format!("since must be YYYY-MM-DD, not {day:?}"))
                })
            })
            .transpose()
    }
}

/// A brief in the format asked for.
pub(crate) fn rendered(brief: &Brief, format: OutputFormat) -> Result<Response, ApiError> {
    let mut out = Vec::new();
    newsbrief::render(brief, format, &mut out)
        .map_err(|err| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, err.to_string()))?;
    let content_type = match format {
        OutputFormat::Html => "text/html; charset=utf-8",
        OutputFormat::Json => "application/json",
        _ => "text/markdown; charset=utf-8",
    };
    Ok(([(header::CONTENT_TYPE, content_type)], out).into_response())
}

/// `GET /healthz`.
pub(crate) async fn healthz() -> Json<serde_json::Value> {
    Json(serde_json::json!({"status": "ok", "version": env!("CARGO_PKG_VERSION")}))
}

/// `POST /api/brief`.
pub(crate) async fn brief(
    State(state): State<AppState>,
    Query(query): Query<BriefQuery>,
    headers: HeaderMap,
    JsonBody(request): JsonBody<BriefRequest>,
) -> Result<Response, ApiError> {
    authorize(&state, &headers)?;
    check_count(&state, &request)?;
    let format = query.format()?;
    let pipeline = pipeline(&state, request.words)?;
    run_blocking(&state, move || {
        let articles = analyze(&pipeline, &request.articles)?;
        rendered(&pipeline.brief_analyzed(&articles), format)
    })
    .await
}

fn store_error(err: &StoreError) -> ApiError {
    match err {
        StoreError::Unavailable => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "no store"),
        StoreError::Failed(_) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, err.to_string()),
    }
}

/// `POST /api/articles`.
pub(crate) async fn ingest(
    State(state): State<AppState>,
    headers: HeaderMap,
    JsonBody(request): JsonBody<BriefRequest>,
) -> Result<Json<IngestResponse>, ApiError> {
    authorize(&state, &headers)?;
    check_count(&state, &request)?;
    let pipeline = pipeline(&state, request.words)?;
    let stories = Arc::clone(&state.stories);
    run_blocking(&state, move || {
        let articles = analyze(&pipeline, &request.articles)?;
        let ingested = stories.ingest(articles).map_err(|err| store_error(&err))?;
        Ok(Json(IngestResponse { articles: ingested }))
    })
    .await
}

/// `GET /api/stories`.
pub(crate) async fn list_stories(State(state): State<AppState>) -> Result<Json<StoriesResponse>, ApiError> {
    let stories = Arc::clone(&state.stories);
    run_blocking(&state, move || {
        stories.list().map(|stories| Json(StoriesResponse { stories })).map_err(|err| store_error(&err))
    })
    .await
}

/// The brief of a stored story, or 404.
pub(crate) async fn stored_brief(state: &AppState, id: String, since: Option<NaiveDate>) -> Result<Brief, ApiError> {
    let stories = Arc::clone(&state.stories);
    run_blocking(state, move || {
        let pipeline = Pipeline::default();
        match stories.brief(&id, since, &pipeline) {
            Ok(Some(brief)) => Ok(brief),
            Ok(None) => Err(ApiError::new(StatusCode::NOT_FOUND, format!("no story {id:?}"))),
            Err(err) => Err(store_error(&err)),
        }
    })
    .await
}

/// `GET /api/stories/{id}`.
pub(crate) async fn story_brief(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(query): Query<BriefQuery>,
) -> Result<Response, ApiError> {
    let format = query.format()?;
    let brief = stored_brief(&state, id, query.since()?).await?;
    rendered(&brief, format)
}

/// Any other route.
pub(crate) async fn not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, format!("no route {method} {}", uri.path()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_compared_whole() {
        assert!(same(b"s3cret", b"s3cret"));
        assert!(!same(b"s3cret", b"s3cres"));
        assert!(!same(b"s3cret", b"s3cret!"));
        assert!(!same(b"", b"x"));
    }

    #[test]
    fn the_request_form_is_the_documented_one() {
        let request: BriefRequest = serde_json::from_str(
            r#"{"articles": [{"text": "A.", "title": "T", "url": "https://x.example/a", "published": "2009-03-06", "outlet": "O"}, {"html": "<p>B.</p>"}], "words": 50}"#,
        )
        .unwrap();
        assert_eq!(request.articles.len(), 2);
        assert_eq!(request.words, Some(50));
        assert_eq!(request.articles[1].html.as_deref(), Some("<p>B.</p>"));
        assert!(serde_json::from_str::<BriefRequest>(r#"{"articles": [{"txt": "A."}]}"#).is_err());
    }
}
