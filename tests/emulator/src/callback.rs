//! Pushing callbacks to a bot, as WeChat's servers do: signed, and encrypted in safe mode, built by
//! the SDK's [`Pusher`].

use std::fmt;

use wechat_core::Secret;
use wechat_core::callback::{MessageCrypto, Platform, Pusher};

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
    /// Which platform pushes (WeCom signs only with `msg_signature` and always encrypts).
    pub platform: Platform,
    /// Safe mode: the EncodingAESKey and the receiver id (app id, corp id) of the bot.
    pub encryption: Option<(String, String)>,
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
            platform: Platform::OfficialAccount,
            encryption: None,
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

    /// Encrypts the push (safe mode) with the bot's EncodingAESKey and receiver id.
    pub fn encrypted(mut self, aes_key: impl Into<String>, receiver_id: impl Into<String>) -> Self {
        self.encryption = Some((aes_key.into(), receiver_id.into()));
        self
    }

    /// Pushes as another platform (WeCom: `msg_signature` only, always encrypted).
    pub fn for_platform(mut self, platform: Platform) -> Self {
        self.platform = platform;
        self
    }

    /// Fixes the nonce.
    pub fn with_nonce(mut self, nonce: impl Into<String>) -> Self {
        self.nonce = Some(nonce.into());
        self
    }
}

/// What the bot answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallbackResponse {
    pub status: u16,
    pub content_type: Option<String>,
    /// The answer as sent (encrypted in safe mode).
    pub body: Vec<u8>,
    /// The answer checked and decrypted (`success` and plain answers as they are); `None` when it
    /// could not be read.
    pub plaintext: Option<String>,
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

/// POSTs the message, signed, and encrypted when the push says so.
pub(crate) async fn push(
    push: &CallbackPush,
    timestamp: i64,
    nonce: &str,
    random: [u8; 16],
) -> Result<CallbackResponse, PushError> {
    let token = Secret::new(push.token.clone());
    let mut pusher = Pusher::new(push.platform, token.clone());
    if let Some((key, receiver)) = &push.encryption {
        let crypto = MessageCrypto::new(token, key, receiver.clone())
            .map_err(|e| PushError(e.to_string()))?;
        pusher = pusher.with_crypto(crypto);
    }
    let extra: Vec<(&str, &str)> = push
        .query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let timestamp = u64::try_from(timestamp).map_err(|_| PushError("negative timestamp".into()))?;
    let request = pusher
        .request(
            &push.url,
            push.body.as_bytes(),
            timestamp,
            nonce,
            random,
            &extra,
        )
        .map_err(|e| PushError(e.to_string()))?;

    let (status, content_type, body) = post(
        &request.uri().to_string(),
        &push.content_type,
        request.into_body(),
    )
    .await?;
    let plaintext = pusher
        .read_reply(&body)
        .ok()
        .map(|p| String::from_utf8_lossy(&p).into_owned());
    Ok(CallbackResponse {
        status,
        content_type,
        body,
        plaintext,
    })
}

/// POSTs `body` to `url` as WeChat's servers do (no proxy, no redirects); answers the status,
/// content type and body.
pub(crate) async fn post(
    url: &str,
    content_type: &str,
    body: Vec<u8>,
) -> Result<(u16, Option<String>, Vec<u8>), PushError> {
    let client = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| PushError(e.to_string()))?;
    let response = client
        .post(url)
        .header("content-type", content_type)
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
    Ok((status, content_type, body))
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

/// The plaintext `unauthorized` push WeChat sends a third-party platform when an account withdraws
/// its authorization.
pub fn unauthorized_xml(component_appid: &str, authorizer_appid: &str, create_time: i64) -> String {
    format!(
        "<xml><AppId><![CDATA[{component_appid}]]></AppId><CreateTime>{create_time}</CreateTime>\
         <InfoType><![CDATA[unauthorized]]></InfoType>\
         <AuthorizerAppid><![CDATA[{authorizer_appid}]]></AuthorizerAppid></xml>"
    )
}
