//! The driver against a scripted fake WeChat: single-flight, retry-once, never-retry codes, broken
//! stores, compare-and-invalidate, bounded back-off.

use std::collections::{HashMap, VecDeque};
use std::future::Future;
use std::pin::Pin;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::task::{Context, Poll};

use futures::executor::block_on;
use futures::future::join_all;
use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_core::api::oa::menu::{Button, CreateMenu};
use wechat_core::client::{HttpClient, Runtime, TokenStore};
use wechat_core::token::StoreError;
use wechat_core::{
    Client, ErrCode, Error, Host, MemoryStore, Method, Secret, StoredToken, TokenFlow,
};

/// Returns `Pending` once, so concurrent callers interleave.
struct YieldOnce(bool);
impl Future for YieldOnce {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            Poll::Ready(())
        } else {
            self.0 = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}

#[derive(Default)]
struct FakeWechat {
    issued: AtomicUsize,
    /// Tokens WeChat accepts.
    valid: Mutex<Vec<String>>,
    /// Scripted answers for business paths, served before the normal answer.
    script: Mutex<HashMap<String, VecDeque<(u16, String)>>>,
    calls: Mutex<HashMap<String, usize>>,
}

impl FakeWechat {
    fn token_fetches(&self) -> usize {
        self.issued.load(Ordering::SeqCst)
    }
    fn calls(&self, path: &str) -> usize {
        self.calls.lock().unwrap().get(path).copied().unwrap_or(0)
    }
    fn script(&self, path: &str, status: u16, body: &str) {
        self.script
            .lock()
            .unwrap()
            .entry(path.into())
            .or_default()
            .push_back((status, body.into()));
    }
    fn answer(&self, req: &http::Request<Vec<u8>>) -> (u16, String) {
        let path = req.uri().path().to_owned();
        *self.calls.lock().unwrap().entry(path.clone()).or_default() += 1;
        if path == "/cgi-bin/stable_token" || path == "/cgi-bin/token" {
            let n = self.issued.fetch_add(1, Ordering::SeqCst) + 1;
            let token = format!("TOKEN{n}");
            self.valid.lock().unwrap().push(token.clone());
            return (
                200,
                format!(r#"{{"access_token":"{token}","expires_in":7200}}"#),
            );
        }
        if let Some(answer) = self
            .script
            .lock()
            .unwrap()
            .get_mut(&path)
            .and_then(VecDeque::pop_front)
        {
            return answer;
        }
        let query = req.uri().query().unwrap_or_default();
        let token = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("access_token="))
            .unwrap_or_default();
        if !self.valid.lock().unwrap().iter().any(|t| t == token) {
            return (
                200,
                r#"{"errcode":40001,"errmsg":"invalid credential rid: r-1"}"#.into(),
            );
        }
        (
            200,
            r#"{"errcode":0,"errmsg":"ok","ip_list":["101.226.62.77"]}"#.into(),
        )
    }
    fn revoke_all(&self) {
        self.valid.lock().unwrap().clear();
    }
}

struct FakeHttp<'a>(&'a FakeWechat);
impl HttpClient for FakeHttp<'_> {
    async fn send(
        &self,
        req: http::Request<Vec<u8>>,
    ) -> wechat_core::Result<http::Response<Vec<u8>>> {
        YieldOnce(false).await;
        let (status, body) = self.0.answer(&req);
        Ok(http::Response::builder()
            .status(status)
            .body(body.into_bytes())
            .unwrap())
    }
}

#[derive(Default)]
struct ManualRuntime {
    now: AtomicU64,
    slept: AtomicU64,
    counter: AtomicU64,
}
impl ManualRuntime {
    fn at(ms: u64) -> Self {
        Self {
            now: AtomicU64::new(ms),
            ..Self::default()
        }
    }
}
impl Runtime for &ManualRuntime {
    fn now_ms(&self) -> u64 {
        self.now.load(Ordering::SeqCst)
    }
    async fn sleep(&self, ms: u64) {
        self.slept.fetch_add(ms, Ordering::SeqCst);
        self.now.fetch_add(ms, Ordering::SeqCst);
        YieldOnce(false).await;
    }
    fn fill_random(&self, buf: &mut [u8]) {
        let n = self.counter.fetch_add(1, Ordering::SeqCst);
        for (i, b) in buf.iter_mut().enumerate() {
            *b = (n as u8).wrapping_add(i as u8).wrapping_mul(31);
        }
    }
}

