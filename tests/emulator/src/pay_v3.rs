//! WeChat Pay v3 (APIv3) as the emulator plays it.
//!
//! - Every `/v3/` request must carry `Authorization: WECHATPAY2-SHA256-RSA2048 mchid=..,nonce_str=..,
//!   signature=..,timestamp=..,serial_no=..` from a known merchant: RSA PKCS#1 v1.5 SHA-256 over
//!   `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n` with the merchant's key, the serial its
//!   certificate's, the timestamp within 5 minutes of the emulator's clock. Otherwise: 401
//!   `{"code":"SIGN_ERROR"}`.
//! - Every answer (but a bill file) is signed with the platform key: `Wechatpay-Serial`,
//!   `Wechatpay-Signature` over `TIMESTAMP\nNONCE\nBODY\n`, `Wechatpay-Timestamp`,
//!   `Wechatpay-Nonce`. The signing key is the platform certificate's (serial
//!   [`PLATFORM_SERIAL`]) or the WeChat Pay public key's (id [`PUBLIC_KEY_ID`]), switched with
//!   [`Controller::set_pay_signing_key`] for migration tests.
//! - Orders: prepay (JSAPI, App, H5, Native) makes a `NOTPAY` order; [`Controller::pay_order`]
//!   pays it and pushes the signed, encrypted `TRANSACTION.SUCCESS` notification; close, query
//!   by either id. Refunds start `PROCESSING`; [`Controller::succeed_refund`] finishes one and
//!   pushes `REFUND.SUCCESS`. Bills list the day's paid orders (trade) and money movements
//!   (fund flow) as a small CSV with its SHA1; `tar_type` is ignored (always plain). The
//!   platform certificate is served by `/v3/certificates`, encrypted with the merchant's APIv3
//!   key. Other `/v3/` paths answer from the fixtures, signed.
//!
//! The keys are test keys checked in under `tests/emulator/keys/`: never use them for anything
//! real.

use std::collections::HashMap;
use std::fmt;
use std::io;
use std::sync::{Arc, MutexGuard};

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::signature::{self, RsaKeyPair, UnparsedPublicKey};
use axum::body::Body;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha1::{Digest, Sha1};

use crate::Controller;
use crate::server::Shared;
use crate::state::Incoming;
use crate::util::{Rng, normalize_path, parse_query, query_get};

/// The id of the emulated WeChat Pay public key (公钥 ID), as `Wechatpay-Serial` names it.
pub const PUBLIC_KEY_ID: &str = "PUB_KEY_ID_0112345678901234567890";
/// The serial number of the emulated platform certificate.
pub const PLATFORM_SERIAL: &str = "3F1A2B3C4D5E6F708192A3B4C5D6E7F809A1B2C3";

const PLATFORM_KEY_PEM: &str = include_str!("../keys/platform_key.pem");
const PLATFORM_CERT_PEM: &str = include_str!("../keys/platform_cert.pem");
const PLATFORM_PUBLIC_PEM: &str = include_str!("../keys/platform_public.pem");
const PUBKEY_PRIVATE_PEM: &str = include_str!("../keys/wechatpay_pubkey_private.pem");
const PUBKEY_PEM: &str = include_str!("../keys/wechatpay_pubkey.pem");
/// The validity of the platform certificate, as `/v3/certificates` lists it.
const PLATFORM_EFFECTIVE: &str = "2026-12-01T10:08:07+08:00";
const PLATFORM_EXPIRE: &str = "2126-11-07T10:08:07+08:00";

/// How far a request's timestamp may be from the emulator's clock.
const TIMESTAMP_WINDOW_S: i64 = 300;
const SCHEME: &str = "WECHATPAY2-SHA256-RSA2048 ";
const BILL_DOWNLOAD: &str = "/v3/billdownload/file";

/// The demo merchant every emulator knows (test keys: public, never use them for anything real).
pub mod pay_demo {
    /// The merchant id.
    pub const MCHID: &str = "1900000109";
    /// The serial number of the merchant's API certificate.
    pub const SERIAL_NO: &str = "5E1D8A0C3F7B2964A1B0C9D8E7F6A5B4C3D2E1F0";
    /// The merchant's private key (PKCS#8 PEM): what the merchant signs requests with.
    pub const PRIVATE_KEY_PEM: &str = include_str!("../keys/merchant_key.pem");
    /// The merchant's public key (SubjectPublicKeyInfo PEM): what the emulator verifies with.
    pub const PUBLIC_KEY_PEM: &str = include_str!("../keys/merchant_public.pem");
    /// The merchant's APIv3 key (32 bytes).
    pub const APIV3_KEY: &str = "emulatorDemoApiV3Key0123456789ab";
    /// The app the demo merchant sells through (the emulator's demo app).
    pub const APPID: &str = crate::config::demo::APPID;
}

/// Which key signs the emulator's WeChat Pay answers and notifications.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaySigningKey {
    /// The platform certificate's key; `Wechatpay-Serial` is [`PLATFORM_SERIAL`].
    #[default]
    Certificate,
    /// The WeChat Pay public key; `Wechatpay-Serial` is [`PUBLIC_KEY_ID`].
    PublicKey,
}

/// A merchant the emulator accepts WeChat Pay v3 calls from.
#[derive(Clone, PartialEq, Eq)]
pub struct PayMerchant {
    /// The merchant id.
    pub mchid: String,
    /// The serial number of its API certificate (`serial_no` in `Authorization`).
    pub serial_no: String,
    /// Its public key, PEM (`PUBLIC KEY` or `RSA PUBLIC KEY`).
    pub public_key_pem: String,
    /// Its APIv3 key (32 bytes), for certificates and notifications.
    pub apiv3_key: String,
}

