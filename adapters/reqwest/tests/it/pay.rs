//! WeChat Pay end to end against the emulator. v3: a JSAPI order signed with the merchant's
//! RSA key, the signed and encrypted payment notification verified and decrypted by the shop, a
//! refund and its notification, platform certificates downloaded, decrypted and trusted.
//!
//! v2: an order is placed and queried, the emulator
//! pays it and posts the signed payment notification to the merchant's server, which verifies it;
//! the order is refunded (with the merchant's client certificate) and the refund notification is
//! decrypted. MD5 and HMAC-SHA256 merchants both. v2 runs over the emulator's HTTPS listener,
//! which checks the merchant's client certificate on refunds, red packets and transfers.

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::routing::post;
use wechat_core::api::pay::v2::{
    CloseOrder, NotifyReply, OrderQuery, PayV2Signer, Refund, RefundQuery, SendRedpack, SignType,
    Transfer, UnifiedOrder,
};
use wechat_core::{Error, Secret};
use wechat_emulator::{Emulator, pay_v2::demo};

const APPID: &str = "wx2421b1c4370ec43b";
const CERT: &[u8] = include_bytes!("../data/merchant_cert.pem");
const KEY: &[u8] = include_bytes!("../data/merchant_key.pem");

/// What the merchant's server saw: verified notifications, as text.
#[derive(Clone)]
struct Shop {
    merchant: PayV2Signer,
    seen: Arc<Mutex<Vec<String>>>,
}

async fn pay_notify(State(shop): State<Shop>, body: Bytes) -> axum::response::Response {
    let reply = match shop.merchant.payment_notification(&body) {
        Ok(n) => {
            shop.seen.lock().unwrap().push(format!(
                "paid {} {} {}",
                n.out_trade_no, n.total_fee, n.transaction_id
            ));
            NotifyReply::Success
        }
        Err(e) => NotifyReply::Fail(e.to_string()),
    };
    reply.to_response().map(Body::from)
}

async fn refund_notify(State(shop): State<Shop>, body: Bytes) -> axum::response::Response {
    let reply = match shop.merchant.refund_notification(&body) {
        Ok(n) => {
            shop.seen.lock().unwrap().push(format!(
                "refunded {} {} {}",
                n.req_info.out_refund_no, n.req_info.refund_fee, n.req_info.refund_status
            ));
            NotifyReply::Success
        }
        Err(e) => NotifyReply::Fail(e.to_string()),
    };
    reply.to_response().map(Body::from)
}

async fn start_shop(merchant: PayV2Signer) -> (String, Arc<Mutex<Vec<String>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let app = Router::new()
        .route("/pay/notify", post(pay_notify))
        .route("/refund/notify", post(refund_notify))
        .with_state(Shop {
            merchant,
            seen: seen.clone(),
        });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}"), seen)
}

/// A v2 client of the emulator's HTTPS listener, with the client certificate of `mch_id` when
/// given.
fn https_client(
    emu: &wechat_emulator::EmulatorHandle,
    merchant: &PayV2Signer,
    certificate_of: Option<&str>,
) -> wechat_reqwest::Client {
    let trust = wechat_reqwest::HttpOptions::default()
        .trust_only_roots_pem(emu.https_root_pem().unwrap().as_bytes())
        .unwrap();
    let mut builder = wechat_reqwest::merchant(merchant.clone().auth())
        .api_base(emu.https_base_url().unwrap())
        .http_options(trust);
    if let Some(mch_id) = certificate_of {
        let certificate = emu.pay_client_certificate(mch_id).unwrap();
        builder = builder
            .client_certificate_pem(
                certificate.cert_pem.as_bytes(),
                certificate.key_pem.as_bytes(),
            )
            .unwrap();
    }
    builder.build().unwrap()
}

