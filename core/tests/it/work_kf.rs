//! WeChat Customer Service (kf): accounts, servicers, sessions, messages and the message sync.

use std::sync::Arc;

use futures::StreamExt;
use futures::executor::block_on;
use serde_json::json;
use wechat_core::api::work::kf::account::*;
use wechat_core::api::work::kf::customer::*;
use wechat_core::api::work::kf::knowledge::*;
use wechat_core::api::work::kf::message::*;
use wechat_core::api::work::kf::servicer::*;
use wechat_core::api::work::kf::session::*;
use wechat_core::api::work::kf::statistic::*;
use wechat_core::client::TokenStore;
use wechat_core::{Client, MemoryStore, Secret, StoredToken, TokenFlow};

use crate::common::*;

const WORK: &str = "https://qyapi.weixin.qq.com";
const KFID: &str = "wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q";

fn url(path: &str, query: &str) -> String {
    if query.is_empty() {
        format!("{WORK}/cgi-bin/kf/{path}?access_token=ACCESS_TOKEN")
    } else {
        format!("{WORK}/cgi-bin/kf/{path}?access_token=ACCESS_TOKEN&{query}")
    }
}

#[test]
fn reference_rows_are_covered() {
    assert_rows_covered("work/kf");
}

#[test]
fn every_endpoint_is_cataloged() {
    assert_work_cataloged::<AddKfAccount>();
    assert_work_cataloged::<DelKfAccount>();
    assert_work_cataloged::<UpdateKfAccount>();
    assert_work_cataloged::<ListKfAccounts>();
    assert_work_cataloged::<AddKfContactWay>();
    assert_work_cataloged::<AddKfServicers>();
    assert_work_cataloged::<DelKfServicers>();
    assert_work_cataloged::<ListKfServicers>();
    assert_work_cataloged::<GetKfServiceState>();
    assert_work_cataloged::<TransKfServiceState>();
    assert_work_cataloged::<BatchGetKfCustomers>();
    assert_work_cataloged::<GetKfUpgradeServiceConfig>();
    assert_work_cataloged::<UpgradeKfService>();
    assert_work_cataloged::<CancelKfUpgradeService>();
    assert_work_cataloged::<GetKfCorpStatistic>();
    assert_work_cataloged::<GetKfServicerStatistic>();
    assert_work_cataloged::<GetKfCorpQualification>();
    assert_work_cataloged::<AddKfKnowledgeGroup>();
    assert_work_cataloged::<DelKfKnowledgeGroup>();
    assert_work_cataloged::<ModKfKnowledgeGroup>();
    assert_work_cataloged::<ListKfKnowledgeGroups>();
    assert_work_cataloged::<AddKfKnowledgeIntent>();
    assert_work_cataloged::<DelKfKnowledgeIntent>();
    assert_work_cataloged::<ModKfKnowledgeIntent>();
    assert_work_cataloged::<ListKfKnowledgeIntents>();
    assert_work_cataloged::<SendKfMsg>();
    assert_work_cataloged::<SendKfMsgOnEvent>();
    assert_work_cataloged::<SyncKfMsg>();
}

// ---- accounts ----

#[test]
fn accounts() {
    assert_post_json(
        &AddKfAccount::new(
            "新建的客服账号",
            "294DpAog3YA5b9rTK4PjjfRfYLO0L5qpDHAJIzhhQ2jAEWjb9i661Q4lk8oFnPtmj",
        ),
        &url("account/add", ""),
        json!({"name": "新建的客服账号", "media_id": "294DpAog3YA5b9rTK4PjjfRfYLO0L5qpDHAJIzhhQ2jAEWjb9i661Q4lk8oFnPtmj"}),
    );
    let added = parse::<AddKfAccount>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/account/add"));
    assert_eq!(added.open_kfid, KFID);

    assert_post_json(
        &DelKfAccount::new(KFID),
        &url("account/del", ""),
        json!({"open_kfid": KFID}),
    );
    parse::<DelKfAccount>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/account/del"));

    assert_post_json(
        &UpdateKfAccount::new(KFID)
            .name("修改客服名")
            .media_id("294DpAog3YA5b9rTK4PjjfRfYLO0L5qpDHAJIzhhQ2jAEWjb9i661Q4lk8oFnPtmj"),
        &url("account/update", ""),
        json!({"open_kfid": KFID, "name": "修改客服名", "media_id": "294DpAog3YA5b9rTK4PjjfRfYLO0L5qpDHAJIzhhQ2jAEWjb9i661Q4lk8oFnPtmj"}),
    );
    parse::<UpdateKfAccount>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/account/update"));

    // GET, as the reference SDK sends it: offset and limit in the query.
    assert_get(
        &ListKfAccounts::page(0, 100),
        &url("account/list", "offset=0&limit=100"),
    );
    assert_get(&ListKfAccounts::default(), &url("account/list", ""));
    let list = parse::<ListKfAccounts>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/account/list"));
    assert_eq!(list.account_list.len(), 1);
    assert_eq!(list.account_list[0].name, "咨询客服");
    assert!(!list.account_list[0].manage_privilege);

    assert_post_json(
        &AddKfContactWay::new(KFID, "12345"),
        &url("add_contact_way", ""),
        json!({"open_kfid": KFID, "scene": "12345"}),
    );
    let way = parse::<AddKfContactWay>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/add_contact_way"));
    assert!(way.url.starts_with("https://work.weixin.qq.com/kf/"));
}

