//! WeCom: the app and its menu, OAuth and web login, media, invoices, check-in.

#[allow(unused_imports)]
use crate::common::*;
