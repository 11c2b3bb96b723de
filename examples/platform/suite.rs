//! The WeCom suite (企业微信第三方应用): its instruction callback, the install page and calls
//! made for the corps that installed it.
//!
//! | route | what |
//! |---|---|
//! | `GET`/`POST /suite/callback` | the instruction URL (指令回调URL): tickets, installs, cancellations |
//! | `GET /suite/install` | 302 to WeCom's install page (a fresh pre-auth code) |
//! | `GET /suite/installed?auth_code=..` | where WeCom sends the admin back: the permanent code kept |
//! | `GET /suite/corps/{corpid}/departments` | the corp's departments, with the corp's token |

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::Uri;
use axum::response::Response;
use axum::routing::get;
use wechat_core::api::work::department::ListDepartments;
use wechat_core::api::work::suite::{
    self, GetPreAuthCode, InstallRedirect, SetSessionInfo, forget_cancelled, install_url,
};
use wechat_core::callback::{CallbackHandler, Message, Platform, SuiteEvent};
use wechat_core::client::TokenStore;
use wechat_reqwest::{Client, FlowExt};

use crate::{BoxError, Failure, Settings, plain, receive, redirect};

/// The suite: its client (the `suite_access_token` flow), its callback, and where WeCom sends
/// admins back.
pub struct Suite<S> {
    /// The suite's client; `client.suite_corp(corpid)` calls for a corp.
    pub client: Client<S>,
    suite_id: String,
    handler: CallbackHandler,
    redirect_uri: String,
    test_install: bool,
}

impl<S: TokenStore + 'static> Suite<S> {
    /// The suite of `client` (built with `wechat_reqwest::suite`); `test_install` while the
    /// suite is not released (WeCom then allows test installs only).
    pub fn new(
        client: Client<S>,
        settings: &Settings,
        test_install: bool,
    ) -> Result<Arc<Self>, BoxError> {
        let Some(wechat_core::TokenFlow::Suite(app)) = client.flow() else {
            return Err("not a WeCom suite client".into());
        };
        let suite_id = app.suite_id.clone();
        Ok(Arc::new(Self {
            handler: settings.handler(Platform::WeCom, &suite_id)?,
            redirect_uri: format!("{}/suite/installed", settings.public_url),
            client,
            suite_id,
            test_install,
        }))
    }

    /// What a push changes: the ticket is kept (the suite token is fetched from it), a market
    /// install's permanent code is kept, a cancelled corp's permanent code, token and tickets are
    /// cleared.
    async fn on_push(&self, event: &SuiteEvent) -> Result<(), BoxError> {
        match event {
            SuiteEvent::Ticket(t) => {
                let ticket = t.suite_ticket.clone();
                self.client.save_suite_ticket(&t.suite_id, ticket).await?;
                println!("   backend: kept the suite_ticket");
            }
            SuiteEvent::CreateAuth(_) | SuiteEvent::ResetPermanentCode(_) => {
                // WeCom wants the answer within a second: the code is exchanged after it.
                let code = event.auth_code().ok_or("the push carries no AuthCode")?;
                let (client, code) = (self.client.clone(), code.to_owned());
                tokio::spawn(async move {
                    match suite::get_permanent_code(&client, &code).await {
                        Ok(grant) => println!(
                            "   backend: kept the permanent code of {}",
                            grant.auth_corp_info.corpid
                        ),
                        // The code is lost: the corp's admin installs again.
                        Err(e) => println!("   backend: get_permanent_code failed: {e}"),
                    }
                });
            }
            SuiteEvent::CancelAuth(_) => {
                let cleared = forget_cancelled(&self.client, event).await?;
                let corpid = event.auth_corp_id().unwrap_or_default();
                println!(
                    "   backend: {corpid} removed the suite, {cleared} of its credentials forgotten"
                );
            }
            _ => {}
        }
        Ok(())
    }
}

/// The suite's routes.
pub fn routes<S: TokenStore + 'static>(suite: Arc<Suite<S>>) -> Router {
    Router::new()
        .route("/suite/callback", get(callback::<S>).post(callback::<S>))
        .route("/suite/install", get(install::<S>))
        .route("/suite/installed", get(installed::<S>))
        .route("/suite/corps/{corpid}/departments", get(departments::<S>))
        .with_state(suite)
}

async fn callback<S: TokenStore + 'static>(
    State(suite): State<Arc<Suite<S>>>,
    request: Request,
) -> Response {
    let received = match receive(&suite.handler, request).await {
        Ok(received) => received,
        Err(answer) => return answer,
    };
    if let Message::Suite(event) = &received.message
        && let Err(e) = suite.on_push(event).await
    {
        // Not `success`: WeCom pushes again.
        return plain(500, &e.to_string());
    }
    received.reply.success().map(Into::into)
}

async fn install<S: TokenStore + 'static>(
    State(suite): State<Arc<Suite<S>>>,
) -> Result<Response, Failure> {
    let pre = suite.client.call(&GetPreAuthCode {}).await?;
    if suite.test_install {
        let session = SetSessionInfo::test_install(pre.pre_auth_code.clone());
        suite.client.call(&session).await?;
    }
    let page = install_url(
        suite.client.hosts(),
        &suite.suite_id,
        &pre.pre_auth_code,
        &suite.redirect_uri,
        "platform",
    );
    Ok(redirect(page.as_str()))
}

async fn installed<S: TokenStore + 'static>(
    State(suite): State<Arc<Suite<S>>>,
    uri: Uri,
) -> Result<Response, Failure> {
    let code = InstallRedirect::parse(uri.query().unwrap_or_default())?.auth_code;
    // Keeps the corp's permanent code: from now on the corp's token refreshes from it.
    let grant = suite::get_permanent_code(&suite.client, &code).await?;
    let corpid = grant.auth_corp_info.corpid;
    println!("   backend: kept the permanent code of {corpid}");
    Ok(plain(200, &format!("{corpid} installed the suite")))
}

async fn departments<S: TokenStore + 'static>(
    State(suite): State<Arc<Suite<S>>>,
    Path(corpid): Path<String>,
) -> Result<Response, Failure> {
    // Any WeCom endpoint, with the corp's token.
    let corp = suite.client.suite_corp(&corpid)?;
    let list = corp.call(&ListDepartments::default()).await?;
    let names: Vec<&str> = list.department.iter().map(|d| d.name.as_str()).collect();
    Ok(plain(
        200,
        &format!(
            "{corpid}: {} departments ({})",
            names.len(),
            names.join(", ")
        ),
    ))
}
