//! The WeChat SDK in one minute: `cargo run --release --example quickstart`.
//!
//! With no credentials it starts an emulator of the WeChat API in this process and walks through
//! what the SDK does: a token fetched once and then served from the store, API calls, a rejected
//! token recovered, and an encrypted callback answered with an encrypted reply.
//!
//! With `WECHAT_APPID` and `WECHAT_SECRET` set it talks to the real WeChat API instead (your
//! server's IP must be on the account's whitelist); `WECHAT_API_BASE` points it elsewhere.

use std::process::ExitCode;

use wechat_core::Secret;
use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_core::api::oa::menu::{Button, CreateMenu};
use wechat_core::callback::{CallbackHandler, Message, Platform};
use wechat_emulator::{CallbackPush, Emulator, Fault, demo};

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            println!("\nerror: {e}");
            let code = e
                .downcast_ref::<wechat_core::Error>()
                .and_then(|e| e.code());
            if code.is_some_and(|c| c == 40164) {
                println!("hint: add this machine's public IP to the account's API IP whitelist");
            }
            ExitCode::FAILURE
        }
    }
}

type BoxError = Box<dyn std::error::Error>;

async fn run() -> Result<(), BoxError> {
    // The emulator also plays WeChat's side of the callback step, so start it either way.
    let emu = Emulator::start().await?;
    let real = match (env("WECHAT_APPID"), env("WECHAT_SECRET")) {
        (Some(appid), Some(secret)) => Some((appid, secret)),
        _ => None,
    };

    let client = match &real {
        Some((appid, secret)) => {
            println!("WeChat SDK quickstart: talking to the WeChat API as app {appid}");
            let mut b = wechat_reqwest::official_account(appid.clone(), secret.as_str());
            if let Some(base) = env("WECHAT_API_BASE") {
                b = b.api_base(&base);
            }
            b.build()?
        }
        None => {
            println!(
                "WeChat SDK quickstart: no WECHAT_APPID/WECHAT_SECRET set, so using an emulator"
            );
            println!("of the WeChat API on {} with a demo app\n", emu.base_url());
            wechat_reqwest::official_account(demo::APPID, demo::SECRET)
                .api_base(emu.base_url())
                .build()?
        }
    };
    let fetches = || {
        if real.is_some() {
            String::new()
        } else {
            format!(
                " ({} token fetch{} at WeChat so far)",
                emu.token_fetches(demo::APPID),
                if emu.token_fetches(demo::APPID) == 1 {
                    ""
                } else {
                    "es"
                }
            )
        }
    };

    println!("1. Access token");
    client.token().await?;
    println!("   fetched a stable access token{}", fetches());
    client.token().await?;
    println!(
        "   asked again: served from the token store, no new fetch{}",
        fetches()
    );

    println!("2. API calls");
    let ips = client.call(&GetApiDomainIp {}).await?;
    println!(
        "   get_api_domain_ip: {} addresses, first {}",
        ips.ip_list.len(),
        ips.ip_list.first().map_or("-", String::as_str)
    );
    if real.is_none() {
        let menu = CreateMenu {
            button: vec![
                Button::click("Today", "V1001_TODAY"),
                Button::view("Docs", "https://developers.weixin.qq.com/doc/"),
            ],
        };
        client.call(&menu).await?;
        println!(
            "   menu/create: a menu of {} buttons created",
            menu.button.len()
        );

        println!("3. A rejected token");
        let token = client.token().await?;
        emu.reject_token(token.expose());
        println!("   WeChat now rejects our token (as when another server refreshed it)");
        client.call(&GetApiDomainIp {}).await?;
        let rejected = emu
            .requests()
            .iter()
            .filter(|r| r.errcode == Some(40001))
            .count();
        println!(
            "   get_api_domain_ip: {rejected} answer 40001, token refreshed, retried once: ok{}",
            fetches()
        );
        emu.inject(Fault::quota_exceeded().on_path("/cgi-bin/getcallbackip"));
        let err = client
            .call(&wechat_core::api::oa::basic::GetCallbackIp {})
            .await
            .unwrap_err();
        println!(
            "   getcallbackip: errcode {} reported at once, never retried (it would burn quota)",
            err.code().and_then(|c| c.number()).unwrap_or(0)
        );
    } else {
        println!("   (menu/create and the fault steps run against the emulator only: they would");
        println!("   replace your menu)");
    }

    println!("4. An encrypted callback (safe mode), with a bot on loopback");
    callback_step(&emu).await?;
    emu.shutdown().await;
    println!("\nDone. Next: `wechat --help`, examples/axum_bot.rs, and the README.");
    Ok(())
}

/// The bot's side of the callback settings ("server configuration" in the console).
const CALLBACK_TOKEN: &str = "quickstart-callback-token";
const ENCODING_AES_KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

async fn callback_step(emu: &wechat_emulator::EmulatorHandle) -> Result<(), BoxError> {
    let handler = CallbackHandler::new(Platform::OfficialAccount, Secret::new(CALLBACK_TOKEN))
        .with_aes_key(ENCODING_AES_KEY, demo::APPID)?
        .timestamp_window(300);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}/wechat", listener.local_addr()?);
    let bot = tokio::spawn(async move {
        let _ = axum::serve(listener, wechat_examples::bot::router(handler)).await;
    });

    let now = emu.now_ms() / 1000;
    let message = format!(
        "<xml><ToUserName><![CDATA[gh_quickstart]]></ToUserName>\
         <FromUserName><![CDATA[oQuickstartUser]]></FromUserName><CreateTime>{now}</CreateTime>\
         <MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content>\
         <MsgId>{now}0001</MsgId></xml>"
    );
    let push = CallbackPush::xml(&url, CALLBACK_TOKEN, message)
        .with_query("openid", "oQuickstartUser")
        .encrypted(ENCODING_AES_KEY, demo::APPID);
    let response = emu.push_callback(&push).await?;
    bot.abort();
    println!("   WeChat pushed an encrypted text message \"hello\" to {url}");

    // WeChat's side checked the reply's signature and decrypted it.
    if !response.text().contains("<Encrypt>") {
        return Err("the bot answered in plain text".into());
    }
    let plaintext = response
        .plaintext
        .ok_or("the reply's signature did not verify")?;
    let answer = Message::parse(plaintext.as_bytes())?.to_fields();
    println!(
        "   the bot verified, decrypted and answered with an encrypted, signed reply: \"{}\"",
        answer
            .get("Content")
            .and_then(|v| v.as_str())
            .unwrap_or_default()
    );
    Ok(())
}
