//! Material and media: requests, fixtures, binary downloads and the material stream.

use crate::common;

use common::*;
use futures::executor::block_on;
use futures::{StreamExt, TryStreamExt};
use serde_json::json;
use wechat_core::Error;
use wechat_core::api::oa::material::*;
use wechat_core::endpoint::{Binary, Endpoint};

const API: &str = "https://api.weixin.qq.com";

fn article() -> NewsArticle {
    NewsArticle {
        extra: Default::default(),
        title: "Spring menu".into(),
        thumb_media_id: "THUMB".into(),
        author: Some("Kitchen".into()),
        digest: None,
        show_cover_pic: Some(1),
        content: "<p>Fresh greens.</p>".into(),
        content_source_url: Some("https://example.com/menu".into()),
        need_open_comment: Some(0),
        only_fans_can_comment: Some(0),
        url: None,
        thumb_url: None,
    }
}

#[test]
fn upload_media_is_multipart_with_type() {
    let req = UploadMedia {
        kind: MediaType::Image,
        media: Upload::new("cat.jpg", b"\xff\xd8\xffJPEG".to_vec()),
    };
    let body = multipart(
        &req,
        &format!("{API}/cgi-bin/media/upload?access_token=ACCESS_TOKEN&type=image"),
    );
    assert!(body.contains("Content-Disposition: form-data; name=\"media\"; filename=\"cat.jpg\""));
    assert!(body.contains("Content-Type: image/jpeg\r\n\r\n"));
    assert!(body.contains("JPEG"));
    let up = parse::<UploadMedia>(fixture!("cgi-bin/media/upload"));
    assert_eq!(up.kind, "image");
    assert_eq!(
        up.id(),
        Some("3gQ2wUr3tEcbBD4_Xh0XNVv2BJsGqk8pJ9cZ5vFw7yXq")
    );
    assert_eq!(up.created_at, 1_672_500_000);
    // A thumbnail answers thumb_media_id instead.
    let thumb = parse::<UploadMedia>(r#"{"type":"thumb","thumb_media_id":"T1","created_at":1}"#);
    assert_eq!(thumb.id(), Some("T1"));
    assert_cataloged::<UploadMedia>();
}

#[test]
fn get_media_downloads_bytes_or_a_video_url() {
    assert_get(
        &GetMedia {
            media_id: "M 1".into(),
        },
        &format!("{API}/cgi-bin/media/get?access_token=ACCESS_TOKEN&media_id=M%201"),
    );
    match parse::<GetMedia>(fixture!("cgi-bin/media/get")) {
        MediaFile::Video { video_url } => assert!(video_url.ends_with(".mp4")),
        other => panic!("{other:?}"),
    }
    let image = http::Response::builder()
        .header("content-type", "image/jpeg")
        .header("content-disposition", "attachment; filename=\"MEDIA.jpg\"")
        .body(b"\xff\xd8\xff\xe0binary".to_vec())
        .unwrap();
    match GetMedia::parse(&image).unwrap() {
        MediaFile::File(Binary {
            bytes, filename, ..
        }) => {
            assert_eq!(bytes, b"\xff\xd8\xff\xe0binary");
            assert_eq!(filename.as_deref(), Some("MEDIA.jpg"));
        }
        other => panic!("{other:?}"),
    }
    // An error arrives as JSON, whatever the content type says.
    assert_errcode::<GetMedia>(r#"{"errcode":40007,"errmsg":"invalid media_id"}"#, 40007);
    assert_cataloged::<GetMedia>();
}

#[test]
fn hd_voice_is_binary_and_errors_are_api_errors() {
    assert_get(
        &GetHdVoice {
            media_id: "SERVER_ID".into(),
        },
        &format!("{API}/cgi-bin/media/get/jssdk?access_token=ACCESS_TOKEN&media_id=SERVER_ID"),
    );
    let speex = ok(b"\x00\x01speex-frames".to_vec());
    assert_eq!(
        GetHdVoice::parse(&speex).unwrap().bytes,
        b"\x00\x01speex-frames"
    );
    let err = GetHdVoice::parse(&ok(
        r#" {"errcode":40007,"errmsg":"invalid media_id rid: r-9"}"#,
    ))
    .unwrap_err();
    match err {
        Error::Api(e) => {
            assert_eq!(e.code.number().unwrap(), 40007);
            assert_eq!(e.rid.as_deref(), Some("r-9"));
        }
        e => panic!("{e:?}"),
    }
    assert_cataloged::<GetHdVoice>();
}

#[test]
fn upload_image_for_article_bodies() {
    let req = UploadImage {
        media: Upload::new("body.png", b"\x89PNG".to_vec()),
    };
    let body = multipart(
        &req,
        &format!("{API}/cgi-bin/media/uploadimg?access_token=ACCESS_TOKEN"),
    );
    assert!(body.contains("name=\"media\"; filename=\"body.png\""));
    assert!(body.contains("Content-Type: image/png"));
    let img = parse::<UploadImage>(fixture!("cgi-bin/media/uploadimg"));
    assert_eq!(img.url, "http://mmbiz.qpic.cn/mmbiz_jpg/xyzAbC123/0");
    assert_cataloged::<UploadImage>();
}

#[test]
fn add_material_image_and_video() {
    let image = AddMaterial {
        kind: MediaType::Image,
        media: Upload::new("cover.png", b"\x89PNG".to_vec()),
        description: None,
    };
    let body = multipart(
        &image,
        &format!("{API}/cgi-bin/material/add_material?access_token=ACCESS_TOKEN&type=image"),
    );
    assert!(body.contains("name=\"media\"; filename=\"cover.png\""));
    assert!(!body.contains("name=\"description\""));

    let video = AddMaterial::video(
        Upload::new("clip.mp4", b"....ftypmp42".to_vec()),
        "A clip",
        "Filmed in spring",
    );
    let body = multipart(
        &video,
        &format!("{API}/cgi-bin/material/add_material?access_token=ACCESS_TOKEN&type=video"),
    );
    assert!(body.contains("name=\"media\"; filename=\"clip.mp4\"\r\nContent-Type: video/mp4"));
    let desc = body
        .split("name=\"description\"\r\n\r\n")
        .nth(1)
        .and_then(|rest| rest.split("\r\n").next())
        .expect("a description field");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(desc).unwrap(),
        json!({"title": "A clip", "introduction": "Filmed in spring"})
    );
    // A video without its description is refused before anything is sent.
    let bare = AddMaterial {
        description: None,
        ..video.clone()
    };
    assert!(matches!(bare.body(), Err(Error::Build(_))));

    let added = parse::<AddMaterial>(fixture!("cgi-bin/material/add_material"));
    assert_eq!(
        added.media_id,
        "Xr2l0J6lYyYQ9eZk5cR2dZ3aBz7yGxqWqQ3F4c1Tn0E"
    );
    assert!(added.url.unwrap().starts_with("http://mmbiz.qpic.cn/"));
    assert_eq!(
        AddMaterial::META.repeat,
        wechat_core::endpoint::Repeat::Never
    );
    assert_cataloged::<AddMaterial>();
}

#[test]
fn add_and_update_news() {
    assert_post_json(
        &AddNews {
            articles: vec![article()],
        },
        &format!("{API}/cgi-bin/material/add_news?access_token=ACCESS_TOKEN"),
        json!({"articles": [{
            "title": "Spring menu",
            "thumb_media_id": "THUMB",
            "author": "Kitchen",
            "show_cover_pic": 1,
            "content": "<p>Fresh greens.</p>",
            "content_source_url": "https://example.com/menu",
            "need_open_comment": 0,
            "only_fans_can_comment": 0
        }]}),
    );
    assert_eq!(
        parse::<AddNews>(fixture!("cgi-bin/material/add_news")).media_id,
        "Xr2l0J6lYyYQ9eZk5cR2dTnN0w7q1L8rS2cVbH3kPzA"
    );
    assert_post_json(
        &UpdateNews {
            media_id: "NEWS".into(),
            index: 1,
            articles: NewsArticle {
                title: "T".into(),
                thumb_media_id: "THUMB".into(),
                content: "C".into(),
                ..NewsArticle::default()
            },
        },
        &format!("{API}/cgi-bin/material/update_news?access_token=ACCESS_TOKEN"),
        json!({"media_id": "NEWS", "index": 1,
               "articles": {"title": "T", "thumb_media_id": "THUMB", "content": "C"}}),
    );
    parse::<UpdateNews>(fixture!("cgi-bin/material/update_news"));
    assert_cataloged::<AddNews>();
    assert_cataloged::<UpdateNews>();
}

#[test]
fn get_material_news_video_or_file() {
    assert_post_json(
        &GetMaterial {
            media_id: "MEDIA".into(),
        },
        &format!("{API}/cgi-bin/material/get_material?access_token=ACCESS_TOKEN"),
        json!({"media_id": "MEDIA"}),
    );
    match parse::<GetMaterial>(fixture!("cgi-bin/material/get_material")) {
        Material::News(items) => {
            assert_eq!(items.len(), 1);
            assert_eq!(items[0].title, "Spring menu");
            assert_eq!(items[0].show_cover_pic, Some(1));
            assert!(
                items[0]
                    .url
                    .as_deref()
                    .unwrap()
                    .starts_with("http://mp.weixin")
            );
        }
        other => panic!("{other:?}"),
    }
    let video = parse::<GetMaterial>(
        r#"{"title":"A clip","description":"Filmed in spring","down_url":"http://example.com/v.mp4","new_field":1}"#,
    );
    assert_eq!(
        video,
        Material::Video(VideoMaterial {
            extra: [("new_field".to_owned(), 1.into())].into_iter().collect(),
            title: "A clip".into(),
            description: "Filmed in spring".into(),
            down_url: "http://example.com/v.mp4".into(),
        })
    );
    match GetMaterial::parse(&ok(b"#!AMR\n\x00".to_vec())).unwrap() {
        Material::File(b) => assert_eq!(b.bytes, b"#!AMR\n\x00"),
        other => panic!("{other:?}"),
    }
    assert_errcode::<GetMaterial>(r#"{"errcode":40007,"errmsg":"invalid media_id"}"#, 40007);
    assert_cataloged::<GetMaterial>();
}

#[test]
fn delete_and_count() {
    assert_post_json(
        &DelMaterial {
            media_id: "MEDIA".into(),
        },
        &format!("{API}/cgi-bin/material/del_material?access_token=ACCESS_TOKEN"),
        json!({"media_id": "MEDIA"}),
    );
    parse::<DelMaterial>(fixture!("cgi-bin/material/del_material"));
    assert_get(
        &GetMaterialCount {},
        &format!("{API}/cgi-bin/material/get_materialcount?access_token=ACCESS_TOKEN"),
    );
    assert_eq!(
        parse::<GetMaterialCount>(fixture!("cgi-bin/material/get_materialcount")),
        MaterialCount {
            extra: Default::default(),
            voice_count: 5,
            video_count: 3,
            image_count: 10,
            news_count: 7
        }
    );
    assert_cataloged::<DelMaterial>();
    assert_cataloged::<GetMaterialCount>();
}

#[test]
fn batchget_material_pages() {
    assert_post_json(
        &BatchGetMaterial {
            kind: MaterialType::News,
            offset: 0,
            count: 20,
        },
        &format!("{API}/cgi-bin/material/batchget_material?access_token=ACCESS_TOKEN"),
        json!({"type": "news", "offset": 0, "count": 20}),
    );
    let list = parse::<BatchGetMaterial>(fixture!("cgi-bin/material/batchget_material"));
    assert_eq!((list.total_count, list.item_count), (1, 1));
    let news = list.item[0].content.as_ref().unwrap();
    assert_eq!(news.news_item[0].author.as_deref(), Some("Kitchen"));
    assert_eq!(news.create_time, Some(1_620_000_000));
    let images = parse::<BatchGetMaterial>(
        r#"{"total_count":50,"item_count":1,"item":[{"media_id":"M","name":"IMAGE.jpg","update_time":1620000000,"url":"http://mmbiz.qpic.cn/x"}]}"#,
    );
    assert_eq!(images.item[0].name.as_deref(), Some("IMAGE.jpg"));
    assert!(images.item[0].content.is_none());
    assert_errcode::<BatchGetMaterial>(r#"{"errcode":40004,"errmsg":"invalid media type"}"#, 40004);
    assert_cataloged::<BatchGetMaterial>();
}

fn image_page(total: u32, ids: &[&str]) -> String {
    let items: Vec<_> = ids
        .iter()
        .map(|id| json!({"media_id": id, "name": format!("{id}.jpg"), "update_time": 1}))
        .collect();
    json!({"total_count": total, "item_count": ids.len(), "item": items}).to_string()
}

#[test]
fn material_stream_walks_every_page() {
    let (client, wechat) = client();
    wechat.answer(image_page(5, &["a", "b"]));
    wechat.answer(image_page(5, &["c", "d"]));
    wechat.answer(image_page(5, &["e"]));
    let ids: Vec<String> = block_on(
        materials(&client, MaterialType::Image, 2)
            .map_ok(|m| m.media_id)
            .try_collect(),
    )
    .unwrap();
    assert_eq!(ids, ["a", "b", "c", "d", "e"]);
    let offsets: Vec<_> = wechat
        .bodies()
        .iter()
        .map(|b| (b["type"].clone(), b["offset"].clone(), b["count"].clone()))
        .collect();
    assert_eq!(
        offsets,
        [
            (json!("image"), json!(0), json!(2)),
            (json!("image"), json!(2), json!(2)),
            (json!("image"), json!(4), json!(2)),
        ]
    );
}

#[test]
fn material_stream_stops_on_an_empty_page_and_clamps_the_page_size() {
    let (client, wechat) = client();
    wechat.answer(image_page(100, &["a"]));
    wechat.answer(image_page(100, &[]));
    let items: Vec<_> = block_on(materials(&client, MaterialType::Image, 50).collect::<Vec<_>>());
    assert_eq!(items.len(), 1);
    assert_eq!(wechat.bodies()[0]["count"], 20, "at most 20 per page");
    assert_eq!(wechat.requests().len(), 2);
}

#[test]
fn material_stream_yields_the_error_and_ends() {
    let (client, wechat) = client();
    wechat.answer(image_page(4, &["a", "b"]));
    wechat.answer(r#"{"errcode":45009,"errmsg":"reach max api daily quota limit"}"#);
    let items: Vec<_> = block_on(materials(&client, MaterialType::Voice, 2).collect::<Vec<_>>());
    assert_eq!(items.len(), 3);
    assert!(items[0].is_ok() && items[1].is_ok());
    assert_eq!(
        items[2]
            .as_ref()
            .unwrap_err()
            .code()
            .and_then(|c| c.number()),
        Some(45009)
    );
    assert_eq!(wechat.requests().len(), 2, "no call after the error");
}

/// The stream is `Send` when the adapter is: a compile-time check.
#[allow(dead_code)]
fn stream_is_send(client: &TestClient) {
    fn is_send<T: Send>(_: T) {}
    is_send(materials(client, MaterialType::News, 20));
}

#[test]
fn every_reference_row_is_cataloged() {
    assert_rows_covered("officialaccount/material");
}
