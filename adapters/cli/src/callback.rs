//! `crypto ...` and `callback ...`: the callback crypto of WeChat and WeCom, offline, and a
//! simulated push to a bot.

use std::io::Read;

use clap::{Args, Subcommand};
use wechat_core::Secret;
use wechat_core::callback::{Message, MessageCrypto, Pusher};
use wechat_core::client::{HttpClient, Runtime};
use wechat_reqwest::{ReqwestClient, SystemRuntime};

use crate::Platform;
use crate::output::{Failure, print};

#[derive(Subcommand, Debug)]
pub enum CryptoCommand {
    /// Verify a URL (WeCom, or any encrypted echostr): print the decrypted echostr.
    VerifyUrl(VerifyUrlArgs),
    /// Verify and decrypt a raw POST body (XML or JSON envelope) read on stdin: print the plaintext.
    Decrypt(DecryptArgs),
    /// Encrypt and sign a plaintext reply read on stdin: print the XML envelope.
    Encrypt(EncryptArgs),
}

#[derive(Args, Debug)]
pub struct Keys {
    /// The callback Token.
    #[arg(long, env = "WECHAT_TOKEN", hide_env_values = true)]
    token: String,
    /// The 43-character EncodingAESKey.
    #[arg(
        long = "encoding-aes-key",
        env = "WECHAT_ENCODING_AES_KEY",
        hide_env_values = true,
        value_name = "KEY"
    )]
    aes_key: String,
    /// The receiver id: app id, component app id, corp id or suite id.
    #[arg(long = "receiver-id", value_name = "ID")]
    receiver_id: String,
}

impl Keys {
    fn crypto(&self) -> Result<MessageCrypto, Failure> {
        MessageCrypto::new(
            Secret::new(self.token.clone()),
            &self.aes_key,
            self.receiver_id.clone(),
        )
        .map_err(|e| Failure::Input(e.to_string()))
    }
}

#[derive(Args, Debug)]
pub struct VerifyUrlArgs {
    #[command(flatten)]
    keys: Keys,
    #[arg(long = "msg-signature")]
    msg_signature: String,
    #[arg(long)]
    timestamp: String,
    #[arg(long)]
    nonce: String,
    /// The echostr, URL-decoded.
    #[arg(long)]
    echostr: String,
}

#[derive(Args, Debug)]
pub struct DecryptArgs {
    #[command(flatten)]
    keys: Keys,
    #[arg(long = "msg-signature")]
    msg_signature: String,
    #[arg(long)]
    timestamp: String,
    #[arg(long)]
    nonce: String,
}

#[derive(Args, Debug)]
pub struct EncryptArgs {
    #[command(flatten)]
    keys: Keys,
    #[arg(long)]
    timestamp: String,
    #[arg(long)]
    nonce: String,
    /// The 16 random bytes, as 32 hex digits (default: fresh OS randomness). For reproducible tests only.
    #[arg(long, value_name = "HEX")]
    random: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum CallbackCommand {
    /// Parse a plaintext message (XML or JSON) read on stdin: print the typed message as JSON.
    Parse,
    /// Push a signed (with --encoding-aes-key, encrypted) message to a bot and print its (decrypted) reply.
    Simulate(Box<SimulateArgs>),
}

#[derive(Args, Debug)]
pub struct SimulateArgs {
    /// The bot's callback URL.
    #[arg(long)]
    url: String,
    /// The callback Token.
    #[arg(long, env = "WECHAT_TOKEN", hide_env_values = true)]
    token: String,
    /// The EncodingAESKey: encrypts the push (safe mode); WeCom always needs it.
    #[arg(
        long = "encoding-aes-key",
        env = "WECHAT_ENCODING_AES_KEY",
        hide_env_values = true,
        value_name = "KEY",
        requires = "appid"
    )]
    aes_key: Option<String>,
    /// The receiver id in the encrypted push: app id (corp id for WeCom).
    #[arg(long, alias = "receiver-id", value_name = "ID")]
    appid: Option<String>,
    /// Send a text message with this content.
    #[arg(long, conflicts_with = "event", required_unless_present = "event")]
    text: Option<String>,
    /// Send an event of this name (subscribe, CLICK, VIEW, ...).
    #[arg(long, value_name = "NAME")]
    event: Option<String>,
    /// The event's EventKey.
    #[arg(long = "event-key", value_name = "KEY", requires = "event")]
    event_key: Option<String>,
    /// The sender (user's OpenID or WeCom UserID).
    #[arg(long, default_value = "oSimulatedUser000000000000001")]
    from: String,
    /// The receiver (the account's original id, or the corp id).
    #[arg(long, default_value = "gh_simulated000")]
    to: String,
}

