//! Customer group chats (客户群): lists, details, join ways, statistics and transfers.

crate::endpoint! {
    area: "work";
}
