//! Every endpoint the SDK knows, listable at run time.

use crate::endpoint::Meta;

/// Every endpoint: area, method, host, path, credential, Rust type and document.
pub fn all() -> impl Iterator<Item = &'static Meta> {
    let credentials = crate::token::endpoints::CATALOG
        .iter()
        .chain(crate::token::user::CATALOG)
        .copied();
    #[cfg(feature = "oa")]
    let credentials = credentials.chain(crate::api::oa::catalog());
    credentials
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
