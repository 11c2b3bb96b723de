//! Cloud base (云开发, tcb): cloud functions, database, files and migrations.
//!
//! Every call names the cloud environment (`env`). Database calls take the database's own query
//! language as text (`db.collection("books").where({...}).get()`), exactly as a cloud function
//! would write it.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::endpoint::{Ack, Body, Extra};
use crate::error::{Error, Result};
use crate::secret::Secret;

// ---------------------------------------------------------------------------------------------
// Cloud functions

/// `invokecloudfunction` (触发云函数): runs a cloud function with a JSON input and answers what
/// the function returned.
///
/// `env` and `name` go in the query; the input is the raw JSON body (the function's `event`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InvokeCloudFunction {
    /// The cloud environment id.
    pub env: String,
    /// The function's name.
    pub name: String,
    /// The function's input, sent as the whole body.
    #[serde(default)]
    pub data: serde_json::Value,
}

impl InvokeCloudFunction {
    /// Runs `name` in `env` with the input `data`.
    pub fn new(env: impl Into<String>, name: impl Into<String>, data: serde_json::Value) -> Self {
        Self {
            env: env.into(),
            name: name.into(),
            data,
        }
    }

    /// Runs `name` in `env` with any serializable input.
    pub fn with_input<T: Serialize>(
        env: impl Into<String>,
        name: impl Into<String>,
        input: &T,
    ) -> Result<Self> {
        let data = serde_json::to_value(input).map_err(|e| Error::Build(e.to_string()))?;
        Ok(Self::new(env, name, data))
    }

    fn raw_body(&self) -> Result<Body> {
        // A missing input is an empty object: the function reads `event` as an object.
        let data = match &self.data {
            serde_json::Value::Null => b"{}".to_vec(),
            other => serde_json::to_vec(other).map_err(|e| Error::Build(e.to_string()))?,
        };
        Ok(Body::Json(data))
    }
}

/// The answer of `invokecloudfunction`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CloudFunctionResult {
    /// What the function returned, as JSON text.
    #[serde(default)]
    pub resp_data: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

impl CloudFunctionResult {
    /// The function's return value, read from [`resp_data`](Self::resp_data) as `T`.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T> {
        serde_json::from_str(&self.resp_data)
            .map_err(|e| Error::decode(e, self.resp_data.as_bytes()))
    }

    /// The function's return value as untyped JSON (`null` when it returned nothing).
    pub fn value(&self) -> Result<serde_json::Value> {
        if self.resp_data.trim().is_empty() {
            return Ok(serde_json::Value::Null);
        }
        self.parse()
    }
}

// ---------------------------------------------------------------------------------------------
// Collections

/// `databasecollectionadd` (新增集合): creates a collection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddCollection {
    /// The cloud environment id.
    pub env: String,
    /// The collection's name.
    pub collection_name: String,
}

impl AddCollection {
    /// Creates `collection_name` in `env`.
    pub fn new(env: impl Into<String>, collection_name: impl Into<String>) -> Self {
        Self {
            env: env.into(),
            collection_name: collection_name.into(),
        }
    }
}

/// `databasecollectiondelete` (删除集合): deletes a collection and its documents.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeleteCollection {
    /// The cloud environment id.
    pub env: String,
    /// The collection's name.
    pub collection_name: String,
}

impl DeleteCollection {
    /// Deletes `collection_name` from `env`.
    pub fn new(env: impl Into<String>, collection_name: impl Into<String>) -> Self {
        Self {
            env: env.into(),
            collection_name: collection_name.into(),
        }
    }
}

/// `databasecollectionget` (获取特定云环境下集合信息): lists the collections of an environment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetCollections {
    /// The cloud environment id.
    pub env: String,
    /// How many to list (WeChat's default 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// How many to skip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
}

impl GetCollections {
    /// Lists the collections of `env`, a page of `limit` from `offset`.
    pub fn new(env: impl Into<String>, offset: u32, limit: u32) -> Self {
        Self {
            env: env.into(),
            limit: Some(limit),
            offset: Some(offset),
        }
    }
}

