//! Mass messages to customers (群发): tasks, their members and results, reminders and cancels.
//!
//! The message attachments ([`Attachment`]) are those of every customer-contact message:
//! mass messages, moments and welcome messages.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::api::paging::{CursorPage, cursor_items, cursor_pages};
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::Ack;
use crate::error::Result;
use crate::lenient;

/// The text of a customer-contact message (`{"content": ...}`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AttachmentText {
    /// The text (up to 4000 bytes).
    #[serde(default)]
    pub content: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl AttachmentText {
    /// The text `content`.
    pub fn new(content: impl Into<String>) -> Self {
        Self {
            content: content.into(),
            extra: Default::default(),
        }
    }
}

/// An attachment of a customer-contact message, by `msgtype`: image, link, Mini Program, video
/// or file. Written `{"msgtype": "image", "image": {...}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "msgtype", rename_all = "lowercase")]
pub enum Attachment {
    /// An image (`msgtype` `image`).
    Image {
        /// The image.
        image: AttachmentImage,
    },
    /// A link card (`msgtype` `link`).
    Link {
        /// The link.
        link: AttachmentLink,
    },
    /// A Mini Program card (`msgtype` `miniprogram`).
    Miniprogram {
        /// The Mini Program.
        miniprogram: AttachmentMiniprogram,
    },
    /// A video (`msgtype` `video`).
    Video {
        /// The video.
        video: AttachmentMedia,
    },
    /// A file (`msgtype` `file`).
    File {
        /// The file.
        file: AttachmentMedia,
    },
    /// An attachment of a type this SDK does not name, kept as WeChat sent it.
    #[serde(untagged)]
    Other(serde_json::Value),
}

impl Attachment {
    /// An image uploaded as temporary media `media_id`.
    pub fn image(media_id: impl Into<String>) -> Self {
        Self::Image {
            image: AttachmentImage {
                media_id: media_id.into(),
                ..Default::default()
            },
        }
    }

    /// An image at `pic_url` (from `media/uploadimg`).
    pub fn image_url(pic_url: impl Into<String>) -> Self {
        Self::Image {
            image: AttachmentImage {
                pic_url: pic_url.into(),
                ..Default::default()
            },
        }
    }

    /// A link card with its title and URL.
    pub fn link(title: impl Into<String>, url: impl Into<String>) -> Self {
        Self::Link {
            link: AttachmentLink {
                title: title.into(),
                url: url.into(),
                ..Default::default()
            },
        }
    }

    /// A Mini Program card: its title, cover (temporary media), app id and page.
    pub fn miniprogram(
        title: impl Into<String>,
        pic_media_id: impl Into<String>,
        appid: impl Into<String>,
        page: impl Into<String>,
    ) -> Self {
        Self::Miniprogram {
            miniprogram: AttachmentMiniprogram {
                title: title.into(),
                pic_media_id: pic_media_id.into(),
                appid: appid.into(),
                page: page.into(),
                extra: Default::default(),
            },
        }
    }

    /// A video uploaded as temporary media `media_id`.
    pub fn video(media_id: impl Into<String>) -> Self {
        Self::Video {
            video: AttachmentMedia::new(media_id),
        }
    }

    /// A file uploaded as temporary media `media_id`.
    pub fn file(media_id: impl Into<String>) -> Self {
        Self::File {
            file: AttachmentMedia::new(media_id),
        }
    }
}

/// An image attachment: temporary media or an uploaded image's URL.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AttachmentImage {
    /// The image's temporary media id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub media_id: String,
    /// The image's URL (from `media/uploadimg`), instead of `media_id`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pic_url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl AttachmentImage {
    /// The image uploaded as temporary media `media_id`.
    pub fn media(media_id: impl Into<String>) -> Self {
        Self {
            media_id: media_id.into(),
            ..Self::default()
        }
    }

    /// The picture at `pic_url` (from `media/uploadimg`).
    pub fn url(pic_url: impl Into<String>) -> Self {
        Self {
            pic_url: pic_url.into(),
            ..Self::default()
        }
    }
}

/// A link card attachment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AttachmentLink {
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The cover image's URL.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub picurl: String,
    /// The description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub desc: String,
    /// The page opened.
    #[serde(default)]
    pub url: String,
    /// The cover as temporary media (moments).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub media_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl AttachmentLink {
    /// A link to `url` titled `title`.
    pub fn new(title: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            url: url.into(),
            ..Self::default()
        }
    }
}

