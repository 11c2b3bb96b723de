//! Customer group chats (客户群): lists, details, join ways, statistics and transfers.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::api::paging::{CursorPage, cursor_items, cursor_pages};
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::Ack;
use crate::error::Result;
use crate::lenient;

/// Members whose group chats (or statistics) are wanted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatOwnerFilter {
    /// The owners' UserIDs.
    #[serde(default)]
    pub userid_list: Vec<String>,
}

impl GroupChatOwnerFilter {
    /// These owners.
    pub fn new<I: IntoIterator<Item = impl Into<String>>>(userids: I) -> Self {
        Self {
            userid_list: userids.into_iter().map(Into::into).collect(),
        }
    }
}

/// `groupchat/list` (获取客户群列表): one page of the customer group chats. See
/// [`group_chats`] to walk them all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListGroupChats {
    /// `0` all (the default), `1` left by a resigned owner and waiting, `2` being transferred,
    /// `3` transferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_filter: Option<u8>,
    /// Only the chats of these owners.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_filter: Option<GroupChatOwnerFilter>,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Chats per page, 1 to 1000.
    pub limit: u32,
}

impl ListGroupChats {
    /// The first page of all chats, `limit` per page.
    pub fn new(limit: u32) -> Self {
        Self {
            limit,
            ..Self::default()
        }
    }
}

/// What [`ListGroupChats`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatPage {
    /// The chats.
    #[serde(default)]
    pub group_chat_list: Vec<GroupChatStatus>,
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A customer group chat and its transfer status.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatStatus {
    /// The chat's id.
    #[serde(default)]
    pub chat_id: String,
    /// `0` normal, `1` waiting for transfer, `2` being transferred, `3` transferred.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub status: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `groupchat/get` (获取客户群详情): a customer group chat, its members and admins.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetGroupChat {
    /// The chat's id.
    pub chat_id: String,
    /// `1` to have the members' names too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_name: Option<u8>,
}

impl GetGroupChat {
    /// The chat `chat_id`, with the members' names.
    pub fn new(chat_id: impl Into<String>) -> Self {
        Self {
            chat_id: chat_id.into(),
            need_name: Some(1),
        }
    }
}

