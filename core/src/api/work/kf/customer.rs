//! Customers of WeChat Customer Service: details, and upgrade service (升级服务).

crate::endpoint! {
    area: "work";
}
