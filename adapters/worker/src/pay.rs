//! WeChat Pay v3 RSA on Web Crypto (`crypto.subtle`): the merchant's private key signs
//! (RSASSA-PKCS1-v1_5 with SHA-256) inside the runtime, which never hands it back; WeChat Pay's
//! public keys verify signatures and encrypt sensitive fields (RSA-OAEP with SHA-1).
//!
//! Keys are imported once, asynchronously, from PEM: the merchant's `PRIVATE KEY` (PKCS#8) or
//! `RSA PRIVATE KEY` (PKCS#1, wrapped into PKCS#8 for Web Crypto), WeChat Pay's `PUBLIC KEY`
//! or a platform `CERTIFICATE`. Imported private keys are not extractable.
//!
//! ```no_run
//! # async fn demo(env: &worker::Env) -> wechat_core::Result<()> {
//! use std::sync::Arc;
//! use wechat_core::Secret;
//! use wechat_core::api::pay::v3::Merchant;
//! use wechat_worker::pay::{MerchantKey, WechatPayKey};
//!
//! let secret = |name: &str| env.secret(name).map(|s| s.to_string()).unwrap_or_default();
//! let key = MerchantKey::from_pem(secret("WECHAT_PAY_PRIVATE_KEY").as_bytes()).await?;
//! let wechatpay =
//!     WechatPayKey::from_public_key_pem(secret("WECHAT_PAY_PUBLIC_KEY").as_bytes()).await?;
//! let merchant = Arc::new(
//!     Merchant::new("1900000109", secret("WECHAT_PAY_SERIAL"), key,
//!         Secret::new(secret("WECHAT_PAY_APIV3_KEY")))
//!         .with_public_key(secret("WECHAT_PAY_PUBLIC_KEY_ID"), wechatpay),
//! );
//! # let _ = merchant; Ok(()) }
//! ```
//!
//! WeChat Pay v2's refunds, red packets and transfers need the merchant's client certificate
//! ([`needs_client_certificate`](wechat_core::api::pay::v2::needs_client_certificate)). A Worker
//! presents one through a Cloudflare mTLS certificate binding (`[[mtls_certificates]]` in
//! `wrangler.toml`): send those calls with a client on [`MtlsFetchClient`].

use std::fmt;

use js_sys::futures::JsFuture;
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CryptoKey, SubtleCrypto};
use wechat_core::api::pay::v3::crypto::{certificate_spki, pem_block};
use wechat_core::api::pay::v3::{RsaKeyImport, RsaPublicKey, RsaSigningKey};
use wechat_core::client::BoxFuture;
use wechat_core::{Error, Result};

use crate::error::js_to_string;

const PKCS1_V1_5: &str = "RSASSA-PKCS1-v1_5";
const OAEP: &str = "RSA-OAEP";

/// The runtime's `crypto.subtle`.
fn subtle() -> Result<SubtleCrypto> {
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    scope
        .crypto()
        .map(|c| c.subtle())
        .map_err(|e| Error::Build(format!("Web Crypto is unavailable: {}", js_to_string(&e))))
}

/// `{name, hash}`: the algorithm of an RSA key import.
fn rsa_algorithm(name: &str, hash: &str) -> Result<Object> {
    let algorithm = Object::new();
    set(&algorithm, "name", name)?;
    set(&algorithm, "hash", hash)?;
    Ok(algorithm)
}

fn set(object: &Object, key: &str, value: &str) -> Result<()> {
    Reflect::set(object, &JsValue::from_str(key), &JsValue::from_str(value))
        .map(drop)
        .map_err(|e| Error::Build(format!("Web Crypto parameters: {}", js_to_string(&e))))
}

/// Awaits a Web Crypto promise; `what` names the operation in the error (never key material:
/// the runtime's messages name the algorithm or the format, not the bytes).
async fn settle(promise: std::result::Result<Promise, JsValue>, what: &str) -> Result<JsValue> {
    let fail = |e: JsValue| Error::Build(format!("Web Crypto {what}: {}", js_to_string(&e)));
    JsFuture::from(promise.map_err(fail)?).await.map_err(fail)
}

