//! Each push handled once: a key per push, and a store that answers "seen before?" atomically.
//!
//! WeChat pushes a message again when it has no answer within about 5 seconds (three retries for
//! the Official Account and WeCom). A retry is the same message sealed again: other random bytes,
//! another nonce and signature, sometimes another `timestamp` in the query. A bot that must not act
//! twice (a reply sent twice, an order booked twice) needs a key that is equal for the retries of
//! one push and different for any two pushes, and a place where "seen before?" is answered once.
//!
//! # The key
//!
//! [`dedup_key`] is computed from the decrypted message, never from the envelope:
//!
//! - `msg:{ToUserName}:{MsgId}` for user messages (text, image, voice, ... and unknown message
//!   types) that carry a `MsgId`: WeChat's id of the message, unique per account, is what it
//!   recommends for deduplication and stays the same on every retry.
//! - `sha256:{hex}` for everything else (events, `InfoType` pushes of the Open Platform and WeCom
//!   suites, messages without a `MsgId`): the SHA-256 digest of the whole decrypted message. A
//!   retry carries the same message, so the digest is the same; two pushes whose content differs
//!   in any byte (another member created in the same second, another corp installing the suite in
//!   the same second, another approval of a batch) get different digests. No field is picked by
//!   hand, so a field WeChat adds tomorrow still tells pushes apart. Events do not use `MsgId`
//!   even when they carry one: `MsgID` of `TEMPLATESENDJOBFINISH` names the template message sent,
//!   not the push.
//!
//! The two shapes cannot meet (`msg:` and `sha256:` prefixes), and the key holds no secret.
//!
//! # Once across processes
//!
//! A [`DedupStore`] keeps one record per key: "being handled by `holder` until the lease ends" or
//! "handled". [`Dedup`] runs the protocol on top of it:
//!
//! 1. [`Dedup::claim`] asks atomically: the first caller gets [`Claim::New`] and a [`Ticket`];
//!    every other caller, in any process or isolate sharing the store, gets
//!    [`Claim::InProgress`] or [`Claim::Done`] and answers `success` without handling.
//! 2. When the handler succeeded, [`Dedup::done`] keeps the key as handled for
//!    [`DEFAULT_KEEP_MS`]. When it failed, [`Dedup::release`] forgets the claim, so WeChat's
//!    next retry is handled again. A process that dies while handling leaves a claim that ends
//!    with its lease ([`DEFAULT_LEASE_MS`]).
//!
//! [`Dedup::once`] does all three around a future. Implementations: [`MemoryDedup`] (one
//! process), `wechat_redis::RedisStore` (`SET NX PX` in one Lua script), and on Workers a Durable
//! Object per key (`wechat_worker::dedup`).

use std::collections::HashMap;
use std::fmt;
use std::future::Future;
use std::sync::Mutex;

use sha2::{Digest, Sha256};

use super::message::Message;
use crate::client::{MaybeSend, MaybeSync};
use crate::token::StoreError;

/// How long a claim holds while its push is being handled (60 s): longer than WeChat's retries
/// of one push (three, about 5 s apart), so they all find it.
pub const DEFAULT_LEASE_MS: u64 = 60_000;

/// How long a handled push is remembered (10 min): WeChat's retries, and any replay whose
/// timestamp still passes a 300-second window on either side of the clock.
pub const DEFAULT_KEEP_MS: u64 = 10 * 60_000;

/// Where every store key starts: `wechat:dedup:` then the [`dedup_key`].
pub const STORE_PREFIX: &str = "wechat:dedup:";

/// The key of a push: equal for WeChat's retries of one push, different for any two pushes whose
/// decrypted messages differ (see the [module documentation](self)).
///
/// `message` is the parsed push and `plaintext` the decrypted message it was parsed from
/// ([`Received::dedup_key`](super::Received::dedup_key) passes both).
pub fn dedup_key(message: &Message, plaintext: &[u8]) -> String {
    let is_user_message = !matches!(
        message,
        Message::Event(_) | Message::Component(_) | Message::Suite(_)
    ) && message.msg_type() != "event";
    let header = message.header();
    match header.msg_id {
        Some(id) if is_user_message => format!("msg:{}:{id}", header.to_user_name),
        _ => {
            let digest = Sha256::digest(plaintext);
            let mut key = String::with_capacity(7 + 64);
            key.push_str("sha256:");
            key.push_str(&hex::encode(digest));
            key
        }
    }
}

/// What a store knows about a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Seen {
    /// Nobody had it (or an earlier claim ran out): the caller now holds it.
    New,
    /// Another caller holds it and is handling the push.
    InProgress,
    /// The push was handled.
    Done,
}

