//! What WeChat Pay v2 posts to the merchant's `notify_url`, and what it expects back.
//!
//! - The payment notification (支付结果通知) is signed like an answer: its `sign` is checked with
//!   the merchant's key (in constant time) before anything is read; a notification for another
//!   merchant is refused too.
//! - The refund notification (退款结果通知) carries its content in `req_info`: base64 of
//!   AES-256-ECB (PKCS#7) under the lower-case hex MD5 of the API key. It has no `sign`: only the
//!   key proves who wrote it, and ECB does not protect its integrity, so a merchant that acts on
//!   amounts confirms them with [`RefundQuery`](super::RefundQuery).
//! - Either way WeChat Pay waits for [`NotifyReply`]: `SUCCESS` stops its retries, anything
//!   else makes it post again later.

use aes::Aes256;
use aes::cipher::{BlockDecryptMut, BlockEncryptMut, KeyInit, block_padding::Pkcs7};
use base64_simd::STANDARD;
use md5::{Digest, Md5};
use serde::{Deserialize, Serialize};

use super::signer::{PayV2Signer, SignType, from_fields, xml_fields};
use crate::error::{ApiError, Error, Result};
use crate::secret::Secret;

/// A payment notification (支付结果通知), verified. Coupons come as numbered fields
/// (`coupon_id_0`, ...) and stay in `extra`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct PayNotification {
    /// `SUCCESS`.
    pub return_code: String,
    /// The communication message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_msg: Option<String>,
    /// The app id.
    pub appid: String,
    /// The merchant id.
    pub mch_id: String,
    /// The device, as ordered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub device_info: Option<String>,
    /// WeChat Pay's nonce.
    pub nonce_str: String,
    /// WeChat Pay's signature (verified).
    pub sign: String,
    /// `MD5` or `HMAC-SHA256`, as the order was signed (absent means MD5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sign_type: Option<String>,
    /// `SUCCESS` when paid, `FAIL` otherwise.
    pub result_code: String,
    /// The business error code, for `FAIL`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub err_code: Option<String>,
    /// The business error, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub err_code_des: Option<String>,
    /// The payer.
    pub openid: String,
    /// `Y` when the payer follows the account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_subscribe: Option<String>,
    /// The trade type.
    pub trade_type: String,
    /// The payer's bank.
    pub bank_type: String,
    /// The order's amount, in fen.
    #[serde(deserialize_with = "crate::lenient::u64")]
    pub total_fee: u64,
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
    /// What coupons paid.
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
    /// WeChat Pay's order number.
    pub transaction_id: String,
    /// The merchant's order number.
    pub out_trade_no: String,
    /// The merchant's data, as ordered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attach: Option<String>,
    /// When it was paid, `yyyyMMddHHmmss`.
    pub time_end: String,
    /// Fields this type does not name, as WeChat Pay sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A refund notification (退款结果通知), its `req_info` decrypted.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct RefundNotification {
    /// `SUCCESS`.
    pub return_code: String,
    /// The communication message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_msg: Option<String>,
    /// The app id.
    pub appid: String,
    /// The merchant id.
    pub mch_id: String,
    /// WeChat Pay's nonce.
    pub nonce_str: String,
    /// The decrypted `req_info`.
    pub req_info: RefundInfo,
    /// Fields this type does not name, as WeChat Pay sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The content of a refund notification (`req_info`, decrypted).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct RefundInfo {
    /// WeChat Pay's order number.
    pub transaction_id: String,
    /// The merchant's order number.
    pub out_trade_no: String,
    /// WeChat Pay's refund number.
    pub refund_id: String,
    /// The merchant's refund number.
    pub out_refund_no: String,
    /// The order's amount, in fen.
    #[serde(deserialize_with = "crate::lenient::u64")]
    pub total_fee: u64,
    /// The order's amount less merchant coupons.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub settlement_total_fee: Option<u64>,
    /// The amount refunded, in fen.
    #[serde(deserialize_with = "crate::lenient::u64")]
    pub refund_fee: u64,
    /// The refund less merchant coupons: what reaches the payer.
    #[serde(
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub settlement_refund_fee: Option<u64>,
    /// `SUCCESS`, `CHANGE` (failed, handle it by hand) or `REFUNDCLOSE`.
    pub refund_status: String,
    /// When it succeeded, `yyyy-MM-dd HH:mm:ss`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success_time: Option<String>,
    /// Where the money went (WeChat's spelling).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refund_recv_accout: Option<String>,
    /// Which funds paid it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refund_account: Option<String>,
    /// Who asked: `API` or `VENDOR_PLATFORM`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refund_request_source: Option<String>,
    /// Fields this type does not name, as WeChat Pay sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer WeChat Pay expects to a notification: `SUCCESS`, or `FAIL` with a message (it then
