//! WeChat Pay v2: the `sign` against the documents' example and values computed here, the signer
//! on built requests and through the driver (tampered answers stop the call), every endpoint's
//! fixture, the client-side payment parameters, and notifications (verified, decrypted, answered).

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use futures::executor::block_on;
use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use sha2::Sha256;
use wechat_core::api::pay::v2::notify::encrypt_req_info;
use wechat_core::api::pay::v2::{
    CloseOrder, NotifyReply, OrderQuery, PayV2Signer, Refund, RefundQuery, SendRedpack, SignType,
    Transfer, UnifiedOrder, needs_client_certificate, sign, write_xml, xml_fields,
};
use wechat_core::client::HttpClient;
use wechat_core::endpoint::{Endpoint, build_request};
use wechat_core::{Client, ErrCode, Error, Hosts, MemoryStore, Secret, catalog};

use crate::common::{FixedRuntime, T0, ok};

/// The documents' example key and fields (签名算法, `chapter=4_3`).
const DOC_KEY: &str = "192006250b4c09247ec02edce69f6a2d";
const DOC_FIELDS: &[(&str, &str)] = &[
    ("appid", "wxd930ea5d5a258f4f"),
    ("mch_id", "10000100"),
    ("device_info", "1000"),
    ("body", "test"),
    ("nonce_str", "ibuaiVcKdpRxkhJA"),
];
const DOC_STRING: &str = "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d";

const MCH: &str = "10000100";
const APPID: &str = "wxd930ea5d5a258f4f";

fn md5_upper(s: &str) -> String {
    hex::encode_upper(Md5::digest(s.as_bytes()))
}

fn hmac_upper(key: &str, s: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(s.as_bytes());
    hex::encode_upper(mac.finalize().into_bytes())
}

/// The string to sign, computed independently of the crate.
fn string_to_sign(fields: &BTreeMap<String, String>, key: &str) -> String {
    let mut s: Vec<String> = fields
        .iter()
        .filter(|(k, v)| k.as_str() != "sign" && !v.is_empty())
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    s.push(format!("key={key}"));
    s.join("&")
}

fn signer(sign_type: SignType) -> PayV2Signer {
    PayV2Signer::new(MCH, APPID, Secret::new(DOC_KEY)).with_sign_type(sign_type)
}

#[test]
fn sign_matches_the_documents_example_md5_and_hmac() {
    let key = Secret::new(DOC_KEY);
    // The documents' values, and the same computed here from the string to sign.
    assert_eq!(md5_upper(DOC_STRING), "9A0A8659F005D6984697E2CA0A9CF3B7");
    assert_eq!(
        hmac_upper(DOC_KEY, DOC_STRING),
        "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6"
    );
    assert_eq!(
        sign(DOC_FIELDS.iter().copied(), &key, SignType::Md5),
        "9A0A8659F005D6984697E2CA0A9CF3B7"
    );
    assert_eq!(
        sign(DOC_FIELDS.iter().copied(), &key, SignType::HmacSha256),
        "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6"
    );
    // `sign` and empty values take no part; order does not matter.
    let mut more: Vec<(&str, &str)> = DOC_FIELDS.iter().rev().copied().collect();
    more.extend([("sign", "WHATEVER"), ("attach", "")]);
    assert_eq!(
        sign(more, &key, SignType::Md5),
        "9A0A8659F005D6984697E2CA0A9CF3B7"
    );
}

fn fields_of(request: &http::Request<Vec<u8>>) -> BTreeMap<String, String> {
    xml_fields(request.body()).expect("v2 XML")
}

fn order() -> UnifiedOrder {
    UnifiedOrder::jsapi(
        "shop-goods",
        "1217752501201407033233368018",
        888,
        "123.12.12.123",
        "https://shop.example.com/pay/notify",
        "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
    )
}

