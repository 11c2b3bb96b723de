//! Basic information endpoints: server IPs, network detection, quotas, request ids.

use crate::common;

use common::*;
use serde_json::json;
use wechat_core::api::oa::basic::*;
use wechat_core::endpoint::{Endpoint, Repeat};
use wechat_core::{ErrCode, Secret};

const API: &str = "https://api.weixin.qq.com";

#[test]
fn get_api_domain_ip() {
    assert_get(
        &GetApiDomainIp {},
        &format!("{API}/cgi-bin/get_api_domain_ip?access_token=ACCESS_TOKEN"),
    );
    let ips = parse::<GetApiDomainIp>(fixture!("cgi-bin/get_api_domain_ip"));
    assert_eq!(ips.ip_list.len(), 15);
    assert_eq!(ips.ip_list[0], "101.89.47.18");
}

#[test]
fn get_callback_ip() {
    assert_get(
        &GetCallbackIp {},
        &format!("{API}/cgi-bin/getcallbackip?access_token=ACCESS_TOKEN"),
    );
    let ips = parse::<GetCallbackIp>(fixture!("cgi-bin/getcallbackip"));
    assert_eq!(ips.ip_list, ["127.0.0.1", "127.0.0.2", "101.226.103.0/25"]);
}

#[test]
fn callback_check() {
    assert_post_json(
        &CallbackCheck::all(),
        &format!("{API}/cgi-bin/callback/check?access_token=ACCESS_TOKEN"),
        json!({"action": "all", "check_operator": "DEFAULT"}),
    );
    let r = parse::<CallbackCheck>(fixture!("cgi-bin/callback/check"));
    assert_eq!(r.dns.len(), 2);
    assert_eq!(r.dns[0].ip, "111.161.64.40");
    assert_eq!(r.dns[0].real_operator, "UNICOM");
    assert_eq!(r.ping[1].package_loss, "0%");
    assert_eq!(r.ping[1].time, "21.434ms");
}

#[test]
fn clear_quota() {
    assert_post_json(
        &ClearQuota {
            appid: "wx448f04719cd48f69".into(),
        },
        &format!("{API}/cgi-bin/clear_quota?access_token=ACCESS_TOKEN"),
        json!({"appid": "wx448f04719cd48f69"}),
    );
    parse::<ClearQuota>(fixture!("cgi-bin/clear_quota"));
    // Ten resets a month: a retry could burn one.
    assert_eq!(ClearQuota::META.repeat, Repeat::Never);
}

#[test]
fn clear_quota_by_app_secret() {
    let req = ClearQuotaByAppSecret {
        appid: "wx888888888888".into(),
        appsecret: Secret::new("xxxxxxxxxxxxxxxxxxxxxxxx"),
    };
    let built = build(&req);
    assert_eq!(built.method(), http::Method::POST);
    assert_eq!(
        built.uri().to_string(),
        format!(
            "{API}/cgi-bin/clear_quota/v2?appid=wx888888888888&appsecret=xxxxxxxxxxxxxxxxxxxxxxxx"
        )
    );
    assert!(built.body().is_empty());
    assert!(
        !format!("{req:?}").contains("xxxxxxxx"),
        "the secret stays out of Debug"
    );
    parse::<ClearQuotaByAppSecret>(fixture!("cgi-bin/clear_quota/v2"));
    assert_eq!(ClearQuotaByAppSecret::META.repeat, Repeat::Never);
}

#[test]
fn get_api_quota() {
    assert_post_json(
        &GetApiQuota {
            cgi_path: "/wxa/gettemplatedraftlist".into(),
        },
        &format!("{API}/cgi-bin/openapi/quota/get?access_token=ACCESS_TOKEN"),
        json!({"cgi_path": "/wxa/gettemplatedraftlist"}),
    );
    let q = parse::<GetApiQuota>(fixture!("cgi-bin/openapi/quota/get"));
    assert_eq!(
        (q.quota.daily_limit, q.quota.used, q.quota.remain),
        (0, 0, 0)
    );
    assert!(q.rate_limit.is_some());
    // Older answers carry the quota alone.
    let q = parse::<GetApiQuota>(
        r#"{"errcode":0,"errmsg":"ok","quota":{"daily_limit":100000,"used":2,"remain":99998}}"#,
    );
    assert_eq!(q.quota.remain, 99_998);
    assert_eq!(q.rate_limit, None);
}

#[test]
fn get_rid_info() {
    assert_post_json(
        &GetRidInfo {
            rid: "61725984-6126f6f9-040f19c4".into(),
        },
        &format!("{API}/cgi-bin/openapi/rid/get?access_token=ACCESS_TOKEN"),
        json!({"rid": "61725984-6126f6f9-040f19c4"}),
    );
    let r = parse::<GetRidInfo>(fixture!("cgi-bin/openapi/rid/get"));
    assert_eq!(r.request.invoke_time, 1_635_156_704);
    assert_eq!(r.request.cost_in_ms, 30);
    assert!(r.request.response_body.contains("45009"));
    assert_eq!(r.request.client_ip, "113.xx.70.51");
}

#[test]
fn errcode_becomes_an_api_error() {
    let code = api_error::<ClearQuota>(
        r#"{"errcode":48006,"errmsg":"forbid to clear quota because of reaching the limit rid: 6177-ab"}"#,
    );
    assert_eq!(code, ErrCode::Number(48006));
    assert_eq!(
        api_error::<GetRidInfo>(r#"{"errcode":76001,"errmsg":"rid not found"}"#),
        ErrCode::Number(76001)
    );
}