/// A Mini Program card attachment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AttachmentMiniprogram {
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The cover's temporary media id.
    #[serde(default)]
    pub pic_media_id: String,
    /// The Mini Program's app id (linked to the corp).
    #[serde(default)]
    pub appid: String,
    /// The page opened.
    #[serde(default)]
    pub page: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl AttachmentMiniprogram {
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

/// A video or file attachment: temporary media.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AttachmentMedia {
    /// The temporary media id.
    #[serde(default)]
    pub media_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl AttachmentMedia {
    /// The temporary media `media_id`.
    pub fn new(media_id: impl Into<String>) -> Self {
        Self {
            media_id: media_id.into(),
            extra: Default::default(),
        }
    }
}

/// Customers picked by tags: the groups are ANDed, the tags within a group ORed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupMsgTagFilter {
    /// The groups of tags.
    #[serde(default)]
    pub group_list: Vec<GroupMsgTagGroup>,
}

/// A group of tags of [`GroupMsgTagFilter`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupMsgTagGroup {
    /// The tag ids.
    #[serde(default)]
    pub tag_list: Vec<String>,
}

/// `add_msg_template` (创建企业群发): a mass message that members send to their customers
/// (`chat_type` `single`) or customer groups (`group`), each confirming it in the app.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddMsgTemplate {
    /// `single` (customers, the default) or `group` (customer groups).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_type: Option<String>,
    /// The customers (at most 10 000), for `single`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_userid: Vec<String>,
    /// The customer groups (at most 2000), for `group`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chat_id_list: Vec<String>,
    /// Customers picked by tags, for `single`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag_filter: Option<GroupMsgTagFilter>,
    /// The member who sends it (required for `group`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender: Option<String>,
    /// Whether the sender may pick the receivers again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_select: Option<bool>,
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<AttachmentText>,
    /// The attachments (at most 9).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

