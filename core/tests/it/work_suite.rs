//! WeCom third-party suites: pre-auth codes, the install page and its redirect, permanent codes
//! kept in the store, corps' tokens refreshed from them, and what a `cancel_auth` push clears.

use std::sync::Arc;

use futures::executor::block_on;
use serde_json::json;
use wechat_core::api::work::department::ListDepartments;
use wechat_core::api::work::suite::*;
use wechat_core::callback::{Message, SuiteEvent};
use wechat_core::client::TokenStore;
use wechat_core::token::SuiteApp;
use wechat_core::{Client, Error, Hosts, MemoryStore, Secret, StoredToken, TokenFlow};

use crate::common::*;

const WORK: &str = "https://qyapi.weixin.qq.com";

fn suite_url(path: &str) -> String {
    format!("{WORK}{path}?suite_access_token=ACCESS_TOKEN")
}

#[test]
fn suite_endpoints() {
    assert_get(
        &GetPreAuthCode {},
        &suite_url("/cgi-bin/service/get_pre_auth_code"),
    );
    let pre = parse::<GetPreAuthCode>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/service/get_pre_auth_code"
    ));
    assert_eq!(
        pre.pre_auth_code.expose(),
        "Cx_Dk6qiBE0Dmx4EmlT3oRfArPvwSQ-oa3NL_fwHM7VI08r52wazoZX2Rhpz1dEw"
    );
    assert_eq!(pre.expires_in, 1200);
    assert!(
        !format!("{pre:?}").contains("Cx_Dk6"),
        "the code is redacted"
    );

    assert_post_json(
        &SetSessionInfo::test_install(Secret::new("xxxxx")),
        &suite_url("/cgi-bin/service/set_session_info"),
        json!({"pre_auth_code": "xxxxx", "session_info": {"auth_type": 1}}),
    );
    assert_post_json(
        &SetSessionInfo {
            pre_auth_code: Secret::new("xxxxx"),
            session_info: SessionInfo {
                appid: vec![1, 2, 3],
                auth_type: 0,
            },
        },
        &suite_url("/cgi-bin/service/set_session_info"),
        json!({"pre_auth_code": "xxxxx", "session_info": {"appid": [1, 2, 3], "auth_type": 0}}),
    );
    parse::<SetSessionInfo>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/service/set_session_info"
    ));

    assert_post_json(
        &GetPermanentCode {
            auth_code: "auth_code_value".into(),
        },
        &suite_url("/cgi-bin/service/get_permanent_code"),
        json!({"auth_code": "auth_code_value"}),
    );
    let p = parse::<GetPermanentCode>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/service/get_permanent_code"
    ));
    assert_eq!(p.permanent_code.expose(), "xxxx");
    assert_eq!(p.expires_in, Some(7200));
    assert_eq!(p.auth_corp_info.corp_user_max, Some(50));
    assert_eq!(p.dealer_corp_info.as_ref().unwrap().corp_name, "name");
    let agents = &p.auth_info.as_ref().unwrap().agent;
    assert_eq!(agents.len(), 2);
    assert_eq!(agents[0].privilege.as_ref().unwrap().extra_user, ["wangwu"]);
    assert_eq!(agents[1].shared_from.as_ref().unwrap().share_type, 0);
    assert_eq!(p.auth_user_info.unwrap().open_userid, "xxxxxx");
    assert_eq!(p.register_code_info.unwrap().template_id, "tpl111");
    assert_eq!(p.state.as_deref(), Some("state001"));
    assert_errcode::<GetPermanentCode>(r#"{"errcode":40078,"errmsg":"invalid auth_code"}"#, 40078);

    assert_post_json(
        &GetPermanentCodeV2 {
            auth_code: "auth_code_value".into(),
        },
        &suite_url("/cgi-bin/service/v2/get_permanent_code"),
        json!({"auth_code": "auth_code_value"}),
    );
    let v2 = parse::<GetPermanentCodeV2>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/service/v2/get_permanent_code"
    ));
    assert_eq!(v2.permanent_code.expose(), "xxxx");
    assert_eq!(v2.access_token, None);
    assert_eq!(v2.auth_info, None);

    assert_post_json(
        &GetAuthInfo {
            auth_corpid: "auth_corpid_value".into(),
            permanent_code: Secret::new("code_value"),
        },
        &suite_url("/cgi-bin/service/get_auth_info"),
        json!({"auth_corpid": "auth_corpid_value", "permanent_code": "code_value"}),
    );
    let info = parse::<GetAuthInfo>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/service/get_auth_info"
    ));
    assert_eq!(
        info.auth_corp_info.corp_full_name.as_deref(),
        Some("full_name")
    );
    assert_eq!(info.auth_info.agent[0].agentid, 1);

    assert_post_json(
        &GetAdminList {
            auth_corpid: "auth_corpid_value".into(),
            agentid: 1000046,
        },
        &suite_url("/cgi-bin/service/get_admin_list"),
        json!({"auth_corpid": "auth_corpid_value", "agentid": 1000046}),
    );
    let admins = parse::<GetAdminList>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/service/get_admin_list"
    ));
    assert_eq!(admins.admin.len(), 2);
    assert_eq!(admins.admin[0].auth_type, 1);

    assert_post_json(
        &CorpidToOpencorpid {
            corpid: "xxxxx".into(),
        },
        &format!("{WORK}/cgi-bin/service/corpid_to_opencorpid?provider_access_token=ACCESS_TOKEN"),
        json!({"corpid": "xxxxx"}),
    );
    let open = parse::<CorpidToOpencorpid>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/service/corpid_to_opencorpid"
    ));
    assert_eq!(open.open_corpid, "AAAAAA");

    assert_post_json(
        &UseridToOpenuserid {
            userid_list: vec!["aaa".into(), "bbb".into()],
        },
        &format!("{WORK}/cgi-bin/batch/userid_to_openuserid?access_token=ACCESS_TOKEN"),
        json!({"userid_list": ["aaa", "bbb"]}),
    );
    let ids = parse::<UseridToOpenuserid>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/batch/userid_to_openuserid"
    ));
    assert_eq!(ids.open_userid_list[0].open_userid, "xxxxx");
    assert_eq!(ids.invalid_userid_list, ["bbb"]);

    assert_work_cataloged::<GetPreAuthCode>();
    assert_work_cataloged::<SetSessionInfo>();
    assert_work_cataloged::<GetPermanentCode>();
    assert_work_cataloged::<GetPermanentCodeV2>();
    assert_work_cataloged::<GetAuthInfo>();
    assert_work_cataloged::<GetAdminList>();
    assert_work_cataloged::<CorpidToOpencorpid>();
    assert_work_cataloged::<UseridToOpenuserid>();

    // The provider's web login names its token `access_token`.
    assert_post_json(
        &GetLoginInfo {
            auth_code: "xxxxx".into(),
        },
        &format!("{WORK}/cgi-bin/service/get_login_info?access_token=ACCESS_TOKEN"),
        json!({"auth_code": "xxxxx"}),
    );
    let login = parse::<GetLoginInfo>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/service/get_login_info"
    ));
    assert_eq!(login.usertype, 1);
    assert_eq!(login.user_info.open_userid, "xxx");
    assert_eq!(login.corp_info["corpid"], "wxCorpId");
    assert_eq!(login.agent.len(), 3);
    assert_work_cataloged::<GetLoginInfo>();
    // Through a provider's client it takes the provider token; a suite's client has none.
    let provider = TokenFlow::Provider {
        corpid: "wwProvider".into(),
        secret: Secret::new("S"),
    };
    assert_eq!(
        provider.for_scheme(wechat_core::AuthScheme::ProviderTokenAsAccessToken),
        Some(provider.clone())
    );
    let suite = TokenFlow::Suite(SuiteApp {
        suite_id: "wwS".into(),
        secret: Secret::new("S"),
    });
    assert_eq!(
        suite.for_scheme(wechat_core::AuthScheme::ProviderTokenAsAccessToken),
        None
    );
}

