//! `wechat pay` against the emulator's WeChat Pay v3, with its test keys: signed calls whose
//! answers are verified, notifications verified and decrypted (or refused, saying why), the
//! platform certificates, PKCS#12 keys, missing variables.

use std::time::Duration;

use wechat_emulator::{Emulator, EmulatorHandle, PayNotification, PaySigningKey, pay_demo};

use super::{Run, run, run_with_stdin};

/// A file of the emulator's test keys.
fn key(name: &str) -> String {
    format!(
        "{}/../../tests/emulator/keys/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The demo merchant, trusting the WeChat Pay public key.
fn pay_env(emu: &EmulatorHandle) -> Vec<(&'static str, String)> {
    vec![
        ("WECHAT_PAY_MCHID", pay_demo::MCHID.to_owned()),
        ("WECHAT_PAY_SERIAL", pay_demo::SERIAL_NO.to_owned()),
        ("WECHAT_PAY_PRIVATE_KEY", key("merchant_key.pem")),
        ("WECHAT_PAY_APIV3_KEY", pay_demo::APIV3_KEY.to_owned()),
        ("WECHAT_PAY_PUBLIC_KEY", key("wechatpay_pubkey.pem")),
        (
            "WECHAT_PAY_PUBLIC_KEY_ID",
            emu.pay_public_key_id().to_owned(),
        ),
        ("WECHAT_PAY_API_BASE", emu.base_url().to_owned()),
    ]
}

/// `env` with `name` set to `value` (or removed, when `None`).
fn with(
    env: &[(&'static str, String)],
    name: &'static str,
    value: Option<&str>,
) -> Vec<(&'static str, String)> {
    let mut out: Vec<_> = env.iter().filter(|(k, _)| *k != name).cloned().collect();
    if let Some(v) = value {
        out.push((name, v.to_owned()));
    }
    out
}

fn pay(env: &[(&'static str, String)], args: &[&str]) -> Run {
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut all = vec!["pay"];
    all.extend_from_slice(args);
    run(&env, &all)
}

fn pay_stdin(env: &[(&'static str, String)], args: &[&str], stdin: &str) -> Run {
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut all = vec!["pay"];
    all.extend_from_slice(args);
    run_with_stdin(&env, &all, stdin)
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {run:#?}"))
}

fn order_body(out_trade_no: &str) -> String {
    serde_json::json!({
        "appid": pay_demo::APPID,
        "mchid": pay_demo::MCHID,
        "description": "shop-goods",
        "out_trade_no": out_trade_no,
        "notify_url": "https://shop.example/pay/notify",
        "amount": {"total": 888, "currency": "CNY"},
        "payer": {"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
    })
    .to_string()
}

fn query_path(out_trade_no: &str) -> String {
    format!(
        "/v3/pay/transactions/out-trade-no/{out_trade_no}?mchid={}",
        pay_demo::MCHID
    )
}

fn secrets() -> [&'static str; 1] {
    [pay_demo::APIV3_KEY]
}

#[test]
fn pay_call_creates_and_queries_a_jsapi_order() {
    let emu = Emulator::builder().start_blocking().unwrap();
    emu.set_pay_signing_key(PaySigningKey::PublicKey);
    let env = pay_env(&emu);

    let r = pay(
        &env,
        &[
            "call",
            "POST",
            "/v3/pay/transactions/jsapi",
            "--json",
            &order_body("cli-order-1"),
        ],
    );
    r.ok().never_shows(&secrets());
    assert!(
        json(&r)["prepay_id"]
            .as_str()
            .is_some_and(|p| !p.is_empty()),
        "{r:#?}"
    );
    let r = pay(&env, &["-v", "call", "get", &query_path("cli-order-1")]);
    // Even with -v: no key, no signature.
    let key_line = pay_demo::PRIVATE_KEY_PEM.lines().nth(1).unwrap();
    r.ok()
        .never_shows(&secrets())
        .never_shows(&[key_line, "signature=", "WECHATPAY2-SHA256"]);
    assert!(
        r.stderr.contains("wechat.http"),
        "-v logs the request: {r:#?}"
    );
    let order = json(&r);
    assert_eq!(order["trade_state"], "NOTPAY", "{r:#?}");
    assert_eq!(order["out_trade_no"], "cli-order-1");
    assert!(
        r.stdout.contains("\n  \"trade_state\""),
        "pretty JSON: {r:#?}"
    );

    // The same merchant with its key from apiclient_cert.p12 (legacy and AES), password the
    // merchant id; the platform certificate trusted instead of the public key.
    emu.set_pay_signing_key(PaySigningKey::Certificate);
    let cert_env = with(
        &with(
            &env,
            "WECHAT_PAY_PUBLIC_KEY",
            Some(&key("platform_cert.pem")),
        ),
        "WECHAT_PAY_PUBLIC_KEY_ID",
        Some(emu.pay_platform_serial()),
    );
    for p12 in ["merchant_legacy.p12", "merchant_aes.p12"] {
        let p12_env = with(&cert_env, "WECHAT_PAY_PRIVATE_KEY", Some(&key(p12)));
        let r = pay(&p12_env, &["call", "GET", &query_path("cli-order-1")]);
        assert_eq!(json(r.ok())["trade_state"], "NOTPAY");
        let wrong = with(&p12_env, "WECHAT_PAY_PKCS12_PASSWORD", Some("1900000108"));
        pay(&wrong, &["call", "GET", &query_path("cli-order-1")])
            .fails_with("wrong password")
            .never_shows(&["1900000108", "PRIVATE KEY"]);
    }

    // WeChat Pay's error answers: exit 1, the code and the message.
    pay(&cert_env, &["call", "GET", &query_path("no-such-order")])
        .fails_with("ORDER_NOT_EXIST")
        .fails_with("订单不存在");
    // An answer signed by a key the merchant does not know, or that does not verify.
    pay(&env, &["call", "GET", &query_path("cli-order-1")])
        .fails_with("unknown WeChat Pay key")
        .fails_with(emu.pay_platform_serial());
    emu.set_pay_signing_key(PaySigningKey::PublicKey);
    let wrong_key = with(
        &env,
        "WECHAT_PAY_PUBLIC_KEY",
        Some(&key("platform_public.pem")),
    );
    pay(&wrong_key, &["call", "GET", &query_path("cli-order-1")])
        .fails_with("signature does not verify")
        .never_shows(&secrets());
    pay(&env, &["call", "GET", "/v3/x", "--json", "{}"]).fails_with("GET");
    pay(&env, &["call", "POST", "/v3/x", "--json", "{"]).fails_with("--json");
    pay(&env, &["call", "HEAD", "/v3/x"]).fails_with("METHOD");
    emu.shutdown_blocking();
}

/// A JSAPI order of the demo merchant, through the command.
fn order(env: &[(&'static str, String)], out_trade_no: &str) {
    pay(
        env,
        &[
            "call",
            "POST",
            "/v3/pay/transactions/jsapi",
            "--json",
            &order_body(out_trade_no),
        ],
    )
    .ok();
}

/// The payer pays `out_trade_no`: the emulator's signed notification, pushed to nowhere.
fn paid(emu: &EmulatorHandle, out_trade_no: &str) -> PayNotification {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let pushed = runtime
        .block_on(emu.pay_order(pay_demo::MCHID, out_trade_no, Some("http://127.0.0.1:9/")))
        .unwrap();
    assert_eq!(pushed.status, None, "nobody listens: {}", pushed.answer);
    pushed
}

/// The notification as the merchant's server received it.
fn http_request(n: &PayNotification, request_line: bool, body: &str) -> String {
    let mut out = String::new();
    if request_line {
        out.push_str("POST /pay/notify HTTP/1.1\r\nHost: shop.example\r\n");
    }
    for (k, v) in &n.headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str(&format!(
        "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    ));
    out
}

#[test]
fn pay_notify_verifies_decrypts_and_says_why_it_refuses() {
    let emu = Emulator::builder().start_blocking().unwrap();
    emu.set_pay_signing_key(PaySigningKey::PublicKey);
    let env = pay_env(&emu);
    order(&env, "cli-order-2");
    order(&env, "cli-order-3");
    let n = paid(&emu, "cli-order-2");
    let body = String::from_utf8(n.body.clone()).unwrap();

    // Verifying needs no private key: the APIv3 key and WeChat Pay's key only.
    let verify_env: Vec<_> = env
        .iter()
        .filter(|(k, _)| {
            [
                "WECHAT_PAY_APIV3_KEY",
                "WECHAT_PAY_PUBLIC_KEY",
                "WECHAT_PAY_PUBLIC_KEY_ID",
            ]
            .contains(k)
        })
        .cloned()
        .collect();
    let r = pay_stdin(&verify_env, &["notify"], &http_request(&n, true, &body));
    r.ok().never_shows(&secrets());
    let resource = json(&r);
    assert_eq!(resource, n.resource, "{r:#?}");
    assert_eq!(resource["out_trade_no"], "cli-order-2");
    assert_eq!(resource["trade_state"], "SUCCESS");

    // Headers and body only, from a file, with the newline an editor adds.
    let file = format!("{}/notify-cli-order-2.http", env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(&file, format!("{}\n", http_request(&n, false, &body))).unwrap();
    assert_eq!(json(pay(&env, &["notify", &file]).ok()), n.resource);

    // Tampered: refused, naming the signature.
    let forged = body.replacen("TRANSACTION.SUCCESS", "TRANSACTION.SUCCES5", 1);
    let r = pay_stdin(&env, &["notify"], &http_request(&n, true, &forged));
    r.fails_with("signature");
    // A wrong APIv3 key: verified, but the resource does not decrypt.
    let wrong = with(
        &env,
        "WECHAT_PAY_APIV3_KEY",
        Some("ZZZZZZZZZZ0123456789abcdefghijkl"),
    );
    pay_stdin(&wrong, &["notify"], &http_request(&n, true, &body))
        .fails_with("does not decrypt")
        .never_shows(&["ZZZZZZZZZZ0123456789abcdefghijkl"]);
    // WeChat Pay's key unknown: the serial is named.
    let other = with(&env, "WECHAT_PAY_PUBLIC_KEY_ID", Some("PUB_KEY_ID_OTHER"));
    pay_stdin(&other, &["notify"], &http_request(&n, true, &body))
        .fails_with("unknown WeChat Pay key");
    // Stale: the emulator's clock ten minutes ahead.
    emu.advance(Duration::from_secs(600));
    let late = paid(&emu, "cli-order-3");
    let late_body = String::from_utf8(late.body.clone()).unwrap();
    pay_stdin(&env, &["notify"], &http_request(&late, true, &late_body)).fails_with("timestamp");
    // Not a request at all.
    pay_stdin(&env, &["notify"], &body).fails_with("not an HTTP request");
    emu.shutdown_blocking();
}

#[test]
fn pay_certificates_prints_the_platform_certificate() {
    let emu = Emulator::builder().start_blocking().unwrap();
    emu.set_pay_signing_key(PaySigningKey::PublicKey);
    let env = pay_env(&emu);
    let r = pay(&env, &["certificates"]);
    r.ok().never_shows(&secrets());
    assert!(
        r.stdout
            .starts_with(&format!("serial_no: {}\n", emu.pay_platform_serial())),
        "{r:#?}"
    );
    assert!(r.stdout.contains("effective_time: "), "{r:#?}");
    assert!(r.stdout.contains("expire_time: "), "{r:#?}");
    assert!(
        r.stdout.contains(emu.pay_platform_certificate_pem().trim()),
        "{r:#?}"
    );
    emu.shutdown_blocking();
}

#[test]
fn pay_names_the_missing_variable() {
    let emu = Emulator::builder().start_blocking().unwrap();
    let env = pay_env(&emu);
    for name in [
        "WECHAT_PAY_MCHID",
        "WECHAT_PAY_SERIAL",
        "WECHAT_PAY_PRIVATE_KEY",
        "WECHAT_PAY_APIV3_KEY",
        "WECHAT_PAY_PUBLIC_KEY",
        "WECHAT_PAY_PUBLIC_KEY_ID",
    ] {
        pay(&with(&env, name, None), &["certificates"]).fails_with(&format!("{name} is not set"));
    }
    pay_stdin(
        &with(&env, "WECHAT_PAY_APIV3_KEY", None),
        &["notify"],
        "A: b\n\n{}",
    )
    .fails_with("WECHAT_PAY_APIV3_KEY is not set");
    pay(
        &with(&env, "WECHAT_PAY_PRIVATE_KEY", Some("/nonexistent/key.pem")),
        &["certificates"],
    )
    .fails_with("WECHAT_PAY_PRIVATE_KEY: cannot read /nonexistent/key.pem");
    pay(
        &with(
            &env,
            "WECHAT_PAY_PRIVATE_KEY",
            Some(&key("merchant_public.pem")),
        ),
        &["certificates"],
    )
    .fails_with("WECHAT_PAY_PRIVATE_KEY");
    emu.shutdown_blocking();
}

#[test]
fn pay_notify_reads_v2_notifications_with_the_api_key() {
    use wechat_core::Secret;
    use wechat_core::api::pay::v2::{PayV2Signer, UnifiedOrder};
    use wechat_emulator::pay_v2::demo;

    let emu = Emulator::builder().start_blocking().unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let signer = PayV2Signer::new(demo::MCH_ID, pay_demo::APPID, Secret::new(demo::API_KEY));
    let client = wechat_reqwest::merchant(signer.auth())
        .api_base(emu.base_url())
        .build()
        .unwrap();
    let order = UnifiedOrder::jsapi(
        "shop-goods",
        "cli-v2-order",
        888,
        "127.0.0.1",
        "https://shop.example/pay/notify",
        "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
    );
    runtime.block_on(client.call(&order)).unwrap();
    let n = emu.pay_v2_pay(demo::MCH_ID, "cli-v2-order").unwrap();
    let env = vec![
        ("WECHAT_PAY_MCHID", demo::MCH_ID.to_owned()),
        ("WECHAT_PAY_API_KEY", demo::API_KEY.to_owned()),
    ];
    let request =
        |body: &str| format!("POST /pay/notify HTTP/1.1\r\nContent-Type: text/xml\r\n\r\n{body}");
    let r = pay_stdin(&env, &["notify"], &request(&n.body));
    r.ok().never_shows(&[demo::API_KEY]);
    let paid = json(&r);
    assert_eq!(paid["out_trade_no"], "cli-v2-order", "{r:#?}");
    assert_eq!(paid["total_fee"], 888, "{r:#?}");
    let forged = n.body.replace("<total_fee>888<", "<total_fee>1<");
    pay_stdin(&env, &["notify"], &request(&forged))
        .fails_with("sign does not match")
        .never_shows(&[demo::API_KEY]);
    pay_stdin(
        &with(&env, "WECHAT_PAY_API_KEY", None),
        &["notify"],
        &request(&n.body),
    )
    .fails_with("WECHAT_PAY_API_KEY is not set");
    emu.shutdown_blocking();
}