impl fmt::Debug for PayMerchant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PayMerchant")
            .field("mchid", &self.mchid)
            .field("serial_no", &self.serial_no)
            .finish_non_exhaustive()
    }
}

impl PayMerchant {
    /// The demo merchant ([`pay_demo`]).
    pub fn demo() -> Self {
        PayMerchant {
            mchid: pay_demo::MCHID.into(),
            serial_no: pay_demo::SERIAL_NO.into(),
            public_key_pem: pay_demo::PUBLIC_KEY_PEM.into(),
            apiv3_key: pay_demo::APIV3_KEY.into(),
        }
    }
}

impl crate::EmulatorBuilder {
    /// A WeChat Pay merchant (replaces one with the same `mchid`): its certificate serial, its
    /// public key (PEM) and its 32-byte APIv3 key. The demo merchant ([`pay_demo`]) is there
    /// unless [`without_demo_accounts`](crate::EmulatorBuilder::without_demo_accounts) came
    /// before.
    pub fn pay_v3_merchant(
        mut self,
        mchid: impl Into<String>,
        serial_no: impl Into<String>,
        public_key_pem: impl Into<String>,
        apiv3_key: impl Into<String>,
    ) -> Self {
        let mchid = mchid.into();
        self.pay_v3_merchants.retain(|m| m.mchid != mchid);
        self.pay_v3_merchants.push(PayMerchant {
            mchid,
            serial_no: serial_no.into(),
            public_key_pem: public_key_pem.into(),
            apiv3_key: apiv3_key.into(),
        });
        self
    }
}

struct Merchant {
    mchid: String,
    serial_no: String,
    public_der: Vec<u8>,
    apiv3_key: Vec<u8>,
}

#[derive(Clone, Debug)]
struct Order {
    mchid: String,
    appid: String,
    out_trade_no: String,
    transaction_id: String,
    trade_type: &'static str,
    state: &'static str,
    description: String,
    attach: String,
    notify_url: String,
    total: u64,
    currency: String,
    openid: String,
    success_time: String,
    refunded: u64,
}

#[derive(Clone, Debug)]
struct RefundRecord {
    mchid: String,
    out_refund_no: String,
    refund_id: String,
    out_trade_no: String,
    transaction_id: String,
    status: &'static str,
    refund: u64,
    total: u64,
    currency: String,
    notify_url: String,
    create_time: String,
    success_time: String,
}

/// The WeChat Pay v3 side's state: merchants, keys, orders, refunds, bills.
pub(crate) struct PayState {
    merchants: Vec<Merchant>,
    platform: RsaKeyPair,
    pubkey: RsaKeyPair,
    signing: PaySigningKey,
    orders: Vec<Order>,
    refunds: Vec<RefundRecord>,
    bills: HashMap<String, Vec<u8>>,
    rng: Rng,
    random: SystemRandom,
}

impl fmt::Debug for PayState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PayState")
            .field("merchants", &self.merchants.len())
            .field("signing", &self.signing)
            .field("orders", &self.orders.len())
            .field("refunds", &self.refunds.len())
            .finish_non_exhaustive()
    }
}

fn invalid(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, message)
}

/// The DER inside a PEM block.
fn pem_der(pem: &str) -> Result<Vec<u8>, String> {
    let text: String = pem
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with("-----") && !l.is_empty())
        .collect();
    B64.decode(text).map_err(|e| format!("not PEM: {e}"))
}

fn key_pair(pem: &str) -> io::Result<RsaKeyPair> {
    let der = pem_der(pem).map_err(invalid)?;
    RsaKeyPair::from_pkcs8(&der).map_err(|e| invalid(format!("not an RSA PKCS#8 key: {e}")))
}

impl PayState {
    pub(crate) fn new(merchants: &[PayMerchant]) -> io::Result<Self> {
        let merchants = merchants
            .iter()
            .map(|m| {
                if m.apiv3_key.len() != 32 {
                    return Err(invalid(format!(
                        "the APIv3 key of merchant {} has {} bytes, not 32",
                        m.mchid,
                        m.apiv3_key.len()
                    )));
                }
                let public_der = pem_der(&m.public_key_pem)
                    .map_err(|e| invalid(format!("public key of merchant {}: {e}", m.mchid)))?;
                Ok(Merchant {
                    mchid: m.mchid.clone(),
                    serial_no: m.serial_no.clone(),
                    public_der,
                    apiv3_key: m.apiv3_key.as_bytes().to_vec(),
                })
            })
            .collect::<io::Result<Vec<_>>>()?;
        Ok(PayState {
            merchants,
            platform: key_pair(PLATFORM_KEY_PEM)?,
            pubkey: key_pair(PUBKEY_PRIVATE_PEM)?,
            signing: PaySigningKey::default(),
            orders: Vec::new(),
            refunds: Vec::new(),
            bills: HashMap::new(),
            rng: Rng::seeded(),
            random: SystemRandom::new(),
        })
    }

    /// `Wechatpay-Serial` and `Wechatpay-Signature` of `TIMESTAMP\nNONCE\nBODY\n`.
    fn sign(&self, timestamp: i64, nonce: &str, body: &[u8]) -> (&'static str, String) {
        let (serial, key) = match self.signing {
            PaySigningKey::Certificate => (PLATFORM_SERIAL, &self.platform),
            PaySigningKey::PublicKey => (PUBLIC_KEY_ID, &self.pubkey),
        };
        let mut message = format!("{timestamp}\n{nonce}\n").into_bytes();
        message.extend_from_slice(body);
        message.push(b'\n');
        let mut signature = vec![0; key.public_modulus_len()];
        key.sign(
            &signature::RSA_PKCS1_SHA256,
            &self.random,
            &message,
            &mut signature,
        )
        .expect("RSA signing with a valid key");
        (serial, B64.encode(signature))
    }

