//! An emulator of the WeChat server APIs, serving real HTTP on loopback.
//!
//! It keeps WeChat's semantics where the SDK's behaviour depends on them:
//!
//! - **Tokens.** `GET /cgi-bin/token` issues a new token on every call and the previous one keeps
//!   working for 5 minutes; `POST /cgi-bin/stable_token` returns the same token while it has more
//!   than 5 minutes left (`expires_in` counts down), `force_refresh` replaces it at once (ignored
//!   within 30 s of the previous force, 20 a day). WeCom `gettoken`, suite, provider and
//!   corp-of-suite tokens and all JS-SDK tickets stay the same while valid. Everything expires
//!   after 7200 s on the emulator's clock, which tests move with [`Controller::advance`].
//! - **Credentials.** Any other path needs a valid `access_token` (or `component_access_token`,
//!   `suite_access_token`, `provider_access_token`) in the query: missing → 41001, unknown,
//!   rejected or superseded → 40001, expired → 42001. WeChat Pay paths need none.
//! - **Answers.** A valid call gets the documents' example JSON from `tests/fixtures/<path>.json`
//!   (embedded at compile time, found by file name), a response registered at run time with
//!   [`Controller::set_response`], or `{"errcode":0,"errmsg":"ok"}`.
//! - **Faults** ([`Fault`]): -1, HTTP 5xx, delays, malformed JSON, 45009, any errcode; per path or
//!   global, once, N times or until cleared; and [`Controller::reject_token`].
//! - **Counters** ([`Stats`]): token fetches per account and kind, calls per path, the request log.
//! - **Control over HTTP** under `/__emulator/` (see [`control::ROUTES`]), for other processes.
//! - **Open Platform**: the authorization pages (`componentloginpage`, `safe/bindcomponent`) take
//!   a fresh pre-auth code once and redirect with an `auth_code` for the account named by
//!   `biz_appid`; [`Controller::unauthorize`] withdraws an authorization and gives its push.
//! - **WeCom suites**: suite pre-auth codes (`set_session_info` for test installs), the install
//!   page (`3rdapp/install`) redirecting with a one-shot `auth_code` for the corp named by
//!   [`Controller::set_installing_corp`], permanent codes and the corps' tokens;
//!   [`Controller::install_suite`] and [`Controller::cancel_suite`] give the `create_auth` and
//!   `cancel_auth` pushes, after which the corp's permanent code answers 40084.
//! - **WeChat Pay v3** (`/v3/`): requests signed by a known merchant ([`pay_demo`], or
//!   [`EmulatorBuilder::pay_v3_merchant`]), else 401 `SIGN_ERROR`; answers signed with the platform
//!   certificate's key or the WeChat Pay public key ([`Controller::set_pay_signing_key`]);
//!   orders, refunds, bills and `/v3/certificates` with state; [`Controller::pay_order`] and
//!   [`Controller::succeed_refund`] push signed, encrypted notifications.
//! - **Callbacks**: [`Controller::push_callback`] POSTs a signed message to a bot, encrypted in
//!   safe mode, and reads its (encrypted) answer back.
//!
//! Every WeChat host (api.weixin.qq.com, qyapi.weixin.qq.com, api.mch.weixin.qq.com) maps onto the
//! one base URL; paths are WeChat's own.
//!
//! ```no_run
//! # async fn demo() -> std::io::Result<()> {
//! use wechat_emulator::{Emulator, Fault, demo};
//!
//! let emu = Emulator::builder().start().await?;
//! let url = format!(
//!     "{}/cgi-bin/token?grant_type=client_credential&appid={}&secret={}",
//!     emu.base_url(), demo::APPID, demo::SECRET
//! );
//! emu.inject(Fault::system_busy().on_path("/cgi-bin/menu/get").times(2));
//! emu.advance(std::time::Duration::from_secs(7200));
//! assert_eq!(emu.stats().token_fetches_for(demo::APPID), 0);
//! # let _ = url;
//! emu.shutdown().await;
//! # Ok(()) }
//! ```
#![forbid(unsafe_code)]

mod callback;
mod config;
pub mod control;
mod fault;
pub mod fixtures;
pub mod pay_v2;
mod pay_v3;
mod server;
mod state;
mod stats;
mod suite_control;
mod tls;
mod util;

