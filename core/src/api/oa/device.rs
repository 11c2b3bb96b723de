//! Devices (WeChat hardware platform): authorizing devices, QR codes, binding users, state.

use serde::{Deserialize, Serialize};


/// `device/authorize_device`: authorizes devices (`op_type` "0") or updates their attributes
/// (`op_type` "1"). WeChat spells every number of this request as a string.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthorizeDevice {
    /// The number of devices in `device_list`.
    pub device_num: String,
    /// The devices.
    pub device_list: Vec<DeviceInfo>,
    /// "0" authorize, "1" update.
    pub op_type: String,
    /// The product number from the hardware platform; leave out when updating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_id: Option<String>,
}

impl AuthorizeDevice {
    /// Authorizes `devices` of product `product_id`.
    pub fn authorize(devices: Vec<DeviceInfo>, product_id: impl Into<String>) -> Self {
        Self {
            device_num: devices.len().to_string(),
            device_list: devices,
            op_type: "0".into(),
            product_id: Some(product_id.into()),
        }
    }

    /// Updates the attributes of authorized `devices`.
    pub fn update(devices: Vec<DeviceInfo>) -> Self {
        Self {
            device_num: devices.len().to_string(),
            device_list: devices,
            op_type: "1".into(),
            product_id: None,
        }
    }
}

/// A device's attributes, as `authorize_device` takes them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeviceInfo {
    /// The device id.
    pub id: String,
    /// The MAC address, 12 hex digits without `0x`.
    pub mac: String,
    /// Connection protocols in order of preference, `|`-separated: 1 Android classic Bluetooth,
    /// 2 iOS classic Bluetooth, 3 BLE, 4 Wi-Fi.
    pub connect_protocol: String,
    /// The 128-bit auth key, 32 hex digits (empty when unencrypted).
    pub auth_key: String,
    /// 1 disconnect on leaving the account's page, 2 stay connected.
    pub close_strategy: String,
    /// Bit flags: 1 keep trying on the account's page, 4 connect automatically elsewhere.
    pub conn_strategy: String,
    /// 0 no encryption, 1 AES with `auth_key`.
    pub crypt_method: String,
    /// 0 no encryption, 1 version 1.
    pub auth_ver: String,
    /// Offset of the MAC in the manufacturer data: -1 at the end, -2 absent.
    pub manu_mac_pos: String,
    /// Offset of the MAC in the serial number: -1 at the end, -2 absent.
    pub ser_mac_pos: String,
    /// "1" for the simplified pedometer protocol over BLE.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ble_simple_protocol: Option<String>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The answer of `authorize_device`: one outcome per device.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct AuthorizedDevices {
    /// The outcomes, in request order.
    #[serde(default)]
    pub resp: Vec<DeviceAuthResult>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// The outcome for one device of `authorize_device`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DeviceAuthResult {
    /// Which device.
    #[serde(default)]
    pub base_info: DeviceBaseInfo,
    /// 0 on success.
    #[serde(default)]
    pub errcode: i64,
    /// What went wrong, if anything.
    #[serde(default)]
    pub errmsg: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A device's type (the account's original id) and id.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DeviceBaseInfo {
    /// The device type.
    #[serde(default)]
    pub device_type: String,
    /// The device id.
    #[serde(default)]
    pub device_id: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `device/create_qrcode`: the QR code tickets of devices.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CreateDeviceQrCode {
    /// The number of ids in `device_id_list`.
    pub device_num: u32,
    /// The device ids.
    pub device_id_list: Vec<String>,
}

impl CreateDeviceQrCode {
    /// The QR codes of `device_ids`.
    pub fn new(device_ids: Vec<String>) -> Self {
        Self {
            device_num: u32::try_from(device_ids.len()).unwrap_or(u32::MAX),
            device_id_list: device_ids,
        }
    }
}

/// The answer of `create_qrcode`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DeviceQrCodes {
    /// The number of codes.
    #[serde(default)]
    pub device_num: u32,
    /// The codes.
    #[serde(default)]
    pub code_list: Vec<DeviceQrCode>,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// A device's QR code ticket: the code's content.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DeviceQrCode {
    /// The device id.
    #[serde(default)]
    pub device_id: String,
    /// The ticket to encode in the QR code.
    #[serde(default)]
    pub ticket: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `device/verify_qrcode`: the device behind a QR code ticket.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VerifyDeviceQrCode {
    /// The ticket.
    pub ticket: String,
}

/// The answer of `verify_qrcode`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct VerifiedDevice {
    /// The device type.
    #[serde(default)]
    pub device_type: String,
    /// The device id.
    #[serde(default)]
    pub device_id: String,
    /// The MAC address.
    #[serde(default)]
    pub mac: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `device/bind`: binds a user to a device, with the ticket the page got from the JS-SDK.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct BindDevice {
    /// The binding ticket.
    pub ticket: String,
    /// The device id.
    pub device_id: String,
    /// The user's openid.
    pub openid: String,
}

/// `device/unbind`: unbinds a user from a device, with a ticket.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct UnbindDevice {
    /// The unbinding ticket.
    pub ticket: String,
    /// The device id.
    pub device_id: String,
    /// The user's openid.
    pub openid: String,
}

