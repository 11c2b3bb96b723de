//! Refunds (`pay/refund`): ask for one (申请退款, client certificate required) and read its state
//! (查询退款).

use serde::{Deserialize, Serialize};

use super::signer::parse_answer;

/// `secapi/pay/refund` (申请退款): refunds all or part of a paid order, within a year. Needs the
/// merchant's client certificate (mutual TLS, see
/// [`needs_client_certificate`](super::needs_client_certificate)). Safe to repeat with the same
/// `out_refund_no`: WeChat Pay refunds it once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Refund {
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
    /// The merchant's refund number, unique per merchant: the same number refunds once.
    pub out_refund_no: String,
    /// The order's amount, in fen.
    pub total_fee: u64,
    /// The amount to refund, in fen.
    pub refund_fee: u64,
    /// The currency (`CNY` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_fee_type: Option<String>,
    /// Why, shown to the payer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_desc: Option<String>,
    /// Where the money comes from: `REFUND_SOURCE_UNSETTLED_FUNDS` (default) or
    /// `REFUND_SOURCE_RECHARGE_FUNDS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_account: Option<String>,
    /// Where WeChat Pay posts the refund notification (else the one set on the merchant platform).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify_url: Option<String>,
}

impl Refund {
    /// Refunds `refund_fee` of the merchant's order `out_trade_no` (of `total_fee`) as
    /// `out_refund_no`.
    pub fn by_out_trade_no(
        out_trade_no: impl Into<String>,
        out_refund_no: impl Into<String>,
        total_fee: u64,
        refund_fee: u64,
    ) -> Self {
        Self {
            out_trade_no: Some(out_trade_no.into()),
            out_refund_no: out_refund_no.into(),
            total_fee,
            refund_fee,
            ..Self::default()
        }
    }
}

/// What [`Refund`] answers: the refund is accepted, not yet done (its notification or
/// [`RefundQuery`] tells). Coupon refunds come as numbered fields and stay in `extra`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct RefundAccepted {
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
    /// `SUCCESS` (a `FAIL` is an error with its `err_code`, such as `NOTENOUGH`).
    pub result_code: String,
    /// WeChat Pay's order number.
    pub transaction_id: String,
    /// The merchant's order number.
    pub out_trade_no: String,
    /// The merchant's refund number.
    pub out_refund_no: String,
    /// WeChat Pay's refund number.
    pub refund_id: String,
    /// The refund channel, when sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refund_channel: Option<String>,
    /// The amount refunded, in fen.
    #[serde(deserialize_with = "crate::lenient::u64")]
    pub refund_fee: u64,
    /// The refund less merchant coupons.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub settlement_refund_fee: Option<u64>,
    /// The order's amount.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_fee: Option<u64>,
    /// The order's amount less merchant coupons.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub settlement_total_fee: Option<u64>,
    /// The currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee_type: Option<String>,
    /// What the payer paid in cash.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub cash_fee: Option<u64>,
    /// The cash refunded.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub cash_refund_fee: Option<u64>,
    /// The coupons refunded, in fen.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub coupon_refund_fee: Option<u64>,
    /// How many coupons were refunded.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub coupon_refund_count: Option<u64>,
    /// Fields this type does not name, as WeChat Pay sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `refundquery` (查询退款): the refunds of an order, or one refund, by any of its four numbers
/// (the most specific one wins). Safe to repeat.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RefundQuery {
    /// The app id (filled by the signer when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub appid: String,
    /// The merchant id (filled by the signer when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mch_id: String,
    /// WeChat Pay's order number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
    /// The merchant's order number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_trade_no: Option<String>,
    /// The merchant's refund number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_refund_no: Option<String>,
    /// WeChat Pay's refund number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_id: Option<String>,
    /// The first refund to list, for orders with more than 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

