//! Message crypto and signatures shared by every WeChat platform that pushes to us.
//!
//! - Signature: `sha1(sort(token, timestamp, nonce[, encrypt]))` as lowercase hex, compared in
//!   constant time.
//! - Encryption (“safe mode”): key = base64(EncodingAESKey + "="), IV = the first 16 key bytes,
//!   AES-256-CBC, PKCS#7 padding to 32-byte blocks, plaintext =
//!   16 random bytes ‖ u32 big-endian message length ‖ message ‖ receiver id.
//!
//! References: WeCom “加解密方案说明”
//! (<https://developer.work.weixin.qq.com/document/path/91144>) and the Official Account
//! “消息加解密说明”.

use aes::Aes256;
use aes::cipher::block_padding::NoPadding;
use aes::cipher::{BlockDecryptMut, BlockEncryptMut, InnerIvInit, KeyInit};
use sha1::{Digest, Sha1};
use subtle::ConstantTimeEq;

use super::error::CallbackError;
use crate::Secret;

/// Decodes the base64 WeChat sends (`Encrypt`, `encryptedData`), forgiving as WHATWG
/// defines it: padding optional, non-canonical trailing bits ignored (many EncodingAESKeys
/// have them), ASCII whitespace skipped. Canonical padded base64, which is what WeChat
/// writes, skips the whitespace scan. SIMD where the CPU has it.
pub(crate) fn decode_base64(text: &str) -> Result<Vec<u8>, CallbackError> {
    base64_simd::STANDARD
        .decode_to_vec(text)
        .or_else(|_| base64_simd::forgiving_decode_to_vec(text.as_bytes()))
        .map_err(|_| CallbackError::InvalidBase64)
}

/// Decodes a key of exactly `N` bytes written in at most 64 characters of base64 (forgiving,
/// as [`decode_base64`]), without allocating; `None` for anything else.
pub(crate) fn decode_key<const N: usize>(text: &str) -> Option<[u8; N]> {
    let mut buf = [0u8; 64];
    if text.len() > buf.len() {
        return None;
    }
    let decoded =
        base64_simd::forgiving_decode(text.as_bytes(), base64_simd::Out::from_slice(&mut buf))
            .ok()?;
    <[u8; N]>::try_from(&*decoded).ok()
}

/// Writes the padded base64 of `src` into `dst`, which is exactly
/// `src.len().div_ceil(3) * 4` bytes long (SIMD where the CPU has it).
pub(crate) fn encode_base64(src: &[u8], dst: &mut [u8]) {
    debug_assert_eq!(dst.len(), src.len().div_ceil(3) * 4);
    let _ = base64_simd::STANDARD.encode(src, base64_simd::Out::from_slice(dst));
}

/// WeChat pads to 32-byte blocks, not AES's 16.
const PAD_BLOCK: usize = 32;

/// `sha1(sort(parts).concat())` as 40 lowercase hex bytes.
fn sha1_hex(parts: &[&str]) -> [u8; 40] {
    let mut small: [&[u8]; 4] = [b""; 4];
    if parts.len() <= small.len() {
        for (dst, src) in small.iter_mut().zip(parts) {
            *dst = src.as_bytes();
        }
        return sha1_hex_bytes(&mut small[..parts.len()]);
    }
    let mut large: Vec<&[u8]> = parts.iter().map(|p| p.as_bytes()).collect();
    sha1_hex_bytes(&mut large)
}

/// [`sha1_hex`] over byte strings (sorted here, in place: byte order is `str` order). The
/// parts are fed to the hash one by one, never concatenated.
fn sha1_hex_bytes(parts: &mut [&[u8]]) -> [u8; 40] {
    parts.sort_unstable();
    let mut hasher = Sha1::new();
    for part in parts.iter() {
        hasher.update(part);
    }
    let digest = hasher.finalize();
    let mut out = [0u8; 40];
    // Cannot fail: the output is exactly twice the digest length.
    let _ = hex::encode_to_slice(digest, &mut out);
    out
}

/// The WeChat signature of `parts`: `sha1` of the sorted, concatenated strings, lowercase hex.
///
/// With `[token, timestamp, nonce]` this is the Official Account / Mini Program `signature`;
/// with `[token, timestamp, nonce, encrypt]` it is `msg_signature`.
pub fn sha1_signature(parts: &[&str]) -> String {
    let hex = sha1_hex(parts);
    String::from_utf8(hex.to_vec()).unwrap_or_default()
}

