//! Virtual payment (虚拟支付, `xpay`): coin balances and payments, cash orders and refunds,
//! bills, withdrawals, and the goods catalog of a Mini Program that sells virtual goods.
//!
//! Every call carries the app's `access_token` and `pay_sig`, the hex HMAC-SHA256 keyed by the
//! AppKey (the sandbox and production environments each have their own) over
//! `uri + "&" + body`. The calls that act for a user ([`QueryUserBalance`], [`CurrencyPay`],
//! [`CancelCurrencyPay`]) also carry `signature`, the hex HMAC-SHA256 keyed by the user's
//! `session_key` over the body. Both are computed by [`XpaySigner`] in the driver's auth step,
//! over the exact bytes that are sent, so a signature never drifts from its body. The session key
//! travels with the request value (`session_key`, never serialized, redacted in `Debug`) and
//! reaches the signer in the built request's extensions as an [`XpaySessionKey`].
//!
//! ```
//! use std::sync::Arc;
//! use wechat_core::api::mp::xpay::{QueryUserBalance, XpayEnv, XpaySigner};
//! use wechat_core::{Secret, TokenFlow};
//! use wechat_core::auth::Auth;
//!
//! let flow = TokenFlow::Stable { appid: "wx1".into(), secret: Secret::new("APPSECRET") };
//! // The sandbox AppKey signs sandbox calls (`env: 1`).
//! let auth = XpaySigner::sandbox(Secret::new("SANDBOX-APPKEY")).auth(flow.clone());
//! // The same, spelled out.
//! let same = Auth::TokenAndSigner(flow, Arc::new(XpaySigner::sandbox(Secret::new("SANDBOX-APPKEY"))));
//! let call = QueryUserBalance::new("oUser", XpayEnv::Sandbox, "1.1.1.1")
//!     .session_key(Secret::new("SESSION-KEY"));
//! assert!(!format!("{call:?}").contains("SESSION-KEY"));
//! // client.with_auth(auth).call(&call).await?
//! # let _ = (auth, same);
//! ```

use std::fmt;
use std::sync::Arc;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::Sha256;

use crate::auth::{Auth, SignContext, Signer};
use crate::client::BoxFuture;
use crate::endpoint::{Ack, AuthScheme, Meta};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::token::TokenFlow;

macro_rules! doc {
    ($name:literal) => {
        concat!(
            "https://developers.weixin.qq.com/miniprogram/dev/server/API/VirtualPayment/api_",
            $name,
            ".html"
        )
    };
}

/// Which environment a call acts in: the request field `env`, `0` production, `1` sandbox.
/// Each has its own AppKey.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum XpayEnv {
    /// `0`: real money (正式环境).
    #[default]
    Production,
    /// `1`: the sandbox (沙箱环境).
    Sandbox,
}

impl XpayEnv {
    /// The number WeChat writes: `0` production, `1` sandbox.
    pub const fn code(self) -> u8 {
        match self {
            XpayEnv::Production => 0,
            XpayEnv::Sandbox => 1,
        }
    }

    /// The environment of a number WeChat writes.
    pub const fn from_code(code: u64) -> Option<Self> {
        match code {
            0 => Some(XpayEnv::Production),
            1 => Some(XpayEnv::Sandbox),
            _ => None,
        }
    }
}

impl Serialize for XpayEnv {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_u8(self.code())
    }
}

impl<'de> Deserialize<'de> for XpayEnv {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let code = crate::lenient::u64(d)?;
        XpayEnv::from_code(code).ok_or_else(|| {
            serde::de::Error::custom(format!("env {code}: 0 (production) or 1 (sandbox)"))
        })
    }
}

/// The user's `session_key` (from `jscode2session`) in a built request's extensions: the key of
/// the user `signature` of the calls that act for a user. Set by the request types that carry
/// one; a caller building requests from JSON (the `wechat` command) inserts it itself.
#[derive(Clone, PartialEq, Eq)]
pub struct XpaySessionKey(pub Secret);

impl fmt::Debug for XpaySessionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("XpaySessionKey([redacted])")
    }
}

/// True for the calls that carry the user's `signature` beside `pay_sig`, and so need the user's
/// session key: `query_user_balance`, `currency_pay` and `cancel_currency_pay`.
pub fn needs_user_signature(meta: &Meta) -> bool {
    meta.auth == AuthScheme::XpaySignature && USER_SIGNED.contains(&meta.path)
}

