//! The reqwest adapter against the WeChat API emulator: real HTTP on loopback.

use std::time::Duration;

use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_core::api::oa::menu::{Button, CreateMenu};
use wechat_core::{Error, Host, Method, RetryPolicy};
use wechat_emulator::{Emulator, EmulatorHandle, Fault, TokenKind, demo};
use wechat_reqwest::{Client, official_account, work};

const IP_PATH: &str = "/cgi-bin/get_api_domain_ip";

fn fast_retry() -> RetryPolicy {
    RetryPolicy {
        max_retries: 2,
        base_delay_ms: 5,
        max_delay_ms: 20,
    }
}

fn oa(emu: &EmulatorHandle) -> Client {
    official_account(demo::APPID, demo::SECRET)
        .api_base(emu.base_url())
        .retry(fast_retry())
        .build()
        .unwrap()
}

fn errcodes(emu: &EmulatorHandle, path: &str) -> Vec<Option<i64>> {
    emu.requests()
        .into_iter()
        .filter(|r| r.path == path)
        .map(|r| r.errcode)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_is_fetched_once_and_reused() {
    let emu = Emulator::start().await.unwrap();
    let client = oa(&emu);
    for _ in 0..3 {
        let ips = client.call(&GetApiDomainIp {}).await.unwrap();
        assert!(!ips.ip_list.is_empty());
    }
    client
        .call(&CreateMenu {
            button: vec![Button::click("Hi", "HI")],
        })
        .await
        .unwrap();
    assert_eq!(emu.token_fetches_of(demo::APPID, TokenKind::Stable), 1);
    assert_eq!(emu.calls(IP_PATH), 3);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rejected_token_is_refreshed_and_retried_once() {
    let emu = Emulator::start().await.unwrap();
    let client = oa(&emu);
    client.call(&GetApiDomainIp {}).await.unwrap();
    let first = client.token().await.unwrap();
    assert!(emu.reject_token(first.expose()));

    client.call(&GetApiDomainIp {}).await.unwrap();
    assert_eq!(emu.token_fetches(demo::APPID), 2);
    assert_eq!(errcodes(&emu, IP_PATH), [None, Some(40001), None]);
    let second = client.token().await.unwrap();
    assert_ne!(first, second);
    assert!(emu.is_token_valid(second.expose()));

    // The classic token and the untyped escape hatch recover the same way.
    let classic = official_account(demo::APPID, demo::SECRET)
        .api_base(emu.base_url())
        .classic_token()
        .build()
        .unwrap();
    let json = classic
        .call_json(Method::Get, Host::Api, "/cgi-bin/getcallbackip", &[], None)
        .await
        .unwrap();
    assert!(json["ip_list"].is_array());
    let t = classic.token().await.unwrap();
    emu.reject_token(t.expose());
    classic
        .call_json(Method::Get, Host::Api, "/cgi-bin/getcallbackip", &[], None)
        .await
        .unwrap();
    assert_eq!(emu.token_fetches_of(demo::APPID, TokenKind::Classic), 2);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_rejected_twice_is_not_retried_forever() {
    let emu = Emulator::start().await.unwrap();
    let client = oa(&emu);
    emu.inject(Fault::errcode(40001, "invalid credential").on_path(IP_PATH));
    let err = client.call(&GetApiDomainIp {}).await.unwrap_err();
    assert_eq!(err.code().and_then(|c| c.number()), Some(40001));
    assert_eq!(emu.calls(IP_PATH), 2);
    assert_eq!(emu.token_fetches(demo::APPID), 2);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quota_exceeded_is_reported_once_and_never_retried() {
    let emu = Emulator::start().await.unwrap();
    let client = oa(&emu);
    emu.inject(Fault::quota_exceeded().on_path(IP_PATH));
    let err = client.call(&GetApiDomainIp {}).await.unwrap_err();
    assert_eq!(err.code().and_then(|c| c.number()), Some(45009));
    assert!(err.to_string().contains("45009"), "{err}");
    assert_eq!(emu.calls(IP_PATH), 1);
    assert_eq!(emu.token_fetches(demo::APPID), 1);
    // 40164 and 89503 are never retried either.
    emu.clear_faults();
    for code in [40164, 89503] {
        emu.reset_stats();
        emu.inject(Fault::errcode(code, "no").on_path(IP_PATH));
        let err = client.call(&GetApiDomainIp {}).await.unwrap_err();
        assert_eq!(err.code().and_then(|c| c.number()), Some(code));
        assert_eq!(emu.calls(IP_PATH), 1);
        emu.clear_faults();
    }
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transient_failures_are_retried_a_bounded_number_of_times() {
    let emu = Emulator::start().await.unwrap();
    let client = oa(&emu);
    client.token().await.unwrap();

    // -1 twice, then success: 3 calls.
    emu.inject(Fault::system_busy().on_path(IP_PATH).times(2));
    client.call(&GetApiDomainIp {}).await.unwrap();
    assert_eq!(emu.calls(IP_PATH), 3);

    // HTTP 502 for ever: 1 call + 2 retries, then the error.
    emu.reset_stats();
    emu.inject(Fault::http_status(502).on_path(IP_PATH).always());
    let err = client.call(&GetApiDomainIp {}).await.unwrap_err();
    assert!(matches!(err, Error::Status { status: 502, .. }), "{err:?}");
    assert_eq!(emu.calls(IP_PATH), 3);
    emu.clear_faults();

    // -1 for ever: bounded too.
    emu.reset_stats();
    emu.inject(Fault::system_busy().on_path(IP_PATH).always());
    let err = client.call(&GetApiDomainIp {}).await.unwrap_err();
    assert_eq!(err.code().and_then(|c| c.number()), Some(-1));
    assert_eq!(emu.calls(IP_PATH), 3);
    emu.clear_faults();

    // An untyped POST may not be safe to repeat: never retried.
    emu.reset_stats();
    emu.inject(Fault::system_busy().on_path("/cgi-bin/message/custom/send"));
    let body = serde_json::json!({"touser": "o1", "msgtype": "text", "text": {"content": "hi"}});
    let err = client
        .call_json(
            Method::Post,
            Host::Api,
            "/cgi-bin/message/custom/send",
            &[],
            Some(&body),
        )
        .await
        .unwrap_err();
    assert_eq!(err.code().and_then(|c| c.number()), Some(-1));
    assert_eq!(emu.calls("/cgi-bin/message/custom/send"), 1);

    // Malformed JSON is a decode error, not a panic.
    emu.inject(Fault::malformed_json().on_path(IP_PATH));
    let err = client.call(&GetApiDomainIp {}).await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wecom_apps_of_one_corp_have_their_own_tokens() {
    let emu = Emulator::builder()
        .corp_agent(demo::CORPID, "second-app-secret", 1_000_003)
        .start()
        .await
        .unwrap();
    let http = wechat_reqwest::ReqwestClient::new().unwrap();
    let first = work(demo::CORPID, demo::AGENTID.to_string(), demo::CORPSECRET)
        .api_base(emu.base_url())
        .http_client(http.clone())
        .build()
        .unwrap();
    let second = work(demo::CORPID, "1000003", "second-app-secret")
        .api_base(emu.base_url())
        .http_client(http)
        .build()
        .unwrap();
    for client in [&first, &second] {
        for _ in 0..2 {
            let json = client
                .call_json(
                    Method::Get,
                    Host::Work,
                    "/cgi-bin/agent/get",
                    &[("agentid", "1000002")],
                    None,
                )
                .await
                .unwrap();
            assert_eq!(json["errcode"], 0);
        }
    }
    assert_ne!(first.token().await.unwrap(), second.token().await.unwrap());
    let a = format!("{}/{}", demo::CORPID, demo::AGENTID);
    let b = format!("{}/1000003", demo::CORPID);
    assert_eq!(emu.token_fetches_of(&a, TokenKind::Corp), 1);
    assert_eq!(emu.token_fetches_of(&b, TokenKind::Corp), 1);

    // The corp JS-SDK ticket rides on the corp token, fetched once.
    let config = first
        .jssdk_config("https://example.com/page#x")
        .await
        .unwrap();
    assert_eq!(config.app_id, demo::CORPID);
    assert_eq!(config.signature.len(), 40);
    first
        .jssdk_config("https://example.com/other")
        .await
        .unwrap();
    assert_eq!(emu.token_fetches_of(&a, TokenKind::CorpJsapiTicket), 1);

    // A wrong secret is WeCom's 40001 on gettoken, reported, not looped on.
    let wrong = work(demo::CORPID, "1000009", "wrong-secret")
        .api_base(emu.base_url())
        .build()
        .unwrap();
    let err = wrong.token().await.unwrap_err();
    assert_eq!(err.code().and_then(|c| c.number()), Some(40001));
    assert!(!err.to_string().contains("wrong-secret"));
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn component_and_authorizer_tokens() {
    let emu = Emulator::start().await.unwrap();
    let platform = wechat_reqwest::component(demo::COMPONENT_APPID, demo::COMPONENT_SECRET)
        .api_base(emu.base_url())
        .build()
        .unwrap();
    // No ticket pushed yet: a clear error, no fetch.
    let err = platform.token().await.unwrap_err();
    assert!(err.to_string().contains("component_verify_ticket"), "{err}");
    let ticket = emu.component_verify_ticket(demo::COMPONENT_APPID).unwrap();
    platform
        .save_component_verify_ticket(demo::COMPONENT_APPID, ticket.into())
        .await
        .unwrap();
    platform
        .save_authorizer_refresh_token(
            demo::COMPONENT_APPID,
            demo::AUTHORIZER_APPID,
            demo::AUTHORIZER_REFRESH_TOKEN.into(),
        )
        .await
        .unwrap();
    use wechat_reqwest::FlowExt;
    let account = platform.authorizer(demo::AUTHORIZER_APPID).unwrap();
    let ips = account.call(&GetApiDomainIp {}).await.unwrap();
    assert!(!ips.ip_list.is_empty());
    account.call(&GetApiDomainIp {}).await.unwrap();
    assert_eq!(
        emu.token_fetches_of(demo::COMPONENT_APPID, TokenKind::Component),
        1
    );
    assert_eq!(emu.stats().token_fetches_by_kind(TokenKind::Authorizer), 1);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transport_errors_carry_no_url_and_no_secret() {
    // A port nobody listens on.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let client = official_account(demo::APPID, "transport-secret-value")
        .api_base(&format!("http://127.0.0.1:{port}"))
        .classic_token()
        .retry(RetryPolicy {
            max_retries: 0,
            ..fast_retry()
        })
        .build()
        .unwrap();
    let err = client.token().await.unwrap_err();
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    for text in [err.to_string(), format!("{err:?}")] {
        assert!(!text.contains("transport-secret-value"), "{text}");
        assert!(!text.contains("/cgi-bin/token"), "{text}");
        assert!(!text.contains(&port.to_string()), "{text}");
    }

    // A slow answer past the timeout is a transport error too.
    let emu = Emulator::start().await.unwrap();
    emu.inject(Fault::delay(Duration::from_millis(800)).on_path("/cgi-bin/stable_token"));
    let client = official_account(demo::APPID, demo::SECRET)
        .api_base(emu.base_url())
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let err = client.token().await.unwrap_err();
    assert_eq!(err.to_string(), "transport: timed out");
    emu.shutdown().await;
}
