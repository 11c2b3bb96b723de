//! WeCom contacts: members, departments, tags, id conversion, batch jobs, linked corps.

use crate::common::*;

use futures::StreamExt;
use futures::executor::block_on;
use serde_json::json;
use wechat_core::Secret;
use wechat_core::api::work::batch::*;
use wechat_core::api::work::department::*;
use wechat_core::api::work::linkedcorp::*;
use wechat_core::api::work::tag::*;
use wechat_core::api::work::user::*;

const WORK: &str = "https://qyapi.weixin.qq.com";

fn url(path: &str, query: &str) -> String {
    if query.is_empty() {
        format!("{WORK}/cgi-bin/{path}?access_token=ACCESS_TOKEN")
    } else {
        format!("{WORK}/cgi-bin/{path}?access_token=ACCESS_TOKEN&{query}")
    }
}

// ---- members ----

#[test]
fn create_user() {
    let mut req = CreateUser::new("zhangsan", "张三", [1, 2]);
    let p = &mut req.profile;
    p.alias = Some("jackzhang".into());
    p.mobile = Some("+86 13800000000".into());
    p.order = Some(vec![10, 40]);
    p.position = Some("产品经理".into());
    p.gender = Some("1".into());
    p.email = Some("zhangsan@gzdev.com".into());
    p.biz_mail = Some("zhangsan@qyycs2.wecom.work".into());
    p.is_leader_in_dept = Some(vec![1, 0]);
    p.direct_leader = Some(vec!["lisi".into()]);
    p.enable = Some(1);
    p.avatar_mediaid = Some("2-G6nrLmr5EC3MNb_-zL1dDdzkd0p7cNliYu9V5w7o8K0".into());
    p.telephone = Some("020-123456".into());
    p.address = Some("广州市海珠区新港中路".into());
    p.main_department = Some(1);
    p.extattr = Some(ExtAttr {
        attrs: vec![
            ExtAttrItem::text("文本名称", "文本"),
            ExtAttrItem::web("网页名称", "http://www.test.com", "标题"),
        ],
        extra: Default::default(),
    });
    p.to_invite = Some(true);
    p.external_position = Some("高级产品经理".into());
    p.external_profile = Some(ExternalProfile {
        external_corp_name: "企业简称".into(),
        wechat_channels: Some(WechatChannels {
            nickname: "视频号名称".into(),
            ..Default::default()
        }),
        external_attr: vec![
            ExtAttrItem::text("文本名称", "文本"),
            ExtAttrItem::web("网页名称", "http://www.test.com", "标题"),
            ExtAttrItem::miniprogram("测试app", "wx8bd8012614784fake", "/index", "my miniprogram"),
        ],
        extra: Default::default(),
    });
    assert_post_json(
        &req,
        &url("user/create", ""),
        json!({
            "userid": "zhangsan",
            "name": "张三",
            "alias": "jackzhang",
            "mobile": "+86 13800000000",
            "department": [1, 2],
            "order": [10, 40],
            "position": "产品经理",
            "gender": "1",
            "email": "zhangsan@gzdev.com",
            "biz_mail": "zhangsan@qyycs2.wecom.work",
            "is_leader_in_dept": [1, 0],
            "direct_leader": ["lisi"],
            "enable": 1,
            "avatar_mediaid": "2-G6nrLmr5EC3MNb_-zL1dDdzkd0p7cNliYu9V5w7o8K0",
            "telephone": "020-123456",
            "address": "广州市海珠区新港中路",
            "main_department": 1,
            "extattr": {"attrs": [
                {"type": 0, "name": "文本名称", "text": {"value": "文本"}},
                {"type": 1, "name": "网页名称", "web": {"url": "http://www.test.com", "title": "标题"}}
            ]},
            "to_invite": true,
            "external_position": "高级产品经理",
            "external_profile": {
                "external_corp_name": "企业简称",
                "wechat_channels": {"nickname": "视频号名称"},
                "external_attr": [
                    {"type": 0, "name": "文本名称", "text": {"value": "文本"}},
                    {"type": 1, "name": "网页名称", "web": {"url": "http://www.test.com", "title": "标题"}},
                    {"type": 2, "name": "测试app", "miniprogram": {
                        "appid": "wx8bd8012614784fake", "pagepath": "/index", "title": "my miniprogram"}}
                ]
            }
        }),
    );
    // The short form: only what is set goes out.
    assert_post_json(
        &CreateUser::new("lisi", "李四", [1]),
        &url("user/create", ""),
        json!({"userid": "lisi", "name": "李四", "department": [1]}),
    );
    let a = parse::<CreateUser>(fixture!("qyapi.weixin.qq.com/cgi-bin/user/create"));
    assert_eq!(a.extra["errmsg"], "created");
}

