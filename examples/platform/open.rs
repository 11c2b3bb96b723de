//! The Open Platform component (开放平台第三方平台): its callback, the authorization pages and
//! calls made for the accounts that authorized it.
//!
//! | route | what |
//! |---|---|
//! | `GET`/`POST /open/callback` | the authorization event URL (授权事件接收URL): tickets and (un)authorizations |
//! | `GET /open/authorize[?biz_appid=wx..]` | 302 to WeChat's authorization page (a fresh pre-auth code) |
//! | `GET /open/authorized?auth_code=..` | where WeChat sends the admin back: the refresh token kept |
//! | `GET /open/accounts/{appid}/info` | the account's details (the component's token) |
//! | `GET /open/accounts/{appid}/ips` | `get_api_domain_ip` with the account's own token |

use std::sync::Arc;

use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::Uri;
use axum::response::Response;
use axum::routing::get;
use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_core::api::open::authorizer::{
    AuthType, AuthorizationRedirect, GetAuthorizerInfo, forget_unauthorized, login_page_url,
};
use wechat_core::callback::{CallbackHandler, ComponentEvent, Message, Platform};
use wechat_core::client::TokenStore;
use wechat_core::token::endpoints::{CreatePreAuthCode, QueryAuth};
use wechat_reqwest::{Client, FlowExt};

use crate::{BoxError, Failure, Settings, plain, receive, redirect};

/// The component: its client (the `component_access_token` flow), its callback, and where
/// WeChat sends admins back.
pub struct Component<S> {
    /// The component's client; `client.authorizer(appid)` calls for an account.
    pub client: Client<S>,
    appid: String,
    handler: CallbackHandler,
    redirect_uri: String,
}

impl<S: TokenStore + 'static> Component<S> {
    /// The component of `client` (built with `wechat_reqwest::component`).
    pub fn new(client: Client<S>, settings: &Settings) -> Result<Arc<Self>, BoxError> {
        let Some(wechat_core::TokenFlow::Component(app)) = client.flow() else {
            return Err("not an Open Platform component client".into());
        };
        let appid = app.appid.clone();
        Ok(Arc::new(Self {
            handler: settings.handler(Platform::OpenPlatform, &appid)?,
            redirect_uri: format!("{}/open/authorized", settings.public_url),
            client,
            appid,
        }))
    }

    /// What a push changes: the ticket is kept (the component token is fetched from it), a
    /// withdrawn account's token, refresh token and tickets are cleared.
    async fn on_push(&self, event: &ComponentEvent) -> Result<(), BoxError> {
        match event {
            ComponentEvent::VerifyTicket(t) => {
                let ticket = t.component_verify_ticket.clone();
                self.client
                    .save_component_verify_ticket(&t.app_id, ticket)
                    .await?;
                println!("   backend: kept the component_verify_ticket");
            }
            ComponentEvent::Unauthorized(e) => {
                let cleared = forget_unauthorized(&self.client, event).await?;
                println!(
                    "   backend: {} withdrew, {cleared} of its credentials forgotten",
                    e.authorizer_appid
                );
            }
            // The same code reaches `/open/authorized` through the admin's browser, which
            // exchanges it (a code works once); a platform whose admins may close the browser
            // first can exchange it here instead.
            ComponentEvent::Authorized(e) | ComponentEvent::UpdateAuthorized(e) => {
                println!(
                    "   backend: {} authorized (or changed its grant)",
                    e.authorizer_appid
                );
            }
            _ => {}
        }
        Ok(())
    }
}

/// The component's routes.
pub fn routes<S: TokenStore + 'static>(component: Arc<Component<S>>) -> Router {
    Router::new()
        .route("/open/callback", get(callback::<S>).post(callback::<S>))
        .route("/open/authorize", get(authorize::<S>))
        .route("/open/authorized", get(authorized::<S>))
        .route("/open/accounts/{appid}/info", get(info::<S>))
        .route("/open/accounts/{appid}/ips", get(ips::<S>))
        .with_state(component)
}

async fn callback<S: TokenStore + 'static>(
    State(component): State<Arc<Component<S>>>,
    request: Request,
) -> Response {
    let received = match receive(&component.handler, request).await {
        Ok(received) => received,
        Err(answer) => return answer,
    };
    if let Message::Component(event) = &received.message
        && let Err(e) = component.on_push(event).await
    {
        // Not `success`: WeChat pushes again.
        return plain(500, &e.to_string());
    }
    received.reply.success().map(Into::into)
}

async fn authorize<S: TokenStore + 'static>(
    State(component): State<Arc<Component<S>>>,
    uri: Uri,
) -> Result<Response, Failure> {
    // `biz_appid` offers one account only (the admin's choice on your own page).
    let biz_appid = uri
        .query()
        .unwrap_or_default()
        .split('&')
        .find_map(|pair| pair.strip_prefix("biz_appid="));
    let pre = component
        .client
        .call(&CreatePreAuthCode {
            component_appid: component.appid.clone(),
        })
        .await?;
    let page = login_page_url(
        component.client.hosts(),
        &component.appid,
        &pre.pre_auth_code,
        &component.redirect_uri,
        AuthType::Both,
        biz_appid,
    );
    Ok(redirect(page.as_str()))
}

async fn authorized<S: TokenStore + 'static>(
    State(component): State<Arc<Component<S>>>,
    uri: Uri,
) -> Result<Response, Failure> {
    let code = AuthorizationRedirect::parse(uri.query().unwrap_or_default())?.auth_code;
    let grant = component
        .client
        .call(&QueryAuth {
            component_appid: component.appid.clone(),
            authorization_code: code,
        })
        .await?
        .authorization_info;
    // The refresh token comes once: from now on the account's token refreshes from it.
    component
        .client
        .save_authorizer_refresh_token(
            &component.appid,
            &grant.authorizer_appid,
            grant.authorizer_refresh_token,
        )
        .await?;
    println!(
        "   backend: kept the refresh token of {}",
        grant.authorizer_appid
    );
    Ok(plain(
        200,
        &format!("{} authorized the platform", grant.authorizer_appid),
    ))
}

async fn info<S: TokenStore + 'static>(
    State(component): State<Arc<Component<S>>>,
    Path(appid): Path<String>,
) -> Result<Response, Failure> {
    let details = component
        .client
        .call(&GetAuthorizerInfo::new(&component.appid, &appid))
        .await?;
    let info = details.authorizer_info;
    Ok(plain(
        200,
        &format!("{appid}: {} ({})", info.nick_name, info.principal_name),
    ))
}

async fn ips<S: TokenStore + 'static>(
    State(component): State<Arc<Component<S>>>,
    Path(appid): Path<String>,
) -> Result<Response, Failure> {
    // Any Official Account or Mini Program endpoint, with the account's token.
    let account = component.client.authorizer(&appid)?;
    let ips = account.call(&GetApiDomainIp {}).await?;
    Ok(plain(
        200,
        &format!("{appid}: {} API addresses", ips.ip_list.len()),
    ))
}
