//! Sans-IO core of the WeChat SDK.
#![forbid(unsafe_code)]

pub mod callback;
pub mod secret;
pub use secret::Secret;
