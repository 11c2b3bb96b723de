//! Every message, event and push type: parsed from fixtures written after the official
//! documents' field lists (XML and JSON), round-tripped through `to_xml`, and serialized.

use std::fs;
use std::path::Path;

use wechat_core::callback::{ComponentEvent, ContactChange, Event, Message, SuiteEvent, Untyped};

fn fixtures() -> Vec<(String, String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/callback/messages");
    let manifest = fs::read_to_string(dir.join("MANIFEST")).unwrap();
    manifest
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let (file, kind) = line.split_once(' ').unwrap();
            (
                file.to_owned(),
                kind.to_owned(),
                fs::read(dir.join(file)).unwrap(),
            )
        })
        .collect()
}

fn load(name: &str) -> Message {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/callback/messages")
        .join(name);
    Message::parse(&fs::read(path).unwrap()).unwrap()
}

fn debug_head(debug: &str) -> &str {
    debug.split(['(', ' ', '{']).next().unwrap_or("")
}

/// `Text`, `Event::Click`, `Event::ChangeContact::CreateUser`, `Component::VerifyTicket`, ...
fn kind(m: &Message) -> String {
    match m {
        Message::Event(Event::ChangeContact(c)) => {
            format!("Event::ChangeContact::{}", debug_head(&format!("{c:?}")))
        }
        Message::Event(e) => format!("Event::{}", debug_head(&format!("{e:?}"))),
        Message::Component(c) => format!("Component::{}", debug_head(&format!("{c:?}"))),
        Message::Suite(s) => format!("Suite::{}", debug_head(&format!("{s:?}"))),
        other => debug_head(&format!("{other:?}")).to_owned(),
    }
}

#[test]
fn every_fixture_parses_to_its_variant_and_round_trips() {
    let all = fixtures();
    assert!(all.len() >= 90, "{} fixtures", all.len());
    for (file, expected, bytes) in all {
        let m1 = Message::parse(&bytes).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(kind(&m1), expected, "{file}: {m1:?}");

        // Typed → WeChat XML → typed.
        let xml = m1.to_xml();
        let m2 = Message::parse(xml.as_bytes()).unwrap_or_else(|e| panic!("{file}: {e}\n{xml}"));
        assert_eq!(kind(&m2), expected, "{file}: {xml}");
        if file.ends_with(".xml") {
            assert_eq!(m1, m2, "{file}: {xml}");
        }
        let m3 = Message::parse(m2.to_xml().as_bytes()).unwrap();
        assert_eq!(m2, m3, "{file}");

        // JSON for the CLI: one flat object naming its type.
        let json = serde_json::to_value(&m1).unwrap();
        let obj = json.as_object().unwrap();
        assert!(
            obj.contains_key("MsgType") || obj.contains_key("InfoType"),
            "{file}: {json}"
        );
        assert!(!wechat_core::callback::dedup_key(&m1, &bytes).is_empty());
    }
}

