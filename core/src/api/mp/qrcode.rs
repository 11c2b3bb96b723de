//! Mini Program codes (小程序码) and QR codes: image bytes, or WeChat's JSON error.
//!
//! WeChat answers these with the image itself, and with `{"errcode": ...}` JSON when it refuses,
//! whatever the `Content-Type` says. The body is sniffed ([`Envelope::Binary`](crate::endpoint::Envelope)):
//! a JSON error is returned as the API error, never handed out as an image.

use serde::{Deserialize, Serialize};

use crate::endpoint::Binary;

/// The colour of the code's lines, when `auto_color` is off (`line_color`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineColor {
    /// Red, 0 to 255.
    pub r: u8,
    /// Green, 0 to 255.
    pub g: u8,
    /// Blue, 0 to 255.
    pub b: u8,
}

impl LineColor {
    /// The colour `(r, g, b)`.
    pub fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self { r, g, b }
    }
}

/// `wxa/getwxacode` (getQRCode, 获取小程序码): a Mini Program code for a page with its query;
/// at most 100,000 codes per app in all. Answers the image (JPEG or PNG).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetWxaCode {
    /// The page with its query, at most 1024 characters (`pages/index/index?foo=bar`).
    pub path: String,
    /// The width in pixels, 280 to 1280 (430 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Whether the line colour follows the page's colours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_color: Option<bool>,
    /// The line colour, used when `auto_color` is false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_color: Option<LineColor>,
    /// Whether the background is transparent (a PNG).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_hyaline: Option<bool>,
    /// Which version opens: `release` (the default), `trial` or `develop`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env_version: Option<String>,
}

impl GetWxaCode {
    /// A code that opens `path`, with WeChat's defaults.
    pub fn new(path: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            ..Self::default()
        }
    }

    /// Sets the width in pixels.
    pub fn width(mut self, width: u32) -> Self {
        self.width = Some(width);
        self
    }

    /// Draws the lines in `color` (and turns `auto_color` off).
    pub fn line_color(mut self, color: LineColor) -> Self {
        self.auto_color = Some(false);
        self.line_color = Some(color);
        self
    }

    /// Makes the background transparent.
    pub fn hyaline(mut self) -> Self {
        self.is_hyaline = Some(true);
        self
    }

    /// Opens the `trial` or `develop` version instead of `release`.
    pub fn env_version(mut self, env_version: impl Into<String>) -> Self {
        self.env_version = Some(env_version.into());
        self
    }
}

/// `wxa/getwxacodeunlimit` (getUnlimitedQRCode, 获取不限制的小程序码): a Mini Program code
/// carrying a `scene` of up to 32 characters, without a limit on how many. Answers the image.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetWxaCodeUnlimit {
    /// Up to 32 visible characters the page reads from its `scene` option.
    pub scene: String,
    /// The page of a published version, without a leading `/` (the home page when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// Whether WeChat checks that `page` exists (true by default; false for unpublished pages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check_path: Option<bool>,
    /// Which version opens: `release` (the default), `trial` or `develop`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env_version: Option<String>,
    /// The width in pixels, 280 to 1280 (430 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Whether the line colour follows the page's colours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_color: Option<bool>,
    /// The line colour, used when `auto_color` is false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line_color: Option<LineColor>,
    /// Whether the background is transparent (a PNG).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_hyaline: Option<bool>,
}

impl GetWxaCodeUnlimit {
    /// A code carrying `scene` that opens the home page.
    pub fn new(scene: impl Into<String>) -> Self {
        Self {
            scene: scene.into(),
            ..Self::default()
        }
    }

    /// Opens `page` instead of the home page.
    pub fn page(mut self, page: impl Into<String>) -> Self {
        self.page = Some(page.into());
        self
    }

    /// Sets whether WeChat checks that the page exists.
    pub fn check_path(mut self, check: bool) -> Self {
        self.check_path = Some(check);
        self
    }

    /// Opens the `trial` or `develop` version instead of `release`.
    pub fn env_version(mut self, env_version: impl Into<String>) -> Self {
        self.env_version = Some(env_version.into());
        self
    }

    /// Sets the width in pixels.
    pub fn width(mut self, width: u32) -> Self {
        self.width = Some(width);
        self
    }

    /// Draws the lines in `color` (and turns `auto_color` off).
    pub fn line_color(mut self, color: LineColor) -> Self {
        self.auto_color = Some(false);
        self.line_color = Some(color);
        self
    }

    /// Makes the background transparent.
    pub fn hyaline(mut self) -> Self {
        self.is_hyaline = Some(true);
        self
    }
}

/// `cgi-bin/wxaapp/createwxaqrcode` (createQRCode, 获取小程序二维码): a square QR code for a page
/// with its query; at most 100,000 codes per app in all (shared with `getwxacode`). Answers the
/// image.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateWxaQrCode {
    /// The page with its query, at most 128 bytes.
    pub path: String,
    /// The width in pixels, 280 to 1280 (430 when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
}

impl CreateWxaQrCode {
    /// A QR code that opens `path`.
    pub fn new(path: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            width: None,
        }
    }

    /// Sets the width in pixels.
    pub fn width(mut self, width: u32) -> Self {
        self.width = Some(width);
        self
    }
}

crate::endpoint! {
    area: "miniprogram";

    GetWxaCode => Binary {
        POST Api "/wxa/getwxacode",
        auth: AccessToken, repeat: Safe,
        envelope: Binary,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getQRCode.html",
    }
    GetWxaCodeUnlimit => Binary {
        POST Api "/wxa/getwxacodeunlimit",
        auth: AccessToken, repeat: Safe,
        envelope: Binary,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html",
    }
    CreateWxaQrCode => Binary {
        POST Api "/cgi-bin/wxaapp/createwxaqrcode",
        auth: AccessToken, repeat: Safe,
        envelope: Binary,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/createQRCode.html",
    }
}
