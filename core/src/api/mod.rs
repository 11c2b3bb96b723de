//! Typed WeChat endpoints, one module per platform area, one file per endpoint group as WeChat
//! groups them. Each area is a cargo feature (`oa`, `mp`, `work`, `open`, `pay`; all on by default).
#![cfg_attr(
    not(any(
        feature = "oa",
        feature = "mp",
        feature = "work",
        feature = "open",
        feature = "pay"
    )),
    allow(dead_code, unused_macros, unused_imports)
)]

#[cfg(feature = "mp")]
pub mod mp;
#[cfg(feature = "oa")]
pub mod oa;
#[cfg(feature = "open")]
pub mod open;
pub mod paging;
#[cfg(feature = "pay")]
pub mod pay;
#[cfg(feature = "work")]
pub mod work;

/// Declares an area's endpoint groups (`pub mod` each) and the area's catalog: every group's
/// `CATALOG`, which [`endpoint!`](crate::endpoint!) writes. Groups of groups (a folder such as
/// `work/externalcontact/`, itself declared with `area!`) follow `nested:`.
macro_rules! area {
    ($($group:ident),* $(,)? $(; nested: $($nested:ident),* $(,)?)?) => {
        $(pub mod $group;)*
        $($(pub mod $nested;)*)?

        /// Every endpoint of the area, for [`crate::catalog`].
        pub(crate) fn catalog() -> impl Iterator<Item = &'static $crate::catalog::Entry> {
            let groups = [$($group::CATALOG),*].into_iter().flatten();
            $($(let groups = groups.chain($nested::catalog());)*)?
            groups
        }
    };
}
pub(crate) use area;
