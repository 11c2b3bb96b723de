//! WeChat Customer Service: the `kf/sync_msg` queue, its cursors and push tokens.

use std::time::Duration;

use serde_json::{Value, json};

use super::common::start;

fn message(i: usize) -> Value {
    json!({"msgid": format!("m{i}"), "open_kfid": "wkA", "origin": 3, "msgtype": "text", "text": {"content": i.to_string()}})
}

fn ids(page: &Value) -> Vec<String> {
    page["msg_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["msgid"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn sync_msg_pages_through_the_queue_with_cursors() {
    let (emu, c) = start().await;
    assert_eq!(emu.kf_enqueue("wkA", (1..=3).map(message)), 3);
    // Over the control API too.
    let queued = c
        .post(
            "/__emulator/kf/messages",
            json!({"open_kfid": "wkA", "messages": [message(4), message(5)]}),
        )
        .await;
    assert_eq!(queued["queued"], 5);
    emu.kf_enqueue("wkB", [message(99)]);
    let token = c
        .post("/__emulator/kf/token", json!({"open_kfid": "wkA"}))
        .await["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let access = c.corp_token().await;
    let path = format!("/cgi-bin/kf/sync_msg?access_token={access}");

    let p1 = c
        .post(
            &path,
            json!({"token": token, "limit": 2, "open_kfid": "wkA"}),
        )
        .await;
    assert_eq!(
        (p1["errcode"].clone(), p1["has_more"].clone()),
        (json!(0), json!(1))
    );
    assert_eq!(ids(&p1), ["m1", "m2"]);
    let c1 = p1["next_cursor"].as_str().unwrap().to_owned();
    let p2 = c
        .post(
            &path,
            json!({"cursor": c1, "token": token, "limit": 2, "open_kfid": "wkA"}),
        )
        .await;
    assert_eq!(ids(&p2), ["m3", "m4"]);
    let c2 = p2["next_cursor"].as_str().unwrap().to_owned();
    assert_ne!(c1, c2);
    let p3 = c
        .post(
            &path,
            json!({"cursor": c2, "token": token, "limit": 2, "open_kfid": "wkA"}),
        )
        .await;
    assert_eq!(ids(&p3), ["m5"]);
    assert_eq!(p3["has_more"], 0);
    let end = p3["next_cursor"].as_str().unwrap().to_owned();
    // The same cursor again reads the same page; the end cursor sees only what comes later.
    let again = c
        .post(&path, json!({"cursor": c1, "limit": 2, "open_kfid": "wkA"}))
        .await;
    assert_eq!(ids(&again), ["m3", "m4"]);
    let empty = c
        .post(&path, json!({"cursor": end, "open_kfid": "wkA"}))
        .await;
    assert_eq!(
        (ids(&empty).len(), empty["has_more"].clone()),
        (0, json!(0))
    );
    emu.kf_enqueue("wkA", [message(6)]);
    let later = c
        .post(&path, json!({"cursor": end, "open_kfid": "wkA"}))
        .await;
    assert_eq!(ids(&later), ["m6"]);
    // No cursor: from the start, `limit` defaulting to 1000.
    assert_eq!(
        ids(&c.post(&path, json!({"open_kfid": "wkA"})).await).len(),
        6
    );

    // Tokens belong to one account and last 10 minutes; cursors to one account.
    let err = |v: Value| v["errcode"].as_i64().unwrap();
    assert_eq!(
        err(c
            .post(&path, json!({"token": token, "open_kfid": "wkB"}))
            .await),
        95007
    );
    assert_eq!(
        err(c
            .post(&path, json!({"token": "ENCforged", "open_kfid": "wkA"}))
            .await),
        95007
    );
    assert_eq!(
        err(c
            .post(&path, json!({"cursor": end, "open_kfid": "wkB"}))
            .await),
        95006
    );
    assert_eq!(
        err(c
            .post(&path, json!({"cursor": "nope", "open_kfid": "wkA"}))
            .await),
        95006
    );
    assert_eq!(err(c.post(&path, json!({})).await), 95000);
    emu.advance(Duration::from_secs(601));
    let access = c.corp_token().await;
    let path = format!("/cgi-bin/kf/sync_msg?access_token={access}");
    assert_eq!(
        err(c
            .post(&path, json!({"token": token, "open_kfid": "wkA"}))
            .await),
        95007
    );
    let fresh = emu.kf_push_token("wkA");
    assert_eq!(
        err(c
            .post(&path, json!({"token": fresh, "open_kfid": "wkA"}))
            .await),
        0
    );
    // Without a WeCom token, the usual 41001.
    assert_eq!(
        err(c
            .post("/cgi-bin/kf/sync_msg", json!({"open_kfid": "wkA"}))
            .await),
        41001
    );
    emu.shutdown().await;
}
