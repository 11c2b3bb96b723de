//! Typed messages and events pushed by the Official Account, the Mini Program, the Open
//! Platform (component pushes and authorizers' messages) and WeCom (self-built apps,
//! third-party suites, customer service).
//!
//! Field names are WeChat's (serde renames). Every struct defaults every field, so a push that
//! omits one still parses; a message or event type we do not know, or a known one whose fields
//! do not fit, arrives as an `Unknown` variant that keeps every raw field.
//!
//! Serialized (serde / JSON), a message is one flat object in WeChat's shape, with `MsgType`,
//! `Event`, `InfoType` and `ChangeType` filled in, 64-bit ids as strings and tickets redacted.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::error::CallbackError;
use super::serde_util as su;
use super::xml::{self, Node, NodeDe};
use crate::Secret;

/// Every raw field of a message, as WeChat sent it (XML leaves become strings).
pub type RawFields = Map<String, Value>;

/// Declares a struct with the common user-message header: `ToUserName`, `FromUserName`,
/// `CreateTime` and WeCom's `AgentID`.
macro_rules! with_header {
    ($(#[$meta:meta])* pub struct $name:ident { $($body:tt)* }) => {
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        $(#[$meta])*
        pub struct $name {
            /// The receiving account: the original id (`gh_...`) or the corp id.
            #[serde(rename = "ToUserName")]
            pub to_user_name: String,
            /// The sender: an OpenID or a WeCom UserID.
            #[serde(rename = "FromUserName")]
            pub from_user_name: String,
            /// Unix seconds.
            #[serde(rename = "CreateTime", deserialize_with = "su::u64_lenient")]
            pub create_time: u64,
            /// The receiving WeCom app.
            #[serde(
                rename = "AgentID",
                deserialize_with = "su::opt_u64_lenient",
                skip_serializing_if = "Option::is_none"
            )]
            pub agent_id: Option<u64>,
            $($body)*
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Messages

with_header! {
    /// `text`.
    #[serde(rename_all = "PascalCase")]
    pub struct TextMessage {
        /// The text.
        pub content: String,
        /// 64-bit message id.
        #[serde(deserialize_with = "su::u64_lenient", serialize_with = "su::u64_as_string")]
        pub msg_id: u64,
        /// Article message data id, when the text is a comment on an article.
        pub msg_data_id: Option<String>,
        /// Index of the article in a multi-article message.
        pub idx: Option<String>,
        /// Menu id chosen in a menu message.
        #[serde(rename = "bizmsgmenuid")]
        pub biz_msg_menu_id: Option<String>,
    }
}

with_header! {
    /// `image`.
    #[serde(rename_all = "PascalCase")]
    pub struct ImageMessage {
        /// Picture URL.
        pub pic_url: String,
        /// Media id, for downloading.
        pub media_id: String,
        /// 64-bit message id.
        #[serde(deserialize_with = "su::u64_lenient", serialize_with = "su::u64_as_string")]
        pub msg_id: u64,
    }
}

with_header! {
    /// `voice`.
    #[serde(rename_all = "PascalCase")]
    pub struct VoiceMessage {
        /// Media id, for downloading.
        pub media_id: String,
        /// `amr`, `speex`, ...
        pub format: String,
        /// Speech recognition result, when enabled.
        pub recognition: Option<String>,
        /// Media id of the 16 kHz version.
        #[serde(rename = "MediaId16K")]
        pub media_id_16k: Option<String>,
        /// 64-bit message id.
        #[serde(deserialize_with = "su::u64_lenient", serialize_with = "su::u64_as_string")]
        pub msg_id: u64,
    }
}

with_header! {
    /// `video` and `shortvideo`.
    #[serde(rename_all = "PascalCase")]
    pub struct VideoMessage {
        /// Media id, for downloading.
        pub media_id: String,
        /// Media id of the thumbnail.
        pub thumb_media_id: String,
        /// 64-bit message id.
        #[serde(deserialize_with = "su::u64_lenient", serialize_with = "su::u64_as_string")]
        pub msg_id: u64,
    }
}

with_header! {
    /// `location`.
    #[serde(rename_all = "PascalCase")]
    pub struct LocationMessage {
        /// Latitude.
        #[serde(rename = "Location_X")]
        pub location_x: f64,
        /// Longitude.
        #[serde(rename = "Location_Y")]
        pub location_y: f64,
        /// Map zoom.
        pub scale: f64,
        /// Place name.
        pub label: String,
        /// WeCom: the app type (`wxwork`).
        pub app_type: Option<String>,
        /// 64-bit message id.
        #[serde(deserialize_with = "su::u64_lenient", serialize_with = "su::u64_as_string")]
        pub msg_id: u64,
    }
}

with_header! {
    /// `link`.
    #[serde(rename_all = "PascalCase")]
    pub struct LinkMessage {
        /// Title.
        pub title: String,
        /// Description.
        pub description: String,
        /// URL.
        pub url: String,
        /// WeCom: cover picture URL.
        pub pic_url: Option<String>,
        /// 64-bit message id.
        #[serde(deserialize_with = "su::u64_lenient", serialize_with = "su::u64_as_string")]
        pub msg_id: u64,
    }
}

with_header! {
    /// `miniprogrampage`: a Mini Program card sent to customer service.
    #[serde(rename_all = "PascalCase")]
    pub struct MiniProgramPageMessage {
        /// Card title.
        pub title: String,
        /// Mini Program app id.
        pub app_id: String,
        /// Page path.
        pub page_path: String,
        /// Thumbnail URL.
        pub thumb_url: String,
        /// Thumbnail media id.
        pub thumb_media_id: String,
        /// 64-bit message id.
        #[serde(deserialize_with = "su::u64_lenient", serialize_with = "su::u64_as_string")]
        pub msg_id: u64,
    }
}

// ---------------------------------------------------------------------------------------------
// Events (MsgType = event)

with_header! {
    /// `subscribe` (with `qrscene_...` in `EventKey` when from a parametric QR code).
    #[serde(rename_all = "PascalCase")]
    pub struct SubscribeEvent {
        /// `qrscene_` + scene, when subscribing through a QR code.
        pub event_key: Option<String>,
        /// QR code ticket.
        pub ticket: Option<String>,
    }
}

impl SubscribeEvent {
    /// The QR scene value without its `qrscene_` prefix.
    pub fn qr_scene(&self) -> Option<&str> {
        self.event_key.as_deref()?.strip_prefix("qrscene_")
    }
}

with_header! {
    /// `unsubscribe`.
    #[serde(rename_all = "PascalCase")]
    pub struct UnsubscribeEvent {
        /// Usually empty.
        pub event_key: Option<String>,
    }
}

with_header! {
    /// `SCAN`: a subscriber scanned a parametric QR code.
    #[serde(rename_all = "PascalCase")]
    pub struct ScanEvent {
        /// The scene value.
        pub event_key: String,
        /// QR code ticket.
        pub ticket: Option<String>,
    }
}

with_header! {
    /// `LOCATION`: periodic location report.
    #[serde(rename_all = "PascalCase")]
    pub struct LocationEvent {
        /// Latitude.
        pub latitude: f64,
        /// Longitude.
        pub longitude: f64,
        /// Precision.
        pub precision: f64,
        /// WeCom: the app type.
        pub app_type: Option<String>,
    }
}

with_header! {
    /// `CLICK`, `VIEW`, `view_miniprogram`: a menu button.
    #[serde(rename_all = "PascalCase")]
    pub struct MenuEvent {
        /// The button key, URL or page path.
        pub event_key: String,
        /// The menu id (personalized menus).
        pub menu_id: Option<String>,
    }
}

/// Result of a scan from a menu button.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ScanCodeInfo {
    /// `qrcode`, `barcode`, ...
    pub scan_type: String,
    /// The scanned text.
    pub scan_result: String,
}

with_header! {
    /// `scancode_push`, `scancode_waitmsg`.
    #[serde(rename_all = "PascalCase")]
    pub struct ScanCodeEvent {
        /// The button key.
        pub event_key: String,
        /// What was scanned.
        pub scan_code_info: ScanCodeInfo,
    }
}

/// One picture of a picture menu event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct PicItem {
    /// MD5 of the picture.
    pub pic_md5_sum: String,
}

/// Pictures sent from a menu button.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SendPicsInfo {
    /// Number of pictures.
    #[serde(deserialize_with = "su::u64_lenient")]
    pub count: u64,
    /// The pictures (XML: `<PicList><item>...</item></PicList>`).
    #[serde(deserialize_with = "su::list")]
    pub pic_list: Vec<PicItem>,
}

