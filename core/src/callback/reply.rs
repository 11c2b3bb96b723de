//! Passive replies: the body answered to a push, which WeChat delivers to the user.
//!
//! Official Account: “被动回复用户消息”; WeCom: “被动回复消息格式”. A reply must come within
//! 5 seconds; with nothing to say, answer `success` (or an empty body) so WeChat does not retry.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::error::CallbackError;
use super::xml::{self, NodeDe, Out};

/// One article of a news reply.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct Article {
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Picture URL (large 360×200, small 200×200).
    pub pic_url: String,
    /// Link.
    pub url: String,
}

/// A passive reply.
///
/// Serialized with serde as `{"type": "text", "content": "..."}` and so on, which is how the
/// CLI reads a reply from the command line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reply {
    /// The body `success`: nothing to say, do not retry.
    Success,
    /// An empty body: nothing to say, do not retry.
    Empty,
    /// `text`.
    Text {
        /// The text.
        content: String,
    },
    /// `image`.
    Image {
        /// Media id of an uploaded image.
        media_id: String,
    },
    /// `voice`.
    Voice {
        /// Media id of an uploaded voice.
        media_id: String,
    },
    /// `video`.
    Video {
        /// Media id of an uploaded video.
        media_id: String,
        /// Title.
        #[serde(default)]
        title: Option<String>,
        /// Description.
        #[serde(default)]
        description: Option<String>,
    },
    /// `music` (Official Account).
    Music {
        /// Title.
        #[serde(default)]
        title: Option<String>,
        /// Description.
        #[serde(default)]
        description: Option<String>,
        /// Music URL.
        #[serde(default)]
        music_url: Option<String>,
        /// High-quality music URL (Wi-Fi).
        #[serde(default)]
        hq_music_url: Option<String>,
        /// Media id of the thumbnail.
        thumb_media_id: String,
    },
    /// `news`: one article (WeChat shows at most one; WeCom up to eight).
    News {
        /// The articles.
        articles: Vec<Article>,
    },
    /// `transfer_customer_service`: hand the conversation to customer service.
    TransferCustomerService {
        /// A specific agent account.
        #[serde(default)]
        kf_account: Option<String>,
    },
    /// WeCom `update_button`: replace the clicked button's text on a template card.
    UpdateButton {
        /// The new button text.
        replace_name: String,
    },
    /// A complete plaintext body (XML or JSON) to send as is, encrypted when the request
    /// was: WeCom's `update_template_card` and anything newer than this enum.
    Raw {
        /// The body.
        body: String,
    },
}

/// A reply read back from a body (what an emulator or a test receives).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedReply {
    /// `ToUserName` (empty for `success`).
    pub to_user_name: String,
    /// `FromUserName` (empty for `success`).
    pub from_user_name: String,
    /// `CreateTime`.
    pub create_time: u64,
    /// The reply.
    pub reply: Reply,
}

fn media<O: Out>(out: &mut O, wrapper: &str, media_id: &str) {
    out.put("<");
    out.put(wrapper);
    out.put(">");
    xml::push_cdata_element(out, "MediaId", media_id);
    out.put("</");
    out.put(wrapper);
    out.put(">");
}

fn opt_cdata<O: Out>(out: &mut O, name: &str, value: &Option<String>) {
    if let Some(v) = value {
        xml::push_cdata_element(out, name, v);
    }
}

impl Reply {
    /// A text reply.
    pub fn text(content: impl Into<String>) -> Self {
        Reply::Text {
            content: content.into(),
        }
    }

