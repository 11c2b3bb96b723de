//! Linked corps (互联企业): the app's visible range and the members of linked corps.
//!
//! Ids here are paths across corps: members are `CORPID/USERID`, departments
//! `LINKEDID/DEPARTMENTID`.

use serde::{Deserialize, Serialize};

use super::user::ExtAttr;
use crate::lenient;

/// `linkedcorp/agent/get_perm_list` (获取应用的可见范围): the linked-corp members and
/// departments the app may see.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLinkedCorpPermList {}

/// What [`GetLinkedCorpPermList`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkedCorpPermList {
    /// Members, as `CORPID/USERID`.
    #[serde(default)]
    pub userids: Vec<String>,
    /// Departments, as `LINKEDID/DEPARTMENTID`.
    #[serde(default)]
    pub department_ids: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `linkedcorp/user/get` (获取互联企业成员详细信息): a linked corp's member.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetLinkedCorpUser {
    /// The member, as `CORPID/USERID`.
    pub userid: String,
}

impl GetLinkedCorpUser {
    /// The member `userid` (`CORPID/USERID`).
    pub fn new(userid: impl Into<String>) -> Self {
        Self {
            userid: userid.into(),
        }
    }
}

/// What [`GetLinkedCorpUser`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkedCorpUserDetail {
    /// The member.
    #[serde(default)]
    pub user_info: LinkedCorpMember,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A linked corp's member.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkedCorpMember {
    /// The UserID.
    #[serde(default)]
    pub userid: String,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// The departments, as `LINKEDID/DEPARTMENTID`.
    #[serde(default)]
    pub department: Vec<String>,
    /// The mobile number.
    #[serde(default)]
    pub mobile: String,
    /// The landline number.
    #[serde(default)]
    pub telephone: String,
    /// The email address.
    #[serde(default)]
    pub email: String,
    /// The position.
    #[serde(default)]
    pub position: String,
    /// The member's corp.
    #[serde(default)]
    pub corpid: String,
    /// The custom attributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extattr: Option<ExtAttr>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `linkedcorp/user/simplelist` (获取互联企业部门成员): a linked department's members in short.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListLinkedCorpSimpleUsers {
    /// The department, as `LINKEDID/DEPARTMENTID`.
    pub department_id: String,
    /// Whether to include the sub-departments' members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetch_child: Option<bool>,
}

impl ListLinkedCorpSimpleUsers {
    /// The members of `department_id` (`LINKEDID/DEPARTMENTID`).
    pub fn new(department_id: impl Into<String>) -> Self {
        Self {
            department_id: department_id.into(),
            fetch_child: None,
        }
    }
}

/// What [`ListLinkedCorpSimpleUsers`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkedCorpMemberSummaryList {
    /// The members.
    #[serde(default)]
    pub userlist: Vec<LinkedCorpMemberSummary>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A linked corp's member in short.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkedCorpMemberSummary {
    /// The UserID.
    #[serde(default)]
    pub userid: String,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// The departments, as `LINKEDID/DEPARTMENTID`.
    #[serde(default)]
    pub department: Vec<String>,
    /// The member's corp.
    #[serde(default)]
    pub corpid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `linkedcorp/user/list` (获取互联企业部门成员详情): a linked department's members in full.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListLinkedCorpUsers {
    /// The department, as `LINKEDID/DEPARTMENTID`.
    pub department_id: String,
    /// Whether to include the sub-departments' members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fetch_child: Option<bool>,
}

impl ListLinkedCorpUsers {
    /// The members of `department_id` (`LINKEDID/DEPARTMENTID`).
    pub fn new(department_id: impl Into<String>) -> Self {
        Self {
            department_id: department_id.into(),
            fetch_child: None,
        }
    }
}

/// What [`ListLinkedCorpUsers`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkedCorpMemberList {
    /// The members.
    #[serde(default)]
    pub userlist: Vec<LinkedCorpMember>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `linkedcorp/department/list` (获取互联企业部门列表): a linked department and those below it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListLinkedCorpDepartments {
    /// The department, as `LINKEDID/DEPARTMENTID`.
    pub department_id: String,
}

impl ListLinkedCorpDepartments {
    /// The departments from `department_id` (`LINKEDID/DEPARTMENTID`).
    pub fn new(department_id: impl Into<String>) -> Self {
        Self {
            department_id: department_id.into(),
        }
    }
}

/// What [`ListLinkedCorpDepartments`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkedCorpDepartmentList {
    /// The departments.
    #[serde(default)]
    pub department_list: Vec<LinkedCorpDepartment>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A linked corp's department.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LinkedCorpDepartment {
    /// Its id in its corp (WeCom sends it as text).
    #[serde(default, deserialize_with = "lenient::text")]
    pub department_id: String,
    /// Its name.
    #[serde(default)]
    pub department_name: String,
    /// The parent department's id (text).
    #[serde(default, deserialize_with = "lenient::text")]
    pub parentid: String,
    /// The order among its siblings.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub order: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    GetLinkedCorpPermList => LinkedCorpPermList {
        POST Work "/cgi-bin/linkedcorp/agent/get_perm_list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93172",
    }
    GetLinkedCorpUser => LinkedCorpUserDetail {
        POST Work "/cgi-bin/linkedcorp/user/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93171",
    }
    ListLinkedCorpSimpleUsers => LinkedCorpMemberSummaryList {
        POST Work "/cgi-bin/linkedcorp/user/simplelist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93168",
    }
    ListLinkedCorpUsers => LinkedCorpMemberList {
        POST Work "/cgi-bin/linkedcorp/user/list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93169",
    }
    ListLinkedCorpDepartments => LinkedCorpDepartmentList {
        POST Work "/cgi-bin/linkedcorp/department/list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93170",
    }
}
