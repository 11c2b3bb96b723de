//! The driver: performs the core's effects through small traits, once for every adapter.
//!
//! An adapter supplies an [`HttpClient`], a [`TokenStore`] and a [`Runtime`] (clock, sleep,
//! randomness). Together with a bounded cache of tokens and the refreshes in flight they form one
//! token engine; a [`Client`] is a cheap handle on it that carries an [`Auth`] (an app's token flow,
//! a merchant's signer, a webhook key, or none), its hosts and policies. A client calls endpoints
//! with the credential their [`AuthScheme`] names, refreshes tokens before they expire (one fetch
//! per key at a time), retries exactly once after a rejected token, verifies signed answers before
//! parsing, and backs off on transient failures where the endpoint is safe to repeat. It needs no
//! async runtime of its own; its futures are `Send` on native targets when the adapter's are.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

use crate::auth::{Auth, SignContext, Signer};
use crate::endpoint::{self, AuthScheme, Body, Endpoint, Envelope, Meta, Method, Repeat};
use crate::error::{Error, Result};
use crate::host::{Host, Hosts};
use crate::secret::Secret;
use crate::token::jssdk::{AgentConfig, JsSdkConfig};
use crate::token::{
    Acquire, Action, Input, Policy, StoreError, StoredToken, TicketKind, TokenFlow, ticket_lifetime,
};

#[cfg(not(target_arch = "wasm32"))]
mod maybe {
    /// `Send` on native targets, nothing on wasm32 (where futures are single-threaded).
    pub trait MaybeSend: Send {}
    impl<T: Send + ?Sized> MaybeSend for T {}
    /// `Sync` on native targets, nothing on wasm32.
    pub trait MaybeSync: Sync {}
    impl<T: Sync + ?Sized> MaybeSync for T {}
    /// A boxed future, `Send` on native targets.
    pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;
}
#[cfg(target_arch = "wasm32")]
mod maybe {
    /// `Send` on native targets, nothing on wasm32 (where futures are single-threaded).
    pub trait MaybeSend {}
    impl<T: ?Sized> MaybeSend for T {}
    /// `Sync` on native targets, nothing on wasm32.
    pub trait MaybeSync {}
    impl<T: ?Sized> MaybeSync for T {}
    /// A boxed future, `Send` on native targets.
    pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + 'a>>;
}
pub use maybe::{BoxFuture, MaybeSend, MaybeSync};

/// Sends an HTTP request. Errors become [`Error::Transport`] and must not contain the URL (it may
/// carry a token).
pub trait HttpClient: MaybeSend + MaybeSync {
    /// Sends the request and reads the whole response.
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>>> + MaybeSend;
}

/// Where tokens live: process memory, Redis, Workers KV. Keys never contain secrets.
pub trait TokenStore: MaybeSend + MaybeSync {
    /// Reads a record.
    fn load(
        &self,
        key: &str,
    ) -> impl Future<Output = Result<Option<StoredToken>, StoreError>> + MaybeSend;
    /// Writes a record; `ttl_ms: None` keeps it until replaced.
    fn save(
        &self,
        key: &str,
        token: &StoredToken,
        ttl_ms: Option<u64>,
    ) -> impl Future<Output = Result<(), StoreError>> + MaybeSend;
    /// Takes the lease `key` for `holder` if nobody holds it (`SET NX PX`).
    fn try_lease(
        &self,
        key: &str,
        holder: &str,
        ttl_ms: u64,
    ) -> impl Future<Output = Result<bool, StoreError>> + MaybeSend;
    /// Frees the lease if `holder` still holds it.
    fn release(
        &self,
        key: &str,
        holder: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + MaybeSend;
    /// Deletes the record only if it still holds `value`, atomically; true if it did.
    fn invalidate_if(
        &self,
        key: &str,
        value: &Secret,
    ) -> impl Future<Output = Result<bool, StoreError>> + MaybeSend;
}

/// The clock, sleeping and randomness of a platform.
pub trait Runtime: MaybeSend + MaybeSync {
    /// Wall-clock time, Unix milliseconds (expiry is shared across machines).
    fn now_ms(&self) -> u64;
    /// Sleeps for `ms` milliseconds.
    fn sleep(&self, ms: u64) -> impl Future<Output = ()> + MaybeSend;
    /// Fills `buf` with cryptographically secure random bytes.
    fn fill_random(&self, buf: &mut [u8]);
}

/// Bounded retries after transient failures (-1, HTTP 5xx, transport), for endpoints safe to repeat.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The first back-off; it doubles each time, with up to 50 % random extra.
    pub base_delay_ms: u64,
    /// The longest back-off.
    pub max_delay_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_retries: 2,
            base_delay_ms: 200,
            max_delay_ms: 2_000,
        }
    }
}

