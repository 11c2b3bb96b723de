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

/// WeCom `auth/getuserinfo`: who opened a page, from the OAuth `code`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct GetWorkUserInfo {
    /// The code from the OAuth redirect.
    pub code: String,
}

/// What [`GetWorkUserInfo`] answers: a member (`userid`) or a non-member (`openid`).
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct WorkUserIdentity {
    /// The member's id in the corp.
    #[serde(default)]
    pub userid: Option<String>,
    /// With `snsapi_privateinfo`: the ticket for the member's sensitive details (30 minutes).
    #[serde(default)]
    pub user_ticket: Option<Secret>,
    /// A non-member's id, unique within the corp.
    #[serde(default)]
    pub openid: Option<String>,
    /// The external contact id, when the visitor is a customer of the corp.
    #[serde(default)]
    pub external_userid: Option<String>,
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
    GetWorkUserInfo => WorkUserIdentity {
        GET Work "/cgi-bin/auth/getuserinfo",
        auth: AccessToken, repeat: Safe,
        sensitive: true,
        area: "work",
        doc: "https://developer.work.weixin.qq.com/document/path/91023",
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

    #[test]
    fn work_user_info() {
        let http = crate::endpoint::build_request_with_token(
            &Hosts::default(),
            &GetWorkUserInfo { code: "C".into() },
            &Secret::new("AT"),
        )
        .unwrap();
        assert_eq!(
            http.uri(),
            "https://qyapi.weixin.qq.com/cgi-bin/auth/getuserinfo?access_token=AT&code=C"
        );
        let member = http::Response::new(
            br#"{"errcode":0,"errmsg":"ok","userid":"zhangsan","user_ticket":"UT"}"#.to_vec(),
        );
        let m = GetWorkUserInfo::parse(&member).unwrap();
        assert_eq!(m.userid.as_deref(), Some("zhangsan"));
        let visitor = http::Response::new(
            br#"{"errcode":0,"errmsg":"ok","openid":"o","external_userid":"wm1"}"#.to_vec(),
        );
        let v = GetWorkUserInfo::parse(&visitor).unwrap();
        assert_eq!(
            (v.userid, v.external_userid.as_deref()),
            (None, Some("wm1"))
        );
    }
}
