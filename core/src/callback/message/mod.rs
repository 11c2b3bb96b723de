//! Typed messages and events pushed by the Official Account, the Mini Program, the Open
//! Platform (component pushes and authorizers' messages) and WeCom (self-built apps,
//! third-party suites, customer service).
//!
//! Where each push is declared:
//! - this module: [`Message`] (by `MsgType`), [`Event`] (by `Event`), the shared [`Header`],
//!   parsing ([`Message::parse`]) and serializing;
//! - `oa`: Official Account and Mini Program messages and events (user messages such as
//!   [`TextMessage`] also reach WeCom apps);
//! - `work`: WeCom self-built app events, and [`ContactChange`] (by `ChangeType`);
//! - `open`: Open Platform component pushes, [`ComponentEvent`] (by `InfoType`);
//! - `suite`: WeCom third-party suite pushes, [`SuiteEvent`] (by `InfoType`).
//!
//! Each enum is one table of WeChat's names, variants and payload types (`push_enum!`, in
//! `table`); the enum, its name function, the dispatch from a name and the serialization
//! come from it, so a new push is one line in its table (and its payload struct).
//!
//! Field names are WeChat's (serde renames). Every struct defaults every field, so a push that
//! omits one still parses. Nothing is dropped: every enum ends with an `Unknown(`[`Untyped`]`)`
//! variant, for a name that is not in its table (`error` is `None`) and for a known name whose
//! fields do not fit its payload type (`error` holds the decode error). Both keep every raw
//! field, and the failure lands in the enum that knows the name: a `subscribe` event with a
//! bad field is an [`Event::Unknown`], a `create_user` change a [`ContactChange::Unknown`].
//!
//! Serialized (serde / JSON), a message is one flat object in WeChat's shape, with `MsgType`,
//! `Event`, `InfoType` and `ChangeType` filled in, 64-bit ids as strings and tickets redacted.

use serde::Serialize;
use serde_json::{Map, Value};

use super::error::CallbackError;
use super::xml;
use crate::Secret;

#[macro_use]
mod table;

mod oa;
mod open;
mod suite;
mod work;

pub use oa::*;
pub use open::*;
pub use suite::*;
pub use work::*;

use table::{Doc, Payload};

/// Every raw field of a message, as WeChat sent it (XML leaves become strings).
pub type RawFields = Map<String, Value>;

/// A push kept as WeChat sent it, in the `Unknown` variant of every push enum.
///
/// It dereferences to its raw fields, so `untyped["Event"]` and `untyped.get("Event")` read
/// them directly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Untyped {
    /// Every raw field, as sent.
    pub fields: RawFields,
    /// `None` when the type is not one we know; otherwise why the fields did not fit the
    /// known type (`"<name>: <serde error>"`). Not serialized: [`Message::to_fields`] is
    /// what WeChat sent.
    pub error: Option<String>,
}

impl From<RawFields> for Untyped {
    /// An unknown type's fields (no error).
    fn from(fields: RawFields) -> Self {
        Self {
            fields,
            error: None,
        }
    }
}

impl std::ops::Deref for Untyped {
    type Target = RawFields;

    fn deref(&self) -> &RawFields {
        &self.fields
    }
}

/// The header fields of a message, for replies.
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

push_enum! {
    /// Anything WeChat pushes to a callback URL.
    // One value per push, moved once into a box: plain variants keep matching simple.
    #[allow(clippy::large_enum_variant)]
    pub enum Message by "MsgType" {
        /// `text`.
        Text(TextMessage) = "text",
        /// `image`.
        Image(ImageMessage) = "image",
        /// `voice`.
        Voice(VoiceMessage) = "voice",
        /// `video`.
        Video(VideoMessage) = "video",
        /// `shortvideo`.
        ShortVideo(VideoMessage) = "shortvideo",
        /// `location`.
        Location(LocationMessage) = "location",
        /// `link`.
        Link(LinkMessage) = "link",
        /// `miniprogrampage`.
        MiniProgramPage(MiniProgramPageMessage) = "miniprogrampage",
        /// `event`.
        Event(Event) = "event",
    }
    /// `MsgType` (`event` for events; empty for `InfoType` pushes).
    fn msg_type;
    also {
        /// An Open Platform component push (`InfoType`).
        Component(ComponentEvent),
        /// A WeCom suite push (`InfoType`).
        Suite(SuiteEvent),
    }
    otherwise info_push
}

