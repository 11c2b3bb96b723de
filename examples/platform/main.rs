//! A third-party platform backend on axum: `cargo run --example platform`.
//!
//! One process serves both kinds of platform WeChat has:
//!
//! - an **Open Platform component** (开放平台第三方平台, `open.rs`): its callback keeps the
//!   `component_verify_ticket` and forgets accounts that withdraw; `GET /open/authorize` sends an
//!   account's admin to WeChat's authorization page, `GET /open/authorized` keeps the account's
//!   refresh token; `GET /open/accounts/{appid}/info` and `/ips` call for the account;
//! - a **WeCom suite** (企业微信第三方应用, `suite.rs`): its instruction callback keeps the
//!   `suite_ticket`, keeps the permanent code of market installs and forgets cancelled corps;
//!   `GET /suite/install` sends a corp's admin to the install page, `GET /suite/installed` keeps
//!   the corp's permanent code; `GET /suite/corps/{corpid}/departments` calls for the corp.
//!
//! With no configuration it starts an emulator of WeChat in this process and walks the whole
//! journey itself (`demo.rs`): tickets pushed, an account authorizing, calls made for it, and its
//! withdrawal, then the same for a WeCom corp. To serve for real, set (each platform is served
//! when its id and secret are set):
//!
//! - `WECHAT_COMPONENT_APPID`, `WECHAT_COMPONENT_SECRET`: the Open Platform component;
//! - `WECHAT_SUITE_ID`, `WECHAT_SUITE_SECRET`: the WeCom suite (`WECHAT_SUITE_TEST_INSTALL=1`
//!   while the suite is not released: installs are test installs);
//! - `WECHAT_TOKEN`, `WECHAT_ENCODING_AES_KEY`: the Token and EncodingAESKey of the callback
//!   URLs (`/open/callback`, `/suite/callback`; the same pair in both consoles);
//! - `WECHAT_PUBLIC_URL`: where WeChat reaches this backend and sends admins back
//!   (`https://platform.example.com`);
//! - `WECHAT_REDIS_URL`: keep tickets, refresh tokens, permanent codes and tokens in Redis (they
//!   must outlive the process: an account's refresh token comes once); default: memory;
//! - `PORT` (default 3000) and `WECHAT_API_BASE` (a proxy).
//!
//! The admin routes (`/open/accounts/..`, `/suite/corps/..`) answer anyone here: put them behind
//! your own authentication, and tie `/open/authorize` and `/suite/install` to the signed-in
//! customer (the install link's `state`) before serving them on the Internet.

use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use wechat_core::Secret;
use wechat_core::callback::{CallbackHandler, Incoming, Platform, Received};
use wechat_core::client::TokenStore;
use wechat_reqwest::ClientBuilder;

mod demo;
mod open;
mod suite;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

