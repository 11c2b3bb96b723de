//! A small HTTP client for the tests.

use serde_json::Value;
use wechat_emulator::{Emulator, EmulatorHandle, demo};

pub struct Client {
    http: reqwest::Client,
    base: String,
}

pub struct Raw {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Client {
    pub fn new(base: &str) -> Self {
        Client {
            http: reqwest::Client::builder()
                .no_proxy()
                .build()
                .expect("client"),
            base: base.trim_end_matches('/').to_owned(),
        }
    }

    pub fn for_emu(emu: &EmulatorHandle) -> Self {
        Client::new(emu.base_url())
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn raw(&self, method: &str, path: &str, body: Option<Value>) -> Raw {
        let method = reqwest::Method::from_bytes(method.as_bytes()).expect("method");
        let mut req = self.http.request(method, self.url(path));
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status().as_u16();
        let content_type = resp
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = resp.bytes().await.expect("body").to_vec();
        Raw {
            status,
            content_type,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Value {
        let raw = self.raw("GET", path, None).await;
        assert_eq!(
            raw.status,
            200,
            "GET {path}: {}",
            String::from_utf8_lossy(&raw.body)
        );
        serde_json::from_slice(&raw.body).expect("JSON answer")
    }

    pub async fn post(&self, path: &str, body: Value) -> Value {
        let raw = self.raw("POST", path, Some(body)).await;
        assert_eq!(
            raw.status,
            200,
            "POST {path}: {}",
            String::from_utf8_lossy(&raw.body)
        );
        serde_json::from_slice(&raw.body).expect("JSON answer")
    }

    /// A new classic token for the demo app.
    pub async fn classic_token(&self) -> String {
        let v = self
            .get(&format!(
                "/cgi-bin/token?grant_type=client_credential&appid={}&secret={}",
                demo::APPID,
                demo::SECRET
            ))
            .await;
        assert_eq!(v["expires_in"], 7200, "{v}");
        v["access_token"].as_str().expect("access_token").to_owned()
    }

    /// The stable token of the demo app: (token, expires_in).
    pub async fn stable_token(&self, force_refresh: bool) -> (String, i64) {
        let v = self
            .post(
                "/cgi-bin/stable_token",
                serde_json::json!({
                    "grant_type": "client_credential",
                    "appid": demo::APPID,
                    "secret": demo::SECRET,
                    "force_refresh": force_refresh,
                }),
            )
            .await;
        (
            v["access_token"].as_str().expect("access_token").to_owned(),
            v["expires_in"].as_i64().expect("expires_in"),
        )
    }

    /// The demo WeCom app's token.
    pub async fn corp_token(&self) -> String {
        let v = self
            .get(&format!(
                "/cgi-bin/gettoken?corpid={}&corpsecret={}",
                demo::CORPID,
                demo::CORPSECRET
            ))
            .await;
        assert_eq!(v["errcode"], 0, "{v}");
        v["access_token"].as_str().expect("access_token").to_owned()
    }

    /// `errcode` of a business call with this token (0 when the answer has none).
    pub async fn call_errcode(&self, path: &str, token: &str) -> i64 {
        let v = self.get(&format!("{path}?access_token={token}")).await;
        v.get("errcode").and_then(Value::as_i64).unwrap_or(0)
    }
}

pub async fn start() -> (EmulatorHandle, Client) {
    let emu = Emulator::start().await.expect("emulator starts");
    let client = Client::for_emu(&emu);
    (emu, client)
}

/// The embedded fixture for a path, as JSON.
pub fn fixture(name: &str) -> Value {
    let bytes = wechat_emulator::fixtures::embedded(name).expect("fixture exists");
    serde_json::from_slice(bytes).expect("fixture is JSON")
}
