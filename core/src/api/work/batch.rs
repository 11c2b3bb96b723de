//! Asynchronous contact jobs (异步批量接口): invite, sync or replace members and departments, job results.

use serde::{Deserialize, Serialize};

use crate::lenient;
use crate::secret::Secret;

/// `batch/invite` (邀请成员): invites members (by SMS or email) to start using WeCom. Never
/// retried automatically.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InviteMembers {
    /// UserIDs, at most 1000.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user: Vec<String>,
    /// Department ids, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub party: Vec<u64>,
    /// Tag ids, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tag: Vec<u64>,
}

impl InviteMembers {
    /// Invites these members.
    pub fn users<I: IntoIterator<Item = impl Into<String>>>(userids: I) -> Self {
        Self {
            user: userids.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }
}

/// What [`InviteMembers`] answers: whom WeCom could not invite.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InviteResult {
    /// Invalid UserIDs.
    #[serde(default)]
    pub invaliduser: Vec<String>,
    /// Invalid department ids.
    #[serde(default)]
    pub invalidparty: Vec<u64>,
    /// Invalid tag ids.
    #[serde(default)]
    pub invalidtag: Vec<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Where WeCom posts the `batch_job_result` event once a job is done: the app's callback
/// settings. The token and key are secrets: `Debug` prints neither.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct JobCallback {
    /// The callback URL.
    pub url: String,
    /// The callback token.
    #[serde(serialize_with = "crate::secret::expose")]
    pub token: Secret,
    /// The callback EncodingAESKey.
    #[serde(serialize_with = "crate::secret::expose")]
    pub encodingaeskey: Secret,
}

/// `batch/syncuser` (增量更新成员): adds and updates the members of an uploaded CSV file (a
/// `media_id` from the file upload); others are left alone. Never retried automatically.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SyncUsers {
    /// The CSV file's `media_id`.
    pub media_id: String,
    /// Whether to invite the new members (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_invite: Option<bool>,
    /// Where to announce the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback: Option<JobCallback>,
}

impl SyncUsers {
    /// Syncs the members of the file `media_id`.
    pub fn new(media_id: impl Into<String>) -> Self {
        Self {
            media_id: media_id.into(),
            ..Self::default()
        }
    }
}

/// `batch/replaceuser` (全量覆盖成员): makes the members exactly those of an uploaded CSV file:
/// members not in it are disabled or deleted. Never retried automatically.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReplaceUsers {
    /// The CSV file's `media_id`.
    pub media_id: String,
    /// Whether to invite the new members (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_invite: Option<bool>,
    /// Where to announce the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback: Option<JobCallback>,
}

impl ReplaceUsers {
    /// Replaces the members with those of the file `media_id`.
    pub fn new(media_id: impl Into<String>) -> Self {
        Self {
            media_id: media_id.into(),
            ..Self::default()
        }
    }
}

/// `batch/replaceparty` (全量覆盖部门): makes the departments exactly those of an uploaded CSV
/// file. Never retried automatically.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReplaceDepartments {
    /// The CSV file's `media_id`.
    pub media_id: String,
    /// Where to announce the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback: Option<JobCallback>,
}

impl ReplaceDepartments {
    /// Replaces the departments with those of the file `media_id`.
    pub fn new(media_id: impl Into<String>) -> Self {
        Self {
            media_id: media_id.into(),
            callback: None,
        }
    }
}

/// What the job-starting calls answer: the job to ask [`GetBatchResult`] about.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchJob {
    /// The job id, at most 64 bytes.
    #[serde(default)]
    pub jobid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `batch/getresult` (获取异步任务结果): a job's progress and, once done, its results.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetBatchResult {
    /// The job id.
    pub jobid: String,
}

impl GetBatchResult {
    /// The result of job `jobid`.
    pub fn new(jobid: impl Into<String>) -> Self {
        Self {
            jobid: jobid.into(),
        }
    }
}

/// What [`GetBatchResult`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchResult {
    /// `1` started, `2` running, `3` done.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub status: u64,
    /// `sync_user`, `replace_user`, `invite_user` or `replace_party`.
    #[serde(rename = "type", default)]
    pub job_type: String,
    /// How many rows the job has.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub total: u64,
    /// How far it is, 100 when done.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub percentage: u64,
    /// One result per row, once the job is done.
    #[serde(default)]
    pub result: Vec<BatchResultItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl BatchResult {
    /// True once the job is done.
    pub fn is_done(&self) -> bool {
        self.status == 3
    }
}

/// The result of one row of a job: a member's (`userid`) or a department's (`partyid`,
/// `action`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BatchResultItem {
    /// The member, for member jobs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
    /// For department jobs, what was done, bitwise: `1` created, `2` renamed, `4` moved, `8`
    /// reordered.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub action: Option<u64>,
    /// The department, for department jobs.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub partyid: Option<u64>,
    /// This row's error code, 0 when it succeeded.
    #[serde(default, deserialize_with = "lenient::opt_i64")]
    pub errcode: Option<i64>,
    /// This row's error message.
    #[serde(default)]
    pub errmsg: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl BatchResultItem {
    /// True when this row succeeded.
    pub fn is_ok(&self) -> bool {
        self.errcode.unwrap_or(0) == 0
    }
}

crate::endpoint! {
    area: "work";

    InviteMembers => InviteResult {
        POST Work "/cgi-bin/batch/invite",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/90975",
    }
    SyncUsers => BatchJob {
        POST Work "/cgi-bin/batch/syncuser",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/90980",
    }
    ReplaceUsers => BatchJob {
        POST Work "/cgi-bin/batch/replaceuser",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/90981",
    }
    ReplaceDepartments => BatchJob {
        POST Work "/cgi-bin/batch/replaceparty",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/90982",
    }
    GetBatchResult => BatchResult {
        GET Work "/cgi-bin/batch/getresult",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90983",
    }
}
