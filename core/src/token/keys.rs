//! Store keys, defined once: what [`TokenFlow::key`](super::TokenFlow::key) and the pushed
//! values write, and [`parse`], which reads a key back (adapters that route by key use it rather
//! than splitting strings of their own). Keys name platform, app and kind; never a secret.

/// What a store key names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum StoreKey<'a> {
    /// An app's stable token.
    Stable {
        /// The app id.
        appid: &'a str,
    },
    /// An app's classic token.
    Classic {
        /// The app id.
        appid: &'a str,
    },
    /// A WeCom app's token.
    Work {
        /// The corp id.
        corpid: &'a str,
        /// The app's name in keys.
        agent: &'a str,
    },
    /// A platform's `component_access_token`.
    Component {
        /// The platform's app id.
        component_appid: &'a str,
    },
    /// An authorizer's token.
    Authorizer {
        /// The platform's app id.
        component_appid: &'a str,
        /// The authorizer's app id.
        appid: &'a str,
    },
    /// A suite's `suite_access_token`.
    Suite {
        /// The suite id.
        suite_id: &'a str,
    },
    /// A service provider's token.
    Provider {
        /// The provider's corp id.
        corpid: &'a str,
    },
    /// The token of a corp that installed a suite.
    SuiteCorp {
        /// The suite id.
        suite_id: &'a str,
        /// The corp id.
        corpid: &'a str,
    },
    /// A JS-SDK ticket of the token stored under `of`.
    Ticket {
        /// The key of the token that fetches the ticket.
        of: &'a str,
        /// The ticket kind's name (`jsapi`, `wx_card`, `work_jsapi`, `agent_config`).
        kind: &'a str,
    },
    /// The `component_verify_ticket` WeChat pushes to a platform.
    ComponentVerifyTicket {
        /// The platform's app id.
        component_appid: &'a str,
    },
    /// An authorizer's refresh token.
    AuthorizerRefreshToken {
        /// The platform's app id.
        component_appid: &'a str,
        /// The authorizer's app id.
        appid: &'a str,
    },
    /// The `suite_ticket` WeCom pushes to a suite.
    SuiteTicket {
        /// The suite id.
        suite_id: &'a str,
    },
    /// The permanent code of a corp that installed a suite (a record without expiry).
    PermanentCode {
        /// The suite id.
        suite_id: &'a str,
        /// The corp id.
        corpid: &'a str,
    },
    /// The saved `kf/sync_msg` cursor of a WeChat Customer Service account: where the next
    /// message sync of the account starts (a record without expiry, not a token).
    KfCursor {
        /// The corp id.
        corpid: &'a str,
        /// The Customer Service account's `open_kfid`.
        open_kfid: &'a str,
    },
    /// The fetch lease of the record under `of`.
    Lease {
        /// The key of the record being fetched.
        of: &'a str,
    },
}

impl std::fmt::Display for StoreKey<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreKey::Stable { appid } => write!(f, "wechat:app:{appid}:stable_token"),
            StoreKey::Classic { appid } => write!(f, "wechat:app:{appid}:access_token"),
            StoreKey::Work { corpid, agent } => {
                write!(f, "wechat:work:{corpid}:{agent}:access_token")
            }
            StoreKey::Component { component_appid } => {
                write!(f, "wechat:open:{component_appid}:component_access_token")
            }
            StoreKey::Authorizer {
                component_appid,
                appid,
            } => write!(
                f,
                "wechat:open:{component_appid}:authorizer:{appid}:access_token"
            ),
            StoreKey::Suite { suite_id } => write!(f, "wechat:suite:{suite_id}:suite_access_token"),
            StoreKey::Provider { corpid } => {
                write!(f, "wechat:provider:{corpid}:provider_access_token")
            }
            StoreKey::SuiteCorp { suite_id, corpid } => {
                write!(f, "wechat:suite:{suite_id}:corp:{corpid}:access_token")
            }
            StoreKey::Ticket { of, kind } => write!(f, "{of}:ticket:{kind}"),
            StoreKey::ComponentVerifyTicket { component_appid } => {
                write!(f, "wechat:open:{component_appid}:component_verify_ticket")
            }
            StoreKey::AuthorizerRefreshToken {
                component_appid,
                appid,
            } => write!(
                f,
                "wechat:open:{component_appid}:authorizer:{appid}:refresh_token"
            ),
            StoreKey::SuiteTicket { suite_id } => write!(f, "wechat:suite:{suite_id}:suite_ticket"),
            StoreKey::PermanentCode { suite_id, corpid } => {
                write!(f, "wechat:suite:{suite_id}:corp:{corpid}:permanent_code")
            }
            StoreKey::KfCursor { corpid, open_kfid } => {
                write!(f, "wechat:work:{corpid}:kf:{open_kfid}:sync_cursor")
            }
            StoreKey::Lease { of } => write!(f, "{of}:lease"),
        }
    }
}

