//! The emulator's state and WeChat's semantics: tokens, tickets, faults, fixtures, counters.
//!
//! Everything here is synchronous and runs under one lock; the HTTP layer only translates.

use std::collections::{HashMap, VecDeque};
use std::path::PathBuf;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::config::{Accounts, AuthorizerAccount};
use crate::fault::{ActiveFault, Fault, FaultKind};
use crate::fixtures;
use crate::stats::{REQUEST_LOG_LIMIT, RequestRecord, Stats, TokenKind};
use crate::util::{
    Rng, error_body, normalize_pattern, pattern_matches, query_get, real_now_ms, redact_query,
};

mod suite;
pub use suite::{cancel_auth_xml, create_auth_xml};

/// Lifetime of tokens and tickets, as WeChat documents it.
pub(crate) const TOKEN_TTL_MS: i64 = 7_200_000;
/// How long a superseded classic token keeps working, and how early stable tokens renew.
pub(crate) const OVERLAP_MS: i64 = 300_000;
const PRE_AUTH_CODE_TTL_MS: i64 = 1_800_000;
const AUTH_CODE_TTL_MS: i64 = 3_600_000;
const OAUTH_REFRESH_TTL_MS: i64 = 30 * 86_400_000;
const FORCE_REFRESH_INTERVAL_MS: i64 = 30_000;
const FORCE_REFRESH_PER_DAY: u32 = 20;

const OK_BODY: &str = r#"{"errcode":0,"errmsg":"ok"}"#;

/// Mini Program virtual payment: signed by `pay_sig` (see `State::check_xpay`).
const XPAY_PREFIX: &str = "/xpay/";

/// The virtual payment calls made for a user, which carry the user's `signature` too.
const XPAY_USER_SIGNED: &[&str] = &[
    "/xpay/query_user_balance",
    "/xpay/currency_pay",
    "/xpay/cancel_currency_pay",
];

fn hmac_sha256_hex(key: &[u8], parts: &[&[u8]]) -> String {
    use hmac::Mac;
    let mut mac =
        hmac::Hmac::<sha2::Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    for part in parts {
        mac.update(part);
    }
    hex::encode(mac.finalize().into_bytes())
}

/// A response registered at run time for a path, served instead of the fixture.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomResponse {
    /// HTTP status (200 unless told otherwise).
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl CustomResponse {
    /// HTTP 200 with this JSON.
    pub fn json(value: &Value) -> Self {
        CustomResponse {
            status: 200,
            content_type: "application/json; charset=utf-8".into(),
            body: value.to_string().into_bytes(),
        }
    }

    /// Any status, content type and bytes (e.g. an image for a QR code endpoint).
    pub fn raw(status: u16, content_type: impl Into<String>, body: impl Into<Vec<u8>>) -> Self {
        CustomResponse {
            status,
            content_type: content_type.into(),
            body: body.into(),
        }
    }
}

/// A request as the emulator sees it.
#[derive(Debug)]
pub(crate) struct Incoming {
    pub method: String,
    /// Normalized: one leading slash, no trailing slash.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
    /// The client certificate shown, for WeChat Pay v2's certificate calls.
    pub peer: crate::tls::Peer,
}

/// What to send back, and how long to wait first.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    pub delay: Duration,
    /// A redirect's target (`Location`).
    pub location: Option<String>,
}

enum Answer {
    Json(Value),
    /// HTTP 302 to this URL (the authorization pages).
    Redirect(String),
    Raw {
        status: u16,
        content_type: String,
        body: Vec<u8>,
    },
}

#[derive(Debug)]
struct Cred {
    kind: TokenKind,
    owner: String,
    expires_at: i64,
    /// Rejected on demand: dead now, whatever the clock says.
    revoked: bool,
    /// Replaced by a newer one (classic refetch, stable force refresh): "not latest" once it dies.
    superseded: bool,
}

#[derive(Debug, Default)]
struct TicketPair {
    current: String,
    previous: Option<String>,
}

#[derive(Debug)]
struct AuthCode {
    component_appid: String,
    authorizer_appid: String,
    expires_at: i64,
}

#[derive(Debug)]
struct OauthRefresh {
    appid: String,
    openid: String,
    expires_at: i64,
}

#[derive(Debug, Default)]
struct ForceRefreshLog {
    last_ms: Option<i64>,
    day: i64,
    count: u32,
}

/// Settings fixed at start.
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    pub fixture_dir: Option<PathBuf>,
    /// Path prefixes that need no token (WeChat Pay signs requests instead).
    pub open_prefixes: Vec<String>,
}

impl Settings {
    pub(crate) fn default_open_prefixes() -> Vec<String> {
        [
            "/pay/",
            "/secapi/",
            "/mmpaymkttransfers/",
            "/papay/",
            "/payitil/",
            "/risk/",
            "/sandboxnew/",
            "/v3/",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
    }
}

/// Paths the SDK's catalog calls without an API credential (user tokens, QR code images): an
/// index built once from the catalog.
/// WeCom group robots: authorized by their webhook `key`, not a token.
const WEBHOOK_PREFIX: &str = "/cgi-bin/webhook/";

fn needs_no_credential(path: &str) -> bool {
    use std::collections::HashSet;
    use std::sync::OnceLock;
    use wechat_core::AuthScheme;
    static PATHS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    PATHS
        .get_or_init(|| {
            wechat_core::catalog::all()
                .filter(|m| m.auth == AuthScheme::None)
                .map(|m| m.path)
                .collect()
        })
        .contains(path)
}

#[derive(Debug)]
pub(crate) struct State {
    pub offset_ms: i64,
    pub accounts: Accounts,
    pub settings: Settings,
    rng: Rng,
    creds: HashMap<String, Cred>,
    /// The latest value per (kind, owner).
    latest: HashMap<(TokenKind, String), String>,
    force_refresh: HashMap<String, ForceRefreshLog>,
    component_tickets: HashMap<String, TicketPair>,
    suite_tickets: HashMap<String, TicketPair>,
    auth_codes: HashMap<String, AuthCode>,
    oauth_refresh: HashMap<String, OauthRefresh>,
    faults: Vec<ActiveFault>,
    next_fault_id: u64,
    custom: HashMap<String, CustomResponse>,
    /// Counters; `requests` stays empty here, the log lives in `log`.
    stats: Stats,
    log: VecDeque<RequestRecord>,
    seq: u64,
    /// WeChat Customer Service: the messages of each account (`open_kfid`), oldest first.
    kf_queues: HashMap<String, Vec<Value>>,
    /// The cursors handed out by `kf/sync_msg`: cursor → (account, position in its queue).
    kf_cursors: HashMap<String, (String, usize)>,
    /// The push tokens made for `kf_msg_or_event`: token → (account, expiry, emulator ms).
    kf_tokens: HashMap<String, (String, i64)>,
    /// WeCom suites' installations in progress.
    installs: suite::Installs,
    pub(crate) pay_v2: crate::pay_v2::PayV2,
}

/// Which parameter carried the credential of a business call.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CredParam {
    AccessToken,
    Component,
    Suite,
    Provider,
}

