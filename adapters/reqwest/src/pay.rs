//! WeChat Pay v3 RSA on AWS-LC (`aws-lc-rs`, the library rustls already links): the merchant's
//! private key signs in constant time, WeChat Pay's public keys verify and encrypt.
//!
//! ```no_run
//! # fn demo() -> wechat_core::Result<()> {
//! use std::sync::Arc;
//! use wechat_core::Secret;
//! use wechat_core::api::pay::v3::Merchant;
//! use wechat_reqwest::pay::{MerchantKey, WechatPayKey};
//!
//! let key = MerchantKey::from_pem(&std::fs::read("apiclient_key.pem").unwrap())?;
//! let wechatpay = WechatPayKey::from_pem(&std::fs::read("pub_key.pem").unwrap())?;
//! let merchant = Arc::new(
//!     Merchant::new("1900000109", "MERCHANT_CERT_SERIAL", key, Secret::new("APIV3_KEY"))
//!         .with_public_key("PUB_KEY_ID_0112345678901234567890", wechatpay),
//! );
//! let client = wechat_reqwest::merchant(merchant.auth()).build()?;
//! # let _ = client; Ok(()) }
//! ```

use std::fmt;

use aws_lc_rs::rand::SystemRandom;
use aws_lc_rs::rsa::{KeyPair, OAEP_SHA1_MGF1SHA1, OaepPublicEncryptingKey, PublicEncryptingKey};
use aws_lc_rs::signature::{RSA_PKCS1_2048_8192_SHA256, RSA_PKCS1_SHA256, UnparsedPublicKey};
use wechat_core::api::pay::v3::crypto::{certificate_spki, pem_block};
use wechat_core::api::pay::v3::{RsaKeyImport, RsaPublicKey, RsaSigningKey};
use wechat_core::client::BoxFuture;
use wechat_core::{Error, Result};

/// The merchant's API private key (`apiclient_key.pem`), PKCS#8 or PKCS#1. Its `Debug` output
/// never shows it.
pub struct MerchantKey(KeyPair);

impl fmt::Debug for MerchantKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MerchantKey([redacted])")
    }
}

impl MerchantKey {
    /// Loads a `PRIVATE KEY` (PKCS#8) or `RSA PRIVATE KEY` (PKCS#1) PEM.
    pub fn from_pem(pem: &[u8]) -> Result<Self> {
        let (label, der) = pem_block(pem)?;
        match label.as_str() {
            "PRIVATE KEY" => Self::from_pkcs8_der(&der),
            "RSA PRIVATE KEY" => Self::from_pkcs1_der(&der),
            other => Err(Error::Build(format!(
                "expected a PRIVATE KEY or RSA PRIVATE KEY PEM, got {other}"
            ))),
        }
    }

    /// Loads a PKCS#8 DER key.
    pub fn from_pkcs8_der(der: &[u8]) -> Result<Self> {
        KeyPair::from_pkcs8(der)
            .map(Self)
            .map_err(|e| Error::Build(format!("merchant key rejected: {e}")))
    }

    /// Loads a PKCS#1 (`RSAPrivateKey`) DER key.
    pub fn from_pkcs1_der(der: &[u8]) -> Result<Self> {
        KeyPair::from_der(der)
            .map(Self)
            .map_err(|e| Error::Build(format!("merchant key rejected: {e}")))
    }

    /// Loads the private key of a PKCS#12 file (DER): the merchant's `apiclient_cert.p12`, whose
    /// password is the merchant id by WeChat Pay's convention. PBES2/AES files and the legacy
    /// RC2/3DES ones both open; a wrong password is an error that says nothing of the key.
    /// Feature `pkcs12`.
    #[cfg(feature = "pkcs12")]
    pub fn from_pkcs12_der(der: &[u8], password: &str) -> Result<Self> {
        Self::from_pkcs8_der(crate::pkcs12::Pkcs12::open(der, password)?.key_pkcs8())
    }

