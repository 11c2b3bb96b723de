//! WeCom customer contact: group chats, mass messages, moments, strategies, acquisition links.

use crate::common::*;

use futures::StreamExt;
use futures::executor::block_on;
use serde_json::json;
use wechat_core::api::work::externalcontact::acquisition::*;
use wechat_core::api::work::externalcontact::groupchat::*;
use wechat_core::api::work::externalcontact::groupmsg::*;
use wechat_core::api::work::externalcontact::moment::*;
use wechat_core::api::work::externalcontact::strategy::*;

const WORK: &str = "https://qyapi.weixin.qq.com";

fn url(path: &str, query: &str) -> String {
    if query.is_empty() {
        format!("{WORK}/cgi-bin/externalcontact/{path}?access_token=ACCESS_TOKEN")
    } else {
        format!("{WORK}/cgi-bin/externalcontact/{path}?access_token=ACCESS_TOKEN&{query}")
    }
}

const DENIED: &str = r#"{"errcode":48002,"errmsg":"api forbidden"}"#;

/// Walks a cursor stream twice over a scripted WeChat: two pages (the second asked for with the
/// first's `next_cursor`), then a page followed by an error that ends the stream.
macro_rules! walks_pages {
    ($path:literal, $first:expr, $last:expr, $client:ident => $stream:expr, $show:expr, [$($want:expr),* $(,)?]) => {{
        let show = |items: Vec<wechat_core::Result<_>>| -> Vec<String> {
            items
                .iter()
                .map(|r| match r {
                    Ok(x) => ($show)(x),
                    Err(e) => format!("error {:?}", e.code()),
                })
                .collect()
        };
        let want: Vec<String> = vec![$($want.to_string()),*];
        let path = concat!("/cgi-bin/externalcontact/", $path);

        let (client, wechat) = crate::common::client();
        wechat.push(path, $first).push(path, $last);
        let $client = &client;
        let items: Vec<_> = block_on($stream.collect());
        assert_eq!(show(items), want);
        let bodies = wechat.bodies();
        assert_eq!(bodies.len(), 2);
        assert!(bodies[0].get("cursor").is_none(), "{}", bodies[0]);
        assert_eq!(bodies[1]["cursor"], "c1");

        let (client, wechat) = crate::common::client();
        wechat.push(path, $first).push(path, DENIED).push(path, $last);
        let $client = &client;
        let items: Vec<_> = block_on($stream.collect());
        let shown = show(items);
        assert_eq!(shown.last().unwrap(), "error Some(48002)");
        let before = &shown[..shown.len() - 1];
        assert!(!before.is_empty() && want.starts_with(before), "{shown:?}");
        assert_eq!(wechat.seen().len(), 2, "nothing is asked after the error");
    }};
}

// ---- group chats ----

#[test]
fn list_and_get_group_chats() {
    let req = ListGroupChats {
        status_filter: Some(0),
        owner_filter: Some(GroupChatOwnerFilter::new(["abel"])),
        cursor: Some("r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI".into()),
        limit: 10,
    };
    assert_post_json(
        &req,
        &url("groupchat/list", ""),
        json!({"status_filter": 0, "owner_filter": {"userid_list": ["abel"]},
               "cursor": "r9FqSqsI8fgNbHLHE5QoCP50UIg2cFQbfma3l2QsmwI", "limit": 10}),
    );
    let page = parse::<ListGroupChats>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/groupchat/list"
    ));
    assert_eq!(page.group_chat_list.len(), 2);
    assert_eq!(
        page.group_chat_list[0].chat_id,
        "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"
    );
    assert!(page.next_cursor.starts_with("tJzlB9"));

    assert_post_json(
        &GetGroupChat::new("wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA"),
        &url("groupchat/get", ""),
        json!({"chat_id": "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA", "need_name": 1}),
    );
    let d = parse::<GetGroupChat>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/groupchat/get"
    ));
    let chat = d.group_chat;
    assert_eq!(chat.owner, "ZhuShengBen");
    assert_eq!(chat.create_time, 1572505490);
    assert_eq!(chat.member_list[0].kind, 1);
    assert_eq!(chat.member_list[0].invitor.as_ref().unwrap().userid, "jack");
    assert_eq!(
        chat.member_list[1].unionid,
        "ozynqsulJFCZ2z1aYeS8h-nuasdAAA"
    );
    assert_eq!(chat.admin_list[1].userid, "pony");
    assert_eq!(chat.member_version, "71217227bbd112ecfe3a49c482195cb4");

    assert_work_cataloged::<ListGroupChats>();
    assert_work_cataloged::<GetGroupChat>();
    assert_errcode::<GetGroupChat>(DENIED, 48002);
}

#[test]
fn group_chats_walk_every_page() {
    walks_pages!(
        "groupchat/list",
        r#"{"errcode":0,"errmsg":"ok","group_chat_list":[{"chat_id":"a","status":0},{"chat_id":"b","status":1}],"next_cursor":"c1"}"#,
        r#"{"errcode":0,"errmsg":"ok","group_chat_list":[{"chat_id":"c","status":0}],"next_cursor":""}"#,
        c => group_chats(c, ListGroupChats::new(2)),
        |g: &GroupChatStatus| format!("{}:{}", g.chat_id, g.status),
        ["a:0", "b:1", "c:0"]
    );
    let (client, wechat) = client();
    wechat.push(
        "/cgi-bin/externalcontact/groupchat/list",
        r#"{"errcode":0,"errmsg":"ok","group_chat_list":[],"next_cursor":""}"#,
    );
    let pages: Vec<_> = block_on(group_chat_pages(&client, ListGroupChats::new(5)).collect());
    assert_eq!(pages.len(), 1);
    assert_eq!(wechat.bodies()[0], json!({"limit": 5}));
}

