//! Customer strategies (客户联系规则组): which members may do what with customers.
//!
//! The strategy ids and ranges ([`StrategyId`], [`StrategyRange`]) are shared with the moment
//! strategies of [`moment`](super::moment).

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::api::paging::{CursorPage, cursor_items};
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::Ack;
use crate::error::Result;
use crate::lenient;

/// A strategy named by id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyId {
    /// The strategy's id.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub strategy_id: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member or department a strategy manages: `type` 1 with `userid`, 2 with `partyid`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyRange {
    /// `1` a member, `2` a department.
    #[serde(rename = "type", default, deserialize_with = "lenient::u64")]
    pub kind: u64,
    /// The member, for `type` 1.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub userid: String,
    /// The department, for `type` 2.
    #[serde(
        default,
        deserialize_with = "lenient::opt_u64",
        skip_serializing_if = "Option::is_none"
    )]
    pub partyid: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl StrategyRange {
    /// The member `userid`.
    pub fn user(userid: impl Into<String>) -> Self {
        Self {
            kind: 1,
            userid: userid.into(),
            ..Self::default()
        }
    }

    /// The department `partyid`.
    pub fn party(partyid: u64) -> Self {
        Self {
            kind: 2,
            partyid: Some(partyid),
            ..Self::default()
        }
    }
}

/// What a customer strategy lets its members do; `None` leaves WeCom's default.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerStrategyPrivilege {
    /// See the customer list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_customer_list: Option<bool>,
    /// See customer statistics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_customer_data: Option<bool>,
    /// See the customer group list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_room_list: Option<bool>,
    /// Set up contact-me ways.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_me: Option<bool>,
    /// Set up join-group ways.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join_room: Option<bool>,
    /// Share customers with other members.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share_customer: Option<bool>,
    /// Transfer resigned members' customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oper_resign_customer: Option<bool>,
    /// Transfer resigned members' customer groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oper_resign_group: Option<bool>,
    /// Send mass messages to customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_customer_msg: Option<bool>,
    /// Edit welcome messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit_welcome_msg: Option<bool>,
    /// See members' contact statistics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_behavior_data: Option<bool>,
    /// See customer group statistics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view_room_data: Option<bool>,
    /// Send mass messages to customer groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub send_group_msg: Option<bool>,
    /// Deduplicate customer groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room_deduplication: Option<bool>,
    /// Configure quick replies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rapid_reply: Option<bool>,
    /// Transfer serving members' customers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub onjob_customer_transfer: Option<bool>,
    /// Edit anti-spam rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit_anti_spam_rule: Option<bool>,
    /// Export the customer list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_customer_list: Option<bool>,
    /// Export customer statistics.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_customer_data: Option<bool>,
    /// Export the customer group list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_customer_group_list: Option<bool>,
    /// Manage customer tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manage_customer_tag: Option<bool>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `customer_strategy/list` (获取规则组列表): one page of the customer strategies' ids. See
/// [`customer_strategy_ids`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListCustomerStrategies {
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Strategies per page, at most 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// What [`ListCustomerStrategies`] and [`ListMomentStrategies`](super::moment::ListMomentStrategies)
/// answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyIdPage {
    /// The strategies.
    #[serde(default)]
    pub strategy: Vec<StrategyId>,
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `customer_strategy/get` (获取规则组详情): a customer strategy's name, admins and privileges.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetCustomerStrategy {
    /// The strategy's id.
    pub strategy_id: u64,
}

impl GetCustomerStrategy {
    /// The strategy `strategy_id`.
    pub fn new(strategy_id: u64) -> Self {
        Self { strategy_id }
    }
}

