//! `wechat pay`: WeChat Pay v3 as a merchant, configured from the environment.
//!
//! - `WECHAT_PAY_MCHID`, `WECHAT_PAY_SERIAL` (the merchant API certificate's serial number),
//!   `WECHAT_PAY_PRIVATE_KEY` (the path of `apiclient_key.pem`, PKCS#8 or PKCS#1, or of
//!   `apiclient_cert.p12` / `.pfx`, opened with `WECHAT_PAY_PKCS12_PASSWORD` or else the merchant
//!   id, WeChat Pay's convention): what signs the calls.
//! - `WECHAT_PAY_APIV3_KEY`: decrypts notifications and platform certificates.
//! - `WECHAT_PAY_PUBLIC_KEY` (the path of the WeChat Pay public key `pub_key.pem`, or of a
//!   platform certificate PEM) and `WECHAT_PAY_PUBLIC_KEY_ID` (`PUB_KEY_ID_…`, or the
//!   certificate's serial number): what WeChat Pay's answers and notifications are verified with.
//! - `WECHAT_PAY_API_BASE` (or `--api-base`): default `https://api.mch.weixin.qq.com`.
//!
//! `notify` needs only the APIv3 key and the WeChat Pay key: it verifies and decrypts, it never
//! signs. A v2 notification (XML) takes `WECHAT_PAY_MCHID` and `WECHAT_PAY_API_KEY` (the v2 API
//! key) instead. No key, nor anything derived from one, is ever printed.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, Subcommand};
use wechat_core::api::pay::v2::PayV2Signer;
use wechat_core::api::pay::v3::certificates::GetCertificates;
use wechat_core::api::pay::v3::crypto::{decrypt_aes_gcm, pem_block};
use wechat_core::api::pay::v3::{Merchant, RsaSigningKey};
use wechat_core::client::BoxFuture;
use wechat_core::endpoint::{self, AuthScheme, Body, Endpoint, Envelope, Meta, Repeat};
use wechat_core::{Host, Hosts, Method, Secret};
use wechat_reqwest::pay::{AwsLc, MerchantKey, WechatPayKey};

use crate::api::split_path;
use crate::output::{Failure, print};

/// The environment variables that hold secrets (scrubbed from every output).
pub const SECRET_VARS: &[&str] = &[
    "WECHAT_PAY_APIV3_KEY",
    "WECHAT_PAY_API_KEY",
    "WECHAT_PAY_PKCS12_PASSWORD",
];

/// `wechat pay ...`
#[derive(Subcommand, Debug)]
pub enum PayCommand {
    /// A signed WeChat Pay v3 call; the answer's signature is verified before it is printed.
    Call(PayCallArgs),
    /// Verify and decrypt a notification (a raw HTTP request: optional request line, headers, a
    /// blank line, the body) and print it as JSON: v3, its resource; v2 (XML), the notification.
    Notify(NotifyArgs),
    /// Download the platform certificates (verified, decrypted): serial, validity and PEM.
    Certificates,
}

/// `wechat pay call`
#[derive(Args, Debug)]
pub struct PayCallArgs {
    /// GET, POST, PUT, PATCH or DELETE.
    method: String,
    /// The path, e.g. /v3/pay/transactions/out-trade-no/1217752501201407033233368018?mchid=1230000109
    /// (a full URL is accepted).
    path: String,
    /// The JSON body.
    #[arg(long, value_name = "BODY")]
    json: Option<String>,
}

/// `wechat pay notify`
#[derive(Args, Debug)]
pub struct NotifyArgs {
    /// The request (default: standard input).
    file: Option<PathBuf>,
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn required(name: &str) -> Result<String, Failure> {
    var(name).ok_or_else(|| Failure::Input(format!("{name} is not set")))
}

fn read_file(var_name: &str, path: &str) -> Result<Vec<u8>, Failure> {
    std::fs::read(path).map_err(|e| Failure::Input(format!("{var_name}: cannot read {path}: {e}")))
}

/// The merchant's private key: a PEM file, or a PKCS#12 file (by its extension, or DER content).
fn private_key(mchid: &str) -> Result<MerchantKey, Failure> {
    const VAR: &str = "WECHAT_PAY_PRIVATE_KEY";
    let path = required(VAR)?;
    let bytes = read_file(VAR, &path)?;
    let ext = Path::new(&path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let pkcs12 = ext == "p12" || ext == "pfx" || !bytes.windows(11).any(|w| w == b"-----BEGIN ");
    let key = if pkcs12 {
        let password =
            var("WECHAT_PAY_PKCS12_PASSWORD").map_or_else(|| Secret::new(mchid), Secret::new);
        MerchantKey::from_pkcs12_der(&bytes, password.expose())
    } else {
        MerchantKey::from_pem(&bytes)
    };
    key.map_err(|e| Failure::Input(format!("{VAR} ({path}): {e}")))
}

/// The key `notify` holds in place of the merchant's: it verifies and decrypts, never signs.
struct VerifyOnly;

impl RsaSigningKey for VerifyOnly {
    fn sign_sha256<'a>(
        &'a self,
        _message: &'a [u8],
    ) -> BoxFuture<'a, wechat_core::Result<Vec<u8>>> {
        Box::pin(std::future::ready(Err(wechat_core::Error::Build(
            "`wechat pay notify` holds no merchant private key and signs nothing".into(),
        ))))
    }
}

