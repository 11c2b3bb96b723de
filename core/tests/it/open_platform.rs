//! Open Platform third-party platform: authorization pages, authorizers, Mini Program basic
//! info, fast registration, web authorization for Official Accounts, code management, and what
//! an `unauthorized` push clears.

use std::sync::Arc;

use futures::StreamExt;
use futures::executor::block_on;
use serde_json::json;
use wechat_core::api::oa::oauth::Scope;
use wechat_core::api::open::{
    authorizer::*, basic::*, beta::*, code::*, domain::*, oauth::*, register::*,
};
use wechat_core::callback::{ComponentEvent, Message};
use wechat_core::client::TokenStore;
use wechat_core::endpoint::Endpoint;
use wechat_core::token::ComponentApp;
use wechat_core::{AuthScheme, Client, Hosts, MemoryStore, Secret, StoredToken, TokenFlow};

use crate::common::*;

const API: &str = "https://api.weixin.qq.com";

fn url(path: &str, query: &str) -> String {
    format!("{API}{path}?access_token=ACCESS_TOKEN{query}")
}

fn component_url(path: &str, query: &str) -> String {
    format!("{API}{path}?component_access_token=ACCESS_TOKEN{query}")
}

/// The catalog entry of an endpoint exists and is the Open Platform's, documented under
/// developers.weixin.qq.com/doc/oplatform.
fn assert_open_cataloged<E: Endpoint>() {
    let meta = E::META;
    assert_eq!(meta.area, "openplatform", "{}", meta.name);
    assert!(
        meta.doc
            .starts_with("https://developers.weixin.qq.com/doc/oplatform/"),
        "{}: {}",
        meta.name,
        meta.doc
    );
    assert!(
        wechat_core::catalog::all().any(|m| m == meta),
        "{} is not in the catalog",
        meta.name
    );
}

#[test]
fn authorization_pages() {
    let hosts = Hosts::default();
    let code = Secret::new("preauthcode@@@xxx");
    let pc = login_page_url(
        &hosts,
        "wxcomponent",
        &code,
        "https://example.com/auth?from=pc",
        AuthType::MiniProgram,
        Some("wxbiz"),
    );
    assert_eq!(
        pc.as_str(),
        "https://mp.weixin.qq.com/cgi-bin/componentloginpage?component_appid=wxcomponent\
         &pre_auth_code=preauthcode%40%40%40xxx&redirect_uri=https%3A%2F%2Fexample.com%2Fauth%3Ffrom%3Dpc\
         &auth_type=2&biz_appid=wxbiz"
    );
    let mobile = bind_component_url(
        &hosts,
        "wxcomponent",
        &code,
        "https://example.com/auth",
        AuthType::Both,
        None,
    );
    assert_eq!(
        mobile.as_str(),
        "https://mp.weixin.qq.com/safe/bindcomponent?action=bindcomponent&no_scan=1\
         &component_appid=wxcomponent&pre_auth_code=preauthcode%40%40%40xxx\
         &redirect_uri=https%3A%2F%2Fexample.com%2Fauth&auth_type=3#wechat_redirect"
    );
    assert_eq!(AuthType::OfficialAccount.code(), 1);
    assert_eq!(AuthType::Other(6).code(), 6);

    let oauth = authorize_url(
        &hosts,
        "wxoa",
        "https://example.com/cb",
        Scope::UserInfo,
        "STATE",
        "wxcomponent",
    );
    assert_eq!(
        oauth.as_str(),
        "https://open.weixin.qq.com/connect/oauth2/authorize?appid=wxoa\
         &redirect_uri=https%3A%2F%2Fexample.com%2Fcb&response_type=code&scope=snsapi_userinfo\
         &state=STATE&component_appid=wxcomponent#wechat_redirect"
    );

    let redirect = AuthorizationRedirect::parse(
        "https://example.com/auth?auth_code=queryauthcode%40%40%40x&expires_in=600",
    )
    .unwrap();
    assert_eq!(redirect.auth_code, "queryauthcode@@@x");
    assert_eq!(redirect.expires_in, Some(600));
    assert!(AuthorizationRedirect::parse("https://example.com/auth?state=1").is_err());

    let names: Vec<_> = wechat_core::catalog::browser_urls()
        .filter(|u| u.area == "openplatform")
        .map(|u| u.path)
        .collect();
    assert_eq!(
        names,
        [
            "/cgi-bin/componentloginpage",
            "/safe/bindcomponent",
            "/connect/oauth2/authorize"
        ]
    );
}

