//! The HTTP control API under `/__emulator/`, for clients in other processes and languages.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use serde_json::{Value, json};

use crate::Controller;
use crate::callback::CallbackPush;
use crate::fault::Fault;
use crate::server::Shared;
use crate::state::CustomResponse;
use crate::util::query_get;

/// Every control route, as `METHOD path`: served at `GET /__emulator/`.
pub const ROUTES: &[&str] = &[
    "GET /__emulator/health",
    "GET /__emulator/stats[?requests=0]",
    "POST /__emulator/stats/reset",
    "GET /__emulator/faults",
    "POST /__emulator/faults",
    "POST /__emulator/faults/remove",
    "POST /__emulator/faults/clear",
    "POST /__emulator/tokens/reject",
    "GET /__emulator/tokens/check?token=T",
    "GET /__emulator/clock",
    "POST /__emulator/clock/advance",
    "POST /__emulator/responses",
    "POST /__emulator/responses/clear",
    "GET /__emulator/accounts",
    "POST /__emulator/accounts/app",
    "POST /__emulator/accounts/corp",
    "GET /__emulator/tickets",
    "POST /__emulator/tickets/component_verify_ticket",
    "POST /__emulator/tickets/suite_ticket",
    "POST /__emulator/component/authorize",
    "POST /__emulator/component/unauthorize",
    "POST /__emulator/callback/push",
    "POST /__emulator/kf/messages",
    "POST /__emulator/kf/token",
    "GET /__emulator/pay/keys",
    "POST /__emulator/pay/signing_key",
    "POST /__emulator/pay/orders/pay",
    "POST /__emulator/pay/refunds/succeed",
    "POST /__emulator/pay_v2/pay",
    "POST /__emulator/pay_v2/refund",
];

type Out = (u16, Value);

fn bad(msg: impl Into<String>) -> Out {
    (400, json!({ "error": msg.into() }))
}

fn parse<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, Out> {
    let body = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}".as_slice()
    } else {
        body
    };
    serde_json::from_slice(body).map_err(|e| bad(format!("invalid JSON body: {e}")))
}

/// A token by value, or the latest of a kind for an account.
#[derive(Deserialize)]
struct TokenBody {
    #[serde(default)]
    token: Option<String>,
    #[serde(default)]
    account: Option<String>,
    #[serde(default)]
    kind: Option<crate::TokenKind>,
}

#[derive(Deserialize)]
struct IdBody {
    id: u64,
}

#[derive(Deserialize)]
struct AdvanceBody {
    #[serde(default)]
    seconds: Option<f64>,
    #[serde(default)]
    ms: Option<u64>,
}

#[derive(Deserialize)]
struct ResponseBody {
    path: String,
    #[serde(default)]
    status: Option<u16>,
    #[serde(default)]
    json: Option<Value>,
    #[serde(default)]
    body: Option<String>,
    #[serde(default)]
    content_type: Option<String>,
}

#[derive(Deserialize)]
struct ClearResponseBody {
    #[serde(default)]
    path: Option<String>,
}

#[derive(Deserialize)]
struct AppBody {
    appid: String,
    secret: String,
}

#[derive(Deserialize)]
struct CorpBody {
    corpid: String,
    corpsecret: String,
    #[serde(default)]
    agentid: Option<i64>,
}

#[derive(Deserialize)]
struct ComponentTicketBody {
    component_appid: String,
    #[serde(default)]
    ticket: Option<String>,
}

#[derive(Deserialize)]
struct SuiteTicketBody {
    suite_id: String,
    #[serde(default)]
    ticket: Option<String>,
}

#[derive(Deserialize)]
struct AuthorizeBody {
    component_appid: String,
    authorizer_appid: String,
}

#[derive(Deserialize)]
struct PayV2Body {
    mch_id: String,
    #[serde(default)]
    out_trade_no: String,
    #[serde(default)]
    out_refund_no: String,
}

/// Posts a WeChat Pay notification and answers what the merchant said.
async fn pay_v2_notify(ctl: &Controller, notify: Option<crate::PayNotify>) -> Out {
    let Some(notify) = notify else {
        return bad("no such merchant, unpaid order or refund");
    };
    match ctl.notify(&notify).await {
        Ok(r) => (
            200,
            json!({ "url": notify.url, "status": r.status, "body": r.text() }),
        ),
        Err(e) => (502, json!({ "error": e.to_string(), "url": notify.url })),
    }
}

#[derive(Deserialize)]
struct PushBody {
    url: String,
    token: String,
    body: String,
    #[serde(default)]
    content_type: Option<String>,
    #[serde(default)]
    timestamp: Option<i64>,
    #[serde(default)]
    nonce: Option<String>,
    #[serde(default)]
    query: BTreeMap<String, String>,
    /// Safe mode: the bot's EncodingAESKey ...
    #[serde(default)]
    aes_key: Option<String>,
    /// ... and receiver id (app id, corp id).
    #[serde(default)]
    appid: Option<String>,
    /// `official_account` (default), `mini_program`, `open_platform` or `we_com`.
    #[serde(default)]
    platform: Option<wechat_core::callback::Platform>,
}