/// The store key of the token flow `auth` calls with, if any.
fn key_of(auth: &Auth) -> Option<Arc<str>> {
    match auth {
        Auth::Token(flow) | Auth::TokenAndSigner(flow, _) => Some(Arc::from(flow.key())),
        _ => None,
    }
}

/// How many tokens a process keeps in memory by default (see [`Client::with_cache_capacity`]).
pub const DEFAULT_CACHE_CAPACITY: usize = 10_000;

struct Shared<H, S, R> {
    http: H,
    store: S,
    runtime: R,
    /// This process's copy of tokens: the fast path, and what keeps calls going when the store fails.
    local: Mutex<LocalTokens>,
    /// One refresh per key at a time within this process; an entry lives while a refresh does.
    flights: Mutex<HashMap<String, Arc<futures_util::lock::Mutex<()>>>>,
}

/// This process's copy of tokens, bounded: expired entries go first, then the ones expiring
/// soonest. The store stays the reference; a token evicted here is loaded from it again.
struct LocalTokens {
    tokens: HashMap<String, StoredToken>,
    capacity: usize,
}

impl LocalTokens {
    fn insert(&mut self, key: String, token: StoredToken, now_ms: u64) {
        if self.tokens.len() >= self.capacity && !self.tokens.contains_key(&key) {
            self.tokens.retain(|_, t| t.expires_at_ms > now_ms);
            if self.tokens.len() >= self.capacity {
                // Drop the quarter that expires soonest: amortized, not one scan per insert.
                let mut ends: Vec<u64> = self.tokens.values().map(|t| t.expires_at_ms).collect();
                let cut = (self.capacity / 4).max(1).min(ends.len() - 1);
                let (_, nth, _) = ends.select_nth_unstable(cut);
                let limit = *nth;
                self.tokens.retain(|_, t| t.expires_at_ms > limit);
            }
        }
        self.tokens.insert(key, token);
    }
}

/// The sizes of a client's in-memory caches (shared by every handle of its engine).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CacheStats {
    /// Tokens kept in this process's memory.
    pub tokens: usize,
    /// Keys with a refresh in flight.
    pub flights: usize,
}

/// A WeChat client: a handle on a token engine (an adapter's HTTP client, token store and runtime,
/// and the in-memory caches) carrying an [`Auth`], hosts and policies. Cheap to clone; handles
/// made with [`Client::with_auth`] share the engine.
pub struct Client<H, S, R> {
    shared: Arc<Shared<H, S, R>>,
    auth: Auth,
    /// The store key of `auth`'s token flow, computed once: a cached token is found without
    /// formatting it again.
    own_key: Option<Arc<str>>,
    hosts: Hosts,
    policy: Policy,
    retry: RetryPolicy,
}

impl<H, S, R> Clone for Client<H, S, R> {
    fn clone(&self) -> Self {
        Self {
            shared: self.shared.clone(),
            auth: self.auth.clone(),
            own_key: self.own_key.clone(),
            hosts: self.hosts.clone(),
            policy: self.policy,
            retry: self.retry,
        }
    }
}

impl<H, S, R> std::fmt::Debug for Client<H, S, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("auth", &self.auth)
            .field("hosts", &self.hosts)
            .finish_non_exhaustive()
    }
}

