//! Welcome messages (欢迎语): to new customers, and group welcome templates.

use serde::{Deserialize, Serialize};

use crate::endpoint::Ack;

/// A text (`text`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WelcomeText {
    /// The text, at most 4000 bytes; `%NICKNAME%` stands for the customer's name in group
    /// welcome templates.
    #[serde(default)]
    pub content: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl WelcomeText {
    /// The text `content`.
    pub fn new(content: impl Into<String>) -> Self {
        Self {
            content: content.into(),
            extra: Default::default(),
        }
    }
}

/// An image (`image`): an uploaded temporary media id, or a picture URL.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WelcomeImage {
    /// The temporary media id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// The picture's URL (from `media/uploadimg`); answers give this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pic_url: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl WelcomeImage {
    /// The image `media_id`.
    pub fn media(media_id: impl Into<String>) -> Self {
        Self {
            media_id: Some(media_id.into()),
            ..Self::default()
        }
    }

    /// The picture at `pic_url`.
    pub fn url(pic_url: impl Into<String>) -> Self {
        Self {
            pic_url: Some(pic_url.into()),
            ..Self::default()
        }
    }
}

/// A link (`link`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WelcomeLink {
    /// The title, at most 128 bytes.
    #[serde(default)]
    pub title: String,
    /// The cover's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picurl: Option<String>,
    /// The description, at most 512 bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// The link's URL.
    #[serde(default)]
    pub url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl WelcomeLink {
    /// A link to `url` titled `title`.
    pub fn new(title: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            url: url.into(),
            ..Self::default()
        }
    }
}

/// A Mini Program card (`miniprogram`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WelcomeMiniprogram {
    /// The title, at most 64 bytes.
    #[serde(default)]
    pub title: String,
    /// The cover, as a temporary media id (1080×864 recommended).
    #[serde(default)]
    pub pic_media_id: String,
    /// The Mini Program's app id (linked to the corp).
    #[serde(default)]
    pub appid: String,
    /// The page opened, ending in `.html`.
    #[serde(default)]
    pub page: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl WelcomeMiniprogram {
    /// The page `page` of `appid`, titled `title`, with the cover `pic_media_id`.
    pub fn new(
        title: impl Into<String>,
        pic_media_id: impl Into<String>,
        appid: impl Into<String>,
        page: impl Into<String>,
    ) -> Self {
        Self {
            title: title.into(),
            pic_media_id: pic_media_id.into(),
            appid: appid.into(),
            page: page.into(),
            extra: Default::default(),
        }
    }
}

/// A video or a file (`video`, `file`), as a temporary media id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WelcomeMedia {
    /// The temporary media id.
    #[serde(default)]
    pub media_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl WelcomeMedia {
    /// The media `media_id`.
    pub fn new(media_id: impl Into<String>) -> Self {
        Self {
            media_id: media_id.into(),
            extra: Default::default(),
        }
    }
}

/// An attachment of a welcome message, by `msgtype`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "msgtype", rename_all = "lowercase")]
#[non_exhaustive]
pub enum WelcomeAttachment {
    /// An image.
    Image {
        /// The image.
        image: WelcomeImage,
    },
    /// A link.
    Link {
        /// The link.
        link: WelcomeLink,
    },
    /// A Mini Program card.
    Miniprogram {
        /// The card.
        miniprogram: WelcomeMiniprogram,
    },
    /// A video.
    Video {
        /// The video.
        video: WelcomeMedia,
    },
    /// A file.
    File {
        /// The file.
        file: WelcomeMedia,
    },
}

impl WelcomeAttachment {
    /// An image, by temporary media id.
    pub fn image(media_id: impl Into<String>) -> Self {
        Self::Image {
            image: WelcomeImage::media(media_id),
        }
    }

    /// A link to `url` titled `title`.
    pub fn link(title: impl Into<String>, url: impl Into<String>) -> Self {
        Self::Link {
            link: WelcomeLink::new(title, url),
        }
    }

    /// A Mini Program card.
    pub fn miniprogram(miniprogram: WelcomeMiniprogram) -> Self {
        Self::Miniprogram { miniprogram }
    }

    /// A video, by temporary media id.
    pub fn video(media_id: impl Into<String>) -> Self {
        Self::Video {
            video: WelcomeMedia::new(media_id),
        }
    }

    /// A file, by temporary media id.
    pub fn file(media_id: impl Into<String>) -> Self {
        Self::File {
            file: WelcomeMedia::new(media_id),
        }
    }
}

