//! Custom menus.

use serde::{Deserialize, Serialize};

use crate::endpoint::{Ack, Endpoint, Meta};

/// `menu/create`: replaces the custom menu.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateMenu {
    /// Up to 3 top-level buttons.
    pub button: Vec<Button>,
}

/// A menu button: a leaf with an action, or a parent of up to 5 sub-buttons.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Button {
    /// `click`, `view`, `miniprogram`, `scancode_push`, ...; absent on a parent.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The label.
    pub name: String,
    /// The event key of `click` and the other event buttons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The URL of `view` (and the fallback of `miniprogram`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The Mini Program of `miniprogram`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// The Mini Program page of `miniprogram`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
    /// The sub-buttons of a parent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_button: Vec<Button>,
}

impl Button {
    /// A `click` button sending `key` to the callback.
    pub fn click(name: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            kind: Some("click".into()),
            name: name.into(),
            key: Some(key.into()),
            ..Self::default()
        }
    }

    /// A `view` button opening `url`.
    pub fn view(name: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            kind: Some("view".into()),
            name: name.into(),
            url: Some(url.into()),
            ..Self::default()
        }
    }

    /// A parent of sub-buttons.
    pub fn parent(name: impl Into<String>, sub_button: Vec<Button>) -> Self {
        Self {
            name: name.into(),
            sub_button,
            ..Self::default()
        }
    }
}

crate::endpoint! {
    CreateMenu => Ack {
        POST Api "/cgi-bin/menu/create", AccessToken, Safe,
        area: "officialaccount",
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Custom_Menus/Creating_Custom-Defined_Menu.html",
    }
}

pub(crate) const CATALOG: &[Meta] = &[CreateMenu::META];
