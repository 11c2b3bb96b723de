//! WeCom messages: app messages, group chats, group robots.

use std::sync::Arc;

use crate::common::*;
use futures::executor::block_on;
use serde_json::{Value, json};
use wechat_core::api::work::appchat::*;
use wechat_core::api::work::message::*;
use wechat_core::api::work::robot::*;
use wechat_core::auth::Auth;
use wechat_core::endpoint::{AuthScheme, Endpoint, Repeat};
use wechat_core::{Client, Error, MemoryStore, Secret};

const WORK: &str = "https://qyapi.weixin.qq.com";

fn url(path: &str) -> String {
    format!("{WORK}/cgi-bin/{path}?access_token=ACCESS_TOKEN")
}

/// The document's example request reads into the request type and is sent back field for
/// field.
fn documented<E>(path: &str, example: Value) -> E
where
    E: Endpoint + serde::de::DeserializeOwned,
{
    let request: E = serde_json::from_value(example.clone())
        .unwrap_or_else(|e| panic!("{path}: the documented request does not read: {e}"));
    assert_post_json(&request, &url(path), example);
    request
}

/// The recipients as `message/send` examples write them (their spaces around `|` dropped:
/// the ids are joined with a bare `|`).
fn recipients(mut body: Value) -> Value {
    let map = body.as_object_mut().unwrap();
    map.insert("touser".into(), json!("UserID1|UserID2|UserID3"));
    map.insert("toparty".into(), json!("PartyID1|PartyID2"));
    map.insert("totag".into(), json!("TagID1|TagID2"));
    body
}

fn source() -> Value {
    json!({"icon_url": "图片的url", "desc": "企业微信", "desc_color": 1})
}

fn action_menu() -> Value {
    json!({
        "desc": "卡片副交互辅助文本说明",
        "action_list": [{"text": "接收推送", "key": "A"}, {"text": "不再推送", "key": "B"}]
    })
}

fn main_title() -> Value {
    json!({"title": "欢迎使用企业微信", "desc": "您的好友正在邀请您加入企业微信"})
}

fn quote_area() -> Value {
    json!({
        "type": 1,
        "url": "https://work.weixin.qq.com",
        "title": "企业微信的引用样式",
        "quote_text": "企业微信真好用呀真好用"
    })
}

fn horizontal_content_list() -> Value {
    json!([
        {"keyname": "邀请人", "value": "张三"},
        {"type": 1, "keyname": "企业微信官网", "value": "点击访问", "url": "https://work.weixin.qq.com"},
        {"type": 2, "keyname": "企业微信下载", "value": "企业微信.apk", "media_id": "文件的media_id"},
        {"type": 3, "keyname": "员工信息", "value": "点击查看", "userid": "zhangsan"}
    ])
}

fn jump_list() -> Value {
    json!([
        {"type": 1, "title": "企业微信官网", "url": "https://work.weixin.qq.com"},
        {"type": 2, "title": "跳转小程序", "appid": "小程序的appid", "pagepath": "/index.html"}
    ])
}

fn card_action() -> Value {
    json!({
        "type": 2,
        "url": "https://work.weixin.qq.com",
        "appid": "小程序的appid",
        "pagepath": "/index.html"
    })
}

fn card_message(card: Value) -> Value {
    recipients(json!({
        "msgtype": "template_card",
        "agentid": 1,
        "template_card": card,
        "enable_id_trans": 0,
        "enable_duplicate_check": 0,
        "duplicate_check_interval": 1800
    }))
}

// ---------------------------------------------------------------------------------------------
// message/send

#[test]
fn send_text_with_the_builder() {
    let content = "你的快递已到,请携带工卡前往邮件中心领取。\n出发前可查看<a href=\"https://work.weixin.qq.com\">邮件中心视频实况</a>,聪明避开排队。";
    let mut send = SendMessage::text(1, content)
        .to_users(["UserID1", "UserID2", "UserID3"])
        .to_parties(["PartyID1", "PartyID2"])
        .to_tags(["TagID1", "TagID2"])
        .check_duplicates(1800);
    send.safe = Some(0);
    send.enable_id_trans = Some(0);
    send.enable_duplicate_check = Some(0);
    assert_post_json(
        &send,
        &url("message/send"),
        recipients(json!({
            "msgtype": "text",
            "agentid": 1,
            "text": {"content": content},
            "safe": 0,
            "enable_id_trans": 0,
            "enable_duplicate_check": 0,
            "duplicate_check_interval": 1800
        })),
    );
    // The one-liner.
    assert_post_json(
        &SendMessage::text(1000002, "hello").to_users(["u1", "u2"]),
        &url("message/send"),
        json!({"touser": "u1|u2", "msgtype": "text", "agentid": 1000002, "text": {"content": "hello"}}),
    );
    assert_post_json(
        &SendMessage::markdown(7, "**hi**")
            .to_all()
            .to_parties([2, 3]),
        &url("message/send"),
        json!({"touser": "@all", "toparty": "2|3", "msgtype": "markdown", "agentid": 7,
               "markdown": {"content": "**hi**"}}),
    );
    assert_eq!(SendMessage::META.repeat, Repeat::Never);
}

