use wasm_bindgen::JsCast;

use crate::Error;

/// `crypto.getRandomValues` fills at most this many bytes per call.
const MAX_CHUNK: usize = 65_536;

/// Cryptographically secure random bytes from the runtime's Web Crypto API
/// (`crypto.getRandomValues`).
#[derive(Debug, Clone, Copy, Default)]
pub struct WebCryptoRandom;

impl WebCryptoRandom {
    /// A generator backed by the global `crypto` object.
    pub fn new() -> Self {
        WebCryptoRandom
    }

    /// Fills `buf` with random bytes.
    pub fn fill(&self, buf: &mut [u8]) -> Result<(), Error> {
        let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
        let crypto = scope.crypto()?;
        for chunk in buf.chunks_mut(MAX_CHUNK) {
            crypto.get_random_values_with_u8_array(chunk)?;
        }
        Ok(())
    }

    /// `N` random bytes.
    pub fn bytes<const N: usize>(&self) -> Result<[u8; N], Error> {
        let mut out = [0u8; N];
        self.fill(&mut out)?;
        Ok(out)
    }
}
