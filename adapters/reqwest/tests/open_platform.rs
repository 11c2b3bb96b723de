//! A third-party platform end to end against the emulator: the encrypted ticket push is stored,
//! the component token is fetched from it, an account authorizes through the authorization
//! page, `api_query_auth` keeps its refresh token, the platform calls for it, and its
//! `unauthorized` push clears what was kept. Token fetches are counted by the emulator.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::Uri;
use axum::routing::post;
use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_core::api::open::authorizer::{
    AuthType, AuthorizationRedirect, GetAuthorizerInfo, forget_unauthorized, login_page_url,
};
use wechat_core::api::open::basic::GetAccountBasicInfo;
use wechat_core::callback::{CallbackHandler, ComponentEvent, Incoming, Message, Platform};
use wechat_core::client::TokenStore;
use wechat_core::token::endpoints::{CreatePreAuthCode, QueryAuth};
use wechat_core::{Error, Secret, TokenFlow};
use wechat_emulator::{CallbackPush, EmulatorHandle, TokenKind, demo};
use wechat_reqwest::{Client, FlowExt};

const CALLBACK_TOKEN: &str = "platform-callback-token";
const AES_KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const NEW_ACCOUNT: &str = "wx0000000000emua02";
const IP_PATH: &str = "/cgi-bin/get_api_domain_ip";

/// The platform's callback: decrypts a push, keeps the ticket, forgets an unauthorized account.
#[derive(Clone)]
struct Bot {
    handler: CallbackHandler,
    platform: Client,
    seen: Arc<Mutex<Vec<String>>>,
}

async fn callback(State(bot): State<Bot>, uri: Uri, body: Bytes) -> axum::response::Response {
    let request = http::Request::post(uri.to_string())
        .body(body.to_vec())
        .unwrap();
    let now_s = wechat_reqwest::now_ms() / 1000;
    let response = match bot.handler.handle(&request, now_s) {
        Ok(Incoming::Message(received)) => {
            if let Message::Component(event) = &received.message {
                bot.seen.lock().unwrap().push(event.info_type().to_owned());
                match event {
                    ComponentEvent::VerifyTicket(t) => bot
                        .platform
                        .save_component_verify_ticket(&t.app_id, t.component_verify_ticket.clone())
                        .await
                        .unwrap(),
                    other => {
                        forget_unauthorized(&bot.platform, other).await.unwrap();
                    }
                }
            }
            received.reply.success()
        }
        Ok(Incoming::UrlVerification(r)) => r,
        Err(e) => http::Response::builder()
            .status(403)
            .body(e.to_string().into_bytes())
            .unwrap(),
    };
    response.map(Body::from)
}

async fn start_bot(platform: Client) -> (String, Arc<Mutex<Vec<String>>>) {
    let handler = CallbackHandler::new(Platform::OpenPlatform, Secret::new(CALLBACK_TOKEN))
        .with_aes_key(AES_KEY, demo::COMPONENT_APPID)
        .unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let bot = Bot {
        handler,
        platform,
        seen: seen.clone(),
    };
    let app = Router::new()
        .route("/open/callback", post(callback))
        .with_state(bot);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}/open/callback"), seen)
}

async fn push(emu: &EmulatorHandle, url: &str, body: String) {
    let push = CallbackPush::xml(url, CALLBACK_TOKEN, body)
        .for_platform(Platform::OpenPlatform)
        .encrypted(AES_KEY, demo::COMPONENT_APPID);
    let answer = emu.push_callback(&push).await.unwrap();
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(answer.plaintext.as_deref(), Some("success"));
}

