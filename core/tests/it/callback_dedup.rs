//! Dedup keys and handling each push once: the official documents' example pushes of every
//! platform, pushes that differ in one field, WeChat's retries re-encrypted, and the claim
//! protocol on the memory store.

use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Barrier};

use futures::executor::block_on;
use proptest::prelude::*;
use wechat_core::Secret;
use wechat_core::callback::{
    CallbackHandler, Claim, Dedup, DedupStore, Incoming, MemoryDedup, Message, MessageCrypto, Once,
    OnceError, Platform, Pusher, Seen, dedup_key,
};

const TOKEN: &str = "QDG6eK";
const AES_KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const CORP_ID: &str = "ww5823bf96d3bd56c7";

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/callback/messages")
        .join(name);
    fs::read_to_string(path).unwrap()
}

fn key_of(doc: &str) -> String {
    let message = Message::parse(doc.as_bytes()).unwrap_or_else(|e| panic!("{e}: {doc}"));
    dedup_key(&message, doc.as_bytes())
}

fn sha256_key(doc: &str) -> String {
    use sha2::Digest;
    format!(
        "sha256:{}",
        hex::encode(sha2::Sha256::digest(doc.as_bytes()))
    )
}

/// The WeCom document's `sys_approval_change` example (审批申请状态变化回调通知).
const SYS_APPROVAL_CHANGE: &str = "<xml><ToUserName><![CDATA[wwddddccc7775555aaa]]></ToUserName>\
<FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1571732272</CreateTime>\
<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[sys_approval_change]]></Event>\
<AgentID>3010040</AgentID><ApprovalInfo><SpNo>201910220003</SpNo>\
<SpName><![CDATA[示例模板]]></SpName><SpStatus>1</SpStatus>\
<TemplateId><![CDATA[3TkZjxugodbqpEMk9ej5rXnRSTEbMK3jSAWUmfQS]]></TemplateId>\
<ApplyTime>1571732272</ApplyTime><Applyer><UserId><![CDATA[WuJunJie]]></UserId>\
<Party><![CDATA[1]]></Party></Applyer><SpRecord><SpStatus>1</SpStatus>\
<ApproverAttr>1</ApproverAttr><Details><Approver><UserId><![CDATA[WangXiaoMing]]></UserId>\
</Approver><Speech><![CDATA[]]></Speech><SpStatus>1</SpStatus><SpTime>0</SpTime></Details>\
</SpRecord><StatuChangeEvent>1</StatuChangeEvent></ApprovalInfo></xml>";

#[test]
fn user_messages_keep_their_msg_id() {
    assert_eq!(
        key_of(&fixture("oa_text.xml")),
        "msg:gh_7f083739789a:1234567890123456"
    );
    assert_eq!(
        key_of(&fixture("mp_text.json")),
        "msg:gh_123456789abc:1234567890123456"
    );
    assert!(key_of(&fixture("wecom_text.xml")).starts_with("msg:ww"));
    assert!(key_of(&fixture("unknown_msgtype.xml")).starts_with("msg:"));
}

#[test]
fn events_and_info_type_pushes_are_keyed_by_their_whole_content() {
    for file in [
        "oa_subscribe.xml",
        "oa_click.xml",
        "oa_templatesendjobfinish.xml",
        "wecom_change_contact_create_user.xml",
        "wecom_change_external_contact.xml",
        "wecom_open_approval_change.xml",
        "wecom_kf_msg_or_event.xml",
        "open_component_verify_ticket.xml",
        "open_authorized.xml",
        "suite_ticket.xml",
        "suite_create_auth.xml",
        "unknown_event.xml",
        "unknown_infotype.xml",
        "unknown_suite_infotype.xml",
    ] {
        let doc = fixture(file);
        assert_eq!(key_of(&doc), sha256_key(&doc), "{file}");
    }
    assert_eq!(key_of(SYS_APPROVAL_CHANGE), sha256_key(SYS_APPROVAL_CHANGE));
}

#[test]
fn every_official_example_push_has_its_own_key() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/callback/messages");
    let manifest = fs::read_to_string(dir.join("MANIFEST")).unwrap();
    let mut seen = std::collections::HashMap::new();
    for file in manifest.lines().filter_map(|l| l.split(' ').next()) {
        if file.is_empty() {
            continue;
        }
        let key = key_of(&fixture(file));
        assert!(!key.contains(TOKEN) && !key.contains(AES_KEY));
        // User messages are keyed by `MsgId`, and the documents' examples share one
        // (`1234567890123456`): those keys are checked by `user_messages_keep_their_msg_id`.
        if key.starts_with("msg:") {
            continue;
        }
        if let Some(other) = seen.insert(key.clone(), file) {
            panic!("{other} and {file} share {key}");
        }
    }
    assert!(seen.len() > 70, "{}", seen.len());
}

