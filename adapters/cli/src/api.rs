//! The commands that talk to WeChat (or the emulator): `token`, `call`; and `emulator`,
//! `endpoints`, `build`, `parse`.

use sha2::{Digest, Sha256};
use wechat_core::client::TokenStore;
use wechat_core::endpoint::AuthScheme;
use wechat_core::token::endpoints::GetStableAccessToken;
use wechat_core::{Host, Hosts, Method, Secret, StoredToken, TokenFlow};
use wechat_redis::RedisStore;
use wechat_reqwest::{Client, ClientBuilder};

use crate::output::{Failure, print};
use crate::{CallArgs, Cli, Format, Platform, TokenArgs};

/// What the environment and the global flags say.
pub struct Env {
    api_base: Option<String>,
    redis_url: Option<String>,
    agent: Option<String>,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn required(name: &str) -> Result<String, Failure> {
    var(name).ok_or_else(|| Failure::Input(format!("{name} is not set")))
}

impl Env {
    pub fn read(cli: &Cli) -> Self {
        Self {
            api_base: cli.api_base.clone().or_else(|| var("WECHAT_API_BASE")),
            redis_url: var("WECHAT_REDIS_URL"),
            agent: cli.agent.clone(),
        }
    }

    fn hosts(&self) -> Result<Hosts, Failure> {
        match &self.api_base {
            Some(base) => Hosts::all(base).map_err(|e| Failure::Input(e.to_string())),
            None => Ok(Hosts::default()),
        }
    }

    /// The credential flow of `platform` from the environment.
    fn flow(&self, platform: Platform, classic: bool) -> Result<TokenFlow, Failure> {
        match platform {
            Platform::Oa | Platform::Mp => {
                let appid = required("WECHAT_APPID")?;
                let secret = Secret::new(required("WECHAT_SECRET")?);
                Ok(if classic {
                    TokenFlow::Classic { appid, secret }
                } else {
                    TokenFlow::Stable { appid, secret }
                })
            }
            Platform::Work => {
                if classic {
                    return Err(Failure::Input(
                        "--classic is for --platform oa or mp: WeCom has one kind of token".into(),
                    ));
                }
                let corpid = required("WECHAT_CORPID")?;
                let secret = required("WECHAT_CORPSECRET")?;
                // One token per app secret: without --agent, name the app by a digest that
                // cannot be turned back into the secret.
                let agent = self.agent.clone().unwrap_or_else(|| {
                    let digest = Sha256::digest(format!("{corpid}\n{secret}").as_bytes());
                    format!("cli-{}", &hex::encode(digest)[..12])
                });
                Ok(TokenFlow::Work {
                    corpid,
                    agent,
                    secret: Secret::new(secret),
                })
            }
        }
    }

    fn builder(&self, flow: TokenFlow) -> Result<ClientBuilder, Failure> {
        Ok(ClientBuilder::new(flow).hosts(self.hosts()?))
    }

