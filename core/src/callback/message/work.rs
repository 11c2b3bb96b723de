//! WeCom self-built app pushes: app entry, batch jobs, contact changes (members,
//! departments, tags), external contacts and group chats, template card clicks, customer
//! service and approvals.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::lenient;

with_header! {
    /// WeCom `enter_agent`: a member opened the app.
    #[serde(rename_all = "PascalCase")]
    pub struct EnterAgentEvent {
        /// Usually empty.
        pub event_key: Option<String>,
    }
}

/// An asynchronous WeCom batch job.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "PascalCase")]
pub struct BatchJob {
    /// Job id.
    pub job_id: String,
    /// `sync_user`, `replace_user`, `invite_user`, `replace_party`.
    pub job_type: String,
    /// 0 on success.
    pub err_code: i64,
    /// Error message.
    pub err_msg: String,
}

with_header! {
    /// WeCom `batch_job_result`.
    #[serde(rename_all = "PascalCase")]
    pub struct BatchJobResultEvent {
        /// The job.
        pub batch_job: BatchJob,
    }
}

with_header! {
    /// WeCom `change_contact` for a member: `create_user`, `update_user`, `delete_user`.
    #[serde(rename_all = "PascalCase")]
    pub struct UserChangeEvent {
        /// Member id.
        #[serde(rename = "UserID")]
        pub user_id: String,
        /// New member id, when it changed.
        #[serde(rename = "NewUserID")]
        pub new_user_id: Option<String>,
        /// Name.
        pub name: Option<String>,
        /// Department ids, comma-separated.
        pub department: Option<String>,
        /// Main department.
        pub main_department: Option<String>,
        /// Leader flags per department, comma-separated.
        pub is_leader_in_dept: Option<String>,
        /// Direct leaders, comma-separated.
        pub direct_leader: Option<String>,
        /// Position.
        pub position: Option<String>,
        /// Mobile.
        pub mobile: Option<String>,
        /// 1 male, 2 female.
        pub gender: Option<String>,
        /// Email.
        pub email: Option<String>,
        /// Business email.
        pub biz_mail: Option<String>,
        /// 1 active, 2 disabled, 4 not activated.
        pub status: Option<String>,
        /// Avatar URL.
        pub avatar: Option<String>,
        /// Alias.
        pub alias: Option<String>,
        /// Telephone.
        pub telephone: Option<String>,
        /// Address.
        pub address: Option<String>,
        /// Extended attributes, as sent.
        pub ext_attr: Option<Value>,
    }
}

with_header! {
    /// WeCom `change_contact` for a department: `create_party`, `update_party`,
    /// `delete_party`.
    #[serde(rename_all = "PascalCase")]
    pub struct PartyChangeEvent {
        /// Department id.
        #[serde(deserialize_with = "lenient::u64")]
        pub id: u64,
        /// Name.
        pub name: Option<String>,
        /// Parent department id.
        #[serde(deserialize_with = "lenient::opt_u64")]
        pub parent_id: Option<u64>,
        /// Order.
        #[serde(deserialize_with = "lenient::opt_u64")]
        pub order: Option<u64>,
    }
}

with_header! {
    /// WeCom `change_contact` for a tag: `update_tag`.
    #[serde(rename_all = "PascalCase")]
    pub struct TagChangeEvent {
        /// Tag id.
        #[serde(deserialize_with = "lenient::u64")]
        pub tag_id: u64,
        /// Added members, comma-separated.
        pub add_user_items: Option<String>,
        /// Removed members, comma-separated.
        pub del_user_items: Option<String>,
        /// Added departments, comma-separated.
        pub add_party_items: Option<String>,
        /// Removed departments, comma-separated.
        pub del_party_items: Option<String>,
    }
}

push_enum! {
    /// WeCom `change_contact`, by `ChangeType`.
    // One value per push, moved once into a box: plain variants keep matching simple.
    #[allow(clippy::large_enum_variant)]
    pub enum ContactChange by "ChangeType" {
        /// `create_user`.
        CreateUser(UserChangeEvent) = "create_user",
        /// `update_user`.
        UpdateUser(UserChangeEvent) = "update_user",
        /// `delete_user`.
        DeleteUser(UserChangeEvent) = "delete_user",
        /// `create_party`.
        CreateParty(PartyChangeEvent) = "create_party",
        /// `update_party`.
        UpdateParty(PartyChangeEvent) = "update_party",
        /// `delete_party`.
        DeleteParty(PartyChangeEvent) = "delete_party",
        /// `update_tag`.
        UpdateTag(TagChangeEvent) = "update_tag",
    }
    /// The `ChangeType`.
    fn change_type;
}

