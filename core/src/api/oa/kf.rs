//! Customer service: accounts, sessions, typing status and chat records.

use std::collections::VecDeque;

use futures_util::stream::{self, Stream};
use serde::{Deserialize, Serialize};

use super::material::Upload;
use crate::client::{Client, HttpClient, Runtime, TokenStore};
use crate::endpoint::{Ack, Body};
use crate::error::Result;
use crate::lenient;

// ---------------------------------------------------------------------------------------------
// Accounts

/// `customservice/getkflist` (getkflist): every customer service account.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetKfList {
}

/// The answer of `getkflist`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct KfList {
    /// The accounts.
    #[serde(default)]
    pub kf_list: Vec<KfAccount>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A customer service account.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct KfAccount {
    /// The full account, `prefix@official-account-id`.
    #[serde(default)]
    pub kf_account: String,
    /// The nickname.
    #[serde(default)]
    pub kf_nick: String,
    /// The account number (a string or a number on the wire).
    #[serde(default, deserialize_with = "lenient::text")]
    pub kf_id: String,
    /// The avatar URL.
    #[serde(default)]
    pub kf_headimgurl: String,
    /// The WeChat ID bound to the account, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kf_wx: Option<String>,
    /// The WeChat ID invited to bind, while the invitation is pending.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invite_wx: Option<String>,
    /// When the pending invitation expires, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invite_expire_time: Option<i64>,
    /// `waiting`, `rejected` or `expired`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invite_status: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `customservice/getonlinekflist` (getonlinekflist): the accounts online now.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetOnlineKfList {
}

/// The answer of `getonlinekflist`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct OnlineKfList {
    /// The accounts online.
    #[serde(default)]
    pub kf_online_list: Vec<OnlineKf>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// An account online.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct OnlineKf {
    /// The full account.
    #[serde(default)]
    pub kf_account: String,
    /// 0 offline, 1 online on the web client.
    #[serde(default)]
    pub status: i32,
    /// The account number (a string or a number on the wire).
    #[serde(default, deserialize_with = "lenient::text")]
    pub kf_id: String,
    /// Sessions it is serving now.
    #[serde(default)]
    pub accepted_case: u32,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `kfaccount/add` (addkfaccount): adds a customer service account.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddKfAccount {
    /// The full account, `prefix@official-account-id` (prefix: up to 10 letters, digits, `_`).
    pub kf_account: String,
    /// The nickname, up to 16 characters.
    pub nickname: String,
}

/// `kfaccount/update` (updatekfaccount): changes an account's nickname.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UpdateKfAccount {
    /// The full account.
    pub kf_account: String,
    /// The nickname, up to 16 characters.
    pub nickname: String,
}

/// `kfaccount/del` (delkfaccount): deletes an account.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DelKfAccount {
    /// The full account.
    pub kf_account: String,
}

/// `kfaccount/inviteworker` (inviteworker): invites a WeChat user to bind an account.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InviteKfWorker {
    /// The full account.
    pub kf_account: String,
    /// The WeChat ID of the person to invite.
    pub invite_wx: String,
}

/// `kfaccount/uploadheadimg` (uploadkfaccountheadimg): sets an account's avatar (a square JPEG,
/// 640×640 recommended).
#[derive(Clone, Debug, PartialEq)]
pub struct UploadKfHeadImg {
    /// The query parameter `kf_account`.
    pub kf_account: String,
    /// The form field `media`.
    pub media: Upload,
}


/// The typing `command`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TypingCommand {
    /// `Typing`: shown for up to 15 seconds.
    Typing,
    /// `CancelTyping`
    CancelTyping,
}

/// `message/custom/typing` (setTyping): shows or hides "typing…" to a user who wrote in the last
/// 48 hours.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SendTyping {
    /// The user's openid.
    pub touser: String,
    /// `Typing` or `CancelTyping`.
    pub command: TypingCommand,
}

// ---------------------------------------------------------------------------------------------
// Sessions

/// `kfsession/create` (createkfsession): opens a session between an account (bound and online) and
/// a user.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateKfSession {
    /// The full account.
    pub kf_account: String,
    /// The user's openid.
    pub openid: String,
}

/// `kfsession/close` (closeSession): closes a session.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CloseKfSession {
    /// The full account.
    pub kf_account: String,
    /// The user's openid.
    pub openid: String,
}

/// `kfsession/getsession` (getkfsession): a user's session.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetKfSession {
    /// The user's openid.
    pub openid: String,
}

/// The answer of `getsession`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct KfSession {
    /// The account serving the user; empty when there is no session.
    #[serde(default)]
    pub kf_account: String,
    /// When the session started, Unix seconds.
    #[serde(default)]
    pub createtime: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `kfsession/getsessionlist` (getkfsessionlist): the sessions of an account.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetKfSessionList {
    /// The full account.
    pub kf_account: String,
}

