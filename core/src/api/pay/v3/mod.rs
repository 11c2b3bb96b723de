//! WeChat Pay v3 (APIv3): JSON, requests signed with the merchant's RSA key in `Authorization`,
//! answers and notifications verified by WeChat Pay's key named in `Wechatpay-Serial`.
//!
//! - [`Merchant`]: a merchant's keys; the [`Signer`](crate::Signer) of its calls.
//! - [`crypto`]: the bytes signed and verified, AES-256-GCM, and the RSA traits adapters
//!   implement ([`RsaSigningKey`], [`RsaPublicKey`], [`RsaKeyImport`]).
//! - [`notify`]: payment and refund notifications, verified then decrypted.
//! - The calls: [`transactions`] (prepay, query, close), [`refunds`], [`bills`] (and their
//!   download, checked by hash), [`certificates`].

pub mod crypto;
mod merchant;
pub mod notify;

pub use crypto::{RsaKeyImport, RsaPublicKey, RsaSigningKey, VerifyError};
pub use merchant::{
    AppPayParams, DEFAULT_TIMESTAMP_WINDOW_SECS, Encrypted, JsapiPayParams, Merchant,
};

crate::api::area!(bills, certificates, refunds, transactions);
