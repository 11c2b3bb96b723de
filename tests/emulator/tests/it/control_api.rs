//! The HTTP control API under /__emulator/, used as another process would.

use serde_json::{Value, json};
use wechat_emulator::{control, demo};

use super::common::start;

#[tokio::test]
async fn index_and_health() {
    let (emu, c) = start().await;
    let index = c.get("/__emulator/").await;
    assert_eq!(
        index["routes"].as_array().unwrap().len(),
        control::ROUTES.len()
    );
    let health = c.get("/__emulator/health").await;
    assert_eq!(health["ok"], true);
    assert_eq!(health["base_url"], emu.base_url());
    let missing = c.raw("GET", "/__emulator/nope", None).await;
    assert_eq!(missing.status, 404);
    let bad = c
        .raw(
            "POST",
            "/__emulator/faults",
            Some(json!({"kind": "nonsense"})),
        )
        .await;
    assert_eq!(bad.status, 400);
    // Control calls are not counted as API calls.
    assert!(emu.stats().requests.is_empty());
    emu.shutdown().await;
}

#[tokio::test]
async fn faults_over_http() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    let id = c
        .post(
            "/__emulator/faults",
            json!({"kind": "system_busy", "path": "/cgi-bin/menu/get", "times": 2}),
        )
        .await;
    assert!(id["id"].as_u64().is_some());
    let ids = c
        .post(
            "/__emulator/faults",
            json!([{"kind": "quota_exceeded", "path": "/cgi-bin/getcallbackip"},
                   {"kind": "http_status", "status": 500, "path": "/cgi-bin/user/info"}]),
        )
        .await;
    assert_eq!(ids["ids"].as_array().unwrap().len(), 2);
    let listed = c.get("/__emulator/faults").await;
    assert_eq!(listed["faults"].as_array().unwrap().len(), 3);
    assert_eq!(listed["faults"][1]["fault"]["always"], true);

    assert_eq!(c.call_errcode("/cgi-bin/menu/get", &t).await, -1);
    assert_eq!(c.call_errcode("/cgi-bin/getcallbackip", &t).await, 45009);
    let raw = c
        .raw("GET", &format!("/cgi-bin/user/info?access_token={t}"), None)
        .await;
    assert_eq!(raw.status, 500);

    let removed = c
        .post("/__emulator/faults/remove", json!({"id": id["id"]}))
        .await;
    assert_eq!(removed["removed"], true);
    assert_eq!(c.call_errcode("/cgi-bin/menu/get", &t).await, 0);
    c.post("/__emulator/faults/clear", json!({})).await;
    assert_eq!(c.call_errcode("/cgi-bin/getcallbackip", &t).await, 0);
    assert!(emu.faults().is_empty());
    emu.shutdown().await;
}

#[tokio::test]
async fn clock_and_token_rejection_over_http() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    let before = c.get("/__emulator/clock").await;
    let after = c
        .post("/__emulator/clock/advance", json!({"seconds": 7201}))
        .await;
    let moved = after["now_ms"].as_i64().unwrap() - before["now_ms"].as_i64().unwrap();
    assert!(moved >= 7_201_000, "{moved}");
    assert_eq!(after["offset_ms"], 7_201_000);
    assert_eq!(c.call_errcode("/cgi-bin/menu/get", &t).await, 42001);

    let t2 = c.classic_token().await;
    let check = c.get(&format!("/__emulator/tokens/check?token={t2}")).await;
    assert_eq!(check["valid"], true);
    let r = c
        .post("/__emulator/tokens/reject", json!({"token": t2}))
        .await;
    assert_eq!(r["rejected"], true);
    assert_eq!(c.call_errcode("/cgi-bin/menu/get", &t2).await, 40001);
    let ms = c
        .post("/__emulator/clock/advance", json!({"ms": 500}))
        .await;
    assert_eq!(ms["offset_ms"], 7_201_500);
    let bad = c
        .raw(
            "POST",
            "/__emulator/clock/advance",
            Some(json!({"seconds": -1})),
        )
        .await;
    assert_eq!(bad.status, 400);
    emu.shutdown().await;
}

