//! Mini Program: users, content security, shipping, privacy.

use futures::StreamExt;
use futures::executor::block_on;
use serde_json::json;
use wechat_core::Secret;
use wechat_core::api::mp::{privacy::*, security::*, shipping::*, user::*};
use wechat_core::endpoint::Endpoint;

use crate::common::*;

const API: &str = "https://api.weixin.qq.com";

fn url(path: &str, query: &str) -> String {
    format!("{API}{path}?access_token=ACCESS_TOKEN{query}")
}

#[test]
fn users() {
    assert_post_json(
        &GetUserPhoneNumber::new(
            "e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144",
        ),
        &url("/wxa/business/getuserphonenumber", ""),
        json!({"code": "e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144"}),
    );
    let p = parse::<GetUserPhoneNumber>(fixture!("wxa/business/getuserphonenumber"));
    assert_eq!(p.phone_info.country_code, "86");
    assert_eq!(p.phone_info.watermark.timestamp, 1637744274);

    let hash = "657edd868c9715a9bebe42b833269a557a48498785397a796f1568c29a200b2c";
    assert_post_json(
        &CheckEncryptedMsg::new(hash),
        &url("/wxa/business/checkencryptedmsg", ""),
        json!({"encrypted_msg_hash": hash}),
    );
    // SHA-256 of "abc" (FIPS 180-2).
    assert_eq!(
        CheckEncryptedMsg::of_data("abc").encrypted_msg_hash,
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    let c = parse::<CheckEncryptedMsg>(fixture!("wxa/business/checkencryptedmsg"));
    assert!(c.valid);
    assert_eq!(c.create_time, 1629121902);

    let mut risk = GetUserRiskRank::new(
        "wx311232323",
        "oahdg535ON6vtkUXLdaLVKvzJAFo",
        1,
        "12.234.134.1",
    );
    risk.mobile_no = Some("12345678".into());
    risk.email_address = Some("****@qq.com".into());
    risk.extended_info = Some("".into());
    risk.is_test = Some(true);
    assert_post_json(
        &risk,
        &url("/wxa/getuserriskrank", ""),
        json!({"appid": "wx311232323", "openid": "oahdg535ON6vtkUXLdaLVKvzJAFo", "scene": 1,
               "mobile_no": "12345678", "client_ip": "12.234.134.1", "email_address": "****@qq.com",
               "extended_info": "", "is_test": true}),
    );
    let r = parse::<GetUserRiskRank>(fixture!("wxa/getuserriskrank"));
    assert_eq!((r.risk_rank, r.union_id), (0, 123456789));

    assert_get(
        &GetPaidUnionId::by_transaction("OPENID", "TRANSACTION_ID"),
        &url(
            "/wxa/getpaidunionid",
            "&openid=OPENID&transaction_id=TRANSACTION_ID",
        ),
    );
    assert_get(
        &GetPaidUnionId::by_merchant_order("OPENID", "MCH_ID", "OUT_TRADE_NO"),
        &url(
            "/wxa/getpaidunionid",
            "&openid=OPENID&mch_id=MCH_ID&out_trade_no=OUT_TRADE_NO",
        ),
    );
    let u = parse::<GetPaidUnionId>(fixture!("wxa/getpaidunionid"));
    assert_eq!(u.unionid, "oTmHYjg-tElZ68xxxxxxxxhy1Rgk");

    assert_mp_cataloged::<GetUserPhoneNumber>();
    assert_mp_cataloged::<CheckEncryptedMsg>();
    assert_mp_cataloged::<GetUserRiskRank>();
    assert_mp_cataloged::<GetPaidUnionId>();
    assert_mp_cataloged::<CheckSession>();
    assert_errcode::<CheckSession>(r#"{"errcode":87009,"errmsg":"invalid signature"}"#, 87009);
    parse::<CheckSession>(fixture!("wxa/checksession"));
    for package in [
        "miniprogram/auth",
        "miniprogram/business",
        "miniprogram/riskcontrol",
    ] {
        assert_rows_covered(package);
    }
}

#[test]
fn session_check_signs_the_empty_string_with_the_session_key() {
    let key = Secret::new("o0q0otL8aEzpcZL/FT9WsQ==");
    // The login-state signature document's own vector: hmac_sha256('{"foo":"bar"}', key).
    assert_eq!(
        session_signature(&key, br#"{"foo":"bar"}"#),
        "654571f79995b2ce1e149e53c0a33dc39c0a74090db514261454e8dbe432aa0b"
    );
    // HMAC-SHA256 of "" under the same key, computed apart (Python's hmac module).
    let signature = "46e043c5525c2d817c44be603d30837a808a1d930d038f6fdc3e62a201fed128";
    let check = CheckSession::new("oGZUI0egBJY1zhBYw2KhdUfwVJJE", key);
    assert_get(
        &check,
        &url(
            "/wxa/checksession",
            &format!(
                "&openid=oGZUI0egBJY1zhBYw2KhdUfwVJJE&signature={signature}&sig_method=hmac_sha256"
            ),
        ),
    );
    let shown = format!("{check:?}");
    assert!(!shown.contains("o0q0otL8"), "{shown}");
}

#[test]
fn content_security() {
    assert_post_json(
        &MsgSecCheck::new("hello world!", 2, "OPENID"),
        &url("/wxa/msg_sec_check", ""),
        json!({"content": "hello world!", "version": 2, "scene": 2, "openid": "OPENID"}),
    );
    let m = parse::<MsgSecCheck>(fixture!("wxa/msg_sec_check"));
    assert_eq!(m.result.suggest, "risky");
    assert_eq!(m.result.label, 20001);
    assert_eq!(m.detail.len(), 3);
    assert_eq!(m.detail[1].keyword.as_deref(), Some("命中的关键词1"));
    assert_eq!(m.trace_id, "60ae120f-371d5872-7941a05b");

    let body = multipart(
        &ImgSecCheck::new("a.png", b"PNGDATA".to_vec()),
        &url("/wxa/img_sec_check", ""),
    );
    assert!(
        body.contains("name=\"media\"; filename=\"a.png\""),
        "{body}"
    );
    assert!(body.contains("PNGDATA"));
    assert_errcode::<ImgSecCheck>(r#"{"errcode":87014,"errmsg":"risky content"}"#, 87014);
    parse::<ImgSecCheck>(fixture!("wxa/img_sec_check"));

    assert_post_json(
        &MediaCheckAsync::new(
            "https://developers.weixin.qq.com/miniprogram/assets/images/head_global_z_@all.png",
            2,
            1,
            "OPENID",
        ),
        &url("/wxa/media_check_async", ""),
        json!({"media_url": "https://developers.weixin.qq.com/miniprogram/assets/images/head_global_z_@all.png",
               "media_type": 2, "version": 2, "scene": 1, "openid": "OPENID"}),
    );
    let q = parse::<MediaCheckAsync>(fixture!("wxa/media_check_async"));
    assert_eq!(q.trace_id, "967e945cd8a3e458f3c74dcb886068e9");

    assert_mp_cataloged::<MsgSecCheck>();
    assert_mp_cataloged::<ImgSecCheck>();
    assert_mp_cataloged::<MediaCheckAsync>();
    assert_rows_covered("miniprogram/content");
    assert_rows_covered("miniprogram/security");
}

#[test]
fn shipping() {
    let upload = UploadShippingInfo {
        order_key: OrderKey::merchant("1230000109", "1234323JKHDFE1243252"),
        logistics_type: 4,
        delivery_mode: 1,
        is_all_delivered: None,
        shipping_list: vec![ShippingItem {
            tracking_no: Some("323244567777".into()),
            express_company: Some("DHL".into()),
            item_desc: "微信红包抱枕*1个".into(),
            contact: Some(ShippingContact {
                consignor_contact: Some("189****1234, 021-****1234".into()),
                receiver_contact: None,
            }),
        }],
        upload_time: "2022-12-15T13:29:35.120+08:00".into(),
        payer: Payer {
            openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o".into(),
        },
    };
    assert_post_json(
        &upload,
        &url("/wxa/sec/order/upload_shipping_info", ""),
        json!({
            "order_key": {"order_number_type": 1, "mchid": "1230000109", "out_trade_no": "1234323JKHDFE1243252"},
            "logistics_type": 4,
            "delivery_mode": 1,
            "shipping_list": [{"tracking_no": "323244567777", "express_company": "DHL",
                               "item_desc": "微信红包抱枕*1个",
                               "contact": {"consignor_contact": "189****1234, 021-****1234"}}],
            "upload_time": "2022-12-15T13:29:35.120+08:00",
            "payer": {"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}
        }),
    );
    assert_post_json(
        &GetShippingOrder {
            order: ShippingOrderRef::transaction("42000020212023112332159214xx"),
        },
        &url("/wxa/sec/order/get_order", ""),
        json!({"transaction_id": "42000020212023112332159214xx"}),
    );
    let o = parse::<GetShippingOrder>(fixture!("wxa/sec/order/get_order"));
    assert_eq!(o.order.paid_amount, 100);
    assert_eq!(o.order.shipping.shipping_list[0].express_company, "DHL");

    let list = GetShippingOrderList {
        pay_time_range: Some(PayTimeRange {
            begin_time: Some(1691132473),
            end_time: Some(1691142473),
        }),
        order_state: Some(2),
        page_size: Some(100),
        ..GetShippingOrderList::default()
    };
    assert_post_json(
        &list,
        &url("/wxa/sec/order/get_order_list", ""),
        json!({"pay_time_range": {"begin_time": 1691132473, "end_time": 1691142473},
               "order_state": 2, "page_size": 100}),
    );
    let l = parse::<GetShippingOrderList>(fixture!("wxa/sec/order/get_order_list"));
    assert!(l.has_more);
    assert_eq!(l.last_index, "xxxxxxxxxxxx");
    assert_eq!(l.order_list[0].order_state, 2);

    assert_post_json(
        &NotifyConfirmReceive {
            order: ShippingOrderRef::transaction("42000020212023112332159214xx"),
            received_time: 1691132473,
        },
        &url("/wxa/sec/order/notify_confirm_receive", ""),
        json!({"transaction_id": "42000020212023112332159214xx", "received_time": 1691132473}),
    );
    parse::<NotifyConfirmReceive>(fixture!("wxa/sec/order/notify_confirm_receive"));
    assert_errcode::<UploadShippingInfo>(
        r#"{"errcode":10060001,"errmsg":"order not found"}"#,
        10060001,
    );

    assert_mp_cataloged::<UploadShippingInfo>();
    assert_mp_cataloged::<GetShippingOrder>();
    assert_mp_cataloged::<GetShippingOrderList>();
    assert_mp_cataloged::<NotifyConfirmReceive>();
    assert_rows_covered("miniprogram/order");
}

#[test]
fn shipping_order_pages_follow_last_index_while_has_more() {
    let (client, wechat) = client();
    wechat
        .push(
            "/wxa/sec/order/get_order_list",
            r#"{"errcode":0,"last_index":"i1","has_more":true,"order_list":[{"transaction_id":"t1"}]}"#,
        )
        .push(
            "/wxa/sec/order/get_order_list",
            r#"{"errcode":0,"last_index":"i2","has_more":false,"order_list":[{"transaction_id":"t2"}]}"#,
        );
    let filter = GetShippingOrderList {
        order_state: Some(1),
        ..GetShippingOrderList::default()
    };
    let pages: Vec<_> = block_on(shipping_order_pages(&client, filter).collect());
    let ids: Vec<String> = pages
        .into_iter()
        .flat_map(|p| p.unwrap().order_list)
        .map(|o| o.transaction_id)
        .collect();
    assert_eq!(ids, ["t1", "t2"]);
    let bodies = wechat.bodies();
    assert_eq!(
        bodies,
        [
            json!({"order_state": 1}),
            json!({"order_state": 1, "last_index": "i1"})
        ]
    );
}

#[test]
fn privacy() {
    let set = SetPrivacySetting {
        privacy_ver: Some(2),
        owner_setting: OwnerSetting {
            contact_email: Some("xxxx@qq.com".into()),
            notice_method: "弹窗".into(),
            ..OwnerSetting::default()
        },
        setting_list: vec![
            PrivacyItem::new("UserInfo", "登录"),
            PrivacyItem::new("Location", "导航"),
        ],
        sdk_privacy_info_list: None,
    };
    assert_post_json(
        &set,
        &url("/cgi-bin/component/setprivacysetting", ""),
        json!({"privacy_ver": 2,
               "owner_setting": {"contact_email": "xxxx@qq.com", "notice_method": "弹窗"},
               "setting_list": [{"privacy_key": "UserInfo", "privacy_text": "登录"},
                                {"privacy_key": "Location", "privacy_text": "导航"}]}),
    );
    parse::<SetPrivacySetting>(fixture!("cgi-bin/component/setprivacysetting"));
    assert_post_json(
        &GetPrivacySetting {
            privacy_ver: Some(2),
        },
        &url("/cgi-bin/component/getprivacysetting", ""),
        json!({"privacy_ver": 2}),
    );
    let g = parse::<GetPrivacySetting>(fixture!("cgi-bin/component/getprivacysetting"));
    assert_eq!(g.privacy_list, ["UserInfo", "Location"]);
    assert_eq!(g.owner_setting.notice_method, "弹窗");
    assert_eq!(g.privacy_desc.privacy_desc_list[1].privacy_key, "Location");

    let body = multipart(
        &UploadPrivacyExtFile::new("melody.txt", b"privacy text".to_vec()),
        &url("/cgi-bin/component/uploadprivacyextfile", ""),
    );
    assert!(
        body.contains("name=\"file\"; filename=\"melody.txt\""),
        "{body}"
    );
    let f = parse::<UploadPrivacyExtFile>(fixture!("cgi-bin/component/uploadprivacyextfile"));
    assert_eq!(f.ext_file_media_id, "2112311471891169280");
    assert_errcode::<UploadPrivacyExtFile>(
        r#"{"errcode":40126,"errmsg":"invalid text size"}"#,
        40126,
    );
    // The privacy guideline is documented with the third-party platform's Mini Program management.
    for meta in [
        SetPrivacySetting::META,
        GetPrivacySetting::META,
        UploadPrivacyExtFile::META,
    ] {
        assert_eq!(meta.area, "miniprogram");
        assert!(
            wechat_core::catalog::all().any(|m| m == meta),
            "{}",
            meta.name
        );
    }
    assert_rows_covered("miniprogram/privacy");
}