impl<H: HttpClient, S: TokenStore, R: Runtime> Client<H, S, R> {
    /// A client calling as `auth` (a [`TokenFlow`], or any [`Auth`]) with WeChat's hosts and the
    /// default policies, on a new engine.
    pub fn new(auth: impl Into<Auth>, http: H, store: S, runtime: R) -> Self {
        let auth = auth.into();
        Self {
            shared: Arc::new(Shared {
                http,
                store,
                runtime,
                local: Mutex::new(LocalTokens {
                    tokens: HashMap::new(),
                    capacity: DEFAULT_CACHE_CAPACITY,
                }),
                flights: Mutex::default(),
            }),
            own_key: key_of(&auth),
            auth,
            hosts: Hosts::default(),
            policy: Policy::default(),
            retry: RetryPolicy::default(),
        }
    }

    /// Points hosts elsewhere (a proxy, a backup domain, the emulator).
    pub fn with_hosts(mut self, hosts: Hosts) -> Self {
        self.hosts = hosts;
        self
    }

    /// Sets the refresh, lease and wait timings.
    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Sets the transient-failure retries.
    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Sets how many tokens the engine keeps in memory (at least 1; [`DEFAULT_CACHE_CAPACITY`]
    /// by default), for every handle sharing it.
    pub fn with_cache_capacity(self, capacity: usize) -> Self {
        self.local().capacity = capacity.max(1);
        self
    }

    /// A handle calling as another [`Auth`] on the same engine (HTTP client, store, runtime,
    /// caches), hosts and policies: an authorizer of a platform, a corp of a suite, a merchant.
    pub fn with_auth(&self, auth: impl Into<Auth>) -> Self {
        let auth = auth.into();
        Self {
            own_key: key_of(&auth),
            auth,
            ..self.clone()
        }
    }

    /// What this client calls as.
    pub fn auth(&self) -> &Auth {
        &self.auth
    }

    /// The token flow this client calls with, if it carries one.
    pub fn flow(&self) -> Option<&TokenFlow> {
        match &self.auth {
            Auth::Token(flow) | Auth::TokenAndSigner(flow, _) => Some(flow),
            _ => None,
        }
    }

    fn own_flow(&self) -> Result<&TokenFlow> {
        self.flow()
            .ok_or_else(|| Error::Build(format!("this client ({:?}) has no token flow", self.auth)))
    }

    /// The hosts this client calls.
    pub fn hosts(&self) -> &Hosts {
        &self.hosts
    }

    /// The runtime (clock, sleep, randomness).
    pub fn runtime(&self) -> &R {
        &self.shared.runtime
    }

    /// The token store.
    pub fn store(&self) -> &S {
        &self.shared.store
    }

    /// The sizes of the engine's in-memory caches.
    pub fn cache_stats(&self) -> CacheStats {
        CacheStats {
            tokens: self.local().tokens.len(),
            flights: self.flights().len(),
        }
    }

    /// The client's own token (`access_token`, or the platform's, suite's or provider's token).
    pub async fn token(&self) -> Result<Secret> {
        let flow = self.own_flow()?;
        if let Some(t) = self.cached(flow) {
            return Ok(t.value);
        }
        Ok(self.token_of(flow).await?.value)
    }

    /// `flow`'s token from this process's copy, when it is fresh. For the client's own flow this
    /// neither formats the key nor allocates (the token is shared, not copied).
    fn cached(&self, flow: &TokenFlow) -> Option<StoredToken> {
        match (&self.own_key, self.flow()) {
            (Some(key), Some(own)) if std::ptr::eq(own, flow) => self.local_fresh(key),
            _ => self.local_fresh(&flow.key()),
        }
    }

    /// A token of any flow, from this process's copy, the store, or a fetch under a lease.
    pub fn token_of<'a>(&'a self, flow: &'a TokenFlow) -> BoxFuture<'a, Result<StoredToken>> {
        Box::pin(async move {
            let key = flow.key();
            if let Some(t) = self.local_fresh(&key) {
                return Ok(t);
            }
            let gate = self.flights().entry(key.clone()).or_default().clone();
            let flight = gate.lock().await;
            let result = match self.local_fresh(&key) {
                Some(t) => Ok(t),
                None => {
                    let result = self.acquire(flow).await;
                    if let Ok(t) = &result {
                        let now = self.shared.runtime.now_ms();
                        self.local().insert(key.clone(), t.clone(), now);
                    }
                    result
                }
            };
            drop(flight);
            // The last one out removes the flight: the map holds only refreshes under way.
            let mut flights = self.flights();
            if flights
                .get(&key)
                .is_some_and(|g| Arc::ptr_eq(g, &gate) && Arc::strong_count(&gate) == 2)
            {
                flights.remove(&key);
            }
            result
        })
    }

    async fn acquire(&self, flow: &TokenFlow) -> Result<StoredToken> {
        let sh = &*self.shared;
        let mut holder = [0u8; 16];
        sh.runtime.fill_random(&mut holder);
        let mut machine = Acquire::new(flow, &self.hosts, self.policy, hex::encode(holder));
        let mut input = Input::Start;
        loop {
            let now = sh.runtime.now_ms();
            input = match machine.step(now, input) {
                Action::Load { key } => Input::Loaded(warn(&key, sh.store.load(&key).await)),
                Action::TryLease {
                    key,
                    holder,
                    ttl_ms,
                } => Input::Leased(warn(&key, sh.store.try_lease(&key, &holder, ttl_ms).await)),
                Action::Token(parent) => {
                    Input::Token(self.token_of(&parent).await.map(|t| t.value))
                }
                Action::Fetch(request) => {
                    tracing::debug!(key = machine.key(), "fetching a token");
                    Input::Fetched(sh.http.send(request).await)
                }
                Action::Save { key, token, ttl_ms } => {
                    Input::Saved(warn(&key, sh.store.save(&key, &token, ttl_ms).await))
                }
                Action::Release { key, holder } => {
                    let _ = warn(&key, sh.store.release(&key, &holder).await);
                    Input::Released
                }
                Action::WaitUntil(at) => {
                    sh.runtime.sleep(at.saturating_sub(now)).await;
                    Input::Waited
                }
                Action::Done(result) => return result,
            };
        }
    }

    fn local(&self) -> std::sync::MutexGuard<'_, LocalTokens> {
        self.shared.local.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn flights(
        &self,
    ) -> std::sync::MutexGuard<'_, HashMap<String, Arc<futures_util::lock::Mutex<()>>>> {
        self.shared
            .flights
            .lock()
            .unwrap_or_else(|e| e.into_inner())
    }

