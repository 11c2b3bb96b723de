//! Messages (消息): send, send on an event, and the message sync (sync_msg) with its saved cursor.
//!
//! WeCom pushes `kf_msg_or_event` (a `Token` and an `OpenKfId`) when an account has new
//! messages or events; [`sync_messages`] then reads them all with `kf/sync_msg`, from the
//! cursor saved in the client's [`TokenStore`] by the previous sync, and saves the cursor again
//! page by page.

use std::collections::VecDeque;

use futures_util::stream::{self, Stream};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::error::{Error, Result};
use crate::lenient;
use crate::secret::Secret;
use crate::token::StoredToken;
use crate::token::keys::{self, StoreKey};

use super::customer::KfWechatChannels;

// ----- content shared by sent and received messages ------------------------------------------

/// Text: `content`, and in a received message the `menu_id` of the menu item clicked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfText {
    /// The text.
    #[serde(default)]
    pub content: String,
    /// The menu item the customer clicked (received messages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub menu_id: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A media file (image, voice, video, file) by `media_id`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMedia {
    /// The temporary media's id (download it with `media/get`).
    #[serde(default)]
    pub media_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl KfMedia {
    /// The media `media_id`.
    pub fn new(media_id: impl Into<String>) -> Self {
        Self {
            media_id: media_id.into(),
            extra: Default::default(),
        }
    }
}

