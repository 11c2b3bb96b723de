//! WeCom web login and OAuth (网页授权登录, 企业微信登录): browser URLs and the user behind a code.

crate::endpoint! {
    area: "work";
}