    fn local_fresh(&self, key: &str) -> Option<StoredToken> {
        let now = self.shared.runtime.now_ms();
        self.local()
            .tokens
            .get(key)
            .filter(|t| t.is_fresh(now, self.policy.refresh_margin_ms))
            .cloned()
    }

    /// Drops `value` as `flow`'s token, here and in the store, only if it is still the current one.
    pub async fn invalidate(&self, flow: &TokenFlow, value: &Secret) {
        let key = flow.key();
        {
            let mut local = self.local();
            if local.tokens.get(&key).is_some_and(|t| &t.value == value) {
                local.tokens.remove(&key);
            }
        }
        let _ = warn(&key, self.shared.store.invalidate_if(&key, value).await);
    }

    /// Calls an endpoint: builds it, applies its auth scheme, sends it, verifies a signed answer,
    /// parses it; refreshes a rejected token once and retries as its [`Repeat`] allows.
    pub async fn call<E: Endpoint + MaybeSync>(&self, endpoint: &E) -> Result<E::Response> {
        self.run(
            E::META,
            |credential| endpoint::build_request_with(&self.hosts, endpoint, credential),
            E::parse,
        )
        .await
    }

    /// The escape hatch: any method and path with an optional JSON body, the `access_token` added,
    /// WeChat's `errcode` handled as for typed endpoints. `GET` is retried on transient failures;
    /// other methods are not.
    pub async fn call_json(
        &self,
        method: Method,
        host: Host,
        path: &str,
        query: &[(&str, &str)],
        body: Option<&serde_json::Value>,
    ) -> Result<serde_json::Value> {
        let body = match body {
            Some(b) => endpoint::json_body(b)?,
            None => Body::Empty,
        };
        let meta = raw_meta(method);
        self.run(
            meta,
            |credential| {
                let query: Vec<_> = credential
                    .into_iter()
                    .chain(query.iter().filter(|(k, _)| *k != "access_token").copied())
                    .collect();
                let mut request =
                    endpoint::build_http(&self.hosts, method, host, path, &query, body.clone())?;
                request.extensions_mut().insert(meta);
                Ok(request)
            },
            |response| endpoint::parse(meta, response),
        )
        .await
    }

