//! Session state (会话分配与消息收发): get and transfer.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A session's state. Values WeCom adds later are kept in [`KfServiceState::Other`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum KfServiceState {
    /// `0`: not handled yet (未处理).
    #[default]
    Untreated,
    /// `1`: handled by the smart assistant (由智能助手接待).
    SmartAssistant,
    /// `2`: queued in the waiting pool (待接入池排队中).
    Queued,
    /// `3`: handled by a servicer (由人工接待).
    Servicer,
    /// `4`: ended, or not started (已结束/未开始).
    Ended,
    /// Any other value, as sent.
    Other(u64),
}

impl KfServiceState {
    /// The number WeCom uses.
    pub fn code(self) -> u64 {
        match self {
            KfServiceState::Untreated => 0,
            KfServiceState::SmartAssistant => 1,
            KfServiceState::Queued => 2,
            KfServiceState::Servicer => 3,
            KfServiceState::Ended => 4,
            KfServiceState::Other(n) => n,
        }
    }
}

impl From<u64> for KfServiceState {
    fn from(n: u64) -> Self {
        match n {
            0 => KfServiceState::Untreated,
            1 => KfServiceState::SmartAssistant,
            2 => KfServiceState::Queued,
            3 => KfServiceState::Servicer,
            4 => KfServiceState::Ended,
            n => KfServiceState::Other(n),
        }
    }
}

impl Serialize for KfServiceState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.code())
    }
}

impl<'de> Deserialize<'de> for KfServiceState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::lenient::u64(d).map(Self::from)
    }
}

/// `kf/service_state/get` (获取会话状态): the state of a customer's session with an account,
/// and the servicer handling it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetKfServiceState {
    /// The account's id.
    pub open_kfid: String,
    /// The customer's `external_userid`.
    pub external_userid: String,
}

impl GetKfServiceState {
    /// The session of `external_userid` with `open_kfid`.
    pub fn new(open_kfid: impl Into<String>, external_userid: impl Into<String>) -> Self {
        Self {
            open_kfid: open_kfid.into(),
            external_userid: external_userid.into(),
        }
    }
}

/// What [`GetKfServiceState`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfServiceStateInfo {
    /// The state.
    #[serde(default)]
    pub service_state: KfServiceState,
    /// The servicer's UserID, when a servicer handles it (state 3).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servicer_userid: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `kf/service_state/trans` (变更会话状态): moves a session to another state (to the pool, to
/// a servicer, ended). Never retried automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TransKfServiceState {
    /// The account's id.
    pub open_kfid: String,
    /// The customer's `external_userid`.
    pub external_userid: String,
    /// The new state.
    pub service_state: KfServiceState,
    /// The servicer, for state 3 (`Servicer`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servicer_userid: Option<String>,
}

impl TransKfServiceState {
    /// Moves the session to `state`.
    pub fn new(
        open_kfid: impl Into<String>,
        external_userid: impl Into<String>,
        state: KfServiceState,
    ) -> Self {
        Self {
            open_kfid: open_kfid.into(),
            external_userid: external_userid.into(),
            service_state: state,
            servicer_userid: None,
        }
    }

    /// Hands the session to the servicer `userid` (state 3).
    pub fn to_servicer(
        open_kfid: impl Into<String>,
        external_userid: impl Into<String>,
        userid: impl Into<String>,
    ) -> Self {
        Self {
            servicer_userid: Some(userid.into()),
            ..Self::new(open_kfid, external_userid, KfServiceState::Servicer)
        }
    }
}

/// What [`TransKfServiceState`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfServiceStateTransferred {
    /// A code for one message on the session's end or transfer (`send_msg_on_event`), when
    /// WeCom gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msg_code: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    GetKfServiceState => KfServiceStateInfo {
        POST Work "/cgi-bin/kf/service_state/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94669",
    }
    TransKfServiceState => KfServiceStateTransferred {
        POST Work "/cgi-bin/kf/service_state/trans",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/94669",
    }
}
