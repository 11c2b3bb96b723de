//! Mini Program (小程序) endpoints, called with the app's access token (stable token by
//! default). The Mini Program also calls endpoints it shares with the Official Account: customer
//! service messages (`oa::message`) and the subscribe template library (`oa::subscribe`).

crate::api::area! {
    analysis,
    link,
    minidrama,
    privacy,
    qrcode,
    redpacket,
    security,
    shipping,
    subscribe,
    tcb,
    user,
    xpay,
}
