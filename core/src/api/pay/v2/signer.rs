//! The merchant's API key at work: `sign` over the sorted fields, the signer that adds it to
//! every request and checks it on every answer, and the flat XML WeChat Pay v2 speaks.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use hmac::{Hmac, Mac};
use md5::{Digest, Md5};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::auth::{Auth, SignContext, Signer};
use crate::client::BoxFuture;
use crate::endpoint::{AuthScheme, Meta};
use crate::error::{Error, Result};
use crate::host::Host;
use crate::secret::Secret;

/// How `sign` is computed: the field `sign_type` of a request (absent means MD5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SignType {
    /// `MD5`: upper-case hex MD5 of the string to sign (the default).
    #[default]
    #[serde(rename = "MD5")]
    Md5,
    /// `HMAC-SHA256`: upper-case hex HMAC-SHA256 keyed by the API key over the string to sign.
    #[serde(rename = "HMAC-SHA256")]
    HmacSha256,
}

impl SignType {
    /// The name WeChat Pay writes: `MD5` or `HMAC-SHA256`.
    pub const fn as_str(self) -> &'static str {
        match self {
            SignType::Md5 => "MD5",
            SignType::HmacSha256 => "HMAC-SHA256",
        }
    }

    /// The sign type a name stands for (`None` for an unknown one).
    pub fn parse(name: &str) -> Option<Self> {
        match name {
            "MD5" => Some(SignType::Md5),
            "HMAC-SHA256" => Some(SignType::HmacSha256),
            _ => None,
        }
    }
}

/// The string to sign: the non-empty fields but `sign`, sorted by name, as `k=v` joined by `&`,
/// then `&key=API_KEY`.
fn string_to_sign<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>, key: &str) -> String {
    let mut pairs: Vec<(&str, &str)> = fields
        .into_iter()
        .filter(|(k, v)| *k != "sign" && !v.is_empty())
        .collect();
    pairs.sort_unstable();
    let mut out = String::with_capacity(pairs.len() * 24 + key.len() + 5);
    for (k, v) in pairs {
        out.push_str(k);
        out.push('=');
        out.push_str(v);
        out.push('&');
    }
    out.push_str("key=");
    out.push_str(key);
    out
}

/// The `sign` of a set of fields (pairs in any order; `sign` itself and empty values are left
/// out), with the merchant's API key: upper-case hex MD5 or HMAC-SHA256.
pub fn sign<'a>(
    fields: impl IntoIterator<Item = (&'a str, &'a str)>,
    key: &Secret,
    sign_type: SignType,
) -> String {
    let message = string_to_sign(fields, key.expose());
    match sign_type {
        SignType::Md5 => hex::encode_upper(Md5::digest(message.as_bytes())),
        SignType::HmacSha256 => {
            let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.expose().as_bytes())
                .expect("HMAC takes any key length");
            mac.update(message.as_bytes());
            hex::encode_upper(mac.finalize().into_bytes())
        }
    }
}

/// Whether `fields` carry a `sign` that matches, compared in constant time.
pub fn verify(fields: &BTreeMap<String, String>, key: &Secret, sign_type: SignType) -> bool {
    let Some(sent) = fields.get("sign") else {
        return false;
    };
    let expected = sign(
        fields.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        key,
        sign_type,
    );
    let sent = sent.trim().to_ascii_uppercase();
    sent.len() == expected.len() && bool::from(sent.as_bytes().ct_eq(expected.as_bytes()))
}

/// True for the calls WeChat Pay takes only with the merchant's client certificate (mutual
/// TLS): paths under `/secapi/` (refunds) and `/mmpaymkttransfers/` (red packets, transfers to
/// a user's balance). An HTTP client for these carries the merchant's certificate; with
/// `wechat-reqwest`, one client per merchant built with its identity.
pub fn needs_client_certificate(meta: &Meta) -> bool {
    meta.host == Host::Pay
        && (meta.path.starts_with("/secapi/") || meta.path.starts_with("/mmpaymkttransfers/"))
}

/// The names a call gives the app id and the merchant id: `appid`/`mch_id` for most,
/// `wxappid`/`mch_id` for red packets, `mch_appid`/`mchid` for transfers.
fn id_fields(path: &str) -> (&'static str, &'static str) {
    match path {
        "/mmpaymkttransfers/sendredpack" => ("wxappid", "mch_id"),
        "/mmpaymkttransfers/promotion/transfers" => ("mch_appid", "mchid"),
        _ => ("appid", "mch_id"),
    }
}

/// Calls whose answers carry no `sign` (red packets, transfers), and which take MD5 only.
fn md5_only(path: &str) -> bool {
    path.starts_with("/mmpaymkttransfers/")
}

/// Reads a flat WeChat Pay v2 document (`<xml><name>value</name>...</xml>`, values as text or
/// CDATA) into its fields by name.
pub fn xml_fields(xml: &[u8]) -> Result<BTreeMap<String, String>> {
    quick_xml::de::from_reader(xml).map_err(|e| Error::decode(e, xml))
}

