//! Customers of WeChat Customer Service: details, and upgrade service (升级服务).

use serde::{Deserialize, Serialize};

use crate::endpoint::Ack;
use crate::lenient;

/// `kf/customer/batchget` (获取客户基础信息): the nickname, avatar, gender and unionid of up
/// to 100 customers, and optionally how each entered its latest session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BatchGetKfCustomers {
    /// The customers' `external_userid`s.
    pub external_userid_list: Vec<String>,
    /// `1` to answer `enter_session_context` too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need_enter_session_context: Option<u8>,
}

impl BatchGetKfCustomers {
    /// These customers, without their session context.
    pub fn new<I: IntoIterator<Item = impl Into<String>>>(external_userids: I) -> Self {
        Self {
            external_userid_list: external_userids.into_iter().map(Into::into).collect(),
            need_enter_session_context: None,
        }
    }

    /// Asks for how each entered its latest session.
    pub fn with_session_context(mut self) -> Self {
        self.need_enter_session_context = Some(1);
        self
    }
}

/// What [`BatchGetKfCustomers`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfCustomerList {
    /// The customers found.
    #[serde(default)]
    pub customer_list: Vec<KfCustomer>,
    /// The ids that are not valid customers.
    #[serde(default)]
    pub invalid_external_userid: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A customer of WeChat Customer Service.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfCustomer {
    /// The customer's `external_userid`.
    #[serde(default)]
    pub external_userid: String,
    /// The WeChat nickname.
    #[serde(default)]
    pub nickname: String,
    /// The avatar's URL.
    #[serde(default)]
    pub avatar: String,
    /// `0` unknown, `1` male, `2` female.
    #[serde(default, deserialize_with = "lenient::u64")]
    pub gender: u64,
    /// The unionid, when the corp has a bound Open Platform account.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unionid: Option<String>,
    /// How it entered its latest session (with `need_enter_session_context`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enter_session_context: Option<KfEnterSessionContext>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// How a customer entered a session: the contact link's scene, its `scene_param`, or a
/// WeChat Channels account.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfEnterSessionContext {
    /// The `scene` of the contact link.
    #[serde(default)]
    pub scene: String,
    /// The `scene_param` added to the link.
    #[serde(default)]
    pub scene_param: String,
    /// The WeChat Channels account it came from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wechat_channels: Option<KfWechatChannels>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A WeChat Channels (视频号) account a customer came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfWechatChannels {
    /// The account's name.
    #[serde(default)]
    pub nickname: String,
    /// Where in Channels: `1` profile, `2` live stream, `3` video, ...
    #[serde(default, deserialize_with = "lenient::u64")]
    pub scene: u64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `kf/customer/get_upgrade_service_config` (获取配置的专员与客户群): the members and group
/// chats set up for upgrade service.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetKfUpgradeServiceConfig {}

/// What [`GetKfUpgradeServiceConfig`] answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfUpgradeServiceConfig {
    /// The members (专员) customers can be handed to.
    #[serde(default)]
    pub member_range: KfMemberRange,
    /// The group chats customers can be invited to.
    #[serde(default)]
    pub groupchat_range: KfGroupChatRange,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The members set up for upgrade service.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfMemberRange {
    /// Members' UserIDs.
    #[serde(default)]
    pub userid_list: Vec<String>,
    /// Departments' ids.
    #[serde(default)]
    pub department_id_list: Vec<u64>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The group chats set up for upgrade service.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfGroupChatRange {
    /// The group chats' ids.
    #[serde(default)]
    pub chat_id_list: Vec<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The member a customer is recommended to (upgrade `type` 1).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfUpgradeMember {
    /// The member's UserID.
    pub userid: String,
    /// The recommendation's wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
}

/// The group chat a customer is recommended to (upgrade `type` 2).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KfUpgradeGroupChat {
    /// The group chat's id.
    pub chat_id: String,
    /// The recommendation's wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
}

/// `kf/customer/upgrade_service` (为客户升级为专员或客户群服务): recommends a member (type 1)
/// or a group chat (type 2) to a customer in the session. Never retried automatically.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UpgradeKfService {
    /// The account's id.
    pub open_kfid: String,
    /// The customer's `external_userid`.
    pub external_userid: String,
    /// `1` a member, `2` a group chat.
    #[serde(rename = "type")]
    pub kind: u8,
    /// The member, for type 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<KfUpgradeMember>,
    /// The group chat, for type 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groupchat: Option<KfUpgradeGroupChat>,
}

impl UpgradeKfService {
    /// Recommends the member `userid` (type 1).
    pub fn member(
        open_kfid: impl Into<String>,
        external_userid: impl Into<String>,
        userid: impl Into<String>,
        wording: Option<String>,
    ) -> Self {
        Self {
            open_kfid: open_kfid.into(),
            external_userid: external_userid.into(),
            kind: 1,
            member: Some(KfUpgradeMember {
                userid: userid.into(),
                wording,
            }),
            groupchat: None,
        }
    }

    /// Recommends the group chat `chat_id` (type 2).
    pub fn groupchat(
        open_kfid: impl Into<String>,
        external_userid: impl Into<String>,
        chat_id: impl Into<String>,
        wording: Option<String>,
    ) -> Self {
        Self {
            open_kfid: open_kfid.into(),
            external_userid: external_userid.into(),
            kind: 2,
            member: None,
            groupchat: Some(KfUpgradeGroupChat {
                chat_id: chat_id.into(),
                wording,
            }),
        }
    }
}

/// `kf/customer/cancel_upgrade_service` (为客户取消推荐): withdraws the recommendation made
/// to a customer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CancelKfUpgradeService {
    /// The account's id.
    pub open_kfid: String,
    /// The customer's `external_userid`.
    pub external_userid: String,
}

impl CancelKfUpgradeService {
    /// Withdraws the recommendation to `external_userid`.
    pub fn new(open_kfid: impl Into<String>, external_userid: impl Into<String>) -> Self {
        Self {
            open_kfid: open_kfid.into(),
            external_userid: external_userid.into(),
        }
    }
}

crate::endpoint! {
    area: "work";

    BatchGetKfCustomers => KfCustomerList {
        POST Work "/cgi-bin/kf/customer/batchget",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/95159",
    }
    GetKfUpgradeServiceConfig => KfUpgradeServiceConfig {
        GET Work "/cgi-bin/kf/customer/get_upgrade_service_config",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94674",
    }
    UpgradeKfService => Ack {
        POST Work "/cgi-bin/kf/customer/upgrade_service",
        auth: AccessToken, repeat: Never,
        doc: "https://developer.work.weixin.qq.com/document/path/94674",
    }
    CancelKfUpgradeService => Ack {
        POST Work "/cgi-bin/kf/customer/cancel_upgrade_service",
        auth: AccessToken, repeat: Safe,
        doc: "https://developer.work.weixin.qq.com/document/path/94674",
    }
}
