//! A Redis [`TokenStore`] for the WeChat SDK: many processes, one token per app.
//!
//! - Records are JSON (`{"value":..,"expires_at_ms":..}`) written with `SET .. PX ttl`.
//! - The fetch lease is `SET lease holder NX PX ttl`: one process fetches, the others wait and
//!   read what it stored.
//! - The lease is freed only by its holder, and a rejected token is deleted only if it is still the
//!   one stored, both atomically in Lua: a slow process never throws away a fresh token.
//! - Keys are the core's (platform, app, kind; never a secret), under an optional prefix.
//! - Pushes are handled once ([`DedupStore`]): a claim is `SET key p:holder NX PX lease`, and
//!   when the key exists its record says "in progress" or "done", read in the same Lua script;
//!   done is `SET key d:holder PX keep`; a release deletes the claim only if `holder` still holds
//!   it. Every process sharing the server sees one answer per key.
//! - Redis errors come back as [`StoreError`]s: the client then treats the store as a miss, logs a
//!   warning, and keeps working on its own process's copy.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! let store = wechat_redis::RedisStore::open("redis://127.0.0.1:6379/")?.with_prefix("myapp:");
//! let client = wechat_reqwest::official_account("wx...", "secret")
//!     .store(store)
//!     .build()?;
//! # let _ = client; Ok(()) }
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// The examples of this crate's README, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

use std::time::Duration;

use redis::aio::{ConnectionManager, ConnectionManagerConfig};
use redis::{AsyncCommands, Script, SetExpiry, SetOptions};
use wechat_core::callback::{DedupStore, Seen};
use wechat_core::client::TokenStore;
use wechat_core::token::StoreError;
use wechat_core::{Secret, StoredToken};

/// Frees the lease only if `ARGV[1]` still holds it.
const RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
";

/// Deletes the record only if its value is still `ARGV[1]`.
const INVALIDATE_IF: &str = r"
local raw = redis.call('GET', KEYS[1])
if not raw then return 0 end
local ok, record = pcall(cjson.decode, raw)
if ok and type(record) == 'table' and record['value'] == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
";

/// Claims a push: `SET NX PX`, or says what the record is, atomically.
const DEDUP_CLAIM: &str = r"
if redis.call('SET', KEYS[1], 'p:' .. ARGV[1], 'NX', 'PX', ARGV[2]) then
  return 'new'
end
local record = redis.call('GET', KEYS[1])
if record and string.sub(record, 1, 2) == 'd:' then return 'done' end
return 'busy'
";

/// Deletes a claim only if `ARGV[1]` still holds it and it is not done.
const DEDUP_RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == 'p:' .. ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
";

/// Timeouts and reconnection of a [`RedisStore`].
#[derive(Clone, Debug)]
pub struct RedisOptions {
    /// Connecting (default 1 s).
    pub connect_timeout: Duration,
    /// One command (default 1 s).
    pub response_timeout: Duration,
    /// Reconnection attempts after a lost connection, before a command fails (default 1).
    pub reconnect_retries: usize,
}

impl Default for RedisOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(1),
            response_timeout: Duration::from_secs(1),
            reconnect_retries: 1,
        }
    }
}

/// A [`TokenStore`] on one Redis server. Cheap to clone: clones share one multiplexed connection
/// that reconnects by itself.
#[derive(Clone)]
pub struct RedisStore {
    conn: ConnectionManager,
    prefix: String,
    release: Script,
    invalidate: Script,
    dedup_claim: Script,
    dedup_release: Script,
}

impl std::fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The connection info may hold a password.
        f.debug_struct("RedisStore")
            .field("prefix", &self.prefix)
            .finish_non_exhaustive()
    }
}

/// The URL may hold a password: errors never repeat it.
fn client_of(url: &str) -> Result<redis::Client, StoreError> {
    redis::Client::open(url).map_err(|e| StoreError(format!("invalid Redis URL ({:?})", e.kind())))
}

fn config(options: &RedisOptions) -> ConnectionManagerConfig {
    ConnectionManagerConfig::new()
        .set_connection_timeout(Some(options.connect_timeout))
        .set_response_timeout(Some(options.response_timeout))
        .set_number_of_retries(options.reconnect_retries)
        .set_min_delay(Duration::from_millis(50))
        .set_max_delay(Duration::from_millis(500))
}

