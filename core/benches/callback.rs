//! `callback_roundtrip`: on the official WeCom sample request, verify msg_signature, decrypt,
//! parse the typed message, build a text reply, encrypt and sign it; then each stage alone.
//!
//! A counting global allocator reports the heap allocations of one round trip before the
//! timings (`allocations per roundtrip: N`) and fails the run above [`MAX_ALLOCATIONS`], so a
//! regression shows as a number.
//!
//! Every timing is taken twice: in wall-clock time (criterion's default) and, on Unix, in this
//! thread's CPU time (`... (cpu)`), which leaves out the time other processes take from the
//! bench on a busy machine.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{Criterion, black_box, criterion_group};
use wechat_core::Secret;
use wechat_core::callback::{
    CallbackHandler, Incoming, Message, MessageCrypto, Platform, Reply, verify_sha1_signature,
};

/// Counts allocations (and reallocations, which may move) on top of the system allocator.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The budget of one round trip (request in, encrypted reply out).
const MAX_ALLOCATIONS: usize = 20;

const TOKEN: &str = "QDG6eK";
const AES_KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const CORP_ID: &str = "wx5823bf96d3bd56c7";
const BODY: &str = include_str!("../tests/fixtures/callback/wecom_sample_encrypted.xml");
const SIGNATURE: &str = "477715d11cdb4164915debcba66cb864d751f3e6";
const TIMESTAMP: &str = "1409659813";
const NONCE: &str = "1372623149";
const URI: &str = "/cgi-bin/wxpush?msg_signature=477715d11cdb4164915debcba66cb864d751f3e6\
                   &timestamp=1409659813&nonce=1372623149";

fn handler() -> CallbackHandler {
    CallbackHandler::new(Platform::WeCom, Secret::new(TOKEN))
        .with_aes_key(AES_KEY, CORP_ID)
        .expect("valid key")
}

fn encrypt_field() -> &'static str {
    let start = BODY.find("<![CDATA[R").expect("sample") + "<![CDATA[".len();
    let end = start + BODY[start..].find("]]>").expect("sample");
    &BODY[start..end]
}

/// One full round trip, as the bench and the allocation count run it.
fn roundtrip_once(
    handler: &CallbackHandler,
    request: &http::Request<&[u8]>,
    reply: &Reply,
    random: [u8; 16],
) -> http::Response<Vec<u8>> {
    let Ok(Incoming::Message(received)) = handler.handle(black_box(request), 1409659813) else {
        panic!("the sample must verify");
    };
    received.reply.reply(reply, 1409659900, random)
}

/// Counts the allocations of one round trip (after a warm-up one) and checks the budget.
fn count_allocations() {
    let handler = handler();
    let request = http::Request::post(URI)
        .body(BODY.as_bytes())
        .expect("valid request");
    let reply = Reply::text("this is a test");
    drop(black_box(roundtrip_once(
        &handler, &request, &reply, [1; 16],
    )));
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let response = roundtrip_once(&handler, &request, &reply, [2; 16]);
    let after = ALLOCATIONS.load(Ordering::Relaxed);
    drop(black_box(response));
    let n = after - before;
    println!("allocations per roundtrip: {n} (budget {MAX_ALLOCATIONS})");
    assert!(
        n <= MAX_ALLOCATIONS,
        "callback round trip allocates {n} times, over the budget of {MAX_ALLOCATIONS}"
    );
}

/// The CPU time of the calling thread (`CLOCK_THREAD_CPUTIME_ID`), nanoseconds.
#[cfg(unix)]
fn thread_cpu_ns() -> u64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u64 * 1_000_000_000 + ts.tv_nsec as u64
}

/// Criterion measurement: the bench thread's CPU time, formatted as durations.
#[cfg(unix)]
struct CpuTime(WallTime);

#[cfg(unix)]
impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }

    fn end(&self, start: u64) -> u64 {
        thread_cpu_ns().saturating_sub(start)
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        self.0.formatter()
    }
}

fn roundtrip<M: Measurement + 'static>(c: &mut Criterion<M>) {
    roundtrip_named(c, "callback_roundtrip");
}

#[cfg(unix)]
fn roundtrip_cpu(c: &mut Criterion<CpuTime>) {
    roundtrip_named(c, "callback_roundtrip (cpu)");
}

fn roundtrip_named<M: Measurement + 'static>(c: &mut Criterion<M>, name: &str) {
    let handler = handler();
    let request = http::Request::post(URI)
        .body(BODY.as_bytes())
        .expect("valid request");
    let reply = Reply::text("this is a test");
    let mut random = [0u8; 16];
    c.bench_function(name, |b| {
        b.iter(|| {
            random[0] = random[0].wrapping_add(1);
            black_box(roundtrip_once(&handler, &request, &reply, random))
        })
    });
}

