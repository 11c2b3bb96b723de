//! Welcome messages (欢迎语): to new customers, and group welcome templates. Their attachments
//! are those of every customer-contact message ([`Attachment`]).

use serde::{Deserialize, Serialize};

use super::groupmsg::{
    Attachment, AttachmentImage, AttachmentLink, AttachmentMedia, AttachmentMiniprogram, AttachmentText,
};
use crate::endpoint::Ack;

/// `externalcontact/send_welcome_msg` (发送新客户欢迎语): the welcome message to a new
/// customer, with the `WelcomeCode` of its add event (valid 20 seconds).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SendWelcomeMsg {
    /// The code from the `add_external_contact` event.
    pub welcome_code: String,
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<AttachmentText>,
    /// At most 9 attachments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

impl SendWelcomeMsg {
    /// The text `content` for `welcome_code`.
    pub fn text(welcome_code: impl Into<String>, content: impl Into<String>) -> Self {
        Self {
            welcome_code: welcome_code.into(),
            text: Some(AttachmentText::new(content)),
            attachments: Vec::new(),
        }
    }

    /// Adds an attachment.
    pub fn attach(mut self, attachment: Attachment) -> Self {
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
    pub text: Option<AttachmentText>,
    /// An image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<AttachmentImage>,
    /// A link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<AttachmentLink>,
    /// A Mini Program card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<AttachmentMiniprogram>,
    /// A file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<AttachmentMedia>,
    /// A video.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<AttachmentMedia>,
}

impl GroupWelcomeContent {
    /// The text `content`.
    pub fn text(content: impl Into<String>) -> Self {
        Self {
            text: Some(AttachmentText::new(content)),
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
    pub text: Option<AttachmentText>,
    /// An image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<AttachmentImage>,
    /// A link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<AttachmentLink>,
    /// A Mini Program card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<AttachmentMiniprogram>,
    /// A file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<AttachmentMedia>,
    /// A video.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<AttachmentMedia>,
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