/// Checks `signature` against [`sha1_signature`] of `parts` in constant time (hex case is
/// ignored).
pub fn verify_sha1_signature(signature: &str, parts: &[&str]) -> bool {
    let expected = sha1_hex(parts);
    let given = signature.as_bytes();
    if given.len() != expected.len() {
        return false;
    }
    let mut lower = [0u8; 40];
    for (dst, src) in lower.iter_mut().zip(given) {
        *dst = src.to_ascii_lowercase();
    }
    bool::from(lower.ct_eq(&expected))
}

/// The size of the encrypted frame of a `msg_len`-byte message: 16 random bytes, the length,
/// the message and the receiver id, padded to WeChat's 32-byte blocks.
pub(crate) fn frame_len(msg_len: usize, receiver_id_len: usize) -> usize {
    let body = 20 + msg_len + receiver_id_len;
    body + (PAD_BLOCK - body % PAD_BLOCK)
}

/// One AES key with its fixed IV, the key schedule computed once.
#[derive(Clone)]
struct AesKey {
    cipher: Aes256,
    iv: [u8; 16],
}

impl AesKey {
    fn from_encoding_aes_key(encoding_aes_key: &str) -> Result<Self, CallbackError> {
        if encoding_aes_key.len() != 43 {
            return Err(CallbackError::InvalidAesKey);
        }
        let key = decode_key::<32>(encoding_aes_key).ok_or(CallbackError::InvalidAesKey)?;
        let cipher = Aes256::new(&key.into());
        let mut iv = [0u8; 16];
        iv.copy_from_slice(&key[..16]);
        Ok(Self { cipher, iv })
    }

    /// Decrypts `ct` into `out` (same length), or `out` in place when `ct` is `None`, and
    /// returns the unpadded plaintext length.
    fn decrypt_into(&self, ct: Option<&[u8]>, out: &mut [u8]) -> Result<usize, CallbackError> {
        // By reference: the key schedule is not copied for each message.
        let dec = cbc::Decryptor::<&Aes256>::inner_iv_init(&self.cipher, &self.iv.into());
        let plain = match ct {
            Some(ct) => dec.decrypt_padded_b2b_mut::<NoPadding>(ct, out),
            None => dec.decrypt_padded_mut::<NoPadding>(out),
        }
        .map_err(|_| CallbackError::InvalidCiphertext)?;
        let len = plain.len();
        let pad = *plain.last().ok_or(CallbackError::InvalidCiphertext)? as usize;
        if pad == 0 || pad > PAD_BLOCK || pad > len {
            return Err(CallbackError::InvalidCiphertext);
        }
        if plain[len - pad..].iter().any(|&b| b as usize != pad) {
            return Err(CallbackError::InvalidCiphertext);
        }
        Ok(len - pad)
    }

    fn encrypt_in_place(&self, buf: &mut [u8]) {
        let enc = cbc::Encryptor::<&Aes256>::inner_iv_init(&self.cipher, &self.iv.into());
        let len = buf.len();
        // Cannot fail: the caller padded `buf` to a multiple of the block size.
        let _ = enc.encrypt_padded_mut::<NoPadding>(buf, len);
    }
}

/// Which configured key opened a message: replies are sealed with the same one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeySlot {
    Current,
    Previous,
}

/// A decrypted message and what it said about itself.
#[derive(Debug)]
pub(crate) struct Opened {
    /// The decrypted frame; the message is `frame[message]` (not moved to the front: the
    /// handler parses it where it lies).
    pub frame: Vec<u8>,
    /// Where the message (XML or JSON bytes) lies in `frame`.
    pub message: std::ops::Range<usize>,
    /// The receiver id found after the message, when any receiver id is accepted (otherwise
    /// it is the configured one).
    pub receiver_id: Option<String>,
    /// The key that decrypted it.
    pub key: KeySlot,
}

/// An encrypted payload and its `msg_signature`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// Base64 ciphertext, the `Encrypt` field.
    pub encrypt: String,
    /// `sha1(sort(token, timestamp, nonce, encrypt))`.
    pub msg_signature: String,
}