#[test]
fn signer_fills_ids_nonce_and_sign_md5() {
    let mut request = build_request(&Hosts::default(), &order()).unwrap();
    assert_eq!(
        request.uri(),
        "https://api.mch.weixin.qq.com/pay/unifiedorder"
    );
    assert_eq!(request.headers()["content-type"], "text/xml");
    signer(SignType::Md5)
        .sign_request(&mut request, "5K8264ILTKCH16CQ2502SI8ZNMTM67VS")
        .unwrap();
    let f = fields_of(&request);
    assert_eq!(f["appid"], APPID);
    assert_eq!(f["mch_id"], MCH);
    assert_eq!(f["nonce_str"], "5K8264ILTKCH16CQ2502SI8ZNMTM67VS");
    assert_eq!(f["total_fee"], "888");
    assert_eq!(f["trade_type"], "JSAPI");
    assert!(!f.contains_key("sign_type"));
    assert_eq!(f["sign"], md5_upper(&string_to_sign(&f, DOC_KEY)));
}

#[test]
fn signer_with_hmac_names_its_sign_type() {
    let mut request = build_request(
        &Hosts::default(),
        &OrderQuery::by_out_trade_no("1415757673"),
    )
    .unwrap();
    signer(SignType::HmacSha256)
        .sign_request(&mut request, "n1")
        .unwrap();
    let f = fields_of(&request);
    assert_eq!(f["sign_type"], "HMAC-SHA256");
    assert_eq!(f["out_trade_no"], "1415757673");
    assert_eq!(f["sign"], hmac_upper(DOC_KEY, &string_to_sign(&f, DOC_KEY)));
}

#[test]
fn red_packets_and_transfers_use_their_own_id_names_and_md5() {
    let pack = SendRedpack {
        mch_billno: "10000100201411170000046545".into(),
        send_name: "Shop".into(),
        re_openid: "onqOjjmM1tad-3ROpncN-yUfa6uI".into(),
        total_amount: 100,
        total_num: 1,
        wishing: "Thanks".into(),
        client_ip: "192.168.0.1".into(),
        act_name: "Sale".into(),
        remark: "Share".into(),
        ..SendRedpack::default()
    };
    let mut request = build_request(&Hosts::default(), &pack).unwrap();
    signer(SignType::HmacSha256)
        .sign_request(&mut request, "n2")
        .unwrap();
    let f = fields_of(&request);
    assert_eq!(f["wxappid"], APPID);
    assert_eq!(f["mch_id"], MCH);
    assert!(!f.contains_key("appid") && !f.contains_key("sign_type"));
    assert_eq!(f["sign"], md5_upper(&string_to_sign(&f, DOC_KEY)));

    let pay = Transfer::new(
        "100135742015",
        "oxTWIuGaIt6gTKsQRLau2M0yL16E",
        100,
        "refund",
    );
    let mut request = build_request(&Hosts::default(), &pay).unwrap();
    signer(SignType::Md5)
        .sign_request(&mut request, "n3")
        .unwrap();
    let f = fields_of(&request);
    assert_eq!((f["mch_appid"].as_str(), f["mchid"].as_str()), (APPID, MCH));
    assert_eq!(f["check_name"], "NO_CHECK");
    assert_eq!(f["sign"], md5_upper(&string_to_sign(&f, DOC_KEY)));
}

#[test]
fn a_request_for_another_merchant_is_refused() {
    let other = CloseOrder {
        mch_id: "1900000109".into(),
        ..CloseOrder::new("1415757673")
    };
    let mut request = build_request(&Hosts::default(), &other).unwrap();
    let err = signer(SignType::Md5)
        .sign_request(&mut request, "n")
        .unwrap_err();
    assert!(
        matches!(err, Error::Build(ref m) if m.contains("1900000109")),
        "{err}"
    );
}

#[test]
fn debug_redacts_the_key() {
    let s = signer(SignType::Md5);
    let shown = format!("{s:?} {:?}", s.clone().auth());
    assert!(!shown.contains(DOC_KEY), "{shown}");
    assert!(shown.contains(MCH));
}

