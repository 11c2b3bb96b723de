//! The HTTP client: reqwest with rustls, timeouts, no redirects, proxy settings.

use std::time::{Duration, Instant};

use tracing::Instrument;
use wechat_core::client::{HttpClient, MaybeSend};
use wechat_core::{Error, Result, Secret};

/// A [`HttpClient`] on reqwest (rustls, no native TLS). Cheap to clone: clones share one connection
/// pool, so several apps in one process can use one.
///
/// Transport errors never carry the URL: WeChat URLs carry access tokens.
#[derive(Clone, Debug)]
pub struct ReqwestClient {
    inner: reqwest::Client,
}

impl ReqwestClient {
    /// A client with the default [`HttpOptions`].
    pub fn new() -> Result<Self> {
        HttpOptions::default().build()
    }

    /// Options to build a client with.
    pub fn options() -> HttpOptions {
        HttpOptions::default()
    }

    /// Wraps a reqwest client built elsewhere. Turn its redirects off
    /// (`redirect(reqwest::redirect::Policy::none())`): WeChat never redirects an API call, and a
    /// redirect would carry the token elsewhere.
    pub fn from_reqwest(inner: reqwest::Client) -> Self {
        Self { inner }
    }

    /// The reqwest client underneath.
    pub fn inner(&self) -> &reqwest::Client {
        &self.inner
    }
}

#[derive(Clone, Debug, Default)]
enum ProxySetting {
    /// `HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY` and the system's settings.
    #[default]
    System,
    /// Direct connections only.
    Off,
    /// Every request through this proxy (its URL may hold a password: kept redacted).
    All(Secret),
}

/// Settings of a [`ReqwestClient`].
#[derive(Clone, Debug)]
pub struct HttpOptions {
    timeout: Duration,
    connect_timeout: Duration,
    proxy: ProxySetting,
    user_agent: String,
    /// The client certificate and its key, PEM (a WeChat Pay merchant's `apiclient_cert.pem`
    /// and `apiclient_key.pem`).
    identity: Option<Secret>,
    /// Roots to trust instead of the system's.
    roots: Vec<reqwest::Certificate>,
}

impl Default for HttpOptions {
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            proxy: ProxySetting::System,
            user_agent: concat!("wechat-rs/", env!("CARGO_PKG_VERSION")).to_owned(),
            identity: None,
            roots: Vec::new(),
        }
    }
}

impl HttpOptions {
    /// The whole request, connection to last byte (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// Connecting (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// Sends every request through this proxy (`http://user:pass@host:port`, `socks5://...` is
    /// not built in). By default the environment's `HTTPS_PROXY` / `NO_PROXY` apply.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = ProxySetting::All(Secret::new(url.into()));
        self
    }

    /// Connects directly, ignoring the environment's proxy settings.
    pub fn no_proxy(mut self) -> Self {
        self.proxy = ProxySetting::Off;
        self
    }

    /// The `User-Agent` header.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Trusts only the certificates of this PEM bundle as TLS roots, instead of the system's: for
    /// a private gateway, or the emulator's HTTPS listener. WeChat's hosts need no such setting.
    /// Each call adds its certificates.
    pub fn trust_only_roots_pem(mut self, pem: &[u8]) -> Result<Self> {
        let certificates = reqwest::Certificate::from_pem_bundle(pem).map_err(|e| {
            Error::Build(format!("the root certificates do not load: {}", chain(&e)))
        })?;
        if certificates.is_empty() {
            return Err(Error::Build(
                "no PEM certificate in the root certificates".into(),
            ));
        }
        self.roots.extend(certificates);
        Ok(self)
    }

    /// Presents this client certificate (mutual TLS): a WeChat Pay merchant's
    /// `apiclient_cert.pem` and `apiclient_key.pem`, which refunds, red packets and transfers
    /// need. One merchant, one client. Checked here, so a bad file fails at once; the key is
    /// never printed.
    ///
    /// The merchant platform also gives the pair as `apiclient_cert.p12`: see
    /// `client_certificate_pkcs12` (feature `pkcs12`).
    pub fn client_certificate_pem(mut self, cert_pem: &[u8], key_pem: &[u8]) -> Result<Self> {
        let mut pem = Vec::with_capacity(cert_pem.len() + key_pem.len() + 1);
        pem.extend_from_slice(cert_pem);
        if !pem.ends_with(b"\n") {
            pem.push(b'\n');
        }
        pem.extend_from_slice(key_pem);
        let text = String::from_utf8(pem)
            .map_err(|_| Error::Build("the client certificate is not PEM text".into()))?;
        if !text.contains("-----BEGIN CERTIFICATE-----") || !text.contains("PRIVATE KEY-----") {
            return Err(Error::Build(
                "the client certificate needs a PEM certificate and its PEM private key".into(),
            ));
        }
        reqwest::Identity::from_pem(text.as_bytes()).map_err(|e| {
            Error::Build(format!(
                "the client certificate does not load: {}",
                chain(&e)
            ))
        })?;
        self.identity = Some(Secret::new(text));
        Ok(self)
    }

    /// Presents the client certificate and key of a PKCS#12 file (DER), such as the merchant's
    /// `apiclient_cert.p12`, whose password is the merchant id by WeChat Pay's convention. Both
    /// PBES2/AES files and the legacy RC2/3DES ones open. A wrong password is an error that says
    /// nothing of the key. Feature `pkcs12`.
    #[cfg(feature = "pkcs12")]
    pub fn client_certificate_pkcs12(self, der: &[u8], password: &str) -> Result<Self> {
        let (certs, key) = crate::pkcs12::Pkcs12::open(der, password)?.identity_pem()?;
        self.client_certificate_pem(certs.as_bytes(), key.expose().as_bytes())
    }

    /// These options with the client certificate of `other`.
    pub(crate) fn with_identity_of(mut self, other: HttpOptions) -> Self {
        self.identity = other.identity;
        self
    }

    /// Whether a client certificate is set.
    pub fn has_client_certificate(&self) -> bool {
        self.identity.is_some()
    }

    /// Builds the client.
    pub fn build(self) -> Result<ReqwestClient> {
        let mut builder = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .user_agent(self.user_agent);
        match &self.proxy {
            ProxySetting::System => {}
            ProxySetting::Off => builder = builder.no_proxy(),
            ProxySetting::All(url) => {
                // The URL may hold a password: never echo it.
                let proxy = reqwest::Proxy::all(url.expose())
                    .map_err(|_| Error::Build("invalid proxy URL".into()))?;
                builder = builder.proxy(proxy);
            }
        }
        if let Some(pem) = &self.identity {
            let identity = reqwest::Identity::from_pem(pem.expose().as_bytes()).map_err(|e| {
                Error::Build(format!(
                    "the client certificate does not load: {}",
                    chain(&e)
                ))
            })?;
            builder = builder.identity(identity);
        }
        if !self.roots.is_empty() {
            builder = builder.tls_certs_only(self.roots.iter().cloned());
        }
        let inner = builder
            .build()
            .map_err(|e| Error::Build(format!("cannot build the HTTP client: {}", chain(&e))))?;
        Ok(ReqwestClient { inner })
    }
}

