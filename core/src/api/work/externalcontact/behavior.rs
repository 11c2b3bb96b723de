//! User behavior data (联系客户统计): contacts, chats and replies per member and day.

use serde::{Deserialize, Serialize};

use crate::lenient;

/// `externalcontact/get_user_behavior_data` (获取「联系客户统计」数据): per day, the chats,
/// messages, replies and new customers of some members or departments (at most 30 days, within
/// the last 180).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetUserBehaviorData {
    /// The members, at most 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub userid: Vec<String>,
    /// The departments, at most 100 (their members count).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub partyid: Vec<u64>,
    /// From (Unix seconds, counted from the start of the day).
    pub start_time: u64,
    /// Until (Unix seconds, counted to the end of the day).
    pub end_time: u64,
}

impl GetUserBehaviorData {
    /// The data of `userid` from `start_time` to `end_time`.
    pub fn members<I: IntoIterator<Item = S>, S: Into<String>>(
        userid: I,
        start_time: u64,
        end_time: u64,
    ) -> Self {
        Self {
            userid: userid.into_iter().map(Into::into).collect(),
            partyid: Vec::new(),
            start_time,
            end_time,
        }
    }
}

/// One day of [`GetUserBehaviorData`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BehaviorData {
    /// The day (Unix seconds at its start).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub stat_time: u64,
    /// Chats in which a member spoke.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub chat_cnt: u64,
    /// Messages members sent.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub message_cnt: u64,
    /// Share of customer chats answered within 24 hours, in percent (as sent: `60.25`,
    /// `100`; see [`reply_percentage`](Self::reply_percentage)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply_percentage: Option<serde_json::Number>,
    /// Average first reply time, in minutes (as sent; see
    /// [`avg_reply_minutes`](Self::avg_reply_minutes)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avg_reply_time: Option<serde_json::Number>,
    /// Customers who deleted or blocked a member.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub negative_feedback_cnt: u64,
    /// Contact requests members sent.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub new_apply_cnt: u64,
    /// New customers.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub new_contact_cnt: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl BehaviorData {
    /// The share of customer chats answered within 24 hours, in percent; absent when no
    /// customer chat started that day.
    pub fn reply_percentage(&self) -> Option<f64> {
        self.reply_percentage.as_ref().and_then(serde_json::Number::as_f64)
    }

    /// The average first reply time, in minutes; absent when there was no reply.
    pub fn avg_reply_minutes(&self) -> Option<f64> {
        self.avg_reply_time.as_ref().and_then(serde_json::Number::as_f64)
    }
}

/// What [`GetUserBehaviorData`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BehaviorDataList {
    /// One entry per day.
    #[serde(default)]
    pub behavior_data: Vec<BehaviorData>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    GetUserBehaviorData => BehaviorDataList {
        POST Work "/cgi-bin/externalcontact/get_user_behavior_data",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/92132",
    }
}
