//! Integration tests of the server: the API through its router (status codes, limits, token,
//! store boundary), and the web app in headless Chromium.

mod api;
mod browser;
mod support;
