//! Customer acquisition links (获客助手): links, their customers, quota and statistics.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::api::paging::{CursorPage, cursor_items, cursor_pages};
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::Ack;
use crate::error::Result;
use crate::lenient;

/// `customer_acquisition/list_link` (获取获客链接列表): one page of the ids of the acquisition
/// links still valid. See [`acquisition_link_ids`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAcquisitionLinks {
    /// Links per page, at most 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// What [`ListAcquisitionLinks`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionLinkIdPage {
    /// The links' ids.
    #[serde(default)]
    pub link_id_list: Vec<String>,
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `customer_acquisition/get` (获取获客链接详情): an acquisition link's settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetAcquisitionLink {
    /// The link's id.
    pub link_id: String,
}

impl GetAcquisitionLink {
    /// The link `link_id`.
    pub fn new(link_id: impl Into<String>) -> Self {
        Self {
            link_id: link_id.into(),
        }
    }
}

/// What [`GetAcquisitionLink`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionLinkDetail {
    /// The link.
    #[serde(default)]
    pub link: AcquisitionLink,
    /// The members and departments who take the customers.
    #[serde(default)]
    pub range: AcquisitionRange,
    /// Which members are preferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_option: Option<AcquisitionPriority>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An acquisition link.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionLink {
    /// Its id (answers of [`CreateAcquisitionLink`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link_id: String,
    /// Its name.
    #[serde(default)]
    pub link_name: String,
    /// Its URL.
    #[serde(default)]
    pub url: String,
    /// When it was created (Unix seconds).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub create_time: u64,
    /// Whether customers are added without verification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The members and departments who take an acquisition link's customers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionRange {
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

impl AcquisitionRange {
    /// These members.
    pub fn users<I: IntoIterator<Item = impl Into<String>>>(userids: I) -> Self {
        Self {
            user_list: userids.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }
}

/// Which members of the range get an acquisition link's customers first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionPriority {
    /// `1` all members of the range alike, `2` those of `priority_userid_list` first.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub priority_type: u64,
    /// The members preferred.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub priority_userid_list: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `customer_acquisition/create_link` (创建获客链接): a link that adds its visitors as customers
/// of the members of a range.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateAcquisitionLink {
    /// Its name.
    pub link_name: String,
    /// The members and departments who take the customers.
    pub range: AcquisitionRange,
    /// Whether customers are added without verification (the default `true`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// Which members are preferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_option: Option<AcquisitionPriority>,
}

impl CreateAcquisitionLink {
    /// A link named `link_name` for `range`.
    pub fn new(link_name: impl Into<String>, range: AcquisitionRange) -> Self {
        Self {
            link_name: link_name.into(),
            range,
            ..Self::default()
        }
    }
}

/// What [`CreateAcquisitionLink`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionLinkCreated {
    /// The new link.
    #[serde(default)]
    pub link: AcquisitionLink,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `customer_acquisition/update_link` (编辑获客链接): renames an acquisition link or changes
/// its range and options.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateAcquisitionLink {
    /// The link's id.
    pub link_id: String,
    /// The new name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_name: Option<String>,
    /// The new range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<AcquisitionRange>,
    /// Whether customers are added without verification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skip_verify: Option<bool>,
    /// Which members are preferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority_option: Option<AcquisitionPriority>,
}

impl UpdateAcquisitionLink {
    /// Changes nothing yet of the link `link_id`.
    pub fn new(link_id: impl Into<String>) -> Self {
        Self {
            link_id: link_id.into(),
            ..Self::default()
        }
    }
}

/// `customer_acquisition/delete_link` (删除获客链接): deletes an acquisition link.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeleteAcquisitionLink {
    /// The link's id.
    pub link_id: String,
}

impl DeleteAcquisitionLink {
    /// Deletes the link `link_id`.
    pub fn new(link_id: impl Into<String>) -> Self {
        Self {
            link_id: link_id.into(),
        }
    }
}

