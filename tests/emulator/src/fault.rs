//! Fault injection: answers WeChat gives on a bad day, on demand.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::util::{normalize_pattern, pattern_matches};

/// What a fault does to a request it hits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// `{"errcode":-1,"errmsg":"system error"}` with HTTP 200.
    SystemBusy,
    /// An HTTP error status (e.g. 502, 503) with a small non-JSON body.
    HttpStatus { status: u16 },
    /// Answer normally, but only after this many milliseconds.
    Delay { ms: u64 },
    /// HTTP 200, `Content-Type: application/json`, and a body cut off mid-object.
    MalformedJson,
    /// `{"errcode":45009,"errmsg":"reach max api daily quota limit"}`.
    QuotaExceeded,
    /// Any other WeChat error code.
    Errcode { errcode: i64, errmsg: String },
}

/// A fault, where it applies and how many times.
///
/// Built with the constructors, then narrowed with [`Fault::on_path`] and [`Fault::times`] /
/// [`Fault::always`]. Transient faults (busy, HTTP status, delay, malformed JSON) hit once unless
/// told otherwise; [`Fault::quota_exceeded`] and [`Fault::errcode`] stay until cleared, as a daily
/// quota does.
///
/// Over HTTP (`POST /__emulator/faults`) the same thing is JSON:
/// `{"kind":"system_busy","path":"/cgi-bin/menu/get","times":2}`,
/// `{"kind":"http_status","status":503}`, `{"kind":"delay","ms":250,"times":3}`,
/// `{"kind":"malformed_json"}`, `{"kind":"quota_exceeded","path":"/cgi-bin/menu/get"}`,
/// `{"kind":"errcode","errcode":40164,"errmsg":"invalid ip","always":true}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "FaultWire", into = "FaultWire")]
pub struct Fault {
    pub kind: FaultKind,
    /// Only requests to this path (`/cgi-bin/menu/get`; a trailing `*` makes it a prefix).
    /// `None`: every request, token endpoints included.
    pub path: Option<String>,
    /// How many requests it hits; `None` until cleared.
    pub times: Option<u32>,
}

impl Fault {
    fn new(kind: FaultKind) -> Self {
        let times = default_times(&kind);
        Fault {
            kind,
            path: None,
            times,
        }
    }

    /// errcode -1, "system error".
    pub fn system_busy() -> Self {
        Self::new(FaultKind::SystemBusy)
    }

    /// An HTTP error status, e.g. 500, 502, 503.
    pub fn http_status(status: u16) -> Self {
        Self::new(FaultKind::HttpStatus { status })
    }

    /// A slow answer.
    pub fn delay(delay: Duration) -> Self {
        Self::new(FaultKind::Delay {
            ms: delay.as_millis() as u64,
        })
    }

    /// A body that is not valid JSON.
    pub fn malformed_json() -> Self {
        Self::new(FaultKind::MalformedJson)
    }

    /// errcode 45009, the daily quota. Stays until cleared.
    pub fn quota_exceeded() -> Self {
        Self::new(FaultKind::QuotaExceeded)
    }

    /// Any error code and message (`rid` is appended). Stays until cleared.
    pub fn errcode(errcode: i64, errmsg: impl Into<String>) -> Self {
        Self::new(FaultKind::Errcode {
            errcode,
            errmsg: errmsg.into(),
        })
    }

    /// Only for this path (leading slash optional; a trailing `*` matches a prefix).
    pub fn on_path(mut self, path: impl AsRef<str>) -> Self {
        self.path = Some(normalize_pattern(path.as_ref()));
        self
    }

    /// Hit the next `n` matching requests, then disappear.
    pub fn times(mut self, n: u32) -> Self {
        self.times = Some(n);
        self
    }

    /// Hit the next matching request only.
    pub fn once(self) -> Self {
        self.times(1)
    }

    /// Hit every matching request until cleared.
    pub fn always(mut self) -> Self {
        self.times = None;
        self
    }

    pub(crate) fn matches(&self, path: &str) -> bool {
        self.path
            .as_deref()
            .is_none_or(|p| pattern_matches(p, path))
    }
}

fn default_times(kind: &FaultKind) -> Option<u32> {
    match kind {
        FaultKind::QuotaExceeded | FaultKind::Errcode { .. } => None,
        _ => Some(1),
    }
}

/// The JSON shape: the kind's fields flattened, `times` defaulting per kind, `always` for "until cleared".
#[derive(Serialize, Deserialize)]
struct FaultWire {
    #[serde(flatten)]
    kind: FaultKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    times: Option<u32>,
    #[serde(default)]
    always: bool,
}

impl From<FaultWire> for Fault {
    fn from(w: FaultWire) -> Self {
        let times = if w.always {
            None
        } else {
            w.times.or_else(|| default_times(&w.kind))
        };
        Fault {
            kind: w.kind,
            path: w.path.as_deref().map(normalize_pattern),
            times,
        }
    }
}

impl From<Fault> for FaultWire {
    fn from(f: Fault) -> Self {
        FaultWire {
            always: f.times.is_none(),
            kind: f.kind,
            path: f.path,
            times: f.times,
        }
    }
}

/// A fault currently armed in the emulator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveFault {
    /// Id to remove it with.
    pub id: u64,
    /// The fault; `times` is what is left.
    pub fault: Fault,
    /// How many requests it has hit so far.
    pub fired: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_defaults_follow_the_kind() {
        let f: Fault = serde_json::from_str(r#"{"kind":"system_busy"}"#).unwrap();
        assert_eq!(f, Fault::system_busy());
        assert_eq!(f.times, Some(1));
        let q: Fault =
            serde_json::from_str(r#"{"kind":"quota_exceeded","path":"cgi-bin/menu/get"}"#).unwrap();
        assert_eq!(q, Fault::quota_exceeded().on_path("/cgi-bin/menu/get"));
        assert_eq!(q.times, None);
        let h: Fault =
            serde_json::from_str(r#"{"kind":"http_status","status":502,"always":true}"#).unwrap();
        assert_eq!(h, Fault::http_status(502).always());
    }

    #[test]
    fn json_round_trip() {
        for f in [
            Fault::delay(Duration::from_millis(30)).times(3),
            Fault::errcode(40164, "invalid ip").on_path("/wxa/*"),
            Fault::malformed_json().always(),
        ] {
            let s = serde_json::to_string(&f).unwrap();
            let back: Fault = serde_json::from_str(&s).unwrap();
            assert_eq!(back, f, "{s}");
        }
    }

    #[test]
    fn path_matching() {
        let f = Fault::system_busy().on_path("/wxa/*");
        assert!(f.matches("/wxa/getwxacode"));
        assert!(!f.matches("/cgi-bin/token"));
        let g = Fault::system_busy().on_path("cgi-bin/token");
        assert!(g.matches("/cgi-bin/token"));
        assert!(!g.matches("/cgi-bin/token2"));
        assert!(Fault::system_busy().matches("/anything"));
    }
}