#[test]
fn client_certificate_calls_are_marked() {
    assert!(!needs_client_certificate(UnifiedOrder::META));
    assert!(!needs_client_certificate(OrderQuery::META));
    assert!(!needs_client_certificate(CloseOrder::META));
    assert!(!needs_client_certificate(RefundQuery::META));
    assert!(needs_client_certificate(Refund::META));
    assert!(needs_client_certificate(SendRedpack::META));
    assert!(needs_client_certificate(Transfer::META));
}

const FIXTURES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/api.mch.weixin.qq.com"
);

#[test]
fn every_v2_fixture_parses_and_keeps_every_field() {
    let mut checked = 0;
    for entry in catalog::entries().filter(|e| e.meta.name.contains("::pay::v2::")) {
        assert_eq!(entry.meta.area, "pay");
        let xml = std::fs::read(format!("{FIXTURES}{}.xml", entry.meta.path))
            .unwrap_or_else(|_| panic!("{} has no fixture", entry.meta.name));
        let sent = xml_fields(&xml).unwrap();
        let typed =
            (entry.parse)(&ok(xml.clone())).unwrap_or_else(|e| panic!("{}: {e}", entry.meta.name));
        for (k, v) in &sent {
            let got = typed.get(k).map(|g| match g {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            });
            assert!(
                got.as_deref() == Some(v.as_str()) || (v.is_empty() && got.is_none()),
                "{}: {k} sent {v:?}, kept {got:?}",
                entry.meta.name
            );
        }
        // Written back as v2 XML, it reads the same.
        let again: Vec<(String, String)> = typed
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| {
                let text = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
                (k.clone(), text)
            })
            .collect();
        let xml = write_xml(again.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(
            (entry.parse)(&ok(xml)).unwrap(),
            typed,
            "{}",
            entry.meta.name
        );
        checked += 1;
    }
    assert_eq!(checked, 7);
}

#[test]
fn typed_answers_read_their_fields() {
    let read = |path: &str| std::fs::read(format!("{FIXTURES}{path}.xml")).unwrap();
    let prepay = UnifiedOrder::parse(&ok(read("/pay/unifiedorder"))).unwrap();
    assert_eq!(prepay.prepay_id, "wx201411101639507cbf6ffd8b0779950874");
    assert_eq!(prepay.extra["openid"], "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    let state = OrderQuery::parse(&ok(read("/pay/orderquery"))).unwrap();
    assert_eq!(
        (state.trade_state.as_str(), state.total_fee),
        ("SUCCESS", Some(1))
    );
    assert_eq!(state.attach.as_deref(), Some("订单额外描述"));
    let refunds = RefundQuery::parse(&ok(read("/pay/refundquery"))).unwrap();
    let list = refunds.refunds();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].refund_status, "PROCESSING");
    assert_eq!(list[0].refund_fee, 1);
    let accepted = Refund::parse(&ok(read("/secapi/pay/refund"))).unwrap();
    assert_eq!(accepted.refund_id, "2008450740201411110000174436");
    let pack = SendRedpack::parse(&ok(read("/mmpaymkttransfers/sendredpack"))).unwrap();
    assert_eq!(pack.total_amount, 1);
    let paid = Transfer::parse(&ok(read("/mmpaymkttransfers/promotion/transfers"))).unwrap();
    assert_eq!(paid.payment_time, "2015-05-19 15:26:59");
}

#[test]
fn requests_read_from_json_through_the_catalog() {
    let entry = catalog::find("/secapi/pay/refund").unwrap();
    let request = (entry.build)(
        &Hosts::default(),
        serde_json::json!({"out_trade_no":"1415757673","out_refund_no":"1415701182","total_fee":1,"refund_fee":1}),
        None,
    )
    .unwrap();
    let f = fields_of(&request);
    assert_eq!(f["out_refund_no"], "1415701182");
    assert_eq!(f["refund_fee"], "1");
    assert!(!f.contains_key("appid"), "the signer fills it");
}

/// WeChat Pay v2 on a fake host: it checks each request's `sign` with the merchant's key and
/// answers signed XML (or tampered, or signed with another key, when told to).
struct FakePay {
    key: Secret,
    answer_key: Secret,
    tamper: bool,
    seen: Mutex<Vec<BTreeMap<String, String>>>,
}

