//! The system clock, tokio's sleep and the OS's randomness.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use wechat_core::MemoryStore;
use wechat_core::client::{MaybeSend, Runtime};

/// The native [`Runtime`]: wall-clock time (expiry is shared with other machines through the
/// store), `tokio::time::sleep`, and the operating system's randomness.
///
/// Sleeping needs a tokio runtime with its time driver enabled.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemRuntime;

/// Unix milliseconds from the system clock (0 if the clock is before 1970).
pub fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

impl Runtime for SystemRuntime {
    fn now_ms(&self) -> u64 {
        now_ms()
    }

    fn sleep(&self, ms: u64) -> impl Future<Output = ()> + MaybeSend {
        tokio::time::sleep(Duration::from_millis(ms))
    }

    fn fill_random(&self, buf: &mut [u8]) {
        // The OS's generator does not fail on any platform this adapter supports; if it ever does,
        // continuing with predictable nonces would be worse than stopping.
        getrandom::fill(buf).expect("the operating system's random generator failed");
    }
}

/// A token store in this process's memory, on the system clock. Tokens never touch the disk.
pub fn memory_store() -> MemoryStore {
    MemoryStore::new(now_ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_and_randomness() {
        let rt = SystemRuntime;
        assert!(rt.now_ms() > 1_600_000_000_000);
        let (mut a, mut b) = ([0u8; 16], [0u8; 16]);
        rt.fill_random(&mut a);
        rt.fill_random(&mut b);
        assert_ne!(a, b);
    }
}
