//! What the end-to-end tests share: a bot's callback URL on loopback, and WeChat's encrypted
//! pushes to it through the emulator.

use std::future::Future;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::Uri;
use axum::routing::post;
use wechat_core::Secret;
use wechat_core::callback::{CallbackHandler, Incoming, Message, Platform};
use wechat_emulator::{CallbackPush, EmulatorHandle};

/// The number of a WeChat API error (`errcode`), if the error is one.
pub fn api_error_number(err: &wechat_core::Error) -> Option<i64> {
    err.code().and_then(|c| c.number())
}

/// One callback URL: how WeChat signs and encrypts pushes to it.
pub struct Callback {
    /// The bot's URL.
    pub url: String,
    token: &'static str,
    aes_key: &'static str,
    receiver_id: &'static str,
    platform: Platform,
}

impl Callback {
    /// Serves a bot on loopback: it verifies and decrypts each push, hands its message to
    /// `on_message`, then answers `success`.
    pub async fn serve<F, Fut>(
        platform: Platform,
        token: &'static str,
        aes_key: &'static str,
        receiver_id: &'static str,
        on_message: F,
    ) -> Self
    where
        F: Fn(Message) -> Fut + Clone + Send + Sync + 'static,
        Fut: Future<Output = ()> + Send + 'static,
    {
        let handler = CallbackHandler::new(platform, Secret::new(token))
            .with_aes_key(aes_key, receiver_id)
            .unwrap();
        let app = Router::new()
            .route("/callback", post(callback::<F, Fut>))
            .with_state((handler, on_message));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self {
            url: format!("http://{addr}/callback"),
            token,
            aes_key,
            receiver_id,
            platform,
        }
    }

    /// WeChat pushes `body` (plaintext XML), signed and encrypted; the bot must answer
    /// `success`.
    pub async fn push(&self, emu: &EmulatorHandle, body: String) {
        let push = CallbackPush::xml(&self.url, self.token, body)
            .for_platform(self.platform)
            .encrypted(self.aes_key, self.receiver_id);
        let answer = emu.push_callback(&push).await.unwrap();
        assert_eq!(answer.status, 200, "{}", answer.text());
        assert_eq!(answer.plaintext.as_deref(), Some("success"));
    }
}

async fn callback<F, Fut>(
    State((handler, on_message)): State<(CallbackHandler, F)>,
    uri: Uri,
    body: Bytes,
) -> axum::response::Response
where
    F: Fn(Message) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let request = http::Request::post(uri.to_string())
        .body(body.to_vec())
        .unwrap();
    let now_s = wechat_reqwest::now_ms() / 1000;
    let response = match handler.handle(&request, now_s) {
        Ok(Incoming::Message(received)) => {
            on_message(received.message.clone()).await;
            received.reply.success()
        }
        Ok(Incoming::UrlVerification(r)) => r,
        Err(e) => http::Response::builder()
            .status(403)
            .body(e.to_string().into_bytes())
            .unwrap(),
    };
    response.map(Body::from)
}

/// A stored credential WeChat rejected: a credential error that names the errcode and what to
/// do, and never holds the credential (`secret_part` is a piece of it).
pub fn assert_rejected(err: &wechat_core::Error, errcode: &str, advice: &str, secret_part: &str) {
    assert!(matches!(err, wechat_core::Error::Credential(_)), "{err:?}");
    let text = err.to_string();
    assert!(text.contains(errcode), "{text}");
    assert!(text.contains(advice), "{text}");
    assert!(
        !text.contains(secret_part),
        "the credential stays out of errors: {text}"
    );
}

/// What a page answered a browser that does not follow redirects.
#[derive(Debug)]
pub enum Page {
    /// A 302 to this location.
    Redirect(String),
    /// Anything else, read as JSON (WeChat's error answers).
    Json(serde_json::Value),
}

/// Opens a browser-facing page (an authorization or install page) as an admin's browser would,
/// without following its redirect.
pub async fn open(page: &str) -> Page {
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .unwrap();
    let answer = browser.get(page).send().await.unwrap();
    if answer.status() == 302 {
        let location = answer.headers()["location"].to_str().unwrap().to_owned();
        return Page::Redirect(location);
    }
    Page::Json(serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap())
}
