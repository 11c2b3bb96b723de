//! Mini Program: cloud base and mini dramas.

#[allow(unused_imports)]
use crate::common::*;
