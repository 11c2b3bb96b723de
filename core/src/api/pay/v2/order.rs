//! Orders (`pay/order`): place one (统一下单), read its state (查询订单), close it (关闭订单).
//!
//! The app id and merchant id may be left empty: [`PayV2Signer`](super::PayV2Signer) fills them,
//! with `nonce_str` and `sign`. None of these calls needs the client certificate.

use serde::{Deserialize, Serialize};

use super::signer::parse_answer;

/// `unifiedorder` (统一下单): places an order with WeChat Pay and answers the `prepay_id` the
/// payer's client pays it with (or a `code_url` for a QR code, an `mweb_url` for H5). Never
/// retried automatically: the same `out_trade_no` is answered `INVALID_REQUEST` once placed
/// with other parameters.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UnifiedOrder {
    /// The app id (filled by the signer when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub appid: String,
    /// The merchant id (filled by the signer when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mch_id: String,
    /// The device or shop terminal (`WEB` for web and JSAPI payments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_info: Option<String>,
    /// What is sold, as the payer sees it (`shop-goods`).
    pub body: String,
    /// Goods details (a JSON document), for discounts by item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The merchant's own data, given back in queries and notifications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attach: Option<String>,
    /// The merchant's order number, unique per merchant (at most 32 characters).
    pub out_trade_no: String,
    /// The currency (`CNY` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_type: Option<String>,
    /// The amount, in fen (分).
    pub total_fee: u64,
    /// The payer's IP address.
    pub spbill_create_ip: String,
    /// When the order opens, `yyyyMMddHHmmss` (Beijing time).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_start: Option<String>,
    /// When it expires, `yyyyMMddHHmmss`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_expire: Option<String>,
    /// A tag for coupons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_tag: Option<String>,
    /// Where WeChat Pay posts the payment notification.
    pub notify_url: String,
    /// `JSAPI` (Official Account and Mini Program), `NATIVE` (QR code), `APP`, `MWEB` (H5).
    pub trade_type: String,
    /// The product id (required for `NATIVE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_id: Option<String>,
    /// `no_credit` to refuse credit cards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_pay: Option<String>,
    /// The payer's openid under `appid` (required for `JSAPI`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openid: Option<String>,
    /// `Y` to show the electronic invoice entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt: Option<String>,
    /// `Y` when the payment will be shared (profit sharing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profit_sharing: Option<String>,
    /// The store or H5 scene (a JSON document).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene_info: Option<String>,
}

impl UnifiedOrder {
    /// A `JSAPI` order (Official Account page or Mini Program) for the payer `openid`.
    pub fn jsapi(
        body: impl Into<String>,
        out_trade_no: impl Into<String>,
        total_fee: u64,
        spbill_create_ip: impl Into<String>,
        notify_url: impl Into<String>,
        openid: impl Into<String>,
    ) -> Self {
        Self {
            body: body.into(),
            out_trade_no: out_trade_no.into(),
            total_fee,
            spbill_create_ip: spbill_create_ip.into(),
            notify_url: notify_url.into(),
            trade_type: "JSAPI".into(),
            openid: Some(openid.into()),
            ..Self::default()
        }
    }

    /// An `APP` order: the app pays it with [`AppPayParams`](super::AppPayParams).
    pub fn app(
        body: impl Into<String>,
        out_trade_no: impl Into<String>,
        total_fee: u64,
        spbill_create_ip: impl Into<String>,
        notify_url: impl Into<String>,
    ) -> Self {
        Self {
            body: body.into(),
            out_trade_no: out_trade_no.into(),
            total_fee,
            spbill_create_ip: spbill_create_ip.into(),
            notify_url: notify_url.into(),
            trade_type: "APP".into(),
            ..Self::default()
        }
    }
}

/// What [`UnifiedOrder`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct PrepayOrder {
    /// `SUCCESS` (a `FAIL` is an error).
    pub return_code: String,
    /// The communication message.
    pub return_msg: String,
    /// The app id.
    pub appid: String,
    /// The merchant id.
    pub mch_id: String,
    /// The device, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_info: Option<String>,
    /// WeChat Pay's nonce.
    pub nonce_str: String,
    /// WeChat Pay's signature of the answer (verified before parsing).
    pub sign: String,
    /// `SUCCESS` (a `FAIL` is an error with its `err_code`).
    pub result_code: String,
    /// The trade type.
    pub trade_type: String,
    /// The prepay id, valid for 2 hours: what the payer's client pays.
    pub prepay_id: String,
    /// The QR code link (`NATIVE`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code_url: Option<String>,
    /// The H5 payment page (`MWEB`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mweb_url: Option<String>,
    /// Fields this type does not name, as WeChat Pay sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `orderquery` (查询订单): an order's state (`trade_state`) by WeChat's `transaction_id` or the
