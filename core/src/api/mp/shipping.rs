//! Order shipping (发货信息管理): shipping information, order status and list, receipt reminders.

use futures_util::stream::Stream;
use serde::{Deserialize, Serialize};

use crate::api::paging::{CursorPage, cursor_pages};
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::Ack;
use crate::error::Result;

const DOC: &str = "https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html";

/// Which order: by merchant id and merchant order number (`1`) or by WeChat Pay transaction id (`2`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderKey {
    /// `1` merchant id and order number, `2` transaction id.
    pub order_number_type: u32,
    /// The WeChat Pay transaction id (type `2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
    /// The merchant id (type `1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mchid: Option<String>,
    /// The merchant's order number (type `1`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_trade_no: Option<String>,
}

impl OrderKey {
    /// By WeChat Pay transaction id.
    pub fn transaction(transaction_id: impl Into<String>) -> Self {
        Self {
            order_number_type: 2,
            transaction_id: Some(transaction_id.into()),
            mchid: None,
            out_trade_no: None,
        }
    }

    /// By merchant id and merchant order number.
    pub fn merchant(mchid: impl Into<String>, out_trade_no: impl Into<String>) -> Self {
        Self {
            order_number_type: 1,
            transaction_id: None,
            mchid: Some(mchid.into()),
            out_trade_no: Some(out_trade_no.into()),
        }
    }
}

/// Contact numbers, masked but for the last 4 digits (required for SF Express).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShippingContact {
    /// The sender's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consignor_contact: Option<String>,
    /// The receiver's number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiver_contact: Option<String>,
}

/// One parcel.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShippingItem {
    /// The tracking number (express delivery).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_no: Option<String>,
    /// The express company code (express delivery).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub express_company: Option<String>,
    /// What the parcel holds, at most 120 characters.
    pub item_desc: String,
    /// Contact numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<ShippingContact>,
}

/// The paying user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Payer {
    /// The user's OpenID.
    pub openid: String,
}

/// `upload_shipping_info` (发货信息录入): records how an order was shipped, which WeChat then
/// tells the buyer; once per order, with one chance to ship again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UploadShippingInfo {
    /// The order.
    pub order_key: OrderKey,
    /// `1` express, `2` local delivery, `3` virtual goods, `4` pickup.
    pub logistics_type: u32,
    /// `1` in one parcel, `2` split.
    pub delivery_mode: u32,
    /// Split delivery: whether every parcel is now shipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_all_delivered: Option<bool>,
    /// The parcels, at most 15.
    pub shipping_list: Vec<ShippingItem>,
    /// When the information was uploaded, RFC 3339.
    pub upload_time: String,
    /// The paying user.
    pub payer: Payer,
}

/// The order to read or remind about: by transaction id, or by merchant id and order number.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShippingOrderRef {
    /// The WeChat Pay transaction id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_id: Option<String>,
    /// The merchant id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_id: Option<String>,
    /// The sub-merchant id (service providers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_merchant_id: Option<String>,
    /// The merchant's order number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merchant_trade_no: Option<String>,
}

impl ShippingOrderRef {
    /// By WeChat Pay transaction id.
    pub fn transaction(transaction_id: impl Into<String>) -> Self {
        Self {
            transaction_id: Some(transaction_id.into()),
            ..Self::default()
        }
    }
}

/// `get_order` (查询订单发货状态): an order and its shipping state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetShippingOrder {
    /// The order.
    #[serde(flatten)]
    pub order: ShippingOrderRef,
}

