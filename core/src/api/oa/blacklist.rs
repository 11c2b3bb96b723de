//! The blacklist: followers the account blocked.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::{Ack};
use crate::error::Result;

use super::user::{OpenIdPage, openid_pages, openids};

/// `tags/members/getblacklist` (getBlacklist): blocked users, 10 000 per page. See
/// [`blacklist_openids`] to walk them all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetBlacklist {
    /// Start after this OpenID; empty from the beginning.
    pub begin_openid: String,
}

/// `tags/members/batchblacklist` (batchBlacklist): blocks up to 20 users.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchBlacklist {
    /// The users' OpenIDs.
    pub openid_list: Vec<String>,
}

/// `tags/members/batchunblacklist` (batchUnblacklist): unblocks up to 20 users.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchUnblacklist {
    /// The users' OpenIDs.
    pub openid_list: Vec<String>,
}

crate::endpoint! {
    area: "officialaccount";

    GetBlacklist => OpenIdPage {
        POST Api "/cgi-bin/tags/members/getblacklist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/Manage_blacklist.html",
    }
    BatchBlacklist => Ack {
        POST Api "/cgi-bin/tags/members/batchblacklist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/Manage_blacklist.html",
    }
    BatchUnblacklist => Ack {
        POST Api "/cgi-bin/tags/members/batchunblacklist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/Manage_blacklist.html",
    }
}


/// Every blocked user's OpenID ([`GetBlacklist`]), one by one. An error is yielded and ends the
/// stream.
pub fn blacklist_openids<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
) -> impl Stream<Item = Result<String>> + 'a {
    openids(openid_pages(client, None, |next| GetBlacklist {
        begin_openid: next.unwrap_or_default(),
    }))
}