/// The stages of the round trip on their own, through the public API.
fn stages<M: Measurement + 'static>(c: &mut Criterion<M>) {
    stages_named(c, "callback_stage");
}

#[cfg(unix)]
fn stages_cpu(c: &mut Criterion<CpuTime>) {
    stages_named(c, "callback_stage (cpu)");
}

fn stages_named<M: Measurement + 'static>(c: &mut Criterion<M>, group: &str) {
    let crypto = MessageCrypto::new(Secret::new(TOKEN), AES_KEY, CORP_ID).expect("valid key");
    let encrypt = encrypt_field();
    let plain = crypto.decrypt(encrypt).expect("sample decrypts");
    let reply = Reply::text("this is a test");
    let mut g = c.benchmark_group(group);
    g.bench_function("verify msg_signature", |b| {
        b.iter(|| {
            verify_sha1_signature(
                black_box(SIGNATURE),
                &[TOKEN, TIMESTAMP, NONCE, black_box(encrypt)],
            )
        })
    });
    g.bench_function("decrypt", |b| {
        b.iter(|| crypto.decrypt(black_box(encrypt)).expect("decrypts"))
    });
    g.bench_function("parse", |b| {
        b.iter(|| Message::parse(black_box(&plain)).expect("parses"))
    });
    g.bench_function("reply xml", |b| {
        b.iter(|| black_box(&reply).to_xml("user", "wx5823bf96d3bd56c7", 1409659900))
    });
    let reply_xml = reply.to_xml("user", "wx5823bf96d3bd56c7", 1409659900);
    g.bench_function("encrypt+sign", |b| {
        b.iter(|| crypto.seal(black_box(reply_xml.as_bytes()), TIMESTAMP, NONCE, [3; 16]))
    });
    g.finish();
    floor(c, group, encrypt, reply_xml.len());
}

/// The floor under the round trip: the hashing, ciphers and base64 it cannot avoid, called on
/// the crates directly with the sample's sizes (two SHA-1 signatures, base64 and AES-256-CBC
/// each way), with no parsing, framing or checks.
fn floor<M: Measurement + 'static>(
    c: &mut Criterion<M>,
    group: &str,
    encrypt: &str,
    reply_len: usize,
) {
    use aes::cipher::block_padding::NoPadding;
    use aes::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit};
    use sha1::{Digest, Sha1};

    let key = base64_simd::forgiving_decode_to_vec(AES_KEY.as_bytes()).expect("valid key");
    let (key, iv): ([u8; 32], [u8; 16]) = (
        key[..32].try_into().expect("32 bytes"),
        key[..16].try_into().expect("16 bytes"),
    );
    // The reply's encrypted frame: random, length, message, receiver id, padded to 32 bytes.
    let frame_len = (20 + reply_len + CORP_ID.len()).div_ceil(32) * 32;
    let sign = |encrypt: &[u8]| {
        let mut h = Sha1::new();
        for part in [
            TOKEN.as_bytes(),
            TIMESTAMP.as_bytes(),
            NONCE.as_bytes(),
            encrypt,
        ] {
            h.update(part);
        }
        h.finalize()
    };
    let mut frame = vec![7u8; frame_len];
    let mut out = vec![0u8; frame_len.div_ceil(3) * 4];
    c.bench_function(
        &format!("{group}/floor: sha1, base64, aes-256-cbc each way"),
        |b| {
            b.iter(|| {
                black_box(sign(black_box(encrypt).as_bytes()));
                let mut ct = base64_simd::STANDARD
                    .decode_to_vec(encrypt)
                    .expect("base64");
                let n = ct.len();
                cbc::Decryptor::<aes::Aes256>::new(&key.into(), &iv.into())
                    .decrypt_padded_mut::<NoPadding>(&mut ct)
                    .expect("blocks");
                black_box(&ct[..n]);
                cbc::Encryptor::<aes::Aes256>::new(&key.into(), &iv.into())
                    .encrypt_padded_mut::<NoPadding>(&mut frame, frame_len)
                    .expect("blocks");
                let encoded =
                    base64_simd::STANDARD.encode(&frame, base64_simd::Out::from_slice(&mut out));
                black_box(sign(encoded))
            })
        },
    );
}

criterion_group!(benches, roundtrip, stages);

#[cfg(unix)]
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(CpuTime(WallTime));
    targets = roundtrip_cpu, stages_cpu
}

fn main() {
    count_allocations();
    benches();
    #[cfg(unix)]
    cpu();
    Criterion::default().configure_from_args().final_summary();
}
