//! Analysis (数据分析, `datacube/getweanalysis*`): visits, retention, pages, portraits and performance.

crate::endpoint! {
    area: "miniprogram";
}
