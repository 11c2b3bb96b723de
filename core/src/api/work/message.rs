//! App messages (应用消息): send every message type, update template cards, recall.
//!
//! A message is one of [`AppMessage`]'s kinds, written as WeCom reads it: `"msgtype": "text",
//! "text": {...}`. Recipients are lists here and joined with `|` on the wire, as WeCom wants
//! them.
//!
//! ```
//! use wechat_core::api::work::message::SendMessage;
//! let send = SendMessage::text(1000002, "hello").to_users(["u1", "u2"]);
//! assert_eq!(
//!     serde_json::to_value(&send).unwrap(),
//!     serde_json::json!({"touser": "u1|u2", "msgtype": "text", "agentid": 1000002,
//!                        "text": {"content": "hello"}})
//! );
//! ```

use serde::{Deserialize, Serialize};

use crate::endpoint::Ack;

/// Declares a message enum whose variants are written as `"msgtype": "<tag>", "<tag>": {...}`:
/// flattened into a request, the enum supplies both keys; reading, the `msgtype` picks the
/// variant (or, without one, the first known key present).
macro_rules! message_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident($body:ty) = $tag:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq)]
        pub enum $name {
            $( $(#[$vmeta])* $variant($body), )*
        }

        impl $name {
            /// The `msgtype` of this message.
            pub fn msgtype(&self) -> &'static str {
                match self {
                    $( Self::$variant(_) => $tag, )*
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = s.serialize_map(Some(2))?;
                map.serialize_entry("msgtype", self.msgtype())?;
                match self {
                    $( Self::$variant(body) => map.serialize_entry($tag, body)?, )*
                }
                map.end()
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                use serde::de::Error as _;
                let mut map = serde_json::Map::<String, serde_json::Value>::deserialize(d)?;
                const TAGS: &[&str] = &[$($tag),*];
                let tag = match map.remove("msgtype") {
                    Some(serde_json::Value::String(t)) => t,
                    Some(other) => {
                        return Err(D::Error::custom(format!("msgtype {other} is not a string")));
                    }
                    None => TAGS
                        .iter()
                        .find(|t| map.contains_key(**t))
                        .map(|t| (*t).to_owned())
                        .ok_or_else(|| D::Error::custom("a message needs its msgtype"))?,
                };
                let body = map.remove(&tag).ok_or_else(|| {
                    D::Error::custom(format!("msgtype `{tag}` without its `{tag}` object"))
                })?;
                match tag.as_str() {
                    $( $tag => serde_json::from_value(body)
                        .map(Self::$variant)
                        .map_err(|e| D::Error::custom(format!("{}: {e}", $tag))), )*
                    other => Err(D::Error::custom(format!(
                        "msgtype `{other}` is not one of {}",
                        TAGS.join(", ")
                    ))),
                }
            }
        }
    };
}
pub(crate) use message_enum;

/// Ids joined with `|` on the wire (`"UserID1|UserID2"`); read back split, blanks around `|`
/// ignored.
pub(crate) mod joined {
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the ids joined with `|`.
    pub(crate) fn serialize<S: Serializer>(ids: &[String], s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&ids.join("|"))
    }

    /// Reads `a|b|c` (or `null`, or a JSON list of ids).
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Wire {
            Text(String),
            Number(u64),
            List(Vec<serde_json::Value>),
        }
        let text = |v: serde_json::Value| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        Ok(match Option::<Wire>::deserialize(d)? {
            None => Vec::new(),
            Some(Wire::Number(n)) => vec![n.to_string()],
            Some(Wire::Text(s)) => s
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            Some(Wire::List(items)) => items.into_iter().map(text).collect(),
        })
    }
}

fn ids<I, S>(ids: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    ids.into_iter().map(Into::into).collect()
}

// ---------------------------------------------------------------------------------------------
// Message bodies

/// The body of a `text` message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TextContent {
    /// The text (at most 2048 bytes; `<a href>` links allowed in app messages).
    pub content: String,
}

/// A media id: the body of `image`, `voice` and `file` messages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MediaContent {
    /// The media id from `media/upload`.
    pub media_id: String,
}

/// The body of a `video` message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VideoContent {
    /// The video's media id.
    pub media_id: String,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The body of a `textcard` message: a card with a link.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TextCardContent {
    /// Title.
    pub title: String,
    /// Description; `<div class="gray|normal|highlight">` styles its lines.
    pub description: String,
    /// Where a tap leads.
    pub url: String,
    /// The button's text (`详情` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub btntxt: Option<String>,
}

