//! Departments (部门管理).

use serde::{Deserialize, Serialize};

use crate::endpoint::Ack;
use crate::lenient;

/// `department/create` (创建部门): a new department under `parentid`. Never retried
/// automatically.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateDepartment {
    /// The name, 1 to 32 characters, none of `\:*?"<>|`.
    pub name: String,
    /// The English name (with multi-language support enabled).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The parent department.
    pub parentid: u64,
    /// The order among its siblings; larger comes first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u64>,
    /// The id to give it (above 1); WeCom picks one when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
}

impl CreateDepartment {
    /// A department `name` under `parentid`.
    pub fn new(name: impl Into<String>, parentid: u64) -> Self {
        Self {
            name: name.into(),
            parentid,
            ..Self::default()
        }
    }
}

/// What [`CreateDepartment`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreatedDepartment {
    /// The new department's id.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub id: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `department/update` (更新部门): changes the fields given (moving it with `parentid`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateDepartment {
    /// The department.
    pub id: u64,
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The new English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// The new parent department.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parentid: Option<u64>,
    /// The new order among its siblings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u64>,
}

impl UpdateDepartment {
    /// An update of department `id` that changes nothing yet.
    pub fn new(id: u64) -> Self {
        Self {
            id,
            ..Self::default()
        }
    }

    /// Renames it.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}

/// `department/delete` (删除部门): deletes a department without members or sub-departments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteDepartment {
    /// The department.
    pub id: u64,
}

/// `department/list` (获取部门列表): a department and all below it, in full (the whole corp
/// without `id`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDepartments {
    /// The department to start from; the whole organization when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
}

/// What [`ListDepartments`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DepartmentList {
    /// The departments.
    #[serde(default)]
    pub department: Vec<Department>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A department.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Department {
    /// Its id.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub id: u64,
    /// Its name (for apps allowed to see it).
    #[serde(default)]
    pub name: String,
    /// Its English name.
    #[serde(default)]
    pub name_en: String,
    /// The UserIDs of its leaders.
    #[serde(default)]
    pub department_leader: Vec<String>,
    /// The parent department; the root's is 0.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub parentid: u64,
    /// The order among its siblings.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub order: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `department/simplelist` (获取子部门ID列表): the ids of a department and all below it (the
/// whole corp without `id`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListDepartmentIds {
    /// The department to start from; the whole organization when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
}

/// What [`ListDepartmentIds`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DepartmentIdList {
    /// The departments.
    #[serde(default)]
    pub department_id: Vec<DepartmentNode>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A department's place in the tree.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DepartmentNode {
    /// Its id.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub id: u64,
    /// The parent department.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub parentid: u64,
    /// The order among its siblings.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub order: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `department/get` (获取单个部门详情): one department.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetDepartment {
    /// The department.
    pub id: u64,
}

/// What [`GetDepartment`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DepartmentDetail {
    /// The department.
    #[serde(default)]
    pub department: Department,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    CreateDepartment => CreatedDepartment {
        POST Work "/cgi-bin/department/create",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/90205",
    }
    UpdateDepartment => Ack {
        POST Work "/cgi-bin/department/update",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90206",
    }
    DeleteDepartment => Ack {
        GET Work "/cgi-bin/department/delete",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90207",
    }
    ListDepartments => DepartmentList {
        GET Work "/cgi-bin/department/list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90208",
    }
    ListDepartmentIds => DepartmentIdList {
        GET Work "/cgi-bin/department/simplelist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95350",
    }
    GetDepartment => DepartmentDetail {
        GET Work "/cgi-bin/department/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95351",
    }
}