/// Two pushes of the same kind, in the same second, that differ in one value.
#[test]
fn pushes_in_the_same_second_that_differ_get_different_keys() {
    let cases: [(String, &str, &str); 9] = [
        // Two members created in the same second (the reported bug).
        (
            fixture("wecom_change_contact_create_user.xml"),
            "<UserID><![CDATA[zhangsan]]>",
            "<UserID><![CDATA[lisi]]>",
        ),
        // Two customers added at once.
        (
            fixture("wecom_change_external_contact.xml"),
            "woAJ2GCAAAXtWyujaWJHDDGi0mACAAAA",
            "woAJ2GCAAAXtWyujaWJHDDGi0mACBBBB",
        ),
        // A batch of approvals.
        (
            SYS_APPROVAL_CHANGE.to_owned(),
            "<SpNo>201910220003</SpNo>",
            "<SpNo>201910220004</SpNo>",
        ),
        (
            fixture("wecom_open_approval_change.xml"),
            "201806010001",
            "201806010002",
        ),
        // Two corps installing the suite in the same second.
        (fixture("suite_create_auth.xml"), "AUTHCODE", "AUTHCODE2"),
        // Two accounts authorizing the platform in the same second.
        (
            fixture("open_authorized.xml"),
            "wxf8b4f85f3a794e77",
            "wxf8b4f85f3a794e78",
        ),
        // Two subscribers in the same second.
        (
            fixture("oa_subscribe.xml"),
            "oia2TjuEGTNoeX76QEjQNrcURxG8",
            "oia2TjuEGTNoeX76QEjQNrcURxG9",
        ),
        // One user clicking two menu items in the same second.
        (fixture("oa_click.xml"), "EVENTKEY", "EVENTKEY2"),
        // A user's two messages.
        (
            fixture("oa_text.xml"),
            "1234567890123456",
            "1234567890123457",
        ),
    ];
    for (doc, from, to) in cases {
        assert!(doc.contains(from), "{from} not in {doc}");
        let other = doc.replacen(from, to, 1);
        assert_ne!(key_of(&doc), key_of(&other), "{doc}");
    }
}

fn handler(platform: Platform, receiver: &str) -> CallbackHandler {
    CallbackHandler::new(platform, Secret::new(TOKEN))
        .with_aes_key(AES_KEY, receiver)
        .unwrap()
        .timestamp_window(300)
}

