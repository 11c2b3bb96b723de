//! Shared code of the examples: a WeChat callback bot on axum.
//!
//! `cargo run --example quickstart` walks through the SDK; `cargo run --example axum_bot` serves
//! this bot.
#![forbid(unsafe_code)]

pub mod bot {
    //! A callback endpoint on axum: WeChat (or WeCom) pushes a message, the bot answers.
    //!
    //! The core does the protocol (signature, decryption, parsing, reply encryption); this module
    //! only moves bytes between axum and [`CallbackHandler`], and decides what to answer.

    use std::sync::Arc;

    use axum::Router;
    use axum::body::Body;
    use axum::extract::{Request, State};
    use axum::response::Response;
    use axum::routing::get;
    use wechat_core::callback::{CallbackHandler, Event, Incoming, Message, Reply};
    use wechat_core::client::Runtime;
    use wechat_reqwest::SystemRuntime;

    /// What the bot says to a message.
    pub fn answer(message: &Message) -> Reply {
        match message {
            Message::Text(text) => Reply::text(format!("echo: {}", text.content)),
            Message::Event(Event::Subscribe(_)) => Reply::text("Welcome! Say something."),
            Message::Event(Event::Click(click)) => {
                Reply::text(format!("you clicked {}", click.event_key))
            }
            // Everything else: "success", meaning "received, nothing to say".
            _ => Reply::Success,
        }
    }

    /// The bot's routes: `GET /wechat` (URL verification) and `POST /wechat` (pushes).
    pub fn router(handler: CallbackHandler) -> Router {
        Router::new()
            .route("/wechat", get(callback).post(callback))
            .with_state(Arc::new(handler))
    }

    async fn callback(State(handler): State<Arc<CallbackHandler>>, request: Request) -> Response {
        let (parts, body) = request.into_parts();
        // WeChat's pushes are a few kilobytes; the handler refuses bodies over its limit anyway.
        let Ok(bytes) = axum::body::to_bytes(body, 1 << 20).await else {
            return plain(413, "body too large");
        };
        let request = http::Request::from_parts(parts, bytes.to_vec());
        let rt = SystemRuntime;
        let now_s = rt.now_ms() / 1000;
        match handler.handle(&request, now_s) {
            Ok(Incoming::UrlVerification(response)) => response.map(Body::from),
            Ok(Incoming::Message(received)) => {
                tracing::info!(
                    msg_type = received.message.msg_type(),
                    dedup = %received.dedup_key(),
                    "callback received"
                );
                let reply = answer(&received.message);
                let mut random = [0u8; 16];
                rt.fill_random(&mut random);
                received.reply.reply(&reply, now_s, random).map(Body::from)
            }
            // A bad signature, a stale timestamp, a broken body: refuse, never panic.
            Err(e) => {
                tracing::warn!(error = %e, "callback refused");
                plain(e.status().as_u16(), &e.to_string())
            }
        }
    }

    fn plain(status: u16, text: &str) -> Response {
        let mut response = Response::new(Body::from(text.to_owned()));
        *response.status_mut() =
            http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::BAD_REQUEST);
        response
    }
}
