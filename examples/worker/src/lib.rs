//! A WeChat bot and admin API as a Cloudflare Worker, on `wechat-core` and `wechat-worker`: for an
//! Official Account, or for a WeCom (企业微信) self-built app.
//!
//! Configuration (vars and secrets): `WECHAT_PLATFORM` (`oa`, the default, or `work`); for an
//! Official Account `WECHAT_APPID` and `WECHAT_SECRET`, for a WeCom app `WECHAT_CORPID`,
//! `WECHAT_CORPSECRET` and `WECHAT_AGENTID`; then `WECHAT_TOKEN`, `WECHAT_ENCODING_AES_KEY` (safe mode,
//! always on for WeCom; leave it unset for an Official Account's plain mode), `ADMIN_KEY`, optional
//! `WECHAT_API_BASE` (one base URL for every WeChat host: a proxy, the emulator); the KV namespace
//! `WECHAT_KV` and the Durable Objects `TOKEN_AUTHORITY` and `CALLBACK_DEDUP`. Optional
//! `WECHAT_TIMESTAMP_WINDOW`: pushes whose `timestamp` is further than this from the clock are refused
//! as replays (default 300; `off` turns the check off).
//!
//! Routes:
//! - `GET /?signature&timestamp&nonce&echostr`: URL verification (WeCom: `msg_signature`, and
//!   `echostr` decrypted).
//! - `POST /`: the callback. A text message is answered with a text reply quoting it, a subscribe
//!   event with a welcome; encrypted when the push was. The answer goes out first: the slow part
//!   (for a text message, a customer service message, or for WeCom an app message, sent through
//!   the API) runs after it with `wait_until`. Each push is handled once: WeChat's retries, in any isolate, are claimed in the
//!   `CallbackDedup` object of the push's key and answered `success`.
//! - Any other method on `/`: 405.
//! - `GET /api/ip` with `Authorization: Bearer <ADMIN_KEY>` (Official Account): WeChat's
//!   `get_api_domain_ip`, through the cached access token.
//! - `POST /api/message` with `Authorization: Bearer <ADMIN_KEY>` and `{"touser": "...",
//!   "content": "..."}`: a text message to a user, through the cached access token: a customer
//!   service message (Official Account) or an app message (WeCom, `touser` a member id); answers
//!   WeChat's answer as JSON.
//! - `POST /pay/notify`: a WeChat Pay v3 payment notification, verified on the raw body, decrypted
//!   and recorded in KV; `204`, or `500` with the reason (see [`pay`] for the `WECHAT_PAY_*`
//!   settings).
//! - `POST /pay/orders` with `Authorization: Bearer <ADMIN_KEY>` and `{"out_trade_no": "...",
//!   "description": "...", "total": 1, "openid": "..."}`: a JSAPI order placed with WeChat Pay (signed
//!   on Web Crypto), answered with the prepay id and the signed parameters for the payer's page.
//! - `GET /pay/orders/{out_trade_no}` with `Authorization: Bearer <ADMIN_KEY>`: the payment
//!   recorded for an order (the decrypted transaction), or 404.
//! - `GET /health`: `ok`.

use subtle::ConstantTimeEq;
use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_core::api::oa::message::{CustomMessage, SendCustomMessage};
use wechat_core::api::work::message::SendMessage;
use wechat_core::callback::{CallbackHandler, Dedup, Event, Message, Platform, Reply};
use wechat_core::{Client, Hosts, Secret, TokenFlow};
use wechat_worker::{
    Authority, AuthorityStore, DedupObject, DurableDedup, FetchClient, KvStore, WorkerRuntime,
    callback::handle_callback_once,
};
use worker::{
    Context, DurableObject, Env, Method, Request, Response, Result, State, durable_object, event,
};

mod pay;

/// Binding names, as in wrangler.toml.
const KV_BINDING: &str = "WECHAT_KV";
const AUTHORITY_BINDING: &str = "TOKEN_AUTHORITY";
const DEDUP_BINDING: &str = "CALLBACK_DEDUP";
/// The replay window when `WECHAT_TIMESTAMP_WINDOW` is not set.
const DEFAULT_TIMESTAMP_WINDOW_S: u64 = 300;

/// Whose bot this is.
enum Account {
    /// An Official Account.
    Oa { appid: String, secret: Secret },
    /// A WeCom self-built app.
    Work {
        corpid: String,
        agentid: i64,
        secret: Secret,
    },
}

struct Config {
    account: Account,
    token: Secret,
    aes_key: Option<Secret>,
    admin_key: Secret,
    hosts: Hosts,
    timestamp_window_s: Option<u64>,
}

fn var(env: &Env, name: &str) -> Option<String> {
    env.secret(name)
        .map(|s| s.to_string())
        .or_else(|_| env.var(name).map(|v| v.to_string()))
        .ok()
        .filter(|v| !v.is_empty())
}

