//! Session state (会话分配与消息收发): get and transfer.

crate::endpoint! {
    area: "work";
}
