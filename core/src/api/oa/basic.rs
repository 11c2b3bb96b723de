//! Basic information: server IPs, network checks, API quotas and request ids.

use serde::{Deserialize, Serialize};

use crate::endpoint::Ack;
use crate::secret::Secret;

/// `get_api_domain_ip`: the egress IPs of `api.weixin.qq.com`, for firewalls.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GetApiDomainIp {}

/// `getcallbackip`: the IPs WeChat pushes callbacks from.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GetCallbackIp {}

/// A list of IP addresses.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct IpList {
    /// The addresses.
    pub ip_list: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `callback/check` (network detection): WeChat resolves the callback URL's domain and pings
/// every address it finds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CallbackCheck {
    /// `dns`, `ping` or `all`.
    pub action: String,
    /// The carrier to check from: `CHINANET`, `UNICOM`, `CAP` or `DEFAULT`.
    pub check_operator: String,
}

impl CallbackCheck {
    /// Resolves and pings, from the carrier WeChat picks.
    pub fn all() -> Self {
        Self {
            action: "all".into(),
            check_operator: "DEFAULT".into(),
        }
    }
}

/// What [`CallbackCheck`] found.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct CallbackCheckResult {
    /// The addresses the domain resolved to.
    #[serde(default)]
    pub dns: Vec<DnsResult>,
    /// One ping per address.
    #[serde(default)]
    pub ping: Vec<PingResult>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One resolved address.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DnsResult {
    /// The address.
    pub ip: String,
    /// Its carrier.
    #[serde(default)]
    pub real_operator: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One ping.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PingResult {
    /// The address pinged.
    pub ip: String,
    /// The carrier pinged from.
    #[serde(default)]
    pub from_operator: String,
    /// `0%` or `100%` (one packet is sent).
    #[serde(default)]
    pub package_loss: String,
    /// The round trip, such as `23.079ms`.
    #[serde(default)]
    pub time: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `clear_quota` (clearQuota): resets the daily call counts of every API of an account. Ten
/// resets a month; never retried automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClearQuota {
    /// The account whose counts are reset; it must own the token.
    pub appid: String,
}

/// `clear_quota/v2` (clearQuotaByAppSecret): resets the daily call counts with the app secret,
/// for when the token itself can no longer be fetched. Shares the monthly ten resets.
///
/// A `POST` whose inputs travel in the query string, as in the document's example; the body is
/// empty.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ClearQuotaByAppSecret {
    /// The account whose counts are reset.
    pub appid: String,
    /// Its app secret.
    #[serde(serialize_with = "crate::secret::expose")]
    pub appsecret: Secret,
}

/// `openapi/quota/get` (getApiQuota): the daily quota of one API.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetApiQuota {
    /// The API path, such as `/cgi-bin/message/custom/send` (no host).
    pub cgi_path: String,
}

/// What [`GetApiQuota`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ApiQuota {
    /// The daily quota.
    pub quota: Quota,
    /// The frequency limit, where the API has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rate_limit: Option<RateLimit>,
    /// The frequency limit of calls made by a third-party platform, where the API has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_rate_limit: Option<RateLimit>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A daily quota.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Quota {
    /// Calls allowed today.
    #[serde(default)]
    pub daily_limit: u64,
    /// Calls made today.
    #[serde(default)]
    pub used: u64,
    /// Calls left today.
    #[serde(default)]
    pub remain: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A frequency limit: `call_count` calls every `refresh_second` seconds.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct RateLimit {
    /// Calls allowed per period.
    #[serde(default)]
    pub call_count: u64,
    /// The period, in seconds.
    #[serde(default)]
    pub refresh_second: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `openapi/rid/get` (getRidInfo): what a failed call with this request id sent and received
/// (the last 7 days, same account only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetRidInfo {
    /// The `rid` from an `errmsg` (see [`crate::ApiError::rid`]).
    pub rid: String,
}

/// What [`GetRidInfo`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct RidInfo {
    /// The request.
    pub request: RidRequest,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A recorded request.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct RidRequest {
    /// When it was made, Unix seconds.
    #[serde(default)]
    pub invoke_time: i64,
    /// How long it took, in milliseconds.
    #[serde(default)]
    pub cost_in_ms: u64,
    /// Its query string.
    #[serde(default)]
    pub request_url: String,
    /// Its body.
    #[serde(default)]
    pub request_body: String,
    /// WeChat's answer.
    #[serde(default)]
    pub response_body: String,
    /// The caller's IP.
    #[serde(default)]
    pub client_ip: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}


crate::endpoint! {
    area: "officialaccount";

    ClearQuotaByAppSecret => Ack {
        POST Api "/cgi-bin/clear_quota/v2",
        auth: None, repeat: Never,
        fields: query,
        doc: "https://developers.weixin.qq.com/doc/service/api/apimanage/api_clearquotabyappsecret.html",
    }
    GetApiDomainIp => IpList {
        GET Api "/cgi-bin/get_api_domain_ip",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_the_WeChat_server_IP_address.html",
    }
    GetCallbackIp => IpList {
        GET Api "/cgi-bin/getcallbackip",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_the_WeChat_server_IP_address.html",
    }
    CallbackCheck => CallbackCheckResult {
        POST Api "/cgi-bin/callback/check",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Network_Detection.html",
    }
    ClearQuota => Ack {
        POST Api "/cgi-bin/clear_quota",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/openApi/clear_quota.html",
    }
    GetApiQuota => ApiQuota {
        POST Api "/cgi-bin/openapi/quota/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/openApi/get_api_quota.html",
    }
    GetRidInfo => RidInfo {
        POST Api "/cgi-bin/openapi/rid/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/openApi/get_rid_info.html",
    }
}

