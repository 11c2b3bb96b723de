//! Group chats made by the app (群聊会话, appchat): create, update, get, send.
//!
//! Messages reuse the bodies of app messages ([`super::message`]).

use serde::{Deserialize, Serialize};

use super::message::{
    MarkdownContent, MediaContent, MpNewsArticle, MpNewsContent, NewsArticle, NewsContent,
    TextCardContent, TextContent, VideoContent, message_enum,
};
use crate::endpoint::Ack;

/// `appchat/create` (创建群聊会话): creates a group chat of 2 to 2000 members.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateAppChat {
    /// The chat's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The owner (a random member when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// The members, the owner included.
    pub userlist: Vec<String>,
    /// The chat's id (letters and digits, at most 32); WeCom makes one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chatid: Option<String>,
}

impl CreateAppChat {
    /// A chat of `userlist`.
    pub fn new<I, S>(userlist: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            userlist: userlist.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// Names the chat.
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the owner.
    pub fn owned_by(mut self, owner: impl Into<String>) -> Self {
        self.owner = Some(owner.into());
        self
    }

    /// Chooses the chat's id.
    pub fn with_chatid(mut self, chatid: impl Into<String>) -> Self {
        self.chatid = Some(chatid.into());
        self
    }
}

/// The answer of `appchat/create`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreatedAppChat {
    /// The chat's id.
    #[serde(default)]
    pub chatid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `appchat/update` (修改群聊会话): renames a chat, changes its owner, adds and removes members.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateAppChat {
    /// The chat's id.
    pub chatid: String,
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new owner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Members to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_user_list: Vec<String>,
    /// Members to remove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub del_user_list: Vec<String>,
}

impl UpdateAppChat {
    /// Changes nothing yet of the chat `chatid`.
    pub fn new(chatid: impl Into<String>) -> Self {
        Self {
            chatid: chatid.into(),
            ..Self::default()
        }
    }
}

/// `appchat/get` (获取群聊会话): a chat's name, owner and members.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetAppChat {
    /// The chat's id.
    pub chatid: String,
}

impl GetAppChat {
    /// The chat `chatid`.
    pub fn new(chatid: impl Into<String>) -> Self {
        Self {
            chatid: chatid.into(),
        }
    }
}

/// The answer of `appchat/get`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AppChatAnswer {
    /// The chat.
    #[serde(default)]
    pub chat_info: AppChatInfo,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A group chat.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AppChatInfo {
    /// Its id.
    #[serde(default)]
    pub chatid: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its owner.
    #[serde(default)]
    pub owner: String,
    /// Its members.
    #[serde(default)]
    pub userlist: Vec<String>,
    /// 0: made by the app (the only kind this API manages).
    #[serde(default, deserialize_with = "crate::lenient::opt_i64")]
    pub chat_type: Option<i64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

message_enum! {
    /// A group chat message, by `msgtype`.
    pub enum AppChatMessage {
        /// `text`.
        Text(TextContent) = "text",
        /// `image`.
        Image(MediaContent) = "image",
        /// `voice`.
        Voice(MediaContent) = "voice",
        /// `video`.
        Video(VideoContent) = "video",
        /// `file`.
        File(MediaContent) = "file",
        /// `textcard`.
        TextCard(TextCardContent) = "textcard",
        /// `news`.
        News(NewsContent) = "news",
        /// `mpnews`.
        MpNews(MpNewsContent) = "mpnews",
        /// `markdown`.
        Markdown(MarkdownContent) = "markdown",
    }
}

/// `appchat/send` (应用推送消息): sends a message to a group chat the app made. Never retried
/// automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SendAppChat {
    /// The chat's id.
    pub chatid: String,
    /// The message: `msgtype` and its body.
    #[serde(flatten)]
    pub message: AppChatMessage,
    /// 1: confidential (no forwarding, watermarked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safe: Option<u8>,
}

impl SendAppChat {
    /// `message` to the chat `chatid`.
    pub fn new(chatid: impl Into<String>, message: AppChatMessage) -> Self {
        Self {
            chatid: chatid.into(),
            message,
            safe: None,
        }
    }

    /// A `text` message.
    pub fn text(chatid: impl Into<String>, content: impl Into<String>) -> Self {
        Self::new(
            chatid,
            AppChatMessage::Text(TextContent {
                content: content.into(),
            }),
        )
    }

    /// An `image` message from a media id.
    pub fn image(chatid: impl Into<String>, media_id: impl Into<String>) -> Self {
        Self::new(chatid, AppChatMessage::Image(media(media_id)))
    }

    /// A `voice` message from a media id.
    pub fn voice(chatid: impl Into<String>, media_id: impl Into<String>) -> Self {
        Self::new(chatid, AppChatMessage::Voice(media(media_id)))
    }

    /// A `video` message from a media id.
    pub fn video(chatid: impl Into<String>, media_id: impl Into<String>) -> Self {
        Self::new(
            chatid,
            AppChatMessage::Video(VideoContent {
                media_id: media_id.into(),
                ..VideoContent::default()
            }),
        )
    }

    /// A `file` message from a media id.
    pub fn file(chatid: impl Into<String>, media_id: impl Into<String>) -> Self {
        Self::new(chatid, AppChatMessage::File(media(media_id)))
    }

    /// A `textcard` message.
    pub fn textcard(
        chatid: impl Into<String>,
        title: impl Into<String>,
        description: impl Into<String>,
        url: impl Into<String>,
    ) -> Self {
        Self::new(
            chatid,
            AppChatMessage::TextCard(TextCardContent {
                title: title.into(),
                description: description.into(),
                url: url.into(),
                btntxt: None,
            }),
        )
    }

    /// A `news` message.
    pub fn news(chatid: impl Into<String>, articles: Vec<NewsArticle>) -> Self {
        Self::new(chatid, AppChatMessage::News(NewsContent { articles }))
    }

    /// An `mpnews` message.
    pub fn mpnews(chatid: impl Into<String>, articles: Vec<MpNewsArticle>) -> Self {
        Self::new(chatid, AppChatMessage::MpNews(MpNewsContent { articles }))
    }

    /// A `markdown` message.
    pub fn markdown(chatid: impl Into<String>, content: impl Into<String>) -> Self {
        Self::new(
            chatid,
            AppChatMessage::Markdown(MarkdownContent {
                content: content.into(),
            }),
        )
    }

    /// Marks the message confidential (`safe` 1).
    pub fn safe(mut self) -> Self {
        self.safe = Some(1);
        self
    }
}

fn media(media_id: impl Into<String>) -> MediaContent {
    MediaContent {
        media_id: media_id.into(),
    }
}

crate::endpoint! {
    area: "work";

    CreateAppChat => CreatedAppChat {
        POST Work "/cgi-bin/appchat/create",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/90245",
    }
    UpdateAppChat => Ack {
        POST Work "/cgi-bin/appchat/update",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/98913",
    }
    GetAppChat => AppChatAnswer {
        GET Work "/cgi-bin/appchat/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/98914",
    }
    SendAppChat => Ack {
        POST Work "/cgi-bin/appchat/send",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/90248",
    }
}
