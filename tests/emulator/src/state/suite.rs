//! WeCom third-party suites, as WeCom plays them: pre-auth codes, the install page, one-shot
//! auth codes, permanent codes, and installations a corp cancels.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use super::{Answer, Incoming, State, secs, str_field};
use crate::config::AuthCorp;
use crate::stats::TokenKind;
use crate::util::query_get;

/// How long a suite's pre-auth code lives (WeCom's documented example: 1200 s).
const SUITE_PRE_AUTH_CODE_TTL_MS: i64 = 1_200_000;
/// How long an installation's temporary auth code lives: 10 minutes.
const SUITE_AUTH_CODE_TTL_MS: i64 = 600_000;

/// What the suites' installations keep between requests.
#[derive(Debug, Default)]
pub(crate) struct Installs {
    /// One-shot auth codes: code → the installation it stands for.
    auth_codes: HashMap<String, PendingInstall>,
    /// `set_session_info`: pre-auth code → `auth_type` (1: a test installation).
    sessions: HashMap<String, i64>,
    /// The corp the next installation through the install page is for, per suite.
    next_corp: HashMap<String, String>,
    /// Corps made up for installations nobody named.
    made_up: u32,
}

#[derive(Debug)]
struct PendingInstall {
    suite_id: String,
    corpid: String,
    state: String,
    expires_at: i64,
}

/// The plaintext `create_auth` push WeCom sends a suite when a corp installs it from the market.
pub fn create_auth_xml(suite_id: &str, auth_code: &str, state: &str, timestamp: i64) -> String {
    format!(
        "<xml><SuiteId><![CDATA[{suite_id}]]></SuiteId><AuthCode><![CDATA[{auth_code}]]></AuthCode>\
         <InfoType><![CDATA[create_auth]]></InfoType><TimeStamp>{timestamp}</TimeStamp>\
         <State><![CDATA[{state}]]></State></xml>"
    )
}

/// The plaintext `cancel_auth` push WeCom sends a suite when a corp removes it.
pub fn cancel_auth_xml(suite_id: &str, corpid: &str, timestamp: i64) -> String {
    format!(
        "<xml><SuiteId><![CDATA[{suite_id}]]></SuiteId>\
         <InfoType><![CDATA[cancel_auth]]></InfoType><TimeStamp>{timestamp}</TimeStamp>\
         <AuthCorpId><![CDATA[{corpid}]]></AuthCorpId></xml>"
    )
}

impl State {
    /// The suite whose token the call carries.
    fn suite_call(&mut self, inc: &Incoming, now: i64) -> Result<String, Answer> {
        match self.authenticate(inc, now)? {
            Some((TokenKind::Suite, owner)) => Ok(owner),
            _ => Err(self.work_err(
                40082,
                "invalid suite_acccess_token or provider_access_token",
                now,
            )),
        }
    }

    /// The suite whose token the call carries, and the call's JSON body.
    fn suite_json_call(
        &mut self,
        inc: &Incoming,
        now: i64,
    ) -> Result<(String, Map<String, Value>), Answer> {
        let suite_id = self.suite_call(inc, now)?;
        Ok((suite_id, self.json_body(inc, now)?))
    }

    /// A pre-auth code of `suite_id`, unexpired and unused.
    fn usable_pre_auth_code(&self, suite_id: &str, code: &str, now: i64) -> bool {
        self.creds.get(code).is_some_and(|c| {
            c.kind == TokenKind::PreAuthCode
                && c.owner == suite_id
                && !c.revoked
                && now < c.expires_at
        })
    }

    /// `service/get_pre_auth_code`.
    pub(super) fn suite_pre_auth_code(&mut self, inc: &Incoming, now: i64) -> Answer {
        let suite_id = match self.suite_call(inc, now) {
            Ok(s) => s,
            Err(a) => return a,
        };
        let code = self.new_token(
            TokenKind::PreAuthCode,
            &suite_id,
            SUITE_PRE_AUTH_CODE_TTL_MS,
            now,
        );
        Answer::Json(json!({
            "errcode": 0, "errmsg": "ok",
            "pre_auth_code": code, "expires_in": SUITE_PRE_AUTH_CODE_TTL_MS / 1000
        }))
    }

