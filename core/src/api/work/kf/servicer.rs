//! Servicers (接待人员): add, delete, list.

use serde::{Deserialize, Serialize};

use crate::lenient;

/// `kf/servicer/add` (添加接待人员): makes members (up to 100) or departments (up to 20)
/// servicers of an account. Each one is answered in `result_list`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddKfServicers {
    /// The account's id.
    pub open_kfid: String,
    /// The members' UserIDs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub userid_list: Vec<String>,
    /// The departments' ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub department_id_list: Vec<u64>,
}

impl AddKfServicers {
    /// Adds these members to `open_kfid`.
    pub fn users<I: IntoIterator<Item = impl Into<String>>>(
        open_kfid: impl Into<String>,
        userids: I,
    ) -> Self {
        Self {
            open_kfid: open_kfid.into(),
            userid_list: userids.into_iter().map(Into::into).collect(),
            department_id_list: Vec::new(),
        }
    }

    /// Adds these departments too.
    pub fn departments(mut self, ids: impl IntoIterator<Item = u64>) -> Self {
        self.department_id_list.extend(ids);
        self
    }
}

/// `kf/servicer/del` (删除接待人员): removes members or departments from an account's
/// servicers. Each one is answered in `result_list`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DelKfServicers {
    /// The account's id.
    pub open_kfid: String,
    /// The members' UserIDs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub userid_list: Vec<String>,
    /// The departments' ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub department_id_list: Vec<u64>,
}

impl DelKfServicers {
    /// Removes these members from `open_kfid`.
    pub fn users<I: IntoIterator<Item = impl Into<String>>>(
        open_kfid: impl Into<String>,
        userids: I,
    ) -> Self {
        Self {
            open_kfid: open_kfid.into(),
            userid_list: userids.into_iter().map(Into::into).collect(),
            department_id_list: Vec::new(),
        }
    }

    /// Removes these departments too.
    pub fn departments(mut self, ids: impl IntoIterator<Item = u64>) -> Self {
        self.department_id_list.extend(ids);
        self
    }
}

/// What [`AddKfServicers`] and [`DelKfServicers`] answer: one result per member or department.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfServicerResults {
    /// The results.
    #[serde(default)]
    pub result_list: Vec<KfServicerResult>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// How adding or removing one member or department went.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfServicerResult {
    /// The member, when this result is a member's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
    /// The department, when this result is a department's.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub department_id: Option<u64>,
    /// `0` when it worked.
    #[serde(default)]
    pub errcode: i64,
    /// What happened (`success`, `ignored`, ...).
    #[serde(default)]
    pub errmsg: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `kf/servicer/list` (获取接待人员列表): an account's servicers, members and departments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListKfServicers {
    /// The account's id.
    pub open_kfid: String,
}

impl ListKfServicers {
    /// The servicers of `open_kfid`.
    pub fn new(open_kfid: impl Into<String>) -> Self {
        Self {
            open_kfid: open_kfid.into(),
        }
    }
}

/// What [`ListKfServicers`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfServicerList {
    /// The servicers.
    #[serde(default)]
    pub servicer_list: Vec<KfServicer>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A servicer: a member (with its reception status) or a department.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfServicer {
    /// The member's UserID, for a member.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub userid: Option<String>,
    /// `0` receiving, `1` stopped (members only).
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub status: Option<u64>,
    /// When stopped: `0` stopped, `1` on leave (members only).
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub stop_type: Option<u64>,
    /// The department's id, for a department.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub department_id: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    AddKfServicers => KfServicerResults {
        POST Work "/cgi-bin/kf/servicer/add",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94646",
    }
    DelKfServicers => KfServicerResults {
        POST Work "/cgi-bin/kf/servicer/del",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94647",
    }
    ListKfServicers => KfServicerList {
        GET Work "/cgi-bin/kf/servicer/list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94645",
    }
}
