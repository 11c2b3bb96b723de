//! WeChat hosts, overridable per client.

use crate::error::{Error, Result};

/// A WeChat API host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Host {
    /// `api.weixin.qq.com`: Official Account, Mini Program, Open Platform.
    Api,
    /// `qyapi.weixin.qq.com`: WeCom.
    Work,
    /// `api.mch.weixin.qq.com`: WeChat Pay.
    Pay,
    /// `open.weixin.qq.com`: browser-facing authorization pages.
    Open,
    /// `mp.weixin.qq.com`: browser-facing pages (QR code images).
    Mp,
    /// `open.work.weixin.qq.com`: WeCom's browser-facing pages (web login).
    WorkOpen,
}

impl Host {
    /// Every host.
    pub const ALL: [Host; 6] = [
        Host::Api,
        Host::Work,
        Host::Pay,
        Host::Open,
        Host::Mp,
        Host::WorkOpen,
    ];

    /// WeChat's own base URL for this host.
    pub const fn default_base(self) -> &'static str {
        match self {
            Host::Api => "https://api.weixin.qq.com",
            Host::Work => "https://qyapi.weixin.qq.com",
            Host::Pay => "https://api.mch.weixin.qq.com",
            Host::Open => "https://open.weixin.qq.com",
            Host::Mp => "https://mp.weixin.qq.com",
            Host::WorkOpen => "https://open.work.weixin.qq.com",
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// The base URL of every host, for one client: WeChat's by default, or a reverse proxy, a backup
/// domain (`api2.weixin.qq.com`), or the emulator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hosts {
    bases: [String; 6],
}

impl Default for Hosts {
    fn default() -> Self {
        Self {
            bases: Host::ALL.map(|h| h.default_base().to_owned()),
        }
    }
}

impl Hosts {
    /// Every host pointed at one base URL (an emulator, one reverse proxy).
    pub fn all(base: &str) -> Result<Self> {
        let base = normalize(base)?;
        Ok(Self {
            bases: Host::ALL.map(|_| base.clone()),
        })
    }

    /// One host pointed elsewhere.
    pub fn with(mut self, host: Host, base: &str) -> Result<Self> {
        self.bases[host.index()] = normalize(base)?;
        Ok(self)
    }

    /// The base URL of a host, without a trailing slash.
    pub fn base(&self, host: Host) -> &str {
        &self.bases[host.index()]
    }

    /// The base URL of a host as a [`url::Url`].
    pub fn base_url(&self, host: Host) -> url::Url {
        url::Url::parse(self.base(host)).expect("bases are checked when set")
    }

    /// The full URL of a path (starting with `/`) on a host, without a query.
    pub fn url(&self, host: Host, path: &str) -> String {
        let mut url = String::with_capacity(self.base(host).len() + path.len());
        url.push_str(self.base(host));
        url.push_str(path);
        url
    }
}

/// Checks a user-given base URL with the `url` crate: `http(s)://host[:port][/prefix]`, no
/// query, fragment or credentials; kept without a trailing slash.
fn normalize(base: &str) -> Result<String> {
    let invalid = |why: &str| Error::Build(format!("invalid base URL {base:?}: {why}"));
    let url = url::Url::parse(base.trim()).map_err(|e| invalid(&e.to_string()))?;
    if !matches!(url.scheme(), "http" | "https")
        || !url.has_host()
        || url.query().is_some()
        || url.fragment().is_some()
        || !url.username().is_empty()
        || url.password().is_some()
    {
        return Err(invalid("it must be http(s)://host[:port][/prefix]"));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_one_or_all() {
        let h = Hosts::default()
            .with(Host::Api, "https://api2.weixin.qq.com/")
            .unwrap();
        assert_eq!(
            h.url(Host::Api, "/cgi-bin/token"),
            "https://api2.weixin.qq.com/cgi-bin/token"
        );
        assert_eq!(h.base(Host::Work), "https://qyapi.weixin.qq.com");
        let h = Hosts::all("http://127.0.0.1:8080/proxy").unwrap();
        assert_eq!(
            h.url(Host::Work, "/cgi-bin/gettoken"),
            "http://127.0.0.1:8080/proxy/cgi-bin/gettoken"
        );
        assert!(Hosts::all("ftp://x").is_err());
        assert!(Hosts::all("not a url").is_err());
        assert!(Hosts::all("http://x/?a=b").is_err());
    }
}
