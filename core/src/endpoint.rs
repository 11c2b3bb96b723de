//! The endpoint model: a typed request becomes an `http::Request<Vec<u8>>` carrying its endpoint's
//! [`Meta`]; answer bytes become the typed response or an [`Error`].
//!
//! An endpoint is data: its method, host, path (with `{parameters}`), [`AuthScheme`],
//! [`Envelope`] and whether a retry is safe, declared once with [`endpoint!`](crate::endpoint!).
//! Building never touches a credential: the driver ([`crate::client`]) applies the auth scheme
//! to the built request (a token in the query, a webhook key, a signature) and, for schemes that
//! sign answers, verifies the answer before [`parse`] reads it.

use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE, HeaderValue};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, Error, Result, snippet};
use crate::host::{Host, Hosts};

mod query;

/// The HTTP method of an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
#[non_exhaustive]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// `PUT`
    Put,
    /// `PATCH`
    Patch,
    /// `DELETE`
    Delete,
}

impl Method {
    /// As an `http::Method`.
    pub fn as_http(self) -> http::Method {
        match self {
            Method::Get => http::Method::GET,
            Method::Post => http::Method::POST,
            Method::Put => http::Method::PUT,
            Method::Patch => http::Method::PATCH,
            Method::Delete => http::Method::DELETE,
        }
    }

    /// The method's name: `GET`, `POST`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Reads a method name (any case).
    pub fn parse(name: &str) -> Option<Self> {
        [
            Method::Get,
            Method::Post,
            Method::Put,
            Method::Patch,
            Method::Delete,
        ]
        .into_iter()
        .find(|m| m.as_str().eq_ignore_ascii_case(name))
    }
}

/// How an endpoint proves who calls it. The driver applies it after the request is built.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AuthScheme {
    /// Nothing: token endpoints (app id and secret in the request), user-token endpoints, pages.
    None,
    /// `access_token` in the query: the app's own token (Official Account, Mini Program, WeCom
    /// app, authorizer).
    AccessToken,
    /// `component_access_token` in the query: an Open Platform third-party platform.
    ComponentAccessToken,
    /// The Open Platform component token as `access_token` in the query: the trial Mini Program
    /// registration (`wxa/component/fastregisterbetaweapp`) names it so.
    ComponentTokenAsAccessToken,
    /// `suite_access_token` in the query: a WeCom third-party suite.
    SuiteAccessToken,
    /// `provider_access_token` in the query: a WeCom service provider.
    ProviderAccessToken,
    /// The WeCom provider token as `access_token` in the query: the provider's web login
    /// (`service/get_login_info`) names it so.
    ProviderTokenAsAccessToken,
    /// `key` in the query: a WeCom group robot's secret webhook key.
    WebhookKey,
    /// Mini Program virtual payment: the app's `access_token`, and a signer's `pay_sig` (and the
    /// user's `signature`), HMAC-SHA256 over the exact body, in the query.
    XpaySignature,
    /// WeChat Pay v2: `nonce_str` and `sign` in the XML body; answers carry a `sign` too.
    PayV2Sign,
    /// WeChat Pay v3: a signed `Authorization` header; answers verified by `Wechatpay-Signature`.
    PayV3Signature,
}

impl AuthScheme {
    /// The query parameter that carries the credential, for schemes that put one there.
    pub const fn query_name(self) -> Option<&'static str> {
        match self {
            AuthScheme::AccessToken => Some("access_token"),
            AuthScheme::ComponentAccessToken => Some("component_access_token"),
            AuthScheme::ComponentTokenAsAccessToken => Some("access_token"),
            AuthScheme::SuiteAccessToken => Some("suite_access_token"),
            AuthScheme::ProviderAccessToken => Some("provider_access_token"),
            AuthScheme::ProviderTokenAsAccessToken => Some("access_token"),
            AuthScheme::WebhookKey => Some("key"),
            _ => None,
        }
    }

    /// True for the schemes whose credential is a token of a [`TokenFlow`](crate::TokenFlow).
    pub const fn is_token(self) -> bool {
        matches!(
            self,
            AuthScheme::AccessToken
                | AuthScheme::ComponentAccessToken
                | AuthScheme::ComponentTokenAsAccessToken
                | AuthScheme::SuiteAccessToken
                | AuthScheme::ProviderAccessToken
                | AuthScheme::ProviderTokenAsAccessToken
        )
    }

    /// True for the schemes a [`Signer`](crate::auth::Signer) applies (and verifies answers of).
    pub const fn is_signed(self) -> bool {
        matches!(
            self,
            AuthScheme::XpaySignature | AuthScheme::PayV2Sign | AuthScheme::PayV3Signature
        )
    }
}

/// How an answer says whether it succeeded, checked by [`check`] before the body is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Envelope {
    /// JSON with `errcode` and `errmsg` (absent or `0` on success): most of WeChat.
    Errcode,
    /// JSON with `base_resp: {ret, err_msg}` (and possibly `errcode`).
    BaseResp,
    /// WeChat Pay v3: a 2xx status (204 without a body); errors are 4xx/5xx with
    /// `{"code": "...", "message": "..."}`.
    PayV3,
    /// WeChat Pay v2: XML with `return_code`/`return_msg`, then `result_code`/`err_code`.
    PayV2Xml,
    /// Bytes (an image, a file) that turn into `errcode` JSON on failure: sniffed, never trusted
    /// by `Content-Type` alone.
    Binary,
    /// Nothing to read: any 2xx is success.
    Empty,
}

/// Whether an automatic retry after a transient failure (-1, HTTP 5xx, transport) is safe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Repeat {
    /// Reads, and writes that are idempotent: retried with a bounded back-off.
    Safe,
    /// Writes that could happen twice (sending a message): never retried automatically.
    Never,
}

/// What an endpoint is: everything but its inputs. Listed at run time by [`crate::catalog`], and
/// carried in the extensions of every request [`build_request`] makes (read it with [`meta_of`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// The Rust type of the request, with its module path.
    pub name: &'static str,
    /// The platform area, as in WeChat's documents: `officialaccount`, `miniprogram`, `work`, ...
    pub area: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The host.
    pub host: Host,
    /// The path, starting with `/`; `{name}` marks a path parameter.
    pub path: &'static str,
    /// How the caller is authenticated.
    pub auth: AuthScheme,
    /// How the answer says whether it succeeded.
    pub envelope: Envelope,
    /// Whether a transient failure may be retried automatically.
    pub repeat: Repeat,
    /// The answer carries a secret (a token, a session key): never copy its body into an error.
    pub sensitive: bool,
    /// The official document.
    pub doc: &'static str,
}

/// The [`Meta`] of the endpoint a request was built for, from its extensions.
pub fn meta_of<B>(request: &http::Request<B>) -> Option<&'static Meta> {
    request.extensions().get::<&'static Meta>().copied()
}