#[test]
fn account_errors() {
    assert_errcode::<AddKfAccount>(r#"{"errcode":95000,"errmsg":"invalid open_kfid"}"#, 95000);
}

// ---- servicers ----

#[test]
fn servicers() {
    assert_post_json(
        &AddKfServicers::users(KFID, ["zhangsan", "lisi"]).departments([2, 4]),
        &url("servicer/add", ""),
        json!({"open_kfid": KFID, "userid_list": ["zhangsan", "lisi"], "department_id_list": [2, 4]}),
    );
    let added = parse::<AddKfServicers>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/servicer/add"));
    assert_eq!(added.result_list.len(), 4);
    assert_eq!(added.result_list[0].userid.as_deref(), Some("zhangsan"));
    assert_eq!(added.result_list[1].errmsg, "ignored");
    assert_eq!(added.result_list[2].department_id, Some(2));

    assert_post_json(
        &DelKfServicers::users(KFID, ["zhangsan"]),
        &url("servicer/del", ""),
        json!({"open_kfid": KFID, "userid_list": ["zhangsan"]}),
    );
    parse::<DelKfServicers>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/servicer/del"));

    assert_get(
        &ListKfServicers::new(KFID),
        &url("servicer/list", &format!("open_kfid={KFID}")),
    );
    let list = parse::<ListKfServicers>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/servicer/list"));
    assert_eq!(list.servicer_list[0].status, Some(0));
    assert_eq!(list.servicer_list[1].stop_type, Some(1));
    assert_eq!(list.servicer_list[2].department_id, Some(2));
    assert_eq!(list.servicer_list[2].userid, None);
}

// ---- sessions ----

#[test]
fn service_state() {
    assert_post_json(
        &GetKfServiceState::new(KFID, "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw"),
        &url("service_state/get", ""),
        json!({"open_kfid": KFID, "external_userid": "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw"}),
    );
    let state =
        parse::<GetKfServiceState>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/service_state/get"));
    assert_eq!(state.service_state, KfServiceState::Servicer);
    assert_eq!(state.servicer_userid.as_deref(), Some("zhangsan"));

    assert_post_json(
        &TransKfServiceState::to_servicer(KFID, "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw", "zhangsan"),
        &url("service_state/trans", ""),
        json!({"open_kfid": KFID, "external_userid": "wmAJ2GCAAAme1XQRC-NI-q0_ZM9ukoAw", "service_state": 3, "servicer_userid": "zhangsan"}),
    );
    let moved = parse::<TransKfServiceState>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/service_state/trans"
    ));
    assert_eq!(moved.msg_code.as_deref(), Some("MSG_CODE"));

    // Every state, and values WeCom adds later, read and write back as numbers.
    for n in 0..7u64 {
        let s: KfServiceState = serde_json::from_value(json!(n)).unwrap();
        assert_eq!(s.code(), n);
        assert_eq!(serde_json::to_value(s).unwrap(), json!(n));
    }
    assert_eq!(KfServiceState::from(6), KfServiceState::Other(6));
    assert_eq!(
        serde_json::from_value::<KfServiceState>(json!("4")).unwrap(),
        KfServiceState::Ended
    );
    assert_errcode::<TransKfServiceState>(
        r#"{"errcode":95014,"errmsg":"invalid service state"}"#,
        95014,
    );
}

// ---- customers ----

