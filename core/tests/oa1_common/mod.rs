//! Helpers for the Official Account endpoint tests: build a request with a fixed token, parse a
//! fixture, and a scripted WeChat for the driver-level tests (paging, JS-SDK).
#![allow(dead_code, unused_macros)]

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use serde_json::Value;
use wechat_core::client::{HttpClient, Runtime};
use wechat_core::endpoint::{Endpoint, build_request};
use wechat_core::{Client, ErrCode, Error, Hosts, MemoryStore, Secret, TokenFlow};

/// The example answer of a path, from `tests/fixtures/<path>.json`.
macro_rules! fixture {
    ($path:literal) => {
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/",
            $path,
            ".json"
        ))
    };
}

/// The request of an endpoint, with `ACCESS_TOKEN` as its token, against WeChat's hosts.
pub fn request<E: Endpoint>(endpoint: &E) -> http::Request<Vec<u8>> {
    build_request(
        &Hosts::default(),
        endpoint,
        Some(&Secret::new("ACCESS_TOKEN")),
    )
    .expect("request builds")
}

/// Asserts a `GET` with this full URL and no body.
pub fn assert_get<E: Endpoint>(endpoint: &E, url: &str) {
    let req = request(endpoint);
    assert_eq!(req.method(), http::Method::GET);
    assert_eq!(req.uri().to_string(), url);
    assert!(req.body().is_empty(), "a GET has no body");
}

/// Asserts a `POST` with this full URL and this JSON body.
pub fn assert_post<E: Endpoint>(endpoint: &E, url: &str, body: Value) {
    let req = request(endpoint);
    assert_eq!(req.method(), http::Method::POST);
    assert_eq!(req.uri().to_string(), url);
    assert_eq!(
        req.headers()
            .get(http::header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap()),
        Some("application/json")
    );
    let sent: Value = serde_json::from_slice(req.body()).expect("the body is JSON");
    assert_eq!(sent, body);
}

fn response(body: &str) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(200)
        .header(
            http::header::CONTENT_TYPE,
            "application/json; charset=utf-8",
        )
        .body(body.as_bytes().to_vec())
        .unwrap()
}

/// Parses a successful answer.
pub fn parse<E: Endpoint>(body: &str) -> E::Response
where
    E::Response: std::fmt::Debug,
{
    E::parse(&response(body)).expect("the answer parses")
}

/// Parses an error answer and returns its code.
pub fn api_error<E: Endpoint>(body: &str) -> ErrCode
where
    E::Response: std::fmt::Debug,
{
    match E::parse(&response(body)) {
        Err(Error::Api(e)) => e.code,
        other => panic!("expected an API error, got {other:?}"),
    }
}

/// A scripted WeChat: `stable_token` always answers a token; other paths answer what was pushed
/// for them, in order. Every request's path and query is recorded.
#[derive(Clone, Default)]
pub struct Scripted {
    answers: Arc<Mutex<HashMap<String, VecDeque<String>>>>,
    seen: Arc<Mutex<Vec<String>>>,
}

impl Scripted {
    /// Queues an answer for a path.
    pub fn push(&self, path: &str, body: &str) -> &Self {
        self.answers
            .lock()
            .unwrap()
            .entry(path.to_owned())
            .or_default()
            .push_back(body.to_owned());
        self
    }

    /// The requests made so far, as `path?query`, token requests excluded.
    pub fn seen(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

impl HttpClient for Scripted {
    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> wechat_core::Result<http::Response<Vec<u8>>> {
        let path = request.uri().path().to_owned();
        if path == "/cgi-bin/stable_token" {
            return Ok(response(
                r#"{"access_token":"ACCESS_TOKEN","expires_in":7200}"#,
            ));
        }
        let mut line = path.clone();
        if let Some(q) = request.uri().query() {
            line.push('?');
            line.push_str(q);
        }
        if request.method() == http::Method::POST {
            line.push(' ');
            line.push_str(&String::from_utf8_lossy(request.body()));
        }
        self.seen.lock().unwrap().push(line);
        let answer = self
            .answers
            .lock()
            .unwrap()
            .get_mut(&path)
            .and_then(VecDeque::pop_front)
            .unwrap_or_else(|| panic!("nothing scripted for {path}"));
        Ok(response(&answer))
    }
}

/// A runtime whose clock stands still and whose "random" bytes repeat a pattern.
#[derive(Clone)]
pub struct FixedRuntime {
    pub now_ms: u64,
    pub pattern: Vec<u8>,
}

impl Runtime for FixedRuntime {
    fn now_ms(&self) -> u64 {
        self.now_ms
    }
    async fn sleep(&self, _ms: u64) {}
    fn fill_random(&self, buf: &mut [u8]) {
        for (i, b) in buf.iter_mut().enumerate() {
            *b = self.pattern[i % self.pattern.len()];
        }
    }
}

/// A client of the app `wxapp` over a scripted WeChat.
pub fn client(
    wechat: &Scripted,
    runtime: FixedRuntime,
) -> Client<Scripted, MemoryStore, FixedRuntime> {
    let now = runtime.now_ms;
    Client::new(
        TokenFlow::Stable {
            appid: "wxapp".into(),
            secret: Secret::new("APPSECRET"),
        },
        wechat.clone(),
        MemoryStore::new(move || now),
        runtime,
    )
}

/// A client with a plain clock and randomness.
pub fn plain_client(wechat: &Scripted) -> Client<Scripted, MemoryStore, FixedRuntime> {
    client(
        wechat,
        FixedRuntime {
            now_ms: 1_700_000_000_000,
            pattern: vec![7, 42, 99],
        },
    )
}