const USER_SIGNED: &[&str] = &[
    "/xpay/query_user_balance",
    "/xpay/currency_pay",
    "/xpay/cancel_currency_pay",
];

/// Hex HMAC-SHA256 of `message` keyed by `key`.
fn hmac_hex(key: &[u8], parts: &[&[u8]]) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).expect("HMAC takes any key length");
    for part in parts {
        mac.update(part);
    }
    hex::encode(mac.finalize().into_bytes())
}

/// `pay_sig`: hex HMAC-SHA256 keyed by the AppKey over `uri + "&" + body`.
pub fn pay_sig(app_key: &Secret, uri: &str, body: &[u8]) -> String {
    hmac_hex(app_key.expose().as_bytes(), &[uri.as_bytes(), b"&", body])
}

/// The user `signature`: hex HMAC-SHA256 keyed by the user's session key over the body.
pub fn user_signature(session_key: &Secret, body: &[u8]) -> String {
    hmac_hex(session_key.expose().as_bytes(), &[body])
}

/// Signs virtual payment calls ([`AuthScheme::XpaySignature`]) with a Mini Program's AppKey for
/// one environment: `pay_sig` on every call, and the user `signature` where the request carries
/// the user's session key ([`XpaySessionKey`]); a call that needs one and has none is an error.
/// A body whose `env` is not the signer's environment is refused, since WeChat would reject its
/// signature.
///
/// Answers are not signed: [`Signer::verify`] accepts them.
#[derive(Clone)]
pub struct XpaySigner {
    app_key: Secret,
    env: XpayEnv,
}

impl fmt::Debug for XpaySigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("XpaySigner")
            .field("app_key", &"[redacted]")
            .field("env", &self.env)
            .finish()
    }
}

impl XpaySigner {
    /// A signer with the production AppKey (`env: 0`).
    pub fn new(app_key: Secret) -> Self {
        Self::for_env(app_key, XpayEnv::Production)
    }

    /// A signer with the sandbox AppKey (`env: 1`).
    pub fn sandbox(app_key: Secret) -> Self {
        Self::for_env(app_key, XpayEnv::Sandbox)
    }

    /// A signer with the AppKey of `env`.
    pub fn for_env(app_key: Secret, env: XpayEnv) -> Self {
        Self { app_key, env }
    }

    /// The environment this signer's AppKey belongs to.
    pub fn env(&self) -> XpayEnv {
        self.env
    }

    /// Who a client calls as for virtual payment: the app's token flow and this signer, for
    /// `client.with_auth(..)`.
    pub fn auth(self, flow: TokenFlow) -> Auth {
        Auth::TokenAndSigner(flow, Arc::new(self))
    }

    /// Signs a built request whose query already holds the `access_token` (as the driver builds
    /// it): `signature` (where needed) and `pay_sig` join the query, computed over the body as
    /// it stands. For callers that do their own IO, see also [`XpaySigner::sign_with_token`].
    pub fn sign_request(&self, request: &mut http::Request<Vec<u8>>) -> Result<()> {
        let meta = crate::endpoint::meta_of(request)
            .ok_or_else(|| Error::Build("the request carries no endpoint".into()))?;
        if meta.auth != AuthScheme::XpaySignature {
            return Err(Error::Build(format!(
                "{} is not a virtual payment call ({:?})",
                meta.name, meta.auth
            )));
        }
        self.check_env(meta, request.body())?;
        let body = request.body();
        let mut query = String::new();
        match request.extensions().get::<XpaySessionKey>() {
            Some(key) if key.0.is_empty() => {
                return Err(Error::Build(format!(
                    "{}: the user's session key is empty",
                    meta.name
                )));
            }
            Some(key) => {
                query.push_str("&signature=");
                query.push_str(&user_signature(&key.0, body));
            }
            None if needs_user_signature(meta) => {
                return Err(Error::Build(format!(
                    "{} needs the user's session key (its `signature`): set the request's \
                     session_key",
                    meta.name
                )));
            }
            None => {}
        }
        query.push_str("&pay_sig=");
        query.push_str(&pay_sig(&self.app_key, meta.path, body));
        let uri = request.uri().to_string();
        let uri = if request.uri().query().is_some() {
            uri + &query
        } else {
            format!("{uri}?{}", &query[1..])
        };
        // The URI holds a token: never echo it.
        *request.uri_mut() = uri
            .parse()
            .map_err(|_| Error::Build(format!("invalid URL for {}", meta.path)))?;
        Ok(())
    }