#[test]
fn authorizer_endpoints() {
    assert_post_json(
        &GetAuthorizerInfo::new("appid_value", "auth_appid_value"),
        &component_url("/cgi-bin/component/api_get_authorizer_info", ""),
        json!({"component_appid": "appid_value", "authorizer_appid": "auth_appid_value"}),
    );
    let info = parse::<GetAuthorizerInfo>(fixture!("cgi-bin/component/api_get_authorizer_info"));
    assert_eq!(info.authorizer_info.user_name, "gh_eb5e3a772040");
    assert_eq!(info.authorizer_info.verify_type_info.id, -1);
    let mp = info.authorizer_info.mini_program_info.as_ref().unwrap();
    assert_eq!(mp.network.request_domain.len(), 2);
    assert_eq!(mp.categories[0].second, "文娱");
    assert_eq!(
        info.authorization_info.func_info[2].funcscope_category.id,
        19
    );
    assert_eq!(
        info.authorization_info
            .authorizer_refresh_token
            .as_ref()
            .map(Secret::expose),
        Some("refreshtoken@@@34uQ27Y76pNa0QN9Gx5bxP")
    );
    assert!(info.authorizer_info.extra.contains_key("basic_config"));
    assert!(!format!("{info:?}").contains("34uQ27Y76"));

    assert_post_json(
        &GetAuthorizerList {
            component_appid: "appid_value".into(),
            offset: 0,
            count: 100,
        },
        &component_url("/cgi-bin/component/api_get_authorizer_list", ""),
        json!({"component_appid": "appid_value", "offset": 0, "count": 100}),
    );
    let list = parse::<GetAuthorizerList>(fixture!("cgi-bin/component/api_get_authorizer_list"));
    assert_eq!(list.total_count, 33);
    assert_eq!(list.list[1].authorizer_appid, "authorizer_appid_2");
    assert_eq!(list.list[1].refresh_token.expose(), "refresh_token_2");

    assert_post_json(
        &GetAuthorizerOption {
            component_appid: "appid_value".into(),
            authorizer_appid: "auth_appid_value".into(),
            option_name: "voice_recognize".into(),
        },
        &component_url("/cgi-bin/component/api_get_authorizer_option", ""),
        json!({"component_appid": "appid_value", "authorizer_appid": "auth_appid_value",
               "option_name": "voice_recognize"}),
    );
    let option =
        parse::<GetAuthorizerOption>(fixture!("cgi-bin/component/api_get_authorizer_option"));
    assert_eq!(option.option_value, "1");
    assert_eq!(
        parse::<GetAuthorizerOption>(
            r#"{"authorizer_appid":"a","option_name":"x","option_value":2}"#
        )
        .option_value,
        "2"
    );
    assert_post_json(
        &SetAuthorizerOption {
            component_appid: "appid_value".into(),
            authorizer_appid: "auth_appid_value".into(),
            option_name: "voice_recognize".into(),
            option_value: "1".into(),
        },
        &component_url("/cgi-bin/component/api_set_authorizer_option", ""),
        json!({"component_appid": "appid_value", "authorizer_appid": "auth_appid_value",
               "option_name": "voice_recognize", "option_value": "1"}),
    );
    parse::<SetAuthorizerOption>(fixture!("cgi-bin/component/api_set_authorizer_option"));

    assert_open_cataloged::<GetAuthorizerInfo>();
    assert_open_cataloged::<GetAuthorizerList>();
    assert_open_cataloged::<GetAuthorizerOption>();
    assert_open_cataloged::<SetAuthorizerOption>();
    assert_eq!(
        GetAuthorizerInfo::META.auth,
        AuthScheme::ComponentAccessToken
    );
}