/// A document whose `MsgType` is not in the table: an `InfoType` push (a component's when
/// neither table knows the type and no `SuiteId` says otherwise), or [`Message::Unknown`].
fn info_push(doc: &Doc<'_, '_>) -> Message {
    let info_type = match (doc.text("MsgType"), doc.text("InfoType")) {
        (None, Some(info_type)) => info_type.trim(),
        _ => return Message::Unknown(doc.raw().into()),
    };
    if let Some(e) = ComponentEvent::decode_named(info_type, doc) {
        Message::Component(e)
    } else if let Some(e) = SuiteEvent::decode_named(info_type, doc) {
        Message::Suite(e)
    } else if doc.text("SuiteId").is_some() {
        Message::Suite(SuiteEvent::Unknown(doc.raw().into()))
    } else {
        Message::Component(ComponentEvent::Unknown(doc.raw().into()))
    }
}

push_enum! {
    /// An event (`MsgType` = `event`) on any platform.
    // One value per push, moved once into a box: plain variants keep matching simple.
    #[allow(clippy::large_enum_variant)]
    pub enum Event by "Event" {
        /// `subscribe`.
        Subscribe(SubscribeEvent) = "subscribe",
        /// `unsubscribe`.
        Unsubscribe(UnsubscribeEvent) = "unsubscribe",
        /// `SCAN`.
        Scan(ScanEvent) = "SCAN",
        /// `LOCATION`.
        Location(LocationEvent) = "LOCATION",
        /// `CLICK` (`click` on WeCom).
        Click(MenuEvent) = "CLICK",
        /// `VIEW` (`view` on WeCom).
        View(MenuEvent) = "VIEW",
        /// `view_miniprogram`.
        ViewMiniProgram(MenuEvent) = "view_miniprogram",
        /// `scancode_push`.
        ScanCodePush(ScanCodeEvent) = "scancode_push",
        /// `scancode_waitmsg`.
        ScanCodeWaitMsg(ScanCodeEvent) = "scancode_waitmsg",
        /// `pic_sysphoto`.
        PicSysPhoto(PicEvent) = "pic_sysphoto",
        /// `pic_photo_or_album`.
        PicPhotoOrAlbum(PicEvent) = "pic_photo_or_album",
        /// `pic_weixin`.
        PicWeixin(PicEvent) = "pic_weixin",
        /// `location_select`.
        LocationSelect(LocationSelectEvent) = "location_select",
        /// `TEMPLATESENDJOBFINISH`.
        TemplateSendJobFinish(TemplateSendJobFinishEvent) = "TEMPLATESENDJOBFINISH",
        /// `MASSSENDJOBFINISH`.
        MassSendJobFinish(MassSendJobFinishEvent) = "MASSSENDJOBFINISH",
        /// `PUBLISHJOBFINISH`.
        PublishJobFinish(PublishJobFinishEvent) = "PUBLISHJOBFINISH",
        /// `subscribe_msg_popup_event`.
        SubscribeMsgPopup(SubscribeMsgEvent) = "subscribe_msg_popup_event",
        /// `subscribe_msg_change_event`.
        SubscribeMsgChange(SubscribeMsgEvent) = "subscribe_msg_change_event",
        /// `subscribe_msg_sent_event`.
        SubscribeMsgSent(SubscribeMsgEvent) = "subscribe_msg_sent_event",
        /// Card events.
        Card(CardEvent) = "card_pass_check"
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
            | "submit_membercard_user_info"; event,
        /// Account verification events.
        Verification(VerificationEvent) = "qualification_verify_success"
            | "qualification_verify_fail"
            | "naming_verify_success"
            | "naming_verify_fail"
            | "annual_renew"
            | "verify_expired"; event,
        /// Mini Program code audit events.
        WeappAudit(WeappAuditEvent) = "weapp_audit_success"
            | "weapp_audit_fail"
            | "weapp_audit_delay"; event,
        /// `user_enter_tempsession`.
        UserEnterTempSession(UserEnterTempSessionEvent) = "user_enter_tempsession",
        /// Customer service session events.
        KfSession(KfSessionEvent) = "kf_create_session"
            | "kf_close_session"
            | "kf_switch_session"; event,
        /// `wxa_media_check`.
        WxaMediaCheck(WxaMediaCheckEvent) = "wxa_media_check",
        /// `trade_manage_*`.
        TradeManage(TradeManageEvent) = "trade_manage_*"; event,
        /// `xpay_goods_deliver_notify`.
        XPayGoodsDeliver(XPayGoodsDeliverEvent) = "xpay_goods_deliver_notify",
        /// `xpay_coin_pay_notify`.
        XPayCoinPay(XPayCoinPayEvent) = "xpay_coin_pay_notify",
        /// `xpay_refund_notify`.
        XPayRefund(XPayRefundEvent) = "xpay_refund_notify",
        /// Other `xpay_*` events.
        XPay(XPayEvent) = "xpay_*"; event,
        /// `secvod_*`.
        Secvod(SecvodEvent) = "secvod_*"; event,
        /// `add_express_path`.
        AddExpressPath(AddExpressPathEvent) = "add_express_path",
        /// WeCom `enter_agent`.
        EnterAgent(EnterAgentEvent) = "enter_agent",
        /// WeCom `batch_job_result`.
        BatchJobResult(BatchJobResultEvent) = "batch_job_result",
        /// WeCom `change_contact`.
        ChangeContact(ContactChange) = "change_contact",
        /// WeCom `change_external_contact`.
        ExternalContact(ExternalContactEvent) = "change_external_contact",
        /// WeCom `change_external_chat`.
        ExternalChat(ExternalChatEvent) = "change_external_chat",
        /// WeCom `change_external_tag`.
        ExternalTag(ExternalTagEvent) = "change_external_tag",
        /// WeCom `template_card_event`.
        TemplateCard(TemplateCardEvent) = "template_card_event",
        /// WeCom customer service `kf_msg_or_event`.
        KfMsgOrEvent(KfMsgOrEvent) = "kf_msg_or_event",
        /// WeCom approval events.
        Approval(ApprovalEvent) = "open_approval_change" | "sys_approval_change"; event,
    }
    /// The event name as WeChat spells it (`subscribe`, `CLICK`, `change_contact`, ...).
    fn name;
}