impl CredParam {
    const ALL: [(&'static str, CredParam); 4] = [
        ("access_token", CredParam::AccessToken),
        ("component_access_token", CredParam::Component),
        ("suite_access_token", CredParam::Suite),
        ("provider_access_token", CredParam::Provider),
    ];

    fn accepts(self, kind: TokenKind) -> bool {
        match self {
            CredParam::AccessToken => kind.is_credential(),
            CredParam::Component => kind == TokenKind::Component,
            CredParam::Suite => kind == TokenKind::Suite,
            CredParam::Provider => kind == TokenKind::Provider,
        }
    }
}

impl State {
    pub(crate) fn new(accounts: Accounts, settings: Settings, offset_ms: i64) -> Self {
        let mut state = State {
            offset_ms,
            accounts,
            settings,
            rng: Rng::seeded(),
            creds: HashMap::new(),
            latest: HashMap::new(),
            force_refresh: HashMap::new(),
            component_tickets: HashMap::new(),
            suite_tickets: HashMap::new(),
            auth_codes: HashMap::new(),
            oauth_refresh: HashMap::new(),
            faults: Vec::new(),
            next_fault_id: 1,
            custom: HashMap::new(),
            stats: Stats::default(),
            log: VecDeque::new(),
            seq: 0,
            kf_queues: HashMap::new(),
            kf_cursors: HashMap::new(),
            kf_tokens: HashMap::new(),
            installs: suite::Installs::default(),
            pay_v2: crate::pay_v2::PayV2::with_demo(),
        };
        let components: Vec<String> = state
            .accounts
            .components
            .iter()
            .map(|c| c.component_appid.clone())
            .collect();
        for appid in components {
            state.rotate_component_ticket(&appid);
        }
        let suites: Vec<String> = state
            .accounts
            .suites
            .iter()
            .map(|s| s.suite_id.clone())
            .collect();
        for id in suites {
            state.rotate_suite_ticket(&id);
        }
        state
    }

    pub(crate) fn now(&self) -> i64 {
        real_now_ms() + self.offset_ms
    }

    // ----- control surface -------------------------------------------------------------------

    /// 16 random bytes (the prefix of an encrypted push).
    pub(crate) fn random_block(&mut self) -> [u8; 16] {
        let mut out = [0u8; 16];
        out[..8].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        out[8..].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        out
    }