/// Token, EncodingAESKey and receiver id of one callback URL: signs, verifies, encrypts and
/// decrypts WeChat's callback payloads.
///
/// The receiver id is the app id (Official Account, Mini Program), the component app id (Open
/// Platform), the corp id (WeCom self-built apps), the suite id (WeCom third-party
/// instruction callbacks) or the empty string (WeCom bots), as the platform documents it.
#[derive(Clone)]
pub struct MessageCrypto {
    token: Secret,
    current: AesKey,
    previous: Option<AesKey>,
    receiver_id: String,
    check_receiver_id: bool,
}

impl std::fmt::Debug for MessageCrypto {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MessageCrypto")
            .field("token", &self.token)
            .field("encoding_aes_key", &"[redacted]")
            .field(
                "previous_key",
                &self.previous.as_ref().map(|_| "[redacted]"),
            )
            .field("receiver_id", &self.receiver_id)
            .field("check_receiver_id", &self.check_receiver_id)
            .finish()
    }
}

impl MessageCrypto {
    /// Creates the crypto of one callback URL. `encoding_aes_key` is the 43-character key
    /// shown in the WeChat console.
    pub fn new(
        token: Secret,
        encoding_aes_key: &str,
        receiver_id: impl Into<String>,
    ) -> Result<Self, CallbackError> {
        Ok(Self {
            token,
            current: AesKey::from_encoding_aes_key(encoding_aes_key)?,
            previous: None,
            receiver_id: receiver_id.into(),
            check_receiver_id: true,
        })
    }

    /// Also accepts messages encrypted with the previous EncodingAESKey, for the time WeChat
    /// and this server disagree after a key change. Replies are sealed with whichever key
    /// opened the request.
    pub fn with_previous_key(mut self, encoding_aes_key: &str) -> Result<Self, CallbackError> {
        self.previous = Some(AesKey::from_encoding_aes_key(encoding_aes_key)?);
        Ok(self)
    }

    /// Accepts any receiver id after the message instead of only the configured one.
    ///
    /// For URLs that serve many receivers (a WeCom third-party data callback serving many
    /// corps); the handler then exposes the decrypted receiver id, and checking it is the
    /// caller's job. Replies are sealed with the request's receiver id.
    pub fn accept_any_receiver_id(mut self) -> Self {
        self.check_receiver_id = false;
        self
    }

    /// The configured receiver id.
    pub fn receiver_id(&self) -> &str {
        &self.receiver_id
    }

    /// The token (a secret).
    pub fn token(&self) -> &Secret {
        &self.token
    }

    /// `msg_signature` of an encrypted payload.
    pub fn signature(&self, timestamp: &str, nonce: &str, encrypt: &str) -> String {
        sha1_signature(&[self.token.expose(), timestamp, nonce, encrypt])
    }

    /// Checks `msg_signature` in constant time.
    pub fn verify_signature(
        &self,
        msg_signature: &str,
        timestamp: &str,
        nonce: &str,
        encrypt: &str,
    ) -> Result<(), CallbackError> {
        if verify_sha1_signature(
            msg_signature,
            &[self.token.expose(), timestamp, nonce, encrypt],
        ) {
            Ok(())
        } else {
            Err(CallbackError::SignatureMismatch)
        }
    }

    /// `signature` of a plain request: `sha1(sort(token, timestamp, nonce))`.
    pub fn plain_signature(&self, timestamp: &str, nonce: &str) -> String {
        sha1_signature(&[self.token.expose(), timestamp, nonce])
    }

    /// Checks a plain `signature` (Official Account, Mini Program, Open Platform) in constant
    /// time.
    pub fn verify_plain_signature(
        &self,
        signature: &str,
        timestamp: &str,
        nonce: &str,
    ) -> Result<(), CallbackError> {
        if verify_sha1_signature(signature, &[self.token.expose(), timestamp, nonce]) {
            Ok(())
        } else {
            Err(CallbackError::SignatureMismatch)
        }
    }

    /// Decrypts a base64 `Encrypt` value and checks its receiver id. Returns the message bytes.
    ///
    /// This does not check a signature: verify `msg_signature` first (the handler does).
    pub fn decrypt(&self, encrypt: &str) -> Result<Vec<u8>, CallbackError> {
        let Opened {
            mut frame, message, ..
        } = self.open(encrypt)?;
        let n = message.len();
        frame.copy_within(message, 0);
        frame.truncate(n);
        Ok(frame)
    }

