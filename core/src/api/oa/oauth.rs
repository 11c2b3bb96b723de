//! Web page authorization (OAuth 2.0): the browser-facing authorization URLs, then the code
//! exchange, refresh, user profile and token check.
//!
//! The user's `access_token` here is not the account's: it belongs to one user, is not cached by
//! the client, and travels in the requests' own fields ([`AuthScheme::None`](crate::endpoint::AuthScheme::None)).
//! Answers carrying tokens are marked sensitive: their bodies never reach an error.

use serde::{Deserialize, Serialize};

use crate::endpoint::Ack;
use crate::host::{Host, Hosts};
use crate::secret::Secret;

use crate::secret::expose;

/// What an authorization asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// `snsapi_base`: silent, the OpenID only.
    Base,
    /// `snsapi_userinfo`: asks the user, then the profile is readable.
    UserInfo,
    /// `snsapi_login`: website login by QR code (Open Platform website apps).
    Login,
}

impl Scope {
    /// The scope as WeChat spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Base => "snsapi_base",
            Scope::UserInfo => "snsapi_userinfo",
            Scope::Login => "snsapi_login",
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

fn connect_url(
    hosts: &Hosts,
    path: &str,
    appid: &str,
    redirect_uri: &str,
    scope: Scope,
    state: &str,
) -> url::Url {
    browser_url(
        hosts,
        Host::Open,
        path,
        &[
            ("appid", appid),
            ("redirect_uri", redirect_uri),
            ("response_type", "code"),
            ("scope", scope.as_str()),
            ("state", state),
        ],
        Some("wechat_redirect"),
    )
}

/// The page to send a user to inside WeChat: after consent (or silently for [`Scope::Base`])
/// WeChat redirects to `redirect_uri?code=CODE&state=STATE`. `redirect_uri` is percent-encoded
/// here; its domain must be the account's authorized domain. `state` is at most 128 letters and
/// digits.
///
/// <https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html>
pub fn authorize_url(
    hosts: &Hosts,
    appid: &str,
    redirect_uri: &str,
    scope: Scope,
    state: &str,
) -> url::Url {
    connect_url(
        hosts,
        "/connect/oauth2/authorize",
        appid,
        redirect_uri,
        scope,
        state,
    )
}

/// The QR code login page of a website app (`snsapi_login`), opened in an ordinary browser;
/// WeChat redirects to `redirect_uri?code=CODE&state=STATE` after the user scans and confirms.
///
/// <https://developers.weixin.qq.com/doc/oplatform/Website_App/WeChat_Login/Wechat_Login.html>
pub fn qrconnect_url(hosts: &Hosts, appid: &str, redirect_uri: &str, state: &str) -> url::Url {
    connect_url(
        hosts,
        "/connect/qrconnect",
        appid,
        redirect_uri,
        Scope::Login,
        state,
    )
}

/// `sns/oauth2/access_token`: exchanges the redirect's `code` (valid 5 minutes, once) for the
/// user's token and OpenID. Never retried automatically: a code works once.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetOauthAccessToken {
    /// The account's app id.
    pub appid: String,
    /// The account's app secret.
    #[serde(serialize_with = "expose")]
    pub secret: Secret,
    /// The code from the redirect.
    pub code: String,
    /// Always `authorization_code`.
    pub grant_type: std::borrow::Cow<'static, str>,
}

impl GetOauthAccessToken {
    /// Exchanges `code`.
    pub fn new(appid: impl Into<String>, secret: Secret, code: impl Into<String>) -> Self {
        Self {
            appid: appid.into(),
            secret,
            code: code.into(),
            grant_type: "authorization_code".into(),
        }
    }
}

/// `sns/oauth2/refresh_token`: a new user token from the refresh token (valid 30 days).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RefreshOauthAccessToken {
    /// The account's app id.
    pub appid: String,
    /// Always `refresh_token`.
    pub grant_type: std::borrow::Cow<'static, str>,
    /// The refresh token.
    #[serde(serialize_with = "expose")]
    pub refresh_token: Secret,
}

impl RefreshOauthAccessToken {
    /// Refreshes with `refresh_token`.
    pub fn new(appid: impl Into<String>, refresh_token: Secret) -> Self {
        Self {
            appid: appid.into(),
            grant_type: "refresh_token".into(),
            refresh_token,
        }
    }
}

/// A user's token, from [`GetOauthAccessToken`] or [`RefreshOauthAccessToken`].
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct OauthAccessToken {
    /// The user's token, for [`GetOauthUserInfo`] and [`CheckOauthAccessToken`].
    pub access_token: Secret,
    /// Seconds it stays valid.
    #[serde(default)]
    pub expires_in: u64,
    /// The refresh token (valid 30 days).
    pub refresh_token: Secret,
    /// The user's OpenID.
    pub openid: String,
    /// The scopes granted, comma-separated.
    #[serde(default)]
    pub scope: String,
    /// `1` for a "snapshot page" virtual user (the page was opened from Moments without
    /// authorization); such a user has no real OpenID data.
    #[serde(default)]
    pub is_snapshotuser: Option<i64>,
    /// The UnionID, when the account is bound to an Open Platform account.
    #[serde(default)]
    pub unionid: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `sns/userinfo`: the profile of a user who granted [`Scope::UserInfo`].
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetOauthUserInfo {
    /// The user's token.
    #[serde(serialize_with = "expose")]
    pub access_token: Secret,
    /// The user's OpenID.
    pub openid: String,
    /// `zh_CN`, `zh_TW` or `en`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// What [`GetOauthUserInfo`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct OauthUserInfo {
    /// The OpenID.
    pub openid: String,
    /// The nickname.
    #[serde(default)]
    pub nickname: String,
    /// Always `0` since 2021 (no longer disclosed).
    #[serde(default)]
    pub sex: i64,
    /// Empty since 2021.
    #[serde(default)]
    pub province: String,
    /// Empty since 2021.
    #[serde(default)]
    pub city: String,
    /// Empty since 2021.
    #[serde(default)]
    pub country: String,
    /// The avatar URL; the last path segment picks a size (0, 46, 64, 96, 132).
    #[serde(default)]
    pub headimgurl: String,
    /// Privileges, such as `chinaunicom` for WoCard users.
    #[serde(default)]
    pub privilege: Vec<String>,
    /// The UnionID, when the account is bound to an Open Platform account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `sns/auth`: whether a user's token is still valid (an error when not).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CheckOauthAccessToken {
    /// The user's token.
    #[serde(serialize_with = "expose")]
    pub access_token: Secret,
    /// The user's OpenID.
    pub openid: String,
}

const DOC: &str = "https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html";

crate::endpoint! {
    area: "officialaccount";

    GetOauthAccessToken => OauthAccessToken {
        GET Api "/sns/oauth2/access_token",
        auth: None, repeat: Never,
        sensitive: true,
        doc: DOC,
    }
    RefreshOauthAccessToken => OauthAccessToken {
        GET Api "/sns/oauth2/refresh_token",
        auth: None, repeat: Safe,
        sensitive: true,
        doc: DOC,
    }
    GetOauthUserInfo => OauthUserInfo {
        GET Api "/sns/userinfo",
        auth: None, repeat: Safe,
        doc: DOC,
    }
    CheckOauthAccessToken => Ack {
        GET Api "/sns/auth",
        auth: None, repeat: Safe,
        doc: DOC,
    }
}
