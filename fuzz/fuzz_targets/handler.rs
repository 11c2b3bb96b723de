//! The whole handler on arbitrary requests: the first byte picks method and platform, the
//! first line is the query, the rest the body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wechat_core::Secret;
use wechat_core::callback::{CallbackHandler, Platform};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let platform = match selector & 3 {
        0 => Platform::OfficialAccount,
        1 => Platform::MiniProgram,
        2 => Platform::OpenPlatform,
        _ => Platform::WeCom,
    };
    let method = if selector & 4 == 0 { "POST" } else { "GET" };
    let split = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
    let (query, body) = rest.split_at(split);
    let Ok(query) = std::str::from_utf8(query) else {
        return;
    };
    let h = CallbackHandler::new(platform, Secret::new("QDG6eK"))
        .with_aes_key(
            "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
            "wx5823bf96d3bd56c7",
        )
        .expect("valid key")
        .timestamp_window(300);
    if let Ok(req) = http::Request::builder()
        .method(method)
        .uri(format!("/cb?{query}"))
        .body(body.to_vec())
    {
        let _ = h.handle(&req, 1409659813);
    }
});