    async fn run<T>(
        &self,
        meta: &'static Meta,
        build: impl Fn(Option<(&str, &str)>) -> Result<http::Request<Vec<u8>>> + MaybeSend + MaybeSync,
        parse: impl Fn(&http::Response<Vec<u8>>) -> Result<T> + MaybeSend + MaybeSync,
    ) -> Result<T> {
        let flow = self.flow_for(meta.auth)?;
        let mut refreshed = false;
        let mut transient = 0;
        loop {
            let token = match &flow {
                Some(f) => Some(match self.cached(f) {
                    Some(t) => t.value,
                    None => self.token_of(f).await?.value,
                }),
                None => None,
            };
            let request = self.authorize(meta, token.as_ref(), &build).await?;
            let outcome = match self.shared.http.send(request).await {
                Ok(response) => match self.verify(meta, &response).await {
                    Ok(()) => parse(&response),
                    Err(e) => Err(e),
                },
                Err(e) => Err(e),
            };
            let error = match outcome {
                Ok(v) => return Ok(v),
                Err(e) => e,
            };
            match (error.code(), &flow, &token) {
                (Some(code), Some(f), Some(t)) if code.is_token_rejected() && !refreshed => {
                    tracing::info!(key = %f.key(), %code, "token rejected; refreshing once");
                    refreshed = true;
                    self.invalidate(f, t).await;
                    continue;
                }
                (Some(code), ..) if code.is_never_retry() => return Err(error),
                _ => {}
            }
            if error.is_transient()
                && meta.repeat == Repeat::Safe
                && transient < self.retry.max_retries
            {
                transient += 1;
                let delay = self.backoff(transient);
                tracing::info!(
                    attempt = transient,
                    delay_ms = delay,
                    "transient failure; retrying"
                );
                self.shared.runtime.sleep(delay).await;
                continue;
            }
            return Err(error);
        }
    }

    /// The flow whose token a scheme needs, from this client's [`Auth`]: token schemes, and
    /// virtual payment (the app's `access_token` beside its signatures).
    fn flow_for(&self, scheme: AuthScheme) -> Result<Option<TokenFlow>> {
        let scheme = match scheme {
            AuthScheme::XpaySignature => AuthScheme::AccessToken,
            s if s.is_token() => s,
            _ => return Ok(None),
        };
        self.flow()
            .and_then(|f| f.for_scheme(scheme))
            .map(Some)
            .ok_or_else(|| {
                Error::Build(format!(
                    "this client ({:?}) has no {}",
                    self.auth,
                    scheme.query_name().unwrap_or_default()
                ))
            })
    }

