//! The `wechat` binary against the emulator (and a real redis-server): outputs, exit codes, no
//! secrets in any output.

#[path = "../../redis/tests/common/mod.rs"]
mod redis_server;

#[path = "cli/pay.rs"]
mod pay;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use wechat_emulator::{Emulator, EmulatorHandle, Fault, TokenKind, demo};

const BIN: &str = env!("CARGO_BIN_EXE_wechat");
const IP_PATH: &str = "/cgi-bin/get_api_domain_ip";
const VARS: &[&str] = &[
    "WECHAT_APPID",
    "WECHAT_SECRET",
    "WECHAT_CORPID",
    "WECHAT_CORPSECRET",
    "WECHAT_API_BASE",
    "WECHAT_REDIS_URL",
    "WECHAT_XPAY_APPKEY",
    "WECHAT_PAY_MCHID",
    "WECHAT_PAY_SERIAL",
    "WECHAT_PAY_PRIVATE_KEY",
    "WECHAT_PAY_APIV3_KEY",
    "WECHAT_PAY_API_KEY",
    "WECHAT_PAY_PKCS12_PASSWORD",
    "WECHAT_PAY_PUBLIC_KEY",
    "WECHAT_PAY_PUBLIC_KEY_ID",
    "WECHAT_PAY_API_BASE",
];

#[derive(Debug)]
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn ok(&self) -> &Self {
        assert_eq!(self.code, 0, "{self:#?}");
        self
    }

    /// Exit status 1 with one line on stderr naming `needle`, nothing on stdout.
    fn fails_with(&self, needle: &str) -> &Self {
        assert_eq!(self.code, 1, "{self:#?}");
        assert_eq!(self.stdout, "", "{self:#?}");
        assert_eq!(self.stderr.lines().count(), 1, "one line: {self:#?}");
        assert!(self.stderr.starts_with("wechat: "), "{self:#?}");
        assert!(self.stderr.contains(needle), "{needle:?} in {self:#?}");
        self
    }

    fn never_shows(&self, secrets: &[&str]) -> &Self {
        for s in secrets {
            assert!(!self.stdout.contains(s), "{s:?} on stdout: {self:#?}");
            assert!(!self.stderr.contains(s), "{s:?} on stderr: {self:#?}");
        }
        assert!(!self.stderr.contains("panicked"), "{self:#?}");
        self
    }
}

fn command(env: &[(&str, &str)], args: &[&str]) -> Command {
    let mut cmd = Command::new(BIN);
    for v in VARS {
        cmd.env_remove(v);
    }
    cmd.envs(env.iter().copied()).args(args);
    cmd
}