/// A request body.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Body {
    /// No body.
    Empty,
    /// `application/json`.
    Json(Vec<u8>),
    /// `text/xml`.
    Xml(Vec<u8>),
    /// `multipart/form-data`.
    Multipart(Multipart),
}

/// A `multipart/form-data` body, built without randomness: the boundary is derived from the content
/// and checked not to occur in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Multipart {
    parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Part {
    name: String,
    filename: Option<String>,
    content_type: Option<String>,
    data: Vec<u8>,
}

impl Multipart {
    /// An empty form.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a text field.
    pub fn text(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.parts.push(Part {
            name: name.into(),
            filename: None,
            content_type: None,
            data: value.into().into_bytes(),
        });
        self
    }

    /// Adds a file field.
    pub fn file(
        mut self,
        name: impl Into<String>,
        filename: impl Into<String>,
        content_type: impl Into<String>,
        data: Vec<u8>,
    ) -> Self {
        self.parts.push(Part {
            name: name.into(),
            filename: Some(filename.into()),
            content_type: Some(content_type.into()),
            data,
        });
        self
    }

    /// The `Content-Type` header value and the encoded body.
    pub fn encode(&self) -> (String, Vec<u8>) {
        use sha1::{Digest, Sha1};
        let mut hasher = Sha1::new();
        for p in &self.parts {
            hasher.update(p.name.as_bytes());
            hasher.update(&p.data);
        }
        let digest = hex::encode(hasher.finalize());
        let mut boundary = format!("wechat-{}", &digest[..24]);
        let mut n = 0u32;
        while self
            .parts
            .iter()
            .any(|p| contains(&p.data, boundary.as_bytes()))
        {
            n += 1;
            boundary = format!("wechat-{}-{n}", &digest[..24]);
        }
        let mut out = Vec::new();
        for p in &self.parts {
            out.extend_from_slice(b"--");
            out.extend_from_slice(boundary.as_bytes());
            out.extend_from_slice(b"\r\nContent-Disposition: form-data; name=\"");
            out.extend_from_slice(escape_quoted(&p.name).as_bytes());
            out.push(b'"');
            if let Some(f) = &p.filename {
                out.extend_from_slice(b"; filename=\"");
                out.extend_from_slice(escape_quoted(f).as_bytes());
                out.push(b'"');
            }
            out.extend_from_slice(b"\r\n");
            if let Some(ct) = &p.content_type {
                out.extend_from_slice(b"Content-Type: ");
                out.extend_from_slice(ct.as_bytes());
                out.extend_from_slice(b"\r\n");
            }
            out.extend_from_slice(b"\r\n");
            out.extend_from_slice(&p.data);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"--");
        out.extend_from_slice(boundary.as_bytes());
        out.extend_from_slice(b"--\r\n");
        (format!("multipart/form-data; boundary={boundary}"), out)
    }
}

fn escape_quoted(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace(['\r', '\n'], " ")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// A file to upload: its name, MIME type and bytes.
#[derive(Clone, PartialEq)]
pub struct Upload {
    /// The file name WeChat sees; its extension tells WeChat the format.
    pub filename: String,
    /// The MIME type of the part.
    pub content_type: String,
    /// The content.
    pub bytes: Vec<u8>,
}

impl fmt::Debug for Upload {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Upload")
            .field("filename", &self.filename)
            .field("content_type", &self.content_type)
            .field("len", &self.bytes.len())
            .finish()
    }
}

impl Upload {
    /// A file whose MIME type is guessed from the extension of `filename`.
    pub fn new(filename: impl Into<String>, bytes: Vec<u8>) -> Self {
        let filename = filename.into();
        let content_type = guess_content_type(&filename).to_owned();
        Self {
            filename,
            content_type,
            bytes,
        }
    }

    /// Sets the MIME type.
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = content_type.into();
        self
    }

    /// A multipart form with this file as the field `name`.
    #[cfg_attr(not(any(feature = "oa", feature = "work")), allow(dead_code))]
    pub(crate) fn form(&self, name: &str) -> Multipart {
        Multipart::new().file(
            name,
            self.filename.as_str(),
            self.content_type.as_str(),
            self.bytes.clone(),
        )
    }
}

fn guess_content_type(filename: &str) -> &'static str {
    let ext = filename
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "bmp" => "image/bmp",
        "mp3" => "audio/mpeg",
        "amr" => "audio/amr",
        "wav" => "audio/wav",
        "wma" => "audio/x-ms-wma",
        "speex" | "spx" => "audio/speex",
        "mp4" => "video/mp4",
        _ => "application/octet-stream",
    }
}

/// A WeChat endpoint: a typed request with its typed response.
///
/// Implemented through [`endpoint!`](crate::endpoint!), which also lists it in its module's
/// catalog.
pub trait Endpoint {
    /// The typed response.
    type Response;
    /// What the endpoint is.
    const META: &'static Meta;

    /// The path, with its parameters filled in.
    fn path(&self) -> Result<Cow<'static, str>> {
        Ok(Cow::Borrowed(Self::META.path))
    }

    /// Query parameters, besides the credential.
    fn query(&self) -> Result<Vec<(String, String)>> {
        Ok(Vec::new())
    }

    /// The request body.
    fn body(&self) -> Result<Body> {
        Ok(Body::Empty)
    }

    /// What the request hands to the driver's auth step beside its bytes, in the built request's
    /// extensions (never serialized, never sent): the user's session key of a virtual payment
    /// call. Nothing by default.
    fn extensions(&self, extensions: &mut http::Extensions) {
        let _ = extensions;
    }

    /// Turns the answer into the typed response or an error.
    fn parse(response: &http::Response<Vec<u8>>) -> Result<Self::Response>;
}

/// The characters escaped in a query or path component.
const COMPONENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes a query or path component.
pub fn encode_component(s: &str) -> percent_encoding::PercentEncode<'_> {
    percent_encoding::utf8_percent_encode(s, COMPONENT)
}

/// Fills the `{name}` parameters of a path template, each value percent-encoded. A parameter
/// left without a value, or given an empty one, is an error.
pub fn fill_path(
    template: &str,
    params: &[(&str, &dyn fmt::Display)],
) -> Result<Cow<'static, str>> {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .map(|c| open + c)
            .ok_or_else(|| Error::Build(format!("unclosed parameter in {template}")))?;
        let name = &rest[open + 1..close];
        let (_, value) = params
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or_else(|| Error::Build(format!("{template} needs {name}")))?;
        let value = value.to_string();
        if value.is_empty() {
            return Err(Error::Build(format!("{name} of {template} is empty")));
        }
        out.push_str(&rest[..open]);
        out.extend(encode_component(&value));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(Cow::Owned(out))
}

/// Builds the HTTP request of an endpoint, without its credential (the driver applies the
/// endpoint's [`AuthScheme`]), its [`Meta`] in the request's extensions.
pub fn build_request<E: Endpoint + ?Sized>(
    hosts: &Hosts,
    endpoint: &E,
) -> Result<http::Request<Vec<u8>>> {
    build_request_with(hosts, endpoint, None)
}

