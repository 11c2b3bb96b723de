//! Payments to a user's balance (`pay/transfer`, 企业付款到零钱). Client certificate required.

use serde::{Deserialize, Serialize};

use super::signer::parse_answer;

/// `mmpaymkttransfers/promotion/transfers` (企业付款到零钱): pays a user's WeChat balance.
/// Needs the merchant's client certificate (mutual TLS, see
/// [`needs_client_certificate`](super::needs_client_certificate)); signed with MD5 only, and
/// answered without a `sign`. Safe to repeat with the same `partner_trade_no`: WeChat Pay pays
/// once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Transfer {
    /// The app id the user's openid belongs to (filled by the signer when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mch_appid: String,
    /// The merchant id (filled by the signer when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mchid: String,
    /// The device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device_info: Option<String>,
    /// The merchant's number for this payment, unique.
    pub partner_trade_no: String,
    /// The receiver's openid under `mch_appid`.
    pub openid: String,
    /// `NO_CHECK`, or `FORCE_CHECK` to require the receiver's real name to be `re_user_name`.
    pub check_name: String,
    /// The receiver's real name, for `FORCE_CHECK`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub re_user_name: Option<String>,
    /// The amount, in fen.
    pub amount: u64,
    /// What it is for, shown to the user.
    pub desc: String,
    /// The caller's IP address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spbill_create_ip: Option<String>,
}

impl Transfer {
    /// Pays `amount` fen to `openid` without checking the name.
    pub fn new(
        partner_trade_no: impl Into<String>,
        openid: impl Into<String>,
        amount: u64,
        desc: impl Into<String>,
    ) -> Self {
        Self {
            partner_trade_no: partner_trade_no.into(),
            openid: openid.into(),
            check_name: "NO_CHECK".into(),
            amount,
            desc: desc.into(),
            ..Self::default()
        }
    }
}

/// What [`Transfer`] answers (no `sign`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Transferred {
    /// `SUCCESS` (a `FAIL` is an error).
    pub return_code: String,
    /// The communication message.
    pub return_msg: String,
    /// The app id.
    pub mch_appid: String,
    /// The merchant id.
    pub mchid: String,
    /// The device, as sent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_info: Option<String>,
    /// WeChat Pay's nonce.
    pub nonce_str: String,
    /// `SUCCESS` (a `FAIL` is an error with its `err_code`, such as `NOTENOUGH`).
    pub result_code: String,
    /// The merchant's number for the payment.
    pub partner_trade_no: String,
    /// WeChat Pay's number for the payment.
    pub payment_no: String,
    /// When it was paid, `yyyy-MM-dd HH:mm:ss`.
    pub payment_time: String,
    /// Fields this type does not name, as WeChat Pay sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "pay";

    Transfer => Transferred {
        POST Pay "/mmpaymkttransfers/promotion/transfers",
        auth: PayV2Sign, repeat: Safe,
        fields: xml,
        envelope: PayV2Xml,
        parse: parse_answer,
        doc: "https://pay.weixin.qq.com/wiki/doc/api/tools/mch_pay.php?chapter=14_2",
    }
}
