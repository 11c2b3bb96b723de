//! A Mini Program's domains, set by the platform for an authorizer: server domains
//! (`modify_domain`) and web-view business domains (`setwebviewdomain`).

use serde::{Deserialize, Serialize};

/// `wxa/modify_domain` (modifyServerDomain, 配置小程序服务器域名): reads (`get`) or changes
/// (`add`, `delete`, `set`) the Mini Program's server domains; the answer lists them all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ModifyDomain {
    /// `add`, `delete`, `set` or `get`.
    pub action: String,
    /// `request` domains (`https://`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requestdomain: Vec<String>,
    /// `socket` domains (`wss://`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wsrequestdomain: Vec<String>,
    /// `uploadFile` domains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub uploaddomain: Vec<String>,
    /// `downloadFile` domains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub downloaddomain: Vec<String>,
    /// `udp` domains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub udpdomain: Vec<String>,
    /// `tcp` domains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tcpdomain: Vec<String>,
}

impl ModifyDomain {
    /// Reads the current domains.
    pub fn get() -> Self {
        Self {
            action: "get".into(),
            ..Self::default()
        }
    }
}

/// A Mini Program's server domains.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServerDomains {
    /// `request` domains.
    pub requestdomain: Vec<String>,
    /// `socket` domains.
    pub wsrequestdomain: Vec<String>,
    /// `uploadFile` domains.
    pub uploaddomain: Vec<String>,
    /// `downloadFile` domains.
    pub downloaddomain: Vec<String>,
    /// `udp` domains.
    pub udpdomain: Vec<String>,
    /// `tcp` domains.
    pub tcpdomain: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `wxa/setwebviewdomain` (setWebViewDomain, 配置小程序业务域名): reads (`get`) or changes
/// (`add`, `delete`, `set`) the domains `<web-view>` may open. Without `action` the domains
/// are set to those of the platform's settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SetWebviewDomain {
    /// `add`, `delete`, `set` or `get`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The domains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub webviewdomain: Vec<String>,
}

/// The web-view domains (listed when `action` is `get`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WebviewDomains {
    /// The domains.
    pub webviewdomain: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "openplatform";

    ModifyDomain => ServerDomains {
        POST Api "/wxa/modify_domain",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/Server_Address_Configuration.html",
    }
    SetWebviewDomain => WebviewDomains {
        POST Api "/wxa/setwebviewdomain",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/setwebviewdomain.html",
    }
}