with_header! {
    /// `pic_sysphoto`, `pic_photo_or_album`, `pic_weixin`.
    #[serde(rename_all = "PascalCase")]
    pub struct PicEvent {
        /// The button key.
        pub event_key: String,
        /// The pictures.
        pub send_pics_info: SendPicsInfo,
    }
}

/// Location chosen from a menu button.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SendLocationInfo {
    /// Latitude.
    #[serde(rename = "Location_X")]
    pub location_x: f64,
    /// Longitude.
    #[serde(rename = "Location_Y")]
    pub location_y: f64,
    /// Map zoom.
    pub scale: f64,
    /// Address.
    pub label: String,
    /// POI name.
    pub poiname: Option<String>,
}

with_header! {
    /// `location_select`.
    #[serde(rename_all = "PascalCase")]
    pub struct LocationSelectEvent {
        /// The button key.
        pub event_key: String,
        /// The location.
        pub send_location_info: SendLocationInfo,
    }
}

with_header! {
    /// `TEMPLATESENDJOBFINISH`.
    #[serde(rename_all = "PascalCase")]
    pub struct TemplateSendJobFinishEvent {
        /// 64-bit template message id.
        #[serde(rename = "MsgID", deserialize_with = "su::u64_lenient", serialize_with = "su::u64_as_string")]
        pub msg_id: u64,
        /// `success`, `failed:user block`, `failed: system failed`.
        pub status: String,
    }
}

with_header! {
    /// `MASSSENDJOBFINISH`.
    #[serde(rename_all = "PascalCase")]
    pub struct MassSendJobFinishEvent {
        /// 64-bit mass message id.
        #[serde(rename = "MsgID", deserialize_with = "su::u64_lenient", serialize_with = "su::u64_as_string")]
        pub msg_id: u64,
        /// `send success`, `send fail`, `err(num)`.
        pub status: String,
        /// Target count.
        #[serde(deserialize_with = "su::u64_lenient")]
        pub total_count: u64,
        /// Count after filtering.
        #[serde(deserialize_with = "su::u64_lenient")]
        pub filter_count: u64,
        /// Sent.
        #[serde(deserialize_with = "su::u64_lenient")]
        pub sent_count: u64,
        /// Failed.
        #[serde(deserialize_with = "su::u64_lenient")]
        pub error_count: u64,
        /// Originality check result, as sent.
        pub copyright_check_result: Option<Value>,
        /// Article URLs, as sent.
        pub article_url_result: Option<Value>,
    }
}

/// The body of `PUBLISHJOBFINISH`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PublishEventInfo {
    /// Publish task id.
    pub publish_id: String,
    /// 0 success, 1 publishing, 2 original fail, 3 normal fail, 4 platform audit fail, ...
    pub publish_status: i64,
    /// Article id on success.
    pub article_id: Option<String>,
    /// Article URLs, as sent.
    pub article_detail: Option<Value>,
    /// Failed article indexes, as sent.
    pub fail_idx: Option<Value>,
}

with_header! {
    /// `PUBLISHJOBFINISH`.
    #[serde(rename_all = "PascalCase")]
    pub struct PublishJobFinishEvent {
        /// The result.
        pub publish_event_info: PublishEventInfo,
    }
}

/// One item of the subscribe-message events.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SubscribeMsgItem {
    /// Template id.
    pub template_id: String,
    /// `accept`, `reject`, `ban`, `filter`, `acceptWithAudio`.
    pub subscribe_status_string: Option<String>,
    /// Popup scene: 1 from JS, 2 from a page, 3 ...
    pub popup_scene: Option<String>,
    /// Sent message id (`subscribe_msg_sent_event`).
    #[serde(
        rename = "MsgID",
        deserialize_with = "su::opt_u64_lenient",
        serialize_with = "su::opt_u64_as_string"
    )]
    pub msg_id: Option<u64>,
    /// Send result code (`subscribe_msg_sent_event`).
    pub error_code: Option<String>,
    /// Send result (`subscribe_msg_sent_event`).
    pub error_status: Option<String>,
}

with_header! {
    /// `subscribe_msg_popup_event`, `subscribe_msg_change_event`, `subscribe_msg_sent_event`.
    ///
    /// The list arrives as `<SubscribeMsg...Event><List>..</List>..</...>` in XML and as
    /// `"List"`, one object or an array, in JSON.
    #[serde(rename_all = "PascalCase")]
    pub struct SubscribeMsgEvent {
        /// The items.
        #[serde(
            alias = "SubscribeMsgPopupEvent",
            alias = "SubscribeMsgChangeEvent",
            alias = "SubscribeMsgSentEvent",
            deserialize_with = "su::list"
        )]
        pub list: Vec<SubscribeMsgItem>,
    }
}

with_header! {
    /// Card (卡券) events: `card_pass_check`, `user_get_card`, `user_consume_card`, ...
    #[serde(rename_all = "PascalCase")]
    pub struct CardEvent {
        /// The event name.
        pub event: String,
        /// Card id.
        pub card_id: Option<String>,
        /// Card code.
        pub user_card_code: Option<String>,
        /// Audit refusal reason.
        pub refuse_reason: Option<String>,
        /// 1 when received from a friend.
        pub is_give_by_friend: Option<String>,
        /// The friend who gave it.
        pub friend_user_name: Option<String>,
        /// Previous code, for gifted cards.
        pub old_user_card_code: Option<String>,
        /// Scene value.
        pub outer_id: Option<String>,
        /// Scene string.
        pub outer_str: Option<String>,
        /// Whether a deleted member card was restored.
        pub is_restore_member_card: Option<String>,
        /// UnionID.
        pub union_id: Option<String>,
        /// Consumption source.
        pub consume_source: Option<String>,
        /// Store name.
        pub location_name: Option<String>,
        /// Staff OpenID.
        pub staff_open_id: Option<String>,
        /// Self-service verification code.
        pub verify_code: Option<String>,
        /// Remark amount.
        pub remark_amount: Option<String>,
    }
}

with_header! {
    /// Account verification (认证) events: `qualification_verify_success`,
    /// `qualification_verify_fail`, `naming_verify_success`, `naming_verify_fail`,
    /// `annual_renew`, `verify_expired`.
    #[serde(rename_all = "PascalCase")]
    pub struct VerificationEvent {
        /// The event name.
        pub event: String,
        /// Expiry (Unix seconds).
        #[serde(deserialize_with = "su::opt_u64_lenient")]
        pub expired_time: Option<u64>,
        /// Failure time (Unix seconds).
        #[serde(deserialize_with = "su::opt_u64_lenient")]
        pub fail_time: Option<u64>,
        /// Failure reason.
        pub fail_reason: Option<String>,
    }
}

with_header! {
    /// Mini Program code audit events: `weapp_audit_success`, `weapp_audit_fail`,
    /// `weapp_audit_delay`.
    #[serde(rename_all = "PascalCase")]
    pub struct WeappAuditEvent {
        /// The event name.
        pub event: String,
        /// Success time.
        #[serde(deserialize_with = "su::opt_u64_lenient")]
        pub succ_time: Option<u64>,
        /// Failure time.
        #[serde(deserialize_with = "su::opt_u64_lenient")]
        pub fail_time: Option<u64>,
        /// Delay time.
        #[serde(deserialize_with = "su::opt_u64_lenient")]
        pub delay_time: Option<u64>,
        /// Reason.
        pub reason: Option<String>,
        /// Screenshot media ids, `|`-separated.
        pub screen_shot: Option<String>,
    }
}

with_header! {
    /// `user_enter_tempsession`: a user opened the Mini Program customer service.
    #[serde(rename_all = "PascalCase")]
    pub struct UserEnterTempSessionEvent {
        /// The `session-from` of the contact button.
        pub session_from: Option<String>,
    }
}

with_header! {
    /// Customer service session events: `kf_create_session`, `kf_close_session`,
    /// `kf_switch_session`.
    #[serde(rename_all = "PascalCase")]
    pub struct KfSessionEvent {
        /// The event name.
        pub event: String,
        /// The agent account.
        pub kf_account: Option<String>,
        /// Previous agent (switch).
        pub from_kf_account: Option<String>,
        /// New agent (switch).
        pub to_kf_account: Option<String>,
    }
}

/// One strategy result of `wxa_media_check`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MediaCheckDetail {
    /// Strategy.
    pub strategy: Option<String>,
    /// Error code.
    pub errcode: Option<i64>,
    /// `risky`, `pass`, `review`.
    pub suggest: Option<String>,
    /// Label.
    pub label: Option<i64>,
    /// Confidence.
    pub prob: Option<f64>,
}