/// What [`GetCustomerStrategy`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerStrategyDetail {
    /// The strategy.
    #[serde(default)]
    pub strategy: CustomerStrategy,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A customer strategy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerStrategy {
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
    pub privilege: CustomerStrategyPrivilege,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `customer_strategy/get_range` (获取规则组管理范围): one page of the members and departments a
/// customer strategy manages. See [`customer_strategy_range`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetCustomerStrategyRange {
    /// The strategy's id.
    pub strategy_id: u64,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
    /// Entries per page, at most 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

/// What [`GetCustomerStrategyRange`] and
/// [`GetMomentStrategyRange`](super::moment::GetMomentStrategyRange) answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyRangePage {
    /// The members and departments.
    #[serde(default)]
    pub range: Vec<StrategyRange>,
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `customer_strategy/create` (创建新的规则组): a customer strategy for some members and
/// departments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateCustomerStrategy {
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
    pub privilege: Option<CustomerStrategyPrivilege>,
    /// The members and departments it manages.
    #[serde(default)]
    pub range: Vec<StrategyRange>,
}

impl CreateCustomerStrategy {
    /// A strategy named `strategy_name` over `range`.
    pub fn new(strategy_name: impl Into<String>, range: Vec<StrategyRange>) -> Self {
        Self {
            strategy_name: strategy_name.into(),
            range,
            ..Self::default()
        }
    }
}

/// What [`CreateCustomerStrategy`] and
/// [`CreateMomentStrategy`](super::moment::CreateMomentStrategy) answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StrategyCreated {
    /// The new strategy's id.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub strategy_id: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `customer_strategy/edit` (编辑规则组及其管理范围): renames a customer strategy, changes its
/// admins or privileges, adds and removes members and departments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EditCustomerStrategy {
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
    pub privilege: Option<CustomerStrategyPrivilege>,
    /// Members and departments to add.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub range_add: Vec<StrategyRange>,
    /// Members and departments to remove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub range_del: Vec<StrategyRange>,
}

impl EditCustomerStrategy {
    /// Changes nothing yet of the strategy `strategy_id`.
    pub fn new(strategy_id: u64) -> Self {
        Self {
            strategy_id,
            ..Self::default()
        }
    }
}

/// `customer_strategy/del` (删除规则组): deletes a customer strategy (and its children).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DelCustomerStrategy {
    /// The strategy's id.
    pub strategy_id: u64,
}

impl DelCustomerStrategy {
    /// Deletes the strategy `strategy_id`.
    pub fn new(strategy_id: u64) -> Self {
        Self { strategy_id }
    }
}

crate::endpoint! {
    area: "work";

    ListCustomerStrategies => StrategyIdPage {
        POST Work "/cgi-bin/externalcontact/customer_strategy/list",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94883",
    }
    GetCustomerStrategy => CustomerStrategyDetail {
        POST Work "/cgi-bin/externalcontact/customer_strategy/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94883",
    }
    GetCustomerStrategyRange => StrategyRangePage {
        POST Work "/cgi-bin/externalcontact/customer_strategy/get_range",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94883",
    }
    CreateCustomerStrategy => StrategyCreated {
        POST Work "/cgi-bin/externalcontact/customer_strategy/create",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/94883",
    }
    EditCustomerStrategy => Ack {
        POST Work "/cgi-bin/externalcontact/customer_strategy/edit",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94883",
    }
    DelCustomerStrategy => Ack {
        POST Work "/cgi-bin/externalcontact/customer_strategy/del",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94883",
    }
}

impl CursorPage for StrategyIdPage {
    type Item = StrategyId;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<StrategyId> {
        self.strategy
    }
}

impl CursorPage for StrategyRangePage {
    type Item = StrategyRange;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<StrategyRange> {
        self.range
    }
}

/// Every customer strategy's id ([`ListCustomerStrategies`]), one by one, `limit` per page. An
/// error is yielded and ends the stream.
pub fn customer_strategy_ids<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<StrategyId>> + 'a {
    cursor_items(client, move |cursor| ListCustomerStrategies { cursor, limit })
}

/// Every member and department the customer strategy `strategy_id` manages
/// ([`GetCustomerStrategyRange`]), one by one. An error is yielded and ends the stream.
pub fn customer_strategy_range<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    strategy_id: u64,
    limit: Option<u32>,
) -> impl Stream<Item = Result<StrategyRange>> + 'a {
    cursor_items(client, move |cursor| GetCustomerStrategyRange {
        strategy_id,
        cursor,
        limit,
    })
}
