//! WeChat Pay v3 endpoints: the built requests (method, URL, query, JSON body, read back from
//! their JSON by the catalog) and the documents' example answers.

use crate::common::*;

use serde_json::{Value, json};
use sha1::{Digest, Sha1};
use wechat_core::api::pay::v3::bills::*;
use wechat_core::api::pay::v3::certificates::*;
use wechat_core::api::pay::v3::refunds::*;
use wechat_core::api::pay::v3::transactions::*;
use wechat_core::endpoint::{AuthScheme, Endpoint, Envelope, build_request};
use wechat_core::{ErrCode, Error, Hosts};

const PAY: &str = "https://api.mch.weixin.qq.com";

fn url(path: &str) -> String {
    format!("{PAY}{path}")
}

/// The request, signed by nobody yet: v3 signs after building.
fn built<E: Endpoint>(endpoint: &E) -> http::Request<Vec<u8>> {
    let request = build_request(&Hosts::default(), endpoint).expect("the request builds");
    assert_eq!(E::META.auth, AuthScheme::PayV3Signature, "{}", E::META.name);
    assert_eq!(E::META.area, "pay", "{}", E::META.name);
    assert!(
        E::META
            .doc
            .starts_with("https://pay.weixin.qq.com/docs/merchant/apis/"),
        "{}",
        E::META.doc
    );
    request
}

/// The catalog reads `data` (the request as JSON, path parameters included) into the same
/// request as the typed value.
fn reads_back<E: Endpoint>(typed: &http::Request<Vec<u8>>, data: Value) {
    let entry = wechat_core::catalog::entries()
        .find(|e| e.meta == E::META)
        .unwrap_or_else(|| panic!("{} is not in the catalog", E::META.name));
    let read = (entry.build)(&Hosts::default(), data, None)
        .unwrap_or_else(|e| panic!("{} does not read its JSON: {e}", E::META.name));
    assert_eq!(read.uri(), typed.uri(), "{}", E::META.name);
    assert_eq!(read.body(), typed.body(), "{}", E::META.name);
}

fn post_json<E: Endpoint>(endpoint: &E, path: &str, body: Value) -> http::Request<Vec<u8>> {
    let request = built(endpoint);
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(request.uri().to_string(), url(path));
    assert_eq!(request.headers()["content-type"], "application/json");
    let sent: Value = serde_json::from_slice(request.body()).expect("a JSON body");
    assert_eq!(sent, body);
    request
}

fn get<E: Endpoint>(endpoint: &E, path_and_query: &str) -> http::Request<Vec<u8>> {
    let request = built(endpoint);
    assert_eq!(request.method(), http::Method::GET);
    assert_eq!(request.uri().to_string(), url(path_and_query));
    assert!(request.body().is_empty());
    request
}

fn order() -> PrepayOrder {
    let mut order = PrepayOrder::new(
        "wxd678efh567hg6787",
        "1230000109",
        "Image形象店-深圳腾大-QQ公仔",
        "1217752501201407033233368018",
        "https://www.weixin.qq.com/wxpay/pay.php",
        100,
    );
    order.time_expire = Some("2018-06-08T10:34:56+08:00".into());
    order.attach = Some("自定义数据说明".into());
    order.goods_tag = Some("WXG".into());
    order.detail = Some(Detail {
        cost_price: Some(608800),
        invoice_id: Some("微信123".into()),
        goods_detail: vec![GoodsDetail {
            merchant_goods_id: "1246464644".into(),
            wechatpay_goods_id: Some("1001".into()),
            goods_name: Some("iPhoneX 256G".into()),
            quantity: 1,
            unit_price: 528800,
        }],
    });
    order.settle_info = Some(SettleInfo {
        profit_sharing: Some(false),
    });
    order
}