    /// The signature headers of an answer or a notification.
    fn signed_headers(&mut self, now_ms: i64, body: &[u8]) -> Vec<(&'static str, String)> {
        let timestamp = now_ms / 1000;
        let nonce = self.rng.hex(32).to_ascii_uppercase();
        let (serial, signature) = self.sign(timestamp, &nonce, body);
        vec![
            ("Wechatpay-Serial", serial.to_owned()),
            ("Wechatpay-Signature", signature),
            ("Wechatpay-Timestamp", timestamp.to_string()),
            ("Wechatpay-Nonce", nonce),
        ]
    }

    /// Checks `Authorization`; answers the merchant's index.
    fn authenticate(
        &self,
        method: &str,
        path_and_query: &str,
        headers: &HeaderMap,
        body: &[u8],
        now_ms: i64,
    ) -> Result<usize, String> {
        let value = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .ok_or("no Authorization header")?;
        let fields = value
            .strip_prefix(SCHEME)
            .ok_or("Authorization is not WECHATPAY2-SHA256-RSA2048")?;
        let mut params = HashMap::new();
        for pair in fields.split(',') {
            let (k, v) = pair
                .trim()
                .split_once('=')
                .ok_or("malformed Authorization")?;
            params.insert(k, v.trim_matches('"'));
        }
        let get = |k: &str| {
            params
                .get(k)
                .copied()
                .filter(|v| !v.is_empty())
                .ok_or(format!("Authorization has no {k}"))
        };
        let (mchid, nonce, signature, timestamp, serial) = (
            get("mchid")?,
            get("nonce_str")?,
            get("signature")?,
            get("timestamp")?,
            get("serial_no")?,
        );
        let index = self
            .merchants
            .iter()
            .position(|m| m.mchid == mchid)
            .ok_or(format!("unknown merchant {mchid}"))?;
        let merchant = &self.merchants[index];
        if !merchant.serial_no.eq_ignore_ascii_case(serial) {
            return Err(format!("serial_no {serial} is not merchant {mchid}'s"));
        }
        let ts: i64 = timestamp.parse().map_err(|_| "timestamp is not a number")?;
        if (now_ms / 1000 - ts).abs() > TIMESTAMP_WINDOW_S {
            return Err("timestamp is more than 5 minutes away".into());
        }
        let signature = B64
            .decode(signature)
            .map_err(|_| "signature is not base64")?;
        let mut message =
            format!("{method}\n{path_and_query}\n{timestamp}\n{nonce}\n").into_bytes();
        message.extend_from_slice(body);
        message.push(b'\n');
        UnparsedPublicKey::new(&signature::RSA_PKCS1_2048_8192_SHA256, &merchant.public_der)
            .verify(&message, &signature)
            .map_err(|_| "the signature does not verify".to_owned())?;
        Ok(index)
    }

    fn merchant_index(&self, mchid: &str) -> Result<usize, String> {
        self.merchants
            .iter()
            .position(|m| m.mchid == mchid)
            .ok_or(format!("unknown merchant {mchid}"))
    }

    fn order_mut(&mut self, mchid: &str, out_trade_no: &str) -> Option<&mut Order> {
        self.orders
            .iter_mut()
            .find(|o| o.mchid == mchid && o.out_trade_no == out_trade_no)
    }

    /// AEAD_AES_256_GCM with the merchant's APIv3 key: `(nonce, ciphertext base64)`.
    fn encrypt(&mut self, merchant: usize, aad: &str, plaintext: &[u8]) -> (String, String) {
        let nonce = self.rng.token_chars(12).replace(['_', '-'], "x");
        let cipher =
            Aes256Gcm::new_from_slice(&self.merchants[merchant].apiv3_key).expect("a 32-byte key");
        let sealed = cipher
            .encrypt(
                Nonce::from_slice(nonce.as_bytes()),
                Payload {
                    msg: plaintext,
                    aad: aad.as_bytes(),
                },
            )
            .expect("AES-GCM encryption");
        (nonce, B64.encode(sealed))
    }

    /// A notification: its JSON body and signature headers.
    fn notification(
        &mut self,
        merchant: usize,
        event_type: &str,
        summary: &str,
        original_type: &str,
        resource: &Value,
        now_ms: i64,
    ) -> (Vec<u8>, Vec<(&'static str, String)>) {
        let (nonce, ciphertext) =
            self.encrypt(merchant, original_type, resource.to_string().as_bytes());
        let body = json!({
            "id": format!("EV-{}", self.rng.hex(24)),
            "create_time": rfc3339(now_ms),
            "resource_type": "encrypt-resource",
            "event_type": event_type,
            "summary": summary,
            "resource": {
                "original_type": original_type,
                "algorithm": "AEAD_AES_256_GCM",
                "ciphertext": ciphertext,
                "associated_data": original_type,
                "nonce": nonce,
            }
        })
        .to_string()
        .into_bytes();
        let headers = self.signed_headers(now_ms, &body);
        (body, headers)
    }
}

/// RFC 3339 in Beijing time, as WeChat Pay writes times.
fn rfc3339(ms: i64) -> String {
    let secs = ms.div_euclid(1000) + 8 * 3600;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Days to civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}+08:00",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

fn trade_state_desc(state: &str) -> &'static str {
    match state {
        "SUCCESS" => "支付成功",
        "REFUND" => "转入退款",
        "CLOSED" => "订单已关闭",
        _ => "订单未支付",
    }
}

