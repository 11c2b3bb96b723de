//! `callback_roundtrip`: on the official WeCom sample request, verify msg_signature, decrypt,
//! parse the typed message, build a text reply, encrypt and sign it.

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use wechat_core::Secret;
use wechat_core::callback::{CallbackHandler, Incoming, Platform, Reply};

const BODY: &str = include_str!("../tests/fixtures/callback/wecom_sample_encrypted.xml");
const URI: &str = "/cgi-bin/wxpush?msg_signature=477715d11cdb4164915debcba66cb864d751f3e6\
                   &timestamp=1409659813&nonce=1372623149";

fn roundtrip(c: &mut Criterion) {
    let handler = CallbackHandler::new(Platform::WeCom, Secret::new("QDG6eK"))
        .with_aes_key(
            "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C",
            "wx5823bf96d3bd56c7",
        )
        .expect("valid key");
    let request = http::Request::post(URI)
        .body(BODY.as_bytes())
        .expect("valid request");
    let reply = Reply::text("this is a test");
    let mut random = [0u8; 16];
    c.bench_function("callback_roundtrip", |b| {
        b.iter(|| {
            random[0] = random[0].wrapping_add(1);
            let Ok(Incoming::Message(received)) = handler.handle(black_box(&request), 1409659813)
            else {
                panic!("the sample must verify");
            };
            black_box(received.reply.reply(&reply, 1409659900, random))
        })
    });
}

criterion_group!(benches, roundtrip);
criterion_main!(benches);