#[test]
fn send_media_messages() {
    let media = |kind: &str, body: Value| {
        recipients(json!({"msgtype": kind, "agentid": 1, kind: body, "safe": 0,
                          "enable_duplicate_check": 0, "duplicate_check_interval": 1800}))
    };
    let image = documented::<SendMessage>(
        "message/send",
        media("image", json!({"media_id": "MEDIA_ID"})),
    );
    assert_eq!(image.touser, ["UserID1", "UserID2", "UserID3"]);
    assert_eq!(
        image.message,
        AppMessage::Image(MediaContent {
            media_id: "MEDIA_ID".into()
        })
    );
    documented::<SendMessage>(
        "message/send",
        media("voice", json!({"media_id": "MEDIA_ID"})),
    );
    let video = documented::<SendMessage>(
        "message/send",
        media(
            "video",
            json!({"media_id": "MEDIA_ID", "title": "Title", "description": "Description"}),
        ),
    );
    assert_eq!(video.message.msgtype(), "video");
    documented::<SendMessage>(
        "message/send",
        media(
            "file",
            json!({"media_id": "1Yv-zXfHjSjU-7LH-GwtYqDGS-zz6w22KmWAT5COgP7o"}),
        ),
    );
    // The builders write the same bodies.
    let built = SendMessage::file(1, "MEDIA_ID").to_users(["u"]).safe();
    assert_post_json(
        &built,
        &url("message/send"),
        json!({"touser": "u", "msgtype": "file", "agentid": 1, "file": {"media_id": "MEDIA_ID"}, "safe": 1}),
    );
}

#[test]
fn send_textcard_news_mpnews_markdown() {
    let with = |kind: &str, body: Value| {
        recipients(
            json!({"msgtype": kind, "agentid": 1, kind: body, "enable_id_trans": 0,
                          "enable_duplicate_check": 0, "duplicate_check_interval": 1800}),
        )
    };
    let card = documented::<SendMessage>(
        "message/send",
        with(
            "textcard",
            json!({
                "title": "领奖通知",
                "description": "<div class=\"gray\">2016年9月26日</div> <div class=\"normal\">恭喜你抽中iPhone 7一台,领奖码:xxxx</div><div class=\"highlight\">请于2016年10月10日前联系行政同事领取</div>",
                "url": "URL",
                "btntxt": "更多"
            }),
        ),
    );
    let AppMessage::TextCard(c) = &card.message else {
        panic!("{card:?}")
    };
    assert_eq!(c.btntxt.as_deref(), Some("更多"));
    let news = documented::<SendMessage>(
        "message/send",
        with(
            "news",
            json!({"articles": [{
                "title": "中秋节礼品领取",
                "description": "今年中秋节公司有豪礼相送",
                "url": "URL",
                "picurl": "http://res.mail.qq.com/node/ww/wwopenmng/images/independent/doc/test_pic_msg1.png",
                "appid": "wx123123123123123",
                "pagepath": "pages/index?userid=zhangsan&orderid=123123123"
            }]}),
        ),
    );
    assert_eq!(news.message.msgtype(), "news");
    documented::<SendMessage>(
        "message/send",
        with(
            "mpnews",
            json!({"articles": [{
                "title": "Title",
                "thumb_media_id": "MEDIA_ID",
                "author": "Author",
                "content_source_url": "URL",
                "content": "Content",
                "digest": "Digest description"
            }]}),
        ),
    );
    documented::<SendMessage>(
        "message/send",
        with(
            "markdown",
            json!({"content": "您的会议室已经预定,稍后会同步到`邮箱`\n>**事项详情**\n>事 项:<font color=\"info\">开会</font>\n>组织者:@miglioguan\n>\n>会议室:<font color=\"info\">广州TIT 1楼 301</font>\n>日 期:<font color=\"warning\">2018年5月18日</font>\n>时 间:<font color=\"comment\">上午9:00-11:00</font>\n>\n>请准时参加会议。\n>\n>如需修改会议信息,请点击:[修改会议信息](https://work.weixin.qq.com)"}),
        ),
    );
    assert_post_json(
        &SendMessage::news(1, vec![NewsArticle::link("T", "https://a")]).to_users(["u"]),
        &url("message/send"),
        json!({"touser": "u", "msgtype": "news", "agentid": 1,
               "news": {"articles": [{"title": "T", "url": "https://a"}]}}),
    );
}

