//! Devices: requests, fixtures and the errors hidden in `base_resp`.

use crate::common;

use common::*;
use serde_json::json;
use wechat_core::Error;
use wechat_core::api::oa::device::*;

const API: &str = "https://api.weixin.qq.com";

fn device() -> DeviceInfo {
    DeviceInfo {
        extra: Default::default(),
        id: "dev_kitchen_01".into(),
        mac: "1234567890AB".into(),
        connect_protocol: "3".into(),
        auth_key: String::new(),
        close_strategy: "1".into(),
        conn_strategy: "1".into(),
        crypt_method: "0".into(),
        auth_ver: "0".into(),
        manu_mac_pos: "-1".into(),
        ser_mac_pos: "-2".into(),
        ble_simple_protocol: None,
    }
}

#[test]
fn authorize() {
    assert_post_json(
        &AuthorizeDevice::authorize(vec![device()], "12222"),
        &format!("{API}/device/authorize_device?access_token=ACCESS_TOKEN"),
        json!({
            "device_num": "1",
            "device_list": [{
                "id": "dev_kitchen_01", "mac": "1234567890AB", "connect_protocol": "3",
                "auth_key": "", "close_strategy": "1", "conn_strategy": "1", "crypt_method": "0",
                "auth_ver": "0", "manu_mac_pos": "-1", "ser_mac_pos": "-2"
            }],
            "op_type": "0",
            "product_id": "12222"
        }),
    );
    let update = serde_json::to_value(AuthorizeDevice::update(vec![device(), device()])).unwrap();
    assert_eq!(
        (&update["device_num"], &update["op_type"]),
        (&json!("2"), &json!("1"))
    );
    assert!(update.get("product_id").is_none());
    let out = parse::<AuthorizeDevice>(fixture!("device/authorize_device"));
    assert_eq!(out.resp[0].base_info.device_id, "dev_kitchen_01");
    assert_eq!(out.resp[0].errcode, 0);
    assert_cataloged::<AuthorizeDevice>();
}

#[test]
fn qr_codes() {
    assert_post_json(
        &CreateDeviceQrCode::new(vec!["dev_kitchen_01".into()]),
        &format!("{API}/device/create_qrcode?access_token=ACCESS_TOKEN"),
        json!({"device_num": 1, "device_id_list": ["dev_kitchen_01"]}),
    );
    let codes = parse::<CreateDeviceQrCode>(fixture!("device/create_qrcode"));
    assert_eq!(codes.device_num, 1);
    assert!(codes.code_list[0].ticket.starts_with("http://we.qq.com/d/"));
    assert_post_json(
        &VerifyDeviceQrCode {
            ticket: "TICKET".into(),
        },
        &format!("{API}/device/verify_qrcode?access_token=ACCESS_TOKEN"),
        json!({"ticket": "TICKET"}),
    );
    let dev = parse::<VerifyDeviceQrCode>(fixture!("device/verify_qrcode"));
    assert_eq!(dev.mac, "1234567890AB");
    assert_cataloged::<CreateDeviceQrCode>();
    assert_cataloged::<VerifyDeviceQrCode>();
}

#[test]
fn binding() {
    let body = json!({"ticket": "T", "device_id": "D", "openid": "O"});
    assert_post_json(
        &BindDevice {
            ticket: "T".into(),
            device_id: "D".into(),
            openid: "O".into(),
        },
        &format!("{API}/device/bind?access_token=ACCESS_TOKEN"),
        body.clone(),
    );
    parse::<BindDevice>(fixture!("device/bind"));
    assert_post_json(
        &UnbindDevice {
            ticket: "T".into(),
            device_id: "D".into(),
            openid: "O".into(),
        },
        &format!("{API}/device/unbind?access_token=ACCESS_TOKEN"),
        body,
    );
    parse::<UnbindDevice>(fixture!("device/unbind"));
    let body = json!({"device_id": "D", "openid": "O"});
    assert_post_json(
        &CompelBindDevice {
            device_id: "D".into(),
            openid: "O".into(),
        },
        &format!("{API}/device/compel_bind?access_token=ACCESS_TOKEN"),
        body.clone(),
    );
    parse::<CompelBindDevice>(fixture!("device/compel_bind"));
    assert_post_json(
        &CompelUnbindDevice {
            device_id: "D".into(),
            openid: "O".into(),
        },
        &format!("{API}/device/compel_unbind?access_token=ACCESS_TOKEN"),
        body,
    );
    parse::<CompelUnbindDevice>(fixture!("device/compel_unbind"));
    assert_cataloged::<BindDevice>();
    assert_cataloged::<UnbindDevice>();
    assert_cataloged::<CompelBindDevice>();
    assert_cataloged::<CompelUnbindDevice>();
}

#[test]
fn binding_errors_inside_base_resp_are_api_errors() {
    assert_errcode::<BindDevice>(
        r#"{"base_resp":{"errcode":-1,"errmsg":"system error"}}"#,
        -1,
    );
    assert_errcode::<CompelUnbindDevice>(
        r#"{"base_resp":{"errcode":50001,"errmsg":"device not bound"}}"#,
        50001,
    );
    // And a top-level errcode too (a rejected token).
    assert_errcode::<BindDevice>(r#"{"errcode":40001,"errmsg":"invalid credential"}"#, 40001);
    // A transient -1 in base_resp is retried like any other: the driver sees the same error.
    let err = <BindDevice as wechat_core::Endpoint>::parse(&ok(
        r#"{"base_resp":{"errcode":-1,"errmsg":"system error"}}"#,
    ))
    .unwrap_err();
    assert!(err.is_transient());
    assert!(matches!(err, Error::Api(_)));
}

#[test]
fn state() {
    assert_get(
        &GetDeviceStat {
            device_id: "dev kitchen".into(),
        },
        &format!("{API}/device/get_stat?access_token=ACCESS_TOKEN&device_id=dev%20kitchen"),
    );
    let stat = parse::<GetDeviceStat>(fixture!("device/get_stat"));
    assert_eq!((stat.status, stat.status_info.as_str()), (2, "bind"));
    assert_errcode::<GetDeviceStat>(r#"{"errcode":48001,"errmsg":"api unauthorized"}"#, 48001);
    assert_cataloged::<GetDeviceStat>();
}

#[test]
fn every_reference_row_is_cataloged() {
    assert_rows_covered("officialaccount/device");
}