/// The overall result of `wxa_media_check`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MediaCheckResult {
    /// `risky`, `pass`, `review`.
    pub suggest: String,
    /// Label.
    pub label: Option<i64>,
}

with_header! {
    /// `wxa_media_check`: asynchronous media content check result.
    pub struct WxaMediaCheckEvent {
        /// The Mini Program app id.
        pub appid: String,
        /// The id returned by `mediaCheckAsync`.
        pub trace_id: String,
        /// Interface version.
        pub version: Option<i64>,
        /// Per-strategy results.
        #[serde(deserialize_with = "su::list")]
        pub detail: Vec<MediaCheckDetail>,
        /// Error code.
        pub errcode: Option<i64>,
        /// Error message.
        pub errmsg: Option<String>,
        /// Overall result.
        pub result: Option<MediaCheckResult>,
        /// Version 1: 1 when risky.
        pub isrisky: Option<i64>,
        /// Version 1: extra info.
        pub extra_info_json: Option<String>,
        /// Version 1: status code.
        pub status_code: Option<i64>,
    }
}

with_header! {
    /// Order shipping management events: `trade_manage_remind_access_api`,
    /// `trade_manage_remind_shipping`, `trade_manage_order_settlement`, ...
    pub struct TradeManageEvent {
        /// The event name.
        #[serde(rename = "Event")]
        pub event: String,
        /// Message text.
        pub msg: Option<String>,
        /// WeChat Pay transaction id.
        pub transaction_id: Option<String>,
        /// Merchant id.
        pub merchant_id: Option<String>,
        /// Sub-merchant id.
        pub sub_merchant_id: Option<String>,
        /// Merchant order number.
        pub merchant_trade_no: Option<String>,
        /// Payment time.
        #[serde(deserialize_with = "su::opt_u64_lenient")]
        pub pay_time: Option<u64>,
        /// Shipping time.
        #[serde(deserialize_with = "su::opt_u64_lenient")]
        pub shipped_time: Option<u64>,
        /// Estimated settlement time.
        #[serde(deserialize_with = "su::opt_u64_lenient")]
        pub estimated_settlement_time: Option<u64>,
        /// 1 automatic, 2 manual.
        pub confirm_receive_method: Option<i64>,
        /// Receipt confirmation time.
        #[serde(deserialize_with = "su::opt_u64_lenient")]
        pub confirm_receive_time: Option<u64>,
        /// Settlement time.
        #[serde(deserialize_with = "su::opt_u64_lenient")]
        pub settlement_time: Option<u64>,
    }
}

with_header! {
    /// Virtual payment events: `xpay_goods_deliver_notify`, `xpay_coin_pay_notify`,
    /// `xpay_refund_notify`, `xpay_complaint_notify`, ...
    #[serde(rename_all = "PascalCase")]
    pub struct XPayEvent {
        /// The event name.
        pub event: String,
        /// The user.
        pub open_id: Option<String>,
        /// Merchant order number.
        pub out_trade_no: Option<String>,
        /// 0 production, 1 sandbox.
        pub env: Option<i64>,
        /// WeChat Pay details, as sent.
        #[serde(rename = "WeChatPayInfo")]
        pub wechat_pay_info: Option<Value>,
        /// Goods (goods delivery), as sent.
        pub goods_info: Option<Value>,
        /// Coins (coin payment), as sent.
        pub coin_info: Option<Value>,
        /// Refund id (refunds).
        pub wx_refund_id: Option<String>,
        /// Merchant refund id (refunds).
        pub mch_refund_id: Option<String>,
        /// Refund fee (refunds).
        pub refund_fee: Option<i64>,
    }
}

with_header! {
    /// Secure video-on-demand (短剧媒资) events: `secvod_upload_event`, `secvod_audit_event`, ...
    pub struct SecvodEvent {
        /// The event name.
        #[serde(rename = "Event")]
        pub event: String,
        /// Media id.
        pub media_id: Option<Value>,
        /// Caller context given at upload.
        pub source_context: Option<String>,
        /// Error code.
        pub errcode: Option<i64>,
        /// Error message.
        pub errmsg: Option<String>,
        /// Audit details, as sent.
        pub audit_detail: Option<Value>,
    }
}

/// One tracking step of `add_express_path`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ExpressAction {
    /// Unix seconds.
    #[serde(deserialize_with = "su::u64_lenient")]
    pub action_time: u64,
    /// 100001 picked up, 200001 in transit, 300001 delivered, ...
    pub action_type: i64,
    /// Description.
    pub action_msg: String,
}

with_header! {
    /// `add_express_path`: logistics tracking update.
    #[serde(rename_all = "PascalCase")]
    pub struct AddExpressPathEvent {
        /// Carrier id.
        #[serde(rename = "DeliveryID")]
        pub delivery_id: String,
        /// Waybill id.
        pub way_bill_id: String,
        /// Order id.
        pub order_id: Option<String>,
        /// Tracking version.
        pub version: Option<i64>,
        /// Number of steps.
        #[serde(deserialize_with = "su::u64_lenient")]
        pub count: u64,
        /// Steps.
        #[serde(deserialize_with = "su::list")]
        pub actions: Vec<ExpressAction>,
    }
}

with_header! {
    /// WeCom `enter_agent`: a member opened the app.
    #[serde(rename_all = "PascalCase")]
    pub struct EnterAgentEvent {
        /// Usually empty.
        pub event_key: Option<String>,
    }
}

/// An asynchronous WeCom batch job.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct BatchJob {
    /// Job id.
    pub job_id: String,
    /// `sync_user`, `replace_user`, `invite_user`, `replace_party`.
    pub job_type: String,
    /// 0 on success.
    pub err_code: i64,
    /// Error message.
    pub err_msg: String,
}

with_header! {
    /// WeCom `batch_job_result`.
    #[serde(rename_all = "PascalCase")]
    pub struct BatchJobResultEvent {
        /// The job.
        pub batch_job: BatchJob,
    }
}

with_header! {
    /// WeCom `change_contact` for a member: `create_user`, `update_user`, `delete_user`.
    #[serde(rename_all = "PascalCase")]
    pub struct UserChangeEvent {
        /// Member id.
        #[serde(rename = "UserID")]
        pub user_id: String,
        /// New member id, when it changed.
        #[serde(rename = "NewUserID")]
        pub new_user_id: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Department ids, comma-separated.
        pub department: Option<String>,
        /// Main department.
        pub main_department: Option<String>,
        /// Leader flags per department, comma-separated.
        pub is_leader_in_dept: Option<String>,
        /// Direct leaders, comma-separated.
        pub direct_leader: Option<String>,
        /// Position.
        pub position: Option<String>,
        /// Mobile.
        pub mobile: Option<String>,
        /// 1 male, 2 female.
        pub gender: Option<String>,
        /// Email.
        pub email: Option<String>,
        /// Business email.
        pub biz_mail: Option<String>,
        /// 1 active, 2 disabled, 4 not activated.
        pub status: Option<String>,
        /// Avatar URL.
        pub avatar: Option<String>,
        /// Alias.
        pub alias: Option<String>,
        /// Telephone.
        pub telephone: Option<String>,
        /// Address.
        pub address: Option<String>,
        /// Extended attributes, as sent.
        pub ext_attr: Option<Value>,
    }
}

with_header! {
    /// WeCom `change_contact` for a department: `create_party`, `update_party`,
    /// `delete_party`.
    #[serde(rename_all = "PascalCase")]
    pub struct PartyChangeEvent {
        /// Department id.
        #[serde(deserialize_with = "su::u64_lenient")]
        pub id: u64,
        /// Name.
        pub name: Option<String>,
        /// Parent department id.
        #[serde(deserialize_with = "su::opt_u64_lenient")]
        pub parent_id: Option<u64>,
        /// Order.
        #[serde(deserialize_with = "su::opt_u64_lenient")]
        pub order: Option<u64>,
    }
}

with_header! {
    /// WeCom `change_contact` for a tag: `update_tag`.
    #[serde(rename_all = "PascalCase")]
    pub struct TagChangeEvent {
        /// Tag id.
        #[serde(deserialize_with = "su::u64_lenient")]
        pub tag_id: u64,
        /// Added members, comma-separated.
        pub add_user_items: Option<String>,
        /// Removed members, comma-separated.
        pub del_user_items: Option<String>,
        /// Added departments, comma-separated.
        pub add_party_items: Option<String>,
        /// Removed departments, comma-separated.
        pub del_party_items: Option<String>,
    }
}