/// Imports `der` (format `pkcs8` or `spki`) for `usage`.
async fn import(
    format: &str,
    der: &[u8],
    algorithm: &Object,
    usage: &str,
    what: &str,
) -> Result<CryptoKey> {
    let data = Uint8Array::from(der);
    let usages = Array::of1(&JsValue::from_str(usage));
    let key = settle(
        subtle()?.import_key_with_object(format, &data, algorithm, false, &usages),
        what,
    )
    .await?;
    key.dyn_into::<CryptoKey>()
        .map_err(|_| Error::Build(format!("Web Crypto {what}: not a CryptoKey")))
}

fn bytes(value: &JsValue) -> Vec<u8> {
    Uint8Array::new(value).to_vec()
}

/// The merchant's API private key (`apiclient_key.pem`), imported into Web Crypto (not
/// extractable). Its `Debug` output never shows it.
pub struct MerchantKey(CryptoKey);

impl fmt::Debug for MerchantKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MerchantKey([redacted])")
    }
}

impl MerchantKey {
    /// Imports a `PRIVATE KEY` (PKCS#8) or `RSA PRIVATE KEY` (PKCS#1) PEM.
    pub async fn from_pem(pem: &[u8]) -> Result<Self> {
        let (label, der) = pem_block(pem)?;
        match label.as_str() {
            "PRIVATE KEY" => Self::from_pkcs8_der(&der).await,
            "RSA PRIVATE KEY" => Self::from_pkcs1_der(&der).await,
            other => Err(Error::Build(format!(
                "expected a PRIVATE KEY or RSA PRIVATE KEY PEM, got {other}"
            ))),
        }
    }

    /// Imports a PKCS#8 DER key.
    pub async fn from_pkcs8_der(der: &[u8]) -> Result<Self> {
        let algorithm = rsa_algorithm(PKCS1_V1_5, "SHA-256")?;
        import("pkcs8", der, &algorithm, "sign", "merchant key import")
            .await
            .map(Self)
    }

    /// Imports a PKCS#1 (`RSAPrivateKey`) DER key: Web Crypto reads PKCS#8 only, so it is
    /// wrapped first.
    pub async fn from_pkcs1_der(der: &[u8]) -> Result<Self> {
        let pkcs8 = pkcs1_to_pkcs8(der)?;
        Self::from_pkcs8_der(&pkcs8).await
    }
}

/// A PKCS#8 `PrivateKeyInfo` (algorithm `rsaEncryption`, NULL parameters) around a PKCS#1
/// `RSAPrivateKey`. Web Crypto parses the key inside when it imports it, and refuses a
/// malformed one.
fn pkcs1_to_pkcs8(pkcs1: &[u8]) -> Result<Vec<u8>> {
    use pkcs8::der::Encode;
    pkcs8::PrivateKeyInfo::new(pkcs1::ALGORITHM_ID, pkcs1)
        .to_der()
        .map_err(|e| Error::Build(format!("wrapping the PKCS#1 key: {e}")))
}

impl RsaSigningKey for MerchantKey {
    fn sign_sha256<'a>(&'a self, message: &'a [u8]) -> BoxFuture<'a, Result<Vec<u8>>> {
        Box::pin(async move {
            let signature = settle(
                subtle()?.sign_with_str_and_u8_array(PKCS1_V1_5, &self.0, message),
                "signing",
            )
            .await?;
            Ok(bytes(&signature))
        })
    }
}

/// A WeChat Pay public key: the WeChat Pay public key (`pub_key.pem`, id `PUB_KEY_ID_…`) or a
/// platform certificate's key, imported into Web Crypto twice (to verify, and to encrypt).
pub struct WechatPayKey {
    verify: CryptoKey,
    encrypt: CryptoKey,
}

impl fmt::Debug for WechatPayKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WechatPayKey(..)")
    }
}

impl WechatPayKey {
    /// Imports a `PUBLIC KEY` PEM (the WeChat Pay public key) or a `CERTIFICATE` PEM (a
    /// platform certificate).
    pub async fn from_pem(pem: &[u8]) -> Result<Self> {
        let (label, der) = pem_block(pem)?;
        match label.as_str() {
            "PUBLIC KEY" => Self::from_spki_der(&der).await,
            "CERTIFICATE" => Self::from_spki_der(&certificate_spki(&der)?).await,
            other => Err(Error::Build(format!(
                "expected a PUBLIC KEY or CERTIFICATE PEM, got {other}"
            ))),
        }
    }

