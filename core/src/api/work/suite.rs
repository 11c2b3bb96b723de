//! WeCom third-party suites (第三方应用): installing a suite in a corp, the corp's permanent code,
//! and what a `cancel_auth` push clears.
//!
//! A suite calls three kinds of endpoints: its own, with its `suite_access_token`
//! ([`AuthScheme::SuiteAccessToken`](crate::AuthScheme::SuiteAccessToken): pre-auth codes,
//! permanent codes, installations), the provider's, with the `provider_access_token`
//! ([`TokenFlow::Provider`]), and every WeCom endpoint of [`crate::api::work`] for each corp that
//! installed it, with the corp's token ([`TokenFlow::SuiteCorp`], refreshed from the corp's
//! permanent code kept in the token store).
//!
//! The journey, on any adapter (a suite client is a [`Client`] whose flow is
//! [`TokenFlow::Suite`]):
//!
//! ```
//! use wechat_core::api::work::department::ListDepartments;
//! use wechat_core::api::work::suite::{self, GetPreAuthCode, InstallRedirect};
//! use wechat_core::callback::{Message, Received, SuiteEvent};
//! use wechat_core::client::{Client, HttpClient, Runtime, TokenStore};
//! use wechat_core::{Result, TokenFlow};
//!
//! /// In the suite's instruction callback (`Platform::Work`, the suite id as receiver id): keep
//! /// the ticket, keep the permanent code of a new installation, forget a cancelled one.
//! async fn on_push<H: HttpClient, S: TokenStore, R: Runtime>(
//!     suite: &Client<H, S, R>,
//!     received: &Received,
//! ) -> Result<()> {
//!     let store_error = |e: wechat_core::token::StoreError| wechat_core::Error::Credential(e.to_string());
//!     match &received.message {
//!         Message::Suite(SuiteEvent::Ticket(t)) => suite
//!             .save_suite_ticket(&t.suite_id, t.suite_ticket.clone())
//!             .await
//!             .map_err(store_error),
//!         Message::Suite(SuiteEvent::CreateAuth(e)) => {
//!             let code = e.auth_code.clone().unwrap_or_default();
//!             suite::get_permanent_code(suite, &code).await.map(drop)
//!         }
//!         Message::Suite(event) => suite::forget_cancelled(suite, event)
//!             .await
//!             .map(drop)
//!             .map_err(store_error),
//!         _ => Ok(()),
//!     }
//! }
//!
//! /// The page to send a corp's admin to.
//! async fn install_page<H: HttpClient, S: TokenStore, R: Runtime>(
//!     suite: &Client<H, S, R>,
//!     suite_id: &str,
//! ) -> Result<url::Url> {
//!     let pre = suite.call(&GetPreAuthCode {}).await?;
//!     Ok(suite::install_url(
//!         suite.hosts(),
//!         suite_id,
//!         &pre.pre_auth_code,
//!         "https://suite.example.com/installed",
//!         "s1",
//!     ))
//! }
//!
//! /// Where WeCom redirects the admin: keep the corp's permanent code, then call for the corp.
//! async fn installed<H: HttpClient, S: TokenStore, R: Runtime>(
//!     suite: &Client<H, S, R>,
//!     redirect_url: &str,
//! ) -> Result<()> {
//!     let code = InstallRedirect::parse(redirect_url)?.auth_code;
//!     let grant = suite::get_permanent_code(suite, &code).await?;
//!     let corp = suite::corp(suite, &grant.auth_corp_info.corpid)?;
//!     let departments = corp.call(&ListDepartments::default()).await?; // its token refreshes by itself
//!     # let _ = departments;
//!     Ok(())
//! }
//! ```
//!
//! The token endpoints themselves (`get_suite_token`, `get_provider_token`, `get_corp_token`)
//! live in [`crate::token::endpoints`].

use serde::{Deserialize, Serialize};

use crate::api::work::oauth::browser_url;
use crate::callback::SuiteEvent;
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::Ack;
use crate::error::{Error, Result};
use crate::host::{Host, Hosts};
use crate::secret::{Secret, expose};
use crate::token::{StoreError, StoredToken, SuiteApp, TicketKind, TokenFlow};

