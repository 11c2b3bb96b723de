//! Mini Program: analysis, codes, links, subscribe messages, red-packet covers.

use crate::common::*;

use serde_json::json;
use wechat_core::Error;
use wechat_core::api::mp::analysis::*;
use wechat_core::api::mp::link::*;
use wechat_core::api::mp::qrcode::*;
use wechat_core::api::mp::redpacket::*;
use wechat_core::api::mp::subscribe::*;
use wechat_core::endpoint::Endpoint;

const API: &str = "https://api.weixin.qq.com";

fn url(path: &str) -> String {
    format!("{API}{path}?access_token=ACCESS_TOKEN")
}

/// The tiny PNG the emulator answers the code endpoints with.
const PNG: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/wxa/getwxacode.png"
));

fn image(content_type: &str, body: &[u8]) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(200)
        .header(http::header::CONTENT_TYPE, content_type)
        .body(body.to_vec())
        .unwrap()
}

/// An image answer parses as the image; a JSON error, whatever its `Content-Type`, is the API
/// error and never an image.
fn check_code<E: Endpoint<Response = wechat_core::endpoint::Binary>>() {
    assert_mp_cataloged::<E>();
    assert!(PNG.starts_with(b"\x89PNG\r\n\x1a\n"));
    let code = E::parse(&image("image/png", PNG)).expect("the image");
    assert_eq!(code.bytes, PNG);
    assert_eq!(code.content_type.as_deref(), Some("image/png"));
    let refused = br#"{"errcode":41030,"errmsg":"invalid page rid: 6620a1f3-0b1d4a5c-1"}"#;
    for content_type in ["application/json; charset=UTF-8", "image/jpeg"] {
        match E::parse(&image(content_type, refused)) {
            Err(Error::Api(e)) => {
                assert_eq!(e.code, wechat_core::ErrCode::Number(41030));
                assert_eq!(e.rid.as_deref(), Some("6620a1f3-0b1d4a5c-1"));
            }
            other => panic!("{}: expected the API error, got {other:?}", E::META.name),
        }
    }
}

#[test]
fn get_wxa_code() {
    assert_post_json(
        &GetWxaCode::new("page/index/index?foo=bar")
            .width(430)
            .line_color(LineColor::rgb(0, 0, 0))
            .hyaline()
            .env_version("trial"),
        &url("/wxa/getwxacode"),
        json!({
            "path": "page/index/index?foo=bar",
            "width": 430,
            "auto_color": false,
            "line_color": {"r": 0, "g": 0, "b": 0},
            "is_hyaline": true,
            "env_version": "trial"
        }),
    );
    assert_post_json(
        &GetWxaCode::new("page/index/index"),
        &url("/wxa/getwxacode"),
        json!({"path": "page/index/index"}),
    );
    check_code::<GetWxaCode>();
}

#[test]
fn get_wxa_code_unlimit() {
    assert_post_json(
        &GetWxaCodeUnlimit::new("a=1")
            .page("pages/index/index")
            .check_path(true)
            .env_version("release")
            .width(280),
        &url("/wxa/getwxacodeunlimit"),
        json!({
            "page": "pages/index/index",
            "scene": "a=1",
            "check_path": true,
            "env_version": "release",
            "width": 280
        }),
    );
    check_code::<GetWxaCodeUnlimit>();
}

#[test]
fn create_wxa_qr_code() {
    assert_post_json(
        &CreateWxaQrCode::new("page/index/index").width(430),
        &url("/cgi-bin/wxaapp/createwxaqrcode"),
        json!({"path": "page/index/index", "width": 430}),
    );
    check_code::<CreateWxaQrCode>();
}

#[test]
fn code_fixtures_are_real_pngs() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");
    for path in [
        "wxa/getwxacode.png",
        "wxa/getwxacodeunlimit.png",
        "cgi-bin/wxaapp/createwxaqrcode.png",
    ] {
        let bytes = std::fs::read(format!("{dir}/{path}")).unwrap();
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{path}");
        assert!(bytes.ends_with(b"IEND\xae\x42\x60\x82"), "{path}");
    }
}