fn order_json(o: &Order) -> Value {
    let mut v = json!({
        "appid": o.appid,
        "mchid": o.mchid,
        "out_trade_no": o.out_trade_no,
        "trade_state": o.state,
        "trade_state_desc": trade_state_desc(o.state),
        "amount": {"total": o.total, "currency": o.currency},
    });
    if !o.attach.is_empty() {
        v["attach"] = json!(o.attach);
    }
    if !o.transaction_id.is_empty() {
        v["transaction_id"] = json!(o.transaction_id);
        v["trade_type"] = json!(o.trade_type);
        v["bank_type"] = json!("OTHERS");
        v["success_time"] = json!(o.success_time);
        v["payer"] = json!({"openid": o.openid});
        v["amount"] = json!({
            "total": o.total,
            "payer_total": o.total,
            "currency": o.currency,
            "payer_currency": o.currency,
        });
    }
    v
}

fn refund_json(r: &RefundRecord) -> Value {
    let mut v = json!({
        "refund_id": r.refund_id,
        "out_refund_no": r.out_refund_no,
        "transaction_id": r.transaction_id,
        "out_trade_no": r.out_trade_no,
        "channel": "ORIGINAL",
        "user_received_account": "支付用户零钱",
        "create_time": r.create_time,
        "status": r.status,
        "funds_account": "AVAILABLE",
        "amount": {
            "total": r.total,
            "refund": r.refund,
            "from": [],
            "payer_total": r.total,
            "payer_refund": r.refund,
            "settlement_refund": r.refund,
            "settlement_total": r.total,
            "discount_refund": 0,
            "currency": r.currency,
            "refund_fee": 0,
        },
    });
    if !r.success_time.is_empty() {
        v["success_time"] = json!(r.success_time);
    }
    v
}

/// An answer before it is signed.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    signed: bool,
}

fn answer(status: u16, value: &Value) -> Answer {
    Answer {
        status,
        content_type: "application/json; charset=utf-8",
        body: value.to_string().into_bytes(),
        signed: true,
    }
}

fn error(status: u16, code: &str, message: impl Into<String>) -> Answer {
    answer(status, &json!({"code": code, "message": message.into()}))
}

fn no_content() -> Answer {
    Answer {
        status: 204,
        content_type: "application/json; charset=utf-8",
        body: Vec::new(),
        signed: true,
    }
}

fn lock(shared: &Shared) -> MutexGuard<'_, PayState> {
    shared
        .pay
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Serves a `/v3/` request: checks its signature, answers, signs the answer.
pub(crate) fn handle(
    shared: &Arc<Shared>,
    parts: &axum::http::request::Parts,
    path: &str,
    body: Vec<u8>,
) -> Response {
    let now = shared.lock().now();
    let method = parts.method.as_str();
    let path_and_query = parts
        .uri
        .path_and_query()
        .map_or(parts.uri.path(), |pq| pq.as_str());
    let query = parse_query(parts.uri.query());
    let mut pay = lock(shared);
    let answer = match pay.authenticate(method, path_and_query, &parts.headers, &body, now) {
        Err(why) => error(401, "SIGN_ERROR", format!("签名错误: {why}")),
        Ok(merchant) => match route(&mut pay, shared, merchant, method, path, &query, &body, now) {
            Some(a) => a,
            None => {
                drop(pay);
                let incoming = Incoming {
                    method: method.to_owned(),
                    path: normalize_path(path),
                    query,
                    content_type: parts
                        .headers
                        .get(header::CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned),
                    body,
                    peer: crate::tls::Peer::Unchecked,
                };
                let reply = shared.lock().handle(&incoming);
                pay = lock(shared);
                Answer {
                    status: reply.status,
                    content_type: "application/json; charset=utf-8",
                    body: reply.body,
                    signed: true,
                }
            }
        },
    };
    let headers = if answer.signed {
        pay.signed_headers(now, &answer.body)
    } else {
        Vec::new()
    };
    drop(pay);
    let mut response = Response::new(Body::from(answer.body));
    *response.status_mut() = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::OK);
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(answer.content_type),
    );
    for (name, value) in headers {
        if let Ok(v) = HeaderValue::from_str(&value) {
            h.insert(HeaderName::from_static(lower(name)), v);
        }
    }
    response
}

/// Header names as `HeaderName::from_static` wants them.
fn lower(name: &'static str) -> &'static str {
    match name {
        "Wechatpay-Serial" => "wechatpay-serial",
        "Wechatpay-Signature" => "wechatpay-signature",
        "Wechatpay-Timestamp" => "wechatpay-timestamp",
        _ => "wechatpay-nonce",
    }
}

fn body_json(body: &[u8]) -> Result<Value, Answer> {
    match serde_json::from_slice::<Value>(body) {
        Ok(v @ Value::Object(_)) => Ok(v),
        _ => Err(error(400, "PARAM_ERROR", "the body is not a JSON object")),
    }
}

fn text<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
}

