//! Typed WeChat endpoints, grouped as WeChat groups them.

pub mod oa;
pub mod paging;