    /// Builds the request and applies the endpoint's auth scheme: the one step between build and
    /// send. A query credential (a token, a webhook key) goes first in the query while the URL is
    /// assembled; a signer then signs the built request.
    async fn authorize(
        &self,
        meta: &'static Meta,
        token: Option<&Secret>,
        build: &(impl Fn(Option<(&str, &str)>) -> Result<http::Request<Vec<u8>>> + MaybeSync),
    ) -> Result<http::Request<Vec<u8>>> {
        let missing = |what: &str| {
            Error::Build(format!(
                "{} needs {what}; this client is {:?}",
                meta.name, self.auth
            ))
        };
        let credential = match (meta.auth, &self.auth, token) {
            (AuthScheme::None, ..) => None,
            (scheme, _, Some(token)) if scheme.is_token() => Some((
                scheme.query_name().unwrap_or("access_token"),
                token.expose(),
            )),
            (AuthScheme::WebhookKey, Auth::Webhook(key), _) => Some(("key", key.expose())),
            (AuthScheme::WebhookKey, ..) => return Err(missing("a webhook key")),
            (AuthScheme::XpaySignature, _, Some(token)) => Some(("access_token", token.expose())),
            (scheme, ..) if scheme.is_signed() => None,
            (scheme, ..) => return Err(missing(&format!("{scheme:?}"))),
        };
        let mut request = build(credential)?;
        if meta.auth.is_signed() {
            let signer = self.signer().ok_or_else(|| missing("a signer"))?;
            let nonce = self.nonce(32);
            let context = SignContext::new(meta, self.shared.runtime.now_ms(), &nonce);
            signer.sign(&mut request, context).await?;
        }
        Ok(request)
    }

    fn signer(&self) -> Option<&Arc<dyn Signer>> {
        match &self.auth {
            Auth::Signer(signer) | Auth::TokenAndSigner(_, signer) => Some(signer),
            _ => None,
        }
    }

    /// Verifies a signed answer before anything parses it.
    async fn verify(&self, meta: &Meta, response: &http::Response<Vec<u8>>) -> Result<()> {
        match self.signer() {
            Some(signer) if meta.auth.is_signed() => signer.verify(meta, response).await,
            _ => Ok(()),
        }
    }

    fn backoff(&self, attempt: u32) -> u64 {
        let base = self
            .retry
            .base_delay_ms
            .saturating_mul(1 << (attempt - 1).min(16))
            .min(self.retry.max_delay_ms);
        let mut r = [0u8; 2];
        self.shared.runtime.fill_random(&mut r);
        base + base / 2 * u64::from(u16::from_le_bytes(r)) / u64::from(u16::MAX)
    }

    /// A random string of `len` alphanumeric characters (nonces).
    pub fn nonce(&self, len: usize) -> String {
        const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        let mut bytes = vec![0u8; len];
        self.shared.runtime.fill_random(&mut bytes);
        bytes
            .iter()
            .map(|b| CHARS[usize::from(*b) % CHARS.len()] as char)
            .collect()
    }

    /// `wx.config` for a page URL, signed with the `jsapi` ticket (WeCom: the corp ticket, with the
    /// corp id as `appId`). The ticket is cached like a token; the nonce comes from the runtime and
    /// the timestamp from its clock. `url` is the page's full URL; a `#fragment` is dropped. See
    /// [`crate::token::jssdk`].
    pub async fn jssdk_config(&self, url: &str) -> Result<JsSdkConfig> {
        let (app_id, kind) = match self.own_flow()? {
            TokenFlow::Work { corpid, .. } | TokenFlow::SuiteCorp { corpid, .. } => {
                (corpid.as_str(), TicketKind::WorkCorp)
            }
            TokenFlow::Stable { appid, .. }
            | TokenFlow::Classic { appid, .. }
            | TokenFlow::Authorizer { appid, .. } => (appid.as_str(), TicketKind::Jsapi),
            other => return Err(Error::Build(format!("{} has no JS-SDK", other.key()))),
        };
        let ticket = self.ticket(kind).await?;
        let now = self.shared.runtime.now_ms() / 1000;
        Ok(JsSdkConfig::new(app_id, &ticket, &self.nonce(16), now, url))
    }

