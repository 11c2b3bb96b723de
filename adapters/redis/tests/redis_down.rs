//! Redis down: calls still work from the process's own copy, with a warning and no refetch storm.
//! A test binary of its own: it captures warnings with a global subscriber.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::{RedisServer, free_port};
use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_emulator::{Emulator, TokenKind, demo};
use wechat_redis::RedisStore;

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Captured {
        self.clone()
    }
}

impl Captured {
    fn take(&self) -> String {
        String::from_utf8(std::mem::take(&mut *self.0.lock().unwrap())).unwrap()
    }
}

#[test]
fn calls_work_while_redis_is_down() {
    let out = Captured::default();
    tracing::subscriber::set_global_default(
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::WARN)
            .with_ansi(false)
            .with_writer(out.clone())
            .finish(),
    )
    .unwrap();
    let emu = Emulator::builder().start_blocking().unwrap();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let client = |url: &str| {
        wechat_reqwest::official_account(demo::APPID, demo::SECRET)
            .api_base(emu.base_url())
            .store(RedisStore::open(url).unwrap())
            .build()
            .unwrap()
    };

    rt.block_on(async {
        // 1. Redis was never there.
        let nowhere = format!("redis://127.0.0.1:{}/", free_port());
        let started = Instant::now();
        let c = client(&nowhere);
        for _ in 0..5 {
            c.call(&GetApiDomainIp {}).await.unwrap();
        }
        assert!(started.elapsed() < Duration::from_secs(10));
        assert_eq!(
            emu.token_fetches_of(demo::APPID, TokenKind::Stable),
            1,
            "the process's own copy serves later calls: no refetch storm"
        );
        // A rejected token is still recovered.
        let t = c.token().await.unwrap();
        emu.reject_token(t.expose());
        c.call(&GetApiDomainIp {}).await.unwrap();
        assert_eq!(emu.token_fetches_of(demo::APPID, TokenKind::Stable), 2);
        let text = out.take();
        assert!(text.contains("WARN"), "{text}");
        assert!(text.contains("token store failed"), "{text}");
        assert!(text.contains("redis"), "{text}");
        assert!(!text.contains(demo::SECRET));
        assert!(!text.contains(t.expose()));
        assert!(!text.contains(c.token().await.unwrap().expose()));
    });

    // 2. Redis goes down while in use.
    emu.reset_stats();
    let mut redis = RedisServer::start();
    let url = redis.url();
    rt.block_on(async {
        let a = client(&url);
        a.call(&GetApiDomainIp {}).await.unwrap();
        let b = client(&url);
        b.call(&GetApiDomainIp {}).await.unwrap();
        assert_eq!(
            emu.token_fetches(demo::APPID),
            1,
            "b read a's token from Redis"
        );
        assert_eq!(out.take(), "", "no warning while Redis is up");
    });
    redis.kill();
    rt.block_on(async {
        let a = client(&url);
        a.call(&GetApiDomainIp {}).await.unwrap();
        a.call(&GetApiDomainIp {}).await.unwrap();
        assert_eq!(emu.token_fetches(demo::APPID), 2);
        let text = out.take();
        assert!(text.contains("token store failed"), "{text}");
        assert!(!text.contains(demo::SECRET));
    });
    emu.shutdown_blocking();
}
