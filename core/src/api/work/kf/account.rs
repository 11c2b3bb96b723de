//! WeChat Customer Service accounts (客服账号) and their contact links.

use serde::{Deserialize, Serialize};

use crate::endpoint::Ack;

/// `kf/account/add` (添加客服账号): creates a Customer Service account with a name and an
/// avatar (a `media_id` from the temporary media upload).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddKfAccount {
    /// The account's name, at most 16 characters.
    pub name: String,
    /// The avatar: a temporary media's `media_id`.
    pub media_id: String,
}

impl AddKfAccount {
    /// An account named `name` with the avatar `media_id`.
    pub fn new(name: impl Into<String>, media_id: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            media_id: media_id.into(),
        }
    }
}

/// What [`AddKfAccount`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddedKfAccount {
    /// The new account's id.
    #[serde(default)]
    pub open_kfid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `kf/account/del` (删除客服账号): deletes a Customer Service account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DelKfAccount {
    /// The account's id.
    pub open_kfid: String,
}

impl DelKfAccount {
    /// Deletes `open_kfid`.
    pub fn new(open_kfid: impl Into<String>) -> Self {
        Self {
            open_kfid: open_kfid.into(),
        }
    }
}

/// `kf/account/update` (修改客服账号): renames an account or changes its avatar; what is
/// `None` stays as it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdateKfAccount {
    /// The account's id.
    pub open_kfid: String,
    /// The new name, at most 16 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new avatar's `media_id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
}

impl UpdateKfAccount {
    /// An update of `open_kfid` that changes nothing yet.
    pub fn new(open_kfid: impl Into<String>) -> Self {
        Self {
            open_kfid: open_kfid.into(),
            name: None,
            media_id: None,
        }
    }

    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Changes the avatar.
    pub fn media_id(mut self, media_id: impl Into<String>) -> Self {
        self.media_id = Some(media_id.into());
        self
    }
}

/// `kf/account/list` (获取客服账号列表): the corp's Customer Service accounts, `limit` (at most
/// 100) from `offset`.
///
/// Sent as a `GET` with `offset` and `limit` in the query, as the reference SDK does; WeCom's
/// document shows a `POST` with the same two fields as JSON, and answers both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListKfAccounts {
    /// Where to start, from 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// How many, 1 to 100 (WeCom's default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl ListKfAccounts {
    /// `limit` accounts from `offset`.
    pub fn page(offset: u32, limit: u32) -> Self {
        Self {
            offset: Some(offset),
            limit: Some(limit),
        }
    }
}

/// What [`ListKfAccounts`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfAccountList {
    /// The accounts.
    #[serde(default)]
    pub account_list: Vec<KfAccount>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A Customer Service account.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfAccount {
    /// The account's id.
    #[serde(default)]
    pub open_kfid: String,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// The avatar's URL.
    #[serde(default)]
    pub avatar: String,
    /// Whether the calling app may manage this account (reply to its customers).
    #[serde(default)]
    pub manage_privilege: bool,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `kf/add_contact_way` (获取客服账号链接): the link that opens a chat with an account;
/// `scene` comes back in the `enter_session` event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddKfContactWay {
    /// The account's id.
    pub open_kfid: String,
    /// A scene value, up to 32 of letters, digits and `_-`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene: Option<String>,
}

impl AddKfContactWay {
    /// The link of `open_kfid` for `scene`.
    pub fn new(open_kfid: impl Into<String>, scene: impl Into<String>) -> Self {
        Self {
            open_kfid: open_kfid.into(),
            scene: Some(scene.into()),
        }
    }
}

/// What [`AddKfContactWay`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfContactWay {
    /// The link; add `scene_param=...` (URL-encoded) to pass a value to the session.
    #[serde(default)]
    pub url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    AddKfAccount => AddedKfAccount {
        POST Work "/cgi-bin/kf/account/add",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/94662",
    }
    DelKfAccount => Ack {
        POST Work "/cgi-bin/kf/account/del",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94663",
    }
    UpdateKfAccount => Ack {
        POST Work "/cgi-bin/kf/account/update",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94664",
    }
    ListKfAccounts => KfAccountList {
        GET Work "/cgi-bin/kf/account/list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94661",
    }
    AddKfContactWay => KfContactWay {
        POST Work "/cgi-bin/kf/add_contact_way",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94665",
    }
}