impl Config {
    fn from_env(env: &Env) -> Result<Self> {
        let need = |name: &str| {
            var(env, name).ok_or_else(|| worker::Error::RustError(format!("{name} is not set")))
        };
        let hosts = match var(env, "WECHAT_API_BASE") {
            Some(base) => Hosts::all(&base).map_err(|e| worker::Error::RustError(e.to_string()))?,
            None => Hosts::default(),
        };
        let timestamp_window_s = match var(env, "WECHAT_TIMESTAMP_WINDOW").as_deref() {
            None => Some(DEFAULT_TIMESTAMP_WINDOW_S),
            Some("off") => None,
            Some(s) => Some(s.parse().map_err(|_| {
                worker::Error::RustError("WECHAT_TIMESTAMP_WINDOW must be seconds or `off`".into())
            })?),
        };
        let account = match var(env, "WECHAT_PLATFORM").as_deref() {
            None | Some("oa") => Account::Oa {
                appid: need("WECHAT_APPID")?,
                secret: Secret::new(need("WECHAT_SECRET")?),
            },
            Some("work") => Account::Work {
                corpid: need("WECHAT_CORPID")?,
                agentid: need("WECHAT_AGENTID")?.parse().map_err(|_| {
                    worker::Error::RustError("WECHAT_AGENTID must be a number".into())
                })?,
                secret: Secret::new(need("WECHAT_CORPSECRET")?),
            },
            Some(other) => {
                return Err(worker::Error::RustError(format!(
                    "WECHAT_PLATFORM must be oa or work, not {other}"
                )));
            }
        };
        let aes_key = var(env, "WECHAT_ENCODING_AES_KEY").map(Secret::new);
        if matches!(account, Account::Work { .. }) && aes_key.is_none() {
            return Err(worker::Error::RustError(
                "WeCom pushes are always encrypted: set WECHAT_ENCODING_AES_KEY".into(),
            ));
        }
        Ok(Self {
            timestamp_window_s,
            account,
            token: Secret::new(need("WECHAT_TOKEN")?),
            aes_key,
            admin_key: Secret::new(need("ADMIN_KEY")?),
            hosts,
        })
    }

    fn flow(&self) -> TokenFlow {
        match &self.account {
            Account::Oa { appid, secret } => TokenFlow::Stable {
                appid: appid.clone(),
                secret: secret.clone(),
            },
            Account::Work {
                corpid,
                agentid,
                secret,
            } => TokenFlow::Work {
                corpid: corpid.clone(),
                agent: agentid.to_string(),
                secret: secret.clone(),
            },
        }
    }

    /// The callback platform, and the receiver id that encrypted pushes name.
    fn platform(&self) -> (Platform, &str) {
        match &self.account {
            Account::Oa { appid, .. } => (Platform::OfficialAccount, appid),
            Account::Work { corpid, .. } => (Platform::WeCom, corpid),
        }
    }

    /// A text message to `user` through the API: a customer service message, or an app message.
    async fn send_text(
        &self,
        client: &Client<FetchClient, AuthorityStore, WorkerRuntime>,
        user: String,
        text: String,
    ) -> wechat_core::Result<serde_json::Value> {
        let answer = match &self.account {
            Account::Oa { .. } => {
                let send = SendCustomMessage::new(user, CustomMessage::text(text));
                serde_json::to_value(client.call(&send).await?)
            }
            Account::Work { agentid, .. } => {
                let send = SendMessage::text(*agentid, text).to_users([user]);
                serde_json::to_value(client.call(&send).await?)
            }
        };
        Ok(answer.unwrap_or_default())
    }
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, ctx: Context) -> Result<Response> {
    let config = match Config::from_env(&env) {
        Ok(c) => c,
        Err(e) => return Response::error(e.to_string(), 500),
    };
    match (req.method(), req.path().as_str()) {
        (Method::Get | Method::Post, "/") => callback(req, &env, &ctx, config).await,
        (_, "/") => {
            let mut response = Response::error("method not allowed", 405)?;
            response.headers_mut().set("allow", "GET, POST")?;
            Ok(response)
        }
        (Method::Get, "/api/ip") => api_ip(req, &env, &config).await,
        (Method::Post, "/api/message") => api_message(req, &env, &config).await,
        (Method::Get, "/health") => Response::ok("ok"),
        (Method::Post, "/pay/notify") => match pay::Pay::from_env(&env).await? {
            Some(merchant) => pay::notify(req, &env, &merchant).await,
            None => pay::not_configured(),
        },
        (Method::Post, "/pay/orders") => {
            if !is_admin(&req, &config)? {
                return Response::error("unauthorized", 401);
            }
            match pay::Pay::from_env(&env).await? {
                Some(merchant) => pay::place_order(req, &env, &config, &merchant).await,
                None => pay::not_configured(),
            }
        }
        (Method::Get, path) if path.starts_with("/pay/orders/") => {
            if !is_admin(&req, &config)? {
                return Response::error("unauthorized", 401);
            }
            pay::paid_order(&env, &path["/pay/orders/".len()..]).await
        }
        _ => Response::error("not found", 404),
    }
}

