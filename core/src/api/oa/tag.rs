//! User tags: the account's tags and who carries them.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::{Ack};
use crate::error::Result;

use super::user::{OpenIdPage, openid_pages, openids};

/// `tags/create` (createTag): a new tag (at most 100 per account). Never retried automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreateTag {
    /// The tag.
    pub tag: NewTag,
}

impl CreateTag {
    /// A tag named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            tag: NewTag { name: name.into() },
        }
    }
}

/// A tag to create.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewTag {
    /// Its name, at most 30 characters.
    pub name: String,
}

/// What [`CreateTag`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct CreatedTag {
    /// The tag.
    pub tag: Tag,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A tag.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Tag {
    /// Its id.
    pub id: u64,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// How many followers carry it (in [`GetTags`] only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `tags/get` (getTags): the account's tags.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GetTags {}

/// What [`GetTags`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Tags {
    /// The tags.
    #[serde(default)]
    pub tags: Vec<Tag>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `tags/update` (updateTag): renames a tag.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdateTag {
    /// The tag and its new name.
    pub tag: TagRename,
}

impl UpdateTag {
    /// Renames tag `id` to `name`.
    pub fn new(id: u64, name: impl Into<String>) -> Self {
        Self {
            tag: TagRename {
                id,
                name: name.into(),
            },
        }
    }
}

/// A tag's new name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TagRename {
    /// The tag's id.
    pub id: u64,
    /// The new name.
    pub name: String,
}

/// `tags/delete` (deleteTag): deletes a tag (one with over 100 000 followers cannot be).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeleteTag {
    /// The tag.
    pub tag: TagId,
}

impl DeleteTag {
    /// Deletes tag `id`.
    pub fn new(id: u64) -> Self {
        Self { tag: TagId { id } }
    }
}

/// A tag's id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TagId {
    /// The id.
    pub id: u64,
}

/// `user/tag/get` (getTagFans): the followers with a tag, 10 000 per page. See
/// [`tag_member_openids`] to walk them all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetTagMembers {
    /// The tag.
    pub tagid: u64,
    /// Start after this OpenID; empty from the beginning.
    pub next_openid: String,
}

/// `tags/members/batchtagging` (batchTagging): tags up to 50 followers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchTagging {
    /// The followers.
    pub openid_list: Vec<String>,
    /// The tag.
    pub tagid: u64,
}

/// `tags/members/batchuntagging` (batchUntagging): removes a tag from up to 50 followers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchUntagging {
    /// The followers.
    pub openid_list: Vec<String>,
    /// The tag.
    pub tagid: u64,
}

/// `tags/getidlist` (getTagIdList): the tags of a follower.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetTagIdList {
    /// The follower's OpenID.
    pub openid: String,
}

/// What [`GetTagIdList`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct TagIdList {
    /// The tag ids.
    #[serde(default)]
    pub tagid_list: Vec<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}


crate::endpoint! {
    area: "officialaccount";

    CreateTag => CreatedTag {
        POST Api "/cgi-bin/tags/create",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html",
    }
    GetTags => Tags {
        GET Api "/cgi-bin/tags/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html",
    }
    UpdateTag => Ack {
        POST Api "/cgi-bin/tags/update",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html",
    }
    DeleteTag => Ack {
        POST Api "/cgi-bin/tags/delete",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html",
    }
    GetTagMembers => OpenIdPage {
        POST Api "/cgi-bin/user/tag/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html",
    }
    BatchTagging => Ack {
        POST Api "/cgi-bin/tags/members/batchtagging",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html",
    }
    BatchUntagging => Ack {
        POST Api "/cgi-bin/tags/members/batchuntagging",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html",
    }
    GetTagIdList => TagIdList {
        POST Api "/cgi-bin/tags/getidlist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/User_Management/User_Tag_Management.html",
    }
}


/// The OpenIDs of the followers with a tag ([`GetTagMembers`]), one by one. An error is yielded
/// and ends the stream.
pub fn tag_member_openids<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    tagid: u64,
) -> impl Stream<Item = Result<String>> + 'a {
    openids(openid_pages(client, None, move |next| GetTagMembers {
        tagid,
        next_openid: next.unwrap_or_default(),
    }))
}