/// What [`GetShippingOrder`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShippingOrderAnswer {
    /// The order.
    #[serde(default)]
    pub order: ShippingOrder,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An order and its shipping state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShippingOrder {
    /// The WeChat Pay transaction id.
    #[serde(default)]
    pub transaction_id: String,
    /// The merchant id.
    #[serde(default)]
    pub merchant_id: String,
    /// The sub-merchant id.
    #[serde(default)]
    pub sub_merchant_id: String,
    /// The merchant's order number.
    #[serde(default)]
    pub merchant_trade_no: String,
    /// What was bought.
    #[serde(default)]
    pub description: String,
    /// The amount paid, in fen.
    #[serde(default)]
    pub paid_amount: i64,
    /// The payer's OpenID.
    #[serde(default)]
    pub openid: String,
    /// When the order was created, Unix seconds.
    #[serde(default)]
    pub trade_create_time: i64,
    /// When it was paid, Unix seconds.
    #[serde(default)]
    pub pay_time: i64,
    /// `1` to ship, `2` shipped, `3` received, `4` done, `5` refunded, `6` closed.
    #[serde(default)]
    pub order_state: i64,
    /// Whether a complaint is open.
    #[serde(default)]
    pub in_complaint: bool,
    /// How it was shipped.
    #[serde(default)]
    pub shipping: OrderShipping,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// How an order was shipped.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrderShipping {
    /// `1` in one parcel, `2` split.
    #[serde(default)]
    pub delivery_mode: i64,
    /// `1` express, `2` local delivery, `3` virtual goods, `4` pickup.
    #[serde(default)]
    pub logistics_type: i64,
    /// Whether shipping is finished.
    #[serde(default)]
    pub finish_shipping: bool,
    /// What was shipped.
    #[serde(default)]
    pub goods_desc: String,
    /// How many times shipping was recorded (`0`, `1` or `2`).
    #[serde(default)]
    pub finish_shipping_count: i64,
    /// The parcels.
    #[serde(default)]
    pub shipping_list: Vec<ShippedParcel>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A parcel as recorded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShippedParcel {
    /// The tracking number.
    #[serde(default)]
    pub tracking_no: String,
    /// The express company code.
    #[serde(default)]
    pub express_company: String,
    /// What the parcel holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_desc: Option<String>,
    /// When it was recorded, Unix seconds.
    #[serde(default)]
    pub upload_time: i64,
    /// Contact numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<ShippingContact>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A payment time range, Unix seconds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PayTimeRange {
    /// From (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub begin_time: Option<i64>,
    /// To (inclusive).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<i64>,
}

/// `get_order_list` (查询订单列表): orders by payment time, payer or state, page after page
/// (`last_index`); see [`shipping_order_pages`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetShippingOrderList {
    /// Paid within this range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pay_time_range: Option<PayTimeRange>,
    /// Orders in this state (see [`ShippingOrder::order_state`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_state: Option<u32>,
    /// Paid by this user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub openid: Option<String>,
    /// Where the previous page ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_index: Option<String>,
    /// Orders per page, at most 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
}

/// What [`GetShippingOrderList`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ShippingOrderPage {
    /// Where this page ended: the `last_index` of the next request.
    #[serde(default)]
    pub last_index: String,
    /// Whether more pages follow.
    #[serde(default)]
    pub has_more: bool,
    /// The orders.
    #[serde(default)]
    pub order_list: Vec<ShippingOrder>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl CursorPage for ShippingOrderPage {
    type Item = ShippingOrder;
    fn next_cursor(&self) -> &str {
        if self.has_more { &self.last_index } else { "" }
    }
    fn into_items(self) -> Vec<ShippingOrder> {
        self.order_list
    }
}

/// Every page of `filter` ([`GetShippingOrderList`], its `last_index` replaced), following
/// `last_index` while `has_more` (and the index moves). A failed call is yielded and ends the stream.
pub fn shipping_order_pages<'a, H: HttpClient, S: TokenStore, R: Runtime>(
    client: &'a Client<H, S, R>,
    filter: GetShippingOrderList,
) -> impl Stream<Item = Result<ShippingOrderPage>> + 'a {
    cursor_pages(client, move |last_index| GetShippingOrderList {
        last_index,
        ..filter.clone()
    })
}

/// `notify_confirm_receive` (确认收货提醒): reminds the buyer to confirm receipt, once per order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NotifyConfirmReceive {
    /// The order.
    #[serde(flatten)]
    pub order: ShippingOrderRef,
    /// When the parcel was received, Unix seconds.
    pub received_time: i64,
}

crate::endpoint! {
    area: "miniprogram";

    UploadShippingInfo => Ack {
        POST Api "/wxa/sec/order/upload_shipping_info",
        auth: AccessToken, repeat: Never,
        doc: DOC,
    }
    GetShippingOrder => ShippingOrderAnswer {
        POST Api "/wxa/sec/order/get_order",
        auth: AccessToken, repeat: Safe,
        doc: DOC,
    }
    GetShippingOrderList => ShippingOrderPage {
        POST Api "/wxa/sec/order/get_order_list",
        auth: AccessToken, repeat: Safe,
        doc: DOC,
    }
    NotifyConfirmReceive => Ack {
        POST Api "/wxa/sec/order/notify_confirm_receive",
        auth: AccessToken, repeat: Never,
        doc: DOC,
    }
}