#[test]
fn send_miniprogram_notice() {
    let body = recipients(json!({
        "msgtype": "miniprogram_notice",
        "miniprogram_notice": {
            "appid": "wx123123123123123",
            "page": "pages/index?userid=zhangsan&orderid=123123123",
            "title": "会议室预订成功通知",
            "description": "4月27日 16:16",
            "emphasis_first_item": true,
            "content_item": [
                {"key": "会议室", "value": "402"},
                {"key": "会议地点", "value": "广州TIT-402会议室"},
                {"key": "会议时间", "value": "2018年8月1日 09:00-09:30"},
                {"key": "参与人员", "value": "周剑轩"}
            ]
        },
        "agentid": 1,
        "enable_id_trans": 0,
        "enable_duplicate_check": 0,
        "duplicate_check_interval": 1800
    }));
    let send = documented::<SendMessage>("message/send", body);
    let AppMessage::MiniProgramNotice(n) = &send.message else {
        panic!("{send:?}")
    };
    assert_eq!(n.content_item.len(), 4);
    assert_eq!(n.emphasis_first_item, Some(true));
}

#[test]
fn send_template_card_text_notice() {
    let card = json!({
        "card_type": "text_notice",
        "source": source(),
        "action_menu": action_menu(),
        "task_id": "task_id",
        "main_title": main_title(),
        "quote_area": quote_area(),
        "emphasis_content": {"title": "100", "desc": "核心数据"},
        "sub_title_text": "下载企业微信还能抢红包!",
        "horizontal_content_list": horizontal_content_list(),
        "jump_list": jump_list(),
        "card_action": card_action()
    });
    let send = documented::<SendMessage>("message/send", card_message(card));
    let AppMessage::TemplateCard(c) = &send.message else {
        panic!("{send:?}")
    };
    assert_eq!(c.card_type, CardType::TextNotice);
    assert_eq!(
        c.horizontal_content_list[3].userid.as_deref(),
        Some("zhangsan")
    );
    assert_post_json(
        &SendMessage::template_card(1, TemplateCard::text_notice("T", "https://u")).to_users(["u"]),
        &url("message/send"),
        json!({"touser": "u", "msgtype": "template_card", "agentid": 1, "template_card": {
            "card_type": "text_notice", "main_title": {"title": "T"},
            "card_action": {"type": 1, "url": "https://u"}}}),
    );
}

#[test]
fn send_template_card_news_notice() {
    let card = json!({
        "card_type": "news_notice",
        "source": source(),
        "action_menu": action_menu(),
        "task_id": "task_id",
        "main_title": main_title(),
        "quote_area": quote_area(),
        "image_text_area": {
            "type": 1,
            "url": "https://work.weixin.qq.com",
            "title": "欢迎使用企业微信",
            "desc": "您的好友正在邀请您加入企业微信",
            "image_url": "https://img.iplaysoft.com/wp-content/uploads/2019/free-images/free_stock_photo_2x.jpg"
        },
        "card_image": {"url": "图片的url", "aspect_ratio": 1.3},
        "vertical_content_list": [{"title": "惊喜红包等你来拿", "desc": "下载企业微信还能抢红包!"}],
        "horizontal_content_list": horizontal_content_list(),
        "jump_list": jump_list(),
        "card_action": card_action()
    });
    let send = documented::<SendMessage>("message/send", card_message(card));
    let AppMessage::TemplateCard(c) = &send.message else {
        panic!("{send:?}")
    };
    assert_eq!(c.card_image.as_ref().unwrap().aspect_ratio, Some(1.3));
}

#[test]
fn send_template_card_button_interaction() {
    let card = json!({
        "card_type": "button_interaction",
        "source": source(),
        "action_menu": action_menu(),
        "main_title": main_title(),
        "quote_area": quote_area(),
        "sub_title_text": "下载企业微信还能抢红包!",
        "horizontal_content_list": horizontal_content_list(),
        "card_action": card_action(),
        "task_id": "task_id",
        "button_selection": {
            "question_key": "btn_question_key1",
            "title": "企业微信评分",
            "option_list": [
                {"id": "btn_selection_id1", "text": "100分"},
                {"id": "btn_selection_id2", "text": "101分"}
            ],
            "selected_id": "btn_selection_id1"
        },
        "button_list": [
            {"text": "按钮1", "style": 1, "key": "button_key_1"},
            {"text": "按钮2", "style": 2, "key": "button_key_2"}
        ]
    });
    let send = documented::<SendMessage>("message/send", card_message(card));
    let AppMessage::TemplateCard(c) = &send.message else {
        panic!("{send:?}")
    };
    assert_eq!(c.button_list[1].key.as_deref(), Some("button_key_2"));
    let built =
        TemplateCard::button_interaction("T", "task", vec![CardButton::callback("OK", "ok")]);
    assert_eq!(
        serde_json::to_value(&built).unwrap(),
        json!({"card_type": "button_interaction", "task_id": "task", "main_title": {"title": "T"},
               "button_list": [{"text": "OK", "key": "ok"}]})
    );
}