#[test]
fn official_account_fields() {
    let Message::Text(t) = load("oa_text.xml") else {
        panic!()
    };
    assert_eq!(t.content, "this is a test");
    assert_eq!(t.msg_id, 1234567890123456);
    assert_eq!(t.msg_data_id.as_deref(), Some("xxxx"));
    assert_eq!(t.create_time, 1348831860);

    let Message::Text(t) = load("oa_text_flat.xml") else {
        panic!()
    };
    assert_eq!(t.content, "a]]>b & <c>");
    assert_eq!(t.msg_id, u64::MAX, "64-bit ids stay exact");

    let Message::Voice(v) = load("oa_voice.xml") else {
        panic!()
    };
    assert_eq!(v.recognition.as_deref(), Some("腾讯微信团队"));
    assert_eq!(v.media_id_16k.as_deref(), Some("media_id_16k"));

    let Message::Location(l) = load("oa_location.xml") else {
        panic!()
    };
    assert_eq!(
        (l.location_x, l.location_y, l.scale),
        (23.134521, 113.358803, 20.0)
    );

    let Message::Event(Event::Subscribe(s)) = load("oa_subscribe_qrscene.xml") else {
        panic!()
    };
    assert_eq!(s.qr_scene(), Some("123123"));
    let Message::Event(Event::Subscribe(s)) = load("oa_subscribe.xml") else {
        panic!()
    };
    assert_eq!(s.qr_scene(), None);

    let Message::Event(Event::PicPhotoOrAlbum(p)) = load("oa_pic_photo_or_album.xml") else {
        panic!()
    };
    assert_eq!(p.send_pics_info.count, 2);
    assert_eq!(p.send_pics_info.pic_list.len(), 2);
    assert_eq!(
        p.send_pics_info.pic_list[1].pic_md5_sum,
        "1b5f7c23b5bf75682a53e7b6d163e185"
    );

    let Message::Event(Event::LocationSelect(l)) = load("oa_location_select.xml") else {
        panic!()
    };
    assert_eq!(l.send_location_info.label, " 广州市海珠区客村艺苑路 106号");

    let Message::Event(Event::ScanCodeWaitMsg(s)) = load("oa_scancode_waitmsg.xml") else {
        panic!()
    };
    assert_eq!(s.scan_code_info.scan_result, "2");

    let Message::Event(Event::MassSendJobFinish(m)) = load("oa_masssendjobfinish.xml") else {
        panic!()
    };
    assert_eq!((m.msg_id, m.status.as_str()), (1000001625, "err(30003)"));
    assert!(m.article_url_result.is_some());

    let Message::Event(Event::PublishJobFinish(p)) = load("oa_publishjobfinish.xml") else {
        panic!()
    };
    assert_eq!(p.publish_event_info.publish_id, "2247503051");

    let Message::Event(Event::TemplateSendJobFinish(t)) = load("oa_templatesendjobfinish.xml")
    else {
        panic!()
    };
    assert_eq!((t.msg_id, t.status.as_str()), (200163836, "success"));

    let Message::Event(Event::Card(c)) = load("oa_user_consume_card.xml") else {
        panic!()
    };
    assert_eq!(c.event, "user_consume_card");
    assert_eq!(c.consume_source.as_deref(), Some("FROM_API"));
}

#[test]
fn subscribe_message_lists_come_as_object_or_array() {
    for (file, n) in [
        ("oa_subscribe_msg_popup_event.xml", 2),
        ("mp_subscribe_msg_popup_event_object.json", 1),
        ("mp_subscribe_msg_popup_event_array.json", 2),
    ] {
        let Message::Event(Event::SubscribeMsgPopup(e)) = load(file) else {
            panic!("{file}")
        };
        assert_eq!(e.list.len(), n, "{file}");
        assert_eq!(e.list[0].subscribe_status_string.as_deref(), Some("accept"));
    }
    let Message::Event(Event::SubscribeMsgSent(e)) = load("oa_subscribe_msg_sent_event.xml") else {
        panic!()
    };
    assert_eq!(e.list[0].msg_id, Some(1700827132819554304));
    let json = serde_json::to_value(Message::Event(Event::SubscribeMsgSent(e))).unwrap();
    assert_eq!(json["List"][0]["MsgID"], "1700827132819554304");
}

#[test]
fn mini_program_fields() {
    let Message::Text(t) = load("mp_text.json") else {
        panic!()
    };
    assert_eq!(t.content, "this is a test");
    let Message::Event(Event::WxaMediaCheck(w)) = load("mp_wxa_media_check.json") else {
        panic!()
    };
    assert_eq!(w.trace_id, "60ae120f-371d5872-7941a05b");
    assert_eq!(w.result.unwrap().suggest, "pass");
    let Message::Event(Event::WxaMediaCheck(w)) = load("mp_wxa_media_check_xml.xml") else {
        panic!()
    };
    assert_eq!(w.detail.len(), 2);
    let Message::Event(Event::TradeManage(t)) = load("mp_trade_manage_order_settlement.json")
    else {
        panic!()
    };
    assert_eq!(t.event, "trade_manage_order_settlement");
    assert_eq!(t.settlement_time, Some(1700727300));
    let Message::Event(Event::XPayGoodsDeliver(x)) = load("mp_xpay_goods_deliver_notify.json")
    else {
        panic!()
    };
    assert_eq!(x.out_trade_no, "trade_no_1");
    assert_eq!(x.wechat_pay_info.unwrap().transaction_id, "42000020212");
    assert_eq!(x.goods_info.unwrap().actual_price, 100);
    let Message::Event(Event::AddExpressPath(a)) = load("mp_add_express_path.xml") else {
        panic!()
    };
    assert_eq!(a.actions.len(), 2);
    assert_eq!(a.actions[1].action_type, 200001);
}

