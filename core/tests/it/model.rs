//! The endpoint model through the driver: every auth scheme applied after build (tokens, webhook
//! keys, signers), signed answers verified before parsing, every envelope kind, path parameters
//! and methods, and the token engine's caches staying bounded.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use futures::executor::block_on;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use wechat_core::auth::{SignContext, Signer};
use wechat_core::client::{BoxFuture, HttpClient, Runtime};
use wechat_core::endpoint::{Ack, Endpoint, Meta, build_request, meta_of};
use wechat_core::{Auth, AuthScheme, Client, ErrCode, Error, MemoryStore, Secret, TokenFlow};

use crate::common::{FixedRuntime, T0};

/// `webhook/send`: a group robot's message.
#[derive(Serialize)]
struct RobotSend {
    msgtype: &'static str,
    text: RobotText,
}

#[derive(Serialize)]
struct RobotText {
    content: &'static str,
}

/// A Pay-v3-shaped query: a path parameter, the merchant id in the query.
#[derive(Serialize)]
struct QueryOrder {
    #[serde(skip)]
    transaction_id: String,
    mchid: &'static str,
}

#[derive(Debug, Deserialize, Serialize, PartialEq)]
struct Order {
    transaction_id: String,
    trade_state: String,
}

/// A Pay-v3-shaped close: a JSON body, answered 204 with nothing.
#[derive(Serialize)]
struct CloseOrder {
    #[serde(skip)]
    out_trade_no: String,
    mchid: &'static str,
}

/// Pay v2 `unifiedorder`: an XML body, an XML answer.
#[derive(Serialize)]
struct UnifiedOrder {
    appid: &'static str,
    mch_id: &'static str,
    body: &'static str,
    total_fee: u32,
}

#[derive(Debug, Deserialize, Serialize)]
struct Prepay {
    prepay_id: String,
}

/// Virtual payment: the app's token and the AppKey's signature of the body.
#[derive(Serialize)]
struct QueryUserBalance {
    openid: &'static str,
    env: u8,
}

#[derive(Debug, Deserialize, Serialize)]
struct Balance {
    balance: u64,
}

/// A `DELETE` and a `PATCH` with path parameters.
#[derive(Serialize)]
struct DeleteThing {
    #[serde(skip)]
    id: u64,
}

#[derive(Serialize)]
struct PatchThing {
    #[serde(skip)]
    id: u64,
    name: &'static str,
}

static PARSED: AtomicUsize = AtomicUsize::new(0);

/// Counts the orders parsed: a signature that fails must stop the call before this runs.
fn parse_order(
    meta: &'static Meta,
    response: &http::Response<Vec<u8>>,
) -> wechat_core::Result<Order> {
    PARSED.fetch_add(1, Ordering::SeqCst);
    wechat_core::endpoint::parse(meta, response)
}

wechat_core::endpoint! {
    area: "test";

    RobotSend => Ack {
        POST Work "/cgi-bin/webhook/send",
        auth: WebhookKey, repeat: Never,
        json: none,
        doc: "https://developer.work.weixin.qq.com/document/path/91770",
    }
    QueryOrder => Order {
        GET Pay "/v3/pay/transactions/id/{transaction_id}",
        auth: PayV3Signature, repeat: Safe,
        path_params: [transaction_id],
        envelope: PayV3,
        parse: parse_order,
        json: none,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/query-by-wx-trade-no.html",
    }
    CloseOrder => Ack {
        POST Pay "/v3/pay/transactions/out-trade-no/{out_trade_no}/close",
        auth: PayV3Signature, repeat: Safe,
        path_params: [out_trade_no],
        envelope: PayV3,
        json: none,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/close-order.html",
    }
    UnifiedOrder => Prepay {
        POST Pay "/pay/unifiedorder",
        auth: PayV2Sign, repeat: Never,
        fields: xml,
        envelope: PayV2Xml,
        json: none,
        doc: "https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_1",
    }
    QueryUserBalance => Balance {
        POST Api "/xpay/query_user_balance",
        auth: XpaySignature, repeat: Safe,
        json: none,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/xpay/api_queryuserbalance.html",
    }
    DeleteThing => Ack {
        DELETE Pay "/v3/things/{id}",
        auth: PayV3Signature, repeat: Never,
        path_params: [id],
        envelope: Empty,
        json: none,
        doc: "https://pay.weixin.qq.com/",
    }
    PatchThing => Ack {
        PATCH Pay "/v3/things/{id}",
        auth: PayV3Signature, repeat: Never,
        path_params: [id],
        envelope: PayV3,
        json: none,
        doc: "https://pay.weixin.qq.com/",
    }
}