#[test]
fn url_scheme() {
    assert_post_json(
        &GenerateScheme {
            jump_wxa: Some(JumpWxa {
                path: "/pages/publishHomework/publishHomework".into(),
                query: String::new(),
                env_version: Some("release".into()),
            }),
            is_expire: Some(true),
            expire_type: Some(ExpireType::AtTime),
            expire_time: Some(1606737600),
            expire_interval: None,
        },
        &url("/wxa/generatescheme"),
        json!({
            "jump_wxa": {
                "path": "/pages/publishHomework/publishHomework",
                "env_version": "release"
            },
            "is_expire": true,
            "expire_type": 0,
            "expire_time": 1606737600
        }),
    );
    assert_post_json(
        &GenerateScheme::page("pages/index/index", "a=1", 30),
        &url("/wxa/generatescheme"),
        json!({
            "jump_wxa": {"path": "pages/index/index", "query": "a=1"},
            "is_expire": true,
            "expire_type": 1,
            "expire_interval": 30
        }),
    );
    let made = parse::<GenerateScheme>(fixture!("wxa/generatescheme"));
    assert_eq!(made.openlink, "weixin://dl/business/?t=XTSkBZlzqmn");
    assert_mp_cataloged::<GenerateScheme>();
    assert!(
        serde_json::from_value::<GenerateScheme>(json!({"expire_type": 2})).is_err(),
        "expire_type is 0 or 1"
    );

    assert_post_json(
        &QueryScheme::new("weixin://dl/business/?t=XTSkBZlzqmn"),
        &url("/wxa/queryscheme"),
        json!({"scheme": "weixin://dl/business/?t=XTSkBZlzqmn"}),
    );
    let q = parse::<QueryScheme>(fixture!("wxa/queryscheme"));
    assert_eq!(q.scheme_info.appid, "appid");
    assert_eq!(q.scheme_info.create_time, 611256014);
    assert_eq!(q.scheme_info.env_version, "release");
    assert_eq!(q.scheme_quota.unwrap().long_time_limit, 100000);
    assert_mp_cataloged::<QueryScheme>();
    assert_rows_covered("miniprogram/urlscheme");
}

