//! The app itself (应用管理): its settings and its menu.

use serde::{Deserialize, Serialize};

use crate::endpoint::{Ack, Body, json_body};
use crate::error::Result;

// ---------------------------------------------------------------------------------------------
// The app

/// `agent/get` (获取指定的应用详情): an app's name, logo, visibility and settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetAgent {
    /// The app's id.
    pub agentid: u64,
}

impl GetAgent {
    /// The details of app `agentid`.
    pub fn new(agentid: u64) -> Self {
        Self { agentid }
    }
}

/// The answer of `agent/get`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Agent {
    /// The app's id.
    #[serde(default)]
    pub agentid: u64,
    /// The app's name.
    #[serde(default)]
    pub name: String,
    /// The square logo.
    #[serde(default)]
    pub square_logo_url: String,
    /// The description.
    #[serde(default)]
    pub description: String,
    /// Who sees the app: members.
    #[serde(default)]
    pub allow_userinfos: AllowUsers,
    /// Who sees the app: departments.
    #[serde(default)]
    pub allow_partys: AllowParties,
    /// Who sees the app: tags.
    #[serde(default)]
    pub allow_tags: AllowTags,
    /// 1 when the app is disabled.
    #[serde(default)]
    pub close: u8,
    /// The trusted domain.
    #[serde(default)]
    pub redirect_domain: String,
    /// Location reporting: 0 off, 1 on entering a conversation.
    #[serde(default)]
    pub report_location_flag: u8,
    /// 1 when entering the app is reported as an event.
    #[serde(default)]
    pub isreportenter: u8,
    /// The home page URL.
    #[serde(default)]
    pub home_url: String,
    /// For apps developed on behalf of the corp: their publication status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customized_publish_status: Option<u8>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The members who see an app (`allow_userinfos`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AllowUsers {
    /// The members.
    #[serde(default)]
    pub user: Vec<AllowUser>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member who sees an app.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AllowUser {
    /// The member's userid.
    #[serde(default)]
    pub userid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The departments that see an app (`allow_partys`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AllowParties {
    /// The department ids.
    #[serde(default)]
    pub partyid: Vec<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The tags that see an app (`allow_tags`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AllowTags {
    /// The tag ids.
    #[serde(default)]
    pub tagid: Vec<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `agent/list` (获取access_token对应的应用列表): the apps the token may manage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAgents {}

/// The answer of `agent/list`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AgentList {
    /// The apps.
    #[serde(default)]
    pub agentlist: Vec<AgentSummary>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An app of `agent/list`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AgentSummary {
    /// The app's id.
    #[serde(default)]
    pub agentid: u64,
    /// The app's name.
    #[serde(default)]
    pub name: String,
    /// The square logo.
    #[serde(default)]
    pub square_logo_url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `agent/set` (设置应用): changes an app's settings; fields left `None` stay as they are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SetAgent {
    /// The app's id.
    pub agentid: u64,
    /// Location reporting: 0 off, 1 on entering a conversation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report_location_flag: Option<u8>,
    /// The logo: the `media_id` of an uploaded image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_mediaid: Option<String>,
    /// The name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The trusted domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect_domain: Option<String>,
    /// 1 to report entering the app as an event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub isreportenter: Option<u8>,
    /// The home page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_url: Option<String>,
}

impl SetAgent {
    /// Changes nothing yet: set the fields to change.
    pub fn new(agentid: u64) -> Self {
        Self {
            agentid,
            ..Self::default()
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The menu

/// A menu button: a top-level button (up to 3) with its sub-buttons (up to 5), or a leaf whose
/// `type` says what a tap does.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Button {
    /// What a tap does: `click`, `view`, `scancode_push`, `scancode_waitmsg`, `pic_sysphoto`,
    /// `pic_photo_or_album`, `pic_weixin`, `location_select`, `view_miniprogram`; absent for a
    /// button that opens sub-buttons.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The label.
    #[serde(default)]
    pub name: String,
    /// The event key of `click` and the other event types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The page of `view`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The page path of `view_miniprogram`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
    /// The Mini Program of `view_miniprogram`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// The sub-buttons.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_button: Vec<Button>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl Button {
    fn leaf(kind: &str, name: impl Into<String>) -> Self {
        Self {
            kind: Some(kind.to_owned()),
            name: name.into(),
            ..Self::default()
        }
    }

    /// A button that sends the event `click` with `key`.
    pub fn click(name: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            key: Some(key.into()),
            ..Self::leaf("click", name)
        }
    }

    /// A button that opens `url`.
    pub fn view(name: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            url: Some(url.into()),
            ..Self::leaf("view", name)
        }
    }

    /// A button of an event type (`scancode_push`, `pic_sysphoto`, `location_select`, ...) with
    /// its `key`.
    pub fn event(kind: &str, name: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            key: Some(key.into()),
            ..Self::leaf(kind, name)
        }
    }

    /// A button that opens page `pagepath` of Mini Program `appid`.
    pub fn miniprogram(
        name: impl Into<String>,
        appid: impl Into<String>,
        pagepath: impl Into<String>,
    ) -> Self {
        Self {
            appid: Some(appid.into()),
            pagepath: Some(pagepath.into()),
            ..Self::leaf("view_miniprogram", name)
        }
    }

    /// A top-level button that opens `sub_button`.
    pub fn parent(name: impl Into<String>, sub_button: Vec<Button>) -> Self {
        Self {
            name: name.into(),
            sub_button,
            ..Self::default()
        }
    }
}

/// `menu/create` (创建菜单): sets an app's menu; `agentid` goes in the query, the buttons in
/// the body.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreateMenu {
    /// The app's id.
    pub agentid: u64,
    /// The top-level buttons, 1 to 3.
    pub button: Vec<Button>,
}

impl CreateMenu {
    /// The menu `button` of app `agentid`.
    pub fn new(agentid: u64, button: Vec<Button>) -> Self {
        Self { agentid, button }
    }

    fn body(&self) -> Result<Body> {
        #[derive(Serialize)]
        struct Buttons<'a> {
            button: &'a [Button],
        }
        json_body(&Buttons {
            button: &self.button,
        })
    }
}

fn agentid_query(agentid: u64) -> Result<Vec<(String, String)>> {
    Ok(vec![("agentid".into(), agentid.to_string())])
}

/// `menu/get` (获取菜单): an app's menu.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetMenu {
    /// The app's id.
    pub agentid: u64,
}

/// The answer of `menu/get`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Menu {
    /// The top-level buttons.
    #[serde(default)]
    pub button: Vec<Button>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `menu/delete` (删除菜单): removes an app's menu.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeleteMenu {
    /// The app's id.
    pub agentid: u64,
}

crate::endpoint! {
    area: "work";

    GetAgent => Agent {
        GET Work "/cgi-bin/agent/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90227",
    }
    ListAgents => AgentList {
        GET Work "/cgi-bin/agent/list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90227",
    }
    SetAgent => Ack {
        POST Work "/cgi-bin/agent/set",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90228",
    }
    CreateMenu => Ack {
        POST Work "/cgi-bin/menu/create",
        auth: AccessToken, repeat: Safe,
        query: |r| agentid_query(r.agentid),
        body: CreateMenu::body,
        doc: "https://developer.work.weixin.qq.com/document/path/90231",
    }
    GetMenu => Menu {
        GET Work "/cgi-bin/menu/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90232",
    }
    DeleteMenu => Ack {
        GET Work "/cgi-bin/menu/delete",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90233",
    }
}
