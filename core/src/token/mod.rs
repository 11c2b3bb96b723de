//! Credential flows: which token, how it is fetched, where it is stored.
//!
//! Every flow runs through one state machine, [`Acquire`], which asks its caller for effects (load,
//! lease, fetch, save, wait) and takes `now` as an argument. The driver in [`crate::client`] performs
//! those effects once for every adapter.

mod acquire;
pub mod endpoints;
pub mod jssdk;
pub mod keys;
pub mod user;

pub use acquire::{Acquire, Action, Input, Need, Policy, StoreError};

use crate::endpoint::{AuthScheme, Endpoint};
use crate::error::{Error, Result};
use crate::host::Hosts;
use crate::secret::Secret;
use endpoints::*;
use keys::StoreKey;

/// A credential as kept in a store: the value and when it stops being valid.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoredToken {
    /// The token, ticket or refresh token.
    #[serde(serialize_with = "expose")]
    pub value: Secret,
    /// When it stops being valid, Unix milliseconds (`u64::MAX`: no known end).
    pub expires_at_ms: u64,
}

use crate::secret::expose;

impl std::fmt::Debug for StoredToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredToken")
            .field("value", &self.value)
            .field("expires_at_ms", &self.expires_at_ms)
            .finish()
    }
}

impl StoredToken {
    /// A token valid for `expires_in_s` seconds from `now_ms`.
    pub fn new(value: Secret, now_ms: u64, expires_in_s: u64) -> Self {
        Self {
            value,
            expires_at_ms: now_ms.saturating_add(expires_in_s.saturating_mul(1000)),
        }
    }

    /// Valid at `now_ms` with at least `margin_ms` to spare.
    pub fn is_fresh(&self, now_ms: u64, margin_ms: u64) -> bool {
        now_ms.saturating_add(margin_ms) < self.expires_at_ms
    }

    /// The store TTL for this record at `now_ms`, at least 1 ms; `None` when it has no known end.
    pub fn ttl_ms(&self, now_ms: u64) -> Option<u64> {
        (self.expires_at_ms != u64::MAX).then(|| self.expires_at_ms.saturating_sub(now_ms).max(1))
    }
}

/// An Open Platform third-party platform.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ComponentApp {
    /// `component_appid`.
    pub appid: String,
    /// `component_appsecret`.
    pub secret: Secret,
}

/// A WeCom third-party suite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SuiteApp {
    /// `suite_id`.
    pub suite_id: String,
    /// `suite_secret`.
    pub secret: Secret,
}

/// A JS-SDK ticket kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TicketKind {
    /// `jsapi`: signs `wx.config` (Official Account, authorizer).
    Jsapi,
    /// `wx_card`: signs card APIs (Official Account).
    WxCard,
    /// WeCom `get_jsapi_ticket`: signs `wx.config` with the corp id.
    WorkCorp,
    /// WeCom `ticket/get?type=agent_config`: signs `wx.agentConfig`.
    WorkAgent,
}

impl TicketKind {
    fn name(self) -> &'static str {
        match self {
            TicketKind::Jsapi => "jsapi",
            TicketKind::WxCard => "wx_card",
            TicketKind::WorkCorp => "work_jsapi",
            TicketKind::WorkAgent => "agent_config",
        }
    }
}

