//! WeChat Customer Service accounts (客服账号) and their contact links.

crate::endpoint! {
    area: "work";
}