/// `get_pre_auth_code` (获取预授权码): a one-shot code that opens the install page
/// ([`install_url`]) for one installation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetPreAuthCode {}

/// A pre-authorization code and its lifetime.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreAuthCode {
    /// `pre_auth_code`: the code (a secret).
    pub pre_auth_code: Secret,
    /// Seconds it stays valid.
    pub expires_in: u64,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `set_session_info` (设置授权配置): settings of the installation a pre-auth code opens; above
/// all `auth_type` 1, a test installation of a suite not yet released.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetSessionInfo {
    /// The pre-auth code the settings apply to.
    #[serde(serialize_with = "expose")]
    pub pre_auth_code: Secret,
    /// The settings.
    pub session_info: SessionInfo,
}

impl SetSessionInfo {
    /// A test installation (`auth_type` 1) through `pre_auth_code`.
    pub fn test_install(pre_auth_code: Secret) -> Self {
        Self {
            pre_auth_code,
            session_info: SessionInfo {
                appid: Vec::new(),
                auth_type: 1,
            },
        }
    }
}

/// The settings of one installation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionInfo {
    /// The apps the admin may install (old multi-app suites only; empty: all).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub appid: Vec<u64>,
    /// 0 a production installation (the default), 1 a test installation.
    #[serde(default)]
    pub auth_type: u32,
}

/// `get_permanent_code` (获取企业永久授权码): turns the one-shot `auth_code` of an installation
/// (from the install redirect or the `create_auth` push) into the corp's permanent code and its
/// details. [`get_permanent_code`] calls it and keeps the code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetPermanentCode {
    /// The temporary authorization code.
    pub auth_code: String,
}

/// `v2/get_permanent_code` (获取企业永久授权码, v2): as [`GetPermanentCode`], faster, without
/// the corp's token and app details.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetPermanentCodeV2 {
    /// The temporary authorization code.
    pub auth_code: String,
}