fn component_client() -> (TestClient, Arc<Scripted>) {
    let wechat = Arc::new(Scripted::default());
    let flow = TokenFlow::Component(ComponentApp {
        appid: "wxcomponent".into(),
        secret: Secret::new("COMPONENT_SECRET"),
    });
    let runtime = FixedRuntime::default();
    let client = Client::new(
        flow.clone(),
        FakeHttp(wechat.clone()),
        MemoryStore::new(|| T0),
        runtime,
    );
    let token = StoredToken::new(Secret::new("ACCESS_TOKEN"), T0, 7200);
    block_on(client.store().save(&flow.key(), &token, token.ttl_ms(T0))).unwrap();
    (client, wechat)
}

#[test]
fn the_authorizer_list_is_paged_by_offset() {
    let (client, wechat) = component_client();
    let account = |n: u32| json!({"authorizer_appid": format!("wx{n}"), "refresh_token": "r", "auth_time": 1});
    let path = "/cgi-bin/component/api_get_authorizer_list";
    wechat.push(
        path,
        &json!({"total_count": 3, "list": [account(1), account(2)]}).to_string(),
    );
    wechat.push(
        path,
        &json!({"total_count": 3, "list": [account(3)]}).to_string(),
    );
    let all: Vec<_> = block_on(authorizers(&client, "wxcomponent", 2).collect::<Vec<_>>());
    let ids: Vec<_> = all
        .into_iter()
        .map(|a| a.unwrap().authorizer_appid)
        .collect();
    assert_eq!(ids, ["wx1", "wx2", "wx3"]);
    let bodies = wechat.bodies();
    assert_eq!(bodies.len(), 2);
    assert_eq!(bodies[0]["offset"], 0);
    assert_eq!(bodies[1]["offset"], 2);
    assert_eq!(bodies[1]["count"], 2);
    assert!(
        wechat.requests()[0]
            .uri()
            .query()
            .unwrap()
            .starts_with("component_access_token=ACCESS_TOKEN")
    );
}

#[test]
fn an_unauthorized_push_clears_the_authorizer_records() {
    let (client, _) = component_client();
    let component = ComponentApp {
        appid: "wxcomponent".into(),
        secret: Secret::new("COMPONENT_SECRET"),
    };
    let flow = TokenFlow::Authorizer {
        component: component.clone(),
        appid: "wxauthorizer".into(),
    };
    let store = client.store();
    let token = StoredToken::new(Secret::new("AUTHORIZER_TOKEN"), T0, 7200);
    block_on(store.save(&flow.key(), &token, token.ttl_ms(T0))).unwrap();
    let jsapi = flow.ticket(wechat_core::token::TicketKind::Jsapi).unwrap();
    block_on(store.save(&jsapi.key(), &token, token.ttl_ms(T0))).unwrap();
    block_on(client.save_authorizer_refresh_token(
        "wxcomponent",
        "wxauthorizer",
        Secret::new("REFRESH"),
    ))
    .unwrap();
    // Another authorizer's records stay.
    let other = TokenFlow::authorizer_refresh_token_key("wxcomponent", "wxother");
    block_on(client.save_authorizer_refresh_token("wxcomponent", "wxother", Secret::new("OTHER")))
        .unwrap();

    let keys = authorizer_keys("wxcomponent", "wxauthorizer");
    assert_eq!(
        keys,
        [
            "wechat:open:wxcomponent:authorizer:wxauthorizer:access_token",
            "wechat:open:wxcomponent:authorizer:wxauthorizer:refresh_token",
            "wechat:open:wxcomponent:authorizer:wxauthorizer:access_token:ticket:jsapi",
            "wechat:open:wxcomponent:authorizer:wxauthorizer:access_token:ticket:wx_card",
        ]
    );

    let push = Message::parse(
        b"<xml><AppId>wxcomponent</AppId><CreateTime>1413192760</CreateTime>\
          <InfoType>unauthorized</InfoType><AuthorizerAppid>wxauthorizer</AuthorizerAppid></xml>",
    )
    .unwrap();
    let Message::Component(event) = push else {
        panic!("{push:?}")
    };
    // Another push clears nothing.
    let authorized = ComponentEvent::Authorized(Default::default());
    assert_eq!(
        block_on(forget_unauthorized(&client, &authorized)).unwrap(),
        0
    );

    assert_eq!(block_on(forget_unauthorized(&client, &event)).unwrap(), 3);
    for key in &keys {
        assert_eq!(block_on(store.load(key)).unwrap(), None, "{key}");
    }
    assert!(block_on(store.load(&other)).unwrap().is_some());
    // Calls as the authorizer now fail at once, without a fetch: no refresh token.
    let account = client.with_auth(flow);
    let err = block_on(account.call(&GetAccountBasicInfo {})).unwrap_err();
    assert!(
        err.to_string().contains("authorizer_refresh_token"),
        "{err}"
    );
    // Twice: nothing left to clear.
    assert_eq!(block_on(forget_unauthorized(&client, &event)).unwrap(), 0);
}

