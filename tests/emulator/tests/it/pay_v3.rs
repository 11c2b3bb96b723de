//! WeChat Pay v3 over real HTTP: requests signed with the demo merchant's key (by the `rsa` crate,
//! independent of the emulator's aws-lc-rs), answers and notifications verified with the keys
//! the emulator exposes, resources decrypted with the APIv3 key.

use std::sync::{Arc, Mutex};

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::signature::{SignatureEncoding, Signer, Verifier};
use rsa::{RsaPrivateKey, RsaPublicKey};
use serde_json::{Value, json};
use sha1::{Digest, Sha1};
use sha2::Sha256;
use wechat_emulator::{Emulator, EmulatorHandle, PaySigningKey, pay_demo};

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON answer")
    }

    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
    }
}

/// `Authorization` for a request, signed with the demo merchant's key.
fn authorization(method: &str, path_and_query: &str, body: &str, timestamp: i64) -> String {
    authorization_as(
        pay_demo::MCHID,
        pay_demo::SERIAL_NO,
        method,
        path_and_query,
        body,
        timestamp,
    )
}

/// `Authorization` as merchant `mchid` with serial `serial`, signed with the demo key pair.
fn authorization_as(
    mchid: &str,
    serial: &str,
    method: &str,
    path_and_query: &str,
    body: &str,
    timestamp: i64,
) -> String {
    let key = RsaPrivateKey::from_pkcs8_pem(pay_demo::PRIVATE_KEY_PEM).unwrap();
    let nonce = "593BEC0C930BF1AFEB40B4A08C8FB242";
    let message = format!("{method}\n{path_and_query}\n{timestamp}\n{nonce}\n{body}\n");
    let signature = SigningKey::<Sha256>::new(key).sign(message.as_bytes());
    format!(
        "WECHATPAY2-SHA256-RSA2048 mchid=\"{}\",nonce_str=\"{nonce}\",signature=\"{}\",timestamp=\"{timestamp}\",serial_no=\"{}\"",
        mchid,
        B64.encode(signature.to_bytes()),
        serial
    )
}

async fn send_with(
    emu: &EmulatorHandle,
    method: &str,
    path_and_query: &str,
    body: &str,
    auth: String,
) -> Answer {
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = client
        .request(method, emu.url(path_and_query))
        .header("Authorization", auth)
        .header("Accept", "application/json");
    if !body.is_empty() {
        request = request
            .header("Content-Type", "application/json")
            .body(body.to_owned());
    }
    let r = request.send().await.unwrap();
    Answer {
        status: r.status().as_u16(),
        headers: r.headers().clone(),
        body: r.bytes().await.unwrap().to_vec(),
    }
}

async fn send(emu: &EmulatorHandle, method: &str, path_and_query: &str, body: &Value) -> Answer {
    let body = if body.is_null() {
        String::new()
    } else {
        body.to_string()
    };
    let now = emu.now_ms() / 1000;
    let auth = authorization(method, path_and_query, &body, now);
    send_with(emu, method, path_and_query, &body, auth).await
}

/// Checks `Wechatpay-Signature` over `TIMESTAMP\nNONCE\nBODY\n` with a public key PEM.
fn verifies(public_pem: &str, timestamp: &str, nonce: &str, signature: &str, body: &[u8]) -> bool {
    let key = VerifyingKey::<Sha256>::new(RsaPublicKey::from_public_key_pem(public_pem).unwrap());
    let mut message = format!("{timestamp}\n{nonce}\n").into_bytes();
    message.extend_from_slice(body);
    message.push(b'\n');
    let Ok(bytes) = B64.decode(signature) else {
        return false;
    };
    let Ok(signature) = Signature::try_from(bytes.as_slice()) else {
        return false;
    };
    key.verify(&message, &signature).is_ok()
}

fn answer_verifies(emu: &EmulatorHandle, a: &Answer) -> bool {
    let pem = match a.header("wechatpay-serial") {
        s if s == emu.pay_platform_serial() => emu.pay_platform_public_key_pem(),
        s if s == emu.pay_public_key_id() => emu.pay_public_key_pem(),
        other => panic!("unknown Wechatpay-Serial {other:?}"),
    };
    verifies(
        pem,
        a.header("wechatpay-timestamp"),
        a.header("wechatpay-nonce"),
        a.header("wechatpay-signature"),
        &a.body,
    )
}

fn decrypt(nonce: &str, aad: &str, ciphertext: &str) -> Vec<u8> {
    let cipher = Aes256Gcm::new_from_slice(pay_demo::APIV3_KEY.as_bytes()).unwrap();
    cipher
        .decrypt(
            Nonce::from_slice(nonce.as_bytes()),
            Payload {
                msg: &B64.decode(ciphertext).unwrap(),
                aad: aad.as_bytes(),
            },
        )
        .expect("decrypts with the APIv3 key")
}

