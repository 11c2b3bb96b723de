//! `RedisStore` against a real `redis-server`, and many processes sharing it against the emulator.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::RedisServer;
use redis::AsyncCommands;
use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_core::client::TokenStore;
use wechat_core::{Secret, StoredToken, TokenFlow};
use wechat_emulator::{Emulator, TokenKind, demo};
use wechat_redis::RedisStore;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn token(value: &str, expires_at_ms: u64) -> StoredToken {
    StoredToken {
        value: Secret::new(value),
        expires_at_ms,
    }
}

#[test]
fn records_leases_and_compare_and_invalidate() {
    let redis = RedisServer::start();
    runtime().block_on(async {
        let store = RedisStore::connect(&redis.url())
            .await
            .unwrap()
            .with_prefix("t1:");
        let key = "wechat:app:wx1:stable_token";

        // Records: JSON under the prefixed key, with a TTL.
        assert_eq!(store.load(key).await.unwrap(), None);
        store
            .save(key, &token("T1", u64::MAX - 1), Some(60_000))
            .await
            .unwrap();
        assert_eq!(
            store.load(key).await.unwrap(),
            Some(token("T1", u64::MAX - 1))
        );
        let mut conn = store.connection();
        let ttl: i64 = conn.pttl(format!("t1:{key}")).await.unwrap();
        assert!((1..=60_000).contains(&ttl), "{ttl}");
        let raw: Option<String> = conn.get(key).await.unwrap();
        assert_eq!(raw, None, "keys live under the prefix");
        store.save(key, &token("T1", 1), Some(30)).await.unwrap();
        tokio::time::sleep(Duration::from_millis(80)).await;
        assert_eq!(store.load(key).await.unwrap(), None, "the TTL ran out");
        store.save(key, &token("R", u64::MAX), None).await.unwrap();
        let ttl: i64 = conn.pttl(format!("t1:{key}")).await.unwrap();
        assert_eq!(ttl, -1, "no TTL: kept until replaced");

        // A record that is not ours is an error, which the client treats as a miss.
        let _: () = conn.set(format!("t1:{key}"), "not json").await.unwrap();
        assert!(store.load(key).await.is_err());

        // The lease: one holder at a time, freed only by its holder, gone after its TTL.
        let lease = "wechat:app:wx1:stable_token:lease";
        assert!(store.try_lease(lease, "a", 10_000).await.unwrap());
        assert!(!store.try_lease(lease, "b", 10_000).await.unwrap());
        store.release(lease, "b").await.unwrap();
        assert!(!store.try_lease(lease, "b", 10_000).await.unwrap());
        store.release(lease, "a").await.unwrap();
        assert!(store.try_lease(lease, "b", 50).await.unwrap());
        tokio::time::sleep(Duration::from_millis(100)).await;
        assert!(store.try_lease(lease, "c", 10_000).await.unwrap());

        // Compare-and-invalidate: a stale value never removes the fresh one.
        store
            .save(key, &token("FRESH", u64::MAX), None)
            .await
            .unwrap();
        assert!(
            !store
                .invalidate_if(key, &Secret::new("STALE"))
                .await
                .unwrap()
        );
        assert_eq!(
            store.load(key).await.unwrap().unwrap().value.expose(),
            "FRESH"
        );
        assert!(
            store
                .invalidate_if(key, &Secret::new("FRESH"))
                .await
                .unwrap()
        );
        assert_eq!(store.load(key).await.unwrap(), None);
        assert!(
            !store
                .invalidate_if(key, &Secret::new("FRESH"))
                .await
                .unwrap()
        );
        // Values with quotes and Lua-special characters compare exactly.
        let odd = r#"a"b\c%d]]"#;
        store.save(key, &token(odd, u64::MAX), None).await.unwrap();
        assert!(!store.invalidate_if(key, &Secret::new("a")).await.unwrap());
        assert!(store.invalidate_if(key, &Secret::new(odd)).await.unwrap());
    });
}

