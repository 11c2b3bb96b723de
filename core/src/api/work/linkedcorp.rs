//! Linked corps (互联企业): the app's visible range and the members of linked corps.

crate::endpoint! {
    area: "work";
}
