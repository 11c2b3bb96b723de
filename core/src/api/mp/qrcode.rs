//! Mini Program codes (小程序码) and QR codes: image bytes, or WeChat's JSON error.

crate::endpoint! {
    area: "miniprogram";
}