/// merchant's `out_trade_no`. Safe to repeat.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderQuery {
    /// The app id (filled by the signer when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub appid: String,
    /// The merchant id (filled by the signer when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mch_id: String,
    /// WeChat Pay's order number (preferred when both are given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
    /// The merchant's order number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_trade_no: Option<String>,
}

impl OrderQuery {
    /// By the merchant's order number.
    pub fn by_out_trade_no(out_trade_no: impl Into<String>) -> Self {
        Self {
            out_trade_no: Some(out_trade_no.into()),
            ..Self::default()
        }
    }

    /// By WeChat Pay's order number.
    pub fn by_transaction_id(transaction_id: impl Into<String>) -> Self {
        Self {
            transaction_id: Some(transaction_id.into()),
            ..Self::default()
        }
    }
}

/// What [`OrderQuery`] answers. Coupons come as numbered fields (`coupon_id_0`,
/// `coupon_fee_0`, ...) and stay in `extra`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct OrderState {
    /// `SUCCESS` (a `FAIL` is an error).
    pub return_code: String,
    /// The communication message.
    pub return_msg: String,
    /// The app id.
    pub appid: String,
    /// The merchant id.
    pub mch_id: String,
    /// WeChat Pay's nonce.
    pub nonce_str: String,
    /// WeChat Pay's signature of the answer (verified before parsing).
    pub sign: String,
    /// `SUCCESS` (a `FAIL` is an error with its `err_code`, such as `ORDERNOTEXIST`).
    pub result_code: String,
    /// The device, as ordered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_info: Option<String>,
    /// The payer (once paid).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub openid: Option<String>,
    /// `Y` when the payer follows the account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_subscribe: Option<String>,
    /// The trade type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trade_type: Option<String>,
    /// `SUCCESS`, `REFUND`, `NOTPAY`, `CLOSED`, `REVOKED`, `USERPAYING`, `PAYERROR`.
    pub trade_state: String,
    /// The payer's bank (`CMC`, `CFT` for the balance).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bank_type: Option<String>,
    /// The order's amount, in fen.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_fee: Option<u64>,
    /// The amount due after merchant coupons.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub settlement_total_fee: Option<u64>,
    /// The currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee_type: Option<String>,
    /// What the payer paid in cash, in fen.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub cash_fee: Option<u64>,
    /// The currency of `cash_fee`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cash_fee_type: Option<String>,
    /// What coupons paid, in fen.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub coupon_fee: Option<u64>,
    /// How many coupons were used.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub coupon_count: Option<u64>,
    /// WeChat Pay's order number (once paid).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
    /// The merchant's order number.
    pub out_trade_no: String,
    /// The merchant's data, as ordered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attach: Option<String>,
    /// When it was paid, `yyyyMMddHHmmss`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_end: Option<String>,
    /// The state, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trade_state_desc: Option<String>,
    /// Fields this type does not name, as WeChat Pay sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `closeorder` (关闭订单): closes an unpaid order so it can no longer be paid (not within 5
/// minutes of placing it). Safe to repeat: closing a closed order changes nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CloseOrder {
    /// The app id (filled by the signer when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub appid: String,
    /// The merchant id (filled by the signer when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mch_id: String,
    /// The merchant's order number.
    pub out_trade_no: String,
}

impl CloseOrder {
    /// Closes the merchant's order `out_trade_no`.
    pub fn new(out_trade_no: impl Into<String>) -> Self {
        Self {
            out_trade_no: out_trade_no.into(),
            ..Self::default()
        }
    }
}

/// What [`CloseOrder`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct ClosedOrder {
    /// `SUCCESS` (a `FAIL` is an error).
    pub return_code: String,
    /// The communication message.
    pub return_msg: String,
    /// The app id.
    pub appid: String,
    /// The merchant id.
    pub mch_id: String,
    /// WeChat Pay's nonce.
    pub nonce_str: String,
    /// WeChat Pay's signature of the answer (verified before parsing).
    pub sign: String,
    /// `SUCCESS` (a `FAIL` is an error with its `err_code`, such as `ORDERPAID`).
    pub result_code: String,
    /// The business message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result_msg: Option<String>,
    /// Fields this type does not name, as WeChat Pay sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "pay";

    UnifiedOrder => PrepayOrder {
        POST Pay "/pay/unifiedorder",
        auth: PayV2Sign, repeat: Never,
        fields: xml,
        envelope: PayV2Xml,
        parse: parse_answer,
        doc: "https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_1",
    }
    OrderQuery => OrderState {
        POST Pay "/pay/orderquery",
        auth: PayV2Sign, repeat: Safe,
        fields: xml,
        envelope: PayV2Xml,
        parse: parse_answer,
        doc: "https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_2",
    }
    CloseOrder => ClosedOrder {
        POST Pay "/pay/closeorder",
        auth: PayV2Sign, repeat: Safe,
        fields: xml,
        envelope: PayV2Xml,
        parse: parse_answer,
        doc: "https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_3",
    }
}
