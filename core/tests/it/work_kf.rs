//! WeChat Customer Service (kf): accounts, servicers, sessions, messages and the message sync.

#[allow(unused_imports)]
use crate::common::*;
