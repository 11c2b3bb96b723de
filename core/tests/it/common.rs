#![allow(dead_code, unused_macros)]
//! Helpers for the endpoint tests: requests built with a fixed token, fixtures parsed, a scripted
//! WeChat for the driver-level tests (paging, JS-SDK), and the catalog checks.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use serde_json::Value;
use wechat_core::client::{HttpClient, Runtime};
use wechat_core::endpoint::{Endpoint, build_request, build_request_with_token};
use wechat_core::{Client, ErrCode, Error, Hosts, MemoryStore, Secret, TokenFlow};

/// The text of `tests/fixtures/<path>.json` at the repository root.
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

/// The request of an endpoint, with `ACCESS_TOKEN` as the token.
pub fn build<E: Endpoint>(endpoint: &E) -> http::Request<Vec<u8>> {
    let hosts = Hosts::default();
    if E::META.auth.is_token() {
        build_request_with_token(&hosts, endpoint, &Secret::new("ACCESS_TOKEN"))
    } else {
        build_request(&hosts, endpoint)
    }
    .expect("the request builds")
}

/// Asserts a `GET` with no body to `url` (query included).
pub fn assert_get<E: Endpoint>(endpoint: &E, url: &str) {
    let req = build(endpoint);
    assert_eq!(req.method(), http::Method::GET);
    assert_eq!(req.uri().to_string(), url);
    assert!(req.body().is_empty());
}

/// Asserts a `POST` to `url` whose JSON body equals `body`.
pub fn assert_post_json<E: Endpoint>(endpoint: &E, url: &str, body: Value) {
    let req = build(endpoint);
    assert_eq!(req.method(), http::Method::POST);
    assert_eq!(req.uri().to_string(), url);
    assert_eq!(
        req.headers()["content-type"],
        "application/json",
        "JSON content type"
    );
    let sent: Value = serde_json::from_slice(req.body()).expect("JSON body");
    assert_eq!(sent, body);
    assert_reads_as_data::<E>(&req, body);
}

/// The request written as data: the documented JSON body, read by the catalog entry of `E`,
/// builds the same request as the typed value did.
pub fn assert_reads_as_data<E: Endpoint>(typed: &http::Request<Vec<u8>>, body: Value) {
    let entry = wechat_core::catalog::entries()
        .find(|e| e.meta == E::META)
        .unwrap_or_else(|| panic!("{} is not in the catalog", E::META.name));
    let token = Secret::new("ACCESS_TOKEN");
    let token = E::META.auth.is_token().then_some(&token);
    // Fields sent in the query beside the body (`menu/create?agentid=`) are fields of the data too.
    let mut body = body;
    if let (Value::Object(fields), Some(query)) = (&mut body, typed.uri().query()) {
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            if k != "access_token" && k != "key" && !fields.contains_key(k.as_ref()) {
                let v = v
                    .parse::<i64>()
                    .map_or_else(|_| Value::from(v.as_ref()), Value::from);
                fields.insert(k.into_owned(), v);
            }
        }
    }
    let read = (entry.build)(&Hosts::default(), body, token)
        .unwrap_or_else(|e| panic!("{} does not read its JSON body: {e}", E::META.name));
    assert_eq!(read.uri(), typed.uri(), "{}", E::META.name);
    assert_eq!(
        serde_json::from_slice::<Value>(read.body()).expect("JSON body"),
        serde_json::from_slice::<Value>(typed.body()).expect("JSON body"),
        "{} reads its JSON body into another request",
        E::META.name
    );
}

/// Asserts a `POST` to `url` with an empty body.
pub fn assert_post_empty<E: Endpoint>(endpoint: &E, url: &str) {
    let req = build(endpoint);
    assert_eq!(req.method(), http::Method::POST);
    assert_eq!(req.uri().to_string(), url);
    assert!(req.body().is_empty());
}

/// A multipart request to `url`: its body, lossily decoded, for `contains` checks.
pub fn multipart<E: Endpoint>(endpoint: &E, url: &str) -> String {
    let req = build(endpoint);
    assert_eq!(req.method(), http::Method::POST);
    assert_eq!(req.uri().to_string(), url);
    let ct = req.headers()["content-type"].to_str().unwrap().to_owned();
    let boundary = ct
        .strip_prefix("multipart/form-data; boundary=")
        .expect("multipart content type");
    let body = String::from_utf8_lossy(req.body()).into_owned();
    assert!(body.starts_with(&format!("--{boundary}\r\n")));
    assert!(body.ends_with(&format!("--{boundary}--\r\n")));
    body
}