#[test]
fn send_template_card_vote_interaction() {
    let card = json!({
        "card_type": "vote_interaction",
        "source": {"icon_url": "图片的url", "desc": "企业微信"},
        "main_title": main_title(),
        "task_id": "task_id",
        "checkbox": {
            "question_key": "question_key1",
            "option_list": [
                {"id": "option_id1", "text": "选择题选项1", "is_checked": true},
                {"id": "option_id2", "text": "选择题选项2", "is_checked": false}
            ],
            "mode": 1
        },
        "submit_button": {"text": "提交", "key": "key"}
    });
    let send = documented::<SendMessage>("message/send", card_message(card));
    let AppMessage::TemplateCard(c) = &send.message else {
        panic!("{send:?}")
    };
    assert_eq!(
        c.checkbox.as_ref().unwrap().option_list[0].is_checked,
        Some(true)
    );
}

#[test]
fn send_template_card_multiple_interaction() {
    let card = json!({
        "card_type": "multiple_interaction",
        "source": {"icon_url": "图片的url", "desc": "企业微信"},
        "main_title": main_title(),
        "task_id": "task_id",
        "select_list": [
            {
                "question_key": "question_key1",
                "title": "选择器标签1",
                "selected_id": "selection_id1",
                "option_list": [
                    {"id": "selection_id1", "text": "选择器选项1"},
                    {"id": "selection_id2", "text": "选择器选项2"}
                ]
            },
            {
                "question_key": "question_key2",
                "title": "选择器标签2",
                "selected_id": "selection_id3",
                "option_list": [
                    {"id": "selection_id3", "text": "选择器选项3"},
                    {"id": "selection_id4", "text": "选择器选项4"}
                ]
            }
        ],
        "submit_button": {"text": "提交", "key": "key"}
    });
    let send = documented::<SendMessage>("message/send", card_message(card));
    let AppMessage::TemplateCard(c) = &send.message else {
        panic!("{send:?}")
    };
    assert_eq!(c.card_type, CardType::MultipleInteraction);
    assert_eq!(c.select_list.len(), 2);
}

#[test]
fn a_message_reads_only_with_its_body() {
    let wrong = json!({"touser": "u", "msgtype": "image", "agentid": 1, "text": {"content": "x"}});
    assert!(serde_json::from_value::<SendMessage>(wrong).is_err());
    let unknown = json!({"touser": "u", "msgtype": "music", "agentid": 1, "music": {}});
    assert!(serde_json::from_value::<SendMessage>(unknown).is_err());
    // Without `msgtype`, the body's key names it.
    let bare = json!({"touser": "u", "agentid": 1, "text": {"content": "x"}});
    let send: SendMessage = serde_json::from_value(bare).unwrap();
    assert_eq!(send.message.msgtype(), "text");
}

#[test]
fn sent_message_answer() {
    let a = parse::<SendMessage>(fixture!("qyapi.weixin.qq.com/cgi-bin/message/send"));
    assert_eq!(a.invaliduser, ["userid1", "userid2"]);
    assert_eq!(a.invalidparty, ["partyid1", "partyid2"]);
    assert_eq!(a.invalidtag, ["tagid1", "tagid2"]);
    assert_eq!(a.unlicenseduser, ["userid3", "userid4"]);
    assert_eq!(a.msgid, "xxxx");
    assert_eq!(a.response_code, Some(ResponseCode::from("xyzxyz")));
    // Written back as WeCom sends it.
    assert_eq!(
        serde_json::to_value(&a).unwrap()["invaliduser"],
        "userid1|userid2"
    );
    let empty = parse::<SendMessage>(r#"{"errcode":0,"errmsg":"ok","invaliduser":"","msgid":"m"}"#);
    assert!(empty.invaliduser.is_empty());
}

#[test]
fn message_errors() {
    assert_errcode::<SendMessage>(
        r#"{"errcode":81013,"errmsg":"user & party & tag all invalid"}"#,
        81013,
    );
}

// ---------------------------------------------------------------------------------------------
// message/update_template_card, message/recall

#[test]
fn update_template_card_button() {
    let update = documented::<UpdateTemplateCard>(
        "message/update_template_card",
        json!({
            "userids": ["userid1", "userid2"],
            "partyids": [2, 3],
            "tagids": [44, 55],
            "atall": 0,
            "agentid": 1,
            "response_code": "response_code",
            "button": {"replace_name": "replace_name"}
        }),
    );
    assert_eq!(update.response_code.as_str(), "response_code");
    assert_post_json(
        &UpdateTemplateCard::button(1, "RC", "已处理").for_users(["u1"]),
        &url("message/update_template_card"),
        json!({"userids": ["u1"], "agentid": 1, "response_code": "RC",
               "button": {"replace_name": "已处理"}}),
    );
    let a = parse::<UpdateTemplateCard>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/message/update_template_card"
    ));
    assert_eq!(a.invaliduser, ["userid1", "userid2"]);
}