/// A stand-in for a merchant's RSA key: the Pay v3 header and message shapes, with
/// SHA-256(key ‖ message) in place of the RSA signature.
struct TestMerchant {
    key: Secret,
    /// The key WeChat Pay signs its answers with.
    platform_key: Secret,
    verified: AtomicUsize,
}

fn digest(key: &Secret, message: &str) -> String {
    let mut h = Sha256::new();
    h.update(key.expose().as_bytes());
    h.update(message.as_bytes());
    hex::encode(h.finalize())
}

/// `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n`, as Pay v3 signs a request.
fn request_message(r: &http::Request<Vec<u8>>, timestamp: &str, nonce: &str) -> String {
    let pq = r.uri().path_and_query().map_or("/", |pq| pq.as_str());
    format!(
        "{}\n{pq}\n{timestamp}\n{nonce}\n{}\n",
        r.method(),
        String::from_utf8_lossy(r.body())
    )
}

impl Signer for TestMerchant {
    fn id(&self) -> &str {
        "1900000109"
    }

    fn sign<'a>(
        &'a self,
        request: &'a mut http::Request<Vec<u8>>,
        context: SignContext<'a>,
    ) -> BoxFuture<'a, wechat_core::Result<()>> {
        Box::pin(std::future::ready(self.sign_now(request, &context)))
    }

    fn verify<'a>(
        &'a self,
        meta: &'a Meta,
        response: &'a http::Response<Vec<u8>>,
    ) -> BoxFuture<'a, wechat_core::Result<()>> {
        Box::pin(std::future::ready(self.verify_now(meta, response)))
    }
}

impl TestMerchant {
    fn sign_now(
        &self,
        request: &mut http::Request<Vec<u8>>,
        context: &SignContext<'_>,
    ) -> wechat_core::Result<()> {
        match context.meta.auth {
            AuthScheme::PayV3Signature => {
                let timestamp = (context.now_ms / 1000).to_string();
                let signature = digest(
                    &self.key,
                    &request_message(request, &timestamp, context.nonce),
                );
                let header = format!(
                    r#"WECHATPAY2-SHA256-RSA2048 mchid="1900000109",nonce_str="{}",signature="{signature}",timestamp="{timestamp}",serial_no="SERIAL1""#,
                    context.nonce
                );
                request
                    .headers_mut()
                    .insert(http::header::AUTHORIZATION, header.parse().unwrap());
            }
            AuthScheme::PayV2Sign => {
                // nonce_str and sign join the XML body's fields.
                let body = String::from_utf8(request.body().clone()).unwrap();
                let fields = body.trim_start_matches("<xml>").trim_end_matches("</xml>");
                let sign = digest(
                    &self.key,
                    &format!("{fields}<nonce_str>{}</nonce_str>", context.nonce),
                );
                *request.body_mut() = format!(
                    "<xml>{fields}<nonce_str>{}</nonce_str><sign>{sign}</sign></xml>",
                    context.nonce
                )
                .into_bytes();
            }
            AuthScheme::XpaySignature => {
                // pay_sig over `uri&body`, after the access_token the driver put first.
                let message = format!(
                    "{}&{}",
                    request.uri().path(),
                    String::from_utf8_lossy(request.body())
                );
                let pay_sig = digest(&self.key, &message);
                let uri = format!("{}&pay_sig={pay_sig}", request.uri());
                *request.uri_mut() = uri.parse().unwrap();
            }
            other => panic!("{other:?}"),
        }
        Ok(())
    }