/// posts again later).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotifyReply {
    /// Received and handled: WeChat Pay stops retrying.
    Success,
    /// Not handled: WeChat Pay posts again later.
    Fail(String),
}

/// Text as CDATA, a `]]>` inside split across two sections.
fn cdata(text: &str) -> String {
    format!("<![CDATA[{}]]>", text.replace("]]>", "]]]]><![CDATA[>"))
}

impl NotifyReply {
    /// The XML body: `<xml><return_code><![CDATA[SUCCESS]]></return_code>...</xml>`.
    pub fn to_xml(&self) -> String {
        let (code, msg) = match self {
            NotifyReply::Success => ("SUCCESS", "OK"),
            NotifyReply::Fail(msg) => ("FAIL", msg.as_str()),
        };
        format!(
            "<xml><return_code>{}</return_code><return_msg>{}</return_msg></xml>",
            cdata(code),
            cdata(msg)
        )
    }

    /// The HTTP answer: 200 with the XML body.
    pub fn to_response(&self) -> http::Response<Vec<u8>> {
        let mut response = http::Response::new(self.to_xml().into_bytes());
        response.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("text/xml; charset=utf-8"),
        );
        response
    }
}

/// The AES-256 key of `req_info`: the lower-case hex MD5 of the API key (32 ASCII bytes).
fn req_info_key(api_key: &Secret) -> [u8; 32] {
    let hex = hex::encode(Md5::digest(api_key.expose().as_bytes()));
    let mut key = [0u8; 32];
    key.copy_from_slice(hex.as_bytes());
    key
}

/// Encrypts a refund notification's content as WeChat Pay writes `req_info`: base64 of
/// AES-256-ECB (PKCS#7) under the lower-case hex MD5 of the API key. For emulators and tests.
pub fn encrypt_req_info(api_key: &Secret, plaintext: &[u8]) -> String {
    let cipher = ecb::Encryptor::<Aes256>::new(&req_info_key(api_key).into());
    STANDARD.encode_to_string(cipher.encrypt_padded_vec_mut::<Pkcs7>(plaintext))
}

/// Decrypts `req_info`; `None` when it does not decrypt under this key (bad padding).
fn decrypt_req_info(api_key: &Secret, req_info: &str) -> Result<Option<Vec<u8>>> {
    let data = STANDARD
        .decode_to_vec(req_info.trim())
        .map_err(|e| Error::decode(format_args!("req_info is not base64: {e}"), b""))?;
    if data.is_empty() || data.len() % 16 != 0 {
        return Err(Error::decode(
            "req_info is not a whole number of AES blocks",
            b"",
        ));
    }
    let cipher = ecb::Decryptor::<Aes256>::new(&req_info_key(api_key).into());
    Ok(cipher.decrypt_padded_vec_mut::<Pkcs7>(&data).ok())
}

