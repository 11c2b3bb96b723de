//! Mass broadcasts: to all or a tag, to OpenIDs, preview, delete, status and speed.

use crate::common;

use common::*;
use serde_json::json;
use wechat_core::ErrCode;
use wechat_core::api::oa::broadcast::*;
use wechat_core::endpoint::{Endpoint, Repeat};

const API: &str = "https://api.weixin.qq.com";

#[test]
fn sendall_to_a_tag_and_to_everyone() {
    let url = format!("{API}/cgi-bin/message/mass/sendall?access_token=ACCESS_TOKEN");
    let mut req = SendAll::to_tag(2, MassMessage::mpnews("123dsdajkasd231jhksad"));
    req.send_ignore_reprint = Some(0);
    assert_post_json(
        &req,
        &url,
        json!({"filter": {"is_to_all": false, "tag_id": 2},
               "mpnews": {"media_id": "123dsdajkasd231jhksad"},
               "msgtype": "mpnews", "send_ignore_reprint": 0}),
    );
    let mut req = SendAll::to_all(MassMessage::text("CONTENT"));
    req.clientmsgid = Some("send_001".into());
    assert_post_json(
        &req,
        &url,
        json!({"filter": {"is_to_all": true}, "text": {"content": "CONTENT"},
               "msgtype": "text", "clientmsgid": "send_001"}),
    );
    assert_post_json(
        &SendAll::to_tag(
            2,
            MassMessage::Images(ImagesContent {
                media_ids: vec!["aaa".into(), "bbb".into()],
                recommend: Some("xxx".into()),
                need_open_comment: Some(1),
                only_fans_can_comment: Some(0),
            }),
        ),
        &url,
        json!({"filter": {"is_to_all": false, "tag_id": 2},
               "images": {"media_ids": ["aaa", "bbb"], "recommend": "xxx",
                          "need_open_comment": 1, "only_fans_can_comment": 0},
               "msgtype": "images"}),
    );
    let sent = parse::<SendAll>(fixture!("cgi-bin/message/mass/sendall"));
    assert_eq!(sent.msg_id, 34_182);
    assert_eq!(sent.msg_data_id, Some(206_227_730));
    assert_eq!(SendAll::META.repeat, Repeat::Never);
}

#[test]
fn send_to_openids() {
    let url = format!("{API}/cgi-bin/message/mass/send?access_token=ACCESS_TOKEN");
    let to = vec!["OPENID1".to_owned(), "OPENID2".to_owned()];
    assert_post_json(
        &SendMass::new(
            to.clone(),
            MassMessage::voice("mLxl6paC7z2Tl-NJT64yzJve8T9c8u9K2x-Ai6Ujd4lIH9IBuF6-2r66mamn_gIT"),
        ),
        &url,
        json!({"touser": ["OPENID1", "OPENID2"],
               "voice": {"media_id": "mLxl6paC7z2Tl-NJT64yzJve8T9c8u9K2x-Ai6Ujd4lIH9IBuF6-2r66mamn_gIT"},
               "msgtype": "voice"}),
    );
    assert_post_json(
        &SendMass::new(to.clone(), MassMessage::mpvideo("123dsdajkasd231jhksad")),
        &url,
        json!({"touser": ["OPENID1", "OPENID2"],
               "mpvideo": {"media_id": "123dsdajkasd231jhksad"}, "msgtype": "mpvideo"}),
    );
    assert_post_json(
        &SendMass::new(to, MassMessage::wxcard("123dsdajkasd231jhksad")),
        &url,
        json!({"touser": ["OPENID1", "OPENID2"],
               "wxcard": {"card_id": "123dsdajkasd231jhksad"}, "msgtype": "wxcard"}),
    );
    let sent = parse::<SendMass>(fixture!("cgi-bin/message/mass/send"));
    assert_eq!(sent.msg_id, 34_182);
    // Only `mpnews` broadcasts carry a statistics id.
    let sent = parse::<SendMass>(
        r#"{"errcode":0,"errmsg":"send job submission success","msg_id":1000000001}"#,
    );
    assert_eq!(sent.msg_data_id, None);
    assert_eq!(SendMass::META.repeat, Repeat::Never);
}

#[test]
fn preview() {
    let url = format!("{API}/cgi-bin/message/mass/preview?access_token=ACCESS_TOKEN");
    assert_post_json(
        &PreviewMass::to_openid("OPENID", MassMessage::image("123dsdajkasd231jhksad")),
        &url,
        json!({"touser": "OPENID", "image": {"media_id": "123dsdajkasd231jhksad"},
               "msgtype": "image"}),
    );
    assert_post_json(
        &PreviewMass {
            touser: None,
            towxname: Some("示例的微信号".into()),
            message: MassMessage::mpnews("123dsdajkasd231jhksad"),
        },
        &url,
        json!({"towxname": "示例的微信号", "mpnews": {"media_id": "123dsdajkasd231jhksad"},
               "msgtype": "mpnews"}),
    );
    let p = parse::<PreviewMass>(fixture!("cgi-bin/message/mass/preview"));
    assert_eq!(p.msg_id, Some(34_182));
}

#[test]
fn delete() {
    assert_post_json(
        &DeleteMass {
            msg_id: 30_124,
            article_idx: Some(2),
            url: None,
        },
        &format!("{API}/cgi-bin/message/mass/delete?access_token=ACCESS_TOKEN"),
        json!({"msg_id": 30124, "article_idx": 2}),
    );
    parse::<DeleteMass>(fixture!("cgi-bin/message/mass/delete"));
}

#[test]
fn status() {
    assert_post_json(
        &GetMassStatus {
            msg_id: 201_053_012,
        },
        &format!("{API}/cgi-bin/message/mass/get?access_token=ACCESS_TOKEN"),
        json!({"msg_id": "201053012"}),
    );
    let s = parse::<GetMassStatus>(fixture!("cgi-bin/message/mass/get"));
    assert_eq!(s.msg_id, 201_053_012);
    assert_eq!(s.msg_status, "SEND_SUCCESS");
    // 64-bit ids stay exact, whether sent as numbers or strings.
    let s = parse::<GetMassStatus>(r#"{"msg_id":"9223372036854775809","msg_status":"SENDING"}"#);
    assert_eq!(s.msg_id, 9_223_372_036_854_775_809);
}

#[test]
fn speed() {
    assert_post_json(
        &GetMassSpeed {},
        &format!("{API}/cgi-bin/message/mass/speed/get?access_token=ACCESS_TOKEN"),
        json!({}),
    );
    let s = parse::<GetMassSpeed>(fixture!("cgi-bin/message/mass/speed/get"));
    assert_eq!((s.speed, s.realspeed), (3, 15));
    assert_post_json(
        &SetMassSpeed { speed: 1 },
        &format!("{API}/cgi-bin/message/mass/speed/set?access_token=ACCESS_TOKEN"),
        json!({"speed": 1}),
    );
    parse::<SetMassSpeed>(fixture!("cgi-bin/message/mass/speed/set"));
}

#[test]
fn errcode_becomes_an_api_error() {
    assert_eq!(
        api_error::<SendAll>(r#"{"errcode":45028,"errmsg":"has no masssend quota"}"#),
        ErrCode::Number(45028)
    );
}