/// WeCom `change_contact`, by `ChangeType`.
// One value per push, moved once into a box: plain variants keep matching simple.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ContactChange {
    /// `create_user`.
    CreateUser(UserChangeEvent),
    /// `update_user`.
    UpdateUser(UserChangeEvent),
    /// `delete_user`.
    DeleteUser(UserChangeEvent),
    /// `create_party`.
    CreateParty(PartyChangeEvent),
    /// `update_party`.
    UpdateParty(PartyChangeEvent),
    /// `delete_party`.
    DeleteParty(PartyChangeEvent),
    /// `update_tag`.
    UpdateTag(TagChangeEvent),
    /// Another change type, every raw field kept.
    Unknown(RawFields),
}

impl ContactChange {
    /// The `ChangeType`.
    pub fn change_type(&self) -> &str {
        match self {
            Self::CreateUser(_) => "create_user",
            Self::UpdateUser(_) => "update_user",
            Self::DeleteUser(_) => "delete_user",
            Self::CreateParty(_) => "create_party",
            Self::UpdateParty(_) => "update_party",
            Self::DeleteParty(_) => "delete_party",
            Self::UpdateTag(_) => "update_tag",
            Self::Unknown(raw) => raw_str(raw, "ChangeType"),
        }
    }
}

with_header! {
    /// WeCom `change_external_contact`: `add_external_contact`, `edit_external_contact`,
    /// `del_external_contact`, `del_follow_user`, `transfer_fail`, ...
    #[serde(rename_all = "PascalCase")]
    pub struct ExternalContactEvent {
        /// The change type.
        pub change_type: String,
        /// The member.
        #[serde(rename = "UserID")]
        pub user_id: Option<String>,
        /// The external contact.
        #[serde(rename = "ExternalUserID")]
        pub external_user_id: Option<String>,
        /// The `state` of the contact way.
        pub state: Option<String>,
        /// Welcome message code.
        pub welcome_code: Option<String>,
        /// Failure reason (`transfer_fail`).
        pub fail_reason: Option<String>,
        /// Deletion source.
        pub source: Option<String>,
    }
}

with_header! {
    /// WeCom `change_external_chat`: `create`, `update`, `dismiss`.
    #[serde(rename_all = "PascalCase")]
    pub struct ExternalChatEvent {
        /// The change type.
        pub change_type: String,
        /// Group chat id.
        pub chat_id: String,
        /// What changed (`update`).
        pub update_detail: Option<String>,
        /// Join scene.
        pub join_scene: Option<i64>,
        /// Quit scene.
        pub quit_scene: Option<i64>,
        /// Number of members changed.
        pub mem_change_cnt: Option<i64>,
        /// Members changed, as sent.
        pub mem_change_list: Option<Value>,
        /// Previous member version.
        pub last_mem_ver: Option<String>,
        /// Current member version.
        pub cur_mem_ver: Option<String>,
    }
}

with_header! {
    /// WeCom `change_external_tag`: `create`, `update`, `delete`, `shuffle`.
    #[serde(rename_all = "PascalCase")]
    pub struct ExternalTagEvent {
        /// The change type.
        pub change_type: String,
        /// Tag or group id.
        pub id: Option<String>,
        /// `tag` or `tag_group`.
        pub tag_type: Option<String>,
        /// Rule group id.
        pub strategy_id: Option<i64>,
    }
}

with_header! {
    /// WeCom `template_card_event`: a button of a template card was clicked.
    #[serde(rename_all = "PascalCase")]
    pub struct TemplateCardEvent {
        /// The button key.
        pub event_key: String,
        /// The card task id.
        pub task_id: String,
        /// The card type.
        pub card_type: Option<String>,
        /// Code for updating the card.
        pub response_code: Option<String>,
        /// Selected options, as sent.
        pub selected_items: Option<Value>,
    }
}

with_header! {
    /// WeCom customer service `kf_msg_or_event`: fetch the messages with `kf/sync_msg`.
    #[serde(rename_all = "PascalCase")]
    pub struct KfMsgOrEvent {
        /// Token for `kf/sync_msg` (valid 10 minutes).
        pub token: String,
        /// The customer service account.
        pub open_kf_id: String,
    }
}

with_header! {
    /// WeCom approval events: `open_approval_change`, `sys_approval_change`.
    #[serde(rename_all = "PascalCase")]
    pub struct ApprovalEvent {
        /// The event name.
        pub event: String,
        /// The approval, as sent.
        pub approval_info: Option<Value>,
    }
}

/// An event (`MsgType` = `event`) on any platform.
// One value per push, moved once into a box: plain variants keep matching simple.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Event {
    /// `subscribe`.
    Subscribe(SubscribeEvent),
    /// `unsubscribe`.
    Unsubscribe(UnsubscribeEvent),
    /// `SCAN`.
    Scan(ScanEvent),
    /// `LOCATION`.
    Location(LocationEvent),
    /// `CLICK` (`click` on WeCom).
    Click(MenuEvent),
    /// `VIEW` (`view` on WeCom).
    View(MenuEvent),
    /// `view_miniprogram`.
    ViewMiniProgram(MenuEvent),
    /// `scancode_push`.
    ScanCodePush(ScanCodeEvent),
    /// `scancode_waitmsg`.
    ScanCodeWaitMsg(ScanCodeEvent),
    /// `pic_sysphoto`.
    PicSysPhoto(PicEvent),
    /// `pic_photo_or_album`.
    PicPhotoOrAlbum(PicEvent),
    /// `pic_weixin`.
    PicWeixin(PicEvent),
    /// `location_select`.
    LocationSelect(LocationSelectEvent),
    /// `TEMPLATESENDJOBFINISH`.
    TemplateSendJobFinish(TemplateSendJobFinishEvent),
    /// `MASSSENDJOBFINISH`.
    MassSendJobFinish(MassSendJobFinishEvent),
    /// `PUBLISHJOBFINISH`.
    PublishJobFinish(PublishJobFinishEvent),
    /// `subscribe_msg_popup_event`.
    SubscribeMsgPopup(SubscribeMsgEvent),
    /// `subscribe_msg_change_event`.
    SubscribeMsgChange(SubscribeMsgEvent),
    /// `subscribe_msg_sent_event`.
    SubscribeMsgSent(SubscribeMsgEvent),
    /// Card events.
    Card(CardEvent),
    /// Account verification events.
    Verification(VerificationEvent),
    /// Mini Program code audit events.
    WeappAudit(WeappAuditEvent),
    /// `user_enter_tempsession`.
    UserEnterTempSession(UserEnterTempSessionEvent),
    /// Customer service session events.
    KfSession(KfSessionEvent),
    /// `wxa_media_check`.
    WxaMediaCheck(WxaMediaCheckEvent),
    /// `trade_manage_*`.
    TradeManage(TradeManageEvent),
    /// `xpay_*`.
    XPay(XPayEvent),
    /// `secvod_*`.
    Secvod(SecvodEvent),
    /// `add_express_path`.
    AddExpressPath(AddExpressPathEvent),
    /// WeCom `enter_agent`.
    EnterAgent(EnterAgentEvent),
    /// WeCom `batch_job_result`.
    BatchJobResult(BatchJobResultEvent),
    /// WeCom `change_contact`.
    ChangeContact(ContactChange),
    /// WeCom `change_external_contact`.
    ExternalContact(ExternalContactEvent),
    /// WeCom `change_external_chat`.
    ExternalChat(ExternalChatEvent),
    /// WeCom `change_external_tag`.
    ExternalTag(ExternalTagEvent),
    /// WeCom `template_card_event`.
    TemplateCard(TemplateCardEvent),
    /// WeCom customer service `kf_msg_or_event`.
    KfMsgOrEvent(KfMsgOrEvent),
    /// WeCom approval events.
    Approval(ApprovalEvent),
    /// Another event, every raw field kept.
    Unknown(RawFields),
}

// ---------------------------------------------------------------------------------------------
// Component (Open Platform) and suite (WeCom third-party) pushes (InfoType)

/// `component_verify_ticket`, pushed every 10 minutes: store it for the component token flow.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct ComponentVerifyTicket {
    /// The component (third-party platform) app id.
    pub app_id: String,
    /// Unix seconds.
    #[serde(deserialize_with = "su::u64_lenient")]
    pub create_time: u64,
    /// The ticket (a secret; serialized as `[redacted]`).
    #[serde(serialize_with = "su::redacted")]
    pub component_verify_ticket: Secret,
}