#[allow(clippy::too_many_arguments)]
fn route(
    pay: &mut PayState,
    shared: &Shared,
    merchant: usize,
    method: &str,
    path: &str,
    query: &[(String, String)],
    body: &[u8],
    now: i64,
) -> Option<Answer> {
    let mchid = pay.merchants[merchant].mchid.clone();
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let outcome = match (method, segments.as_slice()) {
        (
            "POST",
            [
                "v3",
                "pay",
                "transactions",
                kind @ ("jsapi" | "app" | "h5" | "native"),
            ],
        ) => prepay(pay, &mchid, kind, body),
        ("GET", ["v3", "pay", "transactions", "id", id]) => pay
            .orders
            .iter()
            .find(|o| o.mchid == mchid && o.transaction_id == *id)
            .map(|o| answer(200, &order_json(o)))
            .ok_or_else(|| error(404, "ORDER_NOT_EXIST", "订单不存在")),
        ("GET", ["v3", "pay", "transactions", "out-trade-no", no]) => pay
            .order_mut(&mchid, no)
            .map(|o| answer(200, &order_json(o)))
            .ok_or_else(|| error(404, "ORDER_NOT_EXIST", "订单不存在")),
        ("POST", ["v3", "pay", "transactions", "out-trade-no", no, "close"]) => {
            match pay.order_mut(&mchid, no) {
                None => Err(error(404, "ORDER_NOT_EXIST", "订单不存在")),
                Some(o) if o.state == "NOTPAY" || o.state == "CLOSED" => {
                    o.state = "CLOSED";
                    Ok(no_content())
                }
                Some(_) => Err(error(400, "ORDERPAID", "订单已支付")),
            }
        }
        ("POST", ["v3", "refund", "domestic", "refunds"]) => refund(pay, &mchid, body, now),
        ("GET", ["v3", "refund", "domestic", "refunds", no]) => pay
            .refunds
            .iter()
            .find(|r| r.mchid == mchid && r.out_refund_no == *no)
            .map(|r| answer(200, &refund_json(r)))
            .ok_or_else(|| error(404, "RESOURCE_NOT_EXISTS", "退款单不存在")),
        ("GET", ["v3", "bill", kind @ ("tradebill" | "fundflowbill")]) => {
            bill(pay, shared, &mchid, kind, query)
        }
        ("GET", ["v3", "billdownload", "file"]) => {
            let token = query_get(query, "token").unwrap_or_default();
            match pay.bills.get(token) {
                Some(bytes) => Ok(Answer {
                    status: 200,
                    content_type: "text/plain; charset=utf-8",
                    body: bytes.clone(),
                    signed: false,
                }),
                None => Err(Answer {
                    signed: false,
                    ..error(400, "INVALID_REQUEST", "账单下载地址无效或已过期")
                }),
            }
        }
        ("GET", ["v3", "certificates"]) => {
            let (nonce, ciphertext) =
                pay.encrypt(merchant, "certificate", PLATFORM_CERT_PEM.as_bytes());
            Ok(answer(
                200,
                &json!({"data": [{
                    "serial_no": PLATFORM_SERIAL,
                    "effective_time": PLATFORM_EFFECTIVE,
                    "expire_time": PLATFORM_EXPIRE,
                    "encrypt_certificate": {
                        "algorithm": "AEAD_AES_256_GCM",
                        "nonce": nonce,
                        "associated_data": "certificate",
                        "ciphertext": ciphertext,
                    }
                }]}),
            ))
        }
        _ => return None,
    };
    Some(outcome.unwrap_or_else(|e| e))
}

fn prepay(pay: &mut PayState, mchid: &str, kind: &str, body: &[u8]) -> Result<Answer, Answer> {
    let v = body_json(body)?;
    for field in [
        "appid",
        "mchid",
        "description",
        "out_trade_no",
        "notify_url",
    ] {
        if text(&v, &format!("/{field}")).is_empty() {
            return Err(error(
                400,
                "PARAM_ERROR",
                format!("输入源“/body/{field}”映射到字段“{field}”必填性规则校验失败"),
            ));
        }
    }
    if text(&v, "/mchid") != mchid {
        return Err(error(400, "PARAM_ERROR", "mchid 与请求的商户号不一致"));
    }
    let total = v
        .pointer("/amount/total")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    if total == 0 {
        return Err(error(400, "PARAM_ERROR", "amount.total 必须大于 0"));
    }
    let openid = text(&v, "/payer/openid").to_owned();
    if kind == "jsapi" && openid.is_empty() {
        return Err(error(400, "PARAM_ERROR", "JSAPI 下单需要 payer.openid"));
    }
    if kind == "h5"
        && (text(&v, "/scene_info/payer_client_ip").is_empty()
            || v.pointer("/scene_info/h5_info").is_none())
    {
        return Err(error(
            400,
            "PARAM_ERROR",
            "H5 下单需要 scene_info.payer_client_ip 和 h5_info",
        ));
    }
    let out_trade_no = text(&v, "/out_trade_no").to_owned();
    match pay.order_mut(mchid, &out_trade_no) {
        Some(o) if o.state == "NOTPAY" && o.total == total => {}
        Some(o) if o.state == "NOTPAY" => {
            return Err(error(
                400,
                "INVALID_REQUEST",
                "同一商户订单号的参数与原订单不一致",
            ));
        }
        Some(o) if o.state == "CLOSED" => {
            return Err(error(400, "ORDER_CLOSED", "订单已关闭"));
        }
        Some(_) => return Err(error(400, "ORDERPAID", "订单已支付")),
        None => pay.orders.push(Order {
            mchid: mchid.to_owned(),
            appid: text(&v, "/appid").to_owned(),
            out_trade_no,
            transaction_id: String::new(),
            trade_type: match kind {
                "jsapi" => "JSAPI",
                "app" => "APP",
                "h5" => "MWEB",
                _ => "NATIVE",
            },
            state: "NOTPAY",
            description: text(&v, "/description").to_owned(),
            attach: text(&v, "/attach").to_owned(),
            notify_url: text(&v, "/notify_url").to_owned(),
            total,
            currency: Some(text(&v, "/amount/currency"))
                .filter(|c| !c.is_empty())
                .unwrap_or("CNY")
                .to_owned(),
            openid,
            success_time: String::new(),
            refunded: 0,
        }),
    }
    let prepay_id = format!("wx{}", pay.rng.hex(32));
    Ok(answer(
        200,
        &match kind {
            "h5" => json!({"h5_url": format!(
                "https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id={prepay_id}&package={}",
                pay.rng.next_u64() % 10_000_000_000
            )}),
            "native" => {
                json!({"code_url": format!("weixin://wxpay/bizpayurl?pr={}", pay.rng.hex(9))})
            }
            _ => json!({"prepay_id": prepay_id}),
        },
    ))
}

