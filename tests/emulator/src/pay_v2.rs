//! WeChat Pay v2 played on the emulator: requests are checked against the merchant's API key
//! (`sign`, MD5 or HMAC-SHA256), orders and refunds keep their state, answers are signed XML, and
//! payment and refund notifications are built (signed, encrypted) for a merchant's `notify_url`.
//!
//! Refunds, red packets and transfers need the merchant's client certificate: checked when the
//! emulator serves HTTPS ([`EmulatorBuilder::https`](crate::EmulatorBuilder::https)), where they
//! are refused on plain HTTP, without a certificate, or with another merchant's.

use std::collections::{BTreeMap, HashMap};

use wechat_core::Secret;

use crate::tls::Peer;
use wechat_core::api::pay::v2::notify::encrypt_req_info;
use wechat_core::api::pay::v2::{SignType, sign, verify, write_xml, xml_fields};

/// The demo merchant every emulator knows (replace or add others with
/// [`EmulatorBuilder::pay_v2_merchant`](crate::EmulatorBuilder::pay_v2_merchant)).
pub mod demo {
    /// The demo merchant id.
    pub const MCH_ID: &str = "1900000109";
    /// The demo merchant's API key (32 characters, as the merchant platform sets them).
    pub const API_KEY: &str = "192006250b4c09247ec02edce69f6a2d";
}

/// The paths the emulator plays (others answer from fixtures).
const PATHS: &[&str] = &[
    "/pay/unifiedorder",
    "/pay/orderquery",
    "/pay/closeorder",
    "/secapi/pay/refund",
    "/pay/refundquery",
    "/mmpaymkttransfers/sendredpack",
    "/mmpaymkttransfers/promotion/transfers",
];

/// The paths that need the merchant's client certificate.
const CERTIFICATE_PATHS: &[&str] = &[
    "/secapi/pay/refund",
    "/mmpaymkttransfers/sendredpack",
    "/mmpaymkttransfers/promotion/transfers",
];

#[derive(Clone, Debug)]
struct Order {
    appid: String,
    out_trade_no: String,
    total_fee: u64,
    trade_type: String,
    openid: String,
    attach: String,
    notify_url: String,
    sign_type: SignType,
    prepay_id: String,
    /// `NOTPAY`, `SUCCESS`, `CLOSED`, `REFUND`.
    trade_state: String,
    transaction_id: String,
    time_end: String,
}

#[derive(Clone, Debug)]
struct RefundRecord {
    out_trade_no: String,
    out_refund_no: String,
    refund_id: String,
    refund_fee: u64,
    notify_url: String,
    /// `PROCESSING`, then `SUCCESS` once its notification is built.
    status: String,
    success_time: String,
}

/// A notification to post to a merchant's `notify_url`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PayNotify {
    /// The `notify_url` the order or refund named.
    pub url: String,
    /// The XML body.
    pub body: String,
}

/// Merchants, their orders and refunds.
#[derive(Debug, Default)]
pub(crate) struct PayV2 {
    merchants: HashMap<String, Secret>,
    orders: HashMap<(String, String), Order>,
    refunds: HashMap<(String, String), RefundRecord>,
    seq: u64,
}

fn fail(msg: &str) -> Vec<u8> {
    write_xml([("return_code", "FAIL"), ("return_msg", msg)])
}

/// Beijing time of Unix milliseconds: (`yyyyMMddHHmmss`, `yyyy-MM-dd HH:mm:ss`).
fn beijing(now_ms: i64) -> (String, String) {
    let secs = now_ms.div_euclid(1000) + 8 * 3600;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let (h, mi, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    (
        format!("{y:04}{m:02}{d:02}{h:02}{mi:02}{s:02}"),
        format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}"),
    )
}

impl PayV2 {
    pub(crate) fn with_demo() -> Self {
        let mut pay = PayV2::default();
        pay.add_merchant(demo::MCH_ID, demo::API_KEY);
        pay
    }

