//! Mini Program virtual payment (`xpay`): requests, answers, and the two signatures computed
//! here independently over the exact bytes the driver sends.

use crate::common::*;

use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;
use wechat_core::api::mp::xpay::*;
use wechat_core::endpoint::{Endpoint, build_request};
use wechat_core::{Error, Hosts, Secret, TokenFlow};

const API: &str = "https://api.weixin.qq.com";
const APP_KEY: &str = "SANDBOX-APPKEY";
const SESSION_KEY: &str = "9hAb/NEYUlkaMBEsmFgzig==";

fn url(path: &str) -> String {
    format!("{API}{path}")
}

fn hmac_hex(key: &str, message: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(message);
    hex::encode(mac.finalize().into_bytes())
}

fn flow() -> TokenFlow {
    TokenFlow::Stable {
        appid: "wxapp".into(),
        secret: Secret::new("APPSECRET"),
    }
}

/// A client calling as the app with the sandbox AppKey, over a scripted WeChat.
fn xpay_client() -> (TestClient, std::sync::Arc<Scripted>) {
    let (client, wechat) = client();
    let client = client.with_auth(XpaySigner::sandbox(Secret::new(APP_KEY)).auth(flow()));
    (client, wechat)
}

/// The query WeChat expects of a sent request: computed from its path and body bytes alone.
fn expected_query(request: &http::Request<Vec<u8>>, session_key: Option<&str>) -> String {
    let body = request.body();
    let mut message = request.uri().path().as_bytes().to_vec();
    message.push(b'&');
    message.extend_from_slice(body);
    let mut query = "access_token=ACCESS_TOKEN".to_owned();
    if let Some(key) = session_key {
        query.push_str(&format!("&signature={}", hmac_hex(key, body)));
    }
    query.push_str(&format!("&pay_sig={}", hmac_hex(APP_KEY, &message)));
    query
}

/// Builds, checks the body, parses the fixture, and checks the catalog.
fn check<E: Endpoint>(
    endpoint: &E,
    path: &str,
    body: serde_json::Value,
    fixture: &str,
) -> E::Response
where
    E::Response: std::fmt::Debug,
{
    assert_mp_cataloged::<E>();
    assert_eq!(
        E::META.auth,
        wechat_core::endpoint::AuthScheme::XpaySignature
    );
    assert!(
        E::META.doc.contains("/VirtualPayment/api_"),
        "{}",
        E::META.doc
    );
    assert_post_json(endpoint, &url(path), body);
    assert_errcode::<E>(
        r#"{"errcode":268490003,"errmsg":"signature error rid: 1"}"#,
        268490003,
    );
    parse::<E>(fixture)
}