#[test]
fn url_link() {
    assert_post_json(
        &GenerateUrlLink {
            path: Some("/pages/publishHomework/publishHomework".into()),
            query: Some(String::new()),
            is_expire: Some(true),
            expire_type: Some(ExpireType::AtTime),
            expire_time: Some(1606737600),
            env_version: Some("release".into()),
            cloud_base: Some(CloudBase {
                env: "xxx".into(),
                domain: "xxx.xx".into(),
                path: "/jump-wxa.html".into(),
                query: "a=1&b=2".into(),
                ..CloudBase::default()
            }),
            expire_interval: None,
        },
        &url("/wxa/generate_urllink"),
        json!({
            "path": "/pages/publishHomework/publishHomework",
            "query": "",
            "is_expire": true,
            "expire_type": 0,
            "expire_time": 1606737600,
            "env_version": "release",
            "cloud_base": {
                "env": "xxx",
                "domain": "xxx.xx",
                "path": "/jump-wxa.html",
                "query": "a=1&b=2"
            }
        }),
    );
    assert_post_json(
        &GenerateUrlLink::page("pages/index/index", "a=1", 7),
        &url("/wxa/generate_urllink"),
        json!({
            "path": "pages/index/index",
            "query": "a=1",
            "is_expire": true,
            "expire_type": 1,
            "expire_interval": 7
        }),
    );
    let made = parse::<GenerateUrlLink>(fixture!("wxa/generate_urllink"));
    assert_eq!(made.url_link, "URL Link");
    assert_mp_cataloged::<GenerateUrlLink>();

    assert_post_json(
        &QueryUrlLink::new("https://wxaurl.cn/BQZRrcFCPvg"),
        &url("/wxa/query_urllink"),
        json!({"url_link": "https://wxaurl.cn/BQZRrcFCPvg"}),
    );
    let q = parse::<QueryUrlLink>(fixture!("wxa/query_urllink"));
    assert_eq!(q.url_link_info.path, "pages/index/index");
    assert_eq!(q.url_link_info.cloud_base.unwrap().env, "cloud-env-id");
    assert_eq!(q.url_link_quota.unwrap().long_time_used, 100);
    assert_eq!(
        q.visit_openid.as_deref(),
        Some("oIRdb5Dr3NrHkbf3IkN71-8RkJxU")
    );
    assert_mp_cataloged::<QueryUrlLink>();
    assert_errcode::<QueryUrlLink>(r#"{"errcode":85403,"errmsg":"url_link not found"}"#, 85403);
    assert_rows_covered("miniprogram/urllink");
}

#[test]
fn short_link() {
    assert_post_json(
        &GenerateShortLink::permanent(
            "pages/publishHomework/publishHomework?query1=q1",
            "Homework title",
        ),
        &url("/wxa/genwxashortlink"),
        json!({
            "page_url": "pages/publishHomework/publishHomework?query1=q1",
            "page_title": "Homework title",
            "is_permanent": true
        }),
    );
    assert_post_json(
        &GenerateShortLink::temporary("pages/index/index", "Home"),
        &url("/wxa/genwxashortlink"),
        json!({"page_url": "pages/index/index", "page_title": "Home", "is_permanent": false}),
    );
    let made = parse::<GenerateShortLink>(fixture!("wxa/genwxashortlink"));
    assert_eq!(made.link, "#小程序://小程序示例/s1uHnSCqXj0Yv9B");
    assert_mp_cataloged::<GenerateShortLink>();
    assert_rows_covered("miniprogram/shortlink");
}

#[test]
fn qrcode_rows() {
    assert_rows_covered("miniprogram/qrcode");
}

#[test]
fn subscribe_send() {
    let send = SendSubscribeMessage::new("OPENID", "TEMPLATE_ID")
        .page("index")
        .state(MiniProgramState::Developer)
        .lang("zh_CN")
        .value("number01", "339208499")
        .value("date01", "2015年01月05日")
        .value("site01", "TIT创意园")
        .value("site02", "广州市新港中路397号");
    assert_post_json(
        &send,
        &url("/cgi-bin/message/subscribe/send"),
        json!({
            "touser": "OPENID",
            "template_id": "TEMPLATE_ID",
            "page": "index",
            "miniprogram_state": "developer",
            "lang": "zh_CN",
            "data": {
                "number01": {"value": "339208499"},
                "date01": {"value": "2015年01月05日"},
                "site01": {"value": "TIT创意园"},
                "site02": {"value": "广州市新港中路397号"}
            }
        }),
    );
    assert_eq!(
        <SendSubscribeMessage as Endpoint>::META.repeat,
        wechat_core::endpoint::Repeat::Never
    );
    let sent = parse::<SendSubscribeMessage>(fixture!("cgi-bin/message/subscribe/send"));
    assert_eq!(sent.msgid, Some(294402298110051942));
    assert_mp_cataloged::<SendSubscribeMessage>();
    assert_errcode::<SendSubscribeMessage>(
        r#"{"errcode":43101,"errmsg":"user refuse to accept the msg"}"#,
        43101,
    );
}

#[test]
fn uniform_send() {
    let send = UniformSend::new(
        "OPENID",
        "APPID",
        "TEMPLATE_ID",
        "http://weixin.qq.com/download",
        "xiaochengxuappid12345",
        "index?foo=bar",
    )
    .value("first", "恭喜你购买成功！", Some("#173177"))
    .value("keyword1", "巧克力", Some("#173177"))
    .value("keyword2", "39.8元", Some("#173177"))
    .value("keyword3", "2014年9月22日", Some("#173177"))
    .value("remark", "欢迎再次购买！", Some("#173177"));
    assert_post_json(
        &send,
        &url("/cgi-bin/message/wxopen/template/uniform_send"),
        json!({
            "touser": "OPENID",
            "mp_template_msg": {
                "appid": "APPID",
                "template_id": "TEMPLATE_ID",
                "url": "http://weixin.qq.com/download",
                "miniprogram": {"appid": "xiaochengxuappid12345", "pagepath": "index?foo=bar"},
                "data": {
                    "first": {"value": "恭喜你购买成功！", "color": "#173177"},
                    "keyword1": {"value": "巧克力", "color": "#173177"},
                    "keyword2": {"value": "39.8元", "color": "#173177"},
                    "keyword3": {"value": "2014年9月22日", "color": "#173177"},
                    "remark": {"value": "欢迎再次购买！", "color": "#173177"}
                }
            }
        }),
    );
    parse::<UniformSend>(fixture!("cgi-bin/message/wxopen/template/uniform_send"));
    assert_mp_cataloged::<UniformSend>();
    assert_rows_covered("miniprogram/subscribe");
}

#[test]
fn red_packet_cover() {
    assert_post_json(
        &GetRedPacketCoverUrl::new("xxxxxxxxxxmTo5lAUQxxxxxxxxxx", "xxxxxqpHPu1xxxxx"),
        &url("/redpacketcover/wxapp/cover_url/get_by_token"),
        json!({"openid": "xxxxxxxxxxmTo5lAUQxxxxxxxxxx", "ctoken": "xxxxxqpHPu1xxxxx"}),
    );
    let cover =
        parse::<GetRedPacketCoverUrl>(fixture!("redpacketcover/wxapp/cover_url/get_by_token"));
    assert_eq!(cover.data.url, "https://xxx.xxx.xxx.xxx/xxx");
    assert_mp_cataloged::<GetRedPacketCoverUrl>();
    assert_errcode::<GetRedPacketCoverUrl>(
        r#"{"errcode":9600004,"errmsg":"ctoken error"}"#,
        9600004,
    );
    assert_rows_covered("miniprogram/redpacketcover");
}

/// Checks the request of a `getweanalysis*` endpoint and its fixture's parse; returns the answer.
macro_rules! analysis {
    ($req:ident, $path:literal) => {{
        assert_post_json(
            &$req::new("20170313", "20170313"),
            &url(concat!("/datacube/", $path)),
            json!({"begin_date": "20170313", "end_date": "20170313"}),
        );
        assert_eq!(
            $req::from(DateRange::day("20170313")),
            $req::new("20170313", "20170313")
        );
        assert_mp_cataloged::<$req>();
        parse::<$req>(include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/datacube/",
            $path,
            ".json"
        )))
    }};
}