/// What [`GetGroupChat`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatDetail {
    /// The chat.
    #[serde(default)]
    pub group_chat: GroupChat,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A customer group chat.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChat {
    /// The chat's id.
    #[serde(default)]
    pub chat_id: String,
    /// The chat's name.
    #[serde(default)]
    pub name: String,
    /// The owner's UserID.
    #[serde(default)]
    pub owner: String,
    /// When it was created (Unix seconds).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub create_time: u64,
    /// The notice.
    #[serde(default)]
    pub notice: String,
    /// The members.
    #[serde(default)]
    pub member_list: Vec<GroupChatMember>,
    /// The admins.
    #[serde(default)]
    pub admin_list: Vec<GroupChatUser>,
    /// Changes whenever the members change.
    #[serde(default)]
    pub member_version: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member of a customer group chat.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatMember {
    /// The UserID of a member, or the external_userid of a customer.
    #[serde(default)]
    pub userid: String,
    /// `1` a corp member, `2` an external contact.
    #[serde(rename = "type", default, deserialize_with = "lenient::u64")]
    pub kind: u64,
    /// The customer's WeChat unionid (customers of linked apps only).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unionid: String,
    /// When they joined (Unix seconds).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub join_time: u64,
    /// `1` invited directly, `2` by link, `3` by QR code.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub join_scene: u64,
    /// Who invited them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invitor: Option<GroupChatUser>,
    /// Their nickname in the chat.
    #[serde(default)]
    pub group_nickname: String,
    /// Their name (with `need_name`).
    #[serde(default)]
    pub name: String,
    /// The state of the join way they came by.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub state: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member named by UserID (an admin, an invitor).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatUser {
    /// The UserID.
    #[serde(default)]
    pub userid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The settings of a way to join customer groups (加入群聊): a QR code or a Mini Program
/// button leading into chats, new ones made when they fill up.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatJoinWay {
    /// `1` a Mini Program button, `2` a QR code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene: Option<u8>,
    /// A remark (at most 30 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// `1` (the default) to create a new chat when the last one is full, `0` not to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_create_room: Option<u8>,
    /// The name of the chats created (with a number appended).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_base_name: Option<String>,
    /// The number the created chats' names start from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_base_id: Option<u64>,
    /// The chats it leads into (at most 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chat_id_list: Vec<String>,
    /// A tag of the channel (at most 30 characters), given back with the members who join.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

impl GroupChatJoinWay {
    /// A join way of `scene` (`1` Mini Program button, `2` QR code) into these chats.
    pub fn new<I: IntoIterator<Item = impl Into<String>>>(scene: u8, chat_ids: I) -> Self {
        Self {
            scene: Some(scene),
            chat_id_list: chat_ids.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }
}

/// `groupchat/add_join_way` (配置客户群进群方式): creates a way to join customer groups.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddJoinWay {
    /// The settings.
    #[serde(flatten)]
    pub way: GroupChatJoinWay,
}

impl AddJoinWay {
    /// Creates `way`.
    pub fn new(way: GroupChatJoinWay) -> Self {
        Self { way }
    }
}

/// What [`AddJoinWay`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JoinWayCreated {
    /// The new join way's id.
    #[serde(default)]
    pub config_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `groupchat/get_join_way` (获取客户群进群方式配置): a join way's settings and QR code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetJoinWay {
    /// The join way's id.
    pub config_id: String,
}

impl GetJoinWay {
    /// The join way `config_id`.
    pub fn new(config_id: impl Into<String>) -> Self {
        Self {
            config_id: config_id.into(),
        }
    }
}

/// What [`GetJoinWay`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JoinWayDetail {
    /// The join way.
    #[serde(default)]
    pub join_way: JoinWay,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A way to join customer groups, as [`GetJoinWay`] answers it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JoinWay {
    /// Its id.
    #[serde(default)]
    pub config_id: String,
    /// `1` a Mini Program button, `2` a QR code.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub scene: u64,
    /// The remark.
    #[serde(default)]
    pub remark: String,
    /// `1` when new chats are created as the last one fills up.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub auto_create_room: u64,
    /// The name of the chats created.
    #[serde(default)]
    pub room_base_name: String,
    /// The number the created chats' names start from.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub room_base_id: u64,
    /// The chats it leads into.
    #[serde(default)]
    pub chat_id_list: Vec<String>,
    /// The QR code's URL (`scene` 2).
    #[serde(default)]
    pub qr_code: String,
    /// The channel tag.
    #[serde(default)]
    pub state: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `groupchat/update_join_way` (更新客户群进群方式配置): replaces a join way's settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateJoinWay {
    /// The join way's id.
    pub config_id: String,
    /// The new settings.
    #[serde(flatten)]
    pub way: GroupChatJoinWay,
}

impl UpdateJoinWay {
    /// Gives the join way `config_id` the settings `way`.
    pub fn new(config_id: impl Into<String>, way: GroupChatJoinWay) -> Self {
        Self {
            config_id: config_id.into(),
            way,
        }
    }
}

/// `groupchat/del_join_way` (删除客户群进群方式配置): deletes a join way.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DelJoinWay {
    /// The join way's id.
    pub config_id: String,
}

impl DelJoinWay {
    /// Deletes the join way `config_id`.
    pub fn new(config_id: impl Into<String>) -> Self {
        Self {
            config_id: config_id.into(),
        }
    }
}