#[test]
fn query_user_balance() {
    let call = QueryUserBalance::new("oUser", XpayEnv::Sandbox, "1.1.1.1")
        .session_key(Secret::new(SESSION_KEY));
    let b = check(
        &call,
        "/xpay/query_user_balance",
        json!({"openid": "oUser", "env": 1, "user_ip": "1.1.1.1"}),
        fixture!("xpay/query_user_balance"),
    );
    assert_eq!((b.balance, b.present_balance, b.sum_cost), (100, 20, 40));
    assert!(!b.first_save_flag);
    let flagged = parse::<QueryUserBalance>(r#"{"balance":1,"first_save_flag":1}"#);
    assert!(flagged.first_save_flag);
    assert!(needs_user_signature(QueryUserBalance::META));
}

#[test]
fn currency_pay() {
    let call = CurrencyPay {
        openid: "oUser".into(),
        env: XpayEnv::Sandbox,
        user_ip: "1.1.1.1".into(),
        amount: 40,
        order_id: "xxxxx".into(),
        payitem: r#"[{"productid":"gem","unit_price":40,"quantity":1}]"#.into(),
        remark: Some("gems".into()),
        device_type: Some(1),
        session_key: Some(Secret::new(SESSION_KEY)),
    };
    let a = check(
        &call,
        "/xpay/currency_pay",
        json!({
            "openid": "oUser", "env": 1, "user_ip": "1.1.1.1", "amount": 40, "order_id": "xxxxx",
            "payitem": r#"[{"productid":"gem","unit_price":40,"quantity":1}]"#,
            "remark": "gems", "device_type": 1
        }),
        fixture!("xpay/currency_pay"),
    );
    assert_eq!(
        (a.order_id.as_str(), a.balance, a.used_present_amount),
        ("xxxxx", 60, 10)
    );
    assert_eq!(
        CurrencyPay::META.repeat,
        wechat_core::endpoint::Repeat::Never
    );
}

#[test]
fn query_order() {
    let call = QueryOrder {
        openid: "oUser".into(),
        env: XpayEnv::Production,
        order_id: Some("xxxxx".into()),
        wx_order_id: None,
    };
    let a = check(
        &call,
        "/xpay/query_order",
        json!({"openid": "oUser", "env": 0, "order_id": "xxxxx"}),
        fixture!("xpay/query_order"),
    );
    assert_eq!(a.order.status, 4);
    assert_eq!(a.order.wxpay_order_id, "4200000000000000000000000000");
    assert!(!needs_user_signature(QueryOrder::META));
}

#[test]
fn cancel_currency_pay() {
    let call = CancelCurrencyPay {
        openid: "oUser".into(),
        env: XpayEnv::Sandbox,
        user_ip: "1.1.1.1".into(),
        pay_order_id: "xxxxx".into(),
        order_id: "refund_xxxxx".into(),
        amount: 40,
        device_type: Some(1),
        session_key: Some(Secret::new(SESSION_KEY)),
    };
    let a = check(
        &call,
        "/xpay/cancel_currency_pay",
        json!({
            "openid": "oUser", "env": 1, "user_ip": "1.1.1.1", "pay_order_id": "xxxxx",
            "order_id": "refund_xxxxx", "amount": 40, "device_type": 1
        }),
        fixture!("xpay/cancel_currency_pay"),
    );
    assert_eq!(a.order_id, "xxxxx");
    assert!(needs_user_signature(CancelCurrencyPay::META));
}

#[test]
fn notify_provide_goods() {
    let call = NotifyProvideGoods {
        order_id: None,
        wx_order_id: Some("1234567890".into()),
        env: XpayEnv::Sandbox,
    };
    check(
        &call,
        "/xpay/notify_provide_goods",
        json!({"wx_order_id": "1234567890", "env": 1}),
        fixture!("xpay/notify_provide_goods"),
    );
}

#[test]
fn present_currency() {
    let call = PresentCurrency {
        openid: "oUser".into(),
        env: XpayEnv::Sandbox,
        order_id: "gift_1".into(),
        amount: 20,
        device_type: None,
    };
    let a = check(
        &call,
        "/xpay/present_currency",
        json!({"openid": "oUser", "env": 1, "order_id": "gift_1", "amount": 20}),
        fixture!("xpay/present_currency"),
    );
    assert_eq!((a.balance, a.present_balance), (120, 40));
    assert!(!needs_user_signature(PresentCurrency::META));
}

#[test]
fn download_bill() {
    let call = DownloadBill {
        begin_ds: 20230801,
        end_ds: 20230810,
    };
    let a = check(
        &call,
        "/xpay/download_bill",
        json!({"begin_ds": 20230801, "end_ds": 20230810}),
        fixture!("xpay/download_bill"),
    );
    assert!(a.url.starts_with("https://"));
}

#[test]
fn refund_order() {
    let call = RefundOrder {
        openid: "oUser".into(),
        env: XpayEnv::Sandbox,
        order_id: Some("xxxxx".into()),
        wx_order_id: None,
        refund_order_id: "refund_xxxxx".into(),
        left_fee: 100,
        refund_fee: 100,
        biz_meta: None,
        refund_reason: "3".into(),
        req_from: "2".into(),
    };
    let a = check(
        &call,
        "/xpay/refund_order",
        json!({
            "openid": "oUser", "env": 1, "order_id": "xxxxx", "refund_order_id": "refund_xxxxx",
            "left_fee": 100, "refund_fee": 100, "refund_reason": "3", "req_from": "2"
        }),
        fixture!("xpay/refund_order"),
    );
    assert_eq!(a.refund_wx_order_id, "1234567891");
}

#[test]
fn withdrawals() {
    let create = CreateWithdrawOrder {
        withdraw_no: "withdraw_xxxxx".into(),
        withdraw_amount: Some("0.01".into()),
        env: XpayEnv::Production,
    };
    let a = check(
        &create,
        "/xpay/create_withdraw_order",
        json!({"withdraw_no": "withdraw_xxxxx", "withdraw_amount": "0.01", "env": 0}),
        fixture!("xpay/create_withdraw_order"),
    );
    assert_eq!(a.wx_withdraw_no, "1234567892");
    let query = QueryWithdrawOrder {
        withdraw_no: "withdraw_xxxxx".into(),
        env: XpayEnv::Production,
    };
    let w = check(
        &query,
        "/xpay/query_withdraw_order",
        json!({"withdraw_no": "withdraw_xxxxx", "env": 0}),
        fixture!("xpay/query_withdraw_order"),
    );
    assert_eq!((w.status, w.withdraw_amount.as_str()), (2, "0.01"));
}

#[test]
fn goods_upload_and_publish() {
    let upload = StartUploadGoods {
        upload_item: vec![GoodsItem {
            id: "goods_1".into(),
            name: "Gem pack".into(),
            price: 100,
            remark: Some("100 gems".into()),
            item_url: "https://example.com/gem.png".into(),
        }],
        env: XpayEnv::Sandbox,
    };
    check(
        &upload,
        "/xpay/start_upload_goods",
        json!({"upload_item": [{
            "id": "goods_1", "name": "Gem pack", "price": 100, "remark": "100 gems",
            "item_url": "https://example.com/gem.png"
        }], "env": 1}),
        fixture!("xpay/start_upload_goods"),
    );
    let task = check(
        &QueryUploadGoods {
            env: XpayEnv::Sandbox,
        },
        "/xpay/query_upload_goods",
        json!({"env": 1}),
        fixture!("xpay/query_upload_goods"),
    );
    assert_eq!((task.status, task.upload_item[0].upload_status), (3, 2));
    check(
        &StartPublishGoods {
            env: XpayEnv::Sandbox,
            publish_item: vec![PublishGoodsItem {
                id: "goods_1".into(),
            }],
        },
        "/xpay/start_publish_goods",
        json!({"env": 1, "publish_item": [{"id": "goods_1"}]}),
        fixture!("xpay/start_publish_goods"),
    );
    let task = check(
        &QueryPublishGoods {
            env: XpayEnv::Sandbox,
        },
        "/xpay/query_publish_goods",
        json!({"env": 1}),
        fixture!("xpay/query_publish_goods"),
    );
    assert_eq!(task.publish_item[0].id, "goods_1");
}

#[test]
fn every_reference_row_is_cataloged() {
    assert_rows_covered("miniprogram/virtualpayment");
}

#[test]
fn env_reads_as_documented() {
    assert!(serde_json::from_str::<QueryUploadGoods>(r#"{"env":2}"#).is_err());
    let q: QueryUploadGoods = serde_json::from_str(r#"{"env":"1"}"#).unwrap();
    assert_eq!(q.env, XpayEnv::Sandbox);
}

#[test]
fn the_driver_signs_with_the_app_key_and_the_session_key() {
    let (client, wechat) = xpay_client();
    wechat.answer(fixture!("xpay/query_user_balance"));
    let call = QueryUserBalance::new("oUser", XpayEnv::Sandbox, "1.1.1.1")
        .session_key(Secret::new(SESSION_KEY));
    let balance = futures::executor::block_on(client.call(&call)).unwrap();
    assert_eq!(balance.balance, 100);
    let sent = &wechat.requests()[0];
    assert_eq!(sent.uri().path(), "/xpay/query_user_balance");
    assert_eq!(
        sent.uri().query().unwrap(),
        expected_query(sent, Some(SESSION_KEY))
    );
    // The session key went nowhere else: not in the body, not in the query as such.
    let text = format!("{sent:?} {}", String::from_utf8_lossy(sent.body()));
    assert!(!text.contains(SESSION_KEY) && !text.contains(APP_KEY));
    assert!(sent.extensions().get::<XpaySessionKey>().is_some());
}

#[test]
fn calls_without_a_user_carry_pay_sig_only() {
    let (client, wechat) = xpay_client();
    wechat.answer(fixture!("xpay/present_currency"));
    let call = PresentCurrency {
        openid: "oUser".into(),
        env: XpayEnv::Sandbox,
        order_id: "gift_1".into(),
        amount: 20,
        device_type: None,
    };
    futures::executor::block_on(client.call(&call)).unwrap();
    let sent = &wechat.requests()[0];
    assert_eq!(sent.uri().query().unwrap(), expected_query(sent, None));
}

#[test]
fn a_missing_session_key_is_a_clear_error() {
    let (client, wechat) = xpay_client();
    let call = CurrencyPay {
        openid: "oUser".into(),
        env: XpayEnv::Sandbox,
        user_ip: "1.1.1.1".into(),
        amount: 1,
        order_id: "o1".into(),
        payitem: "[]".into(),
        remark: None,
        device_type: None,
        session_key: None,
    };
    match futures::executor::block_on(client.call(&call)) {
        Err(Error::Build(message)) => {
            assert!(message.contains("session key"), "{message}");
            assert!(message.contains("CurrencyPay"), "{message}");
        }
        other => panic!("expected a build error, got {other:?}"),
    }
    assert!(wechat.requests().is_empty(), "nothing was sent");
}

#[test]
fn the_body_env_must_match_the_app_key() {
    let (client, wechat) = xpay_client();
    let call = QueryUploadGoods {
        env: XpayEnv::Production,
    };
    match futures::executor::block_on(client.call(&call)) {
        Err(Error::Build(message)) => assert!(message.contains("sandbox"), "{message}"),
        other => panic!("expected a build error, got {other:?}"),
    }
    assert!(wechat.requests().is_empty());
}

#[test]
fn a_client_without_the_signer_cannot_call() {
    let (client, wechat) = client();
    let call = QueryUploadGoods {
        env: XpayEnv::Sandbox,
    };
    assert!(matches!(
        futures::executor::block_on(client.call(&call)),
        Err(Error::Build(_))
    ));
    assert!(wechat.requests().is_empty());
}

#[test]
fn sans_io_signing_matches_the_driver() {
    let call = CancelCurrencyPay {
        openid: "oUser".into(),
        env: XpayEnv::Sandbox,
        user_ip: "1.1.1.1".into(),
        pay_order_id: "xxxxx".into(),
        order_id: "refund_xxxxx".into(),
        amount: 40,
        device_type: None,
        session_key: Some(Secret::new(SESSION_KEY)),
    };
    let mut request = build_request(&Hosts::default(), &call).unwrap();
    XpaySigner::sandbox(Secret::new(APP_KEY))
        .sign_with_token(&mut request, &Secret::new("ACCESS_TOKEN"))
        .unwrap();
    assert_eq!(
        request.uri().query().unwrap(),
        expected_query(&request, Some(SESSION_KEY))
    );
    // A request from JSON carries no session key: the caller hands one over explicitly.
    let entry = wechat_core::catalog::find("/xpay/cancel_currency_pay").unwrap();
    let body = serde_json::from_slice(request.body()).unwrap();
    let mut from_json = (entry.build)(&Hosts::default(), body, None).unwrap();
    let signer = XpaySigner::sandbox(Secret::new(APP_KEY));
    let token = Secret::new("ACCESS_TOKEN");
    assert!(
        signer
            .sign_with_token(&mut from_json.clone(), &token)
            .is_err()
    );
    from_json
        .extensions_mut()
        .insert(XpaySessionKey(Secret::new(SESSION_KEY)));
    signer.sign_with_token(&mut from_json, &token).unwrap();
    assert_eq!(from_json.uri(), request.uri());
}

#[test]
fn debug_and_serde_redact_the_keys() {
    let signer = XpaySigner::new(Secret::new(APP_KEY));
    assert!(!format!("{signer:?}").contains(APP_KEY));
    let auth = signer.auth(flow());
    assert!(!format!("{auth:?}").contains(APP_KEY));
    let call = QueryUserBalance::new("oUser", XpayEnv::Production, "1.1.1.1")
        .session_key(Secret::new(SESSION_KEY));
    assert!(!format!("{call:?}").contains(SESSION_KEY));
    assert!(!serde_json::to_string(&call).unwrap().contains(SESSION_KEY));
    let key = XpaySessionKey(Secret::new(SESSION_KEY));
    assert!(!format!("{key:?}").contains(SESSION_KEY));
}

#[test]
fn pushes_are_typed() {
    use wechat_core::callback::{Event, Message};
    let coin = br#"{"ToUserName":"gh_123456789abc","FromUserName":"o7esq5OI1Uej6Xixw1lA2H7XDVbc",
        "CreateTime":1700727083,"MsgType":"event","Event":"xpay_coin_pay_notify",
        "OpenId":"oUser","OutTradeNo":"trade_no_2","Env":1,
        "WeChatPayInfo":{"MchOrderNo":"mch_2","TransactionId":"42000020213","PaidTime":1700727080},
        "CoinInfo":{"Quantity":60,"OrigPrice":600,"ActualPrice":600,"Attach":"a"}}"#;
    let Message::Event(Event::XPayCoinPay(c)) = Message::parse(coin).unwrap() else {
        panic!("not a coin payment")
    };
    assert_eq!((c.open_id.as_str(), c.env), ("oUser", Some(1)));
    assert_eq!(c.coin_info.unwrap().quantity, 60);
    assert_eq!(c.wechat_pay_info.unwrap().paid_time, 1700727080);

    // Mini Programs may push XML: numbers arrive as text.
    let refund = b"<xml><ToUserName><![CDATA[gh_123456789abc]]></ToUserName>\
        <FromUserName><![CDATA[o7esq5OI1Uej6Xixw1lA2H7XDVbc]]></FromUserName>\
        <CreateTime>1700727300</CreateTime><MsgType><![CDATA[event]]></MsgType>\
        <Event><![CDATA[xpay_refund_notify]]></Event><OpenId><![CDATA[oUser]]></OpenId>\
        <WxRefundId><![CDATA[1234567891]]></WxRefundId><MchRefundId><![CDATA[refund_xxxxx]]></MchRefundId>\
        <WxOrderId><![CDATA[1234567890]]></WxOrderId><MchOrderId><![CDATA[xxxxx]]></MchOrderId>\
        <RefundFee>100</RefundFee><RetCode>0</RetCode><RetMsg><![CDATA[]]></RetMsg>\
        <RetryTimes>0</RetryTimes></xml>";
    let Message::Event(Event::XPayRefund(r)) = Message::parse(refund).unwrap() else {
        panic!("not a refund")
    };
    assert_eq!(r.mch_refund_id, "refund_xxxxx");
    assert_eq!((r.refund_fee, r.ret_code), (Some(100), Some(0)));

    // Other xpay events keep the catch-all.
    let complaint = br#"{"ToUserName":"gh_1","FromUserName":"o1","CreateTime":1,"MsgType":"event",
        "Event":"xpay_complaint_notify","OpenId":"oUser"}"#;
    let Message::Event(Event::XPay(x)) = Message::parse(complaint).unwrap() else {
        panic!("not the catch-all")
    };
    assert_eq!(x.event, "xpay_complaint_notify");
}