#[test]
fn get_user() {
    assert_get(
        &GetUser::new("zhangsan"),
        &url("user/get", "userid=zhangsan"),
    );
    let m = parse::<GetUser>(fixture!("qyapi.weixin.qq.com/cgi-bin/user/get"));
    assert_eq!(m.userid, "zhangsan");
    assert_eq!(m.name, "张三");
    assert_eq!(m.department, [1, 2]);
    assert_eq!(m.gender, "1");
    assert_eq!(m.is_leader_in_dept, [1, 0]);
    assert_eq!(m.direct_leader, ["lisi"]);
    assert_eq!(m.main_department, 1);
    assert_eq!(m.status, 1);
    let attrs = &m.extattr.as_ref().unwrap().attrs;
    assert_eq!(attrs[0].text.as_ref().unwrap().value, "文本");
    assert_eq!(attrs[1].kind, 1);
    assert_eq!(attrs[1].web.as_ref().unwrap().url, "http://www.test.com");
    let profile = m.external_profile.as_ref().unwrap();
    assert_eq!(profile.external_corp_name, "企业简称");
    assert_eq!(profile.wechat_channels.as_ref().unwrap().status, Some(1));
    assert_eq!(
        profile.external_attr[2]
            .miniprogram
            .as_ref()
            .unwrap()
            .pagepath,
        "/index"
    );
    // A gender sent as a number reads as its text; retired fields stay in `extra`.
    let m = parse::<GetUser>(r#"{"userid":"u","gender":2,"isleader":0,"hide_mobile":0}"#);
    assert_eq!(m.gender, "2");
    assert_eq!(m.extra["isleader"], 0);
}

#[test]
fn update_user() {
    let mut req = UpdateUser::new("zhangsan");
    req.profile.name = Some("李四".into());
    req.profile.department = Some(vec![1]);
    req.profile.order = Some(vec![10]);
    req.profile.enable = Some(1);
    assert_post_json(
        &req,
        &url("user/update", ""),
        json!({"userid": "zhangsan", "name": "李四", "department": [1], "order": [10], "enable": 1}),
    );
    parse::<UpdateUser>(fixture!("qyapi.weixin.qq.com/cgi-bin/user/update"));
}

#[test]
fn delete_users() {
    assert_get(
        &DeleteUser::new("zhangsan"),
        &url("user/delete", "userid=zhangsan"),
    );
    parse::<DeleteUser>(fixture!("qyapi.weixin.qq.com/cgi-bin/user/delete"));
    assert_post_json(
        &BatchDeleteUsers::new(["zhangsan", "lisi"]),
        &url("user/batchdelete", ""),
        json!({"useridlist": ["zhangsan", "lisi"]}),
    );
    parse::<BatchDeleteUsers>(fixture!("qyapi.weixin.qq.com/cgi-bin/user/batchdelete"));
}

#[test]
fn list_simple_users() {
    assert_get(
        &ListSimpleUsers::new(1),
        &url("user/simplelist", "department_id=1"),
    );
    assert_get(
        &ListSimpleUsers {
            department_id: 1,
            fetch_child: Some(1),
        },
        &url("user/simplelist", "department_id=1&fetch_child=1"),
    );
    let l = parse::<ListSimpleUsers>(fixture!("qyapi.weixin.qq.com/cgi-bin/user/simplelist"));
    assert_eq!(l.userlist[0].userid, "zhangsan");
    assert_eq!(l.userlist[0].department, [1, 2]);
    assert_eq!(l.userlist[0].open_userid, "xxxxxx");
}

#[test]
fn list_users() {
    assert_get(&ListUsers::new(1), &url("user/list", "department_id=1"));
    let l = parse::<ListUsers>(fixture!("qyapi.weixin.qq.com/cgi-bin/user/list"));
    let m = &l.userlist[0];
    assert_eq!(m.name, "李四");
    assert_eq!(m.biz_mail, "zhangsan@qyycs2.wecom.work");
    assert_eq!(m.status, 1);
    assert_eq!(m.extra["english_name"], "jacky");
    assert_eq!(m.external_profile.as_ref().unwrap().external_attr.len(), 3);
}

#[test]
fn user_list_id() {
    assert_post_json(
        &UserListId {
            cursor: Some("xxxxxxx".into()),
            limit: Some(10000),
        },
        &url("user/list_id", ""),
        json!({"cursor": "xxxxxxx", "limit": 10000}),
    );
    assert_post_json(&UserListId::default(), &url("user/list_id", ""), json!({}));
    let p = parse::<UserListId>(fixture!("qyapi.weixin.qq.com/cgi-bin/user/list_id"));
    assert_eq!(p.next_cursor, "aaaaaaaaa");
    assert_eq!(p.dept_user.len(), 3);
    assert_eq!(
        (p.dept_user[2].userid.as_str(), p.dept_user[2].department),
        ("lisi", 2)
    );
    // Third-party apps get open UserIDs.
    let p = parse::<UserListId>(r#"{"dept_user":[{"open_userid":"woAAAA","department":1}]}"#);
    assert_eq!(p.dept_user[0].open_userid, "woAAAA");
    assert_eq!(p.next_cursor, "");
}

fn pairs(items: &[wechat_core::Result<MemberDepartment>]) -> Vec<String> {
    items
        .iter()
        .map(|r| match r {
            Ok(d) => format!("{}@{}", d.userid, d.department),
            Err(e) => format!("error {:?}", e.code()),
        })
        .collect()
}

#[test]
fn member_departments_walk_every_page_by_cursor() {
    let (client, wechat) = client();
    wechat
        .push(
            "/cgi-bin/user/list_id",
            r#"{"errcode":0,"errmsg":"ok","next_cursor":"c1","dept_user":[{"userid":"a","department":1},{"userid":"b","department":2}]}"#,
        )
        .push(
            "/cgi-bin/user/list_id",
            r#"{"errcode":0,"errmsg":"ok","next_cursor":"","dept_user":[{"userid":"c","department":3}]}"#,
        );
    let all: Vec<_> = block_on(member_departments(&client, Some(2)).collect());
    assert_eq!(pairs(&all), ["a@1", "b@2", "c@3"]);
    assert_eq!(
        wechat.seen(),
        [
            r#"/cgi-bin/user/list_id?access_token=ACCESS_TOKEN {"limit":2}"#,
            r#"/cgi-bin/user/list_id?access_token=ACCESS_TOKEN {"cursor":"c1","limit":2}"#,
        ]
    );
}

#[test]
fn member_id_pages_end_on_an_error_or_a_repeated_cursor() {
    let (client, wechat) = client();
    wechat
        .push(
            "/cgi-bin/user/list_id",
            r#"{"next_cursor":"c1","dept_user":[{"userid":"a","department":1}]}"#,
        )
        .push(
            "/cgi-bin/user/list_id",
            r#"{"errcode":60011,"errmsg":"no privilege to access/modify contact/party/agent"}"#,
        );
    let all: Vec<_> = block_on(member_departments(&client, None).collect());
    assert_eq!(pairs(&all), ["a@1", "error Some(60011)"]);
    // Nothing more was asked after the error (nothing else is scripted: another call would panic).
    assert_eq!(wechat.seen().len(), 2);

    let (client, wechat) = crate::common::client();
    let same = r#"{"next_cursor":"c1","dept_user":[{"userid":"a","department":1}]}"#;
    wechat
        .push("/cgi-bin/user/list_id", same)
        .push("/cgi-bin/user/list_id", same);
    let pages: Vec<_> = block_on(member_id_pages(&client, None).collect());
    assert_eq!(pages.len(), 2);
    assert_eq!(wechat.seen().len(), 2);
}

/// The streams are `Send` when the adapter's futures are: a compile-time check.
#[allow(dead_code)]
fn streams_are_send(client: &TestClient) {
    fn is_send<T: Send>(_: T) {}
    is_send(member_id_pages(client, None));
    is_send(member_departments(client, None));
}

#[test]
fn user_id_lookups() {
    assert_post_json(
        &GetUserIdByMobile::new("13430388888"),
        &url("user/getuserid", ""),
        json!({"mobile": "13430388888"}),
    );
    let u = parse::<GetUserIdByMobile>(fixture!("qyapi.weixin.qq.com/cgi-bin/user/getuserid"));
    assert_eq!(u.userid, "zhangsan");
    assert_post_json(
        &GetUserIdByEmail {
            email: "zhangsan@gzdev.com".into(),
            email_type: Some(1),
        },
        &url("user/get_userid_by_email", ""),
        json!({"email": "zhangsan@gzdev.com", "email_type": 1}),
    );
    let u = parse::<GetUserIdByEmail>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/user/get_userid_by_email"
    ));
    assert_eq!(u.userid, "zhangsan");
}

