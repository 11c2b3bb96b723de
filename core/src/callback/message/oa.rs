//! Official Account and Mini Program pushes: user messages (also sent to WeCom apps), menu,
//! QR code and location events, mass and template send results, publishing, subscribe
//! messages, cards, verification, code audits, customer service, media checks, shipping,
//! virtual payment, short-video media and logistics events.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::lenient;

// ---------------------------------------------------------------------------------------------
// Messages

with_header! {
    msg_id
    /// `text`.
    #[serde(rename_all = "PascalCase")]
    pub struct TextMessage {
        /// The text.
        pub content: String,
        /// 64-bit message id.
        #[serde(deserialize_with = "lenient::u64", serialize_with = "lenient::u64_as_string")]
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
    msg_id
    /// `image`.
    #[serde(rename_all = "PascalCase")]
    pub struct ImageMessage {
        /// Picture URL.
        pub pic_url: String,
        /// Media id, for downloading.
        pub media_id: String,
        /// 64-bit message id.
        #[serde(deserialize_with = "lenient::u64", serialize_with = "lenient::u64_as_string")]
        pub msg_id: u64,
    }
}

with_header! {
    msg_id
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
        #[serde(deserialize_with = "lenient::u64", serialize_with = "lenient::u64_as_string")]
        pub msg_id: u64,
    }
}

with_header! {
    msg_id
    /// `video` and `shortvideo`.
    #[serde(rename_all = "PascalCase")]
    pub struct VideoMessage {
        /// Media id, for downloading.
        pub media_id: String,
        /// Media id of the thumbnail.
        pub thumb_media_id: String,
        /// 64-bit message id.
        #[serde(deserialize_with = "lenient::u64", serialize_with = "lenient::u64_as_string")]
        pub msg_id: u64,
    }
}

with_header! {
    msg_id
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
        #[serde(deserialize_with = "lenient::u64", serialize_with = "lenient::u64_as_string")]
        pub msg_id: u64,
    }
}

with_header! {
    msg_id
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
        #[serde(deserialize_with = "lenient::u64", serialize_with = "lenient::u64_as_string")]
        pub msg_id: u64,
    }
}

with_header! {
    msg_id
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
        #[serde(deserialize_with = "lenient::u64", serialize_with = "lenient::u64_as_string")]
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
    #[serde(deserialize_with = "lenient::u64")]
    pub count: u64,
    /// The pictures (XML: `<PicList><item>...</item></PicList>`).
    #[serde(deserialize_with = "lenient::list")]
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
        #[serde(rename = "MsgID", deserialize_with = "lenient::u64", serialize_with = "lenient::u64_as_string")]
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
        #[serde(rename = "MsgID", deserialize_with = "lenient::u64", serialize_with = "lenient::u64_as_string")]
        pub msg_id: u64,
        /// `send success`, `send fail`, `err(num)`.
        pub status: String,
        /// Target count.
        #[serde(deserialize_with = "lenient::u64")]
        pub total_count: u64,
        /// Count after filtering.
        #[serde(deserialize_with = "lenient::u64")]
        pub filter_count: u64,
        /// Sent.
        #[serde(deserialize_with = "lenient::u64")]
        pub sent_count: u64,
        /// Failed.
        #[serde(deserialize_with = "lenient::u64")]
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
        deserialize_with = "lenient::opt_u64",
        serialize_with = "lenient::opt_u64_as_string"
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
            deserialize_with = "lenient::list"
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
        #[serde(deserialize_with = "lenient::opt_u64")]
        pub expired_time: Option<u64>,
        /// Failure time (Unix seconds).
        #[serde(deserialize_with = "lenient::opt_u64")]
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
        #[serde(deserialize_with = "lenient::opt_u64")]
        pub succ_time: Option<u64>,
        /// Failure time.
        #[serde(deserialize_with = "lenient::opt_u64")]
        pub fail_time: Option<u64>,
        /// Delay time.
        #[serde(deserialize_with = "lenient::opt_u64")]
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
        #[serde(deserialize_with = "lenient::list")]
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
        #[serde(deserialize_with = "lenient::opt_u64")]
        pub pay_time: Option<u64>,
        /// Shipping time.
        #[serde(deserialize_with = "lenient::opt_u64")]
        pub shipped_time: Option<u64>,
        /// Estimated settlement time.
        #[serde(deserialize_with = "lenient::opt_u64")]
        pub estimated_settlement_time: Option<u64>,
        /// 1 automatic, 2 manual.
        pub confirm_receive_method: Option<i64>,
        /// Receipt confirmation time.
        #[serde(deserialize_with = "lenient::opt_u64")]
        pub confirm_receive_time: Option<u64>,
        /// Settlement time.
        #[serde(deserialize_with = "lenient::opt_u64")]
        pub settlement_time: Option<u64>,
    }
}

