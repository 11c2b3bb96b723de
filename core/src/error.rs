//! Errors: what we failed to do, and what WeChat said no to.

use std::fmt;

/// An error code WeChat sent: a number (`errcode`, `base_resp.ret`), or a text (WeChat Pay's `code`
/// and `err_code`, such as `ORDERNOTEXIST`). The set is open: any value may arrive.
#[derive(Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum ErrCode {
    /// A numeric code.
    Number(i64),
    /// A textual code.
    Text(String),
}

impl ErrCode {
    /// `-1`: system busy, try again later.
    pub const SYSTEM_BUSY: Self = Self::Number(-1);
    /// `0`: success.
    pub const OK: Self = Self::Number(0);
    /// `40001`: invalid credential, or the access token is not the latest.
    pub const INVALID_CREDENTIAL: Self = Self::Number(40001);
    /// `40014`: invalid access token.
    pub const INVALID_ACCESS_TOKEN: Self = Self::Number(40014);
    /// `40164`: the caller's IP is not on the whitelist.
    pub const IP_NOT_WHITELISTED: Self = Self::Number(40164);
    /// `42001`: the access token expired.
    pub const ACCESS_TOKEN_EXPIRED: Self = Self::Number(42001);
    /// `45009`: the daily API quota is used up.
    pub const QUOTA_EXCEEDED: Self = Self::Number(45009);
    /// `89503`: the call waits for an administrator's confirmation.
    pub const ADMIN_CONFIRMATION: Self = Self::Number(89503);

    /// The numeric code, if it is one.
    pub fn number(&self) -> Option<i64> {
        match self {
            Self::Number(n) => Some(*n),
            Self::Text(_) => None,
        }
    }

    /// The token used was rejected: refresh it and retry once.
    pub fn is_token_rejected(&self) -> bool {
        matches!(self, Self::Number(40001 | 40014 | 42001))
    }

    /// A passing failure: back off and retry, where the endpoint is safe to repeat. WeChat Pay's
    /// `SYSTEMERROR` (v2 and v3) is one too.
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Number(n) => *n == -1,
            Self::Text(t) => t == "SYSTEMERROR" || t == "SYSTEM_ERROR",
        }
    }

    /// Retrying would burn quota or cannot help: never retry.
    pub fn is_never_retry(&self) -> bool {
        matches!(self, Self::Number(45009 | 40164 | 89503))
    }
}

impl From<i64> for ErrCode {
    fn from(n: i64) -> Self {
        Self::Number(n)
    }
}

impl From<&str> for ErrCode {
    fn from(t: &str) -> Self {
        Self::Text(t.to_owned())
    }
}

impl PartialEq<i64> for ErrCode {
    fn eq(&self, other: &i64) -> bool {
        *self == Self::Number(*other)
    }
}

impl fmt::Debug for ErrCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for ErrCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Number(n) => write!(f, "{n}"),
            Self::Text(t) => f.write_str(t),
        }
    }
}

/// WeChat answered with a non-zero `errcode`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("WeChat errcode {code}: {message}")]
pub struct ApiError {
    /// The `errcode`.
    pub code: ErrCode,
    /// The `errmsg`, as sent (it usually ends with the request id).
    pub message: String,
    /// The request id (`rid`) found in `errmsg`, for WeChat's support tools.
    pub rid: Option<String>,
}

impl ApiError {
    /// Builds the error from a code and its message (`errmsg`), extracting the `rid`.
    pub fn new(code: impl Into<ErrCode>, message: impl Into<String>) -> Self {
        let message = message.into();
        let rid = message
            .rfind("rid:")
            .map(|i| message[i + 4..].trim().to_owned())
            .filter(|r| !r.is_empty());
        Self {
            code: code.into(),
            message,
            rid,
        }
    }
}

/// Everything that can go wrong in the SDK.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request could not be built from its inputs.
    #[error("invalid request: {0}")]
    Build(String),
    /// WeChat said no.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// WeChat (or a proxy) answered with an HTTP error status.
    #[error("HTTP status {status}")]
    Status {
        /// The status code.
        status: u16,
        /// The first bytes of the body, lossily decoded.
        body: String,
    },
    /// The response did not have the expected shape.
    #[error("cannot decode the response: {message}")]
    Decode {
        /// What the decoder said.
        message: String,
        /// The first bytes of the body, lossily decoded (empty where it held a secret).
        body: String,
    },
    /// The HTTP client failed (connection, timeout, TLS). Carries no URL.
    #[error("transport: {0}")]
    Transport(String),
    /// A credential could not be obtained (missing ticket, refresh token, or a lease never freed).
    #[error("credential: {0}")]
    Credential(String),
    /// An answer's signature did not verify: the answer was not parsed.
    #[error("the answer's signature does not verify: {0}")]
    Signature(String),
}

