//! Customer tags (客户标签): corp and strategy tags, and marking customers.

crate::endpoint! {
    area: "work";
}
