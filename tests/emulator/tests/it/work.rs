//! WeCom: corp tokens, tickets, third-party suite and provider tokens.

use std::time::Duration;

use serde_json::json;
use wechat_emulator::{Emulator, TokenKind, demo};

use super::common::{Client, start};

#[tokio::test]
async fn corp_token_is_the_same_while_valid() {
    let (emu, c) = start().await;
    let t1 = c.corp_token().await;
    emu.advance(Duration::from_secs(3600));
    let t2 = c.corp_token().await;
    assert_eq!(t1, t2);
    let v = c
        .get(&format!(
            "/cgi-bin/gettoken?corpid={}&corpsecret={}",
            demo::CORPID,
            demo::CORPSECRET
        ))
        .await;
    assert_eq!(v["expires_in"], 3600);
    assert_eq!(c.call_errcode("/cgi-bin/user/get", &t1).await, 0);

    emu.advance(Duration::from_secs(3601));
    assert_eq!(c.call_errcode("/cgi-bin/user/get", &t1).await, 42001);
    let t3 = c.corp_token().await;
    assert_ne!(t3, t1);

    let key = format!("{}/{}", demo::CORPID, demo::AGENTID);
    assert_eq!(emu.token_fetches_of(&key, TokenKind::Corp), 4);
    emu.shutdown().await;
}

#[tokio::test]
async fn corp_apps_are_told_apart_by_secret() {
    let emu = Emulator::builder()
        .corp_agent(demo::CORPID, "contacts-secret", 1_000_003)
        .start()
        .await
        .unwrap();
    let c = Client::for_emu(&emu);
    let a = c.corp_token().await;
    let b = c
        .get(&format!(
            "/cgi-bin/gettoken?corpid={}&corpsecret=contacts-secret",
            demo::CORPID
        ))
        .await;
    assert_ne!(b["access_token"].as_str().unwrap(), a);
    assert_eq!(emu.token_fetches(&format!("{}/1000003", demo::CORPID)), 1);
    assert_eq!(
        emu.token_fetches(&format!("{}/{}", demo::CORPID, demo::AGENTID)),
        1
    );

    let wrong = c
        .get(&format!(
            "/cgi-bin/gettoken?corpid={}&corpsecret=nope",
            demo::CORPID
        ))
        .await;
    assert_eq!(wrong["errcode"], 40001);
    assert!(
        wrong["errmsg"]
            .as_str()
            .unwrap()
            .contains("invalid credential")
    );
    let unknown = c.get("/cgi-bin/gettoken?corpid=wwnope&corpsecret=x").await;
    assert_eq!(unknown["errcode"], 40013);
    emu.shutdown().await;
}

#[tokio::test]
async fn corp_jsapi_and_agent_config_tickets() {
    let (emu, c) = start().await;
    let t = c.corp_token().await;
    let corp = c
        .get(&format!("/cgi-bin/get_jsapi_ticket?access_token={t}"))
        .await;
    assert_eq!(corp["errcode"], 0);
    let again = c
        .get(&format!("/cgi-bin/get_jsapi_ticket?access_token={t}"))
        .await;
    assert_eq!(corp["ticket"], again["ticket"]);
    let agent = c
        .get(&format!(
            "/cgi-bin/ticket/get?access_token={t}&type=agent_config"
        ))
        .await;
    assert_eq!(agent["errcode"], 0);
    assert_ne!(agent["ticket"], corp["ticket"]);
    let bad_type = c
        .get(&format!("/cgi-bin/ticket/get?access_token={t}&type=nope"))
        .await;
    assert_ne!(bad_type["errcode"], 0);
    let key = format!("{}/{}", demo::CORPID, demo::AGENTID);
    assert_eq!(emu.token_fetches_of(&key, TokenKind::CorpJsapiTicket), 2);
    assert_eq!(emu.token_fetches_of(&key, TokenKind::AgentConfigTicket), 2);
    emu.shutdown().await;
}