/// Builds the request of a token-scheme endpoint with its token, under the query parameter its
/// [`AuthScheme`] names (`access_token`, `component_access_token`, ...): for callers that do
/// their own IO. The driver does the same in its auth step.
pub fn build_request_with_token<E: Endpoint + ?Sized>(
    hosts: &Hosts,
    endpoint: &E,
    token: &crate::secret::Secret,
) -> Result<http::Request<Vec<u8>>> {
    let scheme = E::META.auth;
    match scheme.query_name() {
        Some(name) if scheme.is_token() => {
            build_request_with(hosts, endpoint, Some((name, token.expose())))
        }
        _ => Err(Error::Build(format!(
            "{} takes no token ({scheme:?})",
            E::META.name
        ))),
    }
}

/// [`build_request`] with a credential put first in the query while the URL is assembled, so
/// that the driver's auth step parses the URL once.
pub(crate) fn build_request_with<E: Endpoint + ?Sized>(
    hosts: &Hosts,
    endpoint: &E,
    credential: Option<(&str, &str)>,
) -> Result<http::Request<Vec<u8>>> {
    let meta = E::META;
    let path = endpoint.path()?;
    let query = endpoint.query()?;
    let pairs = credential
        .into_iter()
        .chain(query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let mut request = build_http_from(
        hosts,
        meta.method,
        meta.host,
        &path,
        pairs,
        endpoint.body()?,
    )?;
    request.extensions_mut().insert(meta);
    endpoint.extensions(request.extensions_mut());
    Ok(request)
}

/// Builds an HTTP request from its parts. Used by [`build_request`] and the untyped escape hatch.
pub fn build_http(
    hosts: &Hosts,
    method: Method,
    host: Host,
    path: &str,
    query: &[(&str, &str)],
    body: Body,
) -> Result<http::Request<Vec<u8>>> {
    build_http_from(hosts, method, host, path, query.iter().copied(), body)
}

/// [`build_http`] over any list of query pairs. The URL is written once, into a buffer sized for
/// it unless many characters need escaping, and `http` takes it over without copying it.
fn build_http_from<'q>(
    hosts: &Hosts,
    method: Method,
    host: Host,
    path: &str,
    query: impl Iterator<Item = (&'q str, &'q str)> + Clone,
    body: Body,
) -> Result<http::Request<Vec<u8>>> {
    if !path.starts_with('/') {
        return Err(Error::Build(format!("path {path:?} must start with '/'")));
    }
    let base = hosts.base(host);
    let len = base.len()
        + path.len()
        + query
            .clone()
            .map(|(k, v)| 2 + k.len() + v.len())
            .sum::<usize>();
    let mut url = String::with_capacity(len + 16);
    url.push_str(base);
    url.push_str(path);
    for (i, (k, v)) in query.enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        url.extend(encode_component(k));
        url.push('=');
        url.extend(encode_component(v));
    }
    // The URL may hold a secret: never echo it in the error.
    let uri =
        http::Uri::try_from(url).map_err(|_| Error::Build(format!("invalid URL for {path}")))?;
    let (content_type, bytes) = match body {
        Body::Empty => (None, Vec::new()),
        Body::Json(b) => (Some(HeaderValue::from_static("application/json")), b),
        Body::Xml(b) => (Some(HeaderValue::from_static("text/xml")), b),
        Body::Multipart(m) => {
            let (ct, b) = m.encode();
            let ct = HeaderValue::try_from(ct).map_err(|e| Error::Build(e.to_string()))?;
            (Some(ct), b)
        }
    };
    let mut request = http::Request::new(bytes);
    *request.method_mut() = method.as_http();
    *request.uri_mut() = uri;
    if let Some(content_type) = content_type {
        request.headers_mut().insert(CONTENT_TYPE, content_type);
    }
    Ok(request)
}

/// The query of a request type: its serialized fields in order, `None`s left out, nested values
/// (lists, objects) as compact JSON.
pub fn query_of<T: Serialize + ?Sized>(value: &T) -> Result<Vec<(String, String)>> {
    query::pairs(value).map_err(|e| Error::Build(e.to_string()))
}

/// The JSON body of a request type (`{}` for a unit struct).
pub fn json_body<T: Serialize + ?Sized>(value: &T) -> Result<Body> {
    // Room for most request bodies, which then need no reallocation (`to_vec` starts at 128).
    let mut bytes = Vec::with_capacity(256);
    serde_json::to_writer(&mut bytes, value).map_err(|e| Error::Build(e.to_string()))?;
    Ok(Body::Json(if bytes == b"null" {
        b"{}".to_vec()
    } else {
        bytes
    }))
}

/// The XML body of a request type, as WeChat Pay v2 reads it: the fields as elements of one
/// `<xml>` root, through quick-xml's serializer.
pub fn xml_body<T: Serialize + ?Sized>(value: &T) -> Result<Body> {
    quick_xml::se::to_string_with_root("xml", value)
        .map(|s| Body::Xml(s.into_bytes()))
        .map_err(|e| Error::Build(e.to_string()))
}

/// Checks an answer's status and envelope as its endpoint's [`Envelope`] says: the one place
/// where WeChat's ways of saying "no" become an [`Error`].
pub fn check(meta: &Meta, response: &http::Response<Vec<u8>>) -> Result<()> {
    let (status, body) = (response.status(), response.body().as_slice());
    match meta.envelope {
        Envelope::Errcode => check_errcode(status, body, meta.sensitive),
        Envelope::BaseResp => {
            check_errcode(status, body, meta.sensitive)?;
            check_base_resp(body)
        }
        Envelope::PayV3 => check_pay_v3(status, body, meta.sensitive),
        Envelope::PayV2Xml => check_pay_v2(status, body, meta.sensitive),
        Envelope::Binary if is_json_object(body) => check_errcode(status, body, false),
        Envelope::Binary | Envelope::Empty => check_status(status, body, meta.sensitive),
    }
}

/// Reads an answer: [`check`] first, then the typed body (JSON, or XML for
/// [`Envelope::PayV2Xml`]; an empty body reads as `{}`).
pub fn parse<T: DeserializeOwned>(meta: &Meta, response: &http::Response<Vec<u8>>) -> Result<T> {
    check(meta, response)?;
    decode(meta, response.body())
}

/// The typed body of an answer whose envelope was checked.
pub fn decode<T: DeserializeOwned>(meta: &Meta, body: &[u8]) -> Result<T> {
    let shown = if meta.sensitive { &b""[..] } else { body };
    match meta.envelope {
        Envelope::PayV2Xml => quick_xml::de::from_reader(body).map_err(|e| Error::decode(e, shown)),
        _ if body.iter().all(u8::is_ascii_whitespace) || meta.envelope == Envelope::Empty => {
            serde_json::from_slice(b"{}").map_err(|e| Error::decode(e, b""))
        }
        _ => {
            serde_json::from_slice(body).map_err(|e| Error::decode(json_error::<T>(body, e), shown))
        }
    }
}

