//! Parametric QR codes, the QR code image and its URL, short URLs and short keys.

use crate::common;

use common::*;
use serde_json::json;
use wechat_core::api::oa::qrcode::*;
use wechat_core::endpoint::{AuthScheme, Endpoint};
use wechat_core::{ErrCode, Host, Hosts};

const API: &str = "https://api.weixin.qq.com";
const TICKET: &str = "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2taZ2Z3TVRtNzJXV1Brb3ZhYmJJAAIEZ23sUwMEmm3sUw==";
const TICKET_ENCODED: &str = "gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGluLnFxLmNvbS9xL2taZ2Z3TVRtNzJXV1Brb3ZhYmJJAAIEZ23sUwMEmm3sUw%3D%3D";

#[test]
fn create_qrcode_of_every_kind() {
    let url = format!("{API}/cgi-bin/qrcode/create?access_token=ACCESS_TOKEN");
    assert_post_json(
        &CreateQrCode::temporary(123, 604_800),
        &url,
        json!({"expire_seconds": 604800, "action_name": "QR_SCENE", "action_info": {"scene": {"scene_id": 123}}}),
    );
    assert_post_json(
        &CreateQrCode::temporary_str("test", 604_800),
        &url,
        json!({"expire_seconds": 604800, "action_name": "QR_STR_SCENE", "action_info": {"scene": {"scene_str": "test"}}}),
    );
    assert_post_json(
        &CreateQrCode::permanent(123),
        &url,
        json!({"action_name": "QR_LIMIT_SCENE", "action_info": {"scene": {"scene_id": 123}}}),
    );
    assert_post_json(
        &CreateQrCode::permanent_str("test"),
        &url,
        json!({"action_name": "QR_LIMIT_STR_SCENE", "action_info": {"scene": {"scene_str": "test"}}}),
    );
    let t = parse::<CreateQrCode>(fixture!("cgi-bin/qrcode/create"));
    assert_eq!(t.ticket, TICKET);
    assert_eq!(t.expire_seconds, Some(60));
    assert_eq!(t.url, "http://weixin.qq.com/q/kZgfwMTm72WWPkovabbI");
    // A permanent code's answer has no lifetime.
    let t = parse::<CreateQrCode>(r#"{"ticket":"T","url":"http://weixin.qq.com/q/x"}"#);
    assert_eq!(t.expire_seconds, None);
}

#[test]
fn show_qrcode_is_a_tokenless_binary_get_on_mp() {
    assert_eq!(ShowQrCode::META.host, Host::Mp);
    assert_eq!(ShowQrCode::META.auth, AuthScheme::None);
    assert_get(
        &ShowQrCode {
            ticket: TICKET.into(),
        },
        &format!("https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket={TICKET_ENCODED}"),
    );
    let jpeg = http::Response::builder()
        .header("content-type", "image/jpg")
        .body(vec![0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])
        .unwrap();
    let image = ShowQrCode::parse(&jpeg).unwrap();
    assert_eq!(image.content_type.as_deref(), Some("image/jpg"));
    assert_eq!(image.bytes[..2], [0xff, 0xd8]);
    // An expired ticket answers JSON, whatever the Content-Type says.
    let expired = http::Response::builder()
        .header("content-type", "image/jpg")
        .body(br#"{"errcode":40097,"errmsg":"invalid args"}"#.to_vec())
        .unwrap();
    assert_eq!(
        ShowQrCode::parse(&expired).unwrap_err().code(),
        Some(ErrCode::Number(40097))
    );
}

#[test]
fn showqrcode_url_encodes_the_ticket() {
    assert_eq!(
        showqrcode_url(&Hosts::default(), TICKET).as_str(),
        format!("https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket={TICKET_ENCODED}")
    );
    assert_eq!(
        showqrcode_url(&Hosts::default(), "a+b/c d&e").as_str(),
        "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=a%2Bb%2Fc+d%26e"
    );
    let proxied = Hosts::default()
        .with(Host::Mp, "http://127.0.0.1:8080/mp")
        .unwrap();
    assert_eq!(
        showqrcode_url(&proxied, "T").as_str(),
        "http://127.0.0.1:8080/mp/cgi-bin/showqrcode?ticket=T"
    );
}

#[test]
fn short_url() {
    let long =
        "http://wap.koudaitong.com/v2/showcase/goods?alias=128wi9shh&spm=h56083&redirect_count=1";
    assert_post_json(
        &ShortUrl::new(long),
        &format!("{API}/cgi-bin/shorturl?access_token=ACCESS_TOKEN"),
        json!({"action": "long2short", "long_url": long}),
    );
    let r = parse::<ShortUrl>(fixture!("cgi-bin/shorturl"));
    assert_eq!(r.short_url, "http://w.url.cn/s/AvCo6Ih");
}

#[test]
fn gen_short_key() {
    assert_post_json(
        &GenShortKey {
            long_data: "loooooong data".into(),
            expire_seconds: Some(86_400),
        },
        &format!("{API}/cgi-bin/shorten/gen?access_token=ACCESS_TOKEN"),
        json!({"long_data": "loooooong data", "expire_seconds": 86400}),
    );
    let k = parse::<GenShortKey>(fixture!("cgi-bin/shorten/gen"));
    assert_eq!(k.short_key, "iTqRJFSEqk9RvPk");
}

#[test]
fn fetch_short_key() {
    assert_post_json(
        &FetchShortKey {
            short_key: "iTqRJFSEqk9RvPk".into(),
        },
        &format!("{API}/cgi-bin/shorten/fetch?access_token=ACCESS_TOKEN"),
        json!({"short_key": "iTqRJFSEqk9RvPk"}),
    );
    let d = parse::<FetchShortKey>(fixture!("cgi-bin/shorten/fetch"));
    assert_eq!(d.long_data, "loooooong data");
    assert_eq!(d.create_time, 1_611_047_541);
    assert_eq!(d.expire_seconds, 86_300);
}

#[test]
fn errcode_becomes_an_api_error() {
    assert_eq!(
        api_error::<FetchShortKey>(r#"{"errcode":9410012,"errmsg":"short_key not found"}"#),
        ErrCode::Number(9_410_012)
    );
}