#[test]
fn customers() {
    assert_post_json(
        &BatchGetKfCustomers::new(["wmxxxxxxxxxxxxxxxxxxxxxx", "zhangsan"]).with_session_context(),
        &url("customer/batchget", ""),
        json!({"external_userid_list": ["wmxxxxxxxxxxxxxxxxxxxxxx", "zhangsan"], "need_enter_session_context": 1}),
    );
    let got =
        parse::<BatchGetKfCustomers>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/customer/batchget"));
    let c = &got.customer_list[0];
    assert_eq!((c.nickname.as_str(), c.gender), ("张三", 1));
    let ctx = c.enter_session_context.as_ref().unwrap();
    assert_eq!(ctx.scene_param, "abc");
    assert_eq!(ctx.wechat_channels.as_ref().unwrap().scene, 1);
    assert_eq!(got.invalid_external_userid, ["zhangsan"]);

    assert_get(
        &GetKfUpgradeServiceConfig {},
        &url("customer/get_upgrade_service_config", ""),
    );
    let config = parse::<GetKfUpgradeServiceConfig>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/customer/get_upgrade_service_config"
    ));
    assert_eq!(config.member_range.userid_list, ["zhangsan", "lisi"]);
    assert_eq!(config.member_range.department_id_list, [2, 3]);
    assert_eq!(config.groupchat_range.chat_id_list.len(), 2);

    assert_post_json(
        &UpgradeKfService::member(
            KFID,
            "wmxxx",
            "zhangsan",
            Some("你好，我是你的专属服务专员zhangsan".into()),
        ),
        &url("customer/upgrade_service", ""),
        json!({"open_kfid": KFID, "external_userid": "wmxxx", "type": 1, "member": {"userid": "zhangsan", "wording": "你好，我是你的专属服务专员zhangsan"}}),
    );
    assert_post_json(
        &UpgradeKfService::groupchat(
            KFID,
            "wmxxx",
            "wraaaaaaaaaaaaaaaa",
            Some("欢迎加入你的专属服务群".into()),
        ),
        &url("customer/upgrade_service", ""),
        json!({"open_kfid": KFID, "external_userid": "wmxxx", "type": 2, "groupchat": {"chat_id": "wraaaaaaaaaaaaaaaa", "wording": "欢迎加入你的专属服务群"}}),
    );
    parse::<UpgradeKfService>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/customer/upgrade_service"
    ));
    assert_post_json(
        &CancelKfUpgradeService::new(KFID, "wmxxx"),
        &url("customer/cancel_upgrade_service", ""),
        json!({"open_kfid": KFID, "external_userid": "wmxxx"}),
    );
    parse::<CancelKfUpgradeService>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/customer/cancel_upgrade_service"
    ));
    assert_errcode::<BatchGetKfCustomers>(
        r#"{"errcode":95004,"errmsg":"open_kfid not exist"}"#,
        95004,
    );
}

// ---- statistics ----

#[test]
fn statistics() {
    assert_post_json(
        &GetKfCorpStatistic::new("OPEN_KFID", 1645545600, 1646150400),
        &url("get_corp_statistic", ""),
        json!({"open_kfid": "OPEN_KFID", "start_time": 1645545600, "end_time": 1646150400}),
    );
    let corp = parse::<GetKfCorpStatistic>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/get_corp_statistic"
    ));
    let day = &corp.statistic_list[0];
    assert_eq!(day.stat_time, 1645545600);
    assert_eq!(day.statistic.customer_msg_cnt, 6);
    assert_eq!(
        day.statistic
            .ai_transfer_rate
            .as_ref()
            .and_then(|n| n.as_f64()),
        Some(1.0)
    );

    assert_post_json(
        &GetKfServicerStatistic::new("OPEN_KFID", "zhangsan", 1645545600, 1646150400),
        &url("get_servicer_statistic", ""),
        json!({"open_kfid": "OPEN_KFID", "servicer_userid": "zhangsan", "start_time": 1645545600, "end_time": 1646150400}),
    );
    let servicer = parse::<GetKfServicerStatistic>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/get_servicer_statistic"
    ));
    let s = &servicer.statistic_list[0].statistic;
    assert_eq!(s.session_cnt, 1);
    assert_eq!(s.extra["first_reply_average_sec"], 5);

    assert_get(
        &GetKfCorpQualification {},
        &url("get_corp_qualification", ""),
    );
    let q = parse::<GetKfCorpQualification>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/get_corp_qualification"
    ));
    assert!(q.wechat_channels_binding);
    assert_errcode::<GetKfCorpStatistic>(
        r#"{"errcode":95016,"errmsg":"time range too long"}"#,
        95016,
    );
}

// ---- knowledge base ----

#[test]
fn knowledge_groups_endpoints() {
    assert_post_json(
        &AddKfKnowledgeGroup::new("分组名"),
        &url("knowledge/add_group", ""),
        json!({"name": "分组名"}),
    );
    let g = parse::<AddKfKnowledgeGroup>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/knowledge/add_group"
    ));
    assert_eq!(g.group_id, "GROUP_ID");
    assert_post_json(
        &DelKfKnowledgeGroup::new("GROUP_ID"),
        &url("knowledge/del_group", ""),
        json!({"group_id": "GROUP_ID"}),
    );
    parse::<DelKfKnowledgeGroup>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/knowledge/del_group"
    ));
    assert_post_json(
        &ModKfKnowledgeGroup::new("GROUP_ID", "分组名"),
        &url("knowledge/mod_group", ""),
        json!({"group_id": "GROUP_ID", "name": "分组名"}),
    );
    parse::<ModKfKnowledgeGroup>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/knowledge/mod_group"
    ));
    assert_post_json(
        &ListKfKnowledgeGroups {
            cursor: Some("CURSOR".into()),
            limit: Some(100),
            group_id: Some("GROUP_ID".into()),
        },
        &url("knowledge/list_group", ""),
        json!({"cursor": "CURSOR", "limit": 100, "group_id": "GROUP_ID"}),
    );
    let page = parse::<ListKfKnowledgeGroups>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/knowledge/list_group"
    ));
    assert_eq!(
        (page.has_more, page.next_cursor.as_str()),
        (1, "NEXT_CURSOR")
    );
    assert_eq!(page.group_list[0].is_default, 1);
}

