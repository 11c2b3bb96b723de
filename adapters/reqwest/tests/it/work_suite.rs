//! A WeCom third-party suite end to end against the emulator: the encrypted `suite_ticket` push
//! is stored, the suite token is fetched from it, a corp installs the suite through the install
//! page (and another from the market, through the `create_auth` push), `get_permanent_code`
//! keeps each corp's permanent code, the suite calls WeCom endpoints for the corp, and the
//! corp's `cancel_auth` push clears what was kept. Token fetches are counted by the emulator.

use std::sync::{Arc, Mutex};

use wechat_core::api::work::department::ListDepartments;
use wechat_core::api::work::suite::{
    self, GetAuthInfo, GetPreAuthCode, InstallRedirect, SetSessionInfo, corp_keys,
    forget_cancelled, install_url,
};
use wechat_core::api::work::user::GetUser;
use wechat_core::callback::{Message, Platform, SuiteEvent};
use wechat_core::client::TokenStore;
use wechat_core::{Error, TokenFlow};
use wechat_emulator::{EmulatorHandle, TokenKind, demo};
use wechat_reqwest::{Client, FlowExt};

use crate::support::{Callback, Page, api_error_number, assert_rejected, open};

const CALLBACK_TOKEN: &str = "suite-callback-token";
const AES_KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const SITE_CORP: &str = "ww0000000000site01";
const MARKET_CORP: &str = "ww0000000000mark01";
const LIST_PATH: &str = "/cgi-bin/department/list";
const USER_PATH: &str = "/cgi-bin/user/get";

/// The suite's instruction callback: keeps the ticket, keeps the permanent code of a market
/// installation, forgets a cancelled one; records what it saw.
async fn start_bot(suite: Client) -> (Callback, Arc<Mutex<Vec<String>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let on_message = move |message: Message| {
        let (suite, log) = (suite.clone(), log.clone());
        async move {
            let Message::Suite(event) = message else {
                return;
            };
            log.lock().unwrap().push(event.info_type().to_owned());
            match &event {
                SuiteEvent::Ticket(t) => suite
                    .save_suite_ticket(&t.suite_id, t.suite_ticket.clone())
                    .await
                    .unwrap(),
                SuiteEvent::CreateAuth(_) => {
                    let code = event.auth_code().unwrap();
                    suite::get_permanent_code(&suite, code).await.unwrap();
                }
                other => {
                    forget_cancelled(&suite, other).await.unwrap();
                }
            }
        }
    };
    let callback = Callback::serve(
        Platform::WeCom,
        CALLBACK_TOKEN,
        AES_KEY,
        demo::SUITE_ID,
        on_message,
    )
    .await;
    (callback, seen)
}