impl AddMsgTemplate {
    /// A message to these customers.
    pub fn to_customers<I: IntoIterator<Item = impl Into<String>>>(external_userids: I) -> Self {
        Self {
            chat_type: Some("single".into()),
            external_userid: external_userids.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// A message `sender` sends to the customer groups they own.
    pub fn to_groups(sender: impl Into<String>) -> Self {
        Self {
            chat_type: Some("group".into()),
            sender: Some(sender.into()),
            ..Self::default()
        }
    }

    /// The member who sends it.
    pub fn sender(mut self, sender: impl Into<String>) -> Self {
        self.sender = Some(sender.into());
        self
    }

    /// Its text.
    pub fn text(mut self, content: impl Into<String>) -> Self {
        self.text = Some(AttachmentText::new(content));
        self
    }

    /// One attachment more.
    pub fn attachment(mut self, attachment: Attachment) -> Self {
        self.attachments.push(attachment);
        self
    }
}

/// What [`AddMsgTemplate`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupMsgCreated {
    /// The customers it cannot be sent to (not a contact of any member).
    #[serde(default)]
    pub fail_list: Vec<String>,
    /// The new message's id.
    #[serde(default)]
    pub msgid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `get_groupmsg_list_v2` (获取群发记录列表): one page of the mass messages created in a time
/// range (at most a month). See [`group_msgs`] to walk them all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetGroupMsgListV2 {
    /// `single` or `group`.
    pub chat_type: String,
    /// From (Unix seconds).
    pub start_time: u64,
    /// To (Unix seconds).
    pub end_time: u64,
    /// Only those this member created or sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// `0` by the corp, `1` by members, `2` all (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_type: Option<u8>,
    /// Messages per page, at most 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl GetGroupMsgListV2 {
    /// The `chat_type` messages created from `start_time` to `end_time`.
    pub fn new(chat_type: impl Into<String>, start_time: u64, end_time: u64) -> Self {
        Self {
            chat_type: chat_type.into(),
            start_time,
            end_time,
            ..Self::default()
        }
    }
}

/// What [`GetGroupMsgListV2`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupMsgPage {
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// The messages.
    #[serde(default)]
    pub group_msg_list: Vec<GroupMsg>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A mass message of [`GroupMsgPage`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupMsg {
    /// The message's id.
    #[serde(default)]
    pub msgid: String,
    /// The member who created it (messages by members).
    #[serde(default)]
    pub creator: String,
    /// When it was created (Unix seconds, as WeCom sends it).
    #[serde(default, deserialize_with = "lenient::text")]
    pub create_time: String,
    /// `0` by the corp, `1` by a member.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub create_type: u64,
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<AttachmentText>,
    /// The attachments.
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `get_groupmsg_task` (获取群发成员发送任务列表): one page of the members asked to send a
/// mass message, and whether they did. See [`group_msg_tasks`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetGroupMsgTask {
    /// The message's id.
    pub msgid: String,
    /// Members per page, at most 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// What [`GetGroupMsgTask`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupMsgTaskPage {
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// The members' tasks.
    #[serde(default)]
    pub task_list: Vec<GroupMsgTask>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member's sending task of a mass message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupMsgTask {
    /// The member.
    #[serde(default)]
    pub userid: String,
    /// `0` not sent, `2` sent.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub status: u64,
    /// When it was sent (Unix seconds), if it was.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub send_time: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `get_groupmsg_send_result` (获取企业群发成员执行结果): one page of the customers (or groups)
/// a member's mass message went to, and the outcome. See [`group_msg_send_results`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetGroupMsgSendResult {
    /// The message's id.
    pub msgid: String,
    /// The member who sends it.
    pub userid: String,
    /// Entries per page, at most 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// What [`GetGroupMsgSendResult`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupMsgSendPage {
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// The receivers and outcomes.
    #[serde(default)]
    pub send_list: Vec<GroupMsgSend>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One receiver of a mass message and the outcome.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupMsgSend {
    /// The customer (messages to customers).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub external_userid: String,
    /// The customer group (messages to groups).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub chat_id: String,
    /// The member who sends it.
    #[serde(default)]
    pub userid: String,
    /// `0` not sent, `1` sent, `2` not a friend, `3` the customer's daily limit reached.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub status: u64,
    /// When it was sent (Unix seconds), if it was.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub send_time: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `remind_groupmsg_send` (提醒成员群发): reminds the members who have not sent a mass
/// message yet (at most 3 times a message, once an hour).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RemindGroupMsgSend {
    /// The message's id.
    pub msgid: String,
}

impl RemindGroupMsgSend {
    /// Reminds the members of `msgid`.
    pub fn new(msgid: impl Into<String>) -> Self {
        Self {
            msgid: msgid.into(),
        }
    }
}

/// `cancel_groupmsg_send` (停止企业群发): stops a mass message for the members who have not
/// sent it yet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CancelGroupMsgSend {
    /// The message's id.
    pub msgid: String,
}

impl CancelGroupMsgSend {
    /// Stops `msgid`.
    pub fn new(msgid: impl Into<String>) -> Self {
        Self {
            msgid: msgid.into(),
        }
    }
}

crate::endpoint! {
    area: "work";

    AddMsgTemplate => GroupMsgCreated {
        POST Work "/cgi-bin/externalcontact/add_msg_template",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/92135",
    }
    GetGroupMsgListV2 => GroupMsgPage {
        POST Work "/cgi-bin/externalcontact/get_groupmsg_list_v2",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93338",
    }
    GetGroupMsgTask => GroupMsgTaskPage {
        POST Work "/cgi-bin/externalcontact/get_groupmsg_task",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93338",
    }
    GetGroupMsgSendResult => GroupMsgSendPage {
        POST Work "/cgi-bin/externalcontact/get_groupmsg_send_result",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93338",
    }
    RemindGroupMsgSend => Ack {
        POST Work "/cgi-bin/externalcontact/remind_groupmsg_send",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/97610",
    }
    CancelGroupMsgSend => Ack {
        POST Work "/cgi-bin/externalcontact/cancel_groupmsg_send",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/97611",
    }
}

impl CursorPage for GroupMsgPage {
    type Item = GroupMsg;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<GroupMsg> {
        self.group_msg_list
    }
}

impl CursorPage for GroupMsgTaskPage {
    type Item = GroupMsgTask;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<GroupMsgTask> {
        self.task_list
    }
}

impl CursorPage for GroupMsgSendPage {
    type Item = GroupMsgSend;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<GroupMsgSend> {
        self.send_list
    }
}

/// Every page of [`GetGroupMsgListV2`] for `query` (its `cursor` replaced page by page). A
/// failed call is yielded and ends the stream.
pub fn group_msg_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    query: GetGroupMsgListV2,
) -> impl Stream<Item = Result<GroupMsgPage>> + 'a {
    cursor_pages(client, move |cursor| GetGroupMsgListV2 {
        cursor,
        ..query.clone()
    })
}

/// Every mass message of [`GetGroupMsgListV2`] for `query`, one by one. An error is yielded and
/// ends the stream.
pub fn group_msgs<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    query: GetGroupMsgListV2,
) -> impl Stream<Item = Result<GroupMsg>> + 'a {
    cursor_items(client, move |cursor| GetGroupMsgListV2 {
        cursor,
        ..query.clone()
    })
}

/// Every member's task of the mass message `msgid` ([`GetGroupMsgTask`]), one by one. An
/// error is yielded and ends the stream.
pub fn group_msg_tasks<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    msgid: impl Into<String>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<GroupMsgTask>> + 'a {
    let msgid = msgid.into();
    cursor_items(client, move |cursor| GetGroupMsgTask {
        msgid: msgid.clone(),
        limit,
        cursor,
    })
}

/// Every receiver of `userid`'s mass message `msgid` ([`GetGroupMsgSendResult`]), one by one.
/// An error is yielded and ends the stream.
pub fn group_msg_send_results<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    msgid: impl Into<String>,
    userid: impl Into<String>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<GroupMsgSend>> + 'a {
    let (msgid, userid) = (msgid.into(), userid.into());
    cursor_items(client, move |cursor| GetGroupMsgSendResult {
        msgid: msgid.clone(),
        userid: userid.clone(),
        limit,
        cursor,
    })
}
