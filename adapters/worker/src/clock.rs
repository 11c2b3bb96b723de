/// Wall-clock time from the Workers runtime's `Date.now()`, in Unix milliseconds.
///
/// Workers advance `Date.now()` only when the isolate performs I/O (a
/// side-channel mitigation), so two calls with no I/O in between return the
/// same value. Token expiry works in seconds-to-minutes margins, so that
/// coarseness is harmless.
#[derive(Debug, Clone, Copy, Default)]
pub struct WorkerClock;

impl WorkerClock {
    /// A clock backed by `Date.now()`.
    pub fn new() -> Self {
        WorkerClock
    }

    /// The current time in milliseconds since the Unix epoch.
    pub fn now_ms(&self) -> u64 {
        worker::Date::now().as_millis()
    }
}