/// A store that fails every operation.
struct BrokenStore;
impl TokenStore for BrokenStore {
    async fn load(&self, _: &str) -> Result<Option<StoredToken>, StoreError> {
        Err(StoreError("down".into()))
    }
    async fn save(&self, _: &str, _: &StoredToken, _: Option<u64>) -> Result<(), StoreError> {
        Err(StoreError("down".into()))
    }
    async fn try_lease(&self, _: &str, _: &str, _: u64) -> Result<bool, StoreError> {
        Err(StoreError("down".into()))
    }
    async fn release(&self, _: &str, _: &str) -> Result<(), StoreError> {
        Err(StoreError("down".into()))
    }
    async fn invalidate_if(&self, _: &str, _: &Secret) -> Result<bool, StoreError> {
        Err(StoreError("down".into()))
    }
}

const T0: u64 = 1_700_000_000_000;

fn flow() -> TokenFlow {
    TokenFlow::Stable {
        appid: "wxapp".into(),
        secret: Secret::new("APPSECRET"),
    }
}

fn store(rt: &'static ManualRuntime) -> MemoryStore {
    MemoryStore::new(move || rt.now.load(Ordering::SeqCst))
}

fn leak<T>(t: T) -> &'static T {
    Box::leak(Box::new(t))
}

#[test]
fn hundred_concurrent_callers_on_an_expired_token_make_one_fetch() {
    let wechat = leak(FakeWechat::default());
    let rt = leak(ManualRuntime::at(T0));
    let st = store(rt);
    // An expired token sits in the store.
    block_on(st.save(
        &flow().key(),
        &StoredToken {
            value: Secret::new("EXPIRED"),
            expires_at_ms: T0 - 1,
        },
        None,
    ))
    .unwrap();
    let client = Client::new(flow(), FakeHttp(wechat), st, rt);
    let results = block_on(join_all((0..100).map(|_| client.call(&GetApiDomainIp {}))));
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    assert_eq!(wechat.token_fetches(), 1);
    assert_eq!(wechat.calls("/cgi-bin/get_api_domain_ip"), 100);
}

#[test]
fn two_clients_sharing_a_store_make_one_fetch() {
    let wechat = leak(FakeWechat::default());
    let rt = leak(ManualRuntime::at(T0));
    let shared = leak(store(rt));
    struct Shared(&'static MemoryStore);
    impl TokenStore for Shared {
        fn load(
            &self,
            k: &str,
        ) -> impl Future<Output = Result<Option<StoredToken>, StoreError>> + Send {
            self.0.load(k)
        }
        fn save(
            &self,
            k: &str,
            t: &StoredToken,
            ttl: Option<u64>,
        ) -> impl Future<Output = Result<(), StoreError>> + Send {
            self.0.save(k, t, ttl)
        }
        fn try_lease(
            &self,
            k: &str,
            h: &str,
            ttl: u64,
        ) -> impl Future<Output = Result<bool, StoreError>> + Send {
            self.0.try_lease(k, h, ttl)
        }
        fn release(&self, k: &str, h: &str) -> impl Future<Output = Result<(), StoreError>> + Send {
            self.0.release(k, h)
        }
        fn invalidate_if(
            &self,
            k: &str,
            v: &Secret,
        ) -> impl Future<Output = Result<bool, StoreError>> + Send {
            self.0.invalidate_if(k, v)
        }
    }
    // Two processes in all but name: separate clients, one store.
    let a = Client::new(flow(), FakeHttp(wechat), Shared(shared), rt);
    let b = Client::new(flow(), FakeHttp(wechat), Shared(shared), rt);
    let calls = (0..20).map(|i| {
        let c = if i % 2 == 0 { a.clone() } else { b.clone() };
        async move { c.call(&GetApiDomainIp {}).await }
    });
    let results = block_on(join_all(calls));
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(
        wechat.token_fetches(),
        1,
        "the lease keeps the second client waiting"
    );
}

#[test]
fn rejected_token_is_refreshed_and_retried_exactly_once() {
    let wechat = leak(FakeWechat::default());
    let rt = leak(ManualRuntime::at(T0));
    let client = Client::new(flow(), FakeHttp(wechat), store(rt), rt);
    block_on(client.token()).unwrap();
    assert_eq!(wechat.token_fetches(), 1);
    wechat.revoke_all();
    let ips = block_on(client.call(&GetApiDomainIp {})).unwrap();
    assert_eq!(ips.ip_list, vec!["101.226.62.77"]);
    assert_eq!(wechat.token_fetches(), 2);
    assert_eq!(wechat.calls("/cgi-bin/get_api_domain_ip"), 2);

    // Rejected twice in a row: one refresh, then the error.
    wechat.script(
        "/cgi-bin/get_api_domain_ip",
        200,
        r#"{"errcode":40001,"errmsg":"x"}"#,
    );
    wechat.script(
        "/cgi-bin/get_api_domain_ip",
        200,
        r#"{"errcode":42001,"errmsg":"x"}"#,
    );
    let err = block_on(client.call(&GetApiDomainIp {})).unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::Number(42001)));
    assert_eq!(wechat.token_fetches(), 3);
    assert_eq!(wechat.calls("/cgi-bin/get_api_domain_ip"), 4);
}

