//! The callback pipeline: `http::Request` → verify → decrypt → parse → typed message, and
//! reply → encrypt → sign → `http::Response`.

use std::borrow::Cow;
use std::sync::Arc;

use http::header::{CONTENT_TYPE, HeaderValue};
use http::{Method, Response, StatusCode};
use percent_encoding::percent_decode_str;

use super::crypto::{KeySlot, MessageCrypto, encode_base64, frame_len, verify_sha1_signature};
use super::error::CallbackError;
use super::message::{Message, RawFields};
use super::reply::{Reply, itoa_u64};
use super::xml::{self, Measure, Out, SliceOut};
use crate::Secret;

/// Which platform pushes to this URL: it decides how URLs are verified and whether pushes
/// are always encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    /// Official Account (公众号): `signature` always; AES when `encrypt_type=aes`.
    OfficialAccount,
    /// Mini Program (小程序) message push: as the Official Account, XML or JSON.
    MiniProgram,
    /// Open Platform third-party platform (开放平台): component pushes and authorizers'
    /// messages; as the Official Account.
    OpenPlatform,
    /// WeCom (企业微信) self-built apps, third-party suites, customer service: `msg_signature`
    /// only, always encrypted, URL verification decrypts `echostr`.
    WeCom,
}

/// Default body size limit: WeChat's pushes are a few kilobytes.
pub const DEFAULT_MAX_BODY_BYTES: usize = 256 * 1024;

/// Verifies, decrypts and parses what WeChat pushes to one callback URL.
///
/// ```
/// use wechat_core::Secret;
/// use wechat_core::callback::{CallbackHandler, Incoming, Platform, Reply};
///
/// let handler = CallbackHandler::new(Platform::WeCom, Secret::new("QDG6eK"))
///     .with_aes_key("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7")?
///     .timestamp_window(300);
/// # let request = http::Request::get("/?msg_signature=x&timestamp=1&nonce=2").body(Vec::new()).unwrap();
/// match handler.handle(&request, 1) {
///     Ok(Incoming::UrlVerification(response)) => { /* send it */ }
///     Ok(Incoming::Message(received)) => {
///         let response = received.reply.reply(&Reply::text("hi"), 1_700_000_000, [7; 16]);
///     }
///     Err(err) => { let status = err.status(); }
/// }
/// # Ok::<(), wechat_core::callback::CallbackError>(())
/// ```
#[derive(Debug, Clone)]
pub struct CallbackHandler {
    platform: Platform,
    token: Secret,
    crypto: Option<Arc<MessageCrypto>>,
    timestamp_window_s: Option<u64>,
    max_body_bytes: usize,
    require_encryption: bool,
}

/// What a request turned out to be.
#[derive(Debug)]
#[must_use]
pub enum Incoming {
    /// A URL verification (GET with `echostr`): send this response.
    UrlVerification(Response<Vec<u8>>),
    /// A push: handle the message, then answer with `reply`.
    Message(Box<Received>),
}

/// A verified, decrypted and parsed push.
#[derive(Debug)]
pub struct Received {
    /// The typed message.
    pub message: Message,
    /// How to answer it.
    pub reply: ReplyContext,
    /// The plaintext body is `buf[body]`: an encrypted push's decrypted frame is kept whole.
    buf: Vec<u8>,
    body: std::ops::Range<usize>,
}

impl Received {
    /// The plaintext body (decrypted when the push was encrypted).
    pub fn raw_body(&self) -> &[u8] {
        &self.buf[self.body.clone()]
    }

    /// Every field of the plaintext body, typed or not.
    pub fn raw_fields(&self) -> Result<RawFields, CallbackError> {
        raw_fields(self.raw_body())
    }

    /// The push's [`dedup_key`](super::dedup_key): equal for WeChat's retries of this push
    /// (however they are encrypted and signed), different for any other push.
    pub fn dedup_key(&self) -> String {
        super::dedup::dedup_key(&self.message, self.raw_body())
    }
}

