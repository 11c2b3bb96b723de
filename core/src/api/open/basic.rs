//! Mini Program basic information, managed by the platform for an authorizer (its
//! `authorizer_access_token`): profile, name checks and changes, description, avatar, search
//! visibility.

use serde::{Deserialize, Serialize};

use crate::endpoint::Ack;

#[cfg(test)]
const DOCS: &str =
    "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info";

/// `account/getaccountbasicinfo` (getAccountBasicInfo, 获取基本信息): the Mini Program's
/// entity, verification, name, description and avatar, with what is left of their change quotas.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetAccountBasicInfo {}

/// Verification state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WxVerifyInfo {
    /// Qualification verified.
    pub qualification_verify: bool,
    /// Name verified.
    pub naming_verify: bool,
    /// In annual review.
    pub annual_review: bool,
    /// Annual review start, Unix seconds.
    pub annual_review_begin_time: i64,
    /// Annual review end, Unix seconds.
    pub annual_review_end_time: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The description and its change quota.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SignatureInfo {
    /// The description.
    pub signature: String,
    /// Changes used this month.
    pub modify_used_count: i64,
    /// Changes allowed per month.
    pub modify_quota: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The avatar and its change quota.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct HeadImageInfo {
    /// The avatar URL.
    pub head_image_url: String,
    /// Changes used this month.
    pub modify_used_count: i64,
    /// Changes allowed per month.
    pub modify_quota: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The name and its change quota.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NicknameInfo {
    /// The name.
    pub nickname: String,
    /// Changes used this year.
    pub modify_used_count: i64,
    /// Changes allowed per year.
    pub modify_quota: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// What [`GetAccountBasicInfo`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountBasicInfo {
    /// The app id.
    pub appid: String,
    /// 1 subscription account, 2 service account, 3 Mini Program.
    pub account_type: i64,
    /// The entity type (0 individual, 1 company, ...).
    pub principal_type: i64,
    /// The entity's name.
    pub principal_name: String,
    /// The entity's credential number.
    pub credential: String,
    /// Real-name verification: 1 done, 2 pending, 3 failed.
    pub realname_status: i64,
    /// Verification.
    pub wx_verify_info: WxVerifyInfo,
    /// Description.
    pub signature_info: SignatureInfo,
    /// Avatar.
    pub head_image_info: HeadImageInfo,
    /// Name.
    pub nickname_info: NicknameInfo,
    /// The name.
    pub nickname: String,
    /// Registration country code.
    pub registered_country: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `wxverify/checkwxverifynickname` (checkNickName, 微信认证名称检测): whether a name may be
/// used, and why not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckWxVerifyNickname {
    /// The name to check.
    pub nick_name: String,
}

/// What [`CheckWxVerifyNickname`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NicknameCheck {
    /// True when the name hits a protected brand (proof needed).
    pub hit_condition: bool,
    /// What to do about it.
    pub wording: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `wxa/setnickname` (setNickName, 设置名称): asks to rename the Mini Program; proof documents
/// are temporary media ids. An audit follows unless the name passes at once.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SetNickname {
    /// The new name.
    pub nick_name: String,
    /// Individuals: the media id of the identity card photo.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_card: Option<String>,
    /// Organizations: the media id of the business license.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
    /// Other proof, media id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naming_other_stuff_1: Option<String>,
    /// Other proof, media id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naming_other_stuff_2: Option<String>,
    /// Other proof, media id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naming_other_stuff_3: Option<String>,
    /// Other proof, media id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naming_other_stuff_4: Option<String>,
    /// Other proof, media id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub naming_other_stuff_5: Option<String>,
}

impl SetNickname {
    /// Renames to `nick_name`, without proof.
    pub fn new(nick_name: impl Into<String>) -> Self {
        Self {
            nick_name: nick_name.into(),
            ..Self::default()
        }
    }
}

/// What [`SetNickname`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct NicknameChange {
    /// Material still needed, when the name cannot be set at once.
    pub wording: String,
    /// The audit's id, when an audit follows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audit_id: Option<i64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `account/modifysignature` (setSignature, 设置介绍): sets the Mini Program's description (4 to
/// 120 characters).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModifySignature {
    /// The description.
    pub signature: String,
}

/// `account/modifyheadimage` (setHeadImage, 修改头像): sets the avatar from a temporary image
/// (media id), cropped to the square whose corners are given in fractions of the image.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ModifyHeadImage {
    /// The media id of the image.
    pub head_img_media_id: String,
    /// Left edge of the crop (0 to 1).
    pub x1: f64,
    /// Top edge of the crop.
    pub y1: f64,
    /// Right edge of the crop.
    pub x2: f64,
    /// Bottom edge of the crop.
    pub y2: f64,
}

impl ModifyHeadImage {
    /// The whole image.
    pub fn uncropped(head_img_media_id: impl Into<String>) -> Self {
        Self {
            head_img_media_id: head_img_media_id.into(),
            x1: 0.0,
            y1: 0.0,
            x2: 1.0,
            y2: 1.0,
        }
    }
}

/// `wxa/getwxasearchstatus` (getSearchStatus, 查询隐私设置): whether the Mini Program can be found
/// by search.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetWxaSearchStatus {}

/// What [`GetWxaSearchStatus`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WxaSearchStatus {
    /// 1 hidden from search, 0 searchable.
    pub status: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `wxa/changewxasearchstatus` (setSearchStatus, 设置隐私设置): hides the Mini Program from
/// search (`status` 1) or shows it (0).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChangeWxaSearchStatus {
    /// 1 hidden, 0 searchable.
    pub status: i64,
}

crate::endpoint! {
    area: "openplatform";

    GetAccountBasicInfo => AccountBasicInfo {
        GET Api "/cgi-bin/account/getaccountbasicinfo",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/Mini_Program_Information_Settings.html",
    }
    CheckWxVerifyNickname => NicknameCheck {
        POST Api "/cgi-bin/wxverify/checkwxverifynickname",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/wxverify_checknickname.html",
    }
    SetNickname => NicknameChange {
        POST Api "/wxa/setnickname",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/setnickname.html",
    }
    ModifySignature => Ack {
        POST Api "/cgi-bin/account/modifysignature",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/modifysignature.html",
    }
    ModifyHeadImage => Ack {
        POST Api "/cgi-bin/account/modifyheadimage",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/modifyheadimage.html",
    }
    GetWxaSearchStatus => WxaSearchStatus {
        GET Api "/wxa/getwxasearchstatus",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/search_status.html",
    }
    ChangeWxaSearchStatus => Ack {
        POST Api "/wxa/changewxasearchstatus",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/search_status.html",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn documents_live_under_one_folder() {
        for e in super::CATALOG {
            assert!(e.meta.doc.starts_with(super::DOCS), "{}", e.meta.name);
        }
    }
}