#[test]
fn convert_ids() {
    assert_post_json(
        &ConvertToOpenid::new("zhangsan"),
        &url("user/convert_to_openid", ""),
        json!({"userid": "zhangsan"}),
    );
    let o = parse::<ConvertToOpenid>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/user/convert_to_openid"
    ));
    assert_eq!(o.openid, "oDjGHs-1yCnGrRovBj2yHij5JAAA");
    assert_post_json(
        &ConvertToUserid::new("oDjGHs-1yCnGrRovBj2yHij5JAAA"),
        &url("user/convert_to_userid", ""),
        json!({"openid": "oDjGHs-1yCnGrRovBj2yHij5JAAA"}),
    );
    let u = parse::<ConvertToUserid>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/user/convert_to_userid"
    ));
    assert_eq!(u.userid, "zhangsan");
}

#[test]
fn member_errors() {
    assert_errcode::<GetUser>(r#"{"errcode":60111,"errmsg":"userid not found"}"#, 60111);
}

// ---- departments ----

#[test]
fn create_department() {
    let mut req = CreateDepartment::new("广州研发中心", 1);
    req.name_en = Some("RDGZ".into());
    req.order = Some(1);
    req.id = Some(2);
    assert_post_json(
        &req,
        &url("department/create", ""),
        json!({"name": "广州研发中心", "name_en": "RDGZ", "parentid": 1, "order": 1, "id": 2}),
    );
    let d = parse::<CreateDepartment>(fixture!("qyapi.weixin.qq.com/cgi-bin/department/create"));
    assert_eq!(d.id, 2);
}

#[test]
fn update_and_delete_department() {
    let mut req = UpdateDepartment::new(2).name("广州研发中心");
    req.name_en = Some("RDGZ".into());
    req.parentid = Some(1);
    req.order = Some(1);
    assert_post_json(
        &req,
        &url("department/update", ""),
        json!({"id": 2, "name": "广州研发中心", "name_en": "RDGZ", "parentid": 1, "order": 1}),
    );
    parse::<UpdateDepartment>(fixture!("qyapi.weixin.qq.com/cgi-bin/department/update"));
    assert_get(
        &DeleteDepartment { id: 2 },
        &url("department/delete", "id=2"),
    );
    parse::<DeleteDepartment>(fixture!("qyapi.weixin.qq.com/cgi-bin/department/delete"));
}

#[test]
fn list_departments() {
    assert_get(&ListDepartments::default(), &url("department/list", ""));
    assert_get(
        &ListDepartments { id: Some(2) },
        &url("department/list", "id=2"),
    );
    let l = parse::<ListDepartments>(fixture!("qyapi.weixin.qq.com/cgi-bin/department/list"));
    assert_eq!(l.department.len(), 2);
    assert_eq!(l.department[0].name_en, "RDGZ");
    assert_eq!(l.department[1].department_leader, ["lisi", "wangwu"]);
    assert_eq!((l.department[1].parentid, l.department[1].order), (2, 40));

    assert_get(
        &ListDepartmentIds::default(),
        &url("department/simplelist", ""),
    );
    assert_get(
        &ListDepartmentIds { id: Some(1) },
        &url("department/simplelist", "id=1"),
    );
    let l = parse::<ListDepartmentIds>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/department/simplelist"
    ));
    assert_eq!(
        l.department_id
            .iter()
            .map(|d| (d.id, d.parentid, d.order))
            .collect::<Vec<_>>(),
        [(2, 1, 10), (3, 2, 40)]
    );
}

