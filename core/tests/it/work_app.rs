//! WeCom: the app and its menu, OAuth and web login, media, invoices, check-in.

use crate::common::*;

use futures::executor::block_on;
use futures::{StreamExt, TryStreamExt};
use serde_json::json;
use wechat_core::api::work::{agent, checkin, invoice, media, oauth};
use wechat_core::endpoint::{Ack, Endpoint};
use wechat_core::{Error, Hosts, Secret};

const WORK: &str = "https://qyapi.weixin.qq.com";

fn url(path: &str, query: &str) -> String {
    format!("{WORK}/cgi-bin/{path}?access_token=ACCESS_TOKEN{query}")
}

// ---------------------------------------------------------------------------------------------
// The app

#[test]
fn agent_get_list_set() {
    assert_get(
        &agent::GetAgent::new(1000005),
        &url("agent/get", "&agentid=1000005"),
    );
    let a = parse::<agent::GetAgent>(fixture!("qyapi.weixin.qq.com/cgi-bin/agent/get"));
    assert_eq!(a.agentid, 1000005);
    assert_eq!(a.name, "HR助手");
    assert_eq!(a.allow_userinfos.user[1].userid, "lisi");
    assert_eq!(a.allow_partys.partyid, [1]);
    assert_eq!(a.allow_tags.tagid, [1, 2, 3]);
    assert_eq!(a.customized_publish_status, Some(1));

    assert_get(&agent::ListAgents {}, &url("agent/list", ""));
    let list = parse::<agent::ListAgents>(fixture!("qyapi.weixin.qq.com/cgi-bin/agent/list"));
    assert_eq!(list.agentlist[0].agentid, 1000005);

    let set = agent::SetAgent {
        report_location_flag: Some(0),
        logo_mediaid: Some("xxxxx".into()),
        name: Some("NAME".into()),
        description: Some("DESC".into()),
        redirect_domain: Some("xxxxxx".into()),
        isreportenter: Some(0),
        home_url: Some("http://www.qq.com".into()),
        ..agent::SetAgent::new(1000005)
    };
    assert_post_json(
        &set,
        &url("agent/set", ""),
        json!({
            "agentid": 1000005,
            "report_location_flag": 0,
            "logo_mediaid": "xxxxx",
            "name": "NAME",
            "description": "DESC",
            "redirect_domain": "xxxxxx",
            "isreportenter": 0,
            "home_url": "http://www.qq.com"
        }),
    );
    assert_post_json(
        &agent::SetAgent {
            name: Some("HR".into()),
            ..agent::SetAgent::new(7)
        },
        &url("agent/set", ""),
        json!({"agentid": 7, "name": "HR"}),
    );
    parse::<agent::SetAgent>(fixture!("qyapi.weixin.qq.com/cgi-bin/agent/set"));
    assert_errcode::<agent::GetAgent>(
        r#"{"errcode":301002,"errmsg":"not allow to operate another agent"}"#,
        301002,
    );

    assert_work_cataloged::<agent::GetAgent>();
    assert_work_cataloged::<agent::ListAgents>();
    assert_work_cataloged::<agent::SetAgent>();
}

