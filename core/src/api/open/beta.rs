//! Trial Mini Programs (试用小程序): a platform creates one for a WeChat user in minutes, without
//! a company's documents; the user confirms on `authorize_url`, the new Mini Program authorizes
//! the platform at once, and it can later become a verified one by the legal representative's
//! face recognition. Results come as `notify_third_fastregisterbetaapp` and
//! `notify_third_fastverifybetaapp` pushes
//! ([`ComponentEvent`](crate::callback::ComponentEvent)), whose `info` carries the `unique_id`
//! of the creation.

use serde::{Deserialize, Serialize};

use crate::endpoint::Ack;

/// `fastregisterbetaweapp` (registerBetaMiniprogram, 注册试用小程序): starts a trial Mini
/// Program for the WeChat user `openid`, who becomes its admin once they confirm on the answer's
/// `authorize_url` (valid 24 hours).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FastRegisterBetaWeapp {
    /// The name (4 to 30 characters; WeChat appends its trial suffix).
    pub name: String,
    /// The future admin's openid.
    pub openid: String,
}

/// What `fastregisterbetaweapp` answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BetaWeappRegistration {
    /// Ties the user to the Mini Program the push will name: keep it.
    pub unique_id: String,
    /// The page to send the user to.
    pub authorize_url: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `verifybetaweapp` (verfifyBetaMiniprogram, 试用小程序快速认证): turns the authorizer, a trial
/// Mini Program, into a company's one, confirmed by the legal representative's face recognition
/// and then by the admin.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VerifyBetaWeapp {
    /// The company and its legal representative.
    pub verify_info: BetaVerifyInfo,
}

/// The company a trial Mini Program becomes.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BetaVerifyInfo {
    /// The company's registered name (个体户 without a name: "个体户" and the owner's name).
    pub enterprise_name: String,
    /// The company's code.
    pub code: String,
    /// 1 unified social credit code (18), 2 organization code (9), 3 business license number (15).
    pub code_type: i64,
    /// The legal representative's WeChat id.
    pub legal_persona_wechat: String,
    /// The legal representative's name.
    pub legal_persona_name: String,
    /// The legal representative's identity card number.
    pub legal_persona_idcard: String,
    /// The platform's contact phone.
    pub component_phone: String,
}

/// `setbetaweappnickname` (modifyBetaMiniprogramNickName, 修改试用小程序名称): renames the
/// authorizer while it is a trial Mini Program.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SetBetaWeappNickname {
    /// The new name (WeChat appends its trial suffix).
    pub name: String,
}

crate::endpoint! {
    area: "openplatform";

    FastRegisterBetaWeapp => BetaWeappRegistration {
        POST Api "/wxa/component/fastregisterbetaweapp",
        auth: ComponentTokenAsAccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/register-management/fast-regist-beta/api_registerbetaminiprogram.html",
    }
    VerifyBetaWeapp => Ack {
        POST Api "/wxa/verifybetaweapp",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/register-management/fast-regist-beta/api_verfifybetaminiprogram.html",
    }
    SetBetaWeappNickname => Ack {
        POST Api "/wxa/setbetaweappnickname",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/oplatform/openApi/register-management/fast-regist-beta/api_modifybetaminiprogramnickname",
    }
}