fn raw_fields(body: &[u8]) -> Result<RawFields, CallbackError> {
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        return serde_json::from_slice(body).map_err(|e| CallbackError::Malformed(e.to_string()));
    }
    let text = std::str::from_utf8(body).map_err(|_| CallbackError::InvalidUtf8)?;
    match xml::parse(text)?.to_value() {
        serde_json::Value::Object(map) => Ok(map),
        _ => Ok(RawFields::new()),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Xml,
    Json,
}

fn sniff(body: &[u8]) -> Format {
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Json,
        _ => Format::Xml,
    }
}

#[derive(Debug, Clone)]
struct Seal {
    crypto: Arc<MessageCrypto>,
    key: KeySlot,
    /// The request's receiver id when it may differ from the configured one.
    receiver_id: Option<String>,
    timestamp: u64,
    nonce: String,
}

impl Seal {
    fn receiver_id(&self) -> &str {
        self.receiver_id
            .as_deref()
            .unwrap_or_else(|| self.crypto.receiver_id())
    }
}

/// Everything needed to answer one push: addresses, format, and the keys when it was
/// encrypted.
#[derive(Debug, Clone)]
pub struct ReplyContext {
    to_user_name: String,
    from_user_name: String,
    format: Format,
    seal: Option<Seal>,
}

fn response(content_type: &'static str, body: Vec<u8>) -> Response<Vec<u8>> {
    let mut resp = Response::new(body);
    *resp.status_mut() = StatusCode::OK;
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    resp
}

const TEXT: &str = "text/plain; charset=utf-8";
const XML: &str = "application/xml; charset=utf-8";
const JSON: &str = "application/json";

impl ReplyContext {
    /// The answer `success`: nothing to say, do not retry.
    pub fn success(&self) -> Response<Vec<u8>> {
        response(TEXT, b"success".to_vec())
    }

    /// True when the push was encrypted (replies are then encrypted and signed).
    pub fn is_encrypted(&self) -> bool {
        self.seal.is_some()
    }

    /// The receiver id found in the encrypted push (corp id, app id, suite id).
    pub fn receiver_id(&self) -> Option<&str> {
        self.seal.as_ref().map(Seal::receiver_id)
    }

    /// Builds the answer: `reply` addressed back to the sender, with `CreateTime` =
    /// `now_unix_s`; encrypted with `random` (16 fresh random bytes, never reused) and signed
    /// with the request's timestamp and nonce when the push was encrypted.
    ///
    /// `success` and empty replies are sent as they are. Pushes without a sender
    /// (`InfoType` pushes) can only be answered with `success`, which they then get.
    pub fn reply(&self, reply: &Reply, now_unix_s: u64, random: [u8; 16]) -> Response<Vec<u8>> {
        match reply {
            Reply::Success => return self.success(),
            Reply::Empty => return response(TEXT, Vec::new()),
            Reply::Raw { .. } => {}
            _ if self.to_user_name.is_empty() => return self.success(),
            _ => {}
        }
        let Some(seal) = &self.seal else {
            let (plain, content_type) = match self.format {
                Format::Xml => (
                    reply.to_xml(&self.to_user_name, &self.from_user_name, now_unix_s),
                    XML,
                ),
                Format::Json => (
                    reply.to_json(&self.to_user_name, &self.from_user_name, now_unix_s),
                    JSON,
                ),
            };
            return response(content_type, plain.into_bytes());
        };
        let timestamp = itoa_u64(seal.timestamp);
        let timestamp = timestamp.as_str();
        let body = match self.format {
            Format::Xml => self.sealed_xml(seal, reply, timestamp, now_unix_s, random),
            Format::Json => {
                let plain = reply.to_json(&self.to_user_name, &self.from_user_name, now_unix_s);
                let encrypt = seal.crypto.encrypt_with(
                    seal.key,
                    plain.as_bytes(),
                    seal.receiver_id(),
                    random,
                );
                let msg_signature = seal.crypto.signature(timestamp, &seal.nonce, &encrypt);
                serde_json::json!({
                    "Encrypt": encrypt,
                    "MsgSignature": msg_signature,
                    "TimeStamp": seal.timestamp,
                    "Nonce": seal.nonce,
                })
                .to_string()
                .into_bytes()
            }
        };
        let content_type = match self.format {
            Format::Xml => XML,
            Format::Json => JSON,
        };
        response(content_type, body)
    }