/// Where a page of results lies (`pager`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Pager {
    /// How many were skipped.
    #[serde(rename = "Offset", default)]
    pub offset: i64,
    /// The page size.
    #[serde(rename = "Limit", default)]
    pub limit: i64,
    /// How many there are in all.
    #[serde(rename = "Total", default)]
    pub total: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A collection, as `databasecollectionget` lists it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Collection {
    /// The name.
    #[serde(default)]
    pub name: String,
    /// How many documents it holds.
    #[serde(default)]
    pub count: i64,
    /// Its size, bytes.
    #[serde(default)]
    pub size: i64,
    /// How many indexes it has.
    #[serde(default)]
    pub index_count: i64,
    /// The size of its indexes, bytes.
    #[serde(default)]
    pub index_size: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `databasecollectionget`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Collections {
    /// The page.
    #[serde(default)]
    pub pager: Pager,
    /// The collections.
    #[serde(default)]
    pub collections: Vec<Collection>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

// ---------------------------------------------------------------------------------------------
// Documents

/// A database statement (`env` and `query`), the request of the document calls.
macro_rules! db_query {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        pub struct $name {
            /// The cloud environment id.
            pub env: String,
            /// The statement, in the database's query language.
            pub query: String,
        }

        impl $name {
            /// Runs `query` in `env`.
            pub fn new(env: impl Into<String>, query: impl Into<String>) -> Self {
                Self {
                    env: env.into(),
                    query: query.into(),
                }
            }
        }
    };
}

db_query! {
    /// `databaseadd` (数据库插入记录): inserts documents
    /// (`db.collection("geo").add({data: [...]})`).
    DatabaseAdd
}
db_query! {
    /// `databasedelete` (数据库删除记录): deletes the documents a statement selects
    /// (`db.collection("geo").where({done: true}).remove()`).
    DatabaseDelete
}
db_query! {
    /// `databaseupdate` (数据库更新记录): updates the documents a statement selects
    /// (`db.collection("geo").where({age: 14}).update({data: {age: _.inc(1)}})`).
    DatabaseUpdate
}
db_query! {
    /// `databasequery` (数据库查询记录): reads the documents a statement selects
    /// (`db.collection("geo").where({done: true}).limit(10).skip(1).get()`).
    DatabaseQuery
}
db_query! {
    /// `databasecount` (统计集合记录数或统计查询语句对应的结果记录数): counts the documents a
    /// statement selects (`db.collection("geo").where({done: true}).count()`).
    DatabaseCount
}

/// The answer of `databaseadd`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddedDocuments {
    /// The ids of the inserted documents.
    #[serde(default)]
    pub id_list: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `databasedelete`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeletedDocuments {
    /// How many documents were deleted.
    #[serde(default)]
    pub deleted: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `databaseupdate`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdatedDocuments {
    /// How many documents the statement selected.
    #[serde(default)]
    pub matched: i64,
    /// How many were changed.
    #[serde(default)]
    pub modified: i64,
    /// The id of the document inserted by an upsert, if any.
    #[serde(default)]
    pub id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `databasequery`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QueriedDocuments {
    /// The page.
    #[serde(default)]
    pub pager: Pager,
    /// The documents, each as JSON text (read one with [`QueriedDocuments::documents`]).
    #[serde(default)]
    pub data: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

impl QueriedDocuments {
    /// The documents, each read from its JSON text as `T`.
    pub fn documents<T: DeserializeOwned>(&self) -> Result<Vec<T>> {
        self.data
            .iter()
            .map(|d| serde_json::from_str(d).map_err(|e| Error::decode(e, d.as_bytes())))
            .collect()
    }
}

/// The answer of `databasecount`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentCount {
    /// How many documents the statement selects.
    #[serde(default)]
    pub count: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

// ---------------------------------------------------------------------------------------------
// Migration

/// The format of an imported or exported file (`file_type`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum FileType {
    /// `1`: JSON, one document a line.
    Json,
    /// `2`: CSV.
    Csv,
}

impl From<FileType> for u8 {
    fn from(t: FileType) -> u8 {
        match t {
            FileType::Json => 1,
            FileType::Csv => 2,
        }
    }
}

impl TryFrom<u8> for FileType {
    type Error = String;
    fn try_from(n: u8) -> std::result::Result<Self, String> {
        match n {
            1 => Ok(FileType::Json),
            2 => Ok(FileType::Csv),
            n => Err(format!("unknown file_type {n}")),
        }
    }
}

/// What an import does with a document whose `_id` exists (`conflict_mode`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum ConflictMode {
    /// `1`: INSERT, the duplicate is an error.
    Insert,
    /// `2`: UPSERT, the duplicate replaces the document.
    Upsert,
}

impl From<ConflictMode> for u8 {
    fn from(m: ConflictMode) -> u8 {
        match m {
            ConflictMode::Insert => 1,
            ConflictMode::Upsert => 2,
        }
    }
}

impl TryFrom<u8> for ConflictMode {
    type Error = String;
    fn try_from(n: u8) -> std::result::Result<Self, String> {
        match n {
            1 => Ok(ConflictMode::Insert),
            2 => Ok(ConflictMode::Upsert),
            n => Err(format!("unknown conflict_mode {n}")),
        }
    }
}

/// `databasemigrateimport` (数据库导入): imports a file of cloud storage into a collection, as a
/// job (follow it with [`MigrateQueryInfo`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MigrateImport {
    /// The cloud environment id.
    pub env: String,
    /// The collection to import into.
    pub collection_name: String,
    /// The file's path in cloud storage.
    pub file_path: String,
    /// The file's format.
    pub file_type: FileType,
    /// Whether the first failing document stops the import.
    pub stop_on_error: bool,
    /// What to do with a document whose `_id` exists.
    pub conflict_mode: ConflictMode,
}

/// `databasemigrateexport` (数据库导出): exports what a statement selects to a file of cloud
/// storage, as a job (follow it with [`MigrateQueryInfo`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MigrateExport {
    /// The cloud environment id.
    pub env: String,
    /// The file's path in cloud storage.
    pub file_path: String,
    /// The file's format.
    pub file_type: FileType,
    /// The statement selecting the documents (`db.collection("t").where({}).get()`).
    pub query: String,
}

