//! The whole pipeline past the signature checks: the input is the plaintext of a correctly
//! encrypted and signed push; parse it, reply, and read the reply back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wechat_core::Secret;
use wechat_core::callback::{CallbackHandler, Incoming, MessageCrypto, Platform, Reply};

const KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const RECEIVER: &str = "wx5823bf96d3bd56c7";

fuzz_target!(|data: &[u8]| {
    let c = MessageCrypto::new(Secret::new("QDG6eK"), KEY, RECEIVER).expect("valid key");
    let sealed = c.seal(data, "1409659813", "1372623149", [7; 16]);
    let json = data.first() == Some(&b'{');
    let body = if json {
        format!("{{\"Encrypt\":\"{}\"}}", sealed.encrypt)
    } else {
        format!(
            "<xml><Encrypt><![CDATA[{}]]></Encrypt></xml>",
            sealed.encrypt
        )
    };
    let h = CallbackHandler::new(Platform::WeCom, Secret::new("QDG6eK"))
        .with_aes_key(KEY, RECEIVER)
        .expect("valid key");
    let uri = format!(
        "/cb?msg_signature={}&timestamp=1409659813&nonce=1372623149",
        sealed.msg_signature
    );
    let req = http::Request::post(uri).body(body).expect("valid request");
    if let Ok(Incoming::Message(received)) = h.handle(&req, 0) {
        let _ = received.dedup_key();
        let _ = serde_json::to_string(&received.message).expect("serializable");
        let resp = received.reply.reply(&Reply::text("ok"), 1, [9; 16]);
        assert_eq!(resp.status(), 200);
    }
});