/// The merchant, from the environment. `signing`: with its private key (calls), or without
/// (`notify`).
fn merchant(signing: bool) -> Result<Arc<Merchant>, Failure> {
    let merchant = if signing {
        let mchid = required("WECHAT_PAY_MCHID")?;
        let serial = required("WECHAT_PAY_SERIAL")?;
        let key = private_key(&mchid)?;
        let apiv3 = Secret::new(required("WECHAT_PAY_APIV3_KEY")?);
        Merchant::new(mchid, serial, key, apiv3)
    } else {
        let apiv3 = Secret::new(required("WECHAT_PAY_APIV3_KEY")?);
        Merchant::new(
            var("WECHAT_PAY_MCHID").unwrap_or_default(),
            var("WECHAT_PAY_SERIAL").unwrap_or_default(),
            VerifyOnly,
            apiv3,
        )
    };
    const VAR: &str = "WECHAT_PAY_PUBLIC_KEY";
    let path = required(VAR)?;
    let id = required("WECHAT_PAY_PUBLIC_KEY_ID")?;
    let pem = read_file(VAR, &path)?;
    let certificate = matches!(pem_block(&pem), Ok((label, _)) if label == "CERTIFICATE");
    let key =
        WechatPayKey::from_pem(&pem).map_err(|e| Failure::Input(format!("{VAR} ({path}): {e}")))?;
    Ok(Arc::new(if certificate {
        merchant.with_platform_certificate(id, key)
    } else {
        merchant.with_public_key(id, key)
    }))
}

fn client(
    api_base: Option<&str>,
    merchant: &Arc<Merchant>,
) -> Result<wechat_reqwest::Client, Failure> {
    let mut builder = wechat_reqwest::merchant(merchant.auth());
    if let Some(base) = api_base
        .map(str::to_owned)
        .or_else(|| var("WECHAT_PAY_API_BASE"))
    {
        Hosts::all(&base).map_err(|e| Failure::Input(format!("WECHAT_PAY_API_BASE: {e}")))?;
        builder = builder.api_base(&base);
    }
    Ok(builder.build()?)
}

/// Runs `wechat pay ...`; `api_base` is `--api-base`.
pub async fn run(api_base: Option<&str>, command: PayCommand) -> Result<(), Failure> {
    match command {
        PayCommand::Call(args) => call(api_base, args).await,
        PayCommand::Notify(args) => notify(args).await,
        PayCommand::Certificates => certificates(api_base).await,
    }
}

/// Any v3 call: the method, the path and query, the JSON body.
struct RawCall<const M: u8> {
    path: String,
    query: Vec<(String, String)>,
    body: Option<serde_json::Value>,
}

const fn raw_meta(method: Method, repeat: Repeat) -> Meta {
    Meta {
        name: "wechat pay call",
        area: "pay",
        method,
        host: Host::Pay,
        path: "/v3/",
        auth: AuthScheme::PayV3Signature,
        envelope: Envelope::PayV3,
        repeat,
        sensitive: false,
        doc: "",
    }
}

const GET: u8 = 0;
const POST: u8 = 1;
const PUT: u8 = 2;
const PATCH: u8 = 3;
const DELETE: u8 = 4;

