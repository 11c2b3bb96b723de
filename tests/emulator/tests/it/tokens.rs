//! Token and ticket semantics.

use std::time::Duration;

use serde_json::json;
use wechat_emulator::{TokenKind, demo};

use super::common::start;

const MENU: &str = "/cgi-bin/menu/get";

#[tokio::test]
async fn classic_token_keeps_the_previous_one_for_five_minutes() {
    let (emu, c) = start().await;
    let t1 = c.classic_token().await;
    assert_eq!(c.call_errcode(MENU, &t1).await, 0);

    let t2 = c.classic_token().await;
    assert_ne!(t1, t2, "every classic fetch issues a new token");
    assert_eq!(
        c.call_errcode(MENU, &t1).await,
        0,
        "old token works during the overlap"
    );
    assert_eq!(c.call_errcode(MENU, &t2).await, 0);

    emu.advance(Duration::from_secs(299));
    assert_eq!(c.call_errcode(MENU, &t1).await, 0);
    emu.advance(Duration::from_secs(2));
    assert_eq!(
        c.call_errcode(MENU, &t1).await,
        40001,
        "dead after 5 minutes: not latest"
    );
    assert_eq!(c.call_errcode(MENU, &t2).await, 0);
    emu.shutdown().await;
}

#[tokio::test]
async fn classic_token_expires_after_7200_seconds() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    emu.advance(Duration::from_secs(7199));
    assert_eq!(c.call_errcode(MENU, &t).await, 0);
    emu.advance(Duration::from_secs(2));
    let v = c.get(&format!("{MENU}?access_token={t}")).await;
    assert_eq!(v["errcode"], 42001, "{v}");
    assert!(
        v["errmsg"]
            .as_str()
            .unwrap()
            .starts_with("access_token expired rid: ")
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn classic_token_errors_are_wechats() {
    let (emu, c) = start().await;
    let base = "/cgi-bin/token?grant_type=client_credential";
    let wrong = c
        .get(&format!("{base}&appid={}&secret=nope", demo::APPID))
        .await;
    assert_eq!(wrong["errcode"], 40125, "{wrong}");
    assert!(
        wrong["errmsg"]
            .as_str()
            .unwrap()
            .starts_with("invalid appsecret rid: ")
    );
    let unknown = c.get(&format!("{base}&appid=wxnope&secret=x")).await;
    assert_eq!(unknown["errcode"], 40013);
    let missing = c.get(&format!("{base}&appid={}", demo::APPID)).await;
    assert_eq!(missing["errcode"], 41004);
    let grant = c
        .get(&format!(
            "/cgi-bin/token?grant_type=password&appid={}&secret={}",
            demo::APPID,
            demo::SECRET
        ))
        .await;
    assert_eq!(grant["errcode"], 40002);
    emu.shutdown().await;
}

#[tokio::test]
async fn stable_token_is_the_same_while_valid_and_counts_down() {
    let (emu, c) = start().await;
    let (s1, e1) = c.stable_token(false).await;
    assert_eq!(e1, 7200);
    emu.advance(Duration::from_secs(100));
    let (s2, e2) = c.stable_token(false).await;
    assert_eq!(s1, s2);
    assert_eq!(e2, 7100);

    // Classic and stable tokens are isolated from each other.
    let classic = c.classic_token().await;
    assert_ne!(classic, s1);
    let (s3, _) = c.stable_token(false).await;
    assert_eq!(s3, s1);
    assert_eq!(c.call_errcode(MENU, &s1).await, 0);
    assert_eq!(emu.latest_token(TokenKind::Stable, demo::APPID), Some(s1));
    emu.shutdown().await;
}

#[tokio::test]
async fn stable_token_renews_in_its_last_five_minutes_and_then_expires() {
    let (emu, c) = start().await;
    let (s1, _) = c.stable_token(false).await;
    emu.advance(Duration::from_secs(6901)); // 299 s left
    let (s2, e2) = c.stable_token(false).await;
    assert_ne!(s1, s2, "renewed 5 minutes early");
    assert_eq!(e2, 7200);
    assert_eq!(
        c.call_errcode(MENU, &s1).await,
        0,
        "old one valid until its own expiry"
    );
    emu.advance(Duration::from_secs(300));
    assert_eq!(c.call_errcode(MENU, &s1).await, 42001);
    assert_eq!(c.call_errcode(MENU, &s2).await, 0);
    emu.advance(Duration::from_secs(7200));
    assert_eq!(c.call_errcode(MENU, &s2).await, 42001);
    let (s3, _) = c.stable_token(false).await;
    assert_ne!(s3, s2);
    emu.shutdown().await;
}

#[tokio::test]
async fn stable_force_refresh_replaces_the_token_at_most_every_30_seconds() {
    let (emu, c) = start().await;
    let (s1, _) = c.stable_token(false).await;
    let (s2, e2) = c.stable_token(true).await;
    assert_ne!(s1, s2);
    assert_eq!(e2, 7200);
    assert_eq!(
        c.call_errcode(MENU, &s1).await,
        40001,
        "forced refresh kills the old one"
    );

    emu.advance(Duration::from_secs(10));
    let (again, left) = c.stable_token(true).await;
    assert_eq!(again, s2, "a second force within 30 s does nothing");
    assert_eq!(left, 7190);

    emu.advance(Duration::from_secs(25));
    let (s3, _) = c.stable_token(true).await;
    assert_ne!(s3, s2);
    emu.shutdown().await;
}

#[tokio::test]
async fn stable_force_refresh_has_a_daily_limit() {
    let (emu, c) = start().await;
    // Start just after midnight (UTC) on the emulator clock, so the test stays within one day.
    let into_day = emu.now_ms().rem_euclid(86_400_000);
    emu.advance(Duration::from_millis(
        (86_400_000 - into_day + 1_000) as u64,
    ));
    for _ in 0..20 {
        c.stable_token(true).await;
        emu.advance(Duration::from_secs(31));
    }
    let v = c
        .post(
            "/cgi-bin/stable_token",
            json!({"grant_type":"client_credential","appid":demo::APPID,"secret":demo::SECRET,"force_refresh":true}),
        )
        .await;
    assert_eq!(v["errcode"], 45009, "{v}");
    emu.shutdown().await;
}

#[tokio::test]
async fn stable_token_checks_method_and_secret() {
    let (emu, c) = start().await;
    let get = c.get("/cgi-bin/stable_token").await;
    assert_eq!(get["errcode"], 43002);
    let wrong = c
        .post(
            "/cgi-bin/stable_token",
            json!({"grant_type":"client_credential","appid":demo::APPID,"secret":"nope"}),
        )
        .await;
    assert_eq!(wrong["errcode"], 40125);
    let raw = c.raw("POST", "/cgi-bin/stable_token", None).await;
    assert_eq!(raw.status, 200);
    emu.shutdown().await;
}

#[tokio::test]
async fn jsapi_and_card_tickets_are_stable_per_app_until_expiry() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    let get = |ty: &'static str, token: String| {
        let c = &c;
        async move {
            c.get(&format!(
                "/cgi-bin/ticket/getticket?access_token={token}&type={ty}"
            ))
            .await
        }
    };
    let j1 = get("jsapi", t.clone()).await;
    assert_eq!(j1["errcode"], 0);
    assert_eq!(j1["errmsg"], "ok");
    assert_eq!(j1["expires_in"], 7200);
    let j2 = get("jsapi", t.clone()).await;
    assert_eq!(j1["ticket"], j2["ticket"]);
    let card = get("wx_card", t.clone()).await;
    assert_ne!(card["ticket"], j1["ticket"]);

    emu.advance(Duration::from_secs(7201));
    let t2 = c.classic_token().await;
    let j3 = get("jsapi", t2).await;
    assert_ne!(j3["ticket"], j1["ticket"], "a new ticket after expiry");

    let missing = c.get("/cgi-bin/ticket/getticket?type=jsapi").await;
    assert_eq!(missing["errcode"], 41001);
    assert_eq!(emu.token_fetches_of(demo::APPID, TokenKind::JsapiTicket), 3);
    assert_eq!(
        emu.token_fetches_of(demo::APPID, TokenKind::WxCardTicket),
        1
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn oauth_user_tokens_and_js_code_sessions() {
    let (emu, c) = start().await;
    let v = c
        .get(&format!(
            "/sns/oauth2/access_token?appid={}&secret={}&code=CODE&grant_type=authorization_code",
            demo::APPID,
            demo::SECRET
        ))
        .await;
    let token = v["access_token"].as_str().unwrap().to_owned();
    let openid = v["openid"].as_str().unwrap().to_owned();
    let refresh = v["refresh_token"].as_str().unwrap().to_owned();
    assert_eq!(v["scope"], "snsapi_userinfo");
    let info = c
        .get(&format!(
            "/sns/userinfo?access_token={token}&openid={openid}&lang=zh_CN"
        ))
        .await;
    assert!(
        info["openid"].is_string(),
        "the fixture of sns/userinfo: {info}"
    );

    let r = c
        .get(&format!(
            "/sns/oauth2/refresh_token?appid={}&grant_type=refresh_token&refresh_token={refresh}",
            demo::APPID
        ))
        .await;
    assert_eq!(r["openid"], openid.as_str());
    let bad = c
        .get(&format!(
            "/sns/oauth2/refresh_token?appid={}&grant_type=refresh_token&refresh_token=nope",
            demo::APPID
        ))
        .await;
    assert_eq!(bad["errcode"], 40030);

    let s = c
        .get(&format!(
            "/sns/jscode2session?appid={}&secret={}&js_code=abc&grant_type=authorization_code",
            demo::APPID,
            demo::SECRET
        ))
        .await;
    assert!(s["openid"].as_str().unwrap().starts_with('o'));
    assert!(s["session_key"].is_string());
    let no_code = c
        .get(&format!(
            "/sns/jscode2session?appid={}&secret={}&grant_type=authorization_code",
            demo::APPID,
            demo::SECRET
        ))
        .await;
    assert_eq!(no_code["errcode"], 41008);
    emu.shutdown().await;
}

#[tokio::test]
async fn paths_the_catalog_calls_without_a_credential_are_open() {
    let (emu, _c) = start().await;
    let url = emu.url("/cgi-bin/showqrcode?ticket=T");
    let body = reqwest::get(url).await.unwrap().text().await.unwrap();
    assert!(!body.contains("41001"), "{body}");
    emu.shutdown().await;
}
