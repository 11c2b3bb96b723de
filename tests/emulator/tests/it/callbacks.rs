//! Pushing callbacks to a bot.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::routing::post;
use serde_json::json;
use wechat_core::Secret;
use wechat_core::callback::{
    CallbackHandler, Incoming, Message, Platform, Reply, sha1_signature as signature,
};
use wechat_emulator::{CallbackPush, demo};

use super::common::start;

type Seen = Arc<Mutex<Vec<(Vec<(String, String)>, String)>>>;

/// A bot that checks the signature with its token and answers with a text reply.
async fn bot(
    State((token, seen)): State<(String, Seen)>,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> (axum::http::StatusCode, String) {
    let query: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .into_owned()
        .collect();
    let get = |k: &str| {
        query
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let body = String::from_utf8_lossy(&body).into_owned();
    seen.lock().unwrap().push((query.clone(), body.clone()));
    let expected = signature(&[&token, &get("timestamp"), &get("nonce")]);
    if get("signature") != expected {
        return (axum::http::StatusCode::FORBIDDEN, "bad signature".into());
    }
    (
        axum::http::StatusCode::OK,
        format!("<xml><Echo>{}</Echo></xml>", body.len()),
    )
}

async fn start_bot(token: &str) -> (String, Seen) {
    let seen: Seen = Arc::default();
    let app = Router::new()
        .route("/wechat", post(bot))
        .with_state((token.to_owned(), Arc::clone(&seen)));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}/wechat"), seen)
}

const TEXT: &str = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>1234567890123456</MsgId></xml>";

#[tokio::test]
async fn plaintext_push_is_signed() {
    let (emu, _c) = start().await;
    let (url, seen) = start_bot("bot-token").await;
    let push = CallbackPush::xml(&url, "bot-token", TEXT).with_query("openid", "o1");
    let reply = emu.push_callback(&push).await.unwrap();
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert_eq!(
        reply.text(),
        format!("<xml><Echo>{}</Echo></xml>", TEXT.len())
    );

    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1);
    let (query, body) = &seen[0];
    assert_eq!(body, TEXT);
    let ts: i64 = query
        .iter()
        .find(|(k, _)| k == "timestamp")
        .unwrap()
        .1
        .parse()
        .unwrap();
    assert!(
        (ts - emu.now_ms() / 1000).abs() <= 2,
        "timestamp from the emulator clock"
    );
    assert!(query.iter().any(|(k, v)| k == "openid" && v == "o1"));

    // A wrong token is refused by the bot: the push reports the bot's answer as it is.
    let wrong = emu
        .push_callback(&CallbackPush::xml(&url, "other-token", TEXT))
        .await
        .unwrap();
    assert_eq!(wrong.status, 403);
    emu.shutdown().await;
}

#[tokio::test]
async fn push_over_the_control_api() {
    let (emu, c) = start().await;
    let (url, seen) = start_bot("t0k3n").await;
    let ticket_xml = emu
        .component_verify_ticket_message(demo::COMPONENT_APPID)
        .unwrap();
    let v = c
        .post(
            "/__emulator/callback/push",
            json!({"url": url, "token": "t0k3n", "body": ticket_xml, "timestamp": 1700000000, "nonce": "42"}),
        )
        .await;
    assert_eq!(v["status"], 200, "{v}");
    let seen = seen.lock().unwrap().clone();
    let (query, body) = &seen[0];
    assert!(body.contains("component_verify_ticket"));
    assert!(query.contains(&("timestamp".into(), "1700000000".into())));
    assert!(query.contains(&("nonce".into(), "42".into())));

    let refused = c
        .raw(
            "POST",
            "/__emulator/callback/push",
            Some(json!({"url": "http://127.0.0.1:1/nowhere", "token": "t", "body": "<xml/>"})),
        )
        .await;
    assert_eq!(refused.status, 502);
    emu.shutdown().await;
}

const AES_KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

/// A bot on the SDK's callback handler: answers a text message with "echo: <text>".
async fn sdk_bot(
    State(handler): State<Arc<CallbackHandler>>,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> (axum::http::StatusCode, Vec<u8>) {
    let uri = format!("/wechat?{}", raw.unwrap_or_default());
    let request = axum::http::Request::post(uri).body(body.to_vec()).unwrap();
    match handler.handle(&request, 1_700_000_000) {
        Ok(Incoming::Message(received)) => {
            let Message::Text(text) = &received.message else {
                return (axum::http::StatusCode::OK, b"success".to_vec());
            };
            let reply = Reply::text(format!("echo: {}", text.content));
            let response = received.reply.reply(&reply, 1_700_000_001, [5; 16]);
            (axum::http::StatusCode::OK, response.into_body())
        }
        Ok(Incoming::UrlVerification(r)) => (axum::http::StatusCode::OK, r.into_body()),
        Err(e) => (
            axum::http::StatusCode::FORBIDDEN,
            e.to_string().into_bytes(),
        ),
    }
}

async fn start_sdk_bot(handler: CallbackHandler) -> String {
    let app = Router::new()
        .route("/wechat", post(sdk_bot))
        .with_state(Arc::new(handler));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}/wechat")
}

#[tokio::test]
async fn encrypted_push_round_trips_through_a_bot() {
    let (emu, c) = start().await;
    for platform in [Platform::OfficialAccount, Platform::WeCom] {
        let handler = CallbackHandler::new(platform, Secret::new("bot-token"))
            .with_aes_key(AES_KEY, "wxbot")
            .unwrap();
        let url = start_sdk_bot(handler).await;
        let push = CallbackPush::xml(&url, "bot-token", TEXT)
            .for_platform(platform)
            .encrypted(AES_KEY, "wxbot")
            .with_timestamp(1_700_000_000);
        let answer = emu.push_callback(&push).await.unwrap();
        assert_eq!(answer.status, 200, "{}", answer.text());
        assert!(answer.text().contains("<Encrypt>"), "{}", answer.text());
        let plain = answer.plaintext.expect("a readable answer");
        assert!(plain.contains("echo: hello"), "{plain}");
    }

    // The same over the control API, as another process would.
    let handler = CallbackHandler::new(Platform::OfficialAccount, Secret::new("bot-token"))
        .with_aes_key(AES_KEY, "wxbot")
        .unwrap();
    let url = start_sdk_bot(handler).await;
    let r = c
        .raw(
            "POST",
            "/__emulator/callback/push",
            Some(
                json!({"url": url, "token": "bot-token", "body": TEXT, "timestamp": 1_700_000_000,
                        "aes_key": AES_KEY, "appid": "wxbot"}),
            ),
        )
        .await;
    assert_eq!(r.status, 200);
    let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert!(v["reply"].as_str().unwrap().contains("echo: hello"), "{v}");
    emu.shutdown().await;
}
