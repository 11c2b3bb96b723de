//! Printing: results on stdout, one-line errors and warnings on stderr, secrets scrubbed from both.

use std::io::Write;
use std::sync::Arc;

/// Why a command failed. Both print as one line and exit with status 1.
#[derive(Debug)]
pub enum Failure {
    /// The SDK failed or WeChat said no (the message names the errcode).
    Api(wechat_core::Error),
    /// Bad arguments, environment or input.
    Input(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Api(e) => write!(f, "{e}"),
            Failure::Input(msg) => f.write_str(msg),
        }
    }
}

impl From<wechat_core::Error> for Failure {
    fn from(e: wechat_core::Error) -> Self {
        Failure::Api(e)
    }
}

/// Values that must never reach the terminal: the secrets from the environment and the Redis URL
/// (it may hold a password). A last line of defence: the SDK already keeps them out of errors.
#[derive(Clone, Debug, Default)]
pub struct Secrets(Arc<Vec<String>>);

impl Secrets {
    pub fn from_env() -> Self {
        let values = [
            "WECHAT_SECRET",
            "WECHAT_CORPSECRET",
            "WECHAT_REDIS_URL",
            "WECHAT_TOKEN",
            "WECHAT_ENCODING_AES_KEY",
            "WECHAT_XPAY_APPKEY",
        ]
        .iter()
        .chain(crate::pay::SECRET_VARS)
        .filter_map(|k| std::env::var(k).ok())
        .filter(|v| v.len() >= 4)
        .collect();
        Self(Arc::new(values))
    }

    /// Adds values given on the command line (a callback token, an EncodingAESKey).
    pub fn with(self, more: Vec<String>) -> Self {
        let mut values = (*self.0).clone();
        values.extend(more.into_iter().filter(|v| v.len() >= 4));
        Self(Arc::new(values))
    }

    pub fn scrub(&self, text: &str) -> String {
        let mut out = text.to_owned();
        for s in self.0.iter() {
            if out.contains(s.as_str()) {
                out = out.replace(s.as_str(), "[redacted]");
            }
        }
        out
    }
}

/// Prints an error as one line on stderr.
pub fn error_line(secrets: &Secrets, message: &str) {
    let one_line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    let _ = writeln!(
        std::io::stderr().lock(),
        "wechat: {}",
        secrets.scrub(&one_line)
    );
}

/// Prints a result on stdout. A closed pipe (`wechat endpoints | head`) is not an error.
pub fn print(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out
        .write_all(text.as_bytes())
        .and_then(|()| {
            if text.ends_with('\n') {
                Ok(())
            } else {
                out.write_all(b"\n")
            }
        })
        .and_then(|()| out.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Input(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}

/// A panic is a bug: one scrubbed line, exit status 1 (see `main`).
pub fn install_panic_hook(secrets: Secrets) {
    std::panic::set_hook(Box::new(move |info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        error_line(
            &secrets,
            &format!("internal error (please report it): {what}"),
        );
    }));
}

/// Warnings (a Redis that is down, a retry) on stderr; with `--verbose`, requests and refreshes too.
pub fn init_logging(verbose: bool, secrets: Secrets) {
    let level = if verbose {
        tracing::Level::DEBUG
    } else {
        tracing::Level::WARN
    };
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(level)
        .with_ansi(false)
        .with_target(verbose)
        .without_time()
        .with_writer(move || ScrubbedStderr(secrets.clone()))
        .finish();
    let _ = tracing::subscriber::set_global_default(subscriber);
}

struct ScrubbedStderr(Secrets);

impl Write for ScrubbedStderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = self.0.scrub(&String::from_utf8_lossy(buf));
        std::io::stderr().lock().write_all(text.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}
