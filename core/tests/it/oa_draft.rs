//! The draft box: requests, fixtures and the draft stream.

use crate::common;

use common::*;
use futures::TryStreamExt;
use futures::executor::block_on;
use serde_json::json;
use wechat_core::Endpoint;
use wechat_core::api::oa::draft::*;

const API: &str = "https://api.weixin.qq.com";

#[test]
fn add_news_and_newspic_drafts() {
    let mut news = DraftArticle::news("Spring menu", "<p>Fresh greens.</p>", "THUMB");
    news.author = Some("Kitchen".into());
    news.need_open_comment = Some(1);
    news.pic_crop_235_1 = Some("0.1945_0_1_0.5236".into());
    let mut pic = DraftArticle::newspic("Market day", "Photos", ["IMG1", "IMG2"]);
    pic.cover_info = Some(CoverInfo {
        extra: Default::default(),
        crop_percent_list: vec![CropPercent {
            extra: Default::default(),
            ratio: Some("1_1".into()),
            x1: Some("0.166454".into()),
            y1: Some("0".into()),
            x2: Some("0.833545".into()),
            y2: Some("1".into()),
        }],
    });
    pic.product_info = Some(ProductInfo {
        extra: Default::default(),
        footer_product_info: Some(FooterProductInfo {
            extra: Default::default(),
            product_key: "PK".into(),
        }),
    });
    assert_post_json(
        &AddDraft {
            articles: vec![news, pic],
        },
        &format!("{API}/cgi-bin/draft/add?access_token=ACCESS_TOKEN"),
        json!({"articles": [
            {"article_type": "news", "title": "Spring menu", "author": "Kitchen",
             "content": "<p>Fresh greens.</p>", "thumb_media_id": "THUMB",
             "need_open_comment": 1, "pic_crop_235_1": "0.1945_0_1_0.5236"},
            {"article_type": "newspic", "title": "Market day", "content": "Photos",
             "image_info": {"image_list": [{"image_media_id": "IMG1"}, {"image_media_id": "IMG2"}]},
             "cover_info": {"crop_percent_list": [
                 {"ratio": "1_1", "x1": "0.166454", "y1": "0", "x2": "0.833545", "y2": "1"}]},
             "product_info": {"footer_product_info": {"product_key": "PK"}}}
        ]}),
    );
    assert_eq!(
        parse::<AddDraft>(fixture!("cgi-bin/draft/add")).media_id,
        "Xr2l0J6lYyYQ9eZk5cR2dRm5Jv2cYtH8pNq4Wz1Ls7B"
    );
    assert_eq!(
        AddDraft::META.repeat,
        wechat_core::endpoint::Repeat::Never,
        "a retry would save the draft twice"
    );
    assert_cataloged::<AddDraft>();
}

#[test]
fn get_draft() {
    assert_post_json(
        &GetDraft {
            media_id: "DRAFT".into(),
        },
        &format!("{API}/cgi-bin/draft/get?access_token=ACCESS_TOKEN"),
        json!({"media_id": "DRAFT"}),
    );
    let draft = parse::<GetDraft>(fixture!("cgi-bin/draft/get"));
    assert_eq!(draft.news_item.len(), 2);
    assert_eq!(draft.news_item[0].need_open_comment, Some(1));
    assert!(
        draft.news_item[0]
            .url
            .as_deref()
            .unwrap()
            .contains("tempkey")
    );
    let pic = &draft.news_item[1];
    assert_eq!(pic.article_type.as_deref(), Some("newspic"));
    assert_eq!(pic.image_info.as_ref().unwrap().image_list.len(), 1);
    assert_eq!(
        pic.product_info
            .as_ref()
            .and_then(|p| p.footer_product_info.as_ref())
            .map(|f| f.product_key.as_str()),
        Some("PRODUCT_KEY_1")
    );
    assert_errcode::<GetDraft>(r#"{"errcode":40007,"errmsg":"invalid media_id"}"#, 40007);
    assert_cataloged::<GetDraft>();
}

#[test]
fn delete_update_count() {
    assert_post_json(
        &DeleteDraft {
            media_id: "DRAFT".into(),
        },
        &format!("{API}/cgi-bin/draft/delete?access_token=ACCESS_TOKEN"),
        json!({"media_id": "DRAFT"}),
    );
    parse::<DeleteDraft>(fixture!("cgi-bin/draft/delete"));
    assert_post_json(
        &UpdateDraft {
            media_id: "DRAFT".into(),
            index: 0,
            articles: DraftArticle::news("T", "C", "THUMB"),
        },
        &format!("{API}/cgi-bin/draft/update?access_token=ACCESS_TOKEN"),
        json!({"media_id": "DRAFT", "index": 0, "articles":
            {"article_type": "news", "title": "T", "content": "C", "thumb_media_id": "THUMB"}}),
    );
    parse::<UpdateDraft>(fixture!("cgi-bin/draft/update"));
    assert_errcode::<UpdateDraft>(r#"{"errcode":40114,"errmsg":"invalid index value"}"#, 40114);
    assert_get(
        &CountDrafts {},
        &format!("{API}/cgi-bin/draft/count?access_token=ACCESS_TOKEN"),
    );
    assert_eq!(
        parse::<CountDrafts>(fixture!("cgi-bin/draft/count")).total_count,
        15
    );
    assert_cataloged::<DeleteDraft>();
    assert_cataloged::<UpdateDraft>();
    assert_cataloged::<CountDrafts>();
}

#[test]
fn batchget_drafts() {
    assert_post_json(
        &BatchGetDrafts {
            offset: 0,
            count: 10,
            no_content: Some(1),
        },
        &format!("{API}/cgi-bin/draft/batchget?access_token=ACCESS_TOKEN"),
        json!({"offset": 0, "count": 10, "no_content": 1}),
    );
    let list = parse::<BatchGetDrafts>(fixture!("cgi-bin/draft/batchget"));
    assert_eq!(list.total_count, 1);
    assert_eq!(list.item[0].update_time, 1_700_000_000);
    assert_eq!(list.item[0].content.news_item[0].title, "Spring menu");
    assert_cataloged::<BatchGetDrafts>();
}

#[test]
fn draft_stream_asks_without_content() {
    let (client, wechat) = client();
    let page = |ids: &[&str]| {
        let items: Vec<_> = ids
            .iter()
            .map(|id| json!({"media_id": id, "content": {"news_item": []}, "update_time": 1}))
            .collect();
        json!({"total_count": 3, "item_count": ids.len(), "item": items}).to_string()
    };
    wechat.answer(page(&["d1", "d2"]));
    wechat.answer(page(&["d3"]));
    let ids: Vec<String> = block_on(
        drafts(&client, 2, true)
            .map_ok(|d| d.media_id)
            .try_collect(),
    )
    .unwrap();
    assert_eq!(ids, ["d1", "d2", "d3"]);
    assert_eq!(
        wechat.bodies(),
        [
            json!({"offset": 0, "count": 2, "no_content": 1}),
            json!({"offset": 2, "count": 2, "no_content": 1})
        ]
    );
}

#[test]
fn every_reference_row_is_cataloged() {
    assert_rows_covered("officialaccount/draft");
}
