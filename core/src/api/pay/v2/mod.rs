//! WeChat Pay v2 (APIv2): XML bodies, `sign` by MD5 or HMAC-SHA256 keyed by the merchant's API key.

/// Every v2 endpoint, for [`crate::catalog`].
pub(crate) fn catalog() -> impl Iterator<Item = &'static crate::catalog::Entry> {
    std::iter::empty()
}