    /// `service/set_session_info`: the pre-auth code must be the suite's and still usable.
    pub(super) fn suite_session_info(&mut self, inc: &Incoming, now: i64) -> Answer {
        let (suite_id, body) = match self.suite_json_call(inc, now) {
            Ok(x) => x,
            Err(a) => return a,
        };
        let code = str_field(&body, "pre_auth_code").unwrap_or_default();
        if !self.usable_pre_auth_code(&suite_id, &code, now) {
            return self.work_err(40077, "invalid pre_auth_code", now);
        }
        let auth_type = body
            .get("session_info")
            .and_then(|s| s.get("auth_type"))
            .and_then(Value::as_i64)
            .unwrap_or(0);
        if !matches!(auth_type, 0 | 1) {
            return self.work_err(40058, "invalid parameter: auth_type", now);
        }
        self.installs.sessions.insert(code, auth_type);
        Answer::Json(json!({"errcode": 0, "errmsg": "ok"}))
    }

    /// The install page (`3rdapp/install`), as if the corp's admin confirmed at once: the
    /// pre-auth code must be the suite's, unexpired and unused (it is used up here); the corp
    /// gets a new permanent code (a previous one stops working), and the page redirects to
    /// `redirect_uri` with a one-shot `auth_code`, `expires_in` and `state`.
    pub(super) fn suite_install_page(&mut self, inc: &Incoming, now: i64) -> Answer {
        let q = |k| query_get(&inc.query, k).unwrap_or_default().to_owned();
        let suite_id = q("suite_id");
        if self.accounts.suite(&suite_id).is_none() {
            return self.work_err(40083, "invalid suite_id", now);
        }
        let code = q("pre_auth_code");
        if !self.usable_pre_auth_code(&suite_id, &code, now) {
            return self.work_err(40077, "invalid pre_auth_code", now);
        }
        let redirect = q("redirect_uri");
        if !redirect.starts_with("http://") && !redirect.starts_with("https://") {
            return self.work_err(40054, "invalid redirect_uri", now);
        }
        if let Some(c) = self.creds.get_mut(&code) {
            c.revoked = true;
        }
        self.installs.sessions.remove(&code);
        // The emulator has no admin to confirm: the corp is the one named beforehand, or a new one.
        let corpid = match self.installs.next_corp.remove(&suite_id) {
            Some(c) => c,
            None => {
                self.installs.made_up += 1;
                format!("wwinstall{:08}", self.installs.made_up)
            }
        };
        let state = q("state");
        let Some(auth_code) = self.install_suite(&suite_id, &corpid, &state) else {
            return self.work_err(40083, "invalid suite_id", now);
        };
        let sep = if redirect.contains('?') { '&' } else { '?' };
        let encode = |v: &str| form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>();
        Answer::Redirect(format!(
            "{redirect}{sep}auth_code={}&expires_in={}&state={}",
            encode(&auth_code),
            SUITE_AUTH_CODE_TTL_MS / 1000,
            encode(&state)
        ))
    }

    /// The corp the next installation through the install page of `suite_id` is for.
    pub(crate) fn set_installing_corp(&mut self, suite_id: &str, corpid: &str) -> bool {
        if self.accounts.suite(suite_id).is_none() {
            return false;
        }
        self.installs
            .next_corp
            .insert(suite_id.to_owned(), corpid.to_owned());
        true
    }

    /// A corp installs a suite: it gets a new permanent code (a previous one and the tokens it
    /// fetched stop working); answers the one-shot auth code for `get_permanent_code`.
    pub(crate) fn install_suite(
        &mut self,
        suite_id: &str,
        corpid: &str,
        state: &str,
    ) -> Option<String> {
        let permanent_code = self.rng.token_chars(43);
        let suite = self.accounts.suite_mut(suite_id)?;
        suite.corps.retain(|c| c.auth_corpid != corpid);
        suite.corps.push(AuthCorp {
            auth_corpid: corpid.to_owned(),
            permanent_code,
        });
        self.revoke_corp_tokens(corpid);
        let code = format!("authcode@@@{}", self.rng.token_chars(64));
        let expires_at = self.now() + SUITE_AUTH_CODE_TTL_MS;
        self.installs.auth_codes.insert(
            code.clone(),
            PendingInstall {
                suite_id: suite_id.to_owned(),
                corpid: corpid.to_owned(),
                state: state.to_owned(),
                expires_at,
            },
        );
        Some(code)
    }

