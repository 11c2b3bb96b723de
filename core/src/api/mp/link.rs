//! Links into the Mini Program: URL schemes, URL links and short links.

crate::endpoint! {
    area: "miniprogram";
}
