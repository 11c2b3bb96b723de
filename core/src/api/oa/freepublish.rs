//! Publishing drafts (freepublish): submit, poll the job, read, list and delete published articles.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::api::paging::{OffsetPage, offset_stream};
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::{Ack};
use crate::error::Result;
use crate::lenient;

/// `freepublish/submit` (freepublish_submit): publishes a draft. Success means the job was
/// accepted; poll [`GetPublishStatus`] or wait for the `PUBLISHJOBFINISH` event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitPublish {
    /// The draft's media id.
    pub media_id: String,
}

/// The answer of `freepublish/submit`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PublishJob {
    /// The job id (a string or a number on the wire; kept exact).
    #[serde(default, deserialize_with = "lenient::text")]
    pub publish_id: String,
    /// The message data id.
    #[serde(
        default,
        deserialize_with = "lenient::opt_text",
        skip_serializing_if = "Option::is_none"
    )]
    pub msg_data_id: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `freepublish/get` (freepublish_get): the state of a publishing job.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetPublishStatus {
    /// The job id.
    pub publish_id: String,
}

/// The answer of `freepublish/get`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PublishStatus {
    /// The job id.
    #[serde(default, deserialize_with = "lenient::text")]
    pub publish_id: String,
    /// 0 published, 1 publishing, 2 originality check failed, 3 failed, 4 rejected by review,
    /// 5 all articles deleted by the user, 6 all articles banned.
    #[serde(default)]
    pub publish_status: i32,
    /// When published: the article id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_id: Option<String>,
    /// When published: the articles and their permanent links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_detail: Option<ArticleDetail>,
    /// For states 2 and 4: the rejected articles, the first being 1.
    #[serde(default)]
    pub fail_idx: Vec<u32>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl PublishStatus {
    /// The job is done, well or not (any state but 1).
    pub fn is_finished(&self) -> bool {
        self.publish_status != 1
    }
}

/// `article_detail` of a finished job.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ArticleDetail {
    /// The number of articles.
    #[serde(default)]
    pub count: u32,
    /// The articles.
    #[serde(default)]
    pub item: Vec<PublishedLink>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A published article's position and permanent link.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PublishedLink {
    /// The position, the first being 1.
    #[serde(default)]
    pub idx: u32,
    /// The permanent link.
    #[serde(default)]
    pub article_url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `freepublish/delete` (freepublishDelete): deletes published articles, irreversibly.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeletePublished {
    /// The article id.
    pub article_id: String,
    /// The article to delete, the first being 1; absent or 0 deletes them all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<u32>,
}

/// `freepublish/getarticle` (freepublishGetarticle): reads published articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetPublishedArticle {
    /// The article id.
    pub article_id: String,
}

/// The answer of `freepublish/getarticle`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PublishedArticles {
    /// The articles.
    #[serde(default)]
    pub news_item: Vec<PublishedArticle>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A published article.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PublishedArticle {
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The author.
    #[serde(default)]
    pub author: String,
    /// The summary.
    #[serde(default)]
    pub digest: String,
    /// The HTML body (absent with `no_content`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// The "read more" URL.
    #[serde(default)]
    pub content_source_url: String,
    /// The cover, a permanent media id.
    #[serde(default)]
    pub thumb_media_id: String,
    /// The cover URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumb_url: Option<String>,
    /// Whether the cover is shown in the body: 0 or 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_cover_pic: Option<u8>,
    /// Whether comments are open: 0 or 1.
    #[serde(default)]
    pub need_open_comment: u8,
    /// Whether only followers may comment: 0 or 1.
    #[serde(default)]
    pub only_fans_can_comment: u8,
    /// The permanent link.
    #[serde(default)]
    pub url: String,
    /// Whether the article was deleted.
    #[serde(default)]
    pub is_deleted: bool,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `freepublish/batchget` (freepublish_batchget): lists published articles a page at a time.
/// [`published`] walks every page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchGetPublished {
    /// Where the page starts, 0 for the first entry.
    pub offset: u32,
    /// Entries per page, 1 to 20.
    pub count: u32,
    /// 1 to leave out the article bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_content: Option<u8>,
}

/// A page of `freepublish/batchget`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PublishedList {
    /// Published entries in all.
    #[serde(default)]
    pub total_count: u64,
    /// Entries in this page.
    #[serde(default)]
    pub item_count: u64,
    /// The entries.
    #[serde(default)]
    pub item: Vec<PublishedItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A published entry in a list.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PublishedItem {
    /// The article id.
    pub article_id: String,
    /// Its articles.
    #[serde(default)]
    pub content: PublishedArticles,
    /// Last update, Unix seconds.
    #[serde(default)]
    pub update_time: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl OffsetPage for PublishedList {
    type Item = PublishedItem;
    fn total(&self) -> u64 {
        self.total_count
    }
    fn into_items(self) -> Vec<PublishedItem> {
        self.item
    }
}

/// Every published entry, fetched `page_size` (1 to 20) at a time through `freepublish/batchget`,
/// bodies left out when `no_content`. A failed call is yielded as an error and ends the stream.
pub fn published<'a, H, S, R>(
    client: &'a Client<H, S, R>,
    page_size: u32,
    no_content: bool,
) -> impl Stream<Item = Result<PublishedItem>> + 'a
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    offset_stream(client, page_size, move |offset, count| BatchGetPublished {
        offset,
        count,
        no_content: no_content.then_some(1),
    })
}


crate::endpoint! {
    area: "officialaccount";

    SubmitPublish => PublishJob {
        POST Api "/cgi-bin/freepublish/submit",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Publish/Publish.html",
    }
    GetPublishStatus => PublishStatus {
        POST Api "/cgi-bin/freepublish/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Publish/Get_status.html",
    }
    DeletePublished => Ack {
        POST Api "/cgi-bin/freepublish/delete",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Publish/Delete_posts.html",
    }
    GetPublishedArticle => PublishedArticles {
        POST Api "/cgi-bin/freepublish/getarticle",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Publish/Get_article_from_id.html",
    }
    BatchGetPublished => PublishedList {
        POST Api "/cgi-bin/freepublish/batchget",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Publish/Get_publication_records.html",
    }
}

