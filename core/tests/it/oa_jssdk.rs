//! The JS-SDK configuration through the driver: the `jsapi` ticket fetched with the account's
//! token, cached, and the page signed as the document's worked example.

use crate::common;

use common::*;
use futures::executor::block_on;
use wechat_core::ErrCode;
use wechat_core::token::jssdk::JsSdkConfig;

const TICKET: &str =
    "sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg";

/// A runtime at the example's time whose random bytes spell the example's nonce.
fn example_runtime() -> FixedRuntime {
    const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    FixedRuntime {
        now_ms: 1_414_587_457_000,
        pattern: b"Wm3WZYTPz0wzccnW"
            .iter()
            .map(|c| CHARS.iter().position(|x| x == c).unwrap() as u8)
            .collect(),
    }
}

#[test]
fn jssdk_config_signs_the_page_with_the_cached_ticket() {
    let (client, wechat) = client_with(example_runtime());
    wechat.push(
        "/cgi-bin/ticket/getticket",
        &format!(r#"{{"errcode":0,"errmsg":"ok","ticket":"{TICKET}","expires_in":7200}}"#),
    );

    let config =
        block_on(client.jssdk_config("http://mp.weixin.qq.com?params=value#frag")).unwrap();
    assert_eq!(
        config,
        JsSdkConfig {
            app_id: "wxapp".into(),
            timestamp: 1_414_587_457,
            nonce_str: "Wm3WZYTPz0wzccnW".into(),
            signature: "0f9de62fce790f9a083d5c99e95740ceb90c27ed".into(),
        }
    );
    // What the page passes to `wx.config`, as WeChat spells it.
    assert_eq!(
        serde_json::to_value(&config).unwrap(),
        serde_json::json!({
            "appId": "wxapp",
            "timestamp": 1414587457,
            "nonceStr": "Wm3WZYTPz0wzccnW",
            "signature": "0f9de62fce790f9a083d5c99e95740ceb90c27ed"
        })
    );
    // A second page reuses the ticket: nothing else is scripted, another fetch would panic.
    let other = block_on(client.jssdk_config("http://mp.weixin.qq.com/other")).unwrap();
    assert_ne!(other.signature, config.signature);
    assert_eq!(
        wechat.seen(),
        ["/cgi-bin/ticket/getticket?access_token=ACCESS_TOKEN&type=jsapi"]
    );
}

#[test]
fn a_ticket_failure_is_the_error() {
    let (client, wechat) = client();
    wechat.push(
        "/cgi-bin/ticket/getticket",
        r#"{"errcode":48001,"errmsg":"api unauthorized"}"#,
    );
    let err = block_on(client.jssdk_config("https://example.com/")).unwrap_err();
    assert_eq!(err.code(), Some(ErrCode::Number(48001)));
}
