//! Check-in (打卡): records, day and month reports, rules and schedules.
//!
//! Records are read by time range (at most 30 days a call) for up to 100 members a call:
//! [`checkin_records`] and [`hardware_checkin_records`] split longer ranges and longer lists.

use std::collections::VecDeque;

use futures_util::stream::{self, Stream};
use serde::{Deserialize, Serialize};

use crate::client::{Client, HttpClient, MaybeSync, Runtime, TokenStore};
use crate::endpoint::{Ack, Endpoint};
use crate::error::Result;

/// The longest time range one records call covers: 30 days, in seconds.
pub const MAX_RANGE_SECS: u64 = 30 * 24 * 3600;

/// The most members one call names.
pub const MAX_USERS: usize = 100;

// ---------------------------------------------------------------------------------------------
// Records

/// Which check-ins `getcheckindata` returns (`opencheckindatatype`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum CheckinKind {
    /// `1`: on and off duty.
    Duty,
    /// `2`: out of office.
    Outside,
    /// `3`: all.
    All,
}

impl From<CheckinKind> for u8 {
    fn from(kind: CheckinKind) -> u8 {
        match kind {
            CheckinKind::Duty => 1,
            CheckinKind::Outside => 2,
            CheckinKind::All => 3,
        }
    }
}

impl TryFrom<u8> for CheckinKind {
    type Error = String;
    fn try_from(n: u8) -> std::result::Result<Self, String> {
        match n {
            1 => Ok(CheckinKind::Duty),
            2 => Ok(CheckinKind::Outside),
            3 => Ok(CheckinKind::All),
            n => Err(format!("opencheckindatatype {n} is not 1, 2 or 3")),
        }
    }
}

/// `checkin/getcheckindata` (获取打卡记录数据): the check-ins of up to 100 members within at
/// most 30 days. [`checkin_records`] covers longer ranges and lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetCheckinData {
    /// Which check-ins.
    pub opencheckindatatype: CheckinKind,
    /// From, Unix seconds.
    pub starttime: u64,
    /// To, Unix seconds.
    pub endtime: u64,
    /// The members' userids, up to 100.
    pub useridlist: Vec<String>,
}

impl GetCheckinData {
    /// The check-ins of `kind` of `useridlist` between `starttime` and `endtime`.
    pub fn new(kind: CheckinKind, starttime: u64, endtime: u64, useridlist: Vec<String>) -> Self {
        Self {
            opencheckindatatype: kind,
            starttime,
            endtime,
            useridlist,
        }
    }
}

/// The answer of `getcheckindata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckinData {
    /// The check-ins.
    #[serde(default)]
    pub checkindata: Vec<CheckinRecord>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A check-in.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckinRecord {
    /// The member.
    #[serde(default)]
    pub userid: String,
    /// The rule's name.
    #[serde(default)]
    pub groupname: String,
    /// `上班打卡`, `下班打卡` or `外出打卡`.
    #[serde(default)]
    pub checkin_type: String,
    /// What was off (`时间异常`, `地点异常`, `未打卡`, ...), empty when nothing.
    #[serde(default)]
    pub exception_type: String,
    /// When, Unix seconds.
    #[serde(default)]
    pub checkin_time: i64,
    /// The place's name.
    #[serde(default)]
    pub location_title: String,
    /// The place's address.
    #[serde(default)]
    pub location_detail: String,
    /// The Wi-Fi's name.
    #[serde(default)]
    pub wifiname: String,
    /// The member's note.
    #[serde(default)]
    pub notes: String,
    /// The Wi-Fi's MAC address.
    #[serde(default)]
    pub wifimac: String,
    /// Photos attached, as media ids.
    #[serde(default)]
    pub mediaids: Vec<String>,
    /// Latitude × 1,000,000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<i64>,
    /// Longitude × 1,000,000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lng: Option<i64>,
    /// The device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deviceid: Option<String>,
    /// The scheduled time of this check-in, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sch_checkin_time: Option<i64>,
    /// The rule's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groupid: Option<u64>,
    /// The shift's id (scheduled rules).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_id: Option<u64>,
    /// The time section's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeline_id: Option<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `hardware/get_hardware_checkin_data` (获取设备打卡数据): the raw check-ins of up to 100
/// members on attendance devices, within at most 30 days. [`hardware_checkin_records`] covers
/// longer ranges and lists.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetHardwareCheckinData {
    /// `1`: the range is of check-in times (the default); `2`: of upload times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter_type: Option<u8>,
    /// From, Unix seconds.
    pub starttime: u64,
    /// To, Unix seconds.
    pub endtime: u64,
    /// The members' userids, up to 100.
    pub useridlist: Vec<String>,
}