/// A corp named by id and short name (the dealer that sold the suite, or the installing corp
/// in the v2 answer).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CorpRef {
    /// The corp id.
    pub corpid: String,
    /// The corp's short name.
    pub corp_name: String,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The installing corp.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthCorpInfo {
    /// The corp id (the suite's encrypted corp id for newer installations).
    pub corpid: String,
    /// The short name.
    pub corp_name: String,
    /// `verified`, `unverified`...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corp_type: Option<String>,
    /// The square logo URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corp_square_logo_url: Option<String>,
    /// The most members the corp may have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corp_user_max: Option<i64>,
    /// The full name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corp_full_name: Option<String>,
    /// When the verification ends, Unix seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified_end_time: Option<i64>,
    /// The entity type (1 company, 2 government or public institution, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject_type: Option<i64>,
    /// The corp's QR code URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corp_wxqrcode: Option<String>,
    /// Its size (`1-50人`...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corp_scale: Option<String>,
    /// Its industry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corp_industry: Option<String>,
    /// Its sub-industry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corp_sub_industry: Option<String>,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Who an installed app reaches in the corp.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Privilege {
    /// The permission level (1 read basic info, 2 read only, 3 read and write, 4 admin...).
    pub level: i64,
    /// Departments in its visible range.
    pub allow_party: Vec<i64>,
    /// Members in its visible range.
    pub allow_user: Vec<String>,
    /// Tags in its visible range.
    pub allow_tag: Vec<i64>,
    /// Extra departments it may read.
    pub extra_party: Vec<i64>,
    /// Extra members it may read.
    pub extra_user: Vec<String>,
    /// Extra tags it may read.
    pub extra_tag: Vec<i64>,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Where an app shared from another corp comes from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SharedFrom {
    /// The sharing corp.
    pub corpid: String,
    /// 0 shared by a linked corp, 1 by an upstream or downstream corp.
    pub share_type: i64,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One installed app of the suite.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthAgent {
    /// The app's id in the corp: call the corp's app endpoints with it.
    pub agentid: i64,
    /// Its name.
    pub name: String,
    /// The round logo URL.
    pub round_logo_url: String,
    /// The square logo URL.
    pub square_logo_url: String,
    /// The app's id in the suite (old multi-app suites).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub appid: Option<i64>,
    /// 0 installed by an admin, 1 by a member.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_mode: Option<i64>,
    /// Whether it is a customized app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_customized_app: Option<bool>,
    /// Whether it was installed from a third-party app.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_from_thirdapp: Option<bool>,
    /// Its visible range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub privilege: Option<Privilege>,
    /// Where it was shared from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shared_from: Option<SharedFrom>,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The apps installed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthInfo {
    /// One app (several for old multi-app suites).
    pub agent: Vec<AuthAgent>,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The admin who installed the suite (any field may be empty).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthUserInfo {
    /// The admin's user id.
    pub userid: String,
    /// The admin's `open_userid`.
    pub open_userid: String,
    /// The admin's name.
    pub name: String,
    /// The admin's avatar URL.
    pub avatar: String,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The promotion QR code the suite was installed from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegisterCodeInfo {
    /// The registration code.
    pub register_code: String,
    /// The promotion package.
    pub template_id: String,
    /// The `state` given when the code was made.
    pub state: String,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`GetPermanentCode`] and [`GetPermanentCodeV2`] answer: the permanent code and the
/// installation (the v2 answer carries the code, the corp's id and name, the admin and the
/// state only).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PermanentCodeInfo {
    /// The corp's token (v1 only; the corp flow fetches its own).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_token: Option<Secret>,
    /// Seconds the token stays valid (v1 only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u64>,
    /// The permanent code: keep it; it fetches the corp's token for as long as the suite stays
    /// installed.
    pub permanent_code: Secret,
    /// The dealer that sold the suite, when one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dealer_corp_info: Option<CorpRef>,
    /// The installing corp.
    pub auth_corp_info: AuthCorpInfo,
    /// The apps installed (v1 only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_info: Option<AuthInfo>,
    /// The admin who installed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auth_user_info: Option<AuthUserInfo>,
    /// The promotion QR code it was installed from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub register_code_info: Option<RegisterCodeInfo>,
    /// The `state` of the install link or QR code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `get_auth_info` (获取企业授权信息): what a corp installed, from its permanent code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetAuthInfo {
    /// The installing corp.
    pub auth_corpid: String,
    /// Its permanent code.
    #[serde(serialize_with = "expose")]
    pub permanent_code: Secret,
}

/// What [`GetAuthInfo`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CorpAuthInfo {
    /// The dealer that sold the suite, when one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dealer_corp_info: Option<CorpRef>,
    /// The installing corp.
    pub auth_corp_info: AuthCorpInfo,
    /// The apps installed.
    pub auth_info: AuthInfo,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `get_admin_list` (获取应用的管理员列表): the corp's admins of an installed app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetAdminList {
    /// The installing corp.
    pub auth_corpid: String,
    /// The app's id in the corp.
    pub agentid: i64,
}

/// An admin of an installed app.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppAdmin {
    /// The admin's user id.
    pub userid: String,
    /// The admin's `open_userid`.
    pub open_userid: String,
    /// 0 may send messages, 1 manages the app.
    pub auth_type: i64,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`GetAdminList`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AdminList {
    /// The admins (external admins excluded).
    pub admin: Vec<AppAdmin>,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `corpid_to_opencorpid` (明文corpid转换为加密corpid): the provider's encrypted id of a corp
/// that installed one of its suites; called with the provider's token.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorpidToOpencorpid {
    /// The corp's plain id.
    pub corpid: String,
}

/// What [`CorpidToOpencorpid`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenCorpid {
    /// The corp's id as the provider sees it.
    pub open_corpid: String,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `batch/userid_to_openuserid` (userid的转换): the provider's encrypted ids of a corp's
/// members, called with the corp's token (at most 1000 ids).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UseridToOpenuserid {
    /// The members' user ids.
    pub userid_list: Vec<String>,
}

/// A member's id and the provider's encrypted id of them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenUserid {
    /// The user id.
    pub userid: String,
    /// The provider's id of the member.
    pub open_userid: String,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`UseridToOpenuserid`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OpenUseridList {
    /// The ids converted.
    pub open_userid_list: Vec<OpenUserid>,
    /// The ids that were not.
    pub invalid_userid_list: Vec<String>,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `service/get_login_info` (获取登录用户信息): who logged in to the provider's website
/// through WeCom (the `auth_code` of the redirect after [`provider_login_url`]), called with the
/// provider token.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetLoginInfo {
    /// The `auth_code` of the login redirect.
    pub auth_code: String,
}

/// The user of a provider web login.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoginUser {
    /// The user id in their corp.
    pub userid: String,
    /// The provider's id of the user.
    pub open_userid: String,
    /// The name (may be empty for third-party apps).
    pub name: String,
    /// The avatar URL.
    pub avatar: String,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An app the login user administers, and how.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoginAgent {
    /// The app's agent id.
    pub agentid: i64,
    /// `0` use, `1` manage.
    pub auth_type: i64,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`GetLoginInfo`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LoginInfo {
    /// `1` creator, `2` internal admin, `3` external admin, `4` branch admin, `5` member.
    pub usertype: i64,
    /// The user.
    pub user_info: LoginUser,
    /// Their corp (`corpid`).
    pub corp_info: serde_json::Value,
    /// The apps they administer.
    pub agent: Vec<LoginAgent>,
    /// The departments they administer (`department`: `id`, `writable`).
    pub auth_info: serde_json::Value,
    /// Fields this type does not name, as WeCom sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    GetLoginInfo => LoginInfo {
        POST Work "/cgi-bin/service/get_login_info",
        auth: ProviderTokenAsAccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/91125",
    }
    GetPreAuthCode => PreAuthCode {
        GET Work "/cgi-bin/service/get_pre_auth_code",
        auth: SuiteAccessToken, repeat: Safe,
        sensitive: true,
        doc: "https://developer.work.weixin.qq.com/document/path/90601",
    }
    SetSessionInfo => Ack {
        POST Work "/cgi-bin/service/set_session_info",
        auth: SuiteAccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90602",
    }
    GetPermanentCode => PermanentCodeInfo {
        POST Work "/cgi-bin/service/get_permanent_code",
        auth: SuiteAccessToken, repeat: Never,
        sensitive: true,
        doc: "https://developer.work.weixin.qq.com/document/path/90603",
    }
    GetPermanentCodeV2 => PermanentCodeInfo {
        POST Work "/cgi-bin/service/v2/get_permanent_code",
        auth: SuiteAccessToken, repeat: Never,
        sensitive: true,
        doc: "https://developer.work.weixin.qq.com/document/path/100776",
    }
    GetAuthInfo => CorpAuthInfo {
        POST Work "/cgi-bin/service/get_auth_info",
        auth: SuiteAccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90604",
    }
    GetAdminList => AdminList {
        POST Work "/cgi-bin/service/get_admin_list",
        auth: SuiteAccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90606",
    }
    CorpidToOpencorpid => OpenCorpid {
        POST Work "/cgi-bin/service/corpid_to_opencorpid",
        auth: ProviderAccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95604",
    }
    UseridToOpenuserid => OpenUseridList {
        POST Work "/cgi-bin/batch/userid_to_openuserid",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/97062",
    }
}

/// The install page (从服务商网站发起): a corp's admin confirms the installation, then WeCom
/// redirects to `redirect_uri?auth_code=CODE&expires_in=600&state=STATE` (read it with
/// [`InstallRedirect::parse`]). `pre_auth_code` comes from [`GetPreAuthCode`] and works once;
/// `redirect_uri` is percent-encoded here and must be on the suite's install domain; `state`
/// is at most 128 letters and digits.
///
/// <https://developer.work.weixin.qq.com/document/path/90597>
pub fn install_url(
    hosts: &Hosts,
    suite_id: &str,
    pre_auth_code: &Secret,
    redirect_uri: &str,
    state: &str,
) -> url::Url {
    browser_url(
        hosts,
        Host::WorkOpen,
        "/3rdapp/install",
        &[
            ("suite_id", suite_id),
            ("pre_auth_code", pre_auth_code.expose()),
            ("redirect_uri", redirect_uri),
            ("state", state),
        ],
        None,
    )
}

/// Who may log in through [`provider_login_url`] (`usertype`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LoginUserType {
    /// `admin`: corp admins only.
    Admin,
    /// `member`: any member (admins included).
    Member,
}