/// `customer_acquisition/customer` (获取获客客户列表): one page of the customers an acquisition
/// link brought. See [`acquisition_customers`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListAcquisitionCustomers {
    /// The link's id.
    pub link_id: String,
    /// Customers per page, at most 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// What [`ListAcquisitionCustomers`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionCustomerPage {
    /// The customers.
    #[serde(default)]
    pub customer_list: Vec<AcquisitionCustomer>,
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A customer an acquisition link brought.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionCustomer {
    /// The customer.
    #[serde(default)]
    pub external_userid: String,
    /// The member who added them.
    #[serde(default)]
    pub userid: String,
    /// `0` no message from the customer yet, `1` the customer wrote, `2` unknown.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub chat_status: u64,
    /// The `customer_channel` appended to the link they came by.
    #[serde(default)]
    pub state: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `customer_acquisition_quota` (查询剩余使用量): how many customers the corp's acquisition
/// links may still bring, and when those allowances expire.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetAcquisitionQuota {}

/// What [`GetAcquisitionQuota`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionQuota {
    /// The allowance bought in all.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub total: u64,
    /// What is left.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub balance: u64,
    /// What is left, by expiry date.
    #[serde(default)]
    pub quota_list: Vec<AcquisitionQuotaItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A part of the acquisition allowance and when it expires.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionQuotaItem {
    /// When it expires (Unix seconds).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub expire_date: u64,
    /// What is left of it.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub balance: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `customer_acquisition/statistic` (查询链接使用详情): clicks and new customers of an
/// acquisition link over a period (at most 30 days).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionStatistic {
    /// The link's id.
    pub link_id: String,
    /// From (Unix seconds).
    pub start_time: u64,
    /// To (Unix seconds).
    pub end_time: u64,
}

impl AcquisitionStatistic {
    /// The figures of `link_id` from `start_time` to `end_time`.
    pub fn new(link_id: impl Into<String>, start_time: u64, end_time: u64) -> Self {
        Self {
            link_id: link_id.into(),
            start_time,
            end_time,
        }
    }
}

/// What [`AcquisitionStatistic`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AcquisitionStat {
    /// Customers who clicked the link.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub click_link_customer_cnt: u64,
    /// Customers added through it.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub new_customer_cnt: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    ListAcquisitionLinks => AcquisitionLinkIdPage {
        POST Work "/cgi-bin/externalcontact/customer_acquisition/list_link",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/97297",
    }
    GetAcquisitionLink => AcquisitionLinkDetail {
        POST Work "/cgi-bin/externalcontact/customer_acquisition/get",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/97297",
    }
    CreateAcquisitionLink => AcquisitionLinkCreated {
        POST Work "/cgi-bin/externalcontact/customer_acquisition/create_link",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/97297",
    }
    UpdateAcquisitionLink => Ack {
        POST Work "/cgi-bin/externalcontact/customer_acquisition/update_link",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/97297",
    }
    DeleteAcquisitionLink => Ack {
        POST Work "/cgi-bin/externalcontact/customer_acquisition/delete_link",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/97297",
    }
    ListAcquisitionCustomers => AcquisitionCustomerPage {
        POST Work "/cgi-bin/externalcontact/customer_acquisition/customer",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/97298",
    }
    GetAcquisitionQuota => AcquisitionQuota {
        GET Work "/cgi-bin/externalcontact/customer_acquisition_quota",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/97375",
    }
    AcquisitionStatistic => AcquisitionStat {
        POST Work "/cgi-bin/externalcontact/customer_acquisition/statistic",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/97375",
    }
}

impl CursorPage for AcquisitionLinkIdPage {
    type Item = String;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<String> {
        self.link_id_list
    }
}

impl CursorPage for AcquisitionCustomerPage {
    type Item = AcquisitionCustomer;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<AcquisitionCustomer> {
        self.customer_list
    }
}

/// Every valid acquisition link's id ([`ListAcquisitionLinks`]), one by one, `limit` per page.
/// An error is yielded and ends the stream.
pub fn acquisition_link_ids<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<String>> + 'a {
    cursor_items(client, move |cursor| ListAcquisitionLinks { limit, cursor })
}

/// Every page of the customers the link `link_id` brought ([`ListAcquisitionCustomers`]). A
/// failed call is yielded and ends the stream.
pub fn acquisition_customer_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    link_id: impl Into<String>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<AcquisitionCustomerPage>> + 'a {
    let link_id = link_id.into();
    cursor_pages(client, move |cursor| ListAcquisitionCustomers {
        link_id: link_id.clone(),
        limit,
        cursor,
    })
}

/// Every customer the link `link_id` brought ([`ListAcquisitionCustomers`]), one by one. An
/// error is yielded and ends the stream.
pub fn acquisition_customers<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    link_id: impl Into<String>,
    limit: Option<u32>,
) -> impl Stream<Item = Result<AcquisitionCustomer>> + 'a {
    let link_id = link_id.into();
    cursor_items(client, move |cursor| ListAcquisitionCustomers {
        link_id: link_id.clone(),
        limit,
        cursor,
    })
}
