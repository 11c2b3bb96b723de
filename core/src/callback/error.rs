//! The one error type of the callback pipeline.

/// Why a callback request, a message or a piece of ciphertext was refused.
///
/// Every variant is safe to log: none carries a secret, a key or a plaintext.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CallbackError {
    /// The EncodingAESKey is not 43 base64 characters decoding to 32 bytes.
    #[error("the EncodingAESKey must be 43 base64 characters")]
    InvalidAesKey,
    /// A session key or IV (Mini Program `encryptedData`) has the wrong size or encoding.
    #[error("invalid {0}: expected base64 of 16 bytes")]
    InvalidKeyMaterial(&'static str),
    /// A query parameter the request needs is missing.
    #[error("missing query parameter `{0}`")]
    MissingParameter(&'static str),
    /// A query parameter is present but malformed (not UTF-8, not a number, ...).
    #[error("malformed query parameter `{0}`")]
    InvalidParameter(&'static str),
    /// `signature` or `msg_signature` does not match.
    #[error("signature mismatch")]
    SignatureMismatch,
    /// The request's timestamp is outside the configured window around `now`.
    #[error("timestamp {timestamp} is more than {window_s} s away from now ({now})")]
    StaleTimestamp {
        /// The request's timestamp (Unix seconds).
        timestamp: u64,
        /// The caller's clock (Unix seconds).
        now: u64,
        /// The allowed distance in seconds.
        window_s: u64,
    },
    /// The body is larger than the configured limit.
    #[error("body of {size} bytes exceeds the limit of {limit} bytes")]
    BodyTooLarge {
        /// Body size in bytes.
        size: usize,
        /// Configured limit in bytes.
        limit: usize,
    },
    /// Only GET (URL verification) and POST (pushes) are callbacks.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The request is encrypted (or the platform always encrypts) but no EncodingAESKey is configured.
    #[error("the request is encrypted but no EncodingAESKey is configured")]
    EncryptionNotConfigured,
    /// The handler requires encrypted pushes and this one was plain.
    #[error("plain-text push refused: encryption is required")]
    EncryptionRequired,
    /// The encrypted body has no `Encrypt` field.
    #[error("the body has no Encrypt field")]
    MissingEncrypt,
    /// Ciphertext that is not valid base64.
    #[error("ciphertext is not valid base64")]
    InvalidBase64,
    /// Ciphertext whose length, padding or framing is wrong (or a wrong key).
    #[error("ciphertext could not be decrypted")]
    InvalidCiphertext,
    /// The decrypted receiver id (corp id, app id, suite id) is not ours.
    #[error("the message is addressed to another receiver id")]
    ReceiverIdMismatch,
    /// A Mini Program `encryptedData` watermark names another app id.
    #[error("the watermark app id does not match")]
    WatermarkMismatch,
    /// Text that should be UTF-8 is not.
    #[error("invalid UTF-8")]
    InvalidUtf8,
    /// The body is neither well-formed XML nor JSON of the expected shape.
    #[error("malformed body: {0}")]
    Malformed(String),
}

impl CallbackError {
    /// The HTTP status an adapter should answer with.
    ///
    /// WeChat only looks at the body of a 200 answer; any other status makes it retry or
    /// report the URL as failing, which is what a rejected request deserves.
    pub fn status(&self) -> http::StatusCode {
        use http::StatusCode as S;
        match self {
            Self::SignatureMismatch | Self::StaleTimestamp { .. } | Self::ReceiverIdMismatch => {
                S::FORBIDDEN
            }
            Self::BodyTooLarge { .. } => S::PAYLOAD_TOO_LARGE,
            Self::MethodNotAllowed => S::METHOD_NOT_ALLOWED,
            Self::InvalidAesKey | Self::EncryptionNotConfigured => S::INTERNAL_SERVER_ERROR,
            _ => S::BAD_REQUEST,
        }
    }
}
