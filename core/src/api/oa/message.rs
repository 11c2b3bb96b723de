//! Customer service messages: messages sent to a user within 48 hours of their last interaction.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::endpoint::{Ack};

/// `message/custom/send`: sends a customer service message. Never retried automatically.
#[derive(Clone, Debug, PartialEq)]
pub struct SendCustomMessage {
    /// The user's OpenID.
    pub touser: String,
    /// The message; its kind gives `msgtype`.
    pub message: CustomMessage,
    /// Send as this customer service account (`account@wechat_id`).
    pub customservice: Option<CustomService>,
}

impl SendCustomMessage {
    /// `message` to `touser`, from the account itself.
    pub fn new(touser: impl Into<String>, message: CustomMessage) -> Self {
        Self {
            touser: touser.into(),
            message,
            customservice: None,
        }
    }

    /// Sends as a customer service account.
    pub fn as_kf(mut self, kf_account: impl Into<String>) -> Self {
        self.customservice = Some(CustomService {
            kf_account: kf_account.into(),
        });
        self
    }
}

impl Serialize for SendCustomMessage {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Wire<'a> {
            touser: &'a str,
            msgtype: &'static str,
            #[serde(flatten)]
            message: &'a CustomMessage,
            #[serde(skip_serializing_if = "Option::is_none")]
            customservice: Option<&'a CustomService>,
        }
        Wire {
            touser: &self.touser,
            msgtype: self.message.msgtype(),
            message: &self.message,
            customservice: self.customservice.as_ref(),
        }
        .serialize(s)
    }
}

/// Reads WeChat's documented body: `touser`, `msgtype` and the message under its type's key.
impl<'de> Deserialize<'de> for SendCustomMessage {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Wire {
            touser: String,
            #[serde(default)]
            msgtype: Option<String>,
            #[serde(flatten)]
            message: CustomMessage,
            #[serde(default)]
            customservice: Option<CustomService>,
        }
        let w = Wire::deserialize(d)?;
        check_msgtype::<D::Error>(w.msgtype.as_deref(), w.message.msgtype())?;
        Ok(Self {
            touser: w.touser,
            message: w.message,
            customservice: w.customservice,
        })
    }
}

/// A `msgtype` given beside the message must name the message's kind.
pub(crate) fn check_msgtype<E: serde::de::Error>(given: Option<&str>, kind: &str) -> Result<(), E> {
    match given {
        Some(t) if t != kind => Err(E::custom(format!(
            "msgtype `{t}` does not match the `{kind}` message"
        ))),
        _ => Ok(()),
    }
}

/// The customer service account a message is sent as.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomService {
    /// `account@wechat_id`.
    pub kf_account: String,
}

/// A customer service message, by `msgtype`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CustomMessage {
    /// `text`.
    Text(TextContent),
    /// `image`.
    Image(MediaContent),
    /// `voice`.
    Voice(MediaContent),
    /// `video`.
    Video(VideoContent),
    /// `music`.
    Music(MusicContent),
    /// `news`: one article card linking out.
    News(NewsContent),
    /// `mpnews`: a news material (drafts and published articles use `mpnewsarticle`).
    MpNews(MediaContent),
    /// `mpnewsarticle`: a published article.
    MpNewsArticle(ArticleContent),
    /// `msgmenu`: a message with reply options.
    MsgMenu(MsgMenuContent),
    /// `wxcard`: a card or coupon.
    WxCard(CardContent),
    /// `miniprogrampage`: a Mini Program card.
    MiniProgramPage(MiniProgramPageContent),
}

impl CustomMessage {
    /// The `msgtype` of this message.
    pub fn msgtype(&self) -> &'static str {
        match self {
            CustomMessage::Text(_) => "text",
            CustomMessage::Image(_) => "image",
            CustomMessage::Voice(_) => "voice",
            CustomMessage::Video(_) => "video",
            CustomMessage::Music(_) => "music",
            CustomMessage::News(_) => "news",
            CustomMessage::MpNews(_) => "mpnews",
            CustomMessage::MpNewsArticle(_) => "mpnewsarticle",
            CustomMessage::MsgMenu(_) => "msgmenu",
            CustomMessage::WxCard(_) => "wxcard",
            CustomMessage::MiniProgramPage(_) => "miniprogrampage",
        }
    }

    /// A `text` message (links may be `<a href="...">` or `data-miniprogram-*` anchors).
    pub fn text(content: impl Into<String>) -> Self {
        CustomMessage::Text(TextContent {
            content: content.into(),
        })
    }

    /// An `image` message from a media id.
    pub fn image(media_id: impl Into<String>) -> Self {
        CustomMessage::Image(MediaContent {
            media_id: media_id.into(),
        })
    }

    /// A `voice` message from a media id.
    pub fn voice(media_id: impl Into<String>) -> Self {
        CustomMessage::Voice(MediaContent {
            media_id: media_id.into(),
        })
    }

    /// An `mpnews` message from a news material's media id.
    pub fn mpnews(media_id: impl Into<String>) -> Self {
        CustomMessage::MpNews(MediaContent {
            media_id: media_id.into(),
        })
    }

    /// An `mpnewsarticle` message from a published article's id.
    pub fn mpnewsarticle(article_id: impl Into<String>) -> Self {
        CustomMessage::MpNewsArticle(ArticleContent {
            article_id: article_id.into(),
        })
    }

    /// A `wxcard` message.
    pub fn wxcard(card_id: impl Into<String>) -> Self {
        CustomMessage::WxCard(CardContent {
            card_id: card_id.into(),
        })
    }
}

/// The body of a `text` message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TextContent {
    /// The text.
    pub content: String,
}

/// A media id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaContent {
    /// The media id (temporary media or permanent material).
    pub media_id: String,
}

/// The body of a `video` message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VideoContent {
    /// The video's media id.
    pub media_id: String,
    /// The thumbnail's media id.
    pub thumb_media_id: String,
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The body of a `music` message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MusicContent {
    /// Title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The music URL.
    pub musicurl: String,
    /// The high-quality music URL (played on Wi-Fi).
    pub hqmusicurl: String,
    /// The thumbnail's media id.
    pub thumb_media_id: String,
}

/// The body of a `news` message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewsContent {
    /// One article (WeChat shows only one).
    pub articles: Vec<NewsArticle>,
}

/// An article card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewsArticle {
    /// Title.
    pub title: String,
    /// Description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where a tap leads.
    pub url: String,
    /// The picture's URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub picurl: Option<String>,
}

/// The body of an `mpnewsarticle` message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleContent {
    /// The published article's id.
    pub article_id: String,
}

/// The body of a `msgmenu` message: a tap on an option sends its `id` back to the callback.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MsgMenuContent {
    /// Text above the options.
    pub head_content: String,
    /// The options.
    pub list: Vec<MsgMenuItem>,
    /// Text below the options.
    pub tail_content: String,
}

/// An option of a `msgmenu` message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MsgMenuItem {
    /// Sent back when tapped.
    pub id: String,
    /// The label.
    pub content: String,
}

/// The body of a `wxcard` message.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardContent {
    /// The card id.
    pub card_id: String,
}

/// The body of a `miniprogrampage` message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MiniProgramPageContent {
    /// Title.
    pub title: String,
    /// The Mini Program (linked to the account).
    pub appid: String,
    /// Its page.
    pub pagepath: String,
    /// The card image's media id.
    pub thumb_media_id: String,
}

crate::endpoint! {
    area: "officialaccount";

    SendCustomMessage => Ack {
        POST Api "/cgi-bin/message/custom/send",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html",
    }
}

