//! Official Account (公众号) endpoints.

pub mod basic;
pub mod datacube;
pub mod device;
pub mod draft;
pub mod freepublish;
pub mod kf;
pub mod material;
pub mod menu;
pub mod ocr;

mod lenient;
pub mod paging;

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
    ]
    .into_iter()
    .flatten()
}
