//! Every catalog entry, by name: its fixture (the official document's example answer) parses,
//! keeps every field it holds, and serializes back to a value that parses the same; requests
//! round-trip through JSON.

use serde_json::Value;
use wechat_core::Hosts;
use wechat_core::catalog::{self, Entry};
use wechat_core::endpoint::Envelope;

use crate::common::ok;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");

/// The fixture of an entry: `tests/fixtures/<host>/<path>.json` for hosts whose paths overlap
/// another's (WeCom shares `/cgi-bin/user/get` and others with the Official Account), else
/// `tests/fixtures/<path>.json`; the layout the emulator answers from.
fn fixture(entry: &Entry) -> Option<String> {
    let action = ACTIONS
        .iter()
        .find(|(name, _)| entry.meta.name.ends_with(name));
    let owned;
    let path = match action {
        Some((_, action)) => {
            owned = format!("{}/{action}", entry.meta.path);
            owned.as_str()
        }
        None => entry.meta.path,
    };
    let domain = entry
        .meta
        .host
        .default_base()
        .trim_start_matches("https://");
    std::fs::read_to_string(format!("{FIXTURES}/{domain}{path}.json"))
        .or_else(|_| std::fs::read_to_string(format!("{FIXTURES}{path}.json")))
        .ok()
}

/// Endpoints that share a path and tell their answers apart by an `action` in the query: each
/// has its own fixture, `<path>/<action>.json` (the emulator answers from it by the query).
const ACTIONS: &[(&str, &str)] = &[
    ("::GetPublisherAdPosGeneral", "publisher_adpos_general"),
    ("::GetPublisherCpsGeneral", "publisher_cps_general"),
    ("::GetPublisherSettlement", "publisher_settlement"),
    ("::FastRegisterWeapp", "create"),
    ("::SearchFastRegisterWeapp", "search"),
];

#[test]
fn endpoints_sharing_a_path_have_a_fixture_each() {
    let mut by_path = std::collections::HashMap::<_, Vec<&str>>::new();
    for e in catalog::entries() {
        by_path
            .entry((e.meta.host, e.meta.path, e.meta.method))
            .or_default()
            .push(e.meta.name);
    }
    for names in by_path.values().filter(|n| n.len() > 1) {
        for name in names {
            assert!(
                ACTIONS.iter().any(|(n, _)| name.ends_with(n)),
                "{name} shares its path with {names:?}: give it an action fixture"
            );
        }
    }
}

/// Whether `got` holds what `sent` holds, as the lenient policy reads it: numbers sent as text
/// are numbers, `null` and `""` are absent, secrets are redacted.
fn kept(sent: &Value, got: Option<&Value>, at: &str, lost: &mut Vec<String>) {
    match (sent, got) {
        (Value::Null, _) => {}
        (Value::String(s), None) if s.is_empty() => {}
        (Value::Array(a), None) if a.is_empty() => {}
        (Value::Object(o), None) if o.is_empty() => {}
        (_, None) => lost.push(at.to_owned()),
        (_, Some(Value::String(r))) if r == wechat_core::secret::REDACTED => {}
        (Value::Object(s), Some(Value::Object(g))) => {
            for (k, v) in s {
                kept(v, g.get(k), &format!("{at}.{k}"), lost);
            }
        }
        (Value::Array(s), Some(Value::Array(g))) => {
            if s.len() != g.len() {
                lost.push(format!("{at}[{} of {}]", g.len(), s.len()));
            }
            for (i, (v, w)) in s.iter().zip(g).enumerate() {
                kept(v, Some(w), &format!("{at}[{i}]"), lost);
            }
        }
        (s, Some(g)) if same_scalar(s, g) => {}
        (s, Some(g)) => lost.push(format!("{at}: sent {s}, kept {g}")),
    }
}

fn same_scalar(sent: &Value, got: &Value) -> bool {
    let text = |v: &Value| match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Bool(b) => u8::from(*b).to_string(),
        other => other.to_string(),
    };
    sent == got || text(sent) == text(got)
}