#[test]
fn get_department() {
    assert_get(&GetDepartment { id: 2 }, &url("department/get", "id=2"));
    let d = parse::<GetDepartment>(fixture!("qyapi.weixin.qq.com/cgi-bin/department/get"));
    assert_eq!(d.department.id, 2);
    assert_eq!(d.department.name, "广州研发中心");
    assert_eq!(d.department.department_leader, ["zhangsan", "lisi"]);
}

#[test]
fn department_errors() {
    assert_errcode::<DeleteDepartment>(
        r#"{"errcode":60005,"errmsg":"department contains user"}"#,
        60005,
    );
}

// ---- tags ----

#[test]
fn create_update_delete_tag() {
    assert_post_json(
        &CreateTag {
            tagname: "UI".into(),
            tagid: Some(12),
        },
        &url("tag/create", ""),
        json!({"tagname": "UI", "tagid": 12}),
    );
    assert_post_json(
        &CreateTag::new("UI"),
        &url("tag/create", ""),
        json!({"tagname": "UI"}),
    );
    let t = parse::<CreateTag>(fixture!("qyapi.weixin.qq.com/cgi-bin/tag/create"));
    assert_eq!(t.tagid, 12);
    assert_post_json(
        &UpdateTag::new(12, "UI design"),
        &url("tag/update", ""),
        json!({"tagid": 12, "tagname": "UI design"}),
    );
    parse::<UpdateTag>(fixture!("qyapi.weixin.qq.com/cgi-bin/tag/update"));
    assert_get(&DeleteTag { tagid: 12 }, &url("tag/delete", "tagid=12"));
    parse::<DeleteTag>(fixture!("qyapi.weixin.qq.com/cgi-bin/tag/delete"));
}

