//! Media (素材管理): temporary media (kept 3 days), images for message bodies, attachments for
//! Moments and product albums, and downloads.

use serde::{Deserialize, Serialize};

pub use crate::endpoint::Upload;
use crate::endpoint::{Binary, Body};

/// The kind of a temporary media file (`type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaType {
    /// `image`: JPG or PNG up to 10 MB.
    Image,
    /// `voice`: AMR up to 2 MB, 60 s.
    Voice,
    /// `video`: MP4 up to 10 MB.
    Video,
    /// `file`: any file up to 20 MB.
    File,
}

impl MediaType {
    /// As WeCom spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Image => "image",
            MediaType::Voice => "voice",
            MediaType::Video => "video",
            MediaType::File => "file",
        }
    }
}

/// `media/upload` (上传临时素材): uploads a temporary media file, kept 3 days, for messages.
#[derive(Clone, Debug, PartialEq)]
pub struct UploadMedia {
    /// The query parameter `type`.
    pub kind: MediaType,
    /// The form field `media`.
    pub media: Upload,
}

impl UploadMedia {
    /// Uploads `media` as `kind`.
    pub fn new(kind: MediaType, media: Upload) -> Self {
        Self { kind, media }
    }
}

/// The answer of `media/upload` and `media/upload_attachment`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadedMedia {
    /// `type`: the media type.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The media id, valid 3 days.
    #[serde(default)]
    pub media_id: String,
    /// Upload time, Unix seconds (WeCom sends it as text).
    #[serde(default, deserialize_with = "crate::lenient::u64")]
    pub created_at: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `media/uploadimg` (上传图片): uploads a JPG or PNG (up to 2 MB) for use in message bodies and
/// articles; the URL stays valid.
#[derive(Clone, Debug, PartialEq)]
pub struct UploadImage {
    /// The form field `media`.
    pub media: Upload,
}

/// The answer of `media/uploadimg`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadedImage {
    /// The image URL.
    #[serde(default)]
    pub url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The kind of an attachment (`media_type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttachmentMediaType {
    /// `image`
    Image,
    /// `video`
    Video,
    /// `file`
    File,
}

impl AttachmentMediaType {
    /// As WeCom spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            AttachmentMediaType::Image => "image",
            AttachmentMediaType::Video => "video",
            AttachmentMediaType::File => "file",
        }
    }
}

/// What an attachment is for (`attachment_type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AttachmentType {
    /// `1`: a customer-contact Moments post.
    Moments,
    /// `2`: a product album.
    ProductAlbum,
}

impl AttachmentType {
    /// The number WeCom reads.
    pub fn code(self) -> u8 {
        match self {
            AttachmentType::Moments => 1,
            AttachmentType::ProductAlbum => 2,
        }
    }
}

/// `media/upload_attachment` (上传附件资源): uploads an attachment for Moments posts or product
/// albums, kept 3 days.
#[derive(Clone, Debug, PartialEq)]
pub struct UploadAttachment {
    /// The query parameter `media_type`.
    pub media_type: AttachmentMediaType,
    /// The query parameter `attachment_type`.
    pub attachment_type: AttachmentType,
    /// The form field `media`.
    pub media: Upload,
}

/// `media/get` (获取临时素材): downloads a temporary media file; large files may be fetched in
/// ranges by the caller. A JSON answer is WeCom's error.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetMedia {
    /// The media id.
    pub media_id: String,
}

impl GetMedia {
    /// Downloads `media_id`.
    pub fn new(media_id: impl Into<String>) -> Self {
        Self {
            media_id: media_id.into(),
        }
    }
}

/// `media/get/jssdk` (获取高清语音素材): downloads a voice recorded with the JS-SDK
/// `uploadVoice`, as 16 kHz speex.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetHdVoice {
    /// The `serverId` that `uploadVoice` returned.
    pub media_id: String,
}

crate::endpoint! {
    area: "work";

    UploadMedia => UploadedMedia {
        POST Work "/cgi-bin/media/upload",
        auth: AccessToken, repeat: Safe,
        query: |r| Ok(vec![("type".into(), r.kind.as_str().into())]),
        body: |r| Ok(Body::Multipart(r.media.form("media"))),
        json: none,
        doc: "https://developer.work.weixin.qq.com/document/path/90253",
    }
    UploadImage => UploadedImage {
        POST Work "/cgi-bin/media/uploadimg",
        auth: AccessToken, repeat: Safe,
        body: |r| Ok(Body::Multipart(r.media.form("media"))),
        json: none,
        doc: "https://developer.work.weixin.qq.com/document/path/90256",
    }
    UploadAttachment => UploadedMedia {
        POST Work "/cgi-bin/media/upload_attachment",
        auth: AccessToken, repeat: Safe,
        query: |r| Ok(vec![
            ("media_type".into(), r.media_type.as_str().into()),
            ("attachment_type".into(), r.attachment_type.code().to_string()),
        ]),
        body: |r| Ok(Body::Multipart(r.media.form("media"))),
        json: none,
        doc: "https://developer.work.weixin.qq.com/document/path/95098",
    }
    GetMedia => Binary {
        GET Work "/cgi-bin/media/get",
        auth: AccessToken, repeat: Safe,
        envelope: Binary,
        doc: "https://developer.work.weixin.qq.com/document/path/90254",
    }
    GetHdVoice => Binary {
        GET Work "/cgi-bin/media/get/jssdk",
        auth: AccessToken, repeat: Safe,
        envelope: Binary,
        doc: "https://developer.work.weixin.qq.com/document/path/90255",
    }
}
