//! Customers (客户管理): lists, details, remarks, the members who follow them, id conversions.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::api::paging::{CursorPage, cursor_items, cursor_pages};
use crate::api::work::user::ExternalProfile;
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::Ack;
use crate::error::Result;
use crate::lenient;

/// `externalcontact/list` (获取客户列表): the customers a member added.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListCustomers {
    /// The member's UserID.
    pub userid: String,
}

impl ListCustomers {
    /// The customers of `userid`.
    pub fn new(userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
        }
    }
}

/// What [`ListCustomers`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerIdList {
    /// The customers' external UserIDs.
    #[serde(default)]
    pub external_userid: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/get` (获取客户详情): a customer and the members who added it; the
/// `follow_user` list comes in pages by cursor (see [`customer_follow_users`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetCustomer {
    /// The customer's external UserID.
    pub external_userid: String,
    /// The previous answer's `next_cursor`, for the next page of `follow_user`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl GetCustomer {
    /// The customer `external_userid`, from its first page of members.
    pub fn new(external_userid: impl Into<String>) -> Self {
        Self {
            external_userid: external_userid.into(),
            cursor: None,
        }
    }
}

/// A customer (`external_contact`): a WeChat user or a member of another WeCom corp.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExternalContact {
    /// The external UserID.
    #[serde(default)]
    pub external_userid: String,
    /// The name (WeChat nickname, or the WeCom member's name).
    #[serde(default)]
    pub name: String,
    /// The position (WeCom contacts only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// The avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The corp's short name (WeCom contacts only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corp_name: Option<String>,
    /// The corp's full name (WeCom contacts only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corp_full_name: Option<String>,
    /// `1` a WeChat user, `2` a WeCom user.
    #[serde(rename = "type", default, deserialize_with = "lenient::u64")]
    pub kind: u64,
    /// `0` unknown, `1` male, `2` female.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub gender: u64,
    /// The WeChat UnionID (WeChat users, when the corp is bound to an Open Platform account).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// The contact's external profile (WeCom contacts only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_profile: Option<ExternalProfile>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A tag a member put on a customer, as [`GetCustomer`] lists it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerTag {
    /// The tag's group.
    #[serde(default)]
    pub group_name: String,
    /// The tag's name.
    #[serde(default)]
    pub tag_name: String,
    /// The tag's id (corp and strategy tags only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag_id: Option<String>,
    /// `1` a corp tag, `2` a member's own tag, `3` a strategy tag.
    #[serde(rename = "type", default, deserialize_with = "lenient::u64")]
    pub kind: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The WeChat Channels (视频号) account a customer was added through.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerWechatChannels {
    /// The account's name.
    #[serde(default)]
    pub nickname: String,
    /// `0` unknown, `1` the account's home page, `2` a live stream's product, `3` a live stream.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub source: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member who added a customer (`follow_user` of [`GetCustomer`], `follow_info` of
/// [`BatchGetCustomers`]), with the member's remarks and tags for it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FollowUser {
    /// The member's UserID.
    #[serde(default)]
    pub userid: String,
    /// The member's remark for the customer.
    #[serde(default)]
    pub remark: String,
    /// The member's description of the customer.
    #[serde(default)]
    pub description: String,
    /// When the member added the customer (Unix seconds).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub createtime: u64,
    /// The tags (with their groups), in [`GetCustomer`] answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<CustomerTag>,
    /// The tag ids, in [`BatchGetCustomers`] answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_id: Vec<String>,
    /// The remarked company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_corp_name: Option<String>,
    /// The remarked mobile numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remark_mobiles: Vec<String>,
    /// Who added whom: the member's UserID when the member added the customer, the customer's
    /// external UserID when the customer added the member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oper_userid: Option<String>,
    /// How the customer was added (`0` unknown, `1` QR code, `2` mobile search, ...).
    #[serde(default, deserialize_with = "lenient::opt_u64", skip_serializing_if = "Option::is_none")]
    pub add_way: Option<u64>,
    /// The WeChat Channels account, when added through one (`add_way` 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wechat_channels: Option<CustomerWechatChannels>,
    /// The `state` of the contact way it was added through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`GetCustomer`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerDetail {
    /// The customer.
    #[serde(default)]
    pub external_contact: ExternalContact,
    /// The members who added it (this page).
    #[serde(default)]
    pub follow_user: Vec<FollowUser>,
    /// Where the next page of `follow_user` starts; empty or absent at the end.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next_cursor: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/batch/get_by_user` (批量获取客户详情): the customers of some members, with
