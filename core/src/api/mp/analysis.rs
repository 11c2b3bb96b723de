//! Analysis (数据分析, `datacube/getweanalysis*`): visits, retention, pages, portraits and performance.
//!
//! Every endpoint here takes the same body, a [`DateRange`] of `YYYYMMDD` days, each endpoint
//! with its own limits (one day, a Monday-to-Sunday week, a whole month), and answers the rows of
//! that range.

use serde::{Deserialize, Serialize};

/// The days a report covers: `{"begin_date": "YYYYMMDD", "end_date": "YYYYMMDD"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    /// The first day, `YYYYMMDD`.
    pub begin_date: String,
    /// The last day, `YYYYMMDD`, at most yesterday.
    pub end_date: String,
}

impl DateRange {
    /// The days from `begin_date` to `end_date`, both `YYYYMMDD`.
    pub fn new(begin_date: impl Into<String>, end_date: impl Into<String>) -> Self {
        Self {
            begin_date: begin_date.into(),
            end_date: end_date.into(),
        }
    }

    /// One day, `YYYYMMDD`.
    pub fn day(date: impl Into<String>) -> Self {
        let date = date.into();
        Self {
            begin_date: date.clone(),
            end_date: date,
        }
    }
}

/// Declares, for each endpoint, a request type that is a [`DateRange`] sent as it is.
macro_rules! date_range_requests {
    ($($(#[$doc:meta])* $req:ident;)*) => {
        $(
            $(#[$doc])*
            #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
            #[serde(transparent)]
            pub struct $req(pub DateRange);

            impl $req {
                /// The days from `begin_date` to `end_date`, both `YYYYMMDD`.
                pub fn new(begin_date: impl Into<String>, end_date: impl Into<String>) -> Self {
                    Self(DateRange::new(begin_date, end_date))
                }
            }

            impl From<DateRange> for $req {
                fn from(range: DateRange) -> Self {
                    Self(range)
                }
            }
        )*
    };
}

date_range_requests! {
    /// `datacube/getweanalysisappiddailysummarytrend` (getDailySummary, 获取用户访问小程序数据概况):
    /// total users and shares of one day.
    GetDailySummary;
    /// `datacube/getweanalysisappiddailyvisittrend` (getDailyVisitTrend, 获取用户访问小程序数据日趋势):
    /// opens, visits and visitors of one day.
    GetDailyVisitTrend;
    /// `datacube/getweanalysisappidweeklyvisittrend` (getWeeklyVisitTrend, 获取用户访问小程序数据周趋势):
    /// the same for one week, Monday to Sunday.
    GetWeeklyVisitTrend;
    /// `datacube/getweanalysisappidmonthlyvisittrend` (getMonthlyVisitTrend, 获取用户访问小程序数据月趋势):
    /// the same for one calendar month.
    GetMonthlyVisitTrend;
    /// `datacube/getweanalysisappiddailyretaininfo` (getDailyRetain, 获取用户访问小程序日留存):
    /// how many new and active users of one day came back on the following days.
    GetDailyRetain;
    /// `datacube/getweanalysisappidweeklyretaininfo` (getWeeklyRetain, 获取用户访问小程序周留存):
    /// the same by week, Monday to Sunday.
    GetWeeklyRetain;
    /// `datacube/getweanalysisappidmonthlyretaininfo` (getMonthlyRetain, 获取用户访问小程序月留存):
    /// the same by calendar month.
    GetMonthlyRetain;
    /// `datacube/getweanalysisappidvisitdistribution` (getVisitDistribution, 获取用户小程序访问分布数据):
    /// visits of one day by entry scene, visit depth and time spent.
    GetVisitDistribution;
    /// `datacube/getweanalysisappidvisitpage` (getVisitPage, 获取访问页面数据): visits, time spent,
    /// entries, exits and shares of each page on one day.
    GetVisitPage;
    /// `datacube/getweanalysisappiduserportrait` (getUserPortrait, 获取小程序用户画像分布): new and
    /// active users by province, city, gender, platform, device and age, over the last 1, 7 or 30
    /// days ending at `end_date`.
    GetUserPortrait;
}

/// The answer of `getweanalysisappiddailysummarytrend`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DailySummary {
    /// The rows, one per day.
    #[serde(default)]
    pub list: Vec<DailySummaryRow>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One day of the summary.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DailySummaryRow {
    /// The day, `YYYYMMDD`.
    #[serde(default)]
    pub ref_date: String,
    /// Users in all, ever.
    #[serde(default)]
    pub visit_total: u64,
    /// Shares.
    #[serde(default)]
    pub share_pv: u64,
    /// Users who shared.
    #[serde(default)]
    pub share_uv: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of the daily, weekly and monthly visit trends.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VisitTrend {
    /// The rows, one per period.
    #[serde(default)]
    pub list: Vec<VisitTrendRow>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One period of a visit trend.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VisitTrendRow {
    /// The period: `YYYYMMDD`, `YYYYMMDD-YYYYMMDD` for a week, `YYYYMM` for a month.
    #[serde(default)]
    pub ref_date: String,
    /// Times the Mini Program was opened.
    #[serde(default)]
    pub session_cnt: u64,
    /// Page visits.
    #[serde(default)]
    pub visit_pv: u64,
    /// Visitors.
    #[serde(default)]
    pub visit_uv: u64,
    /// New visitors.
    #[serde(default)]
    pub visit_uv_new: u64,
    /// Seconds spent per visitor.
    #[serde(default)]
    pub stay_time_uv: f64,
    /// Seconds spent per opening.
    #[serde(default)]
    pub stay_time_session: f64,
    /// Pages visited per opening.
    #[serde(default)]
    pub visit_depth: f64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of the daily, weekly and monthly retention.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Retain {
    /// The period the users first came in.
    #[serde(default)]
    pub ref_date: String,
    /// New users retained: `key` 0 is the period itself, 1 the next one, and so on.
    #[serde(default)]
    pub visit_uv_new: Vec<RetainItem>,
    /// Active users retained, keyed the same way.
    #[serde(default)]
    pub visit_uv: Vec<RetainItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Users retained after `key` periods.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RetainItem {
    /// Periods after the first (0: the first itself).
    #[serde(default)]
    pub key: u32,
    /// Users.
    #[serde(default)]
    pub value: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `getweanalysisappidvisitdistribution`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VisitDistribution {
    /// The day, `YYYYMMDD`.
    #[serde(default)]
    pub ref_date: String,
    /// One distribution per `index`.
    #[serde(default)]
    pub list: Vec<Distribution>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One distribution: openings by scene (`access_source_session_cnt`), by time spent
/// (`access_staytime_info`), by depth (`access_depth_info`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// What is distributed.
    #[serde(default)]
    pub index: String,
    /// The buckets.
    #[serde(default)]
    pub item_list: Vec<DistributionItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One bucket of a distribution.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DistributionItem {
    /// The bucket: a scene id or a range id, as the document lists them.
    #[serde(default)]
    pub key: i64,
    /// Openings in the bucket.
    #[serde(default)]
    pub value: u64,
    /// For scenes: visitors who came in by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub access_source_visit_uv: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `getweanalysisappidvisitpage`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VisitPage {
    /// The day, `YYYYMMDD`.
    #[serde(default)]
    pub ref_date: String,
    /// One row per page.
    #[serde(default)]
    pub list: Vec<PageVisit>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The visits of one page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PageVisit {
    /// The page.
    #[serde(default)]
    pub page_path: String,
    /// Visits.
    #[serde(default)]
    pub page_visit_pv: u64,
    /// Visitors.
    #[serde(default)]
    pub page_visit_uv: u64,
    /// Seconds spent per visit.
    #[serde(default)]
    pub page_staytime_pv: f64,
    /// Times it was the first page.
    #[serde(default)]
    pub entrypage_pv: u64,
    /// Times it was the last page.
    #[serde(default)]
    pub exitpage_pv: u64,
    /// Shares.
    #[serde(default)]
    pub page_share_pv: u64,
    /// Users who shared.
    #[serde(default)]
    pub page_share_uv: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `getweanalysisappiduserportrait`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserPortrait {
    /// The range, `YYYYMMDD` or `YYYYMMDD-YYYYMMDD`.
    #[serde(default)]
    pub ref_date: String,
    /// New users.
    #[serde(default)]
    pub visit_uv_new: Portrait,
    /// Active users.
    #[serde(default)]
    pub visit_uv: Portrait,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Users by attribute.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Portrait {
    /// By province.
    #[serde(default)]
    pub province: Vec<PortraitItem>,
    /// By city.
    #[serde(default)]
    pub city: Vec<PortraitItem>,
    /// By gender (0 unknown, 1 male, 2 female).
    #[serde(default)]
    pub genders: Vec<PortraitItem>,
    /// By platform (iPhone, Android, other).
    #[serde(default)]
    pub platforms: Vec<PortraitItem>,
    /// By device model (the 15 most common).
    #[serde(default)]
    pub devices: Vec<PortraitItem>,
    /// By age group.
    #[serde(default)]
    pub ages: Vec<PortraitItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One group of users.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PortraitItem {
    /// The group's id (devices have none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The group's name.
    #[serde(default)]
    pub name: String,
    /// Users in it.
    #[serde(default)]
    pub value: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "miniprogram";

    GetDailySummary => DailySummary {
        POST Api "/datacube/getweanalysisappiddailysummarytrend",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/others/getDailySummary.html",
    }
    GetDailyVisitTrend => VisitTrend {
        POST Api "/datacube/getweanalysisappiddailyvisittrend",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/visit-trend/getDailyVisitTrend.html",
    }
    GetWeeklyVisitTrend => VisitTrend {
        POST Api "/datacube/getweanalysisappidweeklyvisittrend",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/visit-trend/getWeeklyVisitTrend.html",
    }
    GetMonthlyVisitTrend => VisitTrend {
        POST Api "/datacube/getweanalysisappidmonthlyvisittrend",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/visit-trend/getMonthlyVisitTrend.html",
    }
    GetDailyRetain => Retain {
        POST Api "/datacube/getweanalysisappiddailyretaininfo",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/visit-retain/getDailyRetain.html",
    }
    GetWeeklyRetain => Retain {
        POST Api "/datacube/getweanalysisappidweeklyretaininfo",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/visit-retain/getWeeklyRetain.html",
    }
    GetMonthlyRetain => Retain {
        POST Api "/datacube/getweanalysisappidmonthlyretaininfo",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/visit-retain/getMonthlyRetain.html",
    }
    GetVisitDistribution => VisitDistribution {
        POST Api "/datacube/getweanalysisappidvisitdistribution",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/others/getVisitDistribution.html",
    }
    GetVisitPage => VisitPage {
        POST Api "/datacube/getweanalysisappidvisitpage",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/others/getVisitPage.html",
    }
    GetUserPortrait => UserPortrait {
        POST Api "/datacube/getweanalysisappiduserportrait",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/data-analysis/others/getUserPortrait.html",
    }
}
