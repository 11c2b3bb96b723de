//! Sans-IO core of the WeChat SDK: every endpoint, credential flow and callback of WeChat
//! (Official Account, Mini Program, WeCom, third-party platforms) as pure data. It
//! builds `http::Request` values and reads `http::Response` bytes; time, randomness and storage
//! come from the caller. It never opens a socket, reads a clock, sleeps or draws OS randomness,
//! and builds for `wasm32-unknown-unknown`.
//!
//! - [`endpoint`](mod@endpoint): typed requests become `http::Request<Vec<u8>>` carrying their
//!   endpoint's metadata; answer bytes become typed responses or an [`Error`], through one
//!   envelope check.
//! - [`auth`]: what a client calls as (a token flow, a signer, a webhook key) and how it reaches a
//!   built request.
//! - [`api`]: the typed endpoints, one module per area (cargo features `oa`, `mp`, `work`, `open`,
//!   all on by default); [`catalog`] lists them at run time and builds and parses them by name.
//! - [`token`]: every credential flow as a state machine fed `now`.
//! - [`client`]: the runtime-free driver that performs effects through an adapter's traits.
//! - [`callback`]: what WeChat pushes to us: verify, decrypt, parse, reply, encrypt.
//!
//! Ready adapters: `wechat-reqwest` (native HTTP), `wechat-redis` (tokens shared by many
//! processes), `wechat-worker` (Cloudflare Workers).
//!
//! # Build a request
//!
//! An endpoint is a value. Its auth scheme names the credential it needs: here the account's
//! `access_token`, which goes first in the query.
//!
//! ```
//! use wechat_core::api::oa::user::GetUserInfo;
//! use wechat_core::endpoint::build_request_with_token;
//! use wechat_core::{Hosts, Secret};
//!
//! let token = Secret::new("ACCESS_TOKEN");
//! let request = build_request_with_token(&Hosts::default(), &GetUserInfo::new("oUser1"), &token)?;
//! assert_eq!(request.method(), "GET");
//! assert_eq!(
//!     request.uri().to_string(),
//!     "https://api.weixin.qq.com/cgi-bin/user/info?access_token=ACCESS_TOKEN&openid=oUser1"
//! );
//! # Ok::<(), wechat_core::Error>(())
//! ```
//!
//! # Parse an answer
//!
//! Send the request any way you like, then hand the answer back. `errcode` is checked first;
//! fields the type does not name are kept in its `extra` map, so nothing WeChat sends is lost.
//!
//! ```
//! use wechat_core::api::oa::user::GetUserInfo;
//! use wechat_core::{Endpoint, ErrCode, Error};
//!
//! let answer = http::Response::new(
//!     br#"{"subscribe":1,"openid":"oUser1","language":"zh_CN","tagid_list":[2]}"#.to_vec(),
//! );
//! let user = GetUserInfo::parse(&answer)?;
//! assert_eq!(user.openid, "oUser1");
//! assert_eq!(user.subscribe, 1);
//!
//! let refused = http::Response::new(br#"{"errcode":40003,"errmsg":"invalid openid"}"#.to_vec());
//! match GetUserInfo::parse(&refused) {
//!     Err(Error::Api(e)) => assert_eq!(e.code, ErrCode::Number(40003)),
//!     other => panic!("{other:?}"),
//! }
//! # Ok::<(), wechat_core::Error>(())
//! ```
//!
//! # Drive calls with a client
//!
//! [`Client`] does the rest through three small traits an adapter implements: [`HttpClient`]
//! (send a request), [`TokenStore`] (where tokens live; [`MemoryStore`] in process memory) and
//! [`Runtime`] (clock, sleep, randomness). It fetches the token when it needs one (one fetch per key
//! at a time), reuses it until shortly before it expires, replaces a rejected token once, and
//! retries transient failures only where the endpoint is safe to repeat. Here an HTTP client that
//! answers like WeChat:
//!
//! ```
//! use std::future::{Ready, ready};
//! use std::sync::Arc;
//! use std::sync::atomic::{AtomicUsize, Ordering};
//!
//! use wechat_core::api::oa::basic::GetApiDomainIp;
//! use wechat_core::{Client, HttpClient, MemoryStore, Result, Runtime, Secret, TokenFlow};
//!
//! /// Answers token fetches and API calls as WeChat would, and counts the token fetches.
//! #[derive(Default)]
//! struct FakeWeChat {
//!     token_fetches: Arc<AtomicUsize>,
//! }
//!
//! impl HttpClient for FakeWeChat {
//!     fn send(&self, request: http::Request<Vec<u8>>) -> Ready<Result<http::Response<Vec<u8>>>> {
//!         let body: &[u8] = match request.uri().path() {
//!             "/cgi-bin/stable_token" => {
//!                 self.token_fetches.fetch_add(1, Ordering::SeqCst);
//!                 br#"{"access_token":"T1","expires_in":7200}"#
//!             }
//!             _ => br#"{"ip_list":["101.226.90.0/24"]}"#,
//!         };
//!         ready(Ok(http::Response::new(body.to_vec())))
//!     }
//! }
//!
//! /// A fixed clock (a real runtime reads the system clock and OS randomness).
//! struct FixedTime;
//!
//! impl Runtime for FixedTime {
//!     fn now_ms(&self) -> u64 {
//!         1_700_000_000_000
//!     }
//!     fn sleep(&self, _ms: u64) -> Ready<()> {
//!         ready(())
//!     }
//!     fn fill_random(&self, buf: &mut [u8]) {
//!         buf.fill(7);
//!     }
//! }
//!
//! let flow = TokenFlow::Stable { appid: "wx1".into(), secret: Secret::new("app secret") };
//! let wechat = FakeWeChat::default();
//! let token_fetches = wechat.token_fetches.clone();
//! let client = Client::new(flow, wechat, MemoryStore::new(|| 1_700_000_000_000), FixedTime);
//! futures::executor::block_on(async {
//!     let first = client.call(&GetApiDomainIp {}).await?;
//!     let second = client.call(&GetApiDomainIp {}).await?;
//!     assert_eq!(first.ip_list, ["101.226.90.0/24"]);
//!     assert_eq!(second, first);
//!     Ok::<_, wechat_core::Error>(())
//! })?;
//! assert_eq!(token_fetches.load(Ordering::SeqCst), 1, "the token is fetched once");
//! # Ok::<(), wechat_core::Error>(())
//! ```
//!
//! # Answer a callback
//!
//! [`callback::CallbackHandler`] verifies the signature (in constant time), decrypts in safe
//! mode, parses the typed message and seals the reply the way the push came. [`callback::Pusher`]
//! builds the push WeChat would send, which makes this runnable:
//!
//! ```
//! use wechat_core::Secret;
//! use wechat_core::callback::{CallbackHandler, Incoming, Message, Platform, Pusher, Reply};
//!
//! let token = Secret::new("callback token");
//! let push = Pusher::new(Platform::OfficialAccount, token.clone()).request(
//!     "https://bot.example.com/wechat",
//!     b"<xml><ToUserName>gh_1</ToUserName><FromUserName>oUser1</FromUserName>\
//!       <CreateTime>1700000000</CreateTime><MsgType>text</MsgType>\
//!       <Content>hello</Content><MsgId>1</MsgId></xml>",
//!     1_700_000_000,
//!     "nonce",
//!     [0; 16],
//!     &[],
//! )?;
//!
//! let handler = CallbackHandler::new(Platform::OfficialAccount, token).timestamp_window(300);
//! let Incoming::Message(received) = handler.handle(&push, 1_700_000_010)? else {
//!     panic!("a message, not a URL verification");
//! };
//! let reply = match &received.message {
//!     Message::Text(text) => Reply::text(format!("You said: {}", text.content)),
//!     _ => Reply::Success,
//! };
//! let response = received.reply.reply(&reply, 1_700_000_011, [0; 16]);
//! assert!(String::from_utf8_lossy(response.body()).contains("You said: hello"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// The examples of this crate's README, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

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