fn refund(pay: &mut PayState, mchid: &str, body: &[u8], now: i64) -> Result<Answer, Answer> {
    let v = body_json(body)?;
    let out_refund_no = text(&v, "/out_refund_no").to_owned();
    if out_refund_no.is_empty() {
        return Err(error(400, "PARAM_ERROR", "out_refund_no 必填"));
    }
    if let Some(r) = pay
        .refunds
        .iter()
        .find(|r| r.mchid == mchid && r.out_refund_no == out_refund_no)
    {
        return Ok(answer(200, &refund_json(r)));
    }
    let (tid, no) = (text(&v, "/transaction_id"), text(&v, "/out_trade_no"));
    let order = pay
        .orders
        .iter_mut()
        .find(|o| {
            o.mchid == mchid
                && ((!tid.is_empty() && o.transaction_id == tid)
                    || (!no.is_empty() && o.out_trade_no == no))
        })
        .ok_or_else(|| error(404, "RESOURCE_NOT_EXISTS", "订单不存在"))?;
    if order.transaction_id.is_empty() || order.state == "CLOSED" {
        return Err(error(400, "INVALID_REQUEST", "订单未支付,不能退款"));
    }
    let refund = v
        .pointer("/amount/refund")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let total = v
        .pointer("/amount/total")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    if total != order.total {
        return Err(error(400, "PARAM_ERROR", "amount.total 与订单金额不一致"));
    }
    if refund == 0 || order.refunded + refund > order.total {
        return Err(error(403, "NOT_ENOUGH", "可退金额不足"));
    }
    order.refunded += refund;
    order.state = "REFUND";
    let record = RefundRecord {
        mchid: mchid.to_owned(),
        out_refund_no,
        refund_id: format!("5030{}", pay.rng.next_u64() % 10_u64.pow(18)),
        out_trade_no: order.out_trade_no.clone(),
        transaction_id: order.transaction_id.clone(),
        status: "PROCESSING",
        refund,
        total,
        currency: order.currency.clone(),
        notify_url: text(&v, "/notify_url").to_owned(),
        create_time: rfc3339(now),
        success_time: String::new(),
    };
    let out = answer(200, &refund_json(&record));
    pay.refunds.push(record);
    Ok(out)
}

/// Amounts in bills are 元 with two decimals.
fn yuan(fen: u64) -> String {
    format!("{}.{:02}", fen / 100, fen % 100)
}

fn bill(
    pay: &mut PayState,
    shared: &Shared,
    mchid: &str,
    kind: &str,
    query: &[(String, String)],
) -> Result<Answer, Answer> {
    let date = query_get(query, "bill_date").unwrap_or_default();
    let valid = date.len() == 10
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !valid {
        return Err(error(400, "PARAM_ERROR", "bill_date 格式应为 yyyy-MM-DD"));
    }
    let paid: Vec<&Order> = pay
        .orders
        .iter()
        .filter(|o| o.mchid == mchid && o.success_time.starts_with(date))
        .collect();
    let mut csv = String::new();
    if kind == "tradebill" {
        csv.push_str("交易时间,公众账号ID,商户号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,商品名称,商户数据包,订单金额\n");
        for o in &paid {
            csv.push_str(&format!(
                "`{},`{},`{},`{},`{},`{},`{},`SUCCESS,`OTHERS,`{},`{},`{},`{},`{}\n",
                o.success_time[..19].replace('T', " "),
                o.appid,
                o.mchid,
                o.transaction_id,
                o.out_trade_no,
                o.openid,
                o.trade_type,
                o.currency,
                yuan(o.total),
                o.description.replace(',', " "),
                o.attach.replace(',', " "),
                yuan(o.total)
            ));
        }
        let sum: u64 = paid.iter().map(|o| o.total).sum();
        csv.push_str("总交易单数,应结订单总金额,退款总金额,订单总金额\n");
        csv.push_str(&format!(
            "`{},`{},`0.00,`{}\n",
            paid.len(),
            yuan(sum),
            yuan(sum)
        ));
    } else {
        csv.push_str(
            "记账时间,微信支付业务单号,业务名称,业务类型,收支类型,收支金额(元),业务凭证号\n",
        );
        let mut income = 0;
        for o in &paid {
            income += o.total;
            csv.push_str(&format!(
                "`{},`{},`交易,`交易,`收入,`{},`{}\n",
                o.success_time[..19].replace('T', " "),
                o.transaction_id,
                yuan(o.total),
                o.out_trade_no
            ));
        }
        let refunds: Vec<&RefundRecord> = pay
            .refunds
            .iter()
            .filter(|r| r.mchid == mchid && r.success_time.starts_with(date))
            .collect();
        let mut outgo = 0;
        for r in &refunds {
            outgo += r.refund;
            csv.push_str(&format!(
                "`{},`{},`退款,`退款,`支出,`{},`{}\n",
                r.success_time[..19].replace('T', " "),
                r.refund_id,
                yuan(r.refund),
                r.out_refund_no
            ));
        }
        csv.push_str("资金流水总笔数,收入笔数,收入金额,支出笔数,支出金额\n");
        csv.push_str(&format!(
            "`{},`{},`{},`{},`{}\n",
            paid.len() + refunds.len(),
            paid.len(),
            yuan(income),
            refunds.len(),
            yuan(outgo)
        ));
        if refunds.is_empty() && paid.is_empty() {
            return Err(error(400, "NO_STATEMENT_EXIST", "请求的账单文件不存在"));
        }
    }
    if paid.is_empty() && kind == "tradebill" {
        return Err(error(400, "NO_STATEMENT_EXIST", "请求的账单文件不存在"));
    }
    let bytes = csv.into_bytes();
    let hash = hex::encode(Sha1::digest(&bytes));
    let token = pay.rng.token_chars(48);
    pay.bills.insert(token.clone(), bytes);
    Ok(answer(
        200,
        &json!({
            "hash_type": "SHA1",
            "hash_value": hash,
            "download_url": format!("{}{BILL_DOWNLOAD}?token={token}", shared.base_url),
        }),
    ))
}

