//! What the payer's client needs to pay a prepay id: the parameters of `wx.requestPayment`
//! (Mini Program), `WeixinJSBridge.invoke('getBrandWCPayRequest')` (Official Account pages) and
//! the App SDK's `PayReq`, signed with the merchant's API key like any v2 call.

use serde::{Deserialize, Serialize};

use super::signer::{PayV2Signer, SignType};

/// The JSAPI and Mini Program payment parameters, serialized with the names the JS SDKs read
/// (`appId`, `timeStamp`, `nonceStr`, `package`, `signType`, `paySign`): hand the JSON to the page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JsapiPayParams {
    /// The app id the order was placed for.
    #[serde(rename = "appId")]
    pub app_id: String,
    /// Unix seconds, as text.
    #[serde(rename = "timeStamp")]
    pub time_stamp: String,
    /// A random string of at most 32 characters.
    #[serde(rename = "nonceStr")]
    pub nonce_str: String,
    /// `prepay_id=...`.
    pub package: String,
    /// `MD5` or `HMAC-SHA256`: as the order was signed.
    #[serde(rename = "signType")]
    pub sign_type: SignType,
    /// The signature of the five fields above.
    #[serde(rename = "paySign")]
    pub pay_sign: String,
}

/// The App payment parameters, serialized with the names of the App SDK's `PayReq`
/// (`appid`, `partnerid`, `prepayid`, `package` = `Sign=WXPay`, `noncestr`, `timestamp`, `sign`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppPayParams {
    /// The mobile app's id on the Open Platform.
    pub appid: String,
    /// The merchant id.
    pub partnerid: String,
    /// The prepay id.
    pub prepayid: String,
    /// Always `Sign=WXPay`.
    pub package: String,
    /// A random string of at most 32 characters.
    pub noncestr: String,
    /// Unix seconds, as text.
    pub timestamp: String,
    /// The signature of the six fields above, made as the order was signed.
    pub sign: String,
}

impl PayV2Signer {
    /// The JSAPI / Mini Program payment parameters of `prepay_id` (from
    /// [`UnifiedOrder`](super::UnifiedOrder) with `trade_type` `JSAPI`), at `timestamp` (Unix
    /// seconds) with `nonce` (from the runtime, at most 32 characters), signed with the signer's
    /// sign type.
    pub fn jsapi_params(&self, prepay_id: &str, timestamp: u64, nonce: &str) -> JsapiPayParams {
        let time_stamp = timestamp.to_string();
        let package = format!("prepay_id={prepay_id}");
        let sign_type = self.sign_type();
        let pay_sign = self.sign(
            [
                ("appId", self.appid()),
                ("timeStamp", time_stamp.as_str()),
                ("nonceStr", nonce),
                ("package", package.as_str()),
                ("signType", sign_type.as_str()),
            ],
            sign_type,
        );
        JsapiPayParams {
            app_id: self.appid().to_owned(),
            time_stamp,
            nonce_str: nonce.to_owned(),
            package,
            sign_type,
            pay_sign,
        }
    }

    /// The App payment parameters of `prepay_id` (from an `APP` order), at `timestamp` (Unix
    /// seconds) with `nonce`. The signer's app id is the mobile app's; the sign type is the
    /// signer's, as the order's was.
    pub fn app_params(&self, prepay_id: &str, timestamp: u64, nonce: &str) -> AppPayParams {
        let timestamp = timestamp.to_string();
        let package = "Sign=WXPay";
        let sign = self.sign(
            [
                ("appid", self.appid()),
                ("partnerid", self.mch_id()),
                ("prepayid", prepay_id),
                ("package", package),
                ("noncestr", nonce),
                ("timestamp", timestamp.as_str()),
            ],
            self.sign_type(),
        );
        AppPayParams {
            appid: self.appid().to_owned(),
            partnerid: self.mch_id().to_owned(),
            prepayid: prepay_id.to_owned(),
            package: package.to_owned(),
            noncestr: nonce.to_owned(),
            timestamp,
            sign,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::Secret;

    #[test]
    fn names_are_the_sdks() {
        let s = PayV2Signer::new("1900000109", "wx1", Secret::new("K"));
        let js = serde_json::to_value(s.jsapi_params("wx20", 1_700_000_000, "n1")).unwrap();
        let keys: Vec<&str> = js.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "appId",
                "timeStamp",
                "nonceStr",
                "package",
                "signType",
                "paySign"
            ]
        );
        assert_eq!(js["package"], "prepay_id=wx20");
        assert_eq!(js["signType"], "MD5");
        let app = serde_json::to_value(s.app_params("wx20", 1_700_000_000, "n1")).unwrap();
        assert_eq!(app["package"], "Sign=WXPay");
        assert_eq!(app["partnerid"], "1900000109");
    }
}