fn run_with_stdin(env: &[(&str, &str)], args: &[&str], stdin: &str) -> Run {
    let mut child = command(env, args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The command may exit before reading its input (an argument error): a closed pipe is fine.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn run(env: &[(&str, &str)], args: &[&str]) -> Run {
    run_with_stdin(env, args, "")
}

fn emulator() -> EmulatorHandle {
    Emulator::builder().start_blocking().unwrap()
}

fn oa_env(emu: &EmulatorHandle) -> Vec<(&'static str, String)> {
    vec![
        ("WECHAT_APPID", demo::APPID.to_owned()),
        ("WECHAT_SECRET", demo::SECRET.to_owned()),
        ("WECHAT_API_BASE", emu.base_url().to_owned()),
    ]
}

fn refs<'a>(env: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    env.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[test]
fn token_prints_a_valid_token() {
    let emu = emulator();
    let env = oa_env(&emu);
    let env = refs(&env);

    let r = run(&env, &["token"]);
    r.ok().never_shows(&[demo::SECRET]);
    assert_eq!(r.stderr, "");
    let token = r.stdout.trim();
    assert_eq!(r.stdout, format!("{token}\n"), "just the token");
    assert!(emu.is_token_valid(token));
    assert_eq!(emu.token_fetches_of(demo::APPID, TokenKind::Stable), 1);

    // The stable token stays the same; --force-refresh replaces it at once.
    let again = run(&env, &["token"]);
    assert_eq!(again.ok().stdout.trim(), token);
    let forced = run(&env, &["token", "--force-refresh"]);
    let fresh = forced.ok().stdout.trim().to_owned();
    assert_ne!(fresh, token);
    assert!(emu.is_token_valid(&fresh));
    assert!(!emu.is_token_valid(token));

    let classic = run(&env, &["token", "--classic"]);
    assert!(emu.is_token_valid(classic.ok().stdout.trim()));
    assert_eq!(emu.token_fetches_of(demo::APPID, TokenKind::Classic), 1);
    emu.shutdown_blocking();
}

#[test]
fn wecom_corp_token() {
    let emu = emulator();
    let base = emu.base_url().to_owned();
    let env = [
        ("WECHAT_CORPID", demo::CORPID),
        ("WECHAT_CORPSECRET", demo::CORPSECRET),
        ("WECHAT_API_BASE", base.as_str()),
    ];
    let r = run(&env, &["--platform", "work", "token"]);
    r.ok().never_shows(&[demo::CORPSECRET]);
    assert!(emu.is_token_valid(r.stdout.trim()));
    let key = format!("{}/{}", demo::CORPID, demo::AGENTID);
    assert_eq!(emu.token_fetches_of(&key, TokenKind::Corp), 1);

    // WeCom APIs go to the WeCom host with the corp token.
    let r = run(
        &env,
        &[
            "call",
            "GET",
            "/cgi-bin/agent/get",
            "--platform",
            "work",
            "-q",
            "agentid=1000002",
        ],
    );
    r.ok().never_shows(&[demo::CORPSECRET]);
    assert_eq!(emu.calls("/cgi-bin/agent/get"), 1);

    // A path WeCom shares with the Official Account answers as WeCom: a member, not followers.
    let r = run(
        &env,
        &[
            "--platform",
            "work",
            "call",
            "GET",
            "/cgi-bin/user/get",
            "-q",
            "userid=zhangsan",
        ],
    );
    r.ok();
    let member: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(member["userid"], "zhangsan", "{}", r.stdout);
    assert!(member.get("data").is_none(), "{}", r.stdout);

    run(&env, &["--platform", "work", "token", "--classic"])
        .fails_with("--classic")
        .never_shows(&[demo::CORPSECRET]);
    let wrong = [
        ("WECHAT_CORPID", demo::CORPID),
        ("WECHAT_CORPSECRET", "wrong-corp-secret-value"),
        ("WECHAT_API_BASE", base.as_str()),
    ];
    run(&wrong, &["--platform", "work", "token"])
        .fails_with("errcode 40001")
        .never_shows(&["wrong-corp-secret-value"]);
    emu.shutdown_blocking();
}

#[test]
fn call_gets_and_posts() {
    let emu = emulator();
    let env = oa_env(&emu);
    let env = refs(&env);

    let r = run(&env, &["call", "GET", IP_PATH]);
    r.ok().never_shows(&[demo::SECRET]);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(!json["ip_list"].as_array().unwrap().is_empty());
    let token = emu.latest_token(TokenKind::Stable, demo::APPID).unwrap();
    r.never_shows(&[&token]);

    let menu = r#"{"button":[{"type":"click","name":"Today","key":"V1001_TODAY"}]}"#;
    let r = run(
        &env,
        &["call", "post", "/cgi-bin/menu/create", "--json", menu],
    );
    let json: serde_json::Value = serde_json::from_str(&r.ok().stdout).unwrap();
    assert_eq!(json["errcode"], 0);

    let file = std::env::temp_dir().join(format!("wechat-cli-menu-{}.json", std::process::id()));
    std::fs::write(&file, menu).unwrap();
    run(
        &env,
        &[
            "call",
            "POST",
            "/cgi-bin/menu/create",
            "--json-file",
            file.to_str().unwrap(),
        ],
    )
    .ok();
    std::fs::remove_file(&file).unwrap();
    run_with_stdin(
        &env,
        &["call", "POST", "/cgi-bin/menu/create", "--json-file", "-"],
        menu,
    )
    .ok();
    assert_eq!(emu.calls("/cgi-bin/menu/create"), 3);

    // Query parameters, from --query and from the path.
    run(
        &env,
        &[
            "call",
            "GET",
            "/cgi-bin/user/get?next_openid=o%2B1",
            "--query",
            "lang=zh_CN",
        ],
    )
    .ok();
    let request = emu
        .requests()
        .into_iter()
        .find(|r| r.path == "/cgi-bin/user/get")
        .unwrap();
    assert!(
        request
            .query
            .contains(&("next_openid".into(), "o+1".into()))
    );
    assert!(request.query.contains(&("lang".into(), "zh_CN".into())));
    emu.shutdown_blocking();
}

#[test]
fn call_refreshes_and_retries_once_after_a_rejected_token() {
    let emu = emulator();
    let env = oa_env(&emu);
    let env = refs(&env);
    emu.inject(
        Fault::errcode(
            40001,
            "invalid credential, access_token is invalid or not latest",
        )
        .on_path(IP_PATH)
        .once(),
    );
    run(&env, &["call", "GET", IP_PATH])
        .ok()
        .never_shows(&[demo::SECRET]);
    assert_eq!(emu.calls(IP_PATH), 2);
    assert_eq!(emu.token_fetches(demo::APPID), 2);

    // Rejected again after the refresh: reported, not retried further.
    emu.reset_stats();
    emu.inject(Fault::errcode(40001, "invalid credential").on_path(IP_PATH));
    run(&env, &["call", "GET", IP_PATH])
        .fails_with("errcode 40001")
        .never_shows(&[demo::SECRET]);
    assert_eq!(emu.calls(IP_PATH), 2);
    emu.shutdown_blocking();
}

#[test]
fn quota_exceeded_is_reported_once() {
    let emu = emulator();
    let env = oa_env(&emu);
    let env = refs(&env);
    emu.inject(Fault::quota_exceeded().on_path(IP_PATH));
    run(&env, &["call", "GET", IP_PATH])
        .fails_with("errcode 45009")
        .never_shows(&[demo::SECRET]);
    assert_eq!(emu.calls(IP_PATH), 1);
    emu.shutdown_blocking();
}

#[test]
fn input_and_api_errors_exit_1_with_one_line() {
    let emu = emulator();
    let base = emu.base_url().to_owned();
    let env = oa_env(&emu);
    let env = refs(&env);
    let secret = demo::SECRET;

    run(&[("WECHAT_API_BASE", base.as_str())], &["token"]).fails_with("WECHAT_APPID is not set");
    run(&[("WECHAT_APPID", demo::APPID)], &["token"]).fails_with("WECHAT_SECRET is not set");
    let wrong = [
        ("WECHAT_APPID", demo::APPID),
        ("WECHAT_SECRET", "wrong-app-secret-value"),
        ("WECHAT_API_BASE", base.as_str()),
    ];
    run(&wrong, &["token"])
        .fails_with("errcode 40125")
        .never_shows(&["wrong-app-secret-value"]);
    run(&wrong, &["call", "GET", IP_PATH])
        .fails_with("errcode 40125")
        .never_shows(&["wrong-app-secret-value"]);
    run(&env, &["call", "DELETE", IP_PATH])
        .fails_with("GET or POST")
        .never_shows(&[secret]);
    run(&env, &["call", "GET", "cgi-bin/x"]).fails_with("PATH must start with '/'");
    run(&env, &["call", "POST", "/x", "--json", "{nope"]).fails_with("not valid JSON");
    run(
        &env,
        &[
            "call",
            "POST",
            "/x",
            "--json-file",
            "/nonexistent/file.json",
        ],
    )
    .fails_with("cannot read");
    run(&env, &["call", "GET", "/x", "--query", "novalue"]).fails_with("expected K=V");
    run(&env, &["--api-base", "ftp://x", "token"]).fails_with("base URL");

    // Nothing listens there: a transport error, without the URL or the secret.
    let port = redis_server::free_port().to_string();
    let closed = format!("http://127.0.0.1:{port}");
    run(&env, &["--api-base", &closed, "call", "GET", IP_PATH])
        .fails_with("transport")
        .never_shows(&[secret, "stable_token", &port]);

    // Usage errors exit 1 too (clap's message spans a few lines); help exits 0.
    let r = run(&env, &["frobnicate"]);
    assert_eq!(r.code, 1, "{r:#?}");
    assert!(r.stderr.contains("unrecognized subcommand"));
    let r = run(&env, &["call"]);
    assert_eq!(r.code, 1, "{r:#?}");
    let r = run(&env, &["--help"]);
    assert_eq!(r.code, 0, "{r:#?}");
    assert!(r.stdout.contains("token") && r.stdout.contains("endpoints"));
    r.never_shows(&[secret]);
    emu.shutdown_blocking();
}

#[test]
fn endpoints_lists_the_catalog() {
    let r = run(&[], &["endpoints"]);
    r.ok();
    let mut lines = r.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("area\tmethod\turl\tcredential\ttype"),
        "{r:#?}"
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() >= 10);
    assert!(rows.iter().all(|r| r.len() == 5));
    assert!(rows.iter().any(|r| r[1] == "POST"
        && r[2] == "https://api.weixin.qq.com/cgi-bin/stable_token"
        && r[3] == "none"));
    assert!(
        rows.iter()
            .any(|r| r[2] == "https://qyapi.weixin.qq.com/cgi-bin/gettoken")
    );
    assert!(rows.iter().any(|r| r[2].ends_with("/cgi-bin/menu/create")
        && r[3] == "access_token"
        && r[4].ends_with("CreateMenu")));

    let r = run(
        &[("WECHAT_API_BASE", "http://127.0.0.1:8900")],
        &["endpoints", "--format", "tsv"],
    );
    assert!(
        r.ok()
            .stdout
            .lines()
            .skip(1)
            .all(|l| l.contains("\thttp://127.0.0.1:8900/"))
    );
    let r = run(&[], &["endpoints", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&r.ok().stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), rows.len());
    // A closed pipe is not an error.
    let mut child = command(&[], &["endpoints"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{out:?}"
    );
}

#[test]
fn tokens_are_shared_through_redis_and_redis_down_only_warns() {
    let redis = redis_server::RedisServer::start();
    let emu = emulator();
    let mut env = oa_env(&emu);
    env.push(("WECHAT_REDIS_URL", redis.url()));
    let env = refs(&env);

    let first = run(&env, &["token"]);
    let second = run(&env, &["token"]);
    assert_eq!(first.ok().stdout, second.ok().stdout);
    assert_eq!(
        emu.token_fetches(demo::APPID),
        1,
        "the second run read Redis"
    );
    run(&env, &["call", "GET", IP_PATH]).ok();
    assert_eq!(emu.token_fetches(demo::APPID), 1);

    // The classic token with --force-refresh drops the shared one and stores the new one.
    let old = run(&env, &["token", "--classic"]).ok().stdout.clone();
    let new = run(&env, &["token", "--classic", "--force-refresh"])
        .ok()
        .stdout
        .clone();
    assert_ne!(old, new);
    assert_eq!(run(&env, &["token", "--classic"]).ok().stdout, new);
    assert_eq!(emu.token_fetches_of(demo::APPID, TokenKind::Classic), 2);

    // Redis down (and a password in its URL): the call works, a warning says why, no secret shows.
    let port = redis_server::free_port();
    let down_url = format!("redis://:redis-password-value@127.0.0.1:{port}/");
    let mut down = oa_env(&emu);
    down.push(("WECHAT_REDIS_URL", down_url.clone()));
    let down = refs(&down);
    let r = run(&down, &["call", "GET", IP_PATH]);
    r.ok()
        .never_shows(&[demo::SECRET, "redis-password-value", &down_url]);
    assert!(r.stderr.contains("WARN"), "{r:#?}");
    assert!(r.stderr.contains("token store failed"), "{r:#?}");
    assert!(serde_json::from_str::<serde_json::Value>(&r.stdout).is_ok());

    run(
        &[
            ("WECHAT_APPID", demo::APPID),
            ("WECHAT_SECRET", demo::SECRET),
            ("WECHAT_REDIS_URL", "http://not-redis"),
        ],
        &["token"],
    )
    .fails_with("WECHAT_REDIS_URL is not a valid Redis URL");
    emu.shutdown_blocking();
}

#[test]
fn emulator_command_serves_the_demo_accounts() {
    let mut child = command(&[], &["emulator", "--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let base = first
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no base URL in {first:?}"))
        .to_owned();
    let r = run(
        &[
            ("WECHAT_APPID", demo::APPID),
            ("WECHAT_SECRET", demo::SECRET),
            ("WECHAT_API_BASE", base.as_str()),
        ],
        &["call", "GET", IP_PATH],
    );
    let _ = child.kill();
    let _ = child.wait();
    r.ok();

    // A port already taken is an input error.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    run(&[], &["emulator", "--port", &port]).fails_with("cannot listen");
}

// ----- callback crypto ---------------------------------------------------------------------

/// The official WeCom sample (加解密方案说明).
const TOKEN: &str = "QDG6eK";
const AES_KEY: &str = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const CORP_ID: &str = "wx5823bf96d3bd56c7";
const SAMPLE_BODY: &str =
    include_str!("../../../core/tests/fixtures/callback/wecom_sample_encrypted.xml");

fn keys() -> Vec<&'static str> {
    vec![
        "--token",
        TOKEN,
        "--encoding-aes-key",
        AES_KEY,
        "--receiver-id",
        CORP_ID,
    ]
}

fn xml_field(xml: &str, name: &str) -> String {
    let open = format!("<{name}>");
    let start = xml.find(&open).unwrap() + open.len();
    let end = start + xml[start..].find(&format!("</{name}>")).unwrap();
    xml[start..end]
        .trim_start_matches("<![CDATA[")
        .trim_end_matches("]]>")
        .to_owned()
}

#[test]
fn crypto_commands_on_the_official_sample() {
    let mut args = vec!["crypto", "verify-url"];
    args.extend(keys());
    args.extend([
        "--msg-signature",
        "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3",
        "--timestamp",
        "1409659589",
        "--nonce",
        "263014780",
        "--echostr",
        "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==",
    ]);
    let r = run(&[], &args);
    assert_eq!(r.ok().stdout, "1616140317555161061\n");
    r.never_shows(&[AES_KEY, TOKEN]);

    let mut args = vec!["crypto", "decrypt"];
    args.extend(keys());
    args.extend([
        "--msg-signature",
        "477715d11cdb4164915debcba66cb864d751f3e6",
        "--timestamp",
        "1409659813",
        "--nonce",
        "1372623149",
    ]);
    let r = run_with_stdin(&[], &args, SAMPLE_BODY);
    assert!(
        r.ok()
            .stdout
            .contains("<Content><![CDATA[hello]]></Content>"),
        "{r:#?}"
    );

    // A wrong signature: exit 1, one line, no key.
    let mut bad = args.clone();
    let i = bad.len() - 5;
    bad[i] = "477715d11cdb4164915debcba66cb864d751f3e7";
    run_with_stdin(&[], &bad, SAMPLE_BODY)
        .fails_with("signature mismatch")
        .never_shows(&[AES_KEY]);
    run_with_stdin(&[], &args, "not xml at all <")
        .fails_with("wechat: ")
        .never_shows(&[AES_KEY]);

    // Encrypt, then decrypt what came out: the round trip holds.
    let reply = "<xml><ToUserName><![CDATA[u]]></ToUserName><FromUserName><![CDATA[gh]]></FromUserName>\
                 <CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content></xml>";
    let mut enc = vec!["crypto", "encrypt"];
    enc.extend(keys());
    enc.extend(["--timestamp", "1409659813", "--nonce", "1372623149"]);
    let mut fixed = enc.clone();
    fixed.extend(["--random", "00112233445566778899aabbccddeeff"]);
    let a = run_with_stdin(&[], &fixed, reply);
    let b = run_with_stdin(&[], &fixed, reply);
    assert_eq!(
        a.ok().stdout,
        b.ok().stdout,
        "--random makes it reproducible"
    );
    let fresh = run_with_stdin(&[], &enc, reply);
    assert_ne!(fresh.ok().stdout, a.stdout, "fresh randomness by default");
    a.never_shows(&[AES_KEY, TOKEN]);
    let envelope = fresh.stdout.trim();
    assert_eq!(xml_field(envelope, "TimeStamp"), "1409659813");
    assert_eq!(xml_field(envelope, "Nonce"), "1372623149");
    let signature = xml_field(envelope, "MsgSignature");
    let mut dec = vec!["crypto", "decrypt"];
    dec.extend(keys());
    dec.extend([
        "--msg-signature",
        &signature,
        "--timestamp",
        "1409659813",
        "--nonce",
        "1372623149",
    ]);
    let r = run_with_stdin(&[], &dec, envelope);
    assert_eq!(r.ok().stdout.trim(), reply);

    let mut short = enc.clone();
    short.extend(["--random", "abcd"]);
    run_with_stdin(&[], &short, reply).fails_with("--random");
    let mut badkey = vec![
        "crypto",
        "encrypt",
        "--token",
        TOKEN,
        "--encoding-aes-key",
        "tooshort",
    ];
    badkey.extend(["--receiver-id", CORP_ID, "--timestamp", "1", "--nonce", "2"]);
    run_with_stdin(&[], &badkey, reply).fails_with("EncodingAESKey");
}

#[test]
fn callback_parse_prints_the_typed_message() {
    let click = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName>\
                 <CreateTime>1700000000</CreateTime><MsgType><![CDATA[event]]></MsgType>\
                 <Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[V1001]]></EventKey></xml>";
    let r = run_with_stdin(&[], &["callback", "parse"], click);
    let json: serde_json::Value = serde_json::from_str(&r.ok().stdout).unwrap();
    assert_eq!(json["kind"], "Event");
    assert_eq!(json["event"], "CLICK");
    assert_eq!(json["fields"]["EventKey"], "V1001");

    let text = r#"{"ToUserName":"gh_1","FromUserName":"o1","CreateTime":1700000000,"MsgType":"text","Content":"hi","MsgId":9223372036854775807}"#;
    let r = run_with_stdin(&[], &["callback", "parse"], text);
    let json: serde_json::Value = serde_json::from_str(&r.ok().stdout).unwrap();
    assert_eq!(json["kind"], "Text");
    assert_eq!(json["fields"]["Content"], "hi");
    assert!(
        r.stdout.contains("9223372036854775807"),
        "64-bit ids stay exact"
    );

    run_with_stdin(&[], &["callback", "parse"], "<xml><unclosed>").fails_with("wechat: ");
}

/// A one-request-at-a-time bot on loopback, answering with the core's callback handler.
fn bot(handler: wechat_core::callback::CallbackHandler) -> (String, std::thread::JoinHandle<()>) {
    use std::io::Read;
    use wechat_core::callback::{Incoming, Message, Reply};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/wechat", listener.local_addr().unwrap());
    let thread = std::thread::spawn(move || {
        for stream in listener.incoming().take(1) {
            let mut stream = stream.unwrap();
            let mut buf = Vec::new();
            let mut chunk = [0u8; 4096];
            let (head_end, length) = loop {
                let n = stream.read(&mut chunk).unwrap();
                buf.extend_from_slice(&chunk[..n]);
                if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head = String::from_utf8_lossy(&buf[..i]).to_ascii_lowercase();
                    let length = head
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length:"))
                        .map_or(0, |v| v.trim().parse().unwrap());
                    break (i + 4, length);
                }
            };
            while buf.len() < head_end + length {
                let n = stream.read(&mut chunk).unwrap();
                buf.extend_from_slice(&chunk[..n]);
            }
            let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
            let target = head.split_whitespace().nth(1).unwrap().to_owned();
            let request = http::Request::post(target)
                .body(buf[head_end..head_end + length].to_vec())
                .unwrap();
            let response = match handler.handle(&request, 0) {
                Ok(Incoming::Message(received)) => {
                    let answer = match &received.message {
                        Message::Text(t) => Reply::text(format!("echo: {}", t.content)),
                        other => Reply::text(format!("got {}", other.msg_type())),
                    };
                    received.reply.reply(&answer, 1_700_000_000, [9; 16])
                }
                Ok(Incoming::UrlVerification(r)) => r,
                Err(e) => http::Response::builder()
                    .status(e.status())
                    .body(e.to_string().into_bytes())
                    .unwrap(),
            };
            let head = format!(
                "HTTP/1.1 {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                response.status().as_u16(),
                response.body().len()
            );
            stream.write_all(head.as_bytes()).unwrap();
            stream.write_all(response.body()).unwrap();
        }
    });
    (url, thread)
}

#[test]
fn callback_simulate_talks_to_a_bot() {
    use wechat_core::Secret;
    use wechat_core::callback::{CallbackHandler, Platform};
    const KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    // Official Account, safe mode: encrypted push, encrypted reply, decrypted here.
    let handler = CallbackHandler::new(Platform::OfficialAccount, Secret::new("bot-token"))
        .with_aes_key(KEY, "wxbotapp")
        .unwrap();
    let (url, thread) = bot(handler);
    let r = run(
        &[],
        &[
            "callback",
            "simulate",
            "--url",
            &url,
            "--token",
            "bot-token",
            "--encoding-aes-key",
            KEY,
            "--appid",
            "wxbotapp",
            "--text",
            "hello <bot> ]]>",
        ],
    );
    thread.join().unwrap();
    r.ok().never_shows(&[KEY, "bot-token"]);
    assert!(r.stdout.contains("echo: hello <bot> ]]"), "{r:#?}");
    assert!(
        r.stdout.contains("<MsgType><![CDATA[text]]></MsgType>"),
        "{r:#?}"
    );

    // Plain mode, an event.
    let (url, thread) = bot(CallbackHandler::new(
        Platform::OfficialAccount,
        Secret::new("bot-token"),
    ));
    let r = run(
        &[],
        &[
            "callback",
            "simulate",
            "--url",
            &url,
            "--token",
            "bot-token",
            "--event",
            "CLICK",
            "--event-key",
            "V1",
        ],
    );
    thread.join().unwrap();
    assert!(r.ok().stdout.contains("got event"), "{r:#?}");

    // WeCom: always encrypted, msg_signature only.
    let handler = CallbackHandler::new(Platform::WeCom, Secret::new("bot-token"))
        .with_aes_key(KEY, "wwcorp")
        .unwrap();
    let (url, thread) = bot(handler);
    let r = run(
        &[],
        &[
            "--platform",
            "work",
            "callback",
            "simulate",
            "--url",
            &url,
            "--token",
            "bot-token",
            "--encoding-aes-key",
            KEY,
            "--appid",
            "wwcorp",
            "--text",
            "hi",
        ],
    );
    thread.join().unwrap();
    assert!(r.ok().stdout.contains("echo: hi"), "{r:#?}");

    // A wrong token: the bot refuses, the command says so in one line.
    let (url, thread) = bot(CallbackHandler::new(
        Platform::OfficialAccount,
        Secret::new("bot-token"),
    ));
    let r = run(
        &[],
        &[
            "callback",
            "simulate",
            "--url",
            &url,
            "--token",
            "wrong-bot-token",
            "--text",
            "x",
        ],
    );
    thread.join().unwrap();
    r.fails_with("the bot answered HTTP")
        .never_shows(&["wrong-bot-token"]);
    run(
        &[],
        &[
            "--platform",
            "work",
            "callback",
            "simulate",
            "--url",
            "http://127.0.0.1:1/",
            "--token",
            "t",
            "--text",
            "x",
        ],
    )
    .fails_with("always encrypted");
}

#[test]
fn build_prints_the_request_with_a_token_placeholder() {
    let menu = r#"{"button":[{"type":"click","name":"Today","key":"V1001_TODAY"}]}"#;
    let r = run(&[], &["build", "/cgi-bin/menu/create", "--json", menu]);
    r.ok();
    let mut lines = r.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("POST https://api.weixin.qq.com/cgi-bin/menu/create?access_token=ACCESS_TOKEN")
    );
    assert_eq!(lines.next(), Some("content-type: application/json"));
    assert_eq!(lines.next(), Some(""));
    let body: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
    assert_eq!(
        body,
        serde_json::from_str::<serde_json::Value>(menu).unwrap()
    );
    // A path WeCom shares: the entry on the host of `--platform`.
    let r = run(
        &[],
        &[
            "--platform",
            "work",
            "build",
            "/cgi-bin/menu/create",
            "--json",
            r#"{"agentid":1000002,"button":[]}"#,
        ],
    );
    assert!(
        r.ok().stdout.starts_with(
            "POST https://qyapi.weixin.qq.com/cgi-bin/menu/create?access_token=ACCESS_TOKEN&agentid=1000002"
        ),
        "{r:#?}"
    );
    // By its Rust type, with the query as an object.
    run(
        &[],
        &[
            "build",
            "wechat_core::api::oa::user::GetUserInfo",
            "--json",
            r#"{"openid":"o1","lang":"zh_CN"}"#,
        ],
    )
    .ok();
    let r = run(
        &[],
        &["build", "GetUserInfo", "--json", r#"{"openid":"o1"}"#],
    );
    assert!(
        r.ok().stdout.starts_with(
            "GET https://api.weixin.qq.com/cgi-bin/user/info?access_token=ACCESS_TOKEN&openid=o1"
        ),
        "{r:#?}"
    );
}

fn hmac_hex(key: &str, message: &str) -> String {
    use hmac::Mac;
    let mut mac = hmac::Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(message.as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

#[test]
fn build_signs_virtual_payment_calls() {
    const APP_KEY: &str = "SANDBOX-APPKEY";
    const SESSION_KEY: &str = "9hAb/NEYUlkaMBEsmFgzig==";
    let env = [("WECHAT_XPAY_APPKEY", APP_KEY)];
    let json = r#"{"openid":"oUser","env":1,"user_ip":"1.1.1.1"}"#;
    let r = run(
        &env,
        &[
            "--platform",
            "mp",
            "build",
            "/xpay/query_user_balance",
            "--json",
            json,
            "--session-key",
            SESSION_KEY,
        ],
    );
    r.ok().never_shows(&[APP_KEY, SESSION_KEY]);
    // The signatures, checked by hand over the body as printed (the bytes sent).
    let body = r.stdout.lines().last().unwrap();
    assert_eq!(
        r.stdout.lines().next().unwrap(),
        format!(
            "POST https://api.weixin.qq.com/xpay/query_user_balance?access_token=ACCESS_TOKEN\
             &signature={}&pay_sig={}",
            hmac_hex(SESSION_KEY, body),
            hmac_hex(APP_KEY, &format!("/xpay/query_user_balance&{body}"))
        )
    );
    // A call made for no user: pay_sig alone.
    let json = r#"{"env":1}"#;
    let r = run(
        &env,
        &[
            "--platform",
            "mp",
            "build",
            "/xpay/query_upload_goods",
            "--json",
            json,
        ],
    );
    let body = r.ok().stdout.lines().last().unwrap().to_owned();
    assert!(
        r.stdout.starts_with(&format!(
            "POST https://api.weixin.qq.com/xpay/query_upload_goods?access_token=ACCESS_TOKEN&pay_sig={}\n",
            hmac_hex(APP_KEY, &format!("/xpay/query_upload_goods&{body}"))
        )),
        "{r:#?}"
    );
    // What is missing is named.
    let balance = [
        "build",
        "/xpay/query_user_balance",
        "--json",
        r#"{"openid":"o","env":1,"user_ip":"1.1.1.1"}"#,
    ];
    run(&env, &balance).fails_with("--session-key");
    run(&[], &balance).fails_with("WECHAT_XPAY_APPKEY");
    run(
        &env,
        &[
            "build",
            "GetUserInfo",
            "--json",
            r#"{"openid":"o1"}"#,
            "--session-key",
            SESSION_KEY,
        ],
    )
    .fails_with("virtual payment")
    .never_shows(&[SESSION_KEY]);
}

#[test]
fn build_errors_name_the_endpoint_and_the_field() {
    run(&[], &["build", "GetUserInf", "--json", "{}"])
        .fails_with("did you mean: wechat_core::api::oa::user::GetUserInfo");
    run(
        &[],
        &["build", "/cgi-bin/user/info", "--json", r#"{"openid":"#],
    )
    .fails_with("--json is not valid JSON");
    run(
        &[],
        &["build", "/cgi-bin/user/info", "--json", r#"{"openid":5}"#],
    )
    .fails_with("at `openid`");
    run(&[], &["build", "/cgi-bin/media/upload", "--json", "{}"])
        .fails_with("not buildable from JSON");
}

#[test]
fn parse_prints_the_typed_answer_and_keeps_every_field() {
    let answer = r#"{"subscribe":1,"openid":"o1","nickname":"Band","headimgurl":"http://x/0","tagid_list":[2],"new_field":{"a":1}}"#;
    let r = run_with_stdin(&[], &["parse", "/cgi-bin/user/info"], answer);
    let typed: serde_json::Value = serde_json::from_str(&r.ok().stdout).unwrap();
    assert_eq!(typed["nickname"], "Band");
    assert_eq!(typed["new_field"]["a"], 1);
    assert_eq!(typed["tagid_list"][0], 2);
    let dir = std::env::temp_dir().join(format!("wechat-parse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("answer.json");
    std::fs::write(&file, answer).unwrap();
    let from_file = run(&[], &["parse", "GetUserInfo", file.to_str().unwrap()]);
    assert_eq!(from_file.ok().stdout, r.stdout);
    let _ = std::fs::remove_dir_all(&dir);
    // Secrets stay redacted.
    let token = run_with_stdin(
        &[],
        &[
            "parse",
            "wechat_core::token::endpoints::GetStableAccessToken",
        ],
        r#"{"access_token":"SECRET_TOKEN_VALUE","expires_in":7200}"#,
    );
    token.ok().never_shows(&["SECRET_TOKEN_VALUE"]);
    assert!(token.stdout.contains("[redacted]"), "{token:#?}");
}

#[test]
fn parse_errors_exit_1_naming_the_field_or_the_errcode() {
    let parse = |name: &str, body: &str| run_with_stdin(&[], &["parse", name], body);
    parse(
        "/cgi-bin/user/info",
        r#"{"errcode":40001,"errmsg":"invalid credential"}"#,
    )
    .fails_with("40001");
    parse(
        "/cgi-bin/user/info",
        r#"{"errcode":"40003","errmsg":"invalid openid"}"#,
    )
    .fails_with("40003");
    parse("/cgi-bin/user/info", r#"{"subscribe":"#).fails_with("line 1 column");
    parse("/cgi-bin/user/info", r#"{"subscribe":1,"openid":5}"#)
        .fails_with("at `openid`: invalid type: integer `5`, expected a string");
    parse("/cgi-bin/user/inf", "{}").fails_with("did you mean");
}