/// The answer of `get_hardware_checkin_data`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HardwareCheckinData {
    /// The check-ins.
    #[serde(default)]
    pub checkindata: Vec<HardwareCheckin>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A check-in on an attendance device.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HardwareCheckin {
    /// The member.
    #[serde(default)]
    pub userid: String,
    /// When, Unix seconds.
    #[serde(default)]
    pub checkin_time: i64,
    /// The device's serial number.
    #[serde(default)]
    pub device_sn: String,
    /// The device's name.
    #[serde(default)]
    pub device_name: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

// ---------------------------------------------------------------------------------------------
// Reports

/// `checkin/getcheckin_daydata` (获取打卡日报数据): daily reports of up to 100 members.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetCheckinDayData {
    /// The first day, its 0:00 in Unix seconds.
    pub starttime: u64,
    /// The last day, its 0:00 in Unix seconds.
    pub endtime: u64,
    /// The members' userids, up to 100.
    pub useridlist: Vec<String>,
}

/// `checkin/getcheckin_monthdata` (获取打卡月报数据): monthly reports of up to 100 members.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetCheckinMonthData {
    /// The first day, its 0:00 in Unix seconds.
    pub starttime: u64,
    /// The last day, its 0:00 in Unix seconds.
    pub endtime: u64,
    /// The members' userids, up to 100.
    pub useridlist: Vec<String>,
}