#[test]
fn quota_exceeded_is_one_call_and_a_clear_error() {
    let wechat = leak(FakeWechat::default());
    let rt = leak(ManualRuntime::at(T0));
    let client = Client::new(flow(), FakeHttp(wechat), store(rt), rt);
    wechat.script(
        "/cgi-bin/get_api_domain_ip",
        200,
        r#"{"errcode":45009,"errmsg":"reach max api daily quota limit rid: abc"}"#,
    );
    let err = block_on(client.call(&GetApiDomainIp {})).unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::QUOTA_EXCEEDED));
    assert!(err.to_string().contains("45009"));
    assert_eq!(wechat.calls("/cgi-bin/get_api_domain_ip"), 1);
    assert_eq!(rt.slept.load(Ordering::SeqCst), 0);
}

#[test]
fn transient_failures_back_off_boundedly_and_only_where_safe() {
    let wechat = leak(FakeWechat::default());
    let rt = leak(ManualRuntime::at(T0));
    let client = Client::new(flow(), FakeHttp(wechat), store(rt), rt);
    wechat.script(
        "/cgi-bin/get_api_domain_ip",
        200,
        r#"{"errcode":-1,"errmsg":"system error"}"#,
    );
    wechat.script("/cgi-bin/get_api_domain_ip", 503, "busy");
    assert!(block_on(client.call(&GetApiDomainIp {})).is_ok());
    assert_eq!(wechat.calls("/cgi-bin/get_api_domain_ip"), 3);
    let slept = rt.slept.load(Ordering::SeqCst);
    assert!(
        (600..=900).contains(&slept),
        "200 then 400 ms, up to 50% more: {slept}"
    );

    for _ in 0..5 {
        wechat.script("/cgi-bin/get_api_domain_ip", 502, "bad gateway");
    }
    let err = block_on(client.call(&GetApiDomainIp {})).unwrap_err();
    assert!(matches!(err, Error::Status { status: 502, .. }));
    assert_eq!(
        wechat.calls("/cgi-bin/get_api_domain_ip"),
        6,
        "1 + 2 retries"
    );

    // A message send is not repeated.
    wechat.script(
        "/cgi-bin/message/custom/send",
        200,
        r#"{"errcode":-1,"errmsg":"system error"}"#,
    );
    let err = block_on(client.call_json(
        Method::Post,
        Host::Api,
        "/cgi-bin/message/custom/send",
        &[],
        Some(&serde_json::json!({"touser":"o1","msgtype":"text","text":{"content":"hi"}})),
    ))
    .unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::Number(-1)));
    assert_eq!(wechat.calls("/cgi-bin/message/custom/send"), 1);
}

#[test]
fn broken_store_still_serves_calls_without_a_refetch_storm() {
    let wechat = leak(FakeWechat::default());
    let rt = leak(ManualRuntime::at(T0));
    let client = Client::new(flow(), FakeHttp(wechat), BrokenStore, rt);
    let results = block_on(join_all((0..100).map(|_| client.call(&GetApiDomainIp {}))));
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(wechat.token_fetches(), 1);
}

