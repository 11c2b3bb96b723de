//! Shipping information (发货信息管理): upload, orders, and confirmation reminders.

crate::endpoint! {
    area: "miniprogram";
}
