//! XML message parser: never panics; the fast and the quick-xml paths agree; whatever parses
//! serializes and re-parses.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wechat_core::callback::{Message, fast_and_full_parsers_agree};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        assert!(fast_and_full_parsers_agree(text), "parsers disagree");
    }
    if let Ok(m) = Message::from_xml(data) {
        let _ = serde_json::to_string(&m).expect("serializable");
        let _ = wechat_core::callback::dedup_key(&m, data);
        Message::parse(m.to_xml().as_bytes()).expect("to_xml re-parses");
    }
});
