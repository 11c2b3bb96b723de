//! Basic payment (基础支付) for a direct merchant (普通商户): prepay orders for JSAPI and Mini
//! Program, App, H5 and Native payment, query an order, close it.
//!
//! Amounts are integers in the currency's smallest unit (分 for CNY). Times are RFC 3339 strings
//! as WeChat Pay writes them (`2018-06-08T10:34:56+08:00`).

use serde::{Deserialize, Serialize};

use crate::endpoint::{Ack, Body, json_body};
use crate::error::{Error, Result};

/// What every prepay request holds: who sells what to whom, for how much, and where WeChat Pay
/// sends the payment notification. Flattened into [`JsapiPrepay`], [`AppPrepay`], [`H5Prepay`]
/// and [`NativePrepay`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PrepayOrder {
    /// The app (Official Account, Mini Program or mobile app) bound to the merchant.
    pub appid: String,
    /// The merchant id.
    pub mchid: String,
    /// What the payer buys, as shown in their bill (at most 127 characters).
    pub description: String,
    /// The merchant's order number, 6 to 32 characters, unique per merchant.
    pub out_trade_no: String,
    /// When payment stops being possible (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_expire: Option<String>,
    /// Merchant data handed back as is by queries and notifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attach: Option<String>,
    /// Where WeChat Pay posts the payment notification (no query string).
    pub notify_url: String,
    /// A discount tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_tag: Option<String>,
    /// Offer an electronic invoice entry after payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_fapiao: Option<bool>,
    /// How much.
    pub amount: Amount,
    /// Goods details, for single-item discounts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<Detail>,
    /// Where the payment happens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene_info: Option<SceneInfo>,
    /// Settlement options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settle_info: Option<SettleInfo>,
}

impl PrepayOrder {
    /// An order of `total` 分 (CNY) with the required fields; the others are unset.
    pub fn new(
        appid: impl Into<String>,
        mchid: impl Into<String>,
        description: impl Into<String>,
        out_trade_no: impl Into<String>,
        notify_url: impl Into<String>,
        total: u64,
    ) -> Self {
        Self {
            appid: appid.into(),
            mchid: mchid.into(),
            description: description.into(),
            out_trade_no: out_trade_no.into(),
            time_expire: None,
            attach: None,
            notify_url: notify_url.into(),
            goods_tag: None,
            support_fapiao: None,
            amount: Amount {
                total,
                currency: Some("CNY".into()),
            },
            detail: None,
            scene_info: None,
            settle_info: None,
        }
    }
}

/// The amount of an order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// The total, in 分.
    pub total: u64,
    /// `CNY` (the only currency of domestic payment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// Who pays (JSAPI and Mini Program payment).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Payer {
    /// The payer's OpenID under the order's `appid`.
    pub openid: String,
}

/// Goods details of an order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Detail {
    /// The original price, in 分.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_price: Option<u64>,
    /// The merchant's receipt id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_id: Option<String>,
    /// The items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goods_detail: Vec<GoodsDetail>,
}

/// One item of an order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoodsDetail {
    /// The merchant's item code.
    pub merchant_goods_id: String,
    /// WeChat Pay's item code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wechatpay_goods_id: Option<String>,
    /// The item's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_name: Option<String>,
    /// How many.
    pub quantity: u64,
    /// The unit price, in 分.
    pub unit_price: u64,
}

/// Where a payment happens.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SceneInfo {
    /// The payer's IP address (IPv4 or IPv6); required for H5 payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payer_client_ip: Option<String>,
    /// The merchant's device id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_id: Option<String>,
    /// The merchant's store.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store_info: Option<StoreInfo>,
    /// The H5 scene (H5 payment only, required there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub h5_info: Option<H5Info>,
}

/// A merchant's store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoreInfo {
    /// The store's id.
    pub id: String,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its area code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_code: Option<String>,
    /// Its address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

/// The H5 scene of an H5 payment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct H5Info {
    /// `iOS`, `Android` or `Wap`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The app's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_name: Option<String>,
    /// The site's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_url: Option<String>,
    /// The iOS bundle id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundle_id: Option<String>,
    /// The Android package name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package_name: Option<String>,
}

