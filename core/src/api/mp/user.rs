//! Users (用户信息): phone numbers, session checks, encrypted data checks, risk rank, paid unionid.

crate::endpoint! {
    area: "miniprogram";
}
