//! The one state machine behind every credential flow.

use std::collections::VecDeque;

use super::{StoredToken, TokenFlow};
use crate::error::{Error, Result};
use crate::host::Hosts;
use crate::secret::Secret;

/// A token store failed (connection lost, bad record). The flow treats it as a miss.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("token store: {0}")]
pub struct StoreError(pub String);

/// Timing of refreshes, leases and waits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    /// Refresh this long before a token expires.
    pub refresh_margin_ms: u64,
    /// A lease (one fetch per key at a time) lasts at most this long.
    pub lease_ttl_ms: u64,
    /// A caller that finds the lease taken looks again after this long.
    pub poll_ms: u64,
    /// A caller gives up waiting for another's fetch after this long.
    pub max_wait_ms: u64,
}

impl Default for Policy {
    fn default() -> Self {
        Self {
            refresh_margin_ms: 5 * 60 * 1000,
            lease_ttl_ms: 15_000,
            poll_ms: 50,
            max_wait_ms: 30_000,
        }
    }
}

/// What a fetch needs before it can be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Need {
    /// Another flow's token (a ticket needs the access token).
    Token(TokenFlow),
    /// A value kept in the store (a pushed ticket, a refresh token).
    Stored {
        /// Its store key.
        key: String,
        /// Its name, for errors.
        what: &'static str,
    },
}

/// An effect the caller performs, then reports back as an [`Input`].
#[must_use]
#[derive(Debug)]
pub enum Action {
    /// Read a record: answer [`Input::Loaded`].
    Load {
        /// The store key.
        key: String,
    },
    /// Take the lease if nobody holds it (`SET NX PX`): answer [`Input::Leased`].
    TryLease {
        /// The lease key.
        key: String,
        /// Who takes it.
        holder: String,
        /// How long it lasts.
        ttl_ms: u64,
    },
    /// Obtain another flow's token: answer [`Input::Token`].
    Token(TokenFlow),
    /// Send this request: answer [`Input::Fetched`].
    Fetch(http::Request<Vec<u8>>),
    /// Store a record: answer [`Input::Saved`].
    Save {
        /// The store key.
        key: String,
        /// The record.
        token: StoredToken,
        /// Its TTL; `None`: keep it until replaced.
        ttl_ms: Option<u64>,
    },
    /// Free the lease if still ours: answer [`Input::Released`].
    Release {
        /// The lease key.
        key: String,
        /// Who holds it.
        holder: String,
    },
    /// Wait until this time (Unix ms): answer [`Input::Waited`].
    WaitUntil(u64),
    /// Finished.
    Done(Result<StoredToken>),
}

/// The outcome of an [`Action`].
#[derive(Debug)]
pub enum Input {
    /// The first step.
    Start,
    /// The record read, if any.
    Loaded(std::result::Result<Option<StoredToken>, StoreError>),
    /// Whether the lease was taken.
    Leased(std::result::Result<bool, StoreError>),
    /// The other flow's token.
    Token(Result<Secret>),
    /// The response.
    Fetched(Result<http::Response<Vec<u8>>>),
    /// The record was stored (or not: a broken store is not fatal).
    Saved(std::result::Result<(), StoreError>),
    /// The lease was freed.
    Released,
    /// The wait is over.
    Waited,
}

enum State {
    Start,
    Loading { deadline: u64 },
    Leasing { deadline: u64 },
    Rechecking,
    Waiting { deadline: u64 },
    Gathering { held: bool, pending: Option<Need> },
    Fetching { held: bool },
    Saving { held: bool, token: StoredToken },
    Releasing,
    Finished,
}

/// Obtains one flow's token: a fresh stored one, or one fetched under a lease.
///
/// Feed it [`Input`]s with the current time; it answers with the next [`Action`]. Store failures count
/// as misses (a lease that cannot be taken is assumed taken by us, so the caller's own single-flight
/// still holds); only the rejected token is ever invalidated, by the caller, with compare-and-invalidate.
pub struct Acquire<'a> {
    flow: &'a TokenFlow,
    hosts: &'a Hosts,
    policy: Policy,
    key: String,
    holder: String,
    state: State,
    needs: VecDeque<Need>,
    inputs: Vec<Secret>,
    saves: VecDeque<(String, StoredToken)>,
    outcome: Option<Result<StoredToken>>,
}

impl<'a> Acquire<'a> {
    /// Starts acquiring `flow`'s token. `holder` names this caller in the lease (random, unique).
    pub fn new(flow: &'a TokenFlow, hosts: &'a Hosts, policy: Policy, holder: String) -> Self {
        Self {
            key: flow.key(),
            flow,
            hosts,
            policy,
            holder,
            state: State::Start,
            needs: flow.needs().into(),
            inputs: Vec::new(),
            saves: VecDeque::new(),
            outcome: None,
        }
    }

    /// The store key of the token.
    pub fn key(&self) -> &str {
        &self.key
    }

    fn lease_key(&self) -> String {
        super::keys::format(super::keys::StoreKey::Lease { of: &self.key })
    }

