//! The examples run: the quickstart against its emulator, the bot against pushes.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, ChildStdout, Command, Stdio};

use wechat_emulator::{CallbackPush, Emulator};

#[path = "../../adapters/redis/tests/common/mod.rs"]
mod redis_server;

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

/// Runs an example to its end without the variables `unset` (so that it starts its own
/// emulator), checks that it succeeds and returns what it printed.
fn run_example(name: &str, unset: &[&str]) -> String {
    let mut command = Command::new(example(name));
    for var in unset {
        command.env_remove(var);
    }
    let out = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

#[test]
fn quickstart_runs_without_credentials() {
    let stdout = run_example(
        "quickstart",
        &["WECHAT_APPID", "WECHAT_SECRET", "WECHAT_API_BASE"],
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

/// The axum bot's demo settings (examples/axum_bot.rs).
const DEMO_TOKEN: &str = "demo-callback-token";
const DEMO_AES_KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const CUSTOM_SEND: &str = "/cgi-bin/message/custom/send";

/// A running `axum_bot` process, killed on drop.
struct BotProcess {
    child: Child,
    // Kept open until the end: the bot prints more lines, and a closed pipe would end it.
    _output: BufReader<ChildStdout>,
    url: String,
}

impl BotProcess {
    fn start(envs: &[(&str, &str)]) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut command = Command::new(example("axum_bot"));
        command
            .env("PORT", port.to_string())
            .env_remove("WECHAT_TOKEN")
            .env_remove("WECHAT_SECRET")
            .env_remove("WECHAT_REDIS_URL")
            .env_remove("WECHAT_TIMESTAMP_WINDOW")
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (k, v) in envs {
            command.env(k, v);
        }
        let mut child = command.spawn().unwrap();
        let mut output = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        output.read_line(&mut first).unwrap();
        assert!(first.contains("WeChat callback bot on"), "{first}");
        BotProcess {
            child,
            _output: output,
            url: format!("http://127.0.0.1:{port}/wechat"),
        }
    }

    /// The status line of a bare request with another method.
    fn status_of(&self, method: &str) -> String {
        use std::io::{Read, Write};
        let addr = self
            .url
            .trim_start_matches("http://")
            .trim_end_matches("/wechat");
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        write!(
            stream,
            "{method} /wechat HTTP/1.1\r\nHost: {addr}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer.lines().next().unwrap_or_default().to_owned()
    }
}

impl Drop for BotProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn text_message(now: i64, msg_id: &str) -> String {
    format!(
        "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName>\
         <CreateTime>{now}</CreateTime><MsgType><![CDATA[text]]></MsgType>\
         <Content><![CDATA[hi]]></Content><MsgId>{msg_id}</MsgId></xml>"
    )
}

#[test]
fn axum_bot_answers_pushes() {
    let bot = BotProcess::start(&[]);
    let url = bot.url.clone();
    let (good, bad, replay) = runtime().block_on(async {
        let emu = Emulator::start().await.unwrap();
        let now = emu.now_ms() / 1000;
        let text = text_message(now, "1");
        let good = emu
            .push_callback(&CallbackPush::xml(&url, DEMO_TOKEN, text.clone()))
            .await
            .unwrap();
        let bad = emu
            .push_callback(&CallbackPush::xml(&url, "wrong-token", text.clone()))
            .await
            .unwrap();
        // A signed push dated 1970: a replay, refused with the reason.
        let replay = emu
            .push_callback(
                &CallbackPush::xml(&url, DEMO_TOKEN, text_message(1, "2")).with_timestamp(1),
            )
            .await
            .unwrap();
        emu.shutdown().await;
        (good, bad, replay)
    });
    assert_eq!(good.status, 200);
    assert!(good.text().contains("echo: hi"), "{}", good.text());
    assert_ne!(bad.status, 200, "a wrong signature is refused");
    assert_eq!(replay.status, 403, "{}", replay.text());
    assert!(
        replay
            .text()
            .contains("timestamp 1 is more than 300 s away"),
        "{}",
        replay.text()
    );
    assert!(
        bot.status_of("PUT").contains(" 405 "),
        "{}",
        bot.status_of("PUT")
    );
    assert!(bot.status_of("DELETE").contains(" 405 "));
}

/// WeChat's retries of one push while the bot's slow work (a customer service message, slowed
/// down by the emulator) is running: the first copy, then three retries 400 ms apart, each
/// sealed again with new random bytes, nonce and timestamp, spread over `bots` in turn.
async fn deliver_with_retries(
    bots: &[&str],
    emu: &wechat_emulator::EmulatorHandle,
) -> Vec<wechat_emulator::CallbackResponse> {
    emu.inject(
        wechat_emulator::Fault::delay(std::time::Duration::from_millis(1500))
            .on_path(CUSTOM_SEND)
            .once(),
    );
    let now = emu.now_ms() / 1000;
    let message = text_message(now, &format!("{now}0042"));
    let copy = |i: usize| {
        let push = CallbackPush::xml(bots[i % bots.len()], DEMO_TOKEN, message.clone())
            .with_query("openid", "o1")
            .with_timestamp(now + i as i64)
            .encrypted(DEMO_AES_KEY, wechat_emulator::demo::APPID);
        async move {
            tokio::time::sleep(std::time::Duration::from_millis(400 * i as u64)).await;
            emu.push_callback(&push).await.unwrap()
        }
    };
    let (a, b, c, d) = tokio::join!(copy(0), copy(1), copy(2), copy(3));
    // The slow work ends 1.5 s after the first copy; wait for it, and a little more.
    let start = std::time::Instant::now();
    while emu.calls(CUSTOM_SEND) == 0 && start.elapsed().as_secs() < 10 {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    vec![a, b, c, d]
}

fn assert_handled_once(answers: &[wechat_emulator::CallbackResponse], calls: u64) {
    assert_eq!(calls, 1, "the slow work ran {calls} times");
    let texts: Vec<String> = answers
        .iter()
        .map(|a| {
            assert_eq!(a.status, 200, "{}", a.text());
            a.plaintext.clone().unwrap_or_default()
        })
        .collect();
    assert_eq!(
        texts.iter().filter(|t| t.contains("echo: hi")).count(),
        1,
        "{texts:?}"
    );
    assert_eq!(
        texts.iter().filter(|t| *t == "success").count(),
        3,
        "{texts:?}"
    );
}

fn api_env(emu: &str) -> Vec<(&'static str, String)> {
    vec![
        ("WECHAT_SECRET", wechat_emulator::demo::SECRET.to_owned()),
        ("WECHAT_API_BASE", emu.to_owned()),
    ]
}

#[test]
fn axum_bot_handles_a_push_retried_three_times_once() {
    let rt = runtime();
    let emu = rt.block_on(Emulator::start()).unwrap();
    let env = api_env(emu.base_url());
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let bot = BotProcess::start(&env);
    let answers = rt.block_on(deliver_with_retries(&[&bot.url], &emu));
    assert_handled_once(&answers, emu.calls(CUSTOM_SEND));
    rt.block_on(emu.shutdown());
}

#[test]
fn two_axum_bots_sharing_redis_handle_a_retried_push_once() {
    let redis = redis_server::RedisServer::start();
    let rt = runtime();
    let emu = rt.block_on(Emulator::start()).unwrap();
    let mut env = api_env(emu.base_url());
    env.push(("WECHAT_REDIS_URL", redis.url()));
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (a, b) = (BotProcess::start(&env), BotProcess::start(&env));
    let answers = rt.block_on(deliver_with_retries(&[&a.url, &b.url], &emu));
    assert_handled_once(&answers, emu.calls(CUSTOM_SEND));
    rt.block_on(emu.shutdown());
}

#[test]
fn platform_walks_both_journeys_without_credentials() {
    let stdout = run_example("platform", &["WECHAT_COMPONENT_APPID", "WECHAT_SUITE_ID"]);
    let steps = [
        // Open Platform: the ticket kept, the account authorizing, calls for it, its withdrawal.
        "backend: kept the component_verify_ticket",
        "the store holds WeChat's ticket",
        "/cgi-bin/componentloginpage?..",
        "/open/authorized?..",
        "backend: kept the refresh token of wx0000000000emua02",
        "200 wx0000000000emua02 authorized the platform",
        "token fetches at WeChat: component 1\n",
        "GET /open/accounts/wx0000000000emua02/info: 200",
        "GET /open/accounts/wx0000000000emua02/ips: 200 wx0000000000emua02: 15 API addresses",
        "token fetches at WeChat: component 1, authorizer 1\n",
        "backend: wx0000000000emua02 withdrew, 2 of its credentials forgotten",
        "GET /open/accounts/wx0000000000emua02/ips: 409",
        "authorizer token fetches still 1\n",
        // WeCom: the ticket kept, a site install and a market install, calls, a cancellation.
        "backend: kept the suite_ticket",
        "the store holds WeCom's ticket",
        "/3rdapp/install?..",
        "/suite/installed?..",
        "backend: kept the permanent code of ww0000000000site01",
        "200 ww0000000000site01 installed the suite",
        "GET /suite/corps/ww0000000000site01/departments: 200",
        "token fetches at WeCom: suite 1, corp 1\n",
        "GET /suite/corps/ww0000000000mark01/departments: 200",
        "backend: ww0000000000site01 removed the suite, 2 of its credentials forgotten",
        "GET /suite/corps/ww0000000000site01/departments: 409",
        "token fetches at WeCom: suite 1, corp 1 (no new one)",
        "Done: both journeys",
    ];
    let mut from = 0;
    for step in steps {
        let at = stdout[from..]
            .find(step)
            .unwrap_or_else(|| panic!("{step:?} missing (in order) in:\n{stdout}"));
        from += at + step.len();
    }
    assert_eq!(
        stdout.matches("/ips: 200").count(),
        3,
        "three calls with one authorizer token:\n{stdout}"
    );
    assert_eq!(stdout.matches("/departments: 200").count(), 4, "{stdout}");
    // The market install's code is exchanged after the push is answered.
    assert!(
        stdout.contains("backend: kept the permanent code of ww0000000000mark01"),
        "{stdout}"
    );
    // No credential reaches the output.
    for secret in [
        wechat_emulator::demo::COMPONENT_SECRET,
        wechat_emulator::demo::SUITE_SECRET,
        "auth_code=",
        "pre_auth_code=",
    ] {
        assert!(!stdout.contains(secret), "{secret} printed:\n{stdout}");
    }
}

/// A process killed on drop.
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// What a page answered a browser that does not follow redirects: status, location, text.
async fn browse(url: &str) -> (u16, String, String) {
    let browser = wechat_reqwest::ReqwestClient::options()
        .no_proxy()
        .build()
        .unwrap();
    let answer = browser.inner().get(url).send().await.unwrap();
    let location = answer
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (
        answer.status().as_u16(),
        location,
        answer.text().await.unwrap(),
    )
}

#[test]
fn platform_serves_with_credentials() {
    use wechat_core::callback::Platform;
    use wechat_emulator::{TokenKind, demo};
    const TOKEN: &str = "served-platform-token";
    const ACCOUNT: &str = "wx0000000000emua03";
    const CORP: &str = "ww0000000000site02";

    let rt = runtime();
    let emu = rt.block_on(Emulator::start()).unwrap();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let base = format!("http://127.0.0.1:{port}");
    let mut child = Command::new(example("platform"))
        .env("WECHAT_COMPONENT_APPID", demo::COMPONENT_APPID)
        .env("WECHAT_COMPONENT_SECRET", demo::COMPONENT_SECRET)
        .env("WECHAT_SUITE_ID", demo::SUITE_ID)
        .env("WECHAT_SUITE_SECRET", demo::SUITE_SECRET)
        .env("WECHAT_SUITE_TEST_INSTALL", "1")
        .env("WECHAT_TOKEN", TOKEN)
        .env("WECHAT_ENCODING_AES_KEY", DEMO_AES_KEY)
        .env("WECHAT_PUBLIC_URL", &base)
        .env("WECHAT_API_BASE", emu.base_url())
        .env("PORT", port.to_string())
        .env_remove("WECHAT_REDIS_URL")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    let _child = Killed(child);
    let mut banner = String::new();
    while !banner.contains("platform backend on") {
        assert_ne!(output.read_line(&mut banner).unwrap(), 0, "{banner}");
    }
    assert!(
        banner.contains(&format!("callback {base}/open/callback")),
        "{banner}"
    );
    assert!(
        banner.contains(&format!("callback {base}/suite/callback")),
        "{banner}"
    );

    rt.block_on(async {
        let push = |path: &str, platform: Platform, receiver: &str, body: String| {
            CallbackPush::xml(format!("{base}{path}"), TOKEN, body)
                .for_platform(platform)
                .encrypted(DEMO_AES_KEY, receiver)
        };
        let delivered = |answer: wechat_emulator::CallbackResponse| {
            assert_eq!(answer.status, 200, "{}", answer.text());
            assert_eq!(answer.plaintext.as_deref(), Some("success"));
        };

        // Open Platform: the ticket, the authorization pages, a call, the withdrawal.
        let ticket = emu
            .component_verify_ticket_message(demo::COMPONENT_APPID)
            .unwrap();
        let ticket = push(
            "/open/callback",
            Platform::OpenPlatform,
            demo::COMPONENT_APPID,
            ticket,
        );
        delivered(emu.push_callback(&ticket).await.unwrap());
        let (status, page, _) = browse(&format!("{base}/open/authorize?biz_appid={ACCOUNT}")).await;
        assert_eq!(status, 302);
        assert!(
            page.starts_with(&format!("{}/cgi-bin/componentloginpage?", emu.base_url())),
            "{page}"
        );
        let (status, back, _) = browse(&page).await;
        assert_eq!(status, 302);
        assert!(
            back.starts_with(&format!("{base}/open/authorized?auth_code=")),
            "{back}"
        );
        let (status, _, text) = browse(&back).await;
        assert_eq!(
            (status, text.as_str()),
            (200, "wx0000000000emua03 authorized the platform")
        );
        // The code works once: the browser's second visit is refused.
        let (status, _, text) = browse(&back).await;
        assert_eq!(status, 502, "{text}");
        assert!(text.contains("61009"), "{text}");
        for _ in 0..2 {
            let (status, _, text) = browse(&format!("{base}/open/accounts/{ACCOUNT}/ips")).await;
            assert_eq!(status, 200, "{text}");
        }
        let gone = emu.unauthorize(demo::COMPONENT_APPID, ACCOUNT).unwrap();
        let gone = push(
            "/open/callback",
            Platform::OpenPlatform,
            demo::COMPONENT_APPID,
            gone,
        );
        delivered(emu.push_callback(&gone).await.unwrap());
        let (status, _, text) = browse(&format!("{base}/open/accounts/{ACCOUNT}/ips")).await;
        assert_eq!(status, 409, "{text}");
        assert!(text.contains("authorize (or install) again"), "{text}");
        assert_eq!(
            emu.token_fetches_of(demo::COMPONENT_APPID, TokenKind::Component),
            1
        );
        assert_eq!(emu.token_fetches_of(ACCOUNT, TokenKind::Authorizer), 1);

        // WeCom: the ticket, a test install, a call.
        let ticket = emu.suite_ticket_message(demo::SUITE_ID).unwrap();
        let ticket = push("/suite/callback", Platform::WeCom, demo::SUITE_ID, ticket);
        delivered(emu.push_callback(&ticket).await.unwrap());
        assert!(emu.set_installing_corp(demo::SUITE_ID, CORP));
        let (status, page, _) = browse(&format!("{base}/suite/install")).await;
        assert_eq!(status, 302);
        assert!(
            page.starts_with(&format!("{}/3rdapp/install?", emu.base_url())),
            "{page}"
        );
        let (_, back, _) = browse(&page).await;
        assert!(
            back.starts_with(&format!("{base}/suite/installed?auth_code=")),
            "{back}"
        );
        let (status, _, text) = browse(&back).await;
        assert_eq!(
            (status, text.as_str()),
            (200, "ww0000000000site02 installed the suite")
        );
        let (status, _, text) = browse(&format!("{base}/suite/corps/{CORP}/departments")).await;
        assert_eq!(status, 200, "{text}");
        assert_eq!(emu.token_fetches_of(demo::SUITE_ID, TokenKind::Suite), 1);
        assert_eq!(emu.token_fetches_of(CORP, TokenKind::CorpOfSuite), 1);

        // A push signed with another Token is refused, not stored.
        let forged = emu.suite_ticket_message(demo::SUITE_ID).unwrap();
        let forged = CallbackPush::xml(format!("{base}/suite/callback"), "wrong", forged)
            .for_platform(Platform::WeCom)
            .encrypted(DEMO_AES_KEY, demo::SUITE_ID);
        assert_ne!(emu.push_callback(&forged).await.unwrap().status, 200);
    });
    rt.block_on(emu.shutdown());
}

#[test]
fn platform_names_a_missing_secret() {
    let out = Command::new(example("platform"))
        .env("WECHAT_COMPONENT_APPID", "wxcomponent")
        .env_remove("WECHAT_COMPONENT_SECRET")
        .env_remove("WECHAT_SUITE_ID")
        .env_remove("WECHAT_SUITE_SECRET")
        .env("WECHAT_PUBLIC_URL", "https://platform.example.com")
        .env("WECHAT_TOKEN", "t")
        .env("WECHAT_ENCODING_AES_KEY", DEMO_AES_KEY)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(
        stdout.contains("WECHAT_COMPONENT_APPID needs WECHAT_COMPONENT_SECRET"),
        "{stdout}"
    );
}
