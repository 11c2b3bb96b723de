//! A WeChat Pay v3 merchant: its keys, the [`Signer`] of its calls, and the verification of what
//! WeChat Pay sends back.

use std::fmt;
use std::sync::{Arc, RwLock};

use base64_simd::STANDARD;
use http::HeaderValue;
use http::header::{ACCEPT, AUTHORIZATION, USER_AGENT};
use serde::{Deserialize, Serialize};

use super::crypto::{
    RsaKeyImport, RsaPublicKey, RsaSigningKey, VerifyError, answer_message, certificate_spki,
    decrypt_aes_gcm, lines_message, request_message,
};
use crate::auth::{Auth, SignContext, Signer};
use crate::client::BoxFuture;
use crate::endpoint::{AuthScheme, Envelope, Meta};
use crate::error::{Error, Result};
use crate::secret::Secret;

/// How far a notification's `Wechatpay-Timestamp` may be from now, by default: five minutes.
pub const DEFAULT_TIMESTAMP_WINDOW_SECS: u64 = 300;

const USER_AGENT_VALUE: &str = concat!("wechat-core/", env!("CARGO_PKG_VERSION"));

/// A WeChat Pay v3 merchant (商户): its id, its API certificate's serial and private key, its
/// APIv3 key, and the WeChat Pay keys that verify answers and notifications: the WeChat Pay
/// public key (`PUB_KEY_ID_…`), platform certificates, or both during a migration.
///
/// As a [`Signer`] it signs every call (`Authorization: WECHATPAY2-SHA256-RSA2048 …`) and
/// verifies every answer's `Wechatpay-Signature` with the key named by `Wechatpay-Serial` before
/// anything parses it. One per merchant; share it with [`Arc`].
///
/// ```
/// # use std::sync::Arc;
/// # use wechat_core::Secret;
/// # use wechat_core::api::pay::v3::{Merchant, RsaPublicKey, RsaSigningKey};
/// // The keys come from an adapter (wechat-reqwest: AWS-LC).
/// fn merchant_auth(
///     private_key: impl RsaSigningKey + 'static,
///     wechatpay_public_key: impl RsaPublicKey + 'static,
/// ) -> wechat_core::Auth {
///     let merchant = Arc::new(
///         Merchant::new("1900000109", "3775B6A45ACD588826D15E583A95F5DD********", private_key,
///             Secret::new("an APIv3 key of 32 bytes........"))
///             .with_public_key("PUB_KEY_ID_0112345678901234567890", wechatpay_public_key),
///     );
///     merchant.auth() // for wechat_core::Client::new(auth, ..)
/// }
/// ```
pub struct Merchant {
    mchid: String,
    serial_no: String,
    key: Box<dyn RsaSigningKey>,
    apiv3_key: Secret,
    wechatpay: RwLock<WechatPayKeys>,
    window_secs: u64,
}

/// WeChat Pay's keys by id, and the one sensitive fields are encrypted for.
#[derive(Default)]
struct WechatPayKeys {
    keys: Vec<(String, Arc<dyn RsaPublicKey>)>,
    /// The public key's id when one is configured, else the newest platform certificate.
    preferred: Option<String>,
}

impl WechatPayKeys {
    fn get(&self, id: &str) -> Option<Arc<dyn RsaPublicKey>> {
        self.keys
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, key)| key.clone())
    }

    fn insert(&mut self, id: String, key: Arc<dyn RsaPublicKey>, prefer: bool) {
        self.keys.retain(|(k, _)| *k != id);
        if prefer || self.preferred.is_none() {
            self.preferred = Some(id.clone());
        }
        self.keys.push((id, key));
    }
}

impl fmt::Debug for Merchant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ids: Vec<String> = self
            .wechatpay
            .read()
            .map(|k| k.keys.iter().map(|(id, _)| id.clone()).collect())
            .unwrap_or_default();
        f.debug_struct("Merchant")
            .field("mchid", &self.mchid)
            .field("serial_no", &self.serial_no)
            .field("wechatpay_keys", &ids)
            .finish_non_exhaustive()
    }
}

/// A sensitive field encrypted for WeChat Pay (RSA-OAEP), and the id of the key it was
/// encrypted for, which the call sends as `Wechatpay-Serial`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Encrypted {
    /// The WeChat Pay key id (a public key id or a platform certificate serial).
    pub key_id: String,
    /// Base64 ciphertext, the field's value in the request.
    pub ciphertext: String,
}