/// An HTTP 200 answer with `body`.
pub fn ok(body: impl Into<Vec<u8>>) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(200)
        .header(
            http::header::CONTENT_TYPE,
            "application/json; charset=utf-8",
        )
        .body(body.into())
        .unwrap()
}

/// Parses `body` as the endpoint's answer.
pub fn parse<E: Endpoint>(body: &str) -> E::Response {
    match E::parse(&ok(body)) {
        Ok(r) => r,
        Err(e) => panic!("{} does not parse: {e:?}", E::META.name),
    }
}

/// Parses `body` as the endpoint's answer, expecting WeChat's error; returns its code.
pub fn api_error<E: Endpoint>(body: &str) -> ErrCode
where
    E::Response: std::fmt::Debug,
{
    match E::parse(&ok(body)) {
        Err(Error::Api(e)) => e.code,
        other => panic!("expected an API error, got {other:?}"),
    }
}

/// Parses `body` as the endpoint's answer, expecting WeChat's error `code`.
pub fn assert_errcode<E: Endpoint>(body: &str, code: i64)
where
    E::Response: std::fmt::Debug,
{
    assert_eq!(api_error::<E>(body), ErrCode::Number(code));
}

/// The catalog entry of an endpoint exists and is the Official Account's.
pub fn assert_cataloged<E: Endpoint>() {
    let meta = E::META;
    assert_eq!(meta.area, "officialaccount");
    assert!(
        meta.doc
            .starts_with("https://developers.weixin.qq.com/doc/offiaccount/")
            || meta.doc.starts_with("https://iot.weixin.qq.com/"),
        "{}",
        meta.doc
    );
    assert!(
        wechat_core::catalog::all().any(|m| m == meta),
        "{} is not in the catalog",
        meta.name
    );
}

/// The catalog entry of an endpoint exists and is WeCom's, documented at
/// developer.work.weixin.qq.com.
pub fn assert_work_cataloged<E: Endpoint>() {
    let meta = E::META;
    assert_eq!(meta.area, "work", "{}", meta.name);
    assert!(
        meta.doc
            .starts_with("https://developer.work.weixin.qq.com/document/"),
        "{}: {}",
        meta.name,
        meta.doc
    );
    assert!(
        wechat_core::catalog::all().any(|m| m == meta),
        "{} is not in the catalog",
        meta.name
    );
}

/// The catalog entry of an endpoint exists and is the Mini Program's, documented at
/// developers.weixin.qq.com/miniprogram.
pub fn assert_mp_cataloged<E: Endpoint>() {
    let meta = E::META;
    assert_eq!(meta.area, "miniprogram", "{}", meta.name);
    assert!(
        meta.doc
            .starts_with("https://developers.weixin.qq.com/miniprogram/"),
        "{}: {}",
        meta.name,
        meta.doc
    );
    assert!(
        wechat_core::catalog::all().any(|m| m == meta),
        "{} is not in the catalog",
        meta.name
    );
}

/// Every row of the reference SDK's endpoint list in `package` has a catalog entry with its
/// method (`upload` meaning a `POST`, `URL` a `GET` download or a browser page) and URL.
pub fn assert_rows_covered(package: &str) {
    const ROWS: &str = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/go-sdk-endpoints.tsv"
    ));
    let hosts = Hosts::default();
    let mut seen = 0;
    for row in ROWS.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.get(1) != Some(&package) {
            continue;
        }
        seen += 1;
        let method = match cols[3] {
            "upload" => "POST",
            "URL" => "GET",
            m => m,
        };
        let url = cols[4].split(['?', '#', '&']).next().unwrap();
        let endpoint = wechat_core::catalog::all()
            .any(|m| m.method.as_str() == method && hosts.url(m.host, m.path) == url);
        let page = cols[3] == "URL"
            && wechat_core::catalog::browser_urls().any(|u| hosts.url(u.host, u.path) == url);
        assert!(
            endpoint || page,
            "{package}: no catalog entry for {method} {url}"
        );
    }
    assert!(seen > 0, "no reference rows for {package}");
}