    /// WeCom `wx.agentConfig` for a page URL, signed with the app's `agent_config` ticket.
    pub async fn agent_config(&self, agentid: &str, url: &str) -> Result<AgentConfig> {
        let corpid = match self.own_flow()? {
            TokenFlow::Work { corpid, .. } | TokenFlow::SuiteCorp { corpid, .. } => corpid.clone(),
            other => return Err(Error::Build(format!("{} is no WeCom app", other.key()))),
        };
        let ticket = self.ticket(TicketKind::WorkAgent).await?;
        let timestamp = self.shared.runtime.now_ms() / 1000;
        let nonce_str = self.nonce(16);
        let signature = crate::token::jssdk::signature(&ticket, &nonce_str, timestamp, url);
        Ok(AgentConfig {
            corpid,
            agentid: agentid.to_owned(),
            timestamp,
            nonce_str,
            signature,
        })
    }

    /// A JS-SDK ticket of this client's token.
    pub async fn ticket(&self, kind: TicketKind) -> Result<Secret> {
        let own = self.own_flow()?;
        let flow = own
            .ticket(kind)
            .ok_or_else(|| Error::Build(format!("{} has no {kind:?} ticket", own.key())))?;
        Ok(self.token_of(&flow).await?.value)
    }

    /// Keeps the `component_verify_ticket` WeChat pushed to the platform's callback.
    pub async fn save_component_verify_ticket(
        &self,
        component_appid: &str,
        ticket: Secret,
    ) -> Result<(), StoreError> {
        let key = TokenFlow::component_verify_ticket_key(component_appid);
        self.save_pushed(&key, ticket, ticket_lifetime::COMPONENT_VERIFY_TICKET_S)
            .await
    }

    /// Keeps the `suite_ticket` WeCom pushed to the suite's callback.
    pub async fn save_suite_ticket(
        &self,
        suite_id: &str,
        ticket: Secret,
    ) -> Result<(), StoreError> {
        let key = TokenFlow::suite_ticket_key(suite_id);
        self.save_pushed(&key, ticket, ticket_lifetime::SUITE_TICKET_S)
            .await
    }

    /// Keeps an authorizer's refresh token (from `api_query_auth` or a migration), so its token
    /// refreshes by itself from now on.
    pub async fn save_authorizer_refresh_token(
        &self,
        component_appid: &str,
        authorizer_appid: &str,
        refresh_token: Secret,
    ) -> Result<(), StoreError> {
        let key = TokenFlow::authorizer_refresh_token_key(component_appid, authorizer_appid);
        let record = StoredToken {
            value: refresh_token,
            expires_at_ms: u64::MAX,
        };
        self.shared.store.save(&key, &record, None).await
    }

    async fn save_pushed(
        &self,
        key: &str,
        value: Secret,
        lifetime_s: u64,
    ) -> Result<(), StoreError> {
        let now = self.shared.runtime.now_ms();
        let record = StoredToken::new(value, now, lifetime_s);
        self.shared
            .store
            .save(key, &record, record.ttl_ms(now))
            .await
    }
}

/// The metadata of [`Client::call_json`]: any path, the app's `access_token`, `errcode` answers.
fn raw_meta(method: Method) -> &'static Meta {
    const fn raw(method: Method, repeat: Repeat) -> Meta {
        Meta {
            name: "wechat_core::client::Client::call_json",
            area: "any",
            method,
            host: Host::Api,
            path: "/",
            auth: AuthScheme::AccessToken,
            envelope: Envelope::Errcode,
            repeat,
            sensitive: false,
            doc: "",
        }
    }
    const GET: Meta = raw(Method::Get, Repeat::Safe);
    const POST: Meta = raw(Method::Post, Repeat::Never);
    const PUT: Meta = raw(Method::Put, Repeat::Never);
    const PATCH: Meta = raw(Method::Patch, Repeat::Never);
    const DELETE: Meta = raw(Method::Delete, Repeat::Never);
    match method {
        Method::Get => &GET,
        Method::Post => &POST,
        Method::Put => &PUT,
        Method::Patch => &PATCH,
        Method::Delete => &DELETE,
    }
}

fn warn<T>(key: &str, r: Result<T, StoreError>) -> Result<T, StoreError> {
    if let Err(e) = &r {
        tracing::warn!(key, error = %e, "token store failed; treating as a miss");
    }
    r
}

