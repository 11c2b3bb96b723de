//! Fault injection, one kind at a time.

use std::time::{Duration, Instant};

use serde_json::Value;
use wechat_emulator::{Fault, FaultKind};

use super::common::start;

const MENU: &str = "/cgi-bin/menu/get";

#[tokio::test]
async fn system_busy_once_then_normal() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    emu.inject(Fault::system_busy().on_path(MENU));
    let v = c.get(&format!("{MENU}?access_token={t}")).await;
    assert_eq!(v["errcode"], -1);
    assert!(
        v["errmsg"]
            .as_str()
            .unwrap()
            .starts_with("system error rid: ")
    );
    assert_eq!(c.call_errcode(MENU, &t).await, 0);
    assert!(emu.faults().is_empty(), "spent faults disappear");
    emu.shutdown().await;
}

#[tokio::test]
async fn system_busy_n_times_on_one_path_only() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    emu.inject(Fault::system_busy().on_path(MENU).times(2));
    assert_eq!(c.call_errcode("/cgi-bin/getcallbackip", &t).await, 0);
    assert_eq!(c.call_errcode(MENU, &t).await, -1);
    let left = emu.faults();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].fault.times, Some(1));
    assert_eq!(left[0].fired, 1);
    assert_eq!(c.call_errcode(MENU, &t).await, -1);
    assert_eq!(c.call_errcode(MENU, &t).await, 0);
    emu.shutdown().await;
}

#[tokio::test]
async fn global_faults_hit_token_endpoints_too() {
    let (emu, c) = start().await;
    emu.inject(Fault::system_busy());
    let v = c
        .get(&format!(
            "/cgi-bin/token?grant_type=client_credential&appid={}&secret={}",
            wechat_emulator::demo::APPID,
            wechat_emulator::demo::SECRET
        ))
        .await;
    assert_eq!(v["errcode"], -1);
    let t = c.classic_token().await;
    assert_eq!(c.call_errcode(MENU, &t).await, 0);
    emu.shutdown().await;
}

#[tokio::test]
async fn http_status_n_times() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    emu.inject(Fault::http_status(503).on_path(MENU).times(2));
    for _ in 0..2 {
        let raw = c
            .raw("GET", &format!("{MENU}?access_token={t}"), None)
            .await;
        assert_eq!(raw.status, 503);
        assert!(serde_json::from_slice::<Value>(&raw.body).is_err());
    }
    let raw = c
        .raw("GET", &format!("{MENU}?access_token={t}"), None)
        .await;
    assert_eq!(raw.status, 200);
    emu.shutdown().await;
}

#[tokio::test]
async fn delay_slows_n_calls() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    emu.inject(
        Fault::delay(Duration::from_millis(300))
            .on_path(MENU)
            .times(2),
    );
    for _ in 0..2 {
        let start = Instant::now();
        assert_eq!(c.call_errcode(MENU, &t).await, 0, "slow but correct");
        assert!(start.elapsed() >= Duration::from_millis(300));
    }
    let start = Instant::now();
    assert_eq!(c.call_errcode(MENU, &t).await, 0);
    assert!(start.elapsed() < Duration::from_millis(300));
    emu.shutdown().await;
}

#[tokio::test]
async fn delay_combines_with_another_fault() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    emu.inject(Fault::delay(Duration::from_millis(200)).on_path(MENU));
    emu.inject(Fault::system_busy().on_path(MENU));
    let start = Instant::now();
    assert_eq!(c.call_errcode(MENU, &t).await, -1);
    assert!(start.elapsed() >= Duration::from_millis(200));
    emu.shutdown().await;
}

#[tokio::test]
async fn malformed_json_n_times() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    emu.inject(Fault::malformed_json().on_path(MENU).times(3));
    for _ in 0..3 {
        let raw = c
            .raw("GET", &format!("{MENU}?access_token={t}"), None)
            .await;
        assert_eq!(raw.status, 200);
        assert!(raw.content_type.starts_with("application/json"));
        assert!(serde_json::from_slice::<Value>(&raw.body).is_err());
    }
    assert_eq!(c.call_errcode(MENU, &t).await, 0);
    emu.shutdown().await;
}

#[tokio::test]
async fn quota_stays_until_cleared_and_only_on_its_path() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    let id = emu.inject(Fault::quota_exceeded().on_path(MENU));
    for _ in 0..3 {
        let v = c.get(&format!("{MENU}?access_token={t}")).await;
        assert_eq!(v["errcode"], 45009);
        assert!(
            v["errmsg"]
                .as_str()
                .unwrap()
                .starts_with("reach max api daily quota limit rid: ")
        );
    }
    assert_eq!(c.call_errcode("/cgi-bin/getcallbackip", &t).await, 0);
    assert!(emu.remove_fault(id));
    assert_eq!(c.call_errcode(MENU, &t).await, 0);
    emu.shutdown().await;
}

#[tokio::test]
async fn any_errcode_and_prefix_scopes() {
    let (emu, c) = start().await;
    let t = c.classic_token().await;
    emu.inject(Fault::errcode(40164, "invalid ip 1.2.3.4, not in whitelist").on_path("/wxa/*"));
    let v = c.get(&format!("/wxa/getwxacode?access_token={t}")).await;
    assert_eq!(
        v["errcode"], 40164,
        "a fault answers JSON even where the fixture is an image"
    );
    let v = c.get(&format!("/wxa/msg_sec_check?access_token={t}")).await;
    assert_eq!(v["errcode"], 40164);
    assert_eq!(c.call_errcode(MENU, &t).await, 0);
    let armed = emu.faults();
    assert!(matches!(
        armed[0].fault.kind,
        FaultKind::Errcode { errcode: 40164, .. }
    ));
    assert_eq!(armed[0].fired, 2);
    emu.clear_faults();
    assert_eq!(c.call_errcode("/wxa/msg_sec_check", &t).await, 0);
    emu.shutdown().await;
}