impl FakePay {
    fn answer(&self, request: &http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
        let f = xml_fields(request.body()).unwrap();
        let sign_type = match f.get("sign_type").map(String::as_str) {
            Some("HMAC-SHA256") => SignType::HmacSha256,
            _ => SignType::Md5,
        };
        let expected = sign(
            f.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            &self.key,
            sign_type,
        );
        self.seen.lock().unwrap().push(f.clone());
        if f.get("sign") != Some(&expected) {
            return ok(
                "<xml><return_code>FAIL</return_code><return_msg>签名错误</return_msg></xml>",
            );
        }
        let mut answer = vec![
            ("return_code", "SUCCESS".to_owned()),
            ("return_msg", "OK".to_owned()),
            ("appid", f["appid"].clone()),
            ("mch_id", f["mch_id"].clone()),
            ("nonce_str", "IITRi8Iabbblz1Jc".to_owned()),
            ("result_code", "SUCCESS".to_owned()),
            ("trade_state", "NOTPAY".to_owned()),
            ("out_trade_no", f["out_trade_no"].clone()),
        ];
        let signature = sign(
            answer.iter().map(|(k, v)| (*k, v.as_str())),
            &self.answer_key,
            sign_type,
        );
        answer.push(("sign", signature));
        if self.tamper {
            answer[6].1 = "SUCCESS".into();
        }
        ok(write_xml(answer.iter().map(|(k, v)| (*k, v.as_str()))))
    }
}

#[derive(Clone)]
struct PayHttp(Arc<FakePay>);

impl HttpClient for PayHttp {
    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> wechat_core::Result<http::Response<Vec<u8>>> {
        Ok(self.0.answer(&request))
    }
}

fn pay(
    sign_type: SignType,
    answer_key: &str,
    tamper: bool,
) -> (Client<PayHttp, MemoryStore, FixedRuntime>, Arc<FakePay>) {
    let fake = Arc::new(FakePay {
        key: Secret::new(DOC_KEY),
        answer_key: Secret::new(answer_key),
        tamper,
        seen: Mutex::default(),
    });
    let client = Client::new(
        signer(sign_type).auth(),
        PayHttp(fake.clone()),
        MemoryStore::new(|| T0),
        FixedRuntime::default(),
    );
    (client, fake)
}

#[test]
fn the_driver_signs_and_verifies_md5_and_hmac() {
    for sign_type in [SignType::Md5, SignType::HmacSha256] {
        let (client, fake) = pay(sign_type, DOC_KEY, false);
        let state = block_on(client.call(&OrderQuery::by_out_trade_no("1415757673"))).unwrap();
        assert_eq!(state.trade_state, "NOTPAY");
        assert_eq!(state.out_trade_no, "1415757673");
        let seen = fake.seen.lock().unwrap();
        assert_eq!(seen[0]["nonce_str"].len(), 32, "the runtime's nonce");
    }
}

#[test]
fn tampered_or_foreign_answers_stop_the_call() {
    for sign_type in [SignType::Md5, SignType::HmacSha256] {
        let (client, _) = pay(sign_type, DOC_KEY, true);
        let err = block_on(client.call(&OrderQuery::by_out_trade_no("1"))).unwrap_err();
        assert!(matches!(err, Error::Signature(_)), "{err:?}");
        let (client, _) = pay(sign_type, "another key", false);
        let err = block_on(client.call(&OrderQuery::by_out_trade_no("1"))).unwrap_err();
        assert!(matches!(err, Error::Signature(_)), "{err:?}");
        assert!(!err.to_string().contains(DOC_KEY));
    }
    // An answer without its sign is refused too.
    let s = signer(SignType::Md5);
    let unsigned = ok(
        "<xml><return_code>SUCCESS</return_code><result_code>SUCCESS</result_code><trade_state>SUCCESS</trade_state></xml>",
    );
    assert!(matches!(
        s.verify_answer(OrderQuery::META, &unsigned),
        Err(Error::Signature(_))
    ));
    // A FAIL answer carries no sign: the envelope says what went wrong.
    let fail = ok("<xml><return_code>FAIL</return_code><return_msg>签名错误</return_msg></xml>");
    assert!(s.verify_answer(OrderQuery::META, &fail).is_ok());
    assert_eq!(
        OrderQuery::parse(&fail).unwrap_err().code(),
        Some(ErrCode::Text("FAIL".into()))
    );
    // Red packet and transfer answers carry none.
    assert!(s.verify_answer(SendRedpack::META, &unsigned).is_ok());
}

