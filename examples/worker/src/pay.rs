//! WeChat Pay v3 in the Worker: payment notifications verified, decrypted and recorded, and JSAPI
//! orders placed with a request signed on Web Crypto.
//!
//! Configuration (secrets, or vars for local runs): `WECHAT_PAY_MCHID`, `WECHAT_PAY_SERIAL` (the
//! merchant certificate's serial), `WECHAT_PAY_PRIVATE_KEY` (its PEM text, PKCS#8 or PKCS#1),
//! `WECHAT_PAY_APIV3_KEY`, `WECHAT_PAY_PUBLIC_KEY` (the WeChat Pay public key's PEM text) and
//! `WECHAT_PAY_PUBLIC_KEY_ID` (`PUB_KEY_ID_…`); optional `WECHAT_PAY_APPID` (default
//! `WECHAT_APPID`) and `WECHAT_PAY_NOTIFY_URL` (default: this Worker's `/pay/notify`). Without
//! them the `/pay/*` routes answer 503.

use std::sync::Arc;

use wechat_core::Secret;
use wechat_core::api::pay::v3::notify;
use wechat_core::api::pay::v3::transactions::{JsapiPrepay, Payer, PrepayOrder, Transaction};
use wechat_core::api::pay::v3::{JsapiPayParams, Merchant};
use wechat_worker::WebCryptoRandom;
use wechat_worker::pay::{MerchantKey, WechatPayKey};
use worker::{Env, Request, Response, Result};

use crate::{Config, KV_BINDING, api_client, var};

/// The KV key prefix of recorded payments.
const PAID_PREFIX: &str = "pay:paid:";

/// The merchant, with its keys imported into Web Crypto.
pub struct Pay {
    merchant: Arc<Merchant>,
    appid: Option<String>,
    notify_url: Option<String>,
}

impl Pay {
    /// The merchant of the `WECHAT_PAY_*` settings; `None` when `WECHAT_PAY_MCHID` is unset.
    pub async fn from_env(env: &Env) -> Result<Option<Self>> {
        let Some(mchid) = var(env, "WECHAT_PAY_MCHID") else {
            return Ok(None);
        };
        let need = |name: &str| {
            var(env, name).ok_or_else(|| worker::Error::RustError(format!("{name} is not set")))
        };
        let rust = |e: wechat_core::Error| worker::Error::RustError(e.to_string());
        let key = MerchantKey::from_pem(need("WECHAT_PAY_PRIVATE_KEY")?.as_bytes())
            .await
            .map_err(rust)?;
        let wechatpay =
            WechatPayKey::from_public_key_pem(need("WECHAT_PAY_PUBLIC_KEY")?.as_bytes())
                .await
                .map_err(rust)?;
        let merchant = Merchant::new(
            mchid,
            need("WECHAT_PAY_SERIAL")?,
            key,
            Secret::new(need("WECHAT_PAY_APIV3_KEY")?),
        )
        .with_public_key(need("WECHAT_PAY_PUBLIC_KEY_ID")?, wechatpay);
        // `Merchant::auth` takes an `Arc`; Web Crypto keys are not `Send`, and a Worker's isolate
        // runs one thread.
        #[allow(clippy::arc_with_non_send_sync)]
        let merchant = Arc::new(merchant);
        Ok(Some(Self {
            merchant,
            appid: var(env, "WECHAT_PAY_APPID").or_else(|| var(env, "WECHAT_APPID")),
            notify_url: var(env, "WECHAT_PAY_NOTIFY_URL"),
        }))
    }
}

/// The `/pay/*` routes' answer when the merchant is not configured.
pub fn not_configured() -> Result<Response> {
    Response::error("WeChat Pay is not configured (WECHAT_PAY_MCHID)", 503)
}

fn to_response(answer: http::Response<Vec<u8>>) -> Result<Response> {
    let status = answer.status().as_u16();
    let headers = worker::Headers::new();
    for (name, value) in answer.headers() {
        if let Ok(value) = value.to_str() {
            headers.set(name.as_str(), value)?;
        }
    }
    let body = answer.into_body();
    let response = if body.is_empty() {
        Response::empty()?
    } else {
        Response::from_bytes(body)?
    };
    Ok(response.with_status(status).with_headers(headers))
}

/// The headers a notification is verified with.
const SIGNATURE_HEADERS: [&str; 4] = [
    "wechatpay-serial",
    "wechatpay-signature",
    "wechatpay-timestamp",
    "wechatpay-nonce",
];

/// What `POST /pay/notify` records for a paid order, and `GET /pay/orders/{out_trade_no}`
/// answers.
#[derive(serde::Serialize)]
struct Paid<'a> {
    out_trade_no: &'a str,
    transaction_id: &'a str,
    trade_state: &'a str,
    success_time: &'a str,
    total: Option<u64>,
    payer_openid: Option<&'a str>,
    notification_id: &'a str,
}

