//! Property tests: encryption round trips, and arbitrary bytes into every parser (errors,
//! never panics).

use proptest::prelude::*;
use wechat_core::Secret;
use wechat_core::callback::{
    CallbackHandler, Message, MessageCrypto, Platform, Reply, fast_and_full_parsers_agree,
    mini_program, sha1_signature, verify_sha1_signature,
};

const KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";

fn crypto(receiver: &str) -> MessageCrypto {
    MessageCrypto::new(Secret::new("QDG6eK"), KEY, receiver).unwrap()
}

/// Random WeChat-like XML: a root with leaves and nested elements, CDATA and text.
fn xml_doc() -> impl Strategy<Value = String> {
    let name = prop::sample::select(vec![
        "ToUserName",
        "MsgType",
        "Event",
        "Content",
        "MsgId",
        "List",
        "item",
        "A",
        "b:c",
    ]);
    let value = prop_oneof![
        "[a-zA-Z0-9 _<>&;\\]\\[]{0,12}"
            .prop_map(|v| format!("<![CDATA[{}]]>", v.replace("]]>", ""))),
        "[a-zA-Z0-9 _.]{0,12}",
        Just("&amp;&#x4E2D;".to_owned()),
        Just(String::new()),
    ];
    let leaf = (name.clone(), value).prop_map(|(n, v)| format!("<{n}>{v}</{n}>"));
    let node = leaf.prop_recursive(3, 24, 6, move |inner| {
        (name.clone(), prop::collection::vec(inner, 0..6))
            .prop_map(|(n, kids)| format!("<{n}>{}</{n}>", kids.join("\n")))
    });
    (prop::collection::vec(node, 0..10), any::<bool>()).prop_map(|(kids, decl)| {
        let head = if decl {
            "<?xml version=\"1.0\"?>\n"
        } else {
            ""
        };
        format!("{head}<xml>{}</xml>", kids.join(""))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn encrypt_then_decrypt_is_identity(
        plain in prop::collection::vec(any::<u8>(), 0..2048),
        random in any::<[u8; 16]>(),
        receiver in "[a-zA-Z0-9]{0,24}",
    ) {
        let c = crypto(&receiver);
        let encrypt = c.encrypt(&plain, random);
        prop_assert_eq!(c.decrypt(&encrypt).unwrap(), plain);
    }

    #[test]
    fn sealed_payloads_verify(plain in ".{0,300}", ts in "[0-9]{1,10}", nonce in "[a-zA-Z0-9]{1,16}", random in any::<[u8; 16]>()) {
        let c = crypto("wx5823bf96d3bd56c7");
        let sealed = c.seal(plain.as_bytes(), &ts, &nonce, random);
        prop_assert!(c.verify_signature(&sealed.msg_signature, &ts, &nonce, &sealed.encrypt).is_ok());
        prop_assert_eq!(c.decrypt_to_string(&sealed.encrypt).unwrap(), plain);
    }

    #[test]
    fn signatures_ignore_order(parts in prop::collection::vec("[ -~]{0,20}", 0..6)) {
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        let mut rev = refs.clone();
        rev.reverse();
        let sig = sha1_signature(&refs);
        prop_assert!(verify_sha1_signature(&sig, &rev));
        prop_assert!(!verify_sha1_signature(&sig[1..], &rev));
    }

    #[test]
    fn decrypt_never_panics(s in ".{0,600}") {
        let _ = crypto("wx5823bf96d3bd56c7").decrypt(&s);
    }

    #[test]
    fn decrypt_of_base64_garbage_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let s = base64_simd::STANDARD.encode_to_string(bytes);
        let _ = crypto("wx5823bf96d3bd56c7").decrypt(&s);
    }

    #[test]
    fn message_parsers_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        let _ = Message::parse(&bytes);
        let _ = Message::from_xml(&bytes);
        let _ = Message::from_json(&bytes);
        let _ = Reply::parse(&bytes);
    }

    #[test]
    fn structured_xml_never_panics_and_both_parsers_agree(doc in xml_doc()) {
        prop_assert!(fast_and_full_parsers_agree(&doc), "{}", doc);
        if let Ok(m) = Message::parse(doc.as_bytes()) {
            // Whatever parsed serializes and re-parses.
            let _ = serde_json::to_string(&m).unwrap();
            prop_assert!(Message::parse(m.to_xml().as_bytes()).is_ok());
            let _ = wechat_core::callback::dedup_key(&m, doc.as_bytes());
        }
    }

    #[test]
    fn flat_documents_agree(fields in prop::collection::vec(("[A-Za-z][A-Za-z0-9_]{0,6}", "[^<&\\]]{0,10}", any::<bool>()), 1..12)) {
        let body: String = fields
            .iter()
            .map(|(n, v, cdata)| if *cdata { format!("<{n}><![CDATA[{v}]]></{n}>") } else { format!("<{n}>{v}</{n}>") })
            .collect::<Vec<_>>()
            .join("\n");
        let doc = format!("<xml>\n{body}\n</xml>");
        prop_assert!(fast_and_full_parsers_agree(&doc), "{}", doc);
    }

    #[test]
    fn json_messages_never_panic(v in json_value()) {
        let s = serde_json::to_vec(&v).unwrap();
        if let Ok(m) = Message::parse(&s) {
            let _ = serde_json::to_string(&m).unwrap();
            let _ = m.to_xml();
        }
    }

    #[test]
    fn mini_program_decrypt_never_panics(key in ".{0,30}", data in ".{0,200}", iv in ".{0,30}") {
        let _ = mini_program::decrypt_encrypted_data(&key, &data, &iv, "wx");
    }

    #[test]
    fn handler_never_panics(
        query in "[a-z_=&%0-9A-F]{0,80}",
        body in prop::collection::vec(any::<u8>(), 0..512),
        post in any::<bool>(),
        platform in prop::sample::select(vec![Platform::OfficialAccount, Platform::MiniProgram, Platform::OpenPlatform, Platform::WeCom]),
    ) {
        let h = CallbackHandler::new(platform, Secret::new("QDG6eK"))
            .with_aes_key(KEY, "wx5823bf96d3bd56c7")
            .unwrap();
        let uri = format!("/cb?{query}");
        if let Ok(req) = http::Request::builder()
            .method(if post { "POST" } else { "GET" })
            .uri(uri)
            .body(body)
        {
            let _ = h.handle(&req, 0);
        }
    }
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let key = prop::sample::select(vec![
        "MsgType",
        "Event",
        "InfoType",
        "ChangeType",
        "List",
        "item",
        "CreateTime",
        "MsgId",
        "ToUserName",
        "detail",
        "Actions",
        "SuiteId",
    ]);
    let scalar = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop::sample::select(vec![
            "text",
            "event",
            "subscribe",
            "change_contact",
            "create_user",
            "wxa_media_check",
            "component_verify_ticket",
            "suite_ticket",
            "xpay_refund_notify",
            "subscribe_msg_popup_event",
            "123",
            "",
            "x",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    let leaf = scalar.clone();
    let nested = leaf.prop_recursive(3, 32, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(key.clone().prop_map(str::to_owned), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    let top_key = prop::sample::select(vec![
        "MsgType",
        "Event",
        "InfoType",
        "ChangeType",
        "List",
        "CreateTime",
        "MsgId",
        "detail",
        "SubscribeMsgPopupEvent",
        "Actions",
    ]);
    prop::collection::btree_map(
        top_key.prop_map(str::to_owned),
        prop_oneof![scalar, nested],
        0..8,
    )
    .prop_map(|m| Value::Object(m.into_iter().collect()))
}