/// `groupchat/statistic` (按群主聚合的方式): customer group statistics per owner over days.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatStatistic {
    /// The first day (Unix seconds at 00:00).
    pub day_begin_time: u64,
    /// The last day (Unix seconds at 00:00; at most 30 days after the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_end_time: Option<u64>,
    /// The owners (at most 100).
    pub owner_filter: GroupChatOwnerFilter,
    /// Sort by `1` new chats, `2` chats (the default), `3` new members, `4` members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<u8>,
    /// `0` descending (the default), `1` ascending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_asc: Option<u8>,
    /// Where the page starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// Owners per page, at most 1000 (the default 500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl GroupChatStatistic {
    /// The statistics of these owners from `day_begin_time` to `day_end_time`.
    pub fn new<I: IntoIterator<Item = impl Into<String>>>(
        day_begin_time: u64,
        day_end_time: u64,
        owners: I,
    ) -> Self {
        Self {
            day_begin_time,
            day_end_time: Some(day_end_time),
            owner_filter: GroupChatOwnerFilter::new(owners),
            ..Self::default()
        }
    }
}

/// What [`GroupChatStatistic`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatStatByOwner {
    /// How many owners there are in all.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub total: u64,
    /// The offset of the next page.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub next_offset: u64,
    /// The statistics per owner.
    #[serde(default)]
    pub items: Vec<GroupChatOwnerStat>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An owner's customer group statistics.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatOwnerStat {
    /// The owner.
    #[serde(default)]
    pub owner: String,
    /// The figures.
    #[serde(default)]
    pub data: GroupChatStatData,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Customer group figures over a period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatStatData {
    /// New chats.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub new_chat_cnt: u64,
    /// Chats in all.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub chat_total: u64,
    /// Chats with messages.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub chat_has_msg: u64,
    /// New members.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub new_member_cnt: u64,
    /// Members in all.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub member_total: u64,
    /// Members who sent messages.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub member_has_msg: u64,
    /// Messages in all.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub msg_total: u64,
    /// Chats taken over from the owner's trainee period.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub migrate_trainee_chat_cnt: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `groupchat/statistic_group_by_day` (按自然日聚合的方式): customer group statistics of
/// some owners, per day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatStatisticByDay {
    /// The first day (Unix seconds at 00:00).
    pub day_begin_time: u64,
    /// The last day (Unix seconds at 00:00; at most 30 days after the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_end_time: Option<u64>,
    /// The owners (at most 100).
    pub owner_filter: GroupChatOwnerFilter,
}

impl GroupChatStatisticByDay {
    /// The statistics of these owners from `day_begin_time` to `day_end_time`, per day.
    pub fn new<I: IntoIterator<Item = impl Into<String>>>(
        day_begin_time: u64,
        day_end_time: u64,
        owners: I,
    ) -> Self {
        Self {
            day_begin_time,
            day_end_time: Some(day_end_time),
            owner_filter: GroupChatOwnerFilter::new(owners),
        }
    }
}

/// What [`GroupChatStatisticByDay`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatStatByDay {
    /// The statistics per day.
    #[serde(default)]
    pub items: Vec<GroupChatDayStat>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A day's customer group statistics.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatDayStat {
    /// The day (Unix seconds at 00:00).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub stat_time: u64,
    /// The figures.
    #[serde(default)]
    pub data: GroupChatStatData,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `opengid_to_chatid` (客户群opengid转换): the customer group chat behind a Mini Program's
/// `opengid`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OpengidToChatid {
    /// The group's opengid, from the Mini Program.
    pub opengid: String,
}

impl OpengidToChatid {
    /// The chat of `opengid`.
    pub fn new(opengid: impl Into<String>) -> Self {
        Self {
            opengid: opengid.into(),
        }
    }
}

/// What [`OpengidToChatid`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatId {
    /// The customer group chat's id.
    #[serde(default)]
    pub chat_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `groupchat/transfer` (分配离职成员的客户群): gives resigned members' customer group chats
/// to a new owner.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TransferGroupChats {
    /// The chats (1 to 100).
    pub chat_id_list: Vec<String>,
    /// The new owner's UserID.
    pub new_owner: String,
}

