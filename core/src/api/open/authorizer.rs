//! Authorization and authorizers: the pages where an account's admin authorizes the platform,
//! the authorizers' details, list and options, and what an `unauthorized` push clears.

use std::collections::VecDeque;

use futures_util::stream::{self, Stream};
use serde::{Deserialize, Serialize};

use crate::api::oa::oauth::browser_url;
use crate::callback::ComponentEvent;
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::Ack;
use crate::error::{Error, Result};
use crate::host::{Host, Hosts};
use crate::secret::Secret;
use crate::token::keys::{self, StoreKey};
use crate::token::{ComponentApp, StoreError, TicketKind, TokenFlow};

/// Which accounts the authorization page offers (`auth_type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthType {
    /// `1`: Official Accounts only.
    OfficialAccount,
    /// `2`: Mini Programs only.
    MiniProgram,
    /// `3`: both (what WeChat shows when no type is given).
    Both,
    /// Another value WeChat documents (video accounts, sales assistants, ...).
    Other(u32),
}

impl AuthType {
    /// The number WeChat reads.
    pub fn code(self) -> u32 {
        match self {
            AuthType::OfficialAccount => 1,
            AuthType::MiniProgram => 2,
            AuthType::Both => 3,
            AuthType::Other(n) => n,
        }
    }
}

/// The PC authorization page (`componentloginpage`): the account's admin scans a QR code and
/// confirms; WeChat then redirects to `redirect_uri?auth_code=CODE&expires_in=600` (read it with
/// [`AuthorizationRedirect::parse`]). `biz_appid` restricts the page to one account.
/// `pre_auth_code` comes from [`CreatePreAuthCode`](crate::token::endpoints::CreatePreAuthCode)
/// and works once.
pub fn login_page_url(
    hosts: &Hosts,
    component_appid: &str,
    pre_auth_code: &Secret,
    redirect_uri: &str,
    auth_type: AuthType,
    biz_appid: Option<&str>,
) -> url::Url {
    let auth_type = auth_type.code().to_string();
    let mut query = vec![
        ("component_appid", component_appid),
        ("pre_auth_code", pre_auth_code.expose()),
        ("redirect_uri", redirect_uri),
        ("auth_type", auth_type.as_str()),
    ];
    query.extend(biz_appid.map(|b| ("biz_appid", b)));
    browser_url(hosts, Host::Mp, "/cgi-bin/componentloginpage", &query, None)
}

/// The mobile authorization page (`safe/bindcomponent`), opened inside WeChat: same parameters and
/// redirect as [`login_page_url`], without a QR code (`no_scan=1`).
pub fn bind_component_url(
    hosts: &Hosts,
    component_appid: &str,
    pre_auth_code: &Secret,
    redirect_uri: &str,
    auth_type: AuthType,
    biz_appid: Option<&str>,
) -> url::Url {
    let auth_type = auth_type.code().to_string();
    let mut query = vec![
        ("action", "bindcomponent"),
        ("no_scan", "1"),
        ("component_appid", component_appid),
        ("pre_auth_code", pre_auth_code.expose()),
        ("redirect_uri", redirect_uri),
        ("auth_type", auth_type.as_str()),
    ];
    query.extend(biz_appid.map(|b| ("biz_appid", b)));
    browser_url(
        hosts,
        Host::Mp,
        "/safe/bindcomponent",
        &query,
        Some("wechat_redirect"),
    )
}

/// What WeChat appends to `redirect_uri` after an authorization: the one-shot `auth_code` for
/// [`QueryAuth`](crate::token::endpoints::QueryAuth) and how long it lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuthorizationRedirect {
    /// `auth_code`: the authorization code.
    pub auth_code: String,
    /// `expires_in`: seconds the code stays valid (`None` when absent).
    pub expires_in: Option<u64>,
}