/// A location.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfLocation {
    /// Latitude.
    #[serde(default)]
    pub latitude: f64,
    /// Longitude.
    #[serde(default)]
    pub longitude: f64,
    /// The place's name.
    #[serde(default)]
    pub name: String,
    /// The address.
    #[serde(default)]
    pub address: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A link: received with `pic_url`, sent with `thumb_media_id`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfLink {
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The description.
    #[serde(default)]
    pub desc: String,
    /// The URL.
    #[serde(default)]
    pub url: String,
    /// The picture's URL (received links).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pic_url: Option<String>,
    /// The thumbnail's `media_id` (sent links).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumb_media_id: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A Mini Program card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMiniprogram {
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The Mini Program's app id.
    #[serde(default)]
    pub appid: String,
    /// The page opened.
    #[serde(default)]
    pub pagepath: String,
    /// The thumbnail's `media_id`.
    #[serde(default)]
    pub thumb_media_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A menu message: a head, items to click, a tail.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMsgMenu {
    /// The text above the items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_content: Option<String>,
    /// The items.
    #[serde(default)]
    pub list: Vec<KfMenuItem>,
    /// The text below the items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tail_content: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A menu item, by `type`: `click` (answers with a text message carrying its `id` as
/// `menu_id`), `view` (opens a URL), `miniprogram`, or `text` (plain text).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMenuItem {
    /// `click`, `view`, `miniprogram` or `text`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// A reply item: `{"id","content"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub click: Option<KfMenuClick>,
    /// A link item: `{"url","content"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<KfMenuView>,
    /// A Mini Program item: `{"appid","pagepath","content"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<KfMenuMiniprogram>,
    /// A text item: `{"content","no_newline"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<KfMenuText>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl KfMenuItem {
    /// A reply item `content` with the id `id`.
    pub fn click(id: impl Into<String>, content: impl Into<String>) -> Self {
        Self {
            kind: "click".into(),
            click: Some(KfMenuClick {
                id: id.into(),
                content: content.into(),
                extra: Default::default(),
            }),
            ..Self::default()
        }
    }

    /// A link item `content` opening `url`.
    pub fn view(url: impl Into<String>, content: impl Into<String>) -> Self {
        Self {
            kind: "view".into(),
            view: Some(KfMenuView {
                url: url.into(),
                content: content.into(),
                extra: Default::default(),
            }),
            ..Self::default()
        }
    }

    /// A Mini Program item `content` opening `pagepath` of `appid`.
    pub fn miniprogram(
        appid: impl Into<String>,
        pagepath: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        Self {
            kind: "miniprogram".into(),
            miniprogram: Some(KfMenuMiniprogram {
                appid: appid.into(),
                pagepath: pagepath.into(),
                content: content.into(),
                extra: Default::default(),
            }),
            ..Self::default()
        }
    }

    /// A text item; `no_newline` keeps it on the previous item's line.
    pub fn text(content: impl Into<String>, no_newline: bool) -> Self {
        Self {
            kind: "text".into(),
            text: Some(KfMenuText {
                content: content.into(),
                no_newline: Some(u8::from(no_newline)),
                extra: Default::default(),
            }),
            ..Self::default()
        }
    }
}

/// A reply item of a menu.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMenuClick {
    /// The id, sent back as `menu_id` when clicked.
    #[serde(default)]
    pub id: String,
    /// The text shown.
    #[serde(default)]
    pub content: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A link item of a menu.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMenuView {
    /// The URL opened.
    #[serde(default)]
    pub url: String,
    /// The text shown.
    #[serde(default)]
    pub content: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A Mini Program item of a menu.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMenuMiniprogram {
    /// The Mini Program's app id.
    #[serde(default)]
    pub appid: String,
    /// The page opened.
    #[serde(default)]
    pub pagepath: String,
    /// The text shown.
    #[serde(default)]
    pub content: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A text item of a menu.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMenuText {
    /// The text.
    #[serde(default)]
    pub content: String,
    /// `1`: no line break before it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_newline: Option<u8>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An acquisition link (获客链接) card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfCaLink {
    /// The link.
    #[serde(default)]
    pub link_url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

// ----- sending ---------------------------------------------------------------------------------

/// What a sent message holds, by `msgtype`: written as `"msgtype": "<type>"` and the object
/// under the type's name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "msgtype", rename_all = "snake_case")]
pub enum KfSendContent {
    /// Text.
    Text {
        /// The text.
        text: KfText,
    },
    /// An image.
    Image {
        /// The image.
        image: KfMedia,
    },
    /// A voice message (AMR).
    Voice {
        /// The voice.
        voice: KfMedia,
    },
    /// A video.
    Video {
        /// The video.
        video: KfMedia,
    },
    /// A file.
    File {
        /// The file.
        file: KfMedia,
    },
    /// A link card.
    Link {
        /// The link.
        link: KfLink,
    },
    /// A Mini Program card.
    Miniprogram {
        /// The Mini Program.
        miniprogram: KfMiniprogram,
    },
    /// A menu.
    Msgmenu {
        /// The menu.
        msgmenu: KfMsgMenu,
    },
    /// A location.
    Location {
        /// The location.
        location: KfLocation,
    },
    /// An acquisition link card.
    CaLink {
        /// The link.
        ca_link: KfCaLink,
    },
}

impl KfSendContent {
    /// Text.
    pub fn text(content: impl Into<String>) -> Self {
        KfSendContent::Text {
            text: KfText {
                content: content.into(),
                ..KfText::default()
            },
        }
    }

    /// An image by `media_id`.
    pub fn image(media_id: impl Into<String>) -> Self {
        KfSendContent::Image {
            image: KfMedia::new(media_id),
        }
    }

    /// A voice message by `media_id`.
    pub fn voice(media_id: impl Into<String>) -> Self {
        KfSendContent::Voice {
            voice: KfMedia::new(media_id),
        }
    }

    /// A video by `media_id`.
    pub fn video(media_id: impl Into<String>) -> Self {
        KfSendContent::Video {
            video: KfMedia::new(media_id),
        }
    }

    /// A file by `media_id`.
    pub fn file(media_id: impl Into<String>) -> Self {
        KfSendContent::File {
            file: KfMedia::new(media_id),
        }
    }

    /// A link card.
    pub fn link(
        title: impl Into<String>,
        desc: impl Into<String>,
        url: impl Into<String>,
        thumb_media_id: impl Into<String>,
    ) -> Self {
        KfSendContent::Link {
            link: KfLink {
                title: title.into(),
                desc: desc.into(),
                url: url.into(),
                thumb_media_id: Some(thumb_media_id.into()),
                ..KfLink::default()
            },
        }
    }

    /// A Mini Program card.
    pub fn miniprogram(
        appid: impl Into<String>,
        title: impl Into<String>,
        thumb_media_id: impl Into<String>,
        pagepath: impl Into<String>,
    ) -> Self {
        KfSendContent::Miniprogram {
            miniprogram: KfMiniprogram {
                title: title.into(),
                appid: appid.into(),
                pagepath: pagepath.into(),
                thumb_media_id: thumb_media_id.into(),
                extra: Default::default(),
            },
        }
    }

    /// A menu.
    pub fn msgmenu(
        head_content: Option<String>,
        list: Vec<KfMenuItem>,
        tail_content: Option<String>,
    ) -> Self {
        KfSendContent::Msgmenu {
            msgmenu: KfMsgMenu {
                head_content,
                list,
                tail_content,
                extra: Default::default(),
            },
        }
    }

    /// A location.
    pub fn location(
        name: impl Into<String>,
        address: impl Into<String>,
        latitude: f64,
        longitude: f64,
    ) -> Self {
        KfSendContent::Location {
            location: KfLocation {
                latitude,
                longitude,
                name: name.into(),
                address: address.into(),
                extra: Default::default(),
            },
        }
    }

    /// An acquisition link card.
    pub fn ca_link(link_url: impl Into<String>) -> Self {
        KfSendContent::CaLink {
            ca_link: KfCaLink {
                link_url: link_url.into(),
                extra: Default::default(),
            },
        }
    }
}

/// `kf/send_msg` (发送消息): sends a message to a customer whose session a servicer or the
/// API handles (within 48 hours of the customer's last message, at most 5 messages). Never
/// retried automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SendKfMsg {
    /// The customer's `external_userid`.
    pub touser: String,
    /// The account's id.
    pub open_kfid: String,
    /// Your own id of the message, unique per account (WeCom makes one when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msgid: Option<String>,
    /// What is sent.
    #[serde(flatten)]
    pub content: KfSendContent,
}

impl SendKfMsg {
    /// Sends `content` to `touser` from `open_kfid`.
    pub fn new(
        touser: impl Into<String>,
        open_kfid: impl Into<String>,
        content: KfSendContent,
    ) -> Self {
        Self {
            touser: touser.into(),
            open_kfid: open_kfid.into(),
            msgid: None,
            content,
        }
    }

    /// A text message, in one line.
    pub fn text(
        touser: impl Into<String>,
        open_kfid: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        Self::new(touser, open_kfid, KfSendContent::text(content))
    }

    /// Sets your own message id.
    pub fn msgid(mut self, msgid: impl Into<String>) -> Self {
        self.msgid = Some(msgid.into());
        self
    }
}

/// What [`SendKfMsg`] and [`SendKfMsgOnEvent`] answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMsgSent {
    /// The message's id.
    #[serde(default)]
    pub msgid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `kf/send_msg_on_event` (发送欢迎语等事件响应消息): answers an event with one message, using
/// the event's code (`welcome_code` of `enter_session`, `msg_code` of a session change or of
/// [`TransKfServiceState`](super::session::TransKfServiceState)): a welcome or an ending within
/// 20 seconds (text or a menu), a queue or reception notice within 48 hours (text). Never
/// retried automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SendKfMsgOnEvent {
    /// The event's code.
    pub code: String,
    /// Your own id of the message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msgid: Option<String>,
    /// What is sent: [`KfSendContent::Text`] or [`KfSendContent::Msgmenu`].
    #[serde(flatten)]
    pub content: KfSendContent,
}

impl SendKfMsgOnEvent {
    /// Answers the event `code` with `content`.
    pub fn new(code: impl Into<String>, content: KfSendContent) -> Self {
        Self {
            code: code.into(),
            msgid: None,
            content,
        }
    }

    /// Answers the event `code` with text.
    pub fn text(code: impl Into<String>, content: impl Into<String>) -> Self {
        Self::new(code, KfSendContent::text(content))
    }
}

// ----- receiving -------------------------------------------------------------------------------

/// Who a received message comes from. Values WeCom adds later are kept in `Other`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum KfOrigin {
    /// `3`: the customer (微信客户发送的消息).
    Customer,
    /// `4`: a system event (系统推送的事件消息).
    Event,
    /// `5`: a servicer, from the WeCom client (接待人员在企业微信客户端发送的消息).
    Servicer,
    /// Any other value, as sent (`0` when absent).
    Other(u64),
    /// Not sent.
    #[default]
    Unset,
}

impl KfOrigin {
    /// The number WeCom uses (`0` for [`KfOrigin::Unset`]).
    pub fn code(self) -> u64 {
        match self {
            KfOrigin::Customer => 3,
            KfOrigin::Event => 4,
            KfOrigin::Servicer => 5,
            KfOrigin::Other(n) => n,
            KfOrigin::Unset => 0,
        }
    }
}

impl KfOrigin {
    /// True when the message carried no `origin`.
    pub fn is_unset(&self) -> bool {
        *self == KfOrigin::Unset
    }
}

impl From<u64> for KfOrigin {
    fn from(n: u64) -> Self {
        match n {
            3 => KfOrigin::Customer,
            4 => KfOrigin::Event,
            5 => KfOrigin::Servicer,
            n => KfOrigin::Other(n),
        }
    }
}

impl Serialize for KfOrigin {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_u64(self.code())
    }
}

