//! Subscription notifications (`newtmpl`): the template library, the account's templates, and
//! sending to users who subscribed.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::endpoint::{Ack};

use super::template::{MiniProgramLink, TemplateValue};
use crate::lenient;

/// `newtmpl/getcategory` (getCategory): the categories of the account.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GetCategory {}

/// What [`GetCategory`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Categories {
    /// The categories.
    #[serde(default)]
    pub data: Vec<Category>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A category.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Category {
    /// Its id.
    #[serde(deserialize_with = "lenient::text")]
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `newtmpl/getpubtemplatetitles` (getPubTemplateTitleList): library templates of some
/// categories, a page at a time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetPubTemplateTitles {
    /// Category ids, comma-separated.
    pub ids: String,
    /// The first entry, from 0.
    pub start: u32,
    /// Entries per page, at most 30.
    pub limit: u32,
}

/// What [`GetPubTemplateTitles`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PubTemplateTitles {
    /// How many templates the categories hold.
    #[serde(default)]
    pub count: u64,
    /// This page.
    #[serde(default)]
    pub data: Vec<PubTemplateTitle>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A library template.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PubTemplateTitle {
    /// Its id (`tid`).
    #[serde(deserialize_with = "lenient::text")]
    pub tid: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
    /// `2` one-time, `3` long-term.
    #[serde(rename = "type", default)]
    pub kind: i64,
    /// Its category.
    #[serde(rename = "categoryId", default, deserialize_with = "lenient::text")]
    pub category_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `newtmpl/getpubtemplatekeywords` (getPubTemplateKeyWordsById): the keywords of a library
/// template.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetPubTemplateKeywords {
    /// The library template's id.
    pub tid: String,
}

/// What [`GetPubTemplateKeywords`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PubTemplateKeywords {
    /// How many keywords.
    #[serde(default)]
    pub count: u64,
    /// The keywords.
    #[serde(default)]
    pub data: Vec<PubTemplateKeyword>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A keyword of a library template.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PubTemplateKeyword {
    /// Its id, used in [`AddSubscribeTemplate::kid_list`].
    pub kid: u64,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// An example value.
    #[serde(default)]
    pub example: String,
    /// The value's rule: `thing`, `number`, `date`, `phrase`, ...
    #[serde(default)]
    pub rule: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `newtmpl/addtemplate` (addTemplate): adds a library template to the account. Never retried
/// automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddSubscribeTemplate {
    /// The library template's id.
    pub tid: String,
    /// The keyword ids, in order (2 to 5).
    #[serde(rename = "kidList")]
    pub kid_list: Vec<u64>,
    /// What the account uses it for (at most 15 characters).
    #[serde(rename = "sceneDesc", skip_serializing_if = "Option::is_none")]
    pub scene_desc: Option<String>,
}

/// What [`AddSubscribeTemplate`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct AddedSubscribeTemplate {
    /// The account's template id.
    #[serde(rename = "priTmplId")]
    pub pri_tmpl_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `newtmpl/deltemplate` (deleteTemplate): deletes one of the account's templates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DelSubscribeTemplate {
    /// The account's template id.
    #[serde(rename = "priTmplId")]
    pub pri_tmpl_id: String,
}

/// `newtmpl/gettemplate` (getTemplateList): the account's templates.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GetSubscribeTemplates {}

/// What [`GetSubscribeTemplates`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct SubscribeTemplates {
    /// The templates.
    #[serde(default)]
    pub data: Vec<SubscribeTemplate>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One of the account's templates.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct SubscribeTemplate {
    /// Its id.
    #[serde(rename = "priTmplId")]
    pub pri_tmpl_id: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
    /// The content, with `{{name.DATA}}` placeholders.
    #[serde(default)]
    pub content: String,
    /// An example.
    #[serde(default)]
    pub example: String,
    /// `2` one-time, `3` long-term.
    #[serde(rename = "type", default)]
    pub kind: i64,
    /// The allowed values of enumerated keywords.
    #[serde(
        rename = "keywordEnumValueList",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub keyword_enum_value_list: Vec<KeywordEnumValues>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The allowed values of an enumerated keyword.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct KeywordEnumValues {
    /// The keyword, such as `phrase1.DATA`.
    #[serde(rename = "keywordCode", default)]
    pub keyword_code: String,
    /// Its values.
    #[serde(rename = "enumValueList", default)]
    pub enum_value_list: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `message/subscribe/bizsend` (sendNewSubscribeMsg): sends a subscription notification. Never
/// retried automatically.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SendSubscribeMessage {
    /// The user's OpenID.
    pub touser: String,
    /// The account's template id.
    pub template_id: String,
    /// The web page a tap opens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The Mini Program a tap opens (preferred over `page`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<MiniProgramLink>,
    /// The values, by keyword (`thing1`, `time2`, ...).
    pub data: BTreeMap<String, TemplateValue>,
}

impl SendSubscribeMessage {
    /// A notification of `template_id` to `touser`, with no values yet.
    pub fn new(touser: impl Into<String>, template_id: impl Into<String>) -> Self {
        Self {
            touser: touser.into(),
            template_id: template_id.into(),
            ..Self::default()
        }
    }

    /// Sets the value of a keyword.
    pub fn value(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.data.insert(name.into(), TemplateValue::new(value));
        self
    }
}


crate::endpoint! {
    area: "officialaccount";

    GetCategory => Categories {
        GET Api "/wxaapi/newtmpl/getcategory",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html",
    }
    GetPubTemplateTitles => PubTemplateTitles {
        GET Api "/wxaapi/newtmpl/getpubtemplatetitles",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html",
    }
    GetPubTemplateKeywords => PubTemplateKeywords {
        GET Api "/wxaapi/newtmpl/getpubtemplatekeywords",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html",
    }
    AddSubscribeTemplate => AddedSubscribeTemplate {
        POST Api "/wxaapi/newtmpl/addtemplate",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html",
    }
    DelSubscribeTemplate => Ack {
        POST Api "/wxaapi/newtmpl/deltemplate",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html",
    }
    GetSubscribeTemplates => SubscribeTemplates {
        GET Api "/wxaapi/newtmpl/gettemplate",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html",
    }
    SendSubscribeMessage => Ack {
        POST Api "/cgi-bin/message/subscribe/bizsend",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Subscription_Messages/api.html",
    }
}