#[test]
fn app_menu_create_get_delete() {
    use agent::Button;
    let menu = agent::CreateMenu::new(
        1000005,
        vec![
            Button::click("今日歌曲", "V1001_TODAY_MUSIC"),
            Button::parent(
                "菜单",
                vec![
                    Button::view("搜索", "http://www.soso.com/"),
                    Button::event("scancode_push", "扫码", "rselfmenu_0_1"),
                    Button::miniprogram("小程序", "wx8bd80126147dfAAA", "/page/index"),
                ],
            ),
        ],
    );
    assert_post_json(
        &menu,
        &url("menu/create", "&agentid=1000005"),
        json!({
            "button": [
                {"type": "click", "name": "今日歌曲", "key": "V1001_TODAY_MUSIC"},
                {
                    "name": "菜单",
                    "sub_button": [
                        {"type": "view", "name": "搜索", "url": "http://www.soso.com/"},
                        {"type": "scancode_push", "name": "扫码", "key": "rselfmenu_0_1"},
                        {
                            "type": "view_miniprogram",
                            "name": "小程序",
                            "appid": "wx8bd80126147dfAAA",
                            "pagepath": "/page/index"
                        }
                    ]
                }
            ]
        }),
    );
    // The Official Account's menu/create is on another host.
    assert_eq!(agent::CreateMenu::META.host, wechat_core::Host::Work);
    parse::<agent::CreateMenu>(fixture!("qyapi.weixin.qq.com/cgi-bin/menu/create"));

    assert_get(
        &agent::GetMenu { agentid: 1000005 },
        &url("menu/get", "&agentid=1000005"),
    );
    let got = parse::<agent::GetMenu>(fixture!("qyapi.weixin.qq.com/cgi-bin/menu/get"));
    assert_eq!(got.button[0].key.as_deref(), Some("V1001_TODAY_MUSIC"));
    assert_eq!(got.button[1].sub_button[1].name, "赞一下我们");

    assert_get(
        &agent::DeleteMenu { agentid: 1000005 },
        &url("menu/delete", "&agentid=1000005"),
    );
    parse::<agent::DeleteMenu>(fixture!("qyapi.weixin.qq.com/cgi-bin/menu/delete"));

    assert_work_cataloged::<agent::CreateMenu>();
    assert_work_cataloged::<agent::GetMenu>();
    assert_work_cataloged::<agent::DeleteMenu>();
}

#[test]
fn app_menu_is_buildable_by_name_from_json() {
    let entry = wechat_core::catalog::find("wechat_core::api::work::agent::CreateMenu").unwrap();
    let req = (entry.build)(
        &Hosts::default(),
        json!({"agentid": 3, "button": [{"type": "click", "name": "A", "key": "K"}]}),
        Some(&Secret::new("T")),
    )
    .unwrap();
    assert_eq!(
        req.uri().to_string(),
        format!("{WORK}/cgi-bin/menu/create?access_token=T&agentid=3")
    );
    let body: serde_json::Value = serde_json::from_slice(req.body()).unwrap();
    assert_eq!(
        body,
        json!({"button": [{"type": "click", "name": "A", "key": "K"}]})
    );
}

// ---------------------------------------------------------------------------------------------
// OAuth and web login

#[test]
fn oauth_urls() {
    let hosts = Hosts::default();
    let base = oauth::authorize_url(
        &hosts,
        "ww123",
        "https://app.example.com/cb?a=1",
        oauth::Scope::Base,
        "STATE",
    );
    assert_eq!(
        base.as_str(),
        "https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww123\
         &redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Fa%3D1&response_type=code\
         &scope=snsapi_base&state=STATE#wechat_redirect"
    );
    let private = oauth::authorize_url(
        &hosts,
        "ww123",
        "https://app.example.com/cb",
        oauth::Scope::PrivateInfo { agentid: 1000005 },
        "S",
    );
    assert_eq!(
        private.as_str(),
        "https://open.weixin.qq.com/connect/oauth2/authorize?appid=ww123\
         &redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&response_type=code\
         &scope=snsapi_privateinfo&agentid=1000005&state=S#wechat_redirect"
    );
    let qr = oauth::qrconnect_url(&hosts, "ww123", 1000005, "https://app.example.com/cb", "S");
    assert_eq!(
        qr.as_str(),
        "https://open.work.weixin.qq.com/wwopen/sso/qrConnect?appid=ww123&agentid=1000005\
         &redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb&state=S"
    );
    for name in [
        "wechat_core::api::work::oauth::authorize_url",
        "wechat_core::api::work::oauth::qrconnect_url",
    ] {
        let u = wechat_core::catalog::browser_urls()
            .find(|u| u.name == name)
            .unwrap_or_else(|| panic!("{name} is not listed"));
        assert_eq!(u.area, "work");
        assert!(
            u.doc
                .starts_with("https://developer.work.weixin.qq.com/document/")
        );
    }
}