#[test]
fn update_template_card_whole_card() {
    let update = documented::<UpdateTemplateCard>(
        "message/update_template_card",
        json!({
            "userids": ["userid1", "userid2"],
            "partyids": [2, 3],
            "tagids": [44, 55],
            "atall": 0,
            "agentid": 1,
            "response_code": "response_code",
            "enable_id_trans": 0,
            "template_card": {
                "card_type": "button_interaction",
                "source": source(),
                "action_menu": action_menu(),
                "main_title": main_title(),
                "quote_area": quote_area(),
                "sub_title_text": "下载企业微信还能抢红包!",
                "horizontal_content_list": horizontal_content_list(),
                "card_action": card_action(),
                "task_id": "task_id",
                "button_list": [
                    {"text": "按钮1", "style": 1, "key": "button_key_1"},
                    {"text": "按钮2", "style": 2, "key": "button_key_2"}
                ],
                "replace_text": "已提交"
            }
        }),
    );
    let CardUpdate::TemplateCard(card) = &update.update else {
        panic!("{update:?}")
    };
    assert_eq!(card.replace_text.as_deref(), Some("已提交"));
    let all =
        UpdateTemplateCard::card(1, "RC", TemplateCard::text_notice("T", "https://u")).for_all();
    assert_post_json(
        &all,
        &url("message/update_template_card"),
        json!({"atall": 1, "agentid": 1, "response_code": "RC", "template_card": {
            "card_type": "text_notice", "main_title": {"title": "T"},
            "card_action": {"type": 1, "url": "https://u"}}}),
    );
}

#[test]
fn recall_message() {
    let msgid = "vcT8gGc-7dFb4bxT35ONjBDz901sLlXPZw1DAMC_Gc26qRpK-AK5sTJkkb0128t";
    assert_post_json(
        &RecallMessage::new(msgid),
        &url("message/recall"),
        json!({"msgid": msgid}),
    );
    parse::<RecallMessage>(fixture!("qyapi.weixin.qq.com/cgi-bin/message/recall"));
}

// ---------------------------------------------------------------------------------------------
// appchat

#[test]
fn create_appchat() {
    let create = CreateAppChat::new(["userid1", "userid2", "userid3"])
        .named("NAME")
        .owned_by("userid1")
        .with_chatid("CHATID");
    assert_post_json(
        &create,
        &url("appchat/create"),
        json!({"name": "NAME", "owner": "userid1", "userlist": ["userid1", "userid2", "userid3"],
               "chatid": "CHATID"}),
    );
    let a = parse::<CreateAppChat>(fixture!("qyapi.weixin.qq.com/cgi-bin/appchat/create"));
    assert_eq!(a.chatid, "CHATID");
    assert_eq!(CreateAppChat::META.repeat, Repeat::Never);
}

#[test]
fn update_appchat() {
    documented::<UpdateAppChat>(
        "appchat/update",
        json!({
            "chatid": "CHATID",
            "name": "NAME",
            "owner": "userid2",
            "add_user_list": ["userid1", "userid2", "userid3"],
            "del_user_list": ["userid3", "userid4"]
        }),
    );
    parse::<UpdateAppChat>(fixture!("qyapi.weixin.qq.com/cgi-bin/appchat/update"));
}

#[test]
fn get_appchat() {
    assert_get(
        &GetAppChat::new("CHATID"),
        &format!("{WORK}/cgi-bin/appchat/get?access_token=ACCESS_TOKEN&chatid=CHATID"),
    );
    let a = parse::<GetAppChat>(fixture!("qyapi.weixin.qq.com/cgi-bin/appchat/get"));
    assert_eq!(a.chat_info.owner, "userid2");
    assert_eq!(a.chat_info.userlist.len(), 3);
    assert_eq!(a.chat_info.chat_type, Some(0));
}

