//! Statistics (统计管理): per corp and per servicer, and the corp's qualification.

use serde::{Deserialize, Serialize};

use crate::lenient;

/// `kf/get_corp_statistic` (获取「客户数据统计」企业汇总数据): an account's daily figures
/// over at most 31 days (Unix seconds, days start at 00:00).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetKfCorpStatistic {
    /// The account's id; all accounts when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_kfid: Option<String>,
    /// The first day, Unix seconds.
    pub start_time: u64,
    /// The last day, Unix seconds.
    pub end_time: u64,
}

impl GetKfCorpStatistic {
    /// The figures of `open_kfid` from `start_time` to `end_time`.
    pub fn new(open_kfid: impl Into<String>, start_time: u64, end_time: u64) -> Self {
        Self {
            open_kfid: Some(open_kfid.into()),
            start_time,
            end_time,
        }
    }
}

/// `kf/get_servicer_statistic` (获取「客户数据统计」接待人员明细数据): a servicer's daily
/// figures on an account.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetKfServicerStatistic {
    /// The account's id.
    pub open_kfid: String,
    /// The servicer's UserID; every servicer when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servicer_userid: Option<String>,
    /// The first day, Unix seconds.
    pub start_time: u64,
    /// The last day, Unix seconds.
    pub end_time: u64,
}

impl GetKfServicerStatistic {
    /// The figures of `servicer_userid` on `open_kfid` from `start_time` to `end_time`.
    pub fn new(
        open_kfid: impl Into<String>,
        servicer_userid: impl Into<String>,
        start_time: u64,
        end_time: u64,
    ) -> Self {
        Self {
            open_kfid: open_kfid.into(),
            servicer_userid: Some(servicer_userid.into()),
            start_time,
            end_time,
        }
    }
}

/// What [`GetKfCorpStatistic`] and [`GetKfServicerStatistic`] answer: one entry per day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfStatisticList {
    /// The days.
    #[serde(default)]
    pub statistic_list: Vec<KfDailyStatistic>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One day's figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfDailyStatistic {
    /// The day, Unix seconds.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub stat_time: u64,
    /// The figures.
    #[serde(default)]
    pub statistic: KfStatistic,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A day's figures: counts, and rates (numbers from 0 to 1, kept as WeCom wrote them). The
/// servicer statistics add more (satisfaction, replies), kept in `extra`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfStatistic {
    /// Sessions (咨询会话数).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub session_cnt: u64,
    /// Customers (咨询客户数).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub customer_cnt: u64,
    /// Customers' messages (咨询消息总数).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub customer_msg_cnt: u64,
    /// Customers upgraded to a member or a group chat.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub upgrade_service_customer_cnt: u64,
    /// Sessions the smart assistant answered (corp figures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ai_session_reply_cnt: Option<serde_json::Number>,
    /// The smart assistant's transfer rate (corp figures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ai_transfer_rate: Option<serde_json::Number>,
    /// The smart assistant's knowledge hit rate (corp figures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ai_knowledge_hit_rate: Option<serde_json::Number>,
    /// Customers whose messages were refused (corp figures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub msg_rejected_customer_cnt: Option<serde_json::Number>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `kf/get_corp_qualification` (获取企业状态信息): whether the corp may bind WeChat Channels
/// accounts to Customer Service.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetKfCorpQualification {}

/// What [`GetKfCorpQualification`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfCorpQualification {
    /// Whether WeChat Channels accounts can be bound.
    #[serde(default)]
    pub wechat_channels_binding: bool,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    GetKfCorpStatistic => KfStatisticList {
        POST Work "/cgi-bin/kf/get_corp_statistic",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95489",
    }
    GetKfServicerStatistic => KfStatisticList {
        POST Work "/cgi-bin/kf/get_servicer_statistic",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95490",
    }
    GetKfCorpQualification => KfCorpQualification {
        GET Work "/cgi-bin/kf/get_corp_qualification",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/96179",
    }
}
