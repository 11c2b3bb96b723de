//! WeCom messages: app messages, group chats, group robots.

#[allow(unused_imports)]
use crate::common::*;
