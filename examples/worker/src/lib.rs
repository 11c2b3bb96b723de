//! A WeChat Official Account bot and admin API as a Cloudflare Worker, on `wechat-core` and
//! `wechat-worker`.
//!
//! Configuration (vars and secrets): `WECHAT_APPID`, `WECHAT_SECRET`, `WECHAT_TOKEN`,
//! `WECHAT_AES_KEY` (safe mode; leave it unset for plain mode), `ADMIN_KEY`, optional
//! `WECHAT_API_BASE` (one base URL for every WeChat host: a proxy, the emulator); the KV namespace
//! `WECHAT_KV` and the Durable Objects `TOKEN_AUTHORITY` and `CALLBACK_DEDUP`. Optional
//! `TIMESTAMP_WINDOW_S`: pushes whose `timestamp` is further than this from the clock are refused
//! as replays (default 300; `off` turns the check off).
//!
//! Routes:
//! - `GET /?signature&timestamp&nonce&echostr`: URL verification.
//! - `POST /`: the callback. A text message is answered with a text reply quoting it, a subscribe
//!   event with a welcome; encrypted when the push was. The answer goes out first: the slow part
//!   (for a text message, a customer service message sent through the API) runs after it with
//!   `wait_until`. Each push is handled once: WeChat's retries, in any isolate, are claimed in the
//!   `CallbackDedup` object of the push's key and answered `success`.
//! - Any other method on `/`: 405.
//! - `GET /api/ip` with `Authorization: Bearer <ADMIN_KEY>`: WeChat's `get_api_domain_ip`, through
//!   the cached access token.
//! - `GET /health`: `ok`.

use subtle::ConstantTimeEq;
use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_core::api::oa::message::{CustomMessage, SendCustomMessage};
use wechat_core::callback::{CallbackHandler, Dedup, Event, Message, Platform, Reply};
use wechat_core::{Client, Hosts, Secret, TokenFlow};
use wechat_worker::{
    Authority, AuthorityStore, DedupObject, DurableDedup, FetchClient, KvStore, WorkerRuntime,
    callback::handle_callback_once,
};
use worker::{
    Context, DurableObject, Env, Method, Request, Response, Result, State, durable_object, event,
};

/// Binding names, as in wrangler.toml.
const KV_BINDING: &str = "WECHAT_KV";
const AUTHORITY_BINDING: &str = "TOKEN_AUTHORITY";
const DEDUP_BINDING: &str = "CALLBACK_DEDUP";
/// The replay window when `TIMESTAMP_WINDOW_S` is not set.
const DEFAULT_TIMESTAMP_WINDOW_S: u64 = 300;

struct Config {
    appid: String,
    secret: Secret,
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
        let timestamp_window_s = match var(env, "TIMESTAMP_WINDOW_S").as_deref() {
            None => Some(DEFAULT_TIMESTAMP_WINDOW_S),
            Some("off") => None,
            Some(s) => Some(s.parse().map_err(|_| {
                worker::Error::RustError("TIMESTAMP_WINDOW_S must be seconds or `off`".into())
            })?),
        };
        Ok(Self {
            timestamp_window_s,
            appid: need("WECHAT_APPID")?,
            secret: Secret::new(need("WECHAT_SECRET")?),
            token: Secret::new(need("WECHAT_TOKEN")?),
            aes_key: var(env, "WECHAT_AES_KEY").map(Secret::new),
            admin_key: Secret::new(need("ADMIN_KEY")?),
            hosts,
        })
    }

    fn flow(&self) -> TokenFlow {
        TokenFlow::Stable {
            appid: self.appid.clone(),
            secret: self.secret.clone(),
        }
    }
}

#[event(fetch)]
async fn fetch(req: Request, env: Env, ctx: Context) -> Result<Response> {
    let config = match Config::from_env(&env) {
        Ok(c) => c,
        Err(e) => return Response::error(e.to_string(), 500),
    };
    match (req.method(), req.path().as_str()) {
        (Method::Get | Method::Post, "/") => callback(req, &env, &ctx, &config).await,
        (_, "/") => {
            let mut response = Response::error("method not allowed", 405)?;
            response.headers_mut().set("allow", "GET, POST")?;
            Ok(response)
        }
        (Method::Get, "/api/ip") => api_ip(req, &env, &config).await,
        (Method::Get, "/health") => Response::ok("ok"),
        _ => Response::error("not found", 404),
    }
}

async fn callback(req: Request, env: &Env, ctx: &Context, config: &Config) -> Result<Response> {
    let mut handler = CallbackHandler::new(Platform::OfficialAccount, config.token.clone());
    if let Some(window) = config.timestamp_window_s {
        handler = handler.timestamp_window(window);
    }
    if let Some(key) = &config.aes_key {
        handler = handler
            .with_aes_key(key.expose(), &config.appid)
            .map_err(|e| worker::Error::RustError(e.to_string()))?;
    }
    let dedup = Dedup::new(DurableDedup::new(env.durable_object(DEDUP_BINDING)?));
    let client = api_client(env, config)?;
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
        // The slow part, after the answer: a text message gets a customer service message too.
        move |message| async move {
            let Message::Text(text) = message else {
                return Ok(());
            };
            let send = SendCustomMessage::new(
                text.from_user_name,
                CustomMessage::text(format!("Done thinking about: {}", text.content)),
            );
            client.call(&send).await.map(drop)
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

async fn api_ip(req: Request, env: &Env, config: &Config) -> Result<Response> {
    let given = req.headers().get("authorization")?.unwrap_or_default();
    let expected = format!("Bearer {}", config.admin_key.expose());
    if !bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
        return Response::error("unauthorized", 401);
    }
    let client = api_client(env, config)?;
    match client.call(&GetApiDomainIp {}).await {
        Ok(ips) => Response::from_json(&ips),
        Err(e) => {
            let body = serde_json::json!({
                "errcode": e.code().and_then(|c| c.number()),
                "error": e.to_string(),
            });
            Ok(Response::from_json(&body)?.with_status(502))
        }
    }
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