impl RefundQuery {
    /// The refunds of the merchant's order `out_trade_no`.
    pub fn by_out_trade_no(out_trade_no: impl Into<String>) -> Self {
        Self {
            out_trade_no: Some(out_trade_no.into()),
            ..Self::default()
        }
    }

    /// The refund the merchant numbered `out_refund_no`.
    pub fn by_out_refund_no(out_refund_no: impl Into<String>) -> Self {
        Self {
            out_refund_no: Some(out_refund_no.into()),
            ..Self::default()
        }
    }
}

/// What [`RefundQuery`] answers. Each refund comes as numbered fields (`out_refund_no_0`,
/// `refund_status_0`, ...) kept in `extra`; [`RefundStates::refunds`] reads them.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct RefundStates {
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
    /// `SUCCESS` (a `FAIL` is an error with its `err_code`, such as `REFUNDNOTEXIST`).
    pub result_code: String,
    /// How many refunds the order has in all.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_refund_count: Option<u64>,
    /// WeChat Pay's order number.
    pub transaction_id: String,
    /// The merchant's order number.
    pub out_trade_no: String,
    /// The order's amount.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_fee: Option<u64>,
    /// The order's amount less merchant coupons.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub settlement_total_fee: Option<u64>,
    /// The currency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee_type: Option<String>,
    /// What the payer paid in cash.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub cash_fee: Option<u64>,
    /// How many refunds this answer lists.
    #[serde(deserialize_with = "crate::lenient::u64")]
    pub refund_count: u64,
    /// Fields this type does not name, as WeChat Pay sent them: the numbered refund fields among
    /// them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One refund of a [`RefundStates`], from its numbered fields.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RefundState {
    /// The merchant's refund number (`out_refund_no_$n`).
    pub out_refund_no: String,
    /// WeChat Pay's refund number (`refund_id_$n`).
    pub refund_id: String,
    /// The amount, in fen (`refund_fee_$n`).
    pub refund_fee: u64,
    /// `SUCCESS`, `REFUNDCLOSE`, `PROCESSING` or `CHANGE` (`refund_status_$n`).
    pub refund_status: String,
    /// Where the money went (`refund_recv_accout_$n`, WeChat's spelling).
    pub refund_recv_accout: Option<String>,
    /// When it succeeded (`refund_success_time_$n`).
    pub refund_success_time: Option<String>,
}

impl RefundStates {
    /// The refunds listed, `0..refund_count`, read from their numbered fields.
    pub fn refunds(&self) -> Vec<RefundState> {
        let text = |name: &str, n: u64| {
            self.extra
                .get(&format!("{name}_{n}"))
                .and_then(|v| match v {
                    serde_json::Value::String(s) => Some(s.clone()),
                    serde_json::Value::Number(x) => Some(x.to_string()),
                    _ => None,
                })
        };
        (0..self.refund_count)
            .map(|n| RefundState {
                out_refund_no: text("out_refund_no", n).unwrap_or_default(),
                refund_id: text("refund_id", n).unwrap_or_default(),
                refund_fee: text("refund_fee", n)
                    .and_then(|f| f.trim().parse().ok())
                    .unwrap_or_default(),
                refund_status: text("refund_status", n).unwrap_or_default(),
                refund_recv_accout: text("refund_recv_accout", n),
                refund_success_time: text("refund_success_time", n),
            })
            .collect()
    }
}

crate::endpoint! {
    area: "pay";

    Refund => RefundAccepted {
        POST Pay "/secapi/pay/refund",
        auth: PayV2Sign, repeat: Safe,
        fields: xml,
        envelope: PayV2Xml,
        parse: parse_answer,
        doc: "https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_4",
    }
    RefundQuery => RefundStates {
        POST Pay "/pay/refundquery",
        auth: PayV2Sign, repeat: Safe,
        fields: xml,
        envelope: PayV2Xml,
        parse: parse_answer,
        doc: "https://pay.weixin.qq.com/wiki/doc/api/jsapi.php?chapter=9_5",
    }
}
