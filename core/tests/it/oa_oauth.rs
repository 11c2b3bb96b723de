//! Web page authorization: authorization URLs, code exchange, refresh, user info, token check.

use crate::common;

use common::*;
use wechat_core::api::oa::oauth::*;
use wechat_core::endpoint::{AuthScheme, Endpoint, Repeat};
use wechat_core::{ErrCode, Error, Host, Hosts, Secret};

const API: &str = "https://api.weixin.qq.com";

#[test]
fn authorize_url_encodes_the_redirect() {
    // The document's example.
    let redirect = "https://chong.qq.com/php/index.php?d=&c=wxAdapter&m=mobileDeal&showwxpaytitle=1&vb2ctag=4_2030_5_1194_60";
    assert_eq!(
        authorize_url(
            &Hosts::default(),
            "wx520c15f417810387",
            redirect,
            Scope::Base,
            "123"
        )
        .as_str(),
        "https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx520c15f417810387\
         &redirect_uri=https%3A%2F%2Fchong.qq.com%2Fphp%2Findex.php%3Fd%3D%26c%3DwxAdapter%26m%3DmobileDeal%26showwxpaytitle%3D1%26vb2ctag%3D4_2030_5_1194_60\
         &response_type=code&scope=snsapi_base&state=123#wechat_redirect"
    );
    assert_eq!(
        authorize_url(
            &Hosts::default(),
            "wxapp",
            "https://example.com/cb?x=1#frag",
            Scope::UserInfo,
            "a b"
        )
        .as_str(),
        "https://open.weixin.qq.com/connect/oauth2/authorize?appid=wxapp\
         &redirect_uri=https%3A%2F%2Fexample.com%2Fcb%3Fx%3D1%23frag\
         &response_type=code&scope=snsapi_userinfo&state=a+b#wechat_redirect"
    );
}

#[test]
fn qrconnect_url_and_overridden_hosts() {
    assert_eq!(
        qrconnect_url(
            &Hosts::default(),
            "wxbdc5610cc59c1631",
            "https://passport.yhd.com/wechat/callback.do",
            "3d6be0a4035d839573b04816624a415e"
        )
        .as_str(),
        "https://open.weixin.qq.com/connect/qrconnect?appid=wxbdc5610cc59c1631\
         &redirect_uri=https%3A%2F%2Fpassport.yhd.com%2Fwechat%2Fcallback.do\
         &response_type=code&scope=snsapi_login&state=3d6be0a4035d839573b04816624a415e#wechat_redirect"
    );
    let hosts = Hosts::default()
        .with(Host::Open, "http://127.0.0.1:9000")
        .unwrap();
    assert!(
        authorize_url(&hosts, "a", "b", Scope::Base, "c")
            .as_str()
            .starts_with("http://127.0.0.1:9000/connect/oauth2/authorize?appid=a&")
    );
}

#[test]
fn code_exchange() {
    let req = GetOauthAccessToken::new("APPID", Secret::new("SECRET"), "CODE");
    // The account's token is never added: the app secret authenticates.
    assert_get(
        &req,
        &format!(
            "{API}/sns/oauth2/access_token?appid=APPID&secret=SECRET&code=CODE&grant_type=authorization_code"
        ),
    );
    assert!(!format!("{req:?}").contains("SECRET"));
    let t = parse::<GetOauthAccessToken>(fixture!("sns/oauth2/access_token"));
    assert_eq!(t.access_token.expose(), "ACCESS_TOKEN");
    assert_eq!(t.refresh_token.expose(), "REFRESH_TOKEN");
    assert_eq!(t.expires_in, 7200);
    assert_eq!(t.openid, "OPENID");
    assert_eq!(t.is_snapshotuser, Some(1));
    assert_eq!(t.unionid.as_deref(), Some("UNIONID"));
    assert!(
        !format!("{t:?}").contains("REFRESH_TOKEN"),
        "tokens are redacted"
    );
    let meta = GetOauthAccessToken::META;
    assert_eq!(meta.auth, AuthScheme::None);
    assert!(meta.sensitive);
    // A code works once: a retry after a lost answer could only fail.
    assert_eq!(meta.repeat, Repeat::Never);
}

#[test]
fn refresh() {
    assert_get(
        &RefreshOauthAccessToken::new("APPID", Secret::new("REFRESH_TOKEN")),
        &format!(
            "{API}/sns/oauth2/refresh_token?appid=APPID&grant_type=refresh_token&refresh_token=REFRESH_TOKEN"
        ),
    );
    let t = parse::<RefreshOauthAccessToken>(fixture!("sns/oauth2/refresh_token"));
    assert_eq!(t.scope, "SCOPE");
    assert_eq!((t.is_snapshotuser, t.unionid), (None, None));
    const { assert!(RefreshOauthAccessToken::META.sensitive) };
}

#[test]
fn a_token_answer_never_reaches_an_error() {
    let odd = http::Response::builder()
        .status(200)
        .body(br#"{"access_token":"LEAKED","refresh_token":42}"#.to_vec())
        .unwrap();
    let err = GetOauthAccessToken::parse(&odd).unwrap_err();
    assert!(matches!(err, Error::Decode { .. }));
    assert!(!format!("{err} {err:?}").contains("LEAKED"));
}

#[test]
fn user_info() {
    assert_get(
        &GetOauthUserInfo {
            access_token: Secret::new("USER_TOKEN"),
            openid: "OPENID".into(),
            lang: Some("zh_CN".into()),
        },
        &format!("{API}/sns/userinfo?access_token=USER_TOKEN&openid=OPENID&lang=zh_CN"),
    );
    let u = parse::<GetOauthUserInfo>(fixture!("sns/userinfo"));
    assert_eq!(u.nickname, "NICKNAME");
    assert_eq!(u.privilege, ["PRIVILEGE1", "PRIVILEGE2"]);
    assert!(u.headimgurl.ends_with("/46"));
    assert_eq!(u.unionid.as_deref(), Some("o6_bmasdasdsad6_2sgVt7hMZOPfL"));
    assert_eq!(GetOauthUserInfo::META.auth, AuthScheme::None);
}

#[test]
fn check_token() {
    assert_get(
        &CheckOauthAccessToken {
            access_token: Secret::new("USER_TOKEN"),
            openid: "OPENID".into(),
        },
        &format!("{API}/sns/auth?access_token=USER_TOKEN&openid=OPENID"),
    );
    parse::<CheckOauthAccessToken>(fixture!("sns/auth"));
}

#[test]
fn errcode_becomes_an_api_error() {
    assert_eq!(
        api_error::<CheckOauthAccessToken>(r#"{"errcode":40003,"errmsg":"invalid openid"}"#),
        ErrCode::Number(40003)
    );
    assert_eq!(
        api_error::<GetOauthAccessToken>(r#"{"errcode":40029,"errmsg":"invalid code"}"#),
        ErrCode::Number(40029)
    );
}