impl RedisStore {
    /// A store on `url` (`redis://[:password@]host:port/db`) that connects on first use and
    /// reconnects by itself: a Redis that is down now only makes operations fail (as misses)
    /// until it is back. Call it within a tokio runtime.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        Self::open_with(url, &RedisOptions::default())
    }

    /// [`RedisStore::open`] with timeouts.
    pub fn open_with(url: &str, options: &RedisOptions) -> Result<Self, StoreError> {
        let conn = ConnectionManager::new_lazy_with_config(client_of(url)?, config(options))
            .map_err(redis_error)?;
        Ok(Self::from_manager(conn))
    }

    /// Connects now, and fails if Redis cannot be reached.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let options = RedisOptions::default();
        let conn = ConnectionManager::new_with_config(client_of(url)?, config(&options))
            .await
            .map_err(redis_error)?;
        Ok(Self::from_manager(conn))
    }

    /// A store on a connection manager built elsewhere.
    pub fn from_manager(conn: ConnectionManager) -> Self {
        Self {
            conn,
            prefix: String::new(),
            release: Script::new(RELEASE),
            invalidate: Script::new(INVALIDATE_IF),
            dedup_claim: Script::new(DEDUP_CLAIM),
            dedup_release: Script::new(DEDUP_RELEASE),
        }
    }

    /// Puts every key under this prefix (`myapp:` makes `myapp:wechat:app:wx..:stable_token`).
    pub fn with_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// The full Redis key of a store key.
    pub fn redis_key(&self, key: &str) -> String {
        let mut k = String::with_capacity(self.prefix.len() + key.len());
        k.push_str(&self.prefix);
        k.push_str(key);
        k
    }

    /// Runs a script that deletes `key` if `holder` still holds it.
    async fn delete_if_held(
        &self,
        script: &Script,
        key: &str,
        holder: &str,
    ) -> Result<(), StoreError> {
        let mut conn = self.conn.clone();
        let _: i64 = script
            .key(self.redis_key(key))
            .arg(holder)
            .invoke_async(&mut conn)
            .await
            .map_err(redis_error)?;
        Ok(())
    }

    /// The connection manager (for health checks and other commands).
    pub fn connection(&self) -> ConnectionManager {
        self.conn.clone()
    }
}

fn redis_error(e: redis::RedisError) -> StoreError {
    // Redis errors name the failure, never the URL or the values sent.
    let detail = if e.is_timeout() {
        "timed out".to_owned()
    } else if e.is_connection_refusal() {
        "connection refused".to_owned()
    } else if e.is_io_error() || e.is_connection_dropped() {
        format!("connection failed ({:?})", e.kind())
    } else {
        format!("{:?} ({})", e.kind(), e.detail().unwrap_or("no detail"))
    };
    StoreError(format!("redis: {detail}"))
}

impl TokenStore for RedisStore {
    async fn load(&self, key: &str) -> Result<Option<StoredToken>, StoreError> {
        let mut conn = self.conn.clone();
        let raw: Option<String> = conn.get(self.redis_key(key)).await.map_err(redis_error)?;
        match raw {
            None => Ok(None),
            Some(raw) => serde_json::from_str(&raw)
                .map(Some)
                .map_err(|e| StoreError(format!("bad record at {key}: {e}"))),
        }
    }

    async fn save(
        &self,
        key: &str,
        token: &StoredToken,
        ttl_ms: Option<u64>,
    ) -> Result<(), StoreError> {
        let record = serde_json::to_string(token)
            .map_err(|e| StoreError(format!("cannot encode the record: {e}")))?;
        let mut conn = self.conn.clone();
        let key = self.redis_key(key);
        match ttl_ms {
            Some(ttl) => {
                let options = SetOptions::default().with_expiration(SetExpiry::PX(ttl.max(1)));
                conn.set_options::<_, _, ()>(key, record, options).await
            }
            None => conn.set::<_, _, ()>(key, record).await,
        }
        .map_err(redis_error)
    }

    async fn try_lease(&self, key: &str, holder: &str, ttl_ms: u64) -> Result<bool, StoreError> {
        let mut conn = self.conn.clone();
        let options = SetOptions::default()
            .conditional_set(redis::ExistenceCheck::NX)
            .with_expiration(SetExpiry::PX(ttl_ms.max(1)));
        let set: Option<String> = conn
            .set_options(self.redis_key(key), holder, options)
            .await
            .map_err(redis_error)?;
        Ok(set.is_some())
    }

    async fn release(&self, key: &str, holder: &str) -> Result<(), StoreError> {
        self.delete_if_held(&self.release, key, holder).await
    }

    async fn invalidate_if(&self, key: &str, value: &Secret) -> Result<bool, StoreError> {
        let mut conn = self.conn.clone();
        let deleted: i64 = self
            .invalidate
            .key(self.redis_key(key))
            .arg(value.expose())
            .invoke_async(&mut conn)
            .await
            .map_err(redis_error)?;
        Ok(deleted > 0)
    }
}

impl DedupStore for RedisStore {
    async fn claim(&self, key: &str, holder: &str, lease_ms: u64) -> Result<Seen, StoreError> {
        let mut conn = self.conn.clone();
        let answer: String = self
            .dedup_claim
            .key(self.redis_key(key))
            .arg(holder)
            .arg(lease_ms.max(1))
            .invoke_async(&mut conn)
            .await
            .map_err(redis_error)?;
        Ok(match answer.as_str() {
            "new" => Seen::New,
            "done" => Seen::Done,
            _ => Seen::InProgress,
        })
    }

    async fn complete(&self, key: &str, holder: &str, keep_ms: u64) -> Result<(), StoreError> {
        let mut conn = self.conn.clone();
        let options = SetOptions::default().with_expiration(SetExpiry::PX(keep_ms.max(1)));
        conn.set_options::<_, _, ()>(self.redis_key(key), format!("d:{holder}"), options)
            .await
            .map_err(redis_error)
    }

    async fn release(&self, key: &str, holder: &str) -> Result<(), StoreError> {
        self.delete_if_held(&self.dedup_release, key, holder).await
    }
}