/// The body of a `news` message: linked article cards.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewsContent {
    /// One to eight articles.
    pub articles: Vec<NewsArticle>,
}

/// An article card of a `news` message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewsArticle {
    /// Title.
    pub title: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Where a tap leads (or a Mini Program, with `appid` and `pagepath`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The picture's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picurl: Option<String>,
    /// The Mini Program a tap opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// Its page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
}

impl NewsArticle {
    /// An article titled `title` linking to `url`.
    pub fn link(title: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            url: Some(url.into()),
            ..Self::default()
        }
    }
}

/// The body of an `mpnews` message: articles stored by WeCom, read inside the app.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MpNewsContent {
    /// One to eight articles.
    pub articles: Vec<MpNewsArticle>,
}

/// An article of an `mpnews` message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MpNewsArticle {
    /// Title.
    pub title: String,
    /// The cover's media id.
    pub thumb_media_id: String,
    /// Author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The "read the original" link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_source_url: Option<String>,
    /// The article's HTML.
    pub content: String,
    /// Summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

/// The body of a `markdown` message.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MarkdownContent {
    /// The markdown (WeCom's subset), at most 2048 bytes.
    pub content: String,
}

/// The body of a `miniprogram_notice` message: a Mini Program notification card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MiniProgramNotice {
    /// The Mini Program, linked to the app.
    pub appid: String,
    /// Its page a tap opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// Title.
    pub title: String,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the first item is emphasized.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emphasis_first_item: Option<bool>,
    /// The items shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub content_item: Vec<ContentItem>,
}

/// A key and value of a `miniprogram_notice`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ContentItem {
    /// The key.
    pub key: String,
    /// The value.
    pub value: String,
}

// ---------------------------------------------------------------------------------------------
// Template cards

/// The kind of a template card.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardType {
    /// `text_notice`: text with emphasis.
    #[default]
    TextNotice,
    /// `news_notice`: an image and text.
    NewsNotice,
    /// `button_interaction`: buttons calling back.
    ButtonInteraction,
    /// `vote_interaction`: a single- or multiple-choice vote.
    VoteInteraction,
    /// `multiple_interaction`: several drop-down selections.
    MultipleInteraction,
}

/// A template card (模板卡片): the body of `template_card` messages and the replacement card of
/// `message/update_template_card`. Which fields a card shows depends on its [`CardType`]; the
/// constructors set the type, the fields are set directly.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TemplateCard {
    /// The card's kind.
    pub card_type: CardType,
    /// The source line at the top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<CardSource>,
    /// The menu at the top right (with `task_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action_menu: Option<ActionMenu>,
    /// The task id, unique per app, needed by interactive cards and by `action_menu`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_id: Option<String>,
    /// The main title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub main_title: Option<MainTitle>,
    /// A quoted block.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_area: Option<QuoteArea>,
    /// Key data in large type (`text_notice`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emphasis_content: Option<EmphasisContent>,
    /// Secondary text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_title_text: Option<String>,
    /// A picture (`news_notice`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_image: Option<CardImage>,
    /// An image beside text (`news_notice`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_text_area: Option<ImageTextArea>,
    /// Titled lines (`news_notice`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vertical_content_list: Vec<VerticalContent>,
    /// Key and value lines.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub horizontal_content_list: Vec<HorizontalContent>,
    /// Links at the bottom.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub jump_list: Vec<JumpItem>,
    /// Where a tap on the card leads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_action: Option<CardAction>,
    /// A drop-down selection (`button_interaction`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub button_selection: Option<Selection>,
    /// Buttons (`button_interaction`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub button_list: Vec<CardButton>,
    /// Choices (`vote_interaction`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkbox: Option<Checkbox>,
    /// Drop-down selections (`multiple_interaction`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub select_list: Vec<Selection>,
    /// The submit button (`vote_interaction`, `multiple_interaction`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submit_button: Option<SubmitButton>,
    /// The text shown instead of the buttons once the card is updated
    /// (`message/update_template_card`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replace_text: Option<String>,
}

impl TemplateCard {
    /// A card of `card_type` titled `title`.
    pub fn new(card_type: CardType, title: impl Into<String>) -> Self {
        Self {
            card_type,
            main_title: Some(MainTitle {
                title: Some(title.into()),
                desc: None,
            }),
            ..Self::default()
        }
    }

