//! Media (素材管理): temporary uploads, images for message bodies, attachments, downloads.

crate::endpoint! {
    area: "work";
}