/// The documented JSAPI request body.
fn order_json() -> Value {
    json!({
        "appid": "wxd678efh567hg6787",
        "mchid": "1230000109",
        "description": "Image形象店-深圳腾大-QQ公仔",
        "out_trade_no": "1217752501201407033233368018",
        "time_expire": "2018-06-08T10:34:56+08:00",
        "attach": "自定义数据说明",
        "notify_url": "https://www.weixin.qq.com/wxpay/pay.php",
        "goods_tag": "WXG",
        "amount": {"total": 100, "currency": "CNY"},
        "detail": {
            "cost_price": 608800,
            "invoice_id": "微信123",
            "goods_detail": [{
                "merchant_goods_id": "1246464644",
                "wechatpay_goods_id": "1001",
                "goods_name": "iPhoneX 256G",
                "quantity": 1,
                "unit_price": 528800
            }]
        },
        "settle_info": {"profit_sharing": false}
    })
}

#[test]
fn jsapi_prepay() {
    let request = JsapiPrepay {
        order: order(),
        payer: Payer {
            openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o".into(),
        },
    };
    let mut body = order_json();
    body["payer"] = json!({"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"});
    let sent = post_json(&request, "/v3/pay/transactions/jsapi", body.clone());
    reads_back::<JsapiPrepay>(&sent, body);
    assert_eq!(
        JsapiPrepay::META.repeat,
        wechat_core::endpoint::Repeat::Never
    );
    let answer = parse::<JsapiPrepay>(fixture!("api.mch.weixin.qq.com/v3/pay/transactions/jsapi"));
    assert_eq!(answer.prepay_id, "wx26112221580621e9b071c00d9e093b0000");
}

#[test]
fn app_and_native_prepay() {
    let app = AppPrepay { order: order() };
    let sent = post_json(&app, "/v3/pay/transactions/app", order_json());
    reads_back::<AppPrepay>(&sent, order_json());
    let answer = parse::<AppPrepay>(fixture!("api.mch.weixin.qq.com/v3/pay/transactions/app"));
    assert_eq!(answer.prepay_id, "wx201410272009395522657a690389285100");

    let native = NativePrepay { order: order() };
    let sent = post_json(&native, "/v3/pay/transactions/native", order_json());
    reads_back::<NativePrepay>(&sent, order_json());
    let answer =
        parse::<NativePrepay>(fixture!("api.mch.weixin.qq.com/v3/pay/transactions/native"));
    assert_eq!(answer.code_url, "weixin://wxpay/bizpayurl?pr=p4lpSuKzz");
}

#[test]
fn h5_prepay_needs_its_scene() {
    let mut order = order();
    let bare = H5Prepay {
        order: order.clone(),
    };
    let err = build_request(&Hosts::default(), &bare).unwrap_err();
    assert!(matches!(err, Error::Build(_)), "{err:?}");
    assert!(err.to_string().contains("h5_info"), "{err}");

    order.scene_info = Some(SceneInfo {
        payer_client_ip: Some("14.23.150.211".into()),
        device_id: Some("013467007045764".into()),
        store_info: None,
        h5_info: Some(H5Info {
            kind: "iOS".into(),
            app_name: Some("王者荣耀".into()),
            app_url: Some("https://pay.qq.com".into()),
            bundle_id: Some("com.tencent.wzryiOS".into()),
            package_name: None,
        }),
    });
    let mut body = order_json();
    body["scene_info"] = json!({
        "payer_client_ip": "14.23.150.211",
        "device_id": "013467007045764",
        "h5_info": {
            "type": "iOS",
            "app_name": "王者荣耀",
            "app_url": "https://pay.qq.com",
            "bundle_id": "com.tencent.wzryiOS"
        }
    });
    let h5 = H5Prepay { order };
    let sent = post_json(&h5, "/v3/pay/transactions/h5", body.clone());
    reads_back::<H5Prepay>(&sent, body);
    let answer = parse::<H5Prepay>(fixture!("api.mch.weixin.qq.com/v3/pay/transactions/h5"));
    assert!(answer.h5_url.starts_with("https://wx.tenpay.com/"));
}

