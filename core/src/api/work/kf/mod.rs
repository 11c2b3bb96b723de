//! WeChat Customer Service (微信客服, `kf`).

crate::api::area! {
    account,
    customer,
    knowledge,
    message,
    servicer,
    session,
    statistic,
}