    /// A `text_notice` card titled `title`, opening `url` when tapped.
    pub fn text_notice(title: impl Into<String>, url: impl Into<String>) -> Self {
        Self {
            card_action: Some(CardAction::url(url)),
            ..Self::new(CardType::TextNotice, title)
        }
    }

    /// A `news_notice` card titled `title` with the picture at `image_url`, opening `url`.
    pub fn news_notice(
        title: impl Into<String>,
        image_url: impl Into<String>,
        url: impl Into<String>,
    ) -> Self {
        Self {
            card_image: Some(CardImage {
                url: image_url.into(),
                aspect_ratio: None,
            }),
            card_action: Some(CardAction::url(url)),
            ..Self::new(CardType::NewsNotice, title)
        }
    }

    /// A `button_interaction` card titled `title` for the task `task_id`, with `buttons`.
    pub fn button_interaction(
        title: impl Into<String>,
        task_id: impl Into<String>,
        buttons: Vec<CardButton>,
    ) -> Self {
        Self {
            task_id: Some(task_id.into()),
            button_list: buttons,
            ..Self::new(CardType::ButtonInteraction, title)
        }
    }

    /// A `vote_interaction` card titled `title` for the task `task_id`.
    pub fn vote_interaction(
        title: impl Into<String>,
        task_id: impl Into<String>,
        checkbox: Checkbox,
        submit: SubmitButton,
    ) -> Self {
        Self {
            task_id: Some(task_id.into()),
            checkbox: Some(checkbox),
            submit_button: Some(submit),
            ..Self::new(CardType::VoteInteraction, title)
        }
    }

    /// A `multiple_interaction` card titled `title` for the task `task_id`.
    pub fn multiple_interaction(
        title: impl Into<String>,
        task_id: impl Into<String>,
        selects: Vec<Selection>,
        submit: SubmitButton,
    ) -> Self {
        Self {
            task_id: Some(task_id.into()),
            select_list: selects,
            submit_button: Some(submit),
            ..Self::new(CardType::MultipleInteraction, title)
        }
    }
}

/// The source line of a card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CardSource {
    /// The icon's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub icon_url: Option<String>,
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// Its color: 0 grey, 1 black, 2 red, 3 green.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc_color: Option<i32>,
}

/// The menu at a card's top right.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionMenu {
    /// Its description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// Its entries (one to three).
    pub action_list: Vec<ActionItem>,
}

/// A menu entry: its `key` comes back in the callback.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ActionItem {
    /// The label.
    pub text: String,
    /// The key sent back.
    pub key: String,
}

/// A card's main title.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MainTitle {
    /// The title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The line under it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
}

/// A quoted block of a card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteArea {
    /// What a tap does: 0 nothing, 1 a URL, 2 a Mini Program.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<i32>,
    /// The URL (type 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The Mini Program (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// Its page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
    /// The quote's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The quoted text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_text: Option<String>,
}

/// Key data in large type.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EmphasisContent {
    /// The data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// What it means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
}

/// A card's picture.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CardImage {
    /// The picture's URL.
    pub url: String,
    /// Width over height, 1.3 to 2.25 (1.3 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspect_ratio: Option<f64>,
}

/// An image beside text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImageTextArea {
    /// What a tap does: 0 nothing, 1 a URL, 2 a Mini Program.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<i32>,
    /// The URL (type 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The Mini Program (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// Its page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
    /// Title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
    /// The image's URL.
    pub image_url: String,
}

/// A titled line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VerticalContent {
    /// The title.
    pub title: String,
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desc: Option<String>,
}

/// A key and value line.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HorizontalContent {
    /// What the value is: 0 text, 1 a URL, 2 a file, 3 a member.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<i32>,
    /// The key.
    pub keyname: String,
    /// The value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The URL (type 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The file's media id (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// The member (type 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
}

impl HorizontalContent {
    /// A plain `keyname: value` line.
    pub fn text(keyname: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            keyname: keyname.into(),
            value: Some(value.into()),
            ..Self::default()
        }
    }
}

/// A link at the bottom of a card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JumpItem {
    /// What it opens: 0 nothing, 1 a URL, 2 a Mini Program.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<i32>,
    /// The label.
    pub title: String,
    /// The URL (type 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The Mini Program (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// Its page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
}

/// Where a tap on a card leads.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CardAction {
    /// 0 nowhere, 1 a URL, 2 a Mini Program.
    #[serde(rename = "type")]
    pub kind: i32,
    /// The URL (type 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The Mini Program (type 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appid: Option<String>,
    /// Its page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagepath: Option<String>,
}