/// The answer of `databasemigrateimport` and `databasemigrateexport`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MigrateJob {
    /// The job's id.
    #[serde(default)]
    pub job_id: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `databasemigratequeryinfo` (数据库迁移状态查询): the state of an import or export job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MigrateQueryInfo {
    /// The cloud environment id.
    pub env: String,
    /// The job's id.
    pub job_id: i64,
}

impl MigrateQueryInfo {
    /// The state of `job_id` in `env`.
    pub fn new(env: impl Into<String>, job_id: i64) -> Self {
        Self {
            env: env.into(),
            job_id,
        }
    }
}

/// The answer of `databasemigratequeryinfo`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MigrateInfo {
    /// `waiting`, `reading`, `writing`, `migrating`, `success` or `fail`.
    #[serde(default)]
    pub status: String,
    /// How many documents went through.
    #[serde(default)]
    pub record_success: i64,
    /// How many failed.
    #[serde(default)]
    pub record_fail: i64,
    /// Why it failed.
    #[serde(default)]
    pub err_msg: String,
    /// Where to download the exported file (exports only).
    #[serde(default)]
    pub file_url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

// ---------------------------------------------------------------------------------------------
// Indexes

/// One field of an index: its name and direction (`"1"` ascending, `"-1"` descending,
/// `"2dsphere"` geographic).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexKey {
    /// The field.
    pub name: String,
    /// The direction.
    pub direction: String,
}

/// An index to create.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreateIndex {
    /// The index's name.
    pub name: String,
    /// Whether its values are unique.
    pub unique: bool,
    /// Its fields.
    pub keys: Vec<IndexKey>,
}

/// An index to drop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DropIndex {
    /// The index's name.
    pub name: String,
}

/// `updateindex` (变更数据库索引): creates and drops indexes of a collection.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdateIndex {
    /// The cloud environment id.
    pub env: String,
    /// The collection.
    pub collection_name: String,
    /// Indexes to create.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub create_indexes: Vec<CreateIndex>,
    /// Indexes to drop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drop_indexes: Vec<DropIndex>,
}

// ---------------------------------------------------------------------------------------------
// Files

/// `uploadfile` (获取文件上传链接): the authorization to upload one file to cloud storage at
/// `path` (the file itself is then POSTed to [`UploadAuthorization::url`] as a form).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UploadFile {
    /// The cloud environment id.
    pub env: String,
    /// The path of the file to be.
    pub path: String,
}

impl UploadFile {
    /// Asks to upload a file to `path` of `env`.
    pub fn new(env: impl Into<String>, path: impl Into<String>) -> Self {
        Self {
            env: env.into(),
            path: path.into(),
        }
    }
}

