//! Group robots (群机器人): webhook messages and file uploads, authorized by the webhook key.
//!
//! The client of a robot is built with [`Auth::Webhook`](crate::auth::Auth::Webhook): the
//! driver puts the key in the query as `key=...`; it never appears in a request's `Debug`, an
//! error, or a log line.

use serde::{Deserialize, Serialize};

use super::message::{
    MarkdownContent, MediaContent, NewsArticle, NewsContent, TemplateCard, message_enum,
};
use crate::endpoint::{Ack, Body, Multipart};

/// The body of a robot's `text` message, with its mentions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RobotText {
    /// The text (at most 2048 bytes).
    pub content: String,
    /// Members to mention by user id (`@all`: everyone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentioned_list: Vec<String>,
    /// Members to mention by mobile number (`@all`: everyone).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentioned_mobile_list: Vec<String>,
}

/// The body of a robot's `image` message: the picture itself (JPG or PNG, at most 2 MB).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct RobotImage {
    /// The picture, standard base64.
    pub base64: String,
    /// The MD5 of the picture (before base64), lowercase hex.
    pub md5: String,
}

impl RobotImage {
    /// The picture `bytes`, encoded and hashed.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        use md5::{Digest, Md5};
        Self {
            base64: base64_simd::STANDARD.encode_to_string(bytes),
            md5: hex::encode(Md5::digest(bytes)),
        }
    }
}

impl std::fmt::Debug for RobotImage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RobotImage")
            .field("base64_len", &self.base64.len())
            .field("md5", &self.md5)
            .finish()
    }
}

message_enum! {
    /// A group robot message, by `msgtype`.
    pub enum RobotMessage {
        /// `text`, with mentions.
        Text(RobotText) = "text",
        /// `markdown` (mentions as `<@userid>`).
        Markdown(MarkdownContent) = "markdown",
        /// `markdown_v2`: tables, lists, code blocks; no colors or mentions.
        MarkdownV2(MarkdownContent) = "markdown_v2",
        /// `image`.
        Image(RobotImage) = "image",
        /// `news`: one to eight linked articles.
        News(NewsContent) = "news",
        /// `file`: a media id from `webhook/upload_media`.
        File(MediaContent) = "file",
        /// `voice`: a media id from `webhook/upload_media` (AMR, at most 60 s).
        Voice(MediaContent) = "voice",
        /// `template_card`: `text_notice` or `news_notice`.
        TemplateCard(Box<TemplateCard>) = "template_card",
    }
}

/// `webhook/send` (群机器人发送消息): sends a message to the robot's group. Never retried
/// automatically (20 messages a minute per robot).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SendRobotMessage {
    /// The message: `msgtype` and its body.
    #[serde(flatten)]
    pub message: RobotMessage,
}

impl SendRobotMessage {
    /// Sends `message`.
    pub fn new(message: RobotMessage) -> Self {
        Self { message }
    }

    /// A `text` message.
    pub fn text(content: impl Into<String>) -> Self {
        Self::new(RobotMessage::Text(RobotText {
            content: content.into(),
            ..RobotText::default()
        }))
    }

