//! Open Platform component (third-party platform) pushes, by `InfoType`: the verify
//! ticket, authorization changes and fast registration results.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::redacted;
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

/// The result of a Mini Program registration: `notify_third_fasteregister` (fast registration),
/// `notify_third_fastregisterbetaapp` (a trial Mini Program created; `info` holds its
/// `unique_id`) or `notify_third_fastverifybetaapp` (a trial Mini Program verified).
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

info_header!(ComponentVerifyTicket: app_id, create_time);
info_header!(AuthorizationEvent: app_id, create_time);
info_header!(FastRegisterEvent: component_app_id, create_time);

push_enum! {
    /// A push to an Open Platform component (third-party platform), by `InfoType`.
    pub enum ComponentEvent by "InfoType" {
        /// `component_verify_ticket`.
        VerifyTicket(ComponentVerifyTicket) = "component_verify_ticket",
        /// `authorized`.
        Authorized(AuthorizationEvent) = "authorized",
        /// `updateauthorized`.
        UpdateAuthorized(AuthorizationEvent) = "updateauthorized",
        /// `unauthorized`.
        Unauthorized(AuthorizationEvent) = "unauthorized",
        /// `notify_third_fasteregister`.
        FastRegister(FastRegisterEvent) = "notify_third_fasteregister",
        /// `notify_third_fastregisterbetaapp`.
        FastRegisterBeta(FastRegisterEvent) = "notify_third_fastregisterbetaapp",
        /// `notify_third_fastverifybetaapp`.
        FastVerifyBeta(FastRegisterEvent) = "notify_third_fastverifybetaapp",
    }
    /// The `InfoType`.
    fn info_type;
}