async fn order_pay_refund(sign_type: SignType) {
    let emu = Emulator::builder().https().start().await.unwrap();
    let merchant =
        PayV2Signer::new(demo::MCH_ID, APPID, Secret::new(demo::API_KEY)).with_sign_type(sign_type);
    let (shop, seen) = start_shop(merchant.clone()).await;
    let client = https_client(&emu, &merchant, Some(demo::MCH_ID));

    let out_trade_no = format!("order-{}", sign_type.as_str());
    let order = UnifiedOrder::jsapi(
        "shop-goods",
        &out_trade_no,
        888,
        "127.0.0.1",
        format!("{shop}/pay/notify"),
        "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
    );
    let prepay = client.call(&order).await.unwrap();
    assert!(!prepay.prepay_id.is_empty());
    assert_eq!(prepay.mch_id, demo::MCH_ID);
    let js = merchant.jsapi_params(&prepay.prepay_id, wechat_reqwest::now_ms() / 1000, "n0nce");
    assert_eq!(js.package, format!("prepay_id={}", prepay.prepay_id));

    let state = client
        .call(&OrderQuery::by_out_trade_no(&out_trade_no))
        .await
        .unwrap();
    assert_eq!(state.trade_state, "NOTPAY");

    // The payer pays: the emulator posts the signed notification to the shop.
    let notify = emu.pay_v2_pay(demo::MCH_ID, &out_trade_no).unwrap();
    assert_eq!(notify.url, format!("{shop}/pay/notify"));
    let answer = emu.notify(&notify).await.unwrap();
    assert_eq!(answer.status, 200);
    assert!(
        answer.text().contains("<![CDATA[SUCCESS]]>"),
        "{}",
        answer.text()
    );
    let state = client
        .call(&OrderQuery::by_out_trade_no(&out_trade_no))
        .await
        .unwrap();
    assert_eq!(state.trade_state, "SUCCESS");
    let transaction_id = state.transaction_id.clone().unwrap();
    assert_eq!(
        seen.lock().unwrap()[0],
        format!("paid {out_trade_no} 888 {transaction_id}")
    );
    // A tampered notification is refused by the shop, with the reason.
    let forged = wechat_emulator::PayNotify {
        body: notify.body.replace("<total_fee>888<", "<total_fee>1<"),
        ..notify.clone()
    };
    let answer = emu.notify(&forged).await.unwrap();
    assert!(answer.text().contains("FAIL"), "{}", answer.text());
    assert_eq!(seen.lock().unwrap().len(), 1);

    // A paid order no longer closes.
    let err = client
        .call(&CloseOrder::new(&out_trade_no))
        .await
        .unwrap_err();
    assert_eq!(err.code().unwrap().to_string(), "ORDERPAID");

    // Refund part of it, then WeChat Pay completes it and posts the encrypted notification.
    let refund = Refund {
        notify_url: Some(format!("{shop}/refund/notify")),
        ..Refund::by_out_trade_no(&out_trade_no, "refund-1", 888, 300)
    };
    let accepted = client.call(&refund).await.unwrap();
    assert_eq!(
        (accepted.refund_fee, accepted.out_refund_no.as_str()),
        (300, "refund-1")
    );
    let states = client
        .call(&RefundQuery::by_out_refund_no("refund-1"))
        .await
        .unwrap();
    assert_eq!(states.refunds()[0].refund_status, "PROCESSING");
    // This time through the control routes, as another process would.
    let answer = reqwest::Client::new()
        .post(emu.url("/__emulator/pay_v2/refund"))
        .body(format!(
            r#"{{"mch_id":"{}","out_refund_no":"refund-1"}}"#,
            demo::MCH_ID
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200);
    let answer: serde_json::Value = serde_json::from_slice(&answer.bytes().await.unwrap()).unwrap();
    assert!(
        answer["body"].as_str().unwrap().contains("SUCCESS"),
        "{answer}"
    );
    assert_eq!(seen.lock().unwrap()[1], "refunded refund-1 300 SUCCESS");
    let states = client
        .call(&RefundQuery::by_out_trade_no(&out_trade_no))
        .await
        .unwrap();
    assert_eq!(states.refunds()[0].refund_status, "SUCCESS");
    // More than what is left is refused.
    let err = client
        .call(&Refund::by_out_trade_no(
            &out_trade_no,
            "refund-2",
            888,
            600,
        ))
        .await
        .unwrap_err();
    assert_eq!(err.code().unwrap().to_string(), "INVALID_REQUEST");

    emu.shutdown().await;
}

#[tokio::test]
async fn order_pay_refund_md5() {
    order_pay_refund(SignType::Md5).await;
}

#[tokio::test]
async fn order_pay_refund_hmac_sha256() {
    order_pay_refund(SignType::HmacSha256).await;
}

#[tokio::test]
async fn red_packets_transfers_and_a_wrong_key() {
    let emu = Emulator::builder()
        .pay_v2_merchant("1900000110", "another-merchant-api-key-0000000")
        .https()
        .start()
        .await
        .unwrap();
    let merchant = PayV2Signer::new(demo::MCH_ID, APPID, Secret::new(demo::API_KEY));
    let client = https_client(&emu, &merchant, Some(demo::MCH_ID));
    let pack = SendRedpack {
        mch_billno: "1900000109201411170000046545".into(),
        send_name: "Shop".into(),
        re_openid: "onqOjjmM1tad-3ROpncN-yUfa6uI".into(),
        total_amount: 100,
        total_num: 1,
        wishing: "Thanks".into(),
        client_ip: "127.0.0.1".into(),
        act_name: "Sale".into(),
        remark: "Share".into(),
        ..SendRedpack::default()
    };
    let sent = client.call(&pack).await.unwrap();
    assert_eq!((sent.total_amount, sent.wxappid.as_str()), (100, APPID));
    let paid = client
        .call(&Transfer::new(
            "10013574201505191526582441",
            "oxTWIuGaIt6gTKsQRLau2M0yL16E",
            100,
            "prize",
        ))
        .await
        .unwrap();
    assert_eq!(paid.mchid, demo::MCH_ID);
    assert!(!paid.payment_no.is_empty());

    // Without the client certificate, or with another merchant's, WeChat Pay refuses; calls
    // that need none go on.
    let refused = |err: Error| matches!(&err, Error::Api(e) if e.message.contains("证书错误"));
    for certificate_of in [None, Some("1900000110")] {
        let client = https_client(&emu, &merchant, certificate_of);
        let err = client.call(&pack).await.unwrap_err();
        assert!(refused(err), "{certificate_of:?}");
        let err = client
            .call(&Refund::by_out_trade_no("x", "r", 1, 1))
            .await
            .unwrap_err();
        assert!(refused(err), "{certificate_of:?}");
        let out_trade_no = format!("app-{certificate_of:?}");
        let order = UnifiedOrder::app("goods", out_trade_no, 1, "127.0.0.1", "http://x/n");
        client.call(&order).await.unwrap();
    }
    // Plain HTTP beside the HTTPS listener: no certificate can be shown.
    let plain = wechat_reqwest::merchant(merchant.auth())
        .api_base(emu.base_url())
        .build()
        .unwrap();
    assert!(refused(plain.call(&pack).await.unwrap_err()));

    // A merchant the emulator knows, signing with the wrong key: WeChat Pay's FAIL.
    let wrong = PayV2Signer::new("1900000110", APPID, Secret::new(demo::API_KEY));
    let client = wechat_reqwest::merchant(wrong.auth())
        .api_base(emu.base_url())
        .build()
        .unwrap();
    let err = client
        .call(&OrderQuery::by_out_trade_no("x"))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Api(e) if e.message.contains("签名错误")),
        "{err}"
    );
    emu.shutdown().await;
}

