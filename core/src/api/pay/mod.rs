//! WeChat Pay (微信支付) on `api.mch.weixin.qq.com` ([`Host::Pay`](crate::Host::Pay)): [`v2`]
//! (XML bodies signed with the merchant's API key) and [`v3`] (JSON, RSA signatures both ways).
//!
//! A merchant is not an app: a pay client carries the merchant's keys as its
//! [`Signer`](crate::Signer) ([`Auth::Signer`](crate::Auth::Signer)), one per merchant, many
//! merchants in one process. Answers of signed schemes are verified before anything parses them;
//! there is no switch to turn that off.

pub mod v2;
pub mod v3;

/// Every WeChat Pay endpoint, for [`crate::catalog`].
pub(crate) fn catalog() -> impl Iterator<Item = &'static crate::catalog::Entry> {
    v2::catalog().chain(v3::catalog())
}