impl CardAction {
    /// Opens `url`.
    pub fn url(url: impl Into<String>) -> Self {
        Self {
            kind: 1,
            url: Some(url.into()),
            ..Self::default()
        }
    }
}

/// A drop-down selection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    /// The key the answer comes back under.
    pub question_key: String,
    /// Its label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The option selected at first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selected_id: Option<String>,
    /// The options.
    pub option_list: Vec<SelectOption>,
}

/// An option of a selection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SelectOption {
    /// The id sent back.
    pub id: String,
    /// The label.
    pub text: String,
}

/// A button of a `button_interaction` card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CardButton {
    /// 0 calls back with `key`, 1 opens `url`.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<i32>,
    /// The label.
    pub text: String,
    /// Its style, 1 to 4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<i32>,
    /// The key sent back (type 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The URL (type 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl CardButton {
    /// A button calling back with `key`.
    pub fn callback(text: impl Into<String>, key: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            key: Some(key.into()),
            ..Self::default()
        }
    }
}

/// The choices of a `vote_interaction` card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Checkbox {
    /// The key the answer comes back under.
    pub question_key: String,
    /// The choices.
    pub option_list: Vec<CheckboxOption>,
    /// Whether the choices are read-only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disable: Option<bool>,
    /// 0 single choice, 1 multiple.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<i32>,
}

/// A choice of a vote.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckboxOption {
    /// The id sent back.
    pub id: String,
    /// The label.
    pub text: String,
    /// Whether it starts checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_checked: Option<bool>,
}

/// The submit button of a card.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitButton {
    /// The label.
    pub text: String,
    /// The key sent back.
    pub key: String,
}

// ---------------------------------------------------------------------------------------------
// message/send

message_enum! {
    /// An app message, by `msgtype`.
    pub enum AppMessage {
        /// `text`.
        Text(TextContent) = "text",
        /// `image`.
        Image(MediaContent) = "image",
        /// `voice`.
        Voice(MediaContent) = "voice",
        /// `video`.
        Video(VideoContent) = "video",
        /// `file`.
        File(MediaContent) = "file",
        /// `textcard`.
        TextCard(TextCardContent) = "textcard",
        /// `news`.
        News(NewsContent) = "news",
        /// `mpnews`.
        MpNews(MpNewsContent) = "mpnews",
        /// `markdown`.
        Markdown(MarkdownContent) = "markdown",
        /// `miniprogram_notice`.
        MiniProgramNotice(MiniProgramNotice) = "miniprogram_notice",
        /// `template_card`.
        TemplateCard(Box<TemplateCard>) = "template_card",
    }
}

/// `message/send` (发送应用消息): sends an app message to members, departments or tags.
/// Never retried automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SendMessage {
    /// Member ids (`@all`: everyone in the app's visible range).
    #[serde(default, with = "joined", skip_serializing_if = "Vec::is_empty")]
    pub touser: Vec<String>,
    /// Department ids.
    #[serde(default, with = "joined", skip_serializing_if = "Vec::is_empty")]
    pub toparty: Vec<String>,
    /// Tag ids.
    #[serde(default, with = "joined", skip_serializing_if = "Vec::is_empty")]
    pub totag: Vec<String>,
    /// The message: `msgtype` and its body.
    #[serde(flatten)]
    pub message: AppMessage,
    /// The app's agent id.
    pub agentid: i64,
    /// 1: confidential (no forwarding, watermarked); `image`, `voice`, `video`, `file`,
    /// `textcard`, `mpnews` and `text` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub safe: Option<u8>,
    /// 1: turn ids in the text into names (`$userName=ID$`, `$departmentName=ID$`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_id_trans: Option<u8>,
    /// 1: drop the same message sent again within `duplicate_check_interval`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_duplicate_check: Option<u8>,
    /// The duplicate check's window in seconds (1800 by default, at most 4 hours).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_check_interval: Option<u32>,
}

impl SendMessage {
    /// `message` from the app `agentid`, to nobody yet (add `to_users`, `to_parties`,
    /// `to_tags`).
    pub fn new(agentid: i64, message: AppMessage) -> Self {
        Self {
            touser: Vec::new(),
            toparty: Vec::new(),
            totag: Vec::new(),
            message,
            agentid,
            safe: None,
            enable_id_trans: None,
            enable_duplicate_check: None,
            duplicate_check_interval: None,
        }
    }