    fn sign_now(&self, message: &[u8]) -> Result<Vec<u8>> {
        let mut signature = vec![0; self.0.public_modulus_len()];
        self.0
            .sign(
                &RSA_PKCS1_SHA256,
                &SystemRandom::new(),
                message,
                &mut signature,
            )
            .map_err(|_| Error::Build("RSA signing failed".into()))?;
        Ok(signature)
    }
}

impl RsaSigningKey for MerchantKey {
    fn sign_sha256<'a>(&'a self, message: &'a [u8]) -> BoxFuture<'a, Result<Vec<u8>>> {
        Box::pin(std::future::ready(self.sign_now(message)))
    }
}

/// A WeChat Pay public key: the WeChat Pay public key (`pub_key.pem`, id `PUB_KEY_ID_…`) or a
/// platform certificate's key.
pub struct WechatPayKey {
    spki: Vec<u8>,
    oaep: OaepPublicEncryptingKey,
}

impl fmt::Debug for WechatPayKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WechatPayKey")
            .field("bits", &(self.oaep.key_size_bits()))
            .finish()
    }
}

impl WechatPayKey {
    /// Loads a `PUBLIC KEY` PEM (the WeChat Pay public key) or a `CERTIFICATE` PEM (a platform
    /// certificate).
    pub fn from_pem(pem: &[u8]) -> Result<Self> {
        let (label, der) = pem_block(pem)?;
        match label.as_str() {
            "PUBLIC KEY" => Self::from_spki_der(&der),
            "CERTIFICATE" => Self::from_spki_der(&certificate_spki(&der)?),
            other => Err(Error::Build(format!(
                "expected a PUBLIC KEY or CERTIFICATE PEM, got {other}"
            ))),
        }
    }

    /// Loads a SubjectPublicKeyInfo DER key.
    pub fn from_spki_der(der: &[u8]) -> Result<Self> {
        let rejected = |e: &dyn fmt::Display| Error::Build(format!("WeChat Pay key rejected: {e}"));
        let key = PublicEncryptingKey::from_der(der).map_err(|e| rejected(&e))?;
        let oaep = OaepPublicEncryptingKey::new(key).map_err(|e| rejected(&e))?;
        Ok(Self {
            spki: der.to_vec(),
            oaep,
        })
    }

    fn encrypt_now(&self, plaintext: &[u8]) -> Result<Vec<u8>> {
        let mut out = vec![0; self.oaep.ciphertext_size()];
        let n = self
            .oaep
            .encrypt(&OAEP_SHA1_MGF1SHA1, plaintext, &mut out, None)
            .map_err(|_| Error::Build("RSA-OAEP: the field is too long for the key".into()))?
            .len();
        out.truncate(n);
        Ok(out)
    }
}

impl RsaPublicKey for WechatPayKey {
    fn verify_sha256<'a>(
        &'a self,
        message: &'a [u8],
        signature: &'a [u8],
    ) -> BoxFuture<'a, Result<bool>> {
        let key = UnparsedPublicKey::new(&RSA_PKCS1_2048_8192_SHA256, &self.spki);
        Box::pin(std::future::ready(Ok(key
            .verify(message, signature)
            .is_ok())))
    }

    fn encrypt_oaep<'a>(&'a self, plaintext: &'a [u8]) -> BoxFuture<'a, Result<Vec<u8>>> {
        Box::pin(std::future::ready(self.encrypt_now(plaintext)))
    }
}

/// Imports the keys of downloaded platform certificates
/// ([`Merchant::add_platform_certificate`](wechat_core::api::pay::v3::Merchant::add_platform_certificate)).
#[derive(Clone, Copy, Debug, Default)]
pub struct AwsLc;

impl RsaKeyImport for AwsLc {
    fn import_spki<'a>(
        &'a self,
        spki_der: &'a [u8],
    ) -> BoxFuture<'a, Result<Box<dyn RsaPublicKey>>> {
        Box::pin(std::future::ready(
            WechatPayKey::from_spki_der(spki_der).map(|k| Box::new(k) as Box<dyn RsaPublicKey>),
        ))
    }
}