use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::ops::Deref;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub use callback::{
    CallbackPush, CallbackResponse, PushError, component_verify_ticket_xml, suite_ticket_xml,
    unauthorized_xml,
};
pub use config::{
    Accounts, AppAccount, AuthCorp, AuthorizerAccount, ComponentAccount, CorpAccount,
    ProviderAccount, SuiteAccount, demo,
};
pub use fault::{ActiveFault, Fault, FaultKind};
pub use pay_v2::PayNotify;
pub use pay_v3::{
    PLATFORM_SERIAL, PUBLIC_KEY_ID, PayMerchant, PayNotification, PaySigningKey, pay_demo,
};
pub use server::CONTROL_PREFIX;
pub use state::{CustomResponse, cancel_auth_xml, create_auth_xml};
pub use stats::{RequestRecord, Stats, TokenKind};
pub use tls::ClientCertificate;

use server::Shared;
use state::{Settings, State};

/// Entry point: `Emulator::builder()...start().await`, or [`Emulator::start`] for the demo setup.
#[derive(Debug)]
pub struct Emulator;

impl Emulator {
    /// A builder with the demo accounts ([`demo`]) on `127.0.0.1`, a free port.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }

    /// Starts the demo setup.
    pub async fn start() -> io::Result<EmulatorHandle> {
        Self::builder().start().await
    }
}

/// Accounts, address and settings of an emulator to start.
#[derive(Debug)]
pub struct EmulatorBuilder {
    accounts: Accounts,
    pending_authorizers: Vec<(String, AuthorizerAccount)>,
    pending_suite_corps: Vec<(String, AuthCorp)>,
    addr: SocketAddr,
    fixture_dir: Option<PathBuf>,
    open_prefixes: Vec<String>,
    clock_offset_ms: i64,
    pay_v3_merchants: Vec<PayMerchant>,
    pay_v2_merchants: Vec<(String, String)>,
    https: bool,
}

impl Default for EmulatorBuilder {
    fn default() -> Self {
        EmulatorBuilder {
            accounts: Accounts::demo(),
            pending_authorizers: Vec::new(),
            pending_suite_corps: Vec::new(),
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            fixture_dir: None,
            open_prefixes: Settings::default_open_prefixes(),
            clock_offset_ms: 0,
            pay_v3_merchants: vec![PayMerchant::demo()],
            pay_v2_merchants: Vec::new(),
            https: false,
        }
    }
}

impl EmulatorBuilder {
    /// Forgets the demo accounts: only the ones added after this are known.
    pub fn without_demo_accounts(mut self) -> Self {
        self.accounts = Accounts::default();
        self.pay_v3_merchants.clear();
        self
    }

    /// An Official Account or Mini Program (replaces one with the same appid).
    pub fn app(mut self, appid: impl Into<String>, secret: impl Into<String>) -> Self {
        let appid = appid.into();
        self.accounts.apps.retain(|a| a.appid != appid);
        self.accounts.apps.push(AppAccount {
            appid,
            secret: secret.into(),
        });
        self
    }

    /// A WeCom self-built app (one corp can have many, told apart by secret).
    pub fn corp(mut self, corpid: impl Into<String>, corpsecret: impl Into<String>) -> Self {
        self.accounts.corps.push(CorpAccount {
            corpid: corpid.into(),
            corpsecret: corpsecret.into(),
            agentid: None,
        });
        self
    }

    /// A WeChat Pay v2 merchant and its API key (besides [`pay_v2::demo`]): v2 calls naming it
    /// are checked against the key and answered signed with it.
    pub fn pay_v2_merchant(
        mut self,
        mch_id: impl Into<String>,
        api_key: impl Into<String>,
    ) -> Self {
        self.pay_v2_merchants.push((mch_id.into(), api_key.into()));
        self
    }

    /// A WeCom group robot: `/cgi-bin/webhook/*` calls with `key=KEY` are answered, other keys
    /// get WeCom's 93000 (invalid webhook URL).
    pub fn robot(mut self, key: impl Into<String>) -> Self {
        self.accounts.robots.push(key.into());
        self
    }

