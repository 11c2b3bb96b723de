//! Customer acquisition links (获客助手): links, their customers, quota and statistics.

crate::endpoint! {
    area: "work";
}