    /// Puts `access_token` first in the query of a request built without it
    /// ([`crate::endpoint::build_request`], a catalog entry's `build`), then signs it: the
    /// request the driver would send.
    pub fn sign_with_token(
        &self,
        request: &mut http::Request<Vec<u8>>,
        access_token: &Secret,
    ) -> Result<()> {
        let token = crate::endpoint::encode_component(access_token.expose()).to_string();
        let uri = request.uri();
        let base = format!(
            "{}://{}{}",
            uri.scheme_str().unwrap_or("https"),
            uri.authority().map_or("", |a| a.as_str()),
            uri.path()
        );
        let uri = match uri.query() {
            Some(q) if !q.is_empty() => format!("{base}?access_token={token}&{q}"),
            _ => format!("{base}?access_token={token}"),
        };
        *request.uri_mut() = uri
            .parse()
            .map_err(|_| Error::Build("invalid URL for a virtual payment call".into()))?;
        self.sign_request(request)
    }

    fn check_env(&self, meta: &Meta, body: &[u8]) -> Result<()> {
        #[derive(Deserialize)]
        struct Env {
            #[serde(default, deserialize_with = "crate::lenient::opt_u64")]
            env: Option<u64>,
        }
        let Ok(Env { env: Some(code) }) = serde_json::from_slice::<Env>(body) else {
            return Ok(());
        };
        match XpayEnv::from_code(code) {
            Some(env) if env == self.env => Ok(()),
            _ => Err(Error::Build(format!(
                "{}: the body's env is {code}, but this signer holds the {} AppKey (env {})",
                meta.name,
                match self.env {
                    XpayEnv::Production => "production",
                    XpayEnv::Sandbox => "sandbox",
                },
                self.env.code()
            ))),
        }
    }
}

impl Signer for XpaySigner {
    fn id(&self) -> &str {
        match self.env {
            XpayEnv::Production => "xpay-production",
            XpayEnv::Sandbox => "xpay-sandbox",
        }
    }

    fn sign<'a>(
        &'a self,
        request: &'a mut http::Request<Vec<u8>>,
        _: SignContext<'a>,
    ) -> BoxFuture<'a, Result<()>> {
        Box::pin(std::future::ready(self.sign_request(request)))
    }

    fn verify<'a>(
        &'a self,
        _: &'a Meta,
        _: &'a http::Response<Vec<u8>>,
    ) -> BoxFuture<'a, Result<()>> {
        Box::pin(std::future::ready(Ok(())))
    }
}

/// The [`XpaySessionKey`] of a request that carries one.
fn session_key_of(key: &Option<Secret>, extensions: &mut http::Extensions) {
    if let Some(key) = key {
        extensions.insert(XpaySessionKey(key.clone()));
    }
}

/// Reads `true`/`false` or `1`/`0`.
fn flag<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<bool, D::Error> {
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Bool(b) => Ok(b),
        serde_json::Value::Null => Ok(false),
        serde_json::Value::Number(n) if n.as_u64() == Some(0) => Ok(false),
        serde_json::Value::Number(n) if n.as_u64() == Some(1) => Ok(true),
        other => Err(serde::de::Error::custom(format!(
            "expected a flag, got {other}"
        ))),
    }
}

/// `query_user_balance` (查询代币余额): a user's coin balance and totals. Signed by the user's
/// session key too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryUserBalance {
    /// The user's OpenID.
    pub openid: String,
    /// The environment.
    pub env: XpayEnv,
    /// The user's IP address.
    pub user_ip: String,
    /// The user's `session_key`, for the user `signature`: never sent, never printed.
    #[serde(skip)]
    pub session_key: Option<Secret>,
}

impl QueryUserBalance {
    /// A user's balance; set the session key with [`QueryUserBalance::session_key`].
    pub fn new(openid: impl Into<String>, env: XpayEnv, user_ip: impl Into<String>) -> Self {
        Self {
            openid: openid.into(),
            env,
            user_ip: user_ip.into(),
            session_key: None,
        }
    }

