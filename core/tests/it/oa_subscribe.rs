//! Subscription notifications: the template library, the account's templates, sending.

use crate::common;

use common::*;
use serde_json::json;
use wechat_core::ErrCode;
use wechat_core::api::oa::subscribe::*;
use wechat_core::api::oa::template::MiniProgramLink;
use wechat_core::endpoint::{Endpoint, Repeat};

const API: &str = "https://api.weixin.qq.com";

#[test]
fn get_category() {
    assert_get(
        &GetCategory {},
        &format!("{API}/wxaapi/newtmpl/getcategory?access_token=ACCESS_TOKEN"),
    );
    let c = parse::<GetCategory>(fixture!("wxaapi/newtmpl/getcategory"));
    assert_eq!(c.data[0].id, "616");
    assert_eq!(c.data[0].name, "公交");
}

#[test]
fn get_pub_template_titles() {
    assert_get(
        &GetPubTemplateTitles {
            ids: "2,616".into(),
            start: 0,
            limit: 1,
        },
        &format!(
            "{API}/wxaapi/newtmpl/getpubtemplatetitles?access_token=ACCESS_TOKEN&ids=2%2C616&start=0&limit=1"
        ),
    );
    let t = parse::<GetPubTemplateTitles>(fixture!("wxaapi/newtmpl/getpubtemplatetitles"));
    assert_eq!(t.count, 55);
    assert_eq!(t.data[0].tid, "99");
    assert_eq!(t.data[0].kind, 2);
    assert_eq!(t.data[0].category_id, "616");
    // The document calls `categoryId` a number: both shapes read.
    let t = parse::<GetPubTemplateTitles>(
        r#"{"count":1,"data":[{"tid":99,"title":"t","type":3,"categoryId":616}]}"#,
    );
    assert_eq!(t.data[0].category_id, "616");
}

#[test]
fn get_pub_template_keywords() {
    assert_get(
        &GetPubTemplateKeywords { tid: "99".into() },
        &format!("{API}/wxaapi/newtmpl/getpubtemplatekeywords?access_token=ACCESS_TOKEN&tid=99"),
    );
    let k = parse::<GetPubTemplateKeywords>(fixture!("wxaapi/newtmpl/getpubtemplatekeywords"));
    assert_eq!(k.count, 4);
    assert_eq!(k.data[1].kid, 2);
    assert_eq!(k.data[1].rule, "amount");
}

#[test]
fn add_template() {
    assert_post_json(
        &AddSubscribeTemplate {
            tid: "401".into(),
            kid_list: vec![1, 2],
            scene_desc: Some("测试数据".into()),
        },
        &format!("{API}/wxaapi/newtmpl/addtemplate?access_token=ACCESS_TOKEN"),
        json!({"tid": "401", "kidList": [1, 2], "sceneDesc": "测试数据"}),
    );
    let t = parse::<AddSubscribeTemplate>(fixture!("wxaapi/newtmpl/addtemplate"));
    assert_eq!(t.pri_tmpl_id, "9Aw5ZV1j9xdWTFEkqCpZ7mIBbSC34khK55OtzUPl0rU");
    assert_eq!(AddSubscribeTemplate::META.repeat, Repeat::Never);
}

#[test]
fn del_template() {
    assert_post_json(
        &DelSubscribeTemplate {
            pri_tmpl_id: "wDYzYZVxobJivW9oMpSCpuvACOfJXQIoKUm0PY397Tc".into(),
        },
        &format!("{API}/wxaapi/newtmpl/deltemplate?access_token=ACCESS_TOKEN"),
        json!({"priTmplId": "wDYzYZVxobJivW9oMpSCpuvACOfJXQIoKUm0PY397Tc"}),
    );
    parse::<DelSubscribeTemplate>(fixture!("wxaapi/newtmpl/deltemplate"));
}

#[test]
fn get_templates() {
    assert_get(
        &GetSubscribeTemplates {},
        &format!("{API}/wxaapi/newtmpl/gettemplate?access_token=ACCESS_TOKEN"),
    );
    let l = parse::<GetSubscribeTemplates>(fixture!("wxaapi/newtmpl/gettemplate"));
    assert_eq!(
        l.data[0].pri_tmpl_id,
        "9Aw5ZV1j9xdWTFEkqCpZ7mIBbSC34khK55OtzUPl0rU"
    );
    assert_eq!(l.data[0].kind, 2);
    assert!(l.data[0].keyword_enum_value_list.is_empty());
    let l = parse::<GetSubscribeTemplates>(
        r#"{"data":[{"priTmplId":"x","title":"t","content":"c","example":"e","type":3,
            "keywordEnumValueList":[{"keywordCode":"phrase1.DATA","enumValueList":["待付款","已完成"]}]}]}"#,
    );
    assert_eq!(
        l.data[0].keyword_enum_value_list[0].enum_value_list,
        ["待付款", "已完成"]
    );
}

#[test]
fn bizsend() {
    let mut req = SendSubscribeMessage::new("OPENID", "TEMPLATE_ID")
        .value("name1", "广州腾讯科技有限公司")
        .value("thing8", "广州腾讯科技有限公司")
        .value("time7", "2019年8月8日");
    req.page = Some("mp.weixin.qq.com".into());
    req.miniprogram = Some(MiniProgramLink {
        extra: Default::default(),
        appid: "APPID".into(),
        pagepath: "index?foo=bar".into(),
    });
    assert_post_json(
        &req,
        &format!("{API}/cgi-bin/message/subscribe/bizsend?access_token=ACCESS_TOKEN"),
        json!({
            "touser": "OPENID",
            "template_id": "TEMPLATE_ID",
            "page": "mp.weixin.qq.com",
            "miniprogram": {"appid": "APPID", "pagepath": "index?foo=bar"},
            "data": {
                "name1": {"value": "广州腾讯科技有限公司"},
                "thing8": {"value": "广州腾讯科技有限公司"},
                "time7": {"value": "2019年8月8日"}
            }
        }),
    );
    parse::<SendSubscribeMessage>(fixture!("cgi-bin/message/subscribe/bizsend"));
    assert_eq!(SendSubscribeMessage::META.repeat, Repeat::Never);
}

#[test]
fn errcode_becomes_an_api_error() {
    assert_eq!(
        api_error::<SendSubscribeMessage>(
            r#"{"errcode":43101,"errmsg":"user refuse to accept the msg"}"#
        ),
        ErrCode::Number(43101)
    );
}
