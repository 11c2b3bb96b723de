//! User tags: create, list, rename, delete, members, tagging and untagging.

use crate::common;

use common::*;
use futures::StreamExt;
use futures::executor::block_on;
use serde_json::json;
use wechat_core::ErrCode;
use wechat_core::api::oa::tag::*;
use wechat_core::endpoint::{Endpoint, Repeat};

const API: &str = "https://api.weixin.qq.com";

#[test]
fn create_tag() {
    assert_post_json(
        &CreateTag::new("广东"),
        &format!("{API}/cgi-bin/tags/create?access_token=ACCESS_TOKEN"),
        json!({"tag": {"name": "广东"}}),
    );
    let t = parse::<CreateTag>(fixture!("cgi-bin/tags/create"));
    assert_eq!((t.tag.id, t.tag.name.as_str()), (134, "广东"));
    assert_eq!(CreateTag::META.repeat, Repeat::Never);
}

#[test]
fn get_tags() {
    assert_get(
        &GetTags {},
        &format!("{API}/cgi-bin/tags/get?access_token=ACCESS_TOKEN"),
    );
    let t = parse::<GetTags>(fixture!("cgi-bin/tags/get"));
    assert_eq!(t.tags.len(), 3);
    assert_eq!(t.tags[2].id, 127);
    assert_eq!(t.tags[2].count, Some(5));
}

#[test]
fn update_tag() {
    assert_post_json(
        &UpdateTag::new(134, "广东人"),
        &format!("{API}/cgi-bin/tags/update?access_token=ACCESS_TOKEN"),
        json!({"tag": {"id": 134, "name": "广东人"}}),
    );
    parse::<UpdateTag>(fixture!("cgi-bin/tags/update"));
}

#[test]
fn delete_tag() {
    assert_post_json(
        &DeleteTag::new(134),
        &format!("{API}/cgi-bin/tags/delete?access_token=ACCESS_TOKEN"),
        json!({"tag": {"id": 134}}),
    );
    parse::<DeleteTag>(fixture!("cgi-bin/tags/delete"));
}

#[test]
fn get_tag_members() {
    assert_post_json(
        &GetTagMembers {
            tagid: 134,
            next_openid: String::new(),
        },
        &format!("{API}/cgi-bin/user/tag/get?access_token=ACCESS_TOKEN"),
        json!({"tagid": 134, "next_openid": ""}),
    );
    let p = parse::<GetTagMembers>(fixture!("cgi-bin/user/tag/get"));
    assert_eq!(p.total, None);
    assert_eq!(p.count, 2);
    assert_eq!(p.data.openid[0], "ocYxcuAEy30bX0NXmGn4ypqx3tI0");
    assert_eq!(p.next_openid, "ocYxcuBt0mRugKZ7tGAHPnUaOW7Y");
}

#[test]
fn tag_member_openids_walks_the_pages() {
    let (client, wechat) = client();
    wechat
        .push(
            "/cgi-bin/user/tag/get",
            r#"{"count":2,"data":{"openid":["A","B"]},"next_openid":"B"}"#,
        )
        .push(
            "/cgi-bin/user/tag/get",
            r#"{"count":0,"data":{"openid":[]},"next_openid":""}"#,
        );
    let all: Vec<String> = block_on(tag_member_openids(&client, 134).collect::<Vec<_>>())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(all, ["A", "B"]);
    assert_eq!(
        wechat.seen(),
        [
            r#"/cgi-bin/user/tag/get?access_token=ACCESS_TOKEN {"tagid":134,"next_openid":""}"#,
            r#"/cgi-bin/user/tag/get?access_token=ACCESS_TOKEN {"tagid":134,"next_openid":"B"}"#
        ]
    );
}

#[test]
fn batch_tagging_and_untagging() {
    let body = json!({"openid_list": ["ocYxcuAEy30bX0NXmGn4ypqx3tI0", "ocYxcuBt0mRugKZ7tGAHPnUaOW7Y"], "tagid": 134});
    let list = vec![
        "ocYxcuAEy30bX0NXmGn4ypqx3tI0".to_owned(),
        "ocYxcuBt0mRugKZ7tGAHPnUaOW7Y".to_owned(),
    ];
    assert_post_json(
        &BatchTagging {
            openid_list: list.clone(),
            tagid: 134,
        },
        &format!("{API}/cgi-bin/tags/members/batchtagging?access_token=ACCESS_TOKEN"),
        body.clone(),
    );
    parse::<BatchTagging>(fixture!("cgi-bin/tags/members/batchtagging"));
    assert_post_json(
        &BatchUntagging {
            openid_list: list,
            tagid: 134,
        },
        &format!("{API}/cgi-bin/tags/members/batchuntagging?access_token=ACCESS_TOKEN"),
        body,
    );
    parse::<BatchUntagging>(fixture!("cgi-bin/tags/members/batchuntagging"));
}

#[test]
fn get_tag_id_list() {
    assert_post_json(
        &GetTagIdList {
            openid: "ocYxcuBt0mRugKZ7tGAHPnUaOW7Y".into(),
        },
        &format!("{API}/cgi-bin/tags/getidlist?access_token=ACCESS_TOKEN"),
        json!({"openid": "ocYxcuBt0mRugKZ7tGAHPnUaOW7Y"}),
    );
    let l = parse::<GetTagIdList>(fixture!("cgi-bin/tags/getidlist"));
    assert_eq!(l.tagid_list, [134, 2]);
}

#[test]
fn errcode_becomes_an_api_error() {
    assert_eq!(
        api_error::<CreateTag>(r#"{"errcode":45157,"errmsg":"invalid tag name"}"#),
        ErrCode::Number(45157)
    );
}