#[test]
fn send_appchat_every_type() {
    let chat = |kind: &str, body: Value| json!({"chatid": "CHATID", "msgtype": kind, kind: body, "safe": 0});
    let text = documented::<SendAppChat>(
        "appchat/send",
        chat(
            "text",
            json!({"content": "你的快递已到\n请携带工卡前往邮件中心领取"}),
        ),
    );
    assert_eq!(text.message.msgtype(), "text");
    for kind in ["image", "voice", "file"] {
        documented::<SendAppChat>("appchat/send", chat(kind, json!({"media_id": "MEDIA_ID"})));
    }
    documented::<SendAppChat>(
        "appchat/send",
        chat(
            "video",
            json!({"media_id": "MEDIA_ID", "description": "Description", "title": "Title"}),
        ),
    );
    documented::<SendAppChat>(
        "appchat/send",
        json!({"chatid": "CHATID", "msgtype": "textcard", "textcard": {
            "title": "领奖通知",
            "description": "<div class=\"gray\">2016年9月26日</div> <div class=\"normal\"> 恭喜你抽中iPhone 7一台,领奖码:520258</div><div class=\"highlight\">请于2016年10月10日前联系行政同事领取</div>",
            "url": "https://work.weixin.qq.com/",
            "btntxt": "更多"
        }, "safe": 0}),
    );
    documented::<SendAppChat>(
        "appchat/send",
        json!({"chatid": "CHATID", "msgtype": "news", "news": {"articles": [{
            "title": "中秋节礼品领取",
            "description": "今年中秋节公司有豪礼相送",
            "url": "https://work.weixin.qq.com/",
            "picurl": "http://res.mail.qq.com/node/ww/wwopenmng/images/independent/doc/test_pic_msg1.png"
        }]}, "safe": 0}),
    );
    documented::<SendAppChat>(
        "appchat/send",
        json!({"chatid": "CHATID", "msgtype": "mpnews", "mpnews": {"articles": [{
            "title": "地球一小时",
            "thumb_media_id": "biz_get(image)",
            "author": "Author",
            "content_source_url": "https://work.weixin.qq.com",
            "content": "3月24日20:30-21:30 \n办公区将关闭照明一小时,请各部门同事相互转告",
            "digest": "3月24日20:30-21:30 \n办公区将关闭照明一小时"
        }]}, "safe": 0}),
    );
    documented::<SendAppChat>(
        "appchat/send",
        json!({"chatid": "CHATID", "msgtype": "markdown", "markdown": {
            "content": "您的会议室已经预定,稍后会同步到`邮箱`\n>**事项详情**\n>事 项:<font color=\"info\">开会</font>"
        }}),
    );
    assert_post_json(
        &SendAppChat::text("CHATID", "hi").safe(),
        &url("appchat/send"),
        json!({"chatid": "CHATID", "msgtype": "text", "text": {"content": "hi"}, "safe": 1}),
    );
    // Kinds a group chat does not take are refused.
    let card = json!({"chatid": "C", "msgtype": "template_card", "template_card": {"card_type": "text_notice"}});
    assert!(serde_json::from_value::<SendAppChat>(card).is_err());
    parse::<SendAppChat>(fixture!("qyapi.weixin.qq.com/cgi-bin/appchat/send"));
    assert_eq!(SendAppChat::META.repeat, Repeat::Never);
}

