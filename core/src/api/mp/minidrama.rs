//! Mini dramas (短剧, VOD): media, dramas, uploads in parts, and their audit.
//!
//! Large files go up in parts: [`ApplyUpload`] opens an upload, [`UploadPart`] sends each part
//! (at most 100, each [`PART_SIZE`] but the last), [`CommitUpload`] joins them into a medium.
//! [`upload_in_parts`] drives the three steps over a byte buffer.

use serde::{Deserialize, Serialize};

use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::{Ack, Body, Extra, Multipart, Upload};
use crate::error::{Error, Result};

/// The size of every part but the last, as WeChat requires: 5 MB.
pub const PART_SIZE: usize = 5 * 1024 * 1024;

/// The most parts one upload may have.
pub const MAX_PARTS: usize = 100;

// ---------------------------------------------------------------------------------------------
// Uploads

/// `singlefileupload` (单个文件上传): uploads a small medium (under 10 MB), and its cover if
/// given, in one request.
#[derive(Clone, Debug, PartialEq)]
pub struct SingleFileUpload {
    /// `media_name`: the file name, "drama name - episode" (`我的演艺 - 第1集`).
    pub media_name: String,
    /// `media_type`: the video format (`MP4`, `TS`, `MOV`, ...).
    pub media_type: String,
    /// `media_data`: the video.
    pub media_data: Upload,
    /// `cover_type`: the cover's format (`JPG`, `PNG`, ...), with `cover_data`.
    pub cover_type: Option<String>,
    /// `cover_data`: the cover image.
    pub cover_data: Option<Upload>,
    /// `source_context`: passed back in the upload's completion event.
    pub source_context: Option<String>,
}

impl SingleFileUpload {
    /// Uploads `media` as `media_name`, of format `media_type`, the first frame as its cover.
    pub fn new(media_name: impl Into<String>, media_type: impl Into<String>, media: Upload) -> Self {
        Self {
            media_name: media_name.into(),
            media_type: media_type.into(),
            media_data: media,
            cover_type: None,
            cover_data: None,
            source_context: None,
        }
    }

    /// Adds a cover of format `cover_type`.
    pub fn with_cover(mut self, cover_type: impl Into<String>, cover: Upload) -> Self {
        self.cover_type = Some(cover_type.into());
        self.cover_data = Some(cover);
        self
    }

    fn form(&self) -> Result<Body> {
        let mut form = Multipart::new()
            .text("media_name", self.media_name.as_str())
            .text("media_type", self.media_type.as_str())
            .file(
                "media_data",
                self.media_data.filename.as_str(),
                self.media_data.content_type.as_str(),
                self.media_data.bytes.clone(),
            );
        if let Some(t) = &self.cover_type {
            form = form.text("cover_type", t.as_str());
        }
        if let Some(c) = &self.cover_data {
            form = form.file(
                "cover_data",
                c.filename.as_str(),
                c.content_type.as_str(),
                c.bytes.clone(),
            );
        }
        if let Some(s) = &self.source_context {
            form = form.text("source_context", s.as_str());
        }
        Ok(Body::Multipart(form))
    }
}

/// The answer of `singlefileupload` and `commitupload`: the new medium.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadedMedia {
    /// The medium's id.
    #[serde(default)]
    pub media_id: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `pullupload` (拉取上传): has WeChat fetch a video (and cover) from a URL, as a task (follow
/// it with [`GetTask`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PullUpload {
    /// The file name, "drama name - episode".
    pub media_name: String,
    /// The video's URL.
    pub media_url: String,
    /// The cover's URL (the first frame when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_url: Option<String>,
    /// Passed back in the upload's completion event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_context: Option<String>,
}

impl PullUpload {
    /// Fetches `media_url` as `media_name`.
    pub fn new(media_name: impl Into<String>, media_url: impl Into<String>) -> Self {
        Self {
            media_name: media_name.into(),
            media_url: media_url.into(),
            cover_url: None,
            source_context: None,
        }
    }
}

/// The answer of `pullupload`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PullTask {
    /// The task's id.
    #[serde(default)]
    pub task_id: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `gettask` (查询任务): the state of a pull upload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetTask {
    /// The task's id.
    pub task_id: i64,
}

