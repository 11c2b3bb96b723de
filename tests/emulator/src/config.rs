//! The accounts the emulator knows, and the demo accounts it knows by default.

use serde::Serialize;

/// Demo credentials the emulator accepts unless built with [`crate::EmulatorBuilder::without_demo_accounts`].
///
/// They are fake, public, and only mean something to the emulator.
pub mod demo {
    /// Official Account / Mini Program app id.
    pub const APPID: &str = "wx0000000000emu001";
    /// Its app secret.
    pub const SECRET: &str = "emulator-demo-app-secret";
    /// WeCom corp id.
    pub const CORPID: &str = "ww0000000000emu001";
    /// WeCom self-built app secret.
    pub const CORPSECRET: &str = "emulator-demo-corp-secret";
    /// WeCom self-built app agent id.
    pub const AGENTID: i64 = 1_000_002;
    /// Open Platform third-party platform (component) app id.
    pub const COMPONENT_APPID: &str = "wx0000000000emuc01";
    /// Its app secret.
    pub const COMPONENT_SECRET: &str = "emulator-demo-component-secret";
    /// An Official Account that authorized the demo component.
    pub const AUTHORIZER_APPID: &str = "wx0000000000emua01";
    /// The demo authorizer's refresh token.
    pub const AUTHORIZER_REFRESH_TOKEN: &str = "refreshtoken@@@emulator-demo-authorizer";
    /// WeCom third-party suite id.
    pub const SUITE_ID: &str = "ww0000000000emus01";
    /// Its suite secret.
    pub const SUITE_SECRET: &str = "emulator-demo-suite-secret";
    /// A corp that installed the demo suite.
    pub const AUTH_CORPID: &str = "ww0000000000emuc02";
    /// The permanent code of that installation.
    pub const PERMANENT_CODE: &str = "emulator-demo-permanent-code";
    /// WeCom service provider corp id.
    pub const PROVIDER_CORPID: &str = "ww0000000000emup01";
    /// Its provider secret.
    pub const PROVIDER_SECRET: &str = "emulator-demo-provider-secret";
    /// A WeCom group robot's webhook key.
    pub const ROBOT_KEY: &str = "emulator-demo-robot-key";
    /// The Mini Program's virtual payment AppKey for production (`env: 0`): `/xpay/` calls
    /// are answered only with a `pay_sig` made with it.
    pub const XPAY_APP_KEY: &str = "emulator-demo-xpay-appkey";
    /// The virtual payment AppKey for the sandbox (`env: 1`).
    pub const XPAY_SANDBOX_APP_KEY: &str = "emulator-demo-xpay-sandbox-appkey";
}

/// An Official Account or Mini Program: `appid` + `secret`.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct AppAccount {
    pub appid: String,
    pub secret: String,
}

/// A WeCom self-built app: `corpid` + that app's `corpsecret`, optionally its `agentid`.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct CorpAccount {
    pub corpid: String,
    pub corpsecret: String,
    pub agentid: Option<i64>,
}

impl CorpAccount {
    /// The name counters use: `corpid` or `corpid/agentid`.
    pub fn key(&self) -> String {
        match self.agentid {
            Some(agent) => format!("{}/{agent}", self.corpid),
            None => self.corpid.clone(),
        }
    }
}

/// An Open Platform third-party platform and the accounts that authorized it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ComponentAccount {
    pub component_appid: String,
    pub component_appsecret: String,
    pub authorizers: Vec<AuthorizerAccount>,
}

/// An account that authorized a component: its app id and current refresh token.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct AuthorizerAccount {
    pub authorizer_appid: String,
    pub authorizer_refresh_token: String,
}

/// A WeCom third-party suite and the corps that installed it.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct SuiteAccount {
    pub suite_id: String,
    pub suite_secret: String,
    pub corps: Vec<AuthCorp>,
}

/// A corp that installed a suite, with the permanent code of that installation.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct AuthCorp {
    pub auth_corpid: String,
    pub permanent_code: String,
}

/// A WeCom service provider: `corpid` + `provider_secret`.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct ProviderAccount {
    pub corpid: String,
    pub provider_secret: String,
}

/// Everything the emulator knows about accounts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Accounts {
    pub apps: Vec<AppAccount>,
    pub corps: Vec<CorpAccount>,
    pub components: Vec<ComponentAccount>,
    pub suites: Vec<SuiteAccount>,
    pub providers: Vec<ProviderAccount>,
    /// WeCom group robots, by webhook key.
    pub robots: Vec<String>,
}

impl Accounts {
    pub(crate) fn demo() -> Self {
        Accounts {
            apps: vec![AppAccount {
                appid: demo::APPID.into(),
                secret: demo::SECRET.into(),
            }],
            corps: vec![CorpAccount {
                corpid: demo::CORPID.into(),
                corpsecret: demo::CORPSECRET.into(),
                agentid: Some(demo::AGENTID),
            }],
            components: vec![ComponentAccount {
                component_appid: demo::COMPONENT_APPID.into(),
                component_appsecret: demo::COMPONENT_SECRET.into(),
                authorizers: vec![AuthorizerAccount {
                    authorizer_appid: demo::AUTHORIZER_APPID.into(),
                    authorizer_refresh_token: demo::AUTHORIZER_REFRESH_TOKEN.into(),
                }],
            }],
            suites: vec![SuiteAccount {
                suite_id: demo::SUITE_ID.into(),
                suite_secret: demo::SUITE_SECRET.into(),
                corps: vec![AuthCorp {
                    auth_corpid: demo::AUTH_CORPID.into(),
                    permanent_code: demo::PERMANENT_CODE.into(),
                }],
            }],
            providers: vec![ProviderAccount {
                corpid: demo::PROVIDER_CORPID.into(),
                provider_secret: demo::PROVIDER_SECRET.into(),
            }],
            robots: vec![demo::ROBOT_KEY.into()],
        }
    }

    pub(crate) fn app(&self, appid: &str) -> Option<&AppAccount> {
        self.apps.iter().find(|a| a.appid == appid)
    }

    pub(crate) fn component(&self, appid: &str) -> Option<&ComponentAccount> {
        self.components.iter().find(|c| c.component_appid == appid)
    }

    pub(crate) fn component_mut(&mut self, appid: &str) -> Option<&mut ComponentAccount> {
        self.components
            .iter_mut()
            .find(|c| c.component_appid == appid)
    }

    pub(crate) fn suite(&self, suite_id: &str) -> Option<&SuiteAccount> {
        self.suites.iter().find(|s| s.suite_id == suite_id)
    }

    pub(crate) fn suite_mut(&mut self, suite_id: &str) -> Option<&mut SuiteAccount> {
        self.suites.iter_mut().find(|s| s.suite_id == suite_id)
    }
}
