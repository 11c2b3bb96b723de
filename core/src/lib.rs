//! Sans-IO core of the WeChat SDK.
//!
//! - [`endpoint`]: typed requests become `http::Request<Vec<u8>>` carrying their endpoint's
//!   metadata; answer bytes become typed responses or an [`Error`], through one envelope check.
//! - [`auth`]: what a client calls as (a token flow, a signer, a webhook key) and how it reaches a
//!   built request.
//! - [`api`]: the typed endpoints; [`catalog`] lists them at run time.
//! - [`token`]: every credential flow as a state machine fed `now`.
//! - [`client`]: the runtime-free driver that performs effects through an adapter's traits.
//! - [`callback`]: what WeChat pushes to us: verify, decrypt, parse, reply, encrypt.
//!
//! The core never opens a socket, reads a clock, sleeps or draws OS randomness.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod api;
pub mod auth;
pub mod callback;
pub mod catalog;
pub mod client;
pub mod endpoint;
pub mod error;
pub mod host;
pub(crate) mod lenient;
pub mod secret;
pub mod token;

pub use http;

pub use auth::{Auth, Signer};
pub use client::{Client, HttpClient, Leases, MemoryStore, RetryPolicy, Runtime, TokenStore};
pub use endpoint::{AuthScheme, Endpoint, Envelope, Method};
pub use error::{ApiError, ErrCode, Error, Result};
pub use host::{Host, Hosts};
pub use secret::Secret;
pub use token::{StoredToken, TokenFlow};