/// each member's remarks, by cursor. See [`customer_batch_pages`] and [`customers_of_members`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchGetCustomers {
    /// The members, at most 100.
    pub userid_list: Vec<String>,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// How many per page, at most 100 (the default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl BatchGetCustomers {
    /// The first page of the customers of `userid_list`.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(userid_list: I) -> Self {
        Self {
            userid_list: userid_list.into_iter().map(Into::into).collect(),
            cursor: None,
            limit: None,
        }
    }
}

/// A customer and one member who added it, in [`BatchGetCustomers`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerFollowed {
    /// The customer.
    #[serde(default)]
    pub external_contact: ExternalContact,
    /// The member and its remarks.
    #[serde(default)]
    pub follow_info: FollowUser,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Members [`BatchGetCustomers`] could not read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerBatchFailures {
    /// Members without an active license.
    #[serde(default)]
    pub unlicensed_userid_list: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`BatchGetCustomers`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerBatch {
    /// One entry per (customer, member).
    #[serde(default)]
    pub external_contact_list: Vec<CustomerFollowed>,
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// Members that could not be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_info: Option<CustomerBatchFailures>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/remark` (修改客户备注信息): a member's remarks for a customer. Only the
/// fields given change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RemarkCustomer {
    /// The member's UserID.
    pub userid: String,
    /// The customer's external UserID.
    pub external_userid: String,
    /// The remark, at most 20 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// The description, at most 150 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The remarked company, at most 20 characters (WeChat users only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_company: Option<String>,
    /// The remarked mobile numbers, at most 5; an empty list clears them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_mobiles: Option<Vec<String>>,
    /// A picture, as a temporary media id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark_pic_mediaid: Option<String>,
}

impl RemarkCustomer {
    /// Nothing to change yet for the customer `external_userid` of `userid`.
    pub fn new(userid: impl Into<String>, external_userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
            external_userid: external_userid.into(),
            ..Self::default()
        }
    }

    /// Sets the remark.
    pub fn remark(mut self, remark: impl Into<String>) -> Self {
        self.remark = Some(remark.into());
        self
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }
}

/// `externalcontact/get_follow_user_list` (获取配置了客户联系功能的成员列表): the members who
/// may have customers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetFollowUserList {}

/// What [`GetFollowUserList`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FollowUserList {
    /// The members' UserIDs.
    #[serde(default)]
    pub follow_user: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/get_unassigned_list` (获取待分配的离职成员列表): customers of members who
/// left, not yet given to another member. Page by `cursor` (the older `page_id` form is
/// kept for completeness); see [`unassigned_customers`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetUnassignedList {
    /// The page number, from 0 (older form; ignored when `cursor` is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_id: Option<u32>,
    /// How many per page, at most 1000 (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// A customer of a member who left.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UnassignedCustomer {
    /// The member who left.
    #[serde(default)]
    pub handover_userid: String,
    /// The customer's external UserID.
    #[serde(default)]
    pub external_userid: String,
    /// When the member left (Unix seconds).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub dimission_time: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`GetUnassignedList`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UnassignedList {
    /// The customers.
    #[serde(default)]
    pub info: Vec<UnassignedCustomer>,
    /// True on the last page.
    #[serde(default)]
    pub is_last: bool,
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/unionid_to_external_userid` (企业主体unionid转换为external_userid): the
/// customer behind a WeChat user's UnionID and OpenID from a Mini Program of the corp's own
/// subject, for agent-developed and third-party apps (their corp token).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UnionidToExternalUserid {
    /// The WeChat UnionID.
    pub unionid: String,
    /// The OpenID, from the same Mini Program.
    pub openid: String,
}

