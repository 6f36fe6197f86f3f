//! The server's errors: [`Error`] for starting and running it, [`ApiError`] for one request,
//! answered as JSON `{"error": "..."}` with its status.

use std::any::Any;

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::api::ErrorBody;

/// What can stop the server.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Settings that are unsafe or invalid.
    #[error("{0}")]
    Config(String),
    /// Binding or serving failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The server's result type.
pub type Result<T> = std::result::Result<T, Error>;

/// A request's failure: a status and a message for the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self { status, message: message.into() }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, axum::Json(ErrorBody { error: self.message })).into_response()
    }
}

/// The answer to a request whose handler panicked: the server goes on.
pub(crate) fn panic_response(_: Box<dyn Any + Send + 'static>) -> Response {
    let body = serde_json::json!({"error": "internal error"}).to_string();
    (StatusCode::INTERNAL_SERVER_ERROR, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}
