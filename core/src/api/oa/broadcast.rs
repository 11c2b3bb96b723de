//! Mass broadcasts: to everyone or a tag, to a list of OpenIDs, previews, status, deletion and
//! speed.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::endpoint::{Ack};

use super::message::{CardContent, MediaContent, TextContent};
use crate::lenient;

/// A broadcast message, by `msgtype`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MassMessage {
    /// `mpnews`: a news material or draft.
    MpNews(MediaContent),
    /// `text`.
    Text(TextContent),
    /// `voice`.
    Voice(MediaContent),
    /// `images`: up to 8 images (sendall and send).
    Images(ImagesContent),
    /// `image`: one image (preview).
    Image(MediaContent),
    /// `mpvideo`: a video (its media id from `media/uploadvideo` or a permanent video).
    MpVideo(MediaContent),
    /// `wxcard`: a card or coupon.
    WxCard(CardContent),
}

impl MassMessage {
    /// The `msgtype` of this message.
    pub fn msgtype(&self) -> &'static str {
        match self {
            MassMessage::MpNews(_) => "mpnews",
            MassMessage::Text(_) => "text",
            MassMessage::Voice(_) => "voice",
            MassMessage::Images(_) => "images",
            MassMessage::Image(_) => "image",
            MassMessage::MpVideo(_) => "mpvideo",
            MassMessage::WxCard(_) => "wxcard",
        }
    }

    /// An `mpnews` message.
    pub fn mpnews(media_id: impl Into<String>) -> Self {
        MassMessage::MpNews(MediaContent {
            media_id: media_id.into(),
        })
    }

    /// A `text` message.
    pub fn text(content: impl Into<String>) -> Self {
        MassMessage::Text(TextContent {
            content: content.into(),
        })
    }

    /// A `voice` message.
    pub fn voice(media_id: impl Into<String>) -> Self {
        MassMessage::Voice(MediaContent {
            media_id: media_id.into(),
        })
    }

    /// An `image` message (preview).
    pub fn image(media_id: impl Into<String>) -> Self {
        MassMessage::Image(MediaContent {
            media_id: media_id.into(),
        })
    }

    /// An `mpvideo` message.
    pub fn mpvideo(media_id: impl Into<String>) -> Self {
        MassMessage::MpVideo(MediaContent {
            media_id: media_id.into(),
        })
    }

    /// A `wxcard` message.
    pub fn wxcard(card_id: impl Into<String>) -> Self {
        MassMessage::WxCard(CardContent {
            card_id: card_id.into(),
        })
    }
}

/// The body of an `images` message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImagesContent {
    /// Up to 8 permanent image materials.
    pub media_ids: Vec<String>,
    /// The recommendation text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommend: Option<String>,
    /// `1` to open comments.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub need_open_comment: Option<u8>,
    /// `1` to let only followers comment.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub only_fans_can_comment: Option<u8>,
}

/// Who a [`SendAll`] reaches.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MassFilter {
    /// Every follower (then `tag_id` is ignored).
    pub is_to_all: bool,
    /// Followers with this tag.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag_id: Option<u64>,
}

/// `message/mass/sendall` (massSendAll): broadcasts to every follower or to a tag. Never
/// retried automatically; set `clientmsgid` to let WeChat drop duplicates.
#[derive(Clone, Debug, PartialEq)]
pub struct SendAll {
    /// Who receives it.
    pub filter: MassFilter,
    /// The message; its kind gives `msgtype`.
    pub message: MassMessage,
    /// `mpnews`: `1` sends even when an article is judged a reprint, `0` stops.
    pub send_ignore_reprint: Option<u8>,
    /// A caller's id (at most 64 bytes): one broadcast per id within 24 hours.
    pub clientmsgid: Option<String>,
}

impl SendAll {
    /// `message` to every follower.
    pub fn to_all(message: MassMessage) -> Self {
        Self {
            filter: MassFilter {
                is_to_all: true,
                tag_id: None,
            },
            message,
            send_ignore_reprint: None,
            clientmsgid: None,
        }
    }