    /// A `text` message.
    pub fn text(agentid: i64, content: impl Into<String>) -> Self {
        Self::new(
            agentid,
            AppMessage::Text(TextContent {
                content: content.into(),
            }),
        )
    }

    /// An `image` message from a media id.
    pub fn image(agentid: i64, media_id: impl Into<String>) -> Self {
        Self::new(agentid, AppMessage::Image(media(media_id)))
    }

    /// A `voice` message from a media id.
    pub fn voice(agentid: i64, media_id: impl Into<String>) -> Self {
        Self::new(agentid, AppMessage::Voice(media(media_id)))
    }

    /// A `video` message from a media id.
    pub fn video(agentid: i64, media_id: impl Into<String>) -> Self {
        Self::new(
            agentid,
            AppMessage::Video(VideoContent {
                media_id: media_id.into(),
                ..VideoContent::default()
            }),
        )
    }

    /// A `file` message from a media id.
    pub fn file(agentid: i64, media_id: impl Into<String>) -> Self {
        Self::new(agentid, AppMessage::File(media(media_id)))
    }

    /// A `textcard` message.
    pub fn textcard(
        agentid: i64,
        title: impl Into<String>,
        description: impl Into<String>,
        url: impl Into<String>,
    ) -> Self {
        Self::new(
            agentid,
            AppMessage::TextCard(TextCardContent {
                title: title.into(),
                description: description.into(),
                url: url.into(),
                btntxt: None,
            }),
        )
    }

    /// A `news` message.
    pub fn news(agentid: i64, articles: Vec<NewsArticle>) -> Self {
        Self::new(agentid, AppMessage::News(NewsContent { articles }))
    }

    /// An `mpnews` message.
    pub fn mpnews(agentid: i64, articles: Vec<MpNewsArticle>) -> Self {
        Self::new(agentid, AppMessage::MpNews(MpNewsContent { articles }))
    }

    /// A `markdown` message.
    pub fn markdown(agentid: i64, content: impl Into<String>) -> Self {
        Self::new(
            agentid,
            AppMessage::Markdown(MarkdownContent {
                content: content.into(),
            }),
        )
    }

    /// A `miniprogram_notice` message.
    pub fn miniprogram_notice(agentid: i64, notice: MiniProgramNotice) -> Self {
        Self::new(agentid, AppMessage::MiniProgramNotice(notice))
    }

    /// A `template_card` message.
    pub fn template_card(agentid: i64, card: TemplateCard) -> Self {
        Self::new(agentid, AppMessage::TemplateCard(Box::new(card)))
    }

    /// Adds members.
    pub fn to_users<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.touser.extend(ids(userids));
        self
    }

    /// Everyone in the app's visible range (`touser` `@all`).
    pub fn to_all(mut self) -> Self {
        self.touser = vec!["@all".into()];
        self
    }

    /// Adds departments.
    pub fn to_parties<I, S>(mut self, partyids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: ToString,
    {
        self.toparty
            .extend(partyids.into_iter().map(|p| p.to_string()));
        self
    }

    /// Adds tags.
    pub fn to_tags<I, S>(mut self, tagids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: ToString,
    {
        self.totag.extend(tagids.into_iter().map(|t| t.to_string()));
        self
    }

    /// Marks the message confidential (`safe` 1).
    pub fn safe(mut self) -> Self {
        self.safe = Some(1);
        self
    }

    /// Turns ids in the text into names (`enable_id_trans` 1).
    pub fn with_id_trans(mut self) -> Self {
        self.enable_id_trans = Some(1);
        self
    }

    /// Drops the same message sent again within `interval` seconds.
    pub fn check_duplicates(mut self, interval: u32) -> Self {
        self.enable_duplicate_check = Some(1);
        self.duplicate_check_interval = Some(interval);
        self
    }
}

fn media(media_id: impl Into<String>) -> MediaContent {
    MediaContent {
        media_id: media_id.into(),
    }
}

/// The code that lets `message/update_template_card` update a sent card once (valid 72 hours).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ResponseCode(pub String);

impl ResponseCode {
    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for ResponseCode {
    fn from(code: &str) -> Self {
        Self(code.to_owned())
    }
}

impl From<String> for ResponseCode {
    fn from(code: String) -> Self {
        Self(code)
    }
}

/// The answer of `message/send`: recipients WeCom could not reach, and the message's id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SentMessage {
    /// Member ids that do not exist or are out of the app's range.
    #[serde(default, with = "joined", skip_serializing_if = "Vec::is_empty")]
    pub invaliduser: Vec<String>,
    /// Department ids likewise.
    #[serde(default, with = "joined", skip_serializing_if = "Vec::is_empty")]
    pub invalidparty: Vec<String>,
    /// Tag ids likewise.
    #[serde(default, with = "joined", skip_serializing_if = "Vec::is_empty")]
    pub invalidtag: Vec<String>,
    /// Members without a license, who did not receive it.
    #[serde(default, with = "joined", skip_serializing_if = "Vec::is_empty")]
    pub unlicenseduser: Vec<String>,
    /// The message's id, for `message/recall`.
    #[serde(default)]
    pub msgid: String,
    /// For interactive template cards: the code `message/update_template_card` takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_code: Option<ResponseCode>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

// ---------------------------------------------------------------------------------------------
// message/update_template_card

/// What `message/update_template_card` changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardUpdate {
    /// `button`: only the clicked button's text.
    Button(ButtonUpdate),
    /// `template_card`: the whole card (its `replace_text` replaces the buttons).
    TemplateCard(Box<TemplateCard>),
}

/// The new text of the clicked button.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ButtonUpdate {
    /// The new text.
    pub replace_name: String,
}

