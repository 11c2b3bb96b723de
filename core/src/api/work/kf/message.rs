//! Messages (消息): send, send on an event, and the message sync (sync_msg) with its saved cursor.

crate::endpoint! {
    area: "work";
}
