//! Pushing callbacks to a bot, as WeChat's servers do: signed plaintext now, and a hook for the
//! encrypted ("safe mode") envelope, which the SDK's callback crypto provides.

use std::fmt;

use sha1::{Digest, Sha1};

/// `signature` / `msg_signature` as WeChat computes it: hex SHA-1 of the sorted, concatenated parts.
///
/// For a plaintext push the parts are `token, timestamp, nonce`; for an encrypted one they are
/// `token, timestamp, nonce, encrypt` (the `Encrypt` field of the envelope).
pub fn signature(parts: &[&str]) -> String {
    let mut sorted: Vec<&str> = parts.to_vec();
    sorted.sort_unstable();
    let mut hasher = Sha1::new();
    for part in sorted {
        hasher.update(part.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// A message to push to a callback URL.
#[derive(Clone, Debug)]
pub struct CallbackPush {
    /// The bot's callback URL (plain `http://`, typically on loopback).
    pub url: String,
    /// The callback token configured for the account (the `Token` of the server settings).
    pub token: String,
    /// The plaintext message: XML (`<xml>...</xml>`) or JSON.
    pub body: String,
    /// Content type of the POST; `text/xml` unless set.
    pub content_type: String,
    /// Unix seconds; the emulator's clock when `None`.
    pub timestamp: Option<i64>,
    /// A random nonce when `None`.
    pub nonce: Option<String>,
    /// Extra query parameters WeChat adds (e.g. `openid` for Official Accounts).
    pub query: Vec<(String, String)>,
}

impl CallbackPush {
    /// An XML message.
    pub fn xml(url: impl Into<String>, token: impl Into<String>, body: impl Into<String>) -> Self {
        CallbackPush {
            url: url.into(),
            token: token.into(),
            body: body.into(),
            content_type: "text/xml".into(),
            timestamp: None,
            nonce: None,
            query: Vec::new(),
        }
    }

    /// A JSON message (Mini Program message push in JSON mode).
    pub fn json(url: impl Into<String>, token: impl Into<String>, body: impl Into<String>) -> Self {
        CallbackPush {
            content_type: "application/json".into(),
            ..CallbackPush::xml(url, token, body)
        }
    }

    /// Adds a query parameter, e.g. `("openid", "o...")`.
    pub fn with_query(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push((key.into(), value.into()));
        self
    }

    /// Fixes the timestamp (Unix seconds).
    pub fn with_timestamp(mut self, timestamp: i64) -> Self {
        self.timestamp = Some(timestamp);
        self
    }

    /// Fixes the nonce.
    pub fn with_nonce(mut self, nonce: impl Into<String>) -> Self {
        self.nonce = Some(nonce.into());
        self
    }
}

/// The encrypted envelope of a message and its `msg_signature`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedCallback {
    /// The body to POST, e.g. `<xml><ToUserName>..</ToUserName><Encrypt>..</Encrypt></xml>`.
    pub body: Vec<u8>,
    /// `msg_signature` for the query string.
    pub msg_signature: String,
}

/// Hook for encrypted pushes: turns a plaintext message into WeChat's AES envelope.
///
/// The emulator does not do the AES part itself; the SDK's callback crypto implements this trait
/// (key = base64(EncodingAESKey + "="), AES-256-CBC, receiver id appended, `msg_signature` over
/// token, timestamp, nonce and the `Encrypt` value).
pub trait CallbackSealer: Send + Sync {
    fn seal(
        &self,
        plaintext: &[u8],
        timestamp: &str,
        nonce: &str,
    ) -> Result<SealedCallback, String>;
}

/// What the bot answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallbackResponse {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl CallbackResponse {
    /// The body as text (lossy).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A push that could not be delivered (connection refused, bad URL, sealing failed, ...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PushError(pub String);

impl fmt::Display for PushError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "callback push failed: {}", self.0)
    }
}

impl std::error::Error for PushError {}

/// POSTs the message; `sealer` turns it into an encrypted push.
pub(crate) async fn push(
    push: &CallbackPush,
    timestamp: i64,
    nonce: &str,
    sealer: Option<&dyn CallbackSealer>,
) -> Result<CallbackResponse, PushError> {
    let ts = timestamp.to_string();
    let mut query: Vec<(String, String)> = vec![
        ("signature".into(), signature(&[&push.token, &ts, nonce])),
        ("timestamp".into(), ts.clone()),
        ("nonce".into(), nonce.to_owned()),
    ];
    query.extend(push.query.iter().cloned());
    let body = match sealer {
        Some(sealer) => {
            let sealed = sealer
                .seal(push.body.as_bytes(), &ts, nonce)
                .map_err(PushError)?;
            query.push(("encrypt_type".into(), "aes".into()));
            query.push(("msg_signature".into(), sealed.msg_signature));
            sealed.body
        }
        None => push.body.clone().into_bytes(),
    };

    let mut url = push.url.clone();
    let encoded: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(query.iter())
        .finish();
    url.push(if url.contains('?') { '&' } else { '?' });
    url.push_str(&encoded);

    let client = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| PushError(e.to_string()))?;
    let response = client
        .post(url)
        .header("content-type", push.content_type.as_str())
        .body(body)
        .send()
        .await
        .map_err(|e| PushError(e.to_string()))?;
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let body = response
        .bytes()
        .await
        .map_err(|e| PushError(e.to_string()))?
        .to_vec();
    Ok(CallbackResponse {
        status,
        content_type,
        body,
    })
}

/// The plaintext `component_verify_ticket` push WeChat sends a third-party platform every 10 minutes.
pub fn component_verify_ticket_xml(
    component_appid: &str,
    ticket: &str,
    create_time: i64,
) -> String {
    format!(
        "<xml><AppId><![CDATA[{component_appid}]]></AppId><CreateTime>{create_time}</CreateTime>\
         <InfoType><![CDATA[component_verify_ticket]]></InfoType>\
         <ComponentVerifyTicket><![CDATA[{ticket}]]></ComponentVerifyTicket></xml>"
    )
}

/// The plaintext `suite_ticket` push WeCom sends a third-party suite every 10 minutes.
pub fn suite_ticket_xml(suite_id: &str, ticket: &str, timestamp: i64) -> String {
    format!(
        "<xml><SuiteId><![CDATA[{suite_id}]]></SuiteId>\
         <InfoType><![CDATA[suite_ticket]]></InfoType><TimeStamp>{timestamp}</TimeStamp>\
         <SuiteTicket><![CDATA[{ticket}]]></SuiteTicket></xml>"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_sorts_parts() {
        // sha1("123abctoken") — the parts sorted byte-wise and joined.
        let expected = {
            let mut h = Sha1::new();
            h.update(b"123abctoken");
            hex::encode(h.finalize())
        };
        assert_eq!(signature(&["token", "123", "abc"]), expected);
        assert_eq!(signature(&["abc", "token", "123"]), expected);
    }
}
