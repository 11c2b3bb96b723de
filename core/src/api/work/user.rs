//! Members (成员管理) and id conversion.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::Ack;
use crate::api::paging::{CursorPage, cursor_items, cursor_pages};
use crate::error::Result;
use crate::lenient;

/// A member's custom attributes (`extattr`), as the admin console defines them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtAttr {
    /// The attributes.
    #[serde(default)]
    pub attrs: Vec<ExtAttrItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One custom attribute: text, a web page or a Mini Program, by `type`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtAttrItem {
    /// `0` text, `1` web page, `2` Mini Program (external attributes only).
    #[serde(rename = "type", default, deserialize_with = "lenient::u64")]
    pub kind: u64,
    /// The attribute's name.
    #[serde(default)]
    pub name: String,
    /// The text, for `type` 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<ExtAttrText>,
    /// The web page, for `type` 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub web: Option<ExtAttrWeb>,
    /// The Mini Program, for `type` 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<ExtAttrMiniprogram>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl ExtAttrItem {
    /// A text attribute.
    pub fn text(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            kind: 0,
            name: name.into(),
            text: Some(ExtAttrText {
                value: value.into(),
                extra: Default::default(),
            }),
            ..Self::default()
        }
    }

    /// A web page attribute.
    pub fn web(name: impl Into<String>, url: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            kind: 1,
            name: name.into(),
            web: Some(ExtAttrWeb {
                url: url.into(),
                title: title.into(),
                extra: Default::default(),
            }),
            ..Self::default()
        }
    }

    /// A Mini Program attribute (external profile only).
    pub fn miniprogram(
        name: impl Into<String>,
        appid: impl Into<String>,
        pagepath: impl Into<String>,
        title: impl Into<String>,
    ) -> Self {
        Self {
            kind: 2,
            name: name.into(),
            miniprogram: Some(ExtAttrMiniprogram {
                appid: appid.into(),
                pagepath: pagepath.into(),
                title: title.into(),
                extra: Default::default(),
            }),
            ..Self::default()
        }
    }
}

/// A text attribute's value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtAttrText {
    /// The text.
    #[serde(default)]
    pub value: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A web page attribute's value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtAttrWeb {
    /// The page's URL.
    #[serde(default)]
    pub url: String,
    /// The title shown.
    #[serde(default)]
    pub title: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A Mini Program attribute's value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtAttrMiniprogram {
    /// The Mini Program's app id.
    #[serde(default)]
    pub appid: String,
    /// The page opened.
    #[serde(default)]
    pub pagepath: String,
    /// The title shown.
    #[serde(default)]
    pub title: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What external contacts see of a member (`external_profile`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExternalProfile {
    /// The corp's short name shown to external contacts.
    #[serde(default)]
    pub external_corp_name: String,
    /// The member's WeChat Channels account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wechat_channels: Option<WechatChannels>,
    /// The external attributes.
    #[serde(default)]
    pub external_attr: Vec<ExtAttrItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A WeChat Channels (视频号) account shown on a member's external profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WechatChannels {
    /// The account's name.
    #[serde(default)]
    pub nickname: String,
    /// `1` when it is shown (answers only).
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member as [`GetUser`] and [`ListUsers`] answer it. Which fields come back depends on the
/// app and on what the member authorized; the rest are empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The member's UserID.
    #[serde(default)]
    pub userid: String,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// The departments the app may see.
    #[serde(default)]
    pub department: Vec<u64>,
    /// The order in each department, as many as `department`.
    #[serde(default)]
    pub order: Vec<u64>,
    /// The position.
    #[serde(default)]
    pub position: String,
    /// The mobile number.
    #[serde(default)]
    pub mobile: String,
    /// `0` unknown, `1` male, `2` female (WeCom sends it as text).
    #[serde(default, deserialize_with = "lenient::text")]
    pub gender: String,
    /// The email address.
    #[serde(default)]
    pub email: String,
    /// The corp email address.
    #[serde(default)]
    pub biz_mail: String,
    /// `1` where the member leads the department at the same place of `department`.
    #[serde(default)]
    pub is_leader_in_dept: Vec<u64>,
    /// The direct leaders' UserIDs.
    #[serde(default)]
    pub direct_leader: Vec<String>,
    /// The avatar's URL.
    #[serde(default)]
    pub avatar: String,
    /// The avatar thumbnail's URL.
    #[serde(default)]
    pub thumb_avatar: String,
    /// The landline number.
    #[serde(default)]
    pub telephone: String,
    /// The alias.
    #[serde(default)]
    pub alias: String,
    /// The address.
    #[serde(default)]
    pub address: String,
    /// The open UserID (third-party apps).
    #[serde(default)]
    pub open_userid: String,
    /// The main department.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub main_department: u64,
    /// `1` activated, `2` disabled, `4` not activated, `5` left the corp.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub status: u64,
    /// The member's personal QR code's URL.
    #[serde(default)]
    pub qr_code: String,
    /// The position shown to external contacts.
    #[serde(default)]
    pub external_position: String,
    /// The custom attributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extattr: Option<ExtAttr>,
    /// What external contacts see.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_profile: Option<ExternalProfile>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The fields of a member that [`CreateUser`] and [`UpdateUser`] set; every one optional, and
/// left out of the body when `None` (an update then leaves it as it is).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MemberProfile {
    /// The name, 1 to 64 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The alias.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// The mobile number, unique in the corp (mobile or email is required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// The departments, at most 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Vec<u64>>,
    /// The order in each department, as many as `department`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Vec<u64>>,
    /// The position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// `"1"` male, `"2"` female.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// The email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The corp email address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biz_mail: Option<String>,
    /// `1` where the member leads the department at the same place of `department`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_leader_in_dept: Option<Vec<u8>>,
    /// The direct leaders' UserIDs, at most 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direct_leader: Option<Vec<String>>,
    /// `1` enabled, `0` disabled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable: Option<u8>,
    /// The avatar, a `media_id` from the media upload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar_mediaid: Option<String>,
    /// The landline number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub telephone: Option<String>,
    /// The address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The main department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_department: Option<u64>,
    /// The custom attributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extattr: Option<ExtAttr>,
    /// Whether to invite the new member by SMS or email (create only; default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_invite: Option<bool>,
    /// The position shown to external contacts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_position: Option<String>,
    /// What external contacts see.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_profile: Option<ExternalProfile>,
}

/// `user/create` (创建成员): adds a member to the corp's contacts. Never retried automatically.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateUser {
    /// The new member's UserID: 1 to 64 of letters, digits and `_-@.`.
    pub userid: String,
    /// The rest of the member.
    #[serde(flatten)]
    pub profile: MemberProfile,
}

