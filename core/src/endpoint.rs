//! The endpoint model: a typed request becomes an `http::Request<Vec<u8>>`; response bytes become the
//! typed response or an [`Error`].

use http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::error::{ApiError, Error, Result, snippet};
use crate::host::{Host, Hosts};
use crate::secret::Secret;

/// The HTTP method of an endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    /// `GET`
    Get,
    /// `POST`
    Post,
}

impl Method {
    /// As an `http::Method`.
    pub fn as_http(self) -> http::Method {
        match self {
            Method::Get => http::Method::GET,
            Method::Post => http::Method::POST,
        }
    }

    /// `GET` or `POST`.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
        }
    }
}

/// The credential an endpoint takes in its query string.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Credential {
    /// None: token endpoints (app id and secret in the request), public pages.
    None,
    /// `access_token`: the app's own token (Official Account, Mini Program, WeCom app, authorizer).
    AccessToken,
    /// `component_access_token`: an Open Platform third-party platform.
    ComponentAccessToken,
    /// `suite_access_token`: a WeCom third-party suite.
    SuiteAccessToken,
    /// `provider_access_token`: a WeCom service provider.
    ProviderAccessToken,
}

impl Credential {
    /// The query parameter that carries it.
    pub const fn query_name(self) -> Option<&'static str> {
        match self {
            Credential::None => None,
            Credential::AccessToken => Some("access_token"),
            Credential::ComponentAccessToken => Some("component_access_token"),
            Credential::SuiteAccessToken => Some("suite_access_token"),
            Credential::ProviderAccessToken => Some("provider_access_token"),
        }
    }
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

/// What an endpoint is: everything but its inputs. Listed at run time by [`crate::catalog`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Meta {
    /// The Rust type of the request.
    pub name: &'static str,
    /// The platform area, as in WeChat's documents: `officialaccount`, `miniprogram`, `work`, ...
    pub area: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The host.
    pub host: Host,
    /// The path, starting with `/`.
    pub path: &'static str,
    /// The credential carried in the query.
    pub credential: Credential,
    /// Whether a transient failure may be retried automatically.
    pub repeat: Repeat,
    /// The response carries a secret (a token): never copy its body into an error.
    pub sensitive: bool,
    /// The official document.
    pub doc: &'static str,
}

/// A request body.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// A WeChat endpoint: a typed request with its typed response.
///
/// Most endpoints implement it through [`endpoint!`](crate::endpoint!); odd ones by hand.
pub trait Endpoint {
    /// The typed response.
    type Response;
    /// What the endpoint is.
    const META: Meta;

    /// Query parameters, besides the credential.
    fn query(&self) -> Result<Vec<(String, String)>> {
        Ok(Vec::new())
    }

    /// The request body.
    fn body(&self) -> Result<Body> {
        Ok(Body::Empty)
    }

    /// Turns the response into the typed response or an error.
    fn parse(response: &http::Response<Vec<u8>>) -> Result<Self::Response>;
}

/// The characters escaped in a query component.
const QUERY: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes a query or path component.
pub fn encode_component(s: &str) -> percent_encoding::PercentEncode<'_> {
    percent_encoding::utf8_percent_encode(s, QUERY)
}