#[test]
fn join_ways() {
    let way = GroupChatJoinWay {
        remark: Some("aa_remark".into()),
        auto_create_room: Some(1),
        room_base_name: Some("销售客服群".into()),
        room_base_id: Some(10),
        state: Some("klsdup3kj3s1".into()),
        ..GroupChatJoinWay::new(
            1,
            [
                "wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa",
                "wrOgQhDgAAH2Yy-CTZ6POca8mlBEdbbb",
            ],
        )
    };
    let body = json!({
        "scene": 1, "remark": "aa_remark", "auto_create_room": 1,
        "room_base_name": "销售客服群", "room_base_id": 10,
        "chat_id_list": ["wrOgQhDgAAH2Yy-CTZ6POca8mlBEdaaa", "wrOgQhDgAAH2Yy-CTZ6POca8mlBEdbbb"],
        "state": "klsdup3kj3s1"
    });
    assert_post_json(
        &AddJoinWay::new(way.clone()),
        &url("groupchat/add_join_way", ""),
        body.clone(),
    );
    let created = parse::<AddJoinWay>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/groupchat/add_join_way"
    ));
    assert_eq!(created.config_id, "9ad7fa5cdaa6511298498f979c472aaa");

    assert_post_json(
        &GetJoinWay::new("9ad7fa5cdaa6511298498f979c472aaa"),
        &url("groupchat/get_join_way", ""),
        json!({"config_id": "9ad7fa5cdaa6511298498f979c472aaa"}),
    );
    let got = parse::<GetJoinWay>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/groupchat/get_join_way"
    ));
    assert_eq!(got.join_way.scene, 1);
    assert_eq!(got.join_way.room_base_id, 10);
    assert_eq!(got.join_way.chat_id_list.len(), 2);
    assert!(got.join_way.qr_code.starts_with("http://p.qpic.cn/"));
    assert_eq!(got.join_way.state, "klsdup3kj3s1");

    let mut update = body.clone();
    update["config_id"] = json!("9ad7fa5cdaa6511298498f979c472aaa");
    assert_post_json(
        &UpdateJoinWay::new("9ad7fa5cdaa6511298498f979c472aaa", way),
        &url("groupchat/update_join_way", ""),
        update,
    );
    parse::<UpdateJoinWay>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/groupchat/update_join_way"
    ));
    assert_post_json(
        &DelJoinWay::new("9ad7fa5cdaa6511298498f979c472aaa"),
        &url("groupchat/del_join_way", ""),
        json!({"config_id": "9ad7fa5cdaa6511298498f979c472aaa"}),
    );
    parse::<DelJoinWay>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/groupchat/del_join_way"
    ));
    assert_work_cataloged::<AddJoinWay>();
    assert_work_cataloged::<GetJoinWay>();
    assert_work_cataloged::<UpdateJoinWay>();
    assert_work_cataloged::<DelJoinWay>();
}

#[test]
fn group_chat_statistics() {
    let req = GroupChatStatistic {
        order_by: Some(2),
        order_asc: Some(0),
        offset: Some(0),
        limit: Some(1000),
        ..GroupChatStatistic::new(1600272000, 1600444800, ["zhangsan"])
    };
    assert_post_json(
        &req,
        &url("groupchat/statistic", ""),
        json!({"day_begin_time": 1600272000, "day_end_time": 1600444800,
               "owner_filter": {"userid_list": ["zhangsan"]},
               "order_by": 2, "order_asc": 0, "offset": 0, "limit": 1000}),
    );
    let s = parse::<GroupChatStatistic>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/groupchat/statistic"
    ));
    assert_eq!((s.total, s.next_offset), (2, 2));
    assert_eq!(s.items[0].owner, "zhangsan");
    assert_eq!(s.items[0].data.member_total, 6);
    assert_eq!(s.items[1].data.migrate_trainee_chat_cnt, 5);

    assert_post_json(
        &GroupChatStatisticByDay::new(1600272000, 1600358400, ["zhangsan"]),
        &url("groupchat/statistic_group_by_day", ""),
        json!({"day_begin_time": 1600272000, "day_end_time": 1600358400,
               "owner_filter": {"userid_list": ["zhangsan"]}}),
    );
    let d = parse::<GroupChatStatisticByDay>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/groupchat/statistic_group_by_day"
    ));
    assert_eq!(d.items[1].stat_time, 1600358400);
    assert_eq!(d.items[0].data.chat_has_msg, 2);
    assert_work_cataloged::<GroupChatStatistic>();
    assert_work_cataloged::<GroupChatStatisticByDay>();
}

#[test]
fn opengid_and_transfers() {
    assert_post_json(
        &OpengidToChatid::new("oAAAAAAA"),
        &url("opengid_to_chatid", ""),
        json!({"opengid": "oAAAAAAA"}),
    );
    let c = parse::<OpengidToChatid>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/opengid_to_chatid"
    ));
    assert_eq!(c.chat_id, "ooAAAAAAAAAAAAA");

    let chats = [
        "wrOgQhDgAAcwMTB7YmDkbeBsgT_AAAA",
        "wrOgQhDgAAMYQiS5ol9G7gK9JVQUAAAA",
    ];
    let body = json!({"chat_id_list": chats, "new_owner": "zhangsan"});
    assert_post_json(
        &TransferGroupChats::new(chats, "zhangsan"),
        &url("groupchat/transfer", ""),
        body.clone(),
    );
    let r = parse::<TransferGroupChats>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/groupchat/transfer"
    ));
    assert_eq!(r.failed_chat_list[0].errcode, 90500);
    assert_eq!(
        r.failed_chat_list[0].chat_id,
        "wrOgQhDgAAcwMTB7YmDkbeBsgT_KAAAA"
    );

    assert_post_json(
        &OnjobTransferGroupChats::new(chats, "zhangsan"),
        &url("groupchat/onjob_transfer", ""),
        body,
    );
    let r = parse::<OnjobTransferGroupChats>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/groupchat/onjob_transfer"
    ));
    assert_eq!(r.failed_chat_list[0].errcode, 90501);
    assert_eq!(
        r.failed_chat_list[0].errmsg,
        "chat is not external group chat"
    );
    assert_work_cataloged::<OpengidToChatid>();
    assert_work_cataloged::<TransferGroupChats>();
    assert_work_cataloged::<OnjobTransferGroupChats>();
}

// ---- mass messages ----