/// One credential flow of the table in the design notes.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TokenFlow {
    /// `stable_token`: the default for Official Accounts and Mini Programs.
    Stable {
        /// The app id.
        appid: String,
        /// The app secret.
        secret: Secret,
    },
    /// `token`: the classic access token, which retires the previous one on every fetch.
    Classic {
        /// The app id.
        appid: String,
        /// The app secret.
        secret: Secret,
    },
    /// WeCom `gettoken`: per corp and per app secret.
    Work {
        /// The corp id.
        corpid: String,
        /// Names the app (its agent id, or `contacts`...) in store keys: one token per secret.
        agent: String,
        /// The app's secret.
        secret: Secret,
    },
    /// A JS-SDK ticket of the token of another flow.
    Ticket {
        /// The flow whose access token fetches the ticket.
        of: Box<TokenFlow>,
        /// Which ticket.
        kind: TicketKind,
    },
    /// `component_access_token`, from the stored `component_verify_ticket`.
    Component(ComponentApp),
    /// An authorizer's token, refreshed from its stored `authorizer_refresh_token`.
    Authorizer {
        /// The platform it authorized.
        component: ComponentApp,
        /// The authorizer's app id.
        appid: String,
    },
    /// `suite_access_token`, from the stored `suite_ticket`.
    Suite(SuiteApp),
    /// `provider_access_token`.
    Provider {
        /// The provider's corp id.
        corpid: String,
        /// The provider secret.
        secret: Secret,
    },
    /// The token of a corp that installed a suite, refreshed from the corp's stored permanent
    /// code (kept by [`get_permanent_code`](crate::api::work::suite::get_permanent_code) or
    /// [`save_permanent_code`](crate::api::work::suite::save_permanent_code)).
    SuiteCorp {
        /// The suite.
        suite: SuiteApp,
        /// The installing corp.
        corpid: String,
    },
}

impl TokenFlow {
    /// A JS-SDK ticket of this flow's token; `None` where the platform has no such ticket.
    pub fn ticket(&self, kind: TicketKind) -> Option<TokenFlow> {
        let fits = match kind {
            TicketKind::Jsapi | TicketKind::WxCard => matches!(
                self,
                TokenFlow::Stable { .. } | TokenFlow::Classic { .. } | TokenFlow::Authorizer { .. }
            ),
            TicketKind::WorkCorp | TicketKind::WorkAgent => {
                matches!(self, TokenFlow::Work { .. } | TokenFlow::SuiteCorp { .. })
            }
        };
        fits.then(|| TokenFlow::Ticket {
            of: Box::new(self.clone()),
            kind,
        })
    }

    /// The flow that refreshes the token stored under `key`, among `flows`, their JS-SDK
    /// tickets, an Open Platform component's authorizers and a WeCom suite's installing corps:
    /// what a token authority serving many accounts (a Durable Object, a shared process) needs
    /// to turn a key it is asked for into a fetch. `None` for a key none of them own.
    pub fn owning(flows: &[TokenFlow], key: &str) -> Option<TokenFlow> {
        const KINDS: [TicketKind; 4] = [
            TicketKind::Jsapi,
            TicketKind::WxCard,
            TicketKind::WorkCorp,
            TicketKind::WorkAgent,
        ];
        // The account a key names: an authorizer's or an installing corp's token, or a ticket of it.
        let mut named = keys::parse(key);
        while let Some(StoreKey::Ticket { of, .. }) = named {
            named = keys::parse(of);
        }
        let mut candidates: Vec<TokenFlow> = Vec::new();
        for flow in flows {
            candidates.push(flow.clone());
            match (flow, &named) {
                (
                    TokenFlow::Component(component),
                    Some(StoreKey::Authorizer {
                        component_appid,
                        appid,
                    }),
                ) if *component_appid == component.appid => {
                    candidates.push(TokenFlow::Authorizer {
                        component: component.clone(),
                        appid: (*appid).to_owned(),
                    });
                }
                (TokenFlow::Suite(suite), Some(StoreKey::SuiteCorp { suite_id, corpid }))
                    if *suite_id == suite.suite_id =>
                {
                    candidates.push(TokenFlow::SuiteCorp {
                        suite: suite.clone(),
                        corpid: (*corpid).to_owned(),
                    });
                }
                _ => {}
            }
        }
        let tickets: Vec<TokenFlow> = candidates
            .iter()
            .flat_map(|f| KINDS.iter().filter_map(|k| f.ticket(*k)))
            .collect();
        candidates
            .into_iter()
            .chain(tickets)
            .find(|f| f.key() == key)
    }