/// `authorized`, `updateauthorized`, `unauthorized`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct AuthorizationEvent {
    /// The component app id.
    pub app_id: String,
    /// Unix seconds.
    #[serde(deserialize_with = "su::u64_lenient")]
    pub create_time: u64,
    /// The authorizer's app id.
    pub authorizer_appid: String,
    /// Authorization code, for `api_query_auth`.
    pub authorization_code: Option<String>,
    /// Code expiry (Unix seconds).
    #[serde(deserialize_with = "su::opt_u64_lenient")]
    pub authorization_code_expired_time: Option<u64>,
    /// The pre-auth code used.
    pub pre_auth_code: Option<String>,
}

/// `notify_third_fasteregister`: result of a fast Mini Program registration.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FastRegisterEvent {
    /// The component app id.
    #[serde(rename = "AppId")]
    pub component_app_id: String,
    /// Unix seconds.
    #[serde(rename = "CreateTime", deserialize_with = "su::u64_lenient")]
    pub create_time: u64,
    /// The new Mini Program's app id.
    pub appid: Option<String>,
    /// 0 success, otherwise an error code.
    pub status: i64,
    /// Authorization code for the new Mini Program.
    pub auth_code: Option<String>,
    /// Message.
    pub msg: Option<String>,
    /// The submitted company information, as sent.
    pub info: Option<Value>,
}

/// A push to an Open Platform component (third-party platform), by `InfoType`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ComponentEvent {
    /// `component_verify_ticket`.
    VerifyTicket(ComponentVerifyTicket),
    /// `authorized`.
    Authorized(AuthorizationEvent),
    /// `updateauthorized`.
    UpdateAuthorized(AuthorizationEvent),
    /// `unauthorized`.
    Unauthorized(AuthorizationEvent),
    /// `notify_third_fasteregister`.
    FastRegister(FastRegisterEvent),
    /// Another `InfoType`, every raw field kept.
    Unknown(RawFields),
}

/// `suite_ticket`, pushed every 10 minutes: store it for the suite token flow.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SuiteTicket {
    /// The suite id.
    pub suite_id: String,
    /// Unix seconds.
    #[serde(deserialize_with = "su::u64_lenient")]
    pub time_stamp: u64,
    /// The ticket (a secret; serialized as `[redacted]`).
    #[serde(serialize_with = "su::redacted")]
    pub suite_ticket: Secret,
}

/// `create_auth`, `change_auth`, `cancel_auth`, `reset_permanent_code`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct SuiteAuthEvent {
    /// The suite id.
    pub suite_id: String,
    /// Unix seconds.
    #[serde(deserialize_with = "su::u64_lenient")]
    pub time_stamp: u64,
    /// Temporary auth code (`create_auth`, `reset_permanent_code`), for `get_permanent_code`.
    pub auth_code: Option<String>,
    /// The authorizing corp (`change_auth`, `cancel_auth`).
    pub auth_corp_id: Option<String>,
    /// The `state` of the install link.
    pub state: Option<String>,
    /// Extra information.
    pub extra_info: Option<String>,
}

/// A push to a WeCom third-party suite's instruction URL, by `InfoType`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SuiteEvent {
    /// `suite_ticket`.
    Ticket(SuiteTicket),
    /// `create_auth`.
    CreateAuth(SuiteAuthEvent),
    /// `change_auth`.
    ChangeAuth(SuiteAuthEvent),
    /// `cancel_auth`.
    CancelAuth(SuiteAuthEvent),
    /// `reset_permanent_code`.
    ResetPermanentCode(SuiteAuthEvent),
    /// Another `InfoType`, every raw field kept.
    Unknown(RawFields),
}

// ---------------------------------------------------------------------------------------------
// Message

/// Anything WeChat pushes to a callback URL.
// One value per push, moved once into a box: plain variants keep matching simple.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Message {
    /// `text`.
    Text(TextMessage),
    /// `image`.
    Image(ImageMessage),
    /// `voice`.
    Voice(VoiceMessage),
    /// `video`.
    Video(VideoMessage),
    /// `shortvideo`.
    ShortVideo(VideoMessage),
    /// `location`.
    Location(LocationMessage),
    /// `link`.
    Link(LinkMessage),
    /// `miniprogrampage`.
    MiniProgramPage(MiniProgramPageMessage),
    /// `event`.
    Event(Event),
    /// An Open Platform component push (`InfoType`).
    Component(ComponentEvent),
    /// A WeCom suite push (`InfoType`).
    Suite(SuiteEvent),
    /// Another message type, every raw field kept.
    Unknown(RawFields),
}

fn raw_str<'r>(raw: &'r RawFields, key: &str) -> &'r str {
    raw.get(key).and_then(Value::as_str).unwrap_or("")
}

/// A parsed document in either format, for dispatch.
enum Doc<'d, 'a> {
    Xml(&'d Node<'a>),
    Json(&'d Value),
}

impl Doc<'_, '_> {
    fn text(&self, key: &str) -> Option<&str> {
        match self {
            Doc::Xml(node) => node.text(key),
            Doc::Json(value) => value.get(key).and_then(Value::as_str),
        }
    }

    fn typed<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        match self {
            Doc::Xml(node) => T::deserialize(NodeDe(node)).ok(),
            Doc::Json(value) => T::deserialize(*value).ok(),
        }
    }

    fn raw(&self) -> RawFields {
        let value = match self {
            Doc::Xml(node) => node.to_value(),
            Doc::Json(value) => (*value).clone(),
        };
        match value {
            Value::Object(map) => map,
            _ => RawFields::new(),
        }
    }
}

/// `Some(typed)` or the raw fallback.
macro_rules! typed_or {
    ($doc:expr, $variant:expr, $fallback:expr) => {
        match $doc.typed() {
            Some(v) => $variant(v),
            None => $fallback($doc.raw()),
        }
    };
}

fn parse_event(doc: &Doc<'_, '_>) -> Event {
    let name = doc.text("Event").unwrap_or("").trim().to_ascii_lowercase();
    let d = doc;
    match name.as_str() {
        "subscribe" => typed_or!(d, Event::Subscribe, Event::Unknown),
        "unsubscribe" => typed_or!(d, Event::Unsubscribe, Event::Unknown),
        "scan" => typed_or!(d, Event::Scan, Event::Unknown),
        "location" => typed_or!(d, Event::Location, Event::Unknown),
        "click" => typed_or!(d, Event::Click, Event::Unknown),
        "view" => typed_or!(d, Event::View, Event::Unknown),
        "view_miniprogram" => typed_or!(d, Event::ViewMiniProgram, Event::Unknown),
        "scancode_push" => typed_or!(d, Event::ScanCodePush, Event::Unknown),
        "scancode_waitmsg" => typed_or!(d, Event::ScanCodeWaitMsg, Event::Unknown),
        "pic_sysphoto" => typed_or!(d, Event::PicSysPhoto, Event::Unknown),
        "pic_photo_or_album" => typed_or!(d, Event::PicPhotoOrAlbum, Event::Unknown),
        "pic_weixin" => typed_or!(d, Event::PicWeixin, Event::Unknown),
        "location_select" => typed_or!(d, Event::LocationSelect, Event::Unknown),
        "templatesendjobfinish" => typed_or!(d, Event::TemplateSendJobFinish, Event::Unknown),
        "masssendjobfinish" => typed_or!(d, Event::MassSendJobFinish, Event::Unknown),
        "publishjobfinish" => typed_or!(d, Event::PublishJobFinish, Event::Unknown),
        "subscribe_msg_popup_event" => typed_or!(d, Event::SubscribeMsgPopup, Event::Unknown),
        "subscribe_msg_change_event" => typed_or!(d, Event::SubscribeMsgChange, Event::Unknown),
        "subscribe_msg_sent_event" => typed_or!(d, Event::SubscribeMsgSent, Event::Unknown),
        "card_pass_check"
        | "card_not_pass_check"
        | "user_get_card"
        | "user_gifting_card"
        | "user_del_card"
        | "user_consume_card"
        | "user_pay_from_pay_cell"
        | "user_view_card"
        | "user_enter_session_from_card"
        | "update_member_card"
        | "card_sku_remind"
        | "card_pay_order"
        | "submit_membercard_user_info" => typed_or!(d, Event::Card, Event::Unknown),
        "qualification_verify_success"
        | "qualification_verify_fail"
        | "naming_verify_success"
        | "naming_verify_fail"
        | "annual_renew"
        | "verify_expired" => typed_or!(d, Event::Verification, Event::Unknown),
        "weapp_audit_success" | "weapp_audit_fail" | "weapp_audit_delay" => {
            typed_or!(d, Event::WeappAudit, Event::Unknown)
        }
        "user_enter_tempsession" => typed_or!(d, Event::UserEnterTempSession, Event::Unknown),
        "kf_create_session" | "kf_close_session" | "kf_switch_session" => {
            typed_or!(d, Event::KfSession, Event::Unknown)
        }
        "wxa_media_check" => typed_or!(d, Event::WxaMediaCheck, Event::Unknown),
        "add_express_path" => typed_or!(d, Event::AddExpressPath, Event::Unknown),
        "enter_agent" => typed_or!(d, Event::EnterAgent, Event::Unknown),
        "batch_job_result" => typed_or!(d, Event::BatchJobResult, Event::Unknown),
        "change_contact" => Event::ChangeContact(parse_contact_change(d)),
        "change_external_contact" => typed_or!(d, Event::ExternalContact, Event::Unknown),
        "change_external_chat" => typed_or!(d, Event::ExternalChat, Event::Unknown),
        "change_external_tag" => typed_or!(d, Event::ExternalTag, Event::Unknown),
        "template_card_event" => typed_or!(d, Event::TemplateCard, Event::Unknown),
        "kf_msg_or_event" => typed_or!(d, Event::KfMsgOrEvent, Event::Unknown),
        "open_approval_change" | "sys_approval_change" => {
            typed_or!(d, Event::Approval, Event::Unknown)
        }
        n if n.starts_with("trade_manage_") => typed_or!(d, Event::TradeManage, Event::Unknown),
        n if n.starts_with("xpay_") => typed_or!(d, Event::XPay, Event::Unknown),
        n if n.starts_with("secvod_") => typed_or!(d, Event::Secvod, Event::Unknown),
        _ => Event::Unknown(d.raw()),
    }
}