/// What the handler keys a push sealed with these random bytes, nonce and timestamp.
fn received_key(
    platform: Platform,
    receiver: &str,
    doc: &str,
    encrypted: bool,
    random: [u8; 16],
    nonce: &str,
    ts: u64,
) -> String {
    let mut pusher = Pusher::new(platform, Secret::new(TOKEN));
    if encrypted {
        pusher =
            pusher.with_crypto(MessageCrypto::new(Secret::new(TOKEN), AES_KEY, receiver).unwrap());
    }
    let request = pusher
        .request("/cb", doc.as_bytes(), ts, nonce, random, &[])
        .unwrap();
    match handler(platform, receiver).handle(&request, ts) {
        Ok(Incoming::Message(received)) => received.dedup_key(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn retries_re_encrypted_with_new_random_bytes_nonce_and_timestamp_keep_the_key() {
    for (platform, receiver, file) in [
        (
            Platform::WeCom,
            CORP_ID,
            "wecom_change_contact_create_user.xml",
        ),
        (Platform::WeCom, CORP_ID, "wecom_text.xml"),
        (
            Platform::WeCom,
            "ww4asffe99e54c0fxxxx",
            "suite_create_auth.xml",
        ),
        (
            Platform::OpenPlatform,
            "wx3f4e5a2e9b8c7d6e",
            "open_authorized.xml",
        ),
        (Platform::OfficialAccount, "wxapp", "oa_subscribe.xml"),
    ] {
        let doc = fixture(file);
        let first = received_key(platform, receiver, &doc, true, [1; 16], "n1", 1_700_000_000);
        for (random, nonce, ts) in [
            ([2; 16], "n2", 1_700_000_005),
            ([3; 16], "n3", 1_700_000_011),
        ] {
            let retry = received_key(platform, receiver, &doc, true, random, nonce, ts);
            assert_eq!(retry, first, "{file}");
        }
        assert_eq!(first, key_of(&doc), "{file}");
        if platform != Platform::WeCom {
            let plain = received_key(
                platform,
                receiver,
                &doc,
                false,
                [0; 16],
                "n4",
                1_700_000_020,
            );
            assert_eq!(plain, first, "{file}: plain mode");
        }
    }
}

// ----- properties ---------------------------------------------------------------------------------

/// A push without `MsgId`: an event or an `InfoType` push, with any fields after its header.
fn push_fields() -> impl Strategy<Value = Vec<(String, String)>> {
    let header = prop_oneof![
        (
            "[a-z0-9_]{1,12}",
            "[a-zA-Z0-9_]{1,12}",
            0u64..2_000_000_000,
            "[a-z_]{1,16}"
        )
            .prop_map(|(to, from, time, event)| vec![
                ("ToUserName".to_owned(), to),
                ("FromUserName".to_owned(), from),
                ("CreateTime".to_owned(), time.to_string()),
                ("MsgType".to_owned(), "event".to_owned()),
                ("Event".to_owned(), event),
            ]),
        ("[a-z0-9]{1,12}", 0u64..2_000_000_000, "[a-z_]{1,16}").prop_map(
            |(suite, time, info)| vec![
                ("SuiteId".to_owned(), suite),
                ("TimeStamp".to_owned(), time.to_string()),
                ("InfoType".to_owned(), info),
            ]
        ),
        ("wx[a-z0-9]{1,12}", 0u64..2_000_000_000, "[a-z_]{1,16}").prop_map(
            |(app, time, info)| vec![
                ("AppId".to_owned(), app),
                ("CreateTime".to_owned(), time.to_string()),
                ("InfoType".to_owned(), info),
            ]
        ),
    ];
    let extra = prop::collection::vec(("[A-Z][A-Za-z]{0,8}", "[a-zA-Z0-9 ,@._-]{0,16}"), 0..8);
    (header, extra).prop_map(|(mut fields, extra)| {
        fields.extend(extra);
        fields
    })
}

fn to_xml(fields: &[(String, String)]) -> String {
    let mut xml = String::from("<xml>");
    for (name, value) in fields {
        xml.push_str(&format!("<{name}><![CDATA[{value}]]></{name}>"));
    }
    xml.push_str("</xml>");
    xml
}

#[derive(Debug, Clone)]
enum Change {
    Value(usize, String),
    Add(String, String),
    Remove(usize),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (any::<usize>(), "[a-zA-Z0-9 ,@._-]{0,16}").prop_map(|(i, v)| Change::Value(i, v)),
        ("[A-Z][A-Za-z]{0,8}", "[a-zA-Z0-9]{0,16}").prop_map(|(n, v)| Change::Add(n, v)),
        any::<usize>().prop_map(Change::Remove),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn pushes_that_differ_in_any_field_get_different_keys(fields in push_fields(), change in change()) {
        let mut other = fields.clone();
        match change {
            Change::Value(i, v) => other[i % fields.len()].1 = v,
            Change::Add(n, v) => other.push((n, v)),
            // The header fields stay: a push without them is not a push of this kind.
            Change::Remove(i) => {
                if fields.len() > 5 {
                    other.remove(5 + i % (fields.len() - 5));
                }
            }
        }
        let (a, b) = (to_xml(&fields), to_xml(&other));
        let (Ok(ma), Ok(mb)) = (Message::parse(a.as_bytes()), Message::parse(b.as_bytes())) else {
            return Ok(());
        };
        if a == b {
            prop_assert_eq!(dedup_key(&ma, a.as_bytes()), dedup_key(&mb, b.as_bytes()));
        } else {
            prop_assert_ne!(dedup_key(&ma, a.as_bytes()), dedup_key(&mb, b.as_bytes()), "{} / {}", a, b);
        }
    }

    #[test]
    fn user_messages_differ_by_account_or_msg_id(
        to in "[a-z0-9_:]{1,12}", to2 in "[a-z0-9_:]{1,12}", id in any::<u64>(), id2 in any::<u64>(),
        content in "[a-z ]{0,12}",
    ) {
        let text = |to: &str, id: u64| format!(
            "<xml><ToUserName>{to}</ToUserName><FromUserName>o</FromUserName><CreateTime>1</CreateTime>\
             <MsgType>text</MsgType><Content>{content}</Content><MsgId>{id}</MsgId></xml>"
        );
        let (a, b) = (text(&to, id), text(&to2, id2));
        prop_assert_eq!(key_of(&a) == key_of(&b), to == to2 && id == id2);
    }

    #[test]
    fn re_encrypting_keeps_the_key(
        fields in push_fields(),
        wecom in any::<bool>(),
        randoms in any::<([u8; 16], [u8; 16])>(),
        nonces in ("[a-zA-Z0-9]{1,12}", "[a-zA-Z0-9]{1,12}"),
        delay in 0u64..20,
    ) {
        let doc = to_xml(&fields);
        prop_assume!(Message::parse(doc.as_bytes()).is_ok());
        let platform = if wecom { Platform::WeCom } else { Platform::OfficialAccount };
        let ts = 1_700_000_000;
        let first = received_key(platform, "wxreceiver", &doc, true, randoms.0, &nonces.0, ts);
        let retry = received_key(platform, "wxreceiver", &doc, true, randoms.1, &nonces.1, ts + delay);
        prop_assert_eq!(&first, &retry);
        prop_assert_eq!(first, key_of(&doc));
    }
}

// ----- handled once ---------------------------------------------------------------------------------

fn clocked() -> (Arc<AtomicU64>, MemoryDedup) {
    let now = Arc::new(AtomicU64::new(1_700_000_000_000));
    let clock = Arc::clone(&now);
    (now, MemoryDedup::new(move || clock.load(Ordering::SeqCst)))
}

#[test]
fn claims_are_done_released_and_run_out() {
    let (now, store) = clocked();
    let dedup = Dedup::new(&store).lease_ms(30_000).keep_ms(600_000);
    block_on(async {
        let Claim::New(ticket) = dedup.claim("k", "a").await.unwrap() else {
            panic!()
        };
        assert_eq!(ticket.key(), "k");
        assert_eq!(dedup.claim("k", "b").await.unwrap(), Claim::InProgress);
        // Released by its holder: the next retry handles it again.
        dedup.release(&ticket).await.unwrap();
        let Claim::New(ticket) = dedup.claim("k", "c").await.unwrap() else {
            panic!()
        };
        dedup.done(&ticket).await.unwrap();
        assert_eq!(dedup.claim("k", "d").await.unwrap(), Claim::Done);
        // A release after done changes nothing.
        dedup.release(&ticket).await.unwrap();
        assert_eq!(dedup.claim("k", "d").await.unwrap(), Claim::Done);
        now.fetch_add(600_001, Ordering::SeqCst);
        assert!(matches!(
            dedup.claim("k", "e").await.unwrap(),
            Claim::New(_)
        ));

        // A claim whose holder died ends with its lease; the late holder's release is ignored.
        let Claim::New(late) = dedup.claim("j", "dead").await.unwrap() else {
            panic!()
        };
        now.fetch_add(30_001, Ordering::SeqCst);
        let Claim::New(_) = dedup.claim("j", "alive").await.unwrap() else {
            panic!()
        };
        dedup.release(&late).await.unwrap();
        assert_eq!(dedup.claim("j", "x").await.unwrap(), Claim::InProgress);
    });
    // Store keys are namespaced.
    assert_eq!(
        block_on(store.claim("wechat:dedup:j", "z", 1)).unwrap(),
        Seen::InProgress
    );
}

#[test]
fn once_runs_the_work_once_and_again_after_a_failure() {
    let (_, store) = clocked();
    let dedup = Dedup::new(store);
    block_on(async {
        let failed: Result<Once<()>, _> = dedup.once("k", "a", async { Err("db down") }).await;
        assert!(matches!(failed, Err(OnceError::Work("db down"))));
        let ok = dedup
            .once("k", "b", async { Ok::<_, ()>(7) })
            .await
            .unwrap();
        assert_eq!(ok, Once::Handled(7));
        let again = dedup
            .once("k", "c", async { Ok::<_, ()>(8) })
            .await
            .unwrap();
        assert_eq!(again, Once::Done);
    });
}

#[test]
fn concurrent_retries_in_many_threads_are_handled_once() {
    let (_, store) = clocked();
    let dedup = Arc::new(Dedup::new(store));
    let handled = Arc::new(AtomicU64::new(0));
    let barrier = Arc::new(Barrier::new(16));
    let threads: Vec<_> = (0..16)
        .map(|i| {
            let (dedup, handled, barrier) = (
                Arc::clone(&dedup),
                Arc::clone(&handled),
                Arc::clone(&barrier),
            );
            std::thread::spawn(move || {
                barrier.wait();
                block_on(dedup.once("push", &format!("t{i}"), async {
                    handled.fetch_add(1, Ordering::SeqCst);
                    Ok::<_, ()>(())
                }))
                .unwrap()
            })
        })
        .collect();
    let outcomes: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    assert_eq!(handled.load(Ordering::SeqCst), 1);
    assert_eq!(
        outcomes.iter().filter(|o| **o == Once::Handled(())).count(),
        1
    );
}