#[test]
fn oauth_code_and_user_detail() {
    assert_get(
        &oauth::GetUserInfoByCode {
            code: "CODE".into(),
        },
        &url("user/getuserinfo", "&code=CODE"),
    );
    let old =
        parse::<oauth::GetUserInfoByCode>(fixture!("qyapi.weixin.qq.com/cgi-bin/user/getuserinfo"));
    assert_eq!(old.user_id.as_deref(), Some("USERID"));
    assert_eq!(old.device_id.as_deref(), Some("DEVICEID"));
    assert_eq!(old.user_ticket.as_ref().unwrap().expose(), "USER_TICKET");

    assert_get(
        &oauth::GetAuthUserInfo::new("CODE"),
        &url("auth/getuserinfo", "&code=CODE"),
    );
    let who =
        parse::<oauth::GetAuthUserInfo>(fixture!("qyapi.weixin.qq.com/cgi-bin/auth/getuserinfo"));
    assert_eq!(who.userid.as_deref(), Some("USERID"));
    let ticket = who.user_ticket.clone().unwrap();
    assert!(!format!("{who:?}").contains("USER_TICKET"));
    let outsider = parse::<oauth::GetAuthUserInfo>(
        r#"{"errcode":0,"errmsg":"ok","openid":"OPENID","external_userid":"EXT"}"#,
    );
    assert_eq!(outsider.openid.as_deref(), Some("OPENID"));
    assert_eq!(outsider.external_userid.as_deref(), Some("EXT"));

    let detail = oauth::GetUserDetail::new(ticket);
    assert!(!format!("{detail:?}").contains("USER_TICKET"));
    assert_post_json(
        &detail,
        &url("auth/getuserdetail", ""),
        json!({"user_ticket": "USER_TICKET"}),
    );
    let d =
        parse::<oauth::GetUserDetail>(fixture!("qyapi.weixin.qq.com/cgi-bin/auth/getuserdetail"));
    assert_eq!(d.userid, "lisi");
    assert_eq!(d.mobile.as_deref(), Some("13800000000"));
    assert_eq!(d.biz_mail.as_deref(), Some("zhangsan@qyycs2.wecom.work"));
    // Mobile and email never reach an error.
    assert!(oauth::GetUserDetail::META.sensitive);
    let err = oauth::GetUserDetail::parse(&ok(r#"{"userid":["13800000000"]}"#)).unwrap_err();
    assert!(!format!("{err:?}").contains("13800000000"));
    assert_errcode::<oauth::GetAuthUserInfo>(r#"{"errcode":40029,"errmsg":"invalid code"}"#, 40029);

    assert_work_cataloged::<oauth::GetUserInfoByCode>();
    assert_work_cataloged::<oauth::GetAuthUserInfo>();
    assert_work_cataloged::<oauth::GetUserDetail>();
}

// ---------------------------------------------------------------------------------------------
// Media

#[test]
fn media_uploads_are_multipart() {
    let upload = media::UploadMedia::new(
        media::MediaType::File,
        media::Upload::new("report.pdf", b"%PDF-1.4".to_vec()),
    );
    let body = multipart(&upload, &url("media/upload", "&type=file"));
    assert!(body.contains("name=\"media\"; filename=\"report.pdf\""));
    assert!(body.contains("%PDF-1.4"));
    let up = parse::<media::UploadMedia>(fixture!("qyapi.weixin.qq.com/cgi-bin/media/upload"));
    assert_eq!(up.kind, "image");
    assert_eq!(up.media_id, "1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0");
    assert_eq!(up.created_at, 1_380_000_000);

    let img = media::UploadImage {
        media: media::Upload::new("a.png", b"\x89PNG".to_vec()),
    };
    let body = multipart(&img, &url("media/uploadimg", ""));
    assert!(body.contains("Content-Type: image/png"));
    let u = parse::<media::UploadImage>(fixture!("qyapi.weixin.qq.com/cgi-bin/media/uploadimg"));
    assert!(u.url.starts_with("http://p.qpic.cn/"));

    let att = media::UploadAttachment {
        media_type: media::AttachmentMediaType::Video,
        attachment_type: media::AttachmentType::Moments,
        media: media::Upload::new("v.mp4", b"MP4".to_vec()),
    };
    let body = multipart(
        &att,
        &url(
            "media/upload_attachment",
            "&media_type=video&attachment_type=1",
        ),
    );
    assert!(body.contains("filename=\"v.mp4\""));
    let a = parse::<media::UploadAttachment>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/media/upload_attachment"
    ));
    assert_eq!(a.created_at, 1_380_000_000);

    // Uploads cannot be written as JSON.
    let entry = wechat_core::catalog::find("wechat_core::api::work::media::UploadMedia").unwrap();
    assert!((entry.build)(&Hosts::default(), json!({}), None).is_err());

    assert_work_cataloged::<media::UploadMedia>();
    assert_work_cataloged::<media::UploadImage>();
    assert_work_cataloged::<media::UploadAttachment>();
}

#[test]
fn media_downloads_are_binary_with_errors_sniffed() {
    assert_get(
        &media::GetMedia::new("MEDIA ID"),
        &url("media/get", "&media_id=MEDIA%20ID"),
    );
    let file = http::Response::builder()
        .header("content-type", "application/octet-stream")
        .header(
            "content-disposition",
            "attachment; filename=\"fallback.doc\"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.doc",
        )
        .body(b"\xd0\xcf\x11\xe0".to_vec())
        .unwrap();
    let got = media::GetMedia::parse(&file).unwrap();
    assert_eq!(got.filename.as_deref(), Some("报告.doc"));
    assert_eq!(got.bytes, b"\xd0\xcf\x11\xe0");
    let err = http::Response::builder()
        .header("content-type", "application/octet-stream")
        .body(br#"{"errcode":40007,"errmsg":"invalid media_id"}"#.to_vec())
        .unwrap();
    assert_eq!(
        media::GetMedia::parse(&err).unwrap_err().code(),
        Some(wechat_core::ErrCode::Number(40007))
    );

    assert_get(
        &media::GetHdVoice {
            media_id: "VOICE".into(),
        },
        &url("media/get/jssdk", "&media_id=VOICE"),
    );
    let voice = http::Response::new(b"#!SILK_V3".to_vec());
    assert_eq!(
        media::GetHdVoice::parse(&voice).unwrap().bytes,
        b"#!SILK_V3"
    );
    assert_errcode::<media::GetHdVoice>(r#"{"errcode":40007,"errmsg":"invalid media_id"}"#, 40007);

    assert_work_cataloged::<media::GetMedia>();
    assert_work_cataloged::<media::GetHdVoice>();
}

// ---------------------------------------------------------------------------------------------
// Invoices

#[test]
fn invoices() {
    assert_post_json(
        &invoice::GetInvoiceInfo::new("CARDID", "ENCRYPTCODE"),
        &url("card/invoice/reimburse/getinvoiceinfo", ""),
        json!({"card_id": "CARDID", "encrypt_code": "ENCRYPTCODE"}),
    );
    let info = parse::<invoice::GetInvoiceInfo>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/card/invoice/reimburse/getinvoiceinfo"
    ));
    assert_eq!(info.kind, "增值税电子普通发票");
    assert_eq!(info.user_info.fee, 4000);
    assert_eq!(info.user_info.info[0].unit, "吨");
    assert_eq!(info.user_info.reimburse_status, "INVOICE_REIMBURSE_INIT");

    assert_post_json(
        &invoice::UpdateInvoiceStatus::new(
            invoice::InvoiceRef::new("CARDID", "ENCRYPTCODE"),
            invoice::ReimburseStatus::Lock,
        ),
        &url("card/invoice/reimburse/updateinvoicestatus", ""),
        json!({
            "card_id": "CARDID",
            "encrypt_code": "ENCRYPTCODE",
            "reimburse_status": "INVOICE_REIMBURSE_LOCK"
        }),
    );
    assert_post_json(
        &invoice::UpdateStatusBatch {
            openid: "OPENID".into(),
            reimburse_status: invoice::ReimburseStatus::Closure,
            invoice_list: vec![
                invoice::InvoiceRef::new("cardid_1", "encrypt_code_1"),
                invoice::InvoiceRef::new("cardid_2", "encrypt_code_2"),
            ],
        },
        &url("card/invoice/reimburse/updatestatusbatch", ""),
        json!({
            "openid": "OPENID",
            "reimburse_status": "INVOICE_REIMBURSE_CLOSURE",
            "invoice_list": [
                {"card_id": "cardid_1", "encrypt_code": "encrypt_code_1"},
                {"card_id": "cardid_2", "encrypt_code": "encrypt_code_2"}
            ]
        }),
    );
    assert_post_json(
        &invoice::GetInvoiceInfoBatch {
            item_list: vec![
                invoice::InvoiceRef::new("CARDID1", "ENCRYPTCODE1"),
                invoice::InvoiceRef::new("CARDID2", "ENCRYPTCODE2"),
            ],
        },
        &url("card/invoice/reimburse/getinvoiceinfobatch", ""),
        json!({"item_list": [
            {"card_id": "CARDID1", "encrypt_code": "ENCRYPTCODE1"},
            {"card_id": "CARDID2", "encrypt_code": "ENCRYPTCODE2"}
        ]}),
    );
    let batch = parse::<invoice::GetInvoiceInfoBatch>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/card/invoice/reimburse/getinvoiceinfobatch"
    ));
    assert_eq!(batch.item_list[0].openid, "ofdsfasfsafsafasf");
    assert_eq!(batch.item_list[0].user_info.tax, 123);
    parse::<invoice::UpdateInvoiceStatus>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/card/invoice/reimburse/updateinvoicestatus"
    ));
    parse::<invoice::UpdateStatusBatch>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/card/invoice/reimburse/updatestatusbatch"
    ));
    assert_errcode::<invoice::GetInvoiceInfo>(
        r#"{"errcode":72023,"errmsg":"invoice has been lock"}"#,
        72023,
    );

    assert_work_cataloged::<invoice::GetInvoiceInfo>();
    assert_work_cataloged::<invoice::UpdateInvoiceStatus>();
    assert_work_cataloged::<invoice::UpdateStatusBatch>();
    assert_work_cataloged::<invoice::GetInvoiceInfoBatch>();
}