    /// [`decrypt`](Self::decrypt), as UTF-8 text.
    pub fn decrypt_to_string(&self, encrypt: &str) -> Result<String, CallbackError> {
        String::from_utf8(self.decrypt(encrypt)?).map_err(|_| CallbackError::InvalidUtf8)
    }

    pub(crate) fn open(&self, encrypt: &str) -> Result<Opened, CallbackError> {
        let mut ct = decode_base64(encrypt.trim())?;
        if ct.is_empty() || ct.len() % 16 != 0 {
            return Err(CallbackError::InvalidCiphertext);
        }
        let Some(previous) = &self.previous else {
            let (range, rid) = self.open_with(&self.current, None, &mut ct)?;
            return Ok(self.finish(ct, range, rid, KeySlot::Current));
        };
        // Two keys: keep the ciphertext for the second attempt.
        let mut out = vec![0u8; ct.len()];
        match self.open_with(&self.current, Some(&ct), &mut out) {
            Ok((range, rid)) => Ok(self.finish(out, range, rid, KeySlot::Current)),
            Err(err) => {
                let (range, rid) = self
                    .open_with(previous, Some(&ct), &mut out)
                    .map_err(|_| err)?;
                Ok(self.finish(out, range, rid, KeySlot::Previous))
            }
        }
    }

    /// Decrypts and checks the framing; returns the message range and the receiver id range.
    fn open_with(
        &self,
        key: &AesKey,
        ct: Option<&[u8]>,
        out: &mut [u8],
    ) -> Result<(std::ops::Range<usize>, std::ops::Range<usize>), CallbackError> {
        let len = key.decrypt_into(ct, out)?;
        if len < 20 {
            return Err(CallbackError::InvalidCiphertext);
        }
        let msg_len = u32::from_be_bytes([out[16], out[17], out[18], out[19]]) as usize;
        let msg_end = 20usize
            .checked_add(msg_len)
            .filter(|&end| end <= len)
            .ok_or(CallbackError::InvalidCiphertext)?;
        let rid = msg_end..len;
        if self.check_receiver_id && out[rid.clone()] != *self.receiver_id.as_bytes() {
            return Err(CallbackError::ReceiverIdMismatch);
        }
        Ok((20..msg_end, rid))
    }

    fn finish(
        &self,
        frame: Vec<u8>,
        range: std::ops::Range<usize>,
        rid: std::ops::Range<usize>,
        key: KeySlot,
    ) -> Opened {
        let receiver_id =
            (!self.check_receiver_id).then(|| String::from_utf8_lossy(&frame[rid]).into_owned());
        Opened {
            frame,
            message: range,
            receiver_id,
            key,
        }
    }

    /// Encrypts `plaintext` for the configured receiver id with the current key.
    ///
    /// `random` must be fresh for every message (the IV is fixed, so equal random prefixes
    /// would repeat the first cipher block); never reuse a request's.
    pub fn encrypt(&self, plaintext: &[u8], random: [u8; 16]) -> String {
        self.encrypt_with(KeySlot::Current, plaintext, &self.receiver_id, random)
    }

    pub(crate) fn encrypt_with(
        &self,
        slot: KeySlot,
        plaintext: &[u8],
        receiver_id: &str,
        random: [u8; 16],
    ) -> String {
        let mut frame = vec![0u8; frame_len(plaintext.len(), receiver_id.len())];
        frame[20..20 + plaintext.len()].copy_from_slice(plaintext);
        self.seal_frame(slot, &mut frame, plaintext.len(), receiver_id, random);
        let mut out = vec![0u8; frame.len().div_ceil(3) * 4];
        encode_base64(&frame, &mut out);
        // Base64 is ASCII.
        String::from_utf8(out).unwrap_or_default()
    }