/// Settlement options of an order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SettleInfo {
    /// The order will be shared out (分账).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profit_sharing: Option<bool>,
}

/// `/v3/pay/transactions/jsapi` (JSAPI/小程序下单): a prepay order paid inside WeChat, from an
/// Official Account page or a Mini Program. Never retried automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JsapiPrepay {
    /// The order.
    #[serde(flatten)]
    pub order: PrepayOrder,
    /// Who pays.
    pub payer: Payer,
}

/// `/v3/pay/transactions/app` (App下单): a prepay order paid from a mobile app through the
/// WeChat SDK. Never retried automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AppPrepay {
    /// The order.
    #[serde(flatten)]
    pub order: PrepayOrder,
}

/// `/v3/pay/transactions/h5` (H5下单): a prepay order paid from a mobile browser outside WeChat.
/// `scene_info` with `payer_client_ip` and `h5_info` is required. Never retried automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct H5Prepay {
    /// The order.
    #[serde(flatten)]
    pub order: PrepayOrder,
}

/// `/v3/pay/transactions/native` (Native下单): a prepay order paid by scanning a QR code of the
/// returned `code_url`. Never retried automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NativePrepay {
    /// The order.
    #[serde(flatten)]
    pub order: PrepayOrder,
}

/// What [`JsapiPrepay`] and [`AppPrepay`] answer.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct PrepayId {
    /// The prepay session id (valid 2 hours), for the payment the client starts.
    pub prepay_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`H5Prepay`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct H5Url {
    /// The page that starts the payment (valid 5 minutes).
    pub h5_url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`NativePrepay`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct CodeUrl {
    /// The URL to show as a QR code (valid 2 hours).
    pub code_url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// H5 payment needs the payer's IP and the H5 scene: said before anything is sent.
fn h5_body(request: &H5Prepay) -> Result<Body> {
    match &request.order.scene_info {
        Some(SceneInfo {
            payer_client_ip: Some(ip),
            h5_info: Some(_),
            ..
        }) if !ip.is_empty() => json_body(request),
        _ => Err(Error::Build(
            "H5 payment needs scene_info with payer_client_ip and h5_info".into(),
        )),
    }
}

/// `/v3/pay/transactions/id/{transaction_id}` (微信支付订单号查询订单): an order by WeChat Pay's
/// id (paid orders only; an unpaid one is found by [`QueryByOutTradeNo`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryByTransactionId {
    /// WeChat Pay's order id (in the path).
    #[serde(skip_serializing)]
    pub transaction_id: String,
    /// The merchant id.
    pub mchid: String,
}

/// `/v3/pay/transactions/out-trade-no/{out_trade_no}` (商户订单号查询订单): an order by the
/// merchant's order number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryByOutTradeNo {
    /// The merchant's order number (in the path).
    #[serde(skip_serializing)]
    pub out_trade_no: String,
    /// The merchant id.
    pub mchid: String,
}

/// `/v3/pay/transactions/out-trade-no/{out_trade_no}/close` (关闭订单): closes an unpaid order;
/// WeChat Pay answers 204 with nothing. Closing twice is harmless.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CloseOrder {
    /// The merchant's order number (in the path).
    #[serde(skip_serializing)]
    pub out_trade_no: String,
    /// The merchant id.
    pub mchid: String,
}