/// A JSON decoding error that names the field: the body is read a second time, tracking the
/// path, only once the first read failed (the successful path pays nothing for it).
fn json_error<T: DeserializeOwned>(body: &[u8], error: serde_json::Error) -> String {
    let mut de = serde_json::Deserializer::from_slice(body);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(e) if e.path().to_string() != "." => format!("at `{}`: {}", e.path(), e.inner()),
        _ => error.to_string(),
    }
}

fn is_json_object(body: &[u8]) -> bool {
    body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
}

fn shown(body: &[u8], sensitive: bool) -> String {
    if sensitive {
        String::new()
    } else {
        snippet(body)
    }
}

fn check_status(status: http::StatusCode, body: &[u8], sensitive: bool) -> Result<()> {
    if status.is_success() {
        return Ok(());
    }
    Err(Error::Status {
        status: status.as_u16(),
        body: shown(body, sensitive),
    })
}

#[derive(Deserialize)]
struct Errcode<'a> {
    #[serde(default, deserialize_with = "crate::lenient::opt_i64")]
    errcode: Option<i64>,
    #[serde(default, borrow)]
    errmsg: Option<Cow<'a, str>>,
}

/// Checks the HTTP status and WeChat's `errcode` envelope of a JSON body (`"errcode": "0"`
/// written as a string counts as the number).
pub fn check_errcode(status: http::StatusCode, body: &[u8], sensitive: bool) -> Result<()> {
    // Most successful answers name no errcode at all: one substring search (SIMD) then spares
    // them a second parse of the body. The typed read that follows still rejects bad JSON.
    static ERRCODE: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(b"\"errcode\""));
    let Some(at) = ERRCODE.find(body) else {
        return check_status(status, body, sensitive);
    };
    // WeChat writes `errcode` first: an answer that opens with `{"errcode":0` and names no other
    // errcode is a success without a parse of its own.
    if opens_with_zero_errcode(body) && ERRCODE.find(&body[at + ERRCODE.needle().len()..]).is_none()
    {
        return check_status(status, body, sensitive);
    }
    let envelope = serde_json::from_slice::<Errcode<'_>>(body);
    if let Ok(Errcode {
        errcode: Some(code),
        errmsg,
    }) = &envelope
        && *code != 0
    {
        return Err(ApiError::new(*code, errmsg.as_deref().unwrap_or_default()).into());
    }
    check_status(status, body, sensitive)?;
    envelope.map(|_| ()).map_err(|e| Error::Decode {
        message: e.to_string(),
        body: shown(body, sensitive),
    })
}

/// Whether a body opens with `{"errcode":0,` or `{"errcode":0}`, spaces allowed.
fn opens_with_zero_errcode(body: &[u8]) -> bool {
    let mut rest = body;
    for token in [&b"{"[..], b"\"errcode\"", b":", b"0"] {
        match rest.trim_ascii_start().strip_prefix(token) {
            Some(after) => rest = after,
            None => return false,
        }
    }
    matches!(rest.trim_ascii_start().first(), Some(b',' | b'}'))
}

fn check_base_resp(body: &[u8]) -> Result<()> {
    #[derive(Deserialize)]
    struct Outer<'a> {
        #[serde(default, borrow)]
        base_resp: Option<BaseResp<'a>>,
    }
    #[derive(Deserialize)]
    struct BaseResp<'a> {
        #[serde(
            default,
            alias = "errcode",
            deserialize_with = "crate::lenient::opt_i64"
        )]
        ret: Option<i64>,
        #[serde(default, alias = "errmsg", borrow)]
        err_msg: Option<Cow<'a, str>>,
    }
    match serde_json::from_slice::<Outer<'_>>(body) {
        Ok(Outer {
            base_resp:
                Some(BaseResp {
                    ret: Some(code),
                    err_msg,
                }),
        }) if code != 0 => Err(ApiError::new(code, err_msg.as_deref().unwrap_or_default()).into()),
        _ => Ok(()),
    }
}

fn check_pay_v3(status: http::StatusCode, body: &[u8], sensitive: bool) -> Result<()> {
    if status.is_success() {
        return Ok(());
    }
    #[derive(Deserialize)]
    struct PayError<'a> {
        #[serde(borrow)]
        code: Cow<'a, str>,
        #[serde(default, borrow)]
        message: Cow<'a, str>,
    }
    match serde_json::from_slice::<PayError<'_>>(body) {
        Ok(e) => Err(ApiError::new(&*e.code, e.message).into()),
        Err(_) => check_status(status, body, sensitive),
    }
}

fn check_pay_v2(status: http::StatusCode, body: &[u8], sensitive: bool) -> Result<()> {
    check_status(status, body, sensitive)?;
    #[derive(Deserialize)]
    struct PayV2 {
        return_code: Option<String>,
        #[serde(default)]
        return_msg: String,
        result_code: Option<String>,
        err_code: Option<String>,
        #[serde(default)]
        err_code_des: String,
    }
    let answer: PayV2 = quick_xml::de::from_reader(body).map_err(|e| Error::Decode {
        message: e.to_string(),
        body: shown(body, sensitive),
    })?;
    match answer.return_code.as_deref() {
        Some("SUCCESS") => {}
        Some(code) => return Err(ApiError::new(code, answer.return_msg).into()),
        None => {
            return Err(Error::Decode {
                message: "no return_code".into(),
                body: shown(body, sensitive),
            });
        }
    }
    match answer.result_code.as_deref() {
        Some("FAIL") => {
            let code = answer.err_code.as_deref().unwrap_or("FAIL");
            Err(ApiError::new(code, answer.err_code_des).into())
        }
        _ => Ok(()),
    }
}

/// A binary answer: an image, a media file.
#[derive(Clone, PartialEq, Eq)]
pub struct Binary {
    /// The `Content-Type` WeChat sent, if any.
    pub content_type: Option<String>,
    /// The file name from `Content-Disposition` (`filename*` preferred), if any.
    pub filename: Option<String>,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// A binary answer as JSON: `content_type`, `filename`, `len` and the bytes as standard
/// `base64`.
impl Serialize for Binary {
    fn serialize<S: serde::Serializer>(&self, ser: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = ser.serialize_struct("Binary", 4)?;
        s.serialize_field("content_type", &self.content_type)?;
        s.serialize_field("filename", &self.filename)?;
        s.serialize_field("len", &self.bytes.len())?;
        s.serialize_field(
            "base64",
            &base64_simd::STANDARD.encode_to_string(&self.bytes),
        )?;
        s.end()
    }
}

impl fmt::Debug for Binary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Binary")
            .field("content_type", &self.content_type)
            .field("filename", &self.filename)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// Reads a binary answer: [`check`] (a JSON body is an error or an unexpected answer), then the
/// bytes with their `Content-Type` and file name.
pub fn parse_binary(meta: &Meta, response: &http::Response<Vec<u8>>) -> Result<Binary> {
    check(meta, response)?;
    let body = response.body();
    if is_json_object(body) {
        return Err(Error::Decode {
            message: "expected a file, got JSON".into(),
            body: shown(body, meta.sensitive),
        });
    }
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v: &http::HeaderValue| v.to_str().ok())
    };
    Ok(Binary {
        content_type: header(CONTENT_TYPE).map(str::to_owned),
        filename: header(CONTENT_DISPOSITION).and_then(content_disposition_filename),
        bytes: body.clone(),
    })
}

