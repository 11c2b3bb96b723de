//! The WeChat Customer Service message sync resumes, in a new process, at the cursor the last
//! one saved in Redis: against the emulator's `kf/sync_msg` queue and a real `redis-server`.

mod common;

use common::RedisServer;
use futures::StreamExt;
use serde_json::{Value, json};
use wechat_core::api::work::kf::message::{cursor_key, sync_messages, sync_messages_with};
use wechat_core::client::TokenStore;
use wechat_emulator::{Emulator, demo};
use wechat_redis::RedisStore;

const KFID: &str = "wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q";
const PREFIX: &str = "kf-sync:";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn message(i: usize) -> Value {
    json!({
        "msgid": format!("m{i}"),
        "open_kfid": KFID,
        "external_userid": "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw",
        "send_time": 1_615_478_585 + i,
        "origin": 3,
        "msgtype": "text",
        "text": {"content": format!("message {i}")}
    })
}

#[test]
fn a_new_process_resumes_at_the_saved_cursor() {
    let redis = RedisServer::start();
    let emu = Emulator::builder().start_blocking().unwrap();
    // Three pages of three (the last one short).
    emu.kf_enqueue(KFID, (1..=8).map(message));
    let token = emu.kf_push_token(KFID);
    let url = redis.url();
    runtime().block_on(async {
        // Separate clients, separate memories: one Redis between them, as two processes.
        let client = || {
            wechat_reqwest::work(demo::CORPID, "kf", demo::CORPSECRET)
                .api_base(emu.base_url())
                .store(RedisStore::open(&url).unwrap().with_prefix(PREFIX))
                .build()
                .unwrap()
        };
        let mut seen = Vec::new();

        // The first process handles the first page's messages, and stops there.
        let first = client();
        let page: Vec<_> = sync_messages_with(&first, token.as_str(), KFID, Some(3))
            .take(3)
            .collect()
            .await;
        for m in page {
            seen.push(m.unwrap().msgid);
        }
        assert_eq!(seen, ["m1", "m2", "m3"]);
        assert_eq!(emu.calls("/cgi-bin/kf/sync_msg"), 1);
        drop(first);

        // The cursor after page 1 is in Redis, without expiry.
        let store = RedisStore::open(&url).unwrap().with_prefix(PREFIX);
        let key = cursor_key(demo::CORPID, KFID);
        let saved = store.load(&key).await.unwrap().expect("a saved cursor");
        assert!(!saved.value.expose().is_empty());
        assert_eq!(saved.expires_at_ms, u64::MAX);

        // A new process resumes there: pages 2 and 3, nothing twice, nothing skipped.
        let second = client();
        let rest: Vec<_> = sync_messages_with(&second, token.as_str(), KFID, Some(3))
            .collect()
            .await;
        for m in rest {
            seen.push(m.unwrap().msgid);
        }
        let all: Vec<String> = (1..=8).map(|i| format!("m{i}")).collect();
        assert_eq!(seen, all, "every message once, in order");
        assert_eq!(emu.calls("/cgi-bin/kf/sync_msg"), 1 + 2);

        // The next push: a third process sees only what came since.
        emu.kf_enqueue(KFID, (9..=10).map(message));
        let token = emu.kf_push_token(KFID);
        let third = client();
        let new: Vec<String> = sync_messages(&third, token, KFID)
            .map(|m| m.unwrap().msgid)
            .collect()
            .await;
        assert_eq!(new, ["m9", "m10"]);

        // And with nothing new, nothing is handed out again.
        let token = emu.kf_push_token(KFID);
        let none: Vec<_> = sync_messages(&client(), token, KFID).collect().await;
        assert!(none.is_empty());
    });
    emu.shutdown_blocking();
}