    /// The store key: platform, app and kind, never a secret (see [`keys`]).
    pub fn key(&self) -> String {
        let key = match self {
            TokenFlow::Ticket { of, kind } => {
                return keys::format(StoreKey::Ticket {
                    of: &of.key(),
                    kind: kind.name(),
                });
            }
            TokenFlow::Stable { appid, .. } => StoreKey::Stable { appid },
            TokenFlow::Classic { appid, .. } => StoreKey::Classic { appid },
            TokenFlow::Work { corpid, agent, .. } => StoreKey::Work { corpid, agent },
            TokenFlow::Component(c) => StoreKey::Component {
                component_appid: &c.appid,
            },
            TokenFlow::Authorizer { component, appid } => StoreKey::Authorizer {
                component_appid: &component.appid,
                appid,
            },
            TokenFlow::Suite(s) => StoreKey::Suite {
                suite_id: &s.suite_id,
            },
            TokenFlow::Provider { corpid, .. } => StoreKey::Provider { corpid },
            TokenFlow::SuiteCorp { suite, corpid, .. } => StoreKey::SuiteCorp {
                suite_id: &suite.suite_id,
                corpid,
            },
        };
        keys::format(key)
    }

    /// The store key of the `component_verify_ticket` WeChat pushes to a platform.
    pub fn component_verify_ticket_key(component_appid: &str) -> String {
        keys::format(StoreKey::ComponentVerifyTicket { component_appid })
    }

    /// The store key of an authorizer's `authorizer_refresh_token`.
    pub fn authorizer_refresh_token_key(component_appid: &str, authorizer_appid: &str) -> String {
        keys::format(StoreKey::AuthorizerRefreshToken {
            component_appid,
            appid: authorizer_appid,
        })
    }

    /// The store key of the `suite_ticket` WeCom pushes to a suite.
    pub fn suite_ticket_key(suite_id: &str) -> String {
        keys::format(StoreKey::SuiteTicket { suite_id })
    }

    /// The store key of the permanent code of a corp that installed a suite.
    pub fn permanent_code_key(suite_id: &str, corpid: &str) -> String {
        keys::format(StoreKey::PermanentCode { suite_id, corpid })
    }

    /// What the fetch needs first, in order: another flow's token, or a stored value.
    pub fn needs(&self) -> Vec<Need> {
        match self {
            TokenFlow::Ticket { of, .. } => vec![Need::Token((**of).clone())],
            TokenFlow::Component(c) => vec![Need::Stored {
                key: Self::component_verify_ticket_key(&c.appid),
                what: "component_verify_ticket",
            }],
            TokenFlow::Authorizer { component, appid } => vec![
                Need::Token(TokenFlow::Component(component.clone())),
                Need::Stored {
                    key: Self::authorizer_refresh_token_key(&component.appid, appid),
                    what: "authorizer_refresh_token",
                },
            ],
            TokenFlow::Suite(s) => vec![Need::Stored {
                key: Self::suite_ticket_key(&s.suite_id),
                what: "suite_ticket",
            }],
            TokenFlow::SuiteCorp { suite, corpid } => vec![
                Need::Token(TokenFlow::Suite(suite.clone())),
                Need::Stored {
                    key: Self::permanent_code_key(&suite.suite_id, corpid),
                    what: "permanent_code",
                },
            ],
            _ => Vec::new(),
        }
    }