    /// `message` to the followers with a tag.
    pub fn to_tag(tag_id: u64, message: MassMessage) -> Self {
        Self {
            filter: MassFilter {
                is_to_all: false,
                tag_id: Some(tag_id),
            },
            ..Self::to_all(message)
        }
    }
}

impl Serialize for SendAll {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            filter: &'a MassFilter,
            #[serde(flatten)]
            message: &'a MassMessage,
            msgtype: &'static str,
            #[serde(skip_serializing_if = "Option::is_none")]
            send_ignore_reprint: Option<u8>,
            #[serde(skip_serializing_if = "Option::is_none")]
            clientmsgid: Option<&'a str>,
        }
        Wire {
            filter: &self.filter,
            message: &self.message,
            msgtype: self.message.msgtype(),
            send_ignore_reprint: self.send_ignore_reprint,
            clientmsgid: self.clientmsgid.as_deref(),
        }
        .serialize(s)
    }
}

/// Reads WeChat's documented body: the message under its type's key, beside `msgtype`.
impl<'de> Deserialize<'de> for SendAll {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            filter: MassFilter,
            #[serde(default)]
            send_ignore_reprint: Option<u8>,
            #[serde(default)]
            clientmsgid: Option<String>,
            #[serde(default)]
            msgtype: Option<String>,
            #[serde(flatten)]
            message: MassMessage,
        }
        let w = Wire::deserialize(d)?;
        super::message::check_msgtype::<D::Error>(w.msgtype.as_deref(), w.message.msgtype())?;
        Ok(Self {
            filter: w.filter,
            message: w.message,
            send_ignore_reprint: w.send_ignore_reprint,
            clientmsgid: w.clientmsgid,
        })
    }
}

/// `message/mass/send` (massSend): broadcasts to a list of OpenIDs (2 to 10 000). Never
/// retried automatically.
#[derive(Clone, Debug, PartialEq)]
pub struct SendMass {
    /// The followers' OpenIDs.
    pub touser: Vec<String>,
    /// The message; its kind gives `msgtype`.
    pub message: MassMessage,
    /// `mpnews`: `1` sends even when an article is judged a reprint, `0` stops.
    pub send_ignore_reprint: Option<u8>,
    /// A caller's id (at most 64 bytes): one broadcast per id within 24 hours.
    pub clientmsgid: Option<String>,
}

impl SendMass {
    /// `message` to `touser`.
    pub fn new(touser: Vec<String>, message: MassMessage) -> Self {
        Self {
            touser,
            message,
            send_ignore_reprint: None,
            clientmsgid: None,
        }
    }
}

impl Serialize for SendMass {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            touser: &'a [String],
            #[serde(flatten)]
            message: &'a MassMessage,
            msgtype: &'static str,
            #[serde(skip_serializing_if = "Option::is_none")]
            send_ignore_reprint: Option<u8>,
            #[serde(skip_serializing_if = "Option::is_none")]
            clientmsgid: Option<&'a str>,
        }
        Wire {
            touser: &self.touser,
            message: &self.message,
            msgtype: self.message.msgtype(),
            send_ignore_reprint: self.send_ignore_reprint,
            clientmsgid: self.clientmsgid.as_deref(),
        }
        .serialize(s)
    }
}

/// Reads WeChat's documented body: the message under its type's key, beside `msgtype`.
impl<'de> Deserialize<'de> for SendMass {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            touser: Vec<String>,
            #[serde(default)]
            send_ignore_reprint: Option<u8>,
            #[serde(default)]
            clientmsgid: Option<String>,
            #[serde(default)]
            msgtype: Option<String>,
            #[serde(flatten)]
            message: MassMessage,
        }
        let w = Wire::deserialize(d)?;
        super::message::check_msgtype::<D::Error>(w.msgtype.as_deref(), w.message.msgtype())?;
        Ok(Self {
            touser: w.touser,
            message: w.message,
            send_ignore_reprint: w.send_ignore_reprint,
            clientmsgid: w.clientmsgid,
        })
    }
}