#[test]
fn get_tag_members() {
    assert_get(&GetTagMembers { tagid: 12 }, &url("tag/get", "tagid=12"));
    let t = parse::<GetTagMembers>(fixture!("qyapi.weixin.qq.com/cgi-bin/tag/get"));
    assert_eq!(t.tagname, "乒乓球协会");
    assert_eq!(t.userlist[0].userid, "zhangsan");
    assert_eq!(t.userlist[0].name, "李四");
    assert_eq!(t.partylist, [2]);
}

#[test]
fn add_and_delete_tag_users() {
    let mut req = AddTagUsers::users(12, ["user1", "user2"]);
    req.partylist = vec![4];
    assert_post_json(
        &req,
        &url("tag/addtagusers", ""),
        json!({"tagid": 12, "userlist": ["user1", "user2"], "partylist": [4]}),
    );
    let r = parse::<AddTagUsers>(fixture!("qyapi.weixin.qq.com/cgi-bin/tag/addtagusers"));
    assert_eq!(r.invalidlist, ["usr1", "usr2", "usr"]);
    assert_eq!(r.invalidparty, [2, 4]);
    assert!(!r.all_done());
    // Written back as WeCom sends it.
    assert_eq!(
        serde_json::to_value(&r).unwrap()["invalidlist"],
        "usr1|usr2|usr"
    );
    let ok = parse::<AddTagUsers>(r#"{"errcode":0,"errmsg":"ok"}"#);
    assert!(ok.all_done());
    let empty = parse::<AddTagUsers>(r#"{"errcode":0,"errmsg":"ok","invalidlist":""}"#);
    assert!(empty.invalidlist.is_empty());
    assert_errcode::<AddTagUsers>(r#"{"errcode":40070,"errmsg":"all list invalid "}"#, 40070);

    let mut req = DelTagUsers::users(12, ["user1", "user2"]);
    req.partylist = vec![2, 4];
    assert_post_json(
        &req,
        &url("tag/deltagusers", ""),
        json!({"tagid": 12, "userlist": ["user1", "user2"], "partylist": [2, 4]}),
    );
    assert_post_json(
        &DelTagUsers::users(12, ["user1"]),
        &url("tag/deltagusers", ""),
        json!({"tagid": 12, "userlist": ["user1"]}),
    );
    let r = parse::<DelTagUsers>(fixture!("qyapi.weixin.qq.com/cgi-bin/tag/deltagusers"));
    assert_eq!(r.invalidlist, ["usr1", "usr2", "usr"]);
    assert_eq!(r.invalidparty, [2, 4]);
}

#[test]
fn list_tags() {
    assert_get(&ListTags::default(), &url("tag/list", ""));
    let l = parse::<ListTags>(fixture!("qyapi.weixin.qq.com/cgi-bin/tag/list"));
    assert_eq!(l.taglist.len(), 2);
    assert_eq!(
        (l.taglist[1].tagid, l.taglist[1].tagname.as_str()),
        (2, "b")
    );
}

// ---- batch jobs ----

#[test]
fn invite_members() {
    let mut req = InviteMembers::users(["UserID1", "UserID2", "UserID3"]);
    req.party = vec![1, 2];
    req.tag = vec![1, 2];
    assert_post_json(
        &req,
        &url("batch/invite", ""),
        json!({"user": ["UserID1", "UserID2", "UserID3"], "party": [1, 2], "tag": [1, 2]}),
    );
    let r = parse::<InviteMembers>(fixture!("qyapi.weixin.qq.com/cgi-bin/batch/invite"));
    assert_eq!(r.invaliduser, ["UserID1", "UserID2"]);
    assert_eq!(r.invalidparty, [1, 2]);
    assert_eq!(r.invalidtag, [1, 2]);
}

fn callback() -> JobCallback {
    JobCallback {
        url: "xxx".into(),
        token: Secret::new("TOKEN-xyz"),
        encodingaeskey: Secret::new("AESKEY-xyz"),
    }
}

#[test]
fn sync_and_replace_jobs() {
    let mut req = SyncUsers::new("xxxxxx");
    req.to_invite = Some(true);
    req.callback = Some(callback());
    let body = json!({
        "media_id": "xxxxxx",
        "to_invite": true,
        "callback": {"url": "xxx", "token": "TOKEN-xyz", "encodingaeskey": "AESKEY-xyz"}
    });
    assert_post_json(&req, &url("batch/syncuser", ""), body.clone());
    // The callback's secrets stay out of `Debug`.
    let shown = format!("{req:?}");
    assert!(
        !shown.contains("TOKEN-xyz") && !shown.contains("AESKEY-xyz"),
        "{shown}"
    );
    let j = parse::<SyncUsers>(fixture!("qyapi.weixin.qq.com/cgi-bin/batch/syncuser"));
    assert_eq!(j.jobid, "xxxxx");

    let mut req = ReplaceUsers::new("xxxxxx");
    req.to_invite = Some(true);
    req.callback = Some(callback());
    assert_post_json(&req, &url("batch/replaceuser", ""), body);
    let j = parse::<ReplaceUsers>(fixture!("qyapi.weixin.qq.com/cgi-bin/batch/replaceuser"));
    assert_eq!(j.jobid, "xxxxx");

    let mut req = ReplaceDepartments::new("xxxxxx");
    req.callback = Some(callback());
    assert_post_json(
        &req,
        &url("batch/replaceparty", ""),
        json!({
            "media_id": "xxxxxx",
            "callback": {"url": "xxx", "token": "TOKEN-xyz", "encodingaeskey": "AESKEY-xyz"}
        }),
    );
    assert_post_json(
        &ReplaceDepartments::new("m"),
        &url("batch/replaceparty", ""),
        json!({"media_id": "m"}),
    );
    let j = parse::<ReplaceDepartments>(fixture!("qyapi.weixin.qq.com/cgi-bin/batch/replaceparty"));
    assert_eq!(j.jobid, "xxxxx");
}

#[test]
fn get_batch_result() {
    assert_get(
        &GetBatchResult::new("JOBID"),
        &url("batch/getresult", "jobid=JOBID"),
    );
    let r = parse::<GetBatchResult>(fixture!("qyapi.weixin.qq.com/cgi-bin/batch/getresult"));
    assert!(r.is_done());
    assert_eq!(r.job_type, "replace_user");
    assert_eq!((r.total, r.percentage), (2, 100));
    assert_eq!(r.result[0].userid.as_deref(), Some("lisi"));
    assert!(r.result.iter().all(BatchResultItem::is_ok));
    // A department job: action and partyid; a failed row.
    let r = parse::<GetBatchResult>(
        r#"{"errcode":0,"errmsg":"ok","status":3,"type":"replace_party","total":2,"percentage":100,
            "result":[{"action":1,"partyid":1,"errcode":0,"errmsg":"ok"},
                      {"action":4,"partyid":2,"errcode":60008,"errmsg":"department existed"}]}"#,
    );
    assert_eq!(r.result[1].action, Some(4));
    assert_eq!(r.result[1].partyid, Some(2));
    assert!(!r.result[1].is_ok());
    // Still running: no results yet.
    let r = parse::<GetBatchResult>(r#"{"status":2,"type":"sync_user","total":3,"percentage":33}"#);
    assert!(!r.is_done());
    assert!(r.result.is_empty());
}

#[test]
fn batch_errors() {
    assert_errcode::<GetBatchResult>(r#"{"errcode":40009,"errmsg":"invalid jobid"}"#, 40009);
}

// ---- linked corps ----

#[test]
fn linked_corp_perm_list() {
    assert_post_json(
        &GetLinkedCorpPermList {},
        &url("linkedcorp/agent/get_perm_list", ""),
        json!({}),
    );
    let p = parse::<GetLinkedCorpPermList>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/linkedcorp/agent/get_perm_list"
    ));
    assert_eq!(p.userids, ["CORPID/USERID"]);
    assert_eq!(p.department_ids, ["LINKEDID/DEPARTMENTID"]);
}

#[test]
fn linked_corp_users() {
    assert_post_json(
        &GetLinkedCorpUser::new("CORPID/USERID"),
        &url("linkedcorp/user/get", ""),
        json!({"userid": "CORPID/USERID"}),
    );
    let u = parse::<GetLinkedCorpUser>(fixture!("qyapi.weixin.qq.com/cgi-bin/linkedcorp/user/get"));
    assert_eq!(u.user_info.userid, "CORPID/USERID");
    assert_eq!(u.user_info.department, ["LINKEDID/DEPARTMENTID"]);
    assert_eq!(u.user_info.corpid, "xxxxxx");
    let attrs = &u.user_info.extattr.as_ref().unwrap().attrs;
    assert_eq!(attrs[0].extra["value"], "10086");
    assert_eq!(attrs[1].web.as_ref().unwrap().title, "官网");

    assert_post_json(
        &ListLinkedCorpSimpleUsers {
            department_id: "LINKEDID/DEPARTMENTID".into(),
            fetch_child: Some(true),
        },
        &url("linkedcorp/user/simplelist", ""),
        json!({"department_id": "LINKEDID/DEPARTMENTID", "fetch_child": true}),
    );
    assert_post_json(
        &ListLinkedCorpSimpleUsers::new("LINKEDID/1"),
        &url("linkedcorp/user/simplelist", ""),
        json!({"department_id": "LINKEDID/1"}),
    );
    let l = parse::<ListLinkedCorpSimpleUsers>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/linkedcorp/user/simplelist"
    ));
    assert_eq!(l.userlist[0].department, ["LINKEDID/1", "LINKEDID/2"]);
    assert_eq!(l.userlist[0].corpid, "xxxxxx");

    assert_post_json(
        &ListLinkedCorpUsers::new("LINKEDID/DEPARTMENTID"),
        &url("linkedcorp/user/list", ""),
        json!({"department_id": "LINKEDID/DEPARTMENTID"}),
    );
    let l =
        parse::<ListLinkedCorpUsers>(fixture!("qyapi.weixin.qq.com/cgi-bin/linkedcorp/user/list"));
    assert_eq!(l.userlist[0].email, "zhangsan@tencent.com");
    assert_eq!(l.userlist[0].extattr.as_ref().unwrap().attrs.len(), 2);
}