#[test]
fn jsapi_and_app_parameters_are_signed_for_the_sdks() {
    for sign_type in [SignType::Md5, SignType::HmacSha256] {
        let s = signer(sign_type);
        let js = s.jsapi_params(
            "wx201410272009395522657a690389285100",
            1414561699,
            "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
        );
        let json = serde_json::to_value(&js).unwrap();
        let expected_string = format!(
            "appId={APPID}&nonceStr=5K8264ILTKCH16CQ2502SI8ZNMTM67VS&package=prepay_id=wx201410272009395522657a690389285100&signType={}&timeStamp=1414561699&key={DOC_KEY}",
            sign_type.as_str()
        );
        let expected = match sign_type {
            SignType::Md5 => md5_upper(&expected_string),
            SignType::HmacSha256 => hmac_upper(DOC_KEY, &expected_string),
        };
        assert_eq!(json["paySign"], expected);
        assert_eq!(json["timeStamp"], "1414561699");
        assert_eq!(json["signType"], sign_type.as_str());

        let app = s.app_params("wx20", 1414561699, "noncE");
        let expected_string = format!(
            "appid={APPID}&noncestr=noncE&package=Sign=WXPay&partnerid={MCH}&prepayid=wx20&timestamp=1414561699&key={DOC_KEY}"
        );
        let expected = match sign_type {
            SignType::Md5 => md5_upper(&expected_string),
            SignType::HmacSha256 => hmac_upper(DOC_KEY, &expected_string),
        };
        assert_eq!(app.sign, expected);
    }
}

/// The documents' payment notification (`chapter=9_7`), re-signed with `key`.
fn payment_notification(key: &str, sign_type: SignType) -> Vec<u8> {
    let mut fields: Vec<(&str, &str)> = vec![
        ("appid", "wx2421b1c4370ec43b"),
        ("attach", "支付测试"),
        ("bank_type", "CFT"),
        ("fee_type", "CNY"),
        ("is_subscribe", "Y"),
        ("mch_id", MCH),
        ("nonce_str", "5d2b6c2a8db53831f7eda20af46e531c"),
        ("openid", "oUpF8uMEb4qRXf22hE3X68TekukE"),
        ("out_trade_no", "1409811653"),
        ("result_code", "SUCCESS"),
        ("return_code", "SUCCESS"),
        ("time_end", "20140903131540"),
        ("total_fee", "1"),
        ("coupon_fee", "10"),
        ("coupon_count", "1"),
        ("coupon_type", "CASH"),
        ("coupon_id", "10000"),
        ("trade_type", "JSAPI"),
        ("transaction_id", "1004400740201409030005092168"),
    ];
    if sign_type == SignType::HmacSha256 {
        fields.push(("sign_type", "HMAC-SHA256"));
    }
    let signature = sign(fields.iter().copied(), &Secret::new(key), sign_type);
    fields.push(("sign", &signature));
    write_xml(fields)
}