    /// Imports a `PUBLIC KEY` PEM only (the WeChat Pay public key): unlike
    /// [`WechatPayKey::from_pem`] it leaves the X.509 parser out of the Worker.
    pub async fn from_public_key_pem(pem: &[u8]) -> Result<Self> {
        match pem_block(pem)? {
            (label, der) if label == "PUBLIC KEY" => Self::from_spki_der(&der).await,
            (other, _) => Err(Error::Build(format!(
                "expected a PUBLIC KEY PEM, got {other}"
            ))),
        }
    }

    /// Imports a SubjectPublicKeyInfo DER key.
    pub async fn from_spki_der(der: &[u8]) -> Result<Self> {
        let verify = import(
            "spki",
            der,
            &rsa_algorithm(PKCS1_V1_5, "SHA-256")?,
            "verify",
            "WeChat Pay key import",
        )
        .await?;
        // WeChat Pay decrypts sensitive fields with OAEP over SHA-1 (and MGF1-SHA-1).
        let encrypt = import(
            "spki",
            der,
            &rsa_algorithm(OAEP, "SHA-1")?,
            "encrypt",
            "WeChat Pay key import",
        )
        .await?;
        Ok(Self { verify, encrypt })
    }
}

impl RsaPublicKey for WechatPayKey {
    fn verify_sha256<'a>(
        &'a self,
        message: &'a [u8],
        signature: &'a [u8],
    ) -> BoxFuture<'a, Result<bool>> {
        Box::pin(async move {
            let valid = settle(
                subtle()?.verify_with_str_and_u8_array_and_u8_array(
                    PKCS1_V1_5,
                    &self.verify,
                    signature,
                    message,
                ),
                "verification",
            )
            .await?;
            Ok(valid.as_bool() == Some(true))
        })
    }

    fn encrypt_oaep<'a>(&'a self, plaintext: &'a [u8]) -> BoxFuture<'a, Result<Vec<u8>>> {
        Box::pin(async move {
            let algorithm = Object::new();
            set(&algorithm, "name", OAEP)?;
            let sealed = settle(
                subtle()?.encrypt_with_object_and_u8_array(&algorithm, &self.encrypt, plaintext),
                "RSA-OAEP encryption (is the field too long for the key?)",
            )
            .await?;
            Ok(bytes(&sealed))
        })
    }
}

/// Imports the keys of downloaded platform certificates into Web Crypto
/// ([`Merchant::add_platform_certificates`](wechat_core::api::pay::v3::Merchant::add_platform_certificates)).
#[derive(Clone, Copy, Debug, Default)]
pub struct WebCrypto;

impl RsaKeyImport for WebCrypto {
    fn import_spki<'a>(
        &'a self,
        spki_der: &'a [u8],
    ) -> BoxFuture<'a, Result<Box<dyn RsaPublicKey>>> {
        Box::pin(async move {
            WechatPayKey::from_spki_der(spki_der)
                .await
                .map(|k| Box::new(k) as Box<dyn RsaPublicKey>)
        })
    }
}

/// An HTTP client that sends through a Cloudflare mTLS certificate binding
/// (`[[mtls_certificates]]` in `wrangler.toml`, `env.service(binding)` in the Worker): the
/// runtime presents the merchant's client certificate, as WeChat Pay v2's refunds, red packets
/// and transfers require. Redirects are not followed, as with [`FetchClient`](crate::FetchClient).
#[derive(Clone, Debug)]
pub struct MtlsFetchClient(worker::Fetcher);

impl MtlsFetchClient {
    /// A client on the binding `name` of `env`.
    pub fn from_env(env: &worker::Env, name: &str) -> std::result::Result<Self, crate::Error> {
        Ok(Self(env.service(name)?))
    }

    /// Sends `request` through the binding and reads the whole response body.
    pub async fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> std::result::Result<http::Response<Vec<u8>>, crate::Error> {
        let request = crate::to_worker_request(request)?;
        let response = self.0.fetch_request(request).await?;
        crate::from_worker_response(response).await
    }
}

impl wechat_core::HttpClient for MtlsFetchClient {
    async fn send(&self, request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>> {
        MtlsFetchClient::send(self, request)
            .await
            .map_err(|e| Error::Transport(wechat_core::error::redact(&e.to_string())))
    }
}