/// A secret serialized as `[redacted]`.
fn redacted<S: serde::Serializer>(_: &Secret, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str("[redacted]")
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
        Ok(Self::from_doc(&Doc::Xml(&root)))
    }

    /// Parses a JSON message (Mini Program JSON pushes).
    pub fn from_json(body: &[u8]) -> Result<Self, CallbackError> {
        let value: Value =
            serde_json::from_slice(body).map_err(|e| CallbackError::Malformed(e.to_string()))?;
        if !value.is_object() {
            return Err(CallbackError::Malformed("expected a JSON object".into()));
        }
        Ok(Self::from_doc(&Doc::Json(&value)))
    }

    fn from_doc(doc: &Doc<'_, '_>) -> Self {
        match Payload::decode(doc) {
            Ok(message) => message,
            Err(error) => Message::Unknown(Untyped {
                fields: doc.raw(),
                error: Some(error),
            }),
        }
    }

    /// The common header fields.
    pub fn header(&self) -> Header<'_> {
        Payload::header(self)
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
        self.fields(RawFields::new()).unwrap_or_default()
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
                if let Some(Value::Object(info)) = fields.get_mut("SendPicsInfo")
                    && let Some(list) = info.remove("PicList")
                {
                    info.insert("PicList".into(), serde_json::json!({ "item": list }));
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