/// The records behind [`Dedup`]: every operation on one key is atomic, for every process or
/// isolate that shares the store. Keys come from [`Dedup`] (`wechat:dedup:...`).
pub trait DedupStore: MaybeSend + MaybeSync {
    /// If `key` has no record (or its record ran out), records it as being handled by `holder`
    /// for `lease_ms` and answers [`Seen::New`]; otherwise says what the record is. Atomic.
    fn claim(
        &self,
        key: &str,
        holder: &str,
        lease_ms: u64,
    ) -> impl Future<Output = Result<Seen, StoreError>> + MaybeSend;

    /// Records `key` as handled, for `keep_ms`.
    fn complete(
        &self,
        key: &str,
        holder: &str,
        keep_ms: u64,
    ) -> impl Future<Output = Result<(), StoreError>> + MaybeSend;

    /// Deletes the record of `key` if it is still `holder`'s claim (not handled, not someone
    /// else's), atomically.
    fn release(
        &self,
        key: &str,
        holder: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + MaybeSend;
}

impl<S: DedupStore> DedupStore for &S {
    fn claim(
        &self,
        key: &str,
        holder: &str,
        lease_ms: u64,
    ) -> impl Future<Output = Result<Seen, StoreError>> + MaybeSend {
        (**self).claim(key, holder, lease_ms)
    }

    fn complete(
        &self,
        key: &str,
        holder: &str,
        keep_ms: u64,
    ) -> impl Future<Output = Result<(), StoreError>> + MaybeSend {
        (**self).complete(key, holder, keep_ms)
    }

    fn release(
        &self,
        key: &str,
        holder: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + MaybeSend {
        (**self).release(key, holder)
    }
}

/// The right to handle one push, from [`Dedup::claim`]: hand it back to [`Dedup::done`] or
/// [`Dedup::release`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "mark the push done or release it"]
pub struct Ticket {
    key: String,
    holder: String,
}

impl Ticket {
    /// The push's [`dedup_key`].
    pub fn key(&self) -> &str {
        &self.key
    }
}

/// The answer of [`Dedup::claim`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub enum Claim {
    /// First sight: handle the push, then [`Dedup::done`] (or [`Dedup::release`] on failure).
    New(Ticket),
    /// Another caller is handling it: answer `success`, do nothing.
    InProgress,
    /// Already handled: answer `success`, do nothing.
    Done,
}

/// What [`Dedup::once`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Once<T> {
    /// The push was new and the work ran, with this result.
    Handled(T),
    /// Another caller is handling it; the work did not run.
    InProgress,
    /// It was handled before; the work did not run.
    Done,
}

/// Why [`Dedup::once`] failed.
#[derive(Debug)]
pub enum OnceError<E> {
    /// The store could not answer; the work did not run.
    Store(StoreError),
    /// The work failed; its claim was released, so a retry is handled again.
    Work(E),
}

impl<E: fmt::Display> fmt::Display for OnceError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OnceError::Store(e) => write!(f, "dedup store: {e}"),
            OnceError::Work(e) => e.fmt(f),
        }
    }
}

impl<E: fmt::Debug + fmt::Display> std::error::Error for OnceError<E> {}

/// Handles each push once over a [`DedupStore`] (see the [module documentation](self)).
///
/// ```
/// # futures::executor::block_on(async {
/// use wechat_core::callback::{Claim, Dedup, MemoryDedup};
///
/// let dedup = Dedup::new(MemoryDedup::new(|| 1_700_000_000_000));
/// let key = "msg:gh_1:1234567890123456";
/// let Claim::New(ticket) = dedup.claim(key, "holder-a").await? else { unreachable!() };
/// // A retry arriving meanwhile, in any process sharing the store:
/// assert_eq!(dedup.claim(key, "holder-b").await?, Claim::InProgress);
/// dedup.done(&ticket).await?;
/// assert_eq!(dedup.claim(key, "holder-c").await?, Claim::Done);
/// # Ok::<(), wechat_core::token::StoreError>(()) }).unwrap();
/// ```
#[derive(Debug, Clone)]
pub struct Dedup<S> {
    store: S,
    lease_ms: u64,
    keep_ms: u64,
}

impl<S: DedupStore> Dedup<S> {
    /// Deduplication over `store`, with [`DEFAULT_LEASE_MS`] and [`DEFAULT_KEEP_MS`].
    pub fn new(store: S) -> Self {
        Self {
            store,
            lease_ms: DEFAULT_LEASE_MS,
            keep_ms: DEFAULT_KEEP_MS,
        }
    }

    /// How long a claim holds while handling (at least WeChat's retry window, about 15 s).
    pub fn lease_ms(mut self, ms: u64) -> Self {
        self.lease_ms = ms.max(1);
        self
    }

    /// How long a handled push is remembered (at least the timestamp window of the handler).
    pub fn keep_ms(mut self, ms: u64) -> Self {
        self.keep_ms = ms.max(1);
        self
    }