#[test]
fn add_msg_template_with_every_attachment() {
    let mut req = AddMsgTemplate::to_customers([
        "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
        "wmqfasd1e1927831123109rBAAAA",
    ])
    .sender("zhangsan")
    .text("文本消息内容")
    .attachment(Attachment::image("MEDIA_ID"))
    .attachment(Attachment::Link {
        link: AttachmentLink {
            picurl: "https://example.pic.com/path".into(),
            desc: "消息描述".into(),
            ..match Attachment::link("消息标题", "https://example.link.com/path") {
                Attachment::Link { link } => link,
                _ => unreachable!(),
            }
        },
    })
    .attachment(Attachment::miniprogram(
        "消息标题",
        "MEDIA_ID",
        "wx8bd80126147dfAAA",
        "/path/index.html",
    ))
    .attachment(Attachment::video("MEDIA_ID"))
    .attachment(Attachment::file("MEDIA_ID"));
    req.allow_select = Some(true);
    req.tag_filter = Some(GroupMsgTagFilter {
        group_list: vec![GroupMsgTagGroup {
            tag_list: vec!["etXXXXXXXXXX".into(), "etYYYYYYYYYY".into()],
        }],
    });
    assert_post_json(
        &req,
        &url("add_msg_template", ""),
        json!({
            "chat_type": "single",
            "external_userid": ["woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA", "wmqfasd1e1927831123109rBAAAA"],
            "tag_filter": {"group_list": [{"tag_list": ["etXXXXXXXXXX", "etYYYYYYYYYY"]}]},
            "sender": "zhangsan",
            "allow_select": true,
            "text": {"content": "文本消息内容"},
            "attachments": [
                {"msgtype": "image", "image": {"media_id": "MEDIA_ID"}},
                {"msgtype": "link", "link": {"title": "消息标题", "picurl": "https://example.pic.com/path",
                                             "desc": "消息描述", "url": "https://example.link.com/path"}},
                {"msgtype": "miniprogram", "miniprogram": {"title": "消息标题", "pic_media_id": "MEDIA_ID",
                                                           "appid": "wx8bd80126147dfAAA", "page": "/path/index.html"}},
                {"msgtype": "video", "video": {"media_id": "MEDIA_ID"}},
                {"msgtype": "file", "file": {"media_id": "MEDIA_ID"}}
            ]
        }),
    );
    let groups = AddMsgTemplate::to_groups("zhangsan")
        .attachment(Attachment::image_url("https://p.qpic.cn/x/0"));
    assert_post_json(
        &groups,
        &url("add_msg_template", ""),
        json!({"chat_type": "group", "sender": "zhangsan",
               "attachments": [{"msgtype": "image", "image": {"pic_url": "https://p.qpic.cn/x/0"}}]}),
    );
    let r = parse::<AddMsgTemplate>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/add_msg_template"
    ));
    assert_eq!(r.msgid, "msgGCAAAXtWyujaWJHDDGi0mAAAA");
    assert_eq!(r.fail_list, ["wmqfasd1e1927831291723123109rAAA"]);
    assert_work_cataloged::<AddMsgTemplate>();
    assert_errcode::<AddMsgTemplate>(
        r#"{"errcode":41048,"errmsg":"no valid external_userid"}"#,
        41048,
    );
}

#[test]
fn unknown_attachments_are_kept() {
    let raw = json!({"msgtype": "voice", "voice": {"media_id": "M"}});
    let a: Attachment = serde_json::from_value(raw.clone()).unwrap();
    assert!(matches!(a, Attachment::Other(_)));
    assert_eq!(serde_json::to_value(&a).unwrap(), raw);
    let v: Attachment =
        serde_json::from_value(json!({"msgtype": "video", "video": {"media_id": "V"}})).unwrap();
    assert_eq!(v, Attachment::video("V"));
}

#[test]
fn group_msg_records() {
    let req = GetGroupMsgListV2 {
        creator: Some("zhangshan".into()),
        filter_type: Some(1),
        limit: Some(50),
        cursor: Some("CURSOR".into()),
        ..GetGroupMsgListV2::new("single", 1605171726, 1605172726)
    };
    assert_post_json(
        &req,
        &url("get_groupmsg_list_v2", ""),
        json!({"chat_type": "single", "start_time": 1605171726, "end_time": 1605172726,
               "creator": "zhangshan", "filter_type": 1, "limit": 50, "cursor": "CURSOR"}),
    );
    let page = parse::<GetGroupMsgListV2>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_groupmsg_list_v2"
    ));
    let m = &page.group_msg_list[0];
    assert_eq!(m.msgid, "msgGCAAAXtWyujaWJHDDGi0mAAAA");
    assert_eq!(m.create_type, 1);
    assert_eq!(m.text.as_ref().unwrap().content, "文本消息内容");
    assert_eq!(m.attachments.len(), 5);
    assert!(
        matches!(&m.attachments[2], Attachment::Miniprogram { miniprogram } if miniprogram.appid == "wx8bd80126147dfAAA")
    );
    assert!(matches!(&m.attachments[4], Attachment::File { file } if file.media_id == "MEDIA_ID"));

    let req = GetGroupMsgTask {
        msgid: "msgGCAAAXtWyujaWJHDDGi0mACAAAA".into(),
        limit: Some(50),
        cursor: Some("CURSOR".into()),
    };
    assert_post_json(
        &req,
        &url("get_groupmsg_task", ""),
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mACAAAA", "limit": 50, "cursor": "CURSOR"}),
    );
    let t = parse::<GetGroupMsgTask>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_groupmsg_task"
    ));
    assert_eq!(t.task_list[0].userid, "zhangshan");
    assert_eq!(t.task_list[0].send_time, Some(1552536375));

    let req = GetGroupMsgSendResult {
        msgid: "msgGCAAAXtWyujaWJHDDGi0mACAAAA".into(),
        userid: "zhangshan".into(),
        limit: Some(50),
        cursor: Some("CURSOR".into()),
    };
    assert_post_json(
        &req,
        &url("get_groupmsg_send_result", ""),
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mACAAAA", "userid": "zhangshan",
               "limit": 50, "cursor": "CURSOR"}),
    );
    let s = parse::<GetGroupMsgSendResult>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_groupmsg_send_result"
    ));
    assert_eq!(s.send_list[0].chat_id, "wrOgQhDgAAMYQiS5ol9G7gK9JVAAAA");
    assert_eq!(s.send_list[0].status, 1);

    assert_post_json(
        &RemindGroupMsgSend::new("msgGCAAAXtWyujaWJHDDGi0mACAAAA"),
        &url("remind_groupmsg_send", ""),
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mACAAAA"}),
    );
    parse::<RemindGroupMsgSend>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/remind_groupmsg_send"
    ));
    assert_post_json(
        &CancelGroupMsgSend::new("msgGCAAAXtWyujaWJHDDGi0mACAAAA"),
        &url("cancel_groupmsg_send", ""),
        json!({"msgid": "msgGCAAAXtWyujaWJHDDGi0mACAAAA"}),
    );
    parse::<CancelGroupMsgSend>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/cancel_groupmsg_send"
    ));
    assert_work_cataloged::<GetGroupMsgListV2>();
    assert_work_cataloged::<GetGroupMsgTask>();
    assert_work_cataloged::<GetGroupMsgSendResult>();
    assert_work_cataloged::<RemindGroupMsgSend>();
    assert_work_cataloged::<CancelGroupMsgSend>();
}