/// A pull-upload task.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskInfo {
    /// The task's id.
    #[serde(default)]
    pub id: i64,
    /// Its kind (`1`: pull upload).
    #[serde(default)]
    pub task_type: i64,
    /// `1` waiting, `2` running, `3` failed, `4` done.
    #[serde(default)]
    pub status: i64,
    /// Its error code, `0` when it succeeded.
    #[serde(default)]
    pub errcode: i64,
    /// Its error message.
    #[serde(default)]
    pub errmsg: String,
    /// When it was created, Unix seconds.
    #[serde(default)]
    pub create_time: i64,
    /// When it finished, Unix seconds.
    #[serde(default)]
    pub finish_time: i64,
    /// The medium it made.
    #[serde(default)]
    pub media_id: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `gettask`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// The task.
    #[serde(default)]
    pub task_info: TaskInfo,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `applyupload` (申请分片上传): opens an upload in parts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ApplyUpload {
    /// The file name, "drama name - episode".
    pub media_name: String,
    /// The video format (`MP4`, ...).
    pub media_type: String,
    /// The cover's format: when given, the cover is uploaded in parts too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cover_type: Option<String>,
    /// Passed back in the upload's completion event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_context: Option<String>,
}

impl ApplyUpload {
    /// Opens an upload of `media_name`, of format `media_type`, without a cover.
    pub fn new(media_name: impl Into<String>, media_type: impl Into<String>) -> Self {
        Self {
            media_name: media_name.into(),
            media_type: media_type.into(),
            cover_type: None,
            source_context: None,
        }
    }
}

