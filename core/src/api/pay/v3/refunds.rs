//! Domestic refunds (退款): ask for one, and follow it by the merchant's refund number.
//!
//! Amounts are integers in 分.

use serde::{Deserialize, Serialize};

use crate::endpoint::{Body, json_body};
use crate::error::{Error, Result};

/// `/v3/refund/domestic/refunds` (退款申请): refunds all or part of a paid order, named by
/// exactly one of `transaction_id` and `out_trade_no`. Asking again with the same
/// `out_refund_no` refunds once, so a retry is safe.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreateRefund {
    /// WeChat Pay's order id (or `out_trade_no`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
    /// The merchant's order number (or `transaction_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_trade_no: Option<String>,
    /// The merchant's refund number, unique per merchant.
    pub out_refund_no: String,
    /// Why, shown to the payer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Where WeChat Pay posts the refund notification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_url: Option<String>,
    /// `AVAILABLE`: refund from the available balance (unsettled funds by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funds_account: Option<String>,
    /// How much.
    pub amount: RefundAmountRequest,
    /// Items refunded, for orders with single-item discounts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goods_detail: Vec<RefundGoods>,
}

impl CreateRefund {
    /// Refunds `refund` 分 of the order `out_trade_no` whose total was `total` 分 (CNY).
    pub fn by_out_trade_no(
        out_trade_no: impl Into<String>,
        out_refund_no: impl Into<String>,
        refund: u64,
        total: u64,
    ) -> Self {
        Self {
            transaction_id: None,
            out_trade_no: Some(out_trade_no.into()),
            out_refund_no: out_refund_no.into(),
            reason: None,
            notify_url: None,
            funds_account: None,
            amount: RefundAmountRequest {
                refund,
                from: Vec::new(),
                total,
                currency: "CNY".into(),
            },
            goods_detail: Vec::new(),
        }
    }
}

/// The amount of a refund to make.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RefundAmountRequest {
    /// How much to refund, in 分 (at most the order's total).
    pub refund: u64,
    /// Which accounts fund it, and how much each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<FundsFrom>,
    /// The order's total, in 分.
    pub total: u64,
    /// `CNY`.
    pub currency: String,
}

/// An account funding a refund.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FundsFrom {
    /// `AVAILABLE` or `UNAVAILABLE`.
    pub account: String,
    /// How much, in 分.
    pub amount: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An item refunded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RefundGoods {
    /// The merchant's item code.
    pub merchant_goods_id: String,
    /// WeChat Pay's item code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wechatpay_goods_id: Option<String>,
    /// The item's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_name: Option<String>,
    /// The unit price, in 分.
    pub unit_price: u64,
    /// How much of it to refund, in 分.
    pub refund_amount: u64,
    /// How many to refund.
    pub refund_quantity: u64,
}

/// A refund names its order once: by WeChat Pay's id or by the merchant's number.
fn refund_body(request: &CreateRefund) -> Result<Body> {
    let named = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
    match (named(&request.transaction_id), named(&request.out_trade_no)) {
        (true, false) | (false, true) => json_body(request),
        (true, true) => Err(Error::Build(
            "a refund names its order by transaction_id or by out_trade_no, not both".into(),
        )),
        (false, false) => Err(Error::Build(
            "a refund needs the order's transaction_id or out_trade_no".into(),
        )),
    }
}

/// `/v3/refund/domestic/refunds/{out_refund_no}` (查询单笔退款（按商户退款单号）): a refund by the
/// merchant's refund number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueryRefund {
    /// The merchant's refund number (in the path).
    #[serde(skip_serializing)]
    pub out_refund_no: String,
}

/// A refund, as [`CreateRefund`] and [`QueryRefund`] answer it, and as the refund
/// notification's `resource` holds it once decrypted (with fewer fields).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Refund {
    /// WeChat Pay's refund id.
    pub refund_id: String,
    /// The merchant's refund number.
    pub out_refund_no: String,
    /// WeChat Pay's order id.
    pub transaction_id: String,
    /// The merchant's order number.
    pub out_trade_no: String,
    /// `ORIGINAL`, `BALANCE`, `OTHER_BALANCE` or `OTHER_BANKCARD`.
    pub channel: String,
    /// Where the money goes back, in words (`招商银行信用卡0403`, `支付用户零钱`, ...).
    pub user_received_account: String,
    /// When the refund succeeded (RFC 3339), once it did.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub success_time: String,
    /// When it was accepted (RFC 3339).
    pub create_time: String,
    /// `SUCCESS`, `CLOSED`, `PROCESSING` or `ABNORMAL`.
    pub status: String,
    /// The account that funded it: `UNSETTLED`, `AVAILABLE`, `UNAVAILABLE`, `OPERATION`, `BASIC`
    /// or `ECNY_BASIC`.
    pub funds_account: String,
    /// The amounts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<RefundAmount>,
    /// Coupons refunded.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub promotion_detail: Vec<RefundPromotion>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The amounts of a refund, in 分.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct RefundAmount {
    /// The order's total.
    pub total: u64,
    /// The refund asked for.
    pub refund: u64,
    /// The accounts that fund it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<FundsFrom>,
    /// What the payer paid.
    pub payer_total: u64,
    /// What goes back to the payer (coupons excluded).
    pub payer_refund: u64,
    /// The refund less non-prefunded coupons.
    pub settlement_refund: u64,
    /// The order's total less non-prefunded coupons.
    pub settlement_total: u64,
    /// The coupons refunded.
    pub discount_refund: u64,
    /// `CNY`.
    pub currency: String,
    /// The fee refunded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refund_fee: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A coupon a refund gives back.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct RefundPromotion {
    /// The coupon's id.
    pub promotion_id: String,
    /// `GLOBAL` or `SINGLE`.
    pub scope: String,
    /// `COUPON` (pre-funded) or `DISCOUNT` (not pre-funded).
    #[serde(rename = "type")]
    pub kind: String,
    /// The coupon's amount, in 分.
    pub amount: u64,
    /// How much of it is refunded, in 分.
    pub refund_amount: u64,
    /// The items concerned.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goods_detail: Vec<RefundGoodsDetail>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An item of a refunded coupon.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct RefundGoodsDetail {
    /// The merchant's item code.
    pub merchant_goods_id: String,
    /// WeChat Pay's item code.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub wechatpay_goods_id: String,
    /// The item's name.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub goods_name: String,
    /// The unit price, in 分.
    pub unit_price: u64,
    /// How much is refunded, in 分.
    pub refund_amount: u64,
    /// How many.
    pub refund_quantity: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "pay";

    CreateRefund => Refund {
        POST Pay "/v3/refund/domestic/refunds",
        auth: PayV3Signature, repeat: Safe,
        body: refund_body,
        envelope: PayV3,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/create.html",
    }
    QueryRefund => Refund {
        GET Pay "/v3/refund/domestic/refunds/{out_refund_no}",
        auth: PayV3Signature, repeat: Safe,
        path_params: [out_refund_no],
        envelope: PayV3,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/query-by-out-refund-no.html",
    }
}
