//! Mini Program: analysis, codes, links, subscribe messages, red-packet covers.

#[allow(unused_imports)]
use crate::common::*;