/// The answer of `getsessionlist`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct KfSessionList {
    /// The sessions.
    #[serde(default)]
    pub sessionlist: Vec<KfSessionEntry>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A session of an account.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct KfSessionEntry {
    /// The user's openid.
    #[serde(default)]
    pub openid: String,
    /// When the session started, Unix seconds.
    #[serde(default)]
    pub createtime: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `kfsession/getwaitcase` (getwaitcase): users waiting for an account, up to 100, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetWaitCase {
}

/// The answer of `getwaitcase`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct WaitCaseList {
    /// Users waiting in all.
    #[serde(default)]
    pub count: u32,
    /// The first of them.
    #[serde(default)]
    pub waitcaselist: Vec<WaitCase>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A user waiting.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct WaitCase {
    /// The user's openid.
    #[serde(default)]
    pub openid: String,
    /// The user's last message, Unix seconds.
    #[serde(default)]
    pub latest_time: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

// ---------------------------------------------------------------------------------------------
// Records

/// `msgrecord/getmsglist` (getMsgList): chat records of a period of at most 24 hours, up to 10 000
/// per call. [`msg_records`] walks every call.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetMsgList {
    /// Start, Unix seconds.
    pub starttime: i64,
    /// End, Unix seconds.
    pub endtime: i64,
    /// The first record to return, from 1.
    pub msgid: i64,
    /// Records per call, up to 10 000.
    pub number: u32,
}

/// The answer of `getmsglist`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct MsgRecordList {
    /// The records.
    #[serde(default)]
    pub recordlist: Vec<MsgRecord>,
    /// Records in this answer.
    #[serde(default)]
    pub number: u32,
    /// Where the next call starts.
    #[serde(default)]
    pub msgid: i64,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A chat record.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct MsgRecord {
    /// The user's openid.
    #[serde(default)]
    pub openid: String,
    /// 2002 the account sent, 2003 the account received.
    #[serde(default)]
    pub opercode: i32,
    /// The text; images, voices and videos show as `[image]`, `[voice]`, `[video]`.
    #[serde(default)]
    pub text: String,
    /// When, Unix seconds.
    #[serde(default)]
    pub time: i64,
    /// The full account.
    #[serde(default)]
    pub worker: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The most records `getmsglist` returns per call.
pub const MAX_RECORDS: u32 = 10_000;

/// Every chat record between `starttime` and `endtime` (at most 24 hours apart), fetched
/// `per_call` (1 to 10 000) at a time. A failed call is yielded as an error and ends the stream.
pub fn msg_records<'a, H, S, R>(
    client: &'a Client<H, S, R>,
    starttime: i64,
    endtime: i64,
    per_call: u32,
) -> impl Stream<Item = Result<MsgRecord>> + 'a
where
    H: HttpClient,
    S: TokenStore,
    R: Runtime,
{
    let number = per_call.clamp(1, MAX_RECORDS);
    let start = (1_i64, VecDeque::<MsgRecord>::new(), false);
    stream::try_unfold(start, move |(msgid, mut records, done)| {
        let next = (records.is_empty() && !done).then_some(GetMsgList {
            starttime,
            endtime,
            msgid,
            number,
        });
        async move {
            if let Some(r) = records.pop_front() {
                return Ok(Some((r, (msgid, records, done))));
            }
            let Some(next) = next else {
                return Ok(None);
            };
            let page = client.call(&next).await?;
            let got = page.recordlist.len();
            // A short answer is the last one; a next id that does not move on ends it too.
            let done = got < number as usize || page.msgid <= msgid;
            records.extend(page.recordlist);
            Ok(records
                .pop_front()
                .map(|r| (r, (page.msgid, records, done))))
        }
    })
}


crate::endpoint! {
    area: "officialaccount";

    UploadKfHeadImg => Ack {
        POST Api "/customservice/kfaccount/uploadheadimg",
        auth: AccessToken, repeat: Safe,
        query: |r| Ok(vec![("kf_account".into(), r.kf_account.clone())]),
        body: |r| Ok(Body::Multipart(r.media.form("media"))),
        json: none,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html",
    }
    GetKfList => KfList {
        GET Api "/cgi-bin/customservice/getkflist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html",
    }
    GetOnlineKfList => OnlineKfList {
        GET Api "/cgi-bin/customservice/getonlinekflist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html",
    }
    AddKfAccount => Ack {
        POST Api "/customservice/kfaccount/add",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html",
    }
    UpdateKfAccount => Ack {
        POST Api "/customservice/kfaccount/update",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html",
    }
    DelKfAccount => Ack {
        POST Api "/customservice/kfaccount/del",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html",
    }
    InviteKfWorker => Ack {
        POST Api "/customservice/kfaccount/inviteworker",
        auth: AccessToken, repeat: Never,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Customer_Service_Management.html",
    }
    SendTyping => Ack {
        POST Api "/cgi-bin/message/custom/typing",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Service_Center_messages.html",
    }
    CreateKfSession => Ack {
        POST Api "/customservice/kfsession/create",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html",
    }
    CloseKfSession => Ack {
        POST Api "/customservice/kfsession/close",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html",
    }
    GetKfSession => KfSession {
        GET Api "/customservice/kfsession/getsession",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html",
    }
    GetKfSessionList => KfSessionList {
        GET Api "/customservice/kfsession/getsessionlist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html",
    }
    GetWaitCase => WaitCaseList {
        GET Api "/customservice/kfsession/getwaitcase",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Session_control.html",
    }
    GetMsgList => MsgRecordList {
        POST Api "/customservice/msgrecord/getmsglist",
        auth: AccessToken, repeat: Safe,
        doc: "https://developers.weixin.qq.com/doc/offiaccount/Customer_Service/Obtain_chat_transcript.html",
    }
}

