//! A third-party platform end to end against the emulator: the encrypted ticket push is stored,
//! the component token is fetched from it, an account authorizes through the authorization
//! page, `api_query_auth` keeps its refresh token, the platform calls for it, and its
//! `unauthorized` push clears what was kept. Token fetches are counted by the emulator.

use std::sync::{Arc, Mutex};

use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_core::api::open::authorizer::{
    AuthType, AuthorizationRedirect, GetAuthorizerInfo, forget_unauthorized, login_page_url,
};
use wechat_core::api::open::basic::GetAccountBasicInfo;
use wechat_core::callback::{ComponentEvent, Message, Platform};
use wechat_core::client::TokenStore;
use wechat_core::token::endpoints::{CreatePreAuthCode, QueryAuth};
use wechat_core::{Error, TokenFlow};
use wechat_emulator::{TokenKind, demo};
use wechat_reqwest::{Client, FlowExt};

use crate::support::{Callback, Page, api_error_number, assert_rejected, open};

const CALLBACK_TOKEN: &str = "platform-callback-token";
const AES_KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const NEW_ACCOUNT: &str = "wx0000000000emua02";
const IP_PATH: &str = "/cgi-bin/get_api_domain_ip";

/// The platform's callback: keeps the ticket, forgets an unauthorized account; records what it
/// saw.
async fn start_bot(platform: Client) -> (Callback, Arc<Mutex<Vec<String>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let on_message = move |message: Message| {
        let (platform, log) = (platform.clone(), log.clone());
        async move {
            let Message::Component(event) = message else {
                return;
            };
            log.lock().unwrap().push(event.info_type().to_owned());
            match &event {
                ComponentEvent::VerifyTicket(t) => platform
                    .save_component_verify_ticket(&t.app_id, t.component_verify_ticket.clone())
                    .await
                    .unwrap(),
                other => {
                    forget_unauthorized(&platform, other).await.unwrap();
                }
            }
        }
    };
    let callback = Callback::serve(
        Platform::OpenPlatform,
        CALLBACK_TOKEN,
        AES_KEY,
        demo::COMPONENT_APPID,
        on_message,
    )
    .await;
    (callback, seen)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_platform_from_ticket_to_unauthorized() {
    let emu = wechat_emulator::Emulator::start().await.unwrap();
    let platform = wechat_reqwest::component(demo::COMPONENT_APPID, demo::COMPONENT_SECRET)
        .api_base(emu.base_url())
        .build()
        .unwrap();
    let (bot, seen) = start_bot(platform.clone()).await;

    // No ticket yet: a clear error and no fetch.
    let err = platform.token().await.unwrap_err();
    assert!(err.to_string().contains("component_verify_ticket"), "{err}");
    assert_eq!(emu.token_fetches(demo::COMPONENT_APPID), 0);

    // WeChat pushes the ticket, encrypted; the callback keeps it.
    let ticket_push = emu
        .component_verify_ticket_message(demo::COMPONENT_APPID)
        .unwrap();
    bot.push(&emu, ticket_push).await;
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
    let Page::Redirect(location) = open(page.as_str()).await else {
        panic!("the page does not redirect")
    };
    assert!(
        location.starts_with("https://platform.example.com/authorized?from=pc&auth_code="),
        "{location}"
    );
    let redirect = AuthorizationRedirect::parse(&location).unwrap();
    assert_eq!(redirect.expires_in, Some(3600));
    // The pre-auth code worked once.
    let Page::Json(again) = open(page.as_str()).await else {
        panic!("a used code redirects again")
    };
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
    bot.push(&emu, unauthorized).await;
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
        assert_rejected(&err, "61023", "authorize the platform again", "stale");
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
