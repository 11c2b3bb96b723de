//! What WeChat Pay v3 signs, verifies, encrypts and decrypts, and the bytes involved.
//!
//! RSA is performed by an adapter through [`RsaSigningKey`] and [`RsaPublicKey`]: AWS-LC in
//! `wechat-reqwest`, Web Crypto in `wechat-worker`, or a key service. The core never touches a
//! private key. AES-256-GCM (notification resources, platform certificates) runs here, through
//! RustCrypto's `aes-gcm`.
//!
//! Official document: <https://pay.weixin.qq.com/doc/v3/merchant/4012365342>.

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use base64_simd::STANDARD;

use crate::client::{BoxFuture, MaybeSend, MaybeSync};
use crate::error::{Error, Result};
use crate::secret::Secret;

/// The merchant's private key (商户API私钥): signs with RSASSA-PKCS1-v1_5 and SHA-256.
///
/// Implementations keep the key to themselves and use a constant-time RSA (AWS-LC, Web Crypto,
/// an HSM); their `Debug` output never shows it.
pub trait RsaSigningKey: MaybeSend + MaybeSync {
    /// The signature of `message` (256 bytes for a 2048-bit key).
    fn sign_sha256<'a>(&'a self, message: &'a [u8]) -> BoxFuture<'a, Result<Vec<u8>>>;
}

/// A WeChat Pay public key (微信支付公钥, or a platform certificate's key): verifies answers and
/// notifications, and encrypts sensitive fields.
pub trait RsaPublicKey: MaybeSend + MaybeSync {
    /// True when `signature` is an RSASSA-PKCS1-v1_5 SHA-256 signature of `message` by this key.
    fn verify_sha256<'a>(
        &'a self,
        message: &'a [u8],
        signature: &'a [u8],
    ) -> BoxFuture<'a, Result<bool>>;

    /// RSAES-OAEP with SHA-1 and MGF1-SHA-1, as WeChat Pay decrypts sensitive fields.
    fn encrypt_oaep<'a>(&'a self, plaintext: &'a [u8]) -> BoxFuture<'a, Result<Vec<u8>>>;
}

/// Turns the public key of a downloaded platform certificate (SubjectPublicKeyInfo DER) into an
/// [`RsaPublicKey`]: the adapter's side of [`Merchant::add_platform_certificates`].
///
/// [`Merchant::add_platform_certificates`]: super::Merchant::add_platform_certificates
pub trait RsaKeyImport: MaybeSend + MaybeSync {
    /// Imports an RSA public key from its SubjectPublicKeyInfo DER.
    fn import_spki<'a>(
        &'a self,
        spki_der: &'a [u8],
    ) -> BoxFuture<'a, Result<Box<dyn RsaPublicKey>>>;
}

/// Why a WeChat Pay answer or notification was refused. Nothing of it was parsed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VerifyError {
    /// A `Wechatpay-*` header is missing or not text.
    #[error("WeChat Pay header {0} is missing")]
    MissingHeader(&'static str),
    /// `Wechatpay-Serial` names a key this merchant does not know (download the platform
    /// certificates, or configure the WeChat Pay public key).
    #[error("unknown WeChat Pay key {0}")]
    UnknownKey(String),
    /// `Wechatpay-Timestamp` is outside the accepted window (a replay, or a wrong clock).
    #[error("WeChat Pay timestamp {timestamp} is {skew} s away from now (window {window} s)")]
    StaleTimestamp {
        /// The header's value, Unix seconds.
        timestamp: u64,
        /// How far from now it is, seconds.
        skew: u64,
        /// The accepted distance, seconds.
        window: u64,
    },
    /// The signature does not verify over the body: tampered, or signed by another key.
    #[error("WeChat Pay signature does not verify (key {0})")]
    BadSignature(String),
    /// An encrypted resource does not decrypt: a wrong APIv3 key, or tampered ciphertext,
    /// nonce or associated data.
    #[error("WeChat Pay resource does not decrypt (wrong APIv3 key, or tampered)")]
    Decrypt,
    /// Verified and decrypted, but not the JSON WeChat Pay documents.
    #[error("WeChat Pay notification is malformed: {0}")]
    Malformed(String),
}

