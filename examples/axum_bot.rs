//! A WeChat callback bot on axum: `cargo run --example axum_bot`.
//!
//! It answers text messages with an echo, greets new subscribers and acknowledges menu clicks
//! (see `examples/src/lib.rs`). Configure it like the "server configuration" of your account:
//!
//! - `WECHAT_TOKEN`: the Token;
//! - `WECHAT_ENCODING_AES_KEY` and `WECHAT_APPID`: for the compatible and safe modes (the corp id
//!   as `WECHAT_APPID` with `WECHAT_PLATFORM=work`);
//! - `WECHAT_PLATFORM`: `oa` (default), `mp`, `open` or `work`;
//! - `PORT`: where to listen on 127.0.0.1 (default 3000);
//! - `WECHAT_TIMESTAMP_WINDOW`: pushes whose `timestamp` is further than this many seconds from
//!   the clock are refused as replays (default 300; `off` turns the check off);
//! - `WECHAT_REDIS_URL`: claim pushes in Redis, so that several processes behind one URL handle
//!   each push once (default: this process's memory);
//! - `WECHAT_SECRET` (and `WECHAT_API_BASE` for a proxy or the emulator): after answering a
//!   text message, send a customer service message through the API, the slow work that runs
//!   after the answer.
//!
//! Without them it runs with demo settings and prints a `wechat callback simulate` command that
//! talks to it, so it can be tried on a laptop before WeChat ever calls it.

use std::net::{Ipv4Addr, SocketAddr};

use wechat_core::Secret;
use wechat_core::callback::{CallbackHandler, Dedup, MemoryDedup, Platform};
use wechat_examples::bot::Bot;

const DEMO_TOKEN: &str = "demo-callback-token";
const DEMO_AES_KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const DEMO_APPID: &str = "wx0000000000emu001";

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let platform = match env("WECHAT_PLATFORM").as_deref() {
        None | Some("oa") => Platform::OfficialAccount,
        Some("mp") => Platform::MiniProgram,
        Some("open") => Platform::OpenPlatform,
        Some("work") => Platform::WeCom,
        Some(other) => {
            return Err(
                format!("WECHAT_PLATFORM must be oa, mp, open or work, not {other}").into(),
            );
        }
    };
    let demo = env("WECHAT_TOKEN").is_none();
    let token = env("WECHAT_TOKEN").unwrap_or_else(|| DEMO_TOKEN.into());
    let key = env("WECHAT_ENCODING_AES_KEY").or_else(|| demo.then(|| DEMO_AES_KEY.into()));
    let appid = env("WECHAT_APPID").or_else(|| demo.then(|| DEMO_APPID.into()));

    let mut handler = CallbackHandler::new(platform, Secret::new(token));
    match env("WECHAT_TIMESTAMP_WINDOW").as_deref() {
        Some("off") => {}
        Some(seconds) => {
            let seconds = seconds
                .parse()
                .map_err(|_| "WECHAT_TIMESTAMP_WINDOW must be a number of seconds or `off`")?;
            handler = handler.timestamp_window(seconds);
        }
        None => handler = handler.timestamp_window(300),
    }
    if let Some(key) = &key {
        let appid = appid
            .clone()
            .ok_or("WECHAT_ENCODING_AES_KEY needs WECHAT_APPID (the receiver id)")?;
        handler = handler.with_aes_key(key, appid)?;
    }

    let port = env("PORT")
        .map(|p| p.parse())
        .transpose()?
        .unwrap_or(3000u16);
    let listener =
        tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, port))).await?;
    let url = format!("http://{}/wechat", listener.local_addr()?);
    println!("WeChat callback bot on {url}");
    if demo {
        let work = if platform == Platform::WeCom {
            "--platform work "
        } else {
            ""
        };
        println!("demo settings; try it with:");
        println!(
            "  cargo run -p wechat-cli -- {work}callback simulate --url {url} --token {DEMO_TOKEN} \
             --encoding-aes-key {DEMO_AES_KEY} --appid {DEMO_APPID} --text hello"
        );
    }
    let api = match (env("WECHAT_SECRET"), &appid) {
        (Some(secret), Some(appid)) => {
            let mut builder = wechat_reqwest::official_account(appid.clone(), secret);
            if let Some(base) = env("WECHAT_API_BASE") {
                builder = builder.api_base(&base);
            }
            Some(builder.build()?)
        }
        _ => None,
    };
    let router = match env("WECHAT_REDIS_URL") {
        Some(url) => {
            let store = wechat_redis::RedisStore::open(&url)?;
            Bot::new(handler, Dedup::new(store), api).router()
        }
        None => {
            let store = MemoryDedup::new(wechat_reqwest::now_ms);
            Bot::new(handler, Dedup::new(store), api).router()
        }
    };
    axum::serve(listener, router)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