    /// Completes and encrypts a frame in place. `frame` is [`frame_len`]`(msg_len,
    /// receiver_id.len())` bytes with the message already at `20..20 + msg_len`; the random
    /// bytes, the length, the receiver id and the padding are written here.
    pub(crate) fn seal_frame(
        &self,
        slot: KeySlot,
        frame: &mut [u8],
        msg_len: usize,
        receiver_id: &str,
        random: [u8; 16],
    ) {
        let key = match (slot, &self.previous) {
            (KeySlot::Previous, Some(prev)) => prev,
            _ => &self.current,
        };
        let rid_end = 20 + msg_len + receiver_id.len();
        debug_assert_eq!(frame.len(), frame_len(msg_len, receiver_id.len()));
        frame[..16].copy_from_slice(&random);
        // WeChat's length field is 32 bits; a longer message cannot be represented.
        frame[16..20].copy_from_slice(&(msg_len as u32).to_be_bytes());
        frame[20 + msg_len..rid_end].copy_from_slice(receiver_id.as_bytes());
        let pad = frame.len() - rid_end;
        frame[rid_end..].fill(pad as u8);
        key.encrypt_in_place(frame);
    }

    /// `msg_signature` as 40 hex bytes, without allocating; `encrypt` is the base64 text.
    pub(crate) fn signature_hex(&self, timestamp: &str, nonce: &str, encrypt: &[u8]) -> [u8; 40] {
        sha1_hex_bytes(&mut [
            self.token.expose().as_bytes(),
            timestamp.as_bytes(),
            nonce.as_bytes(),
            encrypt,
        ])
    }

    /// Encrypts and signs `plaintext`, as a reply or a push would carry it.
    pub fn seal(&self, plaintext: &[u8], timestamp: &str, nonce: &str, random: [u8; 16]) -> Sealed {
        let encrypt = self.encrypt(plaintext, random);
        let msg_signature = self.signature(timestamp, nonce, &encrypt);
        Sealed {
            encrypt,
            msg_signature,
        }
    }

    /// WeCom URL verification: checks `msg_signature` over the echostr, decrypts it and
    /// returns the plaintext to answer with. `echostr` is the URL-decoded query value.
    pub fn verify_url(
        &self,
        msg_signature: &str,
        timestamp: &str,
        nonce: &str,
        echostr: &str,
    ) -> Result<String, CallbackError> {
        self.verify_signature(msg_signature, timestamp, nonce, echostr)?;
        self.decrypt_to_string(echostr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_signature_matches_known_value() {
        // sha1("1409659589" + "263014780" + "QDG6eK" + echostr) from the WeCom sample.
        let echostr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
        let sig = sha1_signature(&["QDG6eK", "1409659589", "263014780", echostr]);
        assert_eq!(sig, "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3");
        assert!(verify_sha1_signature(
            "5C45FF5E21C57E6AD56BAC8758B79B1D9AC89FD3",
            &["QDG6eK", "1409659589", "263014780", echostr]
        ));
        assert!(!verify_sha1_signature("5c45", &["QDG6eK"]));
    }

    #[test]
    fn many_parts_are_sorted_too() {
        let a = sha1_signature(&["e", "d", "c", "b", "a"]);
        let b = sha1_signature(&["a", "b", "c", "d", "e"]);
        assert_eq!(a, b);
    }

    #[test]
    fn bad_keys_are_errors() {
        for key in [
            "",
            "short",
            "€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€€",
            &"!".repeat(43),
        ] {
            assert!(MessageCrypto::new(Secret::new("t"), key, "r").is_err());
        }
    }

    #[test]
    fn base64_is_forgiving_but_not_loose() {
        // WeCom's sample EncodingAESKey: its last character carries non-canonical bits.
        let key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
        let bytes = decode_key::<32>(key).expect("trailing bits are ignored");
        assert_eq!(decode_key::<32>(&format!("{key}=")), Some(bytes), "padded");
        assert_eq!(
            decode_key::<32>(&format!(" {key}\n")),
            Some(bytes),
            "whitespace"
        );
        assert_eq!(decode_key::<16>(key), None, "wrong length");
        assert_eq!(
            decode_key::<32>(&format!("{key}!")),
            None,
            "outside the alphabet"
        );
        assert_eq!(
            decode_key::<32>(&"A".repeat(65)),
            None,
            "too long, no panic"
        );
        assert_eq!(decode_base64("aGk").unwrap(), b"hi");
        assert_eq!(decode_base64("aGk=").unwrap(), b"hi");
        assert_eq!(decode_base64("aG k=").unwrap(), b"hi");
        assert!(decode_base64("aGk==").is_err());
        assert!(decode_base64("a").is_err());
    }
}
