//! Material and media: temporary media (kept 3 days), permanent material, images for article bodies.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::api::paging::{OffsetPage, offset_stream};
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::{Ack, Binary, Body, Meta, is_json_answer, parse, parse_binary};
use crate::error::{Error, Result};

pub use crate::endpoint::Upload;

/// The kind of an uploaded media file (`type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaType {
    /// `image`
    Image,
    /// `voice`
    Voice,
    /// `video`
    Video,
    /// `thumb`: a small JPEG used as a thumbnail.
    Thumb,
}

impl MediaType {
    /// As WeChat spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Image => "image",
            MediaType::Voice => "voice",
            MediaType::Video => "video",
            MediaType::Thumb => "thumb",
        }
    }
}

/// The kind of permanent material listed by [`BatchGetMaterial`] (`type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MaterialType {
    /// `image`
    Image,
    /// `video`
    Video,
    /// `voice`
    Voice,
    /// `news`: articles.
    News,
}

// ---------------------------------------------------------------------------------------------
// Temporary media

/// `media/upload` (uploadTempMedia): uploads a temporary media file, kept 3 days.
#[derive(Clone, Debug, PartialEq)]
pub struct UploadMedia {
    /// The query parameter `type`.
    pub kind: MediaType,
    /// The form field `media`.
    pub media: Upload,
}

/// The answer of `media/upload`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct UploadedMedia {
    /// `type`: the media type.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The media id (absent for `thumb`, which answers `thumb_media_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_id: Option<String>,
    /// The media id of a `thumb` upload.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumb_media_id: Option<String>,
    /// Upload time, Unix seconds.
    #[serde(default)]
    pub created_at: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl UploadedMedia {
    /// The id of the uploaded file, whatever its type.
    pub fn id(&self) -> Option<&str> {
        self.media_id.as_deref().or(self.thumb_media_id.as_deref())
    }
}

/// `media/get` (getMedia): downloads a temporary media file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetMedia {
    /// The media id.
    pub media_id: String,
}

/// The answer of `media/get`: the file, or for a video the URL to download it from. Serializes
/// as the [`Binary`] or as WeChat's JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum MediaFile {
    /// The bytes of an image, voice or thumbnail.
    File(Binary),
    /// A video: WeChat answers `{"video_url": ...}`.
    Video {
        /// Where to download the video.
        video_url: String,
    },
}

impl MediaFile {
    /// Reads the answer: the file's bytes, or the JSON of a video.
    fn from_answer(meta: &Meta, response: &http::Response<Vec<u8>>) -> Result<Self> {
        if !is_json_answer(response) {
            return parse_binary(meta, response).map(MediaFile::File);
        }
        #[derive(Deserialize, Serialize)]
        struct Video {
            video_url: String,
        }
        let video: Video = parse(meta, response)?;
        Ok(MediaFile::Video {
            video_url: video.video_url,
        })
    }
}

/// `media/get/jssdk` (getHDVoice): downloads a voice recorded with the JS-SDK `uploadVoice`, as
/// 16 kHz speex.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetHdVoice {
    /// The `serverId` that `uploadVoice` returned.
    pub media_id: String,
}

// ---------------------------------------------------------------------------------------------
// Permanent material

/// `media/uploadimg` (uploadImage): uploads a JPEG or PNG under 1 MB for use inside article
/// bodies; it does not count against the material quota.
#[derive(Clone, Debug, PartialEq)]
pub struct UploadImage {
    /// The form field `media`.
    pub media: Upload,
}

/// The answer of `media/uploadimg`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct UploadedImage {
    /// The image URL, usable in article bodies.
    pub url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `material/add_material` (addMaterial): adds permanent material (image, voice, video, thumb).
#[derive(Clone, Debug, PartialEq)]
pub struct AddMaterial {
    /// The query parameter `type`.
    pub kind: MediaType,
    /// The form field `media`.
    pub media: Upload,
    /// The form field `description`, required for videos.
    pub description: Option<VideoDescription>,
}

impl AddMaterial {
    /// Permanent video material with its title and introduction.
    pub fn video(media: Upload, title: impl Into<String>, introduction: impl Into<String>) -> Self {
        Self {
            kind: MediaType::Video,
            media,
            description: Some(VideoDescription { extra: Default::default(),
                title: title.into(),
                introduction: introduction.into(),
            }),
        }
    }
}