    /// The store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Claims the push `key` for `holder` (a value unique to this attempt: random bytes in hex).
    pub async fn claim(&self, key: &str, holder: &str) -> Result<Claim, StoreError> {
        let store_key = store_key(key);
        Ok(
            match self.store.claim(&store_key, holder, self.lease_ms).await? {
                Seen::New => Claim::New(Ticket {
                    key: key.to_owned(),
                    holder: holder.to_owned(),
                }),
                Seen::InProgress => Claim::InProgress,
                Seen::Done => Claim::Done,
            },
        )
    }

    /// The push was handled: its retries are answered [`Claim::Done`] from now on.
    pub async fn done(&self, ticket: &Ticket) -> Result<(), StoreError> {
        self.store
            .complete(&store_key(&ticket.key), &ticket.holder, self.keep_ms)
            .await
    }

    /// Handling failed: the next retry of the push is [`Claim::New`] again.
    pub async fn release(&self, ticket: &Ticket) -> Result<(), StoreError> {
        self.store
            .release(&store_key(&ticket.key), &ticket.holder)
            .await
    }

    /// Runs `work` if the push `key` is new: marks it done when `work` succeeds, releases it when
    /// `work` fails. A failure to mark it done is logged (the work ran; a later retry may run it
    /// again).
    pub async fn once<T, E>(
        &self,
        key: &str,
        holder: &str,
        work: impl Future<Output = Result<T, E>>,
    ) -> Result<Once<T>, OnceError<E>> {
        let ticket = match self.claim(key, holder).await.map_err(OnceError::Store)? {
            Claim::New(ticket) => ticket,
            Claim::InProgress => return Ok(Once::InProgress),
            Claim::Done => return Ok(Once::Done),
        };
        match work.await {
            Ok(value) => {
                if let Err(e) = self.done(&ticket).await {
                    tracing::warn!(key, error = %e, "could not mark a handled push done");
                }
                Ok(Once::Handled(value))
            }
            Err(e) => {
                if let Err(e) = self.release(&ticket).await {
                    tracing::warn!(key, error = %e, "could not release a failed push");
                }
                Err(OnceError::Work(e))
            }
        }
    }
}

fn store_key(key: &str) -> String {
    let mut k = String::with_capacity(STORE_PREFIX.len() + key.len());
    k.push_str(STORE_PREFIX);
    k.push_str(key);
    k
}

#[derive(Debug)]
struct Record {
    holder: String,
    done: bool,
    until_ms: u64,
}

/// A [`DedupStore`] in this process's memory: once per process. Processes behind one load
/// balancer share a Redis store instead.
pub struct MemoryDedup {
    clock: Box<dyn Fn() -> u64 + Send + Sync>,
    records: Mutex<(HashMap<String, Record>, u32)>,
}

impl fmt::Debug for MemoryDedup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MemoryDedup").finish_non_exhaustive()
    }
}

impl MemoryDedup {
    /// A store whose leases run on `clock` (Unix milliseconds).
    pub fn new(clock: impl Fn() -> u64 + Send + Sync + 'static) -> Self {
        Self {
            clock: Box::new(clock),
            records: Mutex::default(),
        }
    }

    /// How many keys are remembered (expired ones are dropped from time to time).
    pub fn len(&self) -> usize {
        self.lock().0.len()
    }

    /// True when no key is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (HashMap<String, Record>, u32)> {
        self.records.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl DedupStore for MemoryDedup {
    async fn claim(&self, key: &str, holder: &str, lease_ms: u64) -> Result<Seen, StoreError> {
        let now = (self.clock)();
        let mut guard = self.lock();
        let (records, claims) = &mut *guard;
        *claims = claims.wrapping_add(1);
        if *claims % 256 == 0 {
            records.retain(|_, r| r.until_ms > now);
        }
        match records.get(key) {
            Some(r) if r.until_ms > now && r.done => Ok(Seen::Done),
            Some(r) if r.until_ms > now => Ok(Seen::InProgress),
            _ => {
                records.insert(
                    key.to_owned(),
                    Record {
                        holder: holder.to_owned(),
                        done: false,
                        until_ms: now.saturating_add(lease_ms),
                    },
                );
                Ok(Seen::New)
            }
        }
    }

    async fn complete(&self, key: &str, holder: &str, keep_ms: u64) -> Result<(), StoreError> {
        let until_ms = (self.clock)().saturating_add(keep_ms);
        self.lock().0.insert(
            key.to_owned(),
            Record {
                holder: holder.to_owned(),
                done: true,
                until_ms,
            },
        );
        Ok(())
    }

    async fn release(&self, key: &str, holder: &str) -> Result<(), StoreError> {
        let mut guard = self.lock();
        if guard
            .0
            .get(key)
            .is_some_and(|r| !r.done && r.holder == holder)
        {
            guard.0.remove(key);
        }
        Ok(())
    }
}
