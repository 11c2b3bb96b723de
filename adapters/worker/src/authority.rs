//! One Durable Object owns token refresh; Workers KV is the fast read path.
//!
//! Every isolate calls WeChat through a [`Client`] whose store is an [`AuthorityStore`]: a token is
//! read from KV, and on a miss (or when it is about to expire) asked of the `TokenAuthority` Durable
//! Object. The object runs its own [`Client`] over its strongly consistent storage
//! ([`DurableStore`]): concurrent requests wait on one fetch, so any number of isolates cause one
//! fetch per expiry, which the classic token, the Open Platform and WeCom flows need. The object
//! mirrors what it stores into KV. If the object cannot be reached, an isolate fetches by itself.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use wechat_core::client::{Leases, TokenStore};
use wechat_core::token::StoreError;
use wechat_core::{Auth, Client, Hosts, Runtime, Secret, StoredToken, TokenFlow};
use worker::{Method, Request, RequestInit, Response};

use crate::{FetchClient, KvStore, WorkerRuntime};

/// The name of the one `TokenAuthority` object all isolates talk to.
pub const AUTHORITY_NAME: &str = "wechat-token-authority";

/// Refresh this long before expiry (as the core's default policy).
const MARGIN_MS: u64 = 5 * 60 * 1000;

#[derive(Serialize, Deserialize)]
struct KeyMessage {
    key: String,
}

#[derive(Serialize, Deserialize)]
struct SaveMessage {
    key: String,
    token: StoredToken,
    ttl_ms: Option<u64>,
}

#[derive(Serialize, Deserialize)]
struct InvalidateMessage {
    key: String,
    value: String,
}

#[derive(Serialize, Deserialize)]
struct Loaded {
    token: Option<StoredToken>,
}

fn store_err(e: impl std::fmt::Display) -> StoreError {
    StoreError(wechat_core::error::redact(&e.to_string()))
}

fn decode(bytes: &[u8]) -> Result<StoredToken, StoreError> {
    serde_json::from_slice(bytes).map_err(|e| StoreError(format!("bad record: {e}")))
}

fn encode(token: &StoredToken) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(token).map_err(store_err)
}

fn kv_ttl_s(ttl_ms: Option<u64>) -> u64 {
    // A record with no known end still leaves KV after a day; the object keeps the original.
    ttl_ms.map_or(86_400, |ms| ms.div_ceil(1000))
}

/// The isolate's token store: KV first, then the `TokenAuthority` object.
pub struct AuthorityStore {
    kv: KvStore,
    authority: worker::Stub,
    clock: WorkerRuntime,
    /// Values this request saw rejected: KV may still serve them for a while elsewhere.
    rejected: RefCell<Vec<(String, String)>>,
}

impl AuthorityStore {
    /// A store over the KV namespace and the `TokenAuthority` namespace of a Worker.
    pub fn new(kv: KvStore, authority: &worker::ObjectNamespace) -> worker::Result<Self> {
        Ok(Self {
            kv,
            authority: authority.get_by_name(AUTHORITY_NAME)?,
            clock: WorkerRuntime::new(),
            rejected: RefCell::default(),
        })
    }

    async fn ask<T: Serialize, R: for<'de> Deserialize<'de>>(
        &self,
        verb: &str,
        message: &T,
    ) -> Result<R, StoreError> {
        let body = serde_json::to_string(message).map_err(store_err)?;
        let mut init = RequestInit::new();
        init.with_method(Method::Post).with_body(Some(body.into()));
        let request = Request::new_with_init(&format!("https://authority/{verb}"), &init)
            .map_err(store_err)?;
        let mut response = self
            .authority
            .fetch_with_request(request)
            .await
            .map_err(store_err)?;
        if response.status_code() != 200 {
            let text = response.text().await.unwrap_or_default();
            return Err(StoreError(format!("token authority: {text}")));
        }
        response.json().await.map_err(store_err)
    }