/// The answer of `getcheckin_daydata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DayReports {
    /// One report per member and day.
    #[serde(default)]
    pub datas: Vec<DayReport>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `getcheckin_monthdata`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MonthReports {
    /// One report per member.
    #[serde(default)]
    pub datas: Vec<MonthReport>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member's day.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DayReport {
    /// Who, which day, which rule.
    #[serde(default)]
    pub base_info: ReportBaseInfo,
    /// Check-ins and hours.
    #[serde(default)]
    pub summary_info: ReportSummary,
    /// Leave and overtime requests that day.
    #[serde(default)]
    pub holiday_infos: Vec<HolidayInfo>,
    /// Exceptions: late, early, absent, ...
    #[serde(default)]
    pub exception_infos: Vec<ExceptionInfo>,
    /// Overtime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ot_info: Option<OvertimeInfo>,
    /// Leave, business trips and the like.
    #[serde(default)]
    pub sp_items: Vec<SpItem>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member's month.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MonthReport {
    /// Who, which rule.
    #[serde(default)]
    pub base_info: ReportBaseInfo,
    /// Days and hours.
    #[serde(default)]
    pub summary_info: ReportSummary,
    /// Exceptions: late, early, absent, ...
    #[serde(default)]
    pub exception_infos: Vec<ExceptionInfo>,
    /// Leave, business trips and the like.
    #[serde(default)]
    pub sp_items: Vec<SpItem>,
    /// Overtime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overwork_info: Option<OverworkInfo>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Who a report is of (`base_info`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportBaseInfo {
    /// The day (day reports), its 0:00 in Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<i64>,
    /// `1` fixed hours, `2` shifts, `3` free check-in.
    #[serde(default)]
    pub record_type: u8,
    /// The member's name.
    #[serde(default)]
    pub name: String,
    /// The member's English name.
    #[serde(default)]
    pub name_ex: String,
    /// The member's departments.
    #[serde(default)]
    pub departs_name: String,
    /// The member's userid.
    #[serde(default)]
    pub acctid: String,
    /// The rule applied.
    #[serde(default)]
    pub rule_info: ReportRuleInfo,
    /// Day reports: `0` workday, `1` day off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_type: Option<u8>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The rule of a report (`rule_info`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportRuleInfo {
    /// The rule's id.
    #[serde(default)]
    pub groupid: u64,
    /// The rule's name.
    #[serde(default)]
    pub groupname: String,
    /// Day reports: the shift's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scheduleid: Option<u64>,
    /// Day reports: the shift's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedulename: Option<String>,
    /// Day reports: the on and off duty times.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkintime: Vec<CheckinTime>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The totals of a report (`summary_info`): day reports fill the check-in fields, month
/// reports the day counts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReportSummary {
    /// Day: check-ins that day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checkin_count: Option<u32>,
    /// Seconds actually worked.
    #[serde(default)]
    pub regular_work_sec: i64,
    /// Seconds of the standard working time.
    #[serde(default)]
    pub standard_work_sec: i64,
    /// Day: the earliest check-in, seconds after 0:00.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest_time: Option<i64>,
    /// Day: the latest check-in, seconds after 0:00 (WeCom spells it `lastest_time`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lastest_time: Option<i64>,
    /// Month: days to work.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_days: Option<u32>,
    /// Month: days with exceptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub except_days: Option<u32>,
    /// Month: days without exceptions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regular_days: Option<u32>,
    /// Month: days off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest_days: Option<u32>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A leave or overtime request of a day report (`holiday_infos`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HolidayInfo {
    /// The approval number.
    #[serde(default)]
    pub sp_number: String,
    /// Its title, in each language.
    #[serde(default)]
    pub sp_title: LangTexts,
    /// Its description, in each language.
    #[serde(default)]
    pub sp_description: LangTexts,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Text in several languages (`{"data": [{"lang", "text"}]}`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LangTexts {
    /// The texts.
    #[serde(default)]
    pub data: Vec<LangText>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A text and its language.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LangText {
    /// `zh_CN`, `en`, ...
    #[serde(default)]
    pub lang: String,
    /// The text.
    #[serde(default)]
    pub text: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An exception of a report: `1` late, `2` early, `3` missing, `4` absent, `5` wrong place,
/// `6` wrong device.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExceptionInfo {
    /// Which exception.
    #[serde(default)]
    pub exception: u8,
    /// How many times.
    #[serde(default)]
    pub count: u32,
    /// How long, seconds (late and early only).
    #[serde(default)]
    pub duration: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The overtime of a day report (`ot_info`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OvertimeInfo {
    /// `0` none, `1` pending, `2` approved, `3` rejected.
    #[serde(default)]
    pub ot_status: u8,
    /// Seconds of overtime.
    #[serde(default)]
    pub ot_duration: i64,
    /// Seconds of overtime that was not counted.
    #[serde(default)]
    pub exception_duration: Vec<i64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The overtime of a month report (`overwork_info`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OverworkInfo {
    /// Seconds on workdays.
    #[serde(default)]
    pub workday_over_sec: i64,
    /// Seconds on holidays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holidays_over_sec: Option<i64>,
    /// Seconds on days off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restdays_over_sec: Option<i64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Leave, a business trip, an outing or a correction counted in a report (`sp_items`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SpItem {
    /// `1` leave, `2` correction, `3` business trip, `4` outing, `100` other.
    #[serde(rename = "type", default)]
    pub kind: u32,
    /// The leave type's id.
    #[serde(default)]
    pub vacation_id: u64,
    /// How many.
    #[serde(default)]
    pub count: u32,
    /// How long, in the unit of `time_type`.
    #[serde(default)]
    pub duration: i64,
    /// `0` days, `1` hours.
    #[serde(default)]
    pub time_type: u8,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

// ---------------------------------------------------------------------------------------------
// Rules

/// `checkin/getcorpcheckinoption` (获取企业所有打卡规则): every check-in rule of the corp.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetCorpCheckinOption {}

/// The answer of `getcorpcheckinoption`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpCheckinOptions {
    /// The rules.
    #[serde(default)]
    pub group: Vec<CheckinGroup>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `checkin/getcheckinoption` (获取员工打卡规则): the rules of up to 100 members on one day.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetCheckinOption {
    /// The day, its 0:00 in Unix seconds.
    pub datetime: u64,
    /// The members' userids, up to 100.
    pub useridlist: Vec<String>,
}

/// The answer of `getcheckinoption`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckinOptions {
    /// One rule per member.
    #[serde(default)]
    pub info: Vec<UserCheckinOption>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member's rule.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserCheckinOption {
    /// The member.
    #[serde(default)]
    pub userid: String,
    /// The rule.
    #[serde(default)]
    pub group: CheckinGroup,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A check-in rule (`group`), as rules are read and written. The fields named here are the
/// common ones; the rest (overtime, late rules, shifts, reminders, ...) are kept in
/// [`CheckinGroup::extra`] as WeCom sends them, and written back from there.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckinGroup {
    /// `1` fixed hours, `2` shifts, `3` free check-in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grouptype: Option<u8>,
    /// The rule's id (absent when adding one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groupid: Option<u64>,
    /// The rule's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groupname: Option<String>,
    /// The working days and their hours.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkindate: Vec<CheckinDate>,
    /// Dates that must be worked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spe_workdays: Vec<SpecialDay>,
    /// Dates off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub spe_offdays: Vec<SpecialDay>,
    /// Whether public holidays are followed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sync_holidays: Option<bool>,
    /// Whether a photo is required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_photo: Option<bool>,
    /// The Wi-Fi networks that count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wifimac_infos: Vec<WifiMac>,
    /// Whether notes may use photos from the album.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_can_use_local_pic: Option<bool>,
    /// Whether checking in on days off is allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_checkin_offworkday: Option<bool>,
    /// Whether corrections may be requested for days off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_apply_offworkday: Option<bool>,
    /// The places that count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub loc_infos: Vec<LocationInfo>,
    /// Who the rule applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<CheckinRange>,
    /// When the rule was created, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create_time: Option<i64>,
    /// Members who need not check in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub white_users: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Working days and their hours (`checkindate`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckinDate {
    /// Weekdays, `0` Sunday to `6` Saturday.
    #[serde(default)]
    pub workdays: Vec<u8>,
    /// The on and off duty times.
    #[serde(default)]
    pub checkintime: Vec<CheckinTime>,
    /// Whether checking off duty is not needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub noneed_offwork: Option<bool>,
    /// How early one may check in, milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_aheadtime: Option<i64>,
    /// Flexible on-duty time, milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flex_on_duty_time: Option<i64>,
    /// Flexible off-duty time, milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flex_off_duty_time: Option<i64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// On and off duty times, seconds after 0:00.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckinTime {
    /// On duty.
    #[serde(default)]
    pub work_sec: i64,
    /// Off duty.
    #[serde(default)]
    pub off_work_sec: i64,
    /// The reminder before on duty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remind_work_sec: Option<i64>,
    /// The reminder before off duty.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remind_off_work_sec: Option<i64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A special date (`spe_workdays`, `spe_offdays`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SpecialDay {
    /// The day, Unix seconds.
    #[serde(default)]
    pub timestamp: i64,
    /// Why.
    #[serde(default)]
    pub notes: String,
    /// The hours that day.
    #[serde(default)]
    pub checkintime: Vec<CheckinTime>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A Wi-Fi network of a rule.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WifiMac {
    /// Its name.
    #[serde(default)]
    pub wifiname: String,
    /// Its MAC address.
    #[serde(default)]
    pub wifimac: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A place of a rule.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LocationInfo {
    /// Latitude × 1,000,000.
    #[serde(default)]
    pub lat: i64,
    /// Longitude × 1,000,000.
    #[serde(default)]
    pub lng: i64,
    /// The place's name.
    #[serde(default)]
    pub loc_title: String,
    /// The address.
    #[serde(default)]
    pub loc_detail: String,
    /// The allowed distance, metres.
    #[serde(default)]
    pub distance: u32,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// Who a rule applies to (`range`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckinRange {
    /// Departments.
    #[serde(default)]
    pub partyid: Vec<u64>,
    /// Members.
    #[serde(default)]
    pub userid: Vec<String>,
    /// Tags.
    #[serde(default)]
    pub tagid: Vec<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `checkin/add_checkin_option` (创建打卡规则): adds a rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddCheckinOption {
    /// Whether it applies today already (else from tomorrow).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_now: Option<bool>,
    /// The rule.
    pub group: CheckinGroup,
}

/// `checkin/update_checkin_option` (修改打卡规则): replaces the fields given of a rule
/// (`group.groupid` names it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpdateCheckinOption {
    /// Whether it applies today already (else from tomorrow).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_now: Option<bool>,
    /// The rule.
    pub group: CheckinGroup,
}

/// `checkin/clear_checkin_option_array_field` (清空打卡规则数组元素): empties list fields of a
/// rule, named by number (`1` the members, `2` the special workdays, ... as WeCom numbers them).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClearCheckinOptionArrayField {
    /// The rule's id.
    pub groupid: u64,
    /// The fields to empty.
    pub clear_field: Vec<u32>,
    /// Whether it applies today already (else from tomorrow).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_now: Option<bool>,
}

/// `checkin/del_checkin_option` (删除打卡规则): deletes a rule.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DelCheckinOption {
    /// The rule's id.
    pub groupid: u64,
    /// Whether it applies today already (else from tomorrow).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_now: Option<bool>,
}

// ---------------------------------------------------------------------------------------------
// Schedules, corrections, faces

/// `checkin/getcheckinschedulist` (获取打卡人员排班信息): the shifts of up to 100 members.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GetCheckinScheduleList {
    /// From, Unix seconds.
    pub starttime: u64,
    /// To, Unix seconds (at most a month after `starttime`).
    pub endtime: u64,
    /// The members' userids, up to 100.
    pub useridlist: Vec<String>,
}

/// The answer of `getcheckinschedulist`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScheduleList {
    /// One entry per member and month.
    #[serde(default)]
    pub schedule_list: Vec<UserSchedule>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A member's shifts in a month.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UserSchedule {
    /// The member.
    #[serde(default)]
    pub userid: String,
    /// The month, as `YYYYMM`.
    #[serde(default)]
    pub yearmonth: u32,
    /// The rule's id.
    #[serde(default)]
    pub groupid: u64,
    /// The rule's name.
    #[serde(default)]
    pub groupname: String,
    /// The days.
    #[serde(default)]
    pub schedule: ScheduleDays,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The days of a member's month (`schedule`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScheduleDays {
    /// One entry per day (`scheduleList`).
    #[serde(rename = "scheduleList", default)]
    pub schedule_list: Vec<ScheduleDay>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A day's shift.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScheduleDay {
    /// The day of the month.
    #[serde(default)]
    pub day: u8,
    /// The shift.
    #[serde(default)]
    pub schedule_info: ScheduleInfo,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A shift.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScheduleInfo {
    /// The shift's id; `0` is a day off.
    #[serde(default)]
    pub schedule_id: u64,
    /// The shift's name.
    #[serde(default)]
    pub schedule_name: String,
    /// Its time sections.
    #[serde(default)]
    pub time_section: Vec<TimeSection>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A time section of a shift, seconds after 0:00.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeSection {
    /// The section's id.
    #[serde(default)]
    pub id: u64,
    /// On duty.
    #[serde(default)]
    pub work_sec: i64,
    /// Off duty.
    #[serde(default)]
    pub off_work_sec: i64,
    /// The reminder before on duty.
    #[serde(default)]
    pub remind_work_sec: i64,
    /// The reminder before off duty.
    #[serde(default)]
    pub remind_off_work_sec: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `checkin/setcheckinschedulist` (为打卡人员排班): sets members' shifts for days of a month.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetCheckinScheduleList {
    /// The rule's id.
    pub groupid: u64,
    /// The shifts to set.
    pub items: Vec<ScheduleItem>,
    /// The month, as `YYYYMM`.
    pub yearmonth: u32,
}

/// A member's shift on a day, for [`SetCheckinScheduleList`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleItem {
    /// The member.
    pub userid: String,
    /// The day of the month.
    pub day: u8,
    /// The shift's id; `0` is a day off.
    pub schedule_id: u64,
}

/// `checkin/punch_correction` (为打卡人员补卡): records a missed check-in for a member.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PunchCorrection {
    /// The member.
    pub userid: String,
    /// The day to correct, Unix seconds.
    pub schedule_date_time: u64,
    /// The scheduled check-in time to correct (fixed hours and shifts), Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule_checkin_time: Option<u64>,
    /// The check-in time recorded, Unix seconds.
    pub checkin_time: u64,
}

/// `checkin/addcheckinuserface` (录入打卡人员人脸信息): records a member's face for face
/// check-in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AddCheckinUserFace {
    /// The member.
    pub userid: String,
    /// The face photo, base64.
    pub userface: String,
}

impl AddCheckinUserFace {
    /// Records the JPEG or PNG `photo` as `userid`'s face.
    pub fn new(userid: impl Into<String>, photo: &[u8]) -> Self {
        Self {
            userid: userid.into(),
            userface: base64_simd::STANDARD.encode_to_string(photo),
        }
    }
}

crate::endpoint! {
    area: "work";

    GetCheckinData => CheckinData {
        POST Work "/cgi-bin/checkin/getcheckindata",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90262",
    }
    GetCheckinDayData => DayReports {
        POST Work "/cgi-bin/checkin/getcheckin_daydata",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93374",
    }
    GetCheckinMonthData => MonthReports {
        POST Work "/cgi-bin/checkin/getcheckin_monthdata",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93387",
    }
    GetCorpCheckinOption => CorpCheckinOptions {
        POST Work "/cgi-bin/checkin/getcorpcheckinoption",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93384",
    }
    GetCheckinOption => CheckinOptions {
        POST Work "/cgi-bin/checkin/getcheckinoption",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/90263",
    }
    GetCheckinScheduleList => ScheduleList {
        POST Work "/cgi-bin/checkin/getcheckinschedulist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93380",
    }
    SetCheckinScheduleList => Ack {
        POST Work "/cgi-bin/checkin/setcheckinschedulist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93385",
    }
    PunchCorrection => Ack {
        POST Work "/cgi-bin/checkin/punch_correction",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/95803",
    }
    AddCheckinUserFace => Ack {
        POST Work "/cgi-bin/checkin/addcheckinuserface",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/93378",
    }
    AddCheckinOption => Ack {
        POST Work "/cgi-bin/checkin/add_checkin_option",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/98041",
    }
    UpdateCheckinOption => Ack {
        POST Work "/cgi-bin/checkin/update_checkin_option",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/98041",
    }
    ClearCheckinOptionArrayField => Ack {
        POST Work "/cgi-bin/checkin/clear_checkin_option_array_field",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/98041",
    }
    DelCheckinOption => Ack {
        POST Work "/cgi-bin/checkin/del_checkin_option",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/98041",
    }
    GetHardwareCheckinData => HardwareCheckinData {
        POST Work "/cgi-bin/hardware/get_hardware_checkin_data",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94126",
    }
}

// ---------------------------------------------------------------------------------------------
// Streams over long ranges and long member lists

/// The calls that cover `[starttime, endtime]` for `userids`: windows of at most
/// [`MAX_RANGE_SECS`] (each starting a second after the previous one ends, so no check-in is
/// read twice), each for chunks of at most [`MAX_USERS`] members. No members, or a range that
/// ends before it starts, means no call.
pub fn split_range(starttime: u64, endtime: u64, userids: &[String]) -> Vec<(u64, u64, Vec<String>)> {
    let mut calls = Vec::new();
    if userids.is_empty() || endtime < starttime {
        return calls;
    }
    let mut from = starttime;
    loop {
        let to = from.saturating_add(MAX_RANGE_SECS).min(endtime);
        for chunk in userids.chunks(MAX_USERS) {
            calls.push((from, to, chunk.to_vec()));
        }
        if to >= endtime {
            break;
        }
        from = to + 1;
    }
    calls
}

struct Windows<E, T> {
    calls: VecDeque<E>,
    items: VecDeque<T>,
}

/// Calls `request(from, to, users)` for each call of [`split_range`] in order and yields the
/// items `items` takes from each answer. A failed call is yielded as its error and ends the
/// stream.
fn windowed<'a, H, S, R, E, T>(
    client: &'a Client<H, S, R>,
    starttime: u64,
    endtime: u64,
    userids: &[String],
    request: impl Fn(u64, u64, Vec<String>) -> E,
    items: fn(E::Response) -> Vec<T>,
) -> impl Stream<Item = Result<T>> + 'a
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
    E: Endpoint + MaybeSync + 'a,
    T: 'a,
{
    let start = Windows {
        calls: split_range(starttime, endtime, userids)
            .into_iter()
            .map(|(from, to, users)| request(from, to, users))
            .collect(),
        items: VecDeque::new(),
    };
    stream::try_unfold(start, move |mut state| async move {
        loop {
            if let Some(item) = state.items.pop_front() {
                return Ok(Some((item, state)));
            }
            let Some(next) = state.calls.pop_front() else {
                return Ok(None);
            };
            let answer = client.call(&next).await?;
            state.items.extend(items(answer));
        }
    })
}

/// Every check-in of `kind` of `userids` between `starttime` and `endtime` (Unix seconds, any
/// length), read through `getcheckindata` 30 days and 100 members at a time. A failed call is
/// yielded as its error and ends the stream.
pub fn checkin_records<'a, H, S, R>(
    client: &'a Client<H, S, R>,
    kind: CheckinKind,
    starttime: u64,
    endtime: u64,
    userids: &[String],
) -> impl Stream<Item = Result<CheckinRecord>> + 'a
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    windowed(
        client,
        starttime,
        endtime,
        userids,
        move |from, to, users| GetCheckinData::new(kind, from, to, users),
        |answer: CheckinData| answer.checkindata,
    )
}

/// Every device check-in of `userids` between `starttime` and `endtime` (Unix seconds, any
/// length; `filter_type` as [`GetHardwareCheckinData`] reads it), read through
/// `get_hardware_checkin_data` 30 days and 100 members at a time. A failed call is yielded as
/// its error and ends the stream.
pub fn hardware_checkin_records<'a, H, S, R>(
    client: &'a Client<H, S, R>,
    filter_type: Option<u8>,
    starttime: u64,
    endtime: u64,
    userids: &[String],
) -> impl Stream<Item = Result<HardwareCheckin>> + 'a
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    windowed(
        client,
        starttime,
        endtime,
        userids,
        move |from, to, users| GetHardwareCheckinData {
            filter_type,
            starttime: from,
            endtime: to,
            useridlist: users,
        },
        |answer: HardwareCheckinData| answer.checkindata,
    )
}