/// A notification the emulator pushed, and what the callback answered.
#[derive(Clone, Debug)]
pub struct PayNotification {
    /// The JSON body sent (its `resource` encrypted).
    pub body: Vec<u8>,
    /// The signature headers sent with it.
    pub headers: Vec<(String, String)>,
    /// The `resource`, decrypted: the order or the refund.
    pub resource: Value,
    /// The callback's HTTP status (`None` when it could not be reached).
    pub status: Option<u16>,
    /// The callback's answer, or why it could not be reached.
    pub answer: String,
}

async fn push(
    url: &str,
    body: Vec<u8>,
    headers: Vec<(&'static str, String)>,
    resource: Value,
) -> PayNotification {
    let mut request = reqwest::Client::new()
        .post(url)
        .header("Content-Type", "application/json")
        .body(body.clone());
    for (name, value) in &headers {
        request = request.header(*name, value);
    }
    let (status, answer) = match request.send().await {
        Ok(r) => {
            let status = r.status().as_u16();
            (Some(status), r.text().await.unwrap_or_default())
        }
        Err(e) => (None, e.to_string()),
    };
    PayNotification {
        body,
        headers: headers
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
        resource,
        status,
        answer,
    }
}

impl Controller {
    /// The serial number of the emulated platform certificate.
    pub fn pay_platform_serial(&self) -> &'static str {
        PLATFORM_SERIAL
    }

    /// The emulated platform certificate (self-signed X.509, PEM).
    pub fn pay_platform_certificate_pem(&self) -> &'static str {
        PLATFORM_CERT_PEM
    }

    /// The public key of the platform certificate (SubjectPublicKeyInfo PEM).
    pub fn pay_platform_public_key_pem(&self) -> &'static str {
        PLATFORM_PUBLIC_PEM
    }

    /// The id of the emulated WeChat Pay public key ([`PUBLIC_KEY_ID`]).
    pub fn pay_public_key_id(&self) -> &'static str {
        PUBLIC_KEY_ID
    }

    /// The emulated WeChat Pay public key (SubjectPublicKeyInfo PEM).
    pub fn pay_public_key_pem(&self) -> &'static str {
        PUBKEY_PEM
    }

    /// Which key signs answers and notifications now.
    pub fn pay_signing_key(&self) -> PaySigningKey {
        lock(&self.shared).signing
    }

    /// Signs answers and notifications with this key from now on.
    pub fn set_pay_signing_key(&self, key: PaySigningKey) {
        lock(&self.shared).signing = key;
    }

    /// The `trade_state` of a merchant's order, if it exists.
    pub fn pay_order_state(&self, mchid: &str, out_trade_no: &str) -> Option<String> {
        lock(&self.shared)
            .order_mut(mchid, out_trade_no)
            .map(|o| o.state.to_owned())
    }

    /// The payer pays an unpaid order (`NOTPAY` → `SUCCESS`), and WeChat Pay pushes the signed,
    /// encrypted `TRANSACTION.SUCCESS` notification to `notify_url` (the order's own when
    /// `None`). Errs when the order is unknown or not `NOTPAY`.
    pub async fn pay_order(
        &self,
        mchid: &str,
        out_trade_no: &str,
        notify_url: Option<&str>,
    ) -> Result<PayNotification, String> {
        let now = self.now_ms();
        let (url, body, headers, resource) = {
            let mut pay = lock(&self.shared);
            let merchant = pay.merchant_index(mchid)?;
            let transaction_id = format!("4200{}", pay.rng.next_u64() % 10_u64.pow(18));
            let openid = format!("oEmu{}", pay.rng.token_chars(24));
            let order = pay
                .order_mut(mchid, out_trade_no)
                .ok_or(format!("no order {out_trade_no} of merchant {mchid}"))?;
            if order.state != "NOTPAY" {
                return Err(format!("order {out_trade_no} is {}", order.state));
            }
            order.state = "SUCCESS";
            order.transaction_id = transaction_id;
            order.success_time = rfc3339(now);
            if order.openid.is_empty() {
                order.openid = openid;
            }
            let resource = order_json(order);
            let url = notify_url.map_or_else(|| order.notify_url.clone(), str::to_owned);
            let (body, headers) = pay.notification(
                merchant,
                "TRANSACTION.SUCCESS",
                "支付成功",
                "transaction",
                &resource,
                now,
            );
            (url, body, headers, resource)
        };
        Ok(push(&url, body, headers, resource).await)
    }

    /// A refund in `PROCESSING` succeeds, and WeChat Pay pushes the signed, encrypted
    /// `REFUND.SUCCESS` notification to `notify_url` (the refund's own when `None`).
    pub async fn succeed_refund(
        &self,
        mchid: &str,
        out_refund_no: &str,
        notify_url: Option<&str>,
    ) -> Result<PayNotification, String> {
        let now = self.now_ms();
        let (url, body, headers, resource) = {
            let mut pay = lock(&self.shared);
            let merchant = pay.merchant_index(mchid)?;
            let record = pay
                .refunds
                .iter_mut()
                .find(|r| r.mchid == mchid && r.out_refund_no == out_refund_no)
                .ok_or(format!("no refund {out_refund_no} of merchant {mchid}"))?;
            if record.status != "PROCESSING" {
                return Err(format!("refund {out_refund_no} is {}", record.status));
            }
            record.status = "SUCCESS";
            record.success_time = rfc3339(now);
            let resource = json!({
                "mchid": record.mchid,
                "transaction_id": record.transaction_id,
                "out_trade_no": record.out_trade_no,
                "refund_id": record.refund_id,
                "out_refund_no": record.out_refund_no,
                "refund_status": record.status,
                "success_time": record.success_time,
                "user_received_account": "支付用户零钱",
                "amount": {
                    "total": record.total,
                    "refund": record.refund,
                    "payer_total": record.total,
                    "payer_refund": record.refund,
                },
            });
            let url = notify_url.map_or_else(|| record.notify_url.clone(), str::to_owned);
            if url.is_empty() {
                return Err(format!(
                    "refund {out_refund_no} has no notify_url: give one"
                ));
            }
            let (body, headers) = pay.notification(
                merchant,
                "REFUND.SUCCESS",
                "退款成功",
                "refund",
                &resource,
                now,
            );
            (url, body, headers, resource)
        };
        Ok(push(&url, body, headers, resource).await)
    }
}