    fn was_rejected(&self, key: &str, token: &StoredToken) -> bool {
        self.rejected
            .borrow()
            .iter()
            .any(|(k, v)| k == key && v == token.value.expose())
    }
}

impl TokenStore for AuthorityStore {
    async fn load(&self, key: &str) -> Result<Option<StoredToken>, StoreError> {
        let now = self.clock.now_ms();
        if let Ok(Some(bytes)) = self.kv.get(key).await
            && let Ok(token) = decode(&bytes)
            && token.is_fresh(now, MARGIN_MS)
            && !self.was_rejected(key, &token)
        {
            return Ok(Some(token));
        }
        let loaded: Loaded = self.ask("load", &KeyMessage { key: key.into() }).await?;
        Ok(loaded.token)
    }

    async fn save(
        &self,
        key: &str,
        token: &StoredToken,
        ttl_ms: Option<u64>,
    ) -> Result<(), StoreError> {
        let message = SaveMessage {
            key: key.into(),
            token: token.clone(),
            ttl_ms,
        };
        if self
            .ask::<_, serde_json::Value>("save", &message)
            .await
            .is_ok()
        {
            return Ok(());
        }
        // The object is out of reach: keep it in KV at least.
        self.kv
            .put(key, &encode(token)?, kv_ttl_s(ttl_ms))
            .await
            .map_err(store_err)
    }

    async fn try_lease(&self, _key: &str, _holder: &str, _ttl_ms: u64) -> Result<bool, StoreError> {
        // Reached only when the authority had no token to give (it is down, or the key is not one
        // of its flows): this isolate fetches by itself.
        Ok(true)
    }

    async fn release(&self, _key: &str, _holder: &str) -> Result<(), StoreError> {
        Ok(())
    }

    async fn invalidate_if(&self, key: &str, value: &Secret) -> Result<bool, StoreError> {
        self.rejected
            .borrow_mut()
            .push((key.to_owned(), value.expose().to_owned()));
        let message = InvalidateMessage {
            key: key.into(),
            value: value.expose().into(),
        };
        let answer: serde_json::Value = self.ask("invalidate", &message).await?;
        Ok(answer["invalidated"].as_bool().unwrap_or(false))
    }
}

/// The `TokenAuthority` object's store: its durable storage, mirrored into KV.
pub struct DurableStore {
    storage: worker::Storage,
    kv: Option<KvStore>,
    clock: WorkerRuntime,
    leases: Leases,
}

impl DurableStore {
    /// A store over an object's storage, mirroring saves into `kv`.
    pub fn new(storage: worker::Storage, kv: Option<KvStore>) -> Self {
        Self {
            storage,
            kv,
            clock: WorkerRuntime::new(),
            leases: Leases::default(),
        }
    }
}

impl TokenStore for DurableStore {
    async fn load(&self, key: &str) -> Result<Option<StoredToken>, StoreError> {
        let token: Option<StoredToken> = self.storage.get(key).await.map_err(store_err)?;
        Ok(token.filter(|t| t.expires_at_ms > self.clock.now_ms()))
    }

    async fn save(
        &self,
        key: &str,
        token: &StoredToken,
        ttl_ms: Option<u64>,
    ) -> Result<(), StoreError> {
        self.storage.put(key, token).await.map_err(store_err)?;
        if let Some(kv) = &self.kv {
            kv.put(key, &encode(token)?, kv_ttl_s(ttl_ms))
                .await
                .map_err(store_err)?;
        }
        Ok(())
    }

    async fn try_lease(&self, key: &str, holder: &str, ttl_ms: u64) -> Result<bool, StoreError> {
        Ok(self
            .leases
            .try_take(key, holder, ttl_ms, self.clock.now_ms()))
    }

    async fn release(&self, key: &str, holder: &str) -> Result<(), StoreError> {
        self.leases.release(key, holder);
        Ok(())
    }