    /// The encrypted XML answer, built in one buffer sized up front: the envelope, with the
    /// plaintext frame written after it, encrypted in place, and base64-encoded into the
    /// envelope; the frame is then cut off.
    fn sealed_xml(
        &self,
        seal: &Seal,
        reply: &Reply,
        timestamp: &str,
        now_unix_s: u64,
        random: [u8; 16],
    ) -> Vec<u8> {
        const OPEN: &str = "<xml><Encrypt><![CDATA[";
        let (to, from) = (self.to_user_name.as_str(), self.from_user_name.as_str());
        let receiver_id = seal.receiver_id();
        let mut measure = Measure::default();
        reply.write_xml_to(&mut measure, to, from, now_unix_s);
        let msg_len = measure.0;
        let frame_len = frame_len(msg_len, receiver_id.len());
        let b64_len = frame_len.div_ceil(3) * 4;
        let signature = [b'0'; 40];
        let write_tail = |out: &mut dyn Out, signature: &[u8; 40]| {
            out.put("]]></Encrypt><MsgSignature><![CDATA[");
            // Lowercase hex is ASCII.
            out.put(std::str::from_utf8(signature).unwrap_or_default());
            out.put("]]></MsgSignature>");
            xml::push_plain_element(out, "TimeStamp", timestamp);
            xml::push_cdata_element(out, "Nonce", &seal.nonce);
            out.put("</xml>");
        };
        let mut tail = Measure::default();
        write_tail(&mut tail, &signature);
        let envelope_len = OPEN.len() + b64_len + tail.0;

        let mut buf = vec![0u8; envelope_len + frame_len];
        let (envelope, frame) = buf.split_at_mut(envelope_len);
        let mut plain = SliceOut::new(&mut frame[20..20 + msg_len]);
        reply.write_xml_to(&mut plain, to, from, now_unix_s);
        if plain.filled() != Some(msg_len) {
            // The writer is deterministic, so this does not happen; stay correct regardless.
            return self.sealed_xml_slow(seal, reply, timestamp, now_unix_s, random);
        }
        seal.crypto
            .seal_frame(seal.key, frame, msg_len, receiver_id, random);
        let (open, rest) = envelope.split_at_mut(OPEN.len());
        open.copy_from_slice(OPEN.as_bytes());
        let (encrypt, rest) = rest.split_at_mut(b64_len);
        // `encrypt` is exactly the padded base64 length of `frame`.
        encode_base64(frame, encrypt);
        let signature = seal.crypto.signature_hex(timestamp, &seal.nonce, encrypt);
        write_tail(&mut SliceOut::new(rest), &signature);
        buf.truncate(envelope_len);
        buf
    }

    /// [`sealed_xml`](Self::sealed_xml) through intermediate strings.
    fn sealed_xml_slow(
        &self,
        seal: &Seal,
        reply: &Reply,
        timestamp: &str,
        now_unix_s: u64,
        random: [u8; 16],
    ) -> Vec<u8> {
        let plain = reply.to_xml(&self.to_user_name, &self.from_user_name, now_unix_s);
        let encrypt =
            seal.crypto
                .encrypt_with(seal.key, plain.as_bytes(), seal.receiver_id(), random);
        let signature = seal
            .crypto
            .signature_hex(timestamp, &seal.nonce, encrypt.as_bytes());
        let mut out = String::with_capacity(encrypt.len() + 200);
        out.push_str("<xml><Encrypt><![CDATA[");
        out.push_str(&encrypt);
        out.push_str("]]></Encrypt><MsgSignature><![CDATA[");
        out.push_str(std::str::from_utf8(&signature).unwrap_or_default());
        out.push_str("]]></MsgSignature>");
        xml::push_plain_element(&mut out, "TimeStamp", timestamp);
        xml::push_cdata_element(&mut out, "Nonce", &seal.nonce);
        out.push_str("</xml>");
        out.into_bytes()
    }
}