fn suite_client(emu: &EmulatorHandle) -> Client {
    wechat_reqwest::suite(demo::SUITE_ID, demo::SUITE_SECRET)
        .api_base(emu.base_url())
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_suite_from_ticket_to_cancel_auth() {
    let emu = wechat_emulator::Emulator::start().await.unwrap();
    let suite = suite_client(&emu);
    let (bot, seen) = start_bot(suite.clone()).await;

    // No ticket yet: a clear error and no fetch.
    let err = suite.token().await.unwrap_err();
    assert!(err.to_string().contains("suite_ticket"), "{err}");
    assert_eq!(emu.token_fetches_of(demo::SUITE_ID, TokenKind::Suite), 0);

    // WeCom pushes the ticket, encrypted; the callback keeps it.
    let ticket_push = emu.suite_ticket_message(demo::SUITE_ID).unwrap();
    bot.push(&emu, ticket_push).await;
    let kept = suite
        .store()
        .load(&TokenFlow::suite_ticket_key(demo::SUITE_ID))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        Some(kept.value.expose().to_owned()),
        emu.suite_ticket(demo::SUITE_ID)
    );

    // A pre-auth code, set for a test installation, then the install page (as the corp's admin
    // confirms it).
    let pre = suite.call(&GetPreAuthCode {}).await.unwrap();
    assert_eq!(pre.expires_in, 1200);
    suite
        .call(&SetSessionInfo::test_install(pre.pre_auth_code.clone()))
        .await
        .unwrap();
    assert!(emu.set_installing_corp(demo::SUITE_ID, SITE_CORP));
    let page = install_url(
        suite.hosts(),
        demo::SUITE_ID,
        &pre.pre_auth_code,
        "https://suite.example.com/installed?from=site",
        "s1",
    );
    let Page::Redirect(location) = open(page.as_str()).await else {
        panic!("the page does not redirect")
    };
    assert!(
        location.starts_with("https://suite.example.com/installed?from=site&auth_code="),
        "{location}"
    );
    let redirect = InstallRedirect::parse(&location).unwrap();
    assert_eq!(redirect.expires_in, Some(600));
    assert_eq!(redirect.state.as_deref(), Some("s1"));
    // The pre-auth code worked once.
    let Page::Json(again) = open(page.as_str()).await else {
        panic!("a used code redirects again")
    };
    assert_eq!(again["errcode"], 40077, "{again}");

    // The code becomes the corp's permanent code, kept in the store.
    let grant = suite::get_permanent_code(&suite, &redirect.auth_code)
        .await
        .unwrap();
    assert_eq!(grant.auth_corp_info.corpid, SITE_CORP);
    assert_eq!(grant.state.as_deref(), Some("s1"));
    let code_key = TokenFlow::permanent_code_key(demo::SUITE_ID, SITE_CORP);
    let code = suite.store().load(&code_key).await.unwrap().unwrap().value;
    assert_eq!(code, grant.permanent_code);
    let err = suite::get_permanent_code(&suite, &redirect.auth_code)
        .await
        .unwrap_err();
    assert_eq!(api_error_number(&err), Some(40078), "codes work once");
    let info = suite
        .call(&GetAuthInfo {
            auth_corpid: SITE_CORP.into(),
            permanent_code: code,
        })
        .await
        .unwrap();
    assert_eq!(info.auth_corp_info.corpid, SITE_CORP);

    // The suite calls for the corp with WeCom's own endpoints, the corp token fetched once
    // from the permanent code.
    let corp = suite.suite_corp(SITE_CORP).unwrap();
    for _ in 0..3 {
        let list = corp.call(&ListDepartments::default()).await.unwrap();
        assert!(!list.department.is_empty());
    }
    let user = corp.call(&GetUser::new("zhangsan")).await.unwrap();
    assert!(!user.userid.is_empty());
    assert_eq!(emu.token_fetches_of(demo::SUITE_ID, TokenKind::Suite), 1);
    assert_eq!(emu.token_fetches_of(SITE_CORP, TokenKind::CorpOfSuite), 1);
    assert_eq!(emu.calls(LIST_PATH), 3);
    assert_eq!(emu.calls(USER_PATH), 1);

    // Another corp installs from WeCom's market: the `create_auth` push carries the code, and
    // the callback keeps the corp's permanent code.
    let created = emu
        .install_suite(demo::SUITE_ID, MARKET_CORP, "m1")
        .unwrap();
    bot.push(&emu, created).await;
    let market = suite.suite_corp(MARKET_CORP).unwrap();
    market.call(&ListDepartments::default()).await.unwrap();
    assert_eq!(emu.token_fetches_of(MARKET_CORP, TokenKind::CorpOfSuite), 1);

    // The first corp removes the suite: WeCom pushes `cancel_auth`, the callback clears the
    // corp's records, and calls for it fail at once, without a fetch.
    let cancelled = emu.cancel_suite(demo::SUITE_ID, SITE_CORP).unwrap();
    bot.push(&emu, cancelled).await;
    assert_eq!(
        *seen.lock().unwrap(),
        ["suite_ticket", "create_auth", "cancel_auth"]
    );
    for key in corp_keys(demo::SUITE_ID, SITE_CORP) {
        assert!(suite.store().load(&key).await.unwrap().is_none(), "{key}");
    }
    let calls_before = emu.calls(LIST_PATH);
    for _ in 0..3 {
        let err = corp.call(&ListDepartments::default()).await.unwrap_err();
        assert!(matches!(err, Error::Credential(_)), "{err:?}");
        assert!(err.to_string().contains("permanent_code"), "{err}");
    }
    assert_eq!(emu.calls(LIST_PATH), calls_before);
    assert_eq!(emu.token_fetches_of(SITE_CORP, TokenKind::CorpOfSuite), 1);
    // The other corp goes on, with its token; the suite token was fetched once in all.
    market.call(&ListDepartments::default()).await.unwrap();
    assert_eq!(emu.token_fetches_of(MARKET_CORP, TokenKind::CorpOfSuite), 1);
    assert_eq!(emu.token_fetches_of(demo::SUITE_ID, TokenKind::Suite), 1);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_permanent_code_is_a_clear_error_not_a_storm() {
    let emu = wechat_emulator::Emulator::start().await.unwrap();
    let suite = suite_client(&emu);
    let ticket = emu.suite_ticket(demo::SUITE_ID).unwrap();
    suite
        .save_suite_ticket(demo::SUITE_ID, ticket.into())
        .await
        .unwrap();
    suite::save_permanent_code(
        &suite,
        demo::SUITE_ID,
        demo::AUTH_CORPID,
        "permanent-code-stale".into(),
    )
    .await
    .unwrap();
    let corp = suite.suite_corp(demo::AUTH_CORPID).unwrap();
    for _ in 0..3 {
        let err = corp.call(&ListDepartments::default()).await.unwrap_err();
        assert_rejected(&err, "40084", "install the suite again", "stale");
    }
    // One fetch per call, never retried, and no business call without a token.
    assert_eq!(
        emu.token_fetches_of(demo::AUTH_CORPID, TokenKind::CorpOfSuite),
        3
    );
    assert_eq!(emu.calls(LIST_PATH), 0);
    assert_eq!(emu.token_fetches_of(demo::SUITE_ID, TokenKind::Suite), 1);
    // The right permanent code brings the corp back.
    suite::save_permanent_code(
        &suite,
        demo::SUITE_ID,
        demo::AUTH_CORPID,
        demo::PERMANENT_CODE.into(),
    )
    .await
    .unwrap();
    corp.call(&ListDepartments::default()).await.unwrap();
    assert_eq!(
        emu.token_fetches_of(demo::AUTH_CORPID, TokenKind::CorpOfSuite),
        4
    );
    emu.shutdown().await;
}
