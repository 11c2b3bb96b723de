//! WeChat Pay v3 (APIv3): JSON, requests signed with the merchant's RSA key in `Authorization`,
//! answers and notifications verified by WeChat Pay's key named in `Wechatpay-Serial`.

/// Every v3 endpoint, for [`crate::catalog`].
pub(crate) fn catalog() -> impl Iterator<Item = &'static crate::catalog::Entry> {
    std::iter::empty()
}