/// The parameters a JSAPI page or a Mini Program passes to `WeixinJSBridge.invoke
/// ('getBrandWCPayRequest')` / `wx.requestPayment` (JSAPI调起支付, 小程序调起支付), signed with the
/// merchant key.
///
/// <https://pay.weixin.qq.com/doc/v3/merchant/4012365341>
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JsapiPayParams {
    /// The app id the order was placed for.
    pub app_id: String,
    /// Unix seconds, as a string.
    pub time_stamp: String,
    /// A random string.
    pub nonce_str: String,
    /// `prepay_id=…`.
    pub package: String,
    /// `RSA`.
    pub sign_type: String,
    /// Base64 RSA-SHA256 over `appId\ntimeStamp\nnonceStr\npackage\n`.
    pub pay_sign: String,
}

/// The parameters an app passes to the OpenSDK's `PayReq` (APP调起支付), signed with the merchant
/// key.
///
/// <https://pay.weixin.qq.com/doc/v3/merchant/4013070351>
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppPayParams {
    /// The app id.
    pub appid: String,
    /// The merchant id.
    pub partnerid: String,
    /// The prepay id.
    pub prepayid: String,
    /// `Sign=WXPay`.
    pub package: String,
    /// A random string.
    pub noncestr: String,
    /// Unix seconds, as a string.
    pub timestamp: String,
    /// Base64 RSA-SHA256 over `appid\ntimestamp\nnoncestr\nprepayid\n`.
    pub sign: String,
}

impl Merchant {
    /// A merchant: its id (`mchid`), its API certificate's serial number (`serial_no`), its
    /// private key (loaded by an adapter) and its APIv3 key (32 bytes). Add WeChat Pay's keys
    /// with [`Merchant::with_public_key`] or [`Merchant::with_platform_certificate`] (or at run
    /// time, [`Merchant::add_platform_certificate`]): answers from an unknown key are refused.
    pub fn new(
        mchid: impl Into<String>,
        serial_no: impl Into<String>,
        key: impl RsaSigningKey + 'static,
        apiv3_key: Secret,
    ) -> Self {
        Self {
            mchid: mchid.into(),
            serial_no: serial_no.into(),
            key: Box::new(key),
            apiv3_key,
            wechatpay: RwLock::new(WechatPayKeys::default()),
            window_secs: DEFAULT_TIMESTAMP_WINDOW_SECS,
        }
    }

    /// Trusts the WeChat Pay public key (微信支付公钥) with its id (`PUB_KEY_ID_…`); sensitive
    /// fields are then encrypted for it.
    pub fn with_public_key(self, id: impl Into<String>, key: impl RsaPublicKey + 'static) -> Self {
        self.add_key(id.into(), Arc::new(key), |_| true);
        self
    }

    /// Trusts a platform certificate's key (平台证书) by its serial number.
    pub fn with_platform_certificate(
        self,
        serial_no: impl Into<String>,
        key: impl RsaPublicKey + 'static,
    ) -> Self {
        self.add_key(serial_no.into(), Arc::new(key), |_| false);
        self
    }

    /// How far a notification's timestamp may be from now (default
    /// [`DEFAULT_TIMESTAMP_WINDOW_SECS`]).
    pub fn with_timestamp_window(mut self, secs: u64) -> Self {
        self.window_secs = secs;
        self
    }

    /// This merchant as a client's credential ([`Auth::Signer`]).
    pub fn auth(self: &Arc<Self>) -> Auth {
        Auth::Signer(self.clone())
    }

    /// The merchant id (`mchid`).
    pub fn mchid(&self) -> &str {
        &self.mchid
    }

    /// True when answers signed by the key `id` can be verified.
    pub fn knows_key(&self, id: &str) -> bool {
        self.wechatpay.read().is_ok_and(|k| k.get(id).is_some())
    }

    /// Adds a key; `prefer` decides, from the key preferred so far and under the same lock,
    /// whether sensitive fields are encrypted for the new one from now on.
    fn add_key(
        &self,
        id: String,
        key: Arc<dyn RsaPublicKey>,
        prefer: impl FnOnce(Option<&str>) -> bool,
    ) {
        if let Ok(mut keys) = self.wechatpay.write() {
            let prefer = prefer(keys.preferred.as_deref());
            keys.insert(id, key, prefer);
        }
    }

