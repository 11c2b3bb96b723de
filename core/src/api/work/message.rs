//! App messages (应用消息): send every message type, update template cards, recall.

crate::endpoint! {
    area: "work";
}
