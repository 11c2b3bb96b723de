//! Template messages: industry, templates, sending.

use crate::common;

use common::*;
use serde_json::json;
use wechat_core::ErrCode;
use wechat_core::api::oa::template::*;
use wechat_core::endpoint::{Endpoint, Repeat};

const API: &str = "https://api.weixin.qq.com";

#[test]
fn set_industry() {
    assert_post_json(
        &SetIndustry {
            industry_id1: "1".into(),
            industry_id2: "4".into(),
        },
        &format!("{API}/cgi-bin/template/api_set_industry?access_token=ACCESS_TOKEN"),
        json!({"industry_id1": "1", "industry_id2": "4"}),
    );
    parse::<SetIndustry>(fixture!("cgi-bin/template/api_set_industry"));
}

#[test]
fn get_industry() {
    assert_get(
        &GetIndustry {},
        &format!("{API}/cgi-bin/template/get_industry?access_token=ACCESS_TOKEN"),
    );
    let i = parse::<GetIndustry>(fixture!("cgi-bin/template/get_industry"));
    assert_eq!(i.primary_industry.first_class, "运输与仓储");
    assert_eq!(i.secondary_industry.second_class, "互联网|电子商务");
}

#[test]
fn add_template() {
    assert_post_json(
        &AddTemplate {
            template_id_short: "TM00015".into(),
            keyword_name_list: vec![],
        },
        &format!("{API}/cgi-bin/template/api_add_template?access_token=ACCESS_TOKEN"),
        json!({"template_id_short": "TM00015"}),
    );
    assert_post_json(
        &AddTemplate {
            template_id_short: "47582".into(),
            keyword_name_list: vec!["物品名称".into(), "购买时间".into()],
        },
        &format!("{API}/cgi-bin/template/api_add_template?access_token=ACCESS_TOKEN"),
        json!({"template_id_short": "47582", "keyword_name_list": ["物品名称", "购买时间"]}),
    );
    let t = parse::<AddTemplate>(fixture!("cgi-bin/template/api_add_template"));
    assert_eq!(t.template_id, "Doclyl5uP7Aciu-qZ7mJNPtWkbkYnWBWVja26EGbNyk");
    assert_eq!(AddTemplate::META.repeat, Repeat::Never);
}

#[test]
fn get_all_private_template() {
    assert_get(
        &GetAllPrivateTemplate {},
        &format!("{API}/cgi-bin/template/get_all_private_template?access_token=ACCESS_TOKEN"),
    );
    let l = parse::<GetAllPrivateTemplate>(fixture!("cgi-bin/template/get_all_private_template"));
    let t = &l.template_list[0];
    assert_eq!(t.template_id, "iPk5sOIt5X_flOVKn5GrTFpncEYTojx6ddbt8WYoV5s");
    assert_eq!(t.title, "领取奖金提醒");
    assert_eq!(t.deputy_industry, "互联网|电子商务");
    assert!(t.content.contains("withdrawMoney.DATA"));
}

#[test]
fn del_private_template() {
    assert_post_json(
        &DelPrivateTemplate {
            template_id: "Dyvp3-Ff0cnail_CDSzk1fIc6-9lOkxsQE7exTJbwUE".into(),
        },
        &format!("{API}/cgi-bin/template/del_private_template?access_token=ACCESS_TOKEN"),
        json!({"template_id": "Dyvp3-Ff0cnail_CDSzk1fIc6-9lOkxsQE7exTJbwUE"}),
    );
    parse::<DelPrivateTemplate>(fixture!("cgi-bin/template/del_private_template"));
}

#[test]
fn send_template_message() {
    let mut req = SendTemplateMessage::new("OPENID", "ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY")
        .value("keyword1", "巧克力")
        .value("keyword2", "39.8元")
        .value("keyword3", "2014年9月22日");
    req.url = Some("http://weixin.qq.com/download".into());
    req.miniprogram = Some(MiniProgramLink {
        extra: Default::default(),
        appid: "xiaochengxuappid12345".into(),
        pagepath: "index?foo=bar".into(),
    });
    req.client_msg_id = Some("MSG_000001".into());
    assert_post_json(
        &req,
        &format!("{API}/cgi-bin/message/template/send?access_token=ACCESS_TOKEN"),
        json!({
            "touser": "OPENID",
            "template_id": "ngqIpbwh8bUfcSsECmogfXcV14J0tQlEpBO27izEYtY",
            "url": "http://weixin.qq.com/download",
            "miniprogram": {"appid": "xiaochengxuappid12345", "pagepath": "index?foo=bar"},
            "client_msg_id": "MSG_000001",
            "data": {
                "keyword1": {"value": "巧克力"},
                "keyword2": {"value": "39.8元"},
                "keyword3": {"value": "2014年9月22日"}
            }
        }),
    );
    let sent = parse::<SendTemplateMessage>(fixture!("cgi-bin/message/template/send"));
    assert_eq!(sent.msgid, 200_228_332);
    assert_eq!(SendTemplateMessage::META.repeat, Repeat::Never);
}

#[test]
fn errcode_becomes_an_api_error() {
    assert_eq!(
        api_error::<SendTemplateMessage>(r#"{"errcode":43004,"errmsg":"require subscribe hint"}"#),
        ErrCode::Number(43004)
    );
}
