//! Links into the Mini Program: URL schemes, URL links and short links.
//!
//! A URL scheme (`weixin://dl/business/?t=...`) opens the Mini Program from SMS, mail or another
//! app; a URL link (`https://wxaurl.cn/...`) does the same from a web page; a short link
//! (`#小程序://...`) is pasted into a WeChat chat.

use serde::{Deserialize, Serialize};

/// When a scheme or URL link expires (`expire_type`): at a time, or after some days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum ExpireType {
    /// `0`: at `expire_time`, Unix seconds.
    AtTime,
    /// `1`: `expire_interval` days after it is made.
    AfterDays,
}

impl From<ExpireType> for u8 {
    fn from(t: ExpireType) -> u8 {
        match t {
            ExpireType::AtTime => 0,
            ExpireType::AfterDays => 1,
        }
    }
}

impl TryFrom<u8> for ExpireType {
    type Error = String;
    fn try_from(v: u8) -> Result<Self, String> {
        match v {
            0 => Ok(ExpireType::AtTime),
            1 => Ok(ExpireType::AfterDays),
            other => Err(format!("expire_type {other} is neither 0 nor 1")),
        }
    }
}

/// The page a scheme opens (`jump_wxa`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JumpWxa {
    /// The page of a published version, without a leading `/`; the home page when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub path: String,
    /// The query the page receives, at most 512 characters.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub query: String,
    /// Which version opens: `release` (the default), `trial` or `develop`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env_version: Option<String>,
}

/// `wxa/generatescheme` (generateScheme, 获取加密scheme码): makes a URL scheme that opens the
/// Mini Program from outside WeChat. Never retried automatically (each call makes a scheme).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GenerateScheme {
    /// The page to open; the home page when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jump_wxa: Option<JumpWxa>,
    /// Whether the scheme expires (deprecated by WeChat: schemes now always expire).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_expire: Option<bool>,
    /// With [`ExpireType::AtTime`]: when it expires, Unix seconds, at most 30 days away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_time: Option<i64>,
    /// How the expiry is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_type: Option<ExpireType>,
    /// With [`ExpireType::AfterDays`]: days until it expires, at most 30.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_interval: Option<u32>,
}

impl GenerateScheme {
    /// A scheme that opens `path` with `query`, expiring after `days` days.
    pub fn page(path: impl Into<String>, query: impl Into<String>, days: u32) -> Self {
        Self {
            jump_wxa: Some(JumpWxa {
                path: path.into(),
                query: query.into(),
                env_version: None,
            }),
            is_expire: Some(true),
            expire_type: Some(ExpireType::AfterDays),
            expire_interval: Some(days),
            expire_time: None,
        }
    }
}

/// The answer of `wxa/generatescheme`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GeneratedScheme {
    /// The scheme, `weixin://dl/business/?t=...`.
    #[serde(default)]
    pub openlink: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `wxa/queryscheme` (queryScheme, 查询scheme码): what a scheme opens and when it expires, and
/// the app's scheme quota.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryScheme {
    /// The scheme, `weixin://dl/business/?t=...`.
    pub scheme: String,
    /// `0` (the default): encrypted schemes; `1`: plain schemes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_type: Option<u8>,
}

impl QueryScheme {
    /// Looks up `scheme`.
    pub fn new(scheme: impl Into<String>) -> Self {
        Self {
            scheme: scheme.into(),
            query_type: None,
        }
    }
}

/// What a scheme opens (`scheme_info`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SchemeInfo {
    /// The Mini Program.
    #[serde(default)]
    pub appid: String,
    /// The page.
    #[serde(default)]
    pub path: String,
    /// The query.
    #[serde(default)]
    pub query: String,
    /// When it was made, Unix seconds.
    #[serde(default)]
    pub create_time: i64,
    /// When it expires, Unix seconds (0: never).
    #[serde(default)]
    pub expire_time: i64,
    /// The version it opens: `release`, `trial` or `develop`.
    #[serde(default)]
    pub env_version: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The app's quota of long-lived schemes or links (`scheme_quota`, `url_link_quota`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkQuota {
    /// Long-lived ones made so far.
    #[serde(default)]
    pub long_time_used: u64,
    /// How many may be made.
    #[serde(default)]
    pub long_time_limit: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `wxa/queryscheme`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SchemeQuery {
    /// What the scheme opens.
    #[serde(default)]
    pub scheme_info: SchemeInfo,
    /// The app's quota.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheme_quota: Option<LinkQuota>,
    /// The OpenID of the user who opened it, when one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_openid: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A static web page hosted by Cloud Development that a URL link opens first (`cloud_base`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CloudBase {
    /// The cloud environment.
    #[serde(default)]
    pub env: String,
    /// The static site's domain (the default domain when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub domain: String,
    /// The page's path (`/jump-wxa.html` when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub path: String,
    /// The page's query.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub query: String,
    /// The app whose environment it is, when another's resources are shared.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub resource_appid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `wxa/generate_urllink` (generateUrlLink, 获取加密URLLink): makes a URL link that opens the
/// Mini Program from a web page or an SMS. Never retried automatically.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GenerateUrlLink {
    /// The page of a published version, without a leading `/`; the home page when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The query the page receives, at most 1024 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
    /// Whether the link expires (deprecated by WeChat: links now always expire).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_expire: Option<bool>,
    /// How the expiry is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_type: Option<ExpireType>,
    /// With [`ExpireType::AtTime`]: when it expires, Unix seconds, at most 30 days away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_time: Option<i64>,
    /// With [`ExpireType::AfterDays`]: days until it expires, at most 30.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_interval: Option<u32>,
    /// A Cloud Development page to open first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud_base: Option<CloudBase>,
    /// Which version opens: `release` (the default), `trial` or `develop`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env_version: Option<String>,
}

