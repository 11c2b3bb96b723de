//! Analytics: every datacube endpoint's request and fixture, and the ad revenue endpoints.

use crate::common;

use common::*;
use serde_json::json;
use wechat_core::Error;
use wechat_core::api::oa::datacube::*;

const API: &str = "https://api.weixin.qq.com";

/// Checks the request and the fixture of a `datacube/*` endpoint; returns the parsed rows.
macro_rules! check {
    ($req:ident, $path:literal) => {{
        assert_post_json(
            &$req::new("2024-03-01", "2024-03-02"),
            concat!(
                "https://api.weixin.qq.com/datacube/",
                $path,
                "?access_token=ACCESS_TOKEN"
            ),
            json!({"begin_date": "2024-03-01", "end_date": "2024-03-02"}),
        );
        assert_cataloged::<$req>();
        let fixture = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/datacube/",
            $path,
            ".json"
        ));
        let rows = parse::<$req>(fixture).list;
        assert!(!rows.is_empty(), "{} has rows", $path);
        rows
    }};
}

#[test]
fn users() {
    let rows = check!(GetUserSummary, "getusersummary");
    assert_eq!(rows.len(), 3);
    assert_eq!((rows[1].user_source, rows[1].new_user), (30, 41));
    let rows = check!(GetUserCumulate, "getusercumulate");
    assert_eq!(rows[1].cumulate_user, 10_566);
}

#[test]
fn articles() {
    let rows = check!(GetArticleSummary, "getarticlesummary");
    assert_eq!(rows[0].msgid, "2247483653_1");
    assert_eq!(rows[0].share_count, 994);
    let rows = check!(GetArticleTotal, "getarticletotal");
    let d = &rows[0].details[0];
    assert_eq!(d.target_user, 10_562);
    assert_eq!(d.int_page_from_feed_read_count, 431);
    assert_eq!(d.feed_share_from_other_cnt, 2);
    let rows = check!(GetUserRead, "getuserread");
    assert_eq!(rows[0].user_source, 99_999_999);
    assert_eq!(rows[0].ref_hour, None);
    let rows = check!(GetUserReadHour, "getuserreadhour");
    assert_eq!(rows[0].ref_hour, Some(1200));
    let rows = check!(GetUserShare, "getusershare");
    assert_eq!(rows[1].share_scene, 2);
    let rows = check!(GetUserShareHour, "getusersharehour");
    assert_eq!(rows[0].ref_hour, Some(1200));
}

#[test]
fn messages() {
    let rows = check!(GetUpstreamMsg, "getupstreammsg");
    assert_eq!((rows[0].msg_type, rows[0].msg_count), (1, 817));
    let rows = check!(GetUpstreamMsgHour, "getupstreammsghour");
    assert_eq!(rows[0].ref_hour, Some(0));
    check!(GetUpstreamMsgWeek, "getupstreammsgweek");
    check!(GetUpstreamMsgMonth, "getupstreammsgmonth");
    let rows = check!(GetUpstreamMsgDist, "getupstreammsgdist");
    assert_eq!((rows[0].count_interval, rows[0].msg_user), (1, 246));
    check!(GetUpstreamMsgDistWeek, "getupstreammsgdistweek");
    check!(GetUpstreamMsgDistMonth, "getupstreammsgdistmonth");
}

#[test]
fn interface() {
    let rows = check!(GetInterfaceSummary, "getinterfacesummary");
    assert_eq!(rows[0].total_time_cost, 14_994_291);
    let rows = check!(GetInterfaceSummaryHour, "getinterfacesummaryhour");
    assert_eq!(rows[0].max_time_cost, 5_042);
}

#[test]
fn datacube_errors_and_new_fields() {
    assert_errcode::<GetUserSummary>(r#"{"errcode":61501,"errmsg":"date range error"}"#, 61501);
    let rows = parse::<GetUserCumulate>(
        r#"{"list":[{"ref_date":"2024-03-01","cumulate_user":1,"added_tomorrow":true}],"extra":[]}"#,
    )
    .list;
    assert_eq!(rows[0].cumulate_user, 1);
}

#[test]
fn ad_positions() {
    assert_get(
        &GetPublisherAdPosGeneral {
            page: 1,
            page_size: 10,
            start_date: "2024-03-01".into(),
            end_date: "2024-03-02".into(),
            ad_slot: Some("SLOT_ID_BIZ_BOTTOM".into()),
        },
        &format!(
            "{API}/publisher/stat?access_token=ACCESS_TOKEN&action=publisher_adpos_general\
             &page=1&page_size=10&start_date=2024-03-01&end_date=2024-03-02&ad_slot=SLOT_ID_BIZ_BOTTOM"
        ),
    );
    let stat =
        parse::<GetPublisherAdPosGeneral>(fixture!("publisher/stat/publisher_adpos_general"));
    assert_eq!(stat.total_num, 1);
    // A slot id beyond 2^53 stays exact.
    assert_eq!(stat.list[0].slot_id, Some(3_030_046_789_020_061));
    assert_eq!(stat.list[0].income, 101);
    assert!((stat.summary.ecpm - 1.93858).abs() < 1e-9);
    assert_cataloged::<GetPublisherAdPosGeneral>();
}

#[test]
fn cps_and_settlement() {
    assert_get(
        &GetPublisherCpsGeneral {
            page: 2,
            page_size: 90,
            start_date: "2024-03-01".into(),
            end_date: "2024-03-31".into(),
        },
        &format!(
            "{API}/publisher/stat?access_token=ACCESS_TOKEN&action=publisher_cps_general\
             &page=2&page_size=90&start_date=2024-03-01&end_date=2024-03-31"
        ),
    );
    let cps = parse::<GetPublisherCpsGeneral>(fixture!("publisher/stat/publisher_cps_general"));
    assert_eq!(cps.list[0].total_commission, 948);
    assert_eq!(cps.summary.date, None);
    assert_cataloged::<GetPublisherCpsGeneral>();

    assert_get(
        &GetPublisherSettlement {
            page: 1,
            page_size: 10,
            start_date: "2024-01-01".into(),
            end_date: "2024-03-31".into(),
        },
        &format!(
            "{API}/publisher/stat?access_token=ACCESS_TOKEN&action=publisher_settlement\
             &page=1&page_size=10&start_date=2024-01-01&end_date=2024-03-31"
        ),
    );
    let sett = parse::<GetPublisherSettlement>(fixture!("publisher/stat/publisher_settlement"));
    assert_eq!(
        sett.settlement_list[0].slot_revenue[0].slot_settled_revenue,
        2_847_205
    );
    assert_eq!(sett.body, "公众号");
    assert_cataloged::<GetPublisherSettlement>();
}

#[test]
fn publisher_errors_come_from_base_resp_or_the_envelope() {
    match <GetPublisherSettlement as wechat_core::Endpoint>::parse(&ok(
        r#"{"base_resp":{"err_msg":"invalid date","ret":2009}}"#,
    )) {
        Err(Error::Api(e)) => {
            assert_eq!(e.code.number().unwrap(), 2009);
            assert_eq!(e.message, "invalid date");
        }
        other => panic!("{other:?}"),
    }
    assert_errcode::<GetPublisherAdPosGeneral>(
        r#"{"errcode":40001,"errmsg":"invalid credential"}"#,
        40001,
    );
}

#[test]
fn every_reference_row_is_cataloged() {
    assert_rows_covered("officialaccount/datacube");
}