#[cfg(test)]
mod tests {
    //! The merchant's signatures and WeChat Pay's are checked here by an independent RSA (the
    //! pure-Rust `rsa` crate), with keys generated for the test.

    use std::sync::{Arc, Mutex};

    use aws_lc_rs::encoding::AsDer;
    use aws_lc_rs::rsa::KeySize;
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
    use rsa::pkcs8::DecodePrivateKey;
    use rsa::signature::{SignatureEncoding, Signer as _, Verifier as _};
    use serde::{Deserialize, Serialize};
    use sha2::Sha256;
    use wechat_core::api::pay::v3::crypto::encrypt_aes_gcm;
    use wechat_core::api::pay::v3::{Merchant, VerifyError, notify};
    use wechat_core::client::HttpClient;
    use wechat_core::{Error, MemoryStore, Secret};

    use super::*;
    use crate::SystemRuntime;

    const APIV3_KEY: &str = "0123456789abcdefghijklmnopqrstuv";
    const PUB_KEY_ID: &str = "PUB_KEY_ID_0112345678901234567890";

    struct Keys {
        merchant_pkcs8: Vec<u8>,
        merchant_public: rsa::RsaPublicKey,
        platform: rsa::RsaPrivateKey,
        platform_spki: Vec<u8>,
    }