// ---------------------------------------------------------------------------------------------
// Check-in

fn users(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn checkin_records_and_reports() {
    assert_post_json(
        &checkin::GetCheckinData::new(
            checkin::CheckinKind::All,
            1492617600,
            1492790400,
            users(&["james", "paul"]),
        ),
        &url("checkin/getcheckindata", ""),
        json!({
            "opencheckindatatype": 3,
            "starttime": 1492617600,
            "endtime": 1492790400,
            "useridlist": ["james", "paul"]
        }),
    );
    let data = parse::<checkin::GetCheckinData>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/checkin/getcheckindata"
    ));
    assert_eq!(data.checkindata.len(), 2);
    assert_eq!(data.checkindata[0].exception_type, "地点异常");
    assert_eq!(data.checkindata[1].lat, Some(30547645));
    assert_eq!(data.checkindata[0].timeline_id, Some(2));

    assert_post_json(
        &checkin::GetHardwareCheckinData {
            filter_type: Some(1),
            starttime: 1492617600,
            endtime: 1492790400,
            useridlist: users(&["james", "paul"]),
        },
        &url("hardware/get_hardware_checkin_data", ""),
        json!({
            "filter_type": 1,
            "starttime": 1492617600,
            "endtime": 1492790400,
            "useridlist": ["james", "paul"]
        }),
    );
    let hw = parse::<checkin::GetHardwareCheckinData>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/hardware/get_hardware_checkin_data"
    ));
    assert_eq!(hw.checkindata[1].device_name, "yyyy门店");

    let day = checkin::GetCheckinDayData {
        starttime: 1599062400,
        endtime: 1599062400,
        useridlist: users(&["ZhangSan"]),
    };
    assert_post_json(
        &day,
        &url("checkin/getcheckin_daydata", ""),
        json!({"starttime": 1599062400, "endtime": 1599062400, "useridlist": ["ZhangSan"]}),
    );
    let days = parse::<checkin::GetCheckinDayData>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/checkin/getcheckin_daydata"
    ));
    let d = &days.datas[0];
    assert_eq!(d.base_info.acctid, "ZhangSan");
    assert_eq!(d.base_info.rule_info.checkintime[0].work_sec, 38760);
    assert_eq!(d.summary_info.lastest_time, Some(38858));
    assert_eq!(d.holiday_infos[1].sp_title.data[0].text, "加班17.0小时");
    assert_eq!(d.ot_info.as_ref().unwrap().ot_duration, 3600);
    assert_eq!(d.sp_items[0].name, "年假");

    assert_post_json(
        &checkin::GetCheckinMonthData {
            starttime: 1599062400,
            endtime: 1599408000,
            useridlist: users(&["ZhangSan"]),
        },
        &url("checkin/getcheckin_monthdata", ""),
        json!({"starttime": 1599062400, "endtime": 1599408000, "useridlist": ["ZhangSan"]}),
    );
    let months = parse::<checkin::GetCheckinMonthData>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/checkin/getcheckin_monthdata"
    ));
    let m = &months.datas[0];
    assert_eq!(m.summary_info.work_days, Some(3));
    assert_eq!(m.exception_infos[0].exception, 4);
    assert_eq!(m.overwork_info.as_ref().unwrap().workday_over_sec, 10800);

    assert_errcode::<checkin::GetCheckinData>(
        r#"{"errcode":301023,"errmsg":"useridlist too long or is empty"}"#,
        301023,
    );
    assert_work_cataloged::<checkin::GetCheckinData>();
    assert_work_cataloged::<checkin::GetHardwareCheckinData>();
    assert_work_cataloged::<checkin::GetCheckinDayData>();
    assert_work_cataloged::<checkin::GetCheckinMonthData>();
}

