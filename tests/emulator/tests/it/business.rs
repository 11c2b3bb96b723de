//! Business endpoints: credential checks, fixtures, custom responses.

use serde_json::{Value, json};
use wechat_emulator::{CustomResponse, Emulator, demo};

use super::common::{Client, fixture, start};

#[tokio::test]
async fn fixtures_are_served_by_path() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    for path in [
        "cgi-bin/get_api_domain_ip",
        "cgi-bin/getcallbackip",
        "cgi-bin/menu/get",
    ] {
        let raw = c
            .raw("GET", &format!("/{path}?access_token={t}"), None)
            .await;
        assert_eq!(raw.status, 200);
        assert!(
            raw.content_type.starts_with("application/json"),
            "{}",
            raw.content_type
        );
        let v: Value = serde_json::from_slice(&raw.body).unwrap();
        assert_eq!(v, fixture(&format!("{path}.json")), "{path}");
    }
    let ips = c
        .get(&format!("/cgi-bin/get_api_domain_ip?access_token={t}"))
        .await;
    assert!(ips["ip_list"].as_array().unwrap().len() > 1);
    let menu = c.get(&format!("/cgi-bin/menu/get?access_token={t}")).await;
    assert_eq!(menu["menu"]["button"][0]["key"], "V1001_TODAY_MUSIC");
    emu.shutdown().await;
}

#[tokio::test]
async fn paths_without_a_fixture_answer_ok() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    let v = c
        .post(
            &format!("/cgi-bin/message/custom/send?access_token={t}"),
            json!({"touser": "o1", "msgtype": "text", "text": {"content": "hi"}}),
        )
        .await;
    assert_eq!(v, json!({"errcode": 0, "errmsg": "ok"}));
    emu.shutdown().await;
}

#[tokio::test]
async fn credentials_are_checked() {
    let (emu, c) = start().await;
    let missing = c.get("/cgi-bin/menu/get").await;
    assert_eq!(missing["errcode"], 41001);
    assert!(
        missing["errmsg"]
            .as_str()
            .unwrap()
            .starts_with("access_token missing rid: ")
    );

    let unknown = c.get("/cgi-bin/menu/get?access_token=forged").await;
    assert_eq!(unknown["errcode"], 40001);
    let msg = unknown["errmsg"].as_str().unwrap();
    assert!(
        msg.starts_with("invalid credential, access_token is invalid or not latest rid: "),
        "{msg}"
    );

    let t = c.classic_token().await;
    assert_eq!(c.call_errcode("/cgi-bin/menu/get", &t).await, 0);
    assert!(emu.reject_token(&t));
    assert!(!emu.is_token_valid(&t));
    assert_eq!(c.call_errcode("/cgi-bin/menu/get", &t).await, 40001);
    assert!(!emu.reject_token("never-issued"));

    // A ticket is not a credential.
    let t2 = c.classic_token().await;
    let ticket = c
        .get(&format!(
            "/cgi-bin/ticket/getticket?access_token={t2}&type=jsapi"
        ))
        .await;
    let ticket = ticket["ticket"].as_str().unwrap();
    assert_eq!(c.call_errcode("/cgi-bin/menu/get", ticket).await, 40001);
    emu.shutdown().await;
}

#[tokio::test]
async fn invalid_json_bodies_get_47001() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    let resp = reqwest::Client::builder()
        .no_proxy()
        .build()
        .unwrap()
        .post(emu.url(&format!("/cgi-bin/menu/create?access_token={t}")))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    let v: Value = serde_json::from_slice(&resp.bytes().await.unwrap()).unwrap();
    assert_eq!(v["errcode"], 47001);
    emu.shutdown().await;
}

#[tokio::test]
async fn custom_responses_replace_fixtures_until_cleared() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    emu.set_json_response("/cgi-bin/menu/get", json!({"is_menu_open": 0}));
    let v = c.get(&format!("/cgi-bin/menu/get?access_token={t}")).await;
    assert_eq!(v, json!({"is_menu_open": 0}));

    // The token is still checked first.
    let no_token = c.get("/cgi-bin/menu/get").await;
    assert_eq!(no_token["errcode"], 41001);

    // Prefix patterns, binary bodies and statuses.
    emu.set_response(
        "/wxa/*",
        CustomResponse::raw(200, "image/png", vec![0x89, b'P', b'N', b'G']),
    );
    let raw = c
        .raw(
            "POST",
            &format!("/wxa/getwxacode?access_token={t}"),
            Some(json!({"path": "x"})),
        )
        .await;
    assert_eq!(raw.content_type, "image/png");
    assert_eq!(raw.body, vec![0x89, b'P', b'N', b'G']);

    assert!(emu.clear_response("cgi-bin/menu/get"));
    let v = c.get(&format!("/cgi-bin/menu/get?access_token={t}")).await;
    assert_eq!(v, fixture("cgi-bin/menu/get.json"));
    emu.clear_responses();
    // Back to the fixture: the code endpoint's example image.
    let raw = c
        .raw("GET", &format!("/wxa/getwxacode?access_token={t}"), None)
        .await;
    assert_eq!(raw.content_type, "image/png");
    assert!(raw.body.starts_with(&[0x89, b'P', b'N', b'G']));
    emu.shutdown().await;
}

