//! User behavior data (联系客户统计): contacts, chats and replies per member and day.

crate::endpoint! {
    area: "work";
}