    pub(crate) fn add_merchant(&mut self, mch_id: &str, api_key: &str) {
        self.merchants
            .insert(mch_id.to_owned(), Secret::new(api_key));
    }

    pub(crate) fn plays(path: &str) -> bool {
        PATHS.contains(&path)
    }

    fn next_id(&mut self, prefix: &str, now_ms: i64) -> String {
        self.seq += 1;
        format!("{prefix}{}{:010}", now_ms / 1000, self.seq)
    }

    /// Signs `fields` with the merchant's key and writes them.
    fn signed(key: &Secret, mut fields: BTreeMap<String, String>, sign_type: SignType) -> Vec<u8> {
        let s = sign(
            fields.iter().map(|(k, v)| (k.as_str(), v.as_str())),
            key,
            sign_type,
        );
        fields.insert("sign".into(), s);
        write_xml(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// The answer to a v2 call: checked, played, signed.
    pub(crate) fn handle(
        &mut self,
        path: &str,
        body: &[u8],
        peer: &Peer,
        now_ms: i64,
        nonce: &str,
    ) -> Vec<u8> {
        let Ok(req) = xml_fields(body) else {
            return fail("XML格式错误");
        };
        let mch_field = if path == "/mmpaymkttransfers/promotion/transfers" {
            "mchid"
        } else {
            "mch_id"
        };
        let Some(mch_id) = req.get(mch_field).cloned() else {
            return fail("缺少参数mch_id");
        };
        let Some(key) = self.merchants.get(&mch_id).cloned() else {
            return fail("mch_id参数格式错误");
        };
        if CERTIFICATE_PATHS.contains(&path)
            && let Some(why) = peer.refuses(&mch_id)
        {
            return fail(why);
        }
        let sign_type = match req.get("sign_type").map(String::as_str) {
            None | Some("") | Some("MD5") => SignType::Md5,
            Some("HMAC-SHA256") if !path.starts_with("/mmpaymkttransfers/") => SignType::HmacSha256,
            Some(_) => return fail("签名类型错误"),
        };
        if req.get("nonce_str").is_none_or(String::is_empty) {
            return fail("缺少参数nonce_str");
        }
        if !verify(&req, &key, sign_type) {
            return fail("签名错误");
        }
        let get = |k: &str| req.get(k).cloned().unwrap_or_default();
        let appid = get("appid");
        let mut out = BTreeMap::new();
        out.insert("return_code".to_owned(), "SUCCESS".to_owned());
        out.insert("return_msg".to_owned(), "OK".to_owned());
        out.insert("nonce_str".to_owned(), nonce.to_owned());
        let business = |out: &mut BTreeMap<String, String>, err: Option<(&str, &str)>| match err {
            None => {
                out.insert("result_code".into(), "SUCCESS".into());
            }
            Some((code, des)) => {
                out.insert("result_code".into(), "FAIL".into());
                out.insert("err_code".into(), code.into());
                out.insert("err_code_des".into(), des.into());
            }
        };
        match path {
            "/pay/unifiedorder" => {
                out.insert("appid".into(), appid.clone());
                out.insert("mch_id".into(), mch_id.clone());
                let out_trade_no = get("out_trade_no");
                let order_key = (mch_id.clone(), out_trade_no.clone());
                let total_fee = get("total_fee").parse::<u64>().unwrap_or(0);
                let trade_type = get("trade_type");
                if out_trade_no.is_empty() || total_fee == 0 || trade_type.is_empty() {
                    business(&mut out, Some(("PARAM_ERROR", "参数错误")));
                } else if trade_type == "JSAPI" && get("openid").is_empty() {
                    business(&mut out, Some(("PARAM_ERROR", "JSAPI支付必须传openid")));
                } else if let Some(existing) = self.orders.get(&order_key) {
                    if existing.trade_state == "SUCCESS" || existing.trade_state == "REFUND" {
                        business(&mut out, Some(("ORDERPAID", "该订单已支付")));
                    } else if existing.trade_state == "CLOSED" {
                        business(&mut out, Some(("ORDERCLOSED", "该订单已关")));
                    } else if existing.total_fee != total_fee {
                        business(&mut out, Some(("INVALID_REQUEST", "201 商户订单号重复")));
                    } else {
                        business(&mut out, None);
                        out.insert("trade_type".into(), existing.trade_type.clone());
                        out.insert("prepay_id".into(), existing.prepay_id.clone());
                    }
                } else {
                    let prepay_id = self.next_id("wx", now_ms);
                    let order = Order {
                        appid,
                        out_trade_no,
                        total_fee,
                        trade_type: trade_type.clone(),
                        openid: get("openid"),
                        attach: get("attach"),
                        notify_url: get("notify_url"),
                        sign_type,
                        prepay_id: prepay_id.clone(),
                        trade_state: "NOTPAY".into(),
                        transaction_id: String::new(),
                        time_end: String::new(),
                    };
                    self.orders.insert(order_key, order);
                    business(&mut out, None);
                    out.insert("trade_type".into(), trade_type.clone());
                    out.insert("prepay_id".into(), prepay_id.clone());
                    if trade_type == "NATIVE" {
                        out.insert(
                            "code_url".into(),
                            format!("weixin://wxpay/bizpayurl?pr={prepay_id}"),
                        );
                    }
                }
            }
            "/pay/orderquery" | "/pay/closeorder" => {
                out.insert("appid".into(), appid.clone());
                out.insert("mch_id".into(), mch_id.clone());
                let transaction_id = get("transaction_id");
                let found = self.orders.values_mut().find(|o| {
                    (!transaction_id.is_empty() && o.transaction_id == transaction_id)
                        || o.out_trade_no == get("out_trade_no")
                });
                match (path, found) {
                    (_, None) => business(&mut out, Some(("ORDERNOTEXIST", "订单不存在"))),
                    ("/pay/closeorder", Some(o)) => {
                        if o.trade_state == "SUCCESS" || o.trade_state == "REFUND" {
                            business(&mut out, Some(("ORDERPAID", "订单已支付")));
                        } else {
                            o.trade_state = "CLOSED".into();
                            business(&mut out, None);
                            out.insert("result_msg".into(), "OK".into());
                        }
                    }
                    (_, Some(o)) => {
                        let o = o.clone();
                        business(&mut out, None);
                        out.insert("out_trade_no".into(), o.out_trade_no);
                        out.insert("trade_state".into(), o.trade_state.clone());
                        out.insert("total_fee".into(), o.total_fee.to_string());
                        out.insert("trade_type".into(), o.trade_type);
                        if !o.attach.is_empty() {
                            out.insert("attach".into(), o.attach);
                        }
                        if o.trade_state != "NOTPAY" && o.trade_state != "CLOSED" {
                            out.insert("openid".into(), o.openid);
                            out.insert("transaction_id".into(), o.transaction_id);
                            out.insert("time_end".into(), o.time_end);
                            out.insert("bank_type".into(), "CFT".into());
                            out.insert("cash_fee".into(), o.total_fee.to_string());
                        }
                        let desc = match o.trade_state.as_str() {
                            "NOTPAY" => "订单未支付",
                            "SUCCESS" => "支付成功",
                            "CLOSED" => "订单已关闭",
                            _ => "转入退款",
                        };
                        out.insert("trade_state_desc".into(), desc.into());
                    }
                }
            }
            "/secapi/pay/refund" => {
                out.insert("appid".into(), appid.clone());
                out.insert("mch_id".into(), mch_id.clone());
                let transaction_id = get("transaction_id");
                let refund_fee = get("refund_fee").parse::<u64>().unwrap_or(0);
                let out_refund_no = get("out_refund_no");
                let order = self
                    .orders
                    .values()
                    .find(|o| {
                        (!transaction_id.is_empty() && o.transaction_id == transaction_id)
                            || o.out_trade_no == get("out_trade_no")
                    })
                    .cloned();
                let refunded: u64 = order.as_ref().map_or(0, |o| {
                    self.refunds
                        .values()
                        .filter(|r| {
                            r.out_trade_no == o.out_trade_no && r.out_refund_no != out_refund_no
                        })
                        .map(|r| r.refund_fee)
                        .sum()
                });
                match order {
                    None => business(&mut out, Some(("ORDERNOTEXIST", "订单不存在"))),
                    Some(o) if o.trade_state != "SUCCESS" && o.trade_state != "REFUND" => {
                        business(&mut out, Some(("TRADE_STATE_ERROR", "订单状态错误")))
                    }
                    Some(o) if refund_fee == 0 || refunded + refund_fee > o.total_fee => {
                        business(&mut out, Some(("INVALID_REQUEST", "退款金额大于支付金额")))
                    }
                    Some(o) if out_refund_no.is_empty() => {
                        let _ = o;
                        business(&mut out, Some(("PARAM_ERROR", "缺少参数out_refund_no")))
                    }
                    Some(o) => {
                        let refund_key = (mch_id.clone(), out_refund_no.clone());
                        let refund_id = match self.refunds.get(&refund_key) {
                            Some(r) => r.refund_id.clone(),
                            None => {
                                let refund_id = self.next_id("50000", now_ms);
                                let notify_url = req
                                    .get("notify_url")
                                    .cloned()
                                    .unwrap_or_else(|| o.notify_url.clone());
                                self.refunds.insert(
                                    refund_key,
                                    RefundRecord {
                                        out_trade_no: o.out_trade_no.clone(),
                                        out_refund_no: out_refund_no.clone(),
                                        refund_id: refund_id.clone(),
                                        refund_fee,
                                        notify_url,
                                        status: "PROCESSING".into(),
                                        success_time: String::new(),
                                    },
                                );
                                refund_id
                            }
                        };
                        if let Some(order) = self
                            .orders
                            .get_mut(&(mch_id.clone(), o.out_trade_no.clone()))
                        {
                            order.trade_state = "REFUND".into();
                        }
                        business(&mut out, None);
                        out.insert("transaction_id".into(), o.transaction_id);
                        out.insert("out_trade_no".into(), o.out_trade_no);
                        out.insert("out_refund_no".into(), out_refund_no);
                        out.insert("refund_id".into(), refund_id);
                        out.insert("refund_fee".into(), refund_fee.to_string());
                        out.insert("total_fee".into(), o.total_fee.to_string());
                        out.insert("cash_fee".into(), o.total_fee.to_string());
                    }
                }
            }
            "/pay/refundquery" => {
                out.insert("appid".into(), appid.clone());
                out.insert("mch_id".into(), mch_id.clone());
                let mut list: Vec<&RefundRecord> = self
                    .refunds
                    .iter()
                    .filter(|((m, _), r)| {
                        *m == mch_id
                            && (r.out_refund_no == get("out_refund_no")
                                || r.refund_id == get("refund_id")
                                || r.out_trade_no == get("out_trade_no"))
                    })
                    .map(|(_, r)| r)
                    .collect();
                list.sort_by(|a, b| a.refund_id.cmp(&b.refund_id));
                if list.is_empty() {
                    business(&mut out, Some(("REFUNDNOTEXIST", "退款订单查询失败")));
                } else {
                    let order = self
                        .orders
                        .get(&(mch_id.clone(), list[0].out_trade_no.clone()))
                        .cloned();
                    business(&mut out, None);
                    if let Some(o) = order {
                        out.insert("transaction_id".into(), o.transaction_id);
                        out.insert("out_trade_no".into(), o.out_trade_no);
                        out.insert("total_fee".into(), o.total_fee.to_string());
                        out.insert("cash_fee".into(), o.total_fee.to_string());
                    }
                    out.insert("refund_count".into(), list.len().to_string());
                    for (n, r) in list.iter().enumerate() {
                        out.insert(format!("out_refund_no_{n}"), r.out_refund_no.clone());
                        out.insert(format!("refund_id_{n}"), r.refund_id.clone());
                        out.insert(format!("refund_fee_{n}"), r.refund_fee.to_string());
                        out.insert(format!("refund_status_{n}"), r.status.clone());
                        if !r.success_time.is_empty() {
                            out.insert(format!("refund_success_time_{n}"), r.success_time.clone());
                        }
                    }
                }
            }
            "/mmpaymkttransfers/sendredpack" => {
                // Answered without a sign, as WeChat Pay does.
                let mut out: BTreeMap<String, String> = BTreeMap::new();
                out.insert("return_code".into(), "SUCCESS".into());
                out.insert("return_msg".into(), "发放成功".into());
                out.insert("result_code".into(), "SUCCESS".into());
                out.insert("err_code".into(), "SUCCESS".into());
                out.insert("err_code_des".into(), "发放成功".into());
                for k in [
                    "mch_billno",
                    "mch_id",
                    "wxappid",
                    "re_openid",
                    "total_amount",
                ] {
                    out.insert(k.into(), get(k));
                }
                out.insert("send_listid".into(), self.next_id("1000", now_ms));
                return write_xml(out.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            }
            "/mmpaymkttransfers/promotion/transfers" => {
                let (_, time) = beijing(now_ms);
                let mut out: BTreeMap<String, String> = BTreeMap::new();
                out.insert("return_code".into(), "SUCCESS".into());
                out.insert("return_msg".into(), String::new());
                out.insert("result_code".into(), "SUCCESS".into());
                out.insert("nonce_str".into(), nonce.into());
                for k in ["mch_appid", "mchid", "partner_trade_no"] {
                    out.insert(k.into(), get(k));
                }
                out.insert("payment_no".into(), self.next_id("1000018301", now_ms));
                out.insert("payment_time".into(), time);
                return write_xml(out.iter().map(|(k, v)| (k.as_str(), v.as_str())));
            }
            _ => return fail("unknown path"),
        }
        Self::signed(&key, out, sign_type)
    }

    /// Marks an order paid and builds its payment notification, signed as the order was.
    pub(crate) fn pay(
        &mut self,
        mch_id: &str,
        out_trade_no: &str,
        now_ms: i64,
        nonce: &str,
    ) -> Option<PayNotify> {
        let key = self.merchants.get(mch_id)?.clone();
        let transaction_id = self.next_id("4200", now_ms);
        let order = self
            .orders
            .get_mut(&(mch_id.to_owned(), out_trade_no.to_owned()))?;
        if order.trade_state != "NOTPAY" {
            return None;
        }
        let (time_end, _) = beijing(now_ms);
        order.trade_state = "SUCCESS".into();
        order.transaction_id = transaction_id;
        order.time_end = time_end;
        if order.openid.is_empty() {
            order.openid = "oUpF8uMEb4qRXf22hE3X68TekukE".into();
        }
        let o = order.clone();
        let mut fields: BTreeMap<String, String> = [
            ("return_code", "SUCCESS".to_owned()),
            ("appid", o.appid),
            ("mch_id", mch_id.to_owned()),
            ("nonce_str", nonce.to_owned()),
            ("result_code", "SUCCESS".to_owned()),
            ("openid", o.openid),
            ("is_subscribe", "N".to_owned()),
            ("trade_type", o.trade_type),
            ("bank_type", "CFT".to_owned()),
            ("total_fee", o.total_fee.to_string()),
            ("fee_type", "CNY".to_owned()),
            ("cash_fee", o.total_fee.to_string()),
            ("transaction_id", o.transaction_id),
            ("out_trade_no", o.out_trade_no),
            ("time_end", o.time_end),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
        if !o.attach.is_empty() {
            fields.insert("attach".into(), o.attach);
        }
        if o.sign_type == SignType::HmacSha256 {
            fields.insert("sign_type".into(), "HMAC-SHA256".into());
        }
        let body = Self::signed(&key, fields, o.sign_type);
        Some(PayNotify {
            url: o.notify_url,
            body: String::from_utf8_lossy(&body).into_owned(),
        })
    }

    /// Completes a refund and builds its notification, `req_info` encrypted with the key.
    pub(crate) fn complete_refund(
        &mut self,
        mch_id: &str,
        out_refund_no: &str,
        now_ms: i64,
        nonce: &str,
    ) -> Option<PayNotify> {
        let key = self.merchants.get(mch_id)?.clone();
        let refund = self
            .refunds
            .get_mut(&(mch_id.to_owned(), out_refund_no.to_owned()))?;
        let (_, time) = beijing(now_ms);
        refund.status = "SUCCESS".into();
        refund.success_time = time;
        let r = refund.clone();
        let o = self
            .orders
            .get(&(mch_id.to_owned(), r.out_trade_no.clone()))?
            .clone();
        let info = [
            ("transaction_id", o.transaction_id.clone()),
            ("out_trade_no", o.out_trade_no.clone()),
            ("refund_id", r.refund_id.clone()),
            ("out_refund_no", r.out_refund_no.clone()),
            ("total_fee", o.total_fee.to_string()),
            ("settlement_total_fee", o.total_fee.to_string()),
            ("refund_fee", r.refund_fee.to_string()),
            ("settlement_refund_fee", r.refund_fee.to_string()),
            ("refund_status", "SUCCESS".to_owned()),
            ("success_time", r.success_time.clone()),
            ("refund_recv_accout", "支付用户零钱".to_owned()),
            ("refund_account", "REFUND_SOURCE_RECHARGE_FUNDS".to_owned()),
            ("refund_request_source", "API".to_owned()),
        ];
        let info = String::from_utf8_lossy(&write_xml(info.iter().map(|(k, v)| (*k, v.as_str()))))
            .replacen("<xml>", "<root>", 1)
            .replacen("</xml>", "</root>", 1);
        let req_info = encrypt_req_info(&key, info.as_bytes());
        let body = write_xml([
            ("return_code", "SUCCESS"),
            ("appid", o.appid.as_str()),
            ("mch_id", mch_id),
            ("nonce_str", nonce),
            ("req_info", req_info.as_str()),
        ]);
        Some(PayNotify {
            url: r.notify_url,
            body: String::from_utf8_lossy(&body).into_owned(),
        })
    }
}

/// Posts a notification's XML to its URL and reads the merchant's answer.
pub(crate) async fn post(notify: &PayNotify) -> Result<crate::CallbackResponse, crate::PushError> {
    let (status, content_type, body) =
        crate::callback::post(&notify.url, "text/xml", notify.body.clone().into_bytes()).await?;
    let plaintext = Some(String::from_utf8_lossy(&body).into_owned());
    Ok(crate::CallbackResponse {
        status,
        content_type,
        body,
        plaintext,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn beijing_time() {
        // 2014-09-03 05:15:40 UTC is 13:15:40 in Beijing.
        assert_eq!(
            beijing(1_409_721_340_000),
            (
                "20140903131540".to_owned(),
                "2014-09-03 13:15:40".to_owned()
            )
        );
    }

    #[test]
    fn unsigned_or_badly_signed_requests_fail() {
        let mut pay = PayV2::with_demo();
        let body = write_xml([("mch_id", demo::MCH_ID), ("nonce_str", "n"), ("sign", "X")]);
        let answer =
            xml_fields(&pay.handle("/pay/orderquery", &body, &Peer::Unchecked, 0, "n")).unwrap();
        assert_eq!(answer["return_code"], "FAIL");
        assert_eq!(answer["return_msg"], "签名错误");
    }
}