    pub(crate) fn random_digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + (self.rng.next_u64() % 10) as u8))
            .collect()
    }

    /// Appends messages to an account's queue; answers the queue's length.
    pub(crate) fn kf_enqueue(&mut self, open_kfid: &str, messages: Vec<Value>) -> usize {
        let queue = self.kf_queues.entry(open_kfid.to_owned()).or_default();
        queue.extend(messages);
        queue.len()
    }

    /// A new push token (`Token` of `kf_msg_or_event`) for an account, valid 10 minutes.
    pub(crate) fn kf_push_token(&mut self, open_kfid: &str) -> String {
        let token = format!("ENC{}", self.rng.hex(40));
        let expires_at = self.now() + KF_TOKEN_TTL_MS;
        self.kf_tokens
            .insert(token.clone(), (open_kfid.to_owned(), expires_at));
        token
    }

    /// `kf/sync_msg`: a page of the account's queue from the cursor's position (the start
    /// without one), `limit` messages (1 to 1000, 1000 by default), and a new opaque cursor
    /// for the position after it.
    fn kf_sync_msg(&mut self, inc: &Incoming, now: i64) -> Answer {
        let body = match self.json_body(inc, now) {
            Ok(b) => b,
            Err(a) => return a,
        };
        let Some(open_kfid) = str_field(&body, "open_kfid").filter(|k| !k.is_empty()) else {
            return self.work_err(95000, "invalid open_kfid", now);
        };
        if let Some(token) = str_field(&body, "token").filter(|t| !t.is_empty()) {
            let valid = self
                .kf_tokens
                .get(&token)
                .is_some_and(|(kfid, until)| *kfid == open_kfid && now < *until);
            if !valid {
                return self.work_err(95007, "invalid msg token", now);
            }
        }
        let start = match str_field(&body, "cursor").filter(|c| !c.is_empty()) {
            None => 0,
            Some(cursor) => match self.kf_cursors.get(&cursor) {
                Some((kfid, at)) if *kfid == open_kfid => *at,
                _ => return self.work_err(95006, "invalid cursor", now),
            },
        };
        let limit = body
            .get("limit")
            .and_then(Value::as_u64)
            .unwrap_or(1000)
            .clamp(1, 1000) as usize;
        let queue = self
            .kf_queues
            .get(&open_kfid)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let start = start.min(queue.len());
        let end = (start + limit).min(queue.len());
        let page: Vec<Value> = queue[start..end].to_vec();
        let has_more = end < queue.len();
        let cursor = format!("kfc{}", self.rng.hex(24));
        self.kf_cursors.insert(cursor.clone(), (open_kfid, end));
        Answer::Json(json!({
            "errcode": 0,
            "errmsg": "ok",
            "next_cursor": cursor,
            "has_more": u8::from(has_more),
            "msg_list": page,
        }))
    }

    pub(crate) fn reject_token(&mut self, token: &str) -> bool {
        match self.creds.get_mut(token) {
            Some(c) => {
                c.revoked = true;
                true
            }
            None => false,
        }
    }

    pub(crate) fn is_token_valid(&self, token: &str) -> bool {
        let now = self.now();
        self.creds
            .get(token)
            .is_some_and(|c| !c.revoked && now < c.expires_at)
    }

    pub(crate) fn latest_token(&self, kind: TokenKind, owner: &str) -> Option<String> {
        let token = self.latest.get(&(kind, owner.to_owned()))?;
        self.is_token_valid(token).then(|| token.clone())
    }

    pub(crate) fn inject(&mut self, fault: Fault) -> u64 {
        let id = self.next_fault_id;
        self.next_fault_id += 1;
        self.faults.push(ActiveFault {
            id,
            fault,
            fired: 0,
        });
        id
    }

    pub(crate) fn remove_fault(&mut self, id: u64) -> bool {
        let before = self.faults.len();
        self.faults.retain(|f| f.id != id);
        self.faults.len() != before
    }

    pub(crate) fn clear_faults(&mut self) {
        self.faults.clear();
    }

    pub(crate) fn faults(&self) -> Vec<ActiveFault> {
        self.faults.clone()
    }

    pub(crate) fn set_response(&mut self, path: &str, response: CustomResponse) {
        self.custom.insert(custom_key(path), response);
    }

    pub(crate) fn clear_response(&mut self, path: &str) -> bool {
        self.custom.remove(&custom_key(path)).is_some()
    }

    pub(crate) fn clear_responses(&mut self) {
        self.custom.clear();
    }

    /// A snapshot with the request log.
    pub(crate) fn stats(&self) -> Stats {
        Stats {
            requests: self.log.iter().cloned().collect(),
            ..self.stats.clone()
        }
    }

    /// The counters alone (cheap: no request log).
    pub(crate) fn counters(&self) -> &Stats {
        &self.stats
    }

    pub(crate) fn requests(&self) -> Vec<RequestRecord> {
        self.log.iter().cloned().collect()
    }

    pub(crate) fn reset_stats(&mut self) {
        self.stats = Stats::default();
        self.log.clear();
    }

    pub(crate) fn component_ticket(&self, appid: &str) -> Option<String> {
        self.component_tickets.get(appid).map(|t| t.current.clone())
    }

    pub(crate) fn set_component_ticket(&mut self, appid: &str, ticket: &str) -> bool {
        if self.accounts.component(appid).is_none() {
            return false;
        }
        let pair = self.component_tickets.entry(appid.to_owned()).or_default();
        pair.previous = Some(std::mem::replace(&mut pair.current, ticket.to_owned()));
        true
    }

    pub(crate) fn rotate_component_ticket(&mut self, appid: &str) -> Option<String> {
        self.accounts.component(appid)?;
        let ticket = format!("ticket@@@{}", self.rng.token_chars(86));
        self.set_component_ticket(appid, &ticket);
        Some(ticket)
    }

    pub(crate) fn suite_ticket(&self, suite_id: &str) -> Option<String> {
        self.suite_tickets.get(suite_id).map(|t| t.current.clone())
    }

    pub(crate) fn set_suite_ticket(&mut self, suite_id: &str, ticket: &str) -> bool {
        if self.accounts.suite(suite_id).is_none() {
            return false;
        }
        let pair = self.suite_tickets.entry(suite_id.to_owned()).or_default();
        pair.previous = Some(std::mem::replace(&mut pair.current, ticket.to_owned()));
        true
    }

    pub(crate) fn rotate_suite_ticket(&mut self, suite_id: &str) -> Option<String> {
        self.accounts.suite(suite_id)?;
        let ticket = self.rng.token_chars(64);
        self.set_suite_ticket(suite_id, &ticket);
        Some(ticket)
    }

    /// An account authorizes a component (as an admin would on the authorization page):
    /// returns the one-shot `authorization_code` for `api_query_auth`. The account gets a new
    /// refresh token; a previous one stops working.
    pub(crate) fn authorize(
        &mut self,
        component_appid: &str,
        authorizer_appid: &str,
    ) -> Option<String> {
        let refresh = format!("refreshtoken@@@{}", self.rng.token_chars(43));
        let component = self.accounts.component_mut(component_appid)?;
        // Authorizing again retires the previous refresh token.
        component
            .authorizers
            .retain(|a| a.authorizer_appid != authorizer_appid);
        component.authorizers.push(AuthorizerAccount {
            authorizer_appid: authorizer_appid.to_owned(),
            authorizer_refresh_token: refresh,
        });
        let code = format!("queryauthcode@@@{}", self.rng.token_chars(64));
        let expires_at = self.now() + AUTH_CODE_TTL_MS;
        self.auth_codes.insert(
            code.clone(),
            AuthCode {
                component_appid: component_appid.to_owned(),
                authorizer_appid: authorizer_appid.to_owned(),
                expires_at,
            },
        );
        Some(code)
    }

    // ----- request handling ------------------------------------------------------------------

    pub(crate) fn handle(&mut self, inc: &Incoming) -> Reply {
        let now = self.now();
        *self.stats.calls.entry(inc.path.clone()).or_default() += 1;
        if let Some((kind, account)) = self.token_endpoint(inc) {
            *self
                .stats
                .token_fetches
                .entry(account)
                .or_default()
                .entry(kind)
                .or_default() += 1;
        }

        let (delay, fault) = self.take_faults(&inc.path);
        let (answer, fault_name) = match fault {
            Some(kind) => {
                let name = fault_name(&kind);
                (self.fault_answer(kind, now), Some(name))
            }
            None => (self.route(inc, now), None),
        };

        let mut location = None;
        let (status, content_type, body, errcode) = match answer {
            Answer::Redirect(to) => {
                location = Some(to);
                (302, "text/html; charset=utf-8".to_owned(), Vec::new(), None)
            }
            Answer::Json(v) => {
                let errcode = v.get("errcode").and_then(Value::as_i64);
                (
                    200,
                    "application/json; charset=utf-8".to_owned(),
                    v.to_string().into_bytes(),
                    errcode,
                )
            }
            Answer::Raw {
                status,
                content_type,
                body,
            } => {
                let errcode = if content_type.contains("json") {
                    serde_json::from_slice::<Value>(&body)
                        .ok()
                        .and_then(|v| v.get("errcode").and_then(Value::as_i64))
                } else {
                    None
                };
                (status, content_type, body, errcode)
            }
        };

        self.seq += 1;
        if self.log.len() >= REQUEST_LOG_LIMIT {
            self.log.pop_front();
            self.stats.requests_dropped += 1;
        }
        self.log.push_back(RequestRecord {
            seq: self.seq,
            at_ms: now,
            method: inc.method.clone(),
            path: inc.path.clone(),
            query: redact_query(&inc.query),
            status,
            errcode,
            fault: fault_name.map(str::to_owned),
        });

        Reply {
            status,
            content_type,
            body,
            delay,
            location,
        }
    }

    /// Consumes matching faults: all delays add up, then the first other fault answers.
    fn take_faults(&mut self, path: &str) -> (Duration, Option<FaultKind>) {
        let mut delay = Duration::ZERO;
        let mut answer = None;
        for active in &mut self.faults {
            if !active.fault.matches(path) || active.fault.times == Some(0) {
                continue;
            }
            let is_delay = matches!(active.fault.kind, FaultKind::Delay { .. });
            if !is_delay && answer.is_some() {
                continue;
            }
            match &active.fault.kind {
                FaultKind::Delay { ms } => delay += Duration::from_millis(*ms),
                other => answer = Some(other.clone()),
            }
            active.fired += 1;
            if let Some(n) = active.fault.times.as_mut() {
                *n -= 1;
            }
        }
        self.faults.retain(|f| f.fault.times != Some(0));
        (delay, answer)
    }

    fn fault_answer(&mut self, kind: FaultKind, now: i64) -> Answer {
        match kind {
            FaultKind::SystemBusy => self.err(-1, "system error", now),
            FaultKind::QuotaExceeded => self.err(45009, "reach max api daily quota limit", now),
            FaultKind::Errcode { errcode, errmsg } => self.err(errcode, &errmsg, now),
            FaultKind::HttpStatus { status } => Answer::Raw {
                status,
                content_type: "text/html; charset=utf-8".into(),
                body: format!(
                    "<html><head><title>{status}</title></head><body>{status}</body></html>"
                )
                .into_bytes(),
            },
            FaultKind::MalformedJson => Answer::Raw {
                status: 200,
                content_type: "application/json; charset=utf-8".into(),
                body: br#"{"errcode":0,"errmsg":"ok","ip_list":["101.89."#.to_vec(),
            },
            // Delays never answer by themselves.
            FaultKind::Delay { .. } => Answer::Raw {
                status: 200,
                content_type: "application/json; charset=utf-8".into(),
                body: OK_BODY.as_bytes().to_vec(),
            },
        }
    }

    fn err(&mut self, errcode: i64, errmsg: &str, now: i64) -> Answer {
        let rid = self.rng.rid(now);
        Answer::Json(error_body(errcode, errmsg, &rid))
    }

    /// WeCom's error shape: `errmsg` carries a hint and a link rather than a rid.
    fn work_err(&mut self, errcode: i64, errmsg: &str, now: i64) -> Answer {
        let hint = format!("{}_{}", now / 1000, self.rng.hex(32));
        Answer::Json(json!({
            "errcode": errcode,
            "errmsg": format!(
                "{errmsg}, hint: [{hint}], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e={errcode}"
            ),
        }))
    }

    /// For counters: which token endpoint this is and for which account.
    fn token_endpoint(&self, inc: &Incoming) -> Option<(TokenKind, String)> {
        let q = |k| query_get(&inc.query, k).unwrap_or_default().to_owned();
        let body = || -> Map<String, Value> {
            serde_json::from_slice::<Value>(&inc.body)
                .ok()
                .and_then(|v| v.as_object().cloned())
                .unwrap_or_default()
        };
        let b = |m: &Map<String, Value>, k: &str| str_field(m, k).unwrap_or_default();
        let owner_of = |param: &str| {
            query_get(&inc.query, param)
                .and_then(|t| self.creds.get(t))
                .map(|c| c.owner.clone())
                .unwrap_or_default()
        };
        Some(match inc.path.as_str() {
            "/cgi-bin/token" => (TokenKind::Classic, q("appid")),
            "/cgi-bin/stable_token" => (TokenKind::Stable, b(&body(), "appid")),
            "/cgi-bin/gettoken" => {
                let corpid = q("corpid");
                let secret = q("corpsecret");
                let key = self
                    .accounts
                    .corps
                    .iter()
                    .find(|c| c.corpid == corpid && c.corpsecret == secret)
                    .map(|c| c.key())
                    .unwrap_or(corpid);
                (TokenKind::Corp, key)
            }
            "/cgi-bin/ticket/getticket" => {
                let kind = if q("type") == "wx_card" {
                    TokenKind::WxCardTicket
                } else {
                    TokenKind::JsapiTicket
                };
                (kind, owner_of("access_token"))
            }
            "/cgi-bin/get_jsapi_ticket" => (TokenKind::CorpJsapiTicket, owner_of("access_token")),
            "/cgi-bin/ticket/get" => (TokenKind::AgentConfigTicket, owner_of("access_token")),
            "/cgi-bin/component/api_component_token" => {
                (TokenKind::Component, b(&body(), "component_appid"))
            }
            "/cgi-bin/component/api_create_preauthcode" => {
                (TokenKind::PreAuthCode, b(&body(), "component_appid"))
            }
            "/cgi-bin/component/api_query_auth" => {
                (TokenKind::QueryAuth, b(&body(), "component_appid"))
            }
            "/cgi-bin/component/api_authorizer_token" => {
                (TokenKind::Authorizer, b(&body(), "authorizer_appid"))
            }
            "/cgi-bin/service/get_suite_token" => (TokenKind::Suite, b(&body(), "suite_id")),
            "/cgi-bin/service/get_provider_token" => (TokenKind::Provider, b(&body(), "corpid")),
            "/cgi-bin/service/get_corp_token" => {
                (TokenKind::CorpOfSuite, b(&body(), "auth_corpid"))
            }
            "/sns/oauth2/access_token" | "/sns/oauth2/refresh_token" => {
                (TokenKind::OauthUser, q("appid"))
            }
            "/sns/jscode2session" => (TokenKind::JsCodeSession, q("appid")),
            _ => return None,
        })
    }

    fn route(&mut self, inc: &Incoming, now: i64) -> Answer {
        if crate::pay_v2::PayV2::plays(&inc.path) {
            let nonce = self.random_digits(16);
            let body = self
                .pay_v2
                .handle(&inc.path, &inc.body, &inc.peer, now, &nonce);
            return Answer::Raw {
                status: 200,
                content_type: "text/xml; charset=utf-8".into(),
                body,
            };
        }
        if let Some(custom) = self.custom_for(&inc.path)
            && self.token_endpoint(inc).is_some()
        {
            return custom;
        }
        match inc.path.as_str() {
            "/cgi-bin/token" => self.classic_token(inc, now),
            "/cgi-bin/stable_token" => self.stable_token(inc, now),
            "/cgi-bin/gettoken" => self.corp_token(inc, now),
            "/cgi-bin/ticket/getticket" => {
                let kind = match query_get(&inc.query, "type") {
                    Some("jsapi") => Some(TokenKind::JsapiTicket),
                    Some("wx_card") => Some(TokenKind::WxCardTicket),
                    _ => None,
                };
                self.ticket(inc, kind, now)
            }
            "/cgi-bin/get_jsapi_ticket" => self.ticket(inc, Some(TokenKind::CorpJsapiTicket), now),
            "/cgi-bin/ticket/get" => {
                let kind = (query_get(&inc.query, "type") == Some("agent_config"))
                    .then_some(TokenKind::AgentConfigTicket);
                self.ticket(inc, kind, now)
            }
            "/cgi-bin/component/api_component_token" => self.component_token(inc, now),
            "/cgi-bin/component/api_create_preauthcode" => self.pre_auth_code(inc, now),
            "/cgi-bin/component/api_query_auth" => self.query_auth(inc, now),
            "/cgi-bin/component/api_authorizer_token" => self.authorizer_token(inc, now),
            "/cgi-bin/componentloginpage" | "/safe/bindcomponent" => {
                self.authorization_page(inc, now)
            }
            "/cgi-bin/service/get_suite_token" => self.suite_token(inc, now),
            "/cgi-bin/service/get_provider_token" => self.provider_token(inc, now),
            "/cgi-bin/service/get_corp_token" => self.corp_of_suite_token(inc, now),
            "/cgi-bin/service/get_pre_auth_code" => self.suite_pre_auth_code(inc, now),
            "/cgi-bin/service/set_session_info" => self.suite_session_info(inc, now),
            "/cgi-bin/service/get_permanent_code" => self.suite_permanent_code(inc, now, false),
            "/cgi-bin/service/v2/get_permanent_code" => self.suite_permanent_code(inc, now, true),
            "/cgi-bin/service/get_auth_info" => self.suite_auth_info(inc, now),
            "/3rdapp/install" => self.suite_install_page(inc, now),
            "/sns/oauth2/access_token" => self.oauth_token(inc, now),
            "/sns/oauth2/refresh_token" => self.oauth_refresh(inc, now),
            "/sns/jscode2session" => self.js_code_session(inc, now),
            "/cgi-bin/clear_quota/v2" => {
                let appid = query_get(&inc.query, "appid")
                    .unwrap_or_default()
                    .to_owned();
                let secret = query_get(&inc.query, "appsecret")
                    .unwrap_or_default()
                    .to_owned();
                if let Err(a) = self.check_app(&appid, &secret, now) {
                    return a;
                }
                Answer::Json(json!({"errcode": 0, "errmsg": "ok"}))
            }
            _ => self.business(inc, now),
        }
    }

    fn custom_for(&self, path: &str) -> Option<Answer> {
        let found = self.custom.get(path).or_else(|| {
            self.custom
                .iter()
                .filter(|(k, _)| k.ends_with('*') && pattern_matches(k, path))
                .max_by_key(|(k, _)| k.len())
                .map(|(_, v)| v)
        })?;
        Some(Answer::Raw {
            status: found.status,
            content_type: found.content_type.clone(),
            body: found.body.clone(),
        })
    }

    // ----- issuing ---------------------------------------------------------------------------

    fn new_token(&mut self, kind: TokenKind, owner: &str, ttl_ms: i64, now: i64) -> String {
        let prefix = match kind {
            TokenKind::Classic | TokenKind::Stable => "86_",
            TokenKind::Component => "86_c",
            TokenKind::Authorizer => "86_a",
            TokenKind::PreAuthCode => "preauthcode@@@",
            _ => "",
        };
        let token = format!("{prefix}{}", self.rng.token_chars(96));
        self.creds.insert(
            token.clone(),
            Cred {
                kind,
                owner: owner.to_owned(),
                expires_at: now + ttl_ms,
                revoked: false,
                superseded: false,
            },
        );
        self.latest.insert((kind, owner.to_owned()), token.clone());
        token
    }

    /// The current value if still valid; its remaining lifetime in ms.
    fn live_latest(&self, kind: TokenKind, owner: &str, now: i64) -> Option<(String, i64)> {
        let token = self.latest.get(&(kind, owner.to_owned()))?;
        let cred = self.creds.get(token)?;
        (!cred.revoked && now < cred.expires_at).then(|| (token.clone(), cred.expires_at - now))
    }

    /// Classic semantics: every fetch issues a new value; the previous one lives `OVERLAP_MS` more.
    fn issue_classic(&mut self, kind: TokenKind, owner: &str, now: i64) -> String {
        if let Some(old) = self.latest.get(&(kind, owner.to_owned())).cloned()
            && let Some(c) = self.creds.get_mut(&old)
        {
            c.expires_at = c.expires_at.min(now + OVERLAP_MS);
            c.superseded = true;
        }
        self.new_token(kind, owner, TOKEN_TTL_MS, now)
    }

    /// Same value while valid, a new one once it expired (WeCom tokens, tickets).
    fn issue_same_while_valid(&mut self, kind: TokenKind, owner: &str, now: i64) -> (String, i64) {
        match self.live_latest(kind, owner, now) {
            Some(live) => live,
            None => (self.new_token(kind, owner, TOKEN_TTL_MS, now), TOKEN_TTL_MS),
        }
    }

    fn check_app(&mut self, appid: &str, secret: &str, now: i64) -> Result<(), Answer> {
        if appid.is_empty() {
            return Err(self.err(41002, "appid missing", now));
        }
        let Some(app) = self.accounts.app(appid) else {
            return Err(self.err(40013, "invalid appid", now));
        };
        let expected = app.secret.clone();
        if secret.is_empty() {
            return Err(self.err(41004, "appsecret missing", now));
        }
        if secret != expected {
            return Err(self.err(40125, "invalid appsecret", now));
        }
        Ok(())
    }

    fn classic_token(&mut self, inc: &Incoming, now: i64) -> Answer {
        let q = |k| query_get(&inc.query, k).unwrap_or_default().to_owned();
        if q("grant_type") != "client_credential" {
            return self.err(40002, "invalid grant_type", now);
        }
        let appid = q("appid");
        if let Err(a) = self.check_app(&appid, &q("secret"), now) {
            return a;
        }
        let token = self.issue_classic(TokenKind::Classic, &appid, now);
        Answer::Json(json!({ "access_token": token, "expires_in": TOKEN_TTL_MS / 1000 }))
    }

    fn stable_token(&mut self, inc: &Incoming, now: i64) -> Answer {
        if inc.method != "POST" {
            return self.err(43002, "require POST method", now);
        }
        let body = match self.json_body(inc, now) {
            Ok(b) => b,
            Err(a) => return a,
        };
        if str_field(&body, "grant_type").as_deref() != Some("client_credential") {
            return self.err(40002, "invalid grant_type", now);
        }
        let appid = str_field(&body, "appid").unwrap_or_default();
        let secret = str_field(&body, "secret").unwrap_or_default();
        if let Err(a) = self.check_app(&appid, &secret, now) {
            return a;
        }
        let force = bool_field(&body, "force_refresh");
        let live = self.live_latest(TokenKind::Stable, &appid, now);

        if force {
            let day = now.div_euclid(86_400_000);
            let log = self.force_refresh.entry(appid.clone()).or_default();
            if log.day != day {
                log.day = day;
                log.count = 0;
            }
            let too_soon = log
                .last_ms
                .is_some_and(|last| now - last < FORCE_REFRESH_INTERVAL_MS);
            if too_soon {
                // WeChat ignores a force refresh within 30 s of the previous one.
                if let Some((token, left)) = live {
                    return Answer::Json(
                        json!({ "access_token": token, "expires_in": secs(left) }),
                    );
                }
            } else {
                if log.count >= FORCE_REFRESH_PER_DAY {
                    return self.err(45009, "reach max api daily quota limit", now);
                }
                log.count += 1;
                log.last_ms = Some(now);
                // A forced refresh makes the previous stable token invalid at once.
                if let Some((old, _)) = &live
                    && let Some(c) = self.creds.get_mut(old)
                {
                    c.expires_at = now;
                    c.superseded = true;
                }
                let token = self.new_token(TokenKind::Stable, &appid, TOKEN_TTL_MS, now);
                return Answer::Json(
                    json!({ "access_token": token, "expires_in": TOKEN_TTL_MS / 1000 }),
                );
            }
        }

        match live {
            // WeChat renews 5 minutes early; the old one keeps working until its own expiry.
            Some((token, left)) if left > OVERLAP_MS => {
                Answer::Json(json!({ "access_token": token, "expires_in": secs(left) }))
            }
            _ => {
                let token = self.new_token(TokenKind::Stable, &appid, TOKEN_TTL_MS, now);
                Answer::Json(json!({ "access_token": token, "expires_in": TOKEN_TTL_MS / 1000 }))
            }
        }
    }

    fn corp_token(&mut self, inc: &Incoming, now: i64) -> Answer {
        let corpid = query_get(&inc.query, "corpid")
            .unwrap_or_default()
            .to_owned();
        let secret = query_get(&inc.query, "corpsecret")
            .unwrap_or_default()
            .to_owned();
        if corpid.is_empty() {
            return self.work_err(41002, "corpid missing", now);
        }
        if !self.accounts.corps.iter().any(|c| c.corpid == corpid) {
            return self.work_err(40013, "invalid corpid", now);
        }
        if secret.is_empty() {
            return self.work_err(41004, "corpsecret missing", now);
        }
        let Some(key) = self
            .accounts
            .corps
            .iter()
            .find(|c| c.corpid == corpid && c.corpsecret == secret)
            .map(|c| c.key())
        else {
            return self.work_err(40001, "invalid credential", now);
        };
        let (token, left) = self.issue_same_while_valid(TokenKind::Corp, &key, now);
        Answer::Json(json!({
            "errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": secs(left)
        }))
    }

    /// `kind` is `None` when the `type` parameter is not one WeChat knows (checked after the token).
    fn ticket(&mut self, inc: &Incoming, kind: Option<TokenKind>, now: i64) -> Answer {
        let (cred_kind, owner) = match self.authenticate(inc, now) {
            Ok(Some(found)) => found,
            Ok(None) => (TokenKind::Classic, String::new()),
            Err(a) => return a,
        };
        let Some(kind) = kind else {
            return if cred_kind.is_work() {
                self.work_err(40058, "invalid parameter: type", now)
            } else {
                self.err(40097, "invalid args", now)
            };
        };
        let (ticket, left) = self.issue_same_while_valid(kind, &owner, now);
        Answer::Json(json!({
            "errcode": 0, "errmsg": "ok", "ticket": ticket, "expires_in": secs(left)
        }))
    }

    fn check_component(&mut self, body: &Map<String, Value>, now: i64) -> Result<String, Answer> {
        let appid = str_field(body, "component_appid").unwrap_or_default();
        if appid.is_empty() {
            return Err(self.err(41018, "missing component_appid", now));
        }
        if self.accounts.component(&appid).is_none() {
            return Err(self.err(61011, "invalid component", now));
        }
        Ok(appid)
    }

    fn component_token(&mut self, inc: &Incoming, now: i64) -> Answer {
        let body = match self.json_body(inc, now) {
            Ok(b) => b,
            Err(a) => return a,
        };
        let appid = match self.check_component(&body, now) {
            Ok(a) => a,
            Err(a) => return a,
        };
        let secret = str_field(&body, "component_appsecret").unwrap_or_default();
        let expected = self
            .accounts
            .component(&appid)
            .map(|c| c.component_appsecret.clone())
            .unwrap_or_default();
        if secret.is_empty() {
            return self.err(41004, "appsecret missing", now);
        }
        if secret != expected {
            return self.err(40125, "invalid appsecret", now);
        }
        let ticket = str_field(&body, "component_verify_ticket").unwrap_or_default();
        let known = self
            .component_tickets
            .get(&appid)
            .is_some_and(|p| p.current == ticket || p.previous.as_deref() == Some(&ticket));
        if ticket.is_empty() || !known {
            return self.err(61006, "component ticket is invalid", now);
        }
        let token = self.issue_classic(TokenKind::Component, &appid, now);
        Answer::Json(json!({ "component_access_token": token, "expires_in": TOKEN_TTL_MS / 1000 }))
    }

    /// For component endpoints: the component token must be valid and belong to `component_appid`.
    fn component_call(
        &mut self,
        inc: &Incoming,
        now: i64,
    ) -> Result<(String, Map<String, Value>), Answer> {
        let owner = match self.authenticate(inc, now)? {
            Some((TokenKind::Component, owner)) => owner,
            _ => {
                return Err(self.err(
                    40001,
                    "invalid credential, access_token is invalid or not latest",
                    now,
                ));
            }
        };
        let body = self.json_body(inc, now)?;
        let appid = self.check_component(&body, now)?;
        if appid != owner {
            return Err(self.err(
                40001,
                "invalid credential, access_token is invalid or not latest",
                now,
            ));
        }
        Ok((appid, body))
    }

    fn pre_auth_code(&mut self, inc: &Incoming, now: i64) -> Answer {
        let appid = match self.component_call(inc, now) {
            Ok((appid, _)) => appid,
            Err(a) => return a,
        };
        let code = self.new_token(TokenKind::PreAuthCode, &appid, PRE_AUTH_CODE_TTL_MS, now);
        Answer::Json(json!({ "pre_auth_code": code, "expires_in": PRE_AUTH_CODE_TTL_MS / 1000 }))
    }

    fn query_auth(&mut self, inc: &Incoming, now: i64) -> Answer {
        let (appid, body) = match self.component_call(inc, now) {
            Ok(x) => x,
            Err(a) => return a,
        };
        let code = str_field(&body, "authorization_code").unwrap_or_default();
        let valid = self
            .auth_codes
            .get(&code)
            .is_some_and(|c| c.component_appid == appid && now < c.expires_at);
        if !valid {
            return self.err(61009, "code is invalid", now);
        }
        let Some(grant) = self.auth_codes.remove(&code) else {
            return self.err(61009, "code is invalid", now);
        };
        let refresh = self
            .accounts
            .component(&appid)
            .and_then(|c| {
                c.authorizers
                    .iter()
                    .find(|a| a.authorizer_appid == grant.authorizer_appid)
            })
            .map(|a| a.authorizer_refresh_token.clone())
            .unwrap_or_default();
        let token = self.issue_classic(TokenKind::Authorizer, &grant.authorizer_appid, now);
        Answer::Json(json!({
            "authorization_info": {
                "authorizer_appid": grant.authorizer_appid,
                "authorizer_access_token": token,
                "expires_in": TOKEN_TTL_MS / 1000,
                "authorizer_refresh_token": refresh,
                "func_info": [
                    { "funcscope_category": { "id": 1 } },
                    { "funcscope_category": { "id": 2 } },
                    { "funcscope_category": { "id": 3 } }
                ]
            }
        }))
    }

    /// The authorization pages (`componentloginpage`, `safe/bindcomponent`), as if the admin of
    /// `biz_appid` scanned and confirmed at once: the pre-auth code must be the component's,
    /// unexpired and unused (it is used up here), then the page redirects to `redirect_uri` with
    /// a one-shot `auth_code` for `api_query_auth`.
    fn authorization_page(&mut self, inc: &Incoming, now: i64) -> Answer {
        let q = |k| query_get(&inc.query, k).unwrap_or_default().to_owned();
        let component = q("component_appid");
        if self.accounts.component(&component).is_none() {
            return self.err(61011, "invalid component", now);
        }
        let code = q("pre_auth_code");
        let usable = self.creds.get(&code).is_some_and(|c| {
            c.kind == TokenKind::PreAuthCode
                && c.owner == component
                && !c.revoked
                && now < c.expires_at
        });
        if !usable {
            return self.err(61010, "pre_auth_code is expired or already used", now);
        }
        let redirect = q("redirect_uri");
        if !redirect.starts_with("http://") && !redirect.starts_with("https://") {
            return self.err(40054, "invalid redirect_uri", now);
        }
        // The emulator has no admin to scan: `biz_appid` names the account that authorizes.
        let biz = q("biz_appid");
        if biz.is_empty() {
            return self.err(
                41002,
                "the emulator needs biz_appid: the account whose admin authorizes",
                now,
            );
        }
        if let Some(c) = self.creds.get_mut(&code) {
            c.revoked = true;
        }
        let Some(auth_code) = self.authorize(&component, &biz) else {
            return self.err(61011, "invalid component", now);
        };
        let sep = if redirect.contains('?') { '&' } else { '?' };
        let encoded: String = form_urlencoded::byte_serialize(auth_code.as_bytes()).collect();
        Answer::Redirect(format!(
            "{redirect}{sep}auth_code={encoded}&expires_in={}",
            AUTH_CODE_TTL_MS / 1000
        ))
    }

    /// An account withdraws its authorization of a component: its refresh token and tokens die
    /// at once (refreshing answers 61003). False if it had not authorized the component.
    pub(crate) fn unauthorize(&mut self, component_appid: &str, authorizer_appid: &str) -> bool {
        let Some(component) = self.accounts.component_mut(component_appid) else {
            return false;
        };
        let before = component.authorizers.len();
        component
            .authorizers
            .retain(|a| a.authorizer_appid != authorizer_appid);
        if component.authorizers.len() == before {
            return false;
        }
        for cred in self.creds.values_mut() {
            if cred.kind == TokenKind::Authorizer && cred.owner == authorizer_appid {
                cred.revoked = true;
            }
        }
        true
    }

    fn authorizer_token(&mut self, inc: &Incoming, now: i64) -> Answer {
        let (appid, body) = match self.component_call(inc, now) {
            Ok(x) => x,
            Err(a) => return a,
        };
        let authorizer = str_field(&body, "authorizer_appid").unwrap_or_default();
        let refresh = str_field(&body, "authorizer_refresh_token").unwrap_or_default();
        let expected = self.accounts.component(&appid).and_then(|c| {
            c.authorizers
                .iter()
                .find(|a| a.authorizer_appid == authorizer)
                .map(|a| a.authorizer_refresh_token.clone())
        });
        let Some(expected) = expected else {
            return self.err(61003, "component is not authorized by this account", now);
        };
        if refresh != expected {
            return self.err(61023, "refresh_token is invalid", now);
        }
        let token = self.issue_classic(TokenKind::Authorizer, &authorizer, now);
        Answer::Json(json!({
            "authorizer_access_token": token,
            "expires_in": TOKEN_TTL_MS / 1000,
            "authorizer_refresh_token": expected,
        }))
    }

    fn suite_token(&mut self, inc: &Incoming, now: i64) -> Answer {
        let body = match self.json_body(inc, now) {
            Ok(b) => b,
            Err(a) => return a,
        };
        let suite_id = str_field(&body, "suite_id").unwrap_or_default();
        let Some(suite) = self.accounts.suite(&suite_id) else {
            return self.work_err(40083, "invalid suite_id", now);
        };
        let expected = suite.suite_secret.clone();
        if str_field(&body, "suite_secret").unwrap_or_default() != expected {
            return self.work_err(40001, "invalid credential", now);
        }
        let ticket = str_field(&body, "suite_ticket").unwrap_or_default();
        let known = self
            .suite_tickets
            .get(&suite_id)
            .is_some_and(|p| p.current == ticket || p.previous.as_deref() == Some(&ticket));
        if ticket.is_empty() || !known {
            return self.work_err(40085, "invalid suite ticket", now);
        }
        let (token, left) = self.issue_same_while_valid(TokenKind::Suite, &suite_id, now);
        Answer::Json(json!({
            "errcode": 0, "errmsg": "ok", "suite_access_token": token, "expires_in": secs(left)
        }))
    }

    fn provider_token(&mut self, inc: &Incoming, now: i64) -> Answer {
        let body = match self.json_body(inc, now) {
            Ok(b) => b,
            Err(a) => return a,
        };
        let corpid = str_field(&body, "corpid").unwrap_or_default();
        let Some(provider) = self.accounts.providers.iter().find(|p| p.corpid == corpid) else {
            return self.work_err(40013, "invalid corpid", now);
        };
        let expected = provider.provider_secret.clone();
        if str_field(&body, "provider_secret").unwrap_or_default() != expected {
            return self.work_err(40001, "invalid credential", now);
        }
        let (token, left) = self.issue_same_while_valid(TokenKind::Provider, &corpid, now);
        Answer::Json(json!({
            "errcode": 0, "errmsg": "ok", "provider_access_token": token, "expires_in": secs(left)
        }))
    }

    fn corp_of_suite_token(&mut self, inc: &Incoming, now: i64) -> Answer {
        let suite_id = match self.authenticate(inc, now) {
            Ok(Some((TokenKind::Suite, owner))) => owner,
            Ok(_) => {
                return self.work_err(
                    40082,
                    "invalid suite_acccess_token or provider_access_token",
                    now,
                );
            }
            Err(a) => return a,
        };
        let body = match self.json_body(inc, now) {
            Ok(b) => b,
            Err(a) => return a,
        };
        let corpid = str_field(&body, "auth_corpid").unwrap_or_default();
        let code = str_field(&body, "permanent_code").unwrap_or_default();
        if !self.holds_permanent_code(&suite_id, &corpid, &code) {
            return self.work_err(40084, "invalid permanent_code", now);
        }
        let (token, left) = self.issue_same_while_valid(TokenKind::CorpOfSuite, &corpid, now);
        Answer::Json(json!({
            "errcode": 0, "errmsg": "ok", "access_token": token, "expires_in": secs(left)
        }))
    }

    fn openid_for(&self, appid: &str, seed: &str) -> String {
        // Deterministic per (app, user seed), shaped like an OpenID.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in appid.bytes().chain(seed.bytes()) {
            h = (h ^ u64::from(b)).wrapping_mul(0x1000_0000_01b3);
        }
        format!("oEmu{h:016x}{:08x}", (h >> 17) as u32)
    }

    fn oauth_token(&mut self, inc: &Incoming, now: i64) -> Answer {
        let q = |k| query_get(&inc.query, k).unwrap_or_default().to_owned();
        let appid = q("appid");
        if let Err(a) = self.check_app(&appid, &q("secret"), now) {
            return a;
        }
        if q("grant_type") != "authorization_code" {
            return self.err(40002, "invalid grant_type", now);
        }
        let code = q("code");
        if code.is_empty() {
            return self.err(41008, "missing code", now);
        }
        let openid = self.openid_for(&appid, &code);
        self.oauth_answer(&appid, &openid, now)
    }

    fn oauth_refresh(&mut self, inc: &Incoming, now: i64) -> Answer {
        let q = |k| query_get(&inc.query, k).unwrap_or_default().to_owned();
        let appid = q("appid");
        if self.accounts.app(&appid).is_none() {
            return self.err(40013, "invalid appid", now);
        }
        if q("grant_type") != "refresh_token" {
            return self.err(40002, "invalid grant_type", now);
        }
        let refresh = q("refresh_token");
        let openid = match self.oauth_refresh.get(&refresh) {
            Some(r) if r.appid == appid && now < r.expires_at => r.openid.clone(),
            _ => return self.err(40030, "invalid refresh_token", now),
        };
        self.oauth_answer(&appid, &openid, now)
    }

    fn oauth_answer(&mut self, appid: &str, openid: &str, now: i64) -> Answer {
        let token = self.new_token(TokenKind::OauthUser, appid, TOKEN_TTL_MS, now);
        let refresh = self.rng.token_chars(96);
        self.oauth_refresh.insert(
            refresh.clone(),
            OauthRefresh {
                appid: appid.to_owned(),
                openid: openid.to_owned(),
                expires_at: now + OAUTH_REFRESH_TTL_MS,
            },
        );
        Answer::Json(json!({
            "access_token": token,
            "expires_in": TOKEN_TTL_MS / 1000,
            "refresh_token": refresh,
            "openid": openid,
            "scope": "snsapi_userinfo",
            "is_snapshotuser": 0,
            "unionid": format!("oUnion{}", &openid[4..]),
        }))
    }

    fn js_code_session(&mut self, inc: &Incoming, now: i64) -> Answer {
        let q = |k| query_get(&inc.query, k).unwrap_or_default().to_owned();
        let appid = q("appid");
        if let Err(a) = self.check_app(&appid, &q("secret"), now) {
            return a;
        }
        let code = q("js_code");
        if code.is_empty() {
            return self.err(41008, "missing code", now);
        }
        let openid = self.openid_for(&appid, &code);
        let session_key = format!("{}==", self.rng.token_chars(22)).replace(['_', '-'], "A");
        Answer::Json(json!({
            "openid": openid,
            "session_key": session_key,
            "unionid": format!("oUnion{}", &openid[4..]),
        }))
    }

    // ----- business endpoints ----------------------------------------------------------------

    /// Checks the credential of a call. `Ok(None)`: the path needs none.
    fn authenticate(
        &mut self,
        inc: &Incoming,
        now: i64,
    ) -> Result<Option<(TokenKind, String)>, Answer> {
        if inc.path.starts_with(WEBHOOK_PREFIX) {
            return match query_get(&inc.query, "key") {
                Some(key) if self.accounts.robots.iter().any(|r| r == key) => Ok(None),
                _ => Err(self.work_err(93000, "invalid webhook url", now)),
            };
        }
        if self
            .settings
            .open_prefixes
            .iter()
            .any(|p| inc.path.starts_with(p.as_str()))
        {
            return Ok(None);
        }
        let Some((param, token)) = CredParam::ALL.iter().find_map(|(name, param)| {
            query_get(&inc.query, name)
                .filter(|v| !v.is_empty())
                .map(|v| (*param, v.to_owned()))
        }) else {
            if needs_no_credential(&inc.path) {
                return Ok(None);
            }
            return Err(self.err(41001, "access_token missing", now));
        };
        let invalid = "invalid credential, access_token is invalid or not latest";
        let Some(cred) = self.creds.get(&token) else {
            return Err(self.err(40001, invalid, now));
        };
        if !param.accepts(cred.kind) || cred.revoked {
            return Err(self.err(40001, invalid, now));
        }
        if now >= cred.expires_at {
            return Err(if cred.superseded {
                self.err(40001, invalid, now)
            } else {
                self.err(42001, "access_token expired", now)
            });
        }
        Ok(Some((cred.kind, cred.owner.clone())))
    }

    fn business(&mut self, inc: &Incoming, now: i64) -> Answer {
        let auth = match self.authenticate(inc, now) {
            Ok(a) => a,
            Err(a) => return a,
        };
        let is_json = inc
            .content_type
            .as_deref()
            .is_some_and(|c| c.contains("json"));
        if inc.method == "POST"
            && is_json
            && !inc.body.is_empty()
            && serde_json::from_slice::<Value>(&inc.body).is_err()
        {
            return self.err(47001, "data format error", now);
        }
        if inc.path.starts_with(XPAY_PREFIX)
            && let Err(refused) = self.check_xpay(inc, now)
        {
            return refused;
        }
        if let Some(custom) = self.custom_for(&inc.path) {
            return custom;
        }
        if inc.path == "/cgi-bin/kf/sync_msg" && auth.as_ref().is_some_and(|(k, _)| k.is_work()) {
            return self.kf_sync_msg(inc, now);
        }
        let host = match auth {
            _ if inc.path.starts_with(WEBHOOK_PREFIX) => "qyapi.weixin.qq.com",
            Some((kind, _)) if kind.is_work() => "qyapi.weixin.qq.com",
            Some(_) => "api.weixin.qq.com",
            None => "api.mch.weixin.qq.com",
        };
        // Endpoints that share a path and pick their answer by `action` (`publisher/stat`)
        // answer from `<path>/<action>.json` when there is one.
        let dir = self.settings.fixture_dir.as_deref();
        let by_action = query_get(&inc.query, "action")
            .filter(|a| !a.is_empty() && a.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
            .and_then(|a| fixtures::lookup(&format!("{}/{a}", inc.path), Some(host), dir));
        match by_action.or_else(|| fixtures::lookup(&inc.path, Some(host), dir)) {
            Some(f) => Answer::Raw {
                status: 200,
                content_type: f.content_type.to_owned(),
                body: f.body,
            },
            None => Answer::Raw {
                status: 200,
                content_type: "application/json; charset=utf-8".into(),
                body: OK_BODY.as_bytes().to_vec(),
            },
        }
    }

    /// Virtual payment: `pay_sig` must be the hex HMAC-SHA256 keyed by the demo AppKey of the
    /// body's `env` over `path + "&" + body`; the calls made for a user must carry a
    /// `signature` too (the emulator keeps no session keys, so only its presence is checked).
    fn check_xpay(&mut self, inc: &Incoming, now: i64) -> Result<(), Answer> {
        let env = serde_json::from_slice::<Value>(&inc.body)
            .ok()
            .and_then(|v| v.get("env").and_then(Value::as_u64))
            .unwrap_or(0);
        let key = if env == 1 {
            crate::config::demo::XPAY_SANDBOX_APP_KEY
        } else {
            crate::config::demo::XPAY_APP_KEY
        };
        let expected = hmac_sha256_hex(key.as_bytes(), &[inc.path.as_bytes(), b"&", &inc.body]);
        match query_get(&inc.query, "pay_sig").filter(|s| !s.is_empty()) {
            None => return Err(self.err(268490002, "pay_sig is empty", now)),
            Some(sig) if sig.eq_ignore_ascii_case(&expected) => {}
            Some(_) => return Err(self.err(268490003, "pay_sig is invalid", now)),
        }
        let user_signed = XPAY_USER_SIGNED.contains(&inc.path.as_str());
        if user_signed && query_get(&inc.query, "signature").is_none_or(str::is_empty) {
            return Err(self.err(268490002, "signature is empty", now));
        }
        Ok(())
    }

    fn json_body(&mut self, inc: &Incoming, now: i64) -> Result<Map<String, Value>, Answer> {
        if inc.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Map::new());
        }
        match serde_json::from_slice::<Value>(&inc.body) {
            Ok(Value::Object(m)) => Ok(m),
            _ => Err(self.err(47001, "data format error", now)),
        }
    }
}

