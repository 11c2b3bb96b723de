//! Red-packet covers (红包封面): the cover link for a user.

use serde::{Deserialize, Serialize};

/// `redpacketcover/wxapp/cover_url/get_by_token` (getRedPacketCoverUrl, 获取微信红包封面): the
/// link through which a user claims a red-packet cover, for a `ctoken` issued on the cover
/// platform to this app.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetRedPacketCoverUrl {
    /// The OpenID of the user who may claim it.
    pub openid: String,
    /// The issuing token from the red-packet cover platform.
    pub ctoken: String,
}

impl GetRedPacketCoverUrl {
    /// The cover link for `openid`, issued with `ctoken`.
    pub fn new(openid: impl Into<String>, ctoken: impl Into<String>) -> Self {
        Self {
            openid: openid.into(),
            ctoken: ctoken.into(),
        }
    }
}

/// The answer of `get_by_token`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RedPacketCoverUrl {
    /// The link.
    #[serde(default)]
    pub data: RedPacketCoverLink,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The link a user claims the cover through (`data`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RedPacketCoverLink {
    /// The link, signed for that user; open it with `wx.showRedPackage`.
    #[serde(default)]
    pub url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "miniprogram";

    GetRedPacketCoverUrl => RedPacketCoverUrl {
        POST Api "/redpacketcover/wxapp/cover_url/get_by_token",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/red-packet-cover/getRedPacketCoverUrl.html",
    }
}