    /// A WeCom self-built app with its agent id (counters then name it `corpid/agentid`).
    pub fn corp_agent(
        mut self,
        corpid: impl Into<String>,
        corpsecret: impl Into<String>,
        agentid: i64,
    ) -> Self {
        self.accounts.corps.push(CorpAccount {
            corpid: corpid.into(),
            corpsecret: corpsecret.into(),
            agentid: Some(agentid),
        });
        self
    }

    /// An Open Platform third-party platform. Its `component_verify_ticket` is generated at start
    /// (read it with [`Controller::component_verify_ticket`], or set it).
    pub fn component(mut self, appid: impl Into<String>, secret: impl Into<String>) -> Self {
        let appid = appid.into();
        self.accounts
            .components
            .retain(|c| c.component_appid != appid);
        self.accounts.components.push(ComponentAccount {
            component_appid: appid,
            component_appsecret: secret.into(),
            authorizers: Vec::new(),
        });
        self
    }

    /// An account that authorized a component, with its refresh token.
    pub fn authorizer(
        mut self,
        component_appid: impl Into<String>,
        authorizer_appid: impl Into<String>,
        refresh_token: impl Into<String>,
    ) -> Self {
        self.pending_authorizers.push((
            component_appid.into(),
            AuthorizerAccount {
                authorizer_appid: authorizer_appid.into(),
                authorizer_refresh_token: refresh_token.into(),
            },
        ));
        self
    }

    /// A WeCom third-party suite. Its `suite_ticket` is generated at start.
    pub fn suite(mut self, suite_id: impl Into<String>, suite_secret: impl Into<String>) -> Self {
        let suite_id = suite_id.into();
        self.accounts.suites.retain(|s| s.suite_id != suite_id);
        self.accounts.suites.push(SuiteAccount {
            suite_id,
            suite_secret: suite_secret.into(),
            corps: Vec::new(),
        });
        self
    }

    /// A corp that installed a suite, with its permanent code.
    pub fn suite_corp(
        mut self,
        suite_id: impl Into<String>,
        auth_corpid: impl Into<String>,
        permanent_code: impl Into<String>,
    ) -> Self {
        self.pending_suite_corps.push((
            suite_id.into(),
            AuthCorp {
                auth_corpid: auth_corpid.into(),
                permanent_code: permanent_code.into(),
            },
        ));
        self
    }

    /// A WeCom service provider.
    pub fn provider(
        mut self,
        corpid: impl Into<String>,
        provider_secret: impl Into<String>,
    ) -> Self {
        let corpid = corpid.into();
        self.accounts.providers.retain(|p| p.corpid != corpid);
        self.accounts.providers.push(ProviderAccount {
            corpid,
            provider_secret: provider_secret.into(),
        });
        self
    }

    /// Listen on `127.0.0.1:port` (0, the default, picks a free port).
    pub fn port(mut self, port: u16) -> Self {
        self.addr.set_port(port);
        self
    }

    /// Listen on this address.
    pub fn bind(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// Also read fixtures from this directory at run time (same layout as `tests/fixtures/`,
    /// tried before the embedded ones): new fixtures without a rebuild.
    pub fn fixture_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.fixture_dir = Some(dir.into());
        self
    }

