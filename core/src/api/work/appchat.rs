//! Group chats made by the app (群聊会话, appchat): create, update, get, send.

crate::endpoint! {
    area: "work";
}
