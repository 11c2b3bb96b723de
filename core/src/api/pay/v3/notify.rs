//! Notifications WeChat Pay posts to the merchant (支付通知, 退款结果通知): verified on the raw
//! body (signature, key, timestamp window), then decrypted (`AEAD_AES_256_GCM` with the APIv3
//! key), and the answers WeChat Pay expects.
//!
//! ```no_run
//! # use wechat_core::api::pay::v3::{Merchant, notify};
//! # async fn handle(merchant: &Merchant, request: http::Request<Vec<u8>>, now_secs: u64) -> http::Response<Vec<u8>> {
//! match merchant.notification(request.headers(), request.body(), now_secs).await {
//!     Ok(n) => {
//!         let transaction: serde_json::Value = match n.decrypt(merchant) {
//!             Ok(t) => t,
//!             Err(e) => return notify::failure(&e.to_string()),
//!         };
//!         // ... record the payment, idempotently by n.id ...
//!         notify::success()
//!     }
//!     Err(e) => notify::failure(&e.to_string()),
//! }
//! # }
//! ```
//!
//! <https://pay.weixin.qq.com/doc/v3/merchant/4012791861>

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::crypto::{VerifyError, decrypt_aes_gcm};
use super::merchant::Merchant;
use crate::endpoint::Extra;

/// A notification as posted, before decryption: what happened and the encrypted resource.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Notification {
    /// The notification id (the same on every redelivery: deduplicate by it).
    pub id: String,
    /// When it was created, RFC 3339.
    pub create_time: String,
    /// `TRANSACTION.SUCCESS`, `REFUND.SUCCESS`, `REFUND.ABNORMAL`, `REFUND.CLOSED`, ...
    pub event_type: String,
    /// `encrypt-resource`.
    pub resource_type: String,
    /// A short description (支付成功, 退款成功).
    pub summary: String,
    /// The encrypted payload.
    pub resource: EncryptedResource,
    /// Fields this type does not name, as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The `resource` of a notification (and the `encrypt_certificate` of a platform certificate).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EncryptedResource {
    /// `AEAD_AES_256_GCM`.
    pub algorithm: String,
    /// Base64 ciphertext with the tag at its end.
    pub ciphertext: String,
    /// The associated data (`transaction`, `refund`, `certificate`); may be empty.
    pub associated_data: String,
    /// What the plaintext is (`transaction`, `refund`).
    pub original_type: String,
    /// The 12-character nonce.
    pub nonce: String,
    /// Fields this type does not name, as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The resource of a refund notification (`REFUND.SUCCESS`, `REFUND.ABNORMAL`,
/// `REFUND.CLOSED`), decrypted with [`Notification::decrypt`].
///
/// <https://pay.weixin.qq.com/doc/v3/merchant/4012791865>
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RefundNotice {
    /// The merchant id.
    pub mchid: String,
    /// The merchant's order number.
    pub out_trade_no: String,
    /// WeChat Pay's order id.
    pub transaction_id: String,
    /// The merchant's refund number.
    pub out_refund_no: String,
    /// WeChat Pay's refund id.
    pub refund_id: String,
    /// `SUCCESS`, `CLOSED` or `ABNORMAL`.
    pub refund_status: String,
    /// When the refund succeeded (RFC 3339).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub success_time: Option<String>,
    /// Where the money went back (`招商银行信用卡0403`, `支付用户零钱`).
    pub user_received_account: String,
    /// The amounts, 分.
    pub amount: RefundNoticeAmount,
    /// Fields this type does not name, as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The amounts of a [`RefundNotice`], 分.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RefundNoticeAmount {
    /// The order's total.
    pub total: u64,
    /// The refund.
    pub refund: u64,
    /// What the payer paid.
    pub payer_total: u64,
    /// What goes back to the payer.
    pub payer_refund: u64,
    /// Fields this type does not name, as sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Merchant {
    /// Verifies a notification on its raw body and headers (`now_secs` for the timestamp
    /// window), then reads its envelope. Nothing is parsed before the signature verifies.
    pub async fn notification(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
        now_secs: u64,
    ) -> Result<Notification, VerifyError> {
        self.verify_signed(headers, body, Some(now_secs)).await?;
        serde_json::from_slice(body).map_err(|e| VerifyError::Malformed(e.to_string()))
    }
}

impl Notification {
    /// Decrypts the resource with the merchant's APIv3 key into `T`: a payment
    /// (`TRANSACTION.SUCCESS`) into a [`Transaction`](super::transactions::Transaction), a refund
    /// into a [`RefundNotice`].
    pub fn decrypt<T: DeserializeOwned>(&self, merchant: &Merchant) -> Result<T, VerifyError> {
        let r = &self.resource;
        if r.algorithm != "AEAD_AES_256_GCM" {
            return Err(VerifyError::Malformed(format!(
                "unknown algorithm {:?}",
                r.algorithm
            )));
        }
        let plain = decrypt_aes_gcm(
            merchant.apiv3_key(),
            &r.nonce,
            &r.associated_data,
            &r.ciphertext,
        )?;
        serde_json::from_slice(&plain).map_err(|e| VerifyError::Malformed(e.to_string()))
    }
}

/// The answer that tells WeChat Pay the notification was handled: `204 No Content`.
pub fn success() -> http::Response<Vec<u8>> {
    let mut r = http::Response::new(Vec::new());
    *r.status_mut() = http::StatusCode::NO_CONTENT;
    r
}

/// The answer that asks WeChat Pay to deliver the notification again later: `500` with
/// `{"code": "FAIL", "message": …}`. Keep secrets out of `message`.
pub fn failure(message: &str) -> http::Response<Vec<u8>> {
    let body = serde_json::json!({ "code": "FAIL", "message": message }).to_string();
    let mut r = http::Response::new(body.into_bytes());
    *r.status_mut() = http::StatusCode::INTERNAL_SERVER_ERROR;
    r.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    r
}