#[derive(Deserialize)]
struct KfMessagesBody {
    open_kfid: String,
    #[serde(default)]
    messages: Vec<Value>,
}

#[derive(Deserialize)]
struct KfTokenBody {
    open_kfid: String,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum FaultsBody {
    One(Fault),
    Many(Vec<Fault>),
}

pub(crate) async fn handle(
    shared: &Arc<Shared>,
    method: &str,
    path: &str,
    query: &[(String, String)],
    body: &[u8],
) -> Out {
    let ctl = Controller {
        shared: Arc::clone(shared),
    };
    let route = path.trim_start_matches(crate::server::CONTROL_PREFIX);
    match route_inner(&ctl, method, route, query, body).await {
        Ok(out) | Err(out) => out,
    }
}

async fn route_inner(
    ctl: &Controller,
    method: &str,
    route: &str,
    query: &[(String, String)],
    body: &[u8],
) -> Result<Out, Out> {
    Ok(match (method, route) {
        ("GET", "" | "/") => (200, json!({ "routes": ROUTES })),
        ("GET", "/health") => (
            200,
            json!({ "ok": true, "base_url": ctl.base_url(), "now_ms": ctl.now_ms() }),
        ),
        ("GET", "/stats") => {
            let mut stats = ctl.stats();
            if matches!(query_get(query, "requests"), Some("0" | "false")) {
                stats.requests.clear();
            }
            (200, serde_json::to_value(stats).unwrap_or_default())
        }
        ("POST", "/stats/reset") => {
            ctl.reset_stats();
            (200, json!({ "ok": true }))
        }
        ("GET", "/faults") => (200, json!({ "faults": ctl.faults() })),
        ("POST", "/faults") => match parse::<FaultsBody>(body)? {
            FaultsBody::One(f) => (200, json!({ "id": ctl.inject(f) })),
            FaultsBody::Many(fs) => {
                let ids: Vec<u64> = fs.into_iter().map(|f| ctl.inject(f)).collect();
                (200, json!({ "ids": ids }))
            }
        },
        ("POST", "/faults/remove") => {
            let b: IdBody = parse(body)?;
            (200, json!({ "removed": ctl.remove_fault(b.id) }))
        }
        ("POST", "/faults/clear") | ("DELETE", "/faults") => {
            ctl.clear_faults();
            (200, json!({ "ok": true }))
        }
        ("POST", "/tokens/reject") => {
            let b: TokenBody = parse(body)?;
            let token = match (b.token, b.account, b.kind) {
                (Some(t), _, _) => Some(t),
                (None, Some(account), Some(kind)) => ctl.latest_token(kind, &account),
                _ => return Err(bad("give `token`, or `account` and `kind`")),
            };
            let rejected = token.is_some_and(|t| ctl.reject_token(&t));
            (200, json!({ "rejected": rejected }))
        }
        ("GET", "/tokens/check") => {
            let token = query_get(query, "token").unwrap_or_default();
            (200, json!({ "valid": ctl.is_token_valid(token) }))
        }
        ("GET", "/clock") => (
            200,
            json!({ "now_ms": ctl.now_ms(), "offset_ms": ctl.clock_offset_ms() }),
        ),
        ("POST", "/clock/advance") => {
            let b: AdvanceBody = parse(body)?;
            let by = match (b.seconds, b.ms) {
                (Some(s), None) if s.is_finite() && s >= 0.0 => Duration::from_secs_f64(s),
                (None, Some(ms)) => Duration::from_millis(ms),
                _ => return Err(bad("give either \"seconds\" (>= 0) or \"ms\"")),
            };
            ctl.advance(by);
            (
                200,
                json!({ "now_ms": ctl.now_ms(), "offset_ms": ctl.clock_offset_ms() }),
            )
        }
        ("POST", "/responses") => {
            let b: ResponseBody = parse(body)?;
            let status = b.status.unwrap_or(200);
            let response = match (b.json, b.body) {
                (Some(v), None) => CustomResponse {
                    status,
                    ..CustomResponse::json(&v)
                },
                (None, Some(text)) => CustomResponse::raw(
                    status,
                    b.content_type
                        .unwrap_or_else(|| "text/plain; charset=utf-8".into()),
                    text.into_bytes(),
                ),
                _ => return Err(bad("give either \"json\" or \"body\"")),
            };
            ctl.set_response(&b.path, response);
            (200, json!({ "ok": true }))
        }
        ("POST", "/responses/clear") => {
            let b: ClearResponseBody = parse(body)?;
            match b.path {
                Some(p) => (200, json!({ "removed": ctl.clear_response(&p) })),
                None => {
                    ctl.clear_responses();
                    (200, json!({ "ok": true }))
                }
            }
        }
        ("GET", "/accounts") => (
            200,
            serde_json::to_value(ctl.accounts()).unwrap_or_default(),
        ),
        ("POST", "/accounts/app") => {
            let b: AppBody = parse(body)?;
            ctl.add_app(&b.appid, &b.secret);
            (200, json!({ "ok": true }))
        }
        ("POST", "/accounts/corp") => {
            let b: CorpBody = parse(body)?;
            ctl.add_corp(&b.corpid, &b.corpsecret, b.agentid);
            (200, json!({ "ok": true }))
        }
        ("GET", "/tickets") => {
            let accounts = ctl.accounts();
            let component: BTreeMap<String, Option<String>> = accounts
                .components
                .iter()
                .map(|c| {
                    (
                        c.component_appid.clone(),
                        ctl.component_verify_ticket(&c.component_appid),
                    )
                })
                .collect();
            let suite: BTreeMap<String, Option<String>> = accounts
                .suites
                .iter()
                .map(|s| (s.suite_id.clone(), ctl.suite_ticket(&s.suite_id)))
                .collect();
            (
                200,
                json!({ "component_verify_ticket": component, "suite_ticket": suite }),
            )
        }
        ("POST", "/tickets/component_verify_ticket") => {
            let b: ComponentTicketBody = parse(body)?;
            let ticket = match b.ticket {
                Some(t) => ctl
                    .set_component_verify_ticket(&b.component_appid, &t)
                    .then_some(t),
                None => ctl.rotate_component_verify_ticket(&b.component_appid),
            };
            match ticket {
                Some(t) => (200, json!({ "ticket": t })),
                None => (404, json!({ "error": "unknown component_appid" })),
            }
        }
        ("POST", "/tickets/suite_ticket") => {
            let b: SuiteTicketBody = parse(body)?;
            let ticket = match b.ticket {
                Some(t) => ctl.set_suite_ticket(&b.suite_id, &t).then_some(t),
                None => ctl.rotate_suite_ticket(&b.suite_id),
            };
            match ticket {
                Some(t) => (200, json!({ "ticket": t })),
                None => (404, json!({ "error": "unknown suite_id" })),
            }
        }
        ("POST", "/component/authorize") => {
            let b: AuthorizeBody = parse(body)?;
            match ctl.authorize(&b.component_appid, &b.authorizer_appid) {
                Some(code) => (
                    200,
                    json!({ "authorization_code": code, "expires_in": 3600 }),
                ),
                None => (404, json!({ "error": "unknown component_appid" })),
            }
        }
        ("POST", "/component/unauthorize") => {
            let b: AuthorizeBody = parse(body)?;
            match ctl.unauthorize(&b.component_appid, &b.authorizer_appid) {
                Some(push) => (200, json!({ "unauthorized": true, "push": push })),
                None => (404, json!({ "error": "no such authorization" })),
            }
        }
        ("POST", "/pay_v2/pay") => {
            let b: PayV2Body = parse(body)?;
            let notify = ctl.pay_v2_pay(&b.mch_id, &b.out_trade_no);
            pay_v2_notify(ctl, notify).await
        }
        ("POST", "/pay_v2/refund") => {
            let b: PayV2Body = parse(body)?;
            let notify = ctl.pay_v2_complete_refund(&b.mch_id, &b.out_refund_no);
            pay_v2_notify(ctl, notify).await
        }
        ("POST", "/callback/push") => {
            let b: PushBody = parse(body)?;
            let mut push = CallbackPush::xml(b.url, b.token, b.body);
            if let Some(ct) = b.content_type {
                push.content_type = ct;
            }
            push.timestamp = b.timestamp;
            push.nonce = b.nonce;
            push.query = b.query.into_iter().collect();
            if let Some(platform) = b.platform {
                push = push.for_platform(platform);
            }
            match (b.aes_key, b.appid) {
                (Some(key), Some(appid)) => push = push.encrypted(key, appid),
                (None, None) => {}
                _ => return Err(bad("safe mode needs both `aes_key` and `appid`")),
            }
            match ctl.push_callback(&push).await {
                Ok(r) => (
                    200,
                    json!({
                        "status": r.status,
                        "content_type": r.content_type,
                        "body": r.text(),
                        "reply": r.plaintext,
                    }),
                ),
                Err(e) => (502, json!({ "error": e.to_string() })),
            }
        }
        ("POST", "/kf/messages") => {
            let b: KfMessagesBody = parse(body)?;
            if b.messages.iter().any(|m| !m.is_object()) {
                return Err(bad("`messages` must be JSON objects"));
            }
            (
                200,
                json!({ "queued": ctl.kf_enqueue(&b.open_kfid, b.messages) }),
            )
        }
        ("POST", "/kf/token") => {
            let b: KfTokenBody = parse(body)?;
            (200, json!({ "token": ctl.kf_push_token(&b.open_kfid) }))
        }
        (m, r) if r.starts_with("/pay/") => crate::pay_v3::control(ctl, m, r, body).await,
        _ => (
            404,
            json!({ "error": format!("no control route {method} {route}"), "routes": ROUTES }),
        ),
    })
}