impl TransferGroupChats {
    /// Gives these chats to `new_owner`.
    pub fn new<I: IntoIterator<Item = impl Into<String>>>(
        chat_ids: I,
        new_owner: impl Into<String>,
    ) -> Self {
        Self {
            chat_id_list: chat_ids.into_iter().map(Into::into).collect(),
            new_owner: new_owner.into(),
        }
    }
}

/// `groupchat/onjob_transfer` (分配在职成员的客户群): gives serving members' customer group
/// chats to a new owner.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OnjobTransferGroupChats {
    /// The chats (1 to 100).
    pub chat_id_list: Vec<String>,
    /// The new owner's UserID.
    pub new_owner: String,
}

impl OnjobTransferGroupChats {
    /// Gives these chats to `new_owner`.
    pub fn new<I: IntoIterator<Item = impl Into<String>>>(
        chat_ids: I,
        new_owner: impl Into<String>,
    ) -> Self {
        Self {
            chat_id_list: chat_ids.into_iter().map(Into::into).collect(),
            new_owner: new_owner.into(),
        }
    }
}

/// What [`TransferGroupChats`] and [`OnjobTransferGroupChats`] answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatTransferResult {
    /// The chats that were not transferred, and why.
    #[serde(default)]
    pub failed_chat_list: Vec<GroupChatTransferFailure>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A chat that was not transferred.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupChatTransferFailure {
    /// The chat's id.
    #[serde(default)]
    pub chat_id: String,
    /// Why: WeCom's error code.
    #[serde(default)]
    pub errcode: i64,
    /// Why: WeCom's error message.
    #[serde(default)]
    pub errmsg: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    ListGroupChats => GroupChatPage {
        POST Work "/cgi-bin/externalcontact/groupchat/list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92120",
    }
    GetGroupChat => GroupChatDetail {
        POST Work "/cgi-bin/externalcontact/groupchat/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92122",
    }
    AddJoinWay => JoinWayCreated {
        POST Work "/cgi-bin/externalcontact/groupchat/add_join_way",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/92229",
    }
    GetJoinWay => JoinWayDetail {
        POST Work "/cgi-bin/externalcontact/groupchat/get_join_way",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92229",
    }
    UpdateJoinWay => Ack {
        POST Work "/cgi-bin/externalcontact/groupchat/update_join_way",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92229",
    }
    DelJoinWay => Ack {
        POST Work "/cgi-bin/externalcontact/groupchat/del_join_way",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92229",
    }
    GroupChatStatistic => GroupChatStatByOwner {
        POST Work "/cgi-bin/externalcontact/groupchat/statistic",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92133",
    }
    GroupChatStatisticByDay => GroupChatStatByDay {
        POST Work "/cgi-bin/externalcontact/groupchat/statistic_group_by_day",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92133",
    }
    OpengidToChatid => GroupChatId {
        POST Work "/cgi-bin/externalcontact/opengid_to_chatid",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94822",
    }
    TransferGroupChats => GroupChatTransferResult {
        POST Work "/cgi-bin/externalcontact/groupchat/transfer",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/92127",
    }
    OnjobTransferGroupChats => GroupChatTransferResult {
        POST Work "/cgi-bin/externalcontact/groupchat/onjob_transfer",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/95703",
    }
}

impl CursorPage for GroupChatPage {
    type Item = GroupChatStatus;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<GroupChatStatus> {
        self.group_chat_list
    }
}

/// Every page of [`ListGroupChats`] for `query` (its `cursor` replaced page by page). A failed
/// call is yielded and ends the stream.
pub fn group_chat_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    query: ListGroupChats,
) -> impl Stream<Item = Result<GroupChatPage>> + 'a {
    cursor_pages(client, move |cursor| ListGroupChats {
        cursor,
        ..query.clone()
    })
}

/// Every customer group chat of [`ListGroupChats`] for `query`, one by one. An error is yielded
/// and ends the stream.
pub fn group_chats<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    query: ListGroupChats,
) -> impl Stream<Item = Result<GroupChatStatus>> + 'a {
    cursor_items(client, move |cursor| ListGroupChats {
        cursor,
        ..query.clone()
    })
}