#[test]
fn mini_program_basic_info() {
    assert_get(
        &GetAccountBasicInfo {},
        &url("/cgi-bin/account/getaccountbasicinfo", ""),
    );
    let b = parse::<GetAccountBasicInfo>(fixture!("cgi-bin/account/getaccountbasicinfo"));
    assert_eq!(b.appid, "wxdb2e6a6f0ac8c58b");
    assert_eq!(b.signature_info.modify_quota, 5);
    assert_eq!(b.nickname_info.modify_used_count, 2);
    assert!(!b.wx_verify_info.naming_verify);

    assert_post_json(
        &CheckWxVerifyNickname {
            nick_name: "昵称".into(),
        },
        &url("/cgi-bin/wxverify/checkwxverifynickname", ""),
        json!({"nick_name": "昵称"}),
    );
    let c = parse::<CheckWxVerifyNickname>(fixture!("cgi-bin/wxverify/checkwxverifynickname"));
    assert!(c.hit_condition);
    assert!(c.wording.contains("商标"));

    let mut set = SetNickname::new("昵称");
    set.license = Some("MEDIA_ID".into());
    assert_post_json(
        &set,
        &url("/wxa/setnickname", ""),
        json!({"nick_name": "昵称", "license": "MEDIA_ID"}),
    );
    assert_eq!(
        parse::<SetNickname>(fixture!("wxa/setnickname")).audit_id,
        Some(12345)
    );

    assert_post_json(
        &ModifySignature {
            signature: "功能介绍".into(),
        },
        &url("/cgi-bin/account/modifysignature", ""),
        json!({"signature": "功能介绍"}),
    );
    parse::<ModifySignature>(fixture!("cgi-bin/account/modifysignature"));
    assert_errcode::<ModifySignature>(
        r#"{"errcode":53200,"errmsg":"本月功能介绍修改次数已用完"}"#,
        53200,
    );

    assert_post_json(
        &ModifyHeadImage {
            head_img_media_id: "MEDIA_ID".into(),
            x1: 0.0,
            y1: 0.0,
            x2: 0.7596899224806202,
            y2: 0.6976744186046512,
        },
        &url("/cgi-bin/account/modifyheadimage", ""),
        json!({"head_img_media_id": "MEDIA_ID", "x1": 0.0, "y1": 0.0,
               "x2": 0.7596899224806202, "y2": 0.6976744186046512}),
    );
    assert_eq!(ModifyHeadImage::uncropped("M").x2, 1.0);
    parse::<ModifyHeadImage>(fixture!("cgi-bin/account/modifyheadimage"));

    assert_get(&GetWxaSearchStatus {}, &url("/wxa/getwxasearchstatus", ""));
    assert_eq!(
        parse::<GetWxaSearchStatus>(fixture!("wxa/getwxasearchstatus")).status,
        1
    );
    assert_post_json(
        &ChangeWxaSearchStatus { status: 1 },
        &url("/wxa/changewxasearchstatus", ""),
        json!({"status": 1}),
    );
    parse::<ChangeWxaSearchStatus>(fixture!("wxa/changewxasearchstatus"));

    assert_open_cataloged::<GetAccountBasicInfo>();
    assert_open_cataloged::<CheckWxVerifyNickname>();
    assert_open_cataloged::<SetNickname>();
    assert_open_cataloged::<ModifySignature>();
    assert_open_cataloged::<ModifyHeadImage>();
    assert_open_cataloged::<GetWxaSearchStatus>();
    assert_open_cataloged::<ChangeWxaSearchStatus>();
}