#[test]
fn open_platform_pushes() {
    let Message::Component(ComponentEvent::VerifyTicket(t)) =
        load("open_component_verify_ticket.xml")
    else {
        panic!()
    };
    assert_eq!(
        t.component_verify_ticket.expose(),
        "ticket@@@lnn6c3qk2XQ1XQ"
    );
    assert!(
        !format!("{t:?}").contains("lnn6c3"),
        "Debug redacts the ticket"
    );
    let m = Message::Component(ComponentEvent::VerifyTicket(t));
    let json = serde_json::to_string(&m).unwrap();
    assert!(
        json.contains("[redacted]") && !json.contains("lnn6c3"),
        "{json}"
    );
    assert!(
        m.to_xml().contains("ticket@@@lnn6c3qk2XQ1XQ"),
        "to_xml is what WeChat sends"
    );

    let Message::Component(ComponentEvent::Authorized(a)) = load("open_authorized.xml") else {
        panic!()
    };
    assert_eq!(a.authorizer_appid, "wxf8b4f85f3a794e77");
    assert_eq!(a.authorization_code_expired_time, Some(1413196205));
    let Message::Component(ComponentEvent::FastRegister(f)) =
        load("open_notify_third_fasteregister.xml")
    else {
        panic!()
    };
    assert_eq!((f.status, f.auth_code.as_deref()), (0, Some("xxxxx")));
}

#[test]
fn wecom_fields() {
    let Message::Text(t) = load("wecom_text.xml") else {
        panic!()
    };
    assert_eq!(t.agent_id, Some(1000002));
    let Message::Event(Event::Click(c)) = load("wecom_click.xml") else {
        panic!()
    };
    assert_eq!(c.event_key, "EVENTKEY");
    let Message::Event(Event::ChangeContact(ContactChange::CreateUser(u))) =
        load("wecom_change_contact_create_user.xml")
    else {
        panic!()
    };
    assert_eq!(u.user_id, "zhangsan");
    assert_eq!(u.department.as_deref(), Some("1,2,3"));
    assert!(u.ext_attr.is_some());
    let Message::Event(Event::ChangeContact(ContactChange::UpdateTag(t))) =
        load("wecom_change_contact_update_tag.xml")
    else {
        panic!()
    };
    assert_eq!(t.tag_id, 1);
    let Message::Event(Event::ExternalContact(e)) = load("wecom_change_external_contact.xml")
    else {
        panic!()
    };
    assert_eq!(e.change_type, "add_external_contact");
    assert_eq!(e.welcome_code.as_deref(), Some("WELCOMECODE"));
    let Message::Event(Event::KfMsgOrEvent(k)) = load("wecom_kf_msg_or_event.xml") else {
        panic!()
    };
    assert_eq!(k.open_kf_id, "wkxxxxxxx");
    let Message::Event(Event::BatchJobResult(b)) = load("wecom_batch_job_result.xml") else {
        panic!()
    };
    assert_eq!(b.batch_job.job_type, "sync_user");

    let Message::Suite(SuiteEvent::Ticket(t)) = load("suite_ticket.xml") else {
        panic!()
    };
    assert_eq!(t.suite_ticket.expose(), "asdfasfdasdfasdf");
    assert_eq!(t.time_stamp, 1403610513);
    let Message::Suite(SuiteEvent::CreateAuth(a)) = load("suite_create_auth.xml") else {
        panic!()
    };
    assert_eq!(a.auth_code.as_deref(), Some("AUTHCODE"));
}

#[test]
fn unknown_types_keep_every_raw_field() {
    let Message::Unknown(raw) = load("unknown_msgtype.xml") else {
        panic!()
    };
    assert_eq!(raw["Shape"], "cube");
    assert_eq!(raw["Nested"]["B"][1], "y");
    let Message::Event(Event::Unknown(raw)) = load("unknown_event.xml") else {
        panic!()
    };
    assert_eq!(raw["Deep"]["X"], "1");
    let Message::Event(Event::ChangeContact(ContactChange::Unknown(raw))) =
        load("wecom_change_contact_unknown.xml")
    else {
        panic!()
    };
    assert_eq!(raw["Foo"], "bar");
}

