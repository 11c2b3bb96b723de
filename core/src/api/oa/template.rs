//! Template messages: the account's industry, its templates, and sending.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::endpoint::{Ack};

use crate::lenient;

/// `template/api_set_industry` (setIndustry): the account's primary and secondary industries
/// (changeable once a month).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetIndustry {
    /// The primary industry's code.
    pub industry_id1: String,
    /// The secondary industry's code.
    pub industry_id2: String,
}

/// `template/get_industry` (getIndustry): the account's industries.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GetIndustry {}

/// What [`GetIndustry`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Industries {
    /// The primary industry.
    #[serde(default)]
    pub primary_industry: Industry,
    /// The secondary industry.
    #[serde(default)]
    pub secondary_industry: Industry,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An industry.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Industry {
    /// The category.
    #[serde(default)]
    pub first_class: String,
    /// The sub-category.
    #[serde(default)]
    pub second_class: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `template/api_add_template` (addTemplate): adds a template from the library to the account.
/// Never retried automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddTemplate {
    /// The library template's short id, such as `TM00015`.
    pub template_id_short: String,
    /// The keywords to use, by name (templates of the newer category library).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keyword_name_list: Vec<String>,
}

/// What [`AddTemplate`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct AddedTemplate {
    /// The account's template id.
    pub template_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `template/get_all_private_template` (getAllPrivateTemplate): the account's templates.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GetAllPrivateTemplate {}

/// What [`GetAllPrivateTemplate`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PrivateTemplates {
    /// The templates.
    #[serde(default)]
    pub template_list: Vec<PrivateTemplate>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One of the account's templates.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PrivateTemplate {
    /// Its id.
    pub template_id: String,
    /// Its title.
    #[serde(default)]
    pub title: String,
    /// The primary industry.
    #[serde(default)]
    pub primary_industry: String,
    /// The secondary industry.
    #[serde(default)]
    pub deputy_industry: String,
    /// The content, with `{{name.DATA}}` placeholders.
    #[serde(default)]
    pub content: String,
    /// An example.
    #[serde(default)]
    pub example: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `template/del_private_template` (deletePrivateTemplate): deletes one of the account's
/// templates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DelPrivateTemplate {
    /// Its id.
    pub template_id: String,
}

/// `message/template/send` (sendTemplateMessage): sends a template message to a follower. Never
/// retried automatically; set `client_msg_id` to let WeChat drop duplicates.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SendTemplateMessage {
    /// The follower's OpenID.
    pub touser: String,
    /// The template id.
    pub template_id: String,
    /// Where a tap leads (ignored when `miniprogram` opens).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The Mini Program a tap opens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<MiniProgramLink>,
    /// The values, by placeholder name.
    pub data: BTreeMap<String, TemplateValue>,
    /// A caller's id: the same id within a while is sent once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_msg_id: Option<String>,
}

impl SendTemplateMessage {
    /// A message of `template_id` to `touser`, with no values yet.
    pub fn new(touser: impl Into<String>, template_id: impl Into<String>) -> Self {
        Self {
            touser: touser.into(),
            template_id: template_id.into(),
            ..Self::default()
        }
    }

    /// Sets the value of a placeholder.
    pub fn value(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.data.insert(name.into(), TemplateValue::new(value));
        self
    }
}

/// A Mini Program page a message opens.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MiniProgramLink {
    /// The Mini Program (linked to the account).
    pub appid: String,
    /// The page, with its query.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pagepath: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The value of a placeholder.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TemplateValue {
    /// The text.
    pub value: String,
    /// A colour such as `#173177` (WeChat no longer shows colours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl TemplateValue {
    /// A value without colour.
    pub fn new(value: impl Into<String>) -> Self {
        Self { extra: Default::default(),
            value: value.into(),
            color: None,
        }
    }
}

/// What [`SendTemplateMessage`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct TemplateMessageSent {
    /// The message id, also in the `TEMPLATESENDJOBFINISH` event.
    #[serde(deserialize_with = "lenient::u64")]
    pub msgid: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}


crate::endpoint! {
    area: "officialaccount";

    SetIndustry => Ack {
        POST Api "/cgi-bin/template/api_set_industry",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html",
    }
    GetIndustry => Industries {
        GET Api "/cgi-bin/template/get_industry",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html",
    }
    AddTemplate => AddedTemplate {
        POST Api "/cgi-bin/template/api_add_template",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html",
    }
    GetAllPrivateTemplate => PrivateTemplates {
        GET Api "/cgi-bin/template/get_all_private_template",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html",
    }
    DelPrivateTemplate => Ack {
        POST Api "/cgi-bin/template/del_private_template",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html",
    }
    SendTemplateMessage => TemplateMessageSent {
        POST Api "/cgi-bin/message/template/send",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html",
    }
}