    /// A path prefix that needs no token (WeChat Pay prefixes are there by default).
    pub fn open_path_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.open_prefixes.push(prefix.into());
        self
    }

    /// Also serve HTTPS on a second port, where WeChat Pay v2's client-certificate calls
    /// (refund, red packets, transfers) check the merchant's certificate, as the real host does.
    /// Those calls are then refused on plain HTTP. See [`Controller::https_base_url`],
    /// [`Controller::https_root_pem`] and [`Controller::pay_client_certificate`].
    pub fn https(mut self) -> Self {
        self.https = true;
        self
    }

    /// Start with the emulator clock this far ahead of real time.
    pub fn clock_offset(mut self, offset: Duration) -> Self {
        self.clock_offset_ms = offset.as_millis() as i64;
        self
    }

    /// Binds, starts serving in the background, and returns the handle.
    pub async fn start(mut self) -> io::Result<EmulatorHandle> {
        for (component, authorizer) in self.pending_authorizers {
            let c = self.accounts.component_mut(&component).ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("authorizer for unknown component {component}"),
                )
            })?;
            c.authorizers
                .retain(|a| a.authorizer_appid != authorizer.authorizer_appid);
            c.authorizers.push(authorizer);
        }
        for (suite, corp) in self.pending_suite_corps {
            let s = self.accounts.suite_mut(&suite).ok_or_else(|| {
                io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("installation for unknown suite {suite}"),
                )
            })?;
            s.corps.retain(|c| c.auth_corpid != corp.auth_corpid);
            s.corps.push(corp);
        }

        let listener = tokio::net::TcpListener::bind(self.addr).await?;
        let addr = listener.local_addr()?;
        let settings = Settings {
            fixture_dir: self.fixture_dir,
            open_prefixes: self.open_prefixes,
        };
        let mut state = State::new(self.accounts, settings, self.clock_offset_ms);
        for (mch_id, api_key) in &self.pay_v2_merchants {
            state.pay_v2.add_merchant(mch_id, api_key);
        }
        let pay = pay_v3::PayState::new(&self.pay_v3_merchants)?;
        let https = if self.https {
            let merchants = std::iter::once(pay_v2::demo::MCH_ID)
                .chain(self.pay_v2_merchants.iter().map(|(m, _)| m.as_str()));
            let tls = Arc::new(tls::Tls::new(merchants)?);
            let listener = tokio::net::TcpListener::bind(SocketAddr::new(addr.ip(), 0)).await?;
            Some((tls, listener))
        } else {
            None
        };
        let shared = Arc::new(Shared {
            state: Mutex::new(state),
            pay: Mutex::new(pay),
            addr,
            base_url: format!("http://{addr}"),
            https: match &https {
                Some((tls, listener)) => Some(server::Https {
                    tls: Arc::clone(tls),
                    base_url: format!("https://{}", listener.local_addr()?),
                }),
                None => None,
            },
        });
        let app = server::router(Arc::clone(&shared));
        let https_task =
            https.map(|(tls, listener)| tokio::spawn(tls.serve(listener, app.clone())));
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
            if let Some(task) = https_task {
                task.abort();
            }
        });
        Ok(EmulatorHandle {
            controller: Controller { shared },
            shutdown: Some(tx),
            task: Some(task),
            thread: None,
        })
    }

    /// Starts on a thread of its own with its own runtime, and returns once it listens.
    ///
    /// For tests that block while the emulator must keep answering: spawning and waiting for
    /// other processes (`std::process::Command`), synchronous clients, plain `#[test]` functions.
    /// Callable from anywhere, inside a tokio runtime or not.
    pub fn start_blocking(self) -> io::Result<EmulatorHandle> {
        let (tx, rx) = std::sync::mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("wechat-emulator".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(rt) => rt,
                    Err(e) => {
                        let _ = tx.send(Err(e));
                        return;
                    }
                };
                runtime.block_on(async move {
                    match self.start().await {
                        Ok(mut handle) => {
                            let task = handle.task.take();
                            let _ = tx.send(Ok(handle));
                            if let Some(task) = task {
                                let _ = task.await;
                            }
                        }
                        Err(e) => {
                            let _ = tx.send(Err(e));
                        }
                    }
                });
            })?;
        let mut handle = rx
            .recv()
            .map_err(|_| io::Error::other("the emulator thread ended before listening"))??;
        handle.thread = Some(thread);
        Ok(handle)
    }
}

/// A running emulator. Derefs to its [`Controller`]; stops on [`EmulatorHandle::shutdown`] or drop.
#[derive(Debug)]
pub struct EmulatorHandle {
    controller: Controller,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
    /// Set when started with [`EmulatorBuilder::start_blocking`].
    thread: Option<std::thread::JoinHandle<()>>,
}

impl EmulatorHandle {
    /// A cloneable controller for this emulator (to share across tasks).
    pub fn controller(&self) -> Controller {
        self.controller.clone()
    }

    /// Stops serving and waits (at most 5 s) for the server task to end.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let abort = task.abort_handle();
            if tokio::time::timeout(Duration::from_secs(5), task)
                .await
                .is_err()
            {
                abort.abort();
            }
        }
    }

    /// Stops serving and, if it runs on a thread of its own ([`EmulatorBuilder::start_blocking`]),
    /// waits for that thread. Not for use inside an async task (it blocks).
    pub fn shutdown_blocking(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    /// Serves until Ctrl-C (SIGINT), then shuts down. For command-line use.
    pub async fn run_until_ctrl_c(self) -> io::Result<()> {
        tokio::signal::ctrl_c().await?;
        self.shutdown().await;
        Ok(())
    }
}

