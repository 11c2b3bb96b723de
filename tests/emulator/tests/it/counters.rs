//! Counters and the request log.

use serde_json::json;
use wechat_emulator::{TokenKind, demo};

use super::common::start;

#[tokio::test]
async fn token_fetches_per_account_and_kind() {
    let (emu, c) = start().await;
    c.classic_token().await;
    c.classic_token().await;
    c.stable_token(false).await;
    c.corp_token().await;
    // A failed fetch is a fetch too.
    c.get(&format!(
        "/cgi-bin/token?grant_type=client_credential&appid={}&secret=wrong",
        demo::APPID
    ))
    .await;

    let stats = emu.stats();
    assert_eq!(stats.token_fetches_of(demo::APPID, TokenKind::Classic), 3);
    assert_eq!(stats.token_fetches_of(demo::APPID, TokenKind::Stable), 1);
    assert_eq!(stats.token_fetches_for(demo::APPID), 4);
    assert_eq!(stats.token_fetches_by_kind(TokenKind::Corp), 1);
    assert_eq!(emu.token_fetches(demo::APPID), 4);
    assert_eq!(emu.token_fetches("wx-nobody"), 0);
    emu.shutdown().await;
}

#[tokio::test]
async fn calls_per_path_and_the_request_log() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    for _ in 0..3 {
        c.call_errcode("/cgi-bin/menu/get", &t).await;
    }
    c.post(
        &format!("/cgi-bin/menu/create?access_token={t}"),
        json!({"button": []}),
    )
    .await;
    c.get("/cgi-bin/menu/get?access_token=forged").await;

    assert_eq!(emu.calls("/cgi-bin/menu/get"), 4);
    assert_eq!(emu.calls("cgi-bin/menu/create"), 1);
    assert_eq!(emu.calls("/cgi-bin/token"), 1);

    let log = emu.requests();
    assert_eq!(log.len(), 6);
    assert_eq!(log[0].path, "/cgi-bin/token");
    assert!(
        log[0]
            .query
            .contains(&("secret".to_owned(), "[redacted]".to_owned())),
        "secrets never recorded: {:?}",
        log[0].query
    );
    assert!(log.iter().all(|r| !format!("{r:?}").contains(demo::SECRET)));
    assert_eq!(log[4].method, "POST");
    assert_eq!(log[5].errcode, Some(40001));
    assert!(log.windows(2).all(|w| w[0].seq < w[1].seq));

    emu.reset_stats();
    assert_eq!(emu.stats(), Default::default());
    emu.shutdown().await;
}

#[tokio::test]
async fn faults_are_visible_in_the_log() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    emu.inject(wechat_emulator::Fault::http_status(502).on_path("/cgi-bin/menu/get"));
    c.raw("GET", &format!("/cgi-bin/menu/get?access_token={t}"), None)
        .await;
    let last = emu.requests().pop().unwrap();
    assert_eq!(last.status, 502);
    assert_eq!(last.fault.as_deref(), Some("http_status"));
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_callers_are_counted_exactly() {
    let (emu, _c) = start().await;
    let base = emu.base_url().to_owned();
    let mut tasks = Vec::new();
    for _ in 0..40 {
        let base = base.clone();
        tasks.push(tokio::spawn(async move {
            super::common::Client::new(&base)
                .stable_token(false)
                .await
                .0
        }));
    }
    let mut tokens = Vec::new();
    for t in tasks {
        tokens.push(t.await.unwrap());
    }
    tokens.dedup();
    assert_eq!(tokens.len(), 1, "one stable token for everyone");
    assert_eq!(emu.token_fetches_of(demo::APPID, TokenKind::Stable), 40);
    assert_eq!(emu.calls("/cgi-bin/stable_token"), 40);
    emu.shutdown().await;
}
