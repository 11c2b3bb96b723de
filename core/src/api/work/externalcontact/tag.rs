//! Customer tags (客户标签): corp and strategy tags, and marking customers.

use serde::{Deserialize, Serialize};

use crate::endpoint::Ack;
use crate::lenient;

fn strings<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> Vec<String> {
    items.into_iter().map(Into::into).collect()
}

/// `externalcontact/get_corp_tag_list` (获取企业标签库): the corp's customer tags, all or by
/// tag or group id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetCorpTagList {
    /// Tags to read (their groups are answered with only these tags).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_id: Vec<String>,
    /// Groups to read, with all their tags (ignored when `tag_id` is given).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_id: Vec<String>,
}

/// A corp customer tag.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpTag {
    /// The tag's id.
    #[serde(default)]
    pub id: String,
    /// The tag's name.
    #[serde(default)]
    pub name: String,
    /// When it was created (Unix seconds).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub create_time: u64,
    /// Its order within the group: larger first.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub order: u64,
    /// True when it was deleted (answered only for deleted tags still marked on customers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A group of corp customer tags.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpTagGroup {
    /// The group's id.
    #[serde(default)]
    pub group_id: String,
    /// The group's name.
    #[serde(default)]
    pub group_name: String,
    /// When it was created (Unix seconds).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub create_time: u64,
    /// Its order: larger first.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub order: u64,
    /// True when it was deleted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// Its tags.
    #[serde(default)]
    pub tag: Vec<CorpTag>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`GetCorpTagList`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpTagGroups {
    /// The groups.
    #[serde(default)]
    pub tag_group: Vec<CorpTagGroup>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A tag to create, in [`AddCorpTag`] and [`AddStrategyTag`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewCustomerTag {
    /// The tag's name, at most 30 characters.
    pub name: String,
    /// Its order: larger first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
}

impl NewCustomerTag {
    /// A tag named `name`, in the default order.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            order: None,
        }
    }

    /// A tag named `name` with its `order`.
    pub fn ordered(name: impl Into<String>, order: u32) -> Self {
        Self {
            name: name.into(),
            order: Some(order),
        }
    }
}

/// `externalcontact/add_corp_tag` (添加企业客户标签): tags, in an existing group (`group_id`)
/// or in a group created by name (`group_name`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddCorpTag {
    /// The existing group to add to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The group's name, when it is to be created (or found by name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// The group's order, when created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    /// The tags.
    pub tag: Vec<NewCustomerTag>,
    /// The app that owns them (third-party and agent apps' own tags).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl AddCorpTag {
    /// `tag` in the existing group `group_id`.
    pub fn in_group(group_id: impl Into<String>, tag: Vec<NewCustomerTag>) -> Self {
        Self {
            group_id: Some(group_id.into()),
            tag,
            ..Self::default()
        }
    }

    /// `tag` in the group named `group_name` (created when it does not exist).
    pub fn in_group_named(group_name: impl Into<String>, tag: Vec<NewCustomerTag>) -> Self {
        Self {
            group_name: Some(group_name.into()),
            tag,
            ..Self::default()
        }
    }
}