#[test]
fn compare_and_invalidate_keeps_a_fresh_token() {
    let wechat = leak(FakeWechat::default());
    let rt = leak(ManualRuntime::at(T0));
    let st = leak(store(rt));
    let fresh = StoredToken {
        value: Secret::new("FRESH"),
        expires_at_ms: T0 + 7_200_000,
    };
    block_on(st.save(&flow().key(), &fresh, None)).unwrap();
    // A slow caller reports its old token as rejected: the fresh one stays.
    assert!(!block_on(st.invalidate_if(&flow().key(), &Secret::new("OLD"))).unwrap());
    assert_eq!(
        block_on(st.load(&flow().key())).unwrap(),
        Some(fresh.clone())
    );
    assert!(block_on(st.invalidate_if(&flow().key(), &Secret::new("FRESH"))).unwrap());
    assert_eq!(block_on(st.load(&flow().key())).unwrap(), None);

    // Through the client: invalidating a stale value leaves the current token served without a fetch.
    let client = Client::new(flow(), FakeHttp(wechat), store(rt), rt);
    let current = block_on(client.token()).unwrap();
    block_on(client.invalidate(&flow(), &Secret::new("SOMETHING-OLDER")));
    assert_eq!(block_on(client.token()).unwrap(), current);
    assert_eq!(wechat.token_fetches(), 1);
}

#[test]
fn tokens_refresh_before_expiry() {
    let wechat = leak(FakeWechat::default());
    let rt = leak(ManualRuntime::at(T0));
    let client = Client::new(flow(), FakeHttp(wechat), store(rt), rt);
    let first = block_on(client.token()).unwrap();
    rt.now.fetch_add(7_200_000 - 6 * 60_000, Ordering::SeqCst);
    assert_eq!(
        block_on(client.token()).unwrap(),
        first,
        "6 minutes left: still served"
    );
    rt.now.fetch_add(2 * 60_000, Ordering::SeqCst);
    assert_ne!(
        block_on(client.token()).unwrap(),
        first,
        "4 minutes left: refreshed"
    );
    assert_eq!(wechat.token_fetches(), 2);
}

#[test]
fn typed_post_endpoint_goes_through() {
    let wechat = leak(FakeWechat::default());
    let rt = leak(ManualRuntime::at(T0));
    let client = Client::new(flow(), FakeHttp(wechat), store(rt), rt);
    let menu = CreateMenu {
        button: vec![
            Button::click("Today", "V1001_TODAY"),
            Button::parent(
                "More",
                vec![Button::view("Search", "https://www.soso.com/")],
            ),
        ],
    };
    block_on(client.call(&menu)).unwrap();
    assert_eq!(wechat.calls("/cgi-bin/menu/create"), 1);
}

#[test]
fn secrets_stay_out_of_errors_and_debug() {
    let wechat = leak(FakeWechat::default());
    let rt = leak(ManualRuntime::at(T0));
    let client = Client::new(flow(), FakeHttp(wechat), store(rt), rt);
    block_on(client.token()).unwrap();
    wechat.revoke_all();
    wechat.script(
        "/cgi-bin/get_api_domain_ip",
        200,
        r#"{"errcode":40001,"errmsg":"x"}"#,
    );
    wechat.script(
        "/cgi-bin/get_api_domain_ip",
        200,
        r#"{"errcode":40001,"errmsg":"x"}"#,
    );
    let err = block_on(client.call(&GetApiDomainIp {})).unwrap_err();
    let shown = format!("{err} {err:?} {client:?}");
    assert!(
        !shown.contains("APPSECRET") && !shown.contains("TOKEN"),
        "{shown}"
    );
}

/// The driver's futures are `Send` when the adapter's are: a compile-time check.
#[allow(dead_code)]
fn futures_are_send(client: &Client<FakeHttp<'static>, MemoryStore, &'static ManualRuntime>) {
    fn is_send<T: Send>(_: T) {}
    is_send(client.call(&GetApiDomainIp {}));
    is_send(client.token());
    is_send(client.call_json(Method::Get, Host::Api, "/x", &[], None));
    is_send(client.jssdk_config("https://example.com"));
}