    fn redis(&self) -> Result<Option<RedisStore>, Failure> {
        self.redis_url
            .as_deref()
            .map(|url| {
                RedisStore::open(url)
                    .map_err(|_| Failure::Input("WECHAT_REDIS_URL is not a valid Redis URL".into()))
            })
            .transpose()
    }
}

/// Runs `$body` with `$client` bound to a client on Redis (`WECHAT_REDIS_URL`) or process memory.
macro_rules! with_client {
    ($env:expr, $flow:expr, |$client:ident| $body:expr) => {{
        let builder = $env.builder($flow)?;
        match $env.redis()? {
            Some(store) => {
                let $client = builder.store(store).build()?;
                $body
            }
            None => {
                let $client = builder.build()?;
                $body
            }
        }
    }};
}

pub async fn token(env: &Env, platform: Platform, args: TokenArgs) -> Result<(), Failure> {
    let flow = env.flow(platform, args.classic)?;
    let token = with_client!(env, flow, |client| issue(&client, args.force_refresh).await)?;
    // Printing the token is this command's job.
    print(token.expose())
}

async fn issue<S: TokenStore>(client: &Client<S>, force: bool) -> Result<Secret, Failure> {
    let Some(flow) = client.flow().cloned() else {
        return Err(wechat_core::Error::Build("this client has no token flow".into()).into());
    };
    if force {
        match &flow {
            TokenFlow::Stable { appid, secret } => {
                // WeChat's own force_refresh: a new token at once, the old one dead (20 a day).
                let fresh = client
                    .call(&GetStableAccessToken {
                        grant_type: "client_credential".into(),
                        appid: appid.clone(),
                        secret: secret.clone(),
                        force_refresh: true,
                    })
                    .await?;
                let now = wechat_reqwest::now_ms();
                let record = StoredToken::new(fresh.access_token.clone(), now, fresh.expires_in);
                if let Err(e) = client
                    .store()
                    .save(&flow.key(), &record, record.ttl_ms(now))
                    .await
                {
                    tracing::warn!(error = %e, "could not share the new token through the store");
                }
                return Ok(fresh.access_token);
            }
            _ => {
                // Drop the stored token (only if it is still the current one), then fetch.
                if let Ok(Some(current)) = client.store().load(&flow.key()).await {
                    client.invalidate(&flow, &current.value).await;
                }
            }
        }
    }
    Ok(client.token().await?)
}

pub async fn call(env: &Env, platform: Platform, args: CallArgs) -> Result<(), Failure> {
    let method = match args.method.to_ascii_uppercase().as_str() {
        "GET" => Method::Get,
        "POST" => Method::Post,
        other => {
            return Err(Failure::Input(format!(
                "METHOD must be GET or POST, not {other}"
            )));
        }
    };
    let (path, mut query) = split_path(&args.path)?;
    for pair in &args.query {
        let (k, v) = pair
            .split_once('=')
            .ok_or_else(|| Failure::Input(format!("--query {pair}: expected K=V")))?;
        query.push((k.to_owned(), v.to_owned()));
    }
    let body = match (&args.json, &args.json_file) {
        (Some(text), _) => Some(parse_json(text, "--json")?),
        (None, Some(file)) => {
            let text = if file.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin())
            } else {
                std::fs::read_to_string(file)
            }
            .map_err(|e| Failure::Input(format!("cannot read {}: {e}", file.display())))?;
            Some(parse_json(&text, &file.display().to_string())?)
        }
        (None, None) => None,
    };
    let host = match platform {
        Platform::Work => Host::Work,
        Platform::Oa | Platform::Mp => Host::Api,
    };
    let flow = env.flow(platform, false)?;
    let pairs: Vec<(&str, &str)> = query
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let value = with_client!(env, flow, |client| client
        .call_json(method, host, &path, &pairs, body.as_ref())
        .await)?;
    let text = serde_json::to_string_pretty(&value)
        .map_err(|e| Failure::Input(format!("cannot print the response: {e}")))?;
    print(&text)
}

fn parse_json(text: &str, what: &str) -> Result<serde_json::Value, Failure> {
    serde_json::from_str(text).map_err(|e| Failure::Input(format!("{what} is not valid JSON: {e}")))
}

/// `/path?a=b` or `https://host/path?a=b` → the path and the decoded query pairs (an
/// `access_token` pair dropped: the client adds its own).
pub(crate) fn split_path(raw: &str) -> Result<(String, Vec<(String, String)>), Failure> {
    let rest = raw
        .strip_prefix("https://")
        .or_else(|| raw.strip_prefix("http://"))
        .map(|r| r.find('/').map_or("/", |i| &r[i..]))
        .unwrap_or(raw);
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if !path.starts_with('/') {
        return Err(Failure::Input(format!(
            "PATH must start with '/', like /cgi-bin/get_api_domain_ip or /v3/certificates (got {path:?})"
        )));
    }
    let pairs = form_urlencoded::parse(query.as_bytes())
        .filter(|(k, _)| k != "access_token")
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    Ok((path.to_owned(), pairs))
}

