//! User management: profiles, remarks, the follower list (paged by `next_openid`) and OpenID
//! migration.

use futures_util::stream::{self, Stream, TryStreamExt};
use serde::{Deserialize, Serialize};

use crate::client::{Client, HttpClient, MaybeSync, Runtime, TokenStore};
use crate::endpoint::{Ack, Endpoint};
use crate::error::{Error, Result};

use crate::lenient;

/// `user/info` (getUserInfo): a follower's profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetUserInfo {
    /// The user's OpenID.
    pub openid: String,
    /// `zh_CN`, `zh_TW` or `en`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl GetUserInfo {
    /// The profile of `openid`, in WeChat's default language.
    pub fn new(openid: impl Into<String>) -> Self {
        Self {
            openid: openid.into(),
            lang: None,
        }
    }
}

/// A follower's profile. Since 2021-12-27 WeChat no longer sends the nickname, avatar, gender or
/// region here.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct UserInfo {
    /// `1` when the user follows the account; `0` and nothing else otherwise.
    #[serde(default)]
    pub subscribe: i64,
    /// The OpenID.
    pub openid: String,
    /// The client's language.
    #[serde(default)]
    pub language: String,
    /// When the user last followed, Unix seconds.
    #[serde(default)]
    pub subscribe_time: i64,
    /// The UnionID, when the account is bound to an Open Platform account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// The account's remark on the user.
    #[serde(default)]
    pub remark: String,
    /// The old group id.
    #[serde(default)]
    pub groupid: i64,
    /// The user's tags.
    #[serde(default)]
    pub tagid_list: Vec<u64>,
    /// How the user came: `ADD_SCENE_SEARCH`, `ADD_SCENE_QR_CODE`, ...
    #[serde(default)]
    pub subscribe_scene: String,
    /// The integer scene of the QR code scanned.
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub qr_scene: Option<u64>,
    /// The string scene of the QR code scanned.
    #[serde(default)]
    pub qr_scene_str: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `user/info/batchget` (batchGetUserInfo): up to 100 profiles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchGetUserInfo {
    /// The users.
    pub user_list: Vec<UserInfoQuery>,
}

impl BatchGetUserInfo {
    /// The profiles of these OpenIDs, in WeChat's default language.
    pub fn new<I: IntoIterator<Item = impl Into<String>>>(openids: I) -> Self {
        Self {
            user_list: openids
                .into_iter()
                .map(|o| UserInfoQuery {
                    openid: o.into(),
                    lang: None,
                })
                .collect(),
        }
    }
}

/// One user of [`BatchGetUserInfo`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserInfoQuery {
    /// The OpenID.
    pub openid: String,
    /// `zh_CN`, `zh_TW` or `en`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// What [`BatchGetUserInfo`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct UserInfoList {
    /// The profiles.
    #[serde(default)]
    pub user_info_list: Vec<UserInfo>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `user/info/updateremark` (updateRemark): sets the account's remark on a follower.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdateRemark {
    /// The follower's OpenID.
    pub openid: String,
    /// The remark, under 30 characters.
    pub remark: String,
}

/// `user/get` (getFans): followers' OpenIDs, 10 000 per page from `next_openid`. See
/// [`follower_pages`] and [`follower_openids`] to walk the whole list.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetUserList {
    /// Start after this OpenID; from the beginning when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_openid: Option<String>,
}

/// A page of OpenIDs: followers, a tag's members or the blacklist.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct OpenIdPage {
    /// How many the whole list holds (absent for a tag's members).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    /// How many this page holds.
    #[serde(default)]
    pub count: u64,
    /// The OpenIDs.
    #[serde(default)]
    pub data: OpenIdList,
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_openid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A list of OpenIDs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct OpenIdList {
    /// The OpenIDs.
    #[serde(default)]
    pub openid: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `changeopenid`: after an account migration, the new account's OpenIDs of the old account's
/// users (up to 100 per call, within 15 days).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChangeOpenid {
    /// The old account's app id.
    pub from_appid: String,
    /// The old account's OpenIDs.
    pub openid_list: Vec<String>,
}

