//! The API through its router: a brief round trip, the status codes of bad requests, the
//! limits, the token, the store boundary (without a store and with a small one), and that a
//! panic or a slow store answers as JSON and leaves the server running.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use newsbrief::{Brief, Pipeline};
use newsbrief_server::{router, BriefRequest, Config, Limits, NoStore, StoreError, Stories};
use tower::ServiceExt;

use crate::support::{example_articles, example_dir, MemoryStories};

/// One response: status, content type and body.
struct Answer {
    status: StatusCode,
    content_type: String,
    body: String,
}

impl Answer {
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|err| panic!("not JSON ({err}): {}", self.body))
    }

    /// Checks an error answer: its status and a JSON `{"error"}` holding `words`.
    fn check_error(&self, status: StatusCode, words: &str) {
        assert_eq!(self.status, status, "{}", self.body);
        assert_eq!(self.content_type, "application/json", "{}", self.body);
        let error = self.json()["error"].as_str().unwrap_or_default().to_owned();
        assert!(error.contains(words), "{error:?} lacks {words:?}");
    }
}

async fn send(app: &Router, method: Method, uri: &str, body: impl Into<Body>, token: Option<&str>) -> Answer {
    let mut request = Request::builder().method(method).uri(uri).header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let response = app.clone().oneshot(request.body(body.into()).unwrap()).await.unwrap();
    let status = response.status();
    let content_type = response.headers().get(header::CONTENT_TYPE).map_or("", |v| v.to_str().unwrap()).to_owned();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Answer { status, content_type, body: String::from_utf8(bytes.to_vec()).unwrap() }
}

async fn get(app: &Router, uri: &str) -> Answer {
    send(app, Method::GET, uri, Body::empty(), None).await
}

async fn post(app: &Router, uri: &str, body: impl Into<Body>) -> Answer {
    send(app, Method::POST, uri, body, None).await
}

fn app_with(limits: Limits, token: Option<&str>, stories: Arc<dyn Stories>) -> Router {
    let config = Config { token: token.map(str::to_owned), limits, ..Config::default() };
    router(&config, stories)
}

fn app() -> Router {
    app_with(Limits::default(), None, Arc::new(NoStore))
}

fn example_request() -> String {
    serde_json::to_string(&BriefRequest { articles: example_articles(), words: Some(120) }).unwrap()
}

#[tokio::test]
async fn the_example_round_trips_to_the_brief_the_library_makes() {
    let app = app();
    let answer = post(&app, "/api/brief", example_request()).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(answer.content_type, "application/json");
    let brief: Brief = serde_json::from_str(&answer.body).unwrap();
    assert_eq!(brief.check_spans(), Ok(()));
    // The same reports read as files by the library give the same brief.
    let pipeline = Pipeline::builder().words(120).build().unwrap();
    let mut paths: Vec<_> = std::fs::read_dir(example_dir()).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    let mut articles = Vec::new();
    for path in &paths {
        articles.extend(pipeline.read(&path.display().to_string(), &std::fs::read(path).unwrap()).0);
    }
    let expected = pipeline.brief(&articles);
    assert_eq!(brief.sources.len(), 5);
    assert_eq!(
        brief.sources.iter().map(|s| &s.id).collect::<Vec<_>>(),
        expected.sources.iter().map(|s| &s.id).collect::<Vec<_>>()
    );
    assert_eq!(brief.summary, expected.summary);
    assert_eq!(brief.timeline, expected.timeline);
    assert!(!brief.timeline.is_empty() && !brief.quotes.is_empty());

    let page = post(&app, "/api/brief?format=html", example_request()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.content_type, "text/html; charset=utf-8");
    assert!(page.body.starts_with("<!DOCTYPE html>") && page.body.contains("<svg"), "{}", &page.body[..200]);
    post(&app, "/api/brief?format=pdf", example_request()).await.check_error(StatusCode::BAD_REQUEST, "unknown format");
}