    fn verify_now(
        &self,
        meta: &Meta,
        response: &http::Response<Vec<u8>>,
    ) -> wechat_core::Result<()> {
        self.verified.fetch_add(1, Ordering::SeqCst);
        if meta.auth != AuthScheme::PayV3Signature {
            return Ok(());
        }
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        let message = format!(
            "{}\n{}\n{}\n",
            header("wechatpay-timestamp"),
            header("wechatpay-nonce"),
            String::from_utf8_lossy(response.body())
        );
        if digest(&self.platform_key, &message) == header("wechatpay-signature") {
            Ok(())
        } else {
            Err(Error::Signature(format!(
                "serial {}",
                header("wechatpay-serial")
            )))
        }
    }
}

/// WeChat Pay and a robot's webhook on one fake host: it checks each request's credential as the
/// real one would, and answers (signed, or signed with the wrong key when told to).
struct FakePay {
    merchant_key: Secret,
    platform_key: Secret,
    forge_answers: bool,
    seen: Mutex<Vec<http::Request<Vec<u8>>>>,
}

impl FakePay {
    fn new(forge_answers: bool) -> Arc<Self> {
        Arc::new(Self {
            merchant_key: Secret::new("MERCHANT-KEY"),
            platform_key: Secret::new("PLATFORM-KEY"),
            forge_answers,
            seen: Mutex::default(),
        })
    }