/// `device/compel_bind`: binds a user to a device without a ticket.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CompelBindDevice {
    /// The device id.
    pub device_id: String,
    /// The user's openid.
    pub openid: String,
}

/// `device/compel_unbind`: unbinds a user from a device without a ticket.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CompelUnbindDevice {
    /// The device id.
    pub device_id: String,
    /// The user's openid.
    pub openid: String,
}

/// The answer of the binding endpoints: `{"base_resp": {"errcode", "errmsg"}}`. A non-zero code
/// there is returned as [`crate::Error::Api`].
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DeviceAck {
    /// The outcome.
    #[serde(default)]
    pub base_resp: DeviceBaseResp,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}

/// `base_resp` of the binding endpoints.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DeviceBaseResp {
    /// 0 on success.
    #[serde(default)]
    pub errcode: i64,
    /// The message.
    #[serde(default)]
    pub errmsg: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}


/// `device/get_stat`: a device's state.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GetDeviceStat {
    /// The device id.
    pub device_id: String,
}

/// The answer of `get_stat`.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct DeviceStat {
    /// 0 not authorized, 1 authorized, 2 bound by a user.
    #[serde(default)]
    pub status: i32,
    /// `not_auth`, `authorized` or `bind`.
    #[serde(default)]
    pub status_info: String,
    /// Fields this type does not name, as WeChat sent them (see [`Extra`](crate::endpoint::Extra)).
    #[serde(flatten)]
    pub extra: crate::endpoint::Extra,
}


crate::endpoint! {
    area: "officialaccount";

    AuthorizeDevice => AuthorizedDevices {
        POST Api "/device/authorize_device",
        auth: AccessToken, repeat: Safe,
        doc: "https://iot.weixin.qq.com/wiki/new/index.html?page=3-4-5",
    }
    CreateDeviceQrCode => DeviceQrCodes {
        POST Api "/device/create_qrcode",
        auth: AccessToken, repeat: Safe,
        doc: "https://iot.weixin.qq.com/wiki/new/index.html?page=3-4-4",
    }
    VerifyDeviceQrCode => VerifiedDevice {
        POST Api "/device/verify_qrcode",
        auth: AccessToken, repeat: Safe,
        doc: "https://iot.weixin.qq.com/wiki/new/index.html?page=3-4-9",
    }
    BindDevice => DeviceAck {
        POST Api "/device/bind",
        auth: AccessToken, repeat: Safe,
        envelope: BaseResp,
        doc: "https://iot.weixin.qq.com/wiki/new/index.html?page=3-4-7",
    }
    UnbindDevice => DeviceAck {
        POST Api "/device/unbind",
        auth: AccessToken, repeat: Safe,
        envelope: BaseResp,
        doc: "https://iot.weixin.qq.com/wiki/new/index.html?page=3-4-7",
    }
    CompelBindDevice => DeviceAck {
        POST Api "/device/compel_bind",
        auth: AccessToken, repeat: Safe,
        envelope: BaseResp,
        doc: "https://iot.weixin.qq.com/wiki/new/index.html?page=3-4-7",
    }
    CompelUnbindDevice => DeviceAck {
        POST Api "/device/compel_unbind",
        auth: AccessToken, repeat: Safe,
        envelope: BaseResp,
        doc: "https://iot.weixin.qq.com/wiki/new/index.html?page=3-4-7",
    }
    GetDeviceStat => DeviceStat {
        GET Api "/device/get_stat",
        auth: AccessToken, repeat: Safe,
        doc: "https://iot.weixin.qq.com/wiki/new/index.html?page=3-4-8",
    }
}

