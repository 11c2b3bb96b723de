//! What the emulator saw: token fetches per account and kind, calls per path, the request log.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// The kinds of credential the emulator issues.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// `GET /cgi-bin/token`
    Classic,
    /// `POST /cgi-bin/stable_token`
    Stable,
    /// WeCom `GET /cgi-bin/gettoken`
    Corp,
    /// `GET /cgi-bin/ticket/getticket?type=jsapi`
    JsapiTicket,
    /// `GET /cgi-bin/ticket/getticket?type=wx_card`
    WxCardTicket,
    /// WeCom `GET /cgi-bin/get_jsapi_ticket`
    CorpJsapiTicket,
    /// WeCom `GET /cgi-bin/ticket/get?type=agent_config`
    AgentConfigTicket,
    /// `POST /cgi-bin/component/api_component_token`
    Component,
    /// `POST /cgi-bin/component/api_create_preauthcode`
    PreAuthCode,
    /// `POST /cgi-bin/component/api_query_auth` (issues an authorizer token)
    QueryAuth,
    /// `POST /cgi-bin/component/api_authorizer_token`
    Authorizer,
    /// WeCom `POST /cgi-bin/service/get_suite_token`
    Suite,
    /// WeCom `POST /cgi-bin/service/get_provider_token`
    Provider,
    /// WeCom `POST /cgi-bin/service/get_corp_token`
    CorpOfSuite,
    /// `GET /sns/oauth2/access_token` and `/sns/oauth2/refresh_token`: a user's web token
    OauthUser,
    /// `GET /sns/jscode2session`
    JsCodeSession,
}

impl TokenKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Classic => "classic",
            TokenKind::Stable => "stable",
            TokenKind::Corp => "corp",
            TokenKind::JsapiTicket => "jsapi_ticket",
            TokenKind::WxCardTicket => "wx_card_ticket",
            TokenKind::CorpJsapiTicket => "corp_jsapi_ticket",
            TokenKind::AgentConfigTicket => "agent_config_ticket",
            TokenKind::Component => "component",
            TokenKind::PreAuthCode => "pre_auth_code",
            TokenKind::QueryAuth => "query_auth",
            TokenKind::Authorizer => "authorizer",
            TokenKind::Suite => "suite",
            TokenKind::Provider => "provider",
            TokenKind::CorpOfSuite => "corp_of_suite",
            TokenKind::OauthUser => "oauth_user",
            TokenKind::JsCodeSession => "js_code_session",
        }
    }

    /// Whether a value of this kind is an API credential (usable as `access_token` & co.).
    pub(crate) fn is_credential(self) -> bool {
        !matches!(
            self,
            TokenKind::JsapiTicket
                | TokenKind::WxCardTicket
                | TokenKind::CorpJsapiTicket
                | TokenKind::AgentConfigTicket
                | TokenKind::PreAuthCode
                | TokenKind::JsCodeSession
        )
    }

    /// Whether a credential of this kind belongs to WeCom (qyapi.weixin.qq.com).
    pub(crate) fn is_work(self) -> bool {
        matches!(
            self,
            TokenKind::Corp
                | TokenKind::Suite
                | TokenKind::Provider
                | TokenKind::CorpOfSuite
                | TokenKind::CorpJsapiTicket
                | TokenKind::AgentConfigTicket
        )
    }
}

impl fmt::Display for TokenKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One request the emulator answered (control API requests excluded).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestRecord {
    /// 1, 2, 3, ... in arrival order.
    pub seq: u64,
    /// Emulator clock, Unix milliseconds.
    pub at_ms: i64,
    pub method: String,
    pub path: String,
    /// Decoded query pairs; values of secret parameters are `[redacted]`. Bodies are not kept.
    pub query: Vec<(String, String)>,
    /// HTTP status answered.
    pub status: u16,
    /// `errcode` of the answer, when it had one.
    pub errcode: Option<i64>,
    /// The injected fault that shaped the answer, if any (`system_busy`, `http_status`, ...).
    pub fault: Option<String>,
}

/// Counters and the request log.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Token endpoint hits, per account (appid, corpid or `corpid/agentid`, component appid,
    /// authorizer appid, suite id, provider corpid, auth corpid) and per [`TokenKind`]
    /// (serialized as its snake_case name). Every request counts, including failed ones.
    pub token_fetches: BTreeMap<String, BTreeMap<TokenKind, u64>>,
    /// Requests per path, token endpoints included.
    pub calls: BTreeMap<String, u64>,
    /// The most recent requests, oldest first (bounded; see `requests_dropped`).
    pub requests: Vec<RequestRecord>,
    /// Requests that fell off the front of `requests`.
    pub requests_dropped: u64,
}

impl Stats {
    /// All token fetches for one account, every kind.
    pub fn token_fetches_for(&self, account: &str) -> u64 {
        self.token_fetches
            .get(account)
            .map(|m| m.values().sum())
            .unwrap_or(0)
    }

    /// Token fetches for one account and kind.
    pub fn token_fetches_of(&self, account: &str, kind: TokenKind) -> u64 {
        self.token_fetches
            .get(account)
            .and_then(|m| m.get(&kind))
            .copied()
            .unwrap_or(0)
    }

    /// All token fetches of one kind, every account.
    pub fn token_fetches_by_kind(&self, kind: TokenKind) -> u64 {
        self.token_fetches
            .values()
            .filter_map(|m| m.get(&kind))
            .sum()
    }

    /// Requests to one path (leading slash optional).
    pub fn calls_to(&self, path: &str) -> u64 {
        self.calls
            .get(&crate::util::normalize_path(path))
            .copied()
            .unwrap_or(0)
    }
}

/// How many request records the log keeps.
pub(crate) const REQUEST_LOG_LIMIT: usize = 10_000;