/// Builds the HTTP request of an endpoint. `credential` is the token named by its [`Meta::credential`].
pub fn build_request<E: Endpoint + ?Sized>(
    hosts: &Hosts,
    endpoint: &E,
    credential: Option<&Secret>,
) -> Result<http::Request<Vec<u8>>> {
    let meta = E::META;
    let query = endpoint.query()?;
    let body = endpoint.body()?;
    let mut pairs: Vec<(&str, &str)> = Vec::with_capacity(query.len() + 1);
    match (meta.credential.query_name(), credential) {
        (None, _) => {}
        (Some(name), Some(token)) => pairs.push((name, token.expose())),
        (Some(name), None) => return Err(Error::Build(format!("{} needs {name}", meta.name))),
    }
    pairs.extend(query.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    build_http(hosts, meta.method, meta.host, meta.path, &pairs, body)
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
    if !path.starts_with('/') {
        return Err(Error::Build(format!("path {path:?} must start with '/'")));
    }
    let mut url = hosts.url(host, path);
    for (i, (k, v)) in query.iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        url.extend(encode_component(k));
        url.push('=');
        url.extend(encode_component(v));
    }
    let builder = http::Request::builder().method(method.as_http()).uri(url);
    let (builder, bytes) = match body {
        Body::Empty => (builder, Vec::new()),
        Body::Json(b) => (builder.header(CONTENT_TYPE, "application/json"), b),
        Body::Xml(b) => (builder.header(CONTENT_TYPE, "text/xml"), b),
        Body::Multipart(m) => {
            let (ct, b) = m.encode();
            (builder.header(CONTENT_TYPE, ct), b)
        }
    };
    // The URL may hold a token: never echo it in the error.
    builder
        .body(bytes)
        .map_err(|_| Error::Build(format!("invalid URL for {path}")))
}

/// The query of a request type: its serialized fields, `null`s left out, nested values as JSON.
pub fn query_of<T: Serialize + ?Sized>(value: &T) -> Result<Vec<(String, String)>> {
    match serde_json::to_value(value).map_err(|e| Error::Build(e.to_string()))? {
        serde_json::Value::Null => Ok(Vec::new()),
        serde_json::Value::Object(map) => Ok(map
            .into_iter()
            .filter_map(|(k, v)| match v {
                serde_json::Value::Null => None,
                serde_json::Value::String(s) => Some((k, s)),
                other => Some((k, other.to_string())),
            })
            .collect()),
        other => Err(Error::Build(format!(
            "query must be an object, not {other}"
        ))),
    }
}

/// The JSON body of a request type (`{}` for a unit struct).
pub fn json_body<T: Serialize + ?Sized>(value: &T) -> Result<Body> {
    let bytes = serde_json::to_vec(value).map_err(|e| Error::Build(e.to_string()))?;
    Ok(Body::Json(if bytes == b"null" {
        b"{}".to_vec()
    } else {
        bytes
    }))
}

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(default)]
    errcode: Option<i64>,
    #[serde(default, borrow)]
    errmsg: Option<std::borrow::Cow<'a, str>>,
}

/// Checks the HTTP status and WeChat's `errcode` envelope of a JSON body.
pub fn check_envelope(status: http::StatusCode, body: &[u8], sensitive: bool) -> Result<()> {
    let envelope = serde_json::from_slice::<Envelope<'_>>(body);
    if let Ok(Envelope {
        errcode: Some(code),
        errmsg,
    }) = &envelope
        && *code != 0
    {
        return Err(ApiError::new(*code, errmsg.as_deref().unwrap_or_default()).into());
    }
    if !status.is_success() {
        return Err(Error::Status {
            status: status.as_u16(),
            body: if sensitive {
                String::new()
            } else {
                snippet(body)
            },
        });
    }
    envelope.map(|_| ()).map_err(|e| Error::Decode {
        message: e.to_string(),
        body: if sensitive {
            String::new()
        } else {
            snippet(body)
        },
    })
}

/// Parses a JSON response: envelope first, then the typed body.
pub fn parse_json<T: DeserializeOwned>(
    response: &http::Response<Vec<u8>>,
    sensitive: bool,
) -> Result<T> {
    let body = response.body();
    check_envelope(response.status(), body, sensitive)?;
    serde_json::from_slice(body).map_err(|e| {
        if sensitive {
            Error::decode(e, b"")
        } else {
            Error::decode(e, body)
        }
    })
}

/// A binary answer: an image, a media file.
#[derive(Clone, PartialEq, Eq)]
pub struct Binary {
    /// The `Content-Type` WeChat sent, if any.
    pub content_type: Option<String>,
    /// The file name from `Content-Disposition`, if any.
    pub filename: Option<String>,
    /// The bytes.
    pub bytes: Vec<u8>,
}