impl AuthorizationRedirect {
    /// Reads the redirect URL (or just its query). An error when `auth_code` is missing: the
    /// admin did not authorize.
    pub fn parse(url_or_query: &str) -> Result<Self> {
        let query = match url_or_query.split_once('?') {
            Some((_, q)) => q,
            None => url_or_query,
        };
        let query = query.split('#').next().unwrap_or_default();
        let mut auth_code = None;
        let mut expires_in = None;
        for (k, v) in url::form_urlencoded::parse(query.as_bytes()) {
            match k.as_ref() {
                "auth_code" if !v.is_empty() => auth_code = Some(v.into_owned()),
                "expires_in" => expires_in = v.parse().ok(),
                _ => {}
            }
        }
        let auth_code = auth_code
            .ok_or_else(|| Error::Build("the redirect carries no auth_code".to_owned()))?;
        Ok(Self {
            auth_code,
            expires_in,
        })
    }
}

/// `api_get_authorizer_info` (getAuthorizerInfo, 获取授权方的账号基本信息): an authorizer's
/// profile (name, avatar, type, verification, Mini Program settings) and what it granted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetAuthorizerInfo {
    /// The platform's app id.
    pub component_appid: String,
    /// The authorizer's app id.
    pub authorizer_appid: String,
}

impl GetAuthorizerInfo {
    /// The details of `authorizer_appid`.
    pub fn new(component_appid: impl Into<String>, authorizer_appid: impl Into<String>) -> Self {
        Self {
            component_appid: component_appid.into(),
            authorizer_appid: authorizer_appid.into(),
        }
    }
}

