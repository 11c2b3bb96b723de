//! WeCom customer contact: group chats, mass messages, moments, strategies, acquisition links.

#[allow(unused_imports)]
use crate::common::*;