impl std::fmt::Debug for Binary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Binary")
            .field("content_type", &self.content_type)
            .field("filename", &self.filename)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// Parses a binary response that turns into a JSON error on failure: the body is sniffed, since
/// `Content-Type` alone is not trustworthy.
pub fn parse_binary(response: &http::Response<Vec<u8>>) -> Result<Binary> {
    let body = response.body();
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        check_envelope(response.status(), body, false)?;
    } else if !response.status().is_success() {
        return Err(Error::Status {
            status: response.status().as_u16(),
            body: snippet(body),
        });
    }
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v: &http::HeaderValue| v.to_str().ok())
            .map(str::to_owned)
    };
    let filename = header(CONTENT_DISPOSITION).and_then(|d| {
        let start = d.find("filename=")? + "filename=".len();
        Some(
            d[start..]
                .trim_matches(|c| c == '"' || c == ';' || c == ' ')
                .to_owned(),
        )
    });
    Ok(Binary {
        content_type: header(CONTENT_TYPE),
        filename,
        bytes: body.clone(),
    })
}

/// The response of endpoints that answer only `errcode` and `errmsg`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
pub struct Ack {}

/// Implements [`Endpoint`] for a request type whose fields are the query (`GET`) or the JSON body
/// (`POST`), with a JSON or binary response.
///
/// ```
/// use serde::{Deserialize, Serialize};
///
/// /// `get_api_domain_ip`: the egress IPs of `api.weixin.qq.com`.
/// #[derive(Serialize)]
/// pub struct GetApiDomainIp {}
///
/// /// A list of IP addresses.
/// #[derive(Deserialize)]
/// pub struct IpList {
///     pub ip_list: Vec<String>,
/// }
///
/// wechat_core::json_response!(IpList);
/// wechat_core::endpoint! {
///     GetApiDomainIp => IpList {
///         GET Api "/cgi-bin/get_api_domain_ip", AccessToken, Safe,
///         area: "officialaccount",
///         doc: "https://developers.weixin.qq.com/doc/offiaccount/Basic_Information/Get_the_WeChat_server_IP_address.html",
///     }
/// }
///
/// use wechat_core::{Endpoint, Hosts, Secret};
/// let request = wechat_core::endpoint::build_request(
///     &Hosts::default(),
///     &GetApiDomainIp {},
///     Some(&Secret::new("TOKEN")),
/// )?;
/// assert_eq!(
///     request.uri(),
///     "https://api.weixin.qq.com/cgi-bin/get_api_domain_ip?access_token=TOKEN"
/// );
/// let answer = http::Response::new(br#"{"ip_list":["101.226.62.77"]}"#.to_vec());
/// assert_eq!(GetApiDomainIp::parse(&answer)?.ip_list, ["101.226.62.77"]);
/// # Ok::<(), wechat_core::Error>(())
/// ```
#[macro_export]
macro_rules! endpoint {
    (@meta $req:ty, $method:ident, $host:ident, $path:literal, $cred:ident, $repeat:ident, $sensitive:literal, $area:literal, $doc:literal) => {
        $crate::endpoint::Meta {
            name: concat!(module_path!(), "::", stringify!($req)),
            area: $area,
            method: $crate::endpoint!(@method $method),
            host: $crate::host::Host::$host,
            path: $path,
            credential: $crate::endpoint::Credential::$cred,
            repeat: $crate::endpoint::Repeat::$repeat,
            sensitive: $sensitive,
            doc: $doc,
        }
    };
    (@method GET) => { $crate::endpoint::Method::Get };
    (@method POST) => { $crate::endpoint::Method::Post };
    (@inputs GET) => {
        fn query(&self) -> $crate::error::Result<Vec<(String, String)>> {
            $crate::endpoint::query_of(self)
        }
    };
    (@inputs POST) => {
        fn body(&self) -> $crate::error::Result<$crate::endpoint::Body> {
            $crate::endpoint::json_body(self)
        }
    };
    ($(
        $req:ty => $resp:ty {
            $method:ident $host:ident $path:literal, $cred:ident, $repeat:ident,
            area: $area:literal, doc: $doc:literal $(,)?
        }
    )*) => {$(
        impl $crate::endpoint::Endpoint for $req {
            type Response = $resp;
            const META: $crate::endpoint::Meta =
                $crate::endpoint!(@meta $req, $method, $host, $path, $cred, $repeat, false, $area, $doc);
            $crate::endpoint!(@inputs $method);
            fn parse(response: &$crate::http::Response<Vec<u8>>) -> $crate::error::Result<$resp> {
                $crate::endpoint::Parse::parse_response(response)
            }
        }
    )*};
}