impl Drop for EmulatorHandle {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

impl Deref for EmulatorHandle {
    type Target = Controller;
    fn deref(&self) -> &Controller {
        &self.controller
    }
}

/// Controls and inspects a running emulator. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Controller {
    pub(crate) shared: Arc<Shared>,
}

impl Controller {
    /// `http://127.0.0.1:PORT`: the base URL for every WeChat host.
    pub fn base_url(&self) -> &str {
        &self.shared.base_url
    }

    /// `https://127.0.0.1:PORT` when started with [`EmulatorBuilder::https`]: the same hosts,
    /// over TLS, with client certificates checked on WeChat Pay v2's certificate calls.
    pub fn https_base_url(&self) -> Option<&str> {
        self.shared.https.as_ref().map(|h| h.base_url.as_str())
    }

    /// The PEM of the authority that issued the HTTPS listener's certificate: what a client
    /// trusts to reach [`Controller::https_base_url`].
    pub fn https_root_pem(&self) -> Option<&str> {
        self.shared.https.as_ref().map(|h| h.tls.root_pem())
    }

    /// The client certificate of a WeChat Pay v2 merchant (`apiclient_cert.pem` and
    /// `apiclient_key.pem`), when started with [`EmulatorBuilder::https`].
    pub fn pay_client_certificate(&self, mch_id: &str) -> Option<ClientCertificate> {
        self.shared.https.as_ref()?.tls.client(mch_id).cloned()
    }

    /// The socket address served.
    pub fn addr(&self) -> SocketAddr {
        self.shared.addr
    }

    /// `base_url` + `path` (leading slash optional).
    pub fn url(&self, path: &str) -> String {
        format!("{}/{}", self.base_url(), path.trim_start_matches('/'))
    }

    // ----- clock ---------------------------------------------------------------------------

    /// The emulator's time: real time plus the offset, Unix milliseconds.
    pub fn now_ms(&self) -> i64 {
        self.shared.lock().now()
    }

    /// How far the emulator's clock is ahead of real time, in milliseconds.
    pub fn clock_offset_ms(&self) -> i64 {
        self.shared.lock().offset_ms
    }

    /// Moves the emulator's clock forward.
    pub fn advance(&self, by: Duration) {
        self.shared.lock().offset_ms += by.as_millis() as i64;
    }

    // ----- tokens --------------------------------------------------------------------------

    /// Rejects a token from now on (next call with it → 40001). False if the emulator never issued it.
    pub fn reject_token(&self, token: &str) -> bool {
        self.shared.lock().reject_token(token)
    }

    /// Whether a token (or ticket) is currently valid.
    pub fn is_token_valid(&self, token: &str) -> bool {
        self.shared.lock().is_token_valid(token)
    }

    /// The latest valid token (or ticket) of a kind for an account, if any.
    pub fn latest_token(&self, kind: TokenKind, account: &str) -> Option<String> {
        self.shared.lock().latest_token(kind, account)
    }

    // ----- faults --------------------------------------------------------------------------

    /// Arms a fault; returns its id.
    pub fn inject(&self, fault: Fault) -> u64 {
        self.shared.lock().inject(fault)
    }

    /// Disarms one fault.
    pub fn remove_fault(&self, id: u64) -> bool {
        self.shared.lock().remove_fault(id)
    }

    /// Disarms every fault.
    pub fn clear_faults(&self) {
        self.shared.lock().clear_faults();
    }

    /// The faults still armed.
    pub fn faults(&self) -> Vec<ActiveFault> {
        self.shared.lock().faults()
    }

    // ----- responses -----------------------------------------------------------------------

    /// Serves this response for a path (a trailing `*` matches a prefix) instead of the fixture.
    /// Business paths still check the token first.
    pub fn set_response(&self, path: &str, response: CustomResponse) {
        self.shared.lock().set_response(path, response);
    }

    /// Serves this JSON (HTTP 200) for a path.
    pub fn set_json_response(&self, path: &str, json: serde_json::Value) {
        self.set_response(path, CustomResponse::json(&json));
    }