#[test]
fn query_by_transaction_id() {
    let q = QueryByTransactionId {
        transaction_id: "1217752501201407033233368018".into(),
        mchid: "1230000109".into(),
    };
    let sent = get(
        &q,
        "/v3/pay/transactions/id/1217752501201407033233368018?mchid=1230000109",
    );
    reads_back::<QueryByTransactionId>(
        &sent,
        json!({"transaction_id": "1217752501201407033233368018", "mchid": "1230000109"}),
    );
    let order = parse::<QueryByTransactionId>(fixture!(
        "api.mch.weixin.qq.com/v3/pay/transactions/id/{transaction_id}"
    ));
    assert_eq!(order.trade_state, "SUCCESS");
    assert_eq!(order.payer.unwrap().openid, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
    let amount = order.amount.unwrap();
    assert_eq!((amount.total, amount.payer_total), (100, Some(90)));
    let promotion = &order.promotion_detail[0];
    assert_eq!((promotion.kind.as_str(), promotion.amount), ("CASH", 10));
    assert_eq!(promotion.goods_detail[0].discount_amount, 10);
}

#[test]
fn query_by_out_trade_no() {
    let q = QueryByOutTradeNo {
        out_trade_no: "44_2126281063_5504".into(),
        mchid: "1900006XXX".into(),
    };
    get(
        &q,
        "/v3/pay/transactions/out-trade-no/44_2126281063_5504?mchid=1900006XXX",
    );
    let order = parse::<QueryByOutTradeNo>(fixture!(
        "api.mch.weixin.qq.com/v3/pay/transactions/out-trade-no/{out_trade_no}"
    ));
    assert_eq!(order.transaction_id, "4200000891202103228088184743");
    assert_eq!(order.trade_type, "JSAPI");
    // An unpaid order: no transaction id, no payer, nothing invented when written back.
    let unpaid = parse::<QueryByOutTradeNo>(
        r#"{"appid":"wx1","mchid":"1230000109","out_trade_no":"N1","trade_state":"NOTPAY","trade_state_desc":"订单未支付","amount":{"total":1,"currency":"CNY"}}"#,
    );
    assert_eq!(unpaid.trade_state, "NOTPAY");
    let written = serde_json::to_value(&unpaid).unwrap();
    assert!(written.get("transaction_id").is_none(), "{written}");
    assert!(written.get("payer").is_none(), "{written}");
    // Path parameters are escaped; an empty one is refused before anything is sent.
    let odd = QueryByOutTradeNo {
        out_trade_no: "a/b c".into(),
        mchid: "1".into(),
    };
    assert_eq!(
        built(&odd).uri().path(),
        "/v3/pay/transactions/out-trade-no/a%2Fb%20c"
    );
    let empty = QueryByOutTradeNo {
        out_trade_no: String::new(),
        mchid: "1".into(),
    };
    assert!(build_request(&Hosts::default(), &empty).is_err());
}

#[test]
fn close_order_answers_nothing() {
    let close = CloseOrder {
        out_trade_no: "1217752501201407033233368018".into(),
        mchid: "1230000109".into(),
    };
    let sent = post_json(
        &close,
        "/v3/pay/transactions/out-trade-no/1217752501201407033233368018/close",
        json!({"mchid": "1230000109"}),
    );
    reads_back::<CloseOrder>(
        &sent,
        json!({"out_trade_no": "1217752501201407033233368018", "mchid": "1230000109"}),
    );
    let no_content = http::Response::builder()
        .status(204)
        .body(Vec::new())
        .unwrap();
    assert!(CloseOrder::parse(&no_content).unwrap().extra.is_empty());
    let paid = http::Response::builder()
        .status(400)
        .body(br#"{"code":"ORDERPAID","message":"order paid"}"#.to_vec())
        .unwrap();
    assert_eq!(
        CloseOrder::parse(&paid).unwrap_err().code(),
        Some(ErrCode::Text("ORDERPAID".into()))
    );
}

#[test]
fn create_refund() {
    let mut refund = CreateRefund::by_out_trade_no(
        "1217752501201407033233368018",
        "1217752501201407033233368018",
        888,
        888,
    );
    refund.reason = Some("商品已售完".into());
    refund.notify_url = Some("https://weixin.qq.com".into());
    refund.funds_account = Some("AVAILABLE".into());
    refund.amount.from = vec![FundsFrom {
        account: "AVAILABLE".into(),
        amount: 444,
        extra: Default::default(),
    }];
    refund.goods_detail = vec![RefundGoods {
        merchant_goods_id: "1217752501201407033233368018".into(),
        wechatpay_goods_id: Some("1001".into()),
        goods_name: Some("iPhone6s 16G".into()),
        unit_price: 528800,
        refund_amount: 528800,
        refund_quantity: 1,
    }];
    let body = json!({
        "out_trade_no": "1217752501201407033233368018",
        "out_refund_no": "1217752501201407033233368018",
        "reason": "商品已售完",
        "notify_url": "https://weixin.qq.com",
        "funds_account": "AVAILABLE",
        "amount": {
            "refund": 888,
            "from": [{"account": "AVAILABLE", "amount": 444}],
            "total": 888,
            "currency": "CNY"
        },
        "goods_detail": [{
            "merchant_goods_id": "1217752501201407033233368018",
            "wechatpay_goods_id": "1001",
            "goods_name": "iPhone6s 16G",
            "unit_price": 528800,
            "refund_amount": 528800,
            "refund_quantity": 1
        }]
    });
    let sent = post_json(&refund, "/v3/refund/domestic/refunds", body.clone());
    reads_back::<CreateRefund>(&sent, body);

    let answer =
        parse::<CreateRefund>(fixture!("api.mch.weixin.qq.com/v3/refund/domestic/refunds"));
    assert_eq!(answer.status, "SUCCESS");
    let amount = answer.amount.unwrap();
    assert_eq!(
        (amount.refund, amount.payer_refund, amount.from[0].amount),
        (100, 90, 444)
    );
    assert_eq!(
        answer.promotion_detail[0].goods_detail[0].unit_price,
        528800
    );

    // The order is named once.
    let mut both = refund.clone();
    both.transaction_id = Some("4200000891202103228088184743".into());
    let err = build_request(&Hosts::default(), &both).unwrap_err();
    assert!(err.to_string().contains("not both"), "{err}");
    let mut neither = refund;
    neither.out_trade_no = None;
    assert!(matches!(
        build_request(&Hosts::default(), &neither),
        Err(Error::Build(_))
    ));
}

#[test]
fn query_refund() {
    let q = QueryRefund {
        out_refund_no: "1217752501201407033233368018".into(),
    };
    let sent = get(
        &q,
        "/v3/refund/domestic/refunds/1217752501201407033233368018",
    );
    reads_back::<QueryRefund>(
        &sent,
        json!({"out_refund_no": "1217752501201407033233368018"}),
    );
    let answer = parse::<QueryRefund>(fixture!(
        "api.mch.weixin.qq.com/v3/refund/domestic/refunds/{out_refund_no}"
    ));
    assert_eq!(answer.refund_id, "50000000382019052709732678859");
    assert_eq!(answer.channel, "ORIGINAL");
    let missing = http::Response::builder()
        .status(404)
        .body(
            r#"{"code":"RESOURCE_NOT_EXISTS","message":"退款单不存在"}"#
                .as_bytes()
                .to_vec(),
        )
        .unwrap();
    assert_eq!(
        QueryRefund::parse(&missing).unwrap_err().code(),
        Some(ErrCode::Text("RESOURCE_NOT_EXISTS".into()))
    );
}

#[test]
fn bills_and_their_download() {
    let mut trade = TradeBill::new("2019-06-11");
    trade.bill_type = Some("ALL".into());
    trade.tar_type = Some("GZIP".into());
    let sent = get(
        &trade,
        "/v3/bill/tradebill?bill_date=2019-06-11&bill_type=ALL&tar_type=GZIP",
    );
    reads_back::<TradeBill>(
        &sent,
        json!({"bill_date": "2019-06-11", "bill_type": "ALL", "tar_type": "GZIP"}),
    );
    let mut fund = FundFlowBill::new("2019-06-11");
    fund.account_type = Some("BASIC".into());
    get(
        &fund,
        "/v3/bill/fundflowbill?bill_date=2019-06-11&account_type=BASIC",
    );
    let answer = parse::<FundFlowBill>(fixture!("api.mch.weixin.qq.com/v3/bill/fundflowbill"));
    assert_eq!(answer.hash_type, "SHA1");

    let bill = parse::<TradeBill>(fixture!("api.mch.weixin.qq.com/v3/bill/tradebill"));
    let download = bill.download();
    let sent = get(
        &download,
        "/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kwvyKLG2uY2wMMR8cNXqaA_Cv_isgaUtBzp4QtiozLO",
    );
    reads_back::<DownloadBill>(&sent, json!({"download_url": bill.download_url}));
    assert_eq!(DownloadBill::META.envelope, Envelope::Binary);
    // The client's Pay host serves the download, whatever host the URL names.
    let proxied = build_request(
        &Hosts::default()
            .with(wechat_core::Host::Pay, "http://127.0.0.1:9")
            .unwrap(),
        &download,
    )
    .unwrap();
    assert!(
        proxied
            .uri()
            .to_string()
            .starts_with("http://127.0.0.1:9/v3/billdownload/file?token=")
    );
    let elsewhere = DownloadBill {
        download_url: "https://api.mch.weixin.qq.com/v3/other?token=x".into(),
    };
    let err = build_request(&Hosts::default(), &elsewhere).unwrap_err();
    assert!(err.to_string().contains("/v3/billdownload/file"), "{err}");

    // The file, and its hash.
    let file = "交易时间,公众账号ID,商户号\n`2019-06-11 10:00:00,`wx1,`1230000109\n".as_bytes();
    let answer = http::Response::builder()
        .status(200)
        .header("content-type", "application/octet-stream")
        .body(file.to_vec())
        .unwrap();
    let bytes = DownloadBill::parse(&answer).unwrap().bytes;
    let good = BillUrl {
        hash_type: "SHA1".into(),
        hash_value: hex::encode(Sha1::digest(file)).to_ascii_uppercase(),
        ..bill.clone()
    };
    good.verify(&bytes).unwrap();
    let err = good.verify(&bytes[1..]).unwrap_err();
    assert!(matches!(err, Error::Signature(_)), "{err:?}");
    assert!(
        err.to_string()
            .contains(&good.hash_value.to_ascii_lowercase()),
        "{err}"
    );
    assert!(verify_bill(file, "MD5", &good.hash_value).is_err());
    assert!(verify_bill(file, "SHA1", "not hex").is_err());
    // An error answered as JSON is an error, not a file.
    let denied = http::Response::builder()
        .status(403)
        .body(br#"{"code":"NO_AUTH","message":"no"}"#.to_vec())
        .unwrap();
    assert!(DownloadBill::parse(&denied).is_err());
}

#[test]
fn certificates() {
    let sent = get(&GetCertificates {}, "/v3/certificates");
    reads_back::<GetCertificates>(&sent, json!({}));
    let list = parse::<GetCertificates>(fixture!("api.mch.weixin.qq.com/v3/certificates"));
    assert_eq!(list.data.len(), 2);
    let first = &list.data[0];
    assert_eq!(first.serial_no, "5157F09EFDC096DE15EBE81A47057A7232F1B8E1");
    assert_eq!(first.expire_time, "2018-12-08T10:34:56+08:00");
    let enc = &first.encrypt_certificate;
    assert_eq!(
        (
            enc.algorithm.as_str(),
            enc.nonce.as_str(),
            enc.associated_data.as_str()
        ),
        ("AEAD_AES_256_GCM", "61f9c719728a", "certificate")
    );
}
