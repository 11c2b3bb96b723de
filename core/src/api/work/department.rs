//! Departments (部门管理).

crate::endpoint! {
    area: "work";
}
