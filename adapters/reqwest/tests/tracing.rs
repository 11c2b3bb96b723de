//! Traces of the reqwest adapter hold no secret and no token. A test binary of its own: the
//! subscriber is global, so no other test's callsites can race with it.

use std::io::Write;
use std::sync::{Arc, Mutex};

use wechat_core::RetryPolicy;
use wechat_core::api::oa::basic::GetApiDomainIp;
use wechat_emulator::{Emulator, Fault};
use wechat_reqwest::official_account;

const IP_PATH: &str = "/cgi-bin/get_api_domain_ip";

fn fast_retry() -> RetryPolicy {
    RetryPolicy {
        max_retries: 2,
        base_delay_ms: 5,
        max_delay_ms: 20,
    }
}

/// A `MakeWriter` into a shared buffer.
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

#[test]
fn traces_hold_no_secret_or_token() {
    // The emulator runs on a thread of its own: only the SDK's events are captured here.
    let emu = Emulator::builder()
        .app("wxtraced", "traced-app-secret-value")
        .start_blocking()
        .unwrap();
    let out = Captured::default();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(out.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();

    let mut secrets = vec!["traced-app-secret-value".to_owned()];
    let mut errors = Vec::new();
    rt.block_on(async {
        let client = official_account("wxtraced", "traced-app-secret-value")
            .api_base(emu.base_url())
            .retry(fast_retry())
            .build()
            .unwrap();
        client.call(&GetApiDomainIp {}).await.unwrap();
        let token = client.token().await.unwrap();
        secrets.push(token.expose().to_owned());
        emu.reject_token(token.expose());
        client.call(&GetApiDomainIp {}).await.unwrap();
        secrets.push(client.token().await.unwrap().expose().to_owned());
        emu.inject(Fault::system_busy().on_path(IP_PATH));
        client.call(&GetApiDomainIp {}).await.unwrap();
        emu.inject(Fault::quota_exceeded().on_path(IP_PATH));
        errors.push(client.call(&GetApiDomainIp {}).await.unwrap_err());
        emu.clear_faults();

        let classic = official_account("wxtraced", "traced-app-secret-value")
            .api_base(emu.base_url())
            .classic_token()
            .build()
            .unwrap();
        secrets.push(classic.token().await.unwrap().expose().to_owned());
        let wrong = official_account("wxtraced", "wrong-traced-secret")
            .api_base(emu.base_url())
            .classic_token()
            .build()
            .unwrap();
        secrets.push("wrong-traced-secret".to_owned());
        errors.push(wrong.token().await.unwrap_err());
        errors.push(wrong.call(&GetApiDomainIp {}).await.unwrap_err());
        secrets.extend(
            emu.requests()
                .iter()
                .flat_map(|r| r.query.iter())
                .filter(|(k, _)| k == "access_token")
                .map(|(_, v)| v.clone())
                .filter(|v| v != "[redacted]"),
        );
        let debug = format!("{client:?} {classic:?} {wrong:?}");
        for s in &secrets {
            assert!(!debug.contains(s.as_str()), "client Debug shows a secret");
        }
    });
    emu.shutdown_blocking();

    let text = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
    let errors: String = errors.iter().map(|e| format!("{e} {e:?}\n")).collect();
    assert!(text.contains("wechat.http"), "{text}");
    assert!(text.contains("GetStableAccessToken"), "{text}");
    assert!(text.contains("token_refresh"), "{text}");
    assert!(text.contains("token rejected; refreshing once"), "{text}");
    assert!(text.contains("retrying"), "{text}");
    assert!(secrets.len() >= 4);
    for s in &secrets {
        assert!(!s.is_empty());
        assert!(
            !text.contains(s.as_str()),
            "a secret or token is in the trace:\n{text}"
        );
        assert!(
            !errors.contains(s.as_str()),
            "a secret or token is in an error:\n{errors}"
        );
    }
}