/// How a response type is read from the HTTP response: JSON with the envelope, or binary.
pub trait Parse: Sized {
    /// Reads the response.
    fn parse_response(response: &http::Response<Vec<u8>>) -> Result<Self>;
}

impl Parse for Binary {
    fn parse_response(response: &http::Response<Vec<u8>>) -> Result<Self> {
        parse_binary(response)
    }
}

/// Marks a response type as JSON, read by [`parse_json`] through [`Parse`].
#[macro_export]
macro_rules! json_response {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::endpoint::Parse for $t {
            fn parse_response(response: &$crate::http::Response<Vec<u8>>) -> $crate::error::Result<Self> {
                $crate::endpoint::parse_json(response, false)
            }
        }
    )*};
}

json_response!(Ack, serde_json::Value);

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, body: &str) -> http::Response<Vec<u8>> {
        http::Response::builder()
            .status(status)
            .body(body.as_bytes().to_vec())
            .unwrap()
    }

    #[test]
    fn envelope_before_body() {
        #[derive(Deserialize, Debug)]
        struct R {
            #[allow(dead_code)]
            ip_list: Vec<String>,
        }
        let err = parse_json::<R>(
            &response(
                200,
                r#"{"errcode":40001,"errmsg":"invalid credential rid: abc-1"}"#,
            ),
            false,
        )
        .unwrap_err();
        let api = match err {
            Error::Api(a) => a,
            e => panic!("{e:?}"),
        };
        assert_eq!(api.code, ErrCodeAlias(40001));
        assert_eq!(api.rid.as_deref(), Some("abc-1"));
        assert!(parse_json::<R>(&response(200, r#"{"ip_list":["1.1.1.1"]}"#), false).is_ok());
        assert!(matches!(
            parse_json::<R>(&response(200, "not json"), false),
            Err(Error::Decode { .. })
        ));
        assert!(matches!(
            parse_json::<R>(&response(502, "<html>bad gateway</html>"), false),
            Err(Error::Status { status: 502, .. })
        ));
        let secret = parse_json::<R>(&response(200, r#"{"access_token":"SECRET"}"#), true);
        assert!(!format!("{secret:?}").contains("SECRET"));
    }

    use crate::error::ErrCode as ErrCodeAlias;

    #[test]
    fn binary_sniffs_json_errors() {
        let ok = http::Response::builder()
            .header(CONTENT_TYPE, "image/jpeg")
            .header(CONTENT_DISPOSITION, "attachment; filename=\"qr.jpg\"")
            .body(vec![0xff, 0xd8, 0xff])
            .unwrap();
        let b = parse_binary(&ok).unwrap();
        assert_eq!(b.filename.as_deref(), Some("qr.jpg"));
        assert_eq!(b.bytes, vec![0xff, 0xd8, 0xff]);
        // WeChat sends JSON errors with whatever Content-Type.
        let err = http::Response::builder()
            .header(CONTENT_TYPE, "image/jpeg")
            .body(br#"{"errcode":40007,"errmsg":"invalid media_id"}"#.to_vec())
            .unwrap();
        assert_eq!(
            parse_binary(&err).unwrap_err().code(),
            Some(ErrCodeAlias(40007))
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
