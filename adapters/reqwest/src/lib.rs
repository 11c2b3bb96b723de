//! Native adapter of the WeChat SDK: HTTP on reqwest (rustls), the system clock, the OS's
//! randomness, tokens in process memory, and ready clients in a few lines.
//!
//! ```no_run
//! # async fn demo() -> wechat_core::Result<()> {
//! use wechat_core::api::oa::basic::GetApiDomainIp;
//!
//! let oa = wechat_reqwest::official_account("wx...", "app secret").build()?;
//! let corp = wechat_reqwest::work("ww...", "1000002", "app secret").build()?;
//! let ips = oa.call(&GetApiDomainIp {}).await?;
//! # let _ = (corp, ips); Ok(()) }
//! ```
//!
//! Several apps in one process are several clients; give them one [`ReqwestClient`] with
//! [`ClientBuilder::http_client`] to share its connection pool. Tokens stay in process memory
//! unless a shared store is given ([`ClientBuilder::store`], e.g. `wechat_redis::RedisStore`).
//!
//! Requests are traced (`wechat.http` spans at debug level: method, host, path, endpoint name and
//! whether it fetches a token; never the query, which holds tokens and secrets).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// The examples of this crate's README, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

mod builder;
mod http;
mod merchant;
pub mod pay;
#[cfg(feature = "pkcs12")]
mod pkcs12;
mod runtime;

pub use builder::{
    Client, ClientBuilder, FlowExt, component, mini_program, official_account, provider, suite,
    work,
};
pub use http::{HttpOptions, ReqwestClient};
pub use merchant::{MerchantBuilder, merchant};
pub use runtime::{SystemRuntime, memory_store, now_ms};
pub use wechat_core::{self, MemoryStore};
