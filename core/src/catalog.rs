//! Every endpoint the SDK knows, listable at run time, and each one buildable and parseable by
//! name: a request written as JSON becomes the HTTP request the SDK sends ([`Entry::build`]), an
//! answer's bytes become the typed value as JSON ([`Entry::parse`]).

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::endpoint::{Endpoint, Meta, build_request, build_request_with_token};
use crate::error::{Error, Result};
use crate::host::Hosts;
use crate::secret::Secret;

/// Reads a request from JSON and builds it, with a token when given: [`Entry::build`].
pub type BuildFn = fn(&Hosts, serde_json::Value, Option<&Secret>) -> Result<http::Request<Vec<u8>>>;

/// One endpoint of the catalog: what it is, and its request and response reached through JSON.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// What the endpoint is.
    pub meta: &'static Meta,
    /// Reads the request from WeChat's documented JSON (the body, or the query as an object)
    /// and builds the HTTP request, with the token its auth scheme names when one is given.
    pub build: BuildFn,
    /// Checks an answer and reads it as the typed response, given back as JSON with WeChat's
    /// field names (secrets as `"[redacted]"`).
    pub parse: fn(&http::Response<Vec<u8>>) -> Result<serde_json::Value>,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.meta == other.meta
    }
}

/// [`Entry::build`] of a request type that reads from JSON.
pub fn build_from_json<E: Endpoint + DeserializeOwned>(
    hosts: &Hosts,
    json: serde_json::Value,
    token: Option<&Secret>,
) -> Result<http::Request<Vec<u8>>> {
    let request: E = serde_path_to_error::deserialize(json).map_err(|e| {
        let at = e.path().to_string();
        let at = if at == "." {
            String::new()
        } else {
            format!(" at `{at}`")
        };
        Error::Build(format!("{}{at}: {}", E::META.name, e.inner()))
    })?;
    match token {
        Some(token) if E::META.auth.is_token() => build_request_with_token(hosts, &request, token),
        _ => build_request(hosts, &request),
    }
}

/// [`Entry::build`] of a request that cannot be written as JSON (a file upload): an error naming
/// it.
pub fn not_buildable<E: Endpoint>(
    _: &Hosts,
    _: serde_json::Value,
    _: Option<&Secret>,
) -> Result<http::Request<Vec<u8>>> {
    Err(Error::Build(format!(
        "{} uploads a file: it is not buildable from JSON",
        E::META.name
    )))
}

/// [`Entry::parse`] of an endpoint: its typed response, as JSON.
pub fn parse_to_json<E: Endpoint>(response: &http::Response<Vec<u8>>) -> Result<serde_json::Value>
where
    E::Response: Serialize,
{
    let typed = E::parse(response)?;
    serde_json::to_value(&typed).map_err(|e| Error::Decode {
        message: e.to_string(),
        body: String::new(),
    })
}

/// Every endpoint, with its build and parse.
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    let credentials = crate::token::endpoints::CATALOG
        .iter()
        .chain(crate::token::user::CATALOG);
    #[cfg(feature = "oa")]
    let credentials = credentials.chain(crate::api::oa::catalog());
    #[cfg(feature = "mp")]
    let credentials = credentials.chain(crate::api::mp::catalog());
    #[cfg(feature = "work")]
    let credentials = credentials.chain(crate::api::work::catalog());
    #[cfg(feature = "open")]
    let credentials = credentials.chain(crate::api::open::catalog());
    #[cfg(feature = "pay")]
    let credentials = credentials.chain(crate::api::pay::catalog());
    credentials
}

/// Every endpoint: area, method, host, path, credential, Rust type and document.
pub fn all() -> impl Iterator<Item = &'static Meta> {
    entries().map(|e| e.meta)
}

/// The entry named `name`: its Rust type path as [`Meta::name`] gives it (or its tail after
/// `wechat_core::`, or the bare type name when only one type has it), or its API path
/// (`/cgi-bin/user/info`) when one endpoint alone has that path.
pub fn find(name: &str) -> std::result::Result<&'static Entry, Vec<&'static str>> {
    let name = name.trim();
    let matching: Vec<&'static Entry> = if name.starts_with('/') {
        let path = name.split(['?', '#']).next().unwrap_or_default();
        entries().filter(|e| e.meta.path == path).collect()
    } else {
        let exact: Vec<_> = entries()
            .filter(|e| {
                e.meta.name == name
                    || e.meta.name.strip_prefix("wechat_core::") == Some(name)
                    || e.meta.name.ends_with(&format!("::{name}"))
            })
            .collect();
        exact
    };
    match matching.as_slice() {
        [one] => Ok(one),
        [] => Err(near(name)),
        many => Err(many.iter().map(|e| e.meta.name).collect()),
    }
}

