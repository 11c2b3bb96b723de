//! What a client calls as ([`Auth`]), and the [`Signer`]s of the signed auth schemes.
//!
//! The driver ([`crate::client`]) applies an endpoint's [`AuthScheme`] in one step after the
//! request is built, with `now` and a nonce from the runtime, and, for signed schemes, asks the
//! signer to verify the answer before anything parses it. Keys and signature inputs stay inside
//! the signer: errors and `Debug` output name the signer by its [`Signer::id`] only.

use std::fmt;
use std::sync::Arc;

use crate::client::{BoxFuture, MaybeSend, MaybeSync};
use crate::endpoint::Meta;
use crate::error::Result;
use crate::secret::Secret;
use crate::token::TokenFlow;
#[cfg(doc)]
use crate::{endpoint::AuthScheme, error::Error};

/// Signs requests and verifies answers for the signed schemes ([`AuthScheme::PayV3Signature`],
/// [`AuthScheme::PayV2Sign`], [`AuthScheme::XpaySignature`]): one per merchant or app key.
///
/// Both steps may wait: an RSA key can live behind an asynchronous API (Web Crypto on Workers,
/// a key service). Signers that only hash return a ready future
/// (`Box::pin(std::future::ready(..))`).
pub trait Signer: MaybeSend + MaybeSync {
    /// Names the signer in logs and errors (a merchant id, an app id): never a secret.
    fn id(&self) -> &str;

    /// Signs a built request in place: a header, query parameters or body fields.
    fn sign<'a>(
        &'a self,
        request: &'a mut http::Request<Vec<u8>>,
        context: SignContext<'a>,
    ) -> BoxFuture<'a, Result<()>>;

    /// Checks an answer before it is parsed; an error ([`Error::Signature`]) stops the call.
    fn verify<'a>(
        &'a self,
        meta: &'a Meta,
        response: &'a http::Response<Vec<u8>>,
    ) -> BoxFuture<'a, Result<()>>;
}

/// What a [`Signer`] gets besides the request: the endpoint, the time and a fresh nonce.
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct SignContext<'a> {
    /// The endpoint the request was built for.
    pub meta: &'static Meta,
    /// Now, Unix milliseconds, from the runtime's clock.
    pub now_ms: u64,
    /// 32 random alphanumeric characters from the runtime.
    pub nonce: &'a str,
}

impl<'a> SignContext<'a> {
    /// A context (for signers tested on their own).
    pub fn new(meta: &'static Meta, now_ms: u64, nonce: &'a str) -> Self {
        Self {
            meta,
            now_ms,
            nonce,
        }
    }
}

/// Who a client calls as: the credential it applies to the endpoints it calls.
#[derive(Clone)]
#[non_exhaustive]
pub enum Auth {
    /// Nobody: only endpoints whose scheme is [`AuthScheme::None`].
    None,
    /// A token flow: an app, a corp app, a platform, an authorizer, a suite...
    Token(TokenFlow),
    /// A WeCom group robot's webhook key.
    Webhook(Secret),
    /// A signer: a WeChat Pay merchant.
    Signer(Arc<dyn Signer>),
    /// An app's token flow and a signer: a Mini Program's virtual payment, whose calls carry the
    /// app's `access_token` and signatures of the body by its AppKey.
    TokenAndSigner(TokenFlow, Arc<dyn Signer>),
}

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Auth::None => f.write_str("None"),
            Auth::Token(flow) => f.debug_tuple("Token").field(&flow.key()).finish(),
            Auth::Webhook(_) => f.write_str("Webhook([redacted])"),
            Auth::Signer(s) => f.debug_tuple("Signer").field(&s.id()).finish(),
            Auth::TokenAndSigner(flow, s) => f
                .debug_tuple("TokenAndSigner")
                .field(&flow.key())
                .field(&s.id())
                .finish(),
        }
    }
}

impl From<TokenFlow> for Auth {
    fn from(flow: TokenFlow) -> Self {
        Auth::Token(flow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::oa::basic::ClearQuotaByAppSecret;
    use crate::api::oa::user::GetUserInfo;
    use crate::endpoint::build_request_with_token;
    use crate::host::Hosts;

    #[test]
    fn token_goes_first() {
        let r = build_request_with_token(
            &Hosts::default(),
            &GetUserInfo::new("o1"),
            &Secret::new("T&1"),
        )
        .unwrap();
        assert_eq!(
            r.uri(),
            "https://api.weixin.qq.com/cgi-bin/user/info?access_token=T%261&openid=o1"
        );
        let hosts = Hosts::default();
        let robot = ClearQuotaByAppSecret {
            appid: "wx1".into(),
            appsecret: Secret::new("S"),
        };
        assert!(build_request_with_token(&hosts, &robot, &Secret::new("T")).is_err());
    }

    #[test]
    fn debug_names_no_secret() {
        let a = Auth::Webhook(Secret::new("KEY-123"));
        assert!(!format!("{a:?}").contains("KEY-123"));
        let t = Auth::from(TokenFlow::Stable {
            appid: "wx1".into(),
            secret: Secret::new("S3CR3T"),
        });
        assert!(!format!("{t:?}").contains("S3CR3T"));
    }
}
