//! Official Account (公众号) endpoints.

pub mod basic;
pub mod blacklist;
pub mod broadcast;
pub mod datacube;
pub mod device;
pub mod draft;
pub mod freepublish;
pub mod kf;
pub mod material;
pub mod menu;
pub mod message;
pub mod oauth;
pub mod ocr;
pub mod qrcode;
pub mod subscribe;
pub mod tag;
pub mod template;
pub mod user;

use crate::endpoint::Meta;

/// Every Official Account endpoint, for the catalog.
pub(crate) fn catalog() -> impl Iterator<Item = &'static Meta> {
    [
        basic::CATALOG,
        menu::CATALOG,
        material::CATALOG,
        draft::CATALOG,
        freepublish::CATALOG,
        kf::CATALOG,
        datacube::CATALOG,
        device::CATALOG,
        ocr::CATALOG,
        qrcode::CATALOG,
        message::CATALOG,
        template::CATALOG,
        subscribe::CATALOG,
        broadcast::CATALOG,
        user::CATALOG,
        tag::CATALOG,
        blacklist::CATALOG,
        oauth::CATALOG,
    ]
    .into_iter()
    .flatten()
}