    /// The user's `session_key`.
    pub fn session_key(mut self, session_key: Secret) -> Self {
        self.session_key = Some(session_key);
        self
    }
}

/// What [`QueryUserBalance`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserBalance {
    /// The whole balance, paid and given coins.
    #[serde(default)]
    pub balance: i64,
    /// The given (free) coins.
    #[serde(default)]
    pub present_balance: i64,
    /// Coins bought, in total.
    #[serde(default)]
    pub sum_save: i64,
    /// Coins given, in total.
    #[serde(default)]
    pub sum_present: i64,
    /// Coins ever added.
    #[serde(default)]
    pub sum_balance: i64,
    /// Coins ever spent.
    #[serde(default)]
    pub sum_cost: i64,
    /// Whether a first-purchase offer still applies.
    #[serde(default, deserialize_with = "flag")]
    pub first_save_flag: bool,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `currency_pay` (扣减代币): spends a user's coins on an order. Signed by the user's session key
/// too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurrencyPay {
    /// The user's OpenID.
    pub openid: String,
    /// The environment.
    pub env: XpayEnv,
    /// The user's IP address.
    pub user_ip: String,
    /// Coins to spend.
    pub amount: i64,
    /// The merchant's order number, unique.
    pub order_id: String,
    /// What is bought, for the account's statement: JSON text such as
    /// `[{"productid":"a","unit_price":10,"quantity":1}]`.
    pub payitem: String,
    /// A note shown in the bill.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// `1` Android, `2` iOS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_type: Option<u32>,
    /// The user's `session_key`, for the user `signature`: never sent, never printed.
    #[serde(skip)]
    pub session_key: Option<Secret>,
}

/// What [`CurrencyPay`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CurrencyPayAnswer {
    /// The merchant's order number.
    #[serde(default)]
    pub order_id: String,
    /// The balance left, paid and given coins.
    #[serde(default)]
    pub balance: i64,
    /// How many given coins were spent.
    #[serde(default)]
    pub used_present_amount: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `query_order` (查询创建的订单): a cash order (not a coin payment), by the merchant's or
/// WeChat's order number (one of them).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryOrder {
    /// The user's OpenID.
    pub openid: String,
    /// The environment.
    pub env: XpayEnv,
    /// The merchant's order number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// WeChat's order number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wx_order_id: Option<String>,
}

/// What [`QueryOrder`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryOrderAnswer {
    /// The order.
    #[serde(default)]
    pub order: XpayOrder,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A cash order (or refund) of virtual payment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct XpayOrder {
    /// The merchant's order number.
    #[serde(default)]
    pub order_id: String,
    /// Created, Unix seconds.
    #[serde(default)]
    pub create_time: i64,
    /// Last changed, Unix seconds.
    #[serde(default)]
    pub update_time: i64,
    /// `0` initialising, `1` created, `2` paid (to deliver), `3` delivering, `4` delivered,
    /// `5` refunded, `6` closed, `7` refund failed.
    #[serde(default)]
    pub status: i64,
    /// `0` short drama.
    #[serde(default)]
    pub biz_type: i64,
    /// The order's amount, in fen.
    #[serde(default)]
    pub order_fee: i64,
    /// The discount, in fen.
    #[serde(default)]
    pub coupon_fee: i64,
    /// What the user paid, in fen.
    #[serde(default)]
    pub paid_fee: i64,
    /// `0` payment, `1` refund.
    #[serde(default)]
    pub order_type: i64,
    /// A refund's amount, in fen.
    #[serde(default)]
    pub refund_fee: i64,
    /// Paid (or refunded), Unix seconds.
    #[serde(default)]
    pub paid_time: i64,
    /// Delivered, Unix seconds.
    #[serde(default)]
    pub provide_time: i64,
    /// The merchant's data given with the order.
    #[serde(default)]
    pub biz_meta: String,
    /// `1` production, `2` sandbox.
    #[serde(default)]
    pub env_type: i64,
    /// The token returned when the order was placed.
    #[serde(default)]
    pub token: String,
    /// What is left to refund of a payment, in fen.
    #[serde(default)]
    pub left_fee: i64,
    /// WeChat's order number.
    #[serde(default)]
    pub wx_order_id: String,
    /// The merchant order number on the user's WeChat Pay receipt.
    #[serde(default)]
    pub channel_order_id: String,
    /// The WeChat Pay transaction id on the user's receipt.
    #[serde(default)]
    pub wxpay_order_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `cancel_currency_pay` (代币支付退款): gives back the coins of a [`CurrencyPay`]. Signed by
/// the user's session key too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CancelCurrencyPay {
    /// The user's OpenID.
    pub openid: String,
    /// The environment.
    pub env: XpayEnv,
    /// The user's IP address.
    pub user_ip: String,
    /// The `order_id` of the coin payment.
    pub pay_order_id: String,
    /// This refund's own number.
    pub order_id: String,
    /// Coins to give back.
    pub amount: i64,
    /// `1` Android, `2` iOS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_type: Option<u32>,
    /// The user's `session_key`, for the user `signature`: never sent, never printed.
    #[serde(skip)]
    pub session_key: Option<Secret>,
}