impl From<VerifyError> for Error {
    fn from(e: VerifyError) -> Self {
        Error::Signature(e.to_string())
    }
}

/// `METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n`: what the merchant signs for a request.
pub fn request_message(
    method: &str,
    path_and_query: &str,
    timestamp: u64,
    nonce: &str,
    body: &[u8],
) -> Vec<u8> {
    let mut m =
        Vec::with_capacity(method.len() + path_and_query.len() + nonce.len() + body.len() + 16);
    for part in [method.as_bytes(), path_and_query.as_bytes()] {
        m.extend_from_slice(part);
        m.push(b'\n');
    }
    m.extend_from_slice(timestamp.to_string().as_bytes());
    m.push(b'\n');
    m.extend_from_slice(nonce.as_bytes());
    m.push(b'\n');
    m.extend_from_slice(body);
    m.push(b'\n');
    m
}

/// `TIMESTAMP\nNONCE\nBODY\n`: what WeChat Pay signs for an answer or a notification.
pub fn answer_message(timestamp: &str, nonce: &str, body: &[u8]) -> Vec<u8> {
    let mut m = Vec::with_capacity(timestamp.len() + nonce.len() + body.len() + 3);
    m.extend_from_slice(timestamp.as_bytes());
    m.push(b'\n');
    m.extend_from_slice(nonce.as_bytes());
    m.push(b'\n');
    m.extend_from_slice(body);
    m.push(b'\n');
    m
}

/// Lines joined by `\n`, each ended by one: the client-side payment signatures (`paySign`) sign
/// this over `appId`, `timeStamp`, `nonceStr`, `package` (App: `appid`, `timestamp`, `noncestr`,
/// `prepayid`).
pub fn lines_message(lines: &[&str]) -> Vec<u8> {
    let mut m = Vec::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for line in lines {
        m.extend_from_slice(line.as_bytes());
        m.push(b'\n');
    }
    m
}

/// Decrypts an `AEAD_AES_256_GCM` resource (a notification's `resource`, a platform
/// certificate) with the 32-byte APIv3 key: `ciphertext` is base64 with the 16-byte tag at its
/// end. Any mismatch (key, nonce, associated data, a flipped bit) is [`VerifyError::Decrypt`].
pub fn decrypt_aes_gcm(
    apiv3_key: &Secret,
    nonce: &str,
    associated_data: &str,
    ciphertext: &str,
) -> std::result::Result<Vec<u8>, VerifyError> {
    let key = apiv3_key.expose().as_bytes();
    if key.len() != 32 || nonce.len() != 12 {
        return Err(VerifyError::Decrypt);
    }
    let cipher = Aes256Gcm::new_from_slice(key).map_err(|_| VerifyError::Decrypt)?;
    let data = STANDARD
        .decode_to_vec(ciphertext)
        .map_err(|_| VerifyError::Decrypt)?;
    cipher
        .decrypt(
            Nonce::from_slice(nonce.as_bytes()),
            Payload {
                msg: &data,
                aad: associated_data.as_bytes(),
            },
        )
        .map_err(|_| VerifyError::Decrypt)
}