impl PayV2Signer {
    /// Reads a payment notification's body: its `sign` must match this merchant's key (with
    /// the notification's `sign_type`, MD5 when absent) and its `mch_id` must be this merchant's,
    /// else [`Error::Signature`] and nothing is parsed. A `return_code` other than `SUCCESS` is
    /// an [`Error::Api`].
    pub fn payment_notification(&self, body: &[u8]) -> Result<PayNotification> {
        let fields = xml_fields(body)?;
        match fields.get("return_code").map(String::as_str) {
            Some("SUCCESS") => {}
            Some(code) => {
                let msg = fields.get("return_msg").cloned().unwrap_or_default();
                return Err(ApiError::new(code, msg).into());
            }
            None => return Err(Error::decode("no return_code", b"")),
        }
        if !fields.contains_key("sign") {
            return Err(Error::Signature(
                "the payment notification carries no sign".into(),
            ));
        }
        let sign_type = match fields.get("sign_type").map(String::as_str) {
            None | Some("") => SignType::Md5,
            Some(name) => SignType::parse(name).ok_or_else(|| {
                Error::Signature(format!(
                    "the payment notification's sign_type {name:?} is unknown"
                ))
            })?,
        };
        if !self.verify_fields(&fields, sign_type) {
            return Err(Error::Signature(format!(
                "the payment notification's sign does not match merchant {}'s key ({})",
                self.mch_id(),
                sign_type.as_str()
            )));
        }
        self.check_merchant(&fields, "payment")?;
        from_fields(fields, b"")
    }

    /// Reads a refund notification's body: its `mch_id` must be this merchant's and its
    /// `req_info` must decrypt under this merchant's key, else [`Error::Signature`] and nothing
    /// is parsed. A `return_code` other than `SUCCESS` is an [`Error::Api`].
    pub fn refund_notification(&self, body: &[u8]) -> Result<RefundNotification> {
        let mut fields = xml_fields(body)?;
        match fields.get("return_code").map(String::as_str) {
            Some("SUCCESS") => {}
            Some(code) => {
                let msg = fields.get("return_msg").cloned().unwrap_or_default();
                return Err(ApiError::new(code, msg).into());
            }
            None => return Err(Error::decode("no return_code", b"")),
        }
        self.check_merchant(&fields, "refund")?;
        let req_info = fields
            .remove("req_info")
            .ok_or_else(|| Error::decode("the refund notification carries no req_info", b""))?;
        let undecryptable = || {
            Error::Signature(format!(
                "the refund notification's req_info does not decrypt with merchant {}'s key",
                self.mch_id()
            ))
        };
        let plain = decrypt_req_info(self.key(), &req_info)?.ok_or_else(undecryptable)?;
        let info_fields = xml_fields(&plain).map_err(|_| undecryptable())?;
        let info: RefundInfo = from_fields(info_fields, b"")?;
        let mut outer: RefundNotification = from_fields(fields, b"")?;
        outer.req_info = info;
        Ok(outer)
    }

    fn check_merchant(
        &self,
        fields: &std::collections::BTreeMap<String, String>,
        what: &str,
    ) -> Result<()> {
        match fields.get("mch_id") {
            Some(id) if id == self.mch_id() => Ok(()),
            Some(id) => Err(Error::Signature(format!(
                "the {what} notification is for merchant {id}, not {}",
                self.mch_id()
            ))),
            None => Err(Error::Signature(format!(
                "the {what} notification names no merchant"
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies() {
        assert_eq!(
            NotifyReply::Success.to_xml(),
            "<xml><return_code><![CDATA[SUCCESS]]></return_code><return_msg><![CDATA[OK]]></return_msg></xml>"
        );
        let fail = NotifyReply::Fail("bad ]]> sign".into()).to_xml();
        let f = xml_fields(fail.as_bytes()).unwrap();
        assert_eq!(f["return_code"], "FAIL");
        assert_eq!(f["return_msg"], "bad ]]> sign");
    }

    #[test]
    fn req_info_round_trips() {
        let key = Secret::new("192006250b4c09247ec02edce69f6a2d");
        let enc = encrypt_req_info(&key, b"<root><refund_fee>1</refund_fee></root>");
        let plain = decrypt_req_info(&key, &enc).unwrap().unwrap();
        assert_eq!(plain, b"<root><refund_fee>1</refund_fee></root>");
        let other = decrypt_req_info(&Secret::new("another key"), &enc).unwrap();
        assert!(other.is_none_or(|p| xml_fields(&p).is_err()));
    }
}