#[test]
fn knowledge_intents_endpoints() {
    let mut add = AddKfKnowledgeIntent::new("GROUP_ID", "主问题", "问题的回复");
    add.similar_questions = Some(KfSimilarQuestions {
        items: vec![KfQuestion::new("相似问题1"), KfQuestion::new("相似问题2")],
        ..Default::default()
    });
    add.answers[0].attachments = vec![
        KfAttachment::image("MEDIA_ID"),
        KfAttachment::video("MEDIA_ID"),
    ];
    assert_post_json(
        &add,
        &url("knowledge/add_intent", ""),
        json!({
            "group_id": "GROUP_ID",
            "question": {"text": {"content": "主问题"}},
            "similar_questions": {"items": [
                {"text": {"content": "相似问题1"}},
                {"text": {"content": "相似问题2"}}
            ]},
            "answers": [{
                "text": {"content": "问题的回复"},
                "attachments": [
                    {"msgtype": "image", "image": {"media_id": "MEDIA_ID"}},
                    {"msgtype": "video", "video": {"media_id": "MEDIA_ID"}}
                ]
            }]
        }),
    );
    let added = parse::<AddKfKnowledgeIntent>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/knowledge/add_intent"
    ));
    assert_eq!(added.intent_id, "INTENT_ID");
    assert_post_json(
        &DelKfKnowledgeIntent::new("INTENT_ID"),
        &url("knowledge/del_intent", ""),
        json!({"intent_id": "INTENT_ID"}),
    );
    parse::<DelKfKnowledgeIntent>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/knowledge/del_intent"
    ));
    let mut m = ModKfKnowledgeIntent::new("INTENT_ID");
    m.question = Some(KfQuestion::new("主问题"));
    assert_post_json(
        &m,
        &url("knowledge/mod_intent", ""),
        json!({"intent_id": "INTENT_ID", "question": {"text": {"content": "主问题"}}}),
    );
    parse::<ModKfKnowledgeIntent>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/knowledge/mod_intent"
    ));
    assert_post_json(
        &ListKfKnowledgeIntents {
            cursor: Some("CURSOR".into()),
            limit: Some(100),
            group_id: Some("GROUP_ID".into()),
            intent_id: Some("INTENT_ID".into()),
        },
        &url("knowledge/list_intent", ""),
        json!({"cursor": "CURSOR", "limit": 100, "group_id": "GROUP_ID", "intent_id": "INTENT_ID"}),
    );
    let page = parse::<ListKfKnowledgeIntents>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/kf/knowledge/list_intent"
    ));
    let intent = &page.intent_list[0];
    assert_eq!(intent.question.text.content, "主问题");
    assert_eq!(intent.similar_questions.as_ref().unwrap().items.len(), 2);
    assert_eq!(intent.answers[0].attachments[0].msgtype, "image");
    assert_errcode::<ListKfKnowledgeIntents>(
        r#"{"errcode":95040,"errmsg":"invalid group id"}"#,
        95040,
    );
}

#[test]
fn knowledge_streams_follow_the_cursor_and_stop_on_errors() {
    let (client, wechat) = client();
    wechat
        .push(
            "/cgi-bin/kf/knowledge/list_group",
            r#"{"errcode":0,"next_cursor":"c1","has_more":1,"group_list":[{"group_id":"a","name":"A","is_default":1},{"group_id":"b","name":"B"}]}"#,
        )
        .push(
            "/cgi-bin/kf/knowledge/list_group",
            r#"{"errcode":0,"next_cursor":"c2","has_more":0,"group_list":[{"group_id":"c","name":"C"}]}"#,
        );
    let groups: Vec<_> = block_on(knowledge_groups(&client, Some(2)).collect());
    let ids: Vec<_> = groups
        .iter()
        .map(|g| g.as_ref().unwrap().group_id.clone())
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(
        wechat.seen(),
        [
            r#"/cgi-bin/kf/knowledge/list_group?access_token=ACCESS_TOKEN {"limit":2}"#,
            r#"/cgi-bin/kf/knowledge/list_group?access_token=ACCESS_TOKEN {"cursor":"c1","limit":2}"#,
        ]
    );

    let (client, wechat) = crate::common::client();
    wechat
        .push(
            "/cgi-bin/kf/knowledge/list_intent",
            r#"{"next_cursor":"c1","has_more":1,"intent_list":[{"group_id":"g","intent_id":"i1"}]}"#,
        )
        .push(
            "/cgi-bin/kf/knowledge/list_intent",
            r#"{"errcode":95040,"errmsg":"invalid group id"}"#,
        );
    let all: Vec<_> = block_on(knowledge_intents(&client, Some("g".into()), None).collect());
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].as_ref().unwrap().intent_id, "i1");
    assert_eq!(
        all[1].as_ref().unwrap_err().code(),
        Some(wechat_core::ErrCode::Number(95040))
    );
    assert_eq!(wechat.seen().len(), 2);
    assert_eq!(wechat.bodies()[0], json!({"group_id": "g"}));

    let (client, wechat) = crate::common::client();
    wechat.push(
        "/cgi-bin/kf/knowledge/list_intent",
        r#"{"next_cursor":"","has_more":0,"intent_list":[]}"#,
    );
    let pages: Vec<_> = block_on(knowledge_intent_pages(&client, None, Some(10)).collect());
    assert_eq!(pages.len(), 1);
    let pages: Vec<_> = {
        wechat.push(
            "/cgi-bin/kf/knowledge/list_group",
            r#"{"errcode":-1,"errmsg":"system busy"}"#,
        );
        wechat.push(
            "/cgi-bin/kf/knowledge/list_group",
            r#"{"errcode":-1,"errmsg":"system busy"}"#,
        );
        wechat.push(
            "/cgi-bin/kf/knowledge/list_group",
            r#"{"errcode":-1,"errmsg":"system busy"}"#,
        );
        block_on(knowledge_group_pages(&client, None).collect())
    };
    assert_eq!(pages.len(), 1);
    assert!(pages[0].is_err());
}