fn parse_contact_change(d: &Doc<'_, '_>) -> ContactChange {
    let ty = d
        .text("ChangeType")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match ty.as_str() {
        "create_user" => typed_or!(d, ContactChange::CreateUser, ContactChange::Unknown),
        "update_user" => typed_or!(d, ContactChange::UpdateUser, ContactChange::Unknown),
        "delete_user" => typed_or!(d, ContactChange::DeleteUser, ContactChange::Unknown),
        "create_party" => typed_or!(d, ContactChange::CreateParty, ContactChange::Unknown),
        "update_party" => typed_or!(d, ContactChange::UpdateParty, ContactChange::Unknown),
        "delete_party" => typed_or!(d, ContactChange::DeleteParty, ContactChange::Unknown),
        "update_tag" => typed_or!(d, ContactChange::UpdateTag, ContactChange::Unknown),
        _ => ContactChange::Unknown(d.raw()),
    }
}

fn parse_doc(doc: &Doc<'_, '_>) -> Message {
    let d = doc;
    if let Some(msg_type) = doc.text("MsgType") {
        let msg_type = msg_type.trim();
        let is = |name: &str| msg_type.eq_ignore_ascii_case(name);
        return if is("text") {
            typed_or!(d, Message::Text, Message::Unknown)
        } else if is("event") {
            Message::Event(parse_event(doc))
        } else if is("image") {
            typed_or!(d, Message::Image, Message::Unknown)
        } else if is("voice") {
            typed_or!(d, Message::Voice, Message::Unknown)
        } else if is("video") {
            typed_or!(d, Message::Video, Message::Unknown)
        } else if is("shortvideo") {
            typed_or!(d, Message::ShortVideo, Message::Unknown)
        } else if is("location") {
            typed_or!(d, Message::Location, Message::Unknown)
        } else if is("link") {
            typed_or!(d, Message::Link, Message::Unknown)
        } else if is("miniprogrampage") {
            typed_or!(d, Message::MiniProgramPage, Message::Unknown)
        } else {
            Message::Unknown(doc.raw())
        };
    }
    let Some(info_type) = doc.text("InfoType") else {
        return Message::Unknown(doc.raw());
    };
    let info_type = info_type.trim().to_ascii_lowercase();
    let component = |e: ComponentEvent| Message::Component(e);
    let suite = |e: SuiteEvent| Message::Suite(e);
    match info_type.as_str() {
        "component_verify_ticket" => {
            typed_or!(
                d,
                |v| component(ComponentEvent::VerifyTicket(v)),
                Message::Unknown
            )
        }
        "authorized" => typed_or!(
            d,
            |v| component(ComponentEvent::Authorized(v)),
            Message::Unknown
        ),
        "updateauthorized" => {
            typed_or!(
                d,
                |v| component(ComponentEvent::UpdateAuthorized(v)),
                Message::Unknown
            )
        }
        "unauthorized" => {
            typed_or!(
                d,
                |v| component(ComponentEvent::Unauthorized(v)),
                Message::Unknown
            )
        }
        "notify_third_fasteregister" => {
            typed_or!(
                d,
                |v| component(ComponentEvent::FastRegister(v)),
                Message::Unknown
            )
        }
        "suite_ticket" => typed_or!(d, |v| suite(SuiteEvent::Ticket(v)), Message::Unknown),
        "create_auth" => typed_or!(d, |v| suite(SuiteEvent::CreateAuth(v)), Message::Unknown),
        "change_auth" => typed_or!(d, |v| suite(SuiteEvent::ChangeAuth(v)), Message::Unknown),
        "cancel_auth" => typed_or!(d, |v| suite(SuiteEvent::CancelAuth(v)), Message::Unknown),
        "reset_permanent_code" => {
            typed_or!(
                d,
                |v| suite(SuiteEvent::ResetPermanentCode(v)),
                Message::Unknown
            )
        }
        _ if doc.text("SuiteId").is_some() => Message::Suite(SuiteEvent::Unknown(doc.raw())),
        _ => Message::Component(ComponentEvent::Unknown(doc.raw())),
    }
}

/// The header fields of a message, for replies and deduplication.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Header<'m> {
    /// `ToUserName` (or `AppId` / `SuiteId` for component and suite pushes).
    pub to_user_name: &'m str,
    /// `FromUserName` (empty for component and suite pushes).
    pub from_user_name: &'m str,
    /// `CreateTime` (or `TimeStamp`).
    pub create_time: u64,
    /// `MsgId`, for user messages.
    pub msg_id: Option<u64>,
}

macro_rules! header_of {
    ($v:expr) => {
        Header {
            to_user_name: &$v.to_user_name,
            from_user_name: &$v.from_user_name,
            create_time: $v.create_time,
            msg_id: None,
        }
    };
}

fn raw_header(raw: &RawFields) -> Header<'_> {
    let num = |key: &str| match raw.get(key) {
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    };
    let to = match raw_str(raw, "ToUserName") {
        "" => match raw_str(raw, "SuiteId") {
            "" => raw_str(raw, "AppId"),
            s => s,
        },
        s => s,
    };
    Header {
        to_user_name: to,
        from_user_name: raw_str(raw, "FromUserName"),
        create_time: num("CreateTime").or_else(|| num("TimeStamp")).unwrap_or(0),
        msg_id: num("MsgId"),
    }
}

impl Event {
    /// The event name as WeChat spells it (`subscribe`, `CLICK`, `change_contact`, ...).
    pub fn name(&self) -> &str {
        match self {
            Event::Subscribe(_) => "subscribe",
            Event::Unsubscribe(_) => "unsubscribe",
            Event::Scan(_) => "SCAN",
            Event::Location(_) => "LOCATION",
            Event::Click(_) => "CLICK",
            Event::View(_) => "VIEW",
            Event::ViewMiniProgram(_) => "view_miniprogram",
            Event::ScanCodePush(_) => "scancode_push",
            Event::ScanCodeWaitMsg(_) => "scancode_waitmsg",
            Event::PicSysPhoto(_) => "pic_sysphoto",
            Event::PicPhotoOrAlbum(_) => "pic_photo_or_album",
            Event::PicWeixin(_) => "pic_weixin",
            Event::LocationSelect(_) => "location_select",
            Event::TemplateSendJobFinish(_) => "TEMPLATESENDJOBFINISH",
            Event::MassSendJobFinish(_) => "MASSSENDJOBFINISH",
            Event::PublishJobFinish(_) => "PUBLISHJOBFINISH",
            Event::SubscribeMsgPopup(_) => "subscribe_msg_popup_event",
            Event::SubscribeMsgChange(_) => "subscribe_msg_change_event",
            Event::SubscribeMsgSent(_) => "subscribe_msg_sent_event",
            Event::Card(e) => &e.event,
            Event::Verification(e) => &e.event,
            Event::WeappAudit(e) => &e.event,
            Event::UserEnterTempSession(_) => "user_enter_tempsession",
            Event::KfSession(e) => &e.event,
            Event::WxaMediaCheck(_) => "wxa_media_check",
            Event::TradeManage(e) => &e.event,
            Event::XPay(e) => &e.event,
            Event::Secvod(e) => &e.event,
            Event::AddExpressPath(_) => "add_express_path",
            Event::EnterAgent(_) => "enter_agent",
            Event::BatchJobResult(_) => "batch_job_result",
            Event::ChangeContact(_) => "change_contact",
            Event::ExternalContact(_) => "change_external_contact",
            Event::ExternalChat(_) => "change_external_chat",
            Event::ExternalTag(_) => "change_external_tag",
            Event::TemplateCard(_) => "template_card_event",
            Event::KfMsgOrEvent(_) => "kf_msg_or_event",
            Event::Approval(e) => &e.event,
            Event::Unknown(raw) => raw_str(raw, "Event"),
        }
    }

