//! WeCom suite installations: pre-auth codes and their settings, market installs, v2 permanent
//! codes, installation details, and cancellations.

use serde_json::json;
use wechat_emulator::demo;

use super::common::start;

#[tokio::test]
async fn installs_from_the_market_and_cancellations() {
    let (emu, c) = start().await;
    let ticket = emu.suite_ticket(demo::SUITE_ID).unwrap();
    let token = c
        .post(
            "/cgi-bin/service/get_suite_token",
            json!({"suite_id": demo::SUITE_ID, "suite_secret": demo::SUITE_SECRET, "suite_ticket": ticket}),
        )
        .await["suite_access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let at = |path: &str| format!("{path}?suite_access_token={token}");

    // Settings apply to the suite's own, unused pre-auth codes, with auth_type 0 or 1.
    let pre = c.get(&at("/cgi-bin/service/get_pre_auth_code")).await;
    assert_eq!(pre["expires_in"], 1200);
    let code = pre["pre_auth_code"].as_str().unwrap();
    let set = |code: &str, auth_type: i64| json!({"pre_auth_code": code, "session_info": {"auth_type": auth_type}});
    let path = at("/cgi-bin/service/set_session_info");
    assert_eq!(c.post(&path, set(code, 1)).await["errcode"], 0);
    assert_eq!(c.post(&path, set(code, 7)).await["errcode"], 40058);
    assert_eq!(c.post(&path, set("nope", 1)).await["errcode"], 40077);

    // A market install: the create_auth push carries a one-shot code.
    let push = emu.install_suite(demo::SUITE_ID, "wwmarket", "m1").unwrap();
    let start_at = push.find("<AuthCode><![CDATA[").unwrap() + "<AuthCode><![CDATA[".len();
    let auth_code = &push[start_at..start_at + push[start_at..].find("]]>").unwrap()];
    assert!(push.contains("<InfoType><![CDATA[create_auth]]></InfoType>"));
    let v2 = at("/cgi-bin/service/v2/get_permanent_code");
    let grant = c.post(&v2, json!({"auth_code": auth_code})).await;
    assert_eq!(grant["auth_corp_info"]["corpid"], "wwmarket", "{grant}");
    assert_eq!(grant["state"], "m1");
    assert!(grant.get("access_token").is_none(), "v2 carries no token");
    let permanent = grant["permanent_code"].as_str().unwrap();
    assert_eq!(
        c.post(&v2, json!({"auth_code": auth_code})).await["errcode"],
        40078,
        "codes work once"
    );

    let info = at("/cgi-bin/service/get_auth_info");
    let body = json!({"auth_corpid": "wwmarket", "permanent_code": permanent});
    let details = c.post(&info, body.clone()).await;
    assert_eq!(details["auth_corp_info"]["corpid"], "wwmarket");
    let corp = at("/cgi-bin/service/get_corp_token");
    let corp_token = c.post(&corp, body.clone()).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(c.call_errcode("/cgi-bin/user/get", &corp_token).await, 0);

    // The corp removes the suite: its permanent code and token die.
    let cancel = emu.cancel_suite(demo::SUITE_ID, "wwmarket").unwrap();
    assert!(cancel.contains("<AuthCorpId><![CDATA[wwmarket]]></AuthCorpId>"));
    assert_eq!(emu.cancel_suite(demo::SUITE_ID, "wwmarket"), None);
    assert_eq!(c.post(&corp, body.clone()).await["errcode"], 40084);
    assert_eq!(c.post(&info, body).await["errcode"], 40084);
    assert_eq!(
        c.call_errcode("/cgi-bin/user/get", &corp_token).await,
        40001
    );
    assert_eq!(emu.install_suite("nope", "wwmarket", ""), None);
    assert!(!emu.set_installing_corp("nope", "wwmarket"));
    emu.shutdown().await;
}
