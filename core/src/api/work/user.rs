//! Members (成员管理) and id conversion.

crate::endpoint! {
    area: "work";
}
