use std::time::Duration;

use crate::{WebCryptoRandom, WorkerClock};

/// The core's [`Runtime`](wechat_core::Runtime) inside a Worker: `Date.now()`, `setTimeout` and
/// Web Crypto.
#[derive(Debug, Clone, Copy, Default)]
pub struct WorkerRuntime {
    clock: WorkerClock,
    random: WebCryptoRandom,
}

impl WorkerRuntime {
    /// The Worker's clock, timers and randomness.
    pub fn new() -> Self {
        Self::default()
    }
}

impl wechat_core::Runtime for WorkerRuntime {
    fn now_ms(&self) -> u64 {
        self.clock.now_ms()
    }

    async fn sleep(&self, ms: u64) {
        worker::Delay::from(Duration::from_millis(ms)).await;
    }

    fn fill_random(&self, buf: &mut [u8]) {
        // Without a working CSPRNG no nonce, lease id or reply IV may be made: stop here.
        #[allow(clippy::expect_used)]
        self.random
            .fill(buf)
            .expect("crypto.getRandomValues is unavailable");
    }
}
