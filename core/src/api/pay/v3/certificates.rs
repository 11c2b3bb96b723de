//! WeChat Pay platform certificates (平台证书): the certificates WeChat Pay signs its answers
//! with, each encrypted with the merchant's APIv3 key. Decrypting them is the merchant key's
//! business ([`super`]); this is the typed list.

use serde::{Deserialize, Serialize};

/// `/v3/certificates` (下载平台证书): the platform certificates in force, new ones listed ahead of
/// their use so that a client can switch in time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetCertificates {}

/// What [`GetCertificates`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct Certificates {
    /// The certificates.
    pub data: Vec<PlatformCertificate>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One platform certificate.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct PlatformCertificate {
    /// Its serial number (hex), as `Wechatpay-Serial` names it.
    pub serial_no: String,
    /// From when it is valid (RFC 3339).
    pub effective_time: String,
    /// Until when (RFC 3339).
    pub expire_time: String,
    /// The certificate (PEM), encrypted with the APIv3 key.
    pub encrypt_certificate: EncryptCertificate,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A certificate encrypted with AEAD_AES_256_GCM under the merchant's APIv3 key.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(default)]
pub struct EncryptCertificate {
    /// `AEAD_AES_256_GCM`.
    pub algorithm: String,
    /// The nonce (12 characters, used as bytes).
    pub nonce: String,
    /// The associated data (`certificate`).
    pub associated_data: String,
    /// The ciphertext and its 16-byte tag, base64.
    pub ciphertext: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "pay";

    GetCertificates => Certificates {
        GET Pay "/v3/certificates",
        auth: PayV3Signature, repeat: Safe,
        envelope: PayV3,
        doc: "https://pay.weixin.qq.com/docs/merchant/apis/platform-certificate/api-v3-get-certificates/get.html",
    }
}