/// Writes fields as a flat `<xml>` document, values escaped.
pub fn write_xml<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Vec<u8> {
    let mut out = String::from("<xml>");
    for (k, v) in fields {
        out.push('<');
        out.push_str(k);
        out.push('>');
        out.push_str(&quick_xml::escape::escape(v));
        out.push_str("</");
        out.push_str(k);
        out.push('>');
    }
    out.push_str("</xml>");
    out.into_bytes()
}

/// Reads fields into a typed value: every value is text, numbers are read leniently by the
/// types, and fields the type does not name land in its `extra`.
pub(crate) fn from_fields<T: DeserializeOwned>(
    fields: BTreeMap<String, String>,
    shown: &[u8],
) -> Result<T> {
    let map: serde_json::Map<String, serde_json::Value> = fields
        .into_iter()
        .map(|(k, v)| (k, serde_json::Value::String(v)))
        .collect();
    serde_path_to_error::deserialize(serde_json::Value::Object(map)).map_err(|e| {
        Error::decode(
            format_args!("at `{}`: {}", e.path(), e.inner()),
            &shown[..shown.len().min(512)],
        )
    })
}

/// The `parse` of every v2 endpoint: the envelope (`return_code`, `result_code`) is checked,
/// then the answer's fields become the typed response.
pub(crate) fn parse_answer<T: DeserializeOwned>(
    meta: &'static Meta,
    response: &http::Response<Vec<u8>>,
) -> Result<T> {
    crate::endpoint::check(meta, response)?;
    let body = response.body();
    let shown = if meta.sensitive { &b""[..] } else { body };
    from_fields(xml_fields(body)?, shown)
}

/// A WeChat Pay v2 merchant: its merchant id (`mch_id`), the app id its calls name, and its API
/// key (商户平台 → API安全 → API密钥), for [`AuthScheme::PayV2Sign`].
///
/// Signing a request fills the app and merchant ids where the request leaves them empty (a
/// request naming another merchant is refused), adds `nonce_str` (the driver's fresh nonce),
/// `sign_type` for HMAC-SHA256, and `sign`. Red packets and transfers take MD5 only and are
/// signed so whatever the signer's type. Verifying an answer whose `return_code` is `SUCCESS`
/// requires its `sign` to match (constant-time) before anything parses it; red packet and
/// transfer answers carry none.
///
/// ```
/// use wechat_core::Secret;
/// use wechat_core::api::pay::v2::{PayV2Signer, SignType};
///
/// let merchant = PayV2Signer::new("1900000109", "wx2421b1c4370ec43b", Secret::new("API-KEY"))
///     .with_sign_type(SignType::HmacSha256);
/// assert!(!format!("{merchant:?}").contains("API-KEY"));
/// let auth = merchant.auth(); // client.with_auth(auth).call(&order).await?
/// # let _ = auth;
/// ```
#[derive(Clone)]
pub struct PayV2Signer {
    mch_id: String,
    appid: String,
    key: Secret,
    sign_type: SignType,
}

impl fmt::Debug for PayV2Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PayV2Signer")
            .field("mch_id", &self.mch_id)
            .field("appid", &self.appid)
            .field("key", &"[redacted]")
            .field("sign_type", &self.sign_type)
            .finish()
    }
}

impl PayV2Signer {
    /// A merchant signing with MD5.
    pub fn new(mch_id: impl Into<String>, appid: impl Into<String>, api_key: Secret) -> Self {
        Self {
            mch_id: mch_id.into(),
            appid: appid.into(),
            key: api_key,
            sign_type: SignType::Md5,
        }
    }

    /// Signs with `sign_type` instead.
    pub fn with_sign_type(mut self, sign_type: SignType) -> Self {
        self.sign_type = sign_type;
        self
    }

    /// The merchant id (`mch_id`).
    pub fn mch_id(&self) -> &str {
        &self.mch_id
    }

    /// The app id the merchant's calls name.
    pub fn appid(&self) -> &str {
        &self.appid
    }

    /// How requests are signed.
    pub fn sign_type(&self) -> SignType {
        self.sign_type
    }

    /// Who a pay client calls as: this merchant, for `client.with_auth(..)`.
    pub fn auth(self) -> Auth {
        Auth::Signer(Arc::new(self))
    }