/// The `description` of video material.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VideoDescription {
    /// The title.
    pub title: String,
    /// The introduction.
    pub introduction: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `material/add_material`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct AddedMaterial {
    /// The permanent media id.
    pub media_id: String,
    /// The URL of an image (empty or absent for other types).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An article of permanent news material (`add_news`, `update_news`, `get_material`,
/// `batchget_material`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct NewsArticle {
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The cover image: a permanent media id.
    #[serde(default)]
    pub thumb_media_id: String,
    /// The author.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The summary (single-article news only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// Whether the cover is shown in the body: 0 or 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_cover_pic: Option<u8>,
    /// The HTML body.
    #[serde(default)]
    pub content: String,
    /// The "read more" URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_source_url: Option<String>,
    /// Whether comments are open: 0 or 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_open_comment: Option<u8>,
    /// Whether only followers may comment: 0 or 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_fans_can_comment: Option<u8>,
    /// In answers: the article URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// In answers: the cover URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumb_url: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `material/add_news`: adds permanent news material (superseded by drafts, see
/// [`super::draft::AddDraft`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddNews {
    /// The articles, up to 8.
    pub articles: Vec<NewsArticle>,
}

/// The answer of `material/add_news`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct AddedNews {
    /// The permanent media id of the news.
    pub media_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `material/update_news`: replaces one article of permanent news material.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateNews {
    /// The news to change.
    pub media_id: String,
    /// The position of the article, the first being 0.
    pub index: u32,
    /// The new article (WeChat names the field in the plural).
    pub articles: NewsArticle,
}

/// `material/get_material` (getMaterial): reads permanent material.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetMaterial {
    /// The permanent media id.
    pub media_id: String,
}

/// Video material, as `get_material` describes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VideoMaterial {
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The description.
    #[serde(default)]
    pub description: String,
    /// Where to download the video.
    #[serde(default)]
    pub down_url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `get_material`: news and videos come as JSON, other material as the file.
/// Serializes as WeChat's JSON (`{"news_item": [...]}` for news) or as the [`Binary`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Material {
    /// News: its articles (`news_item`).
    #[serde(serialize_with = "news_items")]
    News(Vec<NewsArticle>),
    /// A video.
    Video(VideoMaterial),
    /// The bytes of an image, voice or thumbnail.
    File(Binary),
}

fn news_items<S: serde::Serializer>(
    items: &[NewsArticle],
    ser: S,
) -> std::result::Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = ser.serialize_map(Some(1))?;
    map.serialize_entry("news_item", items)?;
    map.end()
}

impl Material {
    /// Reads the answer: the file's bytes, or the JSON of news or a video.
    fn from_answer(meta: &Meta, response: &http::Response<Vec<u8>>) -> Result<Self> {
        if !is_json_answer(response) {
            return parse_binary(meta, response).map(Material::File);
        }
        #[derive(Deserialize, Serialize)]
        struct Json {
            news_item: Option<Vec<NewsArticle>>,
            #[serde(flatten)]
            video: VideoMaterial,
        }
        let json: Json = parse(meta, response)?;
        Ok(match json.news_item {
            Some(items) => Material::News(items),
            None => Material::Video(json.video),
        })
    }
}

/// `material/del_material` (delMaterial): deletes permanent material.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DelMaterial {
    /// The permanent media id.
    pub media_id: String,
}

/// `material/get_materialcount` (getMaterialCount): counts permanent material by type.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetMaterialCount {
}

/// The answer of `get_materialcount`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct MaterialCount {
    /// Voices.
    #[serde(default)]
    pub voice_count: u64,
    /// Videos.
    #[serde(default)]
    pub video_count: u64,
    /// Images.
    #[serde(default)]
    pub image_count: u64,
    /// News.
    #[serde(default)]
    pub news_count: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `material/batchget_material` (batchGetMaterial): lists permanent material of one type, a page
/// at a time. [`materials`] walks every page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchGetMaterial {
    /// `type`: which material.
    #[serde(rename = "type")]
    pub kind: MaterialType,
    /// Where the page starts, 0 for the first entry.
    pub offset: u32,
    /// Entries per page, 1 to 20.
    pub count: u32,
}