/// What [`CancelCurrencyPay`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CancelCurrencyPayAnswer {
    /// The refund's number.
    #[serde(default)]
    pub order_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `notify_provide_goods` (通知已发货): marks a cash order delivered, when the
/// `xpay_goods_deliver_notify` push could not be answered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotifyProvideGoods {
    /// The merchant's order number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// WeChat's order number (or the merchant's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wx_order_id: Option<String>,
    /// The environment.
    pub env: XpayEnv,
}

/// `present_currency` (代币赠送): gives a user coins. Repeating it with the same `order_id` is
/// safe: WeChat answers 268490004 once it was done.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PresentCurrency {
    /// The user's OpenID.
    pub openid: String,
    /// The environment.
    pub env: XpayEnv,
    /// The gift's number, unique.
    pub order_id: String,
    /// Coins to give.
    pub amount: i64,
    /// `1` Android, `2` iOS.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_type: Option<u32>,
}

/// What [`PresentCurrency`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PresentCurrencyAnswer {
    /// The user's balance after the gift.
    #[serde(default)]
    pub balance: i64,
    /// The gift's number.
    #[serde(default)]
    pub order_id: String,
    /// The user's given coins, in total.
    #[serde(default)]
    pub present_balance: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `download_bill` (下载小程序账单): the bill of a date range; the first call starts making it,
/// later ones answer its URL once ready (268490011 until then). Amounts are in fen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DownloadBill {
    /// The first day, `yyyymmdd` (`20230801`).
    pub begin_ds: u32,
    /// The last day, `yyyymmdd`.
    pub end_ds: u32,
}

/// What [`DownloadBill`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DownloadBillAnswer {
    /// Where to download the bill.
    #[serde(default)]
    pub url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `refund_order` (退款): refunds a cash order placed through the JSAPI, in part or whole.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RefundOrder {
    /// The user's OpenID.
    pub openid: String,
    /// The environment.
    pub env: XpayEnv,
    /// The merchant's order number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<String>,
    /// WeChat's order number (or the merchant's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wx_order_id: Option<String>,
    /// This refund's own number, 8 to 32 of `[A-Za-z0-9_-]`.
    pub refund_order_id: String,
    /// What is left to refund of the order, in fen (`query_order`'s `left_fee`).
    pub left_fee: i64,
    /// The amount to refund, in fen, at most `left_fee`.
    pub refund_fee: i64,
    /// The merchant's data, answered back by `query_order`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biz_meta: Option<String>,
    /// Why: `"0"` none given, `"1"` product, `"2"` after-sales, `"3"` the user's wish, `"4"`
    /// price, `"5"` other.
    pub refund_reason: String,
    /// Who asked: `"1"` customer service, `"2"` the user, `"3"` other.
    pub req_from: String,
}

/// What [`RefundOrder`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RefundOrderAnswer {
    /// The refund's number.
    #[serde(default)]
    pub refund_order_id: String,
    /// WeChat's number of the refund.
    #[serde(default)]
    pub refund_wx_order_id: String,
    /// The refunded payment's number.
    #[serde(default)]
    pub pay_order_id: String,
    /// WeChat's number of the refunded payment.
    #[serde(default)]
    pub pay_wx_order_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `create_withdraw_order` (创建提现单): withdraws the merchant's income.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreateWithdrawOrder {
    /// The withdrawal's number, 8 to 32 of `[A-Za-z0-9_-]`.
    pub withdraw_no: String,
    /// The amount in yuan (`"0.01"`); absent: everything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withdraw_amount: Option<String>,
    /// The environment.
    pub env: XpayEnv,
}