#[tokio::test]
async fn stats_over_http() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    c.stable_token(false).await;
    c.call_errcode("/cgi-bin/menu/get", &t).await;
    let stats = c.get("/__emulator/stats").await;
    assert_eq!(stats["token_fetches"][demo::APPID]["classic"], 1);
    assert_eq!(stats["token_fetches"][demo::APPID]["stable"], 1);
    assert_eq!(stats["calls"]["/cgi-bin/menu/get"], 1);
    let requests = stats["requests"].as_array().unwrap();
    assert_eq!(requests.len(), 3);
    assert_eq!(requests[2]["path"], "/cgi-bin/menu/get");
    assert!(!stats.to_string().contains(demo::SECRET));

    c.post("/__emulator/stats/reset", json!({})).await;
    let empty = c.get("/__emulator/stats").await;
    assert_eq!(empty["calls"], json!({}));
    emu.shutdown().await;
}

#[tokio::test]
async fn responses_accounts_and_tickets_over_http() {
    let (emu, c) = start().await;
    c.post(
        "/__emulator/responses",
        json!({"path": "/cgi-bin/menu/get", "json": {"is_menu_open": 1}}),
    )
    .await;
    c.post(
        "/__emulator/accounts/app",
        json!({"appid": "wx1111111111111111", "secret": "s"}),
    )
    .await;
    let v = c
        .get("/cgi-bin/token?grant_type=client_credential&appid=wx1111111111111111&secret=s")
        .await;
    let t = v["access_token"].as_str().unwrap();
    let menu = c.get(&format!("/cgi-bin/menu/get?access_token={t}")).await;
    assert_eq!(menu, json!({"is_menu_open": 1}));
    c.post(
        "/__emulator/responses",
        json!({"path": "/cgi-bin/media/get", "status": 200, "body": "RAW", "content_type": "image/jpeg"}),
    )
    .await;
    let media = c
        .raw("GET", &format!("/cgi-bin/media/get?access_token={t}"), None)
        .await;
    assert_eq!(media.body, b"RAW");
    assert_eq!(media.content_type, "image/jpeg");
    c.post("/__emulator/responses/clear", json!({})).await;
    assert_eq!(c.call_errcode("/cgi-bin/menu/get", t).await, 0);

    c.post(
        "/__emulator/accounts/corp",
        json!({"corpid": "ww1111111111111111", "corpsecret": "cs", "agentid": 7}),
    )
    .await;
    let accounts = c.get("/__emulator/accounts").await;
    assert!(
        accounts["corps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["agentid"] == 7)
    );

    let tickets = c.get("/__emulator/tickets").await;
    let ticket = tickets["component_verify_ticket"][demo::COMPONENT_APPID]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(ticket.starts_with("ticket@@@"));
    assert_eq!(
        Some(ticket),
        emu.component_verify_ticket(demo::COMPONENT_APPID)
    );
    let set = c
        .post(
            "/__emulator/tickets/component_verify_ticket",
            json!({"component_appid": demo::COMPONENT_APPID, "ticket": "ticket@@@mine"}),
        )
        .await;
    assert_eq!(set["ticket"], "ticket@@@mine");
    let rotated = c
        .post(
            "/__emulator/tickets/suite_ticket",
            json!({"suite_id": demo::SUITE_ID}),
        )
        .await;
    assert_eq!(
        rotated["ticket"].as_str(),
        emu.suite_ticket(demo::SUITE_ID).as_deref()
    );
    let unknown = c
        .raw(
            "POST",
            "/__emulator/tickets/suite_ticket",
            Some(json!({"suite_id": "nope"})),
        )
        .await;
    assert_eq!(unknown.status, 404);

    let code = c
        .post(
            "/__emulator/component/authorize",
            json!({"component_appid": demo::COMPONENT_APPID, "authorizer_appid": demo::AUTHORIZER_APPID}),
        )
        .await;
    assert!(
        code["authorization_code"]
            .as_str()
            .unwrap()
            .starts_with("queryauthcode@@@")
    );
    let _: Value = code;
    emu.shutdown().await;
}

#[tokio::test]
async fn reject_the_latest_token_of_an_account_by_kind() {
    let (emu, c) = start().await;
    let (token, _) = c.stable_token(false).await;
    let r = c
        .post(
            "/__emulator/tokens/reject",
            json!({"account": demo::APPID, "kind": "stable"}),
        )
        .await;
    assert_eq!(r["rejected"], true);
    assert!(!emu.is_token_valid(&token));
    let (fresh, _) = c.stable_token(false).await;
    assert_ne!(fresh, token, "a rejected stable token is replaced");
    emu.shutdown().await;
}
