//! Web page authorization on behalf of an Official Account (代公众号发起网页授权): the same
//! user authorization as [`oa::oauth`](crate::api::oa::oauth), with the platform's
//! `component_appid` in the page URL and its `component_access_token` in place of the account's
//! secret. The user's token is not cached.

use serde::{Deserialize, Serialize};

use crate::api::oa::oauth::{OauthAccessToken, Scope, browser_url};
use crate::host::{Host, Hosts};
use crate::secret::{Secret, expose};

const DOC: &str = "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Official_Accounts/official_account_website_authorization.html";

/// The page to send a user to inside WeChat, for the Official Account `appid` authorized to the
/// platform `component_appid`: WeChat redirects to `redirect_uri?code=CODE&state=STATE&appid=APPID`
/// (percent-encoded here; its domain must be the platform's web page development domain).
pub fn authorize_url(
    hosts: &Hosts,
    appid: &str,
    redirect_uri: &str,
    scope: Scope,
    state: &str,
    component_appid: &str,
) -> url::Url {
    browser_url(
        hosts,
        Host::Open,
        "/connect/oauth2/authorize",
        &[
            ("appid", appid),
            ("redirect_uri", redirect_uri),
            ("response_type", "code"),
            ("scope", scope.as_str()),
            ("state", state),
            ("component_appid", component_appid),
        ],
        Some("wechat_redirect"),
    )
}

/// `sns/oauth2/component/access_token` (代公众号通过 code 换取 access_token): the user's token
/// and OpenID from the redirect's `code`. Never retried automatically: a code works once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetComponentOauthAccessToken {
    /// The Official Account's app id.
    pub appid: String,
    /// The code from the redirect.
    pub code: String,
    /// Always `authorization_code`.
    pub grant_type: std::borrow::Cow<'static, str>,
    /// The platform's app id.
    pub component_appid: String,
}

impl GetComponentOauthAccessToken {
    /// Exchanges `code` for a user of `appid`.
    pub fn new(
        appid: impl Into<String>,
        code: impl Into<String>,
        component_appid: impl Into<String>,
    ) -> Self {
        Self {
            appid: appid.into(),
            code: code.into(),
            grant_type: "authorization_code".into(),
            component_appid: component_appid.into(),
        }
    }
}

/// `sns/oauth2/component/refresh_token` (代公众号刷新 access_token): a new user token from the
/// refresh token.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RefreshComponentOauthAccessToken {
    /// The Official Account's app id.
    pub appid: String,
    /// Always `refresh_token`.
    pub grant_type: std::borrow::Cow<'static, str>,
    /// The platform's app id.
    pub component_appid: String,
    /// The refresh token.
    #[serde(serialize_with = "expose")]
    pub refresh_token: Secret,
}

impl RefreshComponentOauthAccessToken {
    /// Refreshes a user's token of `appid`.
    pub fn new(
        appid: impl Into<String>,
        component_appid: impl Into<String>,
        refresh_token: Secret,
    ) -> Self {
        Self {
            appid: appid.into(),
            grant_type: "refresh_token".into(),
            component_appid: component_appid.into(),
            refresh_token,
        }
    }
}

crate::endpoint! {
    area: "openplatform";

    GetComponentOauthAccessToken => OauthAccessToken {
        GET Api "/sns/oauth2/component/access_token",
        auth: ComponentAccessToken, repeat: Never,
        sensitive: true,
        doc: DOC,
    }
    RefreshComponentOauthAccessToken => OauthAccessToken {
        GET Api "/sns/oauth2/component/refresh_token",
        auth: ComponentAccessToken, repeat: Safe,
        sensitive: true,
        doc: DOC,
    }
}
