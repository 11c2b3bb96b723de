//! WeChat Pay v2 (APIv2): XML bodies, `sign` by MD5 or HMAC-SHA256 keyed by the merchant's API
//! key.
//!
//! - [`PayV2Signer`]: the merchant (id, app id, API key, [`SignType`]) as a
//!   [`Signer`](crate::Signer): it fills the ids, adds `nonce_str`, `sign_type` and `sign` to
//!   every request, and checks the `sign` of every answer before anything parses it.
//! - Endpoints, one module per group: [`order`] (place, query, close), [`refund`] (refund,
//!   query), [`redpacket`] (cash red packets), [`transfer`] (payments to a user's balance).
//!   Refunds, red packets and transfers need the merchant's client certificate
//!   ([`needs_client_certificate`]): with `wechat-reqwest`, one HTTP client per merchant built
//!   with its certificate.
//! - [`params`]: what the payer's client needs to pay a prepay id (JSAPI, Mini Program, App).
//! - [`notify`]: payment and refund notifications read and verified, and the answer WeChat Pay
//!   expects.
//!
//! ```
//! use wechat_core::api::pay::v2::{PayV2Signer, UnifiedOrder};
//! use wechat_core::endpoint::build_request;
//! use wechat_core::{Hosts, Secret};
//!
//! let merchant = PayV2Signer::new("10000100", "wxd930ea5d5a258f4f", Secret::new("API-KEY"));
//! let order = UnifiedOrder::jsapi("shop-goods", "1217752501201407033233368018", 888,
//!     "123.12.12.123", "https://shop.example.com/pay/notify", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o");
//! let mut request = build_request(&Hosts::default(), &order)?;
//! merchant.sign_request(&mut request, "5K8264ILTKCH16CQ2502SI8ZNMTM67VS")?; // the driver does this
//! let body = String::from_utf8(request.body().clone()).unwrap();
//! assert!(body.contains("<mch_id>10000100</mch_id>") && body.contains("<sign>"));
//! # Ok::<(), wechat_core::Error>(())
//! ```

pub mod notify;
pub mod params;
mod signer;

crate::api::area!(order, redpacket, refund, transfer);

pub use notify::{NotifyReply, PayNotification, RefundInfo, RefundNotification};
pub use order::{CloseOrder, OrderQuery, UnifiedOrder};
pub use params::{AppPayParams, JsapiPayParams};
pub use redpacket::SendRedpack;
pub use refund::{Refund, RefundQuery};
pub use signer::{
    PayV2Signer, SignType, needs_client_certificate, sign, verify, write_xml, xml_fields,
};
pub use transfer::Transfer;