#[test]
fn checkin_rules() {
    assert_post_json(
        &checkin::GetCorpCheckinOption {},
        &url("checkin/getcorpcheckinoption", ""),
        json!({}),
    );
    let corp = parse::<checkin::GetCorpCheckinOption>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/checkin/getcorpcheckinoption"
    ));
    let g = &corp.group[0];
    assert_eq!(g.groupid, Some(69));
    assert_eq!(g.checkindate[0].workdays, [1, 2, 3, 4, 5]);
    assert_eq!(g.checkindate[0].checkintime[1].work_sec, 50400);
    assert_eq!(g.wifimac_infos[1].wifiname, "Tencent-WiFi-2");
    assert_eq!(g.loc_infos[0].distance, 300);
    assert_eq!(g.range.as_ref().unwrap().tagid, [2]);
    // What the type does not name stays, and is written back.
    assert_eq!(g.extra["ot_info"]["type"], 2);
    assert_eq!(g.extra["offwork_interval_time"], 300);

    assert_post_json(
        &checkin::GetCheckinOption {
            datetime: 1511971200,
            useridlist: users(&["james", "paul"]),
        },
        &url("checkin/getcheckinoption", ""),
        json!({"datetime": 1511971200, "useridlist": ["james", "paul"]}),
    );
    let opt = parse::<checkin::GetCheckinOption>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/checkin/getcheckinoption"
    ));
    assert_eq!(opt.info[0].userid, "james");
    assert_eq!(opt.info[0].group.groupname.as_deref(), Some("打卡规则1"));

    let group = checkin::CheckinGroup {
        grouptype: Some(1),
        groupname: Some("打卡规则1".into()),
        checkindate: vec![checkin::CheckinDate {
            workdays: vec![1, 2, 3, 4, 5],
            checkintime: vec![checkin::CheckinTime {
                work_sec: 32400,
                off_work_sec: 64800,
                remind_work_sec: Some(31800),
                remind_off_work_sec: Some(64800),
                extra: Default::default(),
            }],
            ..Default::default()
        }],
        range: Some(checkin::CheckinRange {
            userid: users(&["james"]),
            ..Default::default()
        }),
        ..Default::default()
    };
    let expected_group = json!({
        "grouptype": 1,
        "groupname": "打卡规则1",
        "checkindate": [{
            "workdays": [1, 2, 3, 4, 5],
            "checkintime": [{
                "work_sec": 32400,
                "off_work_sec": 64800,
                "remind_work_sec": 31800,
                "remind_off_work_sec": 64800
            }]
        }],
        "range": {"partyid": [], "userid": ["james"], "tagid": []}
    });
    assert_post_json(
        &checkin::AddCheckinOption {
            effective_now: Some(true),
            group: group.clone(),
        },
        &url("checkin/add_checkin_option", ""),
        json!({"effective_now": true, "group": expected_group}),
    );
    let mut update = group;
    update.groupid = Some(69);
    assert_post_json(
        &checkin::UpdateCheckinOption {
            effective_now: None,
            group: update,
        },
        &url("checkin/update_checkin_option", ""),
        json!({"group": {
            "grouptype": 1,
            "groupid": 69,
            "groupname": "打卡规则1",
            "checkindate": expected_group["checkindate"],
            "range": expected_group["range"]
        }}),
    );
    assert_post_json(
        &checkin::ClearCheckinOptionArrayField {
            groupid: 1,
            clear_field: vec![1, 2],
            effective_now: Some(true),
        },
        &url("checkin/clear_checkin_option_array_field", ""),
        json!({"groupid": 1, "clear_field": [1, 2], "effective_now": true}),
    );
    assert_post_json(
        &checkin::DelCheckinOption {
            groupid: 1,
            effective_now: Some(true),
        },
        &url("checkin/del_checkin_option", ""),
        json!({"groupid": 1, "effective_now": true}),
    );
    for body in [
        fixture!("qyapi.weixin.qq.com/cgi-bin/checkin/add_checkin_option"),
        fixture!("qyapi.weixin.qq.com/cgi-bin/checkin/update_checkin_option"),
        fixture!("qyapi.weixin.qq.com/cgi-bin/checkin/clear_checkin_option_array_field"),
        fixture!("qyapi.weixin.qq.com/cgi-bin/checkin/del_checkin_option"),
    ] {
        let _: Ack = parse::<checkin::DelCheckinOption>(body);
    }

    assert_work_cataloged::<checkin::GetCorpCheckinOption>();
    assert_work_cataloged::<checkin::GetCheckinOption>();
    assert_work_cataloged::<checkin::AddCheckinOption>();
    assert_work_cataloged::<checkin::UpdateCheckinOption>();
    assert_work_cataloged::<checkin::ClearCheckinOptionArrayField>();
    assert_work_cataloged::<checkin::DelCheckinOption>();
}