#[test]
fn linked_corp_departments() {
    assert_post_json(
        &ListLinkedCorpDepartments::new("LINKEDID/DEPARTMENTID"),
        &url("linkedcorp/department/list", ""),
        json!({"department_id": "LINKEDID/DEPARTMENTID"}),
    );
    let l = parse::<ListLinkedCorpDepartments>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/linkedcorp/department/list"
    ));
    let d = &l.department_list[1];
    assert_eq!(
        (d.department_id.as_str(), d.parentid.as_str(), d.order),
        ("2", "1", 99_999_999)
    );
    assert_eq!(d.department_name, "测试部门2");
    // Ids sent as numbers read as their text.
    let l = parse::<ListLinkedCorpDepartments>(
        r#"{"department_list":[{"department_id":5,"parentid":1,"order":"3"}]}"#,
    );
    assert_eq!(l.department_list[0].department_id, "5");
    assert_eq!(l.department_list[0].order, 3);
}

#[test]
fn linked_corp_errors() {
    assert_errcode::<GetLinkedCorpUser>(
        r#"{"errcode":60111,"errmsg":"invalid string value `CORPID/USERID`"}"#,
        60111,
    );
}

// ---- the catalog ----

#[test]
fn every_endpoint_is_cataloged() {
    assert_work_cataloged::<CreateUser>();
    assert_work_cataloged::<GetUser>();
    assert_work_cataloged::<UpdateUser>();
    assert_work_cataloged::<DeleteUser>();
    assert_work_cataloged::<BatchDeleteUsers>();
    assert_work_cataloged::<ListSimpleUsers>();
    assert_work_cataloged::<ListUsers>();
    assert_work_cataloged::<UserListId>();
    assert_work_cataloged::<GetUserIdByMobile>();
    assert_work_cataloged::<GetUserIdByEmail>();
    assert_work_cataloged::<ConvertToOpenid>();
    assert_work_cataloged::<ConvertToUserid>();
    assert_work_cataloged::<CreateDepartment>();
    assert_work_cataloged::<UpdateDepartment>();
    assert_work_cataloged::<DeleteDepartment>();
    assert_work_cataloged::<ListDepartments>();
    assert_work_cataloged::<ListDepartmentIds>();
    assert_work_cataloged::<GetDepartment>();
    assert_work_cataloged::<CreateTag>();
    assert_work_cataloged::<UpdateTag>();
    assert_work_cataloged::<DeleteTag>();
    assert_work_cataloged::<GetTagMembers>();
    assert_work_cataloged::<AddTagUsers>();
    assert_work_cataloged::<DelTagUsers>();
    assert_work_cataloged::<ListTags>();
    assert_work_cataloged::<InviteMembers>();
    assert_work_cataloged::<SyncUsers>();
    assert_work_cataloged::<ReplaceUsers>();
    assert_work_cataloged::<ReplaceDepartments>();
    assert_work_cataloged::<GetBatchResult>();
    assert_work_cataloged::<GetLinkedCorpPermList>();
    assert_work_cataloged::<GetLinkedCorpUser>();
    assert_work_cataloged::<ListLinkedCorpSimpleUsers>();
    assert_work_cataloged::<ListLinkedCorpUsers>();
    assert_work_cataloged::<ListLinkedCorpDepartments>();
}

#[test]
fn reference_rows_are_covered() {
    assert_rows_covered("work/addresslist");
}