#[test]
fn group_msg_streams_walk_every_page() {
    walks_pages!(
        "get_groupmsg_list_v2",
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"c1","group_msg_list":[{"msgid":"m1","create_time":"1605171726"},{"msgid":"m2"}]}"#,
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","group_msg_list":[{"msgid":"m3"}]}"#,
        c => group_msgs(c, GetGroupMsgListV2::new("group", 1, 2)),
        |m: &GroupMsg| m.msgid.clone(),
        ["m1", "m2", "m3"]
    );
    walks_pages!(
        "get_groupmsg_task",
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"c1","task_list":[{"userid":"a","status":2}]}"#,
        r#"{"errcode":0,"errmsg":"ok","task_list":[{"userid":"b","status":0}]}"#,
        c => group_msg_tasks(c, "m1", Some(1)),
        |t: &GroupMsgTask| format!("{}:{}", t.userid, t.status),
        ["a:2", "b:0"]
    );
    walks_pages!(
        "get_groupmsg_send_result",
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"c1","send_list":[{"external_userid":"w1","userid":"u","status":1}]}"#,
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","send_list":[{"chat_id":"wr2","userid":"u","status":2}]}"#,
        c => group_msg_send_results(c, "m1", "u", None),
        |s: &GroupMsgSend| format!("{}{}:{}", s.external_userid, s.chat_id, s.status),
        ["w1:1", "wr2:2"]
    );
    let (client, wechat) = client();
    wechat.push(
        "/cgi-bin/externalcontact/get_groupmsg_list_v2",
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","group_msg_list":[]}"#,
    );
    let pages: Vec<_> =
        block_on(group_msg_pages(&client, GetGroupMsgListV2::new("single", 1, 2)).collect());
    assert_eq!(pages.len(), 1);
    assert_eq!(
        wechat.bodies()[0],
        json!({"chat_type": "single", "start_time": 1, "end_time": 2})
    );
}

// ---- moments ----

#[test]
fn moment_tasks_and_results() {
    let req = AddMomentTask::text("文本消息内容")
        .attachment(Attachment::image("MEDIA_ID"))
        .attachment(Attachment::video("MEDIA_ID"))
        .attachment(Attachment::Link {
            link: AttachmentLink {
                title: "消息标题".into(),
                url: "https://example.link.com/path".into(),
                media_id: "MEDIA_ID".into(),
                ..Default::default()
            },
        })
        .visible_range(MomentVisibleRange {
            sender_list: Some(MomentSenders {
                user_list: vec!["zhangshan".into(), "lisi".into()],
                department_list: vec![2, 3],
                ..Default::default()
            }),
            external_contact_list: Some(MomentCustomerTags {
                tag_list: vec!["etXXXXXXXXXX".into(), "etYYYYYYYYYY".into()],
                ..Default::default()
            }),
        });
    assert_post_json(
        &req,
        &url("add_moment_task", ""),
        json!({
            "text": {"content": "文本消息内容"},
            "attachments": [
                {"msgtype": "image", "image": {"media_id": "MEDIA_ID"}},
                {"msgtype": "video", "video": {"media_id": "MEDIA_ID"}},
                {"msgtype": "link", "link": {"title": "消息标题", "url": "https://example.link.com/path",
                                             "media_id": "MEDIA_ID"}}
            ],
            "visible_range": {
                "sender_list": {"user_list": ["zhangshan", "lisi"], "department_list": [2, 3]},
                "external_contact_list": {"tag_list": ["etXXXXXXXXXX", "etYYYYYYYYYY"]}
            }
        }),
    );
    let job = parse::<AddMomentTask>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/add_moment_task"
    ));
    assert_eq!(job.jobid, "xxxx");

    assert_get(
        &GetMomentTaskResult::new("xxxx"),
        &url("get_moment_task_result", "jobid=xxxx"),
    );
    let r = parse::<GetMomentTaskResult>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_moment_task_result"
    ));
    assert_eq!(r.status, 1);
    assert_eq!(r.kind, "add_moment_task");
    let outcome = r.result.unwrap();
    assert_eq!(outcome.moment_id, "xxxx");
    assert_eq!(outcome.invalid_sender_list.unwrap().department_list, [2, 3]);
    assert_eq!(
        outcome.invalid_external_contact_list.unwrap().tag_list,
        ["xxx"]
    );

    assert_post_json(
        &CancelMomentTask::new("momxxx"),
        &url("cancel_moment_task", ""),
        json!({"moment_id": "momxxx"}),
    );
    parse::<CancelMomentTask>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/cancel_moment_task"
    ));
    assert_work_cataloged::<AddMomentTask>();
    assert_work_cataloged::<GetMomentTaskResult>();
    assert_work_cataloged::<CancelMomentTask>();
    assert_errcode::<GetMomentTaskResult>(DENIED, 48002);
}

