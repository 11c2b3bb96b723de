//! Cash red packets (`pay/redpacket`, 现金红包): one sent to a follower of an Official Account.
//! Client certificate required.

use serde::{Deserialize, Serialize};

use super::signer::parse_answer;

/// `mmpaymkttransfers/sendredpack` (发放普通红包): sends a cash red packet to a user
/// (`re_openid` under `wxappid`). Needs the merchant's client certificate (mutual TLS, see
/// [`needs_client_certificate`](super::needs_client_certificate)); signed with MD5 only, and
/// answered without a `sign`. Safe to repeat with the same `mch_billno`: WeChat Pay sends it once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SendRedpack {
    /// The merchant's number for this red packet: `mch_id` + `yyyymmdd` + 10 digits, unique.
    pub mch_billno: String,
    /// The merchant id (filled by the signer when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mch_id: String,
    /// The Official Account's app id (filled by the signer when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wxappid: String,
    /// Who sends it, as the user sees it.
    pub send_name: String,
    /// The receiver's openid under `wxappid`.
    pub re_openid: String,
    /// The amount, in fen.
    pub total_amount: u64,
    /// How many receivers: 1.
    pub total_num: u64,
    /// The blessing shown with it.
    pub wishing: String,
    /// The caller's IP address.
    pub client_ip: String,
    /// The campaign's name.
    pub act_name: String,
    /// A remark.
    pub remark: String,
    /// The scene (`PRODUCT_1` ... `PRODUCT_8`), required above 200 yuan or below 1 yuan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene_id: Option<String>,
    /// Risk information, URL-encoded `key=value` pairs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_info: Option<String>,
}

/// What [`SendRedpack`] answers (no `sign`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct SentRedpack {
    /// `SUCCESS` (a `FAIL` is an error).
    pub return_code: String,
    /// The communication message.
    pub return_msg: String,
    /// `SUCCESS` (a `FAIL` is an error with its `err_code`, such as `NOTENOUGH`).
    pub result_code: String,
    /// The business code (`SUCCESS` on success).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub err_code: Option<String>,
    /// The business message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub err_code_des: Option<String>,
    /// The merchant's number for the red packet.
    pub mch_billno: String,
    /// The merchant id.
    pub mch_id: String,
    /// The Official Account's app id.
    pub wxappid: String,
    /// The receiver.
    pub re_openid: String,
    /// The amount, in fen.
    #[serde(deserialize_with = "crate::lenient::u64")]
    pub total_amount: u64,
    /// WeChat Pay's number for the red packet.
    pub send_listid: String,
    /// Fields this type does not name, as WeChat Pay sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "pay";

    SendRedpack => SentRedpack {
        POST Pay "/mmpaymkttransfers/sendredpack",
        auth: PayV2Sign, repeat: Safe,
        fields: xml,
        envelope: PayV2Xml,
        parse: parse_answer,
        doc: "https://pay.weixin.qq.com/wiki/doc/api/tools/cash_coupon.php?chapter=13_4&index=3",
    }
}