    /// The fetch request, given the values of [`TokenFlow::needs`] in order.
    pub fn fetch_request(
        &self,
        hosts: &Hosts,
        inputs: &[Secret],
    ) -> Result<http::Request<Vec<u8>>> {
        let input = |i: usize| {
            inputs
                .get(i)
                .ok_or_else(|| Error::Credential(format!("{} is missing an input", self.key())))
        };
        match self {
            TokenFlow::Stable { appid, secret } => build(
                hosts,
                &GetStableAccessToken {
                    grant_type: "client_credential".into(),
                    appid: appid.clone(),
                    secret: secret.clone(),
                    force_refresh: false,
                },
                None,
            ),
            TokenFlow::Classic { appid, secret } => build(
                hosts,
                &GetAccessToken {
                    grant_type: "client_credential".into(),
                    appid: appid.clone(),
                    secret: secret.clone(),
                },
                None,
            ),
            TokenFlow::Work { corpid, secret, .. } => build(
                hosts,
                &GetWorkAccessToken {
                    corpid: corpid.clone(),
                    corpsecret: secret.clone(),
                },
                None,
            ),
            TokenFlow::Ticket { kind, .. } => {
                let token = Some(input(0)?);
                match kind {
                    TicketKind::Jsapi => build(
                        hosts,
                        &GetTicket {
                            kind: "jsapi".into(),
                        },
                        token,
                    ),
                    TicketKind::WxCard => build(
                        hosts,
                        &GetTicket {
                            kind: "wx_card".into(),
                        },
                        token,
                    ),
                    TicketKind::WorkCorp => build(hosts, &GetWorkJsapiTicket {}, token),
                    TicketKind::WorkAgent => build(
                        hosts,
                        &GetWorkAgentTicket {
                            kind: "agent_config".into(),
                        },
                        token,
                    ),
                }
            }
            TokenFlow::Component(c) => build(
                hosts,
                &GetComponentAccessToken {
                    component_appid: c.appid.clone(),
                    component_appsecret: c.secret.clone(),
                    component_verify_ticket: input(0)?.clone(),
                },
                None,
            ),
            TokenFlow::Authorizer { component, appid } => build(
                hosts,
                &GetAuthorizerAccessToken {
                    component_appid: component.appid.clone(),
                    authorizer_appid: appid.clone(),
                    authorizer_refresh_token: input(1)?.clone(),
                },
                Some(input(0)?),
            ),
            TokenFlow::Suite(s) => build(
                hosts,
                &GetSuiteToken {
                    suite_id: s.suite_id.clone(),
                    suite_secret: s.secret.clone(),
                    suite_ticket: input(0)?.clone(),
                },
                None,
            ),
            TokenFlow::Provider { corpid, secret } => build(
                hosts,
                &GetProviderToken {
                    corpid: corpid.clone(),
                    provider_secret: secret.clone(),
                },
                None,
            ),
            TokenFlow::SuiteCorp { corpid, .. } => build(
                hosts,
                &GetCorpToken {
                    auth_corpid: corpid.clone(),
                    permanent_code: input(1)?.clone(),
                },
                Some(input(0)?),
            ),
        }
    }

    /// Reads the fetch response: the token, and other records to save with it (a new refresh token).
    pub fn parse_fetch(
        &self,
        response: &http::Response<Vec<u8>>,
        now_ms: u64,
    ) -> Result<(StoredToken, Vec<(String, StoredToken)>)> {
        let token = |value: Secret, expires_in| StoredToken::new(value, now_ms, expires_in);
        Ok(match self {
            TokenFlow::Stable { .. } => {
                let r = GetStableAccessToken::parse(response)?;
                (token(r.access_token, r.expires_in), Vec::new())
            }
            TokenFlow::Classic { .. } => {
                let r = GetAccessToken::parse(response)?.0;
                (token(r.access_token, r.expires_in), Vec::new())
            }
            TokenFlow::Work { .. } => {
                let r = GetWorkAccessToken::parse(response)?.0;
                (token(r.access_token, r.expires_in), Vec::new())
            }
            TokenFlow::SuiteCorp { suite, corpid } => {
                let r = GetCorpToken::parse(response)
                    .map_err(|e| permanent_code_rejected(e, &suite.suite_id, corpid))?
                    .0;
                (token(r.access_token, r.expires_in), Vec::new())
            }
            TokenFlow::Ticket { kind, .. } => {
                let r = match kind {
                    TicketKind::Jsapi | TicketKind::WxCard => GetTicket::parse(response)?,
                    TicketKind::WorkCorp => GetWorkJsapiTicket::parse(response)?.0,
                    TicketKind::WorkAgent => GetWorkAgentTicket::parse(response)?.0,
                };
                (token(r.ticket, r.expires_in), Vec::new())
            }
            TokenFlow::Component(_) => {
                let r = GetComponentAccessToken::parse(response)?;
                (token(r.component_access_token, r.expires_in), Vec::new())
            }
            TokenFlow::Authorizer { component, appid } => {
                let r = GetAuthorizerAccessToken::parse(response)
                    .map_err(|e| refresh_rejected(e, &component.appid, appid))?;
                let refresh = StoredToken {
                    value: r.authorizer_refresh_token,
                    expires_at_ms: u64::MAX,
                };
                let key = Self::authorizer_refresh_token_key(&component.appid, appid);
                (
                    token(r.authorizer_access_token, r.expires_in),
                    vec![(key, refresh)],
                )
            }
            TokenFlow::Suite(_) => {
                let r = GetSuiteToken::parse(response)?;
                (token(r.suite_access_token, r.expires_in), Vec::new())
            }
            TokenFlow::Provider { .. } => {
                let r = GetProviderToken::parse(response)?;
                (token(r.provider_access_token, r.expires_in), Vec::new())
            }
        })
    }

