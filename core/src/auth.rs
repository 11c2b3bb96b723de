//! Auth schemes applied to built requests: what a client carries ([`Auth`]) and how its
//! credential reaches the request (a token or webhook key in the query, a [`Signer`]'s signature).
//!
//! The driver ([`crate::client`]) applies an endpoint's [`AuthScheme`] in one step after the
//! request is built, with `now` and a nonce from the runtime, and, for signed schemes, asks the
//! signer to verify the answer before anything parses it. Keys and signature inputs stay inside
//! the signer: errors and `Debug` output name the signer by its [`Signer::id`] only.

use std::fmt;
use std::sync::Arc;

use crate::client::{MaybeSend, MaybeSync};
use crate::endpoint::{AuthScheme, Meta, encode_component, meta_of};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::token::TokenFlow;

/// Signs requests and verifies answers for the signed schemes ([`AuthScheme::PayV3Signature`],
/// [`AuthScheme::PayV2Sign`], [`AuthScheme::XpaySignature`]): one per merchant or app key.
pub trait Signer: MaybeSend + MaybeSync {
    /// Names the signer in logs and errors (a merchant id, an app id): never a secret.
    fn id(&self) -> &str;

    /// Signs a built request in place: a header, query parameters or body fields.
    fn sign(&self, request: &mut http::Request<Vec<u8>>, context: &SignContext<'_>) -> Result<()>;

    /// Checks an answer before it is parsed; an error ([`Error::Signature`]) stops the call.
    fn verify(&self, meta: &Meta, response: &http::Response<Vec<u8>>) -> Result<()>;
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

/// Puts a token into a request built for a token-scheme endpoint, under the query parameter its
/// scheme names (`access_token`, `component_access_token`, ...).
pub fn add_token(request: &mut http::Request<Vec<u8>>, token: &Secret) -> Result<()> {
    let scheme = meta_of(request).map_or(AuthScheme::AccessToken, |m| m.auth);
    match scheme.query_name() {
        Some(name) if scheme.is_token() => add_query_first(request, name, token),
        _ => Err(Error::Build(format!("{scheme:?} takes no token"))),
    }
}

/// Puts `name=value` first in a request's query, as WeChat's documents write credentials.
pub fn add_query_first(
    request: &mut http::Request<Vec<u8>>,
    name: &str,
    value: &Secret,
) -> Result<()> {
    let uri = request.uri();
    let mut pq = String::with_capacity(uri.path().len() + name.len() + value.expose().len() + 64);
    pq.push_str(uri.path());
    pq.push('?');
    pq.extend(encode_component(name));
    pq.push('=');
    pq.extend(encode_component(value.expose()));
    if let Some(q) = uri.query().filter(|q| !q.is_empty()) {
        pq.push('&');
        pq.push_str(q);
    }
    let mut parts = uri.clone().into_parts();
    parts.path_and_query = Some(
        pq.parse()
            .map_err(|_| Error::Build(format!("cannot add {name} to the URL")))?,
    );
    *request.uri_mut() =
        http::Uri::from_parts(parts).map_err(|_| Error::Build(format!("cannot add {name}")))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::oa::basic::GetApiDomainIp;
    use crate::endpoint::build_request;
    use crate::host::Hosts;

    #[test]
    fn token_goes_first() {
        let mut r = http::Request::new(Vec::new());
        *r.uri_mut() = "https://x/p?a=1&b=2".parse().unwrap();
        add_query_first(&mut r, "access_token", &Secret::new("T&1")).unwrap();
        assert_eq!(r.uri(), "https://x/p?access_token=T%261&a=1&b=2");
        let mut r = build_request(&Hosts::default(), &GetApiDomainIp {}).unwrap();
        add_token(&mut r, &Secret::new("T")).unwrap();
        assert_eq!(
            r.uri(),
            "https://api.weixin.qq.com/cgi-bin/get_api_domain_ip?access_token=T"
        );
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
