//! User management: profiles, remarks, the follower list and its pagination, OpenID migration.

use crate::common;

use common::*;
use futures::StreamExt;
use futures::executor::block_on;
use serde_json::json;
use wechat_core::api::oa::user::*;
use wechat_core::{ErrCode, Result};

const API: &str = "https://api.weixin.qq.com";

#[test]
fn get_user_info() {
    assert_get(
        &GetUserInfo {
            openid: "o6_bmjrPTlm6_2sgVt7hMZOPfL2M".into(),
            lang: Some("zh_CN".into()),
        },
        &format!(
            "{API}/cgi-bin/user/info?access_token=ACCESS_TOKEN&openid=o6_bmjrPTlm6_2sgVt7hMZOPfL2M&lang=zh_CN"
        ),
    );
    assert_get(
        &GetUserInfo::new("OPENID"),
        &format!("{API}/cgi-bin/user/info?access_token=ACCESS_TOKEN&openid=OPENID"),
    );
    let u = parse::<GetUserInfo>(fixture!("cgi-bin/user/info"));
    assert_eq!(u.subscribe, 1);
    assert_eq!(u.openid, "o6_bmjrPTlm6_2sgVt7hMZOPfL2M");
    assert_eq!(u.subscribe_time, 1_382_694_957);
    assert_eq!(u.unionid.as_deref(), Some("o6_bmasdasdsad6_2sgVt7hMZOPfL"));
    assert_eq!(u.tagid_list, [128, 2]);
    assert_eq!(u.subscribe_scene, "ADD_SCENE_QR_CODE");
    assert_eq!(u.qr_scene, Some(98_765));
    // A user who does not follow: nothing but the OpenID. Old fields are ignored.
    let u =
        parse::<GetUserInfo>(r#"{"subscribe":0,"openid":"X","nickname":"old","headimgurl":""}"#);
    assert_eq!((u.subscribe, u.unionid, u.qr_scene), (0, None, None));
}

#[test]
fn batch_get_user_info() {
    let mut req = BatchGetUserInfo::new([
        "otvxTs4dckWG7imySrJd6jSi0CWE",
        "otvxTs_JZ6SEiP0imdhpi50fuSZg",
    ]);
    req.user_list[0].lang = Some("zh_CN".into());
    assert_post_json(
        &req,
        &format!("{API}/cgi-bin/user/info/batchget?access_token=ACCESS_TOKEN"),
        json!({"user_list": [
            {"openid": "otvxTs4dckWG7imySrJd6jSi0CWE", "lang": "zh_CN"},
            {"openid": "otvxTs_JZ6SEiP0imdhpi50fuSZg"}
        ]}),
    );
    let l = parse::<BatchGetUserInfo>(fixture!("cgi-bin/user/info/batchget"));
    assert_eq!(l.user_info_list.len(), 2);
    assert_eq!(l.user_info_list[0].tagid_list, [128, 2]);
    assert_eq!(l.user_info_list[1].subscribe, 0);
}

#[test]
fn update_remark() {
    assert_post_json(
        &UpdateRemark {
            openid: "oDF3iY9ffA-hqb2vVvbr7qxf6A0Q".into(),
            remark: "pangzi".into(),
        },
        &format!("{API}/cgi-bin/user/info/updateremark?access_token=ACCESS_TOKEN"),
        json!({"openid": "oDF3iY9ffA-hqb2vVvbr7qxf6A0Q", "remark": "pangzi"}),
    );
    parse::<UpdateRemark>(fixture!("cgi-bin/user/info/updateremark"));
}

#[test]
fn get_user_list() {
    assert_get(
        &GetUserList::default(),
        &format!("{API}/cgi-bin/user/get?access_token=ACCESS_TOKEN"),
    );
    assert_get(
        &GetUserList {
            next_openid: Some("NEXT_OPENID".into()),
        },
        &format!("{API}/cgi-bin/user/get?access_token=ACCESS_TOKEN&next_openid=NEXT_OPENID"),
    );
    let p = parse::<GetUserList>(fixture!("cgi-bin/user/get"));
    assert_eq!(p.total, Some(2));
    assert_eq!(p.count, 2);
    assert_eq!(p.data.openid, ["OPENID1", "OPENID2"]);
    assert_eq!(p.next_openid, "NEXT_OPENID");
    // The end of the list: no `data` at all.
    let p = parse::<GetUserList>(r#"{"total":2,"count":0,"next_openid":""}"#);
    assert!(p.data.openid.is_empty());
}

#[test]
fn change_openid() {
    assert_post_json(
        &ChangeOpenid {
            from_appid: "wx731182708a43e868".into(),
            openid_list: vec![
                "oEmYbwN-n24jxvk4Sox81qedINkQ".into(),
                "oEmYbwH9uVd4RKJk7ZZg6SzL6tTo".into(),
            ],
        },
        &format!("{API}/cgi-bin/changeopenid?access_token=ACCESS_TOKEN"),
        json!({"from_appid": "wx731182708a43e868",
               "openid_list": ["oEmYbwN-n24jxvk4Sox81qedINkQ", "oEmYbwH9uVd4RKJk7ZZg6SzL6tTo"]}),
    );
    let r = parse::<ChangeOpenid>(fixture!("cgi-bin/changeopenid"));
    assert_eq!(r.result_list[0].new_openid, "o2FwqwI9xCsVadFah_HtpPfaR-X4");
    assert_eq!(r.result_list[1].new_openid, "");
    assert_eq!(r.result_list[1].err_msg, "ori_openid error");
}

#[test]
fn errcode_becomes_an_api_error() {
    assert_eq!(
        api_error::<GetUserInfo>(r#"{"errcode":40003,"errmsg":"invalid openid"}"#),
        ErrCode::Number(40003)
    );
}

fn codes(items: &[Result<String>]) -> Vec<String> {
    items
        .iter()
        .map(|r| match r {
            Ok(o) => o.clone(),
            Err(e) => format!("error {:?}", e.code()),
        })
        .collect()
}

#[test]
fn follower_openids_walks_every_page_and_stops_at_the_total() {
    let (client, wechat) = client();
    wechat
        .push(
            "/cgi-bin/user/get",
            r#"{"total":3,"count":2,"data":{"openid":["A","B"]},"next_openid":"B"}"#,
        )
        .push(
            "/cgi-bin/user/get",
            r#"{"total":3,"count":1,"data":{"openid":["C"]},"next_openid":"C"}"#,
        );
    let all: Vec<_> = block_on(follower_openids(&client).collect());
    assert_eq!(codes(&all), ["A", "B", "C"]);
    // Two calls: the total says the list is complete, so no call for an empty page.
    assert_eq!(
        wechat.seen(),
        [
            "/cgi-bin/user/get?access_token=ACCESS_TOKEN",
            "/cgi-bin/user/get?access_token=ACCESS_TOKEN&next_openid=B"
        ]
    );
}

#[test]
fn follower_pages_end_on_an_empty_page() {
    let (client, wechat) = client();
    wechat
        .push(
            "/cgi-bin/user/get",
            r#"{"total":10,"count":1,"data":{"openid":["D"]},"next_openid":"D"}"#,
        )
        .push(
            "/cgi-bin/user/get",
            r#"{"total":10,"count":0,"next_openid":""}"#,
        );
    let pages: Vec<_> = block_on(follower_pages(&client, Some("C".into())).collect());
    assert_eq!(pages.len(), 1);
    assert_eq!(pages[0].as_ref().unwrap().data.openid, ["D"]);
    assert_eq!(
        wechat.seen(),
        [
            "/cgi-bin/user/get?access_token=ACCESS_TOKEN&next_openid=C",
            "/cgi-bin/user/get?access_token=ACCESS_TOKEN&next_openid=D"
        ]
    );
}

#[test]
fn an_error_is_yielded_and_ends_the_stream() {
    let (client, wechat) = client();
    wechat
        .push(
            "/cgi-bin/user/get",
            r#"{"total":30000,"count":2,"data":{"openid":["A","B"]},"next_openid":"B"}"#,
        )
        .push(
            "/cgi-bin/user/get",
            r#"{"errcode":45009,"errmsg":"reach max api daily quota limit"}"#,
        );
    let all: Vec<_> = block_on(follower_openids(&client).collect());
    assert_eq!(codes(&all), ["A", "B", "error Some(45009)"]);
    // Nothing more was asked after the error (nothing else is scripted: another call would panic).
    assert_eq!(wechat.seen().len(), 2);
}

#[test]
fn a_repeated_cursor_ends_the_stream() {
    let (client, wechat) = client();
    let same = r#"{"total":99,"count":1,"data":{"openid":["A"]},"next_openid":"A"}"#;
    wechat
        .push("/cgi-bin/user/get", same)
        .push("/cgi-bin/user/get", same);
    let all: Vec<_> = block_on(follower_openids(&client).collect());
    assert_eq!(codes(&all), ["A", "A"]);
    assert_eq!(wechat.seen().len(), 2);
}

/// The streams are `Send` when the adapter's futures are: a compile-time check.
#[allow(dead_code)]
fn streams_are_send(client: &TestClient) {
    fn is_send<T: Send>(_: T) {}
    is_send(follower_openids(client));
    is_send(follower_pages(client, None));
}
