//! Customers (客户管理): lists, details, remarks, the members who follow them, id conversions.

crate::endpoint! {
    area: "work";
}
