//! `wechat`: the WeChat SDK on the command line.
//!
//! Credentials come from the environment (`WECHAT_APPID` / `WECHAT_SECRET`; with `--platform work`,
//! `WECHAT_CORPID` / `WECHAT_CORPSECRET`), `WECHAT_API_BASE` points every host at one base URL, and
//! `WECHAT_REDIS_URL` shares tokens through Redis (otherwise they live in this process's memory
//! only, never on disk). Exit status: 0 on success, 1 on an API or input error, with a one-line
//! message. Secrets are never printed; a token only by `wechat token`, which is its job.

#![forbid(unsafe_code)]

mod api;
mod callback;
mod output;
mod pay;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use wechat_core::Secret;

use crate::output::Failure;

#[derive(Parser, Debug)]
#[command(
    name = "wechat",
    version,
    about = "WeChat server APIs from the command line",
    after_help = "Environment: WECHAT_PLATFORM; WECHAT_APPID, WECHAT_SECRET (oa, mp); WECHAT_CORPID, \
                  WECHAT_CORPSECRET (work); WECHAT_API_BASE; WECHAT_REDIS_URL (share tokens through \
                  Redis); WECHAT_TOKEN, WECHAT_ENCODING_AES_KEY (callbacks); WECHAT_XPAY_APPKEY \
                  (signs `build` of virtual payment calls); WECHAT_PAY_MCHID, WECHAT_PAY_SERIAL, \
                  WECHAT_PAY_PRIVATE_KEY, WECHAT_PAY_APIV3_KEY, WECHAT_PAY_PUBLIC_KEY, \
                  WECHAT_PAY_PUBLIC_KEY_ID, WECHAT_PAY_API_BASE (`wechat pay`)."
)]
struct Cli {
    /// Which kind of account the credentials belong to.
    #[arg(long, env = "WECHAT_PLATFORM", value_enum, default_value_t = Platform::Oa, global = true)]
    platform: Platform,

    /// Point every WeChat host at this base URL (a proxy, the emulator). Also WECHAT_API_BASE.
    #[arg(long, global = true, value_name = "URL")]
    api_base: Option<String>,

    /// Names the WeCom app in token store keys (default: derived from the corp id and secret).
    #[arg(long, global = true, value_name = "NAME")]
    agent: Option<String>,

    /// Log requests and token refreshes to stderr (never secrets or tokens).
    #[arg(short, long, global = true)]
    verbose: bool,

    #[command(subcommand)]
    command: Command,
}

/// A kind of account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Platform {
    /// Official Account (公众号).
    Oa,
    /// Mini Program (小程序).
    Mp,
    /// WeCom (企业微信) self-built app.
    Work,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the access token (the stable token by default).
    Token(TokenArgs),
    /// Call any API with the access token: the escape hatch. Prints the response JSON.
    Call(CallArgs),
    /// Callback crypto: verify a URL, decrypt a push, encrypt a reply.
    #[command(subcommand)]
    Crypto(callback::CryptoCommand),
    /// Callback messages: parse one, or push one to a bot.
    #[command(subcommand)]
    Callback(callback::CallbackCommand),
    /// Run the WeChat API emulator on loopback until Ctrl-C.
    Emulator(EmulatorArgs),
    /// List the endpoints the SDK knows: area, method, URL, credential, Rust type.
    Endpoints(EndpointsArgs),
    /// Print the HTTP request the SDK would send for an endpoint (the token as ACCESS_TOKEN).
    Build(BuildArgs),
    /// Read an endpoint's answer (a file, or standard input) and print the typed value as JSON.
    Parse(ParseArgs),
    /// WeChat Pay v3 as a merchant: signed calls, notifications, platform certificates.
    #[command(subcommand)]
    Pay(pay::PayCommand),
}