/// WeChat Pay details of a virtual payment push (absent for other channels).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct XPayWeChatPayInfo {
    /// The merchant order number on the user's receipt.
    pub mch_order_no: String,
    /// The WeChat Pay transaction id.
    pub transaction_id: String,
    /// When it was paid, Unix seconds.
    #[serde(deserialize_with = "lenient::u64")]
    pub paid_time: u64,
}

/// What was bought, in an `xpay_goods_deliver_notify` push.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct XPayGoodsInfo {
    /// The good's id.
    pub product_id: String,
    /// How many.
    #[serde(deserialize_with = "lenient::u64")]
    pub quantity: u64,
    /// The list price, in fen.
    #[serde(deserialize_with = "lenient::u64")]
    pub orig_price: u64,
    /// What was paid, in fen.
    #[serde(deserialize_with = "lenient::u64")]
    pub actual_price: u64,
    /// The merchant's data given with the order.
    pub attach: String,
}

/// The coins bought, in an `xpay_coin_pay_notify` push.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct XPayCoinInfo {
    /// How many coins.
    #[serde(deserialize_with = "lenient::u64")]
    pub quantity: u64,
    /// The list price, in fen.
    #[serde(deserialize_with = "lenient::u64")]
    pub orig_price: u64,
    /// What was paid, in fen.
    #[serde(deserialize_with = "lenient::u64")]
    pub actual_price: u64,
    /// The merchant's data given with the order.
    pub attach: String,
}

with_header! {
    /// `xpay_goods_deliver_notify`: a user paid for goods; deliver them and answer success
    /// (else WeChat pushes again, and `notify_provide_goods` marks the order delivered).
    #[serde(rename_all = "PascalCase")]
    pub struct XPayGoodsDeliverEvent {
        /// The event name.
        pub event: String,
        /// The user.
        pub open_id: String,
        /// The merchant's order number.
        pub out_trade_no: String,
        /// `0` production, `1` sandbox.
        #[serde(deserialize_with = "lenient::opt_i64")]
        pub env: Option<i64>,
        /// WeChat Pay details.
        #[serde(rename = "WeChatPayInfo")]
        pub wechat_pay_info: Option<XPayWeChatPayInfo>,
        /// What was bought.
        pub goods_info: Option<XPayGoodsInfo>,
        /// Group-buying details, as sent.
        pub team_info: Option<Value>,
    }
}

with_header! {
    /// `xpay_coin_pay_notify`: a user bought coins.
    #[serde(rename_all = "PascalCase")]
    pub struct XPayCoinPayEvent {
        /// The event name.
        pub event: String,
        /// The user.
        pub open_id: String,
        /// The merchant's order number.
        pub out_trade_no: String,
        /// `0` production, `1` sandbox.
        #[serde(deserialize_with = "lenient::opt_i64")]
        pub env: Option<i64>,
        /// WeChat Pay details.
        #[serde(rename = "WeChatPayInfo")]
        pub wechat_pay_info: Option<XPayWeChatPayInfo>,
        /// The coins bought.
        pub coin_info: Option<XPayCoinInfo>,
    }
}

with_header! {
    /// `xpay_refund_notify`: a refund (`refund_order`) ended, in success or failure.
    #[serde(rename_all = "PascalCase")]
    pub struct XPayRefundEvent {
        /// The event name.
        pub event: String,
        /// The user.
        pub open_id: String,
        /// WeChat's number of the refund.
        pub wx_refund_id: String,
        /// The merchant's number of the refund.
        pub mch_refund_id: String,
        /// WeChat's number of the refunded order.
        pub wx_order_id: String,
        /// The merchant's number of the refunded order.
        pub mch_order_id: String,
        /// The amount refunded, in fen.
        #[serde(deserialize_with = "lenient::opt_i64")]
        pub refund_fee: Option<i64>,
        /// `0` refunded, otherwise the failure's code.
        #[serde(deserialize_with = "lenient::opt_i64")]
        pub ret_code: Option<i64>,
        /// The failure's reason.
        pub ret_msg: String,
        /// How often the refund was retried.
        #[serde(deserialize_with = "lenient::opt_i64")]
        pub retry_times: Option<i64>,
    }
}

with_header! {
    /// Other virtual payment events (`xpay_complaint_notify`, ...): the common fields.
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
    #[serde(deserialize_with = "lenient::u64")]
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
        #[serde(deserialize_with = "lenient::u64")]
        pub count: u64,
        /// Steps.
        #[serde(deserialize_with = "lenient::list")]
        pub actions: Vec<ExpressAction>,
    }
}
