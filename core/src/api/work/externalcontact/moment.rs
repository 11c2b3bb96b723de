//! Moments (客户朋友圈): tasks, lists, comments, customers, results and moment strategies.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use super::groupmsg::{Attachment, AttachmentText};
use super::strategy::{StrategyCreated, StrategyId, StrategyIdPage, StrategyRange, StrategyRangePage};
use crate::api::paging::{CursorPage, cursor_items, cursor_pages};
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::Ack;
use crate::error::Result;
use crate::lenient;

/// Members and departments (who post a moment, or who could not).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentSenders {
    /// The members' UserIDs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub user_list: Vec<String>,
    /// The departments' ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub department_list: Vec<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Customers picked by tags (who see a moment, or tags that were invalid).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentCustomerTags {
    /// The customer tag ids.
    #[serde(default)]
    pub tag_list: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Who posts a moment and who sees it; absent, every member with customers posts it to all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentVisibleRange {
    /// The members and departments who post it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_list: Option<MomentSenders>,
    /// The customers who see it, by tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_contact_list: Option<MomentCustomerTags>,
}

/// `add_moment_task` (创建发表任务): a moment the corp asks members to post to their customers;
/// an asynchronous job (see [`GetMomentTaskResult`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddMomentTask {
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<AttachmentText>,
    /// Images (at most 9), or one video, or one link.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    /// Who posts it and who sees it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_range: Option<MomentVisibleRange>,
}

impl AddMomentTask {
    /// A moment with the text `content`.
    pub fn text(content: impl Into<String>) -> Self {
        Self {
            text: Some(AttachmentText::new(content)),
            ..Self::default()
        }
    }

    /// One attachment more.
    pub fn attachment(mut self, attachment: Attachment) -> Self {
        self.attachments.push(attachment);
        self
    }

    /// Who posts it and who sees it.
    pub fn visible_range(mut self, range: MomentVisibleRange) -> Self {
        self.visible_range = Some(range);
        self
    }
}

/// What [`AddMomentTask`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentJob {
    /// The job's id, for [`GetMomentTaskResult`].
    #[serde(default)]
    pub jobid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `get_moment_task_result` (获取任务创建结果): how an [`AddMomentTask`] job went.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetMomentTaskResult {
    /// The job's id.
    pub jobid: String,
}

impl GetMomentTaskResult {
    /// The job `jobid`.
    pub fn new(jobid: impl Into<String>) -> Self {
        Self {
            jobid: jobid.into(),
        }
    }
}

/// What [`GetMomentTaskResult`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentTaskResult {
    /// `1` started, `2` running, `3` done.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub status: u64,
    /// The job's kind: `add_moment_task`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// The outcome, when done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<MomentTaskOutcome>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The outcome of a moment job.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentTaskOutcome {
    /// The job's own error code (`0` when the moment was created).
    #[serde(default)]
    pub errcode: i64,
    /// The job's own error message.
    #[serde(default)]
    pub errmsg: String,
    /// The moment's id.
    #[serde(default)]
    pub moment_id: String,
    /// Senders that were not valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_sender_list: Option<MomentSenders>,
    /// Customer tags that were not valid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid_external_contact_list: Option<MomentCustomerTags>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `cancel_moment_task` (停止发表企业朋友圈): stops a corp moment for the members who have not
/// posted it yet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CancelMomentTask {
    /// The moment's id.
    pub moment_id: String,
}

impl CancelMomentTask {
    /// Stops `moment_id`.
    pub fn new(moment_id: impl Into<String>) -> Self {
        Self {
            moment_id: moment_id.into(),
        }
    }
}

/// `get_moment_list` (获取企业全部的发表列表): one page of the moments posted in a time range
/// (at most a month). See [`moments`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetMomentList {
    /// From (Unix seconds).
    pub start_time: u64,
    /// To (Unix seconds).
    pub end_time: u64,
    /// Only those this member created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<String>,
    /// `0` by the corp, `1` by members, `2` all (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_type: Option<u8>,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Moments per page, at most 20.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

impl GetMomentList {
    /// The moments posted from `start_time` to `end_time`.
    pub fn new(start_time: u64, end_time: u64) -> Self {
        Self {
            start_time,
            end_time,
            ..Self::default()
        }
    }
}

