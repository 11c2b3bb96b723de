//! Content security (内容安全): text and image checks, and asynchronous media checks.

use serde::{Deserialize, Serialize};

use crate::endpoint::{Ack, Body, Upload};

/// The scene of a content check: `1` profile, `2` comment, `3` forum, `4` social log.
pub type CheckScene = u32;

/// `msgSecCheck` (文本内容安全识别, version 2): whether a text carries risky content, with the
/// result of each strategy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MsgSecCheck {
    /// The text, at most 2500 characters (UTF-8).
    pub content: String,
    /// The interface version: `2`.
    pub version: u32,
    /// `1` profile, `2` comment, `3` forum, `4` social log.
    pub scene: CheckScene,
    /// The OpenID of a user who opened the Mini Program in the last 2 hours.
    pub openid: String,
    /// The title of the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The user's nickname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    /// The user's signature (profile scene only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
}

impl MsgSecCheck {
    /// Checks `content` written by `openid` in `scene`.
    pub fn new(content: impl Into<String>, scene: CheckScene, openid: impl Into<String>) -> Self {
        Self {
            content: content.into(),
            version: 2,
            scene,
            openid: openid.into(),
            title: None,
            nickname: None,
            signature: None,
        }
    }
}

/// What [`MsgSecCheck`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MsgSecCheckResult {
    /// The id of this check.
    #[serde(default)]
    pub trace_id: String,
    /// The overall result.
    #[serde(default)]
    pub result: SecCheckResult,
    /// The result of each strategy.
    #[serde(default)]
    pub detail: Vec<SecCheckDetail>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The overall result of a content check.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SecCheckResult {
    /// `risky`, `pass` or `review`.
    #[serde(default)]
    pub suggest: String,
    /// The label: `100` normal, `10001` advertising, `20001` politics, `20002` porn, `20003`
    /// abuse, `20006` crime, `20008` fraud, `20012` vulgarity, `20013` copyright, `21000` other.
    #[serde(default)]
    pub label: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The result of one strategy of a content check.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SecCheckDetail {
    /// The strategy: `content_model`, `keyword`, ...
    #[serde(default)]
    pub strategy: String,
    /// `0` when the strategy ran.
    #[serde(default)]
    pub errcode: i64,
    /// `risky`, `pass` or `review`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggest: Option<String>,
    /// The label (see [`SecCheckResult::label`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<i64>,
    /// The level, `0` to `100` (model strategy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prob: Option<i64>,
    /// The keyword hit (keyword strategy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    /// The level of the keyword (keyword strategy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<i64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `imgSecCheck` (图片内容安全识别, version 1): whether an image (at most 750 × 1334 px, 1 MB)
/// carries risky content; WeChat answers `87014` for a risky one.
#[derive(Clone, Debug, PartialEq)]
pub struct ImgSecCheck {
    /// The form field `media`.
    pub media: Upload,
}

impl ImgSecCheck {
    /// Checks the image `filename` with content `bytes`.
    pub fn new(filename: impl Into<String>, bytes: Vec<u8>) -> Self {
        Self {
            media: Upload::new(filename, bytes),
        }
    }
}

/// The media type of an asynchronous check: `1` audio, `2` image.
pub type MediaCheckType = u32;

/// `mediaCheckAsync` (音视频内容安全识别, version 2): queues an audio or image URL for checking;
/// the result is pushed as the `wxa_media_check` event
/// ([`WxaMediaCheckEvent`](crate::callback::WxaMediaCheckEvent)) within 30 minutes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaCheckAsync {
    /// The URL of the media to check.
    pub media_url: String,
    /// `1` audio, `2` image.
    pub media_type: MediaCheckType,
    /// The interface version: `2`.
    pub version: u32,
    /// `1` profile, `2` comment, `3` forum, `4` social log.
    pub scene: CheckScene,
    /// The OpenID of a user who opened the Mini Program in the last 2 hours.
    pub openid: String,
}

impl MediaCheckAsync {
    /// Checks the media at `media_url`, of `media_type`, posted by `openid` in `scene`.
    pub fn new(
        media_url: impl Into<String>,
        media_type: MediaCheckType,
        scene: CheckScene,
        openid: impl Into<String>,
    ) -> Self {
        Self {
            media_url: media_url.into(),
            media_type,
            version: 2,
            scene,
            openid: openid.into(),
        }
    }
}

/// What [`MediaCheckAsync`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MediaCheckQueued {
    /// The id the `wxa_media_check` push carries.
    #[serde(default)]
    pub trace_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "miniprogram";

    MsgSecCheck => MsgSecCheckResult {
        POST Api "/wxa/msg_sec_check",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/msgSecCheck.html",
    }
    ImgSecCheck => Ack {
        POST Api "/wxa/img_sec_check",
        auth: AccessToken, repeat: Safe,
        body: |r| Ok(Body::Multipart(r.media.form("media"))),
        json: none,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/imgSecCheck.html",
    }
    // Each call queues a check and a push: never sent twice by a retry.
    MediaCheckAsync => MediaCheckQueued {
        POST Api "/wxa/media_check_async",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html",
    }
}