/// What [`AddCorpTag`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddedCorpTags {
    /// The group, with the tags created.
    #[serde(default)]
    pub tag_group: CorpTagGroup,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/edit_corp_tag` (编辑企业客户标签): renames or reorders a tag or a group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EditCorpTag {
    /// The tag's or the group's id.
    pub id: String,
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    /// The app that owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl EditCorpTag {
    /// Renames `id` to `name`.
    pub fn rename(id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            name: Some(name.into()),
            ..Self::default()
        }
    }
}

/// `externalcontact/del_corp_tag` (删除企业客户标签): tags and groups (a group with all its
/// tags).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DelCorpTag {
    /// The tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_id: Vec<String>,
    /// The groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_id: Vec<String>,
    /// The app that owns them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agentid: Option<i64>,
}

impl DelCorpTag {
    /// Deletes the tags `tag_id`.
    pub fn tags<I: IntoIterator<Item = S>, S: Into<String>>(tag_id: I) -> Self {
        Self {
            tag_id: strings(tag_id),
            ..Self::default()
        }
    }

    /// Deletes the groups `group_id`, with their tags.
    pub fn groups<I: IntoIterator<Item = S>, S: Into<String>>(group_id: I) -> Self {
        Self {
            group_id: strings(group_id),
            ..Self::default()
        }
    }
}

/// `externalcontact/mark_tag` (编辑客户企业标签): adds and removes a member's corp tags on a
/// customer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MarkTag {
    /// The member who added the customer.
    pub userid: String,
    /// The customer's external UserID.
    pub external_userid: String,
    /// Tags to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_tag: Vec<String>,
    /// Tags to remove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove_tag: Vec<String>,
}

impl MarkTag {
    /// Nothing to change yet on `external_userid` as seen by `userid`.
    pub fn new(userid: impl Into<String>, external_userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
            external_userid: external_userid.into(),
            ..Self::default()
        }
    }

    /// Adds the tags `tag_id`.
    pub fn add_tags<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tag_id: I) -> Self {
        self.add_tag.extend(strings(tag_id));
        self
    }

    /// Removes the tags `tag_id`.
    pub fn remove_tags<I: IntoIterator<Item = S>, S: Into<String>>(mut self, tag_id: I) -> Self {
        self.remove_tag.extend(strings(tag_id));
        self
    }
}

/// `externalcontact/get_strategy_tag_list` (获取指定规则组下的企业客户标签): the tags of a
/// rule group (strategy), or of all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetStrategyTagList {
    /// The rule group; all when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy_id: Option<u64>,
    /// Tags to read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_id: Vec<String>,
    /// Groups to read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_id: Vec<String>,
}

/// A rule group's customer tag.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyTag {
    /// The tag's id.
    #[serde(default)]
    pub id: String,
    /// The tag's name.
    #[serde(default)]
    pub name: String,
    /// When it was created (Unix seconds).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub create_time: u64,
    /// Its order within the group: larger first.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub order: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A group of a rule group's customer tags.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyTagGroup {
    /// The group's id.
    #[serde(default)]
    pub group_id: String,
    /// The group's name.
    #[serde(default)]
    pub group_name: String,
    /// When it was created (Unix seconds).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub create_time: u64,
    /// Its order: larger first.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub order: u64,
    /// The rule group it belongs to.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub strategy_id: u64,
    /// Its tags.
    #[serde(default)]
    pub tag: Vec<StrategyTag>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`GetStrategyTagList`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyTagGroups {
    /// The groups.
    #[serde(default)]
    pub tag_group: Vec<StrategyTagGroup>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/add_strategy_tag` (为指定规则组创建企业客户标签): tags of a rule group, in
/// an existing group or in a group created by name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddStrategyTag {
    /// The rule group.
    pub strategy_id: u64,
    /// The existing group to add to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// The group's name, when it is to be created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_name: Option<String>,
    /// The group's order, when created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    /// The tags.
    pub tag: Vec<NewCustomerTag>,
}

impl AddStrategyTag {
    /// `tag` of rule group `strategy_id` in the group named `group_name`.
    pub fn in_group_named(
        strategy_id: u64,
        group_name: impl Into<String>,
        tag: Vec<NewCustomerTag>,
    ) -> Self {
        Self {
            strategy_id,
            group_name: Some(group_name.into()),
            tag,
            ..Self::default()
        }
    }
}

/// What [`AddStrategyTag`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddedStrategyTags {
    /// The group, with the tags created.
    #[serde(default)]
    pub tag_group: StrategyTagGroup,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/edit_strategy_tag` (编辑指定规则组下的企业客户标签): renames or reorders a
/// rule group's tag or group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EditStrategyTag {
    /// The tag's or the group's id.
    pub id: String,
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
}

/// `externalcontact/del_strategy_tag` (删除指定规则组下的企业客户标签): a rule group's tags and
/// groups.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DelStrategyTag {
    /// The tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag_id: Vec<String>,
    /// The groups.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_id: Vec<String>,
}

crate::endpoint! {
    area: "work";

    GetCorpTagList => CorpTagGroups {
        POST Work "/cgi-bin/externalcontact/get_corp_tag_list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92117",
    }
    AddCorpTag => AddedCorpTags {
        POST Work "/cgi-bin/externalcontact/add_corp_tag",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/92117",
    }
    EditCorpTag => Ack {
        POST Work "/cgi-bin/externalcontact/edit_corp_tag",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92117",
    }
    DelCorpTag => Ack {
        POST Work "/cgi-bin/externalcontact/del_corp_tag",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92117",
    }
    MarkTag => Ack {
        POST Work "/cgi-bin/externalcontact/mark_tag",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92118",
    }
    GetStrategyTagList => StrategyTagGroups {
        POST Work "/cgi-bin/externalcontact/get_strategy_tag_list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94882",
    }
    AddStrategyTag => AddedStrategyTags {
        POST Work "/cgi-bin/externalcontact/add_strategy_tag",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/94882",
    }
    EditStrategyTag => Ack {
        POST Work "/cgi-bin/externalcontact/edit_strategy_tag",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94882",
    }
    DelStrategyTag => Ack {
        POST Work "/cgi-bin/externalcontact/del_strategy_tag",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94882",
    }
}