// ---- sending ----

fn send(content: KfSendContent) -> SendKfMsg {
    SendKfMsg::new("EXTERNAL_USERID", "OPEN_KFID", content).msgid("MSGID")
}

fn send_body(kind: &str, inner: serde_json::Value) -> serde_json::Value {
    let mut body = json!({"touser": "EXTERNAL_USERID", "open_kfid": "OPEN_KFID", "msgid": "MSGID", "msgtype": kind});
    body[kind] = inner;
    body
}

#[test]
fn send_every_type() {
    let u = url("send_msg", "");
    assert_post_json(
        &SendKfMsg::text(
            "EXTERNAL_USERID",
            "OPEN_KFID",
            "你购买的物品已发货，可点击链接查看物流状态http://work.weixin.qq.com/xxxxxx",
        )
        .msgid("MSGID"),
        &u,
        send_body(
            "text",
            json!({"content": "你购买的物品已发货，可点击链接查看物流状态http://work.weixin.qq.com/xxxxxx"}),
        ),
    );
    for (kind, content) in [
        ("image", KfSendContent::image("MEDIA_ID")),
        ("voice", KfSendContent::voice("MEDIA_ID")),
        ("video", KfSendContent::video("MEDIA_ID")),
        ("file", KfSendContent::file("MEDIA_ID")),
    ] {
        assert_post_json(
            &send(content),
            &u,
            send_body(kind, json!({"media_id": "MEDIA_ID"})),
        );
    }
    assert_post_json(
        &send(KfSendContent::link(
            "企业如何增长？",
            "企业通过企业微信开展客户运营，提升增长",
            "https://work.weixin.qq.com",
            "MEDIA_ID",
        )),
        &u,
        send_body(
            "link",
            json!({"title": "企业如何增长？", "desc": "企业通过企业微信开展客户运营，提升增长", "url": "https://work.weixin.qq.com", "thumb_media_id": "MEDIA_ID"}),
        ),
    );
    assert_post_json(
        &send(KfSendContent::miniprogram(
            "APPID",
            "欢迎报名夏令营",
            "MEDIA_ID",
            "PAGE_PATH",
        )),
        &u,
        send_body(
            "miniprogram",
            json!({"appid": "APPID", "title": "欢迎报名夏令营", "thumb_media_id": "MEDIA_ID", "pagepath": "PAGE_PATH"}),
        ),
    );
    assert_post_json(
        &send(KfSendContent::msgmenu(
            Some("您对本次服务是否满意呢? ".into()),
            vec![
                KfMenuItem::click("101", "满意"),
                KfMenuItem::click("102", "不满意"),
                KfMenuItem::view("https://work.weixin.qq.com", "点击跳转到自助查询页面"),
                KfMenuItem::miniprogram(
                    "wx123123123123123",
                    "pages/index?userid=zhangsan&orderid=123123123",
                    "点击打开小程序查询更多",
                ),
                KfMenuItem::text("纯文本", true),
            ],
            Some("欢迎再次光临".into()),
        )),
        &u,
        send_body(
            "msgmenu",
            json!({
                "head_content": "您对本次服务是否满意呢? ",
                "list": [
                    {"type": "click", "click": {"id": "101", "content": "满意"}},
                    {"type": "click", "click": {"id": "102", "content": "不满意"}},
                    {"type": "view", "view": {"url": "https://work.weixin.qq.com", "content": "点击跳转到自助查询页面"}},
                    {"type": "miniprogram", "miniprogram": {"appid": "wx123123123123123", "pagepath": "pages/index?userid=zhangsan&orderid=123123123", "content": "点击打开小程序查询更多"}},
                    {"type": "text", "text": {"content": "纯文本", "no_newline": 1}}
                ],
                "tail_content": "欢迎再次光临"
            }),
        ),
    );
    assert_post_json(
        &send(KfSendContent::location(
            "测试小区",
            "广州市海珠区新港中路",
            0.0,
            0.0,
        )),
        &u,
        send_body(
            "location",
            json!({"name": "测试小区", "address": "广州市海珠区新港中路", "latitude": 0.0, "longitude": 0.0}),
        ),
    );
    assert_post_json(
        &send(KfSendContent::ca_link(
            "https://work.weixin.qq.com/ca/caxxxxxxxx",
        )),
        &u,
        send_body(
            "ca_link",
            json!({"link_url": "https://work.weixin.qq.com/ca/caxxxxxxxx"}),
        ),
    );
    let sent = parse::<SendKfMsg>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/send_msg"));
    assert_eq!(sent.msgid, "MSG_ID");
    assert_errcode::<SendKfMsg>(
        r#"{"errcode":95001,"errmsg":"send msg count limit"}"#,
        95001,
    );
}