#[derive(Args, Debug)]
struct BuildArgs {
    /// The endpoint: its Rust type as `wechat endpoints` lists it, or its API path.
    name: String,
    /// The request as WeChat's documents write it: the JSON body, or the query as an object.
    #[arg(long, value_name = "JSON", default_value = "{}")]
    json: String,
    /// Virtual payment (`/xpay/...`) calls made for a user: the user's session_key, the key of
    /// their `signature`. The AppKey of `pay_sig` comes from WECHAT_XPAY_APPKEY.
    #[arg(long, value_name = "KEY")]
    session_key: Option<String>,
}

#[derive(Args, Debug)]
struct ParseArgs {
    /// The endpoint: its Rust type as `wechat endpoints` lists it, or its API path.
    name: String,
    /// The answer's body (default: standard input).
    file: Option<std::path::PathBuf>,
}

#[derive(Args, Debug)]
struct TokenArgs {
    /// Use the classic `cgi-bin/token` (each fetch retires the previous token).
    #[arg(long)]
    classic: bool,
    /// Get a new token even if the current one is still valid.
    #[arg(long)]
    force_refresh: bool,
}

#[derive(Args, Debug)]
struct CallArgs {
    /// GET or POST.
    method: String,
    /// The path, e.g. /cgi-bin/get_api_domain_ip (a query string and a full URL are accepted).
    path: String,
    /// A query parameter, k=v (repeatable). The access token is added for you.
    #[arg(long = "query", short = 'q', value_name = "K=V")]
    query: Vec<String>,
    /// The JSON body.
    #[arg(long, value_name = "BODY", conflicts_with = "json_file")]
    json: Option<String>,
    /// Read the JSON body from a file (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    json_file: Option<std::path::PathBuf>,
}

#[derive(Args, Debug)]
struct EmulatorArgs {
    /// The port on 127.0.0.1 (0: a free one).
    #[arg(long, short, default_value_t = 8900)]
    port: u16,
}

#[derive(Args, Debug)]
struct EndpointsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Tsv)]
    format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Tab-separated, with a header line.
    Tsv,
    /// A JSON array.
    Json,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            use clap::error::ErrorKind;
            let _ = e.print();
            return match e.kind() {
                ErrorKind::DisplayHelp
                | ErrorKind::DisplayVersion
                | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => ExitCode::SUCCESS,
                _ => ExitCode::FAILURE,
            };
        }
    };
    let (crypto, callback) = match &cli.command {
        Command::Crypto(c) => (Some(c), None),
        Command::Callback(c) => (None, Some(c)),
        _ => (None, None),
    };
    let mut given = callback::secrets_in(crypto, callback);
    if let Command::Build(BuildArgs {
        session_key: Some(key),
        ..
    }) = &cli.command
    {
        given.push(key.clone());
    }
    let secrets = output::Secrets::from_env().with(given);
    output::init_logging(cli.verbose, secrets.clone());
    output::install_panic_hook(secrets.clone());
    let outcome = std::panic::catch_unwind(|| run(cli));
    match outcome {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(failure)) => {
            output::error_line(&secrets, &failure.to_string());
            ExitCode::FAILURE
        }
        // The panic hook already printed one scrubbed line.
        Err(_) => ExitCode::FAILURE,
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Input(format!("cannot start the async runtime: {e}")))?;
    let env = api::Env::read(&cli);
    runtime.block_on(async move {
        match cli.command {
            Command::Token(args) => api::token(&env, cli.platform, args).await,
            Command::Call(args) => api::call(&env, cli.platform, args).await,
            Command::Emulator(args) => api::emulator(args.port).await,
            Command::Endpoints(args) => api::endpoints(&env, args.format),
            Command::Build(args) => api::build(
                &env,
                cli.platform,
                &args.name,
                &args.json,
                args.session_key.map(Secret::new),
            ),
            Command::Parse(args) => api::parse(cli.platform, &args.name, args.file.as_deref()),
            Command::Pay(c) => pay::run(cli.api_base.as_deref(), c).await,
            Command::Crypto(c) => callback::crypto(c),
            Command::Callback(callback::CallbackCommand::Parse) => callback::parse(),
            Command::Callback(callback::CallbackCommand::Simulate(args)) => {
                callback::simulate(cli.platform, cli.agent.as_deref(), *args).await
            }
        }
    })
}
