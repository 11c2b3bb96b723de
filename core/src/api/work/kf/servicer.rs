//! Servicers (接待人员): add, delete, list.

crate::endpoint! {
    area: "work";
}