    /// Adds a platform certificate as `/v3/certificates` lists it (下载平台证书): decrypts its
    /// `encrypt_certificate` with the APIv3 key, takes its public key and imports it through
    /// the adapter. Unless a WeChat Pay public key is configured, the certificate added last is
    /// the one sensitive fields are encrypted for.
    ///
    /// Note: the certificate list is itself an answer signed by a platform key; download it
    /// through a client of this merchant, whose first trusted key verifies it (bootstrap with
    /// a certificate obtained out of band, or with the WeChat Pay public key).
    pub async fn add_platform_certificate(
        &self,
        serial_no: &str,
        nonce: &str,
        associated_data: &str,
        ciphertext: &str,
        import: &dyn RsaKeyImport,
    ) -> Result<()> {
        let pem = decrypt_aes_gcm(&self.apiv3_key, nonce, associated_data, ciphertext)?;
        let spki = certificate_spki(&pem)?;
        let key = import.import_spki(&spki).await?;
        // A configured WeChat Pay public key stays preferred over certificates.
        self.add_key(serial_no.to_owned(), Arc::from(key), |preferred| {
            !preferred.is_some_and(|p| p.starts_with("PUB_KEY_ID_"))
        });
        Ok(())
    }

    /// Adds every certificate of a `/v3/certificates` answer
    /// ([`GetCertificates`](super::certificates::GetCertificates)); see
    /// [`Merchant::add_platform_certificate`]. Returns how many were added.
    pub async fn add_platform_certificates(
        &self,
        list: &super::certificates::Certificates,
        import: &dyn RsaKeyImport,
    ) -> Result<usize> {
        for c in &list.data {
            let e = &c.encrypt_certificate;
            self.add_platform_certificate(
                &c.serial_no,
                &e.nonce,
                &e.associated_data,
                &e.ciphertext,
                import,
            )
            .await?;
        }
        Ok(list.data.len())
    }

    /// Encrypts a sensitive field (a name, an ID number, a phone number) for WeChat Pay with
    /// RSA-OAEP, for the preferred WeChat Pay key. Every call of this merchant names that key in
    /// `Wechatpay-Serial`.
    pub async fn encrypt(&self, plaintext: &str) -> Result<Encrypted> {
        let (key_id, key) = self.preferred()?;
        let sealed = key.encrypt_oaep(plaintext.as_bytes()).await?;
        Ok(Encrypted {
            key_id,
            ciphertext: STANDARD.encode_to_string(sealed),
        })
    }

    fn preferred(&self) -> Result<(String, Arc<dyn RsaPublicKey>)> {
        let keys = self
            .wechatpay
            .read()
            .map_err(|_| Error::Build("WeChat Pay keys unavailable".into()))?;
        keys.preferred
            .as_ref()
            .and_then(|id| keys.get(id).map(|k| (id.clone(), k)))
            .ok_or_else(|| {
                Error::Build(format!(
                    "merchant {} has no WeChat Pay key to encrypt for",
                    self.mchid
                ))
            })
    }

    /// The parameters of a JSAPI or Mini Program payment for a prepay id: `timestamp` (Unix
    /// seconds) and `nonce` (random, up to 32 characters) come from the caller's clock and
    /// randomness.
    pub async fn jsapi_pay_params(
        &self,
        appid: &str,
        prepay_id: &str,
        timestamp: u64,
        nonce: &str,
    ) -> Result<JsapiPayParams> {
        let time_stamp = timestamp.to_string();
        let package = format!("prepay_id={prepay_id}");
        let signature = self
            .key
            .sign_sha256(&lines_message(&[appid, &time_stamp, nonce, &package]))
            .await?;
        Ok(JsapiPayParams {
            app_id: appid.to_owned(),
            time_stamp,
            nonce_str: nonce.to_owned(),
            package,
            sign_type: "RSA".to_owned(),
            pay_sign: STANDARD.encode_to_string(signature),
        })
    }

    /// The parameters of an App payment for a prepay id (see
    /// [`Merchant::jsapi_pay_params`] for `timestamp` and `nonce`).
    pub async fn app_pay_params(
        &self,
        appid: &str,
        prepay_id: &str,
        timestamp: u64,
        nonce: &str,
    ) -> Result<AppPayParams> {
        let timestamp = timestamp.to_string();
        let signature = self
            .key
            .sign_sha256(&lines_message(&[appid, &timestamp, nonce, prepay_id]))
            .await?;
        Ok(AppPayParams {
            appid: appid.to_owned(),
            partnerid: self.mchid.clone(),
            prepayid: prepay_id.to_owned(),
            package: "Sign=WXPay".to_owned(),
            noncestr: nonce.to_owned(),
            timestamp,
            sign: STANDARD.encode_to_string(signature),
        })
    }

