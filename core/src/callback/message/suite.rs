//! WeCom third-party suite pushes to the instruction URL, by `InfoType`: the suite ticket
//! and authorization changes.

use serde::{Deserialize, Serialize};

use super::{RawFields, raw_str, redacted};
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

/// `create_auth`, `change_auth`, `cancel_auth`, `reset_permanent_code`.
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

/// A push to a WeCom third-party suite's instruction URL, by `InfoType`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SuiteEvent {
    /// `suite_ticket`.
    Ticket(SuiteTicket),
    /// `create_auth`.
    CreateAuth(SuiteAuthEvent),
    /// `change_auth`.
    ChangeAuth(SuiteAuthEvent),
    /// `cancel_auth`.
    CancelAuth(SuiteAuthEvent),
    /// `reset_permanent_code`.
    ResetPermanentCode(SuiteAuthEvent),
    /// Another `InfoType`, every raw field kept.
    Unknown(RawFields),
}

impl SuiteEvent {
    /// The `InfoType`.
    pub fn info_type(&self) -> &str {
        match self {
            Self::Ticket(_) => "suite_ticket",
            Self::CreateAuth(_) => "create_auth",
            Self::ChangeAuth(_) => "change_auth",
            Self::CancelAuth(_) => "cancel_auth",
            Self::ResetPermanentCode(_) => "reset_permanent_code",
            Self::Unknown(raw) => raw_str(raw, "InfoType"),
        }
    }
}