#[test]
fn install_and_login_pages() {
    let hosts = Hosts::default();
    let page = install_url(
        &hosts,
        "ww4asffe99e54c0f4c",
        &Secret::new("PRE@AUTH"),
        "https://suite.example.com/installed?from=site",
        "s1",
    );
    assert_eq!(
        page.as_str(),
        "https://open.work.weixin.qq.com/3rdapp/install?suite_id=ww4asffe99e54c0f4c\
         &pre_auth_code=PRE%40AUTH&redirect_uri=https%3A%2F%2Fsuite.example.com%2Finstalled%3Ffrom%3Dsite\
         &state=s1"
    );
    let login = provider_login_url(
        &hosts,
        "ww100000a5f2191",
        "http://www.oa.com",
        "web_login",
        LoginUserType::Admin,
    );
    assert_eq!(
        login.as_str(),
        "https://open.work.weixin.qq.com/wwopen/sso/3rd_qrConnect?appid=ww100000a5f2191\
         &redirect_uri=http%3A%2F%2Fwww.oa.com&state=web_login&usertype=admin"
    );
    assert_eq!(LoginUserType::Member.as_str(), "member");

    let redirect = InstallRedirect::parse(
        "https://suite.example.com/installed?from=site&auth_code=AUTH%40CODE&expires_in=600&state=s1",
    )
    .unwrap();
    assert_eq!(redirect.auth_code, "AUTH@CODE");
    assert_eq!(redirect.expires_in, Some(600));
    assert_eq!(redirect.state.as_deref(), Some("s1"));
    let bare = InstallRedirect::parse("auth_code=X").unwrap();
    assert_eq!((bare.expires_in, bare.state), (None, None));
    assert!(InstallRedirect::parse("https://suite.example.com/installed?state=s1").is_err());

    let paths: Vec<_> = wechat_core::catalog::browser_urls()
        .filter(|u| u.name.starts_with("wechat_core::api::work::suite::"))
        .map(|u| u.path)
        .collect();
    assert_eq!(paths, ["/3rdapp/install", "/wwopen/sso/3rd_qrConnect"]);
}