#[test]
fn send_on_event() {
    assert_post_json(
        &SendKfMsgOnEvent::text("CODE", "欢迎咨询"),
        &url("send_msg_on_event", ""),
        json!({"code": "CODE", "msgtype": "text", "text": {"content": "欢迎咨询"}}),
    );
    let mut menu = SendKfMsgOnEvent::new(
        "CODE",
        KfSendContent::msgmenu(None, vec![KfMenuItem::click("101", "满意")], None),
    );
    menu.msgid = Some("MSGID".into());
    assert_post_json(
        &menu,
        &url("send_msg_on_event", ""),
        json!({"code": "CODE", "msgid": "MSGID", "msgtype": "msgmenu", "msgmenu": {"list": [{"type": "click", "click": {"id": "101", "content": "满意"}}]}}),
    );
    parse::<SendKfMsgOnEvent>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/send_msg_on_event"));
}

// ---- receiving ----

#[test]
fn sync_msg_request_and_page() {
    assert_post_json(
        &SyncKfMsg {
            cursor: Some("4gw7MepFLfgF2VC5npN".into()),
            token: Some("ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR".into()),
            limit: Some(1000),
            voice_format: Some(0),
            open_kfid: Some(KFID.into()),
        },
        &url("sync_msg", ""),
        json!({"cursor": "4gw7MepFLfgF2VC5npN", "token": "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR", "limit": 1000, "voice_format": 0, "open_kfid": KFID}),
    );
    let page = parse::<SyncKfMsg>(fixture!("qyapi.weixin.qq.com/cgi-bin/kf/sync_msg"));
    assert_eq!(page.has_more, 1);
    assert_eq!(page.msg_list.len(), 4);
    let [text, location, image, event] = &page.msg_list[..] else {
        panic!()
    };
    assert_eq!(text.origin, KfOrigin::Customer);
    match text.content() {
        KfContent::Text(t) => assert_eq!(
            (t.content.as_str(), t.menu_id.as_deref()),
            ("你好", Some("101"))
        ),
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(location.content(), KfContent::Location(l) if l.name.starts_with("广州国际媒体港"))
    );
    assert_eq!(image.origin, KfOrigin::Servicer);
    assert_eq!(image.servicer_userid.as_deref(), Some("zhangsan"));
    assert_eq!(event.origin, KfOrigin::Event);
    let KfContent::Event(e) = event.content() else {
        panic!()
    };
    assert_eq!(e.kind(), KfEventType::EnterSession);
    assert_eq!(e.welcome_code.as_deref(), Some("aaaaaa"));
    assert_errcode::<SyncKfMsg>(r#"{"errcode":95007,"errmsg":"invalid msg token"}"#, 95007);
}

#[test]
fn every_message_kind_reads_and_unknown_ones_are_kept() {
    let kinds = json!([
        {"msgtype": "voice", "voice": {"media_id": "V"}},
        {"msgtype": "video", "video": {"media_id": "V"}},
        {"msgtype": "file", "file": {"media_id": "F"}},
        {"msgtype": "link", "link": {"title": "t", "desc": "d", "url": "u", "pic_url": "p"}},
        {"msgtype": "business_card", "business_card": {"userid": "zhangsan"}},
        {"msgtype": "miniprogram", "miniprogram": {"title": "t", "appid": "wx1", "pagepath": "p", "thumb_media_id": "m"}},
        {"msgtype": "msgmenu", "msgmenu": {"head_content": "h", "list": [{"type": "click", "click": {"id": "1", "content": "c"}}], "tail_content": "t"}},
        {"msgtype": "channels_shop_product", "channels_shop_product": {"product_id": "1", "head_image": "h", "title": "t", "sales_price": "100", "shop_nickname": "s", "shop_head_image": "i"}},
        {"msgtype": "channels_shop_order", "channels_shop_order": {"order_id": "1", "product_titles": "t", "price_wording": "p", "state": "s", "image_url": "i", "shop_nickname": "n"}},
        {"msgtype": "merged_msg", "merged_msg": {"title": "t", "item": [{"send_time": 1, "msgtype": "text", "sender_name": "a", "msg_content": "{\"text\":{\"content\":\"x\"}}"}]}},
        {"msgtype": "channels", "channels": {"sub_type": 1, "nickname": "n", "title": "t"}},
        {"msgtype": "note"},
        {"msgtype": "event", "event": {"event_type": "msg_send_fail", "fail_msgid": "m", "fail_type": 4}},
        {"msgtype": "event", "event": {"event_type": "servicer_status_change", "servicer_userid": "s", "status": 2, "stop_type": 1}},
        {"msgtype": "event", "event": {"event_type": "session_status_change", "change_type": 2, "old_servicer_userid": "a", "new_servicer_userid": "b", "msg_code": "c"}},
        {"msgtype": "event", "event": {"event_type": "user_recall_msg", "recall_msgid": "r"}},
        {"msgtype": "event", "event": {"event_type": "servicer_recall_msg", "recall_msgid": "r", "servicer_userid": "s"}},
        {"msgtype": "event", "event": {"event_type": "reject_customer_msg_switch_change", "servicer_userid": "s", "reject_switch": 1}},
        {"msgtype": "event", "event": {"event_type": "future_event", "x": 1}},
        {"msgtype": "hologram", "hologram": {"depth": 3}, "origin": 9}
    ]);
    let messages: Vec<KfMessage> = serde_json::from_value(kinds.clone()).unwrap();
    let names: Vec<String> = messages
        .iter()
        .map(|m| match m.content() {
            KfContent::Voice(_) => "voice".into(),
            KfContent::Video(_) => "video".into(),
            KfContent::File(_) => "file".into(),
            KfContent::Link(l) => format!("link {}", l.pic_url.as_deref().unwrap()),
            KfContent::BusinessCard(c) => format!("card {}", c.userid),
            KfContent::Miniprogram(p) => format!("miniprogram {}", p.appid),
            KfContent::Msgmenu(m) => format!("menu {}", m.list[0].click.as_ref().unwrap().id),
            KfContent::ChannelsShopProduct(p) => format!("product {}", p.sales_price),
            KfContent::ChannelsShopOrder(o) => format!("order {}", o.order_id),
            KfContent::MergedMsg(m) => format!("merged {}", m.item.len()),
            KfContent::Channels(c) => format!("channels {}", c.sub_type),
            KfContent::Note => "note".into(),
            KfContent::Event(e) => format!("{:?}", e.kind()),
            KfContent::Unknown { msgtype, body } => format!("unknown {msgtype} {}", body.unwrap()),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        names,
        [
            "voice",
            "video",
            "file",
            "link p",
            "card zhangsan",
            "miniprogram wx1",
            "menu 1",
            "product 100",
            "order 1",
            "merged 1",
            "channels 1",
            "note",
            "MsgSendFail",
            "ServicerStatusChange",
            "SessionStatusChange",
            "UserRecallMsg",
            "ServicerRecallMsg",
            "RejectCustomerMsgSwitchChange",
            "Other(\"future_event\")",
            "unknown hologram {\"depth\":3}",
        ]
    );
    assert_eq!(messages[19].origin, KfOrigin::Other(9));
    assert_eq!(messages[0].origin, KfOrigin::Unset);
    assert!(
        serde_json::to_value(&messages[0])
            .unwrap()
            .get("origin")
            .is_none()
    );
    assert_eq!(messages[18].event.as_ref().unwrap().extra["x"], 1);
    // Nothing is lost: every message writes back as it came.
    for (m, sent) in messages.iter().zip(kinds.as_array().unwrap()) {
        let back = serde_json::to_value(m).unwrap();
        for (k, v) in sent.as_object().unwrap() {
            assert_eq!(&back[k], v, "{k}");
        }
    }
}

// ---- the message sync ----

const CORP: &str = "ww1";

/// A corp client over a scripted WeCom, its token already in the store.
fn corp_client() -> (Client<FakeHttp, MemoryStore, FixedRuntime>, Arc<Scripted>) {
    let wechat = Arc::new(Scripted::default());
    let flow = TokenFlow::Work {
        corpid: CORP.into(),
        agent: "kf".into(),
        secret: Secret::new("CORPSECRET"),
    };
    let store = MemoryStore::new(|| T0);
    block_on(store.save(
        &flow.key(),
        &StoredToken::new(Secret::new("ACCESS_TOKEN"), T0, 7200),
        None,
    ))
    .unwrap();
    let client = Client::new(
        flow,
        FakeHttp(wechat.clone()),
        store,
        FixedRuntime::default(),
    );
    (client, wechat)
}

fn page(ids: &[&str], next: &str, more: bool) -> String {
    let list: Vec<_> = ids
        .iter()
        .map(|id| json!({"msgid": id, "open_kfid": KFID, "origin": 3, "msgtype": "text", "text": {"content": id}}))
        .collect();
    json!({"errcode": 0, "errmsg": "ok", "next_cursor": next, "has_more": u8::from(more), "msg_list": list}).to_string()
}

fn ids(items: &[wechat_core::Result<KfMessage>]) -> Vec<String> {
    items
        .iter()
        .map(|m| match m {
            Ok(m) => m.msgid.clone(),
            Err(e) => format!("error {:?}", e.code()),
        })
        .collect()
}

#[test]
fn sync_follows_pages_and_saves_the_cursor() {
    let (client, wechat) = corp_client();
    wechat
        .push("/cgi-bin/kf/sync_msg", &page(&["m1", "m2"], "c1", true))
        .push("/cgi-bin/kf/sync_msg", &page(&["m3"], "c2", false));
    let all: Vec<_> = block_on(sync_messages_with(&client, "PUSH", KFID, Some(2)).collect());
    assert_eq!(ids(&all), ["m1", "m2", "m3"]);
    assert_eq!(
        wechat.bodies(),
        [
            json!({"token": "PUSH", "limit": 2, "open_kfid": KFID}),
            json!({"cursor": "c1", "token": "PUSH", "limit": 2, "open_kfid": KFID}),
        ]
    );
    assert_eq!(
        cursor_key(CORP, KFID),
        format!("wechat:work:{CORP}:kf:{KFID}:sync_cursor")
    );
    let saved = block_on(client.store().load(&cursor_key(CORP, KFID)))
        .unwrap()
        .unwrap();
    assert_eq!(saved.value.expose(), "c2");
    assert_eq!(saved.expires_at_ms, u64::MAX);
    assert_eq!(
        block_on(saved_cursor(&client, KFID)).unwrap().as_deref(),
        Some("c2")
    );

    // The next push starts from the saved cursor; an empty page saves its cursor too.
    wechat.push("/cgi-bin/kf/sync_msg", &page(&[], "c3", false));
    let none: Vec<_> = block_on(sync_messages(&client, "PUSH2", KFID).collect());
    assert!(none.is_empty());
    assert_eq!(
        wechat.bodies()[2],
        json!({"cursor": "c2", "token": "PUSH2", "open_kfid": KFID})
    );
    assert_eq!(
        block_on(saved_cursor(&client, KFID)).unwrap().as_deref(),
        Some("c3")
    );
}

#[test]
fn sync_saves_a_page_as_its_last_message_is_handed_out() {
    let (client, wechat) = corp_client();
    wechat
        .push("/cgi-bin/kf/sync_msg", &page(&["m1", "m2"], "c1", true))
        .push("/cgi-bin/kf/sync_msg", &page(&["m3", "m4"], "c2", true));
    let mut stream = Box::pin(sync_messages_with(&client, "PUSH", KFID, Some(2)));
    let first = block_on(stream.next()).unwrap().unwrap();
    assert_eq!(first.msgid, "m1");
    // In the middle of the first page: nothing saved yet (a crash now replays the page).
    assert_eq!(block_on(saved_cursor(&client, KFID)).unwrap(), None);
    assert_eq!(block_on(stream.next()).unwrap().unwrap().msgid, "m2");
    // The page's last message is out: its cursor is saved.
    assert_eq!(
        block_on(saved_cursor(&client, KFID)).unwrap().as_deref(),
        Some("c1")
    );
    assert_eq!(block_on(stream.next()).unwrap().unwrap().msgid, "m3");
    drop(stream); // a crash in the middle of page 2
    assert_eq!(
        block_on(saved_cursor(&client, KFID)).unwrap().as_deref(),
        Some("c1")
    );

    // A restart replays page 2 whole, and goes on.
    wechat
        .push("/cgi-bin/kf/sync_msg", &page(&["m3", "m4"], "c2", true))
        .push("/cgi-bin/kf/sync_msg", &page(&["m5"], "c3", false));
    let rest: Vec<_> = block_on(sync_messages_with(&client, "PUSH", KFID, Some(2)).collect());
    assert_eq!(ids(&rest), ["m3", "m4", "m5"]);
    assert_eq!(wechat.bodies()[2]["cursor"], "c1");
}

#[test]
fn sync_ends_on_an_error_and_needs_a_corp() {
    let (client, wechat) = corp_client();
    wechat
        .push("/cgi-bin/kf/sync_msg", &page(&["m1"], "c1", true))
        .push(
            "/cgi-bin/kf/sync_msg",
            r#"{"errcode":95007,"errmsg":"invalid msg token"}"#,
        );
    let all: Vec<_> = block_on(sync_messages(&client, "PUSH", KFID).collect());
    assert_eq!(ids(&all), ["m1", "error Some(95007)"]);
    assert_eq!(wechat.seen().len(), 2);
    assert_eq!(
        block_on(saved_cursor(&client, KFID)).unwrap().as_deref(),
        Some("c1")
    );

    // A page repeating its cursor ends the sync even with has_more.
    let (client, wechat) = corp_client();
    wechat
        .push("/cgi-bin/kf/sync_msg", &page(&["m1"], "c1", true))
        .push("/cgi-bin/kf/sync_msg", &page(&[], "c1", true));
    let all: Vec<_> = block_on(sync_messages(&client, "PUSH", KFID).collect());
    assert_eq!(ids(&all), ["m1"]);
    assert_eq!(wechat.seen().len(), 2);

    // An Official Account client has no corp to name the cursor by.
    let (client, wechat) = crate::common::client();
    let all: Vec<_> = block_on(sync_messages(&client, "PUSH", KFID).collect());
    assert!(matches!(&all[..], [Err(wechat_core::Error::Build(_))]));
    assert!(wechat.seen().is_empty());
}

/// The sync stream is `Send` when the adapter's futures are: a compile-time check.
#[allow(dead_code)]
fn streams_are_send(client: &TestClient) {
    fn is_send<T: Send>(_: T) {}
    is_send(sync_messages(client, "t", "k"));
    is_send(knowledge_groups(client, None));
    is_send(knowledge_intents(client, None, None));
}
