//! Content security (内容安全): text and image checks, and asynchronous media checks.

crate::endpoint! {
    area: "miniprogram";
}
