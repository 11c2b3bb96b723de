use crate::Error;

/// Workers KV refuses an `expirationTtl` below 60 seconds.
pub const KV_MIN_TTL_SECS: u64 = 60;

/// The TTL to hand to KV for a record the core wants kept `ttl_secs`.
///
/// KV evicts no sooner than 60 s, so a record may outlive the TTL it was asked
/// for by up to a minute. Records must therefore carry their own expiry and
/// readers must check it; the KV TTL only bounds how long garbage lingers.
pub const fn clamp_ttl(ttl_secs: u64) -> u64 {
    if ttl_secs < KV_MIN_TTL_SECS {
        KV_MIN_TTL_SECS
    } else {
        ttl_secs
    }
}

/// A Workers KV namespace holding cached records (tokens, tickets) as bytes,
/// under an optional key prefix.
#[derive(Debug, Clone)]
pub struct KvStore {
    kv: worker::KvStore,
    prefix: String,
}

impl KvStore {
    /// Wraps a KV namespace.
    pub fn new(kv: worker::KvStore) -> Self {
        KvStore {
            kv,
            prefix: String::new(),
        }
    }

    /// The KV namespace bound as `binding` in the Worker's configuration.
    pub fn from_env(env: &worker::Env, binding: &str) -> Result<Self, Error> {
        Ok(KvStore::new(env.kv(binding)?))
    }

    /// Puts every key under `prefix` (for example `"wechat:"`), so several
    /// users can share one namespace.
    pub fn with_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    fn key(&self, key: &str) -> String {
        format!("{}{}", self.prefix, key)
    }

    /// The bytes stored under `key`, if any.
    pub async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, Error> {
        Ok(self.kv.get(&self.key(key)).bytes().await?)
    }

    /// Stores `value` under `key` for `ttl_secs`, raised to KV's 60 s minimum
    /// (see [`clamp_ttl`]).
    pub async fn put(&self, key: &str, value: &[u8], ttl_secs: u64) -> Result<(), Error> {
        self.kv
            .put_bytes(&self.key(key), value)?
            .expiration_ttl(clamp_ttl(ttl_secs))
            .execute()
            .await?;
        Ok(())
    }

    /// Removes `key`; removing a missing key is not an error.
    pub async fn delete(&self, key: &str) -> Result<(), Error> {
        Ok(self.kv.delete(&self.key(key)).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ttl_is_clamped_to_the_kv_minimum() {
        assert_eq!(clamp_ttl(0), 60);
        assert_eq!(clamp_ttl(59), 60);
        assert_eq!(clamp_ttl(60), 60);
        assert_eq!(clamp_ttl(7200), 7200);
    }
}