/// An order as the queries answer it, and as the payment notification's `resource` holds it
/// once decrypted.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Transaction {
    /// The app the order was made for.
    pub appid: String,
    /// The merchant id.
    pub mchid: String,
    /// The merchant's order number.
    pub out_trade_no: String,
    /// WeChat Pay's order id (once paid).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub transaction_id: String,
    /// `JSAPI`, `NATIVE`, `APP`, `MICROPAY`, `MWEB` or `FACEPAY`.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub trade_type: String,
    /// `SUCCESS`, `REFUND`, `NOTPAY`, `CLOSED`, `REVOKED`, `USERPAYING` or `PAYERROR`.
    pub trade_state: String,
    /// The state in words.
    pub trade_state_desc: String,
    /// The payer's bank (`OTHERS` for most).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub bank_type: String,
    /// The merchant data given at prepay.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub attach: String,
    /// When it was paid (RFC 3339).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub success_time: String,
    /// Who paid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payer: Option<PayerInfo>,
    /// How much.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<TransactionAmount>,
    /// Where.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scene_info: Option<TransactionScene>,
    /// Coupons and discounts applied.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub promotion_detail: Vec<Promotion>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Who paid an order.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct PayerInfo {
    /// The payer's OpenID under the order's app.
    pub openid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The amounts of an order, in 分.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct TransactionAmount {
    /// The order's total.
    pub total: u64,
    /// What the payer paid (the total less discounts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payer_total: Option<u64>,
    /// The order's currency.
    pub currency: String,
    /// The payer's currency.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub payer_currency: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Where an order was paid.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct TransactionScene {
    /// The merchant's device id.
    pub device_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A coupon or discount applied to an order.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Promotion {
    /// The coupon's id.
    pub coupon_id: String,
    /// Its name.
    pub name: String,
    /// `GLOBAL` or `SINGLE` (single items).
    pub scope: String,
    /// `CASH` (pre-funded) or `NOCASH` (not pre-funded).
    #[serde(rename = "type")]
    pub kind: String,
    /// The discount, in 分.
    pub amount: u64,
    /// The coupon stock's id.
    pub stock_id: String,
    /// WeChat Pay's share of the discount, in 分.
    pub wechatpay_contribute: u64,
    /// The merchant's share, in 分.
    pub merchant_contribute: u64,
    /// Others' share, in 分.
    pub other_contribute: u64,
    /// The currency.
    pub currency: String,
    /// The items discounted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goods_detail: Vec<PromotionGoods>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An item a coupon discounted.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct PromotionGoods {
    /// The item's code.
    pub goods_id: String,
    /// How many.
    pub quantity: u64,
    /// The unit price, in 分.
    pub unit_price: u64,
    /// The discount, in 分.
    pub discount_amount: u64,
    /// The item's remark.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub goods_remark: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "pay";

    JsapiPrepay => PrepayId {
        POST Pay "/v3/pay/transactions/jsapi",
        auth: PayV3Signature, repeat: Never,
        envelope: PayV3,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/direct-jsons.html",
    }
    AppPrepay => PrepayId {
        POST Pay "/v3/pay/transactions/app",
        auth: PayV3Signature, repeat: Never,
        envelope: PayV3,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/in-app-payment/direct-jsons.html",
    }
    H5Prepay => H5Url {
        POST Pay "/v3/pay/transactions/h5",
        auth: PayV3Signature, repeat: Never,
        body: h5_body,
        envelope: PayV3,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/h5-payment/direct-jsons.html",
    }
    NativePrepay => CodeUrl {
        POST Pay "/v3/pay/transactions/native",
        auth: PayV3Signature, repeat: Never,
        envelope: PayV3,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/native-payment/direct-jsons.html",
    }
    QueryByTransactionId => Transaction {
        GET Pay "/v3/pay/transactions/id/{transaction_id}",
        auth: PayV3Signature, repeat: Safe,
        path_params: [transaction_id],
        envelope: PayV3,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/query-by-wx-trade-no.html",
    }
    QueryByOutTradeNo => Transaction {
        GET Pay "/v3/pay/transactions/out-trade-no/{out_trade_no}",
        auth: PayV3Signature, repeat: Safe,
        path_params: [out_trade_no],
        envelope: PayV3,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/query-by-out-trade-no.html",
    }
    CloseOrder => Ack {
        POST Pay "/v3/pay/transactions/out-trade-no/{out_trade_no}/close",
        auth: PayV3Signature, repeat: Safe,
        path_params: [out_trade_no],
        envelope: PayV3,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/close-order.html",
    }
}
