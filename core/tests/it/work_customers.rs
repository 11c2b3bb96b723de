//! WeCom customer contact: customers, tags, contact ways, welcome messages, transfers, behavior data.

use crate::common::*;

use futures::StreamExt;
use futures::executor::block_on;
use serde_json::json;
use wechat_core::api::work::externalcontact::behavior::*;
use wechat_core::api::work::externalcontact::contact_way::*;
use wechat_core::api::work::externalcontact::customer::*;
use wechat_core::api::work::externalcontact::groupmsg::{
    Attachment, AttachmentImage, AttachmentLink, AttachmentMedia, AttachmentMiniprogram,
    AttachmentText,
};
use wechat_core::api::work::externalcontact::tag::*;
use wechat_core::api::work::externalcontact::transfer::*;
use wechat_core::api::work::externalcontact::welcome::*;

const WORK: &str = "https://qyapi.weixin.qq.com";

fn url(path: &str, query: &str) -> String {
    if query.is_empty() {
        format!("{WORK}/cgi-bin/externalcontact/{path}?access_token=ACCESS_TOKEN")
    } else {
        format!("{WORK}/cgi-bin/externalcontact/{path}?access_token=ACCESS_TOKEN&{query}")
    }
}

// ---- customers ----

#[test]
fn list_customers() {
    assert_get(
        &ListCustomers::new("zhangsan"),
        &url("list", "userid=zhangsan"),
    );
    let r = parse::<ListCustomers>(fixture!("qyapi.weixin.qq.com/cgi-bin/externalcontact/list"));
    assert_eq!(r.external_userid.len(), 2);
    assert_eq!(r.external_userid[0], "woAJ2GCAAAXtWyujaWJHDDGi0mACAAA");
}

#[test]
fn get_customer() {
    assert_get(
        &GetCustomer::new("woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"),
        &url("get", "external_userid=woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"),
    );
    assert_get(
        &GetCustomer {
            external_userid: "wm1".into(),
            cursor: Some("CURSOR".into()),
        },
        &url("get", "external_userid=wm1&cursor=CURSOR"),
    );
    let r = parse::<GetCustomer>(fixture!("qyapi.weixin.qq.com/cgi-bin/externalcontact/get"));
    let c = &r.external_contact;
    assert_eq!(c.name, "李四");
    assert_eq!(c.kind, 2);
    assert_eq!(c.corp_full_name.as_deref(), Some("腾讯科技有限公司"));
    let profile = c.external_profile.as_ref().unwrap();
    assert_eq!(profile.external_attr.len(), 3);
    assert_eq!(r.follow_user.len(), 2);
    let rocky = &r.follow_user[0];
    assert_eq!(rocky.tags.len(), 3);
    assert_eq!(rocky.tags[2].kind, 3);
    assert_eq!(rocky.tags[1].tag_id, None);
    assert_eq!(rocky.remark_mobiles, ["13800000001", "13000000002"]);
    assert_eq!(
        rocky.wechat_channels.as_ref().unwrap().nickname,
        "视频号名称"
    );
    assert_eq!(r.follow_user[1].add_way, Some(3));
    assert_eq!(r.next_cursor, "NEXT_CURSOR");
}

#[test]
fn batch_get_customers() {
    let mut req = BatchGetCustomers::new(["rocky", "jerry"]);
    req.cursor = Some("".into());
    req.limit = Some(100);
    assert_post_json(
        &req,
        &url("batch/get_by_user", ""),
        json!({"userid_list": ["rocky", "jerry"], "cursor": "", "limit": 100}),
    );
    let r = parse::<BatchGetCustomers>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/batch/get_by_user"
    ));
    assert_eq!(r.external_contact_list.len(), 2);
    let first = &r.external_contact_list[0];
    assert_eq!(
        first.external_contact.external_userid,
        "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"
    );
    assert_eq!(
        first.follow_info.tag_id,
        ["etAJ2GCAAAXtWyujaWJHDDGi0mACHAAA"]
    );
    assert_eq!(r.next_cursor, "r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI");
    assert_eq!(
        r.fail_info.unwrap().unlicensed_userid_list,
        ["zhangsan", "lisi"]
    );
}

#[test]
fn remark_customer() {
    let mut req = RemarkCustomer::new("zhangsan", "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA")
        .remark("备注信息")
        .description("描述信息");
    req.remark_company = Some("腾讯科技".into());
    req.remark_mobiles = Some(vec!["13800000001".into(), "13800000002".into()]);
    req.remark_pic_mediaid = Some("MEDIAID".into());
    assert_post_json(
        &req,
        &url("remark", ""),
        json!({
            "userid": "zhangsan",
            "external_userid": "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA",
            "remark": "备注信息",
            "description": "描述信息",
            "remark_company": "腾讯科技",
            "remark_mobiles": ["13800000001", "13800000002"],
            "remark_pic_mediaid": "MEDIAID"
        }),
    );
    parse::<RemarkCustomer>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/remark"
    ));
}

