//! Mini Program: users, content security, shipping, privacy.

#[allow(unused_imports)]
use crate::common::*;
