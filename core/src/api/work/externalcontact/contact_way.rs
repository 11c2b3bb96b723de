//! Contact ways (联系我): QR codes and mini program buttons that add a member as a contact.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::api::paging::{CursorPage, cursor_items, cursor_pages};
use crate::api::work::externalcontact::groupmsg::{
    AttachmentImage, AttachmentLink, AttachmentMiniprogram, AttachmentText,
};
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::Ack;
use crate::error::Result;
use crate::lenient;

/// The message sent when a temporary chat ends (`conclusions`): text, and an image, a link or
/// a Mini Program.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactWayConclusions {
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<AttachmentText>,
    /// An image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<AttachmentImage>,
    /// A link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<AttachmentLink>,
    /// A Mini Program.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<AttachmentMiniprogram>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The settings of a contact way, shared by [`AddContactWay`] and [`UpdateContactWay`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactWaySettings {
    /// The style of the Mini Program button (`scene` 1), from 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<u32>,
    /// A remark, at most 30 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remark: Option<String>,
    /// Whether adding needs no approval (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// A custom `state`, at most 30 characters, returned in the add event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The members who may be added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user: Vec<String>,
    /// The departments whose members may be added (`type` 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub party: Vec<u64>,
    /// How long the temporary chat's QR code lives, in seconds (`is_temp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u64>,
    /// How long a temporary chat lasts, in seconds (`is_temp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chat_expires_in: Option<u64>,
    /// The only WeChat user who may use it (`is_temp`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// Whether each customer may add only one of the members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_exclusive: Option<bool>,
    /// The message sent when a temporary chat ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusions: Option<ContactWayConclusions>,
}

/// `externalcontact/add_contact_way` (配置客户联系「联系我」方式): a QR code or Mini Program
/// button that adds a member (or one of several) as a contact.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddContactWay {
    /// `1` one member, `2` several.
    #[serde(rename = "type")]
    pub kind: u8,
    /// `1` a Mini Program button, `2` a QR code.
    pub scene: u8,
    /// Whether it is a temporary chat (`type` 1 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_temp: Option<bool>,
    /// The rest.
    #[serde(flatten)]
    pub settings: ContactWaySettings,
}

impl AddContactWay {
    /// A QR code that adds `userid`.
    pub fn qr_code_for(userid: impl Into<String>) -> Self {
        Self {
            kind: 1,
            scene: 2,
            is_temp: None,
            settings: ContactWaySettings {
                user: vec![userid.into()],
                ..ContactWaySettings::default()
            },
        }
    }

    /// A QR code that adds one of `users` (and of the members of `party`).
    pub fn qr_code_for_many<I: IntoIterator<Item = S>, S: Into<String>>(
        users: I,
        party: Vec<u64>,
    ) -> Self {
        Self {
            kind: 2,
            scene: 2,
            is_temp: None,
            settings: ContactWaySettings {
                user: users.into_iter().map(Into::into).collect(),
                party,
                ..ContactWaySettings::default()
            },
        }
    }

    /// Sets the `state` returned in the add event.
    pub fn state(mut self, state: impl Into<String>) -> Self {
        self.settings.state = Some(state.into());
        self
    }
}

/// What [`AddContactWay`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddedContactWay {
    /// The new contact way's id.
    #[serde(default)]
    pub config_id: String,
    /// The QR code's URL (`scene` 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_code: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/get_contact_way` (获取企业已配置的「联系我」方式): one contact way.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetContactWay {
    /// The contact way's id.
    pub config_id: String,
}

impl GetContactWay {
    /// The contact way `config_id`.
    pub fn new(config_id: impl Into<String>) -> Self {
        Self {
            config_id: config_id.into(),
        }
    }
}