with_header! {
    /// WeCom `change_external_contact`: `add_external_contact`, `edit_external_contact`,
    /// `del_external_contact`, `del_follow_user`, `transfer_fail`, ...
    #[serde(rename_all = "PascalCase")]
    pub struct ExternalContactEvent {
        /// The change type.
        pub change_type: String,
        /// The member.
        #[serde(rename = "UserID")]
        pub user_id: Option<String>,
        /// The external contact.
        #[serde(rename = "ExternalUserID")]
        pub external_user_id: Option<String>,
        /// The `state` of the contact way.
        pub state: Option<String>,
        /// Welcome message code.
        pub welcome_code: Option<String>,
        /// Failure reason (`transfer_fail`).
        pub fail_reason: Option<String>,
        /// Deletion source.
        pub source: Option<String>,
    }
}

with_header! {
    /// WeCom `change_external_chat`: `create`, `update`, `dismiss`.
    #[serde(rename_all = "PascalCase")]
    pub struct ExternalChatEvent {
        /// The change type.
        pub change_type: String,
        /// Group chat id.
        pub chat_id: String,
        /// What changed (`update`): `add_member`, `del_member`, `change_owner`,
        /// `change_name`, `change_notice`.
        pub update_detail: Option<String>,
        /// How members joined (`add_member`): `0` invited by a member, `3` by QR code, `4`
        /// by the owner's link.
        #[serde(
            deserialize_with = "lenient::opt_i64",
            skip_serializing_if = "Option::is_none"
        )]
        pub join_scene: Option<i64>,
        /// How members left (`del_member`): `0` by themselves, `1` removed by the owner.
        #[serde(
            deserialize_with = "lenient::opt_i64",
            skip_serializing_if = "Option::is_none"
        )]
        pub quit_scene: Option<i64>,
        /// How many members joined or left.
        #[serde(
            deserialize_with = "lenient::opt_i64",
            skip_serializing_if = "Option::is_none"
        )]
        pub mem_change_cnt: Option<i64>,
        /// The members who joined or left (`add_member`, `del_member`), as UserIDs or
        /// external UserIDs (XML: `<MemChangeList><Item>..</Item></MemChangeList>`).
        #[serde(
            deserialize_with = "member_items",
            serialize_with = "member_items_xml",
            skip_serializing_if = "Vec::is_empty"
        )]
        pub mem_change_list: Vec<String>,
        /// Previous member version.
        pub last_mem_ver: Option<String>,
        /// Current member version.
        pub cur_mem_ver: Option<String>,
    }
}

with_header! {
    /// WeCom `change_external_tag`: `create`, `update`, `delete`, `shuffle`.
    #[serde(rename_all = "PascalCase")]
    pub struct ExternalTagEvent {
        /// The change type.
        pub change_type: String,
        /// Tag or group id.
        pub id: Option<String>,
        /// `tag` or `tag_group`.
        pub tag_type: Option<String>,
        /// The rule group of a strategy tag.
        #[serde(
            deserialize_with = "lenient::opt_i64",
            skip_serializing_if = "Option::is_none"
        )]
        pub strategy_id: Option<i64>,
    }
}

with_header! {
    /// WeCom `template_card_event`: a button of a template card was clicked.
    #[serde(rename_all = "PascalCase")]
    pub struct TemplateCardEvent {
        /// The button key.
        pub event_key: String,
        /// The card task id.
        pub task_id: String,
        /// The card type.
        pub card_type: Option<String>,
        /// Code for updating the card.
        pub response_code: Option<String>,
        /// Selected options, as sent.
        pub selected_items: Option<Value>,
    }
}

with_header! {
    /// WeCom customer service `kf_msg_or_event`: fetch the messages with `kf/sync_msg`.
    #[serde(rename_all = "PascalCase")]
    pub struct KfMsgOrEvent {
        /// Token for `kf/sync_msg` (valid 10 minutes).
        pub token: String,
        /// The customer service account.
        pub open_kf_id: String,
    }
}

with_header! {
    /// WeCom approval events: `open_approval_change`, `sys_approval_change`.
    #[serde(rename_all = "PascalCase")]
    pub struct ApprovalEvent {
        /// The event name.
        pub event: String,
        /// The approval, as sent.
        pub approval_info: Option<Value>,
    }
}

/// The `MemChangeList` of a group chat update: `<Item>` children (one, several or none), or a
/// list as JSON carries it.
fn member_items<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    fn strings(v: Value) -> Vec<String> {
        match v {
            Value::Array(items) => items.into_iter().flat_map(strings).collect(),
            Value::Object(mut map) => map
                .remove("Item")
                .or_else(|| map.remove("item"))
                .map(strings)
                .unwrap_or_default(),
            Value::String(s) if s.trim().is_empty() => Vec::new(),
            Value::String(s) => vec![s],
            Value::Number(n) => vec![n.to_string()],
            _ => Vec::new(),
        }
    }
    Ok(strings(Value::deserialize(d)?))
}

/// Writes the `MemChangeList` back in its XML shape, `{"Item": [...]}`.
#[allow(clippy::ptr_arg)] // serde hands the field itself
fn member_items_xml<S: serde::Serializer>(items: &Vec<String>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(1))?;
    map.serialize_entry("Item", items)?;
    map.end()
}
