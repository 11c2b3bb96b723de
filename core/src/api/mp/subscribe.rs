//! Subscribe messages (订阅消息) and the uniform message.

crate::endpoint! {
    area: "miniprogram";
}