    fn header(&self) -> Header<'_> {
        match self {
            Event::Subscribe(e) => header_of!(e),
            Event::Unsubscribe(e) => header_of!(e),
            Event::Scan(e) => header_of!(e),
            Event::Location(e) => header_of!(e),
            Event::Click(e) | Event::View(e) | Event::ViewMiniProgram(e) => header_of!(e),
            Event::ScanCodePush(e) | Event::ScanCodeWaitMsg(e) => header_of!(e),
            Event::PicSysPhoto(e) | Event::PicPhotoOrAlbum(e) | Event::PicWeixin(e) => {
                header_of!(e)
            }
            Event::LocationSelect(e) => header_of!(e),
            Event::TemplateSendJobFinish(e) => header_of!(e),
            Event::MassSendJobFinish(e) => header_of!(e),
            Event::PublishJobFinish(e) => header_of!(e),
            Event::SubscribeMsgPopup(e)
            | Event::SubscribeMsgChange(e)
            | Event::SubscribeMsgSent(e) => header_of!(e),
            Event::Card(e) => header_of!(e),
            Event::Verification(e) => header_of!(e),
            Event::WeappAudit(e) => header_of!(e),
            Event::UserEnterTempSession(e) => header_of!(e),
            Event::KfSession(e) => header_of!(e),
            Event::WxaMediaCheck(e) => header_of!(e),
            Event::TradeManage(e) => header_of!(e),
            Event::XPay(e) => header_of!(e),
            Event::Secvod(e) => header_of!(e),
            Event::AddExpressPath(e) => header_of!(e),
            Event::EnterAgent(e) => header_of!(e),
            Event::BatchJobResult(e) => header_of!(e),
            Event::ChangeContact(c) => match c {
                ContactChange::CreateUser(e)
                | ContactChange::UpdateUser(e)
                | ContactChange::DeleteUser(e) => header_of!(e),
                ContactChange::CreateParty(e)
                | ContactChange::UpdateParty(e)
                | ContactChange::DeleteParty(e) => header_of!(e),
                ContactChange::UpdateTag(e) => header_of!(e),
                ContactChange::Unknown(raw) => raw_header(raw),
            },
            Event::ExternalContact(e) => header_of!(e),
            Event::ExternalChat(e) => header_of!(e),
            Event::ExternalTag(e) => header_of!(e),
            Event::TemplateCard(e) => header_of!(e),
            Event::KfMsgOrEvent(e) => header_of!(e),
            Event::Approval(e) => header_of!(e),
            Event::Unknown(raw) => raw_header(raw),
        }
    }

    fn body_fields(&self) -> Result<RawFields, serde_json::Error> {
        let value = match self {
            Event::Subscribe(e) => serde_json::to_value(e),
            Event::Unsubscribe(e) => serde_json::to_value(e),
            Event::Scan(e) => serde_json::to_value(e),
            Event::Location(e) => serde_json::to_value(e),
            Event::Click(e) | Event::View(e) | Event::ViewMiniProgram(e) => serde_json::to_value(e),
            Event::ScanCodePush(e) | Event::ScanCodeWaitMsg(e) => serde_json::to_value(e),
            Event::PicSysPhoto(e) | Event::PicPhotoOrAlbum(e) | Event::PicWeixin(e) => {
                serde_json::to_value(e)
            }
            Event::LocationSelect(e) => serde_json::to_value(e),
            Event::TemplateSendJobFinish(e) => serde_json::to_value(e),
            Event::MassSendJobFinish(e) => serde_json::to_value(e),
            Event::PublishJobFinish(e) => serde_json::to_value(e),
            Event::SubscribeMsgPopup(e)
            | Event::SubscribeMsgChange(e)
            | Event::SubscribeMsgSent(e) => serde_json::to_value(e),
            Event::Card(e) => serde_json::to_value(e),
            Event::Verification(e) => serde_json::to_value(e),
            Event::WeappAudit(e) => serde_json::to_value(e),
            Event::UserEnterTempSession(e) => serde_json::to_value(e),
            Event::KfSession(e) => serde_json::to_value(e),
            Event::WxaMediaCheck(e) => serde_json::to_value(e),
            Event::TradeManage(e) => serde_json::to_value(e),
            Event::XPay(e) => serde_json::to_value(e),
            Event::Secvod(e) => serde_json::to_value(e),
            Event::AddExpressPath(e) => serde_json::to_value(e),
            Event::EnterAgent(e) => serde_json::to_value(e),
            Event::BatchJobResult(e) => serde_json::to_value(e),
            Event::ChangeContact(c) => {
                let mut map = match c {
                    ContactChange::CreateUser(e)
                    | ContactChange::UpdateUser(e)
                    | ContactChange::DeleteUser(e) => serde_json::to_value(e),
                    ContactChange::CreateParty(e)
                    | ContactChange::UpdateParty(e)
                    | ContactChange::DeleteParty(e) => serde_json::to_value(e),
                    ContactChange::UpdateTag(e) => serde_json::to_value(e),
                    ContactChange::Unknown(raw) => Ok(Value::Object(raw.clone())),
                }?;
                if let Value::Object(m) = &mut map {
                    m.insert("ChangeType".into(), c.change_type().into());
                }
                Ok(map)
            }
            Event::ExternalContact(e) => serde_json::to_value(e),
            Event::ExternalChat(e) => serde_json::to_value(e),
            Event::ExternalTag(e) => serde_json::to_value(e),
            Event::TemplateCard(e) => serde_json::to_value(e),
            Event::KfMsgOrEvent(e) => serde_json::to_value(e),
            Event::Approval(e) => serde_json::to_value(e),
            Event::Unknown(raw) => Ok(Value::Object(raw.clone())),
        }?;
        let mut map = match value {
            Value::Object(map) => map,
            _ => RawFields::new(),
        };
        map.insert("MsgType".into(), "event".into());
        map.insert("Event".into(), self.name().into());
        Ok(map)
    }
}

impl ComponentEvent {
    /// The `InfoType`.
    pub fn info_type(&self) -> &str {
        match self {
            Self::VerifyTicket(_) => "component_verify_ticket",
            Self::Authorized(_) => "authorized",
            Self::UpdateAuthorized(_) => "updateauthorized",
            Self::Unauthorized(_) => "unauthorized",
            Self::FastRegister(_) => "notify_third_fasteregister",
            Self::Unknown(raw) => raw_str(raw, "InfoType"),
        }
    }
}

impl SuiteEvent {
    /// The `InfoType`.
    pub fn info_type(&self) -> &str {
        match self {
            Self::Ticket(_) => "suite_ticket",
            Self::CreateAuth(_) => "create_auth",
            Self::ChangeAuth(_) => "change_auth",
            Self::CancelAuth(_) => "cancel_auth",
            Self::ResetPermanentCode(_) => "reset_permanent_code",
            Self::Unknown(raw) => raw_str(raw, "InfoType"),
        }
    }
}