#[tokio::test]
async fn suite_provider_and_corp_of_suite_tokens() {
    let (emu, c) = start().await;
    let ticket = emu
        .suite_ticket(demo::SUITE_ID)
        .expect("generated suite ticket");
    let suite = c
        .post(
            "/cgi-bin/service/get_suite_token",
            json!({"suite_id": demo::SUITE_ID, "suite_secret": demo::SUITE_SECRET, "suite_ticket": ticket}),
        )
        .await;
    assert_eq!(suite["errcode"], 0, "{suite}");
    let suite_token = suite["suite_access_token"].as_str().unwrap().to_owned();

    let bad_ticket = c
        .post(
            "/cgi-bin/service/get_suite_token",
            json!({"suite_id": demo::SUITE_ID, "suite_secret": demo::SUITE_SECRET, "suite_ticket": "old"}),
        )
        .await;
    assert_eq!(bad_ticket["errcode"], 40085);

    // A rotated ticket: the new one and the previous one are both accepted.
    let new_ticket = emu.rotate_suite_ticket(demo::SUITE_ID).unwrap();
    for t in [&ticket, &new_ticket] {
        let v = c
            .post(
                "/cgi-bin/service/get_suite_token",
                json!({"suite_id": demo::SUITE_ID, "suite_secret": demo::SUITE_SECRET, "suite_ticket": t}),
            )
            .await;
        assert_eq!(
            v["suite_access_token"],
            suite_token.as_str(),
            "same while valid"
        );
    }

    let corp = c
        .post(
            &format!("/cgi-bin/service/get_corp_token?suite_access_token={suite_token}"),
            json!({"auth_corpid": demo::AUTH_CORPID, "permanent_code": demo::PERMANENT_CODE}),
        )
        .await;
    assert_eq!(corp["errcode"], 0, "{corp}");
    let corp_token = corp["access_token"].as_str().unwrap();
    assert_eq!(c.call_errcode("/cgi-bin/user/get", corp_token).await, 0);

    let bad_code = c
        .post(
            &format!("/cgi-bin/service/get_corp_token?suite_access_token={suite_token}"),
            json!({"auth_corpid": demo::AUTH_CORPID, "permanent_code": "nope"}),
        )
        .await;
    assert_eq!(bad_code["errcode"], 40084);
    let bad_suite_token = c
        .post(
            "/cgi-bin/service/get_corp_token?suite_access_token=nope",
            json!({"auth_corpid": demo::AUTH_CORPID, "permanent_code": demo::PERMANENT_CODE}),
        )
        .await;
    assert_eq!(bad_suite_token["errcode"], 40001);

    // Business calls with a suite token use the suite_access_token parameter.
    let pre = c
        .get(&format!(
            "/cgi-bin/service/get_pre_auth_code?suite_access_token={suite_token}"
        ))
        .await;
    assert_eq!(pre["errcode"], 0);

    let provider = c
        .post(
            "/cgi-bin/service/get_provider_token",
            json!({"corpid": demo::PROVIDER_CORPID, "provider_secret": demo::PROVIDER_SECRET}),
        )
        .await;
    assert_eq!(provider["errcode"], 0);
    assert!(provider["provider_access_token"].is_string());
    let wrong = c
        .post(
            "/cgi-bin/service/get_provider_token",
            json!({"corpid": demo::PROVIDER_CORPID, "provider_secret": "nope"}),
        )
        .await;
    assert_eq!(wrong["errcode"], 40001);

    assert_eq!(emu.token_fetches_of(demo::SUITE_ID, TokenKind::Suite), 4);
    assert_eq!(
        emu.token_fetches_of(demo::AUTH_CORPID, TokenKind::CorpOfSuite),
        3
    );
    assert_eq!(
        emu.token_fetches_of(demo::PROVIDER_CORPID, TokenKind::Provider),
        2
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn robots_answer_to_their_webhook_key_alone() {
    let (emu, c) = start().await;
    let text = json!({"msgtype": "text", "text": {"content": "hi"}});
    let ok = c
        .post(
            &format!("/cgi-bin/webhook/send?key={}", demo::ROBOT_KEY),
            text.clone(),
        )
        .await;
    assert_eq!(ok["errcode"], 0);
    let wrong = c.post("/cgi-bin/webhook/send?key=nope", text.clone()).await;
    assert_eq!(wrong["errcode"], 93000);
    let none = c.post("/cgi-bin/webhook/send", text).await;
    assert_eq!(none["errcode"], 93000);
    emu.shutdown().await;
}

#[tokio::test]
async fn shared_paths_answer_as_the_platform_of_the_token() {
    let (emu, c) = start().await;
    let corp = c.corp_token().await;
    let app = c.classic_token().await;
    let work = c
        .get(&format!(
            "/cgi-bin/user/get?access_token={corp}&userid=zhangsan"
        ))
        .await;
    let oa = c
        .get(&format!("/cgi-bin/user/get?access_token={app}"))
        .await;
    assert_eq!(
        work,
        super::common::fixture("qyapi.weixin.qq.com/cgi-bin/user/get.json")
    );
    assert_eq!(oa, super::common::fixture("cgi-bin/user/get.json"));
    assert_ne!(work, oa);
    emu.shutdown().await;
}