impl CreateUser {
    /// A member `userid` named `name` in `departments`; set a mobile or an email on
    /// [`profile`](Self::profile) as well.
    pub fn new(
        userid: impl Into<String>,
        name: impl Into<String>,
        departments: impl IntoIterator<Item = u64>,
    ) -> Self {
        Self {
            userid: userid.into(),
            profile: MemberProfile {
                name: Some(name.into()),
                department: Some(departments.into_iter().collect()),
                ..MemberProfile::default()
            },
        }
    }
}

/// `user/get` (读取成员): a member's details.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetUser {
    /// The member's UserID.
    pub userid: String,
}

impl GetUser {
    /// The member `userid`.
    pub fn new(userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
        }
    }
}

/// `user/update` (更新成员): changes the fields given, leaves the others.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateUser {
    /// The member's UserID.
    pub userid: String,
    /// The fields to change.
    #[serde(flatten)]
    pub profile: MemberProfile,
}

impl UpdateUser {
    /// An update of `userid` that changes nothing yet: set the fields on
    /// [`profile`](Self::profile).
    pub fn new(userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
            profile: MemberProfile::default(),
        }
    }
}

/// `user/delete` (删除成员): removes a member.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteUser {
    /// The member's UserID.
    pub userid: String,
}

impl DeleteUser {
    /// Deletes `userid`.
    pub fn new(userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
        }
    }
}

/// `user/batchdelete` (批量删除成员): removes up to 200 members; an invalid UserID fails the
/// whole call.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchDeleteUsers {
    /// The members' UserIDs.
    pub useridlist: Vec<String>,
}

impl BatchDeleteUsers {
    /// Deletes these members.
    pub fn new<I: IntoIterator<Item = impl Into<String>>>(userids: I) -> Self {
        Self {
            useridlist: userids.into_iter().map(Into::into).collect(),
        }
    }
}

/// `user/simplelist` (获取部门成员): the UserIDs and names of a department's members.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListSimpleUsers {
    /// The department.
    pub department_id: u64,
    /// `1` to include the sub-departments' members, `0` (the default) for this one only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetch_child: Option<u8>,
}

impl ListSimpleUsers {
    /// The members of `department_id` itself.
    pub fn new(department_id: u64) -> Self {
        Self {
            department_id,
            fetch_child: None,
        }
    }
}

/// What [`ListSimpleUsers`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MemberSummaryList {
    /// The members.
    #[serde(default)]
    pub userlist: Vec<MemberSummary>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member in short: UserID, name, departments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MemberSummary {
    /// The UserID.
    #[serde(default)]
    pub userid: String,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// The departments.
    #[serde(default)]
    pub department: Vec<u64>,
    /// The open UserID (third-party apps).
    #[serde(default)]
    pub open_userid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `user/list` (获取部门成员详情): a department's members in full.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListUsers {
    /// The department.
    pub department_id: u64,
    /// `1` to include the sub-departments' members (older accounts only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetch_child: Option<u8>,
}

