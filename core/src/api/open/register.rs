//! Fast registration of enterprise Mini Programs (快速注册企业小程序): one path,
//! `component/fastregisterweapp`, two `action`s: `create` starts a registration, `search` reads
//! its state. The result comes as a `notify_third_fasteregister` push
//! ([`FastRegisterEvent`](crate::callback::FastRegisterEvent)), with an authorization code of
//! the new Mini Program.

use serde::{Deserialize, Serialize};

use crate::endpoint::Ack;
use crate::error::Result;

const DOC: &str = "https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Register_Mini_Programs/Fast_Registration_Interface_document.html";

/// `fastregisterweapp?action=create` (registerMiniprogram, 快速注册企业小程序): asks WeChat to
/// register a Mini Program for a company; its legal representative then confirms by face
/// recognition within 24 hours.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FastRegisterWeapp {
    /// The company's registered name.
    pub name: String,
    /// The company's code.
    pub code: String,
    /// 1 unified social credit code (18), 2 organization code (9), 3 business license number (15).
    pub code_type: i64,
    /// The legal representative's WeChat id.
    pub legal_persona_wechat: String,
    /// The legal representative's name.
    pub legal_persona_name: String,
    /// The platform's contact phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component_phone: Option<String>,
}

/// `fastregisterweapp?action=search` (查询创建任务状态): the state of a registration, by the
/// company and its legal representative.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchFastRegisterWeapp {
    /// The company's registered name.
    pub name: String,
    /// The legal representative's WeChat id.
    pub legal_persona_wechat: String,
    /// The legal representative's name.
    pub legal_persona_name: String,
}

/// What `action=search` answers: the task's state, in `errcode` (0 done; 89250 not found,
/// 89251 waiting for face recognition, 89252 checking, ... come back as errors).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct FastRegisterStatus {
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

fn action(name: &str) -> Result<Vec<(String, String)>> {
    Ok(vec![("action".to_owned(), name.to_owned())])
}

crate::endpoint! {
    area: "openplatform";

    FastRegisterWeapp => Ack {
        POST Api "/cgi-bin/component/fastregisterweapp",
        auth: ComponentAccessToken, repeat: Never,
        query: |_| action("create"),
        doc: DOC,
    }
    SearchFastRegisterWeapp => FastRegisterStatus {
        POST Api "/cgi-bin/component/fastregisterweapp",
        auth: ComponentAccessToken, repeat: Safe,
        query: |_| action("search"),
        doc: DOC,
    }
}
