//! The self-driving demo: the backend on loopback, an emulator of WeChat in this process playing
//! WeChat's side (encrypted pushes, the authorization and install pages), and an admin's browser.
//! Nothing here is needed by a real backend.

use std::sync::Arc;

use wechat_core::Secret;
use wechat_core::callback::Platform;
use wechat_core::client::TokenStore;
use wechat_core::{MemoryStore, TokenFlow};
use wechat_emulator::{CallbackPush, EmulatorHandle, TokenKind, demo};

use crate::{BoxError, Settings, open, suite};

const CALLBACK_TOKEN: &str = "platform-callback-token";
const AES_KEY: &str = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
/// The account that authorizes the component.
const ACCOUNT: &str = "wx0000000000emua02";
/// The corp that installs the suite from the platform's site, and one from WeCom's market.
const SITE_CORP: &str = "ww0000000000site01";
const MARKET_CORP: &str = "ww0000000000mark01";

pub async fn run() -> Result<(), BoxError> {
    let emu = wechat_emulator::Emulator::start().await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    println!("Third-party platform backend: no WECHAT_COMPONENT_APPID/WECHAT_SUITE_ID set, so");
    println!(
        "WeChat is an emulator on {}, the backend on {base}\n",
        emu.base_url()
    );

    let settings = Settings {
        public_url: base.clone(),
        token: Secret::new(CALLBACK_TOKEN),
        aes_key: AES_KEY.to_owned(),
        api_base: Some(emu.base_url().to_owned()),
    };
    let component_client = wechat_reqwest::component(demo::COMPONENT_APPID, demo::COMPONENT_SECRET);
    let component = open::Component::new(
        settings.client(component_client, wechat_reqwest::memory_store())?,
        &settings,
    )?;
    let suite_client = wechat_reqwest::suite(demo::SUITE_ID, demo::SUITE_SECRET);
    let suite = suite::Suite::new(
        settings.client(suite_client, wechat_reqwest::memory_store())?,
        &settings,
        true,
    )?;
    let router = open::routes(component.clone()).merge(suite::routes(suite.clone()));
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });

    let demo = Demo {
        emu: &emu,
        base,
        browser: wechat_reqwest::ReqwestClient::options()
            .no_proxy()
            .build()?,
    };
    let result = async {
        demo.open_platform(&component).await?;
        demo.wecom_suite(&suite).await
    }
    .await;
    server.abort();
    emu.shutdown().await;
    result?;
    println!("\nDone: both journeys, from the first ticket push to the withdrawal.");
    Ok(())
}

struct Demo<'a> {
    emu: &'a EmulatorHandle,
    base: String,
    /// The admin's browser (it does not follow redirects by itself: each step is printed).
    browser: wechat_reqwest::ReqwestClient,
}

/// What a page answered the browser.
struct Page {
    status: u16,
    location: Option<String>,
    text: String,
}

