//! OAuth and web login (身份验证): the pages a member is sent to, then who they are from the
//! redirect's `code`, and their private details from the `user_ticket`.
//!
//! The `user_ticket` opens a member's mobile and email: it is a [`Secret`], and answers carrying
//! it are marked sensitive (their bodies never reach an error).

use serde::{Deserialize, Serialize};

use crate::host::{Host, Hosts};
use crate::secret::{Secret, expose};

/// What an authorization asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// `snsapi_base`: silent, the member's identity only.
    Base,
    /// `snsapi_privateinfo`: asks the member, then their details (mobile, email, avatar) are
    /// readable with the `user_ticket`; names the app asking.
    PrivateInfo {
        /// The app's id.
        agentid: u64,
    },
}

impl Scope {
    /// The scope as WeCom spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Base => "snsapi_base",
            Scope::PrivateInfo { .. } => "snsapi_privateinfo",
        }
    }
}

/// A browser-facing URL: the host's base, `path`, the query pairs in order and a fragment.
pub(crate) fn browser_url(
    hosts: &Hosts,
    host: Host,
    path: &str,
    query: &[(&str, &str)],
    fragment: Option<&str>,
) -> url::Url {
    let mut url = url::Url::parse(&hosts.url(host, path)).expect("bases are checked when set");
    url.query_pairs_mut().extend_pairs(query);
    url.set_fragment(fragment);
    url
}

/// The page to send a member to inside WeCom (or WeChat for a WeCom-linked account): after
/// consent (or silently for [`Scope::Base`]) WeCom redirects to
/// `redirect_uri?code=CODE&state=STATE`; [`GetAuthUserInfo`] reads the code. `appid` is the
/// corp id; `redirect_uri` is percent-encoded here and its domain must be the app's trusted
/// domain; `state` is at most 128 letters and digits.
///
/// <https://developer.work.weixin.qq.com/document/path/91022>
pub fn authorize_url(
    hosts: &Hosts,
    corpid: &str,
    redirect_uri: &str,
    scope: Scope,
    state: &str,
) -> url::Url {
    let agentid = match scope {
        Scope::PrivateInfo { agentid } => Some(agentid.to_string()),
        Scope::Base => None,
    };
    let mut query = vec![
        ("appid", corpid),
        ("redirect_uri", redirect_uri),
        ("response_type", "code"),
        ("scope", scope.as_str()),
    ];
    if let Some(agentid) = &agentid {
        query.push(("agentid", agentid));
    }
    query.push(("state", state));
    browser_url(
        hosts,
        Host::Open,
        "/connect/oauth2/authorize",
        &query,
        Some("wechat_redirect"),
    )
}

/// The web login page (扫码登录) opened in an ordinary browser: the member scans its QR code with
/// WeCom, then the page redirects to `redirect_uri?code=CODE&state=STATE`; [`GetAuthUserInfo`]
/// reads the code. `appid` is the corp id, `agentid` the app's id.
///
/// <https://developer.work.weixin.qq.com/document/path/91019>
pub fn qrconnect_url(
    hosts: &Hosts,
    corpid: &str,
    agentid: u64,
    redirect_uri: &str,
    state: &str,
) -> url::Url {
    browser_url(
        hosts,
        Host::WorkOpen,
        "/wwopen/sso/qrConnect",
        &[
            ("appid", corpid),
            ("agentid", &agentid.to_string()),
            ("redirect_uri", redirect_uri),
            ("state", state),
        ],
        None,
    )
}

/// `user/getuserinfo` (根据code获取成员信息, the older form): who opened the page, from the
/// redirect's `code` (valid 5 minutes, once). Never retried automatically: a code works once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetUserInfoByCode {
    /// The redirect's `code`.
    pub code: String,
}

impl GetUserInfoByCode {
    /// Reads `code`.
    pub fn new(code: impl Into<String>) -> Self {
        Self { code: code.into() }
    }
}

/// The answer of `user/getuserinfo`: `UserId` for a member, `OpenId` for a non-member.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CodeUser {
    /// A member's userid.
    #[serde(rename = "UserId", default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// A non-member's OpenID.
    #[serde(rename = "OpenId", default, skip_serializing_if = "Option::is_none")]
    pub open_id: Option<String>,
    /// The device the page was opened on.
    #[serde(rename = "DeviceId", default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    /// For [`Scope::PrivateInfo`]: the ticket for [`GetUserDetail`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_ticket: Option<Secret>,
    /// Seconds the ticket stays valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u64>,
    /// A non-member who is the corp's external contact: their id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `auth/getuserinfo` (获取访问用户身份): who opened the page, from the redirect's `code`
/// (valid 5 minutes, once). Never retried automatically: a code works once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetAuthUserInfo {
    /// The redirect's `code`.
    pub code: String,
}

impl GetAuthUserInfo {
    /// Reads `code`.
    pub fn new(code: impl Into<String>) -> Self {
        Self { code: code.into() }
    }
}

/// The answer of `auth/getuserinfo`: `userid` (and for [`Scope::PrivateInfo`] a `user_ticket`)
/// for a member; `openid` (and `external_userid` for an external contact) for a non-member.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthUser {
    /// A member's userid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
    /// For [`Scope::PrivateInfo`]: the ticket for [`GetUserDetail`] (valid 30 minutes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_ticket: Option<Secret>,
    /// A non-member's OpenID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openid: Option<String>,
    /// A non-member who is the corp's external contact: their id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `auth/getuserdetail` (获取访问用户敏感信息): a member's private details (gender, avatar, QR
/// code, mobile, email, address), with the `user_ticket` of a [`Scope::PrivateInfo`]
/// authorization.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetUserDetail {
    /// The `user_ticket` of [`GetAuthUserInfo`].
    #[serde(serialize_with = "expose")]
    pub user_ticket: Secret,
}

impl GetUserDetail {
    /// Reads the details `user_ticket` opens.
    pub fn new(user_ticket: Secret) -> Self {
        Self { user_ticket }
    }
}

/// The answer of `auth/getuserdetail`: what the member agreed to share.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserDetail {
    /// The member's userid.
    #[serde(default)]
    pub userid: String,
    /// `0` unknown, `1` male, `2` female.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<String>,
    /// The avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// The member's personal QR code URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_code: Option<String>,
    /// The mobile number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// The email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The corp mailbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biz_mail: Option<String>,
    /// The address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    GetUserInfoByCode => CodeUser {
        GET Work "/cgi-bin/user/getuserinfo",
        auth: AccessToken, repeat: Never,
        sensitive: true,
        doc: "https://developer.work.weixin.qq.com/document/path/91023",
    }
    GetAuthUserInfo => AuthUser {
        GET Work "/cgi-bin/auth/getuserinfo",
        auth: AccessToken, repeat: Never,
        sensitive: true,
        doc: "https://developer.work.weixin.qq.com/document/path/91023",
    }
    GetUserDetail => UserDetail {
        POST Work "/cgi-bin/auth/getuserdetail",
        auth: AccessToken, repeat: Safe,
        sensitive: true,
        doc: "https://developer.work.weixin.qq.com/document/path/95833",
    }
}