    /// A corp removes a suite: its permanent code and tokens die at once (`get_corp_token`
    /// answers 40084). False if the corp had not installed the suite.
    pub(crate) fn cancel_suite(&mut self, suite_id: &str, corpid: &str) -> bool {
        let Some(suite) = self.accounts.suite_mut(suite_id) else {
            return false;
        };
        let before = suite.corps.len();
        suite.corps.retain(|c| c.auth_corpid != corpid);
        if suite.corps.len() == before {
            return false;
        }
        self.revoke_corp_tokens(corpid);
        true
    }

    fn revoke_corp_tokens(&mut self, corpid: &str) {
        for cred in self.creds.values_mut() {
            if cred.kind == TokenKind::CorpOfSuite && cred.owner == corpid {
                cred.revoked = true;
            }
        }
    }

    /// `service/get_permanent_code` (v1 with the corp's token and apps, v2 without): the auth
    /// code works once, for the suite it was issued to.
    pub(super) fn suite_permanent_code(&mut self, inc: &Incoming, now: i64, v2: bool) -> Answer {
        let (suite_id, body) = match self.suite_json_call(inc, now) {
            Ok(x) => x,
            Err(a) => return a,
        };
        let code = str_field(&body, "auth_code").unwrap_or_default();
        let valid = self
            .installs
            .auth_codes
            .get(&code)
            .is_some_and(|p| p.suite_id == suite_id && now < p.expires_at);
        let Some(install) = valid
            .then(|| self.installs.auth_codes.remove(&code))
            .flatten()
        else {
            return self.work_err(40078, "invalid auth_code", now);
        };
        let Some(permanent_code) = self.permanent_code_of(&suite_id, &install.corpid) else {
            return self.work_err(40084, "invalid permanent_code", now);
        };
        let corp =
            json!({"corpid": install.corpid, "corp_name": format!("corp {}", install.corpid)});
        let user = json!({"userid": "admin", "open_userid": format!("wo{}", install.corpid), "name": "admin"});
        if v2 {
            return Answer::Json(json!({
                "errcode": 0, "errmsg": "ok",
                "permanent_code": permanent_code,
                "auth_corp_info": corp,
                "auth_user_info": user,
                "state": install.state,
            }));
        }
        let (token, left) =
            self.issue_same_while_valid(TokenKind::CorpOfSuite, &install.corpid, now);
        Answer::Json(json!({
            "errcode": 0, "errmsg": "ok",
            "access_token": token, "expires_in": secs(left),
            "permanent_code": permanent_code,
            "auth_corp_info": corp,
            "auth_info": {"agent": [{"agentid": 1000002, "name": suite_id, "auth_mode": 0}]},
            "auth_user_info": user,
            "state": install.state,
        }))
    }

    /// `service/get_auth_info`: the corp and its apps, for an installed corp's permanent code.
    pub(super) fn suite_auth_info(&mut self, inc: &Incoming, now: i64) -> Answer {
        let (suite_id, body) = match self.suite_json_call(inc, now) {
            Ok(x) => x,
            Err(a) => return a,
        };
        let corpid = str_field(&body, "auth_corpid").unwrap_or_default();
        let code = str_field(&body, "permanent_code").unwrap_or_default();
        if !self.holds_permanent_code(&suite_id, &corpid, &code) {
            return self.work_err(40084, "invalid permanent_code", now);
        }
        Answer::Json(json!({
            "errcode": 0, "errmsg": "ok",
            "auth_corp_info": {"corpid": corpid, "corp_name": format!("corp {corpid}")},
            "auth_info": {"agent": [{"agentid": 1000002, "name": suite_id, "auth_mode": 0}]},
        }))
    }

    /// Whether `code` is the permanent code of the corp's installation of the suite.
    pub(super) fn holds_permanent_code(&self, suite_id: &str, corpid: &str, code: &str) -> bool {
        self.permanent_code_of(suite_id, corpid).as_deref() == Some(code)
    }

    /// The permanent code of a corp's installation of a suite, if it installed it.
    fn permanent_code_of(&self, suite_id: &str, corpid: &str) -> Option<String> {
        self.accounts.suite(suite_id).and_then(|s| {
            s.corps
                .iter()
                .find(|c| c.auth_corpid == corpid)
                .map(|c| c.permanent_code.clone())
        })
    }
}
