//! The knowledge base (知识库): groups and intents.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::api::paging::{CursorPage, cursor_items, cursor_pages};
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::Ack;
use crate::error::Result;
use crate::lenient;

/// `kf/knowledge/add_group` (添加分组): adds a group to the knowledge base.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddKfKnowledgeGroup {
    /// The group's name, unique, at most 12 characters.
    pub name: String,
}

impl AddKfKnowledgeGroup {
    /// A group named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into() }
    }
}

/// What [`AddKfKnowledgeGroup`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddedKfKnowledgeGroup {
    /// The new group's id.
    #[serde(default)]
    pub group_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `kf/knowledge/del_group` (删除分组): deletes a group and its intents (not the default group).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DelKfKnowledgeGroup {
    /// The group's id.
    pub group_id: String,
}

impl DelKfKnowledgeGroup {
    /// Deletes `group_id`.
    pub fn new(group_id: impl Into<String>) -> Self {
        Self {
            group_id: group_id.into(),
        }
    }
}

/// `kf/knowledge/mod_group` (修改分组): renames a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModKfKnowledgeGroup {
    /// The group's id.
    pub group_id: String,
    /// The new name.
    pub name: String,
}

impl ModKfKnowledgeGroup {
    /// Renames `group_id` to `name`.
    pub fn new(group_id: impl Into<String>, name: impl Into<String>) -> Self {
        Self {
            group_id: group_id.into(),
            name: name.into(),
        }
    }
}

/// `kf/knowledge/list_group` (获取分组列表): one page of the groups, by cursor; see
/// [`knowledge_groups`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListKfKnowledgeGroups {
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// How many per page, 1 to 1000 (WeCom's default 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Only this group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
}

/// What [`ListKfKnowledgeGroups`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfKnowledgeGroupPage {
    /// Where the next page starts.
    #[serde(default)]
    pub next_cursor: String,
    /// `1` when there are more pages.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub has_more: u64,
    /// The groups.
    #[serde(default)]
    pub group_list: Vec<KfKnowledgeGroup>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A knowledge base group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfKnowledgeGroup {
    /// The group's id.
    #[serde(default)]
    pub group_id: String,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// `1` for the default group.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub is_default: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Text in a question or an answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfKnowledgeText {
    /// The text.
    #[serde(default)]
    pub content: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl KfKnowledgeText {
    /// The text `content`.
    pub fn new(content: impl Into<String>) -> Self {
        Self {
            content: content.into(),
            extra: Default::default(),
        }
    }
}

/// A question: its text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfQuestion {
    /// The question's text.
    #[serde(default)]
    pub text: KfKnowledgeText,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl KfQuestion {
    /// The question `content`.
    pub fn new(content: impl Into<String>) -> Self {
        Self {
            text: KfKnowledgeText::new(content),
            extra: Default::default(),
        }
    }
}

/// The questions that mean the same as the main one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfSimilarQuestions {
    /// The questions, at most 100.
    #[serde(default)]
    pub items: Vec<KfQuestion>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An answer: its text and up to 4 attachments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfAnswer {
    /// The answer's text.
    #[serde(default)]
    pub text: KfKnowledgeText,
    /// Attachments: image, video, link or Mini Program.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<KfAttachment>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An attachment of an answer, by `msgtype`: `image`, `video` (a `media_id`), `link` or
/// `miniprogram`; the object under the type's name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfAttachment {
    /// `image`, `video`, `link` or `miniprogram`.
    #[serde(default)]
    pub msgtype: String,
    /// An image: `{"media_id"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<serde_json::Value>,
    /// A video: `{"media_id"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<serde_json::Value>,
    /// A link: `{"title","picurl","desc","url"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<serde_json::Value>,
    /// A Mini Program: `{"title","thumb_media_id","appid","pagepath"}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub miniprogram: Option<serde_json::Value>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl KfAttachment {
    /// An image attachment.
    pub fn image(media_id: impl Into<String>) -> Self {
        Self {
            msgtype: "image".into(),
            image: Some(serde_json::json!({ "media_id": media_id.into() })),
            ..Self::default()
        }
    }

    /// A video attachment.
    pub fn video(media_id: impl Into<String>) -> Self {
        Self {
            msgtype: "video".into(),
            video: Some(serde_json::json!({ "media_id": media_id.into() })),
            ..Self::default()
        }
    }
}

/// `kf/knowledge/add_intent` (添加问答): adds a question with its similar questions and
/// answers to a group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddKfKnowledgeIntent {
    /// The group's id.
    pub group_id: String,
    /// The main question.
    pub question: KfQuestion,
    /// Similar questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similar_questions: Option<KfSimilarQuestions>,
    /// The answers (one for now).
    pub answers: Vec<KfAnswer>,
}

impl AddKfKnowledgeIntent {
    /// `question` answered with the text `answer`, in `group_id`.
    pub fn new(
        group_id: impl Into<String>,
        question: impl Into<String>,
        answer: impl Into<String>,
    ) -> Self {
        Self {
            group_id: group_id.into(),
            question: KfQuestion::new(question),
            similar_questions: None,
            answers: vec![KfAnswer {
                text: KfKnowledgeText::new(answer),
                ..KfAnswer::default()
            }],
        }
    }
}

/// What [`AddKfKnowledgeIntent`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddedKfKnowledgeIntent {
    /// The new intent's id.
    #[serde(default)]
    pub intent_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `kf/knowledge/del_intent` (删除问答): deletes an intent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DelKfKnowledgeIntent {
    /// The intent's id.
    pub intent_id: String,
}

