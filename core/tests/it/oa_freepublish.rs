//! Publishing: requests, fixtures and the published stream.

use crate::common;

use common::*;
use futures::StreamExt;
use futures::executor::block_on;
use serde_json::json;
use wechat_core::Endpoint;
use wechat_core::api::oa::freepublish::*;

const API: &str = "https://api.weixin.qq.com";

#[test]
fn submit() {
    assert_post_json(
        &SubmitPublish {
            media_id: "DRAFT".into(),
        },
        &format!("{API}/cgi-bin/freepublish/submit?access_token=ACCESS_TOKEN"),
        json!({"media_id": "DRAFT"}),
    );
    let job = parse::<SubmitPublish>(fixture!("cgi-bin/freepublish/submit"));
    assert_eq!(job.publish_id, "2247503051");
    assert_eq!(job.msg_data_id.as_deref(), Some("2247503052"));
    // Some answers carry the id as a number: it stays exact.
    let job =
        parse::<SubmitPublish>(r#"{"errcode":0,"errmsg":"ok","publish_id":9007199254740993}"#);
    assert_eq!(job.publish_id, "9007199254740993");
    assert_errcode::<SubmitPublish>(
        r#"{"errcode":53503,"errmsg":"draft has not passed the publish check"}"#,
        53503,
    );
    assert_eq!(
        SubmitPublish::META.repeat,
        wechat_core::endpoint::Repeat::Never
    );
    assert_cataloged::<SubmitPublish>();
}

#[test]
fn publish_status() {
    assert_post_json(
        &GetPublishStatus {
            publish_id: "2247503051".into(),
        },
        &format!("{API}/cgi-bin/freepublish/get?access_token=ACCESS_TOKEN"),
        json!({"publish_id": "2247503051"}),
    );
    let status = parse::<GetPublishStatus>(fixture!("cgi-bin/freepublish/get"));
    assert!(status.is_finished());
    assert_eq!(status.publish_status, 0);
    let detail = status.article_detail.unwrap();
    assert_eq!(detail.count, 1);
    assert_eq!(detail.item[0].idx, 1);
    let failed = parse::<GetPublishStatus>(
        r#"{"publish_id":"100000001","publish_status":2,"fail_idx":[1,2]}"#,
    );
    assert_eq!(failed.fail_idx, [1, 2]);
    assert!(failed.article_detail.is_none());
    let running = parse::<GetPublishStatus>(r#"{"publish_id":"1","publish_status":1}"#);
    assert!(!running.is_finished());
    assert_cataloged::<GetPublishStatus>();
}

#[test]
fn delete_and_get_article() {
    assert_post_json(
        &DeletePublished {
            article_id: "ART".into(),
            index: Some(1),
        },
        &format!("{API}/cgi-bin/freepublish/delete?access_token=ACCESS_TOKEN"),
        json!({"article_id": "ART", "index": 1}),
    );
    assert_post_json(
        &DeletePublished {
            article_id: "ART".into(),
            index: None,
        },
        &format!("{API}/cgi-bin/freepublish/delete?access_token=ACCESS_TOKEN"),
        json!({"article_id": "ART"}),
    );
    parse::<DeletePublished>(fixture!("cgi-bin/freepublish/delete"));
    assert_post_json(
        &GetPublishedArticle {
            article_id: "ART".into(),
        },
        &format!("{API}/cgi-bin/freepublish/getarticle?access_token=ACCESS_TOKEN"),
        json!({"article_id": "ART"}),
    );
    let articles = parse::<GetPublishedArticle>(fixture!("cgi-bin/freepublish/getarticle"));
    let a = &articles.news_item[0];
    assert_eq!(a.title, "Spring menu");
    assert!(!a.is_deleted);
    assert!(a.thumb_url.is_some());
    assert_errcode::<GetPublishedArticle>(
        r#"{"errcode":53600,"errmsg":"Article ID invalid"}"#,
        53600,
    );
    assert_cataloged::<DeletePublished>();
    assert_cataloged::<GetPublishedArticle>();
}

#[test]
fn batchget_published() {
    assert_post_json(
        &BatchGetPublished {
            offset: 20,
            count: 20,
            no_content: None,
        },
        &format!("{API}/cgi-bin/freepublish/batchget?access_token=ACCESS_TOKEN"),
        json!({"offset": 20, "count": 20}),
    );
    let list = parse::<BatchGetPublished>(fixture!("cgi-bin/freepublish/batchget"));
    assert_eq!(
        list.item[0].article_id,
        "b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvyWP4Hq4"
    );
    assert_eq!(list.item[0].content.news_item[0].show_cover_pic, Some(1));
    assert_errcode::<BatchGetPublished>(r#"{"errcode":48001,"errmsg":"api unauthorized"}"#, 48001);
    assert_cataloged::<BatchGetPublished>();
}

#[test]
fn published_stream_trusts_total_count() {
    let (client, wechat) = client();
    let page = |ids: &[&str]| {
        let items: Vec<_> = ids
            .iter()
            .map(|id| json!({"article_id": id, "content": {"news_item": []}, "update_time": 1}))
            .collect();
        json!({"total_count": 2, "item_count": ids.len(), "item": items}).to_string()
    };
    wechat.answer(page(&["a1", "a2"]));
    let items: Vec<_> = block_on(published(&client, 20, false).collect::<Vec<_>>());
    assert_eq!(items.len(), 2);
    assert_eq!(
        wechat.requests().len(),
        1,
        "total_count reached: no second call"
    );
    assert_eq!(wechat.bodies()[0], json!({"offset": 0, "count": 20}));
}

#[test]
fn every_reference_row_is_cataloged() {
    assert_rows_covered("officialaccount/freepublish");
}