    /// The `sign` of fields with this merchant's key.
    pub fn sign<'a>(
        &self,
        fields: impl IntoIterator<Item = (&'a str, &'a str)>,
        sign_type: SignType,
    ) -> String {
        sign(fields, &self.key, sign_type)
    }

    /// Whether fields carry a `sign` made with this merchant's key, in constant time.
    pub fn verify_fields(&self, fields: &BTreeMap<String, String>, sign_type: SignType) -> bool {
        verify(fields, &self.key, sign_type)
    }

    pub(crate) fn key(&self) -> &Secret {
        &self.key
    }

    /// Signs a built v2 request in place with `nonce` as its `nonce_str`: what the driver does in
    /// its auth step, for callers that do their own IO.
    pub fn sign_request(&self, request: &mut http::Request<Vec<u8>>, nonce: &str) -> Result<()> {
        let meta = crate::endpoint::meta_of(request)
            .ok_or_else(|| Error::Build("the request carries no endpoint".into()))?;
        if meta.auth != AuthScheme::PayV2Sign {
            return Err(Error::Build(format!(
                "{} is not a WeChat Pay v2 call ({:?})",
                meta.name, meta.auth
            )));
        }
        if nonce.is_empty() || nonce.len() > 32 {
            return Err(Error::Build("nonce_str takes 1 to 32 characters".into()));
        }
        let mut fields = xml_fields(request.body())
            .map_err(|e| Error::Build(format!("{}: the body is not v2 XML: {e}", meta.name)))?;
        let (app_field, mch_field) = id_fields(meta.path);
        match fields.get(mch_field).map(String::as_str) {
            None | Some("") => {
                fields.insert(mch_field.into(), self.mch_id.clone());
            }
            Some(other) if other != self.mch_id => {
                return Err(Error::Build(format!(
                    "{}: {mch_field} {other} is not this signer's merchant {}",
                    meta.name, self.mch_id
                )));
            }
            Some(_) => {}
        }
        if fields.get(app_field).is_none_or(String::is_empty) {
            fields.insert(app_field.into(), self.appid.clone());
        }
        let sign_type = if md5_only(meta.path) {
            fields.remove("sign_type");
            SignType::Md5
        } else {
            match self.sign_type {
                SignType::Md5 => fields.remove("sign_type"),
                SignType::HmacSha256 => {
                    fields.insert("sign_type".into(), SignType::HmacSha256.as_str().into())
                }
            };
            self.sign_type
        };
        fields.insert("nonce_str".into(), nonce.into());
        fields.remove("sign");
        let signature = self.sign(
            fields.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            sign_type,
        );
        fields.insert("sign".into(), signature);
        *request.body_mut() = write_xml(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        Ok(())
    }

    /// Checks an answer's `sign` before it is parsed: answers whose `return_code` is `SUCCESS`
    /// must carry a matching one (red packet and transfer answers carry none); a `FAIL` answer
    /// has none and goes on to the envelope check.
    pub fn verify_answer(&self, meta: &Meta, response: &http::Response<Vec<u8>>) -> Result<()> {
        if meta.auth != AuthScheme::PayV2Sign || md5_only(meta.path) {
            return Ok(());
        }
        let Ok(fields) = xml_fields(response.body()) else {
            // Not v2 XML (an HTML error page): the envelope check says what it is.
            return Ok(());
        };
        if fields.get("return_code").map(String::as_str) != Some("SUCCESS") {
            return Ok(());
        }
        if !fields.contains_key("sign") {
            return Err(Error::Signature(format!(
                "merchant {}: the answer of {} carries no sign",
                self.mch_id, meta.path
            )));
        }
        if self.verify_fields(&fields, self.sign_type) {
            Ok(())
        } else {
            Err(Error::Signature(format!(
                "merchant {}: the sign of the answer of {} does not match ({})",
                self.mch_id,
                meta.path,
                self.sign_type.as_str()
            )))
        }
    }
}

impl Signer for PayV2Signer {
    fn id(&self) -> &str {
        &self.mch_id
    }

    fn sign<'a>(
        &'a self,
        request: &'a mut http::Request<Vec<u8>>,
        context: SignContext<'a>,
    ) -> BoxFuture<'a, Result<()>> {
        Box::pin(std::future::ready(
            self.sign_request(request, context.nonce),
        ))
    }

    fn verify<'a>(
        &'a self,
        meta: &'a Meta,
        response: &'a http::Response<Vec<u8>>,
    ) -> BoxFuture<'a, Result<()>> {
        Box::pin(std::future::ready(self.verify_answer(meta, response)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_to_sign_skips_sign_and_empty_values() {
        let s = string_to_sign([("b", "2"), ("sign", "X"), ("a", "1"), ("c", "")], "KEY");
        assert_eq!(s, "a=1&b=2&key=KEY");
    }

    #[test]
    fn flat_xml_reads_text_and_cdata() {
        let f = xml_fields(
            b"<xml><a><![CDATA[x<y]]></a><b>1</b><c><![CDATA[]]></c><d>a&amp;b</d></xml>",
        )
        .unwrap();
        assert_eq!(f["a"], "x<y");
        assert_eq!(f["b"], "1");
        assert_eq!(f["c"], "");
        assert_eq!(f["d"], "a&b");
        let back = write_xml(f.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(xml_fields(&back).unwrap(), f);
    }
}