const SUITE: &str = "wwsuite";
const CORP: &str = "wwcorp";
const CORP_TOKEN_PATH: &str = "/cgi-bin/service/get_corp_token";
const LIST_PATH: &str = "/cgi-bin/department/list";

fn suite_app() -> SuiteApp {
    SuiteApp {
        suite_id: SUITE.into(),
        secret: Secret::new("SUITE_SECRET"),
    }
}

/// A suite client over a scripted WeCom, its suite token already stored.
fn suite_client() -> (TestClient, Arc<Scripted>) {
    let wechat = Arc::new(Scripted::default());
    let flow = TokenFlow::Suite(suite_app());
    let client = Client::new(
        flow.clone(),
        FakeHttp(wechat.clone()),
        MemoryStore::new(|| T0),
        FixedRuntime::default(),
    );
    let token = StoredToken::new(Secret::new("SUITE_TOKEN"), T0, 7200);
    block_on(client.store().save(&flow.key(), &token, token.ttl_ms(T0))).unwrap();
    (client, wechat)
}

fn permanent_code_answer(corpid: &str, code: &str) -> String {
    json!({
        "errcode": 0, "errmsg": "ok",
        "access_token": "CORP_TOKEN_0", "expires_in": 7200,
        "permanent_code": code,
        "auth_corp_info": {"corpid": corpid, "corp_name": "name"},
        "auth_info": {"agent": [{"agentid": 1000002, "name": "NAME"}]}
    })
    .to_string()
}

#[test]
fn an_installation_keeps_the_permanent_code_and_the_corp_token_follows() {
    let (suite, wechat) = suite_client();
    wechat.push(
        "/cgi-bin/service/get_permanent_code",
        &permanent_code_answer(CORP, "PERMANENT"),
    );
    let grant = block_on(get_permanent_code(&suite, "AUTHCODE")).unwrap();
    assert_eq!(grant.auth_corp_info.corpid, CORP);
    let key = TokenFlow::permanent_code_key(SUITE, CORP);
    assert_eq!(key, "wechat:suite:wwsuite:corp:wwcorp:permanent_code");
    let kept = block_on(suite.store().load(&key)).unwrap().unwrap();
    assert_eq!(kept.value.expose(), "PERMANENT");
    assert_eq!(kept.expires_at_ms, u64::MAX, "kept until the corp cancels");

    // The corp's client: its token is fetched once from the permanent code, then reused.
    let corp = corp(&suite, CORP).unwrap();
    wechat.push(
        CORP_TOKEN_PATH,
        r#"{"errcode":0,"errmsg":"ok","access_token":"CORP_TOKEN","expires_in":7200}"#,
    );
    for _ in 0..3 {
        wechat.push(
            LIST_PATH,
            r#"{"errcode":0,"errmsg":"ok","department":[{"id":1,"name":"HQ","parentid":0}]}"#,
        );
        let list = block_on(corp.call(&ListDepartments::default())).unwrap();
        assert_eq!(list.department[0].name, "HQ");
    }
    let seen = wechat.seen();
    assert_eq!(seen.len(), 5, "{seen:?}");
    assert_eq!(
        seen[1],
        "/cgi-bin/service/get_corp_token?suite_access_token=SUITE_TOKEN \
         {\"auth_corpid\":\"wwcorp\",\"permanent_code\":\"PERMANENT\"}"
    );
    assert!(
        seen[2..]
            .iter()
            .all(|s| s == "/cgi-bin/department/list?access_token=CORP_TOKEN")
    );

    // Any corp: a client of another corp has no permanent code yet, and says so without a fetch.
    let other = corp.with_auth(TokenFlow::SuiteCorp {
        suite: suite_app(),
        corpid: "wwother".into(),
    });
    let err = block_on(other.call(&ListDepartments::default())).unwrap_err();
    assert!(matches!(err, Error::Credential(_)), "{err:?}");
    assert!(err.to_string().contains("permanent_code"), "{err}");
    assert_eq!(wechat.seen().len(), 5);

    // A client that is no suite cannot keep permanent codes.
    let (app, _) = client();
    assert!(matches!(
        block_on(get_permanent_code(&app, "AUTHCODE")),
        Err(Error::Build(_))
    ));
}