#[derive(Deserialize)]
struct SigningBody {
    key: PaySigningKey,
}

#[derive(Deserialize)]
struct EventBody {
    #[serde(default)]
    mchid: Option<String>,
    #[serde(default)]
    out_trade_no: Option<String>,
    #[serde(default)]
    out_refund_no: Option<String>,
    #[serde(default)]
    notify_url: Option<String>,
}

fn notification_json(n: &PayNotification) -> Value {
    json!({
        "notification": serde_json::from_slice::<Value>(&n.body).unwrap_or_default(),
        "resource": n.resource,
        "status": n.status,
        "answer": n.answer,
    })
}

/// The control routes under `/__emulator/pay/`.
pub(crate) async fn control(
    ctl: &Controller,
    method: &str,
    route: &str,
    body: &[u8],
) -> (u16, Value) {
    let bad = |m: String| (400, json!({ "error": m }));
    let body = if body.iter().all(u8::is_ascii_whitespace) {
        &b"{}"[..]
    } else {
        body
    };
    match (method, route) {
        ("GET", "/pay/keys") => (
            200,
            json!({
                "platform_serial": PLATFORM_SERIAL,
                "platform_certificate_pem": PLATFORM_CERT_PEM,
                "platform_public_key_pem": PLATFORM_PUBLIC_PEM,
                "public_key_id": PUBLIC_KEY_ID,
                "public_key_pem": PUBKEY_PEM,
                "signing_key": ctl.pay_signing_key(),
            }),
        ),
        ("POST", "/pay/signing_key") => match serde_json::from_slice::<SigningBody>(body) {
            Ok(b) => {
                ctl.set_pay_signing_key(b.key);
                (200, json!({ "signing_key": b.key }))
            }
            Err(e) => bad(format!(
                "give {{\"key\": \"certificate\" | \"public_key\"}}: {e}"
            )),
        },
        ("POST", "/pay/orders/pay" | "/pay/refunds/succeed") => {
            let b = match serde_json::from_slice::<EventBody>(body) {
                Ok(b) => b,
                Err(e) => return bad(format!("invalid JSON body: {e}")),
            };
            let mchid = b.mchid.unwrap_or_else(|| pay_demo::MCHID.to_owned());
            let outcome = match (route, b.out_trade_no, b.out_refund_no) {
                ("/pay/orders/pay", Some(no), _) => {
                    ctl.pay_order(&mchid, &no, b.notify_url.as_deref()).await
                }
                ("/pay/refunds/succeed", _, Some(no)) => {
                    ctl.succeed_refund(&mchid, &no, b.notify_url.as_deref())
                        .await
                }
                _ => return bad("give `out_trade_no` (orders) or `out_refund_no` (refunds)".into()),
            };
            match outcome {
                Ok(n) => (200, notification_json(&n)),
                Err(e) => (404, json!({ "error": e })),
            }
        }
        _ => (
            404,
            json!({ "error": format!("no control route {method} {route}") }),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_beijing_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T08:00:00+08:00");
        // 2024-02-29T15:59:59Z, a leap day, is 23:59:59 in Beijing.
        assert_eq!(rfc3339(1_709_222_399_000), "2024-02-29T23:59:59+08:00");
        // One second later it is March in Beijing.
        assert_eq!(rfc3339(1_709_222_400_000), "2024-03-01T00:00:00+08:00");
    }

    #[test]
    fn bad_merchant_keys_are_refused_at_start() {
        let mut m = PayMerchant::demo();
        m.public_key_pem = "-----BEGIN PUBLIC KEY-----\n%%%\n-----END PUBLIC KEY-----".into();
        assert!(PayState::new(&[m]).is_err());
        assert!(PayState::new(&[PayMerchant::demo()]).is_ok());
        assert!(!format!("{:?}", PayMerchant::demo()).contains(pay_demo::APIV3_KEY));
    }
}