impl ListUsers {
    /// The members of `department_id`.
    pub fn new(department_id: u64) -> Self {
        Self {
            department_id,
            fetch_child: None,
        }
    }
}

/// What [`ListUsers`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MemberList {
    /// The members.
    #[serde(default)]
    pub userlist: Vec<Member>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `user/list_id` (获取成员ID列表): one page of (member, department) pairs, by cursor. See
/// [`member_id_pages`] and [`member_departments`] to walk them all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserListId {
    /// Where to start: the previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// How many pairs per page, 1 to 10 000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// What [`UserListId`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MemberIdPage {
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// One pair per member and department.
    #[serde(default)]
    pub dept_user: Vec<MemberDepartment>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member and one of its departments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MemberDepartment {
    /// The UserID (self-built apps).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub userid: String,
    /// The open UserID (third-party apps).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub open_userid: String,
    /// The department.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub department: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `user/getuserid` (手机号获取userid): the member with a mobile number.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetUserIdByMobile {
    /// The mobile number.
    pub mobile: String,
}

impl GetUserIdByMobile {
    /// The member with `mobile`.
    pub fn new(mobile: impl Into<String>) -> Self {
        Self {
            mobile: mobile.into(),
        }
    }
}

/// `user/get_userid_by_email` (邮箱获取userid): the member with an email address.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetUserIdByEmail {
    /// The email address.
    pub email: String,
    /// `1` the corp email (the default), `2` the personal email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_type: Option<u8>,
}

impl GetUserIdByEmail {
    /// The member with the corp email `email`.
    pub fn new(email: impl Into<String>) -> Self {
        Self {
            email: email.into(),
            email_type: None,
        }
    }
}

/// What [`GetUserIdByMobile`], [`GetUserIdByEmail`] and [`ConvertToUserid`] answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FoundUserId {
    /// The member's UserID.
    #[serde(default)]
    pub userid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `user/convert_to_openid` (userid转openid): a member's OpenID, for WeChat Pay and red
/// packets.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConvertToOpenid {
    /// The member's UserID.
    pub userid: String,
}

impl ConvertToOpenid {
    /// The OpenID of `userid`.
    pub fn new(userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
        }
    }
}

/// What [`ConvertToOpenid`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConvertedOpenid {
    /// The OpenID.
    #[serde(default)]
    pub openid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `user/convert_to_userid` (openid转userid): the member behind an OpenID.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConvertToUserid {
    /// The OpenID.
    pub openid: String,
}

impl ConvertToUserid {
    /// The UserID of `openid`.
    pub fn new(openid: impl Into<String>) -> Self {
        Self {
            openid: openid.into(),
        }
    }
}

crate::endpoint! {
    area: "work";

    CreateUser => Ack {
        POST Work "/cgi-bin/user/create",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/90195",
    }
    GetUser => Member {
        GET Work "/cgi-bin/user/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90196",
    }
    UpdateUser => Ack {
        POST Work "/cgi-bin/user/update",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90197",
    }
    DeleteUser => Ack {
        GET Work "/cgi-bin/user/delete",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90198",
    }
    BatchDeleteUsers => Ack {
        POST Work "/cgi-bin/user/batchdelete",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90199",
    }
    ListSimpleUsers => MemberSummaryList {
        GET Work "/cgi-bin/user/simplelist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90200",
    }
    ListUsers => MemberList {
        GET Work "/cgi-bin/user/list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90201",
    }
    UserListId => MemberIdPage {
        POST Work "/cgi-bin/user/list_id",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/96067",
    }
    GetUserIdByMobile => FoundUserId {
        POST Work "/cgi-bin/user/getuserid",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95402",
    }
    GetUserIdByEmail => FoundUserId {
        POST Work "/cgi-bin/user/get_userid_by_email",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95895",
    }
    ConvertToOpenid => ConvertedOpenid {
        POST Work "/cgi-bin/user/convert_to_openid",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90202",
    }
    ConvertToUserid => FoundUserId {
        POST Work "/cgi-bin/user/convert_to_userid",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90202",
    }
}

impl CursorPage for MemberIdPage {
    type Item = MemberDepartment;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<MemberDepartment> {
        self.dept_user
    }
}

/// Every page of [`UserListId`], `limit` pairs each (WeCom's default when `None`), following
/// `next_cursor` until it is empty (or repeats). A failed call is yielded and ends the stream.
pub fn member_id_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<MemberIdPage>> + 'a {
    cursor_pages(client, move |cursor| UserListId { cursor, limit })
}

/// Every (member, department) pair of the corp ([`UserListId`]), one by one. An error is
/// yielded and ends the stream.
pub fn member_departments<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<MemberDepartment>> + 'a {
    cursor_items(client, move |cursor| UserListId { cursor, limit })
}