#[test]
fn a_stale_caller_never_throws_away_a_fresh_token() {
    let redis = RedisServer::start();
    let emu = Emulator::builder().start_blocking().unwrap();
    runtime().block_on(async {
        // Two processes in all but name: separate clients (separate memories), one Redis.
        let client = || {
            wechat_reqwest::official_account(demo::APPID, demo::SECRET)
                .classic_token()
                .api_base(emu.base_url())
                .store(RedisStore::open(&redis.url()).unwrap().with_prefix("t2:"))
                .build()
                .unwrap()
        };
        let (a, b) = (client(), client());
        a.call(&GetApiDomainIp {}).await.unwrap();
        let t1 = a.token().await.unwrap();
        assert_eq!(b.token().await.unwrap(), t1, "b reads a's token from Redis");

        // WeChat stops accepting T1; b notices first and refreshes to T2.
        emu.reject_token(t1.expose());
        b.call(&GetApiDomainIp {}).await.unwrap();
        let t2 = b.token().await.unwrap();
        assert_ne!(t1, t2);
        assert_eq!(emu.token_fetches_of(demo::APPID, TokenKind::Classic), 2);

        // a still holds T1: its 40001 must not delete T2 from Redis, and it picks T2 up
        // without a fetch (a classic fetch would retire T2 for everyone).
        a.call(&GetApiDomainIp {}).await.unwrap();
        assert_eq!(a.token().await.unwrap(), t2);
        assert_eq!(emu.token_fetches_of(demo::APPID, TokenKind::Classic), 2);
        let key = TokenFlow::Classic {
            appid: demo::APPID.into(),
            secret: Secret::new(demo::SECRET),
        }
        .key();
        let store = RedisStore::open(&redis.url()).unwrap().with_prefix("t2:");
        assert_eq!(store.load(&key).await.unwrap().unwrap().value, t2);
    });
    emu.shutdown_blocking();
}

/// What one child process does: one call through a Redis-backed client, at a common start time.
/// Inert unless started by `twelve_processes_*` with `WECHAT_REDIS_TEST_CHILD` set.
#[test]
fn child_process() {
    let Ok(url) = std::env::var("WECHAT_REDIS_TEST_CHILD") else {
        return;
    };
    let base = std::env::var("WECHAT_REDIS_TEST_API_BASE").unwrap();
    let prefix = std::env::var("WECHAT_REDIS_TEST_PREFIX").unwrap();
    let classic = std::env::var_os("WECHAT_REDIS_TEST_CLASSIC").is_some();
    let start_at: u64 = std::env::var("WECHAT_REDIS_TEST_START_AT")
        .unwrap()
        .parse()
        .unwrap();
    runtime().block_on(async {
        let mut builder = wechat_reqwest::official_account(demo::APPID, demo::SECRET)
            .api_base(&base)
            .store(RedisStore::open(&url).unwrap().with_prefix(prefix));
        if classic {
            builder = builder.classic_token();
        }
        let client = builder.build().unwrap();
        // Connect before the start line, so every process races for the lease at once.
        let _ = client.store().load("warm-up").await;
        let wait = start_at.saturating_sub(wechat_reqwest::now_ms());
        tokio::time::sleep(Duration::from_millis(wait)).await;
        let ips = client.call(&GetApiDomainIp {}).await.unwrap();
        assert!(!ips.ip_list.is_empty());
    });
    println!("CHILD-OK");
}

