//! Customer transfers (在职继承, 离职继承): moving customers between members and their results.

crate::endpoint! {
    area: "work";
}
