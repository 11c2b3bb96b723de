//! Open Platform third-party platform (开放平台第三方平台) endpoints.
//!
//! A platform calls two kinds of endpoints: its own, with its `component_access_token`
//! ([`AuthScheme::ComponentAccessToken`](crate::AuthScheme::ComponentAccessToken): authorizer
//! management, fast registration, web authorization on behalf of an Official Account), and its
//! authorizers', with each authorizer's `authorizer_access_token` (the `access_token` scheme,
//! through [`TokenFlow::Authorizer`](crate::TokenFlow::Authorizer): Mini Program basic info,
//! code management, domains, and every Official Account and Mini Program endpoint of
//! [`oa`](crate::api::oa) and [`mp`](crate::api::mp)).
//!
//! The journey, on any adapter (a platform client is a [`Client`](crate::Client) whose flow is
//! [`TokenFlow::Component`](crate::TokenFlow::Component)):
//!
//! ```
//! use wechat_core::api::oa::basic::GetApiDomainIp;
//! use wechat_core::api::open::authorizer::{self, AuthType, AuthorizationRedirect};
//! use wechat_core::callback::{ComponentEvent, Message, Received};
//! use wechat_core::client::{Client, HttpClient, Runtime, TokenStore};
//! use wechat_core::token::endpoints::{CreatePreAuthCode, QueryAuth};
//! use wechat_core::{Result, TokenFlow};
//!
//! /// In the platform's callback (`Platform::OpenPlatform`, safe mode): keep the ticket, forget
//! /// an account that withdrew its authorization.
//! async fn on_push<H: HttpClient, S: TokenStore, R: Runtime>(
//!     platform: &Client<H, S, R>,
//!     received: &Received,
//! ) -> Result<()> {
//!     let store_error = |e: wechat_core::token::StoreError| wechat_core::Error::Credential(e.to_string());
//!     match &received.message {
//!         Message::Component(ComponentEvent::VerifyTicket(t)) => platform
//!             .save_component_verify_ticket(&t.app_id, t.component_verify_ticket.clone())
//!             .await
//!             .map_err(store_error),
//!         Message::Component(event) => authorizer::forget_unauthorized(platform, event)
//!             .await
//!             .map(drop)
//!             .map_err(store_error),
//!         _ => Ok(()),
//!     }
//! }
//!
//! /// The page to send an account's admin to.
//! async fn authorization_page<H: HttpClient, S: TokenStore, R: Runtime>(
//!     platform: &Client<H, S, R>,
//!     component_appid: &str,
//! ) -> Result<url::Url> {
//!     let pre = platform
//!         .call(&CreatePreAuthCode { component_appid: component_appid.into() })
//!         .await?;
//!     Ok(authorizer::login_page_url(
//!         platform.hosts(),
//!         component_appid,
//!         &pre.pre_auth_code,
//!         "https://platform.example.com/authorized",
//!         AuthType::Both,
//!         None,
//!     ))
//! }
//!
//! /// Where WeChat redirects the admin: keep the account's refresh token, then call for it.
//! async fn authorized<H: HttpClient, S: TokenStore, R: Runtime>(
//!     platform: &Client<H, S, R>,
//!     component_appid: &str,
//!     redirect_url: &str,
//! ) -> Result<()> {
//!     let code = AuthorizationRedirect::parse(redirect_url)?.auth_code;
//!     let grant = platform
//!         .call(&QueryAuth { component_appid: component_appid.into(), authorization_code: code })
//!         .await?
//!         .authorization_info;
//!     platform
//!         .save_authorizer_refresh_token(
//!             component_appid,
//!             &grant.authorizer_appid,
//!             grant.authorizer_refresh_token,
//!         )
//!         .await
//!         .map_err(|e| wechat_core::Error::Credential(e.to_string()))?;
//!     let Some(TokenFlow::Component(component)) = platform.flow() else {
//!         return Err(wechat_core::Error::Build("not a platform client".into()));
//!     };
//!     let account = platform.with_auth(TokenFlow::Authorizer {
//!         component: component.clone(),
//!         appid: grant.authorizer_appid,
//!     });
//!     let ips = account.call(&GetApiDomainIp {}).await?; // its token refreshes by itself
//!     # let _ = ips;
//!     Ok(())
//! }
//! ```
//!
//! The token endpoints themselves (`api_component_token`, `api_create_preauthcode`,
//! `api_query_auth`, `api_authorizer_token`) live in [`crate::token::endpoints`].

crate::api::area! {
    authorizer,
    basic,
    beta,
    code,
    domain,
    oauth,
    register,
}
