//! Sans-IO core of the WeChat SDK.
#![forbid(unsafe_code)]

pub mod secret;
pub use secret::Secret;