#[test]
fn follow_user_list() {
    assert_get(&GetFollowUserList {}, &url("get_follow_user_list", ""));
    let r = parse::<GetFollowUserList>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_follow_user_list"
    ));
    assert_eq!(r.follow_user, ["zhangsan", "lissi"]);
}

#[test]
fn unassigned_list() {
    assert_post_json(
        &GetUnassignedList {
            page_id: None,
            page_size: Some(100),
            cursor: Some("CURSOR".into()),
        },
        &url("get_unassigned_list", ""),
        json!({"cursor": "CURSOR", "page_size": 100}),
    );
    assert_post_json(
        &GetUnassignedList {
            page_id: Some(0),
            page_size: Some(100),
            cursor: None,
        },
        &url("get_unassigned_list", ""),
        json!({"page_id": 0, "page_size": 100}),
    );
    let r = parse::<GetUnassignedList>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_unassigned_list"
    ));
    assert_eq!(r.info.len(), 2);
    assert_eq!(r.info[0].handover_userid, "zhangsan");
    assert_eq!(r.info[1].dimission_time, 1550661468);
    assert!(!r.is_last);
    assert_eq!(r.next_cursor, "aSfwejksvhToiMMfFeIGZZ");
}

#[test]
fn unionid_to_external_userid() {
    assert_post_json(
        &UnionidToExternalUserid::new("oAAAAAAA", "oBBBB"),
        &url("unionid_to_external_userid", ""),
        json!({"unionid": "oAAAAAAA", "openid": "oBBBB"}),
    );
    let r = parse::<UnionidToExternalUserid>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/unionid_to_external_userid"
    ));
    assert_eq!(r.external_userid, "ooAAAAAAAAAAA");
}

// ---- tags ----

#[test]
fn corp_tags() {
    assert_post_json(
        &GetCorpTagList {
            tag_id: vec!["etXXXXXXXXXX".into(), "etYYYYYYYYYY".into()],
            group_id: vec!["etZZZZZZZZZZZZZ".into(), "etYYYYYYYYYYYYY".into()],
        },
        &url("get_corp_tag_list", ""),
        json!({
            "tag_id": ["etXXXXXXXXXX", "etYYYYYYYYYY"],
            "group_id": ["etZZZZZZZZZZZZZ", "etYYYYYYYYYYYYY"]
        }),
    );
    assert_post_json(
        &GetCorpTagList::default(),
        &url("get_corp_tag_list", ""),
        json!({}),
    );
    let r = parse::<GetCorpTagList>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_corp_tag_list"
    ));
    let g = &r.tag_group[0];
    assert_eq!(g.group_id, "TAG_GROUPID1");
    assert_eq!(g.deleted, Some(false));
    assert_eq!(g.tag[1].deleted, Some(true));
    assert_eq!(g.tag[1].order, 2);

    let mut add = AddCorpTag::in_group(
        "GROUP_ID",
        vec![
            NewCustomerTag::ordered("TAG_NAME_1", 1),
            NewCustomerTag::ordered("TAG_NAME_2", 2),
        ],
    );
    add.group_name = Some("GROUP_NAME".into());
    add.order = Some(1);
    add.agentid = Some(1000014);
    assert_post_json(
        &add,
        &url("add_corp_tag", ""),
        json!({
            "group_id": "GROUP_ID",
            "group_name": "GROUP_NAME",
            "order": 1,
            "tag": [{"name": "TAG_NAME_1", "order": 1}, {"name": "TAG_NAME_2", "order": 2}],
            "agentid": 1000014
        }),
    );
    let r = parse::<AddCorpTag>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/add_corp_tag"
    ));
    assert_eq!(r.tag_group.tag.len(), 2);
    assert_eq!(r.tag_group.tag[0].id, "TAG_ID1");

    let mut edit = EditCorpTag::rename("TAG_ID", "NEW_TAG_NAME");
    edit.order = Some(1);
    edit.agentid = Some(1000014);
    assert_post_json(
        &edit,
        &url("edit_corp_tag", ""),
        json!({"id": "TAG_ID", "name": "NEW_TAG_NAME", "order": 1, "agentid": 1000014}),
    );
    parse::<EditCorpTag>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/edit_corp_tag"
    ));

    let mut del = DelCorpTag::tags(["TAG_ID_1", "TAG_ID_2"]);
    del.group_id = vec!["GROUP_ID_1".into(), "GROUP_ID_2".into()];
    del.agentid = Some(1000014);
    assert_post_json(
        &del,
        &url("del_corp_tag", ""),
        json!({
            "tag_id": ["TAG_ID_1", "TAG_ID_2"],
            "group_id": ["GROUP_ID_1", "GROUP_ID_2"],
            "agentid": 1000014
        }),
    );
    assert_post_json(
        &DelCorpTag::groups(["G"]),
        &url("del_corp_tag", ""),
        json!({"group_id": ["G"]}),
    );
    parse::<DelCorpTag>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/del_corp_tag"
    ));
}