/// The answer of `applyupload`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AppliedUpload {
    /// The upload's id.
    #[serde(default)]
    pub upload_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a part belongs to (`resource_type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResourceType {
    /// `1`: the video.
    Media,
    /// `2`: the cover.
    Cover,
}

impl ResourceType {
    /// As WeChat writes it.
    pub fn as_number(self) -> u8 {
        match self {
            ResourceType::Media => 1,
            ResourceType::Cover => 2,
        }
    }
}

/// `uploadpart` (上传分片): uploads one part of an upload (parts are numbered from 1, in any
/// order; sending a number again replaces the part).
#[derive(Clone, PartialEq)]
pub struct UploadPart {
    /// `upload_id`: the upload, from [`ApplyUpload`].
    pub upload_id: String,
    /// `part_number`: from 1.
    pub part_number: u32,
    /// `resource_type`: the video's part or the cover's.
    pub resource_type: ResourceType,
    /// `data`: the part's bytes.
    pub data: Vec<u8>,
}

impl std::fmt::Debug for UploadPart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadPart")
            .field("upload_id", &self.upload_id)
            .field("part_number", &self.part_number)
            .field("resource_type", &self.resource_type)
            .field("len", &self.data.len())
            .finish()
    }
}

impl UploadPart {
    fn form(&self) -> Result<Body> {
        Ok(Body::Multipart(
            Multipart::new()
                .text("upload_id", self.upload_id.as_str())
                .text("part_number", self.part_number.to_string())
                .text("resource_type", self.resource_type.as_number().to_string())
                .file(
                    "data",
                    format!("part{}", self.part_number),
                    "application/octet-stream",
                    self.data.clone(),
                ),
        ))
    }
}

/// The answer of `uploadpart`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadedPart {
    /// The part's tag, given back to [`CommitUpload`].
    #[serde(default)]
    pub etag: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A part, as [`CommitUpload`] lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartInfo {
    /// Its number.
    pub part_number: u32,
    /// Its tag, from [`UploadedPart`].
    pub etag: String,
}

/// `commitupload` (确认上传): joins the parts of an upload into a medium.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CommitUpload {
    /// The upload.
    pub upload_id: String,
    /// The video's parts.
    pub media_part_infos: Vec<PartInfo>,
    /// The cover's parts, when the upload has a cover.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cover_part_infos: Vec<PartInfo>,
}

/// Uploads `media` (and `cover`, when `apply` names a `cover_type`) in parts of [`PART_SIZE`]:
/// [`ApplyUpload`], an [`UploadPart`] for each part in order, then [`CommitUpload`]. The first
/// failing call stops the upload and is its error.
pub async fn upload_in_parts<H: HttpClient, S: TokenStore, R: Runtime>(
    client: &Client<H, S, R>,
    apply: &ApplyUpload,
    media: &[u8],
    cover: Option<&[u8]>,
) -> Result<UploadedMedia> {
    upload_in_parts_of(client, apply, media, cover, PART_SIZE).await
}

/// [`upload_in_parts`] with parts of `part_size` bytes (WeChat accepts [`PART_SIZE`] only, but
/// for the last part; other sizes serve tests and emulators).
pub async fn upload_in_parts_of<H: HttpClient, S: TokenStore, R: Runtime>(
    client: &Client<H, S, R>,
    apply: &ApplyUpload,
    media: &[u8],
    cover: Option<&[u8]>,
    part_size: usize,
) -> Result<UploadedMedia> {
    if part_size == 0 {
        return Err(Error::Build("the part size must not be 0".into()));
    }
    if media.is_empty() {
        return Err(Error::Build("nothing to upload".into()));
    }
    if cover.is_some() != apply.cover_type.is_some() {
        return Err(Error::Build(
            "a cover goes with its cover_type, and a cover_type with its cover".into(),
        ));
    }
    for bytes in std::iter::once(media).chain(cover) {
        if bytes.len().div_ceil(part_size) > MAX_PARTS {
            return Err(Error::Build(format!(
                "{} bytes make more than {MAX_PARTS} parts of {part_size}",
                bytes.len()
            )));
        }
    }
    let upload_id = client.call(apply).await?.upload_id;
    let send = async |kind, bytes: &[u8]| -> Result<Vec<PartInfo>> {
        let mut parts = Vec::new();
        for (i, chunk) in bytes.chunks(part_size).enumerate() {
            let part_number = u32::try_from(i + 1).map_err(|e| Error::Build(e.to_string()))?;
            let part = UploadPart {
                upload_id: upload_id.clone(),
                part_number,
                resource_type: kind,
                data: chunk.to_vec(),
            };
            let etag = client.call(&part).await?.etag;
            parts.push(PartInfo { part_number, etag });
        }
        Ok(parts)
    };
    let media_part_infos = send(ResourceType::Media, media).await?;
    let cover_part_infos = match cover {
        Some(c) => send(ResourceType::Cover, c).await?,
        None => Vec::new(),
    };
    client
        .call(&CommitUpload {
            upload_id,
            media_part_infos,
            cover_part_infos,
        })
        .await
}

// ---------------------------------------------------------------------------------------------
// Media

/// `listmedia` (获取媒资列表): lists uploaded media, filtered by drama, name or time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListMedia {
    /// Only the media of this drama.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drama_id: Option<i64>,
    /// Only media of this name (fuzzy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_name: Option<String>,
    /// Only media uploaded from this time, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<i64>,
    /// Only media uploaded before this time, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    /// How many to skip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// How many to list (at most 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl ListMedia {
    /// The media of `drama_id`, a page of `limit` from `offset`.
    pub fn of_drama(drama_id: i64, offset: u32, limit: u32) -> Self {
        Self {
            drama_id: Some(drama_id),
            offset: Some(offset),
            limit: Some(limit),
            ..Self::default()
        }
    }
}

/// The audit of a medium or a drama.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditDetail {
    /// `0` none, `1` auditing, `2` rejected, `3` approved, ...
    #[serde(default)]
    pub status: i64,
    /// When it was submitted, Unix seconds.
    #[serde(default)]
    pub create_time: i64,
    /// When it was decided, Unix seconds.
    #[serde(default)]
    pub audit_time: i64,
    /// Why it was rejected.
    #[serde(default)]
    pub reason: String,
    /// The material ids of the evidence.
    #[serde(default)]
    pub evidence_material_id_list: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A medium.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MediaInfo {
    /// Its id.
    #[serde(default)]
    pub media_id: i64,
    /// When it was uploaded, Unix seconds.
    #[serde(default)]
    pub create_time: i64,
    /// When it expires, Unix seconds (`0`: never).
    #[serde(default)]
    pub expire_time: i64,
    /// The drama it belongs to.
    #[serde(default)]
    pub drama_id: i64,
    /// Its size, bytes.
    #[serde(default)]
    pub file_size: i64,
    /// Its duration, seconds.
    #[serde(default)]
    pub duration: i64,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its description.
    #[serde(default)]
    pub description: String,
    /// Its cover's URL.
    #[serde(default)]
    pub cover_url: String,
    /// The original file's URL.
    #[serde(default)]
    pub original_url: String,
    /// The MP4 rendition's URL.
    #[serde(default)]
    pub mp4_url: String,
    /// The HLS rendition's URL.
    #[serde(default)]
    pub hls_url: String,
    /// Its audit.
    #[serde(default)]
    pub audit_detail: AuditDetail,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `listmedia`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MediaList {
    /// The media.
    #[serde(default)]
    pub media_info_list: Vec<MediaInfo>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `getmedia` (获取媒资详细信息): one medium, for the developer's management.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetMedia {
    /// The medium's id.
    pub media_id: i64,
}

/// The answer of `getmedia` and `getmedialink`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Media {
    /// The medium.
    #[serde(default)]
    pub media_info: MediaInfo,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `getmedialink` (获取媒资播放链接): a temporary playback link of a medium, for a user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetMediaLink {
    /// The medium's id.
    pub media_id: i64,
    /// When the link expires, Unix seconds (at most 2 hours ahead).
    pub t: i64,
    /// An opaque string of the caller's, put in the link's `us` parameter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub us: Option<String>,
    /// How long a preview lasts, seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expr: Option<i64>,
}

impl GetMediaLink {
    /// A link to `media_id` valid until `t`.
    pub fn new(media_id: i64, t: i64) -> Self {
        Self {
            media_id,
            t,
            us: None,
            expr: None,
        }
    }
}

/// `deletemedia` (删除媒资): deletes a medium.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeleteMedia {
    /// The medium's id.
    pub media_id: i64,
}

// ---------------------------------------------------------------------------------------------
// Dramas

/// `auditdrama` (剧目提审): submits a drama for audit, or resubmits one (`drama_id` given).
///
/// The material ids (`cover_material_id`, ...) come from the Official Account's permanent
/// material upload. Fields WeChat adds later go in [`AuditDrama::extra`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditDrama {
    /// The drama to resubmit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drama_id: Option<i64>,
    /// Its name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// How many episodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_count: Option<u32>,
    /// The episodes' media ids, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media_id_list: Vec<i64>,
    /// The producer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub producer: String,
    /// The cover's material id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cover_material_id: String,
    /// The authorization's material id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub authorized_material_id: String,
    /// The registration number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub registration_number: String,
    /// The description.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Other documented fields, as WeChat spells them.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `auditdrama`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditedDrama {
    /// The drama's id.
    #[serde(default)]
    pub drama_id: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `listdramas` (获取剧目列表): lists the submitted dramas.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDramas {
    /// How many to skip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// How many to list (at most 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl ListDramas {
    /// A page of `limit` from `offset`.
    pub fn page(offset: u32, limit: u32) -> Self {
        Self {
            offset: Some(offset),
            limit: Some(limit),
        }
    }
}

/// An episode of a drama.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DramaMedia {
    /// The episode's medium.
    #[serde(default)]
    pub media_id: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A drama.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DramaInfo {
    /// Its id.
    #[serde(default)]
    pub drama_id: i64,
    /// When it was submitted, Unix seconds.
    #[serde(default)]
    pub create_time: i64,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its playwright.
    #[serde(default)]
    pub playwright: String,
    /// Its producer.
    #[serde(default)]
    pub producer: String,
    /// How many episodes.
    #[serde(default)]
    pub media_count: i64,
    /// Its cover's URL.
    #[serde(default)]
    pub cover_url: String,
    /// Its description.
    #[serde(default)]
    pub description: String,
    /// Its episodes.
    #[serde(default)]
    pub media_list: Vec<DramaMedia>,
    /// Its audit.
    #[serde(default)]
    pub audit_detail: AuditDetail,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `listdramas`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DramaList {
    /// The dramas.
    #[serde(default)]
    pub drama_info_list: Vec<DramaInfo>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `getdrama` (获取剧目信息): one submitted drama.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetDrama {
    /// The drama's id.
    pub drama_id: i64,
}

/// The answer of `getdrama`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Drama {
    /// The drama.
    #[serde(default)]
    pub drama_info: DramaInfo,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

// ---------------------------------------------------------------------------------------------
// CDN statistics

/// `getcdnusagedata` (查询CDN用量数据): CDN traffic over a time range.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetCdnUsageData {
    /// From, Unix seconds.
    pub start_time: i64,
    /// To, Unix seconds.
    pub end_time: i64,
    /// The granularity, minutes: `5`, `60` or `1440`.
    pub data_interval: u32,
}

/// One sample of CDN usage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UsageItem {
    /// When, Unix seconds.
    #[serde(default)]
    pub time: i64,
    /// Bytes.
    #[serde(default)]
    pub value: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `getcdnusagedata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CdnUsage {
    /// The granularity, minutes.
    #[serde(default)]
    pub data_interval: i64,
    /// The samples.
    #[serde(default)]
    pub item_list: Vec<UsageItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `getcdnlogs` (查询CDN日志下载链接列表): download links of the CDN access logs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetCdnLogs {
    /// From, Unix seconds.
    pub start_time: i64,
    /// To, Unix seconds.
    pub end_time: i64,
    /// How many to skip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    /// How many to list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// A log file.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CdnLog {
    /// Its day.
    #[serde(default)]
    pub date: i64,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Where to download it.
    #[serde(default)]
    pub url: String,
    /// The time it covers from, Unix seconds.
    #[serde(default)]
    pub start_time: i64,
    /// The time it covers to, Unix seconds.
    #[serde(default)]
    pub end_time: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `getcdnlogs`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CdnLogs {
    /// How many logs there are.
    #[serde(default)]
    pub total_count: i64,
    /// The logs of the mainland CDN.
    #[serde(default)]
    pub domestic_cdn_logs: Vec<CdnLog>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

crate::endpoint! {
    area: "miniprogram";
    SingleFileUpload => UploadedMedia {
        POST Api "/wxa/sec/vod/singlefileupload",
        auth: AccessToken, repeat: Never,
        body: SingleFileUpload::form,
        json: none,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/vod_fileupload/api_singlefileupload.html",
    }
    PullUpload => PullTask {
        POST Api "/wxa/sec/vod/pullupload",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/vod_fileupload/api_pullupload.html",
    }
    GetTask => Task {
        POST Api "/wxa/sec/vod/gettask",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/vod_fileupload/api_gettask.html",
    }
    ApplyUpload => AppliedUpload {
        POST Api "/wxa/sec/vod/applyupload",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/vod_fileupload/api_applyupload.html",
    }
    UploadPart => UploadedPart {
        POST Api "/wxa/sec/vod/uploadpart",
        auth: AccessToken, repeat: Safe,
        body: UploadPart::form,
        json: none,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/vod_fileupload/api_uploadpart.html",
    }
    CommitUpload => UploadedMedia {
        POST Api "/wxa/sec/vod/commitupload",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/vod_fileupload/api_commitupload.html",
    }
    ListMedia => MediaList {
        POST Api "/wxa/sec/vod/listmedia",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/vod_media/api_listmedia.html",
    }
    GetMedia => Media {
        POST Api "/wxa/sec/vod/getmedia",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/vod_media/api_getmedia.html",
    }
    GetMediaLink => Media {
        POST Api "/wxa/sec/vod/getmedialink",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/vod_media/api_getmedialink.html",
    }
    DeleteMedia => Ack {
        POST Api "/wxa/sec/vod/deletemedia",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/vod_media/api_deletemedia.html",
    }
    AuditDrama => AuditedDrama {
        POST Api "/wxa/sec/vod/auditdrama",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/auditdrama/api_auditdrama.html",
    }
    ListDramas => DramaList {
        POST Api "/wxa/sec/vod/listdramas",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/auditdrama/api_listdramas.html",
    }
    GetDrama => Drama {
        POST Api "/wxa/sec/vod/getdrama",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/auditdrama/api_getdrama.html",
    }
    GetCdnUsageData => CdnUsage {
        POST Api "/wxa/sec/vod/getcdnusagedata",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/usagedata/api_getcdnusagedata.html",
    }
    GetCdnLogs => CdnLogs {
        POST Api "/wxa/sec/vod/getcdnlogs",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/server/API/minidrama/usagedata/api_getcdnlogs.html",
    }
}
