//! Open Platform component (third-party platform) pushes, by `InfoType`: the verify
//! ticket, authorization changes and fast registration results.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{RawFields, raw_str, redacted};
use crate::Secret;
use crate::lenient;

/// `component_verify_ticket`, pushed every 10 minutes: store it for the component token flow.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ComponentVerifyTicket {
    /// The component (third-party platform) app id.
    pub app_id: String,
    /// Unix seconds.
    #[serde(deserialize_with = "lenient::u64")]
    pub create_time: u64,
    /// The ticket (a secret; serialized as `[redacted]`).
    #[serde(serialize_with = "redacted")]
    pub component_verify_ticket: Secret,
}

/// `authorized`, `updateauthorized`, `unauthorized`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct AuthorizationEvent {
    /// The component app id.
    pub app_id: String,
    /// Unix seconds.
    #[serde(deserialize_with = "lenient::u64")]
    pub create_time: u64,
    /// The authorizer's app id.
    pub authorizer_appid: String,
    /// Authorization code, for `api_query_auth`.
    pub authorization_code: Option<String>,
    /// Code expiry (Unix seconds).
    #[serde(deserialize_with = "lenient::opt_u64")]
    pub authorization_code_expired_time: Option<u64>,
    /// The pre-auth code used.
    pub pre_auth_code: Option<String>,
}

/// `notify_third_fasteregister`: result of a fast Mini Program registration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FastRegisterEvent {
    /// The component app id.
    #[serde(rename = "AppId")]
    pub component_app_id: String,
    /// Unix seconds.
    #[serde(rename = "CreateTime", deserialize_with = "lenient::u64")]
    pub create_time: u64,
    /// The new Mini Program's app id.
    pub appid: Option<String>,
    /// 0 success, otherwise an error code.
    pub status: i64,
    /// Authorization code for the new Mini Program.
    pub auth_code: Option<String>,
    /// Message.
    pub msg: Option<String>,
    /// The submitted company information, as sent.
    pub info: Option<Value>,
}

/// A push to an Open Platform component (third-party platform), by `InfoType`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ComponentEvent {
    /// `component_verify_ticket`.
    VerifyTicket(ComponentVerifyTicket),
    /// `authorized`.
    Authorized(AuthorizationEvent),
    /// `updateauthorized`.
    UpdateAuthorized(AuthorizationEvent),
    /// `unauthorized`.
    Unauthorized(AuthorizationEvent),
    /// `notify_third_fasteregister`.
    FastRegister(FastRegisterEvent),
    /// Another `InfoType`, every raw field kept.
    Unknown(RawFields),
}

impl ComponentEvent {
    /// The `InfoType`.
    pub fn info_type(&self) -> &str {
        match self {
            Self::VerifyTicket(_) => "component_verify_ticket",
            Self::Authorized(_) => "authorized",
            Self::UpdateAuthorized(_) => "updateauthorized",
            Self::Unauthorized(_) => "unauthorized",
            Self::FastRegister(_) => "notify_third_fasteregister",
            Self::Unknown(raw) => raw_str(raw, "InfoType"),
        }
    }
}
