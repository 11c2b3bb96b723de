//! The examples run: the quickstart against its emulator, the bot against pushes.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use wechat_emulator::{CallbackPush, Emulator};

/// `target/<profile>/examples/<name>`, built by `cargo test` alongside this test.
fn example(name: &str) -> PathBuf {
    let mut dir = std::env::current_exe().unwrap();
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    let path = dir.join("examples").join(name);
    assert!(path.exists(), "{} not built", path.display());
    path
}

#[test]
fn quickstart_runs_without_credentials() {
    let out = Command::new(example("quickstart"))
        .env_remove("WECHAT_APPID")
        .env_remove("WECHAT_SECRET")
        .env_remove("WECHAT_API_BASE")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for line in [
        "1 token fetch at WeChat so far",
        "1 answer 40001",
        "2 token fetches at WeChat so far",
        "errcode 45009",
        "\"echo: hello\"",
    ] {
        assert!(stdout.contains(line), "{line:?} missing in:\n{stdout}");
    }
    assert!(!stdout.contains(wechat_emulator::demo::SECRET));
}

#[test]
fn quickstart_reports_real_api_errors_in_one_line() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let out = Command::new(example("quickstart"))
        .env("WECHAT_APPID", "wxrealapp")
        .env("WECHAT_SECRET", "real-secret-value")
        .env("WECHAT_API_BASE", format!("http://127.0.0.1:{port}"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(
        stdout.contains("talking to the WeChat API as app wxrealapp"),
        "{stdout}"
    );
    assert!(stdout.contains("error: transport"), "{stdout}");
    assert!(!stdout.contains("real-secret-value"));
}

#[test]
fn axum_bot_answers_pushes() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut bot = Command::new(example("axum_bot"))
        .env("PORT", port.to_string())
        .env_remove("WECHAT_CALLBACK_TOKEN")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    // Kept open until the end: the bot prints more lines, and a closed pipe would end it.
    let mut output = BufReader::new(bot.stdout.take().unwrap());
    output.read_line(&mut first).unwrap();
    assert!(first.contains("WeChat callback bot on"), "{first}");
    let url = format!("http://127.0.0.1:{port}/wechat");

    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (good, bad) = rt.block_on(async {
        let emu = Emulator::start().await.unwrap();
        let now = emu.now_ms() / 1000;
        let text = format!(
            "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName>\
             <CreateTime>{now}</CreateTime><MsgType><![CDATA[text]]></MsgType>\
             <Content><![CDATA[hi]]></Content><MsgId>1</MsgId></xml>"
        );
        let good = emu
            .push_callback(&CallbackPush::xml(&url, "demo-callback-token", text.clone()))
            .await
            .unwrap();
        let bad = emu
            .push_callback(&CallbackPush::xml(&url, "wrong-token", text))
            .await
            .unwrap();
        emu.shutdown().await;
        (good, bad)
    });
    let _ = bot.kill();
    let _ = bot.wait();
    drop(output);
    assert_eq!(good.status, 200);
    assert!(good.text().contains("echo: hi"), "{}", good.text());
    assert_ne!(bad.status, 200, "a wrong signature is refused");
}