/// The query parameters WeChat puts on a callback URL, percent-decoded.
#[derive(Default)]
struct Query<'a> {
    signature: Option<Cow<'a, str>>,
    msg_signature: Option<Cow<'a, str>>,
    timestamp: Option<Cow<'a, str>>,
    nonce: Option<Cow<'a, str>>,
    echostr: Option<Cow<'a, str>>,
    encrypt_type: Option<Cow<'a, str>>,
}

impl<'a> Query<'a> {
    fn parse(query: &'a str) -> Result<Self, CallbackError> {
        let mut q = Query::default();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let (slot, name) = match key {
                "signature" => (&mut q.signature, "signature"),
                "msg_signature" => (&mut q.msg_signature, "msg_signature"),
                "timestamp" => (&mut q.timestamp, "timestamp"),
                "nonce" => (&mut q.nonce, "nonce"),
                "echostr" => (&mut q.echostr, "echostr"),
                "encrypt_type" => (&mut q.encrypt_type, "encrypt_type"),
                _ => continue,
            };
            if slot.is_none() {
                // `+` stays `+`: WeChat's base64 values are percent-encoded, and a bare `+`
                // is far more likely base64 than a space.
                let decoded = if memchr::memchr(b'%', value.as_bytes()).is_none() {
                    Cow::Borrowed(value)
                } else {
                    percent_decode_str(value)
                        .decode_utf8()
                        .map_err(|_| CallbackError::InvalidParameter(name))?
                };
                *slot = Some(decoded);
            }
        }
        Ok(q)
    }
}

fn required<'q>(v: &'q Option<Cow<'_, str>>, name: &'static str) -> Result<&'q str, CallbackError> {
    v.as_deref().ok_or(CallbackError::MissingParameter(name))
}

/// Finds `<Encrypt>value</Encrypt>` (CDATA or plain base64) without building a tree: the
/// common shape of every encrypted envelope. Anything unusual returns `None` and goes through
/// the full parser. Whatever is found is authenticated by `msg_signature` afterwards.
fn scan_encrypt(body: &[u8]) -> Option<&str> {
    const OPEN: &[u8] = b"<Encrypt>";
    let mut from = 0;
    let start = loop {
        let i = from + memchr::memchr(b'<', &body[from..])?;
        if body[i..].starts_with(OPEN) {
            break i + OPEN.len();
        }
        from = i + 1;
    };
    let rest = &body[start..];
    let (value, after) = match rest.strip_prefix(b"<![CDATA[") {
        Some(cdata) => {
            let end = memchr::memchr(b']', cdata)?;
            (&cdata[..end], cdata[end..].strip_prefix(b"]]>")?)
        }
        None => {
            let end = memchr::memchr(b'<', rest)?;
            (&rest[..end], &rest[end..])
        }
    };
    if !after.starts_with(b"</Encrypt>") || memchr::memchr(b'&', value).is_some() {
        return None;
    }
    std::str::from_utf8(value).ok()
}

