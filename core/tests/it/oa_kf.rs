//! Customer service: accounts, sessions, typing and records.

use crate::common;

use common::*;
use futures::StreamExt;
use futures::executor::block_on;
use serde_json::json;
use wechat_core::api::oa::kf::*;
use wechat_core::api::oa::material::Upload;

const API: &str = "https://api.weixin.qq.com";

#[test]
fn account_lists() {
    assert_get(
        &GetKfList {},
        &format!("{API}/cgi-bin/customservice/getkflist?access_token=ACCESS_TOKEN"),
    );
    let list = parse::<GetKfList>(fixture!("cgi-bin/customservice/getkflist"));
    assert_eq!(list.kf_list.len(), 2);
    assert_eq!(list.kf_list[0].kf_id, "1001");
    assert_eq!(list.kf_list[0].kf_wx.as_deref(), Some("alice_wx"));
    assert_eq!(list.kf_list[1].invite_status.as_deref(), Some("waiting"));
    assert_eq!(list.kf_list[1].invite_expire_time, Some(1_700_086_400));

    assert_get(
        &GetOnlineKfList {},
        &format!("{API}/cgi-bin/customservice/getonlinekflist?access_token=ACCESS_TOKEN"),
    );
    let online = parse::<GetOnlineKfList>(fixture!("cgi-bin/customservice/getonlinekflist"));
    assert_eq!(online.kf_online_list[0].accepted_case, 2);
    // kf_id comes as a string or a number.
    assert_eq!(online.kf_online_list[1].kf_id, "1003");
    assert_cataloged::<GetKfList>();
    assert_cataloged::<GetOnlineKfList>();
}

#[test]
fn account_changes() {
    assert_post_json(
        &AddKfAccount {
            kf_account: "alice@gh_kitchen".into(),
            nickname: "Alice".into(),
        },
        &format!("{API}/customservice/kfaccount/add?access_token=ACCESS_TOKEN"),
        json!({"kf_account": "alice@gh_kitchen", "nickname": "Alice"}),
    );
    parse::<AddKfAccount>(fixture!("customservice/kfaccount/add"));
    assert_post_json(
        &UpdateKfAccount {
            kf_account: "alice@gh_kitchen".into(),
            nickname: "Al".into(),
        },
        &format!("{API}/customservice/kfaccount/update?access_token=ACCESS_TOKEN"),
        json!({"kf_account": "alice@gh_kitchen", "nickname": "Al"}),
    );
    parse::<UpdateKfAccount>(fixture!("customservice/kfaccount/update"));
    assert_post_json(
        &DelKfAccount {
            kf_account: "alice@gh_kitchen".into(),
        },
        &format!("{API}/customservice/kfaccount/del?access_token=ACCESS_TOKEN"),
        json!({"kf_account": "alice@gh_kitchen"}),
    );
    parse::<DelKfAccount>(fixture!("customservice/kfaccount/del"));
    assert_post_json(
        &InviteKfWorker {
            kf_account: "bob@gh_kitchen".into(),
            invite_wx: "bob_wx".into(),
        },
        &format!("{API}/customservice/kfaccount/inviteworker?access_token=ACCESS_TOKEN"),
        json!({"kf_account": "bob@gh_kitchen", "invite_wx": "bob_wx"}),
    );
    parse::<InviteKfWorker>(fixture!("customservice/kfaccount/inviteworker"));
    assert_errcode::<AddKfAccount>(
        r#"{"errcode":65400,"errmsg":"please enable new custom service"}"#,
        65400,
    );
    assert_cataloged::<AddKfAccount>();
    assert_cataloged::<UpdateKfAccount>();
    assert_cataloged::<DelKfAccount>();
    assert_cataloged::<InviteKfWorker>();
}

#[test]
fn head_image_upload_names_the_account_in_the_query() {
    let req = UploadKfHeadImg {
        kf_account: "alice@gh_kitchen".into(),
        media: Upload::new("alice.jpg", b"\xff\xd8\xffface".to_vec()),
    };
    let body = multipart(
        &req,
        &format!(
            "{API}/customservice/kfaccount/uploadheadimg?access_token=ACCESS_TOKEN&kf_account=alice%40gh_kitchen"
        ),
    );
    assert!(body.contains("name=\"media\"; filename=\"alice.jpg\"\r\nContent-Type: image/jpeg"));
    assert!(body.contains("face"));
    parse::<UploadKfHeadImg>(fixture!("customservice/kfaccount/uploadheadimg"));
    assert_cataloged::<UploadKfHeadImg>();
}

#[test]
fn typing() {
    assert_post_json(
        &SendTyping {
            touser: "OPENID".into(),
            command: TypingCommand::Typing,
        },
        &format!("{API}/cgi-bin/message/custom/typing?access_token=ACCESS_TOKEN"),
        json!({"touser": "OPENID", "command": "Typing"}),
    );
    assert_eq!(
        serde_json::to_value(TypingCommand::CancelTyping).unwrap(),
        json!("CancelTyping")
    );
    parse::<SendTyping>(fixture!("cgi-bin/message/custom/typing"));
    assert_cataloged::<SendTyping>();
}