/// What [`GetMomentList`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentPage {
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// The moments.
    #[serde(default)]
    pub moment_list: Vec<Moment>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A moment posted to customers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Moment {
    /// Its id.
    #[serde(default)]
    pub moment_id: String,
    /// The member who created it (moments by members).
    #[serde(default)]
    pub creator: String,
    /// When it was created (Unix seconds, as WeCom sends it).
    #[serde(default, deserialize_with = "lenient::text")]
    pub create_time: String,
    /// `0` by the corp, `1` by a member.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub create_type: u64,
    /// `0` seen by some customers, `1` by all.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub visible_type: u64,
    /// The text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<AttachmentText>,
    /// The images.
    #[serde(default)]
    pub image: Vec<MomentMedia>,
    /// The video.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub video: Option<MomentMedia>,
    /// The link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<MomentLink>,
    /// The place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<MomentLocation>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An image or video of a moment (media to fetch with `media/get`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentMedia {
    /// The media id.
    #[serde(default)]
    pub media_id: String,
    /// The video's cover.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub thumb_media_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The link of a moment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentLink {
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The URL.
    #[serde(default)]
    pub url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The place of a moment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentLocation {
    /// The latitude, as WeCom writes it.
    #[serde(default, deserialize_with = "lenient::text")]
    pub latitude: String,
    /// The longitude, as WeCom writes it.
    #[serde(default, deserialize_with = "lenient::text")]
    pub longitude: String,
    /// The place's name.
    #[serde(default)]
    pub name: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `get_moment_task` (获取客户朋友圈企业发表的列表): one page of the members asked to post a
/// corp moment, and whether they did. See [`moment_tasks`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetMomentTask {
    /// The moment's id.
    pub moment_id: String,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Members per page, at most 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// What [`GetMomentTask`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentTaskPage {
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// The members' tasks.
    #[serde(default)]
    pub task_list: Vec<MomentTask>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member's task of posting a corp moment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentTask {
    /// The member.
    #[serde(default)]
    pub userid: String,
    /// `0` not posted, `1` posted.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub publish_status: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `get_moment_customer_list` (获取客户朋友圈发表时选择的可见范围): one page of the customers
/// a member chose to show a corp moment to. See [`moment_customers`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetMomentCustomerList {
    /// The moment's id.
    pub moment_id: String,
    /// The member who posts it.
    pub userid: String,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Customers per page, at most 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// `get_moment_send_result` (获取客户朋友圈发表后的可见客户列表): one page of the customers
/// who can see a moment a member posted. See [`moment_send_results`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetMomentSendResult {
    /// The moment's id.
    pub moment_id: String,
    /// The member who posted it.
    pub userid: String,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Customers per page, at most 5000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// What [`GetMomentCustomerList`] and [`GetMomentSendResult`] answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentCustomerPage {
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// The customers.
    #[serde(default)]
    pub customer_list: Vec<MomentCustomer>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A customer who sees a moment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentCustomer {
    /// The member it was posted by.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub userid: String,
    /// The customer.
    #[serde(default)]
    pub external_userid: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `get_moment_comments` (获取客户朋友圈的互动数据): the comments and likes on a moment a
/// member posted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetMomentComments {
    /// The moment's id.
    pub moment_id: String,
    /// The member who posted it.
    pub userid: String,
}

impl GetMomentComments {
    /// The comments and likes on `userid`'s post of `moment_id`.
    pub fn new(moment_id: impl Into<String>, userid: impl Into<String>) -> Self {
        Self {
            moment_id: moment_id.into(),
            userid: userid.into(),
        }
    }
}

/// What [`GetMomentComments`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentComments {
    /// The comments.
    #[serde(default)]
    pub comment_list: Vec<MomentInteraction>,
    /// The likes.
    #[serde(default)]
    pub like_list: Vec<MomentInteraction>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A comment or like on a moment, by a customer or a member.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentInteraction {
    /// The customer, when a customer did it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub external_userid: String,
    /// The member, when a member did it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub userid: String,
    /// When (Unix seconds).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub create_time: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What a moment strategy lets its members do; `None` leaves WeCom's default.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentStrategyPrivilege {
    /// See the moments list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_moment_list: Option<bool>,
    /// Post corp moments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_moment: Option<bool>,
    /// Set members' moment covers and signatures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manage_moment_cover_and_sign: Option<bool>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `moment_strategy/list` (获取规则组列表): one page of the moment strategies' ids. See
/// [`moment_strategy_ids`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListMomentStrategies {
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Strategies per page, at most 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// `moment_strategy/get` (获取规则组详情): a moment strategy's name, admins and privileges.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetMomentStrategy {
    /// The strategy's id.
    pub strategy_id: u64,
}

impl GetMomentStrategy {
    /// The strategy `strategy_id`.
    pub fn new(strategy_id: u64) -> Self {
        Self { strategy_id }
    }
}

/// What [`GetMomentStrategy`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentStrategyDetail {
    /// The strategy.
    #[serde(default)]
    pub strategy: MomentStrategy,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A moment strategy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MomentStrategy {
    /// Its id.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub strategy_id: u64,
    /// The parent strategy's id (`0` for none).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub parent_id: u64,
    /// Its name.
    #[serde(default)]
    pub strategy_name: String,
    /// When it was created (Unix seconds).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub create_time: u64,
    /// Its admins' UserIDs.
    #[serde(default)]
    pub admin_list: Vec<String>,
    /// What its members may do.
    #[serde(default)]
    pub privilege: MomentStrategyPrivilege,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `moment_strategy/get_range` (获取规则组管理范围): one page of the members and departments a
/// moment strategy manages. See [`moment_strategy_range`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetMomentStrategyRange {
    /// The strategy's id.
    pub strategy_id: u64,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Entries per page, at most 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// `moment_strategy/create` (创建新的规则组): a moment strategy for some members and
/// departments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateMomentStrategy {
    /// The parent strategy's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<u64>,
    /// Its name.
    pub strategy_name: String,
    /// Its admins' UserIDs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub admin_list: Vec<String>,
    /// What its members may do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privilege: Option<MomentStrategyPrivilege>,
    /// The members and departments it manages.
    #[serde(default)]
    pub range: Vec<StrategyRange>,
}

impl CreateMomentStrategy {
    /// A strategy named `strategy_name` over `range`.
    pub fn new(strategy_name: impl Into<String>, range: Vec<StrategyRange>) -> Self {
        Self {
            strategy_name: strategy_name.into(),
            range,
            ..Self::default()
        }
    }
}

/// `moment_strategy/edit` (编辑规则组及其管理范围): renames a moment strategy, changes its
/// admins or privileges, adds and removes members and departments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EditMomentStrategy {
    /// The strategy's id.
    pub strategy_id: u64,
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy_name: Option<String>,
    /// The new admins.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin_list: Option<Vec<String>>,
    /// The new privileges.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privilege: Option<MomentStrategyPrivilege>,
    /// Members and departments to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub range_add: Vec<StrategyRange>,
    /// Members and departments to remove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub range_del: Vec<StrategyRange>,
}

impl EditMomentStrategy {
    /// Changes nothing yet of the strategy `strategy_id`.
    pub fn new(strategy_id: u64) -> Self {
        Self {
            strategy_id,
            ..Self::default()
        }
    }
}

/// `moment_strategy/del` (删除规则组): deletes a moment strategy (and its children).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DelMomentStrategy {
    /// The strategy's id.
    pub strategy_id: u64,
}