/// True when an answer's body is a JSON object rather than a file: for endpoints that answer
/// either (a video's URL or its bytes).
pub fn is_json_answer(response: &http::Response<Vec<u8>>) -> bool {
    is_json_object(response.body())
}

/// The file name of a `Content-Disposition` header value (RFC 6266): `filename*` (RFC 8187,
/// `UTF-8''percent-encoded`) when present and readable, else `filename`, quoted or not.
pub fn content_disposition_filename(value: &str) -> Option<String> {
    let mut plain = None;
    let mut extended = None;
    let mut rest = value;
    while let Some(semi) = next_param(rest) {
        rest = &rest[semi..];
        let param = rest.trim_start_matches([';', ' ', '\t']);
        let Some(eq) = param.find('=') else { break };
        let name = param[..eq].trim().to_ascii_lowercase();
        let after = param[eq + 1..].trim_start();
        let (raw, len) = if let Some(quoted) = after.strip_prefix('"') {
            let mut text = String::new();
            let mut escaped = false;
            let mut end = quoted.len();
            for (i, c) in quoted.char_indices() {
                match (escaped, c) {
                    (true, c) => {
                        text.push(c);
                        escaped = false;
                    }
                    (false, '\\') => escaped = true,
                    (false, '"') => {
                        end = i + 1;
                        break;
                    }
                    (false, c) => text.push(c),
                }
            }
            (text, 1 + end)
        } else {
            let end = after.find(';').unwrap_or(after.len());
            (after[..end].trim().to_owned(), end)
        };
        match name.as_str() {
            "filename" => plain = Some(raw),
            "filename*" => extended = decode_ext_value(&raw),
            _ => {}
        }
        let consumed = param.len() - after.len() + len;
        rest = &param[consumed.min(param.len())..];
    }
    extended.or(plain).filter(|n| !n.is_empty())
}

/// Where the next `;`-separated parameter starts.
fn next_param(s: &str) -> Option<usize> {
    s.find(';')
}

/// An RFC 8187 `ext-value`: `charset'language'percent-encoded`, UTF-8 (or ASCII) only.
fn decode_ext_value(raw: &str) -> Option<String> {
    let mut parts = raw.splitn(3, '\'');
    let charset = parts.next()?;
    let _language = parts.next()?;
    let encoded = parts.next()?;
    if !charset.eq_ignore_ascii_case("utf-8") && !charset.eq_ignore_ascii_case("us-ascii") {
        return None;
    }
    percent_encoding::percent_decode_str(encoded)
        .decode_utf8()
        .ok()
        .map(Cow::into_owned)
}

/// The answer of endpoints that answer nothing but success (`errcode` 0, or a 204). What the
/// answer holds besides (`errcode`, `errmsg`, ...) stays in [`Ack::extra`].
///
/// It reads and writes as the JSON object itself (`#[serde(transparent)]`), without the
/// buffering a flattened field costs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(transparent)]
pub struct Ack {
    /// Everything the answer holds, as WeChat sent it.
    pub extra: Extra,
}