#[test]
fn a_bad_client_certificate_fails_early_and_says_nothing_of_the_key() {
    let options = wechat_reqwest::HttpOptions::default();
    assert!(options.clone().client_certificate_pem(CERT, KEY).is_ok());
    let err = options
        .clone()
        .client_certificate_pem(CERT, b"not a key")
        .unwrap_err();
    assert!(err.to_string().contains("client certificate"), "{err}");
    let with = options.client_certificate_pem(CERT, KEY).unwrap();
    let shown = format!("{with:?}");
    assert!(!shown.contains("PRIVATE KEY"), "{shown}");
}

mod v3 {
    use std::sync::{Arc, Mutex};

    use axum::Router;
    use axum::body::{Body, Bytes};
    use axum::extract::State;
    use axum::http::HeaderMap;
    use axum::routing::post;
    use wechat_core::api::pay::v3::certificates::GetCertificates;
    use wechat_core::api::pay::v3::notify::{self, RefundNotice};
    use wechat_core::api::pay::v3::refunds::CreateRefund;
    use wechat_core::api::pay::v3::transactions::{
        JsapiPrepay, Payer, PrepayOrder, QueryByOutTradeNo, Transaction,
    };
    use wechat_core::api::pay::v3::{Merchant, VerifyError};
    use wechat_core::{Error, Secret};
    use wechat_emulator::{Emulator, PaySigningKey, pay_demo};
    use wechat_reqwest::pay::{AwsLc, MerchantKey, WechatPayKey};

    #[derive(Clone)]
    struct Shop {
        merchant: Arc<Merchant>,
        seen: Arc<Mutex<Vec<String>>>,
    }

