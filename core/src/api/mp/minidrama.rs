//! Mini dramas (短剧, VOD): media, dramas, uploads in parts, and their audit.

crate::endpoint! {
    area: "miniprogram";
}
