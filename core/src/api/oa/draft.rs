//! The draft box: articles (`news`) and image posts (`newspic`) saved before publishing.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::api::paging::{OffsetPage, offset_stream};
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::{Ack};
use crate::error::Result;

/// An article of a draft, as `draft/add` and `draft/update` take it and `draft/get` and
/// `draft/batchget` return it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftArticle {
    /// `news` (an article, the default) or `newspic` (an image post).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article_type: Option<String>,
    /// The title, up to 32 characters.
    #[serde(default)]
    pub title: String,
    /// The author, up to 16 characters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The summary (single-article drafts only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// The HTML body (plain text for `newspic`).
    #[serde(default)]
    pub content: String,
    /// The "read more" URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_source_url: Option<String>,
    /// The cover, a permanent media id; required for `news`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumb_media_id: Option<String>,
    /// Whether the cover is shown in the body: 0 or 1 (older drafts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_cover_pic: Option<u8>,
    /// Whether comments are open: 0 or 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_open_comment: Option<u8>,
    /// Whether only followers may comment: 0 or 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_fans_can_comment: Option<u8>,
    /// The 2.35:1 crop of the cover, `X1_Y1_X2_Y2` in fractions of the image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pic_crop_235_1: Option<String>,
    /// The 1:1 crop of the cover, `X1_Y1_X2_Y2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pic_crop_1_1: Option<String>,
    /// The images of a `newspic` post; the first is the cover.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_info: Option<ImageInfo>,
    /// The cover crops of a `newspic` post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_info: Option<CoverInfo>,
    /// A product card at the end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_info: Option<ProductInfo>,
    /// In answers: a temporary preview URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// In answers: the cover URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumb_url: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl DraftArticle {
    /// An article (`news`) with its cover.
    pub fn news(
        title: impl Into<String>,
        content: impl Into<String>,
        thumb_media_id: impl Into<String>,
    ) -> Self {
        Self {
            article_type: Some("news".into()),
            title: title.into(),
            content: content.into(),
            thumb_media_id: Some(thumb_media_id.into()),
            ..Self::default()
        }
    }

    /// An image post (`newspic`) of up to 20 permanent images, the first being the cover.
    pub fn newspic(
        title: impl Into<String>,
        content: impl Into<String>,
        image_media_ids: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        Self {
            article_type: Some("newspic".into()),
            title: title.into(),
            content: content.into(),
            image_info: Some(ImageInfo { extra: Default::default(),
                image_list: image_media_ids
                    .into_iter()
                    .map(|id| DraftImage { extra: Default::default(),
                        image_media_id: id.into(),
                    })
                    .collect(),
            }),
            ..Self::default()
        }
    }
}

/// `image_info` of a `newspic` post.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImageInfo {
    /// The images.
    #[serde(default)]
    pub image_list: Vec<DraftImage>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An image of a `newspic` post.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftImage {
    /// A permanent media id.
    pub image_media_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `cover_info` of a `newspic` post.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CoverInfo {
    /// The crops, one per ratio.
    #[serde(default)]
    pub crop_percent_list: Vec<CropPercent>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A cover crop: corners in fractions of the image, (0,0) top left to (1,1) bottom right.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CropPercent {
    /// `1_1`, `16_9` or `2.35_1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ratio: Option<String>,
    /// Top-left x.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x1: Option<String>,
    /// Top-left y.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y1: Option<String>,
    /// Bottom-right x.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x2: Option<String>,
    /// Bottom-right y.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y2: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `product_info` of a draft article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ProductInfo {
    /// The product card at the end of the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub footer_product_info: Option<FooterProductInfo>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `footer_product_info`: the product card at the end of an article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FooterProductInfo {
    /// The product key.
    #[serde(default)]
    pub product_key: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `draft/add` (draft_add): saves a new draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddDraft {
    /// The articles, up to 8.
    pub articles: Vec<DraftArticle>,
}

/// The answer of `draft/add`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct AddedDraft {
    /// The draft's media id.
    pub media_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `draft/get` (getDraft): reads a draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetDraft {
    /// The draft's media id.
    pub media_id: String,
}

/// The answer of `draft/get`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Draft {
    /// The articles.
    #[serde(default)]
    pub news_item: Vec<DraftArticle>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `draft/delete` (draft_delete): deletes a draft, irreversibly.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteDraft {
    /// The draft's media id.
    pub media_id: String,
}

/// `draft/update` (draft_update): replaces one article of a draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateDraft {
    /// The draft's media id.
    pub media_id: String,
    /// The position of the article, the first being 0.
    pub index: u32,
    /// The new article (WeChat names the field in the plural).
    pub articles: DraftArticle,
}

/// `draft/count` (draft_count): counts the drafts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CountDrafts {
}

/// The answer of `draft/count`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DraftCount {
    /// The number of drafts.
    #[serde(default)]
    pub total_count: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `draft/batchget` (draft_batchget): lists drafts a page at a time. [`drafts`] walks every page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchGetDrafts {
    /// Where the page starts, 0 for the first draft.
    pub offset: u32,
    /// Drafts per page, 1 to 20.
    pub count: u32,
    /// 1 to leave out the article bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_content: Option<u8>,
}

/// A page of `draft/batchget`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DraftList {
    /// Drafts in all.
    #[serde(default)]
    pub total_count: u64,
    /// Drafts in this page.
    #[serde(default)]
    pub item_count: u64,
    /// The drafts.
    #[serde(default)]
    pub item: Vec<DraftItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A draft in a list.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DraftItem {
    /// The draft's media id.
    pub media_id: String,
    /// Its articles.
    #[serde(default)]
    pub content: Draft,
    /// Last update, Unix seconds.
    #[serde(default)]
    pub update_time: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl OffsetPage for DraftList {
    type Item = DraftItem;
    fn total(&self) -> u64 {
        self.total_count
    }
    fn into_items(self) -> Vec<DraftItem> {
        self.item
    }
}

/// Every draft, fetched `page_size` (1 to 20) at a time through `draft/batchget`, bodies left out
/// when `no_content`. A failed call is yielded as an error and ends the stream.
pub fn drafts<'a, H, S, R>(
    client: &'a Client<H, S, R>,
    page_size: u32,
    no_content: bool,
) -> impl Stream<Item = Result<DraftItem>> + 'a
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    offset_stream(client, page_size, move |offset, count| BatchGetDrafts {
        offset,
        count,
        no_content: no_content.then_some(1),
    })
}


crate::endpoint! {
    area: "officialaccount";

    AddDraft => AddedDraft {
        POST Api "/cgi-bin/draft/add",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Add_draft.html",
    }
    GetDraft => Draft {
        POST Api "/cgi-bin/draft/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Get_draft.html",
    }
    DeleteDraft => Ack {
        POST Api "/cgi-bin/draft/delete",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Delete_draft.html",
    }
    UpdateDraft => Ack {
        POST Api "/cgi-bin/draft/update",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Update_draft.html",
    }
    CountDrafts => DraftCount {
        GET Api "/cgi-bin/draft/count",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Count_drafts.html",
    }
    BatchGetDrafts => DraftList {
        POST Api "/cgi-bin/draft/batchget",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Draft_Box/Get_draft_list.html",
    }
}

