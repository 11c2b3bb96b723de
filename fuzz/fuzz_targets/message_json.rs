//! JSON message parser: never panics; whatever parses serializes and converts to XML.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wechat_core::callback::Message;

fuzz_target!(|data: &[u8]| {
    if let Ok(m) = Message::from_json(data) {
        let _ = serde_json::to_string(&m).expect("serializable");
        let _ = wechat_core::callback::dedup_key(&m, data);
        Message::parse(m.to_xml().as_bytes()).expect("to_xml re-parses");
    }
});