#[test]
fn moment_lists() {
    let req = GetMomentList {
        creator: Some("zhangshan".into()),
        filter_type: Some(1),
        cursor: Some("CURSOR".into()),
        limit: Some(10),
        ..GetMomentList::new(1605000000, 1605172726)
    };
    assert_post_json(
        &req,
        &url("get_moment_list", ""),
        json!({"start_time": 1605000000, "end_time": 1605172726, "creator": "zhangshan",
               "filter_type": 1, "cursor": "CURSOR", "limit": 10}),
    );
    let page = parse::<GetMomentList>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_moment_list"
    ));
    let m = &page.moment_list[0];
    assert_eq!(m.moment_id, "momxxx");
    assert_eq!(m.visible_type, 1);
    assert_eq!(m.image[0].media_id, "WWCISP_xxxxx");
    assert_eq!(m.video.as_ref().unwrap().thumb_media_id, "WWCISP_xxxxx");
    assert_eq!(m.link.as_ref().unwrap().url, "https://www.qq.com");
    assert_eq!(m.location.as_ref().unwrap().latitude, "23.10647");

    let req = GetMomentTask {
        moment_id: "momxxx".into(),
        cursor: Some("CURSOR".into()),
        limit: Some(10),
    };
    assert_post_json(
        &req,
        &url("get_moment_task", ""),
        json!({"moment_id": "momxxx", "cursor": "CURSOR", "limit": 10}),
    );
    let t = parse::<GetMomentTask>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_moment_task"
    ));
    assert_eq!(t.task_list[0].publish_status, 1);

    let body = json!({"moment_id": "momxxx", "userid": "xxx", "cursor": "CURSOR", "limit": 10});
    assert_post_json(
        &GetMomentCustomerList {
            moment_id: "momxxx".into(),
            userid: "xxx".into(),
            cursor: Some("CURSOR".into()),
            limit: Some(10),
        },
        &url("get_moment_customer_list", ""),
        body.clone(),
    );
    let c = parse::<GetMomentCustomerList>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_moment_customer_list"
    ));
    assert_eq!(c.customer_list[0].userid, "xxx");
    assert_eq!(
        c.customer_list[0].external_userid,
        "woAJ2GCAAAXtWyujaWJHDDGi0mACCCC"
    );
    assert_post_json(
        &GetMomentSendResult {
            moment_id: "momxxx".into(),
            userid: "xxx".into(),
            cursor: Some("CURSOR".into()),
            limit: Some(10),
        },
        &url("get_moment_send_result", ""),
        body,
    );
    let s = parse::<GetMomentSendResult>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_moment_send_result"
    ));
    assert_eq!(
        s.customer_list[0].external_userid,
        "woAJ2GCAAAXtWyujaWJHDDGi0mACCCC"
    );

    assert_post_json(
        &GetMomentComments::new("momxxx", "xxx"),
        &url("get_moment_comments", ""),
        json!({"moment_id": "momxxx", "userid": "xxx"}),
    );
    let c = parse::<GetMomentComments>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/get_moment_comments"
    ));
    assert_eq!(c.comment_list[1].userid, "zhangshan");
    assert_eq!(c.like_list[0].create_time, 1605172726);
    assert_work_cataloged::<GetMomentList>();
    assert_work_cataloged::<GetMomentTask>();
    assert_work_cataloged::<GetMomentCustomerList>();
    assert_work_cataloged::<GetMomentSendResult>();
    assert_work_cataloged::<GetMomentComments>();
}

#[test]
fn moment_streams_walk_every_page() {
    walks_pages!(
        "get_moment_list",
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"c1","moment_list":[{"moment_id":"a"},{"moment_id":"b"}]}"#,
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","moment_list":[{"moment_id":"c"}]}"#,
        c => moments(c, GetMomentList::new(1, 2)),
        |m: &Moment| m.moment_id.clone(),
        ["a", "b", "c"]
    );
    walks_pages!(
        "get_moment_task",
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"c1","task_list":[{"userid":"a","publish_status":1}]}"#,
        r#"{"errcode":0,"errmsg":"ok","task_list":[{"userid":"b","publish_status":0}]}"#,
        c => moment_tasks(c, "mom", None),
        |t: &MomentTask| format!("{}:{}", t.userid, t.publish_status),
        ["a:1", "b:0"]
    );
    walks_pages!(
        "get_moment_customer_list",
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"c1","customer_list":[{"userid":"u","external_userid":"w1"}]}"#,
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","customer_list":[{"userid":"u","external_userid":"w2"}]}"#,
        c => moment_customers(c, "mom", "u", Some(1)),
        |m: &MomentCustomer| m.external_userid.clone(),
        ["w1", "w2"]
    );
    walks_pages!(
        "get_moment_send_result",
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"c1","customer_list":[{"external_userid":"w1"}]}"#,
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","customer_list":[{"external_userid":"w2"}]}"#,
        c => moment_send_results(c, "mom", "u", None),
        |m: &MomentCustomer| m.external_userid.clone(),
        ["w1", "w2"]
    );
    let (client, wechat) = client();
    wechat.push(
        "/cgi-bin/externalcontact/get_moment_list",
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","moment_list":[]}"#,
    );
    let pages: Vec<_> = block_on(moment_pages(&client, GetMomentList::new(1, 2)).collect());
    assert_eq!(pages.len(), 1);
}

// ---- strategies ----