#[test]
fn mark_tag() {
    assert_post_json(
        &MarkTag::new("zhangshan", "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA")
            .add_tags(["TAGID1", "TAGID2"])
            .remove_tags(["TAGID3", "TAGID4"]),
        &url("mark_tag", ""),
        json!({
            "userid": "zhangshan",
            "external_userid": "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA",
            "add_tag": ["TAGID1", "TAGID2"],
            "remove_tag": ["TAGID3", "TAGID4"]
        }),
    );
    parse::<MarkTag>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/mark_tag"
    ));
}

#[test]
fn strategy_tags() {
    assert_post_json(
        &GetStrategyTagList {
            strategy_id: Some(1),
            tag_id: vec!["TAG_ID_1".into(), "TAG_ID_2".into()],
            group_id: vec!["GROUP_ID_1".into(), "GROUP_ID_2".into()],
        },
        &url("get_strategy_tag_list", ""),
        json!({
            "strategy_id": 1,
            "tag_id": ["TAG_ID_1", "TAG_ID_2"],
            "group_id": ["GROUP_ID_1", "GROUP_ID_2"]
        }),
    );
    let r = parse::<GetStrategyTagList>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_strategy_tag_list"
    ));
    assert_eq!(r.tag_group[0].strategy_id, 1);
    assert_eq!(r.tag_group[0].tag[1].name, "NAME2");

    let mut add = AddStrategyTag::in_group_named(
        1,
        "GROUP_NAME",
        vec![
            NewCustomerTag::ordered("TAG_NAME_1", 1),
            NewCustomerTag::ordered("TAG_NAME_2", 2),
        ],
    );
    add.group_id = Some("GROUP_ID".into());
    add.order = Some(1);
    assert_post_json(
        &add,
        &url("add_strategy_tag", ""),
        json!({
            "strategy_id": 1,
            "group_id": "GROUP_ID",
            "group_name": "GROUP_NAME",
            "order": 1,
            "tag": [{"name": "TAG_NAME_1", "order": 1}, {"name": "TAG_NAME_2", "order": 2}]
        }),
    );
    let r = parse::<AddStrategyTag>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/add_strategy_tag"
    ));
    assert_eq!(r.tag_group.group_id, "TAG_GROUPID1");

    assert_post_json(
        &EditStrategyTag {
            id: "TAG_ID".into(),
            name: Some("NEW_TAG_NAME".into()),
            order: Some(1),
        },
        &url("edit_strategy_tag", ""),
        json!({"id": "TAG_ID", "name": "NEW_TAG_NAME", "order": 1}),
    );
    parse::<EditStrategyTag>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/edit_strategy_tag"
    ));
    assert_post_json(
        &DelStrategyTag {
            tag_id: vec!["TAG_ID_1".into(), "TAG_ID_2".into()],
            group_id: vec!["GROUP_ID_1".into(), "GROUP_ID_2".into()],
        },
        &url("del_strategy_tag", ""),
        json!({"tag_id": ["TAG_ID_1", "TAG_ID_2"], "group_id": ["GROUP_ID_1", "GROUP_ID_2"]}),
    );
    parse::<DelStrategyTag>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/del_strategy_tag"
    ));
}

// ---- contact ways ----

fn conclusions() -> ContactWayConclusions {
    let mut link = AttachmentLink::new("消息标题", "https://example.link.com/path");
    link.picurl = "https://example.pic.com/path".into();
    link.desc = "消息描述".into();
    ContactWayConclusions {
        text: Some(AttachmentText::new("文本消息内容")),
        image: Some(AttachmentImage::media("MEDIA_ID")),
        link: Some(link),
        miniprogram: Some(AttachmentMiniprogram::new(
            "消息标题",
            "MEDIA_ID",
            "wx8bd80126147dfAAA",
            "/path/index.html",
        )),
        extra: Default::default(),
    }
}

fn conclusions_json() -> serde_json::Value {
    json!({
        "text": {"content": "文本消息内容"},
        "image": {"media_id": "MEDIA_ID"},
        "link": {
            "title": "消息标题",
            "picurl": "https://example.pic.com/path",
            "desc": "消息描述",
            "url": "https://example.link.com/path"
        },
        "miniprogram": {
            "title": "消息标题",
            "pic_media_id": "MEDIA_ID",
            "appid": "wx8bd80126147dfAAA",
            "page": "/path/index.html"
        }
    })
}

