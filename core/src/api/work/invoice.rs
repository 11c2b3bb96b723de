//! Electronic invoices (电子发票): reading the invoices members submit for reimbursement, and
//! setting their reimbursement status.

use serde::{Deserialize, Serialize};

/// The reimbursement status of an invoice (`reimburse_status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReimburseStatus {
    /// `INVOICE_REIMBURSE_INIT`: not reimbursed; the member may use it again.
    #[serde(rename = "INVOICE_REIMBURSE_INIT")]
    Init,
    /// `INVOICE_REIMBURSE_LOCK`: locked while the reimbursement is in progress.
    #[serde(rename = "INVOICE_REIMBURSE_LOCK")]
    Lock,
    /// `INVOICE_REIMBURSE_CLOSURE`: reimbursed, closed for good.
    #[serde(rename = "INVOICE_REIMBURSE_CLOSURE")]
    Closure,
}

/// An invoice as the member chose it: its card id and encrypted code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InvoiceRef {
    /// The invoice's card id.
    pub card_id: String,
    /// Its encrypted code.
    pub encrypt_code: String,
}

impl InvoiceRef {
    /// The invoice `card_id` with `encrypt_code`.
    pub fn new(card_id: impl Into<String>, encrypt_code: impl Into<String>) -> Self {
        Self {
            card_id: card_id.into(),
            encrypt_code: encrypt_code.into(),
        }
    }
}

/// `card/invoice/reimburse/getinvoiceinfo` (查询电子发票): an invoice's details and PDF.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetInvoiceInfo {
    /// The invoice's card id.
    pub card_id: String,
    /// Its encrypted code.
    pub encrypt_code: String,
}

impl GetInvoiceInfo {
    /// Reads the invoice `card_id` with `encrypt_code`.
    pub fn new(card_id: impl Into<String>, encrypt_code: impl Into<String>) -> Self {
        Self {
            card_id: card_id.into(),
            encrypt_code: encrypt_code.into(),
        }
    }
}

/// An invoice: the answer of `getinvoiceinfo`, an item of `getinvoiceinfobatch`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InvoiceInfo {
    /// The invoice's card id.
    #[serde(default)]
    pub card_id: String,
    /// Valid from, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub begin_time: Option<i64>,
    /// Valid until, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
    /// The member's OpenID.
    #[serde(default)]
    pub openid: String,
    /// The invoice type, as WeCom words it.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Who issued it.
    #[serde(default)]
    pub payee: String,
    /// Details.
    #[serde(default)]
    pub detail: String,
    /// What the invoice says.
    #[serde(default)]
    pub user_info: InvoiceUserInfo,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The face of an invoice (`user_info`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InvoiceUserInfo {
    /// Total with tax, in fen.
    #[serde(default)]
    pub fee: i64,
    /// The buyer's title.
    #[serde(default)]
    pub title: String,
    /// When it was issued, Unix seconds.
    #[serde(default)]
    pub billing_time: i64,
    /// The invoice code (the number, for fully digital invoices).
    #[serde(default)]
    pub billing_no: String,
    /// The invoice number.
    #[serde(default)]
    pub billing_code: String,
    /// The lines.
    #[serde(default)]
    pub info: Vec<InvoiceLine>,
    /// Total without tax, in fen.
    #[serde(default)]
    pub fee_without_tax: i64,
    /// Tax, in fen.
    #[serde(default)]
    pub tax: i64,
    /// Details.
    #[serde(default)]
    pub detail: String,
    /// The invoice's PDF.
    #[serde(default)]
    pub pdf_url: String,
    /// The reimbursement status, as WeCom spells it (see [`ReimburseStatus`]).
    #[serde(default)]
    pub reimburse_status: String,
    /// The check code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_code: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A line of an invoice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InvoiceLine {
    /// The item.
    #[serde(default)]
    pub name: String,
    /// The quantity (a whole or decimal number, kept as sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub num: Option<serde_json::Number>,
    /// The unit.
    #[serde(default)]
    pub unit: String,
    /// The amount, in fen.
    #[serde(default)]
    pub fee: i64,
    /// The unit price, in fen.
    #[serde(default)]
    pub price: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `card/invoice/reimburse/updateinvoicestatus` (更新发票状态): sets one invoice's
/// reimbursement status.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdateInvoiceStatus {
    /// The invoice's card id.
    pub card_id: String,
    /// Its encrypted code.
    pub encrypt_code: String,
    /// The new status.
    pub reimburse_status: ReimburseStatus,
}

impl UpdateInvoiceStatus {
    /// Sets `invoice` to `status`.
    pub fn new(invoice: InvoiceRef, status: ReimburseStatus) -> Self {
        Self {
            card_id: invoice.card_id,
            encrypt_code: invoice.encrypt_code,
            reimburse_status: status,
        }
    }
}

/// `card/invoice/reimburse/updatestatusbatch` (批量更新发票状态): sets the reimbursement status
/// of one member's invoices together; all succeed or none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdateStatusBatch {
    /// The member's OpenID.
    pub openid: String,
    /// The new status.
    pub reimburse_status: ReimburseStatus,
    /// The invoices.
    pub invoice_list: Vec<InvoiceRef>,
}

/// `card/invoice/reimburse/getinvoiceinfobatch` (批量查询电子发票): several invoices' details.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetInvoiceInfoBatch {
    /// The invoices.
    pub item_list: Vec<InvoiceRef>,
}

/// The answer of `getinvoiceinfobatch`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InvoiceInfoList {
    /// The invoices.
    #[serde(default)]
    pub item_list: Vec<InvoiceInfo>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "work";

    GetInvoiceInfo => InvoiceInfo {
        POST Work "/cgi-bin/card/invoice/reimburse/getinvoiceinfo",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90284",
    }
    UpdateInvoiceStatus => crate::endpoint::Ack {
        POST Work "/cgi-bin/card/invoice/reimburse/updateinvoicestatus",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90285",
    }
    UpdateStatusBatch => crate::endpoint::Ack {
        POST Work "/cgi-bin/card/invoice/reimburse/updatestatusbatch",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90286",
    }
    GetInvoiceInfoBatch => InvoiceInfoList {
        POST Work "/cgi-bin/card/invoice/reimburse/getinvoiceinfobatch",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90287",
    }
}
