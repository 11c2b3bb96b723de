//! WeCom contacts: members, departments, tags, id conversion, batch jobs, linked corps.

#[allow(unused_imports)]
use crate::common::*;