#[test]
fn add_contact_way() {
    let mut req = AddContactWay::qr_code_for_many(["zhangsan", "lisi", "wangwu"], vec![2, 3])
        .state("teststate");
    req.kind = 1;
    req.scene = 1;
    req.is_temp = Some(true);
    let s = &mut req.settings;
    s.style = Some(1);
    s.remark = Some("渠道客户".into());
    s.skip_verify = Some(true);
    s.expires_in = Some(86400);
    s.chat_expires_in = Some(86400);
    s.unionid = Some("oxTWIuGaIt6gTKsQRLau2M0AAAA".into());
    s.is_exclusive = Some(true);
    s.conclusions = Some(conclusions());
    assert_post_json(
        &req,
        &url("add_contact_way", ""),
        json!({
            "type": 1,
            "scene": 1,
            "style": 1,
            "remark": "渠道客户",
            "skip_verify": true,
            "state": "teststate",
            "user": ["zhangsan", "lisi", "wangwu"],
            "party": [2, 3],
            "is_temp": true,
            "expires_in": 86400,
            "chat_expires_in": 86400,
            "unionid": "oxTWIuGaIt6gTKsQRLau2M0AAAA",
            "is_exclusive": true,
            "conclusions": conclusions_json()
        }),
    );
    assert_post_json(
        &AddContactWay::qr_code_for("zhangsan"),
        &url("add_contact_way", ""),
        json!({"type": 1, "scene": 2, "user": ["zhangsan"]}),
    );
    let r = parse::<AddContactWay>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/add_contact_way"
    ));
    assert_eq!(r.config_id, "42b34949e138eb6e027c123cba77fAAA");
    assert!(r.qr_code.unwrap().starts_with("http://p.qpic.cn/"));
}

#[test]
fn get_contact_way() {
    assert_post_json(
        &GetContactWay::new("42b34949e138eb6e027c123cba77fad7"),
        &url("get_contact_way", ""),
        json!({"config_id": "42b34949e138eb6e027c123cba77fad7"}),
    );
    let r = parse::<GetContactWay>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_contact_way"
    ));
    let w = &r.contact_way;
    assert_eq!(w.kind, 1);
    assert_eq!(w.style, Some(2));
    assert_eq!(w.party, [2, 3]);
    assert!(w.is_temp && w.is_exclusive && w.skip_verify);
    let c = w.conclusions.as_ref().unwrap();
    assert_eq!(
        c.image.as_ref().unwrap().pic_url,
        "http://p.qpic.cn/pic_wework/XXXXX"
    );
    assert_eq!(c.miniprogram.as_ref().unwrap().appid, "wx8bd80126147dfAAA");
}

#[test]
fn list_update_delete_contact_way() {
    assert_post_json(
        &ListContactWay {
            start_time: Some(1622476800),
            end_time: Some(1625068800),
            cursor: Some("CURSOR".into()),
            limit: Some(1000),
        },
        &url("list_contact_way", ""),
        json!({"start_time": 1622476800, "end_time": 1625068800, "cursor": "CURSOR", "limit": 1000}),
    );
    let r = parse::<ListContactWay>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/list_contact_way"
    ));
    assert_eq!(r.contact_way.len(), 2);
    assert_eq!(
        r.contact_way[1].config_id,
        "87bBiKEE811c62f63270041c62f5c9df"
    );
    assert_eq!(r.next_cursor, "NEXT_CURSOR");

    let mut req = UpdateContactWay::new("42b34949e138eb6e027c123cba77fAAA");
    let s = &mut req.settings;
    s.remark = Some("渠道客户".into());
    s.skip_verify = Some(true);
    s.style = Some(1);
    s.state = Some("teststate".into());
    s.user = vec!["zhangsan".into(), "lisi".into(), "wangwu".into()];
    s.party = vec![2, 3];
    s.expires_in = Some(86400);
    s.chat_expires_in = Some(86400);
    s.unionid = Some("oxTWIuGaIt6gTKsQRLau2M0AAAA".into());
    s.conclusions = Some(conclusions());
    assert_post_json(
        &req,
        &url("update_contact_way", ""),
        json!({
            "config_id": "42b34949e138eb6e027c123cba77fAAA",
            "remark": "渠道客户",
            "skip_verify": true,
            "style": 1,
            "state": "teststate",
            "user": ["zhangsan", "lisi", "wangwu"],
            "party": [2, 3],
            "expires_in": 86400,
            "chat_expires_in": 86400,
            "unionid": "oxTWIuGaIt6gTKsQRLau2M0AAAA",
            "conclusions": conclusions_json()
        }),
    );
    parse::<UpdateContactWay>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/update_contact_way"
    ));
    assert_post_json(
        &DelContactWay::new("42b34949e138eb6e027c123cba77fAAA"),
        &url("del_contact_way", ""),
        json!({"config_id": "42b34949e138eb6e027c123cba77fAAA"}),
    );
    parse::<DelContactWay>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/del_contact_way"
    ));
    assert_post_json(
        &CloseTempChat::new("zhangyisheng", "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA"),
        &url("close_temp_chat", ""),
        json!({"userid": "zhangyisheng", "external_userid": "woAJ2GCAAAd1NPGHKSD4wKmE8Aabj9AAA"}),
    );
    parse::<CloseTempChat>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/close_temp_chat"
    ));
}

// ---- welcome messages ----