pub async fn emulator(port: u16) -> Result<(), Failure> {
    use wechat_emulator::{Emulator, demo};
    let emu = Emulator::builder()
        .port(port)
        .start()
        .await
        .map_err(|e| Failure::Input(format!("cannot listen on 127.0.0.1:{port}: {e}")))?;
    let base = emu.base_url().to_owned();
    print(&format!(
        "WeChat API emulator on {base} (Ctrl-C stops it)\n\
         \x20 export WECHAT_API_BASE={base}\n\
         \x20 export WECHAT_APPID={} WECHAT_SECRET={}    # demo app, emulator only\n\
         \x20 export WECHAT_CORPID={} WECHAT_CORPSECRET={}    # demo WeCom app {}\n\
         \x20 control API: {base}/__emulator/",
        demo::APPID,
        demo::SECRET,
        demo::CORPID,
        demo::CORPSECRET,
        demo::AGENTID,
    ))?;
    emu.run_until_ctrl_c()
        .await
        .map_err(|e| Failure::Input(format!("emulator: {e}")))
}

pub fn endpoints(env: &Env, format: Format) -> Result<(), Failure> {
    let hosts = env.hosts()?;
    match format {
        Format::Tsv => print(&wechat_core::catalog::tsv(&hosts)),
        Format::Json => {
            let rows: Vec<_> = wechat_core::catalog::all()
                .map(|m| {
                    serde_json::json!({
                        "area": m.area,
                        "method": m.method,
                        "url": hosts.url(m.host, m.path),
                        "credential": m.auth.query_name().unwrap_or("none"),
                        "auth": m.auth,
                        "type": m.name,
                        "repeat": m.repeat,
                        "doc": m.doc,
                    })
                })
                .collect();
            let text = serde_json::to_string_pretty(&rows)
                .map_err(|e| Failure::Input(format!("cannot print the catalog: {e}")))?;
            print(&text)
        }
    }
}

/// The catalog entry `name` names, or an error listing the near names. A path several platforms
/// share (`/cgi-bin/menu/create`) is the one on the host of `--platform`.
fn entry(name: &str, platform: Platform) -> Result<&'static wechat_core::catalog::Entry, Failure> {
    let host = match platform {
        Platform::Work => Host::Work,
        Platform::Oa | Platform::Mp => Host::Api,
    };
    wechat_core::catalog::find(name).or_else(|near| {
        let candidates: Vec<_> = near
            .iter()
            .filter_map(|n| wechat_core::catalog::find(n).ok())
            .collect();
        let shared = name.starts_with('/')
            && !candidates.is_empty()
            && candidates
                .iter()
                .all(|e| e.meta.path == name.split(['?', '#']).next().unwrap_or_default());
        match candidates
            .iter()
            .filter(|e| e.meta.host == host)
            .collect::<Vec<_>>()[..]
        {
            [one] if shared => Ok(*one),
            _ => {
                let hint = if near.is_empty() {
                    "`wechat endpoints` lists them".to_owned()
                } else {
                    format!("did you mean: {}", near.join(", "))
                };
                Err(Failure::Input(format!(
                    "no single endpoint is named {name}; {hint}"
                )))
            }
        }
    })
}

/// `wechat build`: the request the SDK sends, as text: the request line, headers, a blank line
/// and the body.
pub fn build(
    env: &Env,
    platform: Platform,
    name: &str,
    json: &str,
    session_key: Option<Secret>,
) -> Result<(), Failure> {
    let entry = entry(name, platform)?;
    let value = parse_json(json, "--json")?;
    let placeholder = Secret::new("ACCESS_TOKEN");
    let env_code = value.get("env").cloned();
    let mut request = (entry.build)(&env.hosts()?, value, Some(&placeholder))?;
    if entry.meta.auth == AuthScheme::XpaySignature {
        sign_xpay(
            entry.meta,
            &mut request,
            env_code,
            session_key,
            &placeholder,
        )?;
    } else if session_key.is_some() {
        return Err(Failure::Input(format!(
            "--session-key is for virtual payment calls; {} is not one",
            entry.meta.name
        )));
    }
    let mut text = format!("{} {}\n", request.method(), request.uri());
    for (k, v) in request.headers() {
        text.push_str(&format!("{k}: {}\n", String::from_utf8_lossy(v.as_bytes())));
    }
    if !request.body().is_empty() {
        text.push('\n');
        text.push_str(&String::from_utf8_lossy(request.body()));
    }
    print(&text)
}