/// The values of these commands that must never be printed.
pub fn secrets_in(
    crypto: Option<&CryptoCommand>,
    callback: Option<&CallbackCommand>,
) -> Vec<String> {
    let keys = match crypto {
        Some(CryptoCommand::VerifyUrl(a)) => Some(&a.keys),
        Some(CryptoCommand::Decrypt(a)) => Some(&a.keys),
        Some(CryptoCommand::Encrypt(a)) => Some(&a.keys),
        None => None,
    };
    let mut out = Vec::new();
    if let Some(k) = keys {
        out.push(k.token.clone());
        out.push(k.aes_key.clone());
    }
    if let Some(CallbackCommand::Simulate(a)) = callback {
        out.push(a.token.clone());
        out.extend(a.aes_key.clone());
    }
    out
}

fn stdin() -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    std::io::stdin()
        .read_to_end(&mut buf)
        .map_err(|e| Failure::Input(format!("cannot read stdin: {e}")))?;
    Ok(buf)
}

fn input(e: impl std::fmt::Display) -> Failure {
    Failure::Input(e.to_string())
}

/// The named fields of an envelope (`Encrypt`, `MsgSignature`, ...), XML or JSON.
fn field(body: &[u8], name: &str) -> Result<Option<String>, Failure> {
    let fields = Message::parse(body).map_err(input)?.to_fields();
    Ok(fields.get(name).map(|v| match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }))
}

pub fn crypto(command: CryptoCommand) -> Result<(), Failure> {
    match command {
        CryptoCommand::VerifyUrl(a) => {
            let echo = a
                .keys
                .crypto()?
                .verify_url(&a.msg_signature, &a.timestamp, &a.nonce, &a.echostr)
                .map_err(input)?;
            print(&echo)
        }
        CryptoCommand::Decrypt(a) => {
            let crypto = a.keys.crypto()?;
            let body = stdin()?;
            let encrypt = field(&body, "Encrypt")?
                .ok_or_else(|| Failure::Input("the body has no Encrypt field".into()))?;
            crypto
                .verify_signature(&a.msg_signature, &a.timestamp, &a.nonce, &encrypt)
                .map_err(input)?;
            print(&crypto.decrypt_to_string(&encrypt).map_err(input)?)
        }
        CryptoCommand::Encrypt(a) => {
            let crypto = a.keys.crypto()?;
            let random = match &a.random {
                Some(h) => parse_random(h)?,
                None => fresh_random(),
            };
            let plain = stdin()?;
            print(&envelope(&crypto, &plain, &a.timestamp, &a.nonce, random))
        }
    }
}

fn parse_random(hex_digits: &str) -> Result<[u8; 16], Failure> {
    hex::decode(hex_digits)
        .ok()
        .and_then(|v| <[u8; 16]>::try_from(v).ok())
        .ok_or_else(|| Failure::Input("--random must be 32 hex digits (16 bytes)".into()))
}

fn fresh_random() -> [u8; 16] {
    let mut r = [0u8; 16];
    SystemRuntime.fill_random(&mut r);
    r
}

fn cdata(s: &str) -> String {
    format!("<![CDATA[{}]]>", s.replace("]]>", "]]]]><![CDATA[>"))
}

/// WeChat's encrypted reply envelope.
fn envelope(
    crypto: &MessageCrypto,
    plain: &[u8],
    timestamp: &str,
    nonce: &str,
    random: [u8; 16],
) -> String {
    let sealed = crypto.seal(plain, timestamp, nonce, random);
    format!(
        "<xml><Encrypt>{}</Encrypt><MsgSignature>{}</MsgSignature><TimeStamp>{timestamp}</TimeStamp><Nonce>{}</Nonce></xml>",
        cdata(&sealed.encrypt),
        cdata(&sealed.msg_signature),
        cdata(nonce)
    )
}