/// The names of the entries nearest to `name` (at most five): by edit distance to the type
/// name or the path, and those that contain it.
pub fn near(name: &str) -> Vec<&'static str> {
    let lower = name.to_ascii_lowercase();
    let short = lower.rsplit("::").next().unwrap_or(&lower).to_owned();
    let mut scored: Vec<(usize, &'static str)> = entries()
        .map(|e| {
            let ty = e.meta.name.rsplit("::").next().unwrap_or(e.meta.name);
            let ty = ty.to_ascii_lowercase();
            let path = e.meta.path.to_ascii_lowercase();
            let mut d = distance(&short, &ty).min(distance(&lower, &path));
            if !short.is_empty() && (ty.contains(&short) || path.contains(&short)) {
                d = d.min(2);
            }
            (d, e.meta.name)
        })
        .collect();
    scored.sort();
    let limit = (short.chars().count() / 2).max(3);
    scored
        .into_iter()
        .filter(|(d, _)| *d <= limit)
        .take(5)
        .map(|(_, n)| n)
        .collect()
}

/// Levenshtein distance.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
/// A browser-facing URL the SDK builds (a page the user opens, not an API call).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BrowserUrl {
    /// The Rust function that builds it.
    pub name: &'static str,
    /// The platform area.
    pub area: &'static str,
    /// The host.
    pub host: crate::host::Host,
    /// The path.
    pub path: &'static str,
    /// The official document.
    pub doc: &'static str,
}

/// Every browser-facing URL builder.
pub fn browser_urls() -> impl Iterator<Item = &'static BrowserUrl> {
    BROWSER_URLS.iter()
}

const BROWSER_URLS: &[BrowserUrl] = &[
    BrowserUrl {
        name: "wechat_core::api::open::authorizer::login_page_url",
        area: "openplatform",
        host: crate::host::Host::Mp,
        path: "/cgi-bin/componentloginpage",
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Authorization_Process_Technical_Description.html",
    },
    BrowserUrl {
        name: "wechat_core::api::open::authorizer::bind_component_url",
        area: "openplatform",
        host: crate::host::Host::Mp,
        path: "/safe/bindcomponent",
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Authorization_Process_Technical_Description.html",
    },
    BrowserUrl {
        name: "wechat_core::api::open::oauth::authorize_url",
        area: "openplatform",
        host: crate::host::Host::Open,
        path: "/connect/oauth2/authorize",
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Before_Develop/Official_Accounts/official_account_website_authorization.html",
    },
    BrowserUrl {
        name: "wechat_core::api::oa::oauth::authorize_url",
        area: "officialaccount",
        host: crate::host::Host::Open,
        path: "/connect/oauth2/authorize",
        doc: "https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/Wechat_webpage_authorization.html",
    },
    BrowserUrl {
        name: "wechat_core::api::oa::oauth::qrconnect_url",
        area: "officialaccount",
        host: crate::host::Host::Open,
        path: "/connect/qrconnect",
        doc: "https://developers.weixin.qq.com/doc/oplatform/Website_App/WeChat_Login/Wechat_Login.html",
    },
    BrowserUrl {
        name: "wechat_core::api::work::oauth::authorize_url",
        area: "work",
        host: crate::host::Host::Open,
        path: "/connect/oauth2/authorize",
        doc: "https://developer.work.weixin.qq.com/document/path/91022",
    },
    BrowserUrl {
        name: "wechat_core::api::work::oauth::qrconnect_url",
        area: "work",
        host: crate::host::Host::WorkOpen,
        path: "/wwopen/sso/qrConnect",
        doc: "https://developer.work.weixin.qq.com/document/path/91019",
    },
    BrowserUrl {
        name: "wechat_core::api::work::suite::install_url",
        area: "work",
        host: crate::host::Host::WorkOpen,
        path: "/3rdapp/install",
        doc: "https://developer.work.weixin.qq.com/document/path/90597",
    },
    BrowserUrl {
        name: "wechat_core::api::work::suite::provider_login_url",
        area: "work",
        host: crate::host::Host::WorkOpen,
        path: "/wwopen/sso/3rd_qrConnect",
        doc: "https://developer.work.weixin.qq.com/document/path/91124",
    },
    BrowserUrl {
        name: "wechat_core::api::oa::qrcode::showqrcode_url",
        area: "officialaccount",
        host: crate::host::Host::Mp,
        path: "/cgi-bin/showqrcode",
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Generating_a_Parametric_QR_Code.html",
    },
];

/// One line per endpoint, tab-separated: area, method, URL, credential, Rust type.
pub fn tsv(hosts: &crate::host::Hosts) -> String {
    let mut out = String::from("area\tmethod\turl\tcredential\ttype\n");
    for m in all() {
        let cred = match m.auth {
            crate::endpoint::AuthScheme::None => "none",
            scheme => scheme.query_name().unwrap_or("signature"),
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            m.area,
            m.method.as_str(),
            hosts.url(m.host, m.path),
            cred,
            m.name
        ));
    }
    out
}