/// A page of `batchget_material`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct MaterialList {
    /// Entries of this type in all.
    #[serde(default)]
    pub total_count: u64,
    /// Entries in this page.
    #[serde(default)]
    pub item_count: u64,
    /// The entries.
    #[serde(default)]
    pub item: Vec<MaterialItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An entry of `batchget_material`: news carry `content`, other types `name` and `url`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct MaterialItem {
    /// The permanent media id.
    pub media_id: String,
    /// The articles of news material.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<NewsContent>,
    /// The file name of image, voice and video material.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The URL of image material.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Last update, Unix seconds.
    #[serde(default)]
    pub update_time: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The `content` of news material in a list.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct NewsContent {
    /// The articles.
    #[serde(default)]
    pub news_item: Vec<NewsArticle>,
    /// Creation time, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<i64>,
    /// Last update, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_time: Option<i64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl OffsetPage for MaterialList {
    type Item = MaterialItem;
    fn total(&self) -> u64 {
        self.total_count
    }
    fn into_items(self) -> Vec<MaterialItem> {
        self.item
    }
}

/// Every permanent material of one type, fetched `page_size` (1 to 20) at a time through
/// `batchget_material`. A failed call is yielded as an error and ends the stream.
pub fn materials<'a, H, S, R>(
    client: &'a Client<H, S, R>,
    kind: MaterialType,
    page_size: u32,
) -> impl Stream<Item = Result<MaterialItem>> + 'a
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    offset_stream(client, page_size, move |offset, count| BatchGetMaterial {
        kind,
        offset,
        count,
    })
}






impl AddMaterial {
    /// The form: the file, and for a video its description.
    fn form(&self) -> Result<Body> {
        let mut form = self.media.form("media");
        if let Some(d) = &self.description {
            let json = serde_json::to_string(d).map_err(|e| Error::Build(e.to_string()))?;
            form = form.text("description", json);
        } else if self.kind == MediaType::Video {
            return Err(Error::Build(
                "video material needs a description (title and introduction)".into(),
            ));
        }
        Ok(Body::Multipart(form))
    }
}

crate::endpoint! {
    area: "officialaccount";

    UploadMedia => UploadedMedia {
        POST Api "/cgi-bin/media/upload",
        auth: AccessToken, repeat: Safe,
        query: |r| Ok(vec![("type".into(), r.kind.as_str().into())]),
        body: |r| Ok(Body::Multipart(r.media.form("media"))),
        json: none,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/New_temporary_materials.html",
    }
    UploadImage => UploadedImage {
        POST Api "/cgi-bin/media/uploadimg",
        auth: AccessToken, repeat: Safe,
        body: |r| Ok(Body::Multipart(r.media.form("media"))),
        json: none,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Adding_Permanent_Assets.html",
    }
    // Permanent material counts against a quota: never added twice by a retry.
    AddMaterial => AddedMaterial {
        POST Api "/cgi-bin/material/add_material",
        auth: AccessToken, repeat: Never,
        query: |r| Ok(vec![("type".into(), r.kind.as_str().into())]),
        body: AddMaterial::form,
        json: none,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Adding_Permanent_Assets.html",
    }
    GetMedia => MediaFile {
        GET Api "/cgi-bin/media/get",
        auth: AccessToken, repeat: Safe,
        envelope: Binary,
        parse: MediaFile::from_answer,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_temporary_materials.html",
    }
    GetHdVoice => Binary {
        GET Api "/cgi-bin/media/get/jssdk",
        auth: AccessToken, repeat: Safe,
        envelope: Binary,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_temporary_materials.html",
    }
    AddNews => AddedNews {
        POST Api "/cgi-bin/material/add_news",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Adding_Permanent_Assets.html",
    }
    UpdateNews => Ack {
        POST Api "/cgi-bin/material/update_news",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Editing_Permanent_Rich_Media_Assets.html",
    }
    GetMaterial => Material {
        POST Api "/cgi-bin/material/get_material",
        auth: AccessToken, repeat: Safe,
        envelope: Binary,
        parse: Material::from_answer,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Getting_Permanent_Assets.html",
    }
    DelMaterial => Ack {
        POST Api "/cgi-bin/material/del_material",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Deleting_Permanent_Assets.html",
    }
    GetMaterialCount => MaterialCount {
        GET Api "/cgi-bin/material/get_materialcount",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_the_total_of_all_materials.html",
    }
    BatchGetMaterial => MaterialList {
        POST Api "/cgi-bin/material/batchget_material",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Asset_Management/Get_materials_list.html",
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(Upload::new("a.JPG", vec![]).content_type, "image/jpeg");
        assert_eq!(Upload::new("v.mp4", vec![]).content_type, "video/mp4");
        assert_eq!(
            Upload::new("noext", vec![]).content_type,
            "application/octet-stream"
        );
        let dbg = format!("{:?}", Upload::new("a.png", vec![0; 4096]));
        assert!(dbg.contains("4096") && !dbg.contains("0, 0"), "{dbg}");
    }

    #[test]
    fn json_or_file() {
        let answer = |b: &[u8]| http::Response::new(b.to_vec());
        assert!(is_json_answer(&answer(b"  {\"a\":1}")));
        assert!(!is_json_answer(&answer(b"\xff\xd8\xff")));
        assert!(!is_json_answer(&answer(b"")));
    }
}
