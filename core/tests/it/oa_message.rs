//! Customer service messages: every `msgtype`, and sending as a customer service account.

use crate::common;

use common::*;
use serde_json::{Value, json};
use wechat_core::ErrCode;
use wechat_core::api::oa::message::*;
use wechat_core::endpoint::{Endpoint, Repeat};

const URL: &str = "https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=ACCESS_TOKEN";

fn sends(message: CustomMessage, body: Value) {
    assert_post_json(&SendCustomMessage::new("OPENID", message), URL, body);
}

#[test]
fn text_image_voice() {
    sends(
        CustomMessage::text("Hello World"),
        json!({"touser": "OPENID", "msgtype": "text", "text": {"content": "Hello World"}}),
    );
    sends(
        CustomMessage::image("MEDIA_ID"),
        json!({"touser": "OPENID", "msgtype": "image", "image": {"media_id": "MEDIA_ID"}}),
    );
    sends(
        CustomMessage::voice("MEDIA_ID"),
        json!({"touser": "OPENID", "msgtype": "voice", "voice": {"media_id": "MEDIA_ID"}}),
    );
}

#[test]
fn video_and_music() {
    sends(
        CustomMessage::Video(VideoContent {
            media_id: "MEDIA_ID".into(),
            thumb_media_id: "MEDIA_ID".into(),
            title: Some("TITLE".into()),
            description: Some("DESCRIPTION".into()),
        }),
        json!({"touser": "OPENID", "msgtype": "video", "video": {
            "media_id": "MEDIA_ID", "thumb_media_id": "MEDIA_ID",
            "title": "TITLE", "description": "DESCRIPTION"}}),
    );
    sends(
        CustomMessage::Music(MusicContent {
            title: Some("MUSIC_TITLE".into()),
            description: Some("MUSIC_DESCRIPTION".into()),
            musicurl: "MUSIC_URL".into(),
            hqmusicurl: "HQ_MUSIC_URL".into(),
            thumb_media_id: "THUMB_MEDIA_ID".into(),
        }),
        json!({"touser": "OPENID", "msgtype": "music", "music": {
            "title": "MUSIC_TITLE", "description": "MUSIC_DESCRIPTION",
            "musicurl": "MUSIC_URL", "hqmusicurl": "HQ_MUSIC_URL",
            "thumb_media_id": "THUMB_MEDIA_ID"}}),
    );
}

#[test]
fn news_mpnews_and_articles() {
    sends(
        CustomMessage::News(NewsContent {
            articles: vec![NewsArticle {
                title: "Happy Day".into(),
                description: Some("Is Really A Happy Day".into()),
                url: "URL".into(),
                picurl: Some("PIC_URL".into()),
            }],
        }),
        json!({"touser": "OPENID", "msgtype": "news", "news": {"articles": [{
            "title": "Happy Day", "description": "Is Really A Happy Day",
            "url": "URL", "picurl": "PIC_URL"}]}}),
    );
    sends(
        CustomMessage::mpnews("MEDIA_ID"),
        json!({"touser": "OPENID", "msgtype": "mpnews", "mpnews": {"media_id": "MEDIA_ID"}}),
    );
    sends(
        CustomMessage::mpnewsarticle("ARTICLE_ID"),
        json!({"touser": "OPENID", "msgtype": "mpnewsarticle",
               "mpnewsarticle": {"article_id": "ARTICLE_ID"}}),
    );
}

#[test]
fn msgmenu_wxcard_miniprogrampage() {
    sends(
        CustomMessage::MsgMenu(MsgMenuContent {
            head_content: "您对本次服务是否满意呢? ".into(),
            list: vec![
                MsgMenuItem {
                    id: "101".into(),
                    content: "满意".into(),
                },
                MsgMenuItem {
                    id: "102".into(),
                    content: "不满意".into(),
                },
            ],
            tail_content: "欢迎再次光临".into(),
        }),
        json!({"touser": "OPENID", "msgtype": "msgmenu", "msgmenu": {
            "head_content": "您对本次服务是否满意呢? ",
            "list": [{"id": "101", "content": "满意"}, {"id": "102", "content": "不满意"}],
            "tail_content": "欢迎再次光临"}}),
    );
    sends(
        CustomMessage::wxcard("123dsdajkasd231jhksad"),
        json!({"touser": "OPENID", "msgtype": "wxcard",
               "wxcard": {"card_id": "123dsdajkasd231jhksad"}}),
    );
    sends(
        CustomMessage::MiniProgramPage(MiniProgramPageContent {
            title: "title".into(),
            appid: "appid".into(),
            pagepath: "pagepath".into(),
            thumb_media_id: "thumb_media_id".into(),
        }),
        json!({"touser": "OPENID", "msgtype": "miniprogrampage", "miniprogrampage": {
            "title": "title", "appid": "appid", "pagepath": "pagepath",
            "thumb_media_id": "thumb_media_id"}}),
    );
}

#[test]
fn as_a_customer_service_account() {
    assert_post_json(
        &SendCustomMessage::new("OPENID", CustomMessage::text("Hello World")).as_kf("test1@kftest"),
        URL,
        json!({"touser": "OPENID", "msgtype": "text", "text": {"content": "Hello World"},
               "customservice": {"kf_account": "test1@kftest"}}),
    );
}

#[test]
fn answer_and_no_automatic_retry() {
    parse::<SendCustomMessage>(fixture!("cgi-bin/message/custom/send"));
    assert_eq!(SendCustomMessage::META.repeat, Repeat::Never);
}

#[test]
fn errcode_becomes_an_api_error() {
    assert_eq!(
        api_error::<SendCustomMessage>(
            r#"{"errcode":45015,"errmsg":"response out of time limit or subscription is canceled"}"#
        ),
        ErrCode::Number(45015)
    );
}
