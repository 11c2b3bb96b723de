//! Open Platform: component token, pre-auth code, query_auth, authorizer tokens.

use std::time::Duration;

use serde_json::{Value, json};
use wechat_emulator::{Emulator, TokenKind, demo};

use super::common::{Client, start};

async fn component_token(c: &Client, ticket: &str) -> Value {
    c.post(
        "/cgi-bin/component/api_component_token",
        json!({
            "component_appid": demo::COMPONENT_APPID,
            "component_appsecret": demo::COMPONENT_SECRET,
            "component_verify_ticket": ticket,
        }),
    )
    .await
}

#[tokio::test]
async fn component_token_needs_the_pushed_ticket() {
    let (emu, c) = start().await;
    let ticket = emu.component_verify_ticket(demo::COMPONENT_APPID).unwrap();
    let v = component_token(&c, &ticket).await;
    assert_eq!(v["expires_in"], 7200);
    let t1 = v["component_access_token"].as_str().unwrap().to_owned();

    let bad = component_token(&c, "ticket@@@stale").await;
    assert_eq!(bad["errcode"], 61006);
    assert!(
        bad["errmsg"]
            .as_str()
            .unwrap()
            .starts_with("component ticket is invalid")
    );

    let wrong_secret = c
        .post(
            "/cgi-bin/component/api_component_token",
            json!({"component_appid": demo::COMPONENT_APPID, "component_appsecret": "x", "component_verify_ticket": ticket}),
        )
        .await;
    assert_eq!(wrong_secret["errcode"], 40125);
    let not_component = c
        .post(
            "/cgi-bin/component/api_component_token",
            json!({"component_appid": demo::APPID, "component_appsecret": demo::SECRET, "component_verify_ticket": ticket}),
        )
        .await;
    assert_eq!(not_component["errcode"], 61011);

    // A ticket set by the test works, and so does the one before it.
    assert!(emu.set_component_verify_ticket(demo::COMPONENT_APPID, "ticket@@@from-test"));
    let v2 = component_token(&c, "ticket@@@from-test").await;
    let t2 = v2["component_access_token"].as_str().unwrap().to_owned();
    assert_ne!(t1, t2, "each fetch issues a new component token");
    assert!(component_token(&c, &ticket).await["component_access_token"].is_string());

    let message = emu
        .component_verify_ticket_message(demo::COMPONENT_APPID)
        .unwrap();
    assert!(message.contains("<ComponentVerifyTicket><![CDATA[ticket@@@from-test]]>"));

    assert_eq!(
        emu.token_fetches_of(demo::COMPONENT_APPID, TokenKind::Component),
        5
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn authorization_flow_to_an_authorizer_token() {
    let (emu, c) = start().await;
    let ticket = emu.component_verify_ticket(demo::COMPONENT_APPID).unwrap();
    let cat = component_token(&c, &ticket).await["component_access_token"]
        .as_str()
        .unwrap()
        .to_owned();

    let pre = c
        .post(
            &format!("/cgi-bin/component/api_create_preauthcode?component_access_token={cat}"),
            json!({"component_appid": demo::COMPONENT_APPID}),
        )
        .await;
    assert!(
        pre["pre_auth_code"]
            .as_str()
            .unwrap()
            .starts_with("preauthcode@@@")
    );
    assert_eq!(pre["expires_in"], 1800);

    let new_authorizer = "wx2222222222222222";
    let code = emu
        .authorize(demo::COMPONENT_APPID, new_authorizer)
        .unwrap();
    let auth = c
        .post(
            &format!("/cgi-bin/component/api_query_auth?component_access_token={cat}"),
            json!({"component_appid": demo::COMPONENT_APPID, "authorization_code": code}),
        )
        .await;
    let info = &auth["authorization_info"];
    assert_eq!(info["authorizer_appid"], new_authorizer);
    assert_eq!(info["expires_in"], 7200);
    assert!(info["func_info"].is_array());
    let authorizer_token = info["authorizer_access_token"].as_str().unwrap().to_owned();
    let refresh = info["authorizer_refresh_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        c.call_errcode("/cgi-bin/menu/get", &authorizer_token).await,
        0
    );

    let again = c
        .post(
            &format!("/cgi-bin/component/api_query_auth?component_access_token={cat}"),
            json!({"component_appid": demo::COMPONENT_APPID, "authorization_code": code}),
        )
        .await;
    assert_eq!(again["errcode"], 61009, "codes are one-shot");

    let refreshed = c
        .post(
            &format!("/cgi-bin/component/api_authorizer_token?component_access_token={cat}"),
            json!({
                "component_appid": demo::COMPONENT_APPID,
                "authorizer_appid": new_authorizer,
                "authorizer_refresh_token": refresh,
            }),
        )
        .await;
    let t2 = refreshed["authorizer_access_token"].as_str().unwrap();
    assert_ne!(t2, authorizer_token);
    assert_eq!(refreshed["authorizer_refresh_token"], refresh.as_str());
    assert_eq!(
        c.call_errcode("/cgi-bin/menu/get", &authorizer_token).await,
        0,
        "overlap"
    );
    emu.advance(Duration::from_secs(301));
    assert_eq!(
        c.call_errcode("/cgi-bin/menu/get", &authorizer_token).await,
        40001
    );

    let wrong = c
        .post(
            &format!("/cgi-bin/component/api_authorizer_token?component_access_token={cat}"),
            json!({
                "component_appid": demo::COMPONENT_APPID,
                "authorizer_appid": demo::AUTHORIZER_APPID,
                "authorizer_refresh_token": "refreshtoken@@@wrong",
            }),
        )
        .await;
    assert_eq!(wrong["errcode"], 61023);
    let unknown = c
        .post(
            &format!("/cgi-bin/component/api_authorizer_token?component_access_token={cat}"),
            json!({
                "component_appid": demo::COMPONENT_APPID,
                "authorizer_appid": "wx9999999999999999",
                "authorizer_refresh_token": "x",
            }),
        )
        .await;
    assert_eq!(unknown["errcode"], 61003);

    // Component endpoints want the component token, not any token.
    let classic = c.classic_token().await;
    let denied = c
        .post(
            &format!("/cgi-bin/component/api_create_preauthcode?component_access_token={classic}"),
            json!({"component_appid": demo::COMPONENT_APPID}),
        )
        .await;
    assert_eq!(denied["errcode"], 40001);

    assert_eq!(
        emu.token_fetches_of(new_authorizer, TokenKind::Authorizer),
        1
    );
    assert_eq!(
        emu.token_fetches_of(demo::COMPONENT_APPID, TokenKind::QueryAuth),
        2
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn configured_authorizers() {
    let emu = Emulator::builder()
        .without_demo_accounts()
        .component("wxc000000000000001", "csecret")
        .authorizer(
            "wxc000000000000001",
            "wxa000000000000001",
            "refreshtoken@@@r1",
        )
        .start()
        .await
        .unwrap();
    let c = Client::for_emu(&emu);
    assert!(emu.component_verify_ticket(demo::COMPONENT_APPID).is_none());
    let ticket = emu.component_verify_ticket("wxc000000000000001").unwrap();
    let v = c
        .post(
            "/cgi-bin/component/api_component_token",
            json!({"component_appid": "wxc000000000000001", "component_appsecret": "csecret", "component_verify_ticket": ticket}),
        )
        .await;
    let cat = v["component_access_token"].as_str().unwrap();
    let a = c
        .post(
            &format!("/cgi-bin/component/api_authorizer_token?component_access_token={cat}"),
            json!({
                "component_appid": "wxc000000000000001",
                "authorizer_appid": "wxa000000000000001",
                "authorizer_refresh_token": "refreshtoken@@@r1",
            }),
        )
        .await;
    assert!(a["authorizer_access_token"].is_string(), "{a}");
    // The demo app is gone.
    let gone = c
        .get(&format!(
            "/cgi-bin/token?grant_type=client_credential&appid={}&secret={}",
            demo::APPID,
            demo::SECRET
        ))
        .await;
    assert_eq!(gone["errcode"], 40013);
    emu.shutdown().await;

    let err = Emulator::builder()
        .authorizer("wxnope", "wxa", "r")
        .start()
        .await
        .unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput);
}