#[test]
fn a_cancel_auth_push_clears_the_corp_records() {
    let (suite, _) = suite_client();
    let corp_flow = TokenFlow::SuiteCorp {
        suite: suite_app(),
        corpid: CORP.into(),
    };
    let store = suite.store();
    let token = StoredToken::new(Secret::new("CORP_TOKEN"), T0, 7200);
    block_on(store.save(&corp_flow.key(), &token, token.ttl_ms(T0))).unwrap();
    let ticket = corp_flow
        .ticket(wechat_core::token::TicketKind::WorkCorp)
        .unwrap();
    block_on(store.save(&ticket.key(), &token, token.ttl_ms(T0))).unwrap();
    block_on(save_permanent_code(
        &suite,
        SUITE,
        CORP,
        Secret::new("PERMANENT"),
    ))
    .unwrap();
    block_on(save_permanent_code(
        &suite,
        SUITE,
        "wwother",
        Secret::new("OTHER"),
    ))
    .unwrap();

    let keys = corp_keys(SUITE, CORP);
    assert_eq!(
        keys,
        [
            "wechat:suite:wwsuite:corp:wwcorp:access_token:ticket:work_jsapi",
            "wechat:suite:wwsuite:corp:wwcorp:access_token:ticket:agent_config",
            "wechat:suite:wwsuite:corp:wwcorp:access_token",
            "wechat:suite:wwsuite:corp:wwcorp:permanent_code",
        ]
    );
    for key in &keys {
        assert_eq!(
            wechat_core::token::keys::parse(key).map(|k| k.to_string()),
            Some(key.clone())
        );
    }

    let push = Message::parse(
        b"<xml><SuiteId><![CDATA[wwsuite]]></SuiteId><InfoType><![CDATA[cancel_auth]]></InfoType>\
          <TimeStamp>1403610513</TimeStamp><AuthCorpId><![CDATA[wwcorp]]></AuthCorpId></xml>",
    )
    .unwrap();
    let Message::Suite(event) = push else {
        panic!("{push:?}")
    };
    assert_eq!(event.auth_corp_id(), Some(CORP));
    // Other pushes clear nothing.
    let change = SuiteEvent::ChangeAuth(Default::default());
    assert_eq!(block_on(forget_cancelled(&suite, &change)).unwrap(), 0);

    assert_eq!(block_on(forget_cancelled(&suite, &event)).unwrap(), 3);
    for key in &keys {
        assert_eq!(block_on(store.load(key)).unwrap(), None, "{key}");
    }
    let other = TokenFlow::permanent_code_key(SUITE, "wwother");
    assert!(block_on(store.load(&other)).unwrap().is_some());
    // Calls for the corp now fail at once, without a fetch: no permanent code.
    let corp = suite.with_auth(corp_flow);
    let err = block_on(corp.call(&ListDepartments::default())).unwrap_err();
    assert!(err.to_string().contains("permanent_code"), "{err}");
    // Twice: nothing left to clear.
    assert_eq!(block_on(forget_cancelled(&suite, &event)).unwrap(), 0);
}

#[test]
fn a_rejected_permanent_code_is_a_credential_error_not_retried() {
    let (suite, wechat) = suite_client();
    block_on(save_permanent_code(
        &suite,
        SUITE,
        CORP,
        Secret::new("STALE"),
    ))
    .unwrap();
    let corp = corp(&suite, CORP).unwrap();
    for _ in 0..2 {
        wechat.push(
            CORP_TOKEN_PATH,
            r#"{"errcode":40084,"errmsg":"invalid permanent_code, hint: [x]"}"#,
        );
        let err = block_on(corp.call(&ListDepartments::default())).unwrap_err();
        assert!(matches!(err, Error::Credential(_)), "{err:?}");
        let text = err.to_string();
        assert!(text.contains("40084"), "{text}");
        assert!(text.contains("install the suite again"), "{text}");
        assert!(
            !text.contains("STALE"),
            "the code stays out of errors: {text}"
        );
    }
    // One fetch per call, never retried, and no business call without a token.
    let seen = wechat.seen();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert!(seen.iter().all(|s| s.starts_with(CORP_TOKEN_PATH)));
}