/// Leases held in one process's memory: who holds each key, until when (Unix ms). The lease part of
/// [`MemoryStore`], and of any store whose leases need not outlive the process.
#[derive(Debug, Default)]
pub struct Leases(Mutex<HashMap<String, (String, u64)>>);

impl Leases {
    /// Takes `key` for `holder` until `now_ms + ttl_ms` unless someone holds it.
    pub fn try_take(&self, key: &str, holder: &str, ttl_ms: u64, now_ms: u64) -> bool {
        let mut leases = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match leases.get(key) {
            Some((_, until)) if *until > now_ms => false,
            _ => {
                leases.insert(
                    key.to_owned(),
                    (holder.to_owned(), now_ms.saturating_add(ttl_ms)),
                );
                true
            }
        }
    }

    /// Frees `key` if `holder` holds it.
    pub fn release(&self, key: &str, holder: &str) {
        let mut leases = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if leases.get(key).is_some_and(|(h, _)| h == holder) {
            leases.remove(key);
        }
    }
}

/// A token store in this process's memory. Tokens never touch the disk. Expired records are
/// dropped when read, and all at once whenever the store has doubled since the last sweep, so a
/// process with many apps or authorizers does not keep dead tokens.
pub struct MemoryStore {
    clock: Box<dyn Fn() -> u64 + Send + Sync>,
    records: Mutex<Records>,
    leases: Leases,
}

struct Records {
    map: HashMap<String, (StoredToken, Option<u64>)>,
    sweep_at: usize,
}

impl std::fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MemoryStore").finish_non_exhaustive()
    }
}

impl MemoryStore {
    /// A store whose TTLs run on `clock` (Unix milliseconds).
    pub fn new(clock: impl Fn() -> u64 + Send + Sync + 'static) -> Self {
        Self {
            clock: Box::new(clock),
            records: Mutex::new(Records {
                map: HashMap::new(),
                sweep_at: 1024,
            }),
            leases: Leases::default(),
        }
    }

    /// How many records the store holds (expired ones not yet swept included).
    pub fn len(&self) -> usize {
        self.records().map.len()
    }

    /// True when the store holds no record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn records(&self) -> std::sync::MutexGuard<'_, Records> {
        self.records.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl TokenStore for MemoryStore {
    async fn load(&self, key: &str) -> Result<Option<StoredToken>, StoreError> {
        let now = (self.clock)();
        let mut records = self.records();
        match records.map.get(key) {
            Some((_, Some(dies))) if *dies <= now => {
                records.map.remove(key);
                Ok(None)
            }
            other => Ok(other.map(|(t, _)| t.clone())),
        }
    }

    async fn save(
        &self,
        key: &str,
        token: &StoredToken,
        ttl_ms: Option<u64>,
    ) -> Result<(), StoreError> {
        let now = (self.clock)();
        let dies = ttl_ms.map(|t| now.saturating_add(t));
        let mut records = self.records();
        records.map.insert(key.to_owned(), (token.clone(), dies));
        if records.map.len() >= records.sweep_at {
            records
                .map
                .retain(|_, (_, dies)| dies.is_none_or(|d| d > now));
            records.sweep_at = (records.map.len() * 2).max(1024);
        }
        Ok(())
    }

    async fn try_lease(&self, key: &str, holder: &str, ttl_ms: u64) -> Result<bool, StoreError> {
        Ok(self.leases.try_take(key, holder, ttl_ms, (self.clock)()))
    }

    async fn release(&self, key: &str, holder: &str) -> Result<(), StoreError> {
        self.leases.release(key, holder);
        Ok(())
    }

    async fn invalidate_if(&self, key: &str, value: &Secret) -> Result<bool, StoreError> {
        let mut records = self.records();
        if records.map.get(key).is_some_and(|(t, _)| &t.value == value) {
            records.map.remove(key);
            return Ok(true);
        }
        Ok(false)
    }
}
