//! An example Cloudflare Worker on `wechat-core` and `wechat-worker`.
//!
//! Routes:
//! - `GET /health`: `200 ok`.
//! - `POST /demo/authority`: counts a call in the `TokenAuthority` Durable
//!   Object, writes the count to KV and reads it back; also reports the
//!   adapter's clock and a few random bytes.
//! - `GET /demo/fetch`: sends a request through the adapter's fetch client to
//!   `$DEMO_UPSTREAM/echo` (404 when that variable is unset).

use wechat_worker::{FetchClient, KvStore, WebCryptoRandom, WorkerClock};
use worker::{
    Context, DurableObject, Env, Method, Request, Response, Result, State, durable_object, event,
};

/// Binding names, as in wrangler.toml.
const KV_BINDING: &str = "WECHAT_KV";
const AUTHORITY_BINDING: &str = "TOKEN_AUTHORITY";

#[event(fetch)]
async fn fetch(req: Request, env: Env, _ctx: Context) -> Result<Response> {
    let path = req.path();
    match (req.method(), path.as_str()) {
        (Method::Get, "/health") => Response::ok("ok"),
        (Method::Post, "/demo/authority") => authority_demo(&env).await,
        (Method::Get, "/demo/fetch") => fetch_demo(&env).await,
        _ => Response::error("not found", 404),
    }
}

async fn authority_demo(env: &Env) -> Result<Response> {
    let stub = env
        .durable_object(AUTHORITY_BINDING)?
        .id_from_name("demo")?
        .get_stub()?;
    let mut answer = stub
        .fetch_with_str("https://token-authority.internal/calls")
        .await?;
    let calls: serde_json::Value = answer.json().await?;
    let calls = calls["calls"].as_u64().unwrap_or_default();

    // A 1 s TTL is raised to KV's 60 s minimum by the adapter.
    let kv = KvStore::from_env(env, KV_BINDING)?.with_prefix("demo:");
    kv.put("calls", calls.to_string().as_bytes(), 1).await?;
    let stored = kv
        .get("calls")
        .await?
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned());

    let random: [u8; 16] = WebCryptoRandom::new().bytes()?;
    Response::from_json(&serde_json::json!({
        "calls": calls,
        "kv": stored,
        "now_ms": WorkerClock::new().now_ms(),
        "random": hex::encode(random),
    }))
}

async fn fetch_demo(env: &Env) -> Result<Response> {
    let Ok(upstream) = env.var("DEMO_UPSTREAM") else {
        return Response::error("DEMO_UPSTREAM is not set", 404);
    };
    let request = http::Request::post(format!("{upstream}/echo"))
        .header("content-type", "text/plain")
        .header("x-demo", "wechat-worker")
        .body(b"ping".to_vec())
        .map_err(|e| worker::Error::RustError(e.to_string()))?;
    let response = FetchClient::new().send(request).await?;
    Response::from_json(&serde_json::json!({
        "status": response.status().as_u16(),
        "content_type": response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok()),
        "body": String::from_utf8_lossy(response.body()),
    }))
}

/// Will own token refresh for an app (strict single-flight across isolates).
/// For now it only counts the calls it receives, in its durable storage.
#[durable_object]
pub struct TokenAuthority {
    state: State,
}

impl DurableObject for TokenAuthority {
    fn new(state: State, _env: Env) -> Self {
        TokenAuthority { state }
    }

    async fn fetch(&self, _req: Request) -> Result<Response> {
        let storage = self.state.storage();
        let calls = storage.get::<u64>("calls").await?.unwrap_or(0) + 1;
        storage.put("calls", calls).await?;
        Response::from_json(&serde_json::json!({ "calls": calls }))
    }
}