async fn callback(req: Request, env: &Env, ctx: &Context, config: Config) -> Result<Response> {
    let (platform, receiver) = config.platform();
    let mut handler = CallbackHandler::new(platform, config.token.clone());
    if let Some(window) = config.timestamp_window_s {
        handler = handler.timestamp_window(window);
    }
    if let Some(key) = &config.aes_key {
        handler = handler
            .with_aes_key(key.expose(), receiver)
            .map_err(|e| worker::Error::RustError(e.to_string()))?;
    }
    let dedup = Dedup::new(DurableDedup::new(env.durable_object(DEDUP_BINDING)?));
    let client = api_client(env, &config)?;
    handle_callback_once(
        &handler,
        dedup,
        ctx,
        req,
        |received| match &received.message {
            Message::Text(text) => Reply::text(format!("You said: {}", text.content)),
            Message::Event(Event::Subscribe(_)) => Reply::text("Welcome! Send me anything."),
            _ => Reply::Success,
        },
        // The slow part, after the answer: a text message gets a message through the API too.
        move |message| async move {
            let Message::Text(text) = message else {
                return Ok(());
            };
            let done = format!("Done thinking about: {}", text.content);
            config
                .send_text(&client, text.from_user_name, done)
                .await
                .map(drop)
        },
    )
    .await
}

/// A client calling WeChat with the token kept by KV and the `TokenAuthority` object.
fn api_client(
    env: &Env,
    config: &Config,
) -> Result<Client<FetchClient, AuthorityStore, WorkerRuntime>> {
    let store = AuthorityStore::new(
        KvStore::from_env(env, KV_BINDING)?,
        &env.durable_object(AUTHORITY_BINDING)?,
    )?;
    Ok(Client::new(
        config.flow(),
        FetchClient::new(),
        store,
        WorkerRuntime::new(),
    )
    .with_hosts(config.hosts.clone()))
}

/// Whether the request carries `Authorization: Bearer <ADMIN_KEY>` (compared in constant time).
fn is_admin(req: &Request, config: &Config) -> Result<bool> {
    let given = req.headers().get("authorization")?.unwrap_or_default();
    let expected = format!("Bearer {}", config.admin_key.expose());
    Ok(bool::from(given.as_bytes().ct_eq(expected.as_bytes())))
}

/// WeChat's answer as JSON, or its error as a 502.
fn answer<T: serde::Serialize>(result: wechat_core::Result<T>) -> Result<Response> {
    match result {
        Ok(value) => Response::from_json(&value),
        Err(e) => {
            let body = serde_json::json!({
                "errcode": e.code().and_then(|c| c.number()),
                "error": e.to_string(),
            });
            Ok(Response::from_json(&body)?.with_status(502))
        }
    }
}

async fn api_ip(req: Request, env: &Env, config: &Config) -> Result<Response> {
    if !is_admin(&req, config)? {
        return Response::error("unauthorized", 401);
    }
    if !matches!(config.account, Account::Oa { .. }) {
        return Response::error("get_api_domain_ip is an Official Account route", 404);
    }
    let client = api_client(env, config)?;
    answer(client.call(&GetApiDomainIp {}).await)
}

/// What `POST /api/message` reads.
#[derive(serde::Deserialize)]
struct TextTo {
    touser: String,
    content: String,
}

async fn api_message(mut req: Request, env: &Env, config: &Config) -> Result<Response> {
    if !is_admin(&req, config)? {
        return Response::error("unauthorized", 401);
    }
    let Ok(TextTo { touser, content }) = req.json::<TextTo>().await else {
        return Response::error(
            r#"the body must be {"touser": "...", "content": "..."}"#,
            400,
        );
    };
    let client = api_client(env, config)?;
    answer(config.send_text(&client, touser, content).await)
}

/// Owns token refresh for the app: one fetch per expiry, whatever the number of isolates.
#[durable_object]
pub struct TokenAuthority(Authority);

impl DurableObject for TokenAuthority {
    fn new(state: State, env: Env) -> Self {
        let kv = KvStore::from_env(&env, KV_BINDING).ok();
        let (hosts, flows) = match Config::from_env(&env) {
            Ok(c) => (c.hosts.clone(), vec![c.flow()]),
            Err(_) => (Hosts::default(), Vec::new()),
        };
        TokenAuthority(Authority::new(&state, kv, hosts, flows))
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        self.0.handle(req).await
    }
}

/// Handles each push once: the object named by a push's key keeps its one record.
#[durable_object]
pub struct CallbackDedup(DedupObject);

impl DurableObject for CallbackDedup {
    fn new(state: State, _env: Env) -> Self {
        CallbackDedup(DedupObject::new(&state))
    }

    async fn fetch(&self, req: Request) -> Result<Response> {
        self.0.handle(req).await
    }

    async fn alarm(&self) -> Result<Response> {
        self.0.alarm().await
    }
}