#[test]
fn moment_strategies() {
    assert_post_json(
        &ListMomentStrategies {
            cursor: Some("CURSOR".into()),
            limit: Some(1000),
        },
        &url("moment_strategy/list", ""),
        json!({"cursor": "CURSOR", "limit": 1000}),
    );
    let l = parse::<ListMomentStrategies>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/moment_strategy/list"
    ));
    assert_eq!(l.strategy[1].strategy_id, 2);
    assert_eq!(l.next_cursor, "NEXT_CURSOR");

    assert_post_json(
        &GetMomentStrategy::new(1),
        &url("moment_strategy/get", ""),
        json!({"strategy_id": 1}),
    );
    let g = parse::<GetMomentStrategy>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/moment_strategy/get"
    ));
    assert_eq!(g.strategy.strategy_name, "NAME");
    assert_eq!(g.strategy.admin_list, ["zhangsan", "lisi"]);
    assert_eq!(
        g.strategy.privilege.manage_moment_cover_and_sign,
        Some(true)
    );

    assert_post_json(
        &GetMomentStrategyRange {
            strategy_id: 1,
            cursor: Some("CURSOR".into()),
            limit: Some(1000),
        },
        &url("moment_strategy/get_range", ""),
        json!({"strategy_id": 1, "cursor": "CURSOR", "limit": 1000}),
    );
    let r = parse::<GetMomentStrategyRange>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/moment_strategy/get_range"
    ));
    assert_eq!(
        r.range,
        [StrategyRange::user("zhangsan"), StrategyRange::party(1)]
    );

    let privilege = MomentStrategyPrivilege {
        send_moment: Some(true),
        view_moment_list: Some(true),
        manage_moment_cover_and_sign: Some(true),
        ..Default::default()
    };
    let privilege_json = json!({"send_moment": true, "view_moment_list": true, "manage_moment_cover_and_sign": true});
    let range_json = json!([{"type": 1, "userid": "zhangsan"}, {"type": 2, "partyid": 1}]);
    let mut create = CreateMomentStrategy::new(
        "NAME",
        vec![StrategyRange::user("zhangsan"), StrategyRange::party(1)],
    );
    create.parent_id = Some(0);
    create.admin_list = vec!["zhangsan".into(), "lisi".into()];
    create.privilege = Some(privilege.clone());
    assert_post_json(
        &create,
        &url("moment_strategy/create", ""),
        json!({"parent_id": 0, "strategy_name": "NAME", "admin_list": ["zhangsan", "lisi"],
               "privilege": privilege_json, "range": range_json}),
    );
    let c = parse::<CreateMomentStrategy>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/moment_strategy/create"
    ));
    assert_eq!(c.strategy_id, 1);

    let edit = EditMomentStrategy {
        strategy_name: Some("NAME".into()),
        admin_list: Some(vec!["zhangsan".into(), "lisi".into()]),
        privilege: Some(privilege),
        range_add: vec![StrategyRange::user("zhangsan"), StrategyRange::party(1)],
        range_del: vec![StrategyRange::user("lisi"), StrategyRange::party(2)],
        ..EditMomentStrategy::new(1)
    };
    assert_post_json(
        &edit,
        &url("moment_strategy/edit", ""),
        json!({"strategy_id": 1, "strategy_name": "NAME", "admin_list": ["zhangsan", "lisi"],
               "privilege": privilege_json, "range_add": range_json,
               "range_del": [{"type": 1, "userid": "lisi"}, {"type": 2, "partyid": 2}]}),
    );
    parse::<EditMomentStrategy>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/moment_strategy/edit"
    ));
    assert_post_json(
        &DelMomentStrategy::new(1),
        &url("moment_strategy/del", ""),
        json!({"strategy_id": 1}),
    );
    parse::<DelMomentStrategy>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/moment_strategy/del"
    ));
    assert_work_cataloged::<ListMomentStrategies>();
    assert_work_cataloged::<GetMomentStrategy>();
    assert_work_cataloged::<GetMomentStrategyRange>();
    assert_work_cataloged::<CreateMomentStrategy>();
    assert_work_cataloged::<EditMomentStrategy>();
    assert_work_cataloged::<DelMomentStrategy>();
}

#[test]
fn customer_strategies() {
    assert_post_json(
        &ListCustomerStrategies {
            cursor: Some("CURSOR".into()),
            limit: Some(1000),
        },
        &url("customer_strategy/list", ""),
        json!({"cursor": "CURSOR", "limit": 1000}),
    );
    let l = parse::<ListCustomerStrategies>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_strategy/list"
    ));
    assert_eq!(l.strategy[0].strategy_id, 1);

    assert_post_json(
        &GetCustomerStrategy::new(1),
        &url("customer_strategy/get", ""),
        json!({"strategy_id": 1}),
    );
    let g = parse::<GetCustomerStrategy>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_strategy/get"
    ));
    let p = &g.strategy.privilege;
    assert_eq!(g.strategy.create_time, 1557838797);
    assert_eq!(p.share_customer, Some(false));
    assert_eq!(p.manage_customer_tag, Some(true));
    assert!(
        p.extra.is_empty(),
        "every privilege is named: {:?}",
        p.extra
    );

    assert_post_json(
        &GetCustomerStrategyRange {
            strategy_id: 1,
            cursor: Some("CURSOR".into()),
            limit: Some(1000),
        },
        &url("customer_strategy/get_range", ""),
        json!({"strategy_id": 1, "cursor": "CURSOR", "limit": 1000}),
    );
    let r = parse::<GetCustomerStrategyRange>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_strategy/get_range"
    ));
    assert_eq!(r.range[1].partyid, Some(1));

    let mut create = CreateCustomerStrategy::new(
        "NAME",
        vec![StrategyRange::user("zhangsan"), StrategyRange::party(1)],
    );
    create.parent_id = Some(0);
    create.admin_list = vec!["zhangsan".into(), "lisi".into()];
    create.privilege = Some(CustomerStrategyPrivilege {
        view_customer_list: Some(true),
        share_customer: Some(false),
        ..Default::default()
    });
    assert_post_json(
        &create,
        &url("customer_strategy/create", ""),
        json!({"parent_id": 0, "strategy_name": "NAME", "admin_list": ["zhangsan", "lisi"],
               "privilege": {"view_customer_list": true, "share_customer": false},
               "range": [{"type": 1, "userid": "zhangsan"}, {"type": 2, "partyid": 1}]}),
    );
    let c = parse::<CreateCustomerStrategy>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_strategy/create"
    ));
    assert_eq!(c.strategy_id, 1);

    let edit = EditCustomerStrategy {
        strategy_name: Some("NAME".into()),
        range_del: vec![StrategyRange::user("lisi")],
        ..EditCustomerStrategy::new(1)
    };
    assert_post_json(
        &edit,
        &url("customer_strategy/edit", ""),
        json!({"strategy_id": 1, "strategy_name": "NAME",
               "range_del": [{"type": 1, "userid": "lisi"}]}),
    );
    parse::<EditCustomerStrategy>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_strategy/edit"
    ));
    assert_post_json(
        &DelCustomerStrategy::new(1),
        &url("customer_strategy/del", ""),
        json!({"strategy_id": 1}),
    );
    parse::<DelCustomerStrategy>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_strategy/del"
    ));
    assert_work_cataloged::<ListCustomerStrategies>();
    assert_work_cataloged::<GetCustomerStrategy>();
    assert_work_cataloged::<GetCustomerStrategyRange>();
    assert_work_cataloged::<CreateCustomerStrategy>();
    assert_work_cataloged::<EditCustomerStrategy>();
    assert_work_cataloged::<DelCustomerStrategy>();
    assert_errcode::<DelCustomerStrategy>(DENIED, 48002);
}

