//! Mini Program `encryptedData` (用户敏感数据, 手机号, 分享信息, ...): AES-128-CBC with the
//! user's `session_key` and the `iv` from the client, PKCS#7, JSON with a `watermark`.
//!
//! Reference: “开放数据校验与解密”
//! (<https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/signature.html>).

use aes::Aes128;
use aes::cipher::block_padding::Pkcs7;
use aes::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::crypto::{decode_base64, decode_key};
use super::error::CallbackError;

/// The watermark WeChat adds to decrypted data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Watermark {
    /// The Mini Program the data was produced for.
    #[serde(default)]
    pub appid: String,
    /// Unix seconds.
    #[serde(default)]
    pub timestamp: u64,
}

fn key16(b64: &str, what: &'static str) -> Result<[u8; 16], CallbackError> {
    decode_key::<16>(b64.trim()).ok_or(CallbackError::InvalidKeyMaterial(what))
}

/// Decrypts `encrypted_data` with `session_key` and `iv` (all base64, as the client sends
/// them), checks that the watermark names `appid`, and returns the JSON object.
pub fn decrypt_encrypted_data(
    session_key: &str,
    encrypted_data: &str,
    iv: &str,
    appid: &str,
) -> Result<Value, CallbackError> {
    let key = key16(session_key, "session_key")?;
    let iv = key16(iv, "iv")?;
    let mut buf = decode_base64(encrypted_data.trim())?;
    let plain = cbc::Decryptor::<Aes128>::new(&key.into(), &iv.into())
        .decrypt_padded_mut::<Pkcs7>(&mut buf)
        .map_err(|_| CallbackError::InvalidCiphertext)?;
    let value: Value =
        serde_json::from_slice(plain).map_err(|e| CallbackError::Malformed(e.to_string()))?;
    let watermark = value
        .get("watermark")
        .and_then(|w| w.get("appid"))
        .and_then(Value::as_str);
    if watermark != Some(appid) {
        return Err(CallbackError::WatermarkMismatch);
    }
    Ok(value)
}

/// [`decrypt_encrypted_data`] into a typed value (phone number, user info, share info, ...).
pub fn decrypt_encrypted_data_as<T: DeserializeOwned>(
    session_key: &str,
    encrypted_data: &str,
    iv: &str,
    appid: &str,
) -> Result<T, CallbackError> {
    let value = decrypt_encrypted_data(session_key, encrypted_data, iv, appid)?;
    T::deserialize(value).map_err(|e| CallbackError::Malformed(e.to_string()))
}

/// Encrypts `plaintext` as WeChat would produce `encryptedData` (for emulators and tests).
pub fn encrypt_data(
    session_key: &str,
    iv: &str,
    plaintext: &[u8],
) -> Result<String, CallbackError> {
    let key = key16(session_key, "session_key")?;
    let iv = key16(iv, "iv")?;
    let ct = cbc::Encryptor::<Aes128>::new(&key.into(), &iv.into())
        .encrypt_padded_vec_mut::<Pkcs7>(plaintext);
    Ok(base64_simd::STANDARD.encode_to_string(ct))
}

/// The decrypted phone number (`getPhoneNumber`, legacy encryptedData form).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct PhoneNumber {
    /// With country code.
    pub phone_number: String,
    /// Without country code.
    pub pure_phone_number: String,
    /// Country code.
    pub country_code: String,
    /// The watermark.
    pub watermark: Watermark,
}
