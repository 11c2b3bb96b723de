//! Example answers from `tests/fixtures/`, embedded at compile time and found by file name alone.

use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));

/// File extensions tried for a path, in order, with the content type served.
const EXTENSIONS: &[(&str, &str)] = &[
    ("json", "application/json; charset=utf-8"),
    ("xml", "text/xml; charset=utf-8"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("bin", "application/octet-stream"),
    ("txt", "text/plain; charset=utf-8"),
];

/// A fixture file's content and the content type it is served with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fixture {
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

/// Names of all embedded fixture files (relative to `tests/fixtures/`, e.g. `cgi-bin/menu/get.json`).
pub fn embedded_names() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().map(|(name, _)| *name)
}

/// The embedded bytes of one fixture file, by its name relative to `tests/fixtures/`.
pub fn embedded(name: &str) -> Option<&'static [u8]> {
    EMBEDDED
        .binary_search_by(|(n, _)| (*n).cmp(name))
        .ok()
        .map(|i| EMBEDDED[i].1)
}

/// Finds the fixture for a request path (`/cgi-bin/menu/get`), trying `host/` first when given,
/// then the plain path; in `dir` (read at run time) before the embedded files.
pub(crate) fn lookup(path: &str, host: Option<&str>, dir: Option<&Path>) -> Option<Fixture> {
    let rel = path.trim_matches('/');
    if rel.is_empty() || rel.split('/').any(|seg| seg == ".." || seg == ".") {
        return None;
    }
    let mut stems = Vec::with_capacity(2);
    if let Some(host) = host {
        stems.push(format!("{host}/{rel}"));
    }
    stems.push(rel.to_owned());

    for stem in &stems {
        for (ext, content_type) in EXTENSIONS {
            let name = format!("{stem}.{ext}");
            if let Some(dir) = dir {
                let file: PathBuf = dir.join(&name);
                if let Ok(body) = std::fs::read(&file) {
                    return Some(Fixture { content_type, body });
                }
            }
            if let Some(body) = embedded(&name) {
                return Some(Fixture {
                    content_type,
                    body: body.to_vec(),
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_is_sorted_for_binary_search() {
        let names: Vec<_> = embedded_names().collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
    }

    #[test]
    fn every_json_fixture_parses() {
        for (name, body) in EMBEDDED {
            if name.ends_with(".json") {
                serde_json::from_slice::<serde_json::Value>(body)
                    .unwrap_or_else(|e| panic!("fixture {name} is not valid JSON: {e}"));
            }
        }
    }

    #[test]
    fn finds_by_path() {
        let f = lookup("/cgi-bin/menu/get", None, None).expect("menu/get fixture");
        assert!(f.content_type.starts_with("application/json"));
        assert!(lookup("/cgi-bin/no/such/thing", None, None).is_none());
        assert!(lookup("/../Cargo", None, None).is_none());
        // A host directory that does not exist falls back to the plain path.
        assert!(lookup("/cgi-bin/getcallbackip", Some("qyapi.weixin.qq.com"), None).is_some());
    }
}