impl UnionidToExternalUserid {
    /// The customer with `unionid` and `openid`.
    pub fn new(unionid: impl Into<String>, openid: impl Into<String>) -> Self {
        Self {
            unionid: unionid.into(),
            openid: openid.into(),
        }
    }
}

/// What [`UnionidToExternalUserid`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConvertedExternalUserid {
    /// The customer's external UserID (the app's own form of it).
    #[serde(default)]
    pub external_userid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    ListCustomers => CustomerIdList {
        GET Work "/cgi-bin/externalcontact/list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92113",
    }
    GetCustomer => CustomerDetail {
        GET Work "/cgi-bin/externalcontact/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92114",
    }
    BatchGetCustomers => CustomerBatch {
        POST Work "/cgi-bin/externalcontact/batch/get_by_user",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92994",
    }
    RemarkCustomer => Ack {
        POST Work "/cgi-bin/externalcontact/remark",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92115",
    }
    GetFollowUserList => FollowUserList {
        GET Work "/cgi-bin/externalcontact/get_follow_user_list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92571",
    }
    GetUnassignedList => UnassignedList {
        POST Work "/cgi-bin/externalcontact/get_unassigned_list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92124",
    }
    UnionidToExternalUserid => ConvertedExternalUserid {
        POST Work "/cgi-bin/externalcontact/unionid_to_external_userid",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93274",
    }
}

impl CursorPage for CustomerDetail {
    type Item = FollowUser;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<FollowUser> {
        self.follow_user
    }
}

impl CursorPage for CustomerBatch {
    type Item = CustomerFollowed;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<CustomerFollowed> {
        self.external_contact_list
    }
}

impl CursorPage for UnassignedList {
    type Item = UnassignedCustomer;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<UnassignedCustomer> {
        self.info
    }
}

/// Every page of [`GetCustomer`] for `external_userid` (each with the customer and a page of
/// the members who added it), following `next_cursor`. An error is yielded and ends the stream.
pub fn customer_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    external_userid: impl Into<String>,
) -> impl Stream<Item = Result<CustomerDetail>> + 'a {
    let external_userid = external_userid.into();
    cursor_pages(client, move |cursor| GetCustomer {
        external_userid: external_userid.clone(),
        cursor,
    })
}

/// Every member who added the customer `external_userid` ([`GetCustomer`]), one by one. An
/// error is yielded and ends the stream.
pub fn customer_follow_users<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    external_userid: impl Into<String>,
) -> impl Stream<Item = Result<FollowUser>> + 'a {
    let external_userid = external_userid.into();
    cursor_items(client, move |cursor| GetCustomer {
        external_userid: external_userid.clone(),
        cursor,
    })
}

/// Every page of [`BatchGetCustomers`] for `userid_list`, `limit` each (WeCom's default when
/// `None`), following `next_cursor`. An error is yielded and ends the stream.
pub fn customer_batch_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    userid_list: Vec<String>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<CustomerBatch>> + 'a {
    cursor_pages(client, move |cursor| BatchGetCustomers {
        userid_list: userid_list.clone(),
        cursor,
        limit,
    })
}

/// Every (customer, member) of the members `userid_list` ([`BatchGetCustomers`]), one by one.
/// An error is yielded and ends the stream.
pub fn customers_of_members<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    userid_list: Vec<String>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<CustomerFollowed>> + 'a {
    cursor_items(client, move |cursor| BatchGetCustomers {
        userid_list: userid_list.clone(),
        cursor,
        limit,
    })
}

/// Every customer of members who left, not yet given to another member
/// ([`GetUnassignedList`], by cursor), `page_size` per page (WeCom's default when `None`). An
/// error is yielded and ends the stream.
pub fn unassigned_customers<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    page_size: Option<u32>,
) -> impl Stream<Item = Result<UnassignedCustomer>> + 'a {
    cursor_items(client, move |cursor| GetUnassignedList {
        page_id: None,
        page_size,
        cursor,
    })
}