/// A WeChat that hands out tokens and answers other paths from a script: first what was pushed for
/// the path, then what was queued for any path, in order. Every business request is recorded.
#[derive(Default)]
pub struct Scripted {
    by_path: Mutex<HashMap<String, VecDeque<String>>>,
    answers: Mutex<VecDeque<(u16, String)>>,
    requests: Mutex<Vec<http::Request<Vec<u8>>>>,
}

impl Scripted {
    /// Queues an answer for one path.
    pub fn push(&self, path: &str, body: &str) -> &Self {
        self.by_path
            .lock()
            .unwrap()
            .entry(path.to_owned())
            .or_default()
            .push_back(body.to_owned());
        self
    }

    /// Queues an answer for the next business call, whatever its path.
    pub fn answer(&self, body: impl Into<String>) {
        self.answers.lock().unwrap().push_back((200, body.into()));
    }

    /// The business requests sent so far (token fetches left out).
    pub fn requests(&self) -> Vec<http::Request<Vec<u8>>> {
        self.requests.lock().unwrap().clone()
    }

    /// The JSON bodies of the business requests sent so far.
    pub fn bodies(&self) -> Vec<Value> {
        self.requests()
            .iter()
            .map(|r| serde_json::from_slice(r.body()).unwrap())
            .collect()
    }

    /// The business requests so far as `path?query`, and ` body` for a `POST`.
    pub fn seen(&self) -> Vec<String> {
        self.requests()
            .iter()
            .map(|r| {
                let mut line = r.uri().path().to_owned();
                if let Some(q) = r.uri().query() {
                    line.push('?');
                    line.push_str(q);
                }
                if r.method() == http::Method::POST {
                    line.push(' ');
                    line.push_str(&String::from_utf8_lossy(r.body()));
                }
                line
            })
            .collect()
    }
}

/// The HTTP client over a [`Scripted`] WeChat.
#[derive(Clone)]
pub struct FakeHttp(pub Arc<Scripted>);

impl HttpClient for FakeHttp {
    async fn send(
        &self,
        req: http::Request<Vec<u8>>,
    ) -> wechat_core::Result<http::Response<Vec<u8>>> {
        let path = req.uri().path().to_owned();
        if path == "/cgi-bin/stable_token" || path == "/cgi-bin/token" {
            return Ok(ok(r#"{"access_token":"ACCESS_TOKEN","expires_in":7200}"#));
        }
        self.0.requests.lock().unwrap().push(req);
        let scripted = self
            .0
            .by_path
            .lock()
            .unwrap()
            .get_mut(&path)
            .and_then(VecDeque::pop_front)
            .map(|body| (200, body));
        let (status, body) = scripted
            .or_else(|| self.0.answers.lock().unwrap().pop_front())
            .unwrap_or_else(|| panic!("nothing scripted for {path}"));
        Ok(http::Response::builder()
            .status(status)
            .body(body.into_bytes())
            .unwrap())
    }
}

/// When the tests run, Unix milliseconds.
pub const T0: u64 = 1_700_000_000_000;

/// A clock that stands still, no sleeping, and "random" bytes repeating a pattern.
#[derive(Clone)]
pub struct FixedRuntime {
    pub now_ms: u64,
    pub pattern: Vec<u8>,
}

impl Default for FixedRuntime {
    fn default() -> Self {
        Self {
            now_ms: T0,
            pattern: (0..=255).collect(),
        }
    }
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

/// The client type of these tests.
pub type TestClient = Client<FakeHttp, MemoryStore, FixedRuntime>;

/// A client of the app `wxapp` over a fresh scripted WeChat, and that WeChat.
pub fn client() -> (TestClient, Arc<Scripted>) {
    client_with(FixedRuntime::default())
}

/// As [`client`], on a given runtime.
pub fn client_with(runtime: FixedRuntime) -> (TestClient, Arc<Scripted>) {
    let wechat = Arc::new(Scripted::default());
    let flow = TokenFlow::Stable {
        appid: "wxapp".into(),
        secret: Secret::new("APPSECRET"),
    };
    let now = runtime.now_ms;
    let client = Client::new(
        flow,
        FakeHttp(wechat.clone()),
        MemoryStore::new(move || now),
        runtime,
    );
    (client, wechat)
}