fn twelve_processes(classic: bool) {
    let redis = RedisServer::start();
    let emu = Emulator::builder().start_blocking().unwrap();
    let prefix = format!("procs-{classic}:");
    let flow = if classic {
        TokenFlow::Classic {
            appid: demo::APPID.into(),
            secret: Secret::new(demo::SECRET),
        }
    } else {
        TokenFlow::Stable {
            appid: demo::APPID.into(),
            secret: Secret::new(demo::SECRET),
        }
    };
    // An expired token sits in Redis.
    runtime().block_on(async {
        let store = RedisStore::connect(&redis.url())
            .await
            .unwrap()
            .with_prefix(prefix.clone());
        let expired = token("EXPIRED-TOKEN", wechat_reqwest::now_ms() - 1_000);
        store.save(&flow.key(), &expired, None).await.unwrap();
    });

    let exe = std::env::current_exe().unwrap();
    let start_at = wechat_reqwest::now_ms() + 2_500;
    let children: Vec<_> = (0..12)
        .map(|_| {
            let mut cmd = Command::new(&exe);
            cmd.args([
                "child_process",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("WECHAT_REDIS_TEST_CHILD", redis.url())
            .env("WECHAT_REDIS_TEST_API_BASE", emu.base_url())
            .env("WECHAT_REDIS_TEST_PREFIX", &prefix)
            .env("WECHAT_REDIS_TEST_START_AT", start_at.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
            if classic {
                cmd.env("WECHAT_REDIS_TEST_CLASSIC", "1");
            }
            cmd.spawn().unwrap()
        })
        .collect();
    let pids: std::collections::HashSet<u32> = children.iter().map(|c| c.id()).collect();
    assert_eq!(pids.len(), 12, "12 distinct processes");
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success() && stdout.contains("CHILD-OK"),
            "a child failed:\n{stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let kind = if classic {
        TokenKind::Classic
    } else {
        TokenKind::Stable
    };
    assert_eq!(
        emu.token_fetches_of(demo::APPID, kind),
        1,
        "one token fetch for 12 processes"
    );
    assert_eq!(emu.calls("/cgi-bin/get_api_domain_ip"), 12);
    let rejected = emu
        .requests()
        .iter()
        .filter(|r| r.errcode.is_some_and(|c| c != 0))
        .count();
    assert_eq!(rejected, 0, "no call was rejected");
    emu.shutdown_blocking();
}

#[test]
fn twelve_processes_on_an_expired_stable_token_make_one_fetch() {
    twelve_processes(false);
}

#[test]
fn twelve_processes_on_an_expired_classic_token_make_one_fetch() {
    twelve_processes(true);
}

#[test]
fn pushes_are_claimed_once_marked_done_and_released() {
    use wechat_core::callback::{Claim, Dedup};
    let redis = RedisServer::start();
    runtime().block_on(async {
        let store = RedisStore::connect(&redis.url())
            .await
            .unwrap()
            .with_prefix("t3:");
        let dedup = Dedup::new(store.clone()).lease_ms(200).keep_ms(60_000);
        let key = "sha256:0123";

        // Twenty connections race for one push: one wins.
        let mut racers = Vec::new();
        for i in 0..20 {
            let store = RedisStore::connect(&redis.url())
                .await
                .unwrap()
                .with_prefix("t3:");
            racers.push(tokio::spawn(async move {
                Dedup::new(store)
                    .claim(key, &format!("h{i}"))
                    .await
                    .unwrap()
            }));
        }
        let mut won = Vec::new();
        for r in racers {
            if let Claim::New(ticket) = r.await.unwrap() {
                won.push(ticket);
            }
        }
        assert_eq!(won.len(), 1);
        let mut conn = store.connection();
        let raw: String = conn.get(format!("t3:wechat:dedup:{key}")).await.unwrap();
        assert!(raw.starts_with("p:h"), "{raw}");

        // Released by its holder: handled again by the next retry.
        dedup.release(&won[0]).await.unwrap();
        let Claim::New(ticket) = dedup.claim(key, "retry").await.unwrap() else {
            panic!()
        };
        assert_eq!(dedup.claim(key, "other").await.unwrap(), Claim::InProgress);
        dedup.done(&ticket).await.unwrap();
        assert_eq!(dedup.claim(key, "late").await.unwrap(), Claim::Done);
        let ttl: i64 = conn.pttl(format!("t3:wechat:dedup:{key}")).await.unwrap();
        assert!((59_000..=60_000).contains(&ttl), "{ttl}");
        dedup.release(&ticket).await.unwrap();
        assert_eq!(dedup.claim(key, "later").await.unwrap(), Claim::Done);

        // A claim runs out with its lease; a late release of it leaves the new claim alone.
        let Claim::New(dead) = dedup.claim("k2", "dead").await.unwrap() else {
            panic!()
        };
        tokio::time::sleep(Duration::from_millis(300)).await;
        let Claim::New(_) = dedup.claim("k2", "alive").await.unwrap() else {
            panic!()
        };
        dedup.release(&dead).await.unwrap();
        assert_eq!(dedup.claim("k2", "x").await.unwrap(), Claim::InProgress);
    });
}