    /// Verifies what WeChat Pay signed (an answer, a notification): the `Wechatpay-*` headers,
    /// then, with `now_secs`, the timestamp window, then the signature over
    /// `TIMESTAMP\nNONCE\nBODY\n` by the key `Wechatpay-Serial` names.
    pub async fn verify_signed(
        &self,
        headers: &http::HeaderMap,
        body: &[u8],
        now_secs: Option<u64>,
    ) -> std::result::Result<(), VerifyError> {
        let header = |name: &'static str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .filter(|v| !v.is_empty())
                .ok_or(VerifyError::MissingHeader(name))
        };
        let serial = header("Wechatpay-Serial")?;
        let signature = header("Wechatpay-Signature")?;
        let timestamp = header("Wechatpay-Timestamp")?;
        let nonce = header("Wechatpay-Nonce")?;
        if let Some(now) = now_secs {
            let ts: u64 = timestamp
                .parse()
                .map_err(|_| VerifyError::MissingHeader("Wechatpay-Timestamp"))?;
            let skew = now.abs_diff(ts);
            if skew > self.window_secs {
                return Err(VerifyError::StaleTimestamp {
                    timestamp: ts,
                    skew,
                    window: self.window_secs,
                });
            }
        }
        let key = self
            .wechatpay
            .read()
            .ok()
            .and_then(|k| k.get(serial))
            .ok_or_else(|| VerifyError::UnknownKey(serial.to_owned()))?;
        let bad = || VerifyError::BadSignature(serial.to_owned());
        let signature = STANDARD.decode_to_vec(signature).map_err(|_| bad())?;
        match key
            .verify_sha256(&answer_message(timestamp, nonce, body), &signature)
            .await
        {
            Ok(true) => Ok(()),
            _ => Err(bad()),
        }
    }

    /// The APIv3 key, for decrypting resources.
    pub(crate) fn apiv3_key(&self) -> &Secret {
        &self.apiv3_key
    }

    async fn sign_request(
        &self,
        request: &mut http::Request<Vec<u8>>,
        context: SignContext<'_>,
    ) -> Result<()> {
        if context.meta.auth != AuthScheme::PayV3Signature {
            return Err(Error::Build(format!(
                "{} is not a WeChat Pay v3 call",
                context.meta.name
            )));
        }
        let timestamp = context.now_ms / 1000;
        let path = request
            .uri()
            .path_and_query()
            .map_or("/", |pq| pq.as_str())
            .to_owned();
        let message = request_message(
            request.method().as_str(),
            &path,
            timestamp,
            context.nonce,
            request.body(),
        );
        let signature = STANDARD.encode_to_string(self.key.sign_sha256(&message).await?);
        let value = format!(
            r#"WECHATPAY2-SHA256-RSA2048 mchid="{}",nonce_str="{}",signature="{signature}",timestamp="{timestamp}",serial_no="{}""#,
            self.mchid, context.nonce, self.serial_no
        );
        let invalid = |_| Error::Build("merchant id or serial is not a header value".into());
        let headers = request.headers_mut();
        headers.insert(
            AUTHORIZATION,
            HeaderValue::from_str(&value).map_err(invalid)?,
        );
        headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
        headers
            .entry(USER_AGENT)
            .or_insert(HeaderValue::from_static(USER_AGENT_VALUE));
        if let Ok((id, _)) = self.preferred() {
            headers.insert(
                "Wechatpay-Serial",
                HeaderValue::from_str(&id).map_err(invalid)?,
            );
        }
        Ok(())
    }
}

impl Signer for Merchant {
    fn id(&self) -> &str {
        &self.mchid
    }

    fn sign<'a>(
        &'a self,
        request: &'a mut http::Request<Vec<u8>>,
        context: SignContext<'a>,
    ) -> BoxFuture<'a, Result<()>> {
        Box::pin(self.sign_request(request, context))
    }

    /// Every answer is verified, except downloads (a bill's bytes are checked by their hash
    /// instead) and error answers that carry no signature (a proxy's 502, say), which the
    /// envelope reports as errors anyway. Answers are not checked against a clock.
    fn verify<'a>(
        &'a self,
        meta: &'a Meta,
        response: &'a http::Response<Vec<u8>>,
    ) -> BoxFuture<'a, Result<()>> {
        Box::pin(async move {
            let unsigned_error = !response.status().is_success()
                && !response.headers().contains_key("Wechatpay-Signature");
            if meta.envelope == Envelope::Binary || unsigned_error {
                return Ok(());
            }
            self.verify_signed(response.headers(), response.body(), None)
                .await
                .map_err(Error::from)
        })
    }
}