#[test]
fn checkin_schedules_corrections_faces() {
    assert_post_json(
        &checkin::GetCheckinScheduleList {
            starttime: 1492617600,
            endtime: 1492790400,
            useridlist: users(&["james", "paul"]),
        },
        &url("checkin/getcheckinschedulist", ""),
        json!({"starttime": 1492617600, "endtime": 1492790400, "useridlist": ["james", "paul"]}),
    );
    let list = parse::<checkin::GetCheckinScheduleList>(fixture!(
        "qyapi.weixin.qq.com/cgi-bin/checkin/getcheckinschedulist"
    ));
    let s = &list.schedule_list[0];
    assert_eq!(s.yearmonth, 202011);
    assert_eq!(s.schedule.schedule_list[0].schedule_info.schedule_id, 221);
    assert_eq!(
        s.schedule.schedule_list[0].schedule_info.time_section[0].off_work_sec,
        61200
    );

    assert_post_json(
        &checkin::SetCheckinScheduleList {
            groupid: 226,
            items: vec![checkin::ScheduleItem {
                userid: "james".into(),
                day: 5,
                schedule_id: 234,
            }],
            yearmonth: 202012,
        },
        &url("checkin/setcheckinschedulist", ""),
        json!({
            "groupid": 226,
            "items": [{"userid": "james", "day": 5, "schedule_id": 234}],
            "yearmonth": 202012
        }),
    );
    assert_post_json(
        &checkin::PunchCorrection {
            userid: "james".into(),
            schedule_date_time: 1669132800,
            schedule_checkin_time: Some(1669165200),
            checkin_time: 1669165200,
        },
        &url("checkin/punch_correction", ""),
        json!({
            "userid": "james",
            "schedule_date_time": 1669132800,
            "schedule_checkin_time": 1669165200,
            "checkin_time": 1669165200
        }),
    );
    assert_eq!(
        checkin::PunchCorrection::META.repeat,
        wechat_core::endpoint::Repeat::Never
    );
    assert_post_json(
        &checkin::AddCheckinUserFace::new("james", b"face"),
        &url("checkin/addcheckinuserface", ""),
        json!({"userid": "james", "userface": "ZmFjZQ=="}),
    );
    for body in [
        fixture!("qyapi.weixin.qq.com/cgi-bin/checkin/setcheckinschedulist"),
        fixture!("qyapi.weixin.qq.com/cgi-bin/checkin/punch_correction"),
        fixture!("qyapi.weixin.qq.com/cgi-bin/checkin/addcheckinuserface"),
    ] {
        parse::<checkin::PunchCorrection>(body);
    }

    assert_work_cataloged::<checkin::GetCheckinScheduleList>();
    assert_work_cataloged::<checkin::SetCheckinScheduleList>();
    assert_work_cataloged::<checkin::PunchCorrection>();
    assert_work_cataloged::<checkin::AddCheckinUserFace>();
}