impl<'de> Deserialize<'de> for KfOrigin {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        lenient::u64(d).map(Self::from)
    }
}

/// A business card (名片): a member.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfBusinessCard {
    /// The member's UserID.
    #[serde(default)]
    pub userid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A WeChat Channels shop product (视频号商品).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfChannelsShopProduct {
    /// The product's id.
    #[serde(default)]
    pub product_id: String,
    /// The product's picture.
    #[serde(default)]
    pub head_image: String,
    /// The product's title.
    #[serde(default)]
    pub title: String,
    /// The price, as text.
    #[serde(default, deserialize_with = "lenient::text")]
    pub sales_price: String,
    /// The shop's name.
    #[serde(default)]
    pub shop_nickname: String,
    /// The shop's avatar.
    #[serde(default)]
    pub shop_head_image: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A WeChat Channels shop order (视频号订单).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfChannelsShopOrder {
    /// The order's id.
    #[serde(default)]
    pub order_id: String,
    /// The products' titles.
    #[serde(default)]
    pub product_titles: String,
    /// The price, as shown.
    #[serde(default)]
    pub price_wording: String,
    /// The order's state, as shown.
    #[serde(default)]
    pub state: String,
    /// The picture.
    #[serde(default)]
    pub image_url: String,
    /// The shop's name.
    #[serde(default)]
    pub shop_nickname: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Forwarded chat records (聊天记录).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMergedMsg {
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The records.
    #[serde(default)]
    pub item: Vec<KfMergedItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One forwarded record.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMergedItem {
    /// When it was sent, Unix seconds.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub send_time: u64,
    /// Its type.
    #[serde(default)]
    pub msgtype: String,
    /// Who sent it.
    #[serde(default)]
    pub sender_name: String,
    /// The message, as a JSON text.
    #[serde(default)]
    pub msg_content: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A WeChat Channels item (视频号消息): a video, a live stream, a profile.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfChannels {
    /// `1` video, `2` live stream, `3` profile.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub sub_type: u64,
    /// The Channels account's name.
    #[serde(default)]
    pub nickname: String,
    /// The title.
    #[serde(default)]
    pub title: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The kind of a Customer Service event. Kinds WeCom adds later are kept in `Other`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum KfEventType {
    /// `enter_session`: a customer entered a session (answer with `welcome_code`).
    EnterSession,
    /// `msg_send_fail`: a message could not be sent.
    MsgSendFail,
    /// `servicer_status_change`: a servicer's reception status changed.
    ServicerStatusChange,
    /// `session_status_change`: a session was taken, transferred or ended.
    SessionStatusChange,
    /// `user_recall_msg`: the customer recalled a message.
    UserRecallMsg,
    /// `servicer_recall_msg`: a servicer recalled a message.
    ServicerRecallMsg,
    /// `reject_customer_msg_switch_change`: a servicer turned refusing a customer's messages
    /// on or off.
    RejectCustomerMsgSwitchChange,
    /// Any other kind, as sent.
    Other(String),
}

impl KfEventType {
    /// Reads `event_type`.
    pub fn parse(name: &str) -> Self {
        match name {
            "enter_session" => KfEventType::EnterSession,
            "msg_send_fail" => KfEventType::MsgSendFail,
            "servicer_status_change" => KfEventType::ServicerStatusChange,
            "session_status_change" => KfEventType::SessionStatusChange,
            "user_recall_msg" => KfEventType::UserRecallMsg,
            "servicer_recall_msg" => KfEventType::ServicerRecallMsg,
            "reject_customer_msg_switch_change" => KfEventType::RejectCustomerMsgSwitchChange,
            other => KfEventType::Other(other.to_owned()),
        }
    }
}

/// A Customer Service event (`msgtype` `event`, origin 4). Which fields are set depends on
/// [`event_type`](Self::event_type); read the kind with [`KfEvent::kind`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfEvent {
    /// The event's kind, as sent.
    #[serde(default)]
    pub event_type: String,
    /// The account's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_kfid: Option<String>,
    /// The customer's `external_userid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_userid: Option<String>,
    /// The contact link's scene (`enter_session`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene: Option<String>,
    /// The contact link's `scene_param` (`enter_session`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scene_param: Option<String>,
    /// The code for a welcome message by [`SendKfMsgOnEvent`] (`enter_session`, 20 seconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub welcome_code: Option<String>,
    /// The WeChat Channels account the customer came from (`enter_session`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wechat_channels: Option<KfWechatChannels>,
    /// The message that failed (`msg_send_fail`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fail_msgid: Option<String>,
    /// Why it failed (`msg_send_fail`): `0` unknown, `1` expired, ...
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub fail_type: Option<u64>,
    /// The servicer concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servicer_userid: Option<String>,
    /// The servicer's new status (`servicer_status_change`): `1` receiving, `2` stopped.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<u64>,
    /// When stopped: `0` stopped, `1` on leave (`servicer_status_change`).
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub stop_type: Option<u64>,
    /// How the session changed (`session_status_change`): `1` taken from the pool, `2`
    /// transferred, `3` ended, `4` rejoined.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub change_type: Option<u64>,
    /// The previous servicer (`session_status_change`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_servicer_userid: Option<String>,
    /// The new servicer (`session_status_change`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_servicer_userid: Option<String>,
    /// The code for a message by [`SendKfMsgOnEvent`] (`session_status_change`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msg_code: Option<String>,
    /// The recalled message (`user_recall_msg`, `servicer_recall_msg`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recall_msgid: Option<String>,
    /// `1` refusing, `2` accepting again (`reject_customer_msg_switch_change`).
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub reject_switch: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl KfEvent {
    /// The event's kind.
    pub fn kind(&self) -> KfEventType {
        KfEventType::parse(&self.event_type)
    }
}

/// A message or event read by `kf/sync_msg`. The content sits under the field named by
/// `msgtype`; [`KfMessage::content`] reads it as one enum. A `msgtype` this SDK does not know
/// keeps its content in `extra` (see [`KfContent::Unknown`]): never an error.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMessage {
    /// The message's id.
    #[serde(default)]
    pub msgid: String,
    /// The account's id.
    #[serde(default)]
    pub open_kfid: String,
    /// The customer's `external_userid` (absent for some events).
    #[serde(default)]
    pub external_userid: String,
    /// When it was sent, Unix seconds.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub send_time: u64,
    /// Who it comes from.
    #[serde(default, skip_serializing_if = "KfOrigin::is_unset")]
    pub origin: KfOrigin,
    /// The servicer who sent it (origin 5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servicer_userid: Option<String>,
    /// The type, naming the field with the content.
    #[serde(default)]
    pub msgtype: String,
    /// `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<KfText>,
    /// `image`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<KfMedia>,
    /// `voice` (AMR, or as `voice_format` asked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<KfMedia>,
    /// `video`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<KfMedia>,
    /// `file`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<KfMedia>,
    /// `location`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<KfLocation>,
    /// `link`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<KfLink>,
    /// `business_card`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_card: Option<KfBusinessCard>,
    /// `miniprogram`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<KfMiniprogram>,
    /// `msgmenu`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msgmenu: Option<KfMsgMenu>,
    /// `channels_shop_product`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels_shop_product: Option<KfChannelsShopProduct>,
    /// `channels_shop_order`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels_shop_order: Option<KfChannelsShopOrder>,
    /// `merged_msg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_msg: Option<KfMergedMsg>,
    /// `channels`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<KfChannels>,
    /// `note` (a note, 笔记: no content is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Value>,
    /// `event`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<KfEvent>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The content of a [`KfMessage`], by its `msgtype`.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum KfContent<'a> {
    /// `text`.
    Text(&'a KfText),
    /// `image`.
    Image(&'a KfMedia),
    /// `voice`.
    Voice(&'a KfMedia),
    /// `video`.
    Video(&'a KfMedia),
    /// `file`.
    File(&'a KfMedia),
    /// `location`.
    Location(&'a KfLocation),
    /// `link`.
    Link(&'a KfLink),
    /// `business_card`.
    BusinessCard(&'a KfBusinessCard),
    /// `miniprogram`.
    Miniprogram(&'a KfMiniprogram),
    /// `msgmenu`.
    Msgmenu(&'a KfMsgMenu),
    /// `channels_shop_product`.
    ChannelsShopProduct(&'a KfChannelsShopProduct),
    /// `channels_shop_order`.
    ChannelsShopOrder(&'a KfChannelsShopOrder),
    /// `merged_msg`.
    MergedMsg(&'a KfMergedMsg),
    /// `channels`.
    Channels(&'a KfChannels),
    /// `note`.
    Note,
    /// `event`.
    Event(&'a KfEvent),
    /// A type this SDK does not know (or a known type without its object): the type and the
    /// object under its name, as sent.
    Unknown {
        /// The `msgtype`.
        msgtype: &'a str,
        /// The object named by `msgtype`, if sent.
        body: Option<&'a Value>,
    },
}

impl KfMessage {
    /// The content, by `msgtype`.
    pub fn content(&self) -> KfContent<'_> {
        let known = match self.msgtype.as_str() {
            "text" => self.text.as_ref().map(KfContent::Text),
            "image" => self.image.as_ref().map(KfContent::Image),
            "voice" => self.voice.as_ref().map(KfContent::Voice),
            "video" => self.video.as_ref().map(KfContent::Video),
            "file" => self.file.as_ref().map(KfContent::File),
            "location" => self.location.as_ref().map(KfContent::Location),
            "link" => self.link.as_ref().map(KfContent::Link),
            "business_card" => self.business_card.as_ref().map(KfContent::BusinessCard),
            "miniprogram" => self.miniprogram.as_ref().map(KfContent::Miniprogram),
            "msgmenu" => self.msgmenu.as_ref().map(KfContent::Msgmenu),
            "channels_shop_product" => self
                .channels_shop_product
                .as_ref()
                .map(KfContent::ChannelsShopProduct),
            "channels_shop_order" => self
                .channels_shop_order
                .as_ref()
                .map(KfContent::ChannelsShopOrder),
            "merged_msg" => self.merged_msg.as_ref().map(KfContent::MergedMsg),
            "channels" => self.channels.as_ref().map(KfContent::Channels),
            "note" => Some(KfContent::Note),
            "event" => self.event.as_ref().map(KfContent::Event),
            _ => None,
        };
        known.unwrap_or(KfContent::Unknown {
            msgtype: &self.msgtype,
            body: self.extra.get(&self.msgtype),
        })
    }
}

/// `kf/sync_msg` (读取消息): one page of an account's messages and events from a cursor. Use
/// [`sync_messages`], which follows the pages and saves the cursor.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncKfMsg {
    /// Where to start: the previous page's `next_cursor`; absent the first time (the last 3
    /// days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// The `Token` of the `kf_msg_or_event` push (10 minutes): without it the calls are
    /// strictly rate-limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// Messages per page, 1 to 1000 (WeCom's default 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// `0` voice as AMR (the default), `1` as SILK.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice_format: Option<u8>,
    /// The account's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_kfid: Option<String>,
}

impl SyncKfMsg {
    /// A page of `open_kfid` from `cursor`, with the push's `token`.
    pub fn new(
        open_kfid: impl Into<String>,
        token: impl Into<String>,
        cursor: Option<String>,
    ) -> Self {
        Self {
            cursor,
            token: Some(token.into()),
            limit: None,
            voice_format: None,
            open_kfid: Some(open_kfid.into()),
        }
    }
}

/// What [`SyncKfMsg`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfSyncPage {
    /// Where the next page starts (also after the last page: where new messages will start).
    #[serde(default)]
    pub next_cursor: String,
    /// `1` when more messages follow.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub has_more: u64,
    /// The messages and events, oldest first.
    #[serde(default)]
    pub msg_list: Vec<KfMessage>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    SendKfMsg => KfMsgSent {
        POST Work "/cgi-bin/kf/send_msg",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/94677",
    }
    SendKfMsgOnEvent => KfMsgSent {
        POST Work "/cgi-bin/kf/send_msg_on_event",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/95122",
    }
    SyncKfMsg => KfSyncPage {
        POST Work "/cgi-bin/kf/sync_msg",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94670",
    }
}

// ----- the message sync ------------------------------------------------------------------------

/// The store key of the saved `kf/sync_msg` cursor of an account of a corp.
pub fn cursor_key(corpid: &str, open_kfid: &str) -> String {
    keys::format(StoreKey::KfCursor { corpid, open_kfid })
}

/// The corp a client calls as: its own (`Work`) or an installing corp's (`SuiteCorp`).
fn corpid_of<H: HttpClient, S: TokenStore, R: Runtime>(
    client: &Client<H, S, R>,
) -> Result<String> {
    use crate::token::TokenFlow;
    match client.flow() {
        Some(TokenFlow::Work { corpid, .. } | TokenFlow::SuiteCorp { corpid, .. }) => {
            Ok(corpid.clone())
        }
        _ => Err(Error::Build(
            "the kf message sync needs a WeCom corp client (its corp id names the saved cursor)"
                .into(),
        )),
    }
}

/// The cursor saved for an account of the client's corp, if any.
pub async fn saved_cursor<H: HttpClient, S: TokenStore, R: Runtime>(
    client: &Client<H, S, R>,
    open_kfid: &str,
) -> Result<Option<String>> {
    let key = cursor_key(&corpid_of(client)?, open_kfid);
    load_cursor(client, &key).await
}

async fn load_cursor<H: HttpClient, S: TokenStore, R: Runtime>(
    client: &Client<H, S, R>,
    key: &str,
) -> Result<Option<String>> {
    match client.store().load(key).await {
        Ok(found) => Ok(found
            .map(|t| t.value.expose().to_owned())
            .filter(|c| !c.is_empty())),
        Err(e) => Err(Error::Transport(format!(
            "the token store could not read {key}: {}",
            e.0
        ))),
    }
}

async fn save_cursor<H: HttpClient, S: TokenStore, R: Runtime>(
    client: &Client<H, S, R>,
    key: &str,
    cursor: &str,
) -> Result<()> {
    // A cursor is not a token: kept without expiry (`u64::MAX`, no TTL) until replaced.
    let record = StoredToken {
        value: Secret::new(cursor),
        expires_at_ms: u64::MAX,
    };
    client
        .store()
        .save(key, &record, None)
        .await
        .map_err(|e| Error::Transport(format!("the token store could not save {key}: {}", e.0)))
}

struct SyncState {
    /// The store key of the cursor; `None` until the sync has started.
    key: Option<String>,
    /// The cursor of the next page to ask for.
    cursor: Option<String>,
    /// The messages of the current page not handed out yet.
    items: VecDeque<KfMessage>,
    /// The current page's `next_cursor`, to save before its last message is handed out.
    unsaved: Option<String>,
    /// Whether to ask for another page once this one is handed out.
    more: bool,
}

/// Every new message and event of a Customer Service account, after a `kf_msg_or_event` push:
/// calls `kf/sync_msg` with the push's `token` (its `Token`; `open_kfid` is its `OpenKfId`),
/// from the cursor saved for (corp, `open_kfid`) in the client's [`TokenStore`], page after
/// page until `has_more` is 0, and yields the messages in order. WeCom's default page size
/// (1000); see [`sync_messages_with`] to choose it.
///
/// # The saved cursor and what a restart sees
///
/// The cursor of each page (its `next_cursor`) is saved under [`cursor_key`] (a record
/// without expiry) **when the page's last message is handed out**, just before it is yielded:
///
/// - A consumer that stops at a page boundary (after the last message of a page, or at the end
///   of the stream) leaves the cursor after that page: the next sync, in this process or
///   another one sharing the store, starts with the next page. Nothing is handed out twice,
///   nothing is skipped.
/// - A crash (or a dropped stream) in the middle of a page, before its last message was
///   handed out, leaves the previous page's cursor: the next sync hands out **that whole page
///   again**, from its first message, including the messages already handed out. Delivery is
///   at least once per page: handle messages idempotently (by `msgid`).
/// - The last message of a page is handed out after its cursor is saved: a crash while
///   handling that one message does not replay it. Persist what it means before asking for the
///   next message if it must not be lost.
/// - A failed save is yielded as the error (the page's last message is then not handed out)
///   and ends the stream: the next sync replays the page.
///
/// A failed call is yielded and ends the stream. An empty page saves its cursor at once. The
/// first sync of an account (no saved cursor) starts where WeCom starts without one (the last
/// 3 days). Two syncs of the same account at the same time read the same pages: run one at a
/// time per account (WeCom pushes again when new messages arrive).
pub fn sync_messages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    token: impl Into<String>,
    open_kfid: impl Into<String>,
) -> impl Stream<Item = Result<KfMessage>> + 'a {
    sync_messages_with(client, token, open_kfid, None)
}

/// [`sync_messages`] with `limit` messages per page (1 to 1000; WeCom's default when `None`).
pub fn sync_messages_with<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    token: impl Into<String>,
    open_kfid: impl Into<String>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<KfMessage>> + 'a {
    let token = token.into();
    let open_kfid = open_kfid.into();
    let start = SyncState {
        key: None,
        cursor: None,
        items: VecDeque::new(),
        unsaved: None,
        more: true,
    };
    stream::try_unfold(start, move |mut state| {
        let (token, open_kfid) = (token.clone(), open_kfid.clone());
        async move {
            let key = match &state.key {
                Some(k) => k.clone(),
                None => {
                    let key = cursor_key(&corpid_of(client)?, &open_kfid);
                    state.cursor = load_cursor(client, &key).await?;
                    state.key = Some(key.clone());
                    key
                }
            };
            loop {
                if state.items.len() == 1
                    && let Some(cursor) = state.unsaved.take()
                {
                    save_cursor(client, &key, &cursor).await?;
                }
                if let Some(message) = state.items.pop_front() {
                    return Ok(Some((message, state)));
                }
                if !state.more {
                    return Ok(None);
                }
                let request = SyncKfMsg {
                    limit,
                    ..SyncKfMsg::new(open_kfid.clone(), token.clone(), state.cursor.clone())
                };
                let page = client.call(&request).await?;
                let next = page.next_cursor;
                // A page that repeats its cursor, or gives none, ends the sync whatever
                // `has_more` says: never a loop on the same page.
                state.more = page.has_more != 0
                    && !next.is_empty()
                    && state.cursor.as_deref() != Some(next.as_str());
                state.items.extend(page.msg_list);
                if !next.is_empty() {
                    state.cursor = Some(next.clone());
                    if state.items.is_empty() {
                        save_cursor(client, &key, &next).await?;
                    } else {
                        state.unsaved = Some(next);
                    }
                }
            }
        }
    })
}