    async fn notified(
        State(shop): State<Shop>,
        headers: HeaderMap,
        body: Bytes,
    ) -> axum::response::Response {
        let now = wechat_reqwest::now_ms() / 1000;
        let answer = match shop.merchant.notification(&headers, &body, now).await {
            Ok(n) if n.event_type == "TRANSACTION.SUCCESS" => {
                match n.decrypt::<Transaction>(&shop.merchant) {
                    Ok(t) => {
                        shop.seen.lock().unwrap().push(format!(
                            "paid {} {} {}",
                            t.out_trade_no,
                            t.trade_state,
                            t.amount.map_or(0, |a| a.total)
                        ));
                        notify::success()
                    }
                    Err(e) => notify::failure(&e.to_string()),
                }
            }
            Ok(n) => match n.decrypt::<RefundNotice>(&shop.merchant) {
                Ok(r) => {
                    shop.seen.lock().unwrap().push(format!(
                        "refunded {} {} {}",
                        r.out_refund_no, r.refund_status, r.amount.refund
                    ));
                    notify::success()
                }
                Err(e) => notify::failure(&e.to_string()),
            },
            Err(e) => notify::failure(&e.to_string()),
        };
        answer.map(Body::from)
    }

    #[tokio::test]
    async fn jsapi_order_notification_refund_and_certificates() {
        let emu = Emulator::builder().start().await.unwrap();
        let control = emu.controller();
        // Bootstrap with the WeChat Pay public key only; the certificates come by download.
        control.set_pay_signing_key(PaySigningKey::PublicKey);
        let merchant = Arc::new(
            Merchant::new(
                pay_demo::MCHID,
                pay_demo::SERIAL_NO,
                MerchantKey::from_pem(pay_demo::PRIVATE_KEY_PEM.as_bytes()).unwrap(),
                Secret::new(pay_demo::APIV3_KEY),
            )
            .with_public_key(
                control.pay_public_key_id(),
                WechatPayKey::from_pem(control.pay_public_key_pem().as_bytes()).unwrap(),
            ),
        );
        let seen = Arc::new(Mutex::new(Vec::new()));
        let app = Router::new()
            .route("/pay/notify", post(notified))
            .with_state(Shop {
                merchant: merchant.clone(),
                seen: seen.clone(),
            });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let shop = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        let client = wechat_reqwest::merchant(merchant.auth())
            .api_base(emu.base_url())
            .build()
            .unwrap();

        let order = JsapiPrepay {
            order: PrepayOrder::new(
                pay_demo::APPID,
                pay_demo::MCHID,
                "shop-goods",
                "v3-order-1",
                format!("{shop}/pay/notify"),
                888,
            ),
            payer: Payer {
                openid: "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o".into(),
            },
        };
        let prepay = client.call(&order).await.unwrap();
        let js = merchant
            .jsapi_pay_params(
                pay_demo::APPID,
                &prepay.prepay_id,
                wechat_reqwest::now_ms() / 1000,
                "n0nce",
            )
            .await
            .unwrap();
        assert_eq!(js.package, format!("prepay_id={}", prepay.prepay_id));
        let query = QueryByOutTradeNo {
            out_trade_no: "v3-order-1".into(),
            mchid: pay_demo::MCHID.into(),
        };
        assert_eq!(client.call(&query).await.unwrap().trade_state, "NOTPAY");

        // The payer pays: the signed, encrypted notification reaches the shop, which answers 204.
        let pushed = control
            .pay_order(pay_demo::MCHID, "v3-order-1", None)
            .await
            .unwrap();
        assert_eq!(pushed.status, Some(204), "{}", pushed.answer);
        assert_eq!(seen.lock().unwrap()[0], "paid v3-order-1 SUCCESS 888");
        assert_eq!(client.call(&query).await.unwrap().trade_state, "SUCCESS");

        // A tampered notification is refused with the reason, and nothing is recorded.
        let mut headers = HeaderMap::new();
        for (k, v) in &pushed.headers {
            headers.insert(
                axum::http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                v.parse().unwrap(),
            );
        }
        let forged = String::from_utf8(pushed.body.clone()).unwrap().replacen(
            "TRANSACTION",
            "TRANSACTIOM",
            1,
        );
        let now = wechat_reqwest::now_ms() / 1000;
        assert!(matches!(
            merchant
                .notification(&headers, forged.as_bytes(), now)
                .await,
            Err(VerifyError::BadSignature(_))
        ));

        // Refund, then its notification.
        let mut refund = CreateRefund::by_out_trade_no("v3-order-1", "v3-refund-1", 300, 888);
        refund.notify_url = Some(format!("{shop}/pay/notify"));
        let created = client.call(&refund).await.unwrap();
        assert_eq!(created.out_refund_no, "v3-refund-1");
        let pushed = control
            .succeed_refund(pay_demo::MCHID, "v3-refund-1", None)
            .await
            .unwrap();
        assert_eq!(pushed.status, Some(204), "{}", pushed.answer);
        assert_eq!(seen.lock().unwrap()[1], "refunded v3-refund-1 SUCCESS 300");

        // Answers signed by the platform certificate are refused until it is downloaded...
        control.set_pay_signing_key(PaySigningKey::Certificate);
        let e = client.call(&query).await.unwrap_err();
        assert!(
            matches!(&e, Error::Signature(m) if m.contains("unknown WeChat Pay key")),
            "{e}"
        );
        // ...which works while the public key still signs, then every answer verifies.
        control.set_pay_signing_key(PaySigningKey::PublicKey);
        let list = client.call(&GetCertificates {}).await.unwrap();
        assert_eq!(
            merchant
                .add_platform_certificates(&list, &AwsLc)
                .await
                .unwrap(),
            list.data.len()
        );
        assert!(merchant.knows_key(control.pay_platform_serial()));
        // The configured public key stays the one sensitive fields are encrypted for.
        let sealed = merchant.encrypt("张三").await.unwrap();
        assert_eq!(sealed.key_id, control.pay_public_key_id());
        control.set_pay_signing_key(PaySigningKey::Certificate);
        assert_eq!(client.call(&query).await.unwrap().trade_state, "REFUND");
    }
}

