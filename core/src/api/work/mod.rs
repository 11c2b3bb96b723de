//! WeCom (企业微信) self-built app endpoints, called with the corp's `gettoken` access token
//! ([`TokenFlow::Work`](crate::token::TokenFlow::Work)); group robots with their webhook key.

crate::api::area! {
    agent,
    appchat,
    batch,
    checkin,
    department,
    invoice,
    linkedcorp,
    media,
    message,
    oauth,
    robot,
    suite,
    tag,
    user;
    nested: externalcontact, kf,
}
