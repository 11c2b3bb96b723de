//! Account management: parametric QR codes, the QR code image, short URLs and short keys.

use serde::{Deserialize, Serialize};

use crate::endpoint::Binary;
use crate::host::{Host, Hosts};

/// The kind of a parametric QR code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum QrAction {
    /// Temporary, with an integer scene.
    QrScene,
    /// Temporary, with a string scene.
    QrStrScene,
    /// Permanent (at most 100 000 per account), with an integer scene.
    QrLimitScene,
    /// Permanent, with a string scene.
    QrLimitStrScene,
}

/// `qrcode/create` (createQRCode): a QR code ticket carrying a scene value, pushed back in the
/// `subscribe` / `SCAN` event when a user scans it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CreateQrCode {
    /// Lifetime in seconds of a temporary code (at most 2 592 000, 30 days; WeChat applies a
    /// short default of its own when absent). Absent for permanent codes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire_seconds: Option<u32>,
    /// The kind of code.
    pub action_name: QrAction,
    /// The scene.
    pub action_info: QrActionInfo,
}

/// The scene of a QR code.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QrActionInfo {
    /// The scene value.
    pub scene: QrScene,
}

/// A scene value: an integer or a string, by the code's kind.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct QrScene {
    /// A non-zero 32-bit integer (temporary) or 1..=100 000 (permanent).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scene_id: Option<u32>,
    /// 1 to 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scene_str: Option<String>,
}

impl CreateQrCode {
    fn new(action_name: QrAction, expire_seconds: Option<u32>, scene: QrScene) -> Self {
        Self {
            expire_seconds,
            action_name,
            action_info: QrActionInfo { scene },
        }
    }

    /// A temporary code with an integer scene.
    pub fn temporary(scene_id: u32, expire_seconds: u32) -> Self {
        let scene = QrScene {
            scene_id: Some(scene_id),
            scene_str: None,
        };
        Self::new(QrAction::QrScene, Some(expire_seconds), scene)
    }

    /// A temporary code with a string scene.
    pub fn temporary_str(scene_str: impl Into<String>, expire_seconds: u32) -> Self {
        let scene = QrScene {
            scene_id: None,
            scene_str: Some(scene_str.into()),
        };
        Self::new(QrAction::QrStrScene, Some(expire_seconds), scene)
    }

    /// A permanent code with an integer scene.
    pub fn permanent(scene_id: u32) -> Self {
        let scene = QrScene {
            scene_id: Some(scene_id),
            scene_str: None,
        };
        Self::new(QrAction::QrLimitScene, None, scene)
    }

    /// A permanent code with a string scene.
    pub fn permanent_str(scene_str: impl Into<String>) -> Self {
        let scene = QrScene {
            scene_id: None,
            scene_str: Some(scene_str.into()),
        };
        Self::new(QrAction::QrLimitStrScene, None, scene)
    }
}

/// What [`CreateQrCode`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct QrCodeTicket {
    /// The ticket: exchange it for the image with [`ShowQrCode`] or [`showqrcode_url`].
    pub ticket: String,
    /// Lifetime in seconds (temporary codes only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expire_seconds: Option<u64>,
    /// The URL the image encodes, to draw the code yourself.
    #[serde(default)]
    pub url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `showqrcode`: the QR code image of a ticket, from `mp.weixin.qq.com` (no token). A JPEG, or a
/// JSON error.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShowQrCode {
    /// The ticket from [`CreateQrCode`].
    pub ticket: String,
}

/// The browser URL of a ticket's QR code image: `https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=`
/// with the ticket percent-encoded.
pub fn showqrcode_url(hosts: &Hosts, ticket: &str) -> url::Url {
    super::oauth::browser_url(
        hosts,
        Host::Mp,
        "/cgi-bin/showqrcode",
        &[("ticket", ticket)],
        None,
    )
}

/// `shorturl` (long2short): a `w.url.cn` short URL. WeChat stopped creating new short URLs on
/// 2021-03-15; kept for accounts that still get answers. Prefer [`GenShortKey`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShortUrl {
    /// Always `long2short`.
    pub action: String,
    /// The URL to shorten (`http://`, `https://` or `weixin://wxpay`).
    pub long_url: String,
}

impl ShortUrl {
    /// Shortens `long_url`.
    pub fn new(long_url: impl Into<String>) -> Self {
        Self {
            action: "long2short".into(),
            long_url: long_url.into(),
        }
    }
}

/// What [`ShortUrl`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ShortUrlResponse {
    /// The short URL.
    pub short_url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `shorten/gen` (genShortKey): stores up to 4 KB of data under a 15-character key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GenShortKey {
    /// The data, at most 4 KB.
    pub long_data: String,
    /// Seconds to keep it, at most 2 592 000 (30 days, the default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expire_seconds: Option<u32>,
}

/// What [`GenShortKey`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ShortKey {
    /// The key: 15 base62 characters.
    pub short_key: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `shorten/fetch` (fetchShorten): the data stored under a short key.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FetchShortKey {
    /// The key from [`GenShortKey`].
    pub short_key: String,
}

/// What [`FetchShortKey`] answers.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct ShortKeyData {
    /// The data.
    pub long_data: String,
    /// When it was stored, Unix seconds.
    #[serde(default)]
    pub create_time: i64,
    /// Seconds it has left.
    #[serde(default)]
    pub expire_seconds: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}


crate::endpoint! {
    area: "officialaccount";

    CreateQrCode => QrCodeTicket {
        POST Api "/cgi-bin/qrcode/create",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Generating_a_Parametric_QR_Code.html",
    }
    ShowQrCode => Binary {
        GET Mp "/cgi-bin/showqrcode",
        auth: None, repeat: Safe,
        envelope: Binary,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Account_Management/Generating_a_Parametric_QR_Code.html",
    }
    ShortUrl => ShortUrlResponse {
        POST Api "/cgi-bin/shorturl",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Account_Management/URL_Shortener.html",
    }
    GenShortKey => ShortKey {
        POST Api "/cgi-bin/shorten/gen",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Account_Management/KEY_Shortener.html",
    }
    FetchShortKey => ShortKeyData {
        POST Api "/cgi-bin/shorten/fetch",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Account_Management/KEY_Shortener.html",
    }
}