impl DelMomentStrategy {
    /// Deletes the strategy `strategy_id`.
    pub fn new(strategy_id: u64) -> Self {
        Self { strategy_id }
    }
}

crate::endpoint! {
    area: "work";

    AddMomentTask => MomentJob {
        POST Work "/cgi-bin/externalcontact/add_moment_task",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/95094",
    }
    GetMomentTaskResult => MomentTaskResult {
        GET Work "/cgi-bin/externalcontact/get_moment_task_result",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95094",
    }
    CancelMomentTask => Ack {
        POST Work "/cgi-bin/externalcontact/cancel_moment_task",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/97612",
    }
    GetMomentList => MomentPage {
        POST Work "/cgi-bin/externalcontact/get_moment_list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93333",
    }
    GetMomentTask => MomentTaskPage {
        POST Work "/cgi-bin/externalcontact/get_moment_task",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93333",
    }
    GetMomentCustomerList => MomentCustomerPage {
        POST Work "/cgi-bin/externalcontact/get_moment_customer_list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93333",
    }
    GetMomentSendResult => MomentCustomerPage {
        POST Work "/cgi-bin/externalcontact/get_moment_send_result",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93333",
    }
    GetMomentComments => MomentComments {
        POST Work "/cgi-bin/externalcontact/get_moment_comments",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93333",
    }
    ListMomentStrategies => StrategyIdPage {
        POST Work "/cgi-bin/externalcontact/moment_strategy/list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94890",
    }
    GetMomentStrategy => MomentStrategyDetail {
        POST Work "/cgi-bin/externalcontact/moment_strategy/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94890",
    }
    GetMomentStrategyRange => StrategyRangePage {
        POST Work "/cgi-bin/externalcontact/moment_strategy/get_range",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94890",
    }
    CreateMomentStrategy => StrategyCreated {
        POST Work "/cgi-bin/externalcontact/moment_strategy/create",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/94890",
    }
    EditMomentStrategy => Ack {
        POST Work "/cgi-bin/externalcontact/moment_strategy/edit",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94890",
    }
    DelMomentStrategy => Ack {
        POST Work "/cgi-bin/externalcontact/moment_strategy/del",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94890",
    }
}