/// `externalcontact/send_welcome_msg` (发送新客户欢迎语): the welcome message to a new
/// customer, with the `WelcomeCode` of its add event (valid 20 seconds).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SendWelcomeMsg {
    /// The code from the `add_external_contact` event.
    pub welcome_code: String,
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<WelcomeText>,
    /// At most 9 attachments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<WelcomeAttachment>,
}

impl SendWelcomeMsg {
    /// The text `content` for `welcome_code`.
    pub fn text(welcome_code: impl Into<String>, content: impl Into<String>) -> Self {
        Self {
            welcome_code: welcome_code.into(),
            text: Some(WelcomeText::new(content)),
            attachments: Vec::new(),
        }
    }

    /// Adds an attachment.
    pub fn attach(mut self, attachment: WelcomeAttachment) -> Self {
        self.attachments.push(attachment);
        self
    }
}

/// The content of a group welcome template: text, and one of an image, a link, a Mini
/// Program, a file or a video.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupWelcomeContent {
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<WelcomeText>,
    /// An image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<WelcomeImage>,
    /// A link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<WelcomeLink>,
    /// A Mini Program card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<WelcomeMiniprogram>,
    /// A file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<WelcomeMedia>,
    /// A video.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<WelcomeMedia>,
}

impl GroupWelcomeContent {
    /// The text `content`.
    pub fn text(content: impl Into<String>) -> Self {
        Self {
            text: Some(WelcomeText::new(content)),
            ..Self::default()
        }
    }
}

/// `externalcontact/group_welcome_template/add` (添加入群欢迎语素材): a welcome template for
/// customer group chats.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddGroupWelcomeTemplate {
    /// The content.
    #[serde(flatten)]
    pub content: GroupWelcomeContent,
    /// The app that owns it (third-party apps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
    /// `1` (the default) notifies the members who own group chats, `0` does not.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<u8>,
}

impl AddGroupWelcomeTemplate {
    /// A template with `content`.
    pub fn new(content: GroupWelcomeContent) -> Self {
        Self {
            content,
            agentid: None,
            notify: None,
        }
    }
}

/// What [`AddGroupWelcomeTemplate`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddedGroupWelcomeTemplate {
    /// The template's id.
    #[serde(default)]
    pub template_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/group_welcome_template/edit` (编辑入群欢迎语素材): replaces a template's
/// content.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EditGroupWelcomeTemplate {
    /// The template's id.
    pub template_id: String,
    /// The new content.
    #[serde(flatten)]
    pub content: GroupWelcomeContent,
    /// The app that owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl EditGroupWelcomeTemplate {
    /// `template_id` with `content`.
    pub fn new(template_id: impl Into<String>, content: GroupWelcomeContent) -> Self {
        Self {
            template_id: template_id.into(),
            content,
            agentid: None,
        }
    }
}

/// `externalcontact/group_welcome_template/get` (获取入群欢迎语素材): a template's content.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetGroupWelcomeTemplate {
    /// The template's id.
    pub template_id: String,
}

impl GetGroupWelcomeTemplate {
    /// The template `template_id`.
    pub fn new(template_id: impl Into<String>) -> Self {
        Self {
            template_id: template_id.into(),
        }
    }
}

/// What [`GetGroupWelcomeTemplate`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupWelcomeTemplate {
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<WelcomeText>,
    /// An image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<WelcomeImage>,
    /// A link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<WelcomeLink>,
    /// A Mini Program card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<WelcomeMiniprogram>,
    /// A file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<WelcomeMedia>,
    /// A video.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<WelcomeMedia>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/group_welcome_template/del` (删除入群欢迎语素材): deletes a template.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DelGroupWelcomeTemplate {
    /// The template's id.
    pub template_id: String,
    /// The app that owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl DelGroupWelcomeTemplate {
    /// Deletes `template_id`.
    pub fn new(template_id: impl Into<String>) -> Self {
        Self {
            template_id: template_id.into(),
            agentid: None,
        }
    }
}

crate::endpoint! {
    area: "work";

    SendWelcomeMsg => Ack {
        POST Work "/cgi-bin/externalcontact/send_welcome_msg",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/92137",
    }
    AddGroupWelcomeTemplate => AddedGroupWelcomeTemplate {
        POST Work "/cgi-bin/externalcontact/group_welcome_template/add",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/92366",
    }
    EditGroupWelcomeTemplate => Ack {
        POST Work "/cgi-bin/externalcontact/group_welcome_template/edit",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92366",
    }
    GetGroupWelcomeTemplate => GroupWelcomeTemplate {
        POST Work "/cgi-bin/externalcontact/group_welcome_template/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92366",
    }
    DelGroupWelcomeTemplate => Ack {
        POST Work "/cgi-bin/externalcontact/group_welcome_template/del",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92366",
    }
}
