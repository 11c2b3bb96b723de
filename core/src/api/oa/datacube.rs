//! Analytics (datacube): users, articles, messages, API calls, and ad revenue (`publisher/stat`).
//!
//! Every `datacube/*` endpoint takes a `begin_date`/`end_date` pair (`YYYY-MM-DD`, the end at most
//! yesterday; each endpoint limits the span) and answers a `list` of daily or hourly rows.

use serde::{Deserialize, Serialize};

use crate::error::Result;

/// Declares one request type, one response type and the endpoint for each `datacube/*` path (the
/// row types are shared), and declares them with the module's other endpoints.
macro_rules! datacube {
    (endpoints also: { $($other:tt)* }
    $(
        $(#[$req_doc:meta])*
        $req:ident => $resp:ident($row:ty), $path:literal, $doc:literal;
    )*) => {
        $(
            $(#[$req_doc])*
            #[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
            pub struct $req {
                /// The first day, `YYYY-MM-DD`.
                pub begin_date: String,
                /// The last day, `YYYY-MM-DD`, at most yesterday.
                pub end_date: String,
            }

            impl $req {
                /// The days from `begin_date` to `end_date`, both `YYYY-MM-DD`.
                pub fn new(begin_date: impl Into<String>, end_date: impl Into<String>) -> Self {
                    Self {
                        begin_date: begin_date.into(),
                        end_date: end_date.into(),
                    }
                }
            }

            #[doc = concat!("The answer of `", $path, "`.")]
            #[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
            pub struct $resp {
                /// The rows.
                #[serde(default)]
                pub list: Vec<$row>,
            }

        )*

        crate::endpoint! {
            area: "officialaccount";
            $(
                $req => $resp {
                    POST Api $path,
                    auth: AccessToken, repeat: Safe,
                    doc: $doc,
                }
            )*
            $($other)*
        }
    };
}

datacube! {
    endpoints also: {
        GetPublisherAdPosGeneral => PublisherAdPosGeneral {
            GET Api "/publisher/stat",
            auth: AccessToken, repeat: Safe,
            query: |r| publisher_query("publisher_adpos_general", r),
            envelope: BaseResp,
            doc: "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Ad_Analysis.html",
        }
        GetPublisherCpsGeneral => PublisherCpsGeneral {
            GET Api "/publisher/stat",
            auth: AccessToken, repeat: Safe,
            query: |r| publisher_query("publisher_cps_general", r),
            envelope: BaseResp,
            doc: "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Ad_Analysis.html",
        }
        GetPublisherSettlement => PublisherSettlement {
            GET Api "/publisher/stat",
            auth: AccessToken, repeat: Safe,
            query: |r| publisher_query("publisher_settlement", r),
            envelope: BaseResp,
            doc: "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Ad_Analysis.html",
        }
    }

    /// `datacube/getusersummary` (getusersummary): followers gained and lost per day and source
    /// (up to 7 days).
    GetUserSummary => UserSummaryList(UserSummary), "/datacube/getusersummary",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/User_Analysis_Data_Interface.html";
    /// `datacube/getusercumulate` (getusercumulate): total followers per day (up to 7 days).
    GetUserCumulate => UserCumulateList(UserCumulate), "/datacube/getusercumulate",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/User_Analysis_Data_Interface.html";
    /// `datacube/getarticlesummary` (getarticlesummary): per-day reading of each broadcast article
    /// (1 day).
    GetArticleSummary => ArticleSummaryList(ArticleSummary), "/datacube/getarticlesummary",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html";
    /// `datacube/getarticletotal` (getarticletotal): reading of each article broadcast on a day,
    /// over the days since (1 day).
    GetArticleTotal => ArticleTotalList(ArticleTotal), "/datacube/getarticletotal",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html";
    /// `datacube/getuserread` (getuserread): reading per day and source (up to 3 days).
    GetUserRead => UserReadList(UserRead), "/datacube/getuserread",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html";
    /// `datacube/getuserreadhour` (getuserreadhour): reading per hour and source (1 day).
    GetUserReadHour => UserReadHourList(UserRead), "/datacube/getuserreadhour",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html";
    /// `datacube/getusershare` (getusershare): shares per day and scene (up to 7 days).
    GetUserShare => UserShareList(UserShare), "/datacube/getusershare",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html";
    /// `datacube/getusersharehour` (getusersharehour): shares per hour and scene (1 day).
    GetUserShareHour => UserShareHourList(UserShare), "/datacube/getusersharehour",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Graphic_Analysis_Data_Interface.html";
    /// `datacube/getupstreammsg` (getupstreammsg): messages users sent, per day and type (up to
    /// 7 days).
    GetUpstreamMsg => UpstreamMsgList(UpstreamMsg), "/datacube/getupstreammsg",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html";
    /// `datacube/getupstreammsghour` (getupstreammsghour): messages users sent, per hour (1 day).
    GetUpstreamMsgHour => UpstreamMsgHourList(UpstreamMsg), "/datacube/getupstreammsghour",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html";
    /// `datacube/getupstreammsgweek` (getupstreammsgweek): messages users sent, per week (up to
    /// 30 days).
    GetUpstreamMsgWeek => UpstreamMsgWeekList(UpstreamMsg), "/datacube/getupstreammsgweek",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html";
    /// `datacube/getupstreammsgmonth` (getupstreammsgmonth): messages users sent, per month (up to
    /// 30 days).
    GetUpstreamMsgMonth => UpstreamMsgMonthList(UpstreamMsg), "/datacube/getupstreammsgmonth",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html";
    /// `datacube/getupstreammsgdist` (getupstreammsgdist): how many users sent how many messages,
    /// per day (up to 15 days).
    GetUpstreamMsgDist => UpstreamMsgDistList(UpstreamMsgDist), "/datacube/getupstreammsgdist",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html";
    /// `datacube/getupstreammsgdistweek` (getupstreammsgdistweek): the same per week (up to
    /// 30 days).
    GetUpstreamMsgDistWeek => UpstreamMsgDistWeekList(UpstreamMsgDist),
        "/datacube/getupstreammsgdistweek",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html";
    /// `datacube/getupstreammsgdistmonth` (getupstreammsgdistmonth): the same per month (up to
    /// 30 days).
    GetUpstreamMsgDistMonth => UpstreamMsgDistMonthList(UpstreamMsgDist),
        "/datacube/getupstreammsgdistmonth",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Message_analysis_data_interface.html";
    /// `datacube/getinterfacesummary` (getinterfacesummary): callback deliveries to the
    /// developer's server per day (up to 30 days).
    GetInterfaceSummary => InterfaceSummaryList(InterfaceSummary), "/datacube/getinterfacesummary",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Analytics_API.html";
    /// `datacube/getinterfacesummaryhour` (getinterfacesummaryhour): the same per hour (1 day).
    GetInterfaceSummaryHour => InterfaceSummaryHourList(InterfaceSummary),
        "/datacube/getinterfacesummaryhour",
        "https://developers.weixin.qq.com/doc/offiaccount/Analytics/Analytics_API.html";
}

/// A row of `getusersummary`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct UserSummary {
    /// The day.
    #[serde(default)]
    pub ref_date: String,
    /// Where followers came from: 0 other, 1 search, 17 card sharing, 30 QR code, 57 article
    /// menu, 100 WeChat ads, 161 others' moments, ...
    #[serde(default)]
    pub user_source: i64,
    /// Followers gained.
    #[serde(default)]
    pub new_user: u64,
    /// Followers lost.
    #[serde(default)]
    pub cancel_user: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A row of `getusercumulate`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct UserCumulate {
    /// The day.
    #[serde(default)]
    pub ref_date: String,
    /// Total followers.
    #[serde(default)]
    pub cumulate_user: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A row of `getarticlesummary`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ArticleSummary {
    /// The day.
    #[serde(default)]
    pub ref_date: String,
    /// The broadcast message id and the article's position, `msgdataid_index`.
    #[serde(default)]
    pub msgid: String,
    /// The title.
    #[serde(default)]
    pub title: String,
    /// Readers of the article page.
    #[serde(default)]
    pub int_page_read_user: u64,
    /// Reads of the article page.
    #[serde(default)]
    pub int_page_read_count: u64,
    /// Readers of the original page ("read more").
    #[serde(default)]
    pub ori_page_read_user: u64,
    /// Reads of the original page.
    #[serde(default)]
    pub ori_page_read_count: u64,
    /// People who shared.
    #[serde(default)]
    pub share_user: u64,
    /// Shares.
    #[serde(default)]
    pub share_count: u64,
    /// People who saved it.
    #[serde(default)]
    pub add_to_fav_user: u64,
    /// Saves.
    #[serde(default)]
    pub add_to_fav_count: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A row of `getarticletotal`: an article and its reading day by day.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ArticleTotal {
    /// The day it was broadcast.
    #[serde(default)]
    pub ref_date: String,
    /// The broadcast message id and the article's position, `msgdataid_index`.
    #[serde(default)]
    pub msgid: String,
    /// The title.
    #[serde(default)]
    pub title: String,
    /// The reading, one entry per day since the broadcast.
    #[serde(default)]
    pub details: Vec<ArticleTotalDetail>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The reading of an article on one day, in `getarticletotal`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ArticleTotalDetail {
    /// The day counted.
    #[serde(default)]
    pub stat_date: String,
    /// Users the broadcast was delivered to.
    #[serde(default)]
    pub target_user: u64,
    /// Readers of the article page.
    #[serde(default)]
    pub int_page_read_user: u64,
    /// Reads of the article page.
    #[serde(default)]
    pub int_page_read_count: u64,
    /// Readers of the original page.
    #[serde(default)]
    pub ori_page_read_user: u64,
    /// Reads of the original page.
    #[serde(default)]
    pub ori_page_read_count: u64,
    /// People who shared.
    #[serde(default)]
    pub share_user: u64,
    /// Shares.
    #[serde(default)]
    pub share_count: u64,
    /// People who saved it.
    #[serde(default)]
    pub add_to_fav_user: u64,
    /// Saves.
    #[serde(default)]
    pub add_to_fav_count: u64,
    /// Readers from the chat.
    #[serde(default)]
    pub int_page_from_session_read_user: u64,
    /// Reads from the chat.
    #[serde(default)]
    pub int_page_from_session_read_count: u64,
    /// Readers from the history page.
    #[serde(default)]
    pub int_page_from_hist_msg_read_user: u64,
    /// Reads from the history page.
    #[serde(default)]
    pub int_page_from_hist_msg_read_count: u64,
    /// Readers from Moments.
    #[serde(default)]
    pub int_page_from_feed_read_user: u64,
    /// Reads from Moments.
    #[serde(default)]
    pub int_page_from_feed_read_count: u64,
    /// Readers from friends' shares.
    #[serde(default)]
    pub int_page_from_friends_read_user: u64,
    /// Reads from friends' shares.
    #[serde(default)]
    pub int_page_from_friends_read_count: u64,
    /// Readers from elsewhere.
    #[serde(default)]
    pub int_page_from_other_read_user: u64,
    /// Reads from elsewhere.
    #[serde(default)]
    pub int_page_from_other_read_count: u64,
    /// People who shared to Moments from the chat.
    #[serde(default)]
    pub feed_share_from_session_user: u64,
    /// Shares to Moments from the chat.
    #[serde(default)]
    pub feed_share_from_session_cnt: u64,
    /// People who shared to Moments from Moments.
    #[serde(default)]
    pub feed_share_from_feed_user: u64,
    /// Shares to Moments from Moments.
    #[serde(default)]
    pub feed_share_from_feed_cnt: u64,
    /// People who shared to Moments from elsewhere.
    #[serde(default)]
    pub feed_share_from_other_user: u64,
    /// Shares to Moments from elsewhere.
    #[serde(default)]
    pub feed_share_from_other_cnt: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A row of `getuserread` and `getuserreadhour`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct UserRead {
    /// The day.
    #[serde(default)]
    pub ref_date: String,
    /// The hour, as `HHMM` (0, 100, ... 2300); hourly endpoints only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ref_hour: Option<u32>,
    /// Where readers came from: 99999999 all, 0 chat, 1 friends, 2 Moments, 4 history page,
    /// 5 other, 6 Top Stories, 7 search.
    #[serde(default)]
    pub user_source: i64,
    /// Readers of the article pages.
    #[serde(default)]
    pub int_page_read_user: u64,
    /// Reads of the article pages.
    #[serde(default)]
    pub int_page_read_count: u64,
    /// Readers of the original pages.
    #[serde(default)]
    pub ori_page_read_user: u64,
    /// Reads of the original pages.
    #[serde(default)]
    pub ori_page_read_count: u64,
    /// People who shared.
    #[serde(default)]
    pub share_user: u64,
    /// Shares.
    #[serde(default)]
    pub share_count: u64,
    /// People who saved.
    #[serde(default)]
    pub add_to_fav_user: u64,
    /// Saves.
    #[serde(default)]
    pub add_to_fav_count: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A row of `getusershare` and `getusersharehour`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct UserShare {
    /// The day.
    #[serde(default)]
    pub ref_date: String,
    /// The hour, as `HHMM`; hourly endpoints only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ref_hour: Option<u32>,
    /// 1 to a friend, 2 to Moments, 255 other.
    #[serde(default)]
    pub share_scene: i64,
    /// Shares.
    #[serde(default)]
    pub share_count: u64,
    /// People who shared.
    #[serde(default)]
    pub share_user: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A row of `getupstreammsg`, `getupstreammsghour`, `getupstreammsgweek` and
/// `getupstreammsgmonth`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct UpstreamMsg {
    /// The day (the first day of the week or month for those endpoints).
    #[serde(default)]
    pub ref_date: String,
    /// The hour, as `HHMM`; `getupstreammsghour` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ref_hour: Option<u32>,
    /// 1 text, 2 image, 3 voice, 4 video, 6 third-party app message.
    #[serde(default)]
    pub msg_type: i64,
    /// Users who sent.
    #[serde(default)]
    pub msg_user: u64,
    /// Messages sent.
    #[serde(default)]
    pub msg_count: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A row of `getupstreammsgdist`, `getupstreammsgdistweek` and `getupstreammsgdistmonth`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct UpstreamMsgDist {
    /// The day (the first day of the week or month for those endpoints).
    #[serde(default)]
    pub ref_date: String,
    /// Messages per user: 0 for 0, 1 for 1-5, 2 for 6-10, 3 for more than 10.
    #[serde(default)]
    pub count_interval: i64,
    /// Users in that band.
    #[serde(default)]
    pub msg_user: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A row of `getinterfacesummary` and `getinterfacesummaryhour`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct InterfaceSummary {
    /// The day.
    #[serde(default)]
    pub ref_date: String,
    /// The hour, as `HHMM`; `getinterfacesummaryhour` only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ref_hour: Option<u32>,
    /// Callbacks delivered to the developer's server.
    #[serde(default)]
    pub callback_count: u64,
    /// Callbacks that failed.
    #[serde(default)]
    pub fail_count: u64,
    /// Total time spent, milliseconds (divide by `callback_count` for the mean).
    #[serde(default)]
    pub total_time_cost: u64,
    /// The slowest callback, milliseconds.
    #[serde(default)]
    pub max_time_cost: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

// ---------------------------------------------------------------------------------------------
// publisher/stat: ad revenue. One path, three `action`s; errors come in `base_resp`.

/// `base_resp` of `publisher/stat`: `ret` 0 is success.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct BaseResp {
    /// 0 on success, else an error code.
    #[serde(default)]
    pub ret: i64,
    /// The error message.
    #[serde(default)]
    pub err_msg: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The query of a `publisher/stat` request.
fn publisher_query<T: Serialize>(action: &str, request: &T) -> Result<Vec<(String, String)>> {
    let mut query = vec![("action".to_owned(), action.to_owned())];
    query.extend(crate::endpoint::query_of(request)?);
    Ok(query)
}

/// `publisher/stat?action=publisher_adpos_general` (publisher_adpos_general): ad revenue per ad
/// slot and day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetPublisherAdPosGeneral {
    /// The page, from 1.
    pub page: u32,
    /// Rows per page, up to 90.
    pub page_size: u32,
    /// The first day, `YYYY-MM-DD`.
    pub start_date: String,
    /// The last day, `YYYY-MM-DD`.
    pub end_date: String,
    /// One slot only: `SLOT_ID_BIZ_BOTTOM`, `SLOT_ID_BIZ_MID_CONTEXT`, `SLOT_ID_BIZ_VIDEO_END`,
    /// `SLOT_ID_BIZ_SPONSOR`, `SLOT_ID_BIZ_CPS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ad_slot: Option<String>,
}

/// The answer of `publisher_adpos_general`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PublisherAdPosGeneral {
    /// The outcome.
    #[serde(default)]
    pub base_resp: BaseResp,
    /// The rows, newest day first.
    #[serde(default)]
    pub list: Vec<AdPosStat>,
    /// The totals.
    #[serde(default)]
    pub summary: AdPosStat,
    /// Rows in all.
    #[serde(default)]
    pub total_num: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Ad figures of a slot on a day (or the totals).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct AdPosStat {
    /// The slot id (rows only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot_id: Option<i64>,
    /// The slot name (rows only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ad_slot: Option<String>,
    /// The day (rows only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Successful ad requests.
    #[serde(default)]
    pub req_succ_count: u64,
    /// Exposures.
    #[serde(default)]
    pub exposure_count: u64,
    /// Exposure rate.
    #[serde(default)]
    pub exposure_rate: f64,
    /// Clicks.
    #[serde(default)]
    pub click_count: u64,
    /// Click rate.
    #[serde(default)]
    pub click_rate: f64,
    /// Income, in fen.
    #[serde(default)]
    pub income: i64,
    /// Income per thousand exposures, in fen.
    #[serde(default)]
    pub ecpm: f64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `publisher/stat?action=publisher_cps_general` (publisher_cps_general): commission on products
/// per day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetPublisherCpsGeneral {
    /// The page, from 1.
    pub page: u32,
    /// Rows per page, up to 90.
    pub page_size: u32,
    /// The first day, `YYYY-MM-DD`.
    pub start_date: String,
    /// The last day, `YYYY-MM-DD`.
    pub end_date: String,
}

/// The answer of `publisher_cps_general`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PublisherCpsGeneral {
    /// The outcome.
    #[serde(default)]
    pub base_resp: BaseResp,
    /// The rows, newest day first.
    #[serde(default)]
    pub list: Vec<CpsStat>,
    /// The totals.
    #[serde(default)]
    pub summary: CpsStat,
    /// Rows in all.
    #[serde(default)]
    pub total_num: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Commission figures of a day (or the totals).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct CpsStat {
    /// The day (rows only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Exposures.
    #[serde(default)]
    pub exposure_count: u64,
    /// Clicks.
    #[serde(default)]
    pub click_count: u64,
    /// Click rate.
    #[serde(default)]
    pub click_rate: f64,
    /// Orders.
    #[serde(default)]
    pub order_count: u64,
    /// Order rate.
    #[serde(default)]
    pub order_rate: f64,
    /// Order value, in fen.
    #[serde(default)]
    pub total_fee: i64,
    /// Commission, in fen.
    #[serde(default)]
    pub total_commission: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `publisher/stat?action=publisher_settlement` (publisher_settlement): settled revenue and the
/// settling party.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetPublisherSettlement {
    /// The page, from 1.
    pub page: u32,
    /// Rows per page, up to 90.
    pub page_size: u32,
    /// The first day, `YYYY-MM-DD`.
    pub start_date: String,
    /// The last day, `YYYY-MM-DD`.
    pub end_date: String,
}

/// The answer of `publisher_settlement`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct PublisherSettlement {
    /// The outcome.
    #[serde(default)]
    pub base_resp: BaseResp,
    /// The settling party.
    #[serde(default)]
    pub body: String,
    /// Penalties in all, in fen.
    #[serde(default)]
    pub penalty_all: i64,
    /// Revenue in all, in fen.
    #[serde(default)]
    pub revenue_all: i64,
    /// Settled revenue in all, in fen.
    #[serde(default)]
    pub settled_revenue_all: i64,
    /// The settlements.
    #[serde(default)]
    pub settlement_list: Vec<Settlement>,
    /// Settlements in all.
    #[serde(default)]
    pub total_num: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A settlement (half a month of revenue).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Settlement {
    /// When it was settled.
    #[serde(default)]
    pub date: String,
    /// The period, e.g. `2020-01-01 to 2020-01-15`.
    #[serde(default)]
    pub zone: String,
    /// The month.
    #[serde(default)]
    pub month: String,
    /// 1 first half of the month, 2 second half.
    #[serde(default)]
    pub order: i64,
    /// 1 settling, 2 and 3 settled, 4 not settled.
    #[serde(default)]
    pub sett_status: i64,
    /// Settled revenue, in fen.
    #[serde(default)]
    pub settled_revenue: i64,
    /// The settlement number.
    #[serde(default)]
    pub sett_no: String,
    /// Invoice mails sent.
    #[serde(default)]
    pub mail_send_cnt: String,
    /// Revenue per slot.
    #[serde(default)]
    pub slot_revenue: Vec<SlotRevenue>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Settled revenue of one ad slot.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct SlotRevenue {
    /// The slot.
    #[serde(default)]
    pub slot_id: String,
    /// Its settled revenue, in fen.
    #[serde(default)]
    pub slot_settled_revenue: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