/// What [`CreateWithdrawOrder`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateWithdrawOrderAnswer {
    /// The withdrawal's number.
    #[serde(default)]
    pub withdraw_no: String,
    /// WeChat's number of the withdrawal.
    #[serde(default)]
    pub wx_withdraw_no: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `query_withdraw_order` (查询提现单): a withdrawal and its state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryWithdrawOrder {
    /// The withdrawal's number.
    pub withdraw_no: String,
    /// The environment.
    pub env: XpayEnv,
}

/// What [`QueryWithdrawOrder`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WithdrawOrder {
    /// The withdrawal's number.
    #[serde(default)]
    pub withdraw_no: String,
    /// `1` created (in progress), `2` done, `3` failed.
    #[serde(default)]
    pub status: i64,
    /// The amount in yuan.
    #[serde(default)]
    pub withdraw_amount: String,
    /// WeChat's number of the withdrawal.
    #[serde(default)]
    pub wx_withdraw_no: String,
    /// When it succeeded, Unix seconds.
    #[serde(default)]
    pub withdraw_success_timestamp: i64,
    /// When it was created.
    #[serde(default)]
    pub create_time: String,
    /// Why it failed.
    #[serde(default)]
    pub fail_reason: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A virtual good to upload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoodsItem {
    /// Its id, up to 64 of `[A-Za-z0-9_-]`.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its price in fen, above 0.
    pub price: i64,
    /// A note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Its picture's URL (jpg, png).
    pub item_url: String,
}

/// `start_upload_goods` (启动批量上传道具任务): uploads virtual goods to the test environment, as
/// a task ([`QueryUploadGoods`] follows it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StartUploadGoods {
    /// The goods.
    pub upload_item: Vec<GoodsItem>,
    /// The environment.
    pub env: XpayEnv,
}

/// `query_upload_goods` (查询批量上传道具任务): the state of the last upload task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryUploadGoods {
    /// The environment.
    pub env: XpayEnv,
}

/// What [`QueryUploadGoods`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadGoodsTask {
    /// Each good and how its upload went.
    #[serde(default)]
    pub upload_item: Vec<UploadedGoods>,
    /// `0` no task, `1` running, `2` failed in part or whole, `3` done.
    #[serde(default)]
    pub status: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One good of an upload task.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadedGoods {
    /// Its id.
    #[serde(default)]
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its price in fen.
    #[serde(default)]
    pub price: i64,
    /// A note.
    #[serde(default)]
    pub remark: String,
    /// Its picture's URL.
    #[serde(default)]
    pub item_url: String,
    /// `0` uploading, `1` the id exists, `2` uploaded, `3` failed.
    #[serde(default)]
    pub upload_status: i64,
    /// Why it failed.
    #[serde(default)]
    pub errmsg: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A good to publish, by its id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PublishGoodsItem {
    /// The id it was uploaded with.
    pub id: String,
}

/// `start_publish_goods` (启动批量发布道具任务): publishes uploaded goods to production, as a
/// task ([`QueryPublishGoods`] follows it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StartPublishGoods {
    /// The environment.
    pub env: XpayEnv,
    /// The goods.
    pub publish_item: Vec<PublishGoodsItem>,
}

/// `query_publish_goods` (查询批量发布道具任务): the state of the last publish task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryPublishGoods {
    /// The environment.
    pub env: XpayEnv,
}