/// The `Encrypt` field of an encrypted body, XML or JSON.
fn with_encrypt<T>(
    body: &[u8],
    format: Format,
    f: impl FnOnce(&str) -> Result<T, CallbackError>,
) -> Result<T, CallbackError> {
    match format {
        Format::Xml => {
            if let Some(encrypt) = scan_encrypt(body) {
                return f(encrypt);
            }
            let text = std::str::from_utf8(body).map_err(|_| CallbackError::InvalidUtf8)?;
            let root = xml::parse(text)?;
            let encrypt = root.text("Encrypt").ok_or(CallbackError::MissingEncrypt)?;
            f(encrypt)
        }
        Format::Json => {
            #[derive(serde::Deserialize)]
            struct Envelope<'a> {
                #[serde(rename = "Encrypt", alias = "encrypt", borrow)]
                encrypt: Option<Cow<'a, str>>,
            }
            let env: Envelope<'_> = serde_json::from_slice(body)
                .map_err(|e| CallbackError::Malformed(e.to_string()))?;
            f(env
                .encrypt
                .as_deref()
                .ok_or(CallbackError::MissingEncrypt)?)
        }
    }
}

impl CallbackHandler {
    /// A handler for plain-mode pushes signed with `token`. Add an EncodingAESKey with
    /// [`with_aes_key`](Self::with_aes_key) for compatible and safe modes (and always for
    /// WeCom).
    pub fn new(platform: Platform, token: Secret) -> Self {
        Self {
            platform,
            token,
            crypto: None,
            timestamp_window_s: None,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            require_encryption: false,
        }
    }

    /// Enables AES with the 43-character EncodingAESKey and the receiver id that must follow
    /// every decrypted message (app id, component app id, corp id or suite id).
    pub fn with_aes_key(
        mut self,
        encoding_aes_key: &str,
        receiver_id: impl Into<String>,
    ) -> Result<Self, CallbackError> {
        let crypto = MessageCrypto::new(self.token.clone(), encoding_aes_key, receiver_id)?;
        self.crypto = Some(Arc::new(crypto));
        Ok(self)
    }

    /// Uses a prepared [`MessageCrypto`] (its token replaces this handler's), for example one
    /// that accepts any receiver id.
    pub fn with_crypto(mut self, crypto: MessageCrypto) -> Self {
        self.token = crypto.token().clone();
        self.crypto = Some(Arc::new(crypto));
        self
    }

    /// Also accepts the previous EncodingAESKey, during a key change.
    pub fn with_previous_aes_key(mut self, encoding_aes_key: &str) -> Result<Self, CallbackError> {
        let crypto = self
            .crypto
            .take()
            .ok_or(CallbackError::EncryptionNotConfigured)?;
        let crypto = Arc::unwrap_or_clone(crypto).with_previous_key(encoding_aes_key)?;
        self.crypto = Some(Arc::new(crypto));
        Ok(self)
    }

    /// Refuses requests whose `timestamp` is more than `seconds` away from `now`
    /// (replay protection; 300 is a sensible value). Off by default.
    pub fn timestamp_window(mut self, seconds: u64) -> Self {
        self.timestamp_window_s = Some(seconds);
        self
    }

    /// Refuses bodies larger than `bytes` (default [`DEFAULT_MAX_BODY_BYTES`]).
    pub fn max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    /// Refuses plain-text pushes (safe mode only).
    pub fn require_encryption(mut self, required: bool) -> Self {
        self.require_encryption = required;
        self
    }

    /// The platform.
    pub fn platform(&self) -> Platform {
        self.platform
    }

    /// The message crypto, when an EncodingAESKey is configured.
    pub fn crypto(&self) -> Option<&MessageCrypto> {
        self.crypto.as_deref()
    }