#[test]
fn appchat_errors() {
    assert_errcode::<GetAppChat>(r#"{"errcode":86003,"errmsg":"chat not found"}"#, 86003);
}

// ---------------------------------------------------------------------------------------------
// Group robots

const HOOK: &str = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send";

/// A robot request as the document writes it: read, then sent back field for field (the key is
/// the driver's: the built request has none).
fn robot(example: Value) -> SendRobotMessage {
    let send: SendRobotMessage = serde_json::from_value(example.clone()).unwrap();
    assert_post_json(&send, HOOK, example);
    send
}

#[test]
fn robot_text_and_markdown() {
    let text = robot(json!({
        "msgtype": "text",
        "text": {
            "content": "广州今日天气:29度,大部分多云,降雨概率:60%",
            "mentioned_list": ["wangqing", "@all"],
            "mentioned_mobile_list": ["13800001111", "@all"]
        }
    }));
    assert_eq!(
        text,
        SendRobotMessage::text("广州今日天气:29度,大部分多云,降雨概率:60%")
            .mention(["wangqing", "@all"])
            .mention_mobiles(["13800001111", "@all"])
    );
    robot(json!({
        "msgtype": "markdown",
        "markdown": {
            "content": "实时新增用户反馈<font color=\"warning\">132例</font>,请相关同事注意。\n>类型:<font color=\"comment\">用户反馈</font>\n>普通用户反馈:<font color=\"comment\">117例</font>\n>VIP用户反馈:<font color=\"comment\">15例</font>"
        }
    }));
    robot(json!({"msgtype": "markdown_v2", "markdown_v2": {"content": "# 一、标题\n## 二级标题"}}));
    assert_post_json(
        &SendRobotMessage::text("hello world"),
        HOOK,
        json!({"msgtype": "text", "text": {"content": "hello world"}}),
    );
}

#[test]
fn robot_image_from_bytes() {
    robot(json!({"msgtype": "image", "image": {"base64": "DATA", "md5": "MD5"}}));
    let send = SendRobotMessage::image(b"hello");
    assert_post_json(
        &send,
        HOOK,
        json!({"msgtype": "image", "image": {
            "base64": "aGVsbG8=",
            "md5": "5d41402abc4b2a76b9719d911017c592"
        }}),
    );
    // The picture is not dumped into logs.
    assert!(!format!("{send:?}").contains("aGVsbG8="));
}

#[test]
fn robot_news_file_voice() {
    robot(json!({
        "msgtype": "news",
        "news": {"articles": [{
            "title": "中秋节礼品领取",
            "description": "今年中秋节公司有豪礼相送",
            "url": "www.qq.com",
            "picurl": "http://res.mail.qq.com/node/ww/wwopenmng/images/independent/doc/test_pic_msg1.png"
        }]}
    }));
    robot(json!({"msgtype": "file", "file": {"media_id": "3a8asd892asd8asd"}}));
    robot(json!({"msgtype": "voice", "voice": {"media_id": "MEDIA_ID"}}));
    assert_eq!(
        SendRobotMessage::file("3a8asd892asd8asd"),
        robot(json!({"msgtype": "file", "file": {"media_id": "3a8asd892asd8asd"}}))
    );
}

#[test]
fn robot_template_cards() {
    let text_notice = robot(json!({
        "msgtype": "template_card",
        "template_card": {
            "card_type": "text_notice",
            "source": {
                "icon_url": "https://wework.qpic.cn/wwpic/252813_jOfDHtcISzuodLa_1629280209/0",
                "desc": "企业微信",
                "desc_color": 0
            },
            "main_title": {"title": "欢迎使用企业微信", "desc": "您的好友正在邀请您加入企业微信"},
            "emphasis_content": {"title": "100", "desc": "数据含义"},
            "quote_area": {
                "type": 1,
                "url": "https://work.weixin.qq.com/?from=openApi",
                "appid": "APPID",
                "pagepath": "PAGEPATH",
                "title": "引用文本标题",
                "quote_text": "Jack:企业微信真的很好用~\nBalian:超级好的一款软件!"
            },
            "sub_title_text": "下载企业微信还能抢红包!",
            "horizontal_content_list": [
                {"keyname": "邀请人", "value": "张三"},
                {"keyname": "企微官网", "value": "点击访问", "type": 1, "url": "https://work.weixin.qq.com/?from=openApi"},
                {"keyname": "企微下载", "value": "企业微信.apk", "type": 2, "media_id": "MEDIAID"}
            ],
            "jump_list": [
                {"type": 1, "url": "https://work.weixin.qq.com/?from=openApi", "title": "企业微信官网"},
                {"type": 2, "appid": "APPID", "pagepath": "PAGEPATH", "title": "跳转小程序"}
            ],
            "card_action": {
                "type": 1,
                "url": "https://work.weixin.qq.com/?from=openApi",
                "appid": "APPID",
                "pagepath": "PAGEPATH"
            }
        }
    }));
    assert_eq!(text_notice.message.msgtype(), "template_card");
    robot(json!({
        "msgtype": "template_card",
        "template_card": {
            "card_type": "news_notice",
            "source": {
                "icon_url": "https://wework.qpic.cn/wwpic/252813_jOfDHtcISzuodLa_1629280209/0",
                "desc": "企业微信",
                "desc_color": 0
            },
            "main_title": {"title": "欢迎使用企业微信", "desc": "您的好友正在邀请您加入企业微信"},
            "card_image": {
                "url": "https://wework.qpic.cn/wwpic/354393_4zpkKXd7SrGMvfg_1629280616/0",
                "aspect_ratio": 2.25
            },
            "image_text_area": {
                "type": 1,
                "url": "https://work.weixin.qq.com",
                "title": "欢迎使用企业微信",
                "desc": "您的好友正在邀请您加入企业微信",
                "image_url": "https://wework.qpic.cn/wwpic/354393_4zpkKXd7SrGMvfg_1629280616/0"
            },
            "quote_area": {
                "type": 1,
                "url": "https://work.weixin.qq.com/?from=openApi",
                "appid": "APPID",
                "pagepath": "PAGEPATH",
                "title": "引用文本标题",
                "quote_text": "Jack:企业微信真的很好用~\nBalian:超级好的一款软件!"
            },
            "vertical_content_list": [{"title": "惊喜红包等你来拿", "desc": "下载企业微信还能抢红包!"}],
            "horizontal_content_list": [
                {"keyname": "邀请人", "value": "张三"},
                {"keyname": "企微官网", "value": "点击访问", "type": 1, "url": "https://work.weixin.qq.com/?from=openApi"},
                {"keyname": "企微下载", "value": "企业微信.apk", "type": 2, "media_id": "MEDIAID"}
            ],
            "jump_list": [
                {"type": 1, "url": "https://work.weixin.qq.com/?from=openApi", "title": "企业微信官网"},
                {"type": 2, "appid": "APPID", "pagepath": "PAGEPATH", "title": "跳转小程序"}
            ],
            "card_action": {
                "type": 1,
                "url": "https://work.weixin.qq.com/?from=openApi",
                "appid": "APPID",
                "pagepath": "PAGEPATH"
            }
        }
    }));
    parse::<SendRobotMessage>(fixture!("qyapi.weixin.qq.com/cgi-bin/webhook/send"));
    assert_eq!(SendRobotMessage::META.auth, AuthScheme::WebhookKey);
    assert_eq!(SendRobotMessage::META.repeat, Repeat::Never);
}

#[test]
fn robot_upload_media() {
    let body = multipart(
        &UploadRobotMedia::file("report.txt", b"hello robot".to_vec()),
        &format!("{WORK}/cgi-bin/webhook/upload_media?type=file"),
    );
    assert!(body.contains("name=\"media\"; filename=\"report.txt\""));
    assert!(body.contains("hello robot"));
    let voice = multipart(
        &UploadRobotMedia::voice("a.amr", b"#!AMR".to_vec()),
        &format!("{WORK}/cgi-bin/webhook/upload_media?type=voice"),
    );
    assert!(voice.contains("Content-Type: audio/amr"));
    let a = parse::<UploadRobotMedia>(fixture!("qyapi.weixin.qq.com/cgi-bin/webhook/upload_media"));
    assert_eq!(a.kind, "file");
    assert_eq!(
        a.media_id,
        "1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K1aaaaaa"
    );
    assert_eq!(a.created_at, 1_380_000_000);
    assert_eq!(UploadRobotMedia::META.auth, AuthScheme::WebhookKey);
}

#[test]
fn robot_errors() {
    assert_errcode::<SendRobotMessage>(
        r#"{"errcode":93000,"errmsg":"invalid webhook url, hint: [1700000000_1_abc]"}"#,
        93000,
    );
}

/// The robot client: the key in the query as `key=...`, in no error.
#[test]
fn webhook_key_goes_in_the_query_and_in_no_error() {
    let wechat = Arc::new(Scripted::default());
    let robot = Client::new(
        Auth::Webhook(Secret::new("ROBOT-KEY-693a91f6")),
        FakeHttp(wechat.clone()),
        MemoryStore::new(|| T0),
        FixedRuntime::default(),
    );
    wechat.answer(r#"{"errcode":0,"errmsg":"ok"}"#);
    block_on(robot.call(&SendRobotMessage::text("hello"))).unwrap();
    wechat.answer(fixture!("qyapi.weixin.qq.com/cgi-bin/webhook/upload_media"));
    let media = block_on(robot.call(&UploadRobotMedia::file("a.txt", b"12345".to_vec()))).unwrap();
    assert_eq!(media.kind, "file");
    let sent = wechat.requests();
    assert_eq!(
        sent[0].uri().to_string(),
        format!("{HOOK}?key=ROBOT-KEY-693a91f6")
    );
    let upload = sent[1].uri().to_string();
    assert!(upload.starts_with(&format!("{WORK}/cgi-bin/webhook/upload_media?")));
    assert!(upload.contains("key=ROBOT-KEY-693a91f6") && upload.contains("type=file"));
    assert_eq!(
        serde_json::from_slice::<Value>(sent[0].body()).unwrap(),
        json!({"msgtype": "text", "text": {"content": "hello"}})
    );

    wechat.answer(
        r#"{"errcode":93000,"errmsg":"invalid webhook url, hint: [1700000000_1_abc], more info at https://open.work.weixin.qq.com/devtool/query?e=93000"}"#,
    );
    let err = block_on(robot.call(&SendRobotMessage::markdown("**x**"))).unwrap_err();
    assert!(matches!(&err, Error::Api(e) if e.code == wechat_core::ErrCode::Number(93000)));
    for shown in [err.to_string(), format!("{err:?}"), format!("{robot:?}")] {
        assert!(!shown.contains("ROBOT-KEY"), "{shown}");
    }
    // An answer that is no JSON either: the error shows none of the key.
    wechat.answer("<html>bad gateway</html>");
    let err = block_on(robot.call(&SendRobotMessage::text("x"))).unwrap_err();
    for shown in [err.to_string(), format!("{err:?}")] {
        assert!(!shown.contains("ROBOT-KEY"), "{shown}");
    }
}

#[test]
fn cataloged() {
    assert_work_cataloged::<SendMessage>();
    assert_work_cataloged::<UpdateTemplateCard>();
    assert_work_cataloged::<RecallMessage>();
    assert_work_cataloged::<CreateAppChat>();
    assert_work_cataloged::<UpdateAppChat>();
    assert_work_cataloged::<GetAppChat>();
    assert_work_cataloged::<SendAppChat>();
    assert_work_cataloged::<SendRobotMessage>();
    assert_work_cataloged::<UploadRobotMedia>();
    assert_rows_covered("work/message");
    assert_rows_covered("work/appchat");
    assert_rows_covered("work/robot");
}