#[test]
fn checkin_ranges_split_into_30_days_and_100_members() {
    const DAY: u64 = 86_400;
    let many: Vec<String> = (0..250).map(|i| format!("u{i}")).collect();
    let calls = checkin::split_range(0, 65 * DAY, &many);
    // Three windows (30 days, 30 days, 5 days) of three chunks (100, 100, 50).
    assert_eq!(calls.len(), 9);
    assert_eq!((calls[0].0, calls[0].1), (0, 30 * DAY));
    assert_eq!((calls[3].0, calls[3].1), (30 * DAY + 1, 60 * DAY + 1));
    assert_eq!((calls[8].0, calls[8].1), (60 * DAY + 2, 65 * DAY));
    assert_eq!(
        calls.iter().take(3).map(|c| c.2.len()).collect::<Vec<_>>(),
        [100, 100, 50]
    );
    for (from, to, users) in &calls {
        assert!(to - from <= checkin::MAX_RANGE_SECS && users.len() <= checkin::MAX_USERS);
    }
    assert!(checkin::split_range(0, DAY, &[]).is_empty());
    assert!(checkin::split_range(DAY, 0, &many).is_empty());
    assert_eq!(
        checkin::split_range(5, 5, &many[..1]),
        [(5, 5, users(&["u0"]))]
    );
}

