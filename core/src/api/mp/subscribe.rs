//! Subscribe messages (订阅消息) and the uniform message.
//!
//! The template library (`wxaapi/newtmpl/*`) is shared with the Official Account: see
//! [`crate::api::oa::subscribe`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use crate::api::oa::template::{MiniProgramLink, TemplateValue};

/// Which version of the Mini Program a tap opens (`miniprogram_state`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MiniProgramState {
    /// `developer`: the development version.
    Developer,
    /// `trial`: the trial version.
    Trial,
    /// `formal`: the published version (the default).
    Formal,
}

/// `message/subscribe/send` (sendMessage, 发送订阅消息): sends a subscribe message the user
/// agreed to receive. Never retried automatically.
///
/// ```
/// use wechat_core::api::mp::subscribe::{MiniProgramState, SendSubscribeMessage};
/// let send = SendSubscribeMessage::new("OPENID", "TEMPLATE_ID")
///     .page("pages/index/index?foo=bar")
///     .value("thing1", "Order shipped")
///     .value("time2", "2024-03-01 10:00")
///     .state(MiniProgramState::Formal);
/// assert_eq!(send.data["thing1"].value, "Order shipped");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SendSubscribeMessage {
    /// The template id.
    pub template_id: String,
    /// The page a tap opens, with its query; no page when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The user's OpenID.
    pub touser: String,
    /// The values, by keyword (`thing1`, `time2`, ...): `{"thing1": {"value": "..."}}`.
    pub data: BTreeMap<String, TemplateValue>,
    /// Which version a tap opens (the published one when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram_state: Option<MiniProgramState>,
    /// The language the message shows in: `zh_CN` (the default), `en_US`, `zh_HK`, `zh_TW`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl SendSubscribeMessage {
    /// A message of `template_id` to `touser`, with no values yet.
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

    /// Sets the page a tap opens.
    pub fn page(mut self, page: impl Into<String>) -> Self {
        self.page = Some(page.into());
        self
    }

    /// Sets which version a tap opens.
    pub fn state(mut self, state: MiniProgramState) -> Self {
        self.miniprogram_state = Some(state);
        self
    }

    /// Sets the language (`zh_CN`, `en_US`, `zh_HK`, `zh_TW`).
    pub fn lang(mut self, lang: impl Into<String>) -> Self {
        self.lang = Some(lang.into());
        self
    }
}

/// The answer of `message/subscribe/send`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SubscribeMessageSent {
    /// The message id, when WeChat gives one.
    #[serde(
        default,
        deserialize_with = "crate::lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub msgid: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An Official Account template message sent through the Mini Program (`mp_template_msg`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MpTemplateMsg {
    /// The Official Account, linked to the Mini Program and followed by the user.
    pub appid: String,
    /// The Official Account's template id.
    pub template_id: String,
    /// The web page a tap opens.
    pub url: String,
    /// The Mini Program a tap opens (linked to the Official Account).
    pub miniprogram: MiniProgramLink,
    /// The values, by placeholder name.
    pub data: BTreeMap<String, TemplateValue>,
}

/// `message/wxopen/template/uniform_send` (sendUniformMessage, 发送统一服务消息): sends an
/// Official Account template message to a Mini Program user (WeChat has withdrawn the Mini
/// Program template message half). Never retried automatically.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UniformSend {
    /// The user's OpenID, of the Mini Program or of the Official Account.
    pub touser: String,
    /// The Official Account template message.
    pub mp_template_msg: MpTemplateMsg,
}

impl UniformSend {
    /// A template message of the Official Account `appid` to `touser` that opens `url`, or the
    /// Mini Program `miniprogram_appid` at `pagepath`; no values yet.
    pub fn new(
        touser: impl Into<String>,
        appid: impl Into<String>,
        template_id: impl Into<String>,
        url: impl Into<String>,
        miniprogram_appid: impl Into<String>,
        pagepath: impl Into<String>,
    ) -> Self {
        Self {
            touser: touser.into(),
            mp_template_msg: MpTemplateMsg {
                appid: appid.into(),
                template_id: template_id.into(),
                url: url.into(),
                miniprogram: MiniProgramLink {
                    appid: miniprogram_appid.into(),
                    pagepath: pagepath.into(),
                    extra: Default::default(),
                },
                data: BTreeMap::new(),
            },
        }
    }

    /// Sets the value of a placeholder, with a colour if given.
    pub fn value(
        mut self,
        name: impl Into<String>,
        value: impl Into<String>,
        color: Option<&str>,
    ) -> Self {
        let mut v = TemplateValue::new(value);
        v.color = color.map(str::to_owned);
        self.mp_template_msg.data.insert(name.into(), v);
        self
    }
}

crate::endpoint! {
    area: "miniprogram";

    SendSubscribeMessage => SubscribeMessageSent {
        POST Api "/cgi-bin/message/subscribe/send",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html",
    }
    UniformSend => crate::endpoint::Ack {
        POST Api "/cgi-bin/message/wxopen/template/uniform_send",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/uniform-message/sendUniformMessage.html",
    }
}