#[tokio::main]
async fn main() -> ExitCode {
    let configured = [
        "WECHAT_COMPONENT_APPID",
        "WECHAT_COMPONENT_SECRET",
        "WECHAT_SUITE_ID",
        "WECHAT_SUITE_SECRET",
    ]
    .iter()
    .any(|name| env(name).is_some());
    let result = if configured {
        serve().await
    } else {
        demo::run().await
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            println!("\nerror: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The backend's settings, shared by both platforms.
pub struct Settings {
    /// Where WeChat reaches this backend, without a trailing slash.
    pub public_url: String,
    /// The callbacks' Token.
    pub token: Secret,
    /// The callbacks' EncodingAESKey (safe mode).
    pub aes_key: String,
    /// `WECHAT_API_BASE`, when set.
    pub api_base: Option<String>,
}

impl Settings {
    /// A callback handler for pushes to `receiver_id` (the component app id or the suite id).
    pub fn handler(
        &self,
        platform: Platform,
        receiver_id: &str,
    ) -> Result<CallbackHandler, BoxError> {
        Ok(CallbackHandler::new(platform, self.token.clone())
            .with_aes_key(&self.aes_key, receiver_id)?
            .timestamp_window(300))
    }

    fn client<S: TokenStore>(
        &self,
        builder: ClientBuilder,
        store: S,
    ) -> Result<wechat_reqwest::Client<S>, BoxError> {
        let builder = match &self.api_base {
            Some(base) => builder.api_base(base),
            None => builder,
        };
        Ok(builder.store(store).build()?)
    }
}

async fn serve() -> Result<(), BoxError> {
    let settings = Settings {
        public_url: env("WECHAT_PUBLIC_URL")
            .ok_or("WECHAT_PUBLIC_URL: where WeChat reaches this backend")?
            .trim_end_matches('/')
            .to_owned(),
        token: Secret::new(env("WECHAT_TOKEN").ok_or("WECHAT_TOKEN: the callbacks' Token")?),
        aes_key: env("WECHAT_ENCODING_AES_KEY")
            .ok_or("WECHAT_ENCODING_AES_KEY: the callbacks' EncodingAESKey")?,
        api_base: env("WECHAT_API_BASE"),
    };
    let router = match env("WECHAT_REDIS_URL") {
        Some(url) => backend(&settings, || Ok(wechat_redis::RedisStore::open(&url)?))?,
        None => backend(&settings, || Ok(wechat_reqwest::memory_store()))?,
    };
    let port = env("PORT")
        .map(|p| p.parse())
        .transpose()?
        .unwrap_or(3000u16);
    let listener =
        tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    println!("platform backend on http://{}", listener.local_addr()?);
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}

/// The routes of the platforms configured, each client on a store of its own from `store`.
fn backend<S: TokenStore + 'static>(
    settings: &Settings,
    store: impl Fn() -> Result<S, BoxError>,
) -> Result<Router, BoxError> {
    let mut router = Router::new();
    if let Some((appid, secret)) = pair("WECHAT_COMPONENT_APPID", "WECHAT_COMPONENT_SECRET")? {
        let client = settings.client(wechat_reqwest::component(&appid, secret), store()?)?;
        router = router.merge(open::routes(open::Component::new(client, settings)?));
        println!(
            "Open Platform component {appid}: callback {}/open/callback",
            settings.public_url
        );
    }
    if let Some((suite_id, secret)) = pair("WECHAT_SUITE_ID", "WECHAT_SUITE_SECRET")? {
        let client = settings.client(wechat_reqwest::suite(&suite_id, secret), store()?)?;
        let test_install = env("WECHAT_SUITE_TEST_INSTALL").is_some_and(|v| v == "1");
        router = router.merge(suite::routes(suite::Suite::new(
            client,
            settings,
            test_install,
        )?));
        println!(
            "WeCom suite {suite_id}: instruction callback {}/suite/callback",
            settings.public_url
        );
    }
    Ok(router)
}

/// An id and its secret: both set, neither, or an error naming the one missing.
fn pair(id: &str, secret: &str) -> Result<Option<(String, String)>, BoxError> {
    match (env(id), env(secret)) {
        (Some(id), Some(secret)) => Ok(Some((id, secret))),
        (None, None) => Ok(None),
        (Some(_), None) => Err(format!("{id} needs {secret}").into()),
        (None, Some(_)) => Err(format!("{secret} needs {id}").into()),
    }
}

// ----- what both platforms' routes share -------------------------------------------------------

/// Verifies and decrypts a push: the push, or the answer to give at once (the URL check's echo,
/// or a refusal with its reason).
pub async fn receive(
    handler: &CallbackHandler,
    request: Request,
) -> Result<Box<Received>, Response> {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 1 << 20).await else {
        return Err(plain(413, "body too large"));
    };
    let request = http::Request::from_parts(parts, bytes.to_vec());
    match handler.handle(&request, wechat_reqwest::now_ms() / 1000) {
        Ok(Incoming::Message(received)) => Ok(received),
        Ok(Incoming::UrlVerification(response)) => Err(response.map(Body::from)),
        Err(e) => Err(plain(e.status().as_u16(), &e.to_string())),
    }
}

/// A plain text answer.
pub fn plain(status: u16, text: &str) -> Response {
    let status = http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::BAD_REQUEST);
    (status, text.to_owned()).into_response()
}

/// A 302 to `location` (where a browser goes next).
pub fn redirect(location: &str) -> Response {
    (
        http::StatusCode::FOUND,
        [(http::header::LOCATION, location.to_owned())],
    )
        .into_response()
}

/// What a route answers when a call fails: a credential WeChat no longer takes means the
/// account must authorize (or the corp install) again (409), a bad redirect is the browser's
/// fault (400), anything else is WeChat's side (502).
pub struct Failure(BoxError);

impl<E: Into<BoxError>> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.into())
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        match self.0.downcast_ref::<wechat_core::Error>() {
            Some(wechat_core::Error::Credential(_)) => plain(
                409,
                &format!("{}; it must authorize (or install) again", self.0),
            ),
            Some(wechat_core::Error::Build(_)) => plain(400, &self.0.to_string()),
            _ => plain(502, &self.0.to_string()),
        }
    }
}