/// What [`SendAll`] and [`SendMass`] answer.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct MassSent {
    /// The broadcast's id.
    #[serde(deserialize_with = "lenient::u64")]
    pub msg_id: u64,
    /// The id of the articles' statistics (`mpnews` only).
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub msg_data_id: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `message/mass/preview` (previewMessage): sends a broadcast to one follower to check it (100
/// a day). Never retried automatically.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewMass {
    /// The follower's OpenID.
    pub touser: Option<String>,
    /// Or the follower's WeChat ID (preferred by WeChat when both are set).
    pub towxname: Option<String>,
    /// The message; its kind gives `msgtype`.
    pub message: MassMessage,
}

impl PreviewMass {
    /// Previews `message` to the follower `touser`.
    pub fn to_openid(touser: impl Into<String>, message: MassMessage) -> Self {
        Self {
            touser: Some(touser.into()),
            towxname: None,
            message,
        }
    }
}

impl Serialize for PreviewMass {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            touser: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            towxname: Option<&'a str>,
            #[serde(flatten)]
            message: &'a MassMessage,
            msgtype: &'static str,
        }
        Wire {
            touser: self.touser.as_deref(),
            towxname: self.towxname.as_deref(),
            message: &self.message,
            msgtype: self.message.msgtype(),
        }
        .serialize(s)
    }
}

/// Reads WeChat's documented body: the message under its type's key, beside `msgtype`.
impl<'de> Deserialize<'de> for PreviewMass {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            #[serde(default)]
            touser: Option<String>,
            #[serde(default)]
            towxname: Option<String>,
            #[serde(default)]
            msgtype: Option<String>,
            #[serde(flatten)]
            message: MassMessage,
        }
        let w = Wire::deserialize(d)?;
        super::message::check_msgtype::<D::Error>(w.msgtype.as_deref(), w.message.msgtype())?;
        Ok(Self {
            touser: w.touser,
            towxname: w.towxname,
            message: w.message,
        })
    }
}

/// What [`PreviewMass`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct MassPreviewed {
    /// The preview's id.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub msg_id: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `message/mass/delete` (deleteMassMsg): deletes a sent broadcast's articles (within a day),
/// all of them or one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteMass {
    /// The broadcast's id.
    pub msg_id: u64,
    /// The article to delete, from 1; all when absent or 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_idx: Option<u32>,
    /// The article's URL (used instead of `msg_id` when set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `message/mass/get` (getMassMsg): the state of a broadcast.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetMassStatus {
    /// The broadcast's id (sent as a string, as in the document).
    #[serde(
        serialize_with = "lenient::u64_as_string",
        deserialize_with = "lenient::u64"
    )]
    pub msg_id: u64,
}

/// What [`GetMassStatus`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct MassStatus {
    /// The broadcast's id.
    #[serde(deserialize_with = "lenient::u64")]
    pub msg_id: u64,
    /// `SEND_SUCCESS`, `SENDING`, `SEND_FAIL` or `DELETE`.
    #[serde(default)]
    pub msg_status: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `message/mass/speed/get` (getSpeed): the broadcast speed.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct GetMassSpeed {}

/// The broadcast speed.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct MassSpeed {
    /// The level: `0` is 80 (ten thousand per minute) down to `4` at 10.
    #[serde(default)]
    pub speed: u32,
    /// The speed, in ten thousands per minute.
    #[serde(default)]
    pub realspeed: u32,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `message/mass/speed/set` (setSpeed): sets the broadcast speed level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SetMassSpeed {
    /// The level, `0` (fastest) to `4`.
    pub speed: u32,
}


crate::endpoint! {
    area: "officialaccount";

    SendAll => MassSent {
        POST Api "/cgi-bin/message/mass/sendall",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html",
    }
    SendMass => MassSent {
        POST Api "/cgi-bin/message/mass/send",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html",
    }
    PreviewMass => MassPreviewed {
        POST Api "/cgi-bin/message/mass/preview",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html",
    }
    DeleteMass => Ack {
        POST Api "/cgi-bin/message/mass/delete",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html",
    }
    GetMassStatus => MassStatus {
        POST Api "/cgi-bin/message/mass/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html",
    }
    GetMassSpeed => MassSpeed {
        POST Api "/cgi-bin/message/mass/speed/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html",
    }
    SetMassSpeed => Ack {
        POST Api "/cgi-bin/message/mass/speed/set",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html",
    }
}