    /// Back to the fixture for this path.
    pub fn clear_response(&self, path: &str) -> bool {
        self.shared.lock().clear_response(path)
    }

    /// Back to the fixtures for every path.
    pub fn clear_responses(&self) {
        self.shared.lock().clear_responses();
    }

    // ----- counters ------------------------------------------------------------------------

    /// A snapshot of the counters and the request log.
    pub fn stats(&self) -> Stats {
        self.shared.lock().stats()
    }

    /// Zeroes the counters and empties the log.
    pub fn reset_stats(&self) {
        self.shared.lock().reset_stats();
    }

    /// Token fetches for one account, all kinds.
    pub fn token_fetches(&self, account: &str) -> u64 {
        self.shared.lock().counters().token_fetches_for(account)
    }

    /// Token fetches for one account and kind.
    pub fn token_fetches_of(&self, account: &str, kind: TokenKind) -> u64 {
        self.shared
            .lock()
            .counters()
            .token_fetches_of(account, kind)
    }

    /// Requests to one path.
    pub fn calls(&self, path: &str) -> u64 {
        self.shared.lock().counters().calls_to(path)
    }

    /// The request log, oldest first.
    pub fn requests(&self) -> Vec<RequestRecord> {
        self.shared.lock().requests()
    }

    // ----- WeChat Customer Service ---------------------------------------------------------

    /// Appends messages (JSON objects, as `kf/sync_msg` lists them) to the queue of a Customer
    /// Service account; `kf/sync_msg` pages through it with opaque cursors. Answers the queue's
    /// length.
    pub fn kf_enqueue(
        &self,
        open_kfid: &str,
        messages: impl IntoIterator<Item = serde_json::Value>,
    ) -> usize {
        self.shared
            .lock()
            .kf_enqueue(open_kfid, messages.into_iter().collect())
    }

    /// A new `Token` of a `kf_msg_or_event` push for an account, accepted by `kf/sync_msg` for
    /// 10 minutes (emulator clock) with that `open_kfid` only.
    pub fn kf_push_token(&self, open_kfid: &str) -> String {
        self.shared.lock().kf_push_token(open_kfid)
    }

    // ----- accounts and pushed tickets -----------------------------------------------------

    /// The accounts the emulator knows (fake test credentials, secrets included).
    pub fn accounts(&self) -> Accounts {
        self.shared.lock().accounts.clone()
    }

    /// Adds (or replaces) an Official Account / Mini Program.
    pub fn add_app(&self, appid: &str, secret: &str) {
        let mut st = self.shared.lock();
        st.accounts.apps.retain(|a| a.appid != appid);
        st.accounts.apps.push(AppAccount {
            appid: appid.into(),
            secret: secret.into(),
        });
    }

    /// Adds a WeCom self-built app.
    pub fn add_corp(&self, corpid: &str, corpsecret: &str, agentid: Option<i64>) {
        let mut st = self.shared.lock();
        st.accounts
            .corps
            .retain(|c| !(c.corpid == corpid && c.corpsecret == corpsecret));
        st.accounts.corps.push(CorpAccount {
            corpid: corpid.into(),
            corpsecret: corpsecret.into(),
            agentid,
        });
    }

    /// The `component_verify_ticket` WeChat last "pushed" for a component.
    pub fn component_verify_ticket(&self, component_appid: &str) -> Option<String> {
        self.shared.lock().component_ticket(component_appid)
    }

    /// Sets the ticket `api_component_token` accepts (the previous one stays accepted too).
    pub fn set_component_verify_ticket(&self, component_appid: &str, ticket: &str) -> bool {
        self.shared
            .lock()
            .set_component_ticket(component_appid, ticket)
    }

    /// Generates a new ticket, as WeChat's 10-minute push does; returns it.
    pub fn rotate_component_verify_ticket(&self, component_appid: &str) -> Option<String> {
        self.shared.lock().rotate_component_ticket(component_appid)
    }

    /// The `suite_ticket` WeCom last "pushed" for a suite.
    pub fn suite_ticket(&self, suite_id: &str) -> Option<String> {
        self.shared.lock().suite_ticket(suite_id)
    }

    /// Sets the suite ticket `get_suite_token` accepts (the previous one stays accepted too).
    pub fn set_suite_ticket(&self, suite_id: &str, ticket: &str) -> bool {
        self.shared.lock().set_suite_ticket(suite_id, ticket)
    }

