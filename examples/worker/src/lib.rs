//! A WeChat Official Account bot and admin API as a Cloudflare Worker, on `wechat-core` and
//! `wechat-worker`.
//!
//! Configuration (vars and secrets): `WECHAT_APPID`, `WECHAT_SECRET`, `WECHAT_TOKEN`,
//! `WECHAT_AES_KEY` (safe mode; leave it unset for plain mode), `ADMIN_KEY`, optional
//! `WECHAT_API_BASE` (one base URL for every WeChat host: a proxy, the emulator); the KV namespace
//! `WECHAT_KV` and the Durable Object `TOKEN_AUTHORITY`.
//!
//! Routes:
//! - `GET /?signature&timestamp&nonce&echostr`: URL verification.
//! - `POST /`: the callback. A text message is answered with a text reply quoting it, a subscribe
//!   event with a welcome; encrypted when the push was.
//! - `GET /api/ip` with `Authorization: Bearer <ADMIN_KEY>`: WeChat's `get_api_domain_ip`, through
//!   the cached access token.
//! - `GET /health`: `ok`.

use subtle::ConstantTimeEq;
use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_core::callback::{CallbackHandler, Event, Message, Platform, Reply};
use wechat_core::{Client, Hosts, Secret, TokenFlow};
use wechat_worker::{
    Authority, AuthorityStore, FetchClient, KvStore, WorkerRuntime, callback::handle_callback,
};
use worker::{
    Context, DurableObject, Env, Method, Request, Response, Result, State, durable_object, event,
};

/// Binding names, as in wrangler.toml.
const KV_BINDING: &str = "WECHAT_KV";
const AUTHORITY_BINDING: &str = "TOKEN_AUTHORITY";

struct Config {
    appid: String,
    secret: Secret,
    token: Secret,
    aes_key: Option<Secret>,
    admin_key: Secret,
    hosts: Hosts,
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
        Ok(Self {
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
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let config = match Config::from_env(&env) {
        Ok(c) => c,
        Err(e) => return Response::error(e.to_string(), 500),
    };
    match (req.method(), req.path().as_str()) {
        (Method::Get | Method::Post, "/") => callback(req, &config).await,
        (Method::Get, "/api/ip") => api_ip(req, &env, &config).await,
        (Method::Get, "/health") => Response::ok("ok"),
        _ => Response::error("not found", 404),
    }
}

async fn callback(req: Request, config: &Config) -> Result<Response> {
    let mut handler = CallbackHandler::new(Platform::OfficialAccount, config.token.clone());
    if let Some(key) = &config.aes_key {
        handler = handler
            .with_aes_key(key.expose(), &config.appid)
            .map_err(|e| worker::Error::RustError(e.to_string()))?;
    }
    handle_callback(&handler, req, |received| match &received.message {
        Message::Text(text) => Reply::text(format!("You said: {}", text.content)),
        Message::Event(Event::Subscribe(_)) => Reply::text("Welcome! Send me anything."),
        _ => Reply::Success,
    })
    .await
}

async fn api_ip(req: Request, env: &Env, config: &Config) -> Result<Response> {
    let given = req.headers().get("authorization")?.unwrap_or_default();
    let expected = format!("Bearer {}", config.admin_key.expose());
    if !bool::from(given.as_bytes().ct_eq(expected.as_bytes())) {
        return Response::error("unauthorized", 401);
    }
    let store = AuthorityStore::new(
        KvStore::from_env(env, KV_BINDING)?,
        &env.durable_object(AUTHORITY_BINDING)?,
    )?;
    let client = Client::new(
        config.flow(),
        FetchClient::new(),
        store,
        WorkerRuntime::new(),
    )
    .with_hosts(config.hosts.clone());
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
