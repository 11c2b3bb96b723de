//! Red-packet covers (红包封面): the cover link for a user.

crate::endpoint! {
    area: "miniprogram";
}
