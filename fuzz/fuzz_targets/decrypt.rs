//! Message decryption: arbitrary text, and arbitrary bytes as base64 (to reach AES, padding
//! and framing checks). Errors, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wechat_core::Secret;
use wechat_core::callback::MessageCrypto;

fuzz_target!(|data: &[u8]| {
    let c = MessageCrypto::new(
        Secret::new("QDG6eK"),
        "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
        "wx5823bf96d3bd56c7",
    )
    .expect("valid key")
    .with_previous_key("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")
    .expect("valid key");
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = c.decrypt(text);
        let _ = c.verify_url("sig", "1", "2", text);
    }
    let b64 = base64_simd::STANDARD.encode_to_string(data);
    let _ = c.decrypt(&b64);
    let _ = c.clone().accept_any_receiver_id().decrypt(&b64);
});
