//! The app itself (应用管理): its settings and its menu.

crate::endpoint! {
    area: "work";
}