/// A contact way, as [`GetContactWay`] answers it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactWay {
    /// Its id.
    #[serde(default)]
    pub config_id: String,
    /// `1` one member, `2` several.
    #[serde(rename = "type", default, deserialize_with = "lenient::u64")]
    pub kind: u64,
    /// `1` a Mini Program button, `2` a QR code.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub scene: u64,
    /// The button's style.
    #[serde(default, deserialize_with = "lenient::opt_u64", skip_serializing_if = "Option::is_none")]
    pub style: Option<u64>,
    /// The remark.
    #[serde(default)]
    pub remark: String,
    /// Whether adding needs no approval.
    #[serde(default)]
    pub skip_verify: bool,
    /// The custom `state`.
    #[serde(default)]
    pub state: String,
    /// The QR code's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qr_code: Option<String>,
    /// The members.
    #[serde(default)]
    pub user: Vec<String>,
    /// The departments.
    #[serde(default)]
    pub party: Vec<u64>,
    /// Whether it is a temporary chat.
    #[serde(default)]
    pub is_temp: bool,
    /// How long the temporary QR code lives, in seconds.
    #[serde(default, deserialize_with = "lenient::opt_u64", skip_serializing_if = "Option::is_none")]
    pub expires_in: Option<u64>,
    /// How long a temporary chat lasts, in seconds.
    #[serde(default, deserialize_with = "lenient::opt_u64", skip_serializing_if = "Option::is_none")]
    pub chat_expires_in: Option<u64>,
    /// The only WeChat user who may use it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// Whether each customer may add only one of the members.
    #[serde(default)]
    pub is_exclusive: bool,
    /// The message sent when a temporary chat ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusions: Option<ContactWayConclusions>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`GetContactWay`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactWayDetail {
    /// The contact way.
    #[serde(default)]
    pub contact_way: ContactWay,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/list_contact_way` (获取企业已配置的「联系我」列表): the ids of the contact
/// ways made through the API, by creation time and cursor. See [`contact_way_ids`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListContactWay {
    /// Created from (Unix seconds; default 90 days ago).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<u64>,
    /// Created until (Unix seconds; default now).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<u64>,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// How many per page, at most 1000 (the default 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// A contact way's id, in [`ListContactWay`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactWayId {
    /// The id.
    #[serde(default)]
    pub config_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`ListContactWay`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContactWayList {
    /// The contact ways.
    #[serde(default)]
    pub contact_way: Vec<ContactWayId>,
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/update_contact_way` (更新企业已配置的「联系我」方式): changes a contact
/// way; only the settings given change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateContactWay {
    /// The contact way's id.
    pub config_id: String,
    /// What changes.
    #[serde(flatten)]
    pub settings: ContactWaySettings,
}

impl UpdateContactWay {
    /// Nothing to change yet on `config_id`.
    pub fn new(config_id: impl Into<String>) -> Self {
        Self {
            config_id: config_id.into(),
            settings: ContactWaySettings::default(),
        }
    }
}

/// `externalcontact/del_contact_way` (删除企业已配置的「联系我」方式): deletes a contact way.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DelContactWay {
    /// The contact way's id.
    pub config_id: String,
}

impl DelContactWay {
    /// Deletes `config_id`.
    pub fn new(config_id: impl Into<String>) -> Self {
        Self {
            config_id: config_id.into(),
        }
    }
}

/// `externalcontact/close_temp_chat` (结束临时会话): ends a temporary chat; the conclusions are
/// sent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CloseTempChat {
    /// The member.
    pub userid: String,
    /// The customer's external UserID.
    pub external_userid: String,
}

impl CloseTempChat {
    /// Ends the temporary chat of `userid` with `external_userid`.
    pub fn new(userid: impl Into<String>, external_userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
            external_userid: external_userid.into(),
        }
    }
}

crate::endpoint! {
    area: "work";

    AddContactWay => AddedContactWay {
        POST Work "/cgi-bin/externalcontact/add_contact_way",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/92228",
    }
    GetContactWay => ContactWayDetail {
        POST Work "/cgi-bin/externalcontact/get_contact_way",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92228",
    }
    ListContactWay => ContactWayList {
        POST Work "/cgi-bin/externalcontact/list_contact_way",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92228",
    }
    UpdateContactWay => Ack {
        POST Work "/cgi-bin/externalcontact/update_contact_way",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92228",
    }
    DelContactWay => Ack {
        POST Work "/cgi-bin/externalcontact/del_contact_way",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92228",
    }
    CloseTempChat => Ack {
        POST Work "/cgi-bin/externalcontact/close_temp_chat",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92228",
    }
}

impl CursorPage for ContactWayList {
    type Item = ContactWayId;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<ContactWayId> {
        self.contact_way
    }
}

/// Every page of [`ListContactWay`] between `start_time` and `end_time` (WeCom's defaults
/// when `None`), `limit` each, following `next_cursor`. An error is yielded and ends the stream.
pub fn contact_way_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    start_time: Option<u64>,
    end_time: Option<u64>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<ContactWayList>> + 'a {
    cursor_pages(client, move |cursor| ListContactWay {
        start_time,
        end_time,
        cursor,
        limit,
    })
}

/// Every contact way id of [`ListContactWay`], one by one. An error is yielded and ends the
/// stream.
pub fn contact_way_ids<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    start_time: Option<u64>,
    end_time: Option<u64>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<ContactWayId>> + 'a {
    cursor_items(client, move |cursor| ListContactWay {
        start_time,
        end_time,
        cursor,
        limit,
    })
}