    fn keys() -> &'static Keys {
        static KEYS: std::sync::OnceLock<Keys> = std::sync::OnceLock::new();
        KEYS.get_or_init(|| {
            let merchant = KeyPair::generate(KeySize::Rsa2048).unwrap();
            let platform = KeyPair::generate(KeySize::Rsa2048).unwrap();
            let merchant_pkcs8 = AsDer::<aws_lc_rs::encoding::Pkcs8V1Der>::as_der(&merchant)
                .unwrap()
                .as_ref()
                .to_vec();
            let platform_pkcs8 = AsDer::<aws_lc_rs::encoding::Pkcs8V1Der>::as_der(&platform)
                .unwrap()
                .as_ref()
                .to_vec();
            let platform = rsa::RsaPrivateKey::from_pkcs8_der(&platform_pkcs8).unwrap();
            let platform_spki =
                rsa::pkcs8::EncodePublicKey::to_public_key_der(&platform.to_public_key())
                    .unwrap()
                    .as_bytes()
                    .to_vec();
            let merchant_public = rsa::RsaPrivateKey::from_pkcs8_der(&merchant_pkcs8)
                .unwrap()
                .to_public_key();
            Keys {
                merchant_pkcs8,
                merchant_public,
                platform,
                platform_spki,
            }
        })
    }

    fn merchant() -> Arc<Merchant> {
        let k = keys();
        Arc::new(
            Merchant::new(
                "1900000109",
                "MERCHANT-SERIAL",
                MerchantKey::from_pkcs8_der(&k.merchant_pkcs8).unwrap(),
                Secret::new(APIV3_KEY),
            )
            .with_public_key(
                PUB_KEY_ID,
                WechatPayKey::from_spki_der(&k.platform_spki).unwrap(),
            ),
        )
    }

    /// WeChat Pay's signature headers over `body`, by the platform key.
    fn signed_headers(serial: &str, timestamp: u64, body: &[u8]) -> http::HeaderMap {
        let nonce = "5K8264ILTKCH16CQ2502SI8ZNMTM67VS";
        let message = [
            timestamp.to_string().as_bytes(),
            b"\n",
            nonce.as_bytes(),
            b"\n",
            body,
            b"\n",
        ]
        .concat();
        let signature = SigningKey::<Sha256>::new(keys().platform.clone()).sign(&message);
        let mut h = http::HeaderMap::new();
        h.insert("Wechatpay-Serial", serial.parse().unwrap());
        h.insert(
            "Wechatpay-Timestamp",
            timestamp.to_string().parse().unwrap(),
        );
        h.insert("Wechatpay-Nonce", nonce.parse().unwrap());
        h.insert(
            "Wechatpay-Signature",
            STANDARD.encode(signature.to_vec()).parse().unwrap(),
        );
        h
    }

    /// `Authorization` verified with the merchant's public key, answers signed (or tampered).
    struct FakeWechatPay {
        tamper: bool,
        serial: &'static str,
        /// The headers of every request, shared with the test.
        seen: Arc<Mutex<Vec<http::HeaderMap>>>,
    }

    impl HttpClient for FakeWechatPay {
        async fn send(
            &self,
            request: http::Request<Vec<u8>>,
        ) -> wechat_core::Result<http::Response<Vec<u8>>> {
            let auth = request.headers()["authorization"]
                .to_str()
                .unwrap()
                .to_owned();
            let field = |name: &str| {
                let start = auth.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                auth[start..start + auth[start..].find('"').unwrap()].to_owned()
            };
            assert!(auth.starts_with("WECHATPAY2-SHA256-RSA2048 mchid=\"1900000109\","));
            assert_eq!(field("serial_no"), "MERCHANT-SERIAL");
            let message = format!(
                "{}\n{}\n{}\n{}\n{}\n",
                request.method(),
                request.uri().path_and_query().unwrap(),
                field("timestamp"),
                field("nonce_str"),
                String::from_utf8_lossy(request.body())
            );
            let signature =
                Signature::try_from(STANDARD.decode(field("signature")).unwrap().as_slice())
                    .unwrap();
            VerifyingKey::<Sha256>::new(keys().merchant_public.clone())
                .verify(message.as_bytes(), &signature)
                .expect("the merchant's signature verifies independently");
            self.seen.lock().unwrap().push(request.headers().clone());
            let body = br#"{"transaction_id":"4200000001","trade_state":"SUCCESS"}"#.to_vec();
            let headers = signed_headers(self.serial, 1_700_000_000, &body);
            let mut response = http::Response::new(if self.tamper {
                body.replace_first(b"SUCCESS", b"REFUND!")
            } else {
                body
            });
            *response.headers_mut() = headers;
            Ok(response)
        }
    }

    trait ReplaceFirst {
        fn replace_first(self, from: &[u8], to: &[u8]) -> Vec<u8>;
    }

    impl ReplaceFirst for Vec<u8> {
        fn replace_first(self, from: &[u8], to: &[u8]) -> Vec<u8> {
            let i = self.windows(from.len()).position(|w| w == from).unwrap();
            [&self[..i], to, &self[i + from.len()..]].concat()
        }
    }

    #[derive(Serialize, Deserialize)]
    struct QueryOrder {
        #[serde(skip)]
        transaction_id: String,
        mchid: String,
    }

    #[derive(Debug, Deserialize, Serialize, PartialEq)]
    struct Order {
        transaction_id: String,
        trade_state: String,
    }

    wechat_core::endpoint! {
        area: "test";

        QueryOrder => Order {
            GET Pay "/v3/pay/transactions/id/{transaction_id}",
            auth: PayV3Signature, repeat: Safe,
            path_params: [transaction_id],
            doc: "https://pay.weixin.qq.com/doc/v3/merchant/4012791858",
        }
    }

    fn client(
        fake: FakeWechatPay,
    ) -> wechat_core::Client<FakeWechatPay, MemoryStore, SystemRuntime> {
        wechat_core::Client::new(
            merchant().auth(),
            fake,
            MemoryStore::new(crate::now_ms),
            SystemRuntime,
        )
    }

    fn query() -> QueryOrder {
        QueryOrder {
            transaction_id: "4200000001".into(),
            mchid: "1900000109".into(),
        }
    }

    #[tokio::test]
    async fn calls_are_signed_and_answers_verified() {
        let c = client(FakeWechatPay {
            tamper: false,
            serial: PUB_KEY_ID,
            seen: Arc::default(),
        });
        let order = c.call(&query()).await.unwrap();
        assert_eq!(order.trade_state, "SUCCESS");
        let c = client(FakeWechatPay {
            tamper: true,
            serial: PUB_KEY_ID,
            seen: Arc::default(),
        });
        let e = c.call(&query()).await.unwrap_err();
        assert!(
            matches!(&e, Error::Signature(m) if m.contains("does not verify")),
            "{e}"
        );
        let c = client(FakeWechatPay {
            tamper: false,
            serial: "PUB_KEY_ID_SOMEONE_ELSE",
            seen: Arc::default(),
        });
        let e = c.call(&query()).await.unwrap_err();
        assert!(
            matches!(&e, Error::Signature(m) if m.contains("unknown WeChat Pay key")),
            "{e}"
        );
    }

    #[tokio::test]
    async fn every_call_names_the_key_sensitive_fields_are_encrypted_for() {
        let seen = Arc::<Mutex<Vec<http::HeaderMap>>>::default();
        let fake = FakeWechatPay {
            tamper: false,
            serial: PUB_KEY_ID,
            seen: seen.clone(),
        };
        let c = client(fake);
        c.call(&query()).await.unwrap();
        {
            let seen = seen.lock().unwrap();
            assert_eq!(seen.len(), 1);
            assert_eq!(seen[0]["wechatpay-serial"], PUB_KEY_ID);
        }
        let m = merchant();
        let sealed = m.encrypt("张三").await.unwrap();
        assert_eq!(sealed.key_id, PUB_KEY_ID);
        let plain = keys()
            .platform
            .decrypt(
                rsa::Oaep::new::<sha1::Sha1>(),
                &STANDARD.decode(&sealed.ciphertext).unwrap(),
            )
            .unwrap();
        assert_eq!(plain, "张三".as_bytes());
    }

    #[tokio::test]
    async fn client_side_payment_signatures_verify_independently() {
        let m = merchant();
        let p = m
            .jsapi_pay_params(
                "wx8888888888888888",
                "wx201410272009395522657a690389285100",
                1414561699,
                "5K8264ILTKCH16CQ2502SI8ZNMTM67VS",
            )
            .await
            .unwrap();
        assert_eq!(p.package, "prepay_id=wx201410272009395522657a690389285100");
        let message = "wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n";
        let sig = Signature::try_from(STANDARD.decode(&p.pay_sign).unwrap().as_slice()).unwrap();
        VerifyingKey::<Sha256>::new(keys().merchant_public.clone())
            .verify(message.as_bytes(), &sig)
            .unwrap();
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["paySign"], p.pay_sign);
        assert_eq!(json["signType"], "RSA");
        let a = m
            .app_pay_params("wxapp", "wx2014", 1414561699, "N")
            .await
            .unwrap();
        assert_eq!(
            (a.partnerid.as_str(), a.package.as_str()),
            ("1900000109", "Sign=WXPay")
        );
        let sig = Signature::try_from(STANDARD.decode(&a.sign).unwrap().as_slice()).unwrap();
        VerifyingKey::<Sha256>::new(keys().merchant_public.clone())
            .verify(b"wxapp\n1414561699\nN\nwx2014\n", &sig)
            .unwrap();
    }

    fn notification_body(apiv3_key: &str) -> Vec<u8> {
        let resource = br#"{"mchid":"1900000109","out_trade_no":"1217752501201407033233368018","transaction_id":"4200000001","trade_state":"SUCCESS","amount":{"total":100}}"#;
        let ciphertext = encrypt_aes_gcm(
            &Secret::new(apiv3_key),
            "fdasflkja484",
            "transaction",
            resource,
        )
        .unwrap();
        serde_json::json!({
            "id": "EV-2018022511223320873",
            "create_time": "2015-05-20T13:29:35+08:00",
            "resource_type": "encrypt-resource",
            "event_type": "TRANSACTION.SUCCESS",
            "summary": "支付成功",
            "resource": {
                "original_type": "transaction",
                "algorithm": "AEAD_AES_256_GCM",
                "ciphertext": ciphertext,
                "associated_data": "transaction",
                "nonce": "fdasflkja484"
            }
        })
        .to_string()
        .into_bytes()
    }

    #[tokio::test]
    async fn notifications_are_verified_then_decrypted() {
        let m = merchant();
        let now = 1_700_000_000;
        let body = notification_body(APIV3_KEY);
        let headers = signed_headers(PUB_KEY_ID, now, &body);
        let n = m.notification(&headers, &body, now + 10).await.unwrap();
        assert_eq!(n.event_type, "TRANSACTION.SUCCESS");
        let t: serde_json::Value = n.decrypt(&m).unwrap();
        assert_eq!(t["transaction_id"], "4200000001");

        // Each failure is its own error, and nothing is parsed.
        let tampered = body
            .clone()
            .replace_first(b"TRANSACTION.SUCCESS", b"TRANSACTION.SUCCES5");
        assert_eq!(
            m.notification(&headers, &tampered, now).await,
            Err(VerifyError::BadSignature(PUB_KEY_ID.into()))
        );
        let other = signed_headers("PUB_KEY_ID_UNKNOWN", now, &body);
        assert_eq!(
            m.notification(&other, &body, now).await,
            Err(VerifyError::UnknownKey("PUB_KEY_ID_UNKNOWN".into()))
        );
        assert!(matches!(
            m.notification(&headers, &body, now + 301).await,
            Err(VerifyError::StaleTimestamp { skew: 301, .. })
        ));
        let mut missing = headers.clone();
        missing.remove("Wechatpay-Nonce");
        assert_eq!(
            m.notification(&missing, &body, now).await,
            Err(VerifyError::MissingHeader("Wechatpay-Nonce"))
        );
        let wrong_key_body = notification_body("ZZZZ456789abcdefghijklmnopqrstuv");
        let wrong_key_headers = signed_headers(PUB_KEY_ID, now, &wrong_key_body);
        let n = m
            .notification(&wrong_key_headers, &wrong_key_body, now)
            .await
            .unwrap();
        assert_eq!(
            n.decrypt::<serde_json::Value>(&m),
            Err(VerifyError::Decrypt)
        );

        assert_eq!(notify::success().status(), 204);
        let fail = notify::failure("busy");
        assert_eq!(fail.status(), 500);
        assert_eq!(fail.body(), br#"{"code":"FAIL","message":"busy"}"#);
    }

    #[test]
    fn keys_load_from_pem_and_never_print() {
        let k = keys();
        let pem = pem_rfc7468::encode_string(
            "PRIVATE KEY",
            pem_rfc7468::LineEnding::LF,
            &k.merchant_pkcs8,
        )
        .unwrap();
        let key = MerchantKey::from_pem(pem.as_bytes()).unwrap();
        assert_eq!(format!("{key:?}"), "MerchantKey([redacted])");
        let pkcs1 = rsa::pkcs1::EncodeRsaPrivateKey::to_pkcs1_der(
            &rsa::RsaPrivateKey::from_pkcs8_der(&k.merchant_pkcs8).unwrap(),
        )
        .unwrap();
        let pem1 = pem_rfc7468::encode_string(
            "RSA PRIVATE KEY",
            pem_rfc7468::LineEnding::LF,
            pkcs1.as_bytes(),
        )
        .unwrap();
        assert!(MerchantKey::from_pem(pem1.as_bytes()).is_ok());
        let public =
            pem_rfc7468::encode_string("PUBLIC KEY", pem_rfc7468::LineEnding::LF, &k.platform_spki)
                .unwrap();
        assert!(WechatPayKey::from_pem(public.as_bytes()).is_ok());
        assert!(MerchantKey::from_pem(public.as_bytes()).is_err());
        assert!(WechatPayKey::from_pem(b"junk").is_err());
        let m = merchant();
        assert!(!format!("{m:?}").contains(APIV3_KEY));
    }
}
