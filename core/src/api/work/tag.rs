//! Tags (标签管理) and their members.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::endpoint::Ack;
use crate::lenient;

/// `tag/create` (创建标签): a new tag, owned by the calling app. Never retried automatically.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateTag {
    /// The name, at most 32 characters, unique in the corp.
    pub tagname: String,
    /// The id to give it; the next free one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tagid: Option<u64>,
}

impl CreateTag {
    /// A tag named `tagname`.
    pub fn new(tagname: impl Into<String>) -> Self {
        Self {
            tagname: tagname.into(),
            tagid: None,
        }
    }
}

/// What [`CreateTag`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreatedTag {
    /// The new tag's id.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub tagid: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `tag/update` (更新标签名字): renames a tag.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateTag {
    /// The tag.
    pub tagid: u64,
    /// The new name.
    pub tagname: String,
}

impl UpdateTag {
    /// Renames tag `tagid` to `tagname`.
    pub fn new(tagid: u64, tagname: impl Into<String>) -> Self {
        Self {
            tagid,
            tagname: tagname.into(),
        }
    }
}

/// `tag/delete` (删除标签): deletes a tag the app created.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteTag {
    /// The tag.
    pub tagid: u64,
}

/// `tag/get` (获取标签成员): the members and departments carrying a tag.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetTagMembers {
    /// The tag.
    pub tagid: u64,
}

/// What [`GetTagMembers`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TagMembers {
    /// The tag's name.
    #[serde(default)]
    pub tagname: String,
    /// The members (those the app may see).
    #[serde(default)]
    pub userlist: Vec<TagMember>,
    /// The departments.
    #[serde(default)]
    pub partylist: Vec<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member carrying a tag.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TagMember {
    /// The UserID.
    #[serde(default)]
    pub userid: String,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `tag/addtagusers` (增加标签成员): tags members and departments. Those WeCom refuses come
/// back in [`TagUsersResult`]; when all are refused the call fails (40070).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddTagUsers {
    /// The tag.
    pub tagid: u64,
    /// The members, at most 1000 (this or `partylist` must not be empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub userlist: Vec<String>,
    /// The departments, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partylist: Vec<u64>,
}

impl AddTagUsers {
    /// Tags these members with `tagid`.
    pub fn users<I: IntoIterator<Item = impl Into<String>>>(tagid: u64, userids: I) -> Self {
        Self {
            tagid,
            userlist: userids.into_iter().map(Into::into).collect(),
            partylist: Vec::new(),
        }
    }
}

/// `tag/deltagusers` (删除标签成员): removes a tag from members and departments. Those WeCom
/// refuses come back in [`TagUsersResult`]; when all are refused the call fails (40031).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DelTagUsers {
    /// The tag.
    pub tagid: u64,
    /// The members, at most 1000 (this or `partylist` must not be empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub userlist: Vec<String>,
    /// The departments, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partylist: Vec<u64>,
}

impl DelTagUsers {
    /// Removes `tagid` from these members.
    pub fn users<I: IntoIterator<Item = impl Into<String>>>(tagid: u64, userids: I) -> Self {
        Self {
            tagid,
            userlist: userids.into_iter().map(Into::into).collect(),
            partylist: Vec::new(),
        }
    }
}

/// What [`AddTagUsers`] and [`DelTagUsers`] answer: the part WeCom refused, when some was
/// invalid (both empty when everything was done).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TagUsersResult {
    /// The invalid UserIDs (WeCom sends them as one `"u1|u2"` string).
    #[serde(
        default,
        deserialize_with = "bar_separated",
        serialize_with = "bar_joined",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub invalidlist: Vec<String>,
    /// The invalid department ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalidparty: Vec<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl TagUsersResult {
    /// True when nothing was refused.
    pub fn all_done(&self) -> bool {
        self.invalidlist.is_empty() && self.invalidparty.is_empty()
    }
}

/// `"u1|u2"` (or a list, or `null`) as its UserIDs.
fn bar_separated<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Ids {
        Joined(String),
        List(Vec<String>),
    }
    Ok(match Option::<Ids>::deserialize(d)? {
        None => Vec::new(),
        Some(Ids::List(ids)) => ids,
        Some(Ids::Joined(s)) => s
            .split('|')
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_owned)
            .collect(),
    })
}

/// UserIDs written back as WeCom sends them: `"u1|u2"`.
fn bar_joined<S: Serializer>(ids: &[String], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&ids.join("|"))
}

/// `tag/list` (获取标签列表): the corp's tags.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListTags {}

/// What [`ListTags`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TagList {
    /// The tags.
    #[serde(default)]
    pub taglist: Vec<TagSummary>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A tag: its id and name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TagSummary {
    /// The id.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub tagid: u64,
    /// The name.
    #[serde(default)]
    pub tagname: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    CreateTag => CreatedTag {
        POST Work "/cgi-bin/tag/create",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/90210",
    }
    UpdateTag => Ack {
        POST Work "/cgi-bin/tag/update",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90211",
    }
    DeleteTag => Ack {
        GET Work "/cgi-bin/tag/delete",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90212",
    }
    GetTagMembers => TagMembers {
        GET Work "/cgi-bin/tag/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90213",
    }
    AddTagUsers => TagUsersResult {
        POST Work "/cgi-bin/tag/addtagusers",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90214",
    }
    DelTagUsers => TagUsersResult {
        POST Work "/cgi-bin/tag/deltagusers",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90215",
    }
    ListTags => TagList {
        GET Work "/cgi-bin/tag/list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90216",
    }
}