#[test]
fn send_welcome_msg_with_every_attachment() {
    let mut image = AttachmentImage::media("MEDIA_ID");
    image.pic_url = "http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0".into();
    let mut link = AttachmentLink::new("消息标题", "https://example.link.com/path");
    link.picurl = "https://example.pic.com/path".into();
    link.desc = "消息描述".into();
    let req = SendWelcomeMsg::text("CALLBACK_CODE", "文本消息内容")
        .attach(Attachment::Image { image })
        .attach(Attachment::Link { link })
        .attach(Attachment::miniprogram(
            "消息标题",
            "MEDIA_ID",
            "wx8bd80126147dfAAA",
            "/path/index.html",
        ))
        .attach(Attachment::video("MEDIA_ID"))
        .attach(Attachment::file("MEDIA_ID"));
    assert_post_json(
        &req,
        &url("send_welcome_msg", ""),
        json!({
            "welcome_code": "CALLBACK_CODE",
            "text": {"content": "文本消息内容"},
            "attachments": [
                {"msgtype": "image", "image": {
                    "media_id": "MEDIA_ID",
                    "pic_url": "http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0"
                }},
                {"msgtype": "link", "link": {
                    "title": "消息标题",
                    "picurl": "https://example.pic.com/path",
                    "desc": "消息描述",
                    "url": "https://example.link.com/path"
                }},
                {"msgtype": "miniprogram", "miniprogram": {
                    "title": "消息标题",
                    "pic_media_id": "MEDIA_ID",
                    "appid": "wx8bd80126147dfAAA",
                    "page": "/path/index.html"
                }},
                {"msgtype": "video", "video": {"media_id": "MEDIA_ID"}},
                {"msgtype": "file", "file": {"media_id": "MEDIA_ID"}}
            ]
        }),
    );
    // Attachments read back from JSON (the catalog builds requests from it).
    let back: SendWelcomeMsg = serde_json::from_value(serde_json::to_value(&req).unwrap()).unwrap();
    assert_eq!(back, req);
    assert_eq!(
        serde_json::to_value(Attachment::image("M")).unwrap(),
        json!({"msgtype": "image", "image": {"media_id": "M"}})
    );
    parse::<SendWelcomeMsg>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/send_welcome_msg"
    ));
}

fn template_content() -> (GroupWelcomeContent, serde_json::Value) {
    let mut image = AttachmentImage::media("MEDIA_ID");
    image.pic_url = "http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0".into();
    let mut link = AttachmentLink::new("消息标题", "https://example.link.com/path");
    link.picurl = "https://example.pic.com/path".into();
    link.desc = "消息描述".into();
    let content = GroupWelcomeContent {
        image: Some(image),
        link: Some(link),
        miniprogram: Some(AttachmentMiniprogram::new(
            "消息标题",
            "MEDIA_ID",
            "wx8bd80126147dfAAA",
            "/path/index",
        )),
        file: Some(AttachmentMedia::new("MEDIA_ID")),
        video: Some(AttachmentMedia::new("MEDIA_ID")),
        ..GroupWelcomeContent::text("亲爱的%NICKNAME%用户,你好")
    };
    let json = json!({
        "text": {"content": "亲爱的%NICKNAME%用户,你好"},
        "image": {
            "media_id": "MEDIA_ID",
            "pic_url": "http://p.qpic.cn/pic_wework/3474110808/7a6344sdadfwehe42060/0"
        },
        "link": {
            "title": "消息标题",
            "picurl": "https://example.pic.com/path",
            "desc": "消息描述",
            "url": "https://example.link.com/path"
        },
        "miniprogram": {
            "title": "消息标题",
            "pic_media_id": "MEDIA_ID",
            "appid": "wx8bd80126147dfAAA",
            "page": "/path/index"
        },
        "file": {"media_id": "MEDIA_ID"},
        "video": {"media_id": "MEDIA_ID"}
    });
    (content, json)
}

#[test]
fn group_welcome_templates() {
    let (content, mut body) = template_content();
    let mut add = AddGroupWelcomeTemplate::new(content.clone());
    add.agentid = Some(1000014);
    add.notify = Some(1);
    body["agentid"] = json!(1000014);
    body["notify"] = json!(1);
    assert_post_json(&add, &url("group_welcome_template/add", ""), body);
    let r = parse::<AddGroupWelcomeTemplate>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/group_welcome_template/add"
    ));
    assert_eq!(r.template_id, "msgXXXXXXX");

    let (_, mut body) = template_content();
    let mut edit = EditGroupWelcomeTemplate::new("msgXXXXXXX", content);
    edit.agentid = Some(1000014);
    body["template_id"] = json!("msgXXXXXXX");
    body["agentid"] = json!(1000014);
    assert_post_json(&edit, &url("group_welcome_template/edit", ""), body);
    parse::<EditGroupWelcomeTemplate>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/group_welcome_template/edit"
    ));

    assert_post_json(
        &GetGroupWelcomeTemplate::new("msgXXXXXXX"),
        &url("group_welcome_template/get", ""),
        json!({"template_id": "msgXXXXXXX"}),
    );
    let r = parse::<GetGroupWelcomeTemplate>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/group_welcome_template/get"
    ));
    assert_eq!(r.text.unwrap().content, "亲爱的%NICKNAME%用户,你好");
    assert_eq!(
        r.image.unwrap().pic_url,
        "http://p.qpic.cn/pic_wework/XXXXX"
    );
    assert_eq!(r.video.unwrap().media_id, "MEDIA_ID");

    let mut del = DelGroupWelcomeTemplate::new("msgXXXXXXX");
    del.agentid = Some(1000014);
    assert_post_json(
        &del,
        &url("group_welcome_template/del", ""),
        json!({"template_id": "msgXXXXXXX", "agentid": 1000014}),
    );
    parse::<DelGroupWelcomeTemplate>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/group_welcome_template/del"
    ));
}