#[test]
fn strategy_streams_walk_every_page() {
    walks_pages!(
        "customer_strategy/list",
        r#"{"errcode":0,"errmsg":"ok","strategy":[{"strategy_id":1},{"strategy_id":2}],"next_cursor":"c1"}"#,
        r#"{"errcode":0,"errmsg":"ok","strategy":[{"strategy_id":3}],"next_cursor":""}"#,
        c => customer_strategy_ids(c, None),
        |s: &StrategyId| s.strategy_id.to_string(),
        ["1", "2", "3"]
    );
    walks_pages!(
        "customer_strategy/get_range",
        r#"{"errcode":0,"errmsg":"ok","range":[{"type":1,"userid":"a"}],"next_cursor":"c1"}"#,
        r#"{"errcode":0,"errmsg":"ok","range":[{"type":2,"partyid":"7"}]}"#,
        c => customer_strategy_range(c, 1, Some(1)),
        |r: &StrategyRange| format!("{}{}{:?}", r.kind, r.userid, r.partyid),
        ["1aNone", "2Some(7)"]
    );
    walks_pages!(
        "moment_strategy/list",
        r#"{"errcode":0,"errmsg":"ok","strategy":[{"strategy_id":1}],"next_cursor":"c1"}"#,
        r#"{"errcode":0,"errmsg":"ok","strategy":[{"strategy_id":2}],"next_cursor":""}"#,
        c => moment_strategy_ids(c, Some(1)),
        |s: &StrategyId| s.strategy_id.to_string(),
        ["1", "2"]
    );
    walks_pages!(
        "moment_strategy/get_range",
        r#"{"errcode":0,"errmsg":"ok","range":[{"type":1,"userid":"a"}],"next_cursor":"c1"}"#,
        r#"{"errcode":0,"errmsg":"ok","range":[{"type":1,"userid":"b"}],"next_cursor":""}"#,
        c => moment_strategy_range(c, 1, None),
        |r: &StrategyRange| r.userid.clone(),
        ["a", "b"]
    );
}

// ---- acquisition links ----

#[test]
fn acquisition_links() {
    assert_post_json(
        &ListAcquisitionLinks {
            limit: Some(100),
            cursor: Some("CURSOR".into()),
        },
        &url("customer_acquisition/list_link", ""),
        json!({"limit": 100, "cursor": "CURSOR"}),
    );
    let l = parse::<ListAcquisitionLinks>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_acquisition/list_link"
    ));
    assert_eq!(
        l.link_id_list,
        ["LINK_ID_AAA", "LINK_ID_BBB", "LINK_ID_CCC"]
    );

    assert_post_json(
        &GetAcquisitionLink::new("LINK_ID_AAA"),
        &url("customer_acquisition/get", ""),
        json!({"link_id": "LINK_ID_AAA"}),
    );
    let g = parse::<GetAcquisitionLink>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_acquisition/get"
    ));
    assert_eq!(g.link.link_name, "LINK_NAME");
    assert_eq!(g.link.skip_verify, Some(true));
    assert_eq!(g.range.user_list, ["rocky", "sam"]);
    assert_eq!(g.range.department_list, [1]);
    assert_eq!(g.priority_option.unwrap().priority_userid_list, ["rocky"]);

    let range = AcquisitionRange {
        department_list: vec![2, 3],
        ..AcquisitionRange::users(["zhangsan", "lisi"])
    };
    let priority = AcquisitionPriority {
        priority_type: 1,
        priority_userid_list: vec!["zhangsan".into()],
        ..Default::default()
    };
    let mut create = CreateAcquisitionLink::new("link_name", range.clone());
    create.skip_verify = Some(true);
    create.priority_option = Some(priority.clone());
    let body = json!({
        "link_name": "link_name",
        "range": {"user_list": ["zhangsan", "lisi"], "department_list": [2, 3]},
        "skip_verify": true,
        "priority_option": {"priority_type": 1, "priority_userid_list": ["zhangsan"]}
    });
    assert_post_json(
        &create,
        &url("customer_acquisition/create_link", ""),
        body.clone(),
    );
    let c = parse::<CreateAcquisitionLink>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_acquisition/create_link"
    ));
    assert_eq!(c.link.link_id, "LINK_ID");
    assert_eq!(c.link.create_time, 1672502400);

    let update = UpdateAcquisitionLink {
        link_name: Some("link_name".into()),
        range: Some(range),
        skip_verify: Some(true),
        priority_option: Some(priority),
        ..UpdateAcquisitionLink::new("LINK_ID")
    };
    let mut update_body = body;
    update_body["link_id"] = json!("LINK_ID");
    assert_post_json(
        &update,
        &url("customer_acquisition/update_link", ""),
        update_body,
    );
    parse::<UpdateAcquisitionLink>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_acquisition/update_link"
    ));
    assert_post_json(
        &DeleteAcquisitionLink::new("LINK_ID"),
        &url("customer_acquisition/delete_link", ""),
        json!({"link_id": "LINK_ID"}),
    );
    parse::<DeleteAcquisitionLink>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_acquisition/delete_link"
    ));
    assert_work_cataloged::<ListAcquisitionLinks>();
    assert_work_cataloged::<GetAcquisitionLink>();
    assert_work_cataloged::<CreateAcquisitionLink>();
    assert_work_cataloged::<UpdateAcquisitionLink>();
    assert_work_cataloged::<DeleteAcquisitionLink>();
    assert_errcode::<CreateAcquisitionLink>(DENIED, 48002);
}