/// What [`QueryPublishGoods`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PublishGoodsTask {
    /// Each good and how its publication went.
    #[serde(default)]
    pub publish_item: Vec<PublishedGoods>,
    /// `0` no task, `1` running, `2` failed in part or whole, `3` done.
    #[serde(default)]
    pub status: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One good of a publish task.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PublishedGoods {
    /// Its id.
    #[serde(default)]
    pub id: String,
    /// `0` publishing, `1` the id exists, `2` published, `3` failed.
    #[serde(default)]
    pub publish_status: i64,
    /// Why it failed.
    #[serde(default)]
    pub errmsg: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "miniprogram";

    QueryUserBalance => UserBalance {
        POST Api "/xpay/query_user_balance",
        auth: XpaySignature, repeat: Safe,
        extensions: |r, x| session_key_of(&r.session_key, x),
        doc: doc!("query_user_balance"),
    }
    CurrencyPay => CurrencyPayAnswer {
        POST Api "/xpay/currency_pay",
        auth: XpaySignature, repeat: Never,
        extensions: |r, x| session_key_of(&r.session_key, x),
        doc: doc!("currency_pay"),
    }
    QueryOrder => QueryOrderAnswer {
        POST Api "/xpay/query_order",
        auth: XpaySignature, repeat: Safe,
        doc: doc!("query_order"),
    }
    CancelCurrencyPay => CancelCurrencyPayAnswer {
        POST Api "/xpay/cancel_currency_pay",
        auth: XpaySignature, repeat: Never,
        extensions: |r, x| session_key_of(&r.session_key, x),
        doc: doc!("cancel_currency_pay"),
    }
    NotifyProvideGoods => Ack {
        POST Api "/xpay/notify_provide_goods",
        auth: XpaySignature, repeat: Safe,
        doc: doc!("notify_provide_goods"),
    }
    PresentCurrency => PresentCurrencyAnswer {
        POST Api "/xpay/present_currency",
        auth: XpaySignature, repeat: Safe,
        doc: doc!("present_currency"),
    }
    DownloadBill => DownloadBillAnswer {
        POST Api "/xpay/download_bill",
        auth: XpaySignature, repeat: Safe,
        doc: doc!("download_bill"),
    }
    RefundOrder => RefundOrderAnswer {
        POST Api "/xpay/refund_order",
        auth: XpaySignature, repeat: Never,
        doc: doc!("refund_order"),
    }
    CreateWithdrawOrder => CreateWithdrawOrderAnswer {
        POST Api "/xpay/create_withdraw_order",
        auth: XpaySignature, repeat: Never,
        doc: doc!("create_withdraw_order"),
    }
    QueryWithdrawOrder => WithdrawOrder {
        POST Api "/xpay/query_withdraw_order",
        auth: XpaySignature, repeat: Safe,
        doc: doc!("query_withdraw_order"),
    }
    StartUploadGoods => Ack {
        POST Api "/xpay/start_upload_goods",
        auth: XpaySignature, repeat: Never,
        doc: doc!("start_upload_goods"),
    }
    QueryUploadGoods => UploadGoodsTask {
        POST Api "/xpay/query_upload_goods",
        auth: XpaySignature, repeat: Safe,
        doc: doc!("query_upload_goods"),
    }
    StartPublishGoods => Ack {
        POST Api "/xpay/start_publish_goods",
        auth: XpaySignature, repeat: Never,
        doc: doc!("start_publish_goods"),
    }
    QueryPublishGoods => PublishGoodsTask {
        POST Api "/xpay/query_publish_goods",
        auth: XpaySignature, repeat: Safe,
        doc: doc!("query_publish_goods"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::{Endpoint, build_request};
    use crate::host::Hosts;

    #[test]
    fn signs_the_sent_bytes() {
        let call = QueryUserBalance::new("oU", XpayEnv::Sandbox, "1.1.1.1")
            .session_key(Secret::new("9hAb/NEYUlkaMBEsmFgzig=="));
        let mut request = build_request(&Hosts::default(), &call).unwrap();
        let signer = XpaySigner::sandbox(Secret::new("12345"));
        signer
            .sign_with_token(&mut request, &Secret::new("T"))
            .unwrap();
        let body = request.body().clone();
        let expected = format!(
            "https://api.weixin.qq.com/xpay/query_user_balance?access_token=T&signature={}&pay_sig={}",
            user_signature(&Secret::new("9hAb/NEYUlkaMBEsmFgzig=="), &body),
            pay_sig(&Secret::new("12345"), QueryUserBalance::META.path, &body),
        );
        assert_eq!(request.uri(), expected.as_str());
        assert!(!format!("{signer:?}").contains("12345"));
        assert!(!format!("{call:?}").contains("9hAb"));
    }
}
