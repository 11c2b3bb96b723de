//! The endpoints that issue credentials. Their responses carry secrets: errors never copy their bodies.

use serde::{Deserialize, Serialize};

use crate::secret::Secret;

use crate::secret::expose;

/// `getStableAccessToken`: the stable access token of an Official Account or Mini Program.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetStableAccessToken {
    /// Always `client_credential`.
    pub grant_type: std::borrow::Cow<'static, str>,
    /// The app id.
    pub appid: String,
    /// The app secret.
    #[serde(serialize_with = "expose")]
    pub secret: Secret,
    /// Forces a new token (20 a day, 30 s apart): only on demand.
    pub force_refresh: bool,
}

/// `getAccessToken`: the classic access token; each fetch retires the previous one after 5 minutes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetAccessToken {
    /// Always `client_credential`.
    pub grant_type: std::borrow::Cow<'static, str>,
    /// The app id.
    pub appid: String,
    /// The app secret.
    #[serde(serialize_with = "expose")]
    pub secret: Secret,
}

/// An `access_token` with its lifetime.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct AccessTokenResponse {
    /// The token.
    pub access_token: Secret,
    /// Seconds it stays valid.
    pub expires_in: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// WeCom `gettoken`: the access token of one app (one secret) of a corp.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetWorkAccessToken {
    /// The corp id.
    pub corpid: String,
    /// The app's secret.
    #[serde(serialize_with = "expose")]
    pub corpsecret: Secret,
}

/// `getticket`: a JS-SDK ticket (`jsapi` or `wx_card`) of an Official Account.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetTicket {
    /// `jsapi` or `wx_card`.
    #[serde(rename = "type")]
    pub kind: std::borrow::Cow<'static, str>,
}

/// A JS-SDK ticket with its lifetime.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct TicketResponse {
    /// The ticket.
    pub ticket: Secret,
    /// Seconds it stays valid.
    pub expires_in: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// WeCom `get_jsapi_ticket`: the corp's JS-SDK ticket.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetWorkJsapiTicket {}

/// WeCom `ticket/get?type=agent_config`: the app's ticket for `wx.agentConfig`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetWorkAgentTicket {
    /// Always `agent_config`.
    #[serde(rename = "type")]
    pub kind: std::borrow::Cow<'static, str>,
}

/// `component/api_component_token`: the third-party platform's token.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetComponentAccessToken {
    /// The platform's app id.
    pub component_appid: String,
    /// The platform's secret.
    #[serde(serialize_with = "expose")]
    pub component_appsecret: Secret,
    /// The ticket WeChat pushes every 10 minutes.
    #[serde(serialize_with = "expose")]
    pub component_verify_ticket: Secret,
}

/// The third-party platform's token with its lifetime.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct ComponentAccessTokenResponse {
    /// The token.
    pub component_access_token: Secret,
    /// Seconds it stays valid.
    pub expires_in: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `component/api_authorizer_token`: an authorizer's token, from its refresh token.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetAuthorizerAccessToken {
    /// The platform's app id.
    pub component_appid: String,
    /// The authorizer's app id.
    pub authorizer_appid: String,
    /// The stored refresh token.
    #[serde(serialize_with = "expose")]
    pub authorizer_refresh_token: Secret,
}

/// An authorizer's token, and the refresh token to keep.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct AuthorizerAccessTokenResponse {
    /// The token.
    pub authorizer_access_token: Secret,
    /// Seconds it stays valid.
    pub expires_in: u64,
    /// The refresh token to store (it may change).
    pub authorizer_refresh_token: Secret,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `component/api_create_preauthcode`: a one-shot pre-authorization code.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct CreatePreAuthCode {
    /// The platform's app id.
    pub component_appid: String,
}

/// A pre-authorization code.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct PreAuthCodeResponse {
    /// The code.
    pub pre_auth_code: Secret,
    /// Seconds it stays valid.
    pub expires_in: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `component/api_query_auth`: the authorization an authorizer granted, from its authorization code.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct QueryAuth {
    /// The platform's app id.
    pub component_appid: String,
    /// The code from the authorization redirect or the `authorized` push.
    pub authorization_code: String,
}

/// What [`QueryAuth`] answers.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct QueryAuthResponse {
    /// The authorization.
    pub authorization_info: AuthorizationInfo,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One authorizer's grant.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct AuthorizationInfo {
    /// The authorizer's app id.
    pub authorizer_appid: String,
    /// Its token.
    pub authorizer_access_token: Secret,
    /// Seconds the token stays valid.
    pub expires_in: u64,
    /// The refresh token to store.
    pub authorizer_refresh_token: Secret,
    /// The permission sets granted.
    #[serde(default)]
    pub func_info: Vec<serde_json::Value>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// WeCom `service/get_suite_token`: a third-party suite's token.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetSuiteToken {
    /// The suite id.
    pub suite_id: String,
    /// The suite secret.
    #[serde(serialize_with = "expose")]
    pub suite_secret: Secret,
    /// The ticket WeCom pushes every 10 minutes.
    #[serde(serialize_with = "expose")]
    pub suite_ticket: Secret,
}