    /// `MsgType` of the reply (empty for `success`, empty and raw bodies).
    pub fn msg_type(&self) -> &'static str {
        match self {
            Reply::Success | Reply::Empty | Reply::Raw { .. } => "",
            Reply::Text { .. } => "text",
            Reply::Image { .. } => "image",
            Reply::Voice { .. } => "voice",
            Reply::Video { .. } => "video",
            Reply::Music { .. } => "music",
            Reply::News { .. } => "news",
            Reply::TransferCustomerService { .. } => "transfer_customer_service",
            Reply::UpdateButton { .. } => "update_button",
        }
    }

    /// True for the replies that say nothing (`success`, empty).
    pub fn is_silent(&self) -> bool {
        matches!(self, Reply::Success | Reply::Empty)
    }

    /// The plaintext XML body. `to_user_name` is the request's `FromUserName`,
    /// `from_user_name` its `ToUserName`. `success`, empty and raw replies give their body.
    pub fn to_xml(&self, to_user_name: &str, from_user_name: &str, create_time: u64) -> String {
        match self {
            Reply::Success => return "success".to_owned(),
            Reply::Empty => return String::new(),
            Reply::Raw { body } => return body.clone(),
            _ => {}
        }
        let mut out = String::with_capacity(256);
        self.write_xml(&mut out, to_user_name, from_user_name, create_time);
        out
    }

    /// Appends the plaintext XML body to `out` (see [`to_xml`](Self::to_xml)).
    pub fn write_xml(
        &self,
        out: &mut String,
        to_user_name: &str,
        from_user_name: &str,
        create_time: u64,
    ) {
        self.write_xml_to(out, to_user_name, from_user_name, create_time);
    }

    /// [`write_xml`](Self::write_xml) into any [`Out`]: a `String`, a counter, a slice.
    pub(crate) fn write_xml_to<O: Out>(
        &self,
        out: &mut O,
        to_user_name: &str,
        from_user_name: &str,
        create_time: u64,
    ) {
        match self {
            Reply::Success => return out.put("success"),
            Reply::Empty => return,
            Reply::Raw { body } => return out.put(body),
            _ => {}
        }
        out.put("<xml>");
        xml::push_cdata_element(out, "ToUserName", to_user_name);
        xml::push_cdata_element(out, "FromUserName", from_user_name);
        xml::push_plain_element(out, "CreateTime", itoa_u64(create_time).as_str());
        xml::push_cdata_element(out, "MsgType", self.msg_type());
        match self {
            Reply::Text { content } => xml::push_cdata_element(out, "Content", content),
            Reply::Image { media_id } => media(out, "Image", media_id),
            Reply::Voice { media_id } => media(out, "Voice", media_id),
            Reply::Video {
                media_id,
                title,
                description,
            } => {
                out.put("<Video>");
                xml::push_cdata_element(out, "MediaId", media_id);
                opt_cdata(out, "Title", title);
                opt_cdata(out, "Description", description);
                out.put("</Video>");
            }
            Reply::Music {
                title,
                description,
                music_url,
                hq_music_url,
                thumb_media_id,
            } => {
                out.put("<Music>");
                opt_cdata(out, "Title", title);
                opt_cdata(out, "Description", description);
                opt_cdata(out, "MusicUrl", music_url);
                opt_cdata(out, "HQMusicUrl", hq_music_url);
                xml::push_cdata_element(out, "ThumbMediaId", thumb_media_id);
                out.put("</Music>");
            }
            Reply::News { articles } => {
                xml::push_plain_element(
                    out,
                    "ArticleCount",
                    itoa_u64(articles.len() as u64).as_str(),
                );
                out.put("<Articles>");
                for a in articles {
                    out.put("<item>");
                    xml::push_cdata_element(out, "Title", &a.title);
                    xml::push_cdata_element(out, "Description", &a.description);
                    xml::push_cdata_element(out, "PicUrl", &a.pic_url);
                    xml::push_cdata_element(out, "Url", &a.url);
                    out.put("</item>");
                }
                out.put("</Articles>");
            }
            Reply::TransferCustomerService { kf_account } => {
                if let Some(kf) = kf_account {
                    out.put("<TransInfo>");
                    xml::push_cdata_element(out, "KfAccount", kf);
                    out.put("</TransInfo>");
                }
            }
            Reply::UpdateButton { replace_name } => {
                out.put("<Button>");
                xml::push_cdata_element(out, "ReplaceName", replace_name);
                out.put("</Button>");
            }
            Reply::Success | Reply::Empty | Reply::Raw { .. } => {}
        }
        out.put("</xml>");
    }

    /// The plaintext JSON body, for pushes that came as JSON (Mini Program JSON mode).
    pub fn to_json(&self, to_user_name: &str, from_user_name: &str, create_time: u64) -> String {
        match self {
            Reply::Success => return "success".to_owned(),
            Reply::Empty => return String::new(),
            Reply::Raw { body } => return body.clone(),
            _ => {}
        }
        let mut map = Map::new();
        map.insert("ToUserName".into(), to_user_name.into());
        map.insert("FromUserName".into(), from_user_name.into());
        map.insert("CreateTime".into(), create_time.into());
        map.insert("MsgType".into(), self.msg_type().into());
        let media = |id: &str| json!({ "MediaId": id });
        match self {
            Reply::Text { content } => {
                map.insert("Content".into(), content.as_str().into());
            }
            Reply::Image { media_id } => {
                map.insert("Image".into(), media(media_id));
            }
            Reply::Voice { media_id } => {
                map.insert("Voice".into(), media(media_id));
            }
            Reply::Video {
                media_id,
                title,
                description,
            } => {
                map.insert(
                    "Video".into(),
                    json!({ "MediaId": media_id, "Title": title, "Description": description }),
                );
            }
            Reply::Music {
                title,
                description,
                music_url,
                hq_music_url,
                thumb_media_id,
            } => {
                map.insert(
                    "Music".into(),
                    json!({
                        "Title": title, "Description": description, "MusicUrl": music_url,
                        "HQMusicUrl": hq_music_url, "ThumbMediaId": thumb_media_id,
                    }),
                );
            }
            Reply::News { articles } => {
                map.insert("ArticleCount".into(), articles.len().into());
                map.insert("Articles".into(), json!(articles));
            }
            Reply::TransferCustomerService { kf_account } => {
                if let Some(kf) = kf_account {
                    map.insert("TransInfo".into(), json!({ "KfAccount": kf }));
                }
            }
            Reply::UpdateButton { replace_name } => {
                map.insert("Button".into(), json!({ "ReplaceName": replace_name }));
            }
            Reply::Success | Reply::Empty | Reply::Raw { .. } => {}
        }
        strip_nulls(&mut map);
        Value::Object(map).to_string()
    }

    /// Reads a plaintext reply body (XML, JSON, `success` or empty).
    pub fn parse(body: &[u8]) -> Result<ParsedReply, CallbackError> {
        let text = std::str::from_utf8(body).map_err(|_| CallbackError::InvalidUtf8)?;
        let trimmed = text.trim();
        let silent = |reply| ParsedReply {
            to_user_name: String::new(),
            from_user_name: String::new(),
            create_time: 0,
            reply,
        };
        if trimmed.is_empty() {
            return Ok(silent(Reply::Empty));
        }
        if trimmed.eq_ignore_ascii_case("success") {
            return Ok(silent(Reply::Success));
        }
        if trimmed.starts_with('{') {
            let value: Value = serde_json::from_str(trimmed)
                .map_err(|e| CallbackError::Malformed(e.to_string()))?;
            return parse_value(&value);
        }
        let root = xml::parse(text)?;
        // Reuse the JSON path: the tree as a JSON value has the same shape.
        let value = Value::deserialize(NodeDe(&root))
            .map_err(|e| CallbackError::Malformed(e.to_string()))?;
        parse_value(&value)
    }
}

