//! Ready clients in a few lines: one entry point per platform, one builder for the options.

use std::time::Duration;

use wechat_core::client::{HttpClient, Runtime, TokenStore};
use wechat_core::token::{ComponentApp, Policy, SuiteApp};
use wechat_core::{Auth, Error, Hosts, MemoryStore, Result, RetryPolicy, Secret, TokenFlow};

use crate::http::{HttpOptions, ReqwestClient};
use crate::runtime::{SystemRuntime, memory_store};

/// A WeChat client on reqwest and the system clock, with tokens in `S` (process memory by default,
/// or a [`wechat-redis`](https://docs.rs/wechat-redis) store shared by many processes).
pub type Client<S = MemoryStore> = wechat_core::Client<ReqwestClient, S, SystemRuntime>;

/// An Official Account (公众号): the stable access token by default.
///
/// ```no_run
/// # async fn demo() -> wechat_core::Result<()> {
/// use wechat_core::api::oa::basic::GetApiDomainIp;
/// let client = wechat_reqwest::official_account("wx...", "secret").build()?;
/// let ips = client.call(&GetApiDomainIp {}).await?;
/// # let _ = ips; Ok(()) }
/// ```
pub fn official_account(appid: impl Into<String>, secret: impl Into<Secret>) -> ClientBuilder {
    ClientBuilder::new(TokenFlow::Stable {
        appid: appid.into(),
        secret: secret.into(),
    })
}

/// A Mini Program (小程序): the stable access token by default.
pub fn mini_program(appid: impl Into<String>, secret: impl Into<Secret>) -> ClientBuilder {
    official_account(appid, secret)
}

/// A WeCom (企业微信) self-built app. `agent` names the app in store keys (its agent id, or
/// `contacts`...): WeCom issues one token per app secret, so each app needs its own name.
pub fn work(
    corpid: impl Into<String>,
    agent: impl Into<String>,
    secret: impl Into<Secret>,
) -> ClientBuilder {
    ClientBuilder::new(TokenFlow::Work {
        corpid: corpid.into(),
        agent: agent.into(),
        secret: secret.into(),
    })
}

/// An Open Platform third-party platform (开放平台 component). Store the
/// `component_verify_ticket` WeChat pushes with
/// [`save_component_verify_ticket`](wechat_core::Client::save_component_verify_ticket); reach
/// the accounts that authorized it with [`FlowExt::authorizer`].
pub fn component(appid: impl Into<String>, secret: impl Into<Secret>) -> ClientBuilder {
    ClientBuilder::new(TokenFlow::Component(ComponentApp {
        appid: appid.into(),
        secret: secret.into(),
    }))
}

/// A WeCom third-party suite. Store the `suite_ticket` WeCom pushes with
/// [`save_suite_ticket`](wechat_core::Client::save_suite_ticket); reach installing corps with
/// [`FlowExt::suite_corp`].
pub fn suite(suite_id: impl Into<String>, secret: impl Into<Secret>) -> ClientBuilder {
    ClientBuilder::new(TokenFlow::Suite(SuiteApp {
        suite_id: suite_id.into(),
        secret: secret.into(),
    }))
}

/// A WeCom service provider (`provider_access_token`).
pub fn provider(corpid: impl Into<String>, secret: impl Into<Secret>) -> ClientBuilder {
    ClientBuilder::new(TokenFlow::Provider {
        corpid: corpid.into(),
        secret: secret.into(),
    })
}

/// Options of a client; [`ClientBuilder::build`] makes it.
#[derive(Debug)]
#[must_use]
pub struct ClientBuilder<S = MemoryStore> {
    auth: Auth,
    classic: bool,
    store: S,
    hosts: Option<Result<Hosts>>,
    http: Option<ReqwestClient>,
    http_options: HttpOptions,
    policy: Option<Policy>,
    retry: Option<RetryPolicy>,
}

impl ClientBuilder {
    /// A builder for any credential flow, tokens in process memory.
    pub fn new(flow: TokenFlow) -> Self {
        Self::with_auth(Auth::Token(flow))
    }

    /// A builder for any credential ([`Auth`]): a token flow, a signer, a webhook key.
    pub fn with_auth(auth: Auth) -> Self {
        Self {
            auth,
            classic: false,
            store: memory_store(),
            hosts: None,
            http: None,
            http_options: HttpOptions::default(),
            policy: None,
            retry: None,
        }
    }
}

impl<S: TokenStore> ClientBuilder<S> {
    /// Keeps tokens in this store instead of process memory (Redis, to share them between
    /// processes and machines).
    pub fn store<T: TokenStore>(self, store: T) -> ClientBuilder<T> {
        ClientBuilder {
            auth: self.auth,
            classic: self.classic,
            store,
            hosts: self.hosts,
            http: self.http,
            http_options: self.http_options,
            policy: self.policy,
            retry: self.retry,
        }
    }

    /// Uses the classic `cgi-bin/token` instead of `stable_token` (Official Account and Mini
    /// Program only). Each classic fetch retires the previous token: share the store between every
    /// process of the app.
    pub fn classic_token(mut self) -> Self {
        self.classic = true;
        self
    }

    /// Points every WeChat host at one base URL (a reverse proxy, the emulator).
    pub fn api_base(mut self, base: &str) -> Self {
        self.hosts = Some(Hosts::all(base));
        self
    }

    /// Sets the hosts one by one.
    pub fn hosts(mut self, hosts: Hosts) -> Self {
        self.hosts = Some(Ok(hosts));
        self
    }