impl Demo<'_> {
    /// WeChat pushes `body`, signed and encrypted, to a callback URL; the backend must answer
    /// `success`.
    async fn push(
        &self,
        path: &str,
        platform: Platform,
        receiver: &str,
        body: String,
    ) -> Result<(), BoxError> {
        let push = CallbackPush::xml(format!("{}{path}", self.base), CALLBACK_TOKEN, body)
            .for_platform(platform)
            .encrypted(AES_KEY, receiver);
        let answer = self.emu.push_callback(&push).await?;
        if answer.status != 200 || answer.plaintext.as_deref() != Some("success") {
            return Err(format!("{path} answered {}: {}", answer.status, answer.text()).into());
        }
        Ok(())
    }

    async fn open(&self, url: &str) -> Result<Page, BoxError> {
        let answer = self.browser.inner().get(url).send().await?;
        let location = answer
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .map(str::to_owned);
        let status = answer.status().as_u16();
        Ok(Page {
            status,
            location,
            text: answer.text().await?,
        })
    }

    /// Follows a page's redirects as a browser would, printing each (queries left out: they
    /// carry one-shot codes).
    async fn browse(&self, url: &str) -> Result<Page, BoxError> {
        let mut url = url.to_owned();
        for _ in 0..5 {
            let page = self.open(&url).await?;
            let Some(next) = page.location else {
                return Ok(page);
            };
            println!(
                "   302 to {}?..",
                next.split('?').next().unwrap_or_default()
            );
            url = next;
        }
        Err("too many redirects".into())
    }

    /// A GET of the backend's admin routes.
    async fn admin(&self, path: &str) -> Result<Page, BoxError> {
        let page = self.open(&format!("{}{path}", self.base)).await?;
        println!("   GET {path}: {} {}", page.status, page.text);
        Ok(page)
    }

    fn fetches(&self, account: &str, kind: TokenKind) -> u64 {
        self.emu.token_fetches_of(account, kind)
    }

    async fn open_platform(
        &self,
        component: &Arc<open::Component<MemoryStore>>,
    ) -> Result<(), BoxError> {
        let appid = demo::COMPONENT_APPID;
        println!("Open Platform component {appid}");

        println!("1. WeChat pushes the component_verify_ticket to /open/callback, encrypted");
        let ticket = self
            .emu
            .component_verify_ticket_message(appid)
            .ok_or("no ticket")?;
        self.push("/open/callback", Platform::OpenPlatform, appid, ticket)
            .await?;
        let key = TokenFlow::component_verify_ticket_key(appid);
        let kept = component
            .client
            .store()
            .load(&key)
            .await?
            .ok_or("the ticket was not kept")?;
        if Some(kept.value.expose()) != self.emu.component_verify_ticket(appid).as_deref() {
            return Err("the kept ticket is not WeChat's".into());
        }
        println!("   the store holds WeChat's ticket");

        println!("2. The admin of {ACCOUNT} opens /open/authorize");
        let page = self
            .browse(&format!("{}/open/authorize?biz_appid={ACCOUNT}", self.base))
            .await?;
        println!("   the page says: {} {}", page.status, page.text);
        println!(
            "   token fetches at WeChat: component {}",
            self.fetches(appid, TokenKind::Component)
        );

        println!("3. Calls for the account: its details with the component's token, then its own");
        self.admin(&format!("/open/accounts/{ACCOUNT}/info"))
            .await?;
        for _ in 0..3 {
            self.admin(&format!("/open/accounts/{ACCOUNT}/ips")).await?;
        }
        println!(
            "   token fetches at WeChat: component {}, authorizer {}",
            self.fetches(appid, TokenKind::Component),
            self.fetches(ACCOUNT, TokenKind::Authorizer)
        );

        println!("4. The account withdraws: WeChat pushes `unauthorized`");
        let push = self
            .emu
            .unauthorize(appid, ACCOUNT)
            .ok_or("not authorized")?;
        self.push("/open/callback", Platform::OpenPlatform, appid, push)
            .await?;
        let page = self.admin(&format!("/open/accounts/{ACCOUNT}/ips")).await?;
        if page.status != 409 {
            return Err("a withdrawn account is still called for".into());
        }
        println!(
            "   no call reached WeChat: authorizer token fetches still {}",
            self.fetches(ACCOUNT, TokenKind::Authorizer)
        );
        Ok(())
    }

    async fn wecom_suite(&self, suite: &Arc<suite::Suite<MemoryStore>>) -> Result<(), BoxError> {
        let suite_id = demo::SUITE_ID;
        println!("\nWeCom suite {suite_id}");

        println!("5. WeCom pushes the suite_ticket to /suite/callback, encrypted");
        let ticket = self.emu.suite_ticket_message(suite_id).ok_or("no ticket")?;
        self.push("/suite/callback", Platform::WeCom, suite_id, ticket)
            .await?;
        let key = TokenFlow::suite_ticket_key(suite_id);
        suite
            .client
            .store()
            .load(&key)
            .await?
            .ok_or("the ticket was not kept")?;
        println!("   the store holds WeCom's ticket");

        println!("6. The admin of corp {SITE_CORP} opens /suite/install");
        self.emu.set_installing_corp(suite_id, SITE_CORP);
        let page = self.browse(&format!("{}/suite/install", self.base)).await?;
        println!("   the page says: {} {}", page.status, page.text);

        println!("7. Calls for the corp, with its token");
        for _ in 0..3 {
            self.admin(&format!("/suite/corps/{SITE_CORP}/departments"))
                .await?;
        }
        println!(
            "   token fetches at WeCom: suite {}, corp {}",
            self.fetches(suite_id, TokenKind::Suite),
            self.fetches(SITE_CORP, TokenKind::CorpOfSuite)
        );

        println!("8. Corp {MARKET_CORP} installs from WeCom's market: WeCom pushes `create_auth`");
        let push = self
            .emu
            .install_suite(suite_id, MARKET_CORP, "market")
            .ok_or("no suite")?;
        self.push("/suite/callback", Platform::WeCom, suite_id, push)
            .await?;
        // The backend answered at once and exchanges the code after: wait for it.
        let key = TokenFlow::permanent_code_key(suite_id, MARKET_CORP);
        for _ in 0..100 {
            if suite.client.store().load(&key).await?.is_some() {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        self.admin(&format!("/suite/corps/{MARKET_CORP}/departments"))
            .await?;

        println!("9. Corp {SITE_CORP} removes the suite: WeCom pushes `cancel_auth`");
        let push = self
            .emu
            .cancel_suite(suite_id, SITE_CORP)
            .ok_or("not installed")?;
        self.push("/suite/callback", Platform::WeCom, suite_id, push)
            .await?;
        let page = self
            .admin(&format!("/suite/corps/{SITE_CORP}/departments"))
            .await?;
        if page.status != 409 {
            return Err("a cancelled corp is still called for".into());
        }
        println!(
            "   token fetches at WeCom: suite {}, corp {} (no new one)",
            self.fetches(suite_id, TokenKind::Suite),
            self.fetches(SITE_CORP, TokenKind::CorpOfSuite)
        );
        Ok(())
    }
}
