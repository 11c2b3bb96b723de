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
//! The token endpoints themselves (`api_component_token`, `api_create_preauthcode`,
//! `api_query_auth`, `api_authorizer_token`) live in [`crate::token::endpoints`].

crate::api::area! {
    authorizer,
    basic,
    code,
    domain,
    oauth,
    register,
}