pub fn parse() -> Result<(), Failure> {
    let body = stdin()?;
    let message = Message::parse(&body).map_err(input)?;
    let kind = format!("{message:?}");
    let kind = kind.split(['(', ' ', '{']).next().unwrap_or_default();
    let mut out = serde_json::Map::new();
    out.insert("kind".into(), kind.into());
    out.insert("msg_type".into(), message.msg_type().into());
    if let Message::Event(e) = &message {
        out.insert("event".into(), e.name().into());
    }
    out.insert("from".into(), message.from_user_name().into());
    out.insert("to".into(), message.to_user_name().into());
    out.insert(
        "dedup_key".into(),
        wechat_core::callback::dedup_key(&message, &body).into(),
    );
    let mut fields = message.to_fields();
    fields.retain(|_, v| !v.is_null());
    out.insert("fields".into(), fields.into());
    let text = serde_json::to_string_pretty(&serde_json::Value::Object(out)).map_err(input)?;
    print(&text)
}

pub async fn simulate(
    platform: Platform,
    agent: Option<&str>,
    a: SimulateArgs,
) -> Result<(), Failure> {
    let wecom = platform == Platform::Work;
    if wecom && a.aes_key.is_none() {
        return Err(Failure::Input(
            "WeCom pushes are always encrypted: give --encoding-aes-key and --appid (the corp id)"
                .into(),
        ));
    }
    let rt = SystemRuntime;
    let now = rt.now_ms() / 1000;
    let mut r = [0u8; 8];
    rt.fill_random(&mut r);
    let nonce = (u64::from_le_bytes(r) % 10_000_000_000).to_string();
    let msg_id = u64::from_le_bytes(fresh_random()[..8].try_into().unwrap_or_default()) >> 1;

    let mut xml = format!(
        "<xml><ToUserName>{}</ToUserName><FromUserName>{}</FromUserName><CreateTime>{now}</CreateTime>",
        cdata(&a.to),
        cdata(&a.from)
    );
    match (&a.text, &a.event) {
        (Some(text), _) => xml.push_str(&format!(
            "<MsgType>{}</MsgType><Content>{}</Content><MsgId>{msg_id}</MsgId>",
            cdata("text"),
            cdata(text)
        )),
        (None, Some(event)) => {
            xml.push_str(&format!(
                "<MsgType>{}</MsgType><Event>{}</Event>",
                cdata("event"),
                cdata(event)
            ));
            if let Some(key) = &a.event_key {
                xml.push_str(&format!("<EventKey>{}</EventKey>", cdata(key)));
            }
        }
        (None, None) => return Err(Failure::Input("give --text or --event".into())),
    }
    if let (true, Some(agent)) = (wecom, agent) {
        xml.push_str(&format!("<AgentID>{agent}</AgentID>"));
    }
    xml.push_str("</xml>");

    let token = Secret::new(a.token.clone());
    let core_platform = if wecom {
        wechat_core::callback::Platform::WeCom
    } else {
        wechat_core::callback::Platform::OfficialAccount
    };
    let mut pusher = Pusher::new(core_platform, token.clone());
    let encrypted = match (&a.aes_key, &a.appid) {
        (Some(key), Some(appid)) => {
            pusher =
                pusher.with_crypto(MessageCrypto::new(token, key, appid.clone()).map_err(input)?);
            true
        }
        _ => false,
    };
    let openid = [("openid", a.from.as_str())];
    let extra: &[(&str, &str)] = if wecom { &[] } else { &openid };
    let request = pusher
        .request(&a.url, xml.as_bytes(), now, &nonce, fresh_random(), extra)
        .map_err(|_| Failure::Input("--url is not a valid URL".into()))?;
    let http = ReqwestClient::options()
        .timeout(std::time::Duration::from_secs(10))
        .no_proxy()
        .build()?;
    let response = http.send(request).await?;
    if !response.status().is_success() {
        return Err(Failure::Input(format!(
            "the bot answered HTTP {}: {}",
            response.status().as_u16(),
            String::from_utf8_lossy(response.body())
                .chars()
                .take(200)
                .collect::<String>()
        )));
    }
    if !encrypted && field(response.body(), "Encrypt")?.is_some() {
        return Err(Failure::Input(
            "the bot answered encrypted: give --encoding-aes-key and --appid".into(),
        ));
    }
    let plain = pusher
        .read_reply(response.body())
        .map_err(|e| Failure::Input(format!("the bot's reply: {e}")))?;
    let text = String::from_utf8_lossy(&plain);
    if text.is_empty() {
        return print("(empty reply: the bot has nothing to say)");
    }
    print(&text)
}