#[test]
fn checkin_stream_walks_every_window_and_chunk() {
    const DAY: u64 = 86_400;
    let (client, wechat) = client();
    let record = |u: &str, t: u64| json!({"userid": u, "checkin_time": t}).to_string();
    wechat.answer(format!(
        r#"{{"errcode":0,"checkindata":[{}]}}"#,
        record("a", 1)
    ));
    wechat.answer(r#"{"errcode":0,"checkindata":[]}"#);
    wechat.answer(format!(
        r#"{{"errcode":0,"checkindata":[{},{}]}}"#,
        record("a", 2),
        record("b", 3)
    ));
    wechat.answer(r#"{"errcode":0,"checkindata":[]}"#);
    let people: Vec<String> = (0..101).map(|i| format!("u{i}")).collect();
    let got: Vec<_> = block_on(
        checkin::checkin_records(&client, checkin::CheckinKind::All, 0, 40 * DAY, &people)
            .try_collect::<Vec<_>>(),
    )
    .unwrap();
    assert_eq!(
        got.iter().map(|r| r.checkin_time).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    // Two windows of two chunks: four calls, in order.
    let bodies = wechat.bodies();
    assert_eq!(bodies.len(), 4);
    assert_eq!(bodies[0]["useridlist"].as_array().unwrap().len(), 100);
    assert_eq!(bodies[1]["useridlist"], json!(["u100"]));
    assert_eq!(bodies[2]["starttime"], 30 * DAY + 1);
    assert_eq!(bodies[3]["endtime"], 40 * DAY);
    assert!(bodies.iter().all(|b| b["opencheckindatatype"] == 3));
}

#[test]
fn checkin_stream_ends_on_the_first_error() {
    const DAY: u64 = 86_400;
    let (client, wechat) = client();
    wechat
        .answer(r#"{"errcode":0,"checkindata":[{"userid":"a","device_sn":"S","checkin_time":1}]}"#);
    wechat.answer(r#"{"errcode":301024,"errmsg":"time range too long"}"#);
    let items: Vec<_> = block_on(
        checkin::hardware_checkin_records(&client, Some(1), 0, 90 * DAY, &users(&["a"])).collect(),
    );
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].as_ref().unwrap().device_sn, "S");
    assert!(
        matches!(&items[1], Err(Error::Api(e)) if e.code == wechat_core::ErrCode::Number(301024))
    );
    // The third window is never asked for.
    assert_eq!(wechat.requests().len(), 2);
}

// ---------------------------------------------------------------------------------------------
// Coverage

#[test]
fn reference_rows_are_covered() {
    for package in ["work/checkin", "work/invoice", "work/material"] {
        assert_rows_covered(package);
    }
    oauth_rows_are_covered();
}

/// `work/oauth` holds browser URLs besides API calls: a `URL` row is covered by a browser URL
/// builder of the same host and path (as `coverage.rs` matches them), any other row by a
/// catalog entry with its method and URL.
fn oauth_rows_are_covered() {
    assert_rows_covered("work/oauth");
}