#[tokio::test]
async fn bad_requests_are_answered_with_json_errors() {
    let app = app();
    post(&app, "/api/brief", "{\"articles\": [").await.check_error(StatusCode::BAD_REQUEST, "invalid JSON");
    post(&app, "/api/brief", "not json").await.check_error(StatusCode::BAD_REQUEST, "invalid JSON");
    post(&app, "/api/brief", r#"{"articles": "all of them"}"#)
        .await
        .check_error(StatusCode::UNPROCESSABLE_ENTITY, "invalid JSON");
    post(&app, "/api/brief", r#"{"articles": [{"txt": "A."}]}"#)
        .await
        .check_error(StatusCode::UNPROCESSABLE_ENTITY, "unknown field");
    post(&app, "/api/brief", r#"{"articles": []}"#).await.check_error(StatusCode::UNPROCESSABLE_ENTITY, "no article");
    post(&app, "/api/brief", r#"{"articles": [{"title": "T"}]}"#)
        .await
        .check_error(StatusCode::UNPROCESSABLE_ENTITY, "articles[0] has neither");
    post(&app, "/api/brief", r#"{"articles": [{"text": "   "}]}"#)
        .await
        .check_error(StatusCode::UNPROCESSABLE_ENTITY, "");
    post(&app, "/api/brief", r#"{"articles": [{"text": "Talks resumed."}], "words": 0}"#)
        .await
        .check_error(StatusCode::UNPROCESSABLE_ENTITY, "words must be between 1 and");
    get(&app, "/api/nothing").await.check_error(StatusCode::NOT_FOUND, "no route GET /api/nothing");
    let health = get(&app, "/healthz").await;
    assert_eq!(health.status, StatusCode::OK);
    assert_eq!(health.json()["status"], "ok");
}

#[tokio::test]
async fn limits_on_body_size_and_article_count_answer_413() {
    let limits = Limits { max_body_bytes: 64 * 1024, max_articles: 3, ..Limits::default() };
    let app = app_with(limits, None, Arc::new(NoStore));
    post(&app, "/api/brief", example_request())
        .await
        .check_error(StatusCode::PAYLOAD_TOO_LARGE, "5 articles: at most 3");
    let big = serde_json::json!({"articles": [{"text": "word ".repeat(20_000)}]}).to_string();
    post(&app, "/api/brief", big).await.check_error(StatusCode::PAYLOAD_TOO_LARGE, "too large");
    let small = r#"{"articles": [{"text": "Ministers met in Geneva on Friday. They agreed to talk again."}]}"#;
    assert_eq!(post(&app, "/api/brief", small).await.status, StatusCode::OK);
}

#[tokio::test]
async fn write_endpoints_need_the_token_when_one_is_set() {
    let app = app_with(Limits::default(), Some("s3cret"), Arc::new(MemoryStories::default()));
    let body = r#"{"articles": [{"text": "Ministers met in Geneva on Friday. They agreed to talk again."}]}"#;
    for uri in ["/api/brief", "/api/articles"] {
        send(&app, Method::POST, uri, body, None).await.check_error(StatusCode::UNAUTHORIZED, "token");
        send(&app, Method::POST, uri, body, Some("s3cre")).await.check_error(StatusCode::UNAUTHORIZED, "token");
        let ok = send(&app, Method::POST, uri, body, Some("s3cret")).await;
        assert_eq!(ok.status, StatusCode::OK, "{uri}: {}", ok.body);
    }
    // Reading needs none.
    assert_eq!(get(&app, "/healthz").await.status, StatusCode::OK);
    assert_eq!(get(&app, "/api/stories").await.status, StatusCode::OK);
    let page = get(&app, "/").await;
    assert!(page.body.contains("id=\"token\""), "the app asks for the token");
}

#[tokio::test]
async fn without_a_store_the_story_routes_answer_503() {
    let app = app();
    get(&app, "/api/stories").await.check_error(StatusCode::SERVICE_UNAVAILABLE, "no store");
    get(&app, "/api/stories/abc").await.check_error(StatusCode::SERVICE_UNAVAILABLE, "no store");
    post(&app, "/api/articles", example_request()).await.check_error(StatusCode::SERVICE_UNAVAILABLE, "no store");
    let page = get(&app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("No story store"), "{}", page.body);
    assert_eq!(get(&app, "/stories/abc").await.status, StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn a_store_plugs_in_behind_the_stories_boundary() {
    let app = app_with(Limits::default(), None, Arc::new(MemoryStories::default()));
    let ingested = post(&app, "/api/articles", example_request()).await;
    assert_eq!(ingested.status, StatusCode::OK, "{}", ingested.body);
    let ingested = ingested.json();
    assert_eq!(ingested["articles"].as_array().unwrap().len(), 5);
    assert_eq!(ingested["articles"][0]["story"], "story-1");
    let listed = get(&app, "/api/stories").await.json();
    assert_eq!(listed["stories"][0]["id"], "story-1");
    assert_eq!(listed["stories"][0]["articles"], 5);

    let brief: Brief = serde_json::from_str(&get(&app, "/api/stories/story-1").await.body).unwrap();
    assert_eq!(brief.sources.len(), 5);
    let update: Brief = serde_json::from_str(&get(&app, "/api/stories/story-1?since=2010-01-01").await.body).unwrap();
    assert_eq!(update.sources.len(), 1, "only the 2011 report");
    get(&app, "/api/stories/story-1?since=last-week").await.check_error(StatusCode::BAD_REQUEST, "YYYY-MM-DD");
    get(&app, "/api/stories/story-9").await.check_error(StatusCode::NOT_FOUND, "no story");

    let page = get(&app, "/").await;
    assert!(page.body.contains("href=\"/stories/story-1\""), "{}", page.body);
    let story = get(&app, "/stories/story-1").await;
    assert_eq!(story.status, StatusCode::OK);
    assert!(story.body.contains("<svg"));
}

/// A store that panics or takes its time, to see the server answer and carry on.
struct Faulty {
    delay: Duration,
}

impl Stories for Faulty {
    fn ingest(&self, _: Vec<newsbrief::AnalyzedArticle>) -> Result<Vec<newsbrief_server::Ingested>, StoreError> {
        std::thread::sleep(self.delay);
        Ok(Vec::new())
    }

    fn list(&self) -> Result<Vec<newsbrief_server::StorySummary>, StoreError> {
        panic!("a bug in the store");
    }

    fn brief(&self, _: &str, _: Option<chrono::NaiveDate>, _: &Pipeline) -> Result<Option<Brief>, StoreError> {
        Err(StoreError::Failed("the file is damaged".to_owned()))
    }
}

#[tokio::test]
async fn a_panic_or_a_slow_store_is_an_answer_not_a_crash() {
    let faulty = Arc::new(Faulty { delay: Duration::from_secs(3) });
    let app = app_with(Limits::default(), None, Arc::clone(&faulty) as Arc<dyn Stories>);
    get(&app, "/api/stories").await.check_error(StatusCode::INTERNAL_SERVER_ERROR, "internal error");
    get(&app, "/api/stories/x").await.check_error(StatusCode::INTERNAL_SERVER_ERROR, "the file is damaged");
    assert_eq!(get(&app, "/healthz").await.status, StatusCode::OK);

    let limits = Limits { timeout: Duration::from_millis(500), workers: 1, ..Limits::default() };
    let app = app_with(limits, None, faulty);
    let body = r#"{"articles": [{"text": "Ministers met in Geneva on Friday."}]}"#;
    post(&app, "/api/articles", body).await.check_error(StatusCode::SERVICE_UNAVAILABLE, "took too long");
    // The one worker is still busy with that ingest: the next request waits, then gives up.
    post(&app, "/api/brief", body).await.check_error(StatusCode::SERVICE_UNAVAILABLE, "busy");
    tokio::time::sleep(Duration::from_secs(3)).await;
    let answer = post(&app, "/api/brief", body).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
}