/// An `{"id": n, "name": ".."}` pair: account type, verification type, permission set.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IdName {
    /// The id.
    pub id: i64,
    /// Its description, when WeChat gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Which features an account has opened (0 no, 1 yes).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BusinessInfo {
    /// WeChat Pay.
    pub open_pay: i64,
    /// Shake.
    pub open_shake: i64,
    /// Product scanning.
    pub open_scan: i64,
    /// Cards and coupons.
    pub open_card: i64,
    /// Stores.
    pub open_store: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A Mini Program's server domains, as `MiniProgramInfo.network` lists them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct MiniProgramNetwork {
    /// `request` domains.
    pub request_domain: Vec<String>,
    /// `socket` domains.
    pub ws_request_domain: Vec<String>,
    /// `uploadFile` domains.
    pub upload_domain: Vec<String>,
    /// `downloadFile` domains.
    pub download_domain: Vec<String>,
    /// Web-view (business) domains.
    pub biz_domain: Vec<String>,
    /// `udp` domains.
    #[serde(rename = "UDPDomain")]
    pub udp_domain: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A category of a Mini Program.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MiniProgramCategory {
    /// The first-level category.
    pub first: String,
    /// The second-level category.
    pub second: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `MiniProgramInfo`: present when the authorizer is a Mini Program.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MiniProgramInfo {
    /// Server domains.
    pub network: MiniProgramNetwork,
    /// Categories.
    pub categories: Vec<MiniProgramCategory>,
    /// Visit status.
    pub visit_status: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An authorizer's profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthorizerInfo {
    /// The nickname.
    pub nick_name: String,
    /// The avatar URL.
    pub head_img: String,
    /// The account type (Official Account: 0 subscription, 1 upgraded, 2 service; Mini Program: 0).
    pub service_type_info: IdName,
    /// The verification type (-1 none, 0 WeChat, ...).
    pub verify_type_info: IdName,
    /// The original id (`gh_...`).
    pub user_name: String,
    /// The entity's name.
    pub principal_name: String,
    /// The WeChat id the account set, possibly empty.
    pub alias: String,
    /// Feature flags.
    pub business_info: BusinessInfo,
    /// The QR code image URL.
    pub qrcode_url: String,
    /// The Mini Program's description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// The Mini Program's settings: present for Mini Programs only.
    #[serde(rename = "MiniProgramInfo", skip_serializing_if = "Option::is_none")]
    pub mini_program_info: Option<MiniProgramInfo>,
    /// Account status (1 normal, 14 deregistered, 16 banned, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_status: Option<i64>,
    /// How the account was registered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub register_type: Option<i64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A permission set granted to the platform.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FuncInfo {
    /// The permission set.
    pub funcscope_category: IdName,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What an authorizer granted, as [`GetAuthorizerInfo`] answers it (without a token).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthorizationGrant {
    /// The authorizer's app id.
    pub authorizer_appid: String,
    /// Its refresh token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorizer_refresh_token: Option<Secret>,
    /// The permission sets granted.
    pub func_info: Vec<FuncInfo>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`GetAuthorizerInfo`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthorizerDetails {
    /// The profile.
    pub authorizer_info: AuthorizerInfo,
    /// The grant.
    pub authorization_info: AuthorizationGrant,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `api_get_authorizer_list` (getAuthorizerList, 拉取所有已授权的账号信息): one page of the
/// accounts that authorized the platform. [`authorizers`] pages through them all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetAuthorizerList {
    /// The platform's app id.
    pub component_appid: String,
    /// Where the page starts.
    pub offset: u32,
    /// How many, at most [`MAX_AUTHORIZER_PAGE`].
    pub count: u32,
}

/// The most accounts one [`GetAuthorizerList`] page holds.
pub const MAX_AUTHORIZER_PAGE: u32 = 500;

/// An account that authorized the platform.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthorizedAccount {
    /// Its app id.
    pub authorizer_appid: String,
    /// Its refresh token.
    pub refresh_token: Secret,
    /// When it authorized, Unix seconds.
    pub auth_time: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`GetAuthorizerList`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthorizerList {
    /// Accounts in all.
    pub total_count: u64,
    /// This page.
    pub list: Vec<AuthorizedAccount>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Every account that authorized the platform, `page_size` (1 to [`MAX_AUTHORIZER_PAGE`]) per
/// call. A failed call is yielded as the error and ends the stream.
pub fn authorizers<'a, H, S, R>(
    client: &'a Client<H, S, R>,
    component_appid: &'a str,
    page_size: u32,
) -> impl Stream<Item = Result<AuthorizedAccount>> + 'a
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    let count = page_size.clamp(1, MAX_AUTHORIZER_PAGE);
    let start = (0u32, VecDeque::new(), false);
    stream::try_unfold(start, move |(mut offset, mut items, mut done)| async move {
        if items.is_empty() && !done {
            let page = client
                .call(&GetAuthorizerList {
                    component_appid: component_appid.to_owned(),
                    offset,
                    count,
                })
                .await?;
            let n = u32::try_from(page.list.len()).unwrap_or(u32::MAX);
            offset = offset.saturating_add(n);
            done = n == 0 || u64::from(offset) >= page.total_count;
            items.extend(page.list);
        }
        Ok(items
            .pop_front()
            .map(|item| (item, (offset, items, done))))
    })
}

/// `api_get_authorizer_option` (获取授权方选项信息): one option of an authorizer:
/// `location_report`, `voice_recognize` or `customer_service`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetAuthorizerOption {
    /// The platform's app id.
    pub component_appid: String,
    /// The authorizer's app id.
    pub authorizer_appid: String,
    /// The option.
    pub option_name: String,
}

/// An authorizer's option and its value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuthorizerOption {
    /// The authorizer's app id.
    pub authorizer_appid: String,
    /// The option.
    pub option_name: String,
    /// Its value (`location_report`: 0 off, 1 on entering a session, 2 every 5 s; the others:
    /// 0 off, 1 on).
    #[serde(deserialize_with = "crate::lenient::text")]
    pub option_value: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `api_set_authorizer_option` (设置授权方选项信息): sets one option of an authorizer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetAuthorizerOption {
    /// The platform's app id.
    pub component_appid: String,
    /// The authorizer's app id.
    pub authorizer_appid: String,
    /// The option.
    pub option_name: String,
    /// The new value, as text.
    pub option_value: String,
}

crate::endpoint! {
    area: "openplatform";

    GetAuthorizerInfo => AuthorizerDetails {
        POST Api "/cgi-bin/component/api_get_authorizer_info",
        auth: ComponentAccessToken, repeat: Safe,
        sensitive: true,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/token/api_get_authorizer_info.html",
    }
    GetAuthorizerList => AuthorizerList {
        POST Api "/cgi-bin/component/api_get_authorizer_list",
        auth: ComponentAccessToken, repeat: Safe,
        sensitive: true,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/Account_Authorization/api_get_authorizer_list.html",
    }
    GetAuthorizerOption => AuthorizerOption {
        POST Api "/cgi-bin/component/api_get_authorizer_option",
        auth: ComponentAccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/Account_Authorization/api_get_authorizer_option.html",
    }
    SetAuthorizerOption => Ack {
        POST Api "/cgi-bin/component/api_set_authorizer_option",
        auth: ComponentAccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/ThirdParty/Account_Authorization/api_set_authorizer_option.html",
    }
}

/// The store keys of what a platform keeps for one authorizer: its token, its refresh token and
/// its JS-SDK tickets. An `unauthorized` push makes them all stale.
pub fn authorizer_keys(component_appid: &str, authorizer_appid: &str) -> Vec<String> {
    let token = keys::format(StoreKey::Authorizer {
        component_appid,
        appid: authorizer_appid,
    });
    let tickets = [TicketKind::Jsapi, TicketKind::WxCard].map(|kind| {
        authorizer_flow(component_appid, authorizer_appid)
            .ticket(kind)
            .map(|f| f.key())
            .unwrap_or_default()
    });
    let mut out = vec![
        token,
        TokenFlow::authorizer_refresh_token_key(component_appid, authorizer_appid),
    ];
    out.extend(tickets.into_iter().filter(|k| !k.is_empty()));
    out
}

/// The authorizer's flow, for its store keys (a key never holds the secret).
fn authorizer_flow(component_appid: &str, authorizer_appid: &str) -> TokenFlow {
    TokenFlow::Authorizer {
        component: ComponentApp {
            appid: component_appid.to_owned(),
            secret: Secret::default(),
        },
        appid: authorizer_appid.to_owned(),
    }
}

/// Clears what an `unauthorized` push makes stale: the authorizer's token, refresh token and
/// tickets, in the store and in this process's memory, each only if it still holds the value
/// read (compare-and-invalidate). Other pushes clear nothing. Answers how many records it
/// cleared. From then on the authorizer's calls fail at once with a credential error (no
/// refresh token), without a fetch, until it authorizes again and
/// [`save_authorizer_refresh_token`](Client::save_authorizer_refresh_token) keeps the new one.
pub async fn forget_unauthorized<H, S, R>(
    client: &Client<H, S, R>,
    push: &ComponentEvent,
) -> std::result::Result<usize, StoreError>
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    let ComponentEvent::Unauthorized(event) = push else {
        return Ok(0);
    };
    let flow = authorizer_flow(&event.app_id, &event.authorizer_appid);
    let flows = [
        flow.ticket(TicketKind::Jsapi),
        flow.ticket(TicketKind::WxCard),
        Some(flow.clone()),
    ];
    let mut cleared = 0;
    for flow in flows.into_iter().flatten() {
        if let Some(record) = client.store().load(&flow.key()).await? {
            client.invalidate(&flow, &record.value).await;
            cleared += 1;
        }
    }
    let refresh = TokenFlow::authorizer_refresh_token_key(&event.app_id, &event.authorizer_appid);
    if let Some(record) = client.store().load(&refresh).await?
        && client.store().invalidate_if(&refresh, &record.value).await? {
            cleared += 1;
        }
    Ok(cleared)
}