    /// The flow whose token a token-scheme endpoint takes, called through a client of this flow.
    pub fn for_scheme(&self, scheme: AuthScheme) -> Option<TokenFlow> {
        use AuthScheme as C;
        match (scheme, self) {
            (
                C::AccessToken,
                TokenFlow::Component(_) | TokenFlow::Suite(_) | TokenFlow::Provider { .. },
            ) => None,
            (C::AccessToken, TokenFlow::Ticket { of, .. }) => of.for_scheme(scheme),
            (C::AccessToken, flow) => Some(flow.clone()),
            (
                C::ComponentAccessToken | C::ComponentTokenAsAccessToken,
                TokenFlow::Component(c) | TokenFlow::Authorizer { component: c, .. },
            ) => Some(TokenFlow::Component(c.clone())),
            (C::SuiteAccessToken, TokenFlow::Suite(s))
            | (C::SuiteAccessToken, TokenFlow::SuiteCorp { suite: s, .. }) => {
                Some(TokenFlow::Suite(s.clone()))
            }
            (
                C::ProviderAccessToken | C::ProviderTokenAsAccessToken,
                TokenFlow::Provider { .. },
            ) => Some(self.clone()),
            _ => None,
        }
    }
}

/// WeChat's answer to a refresh token it no longer honours (61023: invalid, 61003: the account
/// no longer authorizes the platform) as a credential error that says what to do: nothing but a
/// new authorization brings the account back, so the caller gets the error at once and nothing
/// retries it.
fn refresh_rejected(error: Error, component_appid: &str, appid: &str) -> Error {
    match &error {
        Error::Api(e) if e.code == 61023 || e.code == 61003 => Error::Credential(format!(
            "WeChat rejected the authorizer_refresh_token of {appid} for platform \
             {component_appid} (errcode {}: {}): the account must authorize the platform again",
            e.code, e.message
        )),
        _ => error,
    }
}

/// WeCom's answer to a permanent code it no longer honours (40084: invalid, which is also what
/// a corp that cancelled the installation gets) as a credential error: only a new installation
/// (a new permanent code) brings the corp back, so nothing retries it.
fn permanent_code_rejected(error: Error, suite_id: &str, corpid: &str) -> Error {
    match &error {
        Error::Api(e)
            if e.code
                .number()
                .is_some_and(|n| PERMANENT_CODE_REJECTED.contains(&n)) =>
        {
            Error::Credential(format!(
                "WeCom rejected the permanent_code of corp {corpid} for suite {suite_id} \
             (errcode {}: {}): the corp must install the suite again",
                e.code, e.message
            ))
        }
        _ => error,
    }
}

/// WeCom's codes for a permanent code that will not work again: 40084 (invalid permanent code:
/// mistyped, of another provider, or the corp cancelled the installation).
pub const PERMANENT_CODE_REJECTED: [i64; 1] = [40084];

/// Builds a token endpoint's request, with the token of its scheme where it takes one.
fn build<E: Endpoint>(
    hosts: &Hosts,
    endpoint: &E,
    token: Option<&Secret>,
) -> Result<http::Request<Vec<u8>>> {
    match token {
        Some(token) => crate::endpoint::build_request_with_token(hosts, endpoint, token),
        None => crate::endpoint::build_request(hosts, endpoint),
    }
}

/// How long WeChat keeps pushed tickets valid, for their store TTL.
pub mod ticket_lifetime {
    /// `component_verify_ticket`: 12 hours.
    pub const COMPONENT_VERIFY_TICKET_S: u64 = 12 * 3600;
    /// `suite_ticket`: 30 minutes.
    pub const SUITE_TICKET_S: u64 = 30 * 60;
}

#[cfg(test)]
mod tests;
