//! Table tests of the credential flows, fed by hand with a manual clock.

use super::*;
use crate::endpoint::AuthScheme;

const NOW: u64 = 1_700_000_000_000;

fn hosts() -> Hosts {
    Hosts::default()
}

fn stable() -> TokenFlow {
    TokenFlow::Stable {
        appid: "wxapp".into(),
        secret: Secret::new("APPSECRET"),
    }
}

fn component() -> ComponentApp {
    ComponentApp {
        appid: "wxcomp".into(),
        secret: Secret::new("COMPSECRET"),
    }
}

fn ok(body: &str) -> Result<http::Response<Vec<u8>>> {
    Ok(http::Response::new(body.as_bytes().to_vec()))
}

fn token(value: &str, expires_at_ms: u64) -> StoredToken {
    StoredToken {
        value: Secret::new(value),
        expires_at_ms,
    }
}

/// Takes the lease; the flow looks at the store once more and finds nothing fresh.
fn leased(m: &mut Acquire<'_>) -> Action {
    match m.step(NOW, Input::Leased(Ok(true))) {
        Action::Load { key } => assert_eq!(key, m.key()),
        a => panic!("expected a second look after the lease, got {a:?}"),
    }
    m.step(NOW, Input::Loaded(Ok(None)))
}

#[test]
fn a_token_stored_while_leasing_is_used_without_a_fetch() {
    // Another process stored a fresh token between our first look and our lease.
    let flow = stable();
    let hosts = hosts();
    let mut m = Acquire::new(&flow, &hosts, Policy::default(), "me".into());
    let _ = m.step(NOW, Input::Start);
    let Action::TryLease { .. } = m.step(NOW, Input::Loaded(Ok(None))) else {
        panic!()
    };
    let Action::Load { .. } = m.step(NOW, Input::Leased(Ok(true))) else {
        panic!()
    };
    let fresh = token("FRESH", NOW + 7_200_000);
    let Action::Release { key, holder } = m.step(NOW, Input::Loaded(Ok(Some(fresh.clone()))))
    else {
        panic!()
    };
    assert_eq!(
        (key.as_str(), holder.as_str()),
        ("wechat:app:wxapp:stable_token:lease", "me")
    );
    match m.step(NOW, Input::Released) {
        Action::Done(Ok(t)) => assert_eq!(t, fresh),
        a => panic!("{a:?}"),
    }
}

#[test]
fn fresh_stored_token_is_served_without_a_fetch() {
    let flow = stable();
    let hosts = hosts();
    let mut m = Acquire::new(&flow, &hosts, Policy::default(), "me".into());
    let Action::Load { key } = m.step(NOW, Input::Start) else {
        panic!()
    };
    assert_eq!(key, "wechat:app:wxapp:stable_token");
    let stored = token("T1", NOW + 3_600_000);
    match m.step(NOW, Input::Loaded(Ok(Some(stored.clone())))) {
        Action::Done(Ok(t)) => assert_eq!(t, stored),
        a => panic!("{a:?}"),
    }
}

