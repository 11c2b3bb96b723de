//! Shared code of the examples: a WeChat callback bot on axum.
//!
//! `cargo run --example quickstart` walks through the SDK; `cargo run --example axum_bot` serves
//! this bot.
#![forbid(unsafe_code)]

pub mod bot {
    //! A callback endpoint on axum: WeChat (or WeCom) pushes a message, the bot answers.
    //!
    //! The core does the protocol (signature, timestamp window, decryption, parsing, reply
    //! encryption); this module moves bytes between axum and [`CallbackHandler`], decides what to
    //! answer, and keeps WeChat's two rules:
    //!
    //! - **Answer within 5 seconds.** WeChat gives up on an answer after about 5 s and pushes again.
    //!   The passive reply is computed at once; slow work (here: a customer service message sent
    //!   through the API) runs in a spawned task after the answer has gone.
    //! - **Handle each push once.** WeChat's retries (and replays within the timestamp window) are
    //!   claimed through [`Dedup`]: only the first copy is handled, every other copy, in this
    //!   process or in any process sharing the store, is answered `success`. The claim is marked
    //!   done when the slow work succeeded and released when it failed.

    use std::sync::Arc;

    use axum::Router;
    use axum::body::Body;
    use axum::extract::{Request, State};
    use axum::response::Response;
    use axum::routing::get;
    use wechat_core::api::oa::message::{CustomMessage, SendCustomMessage};
    use wechat_core::callback::{
        CallbackHandler, Claim, Dedup, DedupStore, Event, Incoming, MemoryDedup, Message, Reply,
        Ticket,
    };
    use wechat_core::client::{Runtime, TokenStore};
    use wechat_reqwest::{Client, SystemRuntime};

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

    /// The bot: the callback handler, where pushes are claimed, and (optionally) an API client for
    /// the slow work after the answer.
    pub struct Bot<D, T = wechat_core::MemoryStore> {
        handler: CallbackHandler,
        dedup: Dedup<D>,
        api: Option<Client<T>>,
    }

    impl<D: DedupStore + 'static, T: TokenStore + 'static> Bot<D, T> {
        /// A bot answering with `handler`, claiming pushes in `dedup`, and sending follow-up
        /// customer service messages through `api` when there is one.
        pub fn new(handler: CallbackHandler, dedup: Dedup<D>, api: Option<Client<T>>) -> Self {
            Self {
                handler,
                dedup,
                api,
            }
        }

        /// The bot's routes: `GET /wechat` (URL verification) and `POST /wechat` (pushes); any
        /// other method on `/wechat` gets 405.
        pub fn router(self) -> Router {
            Router::new()
                .route("/wechat", get(callback::<D, T>).post(callback::<D, T>))
                .with_state(Arc::new(self))
        }

        /// The slow part of handling a push, after the answer: a text message gets a customer
        /// service message back. Then the push is marked done, or released when it failed.
        async fn follow_up(self: Arc<Self>, message: Message, ticket: Option<Ticket>) {
            let result = match (&message, &self.api) {
                (Message::Text(text), Some(api)) => {
                    let send = SendCustomMessage::new(
                        &text.from_user_name,
                        CustomMessage::text(format!("done thinking about: {}", text.content)),
                    );
                    api.call(&send).await.map(|_| ())
                }
                _ => Ok(()),
            };
            let Some(ticket) = ticket else {
                return;
            };
            let marked = match &result {
                Ok(()) => self.dedup.done(&ticket).await,
                Err(_) => self.dedup.release(&ticket).await,
            };
            match (result, marked) {
                (Ok(()), Ok(())) => tracing::info!(key = ticket.key(), "push handled"),
                (Err(e), _) => tracing::warn!(key = ticket.key(), error = %e, "follow-up failed"),
                (_, Err(e)) => tracing::warn!(key = ticket.key(), error = %e, "dedup store failed"),
            }
        }
    }

    /// A bot with `handler` alone: pushes claimed in this process's memory, no follow-up work.
    pub fn router(handler: CallbackHandler) -> Router {
        let dedup = Dedup::new(MemoryDedup::new(wechat_reqwest::now_ms));
        Bot::<_, wechat_core::MemoryStore>::new(handler, dedup, None).router()
    }

    async fn callback<D: DedupStore + 'static, T: TokenStore + 'static>(
        State(bot): State<Arc<Bot<D, T>>>,
        request: Request,
    ) -> Response {
        let (parts, body) = request.into_parts();
        // WeChat's pushes are a few kilobytes; the handler refuses bodies over its limit anyway.
        let Ok(bytes) = axum::body::to_bytes(body, 1 << 20).await else {
            return plain(413, "body too large");
        };
        let request = http::Request::from_parts(parts, bytes.to_vec());
        let rt = SystemRuntime;
        let now_s = rt.now_ms() / 1000;
        let received = match bot.handler.handle(&request, now_s) {
            Ok(Incoming::UrlVerification(response)) => return response.map(Body::from),
            Ok(Incoming::Message(received)) => received,
            // A bad signature, a timestamp outside the window, a broken body: refuse with the
            // reason, never panic.
            Err(e) => {
                tracing::warn!(error = %e, "callback refused");
                return plain(e.status().as_u16(), &e.to_string());
            }
        };
        let key = received.dedup_key();
        let mut holder = [0u8; 16];
        rt.fill_random(&mut holder);
        let holder: String = holder.iter().map(|b| format!("{b:02x}")).collect();
        let ticket = match bot.dedup.claim(&key, &holder).await {
            Ok(Claim::New(ticket)) => Some(ticket),
            Ok(Claim::InProgress | Claim::Done) => {
                tracing::info!(key, "a retry of a push already taken: success");
                return received.reply.success().map(Body::from);
            }
            // The store is down: handle the push rather than lose it (a retry may then be
            // handled twice).
            Err(e) => {
                tracing::warn!(key, error = %e, "dedup store failed; handling anyway");
                None
            }
        };
        tracing::info!(
            msg_type = received.message.msg_type(),
            key,
            "callback received"
        );
        let reply = answer(&received.message);
        let mut random = [0u8; 16];
        rt.fill_random(&mut random);
        let response = received.reply.reply(&reply, now_s, random).map(Body::from);
        // After the answer: WeChat is not kept waiting for the slow part.
        tokio::spawn(Arc::clone(&bot).follow_up(received.message, ticket));
        response
    }

    fn plain(status: u16, text: &str) -> Response {
        let mut response = Response::new(Body::from(text.to_owned()));
        *response.status_mut() =
            http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::BAD_REQUEST);
        response
    }
}
