//! Cloudflare Workers adapter for `wechat-core`.
//!
//! The core is sans-IO; this crate supplies the effects it asks for when it
//! runs inside a Worker:
//!
//! - [`FetchClient`]: sends an `http::Request<Vec<u8>>` with the Workers
//!   `fetch` API and hands back an `http::Response<Vec<u8>>`.
//! - [`WorkerClock`]: Unix milliseconds from `Date.now()`.
//! - [`WebCryptoRandom`]: random bytes from `crypto.getRandomValues`.
//! - [`KvStore`]: a Workers KV namespace for cached records, with the
//!   expiration TTL clamped to KV's 60 s minimum.
//! - [`WorkerRuntime`]: the core's `Runtime` (clock, timers, randomness).
//! - [`authority`]: token refresh owned by one Durable Object, with KV as the
//!   fast read path ([`AuthorityStore`] in isolates, [`Authority`] in the object).
//! - [`callback`]: a `worker::Request` through the core's callback pipeline and
//!   back to a `worker::Response`; [`callback::handle_callback_once`] answers
//!   first, runs the slow work with `wait_until`, and handles each push once.
//! - [`dedup`]: "seen before?" for a push, answered atomically by one Durable
//!   Object per push key ([`DurableDedup`] in isolates, [`DedupObject`] in the
//!   object).
//! - `pay` (feature `pay`): WeChat Pay v3 RSA on Web Crypto (the merchant's key
//!   signs, WeChat Pay's keys verify and encrypt), and a client that sends
//!   through a Cloudflare mTLS certificate binding.
//!
//! This crate builds for `wasm32-unknown-unknown` only. It never enables the
//! `worker` crate's `http` feature, so a Worker that depends on it keeps the
//! `worker::Request` / `worker::Response` handler signature it chose.

#[cfg(target_arch = "wasm32")]
pub mod authority;
#[cfg(target_arch = "wasm32")]
pub mod callback;
mod clock;
#[cfg(target_arch = "wasm32")]
pub mod dedup;
mod error;
mod fetch;
mod kv;
#[cfg(all(target_arch = "wasm32", feature = "pay"))]
pub mod pay;
mod random;
mod runtime;

#[cfg(target_arch = "wasm32")]
pub use authority::{Authority, AuthorityStore, DurableStore};
pub use clock::WorkerClock;
#[cfg(target_arch = "wasm32")]
pub use dedup::{DedupObject, DurableDedup};
pub use error::Error;
pub use fetch::{FetchClient, from_worker_response, to_worker_request};
pub use kv::{KV_MIN_TTL_SECS, KvStore, clamp_ttl};
pub use random::WebCryptoRandom;
pub use runtime::WorkerRuntime;

/// Re-exported so a Worker can name the exact `worker` version this adapter
/// was built against.
pub use worker;
