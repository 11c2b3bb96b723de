//! Tags (标签管理) and their members.

crate::endpoint! {
    area: "work";
}