fn prepay_body(out_trade_no: &str, total: u64) -> Value {
    json!({
        "appid": pay_demo::APPID,
        "mchid": pay_demo::MCHID,
        "description": "Emulator test order",
        "out_trade_no": out_trade_no,
        "notify_url": "https://example.com/notify",
        "amount": {"total": total, "currency": "CNY"},
        "payer": {"openid": "oEmuPayer0001"}
    })
}

/// A callback server that keeps what it receives: (headers, body).
type Seen = Arc<Mutex<Vec<(axum::http::HeaderMap, Vec<u8>)>>>;

async fn callback_server() -> (String, Seen) {
    let seen: Seen = Arc::default();
    let keep = Arc::clone(&seen);
    let app = axum::Router::new().fallback(
        move |headers: axum::http::HeaderMap, body: axum::body::Bytes| {
            let keep = Arc::clone(&keep);
            async move {
                keep.lock().unwrap().push((headers, body.to_vec()));
                axum::http::StatusCode::NO_CONTENT
            }
        },
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/pay/notify", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (url, seen)
}

/// A received notification: verified with the platform key, its resource decrypted.
fn open_notification(emu: &EmulatorHandle, headers: &axum::http::HeaderMap, body: &[u8]) -> Value {
    let h = |n: &str| headers.get(n).unwrap().to_str().unwrap().to_owned();
    assert_eq!(h("wechatpay-serial"), emu.pay_platform_serial());
    assert!(verifies(
        emu.pay_platform_public_key_pem(),
        &h("wechatpay-timestamp"),
        &h("wechatpay-nonce"),
        &h("wechatpay-signature"),
        body
    ));
    let event: Value = serde_json::from_slice(body).unwrap();
    let r = &event["resource"];
    assert_eq!(r["algorithm"], "AEAD_AES_256_GCM");
    let plain = decrypt(
        r["nonce"].as_str().unwrap(),
        r["associated_data"].as_str().unwrap(),
        r["ciphertext"].as_str().unwrap(),
    );
    serde_json::from_slice(&plain).unwrap()
}

#[tokio::test]
async fn signed_requests_are_accepted_and_tampered_ones_refused() {
    let emu = Emulator::start().await.unwrap();
    let body = prepay_body("EMU-ORDER-1", 100);
    let ok = send(&emu, "POST", "/v3/pay/transactions/jsapi", &body).await;
    assert_eq!(ok.status, 200, "{}", String::from_utf8_lossy(&ok.body));
    assert!(ok.json()["prepay_id"].as_str().unwrap().starts_with("wx"));
    assert_eq!(ok.header("wechatpay-serial"), emu.pay_platform_serial());
    assert!(answer_verifies(&emu, &ok));

    // The body changed after signing.
    let now = emu.now_ms() / 1000;
    let auth = authorization("POST", "/v3/pay/transactions/jsapi", &body.to_string(), now);
    let tampered = prepay_body("EMU-ORDER-1", 1).to_string();
    let refused = send_with(&emu, "POST", "/v3/pay/transactions/jsapi", &tampered, auth).await;
    assert_eq!(refused.status, 401);
    assert_eq!(refused.json()["code"], "SIGN_ERROR");
    assert!(answer_verifies(&emu, &refused));
    // The query changed after signing.
    let auth = authorization(
        "GET",
        "/v3/pay/transactions/out-trade-no/EMU-ORDER-1?mchid=1900000109",
        "",
        now,
    );
    let other = send_with(
        &emu,
        "GET",
        "/v3/pay/transactions/out-trade-no/EMU-ORDER-1?mchid=1900000110",
        "",
        auth,
    )
    .await;
    assert_eq!(other.status, 401);
    // Too old, and no signature at all.
    let stale = authorization("GET", "/v3/certificates", "", now - 301);
    assert_eq!(
        send_with(&emu, "GET", "/v3/certificates", "", stale)
            .await
            .status,
        401
    );
    assert_eq!(
        send_with(&emu, "GET", "/v3/certificates", "", String::new())
            .await
            .status,
        401
    );

    let query = send(
        &emu,
        "GET",
        "/v3/pay/transactions/out-trade-no/EMU-ORDER-1?mchid=1900000109",
        &Value::Null,
    )
    .await;
    assert_eq!(query.status, 200);
    assert_eq!(query.json()["trade_state"], "NOTPAY");
    assert!(answer_verifies(&emu, &query));
    emu.shutdown().await;
}

#[tokio::test]
async fn paying_pushes_a_signed_encrypted_notification() {
    let emu = Emulator::start().await.unwrap();
    let (url, seen) = callback_server().await;
    let r = send(
        &emu,
        "POST",
        "/v3/pay/transactions/native",
        &prepay_body("EMU-PAY-1", 250),
    )
    .await;
    assert!(
        r.json()["code_url"]
            .as_str()
            .unwrap()
            .starts_with("weixin://wxpay/bizpayurl")
    );

    let pushed = emu
        .pay_order(pay_demo::MCHID, "EMU-PAY-1", Some(&url))
        .await
        .unwrap();
    assert_eq!(pushed.status, Some(204), "{}", pushed.answer);
    let (headers, body) = seen.lock().unwrap().pop().expect("a notification");
    let event: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(event["event_type"], "TRANSACTION.SUCCESS");
    let order = open_notification(&emu, &headers, &body);
    assert_eq!(order["trade_state"], "SUCCESS");
    assert_eq!(order["amount"]["total"], 250);
    assert_eq!(order, pushed.resource);
    assert!(
        emu.pay_order(pay_demo::MCHID, "EMU-PAY-1", Some(&url))
            .await
            .is_err()
    );

    let tid = order["transaction_id"].as_str().unwrap();
    let by_id = send(
        &emu,
        "GET",
        &format!("/v3/pay/transactions/id/{tid}?mchid=1900000109"),
        &Value::Null,
    )
    .await;
    assert_eq!(by_id.json()["out_trade_no"], "EMU-PAY-1");
    let close = send(
        &emu,
        "POST",
        "/v3/pay/transactions/out-trade-no/EMU-PAY-1/close",
        &json!({"mchid": pay_demo::MCHID}),
    )
    .await;
    assert_eq!(
        (close.status, close.json()["code"].as_str()),
        (400, Some("ORDERPAID"))
    );

    // Refund: PROCESSING, then SUCCESS with its own notification.
    let refund = json!({
        "out_trade_no": "EMU-PAY-1",
        "out_refund_no": "EMU-REFUND-1",
        "amount": {"refund": 100, "total": 250, "currency": "CNY"}
    });
    let r = send(&emu, "POST", "/v3/refund/domestic/refunds", &refund).await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.json()["status"], "PROCESSING");
    assert!(answer_verifies(&emu, &r));
    let done = emu
        .succeed_refund(pay_demo::MCHID, "EMU-REFUND-1", Some(&url))
        .await
        .unwrap();
    assert_eq!(done.status, Some(204));
    let (headers, body) = seen.lock().unwrap().pop().unwrap();
    let refunded = open_notification(&emu, &headers, &body);
    assert_eq!(
        (
            refunded["refund_status"].as_str(),
            refunded["amount"]["refund"].as_u64()
        ),
        (Some("SUCCESS"), Some(100))
    );
    let q = send(
        &emu,
        "GET",
        "/v3/refund/domestic/refunds/EMU-REFUND-1",
        &Value::Null,
    )
    .await;
    assert_eq!(q.json()["status"], "SUCCESS");
    let too_much = json!({
        "out_trade_no": "EMU-PAY-1",
        "out_refund_no": "EMU-REFUND-2",
        "amount": {"refund": 200, "total": 250, "currency": "CNY"}
    });
    assert_eq!(
        send(&emu, "POST", "/v3/refund/domestic/refunds", &too_much)
            .await
            .status,
        403
    );

    // The day's bills, checked against their SHA1.
    let today = &order["success_time"].as_str().unwrap()[..10];
    for kind in ["tradebill", "fundflowbill"] {
        let b = send(
            &emu,
            "GET",
            &format!("/v3/bill/{kind}?bill_date={today}"),
            &Value::Null,
        )
        .await;
        assert_eq!(b.status, 200, "{}", String::from_utf8_lossy(&b.body));
        let bill = b.json();
        let url = bill["download_url"].as_str().unwrap();
        let path = &url[url.find("/v3/").unwrap()..];
        let file = send(&emu, "GET", path, &Value::Null).await;
        assert_eq!(file.status, 200);
        assert!(
            file.header("wechatpay-signature").is_empty(),
            "bill files are not signed"
        );
        assert_eq!(
            hex::encode(Sha1::digest(&file.body)),
            bill["hash_value"].as_str().unwrap()
        );
        assert!(String::from_utf8(file.body).unwrap().contains("EMU-PAY-1"));
    }
    let none = send(
        &emu,
        "GET",
        "/v3/bill/tradebill?bill_date=2001-01-01",
        &Value::Null,
    )
    .await;
    assert_eq!(none.json()["code"], "NO_STATEMENT_EXIST");
    emu.shutdown().await;
}

