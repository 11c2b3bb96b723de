//! Reply parser: never panics; a parsed reply renders and parses back to itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wechat_core::callback::Reply;

fuzz_target!(|data: &[u8]| {
    if let Ok(parsed) = Reply::parse(data) {
        if !matches!(
            parsed.reply,
            Reply::Raw { .. } | Reply::Success | Reply::Empty
        ) {
            let xml = parsed.reply.to_xml("to", "from", 1);
            let again = Reply::parse(xml.as_bytes()).expect("rendered reply parses");
            assert_eq!(again.reply, parsed.reply);
        }
    }
});
