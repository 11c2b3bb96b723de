//! Privacy settings (用户隐私保护指引): get, set, and the extra privacy file.

crate::endpoint! {
    area: "miniprogram";
}
