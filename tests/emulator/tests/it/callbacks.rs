//! Pushing callbacks to a bot.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::routing::post;
use serde_json::json;
use wechat_emulator::{CallbackPush, CallbackSealer, SealedCallback, demo, signature};

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

/// Stands in for the SDK's AES envelope: reverses the text, signs over it.
struct Reverser;

impl CallbackSealer for Reverser {
    fn seal(
        &self,
        plaintext: &[u8],
        timestamp: &str,
        nonce: &str,
    ) -> Result<SealedCallback, String> {
        let encrypt: String = String::from_utf8_lossy(plaintext).chars().rev().collect();
        Ok(SealedCallback {
            msg_signature: signature(&["bot-token", timestamp, nonce, &encrypt]),
            body: format!("<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>").into_bytes(),
        })
    }
}

#[tokio::test]
async fn sealed_push_uses_the_hook() {
    let (emu, _c) = start().await;
    let (url, seen) = start_bot("bot-token").await;
    let push = CallbackPush::xml(&url, "bot-token", "<xml>abc</xml>").with_nonce("n1");
    let reply = emu.push_sealed_callback(&push, &Reverser).await.unwrap();
    assert_eq!(reply.status, 200);
    let seen = seen.lock().unwrap().clone();
    let (query, body) = &seen[0];
    assert_eq!(
        body,
        "<xml><Encrypt><![CDATA[>lmx/<cba>lmx<]]></Encrypt></xml>"
    );
    assert!(query.contains(&("encrypt_type".into(), "aes".into())));
    let ts = &query.iter().find(|(k, _)| k == "timestamp").unwrap().1;
    assert!(query.contains(&(
        "msg_signature".into(),
        signature(&["bot-token", ts, "n1", ">lmx/<cba>lmx<"])
    )));
    emu.shutdown().await;
}