/// What a request is, for spans: the name of the endpoint it was built for (no query: it holds
/// tokens and secrets), from its extensions, and whether it fetches a credential.
fn describe<B>(request: &http::Request<B>) -> (&'static str, bool) {
    match wechat_core::endpoint::meta_of(request) {
        Some(meta) => (
            meta.name.rsplit("::").next().unwrap_or(meta.name),
            meta.area == "credential",
        ),
        None => ("untyped", false),
    }
}

impl HttpClient for ReqwestClient {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> impl Future<Output = Result<http::Response<Vec<u8>>>> + MaybeSend {
        let path = request.uri().path().to_owned();
        let (endpoint, token_fetch) = describe(&request);
        let span = tracing::debug_span!(
            "wechat.http",
            method = %request.method(),
            host = request.uri().host().unwrap_or_default(),
            path = %path,
            endpoint,
            kind = if token_fetch { "token_refresh" } else { "call" },
        );
        let inner = self.inner.clone();
        async move {
            let started = Instant::now();
            let result = execute(&inner, request).await;
            let elapsed_ms = started.elapsed().as_millis() as u64;
            match &result {
                Ok(response) => tracing::debug!(
                    status = response.status().as_u16(),
                    elapsed_ms,
                    bytes = response.body().len(),
                    "response"
                ),
                Err(e) => tracing::debug!(error = %e, elapsed_ms, "request failed"),
            }
            result
        }
        .instrument(span)
    }
}

async fn execute(
    client: &reqwest::Client,
    request: http::Request<Vec<u8>>,
) -> Result<http::Response<Vec<u8>>> {
    let request = reqwest::Request::try_from(request).map_err(transport)?;
    let response = client.execute(request).await.map_err(transport)?;
    let status = response.status();
    let version = response.version();
    let headers = response.headers().clone();
    let body = response.bytes().await.map_err(transport)?;
    let mut out = http::Response::new(body.to_vec());
    *out.status_mut() = status;
    *out.version_mut() = version;
    *out.headers_mut() = headers;
    Ok(out)
}

/// A transport error with the URL stripped (it carries the access token), and its causes.
fn transport(e: reqwest::Error) -> Error {
    let e = e.without_url();
    if e.is_timeout() {
        return Error::Transport("timed out".into());
    }
    Error::Transport(chain(&e))
}

fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut msg = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !msg.ends_with(&text) {
            msg.push_str(": ");
            msg.push_str(&text);
        }
        source = s.source();
    }
    msg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_endpoints_are_told_apart() {
        use wechat_core::api::oa::basic::GetApiDomainIp;
        use wechat_core::endpoint::build_request;
        use wechat_core::token::endpoints::GetWorkAccessToken;
        let hosts = wechat_core::Hosts::default();
        let work = GetWorkAccessToken {
            corpid: "ww1".into(),
            corpsecret: "S".into(),
        };
        assert_eq!(
            describe(&build_request(&hosts, &work).unwrap()),
            ("GetWorkAccessToken", true)
        );
        assert!(!describe(&build_request(&hosts, &GetApiDomainIp {}).unwrap()).1);
        assert_eq!(describe(&http::Request::new(())), ("untyped", false));
    }

    #[test]
    fn proxy_url_is_redacted() {
        let o = HttpOptions::default().proxy("http://user:hunter2@proxy:3128");
        assert!(!format!("{o:?}").contains("hunter2"));
        let e = HttpOptions::default()
            .proxy("::not a url hunter2")
            .build()
            .unwrap_err();
        assert!(!e.to_string().contains("hunter2"));
    }
}