impl GenerateUrlLink {
    /// A link that opens `path` with `query`, expiring after `days` days.
    pub fn page(path: impl Into<String>, query: impl Into<String>, days: u32) -> Self {
        Self {
            path: Some(path.into()),
            query: Some(query.into()),
            is_expire: Some(true),
            expire_type: Some(ExpireType::AfterDays),
            expire_interval: Some(days),
            ..Self::default()
        }
    }
}

/// The answer of `wxa/generate_urllink`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GeneratedUrlLink {
    /// The link, `https://wxaurl.cn/...`.
    #[serde(default)]
    pub url_link: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `wxa/query_urllink` (queryUrlLink, 查询加密URLLink): what a URL link opens and when it
/// expires, and the app's link quota.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryUrlLink {
    /// The link, `https://wxaurl.cn/...`.
    pub url_link: String,
    /// `0` (the default): encrypted links; `1`: plain links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_type: Option<u8>,
}

impl QueryUrlLink {
    /// Looks up `url_link`.
    pub fn new(url_link: impl Into<String>) -> Self {
        Self {
            url_link: url_link.into(),
            query_type: None,
        }
    }
}

/// What a URL link opens (`url_link_info`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UrlLinkInfo {
    /// The Mini Program.
    #[serde(default)]
    pub appid: String,
    /// The page.
    #[serde(default)]
    pub path: String,
    /// The query.
    #[serde(default)]
    pub query: String,
    /// When it was made, Unix seconds.
    #[serde(default)]
    pub create_time: i64,
    /// When it expires, Unix seconds (0: never).
    #[serde(default)]
    pub expire_time: i64,
    /// The version it opens: `release`, `trial` or `develop`.
    #[serde(default)]
    pub env_version: String,
    /// The Cloud Development page it opens first, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cloud_base: Option<CloudBase>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `wxa/query_urllink`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UrlLinkQuery {
    /// What the link opens.
    #[serde(default)]
    pub url_link_info: UrlLinkInfo,
    /// The app's quota.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url_link_quota: Option<LinkQuota>,
    /// The OpenID of the user who opened it, when one did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_openid: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `wxa/genwxashortlink` (generateShortLink, 获取ShortLink): makes a short link to paste in a
/// WeChat chat, permanent or valid for 30 days. Never retried automatically.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GenerateShortLink {
    /// The page with its query, at most 1024 characters.
    pub page_url: String,
    /// The title shown with the link, at most 20 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_title: Option<String>,
    /// True for a permanent link (limited to 100,000), false (the default) for one of 30 days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_permanent: Option<bool>,
}

impl GenerateShortLink {
    /// A link of 30 days to `page_url` titled `page_title`.
    pub fn temporary(page_url: impl Into<String>, page_title: impl Into<String>) -> Self {
        Self {
            page_url: page_url.into(),
            page_title: Some(page_title.into()),
            is_permanent: Some(false),
        }
    }

    /// A permanent link to `page_url` titled `page_title`.
    pub fn permanent(page_url: impl Into<String>, page_title: impl Into<String>) -> Self {
        Self {
            is_permanent: Some(true),
            ..Self::temporary(page_url, page_title)
        }
    }
}

/// The answer of `wxa/genwxashortlink`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GeneratedShortLink {
    /// The short link, `#小程序://...`.
    #[serde(default)]
    pub link: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "miniprogram";

    GenerateScheme => GeneratedScheme {
        POST Api "/wxa/generatescheme",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-scheme/generateScheme.html",
    }
    QueryScheme => SchemeQuery {
        POST Api "/wxa/queryscheme",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-scheme/queryScheme.html",
    }
    GenerateUrlLink => GeneratedUrlLink {
        POST Api "/wxa/generate_urllink",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-link/generateUrlLink.html",
    }
    QueryUrlLink => UrlLinkQuery {
        POST Api "/wxa/query_urllink",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/url-link/queryUrlLink.html",
    }
    GenerateShortLink => GeneratedShortLink {
        POST Api "/wxa/genwxashortlink",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/short-link/generateShortLink.html",
    }
}