fn strip_nulls(map: &mut Map<String, Value>) {
    map.retain(|_, v| !v.is_null());
    for v in map.values_mut() {
        if let Value::Object(inner) = v {
            strip_nulls(inner);
        }
    }
}

fn s(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn opt(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn parse_value(v: &Value) -> Result<ParsedReply, CallbackError> {
    let create_time = match v.get("CreateTime") {
        Some(Value::Number(n)) => n.as_u64().unwrap_or(0),
        Some(Value::String(t)) => t.trim().parse().unwrap_or(0),
        _ => 0,
    };
    let empty = Value::Null;
    let sub = |key: &str| v.get(key).unwrap_or(&empty);
    let msg_type = s(v, "MsgType");
    let reply = match msg_type.as_str() {
        "text" => Reply::Text {
            content: s(v, "Content"),
        },
        "image" => Reply::Image {
            media_id: s(sub("Image"), "MediaId"),
        },
        "voice" => Reply::Voice {
            media_id: s(sub("Voice"), "MediaId"),
        },
        "video" => Reply::Video {
            media_id: s(sub("Video"), "MediaId"),
            title: opt(sub("Video"), "Title"),
            description: opt(sub("Video"), "Description"),
        },
        "music" => {
            let m = sub("Music");
            Reply::Music {
                title: opt(m, "Title"),
                description: opt(m, "Description"),
                music_url: opt(m, "MusicUrl"),
                hq_music_url: opt(m, "HQMusicUrl"),
                thumb_media_id: s(m, "ThumbMediaId"),
            }
        }
        "news" => {
            let items = match sub("Articles") {
                Value::Array(items) => items.clone(),
                Value::Object(map) => match map.get("item") {
                    Some(Value::Array(items)) => items.clone(),
                    Some(one @ Value::Object(_)) => vec![one.clone()],
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
            let articles = items
                .into_iter()
                .map(Article::deserialize)
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| CallbackError::Malformed(e.to_string()))?;
            Reply::News { articles }
        }
        "transfer_customer_service" => Reply::TransferCustomerService {
            kf_account: opt(sub("TransInfo"), "KfAccount"),
        },
        "update_button" => Reply::UpdateButton {
            replace_name: s(sub("Button"), "ReplaceName"),
        },
        _ => Reply::Raw {
            body: v.to_string(),
        },
    };
    Ok(ParsedReply {
        to_user_name: s(v, "ToUserName"),
        from_user_name: s(v, "FromUserName"),
        create_time,
        reply,
    })
}

/// Formats a `u64` without going through `fmt` machinery.
pub(crate) fn itoa_u64(mut n: u64) -> ItoaBuf {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    ItoaBuf { buf, start: i }
}

/// A formatted integer on the stack.
pub(crate) struct ItoaBuf {
    buf: [u8; 20],
    start: usize,
}

impl ItoaBuf {
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits were written.
        std::str::from_utf8(&self.buf[self.start..]).unwrap_or("0")
    }
}
