//! JS-SDK configuration signatures (`wx.config`, WeCom `wx.agentConfig`).
//!
//! A page that uses the JS-SDK calls `wx.config({appId, timestamp, nonceStr, signature, jsApiList})`.
//! The server signs the page's URL with the account's `jsapi` ticket:
//! [`Client::jssdk_config`](crate::Client::jssdk_config) fetches the ticket with the account's
//! token (`ticket/getticket?type=jsapi`), caches it like a token (7200 s, refreshed early, one
//! fetch at a time across processes sharing the store), draws the nonce from the runtime, and
//! returns a [`JsSdkConfig`] that serializes with the field names `wx.config` expects. The page
//! adds its own `jsApiList`.
//!
//! The URL must be the page's full URL as the browser shows it (scheme, host, path and query),
//! without the `#fragment` (dropped here), and its domain must be one of the account's JS
//! interface safe domains. The signature is [`signature`]: sha1 of
//! `jsapi_ticket=..&noncestr=..&timestamp=..&url=..`, in hex.
//!
//! ```no_run
//! # async fn page<H, S, R>(client: &wechat_core::Client<H, S, R>) -> wechat_core::Result<String>
//! # where H: wechat_core::HttpClient, S: wechat_core::TokenStore, R: wechat_core::Runtime {
//! let config = client.jssdk_config("https://example.com/page?id=1").await?;
//! // Hand it to the page: wx.config({...config, jsApiList: ["scanQRCode"]}).
//! Ok(serde_json::to_string(&config).unwrap())
//! # }
//! ```
//!
//! <https://developers.weixin.qq.com/doc/offiaccount/OA_Web_Apps/JS-SDK.html#62>

use sha1::{Digest, Sha1};

use crate::secret::Secret;

/// The signature of a page: sha1 of `jsapi_ticket=..&noncestr=..&timestamp=..&url=..`, hex.
/// The URL's `#fragment` is left out, as WeChat requires.
pub fn signature(ticket: &Secret, noncestr: &str, timestamp: u64, url: &str) -> String {
    let url = url.split('#').next().unwrap_or_default();
    let mut h = Sha1::new();
    h.update(b"jsapi_ticket=");
    h.update(ticket.expose().as_bytes());
    h.update(b"&noncestr=");
    h.update(noncestr.as_bytes());
    h.update(b"&timestamp=");
    h.update(timestamp.to_string().as_bytes());
    h.update(b"&url=");
    h.update(url.as_bytes());
    hex::encode(h.finalize())
}

/// What a page passes to `wx.config` (Official Account: the app id; WeCom: the corp id).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct JsSdkConfig {
    /// The app id (or the WeCom corp id).
    #[serde(rename = "appId")]
    pub app_id: String,
    /// Unix seconds.
    pub timestamp: u64,
    /// The random string signed.
    #[serde(rename = "nonceStr")]
    pub nonce_str: String,
    /// The signature.
    pub signature: String,
}

impl JsSdkConfig {
    /// Signs a page URL.
    pub fn new(app_id: &str, ticket: &Secret, nonce_str: &str, timestamp: u64, url: &str) -> Self {
        Self {
            app_id: app_id.to_owned(),
            timestamp,
            nonce_str: nonce_str.to_owned(),
            signature: signature(ticket, nonce_str, timestamp, url),
        }
    }
}

/// What a page passes to WeCom's `wx.agentConfig`, signed with the `agent_config` ticket.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AgentConfig {
    /// The corp id.
    pub corpid: String,
    /// The app's agent id.
    pub agentid: String,
    /// Unix seconds.
    pub timestamp: u64,
    /// The random string signed.
    #[serde(rename = "nonceStr")]
    pub nonce_str: String,
    /// The signature.
    pub signature: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn official_example() {
        // The worked example of the JS-SDK document (appendix 1).
        let ticket = Secret::new(
            "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg",
        );
        let sig = signature(
            &ticket,
            "Wm3WZYTPz0wzccnW",
            1414587457,
            "http://mp.weixin.qq.com?params=value#frag",
        );
        assert_eq!(sig, "0f9de62fce790f9a083d5c99e95740ceb90c27ed");
    }
}
