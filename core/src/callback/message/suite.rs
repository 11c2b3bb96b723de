//! WeCom third-party suite pushes to the instruction URL, by `InfoType`: the suite ticket
//! and authorization changes.

use serde::{Deserialize, Serialize};

use super::redacted;
use crate::Secret;
use crate::lenient;

/// `suite_ticket`, pushed every 10 minutes: store it for the suite token flow.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SuiteTicket {
    /// The suite id.
    pub suite_id: String,
    /// Unix seconds.
    #[serde(deserialize_with = "lenient::u64")]
    pub time_stamp: u64,
    /// The ticket (a secret; serialized as `[redacted]`).
    #[serde(serialize_with = "redacted")]
    pub suite_ticket: Secret,
}

/// An installation change: `create_auth` (a corp installed the suite: `auth_code` for
/// `get_permanent_code`, and the install link's `state`), `change_auth` (the corp changed what
/// it granted: `auth_corp_id`, `state`, `extra_info`), `cancel_auth` (the corp removed the
/// suite: `auth_corp_id`; its permanent code stops working), `reset_permanent_code` (a new
/// `auth_code` to exchange for a new permanent code).
///
/// <https://developer.work.weixin.qq.com/document/path/90642>
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SuiteAuthEvent {
    /// The suite id.
    pub suite_id: String,
    /// Unix seconds.
    #[serde(deserialize_with = "lenient::u64")]
    pub time_stamp: u64,
    /// Temporary auth code (`create_auth`, `reset_permanent_code`), for `get_permanent_code`.
    pub auth_code: Option<String>,
    /// The authorizing corp (`change_auth`, `cancel_auth`).
    pub auth_corp_id: Option<String>,
    /// The `state` of the install link.
    pub state: Option<String>,
    /// Extra information.
    pub extra_info: Option<String>,
}

info_header!(SuiteTicket: suite_id, time_stamp);
info_header!(SuiteAuthEvent: suite_id, time_stamp);

push_enum! {
    /// A push to a WeCom third-party suite's instruction URL, by `InfoType`.
    pub enum SuiteEvent by "InfoType" {
        /// `suite_ticket`.
        Ticket(SuiteTicket) = "suite_ticket",
        /// `create_auth`.
        CreateAuth(SuiteAuthEvent) = "create_auth",
        /// `change_auth`.
        ChangeAuth(SuiteAuthEvent) = "change_auth",
        /// `cancel_auth`.
        CancelAuth(SuiteAuthEvent) = "cancel_auth",
        /// `reset_permanent_code`.
        ResetPermanentCode(SuiteAuthEvent) = "reset_permanent_code",
    }
    /// The `InfoType`.
    fn info_type;
}

impl SuiteEvent {
    /// The suite the push is for.
    pub fn suite_id(&self) -> Option<&str> {
        match self {
            SuiteEvent::Ticket(t) => Some(&t.suite_id),
            SuiteEvent::CreateAuth(e)
            | SuiteEvent::ChangeAuth(e)
            | SuiteEvent::CancelAuth(e)
            | SuiteEvent::ResetPermanentCode(e) => Some(&e.suite_id),
            _ => None,
        }
    }

    /// The corp an installation change is about (`change_auth`, `cancel_auth`).
    pub fn auth_corp_id(&self) -> Option<&str> {
        match self {
            SuiteEvent::CreateAuth(e)
            | SuiteEvent::ChangeAuth(e)
            | SuiteEvent::CancelAuth(e)
            | SuiteEvent::ResetPermanentCode(e) => e.auth_corp_id.as_deref(),
            _ => None,
        }
    }

    /// The one-shot code to exchange for the corp's permanent code (`create_auth`,
    /// `reset_permanent_code`).
    pub fn auth_code(&self) -> Option<&str> {
        match self {
            SuiteEvent::CreateAuth(e) | SuiteEvent::ResetPermanentCode(e) => e.auth_code.as_deref(),
            _ => None,
        }
    }
}