/// The merchant's key and client certificate out of `apiclient_cert.p12` (password: the merchant
/// id), legacy RC2/3DES and PBES2/AES alike; the key signs calls the emulator accepts.
#[cfg(feature = "pkcs12")]
mod pkcs12 {
    use std::sync::Arc;

    use wechat_core::Secret;
    use wechat_core::api::pay::v3::Merchant;
    use wechat_core::api::pay::v3::certificates::GetCertificates;
    use wechat_emulator::{Emulator, PaySigningKey, pay_demo};
    use wechat_reqwest::HttpOptions;
    use wechat_reqwest::pay::{MerchantKey, WechatPayKey};

    const LEGACY: &[u8] = include_bytes!("../../../../tests/emulator/keys/merchant_legacy.p12");
    const AES: &[u8] = include_bytes!("../../../../tests/emulator/keys/merchant_aes.p12");

    #[tokio::test]
    async fn the_key_of_either_kind_of_file_signs_accepted_calls() {
        let emu = Emulator::builder().start().await.unwrap();
        let control = emu.controller();
        control.set_pay_signing_key(PaySigningKey::PublicKey);
        for file in [LEGACY, AES] {
            let key = MerchantKey::from_pkcs12_der(file, pay_demo::MCHID).unwrap();
            assert_eq!(format!("{key:?}"), "MerchantKey([redacted])");
            let merchant = Arc::new(
                Merchant::new(
                    pay_demo::MCHID,
                    pay_demo::SERIAL_NO,
                    key,
                    Secret::new(pay_demo::APIV3_KEY),
                )
                .with_public_key(
                    control.pay_public_key_id(),
                    WechatPayKey::from_pem(control.pay_public_key_pem().as_bytes()).unwrap(),
                ),
            );
            let client = wechat_reqwest::merchant(merchant.auth())
                .api_base(emu.base_url())
                .client_certificate_pkcs12(file, pay_demo::MCHID)
                .unwrap()
                .build()
                .unwrap();
            let list = client.call(&GetCertificates {}).await.unwrap();
            assert_eq!(list.data[0].serial_no, control.pay_platform_serial());
        }
        emu.shutdown().await;
    }

    #[test]
    fn a_wrong_password_or_a_bad_file_is_a_clear_error_that_says_nothing_of_the_key() {
        for file in [LEGACY, AES] {
            let e = MerchantKey::from_pkcs12_der(file, "1900000108").unwrap_err();
            let shown = e.to_string();
            assert!(shown.contains("wrong password"), "{shown}");
            assert!(!shown.contains("PRIVATE"), "{shown}");
            let e = HttpOptions::default()
                .client_certificate_pkcs12(file, "")
                .unwrap_err();
            assert!(e.to_string().contains("wrong password"), "{e}");
        }
        let e = MerchantKey::from_pkcs12_der(b"-----BEGIN PRIVATE KEY-----", "x").unwrap_err();
        assert!(e.to_string().contains("not a PKCS#12 file"), "{e}");
        let with = HttpOptions::default()
            .client_certificate_pkcs12(LEGACY, "1900000109")
            .unwrap();
        assert!(with.has_client_certificate());
        let shown = format!("{with:?}");
        assert!(!shown.contains("PRIVATE KEY"), "{shown}");
    }
}
