//! The controller's side of WeCom third-party suites: which corp installs, market installs and
//! cancellations, each with the push WeCom sends the suite then.

use crate::Controller;
use crate::state::{cancel_auth_xml, create_auth_xml};

impl Controller {
    /// The corp the next installation through the install page (`3rdapp/install`) of
    /// `suite_id` is for (the emulator has no admin to pick one; without it the page makes up
    /// a corp id). False for an unknown suite.
    pub fn set_installing_corp(&self, suite_id: &str, corpid: &str) -> bool {
        self.shared.lock().set_installing_corp(suite_id, corpid)
    }

    /// A corp installs a suite from WeCom's app market: the corp gets a new permanent code (a
    /// previous one stops working), and this answers the plaintext `create_auth` push WeCom
    /// sends the suite then, with the one-shot `AuthCode` (valid 600 s) for
    /// `get_permanent_code` (seal and push it with [`Controller::push_callback`]). `None` for
    /// an unknown suite.
    pub fn install_suite(&self, suite_id: &str, corpid: &str, state: &str) -> Option<String> {
        let mut st = self.shared.lock();
        let code = st.install_suite(suite_id, corpid, state)?;
        Some(create_auth_xml(suite_id, &code, state, st.now() / 1000))
    }

    /// A corp removes a suite (as its admin would in WeCom): its permanent code and tokens die
    /// at once (`get_corp_token` answers 40084). Answers the plaintext `cancel_auth` push WeCom
    /// sends the suite then; `None` if the corp had not installed the suite.
    pub fn cancel_suite(&self, suite_id: &str, corpid: &str) -> Option<String> {
        let mut st = self.shared.lock();
        st.cancel_suite(suite_id, corpid)
            .then(|| cancel_auth_xml(suite_id, corpid, st.now() / 1000))
    }
}