    /// Shares an HTTP client (and its connection pool) with other apps. Overrides the timeout and
    /// proxy options of this builder.
    pub fn http_client(mut self, http: ReqwestClient) -> Self {
        self.http = Some(http);
        self
    }

    /// The HTTP options (timeouts, proxy) of this client's own HTTP client.
    pub fn http_options(mut self, options: HttpOptions) -> Self {
        self.http_options = options;
        self
    }

    /// The whole request's timeout (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.http_options = self.http_options.timeout(timeout);
        self
    }

    /// Sends every request through this proxy.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.http_options = self.http_options.proxy(url);
        self
    }

    /// Refresh margin, lease and wait timings.
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policy = Some(policy);
        self
    }

    /// Retries after transient failures (-1, HTTP 5xx, transport).
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = Some(retry);
        self
    }

    /// Builds the client. Fails on an invalid base URL or proxy, or `classic_token` on a platform
    /// without it.
    pub fn build(self) -> Result<Client<S>> {
        let auth = match (self.classic, self.auth) {
            (false, auth) => auth,
            (
                true,
                Auth::Token(
                    TokenFlow::Stable { appid, secret } | TokenFlow::Classic { appid, secret },
                ),
            ) => Auth::Token(TokenFlow::Classic { appid, secret }),
            (true, other) => {
                return Err(Error::Build(format!(
                    "{other:?} has no classic access token"
                )));
            }
        };
        let http = match self.http {
            Some(http) => http,
            None => self.http_options.build()?,
        };
        let mut client = wechat_core::Client::new(auth, http, self.store, SystemRuntime);
        if let Some(hosts) = self.hosts {
            client = client.with_hosts(hosts?);
        }
        if let Some(policy) = self.policy {
            client = client.with_policy(policy);
        }
        if let Some(retry) = self.retry {
            client = client.with_retry(retry);
        }
        Ok(client)
    }
}

/// Clients of the accounts a platform acts for, sharing its HTTP client, store and hosts.
pub trait FlowExt: Sized {
    /// An account that authorized this Open Platform component. Its refresh token must be in the
    /// store ([`save_authorizer_refresh_token`](wechat_core::Client::save_authorizer_refresh_token),
    /// after `api_query_auth`); its token then refreshes by itself.
    fn authorizer(&self, authorizer_appid: impl Into<String>) -> Result<Self>;

    /// A corp that installed this WeCom suite. Its permanent code must be in the store
    /// (`get_permanent_code` keeps it, or
    /// [`save_permanent_code`](wechat_core::api::work::suite::save_permanent_code)); its token
    /// then refreshes by itself.
    fn suite_corp(&self, corpid: impl Into<String>) -> Result<Self>;
}

impl<H: HttpClient, S: TokenStore, R: Runtime> FlowExt for wechat_core::Client<H, S, R> {
    fn authorizer(&self, authorizer_appid: impl Into<String>) -> Result<Self> {
        match self.flow() {
            Some(TokenFlow::Component(c) | TokenFlow::Authorizer { component: c, .. }) => Ok(self
                .with_auth(TokenFlow::Authorizer {
                    component: c.clone(),
                    appid: authorizer_appid.into(),
                })),
            _ => Err(Error::Build(format!(
                "{:?} is no Open Platform component",
                self.auth()
            ))),
        }
    }

    fn suite_corp(&self, corpid: impl Into<String>) -> Result<Self> {
        match self.flow() {
            Some(TokenFlow::Suite(s) | TokenFlow::SuiteCorp { suite: s, .. }) => Ok(self
                .with_auth(TokenFlow::SuiteCorp {
                    suite: s.clone(),
                    corpid: corpid.into(),
                })),
            _ => Err(Error::Build(format!("{:?} is no WeCom suite", self.auth()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_options() {
        let c = official_account("wxA", "s")
            .classic_token()
            .build()
            .unwrap();
        assert_eq!(c.flow().unwrap().key(), "wechat:app:wxA:access_token");
        let c = mini_program("wxB", "s")
            .api_base("http://127.0.0.1:9/")
            .build()
            .unwrap();
        assert_eq!(c.flow().unwrap().key(), "wechat:app:wxB:stable_token");
        assert_eq!(
            c.hosts().base(wechat_core::Host::Work),
            "http://127.0.0.1:9"
        );
        assert!(work("ww", "1000002", "s").classic_token().build().is_err());
        assert!(
            official_account("wx", "s")
                .api_base("nope")
                .build()
                .is_err()
        );
        let p = component("wxC", "s").build().unwrap();
        let a = p.authorizer("wxAuth").unwrap();
        assert_eq!(
            a.flow().unwrap().key(),
            "wechat:open:wxC:authorizer:wxAuth:access_token"
        );
        assert!(a.authorizer("wxOther").is_ok());
        assert!(c.authorizer("x").is_err());
        let s = suite("wwS", "s").build().unwrap();
        assert_eq!(
            s.suite_corp("wwC").unwrap().flow().unwrap().key(),
            "wechat:suite:wwS:corp:wwC:access_token"
        );
    }

    #[test]
    fn debug_hides_secrets() {
        let b = official_account("wxA", "hunter2").proxy("http://u:pw-hunter3@p:1");
        let text = format!("{b:?}");
        assert!(
            !text.contains("hunter2") && !text.contains("hunter3"),
            "{text}"
        );
    }
}
