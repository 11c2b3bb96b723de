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
//! Field names are WeChat's (serde renames). Every struct defaults every field, so a push that
//! omits one still parses; a message or event type we do not know, or a known one whose fields
//! do not fit, arrives as an `Unknown` variant that keeps every raw field.
//!
//! Serialized (serde / JSON), a message is one flat object in WeChat's shape, with `MsgType`,
//! `Event`, `InfoType` and `ChangeType` filled in, 64-bit ids as strings and tickets redacted.

use serde::Serialize;
use serde_json::{Map, Value};

use super::error::CallbackError;
use super::xml::{self, Node, NodeDe};
use crate::Secret;

/// Every raw field of a message, as WeChat sent it (XML leaves become strings).
pub type RawFields = Map<String, Value>;

/// Declares a struct with the common user-message header: `ToUserName`, `FromUserName`,
/// `CreateTime` and WeCom's `AgentID`.
macro_rules! with_header {
    ($(#[$meta:meta])* pub struct $name:ident { $($body:tt)* }) => {
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
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
            #[serde(rename = "CreateTime", deserialize_with = "crate::lenient::u64")]
            pub create_time: u64,
            /// The receiving WeCom app.
            #[serde(
                rename = "AgentID",
                deserialize_with = "crate::lenient::opt_u64",
                skip_serializing_if = "Option::is_none"
            )]
            pub agent_id: Option<u64>,
            $($body)*
        }
    };
}

mod oa;
mod open;
mod suite;
mod work;

pub use oa::*;
pub use open::*;
pub use suite::*;
pub use work::*;

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

/// A secret serialized as `[redacted]`.
fn redacted<S: serde::Serializer>(_: &Secret, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str("[redacted]")
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

    /// A key that is equal for WeChat's retries of one push and different otherwise.
    ///
    /// WeChat retries a push three times when it gets no answer within 5 seconds. Messages
    /// are keyed by `MsgId`; events by sender and `CreateTime` (as WeChat recommends);
    /// `InfoType` pushes by receiver, type and time. The receiving account is part of every
    /// key, so one store can serve many accounts.
    pub fn dedup_key(&self) -> String {
        let h = self.header();
        match self {
            Message::Component(c) => {
                format!("{}:{}:{}", h.to_user_name, c.info_type(), h.create_time)
            }
            Message::Suite(s) => format!("{}:{}:{}", h.to_user_name, s.info_type(), h.create_time),
            Message::Event(e) => format!(
                "{}:{}:{}:{}",
                h.to_user_name,
                h.from_user_name,
                h.create_time,
                e.name()
            ),
            _ => match h.msg_id {
                Some(id) => format!("{}:{}", h.to_user_name, id),
                None => format!("{}:{}:{}", h.to_user_name, h.from_user_name, h.create_time),
            },
        }
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