    /// Mentions members by user id (`text` messages; ignored by the others).
    pub fn mention<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        if let RobotMessage::Text(t) = &mut self.message {
            t.mentioned_list.extend(userids.into_iter().map(Into::into));
        }
        self
    }

    /// Mentions members by mobile number (`text` messages; ignored by the others).
    pub fn mention_mobiles<I, S>(mut self, mobiles: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        if let RobotMessage::Text(t) = &mut self.message {
            t.mentioned_mobile_list
                .extend(mobiles.into_iter().map(Into::into));
        }
        self
    }

    /// A `markdown` message.
    pub fn markdown(content: impl Into<String>) -> Self {
        Self::new(RobotMessage::Markdown(MarkdownContent {
            content: content.into(),
        }))
    }

    /// A `markdown_v2` message.
    pub fn markdown_v2(content: impl Into<String>) -> Self {
        Self::new(RobotMessage::MarkdownV2(MarkdownContent {
            content: content.into(),
        }))
    }

    /// An `image` message from the picture's bytes (base64 and MD5 computed).
    pub fn image(bytes: &[u8]) -> Self {
        Self::new(RobotMessage::Image(RobotImage::from_bytes(bytes)))
    }

    /// A `news` message.
    pub fn news(articles: Vec<NewsArticle>) -> Self {
        Self::new(RobotMessage::News(NewsContent { articles }))
    }

    /// A `file` message from an uploaded media id.
    pub fn file(media_id: impl Into<String>) -> Self {
        Self::new(RobotMessage::File(MediaContent {
            media_id: media_id.into(),
        }))
    }

    /// A `voice` message from an uploaded media id.
    pub fn voice(media_id: impl Into<String>) -> Self {
        Self::new(RobotMessage::Voice(MediaContent {
            media_id: media_id.into(),
        }))
    }

    /// A `template_card` message.
    pub fn template_card(card: TemplateCard) -> Self {
        Self::new(RobotMessage::TemplateCard(Box::new(card)))
    }
}

/// What `webhook/upload_media` uploads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RobotMediaType {
    /// `file`: any file, 5 bytes to 20 MB.
    File,
    /// `voice`: AMR, at most 2 MB and 60 s.
    Voice,
}

impl RobotMediaType {
    /// The query value.
    pub fn as_str(self) -> &'static str {
        match self {
            RobotMediaType::File => "file",
            RobotMediaType::Voice => "voice",
        }
    }
}

/// `webhook/upload_media` (群机器人上传文件): uploads a file or voice for the robot's `file` and
/// `voice` messages; the media id lasts 3 days, for this robot only.
#[derive(Clone, PartialEq)]
pub struct UploadRobotMedia {
    /// The query parameter `type`.
    pub kind: RobotMediaType,
    /// The file name WeCom shows.
    pub filename: String,
    /// The content.
    pub bytes: Vec<u8>,
}

impl UploadRobotMedia {
    /// A file.
    pub fn file(filename: impl Into<String>, bytes: Vec<u8>) -> Self {
        Self {
            kind: RobotMediaType::File,
            filename: filename.into(),
            bytes,
        }
    }

    /// A voice (AMR).
    pub fn voice(filename: impl Into<String>, bytes: Vec<u8>) -> Self {
        Self {
            kind: RobotMediaType::Voice,
            filename: filename.into(),
            bytes,
        }
    }

    /// The form: the file as the field `media`.
    fn form(&self) -> crate::error::Result<Body> {
        let content_type = match self.kind {
            RobotMediaType::Voice => "audio/amr",
            RobotMediaType::File => "application/octet-stream",
        };
        Ok(Body::Multipart(Multipart::new().file(
            "media",
            self.filename.as_str(),
            content_type,
            self.bytes.clone(),
        )))
    }
}

impl std::fmt::Debug for UploadRobotMedia {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadRobotMedia")
            .field("kind", &self.kind)
            .field("filename", &self.filename)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// The answer of `webhook/upload_media`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RobotMedia {
    /// `type`: `file` or `voice`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The media id, for `file` and `voice` messages.
    #[serde(default)]
    pub media_id: String,
    /// When it was uploaded, Unix seconds (sent as a string).
    #[serde(
        default,
        deserialize_with = "crate::lenient::u64",
        serialize_with = "crate::lenient::u64_as_string"
    )]
    pub created_at: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    SendRobotMessage => Ack {
        POST Work "/cgi-bin/webhook/send",
        auth: WebhookKey, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/91770",
    }
    UploadRobotMedia => RobotMedia {
        POST Work "/cgi-bin/webhook/upload_media",
        auth: WebhookKey, repeat: Safe,
        query: |r| Ok(vec![("type".into(), r.kind.as_str().into())]),
        body: UploadRobotMedia::form,
        json: none,
        doc: "https://developer.work.weixin.qq.com/document/path/91770",
    }
}
