//! Customer transfers (在职继承, 离职继承): moving customers between members and their results.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::api::paging::{CursorPage, cursor_items, cursor_pages};
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::error::Result;
use crate::lenient;

fn strings<I: IntoIterator<Item = S>, S: Into<String>>(items: I) -> Vec<String> {
    items.into_iter().map(Into::into).collect()
}

/// `externalcontact/transfer_customer` (分配在职成员的客户): gives customers of a member to
/// another; each customer may accept within 24 hours, or is taken over then.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TransferCustomer {
    /// The member who had them.
    pub handover_userid: String,
    /// The member who takes them over.
    pub takeover_userid: String,
    /// The customers, at most 100.
    pub external_userid: Vec<String>,
    /// The message sent to the customers, at most 200 characters (a default when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_success_msg: Option<String>,
}

impl TransferCustomer {
    /// Gives `external_userid` of `handover_userid` to `takeover_userid`.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(
        handover_userid: impl Into<String>,
        takeover_userid: impl Into<String>,
        external_userid: I,
    ) -> Self {
        Self {
            handover_userid: handover_userid.into(),
            takeover_userid: takeover_userid.into(),
            external_userid: strings(external_userid),
            transfer_success_msg: None,
        }
    }

    /// Sets the message sent to the customers.
    pub fn message(mut self, msg: impl Into<String>) -> Self {
        self.transfer_success_msg = Some(msg.into());
        self
    }
}

