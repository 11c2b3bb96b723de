//! Welcome messages (欢迎语): to new customers, and group welcome templates.

crate::endpoint! {
    area: "work";
}
