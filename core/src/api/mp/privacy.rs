//! Privacy guidelines (用户隐私保护指引): set and read the Mini Program's privacy settings, upload
//! a supplementary file. Called with the Mini Program's own (authorizer's) access token.

use serde::{Deserialize, Serialize};

use crate::endpoint::{Ack, Body, Upload};

/// Who collects the data, and how to reach them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OwnerSetting {
    /// E-mail (one contact at least).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_email: Option<String>,
    /// Phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_phone: Option<String>,
    /// QQ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_qq: Option<String>,
    /// WeChat id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_weixin: Option<String>,
    /// The supplementary file, from [`UploadPrivacyExtFile`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ext_file_media_id: Option<String>,
    /// How users are told of changes.
    #[serde(default)]
    pub notice_method: String,
    /// How long data is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store_expire_timestamp: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// One kind of user data and why it is collected.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PrivacyItem {
    /// The data, e.g. `UserInfo`, `Location`, `PhoneNumber`.
    #[serde(default)]
    pub privacy_key: String,
    /// Why it is collected.
    #[serde(default)]
    pub privacy_text: String,
    /// Its label (answers only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_label: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

impl PrivacyItem {
    /// `key` collected for `text`.
    pub fn new(key: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            privacy_key: key.into(),
            privacy_text: text.into(),
            ..Self::default()
        }
    }
}

/// `setPrivacySetting` (设置小程序用户隐私保护指引): the data the Mini Program collects and its
/// owner's contacts; it takes effect with the next released version.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SetPrivacySetting {
    /// `1` the live version, `2` the development version (default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_ver: Option<u32>,
    /// The owner.
    pub owner_setting: OwnerSetting,
    /// The data collected.
    pub setting_list: Vec<PrivacyItem>,
    /// Third-party SDKs and the data they collect, as WeChat spells them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdk_privacy_info_list: Option<Vec<serde_json::Value>>,
}

/// `getPrivacySetting` (查询小程序用户隐私保护指引): the settings of one version.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetPrivacySetting {
    /// `1` the live version, `2` the development version (default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privacy_ver: Option<u32>,
}

/// What [`GetPrivacySetting`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PrivacySetting {
    /// `1` when the code uses data not declared.
    #[serde(default)]
    pub code_exist: i64,
    /// The data the code uses.
    #[serde(default)]
    pub privacy_list: Vec<String>,
    /// The data declared.
    #[serde(default)]
    pub setting_list: Vec<PrivacyItem>,
    /// When it was last updated, Unix seconds.
    #[serde(default)]
    pub update_time: i64,
    /// The owner.
    #[serde(default)]
    pub owner_setting: OwnerSetting,
    /// The names of every kind of data.
    #[serde(default)]
    pub privacy_desc: PrivacyDesc,
    /// Third-party SDKs, as WeChat sent them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sdk_privacy_info_list: Option<Vec<serde_json::Value>>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The names of every kind of data.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PrivacyDesc {
    /// Key and name, one per kind.
    #[serde(default)]
    pub privacy_desc_list: Vec<PrivacyKeyDesc>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A kind of data and its name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PrivacyKeyDesc {
    /// The key.
    #[serde(default)]
    pub privacy_key: String,
    /// Its name.
    #[serde(default)]
    pub privacy_desc: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `uploadPrivacySetting` (上传小程序用户隐私保护指引): uploads a supplementary text file (at most
/// 100 KB) for [`OwnerSetting::ext_file_media_id`].
#[derive(Clone, Debug, PartialEq)]
pub struct UploadPrivacyExtFile {
    /// The form field `file`.
    pub file: Upload,
}

impl UploadPrivacyExtFile {
    /// Uploads the text file `filename` with content `bytes`.
    pub fn new(filename: impl Into<String>, bytes: Vec<u8>) -> Self {
        Self {
            file: Upload::new(filename, bytes),
        }
    }
}

/// What [`UploadPrivacyExtFile`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PrivacyExtFile {
    /// The file's media id.
    #[serde(default)]
    pub ext_file_media_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

crate::endpoint! {
    area: "miniprogram";

    SetPrivacySetting => Ack {
        POST Api "/cgi-bin/component/setprivacysetting",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/privacy-management/setPrivacySetting.html",
    }
    GetPrivacySetting => PrivacySetting {
        POST Api "/cgi-bin/component/getprivacysetting",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/privacy-management/getPrivacySetting.html",
    }
    UploadPrivacyExtFile => PrivacyExtFile {
        POST Api "/cgi-bin/component/uploadprivacyextfile",
        auth: AccessToken, repeat: Safe,
        body: |r| Ok(Body::Multipart(r.file.form("file"))),
        json: none,
        doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/OpenApiDoc/miniprogram-management/privacy-management/uploadPrivacySetting.html",
    }
}
