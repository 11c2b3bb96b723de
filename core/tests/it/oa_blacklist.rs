//! The blacklist: list (paged), block, unblock.

use crate::common;

use common::*;
use futures::StreamExt;
use futures::executor::block_on;
use serde_json::json;
use wechat_core::ErrCode;
use wechat_core::api::oa::blacklist::*;

const API: &str = "https://api.weixin.qq.com";

#[test]
fn get_blacklist() {
    assert_post_json(
        &GetBlacklist {
            begin_openid: "OPENID1".into(),
        },
        &format!("{API}/cgi-bin/tags/members/getblacklist?access_token=ACCESS_TOKEN"),
        json!({"begin_openid": "OPENID1"}),
    );
    let p = parse::<GetBlacklist>(fixture!("cgi-bin/tags/members/getblacklist"));
    assert_eq!(p.total, Some(23_000));
    assert_eq!(p.count, 10_000);
    assert_eq!(p.data.openid.len(), 3);
    assert_eq!(p.next_openid, "OPENID10000");
}

#[test]
fn blacklist_openids_walks_the_pages() {
    let (client, wechat) = client();
    wechat
        .push(
            "/cgi-bin/tags/members/getblacklist",
            r#"{"total":3,"count":2,"data":{"openid":["A","B"]},"next_openid":"B"}"#,
        )
        .push(
            "/cgi-bin/tags/members/getblacklist",
            r#"{"total":3,"count":1,"data":{"openid":["C"]},"next_openid":"C"}"#,
        );
    let all: Vec<String> = block_on(blacklist_openids(&client).collect::<Vec<_>>())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(all, ["A", "B", "C"]);
    assert_eq!(
        wechat.seen(),
        [
            r#"/cgi-bin/tags/members/getblacklist?access_token=ACCESS_TOKEN {"begin_openid":""}"#,
            r#"/cgi-bin/tags/members/getblacklist?access_token=ACCESS_TOKEN {"begin_openid":"B"}"#
        ]
    );
}

#[test]
fn block_and_unblock() {
    let body = json!({"openid_list": ["OPENID1", "OPENID2"]});
    let list = vec!["OPENID1".to_owned(), "OPENID2".to_owned()];
    assert_post_json(
        &BatchBlacklist {
            openid_list: list.clone(),
        },
        &format!("{API}/cgi-bin/tags/members/batchblacklist?access_token=ACCESS_TOKEN"),
        body.clone(),
    );
    parse::<BatchBlacklist>(fixture!("cgi-bin/tags/members/batchblacklist"));
    assert_post_json(
        &BatchUnblacklist { openid_list: list },
        &format!("{API}/cgi-bin/tags/members/batchunblacklist?access_token=ACCESS_TOKEN"),
        body,
    );
    parse::<BatchUnblacklist>(fixture!("cgi-bin/tags/members/batchunblacklist"));
}

#[test]
fn errcode_becomes_an_api_error() {
    assert_eq!(
        api_error::<BatchBlacklist>(r#"{"errcode":49003,"errmsg":"not match openid"}"#),
        ErrCode::Number(49003)
    );
}