/// A suite's token with its lifetime.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct SuiteTokenResponse {
    /// The token.
    pub suite_access_token: Secret,
    /// Seconds it stays valid.
    pub expires_in: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// WeCom `service/get_provider_token`: the service provider's token.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetProviderToken {
    /// The provider's corp id.
    pub corpid: String,
    /// The provider secret.
    #[serde(serialize_with = "expose")]
    pub provider_secret: Secret,
}

/// A provider's token with its lifetime.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct ProviderTokenResponse {
    /// The token.
    pub provider_access_token: Secret,
    /// Seconds it stays valid.
    pub expires_in: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// WeCom `service/get_corp_token`: the token of a corp that installed the suite.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetCorpToken {
    /// The installing corp.
    pub auth_corpid: String,
    /// Its permanent code.
    #[serde(serialize_with = "expose")]
    pub permanent_code: Secret,
}

crate::endpoint! {
    area: "credential";

    GetStableAccessToken => AccessTokenResponse {
        POST Api "/cgi-bin/stable_token",
        auth: None, repeat: Safe,
        sensitive: true,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/getStableAccessToken.html",
    }
    GetWorkAccessToken => WorkAccessTokenResponse {
        GET Work "/cgi-bin/gettoken",
        auth: None, repeat: Safe,
        sensitive: true,
        doc: "https://developer.work.weixin.qq.com/document/path/91039",
    }
    GetTicket => TicketResponse {
        GET Api "/cgi-bin/ticket/getticket",
        auth: AccessToken, repeat: Safe,
        sensitive: true,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html",
    }
    GetWorkJsapiTicket => WorkTicketResponse {
        GET Work "/cgi-bin/get_jsapi_ticket",
        auth: AccessToken, repeat: Safe,
        sensitive: true,
        doc: "https://developer.work.weixin.qq.com/document/path/90506",
    }
    GetComponentAccessToken => ComponentAccessTokenResponse {
        POST Api "/cgi-bin/component/api_component_token",
        auth: None, repeat: Safe,
        sensitive: true,
        doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/ticket-token/getComponentAccessToken.html",
    }
    GetAuthorizerAccessToken => AuthorizerAccessTokenResponse {
        POST Api "/cgi-bin/component/api_authorizer_token",
        auth: ComponentAccessToken, repeat: Safe,
        sensitive: true,
        doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/ticket-token/getAuthorizerAccessToken.html",
    }
    CreatePreAuthCode => PreAuthCodeResponse {
        POST Api "/cgi-bin/component/api_create_preauthcode",
        auth: ComponentAccessToken, repeat: Safe,
        sensitive: true,
        doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/ticket-token/getPreAuthCode.html",
    }
    QueryAuth => QueryAuthResponse {
        POST Api "/cgi-bin/component/api_query_auth",
        auth: ComponentAccessToken, repeat: Safe,
        sensitive: true,
        doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/ticket-token/getAuthorizerAccessToken.html",
    }
    GetSuiteToken => SuiteTokenResponse {
        POST Work "/cgi-bin/service/get_suite_token",
        auth: None, repeat: Safe,
        sensitive: true,
        doc: "https://developer.work.weixin.qq.com/document/path/90600",
    }
    GetProviderToken => ProviderTokenResponse {
        POST Work "/cgi-bin/service/get_provider_token",
        auth: None, repeat: Safe,
        sensitive: true,
        doc: "https://developer.work.weixin.qq.com/document/path/91200",
    }
    GetCorpToken => CorpTokenResponse {
        POST Work "/cgi-bin/service/get_corp_token",
        auth: SuiteAccessToken, repeat: Safe,
        sensitive: true,
        doc: "https://developer.work.weixin.qq.com/document/path/90605",
    }
    GetAccessToken => ClassicTokenResponse {
        GET Api "/cgi-bin/token",
        auth: None, repeat: Safe,
        sensitive: true,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_access_token.html",
    }
    GetWorkAgentTicket => WorkAgentTicketResponse {
        GET Work "/cgi-bin/ticket/get",
        auth: AccessToken, repeat: Safe,
        sensitive: true,
        doc: "https://developer.work.weixin.qq.com/document/path/90506",
    }
}

/// WeCom's `access_token` answer (same shape as the Official Account's).
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(transparent)]
pub struct WorkAccessTokenResponse(pub AccessTokenResponse);

/// WeCom's ticket answer.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(transparent)]
pub struct WorkTicketResponse(pub TicketResponse);

/// WeCom's ticket answer for `agent_config`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(transparent)]
pub struct WorkAgentTicketResponse(pub TicketResponse);

/// A suite-installed corp's token.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(transparent)]
pub struct CorpTokenResponse(pub AccessTokenResponse);

/// The classic token's answer.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(transparent)]
pub struct ClassicTokenResponse(pub AccessTokenResponse);