/// `message/update_template_card` (更新模版卡片消息): updates a sent interactive card, for
/// everyone or for the members, departments and tags given, once per response code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdateTemplateCard {
    /// Members whose card is updated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub userids: Vec<String>,
    /// Departments whose members' card is updated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partyids: Vec<u64>,
    /// Tags whose members' card is updated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tagids: Vec<u64>,
    /// 1: update everyone's card.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub atall: Option<u8>,
    /// The app's agent id.
    pub agentid: i64,
    /// The code from the send answer or the card's callback.
    pub response_code: ResponseCode,
    /// 1: turn ids in the text into names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enable_id_trans: Option<u8>,
    /// The change: `button` or `template_card`.
    #[serde(flatten)]
    pub update: CardUpdate,
}

impl UpdateTemplateCard {
    /// Replaces the clicked button's text for the user who clicked (the callback's user).
    pub fn button(
        agentid: i64,
        response_code: impl Into<ResponseCode>,
        replace_name: impl Into<String>,
    ) -> Self {
        Self::new(
            agentid,
            response_code,
            CardUpdate::Button(ButtonUpdate {
                replace_name: replace_name.into(),
            }),
        )
    }

    /// Replaces the whole card.
    pub fn card(agentid: i64, response_code: impl Into<ResponseCode>, card: TemplateCard) -> Self {
        Self::new(
            agentid,
            response_code,
            CardUpdate::TemplateCard(Box::new(card)),
        )
    }

    fn new(agentid: i64, response_code: impl Into<ResponseCode>, update: CardUpdate) -> Self {
        Self {
            userids: Vec::new(),
            partyids: Vec::new(),
            tagids: Vec::new(),
            atall: None,
            agentid,
            response_code: response_code.into(),
            enable_id_trans: None,
            update,
        }
    }

    /// Updates these members' card.
    pub fn for_users<I, S>(mut self, userids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.userids.extend(ids(userids));
        self
    }

    /// Updates everyone's card.
    pub fn for_all(mut self) -> Self {
        self.atall = Some(1);
        self
    }
}

/// The answer of `message/update_template_card`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdatedTemplateCard {
    /// Member ids that could not be updated.
    #[serde(
        default,
        deserialize_with = "crate::lenient::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub invaliduser: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

// ---------------------------------------------------------------------------------------------
// message/recall

/// `message/recall` (撤回应用消息): recalls an app message sent within the last 24 hours.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecallMessage {
    /// The id `message/send` answered.
    pub msgid: String,
}

impl RecallMessage {
    /// Recalls the message `msgid`.
    pub fn new(msgid: impl Into<String>) -> Self {
        Self {
            msgid: msgid.into(),
        }
    }
}

crate::endpoint! {
    area: "work";

    SendMessage => SentMessage {
        POST Work "/cgi-bin/message/send",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/90236",
    }
    // A response code is used once: the same update is answered with an error, not applied
    // twice.
    UpdateTemplateCard => UpdatedTemplateCard {
        POST Work "/cgi-bin/message/update_template_card",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94888",
    }
    RecallMessage => Ack {
        POST Work "/cgi-bin/message/recall",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94867",
    }
}