#[test]
fn payment_notifications_are_verified_before_they_are_read() {
    let s = signer(SignType::Md5);
    for sign_type in [SignType::Md5, SignType::HmacSha256] {
        let n = s
            .payment_notification(&payment_notification(DOC_KEY, sign_type))
            .unwrap();
        assert_eq!(n.transaction_id, "1004400740201409030005092168");
        assert_eq!((n.total_fee, n.coupon_fee), (1, Some(10)));
        assert_eq!(n.extra["coupon_id"], "10000");
    }
    let good = String::from_utf8(payment_notification(DOC_KEY, SignType::Md5)).unwrap();
    let tampered = good.replace("<total_fee>1</total_fee>", "<total_fee>100</total_fee>");
    let err = s.payment_notification(tampered.as_bytes()).unwrap_err();
    assert!(
        matches!(err, Error::Signature(ref m) if m.contains("does not match")),
        "{err}"
    );
    let foreign = payment_notification("another key", SignType::Md5);
    assert!(matches!(
        s.payment_notification(&foreign),
        Err(Error::Signature(_))
    ));
    let unsigned = good
        .replace("<sign>", "<signed>")
        .replace("</sign>", "</signed>");
    let err = s.payment_notification(unsigned.as_bytes()).unwrap_err();
    assert!(
        matches!(err, Error::Signature(ref m) if m.contains("no sign")),
        "{err}"
    );
    let other_merchant = PayV2Signer::new("1900000109", APPID, Secret::new(DOC_KEY));
    let err = other_merchant
        .payment_notification(good.as_bytes())
        .unwrap_err();
    assert!(
        matches!(err, Error::Signature(ref m) if m.contains("1900000109")),
        "{err}"
    );
}

/// A refund notification (`chapter=9_16`) whose `req_info` is encrypted with `key`.
fn refund_notification(key: &str) -> Vec<u8> {
    let info = write_xml([
        ("out_refund_no", "131811191610442717309"),
        ("out_trade_no", "71106718111915575302817"),
        ("refund_account", "REFUND_SOURCE_RECHARGE_FUNDS"),
        ("refund_fee", "3960"),
        ("refund_id", "50000408942018111907145868882"),
        ("refund_recv_accout", "支付用户零钱"),
        ("refund_request_source", "API"),
        ("refund_status", "SUCCESS"),
        ("settlement_refund_fee", "3960"),
        ("settlement_total_fee", "3960"),
        ("success_time", "2018-11-19 16:24:13"),
        ("total_fee", "3960"),
        ("transaction_id", "4200000215201811190261405420"),
    ]);
    let info = String::from_utf8(info)
        .unwrap()
        .replace("<xml>", "<root>")
        .replace("</xml>", "</root>");
    let req_info = encrypt_req_info(&Secret::new(key), info.as_bytes());
    write_xml([
        ("return_code", "SUCCESS"),
        ("appid", APPID),
        ("mch_id", MCH),
        ("nonce_str", "0b8e7b7e2ab2d41c4e6c8f2ab0c4a6f1"),
        ("req_info", &req_info),
    ])
}

#[test]
fn refund_notifications_are_decrypted_or_refused() {
    let s = signer(SignType::HmacSha256);
    let n = s
        .refund_notification(&refund_notification(DOC_KEY))
        .unwrap();
    assert_eq!(n.req_info.refund_status, "SUCCESS");
    assert_eq!(n.req_info.refund_fee, 3960);
    assert_eq!(
        n.req_info.refund_recv_accout.as_deref(),
        Some("支付用户零钱")
    );
    assert_eq!(n.mch_id, MCH);
    let err = s
        .refund_notification(&refund_notification("another key"))
        .unwrap_err();
    assert!(
        matches!(err, Error::Signature(ref m) if m.contains("does not decrypt")),
        "{err}"
    );
    let broken = String::from_utf8(refund_notification(DOC_KEY))
        .unwrap()
        .replace("<req_info>", "<req_info>!!");
    assert!(matches!(
        s.refund_notification(broken.as_bytes()),
        Err(Error::Decode { .. })
    ));
}

#[test]
fn notification_replies_are_what_wechat_pay_reads() {
    let ok_reply = NotifyReply::Success.to_response();
    assert_eq!(ok_reply.status(), 200);
    assert_eq!(
        ok_reply.body(),
        b"<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>"
    );
    let fail = NotifyReply::Fail("sign mismatch".into()).to_xml();
    let f = xml_fields(fail.as_bytes()).unwrap();
    assert_eq!(
        (f["return_code"].as_str(), f["return_msg"].as_str()),
        ("FAIL", "sign mismatch")
    );
}