    /// Generates a new suite ticket; returns it.
    pub fn rotate_suite_ticket(&self, suite_id: &str) -> Option<String> {
        self.shared.lock().rotate_suite_ticket(suite_id)
    }

    /// An account authorizes a component (as its admin would on WeChat's authorization page):
    /// returns the one-shot `authorization_code` for `api_query_auth`, valid 3600 s.
    pub fn authorize(&self, component_appid: &str, authorizer_appid: &str) -> Option<String> {
        self.shared
            .lock()
            .authorize(component_appid, authorizer_appid)
    }

    /// An account withdraws its authorization of a component (as its admin would in WeChat):
    /// its tokens and refresh token die at once (refreshing answers 61003). Returns the plaintext
    /// `unauthorized` push WeChat sends the component then (seal and push it with
    /// [`Controller::push_callback`]); `None` if the account had not authorized the component.
    pub fn unauthorize(&self, component_appid: &str, authorizer_appid: &str) -> Option<String> {
        let mut st = self.shared.lock();
        st.unauthorize(component_appid, authorizer_appid)
            .then(|| unauthorized_xml(component_appid, authorizer_appid, st.now() / 1000))
    }

    // ----- callbacks -----------------------------------------------------------------------

    /// POSTs a message to a bot as WeChat would: signed (`signature`, `timestamp`, `nonce`), and in
    /// safe mode ([`CallbackPush::encrypted`]) encrypted with `encrypt_type=aes` and
    /// `msg_signature`. The bot's answer comes back as sent and, checked and decrypted, as plaintext.
    pub async fn push_callback(&self, push: &CallbackPush) -> Result<CallbackResponse, PushError> {
        let (ts, nonce) = self.push_params(push);
        let random = self.shared.lock().random_block();
        callback::push(push, ts, &nonce, random).await
    }

    /// WeChat Pay v2: the payer pays the merchant's unpaid order `out_trade_no`; answers the
    /// signed payment notification for its `notify_url` (post it with [`Controller::notify`]),
    /// or `None` for an unknown merchant or an order that is not waiting for payment.
    pub fn pay_v2_pay(&self, mch_id: &str, out_trade_no: &str) -> Option<PayNotify> {
        let mut state = self.shared.lock();
        let (now, nonce) = (state.now(), state.random_digits(32));
        state.pay_v2.pay(mch_id, out_trade_no, now, &nonce)
    }

    /// WeChat Pay v2: the merchant's refund `out_refund_no` succeeds; answers its notification
    /// (`req_info` encrypted with the merchant's key) for the refund's `notify_url`.
    pub fn pay_v2_complete_refund(&self, mch_id: &str, out_refund_no: &str) -> Option<PayNotify> {
        let mut state = self.shared.lock();
        let (now, nonce) = (state.now(), state.random_digits(32));
        state
            .pay_v2
            .complete_refund(mch_id, out_refund_no, now, &nonce)
    }

    /// POSTs a WeChat Pay notification to its URL as WeChat Pay would; the merchant's answer comes
    /// back as sent.
    pub async fn notify(&self, notify: &PayNotify) -> Result<CallbackResponse, PushError> {
        pay_v2::post(notify).await
    }

    fn push_params(&self, push: &CallbackPush) -> (i64, String) {
        let ts = push.timestamp.unwrap_or_else(|| self.now_ms() / 1000);
        let nonce = push
            .nonce
            .clone()
            .unwrap_or_else(|| self.shared.lock().random_digits(10));
        (ts, nonce)
    }

    /// The plaintext `component_verify_ticket` message for a component's current ticket.
    pub fn component_verify_ticket_message(&self, component_appid: &str) -> Option<String> {
        let ticket = self.component_verify_ticket(component_appid)?;
        Some(component_verify_ticket_xml(
            component_appid,
            &ticket,
            self.now_ms() / 1000,
        ))
    }

    /// The plaintext `suite_ticket` message for a suite's current ticket.
    pub fn suite_ticket_message(&self, suite_id: &str) -> Option<String> {
        let ticket = self.suite_ticket(suite_id)?;
        Some(suite_ticket_xml(suite_id, &ticket, self.now_ms() / 1000))
    }
}