impl Message {
    /// Parses a decrypted message body, XML or JSON (sniffed from the first non-blank byte).
    ///
    /// Only malformed documents are errors; unknown types and fields never are.
    pub fn parse(body: &[u8]) -> Result<Self, CallbackError> {
        match body.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'{') => Self::from_json(body),
            _ => Self::from_xml(body),
        }
    }

    /// Parses an XML message.
    pub fn from_xml(body: &[u8]) -> Result<Self, CallbackError> {
        let text = std::str::from_utf8(body).map_err(|_| CallbackError::InvalidUtf8)?;
        let root = xml::parse(text)?;
        Ok(parse_doc(&Doc::Xml(&root)))
    }

    /// Parses a JSON message (Mini Program JSON pushes).
    pub fn from_json(body: &[u8]) -> Result<Self, CallbackError> {
        let value: Value =
            serde_json::from_slice(body).map_err(|e| CallbackError::Malformed(e.to_string()))?;
        if !value.is_object() {
            return Err(CallbackError::Malformed("expected a JSON object".into()));
        }
        Ok(parse_doc(&Doc::Json(&value)))
    }

    /// `MsgType` (`event` for events; empty for `InfoType` pushes).
    pub fn msg_type(&self) -> &str {
        match self {
            Message::Text(_) => "text",
            Message::Image(_) => "image",
            Message::Voice(_) => "voice",
            Message::Video(_) => "video",
            Message::ShortVideo(_) => "shortvideo",
            Message::Location(_) => "location",
            Message::Link(_) => "link",
            Message::MiniProgramPage(_) => "miniprogrampage",
            Message::Event(_) => "event",
            Message::Component(_) | Message::Suite(_) => "",
            Message::Unknown(raw) => raw_str(raw, "MsgType"),
        }
    }

    /// The common header fields.
    pub fn header(&self) -> Header<'_> {
        fn with_id(h: Header<'_>, id: u64) -> Header<'_> {
            Header {
                msg_id: Some(id),
                ..h
            }
        }
        match self {
            Message::Text(m) => with_id(header_of!(m), m.msg_id),
            Message::Image(m) => with_id(header_of!(m), m.msg_id),
            Message::Voice(m) => with_id(header_of!(m), m.msg_id),
            Message::Video(m) | Message::ShortVideo(m) => with_id(header_of!(m), m.msg_id),
            Message::Location(m) => with_id(header_of!(m), m.msg_id),
            Message::Link(m) => with_id(header_of!(m), m.msg_id),
            Message::MiniProgramPage(m) => with_id(header_of!(m), m.msg_id),
            Message::Event(e) => e.header(),
            Message::Component(c) => match c {
                ComponentEvent::VerifyTicket(e) => Header {
                    to_user_name: &e.app_id,
                    from_user_name: "",
                    create_time: e.create_time,
                    msg_id: None,
                },
                ComponentEvent::Authorized(e)
                | ComponentEvent::UpdateAuthorized(e)
                | ComponentEvent::Unauthorized(e) => Header {
                    to_user_name: &e.app_id,
                    from_user_name: "",
                    create_time: e.create_time,
                    msg_id: None,
                },
                ComponentEvent::FastRegister(e) => Header {
                    to_user_name: &e.component_app_id,
                    from_user_name: "",
                    create_time: e.create_time,
                    msg_id: None,
                },
                ComponentEvent::Unknown(raw) => raw_header(raw),
            },
            Message::Suite(s) => match s {
                SuiteEvent::Ticket(e) => Header {
                    to_user_name: &e.suite_id,
                    from_user_name: "",
                    create_time: e.time_stamp,
                    msg_id: None,
                },
                SuiteEvent::CreateAuth(e)
                | SuiteEvent::ChangeAuth(e)
                | SuiteEvent::CancelAuth(e)
                | SuiteEvent::ResetPermanentCode(e) => Header {
                    to_user_name: &e.suite_id,
                    from_user_name: "",
                    create_time: e.time_stamp,
                    msg_id: None,
                },
                SuiteEvent::Unknown(raw) => raw_header(raw),
            },
            Message::Unknown(raw) => raw_header(raw),
        }
    }

    /// `FromUserName`: the user to reply to (empty for `InfoType` pushes).
    pub fn from_user_name(&self) -> &str {
        self.header().from_user_name
    }

    /// `ToUserName`: our account.
    pub fn to_user_name(&self) -> &str {
        self.header().to_user_name
    }

    /// The message as WeChat's flat object, with `MsgType`, `Event`, `InfoType` and
    /// `ChangeType` filled in. Tickets are redacted; ids are strings.
    pub fn to_fields(&self) -> RawFields {
        self.fields_inner().unwrap_or_default()
    }

    fn fields_inner(&self) -> Result<RawFields, serde_json::Error> {
        let (value, msg_type) = match self {
            Message::Text(m) => (serde_json::to_value(m)?, "text"),
            Message::Image(m) => (serde_json::to_value(m)?, "image"),
            Message::Voice(m) => (serde_json::to_value(m)?, "voice"),
            Message::Video(m) => (serde_json::to_value(m)?, "video"),
            Message::ShortVideo(m) => (serde_json::to_value(m)?, "shortvideo"),
            Message::Location(m) => (serde_json::to_value(m)?, "location"),
            Message::Link(m) => (serde_json::to_value(m)?, "link"),
            Message::MiniProgramPage(m) => (serde_json::to_value(m)?, "miniprogrampage"),
            Message::Event(e) => return e.body_fields(),
            Message::Component(c) => {
                let v = match c {
                    ComponentEvent::VerifyTicket(e) => serde_json::to_value(e)?,
                    ComponentEvent::Authorized(e)
                    | ComponentEvent::UpdateAuthorized(e)
                    | ComponentEvent::Unauthorized(e) => serde_json::to_value(e)?,
                    ComponentEvent::FastRegister(e) => serde_json::to_value(e)?,
                    ComponentEvent::Unknown(raw) => Value::Object(raw.clone()),
                };
                let mut map = into_map(v);
                map.insert("InfoType".into(), c.info_type().into());
                return Ok(map);
            }
            Message::Suite(s) => {
                let v = match s {
                    SuiteEvent::Ticket(e) => serde_json::to_value(e)?,
                    SuiteEvent::CreateAuth(e)
                    | SuiteEvent::ChangeAuth(e)
                    | SuiteEvent::CancelAuth(e)
                    | SuiteEvent::ResetPermanentCode(e) => serde_json::to_value(e)?,
                    SuiteEvent::Unknown(raw) => Value::Object(raw.clone()),
                };
                let mut map = into_map(v);
                map.insert("InfoType".into(), s.info_type().into());
                return Ok(map);
            }
            Message::Unknown(raw) => return Ok(raw.clone()),
        };
        let mut map = into_map(value);
        map.insert("MsgType".into(), msg_type.into());
        Ok(map)
    }

    /// The message as a WeChat XML document (`<xml>...</xml>`), secrets included: what
    /// WeChat would push. For emulators and tests.
    pub fn to_xml(&self) -> String {
        let mut fields = self.to_fields();
        strip_nulls(&mut fields);
        match self {
            Message::Component(ComponentEvent::VerifyTicket(t)) => {
                fields.insert(
                    "ComponentVerifyTicket".into(),
                    t.component_verify_ticket.expose().into(),
                );
            }
            Message::Suite(SuiteEvent::Ticket(t)) => {
                fields.insert("SuiteTicket".into(), t.suite_ticket.expose().into());
            }
            // WeChat's XML wraps these lists: <PicList><item>..</item></PicList>.
            Message::Event(
                Event::PicSysPhoto(_) | Event::PicPhotoOrAlbum(_) | Event::PicWeixin(_),
            ) => {
                if let Some(Value::Object(info)) = fields.get_mut("SendPicsInfo") {
                    if let Some(list) = info.remove("PicList") {
                        info.insert("PicList".into(), serde_json::json!({ "item": list }));
                    }
                }
            }
            // <SubscribeMsgPopupEvent><List>..</List><List>..</List></SubscribeMsgPopupEvent>.
            Message::Event(
                e @ (Event::SubscribeMsgPopup(_)
                | Event::SubscribeMsgChange(_)
                | Event::SubscribeMsgSent(_)),
            ) => {
                if let Some(list) = fields.remove("List") {
                    let wrapper = match e {
                        Event::SubscribeMsgPopup(_) => "SubscribeMsgPopupEvent",
                        Event::SubscribeMsgChange(_) => "SubscribeMsgChangeEvent",
                        _ => "SubscribeMsgSentEvent",
                    };
                    fields.insert(wrapper.into(), serde_json::json!({ "List": list }));
                }
            }
            _ => {}
        }
        xml::document(&fields)
    }
}

fn into_map(value: Value) -> RawFields {
    match value {
        Value::Object(map) => map,
        _ => RawFields::new(),
    }
}

fn strip_nulls(map: &mut RawFields) {
    map.retain(|_, v| !v.is_null());
    for v in map.values_mut() {
        if let Value::Object(inner) = v {
            strip_nulls(inner);
        }
    }
}

impl Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = self.to_fields();
        strip_nulls(&mut fields);
        fields.serialize(serializer)
    }
}
