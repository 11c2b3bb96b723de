//! Coverage against the reference list of endpoints (`tests/data/go-sdk-endpoints.tsv`): every row of
//! a covered area must have a catalog entry with the same method, host and path.

use wechat_core::endpoint::Method;
use wechat_core::{Host, catalog};

/// The areas (first column) and packages (second column) the SDK covers in full.
const AREAS: &[&str] = &[
    "officialaccount",
    "credential",
    "internal",
    "miniprogram/analysis",
    "miniprogram/auth",
    "miniprogram/business",
    "miniprogram/content",
    "miniprogram/message",
    "miniprogram/minidrama",
    "miniprogram/order",
    "miniprogram/privacy",
    "miniprogram/qrcode",
    "miniprogram/redpacketcover",
    "miniprogram/riskcontrol",
    "miniprogram/security",
    "miniprogram/shortlink",
    "miniprogram/subscribe",
    "miniprogram/tcb",
    "miniprogram/urllink",
    "miniprogram/urlscheme",
    "miniprogram/virtualpayment",
    "openplatform",
    "pay",
    "work/addresslist",
    "work/appchat",
    "work/checkin",
    "work/externalcontact",
    "work/invoice",
    "work/kf",
    "work/material",
    "work/message",
    "work/oauth",
    "work/robot",
];

fn host_of(domain: &str) -> Option<Host> {
    Host::ALL
        .into_iter()
        .find(|h| h.default_base().trim_start_matches("https://") == domain)
}

#[test]
fn every_reference_row_of_a_covered_area_is_in_the_catalog() {
    let tsv = include_str!("../data/go-sdk-endpoints.tsv");
    let mut missing = Vec::new();
    let mut checked = 0;
    for line in tsv.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (area, package, method, url) = (cols[0], cols[1], cols[3], cols[4]);
        if !AREAS.contains(&area) && !AREAS.contains(&package) {
            continue;
        }
        checked += 1;
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let (domain, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        // The reference writes a few queries with `&` for `?` (`get_moment_task_result&jobid=%s`).
        let path = path.split(['?', '#', '&']).next().unwrap_or_default();
        let host = host_of(domain);
        let method = match method {
            "GET" => Some(Method::Get),
            "URL" => None,
            _ => Some(Method::Post),
        };
        let found = catalog::all().any(|m| {
            Some(m.host) == host && m.path == path && method.is_none_or(|x| x == m.method)
        }) || (method.is_none()
            && catalog::browser_urls().any(|u| Some(u.host) == host && u.path == path));
        if !found {
            missing.push(format!("{area}\t{method:?}\t{url}"));
        }
    }
    assert!(checked > 100, "the reference list was not read");
    assert!(
        missing.is_empty(),
        "{} rows have no catalog entry:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

#[test]
fn catalog_entries_are_unique_and_documented() {
    let mut seen = std::collections::HashSet::new();
    for m in catalog::all() {
        assert!(seen.insert(m.name), "{} is listed twice", m.name);
        assert!(m.path.starts_with('/'), "{}", m.name);
        assert!(
            m.doc.starts_with("https://"),
            "{} has no document link",
            m.name
        );
    }
}
