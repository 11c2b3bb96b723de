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

async fn pre_auth(c: &Client, cat: &str) -> String {
    c.post(
        &format!("/cgi-bin/component/api_create_preauthcode?component_access_token={cat}"),
        json!({"component_appid": demo::COMPONENT_APPID}),
    )
    .await["pre_auth_code"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn authorization_pages_take_a_fresh_pre_auth_code_once() {
    let (emu, c) = start().await;
    let ticket = emu.component_verify_ticket(demo::COMPONENT_APPID).unwrap();
    let cat = component_token(&c, &ticket).await["component_access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .unwrap();
    let account = "wx3333333333333333";
    for page in ["/cgi-bin/componentloginpage", "/safe/bindcomponent"] {
        let code = pre_auth(&c, &cat).await;
        let url = reqwest::Url::parse_with_params(
            &emu.url(page),
            [
                ("component_appid", demo::COMPONENT_APPID),
                ("pre_auth_code", code.as_str()),
                ("redirect_uri", "https://example.com/cb"),
                ("auth_type", "3"),
                ("biz_appid", account),
            ],
        )
        .unwrap();
        let answer = browser.get(url.clone()).send().await.unwrap();
        assert_eq!(answer.status(), 302, "{page}");
        let location = answer.headers()["location"].to_str().unwrap().to_owned();
        let auth_code = location
            .strip_prefix("https://example.com/cb?auth_code=")
            .and_then(|rest| rest.strip_suffix("&expires_in=3600"))
            .unwrap_or_else(|| panic!("{location}"));
        let auth_code: String = form_urlencoded::parse(format!("c={auth_code}").as_bytes())
            .next()
            .unwrap()
            .1
            .into_owned();
        let auth = c
            .post(
                &format!("/cgi-bin/component/api_query_auth?component_access_token={cat}"),
                json!({"component_appid": demo::COMPONENT_APPID, "authorization_code": auth_code}),
            )
            .await;
        assert_eq!(auth["authorization_info"]["authorizer_appid"], account);
        // Used up.
        let again: Value = browser.get(url).send().await.unwrap().json().await.unwrap();
        assert_eq!(again["errcode"], 61010);
    }
    // A stale or foreign pre-auth code, and a page without biz_appid.
    let stale = emu.url(&format!(
        "/cgi-bin/componentloginpage?component_appid={}&pre_auth_code=preauthcode@@@nope&redirect_uri=https://example.com/cb&biz_appid={account}",
        demo::COMPONENT_APPID
    ));
    let v: Value = browser
        .get(stale)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["errcode"], 61010);
    let code = pre_auth(&c, &cat).await;
    emu.advance(Duration::from_secs(1801));
    let expired = emu.url(&format!(
        "/cgi-bin/componentloginpage?component_appid={}&pre_auth_code={}&redirect_uri=https://example.com/cb&biz_appid={account}",
        demo::COMPONENT_APPID,
        code.replace('@', "%40")
    ));
    let v: Value = browser
        .get(expired)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(v["errcode"], 61010, "pre-auth codes live 1800 s");
    emu.shutdown().await;
}

#[tokio::test]
async fn unauthorize_kills_the_account_tokens_and_gives_the_push() {
    let (emu, c) = start().await;
    let ticket = emu.component_verify_ticket(demo::COMPONENT_APPID).unwrap();
    let cat = component_token(&c, &ticket).await["component_access_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let refresh = |refresh_token: &str| {
        json!({
            "component_appid": demo::COMPONENT_APPID,
            "authorizer_appid": demo::AUTHORIZER_APPID,
            "authorizer_refresh_token": refresh_token,
        })
    };
    let path = format!("/cgi-bin/component/api_authorizer_token?component_access_token={cat}");
    let a = c.post(&path, refresh(demo::AUTHORIZER_REFRESH_TOKEN)).await;
    let token = a["authorizer_access_token"].as_str().unwrap().to_owned();
    assert_eq!(c.call_errcode("/cgi-bin/menu/get", &token).await, 0);

    let push = emu
        .unauthorize(demo::COMPONENT_APPID, demo::AUTHORIZER_APPID)
        .unwrap();
    assert!(push.contains("<InfoType><![CDATA[unauthorized]]></InfoType>"));
    assert!(push.contains(demo::AUTHORIZER_APPID));
    assert_eq!(c.call_errcode("/cgi-bin/menu/get", &token).await, 40001);
    let again = c.post(&path, refresh(demo::AUTHORIZER_REFRESH_TOKEN)).await;
    assert_eq!(again["errcode"], 61003);
    assert!(
        emu.unauthorize(demo::COMPONENT_APPID, demo::AUTHORIZER_APPID)
            .is_none()
    );

    // Authorizing again gives a new refresh token; the old one is gone for good.
    let code = emu
        .authorize(demo::COMPONENT_APPID, demo::AUTHORIZER_APPID)
        .unwrap();
    let auth = c
        .post(
            &format!("/cgi-bin/component/api_query_auth?component_access_token={cat}"),
            json!({"component_appid": demo::COMPONENT_APPID, "authorization_code": code}),
        )
        .await;
    let new_refresh = auth["authorization_info"]["authorizer_refresh_token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(new_refresh, demo::AUTHORIZER_REFRESH_TOKEN);
    assert_eq!(
        c.post(&path, refresh(demo::AUTHORIZER_REFRESH_TOKEN)).await["errcode"],
        61023
    );
    assert!(c.post(&path, refresh(&new_refresh)).await["authorizer_access_token"].is_string());

    // Over the control API too.
    let r = c
        .post(
            "/__emulator/component/unauthorize",
            json!({"component_appid": demo::COMPONENT_APPID, "authorizer_appid": demo::AUTHORIZER_APPID}),
        )
        .await;
    assert_eq!(r["unauthorized"], true);
    assert!(r["push"].as_str().unwrap().contains("unauthorized"));
    emu.shutdown().await;
}