    fn answer(&self, request: &http::Request<Vec<u8>>) -> http::Response<Vec<u8>> {
        let path = request.uri().path();
        let signed_answer = |status: u16, body: &str| {
            let key = if self.forge_answers {
                Secret::new("SOMEONE-ELSE")
            } else {
                self.platform_key.clone()
            };
            let signature = digest(&key, &format!("1700000000\nANSWERNONCE\n{body}\n"));
            http::Response::builder()
                .status(status)
                .header("Wechatpay-Timestamp", "1700000000")
                .header("Wechatpay-Nonce", "ANSWERNONCE")
                .header("Wechatpay-Serial", "PUB_KEY_ID_0114232134912410000")
                .header("Wechatpay-Signature", signature)
                .body(body.as_bytes().to_vec())
                .unwrap()
        };
        if path == "/cgi-bin/webhook/send" {
            let ok = request.uri().query() == Some("key=ROBOT-KEY");
            let body = if ok {
                r#"{"errcode":0,"errmsg":"ok"}"#
            } else {
                r#"{"errcode":93000,"errmsg":"invalid webhook url"}"#
            };
            return http::Response::new(body.as_bytes().to_vec());
        }
        if path == "/xpay/query_user_balance" {
            let message = format!("{path}&{}", String::from_utf8_lossy(request.body()));
            let expected = format!(
                "access_token=ACCESS_TOKEN&pay_sig={}",
                digest(&self.merchant_key, &message)
            );
            let body = if request.uri().query() == Some(expected.as_str()) {
                r#"{"errcode":0,"errmsg":"ok","balance":100}"#
            } else {
                r#"{"errcode":268490004,"errmsg":"invalid pay_sig"}"#
            };
            return http::Response::new(body.as_bytes().to_vec());
        }
        if path == "/cgi-bin/stable_token" {
            return http::Response::new(
                br#"{"access_token":"ACCESS_TOKEN","expires_in":7200}"#.to_vec(),
            );
        }
        if path == "/pay/unifiedorder" {
            let body = String::from_utf8_lossy(request.body()).into_owned();
            let inner = body.trim_start_matches("<xml>").trim_end_matches("</xml>");
            let (fields, sign) = inner.split_once("<sign>").unwrap();
            let sign = sign.trim_end_matches("</sign>");
            let answer = if digest(&self.merchant_key, fields) == sign {
                "<xml><return_code>SUCCESS</return_code><result_code>SUCCESS</result_code><prepay_id>wx2014</prepay_id></xml>"
            } else {
                "<xml><return_code>FAIL</return_code><return_msg>invalid sign</return_msg></xml>"
            };
            return http::Response::new(answer.as_bytes().to_vec());
        }
        // Pay v3: check the Authorization header over the request as sent.
        let auth = request
            .headers()
            .get(http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let field = |name: &str| {
            auth.split(&format!("{name}=\""))
                .nth(1)
                .and_then(|r| r.split('"').next())
                .unwrap_or_default()
                .to_owned()
        };
        let expected = digest(
            &self.merchant_key,
            &request_message(request, &field("timestamp"), &field("nonce_str")),
        );
        if !auth.starts_with("WECHATPAY2-SHA256-RSA2048 ") || field("signature") != expected {
            return signed_answer(401, r#"{"code":"SIGN_ERROR","message":"bad signature"}"#);
        }
        match (request.method().as_str(), path) {
            ("GET", "/v3/pay/transactions/id/4200000985202103031441826014") => signed_answer(
                200,
                r#"{"transaction_id":"4200000985202103031441826014","trade_state":"SUCCESS"}"#,
            ),
            ("GET", _) => signed_answer(
                404,
                r#"{"code":"ORDER_NOT_EXIST","message":"no such order"}"#,
            ),
            ("POST", _) => signed_answer(204, ""),
            ("DELETE", "/v3/things/7") => signed_answer(204, ""),
            ("PATCH", "/v3/things/7") => {
                signed_answer(500, r#"{"code":"SYSTEM_ERROR","message":"busy"}"#)
            }
            _ => signed_answer(400, r#"{"code":"PARAM_ERROR","message":"?"}"#),
        }
    }
}

#[derive(Clone)]
struct PayHttp(Arc<FakePay>);

impl HttpClient for PayHttp {
    async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> wechat_core::Result<http::Response<Vec<u8>>> {
        let response = self.0.answer(&request);
        self.0.seen.lock().unwrap().push(request);
        Ok(response)
    }
}

fn merchant() -> Arc<TestMerchant> {
    Arc::new(TestMerchant {
        key: Secret::new("MERCHANT-KEY"),
        platform_key: Secret::new("PLATFORM-KEY"),
        verified: AtomicUsize::new(0),
    })
}

fn pay_client(pay: &Arc<FakePay>, auth: Auth) -> Client<PayHttp, MemoryStore, FixedRuntime> {
    Client::new(
        auth,
        PayHttp(pay.clone()),
        MemoryStore::new(|| T0),
        FixedRuntime::default(),
    )
}

#[test]
fn webhook_key_goes_in_the_query_and_nowhere_else() {
    let pay = FakePay::new(false);
    let robot = pay_client(&pay, Auth::Webhook(Secret::new("ROBOT-KEY")));
    let send = RobotSend {
        msgtype: "text",
        text: RobotText { content: "hello" },
    };
    block_on(robot.call(&send)).unwrap();
    assert!(!format!("{robot:?}").contains("ROBOT-KEY"));
    // A client without the key says so before anything is sent.
    let nobody = robot.with_auth(Auth::None);
    let err = block_on(nobody.call(&send)).unwrap_err();
    assert!(matches!(err, Error::Build(_)), "{err:?}");
    assert_eq!(pay.seen.lock().unwrap().len(), 1);
    // Nor does an app's token stand in for a webhook key.
    let app = robot.with_auth(TokenFlow::Stable {
        appid: "wx1".into(),
        secret: Secret::new("S"),
    });
    assert!(matches!(block_on(app.call(&send)), Err(Error::Build(_))));
}

#[test]
fn pay_v3_requests_are_signed_and_answers_verified() {
    let pay = FakePay::new(false);
    let m = merchant();
    let client = pay_client(&pay, Auth::Signer(m.clone()));
    let query = QueryOrder {
        transaction_id: "4200000985202103031441826014".into(),
        mchid: "1900000109",
    };
    let order = block_on(client.call(&query)).unwrap();
    assert_eq!(order.trade_state, "SUCCESS");
    let sent = pay.seen.lock().unwrap().pop().unwrap();
    assert_eq!(
        sent.uri(),
        "https://api.mch.weixin.qq.com/v3/pay/transactions/id/4200000985202103031441826014?mchid=1900000109"
    );
    let auth = sent.headers()["authorization"].to_str().unwrap();
    assert!(auth.contains(r#"timestamp="1700000000""#), "{auth}");
    assert_eq!(meta_of(&sent), Some(QueryOrder::META));
    assert_eq!(m.verified.load(Ordering::SeqCst), 1);

    // WeChat Pay's errors: a string code, read after the answer verified.
    let missing = QueryOrder {
        transaction_id: "4200".into(),
        mchid: "1900000109",
    };
    let err = block_on(client.call(&missing)).unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::Text("ORDER_NOT_EXIST".into())));

    // 204 without a body; path parameters percent-encoded.
    let close = CloseOrder {
        out_trade_no: "1217752501 201407033233368018".into(),
        mchid: "1900000109",
    };
    assert_eq!(
        block_on(client.call(&close)).unwrap(),
        Ack {
            extra: Default::default(),
        }
    );
    let sent = pay.seen.lock().unwrap().pop().unwrap();
    assert_eq!(
        sent.uri().path(),
        "/v3/pay/transactions/out-trade-no/1217752501%20201407033233368018/close"
    );
    assert_eq!(sent.body(), br#"{"mchid":"1900000109"}"#);

    // DELETE and PATCH.
    assert_eq!(
        block_on(client.call(&DeleteThing { id: 7 })).unwrap(),
        Ack {
            extra: Default::default(),
        }
    );
    let err = block_on(client.call(&PatchThing { id: 7, name: "x" })).unwrap_err();
    assert!(err.is_transient(), "{err:?}");
    // A PATCH is never repeated automatically.
    let patches = pay
        .seen
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.method() == http::Method::PATCH)
        .count();
    assert_eq!(patches, 1);
}

#[test]
fn an_answer_whose_signature_fails_is_never_parsed() {
    let pay = FakePay::new(true);
    let client = pay_client(&pay, Auth::Signer(merchant()));
    let query = QueryOrder {
        transaction_id: "4200000985202103031441826014".into(),
        mchid: "1900000109",
    };
    let before = PARSED.load(Ordering::SeqCst);
    let err = block_on(client.call(&query)).unwrap_err();
    assert!(matches!(err, Error::Signature(_)), "{err:?}");
    assert_eq!(
        PARSED.load(Ordering::SeqCst),
        before,
        "parsed a forged answer"
    );
    assert!(!format!("{err:?} {err}").contains("PLATFORM-KEY"));
    // Without a signer, a signed endpoint is not even sent.
    let sent = pay.seen.lock().unwrap().len();
    let nobody = client.with_auth(Auth::None);
    assert!(matches!(
        block_on(nobody.call(&query)),
        Err(Error::Build(_))
    ));
    assert_eq!(pay.seen.lock().unwrap().len(), sent);
}

#[test]
fn pay_v2_signs_the_xml_body() {
    let pay = FakePay::new(false);
    let client = pay_client(&pay, Auth::Signer(merchant()));
    let order = UnifiedOrder {
        appid: "wxd678efh567hg6787",
        mch_id: "1230000109",
        body: "a & b",
        total_fee: 1,
    };
    let prepay = block_on(client.call(&order)).unwrap();
    assert_eq!(prepay.prepay_id, "wx2014");
    let sent = pay.seen.lock().unwrap().pop().unwrap();
    assert_eq!(sent.headers()["content-type"], "text/xml");
    let body = String::from_utf8(sent.body().clone()).unwrap();
    assert!(
        body.starts_with("<xml><appid>wxd678efh567hg6787</appid><mch_id>1230000109</mch_id><body>a &amp; b</body>"),
        "{body}"
    );
    // A merchant with the wrong key: WeChat Pay's FAIL becomes the error.
    let wrong = Arc::new(TestMerchant {
        key: Secret::new("WRONG"),
        platform_key: Secret::new("PLATFORM-KEY"),
        verified: AtomicUsize::new(0),
    });
    let err = block_on(client.with_auth(Auth::Signer(wrong)).call(&order)).unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::Text("FAIL".into())));
}

#[test]
fn virtual_payment_carries_the_token_and_the_signature() {
    let pay = FakePay::new(false);
    let app = TokenFlow::Stable {
        appid: "wxmini".into(),
        secret: Secret::new("S"),
    };
    let client = pay_client(&pay, Auth::TokenAndSigner(app.clone(), merchant()));
    let query = QueryUserBalance {
        openid: "o1",
        env: 0,
    };
    assert_eq!(block_on(client.call(&query)).unwrap().balance, 100);
    // The token alone, or the signer alone, is not enough.
    assert!(matches!(
        block_on(client.with_auth(app).call(&query)),
        Err(Error::Build(_))
    ));
    assert!(matches!(
        block_on(client.with_auth(Auth::Signer(merchant())).call(&query)),
        Err(Error::Build(_))
    ));
}

#[test]
fn built_requests_carry_their_endpoint() {
    let hosts = wechat_core::Hosts::default();
    let r = build_request(&hosts, &DeleteThing { id: 7 }).unwrap();
    assert_eq!(r.method(), http::Method::DELETE);
    assert_eq!(meta_of(&r).map(|m| m.name), Some(DeleteThing::META.name));
    assert!(DeleteThing::META.name.ends_with("::DeleteThing"));
    assert_eq!(CATALOG.len(), 7);
    let empty = build_request(&hosts, &DeleteThing { id: 0 });
    assert!(empty.is_ok(), "0 is a value");
    let blank = QueryOrder {
        transaction_id: String::new(),
        mchid: "1",
    };
    assert!(matches!(
        build_request(&hosts, &blank),
        Err(Error::Build(_))
    ));
}

/// A clock the test moves, shared by the runtime and the store.
#[derive(Clone)]
struct MovingRuntime(Arc<AtomicU64>);

impl Runtime for MovingRuntime {
    fn now_ms(&self) -> u64 {
        self.0.load(Ordering::SeqCst)
    }
    async fn sleep(&self, ms: u64) {
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
    fn fill_random(&self, buf: &mut [u8]) {
        buf.fill(7);
    }
}

/// Hands out a token to whoever asks.
#[derive(Clone)]
struct TokenServer;

impl HttpClient for TokenServer {
    async fn send(
        &self,
        _request: http::Request<Vec<u8>>,
    ) -> wechat_core::Result<http::Response<Vec<u8>>> {
        Ok(http::Response::new(
            br#"{"access_token":"T","expires_in":7200}"#.to_vec(),
        ))
    }
}

#[test]
fn a_hundred_thousand_token_keys_keep_the_engine_bounded() {
    const KEYS: u64 = 100_000;
    const CAPACITY: usize = 2_000;
    let clock = Arc::new(AtomicU64::new(T0));
    let store_clock = clock.clone();
    let engine = Client::new(
        Auth::None,
        TokenServer,
        MemoryStore::new(move || store_clock.load(Ordering::SeqCst)),
        MovingRuntime(clock.clone()),
    )
    .with_cache_capacity(CAPACITY);
    let mut largest = 0;
    for i in 0..KEYS {
        // A thousand authorizers every five minutes: tokens of two hours ago have expired.
        if i % 1_000 == 0 {
            clock.fetch_add(300_000, Ordering::SeqCst);
        }
        let app = engine.with_auth(TokenFlow::Stable {
            appid: format!("wx{i}"),
            secret: Secret::new("S"),
        });
        assert_eq!(block_on(app.token()).unwrap().expose(), "T");
        let stats = engine.cache_stats();
        largest = largest.max(stats.tokens);
        assert_eq!(
            stats.flights, 0,
            "a finished refresh left its flight behind"
        );
    }
    assert!(largest <= CAPACITY, "{largest} tokens in memory");
    assert!(
        engine.cache_stats().tokens > CAPACITY / 2,
        "the cache still serves"
    );
    // About 24 000 tokens are alive at the end; the store sweeps the dead ones as it grows.
    let stored = engine.store().len();
    assert!(stored < 50_000, "the store keeps expired records: {stored}");
}
