//! Official Account (公众号) endpoints.

crate::api::area! {
    basic,
    blacklist,
    broadcast,
    datacube,
    device,
    draft,
    freepublish,
    kf,
    material,
    menu,
    message,
    oauth,
    ocr,
    qrcode,
    subscribe,
    tag,
    template,
    user,
}
