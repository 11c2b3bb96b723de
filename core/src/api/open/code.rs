//! Mini Program code management for an authorizer (代码管理): upload a template's code, preview
//! it, submit it for audit, follow the audit (or its `weapp_audit_success` / `weapp_audit_fail`
//! push, [`WeappAuditEvent`](crate::callback::WeappAuditEvent)), release, roll back, phase in,
//! and open or close the Mini Program to visits. Called with the authorizer's token.

use serde::{Deserialize, Serialize};

use crate::endpoint::{Ack, Binary};

#[cfg(test)]
const DOCS: &str =
    "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/";

/// `wxa/commit` (commitCode, 上传代码并生成体验版): uploads the code of a template of the
/// platform's template library as the Mini Program's trial version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CommitCode {
    /// The template's id in the platform's template library.
    pub template_id: String,
    /// The `ext.json` configuration, as a JSON string.
    pub ext_json: String,
    /// The version name the developer gives.
    pub user_version: String,
    /// The version description.
    pub user_desc: String,
}

/// `wxa/get_page` (getCodePage, 获取已上传的代码页面列表): the pages of the uploaded code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetCodePage {}

/// What [`GetCodePage`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CodePages {
    /// The page paths.
    pub page_list: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `wxa/get_qrcode` (getTrialQRCode, 获取体验版二维码): the trial version's QR code image; an
/// `errcode` JSON instead of an image is an error.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetTrialQrCode {
    /// The page to open, with its query (`page/index?action=1`), percent-encoded on the wire;
    /// the home page when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// One page submitted for audit with its category.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuditItem {
    /// The page path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Tags, space-separated (up to 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
    /// First-level category name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_class: Option<String>,
    /// Second-level category name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_class: Option<String>,
    /// Third-level category name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third_class: Option<String>,
    /// First-level category id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_id: Option<i64>,
    /// Second-level category id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub second_id: Option<i64>,
    /// Third-level category id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub third_id: Option<i64>,
    /// The page's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// `wxa/submit_audit` (submitAudit, 提交代码审核): submits the uploaded code for audit. The
/// result comes as a `weapp_audit_success` / `weapp_audit_fail` push, or from
/// [`GetAuditStatus`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SubmitAudit {
    /// The pages and their categories (optional: WeChat fills them in from the code).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item_list: Vec<AuditItem>,
    /// Preview videos and screenshots (`video_id_list`, `pic_id_list`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preview_info: Option<serde_json::Value>,
    /// A note to the auditors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version_desc: Option<String>,
    /// Feedback for the auditors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_info: Option<String>,
    /// Feedback media ids, `|`-separated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_stuff: Option<String>,
    /// User-generated content declaration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ugc_declare: Option<serde_json::Value>,
    /// True when the code calls none of the privacy APIs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_api_not_use: Option<bool>,
    /// The order center page path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_path: Option<String>,
}

/// What [`SubmitAudit`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditSubmitted {
    /// The audit's id.
    pub auditid: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `wxa/get_auditstatus` (getAuditStatus, 查询审核单状态): the state of one audit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetAuditStatus {
    /// The audit's id, from [`SubmitAudit`].
    pub auditid: i64,
}

/// The state of an audit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AuditStatus {
    /// The audit's id ([`GetLatestAuditStatus`] only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auditid: Option<i64>,
    /// 0 approved, 1 rejected, 2 in audit, 3 withdrawn, 4 delayed.
    pub status: i64,
    /// Why it was rejected.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Rejection screenshots, media ids `|`-separated ([`GetAuditStatus`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub screenshot: Option<String>,
    /// Rejection screenshots, media ids `|`-separated ([`GetLatestAuditStatus`]).
    #[serde(rename = "ScreenShot", skip_serializing_if = "Option::is_none")]
    pub screen_shot: Option<String>,
    /// The version audited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_version: Option<String>,
    /// Its description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_desc: Option<String>,
    /// When it was submitted, Unix seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub submit_audit_time: Option<i64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `wxa/get_latest_auditstatus` (getLatestAuditStatus, 查询最新一次审核单状态): the state of
/// the latest audit.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLatestAuditStatus {}

/// `wxa/release` (release, 发布已通过审核的小程序): releases the approved version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReleaseCode {}

/// `wxa/revertcoderelease` (revertCodeRelease, 小程序版本回退): rolls the release back to the
/// previous version (or to `app_version`, one of the versions listed by
/// `action=get_history_version`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RevertCodeRelease {
    /// `get_history_version` to list the versions one may roll back to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The version to roll back to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_version: Option<String>,
}

/// `wxa/grayrelease` (grayRelease, 分阶段发布): releases the approved version to a share of
/// users first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GrayRelease {
    /// The share of users, 1 to 100.
    pub gray_percentage: u32,
    /// Debuggers get it first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_debuger_first: Option<bool>,
    /// Trial members get it first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_experiencer_first: Option<bool>,
}

/// `wxa/change_visitstatus` (setVisitStatus, 设置小程序服务状态): `close` makes the Mini
/// Program unreachable to users, `open` reachable again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeVisitStatus {
    /// `open` or `close`.
    pub action: String,
}

crate::endpoint! {
    area: "openplatform";

    CommitCode => Ack {
        POST Api "/wxa/commit",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/commit.html",
    }
    GetCodePage => CodePages {
        GET Api "/wxa/get_page",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/get_page.html",
    }
    GetTrialQrCode => Binary {
        GET Api "/wxa/get_qrcode",
        auth: AccessToken, repeat: Safe,
        envelope: Binary,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/get_qrcode.html",
    }
    SubmitAudit => AuditSubmitted {
        POST Api "/wxa/submit_audit",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/submit_audit.html",
    }
    GetAuditStatus => AuditStatus {
        POST Api "/wxa/get_auditstatus",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/get_auditstatus.html",
    }
    GetLatestAuditStatus => AuditStatus {
        GET Api "/wxa/get_latest_auditstatus",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/get_latest_auditstatus.html",
    }
    ReleaseCode => Ack {
        POST Api "/wxa/release",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/release.html",
    }
    RevertCodeRelease => Ack {
        GET Api "/wxa/revertcoderelease",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/revertcoderelease.html",
    }
    GrayRelease => Ack {
        POST Api "/wxa/grayrelease",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/grayrelease.html",
    }
    ChangeVisitStatus => Ack {
        POST Api "/wxa/change_visitstatus",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/change_visitstatus.html",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn documents_live_under_one_folder() {
        for e in super::CATALOG {
            assert!(e.meta.doc.starts_with(super::DOCS), "{}", e.meta.name);
        }
    }
}