#[test]
fn analysis_summary_and_trends() {
    let s = analysis!(GetDailySummary, "getweanalysisappiddailysummarytrend");
    assert_eq!(s.list[0].ref_date, "20170313");
    assert_eq!(
        (
            s.list[0].visit_total,
            s.list[0].share_pv,
            s.list[0].share_uv
        ),
        (391, 572, 383)
    );

    let t = analysis!(GetDailyVisitTrend, "getweanalysisappiddailyvisittrend");
    assert_eq!(t.list[0].session_cnt, 142549);
    assert_eq!(t.list[0].visit_uv_new, 5464);
    assert!((t.list[0].visit_depth - 1.9838).abs() < 1e-9);
    let t = analysis!(GetWeeklyVisitTrend, "getweanalysisappidweeklyvisittrend");
    assert_eq!(t.list[0].ref_date, "20170306-20170312");
    let t = analysis!(GetMonthlyVisitTrend, "getweanalysisappidmonthlyvisittrend");
    assert_eq!(t.list[0].ref_date, "201703");
    assert_eq!(t.list[0].visit_pv, 426113);
}

#[test]
fn analysis_retain() {
    let r = analysis!(GetDailyRetain, "getweanalysisappiddailyretaininfo");
    assert_eq!((r.visit_uv_new[0].key, r.visit_uv_new[0].value), (0, 5464));
    assert_eq!(r.visit_uv[0].value, 55500);
    let r = analysis!(GetWeeklyRetain, "getweanalysisappidweeklyretaininfo");
    assert_eq!(r.visit_uv[1].value, 99310);
    let r = analysis!(GetMonthlyRetain, "getweanalysisappidmonthlyretaininfo");
    assert_eq!(r.ref_date, "201702");
}

#[test]
fn analysis_distribution_pages_portrait() {
    let d = analysis!(GetVisitDistribution, "getweanalysisappidvisitdistribution");
    assert_eq!(d.list.len(), 3);
    assert_eq!(d.list[0].index, "access_source_session_cnt");
    assert_eq!(d.list[0].item_list[8].value, 116578);
    assert_eq!(d.list[2].index, "access_depth_info");

    let p = analysis!(GetVisitPage, "getweanalysisappidvisitpage");
    assert_eq!(p.list[0].page_path, "pages/main/main.html");
    assert_eq!(p.list[1].exitpage_pv, 47051);
    assert!((p.list[0].page_staytime_pv - 8.139198).abs() < 1e-9);

    let u = analysis!(GetUserPortrait, "getweanalysisappiduserportrait");
    assert_eq!(u.visit_uv_new.province[0].name, "广东省");
    assert_eq!(u.visit_uv_new.devices[0].id, None);
    assert_eq!(u.visit_uv.ages[0].id, Some(1));
    assert_eq!(u.visit_uv.ages[0].value, 3156);

    assert_errcode::<GetVisitPage>(r#"{"errcode":61500,"errmsg":"date format error"}"#, 61500);
    assert_rows_covered("miniprogram/analysis");
}
