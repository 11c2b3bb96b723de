//! The blacklist: followers the account blocked.

use futures_util::stream::Stream;
use serde::Serialize;

use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::{Ack, Endpoint, Meta};
use crate::error::Result;

use super::user::{OpenIdPage, openid_pages, openids};

/// `tags/members/getblacklist` (getBlacklist): blocked users, 10 000 per page. See
/// [`blacklist_openids`] to walk them all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct GetBlacklist {
    /// Start after this OpenID; empty from the beginning.
    pub begin_openid: String,
}

/// `tags/members/batchblacklist` (batchBlacklist): blocks up to 20 users.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BatchBlacklist {
    /// The users' OpenIDs.
    pub openid_list: Vec<String>,
}

/// `tags/members/batchunblacklist` (batchUnblacklist): unblocks up to 20 users.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct BatchUnblacklist {
    /// The users' OpenIDs.
    pub openid_list: Vec<String>,
}

crate::endpoint! {
    GetBlacklist => OpenIdPage {
        POST Api "/cgi-bin/tags/members/getblacklist", AccessToken, Safe,
        area: "officialaccount",
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/Manage_blacklist.html",
    }
    BatchBlacklist => Ack {
        POST Api "/cgi-bin/tags/members/batchblacklist", AccessToken, Safe,
        area: "officialaccount",
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/Manage_blacklist.html",
    }
    BatchUnblacklist => Ack {
        POST Api "/cgi-bin/tags/members/batchunblacklist", AccessToken, Safe,
        area: "officialaccount",
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/Manage_blacklist.html",
    }
}

pub(crate) const CATALOG: &[Meta] = &[
    GetBlacklist::META,
    BatchBlacklist::META,
    BatchUnblacklist::META,
];

/// Every blocked user's OpenID ([`GetBlacklist`]), one by one. An error is yielded and ends the
/// stream.
pub fn blacklist_openids<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
) -> impl Stream<Item = Result<String>> + 'a {
    openids(openid_pages(client, None, |next| GetBlacklist {
        begin_openid: next.unwrap_or_default(),
    }))
}
