//! Small helpers: randomness for ids, request ids, query strings, WeChat error bodies.

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};

/// Wall-clock Unix milliseconds (the emulator adds its offset on top).
pub(crate) fn real_now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// A splitmix64 generator: ids only need to be unique and unguessable enough for tests.
#[derive(Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn seeded() -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x5eed);
        // Mix in an address so two emulators started in the same nanosecond still differ.
        let local = 0u8;
        let addr = &local as *const u8 as u64;
        Rng(nanos ^ addr.rotate_left(32) ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// `len` characters from the URL-safe alphabet WeChat uses in tokens.
    pub(crate) fn token_chars(&mut self, len: usize) -> String {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        (0..len)
            .map(|_| ALPHABET[(self.next_u64() % ALPHABET.len() as u64) as usize] as char)
            .collect()
    }

    pub(crate) fn hex(&mut self, len: usize) -> String {
        const HEX: &[u8] = b"0123456789abcdef";
        (0..len)
            .map(|_| HEX[(self.next_u64() % 16) as usize] as char)
            .collect()
    }

    /// A request id in WeChat's `rid` shape: `65a1b2c3-1d2e3f4a-5b6c7d8e`.
    pub(crate) fn rid(&mut self, now_ms: i64) -> String {
        format!(
            "{:08x}-{}-{}",
            (now_ms / 1000) as u32,
            self.hex(8),
            self.hex(8)
        )
    }
}

/// Decoded query pairs, in order.
pub(crate) fn parse_query(raw: Option<&str>) -> Vec<(String, String)> {
    raw.map(|q| {
        form_urlencoded::parse(q.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    })
    .unwrap_or_default()
}

pub(crate) fn query_get<'a>(query: &'a [(String, String)], key: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// Query parameter names whose values are secrets: never recorded.
const SECRET_PARAMS: &[&str] = &[
    "secret",
    "corpsecret",
    "appsecret",
    "component_appsecret",
    "suite_secret",
    "provider_secret",
];

/// The query with secret values replaced, for the request log.
pub(crate) fn redact_query(query: &[(String, String)]) -> Vec<(String, String)> {
    query
        .iter()
        .map(|(k, v)| {
            if SECRET_PARAMS.contains(&k.as_str()) {
                (k.clone(), "[redacted]".to_owned())
            } else {
                (k.clone(), v.clone())
            }
        })
        .collect()
}

/// `{"errcode":N,"errmsg":"MSG rid: RID"}`: the way WeChat reports an error.
pub(crate) fn error_body(errcode: i64, errmsg: &str, rid: &str) -> Value {
    json!({ "errcode": errcode, "errmsg": format!("{errmsg} rid: {rid}") })
}

/// Normalizes a path for lookups: one leading slash, no trailing slash (except the root).
pub(crate) fn normalize_path(path: &str) -> String {
    let trimmed = path.trim().trim_matches('/');
    format!("/{trimmed}")
}

/// Normalizes a path pattern: a trailing `*` makes it a prefix, kept as written after one leading slash.
pub(crate) fn normalize_pattern(pattern: &str) -> String {
    match pattern.trim().strip_suffix('*') {
        Some(prefix) => format!("/{}*", prefix.trim_start_matches('/')),
        None => normalize_path(pattern),
    }
}

/// Whether `path` matches a pattern from [`normalize_pattern`].
pub(crate) fn pattern_matches(pattern: &str, path: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => path.starts_with(prefix),
        None => pattern == path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rid_shape() {
        let mut rng = Rng::seeded();
        let rid = rng.rid(1_700_000_000_000);
        let parts: Vec<_> = rid.split('-').collect();
        assert_eq!(parts.len(), 3);
        assert!(parts.iter().all(|p| p.len() == 8));
    }

    #[test]
    fn redacts_secrets() {
        let q = parse_query(Some("appid=wx1&secret=s3cr3t&grant_type=client_credential"));
        let r = redact_query(&q);
        assert_eq!(query_get(&r, "secret"), Some("[redacted]"));
        assert_eq!(query_get(&r, "appid"), Some("wx1"));
    }

    #[test]
    fn normalizes() {
        assert_eq!(normalize_path("cgi-bin/menu/get"), "/cgi-bin/menu/get");
        assert_eq!(normalize_path("/cgi-bin/menu/get/"), "/cgi-bin/menu/get");
        assert_eq!(normalize_path("/"), "/");
        assert_eq!(normalize_pattern("wxa/*"), "/wxa/*");
        assert!(pattern_matches("/wxa/*", "/wxa/getwxacode"));
        assert!(!pattern_matches("/wxa/*", "/wxaapi/x"));
    }
}