/// Writes a store key (its `Display`, into a string sized up front: keys are made on every call).
pub fn format(key: StoreKey<'_>) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(80);
    let _ = write!(out, "{key}");
    out
}

/// Reads a store key back; `None` for a key the SDK does not write.
pub fn parse(key: &str) -> Option<StoreKey<'_>> {
    if let Some(of) = key.strip_suffix(":lease") {
        return Some(StoreKey::Lease { of });
    }
    if let Some(at) = key.rfind(":ticket:") {
        let (of, kind) = (&key[..at], &key[at + ":ticket:".len()..]);
        return (parse(of).is_some() && !kind.is_empty() && !kind.contains(':'))
            .then_some(StoreKey::Ticket { of, kind });
    }
    let parts: Vec<&str> = key.split(':').collect();
    let key = match parts.as_slice() {
        ["wechat", "app", appid, "stable_token"] => StoreKey::Stable { appid },
        ["wechat", "app", appid, "access_token"] => StoreKey::Classic { appid },
        ["wechat", "work", corpid, agent, "access_token"] => StoreKey::Work { corpid, agent },
        ["wechat", "work", corpid, "kf", open_kfid, "sync_cursor"] => {
            StoreKey::KfCursor { corpid, open_kfid }
        }
        ["wechat", "open", component_appid, "component_access_token"] => {
            StoreKey::Component { component_appid }
        }
        ["wechat", "open", component_appid, "component_verify_ticket"] => {
            StoreKey::ComponentVerifyTicket { component_appid }
        }
        [
            "wechat",
            "open",
            component_appid,
            "authorizer",
            appid,
            "access_token",
        ] => StoreKey::Authorizer {
            component_appid,
            appid,
        },
        [
            "wechat",
            "open",
            component_appid,
            "authorizer",
            appid,
            "refresh_token",
        ] => StoreKey::AuthorizerRefreshToken {
            component_appid,
            appid,
        },
        ["wechat", "suite", suite_id, "suite_access_token"] => StoreKey::Suite { suite_id },
        ["wechat", "suite", suite_id, "suite_ticket"] => StoreKey::SuiteTicket { suite_id },
        ["wechat", "suite", suite_id, "corp", corpid, "access_token"] => {
            StoreKey::SuiteCorp { suite_id, corpid }
        }
        [
            "wechat",
            "suite",
            suite_id,
            "corp",
            corpid,
            "permanent_code",
        ] => StoreKey::PermanentCode { suite_id, corpid },
        ["wechat", "provider", corpid, "provider_access_token"] => StoreKey::Provider { corpid },
        _ => return None,
    };
    Some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kf_cursor_keys_read_back() {
        let key = StoreKey::KfCursor {
            corpid: "ww1",
            open_kfid: "wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q",
        };
        let text = format(key);
        assert_eq!(
            text,
            "wechat:work:ww1:kf:wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q:sync_cursor"
        );
        assert_eq!(parse(&text), Some(key));
        assert_eq!(parse("wechat:work:ww1:kf:x:other"), None);
        // A corp's own token key (five parts) is not read as a cursor.
        assert_eq!(
            parse("wechat:work:ww1:1000002:access_token"),
            Some(StoreKey::Work {
                corpid: "ww1",
                agent: "1000002"
            })
        );
    }
}