impl LoginUserType {
    /// The value as WeCom spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            LoginUserType::Admin => "admin",
            LoginUserType::Member => "member",
        }
    }
}

/// The provider's web login page (服务商网站登录, `3rd_qrConnect`): a corp's admin or member
/// scans the QR code, then WeCom redirects to `redirect_uri?auth_code=CODE&state=STATE`.
/// `provider_corpid` is the provider's corp id.
///
/// <https://developer.work.weixin.qq.com/document/path/91124>
pub fn provider_login_url(
    hosts: &Hosts,
    provider_corpid: &str,
    redirect_uri: &str,
    state: &str,
    usertype: LoginUserType,
) -> url::Url {
    browser_url(
        hosts,
        Host::WorkOpen,
        "/wwopen/sso/3rd_qrConnect",
        &[
            ("appid", provider_corpid),
            ("redirect_uri", redirect_uri),
            ("state", state),
            ("usertype", usertype.as_str()),
        ],
        None,
    )
}

/// What WeCom appends to `redirect_uri` after an installation: the one-shot `auth_code` for
/// [`GetPermanentCode`], how long it lives, and the `state` of the install link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InstallRedirect {
    /// `auth_code`: the temporary authorization code.
    pub auth_code: String,
    /// `expires_in`: seconds the code stays valid (`None` when absent).
    pub expires_in: Option<u64>,
    /// `state`, as the install link carried it (`None` when absent).
    pub state: Option<String>,
}