    /// Handles one request. `now_unix_s` is the caller's clock, used only for the timestamp
    /// window.
    pub fn handle<B: AsRef<[u8]>>(
        &self,
        request: &http::Request<B>,
        now_unix_s: u64,
    ) -> Result<Incoming, CallbackError> {
        let method = request.method();
        if method != Method::GET && method != Method::POST {
            return Err(CallbackError::MethodNotAllowed);
        }
        let body = request.body().as_ref();
        if body.len() > self.max_body_bytes {
            return Err(CallbackError::BodyTooLarge {
                size: body.len(),
                limit: self.max_body_bytes,
            });
        }
        let q = Query::parse(request.uri().query().unwrap_or(""))?;
        let timestamp = required(&q.timestamp, "timestamp")?;
        let nonce = required(&q.nonce, "nonce")?;
        let ts: u64 = timestamp
            .parse()
            .map_err(|_| CallbackError::InvalidParameter("timestamp"))?;

        if method == Method::GET {
            let echostr = required(&q.echostr, "echostr")?;
            let echo = match self.platform {
                Platform::WeCom => {
                    let crypto = self
                        .crypto
                        .as_deref()
                        .ok_or(CallbackError::EncryptionNotConfigured)?;
                    let sig = required(&q.msg_signature, "msg_signature")?;
                    crypto.verify_signature(sig, timestamp, nonce, echostr)?;
                    self.check_window(ts, now_unix_s)?;
                    crypto.decrypt_to_string(echostr)?
                }
                _ => {
                    self.verify_plain(&q, timestamp, nonce)?;
                    self.check_window(ts, now_unix_s)?;
                    echostr.to_owned()
                }
            };
            return Ok(Incoming::UrlVerification(response(TEXT, echo.into_bytes())));
        }

        let encrypted = match self.platform {
            Platform::WeCom => true,
            _ => {
                self.verify_plain(&q, timestamp, nonce)?;
                match q.encrypt_type.as_deref() {
                    Some(t) => t.eq_ignore_ascii_case("aes"),
                    None => q.msg_signature.is_some(),
                }
            }
        };
        let format = sniff(body);

        if !encrypted {
            if self.require_encryption {
                return Err(CallbackError::EncryptionRequired);
            }
            self.check_window(ts, now_unix_s)?;
            let message = Message::parse(body)?;
            let reply = ReplyContext {
                to_user_name: message.from_user_name().to_owned(),
                from_user_name: message.to_user_name().to_owned(),
                format,
                seal: None,
            };
            return Ok(Incoming::Message(Box::new(Received {
                message,
                reply,
                buf: body.to_vec(),
                body: 0..body.len(),
            })));
        }

        let crypto = self
            .crypto
            .as_ref()
            .ok_or(CallbackError::EncryptionNotConfigured)?;
        let msg_signature = required(&q.msg_signature, "msg_signature")?;
        let opened = with_encrypt(body, format, |encrypt| {
            crypto.verify_signature(msg_signature, timestamp, nonce, encrypt)?;
            self.check_window(ts, now_unix_s)?;
            crypto.open(encrypt)
        })?;
        let plain = &opened.frame[opened.message.clone()];
        let message = Message::parse(plain)?;
        let reply = ReplyContext {
            to_user_name: message.from_user_name().to_owned(),
            from_user_name: message.to_user_name().to_owned(),
            format: sniff(plain),
            seal: Some(Seal {
                crypto: Arc::clone(crypto),
                key: opened.key,
                receiver_id: opened.receiver_id,
                timestamp: ts,
                nonce: nonce.to_owned(),
            }),
        };
        Ok(Incoming::Message(Box::new(Received {
            message,
            reply,
            buf: opened.frame,
            body: opened.message,
        })))
    }

    fn verify_plain(
        &self,
        q: &Query<'_>,
        timestamp: &str,
        nonce: &str,
    ) -> Result<(), CallbackError> {
        let signature = required(&q.signature, "signature")?;
        if verify_sha1_signature(signature, &[self.token.expose(), timestamp, nonce]) {
            Ok(())
        } else {
            Err(CallbackError::SignatureMismatch)
        }
    }

    fn check_window(&self, ts: u64, now: u64) -> Result<(), CallbackError> {
        match self.timestamp_window_s {
            Some(window) if ts.abs_diff(now) > window => Err(CallbackError::StaleTimestamp {
                timestamp: ts,
                now,
                window_s: window,
            }),
            _ => Ok(()),
        }
    }
}