impl<const M: u8> Endpoint for RawCall<M> {
    type Response = serde_json::Value;
    const META: &'static Meta = &match M {
        GET => raw_meta(Method::Get, Repeat::Safe),
        POST => raw_meta(Method::Post, Repeat::Never),
        PUT => raw_meta(Method::Put, Repeat::Never),
        PATCH => raw_meta(Method::Patch, Repeat::Never),
        _ => raw_meta(Method::Delete, Repeat::Never),
    };

    fn path(&self) -> wechat_core::Result<Cow<'static, str>> {
        Ok(Cow::Owned(self.path.clone()))
    }

    fn query(&self) -> wechat_core::Result<Vec<(String, String)>> {
        Ok(self.query.clone())
    }

    fn body(&self) -> wechat_core::Result<Body> {
        self.body
            .as_ref()
            .map_or(Ok(Body::Empty), endpoint::json_body)
    }

    fn parse(response: &http::Response<Vec<u8>>) -> wechat_core::Result<serde_json::Value> {
        endpoint::parse(Self::META, response)
    }
}

async fn call(api_base: Option<&str>, args: PayCallArgs) -> Result<(), Failure> {
    let method = args.method.to_ascii_uppercase();
    let (path, query) = split_path(&args.path)?;
    let body = args
        .json
        .as_deref()
        .map(|text| {
            serde_json::from_str::<serde_json::Value>(text)
                .map_err(|e| Failure::Input(format!("--json is not valid JSON: {e}")))
        })
        .transpose()?;
    if method == "GET" && body.is_some() {
        return Err(Failure::Input("a GET call takes no --json body".into()));
    }
    let merchant = merchant(true)?;
    let client = client(api_base, &merchant)?;
    let value = match method.as_str() {
        "GET" => client.call(&RawCall::<GET> { path, query, body }).await,
        "POST" => client.call(&RawCall::<POST> { path, query, body }).await,
        "PUT" => client.call(&RawCall::<PUT> { path, query, body }).await,
        "PATCH" => client.call(&RawCall::<PATCH> { path, query, body }).await,
        "DELETE" => client.call(&RawCall::<DELETE> { path, query, body }).await,
        other => {
            return Err(Failure::Input(format!(
                "METHOD must be GET, POST, PUT, PATCH or DELETE, not {other}"
            )));
        }
    }?;
    print(&pretty(&value)?)
}

fn pretty(value: &serde_json::Value) -> Result<String, Failure> {
    serde_json::to_string_pretty(value)
        .map_err(|e| Failure::Input(format!("cannot print the answer: {e}")))
}

/// A notification as it reached the merchant's server: its headers and its body, byte for byte.
#[derive(Debug)]
struct RawRequest {
    headers: http::HeaderMap,
    body: Vec<u8>,
}

/// Reads `[request line]`, headers, a blank line, the body. With `Content-Length`, the body is
/// that many bytes (a trailing newline an editor added is ignored); without it, the rest.
fn parse_request(raw: &[u8]) -> Result<RawRequest, Failure> {
    let bad =
        |what: String| Failure::Input(format!("the notification is not an HTTP request: {what}"));
    let (head, rest) = split_head(raw)
        .ok_or_else(|| bad("expected headers, a blank line, then the body".into()))?;
    let head = std::str::from_utf8(head).map_err(|_| bad("headers are not text".into()))?;
    let mut headers = http::HeaderMap::new();
    for (i, line) in head.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            continue;
        }
        let header = line
            .split_once(':')
            .filter(|(name, _)| !name.is_empty() && !name.contains(char::is_whitespace));
        match header {
            Some((name, value)) => {
                let name = http::HeaderName::from_bytes(name.as_bytes())
                    .map_err(|_| bad(format!("bad header name {name:?}")))?;
                let value = http::HeaderValue::from_str(value.trim())
                    .map_err(|_| bad(format!("bad value of header {name}")))?;
                headers.append(name, value);
            }
            // The request line (`POST /pay/notify HTTP/1.1`), first or not at all.
            None if i == 0 && line.contains(" HTTP/") => {}
            None => return Err(bad(format!("line {} is not a header", i + 1))),
        }
    }
    if headers
        .get(http::header::TRANSFER_ENCODING)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"chunked"))
    {
        return Err(bad(
            "a chunked body: give the body as sent, with Content-Length".into(),
        ));
    }
    let body = match headers.get(http::header::CONTENT_LENGTH) {
        Some(v) => {
            let n: usize = v
                .to_str()
                .ok()
                .and_then(|s| s.trim().parse().ok())
                .ok_or_else(|| bad("Content-Length is not a number".into()))?;
            rest.get(..n)
                .ok_or_else(|| {
                    bad(format!(
                        "Content-Length is {n} but the body has {} bytes",
                        rest.len()
                    ))
                })?
                .to_vec()
        }
        None => rest.to_vec(),
    };
    Ok(RawRequest { headers, body })
}