impl InstallRedirect {
    /// Reads the redirect URL (or just its query). An error when `auth_code` is missing: the
    /// admin did not install.
    pub fn parse(url_or_query: &str) -> Result<Self> {
        let query = url_or_query
            .split_once('?')
            .map_or(url_or_query, |(_, q)| q);
        let query = query.split('#').next().unwrap_or_default();
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        let value = |name: &str| {
            pairs
                .iter()
                .find(|(k, v)| k == name && !v.is_empty())
                .map(|(_, v)| v.clone())
        };
        Ok(Self {
            auth_code: value("auth_code")
                .ok_or_else(|| Error::Build("the redirect carries no auth_code".to_owned()))?,
            expires_in: value("expires_in").and_then(|v| v.parse().ok()),
            state: value("state"),
        })
    }
}

/// The suite of a suite client (or of a client of one of its corps).
fn suite_of<H, S, R>(client: &Client<H, S, R>) -> Result<&SuiteApp>
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    match client.flow() {
        Some(TokenFlow::Suite(s) | TokenFlow::SuiteCorp { suite: s, .. }) => Ok(s),
        _ => Err(Error::Build(format!(
            "{:?} is no WeCom suite",
            client.flow().map(TokenFlow::key)
        ))),
    }
}

/// A client of a corp that installed the suite of `suite` (a suite client), sharing its HTTP
/// client, store and hosts. The corp's permanent code must be in the store; its token then
/// refreshes by itself.
pub fn corp<H, S, R>(suite: &Client<H, S, R>, corpid: &str) -> Result<Client<H, S, R>>
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    let app = suite_of(suite)?.clone();
    Ok(suite.with_auth(TokenFlow::SuiteCorp {
        suite: app,
        corpid: corpid.to_owned(),
    }))
}