/// Signs a virtual payment call as the driver would: `pay_sig` with the AppKey in
/// `WECHAT_XPAY_APPKEY` (of the environment the body's `env` names), and the user's `signature`
/// with `--session-key` where the call needs one.
fn sign_xpay(
    meta: &'static wechat_core::endpoint::Meta,
    request: &mut http::Request<Vec<u8>>,
    env_code: Option<serde_json::Value>,
    session_key: Option<Secret>,
    token: &Secret,
) -> Result<(), Failure> {
    use wechat_core::api::mp::xpay::{XpayEnv, XpaySessionKey, XpaySigner, needs_user_signature};
    let app_key = var("WECHAT_XPAY_APPKEY").ok_or_else(|| {
        Failure::Input(format!(
            "{} is signed with the AppKey: set WECHAT_XPAY_APPKEY",
            meta.name
        ))
    })?;
    let xpay_env = match env_code
        .as_ref()
        .map(|v| v.as_u64().or_else(|| v.as_str()?.parse().ok()))
    {
        None => XpayEnv::Production,
        Some(code) => code
            .and_then(XpayEnv::from_code)
            .ok_or_else(|| Failure::Input("`env` is 0 (production) or 1 (sandbox)".into()))?,
    };
    match session_key {
        Some(key) => {
            request.extensions_mut().insert(XpaySessionKey(key));
        }
        None if needs_user_signature(meta) => {
            return Err(Failure::Input(format!(
                "{} is signed with the user's session key too: give --session-key",
                meta.name
            )));
        }
        None => {}
    }
    XpaySigner::for_env(Secret::new(app_key), xpay_env).sign_with_token(request, token)?;
    Ok(())
}

/// `wechat parse`: an answer's body read as the endpoint's typed response, printed as JSON.
pub fn parse(
    platform: Platform,
    name: &str,
    file: Option<&std::path::Path>,
) -> Result<(), Failure> {
    use std::io::Read;
    let entry = entry(name, platform)?;
    let mut body = Vec::new();
    match file {
        Some(path) if path.as_os_str() != "-" => {
            body = std::fs::read(path)
                .map_err(|e| Failure::Input(format!("cannot read {}: {e}", path.display())))?;
        }
        _ => {
            std::io::stdin()
                .read_to_end(&mut body)
                .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
        }
    }
    let value = (entry.parse)(&http::Response::new(body))?;
    let text = serde_json::to_string_pretty(&value)
        .map_err(|e| Failure::Input(format!("cannot print the answer: {e}")))?;
    print(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_queries() {
        let (p, q) = split_path("/cgi-bin/user/get?next_openid=a%2Bb&x=1+2").unwrap();
        assert_eq!(p, "/cgi-bin/user/get");
        assert_eq!(
            q,
            [
                ("next_openid".into(), "a+b".into()),
                ("x".into(), "1 2".into())
            ]
        );
        let (p, q) =
            split_path("https://api.weixin.qq.com/cgi-bin/getcallbackip?access_token=OLD").unwrap();
        assert_eq!(p, "/cgi-bin/getcallbackip");
        assert!(q.is_empty(), "a pasted token is dropped");
        assert!(split_path("cgi-bin/token").is_err());
        let (_, q) = split_path("/x?a=%zz%4&b=%E4%BD%A0").unwrap();
        assert_eq!(q, [("a".into(), "%zz%4".into()), ("b".into(), "你".into())]);
    }
}