/// The head and the body, split at the first blank line (`\r\n\r\n` or `\n\n`).
fn split_head(raw: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, 4));
    let lf = raw.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2));
    let (i, n) = match (crlf, lf) {
        (Some(a), Some(b)) => {
            if a.0 < b.0 {
                a
            } else {
                b
            }
        }
        (a, b) => a.or(b)?,
    };
    Some((&raw[..i], &raw[i + n..]))
}

async fn notify(args: NotifyArgs) -> Result<(), Failure> {
    let raw = match &args.file {
        Some(path) => std::fs::read(path)
            .map_err(|e| Failure::Input(format!("cannot read {}: {e}", path.display())))?,
        None => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Failure::Input(format!("cannot read standard input: {e}")))?;
            buf
        }
    };
    let request = parse_request(&raw)?;
    if request.body.trim_ascii_start().starts_with(b"<") {
        return notify_v2(&request.body);
    }
    let merchant = merchant(false)?;
    let now = wechat_reqwest::now_ms() / 1000;
    let rejected = |e: wechat_core::api::pay::v3::VerifyError| {
        Failure::Input(format!("notification rejected: {e}"))
    };
    let notification = merchant
        .notification(&request.headers, &request.body, now)
        .await
        .map_err(rejected)?;
    let resource: serde_json::Value = notification.decrypt(&merchant).map_err(rejected)?;
    print(&pretty(&resource)?)
}

/// A v2 (XML) notification: a payment's `sign` checked, a refund's `req_info` decrypted, with
/// the v2 API key; printed as JSON.
fn notify_v2(body: &[u8]) -> Result<(), Failure> {
    let mchid = required("WECHAT_PAY_MCHID")?;
    let key = Secret::new(required("WECHAT_PAY_API_KEY")?);
    // The app id only goes into requests, which this signer never makes.
    let signer = PayV2Signer::new(mchid, "", key);
    let rejected = |e: wechat_core::Error| Failure::Input(format!("notification rejected: {e}"));
    let refund = body.windows(10).any(|w| w == b"<req_info>");
    let value = if refund {
        serde_json::to_value(signer.refund_notification(body).map_err(rejected)?)
    } else {
        serde_json::to_value(signer.payment_notification(body).map_err(rejected)?)
    }
    .map_err(|e| Failure::Input(format!("cannot print the notification: {e}")))?;
    print(&pretty(&value)?)
}

async fn certificates(api_base: Option<&str>) -> Result<(), Failure> {
    let merchant = merchant(true)?;
    let client = client(api_base, &merchant)?;
    let list = client.call(&GetCertificates {}).await?;
    let apiv3 = Secret::new(required("WECHAT_PAY_APIV3_KEY")?);
    let mut out = String::new();
    for c in &list.data {
        let e = &c.encrypt_certificate;
        let pem = decrypt_aes_gcm(&apiv3, &e.nonce, &e.associated_data, &e.ciphertext)
            .map_err(|err| Failure::Input(format!("certificate {}: {err}", c.serial_no)))?;
        let pem = String::from_utf8(pem)
            .map_err(|_| Failure::Input(format!("certificate {} is not PEM text", c.serial_no)))?;
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!(
            "serial_no: {}\neffective_time: {}\nexpire_time: {}\n{}",
            c.serial_no, c.effective_time, c.expire_time, pem
        ));
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    // Each certificate's key must import: a certificate that cannot verify anything is an error.
    merchant.add_platform_certificates(&list, &AwsLc).await?;
    print(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_with_or_without_a_request_line() {
        let full = b"POST /pay/notify HTTP/1.1\r\nHost: shop\r\nContent-Length: 4\r\nWechatpay-Nonce: n\r\n\r\n{}{}\n";
        let r = parse_request(full).unwrap();
        assert_eq!(r.body, b"{}{}");
        assert_eq!(r.headers["wechatpay-nonce"], "n");
        let bare = b"Wechatpay-Serial: PUB_KEY_ID_1\n\n{\"a\":1}";
        let r = parse_request(bare).unwrap();
        assert_eq!(r.body, b"{\"a\":1}");
        assert!(parse_request(b"{\"a\":1}").is_err());
        assert!(parse_request(b"Content-Length: 9\n\n{}").is_err());
        assert!(parse_request(b"Host: a\nnot a header\n\n{}").is_err());
    }

    #[test]
    fn paths_and_queries() {
        let (p, q) = split_path("https://api.mch.weixin.qq.com/v3/x/1?mchid=19").unwrap();
        assert_eq!(
            (p.as_str(), q),
            ("/v3/x/1", vec![("mchid".into(), "19".into())])
        );
        assert!(split_path("v3/x").is_err());
    }
}