/// `POST /pay/notify`: a payment notification, verified on its raw body (signature, key,
/// timestamp window), then decrypted into a [`Transaction`] and recorded in KV. `204` when
/// handled, `500` with the reason otherwise (WeChat Pay delivers it again later). Events other
/// than `TRANSACTION.SUCCESS` (refunds have their own URL) are acknowledged, not recorded.
pub async fn notify(mut req: Request, env: &Env, pay: &Pay) -> Result<Response> {
    let body = req.bytes().await?;
    let mut headers = http::HeaderMap::new();
    for name in SIGNATURE_HEADERS {
        if let Some(value) = req.headers().get(name)?
            && let Ok(value) = http::HeaderValue::from_str(&value)
        {
            headers.insert(http::HeaderName::from_static(name), value);
        }
    }
    let now_secs = worker::Date::now().as_millis() / 1000;
    let notification = match pay.merchant.notification(&headers, &body, now_secs).await {
        Ok(n) => n,
        Err(e) => return to_response(notify::failure(&e.to_string())),
    };
    if notification.event_type != "TRANSACTION.SUCCESS" {
        return to_response(notify::success());
    }
    let t = match notification.decrypt::<Transaction>(&pay.merchant) {
        Ok(t) => t,
        Err(e) => return to_response(notify::failure(&e.to_string())),
    };
    let record = Paid {
        out_trade_no: &t.out_trade_no,
        transaction_id: &t.transaction_id,
        trade_state: &t.trade_state,
        success_time: &t.success_time,
        total: t.amount.as_ref().map(|a| a.total),
        payer_openid: t.payer.as_ref().map(|p| p.openid.as_str()),
        notification_id: &notification.id,
    };
    // Keyed by the order number: a redelivery writes the same record again.
    env.kv(KV_BINDING)?
        .put(
            &format!("{PAID_PREFIX}{}", t.out_trade_no),
            serde_json::to_string(&record)?,
        )?
        .execute()
        .await?;
    to_response(notify::success())
}

/// `GET /pay/orders/{out_trade_no}`: the recorded payment of an order (the decrypted
/// transaction's main fields), or 404.
pub async fn paid_order(env: &Env, out_trade_no: &str) -> Result<Response> {
    let kv = env.kv(KV_BINDING)?;
    match kv
        .get(&format!("{PAID_PREFIX}{out_trade_no}"))
        .text()
        .await?
    {
        Some(json) => {
            let mut response = Response::ok(json)?;
            response
                .headers_mut()
                .set("content-type", "application/json")?;
            Ok(response)
        }
        None => Response::error("no payment recorded for this order", 404),
    }
}

/// What `POST /pay/orders` reads.
#[derive(serde::Deserialize)]
struct NewOrder {
    out_trade_no: String,
    description: String,
    total: u64,
    openid: String,
}

/// What `POST /pay/orders` answers: the prepay id and the signed parameters for the payer's page.
#[derive(serde::Serialize)]
struct Placed {
    prepay_id: String,
    pay_params: JsapiPayParams,
}

/// `POST /pay/orders` `{"out_trade_no", "description", "total", "openid"}`: a JSAPI order placed
/// with WeChat Pay (the request signed, the answer verified, both on Web Crypto) and the
/// `paySign`ed parameters for `WeixinJSBridge` / `wx.requestPayment`.
pub async fn place_order(
    mut req: Request,
    env: &Env,
    config: &Config,
    pay: &Pay,
) -> Result<Response> {
    let Ok(order) = req.json::<NewOrder>().await else {
        return Response::error(
            r#"the body must be {"out_trade_no", "description", "total", "openid"}"#,
            400,
        );
    };
    let Some(appid) = pay.appid.clone() else {
        return Response::error("WECHAT_PAY_APPID is not set", 503);
    };
    let notify_url = match &pay.notify_url {
        Some(url) => url.clone(),
        None => {
            let mut url = req.url()?;
            url.set_path("/pay/notify");
            url.set_query(None);
            url.to_string()
        }
    };
    // The app's client (same engine, hosts and policies), calling as the merchant.
    let client = api_client(env, config)?.with_auth(pay.merchant.auth());
    let prepay = JsapiPrepay {
        order: PrepayOrder::new(
            appid.clone(),
            pay.merchant.mchid(),
            order.description,
            order.out_trade_no,
            notify_url,
            order.total,
        ),
        payer: Payer {
            openid: order.openid,
        },
    };
    let placed = match client.call(&prepay).await {
        Ok(p) => p,
        Err(e) => {
            let body = serde_json::json!({ "error": e.to_string() });
            return Ok(Response::from_json(&body)?.with_status(502));
        }
    };
    let nonce = hex_nonce()?;
    let now_secs = worker::Date::now().as_millis() / 1000;
    let pay_params = pay
        .merchant
        .jsapi_pay_params(&appid, &placed.prepay_id, now_secs, &nonce)
        .await
        .map_err(|e| worker::Error::RustError(e.to_string()))?;
    Response::from_json(&Placed {
        prepay_id: placed.prepay_id,
        pay_params,
    })
}

/// 32 random hex characters.
fn hex_nonce() -> Result<String> {
    let bytes: [u8; 16] = WebCryptoRandom::new().bytes()?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