#[test]
fn fast_registration_has_two_actions_on_one_path() {
    let create = FastRegisterWeapp {
        name: "tencent".into(),
        code: "123".into(),
        code_type: 1,
        legal_persona_wechat: "123".into(),
        legal_persona_name: "candy".into(),
        component_phone: Some("1234567".into()),
    };
    assert_post_json(
        &create,
        &component_url("/cgi-bin/component/fastregisterweapp", "&action=create"),
        json!({"name": "tencent", "code": "123", "code_type": 1, "legal_persona_wechat": "123",
               "legal_persona_name": "candy", "component_phone": "1234567"}),
    );
    parse::<FastRegisterWeapp>(fixture!("cgi-bin/component/fastregisterweapp/create"));
    assert_errcode::<FastRegisterWeapp>(r#"{"errcode":89249,"errmsg":"task running"}"#, 89249);

    let search = SearchFastRegisterWeapp {
        name: "tencent".into(),
        legal_persona_wechat: "123".into(),
        legal_persona_name: "candy".into(),
    };
    assert_post_json(
        &search,
        &component_url("/cgi-bin/component/fastregisterweapp", "&action=search"),
        json!({"name": "tencent", "legal_persona_wechat": "123", "legal_persona_name": "candy"}),
    );
    parse::<SearchFastRegisterWeapp>(fixture!("cgi-bin/component/fastregisterweapp/search"));
    assert_errcode::<SearchFastRegisterWeapp>(
        r#"{"errcode":89251,"errmsg":"legal person checking"}"#,
        89251,
    );
    assert_open_cataloged::<FastRegisterWeapp>();
    assert_open_cataloged::<SearchFastRegisterWeapp>();
    assert_eq!(
        FastRegisterWeapp::META.repeat,
        wechat_core::endpoint::Repeat::Never
    );
}

#[test]
fn web_authorization_for_official_accounts() {
    assert_get(
        &GetComponentOauthAccessToken::new("APPID", "CODE", "COMPONENT_APPID"),
        &component_url(
            "/sns/oauth2/component/access_token",
            "&appid=APPID&code=CODE&grant_type=authorization_code&component_appid=COMPONENT_APPID",
        ),
    );
    let t = parse::<GetComponentOauthAccessToken>(fixture!("sns/oauth2/component/access_token"));
    assert_eq!(t.openid, "OPENID");
    assert_eq!(t.expires_in, 7200);
    assert_get(
        &RefreshComponentOauthAccessToken::new(
            "APPID",
            "COMPONENT_APPID",
            Secret::new("REFRESH_TOKEN"),
        ),
        &component_url(
            "/sns/oauth2/component/refresh_token",
            "&appid=APPID&grant_type=refresh_token&component_appid=COMPONENT_APPID\
             &refresh_token=REFRESH_TOKEN",
        ),
    );
    let r =
        parse::<RefreshComponentOauthAccessToken>(fixture!("sns/oauth2/component/refresh_token"));
    assert_eq!(r.refresh_token.expose(), "REFRESH_TOKEN");
    assert!(GetComponentOauthAccessToken::META.sensitive);
    assert_open_cataloged::<GetComponentOauthAccessToken>();
    assert_open_cataloged::<RefreshComponentOauthAccessToken>();
}

#[test]
fn code_management() {
    assert_post_json(
        &CommitCode {
            template_id: "0".into(),
            ext_json: r#"{"extAppid":"wx"}"#.into(),
            user_version: "V1.0".into(),
            user_desc: "test".into(),
        },
        &url("/wxa/commit", ""),
        json!({"template_id": "0", "ext_json": "{\"extAppid\":\"wx\"}", "user_version": "V1.0",
               "user_desc": "test"}),
    );
    parse::<CommitCode>(fixture!("wxa/commit"));

    assert_get(&GetCodePage {}, &url("/wxa/get_page", ""));
    assert_eq!(
        parse::<GetCodePage>(fixture!("wxa/get_page")).page_list,
        ["index", "page/list", "page/detail"]
    );

    assert_get(
        &GetTrialQrCode {
            path: Some("page/index?action=1".into()),
        },
        &url("/wxa/get_qrcode", "&path=page%2Findex%3Faction%3D1"),
    );
    let png = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/wxa/get_qrcode.png"
    ));
    let image = GetTrialQrCode::parse(
        &http::Response::builder()
            .header("content-type", "image/jpeg")
            .body(png.to_vec())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(image.bytes, png);
    assert_eq!(image.content_type.as_deref(), Some("image/jpeg"));
    // An error answers JSON, whatever the Content-Type says.
    let err = GetTrialQrCode::parse(
        &http::Response::builder()
            .header("content-type", "image/jpeg")
            .body(br#"{"errcode":85085,"errmsg":"no trial version"}"#.to_vec())
            .unwrap(),
    )
    .unwrap_err();
    assert_eq!(err.code().and_then(|c| c.number()), Some(85085));

    let mut audit = SubmitAudit {
        version_desc: Some("blablabla".into()),
        ..SubmitAudit::default()
    };
    audit.item_list.push(AuditItem {
        address: Some("index".into()),
        tag: Some("学习 生活".into()),
        first_class: Some("文娱".into()),
        second_class: Some("资讯".into()),
        first_id: Some(1),
        second_id: Some(2),
        title: Some("首页".into()),
        ..AuditItem::default()
    });
    assert_post_json(
        &audit,
        &url("/wxa/submit_audit", ""),
        json!({"item_list": [{"address": "index", "tag": "学习 生活", "first_class": "文娱",
               "second_class": "资讯", "first_id": 1, "second_id": 2, "title": "首页"}],
               "version_desc": "blablabla"}),
    );
    assert_eq!(
        parse::<SubmitAudit>(fixture!("wxa/submit_audit")).auditid,
        1234567
    );

    assert_post_json(
        &GetAuditStatus { auditid: 1234567 },
        &url("/wxa/get_auditstatus", ""),
        json!({"auditid": 1234567}),
    );
    let s = parse::<GetAuditStatus>(fixture!("wxa/get_auditstatus"));
    assert_eq!((s.status, s.screenshot.as_deref()), (1, Some("xx|yy|zz")));
    assert_get(
        &GetLatestAuditStatus {},
        &url("/wxa/get_latest_auditstatus", ""),
    );
    let l = parse::<GetLatestAuditStatus>(fixture!("wxa/get_latest_auditstatus"));
    assert_eq!(l.auditid, Some(1234567));
    assert_eq!(l.screen_shot.as_deref(), Some("xx|yy|zz"));
    assert_eq!(l.submit_audit_time, Some(1620628219));

    assert_post_json(&ReleaseCode {}, &url("/wxa/release", ""), json!({}));
    parse::<ReleaseCode>(fixture!("wxa/release"));
    assert_get(
        &RevertCodeRelease::default(),
        &url("/wxa/revertcoderelease", ""),
    );
    assert_get(
        &RevertCodeRelease {
            app_version: Some("1.0.1".into()),
            ..RevertCodeRelease::default()
        },
        &url("/wxa/revertcoderelease", "&app_version=1.0.1"),
    );
    parse::<RevertCodeRelease>(fixture!("wxa/revertcoderelease"));
    assert_post_json(
        &GrayRelease {
            gray_percentage: 10,
            support_experiencer_first: Some(true),
            ..GrayRelease::default()
        },
        &url("/wxa/grayrelease", ""),
        json!({"gray_percentage": 10, "support_experiencer_first": true}),
    );
    parse::<GrayRelease>(fixture!("wxa/grayrelease"));
    assert_post_json(
        &ChangeVisitStatus {
            action: "close".into(),
        },
        &url("/wxa/change_visitstatus", ""),
        json!({"action": "close"}),
    );
    parse::<ChangeVisitStatus>(fixture!("wxa/change_visitstatus"));

    assert_post_json(
        &ModifyDomain {
            action: "add".into(),
            requestdomain: vec!["https://www.qq.com".into()],
            udpdomain: vec!["udp://www.qq.com".into()],
            ..ModifyDomain::default()
        },
        &url("/wxa/modify_domain", ""),
        json!({"action": "add", "requestdomain": ["https://www.qq.com"],
               "udpdomain": ["udp://www.qq.com"]}),
    );
    assert_eq!(ModifyDomain::get().action, "get");
    let d = parse::<ModifyDomain>(fixture!("wxa/modify_domain"));
    assert_eq!(d.tcpdomain, ["tcp://www.qq.com"]);
    assert_post_json(
        &SetWebviewDomain {
            action: Some("add".into()),
            webviewdomain: vec!["https://www.qq.com".into()],
        },
        &url("/wxa/setwebviewdomain", ""),
        json!({"action": "add", "webviewdomain": ["https://www.qq.com"]}),
    );
    parse::<SetWebviewDomain>(fixture!("wxa/setwebviewdomain"));

    assert_open_cataloged::<CommitCode>();
    assert_open_cataloged::<GetCodePage>();
    assert_open_cataloged::<GetTrialQrCode>();
    assert_open_cataloged::<SubmitAudit>();
    assert_open_cataloged::<GetAuditStatus>();
    assert_open_cataloged::<GetLatestAuditStatus>();
    assert_open_cataloged::<ReleaseCode>();
    assert_open_cataloged::<RevertCodeRelease>();
    assert_open_cataloged::<GrayRelease>();
    assert_open_cataloged::<ChangeVisitStatus>();
    assert_open_cataloged::<ModifyDomain>();
    assert_open_cataloged::<SetWebviewDomain>();
}

#[test]
fn audit_pushes_are_typed() {
    use wechat_core::callback::Event;
    let success = Message::parse(
        b"<xml><ToUserName><![CDATA[gh_fb9688c2a4b2]]></ToUserName>\
          <FromUserName><![CDATA[od1P50M-fNQI5Gcq-trm4a7apsU8]]></FromUserName>\
          <CreateTime>1488856741</CreateTime><MsgType><![CDATA[event]]></MsgType>\
          <Event><![CDATA[weapp_audit_success]]></Event><SuccTime>1488856741</SuccTime></xml>",
    )
    .unwrap();
    let Message::Event(Event::WeappAudit(e)) = &success else {
        panic!("{success:?}")
    };
    assert_eq!(
        (e.event.as_str(), e.succ_time),
        ("weapp_audit_success", Some(1488856741))
    );

    let fail = Message::parse(
        b"<xml><ToUserName><![CDATA[gh_fb9688c2a4b2]]></ToUserName>\
          <FromUserName><![CDATA[od1P50M-fNQI5Gcq-trm4a7apsU8]]></FromUserName>\
          <CreateTime>1488856591</CreateTime><MsgType><![CDATA[event]]></MsgType>\
          <Event><![CDATA[weapp_audit_fail]]></Event>\
          <Reason><![CDATA[1:\xe8\xb4\xa6\xe5\x8f\xb7\xe4\xbf\xa1\xe6\x81\xaf\xe4\xb8\x8d\xe5\x90\x88\xe8\xa7\x84\xe8\x8c\x83]]></Reason>\
          <FailTime>1488856591</FailTime><ScreenShot>xxx|yyy|zzz</ScreenShot></xml>",
    )
    .unwrap();
    let Message::Event(Event::WeappAudit(e)) = &fail else {
        panic!("{fail:?}")
    };
    assert_eq!(e.event, "weapp_audit_fail");
    assert_eq!(e.fail_time, Some(1488856591));
    assert!(e.reason.as_deref().unwrap().starts_with("1:"));
    assert_eq!(e.screen_shot.as_deref(), Some("xxx|yyy|zzz"));
}

#[test]
fn reference_rows_are_covered() {
    for package in [
        "openplatform/context",
        "openplatform/miniprogram/basic",
        "openplatform/miniprogram/component",
        "openplatform/officialaccount/oauth",
    ] {
        assert_rows_covered(package);
    }
}

#[test]
fn trial_mini_programs_are_created_with_the_component_token_then_verified_and_renamed() {
    let create = FastRegisterBetaWeapp {
        name: "小麦烤鸡".into(),
        openid: "oK8Yg5YaUM-axuE_vVZmV_oIZxxx".into(),
    };
    // The platform's own token, under the name `access_token`.
    assert_post_json(
        &create,
        &url("/wxa/component/fastregisterbetaweapp", ""),
        json!({"name": "小麦烤鸡", "openid": "oK8Yg5YaUM-axuE_vVZmV_oIZxxx"}),
    );
    assert_eq!(
        FastRegisterBetaWeapp::META.auth,
        wechat_core::AuthScheme::ComponentTokenAsAccessToken
    );
    let created = parse::<FastRegisterBetaWeapp>(fixture!("wxa/component/fastregisterbetaweapp"));
    assert!(created.unique_id.starts_with("BV8ToNpYUMSeoRgsDi7"));
    assert!(
        created
            .authorize_url
            .starts_with("https://mp.weixin.qq.com/wxawap/fastregistertpbeta?")
    );
    assert_errcode::<FastRegisterBetaWeapp>(
        r#"{"errcode":86011,"errmsg":"name hit keyword"}"#,
        86011,
    );

    let verify = VerifyBetaWeapp {
        verify_info: BetaVerifyInfo {
            enterprise_name: "公司名称".into(),
            code: "123".into(),
            code_type: 1,
            legal_persona_wechat: "wxid".into(),
            legal_persona_name: "张三".into(),
            legal_persona_idcard: "110101199001011234".into(),
            component_phone: "1234567".into(),
        },
    };
    assert_post_json(
        &verify,
        &url("/wxa/verifybetaweapp", ""),
        json!({"verify_info": {"enterprise_name": "公司名称", "code": "123", "code_type": 1,
            "legal_persona_wechat": "wxid", "legal_persona_name": "张三",
            "legal_persona_idcard": "110101199001011234", "component_phone": "1234567"}}),
    );
    parse::<VerifyBetaWeapp>(fixture!("wxa/verifybetaweapp"));
    assert_errcode::<VerifyBetaWeapp>(r#"{"errcode":91021,"errmsg":"not a trial"}"#, 91021);

    let rename = SetBetaWeappNickname {
        name: "小麦烤鸭".into(),
    };
    assert_post_json(
        &rename,
        &url("/wxa/setbetaweappnickname", ""),
        json!({"name": "小麦烤鸭"}),
    );
    parse::<SetBetaWeappNickname>(fixture!("wxa/setbetaweappnickname"));
    assert_errcode::<SetBetaWeappNickname>(r#"{"errcode":91020,"errmsg":"not a trial"}"#, 91020);

    assert_open_cataloged::<FastRegisterBetaWeapp>();
    assert_open_cataloged::<VerifyBetaWeapp>();
    assert_open_cataloged::<SetBetaWeappNickname>();
}