impl DelKfKnowledgeIntent {
    /// Deletes `intent_id`.
    pub fn new(intent_id: impl Into<String>) -> Self {
        Self {
            intent_id: intent_id.into(),
        }
    }
}

/// `kf/knowledge/mod_intent` (修改问答): replaces an intent's question, similar questions and
/// answers (what is `None` stays).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModKfKnowledgeIntent {
    /// The intent's id.
    pub intent_id: String,
    /// The new main question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<KfQuestion>,
    /// The new similar questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similar_questions: Option<KfSimilarQuestions>,
    /// The new answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<Vec<KfAnswer>>,
}

impl ModKfKnowledgeIntent {
    /// A change of `intent_id` that changes nothing yet.
    pub fn new(intent_id: impl Into<String>) -> Self {
        Self {
            intent_id: intent_id.into(),
            question: None,
            similar_questions: None,
            answers: None,
        }
    }
}

/// `kf/knowledge/list_intent` (获取问答列表): one page of the intents, by cursor; see
/// [`knowledge_intents`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListKfKnowledgeIntents {
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// How many per page, 1 to 1000 (WeCom's default 1000).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Only this group's intents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<String>,
    /// Only this intent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intent_id: Option<String>,
}

/// What [`ListKfKnowledgeIntents`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfKnowledgeIntentPage {
    /// Where the next page starts.
    #[serde(default)]
    pub next_cursor: String,
    /// `1` when there are more pages.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub has_more: u64,
    /// The intents.
    #[serde(default)]
    pub intent_list: Vec<KfKnowledgeIntent>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An intent: a question with its similar questions and answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfKnowledgeIntent {
    /// The group's id.
    #[serde(default)]
    pub group_id: String,
    /// The intent's id.
    #[serde(default)]
    pub intent_id: String,
    /// The main question.
    #[serde(default)]
    pub question: KfQuestion,
    /// Similar questions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similar_questions: Option<KfSimilarQuestions>,
    /// The answers.
    #[serde(default)]
    pub answers: Vec<KfAnswer>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    AddKfKnowledgeGroup => AddedKfKnowledgeGroup {
        POST Work "/cgi-bin/kf/knowledge/add_group",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/95971",
    }
    DelKfKnowledgeGroup => Ack {
        POST Work "/cgi-bin/kf/knowledge/del_group",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95971",
    }
    ModKfKnowledgeGroup => Ack {
        POST Work "/cgi-bin/kf/knowledge/mod_group",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95971",
    }
    ListKfKnowledgeGroups => KfKnowledgeGroupPage {
        POST Work "/cgi-bin/kf/knowledge/list_group",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95971",
    }
    AddKfKnowledgeIntent => AddedKfKnowledgeIntent {
        POST Work "/cgi-bin/kf/knowledge/add_intent",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/95972",
    }
    DelKfKnowledgeIntent => Ack {
        POST Work "/cgi-bin/kf/knowledge/del_intent",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95972",
    }
    ModKfKnowledgeIntent => Ack {
        POST Work "/cgi-bin/kf/knowledge/mod_intent",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95972",
    }
    ListKfKnowledgeIntents => KfKnowledgeIntentPage {
        POST Work "/cgi-bin/kf/knowledge/list_intent",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95972",
    }
}

impl CursorPage for KfKnowledgeGroupPage {
    type Item = KfKnowledgeGroup;
    fn next_cursor(&self) -> &str {
        if self.has_more == 0 { "" } else { &self.next_cursor }
    }
    fn into_items(self) -> Vec<KfKnowledgeGroup> {
        self.group_list
    }
}

impl CursorPage for KfKnowledgeIntentPage {
    type Item = KfKnowledgeIntent;
    fn next_cursor(&self) -> &str {
        if self.has_more == 0 { "" } else { &self.next_cursor }
    }
    fn into_items(self) -> Vec<KfKnowledgeIntent> {
        self.intent_list
    }
}

/// Every page of [`ListKfKnowledgeGroups`], `limit` groups each, until `has_more` is 0. A
/// failed call is yielded and ends the stream.
pub fn knowledge_group_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<KfKnowledgeGroupPage>> + 'a {
    cursor_pages(client, move |cursor| ListKfKnowledgeGroups {
        cursor,
        limit,
        group_id: None,
    })
}

/// Every knowledge base group, one by one. An error is yielded and ends the stream.
pub fn knowledge_groups<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<KfKnowledgeGroup>> + 'a {
    cursor_items(client, move |cursor| ListKfKnowledgeGroups {
        cursor,
        limit,
        group_id: None,
    })
}

/// Every page of [`ListKfKnowledgeIntents`] (of one group when `group_id` is given), until
/// `has_more` is 0. A failed call is yielded and ends the stream.
pub fn knowledge_intent_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    group_id: Option<String>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<KfKnowledgeIntentPage>> + 'a {
    cursor_pages(client, move |cursor| ListKfKnowledgeIntents {
        cursor,
        limit,
        group_id: group_id.clone(),
        intent_id: None,
    })
}

/// Every intent (of one group when `group_id` is given), one by one. An error is yielded and
/// ends the stream.
pub fn knowledge_intents<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    group_id: Option<String>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<KfKnowledgeIntent>> + 'a {
    cursor_items(client, move |cursor| ListKfKnowledgeIntents {
        cursor,
        limit,
        group_id: group_id.clone(),
        intent_id: None,
    })
}