    /// Takes the outcome of the last action at `now_ms` and answers the next action.
    pub fn step(&mut self, now_ms: u64, input: Input) -> Action {
        match (std::mem::replace(&mut self.state, State::Finished), input) {
            (State::Start, _) => self.load(now_ms.saturating_add(self.policy.max_wait_ms)),
            (State::Loading { deadline }, Input::Loaded(loaded)) => match loaded {
                Ok(Some(t)) if t.is_fresh(now_ms, self.policy.refresh_margin_ms) => {
                    Action::Done(Ok(t))
                }
                _ => {
                    self.state = State::Leasing { deadline };
                    Action::TryLease {
                        key: self.lease_key(),
                        holder: self.holder.clone(),
                        ttl_ms: self.policy.lease_ttl_ms,
                    }
                }
            },
            (State::Leasing { deadline }, Input::Leased(leased)) => match leased {
                // Another caller may have stored a fresh token between our load and our lease:
                // look again before fetching, or a classic fetch would retire that token.
                Ok(true) => {
                    self.state = State::Rechecking;
                    Action::Load {
                        key: self.key.clone(),
                    }
                }
                // The store is broken: go on; the caller's single-flight keeps this process to one fetch.
                Err(_) => self.gather(now_ms, false),
                Ok(false) if now_ms >= deadline => Action::Done(Err(Error::Credential(format!(
                    "waited {} ms for another fetch of {}",
                    self.policy.max_wait_ms, self.key
                )))),
                Ok(false) => {
                    self.state = State::Waiting { deadline };
                    Action::WaitUntil(now_ms.saturating_add(self.policy.poll_ms).min(deadline))
                }
            },
            (State::Rechecking, Input::Loaded(loaded)) => match loaded {
                Ok(Some(t)) if t.is_fresh(now_ms, self.policy.refresh_margin_ms) => {
                    self.finish(true, Ok(t))
                }
                _ => self.gather(now_ms, true),
            },
            (State::Waiting { deadline }, Input::Waited) => self.load(deadline),
            (State::Gathering { held, pending }, input) => {
                let value = match (pending, input) {
                    (Some(Need::Token(_)), Input::Token(r)) => r,
                    (Some(Need::Stored { what, .. }), Input::Loaded(r)) => match r {
                        Ok(Some(t)) if t.is_fresh(now_ms, 0) => Ok(t.value),
                        Ok(_) => Err(Error::Credential(format!(
                            "no {what} in the store for {}: store it when WeChat pushes it",
                            self.key
                        ))),
                        Err(e) => Err(Error::Credential(format!("cannot read {what}: {e}"))),
                    },
                    (_, input) => return self.unexpected(input),
                };
                match value {
                    Ok(v) => {
                        self.inputs.push(v);
                        self.gather(now_ms, held)
                    }
                    Err(e) => self.finish(held, Err(e)),
                }
            }
            (State::Fetching { held }, Input::Fetched(response)) => {
                match response.and_then(|r| self.flow.parse_fetch(&r, now_ms)) {
                    Ok((token, extra)) => {
                        self.saves = extra.into();
                        self.saves.push_back((self.key.clone(), token.clone()));
                        self.save(now_ms, held, token)
                    }
                    Err(e) => self.finish(held, Err(e)),
                }
            }
            (State::Saving { held, token }, Input::Saved(_)) => self.save(now_ms, held, token),
            (State::Releasing, Input::Released) => Action::Done(
                self.outcome
                    .take()
                    .unwrap_or_else(|| Err(Error::Credential("token flow finished twice".into()))),
            ),
            (_, input) => self.unexpected(input),
        }
    }

    fn unexpected(&mut self, input: Input) -> Action {
        self.state = State::Finished;
        Action::Done(Err(Error::Credential(format!(
            "token flow for {} got an unexpected input: {input:?}",
            self.key
        ))))
    }

    fn load(&mut self, deadline: u64) -> Action {
        self.state = State::Loading { deadline };
        Action::Load {
            key: self.key.clone(),
        }
    }

    fn gather(&mut self, _now_ms: u64, held: bool) -> Action {
        match self.needs.pop_front() {
            Some(Need::Token(flow)) => {
                self.state = State::Gathering {
                    held,
                    pending: Some(Need::Token(flow.clone())),
                };
                Action::Token(flow)
            }
            Some(Need::Stored { key, what }) => {
                self.state = State::Gathering {
                    held,
                    pending: Some(Need::Stored {
                        key: key.clone(),
                        what,
                    }),
                };
                Action::Load { key }
            }
            None => match self.flow.fetch_request(self.hosts, &self.inputs) {
                Ok(request) => {
                    self.state = State::Fetching { held };
                    Action::Fetch(request)
                }
                Err(e) => self.finish(held, Err(e)),
            },
        }
    }

    fn save(&mut self, now_ms: u64, held: bool, token: StoredToken) -> Action {
        match self.saves.pop_front() {
            Some((key, record)) => {
                self.state = State::Saving { held, token };
                Action::Save {
                    key,
                    ttl_ms: record.ttl_ms(now_ms),
                    token: record,
                }
            }
            None => self.finish(held, Ok(token)),
        }
    }

    fn finish(&mut self, held: bool, outcome: Result<StoredToken>) -> Action {
        if held {
            self.outcome = Some(outcome);
            self.state = State::Releasing;
            Action::Release {
                key: self.lease_key(),
                holder: self.holder.clone(),
            }
        } else {
            Action::Done(outcome)
        }
    }
}