/// Keeps the permanent code of a corp that installed `suite_id` (from [`GetPermanentCode`], or
/// a migration), so the corp's token refreshes by itself from now on. It has no expiry: it
/// lasts until the corp cancels the installation.
pub async fn save_permanent_code<H, S, R>(
    client: &Client<H, S, R>,
    suite_id: &str,
    corpid: &str,
    permanent_code: Secret,
) -> std::result::Result<(), StoreError>
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    let record = StoredToken {
        value: permanent_code,
        expires_at_ms: u64::MAX,
    };
    client
        .store()
        .save(&TokenFlow::permanent_code_key(suite_id, corpid), &record, None)
        .await
}

/// Calls [`GetPermanentCode`] with the `auth_code` of an installation (the install redirect's
/// or the `create_auth` push's) through a suite client, and keeps the corp's permanent code in
/// the store under the suite and the corp ([`save_permanent_code`]). Answers the installation;
/// a store that cannot keep the code is a credential error (the code would be lost).
pub async fn get_permanent_code<H, S, R>(
    suite: &Client<H, S, R>,
    auth_code: &str,
) -> Result<PermanentCodeInfo>
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    let suite_id = suite_of(suite)?.suite_id.clone();
    let grant = suite
        .call(&GetPermanentCode {
            auth_code: auth_code.to_owned(),
        })
        .await?;
    let corpid = &grant.auth_corp_info.corpid;
    if corpid.is_empty() {
        return Err(Error::Credential(
            "get_permanent_code answered no auth_corp_info.corpid".to_owned(),
        ));
    }
    save_permanent_code(suite, &suite_id, corpid, grant.permanent_code.clone())
        .await
        .map_err(|e| {
            Error::Credential(format!(
                "cannot keep the permanent code of corp {corpid}: {e}"
            ))
        })?;
    Ok(grant)
}

/// The flows of what a suite keeps for one corp: its token and the token's JS-SDK tickets.
fn corp_flows(suite_id: &str, corpid: &str) -> Vec<TokenFlow> {
    let flow = TokenFlow::SuiteCorp {
        suite: SuiteApp {
            suite_id: suite_id.to_owned(),
            secret: Secret::default(),
        },
        corpid: corpid.to_owned(),
    };
    let mut flows: Vec<TokenFlow> = [TicketKind::WorkCorp, TicketKind::WorkAgent]
        .into_iter()
        .filter_map(|kind| flow.ticket(kind))
        .collect();
    flows.push(flow);
    flows
}

/// The store keys of what a suite keeps for one corp: its permanent code, its token and the
/// token's JS-SDK tickets. A `cancel_auth` push makes them all stale.
pub fn corp_keys(suite_id: &str, corpid: &str) -> Vec<String> {
    let mut keys: Vec<String> = corp_flows(suite_id, corpid)
        .iter()
        .map(TokenFlow::key)
        .collect();
    keys.push(TokenFlow::permanent_code_key(suite_id, corpid));
    keys
}

/// Clears what a `cancel_auth` push makes stale: the corp's token, tickets and permanent code,
/// in the store and in this process's memory, each only if it still holds the value read
/// (compare-and-invalidate). Other pushes clear nothing. Answers how many records it cleared.
/// From then on the corp's calls fail at once with a credential error (no permanent code),
/// without a fetch, until it installs again and [`get_permanent_code`] keeps the new code.
pub async fn forget_cancelled<H, S, R>(
    client: &Client<H, S, R>,
    push: &SuiteEvent,
) -> std::result::Result<usize, StoreError>
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    let SuiteEvent::CancelAuth(event) = push else {
        return Ok(0);
    };
    let Some(corpid) = event.auth_corp_id.as_deref().filter(|c| !c.is_empty()) else {
        return Ok(0);
    };
    let mut cleared = 0;
    for flow in corp_flows(&event.suite_id, corpid) {
        if let Some(record) = client.store().load(&flow.key()).await? {
            client.invalidate(&flow, &record.value).await;
            cleared += 1;
        }
    }
    let code = TokenFlow::permanent_code_key(&event.suite_id, corpid);
    if let Some(record) = client.store().load(&code).await?
        && client.store().invalidate_if(&code, &record.value).await?
    {
        cleared += 1;
    }
    Ok(cleared)
}