/// How long a `kf_msg_or_event` push token is valid: 10 minutes.
const KF_TOKEN_TTL_MS: i64 = 10 * 60 * 1000;

fn custom_key(path: &str) -> String {
    normalize_pattern(path)
}

fn fault_name(kind: &FaultKind) -> &'static str {
    match kind {
        FaultKind::SystemBusy => "system_busy",
        FaultKind::HttpStatus { .. } => "http_status",
        FaultKind::Delay { .. } => "delay",
        FaultKind::MalformedJson => "malformed_json",
        FaultKind::QuotaExceeded => "quota_exceeded",
        FaultKind::Errcode { .. } => "errcode",
    }
}

fn str_field(m: &Map<String, Value>, key: &str) -> Option<String> {
    match m.get(key)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn bool_field(m: &Map<String, Value>, key: &str) -> bool {
    match m.get(key) {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s == "true",
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        _ => false,
    }
}

/// Remaining lifetime in whole seconds, rounded up (a token issued just now says 7200).
fn secs(ms: i64) -> i64 {
    (ms + 999).div_euclid(1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        State::new(
            Accounts::demo(),
            Settings {
                fixture_dir: None,
                open_prefixes: Settings::default_open_prefixes(),
            },
            0,
        )
    }

    fn get(path: &str) -> Incoming {
        Incoming {
            method: "GET".into(),
            path: path.into(),
            query: Vec::new(),
            content_type: None,
            body: Vec::new(),
            peer: crate::tls::Peer::Unchecked,
        }
    }

    #[test]
    fn request_log_is_bounded() {
        let mut st = state();
        let extra = 5;
        for _ in 0..REQUEST_LOG_LIMIT + extra {
            st.handle(&get("/cgi-bin/menu/get"));
        }
        let stats = st.stats();
        assert_eq!(stats.requests.len(), REQUEST_LOG_LIMIT);
        assert_eq!(stats.requests_dropped, extra as u64);
        assert_eq!(stats.requests[0].seq, extra as u64 + 1);
        assert_eq!(
            stats.calls_to("/cgi-bin/menu/get"),
            (REQUEST_LOG_LIMIT + extra) as u64
        );
    }

    #[test]
    fn expires_in_rounds_up() {
        assert_eq!(secs(7_200_000), 7200);
        assert_eq!(secs(7_199_999), 7200);
        assert_eq!(secs(7_199_000), 7199);
        assert_eq!(secs(0), 0);
    }
}