#[test]
fn sessions() {
    assert_post_json(
        &CreateKfSession {
            kf_account: "alice@gh_kitchen".into(),
            openid: "OPENID".into(),
        },
        &format!("{API}/customservice/kfsession/create?access_token=ACCESS_TOKEN"),
        json!({"kf_account": "alice@gh_kitchen", "openid": "OPENID"}),
    );
    parse::<CreateKfSession>(fixture!("customservice/kfsession/create"));
    assert_post_json(
        &CloseKfSession {
            kf_account: "alice@gh_kitchen".into(),
            openid: "OPENID".into(),
        },
        &format!("{API}/customservice/kfsession/close?access_token=ACCESS_TOKEN"),
        json!({"kf_account": "alice@gh_kitchen", "openid": "OPENID"}),
    );
    parse::<CloseKfSession>(fixture!("customservice/kfsession/close"));
    assert_errcode::<CloseKfSession>(
        r#"{"errcode":65413,"errmsg":"no session for this user"}"#,
        65413,
    );

    assert_get(
        &GetKfSession {
            openid: "OPENID".into(),
        },
        &format!(
            "{API}/customservice/kfsession/getsession?access_token=ACCESS_TOKEN&openid=OPENID"
        ),
    );
    let s = parse::<GetKfSession>(fixture!("customservice/kfsession/getsession"));
    assert_eq!(
        (s.kf_account.as_str(), s.createtime),
        ("alice@gh_kitchen", 1_700_000_000)
    );

    assert_get(
        &GetKfSessionList {
            kf_account: "alice@gh_kitchen".into(),
        },
        &format!(
            "{API}/customservice/kfsession/getsessionlist?access_token=ACCESS_TOKEN&kf_account=alice%40gh_kitchen"
        ),
    );
    let list = parse::<GetKfSessionList>(fixture!("customservice/kfsession/getsessionlist"));
    assert_eq!(list.sessionlist.len(), 2);
    assert_eq!(list.sessionlist[1].createtime, 1_700_000_100);

    assert_get(
        &GetWaitCase {},
        &format!("{API}/customservice/kfsession/getwaitcase?access_token=ACCESS_TOKEN"),
    );
    let wait = parse::<GetWaitCase>(fixture!("customservice/kfsession/getwaitcase"));
    assert_eq!(wait.count, 150);
    assert_eq!(wait.waitcaselist[0].latest_time, 1_700_000_200);
    assert_cataloged::<CreateKfSession>();
    assert_cataloged::<CloseKfSession>();
    assert_cataloged::<GetKfSession>();
    assert_cataloged::<GetKfSessionList>();
    assert_cataloged::<GetWaitCase>();
}

#[test]
fn records() {
    assert_post_json(
        &GetMsgList {
            starttime: 1_700_000_000,
            endtime: 1_700_086_399,
            msgid: 1,
            number: 10_000,
        },
        &format!("{API}/customservice/msgrecord/getmsglist?access_token=ACCESS_TOKEN"),
        json!({"starttime": 1700000000, "endtime": 1700086399, "msgid": 1, "number": 10000}),
    );
    let page = parse::<GetMsgList>(fixture!("customservice/msgrecord/getmsglist"));
    assert_eq!((page.number, page.msgid), (2, 20_165_267));
    assert_eq!(page.recordlist[1].opercode, 2003);
    assert_errcode::<GetMsgList>(r#"{"errcode":65417,"errmsg":"time range too long"}"#, 65417);
    assert_cataloged::<GetMsgList>();
}

fn record_page(texts: &[&str], next: i64) -> String {
    let records: Vec<_> = texts
        .iter()
        .map(|t| json!({"openid": "O", "opercode": 2002, "text": t, "time": 1, "worker": "w@gh"}))
        .collect();
    json!({"recordlist": records, "number": texts.len(), "msgid": next}).to_string()
}

#[test]
fn record_stream_follows_msgid_until_a_short_answer() {
    let (client, wechat) = client();
    wechat.answer(record_page(&["a", "b"], 3));
    wechat.answer(record_page(&["c", "d"], 5));
    wechat.answer(record_page(&["e"], 6));
    let texts: Vec<String> = block_on(
        msg_records(&client, 100, 200, 2)
            .map(|r| r.unwrap().text)
            .collect(),
    );
    assert_eq!(texts, ["a", "b", "c", "d", "e"]);
    let ids: Vec<_> = wechat.bodies().iter().map(|b| b["msgid"].clone()).collect();
    assert_eq!(ids, [json!(1), json!(3), json!(5)]);
    assert_eq!(wechat.bodies()[0]["number"], 2);
}

#[test]
fn record_stream_yields_the_error_and_ends() {
    let (client, wechat) = client();
    wechat.answer(r#"{"errcode":65416,"errmsg":"invalid parameter"}"#);
    let items: Vec<_> = block_on(msg_records(&client, 100, 200, 10_000).collect::<Vec<_>>());
    assert_eq!(items.len(), 1);
    assert_eq!(
        items[0]
            .as_ref()
            .unwrap_err()
            .code()
            .and_then(|c| c.number()),
        Some(65416)
    );
}

#[test]
fn every_reference_row_is_cataloged() {
    assert_rows_covered("officialaccount/customerservice");
}