#[tokio::test]
async fn pay_paths_need_no_token() {
    let (emu, c) = start().await;
    // No token asked: WeChat Pay v3 wants its own signature instead.
    let raw = c
        .raw("POST", "/v3/pay/transactions/jsapi", Some(json!({})))
        .await;
    assert_eq!(raw.status, 401);
    let v: Value = serde_json::from_slice(&raw.body).unwrap();
    assert_eq!(v["code"], "SIGN_ERROR");
    assert!(v.get("errcode").is_none());
    emu.shutdown().await;
}

#[tokio::test]
async fn runtime_fixture_dir_and_host_specific_fixtures() {
    let dir = std::env::temp_dir().join(format!(
        "wechat-emulator-fixtures-{}-{}",
        std::process::id(),
        demo::APPID
    ));
    let work = dir.join("qyapi.weixin.qq.com/cgi-bin/menu");
    std::fs::create_dir_all(&work).unwrap();
    std::fs::write(
        work.join("get.json"),
        br#"{"errcode":0,"errmsg":"ok","button":[]}"#,
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("cgi-bin/user")).unwrap();
    std::fs::write(dir.join("cgi-bin/user/info.json"), br#"{"subscribe":1}"#).unwrap();

    let emu = Emulator::builder().fixture_dir(&dir).start().await.unwrap();
    let c = Client::for_emu(&emu);
    let oa = c.classic_token().await;
    let work_token = c.corp_token().await;
    let oa_menu = c.get(&format!("/cgi-bin/menu/get?access_token={oa}")).await;
    assert_eq!(oa_menu, fixture("cgi-bin/menu/get.json"));
    let work_menu = c
        .get(&format!("/cgi-bin/menu/get?access_token={work_token}"))
        .await;
    assert_eq!(work_menu, json!({"errcode":0,"errmsg":"ok","button":[]}));
    let user = c
        .get(&format!("/cgi-bin/user/info?access_token={oa}"))
        .await;
    assert_eq!(user, json!({"subscribe": 1}));
    emu.shutdown().await;
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn actions_sharing_a_path_get_their_own_answers() {
    let (emu, c) = super::common::start().await;
    let token = c.classic_token().await;
    for action in [
        "publisher_adpos_general",
        "publisher_cps_general",
        "publisher_settlement",
    ] {
        let v = c
            .get(&format!(
                "/publisher/stat?access_token={token}&action={action}&page=1&page_size=10"
            ))
            .await;
        assert_eq!(
            v,
            fixture(&format!("publisher/stat/{action}.json")),
            "{action}"
        );
    }
    emu.shutdown().await;
}

/// Sends a built request as it is: method, URL on the emulator, headers and body bytes.
async fn send_built(emu_base: &str, request: &wechat_core::http::Request<Vec<u8>>) -> Value {
    let pq = request.uri().path_and_query().unwrap().as_str();
    let resp = reqwest::Client::builder()
        .no_proxy()
        .build()
        .unwrap()
        .post(format!("{}{pq}", emu_base.trim_end_matches('/')))
        .header("content-type", "application/json")
        .body(request.body().clone())
        .send()
        .await
        .unwrap();
    serde_json::from_slice(&resp.bytes().await.unwrap()).unwrap()
}

#[tokio::test]
async fn xpay_calls_are_answered_only_with_a_valid_pay_sig() {
    use wechat_core::api::mp::xpay::*;
    use wechat_core::endpoint::build_request;
    use wechat_core::{Hosts, Secret};
    let (emu, c) = start().await;
    let token = Secret::new(c.classic_token().await);
    let base = emu.base_url().to_owned();
    let sign = |request: &mut wechat_core::http::Request<Vec<u8>>, key: &str, env: XpayEnv| {
        XpaySigner::for_env(Secret::new(key), env)
            .sign_with_token(request, &token)
            .unwrap()
    };
    // Sandbox and production each have their AppKey; the fixture answers a good signature.
    let mut request = build_request(
        &Hosts::default(),
        &QueryUploadGoods {
            env: XpayEnv::Sandbox,
        },
    )
    .unwrap();
    sign(&mut request, demo::XPAY_SANDBOX_APP_KEY, XpayEnv::Sandbox);
    assert_eq!(
        send_built(&base, &request).await,
        fixture("xpay/query_upload_goods.json")
    );
    let mut request = build_request(
        &Hosts::default(),
        &QueryUploadGoods {
            env: XpayEnv::Production,
        },
    )
    .unwrap();
    sign(
        &mut request,
        demo::XPAY_SANDBOX_APP_KEY,
        XpayEnv::Production,
    );
    assert_eq!(send_built(&base, &request).await["errcode"], 268490003);
    // A call made for a user carries the user's signature too.
    let call = QueryUserBalance::new("oUser", XpayEnv::Production, "1.1.1.1")
        .session_key(Secret::new("9hAb/NEYUlkaMBEsmFgzig=="));
    let mut request = build_request(&Hosts::default(), &call).unwrap();
    sign(&mut request, demo::XPAY_APP_KEY, XpayEnv::Production);
    assert_eq!(send_built(&base, &request).await["balance"], 100);
    // No pay_sig at all.
    let t = token.expose();
    let raw = c
        .post(
            &format!("/xpay/query_upload_goods?access_token={t}"),
            json!({"env": 1}),
        )
        .await;
    assert_eq!(raw["errcode"], 268490002);
    emu.shutdown().await;
}