/// The answer of `uploadfile`: where and how to upload. The form sent to `url` carries `key`
/// (the path), `Signature` (`authorization`), `x-cos-security-token` (`token`),
/// `x-cos-meta-fileid` (`cos_file_id`) and `file`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadAuthorization {
    /// Where to upload.
    #[serde(default)]
    pub url: String,
    /// The security token (a credential: redacted in `Debug` and when serialized).
    #[serde(default)]
    pub token: Secret,
    /// The signature (a credential: redacted in `Debug` and when serialized).
    #[serde(default)]
    pub authorization: Secret,
    /// The file's id once uploaded (`cloud://...`).
    #[serde(default)]
    pub file_id: String,
    /// The file's id in object storage.
    #[serde(default)]
    pub cos_file_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// A file to get a download link for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DownloadFile {
    /// The file's id (`cloud://...`).
    pub fileid: String,
    /// How long the link lives, seconds.
    pub max_age: u32,
}

/// `batchdownloadfile` (获取文件下载链接): temporary download links of files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchDownloadFile {
    /// The cloud environment id.
    pub env: String,
    /// The files (at most 50).
    pub file_list: Vec<DownloadFile>,
}

/// A file's download link.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DownloadLink {
    /// The file's id.
    #[serde(default)]
    pub fileid: String,
    /// The link.
    #[serde(default)]
    pub download_url: String,
    /// `0` when the link could be made.
    #[serde(default)]
    pub status: i64,
    /// Why not.
    #[serde(default)]
    pub errmsg: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `batchdownloadfile`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DownloadLinks {
    /// One link a file.
    #[serde(default)]
    pub file_list: Vec<DownloadLink>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// `batchdeletefile` (删除文件): deletes files from cloud storage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchDeleteFile {
    /// The cloud environment id.
    pub env: String,
    /// The files' ids.
    pub fileid_list: Vec<String>,
}

/// A file's deletion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeletedFile {
    /// The file's id.
    #[serde(default)]
    pub fileid: String,
    /// `0` when it was deleted.
    #[serde(default)]
    pub status: i64,
    /// Why not.
    #[serde(default)]
    pub errmsg: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

/// The answer of `batchdeletefile`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeletedFiles {
    /// One result a file.
    #[serde(default)]
    pub delete_list: Vec<DeletedFile>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`]).
    #[serde(flatten)]
    pub extra: Extra,
}

crate::endpoint! {
    area: "miniprogram";
    InvokeCloudFunction => CloudFunctionResult {
        POST Api "/tcb/invokecloudfunction",
        auth: AccessToken, repeat: Never,
        query: |r| Ok(vec![("env".into(), r.env.clone()), ("name".into(), r.name.clone())]),
        body: InvokeCloudFunction::raw_body,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/functions/invokeCloudFunction.html",
    }
    AddCollection => Ack {
        POST Api "/tcb/databasecollectionadd",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseCollectionAdd.html",
    }
    DeleteCollection => Ack {
        POST Api "/tcb/databasecollectiondelete",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseCollectionDelete.html",
    }
    GetCollections => Collections {
        POST Api "/tcb/databasecollectionget",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseCollectionGet.html",
    }
    DatabaseAdd => AddedDocuments {
        POST Api "/tcb/databaseadd",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseAdd.html",
    }
    DatabaseDelete => DeletedDocuments {
        POST Api "/tcb/databasedelete",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseDelete.html",
    }
    DatabaseUpdate => UpdatedDocuments {
        POST Api "/tcb/databaseupdate",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseUpdate.html",
    }
    DatabaseQuery => QueriedDocuments {
        POST Api "/tcb/databasequery",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseQuery.html",
    }
    DatabaseCount => DocumentCount {
        POST Api "/tcb/databasecount",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseCount.html",
    }
    MigrateImport => MigrateJob {
        POST Api "/tcb/databasemigrateimport",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseMigrateImport.html",
    }
    MigrateExport => MigrateJob {
        POST Api "/tcb/databasemigrateexport",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseMigrateExport.html",
    }
    MigrateQueryInfo => MigrateInfo {
        POST Api "/tcb/databasemigratequeryinfo",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/databaseMigrateQueryInfo.html",
    }
    UpdateIndex => Ack {
        POST Api "/tcb/updateindex",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/database/updateIndex.html",
    }
    UploadFile => UploadAuthorization {
        POST Api "/tcb/uploadfile",
        auth: AccessToken, repeat: Safe,
        sensitive: true,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/storage/uploadFile.html",
    }
    BatchDownloadFile => DownloadLinks {
        POST Api "/tcb/batchdownloadfile",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/storage/batchDownloadFile.html",
    }
    BatchDeleteFile => DeletedFiles {
        POST Api "/tcb/batchdeletefile",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/wxcloud/reference-http-api/storage/batchDeleteFile.html",
    }
}