/// How the transfer of one customer started.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerTransferStart {
    /// The customer.
    #[serde(default)]
    pub external_userid: String,
    /// `0` when the transfer started (not that it succeeded), else the error code.
    #[serde(default)]
    pub errcode: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`TransferCustomer`] and [`ResignedTransferCustomer`] answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerTransferStarts {
    /// One entry per customer.
    #[serde(default)]
    pub customer: Vec<CustomerTransferStart>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/transfer_result` (查询客户接替状态): how the transfers from one member to
/// another went, by cursor. See [`transfer_results`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TransferResult {
    /// The member who had the customers.
    pub handover_userid: String,
    /// The member who takes them over.
    pub takeover_userid: String,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl TransferResult {
    /// The first page of the transfers from `handover_userid` to `takeover_userid`.
    pub fn new(handover_userid: impl Into<String>, takeover_userid: impl Into<String>) -> Self {
        Self {
            handover_userid: handover_userid.into(),
            takeover_userid: takeover_userid.into(),
            cursor: None,
        }
    }
}

/// The state of one customer's transfer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerTransferStatus {
    /// The customer.
    #[serde(default)]
    pub external_userid: String,
    /// `1` taken over, `2` waiting, `3` refused by the customer, `4` the takeover member has
    /// too many customers, `5` no transfer record.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub status: u64,
    /// When it was (or will be) taken over (Unix seconds; 0 when not).
    #[serde(default, deserialize_with = "lenient::u64")]
    pub takeover_time: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`TransferResult`] and [`ResignedTransferResult`] answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerTransferStatuses {
    /// The customers.
    #[serde(default)]
    pub customer: Vec<CustomerTransferStatus>,
    /// Where the next page starts; empty at the end.
    #[serde(default)]
    pub next_cursor: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `externalcontact/resigned/transfer_customer` (分配离职成员的客户): gives customers of a
/// member who left to another member.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ResignedTransferCustomer {
    /// The member who left.
    pub handover_userid: String,
    /// The member who takes them over.
    pub takeover_userid: String,
    /// The customers, at most 100.
    pub external_userid: Vec<String>,
}

impl ResignedTransferCustomer {
    /// Gives `external_userid` of `handover_userid` (who left) to `takeover_userid`.
    pub fn new<I: IntoIterator<Item = S>, S: Into<String>>(
        handover_userid: impl Into<String>,
        takeover_userid: impl Into<String>,
        external_userid: I,
    ) -> Self {
        Self {
            handover_userid: handover_userid.into(),
            takeover_userid: takeover_userid.into(),
            external_userid: strings(external_userid),
        }
    }
}

/// `externalcontact/resigned/transfer_result` (查询离职客户接替状态): how the transfers from a
/// member who left went, by cursor. See [`resigned_transfer_results`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ResignedTransferResult {
    /// The member who left.
    pub handover_userid: String,
    /// The member who takes them over.
    pub takeover_userid: String,
    /// The previous page's `next_cursor`; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

impl ResignedTransferResult {
    /// The first page of the transfers from `handover_userid` to `takeover_userid`.
    pub fn new(handover_userid: impl Into<String>, takeover_userid: impl Into<String>) -> Self {
        Self {
            handover_userid: handover_userid.into(),
            takeover_userid: takeover_userid.into(),
            cursor: None,
        }
    }
}

crate::endpoint! {
    area: "work";

    TransferCustomer => CustomerTransferStarts {
        POST Work "/cgi-bin/externalcontact/transfer_customer",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/92125",
    }
    TransferResult => CustomerTransferStatuses {
        POST Work "/cgi-bin/externalcontact/transfer_result",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94088",
    }
    ResignedTransferCustomer => CustomerTransferStarts {
        POST Work "/cgi-bin/externalcontact/resigned/transfer_customer",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/94081",
    }
    ResignedTransferResult => CustomerTransferStatuses {
        POST Work "/cgi-bin/externalcontact/resigned/transfer_result",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94082",
    }
}

impl CursorPage for CustomerTransferStatuses {
    type Item = CustomerTransferStatus;
    fn next_cursor(&self) -> &str {
        &self.next_cursor
    }
    fn into_items(self) -> Vec<CustomerTransferStatus> {
        self.customer
    }
}

/// Every page of [`TransferResult`] from `handover_userid` to `takeover_userid`, following
/// `next_cursor`. An error is yielded and ends the stream.
pub fn transfer_result_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    handover_userid: impl Into<String>,
    takeover_userid: impl Into<String>,
) -> impl Stream<Item = Result<CustomerTransferStatuses>> + 'a {
    let (handover_userid, takeover_userid) = (handover_userid.into(), takeover_userid.into());
    cursor_pages(client, move |cursor| TransferResult {
        handover_userid: handover_userid.clone(),
        takeover_userid: takeover_userid.clone(),
        cursor,
    })
}

/// Every customer's transfer state of [`TransferResult`], one by one. An error is yielded and
/// ends the stream.
pub fn transfer_results<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    handover_userid: impl Into<String>,
    takeover_userid: impl Into<String>,
) -> impl Stream<Item = Result<CustomerTransferStatus>> + 'a {
    let (handover_userid, takeover_userid) = (handover_userid.into(), takeover_userid.into());
    cursor_items(client, move |cursor| TransferResult {
        handover_userid: handover_userid.clone(),
        takeover_userid: takeover_userid.clone(),
        cursor,
    })
}

/// Every page of [`ResignedTransferResult`] from `handover_userid` to `takeover_userid`,
/// following `next_cursor`. An error is yielded and ends the stream.
pub fn resigned_transfer_result_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    handover_userid: impl Into<String>,
    takeover_userid: impl Into<String>,
) -> impl Stream<Item = Result<CustomerTransferStatuses>> + 'a {
    let (handover_userid, takeover_userid) = (handover_userid.into(), takeover_userid.into());
    cursor_pages(client, move |cursor| ResignedTransferResult {
        handover_userid: handover_userid.clone(),
        takeover_userid: takeover_userid.clone(),
        cursor,
    })
}

/// Every customer's transfer state of [`ResignedTransferResult`], one by one. An error is
/// yielded and ends the stream.
pub fn resigned_transfer_results<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    handover_userid: impl Into<String>,
    takeover_userid: impl Into<String>,
) -> impl Stream<Item = Result<CustomerTransferStatus>> + 'a {
    let (handover_userid, takeover_userid) = (handover_userid.into(), takeover_userid.into());
    cursor_items(client, move |cursor| ResignedTransferResult {
        handover_userid: handover_userid.clone(),
        takeover_userid: takeover_userid.clone(),
        cursor,
    })
}