/// What [`ChangeOpenid`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ChangedOpenids {
    /// One result per OpenID.
    #[serde(default)]
    pub result_list: Vec<ChangedOpenid>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One converted OpenID.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ChangedOpenid {
    /// The old account's OpenID.
    pub ori_openid: String,
    /// The new account's OpenID (empty on failure).
    #[serde(default)]
    pub new_openid: String,
    /// `ok`, or why this one failed.
    #[serde(default)]
    pub err_msg: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}


crate::endpoint! {
    area: "officialaccount";

    GetUserInfo => UserInfo {
        GET Api "/cgi-bin/user/info",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/Get_users_basic_information_UnionID.html",
    }
    BatchGetUserInfo => UserInfoList {
        POST Api "/cgi-bin/user/info/batchget",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/Get_users_basic_information_UnionID.html",
    }
    UpdateRemark => Ack {
        POST Api "/cgi-bin/user/info/updateremark",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/Configuring_user_notes.html",
    }
    GetUserList => OpenIdPage {
        GET Api "/cgi-bin/user/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/Getting_a_User_List.html",
    }
    ChangeOpenid => ChangedOpenids {
        POST Api "/cgi-bin/changeopenid",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/service/api/usermanage/changeopenid/api_changeopenid.html",
    }
}


/// Walks an OpenID list page by page: `request(cursor)` builds the call for a page (`None` first).
///
/// Yields every page that holds OpenIDs. It stops after an empty page, an empty or repeated
/// `next_openid`, or once `total` OpenIDs have been seen (saving a call against the daily quota).
/// A failed call is yielded and ends the stream: nothing is skipped silently.
pub(crate) fn openid_pages<'a, H, S, R, E, F>(
    client: &'a Client<H, S, R>,
    start: Option<String>,
    request: F,
) -> impl Stream<Item = Result<OpenIdPage>> + 'a
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
    E: Endpoint<Response = OpenIdPage> + MaybeSync + 'a,
    F: FnMut(Option<String>) -> E + 'a,
{
    struct Cursor {
        at: Option<String>,
        seen: u64,
    }
    let mut request = request;
    stream::try_unfold(
        Some(Cursor { at: start, seen: 0 }),
        move |cursor: Option<Cursor>| {
            let call = cursor.map(|c| (request(c.at.clone()), c));
            async move {
                let Some((endpoint, cursor)) = call else {
                    return Ok(None);
                };
                let page = client.call(&endpoint).await?;
                if page.data.openid.is_empty() {
                    return Ok(None);
                }
                let seen = cursor.seen + page.data.openid.len() as u64;
                let more = !page.next_openid.is_empty()
                    && cursor.at.as_deref() != Some(page.next_openid.as_str())
                    && page.total.is_none_or(|total| seen < total);
                let next = more.then(|| Cursor {
                    at: Some(page.next_openid.clone()),
                    seen,
                });
                Ok(Some((page, next)))
            }
        },
    )
}

/// Every OpenID of a paged list, one by one; an error is yielded and ends the stream.
pub(crate) fn openids<'a>(
    pages: impl Stream<Item = Result<OpenIdPage>> + 'a,
) -> impl Stream<Item = Result<String>> + 'a {
    pages
        .map_ok(|page| stream::iter(page.data.openid.into_iter().map(Ok::<_, Error>)))
        .try_flatten()
}

/// The follower list ([`GetUserList`]) page by page, from `next_openid` (the beginning when
/// `None`). An error is yielded and ends the stream.
pub fn follower_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    next_openid: Option<String>,
) -> impl Stream<Item = Result<OpenIdPage>> + 'a {
    openid_pages(client, next_openid, |next_openid| GetUserList {
        next_openid,
    })
}

/// Every follower's OpenID ([`GetUserList`]), one by one. An error is yielded and ends the
/// stream.
pub fn follower_openids<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
) -> impl Stream<Item = Result<String>> + 'a {
    openids(follower_pages(client, None))
}
