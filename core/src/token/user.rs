//! Per-user credentials: one-shot exchanges of a login code, never cached by the SDK.

use serde::{Deserialize, Serialize};

use crate::secret::Secret;

use crate::secret::expose;

/// `auth.code2Session` (`jscode2session`): a Mini Program login code for the user's `openid` and
/// `session_key`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Code2Session {
    /// The Mini Program's app id.
    pub appid: String,
    /// Its app secret.
    #[serde(serialize_with = "expose")]
    pub secret: Secret,
    /// The code from `wx.login`.
    pub js_code: String,
    /// Always `authorization_code`.
    pub grant_type: std::borrow::Cow<'static, str>,
}

impl Code2Session {
    /// Exchanges `js_code` for the app `appid`.
    pub fn new(appid: impl Into<String>, secret: Secret, js_code: impl Into<String>) -> Self {
        Self {
            appid: appid.into(),
            secret,
            js_code: js_code.into(),
            grant_type: "authorization_code".into(),
        }
    }
}

/// What [`Code2Session`] answers.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Session {
    /// The user's id in this app.
    pub openid: String,
    /// The key that decrypts the user's `encryptedData`.
    pub session_key: Secret,
    /// The user's id across the Open Platform account's apps, when bound.
    #[serde(default)]
    pub unionid: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "credential";

    Code2Session => Session {
        GET Api "/sns/jscode2session",
        auth: None, repeat: Safe,
        sensitive: true,
        area: "miniprogram",
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoint::Endpoint;
    use crate::endpoint::build_request;
    use crate::host::Hosts;

    #[test]
    fn code2session() {
        let req = Code2Session::new("wxapp", Secret::new("SECRET"), "CODE");
        let http = build_request(&Hosts::default(), &req).unwrap();
        assert_eq!(
            http.uri(),
            "https://api.weixin.qq.com/sns/jscode2session?appid=wxapp&secret=SECRET&js_code=CODE&grant_type=authorization_code"
        );
        assert!(!format!("{req:?}").contains("SECRET"));
        let ok =
            http::Response::new(br#"{"openid":"o1","session_key":"SK==","unionid":"u1"}"#.to_vec());
        let s = Code2Session::parse(&ok).unwrap();
        assert_eq!((s.openid.as_str(), s.session_key.expose()), ("o1", "SK=="));
        let bad = http::Response::new(br#"{"errcode":40029,"errmsg":"invalid code"}"#.to_vec());
        assert_eq!(
            Code2Session::parse(&bad).unwrap_err().code(),
            Some(crate::ErrCode::Number(40029))
        );
    }
}