// ---- transfers ----

#[test]
fn transfers() {
    let msg = "您好,您的服务已升级,后续将由我的同事李四@腾讯接替我的工作,继续为您服务。";
    assert_post_json(
        &TransferCustomer::new(
            "zhangsan",
            "lisi",
            [
                "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB",
                "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
            ],
        )
        .message(msg),
        &url("transfer_customer", ""),
        json!({
            "handover_userid": "zhangsan",
            "takeover_userid": "lisi",
            "external_userid": ["woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB", "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA"],
            "transfer_success_msg": msg
        }),
    );
    let r = parse::<TransferCustomer>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/transfer_customer"
    ));
    assert_eq!(r.customer[0].errcode, 40096);
    assert_eq!(r.customer[1].errcode, 0);

    let mut q = TransferResult::new("zhangsan", "lisi");
    q.cursor = Some("CURSOR".into());
    assert_post_json(
        &q,
        &url("transfer_result", ""),
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "cursor": "CURSOR"}),
    );
    let r = parse::<TransferResult>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/transfer_result"
    ));
    assert_eq!(r.customer.len(), 3);
    assert_eq!(r.customer[1].status, 2);
    assert_eq!(r.customer[0].takeover_time, 1588262400);
    assert_eq!(r.next_cursor, "NEXT_CURSOR");

    assert_post_json(
        &ResignedTransferCustomer::new(
            "zhangsan",
            "lisi",
            [
                "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB",
                "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
            ],
        ),
        &url("resigned/transfer_customer", ""),
        json!({
            "handover_userid": "zhangsan",
            "takeover_userid": "lisi",
            "external_userid": ["woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB", "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA"]
        }),
    );
    let r = parse::<ResignedTransferCustomer>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/resigned/transfer_customer"
    ));
    assert_eq!(r.customer[1].errcode, 40096);

    let mut q = ResignedTransferResult::new("zhangsan", "lisi");
    q.cursor = Some("CURSOR".into());
    assert_post_json(
        &q,
        &url("resigned/transfer_result", ""),
        json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "cursor": "CURSOR"}),
    );
    let r = parse::<ResignedTransferResult>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/resigned/transfer_result"
    ));
    assert_eq!(r.customer[2].status, 3);
}

// ---- behavior data ----

#[test]
fn user_behavior_data() {
    let mut req = GetUserBehaviorData::members(["zhangsan", "lisi"], 1536508800, 1536595200);
    req.partyid = vec![1001, 1002];
    assert_post_json(
        &req,
        &url("get_user_behavior_data", ""),
        json!({
            "userid": ["zhangsan", "lisi"],
            "partyid": [1001, 1002],
            "start_time": 1536508800,
            "end_time": 1536595200
        }),
    );
    let r = parse::<GetUserBehaviorData>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_user_behavior_data"
    ));
    assert_eq!(r.behavior_data.len(), 2);
    let d = &r.behavior_data[0];
    assert_eq!(d.chat_cnt, 100);
    assert_eq!(d.reply_percentage(), Some(60.25));
    assert_eq!(d.avg_reply_minutes(), Some(1.0));
    assert_eq!(r.behavior_data[1].reply_percentage(), Some(100.0));
    assert_eq!(d.new_contact_cnt, 5);
}

// ---- errors, catalog, reference rows ----