#[tokio::test]
async fn closing_answers_a_signed_204() {
    let emu = Emulator::start().await.unwrap();
    send(
        &emu,
        "POST",
        "/v3/pay/transactions/jsapi",
        &prepay_body("EMU-CLOSE-1", 1),
    )
    .await;
    let close = send(
        &emu,
        "POST",
        "/v3/pay/transactions/out-trade-no/EMU-CLOSE-1/close",
        &json!({"mchid": pay_demo::MCHID}),
    )
    .await;
    assert_eq!(close.status, 204);
    assert!(close.body.is_empty());
    assert!(answer_verifies(&emu, &close));
    assert_eq!(
        emu.pay_order_state(pay_demo::MCHID, "EMU-CLOSE-1")
            .as_deref(),
        Some("CLOSED")
    );
    emu.shutdown().await;
}

#[tokio::test]
async fn certificates_and_the_public_key_migration() {
    let emu = Emulator::start().await.unwrap();
    let certs = send(&emu, "GET", "/v3/certificates", &Value::Null).await;
    assert!(answer_verifies(&emu, &certs));
    let c = &certs.json()["data"][0];
    assert_eq!(c["serial_no"], emu.pay_platform_serial());
    let e = &c["encrypt_certificate"];
    assert_eq!(e["associated_data"], "certificate");
    assert_eq!(e["nonce"].as_str().unwrap().len(), 12);
    let pem = decrypt(
        e["nonce"].as_str().unwrap(),
        "certificate",
        e["ciphertext"].as_str().unwrap(),
    );
    assert_eq!(
        String::from_utf8(pem).unwrap(),
        emu.pay_platform_certificate_pem()
    );

    emu.set_pay_signing_key(PaySigningKey::PublicKey);
    let a = send(&emu, "GET", "/v3/certificates", &Value::Null).await;
    assert_eq!(
        a.header("wechatpay-serial"),
        "PUB_KEY_ID_0112345678901234567890"
    );
    assert!(answer_verifies(&emu, &a));
    // The platform key does not verify what the public key signed.
    assert!(!verifies(
        emu.pay_platform_public_key_pem(),
        a.header("wechatpay-timestamp"),
        a.header("wechatpay-nonce"),
        a.header("wechatpay-signature"),
        &a.body
    ));

    // The same through the control API.
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let keys: Value = client
        .get(emu.url("/__emulator/pay/keys"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(keys["signing_key"], "public_key");
    assert_eq!(keys["public_key_pem"], emu.pay_public_key_pem());
    let set: Value = client
        .post(emu.url("/__emulator/pay/signing_key"))
        .json(&json!({"key": "certificate"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(set["signing_key"], "certificate");
    assert_eq!(emu.pay_signing_key(), PaySigningKey::Certificate);
    emu.shutdown().await;
}

#[tokio::test]
async fn a_configured_merchant_signs_with_its_own_key() {
    // The demo merchant's key pair under another merchant id and serial.
    let emu = Emulator::builder()
        .without_demo_accounts()
        .pay_v3_merchant(
            "1230000109",
            "ABCDEF",
            pay_demo::PUBLIC_KEY_PEM,
            "0123456789abcdef0123456789abcdef",
        )
        .start()
        .await
        .unwrap();
    // The demo merchant is gone.
    let r = send(&emu, "GET", "/v3/certificates", &Value::Null).await;
    assert_eq!(r.status, 401);
    assert!(String::from_utf8_lossy(&r.body).contains("unknown merchant"));
    let now = emu.now_ms() / 1000;
    let auth = authorization_as("1230000109", "ABCDEF", "GET", "/v3/certificates", "", now);
    let ok = send_with(&emu, "GET", "/v3/certificates", "", auth).await;
    assert_eq!(ok.status, 200, "{}", String::from_utf8_lossy(&ok.body));
    let e = &ok.json()["data"][0]["encrypt_certificate"];
    let cipher = Aes256Gcm::new_from_slice(b"0123456789abcdef0123456789abcdef").unwrap();
    let plain = cipher.decrypt(
        Nonce::from_slice(e["nonce"].as_str().unwrap().as_bytes()),
        Payload {
            msg: &B64.decode(e["ciphertext"].as_str().unwrap()).unwrap(),
            aad: b"certificate",
        },
    );
    assert!(plain.is_ok(), "encrypted with this merchant's APIv3 key");
    let wrong_serial = authorization_as("1230000109", "OTHER", "GET", "/v3/certificates", "", now);
    assert_eq!(
        send_with(&emu, "GET", "/v3/certificates", "", wrong_serial)
            .await
            .status,
        401
    );
    let bad_key = Emulator::builder()
        .pay_v3_merchant("1", "S", pay_demo::PUBLIC_KEY_PEM, "short")
        .start()
        .await;
    assert!(bad_key.is_err());
    emu.shutdown().await;
}
