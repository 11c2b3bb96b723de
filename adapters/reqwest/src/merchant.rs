//! WeChat Pay merchants: a client that calls as the merchant's signer, its HTTP client carrying
//! the merchant's client certificate when refunds, red packets or transfers are called.

use wechat_core::{Auth, Hosts, Result, RetryPolicy};

use crate::builder::Client;
use crate::http::{HttpOptions, ReqwestClient};
use crate::runtime::{SystemRuntime, memory_store};

/// A WeChat Pay merchant: `auth` is its signer (`PayV2Signer::auth()`, or a v3
/// [`Merchant::auth`](wechat_core::api::pay::v3::Merchant::auth) with keys from [`crate::pay`]).
/// One merchant, one client:
/// the client certificate belongs to the merchant, so clients of different merchants never share
/// an HTTP client.
///
/// ```no_run
/// # fn demo() -> wechat_core::Result<()> {
/// use wechat_core::Secret;
/// use wechat_core::api::pay::v2::PayV2Signer;
/// let signer = PayV2Signer::new("1900000109", "wx...", Secret::new("API key"));
/// let client = wechat_reqwest::merchant(signer.auth())
///     .client_certificate_pem(
///         &std::fs::read("apiclient_cert.pem").unwrap(),
///         &std::fs::read("apiclient_key.pem").unwrap(),
///     )?
///     .build()?;
/// # let _ = client; Ok(()) }
/// ```
pub fn merchant(auth: Auth) -> MerchantBuilder {
    MerchantBuilder {
        auth,
        hosts: None,
        http_options: HttpOptions::default(),
        retry: None,
    }
}

/// Options of a merchant's client; [`MerchantBuilder::build`] makes it.
#[derive(Debug)]
#[must_use]
pub struct MerchantBuilder {
    auth: Auth,
    hosts: Option<Result<Hosts>>,
    http_options: HttpOptions,
    retry: Option<RetryPolicy>,
}

impl MerchantBuilder {
    /// Points every host at one base URL (a reverse proxy, the emulator).
    pub fn api_base(mut self, base: &str) -> Self {
        self.hosts = Some(Hosts::all(base));
        self
    }

    /// The HTTP options (timeouts, proxy); a client certificate set before stays.
    pub fn http_options(mut self, options: HttpOptions) -> Self {
        let keep = std::mem::replace(&mut self.http_options, options);
        if keep.has_client_certificate() && !self.http_options.has_client_certificate() {
            self.http_options = self.http_options.with_identity_of(keep);
        }
        self
    }

    /// The merchant's client certificate and key, PEM (`apiclient_cert.pem`,
    /// `apiclient_key.pem`): see [`HttpOptions::client_certificate_pem`].
    pub fn client_certificate_pem(mut self, cert_pem: &[u8], key_pem: &[u8]) -> Result<Self> {
        self.http_options = self
            .http_options
            .client_certificate_pem(cert_pem, key_pem)?;
        Ok(self)
    }

    /// The merchant's client certificate and key from a PKCS#12 file (`apiclient_cert.p12`, DER;
    /// password: the merchant id by WeChat Pay's convention): see
    /// [`HttpOptions::client_certificate_pkcs12`]. Feature `pkcs12`.
    #[cfg(feature = "pkcs12")]
    pub fn client_certificate_pkcs12(mut self, der: &[u8], password: &str) -> Result<Self> {
        self.http_options = self.http_options.client_certificate_pkcs12(der, password)?;
        Ok(self)
    }

    /// Retries after transient failures (`SYSTEMERROR`, HTTP 5xx, transport), for the calls that
    /// are safe to repeat.
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = Some(retry);
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client> {
        let http: ReqwestClient = self.http_options.build()?;
        let mut client = wechat_core::Client::new(self.auth, http, memory_store(), SystemRuntime);
        if let Some(hosts) = self.hosts {
            client = client.with_hosts(hosts?);
        }
        if let Some(retry) = self.retry {
            client = client.with_retry(retry);
        }
        Ok(client)
    }
}