fn api_error_number(err: &Error) -> Option<i64> {
    err.code().and_then(|c| c.number())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_platform_from_ticket_to_unauthorized() {
    let emu = wechat_emulator::Emulator::start().await.unwrap();
    let platform = wechat_reqwest::component(demo::COMPONENT_APPID, demo::COMPONENT_SECRET)
        .api_base(emu.base_url())
        .build()
        .unwrap();
    let (url, seen) = start_bot(platform.clone()).await;

    // No ticket yet: a clear error and no fetch.
    let err = platform.token().await.unwrap_err();
    assert!(err.to_string().contains("component_verify_ticket"), "{err}");
    assert_eq!(emu.token_fetches(demo::COMPONENT_APPID), 0);

    // WeChat pushes the ticket, encrypted; the callback keeps it.
    let ticket_push = emu
        .component_verify_ticket_message(demo::COMPONENT_APPID)
        .unwrap();
    push(&emu, &url, ticket_push).await;
    let ticket_key = TokenFlow::component_verify_ticket_key(demo::COMPONENT_APPID);
    let kept = platform.store().load(&ticket_key).await.unwrap().unwrap();
    assert_eq!(
        Some(kept.value.expose().to_owned()),
        emu.component_verify_ticket(demo::COMPONENT_APPID)
    );

    // A pre-auth code, then the authorization page (as the account's admin confirms it).
    let pre = platform
        .call(&CreatePreAuthCode {
            component_appid: demo::COMPONENT_APPID.into(),
        })
        .await
        .unwrap();
    assert_eq!(pre.expires_in, 1800);
    let page = login_page_url(
        platform.hosts(),
        demo::COMPONENT_APPID,
        &pre.pre_auth_code,
        "https://platform.example.com/authorized?from=pc",
        AuthType::Both,
        Some(NEW_ACCOUNT),
    );
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .unwrap();
    let answer = browser.get(page.as_str()).send().await.unwrap();
    assert_eq!(answer.status(), 302);
    let location = answer.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        location.starts_with("https://platform.example.com/authorized?from=pc&auth_code="),
        "{location}"
    );
    let redirect = AuthorizationRedirect::parse(&location).unwrap();
    assert_eq!(redirect.expires_in, Some(3600));
    // The pre-auth code worked once.
    let again = browser
        .get(page.as_str())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let again: serde_json::Value = serde_json::from_slice(&again).unwrap();
    assert_eq!(again["errcode"], 61010, "{again}");

    // The code becomes the account's refresh token, kept in the store.
    let auth = platform
        .call(&QueryAuth {
            component_appid: demo::COMPONENT_APPID.into(),
            authorization_code: redirect.auth_code.clone(),
        })
        .await
        .unwrap();
    let info = auth.authorization_info;
    assert_eq!(info.authorizer_appid, NEW_ACCOUNT);
    platform
        .save_authorizer_refresh_token(
            demo::COMPONENT_APPID,
            NEW_ACCOUNT,
            info.authorizer_refresh_token.clone(),
        )
        .await
        .unwrap();
    let err = platform
        .call(&QueryAuth {
            component_appid: demo::COMPONENT_APPID.into(),
            authorization_code: redirect.auth_code,
        })
        .await
        .unwrap_err();
    assert_eq!(api_error_number(&err), Some(61009), "codes work once");

    // The platform calls for the account: an Official Account endpoint and a Mini Program one,
    // with the authorizer's token fetched once from the refresh token.
    let account = platform.authorizer(NEW_ACCOUNT).unwrap();
    for _ in 0..3 {
        let ips = account.call(&GetApiDomainIp {}).await.unwrap();
        assert!(!ips.ip_list.is_empty());
    }
    let basic = account.call(&GetAccountBasicInfo {}).await.unwrap();
    assert!(!basic.appid.is_empty());
    let details = platform
        .call(&GetAuthorizerInfo::new(demo::COMPONENT_APPID, NEW_ACCOUNT))
        .await
        .unwrap();
    assert!(!details.authorizer_info.nick_name.is_empty());
    assert_eq!(
        emu.token_fetches_of(demo::COMPONENT_APPID, TokenKind::Component),
        1
    );
    assert_eq!(emu.token_fetches_of(NEW_ACCOUNT, TokenKind::Authorizer), 1);
    assert_eq!(emu.calls(IP_PATH), 3);

    // WeChat retires the token: the next call refreshes it once and goes on.
    let token = account.token().await.unwrap();
    assert!(emu.reject_token(token.expose()));
    account.call(&GetApiDomainIp {}).await.unwrap();
    assert_eq!(emu.token_fetches_of(NEW_ACCOUNT, TokenKind::Authorizer), 2);
    assert_eq!(emu.calls(IP_PATH), 5);
    let fresh = account.token().await.unwrap();
    assert_ne!(fresh, token);
    assert!(emu.is_token_valid(fresh.expose()));

    // The account withdraws its authorization: WeChat pushes `unauthorized`, the callback
    // clears the account's records, and calls for it fail at once, without a fetch.
    let unauthorized = emu.unauthorize(demo::COMPONENT_APPID, NEW_ACCOUNT).unwrap();
    push(&emu, &url, unauthorized).await;
    assert_eq!(
        *seen.lock().unwrap(),
        ["component_verify_ticket", "unauthorized"]
    );
    for key in
        wechat_core::api::open::authorizer::authorizer_keys(demo::COMPONENT_APPID, NEW_ACCOUNT)
    {
        assert!(
            platform.store().load(&key).await.unwrap().is_none(),
            "{key}"
        );
    }
    let calls_before = emu.calls(IP_PATH);
    for _ in 0..3 {
        let err = account.call(&GetApiDomainIp {}).await.unwrap_err();
        assert!(matches!(err, Error::Credential(_)), "{err:?}");
        assert!(
            err.to_string().contains("authorizer_refresh_token"),
            "{err}"
        );
    }
    assert_eq!(emu.calls(IP_PATH), calls_before);
    assert_eq!(emu.token_fetches_of(NEW_ACCOUNT, TokenKind::Authorizer), 2);
    assert_eq!(
        emu.token_fetches_of(demo::COMPONENT_APPID, TokenKind::Component),
        1
    );
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_refresh_token_is_a_clear_error_not_a_storm() {
    let emu = wechat_emulator::Emulator::start().await.unwrap();
    let platform = wechat_reqwest::component(demo::COMPONENT_APPID, demo::COMPONENT_SECRET)
        .api_base(emu.base_url())
        .build()
        .unwrap();
    let ticket = emu.component_verify_ticket(demo::COMPONENT_APPID).unwrap();
    platform
        .save_component_verify_ticket(demo::COMPONENT_APPID, ticket.into())
        .await
        .unwrap();
    platform
        .save_authorizer_refresh_token(
            demo::COMPONENT_APPID,
            demo::AUTHORIZER_APPID,
            "refreshtoken@@@stale".into(),
        )
        .await
        .unwrap();
    let account = platform.authorizer(demo::AUTHORIZER_APPID).unwrap();
    for _ in 0..3 {
        let err = account.call(&GetApiDomainIp {}).await.unwrap_err();
        assert!(matches!(err, Error::Credential(_)), "{err:?}");
        let text = err.to_string();
        assert!(text.contains("61023"), "{text}");
        assert!(text.contains("authorize the platform again"), "{text}");
        assert!(
            !text.contains("stale"),
            "the refresh token stays out of errors: {text}"
        );
    }
    // One fetch per call, never retried, and no business call with no token.
    assert_eq!(
        emu.token_fetches_of(demo::AUTHORIZER_APPID, TokenKind::Authorizer),
        3
    );
    assert_eq!(emu.calls(IP_PATH), 0);
    assert_eq!(
        emu.token_fetches_of(demo::COMPONENT_APPID, TokenKind::Component),
        1
    );
    // The right refresh token brings the account back.
    platform
        .save_authorizer_refresh_token(
            demo::COMPONENT_APPID,
            demo::AUTHORIZER_APPID,
            demo::AUTHORIZER_REFRESH_TOKEN.into(),
        )
        .await
        .unwrap();
    account.call(&GetApiDomainIp {}).await.unwrap();
    assert_eq!(
        emu.token_fetches_of(demo::AUTHORIZER_APPID, TokenKind::Authorizer),
        4
    );
    emu.shutdown().await;
}