    async fn invalidate_if(&self, key: &str, value: &Secret) -> Result<bool, StoreError> {
        let current: Option<StoredToken> = self.storage.get(key).await.map_err(store_err)?;
        if current.is_none_or(|t| &t.value != value) {
            return Ok(false);
        }
        self.storage.delete(key).await.map_err(store_err)?;
        if let Some(kv) = &self.kv {
            kv.delete(key).await.map_err(store_err)?;
        }
        Ok(true)
    }
}

/// What a `TokenAuthority` Durable Object does: refresh the tokens of the flows it knows, one fetch
/// per key at a time, and keep pushed tickets and refresh tokens.
///
/// `#[durable_object]` types live in the Worker's own crate; they hold an `Authority` and hand it
/// every request:
///
/// ```ignore
/// #[durable_object]
/// pub struct TokenAuthority(wechat_worker::Authority);
///
/// impl DurableObject for TokenAuthority {
///     fn new(state: State, env: Env) -> Self {
///         TokenAuthority(wechat_worker::Authority::new(&state, kv, hosts, flows))
///     }
///     async fn fetch(&self, req: Request) -> Result<Response> {
///         self.0.handle(req).await
///     }
/// }
/// ```
pub struct Authority {
    client: Client<FetchClient, DurableStore, WorkerRuntime>,
    flows: Vec<TokenFlow>,
}

impl Authority {
    /// An authority over the object's storage for `flows` (their JS-SDK tickets come along, and
    /// so do an Open Platform component's authorizers and a WeCom suite's installing corps),
    /// mirroring into `kv`, calling `hosts`.
    pub fn new(
        state: &worker::State,
        kv: Option<KvStore>,
        hosts: Hosts,
        flows: Vec<TokenFlow>,
    ) -> Self {
        // The client calls as nobody: every token goes through `token_of` with the flow that
        // `TokenFlow::owning` finds. Without flows the authority only keeps what isolates save.
        let client = Client::new(
            Auth::None,
            FetchClient::new(),
            DurableStore::new(state.storage(), kv),
            WorkerRuntime::new(),
        )
        .with_hosts(hosts);
        Self { client, flows }
    }

    /// Answers an isolate's `load`, `save` or `invalidate`.
    pub async fn handle(&self, mut request: Request) -> worker::Result<Response> {
        let path = request.path();
        let body = request.bytes().await?;
        let bad = |e: serde_json::Error| worker::Error::RustError(format!("bad message: {e}"));
        let store = self.client.store();
        match path.as_str() {
            "/load" => {
                let KeyMessage { key } = serde_json::from_slice(&body).map_err(bad)?;
                let token = match TokenFlow::owning(&self.flows, &key) {
                    Some(flow) => match self.client.token_of(&flow).await {
                        Ok(token) => Some(token),
                        Err(e) => return Response::error(e.to_string(), 502),
                    },
                    None => store
                        .load(&key)
                        .await
                        .map_err(|e| worker::Error::RustError(e.0))?,
                };
                Response::from_json(&Loaded { token })
            }
            "/save" => {
                let m: SaveMessage = serde_json::from_slice(&body).map_err(bad)?;
                store
                    .save(&m.key, &m.token, m.ttl_ms)
                    .await
                    .map_err(|e| worker::Error::RustError(e.0))?;
                Response::from_json(&serde_json::json!({ "saved": true }))
            }
            "/invalidate" => {
                let m: InvalidateMessage = serde_json::from_slice(&body).map_err(bad)?;
                let value = Secret::new(m.value);
                let invalidated = match TokenFlow::owning(&self.flows, &m.key) {
                    Some(flow) => {
                        self.client.invalidate(&flow, &value).await;
                        true
                    }
                    None => store
                        .invalidate_if(&m.key, &value)
                        .await
                        .map_err(|e| worker::Error::RustError(e.0))?,
                };
                Response::from_json(&serde_json::json!({ "invalidated": invalidated }))
            }
            _ => Response::error("not found", 404),
        }
    }
}