impl CursorPage for MomentPage {
    type Item = Moment;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<Moment> {
        self.moment_list
    }
}

impl CursorPage for MomentTaskPage {
    type Item = MomentTask;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<MomentTask> {
        self.task_list
    }
}

impl CursorPage for MomentCustomerPage {
    type Item = MomentCustomer;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<MomentCustomer> {
        self.customer_list
    }
}

/// Every page of [`GetMomentList`] for `query` (its `cursor` replaced page by page). A failed
/// call is yielded and ends the stream.
pub fn moment_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    query: GetMomentList,
) -> impl Stream<Item = Result<MomentPage>> + 'a {
    cursor_pages(client, move |cursor| GetMomentList {
        cursor,
        ..query.clone()
    })
}

/// Every moment of [`GetMomentList`] for `query`, one by one. An error is yielded and ends the
/// stream.
pub fn moments<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    query: GetMomentList,
) -> impl Stream<Item = Result<Moment>> + 'a {
    cursor_items(client, move |cursor| GetMomentList {
        cursor,
        ..query.clone()
    })
}

/// Every member's task of the corp moment `moment_id` ([`GetMomentTask`]), one by one. An error
/// is yielded and ends the stream.
pub fn moment_tasks<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    moment_id: impl Into<String>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<MomentTask>> + 'a {
    let moment_id = moment_id.into();
    cursor_items(client, move |cursor| GetMomentTask {
        moment_id: moment_id.clone(),
        cursor,
        limit,
    })
}

/// Every customer `userid` chose to show the corp moment `moment_id` to
/// ([`GetMomentCustomerList`]), one by one. An error is yielded and ends the stream.
pub fn moment_customers<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    moment_id: impl Into<String>,
    userid: impl Into<String>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<MomentCustomer>> + 'a {
    let (moment_id, userid) = (moment_id.into(), userid.into());
    cursor_items(client, move |cursor| GetMomentCustomerList {
        moment_id: moment_id.clone(),
        userid: userid.clone(),
        cursor,
        limit,
    })
}

/// Every customer who can see `userid`'s post of `moment_id` ([`GetMomentSendResult`]), one by
/// one. An error is yielded and ends the stream.
pub fn moment_send_results<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    moment_id: impl Into<String>,
    userid: impl Into<String>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<MomentCustomer>> + 'a {
    let (moment_id, userid) = (moment_id.into(), userid.into());
    cursor_items(client, move |cursor| GetMomentSendResult {
        moment_id: moment_id.clone(),
        userid: userid.clone(),
        cursor,
        limit,
    })
}

/// Every moment strategy's id ([`ListMomentStrategies`]), one by one, `limit` per page. An error
/// is yielded and ends the stream.
pub fn moment_strategy_ids<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<StrategyId>> + 'a {
    cursor_items(client, move |cursor| ListMomentStrategies { cursor, limit })
}

/// Every member and department the moment strategy `strategy_id` manages
/// ([`GetMomentStrategyRange`]), one by one. An error is yielded and ends the stream.
pub fn moment_strategy_range<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    strategy_id: u64,
    limit: Option<u32>,
) -> impl Stream<Item = Result<StrategyRange>> + 'a {
    cursor_items(client, move |cursor| GetMomentStrategyRange {
        strategy_id,
        cursor,
        limit,
    })
}