#[test]
fn every_fixture_parses_keeps_every_field_and_round_trips() {
    let mut checked = 0;
    let mut without = Vec::new();
    let mut failures = Vec::new();
    for entry in catalog::entries() {
        if matches!(entry.meta.envelope, Envelope::Binary | Envelope::PayV2Xml) {
            continue;
        }
        let Some(body) = fixture(entry) else {
            without.push(entry.meta.name);
            continue;
        };
        let name = entry.meta.name;
        let sent: Value = serde_json::from_str(&body).expect("the fixture is JSON");
        let typed = match (entry.parse)(&ok(body.clone())) {
            Ok(v) => v,
            Err(e) => {
                failures.push(format!("{name}: does not parse: {e}"));
                continue;
            }
        };
        let mut lost = Vec::new();
        kept(&sent, Some(&typed), "", &mut lost);
        if !lost.is_empty() {
            failures.push(format!("{name}: lost {}", lost.join(", ")));
        }
        let again = (entry.parse)(&ok(serde_json::to_vec(&typed).unwrap()));
        match again {
            Ok(v) if v == typed => {}
            Ok(v) => failures.push(format!("{name}: round trip differs: {v} vs {typed}")),
            Err(e) => failures.push(format!("{name}: its serialization does not parse: {e}")),
        }
        checked += 1;
    }
    assert!(checked > 100, "only {checked} fixtures were read");
    assert!(
        failures.is_empty(),
        "{} of {checked} fixtures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(without.is_empty(), "entries without a fixture: {without:?}");
}

/// Requests as WeChat's documents write them: each reads into its type and builds the same JSON
/// body (or query) again.
const DOCUMENTED: &[(&str, &str)] = &[
    (
        // The Official Account's: WeCom has a menu/create of its own on another host.
        "wechat_core::api::oa::menu::CreateMenu",
        r#"{"button":[{"type":"click","name":"Today","key":"V1001_TODAY"},{"name":"Menu","sub_button":[{"type":"view","name":"Search","url":"http://www.soso.com/"},{"type":"click","name":"Like","key":"V1001_GOOD"}]}]}"#,
    ),
    (
        "/cgi-bin/message/custom/send",
        r#"{"touser":"OPENID","msgtype":"text","text":{"content":"Hello World"}}"#,
    ),
    (
        "/cgi-bin/message/mass/sendall",
        r#"{"filter":{"is_to_all":false,"tag_id":2},"text":{"content":"CONTENT"},"msgtype":"text"}"#,
    ),
    (
        "/cgi-bin/message/mass/send",
        r#"{"touser":["OPENID1","OPENID2"],"mpnews":{"media_id":"123dsdajkasd231jhksad"},"msgtype":"mpnews","send_ignore_reprint":0}"#,
    ),
    ("/cgi-bin/tags/create", r#"{"tag":{"name":"Guangdong"}}"#),
    (
        "/cgi-bin/user/info/updateremark",
        r#"{"openid":"oDF3iY9ffA-hqb2vVvbr7qxf6A0Q","remark":"pangzi"}"#,
    ),
    (
        "/cgi-bin/user/info",
        r#"{"openid":"OPENID","lang":"zh_CN"}"#,
    ),
    (
        "/cgi-bin/tags/members/getblacklist",
        r#"{"begin_openid":"OPENID1"}"#,
    ),
    (
        "/cgi-bin/openapi/quota/get",
        r#"{"cgi_path":"/cgi-bin/message/custom/send"}"#,
    ),
    ("/cgi-bin/draft/get", r#"{"media_id":"MEDIA_ID"}"#),
];

#[test]
fn documented_requests_round_trip_through_json() {
    let hosts = Hosts::default();
    for (path, json) in DOCUMENTED {
        let entry = catalog::find(path).unwrap_or_else(|near| panic!("{path}: {near:?}"));
        let written: Value = serde_json::from_str(json).unwrap();
        let request = (entry.build)(&hosts, written.clone(), None)
            .unwrap_or_else(|e| panic!("{path} does not read its documented JSON: {e}"));
        let sent = if request.body().is_empty() {
            let query = request.uri().query().unwrap_or_default();
            Value::Object(
                form_pairs(query)
                    .into_iter()
                    .map(|(k, v)| (k, Value::String(v)))
                    .collect(),
            )
        } else {
            serde_json::from_slice(request.body()).unwrap()
        };
        let mut lost = Vec::new();
        kept(&written, Some(&sent), "", &mut lost);
        assert!(lost.is_empty(), "{path}: the request lost {lost:?}");
        let again = (entry.build)(&hosts, sent, None).unwrap();
        assert_eq!(again.body(), request.body(), "{path}");
        assert_eq!(again.uri(), request.uri(), "{path}");
    }
}

fn form_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| {
            let d = |s: &str| {
                percent_encoding::percent_decode_str(s)
                    .decode_utf8_lossy()
                    .into_owned()
            };
            (d(k), d(v))
        })
        .collect()
}

#[test]
fn entries_are_found_by_name_and_path() {
    let e = catalog::find("wechat_core::api::oa::user::GetUserInfo").unwrap();
    assert_eq!(e.meta.path, "/cgi-bin/user/info");
    assert_eq!(
        catalog::find("/cgi-bin/user/info").unwrap().meta.name,
        e.meta.name
    );
    assert_eq!(catalog::find("GetUserInfo").unwrap().meta.name, e.meta.name);
    let near = catalog::find("GetUserInf").unwrap_err();
    assert!(near.contains(&e.meta.name), "{near:?}");
    // A bare name two areas share lists both; the module path tells them apart.
    let both = catalog::find("UploadMedia").unwrap_err();
    assert!(
        both.contains(&"wechat_core::api::oa::material::UploadMedia"),
        "{both:?}"
    );
    let uploads = catalog::find("oa::material::UploadMedia").unwrap();
    let err = (uploads.build)(&Hosts::default(), serde_json::json!({}), None).unwrap_err();
    assert!(err.to_string().contains("not buildable from JSON"), "{err}");
}