#[test]
fn acquisition_customers_quota_and_statistics() {
    assert_post_json(
        &ListAcquisitionCustomers {
            link_id: "LINK_ID".into(),
            limit: Some(1000),
            cursor: Some("CURSOR".into()),
        },
        &url("customer_acquisition/customer", ""),
        json!({"link_id": "LINK_ID", "limit": 1000, "cursor": "CURSOR"}),
    );
    let c = parse::<ListAcquisitionCustomers>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_acquisition/customer"
    ));
    assert_eq!(c.customer_list.len(), 3);
    assert_eq!(c.customer_list[2].chat_status, 1);
    assert_eq!(c.customer_list[1].state, "CHANNEL_B");

    assert_get(
        &GetAcquisitionQuota {},
        &url("customer_acquisition_quota", ""),
    );
    let q = parse::<GetAcquisitionQuota>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_acquisition_quota"
    ));
    assert_eq!((q.total, q.balance), (1000, 500));
    assert_eq!(q.quota_list[1].expire_date, 1689264001);

    assert_post_json(
        &AcquisitionStatistic::new("LINK_ID", 1683504000, 1683590400),
        &url("customer_acquisition/statistic", ""),
        json!({"link_id": "LINK_ID", "start_time": 1683504000, "end_time": 1683590400}),
    );
    let s = parse::<AcquisitionStatistic>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/externalcontact/customer_acquisition/statistic"
    ));
    assert_eq!((s.click_link_customer_cnt, s.new_customer_cnt), (123, 100));
    assert_work_cataloged::<ListAcquisitionCustomers>();
    assert_work_cataloged::<GetAcquisitionQuota>();
    assert_work_cataloged::<AcquisitionStatistic>();
}

#[test]
fn acquisition_streams_walk_every_page() {
    walks_pages!(
        "customer_acquisition/list_link",
        r#"{"errcode":0,"errmsg":"ok","link_id_list":["A","B"],"next_cursor":"c1"}"#,
        r#"{"errcode":0,"errmsg":"ok","link_id_list":["C"],"next_cursor":""}"#,
        c => acquisition_link_ids(c, Some(2)),
        |s: &String| s.clone(),
        ["A", "B", "C"]
    );
    walks_pages!(
        "customer_acquisition/customer",
        r#"{"errcode":0,"errmsg":"ok","customer_list":[{"external_userid":"w1","userid":"u"}],"next_cursor":"c1"}"#,
        r#"{"errcode":0,"errmsg":"ok","customer_list":[{"external_userid":"w2","userid":"u"}],"next_cursor":""}"#,
        c => acquisition_customers(c, "LINK_ID", None),
        |a: &AcquisitionCustomer| a.external_userid.clone(),
        ["w1", "w2"]
    );
    let (client, wechat) = client();
    wechat.push(
        "/cgi-bin/externalcontact/customer_acquisition/customer",
        r#"{"errcode":0,"errmsg":"ok","customer_list":[],"next_cursor":""}"#,
    );
    let pages: Vec<_> =
        block_on(acquisition_customer_pages(&client, "LINK_ID", Some(10)).collect());
    assert_eq!(pages.len(), 1);
    assert_eq!(
        wechat.bodies()[0],
        json!({"link_id": "LINK_ID", "limit": 10})
    );
}

/// The streams are `Send` when the adapter's futures are: a compile-time check.
#[allow(dead_code)]
fn streams_are_send(client: &TestClient) {
    fn is_send<T: Send>(_: T) {}
    is_send(group_chats(client, ListGroupChats::new(1)));
    is_send(group_msgs(client, GetGroupMsgListV2::new("single", 1, 2)));
    is_send(moments(client, GetMomentList::new(1, 2)));
    is_send(moment_customers(client, "m", "u", None));
    is_send(customer_strategy_range(client, 1, None));
    is_send(acquisition_customers(client, "l", None));
}

#[test]
fn page_streams_walk_every_page() {
    walks_pages!(
        "groupchat/list",
        r#"{"errcode":0,"errmsg":"ok","group_chat_list":[{"chat_id":"a"},{"chat_id":"b"}],"next_cursor":"c1"}"#,
        r#"{"errcode":0,"errmsg":"ok","group_chat_list":[{"chat_id":"c"}],"next_cursor":""}"#,
        c => group_chat_pages(c, ListGroupChats::new(2)),
        |p: &GroupChatPage| format!("{} chats", p.group_chat_list.len()),
        ["2 chats", "1 chats"]
    );
    walks_pages!(
        "get_groupmsg_list_v2",
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"c1","group_msg_list":[{"msgid":"m1"}]}"#,
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","group_msg_list":[{"msgid":"m2"},{"msgid":"m3"}]}"#,
        c => group_msg_pages(c, GetGroupMsgListV2::new("single", 1, 2)),
        |p: &GroupMsgPage| format!("{} messages", p.group_msg_list.len()),
        ["1 messages", "2 messages"]
    );
    walks_pages!(
        "get_moment_list",
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"c1","moment_list":[{"moment_id":"a"}]}"#,
        r#"{"errcode":0,"errmsg":"ok","next_cursor":"","moment_list":[]}"#,
        c => moment_pages(c, GetMomentList::new(1, 2)),
        |p: &MomentPage| format!("{} moments", p.moment_list.len()),
        ["1 moments", "0 moments"]
    );
    walks_pages!(
        "customer_acquisition/customer",
        r#"{"errcode":0,"errmsg":"ok","customer_list":[{"external_userid":"w1"}],"next_cursor":"c1"}"#,
        r#"{"errcode":0,"errmsg":"ok","customer_list":[{"external_userid":"w2"}],"next_cursor":""}"#,
        c => acquisition_customer_pages(c, "LINK_ID", None),
        |p: &AcquisitionCustomerPage| p.customer_list[0].external_userid.clone(),
        ["w1", "w2"]
    );
}