/// The fields of an answer that its type does not name, as WeChat sent them: every response
/// type (and every object nested in one) has `#[serde(flatten)] pub extra: Extra`, so nothing
/// WeChat sends is lost, and serializing the value writes them back.
///
/// Envelope fields (`errcode`, `errmsg`) and fields WeChat has retired land here too. Read one
/// with `response.extra.get("nickname")`.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// Declares the endpoints of one module: implements [`Endpoint`] for each request type and
/// lists them all in the module's `CATALOG`, so that no endpoint exists without its catalog entry.
/// One invocation per module.
///
/// Each endpoint is a request line (`METHOD Host "/path/{param}"`) and named keys, in this order:
///
/// | key | | meaning |
/// |---|---|---|
/// | `auth` | required | the [`AuthScheme`] variant |
/// | `repeat` | required | the [`Repeat`] variant |
/// | `fields` | optional | where the request's serialized fields go: `query`, `json`, `xml` or `none`; by default the query for `GET` and `DELETE`, JSON otherwise |
/// | `path_params` | optional | `[field, ...]`: fields (any `Display`) that fill the path's `{field}` |
/// | `query` | optional | `fn(&Request) -> Result<Vec<(String, String)>>`, instead of the fields |
/// | `body` | optional | `fn(&Request) -> Result<Body>`, instead of the fields |
/// | `extensions` | optional | `fn(&Request, &mut http::Extensions)`: what the request hands to the auth step ([`Endpoint::extensions`]) |
/// | `envelope` | optional | the [`Envelope`] variant; `Errcode` by default |
/// | `parse` | optional | `fn(&Meta, &http::Response<Vec<u8>>) -> Result<Response>`, instead of [`parse`] ([`parse_binary`] for `Binary`) |
/// | `sensitive` | optional | `true` when the answer holds a secret |
/// | `area` | optional | overrides the invocation's area |
/// | `json` | optional | `none` when the request cannot be written as JSON (file uploads): [`crate::catalog::Entry::build`] then answers an error naming it |
/// | `doc` | required | the official document |
///
/// ```
/// use serde::{Deserialize, Serialize};
///
/// /// `get_api_domain_ip`: the egress IPs of `api.weixin.qq.com`.
/// #[derive(Serialize, Deserialize)]
/// pub struct GetApiDomainIp {}
///
/// /// A list of IP addresses.
/// #[derive(Serialize, Deserialize)]
/// pub struct IpList {
///     pub ip_list: Vec<String>,
///     #[serde(flatten)]
///     pub extra: wechat_core::endpoint::Extra,
/// }
///
/// wechat_core::endpoint! {
///     area: "officialaccount";
///     GetApiDomainIp => IpList {
///         GET Api "/cgi-bin/get_api_domain_ip",
///         auth: AccessToken, repeat: Safe,
///         doc: "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_the_WeChat_server_IP_address.html",
///     }
/// }
///
/// use wechat_core::{Endpoint, Hosts, Secret};
/// let request = wechat_core::endpoint::build_request_with_token(
///     &Hosts::default(),
///     &GetApiDomainIp {},
///     &Secret::new("TOKEN"),
/// )?;
/// assert_eq!(
///     request.uri(),
///     "https://api.weixin.qq.com/cgi-bin/get_api_domain_ip?access_token=TOKEN"
/// );
/// assert_eq!(CATALOG[0].meta, GetApiDomainIp::META);
/// let answer = http::Response::new(br#"{"ip_list":["101.226.62.77"]}"#.to_vec());
/// assert_eq!(GetApiDomainIp::parse(&answer)?.ip_list, ["101.226.62.77"]);
/// # Ok::<(), wechat_core::Error>(())
/// ```
#[macro_export]
macro_rules! endpoint {
    (
        area: $area:literal;
        $(
            $req:ty => $resp:ty {
                $method:ident $host:ident $path:literal,
                auth: $auth:ident,
                repeat: $repeat:ident,
                $(fields: $fields:ident,)?
                $(path_params: $params:tt,)?
                $(query: $query:expr,)?
                $(body: $body:expr,)?
                $(extensions: $extensions:expr,)?
                $(envelope: $envelope:ident,)?
                $(parse: $parse:expr,)?
                $(sensitive: $sensitive:literal,)?
                $(area: $own_area:literal,)?
                $(json: $json:ident,)?
                doc: $doc:expr $(,)?
            }
        )*
    ) => {
        $(
            impl $crate::endpoint::Endpoint for $req {
                type Response = $resp;
                const META: &'static $crate::endpoint::Meta = &$crate::endpoint::Meta {
                    name: concat!(module_path!(), "::", stringify!($req)),
                    area: $crate::endpoint!(@or [$($own_area)?] $area),
                    method: $crate::endpoint!(@method $method),
                    host: $crate::host::Host::$host,
                    path: $path,
                    auth: $crate::endpoint::AuthScheme::$auth,
                    envelope: $crate::endpoint!(@envelope [$($envelope)?]),
                    repeat: $crate::endpoint::Repeat::$repeat,
                    sensitive: $crate::endpoint!(@or [$($sensitive)?] false),
                    doc: $doc,
                };
                $($crate::endpoint!(@path $path $params);)?
                $crate::endpoint!(@query [$($query)?] [$($fields)?] $method);
                $crate::endpoint!(@body [$($body)?] [$($fields)?] $method);
                $crate::endpoint!(@extensions [$($extensions)?]);
                $crate::endpoint!(@parse [$($parse)?] [$($envelope)?] $resp);
            }
        )*

        /// Every endpoint of this module, for [`crate::catalog`]: what it is, and how to build
        /// and parse it by name.
        #[allow(dead_code)]
        pub(crate) const CATALOG: &[$crate::catalog::Entry] = &[$(
            $crate::catalog::Entry {
                meta: <$req as $crate::endpoint::Endpoint>::META,
                build: $crate::endpoint!(@from_json [$($json)?] $req),
                parse: $crate::catalog::parse_to_json::<$req>,
            }
        ),*];
    };
    (@from_json [] $req:ty) => { $crate::catalog::build_from_json::<$req> };
    (@from_json [none] $req:ty) => { $crate::catalog::not_buildable::<$req> };
    (@or [] $default:tt) => { $default };
    (@or [$value:tt] $default:tt) => { $value };
    (@method GET) => { $crate::endpoint::Method::Get };
    (@method POST) => { $crate::endpoint::Method::Post };
    (@method PUT) => { $crate::endpoint::Method::Put };
    (@method PATCH) => { $crate::endpoint::Method::Patch };
    (@method DELETE) => { $crate::endpoint::Method::Delete };
    (@envelope []) => { $crate::endpoint::Envelope::Errcode };
    (@envelope [$envelope:ident]) => { $crate::endpoint::Envelope::$envelope };
    (@path $path:literal [$($param:ident),+ $(,)?]) => {
        fn path(&self) -> $crate::error::Result<::std::borrow::Cow<'static, str>> {
            $crate::endpoint::fill_path(
                $path,
                &[$((stringify!($param), &self.$param as &dyn ::std::fmt::Display)),+],
            )
        }
    };
    (@query [$query:expr] [$($fields:ident)?] $method:ident) => {
        fn query(&self) -> $crate::error::Result<Vec<(String, String)>> {
            let query: fn(&Self) -> $crate::error::Result<Vec<(String, String)>> = $query;
            query(self)
        }
    };
    (@query [] [query] $method:ident) => { $crate::endpoint!(@query_of); };
    (@query [] [] GET) => { $crate::endpoint!(@query_of); };
    (@query [] [] DELETE) => { $crate::endpoint!(@query_of); };
    (@query [] [$($fields:ident)?] $method:ident) => {};
    (@query_of) => {
        fn query(&self) -> $crate::error::Result<Vec<(String, String)>> {
            $crate::endpoint::query_of(self)
        }
    };
    (@body [$body:expr] [$($fields:ident)?] $method:ident) => {
        fn body(&self) -> $crate::error::Result<$crate::endpoint::Body> {
            let body: fn(&Self) -> $crate::error::Result<$crate::endpoint::Body> = $body;
            body(self)
        }
    };
    (@body [] [json] $method:ident) => { $crate::endpoint!(@json_body); };
    (@body [] [xml] $method:ident) => {
        fn body(&self) -> $crate::error::Result<$crate::endpoint::Body> {
            $crate::endpoint::xml_body(self)
        }
    };
    (@body [] [] GET) => {};
    (@body [] [] DELETE) => {};
    (@body [] [] $method:ident) => { $crate::endpoint!(@json_body); };
    (@body [] [$fields:ident] $method:ident) => {};
    (@extensions []) => {};
    (@extensions [$extensions:expr]) => {
        fn extensions(&self, extensions: &mut $crate::http::Extensions) {
            let add: fn(&Self, &mut $crate::http::Extensions) = $extensions;
            add(self, extensions)
        }
    };
    (@json_body) => {
        fn body(&self) -> $crate::error::Result<$crate::endpoint::Body> {
            $crate::endpoint::json_body(self)
        }
    };
    (@parse [$parse:expr] [$($envelope:ident)?] $resp:ty) => {
        fn parse(response: &$crate::http::Response<Vec<u8>>) -> $crate::error::Result<$resp> {
            let parse: fn(
                &'static $crate::endpoint::Meta,
                &$crate::http::Response<Vec<u8>>,
            ) -> $crate::error::Result<$resp> = $parse;
            parse(Self::META, response)
        }
    };
    (@parse [] [Binary] $resp:ty) => {
        fn parse(response: &$crate::http::Response<Vec<u8>>) -> $crate::error::Result<$resp> {
            $crate::endpoint::parse_binary(Self::META, response)
        }
    };
    (@parse [] [$($envelope:ident)?] $resp:ty) => {
        fn parse(response: &$crate::http::Response<Vec<u8>>) -> $crate::error::Result<$resp> {
            $crate::endpoint::parse(Self::META, response)
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrCode;

    fn response(status: u16, body: &str) -> http::Response<Vec<u8>> {
        http::Response::builder()
            .status(status)
            .body(body.as_bytes().to_vec())
            .unwrap()
    }

    const fn meta(envelope: Envelope, sensitive: bool) -> Meta {
        Meta {
            name: "test",
            area: "test",
            method: Method::Get,
            host: Host::Api,
            path: "/x",
            auth: AuthScheme::None,
            envelope,
            repeat: Repeat::Safe,
            sensitive,
            doc: "",
        }
    }
    const JSON: Meta = meta(Envelope::Errcode, false);

    #[derive(Deserialize, Debug)]
    struct R {
        #[allow(dead_code)]
        ip_list: Vec<String>,
    }

    #[test]
    fn envelope_before_body() {
        let err = parse::<R>(
            &JSON,
            &response(
                200,
                r#"{"errcode":40001,"errmsg":"invalid credential rid: abc-1"}"#,
            ),
        )
        .unwrap_err();
        let api = match err {
            Error::Api(a) => a,
            e => panic!("{e:?}"),
        };
        assert_eq!(api.code, ErrCode::Number(40001));
        assert_eq!(api.rid.as_deref(), Some("abc-1"));
        assert!(parse::<R>(&JSON, &response(200, r#"{"ip_list":["1.1.1.1"]}"#)).is_ok());
        assert!(matches!(
            parse::<R>(&JSON, &response(200, "not json")),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            parse::<R>(&JSON, &response(502, "<html>bad gateway</html>")),
            Err(Error::Status { status: 502, .. })
        ));
        let secret = parse::<R>(
            &meta(Envelope::Errcode, true),
            &response(200, r#"{"access_token":"SECRET"}"#),
        );
        assert!(!format!("{secret:?}").contains("SECRET"));
    }

    #[test]
    fn errcode_written_as_text() {
        let ok = response(200, r#"{"errcode":"0","errmsg":"ok","ip_list":[]}"#);
        assert!(parse::<R>(&JSON, &ok).is_ok());
        let no = response(
            200,
            r#"{"errcode":"45009","errmsg":"reach max api daily quota"}"#,
        );
        assert_eq!(
            parse::<R>(&JSON, &no).unwrap_err().code(),
            Some(ErrCode::Number(45009))
        );
    }

    #[test]
    fn errcode_zero_first_is_read_without_a_parse() {
        for body in [
            r#"{"errcode":0,"errmsg":"ok"}"#,
            r#"{"errcode":0}"#,
            " { \"errcode\" : 0 ,\n \"errmsg\": \"ok\"}",
        ] {
            assert!(opens_with_zero_errcode(body.as_bytes()), "{body}");
            assert!(parse::<Ack>(&JSON, &response(200, body)).is_ok(), "{body}");
        }
        for body in [
            r#"{"errcode":0.5}"#,
            r#"{"errcode":00}"#,
            r#"{"errcode":"0"}"#,
            r#"{"errmsg":"ok","errcode":0}"#,
            r#"["errcode",0]"#,
        ] {
            assert!(!opens_with_zero_errcode(body.as_bytes()), "{body}");
        }
        // A second errcode, nested or repeated, sends the body through the full check.
        let repeated = response(200, r#"{"errcode":0,"errcode":40001}"#);
        assert!(parse::<Ack>(&JSON, &repeated).is_err());
        let nested = r#"{"errcode":0,"errmsg":"ok","result":{"errcode":1}}"#;
        assert!(parse::<Ack>(&JSON, &response(200, nested)).is_ok());
        // The typed read still rejects what is not JSON.
        let broken = response(200, r#"{"errcode":0,"errmsg":"#);
        assert!(matches!(
            parse::<Ack>(&JSON, &broken),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            parse::<Ack>(&JSON, &response(500, r#"{"errcode":0}"#)),
            Err(Error::Status { status: 500, .. })
        ));
    }

    #[test]
    fn base_resp_envelope() {
        let m = meta(Envelope::BaseResp, false);
        let no = response(
            200,
            r#"{"base_resp":{"ret":2009,"err_msg":"invalid date"}}"#,
        );
        assert_eq!(
            parse::<Ack>(&m, &no).unwrap_err().code(),
            Some(ErrCode::Number(2009))
        );
        let ok = response(
            200,
            r#"{"base_resp":{"ret":0,"err_msg":"ok"},"total_num":1}"#,
        );
        assert!(parse::<Ack>(&m, &ok).is_ok());
        let errcode = response(200, r#"{"errcode":40001,"errmsg":"bad"}"#);
        assert_eq!(
            parse::<Ack>(&m, &errcode).unwrap_err().code(),
            Some(ErrCode::Number(40001))
        );
    }

    #[test]
    fn pay_v3_envelope() {
        let m = meta(Envelope::PayV3, false);
        let no = response(
            404,
            r#"{"code":"ORDERNOTEXIST","message":"order does not exist"}"#,
        );
        let err = parse::<Ack>(&m, &no).unwrap_err();
        assert_eq!(err.code(), Some(ErrCode::Text("ORDERNOTEXIST".into())));
        assert!(!err.is_transient());
        let busy = response(500, r#"{"code":"SYSTEM_ERROR","message":"busy"}"#);
        assert!(parse::<Ack>(&m, &busy).unwrap_err().is_transient());
        assert_eq!(
            parse::<Ack>(&m, &response(204, "")).unwrap(),
            Ack {
                extra: Default::default(),
            }
        );
        assert!(matches!(
            parse::<Ack>(&m, &response(502, "<html/>")),
            Err(Error::Status { status: 502, .. })
        ));
    }

    #[test]
    fn pay_v2_envelope() {
        #[derive(Deserialize, Debug)]
        struct Order {
            prepay_id: String,
        }
        let m = meta(Envelope::PayV2Xml, false);
        let ok = response(
            200,
            "<xml><return_code><![CDATA[SUCCESS]]></return_code><result_code>SUCCESS</result_code>\
             <prepay_id><![CDATA[wx201410272009395522657a690389285100]]></prepay_id></xml>",
        );
        assert_eq!(
            parse::<Order>(&m, &ok).unwrap().prepay_id,
            "wx201410272009395522657a690389285100"
        );
        let fail = response(
            200,
            "<xml><return_code>FAIL</return_code><return_msg>invalid sign</return_msg></xml>",
        );
        let err = parse::<Order>(&m, &fail).unwrap_err();
        assert_eq!(err.code(), Some(ErrCode::Text("FAIL".into())));
        assert!(err.to_string().contains("invalid sign"));
        let result = response(
            200,
            "<xml><return_code>SUCCESS</return_code><result_code>FAIL</result_code>\
             <err_code>ORDERPAID</err_code><err_code_des>paid</err_code_des></xml>",
        );
        assert_eq!(
            parse::<Order>(&m, &result).unwrap_err().code(),
            Some(ErrCode::Text("ORDERPAID".into()))
        );
    }

    #[test]
    fn empty_envelope() {
        let m = meta(Envelope::Empty, false);
        assert!(parse::<Ack>(&m, &response(200, "anything")).is_ok());
        assert!(parse::<Ack>(&m, &response(403, "")).is_err());
    }

    #[test]
    fn binary_sniffs_json_errors() {
        let m = meta(Envelope::Binary, false);
        let ok = http::Response::builder()
            .header(CONTENT_TYPE, "image/jpeg")
            .header(CONTENT_DISPOSITION, "attachment; filename=\"qr.jpg\"")
            .body(vec![0xff, 0xd8, 0xff])
            .unwrap();
        let b = parse_binary(&m, &ok).unwrap();
        assert_eq!(b.filename.as_deref(), Some("qr.jpg"));
        assert_eq!(b.bytes, vec![0xff, 0xd8, 0xff]);
        // WeChat sends JSON errors with whatever Content-Type.
        let err = http::Response::builder()
            .header(CONTENT_TYPE, "image/jpeg")
            .body(br#"{"errcode":40007,"errmsg":"invalid media_id"}"#.to_vec())
            .unwrap();
        assert_eq!(
            parse_binary(&m, &err).unwrap_err().code(),
            Some(ErrCode::Number(40007))
        );
    }

    #[test]
    fn content_disposition() {
        let f = content_disposition_filename;
        assert_eq!(
            f("attachment; filename=\"a b.jpg\"").as_deref(),
            Some("a b.jpg")
        );
        assert_eq!(
            f("attachment; filename=plain.amr").as_deref(),
            Some("plain.amr")
        );
        assert_eq!(
            f("attachment; filename=\"fallback.jpg\"; filename*=UTF-8''%E4%BA%8C%E7%BB%B4%E7%A0%81.jpg")
                .as_deref(),
            Some("二维码.jpg")
        );
        assert_eq!(
            f("attachment; filename*=utf-8'zh'a%20b.png; filename=x.png").as_deref(),
            Some("a b.png")
        );
        assert_eq!(
            f(r#"attachment; filename="semi;colon \"q\".txt""#).as_deref(),
            Some("semi;colon \"q\".txt")
        );
        assert_eq!(
            f("attachment; filename*=ISO-8859-1''x.txt").as_deref(),
            None
        );
        assert_eq!(f("attachment").as_deref(), None);
        assert_eq!(f("attachment; filename=").as_deref(), None);
    }

    #[test]
    fn path_parameters() {
        let id: &dyn fmt::Display = &"4200 0/x";
        assert_eq!(
            fill_path(
                "/v3/pay/transactions/id/{transaction_id}",
                &[("transaction_id", id)]
            )
            .unwrap(),
            "/v3/pay/transactions/id/4200%200%2Fx"
        );
        assert!(fill_path("/v3/x/{a}", &[]).is_err());
        let empty: &dyn fmt::Display = &"";
        assert!(fill_path("/v3/x/{a}", &[("a", empty)]).is_err());
        assert!(fill_path("/v3/x/{a", &[("a", id)]).is_err());
    }

    #[test]
    fn methods() {
        for m in ["GET", "post", "Put", "PATCH", "delete"] {
            assert_eq!(Method::parse(m).unwrap().as_str(), m.to_ascii_uppercase());
        }
        assert_eq!(Method::parse("TRACE"), None);
    }

    #[test]
    fn xml_bodies() {
        #[derive(Serialize)]
        struct Order {
            appid: &'static str,
            total_fee: u32,
            body: &'static str,
        }
        let Body::Xml(xml) = xml_body(&Order {
            appid: "wx1",
            total_fee: 1,
            body: "a<b&c",
        })
        .unwrap() else {
            panic!()
        };
        assert_eq!(
            String::from_utf8(xml).unwrap(),
            "<xml><appid>wx1</appid><total_fee>1</total_fee><body>a&lt;b&amp;c</body></xml>"
        );
    }

    #[test]
    fn multipart_is_deterministic_and_boundary_safe() {
        let m = Multipart::new()
            .text("description", r#"{"title":"t"}"#)
            .file(
                "media",
                "a \"b\".jpg",
                "image/jpeg",
                b"\x00\x01binary".to_vec(),
            );
        let (ct1, b1) = m.encode();
        let (ct2, b2) = m.encode();
        assert_eq!((ct1.clone(), b1.clone()), (ct2, b2));
        let boundary = ct1.split("boundary=").nth(1).unwrap();
        let text = String::from_utf8_lossy(&b1);
        assert!(text.starts_with(&format!("--{boundary}\r\n")));
        assert!(text.ends_with(&format!("--{boundary}--\r\n")));
        assert!(text.contains("filename=\"a \\\"b\\\".jpg\""));
        assert!(!contains(b"\x00\x01binary", boundary.as_bytes()));
    }

    #[test]
    fn query_encoding() {
        #[derive(Serialize)]
        struct Q {
            next_openid: Option<String>,
            lang: &'static str,
            count: u32,
        }
        let q = query_of(&Q {
            next_openid: None,
            lang: "zh_CN",
            count: 3,
        })
        .unwrap();
        assert_eq!(
            q,
            vec![
                ("lang".into(), "zh_CN".into()),
                ("count".into(), "3".into())
            ]
        );

        // Everything else as `serde_json::to_value` wrote it: scalars as text, unit variants by
        // name, nested values as compact JSON, flattened parts in place, `()` left out.
        #[derive(Serialize)]
        #[serde(rename_all = "lowercase")]
        enum Kind {
            Image,
        }
        #[derive(Serialize)]
        struct Part {
            offset: i64,
        }
        #[derive(Serialize)]
        struct Nested {
            kind: Kind,
            ratio: f64,
            on: bool,
            ids: Vec<u32>,
            filter: Part,
            nothing: (),
            #[serde(flatten)]
            part: Part,
        }
        let q = query_of(&Nested {
            kind: Kind::Image,
            ratio: 1.0,
            on: true,
            ids: vec![1, 2],
            filter: Part { offset: -1 },
            nothing: (),
            part: Part { offset: 7 },
        })
        .unwrap();
        let q: Vec<(&str, &str)> = q.iter().map(|(k, v)| (&k[..], &v[..])).collect();
        assert_eq!(
            q,
            [
                ("kind", "image"),
                ("ratio", "1.0"),
                ("on", "true"),
                ("ids", "[1,2]"),
                ("filter", r#"{"offset":-1}"#),
                ("offset", "7"),
            ]
        );
        assert!(query_of(&()).unwrap().is_empty());
        let err = query_of(&[1, 2]).unwrap_err().to_string();
        assert!(err.contains("query must be an object, not a list"), "{err}");

        let req = build_http(
            &Hosts::default(),
            Method::Get,
            Host::Api,
            "/x",
            &[("a", "b c&d=é")],
            Body::Empty,
        )
        .unwrap();
        assert_eq!(
            req.uri(),
            "https://api.weixin.qq.com/x?a=b%20c%26d%3D%C3%A9"
        );
    }
}
