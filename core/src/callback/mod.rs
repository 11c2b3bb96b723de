//! Callbacks: what WeChat pushes to us, verified, decrypted, parsed into typed messages, and
//! answered with (encrypted, signed) passive replies. Pure: no IO, no clock, no randomness.
//!
//! - [`CallbackHandler`]: `http::Request` → [`Incoming`] (URL verification response, or a
//!   typed [`Message`] with its [`ReplyContext`]).
//! - [`MessageCrypto`]: the signatures and the AES message crypto on their own.
//! - [`Message`], [`Event`], [`ComponentEvent`], [`SuiteEvent`], [`ContactChange`]: typed
//!   pushes with an `Unknown(`[`Untyped`]`)` fallback keeping every raw field, and the decode
//!   error when a known type's fields do not fit.
//! - [`Reply`]: passive replies.
//! - [`mini_program`]: `encryptedData` decryption.
//! - [`dedup`]: a key per push ([`dedup_key`]) and [`Dedup`], which handles each push once.
//! - [`Pusher`]: the other side: pushes as WeChat sends them, and the bot's answer read back.

mod crypto;
pub mod dedup;
mod error;
mod handler;
mod message;
pub mod mini_program;
mod push;
mod reply;
mod xml;

pub use crypto::{MessageCrypto, Sealed, sha1_signature, verify_sha1_signature};
pub use dedup::{Claim, Dedup, DedupStore, MemoryDedup, Once, OnceError, Seen, Ticket, dedup_key};
pub use error::CallbackError;
pub use handler::{
    CallbackHandler, DEFAULT_MAX_BODY_BYTES, Incoming, Platform, Received, ReplyContext,
};
pub use message::*;
pub use push::Pusher;
pub use reply::{Article, ParsedReply, Reply};
#[doc(hidden)]
pub use xml::fast_and_full_parsers_agree;