impl Error {
    /// The WeChat error code, when WeChat said no.
    pub fn code(&self) -> Option<ErrCode> {
        match self {
            Error::Api(e) => Some(e.code.clone()),
            _ => None,
        }
    }

    /// Safe to try again after a back-off (-1, HTTP 5xx, transport failures).
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Api(e) => e.code.is_transient(),
            Error::Status { status, .. } => *status >= 500,
            Error::Transport(_) => true,
            _ => false,
        }
    }

    pub(crate) fn decode(message: impl fmt::Display, body: &[u8]) -> Self {
        Error::Decode {
            message: message.to_string(),
            body: snippet(body),
        }
    }
}

/// Up to 512 bytes of a body, for error messages.
pub(crate) fn snippet(body: &[u8]) -> String {
    let end = body.len().min(512);
    String::from_utf8_lossy(&body[..end]).into_owned()
}

/// Query parameters whose values are secrets.
const SECRET_PARAMS: &[&str] = &[
    "access_token",
    "component_access_token",
    "suite_access_token",
    "provider_access_token",
    "secret",
    "corpsecret",
    "appsecret",
    "js_code",
    "code",
    "key",
    "pay_sig",
    "signature",
];

/// Replaces the values of secret query parameters (`access_token=...`, `secret=...`) in a text, for
/// error messages that may quote a URL (an HTTP client's error, say).
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for name in SECRET_PARAMS {
            let Some(after) = rest.strip_prefix(name).and_then(|r| r.strip_prefix('=')) else {
                continue;
            };
            let boundary = out.is_empty() || out.ends_with(['?', '&', ' ', '"', '\'', '(', '\n']);
            if !boundary {
                continue;
            }
            let end = after
                .find(['&', '#', ' ', '"', '\'', ')', '\n'])
                .unwrap_or(after.len());
            out.push_str(name);
            out.push_str("=[redacted]");
            rest = &after[end..];
            continue 'scan;
        }
        let ch = rest.chars().next().unwrap_or_default();
        out.push(ch);
        rest = &rest[ch.len_utf8()..];
    }
    out
}

/// The SDK's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rid_is_extracted() {
        let e = ApiError::new(
            40001,
            "invalid credential, access_token is invalid or not latest rid: 6579a8d8-1f2e3d4c-5b6a7988",
        );
        assert_eq!(e.rid.as_deref(), Some("6579a8d8-1f2e3d4c-5b6a7988"));
        assert!(e.code.is_token_rejected());
        assert_eq!(ApiError::new(-1, "system error").rid, None);
    }

    #[test]
    fn redaction() {
        let e = "error sending request for url (https://api.weixin.qq.com/cgi-bin/x?access_token=AT_1&code=C9&openid=o1): timed out";
        assert_eq!(
            redact(e),
            "error sending request for url (https://api.weixin.qq.com/cgi-bin/x?access_token=[redacted]&code=[redacted]&openid=o1): timed out"
        );
        assert_eq!(redact("?secret=S"), "?secret=[redacted]");
        assert_eq!(redact("mysecret=S"), "mysecret=S");
        assert_eq!(redact("é access_token=x"), "é access_token=[redacted]");
    }

    #[test]
    fn classification() {
        assert!(ErrCode::Number(42001).is_token_rejected());
        assert!(ErrCode::Number(40014).is_token_rejected());
        assert!(ErrCode::Number(-1).is_transient());
        for c in [45009, 40164, 89503] {
            assert!(ErrCode::Number(c).is_never_retry());
            assert!(!ErrCode::Number(c).is_transient());
        }
        assert!(
            Error::Status {
                status: 502,
                body: String::new()
            }
            .is_transient()
        );
        assert!(
            !Error::Status {
                status: 404,
                body: String::new()
            }
            .is_transient()
        );
    }
}
