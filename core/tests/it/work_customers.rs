//! WeCom customer contact: customers, tags, contact ways, welcome messages, transfers, behavior data.

#[allow(unused_imports)]
use crate::common::*;