/// Encrypts like WeChat Pay does (`AEAD_AES_256_GCM`, base64 with the tag appended): for tests
/// and emulators that play WeChat Pay's side.
pub fn encrypt_aes_gcm(
    apiv3_key: &Secret,
    nonce: &str,
    associated_data: &str,
    plaintext: &[u8],
) -> Result<String> {
    let key = apiv3_key.expose().as_bytes();
    if key.len() != 32 || nonce.len() != 12 {
        return Err(Error::Build(
            "AEAD_AES_256_GCM needs a 32-byte APIv3 key and a 12-byte nonce".into(),
        ));
    }
    let cipher =
        Aes256Gcm::new_from_slice(key).map_err(|_| Error::Build("bad APIv3 key".into()))?;
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(nonce.as_bytes()),
            Payload {
                msg: plaintext,
                aad: associated_data.as_bytes(),
            },
        )
        .map_err(|_| Error::Build("AES-GCM encryption failed".into()))?;
    Ok(STANDARD.encode_to_string(sealed))
}

/// The SubjectPublicKeyInfo DER of an X.509 certificate, given as PEM or DER: the key of a
/// platform certificate (平台证书) or of the merchant's own certificate.
pub fn certificate_spki(certificate: &[u8]) -> Result<Vec<u8>> {
    use x509_cert::der::{Decode, Encode};
    let bad = |e: &dyn std::fmt::Display| Error::Build(format!("not an X.509 certificate: {e}"));
    let der;
    let der_bytes = if certificate.starts_with(b"-----") {
        let (label, bytes) = pem_rfc7468::decode_vec(certificate).map_err(|e| bad(&e))?;
        if label != "CERTIFICATE" {
            return Err(Error::Build(format!(
                "expected a CERTIFICATE PEM, got {label}"
            )));
        }
        der = bytes;
        &der[..]
    } else {
        certificate
    };
    let cert = x509_cert::Certificate::from_der(der_bytes).map_err(|e| bad(&e))?;
    cert.tbs_certificate
        .subject_public_key_info
        .to_der()
        .map_err(|e| bad(&e))
}

/// The DER inside a PEM block with the given label (`PUBLIC KEY`, `PRIVATE KEY`,
/// `RSA PRIVATE KEY`), for adapters that load keys.
pub fn pem_block(pem: &[u8]) -> Result<(String, Vec<u8>)> {
    let (label, der) =
        pem_rfc7468::decode_vec(pem).map_err(|e| Error::Build(format!("not a PEM block: {e}")))?;
    Ok((label.to_owned(), der))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_end_every_line() {
        assert_eq!(
            request_message(
                "GET",
                "/v3/certificates",
                1554208460,
                "593BEC0C930BF1AFEB40B4A08C8FB242",
                b""
            ),
            b"GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n"
        );
        assert_eq!(answer_message("1", "n", b"{}"), b"1\nn\n{}\n");
        assert_eq!(lines_message(&["a", "b"]), b"a\nb\n");
    }

    #[test]
    fn aes_gcm_round_trip_and_tamper() {
        let key = Secret::new("0123456789abcdef0123456789abcdef");
        let sealed = encrypt_aes_gcm(&key, "abcdefghijkl", "transaction", b"{\"a\":1}").unwrap();
        assert_eq!(
            decrypt_aes_gcm(&key, "abcdefghijkl", "transaction", &sealed).unwrap(),
            b"{\"a\":1}"
        );
        let other = Secret::new("0123456789abcdef0123456789abcdeX");
        assert_eq!(
            decrypt_aes_gcm(&other, "abcdefghijkl", "transaction", &sealed),
            Err(VerifyError::Decrypt)
        );
        assert_eq!(
            decrypt_aes_gcm(&key, "abcdefghijkl", "refund", &sealed),
            Err(VerifyError::Decrypt)
        );
        assert_eq!(
            decrypt_aes_gcm(&key, "short", "transaction", &sealed),
            Err(VerifyError::Decrypt)
        );
        assert_eq!(
            decrypt_aes_gcm(&key, "abcdefghijkl", "transaction", "%%%"),
            Err(VerifyError::Decrypt)
        );
    }

    #[test]
    fn certificate_spki_rejects_garbage() {
        assert!(certificate_spki(b"not a cert").is_err());
        assert!(
            certificate_spki(b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")
                .is_err()
        );
    }
}