#[test]
fn token_inside_the_margin_is_refreshed_under_a_lease() {
    let flow = stable();
    let hosts = hosts();
    let policy = Policy::default();
    let mut m = Acquire::new(&flow, &hosts, policy, "me".into());
    let _ = m.step(NOW, Input::Start);
    // Expires in 4 minutes: inside the 5-minute margin.
    let near = token("OLD", NOW + 4 * 60_000);
    let Action::TryLease {
        key,
        holder,
        ttl_ms,
    } = m.step(NOW, Input::Loaded(Ok(Some(near))))
    else {
        panic!()
    };
    assert_eq!(key, "wechat:app:wxapp:stable_token:lease");
    assert_eq!((holder.as_str(), ttl_ms), ("me", policy.lease_ttl_ms));
    let Action::Fetch(req) = leased(&mut m) else {
        panic!()
    };
    assert_eq!(req.method(), http::Method::POST);
    assert_eq!(req.uri(), "https://api.weixin.qq.com/cgi-bin/stable_token");
    let body: serde_json::Value = serde_json::from_slice(req.body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"grant_type":"client_credential","appid":"wxapp","secret":"APPSECRET","force_refresh":false})
    );
    let Action::Save {
        key,
        token: t,
        ttl_ms,
    } = m.step(
        NOW + 10,
        Input::Fetched(ok(r#"{"access_token":"NEW","expires_in":7200}"#)),
    )
    else {
        panic!()
    };
    assert_eq!(key, "wechat:app:wxapp:stable_token");
    assert_eq!(t.value.expose(), "NEW");
    assert_eq!(t.expires_at_ms, NOW + 10 + 7_200_000);
    assert_eq!(ttl_ms, Some(7_200_000));
    let Action::Release { key, holder } = m.step(NOW + 11, Input::Saved(Ok(()))) else {
        panic!()
    };
    assert_eq!(
        (key.as_str(), holder.as_str()),
        ("wechat:app:wxapp:stable_token:lease", "me")
    );
    match m.step(NOW + 12, Input::Released) {
        Action::Done(Ok(t)) => assert_eq!(t.value.expose(), "NEW"),
        a => panic!("{a:?}"),
    }
}

#[test]
fn lease_taken_means_wait_and_read_again() {
    let flow = stable();
    let hosts = hosts();
    let policy = Policy::default();
    let mut m = Acquire::new(&flow, &hosts, policy, "me".into());
    let _ = m.step(NOW, Input::Start);
    let _ = m.step(NOW, Input::Loaded(Ok(None)));
    let Action::WaitUntil(t) = m.step(NOW, Input::Leased(Ok(false))) else {
        panic!()
    };
    assert_eq!(t, NOW + policy.poll_ms);
    let Action::Load { .. } = m.step(t, Input::Waited) else {
        panic!()
    };
    // The other caller has stored it meanwhile.
    let fresh = token("THEIRS", NOW + 7_200_000);
    match m.step(t, Input::Loaded(Ok(Some(fresh)))) {
        Action::Done(Ok(tok)) => assert_eq!(tok.value.expose(), "THEIRS"),
        a => panic!("{a:?}"),
    }
}

#[test]
fn waiting_is_bounded() {
    let flow = stable();
    let hosts = hosts();
    let policy = Policy::default();
    let mut m = Acquire::new(&flow, &hosts, policy, "me".into());
    let _ = m.step(NOW, Input::Start);
    let mut now = NOW;
    let mut input = Input::Loaded(Ok(None));
    for _ in 0..10_000 {
        match m.step(now, input) {
            Action::TryLease { .. } => input = Input::Leased(Ok(false)),
            Action::WaitUntil(t) => {
                now = t;
                input = Input::Waited;
            }
            Action::Load { .. } => input = Input::Loaded(Ok(None)),
            Action::Done(r) => {
                assert!(matches!(r, Err(Error::Credential(_))));
                assert!(now >= NOW + policy.max_wait_ms);
                return;
            }
            a => panic!("{a:?}"),
        }
    }
    panic!("never gave up");
}

#[test]
fn broken_store_is_a_miss_and_the_fetch_goes_on_without_a_lease() {
    let flow = stable();
    let hosts = hosts();
    let mut m = Acquire::new(&flow, &hosts, Policy::default(), "me".into());
    let _ = m.step(NOW, Input::Start);
    let down = || StoreError("connection refused".into());
    let Action::TryLease { .. } = m.step(NOW, Input::Loaded(Err(down()))) else {
        panic!()
    };
    let Action::Fetch(_) = m.step(NOW, Input::Leased(Err(down()))) else {
        panic!()
    };
    let Action::Save { .. } = m.step(
        NOW,
        Input::Fetched(ok(r#"{"access_token":"T","expires_in":7200}"#)),
    ) else {
        panic!()
    };
    // No lease held: no release, straight to done even though the save failed.
    match m.step(NOW, Input::Saved(Err(down()))) {
        Action::Done(Ok(t)) => assert_eq!(t.value.expose(), "T"),
        a => panic!("{a:?}"),
    }
}

#[test]
fn fetch_error_releases_the_lease_and_keeps_the_secret_out() {
    let flow = stable();
    let hosts = hosts();
    let mut m = Acquire::new(&flow, &hosts, Policy::default(), "me".into());
    let _ = m.step(NOW, Input::Start);
    let _ = m.step(NOW, Input::Loaded(Ok(None)));
    let _ = leased(&mut m);
    let Action::Release { .. } = m.step(
        NOW,
        Input::Fetched(ok(r#"{"errcode":40125,"errmsg":"invalid appsecret"}"#)),
    ) else {
        panic!()
    };
    match m.step(NOW, Input::Released) {
        Action::Done(Err(e)) => {
            assert_eq!(e.code(), Some(crate::ErrCode::Number(40125)));
            assert!(!format!("{e} {e:?}").contains("APPSECRET"));
        }
        a => panic!("{a:?}"),
    }
}

#[test]
fn classic_and_work_requests() {
    let hosts = hosts();
    let classic = TokenFlow::Classic {
        appid: "wxapp".into(),
        secret: Secret::new("S"),
    };
    let req = classic.fetch_request(&hosts, &[]).unwrap();
    assert_eq!(req.method(), http::Method::GET);
    assert_eq!(
        req.uri(),
        "https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=wxapp&secret=S"
    );
    assert_eq!(classic.key(), "wechat:app:wxapp:access_token");

    let a = TokenFlow::Work {
        corpid: "ww1".into(),
        agent: "1000002".into(),
        secret: Secret::new("S1"),
    };
    let b = TokenFlow::Work {
        corpid: "ww1".into(),
        agent: "contacts".into(),
        secret: Secret::new("S2"),
    };
    assert_ne!(a.key(), b.key(), "one token per app secret");
    assert!(!a.key().contains("S1"));
    assert_eq!(
        a.fetch_request(&hosts, &[]).unwrap().uri(),
        "https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1&corpsecret=S1"
    );
}

#[test]
fn tickets_depend_on_their_token() {
    let hosts = hosts();
    let flow = stable().ticket(TicketKind::Jsapi).unwrap();
    assert_eq!(flow.key(), "wechat:app:wxapp:stable_token:ticket:jsapi");
    assert_eq!(flow.needs(), vec![Need::Token(stable())]);
    let mut m = Acquire::new(&flow, &hosts, Policy::default(), "me".into());
    let _ = m.step(NOW, Input::Start);
    let _ = m.step(NOW, Input::Loaded(Ok(None)));
    let Action::Token(parent) = leased(&mut m) else {
        panic!()
    };
    assert_eq!(parent, stable());
    let Action::Fetch(req) = m.step(NOW, Input::Token(Ok(Secret::new("AT")))) else {
        panic!()
    };
    assert_eq!(
        req.uri(),
        "https://api.weixin.qq.com/cgi-bin/ticket/getticket?access_token=AT&type=jsapi"
    );
    let Action::Save { token, .. } = m.step(
        NOW,
        Input::Fetched(ok(
            r#"{"errcode":0,"errmsg":"ok","ticket":"TICKET","expires_in":7200}"#,
        )),
    ) else {
        panic!()
    };
    assert_eq!(token.value.expose(), "TICKET");

    let work = TokenFlow::Work {
        corpid: "ww1".into(),
        agent: "1000002".into(),
        secret: Secret::new("S"),
    };
    assert!(work.ticket(TicketKind::Jsapi).is_none());
    let agent = work.ticket(TicketKind::WorkAgent).unwrap();
    let req = agent.fetch_request(&hosts, &[Secret::new("WT")]).unwrap();
    assert_eq!(
        req.uri(),
        "https://qyapi.weixin.qq.com/cgi-bin/ticket/get?access_token=WT&type=agent_config"
    );
    let corp = work.ticket(TicketKind::WorkCorp).unwrap();
    assert_eq!(
        corp.fetch_request(&hosts, &[Secret::new("WT")])
            .unwrap()
            .uri(),
        "https://qyapi.weixin.qq.com/cgi-bin/get_jsapi_ticket?access_token=WT"
    );
}

#[test]
fn component_token_needs_the_pushed_ticket() {
    let hosts = hosts();
    let flow = TokenFlow::Component(component());
    let mut m = Acquire::new(&flow, &hosts, Policy::default(), "me".into());
    let _ = m.step(NOW, Input::Start);
    let _ = m.step(NOW, Input::Loaded(Ok(None)));
    let Action::Load { key } = leased(&mut m) else {
        panic!()
    };
    assert_eq!(key, "wechat:open:wxcomp:component_verify_ticket");
    // Not pushed yet: a clear error, and the lease is freed.
    let Action::Release { .. } = m.step(NOW, Input::Loaded(Ok(None))) else {
        panic!()
    };
    match m.step(NOW, Input::Released) {
        Action::Done(Err(Error::Credential(msg))) => {
            assert!(msg.contains("component_verify_ticket"))
        }
        a => panic!("{a:?}"),
    }

    let mut m = Acquire::new(&flow, &hosts, Policy::default(), "me".into());
    let _ = m.step(NOW, Input::Start);
    let _ = m.step(NOW, Input::Loaded(Ok(None)));
    let _ = leased(&mut m);
    let ticket = StoredToken::new(
        Secret::new("ticket@@@x"),
        NOW,
        ticket_lifetime::COMPONENT_VERIFY_TICKET_S,
    );
    let Action::Fetch(req) = m.step(NOW, Input::Loaded(Ok(Some(ticket)))) else {
        panic!()
    };
    let body: serde_json::Value = serde_json::from_slice(req.body()).unwrap();
    assert_eq!(body["component_verify_ticket"], "ticket@@@x");
    assert_eq!(body["component_appsecret"], "COMPSECRET");
}

#[test]
fn authorizer_token_refreshes_from_the_stored_refresh_token_and_keeps_the_new_one() {
    let hosts = hosts();
    let flow = TokenFlow::Authorizer {
        component: component(),
        appid: "wxauth".into(),
    };
    assert_eq!(
        flow.key(),
        "wechat:open:wxcomp:authorizer:wxauth:access_token"
    );
    let mut m = Acquire::new(&flow, &hosts, Policy::default(), "me".into());
    let _ = m.step(NOW, Input::Start);
    let _ = m.step(NOW, Input::Loaded(Ok(None)));
    let Action::Token(TokenFlow::Component(_)) = leased(&mut m) else {
        panic!()
    };
    let Action::Load { key } = m.step(NOW, Input::Token(Ok(Secret::new("CAT")))) else {
        panic!()
    };
    assert_eq!(key, "wechat:open:wxcomp:authorizer:wxauth:refresh_token");
    let refresh = StoredToken {
        value: Secret::new("REFRESH1"),
        expires_at_ms: u64::MAX,
    };
    let Action::Fetch(req) = m.step(NOW, Input::Loaded(Ok(Some(refresh)))) else {
        panic!()
    };
    assert_eq!(
        req.uri(),
        "https://api.weixin.qq.com/cgi-bin/component/api_authorizer_token?component_access_token=CAT"
    );
    let body = r#"{"authorizer_access_token":"AAT","expires_in":7200,"authorizer_refresh_token":"REFRESH2"}"#;
    let Action::Save { key, token, ttl_ms } = m.step(NOW, Input::Fetched(ok(body))) else {
        panic!()
    };
    assert_eq!(key, "wechat:open:wxcomp:authorizer:wxauth:refresh_token");
    assert_eq!((token.value.expose(), ttl_ms), ("REFRESH2", None));
    let Action::Save { key, token, .. } = m.step(NOW, Input::Saved(Ok(()))) else {
        panic!()
    };
    assert_eq!(
        (key.as_str(), token.value.expose()),
        (flow.key().as_str(), "AAT")
    );
}

#[test]
fn suite_provider_and_corp_of_suite() {
    let hosts = hosts();
    let suite = SuiteApp {
        suite_id: "ww_suite".into(),
        secret: Secret::new("SS"),
    };
    let s = TokenFlow::Suite(suite.clone());
    let req = s
        .fetch_request(&hosts, &[Secret::new("SUITE_TICKET")])
        .unwrap();
    assert_eq!(
        req.uri(),
        "https://qyapi.weixin.qq.com/cgi-bin/service/get_suite_token"
    );
    let body: serde_json::Value = serde_json::from_slice(req.body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"suite_id":"ww_suite","suite_secret":"SS","suite_ticket":"SUITE_TICKET"})
    );
    assert_eq!(
        s.needs(),
        vec![Need::Stored {
            key: "wechat:suite:ww_suite:suite_ticket".into(),
            what: "suite_ticket"
        }]
    );

    let corp = TokenFlow::SuiteCorp {
        suite,
        corpid: "wwcorp".into(),
    };
    assert_eq!(
        corp.needs()[1],
        Need::Stored {
            key: "wechat:suite:ww_suite:corp:wwcorp:permanent_code".into(),
            what: "permanent_code"
        }
    );
    let req = corp
        .fetch_request(&hosts, &[Secret::new("SAT"), Secret::new("PC")])
        .unwrap();
    assert_eq!(
        req.uri(),
        "https://qyapi.weixin.qq.com/cgi-bin/service/get_corp_token?suite_access_token=SAT"
    );
    let body: serde_json::Value = serde_json::from_slice(req.body()).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"auth_corpid":"wwcorp","permanent_code":"PC"})
    );
    // A permanent code WeCom no longer honours: a credential error that says what to do.
    let rejected = corp
        .parse_fetch(
            &ok(r#"{"errcode":40084,"errmsg":"invalid permanent_code"}"#).unwrap(),
            NOW,
        )
        .unwrap_err();
    assert!(matches!(rejected, Error::Credential(_)), "{rejected:?}");
    assert!(rejected.to_string().contains("install the suite again"));
    let (t, _) = corp
        .parse_fetch(
            &ok(r#"{"access_token":"CT","expires_in":7200}"#).unwrap(),
            NOW,
        )
        .unwrap();
    assert_eq!(t.value.expose(), "CT");
    assert_eq!(corp.for_scheme(AuthScheme::SuiteAccessToken), Some(s));

    let p = TokenFlow::Provider {
        corpid: "wwprov".into(),
        secret: Secret::new("PS"),
    };
    let (t, _) = p
        .parse_fetch(
            &ok(r#"{"provider_access_token":"PT","expires_in":7200}"#).unwrap(),
            NOW,
        )
        .unwrap();
    assert_eq!(t.value.expose(), "PT");
    assert_eq!(p.for_scheme(AuthScheme::AccessToken), None);
}

#[test]
fn keys_never_hold_secrets() {
    let flows = [
        stable(),
        TokenFlow::Classic {
            appid: "a".into(),
            secret: Secret::new("SECRETVALUE"),
        },
        TokenFlow::Component(ComponentApp {
            appid: "c".into(),
            secret: Secret::new("SECRETVALUE"),
        }),
        TokenFlow::SuiteCorp {
            suite: SuiteApp {
                suite_id: "s".into(),
                secret: Secret::new("SECRETVALUE"),
            },
            corpid: "c".into(),
        },
    ];
    for f in flows {
        assert!(!f.key().contains("SECRETVALUE"));
        assert!(!format!("{f:?}").contains("SECRETVALUE"));
    }
}

#[test]
fn store_keys_read_back() {
    use super::keys::{StoreKey, parse};
    let component = ComponentApp {
        appid: "wxC".into(),
        secret: Secret::new("S"),
    };
    let suite = SuiteApp {
        suite_id: "wwS".into(),
        secret: Secret::new("S"),
    };
    let flows = [
        TokenFlow::Stable {
            appid: "wx1".into(),
            secret: Secret::new("S"),
        },
        TokenFlow::Classic {
            appid: "wx1".into(),
            secret: Secret::new("S"),
        },
        TokenFlow::Work {
            corpid: "ww1".into(),
            agent: "1000002".into(),
            secret: Secret::new("S"),
        },
        TokenFlow::Component(component.clone()),
        TokenFlow::Authorizer {
            component: component.clone(),
            appid: "wxA".into(),
        },
        TokenFlow::Suite(suite.clone()),
        TokenFlow::Provider {
            corpid: "wwP".into(),
            secret: Secret::new("S"),
        },
        TokenFlow::SuiteCorp {
            suite,
            corpid: "wwC".into(),
        },
    ];
    for flow in flows {
        let key = flow.key();
        let parsed = parse(&key).unwrap_or_else(|| panic!("{key}"));
        assert_eq!(parsed.to_string(), key);
        for kind in [
            TicketKind::Jsapi,
            TicketKind::WxCard,
            TicketKind::WorkCorp,
            TicketKind::WorkAgent,
        ] {
            if let Some(ticket) = flow.ticket(kind) {
                let tk = ticket.key();
                assert_eq!(
                    parse(&tk),
                    Some(StoreKey::Ticket {
                        of: &key,
                        kind: tk.rsplit(':').next().unwrap()
                    })
                );
            }
        }
    }
    assert_eq!(
        parse("wechat:open:wxC:authorizer:wxA:access_token"),
        Some(StoreKey::Authorizer {
            component_appid: "wxC",
            appid: "wxA"
        })
    );
    for key in [
        TokenFlow::component_verify_ticket_key("wxC"),
        TokenFlow::authorizer_refresh_token_key("wxC", "wxA"),
        TokenFlow::suite_ticket_key("wwS"),
        "wechat:app:wx1:stable_token:lease".to_owned(),
    ] {
        assert_eq!(parse(&key).map(|k| k.to_string()), Some(key));
    }
    for junk in [
        "",
        "wechat",
        "wechat:app:wx1",
        "other:app:wx1:stable_token",
        "x:ticket:jsapi",
    ] {
        assert_eq!(parse(junk), None, "{junk}");
    }
}

#[test]
fn a_key_is_owned_by_its_flow_its_tickets_and_a_platforms_accounts() {
    let suite = SuiteApp {
        suite_id: "wwsuite".into(),
        secret: Secret::new("SUITESECRET"),
    };
    let flows = [
        stable(),
        TokenFlow::Component(component()),
        TokenFlow::Suite(suite.clone()),
    ];
    let authorizer = TokenFlow::Authorizer {
        component: component(),
        appid: "wxauthorizer".into(),
    };
    let corp = TokenFlow::SuiteCorp {
        suite: suite.clone(),
        corpid: "wwcorp".into(),
    };
    let jsapi_of_authorizer = authorizer.ticket(TicketKind::Jsapi).unwrap();
    let corp_ticket = corp.ticket(TicketKind::WorkCorp).unwrap();
    for flow in [
        stable(),
        stable().ticket(TicketKind::Jsapi).unwrap(),
        TokenFlow::Component(component()),
        TokenFlow::Suite(suite.clone()),
        authorizer,
        jsapi_of_authorizer,
        corp,
        corp_ticket,
    ] {
        assert_eq!(TokenFlow::owning(&flows, &flow.key()), Some(flow));
    }
    // Another platform's accounts, and keys of flows not served, are nobody's.
    let strangers = [
        TokenFlow::Authorizer {
            component: ComponentApp {
                appid: "wxother".into(),
                secret: Secret::new("X"),
            },
            appid: "wxauthorizer".into(),
        },
        TokenFlow::SuiteCorp {
            suite: SuiteApp {
                suite_id: "wwother".into(),
                secret: Secret::new("X"),
            },
            corpid: "wwcorp".into(),
        },
        TokenFlow::Classic {
            appid: "wxapp".into(),
            secret: Secret::new("APPSECRET"),
        },
    ];
    for flow in strangers {
        assert_eq!(
            TokenFlow::owning(&flows, &flow.key()),
            None,
            "{}",
            flow.key()
        );
    }
    assert_eq!(TokenFlow::owning(&flows, "not a key"), None);
}