#[test]
fn errcodes() {
    assert_errcode::<GetCustomer>(
        r#"{"errcode":84061,"errmsg":"not external contact"}"#,
        84061,
    );
    assert_errcode::<MarkTag>(r#"{"errcode":41034,"errmsg":"invalid tag id"}"#, 41034);
    assert_errcode::<AddContactWay>(r#"{"errcode":41054,"errmsg":"user status invalid"}"#, 41054);
    assert_errcode::<SendWelcomeMsg>(
        r#"{"errcode":41051,"errmsg":"externaluser has started chatting"}"#,
        41051,
    );
    assert_errcode::<TransferCustomer>(
        r#"{"errcode":40098,"errmsg":"the acceptor has not actived"}"#,
        40098,
    );
    assert_errcode::<GetUserBehaviorData>(
        r#"{"errcode":60111,"errmsg":"userid not found"}"#,
        60111,
    );
}

#[test]
fn cataloged() {
    assert_work_cataloged::<ListCustomers>();
    assert_work_cataloged::<GetCustomer>();
    assert_work_cataloged::<BatchGetCustomers>();
    assert_work_cataloged::<RemarkCustomer>();
    assert_work_cataloged::<GetFollowUserList>();
    assert_work_cataloged::<GetUnassignedList>();
    assert_work_cataloged::<UnionidToExternalUserid>();
    assert_work_cataloged::<GetCorpTagList>();
    assert_work_cataloged::<AddCorpTag>();
    assert_work_cataloged::<EditCorpTag>();
    assert_work_cataloged::<DelCorpTag>();
    assert_work_cataloged::<MarkTag>();
    assert_work_cataloged::<GetStrategyTagList>();
    assert_work_cataloged::<AddStrategyTag>();
    assert_work_cataloged::<EditStrategyTag>();
    assert_work_cataloged::<DelStrategyTag>();
    assert_work_cataloged::<AddContactWay>();
    assert_work_cataloged::<GetContactWay>();
    assert_work_cataloged::<ListContactWay>();
    assert_work_cataloged::<UpdateContactWay>();
    assert_work_cataloged::<DelContactWay>();
    assert_work_cataloged::<CloseTempChat>();
    assert_work_cataloged::<SendWelcomeMsg>();
    assert_work_cataloged::<AddGroupWelcomeTemplate>();
    assert_work_cataloged::<EditGroupWelcomeTemplate>();
    assert_work_cataloged::<GetGroupWelcomeTemplate>();
    assert_work_cataloged::<DelGroupWelcomeTemplate>();
    assert_work_cataloged::<TransferCustomer>();
    assert_work_cataloged::<TransferResult>();
    assert_work_cataloged::<ResignedTransferCustomer>();
    assert_work_cataloged::<ResignedTransferResult>();
    assert_work_cataloged::<GetUserBehaviorData>();
}

// ---- streams ----

fn ids<T, E: std::fmt::Debug>(all: &[Result<T, E>], id: impl Fn(&T) -> String) -> Vec<String> {
    all.iter()
        .map(|r| match r {
            Ok(t) => id(t),
            Err(e) => format!("error {e:?}").chars().take(5).collect(),
        })
        .collect()
}

const NO_PRIVILEGE: &str = r#"{"errcode":48002,"errmsg":"api forbidden"}"#;

#[test]
fn follow_users_stream_over_pages_and_end_on_an_error() {
    let (client, wechat) = client();
    wechat
        .push(
            "/cgi-bin/externalcontact/get",
            r#"{"external_contact":{"external_userid":"wm1"},"follow_user":[{"userid":"a"}],"next_cursor":"c1"}"#,
        )
        .push(
            "/cgi-bin/externalcontact/get",
            r#"{"external_contact":{"external_userid":"wm1"},"follow_user":[{"userid":"b"}]}"#,
        );
    let all: Vec<_> = block_on(customer_follow_users(&client, "wm1").collect());
    assert_eq!(ids(&all, |f| f.userid.clone()), ["a", "b"]);
    let seen = wechat.seen();
    assert_eq!(seen.len(), 2);
    assert!(seen[1].contains("cursor=c1"), "{}", seen[1]);

    let (client, wechat) = crate::common::client();
    wechat
        .push(
            "/cgi-bin/externalcontact/get",
            r#"{"follow_user":[{"userid":"a"}],"next_cursor":"c1"}"#,
        )
        .push("/cgi-bin/externalcontact/get", NO_PRIVILEGE);
    let pages: Vec<_> = block_on(customer_pages(&client, "wm1").collect());
    assert_eq!(pages.len(), 2);
    assert!(pages[1].is_err());
    assert_eq!(wechat.seen().len(), 2);
}

#[test]
fn batch_customers_stream_over_pages_and_end_on_an_error() {
    let (client, wechat) = client();
    wechat
        .push(
            "/cgi-bin/externalcontact/batch/get_by_user",
            r#"{"external_contact_list":[{"external_contact":{"external_userid":"wm1"},"follow_info":{"userid":"a"}}],"next_cursor":"c1"}"#,
        )
        .push(
            "/cgi-bin/externalcontact/batch/get_by_user",
            r#"{"external_contact_list":[{"external_contact":{"external_userid":"wm2"},"follow_info":{"userid":"a"}}],"next_cursor":""}"#,
        );
    let all: Vec<_> =
        block_on(customers_of_members(&client, vec!["a".into()], Some(100)).collect());
    assert_eq!(
        ids(&all, |c| c.external_contact.external_userid.clone()),
        ["wm1", "wm2"]
    );
    let bodies = wechat.bodies();
    assert_eq!(bodies[0], json!({"userid_list": ["a"], "limit": 100}));
    assert_eq!(
        bodies[1],
        json!({"userid_list": ["a"], "cursor": "c1", "limit": 100})
    );

    let (client, wechat) = crate::common::client();
    wechat
        .push(
            "/cgi-bin/externalcontact/batch/get_by_user",
            r#"{"external_contact_list":[],"next_cursor":"c1"}"#,
        )
        .push("/cgi-bin/externalcontact/batch/get_by_user", NO_PRIVILEGE);
    let pages: Vec<_> = block_on(customer_batch_pages(&client, vec!["a".into()], None).collect());
    assert_eq!(pages.len(), 2);
    assert!(pages[0].is_ok() && pages[1].is_err());
    assert_eq!(wechat.seen().len(), 2);
}

#[test]
fn unassigned_stream_over_pages_and_end_on_an_error() {
    let (client, wechat) = client();
    wechat
        .push(
            "/cgi-bin/externalcontact/get_unassigned_list",
            r#"{"info":[{"handover_userid":"a","external_userid":"wm1","dimission_time":1}],"is_last":false,"next_cursor":"c1"}"#,
        )
        .push(
            "/cgi-bin/externalcontact/get_unassigned_list",
            r#"{"info":[{"handover_userid":"a","external_userid":"wm2","dimission_time":1}],"is_last":true,"next_cursor":""}"#,
        );
    let all: Vec<_> = block_on(unassigned_customers(&client, Some(1000)).collect());
    assert_eq!(ids(&all, |c| c.external_userid.clone()), ["wm1", "wm2"]);
    assert_eq!(
        wechat.bodies()[1],
        json!({"page_size": 1000, "cursor": "c1"})
    );

    let (client, wechat) = crate::common::client();
    wechat
        .push(
            "/cgi-bin/externalcontact/get_unassigned_list",
            r#"{"info":[{"external_userid":"wm1"}],"next_cursor":"c1"}"#,
        )
        .push("/cgi-bin/externalcontact/get_unassigned_list", NO_PRIVILEGE);
    let all: Vec<_> = block_on(unassigned_customers(&client, None).collect());
    assert_eq!(ids(&all, |c| c.external_userid.clone()), ["wm1", "error"]);
    assert_eq!(wechat.seen().len(), 2);
}

#[test]
fn contact_way_stream_over_pages_and_end_on_an_error() {
    let (client, wechat) = client();
    wechat
        .push(
            "/cgi-bin/externalcontact/list_contact_way",
            r#"{"contact_way":[{"config_id":"a"}],"next_cursor":"c1"}"#,
        )
        .push(
            "/cgi-bin/externalcontact/list_contact_way",
            r#"{"contact_way":[{"config_id":"b"}]}"#,
        );
    let all: Vec<_> = block_on(contact_way_ids(&client, Some(1622476800), None, None).collect());
    assert_eq!(ids(&all, |w| w.config_id.clone()), ["a", "b"]);
    assert_eq!(
        wechat.bodies()[1],
        json!({"start_time": 1622476800, "cursor": "c1"})
    );

    let (client, wechat) = crate::common::client();
    wechat
        .push(
            "/cgi-bin/externalcontact/list_contact_way",
            r#"{"contact_way":[{"config_id":"a"}],"next_cursor":"c1"}"#,
        )
        .push("/cgi-bin/externalcontact/list_contact_way", NO_PRIVILEGE);
    let pages: Vec<_> = block_on(contact_way_pages(&client, None, None, Some(10)).collect());
    assert_eq!(pages.len(), 2);
    assert!(pages[1].is_err());
    assert_eq!(wechat.seen().len(), 2);
}

#[test]
fn transfer_result_streams_over_pages_and_end_on_an_error() {
    for resigned in [false, true] {
        let path = if resigned {
            "/cgi-bin/externalcontact/resigned/transfer_result"
        } else {
            "/cgi-bin/externalcontact/transfer_result"
        };
        let (client, wechat) = client();
        wechat
            .push(
                path,
                r#"{"customer":[{"external_userid":"wm1","status":1,"takeover_time":1}],"next_cursor":"c1"}"#,
            )
            .push(
                path,
                r#"{"customer":[{"external_userid":"wm2","status":2,"takeover_time":2}],"next_cursor":""}"#,
            );
        let all: Vec<_> = if resigned {
            block_on(resigned_transfer_results(&client, "zhangsan", "lisi").collect())
        } else {
            block_on(transfer_results(&client, "zhangsan", "lisi").collect())
        };
        assert_eq!(ids(&all, |c| c.external_userid.clone()), ["wm1", "wm2"]);
        assert_eq!(
            wechat.bodies()[1],
            json!({"handover_userid": "zhangsan", "takeover_userid": "lisi", "cursor": "c1"})
        );

        let (client, wechat) = crate::common::client();
        wechat
            .push(path, r#"{"customer":[],"next_cursor":"c1"}"#)
            .push(path, NO_PRIVILEGE);
        let pages: Vec<_> = if resigned {
            block_on(resigned_transfer_result_pages(&client, "zhangsan", "lisi").collect())
        } else {
            block_on(transfer_result_pages(&client, "zhangsan", "lisi").collect())
        };
        assert_eq!(pages.len(), 2);
        assert!(pages[1].is_err());
        assert_eq!(wechat.seen().len(), 2);
    }
}

/// The streams are `Send` when the adapter's futures are: a compile-time check.
#[allow(dead_code)]
fn streams_are_send(client: &TestClient) {
    fn is_send<T: Send>(_: T) {}
    is_send(customer_follow_users(client, "wm1"));
    is_send(customers_of_members(client, vec![], None));
    is_send(unassigned_customers(client, None));
    is_send(contact_way_ids(client, None, None, None));
    is_send(transfer_results(client, "a", "b"));
    is_send(resigned_transfer_results(client, "a", "b"));
}

#[test]
fn every_reference_row_is_cataloged() {
    assert_rows_covered("work/externalcontact");
}