#[test]
fn a_known_type_with_unusable_fields_falls_back_to_raw() {
    let xml = "<xml><ToUserName>a</ToUserName><MsgType>text</MsgType>\
               <CreateTime>not a number</CreateTime><Content>x</Content></xml>";
    let Message::Unknown(raw) = Message::parse(xml.as_bytes()).unwrap() else {
        panic!()
    };
    assert_eq!(raw["CreateTime"], "not a number");
}

#[test]
fn a_known_type_whose_fields_do_not_fit_keeps_the_fields_and_the_error() {
    fn parse(body: &str) -> Message {
        Message::parse(body.as_bytes()).unwrap()
    }
    fn check(untyped: &Untyped, name: &str, field: &str, sent: &str) {
        let error = untyped.error.as_deref().expect("the decode error is kept");
        assert!(error.starts_with(&format!("{name}: ")), "{error}");
        assert!(error.contains(sent), "{error}");
        assert_eq!(untyped.fields[field], sent);
    }

    let m = parse(
        "<xml><ToUserName>gh_a</ToUserName><FromUserName>o1</FromUserName>\
         <CreateTime>soon</CreateTime><MsgType>event</MsgType><Event>subscribe</Event>\
         <EventKey>qrscene_7</EventKey></xml>",
    );
    let Message::Event(Event::Unknown(u)) = &m else {
        panic!("{m:?}")
    };
    check(u, "subscribe", "CreateTime", "soon");
    assert_eq!(u["EventKey"], "qrscene_7");
    assert_eq!(m.header().from_user_name, "o1");
    assert_eq!(m.to_fields()["CreateTime"], "soon", "serialized as sent");

    // JSON: a number field sent as text that is no number.
    let m = parse(
        r#"{"ToUserName":"gh_a","CreateTime":1,"MsgType":"event","Event":"wxa_media_check",
            "appid":"wx1","trace_id":"t1","version":"two"}"#,
    );
    let Message::Event(Event::Unknown(u)) = &m else {
        panic!("{m:?}")
    };
    check(u, "wxa_media_check", "version", "two");
    assert_eq!(u["trace_id"], "t1");

    let m = parse(
        "<xml><ToUserName>ww1</ToUserName><CreateTime>1</CreateTime><MsgType>event</MsgType>\
         <Event>change_contact</Event><ChangeType>create_party</ChangeType><Id>x9</Id></xml>",
    );
    let Message::Event(Event::ChangeContact(ContactChange::Unknown(u))) = &m else {
        panic!("{m:?}")
    };
    check(u, "create_party", "Id", "x9");

    let m = parse(
        "<xml><AppId>wx3</AppId><CreateTime>later</CreateTime>\
         <InfoType>component_verify_ticket</InfoType>\
         <ComponentVerifyTicket>t@@@1</ComponentVerifyTicket></xml>",
    );
    let Message::Component(ComponentEvent::Unknown(u)) = &m else {
        panic!("{m:?}")
    };
    check(u, "component_verify_ticket", "CreateTime", "later");
    assert_eq!(m.header().to_user_name, "wx3");

    let m = parse(
        "<xml><SuiteId>ww4</SuiteId><TimeStamp>-1</TimeStamp><InfoType>suite_ticket</InfoType>\
         </xml>",
    );
    let Message::Suite(SuiteEvent::Unknown(u)) = &m else {
        panic!("{m:?}")
    };
    check(u, "suite_ticket", "TimeStamp", "-1");

    let m = parse(
        "<xml><ToUserName>a</ToUserName><MsgType>text</MsgType>\
         <MsgId>12a</MsgId><Content>x</Content></xml>",
    );
    let Message::Unknown(u) = &m else {
        panic!("{m:?}")
    };
    check(u, "text", "MsgId", "12a");

    // An unknown name has no error.
    let Message::Event(Event::Unknown(u)) = load("unknown_event.xml") else {
        panic!()
    };
    assert_eq!(u.error, None);
}

#[test]
fn malformed_documents_are_errors() {
    for bad in [
        &b""[..],
        b"<xml>",
        b"{",
        b"[1,2]",
        b"<xml><a></b></xml>",
        b"\xff\xfe",
    ] {
        assert!(Message::parse(bad).is_err(), "{bad:?}");
    }
}
